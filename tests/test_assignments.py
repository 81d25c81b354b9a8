"""The three problem sets: source, release and the real nbgrader pipeline in a temporary course."""

from __future__ import annotations

import ast
import csv
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

from beyond_traffic import release

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
ASSIGNMENTS = list(release.ASSIGNMENTS)
HAN = re.compile(r"[\u4e00-\u9fff]")
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.S)


# ---------------------------------------------------------------------------------------------
# helpers


def source_nb(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)


def release_nb(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "assignments" / name / f"{name}.ipynb", as_version=4)


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def grade_cells(nb) -> list:
    """Autograded test cells: grade, not solution, code."""
    return [c for c in nb.cells if meta(c).get("grade") and not meta(c).get("solution")]


def answer_cells(nb) -> list:
    """Autograded answer cells (code, solution, not grade)."""
    return [
        c
        for c in nb.cells
        if meta(c).get("solution") and not meta(c).get("grade") and c.cell_type == "code"
    ]


def manual_cells(nb) -> list:
    return [c for c in nb.cells if meta(c).get("solution") and meta(c).get("grade")]


def solution_answers(name: str) -> dict[str, str]:
    """The reference answer of each solution cell, by grade id."""
    return {meta(c)["grade_id"]: c.source for c in source_nb(name).cells if meta(c).get("solution")}


def comparable(nb) -> list[tuple]:
    """What a student receives, without volatile metadata (ids, execution state)."""
    nb_meta = {k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info")}
    nb_meta.get("language_info", {}).pop("version", None)
    cells = [(c.cell_type, c.source, json.dumps(meta(c), sort_keys=True)) for c in nb.cells]
    return [json.dumps(nb_meta, sort_keys=True), *cells]


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    run = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{run.stderr[-3000:]}"
    return run


def load_submissions(name: str) -> dict:
    return yaml.safe_load((SUBMISSIONS / f"{name}.yaml").read_text(encoding="utf-8"))


def fill(release_copy, answers: dict[str, str]):
    """Return a copy of the release with the given answer cells replaced, as a student would."""
    nb = nbformat.from_dict(json.loads(json.dumps(release_copy)))
    for cell in nb.cells:
        grade_id = meta(cell).get("grade_id")
        if meta(cell).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def max_points(nb) -> dict[str, float]:
    return {meta(c)["grade_id"]: float(meta(c)["points"]) for c in nb.cells if meta(c).get("grade")}


# ---------------------------------------------------------------------------------------------
# fast checks on the committed files


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_source_is_paired_with_percent_py_and_in_sync(name):
    folder = ROOT / "solutions" / name
    ipynb = jupytext.read(folder / f"{name}.ipynb")
    text = jupytext.read(folder / f"{name}.py")
    assert "py:percent" in ipynb.metadata.get("jupytext", {}).get("formats", "")

    def cells(nb):
        return [(c.cell_type, c.source.strip(), meta(c)) for c in nb.cells]

    assert cells(ipynb) == cells(text), f"run `jupytext --sync solutions/{name}/{name}.py`"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_source_shape_points_and_languages(name):
    nb = source_nb(name)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and HAN.search(first.source)
    assert "Abstract" in first.source, "each problem set opens with an English abstract"
    tests = grade_cells(nb)
    assert 6 <= len(tests) <= 10, "6-10 autograded questions"
    ids = [meta(c).get("grade_id") for c in nb.cells if meta(c)]
    assert len(ids) == len(set(ids)), "grade ids are unique"
    for cell in tests:
        assert meta(cell)["points"] > 0
        assert "### BEGIN HIDDEN TESTS" in cell.source, f"{meta(cell)['grade_id']} has hidden tests"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "commit without outputs"


def _student_names(nb) -> set[str]:
    names: set[str] = set()
    for cell in answer_cells(nb):
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {n for n in names if n.startswith("q")}


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_test_cells_follow_the_grading_contract(name):
    """Checker calls only; student names appear only inside lambdas passed to observe."""
    nb = source_nb(name)
    students = _student_names(nb)
    assert students, "answers are named variables or functions"
    for cell in grade_cells(nb):
        grade_id = meta(cell)["grade_id"]
        tree = ast.parse(cell.source)
        assert re.search(rf'Checker\(\s*"{grade_id}"', cell.source), "Checker named by grade id"
        last = tree.body[-1]
        assert isinstance(last, ast.Expr) and ast.unparse(last.value).endswith(".report()")
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "observe"
            ):
                for arg in node.args:
                    if isinstance(arg, ast.Lambda):
                        allowed |= {id(n) for n in ast.walk(arg)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in students:
                assert id(node) in allowed, f"{grade_id}: {node.id} used outside observe"
        for stmt in tree.body:
            assert isinstance(stmt, ast.Import | ast.ImportFrom | ast.Assign | ast.Expr), (
                f"{grade_id}: only imports, reference values and Checker calls"
            )


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_hides_solutions_and_hidden_tests(name):
    src, rel = source_nb(name), release_nb(name)
    folder = ROOT / "assignments" / name
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.ipynb"], "no solution .py"
    assert "jupytext" not in rel.metadata
    text = json.dumps(rel, ensure_ascii=False)
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    for cell in answer_cells(src):
        body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S)
        assert body, "every answer cell has a solution region"
        for line in body.group(1).splitlines():
            if len(line.strip()) > 12:
                assert line.strip() not in text, f"solution line leaked: {line.strip()}"
    for cell in grade_cells(src):
        hidden = HIDDEN.search(cell.source).group(0)
        for line in hidden.splitlines()[1:-1]:
            if len(line.strip()) > 20:
                assert line.strip() not in text, f"hidden test leaked: {line.strip()}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_answer_cells_raise_nothing(name):
    """The untouched answer cells compile and run without raising (placeholders, no traps)."""
    nb = release_nb(name)
    for cell in answer_cells(nb):
        assert "NotImplementedError" not in cell.source
        assert "作答" in cell.source and "YOUR ANSWER" in cell.source
        compile(cell.source, meta(cell)["grade_id"], "exec")
    for cell in manual_cells(nb):
        assert "作答" in cell.source


