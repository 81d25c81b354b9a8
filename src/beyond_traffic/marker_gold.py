"""The course's reference coding of claim markers (data/marker_gold.tsv) and marker scores on it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_str

if TYPE_CHECKING:
    import pandas as pd

    from beyond_traffic.lexicons import Lexicon

__all__ = [
    "CATEGORIES",
    "FAMILIES",
    "VOICES",
    "CodedSentence",
    "MarkerScore",
    "MarkerSpan",
    "entry_scores",
    "false_alarms",
    "gold_metadata",
    "load_marker_gold",
    "missed_spans",
    "parse_coding",
    "predicted_spans",
    "score_category",
    "score_lexicons",
    "voice_texts",
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
        >>> s = load_marker_gold()[1]
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
            >>> load_marker_gold()[4].spans_of("filler")[0].text
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


def _data_text() -> str:
    path = resources.files("beyond_traffic") / "data" / "marker_gold.tsv"
    return path.read_text(encoding="utf-8")


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


@lru_cache(maxsize=1)
def _load() -> tuple[CodedSentence, ...]:
    return tuple(parse_coding(_data_text(), source="marker_gold.tsv"))


def load_marker_gold() -> list[CodedSentence]:
    """Return the course's reference coding: every sentence of A1–A5, in corpus order.

    One coder, who also wrote the coding guideline and revised the lexicons, coded every
    sentence by the guideline (:func:`gold_metadata` records who, when and by which version);
    ``agreement`` compares it with an independent second coding of a random sample.

    Returns:
        A new list of :class:`CodedSentence` (the sentences themselves are cached).

    Raises:
        ValueError: the data file is malformed (a span not in its sentence, overlapping spans of
            one category, an unknown category or voice).

    Example:
        >>> gold = load_marker_gold()
        >>> len(gold) >= 200, sorted({s.article_id for s in gold})
        (True, ['A1', 'A2', 'A3', 'A4', 'A5'])
    """
    return list(_load())


def gold_metadata() -> dict[str, str]:
    """Return the ``# key: value`` lines of the data file's header (coder, date, guideline …).

    A value may continue on the following ``#   `` lines (indented); they are joined with spaces.

    Example:
        >>> gold_metadata()["guideline"]
        'docs/marker_coding_guideline.md (version 1)'
    """
    meta: dict[str, str] = {}
    key = None
    for line in _data_text().splitlines():
        if not line.startswith("#"):
            break
        head = _META_KEY.match(line)
        if head:
            key = head["key"]
            meta[key] = head["value"].strip()
        elif key and _META_MORE.match(line):
            meta[key] += " " + line[1:].strip()
        else:
            key = None
    return meta


_META_KEY = re.compile(r"^# (?P<key>[a-z_]+): (?P<value>.*)$")
_META_MORE = re.compile(r"^#\s{2,}\S")


def predicted_spans(
    sentence: str, category: str, *, lexicon: Lexicon | None = None
) -> list[MarkerSpan]:
    """Return what a lexicon finds in ``sentence`` as spans of ``category``.

    Args:
        sentence: one sentence.
        category: one of :data:`CATEGORIES`.
        lexicon: a word list to try on its own; default the course's markers of that category
            (``claims.marker_spans``: the lexicon with its open-class patterns). Evidence is
            always found with ``claims.find_evidence`` (regular expressions, not a word list).

    Example:
        >>> [s.text for s in predicted_spans("它或许将会改变", "prediction")]
        ['将会']
    """
    from beyond_traffic.claims import marker_spans

    require_str(sentence, name="sentence")
    category = _require_category(category)
    if category == "evidence" and lexicon is not None:
        raise ValueError("evidence is found by patterns (claims.find_evidence), not a lexicon")
    if lexicon is None:
        return [MarkerSpan(category, t, a, b) for t, a, b in marker_spans(sentence)[category]]
    return [MarkerSpan(category, t, a, b) for t, a, b in lexicon.spans(sentence)]


def _match(
    predicted: list[MarkerSpan], gold: list[MarkerSpan]
) -> tuple[list[tuple[MarkerSpan, MarkerSpan]], list[MarkerSpan], list[MarkerSpan]]:
    """Pair predicted and gold spans one to one (left to right, first overlapping partner)."""
    pairs, unmatched_gold = [], list(gold)
    false_alarms = []
    for p in predicted:
        partner = next((g for g in unmatched_gold if g.overlaps(p)), None)
        if partner is None:
            false_alarms.append(p)
        else:
            unmatched_gold.remove(partner)
            pairs.append((p, partner))
    return pairs, false_alarms, unmatched_gold


@dataclass(frozen=True)
class MarkerScore:
    """Precision and recall of one lexicon against the gold spans of one category.

    A found span is right (a true positive) when it overlaps a coded span of the same category
    that no other found span has claimed.

    Example:
        >>> s = score_category("hedge")
        >>> 0 < s.precision <= 1 and 0 < s.recall <= 1
        True
    """

    category: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def found(self) -> int:
        """How many spans the lexicon found."""
        return self.true_positives + self.false_positives

    @property
    def gold(self) -> int:
        """How many spans the coder coded."""
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        """Of the spans found, the share that are coded (精确率); 0.0 if nothing was found."""
        return self.true_positives / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Of the coded spans, the share found (召回率); 0.0 if nothing was coded."""
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _sentences(sentences: list[CodedSentence] | None) -> list[CodedSentence]:
    if sentences is None:
        return load_marker_gold()
    chosen = list(sentences)
    if not all(isinstance(s, CodedSentence) for s in chosen):
        raise TypeError("sentences must be CodedSentence objects from load_marker_gold()")
    return chosen


