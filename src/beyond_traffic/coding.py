"""The marker coding format: coded sentences and spans, parsed with errors that name the row."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from beyond_traffic._validate import require_str

__all__ = [
    "packaged_coding",
    "packaged_coding_text",
    "CATEGORIES",
    "FAMILIES",
    "VOICES",
    "CodedSentence",
    "MarkerSpan",
    "parse_coding",
]

#: The six labels of the coding guideline, in the order the lessons report them.
CATEGORIES: tuple[str, ...] = ("hedge", "certainty", "prediction", "evidence", "filler", "stance")
#: Four families of marker; certainty/prediction and filler/stance are coded apart (guideline).
FAMILIES: dict[str, str] = {
    "hedge": "hedge",
    "certainty": "certainty/prediction",
    "prediction": "certainty/prediction",
    "evidence": "evidence",
    "filler": "filler/stance",
    "stance": "filler/stance",
}
#: Whose words a sentence mostly carries.
VOICES: tuple[str, ...] = ("author", "quoted", "vendor")

_OCCURRENCE = re.compile(r"^(?P<text>.+?)#(?P<n>[1-9]\d*)$")


@dataclass(frozen=True)
class MarkerSpan:
    """One marker in one sentence: its category, its text and where it is.

    Attributes:
        category: one of :data:`CATEGORIES`.
        text: the marker as it stands in the sentence.
        start: offset of its first character in the sentence.
        end: offset after its last character (``sentence[start:end] == text``).

    Example:
        >>> MarkerSpan("hedge", "或许", 1, 3).text
        '或许'
    """

    category: str
    text: str
    start: int
    end: int

    def overlaps(self, other: MarkerSpan) -> bool:
        """Return True if the two spans share at least one character.

        Example:
            >>> a = MarkerSpan("certainty", "很显然", 0, 3)
            >>> a.overlaps(MarkerSpan("certainty", "显然", 1, 3))
            True
        """
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class CodedSentence:
    """One sentence of a coding (the reference coding or another) with the markers coded in it.

    Attributes:
        article_id: ``"A1"`` … ``"A5"``.
        index: its position in ``claims.split_sentences(article.clean)``, from 0.
        voice: ``"author"``, ``"quoted"`` or ``"vendor"`` (see :data:`VOICES`).
        text: the sentence.
        spans: every coded marker, in the order of the data file.

    Example:
        >>> s = parse_coding("A1\\t1\\tauthor\\thedge=更像是\\t它更像是一种新方向。")[0]
        >>> s.article_id, [m.text for m in s.spans_of("hedge")]
        ('A1', ['更像是'])
    """

    article_id: str
    index: int
    voice: str
    text: str
    spans: tuple[MarkerSpan, ...]

    def spans_of(self, category: str) -> list[MarkerSpan]:
        """Return the coded spans of one category, left to right.

        Example:
            >>> s = parse_coding("A1\\t4\\tauthor\\tfiller=仅仅只是\\t这仅仅只是开始。")[0]
            >>> s.spans_of("filler")[0].text
            '仅仅只是'
        """
        category = _require_category(category)
        return sorted((s for s in self.spans if s.category == category), key=lambda s: s.start)


def _require_category(category: object) -> str:
    require_str(category, name="category")
    if category not in CATEGORIES:
        raise ValueError(f"category must be one of {', '.join(CATEGORIES)}; got {category!r}")
    return category


def _resolve(sentence: str, category: str, items: list[str], where: str) -> list[MarkerSpan]:
    """Turn ``text`` / ``text#n`` items into offsets: repeated texts take successive occurrences."""
    used: Counter[str] = Counter()
    spans = []
    for item in items:
        match = _OCCURRENCE.match(item)
        text, wanted = (match["text"], int(match["n"])) if match else (item, None)
        used[text] += 1
        nth = wanted if wanted is not None else used[text]
        starts = [m.start() for m in re.finditer(f"(?={re.escape(text)})", sentence)]
        if nth > len(starts):
            raise ValueError(
                f"{where}: {category} span {item!r} is not in the sentence; copy the span "
                "exactly as it stands there (text#2 for its second occurrence)"
            )
        start = starts[nth - 1]
        spans.append(MarkerSpan(category, text, start, start + len(text)))
    spans.sort(key=lambda s: s.start)
    for a, b in zip(spans, spans[1:], strict=False):
        if a.overlaps(b):
            raise ValueError(f"{where}: {category} spans {a.text!r} and {b.text!r} overlap")
    return spans


