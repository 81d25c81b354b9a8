"""Spans that look mis-decoded (mojibake), found so that the audit can name them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beyond_traffic._validate import require_str
from beyond_traffic.clean.charmodel import PAIR_LIMIT, char_model
from beyond_traffic.clean.ruby import is_toned_syllable
from beyond_traffic.clean.script import simplify_char
from beyond_traffic.clean.spans import TONED

__all__ = ["RARE", "UNCOMMON", "GarbledSpan", "find_garbled"]

#: A character whose count in the model is at most this is rare (樘 68, 岢 156, 鏊 83).
RARE = 1000
#: At most this, uncommon (邱 1003, 耸 1674; 她 140346).
UNCOMMON = PAIR_LIMIT
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_WORD = f"[a-zü{TONED}]{{1,7}}"
# GBK's symbol rows (kana, Greek, Cyrillic, bopomofo, box drawing, enclosed numbers): a byte
# pair read out of step lands there, and Chinese prose has no reason to glue them to Han.
_SYMBOLS = (
    "[\u0370-\u03ff\u0400-\u04ff\u2460-\u24ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff]"
)
# Signals that need no model: a lost character ('?' or U+FFFD) beside a pinyin fragment, a
# note after a Latin letter or digit (the byte before it was misread), and characters that
# decoding errors leave (U+FFFD, the euro sign from 0x80, C1 controls, private use).
_MARKED = re.compile(
    rf"[?？\ufffd][(（]?(?P<q>{_WORD})[)）]?"
    rf"|(?<=[A-Za-z0-9€])[(（](?P<latin>{_WORD})[)）]"
    r"|(?P<debris>[\ufffd€\x80-\x9f\ue000-\uf8ff]+)"
    rf"|(?<=[\u3400-\u9fff])(?P<symbols>{_SYMBOLS}+)|(?P<symbols2>{_SYMBOLS}+)(?=[\u3400-\u9fff])"
)
_CONTEXT = 3


@dataclass(frozen=True)
class GarbledSpan:
    """A span that looks mis-decoded, with where it is and why it was flagged.

    Attributes:
        start: offset of the span in the text examined.
        end: offset just after it.
        text: the span itself.
        line: line number (1 for the first line).
        column: column in that line (1 for the first character).
        signals: why it was flagged, e.g. ``("rare characters", "'?' next to pinyin")``.
        garbled: the span with a few characters of context either side, as an errata line
            must quote it (unique enough that the repair touches nothing else).

    Example:
        >>> span = find_garbled("难道就因？yàn）樘岢鏊娜耸邱R云吗？")[0]
        >>> span.line, "'?' next to pinyin" in span.signals
        (1, True)
    """

    start: int
    end: int
    text: str
    line: int
    column: int
    signals: tuple[str, ...]
    garbled: str

    def errata_line(self, *, article: str = "?") -> str:
        """A ready line for ``data/errata.tsv``: fill in the correction (and say why).

        Columns as the table's: garbled, correction, why, article. The correction is left as
        ``<correction>``, which the errata loader refuses until it is filled in.

        Example:
            >>> find_garbled("他說：好\\ufffd。")[0].errata_line(article="C").split("\\t")[:2]
            ['說：好\\ufffd。', '<correction>']
        """
        why = (
            f"suspected mis-decoding at line {self.line}, column {self.column} "
            f"({', '.join(self.signals)}): say how the bytes were garbled and how the "
            "correction was inferred"
        )
        return "\t".join([self.garbled, "<correction>", why, article])


def _improbable(chars: list[str]) -> list[str]:
    """Per CJK character with no seen pair with either neighbour: ``"rare"`` or ``"odd"``
    (uncommon); ``""`` for the others."""
    model = char_model()
    simple = [simplify_char(c) for c in chars]
    kinds = []
    for i, ch in enumerate(simple):
        n = model.count(ch)
        before = simple[i - 1] if i else ""
        after = simple[i + 1] if i + 1 < len(simple) else ""
        # A rare character in a word the model knows (缥缈, 尴尬) is a word, not debris.
        paired = (before and model.pair(before, ch)) or (after and model.pair(ch, after))
        if paired or n > UNCOMMON:
            kinds.append("")
        else:
            kinds.append("rare" if n <= RARE else "odd")
    return kinds


def _model_spans(text: str) -> list[tuple[int, int]]:
    """Runs of improbable characters (one ordinary character may sit between two): two
    rare ones, or a rare one beside another improbable one."""
    spans: list[tuple[int, int]] = []
    for run in re.finditer(f"{_HAN.pattern}+", text):
        chars = list(run.group(0))
        kinds = _improbable(chars)
        i = 0
        while i < len(chars):
            if not kinds[i]:
                i += 1
                continue
            j = i
            # extend over improbable characters, bridging one ordinary character
            while j + 1 < len(chars) and (kinds[j + 1] or (j + 2 < len(chars) and kinds[j + 2])):
                j += 1
            while not kinds[j]:
                j -= 1
            window = kinds[i : j + 1]
            rare = window.count("rare")
            if rare >= 2 or (rare >= 1 and sum(1 for k in window if k) >= 2):
                spans.append((run.start() + i, run.start() + j + 1))
            i = j + 1
    return spans


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over neighbouring uncommon characters that form no pair the model knows
    (one common character may be bridged), so an errata line holds the whole garbled run."""
    model = char_model()

    def han(i: int) -> str:
        ch = text[i] if 0 <= i < len(text) else ""
        return simplify_char(ch) if _HAN.match(ch) else ""

    def joins(a: str, b: str) -> bool:
        return bool(a and b) and model.pair(a, b) > 0

    def uncommon(ch: str) -> bool:
        return bool(ch) and model.count(ch) <= UNCOMMON

    for step in (-1, 1):
        edge = start if step < 0 else end - 1
        while True:
            inner, nxt, far = han(edge), han(edge + step), han(edge + 2 * step)
            pair = (nxt, inner) if step < 0 else (inner, nxt)
            if not nxt or (inner and joins(*pair)):
                break
            if uncommon(nxt):
                edge += step
            elif uncommon(far) and not joins(*((far, nxt) if step < 0 else (nxt, far))):
                edge += 2 * step
            else:
                break
        if step < 0:
            start = edge
        else:
            end = edge + 1
    return start, end


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def find_garbled(text: str) -> list[GarbledSpan]:
    """Find spans that look like mis-decoded text (mojibake), in order.

    Three kinds of evidence, merged when they are within three characters of each other:
    a ``?`` or U+FFFD next to a pinyin fragment (``因?yàn)``: a character lost, its note left),
    a pinyin note after a Latin letter or digit, debris that decoding errors leave (U+FFFD,
    ``€``, control and private-use characters), symbols of GBK's symbol rows (kana, Cyrillic,
    bopomofo, …) glued to Han characters; and runs of characters improbable under the
    course's character model (:func:`~beyond_traffic.clean.charmodel.char_model`): two rare
    characters, or a rare one beside another improbable one. UTF-8 read as GBK
    gives exactly such runs (``樘岢鏊``). Rare words written on purpose can be flagged too:
    the audit says "looks", a reader decides.

    Args:
        text: raw or cleaned text.

    Returns:
        One :class:`GarbledSpan` per suspect span; ``[]`` for clean text.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> [s.text for s in find_garbled("直播带货很好。难道就因？yàn）樘岢鏊娜耸邱R云吗？")]
        ['？yàn）樘岢鏊娜耸邱']
    """
    text = require_str(text)
    found: list[tuple[int, int, str]] = []
    for match in _MARKED.finditer(text):
        if match.group("q") is not None:
            if is_toned_syllable(match.group("q")):
                found.append((match.start(), match.end(), "'?' next to pinyin"))
        elif match.group("latin") is not None:
            if is_toned_syllable(match.group("latin")):
                found.append((match.start(), match.end(), "pinyin note after a non-Han character"))
        elif match.group("debris") is not None:
            found.append((match.start(), match.end(), "decoding debris"))
        else:
            found.append((match.start(), match.end(), "foreign symbols in Chinese text"))
    found += [(a, b, "rare characters") for a, b in _model_spans(text)]
    found.sort()
    merged: list[list] = []
    for start, end, signal in found:
        gap = text[merged[-1][1] : start] if merged else "\n"
        if merged and start - merged[-1][1] <= _CONTEXT and "\n" not in gap:
            merged[-1][1] = max(merged[-1][1], end)
            if signal not in merged[-1][2]:
                merged[-1][2].append(signal)
        else:
            merged.append([start, end, [signal]])
    spans = []
    for first, last, signals in merged:
        start, end = _extend(text, first, last)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        left, right = max(line_start, start - _CONTEXT), min(line_end, end + _CONTEXT)
        # The context stops at a pinyin note, so the correction need not repeat half of one.
        cut = max(text.rfind(")", left, start), text.rfind("）", left, start))
        left = cut + 1 if cut >= 0 else left
        opens = [i for i in (text.find("(", end, right), text.find("（", end, right)) if i >= 0]
        right = min(opens) if opens else right
        line, column = _position(text, start)
        spans.append(
            GarbledSpan(start, end, text[start:end], line, column, tuple(signals), text[left:right])
        )
    return spans
