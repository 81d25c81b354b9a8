"""Grade every submission of an assignment: sandbox in parallel, replay, write, resume."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
import warnings
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry

from ..grading.wire import recorded_calls
from .course import (
    Course,
    fingerprint,
    load_course,
    read_state,
    timestamp_problem,
    write_state,
)
from .derive import input_names, refusals
from .events import CellEvent, annotate, cell_events
from .replay import prepare_warmup, replay
from .sandbox import (
    NoSandboxError,
    bounded_jobs,
    capabilities,
    cleanup_stale,
    make_run_dir,
    refusal,
    run_notebook,
)
from .submission import (
    Job,
    is_test,
    kernel_notebook,
    merge,
    placeholder,
    prepare,
    release_files,
    source_files,
)
from .terminal import printable
from .warm import Zygotes, imported_modules, release_imports, seed_home
from .writer import write_submission


@dataclass
class Outcome:
    """What happened to one submission (kept in the run summary)."""

    student: str
    status: str  # graded | skipped | broken | failed
    messages: list[str] = field(default_factory=list)
    #: wall seconds this submission took in its sandbox and replay (not time queued)
    seconds: float = 0.0


def _run_job(
    course: Course,
    assignment: str,
    job: Job,
    ctx: _Context,
    zygotes: Zygotes,
) -> tuple[dict[str, NotebookNode], list[str], float, dict[str, list[str]]]:
    start = time.monotonic()
    prepared: dict[str, NotebookNode] = {}
    messages: list[str] = []
    calls: dict[str, list[str]] = {}  # for the integrity report; never scored
    folder = course.path("submitted", job.student, assignment)
    sandbox_z, replay_z = zygotes.get()
    for name, nb in job.notebooks.items():
        if isinstance(nb, str):
            messages.append(nb)
            prepared[name] = placeholder(course, assignment, job.student, name, nb)
            continue
        kernel_nb = kernel_notebook(nb)
        result = run_notebook(
            kernel_nb,
            folder,
            ctx.release,
            run_dir=ctx.run_dir,
            zygote=sandbox_z,
            cell_timeout=course.cell_timeout,
            wall_timeout=ctx.wall_timeout,
            seeds=ctx.seeds,
            allow_unsandboxed=ctx.allow_unsandboxed,
        )
        events = cell_events(result.notebook)
        try:
            messages.extend(f"{name}: {e.message}" for e in events)
            status = _status_message(result.status, events, ctx.wall_timeout)
            if status:
                messages.append(f"{name}: {status}")
            messages.extend(f"{name}: {note}" for note in result.notes)
            outputs = replay(
                ctx.tests[name],
                result.observations,
                zygote=replay_z,
                run_dir=ctx.run_dir,
                files=ctx.source,
            )
        finally:
            if result.observations is not None:
                calls.update(recorded_calls(str(result.observations)))
                result.observations.unlink(missing_ok=True)
        if len(outputs) < len(ctx.tests[name]):
            messages.append(f"{name}: replay incomplete")
        where = {c.metadata.nbgrader["grade_id"]: i for i, c in enumerate(nb.cells) if is_test(c)}
        for gid, outs in outputs.items():
            errors = [o.get("ename") for o in outs if o.get("output_type") == "error"]
            if errors:
                causes = [e.label for e in events if e.index < where.get(gid, -1)]
                after = f" (after a problem in {', '.join(causes)})" if causes else ""
                messages.append(f"{name}/{gid}: the replayed test cell raised {errors[0]}{after}")
        prepared[name] = merge(result.notebook, kernel_nb, nb, outputs)
        if result.notebook is not None and len(result.notebook.cells) == len(nb.cells):
            annotate(prepared[name], events)
    return prepared, messages, time.monotonic() - start, calls


def _status_message(status: str, events: list[CellEvent], wall_timeout: float) -> str:
    """How the run ended, in words, unless a cell event already says it."""
    kinds = {e.kind for e in events}
    if status == "ok" or (status == "kernel died" and "kernel died" in kinds):
        return ""
    if status == "kernel stopped after a timeout":
        return "the kernel did not answer the interrupt and was stopped; later cells did not run"
    if status == "timeout":
        return (
            f"the notebook ran over {wall_timeout:g} s in all and was stopped; later cells did "
            "not run"
        )
    if status == "kernel died":
        return "the kernel died (out of memory or a crash); later cells did not run"
    return status


def _already_done(
    course: Course, assignment: str, student: str, names: list[str], in_gradebook: set[str]
) -> tuple[bool, str | None]:
    """Whether a submission may be skipped; if not, why it is graded again (or ``None``).

    ``in_gradebook``: the students whose submission of ``assignment`` the gradebook holds.
    """
    state = read_state(course.state_file(assignment, student))
    folder = course.path("submitted", student, assignment)
    dest = course.path("autograded", student, assignment)
    if state:
        if not (
            state.get("state") == "done"
            and state.get("fingerprint") == fingerprint(folder)
            and all((dest / f"{n}.ipynb").is_file() for n in names)
        ):
            return False, None
        # The marker holds for the gradebook it was written for, and only while that gradebook
        # still holds the grades (a switch to PostgreSQL, a new or deleted database).
        earlier = state.get("gradebook")
        if earlier is not None and earlier != course.gradebook_identity:
            return False, (
                f"graded again: the earlier grades went to another gradebook ({earlier}), "
                f"this run writes to {course.gradebook_identity}"
            )
        if student not in in_gradebook:
            return False, (
                f"graded again: the gradebook ({course.gradebook_identity}) has no grades of "
                "this submission"
            )
        return True, None
    # Graded earlier by plain nbgrader: skip it the way nbgrader would (unless resubmitted).
    if not all((dest / f"{n}.ipynb").is_file() for n in names):
        return False, None
    new = course.coursedir.get_existing_timestamp(str(folder))
    old = course.coursedir.get_existing_timestamp(str(dest))
    if new is not None and old is not None and new > old:
        return False, None
    return student in in_gradebook, None


def _gradebook_submissions(course: Course, assignment: str) -> set[str]:
    """The students whose submission of ``assignment`` the gradebook holds (one query)."""
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        try:
            return {sub.student.id for sub in gb.find_assignment(assignment).submissions}
        except MissingEntry:
            return set()


@dataclass
class _Context:
    """What every job of one grading run shares."""

    run_dir: Path
    tests: dict[str, list[dict]]
    release: list[tuple[Path, str]]
    source: list[tuple[Path, str]]
    wall_timeout: float
    seeds: Path | None
    allow_unsandboxed: bool


def _check_leaks(tests: dict[str, list[dict]]) -> None:
    """Refuse to grade when a test cell's shape could hand the kernel more than its inputs."""
    problems = []
    for name, cells in tests.items():
        earlier: set[str] = set()  # inputs earlier test cells left in the same kernel
        for cell in cells:
            try:
                found = refusals(str(cell["source"]), earlier=earlier)
                earlier |= input_names(str(cell["source"]))
            except SyntaxError:
                continue
            problems += [f"{name}/{cell['grade_id']}: {problem}" for problem in found]
    if problems:
        raise ValueError(
            "these test cells could hand the student's kernel more than their inputs; keep only "
            "inputs and observe calls where the kernel runs them (see docs/grading.md):\n  "
            + "\n  ".join(problems)
        )


