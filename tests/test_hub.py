"""A class on a real JupyterHub, end to end, on loopback, driven in Debian Chromium.

deploy/hub/install.sh (the project's command) provides the venv and configurable-http-proxy;
the test creates real Unix accounts (root only), runs deploy/hub/setup_course.py, starts
JupyterHub with deploy/hub/jupyterhub_config.py, and then:

student 1 logs in on the hub's login page → Assignments tab → Fetch ps1_segment → answers one
question in the notebook → Submit; student 2 then submits the blank release under student 1's
id from a terminal (``nbgrader submit --student``); the instructor (the grader account, as in a
terminal of the formgrader service) collects — the forged submission is refused, reported, and
student 1's own is collected —, grades with ``beyond-traffic grade``, generates and releases
feedback; student 1 fetches the feedback and sees the score; student 2, who submitted nothing
of their own, is missing, not an error; an instructor sees the gradebook in formgrader, a
student may not. Screenshots of every step go to tests/artifacts/hub/.
"""

from __future__ import annotations

import csv
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PREFIX = Path(os.environ.get("BEYOND_TRAFFIC_PREFIX", "/opt/beyond-traffic"))
VENV_BIN = PREFIX / "venv" / "bin"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts" / "hub"
ASSIGNMENT = "ps1_segment"
COURSE = "beyond-traffic"
RUBRIC = f"rubric-{COURSE}"  # the rubric grading page's service
# Short, test-only names: created and deleted by this test.
GRADER, TEACHER, STUDENT, ABSENT = "btt-grader", "btt-teacher", "btt-s1", "btt-s2"
GROUPS = {"btt-instructors": [TEACHER], "btt-students": [STUDENT, ABSENT]}
#: The whole test must end well inside this (seconds); each wait has its own smaller bound.
BUDGET = 420

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _require_root() -> None:
    if os.geteuid() == 0:
        return
    message = "the hub test creates Unix accounts and starts a hub with PAM: run it as root"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_ports(n: int) -> list[int]:
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def _run(cmd: list[str], *, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if out.returncode != 0:
        raise AssertionError(
            f"{' '.join(cmd)} failed ({out.returncode}):\n"
            f"{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
        )
    return out


def _delete_accounts() -> None:
    for user in (GRADER, TEACHER, STUDENT, ABSENT):
        try:
            uid = pwd.getpwnam(user).pw_uid
        except KeyError:
            continue
        _kill_processes_of(uid)
        subprocess.run(["userdel", "--remove", user], capture_output=True)
    for group in GROUPS:
        subprocess.run(["groupdel", group], capture_output=True)


def _kill_processes_of(uid: int) -> None:
    """SIGKILL every process owned by ``uid`` (an account this test created), by pid."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                os.kill(int(entry.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            pass


class Hub:
    """Paths, passwords and helpers of one running hub."""

    def __init__(self, base: Path, settings: Path, url: str, passwords: dict[str, str]):
        self.base = base
        self.settings = settings
        self.url = url
        self.passwords = passwords
        self.course_dir = base / "home" / GRADER / "beyond-traffic"
        self.log = base / "hub.log"

    def as_grader(self, command: str, *, timeout: float = 300) -> subprocess.CompletedProcess:
        """A shell command as the grader account in the course folder, as in its terminal."""
        env = {
            "HOME": str(self.base / "home" / GRADER),
            "USER": GRADER,
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "BEYOND_TRAFFIC_HUB_SETTINGS": str(self.settings),
        }
        return _run(
            ["runuser", "-u", GRADER, "--", "env", "-i", *(f"{k}={v}" for k, v in env.items())]
            + ["bash", "-c", f"cd {self.course_dir} && {command}"],
            timeout=timeout,
        )

    def log_tail(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return "(no hub log)"


def _lift_limits() -> None:
    """Undo resource limits left on this worker process, or say clearly that they are there.

    The hub, the proxy, every server and Chromium inherit them, and Chromium dies at start
    (SIGTRAP) under an address-space limit such as the grader's 3 GB sandbox limit. Raising a
    hard limit needs CAP_SYS_RESOURCE, which some containers withhold even from root.
    """
    import resource

    for which in (resource.RLIMIT_AS, resource.RLIMIT_FSIZE, resource.RLIMIT_CPU):
        try:
            resource.setrlimit(which, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except (ValueError, OSError):
            pass
    if resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY:
        pytest.fail(
            "this test process has an address-space limit (an earlier test applied sandbox "
            "limits to the process itself); Chromium and the hub cannot run under it"
        )


@pytest.fixture(scope="module")
def hub():
    _require_root()
    _lift_limits()
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required: apt-get install chromium (make test does it)")
    started = time.monotonic()
    # The project's own install step (a no-op when the venv is current): venv + proxy + nbgrader.
    _run(["bash", str(ROOT / "deploy" / "hub" / "install.sh")], timeout=900)
    install_seconds = time.monotonic() - started
    _delete_accounts()
    # Not under pytest's tmp_path: that is mode 700 under /tmp/pytest-of-root, and the students'
    # servers must reach their homes and the exchange.
    base = Path(tempfile.mkdtemp(prefix="bt-hub-"))
    base.chmod(0o755)
    (base / "home").mkdir(mode=0o755)
    passwords = {u: secrets.token_urlsafe(12) for u in (TEACHER, STUDENT, ABSENT)}
    proc = None
    try:
        for group in GROUPS:
            _run(["groupadd", group])
        for user in (GRADER, TEACHER, STUDENT, ABSENT):
            _run(
                [
                    "useradd",
                    "--create-home",
                    "--home-dir",
                    str(base / "home" / user),
                    "--shell",
                    "/bin/bash",
                    user,
                ]
            )
        for group, users in GROUPS.items():
            for user in users:
                _run(["usermod", "--append", "--groups", group, user])
        _run(["chpasswd"], input="".join(f"{u}:{p}\n" for u, p in passwords.items()))
        _quiet_lab_settings(base / "home" / STUDENT, STUDENT)
        port, hub_port, api_port, service_port, rubric_port = _free_ports(5)
        settings = base / "hub.toml"
        settings.write_text(
            "\n".join(
                [
                    f'course_id = "{COURSE}"',
                    f'prefix = "{PREFIX}"',
                    f'state_dir = "{base / "state"}"',
                    f'exchange = "{base / "exchange"}"',
                    f'grader_user = "{GRADER}"',
                    f'course_dir = "{base / "home" / GRADER / "beyond-traffic"}"',
                    'instructors_group = "btt-instructors"',
                    'students_group = "btt-students"',
                    'ip = "127.0.0.1"',
                    f"port = {port}",
                    f"hub_port = {hub_port}",
                    f"proxy_api_port = {api_port}",
                    f"service_port = {service_port}",
                    f"rubric_port = {rubric_port}",
                ]
            )
            + "\n"
        )
        settings.chmod(0o644)
        _run(
            [
                str(VENV_BIN / "python"),
                str(ROOT / "deploy" / "hub" / "setup_course.py"),
                "--from",
                str(ROOT),
                "--settings",
                str(settings),
            ],
            timeout=300,
        )
        h = Hub(base, settings, f"http://127.0.0.1:{port}", passwords)
        # The instructor releases ps1 (gradebook entry + exchange), as in the formgrader's terminal.
        h.as_grader(
            f"python -m beyond_traffic.release {ASSIGNMENT} --quiet"
            f" && nbgrader release_assignment {ASSIGNMENT}"
        )
        log = open(h.log, "w")
        proc = subprocess.Popen(
            [
                str(VENV_BIN / "jupyterhub"),
                "-f",
                str(ROOT / "deploy" / "hub" / "jupyterhub_config.py"),
            ],
            cwd=base,
            env={**os.environ, "BEYOND_TRAFFIC_HUB_SETTINGS": str(settings)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_http(f"{h.url}/hub/api/", proc, h, timeout=90)
        _wait_http(f"{h.url}/services/{COURSE}/", proc, h, timeout=90, ok=(200, 302, 401, 403))
        _wait_http(f"{h.url}/services/{RUBRIC}/", proc, h, timeout=90, ok=(200, 302, 401, 403))
        h.setup_seconds = time.monotonic() - started
        h.install_seconds = install_seconds
        yield h
    finally:
        if proc is not None:
            # SIGTERM: the hub stops every user's server, the grader service and the proxy.
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=45)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        _delete_accounts()
        _kill_leftover_proxy(base)
        shutil.rmtree(base, ignore_errors=True)


def _kill_leftover_proxy(base: Path) -> None:
    """The proxy runs as root in the hub's session; if the hub died first, end it by pid."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if "configurable-http-proxy" in cmdline and cwd == str(base):
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


def _quiet_lab_settings(home: Path, user: str) -> None:
    """The student's own JupyterLab preference: render every cell (no windowing)."""
    target = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
    target.mkdir(parents=True)
    (target / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    pw = pwd.getpwnam(user)
    for path in [home / ".jupyter", *sorted((home / ".jupyter").rglob("*"))]:
        os.chown(path, pw.pw_uid, pw.pw_gid)


def _wait_http(url: str, proc, hub: Hub, *, timeout: float, ok=(200,)) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterHub exited ({proc.returncode}):\n{hub.log_tail()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status in ok:
                    return
        except urllib.error.HTTPError as e:
            if e.code in ok:
                return
            last = e
        except OSError as e:
            last = e
        time.sleep(0.5)
    pytest.fail(f"{url} not ready after {timeout}s ({last}):\n{hub.log_tail()}")


def _reference_answer() -> tuple[str, str, float]:
    """One question the student answers: (answer cell id, code, points of its test cell).

    The first answer cell of the instructors' notebook whose solution names no other
    question's answer (so it scores on its own), with nbgrader's markers removed.
    """
    nb = nbformat.read(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    cells = nb.cells
    for i, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if (
            cell.cell_type != "code"
            or not meta.get("solution")
            or "### BEGIN SOLUTION" not in cell.source
        ):
            continue
        lines = cell.source.splitlines()
        begin = next(k for k, ln in enumerate(lines) if ln.strip() == "### BEGIN SOLUTION")
        end = next(k for k, ln in enumerate(lines) if ln.strip() == "### END SOLUTION")
        solution = "\n".join(lines[begin + 1 : end])
        own = set(re.findall(r"\bq\d+_\w+", "\n".join(lines[:begin])))
        if set(re.findall(r"\bq\d+_\w+", solution)) - own:
            continue
        # Placeholders before the solution stay; nbgrader's markers go.
        code = "\n".join(lines[:begin] + lines[begin + 1 : end] + lines[end + 1 :])
        test = next(c for c in cells[i + 1 :] if c.metadata.get("nbgrader", {}).get("grade"))
        return meta["grade_id"], code, float(test.metadata["nbgrader"]["points"])
    raise AssertionError(f"no self-contained question in {ASSIGNMENT}")


def _launch(pw):
    # Chromium now and then dies at start-up (SIGTRAP) on a machine crowded with other test
    # runs; that says nothing about the hub, so a second start is allowed, never a third.
    from playwright.sync_api import Error

    for attempt in (1, 2):
        try:
            return pw.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
        except Error as exc:
            if attempt == 2:
                raise
            print(f"chromium did not start, trying once more: {str(exc)[:300]}", file=sys.stderr)
            time.sleep(2)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _login(page, hub: Hub, user: str) -> None:
    page.goto(f"{hub.url}/hub/login", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", hub.passwords[user])
    _shot(page, f"login_{user}")
    page.click("#login_submit")


def _wait_lab(page) -> None:
    """JupyterLab is up when its menu bar shows nbgrader's menu (whatever tabs it restored)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Nbgrader$")).wait_for(
        timeout=120_000
    )


def _open_assignments(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Nbgrader$")).click()
    page.locator(".lm-Menu-itemLabel", has_text="Assignment List").first.click()
    page.wait_for_selector("#released_assignments_list, .assignment-list", timeout=30_000)


def _refresh_assignments(page) -> None:
    page.locator("#refresh_assignments_list, button[title*='Refresh']").first.click()


def _notebook_id(hub: Hub) -> str:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{hub.course_dir / 'gradebook.db'}", COURSE) as gb:
        return gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, STUDENT).id


def _gradebook_total(hub: Hub, student: str) -> float | None:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{hub.course_dir / 'gradebook.db'}", COURSE) as gb:
        try:
            return gb.find_submission(ASSIGNMENT, student).score
        except MissingEntry:
            return None


#: Appended to the student's answer: an output that would run script in whoever views it.
PROBE = (
    "\nfrom IPython.display import HTML, display\n"
    "display(HTML('<b>探针</b><script>window.btPwned = 1</script>'))"
)


def test_the_hub_venv_runs_what_a_class_needs():
    """The venv install.sh built at $BEYOND_TRAFFIC_PREFIX: lab extensions, nbgrader, kernel."""
    if not (VENV_BIN / "python").exists():
        _require_root()
        pytest.fail(f"no hub venv at {PREFIX}: make hub-deps (deploy/hub/install.sh) builds it")
    listed = _run([str(VENV_BIN / "jupyter"), "labextension", "list"])
    extensions = re.sub(r"\x1b\[[0-9;]*m", "", listed.stdout + listed.stderr)
    assert re.search(r"@jupyter/nbgrader v\S+ enabled OK", extensions), extensions
    # Students get the Assignments tab; the instructors' tools are off at the venv level.
    disabled = set(extensions.split("Disabled extensions:")[1].split())
    tools = {f"@jupyter/nbgrader:{p}" for p in ("formgrader", "create-assignment", "course-list")}
    assert tools <= disabled and "@jupyter/nbgrader:assignment-list" not in disabled
    version = _run([str(VENV_BIN / "nbgrader"), "--version"])
    assert re.search(r"\d+\.\d+", version.stdout + version.stderr)
    kernel = _run([str(VENV_BIN / "python"), "-m", "ipykernel", "--version"])
    assert re.match(r"\d+\.\d+", kernel.stdout.strip())
    _run([str(VENV_BIN / "python"), "-c", "import beyond_traffic.exchange, psycopg"])


def test_a_class_on_jupyterhub_end_to_end(hub):
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    answer_id, answer_code, points = _reference_answer()
    answer_code += PROBE
    with sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        page.set_default_timeout(60_000)
        try:
            _student_fetches_answers_and_submits(page, hub, answer_id, answer_code)
            grading = _instructor_collects_grades_and_returns_feedback(hub)
            score_text = _student_reads_feedback(page, hub)
            _instructor_sees_formgrader_student_does_not(browser, hub)
            rubric_graded = _instructor_grades_by_rubric_student_refused(browser, hub)
        except Exception:
            _shot(page, "failure")
            print(hub.log_tail(), file=sys.stderr)
            raise
        finally:
            browser.close()
    total = _gradebook_total(hub, STUDENT)
    assert total == pytest.approx(points), f"answered {answer_id} ({points} points), got {total}"
    # The score the student reads is the gradebook's, and the answered question earned it.
    shown = re.search(r"\(Score: ([\d.]+) / ([\d.]+)\)", score_text)
    assert shown, score_text[:500]
    assert float(shown.group(1)) == pytest.approx(total) and total > 0
    assert grading["sandbox"] == "bwrap"
    # The rubric page's save, as the hub user who logged in (no header names the grader).
    assert rubric_graded == {"grader": TEACHER, "version": 1, "score": 0.0}
    # The student who submitted nothing: no error, and "missing" wherever students are listed.
    assert grading["absent_in_grade_output"] is False
    assert (
        grading["export"][ABSENT]["timestamp"] == ""
        and float(grading["export"][ABSENT]["score"]) == 0
    )
    assert float(grading["export"][STUDENT]["score"]) == pytest.approx(total)
    assert grading["lms"][ABSENT]["status"] == "missing"
    assert grading["lms"][STUDENT]["status"] == "graded"
    elapsed = time.monotonic() - started
    print(
        f"hub set-up {hub.setup_seconds:.0f} s (install step {hub.install_seconds:.0f} s), "
        f"browser flow {elapsed:.0f} s"
    )
    assert hub.setup_seconds + elapsed < BUDGET


def _student_fetches_answers_and_submits(page, hub: Hub, answer_id: str, answer_code: str) -> None:
    _login(page, hub, STUDENT)
    page.wait_for_url(re.compile(rf".*/user/{STUDENT}/lab.*"), timeout=120_000)
    page.wait_for_selector(".jp-LauncherCard", timeout=120_000)
    _shot(page, "01_student_lab")
    _open_assignments(page)
    released = page.locator("#released_assignments_list")
    released.get_by_text(ASSIGNMENT).first.wait_for()
    _shot(page, "02_released")
    released.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list")
    fetched.get_by_text(ASSIGNMENT).first.wait_for(timeout=60_000)
    _shot(page, "03_fetched")
    home = Path(pwd.getpwnam(STUDENT).pw_dir)
    notebook = home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.is_file() and notebook.stat().st_uid == pwd.getpwnam(STUDENT).pw_uid

    # Answer one question in the notebook, as a student types it, and save.
    page.goto(f"{hub.url}/user/{STUDENT}/lab/tree/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    first_line = answer_code.splitlines()[0]
    cell = page.locator(".jp-CodeCell", has=page.locator(".cm-content", has_text=first_line)).first
    cell.scroll_into_view_if_needed()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(answer_code)
    page.keyboard.press("Escape")
    page.locator(".jp-NotebookPanel-toolbar [data-command='docmanager:save']").first.click()

    def saved_answer() -> str:
        saved = nbformat.read(notebook, as_version=4)
        cells = [
            c for c in saved.cells if c.metadata.get("nbgrader", {}).get("grade_id") == answer_id
        ]
        return re.sub(r"\s+", "", cells[0].source) if cells else ""

    _wait_until(lambda: saved_answer() == re.sub(r"\s+", "", answer_code), 30, "the saved answer")
    _shot(page, "04_answered")

    page.goto(f"{hub.url}/user/{STUDENT}/lab")
    _wait_lab(page)
    _open_assignments(page)
    fetched = page.locator("#fetched_assignments_list")
    fetched.get_by_text(ASSIGNMENT).first.wait_for()
    fetched.get_by_role("button", name="Submit").first.click()
    page.locator("#submitted_assignments_list").get_by_text(ASSIGNMENT).first.wait_for(
        timeout=60_000
    )
    _shot(page, "05_submitted")
    inbound = hub.base / "exchange" / COURSE / "inbound"
    assert any(p.name.startswith(f"{STUDENT}+{ASSIGNMENT}+") for p in inbound.iterdir())


def _wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (OSError, ValueError):  # ValueError: a notebook read while the server writes it
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def _as_user(hub: Hub, user: str, command: str) -> subprocess.CompletedProcess:
    """A shell command as ``user`` in their home, as in a terminal of their JupyterLab."""
    home = pwd.getpwnam(user).pw_dir
    env = {
        "HOME": home,
        "USER": user,
        "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "BEYOND_TRAFFIC_HUB_SETTINGS": str(hub.settings),
    }
    return _run(
        ["runuser", "-u", user, "--", "env", "-i", *(f"{k}={v}" for k, v in env.items())]
        + ["bash", "-c", f"cd {home} && {command}"]
    )


def _classmate_submits_under_another_id(hub: Hub) -> None:
    """Student 2 fetches the release and submits it, untouched, as student 1 (later than 1)."""
    _as_user(hub, ABSENT, f"nbgrader fetch_assignment {ASSIGNMENT}")
    _as_user(hub, ABSENT, f"nbgrader submit {ASSIGNMENT} --student={STUDENT}")
    inbound = hub.base / "exchange" / COURSE / "inbound"
    mine = [p for p in inbound.iterdir() if p.name.startswith(f"{STUDENT}+{ASSIGNMENT}+")]
    owners = {pwd.getpwuid(p.stat().st_uid).pw_name for p in mine}
    assert owners == {STUDENT, ABSENT}, "both submissions under student 1's id are in the inbound"


def _instructor_collects_grades_and_returns_feedback(hub: Hub) -> dict:
    _classmate_submits_under_another_id(hub)
    collected = hub.as_grader(f"nbgrader collect {ASSIGNMENT}")
    log = collected.stdout + collected.stderr
    (ARTIFACTS / "collect_output.txt").write_text(log, encoding="utf-8")
    assert f"Refused submission {STUDENT}+{ASSIGNMENT}+" in log, log
    assert f"submitted under '{STUDENT}' by {ABSENT}" in log
    with open(hub.course_dir / "integrity" / "collect_refused.csv", encoding="utf-8") as fh:
        refused = list(csv.DictReader(fh))
    assert [(r["claimed_student"], r["owners"]) for r in refused] == [(STUDENT, ABSENT)]
    submitted = hub.course_dir / "submitted" / STUDENT / ASSIGNMENT
    assert submitted.is_dir() and submitted.stat().st_uid == pwd.getpwnam(GRADER).pw_uid
    assert not (hub.course_dir / "submitted" / ABSENT).exists()
    graded = hub.as_grader(f"beyond-traffic grade {ASSIGNMENT} --jobs 2 --no-progress", timeout=400)
    (ARTIFACTS / "grade_output.txt").write_text(graded.stdout + graded.stderr, encoding="utf-8")
    hub.as_grader(
        f"nbgrader generate_feedback {ASSIGNMENT} && nbgrader release_feedback {ASSIGNMENT}"
    )
    hub.as_grader(f"nbgrader export --to=export.csv --assignment={ASSIGNMENT}")
    hub.as_grader(f"beyond-traffic lms-grades {ASSIGNMENT} --out lms.csv")

    export = {r["student_id"]: r for r in csv.DictReader(open(hub.course_dir / "export.csv"))}
    lms = {r["student_id"]: r for r in csv.DictReader(open(hub.course_dir / "lms.csv"))}
    out = graded.stdout + graded.stderr
    # The grader account is not root: its sandbox must be bubblewrap, not the unsafe fallback.
    mode = hub.as_grader(
        "python -c 'from beyond_traffic.grader.sandbox import capabilities as c; print(c().mode)'"
    ).stdout.strip()
    return {
        "sandbox": mode,
        "export": export,
        "lms": lms,
        "absent_in_grade_output": ABSENT in out and ("broken" in out or "failed" in out),
    }


def _student_reads_feedback(page, hub: Hub) -> str:
    page.goto(f"{hub.url}/user/{STUDENT}/lab")
    _wait_lab(page)
    _open_assignments(page)
    submitted = page.locator("#submitted_assignments_list")
    submitted.get_by_role("button", name="Fetch Feedback").first.click()
    home = Path(pwd.getpwnam(STUDENT).pw_dir)
    _wait_until(
        lambda: list((home / ASSIGNMENT / "feedback").rglob("*.html")),
        60,
        "feedback in the student's folder",
    )
    _shot(page, "06_feedback_fetched")
    html = next((home / ASSIGNMENT / "feedback").rglob(f"{ASSIGNMENT}.html"))
    rel = html.relative_to(home)
    page.goto(f"{hub.url}/user/{STUDENT}/files/{rel}")
    page.wait_for_selector("text=Score", timeout=60_000)
    _shot(page, "07_feedback_page")
    return page.locator("body").inner_text()


def _instructor_sees_formgrader_student_does_not(browser, hub: Hub) -> None:
    teacher = browser.new_page(viewport={"width": 1400, "height": 950})
    _login(teacher, hub, TEACHER)
    teacher.wait_for_url(re.compile(rf".*/user/{TEACHER}/.*"), timeout=120_000)
    teacher.goto(f"{hub.url}/services/{COURSE}/formgrader/manage_students")
    try:
        teacher.get_by_text(STUDENT).first.wait_for(timeout=60_000)
        teacher.get_by_text(ABSENT).first.wait_for()
    except Exception:
        _shot(teacher, "failure_formgrader")
        print(teacher.url, teacher.locator("body").inner_text()[:2000], file=sys.stderr)
        raise
    _shot(teacher, "08_formgrader_students")
    # The submission in formgrader: the student's output is shown, its script does not run.
    teacher.goto(f"{hub.url}/services/{COURSE}/formgrader/submissions/{_notebook_id(hub)}/")
    teacher.get_by_text("探针").first.wait_for(timeout=60_000)
    _shot(teacher, "08b_formgrader_submission")
    assert teacher.evaluate("() => window.btPwned") is None, "student script ran in formgrader"
    teacher.close()
    student = browser.new_context().new_page()
    _login(student, hub, ABSENT)
    # Logged in once the hub moves on from its login page (no need to wait for the server).
    student.wait_for_url(re.compile(r".*/(hub/spawn|hub/home|user/).*"), timeout=120_000)
    response = student.goto(f"{hub.url}/services/{COURSE}/formgrader/manage_students")
    _shot(student, "09_student_refused_formgrader")
    assert response.status == 403 or "403" in student.locator("body").inner_text()
    student.close()


def _instructor_grades_by_rubric_student_refused(browser, hub: Hub) -> dict:
    """The rubric page through the hub: the instructor grades, a student is refused."""
    import json

    from nbgrader.api import Gradebook

    from beyond_traffic.rubric.model import load_rubrics
    from beyond_traffic.rubric.store import load_marks, open_gradebook

    rubric = next(iter(load_rubrics(hub.course_dir, ASSIGNMENT).values()))
    url = f"{hub.url}/services/{RUBRIC}/a/{ASSIGNMENT}/{rubric.grade_id}"
    teacher = browser.new_page(viewport={"width": 1400, "height": 950})
    _login(teacher, hub, TEACHER)
    teacher.wait_for_url(re.compile(rf".*/user/{TEACHER}/.*"), timeout=120_000)
    teacher.goto(url)
    try:
        form = teacher.locator(f"form[data-student='{STUDENT}']")
        form.wait_for(timeout=60_000)
        # The blank answer: the lowest level of every criterion (the class total stays as is).
        for c in rubric.criteria:
            form.locator(f"input[name='{c.id}']").last.check()
        form.get_by_role("button", name="保存 save").click()
        form.locator(".status.saved").wait_for(timeout=30_000)
    except Exception:
        _shot(teacher, "failure_rubric")
        print(teacher.url, teacher.locator("body").inner_text()[:2000], file=sys.stderr)
        raise
    _shot(teacher, "10_rubric_page")
    teacher.close()
    db = f"sqlite:///{hub.course_dir / 'gradebook.db'}"
    with open_gradebook(db, COURSE) as gb:
        mark = load_marks(gb, rubric)[STUDENT]
    with Gradebook(db, COURSE) as gb:
        score = gb.find_grade(rubric.grade_id, ASSIGNMENT, ASSIGNMENT, STUDENT).manual_score
    # A logged-in student: 403 on the page, and on the API even when a header names a teacher.
    context = browser.new_context()
    student = context.new_page()
    _login(student, hub, ABSENT)
    student.wait_for_url(re.compile(r".*/(hub/spawn|hub/home|user/).*"), timeout=120_000)
    response = student.goto(url)
    _shot(student, "11_student_refused_rubric")
    assert response.status == 403 or "403" in student.locator("body").inner_text()
    forged = context.request.post(
        f"{hub.url}/services/{RUBRIC}/api/save",
        headers={"X-Forwarded-User": TEACHER, "Content-Type": "application/json"},
        # A valid save: were the header trusted, it would be written.
        data=json.dumps(
            {
                "assignment": ASSIGNMENT,
                "question": rubric.grade_id,
                "student": STUDENT,
                "levels": {c.id: c.levels[0].points for c in rubric.criteria},
                "version": mark.version,
            }
        ),
    )
    assert forged.status == 403, forged.status
    context.close()
    with open_gradebook(db, COURSE) as gb:
        assert load_marks(gb, rubric)[STUDENT].version == mark.version  # nothing written
    lowest = sum(c.levels[-1].points for c in rubric.criteria)
    return {"grader": mark.grader, "version": mark.version, "score": score - lowest}
