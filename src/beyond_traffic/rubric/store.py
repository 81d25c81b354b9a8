"""Criterion grades in the gradebook: levels, reusable comments, nbgrader's manual score."""

# The rubric's tables live in the nbgrader gradebook's own database (SQLite or PostgreSQL), so
# one transaction writes a student's levels, the comments and nbgrader's Grade.manual_score and
# Comment.manual_comment together: a crash or a second grader never leaves them disagreeing.
# Every answer carries a version; a save names the version it was based on, and a save based on
# a stale version is refused (Conflict) rather than silently overwriting another grader's work.

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, and_, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from .model import Rubric, RubricError, _fmt

META = MetaData()
ANSWERS = Table(
    "bt_rubric_answer",
    META,
    Column("assignment", String(128), primary_key=True),
    Column("notebook", String(128), primary_key=True),
    Column("grade_id", String(128), primary_key=True),
    Column("student", String(128), primary_key=True),
    Column("version", Integer, nullable=False),
    # {criterion id: level index (0 = best)}: indices, so a change of points re-scores.
    Column("levels", Text, nullable=False),
    # {criterion id: [reusable comment ids]}
    Column("comments", Text, nullable=False),
    Column("free_comment", Text, nullable=False, default=""),
    Column("grader", String(128), nullable=False, default=""),
    Column("updated", String(40), nullable=False, default=""),
)
COMMENTS = Table(
    "bt_rubric_comment",
    META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assignment", String(128), nullable=False),
    Column("grade_id", String(128), nullable=False),
    Column("criterion", String(64), nullable=False),
    Column("text", Text, nullable=False),
)


class Conflict(RuntimeError):
    """Another grader saved this answer since it was loaded: reload it, then save again."""


@dataclass
class Marked:
    """One student's criterion grades on one question, as stored."""

    student: str
    version: int
    levels: dict[str, float]  # criterion id -> points of the chosen level (current rubric)
    comments: dict[str, list[int]] = field(default_factory=dict)
    free_comment: str = ""
    grader: str = ""


#: Advisory-lock key under which the rubric tables are created (any fixed 64-bit number).
_CREATE_LOCK = 0x62745F7275627269


def open_gradebook(db_url: str, course_id: str = "") -> Gradebook:
    """nbgrader's Gradebook with the rubric tables created.

    Example:
        >>> sorted(META.tables)  # created beside nbgrader's own tables
        ['bt_rubric_answer', 'bt_rubric_comment']
    """
    gb = Gradebook(db_url, course_id) if course_id else Gradebook(db_url)
    for attempt in range(3):
        try:
            with gb.engine.begin() as conn:
                # Two graders opening a new gradebook at once would both create the tables. On
                # PostgreSQL a transaction-level advisory lock makes the second wait; SQLite has
                # no such lock, so the one that loses the race looks again and finds them.
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CREATE_LOCK})
                META.create_all(bind=conn, checkfirst=True)
            break
        except DBAPIError as exc:
            if attempt == 2 or "already exists" not in str(exc):
                raise
    return gb


def notebook_of(gb: Gradebook, assignment: str, grade_id: str) -> str:
    """The notebook of ``assignment`` holding the grade cell ``grade_id``."""
    try:
        a = gb.find_assignment(assignment)
    except MissingEntry:
        raise RubricError(f"assignment {assignment} is not in the gradebook: release it") from None
    for nb in a.notebooks:
        if any(c.name == grade_id for c in nb.grade_cells):
            return nb.name
    raise RubricError(f"{assignment} has no graded cell {grade_id}")


def submitted_students(gb: Gradebook, assignment: str) -> list[str]:
    """Students with a submission of ``assignment`` in the gradebook, sorted."""
    try:
        return sorted(s.student.id for s in gb.find_assignment(assignment).submissions)
    except MissingEntry:
        return []


def comment_texts(
    gb: Gradebook, assignment: str, grade_id: str, *, lock: bool = False
) -> dict[int, tuple[str, str]]:
    """``{comment id: (criterion id, text)}`` of the reusable comments of a question.

    ``lock`` holds the rows (PostgreSQL's FOR SHARE) until the transaction ends, so no edit of
    a comment can commit between reading its text and writing it into a student's feedback.
    """
    query = select(COMMENTS).where(
        and_(COMMENTS.c.assignment == assignment, COMMENTS.c.grade_id == grade_id)
    )
    if lock:
        query = query.order_by(COMMENTS.c.id).with_for_update(read=True)
    return {r.id: (r.criterion, r.text) for r in gb.db.execute(query)}


