"""Text-in/text-out cleaning of scraped Chinese web pages: the steps, the pipeline, the audit.

One module per job: :mod:`.repair` (errata), :mod:`.ruby` (pinyin notes and their remnants),
:mod:`.script` (Traditional → Simplified), :mod:`.personal` (personal data),
:mod:`.furniture` (page furniture by class), :mod:`.punctuation`, :mod:`.lines`,
:mod:`.garbling` (spans that look mis-decoded), :mod:`.pipeline` (``clean_text``, ``audit``)
and :mod:`.corpus_audit`. Every name is importable from ``beyond_traffic.clean``.

Example:
    >>> from beyond_traffic.clean import clean_text
    >>> clean_text("產(chǎn)業，，互聯網")
    '产业，互联网'
"""

from __future__ import annotations

from beyond_traffic.clean.corpus_audit import audit_corpus
from beyond_traffic.clean.furniture import (
    FURNITURE_CLASSES,
    FurnitureClass,
    furniture_class,
    remove_furniture,
)
from beyond_traffic.clean.garbling import GarbledSpan, find_garbled
from beyond_traffic.clean.lines import normalise_lines
from beyond_traffic.clean.personal import redact_personal_data
from beyond_traffic.clean.pipeline import STEPS, Audit, StepReport, audit, clean_text
from beyond_traffic.clean.punctuation import collapse_marks, normalise_punctuation
from beyond_traffic.clean.repair import apply_errata
from beyond_traffic.clean.ruby import strip_pinyin_annotations
from beyond_traffic.clean.script import OPENCC_CONFIG, to_simplified

__all__ = [
    "FURNITURE_CLASSES",
    "OPENCC_CONFIG",
    "STEPS",
    "Audit",
    "FurnitureClass",
    "GarbledSpan",
    "StepReport",
    "apply_errata",
    "audit",
    "audit_corpus",
    "clean_text",
    "collapse_marks",
    "find_garbled",
    "furniture_class",
    "normalise_lines",
    "normalise_punctuation",
    "redact_personal_data",
    "remove_furniture",
    "strip_pinyin_annotations",
    "to_simplified",
]
