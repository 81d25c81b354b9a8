"""The five seed articles, shipped byte-identical, with their metadata and cleaned text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ARTICLE_IDS: tuple[str, ...] = ("A1", "A2", "A3", "A4", "A5")
#: How sure an inference about a source is.
CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium", "low")


@dataclass(frozen=True)
class Inference:
    """Something the page does not say but a reader can infer, with the reasoning.

    Attributes:
        claim: what is inferred.
        reasoning: from which evidence on the page (quoted: 「…」 cleaned text, `…` raw text).
        confidence: ``"high"``, ``"medium"`` or ``"low"``.

    Example:
        >>> get_article("A3").provenance.inferred[0].confidence
        'high'
    """

    claim: str
    reasoning: str
    confidence: str


@dataclass(frozen=True)
class Provenance:
    """Where an article comes from: what its page shows, what can be inferred, what is missing.

    Attributes:
        page_shows: facts visible on the scraped page (furniture, by-line, dates, pagination).
        inferred: :class:`Inference` items, each with its reasoning and confidence.
        caveats: what a reader must keep in mind when counting or quoting.

    Example:
        >>> "共2頁" in " ".join(get_article("A3").provenance.page_shows)
        True
    """

    page_shows: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()
    caveats: tuple[str, ...] = ()


def _provenance(raw: dict | None) -> Provenance:
    if not raw:
        return Provenance()
    inferred = tuple(Inference(**item) for item in raw.get("inferred", ()))
    for item in inferred:
        if item.confidence not in CONFIDENCE_LEVELS:
            raise ValueError(
                f"confidence must be one of {CONFIDENCE_LEVELS}, got {item.confidence!r}"
            )
    return Provenance(
        page_shows=tuple(raw.get("page_shows", ())),
        inferred=inferred,
        caveats=tuple(raw.get("caveats", ())),
    )


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
        provenance: what the page shows about the source and what can be inferred
            (:class:`Provenance`).

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
    provenance: Provenance = field(default_factory=Provenance)


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
        fields = {k: v for k, v in entry.items() if k != "provenance"}
        articles.append(
            Article(
                **fields,
                raw=raw,
                clean=clean_text(raw),
                provenance=_provenance(entry.get("provenance")),
            )
        )
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


def provenance_table() -> pd.DataFrame:
    """Return every inference about the five sources: article, claim, confidence, reasoning.

    Example:
        >>> set(provenance_table()["confidence"]) <= set(CONFIDENCE_LEVELS)
        True
    """
    import pandas as pd

    rows = [
        {"article": a.id, "claim": i.claim, "confidence": i.confidence, "reasoning": i.reasoning}
        for a in _load()
        for i in a.provenance.inferred
    ]
    return pd.DataFrame(rows, columns=["article", "claim", "confidence", "reasoning"])


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
