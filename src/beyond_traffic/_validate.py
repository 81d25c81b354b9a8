"""Argument checks shared by the public functions, with messages that name the problem."""

from __future__ import annotations

from collections.abc import Iterable


def require_str(value: object, *, name: str = "text") -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a TypeError naming what was given.

    Args:
        value: the argument to check.
        name: the parameter name to show in the message.

    Returns:
        The same string.

    Raises:
        TypeError: ``value`` is not a ``str`` (``bytes`` get a hint to decode first).

    Example:
        >>> require_str("直播带货")
        '直播带货'
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raise TypeError(
            f"{name} must be str, got {type(value).__name__}: decode it first, "
            f"e.g. {name}.decode('utf-8')"
        )
    raise TypeError(f"{name} must be str, got {type(value).__name__}")


def require_tokens(value: object, *, name: str = "tokens") -> list[str]:
    """Return ``value`` as a list of strings, or raise a TypeError naming the first bad item.

    Example:
        >>> require_tokens(["直播", "带货"])
        ['直播', '带货']
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a list of str (e.g. the output of tokenize), "
            f"got {type(value).__name__}"
        )
    items = list(value)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"{name}[{i}] must be str, got {type(item).__name__}")
    return items


def require_positive_int(value: object, *, name: str) -> int:
    """Return ``value`` if it is an int >= 1 (bools are refused), else raise.

    Example:
        >>> require_positive_int(10, name="k")
        10
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1, got {value}")
    return value
