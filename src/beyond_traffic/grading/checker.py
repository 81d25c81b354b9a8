"""``Checker``: the test-cell API that observes student values and scores them, partial credit."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from .calls import traced
from .canonical import SUPPORTED, CanonicalError, Observation, canonicalize, tag_of
from .compare import join_message
from .expectations import Expectations
from .literals import BOOL, DICT, FLOAT, FROZENSET, INT, LIST, SET, STR, TUPLE, TYPE, type_name
from .validate import require_name, require_points
from .wire import OBSERVATIONS_ENV, REPLAY_ENV, replayed, write_record

__all__ = ["Checker", "Result", "vacuous"]


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
    #: An edge case: its points count only when a positive case of the cell passed too.
    edge: bool = field(default=False)


def vacuous(value: object) -> bool:
    """Whether canonical ``value`` is what a zeroed stub returns: 0, "", False, None, empties.

    A container is vacuous when every item (every value, for a dict: a stub keeps the keys) is.

    Example:
        >>> vacuous({"流量": [0.0, ""]}), vacuous(["流量"])
        (True, False)
    """
    t = TYPE(value)
    if t in (LIST, TUPLE, SET, FROZENSET):
        return all(vacuous(v) for v in value)
    if t is DICT:
        return all(vacuous(v) for v in value.values())
    if t in (INT, FLOAT, BOOL):
        return value == 0
    return t is STR and value == "" or value is None


def _write(text: str) -> None:
    # stdout only: nbgrader gives 0 to any test cell that wrote to stderr.
    try:
        out = sys.stdout
        out.write(text)
        out.flush()
    except Exception:  # noqa: BLE001 - a broken stdout must not turn into an error output
        pass


class Checker(Expectations):
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
        self.grade_id = require_name(grade_id, "grade_id")
        self.points = require_points(points)
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
        require_name(name, "name")
        if not callable(producer):
            raise TypeError("producer must be a zero-argument callable, e.g. lambda: q1_tokens")
        if self._replay:
            try:
                self._obs[name] = replayed(self._replay, self.grade_id, name)
            except Exception:  # noqa: BLE001 - an unreadable record scores 0
                self._obs[name] = Observation(error="recorded value unreadable")
            return
        calls: list[str] = []
        if self._record_to:
            # Grading: note the course functions the student's code called (integrity report).
            value, raised, calls = traced(producer)
        else:
            try:
                value, raised = producer(), None
            except BaseException as exc:  # noqa: BLE001 - SystemExit/KeyboardInterrupt score 0
                value, raised = None, exc
        if raised is not None:
            obs = Observation(error=type_name(TYPE(raised)))
        else:
            try:
                tag, data = canonicalize(value)
                obs = Observation(tag=tag, value=data)
            except CanonicalError as exc:
                # The list of supported types is added back when the failure is reported.
                reason = STR(exc.args[0]).split(";")[0]
                obs = Observation(tag=tag_of(value), error=reason[:80])
        self._obs[name] = obs
        if self._record_to:
            try:
                write_record(self._record_to, self.grade_id, name, obs, calls=calls)
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
        edge: bool = False,
    ) -> bool:
        # The instructor's message comes first; the detail never shows the expected value.
        if earned and self._trivial(name):
            earned = 0.0
        self.results.append(
            Result(
                name,
                kind,
                earned,
                points,
                join_message(zh, why_zh),
                join_message(en, why_en),
                False,
                edge,
            )
        )
        return False

    def _trivial(self, name: str) -> bool:
        # What a stub of the right type returns (0, "", same-length lists of zeros, same-key
        # dicts of zeros) shows no work: a check it passes is an edge case, and it earns no
        # partial credit.
        obs = self._obs.get(name)
        return obs is not None and obs.ok and vacuous(obs.value)

    def _ok(
        self, name: str, kind: str, points: float, zh: str, en: str, *, edge: bool = False
    ) -> bool:
        edge = edge or self._trivial(name)
        self.results.append(Result(name, kind, points, points, zh, en, True, edge))
        return True

    def _usable(self, name: str, kind: str, points: float, zh: str | None, en: str | None):
        obs = self.observation(name)
        if not obs.ok:
            reason = obs.error
            if reason.startswith("unsupported type"):
                reason = f"{reason}; supported: {SUPPORTED}"
            self._fail(
                name,
                kind,
                points,
                zh,
                en,
                f"无法取得 {name}：{reason}",
                f"could not get {name}: {reason}",
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

    # ------------------------------------------------------------------ scoring

    @property
    def max_score(self) -> float:
        """Sum of the points of every expectation so far."""
        return round(sum(r.possible for r in self.results), 4)

    @property
    def positive_passed(self) -> bool:
        """Whether a positive case (not an edge case, not a 0-point gate) passed in full."""
        return any(r.passed and not r.edge and r.possible > 0 for r in self.results)

    def _counted(self, r: Result) -> float:
        # An edge case (empty input, nothing to find) is what a stub gets right for free: it
        # earns its points only next to a positive case that needed real work.
        return 0.0 if r.edge and not self.positive_passed else r.earned

    @property
    def score(self) -> float:
        """Points earned, capped at the cell's ``points``; edge cases count with a positive one."""
        return round(min(sum(self._counted(r) for r in self.results), self.points), 4)

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
                pts = f"{_fmt(self._counted(r))}/{_fmt(r.possible)}"
                note = ""
                if r.edge and r.earned and not self.positive_passed:
                    note = "（边界情况，须有一个正常情况也通过才计分 | an edge case counts only "
                    note += "with a positive case）"
                lines.append(f"  {mark} ({pts}) {r.zh} | {r.en}{note}")
            _write("\n".join(lines) + "\n")
        return FLOAT(score)


def _fmt(x: float) -> str:
    return STR(INT(x)) if x == INT(x) else f"{x:g}"
