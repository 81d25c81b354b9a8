"""Run one student's notebook in a throwaway, unprivileged, network-less sandbox."""

# Layers (each used when the platform allows it, see :func:`capabilities`):
#
# * new net/mount/pid namespaces via ``unshare(2)`` (no network; course folders hidden under empty
#   tmpfs mounts; every process dies with the namespace);
# * a fresh unprivileged uid per sandbox, so ``RLIMIT_NPROC`` really counts its processes and
#   root-owned course files cannot be written;
# * a ``pids`` cgroup (``pids.max``) when ``/sys/fs/cgroup/pids`` is writable;
# * rlimits on CPU seconds, address space, file size, open files and core dumps;
# * a wall-clock limit enforced by the parent, and output caps in the executor.

from __future__ import annotations

import ctypes
import fcntl
import itertools
import json
import os
import resource
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..grading import OBSERVATIONS_ENV

#: Resource limits for the student's processes.
DEFAULT_LIMITS = {
    "cpu_seconds": 600,
    "memory_bytes": 3 * 1024**3,
    "file_bytes": 64 * 1024**2,
    "nproc": 128,
    "nofile": 512,
}
_UID_BASE = 210_000
_uids = itertools.count(_UID_BASE + (os.getpid() % 1000) * 100)
_uid_lock = threading.Lock()
_PIDS_ROOT = Path("/sys/fs/cgroup/pids")


@dataclass(frozen=True)
class Capabilities:
    """What containment this machine allows; ``notes`` explain every fallback."""

    namespaces: bool
    drop_uid: bool
    pids_cgroup: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


@cache
def capabilities() -> Capabilities:
    """Probe once which isolation layers work here (unshare, setuid, pids cgroup).

    Example:
        >>> isinstance(capabilities().namespaces, bool)
        True
    """
    if os.environ.get("BEYOND_TRAFFIC_SANDBOX") == "none":
        note = "containment disabled by BEYOND_TRAFFIC_SANDBOX=none (rlimits only)"
        return Capabilities(False, False, False, (note,))
    notes = []
    namespaces = False
    if os.geteuid() == 0:
        probe = "import ctypes, sys; sys.exit(ctypes.CDLL(None).unshare(0x60020000) != 0)"
        try:
            r = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, timeout=20)
            namespaces = r.returncode == 0
        except (OSError, subprocess.SubprocessError):
            namespaces = False
    if not namespaces:
        notes.append(
            "no namespaces (needs root and unshare(2)): the network stays reachable and course "
            "folders are protected only by file permissions"
        )
    drop_uid = os.geteuid() == 0
    if not drop_uid:
        notes.append("not root: student code runs as the grader's own user")
    pids = False
    if drop_uid and _PIDS_ROOT.is_dir():
        probe = _PIDS_ROOT / f"bt-probe-{os.getpid()}"
        try:
            probe.mkdir()
            (probe / "pids.max").write_text("10")
            probe.rmdir()
            pids = True
        except OSError:
            pids = False
    if not pids:
        notes.append("no pids cgroup: fork bombs are limited by RLIMIT_NPROC on a fresh uid only")
    return Capabilities(namespaces, drop_uid, pids, tuple(notes))


@dataclass
class SandboxResult:
    """Where the executed notebook and observations are, and how the run ended."""

    notebook_out: Path
    observations: Path
    status: str
    returncode: int | None
    seconds: float


def _next_uid() -> int:
    with _uid_lock:
        return next(_uids)


def _chown_tree(root: Path, uid: int) -> None:
    for dirpath, dirnames, filenames in os.walk(root):
        os.chown(dirpath, uid, uid)
        for name in dirnames + filenames:
            os.lchown(os.path.join(dirpath, name), uid, uid)


