"""The course's nbgrader_config.py as students meet it: Validate on a correct answer."""

from __future__ import annotations

from pathlib import Path

import course_tools as ct
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_validate_explains_partial_points_instead_of_failing_a_correct_answer(tmp_path):
    """Visible checks carry part of the points, so the reference answer shows less than full in
    the release; nbgrader's default text would tell the student "you WILL NOT receive full
    credit"."""
    course = ct.real_class(tmp_path, "ps1_segment", ROOT, students=1)  # s000: the reference
    notebook = course / "submitted" / "s000" / "ps1_segment" / "ps1_segment.ipynb"
    run = ct.nbgrader(course, "validate", str(notebook), check=False)
    out = run.stdout + run.stderr
    assert "test cell(s) show less than full points now" in out, out[-3000:]
    assert "hidden checks run only at grading" in out and "可见的检查只占每题的一部分分数" in out
    assert "WILL NOT receive full" not in out


def _documented_user_config() -> str:
    """The ~/.jupyter/nbgrader_config.py that docs/instructors.md gives for another folder."""
    text = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    section = text[text.index("**The exchange from another folder.**") :]
    return section[section.index("```python\n") + 10 : section.index("```\n", 10)]


@pytest.mark.slow
def test_the_single_machine_exchange_works_from_another_folder_as_documented(tmp_path):
    import os
    import subprocess

    course = ct.make_course(tmp_path / "course")
    (course / ".exchange").mkdir(mode=0o1777)
    ct.nbgrader(course, "release_assignment", ct.ASSIGNMENT)
    elsewhere = tmp_path / "home" / "work"
    elsewhere.mkdir(parents=True)
    config_dir = tmp_path / "home" / ".jupyter"
    config_dir.mkdir()
    config = _documented_user_config()
    assert 'c.Exchange.root = "/ABSOLUTE/PATH/TO/THE/COURSE/.exchange"' in config
    config = config.replace("/ABSOLUTE/PATH/TO/THE/COURSE/.exchange", str(course / ".exchange"))
    (config_dir / "nbgrader_config.py").write_text(
        config.replace('"beyond-traffic"', f'"{ct.ASSIGNMENT}"'), encoding="utf-8"
    )
    env = {**ct.ENV, "HOME": str(tmp_path / "home"), "JUPYTER_CONFIG_DIR": str(config_dir)}
    listed = subprocess.run(
        [str(ct.BIN / "nbgrader"), "list"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert listed.returncode == 0, listed.stderr
    assert f"{ct.ASSIGNMENT} {ct.ASSIGNMENT}" in " ".join((listed.stdout + listed.stderr).split())
    assert os.path.isdir(course / ".exchange" / ct.ASSIGNMENT / "outbound" / ct.ASSIGNMENT)
