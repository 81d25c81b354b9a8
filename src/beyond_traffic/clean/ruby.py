"""Step 2 of the cleaning: pinyin (ruby) notes and their remnants after Chinese characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import CJK, TONED, Change, Logged

__all__ = ["is_toned_syllable", "strip_pinyin_annotations", "strip_pinyin_annotations_logged"]

_SYLLABLE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er"
    r"|ia|ie|iu|in|ua|uo|ui|un|ue|ve|vn|a|o|e|i|u|v)|ng|n|m)"
)
_WORD = f"[a-zü{TONED}]{{1,7}}"
# Every shape a converter or a scraper leaves a note in, each right after a Han character
# (or after a '?' / U+FFFD that stands for one): the word is checked by is_toned_syllable.
_REMNANT = re.compile(
    "|".join(
        [
            # 產(chǎn), 產（chǎn）, 產 (chǎn): a whole note, maybe detached by one space
            rf"(?<=[{CJK}])[ \t]?[(（](?P<whole>{_WORD})[)）]",
            # 業(yè 業 / 因？yàn）: one bracket lost
            rf"(?<=[{CJK}?？\ufffd])[(（](?P<open>{_WORD})(?![a-zü{TONED} )）])",
            rf"(?<=[{CJK}?？\ufffd])(?P<close>{_WORD})[)）]",
            # 產chǎn業: ruby markup stripped with its brackets
            rf"(?<=[{CJK}])(?P<bare>{_WORD})(?=[{CJK}，。、；：？！,.;:?!\s]|$)",
        ]
    ),
    re.M,
)
# Brackets emptied when notes were stripped upstream: 產（）業, 業() 。
_EMPTY = re.compile(rf"(?<=[{CJK}，。、；：？！])[ \t]?[(（][ \t\u3000]*[)）]")


@lru_cache(maxsize=2048)
def is_toned_syllable(word: str) -> bool:
    """Whether ``word`` is one pinyin syllable with exactly one tone mark.

    Example:
        >>> is_toned_syllable("chǎn"), is_toned_syllable("café"), is_toned_syllable("men")
        (True, False, False)
    """
    if sum(ch in TONED for ch in word) != 1:
        return False
    bare = "".join("v" if ch in "üǖǘǚǜ" else unicodedata.normalize("NFD", ch)[0] for ch in word)
    return _SYLLABLE.fullmatch(bare) is not None


def strip_pinyin_annotations_logged(text: str) -> Logged:
    """:func:`strip_pinyin_annotations` with its edits (each note or remnant removed).

    Example:
        >>> strip_pinyin_annotations_logged("產(chǎn)業（）")[1]
        [('(chǎn)', ''), ('（）', '')]
    """
    changes: list[Change] = []

    def drop(match: re.Match[str]) -> str:
        word = next(g for g in match.groups() if g is not None)
        if not is_toned_syllable(word):
            return match.group(0)
        changes.append((match.group(0), ""))
        return ""

    def drop_empty(match: re.Match[str]) -> str:
        changes.append((match.group(0), ""))
        return ""

    text = _REMNANT.sub(drop, text)
    return _EMPTY.sub(drop_empty, text), changes


def strip_pinyin_annotations(text: str) -> str:
    """Remove pinyin notes such as ``(chǎn)`` after Chinese characters, and their remnants.

    A note is one pinyin syllable with one tone mark right after a CJK character, in any of
    the shapes converters and scrapers leave: ``產(chǎn)``, full-width ``產（chǎn）``, detached
    ``產 (chǎn)``, with a bracket lost (``業(yè業``, ``因？yàn）``), bare (``產chǎn業``, ruby
    markup stripped), or an emptied ``（）`` after a character or a mark. Real parenthetical
    text stays: ``(ToB)``, ``（见下文）``, ``(café)``, toneless ``(men)``, and a note after a
    Latin letter (mojibake, named by the audit's garbling check). Run it before
    :func:`to_simplified`: OpenCC converts phrases, and a note between characters hides them.

    Args:
        text: text with pinyin notes.

    Returns:
        The text without them.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> strip_pinyin_annotations("產(chǎn)業(yè)互聯lián網（）的(ToB)屬性")
        '產業互聯網的(ToB)屬性'
    """
    return strip_pinyin_annotations_logged(require_str(text))[0]
