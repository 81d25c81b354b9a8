"""A late-submission penalty for nbgrader: a share of the score per started day, capped."""

# nbgrader itself offers only "none" or "zero" (LateSubmissionPlugin.penalty_method). A course
# usually takes off a fixed share per day late; nbgrader_config.py selects this plugin with
#   c.AssignLatePenalties.plugin_class = "beyond_traffic.grader.late.PerDayPenalty"
#   c.PerDayPenalty.percent_per_day = 10
# and the due date comes from the gradebook (`nbgrader db assignment add NAME --duedate=...`).
# Both `nbgrader autograde` and `beyond-traffic grade` apply it (AssignLatePenalties).

from __future__ import annotations

import math

from nbgrader.plugins.latesubmission import LateSubmissionPlugin
from traitlets import Float

__all__ = ["PerDayPenalty", "per_day_penalty"]

_DAY = 24 * 3600


def per_day_penalty(
    score: float, seconds_late: float, *, percent_per_day: float, max_percent: float = 100.0
) -> float:
    """Points taken off ``score``: ``percent_per_day`` for every started day late, capped.

    Example:
        >>> per_day_penalty(8.0, 3600, percent_per_day=10)  # 一小时 = one started day
        0.8
        >>> per_day_penalty(8.0, 30 * 86400, percent_per_day=10, max_percent=50)
        4.0
    """
    if seconds_late <= 0 or score <= 0:
        return 0.0
    days = math.ceil(seconds_late / _DAY)
    share = min(max_percent, percent_per_day * days) / 100
    return round(score * share, 4)


class PerDayPenalty(LateSubmissionPlugin):
    """nbgrader plugin: ``percent_per_day`` of a notebook's score per started day late.

    Example:
        >>> PerDayPenalty(percent_per_day=20).late_submission_penalty("学生", 5.0, 90000)
        2.0
    """

    percent_per_day = Float(10.0, help="percent of the score taken off per started day").tag(
        config=True
    )
    max_percent = Float(100.0, help="largest share taken off, in percent").tag(config=True)

    def late_submission_penalty(
        self, student_id: str, score: float, total_seconds_late: float
    ) -> float:
        """The penalty in points (nbgrader subtracts it from the notebook's score)."""
        return per_day_penalty(
            score,
            total_seconds_late,
            percent_per_day=self.percent_per_day,
            max_percent=self.max_percent,
        )
