"""Inside the sandbox: execute one sanitised notebook with nbclient, capping output size."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import typing as t

# jsonschema builds an RFC 3987 grammar at import (seconds per sandbox) for an "iri" format
# check that notebooks never use; without the module the check is simply not registered.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import DeadKernelError  # noqa: E402

#: Output bytes kept per cell and per notebook; the rest is dropped with a notice.
CELL_OUTPUT_CAP = 1_000_000
NOTEBOOK_OUTPUT_CAP = 8_000_000


def _size(msg: dict[str, t.Any]) -> int:
    content = msg.get("content", {})
    if "text" in content:
        return len(content.get("text") or "")
    data = content.get("data") or {}
    total = sum(len(v) if isinstance(v, str) else 100 for v in data.values())
    if "traceback" in content:
        total += sum(len(line) for line in content.get("traceback") or [])
    return total + 100


class CappedClient(NotebookClient):
    """A NotebookClient that stops recording output beyond the per-cell and total caps."""

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self._cell_bytes: dict[int, int] = {}
        self._total_bytes = 0
        self._truncated: set[int] = set()

    def output(self, outs, msg, display_id, cell_index):  # noqa: D102 - nbclient hook
        size = _size(msg)
        used = self._cell_bytes.get(cell_index, 0)
        if used + size > CELL_OUTPUT_CAP or self._total_bytes + size > NOTEBOOK_OUTPUT_CAP:
            if cell_index not in self._truncated:
                self._truncated.add(cell_index)
                outs.append(
                    nbformat.v4.new_output(
                        "stream",
                        name="stdout",
                        text="\n[beyond-traffic: 输出过多，已截断 output too large, truncated]\n",
                    )
                )
            return None
        self._cell_bytes[cell_index] = used + size
        self._total_bytes += size
        return super().output(outs, msg, display_id, cell_index)


class _Prestarted:
    """A child forked before any event loop or zmq context exists; on request it becomes the
    ipykernel. It starts from already-imported modules, which saves most of a kernel's start-up,
    yet holds no state from any other submission (it is forked per notebook)."""

    def __init__(self) -> None:
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(w)
            code = 0
            try:
                from .zygote import die_with_parent

                die_with_parent()
                os.setsid()  # its own process group, like start_new_session
                chunks = []
                while chunk := os.read(r, 65536):
                    chunks.append(chunk)
                os.close(r)
                if not chunks:
                    os._exit(0)
                req = json.loads(b"".join(chunks))
                os.chdir(req["cwd"])
                os.environ.clear()
                os.environ.update(req["env"])
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                sys.argv = [req["argv0"], *req["argv"]]
                from ipykernel import kernelapp

                kernelapp.launch_new_instance(argv=req["argv"])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
            except BaseException:  # noqa: BLE001 - the kernel failed to start
                code = 1
            finally:
                os._exit(code)
        os.close(r)
        self.pid = pid
        self._w = w
        self.used = False

    def start(self, argv0: str, argv: list[str], env: dict[str, str], cwd: str) -> None:
        self.used = True
        data = json.dumps({"argv0": argv0, "argv": argv, "env": env, "cwd": cwd}).encode()
        os.write(self._w, data)
        os.close(self._w)

    def discard(self) -> None:
        if not self.used:
            self.used = True
            os.close(self._w)


class _ForkedProcess:
    """Just enough of ``subprocess.Popen`` for jupyter_client's LocalProvisioner."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                done, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = 0
                return 0
            if done:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _use_prestarted_kernel(pre: _Prestarted) -> None:
    from jupyter_client.provisioning import factory
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs: t.Any):
            if pre.used or "ipykernel_launcher" not in cmd[:3] or cmd[1:2] != ["-m"]:
                return await super().launch_kernel(cmd, **kwargs)
            cwd = str(kwargs.get("cwd") or os.getcwd())
            env = dict(kwargs.get("env") or os.environ)
            pre.start(cmd[0], cmd[3:], env, cwd)
            self.process = _ForkedProcess(pre.pid)
            self.pid = self.pgid = pre.pid
            self.cwd = cwd
            return self.connection_info

    def create(self, kernel_id, kernel_spec, parent):
        return ForkProvisioner(kernel_id=kernel_id, kernel_spec=kernel_spec, parent=parent)

    factory.KernelProvisionerFactory.create_provisioner_instance = create


def run(spec: dict[str, t.Any]) -> int:
    """Execute ``spec["notebook_in"]`` and write ``spec["notebook_out"]``; 0 on success."""
    pre = _Prestarted() if spec.get("fork_kernel") else None
    if pre is not None:
        _use_prestarted_kernel(pre)
    nb = nbformat.read(spec["notebook_in"], as_version=4)
    client = CappedClient(
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
        resources={"metadata": {"path": spec["workdir"]}},
    )
    status = 0
    try:
        client.execute()
    except DeadKernelError:
        status = 3
    except Exception:  # noqa: BLE001 - whatever ran is still worth grading
        status = 4
    finally:
        if pre is not None:
            pre.discard()
    nbformat.write(nb, spec["notebook_out"])
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python -I -m beyond_traffic.grader.execute SPEC.json``."""
    argv = sys.argv[1:] if argv is None else argv
    with open(argv[0], encoding="utf-8") as fh:
        spec = json.load(fh)
    return run(spec)


if __name__ == "__main__":
    sys.exit(main())
