"""The Chinese examples in every docstring of the package run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

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
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    if name not in NO_EXAMPLES:  # an example marked +SKIP still counts: it documents the call
        assert any(test.examples for test in tests), f"{name} has no docstring example"
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed (see above)"
