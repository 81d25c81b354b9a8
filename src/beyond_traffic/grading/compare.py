"""Comparisons on canonical data, and failure details that never show the expected value."""

from __future__ import annotations

import json
import math

from .literals import DICT, FLOAT, FROZENSET, INT, LIST, SET, STR, TUPLE, TYPE, length, type_name
from .wire import encode


def normalise(data: object, *, strip: bool, casefold: bool) -> object:
    """Strip and/or casefold every string inside canonical data (keys included)."""
    t = TYPE(data)
    if t is STR:
        if strip:
            data = data.strip()
        if casefold:
            data = data.casefold()
        return data
    if t is LIST:
        return [normalise(i, strip=strip, casefold=casefold) for i in data]
    if t is TUPLE:
        return TUPLE(normalise(i, strip=strip, casefold=casefold) for i in data)
    if t is SET or t is FROZENSET:
        return t(normalise(i, strip=strip, casefold=casefold) for i in data)
    if t is DICT:
        return {
            normalise(k, strip=strip, casefold=casefold): normalise(
                v, strip=strip, casefold=casefold
            )
            for k, v in data.items()
        }
    return data


def same(a: object, b: object, tol: float | None, rel_tol: float) -> bool:
    """Type-strict equality of canonical data; numbers by value within ``tol`` when given.

    Example:
        >>> same([1, "流量"], [1, "流量"], None, 0.0), same(1, 1.0, None, 0.0)
        (True, False)
    """
    ta, tb = TYPE(a), TYPE(b)
    numeric = (INT, FLOAT)
    if tol is not None and ta in numeric and tb in numeric:
        if ta is FLOAT and tb is FLOAT and math.isnan(a) and math.isnan(b):
            return True
        return math.isclose(a, b, abs_tol=tol, rel_tol=rel_tol)
    if ta is not tb:
        return False
    if ta is FLOAT:
        if math.isnan(a) and math.isnan(b):
            return True
        if tol is None:
            return a == b
        return math.isclose(a, b, abs_tol=tol, rel_tol=rel_tol)
    if ta is LIST or ta is TUPLE:
        return length(LIST(a)) == length(LIST(b)) and all(
            same(x, y, tol, rel_tol) for x, y in zip(a, b, strict=True)
        )
    if ta is DICT:
        return a.keys() == b.keys() and all(same(a[k], b[k], tol, rel_tol) for k in a)
    return a == b


def sort_key(x: object) -> str:
    """A total order for canonical data of mixed types (its JSON encoding)."""
    return json.dumps(encode(x), ensure_ascii=False, sort_keys=True)


def preview(items: list, limit: int = 5) -> str:
    """A short preview of unexpected items for a message (never of expected ones)."""
    shown = [repr(i)[:40] for i in items[:limit]]
    more = " …" if length(items) > limit else ""
    return "[" + ", ".join(shown) + more + "]"


def positions(indices: list[int], limit: int = 5) -> str:
    """The first few positions, for a message."""
    shown = ", ".join(STR(i) for i in indices[:limit])
    return shown + (" …" if length(indices) > limit else "")


def describe_difference(
    got: object, want: object, tol: float | None, rel_tol: float
) -> tuple[str, str, float]:
    """Describe how ``got`` differs from ``want`` without showing ``want``; also a match ratio."""
    tg, tw = TYPE(got), TYPE(want)
    if tg is not tw and not (tol is not None and {tg, tw} <= {INT, FLOAT}):
        return (
            f"类型是 {type_name(tg)}，不是所要求的类型",
            f"type is {type_name(tg)}, not the required type",
            0.0,
        )
    if tg in (LIST, TUPLE):
        g, w = LIST(got), LIST(want)
        bad = [
            i for i, (x, y) in enumerate(zip(g, w, strict=False)) if not same(x, y, tol, rel_tol)
        ]
        ratio = (min(length(g), length(w)) - length(bad)) / max(length(g), length(w), 1)
        if length(g) != length(w):
            zh = f"长度为 {length(g)}，长度不对"
            en = f"length {length(g)} is wrong"
            if bad:
                zh += f"；前面的第 {positions(bad)} 项（从 0 数）也不同"
                en += f"; among the common positions, items {positions(bad)} (from 0) differ"
            return zh, en, ratio
        return (
            f"第 {positions(bad)} 项（从 0 数）不同，共 {length(bad)} 项不对",
            f"items {positions(bad)} (counting from 0) differ, {length(bad)} wrong in all",
            ratio,
        )
    if tg is DICT:
        missing = [k for k in want if k not in got]
        extra = [k for k in got if k not in want]
        wrong = [k for k in got if k in want and not same(got[k], want[k], tol, rel_tol)]
        good = length(want) - length(missing) - length(wrong)
        ratio = good / max(length(want) + length(extra), 1)
        zh, en = [], []
        if missing:
            zh.append(f"缺少 {length(missing)} 个键")
            en.append(f"{length(missing)} keys missing")
        if extra:
            zh.append(f"多出的键 {preview(extra)}")
            en.append(f"unexpected keys {preview(extra)}")
        if wrong:
            zh.append(f"这些键的值不对 {preview(wrong)}")
            en.append(f"wrong values for keys {preview(wrong)}")
        return "；".join(zh), "; ".join(en), ratio
    if tg in (SET, FROZENSET):
        extra = sorted((i for i in got if i not in want), key=sort_key)
        missing = length([i for i in want if i not in got])
        ratio = (length(want) - missing) / max(length(want) + length(extra), 1)
        shown = preview(extra) if extra else ""
        zh = f"缺少 {missing} 项，多出 {length(extra)} 项 {shown}"
        en = f"{missing} items missing, {length(extra)} unexpected {shown}"
        return zh.strip(), en.strip(), ratio
    if tg is STR:
        return (
            f"字符串不同（长度 {length(LIST(got))}）",
            f"the string differs (length {length(LIST(got))})",
            0.0,
        )
    return "值不对", "the value is wrong", 0.0


# --------------------------------------------------------------------------- Checker


def items_of(value: object) -> list:
    """Items of a container: dict keys, list/tuple items, set items in a stable order."""
    t = TYPE(value)
    if t is DICT:
        return LIST(value.keys())
    if t in (LIST, TUPLE):
        return LIST(value)
    if t in (SET, FROZENSET):
        return sorted(value, key=sort_key)
    return []


def keys_of(value: object) -> list:
    """Keys of a dict, else nothing."""
    return LIST(value.keys()) if TYPE(value) is DICT else []


def values_of(value: object) -> list:
    """Values of a dict, else nothing."""
    return LIST(value.values()) if TYPE(value) is DICT else []


def reorder(value: object, *, as_set: bool) -> object:
    """A list/tuple/set as a sorted list (deduplicated when ``as_set``), for order-free checks."""
    t = TYPE(value)
    if t in (LIST, TUPLE, SET, FROZENSET):
        items = LIST(value)
        if as_set:
            seen: dict[str, object] = {}
            for i in items:
                seen.setdefault(sort_key(i), i)
            return [seen[k] for k in sorted(seen)]
        return sorted(items, key=sort_key)
    return value


def join_message(custom: str | None, detail: str) -> str:
    """The instructor's message, then the detail (Chinese punctuation after Chinese text).

    Example:
        >>> join_message("分词不对", "第 2 项不同")
        '分词不对：第 2 项不同'
    """
    if custom and detail:
        return f"{custom}：{detail}" if not custom.isascii() else f"{custom}: {detail}"
    return custom or detail
