"""How sure a rate or a ranking is: sentence-bootstrap intervals and leave-one-marker-out checks.

Five short articles give small counts. A rate per 1,000 Han characters is a ratio of two sums
over sentences, so the course resamples *sentences* (with replacement, within each article) to
see how much the rate would move with a slightly different text of the same kind. This is the
percentile bootstrap (Efron & Tibshirani 1993); it treats sentences as independent, which they
are not quite (a paragraph repeats its own words), so the intervals are, if anything, too narrow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_positive_int, require_str

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from beyond_traffic.corpus import Article

__all__ = [
    "DEFAULT_RESAMPLES",
    "Interval",
    "bootstrap_rate",
    "difference_interval",
    "leave_one_marker_out",
    "phrase_intervals",
    "rank_stability",
    "rate_intervals",
]

#: Resamples per interval: enough for stable 2.5 % / 97.5 % percentiles, fast enough for a lesson.
DEFAULT_RESAMPLES = 2000


@dataclass(frozen=True)
class Interval:
    """A point estimate with a bootstrap interval.

    Attributes:
        estimate: the value on the text as it is.
        low: lower end of the interval.
        high: upper end of the interval.
        confidence: the interval's nominal coverage, e.g. 0.95.

    Example:
        >>> i = Interval(2.0, 1.0, 3.5, 0.95)
        >>> i.contains(0.0), i.width
        (False, 2.5)
    """

    estimate: float
    low: float
    high: float
    confidence: float

    @property
    def width(self) -> float:
        """``high - low``."""
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Return True if ``value`` lies within the interval (ends included)."""
        return self.low <= value <= self.high


def _check_options(resamples: object, confidence: object, seed: object) -> None:
    require_positive_int(resamples, name="resamples")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        raise TypeError(f"confidence must be a number, got {type(confidence).__name__}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, e.g. 0.95; got {confidence}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be int, got {type(seed).__name__}")


def _resampled_rates(
    counts: np.ndarray, lengths: np.ndarray, resamples: int, rng: np.random.Generator
) -> np.ndarray:
    import numpy as np

    n = len(counts)
    if n == 0:
        return np.zeros(resamples)
    picks = rng.integers(0, n, size=(resamples, n))
    han = lengths[picks].sum(axis=1)
    found = counts[picks].sum(axis=1)
    return np.divide(1000.0 * found, han, out=np.zeros(resamples), where=han > 0)


def _rate(counts, lengths) -> float:
    total = int(sum(lengths))
    return 1000.0 * int(sum(counts)) / total if total else 0.0


