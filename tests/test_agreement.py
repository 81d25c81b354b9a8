"""Tests for beyond_traffic.agreement: the second coding and agreement with the reference coding."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest

from beyond_traffic.agreement import (
    agreement_table,
    cohen_kappa,
    krippendorff_alpha,
    load_second_coding,
    paired_sentences,
    second_coding_metadata,
    voice_agreement,
)
from beyond_traffic.marker_gold import CATEGORIES, load_marker_gold, parse_coding

SECOND = load_second_coding()
TABLE = agreement_table()


def test_the_second_coding_is_a_sample_of_120_reference_sentences_verbatim():
    assert len(SECOND) == 120
    pairs = paired_sentences(load_marker_gold(), SECOND)
    assert all(a.text == b.text for a, b in pairs)
    assert len({(s.article_id, s.index) for s in SECOND}) == 120


def test_its_provenance_is_recorded():
    meta = second_coding_metadata()
    for phrase in ("independent second coder", "blind", "random.sample", "sections 1-8", "date"):
        assert phrase in meta, phrase


def test_kappa_by_hand():
    # observed 3/4, chance 0.5·0.25 + 0.5·0.75 = 0.5 -> kappa 0.5
    assert cohen_kappa([1, 0, 1, 0], [1, 0, 0, 0]) == pytest.approx(0.5)
    assert cohen_kappa([1, 0], [1, 0]) == 1.0
    assert math.isnan(cohen_kappa([1, 1], [1, 1]))
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa([1], [1, 0])


def test_alpha_agrees_with_the_library_and_with_kappa_when_margins_match():
    rng = np.random.default_rng(3)
    a = rng.integers(0, 2, 60).tolist()
    b = [x if rng.random() < 0.8 else 1 - x for x in a]
    expected = krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal")
    assert krippendorff_alpha(a, b) == pytest.approx(expected)
    # alpha pools both coders' margins; with equal margins it is close to kappa, never above 1
    assert krippendorff_alpha(a, b) <= 1
    with pytest.raises(ValueError, match="0/1"):
        krippendorff_alpha([2, 0], [1, 0])


def test_sentence_level_counts_add_up_and_agreement_is_recomputed():
    for category in CATEGORIES:
        row = TABLE.loc[category]
        pairs = paired_sentences(load_marker_gold(), SECOND)
        first = [int(bool(a.spans_of(category))) for a, _ in pairs]
        second = [int(bool(b.spans_of(category))) for _, b in pairs]
        assert row["both"] + row["first_only"] == sum(first)
        assert row["both"] + row["second_only"] == sum(second)
        assert row["kappa"] == pytest.approx(cohen_kappa(first, second))
        assert row["alpha"] == pytest.approx(
            krippendorff.alpha(reliability_data=[first, second], level_of_measurement="nominal")
        )


def test_agreement_is_high_but_not_perfect_where_the_coders_differ():
    # the second coder coded more doublings (内涵和意义, 依然还 …) and wrote 所谓 for 所谓的
    assert TABLE.loc["filler", "second_only"] > 0 and TABLE.loc["filler", "kappa"] < 1
    assert TABLE.loc["stance", "span_f1"] < TABLE.loc["stance", "overlap_f1"]
    assert (TABLE["kappa"] > 0.8).all()
    assert TABLE["span_f1"].between(0, 1).all()


def test_voice_agreement_counts_sentences():
    same, n = voice_agreement()
    assert n == 120 and 0 <= same <= n


def test_a_coding_of_other_sentences_is_refused_with_the_sentence_named():
    other = parse_coding("A1\t0\tauthor\t-\t另一句话。", source="mine.tsv")
    with pytest.raises(ValueError, match="A1 sentence 0"):
        paired_sentences(load_marker_gold(), other)
    unknown = parse_coding("A9\t0\tauthor\t-\t一句话。", source="mine.tsv")
    with pytest.raises(ValueError, match="not in the first coding"):
        agreement_table(second=unknown)
