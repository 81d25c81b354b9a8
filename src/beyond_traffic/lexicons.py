"""Course lexicons: stopwords and hedge, certainty, prediction, filler, stance, evidence markers."""

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
    "STANCE",
    "EvidencePattern",
    "Lexicon",
    "LexiconChange",
    "corpus_entries",
    "lexicon_changes",
    "previous_version",
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
            >>> CERTAINTY.find("它的退场必然会来，不一定马上，但毫无疑问")
            ['必然', '毫无疑问']
        """
        require_str(text, name="text")
        pattern = self.pattern
        if pattern is None or not text:
            return []
        return [m.group() for m in pattern.finditer(text) if m.group() in self]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Return ``(term, start, end)`` for every occurrence :meth:`find` reports.

        The offsets index ``text`` (``text[start:end] == term``), so a match can be compared
        with a reference-coded span (``marker_gold``) or highlighted in its sentence.

        Example:
            >>> HEDGES.spans("它或许会变，也许不会")
            [('或许', 1, 3), ('也许', 6, 8)]
        """
        require_str(text, name="text")
        pattern = self.pattern
        if pattern is None or not text:
            return []
        return [
            (m.group(), m.start(), m.end()) for m in pattern.finditer(text) if m.group() in self
        ]

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
        >>> [p.name for p in EVIDENCE_PATTERNS][:3]
        ['according_to', 'according_to_bare', 'data_shows']
    """

    name: str
    regex: re.Pattern[str]


def _named_entities() -> str:
    """The names of ``data/named_entities.txt`` as a regex alternation, longest first."""
    names = {_strip_comment(line) for _, line in _read("named_entities.txt")} - {""}
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


def _load_evidence() -> tuple[EvidencePattern, ...]:
    patterns = []
    names = _named_entities()
    for number, line in _read("evidence.txt"):
        name, sep, source = line.partition("\t")
        if not sep or not source.strip():
            raise ValueError(f"evidence.txt line {number}: expected name<TAB>regex")
        try:
            # {NAMES} stands for the named organisations and people (named_entities.txt)
            regex = re.compile(source.strip().replace("{NAMES}", names))
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
    clash = words & (HEDGES | CERTAINTY | PREDICTIONS | FILLERS | STANCE)
    if clash:
        raise ValueError(
            "stopwords.txt must not contain hedge/certainty/prediction/filler/stance terms: "
            f"{sorted(clash)}"
        )
    return words


#: Hedges (或许, 可能, 也许, 似乎, 更像是, 基本上, …): lower the writer's commitment.
HEDGES: Lexicon = _load_lexicon("hedges")
#: Certainty markers / boosters (必然, 一定, 无疑, 显然, 注定, 毋庸置疑, 终将, 必将, 当然, …).
#: Plain future markers (将会) are predictions, not boosters: see ``predictions.txt``.
CERTAINTY: Lexicon = _load_lexicon("certainty")
#: Filler: the two stock doublings the course names (方式和方法, 仅仅只是); ``claims.marker_spans``
#: adds every coordinated near-synonym pair and doubled adverb (``marker_patterns``).
FILLERS: Lexicon = _load_lexicon("fillers")
#: Stance markers: the writer's attitude or position, not the claim's probability (所谓, 其实,
#: 事实上, 而已, 说到底, 在我看来, 或许才是, …).
STANCE: Lexicon = _load_lexicon("stance")
_FUTURE: Lexicon = _load_lexicon("predictions")
#: Prediction markers: the plain future markers of ``predictions.txt`` (将会, 都将, 将不再) and
#: the terms tagged ``@prediction`` in hedges.txt or certainty.txt (或将, 有望, 必然, 终将, …).
#: ``claims.marker_spans`` adds the open-class patterns (future 将 before a verb, 未来 …).
PREDICTIONS: Lexicon = Lexicon(
    _FUTURE | HEDGES.tagged("prediction") | CERTAINTY.tagged("prediction"),
    name="predictions",
    exceptions=_FUTURE.exceptions | HEDGES.exceptions | CERTAINTY.exceptions,
    tags={
        term: _FUTURE.tags.get(term, frozenset())
        | HEDGES.tags.get(term, frozenset())
        | CERTAINTY.tags.get(term, frozenset())
        for term in _FUTURE | HEDGES.tagged("prediction") | CERTAINTY.tagged("prediction")
    },
)
#: Evidence markers as named regexes (据…显示, 财报, 《…》, 60%, 5000亿元, 8个季度, …).
EVIDENCE_PATTERNS: tuple[EvidencePattern, ...] = _load_evidence()


class LexiconChange(NamedTuple):
    """One recorded edit to a lexicon (``data/lexicon_changes.tsv``), with its reason.

    Attributes:
        lexicon: ``"hedges"``, ``"certainty"``, ``"predictions"``, ``"fillers"`` or ``"stance"``.
        action: ``"add"`` or ``"remove"`` (a term), ``"except"`` (a new exception).
        term: the term or exception.
        reason: why, citing the section of ``docs/marker_coding_guideline.md``.

    Example:
        >>> next(c for c in lexicon_changes() if c.term == "更像是").action
        'add'
    """

    lexicon: str
    action: str
    term: str
    reason: str


_CHANGE_ACTIONS = ("add", "remove", "except")


@lru_cache(maxsize=1)
def _changes() -> tuple[LexiconChange, ...]:
    changes = []
    for number, line in _read("lexicon_changes.tsv"):
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in _CHANGE_ACTIONS:
            raise ValueError(
                f"lexicon_changes.tsv line {number}: expected lexicon<TAB>add|remove|except"
                "<TAB>term<TAB>reason"
            )
        changes.append(LexiconChange(*(f.strip() for f in fields)))
    return tuple(changes)


def lexicon_changes() -> list[LexiconChange]:
    """Return the edits made to the lexicons after their first version was scored.

    Each edit names the guideline rule behind it, so a reader can check why a term was added,
    removed or made an exception. :func:`previous_version` returns the first version.

    Example:
        >>> sorted({c.lexicon for c in lexicon_changes()})
        ['certainty', 'fillers', 'hedges', 'predictions', 'stance']
    """
    return list(_changes())


_BY_NAME = {
    "hedges": HEDGES,
    "certainty": CERTAINTY,
    "predictions": PREDICTIONS,
    "fillers": FILLERS,
    "stance": STANCE,
}


@lru_cache(maxsize=1)
def _first_version() -> dict[str, Lexicon]:
    sections: dict[str, tuple[list[str], list[str]]] = {}
    current = None
    for number, line in _read("lexicons_first_version.txt"):
        text = line.strip()
        if text.startswith("[") and text.endswith("]"):
            current = text[1:-1]
            sections[current] = ([], [])
        elif current is None:
            raise ValueError(f"lexicons_first_version.txt line {number}: a term before [name]")
        elif text.startswith("!"):
            sections[current][1].append(text[1:])
        else:
            sections[current][0].append(text)
    return {
        name: Lexicon(terms, name=name, exceptions=exceptions, tags=_BY_NAME[name].tags)
        for name, (terms, exceptions) in sections.items()
    }


def previous_version(lexicon: Lexicon | str) -> Lexicon:
    """Return a lexicon as it was first validated, before the recorded changes.

    The first version is kept in ``data/lexicons_first_version.txt``, so precision and recall can
    be compared before and after (``marker_gold.score_lexicons(previous=True)``).

    Args:
        lexicon: one of the course lexicons, or its name (``"hedges"``, ``"certainty"``, …).

    Raises:
        TypeError: ``lexicon`` is neither a Lexicon nor a str.
        ValueError: no course lexicon has that name.

    Example:
        >>> "将会" in CERTAINTY, "将会" in previous_version("certainty")
        (False, True)
    """
    if isinstance(lexicon, Lexicon):
        name = lexicon.name
    elif isinstance(lexicon, str):
        name = lexicon
    else:
        raise TypeError(f"lexicon must be a Lexicon or its name, got {type(lexicon).__name__}")
    if name not in _BY_NAME:
        raise ValueError(f"no course lexicon named {name!r}; choose one of {', '.join(_BY_NAME)}")
    return _first_version()[name]


def corpus_entries(lexicon: Lexicon | str) -> frozenset[str]:
    """Return the entries tagged ``@corpus``: those that rest on the course's articles alone.

    Every other entry comes from a published list or a functional class of the guideline. A
    leave-one-article-out check (``validation.leave_one_article_out``) keeps a ``@corpus`` entry
    for a held-out article only if the other four articles' reference coding codes it.

    Example:
        >>> "更像是" in corpus_entries("hedges"), "或许" in corpus_entries("hedges")
        (True, False)
    """
    if isinstance(lexicon, str):
        if lexicon not in _BY_NAME:
            raise ValueError(
                f"no course lexicon named {lexicon!r}; choose one of {', '.join(_BY_NAME)}"
            )
        lexicon = _BY_NAME[lexicon]
    if not isinstance(lexicon, Lexicon):
        raise TypeError(f"lexicon must be a Lexicon or its name, got {type(lexicon).__name__}")
    return lexicon.tagged("corpus")
