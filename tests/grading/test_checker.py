"""Tests for beyond_traffic.grading.checker: expectations, messages, report, record and replay."""

from __future__ import annotations

import builtins

import nbformat
import pytest
from nbgrader.utils import determine_grade

from beyond_traffic.grading import OBSERVATIONS_ENV, REPLAY_ENV, Checker

from .students import AlwaysEqual, Exploding, make_checker

# --------------------------------------------------------------------------- expectations


def test_rigged_eq_earns_nothing_and_is_never_called():
    ck = make_checker(AlwaysEqual(["流量"]), points=2)
    assert ck.expect_equal("v", ["流量"], points=2) is False
    ck.observe("boom", lambda: [Exploding()])
    ck.expect_equal("boom", [1], points=0)
    assert ck.report(quiet=True) == 0.0
    assert "unsupported type AlwaysEqual" in ck.results[0].en


def test_expect_type_is_exact_and_gates_later_checks():
    ck = make_checker((1, 2), points=1)
    assert ck.expect_type("v", list) is False
    assert ck.expect_equal("v", (1, 2)) is False  # gated: not compared after a type failure
    assert ck.score == 0
    ck2 = make_checker(["流量", 3])
    assert ck2.expect_type("v", list, item_type=str) is False
    assert "item 1" in ck2.results[0].en


def test_expect_equal_normalisations():
    assert make_checker([" 流量 ", "平台"]).expect_equal("v", ["流量", "平台"], strip=True)
    assert make_checker(["b", "a", "a"]).expect_equal("v", ["a", "a", "b"], ignore_order=True)
    assert not make_checker(["b", "a"]).expect_equal("v", ["a", "a", "b"], ignore_order=True)
    assert make_checker(["b", "a", "a"]).expect_equal("v", {"a", "b"}, as_set=True)
    assert make_checker(0.1 + 0.2).expect_equal("v", 0.3, tol=1e-9)
    assert not make_checker(0.1 + 0.2).expect_equal("v", 0.3)
    assert not make_checker(1).expect_equal("v", 1.0)  # type-strict without tol
    assert make_checker(1).expect_equal("v", 1.0, tol=0.0)
    assert make_checker("ABC").expect_equal("v", "abc", casefold=True)


def test_partial_credit_in_proportion_to_matching_items():
    ck = make_checker(["流量", "平台", "算法", "错"], points=4)
    ck.expect_equal("v", ["流量", "平台", "算法", "对"], points=4, partial=True)
    assert ck.score == pytest.approx(3.0)
    assert ck.report(quiet=True) == pytest.approx(3.0)


def test_failure_messages_never_show_the_expected_value():
    secret = ["机密答案甲", "机密答案乙"]
    for value in (["错"], ["错", "也错"], "字符串", 7, {"k": 1}, {"错"}):
        ck = make_checker(value)
        ck.expect_equal("v", secret if not isinstance(value, dict) else {"机密答案甲": 2})
        ck.expect_contains("v", secret)
        msg = " ".join(r.zh + r.en for r in ck.results)
        assert "机密答案" not in msg
        assert msg  # something is said about what is wrong


def test_messages_say_what_is_wrong():
    ck = make_checker(["流量", "x", "算法"])
    ck.expect_equal("v", ["流量", "平台", "算法"], zh="不对", en="wrong")
    assert "items 1" in ck.results[0].en and ck.results[0].zh.startswith("不对")
    ck = make_checker(["流量"])
    ck.expect_equal("v", ["流量", "平台"])
    assert "length 1" in ck.results[0].en


def test_expect_len_contains_subset_true_ok():
    ck = Checker("q", points=4)
    ck.observe("kw", lambda: ["流量", "平台", "算法"])
    assert ck.expect_len("kw", 3)
    assert ck.expect_len("kw", min_len=1, max_len=5)
    assert ck.expect_contains("kw", ["流量", "算法"])
    assert ck.expect_subset("kw", {"流量", "平台", "算法", "直播"})
    assert ck.expect_true("kw", lambda v: v[0] == "流量")
    assert ck.expect_ok("kw")
    assert ck.report(quiet=True) == 4.0  # the length checks are gates: 0 points
    ck = make_checker(["流量", "外"], points=1)
    assert not ck.expect_subset("v", ["流量"])
    assert "'外'" in ck.results[0].en  # the student's own unexpected item may be shown
    ck = make_checker("流量之外是什么")
    assert ck.expect_contains("v", "之外")


