"""Sentences and claim markers (prediction, hedge, certainty, evidence, filler, stance)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from beyond_traffic._validate import require_str
from beyond_traffic.count import han_count, rate_per_1000_chars
from beyond_traffic.lexicons import (
    CERTAINTY,
    EVIDENCE_PATTERNS,
    FILLERS,
    HEDGES,
    PREDICTIONS,
    STANCE,
    Lexicon,
)
from beyond_traffic.marker_patterns import filler_spans, pattern_spans

if TYPE_CHECKING:
    import pandas as pd

    from beyond_traffic.corpus import Article

__all__ = [
    "MARKER_KINDS",
    "PROFILE_FILLERS",
    "ArticleProfile",
    "EvidenceMatch",
    "article_profile",
    "count_markers",
    "find_evidence",
    "find_markers",
    "find_sentences",
    "marked_sentences",
    "marker_spans",
    "profiles_table",
    "sentence_table",
    "split_sentences",
]

#: The marker types :func:`find_markers` reports, in this order (guideline §3–8).
MARKER_KINDS: tuple[str, ...] = ("prediction", "hedge", "certainty", "evidence", "filler", "stance")
#: The fillers COURSE.md singles out; :func:`profiles_table` gives each its own column.
PROFILE_FILLERS: tuple[str, ...] = ("方式和方法", "仅仅只是")

# Sentence-final marks. The ellipsis counts (a trailing-off sentence ends there); the
# semicolon and colon do not. Half-width ! and ? are included because scraped text mixes them.
_FINAL = frozenset("。！？!?…")
# Closing quotes and brackets stay with the sentence they close: 「…成功变现?」 is one sentence.
_CLOSERS = frozenset("」』”’）)】〕〉》")


def split_sentences(text: str) -> list[str]:
    """Split Chinese text into sentences.

    A sentence ends after 。！？!?… (a run such as ？！ or …… stays together, followed by
    any closing quotes or brackets 」』”’）】) and at every line break, so a heading line
    without punctuation is a sentence of its own. Surrounding whitespace is stripped and
    empty sentences dropped.

    Args:
        text: cleaned text.

    Returns:
        The sentences in order; ``[]`` for empty or blank text.

    Example:
        >>> split_sentences("他说：「直播终将服务于电商。」这是结论！\\n标题")
        ['他说：「直播终将服务于电商。」', '这是结论！', '标题']
    """
    require_str(text, name="text")
    sentences: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        sentence = "".join(buf).strip()
        if sentence:
            sentences.append(sentence)
        buf.clear()

    i, n = 0, len(text)
    while i < n:
        char = text[i]
        i += 1
        if char in "\r\n":
            flush()
            continue
        buf.append(char)
        if char in _FINAL:
            while i < n and (text[i] in _FINAL or text[i] in _CLOSERS):
                buf.append(text[i])
                i += 1
            flush()
    flush()
    return sentences


class EvidenceMatch(NamedTuple):
    """One evidence marker found in text: which pattern, what it matched, and where."""

    name: str
    text: str
    start: int
    end: int


def find_evidence(text: str) -> list[EvidenceMatch]:
    """Return the evidence markers in ``text`` (``lexicons.EVIDENCE_PATTERNS``), left to right.

    Where matches overlap, the earliest wins and, at the same start, the longest: so
    ``据阿里新季度财报显示`` is one ``according_to`` marker, not three.

    Example:
        >>> [(m.name, m.text) for m in find_evidence("据36氪报道，目标为5000亿元。")]
        [('according_to', '据36氪报道'), ('quantity', '5000亿元')]
    """
    require_str(text, name="text")
    found = [
        EvidenceMatch(p.name, m.group(), m.start(), m.end())
        for p in EVIDENCE_PATTERNS
        for m in p.regex.finditer(text)
        if m.group()
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.name))
    kept: list[EvidenceMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


_LEXICONS: dict[str, Lexicon] = {
    "prediction": PREDICTIONS,
    "hedge": HEDGES,
    "certainty": CERTAINTY,
    "filler": FILLERS,
    "stance": STANCE,
}


def _resolve(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Keep non-overlapping spans: the earliest, and at the same start the longest."""
    spans = sorted(set(spans), key=lambda s: (s[1], -(s[2] - s[1]), s[0]))
    kept: list[tuple[str, int, int]] = []
    for span in spans:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept


def marker_spans(
    sentence: str, *, lexicons: Mapping[str, Lexicon] | None = None
) -> dict[str, list[tuple[str, int, int]]]:
    """Return the claim markers in ``sentence`` by type, as ``(text, start, end)`` spans.

    Each type combines a word list (``lexicons``) with the open-class patterns of
    ``marker_patterns`` (future 将 before a verb, opinion frames such as 我总觉得, coordinated
    near-synonyms such as 方法和途径, doubled adverbs such as 依然还) and, for evidence, the
    regexes of ``data/evidence.txt``. Spans of one type never overlap.

    Args:
        sentence: one sentence.
        lexicons: category -> word list to use instead of the course's (for a validation that
            drops entries, ``validation.leave_one_article_out``); the patterns stay.

    Example:
        >>> marker_spans("我总觉得它的内涵与意义将被重塑")["filler"]
        [('内涵与意义', 6, 11)]
    """
    require_str(sentence, name="sentence")
    chosen = dict(_LEXICONS)
    if lexicons is not None:
        unknown = set(lexicons) - set(_LEXICONS)
        if unknown:
            raise ValueError(
                f"lexicons: unknown categories {sorted(unknown)}; use {', '.join(_LEXICONS)}"
            )
        chosen.update(lexicons)
    spans = {
        kind: chosen[kind].spans(sentence) + pattern_spans(sentence, kind)
        for kind in ("prediction", "hedge", "certainty", "stance")
    }
    return {
        "prediction": _resolve(spans["prediction"]),
        "hedge": _resolve(spans["hedge"]),
        "certainty": _resolve(spans["certainty"]),
        "evidence": [(m.text, m.start, m.end) for m in find_evidence(sentence)],
        "filler": _resolve(chosen["filler"].spans(sentence) + filler_spans(sentence)),
        "stance": _resolve(spans["stance"]),
    }


def find_markers(sentence: str) -> dict[str, list[str]]:
    """Return the claim markers in ``sentence``, by type.

    Types (all keys always present, in :data:`MARKER_KINDS` order):
    ``prediction`` (将会, 必然, 终将, 注定, 或将, 将 before a verb …: a claim about the future),
    ``hedge`` (或许, 可能, 有时 …), ``certainty`` (必然, 无疑, 显然, 不可阻挡 …), ``evidence``
    (据…显示, 财报, 《…》, 60%, 5000亿元 …), ``filler`` (仅仅只是, 方式和方法, 方法和途径, 依然还 …)
    and ``stance`` (所谓, 其实, 实际上, 而已, 我总觉得 …). A word can be of two types: 必然 is
    both a prediction and a certainty marker; 将会 is a prediction only (future tense is not a
    booster).
    :func:`marker_spans` gives the same markers with their positions.

    This is the course's one way of counting markers: lessons 04, 06 and 07, :func:`count_markers`,
    :func:`profiles_table` and ``uncertainty`` all count with it, sentence by sentence.

    Args:
        sentence: one sentence (any text works; markers are found in order of appearance).

    Example:
        >>> find_markers("直播带货落幕是必然，或许仅仅只是时间问题")
        {'prediction': ['必然'], 'hedge': ['或许'], 'certainty': ['必然'], 'evidence': [], \
'filler': ['仅仅只是'], 'stance': []}
    """
    return {kind: [t for t, _, _ in spans] for kind, spans in marker_spans(sentence).items()}


def _require_kind(kind: object) -> str:
    require_str(kind, name="kind")
    if kind not in MARKER_KINDS:
        raise ValueError(f"kind must be one of {', '.join(MARKER_KINDS)}; got {kind!r}")
    return kind