def add_comment(gb: Gradebook, rubric: Rubric, criterion: str, text: str) -> int:
    """Store a reusable comment for ``criterion``; returns its id.

    Example:
        >>> add_comment  # doctest: +ELLIPSIS
        <function add_comment at ...>
    """
    rubric.criterion(criterion)
    if not text.strip():
        raise RubricError("a reusable comment needs text")
    result = gb.db.execute(
        COMMENTS.insert().values(
            assignment=rubric.assignment,
            grade_id=rubric.grade_id,
            criterion=criterion,
            text=text.strip(),
        )
    )
    gb.db.commit()
    return int(result.inserted_primary_key[0])


def _answer_rows(gb: Gradebook, rubric: Rubric, *, lock: bool = False):
    query = select(ANSWERS).where(
        and_(ANSWERS.c.assignment == rubric.assignment, ANSWERS.c.grade_id == rubric.grade_id)
    )
    if lock:
        # Rows are rewritten from what is read here: hold them (PostgreSQL's FOR UPDATE, in a
        # fixed order) so a grader's save cannot commit in between and be overwritten.
        query = query.order_by(ANSWERS.c.student).with_for_update()
    return gb.db.execute(query).all()


def edit_comment(gb: Gradebook, rubric: Rubric, comment_id: int, text: str) -> int:
    """Change a reusable comment; every answer using it gets the new text. Returns their number."""
    if not text.strip():
        raise RubricError("a reusable comment needs text")
    try:
        gb.db.execute(
            COMMENTS.update().where(COMMENTS.c.id == comment_id).values(text=text.strip())
        )
        n = _rewrite(gb, rubric, only_comment=comment_id)
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise
    return n


def rescore(gb: Gradebook, rubric: Rubric) -> int:
    """Write every stored answer's score and comment again with the current rubric's points.

    Example:
        >>> rescore  # doctest: +ELLIPSIS
        <function rescore at ...>
    """
    try:
        n = _rewrite(gb, rubric)
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise
    return n


def _rewrite(gb: Gradebook, rubric: Rubric, *, only_comment: int | None = None) -> int:
    texts = comment_texts(gb, rubric.assignment, rubric.grade_id)
    n = 0
    for row in _answer_rows(gb, rubric, lock=True):
        comments = json.loads(row.comments)
        if only_comment is not None and not any(only_comment in v for v in comments.values()):
            continue
        levels = _points_from_indices(rubric, json.loads(row.levels))
        _write_nbgrader(
            gb, rubric, row.notebook, row.student, levels, comments, row.free_comment, texts
        )
        n += 1
    return n


def _points_from_indices(rubric: Rubric, indices: dict[str, int]) -> dict[str, float]:
    out = {}
    for c in rubric.criteria:
        if c.id not in indices:
            raise RubricError(f"{rubric.grade_id}: a stored grade has no level for {c.id}")
        i = int(indices[c.id])
        if not 0 <= i < len(c.levels):
            raise RubricError(
                f"{rubric.grade_id}: criterion {c.id} lost a level that grades use; keep the "
                "number of levels when changing points"
            )
        out[c.id] = c.levels[i].points
    return out


def feedback_text(
    rubric: Rubric, levels: dict[str, float], comments: dict[str, list[str]], free: str
) -> str:
    """The manual comment a student reads: each criterion's level, descriptor and comments.

    Example:
        >>> from beyond_traffic.rubric.model import Criterion, Level
        >>> c = Criterion("writing", "表达", "Writing", (Level(1.0, "清楚"), Level(0.0, "难懂")))
        >>> r = Rubric("ps", "q9_x", "题", "", (c,))
        >>> print(feedback_text(r, {"writing": 1.0}, {"writing": ["分段很好"]}, "继续努力"))
        表达 Writing：1/1 — 清楚
          · 分段很好
        合计 Total：1/1
        继续努力
    """
    lines = []
    for c in rubric.criteria:
        lv = c.level(levels[c.id])
        lines.append(f"{c.zh} {c.en}：{_fmt(lv.points)}/{_fmt(c.max_points)} — {lv.zh}")
        lines += [f"  · {t}" for t in comments.get(c.id, [])]
    total = rubric.score(levels)
    lines.append(f"合计 Total：{_fmt(total)}/{_fmt(rubric.max_points)}")
    if free.strip():
        lines.append(free.strip())
    return "\n".join(lines)


