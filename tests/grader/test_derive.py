"""Tests for beyond_traffic.grader.derive: the allow-listed code that alone runs in the kernel."""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest

from beyond_traffic.grader.derive import CellRefused, input_names, observation_code, refusals

REPO = Path(__file__).resolve().parents[2]
HEAD = "from beyond_traffic.grading import Checker\nck = Checker('q', points=2)\n"
#: An expected value no honest answer can produce: it must never be where the kernel reads.
CANARY = "SECRET-EXPECTED"

CELL = f"""
from beyond_traffic.grading import Checker
from beyond_traffic.clean import strip_pinyin_annotations
ck = Checker("q1", points=3)
text = "直播帶(dài)貨(huò)"
ck.observe("demo", lambda: q1(text))
ck.expect_equal("demo", strip_pinyin_annotations(text), points=1)
### BEGIN HIDDEN TESTS
_inputs = ["流量", "之外"]
_wants = ["{CANARY}", "{CANARY}"]
def _reference(t):
    return t.replace("流", "")
ck.observe("cases", lambda: [q1(x) for x in _inputs])
for _i, _w in enumerate(_wants):
    ck.expect_equal("cases", _w, points=0.5)
ck.expect_true("demo", lambda v: v != "HIDDEN-PREDICATE")
### END HIDDEN TESTS
ck.report()
"""


def test_the_kernel_gets_imports_the_checker_inputs_and_observes_only():
    code = observation_code(CELL)
    assert "ck.observe('demo', lambda: q1(text))" in code
    assert "ck.observe('cases', lambda: [q1(x) for x in _inputs])" in code
    assert "text = '直播帶(dài)貨(huò)'" in code and "_inputs = ['流量', '之外']" in code
    for absent in ("expect_", "report", CANARY, "HIDDEN-PREDICATE", "_reference", "for _i"):
        assert absent not in code, absent
    assert input_names(CELL) == {"text", "_inputs"}
    compile(code, "<observation>", "exec")


def _kernel_values(namespace: dict) -> list:
    """Every value the kernel's namespace reaches: containers, lambdas' constants and cells."""
    seen, out, todo = set(), [], list(namespace.values())
    while todo:
        v = todo.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        out.append(v)
        if isinstance(v, dict):
            todo += list(v.keys()) + list(v.values())
        elif isinstance(v, list | tuple | set | frozenset):
            todo += list(v)
        elif isinstance(v, types.FunctionType):
            todo += (
                [v.__code__]
                + list(v.__defaults__ or ())
                + [c.cell_contents for c in v.__closure__ or ()]
            )
        elif isinstance(v, types.CodeType):
            todo += list(v.co_consts)
    return out


def _run_kernel(cell: str) -> tuple[list, list]:
    """Run the cell's observation code as the kernel would, with a student function that keeps
    its arguments: what the kernel holds, and what the student's code was handed."""
    handed: list = []

    def student(*args, **kwargs):
        handed.extend(args)
        handed.extend(kwargs.values())
        return 0

    namespace = {"f": student}
    exec(compile(observation_code(cell), "<kernel>", "exec"), namespace)  # noqa: S102
    namespace.pop("__builtins__", None)
    namespace.pop("f")
    return _kernel_values(namespace), _kernel_values({"handed": handed})


def _holds_canary(values: list) -> bool:
    return any(isinstance(v, str) and CANARY in v for v in values)


