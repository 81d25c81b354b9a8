"""The ``beyond-traffic`` command: one argparse subcommand per job (grade, clean, audit, …)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["main", "build_parser", "register"]

_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def register(add: Callable[[argparse._SubParsersAction], None]) -> Callable:
    """Register a function that adds one subcommand (its parser sets ``func``).

    Example:
        >>> @register  # doctest: +SKIP
        ... def _hello(sub):
        ...     p = sub.add_parser("你好", help="say hello")
        ...     p.set_defaults(func=lambda args: 0)
    """
    _COMMANDS.append(add)
    return add


@register
def _add_grade(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "grade",
        help="autograde every submission of an assignment into the nbgrader gradebook",
        description=(
            "Run in the course folder (the one with nbgrader_config.py). Each submission runs "
            "in a sandbox; test cells are replayed by a trusted process; grades go into "
            "gradebook.db exactly as `nbgrader autograde` writes them."
        ),
    )
    p.add_argument("assignment", help="assignment name, e.g. ps1_segment")
    p.add_argument(
        "--jobs", "-j", type=int, default=None, help="parallel sandboxes (default: cores + 1)"
    )
    p.add_argument("--force", action="store_true", help="regrade submissions already autograded")
    p.add_argument("--student", action="append", dest="students", help="only this student (repeat)")
    p.add_argument("--course", type=Path, default=None, help="course folder (default: current)")
    p.add_argument("--timeout", type=float, default=900, help="seconds per notebook (default 900)")
    p.add_argument("--report-dir", type=Path, default=None, help="default: reports/ASSIGNMENT")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="grade even where no sandbox is available (student code then runs as you)",
    )
    p.set_defaults(func=_run_grade)


def _run_grade(args: argparse.Namespace) -> int:
    try:
        import nbgrader  # noqa: F401 - only to say clearly what is missing
    except ModuleNotFoundError:
        print(
            "beyond-traffic grade needs nbgrader: pip install 'beyond-traffic[grader]'",
            file=sys.stderr,
        )
        return 2
    from .grader.course import load_course
    from .grader.runner import grade_assignment
    from .grader.sandbox import NoSandboxError, capabilities, describe
    from .grader.summary import format_table, write_summary
    from .grader.terminal import printable

    if args.jobs is not None and args.jobs < 1:
        print("--jobs must be >= 1", file=sys.stderr)
        return 2
    try:
        course = load_course(args.course)
        _print_lint(course, args.assignment)
        outcomes = grade_assignment(
            args.assignment,
            course_root=course.root,
            jobs=args.jobs,
            force=args.force,
            students=args.students,
            wall_timeout=args.timeout,
            progress=not args.no_progress,
            allow_unsandboxed=args.unsafe_no_sandbox,
        )
    except (FileNotFoundError, ValueError, TypeError, NoSandboxError) as exc:
        print(f"beyond-traffic grade: {exc}", file=sys.stderr)
        return 2
    out_dir = args.report_dir or course.root / "reports" / args.assignment
    summary = write_summary(course, args.assignment, outcomes, out_dir=out_dir)
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    print(f"{args.assignment}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if counts.get("skipped"):
        print(
            "  skipped: autograded earlier into this gradebook and unchanged since "
            "(--force grades them again)"
        )
    for o in outcomes:
        if o.status in ("broken", "failed") or o.messages and o.status != "skipped":
            print(printable(f"  {o.student}: {o.status}: {'; '.join(o.messages)}"))
    print(format_table(summary))
    print(f"grades: {summary.grades_csv}\nquestions: {summary.questions_csv}")
    if summary.plot_png:
        print(f"plot: {summary.plot_png}")
    print(f"sandbox: {describe(capabilities())}")
    for note in capabilities().notes:
        print(f"note: {note}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _print_lint(course, assignment: str) -> None:
    from .grader.lint import lint_test_cells

    db = course.db_url
    if db.startswith("sqlite:///") and not Path(db[len("sqlite:///") :]).is_file():
        return  # no gradebook yet: grade_assignment explains what to do
    try:
        names = course.notebooks(assignment)
    except Exception:  # noqa: BLE001 - no gradebook yet: grade_assignment says so
        return
    for name in names:
        for warning in lint_test_cells(course.test_cells(assignment, name), notebook=name):
            print(f"warning: {warning}")
    feedback = course.config.get("GenerateFeedback", {}).get("preprocessors", [])
    if not any("ClearHiddenTests" in str(p) for p in feedback):
        print(
            "warning: nbgrader_config.py does not add ClearHiddenTests to "
            "GenerateFeedback.preprocessors: `nbgrader generate_feedback` would show students "
            "the hidden test code (see docs/grading.md)"
        )


@register
def _add_clean(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="print the cleaned text of a scraped article (or of corpus article A1–A5)",
        description="Runs beyond_traffic.clean.clean_text on a UTF-8 file, '-' for stdin.",
    )
    p.add_argument("source", help="a file, '-' for standard input, or a corpus id such as A3")
    p.set_defaults(func=_run_clean)


@register
def _add_audit(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="show what each cleaning step removed or changed",
        description="Without SOURCE: one table for the whole corpus. With SOURCE: one article.",
    )
    p.add_argument("source", nargs="?", help="a file, '-' for standard input, or a corpus id")
    p.add_argument("--examples", type=int, default=3, help="edits shown per step (default 3)")
    p.set_defaults(func=_run_audit)


def _read_source(source: str) -> str:
    """The raw text named by ``source``: a corpus id, ``-`` (stdin) or a UTF-8 file."""
    from .corpus import load_corpus

    ids = {a.id: a for a in load_corpus()}
    if source.upper() in ids:
        return ids[source.upper()].raw
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"no such file or corpus id: {source} (ids: {', '.join(ids)})")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{source} is not UTF-8 text ({exc.reason})") from None


def _run_clean(args: argparse.Namespace) -> int:
    from .clean import clean_text

    try:
        raw = _read_source(args.source)
    except (FileNotFoundError, ValueError) as exc:
        print(f"beyond-traffic clean: {exc}", file=sys.stderr)
        return 2
    print(clean_text(raw))
    _warn_garbled(raw, "clean")
    return 0


def _warn_garbled(raw: str, command: str) -> None:
    """Name on stderr every span that looks mis-decoded: the cleaning keeps them as they are."""
    from .clean import find_garbled
    from .clean.repair import apply_errata

    spans = find_garbled(apply_errata(raw))
    for span in spans:
        print(
            f"beyond-traffic {command}: warning: line {span.line}, column {span.column} looks "
            f"mis-decoded ({', '.join(span.signals)}): {span.text!r}",
            file=sys.stderr,
        )
    if spans:
        print(
            f"beyond-traffic {command}: {len(spans)} span(s) kept as they are; fill in these "
            "lines and add them to data/errata.tsv (garbled, correction, why, article):",
            file=sys.stderr,
        )
        for span in spans:
            print(span.errata_line(), file=sys.stderr)


def _run_audit(args: argparse.Namespace) -> int:
    from .clean import audit, audit_corpus

    if args.source is None:
        table = audit_corpus()
        with_edits = table[table["count"] > 0]
        print(with_edits[["article", "step", "removed", "changed"]].to_string(index=False))
        return 0
    try:
        raw = _read_source(args.source)
    except (FileNotFoundError, ValueError) as exc:
        print(f"beyond-traffic audit: {exc}", file=sys.stderr)
        return 2
    k = max(args.examples, 0)
    result = audit(raw)
    for report in result:
        print(
            f"{report.step}: {report.chars_before} → {report.chars_after} chars, "
            f"{len(report.removed)} removed, {len(report.changed)} changed"
        )
        for old in report.removed[:k]:
            print(f"    − {old!r}")
        for old, new in report.changed[:k]:
            print(f"    {old!r} → {new!r}")
    by_class = ", ".join(f"{kind} {n}" for kind, n in result.furniture_by_class().items())
    print(f"furniture removed by class: {by_class or 'none'}")
    print(f"spans that look mis-decoded: {len(result.garbled)}")
    for span in result.garbled:
        print(
            f"    line {span.line}, column {span.column}: {span.text!r} ({', '.join(span.signals)})"
        )
    _warn_garbled(raw, "audit")
    return 0


@register
def _add_capstone(sub: argparse._SubParsersAction) -> None:
    from .capstone import add_parser

    add_parser(sub)


@register
def _add_solutions(sub: argparse._SubParsersAction) -> None:
    from .selfstudy import add_parser

    add_parser(sub)


@register
def _add_integrity(sub: argparse._SubParsersAction) -> None:
    from .grader.integrity import add_parser

    add_parser(sub)


@register
def _add_markers(sub: argparse._SubParsersAction) -> None:
    from .markers_cli import add_parser

    add_parser(sub)


@register
def _add_student_edition(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "student-edition",
        help="write the student repository: lessons, release, package; no solutions",
        description="Run in the instructors' repository. See docs/jupyterhub.md.",
    )
    p.add_argument("target", type=Path, help="folder to write (empty, or an earlier edition)")
    p.add_argument("--from", dest="root", type=Path, default=Path.cwd(), help="repository")
    p.add_argument("--commit", action="store_true", help="git init (if needed) and commit")
    p.set_defaults(func=_run_student_edition)


def _run_student_edition(args: argparse.Namespace) -> int:
    from .edition import write_edition

    try:
        files = write_edition(args.target, root=args.root, commit=args.commit)
    except (FileNotFoundError, FileExistsError, ValueError) as exc:
        print(f"beyond-traffic student-edition: {exc}", file=sys.stderr)
        return 2
    print(f"{len(files)} files written to {args.target}")
    return 0


@register
def _add_lms_grades(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lms-grades",
        help="grades of one assignment as a CSV an LMS imports (Moodle, Canvas, plain)",
        description="Every student of the gradebook; one who submitted nothing is 'missing'.",
    )
    p.add_argument("assignment", help="assignment name, e.g. ps1_segment")
    p.add_argument("--format", dest="fmt", choices=["csv", "moodle", "canvas"], default="csv")
    p.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    p.add_argument("--course", type=Path, default=None, help="course folder (default: current)")
    p.add_argument(
        "--partial",
        action="store_true",
        help="also export scores of broken submissions and of those awaiting manual grading",
    )
    p.set_defaults(func=_run_lms_grades)


def _run_lms_grades(args: argparse.Namespace) -> int:
    from .lms import count_line, grade_rows, grades_csv

    try:
        rows = grade_rows(args.course, args.assignment, partial=args.partial)
        text = grades_csv(rows, args.assignment, fmt=args.fmt)
    except (FileNotFoundError, ValueError) as exc:
        print(f"beyond-traffic lms-grades: {exc}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    # On stderr, so that stdout stays a clean CSV.
    print(f"{args.assignment}: {count_line(rows, partial=args.partial)}", file=sys.stderr)
    for r in rows:
        if r.status == "broken":
            print(f"  {r.student_id}: {r.message}", file=sys.stderr)
    return 0


@register
def _add_lms_feedback(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lms-feedback",
        help="pack generate_feedback's HTML files into a zip to upload to an LMS",
        description=(
            "For a class without the nbgrader exchange: run `nbgrader generate_feedback "
            "ASSIGNMENT` first. Formats: plain (a folder per student id) or moodle (Moodle's "
            "'Upload multiple feedback files in a zip')."
        ),
    )
    p.add_argument("assignment", help="assignment name, e.g. ps1_segment")
    p.add_argument("--zip", dest="out", type=Path, required=True, help="zip file to write")
    p.add_argument("--format", dest="fmt", choices=["plain", "moodle"], default="plain")
    p.add_argument("--course", type=Path, default=None, help="course folder (default: current)")
    p.set_defaults(func=_run_lms_feedback)


def _run_lms_feedback(args: argparse.Namespace) -> int:
    from .lms import feedback_zip

    try:
        names = feedback_zip(args.course, args.assignment, args.out, fmt=args.fmt)
    except (FileNotFoundError, ValueError) as exc:
        print(f"beyond-traffic lms-feedback: {exc}", file=sys.stderr)
        return 2
    print(f"{len(names)} feedback files written to {args.out}")
    return 0


# Rubric grading and the per-question report live in beyond_traffic.rubric.commands (grader extra).
@register
def _add_rubric_commands(sub: argparse._SubParsersAction) -> None:
    from .rubric.commands import add_report, add_rubric

    add_rubric(sub)
    add_report(sub)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand.

    Example:
        >>> build_parser().parse_args(["grade", "ps1_segment", "--jobs", "2"]).jobs
        2
    """
    parser = argparse.ArgumentParser(
        prog="beyond-traffic", description="流量之外 Beyond Traffic course tools"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in _COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``beyond-traffic`` command; returns the exit status.

    Example:
        >>> main(["--help"])  # doctest: +SKIP
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
