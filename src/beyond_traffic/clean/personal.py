"""Step 4 of the cleaning: delete personal data (e-mail, phone numbers, QQ and WeChat ids)."""

from __future__ import annotations

import re

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import Change, Logged

__all__ = ["mask", "redact_personal_data", "redact_personal_data_logged"]

_PERSONAL = re.compile(
    "|".join(
        [
            # e-mail addresses
            r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
            # mainland mobile numbers, optionally +86 and grouped 3-4-4
            r"(?<![\d.])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.])",
            # landlines with an area code: 010-12345678, (0571)8888 8888
            r"(?<![\d.])(?:0\d{2,3}-|[(（]0\d{2,3}[)）]\s?)\d{3,4}[- ]?\d{4}(?![\d.])",
            # labelled QQ numbers and WeChat ids
            r"(?:QQ|qq|微信号?)\s*[:：]?\s*(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{5,20}",
        ]
    )
)


def redact_personal_data_logged(text: str) -> Logged:
    """:func:`redact_personal_data` with its edits (the snippets removed, unmasked).

    Example:
        >>> redact_personal_data_logged("邮箱a1@example.com")[1]
        [('a1@example.com', '')]
    """
    changes: list[Change] = []

    def drop(match: re.Match[str]) -> str:
        changes.append((match.group(0), ""))
        return ""

    return _PERSONAL.sub(drop, text), changes


def mask(snippet: str) -> str:
    """Hide personal data in an audit report but keep its shape.

    Example:
        >>> mask("710911939@qq.com")
        '7********@**.***'
    """
    return "".join(ch if i == 0 or not ch.isalnum() else "*" for i, ch in enumerate(snippet))


def redact_personal_data(text: str) -> str:
    """Remove e-mail addresses, phone numbers and labelled QQ / WeChat ids.

    A course corpus should not redistribute anyone's contact details, and they carry nothing
    for text analysis. They are deleted (not masked) so they cannot leak into word counts.

    Args:
        text: text that may contain personal data.

    Returns:
        The text without it.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> redact_personal_data("如有侵权请联系邮箱710911939@qq.com或13812345678。")
        '如有侵权请联系邮箱或。'
    """
    return redact_personal_data_logged(require_str(text))[0]
