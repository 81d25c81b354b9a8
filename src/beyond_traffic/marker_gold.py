"""The course's reference coding of claim markers (data/marker_gold.tsv) and marker scores on it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_str
from beyond_traffic.coding import (
    CATEGORIES,
    FAMILIES,
    VOICES,
    CodedSentence,
    MarkerSpan,
    _require_category,
    packaged_coding,
    packaged_coding_text,
    parse_coding,
)

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


def _data_text() -> str:
    return packaged_coding_text("marker_gold.tsv")


def _load() -> tuple[CodedSentence, ...]:
    return packaged_coding("marker_gold.tsv")


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
    """Pair predicted and coded spans one to one (left to right, first overlapping partner)."""
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
    """Precision and recall of one lexicon against the coded spans of one category.

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
    """Score one lexicon against the coded spans of one category.

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
    """Return one row per category: coded spans (``gold``), spans found, true positives, P, R, F1.

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
