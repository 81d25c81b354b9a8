"""A class without a hub: LMS archives in through nbgrader zip_collect, grades out as LMS CSV."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

from beyond_traffic import cli
from beyond_traffic.lms import (
    CanvasCollector,
    GradeRow,
    MoodleCollector,
    grade_rows,
    grades_csv,
)

# Participant / user ids, names and answers of a small class; 1003 never hands anything in.
CLASS = {
    "1001": ("李 明", "liming", ct.HONEST),
    "1002": ("Wang Fang", "wangfang", ct.PARTIAL),
    "1003": ("张 三", "zhangsan", None),
}


@pytest.mark.parametrize(
    ("path", "student", "file_id"),
    [
        # Moodle 3.1+ default: one folder per student.
        ("/x/extracted/李 明_1001_assignsubmission_file_/mini.ipynb", "1001", "mini.ipynb"),
        # "Download submissions in folders" off: flat files.
        ("/x/extracted/Wang Fang_1002_assignsubmission_file_mini.ipynb", "1002", "mini.ipynb"),
        # Archives inside the archive are unpacked into a folder of their own.
        (
            "/x/extracted/m/Anna-Lena O'Neil_77_assignsubmission_file_/mini.ipynb",
            "77",
            "mini.ipynb",
        ),
    ],
)
def test_moodle_names(path, student, file_id):
    info = MoodleCollector().collect(path)
    assert (info["student_id"], info["file_id"]) == (student, file_id)


@pytest.mark.parametrize(
    ("path", "student", "file_id"),
    [
        ("/x/extracted/liming_1001_5550001_mini.ipynb", "1001", "mini.ipynb"),
        ("/x/extracted/wangfang_LATE_1002_5550002_mini-1.ipynb", "1002", "mini.ipynb"),
        ("/x/extracted/wangfang_1002_5550003_mini-12.ipynb", "1002", "mini.ipynb"),
    ],
)
def test_canvas_names(path, student, file_id):
    info = CanvasCollector().collect(path)
    assert (info["student_id"], info["file_id"]) == (student, file_id)


@pytest.mark.parametrize(
    "path",
    [
        "/x/extracted/李 明_1001_assignsubmission_onlinetext_/onlinetext.html",
        "/x/extracted/notes.ipynb",
        "/x/extracted/liming_1001_mini.ipynb",
    ],
)
def test_files_that_are_not_submissions_are_skipped(path):
    assert MoodleCollector().collect(path) is None
    assert CanvasCollector().collect(path) is None


def _archive(course: Path, lms: str) -> Path:
    """An archive named and laid out as the LMS's "download all submissions" makes it."""
    folder = course / "downloaded" / ct.ASSIGNMENT / "archive"
    folder.mkdir(parents=True)
    path = folder / (f"{lms}-mini-submissions.zip")
    with zipfile.ZipFile(path, "w") as zf:
        for i, (sid, (name, key, answers)) in enumerate(CLASS.items()):
            if answers is None:
                continue
            text = nbformat.writes(ct.answered(course, answers))
            if lms == "moodle":
                zf.writestr(f"{name}_{sid}_assignsubmission_file_/{ct.ASSIGNMENT}.ipynb", text)
                zf.writestr(
                    f"{name}_{sid}_assignsubmission_onlinetext_/onlinetext.html", "<p>见附件</p>"
                )
            else:
                late = "LATE_" if i else ""
                zf.writestr(f"{key}_{late}{sid}_{555000 + i}_{ct.ASSIGNMENT}-1.ipynb", text)
    return path


def _zip_collect(course: Path, collector: str) -> None:
    ct.nbgrader(course, "zip_collect", ct.ASSIGNMENT, f"--collector=beyond_traffic.lms.{collector}")


