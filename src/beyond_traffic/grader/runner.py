"""Grade every submission of an assignment: sandbox in parallel, replay, write, resume."""

from __future__ import annotations

import ast
import copy
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry

from .course import Course, fingerprint, hidden_paths, load_course, read_state, write_state
from .replay import prepare_warmup, replay
from .sandbox import capabilities, cleanup_stale, run_notebook
from .writer import read_notebook, sanitize, write_submission
from .zygote import Zygote

_MAX_OBSERVATION_BYTES = 64 * 1024**2


@dataclass
class Outcome:
    """What happened to one submission (kept in the run summary)."""

    student: str
    status: str  # graded | skipped | broken | failed
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Job:
    student: str
    notebooks: dict[str, NotebookNode | str]  # sanitised notebook, or the reason it is broken
    fingerprint: str


def _error_output(message: str) -> NotebookNode:
    return nbformat.v4.new_output(
        "error", ename="GradingError", evalue=message, traceback=[f"GradingError: {message}"]
    )


def _is_test(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def _placeholder(course: Course, assignment: str, student: str, name: str, why: str):
    """The release notebook with every test cell failing: 0 points and a clear message."""
    release = course.path("release", ".", assignment) / f"{name}.ipynb"
    nb = read_notebook(release)
    nb = sanitize(course, assignment, student, name, nb)
    for cell in nb.cells:
        if _is_test(cell):
            cell.outputs = [_error_output(why)]
    return nb


def _release_files(course: Course, assignment: str) -> list[tuple[Path, str]]:
    base = course.path("release", ".", assignment)
    files = []
    ignore = course.coursedir.ignore + ["*.ipynb"]
    for path in utils.find_all_files(str(base), ignore):
        files.append((Path(path), os.path.relpath(path, base)))
    return files


def _source_files(course: Course, assignment: str) -> list[tuple[Path, str]]:
    base = course.path("source", ".", assignment)
    if not base.is_dir():
        return []
    ignore = course.coursedir.ignore + ["*.ipynb"]
    return [(Path(p), os.path.relpath(p, base)) for p in utils.find_all_files(str(base), ignore)]


def _prepare(course: Course, assignment: str, student: str, names: list[str]) -> _Job:
    folder = course.path("submitted", student, assignment)
    notebooks: dict[str, NotebookNode | str] = {}
    present = sorted(p.name for p in folder.glob("*.ipynb"))
    for name in names:
        path = folder / f"{name}.ipynb"
        if not path.is_file() or path.is_symlink():
            others = ", ".join(present) or "none"
            notebooks[name] = f"notebook {name}.ipynb missing (found: {others})"
            continue
        try:
            nb = read_notebook(path)
            notebooks[name] = sanitize(course, assignment, student, name, nb)
        except Exception as exc:  # noqa: BLE001 - every failure is a message, not a crash
            notebooks[name] = f"{name}.ipynb unreadable: {exc}"
    return _Job(student, notebooks, fingerprint(folder))


def _merge(executed_path: Path, sanitized: NotebookNode, outputs: dict[str, list]):
    """Take student-cell outputs from the sandbox, test-cell outputs only from the replay."""
    final = copy.deepcopy(sanitized)
    executed = None
    try:
        # The sandbox owns this folder: never follow a link it may have planted.
        if (
            not executed_path.is_symlink()
            and executed_path.is_file()
            and executed_path.stat().st_size <= 64 * 1024**2
        ):
            executed = nbformat.read(str(executed_path), as_version=4)
    except Exception:  # noqa: BLE001 - a tampered result only loses student-cell outputs
        executed = None
    same_shape = executed is not None and len(executed.cells) == len(final.cells)
    for i, cell in enumerate(final.cells):
        if cell.cell_type != "code":
            continue
        if _is_test(cell):
            gid = cell.metadata.nbgrader["grade_id"]
            if gid in outputs:
                cell.outputs = [nbformat.from_dict(o) for o in outputs[gid]]
            else:
                cell.outputs = [_error_output("test cell could not be replayed")]
        elif same_shape and executed.cells[i].get("source") == cell.source:
            cell.outputs = executed.cells[i].get("outputs", [])
            cell.execution_count = executed.cells[i].get("execution_count")
    return final


class _Zygotes:
    """One warm sandbox zygote and one replay zygote per worker thread."""

    def __init__(self, preload: list[str], warmup: str | None = None) -> None:
        self._local = threading.local()
        self._all: list[Zygote] = []
        self._lock = threading.Lock()
        self._preload = preload
        self._warmup = warmup

    def get(self) -> tuple[Zygote, Zygote]:
        pair = getattr(self._local, "pair", None)
        if pair is None:
            replay_z = Zygote("replay", preload=self._preload, warmup=self._warmup)
            pair = (Zygote("sandbox"), replay_z)
            self._local.pair = pair
            with self._lock:
                self._all.extend(pair)
        return pair

    def close(self) -> None:
        for z in self._all:
            z.close()


def _imported_modules(tests: dict[str, list[dict]]) -> list[str]:
    """Top-level modules the instructor's test cells import (preloaded for fast replays)."""
    names: list[str] = []
    for cells in tests.values():
        for cell in cells:
            try:
                tree = ast.parse(str(cell["source"]))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.extend(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.append(node.module)
    return sorted(set(names))


def _run_job(
    course: Course,
    assignment: str,
    job: _Job,
    hide: list[Path],
    release: list[tuple[Path, str]],
    source: list[tuple[Path, str]],
    tests: dict[str, list[dict]],
    wall_timeout: float,
    zygotes: _Zygotes,
) -> tuple[dict[str, NotebookNode], list[str]]:
    prepared: dict[str, NotebookNode] = {}
    messages: list[str] = []
    folder = course.path("submitted", job.student, assignment)
    sandbox_z, replay_z = zygotes.get()
    for name, nb in job.notebooks.items():
        if isinstance(nb, str):
            messages.append(nb)
            prepared[name] = _placeholder(course, assignment, job.student, name, nb)
            continue
        scratch = None
        try:
            tmp_nb = Path(_tmp_dir()) / f"bt-in-{os.getpid()}-{id(nb)}.ipynb"
            nbformat.write(nb, str(tmp_nb))
            try:
                result, scratch = run_notebook(
                    tmp_nb,
                    folder,
                    release,
                    hide=hide,
                    cell_timeout=course.cell_timeout,
                    wall_timeout=wall_timeout,
                    kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
                    zygote=sandbox_z,
                )
            finally:
                tmp_nb.unlink(missing_ok=True)
            if result.status != "ok":
                messages.append(f"{name}: {result.status}")
            obs = result.observations
            if obs.is_symlink() or not obs.is_file():
                obs = Path("/nonexistent")
            elif obs.stat().st_size > _MAX_OBSERVATION_BYTES:
                messages.append(f"{name}: observations too large, ignored")
                obs = Path("/nonexistent")
            outputs = replay(tests[name], obs, files=source, zygote=replay_z)
            if len(outputs) < len(tests[name]):
                messages.append(f"{name}: replay incomplete")
            for gid, outs in outputs.items():
                errors = [o.get("ename") for o in outs if o.get("output_type") == "error"]
                if errors:
                    messages.append(f"{name}/{gid}: the replayed test cell raised {errors[0]}")
            prepared[name] = _merge(result.notebook_out, nb, outputs)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
    return prepared, messages


def _tmp_dir() -> str:
    return tempfile.gettempdir()


def _already_done(course: Course, assignment: str, student: str, names: list[str]) -> bool:
    state = read_state(course.state_file(assignment, student))
    folder = course.path("submitted", student, assignment)
    dest = course.path("autograded", student, assignment)
    if state:
        return (
            state.get("state") == "done"
            and state.get("fingerprint") == fingerprint(folder)
            and all((dest / f"{n}.ipynb").is_file() for n in names)
        )
    # Graded earlier by plain nbgrader: skip it the way nbgrader would (unless resubmitted).
    if not all((dest / f"{n}.ipynb").is_file() for n in names):
        return False
    new = course.coursedir.get_existing_timestamp(str(folder))
    old = course.coursedir.get_existing_timestamp(str(dest))
    if new is not None and old is not None and new > old:
        return False
    try:
        with Gradebook(course.db_url, course.coursedir.course_id) as gb:
            gb.find_submission(assignment, student)
    except MissingEntry:
        return False
    return True


def grade_assignment(
    assignment: str,
    *,
    course_root: Path | str | None = None,
    jobs: int | None = None,
    force: bool = False,
    students: list[str] | None = None,
    wall_timeout: float = 900,
    progress: bool = True,
) -> list[Outcome]:
    """Autograde every submission of ``assignment`` into the nbgrader gradebook.

    Args:
        assignment: the assignment name (a folder in ``source/`` and ``submitted/*/``).
        course_root: the course folder (default: current folder).
        jobs: parallel sandboxes (default: number of CPU cores).
        force: regrade submissions that are already autograded.
        students: only these students (default: everyone with a submission).
        wall_timeout: seconds allowed per notebook, kernel start included.
        progress: show a progress bar with ETA on stderr.

    Returns:
        One :class:`Outcome` per student, in name order.

    Raises:
        ValueError: the assignment is not in the gradebook (run generate_assignment first).

    Example:
        >>> grade_assignment("ps1_segment", course_root=".")  # doctest: +SKIP
    """
    if not isinstance(assignment, str) or not assignment:
        raise TypeError("assignment must be a non-empty str, e.g. 'ps1_segment'")
    for noisy in ("traitlets", "nbgrader", "NbGrader", "Autograde", "ReplayAutograde"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
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
    everyone = course.students(assignment)
    if students is not None:
        everyone = [s for s in everyone if s in set(students)]
    outcomes: dict[str, Outcome] = {}
    todo = []
    for student in everyone:
        if not force and _already_done(course, assignment, student, names):
            outcomes[student] = Outcome(student, "skipped", ["already autograded"])
        else:
            todo.append(student)
    tests = {name: course.test_cells(assignment, name) for name in names}
    jobs = jobs or os.cpu_count() or 1
    capabilities()  # probe on the main thread, before any worker exists
    cleanup_stale()
    warm_dir = Path(tempfile.mkdtemp(prefix=f"bt-warmup-{os.getpid()}-"))
    cells = [c for name in names for c in tests[name]]
    warmup = prepare_warmup(warm_dir, cells, _source_files(course, assignment)) if todo else None
    zygotes = _Zygotes(_imported_modules(tests), str(warmup) if warmup else None)
    bar = _progress(len(todo), enabled=progress)
    try:
        _grade_all(course, assignment, names, todo, jobs, outcomes, bar, zygotes, wall_timeout)
    finally:
        zygotes.close()
        bar.close()
        shutil.rmtree(warm_dir, ignore_errors=True)
    return [outcomes[s] for s in sorted(outcomes)]


def _grade_all(course, assignment, names, todo, jobs, outcomes, bar, zygotes, wall_timeout):
    tests = {name: course.test_cells(assignment, name) for name in names}
    hide = hidden_paths(course)
    release = _release_files(course, assignment)
    source = _source_files(course, assignment)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future, tuple[_Job, float]] = {}
        queue = list(todo)

        def submit_next() -> None:
            student = queue.pop(0)
            job = _prepare(course, assignment, student, names)
            fut = pool.submit(
                _run_job,
                course,
                assignment,
                job,
                hide,
                release,
                source,
                tests,
                wall_timeout,
                zygotes,
            )
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


def _finish(course: Course, assignment: str, job: _Job, fut: Future, started: float) -> Outcome:
    state_path = course.state_file(assignment, job.student)
    try:
        prepared, messages = fut.result()
    except Exception as exc:  # noqa: BLE001 - one submission's failure never stops the class
        return Outcome(
            job.student, "failed", [f"grader error: {exc!r}"], time.monotonic() - started
        )
    write_state(state_path, {"state": "started", "fingerprint": job.fingerprint})
    try:
        write_submission(course, assignment, job.student, prepared)
    except Exception as exc:  # noqa: BLE001 - the next run retries (state stays "started")
        return Outcome(job.student, "failed", [str(exc)], time.monotonic() - started)
    write_state(
        state_path,
        {"state": "done", "fingerprint": job.fingerprint, "messages": messages},
    )
    broken = any(isinstance(v, str) for v in job.notebooks.values())
    status = "broken" if broken else "graded"
    return Outcome(job.student, status, messages, time.monotonic() - started)


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
