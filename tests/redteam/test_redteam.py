"""Red team: hostile and broken submissions earn nothing and harm nobody else."""

from __future__ import annotations

import copy
import csv
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import course_tools as ct  # noqa: E402
from redteam_cases import CASES, Case  # noqa: E402

pytestmark = pytest.mark.slow


def _edited(course: Path, case: Case) -> nbformat.NotebookNode:
    answers = ct.HONEST if case.edit in ("delete_t1", "duplicate") else case.answers
    cells = [c.format(course=str(course)) for c in case.cells]
    nb = ct.answered(course, answers, extra_cells=cells)
    if case.edit == "replace_tests":
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                cell.source = "2.0"
    elif case.edit == "delete_t1":
        nb.cells = [
            c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "t1_count"
        ]
    elif case.edit == "duplicate":
        nb.cells = [copy.deepcopy(c) for c in nb.cells for _ in range(2)]
        for cell in nb.cells:
            cell.pop("id", None)
        nb.nbformat_minor = 4
    return nb


def _outputs_text(course: Path, student: str) -> str:
    path = course / "autograded" / student / "mini" / "mini.ipynb"
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(str(out.get("text", "")))
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def _build(base: Path) -> dict:
    course = ct.make_course(base / "course")
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    ct.submit(course, "carol", ct.release_notebook(course))
    for case in CASES:
        if case.links:
            folder = ct.submit(course, case.name, None, files=case.files)
            for rel, target in case.links.items():
                (folder / rel).symlink_to(target.format(course=str(course)))
        elif case.raw is not None:
            ct.submit(course, case.name, case.raw, files=case.files)
        else:
            ct.submit(
                course, case.name, _edited(course, case), files=case.files, name=case.notebook_name
            )
    # A student graded after the planted package must not see it: zz sorts last.
    ct.submit(course, "zz_after", ct.answered(course, ct.HONEST))
    before = ct.tree_digest(course)
    run = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--timeout", "60")
    with open(course / "reports" / "mini" / "grades.csv", encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    return {
        "course": str(course),
        "run": {"returncode": run.returncode, "stdout": run.stdout, "stderr": run.stderr},
        "rows": rows,
        "before": before,
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The red-team class, graded once per session (shared by xdist workers; read-only)."""
    facts = ct.shared_once(tmp_path_factory, "redteam", _build)
    run = SimpleNamespace(**facts["run"])
    return Path(facts["course"]), run, facts["rows"], facts["before"]


def test_grader_finishes_and_keeps_the_course_intact(graded):
    course, run, rows, before = graded
    assert run.returncode == 0, run.stdout + run.stderr
    assert ct.tree_digest(course) == before
    assert set(rows) == {c.name for c in CASES} | {"alice", "carol", "zz_after"}


def test_honest_neighbours_keep_their_grades(graded):
    course, _, rows, _ = graded
    scores = ct.gradebook_scores(course)
    full = float(rows["alice"]["max_score"]) - 1  # the manual reflection point is not auto
    for honest in ("alice", "zz_after"):
        assert scores[honest]["t1_count"] + scores[honest]["t2_top"] == full
    assert scores["carol"]["t1_count"] == scores["carol"]["t2_top"] == 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_attack_earns_nothing(graded, case):
    course, _, rows, _ = graded
    scores = ct.gradebook_scores(course)[case.name]
    expected = case.expect or {"t1_count": 0.0, "t2_top": 0.0}
    assert {k: scores[k] for k in expected} == expected, case.what
    assert rows[case.name]["status"] == case.expect_status
    if case.expect_status == "broken":
        assert rows[case.name]["message"], "a broken submission needs a clear message"


def test_containment_evidence_in_the_outputs(graded):
    course, _, _, _ = graded
    assert "LEAKED 0 False" in _outputs_text(course, "read_solutions")
    assert "NETWORK []" in _outputs_text(course, "network")
    assert "VANDAL []" in _outputs_text(course, "vandal")
    forked = _outputs_text(course, "fork_bomb").split("FORKED")[1].split()[0]
    assert int(forked) < 300
    text = _outputs_text(course, "memory_and_disk")
    assert "MEMORY refused" in text and "DISK refused" in text
    size = (course / "autograded" / "huge_output" / "mini" / "mini.ipynb").stat().st_size
    assert size < 12 * 1024**2


def test_symlinks_do_not_copy_solutions_into_autograded(graded):
    course, _, _, _ = graded
    folder = course / "autograded" / "symlinks" / "mini"
    assert folder.is_dir()
    for path in folder.rglob("*"):
        assert not path.is_symlink()
        if path.is_file():
            assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8", errors="replace")
