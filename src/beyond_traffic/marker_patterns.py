"""Open-class claim markers: regex patterns and the near-synonym test for filler (同义叠用)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import permutations
from typing import NamedTuple

from beyond_traffic._validate import require_str

__all__ = [
    "PATTERN_CATEGORIES",
    "MarkerPattern",
    "filler_spans",
    "marker_patterns",
    "near_synonyms",
    "pattern_spans",
]

#: The categories a line of ``data/marker_patterns.txt`` may name.
PATTERN_CATEGORIES: tuple[str, ...] = ("hedge", "certainty", "prediction", "stance")

# Conjunctions that join two coordinated words (方式和方法, 内涵与意义, 长久且持续).
_CONJUNCTIONS = ("以及", "和", "与", "及", "且", "跟", "同")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# Words are 1–4 Han characters; a doubled noun or verb is 2–4 on either side of the conjunction.
_WORD_LENGTHS = (4, 3, 2)


class MarkerPattern(NamedTuple):
    """One named regex of ``data/marker_patterns.txt`` and the category it marks.

    Example:
        >>> p = next(p for p in marker_patterns() if p.name == "future_jiang")
        >>> p.category, bool(p.regex.search("直播带货将改变传统行业"))
        ('prediction', True)
    """

    category: str
    name: str
    regex: re.Pattern[str]


def _lines(name: str) -> list[tuple[int, str]]:
    path = resources.files("beyond_traffic") / "data" / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append((number, line))
    return rows


@lru_cache(maxsize=1)
def _patterns() -> tuple[MarkerPattern, ...]:
    found = []
    for number, line in _lines("marker_patterns.txt"):
        fields = line.split("\t")
        where = f"marker_patterns.txt line {number}"
        if len(fields) != 3 or fields[0] not in PATTERN_CATEGORIES:
            raise ValueError(
                f"{where}: expected category<TAB>name<TAB>regex with category one of "
                f"{', '.join(PATTERN_CATEGORIES)}"
            )
        try:
            regex = re.compile(fields[2].strip())
        except re.error as exc:
            raise ValueError(f"{where}: bad regex for {fields[1]}: {exc}") from exc
        found.append(MarkerPattern(fields[0], fields[1].strip(), regex))
    return tuple(found)


def marker_patterns() -> list[MarkerPattern]:
    """Return the open-class patterns of ``data/marker_patterns.txt`` in file order.

    Example:
        >>> sorted({p.category for p in marker_patterns()})
        ['certainty', 'hedge', 'prediction', 'stance']
    """
    return list(_patterns())


def pattern_spans(text: str, category: str) -> list[tuple[str, int, int]]:
    """Return ``(match, start, end)`` for every pattern of ``category`` found in ``text``.

    Matches of different patterns may overlap here; ``claims.marker_spans`` resolves overlaps
    together with the lexicon matches.

    Args:
        text: one sentence.
        category: one of :data:`PATTERN_CATEGORIES`.

    Example:
        >>> pattern_spans("我总觉得它将成为主流", "stance")
        [('我总觉得', 0, 4)]
        >>> pattern_spans("我总觉得它将成为主流", "prediction")
        [('将', 5, 6)]
    """
    require_str(text, name="text")
    require_str(category, name="category")
    if category not in PATTERN_CATEGORIES:
        raise ValueError(
            f"category must be one of {', '.join(PATTERN_CATEGORIES)}; got {category!r}"
        )
    return [
        (m.group(), m.start(), m.end())
        for p in _patterns()
        if p.category == category
        for m in p.regex.finditer(text)
        if m.group()
    ]


@lru_cache(maxsize=1)
def _classes() -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    nouns, adverbs = [], []
    for number, line in _lines("near_synonyms.txt"):
        fields = line.split("#", 1)[0].split()
        words = [f for f in fields if not f.startswith("@")]
        tags = {f[1:] for f in fields if f.startswith("@")}
        bad = [w for w in words if not _HAN.fullmatch(w)]
        if bad or tags - {"adverb"} or len(words) < 2:
            raise ValueError(
                f"near_synonyms.txt line {number}: expected two or more Chinese words and an "
                f"optional @adverb, got {line.strip()!r}"
            )
        (adverbs if "adverb" in tags else nouns).append(frozenset(words))
    return tuple(nouns), tuple(adverbs)


def near_synonyms(first: str, second: str) -> bool:
    """Return True if two different words say one thing (one class of ``near_synonyms.txt``).

    The test is by class, not by pair: 方法 and 途径 are near-synonyms because both are "ways
    and means", whether or not any article joins them.

    Example:
        >>> near_synonyms("方法", "途径"), near_synonyms("客观", "理性")
        (True, False)
    """
    require_str(first, name="first")
    require_str(second, name="second")
    if first == second:
        return False
    nouns, adverbs = _classes()
    return any(first in c and second in c for c in (*nouns, *adverbs))


@lru_cache(maxsize=1)
def _doubled_adverbs() -> re.Pattern[str]:
    _, adverbs = _classes()
    members = {w for c in adverbs for w in c}
    pairs = {
        a + b
        for c in adverbs
        for a, b in permutations(c, 2)
        # 早 + 已 is the word 早已, not a doubling: a pair that spells one member is skipped
        if a + b not in members
    }
    return re.compile("|".join(re.escape(p) for p in sorted(pairs, key=lambda s: (-len(s), s))))


def _coordinated(text: str) -> list[tuple[str, int, int]]:
    found = []
    for conj in _CONJUNCTIONS:
        for m in re.finditer(re.escape(conj), text):
            i, j = m.start(), m.end()
            for la in _WORD_LENGTHS:
                a = text[i - la : i] if i >= la else ""
                hit = None
                for lb in _WORD_LENGTHS:
                    b = text[j : j + lb]
                    if len(a) == la and len(b) == lb and _HAN.fullmatch(a + b):
                        # literal repetition (生产方式和生产方式) or one class (方法和途径)
                        if a == b or near_synonyms(a, b):
                            hit = (text[i - la : j + lb], i - la, j + lb)
                            break
                if hit:
                    found.append(hit)
                    break
    return found


def filler_spans(text: str) -> list[tuple[str, int, int]]:
    """Return the synonym doublings in ``text`` as ``(span, start, end)``, left to right.

    Two kinds (guideline §7.1): coordinated near-synonyms ``A和B`` / ``A与B`` / ``A及B`` /
    ``A且B`` whose words share a class of ``near_synonyms.txt`` (or repeat literally), and
    doubled adverbs written side by side (依然还, 早就已经, 仅仅只是). Overlaps keep the earlier,
    then the longer, span.

    Args:
        text: one sentence.

    Example:
        >>> [s for s, _, _ in filler_spans("思考它的内涵与意义，找到方法和途径，它依然还在")]
        ['内涵与意义', '方法和途径', '依然还']
    """
    require_str(text, name="text")
    found = _coordinated(text)
    found += [(m.group(), m.start(), m.end()) for m in _doubled_adverbs().finditer(text)]
    found.sort(key=lambda s: (s[1], -(s[2] - s[1])))
    kept: list[tuple[str, int, int]] = []
    for span in found:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept
