"""The rubric in the notebook: the table, the self-assessment and the points, from the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Rubric, _fmt

RUBRIC_HEAD = "**评分标准 / Rubric**"
_POINTS_HEAD = re.compile(r"（书面题，[\d.]+ 分，人工评分）")


def intro_id(grade_id: str) -> str:
    """The grade id of the markdown cell that states a written question (``q9_intro``).

    Example:
        >>> intro_id("q9_dictionary")
        'q9_intro'
    """
    return grade_id.split("_")[0] + "_intro"


def render_markdown(rubric: Rubric) -> str:
    """The rubric table and the self-assessment as they appear in the notebook.

    Example:
        >>> from beyond_traffic.rubric.model import Criterion, Level
        >>> c = Criterion("writing", "表达", "Writing", (Level(1.0, "清楚"), Level(0.0, "难懂")),
        ...               ("我的答案清楚。",))
        >>> print(render_markdown(Rubric("ps", "q9_x", "题", "0 分：空白。", (c,))))
        ... # doctest: +NORMALIZE_WHITESPACE
        **评分标准 / Rubric**
        <BLANKLINE>
        | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
        |---|---|---|---|
        | 表达 Writing | 1 | 清楚 | 0：难懂 |
        <BLANKLINE>
        0 分：空白。
        <BLANKLINE>
        **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
        <BLANKLINE>
        - [ ] 我的答案清楚。
    """
    lines = [
        RUBRIC_HEAD,
        "",
        "| 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |",
        "|---|---|---|---|",
    ]
    for c in rubric.criteria:
        others = "；".join(f"{_fmt(lv.points)}：{lv.zh}" for lv in c.levels[1:])
        lines.append(f"| {c.zh} {c.en} | {_fmt(c.max_points)} | {c.levels[0].zh} | {others} |")
    if rubric.zero:
        lines += ["", rubric.zero]
    lines += ["", "**自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）", ""]
    lines += [f"- [ ] {item}" for c in rubric.criteria for item in c.self_check]
    return "\n".join(lines)


def _commented(markdown: str) -> list[str]:
    return [f"# {line}" if line else "#" for line in markdown.split("\n")]


def _region(lines: list[str], start_marker: str, *, after: int = 0) -> tuple[int, int]:
    """``[start, end)`` of a comment block in a jupytext percent file starting at a marker."""
    start = next((i for i in range(after, len(lines)) if lines[i] == f"# {start_marker}"), -1)
    if start < 0:
        return -1, -1
    end = start + 1
    while end < len(lines) and lines[end].startswith("#") and not lines[end].startswith("# %%"):
        end += 1
    return start, end


def _cell_line(lines: list[str], grade_id: str) -> int:
    needle = f'"grade_id": "{grade_id}"'
    return next((i for i, ln in enumerate(lines) if ln.startswith("# %%") and needle in ln), -1)


def sync_percent(text: str, rubric: Rubric) -> str:
    """``text`` (a jupytext percent notebook) with this rubric's table, checklist and points.

    Raises:
        ValueError: the notebook has no intro cell, rubric heading or answer cell for the question.

    Example:
        >>> sync_percent("# %% 空\\n", Rubric("ps", "q9_x", "题", "", ()))
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: ... no cell q9_intro ...
    """
    lines = text.split("\n")
    intro = _cell_line(lines, intro_id(rubric.grade_id))
    answer = _cell_line(lines, rubric.grade_id)
    if intro < 0 or answer < 0:
        raise ValueError(
            f"{rubric.assignment}: no cell {intro_id(rubric.grade_id)} or {rubric.grade_id}: "
            "the intro cell states the question, the answer cell follows it"
        )
    start, end = _region(lines, RUBRIC_HEAD, after=intro)
    if start < 0 or start > answer:
        raise ValueError(
            f"{rubric.assignment}/{intro_id(rubric.grade_id)}: no line '{RUBRIC_HEAD}' to "
            "replace; add it where the rubric goes"
        )
    for i in range(intro, start):
        lines[i] = _POINTS_HEAD.sub(f"（书面题，{_fmt(rubric.max_points)} 分，人工评分）", lines[i])
    lines[answer] = re.sub(
        r'"points": [\d.]+', f'"points": {json.dumps(_points(rubric.max_points))}', lines[answer]
    )
    lines[start:end] = _commented(render_markdown(rubric))
    return "\n".join(lines)


def _points(x: float) -> int | float:
    return int(x) if float(x) == int(x) else float(x)


def notebook_problems(nb: dict, rubric: Rubric) -> list[str]:
    """How an .ipynb (parsed JSON) disagrees with the rubric; empty when it agrees.

    Example:
        >>> notebook_problems({"cells": []}, Rubric("ps", "q9_x", "题", "", ()))
        ['ps/q9_x: no answer cell q9_x', 'ps/q9_x: no intro cell q9_intro']
    """
    where = f"{rubric.assignment}/{rubric.grade_id}"
    by_id = {}
    for cell in nb.get("cells", []):
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid:
            by_id[gid] = cell
    problems = []
    answer = by_id.get(rubric.grade_id)
    if answer is None:
        problems.append(f"{where}: no answer cell {rubric.grade_id}")
    elif float(answer["metadata"]["nbgrader"].get("points", -1)) != rubric.max_points:
        problems.append(
            f"{where}: the answer cell is worth {answer['metadata']['nbgrader'].get('points')} "
            f"points, the rubric {_fmt(rubric.max_points)}"
        )
    intro = by_id.get(intro_id(rubric.grade_id))
    if intro is None:
        problems.append(f"{where}: no intro cell {intro_id(rubric.grade_id)}")
        return problems
    source = intro["source"] if isinstance(intro["source"], str) else "".join(intro["source"])
    if render_markdown(rubric) not in source:
        problems.append(
            f"{where}: the rubric table or self-assessment differs from the rubric file"
        )
    if f"（书面题，{_fmt(rubric.max_points)} 分，人工评分）" not in source:
        problems.append(f"{where}: the heading states other points than the rubric")
    return problems


def sync_course(root: Path | str, assignments: list[str]) -> list[Path]:
    """Rewrite ``solutions/A/A.py`` of each assignment from its rubrics; return changed files.

    Run ``jupytext --sync`` and the release afterwards (``beyond-traffic rubric sync`` does).

    Example:
        >>> sync_course("/nonexistent/课程", [])
        []
    """
    from .model import load_rubrics

    changed = []
    for assignment in assignments:
        path = Path(root) / "solutions" / assignment / f"{assignment}.py"
        text = path.read_text(encoding="utf-8")
        new = text
        for rubric in load_rubrics(root, assignment).values():
            new = sync_percent(new, rubric)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
