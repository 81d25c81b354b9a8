"""Rubric-graded written answers: criteria as data, the grading store, page, CSV and report.

Modules: ``model`` (rubric files), ``notebook`` (rubric text and points in the notebook),
``store`` (criterion grades in the gradebook), ``csvio`` (offline round trip), ``report``
(how each question worked), ``similarity`` (order answers), ``app`` (the grading page),
``commands`` (the ``beyond-traffic rubric`` and ``report`` subcommands).

Example:
    >>> from beyond_traffic.rubric.model import Level
    >>> Level(points=1.0, zh="结构清楚").points
    1.0
"""
