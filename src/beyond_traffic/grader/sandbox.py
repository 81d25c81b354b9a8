"""Run one student's notebook in a throwaway sandbox and read back what it produced, safely."""

# This is the grader's side of a sandbox (see :mod:`.isolate` for the inside). For each notebook
# it prepares a box in its own private run folder:
#
#   box/             root-owned, mode 0711 (traversable, not listable); random name
#   box/spec.json    what the sandbox runs, 0600
#   box/stage/       the student's files with the release files over them, and trusted caches;
#                    shown read-only inside, copied into the kernel's size-limited tmpfs; as root
#                    it belongs to the kernel's uid, mode 0700, because the box's path is public
#                    (every process's mountinfo names it) and the box must stay traversable
#   box/obs.jsonl    the only host file the kernel can write (its observations)
#   box/exec/        the executor's folder (the notebook in, the executed notebook out)
#
# and reads results back with no-follow opens relative to the box's file descriptor.
# Containment modes, chosen by :func:`capabilities`:
#
# * ``root``: own namespaces, chroot trees, fresh uids, cgroups (fast: the kernel is forked
#   from a warm process);
# * ``bwrap``: bubblewrap's unprivileged user namespaces (for graders who are not root);
# * ``none``: no containment at all, only when the instructor explicitly accepts the risk.
#
# and how the total memory, processes and CPU of one sandbox are bounded (``Capabilities.bound``):
#
# * ``cgroup``: a group per sandbox limits memory, processes and CPU share together (root, or an
#   ordinary user with a delegated subtree);
# * ``one process``: no group can limit memory, so the kernel may start threads but no process
#   (a seccomp filter), and its one address space is limited by RLIMIT_AS: the total is that
#   limit, however many children student code asks for; fewer sandboxes run side by side.

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nbformat

from ..grading.wire import OBSERVATIONS_ENV
from . import cgroups, proc
from .bounds import (
    bound_for,
    bounded_jobs,
    cgroup_fix,
    memory_available,
    one_process_note,
    unbounded_note,
)
from .view import HOME, OBSERVATIONS, WORK, make_view

__all__ = [
    "Capabilities",
    "NoSandboxError",
    "SandboxResult",
    "capabilities",
    "make_run_dir",
    "run_notebook",
    "cleanup_stale",
    "UNSAFE_FLAG",
    "describe",
    "refusal",
    "cgroup_fix",
    "memory_available",
    "bounded_jobs",
]

#: The command-line flag (and ``BEYOND_TRAFFIC_SANDBOX=none``) that accepts running unsandboxed.
UNSAFE_FLAG = "--unsafe-no-sandbox"
#: Sizes of the kernel's tmpfs home (its work folder inside) and /tmp.
HOME_BYTES = 256 * 1024**2
TMP_BYTES = 64 * 1024**2
#: Submitted files larger than this are not given to the kernel.
MAX_FILE_BYTES = 64 * 1024**2
_UID_BASE = 210_000
_uids = itertools.count(_UID_BASE + (os.getpid() % 1000) * 200)
_uid_lock = threading.Lock()
_STATUS = {0: "ok", 3: "kernel died", 4: "execution error", 5: "kernel stopped after a timeout"}


class NoSandboxError(RuntimeError):
    """No containment is available and the instructor has not accepted running without it."""


@dataclass(frozen=True)
class Capabilities:
    """How this machine contains student code; ``notes`` say what is missing and why.

    Attributes:
        mode: ``"root"``, ``"bwrap"`` or ``"none"``.
        bwrap: the bubblewrap executable, when found.
        cgroup: whether a cgroup per sandbox can be made.
        notes: one line per limitation, printed after grading.
        bound: how one sandbox's total memory is bounded: ``"cgroup"`` (a group with a memory
            limit), ``"one process"`` (no child processes, RLIMIT_AS) or ``""`` (not at all).
    """

    mode: str
    bwrap: str | None = None
    cgroup: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    bound: str = "one process"


def _probe_root_namespaces() -> bool:
    probe = "import ctypes, sys; sys.exit(ctypes.CDLL(None).unshare(0x6C020000) != 0)"
    try:
        r = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return r.returncode == 0


