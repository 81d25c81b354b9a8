"""The problem sets: source, release, and the real nbgrader pipeline in a temporary course."""

from __future__ import annotations

import csv
import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import course_tools as ct
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


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_release_hides_solutions_and_hidden_tests(name):
    src, rel = source_nb(name), release_nb(name)
    folder = ROOT / "assignments" / name
    given = sorted(p.name for p in (ROOT / "solutions" / name).iterdir() if p.suffix != ".py")
    assert sorted(p.name for p in folder.iterdir()) == given, "the source's files, no solution .py"
    assert "jupytext" not in rel.metadata
    text = json.dumps(rel, ensure_ascii=False)
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    # What the instructor shows on purpose (prompts, specified steps, visible checks) is no leak.
    shown = "\n".join(HIDDEN.sub("", c.source) for c in src.cells if not meta(c).get("solution"))
    for cell in answer_cells(src):
        body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S)
        assert body, "every answer cell has a solution region"
        for line in body.group(1).splitlines():
            line = line.strip()
            if len(line) > 12 and line not in shown:
                assert line not in text, f"solution line leaked: {line}"
    for cell in grade_cells(src):
        hidden = HIDDEN.search(cell.source).group(0)
        for line in hidden.splitlines()[1:-1]:
            line = line.strip()
            if len(line) > 20 and line not in shown:
                assert line not in text, f"hidden test leaked: {line}"


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


