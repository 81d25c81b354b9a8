"""Tests for beyond_traffic.lexicons: the stopword list stays apart from hedge/certainty/filler."""

from __future__ import annotations

import pickle
import re
from importlib import resources

import pytest

from beyond_traffic import lexicons
from beyond_traffic.count import is_punct
from beyond_traffic.lexicons import (
    CERTAINTY,
    EVIDENCE_PATTERNS,
    FILLERS,
    HEDGES,
    PREDICTIONS,
    Lexicon,
    stopwords,
)

# Lists the issue names word for word.
ISSUE_STOPWORDS = [
    "的",
    "了",
    "是",
    "在",
    "和",
    "与",
    "也",
    "都",
    "就",
    "而",
    "及",
    "等",
    "这",
    "那",
    "一个",
]
ISSUE_HEDGES = ["或许", "可能", "也许", "似乎", "大概", "恐怕"]
ISSUE_CERTAINTY = ["必然", "一定", "无疑", "显然", "注定", "将会", "毋庸置疑", "终将", "必将"]
ISSUE_FILLERS = ["方式和方法", "仅仅只是", "而已"]
ISSUE_PREDICTIONS = ["将会", "必然", "终将", "注定"]


def test_stopwords_is_a_cached_frozenset_of_words():
    words = stopwords()
    assert type(words) is frozenset
    assert words is stopwords()
    assert all(isinstance(w, str) and w and w == w.strip() for w in words)


@pytest.mark.parametrize("word", ISSUE_STOPWORDS)
def test_function_words_are_stopwords(word):
    assert word in stopwords()


def test_stopwords_hold_no_punctuation():
    # Punctuation is dropped by count.frequencies(drop_punct=True), not by the list.
    assert not [w for w in stopwords() if is_punct(w)]


@pytest.mark.parametrize(
    ("lexicon", "required"),
    [
        (HEDGES, ISSUE_HEDGES),
        (CERTAINTY, ISSUE_CERTAINTY),
        (FILLERS, ISSUE_FILLERS),
        (PREDICTIONS, ISSUE_PREDICTIONS),
    ],
)
def test_lexicons_contain_the_issue_terms(lexicon, required):
    assert set(required) <= lexicon


@pytest.mark.parametrize("lexicon", [HEDGES, CERTAINTY, FILLERS, PREDICTIONS], ids=lambda x: x.name)
def test_no_lexicon_term_is_ever_a_stopword(lexicon):
    assert len(lexicon) > 0
    assert lexicon.isdisjoint(stopwords()), sorted(lexicon & stopwords())


def test_hedges_and_certainty_do_not_overlap():
    # A word cannot both lower and raise commitment; 或将 is a hedged prediction, not certain.
    assert HEDGES.isdisjoint(CERTAINTY)


def test_predictions_come_from_the_tagged_terms():
    assert PREDICTIONS == HEDGES.tagged("prediction") | CERTAINTY.tagged("prediction")
    assert "或将" in PREDICTIONS and "或将" in HEDGES
    assert "显然" not in PREDICTIONS  # certain, but about the present


def test_stopwords_refuse_a_list_that_contains_a_hedge(monkeypatch):
    monkeypatch.setattr(lexicons, "_stopwords", lambda: frozenset({"的", "或许"}))
    with pytest.raises(ValueError, match="或许"):
        stopwords()


def test_find_prefers_the_longest_term():
    assert CERTAINTY.find("毫无疑问，这是必然的") == ["毫无疑问", "必然"]
    assert FILLERS.find("仅仅只是方式和方法而已") == ["仅仅只是", "方式和方法", "而已"]


@pytest.mark.parametrize(
    ("lexicon", "text", "expected"),
    [
        (HEDGES, "找到更多的发展可能性", []),  # a noun, not a hedge
        (HEDGES, "这不可能实现", []),
        (CERTAINTY, "这不可能实现", ["不可能"]),
        (CERTAINTY, "这不一定对", []),  # "not necessarily" lowers commitment …
        (HEDGES, "这不一定对", ["不一定"]),  # … so it is a hedge
        (CERTAINTY, "在一定程度上改变", []),
        (HEDGES, "在一定程度上改变", ["一定程度上"]),
        (CERTAINTY, "它一定会改变", ["一定"]),
    ],
)
def test_find_respects_exceptions(lexicon, text, expected):
    assert lexicon.find(text) == expected
    assert lexicon.count(text) == len(expected)


def test_find_on_empty_text_and_empty_lexicon():
    assert HEDGES.find("") == []
    assert Lexicon([], name="empty").find("或许") == []


@pytest.mark.parametrize("bad", [None, b"\xe6\x88\x96", 3, ["或许"]])
def test_find_rejects_non_str(bad):
    with pytest.raises(TypeError, match="text must be str"):
        HEDGES.find(bad)


def test_lexicon_survives_pickling():
    copy = pickle.loads(pickle.dumps(CERTAINTY))
    assert copy == CERTAINTY
    assert (copy.name, copy.exceptions, copy.tags) == (
        CERTAINTY.name,
        CERTAINTY.exceptions,
        CERTAINTY.tags,
    )
    assert copy.find("不一定") == []


def test_loader_rejects_duplicates_and_stray_fields(monkeypatch):
    monkeypatch.setattr(lexicons, "_read", lambda name: [(1, "或许"), (2, "或许")])
    with pytest.raises(ValueError, match="listed twice"):
        lexicons._load_lexicon("hedges")
    monkeypatch.setattr(lexicons, "_read", lambda name: [(3, "或许 也许")])
    with pytest.raises(ValueError, match="line 3"):
        lexicons._load_lexicon("hedges")


@pytest.mark.parametrize(
    "name", ["stopwords.txt", "hedges.txt", "certainty.txt", "fillers.txt", "evidence.txt"]
)
def test_data_files_explain_their_choices(name):
    text = (resources.files("beyond_traffic") / "data" / name).read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert text.startswith("#")
    assert len(comments) >= 3


def test_evidence_patterns_are_named_compiled_regexes():
    names = [p.name for p in EVIDENCE_PATTERNS]
    assert len(names) == len(set(names))
    assert all(isinstance(p.regex, re.Pattern) for p in EVIDENCE_PATTERNS)


EVIDENCE_EXAMPLES = {
    "according_to": ["据36氪报道", "据阿里新季度财报显示", "根据艾媒数据显示"],
    "data_shows": ["数据显示", "财报显示"],
    "report": ["财报", "报告"],
    "named_work": ["《淘宝技术这十年》"],
    "percentage": ["60%", "12.5％", "百分之三十"],
    "quantity": ["5000亿元", "8个季度", "50万", "35万小时", "40万人"],
    "attributed_quote": ["所言：“"],
}


@pytest.mark.parametrize(
    ("name", "example"), [(n, e) for n, examples in EVIDENCE_EXAMPLES.items() for e in examples]
)
def test_each_evidence_pattern_matches_its_examples(name, example):
    regex = dict(EVIDENCE_PATTERNS)[name]
    assert regex.fullmatch(example), (name, example)


def test_every_evidence_pattern_has_an_example():
    assert set(EVIDENCE_EXAMPLES) == {p.name for p in EVIDENCE_PATTERNS}


@pytest.mark.parametrize("text", ["2020年", "B2C", "S2B模式", "3、2、1上链接", "一个季度"])
def test_quantity_ignores_years_codes_and_bare_numbers(text):
    assert dict(EVIDENCE_PATTERNS)["quantity"].search(text) is None
