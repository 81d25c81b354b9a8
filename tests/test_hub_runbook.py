"""A term on the hub, as docs/jupyterhub.md tells it: set-up, a PostgreSQL gradebook, updates.

Root only: real Unix accounts, deploy/hub/setup_course.py with the hub venv that
deploy/hub/install.sh builds at $BEYOND_TRAFFIC_PREFIX, and Debian's PostgreSQL started in a
temporary folder the way the how-to's step 1 leaves the system's server (peer authentication on
its Unix socket). The how-to's shell block is read from the document and run as written.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "jupyterhub.md"
PREFIX = Path(os.environ.get("BEYOND_TRAFFIC_PREFIX", "/opt/beyond-traffic"))
VENV_BIN = PREFIX / "venv" / "bin"
# Short, test-only names: created and deleted by this test.
GRADER, TEACHER, STUDENTS = "btr-grader", "btr-teacher", ("btr-s1", "btr-s2")
GROUPS = {"btr-instructors": [TEACHER], "btr-students": list(STUDENTS)}
LATE = "btr-s3"  # joins the students' group after the first set-up
#: The variables the how-to's block sets in its first lines, in order.
HOWTO_VARIABLES = ("PREFIX", "GRADER", "COURSE", "PGSOCKET", "PGPORT", "DB")

pytestmark = pytest.mark.slow


def _require_root() -> None:
    if os.geteuid() == 0:
        return
    message = "the runbook test creates Unix accounts and starts PostgreSQL: run it as root"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _run(cmd: list[str], *, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kill_processes_of(uid: int) -> None:
    """SIGKILL every process owned by ``uid`` (an account this test created), by pid."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


def _delete_accounts() -> None:
    for user in (GRADER, TEACHER, *STUDENTS, LATE):
        try:
            uid = pwd.getpwnam(user).pw_uid
        except KeyError:
            continue
        _kill_processes_of(uid)
        subprocess.run(["userdel", "--remove", user], capture_output=True)
    for group in GROUPS:
        subprocess.run(["groupdel", group], capture_output=True)


