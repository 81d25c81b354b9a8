"""A graded mini class with a rubric for its written answer, for the rubric tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import course_tools as ct

RUBRIC_YAML = """\
questions:
  q3_reflect:
    title: 高频词
    zero: 0 分：空白。
    criteria:
      - id: reading
        zh: 解读
        en: Reading
        levels:
          - {points: 0.5, zh: 说清高频词说明什么、不说明什么}
          - {points: 0.25, zh: 只说了一半}
          - {points: 0, zh: 没有解读}
        self_check: [我说了高频词不能说明的事。]
      - id: writing
        zh: 表达
        en: Writing
        levels:
          - {points: 0.5, zh: 一句话说清楚}
          - {points: 0, zh: 难以读懂}
        self_check: []
"""
#: Written answers of the class (similar pairs: s1/s2 and s3/s4).
WRITTEN = {
    "s1": "高频词只说明文章的话题，不说明作者的立场。",
    "s2": "高频词说明话题，但不能说明作者的立场。",
    "s3": "流量这个词出现很多次，所以文章很重视流量。",
    "s4": "流量出现很多次，说明作者重视流量。",
}
CODE = {"s1": ct.HONEST, "s2": ct.MIXED, "s3": ct.PARTIAL, "s4": ct.HONEST}


def build(target: Path) -> dict:
    """Release the mini course, submit four students (and enrol one who submits nothing)."""
    target.rmdir()  # shared_once made it; make_course copies the fixture into place
    ct.make_course(target)
    (target / "instructors" / "rubrics").mkdir(parents=True)
    (target / "instructors" / "rubrics" / "mini.yaml").write_text(RUBRIC_YAML, encoding="utf-8")
    for student, code in CODE.items():
        nb = ct.answered(target, {**code, "q3_reflect": WRITTEN[student]})
        ct.submit(target, student, nb)
    ct.nbgrader(target, "db", "student", "add", "s9")
    ct.nbgrader(target, "autograde", "mini", "--force")
    return {"students": sorted(CODE)}


def graded_class(tmp_path_factory, tmp_path: Path) -> Path:
    """A private copy of the class (the gradebook included), built once per session."""
    ct.shared_once(tmp_path_factory, "rubric_class", build)
    root = tmp_path_factory.getbasetemp()
    import os

    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    target = tmp_path / "course"
    # nbgrader_config.py locates the course from its own path, so the copy is self-contained.
    shutil.copytree(root / "rubric_class", target, symlinks=True)
    return target
