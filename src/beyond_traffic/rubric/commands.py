"""The ``beyond-traffic rubric sync|export|import|rescore|serve`` and ``report`` subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ASSIGNMENTS = ("ps1_segment", "ps2_count", "ps3_critique", "ps4_capstone")


def add_rubric(sub: argparse._SubParsersAction) -> None:
    """Add ``rubric`` with its actions to the ``beyond-traffic`` parser.

    Example:
        >>> p = argparse.ArgumentParser(); add_rubric(p.add_subparsers())
        >>> p.parse_args(["rubric", "export", "ps3_critique", "--question", "q9_argument",
        ...               "--csv", "评分.csv"]).question
        'q9_argument'
    """
    p = sub.add_parser(
        "rubric",
        help="grade written answers by rubric criteria (page, CSV round trip, sync, rescore)",
        description="Rubrics: instructors/rubrics/ASSIGNMENT.yaml (see docs/instructors.md).",
    )
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    course = {"type": Path, "default": None, "help": "course folder (default: current)"}
    s = acts.add_parser(
        "sync",
        help="write rubric tables, self-assessments and points into "
        "solutions/*/*.py (then jupytext --sync and the release)",
    )
    s.add_argument("assignments", nargs="*", default=list(ASSIGNMENTS))
    s.add_argument("--course", **course)
    s.set_defaults(func=_run_sync)
    e = acts.add_parser("export", help="one question's criterion grades to a CSV")
    e.add_argument("assignment")
    e.add_argument("--question", required=True, help="grade id of the written answer")
    e.add_argument("--csv", type=Path, required=True)
    e.add_argument("--course", **course)
    e.set_defaults(func=_run_export)
    i = acts.add_parser("import", help="criterion grades from a CSV (all rows checked first)")
    i.add_argument("assignment")
    i.add_argument("--csv", type=Path, required=True)
    i.add_argument("--grader", default="csv", help="name recorded with the grades")
    i.add_argument("--course", **course)
    i.set_defaults(func=_run_import)
    r = acts.add_parser("rescore", help="re-score every graded answer after a rubric change")
    r.add_argument("assignment")
    r.add_argument("--course", **course)
    r.set_defaults(func=_run_rescore)
    v = acts.add_parser(
        "serve",
        help="the grading page: on this machine (loopback), or as the hub's service (--hub)",
    )
    v.add_argument("assignments", nargs="*", help="default: every assignment with a rubric")
    v.add_argument("--port", type=int, default=8765, help="local port (127.0.0.1 only)")
    v.add_argument("--grader", default=None, help="name saved with grades (default: OS user)")
    v.add_argument(
        "--hub",
        action="store_true",
        help="run as a JupyterHub service: hub login, graders are the users the hub's role lets in",
    )
    v.add_argument("--course", **course)
    v.set_defaults(func=_run_serve)


def add_report(sub: argparse._SubParsersAction) -> None:
    """Add ``report`` (how each question worked) to the ``beyond-traffic`` parser.

    Example:
        >>> p = argparse.ArgumentParser(); add_report(p.add_subparsers())
        >>> str(p.parse_args(["report", "ps1_segment", "--out", "报告"]).out)
        '报告'
    """
    p = sub.add_parser(
        "report",
        help="HTML report and CSVs: score distributions, difficulty, discrimination, checks",
        description="Reads the gradebook and the autograded notebooks; writes nothing else.",
    )
    p.add_argument("assignment")
    p.add_argument("--out", type=Path, default=None, help="default: reports/ASSIGNMENT/analysis")
    p.add_argument("--course", type=Path, default=None, help="course folder (default: current)")
    p.set_defaults(func=_run_report)


def _fail(args: argparse.Namespace, exc: Exception) -> int:
    name = f"rubric {args.action}" if getattr(args, "action", None) else args.command
    print(f"beyond-traffic {name}: {exc}", file=sys.stderr)
    return 2


def _course(args):
    from ..grader.course import load_course

    return load_course(args.course)


def _run_sync(args: argparse.Namespace) -> int:
    from .notebook import sync_course

    try:
        root = Path(args.course or ".").resolve()
        changed = sync_course(root, args.assignments)
    except (OSError, ValueError) as exc:
        return _fail(args, exc)
    for path in changed:
        print(f"updated {path}: now run jupytext --sync on it and python -m beyond_traffic.release")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from .csvio import export_csv

    try:
        n = export_csv(_course(args), args.assignment, args.question, args.csv)
    except (OSError, ValueError) as exc:
        return _fail(args, exc)
    print(f"{n} students written to {args.csv}")
    return 0


def _run_import(args: argparse.Namespace) -> int:
    from .csvio import import_csv

    try:
        n = import_csv(_course(args), args.assignment, args.csv, grader=args.grader)
    except (OSError, ValueError) as exc:
        return _fail(args, exc)
    print(f"{n} answers graded from {args.csv}")
    return 0


def _run_rescore(args: argparse.Namespace) -> int:
    from .model import load_rubrics
    from .store import open_gradebook, rescore

    try:
        course = _course(args)
        with open_gradebook(course.db_url, course.coursedir.course_id) as gb:
            for rubric in load_rubrics(course.root, args.assignment).values():
                print(f"{rubric.grade_id}: {rescore(gb, rubric)} answers re-scored")
    except (OSError, ValueError) as exc:
        return _fail(args, exc)
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from .app import serve

    try:
        if args.hub and args.grader:
            raise ValueError("--grader is for a local page; under the hub the grader logs in")
        return serve(
            _course(args), args.assignments, port=args.port, grader=args.grader, hub=args.hub
        )
    except (OSError, ValueError) as exc:
        return _fail(args, exc)


def _run_report(args: argparse.Namespace) -> int:
    from .report import write_report

    try:
        course = _course(args)
        out = args.out or course.root / "reports" / args.assignment / "analysis"
        path = write_report(course, args.assignment, out)
    except (OSError, ValueError) as exc:
        return _fail(args, exc)
    print(f"wrote {path} and the CSVs beside it")
    return 0
