"""A warm helper process that forks one fresh child per task (sandbox run or replay)."""

# Starting Python, importing nbclient and ipykernel and loading the jieba dictionary cost seconds
# per submission; a zygote pays them once per class. Each task runs in a newly forked child, so no
# state passes from one submission to the next. One zygote of each kind serves every worker
# thread: requests ``ID TIMEOUT SPEC`` and answers ``ID EXITCODE`` travel over a private pipe, in
# any order, and children close that pipe before running anything. The zygote dies with the
# grader, and its children with it.

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time

from .proc import die_with_parent, leave_session_keyring

__all__ = ["LOG_ENV", "Zygote"]

#: When set, the zygotes append the grader's own tracebacks to this file (for debugging).
LOG_ENV = "BEYOND_TRAFFIC_GRADER_LOG"
#: Exit code reported when the zygote itself is gone.
GONE = 75


class Zygote:
    """Client side: ``run(spec, timeout=...)`` from any thread returns the task's exit code.

    Args:
        kind: ``"sandbox"`` or ``"replay"``.
        preload: extra modules to import in the zygote (e.g. what test cells import).
        warmup: for ``"replay"``, a replay spec run once in the zygote with no observations, so
            trusted caches and expected values (see :mod:`.memo`) are inherited by every child.

    Example:
        >>> Zygote("学生")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ValueError: kind must be 'sandbox' or 'replay', got '学生'
    """

    def __init__(self, kind: str, *, preload: list[str] = (), warmup: str | None = None) -> None:
        if kind not in ("sandbox", "replay"):
            raise ValueError(f"kind must be 'sandbox' or 'replay', got {kind!r}")
        self.kind = kind
        self._write_lock = threading.Lock()
        self._waiting: dict[int, list] = {}  # id -> [event, exit code]
        self._next_id = 0
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
            # No controlling terminal: a sandbox must not open /dev/tty (the instructor's) and
            # write on it or type into it (TIOCSTI).
            start_new_session=True,
            env={
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "LANG": "C.UTF-8",
                **{k: v for k, v in os.environ.items() if k == LOG_ENV},
            },
        )
        self._reader = threading.Thread(target=self._read_answers, daemon=True)
        self._reader.start()

    def _read_answers(self) -> None:
        for line in self._proc.stdout:
            try:
                ident, code = (int(x) for x in line.split())
            except ValueError:
                continue
            with self._write_lock:
                slot = self._waiting.get(ident)
            if slot is not None:
                slot[1] = code
                slot[0].set()
        with self._write_lock:  # the zygote is gone: release every waiter
            for slot in self._waiting.values():
                slot[0].set()

    def run(self, spec_path: str, *, timeout: float) -> int:
        """Run one task; its exit code (124 when the zygote killed it on timeout, 75 when gone)."""
        slot = [threading.Event(), GONE]
        with self._write_lock:
            if self._proc.poll() is not None:
                return GONE
            self._next_id += 1
            ident = self._next_id
            self._waiting[ident] = slot
            try:
                self._proc.stdin.write(f"{ident} {float(timeout)} {spec_path}\n")
                self._proc.stdin.flush()
            except (OSError, ValueError):
                del self._waiting[ident]
                return GONE
        slot[0].wait()
        with self._write_lock:
            self._waiting.pop(ident, None)
        return slot[1]

    def close(self) -> None:
        """Stop the zygote (its running children die with it)."""
        try:
            self._proc.stdin.close()
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=5)


def _exitcode(status: int) -> int:
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 71


def _start(task, spec_path: str, proto: list[int]) -> int:
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            die_with_parent()
            leave_session_keyring()
            for fd in proto:
                os.close(fd)
            code = task(spec_path)
        except BaseException:  # noqa: BLE001 - a child never returns into the loop
            import traceback

            traceback.print_exc()
            code = 70
        finally:
            os._exit(code)
    return pid


def _serve(kind: str, preload: list[str], warmup: str = "") -> int:
    die_with_parent()
    # Move the protocol off fds 0/1 so that nothing the zygote runs (a warm-up that prints at
    # the C level) can write into it; children close it before running anything.
    proto_in, proto_out = os.dup(0), os.dup(1)
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
    running: dict[int, tuple[int, float]] = {}  # pid -> (request id, deadline)
    buffer = b""
    open_input = True
    while open_input or running:
        if open_input:
            ready, _, _ = select.select([proto_in], [], [], 0.02 if running else 1.0)
            if ready:
                chunk = os.read(proto_in, 65536)
                if not chunk:
                    open_input = False  # the grader closed us: finish what runs, then stop
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    try:
                        ident, timeout, spec_path = line.decode().split(" ", 2)
                        deadline = time.monotonic() + float(timeout)
                    except ValueError:
                        continue
                    pid = _start(task, spec_path, [proto_in, proto_out])
                    running[pid] = (int(ident), deadline)
        else:
            time.sleep(0.02)
        now = time.monotonic()
        for pid, (ident, deadline) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if not done and now > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                code = 124
            elif done:
                code = _exitcode(status)
            else:
                continue
            del running[pid]
            os.write(proto_out, f"{ident} {code}\n".encode())
    return 0


if __name__ == "__main__":
    args = sys.argv[1:] + ["[]", ""]
    sys.exit(_serve(args[0], json.loads(args[1] or "[]"), args[2]))
