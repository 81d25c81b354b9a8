"""The course's nbgrader_config.py as students meet it: Validate on a correct answer."""

from __future__ import annotations

from pathlib import Path

import course_tools as ct
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_validate_explains_partial_points_instead_of_failing_a_correct_answer(tmp_path):
    """Visible checks carry part of the points, so the reference answer shows less than full in
    the release; nbgrader's default text would tell the student "you WILL NOT receive full
    credit"."""
    course = ct.real_class(tmp_path, "ps1_segment", ROOT, students=1)  # s000: the reference
    notebook = course / "submitted" / "s000" / "ps1_segment" / "ps1_segment.ipynb"
    run = ct.nbgrader(course, "validate", str(notebook), check=False)
    out = run.stdout + run.stderr
    assert "test cell(s) show less than full points now" in out, out[-3000:]
    assert "hidden checks run only at grading" in out and "可见的检查只占每题的一部分分数" in out
    assert "WILL NOT receive full" not in out
