"""The mojibake errata table: garbled spans in the seeds, their corrections, and why."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["COLUMNS", "PLACEHOLDER", "Erratum", "load_errata", "parse_errata"]

#: The header row of ``data/errata.tsv``, in order.
COLUMNS: tuple[str, ...] = ("garbled", "correction", "why", "article")


@dataclass(frozen=True)
class Erratum:
    """One documented repair of mojibake that no general rule can undo.

    Attributes:
        garbled: the span exactly as it occurs in the raw seed (pinyin notes and ``?`` included).
        correction: what the author wrote, in Simplified script.
        why: how the bytes were garbled and how the correction was inferred.
        article: the id of the article (``"A1"`` … ``"A5"``) where the span occurs.

    Example:
        >>> e = Erratum("減少?zèng)Q策", "减少决策", "決 lost its first byte", "A1")
        >>> e.correction
        '减少决策'
    """

    garbled: str
    correction: str
    why: str
    article: str


#: What a ready errata line from the audit holds until someone fills in the correction.
PLACEHOLDER = "<correction>"


def parse_errata(text: str) -> tuple[Erratum, ...]:
    """Read an errata table (tab-separated, header :data:`COLUMNS`), refusing unfinished lines.

    Args:
        text: the table's text.

    Returns:
        The entries, in order.

    Raises:
        ValueError: a wrong header, a line without four fields, an empty garbled span, or a
            correction still reading ``<correction>`` (a line pasted from the audit and not
            filled in).

    Example:
        >>> header = "garbled\\tcorrection\\twhy\\tarticle\\n"
        >>> table = header + "上鍊接\ufffd。\\t上链接”。\\t引号丢失\\tC\\n"
        >>> [e.correction for e in parse_errata(table)]
        ['上链接”。']
    """
    # QUOTE_NONE: garbled spans hold '"' and '?' that must be read verbatim.
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(next(reader, ()))
    if header != COLUMNS:
        raise ValueError(f"errata.tsv header must be {COLUMNS}, got {header}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(COLUMNS):
            raise ValueError(f"errata.tsv line {lineno}: expected 4 fields, got {len(row)}")
        entry = Erratum(*row)
        if not entry.garbled:
            raise ValueError(f"errata.tsv line {lineno}: the garbled span is empty")
        if entry.correction == PLACEHOLDER:
            raise ValueError(
                f"errata.tsv line {lineno}: fill in the correction for {entry.garbled!r} "
                f"(it still reads {PLACEHOLDER}); read the sentence around it and write what "
                "the author wrote, in Simplified script"
            )
        rows.append(entry)
    return tuple(rows)


@lru_cache(maxsize=1)
def _load() -> tuple[Erratum, ...]:
    path = resources.files("beyond_traffic") / "data" / "errata.tsv"
    return parse_errata(path.read_text(encoding="utf-8"))


def load_errata() -> list[Erratum]:
    """Return the errata table, in file order.

    Returns:
        A new list of :class:`Erratum` each call (the entries are immutable).

    Example:
        >>> [e.correction for e in load_errata() if e.garbled == "減少?zèng)Q策"]
        ['减少决策']
    """
    return list(_load())
