"""The capstone: its unseen article, and the whole nbgrader round trip through the exchange."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from capstone_article import requires_course_article

from beyond_traffic import release
from beyond_traffic.clean import audit, clean_text
from beyond_traffic.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
NAME = "ps4_capstone"
FOLDER = ROOT / "solutions" / NAME
CAPSTONE = ROOT / "instructors" / "capstone"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


def generator():
    spec = importlib.util.spec_from_file_location("make_article", CAPSTONE / "make_article.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def original() -> str:
    return (CAPSTONE / "original.txt").read_text(encoding="utf-8").strip("\n")


@requires_course_article
def test_shipped_page_is_the_generators_output():
    page = generator().make_page(original())
    assert (FOLDER / "article.txt").read_text(encoding="utf-8") == page, (
        "run python instructors/capstone/make_article.py"
    )


def test_released_page_and_note_are_the_sources():
    """Whatever the article, the release carries it byte for byte, with its note."""
    for name in ("article.txt", "ARTICLE.md"):
        assert (ROOT / "assignments" / NAME / name).read_bytes() == (FOLDER / name).read_bytes()


@requires_course_article
def test_page_is_noisy_like_the_corpus():
    page = (FOLDER / "article.txt").read_text(encoding="utf-8")
    assert len(re.findall(rf"\([a-z{TONED}]+\)", page)) > 100, "pinyin notes"
    assert "產業" in page or "產(chǎn)業" in page, "Traditional script"
    assert re.search(r"[\u4e00-\u9fff],", page), "half-width punctuation"
    plain = re.sub(rf"\([a-z{TONED}]+\)", "", page)
    for furniture in ("文/", "免責聲明", "相關閱讀", "分享到微信", "@example.com"):
        assert furniture in plain


@requires_course_article
def test_article_is_unseen():
    """No sentence of it is in the corpus, the synthetic generator, a lesson or another set."""
    from beyond_traffic import synthetic

    text = original()
    sentences = [s for s in re.split(r"(?<=[。！？])", text.replace("\n", "")) if len(s) > 8]
    assert len(sentences) > 30
    corpus = "".join(a.clean for a in load_corpus())
    generated = "".join(synthetic._SENTENCES)
    for sentence in sentences:
        assert sentence not in corpus and sentence not in generated, sentence
    elsewhere = [p for p in (ROOT / "course").rglob("*.py")] + [
        p for p in (ROOT / "solutions").rglob("*.py") if NAME not in p.parts
    ]
    for path in elsewhere:
        body = path.read_text(encoding="utf-8")
        assert "青溪" not in body and "article.txt" not in body, f"{path} uses the capstone"


@requires_course_article
def test_article_is_labelled_as_written_for_the_course_with_a_licence():
    note = (FOLDER / "ARTICLE.md").read_text(encoding="utf-8")
    for words in ("Written for the course", "fiction", "MIT licence", "substitute"):
        assert words in note
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


@requires_course_article
def test_cleaning_and_the_residue_rules_recover_the_original_text():
    """Of the three planted residues, the counter line and the detached note are cleaned by
    kind; the lost quotation mark (U+FFFD) is kept and named by the audit."""
    import problem_set_facts as facts

    page = (FOLDER / "article.txt").read_text(encoding="utf-8")
    residue = facts.c_residue()
    assert [reason for _, reason in residue] == ["replacement"]
    assert clean_text(page) == original().replace("上链接”", "上链接\ufffd", 1)
    garbled = audit(page).garbled
    assert [span.text for span in garbled] == ["\ufffd"]
    assert garbled[0].garbled == "上鍊接\ufffd。這"
    # The only loss is the closing quotation mark the decoding error replaced.
    assert facts.capstone_text() == original().replace("上链接”", "上链接", 1)


# ---------------------------------------------------------------------------------------------
# the real round trip: generate, release, fetch, submit, collect, autograde, grade by hand,
# feedback (generated, released, fetched), export


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        env=release.nbgrader_env(),
    )
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_capstone_round_trip_through_the_exchange(tmp_path):
    from nbgrader.api import Gradebook

    course, student = tmp_path / "course", tmp_path / "student"
    course.mkdir()
    student.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(FOLDER, course / "solutions" / NAME)
    release.generate(course, assignments=[NAME], quiet=True)
    exchange = [f"--Exchange.root={course / '.exchange'}", "--course=beyond-traffic"]
    run(["release_assignment", NAME], course)

    run(["fetch_assignment", NAME, *exchange], student)
    fetched = student / NAME
    assert sorted(p.name for p in fetched.iterdir()) == [
        "ARTICLE.md",
        "article.txt",
        f"{NAME}.ipynb",
    ]
    nb = nbformat.read(fetched / f"{NAME}.ipynb", as_version=4)
    source = nbformat.read(FOLDER / f"{NAME}.ipynb", as_version=4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    answers["q10_report"] = (
        "这篇文章认为直播带货倒逼了生产，但没有改造生产；证据多来自利益相关方。" * 3
    )
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, fetched / f"{NAME}.ipynb")
    run(["submit", NAME, *exchange, "--student=s001"], student)

    run(["collect", NAME], course)
    assert (course / "submitted" / "s001" / NAME / "article.txt").is_file()
    run(["autograde", NAME], course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        submission = gb.find_submission_notebook(NAME, NAME, "s001")
        report = next(g for g in submission.grades if g.name == "q10_report")
        assert report.needs_manual_grade and report.auto_score is None
        auto = sum(g.auto_score for g in submission.grades if g.cell_type == "code")
        report.manual_score = 8
        report.needs_manual_grade = False  # as formgrader's grade handler does
        gb.db.commit()
    assert auto == pytest.approx(15), "the reference answers earn every autograded point"

    run(["generate_feedback", NAME], course)
    run(["release_feedback", NAME], course)
    run(["fetch_feedback", NAME, *exchange, "--student=s001"], student)
    pages = list((student / NAME / "feedback").rglob(f"{NAME}.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert "8.0 / 10.0" in page or "8 / 10" in page, "the manual score reaches the student"
    assert "BEGIN HIDDEN TESTS" not in page

    run(["export", "--to=grades.csv"], course)
    with open(course / "grades.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["assignment"], r["student_id"]) for r in rows] == [(NAME, "s001")]
    assert float(rows[0]["score"]) == pytest.approx(15 + 8)
    assert float(rows[0]["max_score"]) == pytest.approx(25)
