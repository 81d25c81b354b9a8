"""Agreement between two codings of the markers: Cohen's kappa, Krippendorff's alpha, span F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from beyond_traffic.coding import packaged_coding, packaged_coding_text
from beyond_traffic.marker_gold import (
    CATEGORIES,
    CodedSentence,
    _match,
    load_marker_gold,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "agreement_table",
    "cohen_kappa",
    "krippendorff_alpha",
    "load_second_coding",
    "paired_sentences",
    "second_coding_metadata",
    "voice_agreement",
]


def _data_text() -> str:
    return packaged_coding_text("second_coding_120.tsv")


def _second() -> tuple[CodedSentence, ...]:
    return packaged_coding("second_coding_120.tsv")


def load_second_coding() -> list[CodedSentence]:
    """Return the independent second coding of a random sample of the reference coding.

    A second coder, blind to the reference coding and to the lexicons, coded a random sample of
    120 of its sentences by the guideline's sections 1–8 (the header of
    ``data/second_coding_120.tsv`` records how the sample was drawn and when).

    Example:
        >>> second = load_second_coding()
        >>> len(second), second[0].article_id
        (120, 'A1')
    """
    return list(_second())


def second_coding_metadata() -> str:
    """Return the header of the second coding's data file (its provenance), as text.

    Example:
        >>> "blind" in second_coding_metadata()
        True
    """
    lines = []
    for line in _data_text().splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines)


def paired_sentences(
    first: Sequence[CodedSentence], second: Sequence[CodedSentence]
) -> list[tuple[CodedSentence, CodedSentence]]:
    """Pair the sentences two codings share, by (article, index), in the second coding's order.

    Raises:
        ValueError: a sentence of ``second`` is not in ``first``, or its text differs (the two
            files code different sentences under one index).

    Example:
        >>> pairs = paired_sentences(load_marker_gold(), load_second_coding())
        >>> len(pairs)
        120
    """
    by_key = {(s.article_id, s.index): s for s in first}
    pairs = []
    for s in second:
        key = (s.article_id, s.index)
        if key not in by_key:
            raise ValueError(f"{s.article_id} sentence {s.index} is not in the first coding")
        if by_key[key].text != s.text:
            raise ValueError(
                f"{s.article_id} sentence {s.index}: the two codings give different sentences; "
                "code the sentence exactly as claims.split_sentences returns it"
            )
        pairs.append((by_key[key], s))
    return pairs


def _binary(values: Sequence[object], name: str) -> list[int]:
    out = []
    for v in values:
        if v not in (0, 1, True, False):
            raise ValueError(f"{name} must hold 0/1 or True/False values, got {v!r}")
        out.append(int(v))
    return out


def cohen_kappa(first: Sequence[object], second: Sequence[object]) -> float:
    """Return Cohen's κ of two coders' labels for the same units (any hashable labels).

    κ = (observed agreement − chance agreement) / (1 − chance agreement), chance from each coder's
    own label shares. When both coders give every unit one and the same label, κ is undefined:
    ``nan``.

    Example:
        >>> round(cohen_kappa(["有", "无", "有", "无"], ["有", "无", "无", "无"]), 2)
        0.5
    """
    if len(first) != len(second):
        raise ValueError(f"the two codings differ in length: {len(first)} vs {len(second)}")
    n = len(first)
    if n == 0:
        raise ValueError("no units to compare")
    labels = set(first) | set(second)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    chance = sum((list(first).count(k) / n) * (list(second).count(k) / n) for k in labels)
    if chance == 1:
        return float("nan")
    return (observed - chance) / (1 - chance)


def krippendorff_alpha(first: Sequence[object], second: Sequence[object]) -> float:
    """Return Krippendorff's α (nominal) of two coders, with the ``krippendorff`` library.

    Args:
        first: one label per unit (0/1: is a marker of the category in the sentence).
        second: the other coder's labels for the same units.

    Example:
        >>> round(krippendorff_alpha([1, 0, 1, 0], [1, 0, 0, 0]), 3)
        0.533
    """
    import krippendorff
    import numpy as np

    a, b = _binary(first, "first"), _binary(second, "second")
    if len(a) != len(b):
        raise ValueError(f"the two codings differ in length: {len(a)} vs {len(b)}")
    if len(set(a) | set(b)) < 2:
        return float("nan")  # one value everywhere: α is undefined
    return float(
        krippendorff.alpha(reliability_data=np.array([a, b]), level_of_measurement="nominal")
    )


def voice_agreement(
    first: Sequence[CodedSentence] | None = None, second: Sequence[CodedSentence] | None = None
) -> tuple[int, int]:
    """Return (sentences given the same voice, sentences compared).

    Example:
        >>> same, n = voice_agreement()
        >>> n
        120
    """
    pairs = paired_sentences(
        load_marker_gold() if first is None else first,
        load_second_coding() if second is None else second,
    )
    return sum(a.voice == b.voice for a, b in pairs), len(pairs)


def agreement_table(
    first: Sequence[CodedSentence] | None = None, second: Sequence[CodedSentence] | None = None
) -> pd.DataFrame:
    """Return agreement per category between two codings of the same sentences.

    Sentence level: does the sentence contain a marker of the category (yes/no), per coder; κ and
    α compare those labels. Span level, strict: a span is shared when both coders wrote the same
    text in the same sentence (所谓 against 所谓的 is a disagreement), span F1 = 2 × shared /
    (spans of first + spans of second). ``overlap_f1`` is lenient, pairing spans one to one
    when they overlap, as lexicon scores do.

    Args:
        first: default the course's reference coding.
        second: default the independent second coding (``load_second_coding``).

    Example:
        >>> t = agreement_table()
        >>> list(t.columns)[:4]
        ['sentences', 'both', 'first_only', 'second_only']
    """
    import pandas as pd

    pairs = paired_sentences(
        load_marker_gold() if first is None else first,
        load_second_coding() if second is None else second,
    )
    rows = {}
    for category in CATEGORIES:
        a = [bool(x.spans_of(category)) for x, _ in pairs]
        b = [bool(y.spans_of(category)) for _, y in pairs]
        spans_a = sum(len(x.spans_of(category)) for x, _ in pairs)
        spans_b = sum(len(y.spans_of(category)) for _, y in pairs)
        shared = sum(
            sum((Counter(m.text for m in x.spans_of(category))
                 & Counter(m.text for m in y.spans_of(category))).values())
            for x, y in pairs
        )  # fmt: skip
        overlapping = sum(
            len(_match(x.spans_of(category), y.spans_of(category))[0]) for x, y in pairs
        )
        rows[category] = {
            "sentences": len(pairs),
            "both": sum(p and q for p, q in zip(a, b, strict=True)),
            "first_only": sum(p and not q for p, q in zip(a, b, strict=True)),
            "second_only": sum(q and not p for p, q in zip(a, b, strict=True)),
            "kappa": cohen_kappa(a, b),
            "alpha": krippendorff_alpha(a, b),
            "spans_first": spans_a,
            "spans_second": spans_b,
            "shared_spans": shared,
            "span_f1": 2 * shared / (spans_a + spans_b) if spans_a + spans_b else float("nan"),
            "overlap_f1": (
                2 * overlapping / (spans_a + spans_b) if spans_a + spans_b else float("nan")
            ),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "category"
    return table
