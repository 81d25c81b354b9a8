"""Timing helper shared by the benchmark scripts: best wall-clock time over repeated runs."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Return the fastest of ``repeat`` runs of ``fn`` over every text (noise only adds time)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t0)
    return best
