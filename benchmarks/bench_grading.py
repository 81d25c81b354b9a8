"""Benchmark: sequential ``nbgrader autograde`` vs ``beyond-traffic grade`` on real classes."""

# Usage: ``.venv/bin/python benchmarks/bench_grading.py [--students 20] [--jobs N]
#         [--assignments ps1_segment ps2_count ps3_critique ps4_capstone] [--mini 30]``
#
# For every problem set, both graders get identical copies of one class (reference, blank and the
# partial submissions of tests/submissions/, in turn). The script prints both wall times measured
# in the same run, the speed-up, and whether every score is identical.

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import course_tools as ct  # noqa: E402


def mini_class(root: Path, students: int) -> Path:
    """The tests' mini course with ``students`` honest, partial and empty submissions."""
    course = ct.make_course(root)
    plans = [ct.HONEST, ct.PARTIAL, None]
    for i in range(students):
        answers = plans[i % len(plans)]
        nb = ct.release_notebook(course) if answers is None else ct.answered(course, answers)
        ct.submit(course, f"student{i:03d}", nb)
    return course


def compare(
    course: Path, assignment: str, students: int, jobs: int | None
) -> tuple[float, float, bool]:
    """Grade twin copies with both graders; (plain seconds, ours seconds, identical scores)."""
    ours = course.parent / f"{course.name}-ours"
    shutil.copytree(course, ours)
    start = time.perf_counter()
    ct.nbgrader(course, "autograde", assignment)
    t_plain = time.perf_counter() - start
    start = time.perf_counter()
    extra = ["--jobs", str(jobs)] if jobs else []
    run = ct.beyond_traffic(ours, "grade", assignment, *extra, "--no-progress")
    t_ours = time.perf_counter() - start
    if run.returncode != 0:
        print(run.stdout, run.stderr, sep="\n")
        return t_plain, t_ours, False
    a, b = ct.gradebook_scores(course, assignment), ct.gradebook_scores(ours, assignment)
    return t_plain, t_ours, a == b and len(a) == students


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20, help="per problem set")
    parser.add_argument("--jobs", type=int, default=None, help="default: the grader's own")
    parser.add_argument(
        "--assignments",
        nargs="*",
        default=["ps1_segment", "ps2_count", "ps3_critique", "ps4_capstone"],
    )
    parser.add_argument("--mini", type=int, default=0, help="also the mini course, N students")
    args = parser.parse_args(argv)
    print(f"{'class':16} {'n':>3} {'nbgrader':>10} {'ours':>9} {'speed-up':>9}  identical")
    ok = True
    with tempfile.TemporaryDirectory(prefix="bt-bench-") as tmp:
        classes = []
        for name in args.assignments:
            folder = Path(tmp) / name
            folder.mkdir()
            classes.append((name, ct.real_class(folder, name, REPO, args.students), args.students))
        if args.mini:
            classes.append(("mini", mini_class(Path(tmp) / "mini", args.mini), args.mini))
        for name, course, n in classes:
            t_plain, t_ours, identical = compare(course, name, n, args.jobs)
            ok &= identical
            print(
                f"{name:16} {n:>3} {t_plain:9.1f}s {t_ours:8.1f}s {t_plain / t_ours:8.2f}x"
                f"  {identical}",
                flush=True,
            )
    how = f"--jobs {args.jobs}" if args.jobs else f"(default jobs: {(os.cpu_count() or 1) + 1})"
    print(f"plain: sequential nbgrader autograde; ours: beyond-traffic grade {how}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
