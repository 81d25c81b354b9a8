"""The grading page as a managed service of a real JupyterHub on loopback, in Debian chromium.

A small hub (its dummy authenticator: no Unix accounts, no user servers) runs
``beyond-traffic rubric serve --hub`` as a service, as deploy/hub/jupyterhub_config.py does, and
grants access to it through a role of a "graders" group. The teacher opens the page, logs in on
the hub, grades an answer; a student gets 403, also on the API with a forged X-Forwarded-User.
configurable-http-proxy comes from deploy/hub/install.sh ($BEYOND_TRAFFIC_PREFIX/proxy).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rubric_course as rc

from beyond_traffic.grader.course import load_course
from beyond_traffic.rubric.model import load_rubric
from beyond_traffic.rubric.store import load_marks, open_gradebook

pytestmark = [pytest.mark.slow, pytest.mark.browser]
PREFIX = Path(os.environ.get("BEYOND_TRAFFIC_PREFIX", "/opt/beyond-traffic"))
PROXY = PREFIX / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SERVICE = "rubric-mini"
PASSWORD = "口令-not-secret"


def _ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def _config(root: Path, state: Path, ports: list[int]) -> str:
    port, hub_port, api_port, service_port = ports
    service = {
        "name": SERVICE,
        "url": f"http://127.0.0.1:{service_port}",
        "command": [str(rc.ct.BIN / "beyond-traffic"), "rubric", "serve", "--hub"],
        "cwd": str(root),
        "environment": {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"},
        "oauth_no_confirm": True,
    }
    return f"""
c = get_config()  # noqa: F821
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allowed_users = {{"teacher", "student"}}
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.db_url = "sqlite:///{state / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = "{state / "cookie_secret"}"
c.JupyterHub.pid_file = "{state / "hub.pid"}"
c.JupyterHub.load_groups = {{"graders": {{"users": ["teacher"]}}}}
c.JupyterHub.load_roles = [
    {{"name": "graders", "groups": ["graders"],
      "scopes": ["access:services!service={SERVICE}"]}},
]
c.JupyterHub.services = [{service!r}]
"""


def _wait(url: str, proc, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterHub exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=5)  # redirects to the login when it is up
            return
        except urllib.error.HTTPError as e:
            if e.code != 404:  # 404: the hub has not routed the service yet
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} not up after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def hub(tmp_path_factory, tmp_path):
    if not PROXY.exists() and os.geteuid() == 0:  # the project's install step, as test_hub's
        root_dir = Path(__file__).resolve().parents[1]
        subprocess.run(
            ["bash", str(root_dir / "deploy" / "hub" / "install.sh")], check=True, timeout=900
        )
    if not PROXY.exists():
        pytest.fail(f"no configurable-http-proxy at {PROXY}: run deploy/hub/install.sh as root")
    root = rc.graded_class(tmp_path_factory, tmp_path)
    state = tmp_path / "hub"
    state.mkdir()
    ports = _ports(4)
    (state / "jupyterhub_config.py").write_text(_config(root, state, ports), encoding="utf-8")
    log = state / "hub.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(rc.ct.BIN / "jupyterhub"), "-f", str(state / "jupyterhub_config.py")],
            cwd=state,
            env=rc.ct.ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{ports[0]}"
    try:
        _wait(f"{url}/services/{SERVICE}/", proc, log)
        yield url, root, log
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 15)  # the hub stops its service and its proxy
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait(timeout=10)


def _login(page, url: str, user: str) -> None:
    page.goto(url)
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")


def test_teacher_grades_through_the_hub_student_refused(hub):
    from playwright.sync_api import sync_playwright

    url, root, log = hub
    page_url = f"{url}/services/{SERVICE}/a/mini/q3_reflect"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-quic"]
        )
        try:
            teacher = browser.new_page()
            _login(teacher, page_url, "teacher")  # the page sends the teacher to the hub's login
            form = teacher.locator("form[data-student='s1']")
            form.wait_for(timeout=60_000)
            form.locator("input[name='reading'][value='0.5']").check()
            form.locator("input[name='writing'][value='0.5']").check()
            form.get_by_role("button", name="保存 save").click()
            form.locator(".status.saved").wait_for(timeout=30_000)
            context = browser.new_context()
            student = context.new_page()
            _login(student, page_url, "student")
            student.wait_for_load_state()
            refused = student.goto(page_url)
            assert refused.status == 403
            forged = context.request.post(
                f"{url}/services/{SERVICE}/api/save",
                headers={"X-Forwarded-User": "teacher", "Content-Type": "application/json"},
                data=json.dumps(
                    {
                        "assignment": "mini",
                        "question": "q3_reflect",
                        "student": "s2",
                        "levels": {"reading": 0.5, "writing": 0.5},
                    }
                ),
            )
            assert forged.status == 403
        except Exception:
            print(log.read_text(errors="replace")[-6000:])
            raise
        finally:
            browser.close()
    course = load_course(root)
    with open_gradebook(course.db_url) as gb:
        marks = load_marks(gb, load_rubric(root, "mini", "q3_reflect"))
    assert {s: (m.grader, m.version) for s, m in marks.items()} == {"s1": ("teacher", 1)}
