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


def test_every_module_is_found():
    assert {"beyond_traffic.clean", "beyond_traffic.grader.runner"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed (see above)"
