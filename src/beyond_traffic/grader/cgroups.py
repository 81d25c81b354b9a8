"""A cgroup per sandbox capping its processes and memory and sharing the CPU, on v1 or v2."""

# cgroup v1 mounts one hierarchy per controller (/sys/fs/cgroup/pids, /sys/fs/cgroup/memory);
# cgroup v2 has one unified tree where a child group gets the controllers its parent lists in
# cgroup.subtree_control. Either way the grader creates a group per sandbox, writes its limits,
# moves the sandbox's first process into it (every later process inherits it) and removes the
# group afterwards. With the cpu controller each sandbox is one entity for the scheduler, so a
# submission that forks a hundred busy processes gets one share, not a hundred, and the student
# graded beside it still gets a fair part of the machine. An ordinary user gets groups where a
# subtree was delegated to it: on v2 its own group (systemd's Delegate=yes, or a folder root
# handed over), on v1 its own group of each controller hierarchy when root chowned it. Where no
# group bounds memory, the sandbox falls back to one process under RLIMIT_AS (see
# :func:`.sandbox.capabilities`), and the grader says so.

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CgroupLimits",
    "SandboxCgroup",
    "detect",
    "controls",
    "create",
    "remove_stale",
]

_ROOT = Path("/sys/fs/cgroup")


@dataclass(frozen=True)
class CgroupLimits:
    """Limits for one sandbox's group: process count, memory (bytes, swap excluded), CPU share.

    The CPU share is the scheduler's default for one group (v1 ``cpu.shares``, v2
    ``cpu.weight``): every sandbox weighs the same, however many processes it runs.
    """

    pids: int = 256
    memory_bytes: int = 3 * 1024**3
    cpu_shares: int = 1024
    cpu_weight: int = 100


@dataclass
class SandboxCgroup:
    """The group(s) of one sandbox: one folder per v1 controller, or one v2 folder.

    Example:
        >>> SandboxCgroup(version=2, folders=[]).folders
        []
    """

    version: int
    folders: list[Path]

    def attach(self, pid: int) -> None:
        """Move ``pid`` (and so every process it starts later) into the group."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(pid))

    def remove(self) -> None:
        """Delete the group once its processes are gone (retries briefly while they exit)."""
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.1)


def _own_groups() -> dict[str, str]:
    """``{controller: path}`` of this process's groups (``""`` is the v2 group)."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) == 3:
            for name in parts[1].split(",") if parts[1] else [""]:
                out[name] = parts[2].lstrip("/")
    return out


def _own_v2_group(root: Path) -> Path | None:
    own = _own_groups().get("")
    return None if own is None else root / own


def _own_v1_groups(root: Path) -> list[Path]:
    """Our own group of each v1 hierarchy, where it is writable (a delegated subtree)."""
    own = _own_groups()
    found = []
    for name in ("pids", "memory", "cpu"):
        if name in own and own[name]:
            folder = root / name / own[name]
            if folder.is_dir() and os.access(folder, os.W_OK):
                found.append(folder)
    return found


def detect(root: Path = _ROOT) -> tuple[int, list[Path]] | None:
    """Where sandbox groups can be made: ``(1, [pids, memory folders])`` or ``(2, [parent])``.

    v1 needs writable ``pids`` (memory and cpu are used when writable too): the hierarchies'
    roots as root, or our own groups in them where root delegated them to this user. v2 needs
    a writable group of our own whose ``cgroup.controllers`` offers ``pids``: the grader's own
    group when it runs as root with a delegated tree, or a systemd-delegated user group.

    Example:
        >>> detect(Path("/nonexistent")) is None
        True
    """
    v1 = [root / "pids", root / "memory", root / "cpu"]
    if v1[0].is_dir() and os.access(v1[0], os.W_OK):
        return 1, [d for d in v1 if d.is_dir() and os.access(d, os.W_OK)]
    if v1[0].is_dir():
        delegated = _own_v1_groups(root)
        if any((f / "pids.max").is_file() for f in delegated):
            return 1, delegated
    if (root / "cgroup.controllers").is_file():
        parent = _own_v2_group(root)
        if parent is None or not os.access(parent, os.W_OK):
            return None
        try:
            available = (parent / "cgroup.controllers").read_text().split()
        except OSError:
            return None
        if "pids" in available:
            return 2, [parent]
    return None


