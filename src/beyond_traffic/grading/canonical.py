"""Canonical data: a student's value reduced to exact plain types without calling its methods."""

from __future__ import annotations

import sys
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass

from .literals import (
    BOOL,
    DICT,
    DICT_ITEMS,
    FLOAT,
    FROZENSET,
    INT,
    LIST,
    NONE,
    SET,
    STR,
    TUPLE,
    TYPE,
    type_name,
)

__all__ = [
    "MAX_NODES",
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "CanonicalError",
    "Observation",
    "canonicalize",
    "tag_of",
    "type_tag",
    "DICTLIKE",
    "SUPPORTED",
]

#: Per-observation limits: beyond them the value is refused (recorded as a failure).
MAX_NODES = 200_000
MAX_CHARS = 4_000_000
MAX_DEPTH = 40
MAX_INT_DIGITS = 1000

DICTLIKE = {Counter: "Counter", OrderedDict: "OrderedDict", defaultdict: "defaultdict"}
#: What a student value may be made of, for the message that refuses anything else.
SUPPORTED = (
    "str, int, float, bool, None, list, tuple (namedtuple too), dict (Counter, OrderedDict, "
    "defaultdict), set, frozenset, numpy scalars and arrays, pandas DataFrame, Series and Index"
)


class CanonicalError(ValueError):
    """The value cannot be turned into canonical plain data (unsupported type, too large)."""


