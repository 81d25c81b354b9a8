"""Tests for beyond_traffic.capstone: bad input writes nothing; a substitute article makes ps4."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from beyond_traffic import release
from beyond_traffic.capstone import (
    MIN_HAN,
    CapstoneError,
    install_capstone,
    read_page,
    sniff_encoding,
)
from beyond_traffic.clean import clean_text
from beyond_traffic.cli import main
from beyond_traffic.damage import garble

ROOT = Path(__file__).resolve().parents[1]
NAME = "ps4_capstone"
SUBSTITUTE = ROOT / "tests" / "fixtures" / "capstone" / "article.txt"


def _fake_course(tmp_path: Path) -> Path:
    """The files the command reads and writes, without nbgrader's release (fast tests)."""
    course = tmp_path / "course"
    (course / "solutions" / NAME).mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    for name in (f"{NAME}.ipynb", "article.txt", "ARTICLE.md"):
        shutil.copy(ROOT / "solutions" / NAME / name, course / "solutions" / NAME / name)
    return course


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _page(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


TEXT = SUBSTITUTE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not text"),
        ("直播\x00带货\x01\x02\x03\x04\x05".encode() * 40, "binary"),
        (TEXT.encode("gb18030"), "GB18030"),
        (TEXT.encode("utf-16"), "UTF-16"),
        ("直播带货只是一个窗口。文/某人\n".encode() * 10, f"at least {MIN_HAN}"),
    ],
    ids=["empty", "blank", "png", "control", "gb18030", "utf16", "short"],
)
def test_bad_pages_are_refused_and_nothing_is_written(tmp_path, data, message) -> None:
    course = _fake_course(tmp_path)
    before = _snapshot(course)
    with pytest.raises(CapstoneError, match=message):
        install_capstone(_page(tmp_path, data), source="S", licence="L", root=course, release=False)
    assert _snapshot(course) == before


def test_big5_is_named() -> None:
    traditional = "產業互聯網下的直播帶貨，工廠第一次直接聽到了消費者的聲音。" * 5
    assert sniff_encoding(traditional.encode("big5")) == "big5"
    assert sniff_encoding(TEXT.encode("gb18030")) == "gb18030"


@pytest.mark.parametrize("missing", ["--source", "--licence"])
def test_missing_source_or_licence_is_a_clear_error(tmp_path, capsys, missing) -> None:
    course = _fake_course(tmp_path)
    before = _snapshot(course)
    args = ["capstone", str(SUBSTITUTE), "--root", str(course), "--no-release"]
    args += [a for a in ("--source", "https://example.com/a", "--licence", "CC BY 4.0")]
    i = args.index(missing)
    del args[i : i + 2]
    assert main(args) == 2
    assert f"{missing} is missing" in capsys.readouterr().err
    assert _snapshot(course) == before


def test_not_a_course_folder(tmp_path) -> None:
    with pytest.raises(CapstoneError, match="not a clone of the course"):
        install_capstone(SUBSTITUTE, source="S", licence="L", root=tmp_path, release=False)
    assert list(tmp_path.iterdir()) == []


def test_read_page_gives_bytes_and_text() -> None:
    data, text = read_page(SUBSTITUTE)
    assert data == SUBSTITUTE.read_bytes() and text == TEXT


def test_files_and_report_without_the_release(tmp_path, capsys) -> None:
    course = _fake_course(tmp_path)
    page = TEXT.replace("物流公司", garble("物流公司"), 1)
    path = _page(tmp_path, page.encode("utf-8"), "荔枝.txt")
    args = ["capstone", str(path), "--source", "course-written test page", "--licence", "MIT"]
    assert main([*args, "--title", "产地的直播间", "--root", str(course), "--no-release"]) == 0
    out = capsys.readouterr()
    folder = course / "solutions" / NAME
    assert (folder / "article.txt").read_bytes() == path.read_bytes()
    note = (folder / "ARTICLE.md").read_text(encoding="utf-8")
    assert "产地的直播间" in note and "course-written test page" in note and "MIT" in note
    skeleton = course / "instructors" / "exemplars" / f"{NAME}_q10_report.md"
    assert "the instructor's job" in skeleton.read_text(encoding="utf-8")
    report = (course / "instructors" / "capstone" / "REPORT.md").read_text(encoding="utf-8")
    assert report == out.out.rstrip("\n") + "\n"
    for kind in ("breadcrumb 1", "counter 1", "image credit 1", "author bio 1", "follow prompt 1"):
        assert kind in report
    han = len(re.findall("[\u3400-\u9fff]", clean_text(page)))
    assert f"{han} Han characters" in report
    assert "1 span(s) are kept" in report
    errata = [line for line in report.splitlines() if line.count("\t") == 3]
    assert len(errata) == 1 and garble("物流公司")[:2] in errata[0]
    assert "<correction>" in errata[0] and errata[0].endswith("\tC")
    assert "They stay fast." in report
    assert "looks mis-decoded" in out.err


# ---------------------------------------------------------------------------------------------
# end to end: a copy of the course, the command, the release, real nbgrader autograde