def controls(found: tuple[int, list[Path]] | None, *, root: Path = _ROOT) -> frozenset[str]:
    """Which of ``pids``, ``memory`` and ``cpu`` the groups :func:`detect` found can limit.

    Example:
        >>> controls(None)
        frozenset()
    """
    if found is None:
        return frozenset()
    version, folders = found
    if version == 2:
        try:
            available = (folders[0] / "cgroup.controllers").read_text().split()
        except OSError:
            return frozenset()
        return frozenset(c for c in ("pids", "memory", "cpu") if c in available)
    names = set()
    for folder in folders:
        try:
            names.add(folder.relative_to(root).parts[0])
        except (ValueError, IndexError):
            continue
    return frozenset(names & {"pids", "memory", "cpu"})


def _enable_v2(parent: Path) -> None:
    # cgroup v2 forbids processes in a group that hands controllers to its children: move the
    # grader into a leaf group of its own first, then enable pids (memory, cpu) below the parent.
    available = (parent / "cgroup.controllers").read_text().split()
    enabled = (parent / "cgroup.subtree_control").read_text().split()
    wanted = [c for c in ("pids", "memory", "cpu") if c in available and c not in enabled]
    if not wanted:
        return
    leaf = parent / f"bt-grader-{os.getpid()}"
    leaf.mkdir(exist_ok=True)
    (leaf / "cgroup.procs").write_text(str(os.getpid()))
    (parent / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in wanted))


def create(name: str, limits: CgroupLimits, *, root: Path = _ROOT) -> SandboxCgroup | None:
    """Make the group ``name`` with ``limits``; ``None`` where this machine allows none.

    Example:
        >>> create("bt-example", CgroupLimits(), root=Path("/nonexistent")) is None
        True
    """
    found = detect(root)
    if found is None:
        return None
    version, parents = found
    made: list[Path] = []
    try:
        if version == 2:
            _enable_v2(parents[0])
        for parent in parents:
            folder = parent / name
            folder.mkdir()
            made.append(folder)
            # A v1 group is known by its control files (its parent may be a delegated group
            # deep in the hierarchy, not the hierarchy's root).
            if version == 1 and (folder / "pids.max").exists():
                (folder / "pids.max").write_text(str(limits.pids))
            elif version == 1 and (folder / "memory.limit_in_bytes").exists():
                (folder / "memory.limit_in_bytes").write_text(str(limits.memory_bytes))
                try:  # swap too, where swap is accounted (memory + swap = memory: no swap)
                    (folder / "memory.memsw.limit_in_bytes").write_text(str(limits.memory_bytes))
                except OSError:
                    pass
            elif version == 1 and (folder / "cpu.shares").exists():
                (folder / "cpu.shares").write_text(str(limits.cpu_shares))
            elif version == 2:
                (folder / "pids.max").write_text(str(limits.pids))
                if (folder / "memory.max").exists():
                    (folder / "memory.max").write_text(str(limits.memory_bytes))
                if (folder / "memory.swap.max").exists():
                    (folder / "memory.swap.max").write_text("0")
                if (folder / "cpu.weight").exists():
                    (folder / "cpu.weight").write_text(str(limits.cpu_weight))
    except OSError:
        SandboxCgroup(version, made).remove()
        return None
    return SandboxCgroup(version, made)


def remove_stale(pattern: str, alive, *, root: Path = _ROOT) -> int:
    """Remove sandbox groups named ``pattern`` (a glob ending in ``-PID``) whose grader is gone.

    Args:
        pattern: e.g. ``"box-*-*"``; the last dash-separated part must be the grader's pid.
        alive: ``alive(pid) -> bool``.

    Example:
        >>> remove_stale("box-*-*", lambda pid: True, root=Path("/nonexistent"))
        0
    """
    found = detect(root)
    if found is None:
        return 0
    removed = 0
    for parent in found[1]:
        for folder in parent.glob(pattern):
            pid = folder.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)):
                try:
                    folder.rmdir()
                    removed += 1
                except OSError:
                    pass
    return removed
