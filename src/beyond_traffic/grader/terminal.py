"""Student-controlled text made safe to print on the instructor's terminal."""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 controls but tab and newline, DEL and C1 controls: ESC starts the sequences that set a
# terminal's title, clear its screen or fake text, and C1's CSI (U+009B) does the same alone.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (file names, messages).

    Args:
        text: a message that may hold names a student chose.

    Example:
        >>> printable("作业\\x1b]0;OWNED\\x07.ipynb")
        '作业\\\\x1b]0;OWNED\\\\x07.ipynb'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
