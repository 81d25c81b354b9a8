"""Cleaning on pages it was not built from: four course-written pages, checked by kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from beyond_traffic.clean import audit, clean_text, furniture_class
from beyond_traffic.damage import garble

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"
PAGES = sorted(p.name[: -len(".txt")] for p in UNSEEN.glob("page_?.txt"))
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


def _read(name: str) -> str:
    return (UNSEEN / name).read_text(encoding="utf-8")


def test_there_are_unseen_pages() -> None:
    assert len(PAGES) >= 4


@pytest.mark.parametrize("page", PAGES)
def test_cleaned_page_is_the_body_as_written(page: str) -> None:
    assert clean_text(_read(f"{page}.txt")) == _read(f"{page}.clean.txt").strip("\n")


@pytest.mark.parametrize("page", PAGES)
def test_every_furniture_line_is_removed_by_its_class(page: str) -> None:
    expected = [tuple(line.split("\t")) for line in _read(f"{page}.furniture.tsv").splitlines()]
    removed = audit(_read(f"{page}.txt")).step("remove_furniture").removed
    assert [(furniture_class(line), line) for line in removed] == expected


@pytest.mark.parametrize("page", PAGES)
def test_no_remnant_doubled_or_half_width_mark_is_left(page: str) -> None:
    clean = clean_text(_read(f"{page}.txt"))
    assert not re.search(f"[{TONED}]", clean)
    assert "（）" not in clean and "()" not in clean
    assert not re.search("[，。、；：？！]{2}", clean.replace("？！", ""))
    assert not re.search(r"[\u4e00-\u9fff][,;:?!]", clean)


def test_a_garbled_span_on_an_unseen_page_is_named_with_its_line() -> None:
    page = _read("page_3.txt")
    damaged = page.replace("记账软件", garble("记账软件"), 1)
    spans = audit(damaged).garbled
    assert len(spans) == 1
    line = damaged[: spans[0].start].count("\n") + 1
    assert spans[0].line == line and "记账软件" not in damaged.split("\n")[line - 1]
