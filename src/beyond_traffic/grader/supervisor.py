"""The sandbox's first process: starts the executor, then the kernel on request; relays signals."""

# Three parties share one private network namespace (loopback only) and nothing else:
#
# * the supervisor (this module): trusted; the only process that can start, signal or kill the
#   kernel, and it ends everything when the executor is done;
# * the executor (:mod:`.execute`): trusted nbclient code reading the notebook and writing the
#   executed copy in its own folder; as root the grader gives it a uid of its own;
# * the kernel: student code, in a nested pid namespace (it cannot see or signal the other two),
#   chrooted into the :mod:`.view` (or inside a nested bubblewrap), under yet another uid.
#
# The executor asks for what it needs over a pipe, one JSON object per line:
# ``{"op": "start", "connection": {...}}``, ``{"op": "signal", "signum": 2}``, ``{"op": "poll"}``,
# ``{"op": "kill"}``; every request gets one JSON line back.

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
import traceback

from . import proc

__all__ = ["Client", "supervise", "main"]

_MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 2, 4, 8
_CLONE_NEWPID = 0x20000000


class Client:
    """The executor's end of the pipe to the supervisor.

    Example:
        >>> Client.__name__
        'Client'
    """

    def __init__(self, requests: int, replies: int) -> None:
        self._out = os.fdopen(requests, "w", buffering=1, encoding="utf-8")
        self._in = os.fdopen(replies, "r", encoding="utf-8")

    def request(self, op: str, **fields: object) -> dict:
        """Send one request; its reply (``{}`` if the supervisor is gone)."""
        try:
            self._out.write(json.dumps({"op": op, **fields}) + "\n")
            line = self._in.readline()
            return json.loads(line) if line else {}
        except (OSError, ValueError):
            return {}


class _Kernel:
    """A launched kernel: the process to wait for and the pid to signal."""

    def __init__(self, wait_pid: int, signal_pid: int, popen: subprocess.Popen | None) -> None:
        self.wait_pid = wait_pid
        self.signal_pid = signal_pid
        self.popen = popen
        self.code: int | None = None

    def signal(self, signum: int) -> None:
        if self.code is None:
            try:
                os.kill(self.signal_pid, signum)
            except (ProcessLookupError, PermissionError):
                pass

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        if self.popen is not None and self.code is None:
            self.popen.kill()


def _launch_root(spec: dict, request: dict) -> _Kernel:
    from .boot import start_kernel

    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            proc.die_with_parent()
            tree = spec["tree"]
            proc.libc_call(
                "mount",
                b"proc",
                f"{tree}/proc".encode(),
                b"proc",
                _MS_NOSUID | _MS_NODEV | _MS_NOEXEC,
                None,
            )
            os.chroot(tree)
            os.chdir("/")
            proc.set_limits(spec["limits"])
            proc.drop_privileges(spec["kernel_uid"])
            os.umask(0o077)
            os.closerange(3, 65536)
            start_kernel(request, spec["kernel_env"])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        except BaseException:  # noqa: BLE001 - the kernel failed to start; the executor notices
            traceback.print_exc()  # to the grader's log, when one is kept
            code = 1
        finally:
            os._exit(code)
    return _Kernel(pid, pid, None)


def _launch_plain(spec: dict, request: dict) -> _Kernel:
    """No isolation (only when the instructor accepted the risk): limits, no other barrier."""
    from .boot import start_kernel

    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            proc.die_with_parent()
            proc.set_limits(spec["limits"], nproc=False)
            os.closerange(3, 65536)
            start_kernel(request, spec["kernel_env"], paths=spec["kernel_paths"])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        except BaseException:  # noqa: BLE001 - the kernel failed to start; the executor notices
            code = 1
        finally:
            os._exit(code)
    return _Kernel(pid, pid, None)


def _data_fd(text: str) -> int:
    r, w = os.pipe()
    os.write(w, text.encode("utf-8"))
    os.close(w)
    return r


