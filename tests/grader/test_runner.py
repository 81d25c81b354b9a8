"""Tests for beyond_traffic.grader.runner: a class graded like nbgrader, resumable, ps1 intact."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
PS1 = REPO / "solutions" / "ps1_segment" / "ps1_segment.ipynb"


@pytest.mark.slow
def test_scores_identical_to_nbgrader_autograde(twin_courses):
    a, b, run = twin_courses
    assert run.returncode == 0, run.stdout + run.stderr
    plain, ours = ct.gradebook_scores(a), ct.gradebook_scores(b)
    assert ours == plain
    assert len({tuple(sorted(v.items())) for v in ours.values()}) >= 3  # really different


@pytest.mark.slow
def test_degraded_sandbox_gives_the_same_honest_scores(twin_courses, tmp_path):
    a, _, _ = twin_courses
    course = ct.make_course(tmp_path / "d")
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    ct.submit(course, "bob", ct.answered(course, ct.PARTIAL))
    env = {**ct.ENV, "BEYOND_TRAFFIC_SANDBOX": "none"}
    run = subprocess.run(
        [str(ct.BIN / "beyond-traffic"), "grade", "mini", "--no-progress"],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "containment disabled" in run.stdout
    plain = ct.gradebook_scores(a)
    assert ct.gradebook_scores(course) == {s: plain[s] for s in ("alice", "bob")}


@pytest.mark.slow
def test_feedback_and_export_work_on_our_gradebook(twin_courses, tmp_path):
    a, b = (tmp_path / "a", tmp_path / "b")
    shutil.copytree(twin_courses[0], a)
    shutil.copytree(twin_courses[1], b)
    for course in (a, b):
        ct.nbgrader(course, "generate_feedback", "mini")
        ct.nbgrader(course, "export", "--to", str(course / "export.csv"))
    rows = {}
    for course in (a, b):
        with open(course / "export.csv", encoding="utf-8") as fh:
            rows[course.name] = {r["student_id"]: r["raw_score"] for r in csv.DictReader(fh)}
    assert rows["a"] == rows["b"]
    html = (b / "feedback" / "bob" / "mini" / "mini.html").read_text(encoding="utf-8")
    assert "得分 score" in html


@pytest.mark.slow
def test_resume_skips_done_and_regrades_resubmissions(twin_courses, tmp_path):
    _, b, _ = twin_courses
    course = tmp_path / "c"
    shutil.copytree(b, course)
    before = ct.gradebook_scores(course)
    again = ct.beyond_traffic(course, "grade", "mini")
    assert again.returncode == 0 and "skipped 4" in again.stdout
    assert ct.gradebook_scores(course) == before
    # carol resubmits a correct answer later: only she is regraded.
    ct.submit(
        course,
        "carol",
        ct.answered(course, ct.HONEST),
        timestamp="2026-11-21 09:00:00.000000 UTC",
    )
    third = ct.beyond_traffic(course, "grade", "mini")
    assert "graded 1" in third.stdout and "skipped 3" in third.stdout
    after = ct.gradebook_scores(course)
    assert after["carol"] == after["alice"]
    assert {k: v for k, v in after.items() if k != "carol"} == {
        k: v for k, v in before.items() if k != "carol"
    }
    forced = ct.beyond_traffic(course, "grade", "mini", "--force", "--student", "bob")
    assert "graded 1" in forced.stdout


@pytest.mark.slow
def test_a_gradebook_switch_regrades_and_says_why(twin_courses, tmp_path):
    """Resume markers hold for the gradebook they were written for (here: a new database)."""
    from nbgrader.api import Gradebook

    _, b, _ = twin_courses
    course = tmp_path / "c"
    shutil.copytree(b, course)
    before = ct.gradebook_scores(course)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f'\nc.CourseDirectory.db_url = "sqlite:///{course / "term2.db"}"\n')
    ct.nbgrader(course, "generate_assignment", ct.ASSIGNMENT, "--force")
    switched = ct.beyond_traffic(course, "grade", "mini", "--no-progress")
    assert switched.returncode == 0, switched.stdout + switched.stderr
    assert f"graded {len(before)}" in switched.stdout and "skipped" not in switched.stdout
    assert "graded again: the earlier grades went to another gradebook" in switched.stdout
    assert "term2.db" in switched.stdout
    with Gradebook(f"sqlite:///{course / 'term2.db'}") as gb:
        after = {
            sub.student.id: {g.name: g.auto_score for nb in sub.notebooks for g in nb.grades}
            for sub in gb.find_assignment(ct.ASSIGNMENT).submissions
        }
    assert after == before
    again = ct.beyond_traffic(course, "grade", "mini", "--no-progress")
    assert f"skipped {len(before)}" in again.stdout and "graded again" not in again.stdout
    assert "--force" in again.stdout, "a run that skips everything says how to regrade"


@pytest.mark.slow
def test_killed_run_resumes_to_the_same_grades(tmp_path):
    course = ct.make_course(tmp_path / "k")
    plans = [ct.HONEST, ct.PARTIAL, ct.MIXED, ct.HONEST, ct.PARTIAL, ct.MIXED]
    for i, answers in enumerate(plans):
        ct.submit(course, f"s{i}", ct.answered(course, answers))
    reference = tmp_path / "ref"
    shutil.copytree(course, reference)
    ct.beyond_traffic(reference, "grade", "mini", "--jobs", "2", check=True)

    proc = subprocess.Popen(
        [str(ct.BIN / "beyond-traffic"), "grade", "mini", "--jobs", "2", "--no-progress"],
        cwd=course,
        env=ct.ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    state = course / ".beyond_traffic" / "grade" / "mini"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        done = [p for p in state.glob("*.json") if json.loads(p.read_text()).get("state") == "done"]
        if len(done) >= 2 or proc.poll() is not None:
            break
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(done) < len(plans), "the kill came too late to test anything"
    time.sleep(1)
    # This run's sandboxes used fresh uids counted from a base derived from its pid.
    base = 210_000 + (proc.pid % 1000) * 200
    leftovers = subprocess.run(["ps", "-eo", "uid="], capture_output=True, text=True).stdout
    assert not [u for u in leftovers.split() if base <= int(u) < base + 200], "processes survived"

    resumed = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "skipped" in resumed.stdout
    # The resumed run removed what the killed one left behind (sandboxes, cgroups).
    stale = list(Path(tempfile.gettempdir()).glob(f"bt-grader-{proc.pid}-*"))
    stale += list(Path("/sys/fs/cgroup/pids").glob(f"box-*-{proc.pid}"))
    assert not stale
    assert ct.gradebook_scores(course) == ct.gradebook_scores(reference)


@pytest.mark.slow
def test_replay_ignores_a_patched_kernel_but_nbgrader_does_not(tmp_path):
    course = ct.make_course(tmp_path / "p")
    hack = "import beyond_traffic.grading as g\ng.Checker.report = lambda self, **k: self.points"
    ct.submit(course, "mallory", ct.answered(course, {}, extra_cells=[hack]))
    plain = tmp_path / "plain"
    shutil.copytree(course, plain)
    ct.nbgrader(plain, "autograde", "mini")
    ct.beyond_traffic(course, "grade", "mini", check=True)
    assert ct.gradebook_scores(plain)["mallory"]["t1_count"] == 2.0  # nbgrader is fooled
    assert ct.gradebook_scores(course)["mallory"]["t1_count"] == 0.0


@pytest.mark.slow
def test_reference_solution_of_ps1_gets_full_marks_with_both_graders(tmp_path):
    assert PS1.is_file(), f"{PS1} is missing: the ps1 comparison cannot run"
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(PS1.parent, course / "solutions" / "ps1_segment")
    ct.nbgrader(course, "generate_assignment", "ps1_segment", "--force")
    source = nbformat.read(PS1, as_version=4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    release = nbformat.read(course / "assignments" / "ps1_segment" / PS1.name, as_version=4)
    for cell in release.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    folder = course / "submitted" / "ref" / "ps1_segment"
    folder.mkdir(parents=True)
    nbformat.write(release, folder / PS1.name)
    (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    twin = tmp_path / "twin"
    shutil.copytree(course, twin)
    ct.nbgrader(course, "autograde", "ps1_segment")
    run = ct.beyond_traffic(twin, "grade", "ps1_segment")
    assert run.returncode == 0, run.stdout + run.stderr
    plain = ct.gradebook_scores(course, "ps1_segment")
    ours = ct.gradebook_scores(twin, "ps1_segment")
    assert ours == plain
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{twin / 'gradebook.db'}") as gb:
        nb = gb.find_assignment("ps1_segment").notebooks[0]
        tests = {c.name: c.max_score for c in nb.grade_cells if c.cell_type == "code"}
        tests = {k: v for k, v in tests.items() if k not in {c.name for c in nb.solution_cells}}
    assert tests, "ps1 has no autograded test cells"
    assert {k: ours["ref"][k] for k in tests} == tests


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "timestamp.txt")


def _link_to_an_ignored_fifo(folder: Path) -> None:
    # nbgrader's copy ignores *.pyc and the grader's skips links; its timestamp reader follows it.
    os.mkfifo(folder / "pipe.pyc")
    os.symlink("pipe.pyc", folder / "timestamp.txt")


@pytest.mark.slow
@pytest.mark.parametrize("plant", [_fifo, _link_to_an_ignored_fifo], ids=lambda f: f.__name__)
def test_a_fifo_as_timestamp_txt_neither_stalls_the_class_nor_fails_the_submission(tmp_path, plant):
    """Red team, round 3: a student hands in a FIFO as timestamp.txt, or a link to one with a
    name nbgrader's copy ignores. The grader must finish, grade everyone and exit 0 (an
    unreadable timestamp is graded without a time), neither block forever on the FIFO nor end
    the submission "failed" (then every later run retries it and exits 1)."""
    course = ct.make_course(tmp_path / "c")
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    folder = ct.submit(course, "mallory", ct.answered(course, ct.HONEST))
    (folder / "timestamp.txt").unlink()
    plant(folder)
    try:
        run = subprocess.run(
            [str(ct.BIN / "beyond-traffic"), "grade", "mini", "--no-progress"],
            cwd=course,
            env=ct.ENV,
            capture_output=True,
            text=True,
            timeout=240,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"beyond-traffic grade still running after 240 s: {exc.stdout!r}")
    assert run.returncode == 0, run.stdout + run.stderr
    assert set(ct.gradebook_scores(course)) == {"alice", "mallory"}
