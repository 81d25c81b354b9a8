"""How each question worked: an HTML report with plots and CSVs, read from the gradebook."""

# Read-only: the gradebook (scores, students, criterion grades) and the autograded notebooks'
# test-cell outputs (the checks' messages, which nbgrader does not keep in the database).
# Missing and broken submissions are counted apart and never enter a statistic as zeros.

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import MissingEntry

from ..grader.terminal import spreadsheet_safe
from .model import _fmt, load_rubrics
from .stats import difficulty, discrimination
from .store import load_marks, open_gradebook

_FAILED = re.compile(r"^\s*✘ \([\d.]+/[\d.]+\) (?P<msg>.+)$")


@dataclass
class ClassData:
    """What the report needs, gathered from one assignment's gradebook."""

    maxima: dict[str, float]  # "notebook/grade_id" -> max points
    table: dict[str, dict[str, float | None]]  # graded students only; None = awaiting
    status: dict[str, str]  # student -> graded | missing | broken
    failed: dict[str, Counter] = field(default_factory=dict)  # question -> message counts
    levels: dict[str, dict[str, Counter]] = field(default_factory=dict)  # q -> criterion -> pts
    criteria: dict[str, list[tuple[str, str, list[float]]]] = field(default_factory=dict)


def _score(grade) -> float | None:
    if grade.manual_score is not None:
        return float(grade.manual_score)
    if grade.auto_score is not None:
        return float(grade.auto_score)
    return None


def _test_outputs(path: Path) -> tuple[bool, dict[str, list[str]]]:
    """``(broken, {grade_id: failed messages})`` from an autograded notebook."""
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError):
        return True, {}
    tests, placeholders, failed = 0, 0, {}
    for cell in data.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        tests += 1
        outs = cell.get("outputs", [])
        # The grader's placeholder for a missing or unreadable notebook fails every test cell
        # with a GradingError; such a submission is broken, not a set of wrong answers.
        if any(o.get("ename") == "GradingError" for o in outs):
            placeholders += 1
        msgs = []
        for o in outs:
            text = o.get("text", "")
            text = "".join(text) if isinstance(text, list) else str(text)
            msgs += [m.group("msg").strip() for m in map(_FAILED.match, text.splitlines()) if m]
        failed[meta.get("grade_id", "")] = msgs
    return bool(tests) and placeholders == tests, failed


def collect(course, assignment: str) -> ClassData:
    """Scores, statuses, failed checks and criterion levels of ``assignment``.

    Example:
        >>> collect  # doctest: +ELLIPSIS
        <function collect at ...>
    """
    rubrics = load_rubrics(course.root, assignment)
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            raise ValueError(
                f"{assignment} is not in the gradebook: release and grade it"
            ) from None
        maxima = {
            f"{nb.name}/{c.name}": float(c.max_score) for nb in a.notebooks for c in nb.grade_cells
        }
        names = [nb.name for nb in a.notebooks]
        status = {s.id: "missing" for s in gb.students}
        table, failed = {}, {}
        for sub in a.submissions:
            student = sub.student.id
            broken = False
            messages: dict[str, list[str]] = {}
            for name in names:
                path = course.path("autograded", student, assignment) / f"{name}.ipynb"
                nb_broken, found = _test_outputs(path)
                broken = broken or nb_broken
                messages.update({f"{name}/{gid}": m for gid, m in found.items()})
            if broken:
                status[student] = "broken"
                continue
            status[student] = "graded"
            row = {}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    row[f"{nb.name}/{grade.name}"] = _score(grade)
            table[student] = row
            for q, msgs in messages.items():
                failed.setdefault(q, Counter()).update(msgs)
        levels, criteria = {}, {}
        for gid, rubric in rubrics.items():
            q = next((k for k in maxima if k.endswith(f"/{gid}")), gid)
            marks = load_marks(gb, rubric)
            levels[q] = {
                c.id: Counter(m.levels[c.id] for s, m in marks.items() if status.get(s) == "graded")
                for c in rubric.criteria
            }
            criteria[q] = [(c.id, c.zh, [lv.points for lv in c.levels]) for c in rubric.criteria]
    return ClassData(maxima, table, status, failed, levels, criteria)


