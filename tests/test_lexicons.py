"""Tests for beyond_traffic.lexicons: marker lexicons, their revision record, stopwords apart."""

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
    STANCE,
    Lexicon,
    lexicon_changes,
    previous_version,
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
ISSUE_HEDGES = ["或许", "可能", "也许", "似乎", "大概", "恐怕", "更像是"]  # 更像是: issue 11
# Issue 11 moved 将会 from certainty to predictions (future tense is not a booster) and 而已
# from filler to stance (a minimiser does a job); the earlier issue's other terms stay.
ISSUE_CERTAINTY = ["必然", "一定", "无疑", "显然", "注定", "毋庸置疑", "终将", "必将"]
ISSUE_FILLERS = ["方式和方法", "仅仅只是"]
ISSUE_PREDICTIONS = ["将会", "必然", "终将", "注定"]
ISSUE_STANCE = ["所谓", "其实", "而已", "在我看来"]


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
        (STANCE, ISSUE_STANCE),
    ],
)
def test_lexicons_contain_the_issue_terms(lexicon, required):
    assert set(required) <= lexicon


@pytest.mark.parametrize(
    "lexicon", [HEDGES, CERTAINTY, FILLERS, PREDICTIONS, STANCE], ids=lambda x: x.name
)
def test_no_lexicon_term_is_ever_a_stopword(lexicon):
    assert len(lexicon) > 0
    assert lexicon.isdisjoint(stopwords()), sorted(lexicon & stopwords())


def test_hedges_and_certainty_do_not_overlap():
    # A word cannot both lower and raise commitment; 或将 is a hedged prediction, not certain.
    assert HEDGES.isdisjoint(CERTAINTY)


def test_predictions_are_the_tagged_terms_plus_plain_future_markers():
    tagged = HEDGES.tagged("prediction") | CERTAINTY.tagged("prediction")
    assert tagged < PREDICTIONS
    assert {"将会", "都将", "将不再"} <= PREDICTIONS - tagged
    # what is neither tagged nor plain future would be a booster or a hedge in disguise
    assert not (PREDICTIONS - tagged) & (HEDGES | CERTAINTY)
    assert "或将" in PREDICTIONS and "或将" in HEDGES
    assert "显然" not in PREDICTIONS  # certain, but about the present


def test_future_tense_is_a_prediction_not_a_booster():
    # guideline §4.2: 将会 places a claim in the future; it neither raises nor lowers commitment
    assert "将会" in PREDICTIONS and "将会" not in CERTAINTY and "将会" not in HEDGES
    assert CERTAINTY.find("它的退场将会是必然") == ["必然"]


def test_stance_words_are_not_filler_and_filler_is_synonym_doubling():
    assert FILLERS.isdisjoint(STANCE)
    assert FILLERS == {"方式和方法", "仅仅只是"}
    assert STANCE.find("所谓的直播带货其实仅仅只是营销而已") == ["所谓", "其实", "而已"]


@pytest.mark.parametrize(
    ("lexicon", "text", "expected"),
    [
        (HEDGES, "在我看来，这其实是打破", []),  # self-mention frame: stance, §8.4
        (STANCE, "在我看来，这其实是打破", ["在我看来", "其实"]),
        (HEDGES, "在他们看来，它仅仅只是营销", []),  # reports others' view, §3.5
        (HEDGES, "几乎所有的玩家都在追逐流量", []),  # a sweeping universal, §3.4
        (HEDGES, "几乎是无法获得长久的发展", ["几乎"]),  # a softened impossibility
        (HEDGES, "这或许才是正确的方向", []),  # emphatic thesis formula, §8.5
        (STANCE, "这或许才是正确的方向", ["或许才是"]),
        (HEDGES, "所谓的火爆或许仅仅只是昙花一现", ["或许"]),
        (HEDGES, "它代表的更像是一种新方向", ["更像是"]),
        (CERTAINTY, "这不过是理所当然，当然如此", ["理所当然", "当然"]),
        (PREDICTIONS, "继续去中间化只会带来更多痛点", ["只会"]),
    ],
)
def test_revised_entries_behave_as_the_guideline_says(lexicon, text, expected):
    assert lexicon.find(text) == expected


def test_stopwords_refuse_a_list_that_contains_a_hedge(monkeypatch):
    monkeypatch.setattr(lexicons, "_stopwords", lambda: frozenset({"的", "或许"}))
    with pytest.raises(ValueError, match="或许"):
        stopwords()


def test_find_prefers_the_longest_term():
    assert CERTAINTY.find("毫无疑问，这是必然的") == ["毫无疑问", "必然"]
    assert FILLERS.find("仅仅只是方式和方法而已") == ["仅仅只是", "方式和方法"]
    assert CERTAINTY.find("这是理所当然的") == ["理所当然"]  # not 当然 inside it


