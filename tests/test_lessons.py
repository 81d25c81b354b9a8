"""The lessons: all present, committed clean, paired, consistent in form, and runnable."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import jupytext
import nbformat
import pytest
from lesson_tools import execute_lesson, lesson_paths, problems

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "course"
LESSONS = [
    "00_orientation",
    "00a_python_primer",
    "01_argument_map",
    "02_cleaning",
    "03_segmentation",
    "04_counting",
    "05_visualisation",
    "06_claims_critique",
    "06_marker_validation",
    "07_synthesis",
]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_all_lessons_exist_in_order():
    assert [p.stem for p in lesson_paths(COURSE)] == LESSONS
    assert (COURSE / "glossary.md").is_file()


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_is_committed_without_outputs(name):
    nb = nbformat.read(COURSE / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a code cell has outputs"
            assert cell.execution_count is None, f"{name}: a code cell has an execution count"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_opens_with_english_abstract_and_goals(name):
    nb = nbformat.read(COURSE / f"{name}.ipynb", as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    assert HAN.search(first.source), "the title is in Chinese"
    assert "Abstract" in first.source
    text = "\n".join(c.source for c in nb.cells[:3])
    assert "学习目标" in text
    all_text = "\n".join(c.source for c in nb.cells)
    assert "动手试试" in all_text, "each lesson has a Your turn exercise"
    assert "小结" in all_text or "Recap" in all_text


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_is_in_sync_with_its_paired_text_file(name):
    ipynb = jupytext.read(COURSE / f"{name}.ipynb")
    text = jupytext.read(COURSE / f"{name}.py")
    formats = ipynb.metadata.get("jupytext", {}).get("formats", "")
    assert "py:percent" in formats, f"{name}.ipynb is not paired with a percent .py"

    def cells(nb):
        return [(c.cell_type, c.source.strip()) for c in nb.cells]

    assert cells(ipynb) == cells(text), (
        f"{name}.ipynb and {name}.py have drifted: run `jupytext --sync course/{name}.py`"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_top_to_bottom_without_errors(name):
    run = execute_lesson(COURSE / f"{name}.ipynb", timeout=120)
    assert problems(run.notebook) == []
    outputs = [o for c in run.notebook.cells for o in c.get("outputs", [])]
    assert outputs, "an executed lesson shows something"
    print(f"{name}: {run.seconds:.1f} s")


def test_problems_reports_errors_stderr_and_missing_glyphs():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[]),
        nbformat.v4.new_output("stream", name="stderr", text="jieba noise"),
        nbformat.v4.new_output(
            "stream", name="stdout", text="Glyph 27969 missing from font(s) DejaVu Sans."
        ),
    ]
    nb.cells.append(cell)
    found = problems(nb)
    assert len(found) == 3
    assert "NameError" in found[0] and "stderr" in found[1] and "glyph" in found[2]


# --- form and terminology (issues 11 and 12) ------------------------------------------------------


def _cells(name):
    return jupytext.read(COURSE / f"{name}.py").cells


def _code(name):
    return [c.source for c in _cells(name) if c.cell_type == "code"]


def _markdown(name):
    return "\n".join(c.source for c in _cells(name) if c.cell_type == "markdown")


@pytest.mark.parametrize("name", LESSONS)
def test_code_uses_ascii_identifiers(name):
    # issue 12: learners type the code; Chinese belongs in strings, comments and data
    bad = set()
    for source in _code(name):
        lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        for tok in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            if tok.type == tokenize.NAME and not tok.string.isascii():
                bad.add(tok.string)
    assert not bad, f"{name}: non-ASCII identifiers {sorted(bad)}"


LEVEL = re.compile(
    r"^### 动手试试 / Your turn (\d+) · (★{1,3}) (热身 / warm-up|练习 / practice|挑战 / stretch)$"
)
LEVELS = {"★": "热身 / warm-up", "★★": "练习 / practice", "★★★": "挑战 / stretch"}


def _exercises(name):
    headings = [
        line.strip()
        for c in _cells(name)
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith("### 动手试试")
    ]
    return headings


@pytest.mark.parametrize("name", LESSONS)
def test_exercises_are_numbered_and_labelled_with_a_level(name):
    headings = _exercises(name)
    assert headings, name
    numbers = []
    for heading in headings:
        match = LEVEL.match(heading)
        assert match, f"{name}: {heading!r} lacks a level (★ 热身, ★★ 练习, ★★★ 挑战)"
        assert LEVELS[match[2]] == match[3], heading
        numbers.append(int(match[1]))
    assert numbers == list(range(1, len(numbers) + 1)), f"{name}: exercises numbered {numbers}"


def test_exercises_have_graded_difficulty_across_the_course():
    levels = [LEVEL.match(h)[2] for name in LESSONS for h in _exercises(name)]
    assert len(levels) >= 23
    assert levels.count("★★★") >= 4, "a few stretch exercises"
    assert levels.count("★") <= len(levels) // 3, "warm-ups (read-offs) are the minority"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_states_its_time_and_ends_with_further_reading(name):
    cells = _cells(name)
    assert "预计用时 / Estimated time" in cells[0].source, "time in the opening cell"
    last = cells[-1]
    assert last.cell_type == "markdown"
    assert last.source.lstrip().startswith("## 延伸阅读 / Further reading")
    assert "预计用时 / Estimated time" in last.source
    references = [line for line in last.source.splitlines() if line.startswith("- ")]
    assert len(references) >= 2, f"{name}: at least two readings"


GLOSSARY = (COURSE / "glossary.md").read_text(encoding="utf-8")
SENDS = re.compile(r"术语（([^）]+)）见 `course/glossary\.md`")


@pytest.mark.parametrize("name", LESSONS)
def test_every_term_a_lesson_sends_to_the_glossary_is_there(name):
    sent = [m.group(1) for m in SENDS.finditer(_markdown(name))]
    assert sent, f"{name} sends learners to the glossary"
    pieces = [t.strip().rstrip("…").strip() for group in sent for t in re.split(r"[、，,]", group)]
    terms = [t for t in pieces if t]
    rows = [line for line in GLOSSARY.splitlines() if line.startswith("|")]
    missing = [t for t in terms if not any(t in row for row in rows)]
    assert not missing, f"{name}: not in the glossary tables: {missing}"


# One terminology (issue 11): the glossary's term wins; these alternatives are not used.
NOT_OUR_TERMS = {
    "准确率": "精确率 (precision); 准确率 is accuracy",
    "口水话": "填充语",
    "主张（应然）": "规范论断",
    "增强语": "确定性标记 (boosters)",
    "论据": "证据 (evidence)",
    "少见的套话": "套话 (no reference corpus says they are rare)",
}


@pytest.mark.parametrize("name", LESSONS)
def test_lessons_use_the_glossary_terms(name):
    text = "\n".join(c.source for c in _cells(name))
    for wrong, right in NOT_OUR_TERMS.items():
        assert wrong not in text, f"{name}: uses {wrong!r}; the course term is {right}"


def test_every_lesson_is_listed_in_the_course_readme_and_the_orientation_map():
    # a lesson added or split must appear wherever the course lists its lessons
    readme = (COURSE / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| [^|]+ \| `(\d\d[a-z]?_\w+)\.ipynb` \|", readme, re.M)
    assert listed == LESSONS, "course/README.md's lesson table lists every lesson, in order"
    source = (COURSE / "00_orientation.py").read_text(encoding="utf-8")
    rows = re.findall(r"^# \| (\d\d[a-z]?)(?: [上下]篇)? \|", source, re.M)
    assert rows == [name.split("_")[0] for name in LESSONS], "lesson 00's course map"
