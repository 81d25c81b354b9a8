"""The executor: run a notebook with nbclient on a kernel that the supervisor starts and signals."""

# The executor is trusted code that reads untrusted kernel messages. It never holds the kernel
# as a child: it asks the supervisor to start it (sending the connection file), to interrupt it
# and to kill it, and asks whether it is still alive. Output is capped per cell and per
# notebook. A cell that outlives its timeout is interrupted; a kernel that does not answer within
# a short grace after that is killed and the run ends (nbgrader's own executor would wait the
# full timeout again on every remaining cell).

from __future__ import annotations

import json
import signal
import sys
import time
import typing as t
from queue import Empty

# jsonschema builds an RFC 3987 grammar at import (seconds per sandbox) for an "iri" format
# check that notebooks never use; without the module the check is simply not registered.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import DeadKernelError  # noqa: E402
from nbclient.util import ensure_async  # noqa: E402

from .derive import OBSERVE_MARK  # noqa: E402
from .events import EVENTS_KEY  # noqa: E402

__all__ = ["CELL_OUTPUT_CAP", "NOTEBOOK_OUTPUT_CAP", "CappedClient", "run"]

#: Output bytes kept per cell and per notebook; the rest is dropped with a notice.
CELL_OUTPUT_CAP = 1_000_000
NOTEBOOK_OUTPUT_CAP = 8_000_000
TRUNCATED = "\n[beyond-traffic: 输出过多，已截断 output too large, truncated]\n"
#: Exit codes of :func:`run`.
OK, KERNEL_DIED, EXECUTION_ERROR, KERNEL_STOPPED = 0, 3, 4, 5


def _size(msg: dict[str, t.Any]) -> int:
    """Characters an output message adds to the notebook: text, every MIME value, metadata,
    the error's name, value and traceback (a JSON value counts as its serialised length)."""
    content = msg.get("content", {})
    total = 100
    for key in ("text", "ename", "evalue"):
        value = content.get(key)
        total += len(value) if isinstance(value, str) else 0
    for part in (content.get("data"), content.get("metadata")):
        if isinstance(part, dict):
            for value in part.values():
                total += len(value) if isinstance(value, str) else _json_length(value)
    traceback = content.get("traceback")
    if isinstance(traceback, list):
        total += sum(len(line) if isinstance(line, str) else 100 for line in traceback)
    return total


def _json_length(value: object) -> int:
    try:
        return len(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError, RecursionError):
        return CELL_OUTPUT_CAP + 1  # not JSON a notebook can hold: over any cap


class KernelStopped(DeadKernelError):
    """The kernel ignored an interrupt after a timeout and was killed."""


class CappedClient(NotebookClient):
    """nbclient with output caps, an ended-after-grace timeout, and test cells kept out of ``In``.

    Example:
        >>> CappedClient.__name__
        'CappedClient'
    """

    #: Seconds a kernel gets to answer after the interrupt that follows a cell timeout.
    grace = 20.0

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self._cell_bytes: dict[int, int] = {}
        self._total_bytes = 0
        self._truncated: set[int] = set()
        self._shown_bytes: dict[tuple[int, int], int] = {}  # (cell, output) under an id
        #: What went wrong per cell, for the grader's messages and the student's feedback:
        #: ``{"cell": index, "kind": "timeout", "seconds": s}`` or ``"kernel died"``.
        self.events: list[dict[str, t.Any]] = []
        self.running: int | None = None  # index of the cell executing now

    def _notice(self, outs: list, cell_index: int) -> None:
        if cell_index not in self._truncated:
            self._truncated.add(cell_index)
            outs.append(nbformat.v4.new_output("stream", name="stdout", text=TRUNCATED))

    def output(self, outs, msg, display_id, cell_index):  # noqa: D102 - nbclient hook
        size = _size(msg)
        used = self._cell_bytes.get(cell_index, 0)
        if used + size > CELL_OUTPUT_CAP or self._total_bytes + size > NOTEBOOK_OUTPUT_CAP:
            self._notice(outs, cell_index)
            return None
        self._cell_bytes[cell_index] = used + size
        self._total_bytes += size
        result = super().output(outs, msg, display_id, cell_index)
        if display_id:
            self._shown_bytes[(cell_index, len(outs) - 1)] = size
        return result

    def _update_display_id(self, display_id, msg):
        # nbclient replaces every output shown under ``display_id`` without passing output():
        # each replaced output's growth counts against the caps as new output would.
        shown = [
            (cell, i)
            for cell, indices in self._display_id_map.get(display_id, {}).items()
            for i in indices
        ]
        size = _size(msg)
        growth = sum(max(size - self._shown_bytes.get(where, 0), 0) for where in shown)
        if size > CELL_OUTPUT_CAP or self._total_bytes + growth > NOTEBOOK_OUTPUT_CAP:
            for cell_index in {cell for cell, _ in shown}:
                self._notice(self.nb["cells"][cell_index]["outputs"], cell_index)
            return None
        self._total_bytes += growth
        for where in shown:
            self._shown_bytes[where] = size
        return super()._update_display_id(display_id, msg)

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        # Observation code is the grader's, not the student's: keep it out of In/Out history.
        if cell.get("metadata", {}).get(OBSERVE_MARK):
            store_history = False
        self.running = cell_index
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)

    async def _answers(self, seconds: float) -> bool:
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=left))
            except Empty:
                return False
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                return True
        return False

    async def _async_handle_timeout(self, timeout, cell=None):
        # Recorded before the interrupt: the student sees a bare KeyboardInterrupt otherwise.
        self.events.append({"cell": self.running, "kind": "timeout", "seconds": timeout})
        reply = await super()._async_handle_timeout(timeout, cell)
        if await self._answers(self.grace):
            return reply
        await ensure_async(self.km.shutdown_kernel(now=True))
        if cell is not None:
            cell.outputs.append(
                nbformat.v4.new_output(
                    "error",
                    ename="CellTimeoutError",
                    evalue="kernel stopped",
                    traceback=[
                        "CellTimeoutError: 超时后内核没有响应中断，已被终止 | the kernel ignored "
                        "the interrupt after the cell timeout and was stopped"
                    ],
                )
            )
        raise KernelStopped("kernel ignored the interrupt")


