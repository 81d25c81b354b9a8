"""The course lexicons: stopwords, hedges, certainty, filler and evidence markers (data/*.txt)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from beyond_traffic._validate import require_str

__all__ = [
    "CERTAINTY",
    "EVIDENCE_PATTERNS",
    "FILLERS",
    "HEDGES",
    "PREDICTIONS",
    "EvidencePattern",
    "Lexicon",
    "stopwords",
]


def _read(name: str) -> list[tuple[int, str]]:
    """Return (line number, text) for the non-blank, non-comment lines of ``data/<name>``."""
    path = resources.files("beyond_traffic") / "data" / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append((number, line))
    return rows


def _strip_comment(line: str) -> str:
    # Lexicon terms never contain "#", so everything after it is a comment.
    return line.split("#", 1)[0].strip()


class Lexicon(frozenset):
    """A frozen set of terms that can also find itself in text.

    It behaves like a ``frozenset`` (``"或许" in HEDGES``, ``sorted(HEDGES)``) and adds:

    Attributes:
        name: the data file it came from, e.g. ``"hedges"``.
        exceptions: strings that look like a term but are not one (``可能性`` is a noun, not
            a hedge); text they cover is never counted.
        tags: term -> set of tags from the data file (``@prediction``).

    Example:
        >>> from beyond_traffic.lexicons import HEDGES
        >>> HEDGES.find("这或许可能是一种可能性")
        ['或许', '可能']
    """

    name: str
    exceptions: frozenset[str]
    tags: dict[str, frozenset[str]]

    def __new__(
        cls,
        terms: frozenset[str] | set[str] | list[str] | tuple[str, ...],
        *,
        name: str = "",
        exceptions: frozenset[str] | set[str] | tuple[str, ...] = frozenset(),
        tags: dict[str, frozenset[str]] | None = None,
    ) -> Lexicon:
        self = super().__new__(cls, terms)
        self.name = name
        self.exceptions = frozenset(exceptions)
        self.tags = dict(tags or {})
        return self

    def __reduce__(self):
        # frozenset's pickling would drop name/exceptions/tags (pytest-xdist and pandas pickle).
        return (_rebuild_lexicon, (sorted(self), self.name, sorted(self.exceptions), self.tags))

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled alternation (exceptions and terms, longest first), or None if empty."""
        if "_pattern" not in self.__dict__:
            self.__dict__["_pattern"] = _compile(self, self.exceptions)
        return self.__dict__["_pattern"]

    def tagged(self, tag: str) -> frozenset[str]:
        """Return the terms carrying ``@tag`` in the data file.

        Example:
            >>> "必然" in CERTAINTY.tagged("prediction")
            True
        """
        return frozenset(t for t, found in self.tags.items() if tag in found)

    def find(self, text: str) -> list[str]:
        """Return every occurrence of a term in ``text``, left to right, longest match first.

        Occurrences do not overlap, and text covered by an exception is skipped.

        Args:
            text: any string, usually one sentence of cleaned text.

        Returns:
            The matched terms in order of appearance (a term appears once per occurrence).

        Example:
            >>> CERTAINTY.find("它的退场将会是必然，不一定马上")
            ['将会', '必然']
        """
        require_str(text, name="text")
        pattern = self.pattern
        if pattern is None or not text:
            return []
        return [m.group() for m in pattern.finditer(text) if m.group() in self]

    def count(self, text: str) -> int:
        """Return how many times any term occurs in ``text`` (see :meth:`find`).

        Example:
            >>> HEDGES.count("或许会，也许不会")
            2
        """
        return len(self.find(text))


def _rebuild_lexicon(terms, name, exceptions, tags) -> Lexicon:
    return Lexicon(terms, name=name, exceptions=exceptions, tags=tags)


