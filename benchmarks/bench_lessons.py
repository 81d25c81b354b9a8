"""Print how long each lesson takes to run top to bottom, against an empty notebook's run."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from lesson_tools import execute_lesson, lesson_paths  # noqa: E402

BUDGET_SECONDS = 30  # what the course promises a learner per lesson


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        # Baseline: kernel start-up and shutdown alone, measured in this same run.
        empty = Path(tmp) / "empty.ipynb"
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("1"))
        nbformat.write(nb, empty)
        baseline = execute_lesson(empty).seconds
    print(f"{'lesson':<24}{'seconds':>9}{'over baseline':>15}")
    print(f"{'(empty notebook)':<24}{baseline:>9.1f}{0:>15.1f}")
    slow = 0
    for path in lesson_paths(ROOT / "course"):
        seconds = execute_lesson(path).seconds
        slow += seconds > BUDGET_SECONDS
        print(f"{path.stem:<24}{seconds:>9.1f}{seconds - baseline:>15.1f}")
    print(f"lessons over the {BUDGET_SECONDS} s budget: {slow}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