def howto_block() -> str:
    """The shell block of the PostgreSQL how-to (the one the document says this test runs)."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(
        r"<!-- tests/test_hub_runbook\.py runs this block[^>]*-->\s*```bash\n(.*?)```", text, re.S
    )
    assert match, f"{DOC.name} has no PostgreSQL how-to block marked for this test"
    return match.group(1)


def with_values(block: str, values: dict[str, str]) -> str:
    """``block`` with the values of its first lines (``NAME=value  # …``) replaced."""
    lines = block.splitlines()
    for i, name in enumerate(HOWTO_VARIABLES):
        assert re.match(rf"{name}=\S+(\s+#.*)?$", lines[i]), f"line {i + 1}: {lines[i]!r}"
        lines[i] = f"{name}={values[name]}"
    assert not re.match(r"[A-Z]+=", lines[len(HOWTO_VARIABLES)]), "a setting the test misses"
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def machine():
    """Accounts, groups, a clone of the repository to set the course up from, PostgreSQL."""
    _require_root()
    if not (VENV_BIN / "nbgrader").exists():
        pytest.fail(f"no hub venv at {PREFIX}: make hub-deps (deploy/hub/install.sh) builds it")
    initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdb:
        pytest.fail("Debian's PostgreSQL is required: apt-get install postgresql")
    pg_bin = Path(initdb[-1]).parent
    _delete_accounts()
    base = Path(tempfile.mkdtemp(prefix="bt-runbook-"))
    base.chmod(0o755)
    (base / "home").mkdir(mode=0o755)
    data, sockets = base / "pg" / "data", base / "pg" / "sockets"
    sockets.mkdir(parents=True)
    shutil.chown(base / "pg", "postgres")
    shutil.chown(sockets, "postgres")
    port = _free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"]
    started = False
    try:
        for group in GROUPS:
            _run(["groupadd", group])
        for user in (GRADER, TEACHER, *STUDENTS, LATE):
            home = base / "home" / user
            _run(
                ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash"]
                + [user]
            )
        for group, users in GROUPS.items():
            for user in users:
                _run(["usermod", "--append", "--groups", group, user])
        # The instructors' repository: a clone, so the test can add a commit to it.
        repo = base / "instructors-repo"
        _run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo)])
        settings = base / "hub.toml"
        settings.write_text(
            "\n".join(
                [
                    'course_id = "beyond-traffic"',
                    f'prefix = "{PREFIX}"',
                    f'state_dir = "{base / "state"}"',
                    f'exchange = "{base / "exchange"}"',
                    f'grader_user = "{GRADER}"',
                    f'course_dir = "{base / "home" / GRADER / "beyond-traffic"}"',
                    'instructors_group = "btr-instructors"',
                    'students_group = "btr-students"',
                ]
            )
            + "\n"
        )
        settings.chmod(0o644)
        # Step 1 of the how-to, as Debian's cluster is set up: peer authentication on the
        # socket, TCP on loopback only.
        _run(
            [*as_postgres, str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres"]
            + ["--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8"]
            + ["--locale=C.UTF-8"]
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off"
        log = base / "pg" / "server.log"
        _run(
            [*as_postgres, str(pg_bin / "pg_ctl"), "-D", str(data), "-o", options, "-l"]
            + [str(log), "-w", "start"]
        )
        started = True
        yield {
            "base": base,
            "repo": repo,
            "settings": settings,
            "course": base / "home" / GRADER / "beyond-traffic",
            "sockets": sockets,
            "port": port,
        }
    finally:
        if started:
            subprocess.run(
                [*as_postgres, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=120,
            )
        _delete_accounts()
        shutil.rmtree(base, ignore_errors=True)


def _setup_course(m: dict, *extra: str) -> str:
    env = {**os.environ, "BEYOND_TRAFFIC_HUB_SETTINGS": str(m["settings"])}
    done = _run(
        [str(VENV_BIN / "python"), "deploy/hub/setup_course.py", "--from", ".", *extra],
        cwd=m["repo"],
        env=env,
    )
    return done.stdout


def _as_grader(m: dict, *cmd: str) -> str:
    env = [
        f"HOME={m['base'] / 'home' / GRADER}",
        f"PATH={VENV_BIN}:/usr/bin:/bin",
        "LANG=C.UTF-8",
        f"BEYOND_TRAFFIC_HUB_SETTINGS={m['settings']}",
    ]
    return _run(["runuser", "-u", GRADER, "--", "env", "-i", *env, *cmd], cwd=m["course"]).stdout


def test_a_term_on_the_hub_as_the_runbook_tells_it(machine):
    m = machine
    course = m["course"]
    local = course / "nbgrader_config_local.py"

    # First set-up: the course folder is a git clone of the repository, owned by the grader.
    first = _setup_course(m)
    assert "written" in first and "2 new in the gradebook" in first, first
    assert (course / ".git").is_dir()
    assert course.stat().st_uid == pwd.getpwnam(GRADER).pw_uid
    assert _as_grader(m, "git", "-C", str(course), "status", "--porcelain") == ""
    # The instructors' own settings in the local config: kept by every later run.
    with open(local, "a", encoding="utf-8") as fh:
        fh.write("c.ExecutePreprocessor.timeout = 99  # an instructor's own setting\n")

    # The PostgreSQL how-to, steps 2-5, as the document writes them.
    values = {
        "PREFIX": str(PREFIX),
        "GRADER": GRADER,
        "COURSE": str(course),
        "PGSOCKET": str(m["sockets"]),
        "PGPORT": str(m["port"]),
        "DB": "bt_runbook",
    }
    script = with_values(howto_block(), values)
    env = {**os.environ, "BEYOND_TRAFFIC_HUB_SETTINGS": str(m["settings"])}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=m["repo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(rf"^{GRADER}$", done.stdout, re.M), "the grader logs in as its own role"
    assert "kept as it is" in done.stdout, "step 5 must not rewrite the local settings"
    text = local.read_text(encoding="utf-8")
    assert "postgresql+psycopg://@/bt_runbook" in text and "timeout = 99" in text

    # The gradebook in PostgreSQL holds the students' group; nothing went to SQLite.
    listed = _as_grader(m, "nbgrader", "db", "student", "list")
    assert all(student in listed for student in STUDENTS), listed
    rows = _run(
        ["runuser", "-u", GRADER, "--", "psql", "-h", str(m["sockets"]), "-p", str(m["port"])]
        + ["-d", "bt_runbook", "-tAc", "SELECT id FROM student ORDER BY id"],
        cwd="/",
    ).stdout.split()
    assert rows == sorted(STUDENTS)

    # A student joins later, the instructors commit a change: the documented update.
    _run(["usermod", "--append", "--groups", "btr-students", LATE])
    (m["repo"] / "course" / "notes_week2.md").write_text("# 第二周说明\n", encoding="utf-8")
    identity = ["-c", "user.name=Teacher", "-c", "user.email=teacher@example.org"]
    _run(["git", "-C", str(m["repo"]), "add", "course/notes_week2.md"])
    _run(["git", "-C", str(m["repo"]), *identity, "commit", "--quiet", "-m", "week 2 notes"])
    updated = _setup_course(m, "--update")
    assert "updated" in updated and "1 new in the gradebook" in updated, updated
    note = course / "course" / "notes_week2.md"
    assert note.read_text(encoding="utf-8") == "# 第二周说明\n"
    assert note.stat().st_uid == pwd.getpwnam(GRADER).pw_uid
    assert "postgresql+psycopg://@/bt_runbook" in local.read_text(encoding="utf-8")
    assert LATE in _as_grader(m, "nbgrader", "db", "student", "list")
    # The grader account itself can work with the checkout (git as the owner).
    assert _as_grader(m, "git", "-C", str(course), "log", "-1", "--format=%s").strip() == (
        "week 2 notes"
    )
    again = _setup_course(m, "--update")
    assert "up to date" in again and "0 new in the gradebook" in again


def test_the_howto_block_is_found_and_sets_exactly_the_expected_values():
    block = howto_block()
    replaced = with_values(block, dict.fromkeys(HOWTO_VARIABLES, "X"))
    assert replaced.splitlines()[: len(HOWTO_VARIABLES)] == [f"{n}=X" for n in HOWTO_VARIABLES]
    # The URL the block writes uses the socket (no password), as the template's comment does.
    assert "postgresql+psycopg://@/$DB?host=$PGSOCKET" in block
    template = (ROOT / "deploy" / "hub" / "setup_course.py").read_text(encoding="utf-8")
    assert "postgresql+psycopg://@/beyond_traffic?host=/var/run/postgresql" in template
