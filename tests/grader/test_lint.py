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


def test_lint_reports_cells_that_could_hand_the_kernel_an_expected_value():
    source = (
        "from beyond_traffic.grading import Checker\nck = Checker('q1', points=1)\n"
        "_cases = [('流量', 2)]\nck.observe('x', lambda: [f(t) for t, w in _cases])\n"
        "ck.expect_equal('x', [w for t, w in _cases])\nck.report()"
    )
    warnings = lint_test_cells([{"grade_id": "q1", "points": 1, "source": source}])
    assert any(w.startswith("q1: line 4: the observe never passes w") for w in warnings)


def test_lint_refuses_points_on_a_gate():
    source = (
        "from beyond_traffic.grading import Checker\nck = Checker('q1', points=1)\n"
        "ck.observe('x', lambda: f('流量'))\nck.expect_type('x', list, points=0.5)\n"
        "ck.expect_len('x', 2, points=0)\nck.expect_equal('x', ['流量'], points=0.5)\n"
        "ck.report()"
    )
    warnings = lint_test_cells([{"grade_id": "q1", "points": 1, "source": source}])
    assert warnings == [
        "q1: line 4: expect_type is a gate and earns no points; give them to a check of the value"
    ]


def test_an_expected_value_another_test_cell_left_in_the_kernel_is_refused():
    """Red team, round 3: the first cell's observation code binds ``_words`` in the student's
    kernel; the second expects ``_words`` without binding it, so a student function reading
    the global would pass."""
    from beyond_traffic.grader.derive import observation_code
    from beyond_traffic.grader.runner import _check_leaks

    head = "from beyond_traffic.grading import Checker\n"
    first = head + (
        "ck = Checker('q1', points=1)\n_words = ['SECRET', 'EXPECTED']\n"
        "ck.observe('n', lambda: count_words(_words))\nck.expect_equal('n', 2)\nck.report()"
    )
    second = head + (
        "ck = Checker('q2', points=1)\nck.observe('top', lambda: top_words('直播 带货'))\n"
        "ck.expect_equal('top', _words)\nck.report()"
    )
    assert "SECRET" in observation_code(first)  # the kernel holds _words after the first cell
    with pytest.raises(ValueError, match="mini/q2: line 4: .*_words"):
        _check_leaks(
            {"mini": [{"grade_id": "q1", "source": first}, {"grade_id": "q2", "source": second}]}
        )
