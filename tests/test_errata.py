"""Tests for beyond_traffic.errata: the mojibake table and how well it covers the seeds."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path

import opencc
import pytest

from beyond_traffic.clean import apply_errata, strip_pinyin_annotations
from beyond_traffic.corpus import ARTICLE_IDS, get_article
from beyond_traffic.errata import COLUMNS, Erratum, load_errata

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
CAPSTONE = Path(__file__).resolve().parents[1] / "solutions" / "ps4_capstone" / "article.txt"
T2S = opencc.OpenCC("t2s")


def test_table_has_a_header_row_and_four_columns() -> None:
    text = (resources.files("beyond_traffic") / "data" / "errata.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert tuple(lines[0].split("\t")) == COLUMNS == ("garbled", "correction", "why", "article")
    assert all(line.count("\t") == 3 for line in lines[1:] if line)
    assert len(load_errata()) == len([line for line in lines[1:] if line])


def test_entries_are_frozen_errata() -> None:
    errata = load_errata()
    assert errata and all(isinstance(e, Erratum) for e in errata)
    with pytest.raises(dataclasses.FrozenInstanceError):
        errata[0].correction = "改"  # type: ignore[misc]
    assert load_errata() is not load_errata()  # a new list each call


@pytest.mark.parametrize("erratum", load_errata(), ids=lambda e: f"{e.article}:{e.correction}")
def test_every_garbled_span_occurs_in_its_article(erratum: Erratum) -> None:
    # "C" is the capstone's article (an instructor's page added with beyond-traffic capstone)
    assert erratum.article in (*ARTICLE_IDS, "C")
    if erratum.article == "C":
        assert erratum.garbled in CAPSTONE.read_text(encoding="utf-8")
    else:
        assert erratum.garbled in get_article(erratum.article).raw


@pytest.mark.parametrize("erratum", load_errata(), ids=lambda e: f"{e.article}:{e.correction}")
def test_corrections_are_clean_simplified_and_explained(erratum: Erratum) -> None:
    assert "?" not in erratum.correction and "\ufffd" not in erratum.correction
    assert not re.search(f"[{TONED}]", erratum.correction), "a correction carries no pinyin"
    assert T2S.convert(erratum.correction) == erratum.correction, "corrections are Simplified"
    assert len(erratum.why) >= 20, "every entry says why"
    assert erratum.garbled != erratum.correction


def test_spans_are_unique_per_article() -> None:
    keys = [(e.article, e.garbled) for e in load_errata()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("garbled", "correction"),
    [
        ("因?yàn)楝F(xiàn)在", "因为现在"),
        ("減少?zèng)Q策", "减少决策"),
        ("轉(zhuǎn)變?nèi)藗儗?duì)于", "转变人们对于"),
    ],
)
def test_the_issue_examples_are_in_the_table(garbled: str, correction: str) -> None:
    assert apply_errata(garbled) == correction


def test_the_garbled_closing_bracket_of_a3_is_restored_once() -> None:
    repaired = apply_errata(get_article("A3").raw)
    assert "」淘宝内容" in repaired and "」」" not in repaired
    assert "!" not in repaired, "every '!' in A3 stands for a closing 」"


@pytest.mark.parametrize("article_id", ["A1", "A3", "A4"])
def test_no_mojibake_is_left_after_errata_and_notes(article_id: str) -> None:
    text = strip_pinyin_annotations(apply_errata(get_article(article_id).raw))
    # a '?' glued to pinyin letters is a lost byte, not a question mark
    assert not re.search(f"\\?[a-z{TONED}]", text)
    assert "\ufffd" not in text and "€" not in text
    # a pinyin note left behind a non-CJK character marks a byte-shifted span
    assert not re.search(f"[(（][a-z{TONED}]+[)）]", text)
    # byte-shifted GBK shows up as rare characters outside GB2312 once converted
    simplified = opencc.OpenCC("tw2s").convert(text)
    rare = {ch for ch in simplified if not ch.isascii() and not _in_gb2312(ch)}
    assert rare <= set("—“”「」"), rare


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_simplified_articles_need_no_errata() -> None:
    for article_id in ("A2", "A5"):
        raw = get_article(article_id).raw
        assert apply_errata(raw) == raw


def test_a_line_pasted_from_the_audit_must_be_filled_in() -> None:
    from beyond_traffic.clean import find_garbled
    from beyond_traffic.errata import parse_errata

    span = find_garbled("县城的直播间\ufffd很热闹")[0]
    table = "\t".join(COLUMNS) + "\n" + span.errata_line(article="C") + "\n"
    with pytest.raises(ValueError, match="fill in the correction"):
        parse_errata(table)
    filled = table.replace("<correction>", "间很")
    assert [e.correction for e in parse_errata(filled)] == ["间很"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("garbled\tfix\n", "header"),
        ("garbled\tcorrection\twhy\tarticle\na\tb\n", "4 fields"),
        ("garbled\tcorrection\twhy\tarticle\n\tb\tc\tA1\n", "empty"),
    ],
)
def test_bad_tables_are_refused_with_the_line(table: str, message: str) -> None:
    from beyond_traffic.errata import parse_errata

    with pytest.raises(ValueError, match=message):
        parse_errata(table)