@pytest.fixture(scope="module")
def moodle_class(tmp_path_factory):
    course = ct.make_course(tmp_path_factory.mktemp("lms") / "course")
    for sid, (name, _, _) in CLASS.items():
        first, _, last = name.partition(" ")
        ct.nbgrader(
            course, "db", "student", "add", sid, f"--first-name={first}", f"--last-name={last}"
        )
    _archive(course, "moodle")
    _zip_collect(course, "MoodleCollector")
    run = ct.beyond_traffic(course, "grade", ct.ASSIGNMENT, "--jobs", "2", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    return course


def test_moodle_archive_is_collected_and_graded(moodle_class):
    submitted = moodle_class / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["1001", "1002"]
    for sid in ("1001", "1002"):
        files = sorted(p.name for p in (submitted / sid / ct.ASSIGNMENT).iterdir())
        assert files == [f"{ct.ASSIGNMENT}.ipynb"], "only the notebook, not the online text"
    scores = ct.gradebook_scores(moodle_class)
    assert set(scores) == {"1001", "1002"}
    total = {s: sum(v or 0 for v in scores[s].values()) for s in scores}
    assert total["1001"] > total["1002"] > 0


def test_canvas_archive_is_collected_under_canvas_ids(tmp_path):
    course = ct.make_course(tmp_path / "course")
    _archive(course, "canvas")
    _zip_collect(course, "CanvasCollector")
    for sid, (_, _, answers) in CLASS.items():
        nb = course / "submitted" / sid / ct.ASSIGNMENT / f"{ct.ASSIGNMENT}.ipynb"
        assert nb.is_file() == (answers is not None), sid
    honest = nbformat.read(course / "submitted" / "1001" / ct.ASSIGNMENT / "mini.ipynb", 4)
    assert nbformat.writes(honest) == nbformat.writes(ct.answered(course, ct.HONEST))


def test_grades_out_for_moodle(moodle_class, tmp_path):
    out = tmp_path / "moodle.csv"
    assert (
        cli.main(
            [
                "lms-grades",
                ct.ASSIGNMENT,
                "--format",
                "moodle",
                "--out",
                str(out),
                "--course",
                str(moodle_class),
            ]
        )
        == 0
    )
    rows = {
        r["Identifier"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    }
    assert list(rows) == ["Participant 1001", "Participant 1002", "Participant 1003"]
    scores = ct.gradebook_scores(moodle_class)
    row = rows["Participant 1002"]
    assert float(row["Grade"]) == pytest.approx(sum(v or 0 for v in scores["1002"].values()))
    assert float(row["Maximum Grade"]) > float(row["Grade"])
    # 1001 wrote a written answer nobody has read yet: a partial total would look final.
    assert rows["Participant 1001"]["Grade"] == ""
    # The student who handed in nothing: missing, and a blank grade leaves Moodle's unchanged.
    assert rows["Participant 1003"]["Status"] == "missing"
    assert rows["Participant 1003"]["Grade"] == ""
    assert rows["Participant 1001"]["Full name"] == "李 明"
    # The honest answer includes a written one: a grader still has to read it.
    assert rows["Participant 1001"]["Status"] == "needs manual grading"
    assert (
        cli.main(
            [
                "lms-grades",
                "mini",
                "--format",
                "moodle",
                "--partial",
                "--out",
                str(out),
                "--course",
                str(moodle_class),
            ]
        )
        == 0
    )
    partial = {
        r["Identifier"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    }
    total = sum(v or 0 for v in scores["1001"].values())
    assert float(partial["Participant 1001"]["Grade"]) == pytest.approx(total)
    assert partial["Participant 1003"]["Grade"] == ""


def test_grades_out_for_canvas_and_plain(moodle_class, capsys):
    assert (
        cli.main(["lms-grades", ct.ASSIGNMENT, "--format", "canvas", "--course", str(moodle_class)])
        == 0
    )
    lines = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ct.ASSIGNMENT]
    assert lines[1][0] == "Points Possible" and float(lines[1][5]) > 0
    by_id = {line[1]: line for line in lines[2:]}
    assert by_id["1003"][5] == "" and by_id["1002"][0] == "Fang, Wang"
    assert cli.main(["lms-grades", ct.ASSIGNMENT, "--course", str(moodle_class)]) == 0
    plain = {r["student_id"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert plain["1003"]["status"] == "missing" and plain["1002"]["status"] == "graded"


def test_a_collected_but_ungraded_submission_is_not_missing(moodle_class, tmp_path):
    course = tmp_path / "c"
    shutil.copytree(moodle_class, course)
    ct.submit(course, "1003", ct.release_notebook(course))
    rows = {r.student_id: r for r in grade_rows(course, ct.ASSIGNMENT)}
    assert rows["1003"].status == "submitted, not graded" and rows["1003"].score is None


def test_bad_input_is_a_clear_error(moodle_class, tmp_path, capsys):
    with pytest.raises(ValueError, match="unknown format"):
        grades_csv([], "mini", fmt="xlsx")
    with pytest.raises(TypeError, match="GradeRow"):
        grades_csv([{"student_id": "1"}], "mini")
    with pytest.raises(TypeError):
        grade_rows(moodle_class, "")
    with pytest.raises(ValueError, match="not in the gradebook"):
        grade_rows(moodle_class, "ps9")
    assert cli.main(["lms-grades", "mini", "--course", str(tmp_path)]) == 2
    assert "nbgrader_config.py" in capsys.readouterr().err
    row = GradeRow("x", "", "", "", "missing", None, 16.0)
    assert grades_csv([row], "mini", fmt="moodle").splitlines()[1] == "x,,,missing,,16,"


def test_feedback_goes_back_through_the_exchange_and_as_a_moodle_zip(moodle_class, tmp_path):
    """LMS-collected submissions have a timestamp but no exchange secret: release_feedback used
    to stop with FileNotFoundError; the zip is the route back to students who used the LMS."""
    course = tmp_path / "c"
    shutil.copytree(moodle_class, course)
    assert not list((course / "submitted").rglob("submission_secret.txt"))
    ct.nbgrader(course, "generate_feedback", ct.ASSIGNMENT)
    (course / ".exchange").mkdir(mode=0o1777, exist_ok=True)
    released = ct.nbgrader(course, "release_feedback", ct.ASSIGNMENT, check=False)
    assert released.returncode == 0, released.stderr
    assert len(list((course / ".exchange" / "mini" / "feedback").glob("*.html"))) == 2
    out = tmp_path / "feedback.zip"
    assert (
        cli.main(
            [
                "lms-feedback",
                "mini",
                "--zip",
                str(out),
                "--format",
                "moodle",
                "--course",
                str(course),
            ]
        )
        == 0
    )
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        page = zf.read(names[0]).decode("utf-8")
    assert names == [
        "Wang Fang_1002_assignsubmission_file_/mini.html",
        "李 明_1001_assignsubmission_file_/mini.html",
    ]
    assert "<html" in page