@pytest.mark.parametrize("check", ["expect_type", "expect_len"])
def test_a_gate_refuses_points_and_stops_later_checks(check):
    ck = make_checker(["流量", "平台"], points=1)
    args = ("v", list) if check == "expect_type" else ("v", 2)
    with pytest.raises(ValueError, match=f"{check} is a gate and earns no points"):
        getattr(ck, check)(*args, points=0.5)
    wrong = ("v", dict) if check == "expect_type" else ("v", 3)
    assert getattr(ck, check)(*wrong) is False
    assert ck.expect_equal("v", ["流量", "平台"]) is False  # gated: not compared
    assert ck.report(quiet=True) == 0.0


def test_an_edge_case_counts_only_with_a_positive_case(capsys):
    # A stub that returns "" passes "empty" but no real case: the edge case earns nothing.
    ck = Checker("q", points=2)
    ck.observe("empty", lambda: "")
    ck.observe("real", lambda: "")
    assert ck.expect_equal("empty", "", points=0.5, edge=True)
    assert not ck.expect_equal("real", "直播带货", points=1.5)
    assert ck.report() == 0.0
    assert "counts only with a positive case" in capsys.readouterr().out
    ck = Checker("q", points=2)
    ck.observe("empty", lambda: "")
    ck.observe("real", lambda: "直播带货")
    ck.expect_equal("empty", "", points=0.5, edge=True)
    ck.expect_equal("real", "直播带货", points=1.5)
    assert ck.report(quiet=True) == 2.0
    # a passed 0-point gate or another edge case is no positive case
    ck = Checker("q", points=1)
    ck.observe("empty", lambda: [])
    ck.expect_type("empty", list)
    ck.expect_equal("empty", [], points=0.5, edge=True)
    ck.expect_contains("empty", [], points=0.5, edge=True)
    assert ck.report(quiet=True) == 0.0


def test_a_zeroed_answer_earns_only_as_an_edge_case():
    """What a stub returns (0, "", zeroed items, same keys) passes only as an edge case, and
    earns no partial credit, however the expected value happens to look."""
    ck = Checker("q", points=3)
    ck.observe("rates", lambda: {"A1": 0.0, "A2": 0.0})
    ck.observe("empty", lambda: [])
    ck.observe("words", lambda: ["", ""])
    assert ck.expect_equal("empty", [], points=1)  # a real check, but a stub gets it right
    assert not ck.expect_equal("rates", {"A1": 0.0, "A2": 3.5}, points=1, partial=True)
    assert ck.expect_true("words", lambda v: len(v) == 2, points=1)
    assert [r.edge for r in ck.results] == [True, False, True]
    assert ck.results[1].earned == 0.0  # half the values match, but only the zeros
    assert ck.report(quiet=True) == 0.0


def test_expect_true_predicate_error_is_a_failure():
    ck = make_checker(["流量"])
    assert ck.expect_true("v", lambda v: v["no"]) is False
    assert "TypeError" in ck.results[0].en


def test_observe_catches_every_exception_including_exit():
    ck = Checker("q", points=3)
    ck.observe("a", lambda: undefined_name)  # noqa: F821
    ck.observe("b", lambda: (_ for _ in ()).throw(SystemExit(0)))
    ck.observe("c", lambda: (_ for _ in ()).throw(KeyboardInterrupt()))
    for name in "abc":
        assert ck.expect_ok(name) is False
    assert [r.en.split(": ")[-1] for r in ck.results] == [
        "NameError",
        "SystemExit",
        "KeyboardInterrupt",
    ]


def test_report_caps_at_points_prints_to_stdout_only(capsys):
    ck = make_checker(["流量"], points=1)
    ck.expect_equal("v", ["流量"], points=1)
    ck.expect_contains("v", ["流量"], points=1)
    assert ck.max_score == 2
    assert ck.report() == 1.0
    out = capsys.readouterr()
    assert out.err == ""
    assert "得分 score: 1 / 1" in out.out and "✔" in out.out


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError, match="grade_id"):
        Checker(3, points=1)
    with pytest.raises(TypeError, match="points"):
        Checker("q", points="2")
    with pytest.raises(ValueError, match="points"):
        Checker("q", points=-1)
    with pytest.raises(TypeError, match="callable"):
        Checker("q", points=1).observe("v", ["流量"])


