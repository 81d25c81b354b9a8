"""Tests for beyond_traffic.selfcheck: verdicts, placeholders, exact types, no answer leaks."""

from __future__ import annotations

import re

import pytest

from beyond_traffic.selfcheck import (
    check,
    check_choice,
    check_function,
    check_number,
    check_regex,
    check_set,
    check_text,
    check_tokens,
    is_placeholder,
)


class AlwaysEqual:
    """The classic grading trick: equal to everything, hash of nothing in particular."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__


class SneakyStr(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


class SneakyList(list):
    def __eq__(self, other):
        return True


def run(capsys, func, *args, **kwargs):
    """Call a check, return (result, stdout) and assert stderr stayed empty."""
    result = func(*args, **kwargs)
    out, err = capsys.readouterr()
    assert err == ""
    return result, out


SECRET = ["产业互联网", "的", "前奏曲"]


# --- placeholders --------------------------------------------------------------------------


@pytest.mark.parametrize("placeholder", [None, ...])
@pytest.mark.parametrize(
    ("func", "kwargs"),
    [
        (check_tokens, {"expected": SECRET}),
        (check_text, {"expected": "流量"}),
        (check_set, {"expected": {"或许", "可能"}}),
        (check_number, {"expected": 29}),
        (check_choice, {"expected": "B", "options": ["A", "B"]}),
        (check_regex, {"cases": [("產(chǎn)", "產")]}),
        (check_function, {"cases": [(("直播",), 2)]}),
        (check, {"expected": {"A1": 3}}),
    ],
)
def test_placeholder_is_not_answered_yet_and_raises_nothing(capsys, placeholder, func, kwargs):
    result, out = run(capsys, func, placeholder, **kwargs)
    assert result is False
    assert "还没作答" in out and "not answered yet" in out
    assert "✗" not in out


def test_is_placeholder_only_for_none_and_ellipsis():
    assert is_placeholder(None) and is_placeholder(...)
    assert not any(is_placeholder(v) for v in ("", 0, [], "None", False))


# --- tokens --------------------------------------------------------------------------------


def test_tokens_right_answer_accepted_as_list_or_tuple(capsys):
    for answer in (list(SECRET), tuple(SECRET)):
        result, out = run(capsys, check_tokens, answer, expected=SECRET)
        assert result is True
        assert "✓" in out and "正确" in out and "correct" in out


def test_tokens_wrong_length_says_lengths_not_tokens(capsys):
    result, out = run(capsys, check_tokens, ["产业", "互联网", "的", "前奏曲"], expected=SECRET)
    assert result is False
    assert "长度" in out and "length" in out
    assert str(len(SECRET)) in out
    assert "产业互联网" not in out


def test_tokens_wrong_item_names_position_and_learners_token_only(capsys):
    answer = ["产业互联", "的", "前奏曲"]
    result, out = run(
        capsys, check_tokens, answer, expected=SECRET, hint_zh="查词典", hint_en="dict"
    )
    assert result is False
    assert "第 1 项" in out and "position 1" in out
    assert "产业互联" in out and "'产业互联网'" not in out
    assert "查词典" in out and "dict" in out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("产业互联网 的 前奏曲", ("类型", "str")),
        ({"产业互联网": 1}, ("类型", "dict")),
        (["产业互联网", 1, "前奏曲"], ("第 2 项", "int")),
        (SneakyList(SECRET), ("类型", "SneakyList")),
        ([SneakyStr("x"), "的", "前奏曲"], ("第 1 项", "SneakyStr")),
        (AlwaysEqual(), ("类型", "AlwaysEqual")),
    ],
)
def test_tokens_wrong_types_refused_including_eq_tricks(capsys, answer, words):
    result, out = run(capsys, check_tokens, answer, expected=SECRET)
    assert result is False
    for word in words:
        assert word in out


def test_expected_is_validated_because_it_is_the_authors_bug():
    with pytest.raises(TypeError, match="expected"):
        check_tokens(["a"], expected="a b")
    with pytest.raises(TypeError, match="hint"):
        check_tokens(["a"], expected=["a"], hint_zh=None)


# --- text ----------------------------------------------------------------------------------


def test_text_strips_whitespace_and_reports_first_difference(capsys):
    assert run(capsys, check_text, " 流量之外\n", expected="流量之外")[0] is True
    result, out = run(capsys, check_text, "流量以外", expected="流量之外")
    assert result is False
    assert "第 3 个字符" in out and "character 3" in out
    assert "之外" not in out


def test_text_refuses_str_subclass_with_eq_trick(capsys):
    result, out = run(capsys, check_text, SneakyStr("whatever"), expected="流量")
    assert result is False and "SneakyStr" in out


# --- sets ----------------------------------------------------------------------------------


def test_set_counts_missing_and_echoes_only_extras(capsys):
    expected = {"或许", "可能", "也许"}
    result, out = run(capsys, check_set, ["或许", "必然", "或许"], expected=expected)
    assert result is False
    assert "少了 2 项" in out and "2 missing" in out
    assert "必然" in out
    assert "可能" not in out and "也许" not in out


def test_set_ignores_order_and_duplicates(capsys):
    assert run(capsys, check_set, ["可能", "或许", "可能"], expected={"或许", "可能"})[0] is True


def test_set_refuses_non_str_items_before_hashing_them(capsys):
    result, out = run(capsys, check_set, [SneakyStr("或许"), "可能"], expected={"或许", "可能"})
    assert result is False and "SneakyStr" in out


# --- numbers -------------------------------------------------------------------------------


def test_number_says_direction_not_value(capsys):
    result, out = run(capsys, check_number, 31, expected=29)
    assert result is False and "太大" in out and "29" not in out
    result, out = run(capsys, check_number, 2, expected=29)
    assert result is False and "太小" in out


def test_number_tolerance_and_numpy_scalars(capsys):
    np = pytest.importorskip("numpy")
    assert run(capsys, check_number, 1.234, expected=1.23, abs_tol=0.01)[0] is True
    assert run(capsys, check_number, np.int64(29), expected=29)[0] is True
    assert run(capsys, check_number, np.float64(0.5), expected=0.5)[0] is True


@pytest.mark.parametrize("answer", [True, "29", [29], AlwaysEqual(), float("nan")])
def test_number_refuses_bools_strings_and_tricks(capsys, answer):
    result, out = run(capsys, check_number, answer, expected=29)
    assert result is False and "✗" in out


def test_number_string_gets_quote_hint(capsys):
    out = run(capsys, check_number, "29", expected=29)[1]
    assert "引号" in out and "quotes" in out


# --- choices -------------------------------------------------------------------------------


def test_choice_normalises_case_and_space(capsys):
    options = ["A1", "A2", "A3", "A4", "A5"]
    assert run(capsys, check_choice, " a3 ", expected="A3", options=options)[0] is True
    result, out = run(capsys, check_choice, "A2", expected="A3", options=options)
    assert result is False and "A2" in out and "A3" not in out.replace("A2", "")


def test_choice_outside_options_is_named(capsys):
    result, out = run(capsys, check_choice, "E", expected="B", options="ABCD")
    assert result is False and "'E'" in out


def test_choice_multi_select(capsys):
    assert run(capsys, check_choice, ["b", "a"], expected={"A", "B"})[0] is True
    result, out = run(capsys, check_choice, ["A"], expected={"A", "B"})
    assert result is False and "少选了 1" in out
    result, out = run(capsys, check_choice, "A", expected={"A", "B"})
    assert result is False and "list" in out


def test_choice_refuses_tricks(capsys):
    assert run(capsys, check_choice, AlwaysEqual(), expected="A")[0] is False
    assert run(capsys, check_choice, SneakyStr("A"), expected="A")[0] is False


# --- regex ---------------------------------------------------------------------------------

PINYIN_CASES = [("產(chǎn)業(yè)互聯(lián)網(wǎng)", "產業互聯網"), ("直播帶(dài)貨", "直播帶貨")]


def test_regex_right_pattern_passes(capsys):
    assert run(capsys, check_regex, r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", cases=PINYIN_CASES)[0]


def test_regex_wrong_pattern_shows_learners_output_not_expected(capsys):
    result, out = run(capsys, check_regex, r"\([a-z]+\)", cases=PINYIN_CASES)
    assert result is False
    assert "2 个例子中有 2 个不对" in out
    assert "產(chǎn)業(yè)互聯(lián)網(wǎng)" in out  # the input and the unchanged output
    assert "'產業互聯網'" not in out


def test_regex_that_does_not_compile_is_feedback(capsys):
    result, out = run(capsys, check_regex, r"\([a-z+", cases=PINYIN_CASES)
    assert result is False and "compile" in out


def test_regex_accepts_compiled_pattern_and_refuses_other_types(capsys):
    assert run(capsys, check_regex, re.compile(r"\(.*?\)"), cases=PINYIN_CASES)[0] is True
    result, out = run(capsys, check_regex, 42, cases=PINYIN_CASES)
    assert result is False and "int" in out


# --- functions -----------------------------------------------------------------------------


def test_function_checks_results_exactly(capsys):
    cases = [(("直播带货",), 4), (("",), 0)]
    assert run(capsys, check_function, len, cases=cases)[0] is True
    result, out = run(capsys, check_function, lambda s: str(len(s)), cases=cases)
    assert result is False and "str" in out
    result, out = run(capsys, check_function, lambda s: AlwaysEqual(), cases=cases)
    assert result is False and "AlwaysEqual" in out


def test_function_exception_is_reported_by_type(capsys):
    result, out = run(capsys, check_function, lambda s: 1 / 0, cases=[(("x",), 1)])
    assert result is False and "ZeroDivisionError" in out


# --- check() dispatch ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "right", "wrong"),
    [
        ("流量", "流量", "赋能"),
        (SECRET, list(SECRET), SECRET[:2]),
        ({"或许"}, ["或许"], ["必然"]),
        (29, 29, 30),
        ({"A1": 3, "A2": 29}, {"A2": 29, "A1": 3}, {"A1": 3, "A2": 28}),
        ([("流量", 3)], [("流量", 3)], [["流量", 3]]),
    ],
)
def test_check_dispatches_on_expected(capsys, expected, right, wrong):
    assert run(capsys, check, right, expected=expected)[0] is True
    assert run(capsys, check, wrong, expected=expected)[0] is False


def test_check_exact_refuses_eq_trick_and_reports_length(capsys):
    assert run(capsys, check, AlwaysEqual(), expected={"A1": 3})[0] is False
    result, out = run(capsys, check, {"A1": 3}, expected={"A1": 3, "A2": 1})
    assert result is False and "长度" in out


def test_check_choice_kind_and_bad_kind(capsys):
    assert run(capsys, check, "b", expected="B", kind="choice")[0] is True
    with pytest.raises(ValueError, match="kind"):
        check("b", expected="B", kind="letter")
    with pytest.raises(TypeError, match="kind"):
        check("b", expected="B", kind=1)
