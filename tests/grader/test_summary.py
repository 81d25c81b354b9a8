"""Tests for beyond_traffic.grader.summary: grades.csv, questions.csv, the plot, manual grades."""

from __future__ import annotations

import csv
import shutil

import course_tools as ct
import pytest
from nbgrader.api import Gradebook

from beyond_traffic.grader.course import load_course
from beyond_traffic.grader.summary import (
    AWAITING,
    Summary,
    format_table,
    natural_key,
    question_stats,
    write_summary,
)


@pytest.mark.slow
def test_summary_files(twin_courses):
    _, b, run = twin_courses
    report = b / "reports" / "mini"
    with open(report / "grades.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    scores = ct.gradebook_scores(b)
    for row in rows:
        expected = sum(v or 0 for v in scores[row["student"]].values())
        assert float(row["score"]) == pytest.approx(expected)
    with open(report / "questions.csv", encoding="utf-8") as fh:
        questions = {r["question"]: r for r in csv.DictReader(fh)}
    t1 = [scores[s]["t1_count"] for s in scores]
    assert float(questions["mini/t1_count"]["mean"]) == pytest.approx(sum(t1) / len(t1), abs=1e-3)
    assert (report / "score_distribution.png").read_bytes()[:4] == b"\x89PNG"
    assert "mini/t2_top" in run.stdout


@pytest.mark.slow
def test_written_answers_await_manual_grading_then_count(twin_courses, tmp_path):
    course = tmp_path / "m"
    shutil.copytree(twin_courses[1], course)
    summary = write_summary(load_course(course), "mini", [], out_dir=tmp_path / "before")
    q3 = next(q for q in summary.questions if q["question"] == "mini/q3_reflect")
    answered = [r for r in summary.rows if r["mini/q3_reflect"] == ""]
    assert answered and q3["awaiting_manual"] == len(answered)
    assert q3["n"] == len(summary.rows) - len(answered)  # unchanged stubs score 0 automatically
    assert "0 / " not in format_table(summary)
    alice_before = next(r for r in summary.rows if r["student"] == "alice")
    assert alice_before["awaiting_manual"] == 1
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.find_grade("q3_reflect", "mini", "mini", "alice").manual_score = 1.0
        gb.db.commit()
    after = write_summary(load_course(course), "mini", [], out_dir=tmp_path / "after")
    alice = next(r for r in after.rows if r["student"] == "alice")
    assert alice["mini/q3_reflect"] == 1.0 and alice["awaiting_manual"] == 0
    assert alice["score"] == alice_before["score"] + 1.0
    q3 = next(q for q in after.questions if q["question"] == "mini/q3_reflect")
    assert q3["awaiting_manual"] == len(answered) - 1 and q3["mean"] != AWAITING


@pytest.mark.slow
def test_enrolled_students_without_a_submission_are_listed_as_missing(twin_courses, tmp_path):
    course = tmp_path / "g"
    shutil.copytree(twin_courses[1], course)
    ct.nbgrader(course, "db", "student", "add", "ghost", "--last-name=幽", "--first-name=灵")
    summary = write_summary(load_course(course), "mini", [], out_dir=tmp_path / "r")
    ghost = next(r for r in summary.rows if r["student"] == "ghost")
    assert ghost["status"] == "missing" and ghost["score"] == 0
    # Counted apart from the graded students, and said in the terminal summary.
    assert summary.counts == {"graded": len(summary.rows) - 1, "broken": 0, "missing": 1}
    assert "1 missing (no submission)" in format_table(summary)
    others = {r["student"]: r["status"] for r in summary.rows if r["student"] != "ghost"}
    assert set(others.values()) == {"not in this run"}


#: A student id chosen in the exchange: nbgrader's inbound folder is writable by every student
#: and ``nbgrader collect`` only *warns* when a folder's owner differs from the id in its name.
HOSTILE_ID = '=HYPERLINK("http:\u2215\u2215evil.example","成绩")\x1b]0;PWNED\x07\x1b[2J'


@pytest.mark.slow
def test_grades_csv_is_safe_to_cat_and_to_open_in_a_spreadsheet(tmp_path):
    """Red team, round 3: the terminal fix escapes printed lines, but grades.csv still holds the
    student id as written: ``cat grades.csv`` runs its escape sequences (retitles, clears the
    instructor's terminal) and a spreadsheet runs a cell starting with ``=`` as a formula."""
    from beyond_traffic.grader.runner import Outcome

    course = ct.make_course(tmp_path / "c")
    outcome = Outcome(HOSTILE_ID, "graded", [], 1.0)
    summary = write_summary(load_course(course), "mini", [outcome], out_dir=tmp_path / "r")
    text = summary.grades_csv.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    with open(summary.grades_csv, encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_questions_are_listed_in_natural_order():
    names = ["ps/q10_last", "ps/q2_second", "ps/q1_first"]
    assert sorted(names, key=natural_key) == ["ps/q1_first", "ps/q2_second", "ps/q10_last"]


def test_a_written_question_awaiting_grading_shows_no_percentages():
    """Two blank answers scored 0 automatically and eight to read: no "zero% 100"."""
    waiting = question_stats("ps3/q8_critique", 10, [0.0, 0.0], awaiting=8)
    done = question_stats("ps3/q1_count", 2, [2.0, 0.0, 1.0])
    table = format_table(Summary(None, None, None, [], [waiting, done]))
    line = next(x for x in table.splitlines() if x.startswith("ps3/q8"))
    assert line.endswith("awaiting manual grading (8)") and "100" not in line
    assert waiting["n"] == 2
    assert done["full_credit_pct"] == pytest.approx(33.3) and done["zero_pct"] == pytest.approx(
        33.3
    )