def question_rows(data: ClassData) -> list[dict[str, object]]:
    """One row of numbers per question (the CSV and the report's table).

    Example:
        >>> d = ClassData({"nb/q1": 2.0}, {"甲": {"nb/q1": 2.0}, "乙": {"nb/q1": None}}, {})
        >>> question_rows(d)[0]["difficulty"], question_rows(d)[0]["awaiting_manual"]
        (1.0, 1)
    """
    rows = []
    for q, top in sorted(data.maxima.items()):
        values = [float(r[q]) for r in data.table.values() if r.get(q) is not None]
        diff = difficulty(values, top)
        disc = discrimination(data.table, q)
        rows.append(
            {
                "question": q,
                "max_points": top,
                "n": len(values),
                "awaiting_manual": sum(1 for r in data.table.values() if q in r and r[q] is None),
                "mean": round(statistics.fmean(values), 4) if values else "",
                "difficulty": round(diff, 4) if diff is not None else "",
                "discrimination": round(disc, 4) if disc is not None else "",
            }
        )
    return rows


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _plots(data: ClassData) -> dict[str, str]:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from .. import viz

    font = viz.font_properties()
    out = {}
    for q, top in sorted(data.maxima.items()):
        values = [float(r[q]) for r in data.table.values() if r.get(q) is not None]
        fig, ax = plt.subplots(figsize=(4, 2.4))
        ax.hist(
            values,
            bins=max(1, min(10, int(top * 2) + 1)),
            range=(0, max(top, 1e-9)),
            color="#3b6ea5",
        )
        ax.set_title(f"{q} 得分分布", fontproperties=font)
        ax.set_xlabel("得分", fontproperties=font)
        ax.set_ylabel("人数", fontproperties=font)
        fig.tight_layout()
        out[q] = _png(fig)
    for q, crit in data.levels.items():
        fig, axes = plt.subplots(1, len(crit), figsize=(2.4 * len(crit), 2.4), squeeze=False)
        for ax, (cid, zh, points) in zip(axes[0], data.criteria[q], strict=True):
            counts = crit[cid]
            ax.bar([_fmt(p) for p in points], [counts.get(p, 0) for p in points], color="#a55b3b")
            ax.set_title(zh, fontproperties=font)
            ax.set_xlabel("等级（分）", fontproperties=font)
        axes[0][0].set_ylabel("人数", fontproperties=font)
        fig.tight_layout()
        out[f"levels:{q}"] = _png(fig)
    return out


def write_report(course, assignment: str, out_dir: Path, *, top_checks: int = 5) -> Path:
    """Write ``report.html``, ``questions.csv``, ``checks.csv`` and ``levels.csv``; return the HTML.

    Example:
        >>> write_report  # doctest: +ELLIPSIS
        <function write_report at ...>
    """
    data = collect(course, assignment)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = question_rows(data)
    counts = Counter(data.status.values())
    _write_csv(out_dir / "questions.csv", rows)
    checks = [
        {"question": q, "message": msg, "students": n}
        for q, c in sorted(data.failed.items())
        for msg, n in c.most_common()
    ]
    _write_csv(out_dir / "checks.csv", checks, ["question", "message", "students"])
    levels = [
        {
            "question": q,
            "criterion": cid,
            "level_points": p,
            "students": data.levels[q][cid].get(p, 0),
        }
        for q, crit in data.criteria.items()
        for cid, _, pts in crit
        for p in pts
    ]
    _write_csv(
        out_dir / "levels.csv", levels, ["question", "criterion", "level_points", "students"]
    )
    _write_csv(
        out_dir / "students.csv",
        [{"status": k, "students": counts.get(k, 0)} for k in ("graded", "missing", "broken")],
    )
    plots = _plots(data)
    e = html.escape
    parts = [
        "<!doctype html><html lang='zh'><meta charset='utf-8'>",
        f"<title>{e(assignment)} 题目分析 / How each question worked</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}</style>",
        f"<h1>{e(assignment)} · 题目分析 / How each question worked</h1>",
        f"<p>已评 graded: {counts.get('graded', 0)} · 未交 missing: {counts.get('missing', 0)}"
        f" · 无法评分 broken: {counts.get('broken', 0)}（未交和无法评分的不计入统计，"
        "不按 0 分计 / counted apart, never as zeros）</p>",
        "<p>难度 difficulty = 平均得分 ÷ 满分；区分度 discrimination = 该题得分与其余各题总分的"
        "相关系数。</p>",
        "<table><tr><th>题 question</th><th>满分 max</th><th>人数 n</th><th>待评 awaiting</th>"
        "<th>平均 mean</th><th>难度 difficulty</th><th>区分度 discrimination</th></tr>",
    ]
    for r in rows:
        parts.append("<tr>" + "".join(f"<td>{e(str(r[k]))}</td>" for k in r) + "</tr>")
    parts.append("</table>")
    for r in rows:
        q = str(r["question"])
        parts.append(f"<h2 id='{e(q)}'>{e(q)}</h2>")
        parts.append(f"<img alt='{e(q)} 得分分布' src='data:image/png;base64,{plots[q]}'>")
        if data.failed.get(q) and sum(data.failed[q].values()):
            parts.append("<h3>最常失败的检查 / Checks failed most often</h3><ol>")
            for msg, n in data.failed[q].most_common(top_checks):
                parts.append(f"<li>{e(msg)} — {n} 人</li>")
            parts.append("</ol>")
        if q in data.levels:
            parts.append("<h3>各维度的等级分布 / Levels by criterion</h3>")
            parts.append(
                f"<img alt='{e(q)} 等级' src='data:image/png;base64,{plots['levels:' + q]}'>"
            )
            parts.append(
                "<table><tr><th>维度</th>"
                + "".join(f"<th>{e(zh)}</th>" for _, zh, _ in data.criteria[q])
                + "</tr><tr><td>人数</td>"
            )
            for cid, _, pts in data.criteria[q]:
                cells = " · ".join(f"{_fmt(p)}分 {data.levels[q][cid].get(p, 0)}" for p in pts)
                parts.append(f"<td>{e(cells)}</td>")
            parts.append("</tr></table>")
    parts.append("</html>")
    path = out_dir / "report.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _write_csv(path: Path, rows: list[dict], fields: list[str] | None = None) -> None:
    fields = fields or (list(rows[0]) if rows else ["question"])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in r.items()} for r in rows)
