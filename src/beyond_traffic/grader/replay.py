"""Re-run the instructor's test cells in a fresh trusted process against recorded observations."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import shutil
import tempfile
import traceback
from pathlib import Path

from ..grading.wire import REPLAY_ENV, clear_replay_cache
from . import proc
from .memo import AFTER, KEEP, TAKE, Memo, plan_cell

_MAX_TEXT = 200_000
#: Limits for a replay child: trusted code, but it decodes what a student's kernel wrote.
REPLAY_LIMITS = {
    "cpu_seconds": 300,
    "memory_bytes": 4 * 1024**3,
    "file_bytes": 64 * 1024**2,
    "nproc": 64,
    "nofile": 256,
}


def run_cells(
    cells: list[dict[str, str]],
    *,
    namespace: dict[str, object] | None = None,
    sources: dict[str, str] | None = None,
) -> dict[str, list[dict]]:
    """Execute test cells in order in one namespace; return nbformat outputs per grade_id.

    Each cell gets what the notebook would show: its stdout/stderr streams, the value of its
    last expression as an ``execute_result``, or an ``error`` output.

    In the warm-up (``namespace`` holds the memo's keep function) every cell runs in a copy of
    the namespace its predecessor left, kept under :data:`.memo.AFTER`; the fast replay
    (``namespace`` holds the take function and those copies) runs each cell in a copy of the one
    the warm-up left for it. So what a cell defines — a predicate, a bound method, a tolerance —
    reads the names as they were in that cell, not as a later cell rebound them.

    Args:
        cells: ``{"grade_id", "source"}`` in notebook order.
        namespace: the globals to run in (default: a fresh one).
        sources: replacement code by grade_id (a cell's warm or fast version, see :mod:`.memo`).

    Example:
        >>> run_cells([{"grade_id": "q1", "source": "print('流量')\\n1.0"}])["q1"][1]["data"]
        {'text/plain': '1.0'}
    """
    if namespace is None:
        namespace = {"__name__": "__main__"}
    sources = sources or {}
    warm = KEEP in namespace and TAKE not in namespace
    fast = TAKE in namespace and AFTER in namespace
    after: dict[str, dict] = namespace.setdefault(AFTER, {}) if warm else namespace.get(AFTER, {})
    before = namespace
    results: dict[str, list[dict]] = {}
    for count, cell in enumerate(cells, start=1):
        gid = cell["grade_id"]
        source = sources.get(gid, cell["source"])
        globals_ = namespace
        if warm:
            globals_ = after[gid] = dict(before)
            before = globals_
        elif fast:
            globals_ = {**(after[gid] if gid in sources else before), TAKE: namespace[TAKE]}
            before = after.get(gid, before)
        out, err = io.StringIO(), io.StringIO()
        outputs: list[dict] = []
        value = None
        error = None
        try:
            tree = ast.parse(source, filename=f"<cell {gid}>")
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = ast.Expression(tree.body.pop().value)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                exec(compile(tree, f"<cell {gid}>", "exec"), globals_)
                if last is not None:
                    value = eval(compile(last, f"<cell {gid}>", "eval"), globals_)
        except BaseException as exc:  # noqa: BLE001 - an error output, as in the notebook
            error = exc
        for name, buf in (("stdout", out), ("stderr", err)):
            text = buf.getvalue()
            if text:
                outputs.append({"output_type": "stream", "name": name, "text": text[:_MAX_TEXT]})
        if error is not None:
            outputs.append(
                {
                    "output_type": "error",
                    "ename": type(error).__name__,
                    "evalue": str(error)[:2000],
                    "traceback": traceback.format_exception(error)[-5:],
                }
            )
        elif value is not None:
            outputs.append(
                {
                    "output_type": "execute_result",
                    "execution_count": count,
                    "metadata": {},
                    "data": {"text/plain": repr(value)[:_MAX_TEXT]},
                }
            )
        results[gid] = outputs
    return results


def replay(
    cells: list[dict[str, str]],
    observations: Path | None,
    *,
    zygote,
    run_dir: Path,
    files: list[tuple[Path, str]] = (),
    timeout: float = 600,
) -> dict[str, list[dict]]:
    """Run :func:`run_cells` in a fresh trusted process with ``BEYOND_TRAFFIC_REPLAY`` set.

    The process is forked from a warm ``Zygote("replay")``, so nothing carries over between
    submissions, and runs under :data:`REPLAY_LIMITS` and ``timeout``.

    Args:
        cells: ``{"grade_id", "source"}`` for every test cell, in notebook order.
        observations: the recorded observations (read within the wire format's limits), or
            ``None`` when there are none.
        zygote: the warm process to fork from.
        run_dir: the grader's private folder for this run.
        files: trusted instructor files ``(path, relative name)`` to place in the working folder.
        timeout: seconds before the replay is abandoned (every cell then scores 0).

    Returns:
        Outputs per grade_id; cells missing from the result must be scored 0 by the caller.

    Example:
        >>> callable(replay)
        True
    """
    with tempfile.TemporaryDirectory(prefix="replay-", dir=run_dir) as tmp:
        root = Path(tmp)
        work = root / "work"
        work.mkdir()
        for src, rel in files:
            dest = work / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        obs_copy = root / "observations.jsonl"
        if observations is not None and observations.is_file() and not observations.is_symlink():
            shutil.copyfile(observations, obs_copy)
        else:
            obs_copy.write_text("", encoding="utf-8")
        spec = root / "spec.json"
        result = root / "result.json"
        spec.write_text(
            json.dumps(
                {
                    "cells": cells,
                    "result": str(result),
                    "workdir": str(work),
                    "home": str(root),
                    "observations": str(obs_copy),
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        zygote.run(str(spec), timeout=timeout)
        try:
            data = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


#: Filled in the replay zygote by :func:`warm_up`: the namespace, fast sources and kept values.
_WARM: dict[str, object] = {}


def warm_up(spec_path: str) -> None:
    """In the replay zygote: run the test cells once with no observations, keep what they expect.

    Only instructor code runs and every expectation fails; what stays behind is the same for
    every student: imported modules, loaded dictionaries, the namespace of the cells and, for
    each eligible cell (see :mod:`.memo`), the expected values its expectations were given.
    """
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    saved_env = dict(os.environ)
    os.chdir(spec["workdir"])
    os.environ[REPLAY_ENV] = spec["observations"]
    memo = Memo()
    plans = {c["grade_id"]: plan_cell(str(c["source"]), str(c["grade_id"])) for c in spec["cells"]}
    plans = {gid: plan for gid, plan in plans.items() if plan is not None}
    namespace: dict[str, object] = {"__name__": "__main__", KEEP: memo.keep}
    try:
        outputs = run_cells(
            spec["cells"], namespace=namespace, sources={g: p.warm for g, p in plans.items()}
        )
    finally:
        os.chdir("/")
        os.environ.clear()
        os.environ.update(saved_env)
        clear_replay_cache()
    # A cell that raised while warming up may have left its successors a namespace the full
    # replay would not: then every cell runs in full, in one fresh namespace, for every student.
    if any(o.get("output_type") == "error" for outs in outputs.values() for o in outs):
        return
    fast = {gid: plan.fast for gid, plan in plans.items()}
    _WARM.update(namespace=namespace, fast=fast, memo=memo)


def prepare_warmup(
    folder: Path, cells: list[dict[str, str]], files: list[tuple[Path, str]]
) -> Path:
    """Write a warm-up spec (and an empty observations file) into ``folder``."""
    work = folder / "work"
    work.mkdir(parents=True, exist_ok=True)
    for src, rel in files:
        dest = work / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    obs = folder / "empty.jsonl"
    obs.write_text("", encoding="utf-8")
    spec = folder / "warmup.json"
    spec.write_text(
        json.dumps({"cells": cells, "workdir": str(work), "observations": str(obs)}),
        encoding="utf-8",
    )
    return spec


def child_task(spec_path: str) -> int:
    """In a zygote child: run the cells against the recorded observations, write the result."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    proc.set_limits(REPLAY_LIMITS, nproc=False)
    os.chdir(spec["workdir"])
    os.environ.clear()
    os.environ.update(
        {
            "PATH": "/usr/bin:/bin",
            "HOME": spec["home"],
            "TMPDIR": spec["home"],
            "LANG": "C.UTF-8",
            "MPLBACKEND": "agg",
            REPLAY_ENV: spec["observations"],
        }
    )
    if _WARM:
        namespace = dict(_WARM["namespace"])
        namespace[TAKE] = _WARM["memo"].cursor().take
        results = run_cells(spec["cells"], namespace=namespace, sources=_WARM["fast"])
    else:
        results = run_cells(spec["cells"])
    Path(spec["result"]).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0
