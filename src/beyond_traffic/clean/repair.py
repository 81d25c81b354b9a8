"""Step 1 of the cleaning: repair the mojibake listed in the errata table (``data/errata.tsv``)."""

from __future__ import annotations

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import Change, Logged
from beyond_traffic.errata import load_errata

__all__ = ["apply_errata", "apply_errata_logged"]


def apply_errata_logged(text: str) -> Logged:
    """:func:`apply_errata` with its edits: ``(garbled, correction)`` once per occurrence.

    Example:
        >>> apply_errata_logged("減少?zèng)Q策")[1]
        [('減少?zèng)Q策', '减少决策')]
    """
    changes: list[Change] = []
    seen: set[str] = set()
    # Longest first, so a span that contains another is repaired as a whole.
    for erratum in sorted(load_errata(), key=lambda e: -len(e.garbled)):
        if erratum.garbled in seen:
            continue
        seen.add(erratum.garbled)
        n = text.count(erratum.garbled)
        if n:
            text = text.replace(erratum.garbled, erratum.correction)
            changes.extend([(erratum.garbled, erratum.correction)] * n)
    return text, changes


def apply_errata(text: str) -> str:
    """Repair mojibake listed in the errata table (``data/errata.tsv``).

    Mojibake in the seeds is lossy (bytes were dropped), so no rule can undo it: each garbled
    span is listed verbatim with its correction and the reason. This is the only
    article-specific step; it runs first because the garbled spans contain pinyin notes and
    ``?`` that later steps would alter. Spans not in the table are left alone and named by
    the garbling check of :func:`beyond_traffic.clean.audit`.

    Args:
        text: raw text.

    Returns:
        The text with every listed garbled span replaced by its correction.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> apply_errata("他們可以減少?zèng)Q策失誤")
        '他們可以减少决策失誤'
    """
    return apply_errata_logged(require_str(text))[0]
