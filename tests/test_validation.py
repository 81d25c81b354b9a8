"""Tests for beyond_traffic.validation: marker scores with intervals, in sample and held out."""

from __future__ import annotations

import math

import pytest

from beyond_traffic.corpus import ARTICLE_IDS
from beyond_traffic.lexicons import corpus_entries
from beyond_traffic.marker_gold import CATEGORIES, load_marker_gold, parse_coding, score_category
from beyond_traffic.validation import (
    held_out_lexicons,
    in_sample_and_held_out,
    leave_one_article_out,
    ratio_interval,
    score_coding,
)

FAST = {"resamples": 200}


def test_ratio_interval_by_hand_and_undefined_when_nothing_is_there():
    i = ratio_interval([1, 0, 1, 1], [1, 1, 1, 1], **FAST)
    assert i.estimate == 0.75 and 0 <= i.low <= 0.75 <= i.high <= 1
    assert ratio_interval([2, 2], [2, 2], **FAST).width == 0
    assert math.isnan(ratio_interval([0, 0], [0, 0], **FAST).estimate)
    with pytest.raises(ValueError, match="differ in length"):
        ratio_interval([1], [1, 1])


def test_in_sample_scores_are_the_marker_gold_scores_with_intervals():
    table = score_coding(**FAST)
    for category in CATEGORIES:
        s = score_category(category)
        row = table.loc[category]
        assert (row["gold"], row["true_positives"]) == (s.gold, s.true_positives)
        assert row["precision"] == pytest.approx(s.precision)
        assert row["precision_low"] <= row["precision"] <= row["precision_high"]
        assert row["recall_low"] <= row["recall"] <= row["recall_high"]
    assert table.loc["all", "gold"] == table.loc[list(CATEGORIES), "gold"].sum()


def test_held_out_lexicons_drop_only_corpus_entries_no_other_article_supports():
    gold = load_marker_gold()
    for article_id in ARTICLE_IDS:
        lexicons, dropped = held_out_lexicons(article_id)
        for category, gone in dropped.items():
            name = {"hedge": "hedges", "prediction": "predictions", "filler": "fillers"}.get(
                category, category
            )
            assert set(gone) <= corpus_entries(name)
            assert not set(gone) & set(lexicons[category])
            others = {
                m.text for s in gold if s.article_id != article_id for m in s.spans_of(category)
            }
            for term in gone:
                assert not any(term in c or c in term for c in others), (article_id, term)
    # 更像是 is coded in A1 only: held out with A1, it goes
    assert "更像是" in held_out_lexicons("A1")[1]["hedge"]
    assert "更像是" not in held_out_lexicons("A2")[1]["hedge"]


def test_leave_one_article_out_pools_every_sentence_once_and_never_beats_in_sample_recall():
    loao = leave_one_article_out(**FAST)
    inside = score_coding(**FAST)
    for category in [*CATEGORIES, "all"]:
        folds = loao.loc[[(a, category) for a in ARTICLE_IDS]]
        assert folds["gold"].sum() == loao.loc[("pooled", category), "gold"]
        assert loao.loc[("pooled", category), "gold"] == inside.loc[category, "gold"]
        # dropping entries can only lose true positives
        assert (
            loao.loc[("pooled", category), "true_positives"]
            <= inside.loc[category, "true_positives"]
        )


def test_side_by_side_table_has_both_columns_with_intervals():
    t = in_sample_and_held_out(**FAST)
    assert list(t.index) == [*CATEGORIES, "all"]
    for label in ("in_sample", "held_out"):
        for m in ("P", "R"):
            assert (t[f"{label}_{m}_low"] <= t[f"{label}_{m}"] + 1e-12).all()
            assert (t[f"{label}_{m}"] <= t[f"{label}_{m}_high"] + 1e-12).all()


def test_score_coding_on_a_coding_of_new_text():
    mine = parse_coding(
        "N\t0\tauthor\thedge=有时; filler=方法和途径\t我们有时需要新的方法和途径。\n"
        "N\t1\tauthor\tcertainty=不可阻挡\t这种趋势不可阻挡。\n",
        source="mine.tsv",
    )
    t = score_coding(mine, **FAST)
    assert t.loc["all", ["gold", "found", "true_positives"]].tolist() == [3, 3, 3]
    assert math.isnan(t.loc["evidence", "precision"])  # nothing found, nothing coded
    with pytest.raises(ValueError, match="no sentences"):
        score_coding([])
    with pytest.raises(TypeError, match="CodedSentence"):
        score_coding(["一句话"])
