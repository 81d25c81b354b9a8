"""Function-word profiles and Burrows's Delta: how alike two texts are in style, not topic.

Authorship studies count the small words every writer uses without choosing them (的, 了, 在,
并且 …) because they vary little with topic (Mosteller & Wallace 1964; Burrows 2002). Delta is
the mean absolute difference of z-scored function-word rates. Texts are cut into chunks of equal
length so that each article yields several points: chunks of one author should sit closer to
each other than to another author's. With five short texts on one topic and no texts of known
authorship to compare with, this can only make a shared author more or less plausible; it
cannot attribute anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from beyond_traffic._validate import require_positive_int, require_str, require_tokens

if TYPE_CHECKING:
    import pandas as pd

    from beyond_traffic.corpus import Article

__all__ = [
    "FUNCTION_WORDS",
    "burrows_delta",
    "chunk_tokens",
    "function_word_rates",
    "function_word_table",
    "mean_delta_by_text",
    "nearest_text",
]

#: Closed-class words (particles, pronouns, conjunctions, prepositions, common adverbs) as the
#: course tokenizer writes them. Deliberately without the stock phrases under suspicion
#: (仅仅只是, 方式和方法, 所谓的): a test of style should not assume its answer.
FUNCTION_WORDS: tuple[str, ...] = (
    "的", "了", "是", "在", "和", "与", "也", "都", "就", "而", "及", "等", "这", "那",
    "其", "之", "以", "对", "对于", "把", "将", "被", "从", "向", "为", "因为", "所以",
    "但是", "然而", "如果", "虽然", "并且", "而且", "或者", "还是", "甚至", "同样", "依然",
    "更加", "更", "很", "非常", "已经", "不", "没有", "并", "才", "又", "再", "还", "我们",
    "他们", "它", "我", "你", "一个", "一种", "这种", "这个", "当", "通过", "由于", "因此",
    "只有", "不仅", "无论", "之后", "当中", "来", "上", "中", "能够", "可以", "要", "会",
    "地", "得", "着", "过",
)  # fmt: skip


def _words(tokens: Iterable[str]) -> list[str]:
    from beyond_traffic.count import is_punct

    return [t for t in require_tokens(tokens) if t.strip() and not is_punct(t)]


def function_word_rates(
    tokens: Iterable[str], *, words: Iterable[str] = FUNCTION_WORDS
) -> dict[str, float]:
    """Return each function word's rate per 1,000 word tokens (punctuation left out).

    Example:
        >>> function_word_rates(["直播", "的", "未来", "，", "的"], words=["的", "了"])
        {'的': 500.0, '了': 0.0}
    """
    kept = _words(tokens)
    chosen = require_tokens(words, name="words")
    if not kept:
        return dict.fromkeys(chosen, 0.0)
    n = len(kept)
    counts = {w: 0 for w in chosen}
    for t in kept:
        if t in counts:
            counts[t] += 1
    return {w: 1000.0 * counts[w] / n for w in chosen}


def chunk_tokens(tokens: Iterable[str], *, size: int) -> list[list[str]]:
    """Cut a token list (punctuation left out) into consecutive chunks of exactly ``size`` words.

    The remainder shorter than ``size`` is dropped, so every chunk has the same length and the
    same sampling noise.

    Example:
        >>> chunk_tokens(["甲", "，", "乙", "丙", "丁", "戊"], size=2)
        [['甲', '乙'], ['丙', '丁']]
    """
    require_positive_int(size, name="size")
    kept = _words(tokens)
    return [kept[i : i + size] for i in range(0, len(kept) - size + 1, size)]


def _token_sets(texts: object) -> dict[str, list[str]]:
    from beyond_traffic.compare import article_tokens
    from beyond_traffic.corpus import Article, get_article, load_corpus
    from beyond_traffic.segment import tokenize

    if texts is None:
        return {a.id: article_tokens(a) for a in load_corpus()}
    if isinstance(texts, Mapping):
        return {
            require_str(label, name="label"): tokenize(require_str(t, name=f"text of {label!r}"))
            for label, t in texts.items()
        }
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise TypeError(
            f"texts must be a list of Articles or ids, or a dict of label -> text; got "
            f"{type(texts).__name__}"
        )
    out = {}
    for item in texts:
        article = get_article(item) if isinstance(item, str) else item
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article or an id such as 'A2', got {type(item).__name__}")
        out[article.id] = article_tokens(article)
    return out


def function_word_table(
    texts: Iterable[Article | str] | Mapping[str, str] | None = None,
    *,
    chunk_size: int | None = None,
    words: Iterable[str] = FUNCTION_WORDS,
) -> pd.DataFrame:
    """Return function-word rates per 1,000 words: one row per text, or per chunk of a text.

    Args:
        texts: default the corpus A1–A5; or a list of Articles / ids; or a dict label -> text
            (e.g. A5's two voices from ``marker_gold.voice_texts``).
        chunk_size: if given, cut each text into chunks of this many words; rows are then
            labelled ``"A2#1"``, ``"A2#2"`` … and a ``text`` column names the source.
        words: the function words (columns).

    Example:
        >>> t = function_word_table({"甲": "我们的直播。我们的未来。"}, words=["的", "我们"])
        >>> bool(t.loc["甲", "的"] > 0)
        True
    """
    import pandas as pd

    chosen = list(require_tokens(words, name="words"))
    rows, labels, sources = [], [], []
    for label, tokens in _token_sets(texts).items():
        if chunk_size is None:
            pieces = [(label, tokens)]
        else:
            pieces = [
                (f"{label}#{i}", c)
                for i, c in enumerate(chunk_tokens(tokens, size=chunk_size), start=1)
            ]
        for name, piece in pieces:
            rows.append(function_word_rates(piece, words=chosen))
            labels.append(name)
            sources.append(label)
    table = pd.DataFrame(rows, index=pd.Index(labels, name="label"), columns=chosen)
    if chunk_size is not None:
        table.insert(0, "text", sources)
    return table


def burrows_delta(table: pd.DataFrame) -> pd.DataFrame:
    """Return Burrows's Delta between every pair of rows of a :func:`function_word_table`.

    Each word's rates are z-scored across the rows (words that never vary are left out), and
    Delta is the mean absolute difference of two rows' z-scores: 0 for identical profiles,
    larger for less alike ones.

    Example:
        >>> import pandas as pd
        >>> rates = {"的": [10.0, 12.0, 30.0], "了": [5.0, 5.0, 1.0]}
        >>> t = pd.DataFrame(rates, index=["甲", "乙", "丙"])
        >>> d = burrows_delta(t)
        >>> bool(d.loc["甲", "乙"] < d.loc["甲", "丙"])
        True
    """
    import numpy as np
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"table must be a DataFrame from function_word_table, got {type(table).__name__}"
        )
    numeric = table.drop(columns=["text"], errors="ignore").astype(float)
    if len(numeric) < 2:
        raise ValueError("Delta needs at least two rows to compare")
    spread = numeric.std(axis=0, ddof=0)
    varying = spread[spread > 0].index
    if len(varying) == 0:
        raise ValueError("no function word varies across the rows: nothing to compare")
    z = (numeric[varying] - numeric[varying].mean(axis=0)) / spread[varying]
    values = z.to_numpy()
    delta = np.abs(values[:, None, :] - values[None, :, :]).mean(axis=2)
    return pd.DataFrame(delta, index=numeric.index, columns=numeric.index)


def _sources(delta: pd.DataFrame, table: pd.DataFrame | None) -> list[str]:
    if table is not None and "text" in table.columns:
        return list(table.loc[delta.index, "text"])
    return [str(label).split("#")[0] for label in delta.index]


def mean_delta_by_text(delta: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Average a chunk-by-chunk Delta matrix by source text: within (diagonal) and between texts.

    The diagonal averages distinct chunks of the same text (0 if a text has only one chunk).
    A shared author predicts between-text values close to the within-text ones.

    Example:
        >>> t = function_word_table(["A3", "A4"], chunk_size=200)
        >>> m = mean_delta_by_text(burrows_delta(t), t)
        >>> list(m.index)
        ['A3', 'A4']
    """
    import numpy as np
    import pandas as pd

    sources = np.asarray(_sources(delta, table))
    labels = [str(label) for label in dict.fromkeys(sources)]
    values = delta.to_numpy()
    out = pd.DataFrame(index=pd.Index(labels, name="text"), columns=labels, dtype=float)
    for a in labels:
        for b in labels:
            block = values[np.ix_(sources == a, sources == b)]
            if a == b:
                off = block[~np.eye(len(block), dtype=bool)]
                out.loc[a, b] = float(off.mean()) if off.size else 0.0
            else:
                out.loc[a, b] = float(block.mean())
    return out


def nearest_text(delta: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every chunk, name the text of its nearest other chunk (smallest Delta).

    Columns: ``text`` (where the chunk comes from), ``nearest`` (the nearest chunk's label),
    ``nearest_text`` and ``same`` (True when the nearest chunk is from the same text).

    Example:
        >>> t = function_word_table(["A2", "A3"], chunk_size=300)
        >>> set(nearest_text(burrows_delta(t), t).columns) >= {"text", "nearest_text", "same"}
        True
    """
    import numpy as np
    import pandas as pd

    sources = _sources(delta, table)
    values = delta.to_numpy().astype(float).copy()
    np.fill_diagonal(values, np.inf)
    nearest = values.argmin(axis=1)
    labels = list(delta.index)
    return pd.DataFrame(
        {
            "text": sources,
            "nearest": [labels[j] for j in nearest],
            "nearest_text": [sources[j] for j in nearest],
            "same": [sources[i] == sources[j] for i, j in enumerate(nearest)],
        },
        index=pd.Index(labels, name="label"),
    )
