"""Tests for beyond_traffic.damage and the damaged pages of the synthetic generator."""

from __future__ import annotations

import pytest

from beyond_traffic.clean import audit, clean_text
from beyond_traffic.damage import FURNITURE_LINES, damage_page, garble
from beyond_traffic.synthetic import make_article

SEEDS = range(30)


def test_the_default_pages_are_unchanged() -> None:
    plain = make_article(3)
    assert plain.furniture == () and plain.garbled == ()
    assert make_article(3, damaged=False) == plain


def test_damage_adds_one_line_of_every_class() -> None:
    hurt = damage_page(make_article(5).noisy, seed=5)
    assert sorted({kind for kind, _ in hurt.furniture}) == sorted(FURNITURE_LINES)
    for _, line in hurt.furniture:
        assert line in hurt.page


@pytest.mark.parametrize("seed", SEEDS)
def test_damaged_pages_clean_back_to_what_was_written(seed: int) -> None:
    article = make_article(seed, damaged=True)
    assert clean_text(article.noisy) == article.original
    result = audit(article.noisy)
    assert result.garbled == ()
    assert sum(result.furniture_by_class().values()) >= len(FURNITURE_LINES)


def test_damage_makes_remnants_of_several_shapes() -> None:
    shapes = set()
    for seed in SEEDS:
        for remnant in damage_page(make_article(seed).noisy, seed=seed).remnants:
            shapes.add("detached" if remnant.startswith(" (") else remnant[:1] + remnant[-1:])
    assert len(shapes) >= 4


@pytest.mark.parametrize("seed", SEEDS)
def test_garbled_pages_have_their_span_named(seed: int) -> None:
    article = make_article(seed, garbled=True)
    assert len(article.garbled) == 1
    spans = audit(article.noisy).garbled
    assert spans, article.garbled
    bad = article.garbled[0]
    start = article.noisy.index(bad)
    assert any(s.start < start + len(bad) and s.end > start for s in spans)


def test_garble_is_utf8_read_as_gbk() -> None:
    assert garble("产业") == "产业".encode().decode("gbk", errors="replace")
    with pytest.raises(TypeError):
        garble(b"x")  # type: ignore[arg-type]