def score_category(
    category: str,
    *,
    lexicon: Lexicon | None = None,
    sentences: list[CodedSentence] | None = None,
) -> MarkerScore:
    """Score one lexicon against the gold spans of one category.

    Args:
        category: one of :data:`CATEGORIES`.
        lexicon: the word list to score; default the course lexicon (see :func:`predicted_spans`).
        sentences: a subset of the reference coding (e.g. one article); default all of it.

    Example:
        >>> s = score_category("filler")
        >>> s.true_positives + s.false_positives == s.found
        True
    """
    category = _require_category(category)
    tp = fp = fn = 0
    for sentence in _sentences(sentences):
        pairs, alarms, missed = _match(
            predicted_spans(sentence.text, category, lexicon=lexicon), sentence.spans_of(category)
        )
        tp, fp, fn = tp + len(pairs), fp + len(alarms), fn + len(missed)
    return MarkerScore(category, tp, fp, fn)


def score_lexicons(
    *,
    previous: bool = False,
    sentences: list[CodedSentence] | None = None,
) -> pd.DataFrame:
    """Return one row per category: gold spans, spans found, true positives, precision, recall, F1.

    Args:
        previous: score the lexicons as they were before the recorded revisions
            (``lexicons.previous_version``); the stance lexicon did not exist then, so its row
            is all zeros found.
        sentences: a subset of the reference coding; default all of it.

    Example:
        >>> table = score_lexicons()
        >>> list(table.index)
        ['hedge', 'certainty', 'prediction', 'evidence', 'filler', 'stance']
    """
    import pandas as pd

    from beyond_traffic.lexicons import previous_version

    if not isinstance(previous, bool):
        raise TypeError(f"previous must be True or False, got {type(previous).__name__}")
    names = {
        "hedge": "hedges",
        "certainty": "certainty",
        "prediction": "predictions",
        "filler": "fillers",
        "stance": "stance",
    }
    rows = []
    for category in CATEGORIES:
        lexicon = None
        if previous and category != "evidence":
            lexicon = previous_version(names[category])
        score = score_category(category, lexicon=lexicon, sentences=sentences)
        rows.append(
            {
                "category": category,
                "family": FAMILIES[category],
                "gold": score.gold,
                "found": score.found,
                "true_positives": score.true_positives,
                "precision": score.precision,
                "recall": score.recall,
                "f1": score.f1,
            }
        )
    return pd.DataFrame(rows).set_index("category")


