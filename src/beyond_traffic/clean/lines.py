"""Step 7 of the cleaning: one paragraph per line (blank lines dropped, stray breaks joined)."""

from __future__ import annotations

import re

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import Change, Logged, diff_snippets

__all__ = ["normalise_lines", "normalise_lines_logged"]

# A line ending in one of these closes a sentence, heading or quotation: never joined.
_LINE_END = "。！？；：…—”’」』）》】.!?;:"
# A line ending in one of these function characters cannot be a complete heading.
_DANGLING = "的地得之和与及或并而但却且把被对从在将为以让使给是于"
_SENTENCE_END = re.compile(r"[。！？!?]")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


def _is_broken(line: str, following: str) -> bool:
    """Whether a line break between ``line`` and ``following`` falls inside a sentence."""
    if line[-1] in _LINE_END:
        return False
    if following[0] in "，。、；：？！）」』”":
        return True
    # A heading has no sentence end inside it and does not end on a function word.
    return _SENTENCE_END.search(line) is not None or line[-1] in _DANGLING


def normalise_lines_logged(text: str, log: bool = True) -> Logged:
    """:func:`normalise_lines` with its edits (blank lines removed, breaks joined, spaces).

    Example:
        >>> normalise_lines_logged("流量\\n\\n之外")[1]
        [('\\n', '')]
    """
    if not text:
        return "", []
    changes: list[Change] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for raw_line in text.split("\n"):
        line = _SPACES.sub(" ", _INVISIBLE.sub("", raw_line)).strip()
        if not line:
            changes.append((raw_line + "\n", ""))
            continue
        if log and line != raw_line:
            changes.extend(diff_snippets(raw_line, line))
        if paragraphs and _is_broken(paragraphs[-1], line):
            glue = " " if paragraphs[-1][-1].isascii() and line[0].isascii() else ""
            tail, head = paragraphs[-1][-6:], line[:6]
            changes.append((f"{tail}\n{head}", f"{tail}{glue}{head}"))
            paragraphs[-1] += glue + line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs), changes


def normalise_lines(text: str) -> str:
    """Make one paragraph per line: drop blank lines, trim spaces, join stray line breaks.

    A break is "stray" when the line before it cannot end there: it has no closing
    punctuation and either holds a sentence end already (so it is prose, not a heading) or
    ends on a function character such as 的; or the next line starts with punctuation.
    Headings (short lines without a sentence end) stay on their own line.

    Args:
        text: text with any line breaks.

    Returns:
        Paragraphs separated by single newlines, without leading or trailing blank lines.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> normalise_lines("前奏曲\\n\\n当直播带货风靡的时候，我们看到的\\n\\n是一场反思。")
        '前奏曲\\n当直播带货风靡的时候，我们看到的是一场反思。'
    """
    return normalise_lines_logged(require_str(text), log=False)[0]
