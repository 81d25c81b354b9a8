"""One submission's notebooks: read and sanitised, reduced for the kernel, merged after replay."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils

from .course import Course, fingerprint
from .derive import OBSERVE_MARK, CellRefused, observation_code
from .writer import read_notebook, sanitize

__all__ = [
    "Job",
    "prepare",
    "placeholder",
    "release_files",
    "source_files",
    "kernel_notebook",
    "merge",
    "is_test",
]


@dataclass
class Job:
    student: str
    notebooks: dict[str, NotebookNode | str]  # sanitised notebook, or the reason it is broken
    fingerprint: str


def error_output(message: str) -> NotebookNode:
    """An error output that makes nbgrader score a test cell 0, with ``message`` for the student.

    Example:
        >>> error_output("作业缺失 missing").ename
        'GradingError'
    """
    return nbformat.v4.new_output(
        "error", ename="GradingError", evalue=message, traceback=[f"GradingError: {message}"]
    )


def is_test(cell: NotebookNode) -> bool:
    """Whether ``cell`` is an autograded test cell (graded, not a solution)."""
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def placeholder(course: Course, assignment: str, student: str, name: str, why: str):
    """The release notebook with every test cell failing: 0 points and a clear message."""
    release = course.path("release", ".", assignment) / f"{name}.ipynb"
    nb = read_notebook(release)
    nb = sanitize(course, assignment, student, name, nb)
    for cell in nb.cells:
        if is_test(cell):
            # The student's feedback shows this in every test cell: why nothing was graded.
            cell.outputs = [error_output(f"未能评分，这份作业没有运行 | not graded: {why}")]
    return nb


def release_files(course: Course, assignment: str) -> list[tuple[Path, str]]:
    """The release's other files as ``(path, relative name)``: staged for every kernel."""
    base = course.path("release", ".", assignment)
    files = []
    ignore = course.coursedir.ignore + ["*.ipynb"]
    for path in utils.find_all_files(str(base), ignore):
        files.append((Path(path), os.path.relpath(path, base)))
    return files


def source_files(course: Course, assignment: str) -> list[tuple[Path, str]]:
    """The source folder's files besides notebooks: what the trusted replay may read."""
    base = course.path("source", ".", assignment)
    if not base.is_dir():
        return []
    ignore = course.coursedir.ignore + ["*.ipynb"]
    return [(Path(p), os.path.relpath(p, base)) for p in utils.find_all_files(str(base), ignore)]


def prepare(course: Course, assignment: str, student: str, names: list[str]) -> Job:
    folder = course.path("submitted", student, assignment)
    notebooks: dict[str, NotebookNode | str] = {}
    present = sorted(p.name for p in folder.glob("*.ipynb"))
    for name in names:
        path = folder / f"{name}.ipynb"
        if not path.is_file() or path.is_symlink():
            others = ", ".join(present) or "none"
            notebooks[name] = (
                f"notebook {name}.ipynb missing (found: {others}); the notebook must keep its "
                f"released name: rename it to {name}.ipynb and submit again"
            )
            continue
        try:
            nb = read_notebook(path)
            notebooks[name] = sanitize(course, assignment, student, name, nb)
        except Exception as exc:  # noqa: BLE001 - every failure is a message, not a crash
            notebooks[name] = (
                f"{name}.ipynb refused: {exc}; submit the notebook as JupyterLab saved it"
            )
    return Job(student, notebooks, fingerprint(folder))


def kernel_notebook(sanitized: NotebookNode) -> NotebookNode:
    """The notebook the student's kernel runs: every test cell reduced to its observation code.

    Expected values, reference computations and hidden expectations stay out of the kernel;
    the full test cells run only in the trusted replay.
    """
    nb = copy.deepcopy(sanitized)
    for cell in nb.cells:
        if is_test(cell):
            try:
                cell.source = observation_code(cell.source)
            except (SyntaxError, CellRefused):  # refused before grading starts (runner)
                cell.source = ""
            cell.metadata[OBSERVE_MARK] = True
            cell.outputs = []
    return nb


def merge(
    executed: NotebookNode | None,
    kernel_nb: NotebookNode,
    sanitized: NotebookNode,
    outputs: dict[str, list],
) -> NotebookNode:
    """Take student-cell outputs from the sandbox, test-cell outputs only from the replay."""
    final = copy.deepcopy(sanitized)
    same_shape = executed is not None and len(executed.cells) == len(final.cells)
    for i, cell in enumerate(final.cells):
        if cell.cell_type != "code":
            continue
        if is_test(cell):
            gid = cell.metadata.nbgrader["grade_id"]
            if gid in outputs:
                cell.outputs = [nbformat.from_dict(o) for o in outputs[gid]]
            else:
                cell.outputs = [error_output("test cell could not be replayed")]
        elif same_shape and executed.cells[i].get("source") == kernel_nb.cells[i].source:
            cell.outputs = executed.cells[i].get("outputs", [])
            cell.execution_count = executed.cells[i].get("execution_count")
    return final
