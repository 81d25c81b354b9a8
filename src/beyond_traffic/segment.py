"""Chinese word segmentation on the course's own jieba Tokenizer (never jieba's global one)."""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

import jieba

from beyond_traffic._validate import require_str

# jieba logs "Building prefix dict…" to stderr, which nbgrader counts as a failed test cell.
jieba.setLogLevel(logging.ERROR)


@lru_cache(maxsize=2)
def get_tokenizer(*, userdict: bool = True) -> jieba.Tokenizer:
    """Return the course tokenizer, with or without the domain dictionary (cached).

    Example:
        >>> get_tokenizer().lcut("产业互联网")
        ['产业互联网']
    """
    tokenizer = jieba.Tokenizer()
    if userdict:
        path = resources.files("beyond_traffic") / "data" / "userdict.txt"
        if path.is_file():
            with resources.as_file(path) as real:
                tokenizer.load_userdict(str(real))
    return tokenizer


def tokenize(text: str, *, userdict: bool = True, hmm: bool = True) -> list[str]:
    """Segment ``text`` into words, dropping whitespace-only tokens.

    Example:
        >>> tokenize("直播带货是产业互联网的前奏曲")
        ['直播带货', '是', '产业互联网', '的', '前奏曲']
    """
    require_str(text, name="text")
    if not text:
        return []
    tokens = get_tokenizer(userdict=userdict).lcut(text, HMM=hmm)
    return [t for t in tokens if t.strip()]