def marked_sentences(text: str, kind: str) -> list[str]:
    """Return the sentences of ``text`` that contain at least one marker of type ``kind``.

    Args:
        text: cleaned text.
        kind: one of ``"prediction"``, ``"hedge"``, ``"certainty"``, ``"evidence"``,
            ``"filler"``, ``"stance"``.

    Example:
        >>> marked_sentences("直播带货落幕是必然。它或许会变。", "hedge")
        ['它或许会变。']
    """
    require_str(text, name="text")
    kind = _require_kind(kind)
    return [s for s in split_sentences(text) if find_markers(s)[kind]]


@dataclass(frozen=True)
class ArticleProfile:
    """Claim-marker counts and densities for one text.

    Densities per 1,000 use Han characters (``count.han_count``); per-sentence densities
    divide by the number of sentences from :func:`split_sentences`.

    Example:
        >>> p = article_profile("直播带货落幕是必然。它或许会变。")
        >>> p.sentences, p.hedges, p.certainty
        (2, 1, 1)
    """

    id: str | None
    sentences: int
    han_chars: int
    hedges: int
    certainty: int
    predictions: int
    evidence: int
    hedges_per_1000: float
    certainty_per_1000: float
    evidence_per_1000: float
    hedges_per_sentence: float
    certainty_per_sentence: float
    fillers: dict[str, int] = field(default_factory=dict)
    stance: int = 0
    predictions_per_1000: float = 0.0
    fillers_per_1000: float = 0.0
    stance_per_1000: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """Return the profile as a plain dict (``fillers`` stays a nested dict)."""
        return asdict(self)


def _text_of(article: object) -> tuple[str | None, str]:
    from beyond_traffic.corpus import Article

    if isinstance(article, Article):
        return article.id, article.clean
    if isinstance(article, str):
        return None, article
    raise TypeError(
        f"article must be an Article (e.g. get_article('A2')) or a str, "
        f"got {type(article).__name__}"
    )


def find_sentences(article: Article | str, needle: str) -> list[str]:
    """Return the sentences of an article that contain ``needle``, verbatim and in order.

    Quoting by code keeps every quotation in a lesson true to the source: the sentence is
    found, never retyped.

    Args:
        article: an article id such as ``"A3"``, an :class:`~beyond_traffic.corpus.Article`
            (its ``.clean`` text is searched), or a text (any other str).
        needle: the words to look for (a plain substring).

    Returns:
        The matching sentences; an empty list when none match or ``needle`` is empty.

    Raises:
        TypeError: ``article`` or ``needle`` has the wrong type.

    Example:
        >>> find_sentences("直播是定语修饰，电商是本质。流量难以为继。", "电商")
        ['直播是定语修饰，电商是本质。']
        >>> find_sentences("A3", "直播是定语修饰")[0].endswith("电商是本质。")
        True
    """
    from beyond_traffic.corpus import ARTICLE_IDS, get_article

    require_str(needle, name="needle")
    if isinstance(article, str) and article.strip().upper() in ARTICLE_IDS:
        article = get_article(article)
    _, text = _text_of(article)
    if not needle:
        return []
    return [sentence for sentence in split_sentences(text) if needle in sentence]