class _SupervisedProcess:
    """Just enough of ``subprocess.Popen`` for jupyter_client, backed by the supervisor."""

    stdin = stdout = stderr = None

    def __init__(self, client, pid: int = -1) -> None:
        self._client = client
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            reply = self._client.request("poll")
            if not reply.get("alive", False):
                code = reply.get("code")
                self.returncode = code if isinstance(code, int) else -9
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if signum == signal.SIGKILL:
            self._client.request("kill")
        else:
            self._client.request("signal", signum=int(signum))

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGKILL)


def _use_supervisor(client) -> None:
    from jupyter_client.provisioning import factory
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class SupervisedProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs: t.Any):
            reply = client.request("start", connection=_plain(self.connection_info))
            self.process = _SupervisedProcess(client)
            if not reply.get("ok"):
                self.process.returncode = 1
            self.pid = self.pgid = None
            return self.connection_info

        async def send_signal(self, signum: int) -> None:
            if self.process is not None:
                self.process.send_signal(signum)

    def create(self, kernel_id, kernel_spec, parent):
        return SupervisedProvisioner(kernel_id=kernel_id, kernel_spec=kernel_spec, parent=parent)

    factory.KernelProvisionerFactory.create_provisioner_instance = create


def _plain(info: dict) -> dict:
    return {k: v.decode() if isinstance(v, bytes) else v for k, v in info.items()}


def run(spec: dict[str, t.Any], client) -> int:
    """Execute ``input.ipynb`` in the current folder and write ``executed.ipynb``.

    Returns 0 when every cell ran, 3 when the kernel died, 4 on another execution error and 5
    when the kernel was stopped after ignoring an interrupt.
    """
    _use_supervisor(client)
    nb = nbformat.read("input.ipynb", as_version=4)
    runner = CappedClient(
        nb,
        timeout=spec.get("cell_timeout", 120),
        kernel_name=spec.get("kernel_name") or "python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        record_timing=False,
        shutdown_kernel="immediate",
        extra_arguments=["--HistoryManager.hist_file=:memory:"],
        error_on_timeout={
            "ename": "CellTimeoutError",
            "evalue": "",
            "traceback": ["CellTimeoutError: No reply from kernel before timeout"],
        },
        resources={"metadata": {"path": "."}},
    )
    runner.grace = float(spec.get("grace", CappedClient.grace))
    status = OK
    try:
        runner.execute()
    except KernelStopped:
        status = KERNEL_STOPPED
    except DeadKernelError:
        status = KERNEL_DIED
        runner.events.append({"cell": runner.running, "kind": "kernel died"})
    except Exception:  # noqa: BLE001 - whatever ran is still worth grading
        import traceback

        traceback.print_exc()  # to the grader's log, when one is kept (see zygote.LOG_ENV)
        status = EXECUTION_ERROR
    for cell in nb.cells:
        cell.get("metadata", {}).pop(OBSERVE_MARK, None)
    # Read back by the grader (grader/events.py); the kernel cannot write this file.
    nb.metadata[EVENTS_KEY] = runner.events
    nbformat.write(nb, "executed.ipynb")
    return status