@pytest.mark.parametrize(
    ("lexicon", "text", "expected"),
    [
        (HEDGES, "找到更多的发展可能性", []),  # a noun, not a hedge
        (HEDGES, "这不可能实现", []),
        (CERTAINTY, "这不可能实现", ["不可能"]),
        (CERTAINTY, "这不一定对", []),  # "not necessarily" lowers commitment …
        (HEDGES, "这不一定对", ["不一定"]),  # … so it is a hedge
        (CERTAINTY, "在一定程度上改变", []),
        (HEDGES, "在一定程度上改变", ["在一定程度上"]),
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
    "name",
    [
        "stopwords.txt",
        "hedges.txt",
        "certainty.txt",
        "fillers.txt",
        "evidence.txt",
        "stance.txt",
        "predictions.txt",
        "lexicon_changes.tsv",
    ],
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
    "according_to_bare": ["据悉", "据统计"],
    "institution": ["艾媒咨询数据", "国家统计局统计", "QuestMobile数据"],
    "quantity_zh": ["上百万人", "几十万家", "数千万用户"],
    "growth": ["翻倍", "翻了一番", "增长了3倍"],
    "dated_event": ["2020年6月", "6月18日", "2019年11月11日"],
    "named_list": ["阿里、腾讯、京东", "抖音和快手"],
    "named_example": ["拼多多的成功", "小米的做法"],
    "for_example": ["以某品牌为例", "比如，格力", "例如Zara"],
    "named_speaker": ["曾鸣博士"],
    "dated_festival": ["2019年双十一", "去年的618"],
    "attributed_view": ["业内人士认为", "负责人表示"],
}


@pytest.mark.parametrize(
    ("name", "example"), [(n, e) for n, examples in EVIDENCE_EXAMPLES.items() for e in examples]
)
def test_each_evidence_pattern_matches_its_examples(name, example):
    regex = dict(EVIDENCE_PATTERNS)[name]
    # followed by a comma, as in running text (named_speaker needs a pause or verb after the name)
    found = regex.match(example + "，")
    assert found and found.group() == example, (name, example)


def test_every_evidence_pattern_has_an_example():
    assert set(EVIDENCE_EXAMPLES) == {p.name for p in EVIDENCE_PATTERNS}


def test_a_named_speaker_needs_a_verb_or_a_pause_after_the_name():
    regex = dict(EVIDENCE_PATTERNS)["named_speaker"]
    assert regex.search("创始人张小龙说")
    assert regex.search("曾鸣博士谈及淘宝")
    assert not regex.search("他是一位博士")


@pytest.mark.parametrize("text", ["十分重要", "千万不要", "一个人", "一对一", "万一失败"])
def test_chinese_numeral_quantities_need_a_magnitude_and_a_unit(text):
    assert dict(EVIDENCE_PATTERNS)["quantity_zh"].search(text) is None


@pytest.mark.parametrize("text", ["2020年", "B2C", "S2B模式", "3、2、1上链接", "一个季度"])
def test_quantity_ignores_years_codes_and_bare_numbers(text):
    assert dict(EVIDENCE_PATTERNS)["quantity"].search(text) is None


# --- spans and the revision record ----------------------------------------------------------------


def test_spans_give_offsets_that_index_the_text():
    text = "可能性不是可能，在我看来或许才是"
    spans = HEDGES.spans(text)
    assert [t for t, _, _ in spans] == HEDGES.find(text) == ["可能"]
    assert all(text[a:b] == t for t, a, b in spans)
    assert STANCE.spans(text) == [("在我看来", 8, 12), ("或许才是", 12, 16)]


def test_every_recorded_change_is_in_force():
    lexicons_by_name = {
        "hedges": HEDGES,
        "certainty": CERTAINTY,
        "predictions": PREDICTIONS,
        "fillers": FILLERS,
        "stance": STANCE,
    }
    changes = lexicon_changes()
    assert changes, "issue 11 revised the lexicons"
    for change in changes:
        lexicon = lexicons_by_name[change.lexicon]
        assert change.reason.startswith("§"), change  # every edit cites the guideline
        if change.action == "add":
            assert change.term in lexicon, change
        elif change.action == "remove":
            assert change.term not in lexicon, change
        else:
            assert change.term in lexicon.exceptions, change


def test_previous_version_undoes_the_changes():
    old = previous_version("certainty")
    assert {"将会", "都将", "将不再", "事实上"} <= old
    assert "当然" not in old and "只会" not in old
    assert previous_version(FILLERS) >= {"其实", "所谓的", "而已", "由此可见"}
    assert previous_version("stance") == frozenset()
    assert "几乎所有" not in previous_version("hedges").exceptions
    assert previous_version("hedges").find("几乎所有的玩家") == ["几乎"]


def test_previous_version_rejects_bad_names():
    with pytest.raises(ValueError, match="no course lexicon"):
        previous_version("boosters")
    with pytest.raises(TypeError, match="Lexicon or its name"):
        previous_version(3)


def test_change_record_rejects_malformed_lines(monkeypatch):
    monkeypatch.setattr(lexicons, "_read", lambda name: [(7, "hedges\tdelete\t或许\twhy")])
    lexicons._changes.cache_clear()
    try:
        with pytest.raises(ValueError, match="line 7"):
            lexicon_changes()
    finally:
        monkeypatch.undo()
        lexicons._changes.cache_clear()