def article_profile(article: Article | str) -> ArticleProfile:
    """Count hedges, certainty and prediction markers, evidence and fillers in one article.

    Markers are counted sentence by sentence (the same sentences :func:`split_sentences`
    returns), so totals and per-sentence densities agree.

    Args:
        article: an :class:`~beyond_traffic.corpus.Article` (its ``.clean`` text is used) or
            a str.

    Returns:
        An :class:`ArticleProfile`; all zeros for empty text.

    Example:
        >>> article_profile("仅仅只是方式和方法而已。").fillers["仅仅只是"]
        1
    """
    article_id, text = _text_of(article)
    sentences = split_sentences(text)
    totals = dict.fromkeys(MARKER_KINDS, 0)
    # the two stock phrases always have a key; every other doubling found is added as it comes
    fillers = dict.fromkeys(sorted(FILLERS), 0)
    for sentence in sentences:
        markers = find_markers(sentence)
        for kind in MARKER_KINDS:
            totals[kind] += len(markers[kind])
        for term in markers["filler"]:
            fillers[term] = fillers.get(term, 0) + 1
    n = len(sentences)
    return ArticleProfile(
        id=article_id,
        sentences=n,
        han_chars=han_count(text),
        hedges=totals["hedge"],
        certainty=totals["certainty"],
        predictions=totals["prediction"],
        evidence=totals["evidence"],
        hedges_per_1000=rate_per_1000_chars(totals["hedge"], text),
        certainty_per_1000=rate_per_1000_chars(totals["certainty"], text),
        evidence_per_1000=rate_per_1000_chars(totals["evidence"], text),
        hedges_per_sentence=totals["hedge"] / n if n else 0.0,
        certainty_per_sentence=totals["certainty"] / n if n else 0.0,
        fillers=fillers,
        stance=totals["stance"],
        predictions_per_1000=rate_per_1000_chars(totals["prediction"], text),
        fillers_per_1000=rate_per_1000_chars(totals["filler"], text),
        stance_per_1000=rate_per_1000_chars(totals["stance"], text),
    )


def profiles_table(articles: Iterable[Article] | None = None) -> pd.DataFrame:
    """Return one row per article (index ``id``) with its :class:`ArticleProfile` numbers.

    Columns: the profile's counts and densities, ``fillers`` (all filler occurrences) and one
    column per :data:`PROFILE_FILLERS` term (方式和方法, 仅仅只是).

    Args:
        articles: Articles to profile; default the whole corpus (A1–A5).

    Example:
        >>> profiles_table().loc["A2", "仅仅只是"]  # doctest: +SKIP
        29
    """
    import pandas as pd

    from beyond_traffic.corpus import load_corpus

    chosen = load_corpus() if articles is None else list(articles)
    rows = []
    for article in chosen:
        profile = article_profile(article)
        row = profile.as_dict()
        fillers = row.pop("fillers")
        row["fillers"] = sum(fillers.values())
        for term in PROFILE_FILLERS:
            row[term] = fillers.get(term, 0)
        rows.append(row)
    columns = [f for f in ArticleProfile.__dataclass_fields__ if f != "fillers"]
    columns += ["fillers", *PROFILE_FILLERS]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def _kind_of(kind: object) -> str:
    return _require_kind(kind)


def count_markers(article: Article | str, kind: str) -> int:
    """Return how many markers of one type an article has, counted sentence by sentence.

    The same number :func:`profiles_table` reports (``hedges``, ``certainty``, ``predictions``,
    ``evidence``, the sum of ``fillers``, ``stance``): lessons 04, 06 and 07 count with it.

    Args:
        article: an :class:`~beyond_traffic.corpus.Article` or a text.
        kind: one of :data:`MARKER_KINDS`.

    Example:
        >>> count_markers("它或许会变。也许不会。", "hedge")
        2
    """
    kind = _kind_of(kind)
    _, text = _text_of(article)
    return sum(len(find_markers(s)[kind]) for s in split_sentences(text))


def sentence_table(article: Article | str) -> pd.DataFrame:
    """Return one row per sentence: the sentence, its Han characters, and its markers per type.

    The unit that ``uncertainty`` resamples: an article's rate is the column sum over the
    ``han_chars`` sum, times 1,000.

    Columns: ``sentence``, ``han_chars``, then one count column per :data:`MARKER_KINDS`.

    Example:
        >>> t = sentence_table("直播带货落幕是必然。它或许会变。")
        >>> t["hedge"].tolist(), int(t["han_chars"].sum())
        ([0, 1], 14)
    """
    import pandas as pd

    _, text = _text_of(article)
    rows = []
    for sentence in split_sentences(text):
        markers = find_markers(sentence)
        rows.append(
            {
                "sentence": sentence,
                "han_chars": han_count(sentence),
                **{kind: len(markers[kind]) for kind in MARKER_KINDS},
            }
        )
    return pd.DataFrame(rows, columns=["sentence", "han_chars", *MARKER_KINDS])
