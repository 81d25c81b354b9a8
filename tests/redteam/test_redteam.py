"""Red team: hostile and broken submissions earn nothing, see nothing and harm nobody else."""

from __future__ import annotations

import copy
import csv
import ctypes
import fcntl
import json
import os
import platform
import pty
import resource
import subprocess
import tempfile
import termios
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import course_tools as ct
import nbformat
import pytest

from .redteam_cases import CASES, Case

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
#: The mini course's cell timeout (its nbgrader_config.py) and the grader's grace after it.
CELL_TIMEOUT, GRACE = 20, 20
#: The wall bound per notebook the red-team run is given (--timeout).
WALL_TIMEOUT = 300
#: In the mini course's hidden tests only: no kernel output and no feedback may ever show it.
CANARY = "HIDDEN-CANARY-Q7X"
#: Honest students around the attackers (zz_after is graded after every attack).
HONEST = ("alice", "zz_after")
#: What the sandbox would write on the instructor's terminal (see the terminal_hijack case).
TERMINAL_MARK = "bt-redteam: the sandbox writes"
#: Attacks whose evidence is printed only after a fork (see ONE_PROCESS_NOTE).
NEEDS_FORK = frozenset({"daemon", "zx_cpu_hog"})
#: What the grader prints where no cgroup limits memory and each kernel is one process.
ONE_PROCESS_NOTE = "note: no cgroup limits memory here"
#: A secret in the grader's session keyring (see the session_keyring case).
KEYRING_SECRET = b"KEYRING-SECRET"


def _instructor_session() -> None:
    """In the grader's child: run as an instructor does, on a terminal and in a login session.

    Called after ``setsid`` with the pty's slave as stdin: make it the controlling terminal,
    and join a session keyring holding a secret (what pam_keyinit, Kerberos, AFS or ecryptfs
    leave there). Best effort: a machine that forbids keyrings simply has none to leak.
    """
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    keyctl = {"x86_64": 250, "aarch64": 219}.get(platform.machine())
    add_key = {"x86_64": 248, "aarch64": 217}.get(platform.machine())
    if keyctl and add_key:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall(keyctl, 1, b"bt-redteam-session")  # KEYCTL_JOIN_SESSION_KEYRING
        libc.syscall(
            add_key,
            b"user",
            b"bt-redteam-secret",
            KEYRING_SECRET,
            len(KEYRING_SECRET),
            ctypes.c_long(-3),  # KEY_SPEC_SESSION_KEYRING
        )


