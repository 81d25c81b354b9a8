"""Step 6 of the cleaning: full-width punctuation in Chinese text, doubled marks collapsed."""

from __future__ import annotations

import re

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import CJK_CHAR, Logged, is_cjk, line_diff

__all__ = ["collapse_marks", "normalise_punctuation", "normalise_punctuation_logged"]

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_MARK = re.compile(r"[,;:?!]")
_SPACE_AROUND_FULL = re.compile(r"[ \t\u3000]*([，。、；：？！（）])[ \t\u3000]*")
# Runs of two or more full-width marks: what is left when a ruby note between two marks was
# stripped upstream, or a half-width copy followed a full-width mark (，, → ，，).
_RUN = re.compile("[，。、；：？！]{2,}")
_PAUSES = "，、；："
_ENDS = "。？！"


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[:start].rstrip(" \t")[-1:]
    after = text[end:].lstrip(" \t")[:1]
    return before, after


def _convert_parentheses(text: str) -> str:
    """Full-width parentheses where they belong to Chinese text; ASCII ones such as f(x) stay."""
    chars = list(text)
    stack: list[int] = []
    unmatched: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                start = stack.pop()
                before, _ = _neighbours(text, start, start + 1)
                # pairs may span a stray line break, so they are matched on the whole text
                if CJK_CHAR.search(text, start, i) or is_cjk(before):
                    chars[start], chars[i] = "（", "）"
            else:
                unmatched.append(i)
    for i in unmatched + stack:
        before, after = _neighbours(text, i, i + 1)
        if is_cjk(before) or is_cjk(after):
            chars[i] = _HALF_TO_FULL[chars[i]]
    return "".join(chars)


def _collapse(run: str) -> str:
    ends = [ch for ch in run if ch in _ENDS]
    if not ends:
        return run[0]  # ，， → ，  ；， → ；
    # A sentence end wins over pauses (，？ → ？); a repeated end is said once (。。 → 。),
    # while a question-exclamation pair (？！) is the author's and stays.
    kept = [ends[0]]
    for ch in ends[1:]:
        if ch != kept[-1] and ch not in kept:
            kept.append(ch)
    return "".join(kept)


def collapse_marks(text: str) -> str:
    """Collapse doubled and mixed runs of full-width marks: ``，，`` → ``，``, ``，？`` → ``？``.

    Only full-width Chinese marks are touched, so numbers (``3,,000``), URLs and Latin text
    keep theirs; ellipses (``……``) and dashes are not marks here.

    Example:
        >>> collapse_marks("首页，，直播带货，？真的吗？！")
        '首页，直播带货？真的吗？！'
    """
    return _RUN.sub(lambda m: _collapse(m.group(0)), require_str(text))


def normalise_punctuation_logged(text: str, log: bool = True) -> Logged:
    """:func:`normalise_punctuation` with its edits, line by line.

    Example:
        >>> normalise_punctuation_logged("直播,带货")[1]
        [(',', '，')]
    """
    original = text
    text = _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    text = _convert_parentheses(text)

    def mark(match: re.Match[str]) -> str:
        before, after = _neighbours(text, match.start(), match.end())
        # "3,000", "10:30" and "https://…?a=1" stay: neither side is Chinese.
        if is_cjk(before) or (CJK_CHAR.match(after) is not None):
            return _HALF_TO_FULL[match.group(0)]
        return match.group(0)

    # A second pass converts a mark that follows one converted in the first (真的吗,? → ，？).
    for _ in range(2):
        text = _MARK.sub(mark, text)
    text = _SPACE_AROUND_FULL.sub(r"\1", text)
    text = collapse_marks(text)
    return text, line_diff(original, text) if log else []


def normalise_punctuation(text: str) -> str:
    """Turn half-width ``, ; : ? ! ( )`` in Chinese text into full-width, and collapse runs.

    A mark is converted when the text before it is Chinese (a CJK character or full-width
    punctuation) or a CJK character follows; a pair of parentheses is converted when its
    content holds Chinese or Chinese text comes right before it, an unpaired one when Chinese
    is on either side. Marks inside ASCII runs stay: ``3,000``, ``10:30``,
    ``https://…?a=1``, ``f(x)``. Full-width letters and digits become ASCII, spaces around
    full-width punctuation are removed, and doubled or mixed runs left behind (``，，``,
    ``，?``, ``首页，,``) are collapsed by :func:`collapse_marks`.

    Args:
        text: text with half-width punctuation.

    Returns:
        The normalised text (line breaks untouched).

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> normalise_punctuation("直播电商中的(ToB)属性,变得更加重要? 是的:3,000万，，好，?")
        '直播电商中的（ToB）属性，变得更加重要？是的：3,000万，好？'
    """
    return normalise_punctuation_logged(require_str(text), log=False)[0]
