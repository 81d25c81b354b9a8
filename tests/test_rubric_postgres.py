"""Rubric grades on a PostgreSQL gradebook: graders saving at once lose nothing.

Debian's PostgreSQL on loopback, started by the fixture of tests/test_postgres_gradebook.py.
Each grader is a thread with its own connection, as two page processes would be.
"""

from __future__ import annotations

import threading

import pytest
import rubric_course as rc
from nbgrader.api import Gradebook

# The throwaway server (module scope: this module gets its own).
from test_postgres_gradebook import postgres as _postgres_server  # noqa: F401

from beyond_traffic.grader.course import load_course
from beyond_traffic.rubric.model import load_rubric
from beyond_traffic.rubric.store import (
    Conflict,
    add_comment,
    edit_comment,
    load_marks,
    open_gradebook,
    rescore,
    save_answer,
)

pytestmark = pytest.mark.slow
STUDENTS = ["s1", "s2", "s3", "s4"]


@pytest.fixture(scope="module")
def course(request, tmp_path_factory):
    """The graded mini class, its gradebook rebuilt in PostgreSQL by nbgrader itself."""
    root = rc.graded_class(tmp_path_factory, tmp_path_factory.mktemp("pg_rubric"))
    url = request.getfixturevalue("_postgres_server")("gb_concurrent")
    config = root / "nbgrader_config.py"
    config.write_text(
        config.read_text(encoding="utf-8") + f'\nc.CourseDirectory.db_url = "{url}"\n',
        encoding="utf-8",
    )
    rc.ct.nbgrader(root, "generate_assignment", "mini", "--force")
    rc.ct.nbgrader(root, "autograde", "mini", "--force")
    course = load_course(root)
    assert course.db_url.startswith("postgresql")
    return course


def _run(workers) -> list[BaseException]:
    errors: list[BaseException] = []

    def guarded(fn):
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    return errors


def _nbgrader_manual(course, student):
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        grade = gb.find_grade("q3_reflect", "mini", "mini", student)
        comment = gb.find_comment("q3_reflect", "mini", "mini", student)
        return grade.manual_score, comment.manual_comment


def test_two_graders_on_one_answer_each_save_counts_once(course):
    rubric = load_rubric(course.root, "mini", "q3_reflect")
    saved = {"甲": 0, "乙": 0}
    conflicts = {"甲": 0, "乙": 0}

    def grader(name, points, rounds=6):
        def work():
            with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
                for i in range(rounds):
                    while True:  # what the page tells a grader to do: reload, save again
                        old = load_marks(gb, rubric).get("s1")
                        try:
                            save_answer(
                                gb,
                                rubric,
                                "s1",
                                levels={"reading": points, "writing": 0.5},
                                free_comment=f"{name}{i}",
                                grader=name,
                                version=old.version if old else None,
                            )
                        except Conflict:
                            conflicts[name] += 1
                            continue
                        saved[name] += 1
                        break

        return work

    assert _run([grader("甲", 0.5), grader("乙", 0.25)]) == []
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        mark = load_marks(gb, rubric)["s1"]
    # Twelve saves, each counted once: the version is the number of saves that were written.
    assert saved == {"甲": 6, "乙": 6}
    assert mark.version == 12
    # nbgrader's score and comment are the last save's, whoever made it.
    score, comment = _nbgrader_manual(course, "s1")
    assert score == rubric.score(mark.levels)
    assert comment.endswith(mark.free_comment) and mark.free_comment[0] == mark.grader
    print(f"conflicts told to reload: {conflicts}")


def test_saves_edits_and_rescores_at_once_leave_every_feedback_current(course):
    rubric = load_rubric(course.root, "mini", "q3_reflect")
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        cid = add_comment(gb, rubric, "reading", "评语第0版")
    rounds = 5

    def grader(students, points):
        def work():
            with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
                for i in range(rounds):
                    for s in students:
                        old = load_marks(gb, rubric).get(s)
                        save_answer(
                            gb,
                            rubric,
                            s,
                            levels={"reading": points[i % 2], "writing": 0.5},
                            comments={"reading": [cid]},
                            free_comment=f"{s} 第{i}轮",
                            version=old.version if old else None,
                        )

        return work

    def editor():
        with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
            for k in range(1, rounds + 1):
                edit_comment(gb, rubric, cid, f"评语第{k}版")
                rescore(gb, rubric)

    errors = _run([grader(["s1", "s2"], (0.5, 0.25)), grader(["s3", "s4"], (0, 0.5)), editor])
    assert errors == []
    with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
        marks = load_marks(gb, rubric)
    for s in STUDENTS:
        score, comment = _nbgrader_manual(course, s)
        m = marks[s]
        # Each save written (versions continue from the first test's s1), and the feedback
        # agrees with the stored levels and carries the comment's last text, never an older one.
        assert m.free_comment == f"{s} 第{rounds - 1}轮"
        assert score == rubric.score(m.levels), s
        assert "· 评语第5版" in comment, (s, comment)
        assert not any(f"评语第{k}版" in comment for k in range(rounds)), (s, comment)
        assert comment.endswith(m.free_comment)
