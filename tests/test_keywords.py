"""Tests for beyond_traffic.keywords: smoothed IDF, TF-IDF ranking, our own TextRank."""

from __future__ import annotations

import inspect
import math

import pytest

from beyond_traffic import keywords
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.keywords import idf, textrank_keywords, tfidf_keywords
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import pos_tag, tokenize

DOCS = [
    ["直播", "带货", "的", "流量", "流量", "赋能"],
    ["产业", "互联网", "的", "流量"],
    ["社交", "电商", "的", "流量", "赋能"],
]


def test_idf_follows_the_documented_formula():
    weights = idf(DOCS)
    n = len(DOCS)
    for token in {t for doc in DOCS for t in doc}:
        df = sum(token in doc for doc in DOCS)
        assert weights[token] == pytest.approx(math.log((1 + n) / (1 + df)) + 1)
    assert weights["流量"] == pytest.approx(1.0)  # in every document
    assert weights["直播"] > weights["赋能"] > weights["流量"]


def test_idf_of_nothing_and_bad_input():
    assert idf([]) == {}
    with pytest.raises(TypeError, match="corpus_tokens must be a list of token lists"):
        idf("流量")
    with pytest.raises(TypeError, match=r"corpus_tokens\[1\]"):
        idf([["流量"], "赋能"])


def test_tfidf_scores_are_tf_times_idf():
    weights = idf(DOCS)
    result = dict(tfidf_keywords(DOCS[0], corpus_tokens=DOCS, k=10, stopwords=None, min_len=1))
    kept = DOCS[0]
    for token in set(kept):
        expected = kept.count(token) / len(kept) * weights[token]
        assert result[token] == pytest.approx(expected, abs=1e-6)


def test_tfidf_prefers_a_distinctive_word_to_a_shared_one():
    doc = ["流量", "直播带货"]
    ranked = tfidf_keywords(doc, corpus_tokens=[doc, ["流量"], ["流量"]], k=2)
    assert [t for t, _ in ranked] == ["直播带货", "流量"]


def test_tfidf_drops_course_stopwords_and_single_characters_by_default():
    words = [t for t, _ in tfidf_keywords(DOCS[0], corpus_tokens=DOCS, k=10)]
    assert "的" not in words and all(len(w) >= 2 for w in words)
    assert not set(words) & stopwords()


def test_tfidf_ties_are_broken_by_token():
    doc = ["赋能", "流量", "平台"]
    assert [t for t, _ in tfidf_keywords(doc, corpus_tokens=[doc], k=3)] == sorted(doc)


def test_tfidf_scores_a_word_missing_from_the_corpus_as_df_zero():
    (token, score), *_ = tfidf_keywords(["新零售"], corpus_tokens=DOCS, k=1)
    assert token == "新零售"
    assert score == pytest.approx(round(math.log(1 + len(DOCS)) + 1, 6))


def test_tfidf_empty_and_bad_input():
    assert tfidf_keywords([], corpus_tokens=DOCS) == []
    assert tfidf_keywords(["的", "，"], corpus_tokens=DOCS) == []
    with pytest.raises(TypeError, match="doc_tokens"):
        tfidf_keywords("直播带货", corpus_tokens=DOCS)
    with pytest.raises(TypeError, match="stopwords"):
        tfidf_keywords(DOCS[0], corpus_tokens=DOCS, stopwords="的")
    with pytest.raises(ValueError, match="k must be >= 1"):
        tfidf_keywords(DOCS[0], corpus_tokens=DOCS, k=0)


def test_tfidf_on_the_corpus_finds_each_articles_subject():
    # COURSE.md: A2 is about 直播带货; A5 about 社交电商 (social e-commerce).
    corpus = [tokenize(a.clean) for a in load_corpus()]
    top_a2 = [t for t, _ in tfidf_keywords(corpus[1], corpus_tokens=corpus, k=5)]
    top_a5 = [t for t, _ in tfidf_keywords(corpus[4], corpus_tokens=corpus, k=5)]
    assert "直播带货" in top_a2
    assert "社交电商" in top_a5


