"""A real JupyterLab in headless Debian Chromium: open a lesson, run all cells, read the page."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from glyphs import find_tofu

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LESSON = "00_orientation.ipynb"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on loopback, serving a throwaway copy of course/ (autosave must not touch it)."""
    yield from _jupyterlab(tmp_path)


@pytest.fixture
def jupyterlab_zh(tmp_path):
    """The same, with the interface switched to Simplified Chinese (Settings → Language)."""
    yield from _jupyterlab(tmp_path, locale="zh_CN")


def _jupyterlab(tmp_path, *, locale: str | None = None):
    work = tmp_path / "course"
    shutil.copytree(ROOT / "course", work)
    port, token = _free_port(), "beyond-traffic-test"
    settings = tmp_path / "lab-settings"
    # Render every cell (JupyterLab 4 windows long notebooks) and skip the news pop-up.
    plugins = {
        "notebook-extension/tracker": '{"windowingMode": "none"}',
        "apputils-extension/notification": '{"fetchNews": "false"}',
    }
    if locale:
        # What the Settings → Language menu writes.
        plugins["translation-extension/plugin"] = json.dumps({"locale": locale})
    for plugin, values in plugins.items():
        target = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(values, encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "HOME": str(tmp_path),
    }
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--ServerApp.open_browser=False",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-2000:])
    if proc.poll() is not None:
        pytest.fail("JupyterLab exited:\n" + (tmp_path / "lab.log").read_text()[-2000:])
    yield base, token
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_lesson_runs_in_jupyterlab_in_chromium(jupyterlab, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required: apt-get install chromium (make test does it)")
    from playwright.sync_api import sync_playwright

    base, token = jupyterlab
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/{LESSON}?token={token}", timeout=90_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        # Wait for the kernel itself (the status bar names it) before running, so that Run All
        # is not sent while the session is still being set up.
        page.wait_for_function(
            "() => /\\(ipykernel\\) \\| Idle/.test(document.body.innerText)", timeout=90_000
        )
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        # Done when every code cell shows an execution count and the kernel is idle again.
        try:
            page.wait_for_function(
                """() => {
                    const sel = '.jp-CodeCell .jp-InputPrompt';
                    const prompts = [...document.querySelectorAll(sel)];
                    const done = p => /\\[\\d+\\]/.test(p.textContent);
                    return prompts.length > 0 && prompts.every(done);
                }""",
                timeout=120_000,
            )
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "lesson00_timeout.png"))
            raise
        page.wait_for_selector(IDLE, timeout=60_000)
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).count()
        text = page.locator(".jp-Notebook").inner_text()
        tables = page.locator(".jp-OutputArea-output table")
        n_tables = tables.count()
        if n_tables:
            # Show the corpus table built by load_corpus() in the saved screenshot.
            tables.first.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "lesson00_jupyterlab.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert errors == 0, "a cell wrote an error or stderr output in JupyterLab"
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 200, "the rendered lesson shows Chinese"
    assert "Traceback" not in text
    assert n_tables >= 1, "the corpus table (a pandas DataFrame) renders as an HTML table"
    assert shot.stat().st_size > 10_000


def test_jupyterlab_interface_in_chinese_with_the_language_pack(jupyterlab_zh):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required: apt-get install chromium (make test does it)")
    from playwright.sync_api import sync_playwright

    base, token = jupyterlab_zh
    with urllib.request.urlopen(f"{base}/lab/api/translations?token={token}") as response:
        offered = json.loads(response.read())["data"]
    assert "zh_CN" in offered, f"the zh-CN language pack is not installed: {sorted(offered)}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/tree/{LESSON}?token={token}", timeout=90_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        page.wait_for_selector(".lm-MenuBar-itemLabel", timeout=60_000)
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        page.wait_for_function(
            "() => /\\(ipykernel\\)/.test(document.body.innerText)", timeout=90_000
        )
        result = find_tofu(page)
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "jupyterlab_zh_CN.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert {"文件", "编辑", "运行", "设置", "帮助"} <= set(menus), f"menu bar: {menus}"
    assert "File" not in menus
    assert result["controlAlike"] and not result["tofu"], f"boxes for {result['tofu']}"
    assert result["chars"] > 50
    assert shot.stat().st_size > 10_000
