"""The five seed articles, shipped byte-identical, with their metadata and cleaned text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ARTICLE_IDS: tuple[str, ...] = ("A1", "A2", "A3", "A4", "A5")


@dataclass(frozen=True)
class Article:
    """One article of the corpus.

    Attributes:
        id: ``"A1"`` … ``"A5"``.
        file: the seed file name, as scraped.
        title: the headline where the page gives one, in Simplified script, else ``None``.
        author: the by-line where the page gives one, else ``None``.
        script: ``"traditional"`` or ``"simplified"`` (of the raw text).
        genre: op-ed, advocacy, …: how the course reads it.
        notes: what is noisy or special about the source.
        raw: the seed text exactly as shipped (decoded UTF-8).
        clean: ``clean_text(raw)``.

    Example:
        >>> a1 = load_corpus()[0]
        >>> a1.id, a1.author
        ('A1', '孟永辉')
    """

    id: str
    file: str
    title: str | None
    author: str | None
    script: str
    genre: str
    notes: str
    raw: str
    clean: str


def _data():
    return resources.files("beyond_traffic") / "data"


def raw_bytes(file: str) -> bytes:
    """Return the seed file's bytes, exactly as shipped.

    Example:
        >>> raw_bytes("001_e98f8e62433a9557.txt")[:8].decode("utf-8")
        '\\n\\n直播'
    """
    if not isinstance(file, str):
        raise TypeError(f"file must be str, got {type(file).__name__}")
    path = _data() / "seeds" / file
    if not path.is_file():
        raise FileNotFoundError(f"no seed file named {file!r} in the corpus")
    return path.read_bytes()


@lru_cache(maxsize=1)
def _load() -> tuple[Article, ...]:
    from beyond_traffic.clean import clean_text  # cleaning imports OpenCC: load on first use

    meta = json.loads((_data() / "corpus.json").read_text(encoding="utf-8"))
    articles = []
    for entry in meta:
        raw = raw_bytes(entry["file"]).decode("utf-8")
        articles.append(Article(**entry, raw=raw, clean=clean_text(raw)))
    return tuple(articles)


def load_corpus() -> list[Article]:
    """Return the five articles A1–A5 in order, with raw and cleaned text.

    Returns:
        A new list each call (the articles themselves are immutable and cached).

    Example:
        >>> [a.id for a in load_corpus()]
        ['A1', 'A2', 'A3', 'A4', 'A5']
    """
    return list(_load())


def get_article(article_id: str) -> Article:
    """Return one article by id (``"A1"`` … ``"A5"``, case-insensitive).

    Raises:
        TypeError: ``article_id`` is not a str.
        KeyError: no such article.

    Example:
        >>> get_article("a2").title
        '直播带货，产业互联网的前奏曲'
    """
    if not isinstance(article_id, str):
        raise TypeError(f"article_id must be str, got {type(article_id).__name__}")
    wanted = article_id.strip().upper()
    for article in _load():
        if article.id == wanted:
            return article
    raise KeyError(f"no article {article_id!r}; choose one of {', '.join(ARTICLE_IDS)}")
