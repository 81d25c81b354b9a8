"""Tests for beyond_traffic.grader.memo: a fast replay scores exactly like a full one."""

from __future__ import annotations

import pytest

from beyond_traffic.grader.memo import KEEP, TAKE, Memo, plan_cell
from beyond_traffic.grader.replay import run_cells
from beyond_traffic.grading import REPLAY_ENV, wire
from beyond_traffic.grading.canonical import Observation

HEAD = "from beyond_traffic.grading import Checker\n"

#: A cell with loops, keys built from loop variables, a predicate closure and costly references.
LOOPY = HEAD + (
    "import time\n"
    "ck = Checker('q1', points=4)\n"
    "words = {'A1': ['流量', '赋能'], 'A2': ['直播', '带货']}\n"
    "for aid in sorted(words):\n"
    "    key = 'top_' + aid\n"
    "    ck.observe(key, lambda aid=aid: f(words[aid]))\n"
    "    slow = [w for w in words[aid]]\n"
    "    ck.expect_equal(key, slow, points=1)\n"
    "ref = {'流量': 2}\n"
    "ck.observe('freq', lambda: g())\n"
    "ck.expect_true('freq', lambda v: v == ref, points=1)\n"
    "ck.expect_len('freq', len(ref))\n"
    "ck.report()"
)


def _observations(tmp_path, records: dict[str, object]):
    path = tmp_path / "obs.jsonl"
    for name, value in records.items():
        wire.write_record(str(path), "q1", name, Observation(tag=type(value).__name__, value=value))
    return path


def _replays(tmp_path, monkeypatch, cells: list[dict], records: list[tuple[str, str, object]]):
    """Warm up on ``cells``, then replay ``records`` (grade_id, key, value) in full and fast."""
    plans = {c["grade_id"]: plan_cell(c["source"], c["grade_id"]) for c in cells}
    assert all(plans.values())  # every cell is eligible for the fast replay
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    monkeypatch.setenv(REPLAY_ENV, str(empty))
    memo = Memo()
    namespace = {"__name__": "__main__", KEEP: memo.keep}
    run_cells(cells, namespace=namespace, sources={g: p.warm for g, p in plans.items()})
    wire.clear_replay_cache()
    path = tmp_path / "obs.jsonl"
    for gid, key, value in records:
        wire.write_record(str(path), gid, key, Observation(tag=type(value).__name__, value=value))
    monkeypatch.setenv(REPLAY_ENV, str(path))
    full = run_cells(cells)
    fast_ns = {**namespace, TAKE: memo.cursor().take}
    fast = run_cells(cells, namespace=fast_ns, sources={g: p.fast for g, p in plans.items()})
    wire.clear_replay_cache()
    return full, fast, plans


def _full_and_fast(tmp_path, monkeypatch, source: str, records: dict[str, object]):
    cells = [{"grade_id": "q1", "source": source}]
    full, fast, plans = _replays(
        tmp_path, monkeypatch, cells, [("q1", k, v) for k, v in records.items()]
    )
    return full, fast, plans["q1"]


@pytest.mark.parametrize(
    "records",
    [
        {"top_A1": ["流量", "赋能"], "top_A2": ["直播", "带货"], "freq": {"流量": 2}},
        {"top_A1": ["错"], "top_A2": ["直播", "带货"], "freq": {"流量": 3}},
        {},
    ],
)
def test_fast_replay_gives_the_same_outputs_as_the_full_one(tmp_path, monkeypatch, records):
    full, fast, plan = _full_and_fast(tmp_path, monkeypatch, LOOPY, records)
    assert fast == full
    assert "slow = " not in plan.fast and "time" not in plan.fast.split("ck =")[0]
    assert "key = 'top_' + aid" in plan.fast  # keys are still computed


