"""Tests for beyond_traffic.stylometry: function-word rates, chunks, Burrows's Delta."""

from __future__ import annotations

import pandas as pd
import pytest

from beyond_traffic.corpus import ARTICLE_IDS
from beyond_traffic.marker_gold import voice_texts
from beyond_traffic.stylometry import (
    FUNCTION_WORDS,
    burrows_delta,
    chunk_tokens,
    function_word_rates,
    function_word_table,
    mean_delta_by_text,
    nearest_text,
)


def test_function_words_exclude_the_stock_phrases_under_test():
    assert len(FUNCTION_WORDS) == len(set(FUNCTION_WORDS)) >= 60
    assert not {"仅仅只是", "方式和方法", "所谓的", "所谓", "仅仅"} & set(FUNCTION_WORDS)


def test_rates_are_per_1000_words_without_punctuation():
    rates = function_word_rates(["我们", "的", "，", "直播", "的"], words=["的", "我们", "了"])
    assert rates == {"的": 500.0, "我们": 250.0, "了": 0.0}
    assert function_word_rates([], words=["的"]) == {"的": 0.0}


def test_chunks_are_equal_and_drop_the_remainder():
    chunks = chunk_tokens(["甲", "乙", "。", "丙", "丁", "戊"], size=2)
    assert chunks == [["甲", "乙"], ["丙", "丁"]]
    with pytest.raises(ValueError):
        chunk_tokens(["甲"], size=0)


def test_article_table_has_one_row_per_article():
    table = function_word_table()
    assert list(table.index) == list(ARTICLE_IDS)
    assert list(table.columns) == list(FUNCTION_WORDS)
    assert (table["的"] > 0).all()


def test_chunk_table_names_its_source():
    table = function_word_table(["A3", "A4"], chunk_size=200)
    assert list(table.columns[:1]) == ["text"]
    assert set(table["text"]) == {"A3", "A4"}
    pairs = zip(table.index, table["text"], strict=True)
    assert all(label.split("#")[0] == text for label, text in pairs)


def test_delta_is_a_symmetric_distance_with_zero_diagonal():
    delta = burrows_delta(function_word_table())
    assert (delta.values.diagonal() == 0).all()
    assert (delta.values == delta.values.T).all()
    assert (delta.values >= 0).all()


def test_identical_profiles_have_zero_delta():
    t = pd.DataFrame({"的": [1.0, 1.0, 3.0], "了": [2.0, 2.0, 0.0]}, index=["甲", "乙", "丙"])
    d = burrows_delta(t)
    assert d.loc["甲", "乙"] == 0.0 and d.loc["甲", "丙"] > 0


def test_delta_needs_two_varying_rows():
    with pytest.raises(ValueError, match="two rows"):
        burrows_delta(pd.DataFrame({"的": [1.0]}, index=["甲"]))
    with pytest.raises(ValueError, match="varies"):
        burrows_delta(pd.DataFrame({"的": [1.0, 1.0]}, index=["甲", "乙"]))
    with pytest.raises(TypeError):
        burrows_delta({"的": [1.0]})


def test_the_vendor_voice_is_furthest_from_the_op_ed_voices():
    # a sanity check the lesson relies on: a different speaker shows up in the function words
    texts = {a: None for a in ("A1", "A2")}
    from beyond_traffic.corpus import get_article

    texts = {a: get_article(a).clean for a in texts} | {
        f"A5 {v}": t for v, t in voice_texts("A5").items()
    }
    table = function_word_table(texts, chunk_size=200)
    means = mean_delta_by_text(burrows_delta(table), table)
    vendor = means.loc["A5 vendor"].drop("A5 vendor")
    others = means.drop(index="A5 vendor", columns="A5 vendor")
    assert vendor.min() > others.values[~pd.isna(others.values)].mean()


def test_nearest_text_reports_each_chunk():
    table = function_word_table(["A2", "A3"], chunk_size=300)
    nn = nearest_text(burrows_delta(table), table)
    assert list(nn.index) == list(table.index)
    assert set(nn["nearest_text"]) <= {"A2", "A3"}
    assert nn["same"].dtype == bool


def _lesson_07_texts():
    from beyond_traffic.corpus import get_article

    return {a: get_article(a).clean for a in ("A1", "A2", "A3", "A4")} | {
        f"A5 {v}": t for v, t in voice_texts("A5").items()
    }


def test_what_lesson_07_reads_off_the_chunk_distances_holds():
    # lesson 07, section 4 (after the lesson review): at 200-word chunks the mean distances say
    # nothing about A1 and A2 — A1's chunks are about as far from every written text as from each
    # other, and A2 is not the nearest to A1; only the vendor voice stands apart.
    texts = _lesson_07_texts()
    table = function_word_table(texts, chunk_size=200)
    means = mean_delta_by_text(burrows_delta(table), table)
    written = ["A2", "A3", "A4", "A5 author"]
    for text in written:
        assert abs(means.loc["A1", text] - means.loc["A1", "A1"]) < 0.05, text
    assert means.loc["A1", written].idxmin() != "A2"
    assert abs(means.loc["A2", "A2"] - means.loc["A2"].drop("A2").min()) < 0.05
    for text in [c for c in means.columns if c != "A5 vendor"]:
        column = means[text].drop(text)
        assert column.idxmax() == "A5 vendor", text  # the vendor is every text's furthest
    # whole articles: A1 and A2 are each other's nearest (the lesson says why that is weak)
    whole = burrows_delta(function_word_table(texts))
    assert whole.loc["A1"].drop("A1").idxmin() == "A2"


def test_the_vendors_distance_leans_on_the_words_that_found_it():
    # lesson 07: without 非常 and 我们 (lesson 01's vendor clues) the vendor is no longer the
    # furthest text from every other one
    words = [w for w in FUNCTION_WORDS if w not in {"非常", "我们"}]
    table = function_word_table(_lesson_07_texts(), chunk_size=200, words=words)
    means = mean_delta_by_text(burrows_delta(table), table)
    furthest = {t: means.loc[t].drop(t).idxmax() for t in means.index if t != "A5 vendor"}
    assert set(furthest.values()) != {"A5 vendor"}, furthest
