"""The filesystem a sandboxed kernel sees: the interpreter, the package, its own files only."""

# The kernel's root is built from nothing: a few read-only system folders, the Python it runs on,
# the beyond_traffic package folder alone (never the clone around it), a tmpfs home and /tmp of
# bounded size, the submission's files staged read-only, and the one file it writes its
# observations to. The course folder, the gradebook, other sandboxes, other users' homes and the
# rest of the host are simply absent, including folders created while the class is graded.
# The same :class:`View` is realised by our own mount calls when the grader is root
# (:mod:`.isolate`) and by bubblewrap's arguments when it is not (:func:`bwrap_args`).

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "HOME",
    "WORK",
    "STAGE",
    "OBSERVATIONS",
    "SHM_BYTES",
    "DEV_ARGS",
    "View",
    "interpreter_paths",
    "make_view",
    "bwrap_args",
]

#: Paths inside the sandbox.
HOME = "/home/student"
WORK = f"{HOME}/work"
STAGE = "/run/bt/stage"
#: Size of the sandbox's /dev/shm.
SHM_BYTES = 16 * 1024**2
OBSERVATIONS = "/run/bt/observations.jsonl"
#: Host system folders shown read-only (those that exist; merged-/usr links are recreated).
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
#: Files of /etc a Python process needs (dynamic linker, name service, time zone, MIME types).
ETC_FILES = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/nsswitch.conf",
    "/etc/localtime",
    "/etc/mime.types",
)
ETC_DIRS = ("/etc/ld.so.conf.d", "/etc/fonts", "/etc/alternatives")


@dataclass(frozen=True)
class View:
    """What one sandbox shows, as host paths and sizes.

    Attributes:
        ro_binds: host folders and files shown read-only at the same path.
        links: ``(link, target)`` symbolic links to recreate (``/bin -> usr/bin``).
        stage: host folder shown read-only at :data:`STAGE` (the submission's files).
        observations: host file shown writable at :data:`OBSERVATIONS`.
        home_bytes: size of the tmpfs at :data:`HOME` (the work folder lives inside).
        tmp_bytes: size of the tmpfs at ``/tmp``.
        uid: the sandbox user's id, for a generated ``/etc/passwd``.
    """

    ro_binds: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    stage: str
    observations: str
    home_bytes: int = 256 * 1024**2
    tmp_bytes: int = 64 * 1024**2
    uid: int = 65534
    extra_env: dict[str, str] = field(default_factory=dict)

    def passwd(self) -> str:
        """An ``/etc/passwd`` naming only root and the sandbox user."""
        return (
            "root:x:0:0:root:/root:/usr/sbin/nologin\n"
            f"student:x:{self.uid}:{self.uid}:student:{HOME}:/usr/sbin/nologin\n"
        )

    def group(self) -> str:
        """An ``/etc/group`` to match :meth:`passwd`."""
        return f"root:x:0:\nstudent:x:{self.uid}:\n"


def _outermost(paths: set[Path]) -> list[str]:
    kept = sorted(p for p in paths if not any(q != p and q in p.parents for q in paths))
    return [str(p) for p in kept]


def interpreter_paths() -> list[str]:
    """Host folders the kernel's Python needs: its prefixes and the beyond_traffic package.

    Only the package folder itself is shown, never the checkout or ``src`` folder around it, so
    an editable install does not reveal ``solutions/``.

    Example:
        >>> any(p.endswith("beyond_traffic") for p in interpreter_paths())
        True
    """
    import beyond_traffic

    wanted = {
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.executable).resolve().parent.parent,
        Path(beyond_traffic.__file__).resolve().parent,
    }
    system = {Path(p) for p in SYSTEM}
    kept = {p for p in wanted if p.is_dir() and not any(s == p or s in p.parents for s in system)}
    return _outermost(kept)


def make_view(*, stage: str, observations: str, uid: int, home_bytes: int, tmp_bytes: int) -> View:
    """The view for one sandbox: system folders, interpreter, package, staged files.

    Example:
        >>> v = make_view(stage="/tmp/s", observations="/tmp/o", uid=1000,
        ...               home_bytes=2**20, tmp_bytes=2**20)
        >>> "/usr" in v.ro_binds and ("/bin", "usr/bin") in v.links
        True
    """
    binds: list[str] = []
    links: list[tuple[str, str]] = []
    for path in SYSTEM:
        if os.path.islink(path):
            links.append((path, os.readlink(path)))
        elif os.path.isdir(path):
            binds.append(path)
    binds += [p for p in ETC_FILES + ETC_DIRS if os.path.exists(p) and not os.path.islink(p)]
    links += [(p, os.readlink(p)) for p in ETC_FILES + ETC_DIRS if os.path.islink(p)]
    binds += interpreter_paths()
    return View(
        ro_binds=tuple(binds),
        links=tuple(links),
        stage=stage,
        observations=observations,
        home_bytes=home_bytes,
        tmp_bytes=tmp_bytes,
        uid=uid,
    )


#: bubblewrap arguments for /dev: devices, a 16 MB /dev/shm (as in the root mode), read-only.
DEV_ARGS = (
    "--dev",
    "/dev",
    "--size",
    str(SHM_BYTES),
    "--tmpfs",
    "/dev/shm",
    "--remount-ro",
    "/dev",
)


def bwrap_args(view: View, *, data_fds: dict[str, int]) -> list[str]:
    """bubblewrap arguments that build ``view`` (namespaces and the command are added by callers).

    Args:
        view: what to show.
        data_fds: ``{"/etc/passwd": fd, "/etc/group": fd, "/etc/hosts": fd}``, open file
            descriptors holding the generated files (bubblewrap copies them in).

    Example:
        >>> v = make_view(stage="/tmp/s", observations="/tmp/o", uid=1000,
        ...               home_bytes=2**20, tmp_bytes=2**20)
        >>> args = bwrap_args(v, data_fds={})
        >>> args[args.index("/tmp") - 2]
        '1048576'
    """
    # The tmpfs folders come first: an interpreter installed under /tmp is bound on top of them.
    # bubblewrap's /dev is a writable tmpfs of half the host's memory, /dev/shm a folder in it:
    # /dev/shm gets a small tmpfs of its own and /dev is made read-only (no cgroup bounds a
    # grader that is not root).
    args: list[str] = ["--proc", "/proc", *DEV_ARGS]
    args += ["--size", str(view.tmp_bytes), "--tmpfs", "/tmp"]
    args += ["--size", str(view.home_bytes), "--tmpfs", HOME]
    for link, target in view.links:
        args += ["--symlink", target, link]
    for path in view.ro_binds:
        args += ["--ro-bind", path, path]
    for dest, fd in sorted(data_fds.items()):
        args += ["--ro-bind-data", str(fd), dest]
    args += ["--ro-bind", view.stage, STAGE, "--bind", view.observations, OBSERVATIONS]
    # Last: nothing may be created, renamed or linked at the top of the tree (its own tmpfs),
    # as with root's chroot; the tmpfs folders and the observations file stay writable.
    args += ["--remount-ro", "/"]
    return args
