"""Tests for beyond_traffic.coding: the marker coding format and its error messages."""

from __future__ import annotations

import pytest

from beyond_traffic.coding import CATEGORIES, VOICES, CodedSentence, MarkerSpan, parse_coding


def test_a_row_becomes_a_coded_sentence_with_offsets():
    (s,) = parse_coding("X\t3\tquoted\thedge=或许#2; stance=其实\t或许其实或许如此。", source="t")
    assert isinstance(s, CodedSentence) and (s.article_id, s.index, s.voice) == ("X", 3, "quoted")
    assert s.spans_of("hedge") == [MarkerSpan("hedge", "或许", 4, 6)]
    assert [m.text for m in s.spans_of("stance")] == ["其实"]
    assert s.spans_of("filler") == []


def test_comments_blank_lines_are_skipped():
    text = "# header\n\nX\t0\tauthor\t-\t一句话。\n"
    assert len(parse_coding(text)) == 1
    assert parse_coding("# only comments\n") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X\t0\tauthor\t-", "line 1: expected 5 tab-separated fields"),
        ("\t0\tauthor\t-\t一句。", "line 1: the article field is empty"),
        ("X\t-1\tauthor\t-\t一句。", "line 1: index must be a whole number"),
        ("X\t0\tnarrator\t-\t一句。", f"voice must be one of {', '.join(VOICES)}"),
        ("X\t0\tauthor\t-\t", "line 1: the sentence field is empty"),
        ("X\t0\tauthor\thedge\t一句。", "bad code 'hedge'"),
        ("X\t0\tauthor\thedge=或许\t一句。", "span '或许' is not in the sentence; copy the span"),
        ("X\t0\tauthor\t-\t一句。\nX\t0\tauthor\t-\t一句。", "line 2: X sentence 0 is coded twice"),
    ],
)
def test_every_malformed_row_is_named_with_the_fix(text, message):
    with pytest.raises(ValueError, match="mine.tsv") as caught:
        parse_coding(text, source="mine.tsv")
    assert message in str(caught.value)


def test_categories_are_the_guidelines_six():
    assert CATEGORIES == ("hedge", "certainty", "prediction", "evidence", "filler", "stance")


def test_wrong_types_are_refused():
    with pytest.raises(TypeError):
        parse_coding(None)
    with pytest.raises(TypeError):
        parse_coding("", source=3)