def test_release_holds_no_instructor_material():
    """Exemplars, worked explanations and the capstone's clean original stay in instructors/."""
    released = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (ROOT / "assignments").rglob("*")
        if p.is_file()
    )
    instructors = ROOT / "instructors"
    lines = [
        line.strip()
        for path in instructors.rglob("*")
        if path.is_file() and path.suffix in (".md", ".txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 24 and not line.strip().startswith(("#", "|", "-", "**"))
    ]
    assert lines, "the instructors' folder has material to protect"
    leaked = [line for line in lines if line in released]
    assert leaked == [], f"instructors' material in the release: {leaked[:3]}"


# ---------------------------------------------------------------------------------------------
# the real pipeline in a temporary course, built once per test session (even under xdist)

STUDENT_TIMESTAMP = "2026-11-20 10:00:00.000000 UTC"


def build_submissions(course: Path, name: str) -> dict[str, dict[str, float]]:
    """Write every student's notebook for one assignment; return the expected score per cell."""
    rel = nbformat.read(course / "assignments" / name / f"{name}.ipynb", as_version=4)
    reference = solution_answers(name)
    full = max_points(rel)
    written = {meta(c)["grade_id"] for c in manual_cells(rel)}
    autograded = {k: v for k, v in full.items() if k not in written}
    plan = {
        "reference": {"base": "solution", "answers": {}, "expect": {}},
        "blank": {"base": "release", "answers": {}, "expect": dict.fromkeys(autograded, 0)},
        **load_submissions(name)["students"],
    }
    expected: dict[str, dict[str, float]] = {}
    for student, spec in plan.items():
        answers = dict(reference) if spec["base"] == "solution" else {}
        answers.update(spec.get("answers") or {})
        folder = course / "submitted" / student / name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(fill(rel, answers), folder / f"{name}.ipynb")
        (folder / "timestamp.txt").write_text(STUDENT_TIMESTAMP, encoding="utf-8")
        scores = dict(autograded)
        scores.update({k: float(v) for k, v in (spec.get("expect") or {}).items()})
        expected[student] = scores
    return expected


def gradebook(course: Path, name: str) -> dict[str, dict[str, dict]]:
    """``{student: {grade_id: {auto, manual, score, max, needs_manual}}}`` via nbgrader's API."""
    from nbgrader.api import Gradebook

    out: dict[str, dict[str, dict]] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        for sub in gb.find_assignment(name).submissions:
            row = out.setdefault(sub.student.id, {})
            for nb in sub.notebooks:
                for g in nb.grades:
                    row[g.name] = {
                        "auto": g.auto_score,
                        "manual": g.manual_score,
                        "score": g.score,
                        "max": g.max_score,
                        "needs_manual": bool(g.needs_manual_grade),
                        "markdown": g.cell_type == "markdown",
                    }
    return out


def grade_by_hand(course: Path, name: str, scores: dict[str, float]) -> None:
    """Score the written answers as a grader in formgrader would: ``{student: share of max}``."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        for student, share in scores.items():
            nb = gb.find_submission_notebook(name, name, student)
            for grade in nb.grades:
                if grade.cell_type == "markdown":
                    # What formgrader's grade handler does when a grader types a score.
                    grade.manual_score = share * grade.max_score
                    grade.needs_manual_grade = False
            gb.db.commit()


#: Manual scores given in the pipeline: the reference full marks, partial_a half.
MANUAL = {"reference": 1.0, "partial_a": 0.5}


def build_pipeline(target: Path) -> dict:
    """Generate, submit, autograde, grade by hand, feedback, export; return what tests check.

    tests/grader/test_problem_sets.py holds ``beyond-traffic grade`` to the same planned scores,
    so together the two files check that both graders agree on every problem set.
    """
    course = target / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(ROOT / "solutions", course / "solutions")
    released = release.generate(course, quiet=True)
    assert [p.parent.name for p in released if p.stem == p.parent.name] == ASSIGNMENTS
    nbgrader(
        course, "db", "student", "add", "reference", "--last-name=Solution", "--first-name=示范"
    )
    expected = {name: build_submissions(course, name) for name in ASSIGNMENTS}
    facts: dict = {"expected": expected, "plain": {}}
    for name in ASSIGNMENTS:
        nbgrader(course, "autograde", name, "--force")
        facts["plain"][name] = gradebook(course, name)
        grade_by_hand(course, name, MANUAL)
        facts.setdefault("after_manual", {})[name] = gradebook(course, name)
        nbgrader(course, "generate_feedback", name, "--force")
    nbgrader(course, "export", "--to=grades.csv")
    with open(course / "grades.csv", encoding="utf-8", newline="") as fh:
        facts["export"] = {
            f"{r['assignment']}/{r['student_id']}": float(r["score"]) for r in csv.DictReader(fh)
        }
    facts["course"] = str(course)
    return facts


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory) -> dict:
    return ct.shared_once(tmp_path_factory, "problem_sets_pipeline", build_pipeline)


def auto_scores(rows: dict[str, dict]) -> dict[str, float | None]:
    return {gid: g["auto"] for gid, g in rows.items() if not g["markdown"]}


@pytest.mark.slow
def test_generated_release_equals_committed_assignments(pipeline):
    course = Path(pipeline["course"])
    for name in ASSIGNMENTS:
        made = nbformat.read(course / "assignments" / name / f"{name}.ipynb", as_version=4)
        assert comparable(made) == comparable(release_nb(name)), (
            f"assignments/{name} is stale: run `make assignments`"
        )
        files = sorted(p.name for p in (course / "assignments" / name).iterdir())
        assert files == sorted(p.name for p in (ROOT / "assignments" / name).iterdir())


@pytest.mark.slow
def test_release_is_reproducible_byte_for_byte(pipeline):
    course = Path(pipeline["course"])
    for name in ASSIGNMENTS:
        for path in (ROOT / "assignments" / name).iterdir():
            made = course / "assignments" / name / path.name
            assert made.read_bytes() == path.read_bytes(), f"{name}/{path.name} differs"


@pytest.mark.slow
def test_autograde_gives_exactly_the_expected_scores(pipeline):
    wrong = []
    for name, students in pipeline["expected"].items():
        for student, expected in students.items():
            actual = auto_scores(pipeline["plain"][name][student])
            for grade_id, points in expected.items():
                if actual.get(grade_id) != pytest.approx(points):
                    wrong.append(f"{name}/{student}/{grade_id}: {actual.get(grade_id)} != {points}")
    assert wrong == []


@pytest.mark.slow
def test_written_answers_wait_for_a_human(pipeline):
    for name in ASSIGNMENTS:
        rows = pipeline["plain"][name]
        reference = [g for g in rows["reference"].values() if g["markdown"]]
        blank = [g for g in rows["blank"].values() if g["markdown"]]
        assert reference and all(g["needs_manual"] and g["manual"] is None for g in reference)
        assert blank and all(g["score"] == 0 and not g["needs_manual"] for g in blank)


@pytest.mark.slow
def test_manual_scores_reach_the_gradebook_feedback_and_export(pipeline):
    course = Path(pipeline["course"])
    for name in ASSIGNMENTS:
        after = pipeline["after_manual"][name]
        for student, share in MANUAL.items():
            written = [g for g in after[student].values() if g["markdown"]]
            assert written and all(g["score"] == pytest.approx(share * g["max"]) for g in written)
            assert not any(g["needs_manual"] for g in written)
            total = sum(pipeline["expected"][name][student].values())
            total += sum(share * g["max"] for g in written)
            assert pipeline["export"][f"{name}/{student}"] == pytest.approx(total), (name, student)
        page = (course / "feedback" / "reference" / name / f"{name}.html").read_text("utf-8")
        for g in after["reference"].values():
            if g["markdown"]:
                assert f"{g['max']:g} / {g['max']:g}" in page or f"{g['max']} / {g['max']}" in page


@pytest.mark.slow
def test_feedback_shows_messages_but_not_hidden_tests(pipeline):
    course = Path(pipeline["course"])
    for name in ASSIGNMENTS:
        hidden_lines = [
            line.strip()
            for cell in grade_cells(source_nb(name))
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
def test_export_writes_the_expected_totals(pipeline):
    for name, students in pipeline["expected"].items():
        for student, expected in students.items():
            if student in MANUAL:
                continue  # checked with their manual scores above
            got = pipeline["export"][f"{name}/{student}"]
            assert got == pytest.approx(sum(expected.values())), (name, student)


@pytest.mark.slow
def test_untouched_release_runs_to_the_end_without_errors(pipeline):
    """The blank submission, executed by autograde: no cell raised, nothing went to stderr."""
    course = Path(pipeline["course"])
    for name in ASSIGNMENTS:
        nb = nbformat.read(course / "autograded" / "blank" / name / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out.output_type != "error", f"{name}/{meta(cell).get('grade_id')}"
                assert not (out.output_type == "stream" and out.name == "stderr"), out.text


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solution_runs_top_to_bottom_quickly_and_quietly(name, tmp_path):
    from nbclient import NotebookClient

    for path in (ROOT / "solutions" / name).iterdir():
        if path.suffix not in (".py", ".ipynb"):
            shutil.copy(path, tmp_path / path.name)  # the capstone reads article.txt
    nb = source_nb(name)
    # CPU seconds of the kernel (a child, counted once it is waited for), not wall time: a busy
    # machine stretches wall time, not the work a notebook does.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert seconds < 60, f"{name} took {seconds:.1f} CPU seconds"
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
    full = max_points(nb)
    for cell in grade_cells(nb):
        result = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert result, f"{meta(cell)['grade_id']} shows its points"
        assert float(result[-1].data["text/plain"]) == full[meta(cell)["grade_id"]]
