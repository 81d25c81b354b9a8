"""The grading page in Debian chromium: three answers by criterion, one comment reused."""

from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
import rubric_course as rc
from nbgrader.api import Gradebook

from beyond_traffic.grader.course import load_course
from beyond_traffic.rubric.model import load_rubric
from beyond_traffic.rubric.store import load_marks, open_gradebook

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_grader_grades_three_answers_with_a_reused_comment(tmp_path_factory, tmp_path):
    from playwright.sync_api import sync_playwright

    root = rc.graded_class(tmp_path_factory, tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [str(rc.ct.BIN / "beyond-traffic"), "rubric", "serve", "mini", "--port", str(port)]
        + ["--grader", "王助教"],
        cwd=root,
        env=rc.ct.ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert "grading page" in server.stdout.readline()
        url = f"http://127.0.0.1:{port}/a/mini/q3_reflect"
        grades = {"s1": ("0.5", "0.5"), "s2": ("0.25", "0.5"), "s3": ("0", "0.5")}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(url + "?order=similar")
            assert rc.WRITTEN["s3"] in page.content()
            first = page.locator("form[data-student='s1']")
            first.locator("input[placeholder^='新的常用评语']").first.fill("话题与立场分得清")
            with page.expect_navigation():
                first.get_by_role("button", name="添加 add").first.click()
            for student, (reading, writing) in grades.items():
                form = page.locator(f"form[data-student='{student}']")
                form.locator(f"input[name='reading'][value='{reading}']").check()
                form.locator(f"input[name='writing'][value='{writing}']").check()
                if student != "s3":  # the reusable comment, applied twice with a click
                    form.locator("input.reuse").first.check()
                form.locator("textarea").fill(f"{student} 的其他评语")
                form.get_by_role("button", name="保存 save").click()
                form.locator(".status.saved").wait_for()
            # Saving again with nothing changed writes nothing (the version stays 1).
            first.get_by_role("button", name="保存 save").click()
            first.locator(".status", has_text="没有改动").wait_for()
            # One answer alone (long classes: one at a time, or a page of answers).
            page.goto(url + "?student=s2")
            assert page.locator("form.answer").count() == 1
            assert page.locator("form[data-student='s2'] input[value='0.25']").is_checked()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    course = load_course(root)
    with Gradebook(course.db_url) as gb:
        scores = {s: gb.find_grade("q3_reflect", "mini", "mini", s).manual_score for s in grades}
    assert scores == {"s1": 1.0, "s2": 0.75, "s3": 0.5}
    with open_gradebook(course.db_url) as gb:
        marks = load_marks(gb, load_rubric(root, "mini", "q3_reflect"))
    assert {s: (m.version, m.grader) for s, m in marks.items()} == {
        s: (1, "王助教") for s in grades
    }
    rc.ct.nbgrader(root, "generate_feedback", "mini", "--force")
    feedback = (root / "feedback" / "s2" / "mini" / "mini.html").read_text(encoding="utf-8")
    assert "解读 Reading：0.25/0.5 — 只说了一半" in feedback
    assert "· 话题与立场分得清" in feedback and "s2 的其他评语" in feedback
    other = (root / "feedback" / "s3" / "mini" / "mini.html").read_text(encoding="utf-8")
    assert "话题与立场分得清" not in other and "表达 Writing：0.5/0.5" in other
