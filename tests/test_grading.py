"""Tests for beyond_traffic.grading: canonical data, expectations, report, record and replay."""

from __future__ import annotations

import builtins
import json
from collections import Counter

import nbformat
import pandas as pd
import pytest
from nbgrader.utils import determine_grade

from beyond_traffic import grading
from beyond_traffic.grading import (
    OBSERVATIONS_ENV,
    REPLAY_ENV,
    CanonicalError,
    Checker,
    canonicalize,
    decode,
    encode,
    load_observations,
)


class AlwaysEqual(list):
    def __eq__(self, other):
        return True

    __hash__ = None


class SneakyStr(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 0


class Exploding:
    def __eq__(self, other):
        raise AssertionError("student __eq__ was called")

    def __repr__(self):
        raise AssertionError("student __repr__ was called")

    __hash__ = None


def _checker(value, *, points=1, name="v"):
    ck = Checker("q", points=points)
    ck.observe(name, lambda: value)
    return ck


# --------------------------------------------------------------------------- canonical data


def test_canonicalize_keeps_exact_builtin_types():
    value = ["流量", ("之外", 1), {"词": 2.5, 3: None}, {True}, frozenset({"平台"})]
    tag, data = canonicalize(value)
    assert tag == "list"
    assert data == value
    assert type(data[1]) is tuple and type(data[3]) is set and type(data[4]) is frozenset


def test_canonicalize_refuses_subclasses_without_calling_them():
    for bad in (AlwaysEqual(["流量"]), SneakyStr("流量"), [Exploding()], {"k": Exploding()}):
        with pytest.raises(CanonicalError, match="unsupported type"):
            canonicalize(bad)


def test_canonicalize_counter_becomes_plain_dict_with_tag():
    tag, data = canonicalize(Counter("流量流"))
    assert tag == "Counter"
    assert type(data) is dict and data == {"流": 2, "量": 1}


def test_canonicalize_pandas_by_value():
    df = pd.DataFrame({"词": ["流量", "平台"], "次数": [3, 2]})
    tag, data = canonicalize(df)
    assert tag == "DataFrame"
    assert data == {"columns": ["词", "次数"], "index": [0, 1], "data": [["流量", 3], ["平台", 2]]}
    assert all(type(row[1]) is int for row in data["data"])  # numpy ints became int
    tag, data = canonicalize(df["次数"])
    assert tag == "Series" and data["data"] == [3, 2] and data["name"] == "次数"


def test_canonicalize_limits_size_depth_and_cycles():
    with pytest.raises(CanonicalError, match="too large"):
        canonicalize(["字"] * (grading.MAX_NODES + 1))
    deep: list = []
    for _ in range(grading.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(CanonicalError, match="deeply"):
        canonicalize(deep)
    loop: list = []
    loop.append(loop)
    with pytest.raises(CanonicalError):
        canonicalize(loop)


@pytest.mark.parametrize(
    "value",
    [["流量", ("之外", 1)], {"a": [1.5, float("inf")], 2: {"b"}}, None, True, -(10**30)],
)
def test_encode_decode_round_trip(value):
    _, data = canonicalize(value)
    assert decode(json.loads(json.dumps(encode(data)))) == data


@pytest.mark.parametrize(
    "bad", [[], ["x", 1], ["s", 1], ["i", "1" * 5000], ["l", [["zz"]]], ["S", [["l", []]]], "s"]
)
def test_decode_refuses_malformed(bad):
    with pytest.raises((CanonicalError, ValueError)):
        decode(bad)


# --------------------------------------------------------------------------- expectations


def test_rigged_eq_earns_nothing_and_is_never_called():
    ck = _checker(AlwaysEqual(["流量"]), points=2)
    assert ck.expect_equal("v", ["流量"], points=2) is False
    ck.observe("boom", lambda: [Exploding()])
    ck.expect_equal("boom", [1], points=0)
    assert ck.report(quiet=True) == 0.0
    assert "unsupported type AlwaysEqual" in ck.results[0].en


def test_expect_type_is_exact_and_gates_later_checks():
    ck = _checker((1, 2), points=1)
    assert ck.expect_type("v", list) is False
    assert ck.expect_equal("v", (1, 2)) is False  # gated: not compared after a type failure
    assert ck.score == 0
    ck2 = _checker(["流量", 3])
    assert ck2.expect_type("v", list, item_type=str) is False
    assert "item 1" in ck2.results[0].en


def test_expect_equal_normalisations():
    assert _checker([" 流量 ", "平台"]).expect_equal("v", ["流量", "平台"], strip=True)
    assert _checker(["b", "a", "a"]).expect_equal("v", ["a", "a", "b"], ignore_order=True)
    assert not _checker(["b", "a"]).expect_equal("v", ["a", "a", "b"], ignore_order=True)
    assert _checker(["b", "a", "a"]).expect_equal("v", {"a", "b"}, as_set=True)
    assert _checker(0.1 + 0.2).expect_equal("v", 0.3, tol=1e-9)
    assert not _checker(0.1 + 0.2).expect_equal("v", 0.3)
    assert not _checker(1).expect_equal("v", 1.0)  # type-strict without tol
    assert _checker(1).expect_equal("v", 1.0, tol=0.0)
    assert _checker("ABC").expect_equal("v", "abc", casefold=True)


def test_partial_credit_in_proportion_to_matching_items():
    ck = _checker(["流量", "平台", "算法", "错"], points=4)
    ck.expect_equal("v", ["流量", "平台", "算法", "对"], points=4, partial=True)
    assert ck.score == pytest.approx(3.0)
    assert ck.report(quiet=True) == pytest.approx(3.0)


def test_failure_messages_never_show_the_expected_value():
    secret = ["机密答案甲", "机密答案乙"]
    for value in (["错"], ["错", "也错"], "字符串", 7, {"k": 1}, {"错"}):
        ck = _checker(value)
        ck.expect_equal("v", secret if not isinstance(value, dict) else {"机密答案甲": 2})
        ck.expect_contains("v", secret)
        msg = " ".join(r.zh + r.en for r in ck.results)
        assert "机密答案" not in msg
        assert msg  # something is said about what is wrong


def test_messages_say_what_is_wrong():
    ck = _checker(["流量", "x", "算法"])
    ck.expect_equal("v", ["流量", "平台", "算法"], zh="不对", en="wrong")
    assert "items 1" in ck.results[0].en and ck.results[0].zh.startswith("不对")
    ck = _checker(["流量"])
    ck.expect_equal("v", ["流量", "平台"])
    assert "length 1" in ck.results[0].en


def test_expect_len_contains_subset_true_ok():
    ck = Checker("q", points=6)
    ck.observe("kw", lambda: ["流量", "平台", "算法"])
    assert ck.expect_len("kw", 3)
    assert ck.expect_len("kw", min_len=1, max_len=5)
    assert ck.expect_contains("kw", ["流量", "算法"])
    assert ck.expect_subset("kw", {"流量", "平台", "算法", "直播"})
    assert ck.expect_true("kw", lambda v: v[0] == "流量")
    assert ck.expect_ok("kw")
    assert ck.report(quiet=True) == 6.0
    ck = _checker(["流量", "外"], points=1)
    assert not ck.expect_subset("v", ["流量"])
    assert "'外'" in ck.results[0].en  # the student's own unexpected item may be shown
    ck = _checker("流量之外是什么")
    assert ck.expect_contains("v", "之外")


def test_expect_true_predicate_error_is_a_failure():
    ck = _checker(["流量"])
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
    ck = _checker(["流量"], points=1)
    ck.expect_equal("v", ["流量"], points=1)
    ck.expect_len("v", 1, points=1)
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
        ck = _checker(AlwaysEqual(), points=1)
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


def test_replay_last_record_wins_and_missing_scores_zero(tmp_path, monkeypatch):
    obs = tmp_path / "obs.jsonl"
    lines = [
        {"checker": "t", "name": "v", "tag": "list", "value": encode(["错"])},
        "not json",
        {"checker": "t", "name": "v", "tag": "list", "value": ["l", [["s", 1]]]},  # malformed
        {"checker": "t", "name": "v", "tag": "list", "value": encode(["流量"])},
    ]
    obs.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    assert load_observations(str(obs))[("t", "v")].value == ["流量"]
    monkeypatch.setenv(REPLAY_ENV, str(obs))
    ck = Checker("t", points=2)
    ck.observe("v", lambda: None)
    ck.observe("w", lambda: None)
    assert ck.expect_equal("v", ["流量"])
    assert not ck.expect_ok("w")
    assert ck.report(quiet=True) == 1.0


def test_oversized_observation_file_is_ignored(tmp_path, monkeypatch):
    obs = tmp_path / "obs.jsonl"
    obs.write_text(json.dumps({"checker": "t", "name": "v", "tag": "int", "value": ["i", "1"]}))
    monkeypatch.setattr(grading, "MAX_FILE_BYTES", 10)
    assert load_observations(str(obs)) == {}


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
