"""Worked solutions for learners alone, opened question by question after a real attempt."""

# ``beyond-traffic solutions ps1_segment --notebook MY.ipynb`` compares the learner's notebook
# with the released one and refuses until at least half of the questions show an attempt. It
# then writes a worked-solution notebook holding, for every attempted question, the reference
# answer, the learner's own answer, the explanation, the hidden checks and, for written
# questions, the graders' exemplars. Questions not yet attempted stay closed.
#
# Nothing here holds a solution: reference answers are read from the nbgrader source
# (``solutions/``), explanations and exemplars from ``instructors/`` of a full course checkout.
# The classroom student edition ships neither folder, so there the command has nothing to open.

from __future__ import annotations

import argparse
import ast
import copy
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

__all__ = [
    "NotAttempted",
    "Question",
    "add_parser",
    "attempted",
    "find_course",
    "load_explanations",
    "questions",
    "worked_notebook",
    "write_worked",
]

#: Share of an assignment's questions that must show an attempt before anything opens.
MIN_SHARE = 0.5
#: A written answer shows an attempt when it has at least this many non-blank characters.
MIN_WRITTEN_CHARS = 40
_SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def _nbformat():
    """nbformat, which the ``lab`` extra installs (the core package does without it)."""
    try:
        import nbformat
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "beyond-traffic solutions reads notebooks with nbformat: "
            "pip install 'beyond-traffic[lab]'"
        ) from None
    return nbformat


class NotAttempted(Exception):
    """The notebook does not show enough of an attempt to open worked solutions."""


@dataclass(frozen=True)
class Question:
    """One graded question of an assignment.

    Attributes:
        grade_id: the graded cell's id (a test cell, or a written answer cell).
        answer_id: the cell the learner writes in (``<grade_id>_answer``, or the written cell).
        written: True for a written answer graded by hand.

    Example:
        >>> Question("q1_strip_pinyin", "q1_strip_pinyin_answer", False).written
        False
    """

    grade_id: str
    answer_id: str
    written: bool


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def questions(release: nbformat.NotebookNode) -> list[Question]:
    """Return the graded questions of a released notebook, in notebook order.

    An autograded question is its test cell plus the answer cell ``<grade_id>_answer``; a
    written question is one markdown cell that is both graded and a solution.

    Example:
        >>> import nbformat
        >>> nb = nbformat.v4.new_notebook()
        >>> cell = nbformat.v4.new_markdown_cell("在此作答")
        >>> cell.metadata["nbgrader"] = {"grade": True, "solution": True, "grade_id": "q9"}
        >>> nb.cells.append(cell)
        >>> questions(nb)
        [Question(grade_id='q9', answer_id='q9', written=True)]
    """
    nbformat = _nbformat()
    if not isinstance(release, nbformat.NotebookNode):
        raise TypeError(f"release must be a notebook, got {type(release).__name__}")
    ids = {_meta(c).get("grade_id") for c in release.cells}
    found = []
    for cell in release.cells:
        meta = _meta(cell)
        if not meta.get("grade"):
            continue
        gid = meta["grade_id"]
        if meta.get("solution"):
            found.append(Question(gid, gid, True))
        elif f"{gid}_answer" in ids:
            found.append(Question(gid, f"{gid}_answer", False))
    return found


