"""How the total memory, processes and CPU of one sandbox are bounded, with or without root."""

# Two modes (see docs/grading.md, "Bounded without root"): a cgroup per sandbox where this user
# may make one with a memory limit (root, or a delegated subtree), else one process per kernel
# (a seccomp filter refuses new processes, RLIMIT_AS bounds its one address space) with fewer
# sandboxes side by side. Where neither works the grader refuses and prints ``cgroup_fix()``.

from __future__ import annotations

import os
import shutil
from pathlib import Path

from . import proc

__all__ = [
    "OVERHEAD_BYTES",
    "bound_for",
    "one_process_note",
    "unbounded_note",
    "cgroup_fix",
    "memory_available",
    "bounded_jobs",
]


def bound_for(controls: frozenset[str]) -> str:
    if {"pids", "memory"} <= controls:
        return "cgroup"
    return "one process" if proc.can_forbid_processes() else ""


def one_process_note() -> str:
    gib = proc.DEFAULT_LIMITS["memory_bytes"] / 1024**3
    return (
        "no cgroup limits memory here: each kernel runs as one process (threads, no child "
        f"processes) within {gib:g} GB of address space, and fewer sandboxes run side by side. "
        f"To allow child processes and give each sandbox a CPU share: {cgroup_fix()}"
    )


def unbounded_note() -> str:
    return (
        "nothing can bound a sandbox's total memory here (no cgroup, and no seccomp filter for "
        f"this machine): {cgroup_fix()}"
    )


def cgroup_fix(user: str | None = None) -> str:
    """The command that gives this user a cgroup subtree to grade in (printed in notes).

    Example:
        >>> "cgroup" in cgroup_fix("grader") or "systemd-run" in cgroup_fix("grader")
        True
    """
    import pwd

    user = user or pwd.getpwuid(os.geteuid()).pw_name
    if Path("/sys/fs/cgroup/cgroup.controllers").is_file() and shutil.which("systemd-run"):
        return (
            "run the grader in a delegated scope: systemd-run --user --scope -p Delegate=yes "
            "beyond-traffic grade ASSIGNMENT (a login session of the grading account, with "
            "systemd's user manager)"
        )
    hierarchies = "pids memory cpu"
    group = f"beyond-traffic-{user}"
    return (
        f"as root, once: for c in {hierarchies}; do mkdir -p /sys/fs/cgroup/$c/{group} && "
        f"chown -R {user} /sys/fs/cgroup/$c/{group}; done; then, in the grader's shell "
        f"before grading: for c in {hierarchies}; do echo $$ > "
        f"/sys/fs/cgroup/$c/{group}/cgroup.procs; done"
    )


def memory_available() -> int | None:
    """The host's MemAvailable in bytes (``None`` where /proc/meminfo does not say).

    Example:
        >>> (memory_available() or 1) > 0
        True
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


#: What a sandbox's trusted processes (bubblewrap, supervisor, executor) hold besides the kernel.
OVERHEAD_BYTES = 512 * 1024**2


def bounded_jobs(caps, jobs: int, *, memory_bytes: int | None = None) -> int:
    """How many sandboxes may run side by side: ``jobs``, fewer where no cgroup bounds them.

    Without a memory cgroup every sandbox may hold its whole address-space limit, so at most
    three quarters of the host's available memory is handed out that way.

    Example:
        >>> from types import SimpleNamespace
        >>> bounded_jobs(SimpleNamespace(bound="cgroup"), 8)  # 每个沙箱都有 cgroup：不减
        8
    """
    if caps.bound == "cgroup":
        return jobs
    per_box = (memory_bytes or proc.DEFAULT_LIMITS["memory_bytes"]) + OVERHEAD_BYTES
    available = memory_available()
    if available is None:
        return 1
    return max(1, min(jobs, int(available * 0.75) // per_box))
