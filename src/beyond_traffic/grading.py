"""Checker for nbgrader test cells: type-checked comparisons on canonical data, partial credit."""

from __future__ import annotations

import json
import math
import os
import sys
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "Checker",
    "Observation",
    "Result",
    "canonicalize",
    "encode",
    "decode",
    "load_observations",
    "OBSERVATIONS_ENV",
    "REPLAY_ENV",
    "CanonicalError",
]

#: When set (in the student's kernel), ``observe`` appends every canonical value to this file.
OBSERVATIONS_ENV = "BEYOND_TRAFFIC_OBSERVATIONS"
#: When set (in the grader's trusted replay), ``observe`` reads values from this file instead.
REPLAY_ENV = "BEYOND_TRAFFIC_REPLAY"

# The real builtins, taken from literals so that a kernel which rebinds ``builtins.type`` or
# ``builtins.list`` before importing this module cannot hand us impostors.
_type = (0).__class__.__class__
_str = "".__class__
_int = (0).__class__
_float = (0.0).__class__
_bool = True.__class__
_list = [].__class__
_tuple = ().__class__
_dict = {}.__class__
_set = {0}.__class__
_frozenset = frozenset().__class__
_none = None.__class__
_type_name = _type.__dict__["__name__"].__get__
_dict_items = _dict.items


def _len(x: object) -> int:
    # Only called on canonical (trusted, exact builtin) containers.
    return _type(x).__len__(x)


#: Per-observation limits: beyond them the value is refused (recorded as a failure).
MAX_NODES = 200_000
MAX_CHARS = 4_000_000
MAX_DEPTH = 40
MAX_INT_DIGITS = 1000
#: Replay refuses observation files larger than this.
MAX_FILE_BYTES = 64 * 1024 * 1024

_SCALARS = (_str, _int, _float, _bool, _none)
_DICTLIKE = {Counter: "Counter", OrderedDict: "OrderedDict", defaultdict: "defaultdict"}


class CanonicalError(ValueError):
    """The value cannot be turned into canonical plain data (unsupported type, too large)."""


