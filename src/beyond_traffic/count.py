"""Counting: frequencies, top-k, normalised rates, n-grams, phrase counts and KWIC."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from beyond_traffic._validate import require_positive_int, require_str, require_tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KwicRow",
    "char_ngrams",
    "count_phrase",
    "frequencies",
    "han_count",
    "is_han",
    "is_punct",
    "kwic",
    "ngrams",
    "rate_per_1000_chars",
    "top_k",
]

# What counts as a "character" for rates: a Han ideograph (Unicode script Han) — the CJK
# Unified Ideographs block, Extension A, the compatibility ideographs and the supplementary
# planes' extensions B–H. Punctuation, digits, Latin letters (B端, GMV) and whitespace are not
# counted, so a rate does not change when cleaning removes spaces or converts punctuation.
_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U0003134f]"
)
_HAN_RUN = re.compile(_HAN.pattern + "+")


def is_han(char: str) -> bool:
    """Return True if ``char`` is a single Han ideograph.

    Example:
        >>> is_han("流"), is_han("，"), is_han("B")
        (True, False, False)
    """
    require_str(char, name="char")
    return len(char) == 1 and _HAN.fullmatch(char) is not None


def han_count(text: str) -> int:
    """Return the number of Han characters in ``text`` (the denominator of every rate).

    Example:
        >>> han_count("直播带货，B端 2020年")
        6
    """
    require_str(text, name="text")
    return len(_HAN.findall(text))


def is_punct(token: str) -> bool:
    """Return True if ``token`` is non-empty and made only of punctuation, symbols or spaces.

    Uses Unicode categories (P* punctuation, S* symbols, Z* separators), so it covers
    full-width Chinese punctuation (，。「」《》…) and half-width ASCII alike.

    Example:
        >>> is_punct("，"), is_punct("……"), is_punct("流量")
        (True, True, False)
    """
    require_str(token, name="token")
    return bool(token) and all(unicodedata.category(c)[0] in "PSZ" or c.isspace() for c in token)


def _require_word_set(value: object, *, name: str) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Collection):
        raise TypeError(
            f"{name} must be a set of str such as lexicons.stopwords() (called, with the "
            f"parentheses) or None, got {type(value).__name__}"
        )
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must contain only str, found {type(item).__name__}")
    return frozenset(items)


def _keep(token: str, *, stop: frozenset[str] | None, drop_punct: bool, min_len: int) -> bool:
    if len(token) < min_len:
        return False
    if drop_punct and is_punct(token):
        return False
    return not (stop is not None and token in stop)


def frequencies(
    tokens: Iterable[str],
    *,
    stopwords: Collection[str] | None = None,
    drop_punct: bool = True,
    min_len: int = 1,
) -> Counter[str]:
    """Count tokens, optionally without stopwords, punctuation and short tokens.

    Args:
        tokens: a list of str, e.g. ``tokenize(text)``.
        stopwords: words to leave out, e.g. ``lexicons.stopwords()``; None keeps everything.
        drop_punct: leave out tokens made only of punctuation/symbols (see :func:`is_punct`).
        min_len: leave out tokens shorter than this many characters (2 drops 的, 了, 是 …).

    Returns:
        A ``collections.Counter``; empty for empty input.

    Raises:
        TypeError: ``tokens`` is not a list of str (a plain str is refused: tokenize it first),
            or ``stopwords`` is not a set of str.

    Example:
        >>> frequencies(["流量", "的", "流量", "，"], stopwords={"的"})
        Counter({'流量': 2})
    """
    items = require_tokens(tokens, name="tokens")
    stop = _require_word_set(stopwords, name="stopwords")
    min_len = require_positive_int(min_len, name="min_len")
    if not isinstance(drop_punct, bool):
        raise TypeError(f"drop_punct must be bool, got {type(drop_punct).__name__}")
    return Counter(t for t in items if _keep(t, stop=stop, drop_punct=drop_punct, min_len=min_len))


def top_k(
    counter_or_tokens: Mapping[str, int] | Iterable[str],
    k: int,
    *,
    stopwords: Collection[str] | None = None,
    drop_punct: bool = True,
    min_len: int = 1,
) -> list[tuple[str, int]]:
    """Return the ``k`` most frequent tokens as ``(token, count)``, ties broken by the token.

    Unlike ``Counter.most_common``, the order never depends on insertion order: count
    descending, then the token in code-point order, so two runs always agree.

    Args:
        counter_or_tokens: a Counter (or any mapping token -> count) or a list of tokens.
        k: how many to return (fewer if there are fewer distinct tokens).
        stopwords, drop_punct, min_len: filters, as in :func:`frequencies` (applied to a
            Counter's keys too).

    Example:
        >>> top_k(["赋能", "流量", "流量", "赋能", "平台"], 2)
        [('流量', 2), ('赋能', 2)]
    """
    k = require_positive_int(k, name="k")
    if isinstance(counter_or_tokens, Mapping):
        stop = _require_word_set(stopwords, name="stopwords")
        min_len = require_positive_int(min_len, name="min_len")
        counts: dict[str, int] = {}
        for token, n in counter_or_tokens.items():
            if not isinstance(token, str):
                raise TypeError(f"counter keys must be str, found {type(token).__name__}")
            if isinstance(n, bool) or not isinstance(n, int):
                raise TypeError(f"counter values must be int, found {type(n).__name__}")
            if n > 0 and _keep(token, stop=stop, drop_punct=drop_punct, min_len=min_len):
                counts[token] = n
    else:
        counts = frequencies(
            counter_or_tokens, stopwords=stopwords, drop_punct=drop_punct, min_len=min_len
        )
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def rate_per_1000_chars(count: int, text: str) -> float:
    """Return ``count`` per 1,000 Han characters of ``text``.

    "Character" means a Han ideograph (see :func:`han_count`): punctuation, digits, Latin
    letters and whitespace are not counted, so texts with different punctuation habits
    (half-width vs full-width, blank lines) compare fairly.

    Args:
        count: how many times something occurs in ``text`` (an int >= 0).
        text: the text it was counted in.

    Returns:
        ``1000 * count / han_count(text)``; 0.0 when both are zero (e.g. empty text).

    Raises:
        ValueError: ``count`` is negative, or positive while the text has no Han character.

    Example:
        >>> rate_per_1000_chars(3, "流" * 1500)
        2.0
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"count must be int, got {type(count).__name__}")
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    chars = han_count(text)
    if chars == 0:
        if count:
            raise ValueError("text has no Han characters, so a rate per 1,000 is undefined")
        return 0.0
    return 1000 * count / chars


