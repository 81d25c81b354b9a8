"""Tests for beyond_traffic.uncertainty: sentence-bootstrap intervals and leave-one-marker-out."""

from __future__ import annotations

import pytest

from beyond_traffic.claims import MARKER_KINDS, count_markers, profiles_table
from beyond_traffic.corpus import ARTICLE_IDS, get_article
from beyond_traffic.count import count_phrase
from beyond_traffic.marker_gold import voice_texts
from beyond_traffic.uncertainty import (
    Interval,
    bootstrap_rate,
    difference_interval,
    leave_one_marker_out,
    phrase_intervals,
    rank_stability,
    rate_intervals,
)


def test_bootstrap_rate_is_reproducible_and_brackets_the_estimate():
    counts, lengths = [0, 1, 0, 3, 0, 0, 2, 0], [20, 18, 25, 30, 22, 19, 21, 24]
    a = bootstrap_rate(counts, lengths, seed=3)
    assert a == bootstrap_rate(counts, lengths, seed=3)
    assert a.estimate == pytest.approx(1000 * 6 / sum(lengths))
    assert a.low < a.estimate < a.high
    assert a.confidence == 0.95


def test_a_wider_confidence_gives_a_wider_interval():
    counts, lengths = [0, 1, 0, 3, 0, 0, 2, 0] * 3, [20] * 24
    narrow = bootstrap_rate(counts, lengths, confidence=0.5)
    wide = bootstrap_rate(counts, lengths, confidence=0.99)
    assert wide.low <= narrow.low and wide.high >= narrow.high


def test_a_constant_rate_has_no_spread():
    i = bootstrap_rate([1, 1, 1], [10, 10, 10])
    assert (i.low, i.estimate, i.high) == pytest.approx((100.0, 100.0, 100.0))


def test_empty_input_gives_zeros():
    assert bootstrap_rate([], []) == Interval(0.0, 0.0, 0.0, 0.95)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"counts": [1], "han_chars": [1, 2]}, ValueError),
        ({"counts": [-1], "han_chars": [2]}, ValueError),
        ({"counts": [1], "han_chars": [2], "confidence": 1.5}, ValueError),
        ({"counts": [1], "han_chars": [2], "confidence": "95%"}, TypeError),
        ({"counts": [1], "han_chars": [2], "resamples": 0}, ValueError),
        ({"counts": [1], "han_chars": [2], "seed": 1.5}, TypeError),
    ],
)
def test_bad_options_are_refused(kwargs, error):
    with pytest.raises(error):
        bootstrap_rate(**kwargs)


@pytest.fixture(scope="module")
def profiles():
    return profiles_table()


@pytest.mark.parametrize("kind", list(MARKER_KINDS))
def test_rate_intervals_use_the_one_counting_method(kind, profiles):
    table = rate_intervals(kind, resamples=200)
    assert list(table.index) == list(ARTICLE_IDS)
    for article_id in ARTICLE_IDS:
        row = table.loc[article_id]
        assert row["count"] == count_markers(get_article(article_id), kind)
        assert row["han_chars"] == profiles.loc[article_id, "han_chars"]
        assert row["sentences"] == profiles.loc[article_id, "sentences"]
        assert row["low"] <= row["per_1000"] <= row["high"]


def test_intervals_of_the_hedge_ranking_overlap():
    # issue 11: the articles' hedge rates cannot be told apart; the top three overlap widely
    table = rate_intervals("hedge")
    top = table["per_1000"].nlargest(3).index
    assert table.loc[top, "low"].max() < table.loc[top, "high"].min()


def test_a3s_evidence_lead_survives_every_resample():
    stability = rank_stability("evidence", resamples=500)
    assert stability.loc["A3", "share_first"] >= 0.95
    assert stability.loc["A3", "rank"] == 1


def test_rank_stability_shares_and_ranges_are_consistent():
    t = rank_stability("certainty", resamples=300)
    assert (t["share_first"].between(0, 1)).all()
    assert (t["rank_low"] <= t["rank_high"]).all()
    assert set(t["rank"]) <= set(range(1, len(t) + 1))
    assert t["share_first"].sum() >= 1.0  # ties can share first place


def test_difference_interval_contains_zero_for_indistinguishable_rates():
    d = difference_interval("hedge", "A2", "A5")
    assert d.contains(0.0)
    far = difference_interval("evidence", "A3", "A2")
    assert not far.contains(0.0) and far.low > 0


def test_difference_interval_needs_two_articles():
    with pytest.raises(ValueError, match="two different"):
        difference_interval("hedge", "A2", "a2")


def test_leave_one_marker_out_recounts_without_each_marker(profiles):
    table = leave_one_marker_out("certainty")
    assert table.index[0] == "（全部）"
    full = table.loc["（全部）"]
    for article_id in ARTICLE_IDS:
        assert full[article_id] == pytest.approx(profiles.loc[article_id, "certainty_per_1000"])
    assert not full["changed"]
    assert table["changed"].any(), "some single marker decides the certainty ranking"
    assert set(table.loc[table.index[1:], "highest"]) <= set(ARTICLE_IDS)


def test_leave_one_marker_out_for_evidence_drops_a_pattern():
    table = leave_one_marker_out("evidence")
    assert "去掉 quantity" in table.index


def test_voices_can_be_compared_as_labelled_texts():
    table = rate_intervals("hedge", articles=voice_texts("A5"), resamples=200)
    assert list(table.index) == ["author", "vendor"]
    assert table["count"].sum() == count_markers(get_article("A5"), "hedge")


def test_phrase_intervals_count_substrings_per_sentence():
    table = phrase_intervals("流量", resamples=200)
    for article_id in ARTICLE_IDS:
        assert table.loc[article_id, "count"] == count_phrase(get_article(article_id).clean, "流量")


@pytest.mark.parametrize("bad", [None, "A2", b"A2", 3])
def test_articles_must_be_a_list_or_a_mapping(bad):
    if bad is None:
        return  # None means the corpus
    with pytest.raises(TypeError):
        rate_intervals("hedge", articles=bad)


def test_unknown_kind_and_empty_phrase_are_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        rate_intervals("booster")
    with pytest.raises(ValueError, match="empty"):
        phrase_intervals("")


def test_rank_and_difference_can_count_a_phrase():
    ranks = rank_stability(phrase="流量", resamples=300)
    intervals = phrase_intervals("流量", resamples=300)
    assert ranks["per_1000"].to_dict() == pytest.approx(intervals["per_1000"].to_dict())
    assert set(ranks["rank"]) <= {1, 2, 3, 4, 5}
    d = difference_interval(None, "A4", "A5", phrase="流量")
    assert d.contains(0.0)  # 9.1 vs 9.2 per 1,000: indistinguishable


def test_kind_and_phrase_are_exclusive():
    with pytest.raises(ValueError, match="not both"):
        rank_stability("hedge", phrase="流量")
    with pytest.raises(ValueError, match="give a marker kind"):
        rank_stability()
