"""A warm helper process that forks one fresh child per task (sandbox run or replay)."""

# Starting Python and importing nbclient/jupyter_client costs about a second per submission;
# a zygote pays it once. Each task runs in a newly forked child, so no state passes from one
# submission to the next. The zygote is single-threaded and dies with the grader.

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

from .proc import die_with_parent

#: When set, the zygotes append the grader's own tracebacks to this file (for debugging).
LOG_ENV = "BEYOND_TRAFFIC_GRADER_LOG"


class Zygote:
    """Client side: send ``(timeout, spec path)``, get the task's exit code back.

    Args:
        kind: ``"sandbox"`` or ``"replay"``.
        preload: extra modules to import in the zygote (e.g. what test cells import).
        warmup: for ``"replay"``, a replay spec run once in the zygote with no observations, so
            trusted caches (a loaded jieba dictionary…) are inherited by every child.

    Example:
        >>> Zygote.__name__
        'Zygote'
    """

    def __init__(self, kind: str, *, preload: list[str] = (), warmup: str | None = None) -> None:
        if kind not in ("sandbox", "replay"):
            raise ValueError(f"kind must be 'sandbox' or 'replay', got {kind!r}")
        self.kind = kind
        self._lock = threading.Lock()
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-I",
                "-m",
                "beyond_traffic.grader.zygote",
                kind,
                json.dumps(list(preload)),
                warmup or "",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd="/",
            env={
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "LANG": "C.UTF-8",
                **{k: v for k, v in os.environ.items() if k == LOG_ENV},
            },
        )

    def run(self, spec_path: str, *, timeout: float) -> int:
        """Run one task; returns its exit code (124 when the zygote killed it on timeout)."""
        with self._lock:
            proc = self._proc
            if proc.poll() is not None:
                return 75
            try:
                proc.stdin.write(f"{float(timeout)} {spec_path}\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
            except (OSError, ValueError):
                return 75
            try:
                return int(line.strip())
            except ValueError:
                return 75

    def close(self) -> None:
        """Stop the zygote (its running children die with it)."""
        try:
            self._proc.stdin.close()
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()


def _wait(pid: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 71
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return 124
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _serve(kind: str, preload: list[str], warmup: str = "") -> int:
    die_with_parent()
    # Move the protocol off fds 0/1 so that nothing the zygote runs (a warm-up that prints at
    # the C level) can write into it; children close it before running anything.
    proto_in = os.fdopen(os.dup(0), "r")
    proto_out = os.fdopen(os.dup(1), "w")
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    log = os.environ.get(LOG_ENV)
    if log:
        # The grader's own diagnostics (never student output): tracebacks of failed tasks.
        os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600), 2)
    if kind == "sandbox":
        from . import boot, execute, isolate, supervisor  # noqa: F401 - warm for the children

        preload = [*boot.KERNEL_PRELOAD, *preload]
        task = isolate.child_task
    else:
        from . import replay

        task = replay.child_task
    for name in preload:
        try:
            __import__(name)
        except Exception:  # noqa: BLE001 - a failed preload only costs speed
            pass
    if kind == "sandbox":
        boot.warm_caches()
    if warmup and kind == "replay":
        try:
            replay.warm_up(warmup)
        except Exception:  # noqa: BLE001 - a failed warm-up only costs speed
            pass
    for line in proto_in:
        try:
            timeout_s, spec_path = line.rstrip("\n").split(" ", 1)
            timeout = float(timeout_s)
        except ValueError:
            print(75, file=proto_out, flush=True)
            continue
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                die_with_parent()
                proto_in.close()
                proto_out.close()
                code = task(spec_path)
            except BaseException:  # noqa: BLE001 - a child never returns into the loop
                import traceback

                traceback.print_exc()
                code = 70
            finally:
                os._exit(code)
        print(_wait(pid, timeout), file=proto_out, flush=True)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:] + ["[]", ""]
    sys.exit(_serve(args[0], json.loads(args[1] or "[]"), args[2]))
