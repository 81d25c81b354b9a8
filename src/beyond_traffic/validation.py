"""Marker precision and recall with sentence-bootstrap intervals, in sample and held out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from beyond_traffic.marker_gold import (
    CATEGORIES,
    CodedSentence,
    MarkerSpan,
    _match,
    load_marker_gold,
)

if TYPE_CHECKING:
    import pandas as pd

    from beyond_traffic.lexicons import Lexicon
    from beyond_traffic.uncertainty import Interval

__all__ = [
    "LEXICON_OF",
    "held_out_lexicons",
    "in_sample_and_held_out",
    "leave_one_article_out",
    "ratio_interval",
    "score_coding",
]

#: Which lexicon (``lexicons._BY_NAME``) feeds each category of the coding.
LEXICON_OF: dict[str, str] = {
    "hedge": "hedges",
    "certainty": "certainty",
    "prediction": "predictions",
    "filler": "fillers",
    "stance": "stance",
}
_COLUMNS = [
    "gold",
    "found",
    "true_positives",
    "precision",
    "precision_low",
    "precision_high",
    "recall",
    "recall_low",
    "recall_high",
]


def _found(sentence: str, category: str, lexicons: Mapping[str, Lexicon] | None) -> list:
    from beyond_traffic.claims import marker_spans

    return [
        MarkerSpan(category, t, a, b)
        for t, a, b in marker_spans(sentence, lexicons=lexicons)[category]
    ]


def _counts(
    sentences: Sequence[CodedSentence],
    category: str,
    lexicons: Mapping[str, Lexicon] | None,
) -> tuple[list[int], list[int], list[int]]:
    """Per sentence: true positives, spans found, spans coded."""
    tp, found, gold = [], [], []
    for s in sentences:
        predicted = _found(s.text, category, lexicons)
        coded = s.spans_of(category)
        pairs, _, _ = _match(predicted, coded)
        tp.append(len(pairs))
        found.append(len(predicted))
        gold.append(len(coded))
    return tp, found, gold


def ratio_interval(
    numerators: Sequence[int],
    denominators: Sequence[int],
    *,
    resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> Interval:
    """Return sum(numerators) / sum(denominators) with a sentence-bootstrap percentile interval.

    The sentences are resampled with replacement, as ``uncertainty.bootstrap_rate`` does for
    rates; a resample whose denominator is 0 (no span found, or none coded) has no ratio and is
    left out rather than counted as 0. With a zero denominator overall every value is ``nan``.

    Example:
        >>> i = ratio_interval([1, 1, 0, 1], [1, 1, 1, 1], resamples=200)
        >>> i.estimate, 0 <= i.low <= i.estimate <= i.high <= 1
        (0.75, True)
    """
    import numpy as np

    from beyond_traffic.uncertainty import Interval, _check_options

    _check_options(resamples, confidence, seed)
    num = np.asarray(list(numerators), dtype=float)
    den = np.asarray(list(denominators), dtype=float)
    if num.shape != den.shape:
        raise ValueError(f"numerators and denominators differ in length: {len(num)} vs {len(den)}")
    if den.sum() == 0:
        nan = float("nan")
        return Interval(nan, nan, nan, confidence)
    picks = np.random.default_rng(seed).integers(0, len(num), size=(resamples, len(num)))
    top, bottom = num[picks].sum(axis=1), den[picks].sum(axis=1)
    ratios = top[bottom > 0] / bottom[bottom > 0]
    tail = (1 - confidence) / 2
    low, high = np.quantile(ratios, [tail, 1 - tail])
    return Interval(float(num.sum() / den.sum()), float(low), float(high), confidence)


def _row(tp, found, gold, *, resamples: int, confidence: float, seed: int) -> dict[str, float]:
    # With nothing found (or nothing coded) the share is undefined, not 0: NaN says so.
    p = ratio_interval(tp, found, resamples=resamples, confidence=confidence, seed=seed)
    r = ratio_interval(tp, gold, resamples=resamples, confidence=confidence, seed=seed)
    return {
        "gold": sum(gold),
        "found": sum(found),
        "true_positives": sum(tp),
        "precision": p.estimate,
        "precision_low": p.low,
        "precision_high": p.high,
        "recall": r.estimate,
        "recall_low": r.low,
        "recall_high": r.high,
    }


def _table(
    sentences: Sequence[CodedSentence],
    lexicons: Mapping[str, Lexicon] | None,
    *,
    resamples: int,
    confidence: float,
    seed: int,
) -> pd.DataFrame:
    import pandas as pd

    rows, totals = {}, ([0] * len(sentences), [0] * len(sentences), [0] * len(sentences))
    for category in CATEGORIES:
        tp, found, gold = _counts(sentences, category, lexicons)
        rows[category] = _row(
            tp, found, gold, resamples=resamples, confidence=confidence, seed=seed
        )
        totals = tuple([a + b for a, b in zip(t, new, strict=True)] for t, new in zip(
            totals, (tp, found, gold), strict=True))  # fmt: skip
    rows["all"] = _row(*totals, resamples=resamples, confidence=confidence, seed=seed)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=_COLUMNS)
    table.index.name = "category"
    return table


def score_coding(
    sentences: Sequence[CodedSentence] | None = None,
    *,
    resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Score the course's markers (``claims.marker_spans``) against a coding, with intervals.

    One row per category and a row ``all`` (every category pooled). Precision and recall come
    with percentile intervals from resampling the coded sentences (:func:`ratio_interval`):
    they generalise to sentences like these, coded by the same coder, not to other genres.

    Args:
        sentences: coded sentences (``marker_gold.parse_coding`` of your own file); default the
            course's reference coding, which makes the figures in-sample.
        resamples: bootstrap resamples.
        confidence: interval coverage.
        seed: random seed.

    Example:
        >>> from beyond_traffic.marker_gold import parse_coding
        >>> mine = parse_coding("X\\t0\\tauthor\\thedge=或许\\t它或许会变，我总觉得是这样。")
        >>> t = score_coding(mine, resamples=50)
        >>> t.loc["hedge", ["gold", "found", "true_positives"]].tolist()
        [1, 1, 1]
    """
    chosen = load_marker_gold() if sentences is None else list(sentences)
    if not all(isinstance(s, CodedSentence) for s in chosen):
        raise TypeError("sentences must be CodedSentence objects (marker_gold.parse_coding)")
    if not chosen:
        raise ValueError("the coding has no sentences: nothing to score")
    return _table(chosen, None, resamples=resamples, confidence=confidence, seed=seed)