def _nbgrader(course: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        capture_output=True,
        text=True,
        timeout=900,
        env=release.nbgrader_env(),
    )
    assert done.returncode == 0, f"nbgrader {' '.join(args)}:\n{done.stderr[-3000:]}"


@pytest.mark.slow
def test_substitute_article_makes_a_working_problem_set(tmp_path) -> None:
    from nbgrader.api import Gradebook

    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(ROOT / "solutions" / NAME, course / "solutions" / NAME)
    shutil.copytree(ROOT / "assignments" / NAME, course / "assignments" / NAME)
    shutil.copytree(ROOT / "instructors", course / "instructors")

    done = subprocess.run(
        [sys.executable, "-m", "beyond_traffic.cli", "capstone", str(SUBSTITUTE),
         "--source", "written for the course's tests", "--licence", "MIT"],
        cwd=course, capture_output=True, text=True, timeout=900,
        env=release.nbgrader_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    released = course / "assignments" / NAME
    # the command only writes solutions/: the page reaches assignments/ through the release
    assert (released / "article.txt").read_bytes() == SUBSTITUTE.read_bytes()
    assert "written for the course's tests" in (released / "ARTICLE.md").read_text("utf-8")
    nb_release = nbformat.read(released / f"{NAME}.ipynb", as_version=4)
    assert "BEGIN SOLUTION" not in "".join(c.source for c in nb_release.cells)

    source = nbformat.read(course / "solutions" / NAME / f"{NAME}.ipynb", as_version=4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    for student, fill in (("reference", True), ("blank", False)):
        folder = course / "submitted" / student / NAME
        folder.mkdir(parents=True)
        nb = nbformat.read(released / f"{NAME}.ipynb", as_version=4)
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if fill and gid in answers and cell.cell_type == "code":
                cell.source = answers[gid]
        nbformat.write(nb, folder / f"{NAME}.ipynb")
        for name in ("article.txt", "ARTICLE.md"):
            shutil.copy(released / name, folder / name)
    _nbgrader(course, "autograde", NAME, "--create", "--force")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "beyond-traffic") as gb:
        scores = {}
        for student in ("reference", "blank"):
            nb = gb.find_submission_notebook(NAME, NAME, student)
            scores[student] = sum(g.auto_score or 0 for g in nb.grades if g.cell_type == "code")
        full = sum(g.max_score for g in nb.grades if g.cell_type == "code")
    assert full == pytest.approx(15)
    assert scores == {"reference": pytest.approx(full), "blank": 0}


def test_planned_scores_follow_the_page_in_place(tmp_path) -> None:
    """A check graded on article.txt moves a partial submission's planned score with the page."""
    import course_tools as ct

    repo = tmp_path / "repo"
    (repo / "tests" / "submissions").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "submissions" / f"{NAME}.yaml", repo / "tests" / "submissions")
    (repo / "solutions" / NAME).mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / NAME / f"{NAME}.ipynb", repo / "solutions" / NAME)

    def planned(page: str) -> float:
        (repo / "solutions" / NAME / "article.txt").write_text(page, encoding="utf-8")
        return dict(ct.expected_scores(repo, NAME))["partial_a"]["q3_residue"]

    from capstone_article import course_page

    stated = planned(course_page())
    assert planned(TEXT) == stated, "no line of the substitute has two reasons: same score"
    # a line with two reasons (a toned letter and U+FFFD): the reasons' order tells them apart;
    # the article check (0.5) fails and the edge cases (0.25) go with it
    assert planned(TEXT + "\n他在那家Café里说\ufffd好。\n") == pytest.approx(stated - 0.75)


# ---------------------------------------------------------------------------------------------
# the course's tests with another page in place

#: The test modules about ps4, its article, its exemplars and what is built from them.
PS4_MODULES = (
    "tests/test_capstone.py",
    "tests/test_ps4_capstone.py",
    "tests/test_exemplars.py",
    "tests/test_selfstudy.py",
    "tests/test_edition.py",
    "tests/test_assignments.py",
)


@pytest.mark.slow
def test_the_ps4_tests_pass_with_a_substitute_article(tmp_path) -> None:
    """In a copy of the course with the substitute in place, the ps4 test modules pass: what is
    about the course's own article is skipped as such, everything else runs on the new page."""
    course = tmp_path / "course"
    junk = (".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", "_build")
    shutil.copytree(ROOT, course, ignore=shutil.ignore_patterns(*junk))
    # the copy's package, not the editable install of this checkout
    env = {**release.nbgrader_env(), "PYTHONPATH": str(course / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "beyond_traffic.cli", "capstone", str(SUBSTITUTE),
         "--source", "written for the course's tests", "--licence", "MIT"],
        cwd=course, capture_output=True, text=True, timeout=900, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (course / "solutions" / NAME / "article.txt").read_bytes() == SUBSTITUTE.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "not slow", "-q", "-rs", "-p", "no:cacheprovider",
         *PS4_MODULES],
        cwd=course, capture_output=True, text=True, timeout=1800, env=env,
    )  # fmt: skip
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-6000:]
    assert "an instructor substituted the capstone's article" in out
    assert "is a skeleton: writing three reports on the new article is the instructor's job" in out