def _write_nbgrader(gb, rubric, notebook, student, levels, comment_ids, free, texts) -> float:
    by_criterion = {
        cid: [texts[i][1] for i in ids if i in texts] for cid, ids in comment_ids.items()
    }
    total = rubric.score(levels)
    grade = gb.find_grade(rubric.grade_id, notebook, rubric.assignment, student)
    grade.manual_score = total
    comment = gb.find_comment(rubric.grade_id, notebook, rubric.assignment, student)
    comment.manual_comment = feedback_text(rubric, levels, by_criterion, free)
    return total


def load_marks(gb: Gradebook, rubric: Rubric) -> dict[str, Marked]:
    """``{student: Marked}`` for every stored answer of the question."""
    out = {}
    for row in _answer_rows(gb, rubric):
        out[row.student] = Marked(
            row.student,
            row.version,
            _points_from_indices(rubric, json.loads(row.levels)),
            {k: list(v) for k, v in json.loads(row.comments).items()},
            row.free_comment,
            row.grader,
        )
    return out


def save_answer(
    gb: Gradebook,
    rubric: Rubric,
    student: str,
    *,
    levels: dict[str, float],
    comments: dict[str, list[int]] | None = None,
    free_comment: str = "",
    grader: str = "",
    version: int | None = None,
) -> int:
    """Grade one answer by criterion in one transaction; returns the new version.

    ``levels`` maps every criterion id to the points of a level; ``comments`` maps criterion
    ids to reusable comment ids. ``version`` is the version the grader saw (0 or None: never
    graded); a stale version raises :class:`Conflict` and writes nothing.

    Example:
        >>> save_answer  # doctest: +ELLIPSIS
        <function save_answer at ...>
    """
    comments = {k: [int(i) for i in v] for k, v in (comments or {}).items() if v}
    rubric.score(levels)  # every criterion, every level valid, before anything is written
    indices = {
        c.id: [lv.points for lv in c.levels].index(c.level(levels[c.id]).points)
        for c in rubric.criteria
    }
    # Lock order, the same in edit_comment and rescore: comments, then answers, then nbgrader's.
    try:
        texts = comment_texts(gb, rubric.assignment, rubric.grade_id, lock=True)
        for cid, ids in comments.items():
            rubric.criterion(cid)
            for i in ids:
                if texts.get(i, ("",))[0] != cid:
                    raise RubricError(f"comment {i} is not a reusable comment of criterion {cid}")
        notebook = notebook_of(gb, rubric.assignment, rubric.grade_id)
    except Exception:
        gb.db.rollback()
        raise
    key = and_(
        ANSWERS.c.assignment == rubric.assignment,
        ANSWERS.c.notebook == notebook,
        ANSWERS.c.grade_id == rubric.grade_id,
        ANSWERS.c.student == student,
    )
    values = {
        "levels": json.dumps(indices),
        "comments": json.dumps(comments, sort_keys=True),
        "free_comment": free_comment,
        "grader": grader,
        "updated": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    try:
        gb.find_submission_notebook(notebook, rubric.assignment, student)
    except MissingEntry:
        gb.db.rollback()
        raise RubricError(f"{student} has no submission of {rubric.assignment}") from None
    try:
        if version and _unchanged(gb, key, version, values):
            gb.db.rollback()  # nothing to write: the version stays, no other grader is bothered
            return version
        if not version:
            gb.db.execute(
                ANSWERS.insert().values(
                    assignment=rubric.assignment,
                    notebook=notebook,
                    grade_id=rubric.grade_id,
                    student=student,
                    version=1,
                    **values,
                )
            )
            new_version = 1
        else:
            result = gb.db.execute(
                ANSWERS.update()
                .where(and_(key, ANSWERS.c.version == version))
                .values(version=version + 1, **values)
            )
            if result.rowcount != 1:
                raise Conflict(f"{student}: someone else saved this answer; reload it")
            new_version = version + 1
        # SQLite holds its write lock only from the first write: read the texts again under it.
        texts = comment_texts(gb, rubric.assignment, rubric.grade_id)
        _write_nbgrader(gb, rubric, notebook, student, levels, comments, free_comment, texts)
        gb.db.commit()
    except IntegrityError:
        gb.db.rollback()
        raise Conflict(f"{student}: someone else graded this answer first; reload it") from None
    except Exception:
        gb.db.rollback()
        raise
    return new_version


def _unchanged(gb: Gradebook, key, version: int, values: dict) -> bool:
    row = gb.db.execute(select(ANSWERS).where(key)).first()
    return (
        row is not None
        and row.version == version
        and all(getattr(row, k) == values[k] for k in ("levels", "comments", "free_comment"))
    )
