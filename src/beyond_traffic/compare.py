"""Per-article comparison tables (pandas): term frequencies, top terms, keywords, profiles."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_positive_int, require_str, require_tokens
from beyond_traffic.count import count_phrase, frequencies, rate_per_1000_chars, top_k
from beyond_traffic.keywords import COURSE_STOPWORDS, _stop, textrank_keywords, tfidf_keywords

if TYPE_CHECKING:
    import pandas as pd

    from beyond_traffic.corpus import Article

__all__ = [
    "article_tokens",
    "frequency_table",
    "keyword_table",
    "profile_table",
    "top_terms_table",
]

_METHODS = ("tokens", "substring")
_KEYWORD_METHODS = ("tfidf", "textrank")


@lru_cache(maxsize=16)
def _tokens_of(text: str) -> tuple[str, ...]:
    from beyond_traffic.segment import tokenize

    return tuple(tokenize(text))


def article_tokens(article: Article) -> list[str]:
    """Return ``tokenize(article.clean)``, cached per text (the tables reuse it).

    Example:
        >>> from beyond_traffic.corpus import get_article
        >>> "直播带货" in article_tokens(get_article("A2"))
        True
    """
    return list(_tokens_of(_require_article(article).clean))


def _require_article(value: object) -> Article:
    from beyond_traffic.corpus import Article

    if not isinstance(value, Article):
        raise TypeError(f"expected an Article (e.g. get_article('A1')), got {type(value).__name__}")
    return value


def _articles(articles: Iterable[Article | str] | None) -> list[Article]:
    from beyond_traffic.corpus import get_article, load_corpus

    if articles is None:
        return load_corpus()
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(
            "articles must be a list of Articles or ids such as ['A1', 'A3'], "
            f"got {type(articles).__name__}"
        )
    chosen = [get_article(a) if isinstance(a, str) else _require_article(a) for a in articles]
    ids = [a.id for a in chosen]
    if len(set(ids)) != len(ids):
        raise ValueError(f"each article may appear once, got {ids}")
    return chosen


def frequency_table(
    terms: Iterable[str],
    *,
    articles: Iterable[Article | str] | None = None,
    per_1000: bool = False,
    method: str = "tokens",
) -> pd.DataFrame:
    """Count each term in each article: rows are terms, columns article ids (A1 … A5).

    Args:
        terms: the words to compare, e.g. ``["流量", "赋能", "产业互联网"]``.
        articles: Articles or ids; default all five.
        per_1000: give rates per 1,000 Han characters of the article instead of counts.
        method: ``"tokens"`` counts tokens equal to the term (``tokenize(article.clean)``);
            ``"substring"`` counts raw occurrences in the text (needed for phrases the
            tokenizer splits, such as 方式和方法).

    Returns:
        A DataFrame (index name ``term``); int counts, or float rates when ``per_1000``.

    Example:
        >>> frequency_table(["流量", "赋能"]).shape
        (2, 5)
    """
    if isinstance(terms, (str, bytes)):
        raise TypeError(f"terms must be a list of str, not a single {type(terms).__name__}")
    words = require_tokens(terms, name="terms")
    if not isinstance(per_1000, bool):
        raise TypeError(f"per_1000 must be bool, got {type(per_1000).__name__}")
    require_str(method, name="method")
    if method not in _METHODS:
        raise ValueError(f"method must be one of {', '.join(_METHODS)}; got {method!r}")
    if any(not w for w in words):
        raise ValueError("terms must not contain an empty string")
    import pandas as pd

    data = {}
    for article in _articles(articles):
        if method == "tokens":
            counts = frequencies(list(_tokens_of(article.clean)), drop_punct=False)
            column = [counts.get(w, 0) for w in words]
        else:
            column = [count_phrase(article.clean, w) for w in words]
        if per_1000:
            column = [rate_per_1000_chars(c, article.clean) for c in column]
        data[article.id] = column
    table = pd.DataFrame(data, index=pd.Index(words, name="term"))
    return table.astype(float if per_1000 else int) if len(table.columns) else table


def _ranked_table(ranked: dict[str, list[tuple[str, float]]], k: int, value: str) -> pd.DataFrame:
    import pandas as pd

    columns = {}
    for article_id, items in ranked.items():
        padded = items + [(None, None)] * (k - len(items))
        columns[(article_id, "term")] = [t for t, _ in padded]
        columns[(article_id, value)] = [v for _, v in padded]
    table = pd.DataFrame(columns, index=pd.RangeIndex(1, k + 1, name="rank"))
    if len(table.columns):
        table.columns = pd.MultiIndex.from_tuples(table.columns, names=["article", ""])
    return table


def top_terms_table(
    k: int,
    *,
    articles: Iterable[Article | str] | None = None,
    stopwords: Collection[str] | None | object = COURSE_STOPWORDS,
    min_len: int = 2,
) -> pd.DataFrame:
    """The ``k`` most frequent terms of each article, side by side.

    Args:
        k: rows (ranks 1 … k).
        articles: Articles or ids; default all five.
        stopwords: default the course list; None keeps everything.
        min_len: shortest term in characters (default 2).

    Returns:
        Index ``rank``; columns ``(article id, "term")`` and ``(article id, "count")``. Ties
        are ordered by the term (see ``count.top_k``); short lists are padded with NaN.

    Example:
        >>> top_terms_table(3)["A2"]["term"].iloc[0]
        '直播带货'
    """
    k = require_positive_int(k, name="k")
    stop = _stop(stopwords)
    ranked = {
        a.id: top_k(list(_tokens_of(a.clean)), k, stopwords=stop, min_len=min_len)
        for a in _articles(articles)
    }
    return _ranked_table(ranked, k, "count")


def keyword_table(
    k: int,
    *,
    method: str = "tfidf",
    articles: Iterable[Article | str] | None = None,
    window: int = 5,
) -> pd.DataFrame:
    """The top ``k`` keywords of each article, side by side.

    TF-IDF weighs each article against the whole corpus (IDF always from all five
    articles, even when ``articles`` picks fewer); TextRank looks at one article at a time.

    Args:
        k: rows (ranks 1 … k).
        method: ``"tfidf"`` or ``"textrank"``.
        articles: Articles or ids; default all five.
        window: TextRank co-occurrence window.

    Returns:
        Index ``rank``; columns ``(article id, "term")`` and ``(article id, "score")``.

    Example:
        >>> keyword_table(5, method="textrank").shape
        (5, 10)
    """
    from beyond_traffic.corpus import load_corpus

    k = require_positive_int(k, name="k")
    require_str(method, name="method")
    if method not in _KEYWORD_METHODS:
        raise ValueError(f"method must be one of {', '.join(_KEYWORD_METHODS)}; got {method!r}")
    chosen = _articles(articles)
    if method == "tfidf":
        corpus = [list(_tokens_of(a.clean)) for a in load_corpus()]
        ranked = {
            a.id: tfidf_keywords(list(_tokens_of(a.clean)), corpus_tokens=corpus, k=k)
            for a in chosen
        }
    else:
        ranked = {
            a.id: textrank_keywords(list(_tokens_of(a.clean)), k=k, window=window) for a in chosen
        }
    return _ranked_table(ranked, k, "score")


def profile_table(articles: Iterable[Article | str] | None = None) -> pd.DataFrame:
    """Claim-marker profiles, one row per article (see ``claims.profiles_table``).

    Example:
        >>> list(profile_table(["A2"]).index)
        ['A2']
    """
    from beyond_traffic.claims import profiles_table

    return profiles_table(_articles(articles))