@dataclass(frozen=True)
class Observation:
    """A student value reduced to canonical plain data, or the reason it could not be.

    Attributes:
        tag: the type of the original value (``"list"``, ``"DataFrame"``, ``"Counter"``…);
            a namedtuple is a ``"tuple"`` and a numpy scalar the Python type it stands for
            (``np.str_`` is ``"str"``, ``np.float64`` is ``"float"``).
        value: canonical plain data (exact ``list``/``tuple``/``dict``/``set``/``str``/``int``/
            ``float``/``bool``/``None``; DataFrames become ``{"columns","index","data"}``).
        error: ``None`` when the value was observed, else a short reason such as ``"NameError"``.
    """

    tag: str = ""
    value: object = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when a value was observed."""
        return self.error is None


# --------------------------------------------------------------------------- canonical data


class _Budget:
    __slots__ = ("nodes", "chars")

    def __init__(self) -> None:
        self.nodes = 0
        self.chars = 0

    def spend(self, chars: int = 0) -> None:
        self.nodes += 1
        self.chars += chars
        if self.nodes > MAX_NODES or self.chars > MAX_CHARS:
            raise CanonicalError("value too large")


def _numpy_scalars() -> dict[type, type]:
    np = sys.modules.get("numpy")
    if np is None:
        return {}
    table: dict[type, type] = {}
    for name in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        table[getattr(np, name)] = INT
    for name in ("float16", "float32", "float64"):
        table[getattr(np, name)] = FLOAT
    table[np.bool_] = BOOL
    table[np.str_] = STR
    return table


def _canon(x: object, budget: _Budget, depth: int, np_scalars: dict[type, type]) -> object:
    if depth > MAX_DEPTH:
        raise CanonicalError("value nested too deeply")
    t = TYPE(x)
    if t is STR:
        budget.spend(STR.__len__(x))
        return x
    if t is BOOL or t is NONE:
        budget.spend()
        return x
    if t is INT:
        budget.spend()
        if INT.bit_length(x) > MAX_INT_DIGITS * 3.33:
            raise CanonicalError("integer too large")
        return x
    if t is FLOAT:
        budget.spend()
        return x
    if t is LIST or t is TUPLE:
        budget.spend()
        items = [_canon(i, budget, depth + 1, np_scalars) for i in x]
        return items if t is LIST else TUPLE(items)
    if _is_tuple(x):
        # A namedtuple (or any tuple subclass) is read through tuple's own slots, so none of
        # the subclass's methods (a rigged __eq__, __iter__ or __len__) is ever called.
        budget.spend()
        return TUPLE(
            _canon(_TUPLE_ITEM(x, i), budget, depth + 1, np_scalars) for i in range(_TUPLE_LEN(x))
        )
    if t is DICT or t in DICTLIKE:
        budget.spend()
        out = {}
        for k, v in DICT_ITEMS(x):
            ck = _canon(k, budget, depth + 1, np_scalars)
            if TYPE(ck) in (LIST, DICT, SET):
                raise CanonicalError("unhashable key")
            out[ck] = _canon(v, budget, depth + 1, np_scalars)
        return out
    if t is SET or t is FROZENSET:
        budget.spend()
        # Iterating a set never calls its items' __hash__; the canonical items are trusted.
        items = [_canon(i, budget, depth + 1, np_scalars) for i in x]
        for ci in items:
            if TYPE(ci) in (LIST, DICT, SET):
                raise CanonicalError("unhashable set item")
        return SET(items) if t is SET else FROZENSET(items)
    if t in np_scalars:
        budget.spend()
        target = np_scalars[t]
        value = x.item()
        if TYPE(value) is not target:
            value = target(value)
        return value
    return _canon_library(x, t, budget, depth, np_scalars)


_TUPLE_LEN = TUPLE.__len__
_TUPLE_ITEM = TUPLE.__getitem__


def _is_tuple(x: object) -> bool:
    # tuple's own slot checks the object's real layout (a C-level subtype test), which no
    # metaclass or __class__ property can fake.
    try:
        _TUPLE_LEN(x)
    except TypeError:
        return False
    return True


def _spend_sized(x: object, budget: _Budget) -> None:
    # numpy and pandas report their size without walking the data: refuse huge values up front.
    budget.spend()
    if x.size > MAX_NODES:
        raise CanonicalError("value too large")


def _canon_library(x: object, t: type, budget: _Budget, depth: int, np_scalars) -> object:
    np = sys.modules.get("numpy")
    if np is not None and t is np.ndarray:
        _spend_sized(x, budget)
        return _canon(x.tolist(), budget, depth + 1, np_scalars)
    pd = sys.modules.get("pandas")
    if pd is not None:
        if t is pd.DataFrame:
            _spend_sized(x, budget)
            return {
                "columns": _canon(_pandas_labels(x.columns), budget, depth + 1, np_scalars),
                "index": _canon(_pandas_labels(x.index), budget, depth + 1, np_scalars),
                "data": _canon(
                    [[_pandas_cell(v) for v in row] for row in x.to_numpy(dtype=object).tolist()],
                    budget,
                    depth + 1,
                    np_scalars,
                ),
            }
        if t is pd.Series:
            _spend_sized(x, budget)
            return {
                "name": _canon(_pandas_cell(x.name), budget, depth + 1, np_scalars),
                "index": _canon(_pandas_labels(x.index), budget, depth + 1, np_scalars),
                "data": _canon(
                    [_pandas_cell(v) for v in x.to_numpy(dtype=object).tolist()],
                    budget,
                    depth + 1,
                    np_scalars,
                ),
            }
        if t in (pd.Index, pd.RangeIndex):
            budget.spend()
            return _canon(_pandas_labels(x), budget, depth + 1, np_scalars)
    raise CanonicalError(f"unsupported type {type_name(t)}; supported: {SUPPORTED}")


def _pandas_labels(index: object) -> list:
    labels = index.tolist()
    return [_pandas_cell(v) for v in labels]


def _pandas_cell(v: object) -> object:
    pd = sys.modules.get("pandas")
    if pd is not None and (v is pd.NA or v is pd.NaT):
        return None
    return v


def tag_of(x: object) -> str:
    """The type name of ``x`` as observations record it (``Counter`` stays ``Counter``).

    A value that stands for a plain Python value is named for it: a namedtuple is a ``tuple``,
    ``np.str_`` a ``str``, ``np.float64`` a ``float``, ``np.int64`` an ``int``, ``np.bool_`` a
    ``bool`` (what ``np.array(names)[i]`` or a namedtuple of scores gives is a fair answer).

    Example:
        >>> tag_of({"流量": 1})
        'dict'
        >>> from collections import namedtuple
        >>> tag_of(namedtuple("Scores", "precision recall")(0.5, 0.25))
        'tuple'
    """
    t = TYPE(x)
    if t in DICTLIKE:
        return DICTLIKE[t]
    plain = _numpy_scalars().get(t)
    if plain is not None:
        return type_name(plain)
    if t is not TUPLE and _is_tuple(x):
        return "tuple"
    return type_name(t)


def type_tag(cls: type) -> str:
    """The tag :func:`tag_of` gives values of class ``cls`` (numpy scalar types by plain name).

    Example:
        >>> type_tag(str), type_tag(tuple)
        ('str', 'tuple')
    """
    if cls in DICTLIKE:
        return DICTLIKE[cls]
    plain = _numpy_scalars().get(cls)
    return type_name(cls if plain is None else plain)


def canonicalize(value: object) -> tuple[str, object]:
    """Reduce ``value`` to canonical plain data without calling any of its methods.

    Containers are walked by exact type; ``str``/``list``/``dict`` subclasses are refused, so a
    rigged ``__eq__`` or ``__hash__`` is never reached. numpy scalars and arrays and pandas
    ``DataFrame``/``Series`` are read by value.

    Args:
        value: any object.

    Returns:
        ``(tag, canonical)``: the exact type name and the plain-data copy.

    Raises:
        CanonicalError: unsupported type, too large or too deeply nested.

    Example:
        >>> canonicalize(["流量", ("之外", 1)])
        ('list', ['流量', ('之外', 1)])
    """
    tag = tag_of(value)
    try:
        data = _canon(value, _Budget(), 0, _numpy_scalars())
    except CanonicalError:
        raise
    except RecursionError:
        raise CanonicalError("value nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - library readers may fail on odd content
        raise CanonicalError(f"could not read {tag}: {type_name(TYPE(exc))}") from None
    return tag, data
