"""The lessons: all eight present, committed clean, paired with jupytext, and run without errors."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from lesson_tools import execute_lesson, lesson_paths, problems

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "course"
LESSONS = [
    "00_orientation",
    "01_argument_map",
    "02_cleaning",
    "03_segmentation",
    "04_counting",
    "05_visualisation",
    "06_claims_critique",
    "07_synthesis",
]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_all_eight_lessons_exist_in_order():
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
