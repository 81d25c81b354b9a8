"""Argument checks for the Checker, built on the real builtin types (never ``builtins``)."""

from __future__ import annotations

import math

from .literals import FLOAT, INT, STR, TYPE, type_name

__all__ = ["require_name", "require_points"]


def require_name(value: object, what: str) -> str:
    """``value`` if it is a non-empty ``str``; else ``TypeError``/``ValueError`` naming ``what``.

    Example:
        >>> require_name("流量", "name")
        '流量'
    """
    if TYPE(value) is not STR:
        raise TypeError(f"{what} must be str, got {type_name(TYPE(value))}")
    if not value:
        raise ValueError(f"{what} must not be empty")
    return value


def require_points(value: object, what: str = "points") -> float:
    """``value`` as a float if it is a finite number >= 0; else a clear error naming ``what``.

    Example:
        >>> require_points(2)
        2.0
    """
    if TYPE(value) not in (INT, FLOAT):
        raise TypeError(f"{what} must be int or float, got {type_name(TYPE(value))}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0, got {value!r}")
    return FLOAT(value)
