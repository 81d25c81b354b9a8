"""Fixtures for the grader tests: one mini class graded by nbgrader and by beyond-traffic."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import course_tools as ct
import pytest


def _build_twins(base: Path) -> dict:
    a = ct.make_course(base / "a")
    for student, answers in [
        ("alice", ct.HONEST),
        ("bob", ct.PARTIAL),
        ("dora", ct.MIXED),
        ("carol", None),
    ]:
        nb = ct.release_notebook(a) if answers is None else ct.answered(a, answers)
        ct.submit(a, student, nb)
    b = base / "b"
    shutil.copytree(a, b)
    ct.nbgrader(a, "autograde", "mini")
    run = ct.beyond_traffic(b, "grade", "mini", "--jobs", "2")
    return {
        "a": str(a),
        "b": str(b),
        "returncode": run.returncode,
        "stdout": run.stdout,
        "stderr": run.stderr,
    }


@pytest.fixture(scope="session")
def twin_courses(tmp_path_factory):
    """The same class graded by plain nbgrader (a) and by beyond-traffic (b); read-only."""
    facts = ct.shared_once(tmp_path_factory, "twins", _build_twins)
    run = SimpleNamespace(**{k: facts[k] for k in ("returncode", "stdout", "stderr")})
    return Path(facts["a"]), Path(facts["b"]), run
