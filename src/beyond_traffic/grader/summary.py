"""After grading: a grades CSV, per-question statistics and a score-distribution plot."""

from __future__ import annotations

import csv
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .course import Course, read_state
from .runner import Outcome
from .terminal import spreadsheet_safe


@dataclass
class Summary:
    """Paths written and the table rows (one per student) of a grading run."""

    grades_csv: Path
    questions_csv: Path
    plot_png: Path | None
    rows: list[dict[str, object]]
    questions: list[dict[str, object]]
    #: students graded, broken (no gradable notebook) and missing (no submission)
    counts: dict[str, int] = field(default_factory=dict)


#: How a written answer no grader has scored yet appears in the summaries.
AWAITING = "awaiting manual grading"


def natural_key(name: str) -> list[object]:
    """Sort key that puts ``q2`` before ``q10`` (numbers compared as numbers).

    Example:
        >>> sorted(["作业/q10", "作业/q2", "作业/q1"], key=natural_key)
        ['作业/q1', '作业/q2', '作业/q10']
    """
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _score(grade) -> float | None:
    # A manual score, once given, replaces the automatic one; None means nobody scored it yet.
    if grade.manual_score is not None:
        return float(grade.manual_score)
    if grade.auto_score is not None:
        return float(grade.auto_score)
    return None


def collect_scores(course: Course, assignment: str) -> dict[str, dict[str, float | None]]:
    """``{student: {"notebook/grade_id": score}}``; ``None`` where a manual grade is still due.

    Example:
        >>> collect_scores  # doctest: +ELLIPSIS
        <function collect_scores at ...>
    """
    scores: dict[str, dict[str, float | None]] = {}
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            return scores
        for sub in a.submissions:
            row: dict[str, float | None] = {}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    row[f"{nb.name}/{grade.name}"] = _score(grade)
            scores[sub.student.id] = row
    return scores


def enrolled_students(course: Course) -> set[str]:
    """Ids of every student in the gradebook, so those who submitted nothing are listed too."""
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        return {s.id for s in gb.students}


def max_scores(course: Course, assignment: str) -> dict[str, float]:
    """``{"notebook/grade_id": max points}`` for the assignment's grade cells."""
    out: dict[str, float] = {}
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        for nb in gb.find_assignment(assignment).notebooks:
            for cell in nb.grade_cells:
                out[f"{nb.name}/{cell.name}"] = cell.max_score
    return out


def question_stats(
    question: str, max_points: float, values: list[float], *, awaiting: int = 0
) -> dict[str, object]:
    """One row of ``questions.csv``: scored answers, mean, median, full and zero credit shares.

    While any answer awaits manual grading the statistics say so instead: over the few answers
    scored so far (unchanged stubs get 0 automatically) they would read "zero% 100".

    Example:
        >>> question_stats("作业/q8", 10, [0.0, 0.0], awaiting=8)["zero_pct"]
        'awaiting manual grading'
        >>> question_stats("作业/q1", 2, [2.0, 0.0])["full_credit_pct"]
        50.0
    """
    shown = [] if awaiting else values
    empty = AWAITING if awaiting else ""

    def pct(hit: int) -> object:
        return round(100 * hit / len(shown), 1) if shown else empty

    return {
        "question": question,
        "max_points": max_points,
        "n": len(values),
        "awaiting_manual": awaiting,
        "mean": round(statistics.fmean(shown), 3) if shown else empty,
        "median": round(statistics.median(shown), 3) if shown else empty,
        "full_credit_pct": pct(sum(v >= max_points for v in shown)),
        "zero_pct": pct(sum(v == 0 for v in shown)),
    }


