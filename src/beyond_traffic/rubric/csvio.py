"""Offline round trip: criterion grades of one question to a CSV and back, validated first."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..grader.terminal import spreadsheet_safe
from .answers import answer_text
from .model import Rubric, RubricError, _fmt, load_rubrics
from .store import load_marks, notebook_of, open_gradebook, save_answer, submitted_students

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def column(rubric: Rubric, criterion: str) -> str:
    """The CSV column of a criterion: ``GRADE_ID.CRITERION`` (the file names its question).

    Example:
        >>> from beyond_traffic.rubric.model import Criterion, Level
        >>> c = Criterion("writing", "表达", "Writing", (Level(1.0, "清楚"), Level(0.0, "难懂")))
        >>> column(Rubric("ps1", "q9_dictionary", "词典", "", (c,)), "writing")
        'q9_dictionary.writing'
    """
    return f"{rubric.grade_id}.{criterion}"


def export_csv(course, assignment: str, grade_id: str, path: Path) -> int:
    """Write one row per submitted student; returns the number of rows.

    Columns: ``student``, ``answer``, one per criterion (the points of the chosen level, empty
    when not graded yet), ``comment`` (the free comment).

    Example:
        >>> export_csv  # doctest: +ELLIPSIS
        <function export_csv at ...>
    """
    rubrics = load_rubrics(course.root, assignment)
    if grade_id not in rubrics:
        raise RubricError(
            f"{assignment} has no rubric for {grade_id}; questions with one: "
            f"{', '.join(rubrics) or 'none'}"
        )
    rubric = rubrics[grade_id]
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        notebook = notebook_of(gb, assignment, grade_id)
        students = submitted_students(gb, assignment)
        marks = load_marks(gb, rubric)
    header = ["student", "answer", *(column(rubric, c.id) for c in rubric.criteria), "comment"]
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for student in students:
            mark = marks.get(student)
            text = answer_text(course, assignment, notebook, student, grade_id) or ""
            row = [spreadsheet_safe(student), spreadsheet_safe(text)]
            row += [_fmt(mark.levels[c.id]) if mark else "" for c in rubric.criteria]
            row.append(spreadsheet_safe(mark.free_comment) if mark else "")
            writer.writerow(row)
    return len(students)


@dataclass
class ImportRow:
    """One validated CSV row ready to be written."""

    student: str
    levels: dict[str, float]
    comment: str


def _unsafe(value: str) -> str:
    # Undo spreadsheet_safe's quote: a leading ' before a formula character was added on export.
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA) else value


def read_import(course, assignment: str, path: Path) -> tuple[Rubric, list[ImportRow]]:
    """Read and validate the whole CSV; RubricError lists every bad row and criterion.

    Example:
        >>> read_import  # doctest: +ELLIPSIS
        <function read_import at ...>
    """
    rubrics = load_rubrics(course.root, assignment)
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
        header = list(rows[0].keys()) if rows else []
    if not header:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            header = next(csv.reader(fh), [])
    questions = {h.split(".", 1)[0] for h in header if "." in h}
    if len(questions) != 1 or "student" not in header:
        raise RubricError(
            f"{path}: the header needs `student` and criterion columns GRADE_ID.CRITERION of one "
            "question (write the file with `beyond-traffic rubric export`)"
        )
    (grade_id,) = questions
    if grade_id not in rubrics:
        raise RubricError(f"{path}: {assignment} has no rubric for {grade_id}")
    rubric = rubrics[grade_id]
    missing = [column(rubric, c.id) for c in rubric.criteria if column(rubric, c.id) not in header]
    unknown = [
        h for h in header if "." in h and h not in {column(rubric, c.id) for c in rubric.criteria}
    ]
    if missing or unknown:
        raise RubricError(
            f"{path}: criterion columns of {grade_id} are "
            f"{', '.join(column(rubric, c.id) for c in rubric.criteria)}"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(unknown)}" if unknown else "")
        )
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        known = set(submitted_students(gb, assignment))
    errors, out, seen = [], [], set()
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        student = _unsafe((row.get("student") or "").strip())
        where = f"row {n} ({student or 'no student'})"
        if student not in known:
            errors.append(f"{where}: no submission of {assignment} by this student")
            continue
        if student in seen:
            errors.append(f"{where}: the student appears twice")
            continue
        seen.add(student)
        cells = {c.id: (row.get(column(rubric, c.id)) or "").strip() for c in rubric.criteria}
        if not any(cells.values()):
            continue  # not graded yet: left as it is
        levels = {}
        for c in rubric.criteria:
            value = cells[c.id]
            try:
                levels[c.id] = c.level(float(value)).points
            except ValueError as exc:
                allowed = ", ".join(_fmt(lv.points) for lv in c.levels)
                why = str(exc) if isinstance(exc, RubricError) else f"{value!r} is not a number"
                errors.append(
                    f"{where}, criterion {c.id} ({c.zh}): {why.split(': choose')[0]}; "
                    f"choose one of {allowed}"
                )
        out.append(ImportRow(student, levels, _unsafe(row.get("comment") or "")))
    if errors:
        raise RubricError("nothing was written:\n" + "\n".join(errors))
    return rubric, out


def import_csv(course, assignment: str, path: Path, *, grader: str = "csv") -> int:
    """Validate every row, then write each like the grading page; returns rows written.

    Reusable comments already chosen for an answer are kept.

    Example:
        >>> import_csv  # doctest: +ELLIPSIS
        <function import_csv at ...>
    """
    rubric, rows = read_import(course, assignment, path)
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        marks = load_marks(gb, rubric)
        for row in rows:
            old = marks.get(row.student)
            save_answer(
                gb,
                rubric,
                row.student,
                levels=row.levels,
                comments=old.comments if old else None,
                free_comment=row.comment,
                grader=grader,
                version=old.version if old else None,
            )
    return len(rows)
