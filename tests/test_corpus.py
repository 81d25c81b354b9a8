"""Tests for beyond_traffic.corpus: order, metadata, raw bytes as shipped, cleaned text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from beyond_traffic.clean import (
    apply_errata,
    clean_text,
    normalise_punctuation,
    strip_pinyin_annotations,
    to_simplified,
)
from beyond_traffic.corpus import (
    ARTICLE_IDS,
    CONFIDENCE_LEVELS,
    Article,
    Inference,
    get_article,
    load_corpus,
    provenance_table,
    raw_bytes,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
DIGESTS = dict(
    reversed(line.split())
    for line in (ROOT / "tests" / "seed_digests.txt").read_text().splitlines()
)


def test_five_articles_in_order() -> None:
    articles = load_corpus()
    assert ARTICLE_IDS == ("A1", "A2", "A3", "A4", "A5")
    assert [a.id for a in articles] == list(ARTICLE_IDS)
    assert all(isinstance(a, Article) for a in articles)
    assert [a.file for a in articles] == sorted(DIGESTS)
    assert load_corpus() is not load_corpus()  # a new list each call


def test_metadata_fields() -> None:
    for article in load_corpus():
        assert article.script in {"traditional", "simplified"}
        assert article.genre and article.notes
        assert article.title is None or (isinstance(article.title, str) and article.title)
    assert get_article("A1").author == "孟永辉"
    assert get_article("A3").genre == "advocacy"


def test_raw_is_the_shipped_bytes_and_matches_the_recorded_digests() -> None:
    for article in load_corpus():
        data = raw_bytes(article.file)
        assert article.raw == data.decode("utf-8")
        assert hashlib.sha256(data).hexdigest() == DIGESTS[article.file], article.file


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_raw_is_byte_identical_to_the_shared_seeds() -> None:
    # the digests above make this check everywhere; here the bytes are compared directly
    for article in load_corpus():
        assert raw_bytes(article.file) == (SHARED_SEEDS / article.file).read_bytes()


def test_script_matches_the_text() -> None:
    for article in load_corpus():
        stripped = strip_pinyin_annotations(apply_errata(article.raw))
        is_traditional = to_simplified(stripped) != stripped
        assert is_traditional == (article.script == "traditional"), article.id


def test_titles_and_authors_come_from_the_page() -> None:
    a1 = get_article("A1")
    first, byline = a1.raw.split("\n")[:2]
    label, _, headline = first.partition(":")
    assert to_simplified(strip_pinyin_annotations(label)) == "原标题"
    assert normalise_punctuation(to_simplified(strip_pinyin_annotations(headline))) == a1.title
    assert to_simplified(strip_pinyin_annotations(byline)) == f"文/{a1.author}"
    for article_id in ("A2", "A5"):  # the headline is the first line of the page
        article = get_article(article_id)
        assert article.clean.split("\n")[0] == article.title
    for article_id in ("A3", "A4"):  # the page starts with body text
        assert get_article(article_id).title is None


def test_clean_text_is_non_empty_and_shorter() -> None:
    for article in load_corpus():
        assert article.clean and article.clean == clean_text(article.raw)
        if article.script == "traditional":
            assert len(article.clean) < 0.8 * len(article.raw), article.id
        else:
            assert len(article.clean) <= len(article.raw), article.id


def test_get_article_is_case_insensitive() -> None:
    assert get_article("a2") is get_article(" A2 ")
    assert get_article("A2").title == "直播带货，产业互联网的前奏曲"


@pytest.mark.parametrize(("bad", "error"), [("A9", KeyError), ("", KeyError), (2, TypeError)])
def test_get_article_errors(bad, error) -> None:
    with pytest.raises(error):
        get_article(bad)


def test_raw_bytes_errors() -> None:
    with pytest.raises(TypeError):
        raw_bytes(None)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        raw_bytes("999_missing.txt")


# --- provenance (issue 11) ----------------------------------------------------------------------


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_every_article_has_provenance_with_reasoned_inferences(article_id):
    p = get_article(article_id).provenance
    assert p.page_shows and p.inferred and p.caveats
    for item in p.inferred:
        assert isinstance(item, Inference)
        assert item.confidence in CONFIDENCE_LEVELS
        assert len(item.reasoning) > 20


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_raw_snippets_in_provenance_are_on_the_page(article_id):
    # backticks quote the raw page (furniture is gone from the cleaned text)
    article = get_article(article_id)
    p = article.provenance
    texts = [*p.page_shows, *(i.reasoning for i in p.inferred), *p.caveats]
    snippets = [s for t in texts for s in re.findall(r"`([^`]+)`", t) if "(" not in s[:1]]
    snippets = [s for s in snippets if not s.startswith("marker_gold")]
    for snippet in snippets:
        assert snippet in article.raw, snippet


def test_what_provenance_says_about_the_texts_holds():
    a1, a3, a4, a5 = (get_article(a) for a in ("A1", "A3", "A4", "A5"))
    assert "原標(biāo)題" in a1.raw and "原标题" not in a1.clean  # a repost; furniture removed
    assert "400萬字" in a1.raw and "400万字" not in a1.clean  # the bio is raw text only
    assert "共2頁" in a3.raw  # page 1 of 2
    assert a3.clean.count("2020年") == 2 and "今年上半年" in a3.clean
    assert "直播" not in a4.clean  # A4 never mentions live commerce
    assert "直播带货" not in a5.clean  # nor does A5
    assert "本文来源网络" in a5.raw and "本文来源网络" not in a5.clean


def test_provenance_table_lists_every_inference():
    table = provenance_table()
    assert len(table) == sum(len(a.provenance.inferred) for a in load_corpus())
    assert set(table["article"]) == set(ARTICLE_IDS)