def test_patched_builtins_do_not_fool_the_checker():
    saved = builtins.type, builtins.isinstance, builtins.len
    builtins.type = lambda *a: list
    builtins.isinstance = lambda *a: True
    builtins.len = lambda x: 2
    try:
        ck = make_checker(AlwaysEqual(), points=1)
        ck.expect_equal("v", ["流量", "之外"])
        score = ck.report(quiet=True)
    finally:
        builtins.type, builtins.isinstance, builtins.len = saved
    assert score == 0.0


# --------------------------------------------------------------------------- record / replay


def test_record_then_replay_gives_the_same_score(tmp_path, monkeypatch):
    obs = tmp_path / "obs.jsonl"
    monkeypatch.setenv(OBSERVATIONS_ENV, str(obs))

    def cell(student_value):
        ck = Checker("t1", points=2)
        ck.observe("tokens", student_value)
        ck.expect_type("tokens", list, item_type=str)
        ck.expect_equal("tokens", ["流量", "之外"], points=1)
        ck.observe("n", lambda: 1 / 0)
        ck.expect_ok("n", points=1)
        return ck.report(quiet=True)

    live = cell(lambda: ["流量", "之外"])
    monkeypatch.delenv(OBSERVATIONS_ENV)
    monkeypatch.setenv(REPLAY_ENV, str(obs))

    def never_called():
        raise AssertionError("replay must not call student code")

    assert cell(never_called) == live == 1.0


@pytest.mark.slow
def test_nbgrader_reads_report_as_partial_credit_in_a_real_kernel(tmp_path):
    from nbclient import NotebookClient

    cells = [
        "def seg(t):\n    return ['流量', '错']",
        "from beyond_traffic.grading import Checker\n"
        "ck = Checker('t1', points=2)\n"
        "ck.observe('tokens', lambda: seg('流量之外'))\n"
        "ck.expect_equal('tokens', ['流量', '之外'], points=2, partial=True)\n"
        "ck.report()",
        "ck = Checker('t2', points=1)\n"
        "ck.observe('x', lambda: undefined_name)\n"
        "ck.expect_ok('x')\n"
        "ck.report()",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    for cell, (gid, pts) in zip(nb.cells[1:], [("t1", 2), ("t2", 1)], strict=True):
        cell.metadata["nbgrader"] = {
            "grade": True,
            "solution": False,
            "locked": True,
            "grade_id": gid,
            "points": pts,
            "schema_version": 3,
        }
    NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    assert determine_grade(nb.cells[1]) == (1.0, 2.0)
    assert determine_grade(nb.cells[2]) == (0.0, 1.0)
    for cell in nb.cells[1:]:
        assert not any(o.get("name") == "stderr" for o in cell.outputs)


def test_numpy_scalars_and_namedtuples_pass_the_plain_type_checks():
    from collections import namedtuple

    import numpy as np

    best = np.array(["jieba", "course"])[1]
    assert make_checker(best).expect_type("v", str)
    assert make_checker(best).expect_equal("v", "course")
    assert make_checker(np.float64(0.5)).expect_type("v", float)
    assert make_checker(np.int64(3)).expect_type("v", int)
    assert make_checker(np.int64(3)).expect_type("v", np.int64)  # the instructor may name it
    assert make_checker({"a": np.float64(0.5)}).expect_type("v", dict, value_type=float)
    scores = namedtuple("Scores", "precision recall f1")(0.5, 2 / 3, 4 / 7)
    ck = make_checker(scores)
    assert ck.expect_type("v", tuple, item_type=float)
    assert ck.expect_equal("v", (0.5, 2 / 3, 4 / 7), tol=1e-9)
    assert not make_checker(np.float64(0.5)).expect_type("v", str)


def test_an_unsupported_type_is_reported_with_the_supported_types():
    ck = make_checker(object())
    ck.expect_equal("v", 1)
    assert "unsupported type object" in ck.results[0].en
    assert "supported: str, int, float" in ck.results[0].en and "namedtuple" in ck.results[0].en
