"""Item statistics of a graded class: difficulty and discrimination (item-rest correlation)."""

from __future__ import annotations

import math


def difficulty(scores: list[float], max_points: float) -> float | None:
    """Mean share of the points earned (1 = everyone got full marks); None without scores.

    Example:
        >>> difficulty([1.0, 0.5, 0.0], 1.0)  # 三个学生 three students
        0.5
    """
    if not scores or max_points <= 0:
        return None
    return sum(scores) / len(scores) / max_points


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson correlation; None when fewer than 3 pairs or either side does not vary.

    Example:
        >>> round(pearson([1, 2, 3], [2, 4, 7]), 4)
        0.9934
    """
    if len(xs) != len(ys):
        raise ValueError("pearson needs two lists of the same length")
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def discrimination(table: dict[str, dict[str, float | None]], item: str) -> float | None:
    """Correlation of ``item`` with the rest of the score, over students with the item scored.

    ``table`` is ``{student: {item: score or None}}``; None (awaiting a grade) counts neither in
    the item nor in the rest.

    Example:
        >>> t = {"甲": {"q1": 1, "q2": 2}, "乙": {"q1": 0, "q2": 1}, "丙": {"q1": 1, "q2": 1}}
        >>> round(discrimination(t, "q1"), 4)
        0.5
    """
    xs, ys = [], []
    for row in table.values():
        if row.get(item) is None:
            continue
        xs.append(float(row[item]))
        ys.append(sum(float(v) for k, v in row.items() if k != item and v is not None))
    return pearson(xs, ys)