def ngrams(tokens: Iterable[str], n: int) -> list[tuple[str, ...]]:
    """Return the token n-grams of ``tokens``, in order (overlapping).

    Example:
        >>> ngrams(["直播", "带货", "新", "方向"], 2)
        [('直播', '带货'), ('带货', '新'), ('新', '方向')]
    """
    items = require_tokens(tokens, name="tokens")
    n = require_positive_int(n, name="n")
    return [tuple(items[i : i + n]) for i in range(len(items) - n + 1)]


def char_ngrams(text: str, n: int, *, han_only: bool = True) -> list[str]:
    """Return the character n-grams of ``text`` (no segmentation needed).

    Args:
        text: any string.
        n: n-gram length in characters.
        han_only: take n-grams only inside runs of Han characters, so none spans
            punctuation, digits or a line break ("带货，产" is not a bigram of anything).

    Example:
        >>> char_ngrams("直播带货，产业", 2)
        ['直播', '播带', '带货', '产业']
    """
    require_str(text, name="text")
    n = require_positive_int(n, name="n")
    runs = _HAN_RUN.findall(text) if han_only else [text]
    return [run[i : i + n] for run in runs for i in range(len(run) - n + 1)]


def count_phrase(text: str, phrase: str) -> int:
    """Return how many times ``phrase`` occurs in ``text`` as a raw substring (no overlaps).

    No segmentation is involved, so multi-word phrases (仅仅只是, 方式和方法) are found even
    where the tokenizer splits them differently.

    Raises:
        ValueError: ``phrase`` is empty (it would "occur" between every two characters).

    Example:
        >>> count_phrase("仅仅只是开始，仅仅只是前奏", "仅仅只是")
        2
    """
    require_str(text, name="text")
    require_str(phrase, name="phrase")
    if not phrase:
        raise ValueError("phrase must not be empty")
    return text.count(phrase)


class KwicRow(NamedTuple):
    """One concordance line: the context left of the keyword, the keyword, the right context."""

    left: str
    keyword: str
    right: str


def kwic(
    text_or_tokens: str | Iterable[str],
    keyword: str,
    *,
    width: int = 10,
    as_frame: bool = False,
) -> list[KwicRow] | pd.DataFrame:
    """Keyword in context: every occurrence of ``keyword`` with its left and right context.

    On a **str**, occurrences are raw substrings and ``width`` counts characters; line breaks
    in the context are shown as spaces (one for one, so widths stay exact). On a **list of
    tokens**, occurrences are tokens equal to ``keyword``, ``width`` counts tokens, and the
    context tokens are joined without spaces.

    Args:
        text_or_tokens: a text or a token list.
        keyword: what to look for (non-empty).
        width: context size on each side.
        as_frame: return a pandas DataFrame with columns ``position``, ``left``,
            ``keyword``, ``right`` (position = character offset or token index) instead.

    Returns:
        A list of :class:`KwicRow` ``(left, keyword, right)``, in text order (or a DataFrame).

    Example:
        >>> kwic("直播带货落幕是必然。", "必然", width=3)
        [KwicRow(left='落幕是', keyword='必然', right='。')]
    """
    require_str(keyword, name="keyword")
    if not keyword:
        raise ValueError("keyword must not be empty")
    width = require_positive_int(width, name="width")
    if not isinstance(as_frame, bool):
        raise TypeError(f"as_frame must be bool, got {type(as_frame).__name__}")
    found: list[tuple[int, KwicRow]] = []
    if isinstance(text_or_tokens, str):
        text = text_or_tokens.replace("\r", " ").replace("\n", " ")
        start = text.find(keyword)
        while start != -1:
            end = start + len(keyword)
            found.append(
                (
                    start,
                    KwicRow(text[max(0, start - width) : start], keyword, text[end : end + width]),
                )
            )
            start = text.find(keyword, end)
    else:
        tokens = require_tokens(text_or_tokens, name="text_or_tokens")
        for i, token in enumerate(tokens):
            if token == keyword:
                left = "".join(tokens[max(0, i - width) : i])
                found.append((i, KwicRow(left, keyword, "".join(tokens[i + 1 : i + 1 + width]))))
    if not as_frame:
        return [row for _, row in found]
    import pandas as pd  # only when asked: keeps `import beyond_traffic.count` light

    return pd.DataFrame(
        [(pos, *row) for pos, row in found], columns=["position", "left", "keyword", "right"]
    )
