"""Step 3 of the cleaning: Traditional → Simplified script with OpenCC, and why ``tw2s``."""

from __future__ import annotations

import re
from functools import lru_cache

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import Logged, line_diff

__all__ = ["OPENCC_CONFIG", "converter", "simplify_char", "to_simplified", "to_simplified_logged"]

#: The OpenCC configuration used by :func:`to_simplified` (see its docstring for why).
OPENCC_CONFIG = "tw2s"

# tw2s turns every 著 into 着 except in OpenCC's phrase list (著名, 著作, …); in these words
# 著 means "notable / to write" and must stay. Both sides are Simplified, so this is safe.
_ZHU_WORDS = ("显著", "土著", "著称", "卓著", "昭著", "名著", "巨著", "著述", "著书立说")
_ZHU_REPAIR = {word.replace("著", "着"): word for word in _ZHU_WORDS}
_ZHU_PATTERN = re.compile("|".join(map(re.escape, _ZHU_REPAIR)))


@lru_cache(maxsize=4)
def converter(config: str = OPENCC_CONFIG):
    """The OpenCC converter for ``config``, built once (the binding loads its dictionaries).

    Example:
        >>> converter("tw2s").convert("網絡")
        '网络'
    """
    import opencc  # imported on first use

    return opencc.OpenCC(config)


@lru_cache(maxsize=20000)
def simplify_char(ch: str) -> str:
    """One character in Simplified script (itself when OpenCC gives more or less than one).

    Example:
        >>> simplify_char("產"), simplify_char("a")
        ('产', 'a')
    """
    out = converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


def to_simplified_logged(text: str, log: bool = True) -> Logged:
    """:func:`to_simplified` with its edits (character snippets, line by line).

    Example:
        >>> to_simplified_logged("網絡")[1]
        [('網絡', '网络')]
    """
    converted = converter(OPENCC_CONFIG).convert(text)
    converted = _ZHU_PATTERN.sub(lambda m: _ZHU_REPAIR[m.group(0)], converted)
    return converted, line_diff(text, converted) if log else []


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified with OpenCC ``tw2s``.

    Why ``tw2s``: on the corpus, ``t2s`` and ``hk2s`` give identical output and both leave the
    aspect particle 著 unconverted (有著, 隨著, 做著, 擁有著: 7 times in A1, A3, A4), while
    ``tw2s`` converts it to 着 and differs in nothing else; ``tw2sp`` also rewrites Taiwanese
    vocabulary into mainland words that change the authors' text (线上→在线, 建立→创建,
    程序→进程). ``tw2s`` over-converts a few words where 著 means "notable" (显著 → 显着), so
    those are put back. Simplified text passes through unchanged.

    Args:
        text: Traditional, Simplified or mixed text.

    Returns:
        Simplified text.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> to_simplified("產業互聯網有著顯著的變化")
        '产业互联网有着显著的变化'
    """
    return to_simplified_logged(require_str(text), log=False)[0]