@dataclass(frozen=True)
class Observation:
    """A student value reduced to canonical plain data, or the reason it could not be.

    Attributes:
        tag: the exact type of the original value (``"list"``, ``"DataFrame"``, ``"Counter"``…).
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


@dataclass
class Result:
    """The outcome of one expectation: points earned out of points possible, and a message."""

    name: str
    kind: str
    earned: float
    possible: float
    zh: str
    en: str
    passed: bool = field(default=False)


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
        table[getattr(np, name)] = _int
    for name in ("float16", "float32", "float64"):
        table[getattr(np, name)] = _float
    table[np.bool_] = _bool
    table[np.str_] = _str
    return table


def _safe_name(cls: type) -> str:
    try:
        return _str(_type_name(cls))[:60]
    except Exception:  # noqa: BLE001 - a name for a message is never worth a crash
        return "?"


def _canon(x: object, budget: _Budget, depth: int, np_scalars: dict[type, type]) -> object:
    if depth > MAX_DEPTH:
        raise CanonicalError("value nested too deeply")
    t = _type(x)
    if t is _str:
        budget.spend(_str.__len__(x))
        return x
    if t is _bool or t is _none:
        budget.spend()
        return x
    if t is _int:
        budget.spend()
        if _int.bit_length(x) > MAX_INT_DIGITS * 3.33:
            raise CanonicalError("integer too large")
        return x
    if t is _float:
        budget.spend()
        return x
    if t is _list or t is _tuple:
        budget.spend()
        items = [_canon(i, budget, depth + 1, np_scalars) for i in x]
        return items if t is _list else _tuple(items)
    if t is _dict or t in _DICTLIKE:
        budget.spend()
        out = {}
        for k, v in _dict_items(x):
            ck = _canon(k, budget, depth + 1, np_scalars)
            if _type(ck) in (_list, _dict, _set):
                raise CanonicalError("unhashable key")
            out[ck] = _canon(v, budget, depth + 1, np_scalars)
        return out
    if t is _set or t is _frozenset:
        budget.spend()
        # Iterating a set never calls its items' __hash__; the canonical items are trusted.
        items = [_canon(i, budget, depth + 1, np_scalars) for i in x]
        for ci in items:
            if _type(ci) in (_list, _dict, _set):
                raise CanonicalError("unhashable set item")
        return _set(items) if t is _set else _frozenset(items)
    if t in np_scalars:
        budget.spend()
        target = np_scalars[t]
        value = x.item()
        if _type(value) is not target:
            value = target(value)
        return value
    return _canon_library(x, t, budget, depth, np_scalars)


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
    raise CanonicalError(f"unsupported type {_safe_name(t)}")


def _pandas_labels(index: object) -> list:
    labels = index.tolist()
    return [_pandas_cell(v) for v in labels]


def _pandas_cell(v: object) -> object:
    pd = sys.modules.get("pandas")
    if pd is not None and (v is pd.NA or v is pd.NaT):
        return None
    return v


def _tag_of(x: object) -> str:
    t = _type(x)
    if t in _DICTLIKE:
        return _DICTLIKE[t]
    return _safe_name(t)


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
    tag = _tag_of(value)
    try:
        data = _canon(value, _Budget(), 0, _numpy_scalars())
    except CanonicalError:
        raise
    except RecursionError:
        raise CanonicalError("value nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - library readers may fail on odd content
        raise CanonicalError(f"could not read {tag}: {_safe_name(_type(exc))}") from None
    return tag, data


# --------------------------------------------------------------------------- JSON encoding


def encode(data: object) -> object:
    """Encode canonical data as JSON-safe tagged lists (tuples, sets and key types survive).

    Example:
        >>> encode(("词", 1))
        ['t', [['s', '词'], ['i', '1']]]
    """
    t = _type(data)
    if t is _str:
        return ["s", data]
    if t is _bool:
        return ["b", data]
    if t is _int:
        return ["i", _str(data)]
    if t is _float:
        return ["f", _float.hex(data) if math.isfinite(data) else repr(data)]
    if t is _none:
        return ["n"]
    if t is _list:
        return ["l", [encode(i) for i in data]]
    if t is _tuple:
        return ["t", [encode(i) for i in data]]
    if t is _set or t is _frozenset:
        return ["S" if t is _set else "F", [encode(i) for i in data]]
    if t is _dict:
        return ["d", [[encode(k), encode(v)] for k, v in data.items()]]
    raise CanonicalError(f"not canonical: {_safe_name(t)}")


def decode(obj: object, _depth: int = 0) -> object:
    """Rebuild canonical data from :func:`encode` output, refusing anything malformed.

    Raises:
        CanonicalError: the structure is not valid tagged data.

    Example:
        >>> decode(["l", [["s", "流量"]]])
        ['流量']
    """
    if _depth > MAX_DEPTH + 2:
        raise CanonicalError("too deep")
    if _type(obj) is not _list or not obj or _type(obj[0]) is not _str:
        raise CanonicalError("malformed")
    tag = obj[0]
    if tag == "n" and _len(obj) == 1:
        return None
    if _len(obj) != 2:
        raise CanonicalError("malformed")
    body = obj[1]
    bt = _type(body)
    if tag == "s" and bt is _str:
        return body
    if tag == "b" and bt is _bool:
        return body
    if tag == "i" and bt is _str and _len(body) <= MAX_INT_DIGITS + 1:
        return _int(body)
    if tag == "f" and bt is _str and _len(body) < 40:
        if body in ("nan", "inf", "-inf"):
            return _float(body)
        return _float.fromhex(body)
    if bt is not _list:
        raise CanonicalError("malformed")
    if tag in ("l", "t", "S", "F"):
        items = [decode(i, _depth + 1) for i in body]
        if tag == "l":
            return items
        if tag == "t":
            return _tuple(items)
        if any(_type(i) in (_list, _dict, _set) for i in items):
            raise CanonicalError("unhashable set item")
        return _set(items) if tag == "S" else _frozenset(items)
    if tag == "d":
        out = {}
        for pair in body:
            if _type(pair) is not _list or _len(pair) != 2:
                raise CanonicalError("malformed")
            k = decode(pair[0], _depth + 1)
            if _type(k) in (_list, _dict, _set):
                raise CanonicalError("unhashable key")
            out[k] = decode(pair[1], _depth + 1)
        return out
    raise CanonicalError("malformed")


def _record(path: str, checker: str, name: str, obs: Observation) -> None:
    record = {"checker": checker, "name": name, "tag": obs.tag}
    if obs.ok:
        record["value"] = encode(obs.value)
    else:
        record["error"] = obs.error
    line = json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line)


def load_observations(path: str) -> dict[tuple[str, str], Observation]:
    """Read a recorded observations file; the last record of each (checker, name) wins.

    Malformed lines are skipped and an oversized file is refused entirely, so a hostile kernel
    can only lose its own points.

    Example:
        >>> load_observations("/nonexistent/观察.jsonl")
        {}
    """
    out: dict[tuple[str, str], Observation] = {}
    try:
        size = os.path.getsize(path)
    except OSError:
        return out
    if size > MAX_FILE_BYTES:
        return out
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if _type(rec) is not _dict:
                continue
            checker, name, tag = rec.get("checker"), rec.get("name"), rec.get("tag", "")
            if not all(_type(v) is _str for v in (checker, name, tag)):
                continue
            try:
                if "value" in rec:
                    obs = Observation(tag=tag[:60], value=decode(rec["value"]))
                elif _type(rec.get("error")) is _str:
                    obs = Observation(tag=tag[:60], error=rec["error"][:80])
                else:
                    continue
            except Exception:  # noqa: BLE001 - any malformed record is skipped
                continue
            out[(checker, name)] = obs
    return out


_REPLAY_CACHE: dict[str, dict[tuple[str, str], Observation]] = {}


def _replayed(path: str, checker: str, name: str) -> Observation:
    if path not in _REPLAY_CACHE:
        _REPLAY_CACHE[path] = load_observations(path)
    return _REPLAY_CACHE[path].get(
        (checker, name), Observation(error="not observed (the test cell did not run)")
    )


# --------------------------------------------------------------------------- comparisons


def _normalise(data: object, *, strip: bool, casefold: bool) -> object:
    t = _type(data)
    if t is _str:
        if strip:
            data = data.strip()
        if casefold:
            data = data.casefold()
        return data
    if t is _list:
        return [_normalise(i, strip=strip, casefold=casefold) for i in data]
    if t is _tuple:
        return _tuple(_normalise(i, strip=strip, casefold=casefold) for i in data)
    if t is _set or t is _frozenset:
        return t(_normalise(i, strip=strip, casefold=casefold) for i in data)
    if t is _dict:
        return {
            _normalise(k, strip=strip, casefold=casefold): _normalise(
                v, strip=strip, casefold=casefold
            )
            for k, v in data.items()
        }
    return data


def _same(a: object, b: object, tol: float | None, rel_tol: float) -> bool:
    ta, tb = _type(a), _type(b)
    numeric = (_int, _float)
    if tol is not None and ta in numeric and tb in numeric:
        if ta is _float and tb is _float and math.isnan(a) and math.isnan(b):
            return True
        return math.isclose(a, b, abs_tol=tol, rel_tol=rel_tol)
    if ta is not tb:
        return False
    if ta is _float:
        if math.isnan(a) and math.isnan(b):
            return True
        if tol is None:
            return a == b
        return math.isclose(a, b, abs_tol=tol, rel_tol=rel_tol)
    if ta is _list or ta is _tuple:
        return _len(_list(a)) == _len(_list(b)) and all(
            _same(x, y, tol, rel_tol) for x, y in zip(a, b, strict=True)
        )
    if ta is _dict:
        return a.keys() == b.keys() and all(_same(a[k], b[k], tol, rel_tol) for k in a)
    return a == b


def _sort_key(x: object) -> str:
    return json.dumps(encode(x), ensure_ascii=False, sort_keys=True)


def _preview(items: list, limit: int = 5) -> str:
    shown = [repr(i)[:40] for i in items[:limit]]
    more = " …" if _len(items) > limit else ""
    return "[" + ", ".join(shown) + more + "]"


def _positions(indices: list[int], limit: int = 5) -> str:
    shown = ", ".join(_str(i) for i in indices[:limit])
    return shown + (" …" if _len(indices) > limit else "")


def _diff(got: object, want: object, tol: float | None, rel_tol: float) -> tuple[str, str, float]:
    """Describe how ``got`` differs from ``want`` without showing ``want``; also a match ratio."""
    tg, tw = _type(got), _type(want)
    if tg is not tw and not (tol is not None and {tg, tw} <= {_int, _float}):
        return (
            f"类型是 {_safe_name(tg)}，不是所要求的类型",
            f"type is {_safe_name(tg)}, not the required type",
            0.0,
        )
    if tg in (_list, _tuple):
        g, w = _list(got), _list(want)
        bad = [
            i for i, (x, y) in enumerate(zip(g, w, strict=False)) if not _same(x, y, tol, rel_tol)
        ]
        ratio = (min(_len(g), _len(w)) - _len(bad)) / max(_len(g), _len(w), 1)
        if _len(g) != _len(w):
            zh = f"长度为 {_len(g)}，长度不对"
            en = f"length {_len(g)} is wrong"
            if bad:
                zh += f"；前面的第 {_positions(bad)} 项（从 0 数）也不同"
                en += f"; among the common positions, items {_positions(bad)} (from 0) differ"
            return zh, en, ratio
        return (
            f"第 {_positions(bad)} 项（从 0 数）不同，共 {_len(bad)} 项不对",
            f"items {_positions(bad)} (counting from 0) differ, {_len(bad)} wrong in all",
            ratio,
        )
    if tg is _dict:
        missing = [k for k in want if k not in got]
        extra = [k for k in got if k not in want]
        wrong = [k for k in got if k in want and not _same(got[k], want[k], tol, rel_tol)]
        ratio = (_len(want) - _len(missing) - _len(wrong)) / max(_len(want) + _len(extra), 1)
        zh, en = [], []
        if missing:
            zh.append(f"缺少 {_len(missing)} 个键")
            en.append(f"{_len(missing)} keys missing")
        if extra:
            zh.append(f"多出的键 {_preview(extra)}")
            en.append(f"unexpected keys {_preview(extra)}")
        if wrong:
            zh.append(f"这些键的值不对 {_preview(wrong)}")
            en.append(f"wrong values for keys {_preview(wrong)}")
        return "；".join(zh), "; ".join(en), ratio
    if tg in (_set, _frozenset):
        extra = sorted((i for i in got if i not in want), key=_sort_key)
        missing = _len([i for i in want if i not in got])
        ratio = (_len(want) - missing) / max(_len(want) + _len(extra), 1)
        zh = f"缺少 {missing} 项，多出 {_len(extra)} 项 {_preview(extra) if extra else ''}"
        en = f"{missing} items missing, {_len(extra)} unexpected {_preview(extra) if extra else ''}"
        return zh.strip(), en.strip(), ratio
    if tg is _str:
        return (
            f"字符串不同（长度 {_len(_list(got))}）",
            f"the string differs (length {_len(_list(got))})",
            0.0,
        )
    return "值不对", "the value is wrong", 0.0


# --------------------------------------------------------------------------- Checker


def _require_name(value: object, what: str) -> str:
    if _type(value) is not _str:
        raise TypeError(f"{what} must be str, got {_safe_name(_type(value))}")
    if not value:
        raise ValueError(f"{what} must not be empty")
    return value


def _require_points(value: object, what: str = "points") -> float:
    if _type(value) not in (_int, _float):
        raise TypeError(f"{what} must be int or float, got {_safe_name(_type(value))}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0, got {value!r}")
    return _float(value)


def _write(text: str) -> None:
    # stdout only: nbgrader gives 0 to any test cell that wrote to stderr.
    try:
        out = sys.stdout
        out.write(text)
        out.flush()
    except Exception:  # noqa: BLE001 - a broken stdout must not turn into an error output
        pass


class Checker:
    """Score one nbgrader test cell from canonical observations of the student's objects.

    Args:
        grade_id: the nbgrader grade_id of the test cell (names the recorded observations).
        points: the cell's points in nbgrader; ``report()`` never returns more.

    Example:
        >>> ck = Checker("q1_tokens", points=1)
        >>> ck.observe("tokens", lambda: ["流量", "之外"])
        >>> ck.expect_equal("tokens", ["流量", "之外"], points=1,
        ...                 zh="分词结果不对", en="segmentation is wrong")
        True
        >>> ck.report(quiet=True)
        1.0
    """

    def __init__(self, grade_id: str, *, points: float) -> None:
        self.grade_id = _require_name(grade_id, "grade_id")
        self.points = _require_points(points)
        self.results: list[Result] = []
        self._obs: dict[str, Observation] = {}
        self._gated: set[str] = set()
        self._replay = os.environ.get(REPLAY_ENV) or None
        self._record_to = None if self._replay else (os.environ.get(OBSERVATIONS_ENV) or None)

    # ------------------------------------------------------------------ observing

    def observe(self, name: str, producer: Callable[[], object]) -> None:
        """Call ``producer`` (a lambda naming student objects) and keep its canonical value.

        Every exception is caught and recorded as a failure carrying only its type name. Under
        replay the recorded value is used and ``producer`` is never called.

        Args:
            name: a label for the value, used by the ``expect_*`` calls.
            producer: a zero-argument callable returning the student's value.

        Example:
            >>> ck = Checker("q2", points=1)
            >>> ck.observe("n", lambda: len("流量之外"))
            >>> ck.observation("n").value
            4
        """
        _require_name(name, "name")
        if not callable(producer):
            raise TypeError("producer must be a zero-argument callable, e.g. lambda: q1_tokens")
        if self._replay:
            try:
                self._obs[name] = _replayed(self._replay, self.grade_id, name)
            except Exception:  # noqa: BLE001 - an unreadable record scores 0
                self._obs[name] = Observation(error="recorded value unreadable")
            return
        try:
            value = producer()
        except BaseException as exc:  # noqa: BLE001 - SystemExit/KeyboardInterrupt score 0 too
            obs = Observation(error=_safe_name(_type(exc)))
        else:
            try:
                tag, data = canonicalize(value)
                obs = Observation(tag=tag, value=data)
            except CanonicalError as exc:
                obs = Observation(tag=_tag_of(value), error=_str(exc.args[0])[:80])
        self._obs[name] = obs
        if self._record_to:
            try:
                _record(self._record_to, self.grade_id, name, obs)
            except Exception:  # noqa: BLE001 - replay will then find nothing and give 0
                pass

    def observation(self, name: str) -> Observation:
        """The observation recorded under ``name`` (an error observation if there is none)."""
        return self._obs.get(name, Observation(error="not observed"))

    # ------------------------------------------------------------------ helpers

    def _fail(
        self,
        name: str,
        kind: str,
        points: float,
        zh: str | None,
        en: str | None,
        why_zh: str,
        why_en: str,
        *,
        earned: float = 0.0,
    ) -> bool:
        # The instructor's message comes first; the detail never shows the expected value.
        self.results.append(
            Result(name, kind, earned, points, _join(zh, why_zh), _join(en, why_en), False)
        )
        return False

    def _ok(self, name: str, kind: str, points: float, zh: str, en: str) -> bool:
        self.results.append(Result(name, kind, points, points, zh, en, True))
        return True

    def _usable(self, name: str, kind: str, points: float, zh: str | None, en: str | None):
        obs = self.observation(name)
        if not obs.ok:
            self._fail(
                name,
                kind,
                points,
                zh,
                en,
                f"无法取得 {name}：{obs.error}",
                f"could not get {name}: {obs.error}",
            )
            return None
        if name in self._gated:
            self._fail(
                name,
                kind,
                points,
                zh,
                en,
                f"{name} 的类型不对，未比较",
                f"{name} has the wrong type, not compared",
            )
            return None
        return obs

    # ------------------------------------------------------------------ expectations

    def expect_type(
        self,
        name: str,
        expected: type | tuple[type, ...],
        *,
        item_type: type | tuple[type, ...] | None = None,
        key_type: type | tuple[type, ...] | None = None,
        value_type: type | tuple[type, ...] | None = None,
        points: float = 0,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check the exact type (no subclasses) and optionally the exact type of every item.

        A failed type check also makes every later expectation on ``name`` fail, so nothing is
        compared on a value of the wrong shape.

        Example:
            >>> ck = Checker("q3", points=1)
            >>> ck.observe("tokens", lambda: ["直播", "带货"])
            >>> ck.expect_type("tokens", list, item_type=str)
            True
        """
        points = _require_points(points)
        obs = self._usable(name, "type", points, zh, en)
        if obs is None:
            self._gated.add(name)
            return False
        wanted = {_tag_of_type(t) for t in _as_tuple(expected)}
        problem_zh = problem_en = ""
        if obs.tag not in wanted:
            problem_zh = f"{name} 的类型是 {obs.tag}，不是 {'/'.join(sorted(wanted))}"
            problem_en = f"{name} is a {obs.tag}, not a {'/'.join(sorted(wanted))}"
        else:
            for label, types, items in (
                ("item", item_type, _items(obs.value)),
                ("key", key_type, _keys(obs.value)),
                ("value", value_type, _values(obs.value)),
            ):
                if types is None:
                    continue
                allowed = tuple(_as_tuple(types))
                for i, item in enumerate(items):
                    if _type(item) not in allowed:
                        names = "/".join(_safe_name(t) for t in allowed)
                        problem_zh = f"{name} 的第 {i} 个{_ZH[label]}是 {_safe_name(_type(item))}"
                        problem_zh += f"，应为 {names}"
                        problem_en = f"{name}: {label} {i} is a {_safe_name(_type(item))}"
                        problem_en += f", not {names}"
                        break
                if problem_zh:
                    break
        if problem_zh:
            self._gated.add(name)
            return self._fail(name, "type", points, zh, en, problem_zh, problem_en)
        return self._ok(name, "type", points, f"{name} 类型正确", f"{name} has the right type")

    def expect_equal(
        self,
        name: str,
        expected: object,
        *,
        points: float = 1,
        strip: bool = False,
        casefold: bool = False,
        ignore_order: bool = False,
        as_set: bool = False,
        tol: float | None = None,
        rel_tol: float = 0.0,
        partial: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Compare the canonical value with ``expected`` after optional normalisation.

        Args:
            name: the observation label.
            expected: the reference value (plain data, DataFrame/Series allowed).
            points: points for an exact match.
            strip: strip whitespace from every string first.
            casefold: compare strings case-insensitively.
            ignore_order: compare a list/tuple as a multiset.
            as_set: compare a list/tuple/set as a set (duplicates ignored).
            tol: absolute tolerance for floats (ints and floats then compare by value).
            rel_tol: relative tolerance for floats, used with ``tol``.
            partial: give credit in proportion to matching items (lists, dicts, sets).
            zh: Chinese message shown on failure.
            en: English message shown on failure.

        Example:
            >>> ck = Checker("q4", points=1)
            >>> ck.observe("words", lambda: ["之外", "流量"])
            >>> ck.expect_equal("words", ["流量", "之外"], ignore_order=True)
            True
        """
        points = _require_points(points)
        if tol is not None:
            tol = _require_points(tol, "tol")
        rel_tol = _require_points(rel_tol, "rel_tol")
        obs = self._usable(name, "equal", points, zh, en)
        if obs is None:
            return False
        _, want = canonicalize(expected)
        got = obs.value
        if strip or casefold:
            got = _normalise(got, strip=strip, casefold=casefold)
            want = _normalise(want, strip=strip, casefold=casefold)
        if as_set or ignore_order:
            got, want = _reorder(got, as_set=as_set), _reorder(want, as_set=as_set)
        if _same(got, want, tol, rel_tol):
            return self._ok(name, "equal", points, f"{name} 正确", f"{name} is correct")
        dzh, den, ratio = _diff(got, want, tol, rel_tol)
        earned = round(points * max(0.0, min(1.0, ratio)), 4) if partial else 0.0
        return self._fail(name, "equal", points, zh, en, dzh, den, earned=earned)

    def expect_len(
        self,
        name: str,
        length: int | None = None,
        *,
        min_len: int | None = None,
        max_len: int | None = None,
        points: float = 1,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check the length of a str, list, tuple, dict or set (exact, or within bounds).

        Example:
            >>> ck = Checker("q5", points=1)
            >>> ck.observe("top", lambda: ["流量", "平台", "算法"])
            >>> ck.expect_len("top", 3)
            True
        """
        points = _require_points(points)
        obs = self._usable(name, "len", points, zh, en)
        if obs is None:
            return False
        if _type(obs.value) not in (_str, _list, _tuple, _dict, _set, _frozenset):
            return self._fail(
                name,
                "len",
                points,
                zh,
                en,
                f"{name} 没有长度（类型 {obs.tag}）",
                f"{name} has no length (type {obs.tag})",
            )
        n = _len(_list(obs.value))
        ok = (length is None or n == length) and (min_len is None or n >= min_len)
        ok = ok and (max_len is None or n <= max_len)
        if ok:
            return self._ok(name, "len", points, f"{name} 长度正确", f"{name} length ok")
        return self._fail(
            name,
            "len",
            points,
            zh,
            en,
            f"{name} 的长度 {n} 不符合要求",
            f"{name} has length {n}, which is not what is required",
        )

    def expect_contains(
        self,
        name: str,
        items: object,
        *,
        points: float = 1,
        partial: bool = False,
        strip: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check that every one of ``items`` occurs in the observed container (or substring).

        Example:
            >>> ck = Checker("q6", points=2)
            >>> ck.observe("kw", lambda: ["流量", "平台", "算法"])
            >>> ck.expect_contains("kw", ["流量", "算法"], points=2)
            True
        """
        points = _require_points(points)
        obs = self._usable(name, "contains", points, zh, en)
        if obs is None:
            return False
        _, wanted = canonicalize(items)
        wanted = _list(_items(wanted)) if _type(wanted) is not _str else [wanted]
        pool = obs.value
        if strip:
            pool = _normalise(pool, strip=True, casefold=False)
            wanted = _normalise(wanted, strip=True, casefold=False)
        if _type(pool) is _str:
            found = [w for w in wanted if _type(w) is _str and w in pool]
        elif _type(pool) in (_list, _tuple, _set, _frozenset, _dict):
            keys = {_sort_key(i) for i in _items(pool)}
            found = [w for w in wanted if _sort_key(w) in keys]
        else:
            found = []
        missing = _len(wanted) - _len(found)
        if missing == 0:
            return self._ok(
                name, "contains", points, f"{name} 包含所需各项", f"{name} has every item"
            )
        earned = round(points * _len(found) / max(_len(wanted), 1), 4) if partial else 0.0
        return self._fail(
            name,
            "contains",
            points,
            zh,
            en,
            f"{name} 缺少 {missing} 个应有的项",
            f"{name} lacks {missing} of the required items",
            earned=earned,
        )

    def expect_subset(
        self,
        name: str,
        allowed: object,
        *,
        points: float = 1,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check that every observed item is one of ``allowed`` (shows the unexpected ones).

        Example:
            >>> ck = Checker("q7", points=1)
            >>> ck.observe("labels", lambda: ["正面", "负面"])
            >>> ck.expect_subset("labels", {"正面", "负面", "中性"})
            True
        """
        points = _require_points(points)
        obs = self._usable(name, "subset", points, zh, en)
        if obs is None:
            return False
        _, allowed_c = canonicalize(allowed)
        keys = {_sort_key(i) for i in _items(allowed_c)}
        if _type(obs.value) not in (_list, _tuple, _set, _frozenset, _dict):
            extra = [obs.value]
        else:
            extra = [i for i in _items(obs.value) if _sort_key(i) not in keys]
        if not extra:
            return self._ok(
                name, "subset", points, f"{name} 各项都允许", f"{name} items all allowed"
            )
        return self._fail(
            name,
            "subset",
            points,
            zh,
            en,
            f"{name} 含有不允许的项 {_preview(extra)}",
            f"{name} has items that are not allowed {_preview(extra)}",
        )

    def expect_true(
        self,
        name: str,
        predicate: Callable[[object], object],
        *,
        points: float = 1,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Apply an instructor ``predicate`` to the canonical (plain) data; truthy earns points.

        The predicate sees only plain data (a DataFrame arrives as ``{"columns", "index",
        "data"}``); if it raises, the expectation fails.

        Example:
            >>> ck = Checker("q8", points=1)
            >>> ck.observe("rate", lambda: 12.5)
            >>> ck.expect_true("rate", lambda r: 0 < r < 100)
            True
        """
        points = _require_points(points)
        if not callable(predicate):
            raise TypeError("predicate must be callable, e.g. lambda v: len(v) > 0")
        obs = self._usable(name, "true", points, zh, en)
        if obs is None:
            return False
        try:
            ok = _bool(predicate(obs.value))
        except Exception as exc:  # noqa: BLE001 - a predicate error is a failed expectation
            ok = False
            zh = _join(zh, f"检查时出错（{_safe_name(_type(exc))}）")
            en = _join(en, f"the check raised {_safe_name(_type(exc))}")
        if ok:
            return self._ok(name, "true", points, f"{name} 符合要求", f"{name} ok")
        return self._fail(
            name,
            "true",
            points,
            zh,
            en,
            f"{name} 不符合要求",
            f"{name} does not meet the requirement",
        )

    def expect_ok(
        self, name: str, *, points: float = 1, zh: str | None = None, en: str | None = None
    ) -> bool:
        """Award points when the observation produced a value without raising.

        Example:
            >>> ck = Checker("q9", points=1)
            >>> ck.observe("run", lambda: "跑通")
            >>> ck.expect_ok("run")
            True
        """
        points = _require_points(points)
        if self._usable(name, "ok", points, zh, en) is None:
            return False
        return self._ok(name, "ok", points, f"{name} 运行成功", f"{name} ran")

    # ------------------------------------------------------------------ scoring

    @property
    def max_score(self) -> float:
        """Sum of the points of every expectation so far."""
        return round(sum(r.possible for r in self.results), 4)

    @property
    def score(self) -> float:
        """Points earned, capped at the cell's ``points``."""
        return round(min(sum(r.earned for r in self.results), self.points), 4)

    def report(self, *, quiet: bool = False) -> float:
        """Print bilingual results (stdout only) and return the points earned.

        Make it the last line of the test cell: nbgrader reads the returned number as the
        cell's partial credit. A score of 0 is returned, never raised.

        Example:
            >>> ck = Checker("q10", points=1)
            >>> ck.observe("x", lambda: 1)
            >>> ck.expect_equal("x", 2, zh="不对", en="wrong")
            False
            >>> ck.report(quiet=True)
            0.0
        """
        score = self.score
        if not quiet:
            lines = [f"[{self.grade_id}] 得分 score: {_fmt(score)} / {_fmt(self.points)}"]
            for r in self.results:
                mark = "✔" if r.passed else "✘"
                pts = f"{_fmt(r.earned)}/{_fmt(r.possible)}"
                lines.append(f"  {mark} ({pts}) {r.zh} | {r.en}")
            _write("\n".join(lines) + "\n")
        return _float(score)


_ZH = {"item": "元素", "key": "键", "value": "值"}


def _fmt(x: float) -> str:
    return _str(_int(x)) if x == _int(x) else f"{x:g}"


def _join(custom: str | None, detail: str) -> str:
    if custom and detail:
        return f"{custom}：{detail}" if not custom.isascii() else f"{custom}: {detail}"
    return custom or detail


def _as_tuple(t: object) -> tuple:
    return t if _type(t) is _tuple else (t,)


def _tag_of_type(t: type) -> str:
    if t in _DICTLIKE:
        return _DICTLIKE[t]
    return _safe_name(t)


def _items(value: object) -> list:
    t = _type(value)
    if t is _dict:
        return _list(value.keys())
    if t in (_list, _tuple):
        return _list(value)
    if t in (_set, _frozenset):
        return sorted(value, key=_sort_key)
    return []


def _keys(value: object) -> list:
    return _list(value.keys()) if _type(value) is _dict else []


def _values(value: object) -> list:
    return _list(value.values()) if _type(value) is _dict else []


def _reorder(value: object, *, as_set: bool) -> object:
    t = _type(value)
    if t in (_list, _tuple, _set, _frozenset):
        items = _list(value)
        if as_set:
            seen: dict[str, object] = {}
            for i in items:
                seen.setdefault(_sort_key(i), i)
            return [seen[k] for k in sorted(seen)]
        return sorted(items, key=_sort_key)
    return value
