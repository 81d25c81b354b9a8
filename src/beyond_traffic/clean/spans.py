"""What the cleaning steps share: character classes of Chinese text and edit logs (diffs)."""

from __future__ import annotations

import difflib
import re

__all__ = [
    "CJK",
    "CJK_CHAR",
    "CJK_PUNCT",
    "TONED",
    "Change",
    "Logged",
    "diff_snippets",
    "is_cjk",
    "line_diff",
]

#: Unified ideographs, extension A and compatibility ideographs, as a regex class body.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: One CJK ideograph.
CJK_CHAR = re.compile(f"[{CJK}]")
#: Full-width punctuation and quotes that count as "Chinese text" around a half-width mark.
CJK_PUNCT = "，。、；：？！（）「」『』“”‘’《》【】…—"
#: The vowels with a tone mark that pinyin notes carry.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

#: One edit: ``(old, new)``; ``new == ""`` means the snippet was removed.
Change = tuple[str, str]
#: What a logging step returns: the new text and its edits in order.
Logged = tuple[str, list[Change]]


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK ideograph or full-width Chinese punctuation.

    Example:
        >>> is_cjk("产"), is_cjk("，"), is_cjk(","), is_cjk("")
        (True, True, False, False)
    """
    return bool(ch) and (CJK_CHAR.match(ch) is not None or ch in CJK_PUNCT)


def diff_snippets(old: str, new: str) -> list[Change]:
    """The replaced or deleted snippets between two versions of a text, in order.

    Example:
        >>> diff_snippets("產業互聯網", "产业互联网")
        [('產業', '产业'), ('聯網', '联网')]
    """
    if old == new:
        return []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def line_diff(before: str, after: str) -> list[Change]:
    """Like :func:`diff_snippets`, line by line when the number of lines is unchanged (faster).

    Example:
        >>> line_diff("直播,带货\\n流量", "直播，带货\\n流量")
        [(',', '，')]
    """
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        return diff_snippets(before, after)
    changes: list[Change] = []
    for old, new in zip(old_lines, new_lines, strict=True):
        changes.extend(diff_snippets(old, new))
    return changes