def test_release_module_rejects_wrong_types(tmp_path):
    with pytest.raises(TypeError, match="root"):
        release.generate(str(tmp_path))  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="nbgrader_config.py"):
        release.generate(tmp_path)
    assert release.assignment_ids(tmp_path) == []


def test_tidy_release_drops_pairs_outputs_and_leftovers(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
    cell = nbformat.v4.new_code_cell("print('直播')")
    cell.outputs = [nbformat.v4.new_output("stream", text="直播\n")]
    cell.execution_count = 3
    nb.cells.append(cell)
    nbformat.write(nb, tmp_path / "ps9.ipynb")
    (tmp_path / "ps9.py").write_text("# 答案\n", encoding="utf-8")
    (tmp_path / "data.py").write_text("# 学生要用的\n", encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "ps9-checkpoint.ipynb").write_text("{}")
    assert release.tidy_release(tmp_path) == [tmp_path / "ps9.ipynb"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.py", "ps9.ipynb"]
    again = nbformat.read(tmp_path / "ps9.ipynb", as_version=4)
    assert "jupytext" not in again.metadata
    assert again.cells[0].outputs == [] and again.cells[0].execution_count is None


# ---------------------------------------------------------------------------------------------
# the real pipeline in a temporary course


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A course folder with the real config and solutions, a generated release and submissions."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(ROOT / "solutions", root / "solutions")
    released = release.generate(root, quiet=True)
    assert [p.parent.name for p in released] == ASSIGNMENTS
    nbgrader(root, "db", "student", "add", "reference", "--last-name=Solution", "--first-name=示范")
    return root


def build_submissions(course: Path, name: str) -> dict[str, dict[str, float]]:
    """Write every student's notebook for one assignment; return the expected score per cell."""
    rel = nbformat.read(course / "assignments" / name / f"{name}.ipynb", as_version=4)
    reference = solution_answers(name)
    full = max_points(rel)
    autograded = {
        k: v for k, v in full.items() if k not in {meta(c)["grade_id"] for c in manual_cells(rel)}
    }
    plan = load_submissions(name)["students"]
    plan = {
        "reference": {"base": "solution", "answers": {}, "expect": {}},
        "blank": {"base": "release", "answers": {}, "expect": dict.fromkeys(autograded, 0)},
        **plan,
    }
    expected: dict[str, dict[str, float]] = {}
    for student, spec in plan.items():
        answers = dict(reference) if spec["base"] == "solution" else {}
        answers.update(spec.get("answers") or {})
        nb = fill(rel, answers)
        folder = course / "submitted" / student / name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{name}.ipynb")
        scores = dict(autograded)
        scores.update({k: float(v) for k, v in (spec.get("expect") or {}).items()})
        expected[student] = scores
    return expected


@pytest.fixture(scope="module")
def graded(course) -> dict[str, dict[str, dict[str, float]]]:
    """Autograde every submission (one nbgrader call per assignment); return expected scores."""
    expected = {name: build_submissions(course, name) for name in ASSIGNMENTS}
    for name in ASSIGNMENTS:
        nbgrader(course, "autograde", name, "--force")
    return expected


def actual_scores(course: Path, name: str, student: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        nb = gb.find_submission_notebook(name, name, student)
        return {g.name: g.score for g in nb.grades if g.auto_score is not None}


@pytest.mark.slow
def test_generated_release_equals_committed_assignments(course):
    for name in ASSIGNMENTS:
        made = nbformat.read(course / "assignments" / name / f"{name}.ipynb", as_version=4)
        assert comparable(made) == comparable(release_nb(name)), (
            f"assignments/{name} is stale: run `make assignments`"
        )
        files = sorted(p.name for p in (course / "assignments" / name).iterdir())
        assert files == sorted(p.name for p in (ROOT / "assignments" / name).iterdir())


@pytest.mark.slow
def test_release_is_reproducible_byte_for_byte(course):
    for name in ASSIGNMENTS:
        made = (course / "assignments" / name / f"{name}.ipynb").read_bytes()
        assert made == (ROOT / "assignments" / name / f"{name}.ipynb").read_bytes()


@pytest.mark.slow
def test_autograde_gives_exactly_the_expected_scores(course, graded):
    wrong = []
    for name, students in graded.items():
        for student, expected in students.items():
            actual = actual_scores(course, name, student)
            for grade_id, points in expected.items():
                if actual.get(grade_id) != pytest.approx(points):
                    wrong.append(f"{name}/{student}/{grade_id}: {actual.get(grade_id)} != {points}")
    assert wrong == []


@pytest.mark.slow
def test_manual_critique_waits_for_a_human(course, graded):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        reference = gb.find_submission_notebook("ps3_critique", "ps3_critique", "reference")
        blank = gb.find_submission_notebook("ps3_critique", "ps3_critique", "blank")
        manual = [g for g in reference.grades if g.cell_type == "markdown"]
        assert manual and all(g.needs_manual_grade for g in manual)
        assert all(g.score == 0 for g in blank.grades if g.cell_type == "markdown")


@pytest.mark.slow
def test_feedback_shows_messages_but_not_hidden_tests(course, graded):
    for name in ASSIGNMENTS:
        nbgrader(course, "generate_feedback", name, "--force")
        src = source_nb(name)
        hidden_lines = [
            line.strip()
            for cell in grade_cells(src)
            for line in HIDDEN.search(cell.source).group(0).splitlines()
            if len(line.strip()) > 20
        ]
        for student in ("reference", "blank"):
            page = (course / "feedback" / student / name / f"{name}.html").read_text("utf-8")
            assert "BEGIN HIDDEN TESTS" not in page
            for line in hidden_lines:
                assert line not in page, f"{name}: feedback shows hidden test code {line!r}"
        blank = (course / "feedback" / "blank" / name / f"{name}.html").read_text("utf-8")
        assert HAN.search(blank) and re.search(r"[✗✘×]", blank), "bilingual failure messages"


@pytest.mark.slow
def test_export_writes_the_expected_totals(course, graded):
    nbgrader(course, "export", "--to=grades.csv")
    with open(course / "grades.csv", encoding="utf-8", newline="") as fh:
        rows = {(r["assignment"], r["student_id"]): float(r["score"]) for r in csv.DictReader(fh)}
    for name, students in graded.items():
        for student, expected in students.items():
            assert rows[(name, student)] == pytest.approx(sum(expected.values())), (name, student)


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solution_runs_top_to_bottom_quickly_and_quietly(name, tmp_path):
    from nbclient import NotebookClient

    nb = source_nb(name)
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    seconds = time.perf_counter() - start
    assert seconds < 30, f"{name} took {seconds:.1f} s"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
    full = max_points(nb)
    for cell in grade_cells(nb):
        result = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert result, f"{meta(cell)['grade_id']} shows its points"
        assert float(result[-1].data["text/plain"]) == full[meta(cell)["grade_id"]]


@pytest.mark.slow
def test_untouched_release_runs_to_the_end_without_errors(course, graded):
    """The blank submission, executed by autograde: no cell raised, nothing went to stderr."""
    for name in ASSIGNMENTS:
        nb = nbformat.read(course / "autograded" / "blank" / name / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out.output_type != "error", f"{name}/{meta(cell).get('grade_id')}"
                assert not (out.output_type == "stream" and out.name == "stderr"), out.text
