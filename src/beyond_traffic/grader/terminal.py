"""Student-controlled text made safe for the instructor's terminal and spreadsheet."""

from __future__ import annotations

import re

__all__ = ["printable", "spreadsheet_safe"]

# C0 controls but tab, DEL and C1 controls: ESC starts the sequences that set a terminal's title,
# clear its screen or fake text, and C1's CSI (U+009B) does the same alone. A newline, a line or
# paragraph separator fakes a line of its own (a grades row under ``cat``), and the bidi controls
# show text reordered (U+202E reverses it): all are shown as escapes.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line, every control character shown as an escape (file names, messages).

    Args:
        text: a message that may hold names a student chose.

    Example:
        >>> printable("作业\\x1b]0;OWNED\\x07.ipynb")
        '作业\\\\x1b]0;OWNED\\\\x07.ipynb'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """``value`` for a CSV cell: text printable and never read as a formula; numbers unchanged.

    Student ids and messages come from names students chose (the exchange's inbound folder is
    theirs to write): ``cat grades.csv`` must not run escape sequences, and a spreadsheet must
    not run ``=HYPERLINK(...)``.

    Example:
        >>> print(spreadsheet_safe('=HYPERLINK("http://x","成绩")'), spreadsheet_safe(-1.5))
        '=HYPERLINK("http://x","成绩") -1.5
    """
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