def _parse_codes(codes: str, sentence: str, where: str) -> tuple[MarkerSpan, ...]:
    if codes.strip() == "-":
        return ()
    spans: list[MarkerSpan] = []
    seen: set[str] = set()
    for part in codes.split(";"):
        category, sep, items = part.strip().partition("=")
        if not sep or category not in CATEGORIES or not items.strip():
            raise ValueError(f"{where}: bad code {part.strip()!r} (expected category=span|span)")
        if category in seen:
            raise ValueError(f"{where}: category {category!r} is given twice")
        seen.add(category)
        spans.extend(_resolve(sentence, category, [i.strip() for i in items.split("|")], where))
    return tuple(spans)


_FORMAT_HINT = (
    "each row is article<TAB>index<TAB>voice<TAB>codes<TAB>sentence, codes '-' or "
    "category=span|span; category=span (see docs/marker_coding_guideline.md)"
)


def parse_coding(text: str, *, source: str = "coding") -> list[CodedSentence]:
    """Parse a coding in the format of ``data/marker_gold.tsv`` (lines starting with # skipped).

    Args:
        text: the file's text.
        source: the file's name, used in error messages.

    Returns:
        One :class:`CodedSentence` per row, in file order.

    Raises:
        TypeError: ``text`` or ``source`` is not a str.
        ValueError: a malformed row; the message names the file, the line and the fix.

    Example:
        >>> rows = parse_coding("A1\\t0\\tauthor\\thedge=或许\\t它或许会变。", source="我.tsv")
        >>> rows[0].spans[0].text
        '或许'
        >>> parse_coding("A1\\t0\\tauthor\\thedge=也许\\t它或许会变。", source="x.tsv")
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: x.tsv line 1: hedge span '也许' is not in the sentence; ...
    """
    require_str(text, name="text")
    require_str(source, name="source")
    sentences = []
    seen: dict[tuple[str, int], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{source} line {number}"
        if len(fields) != 5:
            raise ValueError(
                f"{where}: expected 5 tab-separated fields, got {len(fields)}; {_FORMAT_HINT}"
            )
        article_id, index, voice, codes, sentence = (f.strip() for f in fields)
        if not article_id:
            raise ValueError(f"{where}: the article field is empty; {_FORMAT_HINT}")
        if not re.fullmatch(r"\d+", index):
            raise ValueError(f"{where}: index must be a whole number from 0, got {index!r}")
        if voice not in VOICES:
            raise ValueError(f"{where}: voice must be one of {', '.join(VOICES)}, got {voice!r}")
        if not sentence:
            raise ValueError(f"{where}: the sentence field is empty")
        key = (article_id, int(index))
        if key in seen:
            raise ValueError(
                f"{where}: {article_id} sentence {index} is coded twice (first on line "
                f"{seen[key]}); keep one row per sentence"
            )
        seen[key] = number
        spans = _parse_codes(codes, sentence, where)
        sentences.append(CodedSentence(article_id, int(index), voice, sentence, spans))
    return sentences


def packaged_coding_text(name: str) -> str:
    """Return the text of a coding file shipped in ``beyond_traffic/data`` (header included).

    Example:
        >>> packaged_coding_text("marker_gold.tsv").startswith("#")
        True
    """
    return (resources.files("beyond_traffic") / "data" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def packaged_coding(name: str) -> tuple[CodedSentence, ...]:
    """Return the parsed sentences of a coding file shipped in ``beyond_traffic/data``.

    Example:
        >>> len(packaged_coding("second_coding_120.tsv"))
        120
    """
    return tuple(parse_coding(packaged_coding_text(name), source=name))
