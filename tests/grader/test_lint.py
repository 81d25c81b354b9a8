"""Tests for beyond_traffic.grader.lint: the test-cell contract, checked before grading."""

from __future__ import annotations

import pytest

from beyond_traffic.grader.lint import lint_test_cells


def test_lint_flags_contract_violations():
    head = "from beyond_traffic.grading import Checker\n"
    cells = [
        {
            "grade_id": "q1",
            "points": 2,
            "source": head + "ck = Checker('q1', points=2)\nck.report()",
        },
        {
            "grade_id": "q2",
            "points": 1,
            "source": head + "ck = Checker('q1', points=2)\nck.report()",
        },
        {"grade_id": "q3", "points": 1, "source": head + "ck = Checker('q3', points=1)\nx = 1"},
        {"grade_id": "q4", "points": 1, "source": "def ("},
    ]
    warnings = lint_test_cells(cells, notebook="作业")
    assert not [w for w in warnings if w.startswith("作业/q1:")]
    q2 = [w for w in warnings if w.startswith("作业/q2:")]
    assert any("differs from the cell's grade_id" in w for w in q2)
    assert any("also used in q1" in w for w in q2)
    assert any("points 2 differ" in w for w in q2)
    assert any(w.startswith("作业/q3:") and "full credit" in w for w in warnings)
    assert any(w.startswith("作业/q4:") and "syntax" in w for w in warnings)
    with pytest.raises(TypeError):
        lint_test_cells("q1")


def test_lint_reports_expected_values_the_kernel_could_read():
    source = (
        "from beyond_traffic.grading import Checker\nck = Checker('q1', points=1)\n"
        "ref = ['流量']\nck.observe('x', lambda: f(ref))\nck.expect_equal('x', ref)\n"
        "ck.report()"
    )
    warnings = lint_test_cells([{"grade_id": "q1", "points": 1, "source": source}])
    assert any("kernel's observation code holds" in w for w in warnings)