def _drain(master: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            return
        if not chunk:
            return
        into.append(chunk)


def _edited(course: Path, case: Case, places: dict[str, str]) -> nbformat.NotebookNode:
    answers = ct.HONEST if case.edit in ("delete_t1", "duplicate") else case.answers
    cells = [c.format(**places) for c in case.cells]
    if case.edit == "append_cell":
        nb = ct.answered(course, answers)
        nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
        return nb
    nb = ct.answered(course, answers, extra_cells=cells)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    if case.edit == "replace_tests":
        for cell in tests:
            cell.source = "2.0"
    elif case.edit == "delete_t1":
        nb.cells = [
            c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "t1_count"
        ]
    elif case.edit == "duplicate":
        nb.cells = [copy.deepcopy(c) for c in nb.cells for _ in range(2)]
        for cell in nb.cells:
            cell.pop("id", None)
        nb.nbformat_minor = 4
    elif case.edit == "kernelspec":
        nb.metadata["kernelspec"] = {"name": "evil", "display_name": "evil", "language": "python"}
    elif case.edit == "fake_test_cell":
        fake = nbformat.v4.new_code_cell("2.0")
        fake.metadata["nbgrader"] = {
            "grade": True,
            "solution": False,
            "locked": True,
            "grade_id": "t1_count",
            "points": 2,
            "schema_version": 3,
        }
        nb.cells.insert(1, fake)
    elif case.edit == "skip_tags":
        for cell in tests:
            cell.metadata["tags"] = ["skip-execution", "raises-exception"]
    return nb


def _huge(course: Path) -> nbformat.NotebookNode:
    nb = ct.answered(course, {})
    nb.cells.append(nbformat.v4.new_code_cell("# " + "流" * (20 * 1024**2)))
    return nb


def _all_outputs(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(str(out.get("text", "")))
            parts.append(str(out.get("data", {})))
            parts.append(str(out.get("evalue", "")) + str(out.get("traceback", "")))
    return "\n".join(parts)


def _build(base: Path) -> dict:
    course = ct.make_course(base / "course")
    private = Path(tempfile.mkdtemp(prefix="bt-host-"))
    host = private / "host-secret.txt"
    host.write_text("HOST-SECRET", encoding="utf-8")
    places = {"course": str(course), "repo": str(REPO), "host": str(host)}
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    ct.submit(course, "carol", ct.release_notebook(course))
    for case in CASES:
        files = case.files
        if case.edit == "bad_timestamp":
            folder = ct.submit(course, case.name, _edited(course, case, places), files=files)
            (folder / "timestamp.txt").write_text("not-a-date", encoding="utf-8")
        elif case.links:
            folder = ct.submit(course, case.name, None, files=files)
            for rel, target in case.links.items():
                (folder / rel).symlink_to(target.format(**places))
        elif case.raw is not None:
            ct.submit(course, case.name, case.raw, files=files)
        elif case.edit == "huge":
            ct.submit(course, case.name, _huge(course), files=files)
        else:
            nb = _edited(course, case, places)
            ct.submit(course, case.name, nb, files=files, name=case.notebook_name)
    ct.submit(course, "zz_after", ct.answered(course, ct.HONEST))
    before = ct.tree_digest(course)
    host_before = host.read_bytes()
    started = time.monotonic()
    # As an instructor runs it: on a terminal of its own (a pty we read), in a login session.
    master, slave = pty.openpty()
    terminal: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(master, terminal), daemon=True)
    reader.start()
    proc = subprocess.Popen(
        [
            *(str(ct.BIN / "beyond-traffic"), "grade", "mini", "--jobs", "2"),
            *("--timeout", str(WALL_TIMEOUT)),
        ],
        cwd=course,
        env=ct.ENV,
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_instructor_session,
    )
    os.close(slave)
    stdout, stderr = proc.communicate(timeout=3000)
    elapsed = time.monotonic() - started
    reader.join(timeout=5)
    os.close(master)
    # Fresh uids of this run, counted from a base derived from the grader's pid.
    base_uid = 210_000 + (proc.pid % 1000) * 200
    ps = subprocess.run(["ps", "-eo", "uid=,args="], capture_output=True, text=True).stdout
    survivors = [
        line for line in ps.splitlines() if base_uid <= int(line.split()[0]) < base_uid + 200
    ]
    ct.nbgrader(course, "generate_feedback", "mini", "--force")
    with open(course / "reports" / "mini" / "grades.csv", encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    return {
        "course": str(course),
        "run": {"returncode": proc.returncode, "stdout": stdout, "stderr": stderr},
        "rows": rows,
        "before": before,
        "host_unchanged": host.read_bytes() == host_before,
        "survivors": survivors,
        "elapsed": elapsed,
        "terminal": b"".join(terminal).decode("utf-8", "replace"),
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The red-team class, graded once per session (shared by xdist workers; read-only)."""
    facts = ct.shared_once(tmp_path_factory, "redteam", _build)
    facts["run"] = SimpleNamespace(**facts["run"])
    facts["course"] = Path(facts["course"])
    return SimpleNamespace(**facts)


def test_there_are_at_least_36_attacks():
    assert len(CASES) >= 36
    assert len({c.name for c in CASES}) == len(CASES)


def test_grader_finishes_and_keeps_course_and_host_intact(graded):
    assert graded.run.returncode == 0, graded.run.stdout + graded.run.stderr
    assert ct.tree_digest(graded.course) == graded.before
    assert graded.host_unchanged
    assert set(graded.rows) == {c.name for c in CASES} | {"alice", "carol", "zz_after"}


def test_honest_neighbours_keep_their_grades(graded):
    scores = ct.gradebook_scores(graded.course)
    for honest in HONEST:
        assert scores[honest]["t1_count"] == 2.0 and scores[honest]["t2_top"] == 3.0, honest
    assert scores["carol"]["t1_count"] == scores["carol"]["t2_top"] == 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_attack_earns_nothing(graded, case):
    scores = ct.gradebook_scores(graded.course)[case.name]
    expected = case.expect or {"t1_count": 0.0, "t2_top": 0.0}
    assert {k: scores[k] for k in expected} == expected, case.what
    assert graded.rows[case.name]["status"] == case.expect_status
    if case.expect_status == "broken":
        assert graded.rows[case.name]["message"], "a broken submission needs a clear message"


@pytest.mark.parametrize("case", [c for c in CASES if c.evidence], ids=lambda c: c.name)
def test_the_attack_ran_and_found_nothing(graded, case):
    path = graded.course / "autograded" / case.name / "mini" / "mini.ipynb"
    outputs = _all_outputs(nbformat.read(path, as_version=4))
    if case.name in NEEDS_FORK and ONE_PROCESS_NOTE in graded.run.stdout:
        # Graded by an ordinary user without a cgroup: each kernel is one process, so the
        # attack's first fork is refused before its marker.
        assert "Operation not permitted" in outputs, case.what
        return
    assert case.evidence in outputs, case.what


def test_no_hidden_expectation_reaches_any_output_or_feedback(graded):
    for path in (graded.course / "autograded").rglob("*.ipynb"):
        assert CANARY not in _all_outputs(nbformat.read(path, as_version=4)), path
    feedback = list((graded.course / "feedback").rglob("*.html"))
    assert len(feedback) >= len(CASES) - 8  # broken notebooks may have none
    for path in feedback:
        assert CANARY not in path.read_text(encoding="utf-8", errors="replace"), path


def test_time_is_held_for_every_submission(graded):
    # Properties, not wall time (a busy machine stretches every start-up): a cell that never
    # returns is stopped by the cell timeout and the grace after its interrupt, never by the
    # notebook's wall bound, and nothing outlives that bound.
    stopped = graded.rows["never_returns"]["message"]
    assert "ran over" in stopped and "did not answer the interrupt" in stopped, stopped
    for student, row in graded.rows.items():
        # the notebook's wall bound, in the words grades.csv uses for it
        assert "s in all and was stopped" not in row["message"], (student, row["message"])
        assert float(row["seconds"]) < WALL_TIMEOUT + GRACE, (student, row["seconds"])


def test_no_process_of_any_sandbox_survives(graded):
    assert graded.survivors == []


def test_containment_evidence_in_the_outputs(graded):
    def text(student):
        path = graded.course / "autograded" / student / "mini" / "mini.ipynb"
        return _all_outputs(nbformat.read(path, as_version=4))

    assert "LEAKED 0 False" in text("read_solutions")
    assert "NETWORK []" in text("network")
    assert "VANDAL []" in text("vandal")
    forked = text("fork_bomb").split("FORKED")[1].split()[0]
    assert int(forked) < 300
    memory = text("memory_and_disk")
    assert "MEMORY refused" in memory and "DISK refused" in memory
    filled = int(text("disk_bomb").split("FILLED")[1].split()[0])
    assert filled < 400, "the work folder and /tmp are size-limited tmpfs"
    for flood in ("huge_output", "display_update_flood"):
        size = (graded.course / "autograded" / flood / "mini" / "mini.ipynb").stat().st_size
        assert size < 12 * 1024**2, (flood, size)
    assert "CONFIG RAN" not in text("planted_ipython_config")
    assert "STARTUP RAN" not in text("planted_ipython_config")


def test_the_sandbox_never_reaches_the_instructors_terminal_or_keyring(graded):
    assert TERMINAL_MARK not in graded.terminal
    assert "bt-redteam typed this" not in graded.terminal
    for student in ("terminal_hijack", "session_keyring"):
        path = graded.course / "autograded" / student / "mini" / "mini.ipynb"
        assert KEYRING_SECRET.decode() not in _all_outputs(nbformat.read(path, as_version=4))


def test_student_text_reaches_the_terminal_without_escape_sequences(graded):
    for stream in (graded.run.stdout, graded.run.stderr, graded.terminal):
        assert "\x1b]0;OWNED" not in stream and "\x1b[2J" not in stream


def test_symlinks_do_not_copy_solutions_into_autograded(graded):
    folder = graded.course / "autograded" / "symlinks" / "mini"
    assert folder.is_dir()
    for path in folder.rglob("*"):
        assert not path.is_symlink()
        if path.is_file():
            assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8", errors="replace")


def test_the_run_left_nothing_in_the_shared_temp_folder(graded):
    leftovers = [p for p in Path(tempfile.gettempdir()).glob("bt-grader-*") if _dead(p)]
    assert leftovers == []


def _dead(path: Path) -> bool:
    pid = int(path.name.split("-")[2])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


#: One-character markdown cells in a notebook under the 50 MB limit (about 45 MB).
MANY_CELLS = 600_000


def test_a_notebook_of_many_tiny_cells_is_graded_within_its_time_bound(tmp_path):
    """The grader's own work on a submission (read, validate, sanitise, derive, merge, write)
    runs outside the sandbox and its timeouts: it must stay small beside ``--timeout``.

    Found in review: 600,000 one-character markdown cells (45 MB) kept a run with
    ``--timeout 60`` busy for 7 minutes, the grader's own process growing to 3.9 GB; most of
    it in nbformat validation and nbgrader's preprocessors, none of it under any limit.
    """
    course = ct.make_course(tmp_path / "course")
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    nb = json.loads(nbformat.writes(ct.answered(course, {})))
    nb["cells"][1:1] = [
        {"cell_type": "markdown", "id": f"m{i}", "metadata": {}, "source": "x"}
        for i in range(MANY_CELLS)
    ]
    ct.submit(course, "many_cells", json.dumps(nb))
    timeout = 60
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--timeout", str(timeout))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert run.returncode == 0, run.stdout + run.stderr
    scores = ct.gradebook_scores(course)
    assert scores["alice"]["t1_count"] == 2.0 and scores["alice"]["t2_top"] == 3.0
    assert scores["many_cells"]["t1_count"] == scores["many_cells"]["t2_top"] == 0.0
    # CPU seconds of the grader and everything it started, not wall time (a busy machine
    # stretches wall time, not work): the notebook's own bound, then start-up, the honest
    # neighbour, replay and writing. The run found in review spent about 420 s.
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert spent < timeout + 120, spent
