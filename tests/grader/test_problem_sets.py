"""Every shipped problem set graded by ``beyond-traffic grade``: the scores nbgrader gives.

``tests/test_assignments.py`` checks that plain ``nbgrader autograde`` gives the scores listed in
``tests/submissions/``; here the class grader (sandbox, observation code, fast replay) must give
exactly the same ones for the reference, the blank release and every partial submission.
"""

from __future__ import annotations

from pathlib import Path

import course_tools as ct
import pytest

REPO = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.parent.name for p in REPO.glob("solutions/*/*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_class_grader_scores_equal_the_planned_scores(tmp_path, assignment):
    expected = ct.expected_scores(REPO, assignment)
    course = ct.real_class(tmp_path, assignment, REPO, len(expected))
    run = ct.beyond_traffic(course, "grade", assignment, "--jobs", "2", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "warning" not in run.stdout, run.stdout
    scores = ct.gradebook_scores(course, assignment)
    for i, (plan, want) in enumerate(expected):
        got = {k: v for k, v in scores[f"s{i:03d}"].items() if k in want}
        assert got == pytest.approx(want), plan
