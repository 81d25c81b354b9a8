"""Enter a sandbox: own namespaces and chroot trees as root, bubblewrap otherwise."""

# Root (the fast path): the zygote's child unshares mount, network, pid, IPC and UTS namespaces,
# builds two chroot trees with mount(2) — one for the kernel (:data:`.view.View`), one for the
# executor (the same system folders plus its own folder) — and forks the supervisor as the
# namespace's init. Kernel and executor run under two fresh uids.
#
# Not root: the child execs bubblewrap, which makes an unprivileged user namespace with the same
# kinds of namespaces and runs the supervisor inside; the supervisor starts the kernel in a
# nested bubblewrap of its own (see :mod:`.supervisor`).

from __future__ import annotations

import json
import os
import sys

from . import proc
from .view import DEV_ARGS, HOME, OBSERVATIONS, SHM_BYTES, STAGE, View

__all__ = ["child_task", "build_tree", "outer_bwrap_argv"]

_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC, _MS_REMOUNT = 1, 2, 4, 8, 32
_MS_BIND, _MS_REC, _MS_PRIVATE = 4096, 16384, 1 << 18
_CLONE_NEWNS, _CLONE_NEWUTS, _CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
_CLONE_NEWPID, _CLONE_NEWNET = 0x20000000, 0x40000000
_DEVICES = ("null", "zero", "full", "random", "urandom", "tty")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    proc.libc_call(
        "mount",
        source.encode(),
        target.encode(),
        fstype.encode() if fstype else None,
        flags,
        data.encode() if data else None,
    )


def _bind(source: str, target: str, *, readonly: bool, device: bool = False) -> None:
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "a").close()
    _mount(source, target, None, _MS_BIND | _MS_REC, None)
    flags = _MS_REMOUNT | _MS_BIND | _MS_NOSUID | (0 if device else _MS_NODEV)
    _mount("none", target, None, flags | (_MS_RDONLY if readonly else 0), None)


def _write(path: str, text: str, mode: int = 0o644) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, mode)


def build_tree(tree: str, view: View, *, kernel: bool, rw_binds: tuple[str, ...] = ()) -> None:
    """Mount the sandbox's root at ``tree`` (root only, inside a private mount namespace).

    Args:
        tree: an empty folder that becomes the chroot.
        view: system folders, interpreter and (for the kernel) stage and observations.
        kernel: add the kernel's home, stage and observations file.
        rw_binds: host folders shown writable at the same path (the executor's own folder).
    """
    _mount("tmpfs", tree, "tmpfs", _MS_NOSUID | _MS_NODEV, "mode=755,size=16m")
    dev = f"{tree}/dev"
    os.makedirs(dev)
    _mount("tmpfs", dev, "tmpfs", _MS_NOSUID | _MS_NOEXEC, "mode=755,size=64k")
    for name in _DEVICES:
        if os.path.exists(f"/dev/{name}"):
            _bind(f"/dev/{name}", f"{dev}/{name}", readonly=False, device=True)
    for name, target in (("fd", "self/fd"), ("stdin", "self/fd/0"), ("stdout", "self/fd/1")):
        os.symlink(f"/proc/{target}", f"{dev}/{name}")
    os.symlink("/proc/self/fd/2", f"{dev}/stderr")
    # Size-limited scratch space before any bind: an interpreter under /tmp goes on top of it.
    scratch = [("/tmp", view.tmp_bytes, "mode=1777"), ("/dev/shm", SHM_BYTES, "mode=1777")]
    if kernel:
        scratch.append((HOME, view.home_bytes, f"mode=700,uid={view.uid},gid={view.uid}"))
    for path, size, opts in scratch:
        os.makedirs(tree + path, exist_ok=True)
        _mount("tmpfs", tree + path, "tmpfs", _MS_NOSUID | _MS_NODEV, f"{opts},size={size}")
    for link, target in view.links:
        os.makedirs(os.path.dirname(tree + link), exist_ok=True)
        os.symlink(target, tree + link)
    for path in view.ro_binds:
        _bind(path, tree + path, readonly=True)
    _write(f"{tree}/etc/passwd", view.passwd())
    _write(f"{tree}/etc/group", view.group())
    _write(f"{tree}/etc/hosts", "127.0.0.1 localhost\n")
    os.makedirs(f"{tree}/proc", exist_ok=True)
    if kernel:
        _bind(view.stage, tree + STAGE, readonly=True)
        _bind(view.observations, tree + OBSERVATIONS, readonly=False)
    for path in rw_binds:
        _bind(path, tree + path, readonly=False)
    # Nothing may be created at the top of the tree, even by a process that somehow kept root.
    _mount("none", tree, None, _MS_REMOUNT | _MS_RDONLY | _MS_NOSUID | _MS_NODEV, None)


