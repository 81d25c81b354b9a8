"""Tests for beyond_traffic.grader.derive: the observation code that alone runs in the kernel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beyond_traffic.grader.derive import expected_value_leaks, observation_code

REPO = Path(__file__).resolve().parents[2]

CELL = """
from beyond_traffic.grading import Checker
from beyond_traffic.clean import strip_pinyin_annotations
ck = Checker("q1", points=3)
text = "直播帶(dài)貨(huò)"
secret = "SECRET-EXPECTED"
ck.observe("demo", lambda: q1(text))
ck.expect_equal("demo", strip_pinyin_annotations(text), points=1)
### BEGIN HIDDEN TESTS
for aid in ("A1", "A4"):
    ck.observe(aid, lambda aid=aid: q1(aid))
    ck.expect_equal(aid, secret, points=1)
ck.expect_true("demo", lambda v: v != "HIDDEN-PREDICATE")
### END HIDDEN TESTS
ck.report()
"""


def test_observation_code_keeps_inputs_and_drops_every_expectation():
    code = observation_code(CELL)
    assert "ck.observe('demo', lambda: q1(text))" in code
    assert "text = '直播帶(dài)貨(huò)'" in code
    assert "for aid in ('A1', 'A4'):" in code
    for absent in ("expect_", "report", "SECRET-EXPECTED", "HIDDEN-PREDICATE", "secret ="):
        assert absent not in code, absent
    compile(code, "<observation>", "exec")


def test_names_local_to_lambdas_and_comprehensions_do_not_pull_in_code():
    cell = (
        "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
        "pairs = [(1, 2)]\nwant = [p + g for p, g in pairs]\n"
        "ck.observe('x', lambda: [f(p, g) for p, g in pairs])\n"
        "ck.expect_equal('x', want)\nck.report()"
    )
    code = observation_code(cell)
    assert "pairs = [(1, 2)]" in code and "want" not in code
    assert expected_value_leaks(cell) == []


def test_a_helper_function_the_lambda_calls_is_kept_without_its_checks():
    cell = (
        "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
        "def make(n):\n    return '流量' * n\n"
        "ck.observe('x', lambda: f(make(2)))\nck.expect_equal('x', 2)\nck.report()"
    )
    code = observation_code(cell)
    assert "def make(n):" in code and "expect" not in code


@pytest.mark.parametrize(
    ("expected", "leaks"),
    [
        ("strip(ref)", False),  # an input of a reference computation
        ("ref", True),  # the input itself is the expected value
        ("ref.upper()", True),  # a method of the input passes it on
        ("list(ref)", True),  # pass-through builtins do too
        ("[ref]", True),
        ("'固定值'", False),
    ],
)
def test_expected_values_reachable_from_observation_code_are_refused(expected, leaks):
    cell = (
        "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
        "ref = '流量'\nck.observe('x', lambda: f(ref))\n"
        f"ck.expect_equal('x', {expected})\nck.report()"
    )
    assert bool(expected_value_leaks(cell)) is leaks


def test_leaks_in_predicates_and_keywords_are_found():
    cell = (
        "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
        "ref = ['流量']\nck.observe('x', lambda: f(ref))\n"
        "ck.expect_true('x', lambda v: v == ref)\n"
        "ck.expect_contains('x', items=ref)\nck.report()"
    )
    leaks = expected_value_leaks(cell)
    assert len(leaks) == 2 and all("ref" in leak for leak in leaks)


def test_every_shipped_test_cell_derives_without_leaks():
    count = 0
    for path in sorted(REPO.glob("solutions/*/*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                source = "".join(cell["source"])
                assert expected_value_leaks(source) == [], (path.name, meta["grade_id"])
                code = observation_code(source)
                assert "expect_" not in code and "HIDDEN" not in code
                compile(code, meta["grade_id"], "exec")
                count += 1
    assert count >= 20


def test_wrong_types_and_syntax_errors_are_clear():
    with pytest.raises(TypeError, match="source must be str"):
        observation_code(b"ck.observe('x', lambda: 1)")
    with pytest.raises(SyntaxError):
        observation_code("def (")