def entry_scores(
    category: str,
    *,
    lexicon: Lexicon | None = None,
    sentences: list[CodedSentence] | None = None,
) -> pd.DataFrame:
    """Return, per lexicon entry, how often it was right and wrong (which entries hurt precision).

    Columns ``right`` (true positives) and ``wrong`` (false positives), one row per entry that
    matched at least once, most wrong first.

    Example:
        >>> from beyond_traffic.lexicons import previous_version
        >>> int(entry_scores("hedge", lexicon=previous_version("hedges")).loc["看来", "wrong"])
        2
    """
    import pandas as pd

    category = _require_category(category)
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for sentence in _sentences(sentences):
        pairs, alarms, _ = _match(
            predicted_spans(sentence.text, category, lexicon=lexicon), sentence.spans_of(category)
        )
        right.update(p.text for p, _ in pairs)
        wrong.update(p.text for p in alarms)
    terms = sorted(set(right) | set(wrong), key=lambda t: (-wrong[t], -right[t], t))
    table = pd.DataFrame(
        {"right": [right[t] for t in terms], "wrong": [wrong[t] for t in terms]}, index=terms
    )
    table.index.name = "entry"
    return table


def missed_spans(
    category: str,
    *,
    lexicon: Lexicon | None = None,
    sentences: list[CodedSentence] | None = None,
) -> pd.DataFrame:
    """Return the coded spans a lexicon did not find (what limits recall), one row each.

    Columns: ``article``, ``index`` (sentence), ``voice``, ``text`` (the coded span).

    Example:
        >>> "更像是" in set(missed_spans("hedge")["text"])
        False
    """
    import pandas as pd

    category = _require_category(category)
    rows = []
    for sentence in _sentences(sentences):
        _, _, missed = _match(
            predicted_spans(sentence.text, category, lexicon=lexicon), sentence.spans_of(category)
        )
        rows.extend(
            {
                "article": sentence.article_id,
                "index": sentence.index,
                "voice": sentence.voice,
                "text": m.text,
            }
            for m in missed
        )
    return pd.DataFrame(rows, columns=["article", "index", "voice", "text"])


def false_alarms(
    category: str,
    *,
    lexicon: Lexicon | None = None,
    sentences: list[CodedSentence] | None = None,
) -> pd.DataFrame:
    """Return the spans a lexicon found that the coder did not code (what limits precision).

    Columns: ``article``, ``index`` (sentence), ``voice``, ``text`` (the match) and
    ``context`` (up to eight characters either side).

    Example:
        >>> from beyond_traffic.lexicons import previous_version
        >>> alarms = false_alarms("hedge", lexicon=previous_version("hedges"))
        >>> "在他们看来" in "".join(alarms["context"])
        True
    """
    import pandas as pd

    category = _require_category(category)
    rows = []
    for sentence in _sentences(sentences):
        _, alarms, _ = _match(
            predicted_spans(sentence.text, category, lexicon=lexicon), sentence.spans_of(category)
        )
        rows.extend(
            {
                "article": sentence.article_id,
                "index": sentence.index,
                "voice": sentence.voice,
                "text": a.text,
                "context": sentence.text[max(0, a.start - 8) : a.end + 8],
            }
            for a in alarms
        )
    return pd.DataFrame(rows, columns=["article", "index", "voice", "text", "context"])


def voice_texts(article_id: str) -> dict[str, str]:
    """Return an article's sentences grouped by voice, as texts (one sentence per line).

    The coder coded each sentence's voice (:data:`VOICES`): A5's middle section is a software
    vendor's pitch, and A3 lets insiders speak in quotation. Rates computed on the whole article
    mix these voices; ``uncertainty.rate_intervals(kind, articles=voice_texts("A5"))`` separates
    them.

    Args:
        article_id: ``"A1"`` … ``"A5"``.

    Returns:
        voice -> text, only for the voices the article has, in :data:`VOICES` order.

    Example:
        >>> sorted(voice_texts("A5"))
        ['author', 'vendor']
    """
    from beyond_traffic.corpus import get_article

    wanted = get_article(article_id).id
    grouped: dict[str, list[str]] = {}
    for sentence in _load():
        if sentence.article_id == wanted:
            grouped.setdefault(sentence.voice, []).append(sentence.text)
    return {v: "\n".join(grouped[v]) for v in VOICES if v in grouped}