def run_notebook(
    notebook: Path,
    files_dir: Path | None,
    release_files: list[tuple[Path, str]],
    *,
    hide: list[Path],
    cell_timeout: int = 120,
    wall_timeout: float = 900,
    kernel_name: str = "python3",
    limits: dict[str, int] | None = None,
    scratch: Path | None = None,
    zygote=None,
    fork_kernel: bool = True,
) -> tuple[SandboxResult, Path]:
    """Execute ``notebook`` in a sandbox; return the result and the scratch dir (caller removes).

    Args:
        notebook: the sanitised notebook to execute (it is copied).
        files_dir: the student's submission folder; its non-notebook files are copied.
        release_files: ``(path, relative name)`` pairs copied over the student's files.
        hide: folders and files to hide from the student's processes.
        cell_timeout: seconds per cell (nbgrader's ``Execute.timeout``).
        wall_timeout: seconds for the whole notebook, kernel start included.
        kernel_name: the kernel to start.
        limits: overrides for :data:`DEFAULT_LIMITS`.
        scratch: parent folder for the throwaway copy (default: the system temp dir).
        zygote: a warm ``Zygote("sandbox")`` to fork from (default: start one for this call).
        fork_kernel: start the ipykernel by forking a pre-imported process (fast) instead of
            running ``python -m ipykernel_launcher``.

    Example:
        >>> callable(run_notebook)
        True
    """
    caps = capabilities()
    lim = {**DEFAULT_LIMITS, **(limits or {})}
    box = Path(tempfile.mkdtemp(prefix=f"bt-sandbox-{os.getpid()}-", dir=scratch))
    work = box / "work"
    home = box / "home"
    tmp = box / "tmp"
    for d in (work, home, tmp, box / "stage"):
        d.mkdir()
    if files_dir is not None and files_dir.is_dir():
        for src in files_dir.rglob("*"):
            rel = src.relative_to(files_dir)
            if src.is_symlink() or src.suffix == ".ipynb" or rel.parts[0] == ".ipynb_checkpoints":
                continue
            dest = work / rel
            if src.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            elif src.is_file():
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
    nb_in = box / "input.ipynb"
    shutil.copyfile(notebook, nb_in)
    nb_out = work / ".bt-executed.ipynb"
    obs = work / ".bt-observations.jsonl"
    uid = _next_uid() if caps.drop_uid else os.geteuid()
    spec = {
        "workdir": str(work),
        "notebook_in": str(nb_in),
        "notebook_out": str(nb_out),
        "observations": str(obs),
        "cell_timeout": cell_timeout,
        "kernel_name": kernel_name,
        "fork_kernel": fork_kernel,
        "uid": uid,
        "drop_uid": caps.drop_uid,
        "isolate": caps.namespaces,
        "hide": [str(p) for p in hide if p.exists()],
        "expose": [str(p) for p in _blocked_runtime_paths()],
        "stage": str(box / "stage"),
        "limits": lim,
        "cgroup": None,
        "env": {
            "HOME": str(home),
            "TMPDIR": str(tmp),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
            "MPLCONFIGDIR": str(home / ".matplotlib"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "IPYTHONDIR": str(home / ".ipython"),
            "NBGRADER_EXECUTION": "autograde",
            OBSERVATIONS_ENV: str(obs),
        },
    }
    _seed_matplotlib_cache(home / ".matplotlib")
    cgroup = None
    if caps.pids_cgroup:
        cgroup = _PIDS_ROOT / box.name
        try:
            cgroup.mkdir()
            (cgroup / "pids.max").write_text(str(lim["nproc"] * 2))
            spec["cgroup"] = str(cgroup)
        except OSError:
            cgroup = None
    spec_path = box / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    if caps.drop_uid:
        _chown_tree(box, uid)
        os.chown(spec_path, 0, 0)
        os.chmod(box, 0o700)
    start = time.monotonic()
    own = zygote is None
    if own:
        from .zygote import Zygote

        zygote = Zygote("sandbox")
    try:
        code = zygote.run(str(spec_path), timeout=wall_timeout)
    finally:
        if own:
            zygote.close()
    seconds = time.monotonic() - start
    status = {0: "ok", 3: "kernel died", 4: "execution error", 124: "timeout"}.get(
        code, f"sandbox error {code}"
    )
    if cgroup is not None:
        _remove_cgroup(cgroup)
    return SandboxResult(nb_out, obs, status, code, seconds), box


def _world_traversable(path: Path) -> bool:
    for part in [path, *path.parents]:
        try:
            if not part.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


@cache
def _blocked_runtime_paths() -> tuple[Path, ...]:
    """Interpreter folders an unprivileged uid cannot reach (e.g. a pyenv under /root)."""
    import beyond_traffic

    needed = {
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.executable).resolve().parent.parent,
        Path(beyond_traffic.__file__).resolve().parent.parent,
    }
    blocked = sorted(p for p in needed if p.is_dir() and not _world_traversable(p))
    # Keep only the outermost of nested paths.
    return tuple(p for p in blocked if not any(q != p and q in p.parents for q in blocked))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup_stale(scratch: Path | None = None) -> int:
    """Remove sandboxes, temp files and cgroups left by graders that were killed.

    Every name carries the pid of the grader that made it; only those whose grader is gone
    are removed, so concurrent runs are safe.

    Example:
        >>> cleanup_stale() >= 0
        True
    """
    removed = 0
    base = Path(scratch or tempfile.gettempdir())
    kinds = ("sandbox", "in", "replay", "warmup")
    places = [p for kind in kinds for p in base.glob(f"bt-{kind}-*-*")]
    if _PIDS_ROOT.is_dir():
        places += list(_PIDS_ROOT.glob("bt-sandbox-*-*"))
    for path in places:
        parts = path.name.split("-")
        if len(parts) < 4 or parts[1] not in kinds or not parts[2].isdigit():
            continue
        pid = int(parts[2])
        if pid != os.getpid() and not _pid_alive(pid):
            try:
                if path.parent == _PIDS_ROOT:
                    path.rmdir()
                elif path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _seed_matplotlib_cache(target: Path) -> None:
    # Rebuilding matplotlib's font list takes seconds per sandbox; a copy of ours is trusted.
    try:
        import matplotlib

        cache_dir = Path(matplotlib.get_cachedir())
        target.mkdir(parents=True, exist_ok=True)
        for f in cache_dir.glob("fontlist-*.json"):
            shutil.copyfile(f, target / f.name)
    except Exception:  # noqa: BLE001 - only a speed-up
        pass


