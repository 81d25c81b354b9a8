"""The Chinese examples in every docstring of the package run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import sys

import pytest

import beyond_traffic

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(beyond_traffic.__path__, prefix="beyond_traffic.")
    if not info.name.endswith("__main__")
)


#: Modules with no example of their own: a package marker and two that only make sense inside
#: a running grader (their behaviour is tested end to end in tests/test_grader.py).
NO_EXAMPLES = {
    "beyond_traffic.grader",
    "beyond_traffic.grader.execute",
    "beyond_traffic.grader.writer",
}


def test_every_module_is_found():
    assert {"beyond_traffic.clean", "beyond_traffic.grader.runner"} <= set(MODULES)
    assert NO_EXAMPLES <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(module, name)
    # Run in a forked child: an example may change the process itself (the grader's
    # set_limits lowers rlimits for good), and later tests in this worker must not inherit that.
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status
        code = 1
        try:
            for test in tests:
                runner.run(test)
            code = min(runner.summarize(verbose=False).failed, 100)
        finally:
            sys.stdout.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    failed = os.waitstatus_to_exitcode(status)
    result = doctest.TestResults(failed, sum(len(test.examples) for test in tests))
    if name not in NO_EXAMPLES:  # an example marked +SKIP still counts: it documents the call
        assert any(test.examples for test in tests), f"{name} has no docstring example"
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed (see above)"