@pytest.mark.parametrize(
    "body",
    [
        "ck.observe('x', lambda: f())\nif ck.observation('x').ok:\n"
        "    ck.expect_equal('x', 1)\nck.report()",
        "ck.observe('x', lambda: f())\ndone = ck.expect_equal('x', 1)\nck.report()",
        "def check():\n    ck.expect_equal('x', 1)\nck.observe('x', lambda: f())\ncheck()\n"
        "ck.report()",
        "ck.observe('x', lambda: f())\nn = 0\nwhile n < 2:\n    ck.expect_equal('x', n)\n"
        "    n += 1\nck.report()",
    ],
)
def test_cells_that_read_their_checker_run_in_full(body):
    assert plan_cell(HEAD + "ck = Checker('q1', points=1)\n" + body, "q1") is None


def test_a_cell_without_checker_or_with_a_syntax_error_runs_in_full():
    assert plan_cell("x = 1\nx", "q1") is None
    assert plan_cell("def (", "q1") is None


def test_memo_hands_values_back_in_order():
    memo = Memo()
    for value in ("一", "二"):
        memo.keep("site", value)
    cursor = memo.cursor()
    assert [cursor.take("site"), cursor.take("site")] == ["一", "二"]
    assert memo.cursor().take("site") == "一"  # every replay starts again


def test_fast_replay_of_a_predicate_reading_a_global_that_a_later_cell_rebinds(
    tmp_path, monkeypatch
):
    """Found in review: a predicate kept by the warm-up reads its globals from the warm-up's
    namespace, where a later cell has already rebound them: the fast replay then judges with
    the last cell's value and scores differently from the full one."""
    first = HEAD + (
        "ck = Checker('c1', points=1)\n_x = 1\nck.observe('a', lambda: f())\n"
        "ck.expect_true('a', lambda v: v == _x, points=1)\nck.report()"
    )
    second = HEAD + (
        "ck = Checker('c2', points=1)\n_x = 2\nck.observe('b', lambda: f())\n"
        "ck.expect_true('b', lambda v: v == _x, points=1)\nck.report()"
    )
    cells = [{"grade_id": "c1", "source": first}, {"grade_id": "c2", "source": second}]
    full, fast, _ = _replays(tmp_path, monkeypatch, cells, [("c1", "a", 1), ("c2", "b", 1)])
    assert fast == full


#: Red team, round 3: predicates the snapshot does not freeze. Each first cell keeps a predicate
#: that reads ``_x`` (or ``_ref``) by a route other than a plain function's globals — a
#: ``functools.partial``, a bound method, a callable instance, a default argument, a closure cell
#: — and a later cell rebinds or mutates it during the warm-up.
UNFROZEN = {
    "partial_of_a_global_reading_function": (
        "import functools\n_x = 1\ndef _near(v, tol):\n    return abs(v - _x) <= tol\n",
        "functools.partial(_near, tol=0)",
        "_x = 2\n",
    ),
    "bound_method": (
        "class _M:\n    def ok(self, v):\n        return v == _x\n_x = 1\n_m = _M()\n",
        "_m.ok",
        "_x = 2\n",
    ),
    "callable_instance": (
        "class _Eq:\n    def __call__(self, v):\n        return v == _x\n_x = 1\n",
        "_Eq()",
        "_x = 2\n",
    ),
    "mutable_default_argument": (
        "_ref = [1]\n",
        "lambda v, want=_ref: v == want[0]",
        "_ref[0] = 2\n",
    ),
    "closure_cell": (
        "_ref = [1]\n_pred = (lambda r: lambda v: v == r[0])(_ref)\n",
        "_pred",
        "_ref[0] = 2\n",
    ),
}


