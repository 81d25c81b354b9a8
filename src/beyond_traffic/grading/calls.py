"""Which course functions a student's code called while the grader observed it."""

# The integrity report flags answers that hand a "write it yourself" question to the course's own
# implementation. Reading the answer cells finds the usual forms; a name built at run time
# (importlib with a computed string, getattr on a computed name) only shows when the code runs.
# So while the grader's kernel evaluates an ``observe``, a profile hook notes every function of
# the course package entered *directly* from the student's code: from a function the student
# wrote, or from the test cell's lambda under a name other than the function's own (an alias).
# Not noted: calls the course makes internally (a student may use ``load_corpus``, which cleans
# text itself) and the test cell calling a course function by its own name.
#
# This is a flag for the instructor, never a score: the kernel is the student's, and code that
# removes the hook hides its calls. The hook runs only while recording for the grader (never in
# plain nbgrader, Validate or a learner's own run). It costs about one Python call per
# function call made inside the observe (segmenting the whole corpus: 0.11 s becomes 0.26 s), so
# it watches the first MAX_EVENTS events of each observe and then steps aside.

from __future__ import annotations

import os
import sys
from collections.abc import Callable

__all__ = ["MAX_CALLS", "MAX_EVENTS", "traced"]

#: At most this many distinct course functions are kept per observation.
MAX_CALLS = 20
#: Profile events watched per observation; a shortcut shows in its first calls, and a long
#: computation (a bootstrap of the student's own code) then runs without the hook.
MAX_EVENTS = 200_000

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_GRADING_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _in_course(filename: str) -> bool:
    return filename.startswith(_PACKAGE_DIR) and not filename.startswith(_GRADING_DIR)


def _renamed(caller, code) -> bool:
    # A call straight from the test cell's lambda is the student's only when the lambda reached
    # the course function under another name (``q1_strip = strip_pinyin_annotations``).
    names = caller.f_code.co_names
    found = caller.f_globals
    return any(n != code.co_name and getattr(found.get(n), "__code__", None) is code for n in names)


def traced(producer: Callable[[], object]) -> tuple[object, BaseException | None, list[str]]:
    """Call ``producer`` and name the course functions that code outside the course called.

    Args:
        producer: a zero-argument callable (a test cell's ``lambda: q1_strip(...)``).

    Returns:
        ``(value, exception, names)``: the value (``None`` when it raised), the exception or
        ``None``, and the qualified names of course functions entered from outside the package,
        in the order first seen (at most :data:`MAX_CALLS`).

    Example:
        >>> from beyond_traffic.clean import strip_pinyin_annotations as q1_strip  # an alias
        >>> value, error, names = traced(lambda: q1_strip("產(chǎn)業(yè)"))
        >>> value, error, names
        ('產業', None, ['beyond_traffic.clean.ruby.strip_pinyin_annotations'])
    """
    seen: dict[str, None] = {}
    own = getattr(producer, "__code__", None)

    budget = [MAX_EVENTS]  # read at call time, so a test can lower it

    def hook(frame, event, arg):  # noqa: ARG001 - the signature sys.setprofile calls
        budget[0] -= 1
        if budget[0] <= 0:
            sys.setprofile(previous)  # enough seen: the rest of the observe runs at full speed
            return
        if event != "call":
            return
        code = frame.f_code
        if not _in_course(code.co_filename):
            return
        caller = frame.f_back
        if caller is None or _in_course(caller.f_code.co_filename):
            return
        if caller.f_code is own and not _renamed(caller, code):
            return  # the test cell calling a course function by its own name
        if len(seen) < MAX_CALLS:
            module = frame.f_globals.get("__name__", "?")
            seen[f"{module}.{code.co_qualname}"] = None

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        value, error = producer(), None
    except BaseException as exc:  # noqa: BLE001 - the caller records every failure
        value, error = None, exc
    finally:
        sys.setprofile(previous)
    return value, error, list(seen)