def write_summary(
    course: Course, assignment: str, outcomes: list[Outcome], *, out_dir: Path
) -> Summary:
    """Write ``grades.csv``, ``questions.csv`` and ``score_distribution.png`` into ``out_dir``.

    Example:
        >>> write_summary  # doctest: +ELLIPSIS
        <function write_summary at ...>
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    scores = collect_scores(course, assignment)
    maxima = max_scores(course, assignment)
    questions = sorted(maxima, key=natural_key)
    total_max = sum(maxima.values())
    by_student = {o.student: o for o in outcomes}
    enrolled = enrolled_students(course)
    rows = []
    broken: set[str] = set()
    for student in sorted(set(scores) | set(by_student) | enrolled):
        outcome = by_student.get(student)
        cells = scores.get(student, {})
        total = sum(v for v in cells.values() if v is not None)
        awaiting = sum(1 for q in questions if q in cells and cells[q] is None)
        # What an earlier run found (a skipped or absent student keeps its messages).
        state = read_state(course.state_file(assignment, student))
        earlier = state.get("messages") if isinstance(state.get("messages"), list) else []
        fresh = outcome is not None and outcome.status != "skipped"
        if (outcome.status if fresh else state.get("status")) == "broken":
            broken.add(student)
        row: dict[str, object] = {
            "student": student,
            "status": outcome.status
            if outcome
            else ("not in this run" if student in scores else "missing"),
            "score": round(total, 4),
            "max_score": total_max,
            "awaiting_manual": awaiting,
            "seconds": round(outcome.seconds, 1) if outcome else "",
        }
        for q in questions:
            v = cells.get(q)
            row[q] = "" if v is None else round(v, 4)
        row["message"] = "; ".join(outcome.messages if fresh else map(str, earlier))
        rows.append(row)
    grades_csv = out_dir / "grades.csv"
    with open(grades_csv, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh,
            fieldnames=[
                *("student", "status", "score", "max_score", "awaiting_manual", "seconds"),
                *questions,
                "message",
            ],
        )
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    stats = []
    for q in questions:
        # Broken submissions scored 0 by their placeholder say nothing about a question.
        counted = [r for r in rows if r["student"] not in broken]
        values = [float(r[q]) for r in counted if r[q] != ""]
        waiting = sum(1 for r in rows if r[q] == "" and q in scores.get(str(r["student"]), {}))
        stats.append(question_stats(q, maxima[q], values, awaiting=waiting))
    questions_csv = out_dir / "questions.csv"
    with open(questions_csv, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh,
            fieldnames=[
                "question",
                "max_points",
                "n",
                "awaiting_manual",
                "mean",
                "median",
                "full_credit_pct",
                "zero_pct",
            ],
        )
        writer.writeheader()
        writer.writerows(stats)
    missing = {str(r["student"]) for r in rows if r["status"] == "missing"}
    counts = {
        "graded": len(rows) - len(missing) - len(broken - missing),
        "broken": len(broken - missing),
        "missing": len(missing),
    }
    # Missing and broken students have no score to plot: counting them as 0 would hide them
    # among the students who really scored 0. The plot's caption states how many are left out.
    shown = [float(r["score"]) for r in rows if r["student"] not in missing | broken]
    plot = _plot(shown, total_max, out_dir / "score_distribution.png", counts=counts)
    return Summary(grades_csv, questions_csv, plot, rows, stats, counts)


def _plot(totals: list[float], top: float, path: Path, *, counts: dict[str, int]) -> Path | None:
    if not totals:
        return None
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    font = None
    try:
        from beyond_traffic import viz

        font = viz.font_properties()
    except Exception:  # noqa: BLE001 - fall back to matplotlib's default font
        font = None
    fig, ax = plt.subplots(figsize=(6, 3.5))
    bins = max(1, min(20, int(top) + 1)) if top else 10
    ax.hist(totals, bins=bins, range=(0, max(top, max(totals), 1)), color="#3b6ea5")
    left_out = (
        f"未画出 not shown: 缺交 missing {counts['missing']}, 无法评分 broken {counts['broken']}"
    )
    labels = ("得分分布 score distribution", f"得分 score ({left_out})", "人数 students")
    if font is not None:
        ax.set_title(labels[0], fontproperties=font)
        ax.set_xlabel(labels[1], fontproperties=font)
        ax.set_ylabel(labels[2], fontproperties=font)
    else:
        ax.set_title("score distribution")
        ax.set_xlabel(f"score (not shown: {counts['missing']} missing, {counts['broken']} broken)")
        ax.set_ylabel("students")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def format_table(summary: Summary) -> str:
    """A short plain-text table of the per-question statistics for the terminal.

    Example:
        >>> q = {"question": "ps3/q8_critique", "max_points": 10, "n": 0, "awaiting_manual": 3,
        ...      "mean": AWAITING, "median": AWAITING, "full_credit_pct": AWAITING,
        ...      "zero_pct": AWAITING}
        >>> print(format_table(Summary(None, None, None, [], [q])).splitlines()[1])
        ps3/q8_critique                    10 awaiting manual grading (3)
    """
    lines = []
    if summary.counts:
        c = summary.counts
        lines.append(
            f"students: {c['graded']} graded, {c['broken']} broken (no gradable notebook), "
            f"{c['missing']} missing (no submission); the plot shows the graded only"
        )
    lines.append("question                         max   mean  median  full%  zero%")
    for q in summary.questions:
        if q["mean"] == AWAITING:
            lines.append(
                f"{q['question'][:32]:32} {q['max_points']:>4} {AWAITING} ({q['awaiting_manual']})"
            )
            continue
        line = (
            f"{q['question'][:32]:32} {q['max_points']:>4} {q['mean']!s:>6} "
            f"{q['median']!s:>7} {q['full_credit_pct']!s:>6} {q['zero_pct']!s:>6}"
        )
        if q["awaiting_manual"]:
            line += f"  (+{q['awaiting_manual']} {AWAITING})"
        lines.append(line)
    return "\n".join(lines)