# --- TextRank ---------------------------------------------------------------------------------


def test_textrank_ranks_the_hub_of_a_star_first():
    tokens = ["赋能", "商家", "，", "赋能", "平台", "。", "赋能", "工厂"]
    ranked = textrank_keywords(tokens, k=4, window=2)
    assert ranked[0] == ("赋能", 1.0)
    assert [t for t, _ in ranked[1:]] == sorted(["商家", "平台", "工厂"])  # a tie, by token
    assert all(0 < s <= 1 for _, s in ranked)


def test_textrank_matches_a_hand_computed_pagerank():
    # Path a–b–c (window 2), d = 0.85: s(a) = s(c) by symmetry, s(b) = (1-d) + d·2·s(a)
    # and s(a) = (1-d) + d·s(b)/2, so s(a) = (1-d)(1 + d/2) / (1 - d²).
    d = 0.85
    s_a = (1 - d) * (1 + d / 2) / (1 - d * d)  # from the two equations
    s_b = (1 - d) + d * 2 * s_a
    ranked = dict(textrank_keywords(["流量", "平台", "赋能"], k=3, window=2, damping=d))
    assert ranked["平台"] == pytest.approx(1.0)
    assert ranked["流量"] == pytest.approx(s_a / s_b, abs=1e-5)
    assert ranked["赋能"] == ranked["流量"]


def test_textrank_window_links_tokens_across_filtered_ones():
    # "的" is a stopword: it is not a node, but it still takes a place in the window.
    assert len(textrank_keywords(["流量", "的", "赋能"], window=2)) == 2
    scores = dict(textrank_keywords(["流量", "的", "赋能", "平台"], window=3))
    assert scores["赋能"] == pytest.approx(1.0)


def test_textrank_filters_by_pos_when_given_pairs():
    pairs = [("直播", "vn"), ("带货", "v"), ("平台", "n"), ("很", "d"), ("快速", "ad")]
    words = [w for w, _ in textrank_keywords(pairs, pos={"n", "vn"}, window=3)]
    assert sorted(words) == ["平台", "直播"]


def test_textrank_accepts_the_course_pos_tagger():
    pairs = pos_tag("直播带货是产业互联网的前奏曲，它改变了营销")
    nouns = {w for w, tag in pairs if tag in {"n", "vn"}}
    words = [w for w, _ in textrank_keywords(pairs, pos={"n", "vn"}, k=10)]
    assert nouns and set(words) == {w for w in nouns if len(w) >= 2}


def test_textrank_single_token_and_empty():
    assert textrank_keywords(["流量"]) == [("流量", 1.0)]
    assert textrank_keywords([]) == []
    assert textrank_keywords(["的", "，"]) == []


def test_textrank_rejects_bad_arguments():
    with pytest.raises(TypeError, match="tokens must be a list"):
        textrank_keywords("直播带货")
    with pytest.raises(TypeError, match="pos filtering needs"):
        textrank_keywords(["直播", "带货"], pos={"n"})
    with pytest.raises(ValueError, match="window must be >= 2"):
        textrank_keywords(["直播", "带货"], window=1)
    with pytest.raises(ValueError, match="damping"):
        textrank_keywords(["直播", "带货"], damping=1.5)
    with pytest.raises(TypeError, match=r"tokens\[1\]"):
        textrank_keywords([("直播", "n"), ("带货",)])


def test_textrank_is_deterministic_on_an_article():
    tokens = tokenize(get_article("A2").clean)
    first = textrank_keywords(tokens, k=10)
    assert first == textrank_keywords(list(tokens), k=10)
    assert first[0][1] == 1.0
    assert [s for _, s in first] == sorted((s for _, s in first), reverse=True)
    assert "直播带货" in [t for t, _ in first[:3]]


def test_keywords_never_use_jiebas_global_tokenizer():
    source = inspect.getsource(keywords)
    assert "import jieba" not in source and "from jieba" not in source
