"""Tests for beyond_traffic.synthetic, and that cleaning recovers unseen synthetic articles."""

from __future__ import annotations

import difflib
import re

import opencc
import pytest

from beyond_traffic.clean import clean_text, strip_pinyin_annotations
from beyond_traffic.synthetic import (
    PINYIN,
    SyntheticArticle,
    add_pinyin_notes,
    make_article,
    make_batch,
    to_halfwidth,
    to_traditional,
)

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SEEDS = range(200)


@pytest.fixture(scope="module")
def batch() -> list[SyntheticArticle]:
    return make_batch(len(SEEDS), start=SEEDS.start)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


# --- the generator -----------------------------------------------------------------------------


def test_same_seed_same_article_other_seed_other_article() -> None:
    assert make_article(5) == make_article(5)
    assert make_article(5).noisy != make_article(6).noisy
    assert make_article(5, paragraphs=2).original.count("\n") < make_article(5).original.count("\n")


def test_batch_covers_every_kind_of_noise(batch) -> None:
    scripts = {a.script for a in batch}
    assert scripts == {"s2t", "s2tw", "simplified"}
    noisy = "\n".join(a.noisy for a in batch)
    for marker in [
        "免責聲明",
        "共",
        "下一頁",
        "分享到微信",
        "關注公號",
        "@",
        "文/",
        "- ",
        "\n\n\n",
    ]:
        assert marker in noisy, marker
    assert re.search(f"\\([a-z{TONED}]+\\)", noisy)
    assert re.search(r"[\u4e00-\u9fff][,?:;!]", noisy), "half-width punctuation in Chinese"


def test_traditional_articles_really_are_traditional(batch) -> None:
    t2s = opencc.OpenCC("t2s")
    for article in batch:
        stripped = strip_pinyin_annotations(article.noisy)
        changed = t2s.convert(stripped) != stripped
        assert changed == (article.script != "simplified"), article.seed
        assert t2s.convert(article.original) == article.original, "originals are Simplified"


def test_pinyin_table_is_traditional_and_toned() -> None:
    t2s = opencc.OpenCC("t2s")
    assert len(PINYIN) >= 100
    for char, reading in PINYIN.items():
        assert len(char) == 1 and t2s.convert(char) != char, char
        assert re.fullmatch(f"[a-zü{TONED}]+", reading) and sum(c in TONED for c in reading) == 1
        # the cleaner recognises every note the generator writes
        assert strip_pinyin_annotations(add_pinyin_notes(char)) == char


def test_pinyin_notes_rate_and_seed() -> None:
    text = to_traditional("产业互联网的发展需要数据和技术。" * 5)
    assert add_pinyin_notes(text, rate=0) == text
    full = add_pinyin_notes(text, rate=1)
    half = add_pinyin_notes(text, rate=0.5, seed=3)
    assert full.count("(") > half.count("(") > 0
    assert half == add_pinyin_notes(text, rate=0.5, seed=3)
    assert strip_pinyin_annotations(half) == text


def test_helpers() -> None:
    assert to_traditional("产业互联网", config="s2tw") == "產業互聯網"
    assert to_halfwidth("是什么？（见下文）：好！") == "是什么?(见下文):好!"
    with pytest.raises(ValueError):
        to_traditional("产业", config="t2s")
    with pytest.raises(ValueError):
        add_pinyin_notes("產業", rate=2)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: make_article("1"), TypeError),
        (lambda: make_article(1, paragraphs=0), ValueError),
        (lambda: make_batch(0), ValueError),
        (lambda: make_batch(2, start=None), TypeError),
        (lambda: to_traditional(b"abc"), TypeError),
        (lambda: add_pinyin_notes(None), TypeError),
        (lambda: add_pinyin_notes("產", rate="1"), TypeError),
        (lambda: to_halfwidth(3), TypeError),
    ],
)
def test_bad_arguments(call, error) -> None:
    with pytest.raises(error):
        call()


# --- cleaning generalises ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cleaned(batch) -> list[str]:
    return [clean_text(article.noisy) for article in batch]


def test_clean_text_recovers_the_original(batch, cleaned) -> None:
    scores = [_similarity(c, a.original) for c, a in zip(cleaned, batch, strict=True)]
    worst = min(range(len(batch)), key=scores.__getitem__)
    assert scores[worst] >= 0.98, f"seed {batch[worst].seed}: {scores[worst]:.4f}"
    exact = sum(c == a.original for c, a in zip(cleaned, batch, strict=True))
    assert exact >= 0.95 * len(batch), f"only {exact} of {len(batch)} recovered exactly"


def test_clean_text_removes_all_noise_from_synthetic_pages(cleaned) -> None:
    for text in cleaned:
        assert "@" not in text and "下一页" not in text and "免责" not in text
        assert not re.search(f"[{TONED}]", text)
        assert "\n\n" not in text and text == text.strip()