def grade_assignment(
    assignment: str,
    *,
    course_root: Path | str | None = None,
    jobs: int | None = None,
    force: bool = False,
    students: list[str] | None = None,
    wall_timeout: float = 900,
    progress: bool = True,
    allow_unsandboxed: bool = False,
) -> list[Outcome]:
    """Autograde every submission of ``assignment`` into the nbgrader gradebook.

    Args:
        assignment: the assignment name (a folder in ``source/`` and ``submitted/*/``).
        course_root: the course folder (default: current folder).
        jobs: parallel sandboxes (default: one more than the number of CPU cores).
        force: regrade submissions that are already autograded.
        students: only these students (default: everyone with a submission).
        wall_timeout: seconds allowed per notebook, kernel start included.
        progress: show a progress bar with ETA on stderr.
        allow_unsandboxed: grade even where no sandbox is available (student code then runs
            as you); without it such a machine is refused.

    Returns:
        One :class:`Outcome` per student, in name order.

    Raises:
        ValueError: the assignment is not in the gradebook (run generate_assignment first), or
            a test cell would hand an expected value to the student's kernel.
        NoSandboxError: no sandbox here and ``allow_unsandboxed`` is false.

    Example:
        >>> grade_assignment("ps1_segment", course_root=".")  # doctest: +SKIP
    """
    if not isinstance(assignment, str) or not assignment:
        raise TypeError("assignment must be a non-empty str, e.g. 'ps1_segment'")
    for noisy in ("traitlets", "nbgrader", "NbGrader", "Autograde", "ReplayAutograde"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    # nbgrader's own gradebook code trips SQLAlchemy's "not in session" warning on every write.
    warnings.filterwarnings("ignore", message=".*not in session.*")
    course = load_course(course_root)
    # nbgrader runs `alembic` from PATH when it opens a gradebook: use the one beside us.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    db = course.db_url
    if db.startswith("sqlite:///") and not Path(db[len("sqlite:///") :]).is_file():
        raise ValueError(
            f"no gradebook at {db[len('sqlite:///') :]}: run "
            f"`nbgrader generate_assignment {assignment}` first"
        )
    names = course.notebooks(assignment)
    if not names:
        raise ValueError(
            f"assignment {assignment!r} is not in the gradebook: run "
            f"`nbgrader generate_assignment {assignment}` first"
        )
    caps = capabilities()  # probe on the main thread, before any worker exists
    if (caps.mode == "none" or not caps.bound) and not allow_unsandboxed and not _forced_none():
        raise NoSandboxError(refusal(caps))
    tests = {name: course.test_cells(assignment, name) for name in names}
    _check_leaks(tests)
    everyone = course.students(assignment)
    if students is not None:
        everyone = [s for s in everyone if s in set(students)]
    outcomes: dict[str, Outcome] = {}
    todo = []
    regraded: dict[str, str] = {}
    in_gradebook = set() if force or not everyone else _gradebook_submissions(course, assignment)
    for student in everyone:
        done, why = (
            (False, None)
            if force
            else _already_done(course, assignment, student, names, in_gradebook)
        )
        if done:
            outcomes[student] = Outcome(student, "skipped", ["already autograded"])
        else:
            todo.append(student)
            if why:
                regraded[student] = why
    if not todo:
        return [outcomes[s] for s in sorted(outcomes)]
    # Without a memory cgroup each sandbox may hold its whole limit: fewer run side by side.
    # One more sandbox than cores: a kernel spends part of its time waiting on its messages and
    # on the replay, and the extra one keeps every core busy (a 20-student class on 2 cores:
    # 8 % less wall time than one per core, the same CPU time).
    jobs = bounded_jobs(caps, jobs or (os.cpu_count() or 1) + 1)
    cleanup_stale()
    run_dir = make_run_dir()
    source = source_files(course, assignment)
    try:
        cells = [c for name in names for c in tests[name]]
        warmup = prepare_warmup(run_dir / "warmup", cells, source)
        preload = sorted(
            set(imported_modules(tests)) | set(release_imports(course, assignment, names))
        )
        # The zygotes warm up (imports, tokenizers, the replay's warm-up) while this process
        # seeds the kernels' home and prepares the first submissions.
        zygotes = Zygotes(preload, str(warmup))
        try:
            ctx = _Context(
                run_dir=run_dir,
                tests=tests,
                release=release_files(course, assignment),
                source=source,
                wall_timeout=wall_timeout,
                seeds=seed_home(run_dir),
                allow_unsandboxed=allow_unsandboxed,
            )
            bar = _progress(len(todo), enabled=progress)
            try:
                _grade_all(course, assignment, names, todo, jobs, outcomes, bar, zygotes, ctx)
            finally:
                bar.close()
        finally:
            zygotes.close()
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    for student, why in regraded.items():
        if student in outcomes:
            outcomes[student].messages.insert(0, why)
    return [outcomes[s] for s in sorted(outcomes)]


def _forced_none() -> bool:
    return os.environ.get("BEYOND_TRAFFIC_SANDBOX") == "none"


def _grade_all(course, assignment, names, todo, jobs, outcomes, bar, zygotes, ctx):
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future, tuple[Job, float]] = {}
        queue = list(todo)

        def submit_next() -> None:
            student = queue.pop(0)
            job = prepare(course, assignment, student, names)
            fut = pool.submit(_run_job, course, assignment, job, ctx, zygotes)
            pending[fut] = (job, time.monotonic())

        while queue and len(pending) < jobs * 2:
            submit_next()
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for fut in done:
                job, started = pending.pop(fut)
                outcomes[job.student] = _finish(course, assignment, job, fut, started)
                bar.update(1)
                if queue:
                    submit_next()