@pytest.mark.parametrize("name", sorted(UNFROZEN))
def test_fast_replay_of_predicates_the_snapshot_does_not_freeze(tmp_path, monkeypatch, name):
    """The full replay scores c1 1/1 (``_x`` is 1 when c1 runs); the fast one 0/1."""
    setup, predicate, later = UNFROZEN[name]
    first = HEAD + "ck = Checker('c1', points=1)\n" + setup + "ck.observe('a', lambda: f())\n"
    first += f"ck.expect_true('a', {predicate}, points=1)\nck.report()"
    second = HEAD + "ck = Checker('c2', points=1)\n" + later + "ck.observe('b', lambda: f())\n"
    second += "ck.expect_true('b', lambda v: True, points=1)\nck.report()"
    cells = [{"grade_id": "c1", "source": first}, {"grade_id": "c2", "source": second}]
    full, fast, _ = _replays(tmp_path, monkeypatch, cells, [("c1", "a", 1), ("c2", "b", 1)])
    assert fast == full


def test_fast_replay_of_options_read_from_an_earlier_cell_that_a_later_cell_rebinds(
    tmp_path, monkeypatch
):
    """Red team, round 3: only expected values are kept; an expectation's other arguments
    (``tol=``, ``points=``, ``ignore_order=``, the key) are evaluated live in the warm-up's
    namespace. ``_tol`` set in c1 and rebound in c3 is 0.5 when the full replay runs c2 and
    0.01 when the fast one does: 1.4 against 1.0 passes in full, fails fast."""
    cells = [
        {
            "grade_id": "c1",
            "source": HEAD + "ck = Checker('c1', points=1)\n_tol = 0.5\n"
            "ck.observe('a', lambda: f())\nck.expect_equal('a', 1, points=1)\nck.report()",
        },
        {
            "grade_id": "c2",
            "source": HEAD + "ck = Checker('c2', points=1)\n"
            "ck.observe('b', lambda: f())\nck.expect_equal('b', 1.0, tol=_tol, points=1)\n"
            "ck.report()",
        },
        {
            "grade_id": "c3",
            "source": HEAD + "ck = Checker('c3', points=1)\n_tol = 0.01\n"
            "ck.observe('c', lambda: f())\nck.expect_equal('c', 1, points=1)\nck.report()",
        },
    ]
    records = [("c1", "a", 1), ("c2", "b", 1.4), ("c3", "c", 1)]
    full, fast, _ = _replays(tmp_path, monkeypatch, cells, records)
    assert "score: 1 / 1" in full["c2"][0]["text"]  # the full replay passes c2
    assert fast == full


def _full_and_fast_cells(tmp_path, monkeypatch, cells, records):
    """Full and fast replay outputs of several cells; ``records`` is ``[(gid, key, value)]``."""
    full, fast, _ = _replays(tmp_path, monkeypatch, cells, records)
    return full, fast


def test_round4_fast_replay_of_a_predicate_reading_a_loop_variable_in_its_own_cell(
    tmp_path, monkeypatch
):
    """Red team, round 4: one self-contained cell; each predicate reads the loop variable ``_n``
    as a global. The full replay calls each predicate while ``_n`` is its own value (2/2); the
    kept predicates' globals are the warm-up's namespace, where ``_n`` is the last value (1/2)."""
    source = HEAD + (
        "ck = Checker('c1', points=2)\n"
        "for _n in [1, 2]:\n"
        "    ck.observe(f'k{_n}', lambda _n=_n: f(_n))\n"
        "    ck.expect_true(f'k{_n}', lambda v: v == _n, points=1)\n"
        "ck.report()"
    )
    cells = [{"grade_id": "c1", "source": source}]
    full, fast = _full_and_fast_cells(
        tmp_path, monkeypatch, cells, [("c1", "k1", 1), ("c1", "k2", 2)]
    )
    assert "score: 2 / 2" in full["c1"][0]["text"]
    assert fast == full


