"""`beyond-traffic report`: difficulty and discrimination checked against a hand computation."""

from __future__ import annotations

import csv
import json
import math
from fractions import Fraction as F

import pytest
import rubric_course as rc
from nbgrader.api import Gradebook

from beyond_traffic.grader.course import load_course
from beyond_traffic.grader.submission import error_output
from beyond_traffic.rubric.model import load_rubric
from beyond_traffic.rubric.stats import discrimination, pearson
from beyond_traffic.rubric.store import open_gradebook, save_answer

pytestmark = pytest.mark.slow

#: The scores we give by hand: t1_count (of 2), t2_top (of 3); q3_reflect (of 1) by rubric.
SCORES = {"s1": (2, 3), "s2": (1, 3), "s3": (0, 1)}
WRITTEN = {"s1": (0.5, 0.5), "s2": (0, 0.5), "s3": (0.25, 0.5)}


def _hand_pearson(xs, ys):
    # From the definition: r = Σ(x-x̄)(y-ȳ) / √(Σ(x-x̄)² Σ(y-ȳ)²), in exact fractions.
    xs, ys = [F(x) for x in xs], [F(y) for y in ys]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return float(sxy) / math.sqrt(float(sxx) * float(syy))


def test_pearson_and_item_rest_correlation_by_hand():
    # x = 1, 0, 1; rest y = 2, 1, 1: x̄ = 2/3, ȳ = 4/3; Σ(x-x̄)(y-ȳ) = 1/3; Σ(x-x̄)² = 2/3;
    # Σ(y-ȳ)² = 2/3; r = (1/3) / (2/3) = 0.5.
    table = {"甲": {"a": 1, "b": 2}, "乙": {"a": 0, "b": 1}, "丙": {"a": 1, "b": 1}}
    assert discrimination(table, "a") == pytest.approx(0.5)
    assert pearson([1, 1, 1], [1, 2, 3]) is None, "an item everyone got the same says nothing"
    table["丁"] = {"a": None, "b": 9}
    assert discrimination(table, "a") == pytest.approx(0.5), "awaiting grades are left out"


def test_report_on_a_graded_class(tmp_path_factory, tmp_path):
    course = load_course(rc.graded_class(tmp_path_factory, tmp_path))
    rubric = load_rubric(course.root, "mini", "q3_reflect")
    with open_gradebook(course.db_url) as gb:
        for student, (t1, t2) in SCORES.items():
            gb.find_grade("t1_count", "mini", "mini", student).manual_score = t1
            gb.find_grade("t2_top", "mini", "mini", student).manual_score = t2
            reading, writing = WRITTEN[student]
            save_answer(gb, rubric, student, levels={"reading": reading, "writing": writing})
        gb.db.commit()
    # s4's notebook could not be read: the grader's placeholder fails every test cell.
    path = course.path("autograded", "s4", "mini") / "mini.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
            cell["outputs"] = [error_output("mini.ipynb unreadable")]
    path.write_text(json.dumps(nb), encoding="utf-8")

    before = (course.root / "gradebook.db").read_bytes()
    out = tmp_path / "report"
    result = rc.ct.beyond_traffic(course.root, "report", "mini", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (course.root / "gradebook.db").read_bytes() == before, "the report only reads"
    with open(out / "questions.csv", encoding="utf-8") as fh:
        rows = {r["question"]: r for r in csv.DictReader(fh)}
    with open(out / "students.csv", encoding="utf-8") as fh:
        status = {r["status"]: int(r["students"]) for r in csv.DictReader(fh)}
    assert status == {"graded": 3, "missing": 1, "broken": 1}

    # By hand, over the three graded students only (s4 broken, s9 missing: not zeros).
    t1 = [2, 1, 0]
    t2 = [3, 3, 1]
    q3 = [sum(WRITTEN[s]) for s in ("s1", "s2", "s3")]  # 1, 0.5, 0.75
    assert float(rows["mini/t1_count"]["difficulty"]) == pytest.approx(
        (2 + 1 + 0) / 3 / 2, abs=1e-4
    )
    assert float(rows["mini/t2_top"]["difficulty"]) == pytest.approx((3 + 3 + 1) / 3 / 3, abs=1e-4)
    assert float(rows["mini/q3_reflect"]["difficulty"]) == pytest.approx(2.25 / 3 / 1, abs=1e-4)
    rest_t1 = [b + c for b, c in zip(t2, q3, strict=True)]  # 4, 3.5, 1.75
    rest_t2 = [a + c for a, c in zip(t1, q3, strict=True)]  # 3, 1.5, 0.75
    rest_q3 = [a + b for a, b in zip(t1, t2, strict=True)]  # 5, 4, 1
    for q, item, rest in (
        ("t1_count", t1, rest_t1),
        ("t2_top", t2, rest_t2),
        ("q3_reflect", q3, rest_q3),
    ):
        got = float(rows[f"mini/{q}"]["discrimination"])
        assert got == pytest.approx(_hand_pearson(item, rest), abs=1e-4), q
        assert int(rows[f"mini/{q}"]["n"]) == 3
    # t1 worked out fully: x̄ = 1, ȳ = 37/12; Σxy-dev = 1·(11/12) + 0 + (-1)·(-4/3) = 9/4;
    # Σx-dev² = 2; Σy-dev² = 121/144 + 25/144 + 256/144 = 402/144; r = (9/4)/√(2·402/144).
    assert float(rows["mini/t1_count"]["discrimination"]) == pytest.approx(
        (9 / 4) / math.sqrt(2 * 402 / 144), abs=1e-4
    )

    with open(out / "levels.csv", encoding="utf-8") as fh:
        levels = {
            (r["criterion"], float(r["level_points"])): int(r["students"])
            for r in csv.DictReader(fh)
        }
    assert levels[("reading", 0.5)] == 1 and levels[("reading", 0.25)] == 1
    assert levels[("reading", 0.0)] == 1 and levels[("writing", 0.5)] == 3
    with open(out / "checks.csv", encoding="utf-8") as fh:
        checks = list(csv.DictReader(fh))
    top = [c for c in checks if c["question"] == "mini/t1_count"][0]
    assert top["message"].startswith("字数不对") and top["students"] == "2"
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 4 and top["message"] in page
    assert "未交 missing: 1" in page and "无法评分 broken: 1" in page
    with Gradebook(course.db_url) as gb:
        assert gb.find_grade("q3_reflect", "mini", "mini", "s1").manual_score == 1.0