def held_out_lexicons(held_out: str) -> tuple[dict[str, Lexicon], dict[str, list[str]]]:
    """Return the lexicons as they stand without the evidence of one article, and what was dropped.

    An entry tagged ``@corpus`` (``lexicons.corpus_entries``) rests on the course's articles
    alone; it is kept only if the reference coding of the other four articles codes it (the same
    category, the entry inside a coded span or a coded span inside the entry). Entries from
    published lists and the guideline's functional classes are kept.

    Args:
        held_out: ``"A1"`` … ``"A5"``.

    Returns:
        (category -> Lexicon, category -> sorted dropped entries).

    Example:
        >>> lexicons, dropped = held_out_lexicons("A1")
        >>> "更像是" in dropped["hedge"], "更像是" in lexicons["hedge"]
        (True, False)
    """
    from beyond_traffic.corpus import get_article
    from beyond_traffic.lexicons import _BY_NAME, Lexicon, corpus_entries

    held_out = get_article(held_out).id
    others = [s for s in load_marker_gold() if s.article_id != held_out]
    lexicons, dropped = {}, {}
    for category, name in LEXICON_OF.items():
        full = _BY_NAME[name]
        coded = {span.text for s in others for span in s.spans_of(category)}
        gone = sorted(t for t in corpus_entries(full) if not any(t in c or c in t for c in coded))
        lexicons[category] = Lexicon(
            set(full) - set(gone), name=name, exceptions=full.exceptions, tags=full.tags
        )
        dropped[category] = gone
    return lexicons, dropped


def leave_one_article_out(
    *, resamples: int = 2000, confidence: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Score each article with markers justified without it: revise on four, score on the fifth.

    For each held-out article, the ``@corpus`` entries that only that article's coding supports
    are dropped (:func:`held_out_lexicons`) and the markers are scored on its sentences. Rows
    are (held-out article, category) plus, for each category, a row ``pooled`` that scores
    every sentence with its own fold's markers.

    What it still overstates: the guideline's functional classes quote these articles as
    examples, the exceptions (几乎所有, 在他们看来 …) and the near-synonym classes were written with
    all five in view, and the same coder wrote the rules and the reference coding. So these
    figures are an upper bound for new text; only pages the course has never seen, coded blind,
    measure transfer.

    Example:
        >>> t = leave_one_article_out(resamples=50)
        >>> sorted({a for a, _ in t.index})
        ['A1', 'A2', 'A3', 'A4', 'A5', 'pooled']
    """
    import pandas as pd

    from beyond_traffic.corpus import ARTICLE_IDS

    gold = load_marker_gold()
    frames, pooled = {}, {c: ([], [], []) for c in [*CATEGORIES, "all"]}
    for article_id in ARTICLE_IDS:
        lexicons, _ = held_out_lexicons(article_id)
        sentences = [s for s in gold if s.article_id == article_id]
        frames[article_id] = _table(
            sentences, lexicons, resamples=resamples, confidence=confidence, seed=seed
        )
        fold_all = ([0] * len(sentences), [0] * len(sentences), [0] * len(sentences))
        for category in CATEGORIES:
            counts = _counts(sentences, category, lexicons)
            for store, values in zip(pooled[category], counts, strict=True):
                store.extend(values)
            fold_all = tuple(
                [a + b for a, b in zip(t, v, strict=True)]
                for t, v in zip(fold_all, counts, strict=True)
            )
        for store, values in zip(pooled["all"], fold_all, strict=True):
            store.extend(values)
    rows = {
        c: _row(*pooled[c], resamples=resamples, confidence=confidence, seed=seed) for c in pooled
    }
    frames["pooled"] = pd.DataFrame.from_dict(rows, orient="index", columns=_COLUMNS)
    table = pd.concat(frames, names=["held_out", "category"])
    return table


def in_sample_and_held_out(
    *, resamples: int = 2000, confidence: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Put the in-sample scores beside the pooled leave-one-article-out scores, per category.

    Columns ``in_sample_P``, ``in_sample_R``, ``held_out_P``, ``held_out_R``, each with ``_low``
    and ``_high`` interval ends, and ``gold`` (coded spans).

    Example:
        >>> t = in_sample_and_held_out(resamples=50)
        >>> bool((t["held_out_R"] <= t["in_sample_R"] + 1e-9).all())
        True
    """
    import pandas as pd

    options = {"resamples": resamples, "confidence": confidence, "seed": seed}
    inside = score_coding(**options)
    held = leave_one_article_out(**options).loc["pooled"]
    columns = {}
    for label, table in (("in_sample", inside), ("held_out", held)):
        for short, long in (("P", "precision"), ("R", "recall")):
            columns[f"{label}_{short}"] = table[long]
            columns[f"{label}_{short}_low"] = table[f"{long}_low"]
            columns[f"{label}_{short}_high"] = table[f"{long}_high"]
    out = pd.DataFrame({"gold": inside["gold"], **columns})
    out.index.name = "category"
    return out