def _finish(course: Course, assignment: str, job: Job, fut: Future, started: float) -> Outcome:
    state_path = course.state_file(assignment, job.student)
    try:
        prepared, messages, seconds, calls = fut.result()
    except Exception as exc:  # noqa: BLE001 - one submission's failure never stops the class
        return Outcome(
            job.student, "failed", [f"grader error: {exc!r}"], time.monotonic() - started
        )
    gradebook = course.gradebook_identity
    write_state(
        state_path, {"state": "started", "fingerprint": job.fingerprint, "gradebook": gradebook}
    )
    try:
        write_submission(course, assignment, job.student, prepared)
    except Exception as exc:  # noqa: BLE001 - the next run retries (state stays "started")
        return Outcome(job.student, "failed", [printable(str(exc))], time.monotonic() - started)
    problem = timestamp_problem(course.path("submitted", job.student, assignment))
    if problem:
        messages = [*messages, problem]
    messages = [printable(m) for m in messages]
    broken = any(isinstance(v, str) for v in job.notebooks.values())
    status = "broken" if broken else "graded"
    # The status and messages outlive this run: the summary and lms-grades read them.
    write_state(
        state_path,
        {
            "state": "done",
            "fingerprint": job.fingerprint,
            "gradebook": gradebook,
            "messages": messages,
            "status": status,
            "course_calls": calls,
        },
    )
    return Outcome(job.student, status, messages, seconds)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, *, enabled: bool):
    if not enabled or total == 0:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="份", desc="grading", file=sys.stderr, dynamic_ncols=True)
