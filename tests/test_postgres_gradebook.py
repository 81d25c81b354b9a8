"""A PostgreSQL gradebook: `beyond-traffic grade`, formgrader and export on a real server.

Debian's PostgreSQL server (``make hub-deps`` / deploy/hub/install.sh installs it) is
initialised in a temporary folder and listens on loopback only. The same class is graded into
SQLite and into PostgreSQL and must get identical scores; two graders writing at the same time
(two ``beyond-traffic grade`` runs, and two formgrader users) lose no grade.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import course_tools as ct
import pytest

pytestmark = pytest.mark.slow

STUDENTS = {
    "alice": ct.HONEST,
    "bob": ct.PARTIAL,
    "carol": None,  # the untouched release
    "dora": {"q1_answer": ct.HONEST["q1_answer"]},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail(
            "Debian's PostgreSQL server is required: make hub-deps (as root) installs it, "
            "or apt-get install postgresql"
        )
    return Path(found[-1]).parent


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL server in a temporary folder, on 127.0.0.1 only; yields its db_url."""
    bin_dir = _pg_bin()
    # initdb refuses root: as root, run the server as Debian's `postgres` account.
    as_root = os.geteuid() == 0
    owner = "postgres" if as_root else pwd.getpwuid(os.geteuid()).pw_name
    prefix = ["runuser", "-u", owner, "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="bt-pg-"))
    base.chmod(0o755)
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir()
    password = secrets.token_urlsafe(16)
    (base / "pw").write_text(password + "\n")
    if as_root:
        shutil.chown(base, owner)
        shutil.chown(sockets, owner)
        shutil.chown(base / "pw", owner)
    port = _free_port()

    def run(*args: str, **kw) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*prefix, *args], capture_output=True, text=True, check=True, timeout=120, **kw
        )

    run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth-host=scram-sha-256",
        "--auth-local=peer",
        f"--pwfile={base / 'pw'}",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off"
    log = base / "server.log"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    try:
        env = {**os.environ, "PGPASSWORD": password}
        for sql in (
            f"CREATE ROLE grader LOGIN PASSWORD '{password}'",
            "CREATE DATABASE gb_sqlite_twin OWNER grader",
            "CREATE DATABASE gb_concurrent OWNER grader",
        ):
            subprocess.run(
                [str(bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
                + ["-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql],
                env=env,
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            )
        yield lambda db: f"postgresql+psycopg://grader:{password}@127.0.0.1:{port}/{db}"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)


def _course(target: Path, db_url: str | None) -> Path:
    """The mini course with six submissions; its gradebook in SQLite or at ``db_url``."""
    shutil.copytree(ct.FIXTURE, target)
    if db_url is not None:
        config = target / "nbgrader_config.py"
        text = config.read_text(encoding="utf-8")
        config.write_text(text + f'\nc.CourseDirectory.db_url = "{db_url}"\n', encoding="utf-8")
    ct.nbgrader(target, "generate_assignment", ct.ASSIGNMENT, "--force")
    for student, answers in STUDENTS.items():
        nb = ct.release_notebook(target) if answers is None else ct.answered(target, answers)
        ct.submit(target, student, nb)
    return target


def _scores(db_url: str) -> dict[str, dict[str, float]]:
    from nbgrader.api import Gradebook

    out: dict[str, dict[str, float]] = {}
    with Gradebook(db_url, "mini") as gb:
        for sub in gb.find_assignment(ct.ASSIGNMENT).submissions:
            out[sub.student.id] = {g.name: g.score for nb in sub.notebooks for g in nb.grades}
    return out


def _export(course: Path) -> dict[str, str]:
    ct.nbgrader(course, "export", "--to", str(course / "export.csv"))
    with open(course / "export.csv", encoding="utf-8") as fh:
        return {r["student_id"]: r["score"] for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def graded(postgres, tmp_path_factory):
    """The same class graded into SQLite and into PostgreSQL with --jobs 2."""
    base = tmp_path_factory.mktemp("pg")
    lite = _course(base / "sqlite", None)
    pg_url = postgres("gb_sqlite_twin")
    pg = _course(base / "postgres", pg_url)
    runs = {}
    for name, course in (("sqlite", lite), ("postgres", pg)):
        runs[name] = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--no-progress")
        assert runs[name].returncode == 0, runs[name].stdout + runs[name].stderr
    return {"sqlite": lite, "postgres": pg, "pg_url": pg_url, "runs": runs}


def test_grade_jobs_2_gives_identical_scores_on_postgres(graded):
    lite = _scores(f"sqlite:///{graded['sqlite'] / 'gradebook.db'}")
    pg = _scores(graded["pg_url"])
    assert set(pg) == set(STUDENTS)
    assert pg == lite
    assert len({tuple(sorted(v.items())) for v in pg.values()}) >= 3  # really different
    assert not (graded["postgres"] / "gradebook.db").exists(), "nothing went to SQLite"
    summary = graded["postgres"] / "reports" / "mini" / "grades.csv"
    with open(summary, encoding="utf-8") as fh:
        assert {r["student"] for r in csv.DictReader(fh)} == set(STUDENTS)


def test_export_and_lms_grades_identical_on_postgres(graded):
    assert _export(graded["postgres"]) == _export(graded["sqlite"])
    out = {}
    for name in ("sqlite", "postgres"):
        run = ct.beyond_traffic(graded[name], "lms-grades", "mini", "--format", "moodle")
        assert run.returncode == 0, run.stderr
        out[name] = run.stdout
    assert out["postgres"] == out["sqlite"] and "Participant" not in out["sqlite"]


def _formgrader(course: Path, tmp_path: Path):
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [
        str(ct.BIN / "jupyter"),
        "server",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course}",
        "--ServerApp.jpserver_extensions=nbgrader.server_extensions.formgrader=True",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**ct.ENV, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"), "HOME": str(tmp_path)}
    log = open(tmp_path / "formgrader.log", "w")
    proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(
                    "formgrader did not start:\n" + (tmp_path / "formgrader.log").read_text()
                )
            time.sleep(0.5)
    return proc, base, token


def _api(base: str, token: str, path: str, *, data: dict | None = None):
    req = urllib.request.Request(
        f"{base}/formgrader/api/{path}",
        data=None if data is None else json.dumps(data).encode(),
        method="GET" if data is None else "PUT",
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read().decode())


def test_formgrader_reads_and_two_graders_write_postgres_at_once(graded, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(graded["postgres"], course)
    proc, base, token = _formgrader(course, tmp_path)
    try:
        subs = {s["student"]: s for s in _api(base, token, f"submissions/{ct.ASSIGNMENT}")}
        lite = _scores(f"sqlite:///{graded['sqlite'] / 'gradebook.db'}")
        for student, row in subs.items():
            assert row["score"] == pytest.approx(sum(v or 0 for v in lite[student].values()))
        # Two graders give every student's answers a manual score at the same time.
        grades = []
        for student in STUDENTS:
            nb = _api(base, token, f"submitted_notebooks/{ct.ASSIGNMENT}/{ct.ASSIGNMENT}")
            sub_id = next(n["id"] for n in nb if n["student"] == student)
            grades += [g for g in _api(base, token, f"grades?submission_id={sub_id}")]
        assert len(grades) >= 2 * len(STUDENTS)
        errors: list[BaseException] = []

        def grader(share: list[dict], points: float) -> None:
            try:
                for g in share:
                    _api(base, token, f"grade/{g['id']}", data={"manual_score": points})
            except BaseException as exc:  # noqa: BLE001 - reported by the main thread
                errors.append(exc)

        halves = (grades[0::2], grades[1::2])
        threads = [
            threading.Thread(target=grader, args=(h, p))
            for h, p in zip(halves, (1.0, 0.5), strict=True)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    from nbgrader.api import Grade, Gradebook

    with Gradebook(graded["pg_url"], "mini") as gb:
        stored = {g.id: g.manual_score for g in gb.db.query(Grade)}
    for half, points in zip(halves, (1.0, 0.5), strict=True):
        assert all(stored[g["id"]] == points for g in half), "a manual grade was lost"


def test_two_grade_runs_at_once_lose_no_grade(postgres, graded, tmp_path):
    """Two TAs grade two halves of the class at the same moment into one PostgreSQL gradebook."""
    url = postgres("gb_concurrent")
    course = _course(tmp_path / "course", url)
    names = sorted(STUDENTS)
    halves = [names[0::2], names[1::2]]
    procs = [
        subprocess.Popen(
            [str(ct.BIN / "beyond-traffic"), "grade", "mini", "--jobs", "1", "--no-progress"]
            + [arg for s in half for arg in ("--student", s)],
            cwd=course,
            env=ct.ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for half in halves
    ]
    outs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    lite = _scores(f"sqlite:///{graded['sqlite'] / 'gradebook.db'}")
    assert _scores(url) == lite