def _loopback_up() -> None:
    import fcntl
    import socket
    import struct

    # Kernel and executor talk over 127.0.0.1, which is down in a fresh network namespace.
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        ifreq = struct.pack("16sH14s", b"lo", 0, b"\0" * 14)
        flags = struct.unpack("16sH14s", fcntl.ioctl(s.fileno(), siocgifflags, ifreq))[1]
        fcntl.ioctl(s.fileno(), siocsifflags, struct.pack("16sH14s", b"lo", flags | iff_up, b""))


def _view(spec: dict) -> View:
    return View(**{**spec["view"], "links": tuple(tuple(x) for x in spec["view"]["links"])})


def outer_bwrap_argv(spec: dict, spec_path: str) -> list[str]:
    """The bubblewrap command that runs the supervisor (and the executor) for ``spec``.

    Example:
        >>> spec = {"bwrap": "/usr/bin/bwrap", "box": "/g/box", "executor_dir": "/g/box/exec",
        ...         "view": {"ro_binds": ["/usr"], "links": [["/bin", "usr/bin"]],
        ...                  "stage": "/g/box/stage", "observations": "/g/box/obs.jsonl"}}
        >>> argv = outer_bwrap_argv(spec, "/g/box/spec.json")
        >>> argv[1], argv[-1], "--unshare-all" in argv
        ('--unshare-all', '/g/box/spec.json', True)
    """
    view = _view(spec)
    argv = [
        spec["bwrap"],
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--proc",
        "/proc",
        *DEV_ARGS,
        "--tmpfs",
        "/tmp",
    ]
    for link, target in view.links:
        argv += ["--symlink", target, link]
    for path in view.ro_binds:
        argv += ["--ro-bind", path, path]
    argv += ["--bind", spec["box"], spec["box"], "--chdir", spec["executor_dir"]]
    argv += [sys.executable, "-I", "-m", "beyond_traffic.grader.supervisor", spec_path]
    return argv


def _run_root(spec: dict) -> int:
    from .supervisor import supervise

    flags = _CLONE_NEWNS | _CLONE_NEWNET | _CLONE_NEWPID | _CLONE_NEWIPC | _CLONE_NEWUTS
    proc.libc_call("unshare", flags)
    _mount("none", "/", None, _MS_REC | _MS_PRIVATE, None)
    view = _view(spec)
    build_tree(spec["tree"], view, kernel=True)
    executor_view = View(**{**view.__dict__, "uid": spec["executor_uid"]})
    build_tree(spec["executor_tree"], executor_view, kernel=False, rw_binds=(spec["box_exec"],))
    init = os.fork()
    if init == 0:
        code = 70
        try:
            proc.die_with_parent()
            _loopback_up()
            spec = {**spec, "executor_chroot": spec["executor_tree"]}
            code = supervise(spec)
        finally:
            os._exit(code)
    return proc.wait_exitcode(init)


def child_task(spec_path: str) -> int:
    """In a zygote child: enter the sandbox described by ``spec_path`` and run the notebook.

    Returns the executor's exit code (0 ok, 3 kernel died, 4 execution error).
    """
    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    if spec.get("cgroup_procs"):
        for path in spec["cgroup_procs"]:
            try:
                with open(path, "w") as fh:
                    fh.write(str(os.getpid()))
            except OSError:
                pass
    if spec["mode"] == "root":
        return _run_root(spec)
    if spec["mode"] == "bwrap":
        os.execv(spec["bwrap"], outer_bwrap_argv(spec, spec_path))
    from .supervisor import supervise

    return supervise(spec)