def _launch_bwrap(spec: dict, request: dict) -> _Kernel | None:
    from .view import View, bwrap_args

    view = View(**{**spec["view"], "links": tuple(map(tuple, spec["view"]["links"]))})
    payload = json.dumps({"request": request, "env": spec["kernel_env"]})
    fds = {
        "/etc/passwd": _data_fd(view.passwd()),
        "/etc/group": _data_fd(view.group()),
        "/etc/hosts": _data_fd("127.0.0.1 localhost\n"),
        "/run/bt/request.json": _data_fd(payload),
    }
    info_r, info_w = os.pipe()
    argv = [
        spec["bwrap"],
        "--unshare-user",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--as-pid-1",
        "--die-with-parent",
        "--new-session",
        "--info-fd",
        str(info_w),
        *bwrap_args(view, data_fds=fds),
        "--chdir",
        "/",
        sys.executable,
        "-I",
        "-m",
        "beyond_traffic.grader.boot",
    ]
    popen = subprocess.Popen(
        argv,
        pass_fds=[info_w, *fds.values()],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    os.close(info_w)
    for fd in fds.values():
        os.close(fd)
    info = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([info_r], [], [], 0.5)
        if ready:
            chunk = os.read(info_r, 65536)
            if not chunk:
                break
            info += chunk
            if b"}" in info:
                break
        elif popen.poll() is not None:
            break
    os.close(info_r)
    try:
        child = int(json.loads(info)["child-pid"])
    except (ValueError, KeyError, TypeError):
        popen.kill()
        popen.wait()
        return None
    return _Kernel(popen.pid, child, popen)


#: Extra kernel arguments: no history database (nothing of a run outlives it).
_KERNEL_ARGV = ["--HistoryManager.hist_file=:memory:"]
_LAUNCHERS = {"root": _launch_root, "bwrap": _launch_bwrap, "none": _launch_plain}


def _serve(spec: dict, requests: int, replies: int, executor: int) -> int:
    inbox = os.fdopen(requests, "r", encoding="utf-8")
    outbox = os.fdopen(replies, "w", buffering=1, encoding="utf-8")
    kernel: _Kernel | None = None
    executor_code: int | None = None

    def reap() -> None:
        nonlocal executor_code
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            if pid == executor:
                executor_code = code
            elif kernel is not None and pid == kernel.wait_pid:
                kernel.code = code
                if kernel.popen is not None:
                    kernel.popen.returncode = code

    while executor_code is None:
        ready, _, _ = select.select([inbox], [], [], 0.2)
        if ready:
            line = inbox.readline()
            if not line:
                reap()
                if executor_code is None:
                    time.sleep(0.05)
                continue
            try:
                req = json.loads(line)
                op = req.get("op")
            except (ValueError, AttributeError):
                req, op = {}, None
            reply: dict = {}
            if op == "start" and kernel is None:
                launch = _LAUNCHERS[spec["mode"]]
                request = {
                    "connection": req.get("connection", {}),
                    "argv": _KERNEL_ARGV,
                    "single_process": bool(spec.get("single_process")),
                }
                kernel = launch(spec, request)
                reply = {"ok": kernel is not None}
            elif op == "signal" and kernel is not None:
                kernel.signal(int(req.get("signum", 0)))
                reply = {"ok": True}
            elif op == "kill" and kernel is not None:
                kernel.kill()
                reply = {"ok": True}
            elif op == "poll":
                reap()
                alive = kernel is not None and kernel.code is None
                reply = {"alive": alive, "code": None if kernel is None else kernel.code}
            try:
                outbox.write(json.dumps(reply) + "\n")
            except OSError:
                pass
        reap()
    if kernel is not None and kernel.code is None:
        kernel.kill()
    return executor_code


def supervise(spec: dict) -> int:
    """Start the executor and serve its requests until it exits; returns its exit code."""
    from . import execute

    to_sup_r, to_sup_w = os.pipe()
    to_exec_r, to_exec_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            proc.die_with_parent()
            os.close(to_sup_r)
            os.close(to_exec_w)
            if spec.get("executor_chroot"):
                os.chroot(spec["executor_chroot"])
            os.chdir(spec["executor_dir"])
            if spec["mode"] == "root":
                proc.set_limits(spec["limits"])
                proc.drop_privileges(spec["executor_uid"])
            os.umask(0o077)
            os.environ.clear()
            os.environ.update(spec["executor_env"])
            code = execute.run(spec, Client(to_sup_w, to_exec_r))
        finally:
            os._exit(code)
    os.close(to_sup_w)
    os.close(to_exec_r)
    if spec["mode"] == "root":
        # Every process started from now on (the kernel) is in a nested pid namespace.
        proc.libc_call("unshare", _CLONE_NEWPID)
    return _serve(spec, to_sup_r, to_exec_w, pid)


def main(argv: list[str] | None = None) -> int:
    """Entry point under bubblewrap: ``python -m beyond_traffic.grader.supervisor SPEC.json``."""
    argv = sys.argv[1:] if argv is None else argv
    with open(argv[0], encoding="utf-8") as fh:
        spec = json.load(fh)
    proc.die_with_parent()
    # Inside the sandbox's own user namespace RLIMIT_NPROC counts only the sandbox's processes.
    proc.set_limits(spec["limits"])
    return supervise(spec)


if __name__ == "__main__":
    sys.exit(main())
