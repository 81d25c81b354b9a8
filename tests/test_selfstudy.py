"""``beyond-traffic solutions``: worked solutions open question by question after an attempt."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from beyond_traffic import cli, release, selfstudy

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = list(release.ASSIGNMENTS)


def meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def solution_answers(name: str) -> dict[str, str]:
    nb = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)
    # What a learner would have typed: the reference answer without nbgrader's markers.
    return {
        meta(c)["grade_id"]: re.sub(r"\n?[ \t]*### (BEGIN|END) SOLUTION", "", c.source)
        for c in nb.cells
        if meta(c).get("solution")
    }


def learner_copy(tmp_path: Path, name: str, answers: dict[str, str] | None = None) -> Path:
    """The released folder as a learner has it, with some answer cells filled in."""
    folder = tmp_path / name
    shutil.copytree(ROOT / "assignments" / name, folder)
    path = folder / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if meta(cell).get("grade_id") in (answers or {}):
            cell.source = answers[meta(cell)["grade_id"]]
    nbformat.write(nb, path)
    return path


def written_answer() -> str:
    return "我的判断：直播带货在现在并没有改变生产，两篇文章的分歧在将来。" * 2


def attempt(name: str, share: float) -> tuple[dict[str, str], list[selfstudy.Question]]:
    """Reference answers for the first ``share`` of the questions (written ones get a text)."""
    rel = nbformat.read(ROOT / "assignments" / name / f"{name}.ipynb", as_version=4)
    questions = selfstudy.questions(rel)
    chosen = questions[: round(share * len(questions))]
    reference = solution_answers(name)
    answers = {
        q.answer_id: written_answer() if q.written else reference[q.answer_id] for q in chosen
    }
    return answers, chosen


def unique_line(part: str, everything: str) -> str:
    """The longest line of ``part`` that occurs only once in the whole notebook."""
    lines = [line.strip() for line in part.splitlines() if len(line.strip()) > 8]
    return max((line for line in lines if everything.count(line) == 1), key=len)


def solve(args: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(["solutions", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- refusing


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_untouched_release_is_refused(name, tmp_path, capsys):
    path = learner_copy(tmp_path, name)
    code, _, err = solve([name, "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 3
    assert "先试一试" in err and "Try first" in err
    assert not (path.parent / f"{name}_worked.ipynb").exists()


def test_comments_and_docstrings_are_not_an_attempt(tmp_path, capsys):
    rel = nbformat.read(ROOT / "assignments" / "ps2_count" / "ps2_count.ipynb", as_version=4)
    answers = {}
    for cell in rel.cells:
        if meta(cell).get("solution") and cell.cell_type == "code":
            answers[meta(cell)["grade_id"]] = cell.source + "\n# 我还没想好 / thinking…\n"
        elif meta(cell).get("solution"):
            answers[meta(cell)["grade_id"]] = "不会"
    path = learner_copy(tmp_path, "ps2_count", answers)
    code, _, _ = solve(["ps2_count", "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 3


def test_fewer_than_half_of_the_questions_is_refused(tmp_path, capsys):
    answers, chosen = attempt("ps3_critique", 0.3)
    assert chosen
    path = learner_copy(tmp_path, "ps3_critique", answers)
    code, _, err = solve(["ps3_critique", "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 3 and "q10_contested" in err


def test_another_assignments_notebook_is_refused(tmp_path, capsys):
    answers, _ = attempt("ps2_count", 1.0)
    path = learner_copy(tmp_path, "ps2_count", answers)
    code, _, err = solve(["ps1_segment", "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 3 and "ps1_segment" in err


def test_a_student_edition_without_solutions_has_nothing_to_open(tmp_path, capsys, monkeypatch):
    edition = tmp_path / "edition"
    shutil.copytree(ROOT / "assignments", edition / "assignments")
    answers, _ = attempt("ps1_segment", 1.0)
    path = learner_copy(edition / "work", "ps1_segment", answers)
    monkeypatch.chdir(edition)
    code, _, err = solve(["ps1_segment", "--notebook", str(path)], capsys)
    assert code == 2 and "solutions" in err
    # Outside the repository the fix is to name the course, not a missing edition.
    assert "--course DIR" in err and "classroom" not in err


def test_the_learners_own_notebook_is_never_overwritten(tmp_path, capsys):
    answers, _ = attempt("ps2_count", 1.0)
    path = learner_copy(tmp_path, "ps2_count", answers)
    before = path.read_bytes()
    code, _, err = solve(
        ["ps2_count", "--notebook", str(path), "--course", str(ROOT), "--out", str(path)], capsys
    )
    assert code == 2 and "overwrite" in err
    assert path.read_bytes() == before


def test_wrong_types_get_a_named_error():
    with pytest.raises(TypeError, match="notebook"):
        selfstudy.attempted("ps1", nbformat.v4.new_notebook())
    with pytest.raises(TypeError, match="release"):
        selfstudy.questions({})
    with pytest.raises(TypeError, match="path"):
        selfstudy.load_explanations("instructors/worked/ps1_segment.md")


def test_a_core_only_install_gets_a_clear_message(tmp_path, capsys, monkeypatch):
    """Without nbformat (the lab extra) every command still parses; this one says what to add."""
    path = learner_copy(tmp_path, "ps2_count")
    monkeypatch.setitem(sys.modules, "nbformat", None)
    assert cli.build_parser().parse_args(["clean", "A1"]).source == "A1"
    code, _, err = solve(["ps2_count", "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 2 and "beyond-traffic[lab]" in err


def test_a_syntax_error_is_an_attempt():
    rel = nbformat.read(ROOT / "assignments" / "ps1_segment" / "ps1_segment.ipynb", as_version=4)
    mine = nbformat.reads(nbformat.writes(rel), as_version=4)
    for cell in mine.cells:
        if meta(cell).get("grade_id") == "q6_prf_answer":
            cell.source = cell.source + "\n    correct = len(set(a) & set(b)\n"
    status = selfstudy.attempted(mine, rel)
    assert status["q6_prf"] is True
    assert sum(status.values()) == 1


# --------------------------------------------------------------------------- opening


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_an_attempt_opens_exactly_the_attempted_questions(name, tmp_path, capsys):
    answers, chosen = attempt(name, 0.6)
    path = learner_copy(tmp_path, name, answers)
    code, out, _ = solve([name, "--notebook", str(path), "--course", str(ROOT)], capsys)
    assert code == 0, out
    worked = nbformat.read(path.parent / f"{name}_worked.ipynb", as_version=4)
    text = "\n".join(c.source for c in worked.cells)
    assert all("nbgrader" not in c.metadata for c in worked.cells), "not an assignment"
    assert "BEGIN SOLUTION" not in text
    explanations = selfstudy.load_explanations(ROOT / "instructors" / "worked" / f"{name}.md")
    source = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)
    by_id = {meta(c).get("grade_id"): c for c in source.cells}
    opened = {q.grade_id for q in chosen}
    rel = nbformat.read(ROOT / "assignments" / name / f"{name}.ipynb", as_version=4)
    for q in selfstudy.questions(rel):
        explanation = explanations[q.grade_id].splitlines()[0]
        if q.written:
            exemplar = (ROOT / "instructors" / "exemplars" / f"{name}_{q.grade_id}.md").read_text(
                encoding="utf-8"
            )
            # a quoted strong answer, or the heading of a skeleton still to be written
            lines = exemplar.splitlines()
            strong = next((line for line in lines if line.startswith("> ")), lines[0])
            assert (strong in text) == (q.grade_id in opened), q.grade_id
        else:
            everything = "\n".join(c.source for c in source.cells)
            body = re.search(
                r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", by_id[q.answer_id].source, re.S
            ).group(1)
            hidden_part = by_id[q.grade_id].source.split("### BEGIN HIDDEN TESTS")[1]
            key_line = unique_line(body, everything)
            hidden = unique_line(hidden_part, everything)
            assert (key_line in text) == (q.grade_id in opened), q.grade_id
            assert (hidden in text) == (q.grade_id in opened), q.grade_id
        assert (explanation in text) == (q.grade_id in opened), q.grade_id
    assert f"{len(opened)} of {len(selfstudy.questions(rel))}" in out


@pytest.mark.slow
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_a_full_worked_notebook_runs_and_its_checks_pass(name, tmp_path, capsys):
    from nbclient import NotebookClient

    answers, _ = attempt(name, 1.0)
    path = learner_copy(tmp_path, name, answers)
    assert solve([name, "--notebook", str(path), "--course", str(ROOT)], capsys)[0] == 0
    worked = nbformat.read(path.parent / f"{name}_worked.ipynb", as_version=4)
    NotebookClient(
        worked,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    scores = []
    for cell in worked.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", cell.source[:200]
        if "ck.report()" in cell.source:
            result = [o for o in cell.outputs if o.output_type == "execute_result"]
            scores.append(float(result[-1].data["text/plain"]))
            assert "✘" not in "".join(o.get("text", "") for o in cell.outputs)
    assert len(scores) == sum(not q.written for q in selfstudy.questions(worked_release(name)))


def worked_release(name: str):
    return nbformat.read(ROOT / "assignments" / name / f"{name}.ipynb", as_version=4)