def _probe_bwrap() -> str | None:
    found = os.environ.get("BEYOND_TRAFFIC_BWRAP") or shutil.which("bwrap")
    if not found or not os.access(found, os.X_OK):
        return None
    # The supervisor runs in one user namespace and the kernel in a nested one: try both.
    inner = [found, "--unshare-user", "--unshare-pid", "--ro-bind", "/", "/", "/bin/true"]
    outer = [found, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc"]
    try:
        r = subprocess.run([*outer, "--dev", "/dev", *inner], capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return found if r.returncode == 0 else None


@cache
def capabilities() -> Capabilities:
    """Probe once how student code can be contained here (root namespaces, bubblewrap, none).

    ``BEYOND_TRAFFIC_SANDBOX`` may force ``root``, ``bwrap`` or ``none``.

    Example:
        >>> capabilities().mode in ("root", "bwrap", "none")
        True
    """
    forced = os.environ.get("BEYOND_TRAFFIC_SANDBOX", "")
    notes: list[str] = []
    found = cgroups.detect()
    has_cgroup = found is not None
    bound = bound_for(cgroups.controls(found))
    if forced == "none":
        return Capabilities(
            "none",
            notes=("containment disabled (BEYOND_TRAFFIC_SANDBOX=none): rlimits only",),
            bound=bound,
        )
    if bound != "cgroup":
        notes.append(one_process_note() if bound else unbounded_note())
    if forced in ("", "root") and os.geteuid() == 0 and _probe_root_namespaces():
        return Capabilities("root", cgroup=has_cgroup, notes=tuple(notes), bound=bound)
    bwrap = _probe_bwrap() if forced in ("", "bwrap") else None
    if bwrap:
        return Capabilities(
            "bwrap", bwrap=bwrap, cgroup=has_cgroup, notes=tuple(notes), bound=bound
        )
    why = (
        "no sandbox is available: not root, and bubblewrap is missing or user namespaces are "
        "disabled"
    )
    return Capabilities("none", notes=(why,), bound=bound)


_DESCRIPTIONS = {
    "root": "namespaces, chroot and fresh uids (grader is root)",
    "bwrap": "bubblewrap user namespaces (grader is not root)",
    "none": "NONE: student code ran as the grader's user",
}


def describe(caps: Capabilities) -> str:
    """One line naming how student code was contained, for the grader's summary.

    Example:
        >>> describe(Capabilities("bwrap"))
        'bubblewrap user namespaces (grader is not root)'
    """
    return _DESCRIPTIONS[caps.mode]


def refusal(caps: Capabilities) -> str:
    """The message given when there is no sandbox and the risk was not accepted."""
    if caps.mode != "none" and not caps.bound:
        return caps.notes[0]
    return (
        f"{caps.notes[0]}. Student code would run as you, able to read and change your files. "
        "Install bubblewrap (Debian/Ubuntu: apt install bubblewrap), or run the grader as "
        f"root, or pass {UNSAFE_FLAG} to accept the risk."
    )


@dataclass
class SandboxResult:
    """How the run ended, the executed notebook (if readable) and the observations copy."""

    status: str
    returncode: int | None
    seconds: float
    notebook: nbformat.NotebookNode | None
    observations: Path | None
    notes: list[str] = field(default_factory=list)


def _next_uid() -> int:
    with _uid_lock:
        return next(_uids)


def make_run_dir() -> Path:
    """The grader's private folder for one run (removed by the caller).

    Example:
        >>> d = make_run_dir(); d.stat().st_mode & 0o077 in (0o011, 0); d.rmdir()
        True
    """
    run_dir = Path(tempfile.mkdtemp(prefix=f"bt-grader-{os.getpid()}-"))
    # As root, sandbox users must traverse it to reach their own folders; nobody may list it.
    os.chmod(run_dir, 0o711 if os.geteuid() == 0 else 0o700)
    return run_dir


def _stage_files(
    stage: Path, files_dir: Path | None, release_files: list[tuple[Path, str]], seeds: Path | None
) -> list[str]:
    notes = []
    work = stage / "work"
    work.mkdir(parents=True)
    if files_dir is not None and files_dir.is_dir():
        for src in sorted(files_dir.rglob("*")):
            rel = src.relative_to(files_dir)
            if src.is_symlink() or src.suffix == ".ipynb" or rel.parts[0] == ".ipynb_checkpoints":
                continue
            dest = work / rel
            if src.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            elif src.is_file():
                if src.stat().st_size > MAX_FILE_BYTES:
                    notes.append(f"{rel} is larger than {MAX_FILE_BYTES // 2**20} MB, left out")
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
    for src, rel in release_files:
        dest = work / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest)
        elif dest.exists() or dest.is_symlink():
            dest.unlink()
        shutil.copyfile(src, dest)
    if seeds is not None and seeds.is_dir():
        shutil.copytree(seeds, stage / "home", symlinks=False)
    for dirpath, _, filenames in os.walk(stage):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
    os.chmod(stage, 0o700)  # given to the kernel's uid as root (see the module comment)
    return notes


def _kernel_env(paths: dict[str, str], observations: str) -> dict[str, str]:
    home = paths["home"]
    return {
        "HOME": home,
        "TMPDIR": "/tmp",
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "MPLCONFIGDIR": f"{home}/.matplotlib",
        "JUPYTER_RUNTIME_DIR": f"{home}/.runtime",
        "IPYTHONDIR": f"{home}/.ipython",
        "BEYOND_TRAFFIC_CACHE_DIR": f"{home}/.cache/beyond-traffic",
        "NBGRADER_EXECUTION": "autograde",
        OBSERVATIONS_ENV: observations,
    }


def _read_results(box: Path) -> tuple[nbformat.NotebookNode | None, bytes | None]:
    """The executed notebook and the observations, opened without following any link."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    notebook = observations = None
    box_fd = os.open(box, flags | os.O_DIRECTORY)
    try:
        try:
            exec_fd = os.open("exec", flags | os.O_DIRECTORY, dir_fd=box_fd)
            try:
                fd = os.open("executed.ipynb", flags, dir_fd=exec_fd)
                with os.fdopen(fd, "rb") as fh:
                    if os.fstat(fh.fileno()).st_size <= 64 * 1024**2:
                        notebook = nbformat.reads(fh.read().decode("utf-8"), as_version=4)
            finally:
                os.close(exec_fd)
        except (OSError, ValueError):
            notebook = None
        try:
            fd = os.open("obs.jsonl", flags, dir_fd=box_fd)
            with os.fdopen(fd, "rb") as fh:
                if os.fstat(fh.fileno()).st_size <= 64 * 1024**2:
                    observations = fh.read()
        except OSError:
            observations = None
    finally:
        os.close(box_fd)
    return notebook, observations


def run_notebook(
    notebook: nbformat.NotebookNode,
    files_dir: Path | None,
    release_files: list[tuple[Path, str]],
    *,
    run_dir: Path,
    zygote,
    cell_timeout: int = 120,
    wall_timeout: float = 900,
    grace: float = 20.0,
    limits: dict[str, int] | None = None,
    seeds: Path | None = None,
    allow_unsandboxed: bool = False,
) -> SandboxResult:
    """Execute ``notebook`` in a sandbox and return what it produced.

    Args:
        notebook: the notebook for the kernel (test cells already reduced to observation code).
        files_dir: the student's submission folder; its non-notebook files are staged.
        release_files: ``(path, relative name)`` pairs staged over the student's files.
        run_dir: the grader's private folder (from :func:`make_run_dir`).
        zygote: a warm ``Zygote("sandbox")`` to fork the sandbox from.
        cell_timeout: seconds per cell (nbgrader's ``Execute.timeout``).
        wall_timeout: seconds for the whole notebook, kernel start included.
        grace: seconds a kernel gets to answer the interrupt after a cell timeout.
        limits: overrides for :data:`.proc.DEFAULT_LIMITS`.
        seeds: trusted files for the kernel's home folder (caches).
        allow_unsandboxed: run even when no sandbox is available (the instructor's choice).

    Raises:
        NoSandboxError: no containment here and ``allow_unsandboxed`` is false.

    Example:
        >>> callable(run_notebook)
        True
    """
    caps = capabilities()
    if caps.mode == "none" and not (allow_unsandboxed or _forced_none()):
        raise NoSandboxError(refusal(caps))
    if not caps.bound and not (allow_unsandboxed or _forced_none()):
        raise NoSandboxError(refusal(caps))
    lim = {**proc.DEFAULT_LIMITS, **(limits or {})}
    root = caps.mode == "root"
    box = Path(tempfile.mkdtemp(prefix="box-", dir=run_dir))
    os.chmod(box, 0o711)
    exec_dir = box / "exec"
    (exec_dir / "home").mkdir(parents=True)
    (exec_dir / "runtime").mkdir()
    stage = box / "stage"
    notes = _stage_files(stage, files_dir, release_files, seeds)
    nbformat.write(notebook, str(exec_dir / "input.ipynb"))
    obs = box / "obs.jsonl"
    obs.touch(mode=0o600)
    kernel_uid = _next_uid() if root else os.geteuid()
    executor_uid = _next_uid() if root else os.geteuid()
    if caps.mode == "none":
        paths = {"home": str(box / "home"), "work": str(box / "home" / "work")}
        paths["stage"] = str(stage)
        observations = str(obs)
    else:
        paths = {"home": HOME, "work": WORK, "stage": ""}
        observations = OBSERVATIONS
    view = make_view(
        stage=str(stage),
        observations=str(obs),
        uid=kernel_uid,
        home_bytes=HOME_BYTES,
        tmp_bytes=TMP_BYTES,
    )
    group = None
    if caps.bound == "cgroup":
        group = cgroups.create(
            box.name + f"-{os.getpid()}",
            cgroups.CgroupLimits(pids=lim["nproc"] * 2, memory_bytes=lim["memory_bytes"]),
        )
    spec = {
        "mode": caps.mode,
        "bwrap": caps.bwrap,
        "box": str(box),
        "box_exec": str(exec_dir),
        "executor_dir": str(exec_dir),
        "tree": str(box / "ktree"),
        "executor_tree": str(box / "wtree"),
        "cell_timeout": cell_timeout,
        "grace": grace,
        "kernel_name": "python3",
        "kernel_uid": kernel_uid,
        "executor_uid": executor_uid,
        "limits": lim,
        "view": {**view.__dict__, "links": [list(x) for x in view.links]},
        "kernel_env": _kernel_env(paths, observations),
        "kernel_paths": paths,
        "executor_env": {
            "HOME": str(exec_dir / "home"),
            "JUPYTER_RUNTIME_DIR": str(exec_dir / "runtime"),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
            "LANG": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
        },
        "cgroup_procs": [str(f / "cgroup.procs") for f in group.folders] if group else [],
        # No group limits memory: the kernel starts no process, its address space is the bound.
        "single_process": group is None and proc.can_forbid_processes(),
    }
    for tree in ("ktree", "wtree"):
        (box / tree).mkdir()
    spec_path = box / "spec.json"
    fd = os.open(spec_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(spec, fh, ensure_ascii=False)
    if root:
        os.chown(obs, kernel_uid, kernel_uid)
        os.chown(stage, kernel_uid, kernel_uid)
        for dirpath, _, filenames in os.walk(exec_dir):
            os.chown(dirpath, executor_uid, executor_uid)
            for name in filenames:
                os.chown(os.path.join(dirpath, name), executor_uid, executor_uid)
        os.chmod(exec_dir, 0o700)
    start = time.monotonic()
    try:
        code = zygote.run(str(spec_path), timeout=wall_timeout)
    finally:
        if group is not None:
            group.remove()
    seconds = time.monotonic() - start
    executed, observed = _read_results(box)
    copy = None
    if observed is not None:
        copy = Path(tempfile.mkstemp(prefix="obs-", dir=run_dir)[1])
        copy.write_bytes(observed)
    shutil.rmtree(box, ignore_errors=True)
    status = _STATUS.get(code, "timeout" if code == 124 else f"sandbox error {code}")
    return SandboxResult(status, code, seconds, executed, copy, notes)


def _forced_none() -> bool:
    return os.environ.get("BEYOND_TRAFFIC_SANDBOX") == "none"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup_stale(scratch: Path | None = None) -> int:
    """Remove run folders left by graders that were killed (never another live grader's).

    Only folders named ``bt-grader-PID-*`` that are real folders owned by this user, whose
    grader is gone, are removed; links are never followed.

    Example:
        >>> cleanup_stale() >= 0
        True
    """
    removed = 0
    base = Path(scratch or tempfile.gettempdir())
    for path in base.glob("bt-grader-*-*"):
        parts = path.name.split("-")
        if len(parts) < 4 or not parts[2].isdigit():
            continue
        try:
            st = path.lstat()
        except OSError:
            continue
        if not path.is_dir() or path.is_symlink() or st.st_uid != os.geteuid():
            continue
        pid = int(parts[2])
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed + cgroups.remove_stale("box-*-*", _pid_alive)