def _compile(terms: frozenset[str], exceptions: frozenset[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Longest first: Python's alternation takes the first branch that matches, so 毫无疑问
    # must be tried before 无疑, and the exception 可能性 before the hedge 可能.
    alternatives = sorted(terms | exceptions, key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(a) for a in alternatives))


def _load_lexicon(name: str) -> Lexicon:
    terms: list[str] = []
    exceptions: list[str] = []
    tags: dict[str, frozenset[str]] = {}
    for number, line in _read(f"{name}.txt"):
        fields = _strip_comment(line).split()
        if not fields:
            continue
        head, rest = fields[0], fields[1:]
        bad = [f for f in rest if not f.startswith("@")]
        if bad:
            raise ValueError(f"{name}.txt line {number}: one term per line, stray {bad[0]!r}")
        if head.startswith("!"):
            exceptions.append(head[1:])
            continue
        if head in terms:
            raise ValueError(f"{name}.txt line {number}: {head!r} is listed twice")
        terms.append(head)
        if rest:
            tags[head] = frozenset(f[1:] for f in rest)
    return Lexicon(terms, name=name, exceptions=exceptions, tags=tags)


class EvidencePattern(NamedTuple):
    """One named evidence regex from ``data/evidence.txt``.

    Example:
        >>> [p.name for p in EVIDENCE_PATTERNS][:2]
        ['according_to', 'data_shows']
    """

    name: str
    regex: re.Pattern[str]


def _load_evidence() -> tuple[EvidencePattern, ...]:
    patterns = []
    for number, line in _read("evidence.txt"):
        name, sep, source = line.partition("\t")
        if not sep or not source.strip():
            raise ValueError(f"evidence.txt line {number}: expected name<TAB>regex")
        try:
            regex = re.compile(source.strip())
        except re.error as exc:
            raise ValueError(f"evidence.txt line {number}: bad regex for {name}: {exc}") from exc
        patterns.append(EvidencePattern(name.strip(), regex))
    return tuple(patterns)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words = []
    for _, line in _read("stopwords.txt"):
        words.extend(_strip_comment(line).split())
    return frozenset(words)


def stopwords() -> frozenset[str]:
    """Return the course stopword list (function words; punctuation is handled separately).

    No hedge, certainty, prediction or filler term is ever a stopword: the list is checked
    against those lexicons on every call, so an edit to a data file cannot slip one in.

    Returns:
        A frozenset of words, the same object on every call.

    Raises:
        ValueError: ``data/stopwords.txt`` was edited to include a lexicon term.

    Example:
        >>> "的" in stopwords(), "或许" in stopwords()
        (True, False)
    """
    words = _stopwords()
    clash = words & (HEDGES | CERTAINTY | FILLERS)
    if clash:
        raise ValueError(
            f"stopwords.txt must not contain hedge/certainty/filler terms: {sorted(clash)}"
        )
    return words


#: Hedges (或许, 可能, 也许, 似乎, 大概, 恐怕, …): lower the writer's commitment.
HEDGES: Lexicon = _load_lexicon("hedges")
#: Certainty markers / boosters (必然, 一定, 无疑, 显然, 注定, 将会, 毋庸置疑, 终将, 必将, …).
CERTAINTY: Lexicon = _load_lexicon("certainty")
#: Filler and padding (方式和方法, 仅仅只是, 而已, 所谓的, …).
FILLERS: Lexicon = _load_lexicon("fillers")
#: Claim/prediction markers: terms tagged ``@prediction`` in hedges.txt or certainty.txt
#: (将会, 必然, 终将, 注定, 必将, 或将, …).
PREDICTIONS: Lexicon = Lexicon(
    HEDGES.tagged("prediction") | CERTAINTY.tagged("prediction"),
    name="predictions",
    exceptions=HEDGES.exceptions | CERTAINTY.exceptions,
)
#: Evidence markers as named regexes (据…显示, 财报, 《…》, 60%, 5000亿元, 8个季度, …).
EVIDENCE_PATTERNS: tuple[EvidencePattern, ...] = _load_evidence()
