"""The grading contract inside the kernel: ``Checker`` for nbgrader test cells (no nbgrader needed).

``beyond_traffic.grading`` is what test cells import, in the student's kernel and in the grader's
trusted replay; it never imports nbgrader. ``beyond_traffic.grader`` is the other side: it runs a
whole class (sandboxes, replay, gradebook). Modules, lowest first: ``literals`` (real builtin
types), ``canonical`` (student values as plain data), ``wire`` (the observations file),
``compare`` (comparisons and failure details), ``checker`` (the ``Checker`` API).

Example:
    >>> from beyond_traffic.grading import Checker
    >>> ck = Checker("q1_tokens", points=1)
    >>> ck.observe("tokens", lambda: ["流量", "之外"])
    >>> ck.expect_equal("tokens", ["流量", "之外"])
    True
"""

from .canonical import CanonicalError, Observation, canonicalize
from .checker import Checker, Result
from .wire import (
    OBSERVATIONS_ENV,
    REPLAY_ENV,
    ObservationFile,
    decode,
    encode,
    load_observations,
)

__all__ = [
    "Checker",
    "Observation",
    "Result",
    "canonicalize",
    "encode",
    "decode",
    "load_observations",
    "ObservationFile",
    "OBSERVATIONS_ENV",
    "REPLAY_ENV",
    "CanonicalError",
]
