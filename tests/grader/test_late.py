"""Tests for beyond_traffic.grader.late: a due date and a per-day penalty, applied by the grader."""

from __future__ import annotations

import course_tools as ct
import pytest
from nbgrader.api import Gradebook

from beyond_traffic.grader.late import per_day_penalty


def test_every_started_day_costs_the_same_share_up_to_the_cap():
    assert per_day_penalty(10.0, 0, percent_per_day=10) == 0.0
    assert per_day_penalty(10.0, 1, percent_per_day=10) == 1.0
    assert per_day_penalty(10.0, 86400, percent_per_day=10) == 1.0
    assert per_day_penalty(10.0, 86401, percent_per_day=10) == 2.0
    assert per_day_penalty(10.0, 86400 * 30, percent_per_day=10, max_percent=40) == 4.0


@pytest.mark.slow
def test_a_late_submission_loses_its_share_in_the_gradebook(tmp_path):
    course = ct.make_course(tmp_path / "course")
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(
            'c.AssignLatePenalties.plugin_class = "beyond_traffic.grader.late.PerDayPenalty"\n'
            "c.PerDayPenalty.percent_per_day = 25\n"
        )
    # Submitted at 10:00 (ct.TIMESTAMP), due the day before at 09:00: two started days late.
    ct.nbgrader(course, "db", "assignment", "add", "mini", "--duedate=2026-11-19 09:00:00 UTC")
    ct.submit(course, "late", ct.answered(course, ct.HONEST))
    ct.submit(course, "early", ct.answered(course, ct.HONEST), timestamp="2026-11-19 08:00:00 UTC")
    run = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        late = gb.find_submission("mini", "late")
        early = gb.find_submission("mini", "early")
        assert early.late_submission_penalty == 0 and early.score > 0
        assert late.score == early.score > 0  # the raw score is unchanged
        assert late.late_submission_penalty == pytest.approx(0.5 * late.score)
