"""The ``expect_*`` checks a test cell makes on observed values (mixed into ``Checker``)."""

from __future__ import annotations

from collections.abc import Callable

from .canonical import canonicalize, type_tag
from .compare import (
    describe_difference,
    items_of,
    join_message,
    keys_of,
    normalise,
    preview,
    reorder,
    same,
    sort_key,
    values_of,
)
from .literals import BOOL, DICT, FROZENSET, LIST, SET, STR, TUPLE, TYPE, type_name
from .literals import length as size_of
from .validate import require_points

__all__ = ["Expectations"]

_ZH = {"item": "元素", "key": "键", "value": "值"}


def _as_tuple(t: object) -> tuple:
    return t if TYPE(t) is TUPLE else (t,)


def _no_points_on_a_gate(check: str, points: object) -> None:
    """Refuse points on a type or length check: a stub of the right shape would earn them."""
    if points != 0:
        raise ValueError(
            f"{check} is a gate and earns no points (got points={points!r}): drop points=, and "
            "give the points to a check of the value (expect_equal on a computed case); a "
            "failed gate already makes every later check on the name fail"
        )


def _tag_of_type(t: type) -> str:
    # np.float64 asks for what a float observation is tagged with (see canonical.tag_of).
    return type_tag(t)


class Expectations:
    """Every ``expect_*`` method; ``Checker`` supplies observing, recording and scoring.

    Example:
        >>> from beyond_traffic.grading import Checker
        >>> issubclass(Checker, Expectations)
        True
    """

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

        A gate: it earns no points (``points`` other than 0 is refused), and failing it makes
        every later expectation on ``name`` fail, so nothing is compared on a value of the
        wrong shape.

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q3", points=1)
            >>> ck.observe("tokens", lambda: ["直播", "带货"])
            >>> ck.expect_type("tokens", list, item_type=str)
            True
        """
        _no_points_on_a_gate("expect_type", points)
        points = require_points(points)
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
                ("item", item_type, items_of(obs.value)),
                ("key", key_type, keys_of(obs.value)),
                ("value", value_type, values_of(obs.value)),
            ):
                if types is None:
                    continue
                allowed = tuple(_as_tuple(types))
                for i, item in enumerate(items):
                    if TYPE(item) not in allowed:
                        names = "/".join(type_name(t) for t in allowed)
                        problem_zh = f"{name} 的第 {i} 个{_ZH[label]}是 {type_name(TYPE(item))}"
                        problem_zh += f"，应为 {names}"
                        problem_en = f"{name}: {label} {i} is a {type_name(TYPE(item))}"
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
        edge: bool = False,
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
            edge: an edge case (empty input, nothing to find): its points count only when a
                positive case of the same cell passed in full, since a stub gets it for free.
            zh: Chinese message shown on failure.
            en: English message shown on failure.

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q4", points=1)
            >>> ck.observe("words", lambda: ["之外", "流量"])
            >>> ck.expect_equal("words", ["流量", "之外"], ignore_order=True)
            True
        """
        points = require_points(points)
        if tol is not None:
            tol = require_points(tol, "tol")
        rel_tol = require_points(rel_tol, "rel_tol")
        obs = self._usable(name, "equal", points, zh, en)
        if obs is None:
            return False
        _, want = canonicalize(expected)
        got = obs.value
        if strip or casefold:
            got = normalise(got, strip=strip, casefold=casefold)
            want = normalise(want, strip=strip, casefold=casefold)
        if as_set or ignore_order:
            got, want = reorder(got, as_set=as_set), reorder(want, as_set=as_set)
        if same(got, want, tol, rel_tol):
            return self._ok(name, "equal", points, f"{name} 正确", f"{name} is correct", edge=edge)
        dzh, den, ratio = describe_difference(got, want, tol, rel_tol)
        earned = round(points * max(0.0, min(1.0, ratio)), 4) if partial else 0.0
        return self._fail(name, "equal", points, zh, en, dzh, den, earned=earned, edge=edge)

    def expect_len(
        self,
        name: str,
        length: int | None = None,
        *,
        min_len: int | None = None,
        max_len: int | None = None,
        points: float = 0,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check the length of a str, list, tuple, dict or set (exact, or within bounds).

        A gate like :meth:`expect_type`: no points, and failing it makes later checks on
        ``name`` fail.

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q5", points=1)
            >>> ck.observe("top", lambda: ["流量", "平台", "算法"])
            >>> ck.expect_len("top", 3)
            True
        """
        _no_points_on_a_gate("expect_len", points)
        points = require_points(points)
        obs = self._usable(name, "len", points, zh, en)
        if obs is None:
            return False
        if TYPE(obs.value) not in (STR, LIST, TUPLE, DICT, SET, FROZENSET):
            self._gated.add(name)
            return self._fail(
                name,
                "len",
                points,
                zh,
                en,
                f"{name} 没有长度（类型 {obs.tag}）",
                f"{name} has no length (type {obs.tag})",
            )
        n = size_of(LIST(obs.value))
        ok = (length is None or n == length) and (min_len is None or n >= min_len)
        ok = ok and (max_len is None or n <= max_len)
        if ok:
            return self._ok(name, "len", points, f"{name} 长度正确", f"{name} length ok")
        self._gated.add(name)
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
        edge: bool = False,
        partial: bool = False,
        strip: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check that every one of ``items`` occurs in the observed container (or substring).

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q6", points=2)
            >>> ck.observe("kw", lambda: ["流量", "平台", "算法"])
            >>> ck.expect_contains("kw", ["流量", "算法"], points=2)
            True
        """
        points = require_points(points)
        obs = self._usable(name, "contains", points, zh, en)
        if obs is None:
            return False
        _, wanted = canonicalize(items)
        wanted = LIST(items_of(wanted)) if TYPE(wanted) is not STR else [wanted]
        pool = obs.value
        if strip:
            pool = normalise(pool, strip=True, casefold=False)
            wanted = normalise(wanted, strip=True, casefold=False)
        if TYPE(pool) is STR:
            found = [w for w in wanted if TYPE(w) is STR and w in pool]
        elif TYPE(pool) in (LIST, TUPLE, SET, FROZENSET, DICT):
            keys = {sort_key(i) for i in items_of(pool)}
            found = [w for w in wanted if sort_key(w) in keys]
        else:
            found = []
        missing = size_of(wanted) - size_of(found)
        if missing == 0:
            return self._ok(
                name,
                "contains",
                points,
                f"{name} 包含所需各项",
                f"{name} has every item",
                edge=edge,
            )
        earned = round(points * size_of(found) / max(size_of(wanted), 1), 4) if partial else 0.0
        return self._fail(
            name,
            "contains",
            points,
            zh,
            en,
            f"{name} 缺少 {missing} 个应有的项",
            f"{name} lacks {missing} of the required items",
            earned=earned,
            edge=edge,
        )

    def expect_subset(
        self,
        name: str,
        allowed: object,
        *,
        points: float = 1,
        edge: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Check that every observed item is one of ``allowed`` (shows the unexpected ones).

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q7", points=1)
            >>> ck.observe("labels", lambda: ["正面", "负面"])
            >>> ck.expect_subset("labels", {"正面", "负面", "中性"})
            True
        """
        points = require_points(points)
        obs = self._usable(name, "subset", points, zh, en)
        if obs is None:
            return False
        _, allowed_c = canonicalize(allowed)
        keys = {sort_key(i) for i in items_of(allowed_c)}
        if TYPE(obs.value) not in (LIST, TUPLE, SET, FROZENSET, DICT):
            extra = [obs.value]
        else:
            extra = [i for i in items_of(obs.value) if sort_key(i) not in keys]
        if not extra:
            return self._ok(
                name, "subset", points, f"{name} 各项都允许", f"{name} items all allowed", edge=edge
            )
        return self._fail(
            name,
            "subset",
            points,
            zh,
            en,
            f"{name} 含有不允许的项 {preview(extra)}",
            f"{name} has items that are not allowed {preview(extra)}",
        )

    def expect_true(
        self,
        name: str,
        predicate: Callable[[object], object],
        *,
        points: float = 1,
        edge: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Apply an instructor ``predicate`` to the canonical (plain) data; truthy earns points.

        The predicate sees only plain data (a DataFrame arrives as ``{"columns", "index",
        "data"}``); if it raises, the expectation fails.

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q8", points=1)
            >>> ck.observe("rate", lambda: 12.5)
            >>> ck.expect_true("rate", lambda r: 0 < r < 100)
            True
        """
        points = require_points(points)
        if not callable(predicate):
            raise TypeError("predicate must be callable, e.g. lambda v: len(v) > 0")
        obs = self._usable(name, "true", points, zh, en)
        if obs is None:
            return False
        try:
            ok = BOOL(predicate(obs.value))
        except Exception as exc:  # noqa: BLE001 - a predicate error is a failed expectation
            ok = False
            zh = join_message(zh, f"检查时出错（{type_name(TYPE(exc))}）")
            en = join_message(en, f"the check raised {type_name(TYPE(exc))}")
        if ok:
            return self._ok(name, "true", points, f"{name} 符合要求", f"{name} ok", edge=edge)
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
        self,
        name: str,
        *,
        points: float = 1,
        edge: bool = False,
        zh: str | None = None,
        en: str | None = None,
    ) -> bool:
        """Award points when the observation produced a value without raising.

        Example:
            >>> from beyond_traffic.grading import Checker
            >>> ck = Checker("q9", points=1)
            >>> ck.observe("run", lambda: "跑通")
            >>> ck.expect_ok("run")
            True
        """
        points = require_points(points)
        if self._usable(name, "ok", points, zh, en) is None:
            return False
        return self._ok(name, "ok", points, f"{name} 运行成功", f"{name} ran", edge=edge)