def _remove_cgroup(cgroup: Path) -> None:
    for _ in range(50):
        try:
            cgroup.rmdir()
            return
        except OSError:
            time.sleep(0.1)


# --------------------------------------------------------------------------- child side

_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC, _MS_REMOUNT = 1, 2, 4, 8, 32
_MS_BIND, _MS_REC = 4096, 16384


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    rc = libc.mount(
        source.encode(),
        target.encode(),
        fstype.encode() if fstype else None,
        ctypes.c_ulong(flags),
        data.encode() if data else None,
    )
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def _hide(path: str) -> None:
    if os.path.isdir(path):
        _mount("tmpfs", path, "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, "size=4k")
    else:
        _mount("/dev/null", path, None, _MS_BIND, None)


def _expose(paths: list[str], stage: str) -> None:
    """Make interpreter folders under a private ancestor (like /root) reachable, read-only.

    Each folder is bind-mounted aside, its first non-traversable ancestor is covered by an
    empty tmpfs (hiding everything else in it), and the folder is bind-mounted back.
    """
    by_ancestor: dict[str, list[str]] = {}
    for path in paths:
        p = Path(path)
        chain = [*reversed(p.parents), p]
        ancestor = next((a for a in chain if not a.stat().st_mode & 0o001), None)
        if ancestor is None:
            continue
        by_ancestor.setdefault(str(ancestor), []).append(path)
    n = 0
    for ancestor, inner in by_ancestor.items():
        staged = []
        for path in inner:
            spot = os.path.join(stage, str(n))
            n += 1
            os.mkdir(spot)
            _mount(path, spot, None, _MS_BIND | _MS_REC, None)
            staged.append((spot, path))
        _mount("tmpfs", ancestor, "tmpfs", _MS_NOSUID | _MS_NODEV, "mode=755,size=64k")
        for spot, path in staged:
            os.makedirs(path, exist_ok=True)
            _mount(spot, path, None, _MS_BIND | _MS_REC, None)
            _mount("none", path, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY, None)


def _loopback_up() -> None:
    # Kernel and client talk over 127.0.0.1, which is down in a fresh net namespace.
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        ifreq = struct.pack("16sH14s", b"lo", 0, b"\0" * 14)
        flags = struct.unpack("16sH14s", fcntl.ioctl(s.fileno(), siocgifflags, ifreq))[1]
        fcntl.ioctl(s.fileno(), siocsifflags, struct.pack("16sH14s", b"lo", flags | iff_up, b""))


def _set_limits(lim: dict[str, int]) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (lim["cpu_seconds"], lim["cpu_seconds"]))
    resource.setrlimit(resource.RLIMIT_AS, (lim["memory_bytes"], lim["memory_bytes"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (lim["file_bytes"], lim["file_bytes"]))
    resource.setrlimit(resource.RLIMIT_NPROC, (lim["nproc"], lim["nproc"]))
    resource.setrlimit(resource.RLIMIT_NOFILE, (lim["nofile"], lim["nofile"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _no_new_privs() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS: setuid binaries cannot regain root


_CLONE_NEWNS, _CLONE_NEWPID, _CLONE_NEWNET = 0x00020000, 0x20000000, 0x40000000
_MS_PRIVATE = 1 << 18


def _unshare(flags: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(ctypes.c_int(flags)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"unshare: {os.strerror(err)}")


def _waitcode(pid: int) -> int:
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return 70
        except InterruptedError:
            continue
        return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 71


def child_task(spec_path: str) -> int:
    """In a zygote child (root): enter new namespaces, hide the course, drop to the uid, run.

    The namespace's init is a grandchild; killing this process kills it (parent-death signal)
    and with it every process the student started.
    """
    from .zygote import die_with_parent

    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    if spec.get("cgroup"):
        try:
            with open(os.path.join(spec["cgroup"], "cgroup.procs"), "w") as fh:
                fh.write(str(os.getpid()))
        except OSError:
            pass
    if spec.get("isolate"):
        _unshare(_CLONE_NEWNS | _CLONE_NEWNET | _CLONE_NEWPID)
        _mount("none", "/", None, _MS_REC | _MS_PRIVATE, None)
    init = os.fork()
    if init == 0:
        code = 70
        try:
            die_with_parent()
            if spec.get("isolate"):
                # A fresh /proc shows only this namespace's processes.
                _mount("proc", "/proc", "proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None)
                for path in spec["hide"]:
                    _hide(path)
                _expose(spec.get("expose", []), spec["stage"])
                _loopback_up()
            worker = os.fork()
            if worker == 0:
                wcode = 70
                try:
                    die_with_parent()
                    wcode = _worker(spec)
                finally:
                    os._exit(wcode)
            code = _waitcode(worker)
        finally:
            os._exit(code)
    return _waitcode(init)


def _worker(spec: dict) -> int:
    os.chdir(spec["workdir"])
    _set_limits(spec["limits"])
    if spec.get("drop_uid"):
        os.setgroups([])
        os.setgid(spec["uid"])
        os.setuid(spec["uid"])
    _no_new_privs()
    os.umask(0o077)
    os.environ.clear()
    os.environ.update(spec["env"])
    from . import execute

    return execute.run(spec)
