"""Criterion grades in the gradebook: store, concurrency, re-scoring and the CSV round trip."""

from __future__ import annotations

import csv
import threading

import pytest
import rubric_course as rc
from nbgrader.api import Gradebook

from beyond_traffic.grader.course import load_course
from beyond_traffic.rubric.csvio import export_csv, import_csv
from beyond_traffic.rubric.model import RubricError, load_rubric
from beyond_traffic.rubric.store import (
    Conflict,
    add_comment,
    edit_comment,
    load_marks,
    open_gradebook,
    rescore,
    save_answer,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def course(tmp_path_factory, tmp_path):
    return load_course(rc.graded_class(tmp_path_factory, tmp_path))


def _manual(course, student):
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        grade = gb.find_grade("q3_reflect", "mini", "mini", student)
        comment = gb.find_comment("q3_reflect", "mini", "mini", student)
        return grade.manual_score, comment.manual_comment


def _rows(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def test_saving_writes_nbgrader_score_and_comment_and_edits_reach_every_use(course):
    rubric = load_rubric(course.root, "mini", "q3_reflect")
    with open_gradebook(course.db_url) as gb:
        cid = add_comment(gb, rubric, "reading", "区分了话题和立场")
        v1 = save_answer(
            gb,
            rubric,
            "s1",
            levels={"reading": 0.5, "writing": 0.5},
            comments={"reading": [cid]},
            free_comment="很好",
        )
        save_answer(
            gb, rubric, "s2", levels={"reading": 0.25, "writing": 0.5}, comments={"reading": [cid]}
        )
        same = {"levels": {"reading": 0.5, "writing": 0.5}, "comments": {"reading": [cid]}}
        assert save_answer(gb, rubric, "s1", **same, free_comment="很好", version=v1) == v1
        with pytest.raises(Conflict):  # a second grader who loaded the answer before v1
            save_answer(gb, rubric, "s1", levels={"reading": 0, "writing": 0}, version=None)
        with pytest.raises(RubricError, match="no level worth 0.3"):
            save_answer(gb, rubric, "s3", levels={"reading": 0.3, "writing": 0}, version=None)
        assert edit_comment(gb, rubric, cid, "把话题和立场分开了") == 2
    score, comment = _manual(course, "s1")
    assert score == 1.0 and v1 == 1
    assert "解读 Reading：0.5/0.5 — 说清高频词说明什么、不说明什么" in comment
    assert "· 把话题和立场分开了" in comment and "很好" in comment
    assert "把话题和立场分开了" in _manual(course, "s2")[1]
    assert _manual(course, "s3") == (None, None)
    # A changed rubric (reading is now worth 1) re-scores every answer graded with it.
    yaml_file = course.root / "instructors" / "rubrics" / "mini.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace(
            "points: 0.5, zh: 说清", "points: 1, zh: 说清"
        ),
        encoding="utf-8",
    )
    changed = load_rubric(course.root, "mini", "q3_reflect")
    with open_gradebook(course.db_url) as gb:
        assert rescore(gb, changed) == 2
    assert _manual(course, "s1")[0] == 1.5 and _manual(course, "s2")[0] == 0.75


def test_two_graders_at_once_lose_nothing(course):
    rubric = load_rubric(course.root, "mini", "q3_reflect")
    errors = []

    def grade(students, points):
        # Each grader has its own connection, as two page processes would.
        try:
            with open_gradebook(course.db_url) as gb:
                for i in range(5):
                    for s in students:
                        old = load_marks(gb, rubric).get(s)
                        save_answer(
                            gb,
                            rubric,
                            s,
                            levels={"reading": points, "writing": 0.5},
                            free_comment=f"第{i}轮",  # a change each time: every save writes
                            version=old.version if old else None,
                        )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=grade, args=(["s1", "s2"], 0.5)),
        threading.Thread(target=grade, args=(["s3", "s4"], 0.25)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_gradebook(course.db_url) as gb:
        marks = load_marks(gb, rubric)
    assert {s: m.version for s, m in marks.items()} == dict.fromkeys(["s1", "s2", "s3", "s4"], 5)
    assert [_manual(course, s)[0] for s in ("s1", "s2", "s3", "s4")] == [1.0, 1.0, 0.75, 0.75]


def test_csv_round_trip_and_refusals(course, tmp_path):
    out = tmp_path / "q3.csv"
    assert export_csv(course, "mini", "q3_reflect", out) == 4
    rows = _rows(out)
    assert list(rows[0]) == [
        "student",
        "answer",
        "q3_reflect.reading",
        "q3_reflect.writing",
        "comment",
    ]
    assert rows[0]["answer"] == rc.WRITTEN["s1"] and rows[0]["q3_reflect.reading"] == ""
    levels = {"s1": ("0.5", "0.5"), "s2": ("0.25", "0.5"), "s3": ("0", "0.5"), "s4": ("0", "0")}
    for row in rows:
        row["q3_reflect.reading"], row["q3_reflect.writing"] = levels[row["student"]]
        row["comment"] = f"给 {row['student']} 的评语"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert import_csv(course, "mini", out) == 4
    assert [_manual(course, s)[0] for s in ("s1", "s2", "s3", "s4")] == [1.0, 0.75, 0.5, 0.0]
    assert "给 s3 的评语" in _manual(course, "s3")[1]
    again = tmp_path / "again.csv"
    export_csv(course, "mini", "q3_reflect", again)
    assert _rows(again) == rows, "export after import gives back what was imported"
    # One bad level and one unknown student: both named, nothing written.
    bad = [dict(r) for r in rows]
    bad[1]["q3_reflect.reading"] = "0.3"
    bad[2]["q3_reflect.writing"] = "1"
    bad.append({**rows[0], "student": "nobody"})
    for r in bad:
        r["comment"] = "改过"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(bad)
    with pytest.raises(RubricError) as info:
        import_csv(course, "mini", out)
    message = str(info.value)
    assert (
        "row 3 (s2), criterion reading (解读): " in message
        and "choose one of 0.5, 0.25, 0" in message
    )
    assert "row 4 (s3), criterion writing (表达)" in message
    assert "row 6 (nobody): no submission of mini" in message
    assert _manual(course, "s1")[1].endswith("给 s1 的评语"), "nothing was written"
