"""Benchmark: plain sequential ``nbgrader autograde`` vs ``beyond-traffic grade`` on one class."""

# Usage: ``.venv/bin/python benchmarks/bench_grading.py [--students 30] [--jobs 2]``
#
# Both graders get identical copies of a class of the tests' mini course; the script prints both
# wall times, the speed-up, and whether every honest score is identical.

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures"))

import course_tools as ct  # noqa: E402


def build_class(root: Path, students: int) -> Path:
    """A released mini course with ``students`` honest, partial and empty submissions."""
    course = ct.make_course(root / "plain")
    plans = [ct.HONEST, ct.PARTIAL, None]
    for i in range(students):
        answers = plans[i % len(plans)]
        nb = ct.release_notebook(course) if answers is None else ct.answered(course, answers)
        ct.submit(course, f"student{i:03d}", nb)
    return course


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bt-bench-") as tmp:
        plain = build_class(Path(tmp), args.students)
        ours = Path(tmp) / "ours"
        shutil.copytree(plain, ours)

        start = time.perf_counter()
        ct.nbgrader(plain, "autograde", "mini")
        t_plain = time.perf_counter() - start

        start = time.perf_counter()
        run = ct.beyond_traffic(ours, "grade", "mini", "--jobs", str(args.jobs), "--no-progress")
        t_ours = time.perf_counter() - start
        if run.returncode != 0:
            print(run.stdout, run.stderr, sep="\n")
            return 1

        a, b = ct.gradebook_scores(plain), ct.gradebook_scores(ours)
        identical = a == b and len(a) == args.students
        print(f"submissions:            {args.students}")
        print(f"nbgrader autograde:     {t_plain:7.1f} s (sequential)")
        print(f"beyond-traffic grade:   {t_ours:7.1f} s (--jobs {args.jobs}, sandboxed + replay)")
        print(f"speed-up:               {t_plain / t_ours:7.2f}x")
        print(f"identical scores:       {identical}")
        return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
