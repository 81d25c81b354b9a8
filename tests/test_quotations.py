"""Every 「…」 quotation in course/, solutions/, docs/ and the package's reading data is verbatim.

The team's convention (notes for helpers): 「…」 marks a verbatim quotation of an article's
*cleaned* text; an ellipsis … inside it separates fragments that must each occur, in order, in
the same article. Raw snippets go in backticks and other quotations in “ ” or ‘ ’. Spans in code
that are templates or patterns (they contain { } [ ] ^ $ or a backslash) are not quotations, nor
is the bare notation 「…」. Markdown bold (``**``) inside a quotation is emphasis added by the
course, not text, and is ignored.
Files under solutions/ps4*/ may also quote the unseen article(s) shipped there as .txt files.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

import pytest

from beyond_traffic.clean import clean_text
from beyond_traffic.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "beyond_traffic" / "data"
SPAN = re.compile(r"「([^「」\n]+)」")
NOT_A_QUOTATION = re.compile(r"[{}\[\]^$\\]")
ELLIPSIS = re.compile(r"…+|\.\.\.")


def _files() -> list[Path]:
    found = []
    for folder, patterns in [
        ("course", ("*.py", "*.md")),
        ("solutions", ("**/*.py", "**/*.md")),
        ("docs", ("**/*.md",)),
    ]:
        for pattern in patterns:
            found += sorted((ROOT / folder).glob(pattern))
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


@lru_cache(maxsize=1)
def _corpus_texts() -> tuple[str, ...]:
    return tuple(a.clean for a in load_corpus())


@cache
def _extra_texts(folder: Path) -> tuple[str, ...]:
    """Cleaned text of the unseen article(s) a capstone folder ships."""
    return tuple(clean_text(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt")))


def _texts_for(path: Path) -> tuple[str, ...]:
    texts = _corpus_texts()
    rel = path.relative_to(ROOT).parts
    if len(rel) > 1 and rel[0] == "solutions" and rel[1].startswith("ps4"):
        texts += _extra_texts(ROOT / rel[0] / rel[1])
    return texts


def occurs(span: str, texts: tuple[str, ...]) -> bool:
    """True if every fragment of ``span`` occurs, in order, in one of ``texts``."""
    fragments = [f for f in ELLIPSIS.split(span) if f.strip()]
    if not fragments:
        return False
    for text in texts:
        position = 0
        for fragment in fragments:
            found = text.find(fragment, position)
            if found < 0:
                break
            position = found + len(fragment)
        else:
            return True
    return False


def quotations(text: str) -> list[tuple[int, str]]:
    """(line number, span) for each 「…」 in ``text`` that is a quotation, not a code pattern."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in SPAN.finditer(line):
            span = match.group(1).replace("**", "")
            if NOT_A_QUOTATION.search(span) or not ELLIPSIS.sub("", span).strip():
                continue
            found.append((number, span))
    return found


FILES = _files()


def test_the_checked_folders_hold_quotations():
    total = sum(len(quotations(p.read_text(encoding="utf-8"))) for p in FILES)
    assert total >= 50, "the lessons and docs quote the articles"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quotation_occurs_in_the_cleaned_articles(path):
    texts = _texts_for(path)
    bad = [
        f"line {n}: 「{span}」"
        for n, span in quotations(path.read_text(encoding="utf-8"))
        if not occurs(span, texts)
    ]
    assert not bad, "not found in any cleaned article:\n" + "\n".join(bad)


def _data_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _data_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _data_strings(v)]
    return []


@pytest.mark.parametrize("name", ["corpus.json", "arguments.json"])
def test_quotations_in_the_reading_data_occur_too(name):
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    texts = _corpus_texts()
    spans = [s for text in _data_strings(data) for _, s in quotations(text)]
    assert spans or name == "arguments.json"
    bad = [s for s in spans if not occurs(s, texts)]
    assert not bad, bad


# --- the checker itself -----------------------------------------------------------------------


def test_occurs_needs_every_fragment_in_order_in_one_article():
    texts = ("直播带货落幕是必然。它或许会变。", "流量见顶。")
    assert occurs("直播带货落幕是必然", texts)
    assert occurs("直播带货…或许会变", texts)
    assert occurs("直播带货……或许会变", texts)
    assert not occurs("或许会变…直播带货", texts)  # out of order
    assert not occurs("直播带货…流量见顶", texts)  # fragments from two articles
    assert not occurs("直播带货将会落幕", texts)
    assert not occurs("……", texts)


def test_code_patterns_and_unclosed_brackets_are_not_quotations():
    text = 'print(f"「{word}」")\nre.compile(r"「([^」]+)」")\nif "「" in line:\n说「流量」「…」\n'
    assert quotations(text) == [(4, "流量")]
    assert quotations("「**几乎**所有」") == [(1, "几乎所有")]
