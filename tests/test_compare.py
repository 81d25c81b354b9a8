"""Tests for beyond_traffic.compare: per-article tables agree with the functions they summarise."""

from __future__ import annotations

import pandas as pd
import pytest

from beyond_traffic import compare
from beyond_traffic.claims import profiles_table
from beyond_traffic.compare import (
    article_tokens,
    frequency_table,
    keyword_table,
    profile_table,
    top_terms_table,
)
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, frequencies, rate_per_1000_chars, top_k
from beyond_traffic.keywords import textrank_keywords, tfidf_keywords
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

TERMS = ["流量", "赋能", "产业互联网", "方式和方法"]


def test_article_tokens_are_the_course_tokens():
    a2 = get_article("A2")
    assert article_tokens(a2) == tokenize(a2.clean)
    with pytest.raises(TypeError, match="Article"):
        article_tokens("A2")


def test_frequency_table_counts_tokens_per_article():
    table = frequency_table(TERMS)
    assert list(table.columns) == list(ARTICLE_IDS)
    assert list(table.index) == TERMS and table.index.name == "term"
    for article in load_corpus():
        counts = frequencies(tokenize(article.clean))
        for term in TERMS:
            assert table.loc[term, article.id] == counts[term]


def test_frequency_table_substring_and_rates():
    counts = frequency_table(TERMS, method="substring")
    rates = frequency_table(TERMS, method="substring", per_1000=True)
    for article in load_corpus():
        for term in TERMS:
            n = count_phrase(article.clean, term)
            assert counts.loc[term, article.id] == n
            assert rates.loc[term, article.id] == pytest.approx(
                rate_per_1000_chars(n, article.clean)
            )
    assert rates.dtypes.map(lambda d: d.kind).eq("f").all()
    # A phrase the tokenizer splits is found only as a substring.
    assert counts.loc["方式和方法"].sum() >= frequency_table(["方式和方法"]).loc["方式和方法"].sum()


def test_frequency_table_with_chosen_articles():
    table = frequency_table(["流量"], articles=["a3", get_article("A1")])
    assert list(table.columns) == ["A3", "A1"]
    assert frequency_table([]).empty


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"terms": "流量"}, TypeError, "terms must be a list of str"),
        ({"terms": ["流量", 1]}, TypeError, r"terms\[1\]"),
        ({"terms": [""]}, ValueError, "empty"),
        ({"terms": ["流量"], "method": "regex"}, ValueError, "method must be one of"),
        ({"terms": ["流量"], "per_1000": 1}, TypeError, "per_1000 must be bool"),
        ({"terms": ["流量"], "articles": "A1"}, TypeError, "articles must be a list"),
        ({"terms": ["流量"], "articles": ["A1", "a1"]}, ValueError, "once"),
        ({"terms": ["流量"], "articles": ["A9"]}, KeyError, "A9"),
    ],
)
def test_frequency_table_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        frequency_table(**kwargs)


def test_top_terms_table_matches_top_k():
    k = 6
    table = top_terms_table(k)
    assert list(table.index) == list(range(1, k + 1))
    assert list(table.columns.get_level_values(0).unique()) == list(ARTICLE_IDS)
    for article in load_corpus():
        expected = top_k(tokenize(article.clean), k, stopwords=stopwords(), min_len=2)
        got = list(zip(table[article.id]["term"], table[article.id]["count"], strict=True))
        assert got == expected
        assert not set(table[article.id]["term"]) & stopwords()


def test_top_terms_table_for_one_article_without_filters():
    table = top_terms_table(3, articles=["A1"], stopwords=None, min_len=1)
    assert table.shape == (3, 2)
    assert table["A1"]["term"].iloc[0] == top_k(tokenize(get_article("A1").clean), 1)[0][0]


def test_ranked_tables_pad_short_lists():
    table = compare._ranked_table({"A1": [("流量", 2)], "A2": []}, 2, "count")
    assert table["A1"]["term"].iloc[0] == "流量"
    assert pd.isna(table["A1"]["term"].iloc[1]) and pd.isna(table["A1"]["count"].iloc[1])
    assert table["A2"]["term"].isna().all()


def test_keyword_tables_match_the_keyword_functions():
    corpus = [tokenize(a.clean) for a in load_corpus()]
    tfidf = keyword_table(5)
    textrank = keyword_table(5, method="textrank", articles=["A4"])
    a4 = tokenize(get_article("A4").clean)
    assert list(tfidf["A4"]["term"]) == [
        t for t, _ in tfidf_keywords(a4, corpus_tokens=corpus, k=5)
    ]
    assert list(textrank["A4"]["term"]) == [t for t, _ in textrank_keywords(a4, k=5)]
    assert list(textrank.columns.get_level_values(0).unique()) == ["A4"]


def test_keyword_table_idf_always_comes_from_the_whole_corpus():
    alone = keyword_table(5, articles=["A2"])
    among_all = keyword_table(5)
    pd.testing.assert_frame_equal(alone["A2"], among_all["A2"])


def test_keyword_table_rejects_bad_arguments():
    with pytest.raises(ValueError, match="method must be one of"):
        keyword_table(5, method="lda")
    with pytest.raises(TypeError, match="k must be int"):
        keyword_table(5.0)


def test_profile_table_is_the_claims_profile():
    pd.testing.assert_frame_equal(profile_table(["A2", "A3"]), profiles_table(load_corpus()[1:3]))