#: How instructors write hidden case tables, the shapes red teams used to leave an expected value
#: in the kernel: each must be refused (with its line) or keep the canary out of the kernel,
#: beyond what the student's own function is handed.
SHAPES = {
    # a helper around expect_* called in the loop that observes
    "helper_in_observing_loop": (
        "def _check(key, want):\n    ck.expect_equal(key, want)\n"
        f"_cases = [('a', '流量', '{CANARY}')]\n"
        "for _k, _raw, _want in _cases:\n"
        "    ck.observe(_k, lambda _raw=_raw: f(_raw))\n    _check(_k, _want)\n"
    ),
    # a dict case table read by a reference function
    "dict_table_read_by_reference": (
        f"_cases = {{'a': {{'input': '流量', 'want': '{CANARY}'}}}}\n"
        "def _ref(case):\n    return case.get('want')\n"
        "ck.observe('a', lambda: [f(c['input']) for c in _cases.values()])\n"
        "ck.expect_equal('a', [_ref(c) for c in _cases.values()])\n"
    ),
    "dict_table_iterated_for_keys": (
        f"_cases = {{'流量': '{CANARY}'}}\n"
        "ck.observe('a', lambda: [f(k) for k in _cases])\n"
        "ck.expect_equal('a', list(_cases.values()))\n"
    ),
    "list_of_dicts_read_by_key": (
        f"_cases = [{{'input': '流量', 'want': '{CANARY}'}}]\n"
        "def _ref(case):\n    return case.get('want')\n"
        "ck.observe('a', lambda: [f(c['input']) for c in _cases])\n"
        "ck.expect_equal('a', [_ref(c) for c in _cases])\n"
    ),
    # a negative index, and the slice, dict(...) and max(...) variants of handing a part back
    "negative_index": (
        f"_cases = [('流量', '{CANARY}')]\n"
        "def _ref(case):\n    return case[-1]\n"
        "ck.observe('a', lambda: [f(c[0]) for c in _cases])\n"
        "ck.expect_equal('a', [_ref(c) for c in _cases])\n"
    ),
    "unpacked_expected_column": (
        f"_cases = [('流量', '{CANARY}')]\n"
        "ck.observe('a', lambda: [f(t) for t, w in _cases])\n"
        "ck.expect_equal('a', [w for t, w in _cases])\n"
    ),
    "slice_of_the_whole": (
        f"_t = ('流量', '{CANARY}')\n"
        "ck.observe('a', lambda: f(_t[:1]))\n"
        "ck.expect_equal('a', _t[1:len(_t)])\n"
    ),
    "dict_call_variant": (
        f"_t = dict(x='流量', want='{CANARY}')\n"
        "ck.observe('a', lambda: f(dict(x=_t['x'])['x']))\n"
        "ck.expect_equal('a', dict(w=_t['want'])['w'])\n"
    ),
    "max_variant": (
        f"_t = ['流量', '{CANARY}-LONGER']\n"
        "ck.observe('a', lambda: f(min(_t, key=len)))\n"
        "ck.expect_equal('a', max(_t, key=len))\n"
    ),
    "input_through_a_library_function": (
        f"import operator as _op\n_t = ('流量', '{CANARY}')\n"
        "ck.observe('a', lambda: f(_op.getitem(_t, 0)))\nck.expect_equal('a', _t[1])\n"
    ),
    "attribute_of_an_input": (
        f"import types as _types\n_t = _types.SimpleNamespace(x='流量', want='{CANARY}')\n"
        "ck.observe('a', lambda: f(_t.x))\nck.expect_equal('a', _t.want)\n"
    ),
    "helper_the_lambda_calls": (
        f"def _make():\n    return '{CANARY}'\n"
        "ck.observe('a', lambda: f(_make()))\nck.expect_equal('a', 1)\n"
    ),
    "input_built_by_a_helper": (
        f"def _make():\n    return ['流量', '{CANARY}']\n_t = _make()\n"
        "ck.observe('a', lambda: f(_t))\nck.expect_equal('a', 1)\n"
    ),
    "input_rebound": (
        f"_t = '{CANARY}'\n_t = '流量'\nck.observe('a', lambda: f(_t))\nck.expect_equal('a', 1)\n"
    ),
    "input_extended_in_place": (
        "_t = ['流量']\n"
        "ck.observe('a', lambda: [f(x) for x in _t])\n"
        f"_t.append('{CANARY}')\nck.expect_equal('a', [1])\n"
    ),
    "lambda_default_argument": (
        f"_w = '{CANARY}'\nck.observe('a', lambda w=_w: f('流量'))\nck.expect_equal('a', _w)\n"
    ),
    "observe_in_a_function": (
        "def _go(x, want):\n    ck.observe('a', lambda: f(x))\n    ck.expect_equal('a', want)\n"
        f"_go('流量', '{CANARY}')\n"
    ),
    "expected_is_the_input": (
        f"_t = '{CANARY}'\nck.observe('a', lambda: f(_t))\nck.expect_equal('a', _t)\n"
    ),
    # allowed shapes: the wants live only in statements the replay runs
    "separate_wants_table": (
        "_inputs = ['流量', '之外']\n"
        f"_wants = ['{CANARY}', '{CANARY}']\n"
        "ck.observe('a', lambda: [f(x) for x in _inputs])\n"
        "ck.expect_equal('a', _wants)\n"
    ),
    "pairs_each_part_passed": (
        "_pairs = [('流量', '之外'), ('直播', '带货')]\n"
        f"def _ref(p, g):\n    return '{CANARY}'\n"
        "ck.observe('a', lambda: [f(p, g) for p, g in _pairs])\n"
        "ck.expect_equal('a', [_ref(p, g) for p, g in _pairs])\n"
    ),
    "reference_hands_its_input_back": (
        "_t = '流量'\ndef _ref(t):\n    return t[:len(t)]\n"
        "ck.observe('a', lambda: f(_t))\nck.expect_equal('a', _ref(_t))\n"
        f"ck.expect_equal('a', dict(x='{CANARY}')['x'])\n"
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_no_shape_holds_an_expected_value_in_the_kernel(name):
    cell = HEAD + SHAPES[name] + "ck.report()"
    problems = refusals(cell)
    if problems:
        # refused before grading: every message names its line, and deriving refuses too
        assert all(p.startswith("line ") for p in problems), problems
        with pytest.raises(CellRefused):
            observation_code(cell)
        return
    held, handed = _run_kernel(cell)
    assert not _holds_canary(held) or _holds_canary(handed), name
    assert "expect_" not in observation_code(cell)


def test_the_leaking_shapes_are_refused_and_the_safe_ones_accepted():
    safe = {"separate_wants_table", "pairs_each_part_passed", "reference_hands_its_input_back"}
    for name, body in SHAPES.items():
        cell = HEAD + body + "ck.report()"
        assert bool(refusals(cell)) is (name not in safe), name


def test_messages_name_the_line_and_the_fix():
    cell = HEAD + SHAPES["unpacked_expected_column"] + "ck.report()"
    (problem,) = refusals(cell)
    assert problem.startswith("line 4: the observe never passes w")
    assert "docs/grading.md" in problem
    loop = HEAD + SHAPES["helper_in_observing_loop"] + "ck.report()"
    assert any(p.startswith("line 7: observe inside another statement") for p in refusals(loop))


def test_an_input_another_cell_left_in_the_kernel_may_not_be_expected():
    first = HEAD + "_words = ['流量', '之外']\nck.observe('n', lambda: f(_words))\nck.report()"
    second = HEAD + "ck.observe('t', lambda: g('直播'))\nck.expect_equal('t', _words)\nck.report()"
    assert refusals(second) == []
    (problem,) = refusals(second, earlier=input_names(first))
    assert "_words" in problem and problem.startswith("line 4:")


def test_every_shipped_test_cell_has_the_allowed_shape():
    count = 0
    for path in [
        *sorted(REPO.glob("solutions/*/*.ipynb")),
        REPO / "tests/fixtures/mini_course/solutions/mini/mini.ipynb",
    ]:
        nb = json.loads(path.read_text(encoding="utf-8"))
        earlier: set[str] = set()
        for cell in nb["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                source = "".join(cell["source"])
                assert refusals(source, earlier=earlier) == [], (path.name, meta["grade_id"])
                earlier |= input_names(source)
                code = observation_code(source)
                assert "expect_" not in code and "HIDDEN" not in code and "def " not in code
                compile(code, meta["grade_id"], "exec")
                count += 1
    assert count >= 30


def test_wrong_types_and_syntax_errors_are_clear():
    with pytest.raises(TypeError, match="source must be str"):
        observation_code(b"ck.observe('x', lambda: 1)")
    with pytest.raises(TypeError, match="source must be str"):
        refusals(None)
    with pytest.raises(SyntaxError):
        observation_code("def (")
