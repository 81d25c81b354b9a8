"""Tests for beyond_traffic.grader.overwrite: no false "checksum has changed!" on a release."""

from __future__ import annotations

from pathlib import Path

import course_tools as ct
import pytest

from beyond_traffic.grader.overwrite import release_source

ROOT = Path(__file__).resolve().parents[2]


def _sanitize_lines() -> str:
    """The course config's Autograde.sanitize_preprocessors block, as the real course sets it."""
    text = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    start = text.index("c.Autograde.sanitize_preprocessors")
    return text[start : text.index("]", start) + 1] + "\n"


def test_release_source_drops_only_the_hidden_region():
    source = "a = 1\n### BEGIN HIDDEN TESTS\nb = 2\n### END HIDDEN TESTS\nc = 3"
    assert release_source(source) == "a = 1\nc = 3"
    assert release_source("没有隐藏测试") == "没有隐藏测试"


@pytest.mark.slow
def test_plain_autograde_warns_only_about_a_really_edited_locked_cell(tmp_path):
    course = ct.make_course(tmp_path / "course")
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(_sanitize_lines())
    ct.submit(course, "untouched", ct.release_notebook(course))
    tampered = ct.release_notebook(course)
    cell = next(c for c in tampered.cells if c.metadata.get("nbgrader", {}).get("locked"))
    cell.source += "\n# changed"
    ct.submit(course, "tampered", tampered)
    # Without the fix, these cells alone would warn for the untouched release.
    source = (course / "solutions" / "mini" / "mini.ipynb").read_text(encoding="utf-8")
    assert "BEGIN HIDDEN TESTS" in source
    for student, warnings in (("untouched", 0), ("tampered", 1)):
        run = ct.nbgrader(course, "autograde", "mini", f"--student={student}")
        found = [line for line in run.stderr.splitlines() if "'checksum'" in line]
        assert len(found) == warnings, run.stderr
