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
    # ``want`` comes from the kernel-held ``pairs`` through code the lint cannot judge (the
    # comprehension could copy it): refused; the same computation in a reference function passes.
    assert any("pairs" in leak for leak in expected_value_leaks(cell))
    fixed = cell.replace(
        "want = [p + g for p, g in pairs]\n",
        "def _want(pairs):\n    return [p + g for p, g in pairs]\n",
    ).replace("ck.expect_equal('x', want)", "ck.expect_equal('x', _want(pairs))")
    assert expected_value_leaks(fixed) == []


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
        ("strip_pinyin_annotations(ref)", False),  # an input of a course function
        ("_reference(ref)", False),  # ... or of the cell's own reference function
        ("_echo(ref)", True),  # ... unless that function hands its input back
        ("strip(ref)", True),  # a function the lint does not know may pass it on
        ("round(ref)", True),
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
        "from beyond_traffic.clean import strip_pinyin_annotations\n"
        "def _reference(text):\n    return text.replace('流', '')\n"
        "def _echo(text):\n    return text\n"
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


#: Found in review: test cells the lint accepts although their observation code hands the
#: kernel an expected value (or runs an expectation there). Each must be refused by the lint
#: or derive without the expected value.
SLIPS_THROUGH = {
    # an expectation whose value is used is not an expression statement: kept in the kernel
    "assigned_check_in_loop": (
        "for name, text in [('n', '直播 带货 平台')]:\n"
        "    ck.observe(name, lambda text=text: f(text))\n"
        "    ok = ck.expect_equal(name, 'SECRET-EXPECTED')\n",
        "SECRET-EXPECTED",
    ),
    "check_in_if_test": (
        "if True:\n"
        "    ck.observe('n', lambda: f('流量'))\n"
        "    if not ck.expect_equal('n', 'SECRET-EXPECTED'):\n        pass\n",
        "SECRET-EXPECTED",
    ),
    # calls that hand their argument on but are not in PASS_THROUGH
    "dict_zip": (
        "_words, _counts = ['流量', '平台'], [31337, 2]\n"
        "ck.observe('f', lambda: f(_words))\n"
        "ck.expect_equal('f', dict(zip(_words, _counts)))\n",
        "31337",
    ),
    "round": (
        "_text, _want = '直播 带货', 0.31337\n"
        "ck.observe('r', lambda: f(_text))\n"
        "ck.expect_equal('r', round(_want, 3), tol=1e-3)\n",
        "0.31337",
    ),
    "unbound_method": (
        "_cases = {'流量 之外': 31337}\n"
        "for _t in _cases:\n"
        "    ck.observe(_t, lambda _t=_t: f(_t))\n"
        "    ck.expect_equal(_t, dict.get(_cases, _t))\n",
        "31337",
    ),
    "join": (
        "_tokens = ['SECRET', 'EXPECTED']\n"
        "ck.observe('s', lambda: f(_tokens))\n"
        "ck.expect_equal('s', '-'.join(_tokens))\n",
        "SECRET",
    ),
    # red team, round 3: reference functions that hand a parameter back in a form the lint
    # does not recognise as "unchanged"
    "reference_returns_a_local_alias": (
        "def _ref(text):\n    y = text\n    return y\n"
        "_s = 'SECRET-EXPECTED'\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    "reference_returns_star_args": (
        "def _ref(*words):\n    return words[0]\n"
        "_s = 'SECRET-EXPECTED'\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    "reference_returns_a_copy": (
        "def _ref(words):\n    return list(words)\n"
        "_s = ['SECRET-EXPECTED']\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    "reference_returns_a_conditional": (
        "def _ref(words, strict=True):\n    return words if strict else []\n"
        "_s = ['SECRET-EXPECTED']\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    # a reference function or predicate reading a kernel-held global (no parameter at all)
    "reference_reads_a_kernel_global": (
        "_s = 'SECRET-EXPECTED'\ndef _ref():\n    return _s\n"
        "ck.observe('a', lambda: f(_s))\nck.expect_equal('a', _ref())\n",
        "SECRET-EXPECTED",
    ),
    "predicate_def_reads_a_kernel_global": (
        "_want = 0.31337\ndef _close(v):\n    return abs(v - _want) < 1e-3\n"
        "ck.observe('a', lambda: f(_want))\nck.expect_true('a', _close)\n",
        "0.31337",
    ),
    # a shield's name rebound: course import reused by a def, or a def rebound to an identity
    "course_name_redefined_as_identity": (
        "from beyond_traffic.clean import strip_pinyin_annotations as _ref\n"
        "def _ref(text):\n    return text\n"
        "_s = 'SECRET-EXPECTED'\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    "reference_rebound_to_identity_lambda": (
        "def _ref(text):\n    return text.upper()\n_ref = lambda t: t\n"
        "_s = 'SECRET-EXPECTED'\nck.observe('a', lambda: f(_s))\n"
        "ck.expect_equal('a', _ref(_s))\n",
        "SECRET-EXPECTED",
    ),
    # an expectation called through an alias is not seen as an expectation at all
    "expectation_through_an_alias": (
        "eq = ck.expect_equal\n_s = 'SECRET-EXPECTED'\n"
        "ck.observe('a', lambda: f(_s))\neq('a', _s)\n",
        "SECRET-EXPECTED",
    ),
}


@pytest.mark.parametrize("name", sorted(SLIPS_THROUGH))
def test_no_cell_the_lint_accepts_hands_an_expected_value_to_the_kernel(name):
    body, secret = SLIPS_THROUGH[name]
    cell = "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
    cell += body + "ck.report()"
    if expected_value_leaks(cell):
        return  # refused: grading stops with a message naming the line
    code = observation_code(cell)
    assert secret not in code and "expect_" not in code, code


def _s(body: str) -> tuple[str, str]:
    """A round-4 slip: ``_s`` (the secret) is an observe input, so the kernel holds it."""
    return "_s = 'SECRET-EXPECTED'\nck.observe('a', lambda: f(_s))\n" + body, "SECRET-EXPECTED"


#: Red team, round 4: cells the round-3 lint still accepts although the expected value is a
#: kernel-held name (the student's function receives ``_s`` and can return it unchanged).
ROUND4_SLIPS = {
    # a top-level alias is not followed: only names the observation code binds count
    "top_level_alias": _s("_want = _s\nck.expect_equal('a', _want)\n"),
    "top_level_for_alias": _s("for _w in [_s]:\n    ck.expect_equal('a', _w)\n"),
    "with_as_alias": _s(
        "import contextlib\nwith contextlib.nullcontext(_s) as _w:\n    ck.expect_equal('a', _w)\n"
    ),
    # functions _functions does not list: their globals are never followed
    "def_inside_top_level_if": _s(
        "if True:\n    def _ref():\n        return _s\nck.expect_equal('a', _ref())\n"
    ),
    "class_method_reads_kernel_global": _s(
        "class _R:\n    def ref(self):\n        return _s\nck.expect_equal('a', _R().ref())\n"
    ),
    "lambda_bound_by_tuple_assignment": _s(
        "_ref, _z = (lambda: _s), 1\nck.expect_equal('a', _ref())\n"
    ),
    "closure_from_a_factory": _s(
        "def _mk():\n    return lambda: _s\n_ref = _mk()\nck.expect_equal('a', _ref())\n"
    ),
    "reference_reads_globals_dict": _s(
        "def _ref():\n    return globals()['_s']\nck.expect_equal('a', _ref())\n"
    ),
    # shields that hand their parameter back in forms _handed_on does not know
    "reference_nested_identity_def": _s(
        "def _ref(t):\n    def g(x):\n        return x\n    return g(t)\n"
        "ck.expect_equal('a', _ref(_s))\n"
    ),
    "reference_identity_lambda_call": _s(
        "def _ref(t):\n    return (lambda x: x)(t)\nck.expect_equal('a', _ref(_s))\n"
    ),
    "reference_yields_parameter": _s(
        "def _ref(t):\n    return (yield t)\nck.expect_equal('a', next(_ref(_s)))\n"
    ),
    "reference_empty_join": _s(
        "def _ref(t):\n    return ''.join(t)\nck.expect_equal('a', _ref(_s))\n"
    ),
    "reference_plus_empty": _s("def _ref(t):\n    return t + ''\nck.expect_equal('a', _ref(_s))\n"),
    "reference_fstring": _s("def _ref(t):\n    return f'{t}'\nck.expect_equal('a', _ref(_s))\n"),
    "reference_copy_module_alias": _s(
        "import copy as c\ndef _ref(t):\n    return c.copy(t)\nck.expect_equal('a', _ref(_s))\n"
    ),
    "reference_identity_decorator": _s(
        "@(lambda fn: (lambda t: t))\ndef _ref(t):\n    return t.upper()\n"
        "ck.expect_equal('a', _ref(_s))\n"
    ),
    # a shield rebound where _binding_counts does not look
    "course_name_rebound_through_global": _s(
        "from beyond_traffic.clean import strip_pinyin_annotations as _ref\n"
        "def _x():\n    global _ref\n    _ref = lambda t: t\n_x()\nck.expect_equal('a', _ref(_s))\n"
    ),
    "course_name_rebound_by_walrus_in_comprehension": _s(
        "from beyond_traffic.clean import strip_pinyin_annotations as _ref\n"
        "[(_ref := (lambda t: t)) for _ in [0]]\nck.expect_equal('a', _ref(_s))\n"
    ),
    "course_module_attribute_patched": _s(
        "import beyond_traffic.clean as bc\nbc.strip_pinyin_annotations = lambda t: t\n"
        "ck.expect_equal('a', bc.strip_pinyin_annotations(_s))\n"
    ),
    # the expected value passed through * or ** is not an expected argument
    "expected_through_double_star": _s("ck.expect_equal('a', **{'expected': _s})\n"),
    "expected_through_star": _s("ck.expect_equal(*['a', _s])\n"),
}


@pytest.mark.parametrize("name", sorted(ROUND4_SLIPS))
def test_round4_no_accepted_cell_expects_a_kernel_held_value(name):
    body, secret = ROUND4_SLIPS[name]
    cell = "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
    cell += body + "ck.report()"
    if expected_value_leaks(cell):
        return  # refused
    code = observation_code(cell)
    assert secret not in code and "expect_" not in code, code


#: Red team, round 5: the lint trusts every argument of a reference function (a shield) to be an
#: input, but a test cell may hand a shield its *answer*, held by the kernel in the same table of
#: cases as the inputs the observe lambdas read (``_cases``). The secret here is never an observe
#: input passed to the student's function: it is an instructor constant (an expected value).
_CASES = "_cases = [('直播帶(dài)貨(huò)', 'SECRET-EXPECTED')]\n"
ROUND5_SLIPS = {
    # the most ordinary: normalise the expected value of each (input, expected) case
    "normalised_expected_from_a_case_table": (
        "import unicodedata\n"
        + _CASES
        + "def _norm(s):\n    return unicodedata.normalize('NFC', s)\n"
        "for _raw, _want in _cases:\n    ck.observe(_raw, lambda _raw=_raw: f(_raw))\n"
        "    ck.expect_equal(_raw, _norm(_want))\n"
    ),
    # the expected value tidied by a helper: a method in a shield is trusted, unlike at top level
    "stripped_expected_from_a_case_table": (
        "_cases = {'直播 带货': 'SECRET-EXPECTED'}\ndef _r(x):\n    return x.strip()\n"
        "for _t, _w in _cases.items():\n    ck.observe(_t, lambda _t=_t: f(_t))\n"
        "    ck.expect_equal(_t, _r(_w))\n"
    ),
    # a course function applied to the expected column, not to the input
    "course_function_on_the_expected_column": (
        "from beyond_traffic.clean import strip_pinyin_annotations\n"
        + _CASES
        + "for _raw, _want in _cases:\n    ck.observe(_raw, lambda _raw=_raw: f(_raw))\n"
        "    ck.expect_equal(_raw, strip_pinyin_annotations(_want))\n"
    ),
    # _hands_a_parameter_back misses list.append (and comprehensions): the helper is a shield
    "answers_collected_with_append": (
        _CASES + "def _answers(pairs):\n    out = []\n    for _, want in pairs:\n"
        "        out.append(want)\n    return out\n"
        "ck.observe('all', lambda: [f(raw) for raw, _ in _cases])\n"
        "ck.expect_equal('all', _answers(_cases))\n"
    ),
    "answers_collected_with_a_comprehension": (
        _CASES + "def _answers(pairs):\n    return [w for _, w in pairs]\n"
        "ck.observe('all', lambda: [f(raw) for raw, _ in _cases])\n"
        "ck.expect_equal('all', _answers(_cases))\n"
    ),
}


@pytest.mark.parametrize("name", sorted(ROUND5_SLIPS))
def test_round5_no_accepted_cell_hands_the_kernel_an_expected_constant(name):
    """Red team, round 5: each cell is accepted, yet its observation code holds the expected
    value 'SECRET-EXPECTED' (in ``_cases``, which the observe lambdas read)."""
    cell = "from beyond_traffic.grading import Checker\nck = Checker('q', points=1)\n"
    cell += ROUND5_SLIPS[name] + "ck.report()"
    if expected_value_leaks(cell):
        return  # refused
    code = observation_code(cell)
    assert "SECRET-EXPECTED" not in code, code
