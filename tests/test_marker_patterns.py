"""Tests for beyond_traffic.marker_patterns: open-class markers found by kind, not by instance."""

from __future__ import annotations

import pytest

from beyond_traffic import marker_patterns
from beyond_traffic.claims import find_markers, marker_spans
from beyond_traffic.marker_patterns import (
    PATTERN_CATEGORIES,
    filler_spans,
    near_synonyms,
    pattern_spans,
)
from beyond_traffic.marker_patterns import (
    marker_patterns as patterns,
)

# Sentences written for these tests (not from any article): one per kind of marker that word
# lists fitted to the five articles missed on other pages.
KINDS = [
    ("实际上，平台并没有改变商品。", "stance", "实际上"),
    ("这些商家最终可能面临被淘汰的命运。", "prediction", "最终"),
    ("主播有时也会夸大效果。", "hedge", "有时"),
    ("这种趋势不可阻挡。", "certainty", "不可阻挡"),
    ("偏偏是这些小品牌活了下来。", "stance", "偏偏"),
    ("原因无外乎两点。", "stance", "无外乎"),
    ("我总觉得这门生意还没有开始。", "stance", "我总觉得"),
    ("我们需要新的方法和途径。", "filler", "方法和途径"),
    ("它背后的思想和逻辑并不新。", "filler", "思想和逻辑"),
    ("要看清它的内涵与意义。", "filler", "内涵与意义"),
    ("零售业依然还在摸索。", "filler", "依然还"),
    ("平台早就已经布局了。", "filler", "早就已经"),
    ("这仅仅只能算是开始。", "filler", "仅仅只"),
    ("直播电商将重塑供应链。", "prediction", "将"),
    ("据悉，该平台正在调整策略。", "evidence", "据悉"),
    ("艾媒咨询数据显示，用户规模仍在增长。", "evidence", "艾媒咨询数据显示"),
    ("2021年6月，这家公司宣布转型。", "evidence", "2021年6月"),
    ("以某服装品牌为例，它的退货率很高。", "evidence", "以某服装品牌为例"),
]


@pytest.mark.parametrize(("sentence", "category", "span"), KINDS)
def test_each_kind_is_found_in_a_sentence_written_for_the_test(sentence, category, span):
    assert span in find_markers(sentence)[category], find_markers(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "它将单一的商品展示方式拓展到了多元的方面。",  # 将 = 把, the object marker
        "我们要客观和理性地看待它。",  # related but distinct qualities (§7.1)
        "他们关心产品和服务。",
        "线上和线下的渠道正在打通。",  # opposites are not synonyms
        "生产和配送环节都能看到。",
        "早已成为行业共识。",  # 早已 is one word, not 早 + 已
        "这可能性很小。",
    ],
)
def test_lookalikes_are_not_filler_or_prediction(sentence):
    found = find_markers(sentence)
    assert found["filler"] == [] and found["prediction"] == [], found


def test_near_synonyms_is_a_class_test_and_refuses_identity():
    assert near_synonyms("困境", "难题") and near_synonyms("难题", "困境")
    assert not near_synonyms("方法", "方法")  # a repetition is found separately
    assert not near_synonyms("线上", "线下")


def test_literal_repetition_across_a_conjunction_is_filler():
    assert [s for s, _, _ in filler_spans("改变生产方式和生产方式")] == ["生产方式和生产方式"]


def test_filler_spans_index_the_text_and_do_not_overlap():
    text = "依然还在寻找方式和方法，仅仅只是开始，找到方法与途径"
    spans = filler_spans(text)
    assert all(text[a:b] == s for s, a, b in spans)
    assert all(x[2] <= y[1] for x, y in zip(spans, spans[1:], strict=False))
    assert [s for s, _, _ in spans] == ["依然还", "方式和方法", "仅仅只是", "方法与途径"]


def test_marker_spans_merge_lexicon_and_pattern_without_overlap():
    spans = marker_spans("我总觉得它最终将会被淘汰")
    assert spans["stance"] == [("我总觉得", 0, 4)]
    # 最终 before 将会: the auxiliary carries the prediction, 最终 is not counted twice
    assert [s for s, _, _ in spans["prediction"]] == ["将会"]


def test_every_pattern_has_a_known_category_and_compiles():
    assert patterns()
    assert {p.category for p in patterns()} <= set(PATTERN_CATEGORIES)


def test_pattern_spans_refuse_an_unknown_category():
    with pytest.raises(ValueError, match="category must be one of"):
        pattern_spans("它将改变", "booster")
    with pytest.raises(TypeError):
        pattern_spans(None, "prediction")


def test_malformed_data_lines_are_refused_with_the_line(monkeypatch):
    monkeypatch.setattr(marker_patterns, "_lines", lambda name: [(7, "方法 @noun")])
    marker_patterns._classes.cache_clear()
    try:
        with pytest.raises(ValueError, match="line 7"):
            near_synonyms("方法", "途径")
    finally:
        monkeypatch.undo()
        marker_patterns._classes.cache_clear()
    monkeypatch.setattr(marker_patterns, "_lines", lambda name: [(3, "booster\tx\t将")])
    marker_patterns._patterns.cache_clear()
    try:
        with pytest.raises(ValueError, match="line 3"):
            patterns()
    finally:
        monkeypatch.undo()
        marker_patterns._patterns.cache_clear()
