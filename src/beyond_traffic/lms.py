"""A class without a hub: LMS submission archives in (nbgrader zip_collect), grades out as CSV."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# MoodleCollector and CanvasCollector are module attributes too, built on first access.
__all__ = [
    "GradeRow",
    "FORMATS",
    "grade_rows",
    "grades_csv",
    "count_line",
    "feedback_zip",
]


@cache
def _collectors() -> dict[str, type]:
    """The zip_collect plugins, built on first use: nbgrader is an extra, not a core need."""
    from nbgrader.plugins.zipcollect import FileNameCollectorPlugin

    class MoodleCollector(FileNameCollectorPlugin):
        """Moodle's "Download all submissions": ``Full Name_1234_assignsubmission_file_/x.ipynb``.

        Both layouts Moodle offers are read: one folder per student (the default since Moodle
        3.1) and flat files (``Full Name_1234_assignsubmission_file_x.ipynb``). The student id is
        Moodle's participant number (``1234``), the one its grading worksheet is keyed by.

        Use: ``nbgrader zip_collect ps1_segment --collector=beyond_traffic.lms.MoodleCollector``.

        Example:
            >>> MoodleCollector().collect("/d/李 明_88_assignsubmission_file_/ps1_segment.ipynb")
            {'name': '李 明', 'student_id': '88', 'file_id': 'ps1_segment.ipynb'}
        """

        named_regexp = (
            r".*/(?P<name>[^/]+?)_(?P<student_id>\d+)_assignsubmission_file_?/?(?P<file_id>[^/]+)$"
        )

    class CanvasCollector(FileNameCollectorPlugin):
        """Canvas's "Download Submissions": ``liming_LATE_4321_998877_ps1_segment-1.ipynb``.

        The name key, ``LATE_`` for late work, the Canvas user id (the student id here, the ``ID``
        column of Canvas's gradebook), the file's id, then the file name as uploaded; Canvas appends
        ``-1``, ``-2`` … to a file a student uploaded again, which is removed so the notebook keeps
        its released name.

        Example:
            >>> name = "/d/liming_LATE_4321_998877_ps1_segment-1.ipynb"
            >>> CanvasCollector().collect(name)["file_id"]
            'ps1_segment.ipynb'
        """

        named_regexp = (
            r".*/(?P<name>[a-z0-9]+)_(?:LATE_)?(?P<student_id>\d+)_(?P<attachment>\d+)_"
            r"(?P<file_id>[^/]+)$"
        )

        def collect(self, submitted_file: str) -> dict | None:
            """nbgrader's collect, then the upload counter taken off the file name."""
            info = super().collect(submitted_file)
            if info:
                info["file_id"] = re.sub(r"-\d+(\.\w+)$", r"\1", info["file_id"])
                info.pop("attachment", None)
            return info

    return {"MoodleCollector": MoodleCollector, "CanvasCollector": CanvasCollector}


def __getattr__(name: str) -> type:
    # `nbgrader zip_collect --collector=beyond_traffic.lms.MoodleCollector` imports these.
    if name in ("MoodleCollector", "CanvasCollector"):
        return _collectors()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class GradeRow:
    """One student's result on one assignment, as an LMS import needs it."""

    student_id: str
    first_name: str
    last_name: str
    email: str
    status: str
    """``graded``, ``needs manual grading``, ``broken``, ``submitted, not graded``, ``missing``."""
    score: float | None
    """Points (None when nothing was graded, or not yet final and not asked for)."""
    max_score: float
    message: str = ""
    """What the grader found (a cell that timed out, a misnamed notebook…); empty when nothing."""


def grade_rows(
    course_root: Path | str | None, assignment: str, *, partial: bool = False
) -> list[GradeRow]:
    """Every student of the gradebook with their score on ``assignment``, sorted by id.

    A student who submitted nothing is ``missing`` (score None), never an error; a submission
    collected but not yet autograded is ``submitted, not graded``. A ``broken`` submission (no
    notebook the grader could run, e.g. a renamed file) and one that ``needs manual grading``
    get no score unless ``partial``: a 0 or a half-graded total in the LMS would read as final.

    Args:
        course_root: the course folder (default: current folder).
        assignment: the assignment name.
        partial: give broken and half-graded students their current points too.

    Raises:
        FileNotFoundError: no course folder or no gradebook.
        ValueError: the assignment is not in the gradebook.

    Example:
        >>> grade_rows("/nonexistent/课程", "ps1_segment")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        FileNotFoundError: no nbgrader_config.py
    """
    from nbgrader.api import Gradebook, MissingEntry

    from .grader.course import load_course, read_state

    if not isinstance(assignment, str) or not assignment:
        raise TypeError("assignment must be a non-empty str")
    course = load_course(course_root)
    db = course.db_url
    if db.startswith("sqlite:///") and not Path(db[len("sqlite:///") :]).is_file():
        raise FileNotFoundError(f"no gradebook at {db[len('sqlite:///') :]}")
    submitted = set(course.students(assignment))
    rows = []
    with Gradebook(db, course.coursedir.course_id) as gb:
        try:
            max_score = gb.find_assignment(assignment).max_score
        except MissingEntry:
            raise ValueError(f"{assignment} is not in the gradebook") from None
        for student in gb.students:
            try:
                sub = gb.find_submission(assignment, student.id)
            except MissingEntry:
                sub = None
            # What `beyond-traffic grade` found (plain nbgrader leaves no such record).
            state = read_state(course.state_file(assignment, student.id))
            found = state.get("messages") if isinstance(state.get("messages"), list) else []
            message = "; ".join(str(m) for m in found) if sub is not None else ""
            if sub is not None:
                if state.get("status") == "broken":
                    status = "broken"
                elif sub.needs_manual_grade:
                    status = "needs manual grading"
                else:
                    status = "graded"
                final = status == "graded" or partial
                score: float | None = float(sub.score) if final else None
            else:
                status = "submitted, not graded" if student.id in submitted else "missing"
                score = None
            rows.append(
                GradeRow(
                    student.id,
                    student.first_name or "",
                    student.last_name or "",
                    student.email or "",
                    status,
                    score,
                    float(max_score),
                    message,
                )
            )
    return sorted(rows, key=lambda r: r.student_id)


def _number(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _plain(rows: list[GradeRow], assignment: str) -> str:
    header = ["student_id", "first_name", "last_name", "email", "assignment", "status"]
    header += ["score", "max_score", "message"]
    return _csv(
        header,
        [
            [r.student_id, r.first_name, r.last_name, r.email, assignment, r.status]
            + [_number(r.score), _number(r.max_score), r.message]
            for r in rows
        ],
    )


def _moodle(rows: list[GradeRow], assignment: str) -> str:
    # Moodle's assignment grading worksheet ("Upload grading worksheet"): it matches rows by
    # Identifier ("Participant N", N from the download's file names) and reads Grade and
    # Feedback comments; a blank grade leaves Moodle's unchanged.
    header = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade"]
    header.append("Feedback comments")
    out = []
    for r in rows:
        ident = f"Participant {r.student_id}" if r.student_id.isdigit() else r.student_id
        name = " ".join(p for p in (r.first_name, r.last_name) if p)
        out.append(
            [ident, name, r.email, r.status, _number(r.score), _number(r.max_score), r.message]
        )
    return _csv(header, out)


def _canvas(rows: list[GradeRow], assignment: str) -> str:
    # Canvas's gradebook import: Student, ID (the Canvas user id), SIS User ID, SIS Login ID,
    # Section, then one column per assignment (rename it to Canvas's "name (id)" header if
    # Canvas asks); the "Points Possible" row sets the maximum; a blank cell changes nothing.
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment]
    out = [["Points Possible", "", "", "", "", _number(rows[0].max_score if rows else None)]]
    for r in rows:
        name = ", ".join(p for p in (r.last_name, r.first_name) if p)
        out.append([name, r.student_id, "", "", "", _number(r.score)])
    return _csv(header, out)


#: Output formats of :func:`grades_csv`.
FORMATS = {"csv": _plain, "moodle": _moodle, "canvas": _canvas}


def grades_csv(rows: list[GradeRow], assignment: str, *, fmt: str = "csv") -> str:
    """The rows as CSV text: ``csv`` (with status), ``moodle`` worksheet or ``canvas`` import.

    Example:
        >>> row = GradeRow("88", "明", "李", "", "graded", 12.5, 16.0)
        >>> print(grades_csv([row], "ps1_segment", fmt="moodle"), end="")
        Identifier,Full name,Email address,Status,Grade,Maximum Grade,Feedback comments
        Participant 88,明 李,,graded,12.5,16,
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if not isinstance(rows, list) or not all(isinstance(r, GradeRow) for r in rows):
        raise TypeError("rows must be a list of GradeRow")
    return FORMATS[fmt](rows, assignment)


def count_line(rows: list[GradeRow], *, partial: bool = False) -> str:
    """One line that says how many rows have a final score and why the others are blank.

    Example:
        >>> rows = [GradeRow("1", "", "", "", "graded", 9.0, 10.0),
        ...         GradeRow("2", "", "", "", "broken", None, 10.0),
        ...         GradeRow("3", "", "", "", "missing", None, 10.0)]
        >>> count_line(rows)
        '3 students: 1 graded, 1 broken (blank), 1 missing (blank)'
    """
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    parts = []
    for status in ("graded", "needs manual grading", "broken", "submitted, not graded", "missing"):
        if not counts.get(status):
            continue
        if status == "graded":
            note = ""
        elif partial and status in ("needs manual grading", "broken"):
            note = " (partial score)"
        else:
            note = " (blank)"
        parts.append(f"{counts[status]} {status}{note}")
    return f"{len(rows)} students: " + ", ".join(parts)


def _path_safe(name: str) -> str:
    """``name`` usable as one path component in a zip (separators and controls replaced).

    Example:
        >>> _path_safe("李 明/../x")
        '李 明_.._x'
    """
    cleaned = "".join("_" if c in "/\\" or ord(c) < 32 or ord(c) == 127 else c for c in name)
    return "_" if cleaned.strip(". ") == "" else cleaned


def feedback_zip(
    course_root: Path | str | None, assignment: str, out: Path | str, *, fmt: str = "plain"
) -> list[str]:
    """Pack ``nbgrader generate_feedback``'s HTML files into one zip an LMS can take back.

    ``plain``: ``STUDENT/NOTEBOOK.html``, a folder per student. ``moodle``: the names of
    Moodle's submission download, ``Full Name_1234_assignsubmission_file_/NOTEBOOK.html``, which
    its "Upload multiple feedback files in a zip" matches to participants. The route for a class
    without the nbgrader exchange (hand-placed or LMS-collected submissions), whose students
    cannot ``fetch_feedback``.

    Returns:
        The names written into the zip, sorted.

    Raises:
        FileNotFoundError: no course, gradebook or feedback (run generate_feedback first).
        ValueError: an unknown ``fmt``.

    Example:
        >>> feedback_zip("/nonexistent/课程", "ps1_segment", "/tmp/x.zip")  # doctest: +SKIP
    """
    import zipfile

    from nbgrader.api import Gradebook

    from .grader.course import load_course

    if fmt not in ("plain", "moodle"):
        raise ValueError(f"unknown feedback format {fmt!r}: choose plain or moodle")
    course = load_course(course_root)
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        # A name becomes part of a path inside the zip: no separators, dots-only or control
        # characters, which an unzip would turn into folders or worse.
        names = {
            s.id: _path_safe(" ".join(p for p in (s.first_name, s.last_name) if p) or s.id)
            for s in gb.students
        }
    entries: dict[str, Path] = {}
    for student in sorted(names):
        folder = course.path("feedback", student, assignment)
        for html in sorted(folder.glob("*.html")) if folder.is_dir() else []:
            if fmt == "moodle":
                entries[
                    f"{names[student]}_{_path_safe(student)}_assignsubmission_file_/{html.name}"
                ] = html
            else:
                entries[f"{_path_safe(student)}/{html.name}"] = html
    if not entries:
        raise FileNotFoundError(
            f"no feedback for {assignment}: run `nbgrader generate_feedback {assignment}` first"
        )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in entries.items():
            zf.write(path, name)
    return sorted(entries)
