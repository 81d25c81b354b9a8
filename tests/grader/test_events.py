"""Tests for beyond_traffic.grader.events: a timeout, a syntax error and a misnamed notebook are
named with their cause in grades.csv, the terminal summary, the feedback and lms-grades."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

from beyond_traffic.grader.events import CellEvent, annotate, cell_events, short_of_full

#: A cell timeout short enough for the test, long enough for a kernel on a busy machine.
CELL_TIMEOUT = 6
#: Answers with no written answer, so that every score is final once autograded.
LOOPS = {"q1_answer": "def count_chars(text):\n    return 1\n\nwhile True:\n    pass"}
#: The kernel ends while the second answer cell runs, as a crash or the memory limit ends it
#: (a SIGKILL to itself would not do: in its PID namespace the kernel is init, which ignores it).
DIES = {"q1_answer": ct.HONEST["q1_answer"], "q2_answer": "import os\n\nos._exit(3)"}
BAD_SYNTAX = {
    "q1_answer": ct.HONEST["q1_answer"],
    "q2_answer": "def top_words(tokens, k)\n    return tokens[:k]",
}


def _build(target: Path) -> dict:
    course = ct.make_course(target / "course")
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f"c.Execute.timeout = {CELL_TIMEOUT}\n")
    ct.submit(course, "tom", ct.answered(course, LOOPS))
    sam = ct.submit(course, "sam", ct.answered(course, BAD_SYNTAX))
    (sam / "timestamp.txt").unlink()  # placed by hand: nothing but the notebook
    ct.submit(course, "mia", ct.answered(course, ct.HONEST), name="mini (1).ipynb")
    ct.submit(course, "kim", ct.answered(course, DIES))
    # The single-machine exchange, made once as docs/instructors.md says.
    (course / ".exchange").mkdir(mode=0o1777)
    procs = {
        "run": ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--no-progress"),
        "feedback": ct.nbgrader(course, "generate_feedback", "mini", check=False),
        "release": ct.nbgrader(course, "release_feedback", "mini", check=False),
        "lms": ct.beyond_traffic(course, "lms-grades", "mini"),
        "partial": ct.beyond_traffic(course, "lms-grades", "mini", "--partial"),
        "zipped": ct.beyond_traffic(
            course, "lms-feedback", "mini", "--zip", str(target / "fb.zip"), "--format", "moodle"
        ),
    }
    return {
        "course": str(course),
        "zip": str(target / "fb.zip"),
        **{f"{k}_rc": v.returncode for k, v in procs.items()},
        **{f"{k}_out": v.stdout + v.stderr for k, v in procs.items()},
        "lms_csv": procs["lms"].stdout,
        "partial_csv": procs["partial"].stdout,
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    facts = ct.shared_once(tmp_path_factory, "events_class", _build)
    assert facts["run_rc"] == 0, facts["run_out"]
    return facts


def _grades(facts) -> dict[str, dict]:
    path = Path(facts["course"]) / "reports" / "mini" / "grades.csv"
    with open(path, encoding="utf-8") as fh:
        return {r["student"]: r for r in csv.DictReader(fh)}


def _feedback(facts, student: str) -> str:
    path = Path(facts["course"]) / "feedback" / student / "mini" / "mini.html"
    return path.read_text(encoding="utf-8")


CAUSES = {
    "tom": f"q1_answer: cell ran over {CELL_TIMEOUT} s and was stopped",
    "sam": "q2_answer: syntax error",
    "mia": "notebook mini.ipynb missing (found: mini (1).ipynb)",
    "kim": "q2_answer: the kernel died while this cell ran",
}


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(CAUSES))
def test_the_cause_reaches_grades_csv_and_the_summary(graded, student):
    rows = _grades(graded)
    assert CAUSES[student] in rows[student]["message"]
    line = next(x for x in graded["run_out"].splitlines() if x.startswith(f"  {student}:"))
    assert CAUSES[student] in line
    assert rows[student]["status"] == ("broken" if student == "mia" else "graded")


@pytest.mark.slow
def test_the_summary_counts_broken_students_apart(graded):
    assert "students: 3 graded, 1 broken (no gradable notebook), 0 missing" in graded["run_out"]


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(CAUSES))
def test_the_cause_reaches_the_students_feedback(graded, student):
    assert graded["feedback_rc"] == 0, graded["feedback_out"]
    html = _feedback(graded, student)
    words = CAUSES[student].split(": ", 1)[1] if student != "mia" else CAUSES[student]
    assert words in html.replace("&#39;", "'").replace("&quot;", '"')
    if student == "tom":
        # The looping cell and the test cell that failed because of it both say so.
        assert "单元格运行超过" in html and "may have failed because of an earlier cell" in html


@pytest.mark.slow
def test_release_feedback_works_for_hand_placed_submissions(graded):
    assert graded["release_rc"] == 0, graded["release_out"]
    released = list((Path(graded["course"]) / ".exchange" / "mini" / "feedback").glob("*.html"))
    assert len(released) == 4


@pytest.mark.slow
def test_lms_grades_leaves_broken_blank_unless_partial_and_counts(graded):
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(graded["lms_csv"]))}
    assert rows["mia"]["status"] == "broken" and rows["mia"]["score"] == ""
    assert "mini.ipynb missing" in rows["mia"]["message"]
    assert rows["tom"]["status"] == "graded" and rows["tom"]["score"] != ""
    assert CAUSES["tom"] in rows["tom"]["message"] and CAUSES["sam"] in rows["sam"]["message"]
    assert "4 students: 3 graded, 1 broken (blank)" in graded["lms_out"]
    partial = {r["student_id"]: r for r in csv.DictReader(io.StringIO(graded["partial_csv"]))}
    assert partial["mia"]["score"] == "0"


@pytest.mark.slow
def test_lms_feedback_zip_uses_moodles_names(graded):
    assert graded["zipped_rc"] == 0, graded["zipped_out"]
    with zipfile.ZipFile(graded["zip"]) as zf:
        names = sorted(zf.namelist())
    students = ("kim", "mia", "sam", "tom")
    assert names == [f"{s}_{s}_assignsubmission_file_/mini.html" for s in students]


def _test_cell(points: float, outputs: list) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("ck.report()")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": points}
    cell.outputs = outputs
    return cell


def test_notes_never_change_a_score():
    """A note in a test cell is a stdout stream: nbgrader scores a stderr stream 0."""
    full = nbformat.v4.new_output("execute_result", data={"text/plain": "2.0"})
    half = nbformat.v4.new_output("execute_result", data={"text/plain": "1.0"})
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = ("), _test_cell(2, [full]), _test_cell(2, [half])]
    )
    nb.cells[0].outputs = [
        nbformat.v4.new_output("error", ename="SyntaxError", evalue="'(' was never closed")
    ]
    events = cell_events(nb)
    assert [e.message for e in events] == ["cell 1: syntax error: '(' was never closed"]
    annotate(nb, events)
    assert not short_of_full(nb.cells[1]) and len(nb.cells[1].outputs) == 1
    assert short_of_full(nb.cells[2]) and nb.cells[2].outputs[0].name == "stdout"
    assert nb.cells[0].outputs[-1].name == "stderr"


def test_recorded_events_outside_the_notebook_are_ignored():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["beyond_traffic_events"] = [
        {"cell": 5, "kind": "timeout", "seconds": 1},
        {"cell": 0, "kind": "rm -rf", "seconds": 1},
        "junk",
        {"cell": 0, "kind": "kernel died"},
    ]
    assert [e.kind for e in cell_events(nb)] == ["kernel died"]
    assert isinstance(cell_events(nb)[0], CellEvent)
