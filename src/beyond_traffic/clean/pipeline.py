"""The cleaning pipeline: the steps in order, ``clean_text``, and the step-by-step audit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from beyond_traffic._validate import require_str
from beyond_traffic.clean.furniture import (
    furniture_class,
    remove_furniture,
    remove_furniture_logged,
)
from beyond_traffic.clean.garbling import GarbledSpan, find_garbled
from beyond_traffic.clean.lines import normalise_lines, normalise_lines_logged
from beyond_traffic.clean.personal import mask, redact_personal_data, redact_personal_data_logged
from beyond_traffic.clean.punctuation import normalise_punctuation, normalise_punctuation_logged
from beyond_traffic.clean.repair import apply_errata, apply_errata_logged
from beyond_traffic.clean.ruby import strip_pinyin_annotations, strip_pinyin_annotations_logged
from beyond_traffic.clean.script import to_simplified, to_simplified_logged
from beyond_traffic.clean.spans import Change, Logged

__all__ = ["STEPS", "Audit", "StepReport", "audit", "clean_text"]

_LOGGED: dict[str, Callable[[str], Logged]] = {
    "apply_errata": apply_errata_logged,
    "strip_pinyin_annotations": strip_pinyin_annotations_logged,
    "to_simplified": to_simplified_logged,
    "redact_personal_data": redact_personal_data_logged,
    "remove_furniture": remove_furniture_logged,
    "normalise_punctuation": normalise_punctuation_logged,
    "normalise_lines": normalise_lines_logged,
}

#: The pipeline, in order, as (name, function) pairs; each function maps str to str.
STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("apply_errata", apply_errata),
    ("strip_pinyin_annotations", strip_pinyin_annotations),
    ("to_simplified", to_simplified),
    ("redact_personal_data", redact_personal_data),
    ("remove_furniture", remove_furniture),
    ("normalise_punctuation", normalise_punctuation),
    ("normalise_lines", normalise_lines),
)


def clean_text(raw: str) -> str:
    """Return Simplified, annotation-free, boilerplate-free body text, one paragraph per line.

    Runs :data:`STEPS` in order: errata (they match the raw bytes), pinyin notes (before
    OpenCC, which needs adjacent characters), Traditional → Simplified, personal data, page
    furniture (on whole lines, before lines are joined), punctuation, then line breaks (the
    join rule reads full-width sentence ends). Authors' own slips (内在机构, 聪 for 从) are kept.
    Spans that look mis-decoded and are not in the errata table are kept as they are (a guess
    would hide them): :func:`audit` names each with an errata line to fill in, and the
    ``beyond-traffic clean`` command prints a warning.

    Args:
        raw: the scraped text, decoded.

    Returns:
        The cleaned text; ``""`` for ``""``.

    Raises:
        TypeError: ``raw`` is not a str (decode bytes first).

    Example:
        >>> clean_text("文/孟永輝\\n產(chǎn)業(yè)互聯(lián)網(wǎng)的節(jié)奏是什么?")
        '产业互联网的节奏是什么？'
    """
    text = require_str(raw, name="raw")
    for _, step in STEPS:
        text = step(text)
    return text


@dataclass(frozen=True)
class StepReport:
    """What one cleaning step did to one text.

    Attributes:
        step: the step's name in :data:`STEPS`.
        chars_before: length of the text the step received.
        chars_after: length of the text it returned.
        count: number of edits (``len(removed) + len(changed)``).
        removed: snippets deleted, in order.
        changed: ``(old, new)`` pairs of snippets replaced, in order.

    Example:
        >>> report = audit("產(chǎn)業(yè)")[1]
        >>> report.step, report.removed
        ('strip_pinyin_annotations', ('(chǎn)', '(yè)'))
    """

    step: str
    chars_before: int
    chars_after: int
    count: int
    removed: tuple[str, ...]
    changed: tuple[Change, ...]


class Audit(list):
    """The audit of one text: a list of :class:`StepReport` (one per step) plus what is left.

    Attributes:
        garbled: spans of the text (after the errata) that look mis-decoded and that no step
            repaired, each with its position and a ready errata line (:class:`GarbledSpan`).

    Example:
        >>> report = audit("文/林晓舟\\n直播带货是一种营销。")
        >>> report.furniture_by_class(), report.garbled
        ({'by-line': 1}, ())
    """

    garbled: tuple[GarbledSpan, ...] = ()

    def step(self, name: str) -> StepReport:
        """The report of the step called ``name``.

        Example:
            >>> audit("產(chǎn)業").step("strip_pinyin_annotations").count
            1
        """
        for report in self:
            if report.step == name:
                return report
        raise KeyError(f"no step {name!r}; steps: {[r.step for r in self]}")

    def furniture_by_class(self) -> dict[str, int]:
        """How many furniture lines each class removed, in the order they were met.

        Example:
            >>> audit("阅读 3万 | 点赞 8\\n正文。").furniture_by_class()
            {'counter': 1}
        """
        counts: Counter[str] = Counter()
        for line in self.step("remove_furniture").removed:
            counts[furniture_class(line) or "other"] += 1
        return dict(counts)


def audit(raw: str) -> Audit:
    """Run the pipeline step by step, report what each step did and what looks garbled.

    Args:
        raw: the scraped text, decoded.

    Returns:
        An :class:`Audit`: one :class:`StepReport` per step, in pipeline order (the last
        step's output equals ``clean_text(raw)``), with ``.garbled`` naming every span that
        looks mis-decoded after the errata were applied (positions are in the raw text when
        the errata changed nothing, else in the text after the errata).

    Raises:
        TypeError: ``raw`` is not a str.

    Example:
        >>> [r.count for r in audit("文/孟永輝\\n網(wǎng)絡")]
        [0, 1, 2, 0, 1, 0, 0]
    """
    text = require_str(raw, name="raw")
    result = Audit()
    for name, _ in STEPS:
        after, changes = _LOGGED[name](text)
        if name == "apply_errata":
            result.garbled = tuple(find_garbled(after))
        if name == "redact_personal_data":
            # An audit is shown to learners: it must not re-publish what redaction removed.
            changes = [(mask(old), new) for old, new in changes]
        removed = tuple(old for old, new in changes if new == "")
        changed = tuple((old, new) for old, new in changes if new != "")
        result.append(StepReport(name, len(text), len(after), len(changes), removed, changed))
        text = after
    return result