def _code_shape(source: str) -> str | None:
    """The code's structure without comments and docstrings, or None if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                body[:] = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _changed_code(mine: str, given: str) -> bool:
    shape_mine, shape_given = _code_shape(mine), _code_shape(given)
    if shape_mine is None:
        # A syntax error is an attempt if any line other than a comment was written.
        lines = {line.strip() for line in mine.splitlines() if not line.strip().startswith("#")}
        return bool(lines - {line.strip() for line in given.splitlines()})
    return shape_mine != shape_given


def _changed_text(mine: str, given: str) -> bool:
    compact = re.sub(r"\s+", "", mine)
    return compact != re.sub(r"\s+", "", given) and len(compact) >= MIN_WRITTEN_CHARS


def attempted(notebook: nbformat.NotebookNode, release: nbformat.NotebookNode) -> dict[str, bool]:
    """Return ``{grade_id: attempted?}`` for every question, comparing with the release.

    A code answer counts as attempted when its structure (comments and docstrings aside)
    differs from the released cell; a written answer when it differs from the released stub
    and has at least :data:`MIN_WRITTEN_CHARS` non-blank characters.

    Example:
        >>> import nbformat
        >>> release = nbformat.v4.new_notebook()
        >>> stub = nbformat.v4.new_code_cell("q1 = None  # 在此作答")
        >>> stub.metadata["nbgrader"] = {"grade": False, "solution": True, "grade_id": "q1_answer"}
        >>> test = nbformat.v4.new_code_cell("ck.report()")
        >>> test.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "q1"}
        >>> release.cells += [stub, test]
        >>> mine = copy.deepcopy(release)
        >>> attempted(mine, release)
        {'q1': False}
        >>> mine.cells[0].source = "q1 = ['流量', '赋能']"
        >>> attempted(mine, release)
        {'q1': True}
    """
    nbformat = _nbformat()
    for name, value in (("notebook", notebook), ("release", release)):
        if not isinstance(value, nbformat.NotebookNode):
            raise TypeError(f"{name} must be a notebook, got {type(value).__name__}")
    mine = {_meta(c).get("grade_id"): c for c in notebook.cells if _meta(c).get("grade_id")}
    given = {_meta(c).get("grade_id"): c for c in release.cells if _meta(c).get("grade_id")}
    result = {}
    for q in questions(release):
        cell = mine.get(q.answer_id)
        if cell is None:
            result[q.grade_id] = False
        elif q.written:
            result[q.grade_id] = _changed_text(cell.source, given[q.answer_id].source)
        else:
            result[q.grade_id] = _changed_code(cell.source, given[q.answer_id].source)
    return result


def find_course(assignment: str, *, start: Path) -> Path:
    """Return the first folder from ``start`` upwards that holds ``solutions/<assignment>``.

    Raises:
        FileNotFoundError: none does (e.g. a student edition without ``solutions/``).

    Example:
        >>> find_course("ps1_segment", start=Path("/"))  # doctest: +SKIP
        Traceback (most recent call last):
        FileNotFoundError: ...
    """
    if not isinstance(assignment, str) or not isinstance(start, Path):
        raise TypeError("assignment must be str and start a pathlib.Path")
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "solutions" / assignment / f"{assignment}.ipynb").is_file():
            return folder
    raise FileNotFoundError(
        f"no solutions/{assignment}/ in {start} or any folder above it: pass --course DIR, the "
        "full course folder that holds solutions/ and instructors/ (a student edition has no "
        "worked solutions) / 找不到参考解答：请用 --course 指定完整课程的文件夹"
    )


def load_explanations(path: Path) -> dict[str, str]:
    """Read ``instructors/worked/<assignment>.md``: one ``## <grade_id>`` section per question.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "ps.md"
        >>> _ = tmp.write_text("## q1_prf\\n先把词变成位置。\\n## 核对\\n表\\n", encoding="utf-8")
        >>> load_explanations(tmp)
        {'q1_prf': '先把词变成位置。'}
    """
    if not isinstance(path, Path):
        raise TypeError(f"path must be pathlib.Path, got {type(path).__name__}")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^## ([A-Za-z0-9_]+)\s*$", line)
        if match:
            current = sections.setdefault(match.group(1), [])
        elif line.startswith("## "):
            current = None  # another heading (e.g. the facts table) ends the section
        elif current is not None:
            current.append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def _md(text: str) -> nbformat.NotebookNode:
    return _nbformat().v4.new_markdown_cell(text)


def _fenced(source: str, language: str = "python") -> str:
    fence = "````" if "```" in source else "```"
    return f"{fence}{language}\n{source.rstrip()}\n{fence}"


def _strip_solution_markers(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if not _SOLUTION_MARKER.match(line))


def worked_notebook(
    assignment: str, notebook: nbformat.NotebookNode, *, course: Path
) -> tuple[nbformat.NotebookNode, dict[str, bool]]:
    """Build the worked-solution notebook for the questions ``notebook`` attempted.

    Args:
        assignment: e.g. ``"ps1_segment"``.
        notebook: the learner's copy of the released notebook.
        course: the course folder (``solutions/``, ``assignments/``, ``instructors/``).

    Returns:
        The notebook and ``{grade_id: attempted?}``.

    Raises:
        NotAttempted: fewer than :data:`MIN_SHARE` of the questions show an attempt, or the
            notebook is not this assignment.
        FileNotFoundError: the course lacks the solution, release or explanations.

    Example:
        >>> worked, status = worked_notebook("ps1_segment", mine, course=root)  # doctest: +SKIP
        >>> sorted(status)[:2]  # doctest: +SKIP
        ['q1_strip_pinyin', 'q2_apply_errata']
    """
    nbformat = _nbformat()
    if not isinstance(notebook, nbformat.NotebookNode):
        raise TypeError(f"notebook must be a notebook, got {type(notebook).__name__}")
    source = nbformat.read(course / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    release = nbformat.read(
        course / "assignments" / assignment / f"{assignment}.ipynb", as_version=4
    )
    status = attempted(notebook, release)
    mine_ids = {_meta(c).get("grade_id") for c in notebook.cells}
    if not status or not {q.answer_id for q in questions(release)} & mine_ids:
        raise NotAttempted(
            f"这不是 {assignment} 的笔记本 / this notebook is not {assignment}: none of its "
            "answer cells is there"
        )
    done = [gid for gid, ok in status.items() if ok]
    needed = math.ceil(MIN_SHARE * len(status))
    if len(done) < needed:
        todo = ", ".join(gid for gid, ok in status.items() if not ok)
        raise NotAttempted(
            f"先试一试：{len(status)} 道题里你做了 {len(done)} 道，至少要做 {needed} 道才能打开"
            f"参考解答。还没作答：{todo}\n"
            f"Try first: you attempted {len(done)} of {len(status)} questions; worked solutions "
            f"open after {needed}. Not attempted yet: {todo}"
        )
    explanations = load_explanations(course / "instructors" / "worked" / f"{assignment}.md")
    return _compose(assignment, source, release, notebook, explanations, status, course), status


def _compose(assignment, source, release, notebook, explanations, status, course):
    mine = {_meta(c).get("grade_id"): c for c in notebook.cells if _meta(c).get("grade_id")}
    given = {_meta(c).get("grade_id"): c for c in release.cells if _meta(c).get("grade_id")}
    by_answer = {q.answer_id: q for q in questions(release)}
    by_grade = {q.grade_id: q for q in questions(release)}
    opened = [gid for gid, ok in status.items() if ok]
    closed = [gid for gid, ok in status.items() if not ok]
    nbformat = _nbformat()
    out = nbformat.v4.new_notebook()
    out.metadata = copy.deepcopy({k: v for k, v in source.metadata.items() if k != "jupytext"})
    still = "还没作答的题保持原样：" + ", ".join(closed) if closed else "所有题目都已打开。"
    out.cells.append(
        _md(
            f"# 参考解答（自学版）· Worked solutions — `{assignment}`\n\n"
            f"为你做过的 {len(opened)} 道题打开了参考解答、讲解和隐藏检查；{still}\n\n"
            f"*Opened for the {len(opened)} questions you attempted: the reference answer, your "
            "answer for comparison, an explanation, the hidden checks and, for written questions, "
            "the graders' exemplars. Questions you have not attempted stay closed; attempt them "
            "and run the command again.*\n\n"
            "先和自己的答案比一比，再运行下面的单元。不要把这份文件交给正在上同一门课的同学。"
        )
    )
    for cell in source.cells:
        meta = _meta(cell)
        gid = meta.get("grade_id")
        if gid in by_answer and by_answer[gid].written:
            out.cells += _written(by_answer[gid], mine, status, explanations, course, assignment)
        elif gid in by_answer:
            q = by_answer[gid]
            if status[q.grade_id]:
                out.cells.append(nbformat.v4.new_code_cell(_strip_solution_markers(cell.source)))
                out.cells.append(_md("**你的答案 / Your answer**\n\n" + _fenced(mine[gid].source)))
                out.cells.append(
                    _md("**讲解 / Explanation**\n\n" + explanations.get(q.grade_id, "（无）"))
                )
            else:
                out.cells.append(nbformat.v4.new_code_cell(given[gid].source))
                out.cells.append(_md(_closed(q.grade_id, assignment)))
        elif gid in by_grade and not by_grade[gid].written:
            shown = cell.source if status[gid] else given[gid].source
            out.cells.append(nbformat.v4.new_code_cell(shown))
        elif cell.cell_type == "markdown":
            out.cells.append(_md(cell.source))
        else:
            out.cells.append(nbformat.v4.new_code_cell(cell.source))
    nbformat.validate(out)
    return out


def _closed(grade_id: str, assignment: str) -> str:
    return (
        f"🔒 **{grade_id}：你还没有作答 / not attempted yet.** 先试一试，再运行 "
        f"`beyond-traffic solutions {assignment} --notebook …` 打开这道题的参考解答。"
    )


def _written(q, mine, status, explanations, course, assignment):
    if not status[q.grade_id]:
        return [_md(_closed(q.grade_id, assignment))]
    exemplars = course / "instructors" / "exemplars" / f"{assignment}_{q.grade_id}.md"
    text = exemplars.read_text(encoding="utf-8") if exemplars.is_file() else "（无示范答案）"
    yours = mine[q.answer_id].source.strip()
    return [
        _md(
            "**你的答案 / Your answer**\n\n" + "\n".join(f"> {line}" for line in yours.splitlines())
        ),
        _md(
            "**先自评，再往下读 / Self-assess first.** 用题目下的自评表和评分标准给自己的答案打分，"
            "然后再读三个水平的示范答案，看看评分者怎样给分。"
        ),
        _md("**讲解 / Explanation**\n\n" + explanations.get(q.grade_id, "（无）")),
        _md(text),
    ]


def write_worked(
    assignment: str, notebook_path: Path, *, course: Path | None = None, out: Path | None = None
) -> tuple[Path, dict[str, bool]]:
    """Read the learner's notebook, build the worked notebook and write it.

    Args:
        assignment: e.g. ``"ps2_count"``.
        notebook_path: the learner's notebook.
        course: the course folder; default: found upwards from the notebook, then the cwd.
        out: where to write; default ``<assignment>_worked.ipynb`` next to the notebook.

    Returns:
        The path written and ``{grade_id: attempted?}``.

    Example:
        >>> write_worked("ps2_count", Path("ps2_count.ipynb"))  # doctest: +SKIP
        (PosixPath('ps2_count_worked.ipynb'), {...})
    """
    if not isinstance(assignment, str) or not isinstance(notebook_path, Path):
        raise TypeError("assignment must be str and notebook_path a pathlib.Path")
    if not notebook_path.is_file():
        raise FileNotFoundError(f"no such notebook: {notebook_path}")
    if course is None:
        try:
            course = find_course(assignment, start=notebook_path.parent)
        except FileNotFoundError:
            course = find_course(assignment, start=Path.cwd())
    nbformat = _nbformat()
    try:
        notebook = nbformat.read(notebook_path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same clear message
        raise ValueError(
            f"{notebook_path} is not a readable notebook ({type(exc).__name__})"
        ) from None
    worked, status = worked_notebook(assignment, notebook, course=course)
    target = out or notebook_path.with_name(f"{assignment}_worked.ipynb")
    if target.resolve() == notebook_path.resolve():
        raise ValueError("the worked notebook must not overwrite your own notebook")
    nbformat.write(worked, target)
    return target, status


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``solutions`` subcommand to the ``beyond-traffic`` parser."""
    p = sub.add_parser(
        "solutions",
        help="after a real attempt, write worked solutions for the questions you attempted",
        description=(
            "For learners studying alone. Compares your notebook with the released one; once at "
            "least half of the questions show an attempt, writes <assignment>_worked.ipynb with "
            "the reference answers, explanations, hidden checks and exemplars of the questions "
            "you attempted. Needs the full course (solutions/ and instructors/)."
        ),
    )
    p.add_argument("assignment", help="e.g. ps1_segment")
    p.add_argument("--notebook", type=Path, required=True, help="your notebook")
    p.add_argument("--course", type=Path, default=None, help="course folder (default: found)")
    p.add_argument("--out", type=Path, default=None, help="where to write the worked notebook")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the ``solutions`` subcommand; 0 written, 3 not attempted enough, 2 other errors."""
    try:
        target, status = write_worked(
            args.assignment, args.notebook, course=args.course, out=args.out
        )
    except NotAttempted as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except (FileNotFoundError, ModuleNotFoundError, ValueError, TypeError) as exc:
        print(f"beyond-traffic solutions: {exc}", file=sys.stderr)
        return 2
    for line in _shortcut_warnings(args.assignment, args.notebook):
        print(line)
    opened = sum(status.values())
    print(f"{target}: {opened} of {len(status)} questions opened / 已打开 {opened} 道题")
    closed = [gid for gid, ok in status.items() if not ok]
    if closed:
        print("still closed / 尚未打开: " + ", ".join(closed))
    return 0


def _shortcut_warnings(assignment: str, notebook: Path) -> list[str]:
    """What the instructor's integrity report would list for this notebook (shortcuts)."""
    try:
        import nbformat

        from .grader.integrity import find_blueprint, learner_warnings, load_forbidden

        blueprint = find_blueprint(notebook.parent) or find_blueprint(Path.cwd())
        if blueprint is None:
            return []
        forbidden = load_forbidden(blueprint, assignment)
    except ModuleNotFoundError:  # the blueprint is read with PyYAML (the grader extra)
        return []
    return learner_warnings(nbformat.read(notebook, as_version=4), forbidden)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m beyond_traffic.selfstudy ASSIGNMENT --notebook NB``."""
    parser = argparse.ArgumentParser(prog="python -m beyond_traffic.selfstudy")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["solutions", *(argv if argv is not None else sys.argv[1:])])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