def test_round4_fast_replay_of_a_predicate_reading_a_name_its_own_cell_rebinds_later(
    tmp_path, monkeypatch
):
    """Red team, round 4: the same without a loop: ``_x`` is 1 for the first check and 2 for the
    second; the fast replay judges both with 2."""
    source = HEAD + (
        "ck = Checker('c1', points=2)\n_x = 1\nck.observe('a', lambda: f())\n"
        "ck.expect_true('a', lambda v: v == _x, points=1)\n"
        "_x = 2\nck.observe('b', lambda: g())\n"
        "ck.expect_true('b', lambda v: v == _x, points=1)\nck.report()"
    )
    cells = [{"grade_id": "c1", "source": source}]
    full, fast = _full_and_fast_cells(
        tmp_path, monkeypatch, cells, [("c1", "a", 1), ("c1", "b", 2)]
    )
    assert "score: 2 / 2" in full["c1"][0]["text"]
    assert fast == full


def test_round4_fast_replay_of_an_option_its_own_cell_sets_by_mutation(tmp_path, monkeypatch):
    """Red team, round 4: ``_opt[0] = 0.5`` binds no name, so the fast version drops it but keeps
    ``_opt = [0.0]``: tol is 0.5 in the full replay (1.4 vs 1.0 passes) and 0.0 in the fast one."""
    source = HEAD + (
        "ck = Checker('c1', points=1)\n_opt = [0.0]\n_opt[0] = 0.5\n"
        "ck.observe('a', lambda: f())\n"
        "ck.expect_equal('a', 1.0, tol=_opt[0], points=1)\nck.report()"
    )
    cells = [{"grade_id": "c1", "source": source}]
    full, fast = _full_and_fast_cells(tmp_path, monkeypatch, cells, [("c1", "a", 1.4)])
    assert "score: 1 / 1" in full["c1"][0]["text"]
    assert fast == full


def test_round5_fast_replay_of_an_option_bound_by_a_walrus_in_the_expected_argument(
    tmp_path, monkeypatch
):
    """Red team, round 5: ``tol=0.5 / _n`` reads ``_n``, bound per iteration by a walrus inside the
    expected argument. The fast version replaces that argument, so ``_n`` is the warm-up's last
    value (4) for both checks: 'a' (0.7 vs 0.5) passes with tol 0.25 in full, fails with 0.125."""
    source = HEAD + (
        "ck = Checker('c1', points=2)\n"
        "_cases = {'a': [1, 2], 'b': [1, 2, 3, 4]}\n"
        "for _k, _toks in _cases.items():\n"
        "    ck.observe(_k, lambda _k=_k: f(_k))\n"
        "    ck.expect_equal(_k, 1 / (_n := len(_toks)), tol=0.5 / _n, points=1)\n"
        "ck.report()"
    )
    cells = [{"grade_id": "c1", "source": source}]
    full, fast = _full_and_fast_cells(
        tmp_path, monkeypatch, cells, [("c1", "a", 0.7), ("c1", "b", 0.25)]
    )
    assert "score: 2 / 2" in full["c1"][0]["text"]
    assert fast == full


def test_round5_fast_replay_of_an_option_a_reference_function_sets_as_a_side_effect(
    tmp_path, monkeypatch
):
    """Red team, round 5: the reference ``_ref`` records the length it used in ``_last``, which
    the tolerance reads; the fast version never calls ``_ref`` (its value comes from the memo),
    so ``_last`` stays as the fast code rebinds it (empty): KeyError instead of 2/2."""
    source = HEAD + (
        "ck = Checker('c1', points=2)\n"
        "_cases = {'a': '直播带货', 'b': '流量'}\n_last = {}\n"
        "def _ref(text):\n    _last['n'] = len(text)\n    return 1 / len(text)\n"
        "for _k, _t in _cases.items():\n"
        "    ck.observe(_k, lambda _t=_t: f(_t))\n"
        "    ck.expect_equal(_k, _ref(_t), tol=0.5 / _last['n'], points=1)\n"
        "ck.report()"
    )
    cells = [{"grade_id": "c1", "source": source}]
    full, fast = _full_and_fast_cells(
        tmp_path, monkeypatch, cells, [("c1", "a", 0.3), ("c1", "b", 0.5)]
    )
    assert "score: 2 / 2" in full["c1"][0]["text"]
    assert fast == full
