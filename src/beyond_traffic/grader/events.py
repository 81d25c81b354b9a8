"""What happened per cell of a sandboxed run (timeout, syntax error, dead kernel), in words."""

# The executor records timeouts and a dying kernel in the executed notebook's metadata (under
# EVENTS_KEY; the kernel cannot write that file); syntax errors are read from the cells' error
# outputs. Each event is named by the cell's grade id (or "cell N") for grades.csv and the
# terminal, and explained in the student's feedback: in the cell where it happened and in every
# later test cell that did not get full marks, which would otherwise only say "NameError".

from __future__ import annotations

from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode

__all__ = [
    "EVENTS_KEY",
    "SYNTAX_ERRORS",
    "CellEvent",
    "annotate",
    "cell_events",
    "cell_label",
    "short_of_full",
]

#: Notebook metadata key under which the executor lists its events.
EVENTS_KEY = "beyond_traffic_events"
#: Error names the kernel reports for code Python cannot parse.
SYNTAX_ERRORS = frozenset({"SyntaxError", "IndentationError", "TabError"})


@dataclass(frozen=True)
class CellEvent:
    """One thing that went wrong in one cell.

    Attributes:
        index: the cell's index in the notebook.
        label: the cell's grade id, or ``cell N`` (1-based) for a cell without one.
        kind: ``timeout``, ``syntax error`` or ``kernel died``.
        en: what happened, in English (grades.csv, the terminal).
        zh: the same in Chinese (the student's feedback).
        test: whether the cell is a test cell (its checks, not the student's code, ran).

    Example:
        >>> e = CellEvent(3, "q3_answer", "timeout", "cell ran over 120 s and was stopped",
        ...               "单元格运行超过 120 秒，已被停止", False)
        >>> e.message
        'q3_answer: cell ran over 120 s and was stopped'
    """

    index: int
    label: str
    kind: str
    en: str
    zh: str
    test: bool = False

    @property
    def message(self) -> str:
        """``label: what happened`` for grades.csv and the terminal."""
        return f"{self.label}: {self.en}"

    @property
    def note(self) -> str:
        """The bilingual explanation shown in the cell where it happened."""
        return f"[{self.label}] {self.zh} | {self.en}\n"


def cell_label(nb: NotebookNode, index: int) -> str:
    """The grade id of cell ``index``, or ``cell N`` counting from 1.

    Example:
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
        >>> cell_label(nb, 0)
        'cell 1'
    """
    cell = nb.cells[index]
    gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return str(gid) if isinstance(gid, str) and gid else f"cell {index + 1}"


def _is_test(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _describe(kind: str, *, test: bool, seconds: float | None, detail: str) -> tuple[str, str]:
    if kind == "timeout":
        s = f"{seconds:g}" if isinstance(seconds, (int, float)) else "?"
        if test:
            return (
                f"the checks ran over {s} s and were stopped (a function of yours they call "
                "may never return)",
                f"检查运行超过 {s} 秒，已被停止（它调用的某个函数可能永远不返回）",
            )
        return (f"cell ran over {s} s and was stopped", f"单元格运行超过 {s} 秒，已被停止")
    if kind == "kernel died":
        return (
            "the kernel died while this cell ran (out of memory or a crash); later cells did "
            "not run",
            "运行这个单元格时内核崩溃（内存不足或程序崩溃），后面的单元格没有运行",
        )
    return (f"syntax error: {detail}", f"语法错误，这个单元格没有运行：{detail}")


def cell_events(executed: NotebookNode | None) -> list[CellEvent]:
    """Every event of an executed notebook, in cell order.

    Args:
        executed: the notebook the executor wrote (``None`` when it wrote none).

    Example:
        >>> cell = nbformat.v4.new_code_cell("def f(:")
        >>> cell.outputs = [nbformat.v4.new_output("error", ename="SyntaxError",
        ...                 evalue="invalid syntax (3651.py, line 1)", traceback=[])]
        >>> nb = nbformat.v4.new_notebook(cells=[cell])
        >>> [e.message for e in cell_events(nb)]
        ['cell 1: syntax error: invalid syntax (3651.py, line 1)']
    """
    if executed is None:
        return []
    found: dict[int, CellEvent] = {}
    recorded = executed.get("metadata", {}).get(EVENTS_KEY, [])
    for item in recorded if isinstance(recorded, list) else []:
        index = item.get("cell") if isinstance(item, dict) else None
        kind = item.get("kind") if isinstance(item, dict) else None
        if not isinstance(index, int) or not 0 <= index < len(executed.cells):
            continue
        if kind not in ("timeout", "kernel died") or index in found:
            continue
        test = _is_test(executed.cells[index])
        en, zh = _describe(kind, test=test, seconds=item.get("seconds"), detail="")
        found[index] = CellEvent(index, cell_label(executed, index), kind, en, zh, test)
    for index, cell in enumerate(executed.cells):
        if index in found or cell.get("cell_type") != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and out.get("ename") in SYNTAX_ERRORS:
                detail = str(out.get("evalue", ""))[:200]
                en, zh = _describe("syntax error", test=False, seconds=None, detail=detail)
                found[index] = CellEvent(index, cell_label(executed, index), "syntax error", en, zh)
                break
    return [found[i] for i in sorted(found)]


def short_of_full(cell: NotebookNode) -> bool:
    """Whether a replayed test cell scores less than its points (nbgrader's reading of outputs).

    Example:
        >>> cell = nbformat.v4.new_code_cell("ck.report()")
        >>> cell.metadata["nbgrader"] = {"grade": True, "points": 2}
        >>> cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "1.0"})]
        >>> short_of_full(cell)
        True
    """
    points = float(cell.get("metadata", {}).get("nbgrader", {}).get("points", 0) or 0)
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "error" or (kind == "stream" and out.get("name") == "stderr"):
            return True
        if kind == "execute_result":
            try:
                return float(str(out.get("data", {}).get("text/plain", "")).strip()) < points
            except ValueError:
                return False
    return False


def annotate(final: NotebookNode, events: list[CellEvent]) -> None:
    """Explain each event in ``final`` (the notebook written for grading and feedback).

    The cell where it happened gets its explanation after its outputs; every later test cell
    short of full marks gets a note naming the earlier events. Notes are stdout streams in test
    cells: nbgrader scores a test cell with a stderr stream 0, and a note must not change a score.

    Example:
        >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("while True: pass")])
        >>> annotate(nb, [CellEvent(0, "cell 1", "timeout", "ran over 5 s", "超过 5 秒")])
        >>> nb.cells[0].outputs[-1].text
        '[cell 1] 超过 5 秒 | ran over 5 s\\n'
    """
    for event in events:
        cell = final.cells[event.index]
        name = "stdout" if _is_test(cell) else "stderr"
        cell.outputs = [*cell.get("outputs", []), _stream(name, event.note)]
    for index, cell in enumerate(final.cells):
        before = [e for e in events if e.index < index]
        if not before or not _is_test(cell) or not short_of_full(cell):
            continue
        causes = "; ".join(e.message for e in before)
        zh = "；".join(f"{e.label}：{e.zh}" for e in before)
        text = (
            f"注意：上面的单元格出了问题（{zh}），这项检查可能因此失败 | note: this check may "
            f"have failed because of an earlier cell ({causes})\n"
        )
        cell.outputs = [_stream("stdout", text), *cell.get("outputs", [])]


def _stream(name: str, text: str) -> NotebookNode:
    return nbformat.v4.new_output("stream", name=name, text=text)