def bootstrap_rate(
    counts: Iterable[int],
    han_chars: Iterable[int],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> Interval:
    """Return a rate per 1,000 Han characters with a sentence-bootstrap interval.

    Args:
        counts: per sentence, how many times the thing counted occurs.
        han_chars: per sentence, its Han characters (``count.han_count``), same length.
        resamples: how many times to resample the sentences.
        confidence: coverage of the percentile interval.
        seed: random seed, so a lesson prints the same interval on every run.

    Raises:
        ValueError: the two sequences differ in length, or a value is negative.

    Example:
        >>> i = bootstrap_rate([1, 0, 0, 2], [10, 10, 10, 10], seed=1)
        >>> i.estimate, i.low <= i.estimate <= i.high
        (75.0, True)
    """
    import numpy as np

    _check_options(resamples, confidence, seed)
    c = np.asarray(list(counts), dtype=float)
    n = np.asarray(list(han_chars), dtype=float)
    if c.shape != n.shape:
        raise ValueError(f"counts and han_chars differ in length: {len(c)} vs {len(n)}")
    if (c < 0).any() or (n < 0).any():
        raise ValueError("counts and han_chars must not be negative")
    rates = _resampled_rates(c, n, resamples, np.random.default_rng(seed))
    tail = (1 - confidence) / 2
    low, high = np.quantile(rates, [tail, 1 - tail]) if len(c) else (0.0, 0.0)
    return Interval(_rate(c, n), float(low), float(high), confidence)


# --- what to count, sentence by sentence ---------------------------------------------------------


def _units(articles: object) -> dict[str, str]:
    """Label -> text: the corpus, a list of Articles or ids, or a mapping of labels to texts."""
    from beyond_traffic.corpus import Article, get_article, load_corpus

    if articles is None:
        return {a.id: a.clean for a in load_corpus()}
    if isinstance(articles, Mapping):
        out = {}
        for label, text in articles.items():
            require_str(label, name="label")
            out[label] = require_str(text, name=f"text of {label!r}")
        return out
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(
            "articles must be a list of Articles or ids, or a dict of label -> text; "
            f"got {type(articles).__name__}"
        )
    out = {}
    for item in articles:
        article = get_article(item) if isinstance(item, str) else item
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article or an id such as 'A2', got {type(item).__name__}")
        out[article.id] = article.clean
    return out


def _marker_counter(kind: str) -> Callable[[str], Counter[str]]:
    """Per sentence: marker -> occurrences (evidence markers by pattern name)."""
    from beyond_traffic.claims import MARKER_KINDS, find_evidence, find_markers

    require_str(kind, name="kind")
    if kind not in MARKER_KINDS:
        raise ValueError(f"kind must be one of {', '.join(MARKER_KINDS)}; got {kind!r}")
    if kind == "evidence":
        return lambda s: Counter(m.name for m in find_evidence(s))
    return lambda s: Counter(find_markers(s)[kind])


def _counter(kind: object, phrase: object) -> Callable[[str], Counter[str]]:
    """What to count per sentence: a marker kind, or (with ``phrase``) a word as a substring."""
    from beyond_traffic.count import count_phrase

    if phrase is not None:
        if kind is not None:
            raise ValueError("give either a marker kind or phrase=…, not both")
        require_str(phrase, name="phrase")
        if not phrase:
            raise ValueError("phrase must not be empty")
        return lambda s: Counter({phrase: count_phrase(s, phrase)})
    if kind is None:
        raise ValueError("give a marker kind (e.g. 'hedge') or phrase='流量'")
    return _marker_counter(kind)


def _sentence_counts(
    texts: dict[str, str], counter: Callable[[str], Counter[str]]
) -> dict[str, tuple[list[Counter[str]], list[int]]]:
    from beyond_traffic.claims import split_sentences
    from beyond_traffic.count import han_count

    out = {}
    for label, text in texts.items():
        sentences = split_sentences(text)
        out[label] = ([counter(s) for s in sentences], [han_count(s) for s in sentences])
    return out


def _intervals_table(
    per_sentence: dict[str, tuple[list[Counter[str]], list[int]]],
    *,
    resamples: int,
    confidence: float,
    seed: int,
) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for offset, (label, (counters, lengths)) in enumerate(per_sentence.items()):
        counts = [sum(c.values()) for c in counters]
        interval = bootstrap_rate(
            counts, lengths, resamples=resamples, confidence=confidence, seed=seed + offset
        )
        rows.append(
            {
                "label": label,
                "count": sum(counts),
                "sentences": len(counts),
                "han_chars": sum(lengths),
                "per_1000": interval.estimate,
                "low": interval.low,
                "high": interval.high,
            }
        )
    return pd.DataFrame(rows).set_index("label")


def rate_intervals(
    kind: str,
    *,
    articles: Iterable[Article | str] | Mapping[str, str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Return each article's marker rate per 1,000 Han characters with a bootstrap interval.

    Markers are counted as everywhere in the course (``claims.find_markers``, sentence by
    sentence), so ``count`` equals ``claims.count_markers``.

    Args:
        kind: a marker type (``claims.MARKER_KINDS``): ``"hedge"``, ``"certainty"``, …
        articles: default the corpus; or a list of Articles / ids; or a dict of label -> text
            (e.g. A5's own voice and its vendor's voice, from ``marker_gold.voice_texts``).
        resamples: bootstrap resamples per article.
        confidence: interval coverage.
        seed: random seed (each article gets ``seed + its position``).

    Returns:
        A DataFrame indexed by label with ``count``, ``sentences``, ``han_chars``,
        ``per_1000``, ``low``, ``high``.

    Example:
        >>> t = rate_intervals("hedge", articles={"甲": "它或许会变。也许不会。它会变。"}, seed=1)
        >>> int(t.loc["甲", "count"]), bool(t.loc["甲", "low"] <= t.loc["甲", "per_1000"])
        (2, True)
    """
    _check_options(resamples, confidence, seed)
    per_sentence = _sentence_counts(_units(articles), _marker_counter(kind))
    return _intervals_table(per_sentence, resamples=resamples, confidence=confidence, seed=seed)


def phrase_intervals(
    phrase: str,
    *,
    articles: Iterable[Article | str] | Mapping[str, str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Like :func:`rate_intervals`, for a word or phrase counted as a substring (``count_phrase``).

    Example:
        >>> t = phrase_intervals("流量", articles={"甲": "流量见顶。赋能才是方向。流量红利不再。"})
        >>> int(t.loc["甲", "count"])
        2
    """
    _check_options(resamples, confidence, seed)
    per_sentence = _sentence_counts(_units(articles), _counter(None, phrase))
    return _intervals_table(per_sentence, resamples=resamples, confidence=confidence, seed=seed)


def _ranks(rates: np.ndarray) -> np.ndarray:
    """Rank 1 = highest; ties share the better rank ("min" method). Works row-wise."""
    return (rates[..., None, :] > rates[..., :, None]).sum(axis=-1) + 1


def rank_stability(
    kind: str | None = None,
    *,
    phrase: str | None = None,
    articles: Iterable[Article | str] | Mapping[str, str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Return how often each article keeps its place when every article's sentences are resampled.

    Columns: ``per_1000`` and ``rank`` on the texts as they are (1 = highest; ties share the
    better rank), ``share_first`` (the share of resamples in which the article ranks first),
    ``rank_low`` and ``rank_high`` (the middle ``confidence`` share of its ranks).

    Args:
        kind: a marker type (``claims.MARKER_KINDS``), or None when ``phrase`` is given.
        phrase: count this word as a substring instead of a marker type.
        articles: as in :func:`rate_intervals`.
        resamples: bootstrap resamples.
        confidence: coverage of the rank range.
        seed: random seed.

    Example:
        >>> t = rank_stability("hedge", resamples=200)
        >>> float(t["share_first"].sum()) >= 1.0
        True
    """
    import numpy as np
    import pandas as pd

    _check_options(resamples, confidence, seed)
    per_sentence = _sentence_counts(_units(articles), _counter(kind, phrase))
    rng = np.random.default_rng(seed)
    labels = list(per_sentence)
    observed, replicated = [], []
    for label in labels:
        counters, lengths = per_sentence[label]
        counts = np.asarray([sum(c.values()) for c in counters], dtype=float)
        han = np.asarray(lengths, dtype=float)
        observed.append(_rate(counts, han))
        replicated.append(_resampled_rates(counts, han, resamples, rng))
    observed_ranks = _ranks(np.asarray(observed))
    ranks = _ranks(np.stack(replicated, axis=1))  # resamples × articles
    tail = (1 - confidence) / 2
    return pd.DataFrame(
        {
            "per_1000": observed,
            "rank": observed_ranks,
            "share_first": (ranks == 1).mean(axis=0),
            "rank_low": np.quantile(ranks, tail, axis=0, method="lower").astype(int),
            "rank_high": np.quantile(ranks, 1 - tail, axis=0, method="higher").astype(int),
        },
        index=pd.Index(labels, name="label"),
    )


def difference_interval(
    kind: str | None,
    first: Article | str,
    second: Article | str,
    *,
    phrase: str | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = 0.95,
    seed: int = 0,
) -> Interval:
    """Return the difference of two articles' marker rates (first − second) with an interval.

    Each article's sentences are resampled on their own; an interval that contains 0 means
    these texts cannot tell the two rates apart.

    Args:
        kind: a marker type, or None when ``phrase`` is given.
        first: an Article or an id.
        second: another Article or id.
        phrase: count this word as a substring instead of a marker type.
        resamples: bootstrap resamples.
        confidence: interval coverage.
        seed: random seed.

    Example:
        >>> d = difference_interval("hedge", "A2", "A4")
        >>> d.contains(0.0)
        True
        >>> difference_interval(None, "A4", "A5", phrase="流量").contains(0.0)
        True
    """
    import numpy as np

    _check_options(resamples, confidence, seed)
    texts = _units([first, second])
    if len(texts) != 2:
        raise ValueError("first and second must be two different articles")
    per_sentence = _sentence_counts(texts, _counter(kind, phrase))
    rng = np.random.default_rng(seed)
    estimates, replicated = [], []
    for counters, lengths in per_sentence.values():
        counts = np.asarray([sum(c.values()) for c in counters], dtype=float)
        han = np.asarray(lengths, dtype=float)
        estimates.append(_rate(counts, han))
        replicated.append(_resampled_rates(counts, han, resamples, rng))
    diffs = replicated[0] - replicated[1]
    tail = (1 - confidence) / 2
    low, high = np.quantile(diffs, [tail, 1 - tail])
    return Interval(estimates[0] - estimates[1], float(low), float(high), confidence)


def leave_one_marker_out(
    kind: str,
    *,
    articles: Iterable[Article | str] | Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Drop one marker at a time and see whether the ranking of articles changes.

    The first row, ``（全部）``, counts every marker; each further row leaves out one marker
    (a lexicon term, or for evidence one pattern name), most frequent first.

    Columns: one rate per 1,000 Han characters per article, ``highest`` (the article ranked
    first), ``ranking`` (all labels, highest first) and ``changed`` (True when the ranking
    differs from the first row's).

    Example:
        >>> t = leave_one_marker_out("certainty")
        >>> t.index[0], bool(t.loc["（全部）", "changed"])
        ('（全部）', False)
    """
    import pandas as pd

    per_sentence = _sentence_counts(_units(articles), _marker_counter(kind))
    totals: Counter[str] = Counter()
    for counters, _ in per_sentence.values():
        for c in counters:
            totals.update(c)
    markers = [m for m, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]

    def rates_without(dropped: str | None) -> dict[str, float]:
        return {
            label: _rate([sum(n for m, n in c.items() if m != dropped) for c in counters], lengths)
            for label, (counters, lengths) in per_sentence.items()
        }

    def ranking(rates: dict[str, float]) -> str:
        return " > ".join(sorted(rates, key=lambda k: (-rates[k], k)))

    rows = {}
    full = ranking(rates_without(None))
    for name, dropped in [("（全部）", None), *[(f"去掉 {m}", m) for m in markers]]:
        rates = rates_without(dropped)
        order = ranking(rates)
        rows[name] = {
            **rates,
            "highest": order.split(" > ")[0],
            "ranking": order,
            "changed": order != full,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "markers"
    return table
