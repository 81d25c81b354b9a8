"""Keyword extraction on course tokens: TF-IDF with IDF from the corpus, and a small TextRank."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence

from beyond_traffic._validate import require_positive_int, require_tokens
from beyond_traffic.count import _keep, _require_word_set
from beyond_traffic.lexicons import stopwords as course_stopwords

__all__ = ["COURSE_STOPWORDS", "idf", "textrank_keywords", "tfidf_keywords"]


class _CourseStopwords:
    """Sentinel default: "use lexicons.stopwords()" (None means: filter nothing)."""

    def __repr__(self) -> str:
        return "COURSE_STOPWORDS"


#: Default for ``stopwords=``: the course list from ``lexicons.stopwords()``.
COURSE_STOPWORDS = _CourseStopwords()


def _stop(value: object) -> frozenset[str] | None:
    if value is COURSE_STOPWORDS:
        return course_stopwords()
    return _require_word_set(value, name="stopwords")


def _check_bool(value: object, *, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be bool, got {type(value).__name__}")
    return value


def idf(corpus_tokens: Iterable[Iterable[str]]) -> dict[str, float]:
    """Return the smoothed inverse document frequency of every token in the corpus.

    ``idf(t) = ln((1 + N) / (1 + df(t))) + 1`` where N is the number of documents and
    ``df(t)`` the number of documents containing ``t`` (scikit-learn's ``smooth_idf``).
    The "+1" inside acts as one extra document containing every word, so no division by
    zero; the "+1" outside keeps words found in every document at weight 1, not 0.

    Args:
        corpus_tokens: one token list per document, e.g. ``[tokenize(a.clean) for a in corpus]``.

    Example:
        >>> w = idf([["流量", "赋能"], ["流量"]])
        >>> round(w["流量"], 3), round(w["赋能"], 3)
        (1.0, 1.405)
    """
    return _idf(corpus_tokens)[0]


def _idf(corpus_tokens: object) -> tuple[dict[str, float], int]:
    if isinstance(corpus_tokens, (str, bytes)) or not isinstance(corpus_tokens, Iterable):
        raise TypeError(
            "corpus_tokens must be a list of token lists (one per document), "
            f"got {type(corpus_tokens).__name__}"
        )
    docs = [
        set(require_tokens(doc, name=f"corpus_tokens[{i}]")) for i, doc in enumerate(corpus_tokens)
    ]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc)
    n = len(docs)
    return {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}, n


def _ranked(scores: dict[str, float], k: int) -> list[tuple[str, float]]:
    # Rounded so that ties from floating-point noise are broken by the token, deterministically.
    rounded = {t: round(s, 6) for t, s in scores.items()}
    return sorted(rounded.items(), key=lambda item: (-item[1], item[0]))[:k]


def tfidf_keywords(
    doc_tokens: Iterable[str],
    *,
    corpus_tokens: Iterable[Iterable[str]],
    k: int = 10,
    stopwords: Collection[str] | None | _CourseStopwords = COURSE_STOPWORDS,
    drop_punct: bool = True,
    min_len: int = 2,
) -> list[tuple[str, float]]:
    """Return the ``k`` tokens of one document with the highest TF-IDF, best first.

    ``tf(t) = count of t in the document / number of kept tokens in the document``;
    ``tfidf = tf × idf`` with the smoothed IDF of :func:`idf`, computed from
    ``corpus_tokens``. Pass the document itself as one of the corpus documents (the usual
    case: an article against all five); a token missing from the corpus gets df = 0.

    Args:
        doc_tokens: the document's tokens.
        corpus_tokens: one token list per corpus document.
        k: how many keywords.
        stopwords: words never returned; default the course list, None for no filtering.
        drop_punct: never return punctuation.
        min_len: shortest keyword in characters (default 2: single characters are rarely
            keywords, as in jieba.analyse).

    Returns:
        ``[(token, score), …]``, score rounded to 6 decimals, ties broken by the token.

    Example:
        >>> docs = [["流量", "流量", "赋能"], ["流量", "平台"]]
        >>> [w for w, _ in tfidf_keywords(docs[0], corpus_tokens=docs, k=2)]
        ['流量', '赋能']
    """
    tokens = require_tokens(doc_tokens, name="doc_tokens")
    k = require_positive_int(k, name="k")
    min_len = require_positive_int(min_len, name="min_len")
    drop_punct = _check_bool(drop_punct, name="drop_punct")
    stop = _stop(stopwords)
    weights, n_docs = _idf(corpus_tokens)
    kept = [t for t in tokens if _keep(t, stop=stop, drop_punct=drop_punct, min_len=min_len)]
    if not kept:
        return []
    counts = Counter(kept)
    unseen = math.log(1 + n_docs) + 1  # the formula with df = 0
    scores = {t: (c / len(kept)) * weights.get(t, unseen) for t, c in counts.items()}
    return _ranked(scores, k)


def _pagerank(
    edges: dict[str, dict[str, float]], *, damping: float, iterations: int, tol: float
) -> dict[str, float]:
    nodes = sorted(edges)
    out_weight = {n: sum(edges[n].values()) for n in nodes}
    score = dict.fromkeys(nodes, 1.0)
    for _ in range(iterations):
        new = {}
        for n in nodes:
            incoming = sum(w / out_weight[m] * score[m] for m, w in sorted(edges[n].items()))
            new[n] = (1 - damping) + damping * incoming
        delta = max(abs(new[n] - score[n]) for n in nodes)
        score = new
        if delta < tol:
            break
    return score


def textrank_keywords(
    tokens: Sequence[str] | Sequence[tuple[str, str]],
    *,
    k: int = 10,
    window: int = 5,
    pos: Collection[str] | None = None,
    stopwords: Collection[str] | None | _CourseStopwords = COURSE_STOPWORDS,
    min_len: int = 2,
    damping: float = 0.85,
    iterations: int = 100,
) -> list[tuple[str, float]]:
    """Return the ``k`` most central tokens of a co-occurrence graph (TextRank), best first.

    Candidates are the tokens that pass the filters (not punctuation, not a stopword, at
    least ``min_len`` characters, and a POS tag in ``pos`` if given). Two candidates are
    linked when they occur within ``window`` tokens of each other in the *original*
    sequence (as in jieba's TextRank); an edge's weight is how often that happens. Scores
    come from weighted PageRank, ``s(v) = (1 - d) + d · Σ_u w(u,v) / W(u) · s(u)``, iterated
    until no score moves by more than 1e-6, then divided by the highest score (best = 1.0).

    Args:
        tokens: a token list, or ``(word, tag)`` pairs from ``segment.pos_tag`` if ``pos``
            is used.
        k: how many keywords.
        window: co-occurrence window in tokens (>= 2).
        pos: POS tags to keep, e.g. ``{"n", "vn", "v"}``; needs ``(word, tag)`` pairs.
        stopwords: default the course list; None for no filtering.
        min_len: shortest keyword in characters.
        damping: PageRank's d, between 0 and 1.
        iterations: upper bound on PageRank iterations.

    Returns:
        ``[(token, score), …]`` with scores in (0, 1], rounded to 6 decimals, ties by token.

    Raises:
        TypeError: wrong types, or ``pos`` given with plain tokens (there is no tag to filter).
        ValueError: ``window`` < 2 or ``damping`` outside (0, 1).

    Example:
        >>> toks = ["直播", "带货", "赋能", "商家", "，", "赋能", "产业"]
        >>> textrank_keywords(toks, k=1, window=2)[0][0]
        '赋能'
    """
    if isinstance(tokens, (str, bytes)) or not isinstance(tokens, Iterable):
        raise TypeError(f"tokens must be a list of str, got {type(tokens).__name__}")
    items = list(tokens)
    if items and all(isinstance(t, tuple) for t in items):
        for i, pair in enumerate(items):
            if len(pair) != 2 or not all(isinstance(x, str) for x in pair):
                raise TypeError(f"tokens[{i}] must be a (word, tag) pair of str")
        words = [w for w, _ in items]
        tags: list[str] | None = [t for _, t in items]
    else:
        words = require_tokens(items, name="tokens")
        tags = None
    k = require_positive_int(k, name="k")
    window = require_positive_int(window, name="window")
    if window < 2:
        raise ValueError("window must be >= 2: a window of 1 links nothing")
    min_len = require_positive_int(min_len, name="min_len")
    iterations = require_positive_int(iterations, name="iterations")
    if isinstance(damping, bool) or not isinstance(damping, (int, float)):
        raise TypeError(f"damping must be a float, got {type(damping).__name__}")
    if not 0 < damping < 1:
        raise ValueError(f"damping must be between 0 and 1, got {damping}")
    allowed_pos = _require_word_set(pos, name="pos")
    if allowed_pos is not None and tags is None and words:
        raise TypeError(
            "pos filtering needs (word, tag) pairs, e.g. from segment.pos_tag(text); "
            "got plain tokens"
        )
    stop = _stop(stopwords)

    def candidate(i: int) -> bool:
        if allowed_pos is not None and tags is not None and tags[i] not in allowed_pos:
            return False
        return _keep(words[i], stop=stop, drop_punct=True, min_len=min_len)

    keep = [candidate(i) for i in range(len(words))]
    edges: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i, word in enumerate(words):
        if not keep[i]:
            continue
        edges[word]  # a candidate with no neighbour is still a node  # noqa: B018
        for j in range(i + 1, min(i + window, len(words))):
            if keep[j] and words[j] != word:
                edges[word][words[j]] += 1.0
                edges[words[j]][word] += 1.0
    if not edges:
        return []
    scores = _pagerank(edges, damping=damping, iterations=iterations, tol=1e-6)
    top = max(scores.values())
    return _ranked({w: s / top for w, s in scores.items()}, k)
