"""Exemplars and worked explanations (instructors/): levels, rubric scores, quotations, facts."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import problem_set_facts as facts
import pytest
import yaml

from beyond_traffic.capstone import is_skeleton
from beyond_traffic.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTORS = ROOT / "instructors"
BLUEPRINT = yaml.safe_load((INSTRUCTORS / "blueprint.yaml").read_text(encoding="utf-8"))
EXEMPLARS = sorted((INSTRUCTORS / "exemplars").glob("*.md"))
WORKED = sorted((INSTRUCTORS / "worked").glob("*.md"))
QUOTE = re.compile(r"「([^「」]*)」")
LEVEL = re.compile(
    r"^## (?:\((?P<q>[^)]+)\) )?(?P<level>优秀|合格|不足) \w+ \((?P<got>[\d.]+)/(?P<max>[\d.]+)\)$",
    re.M,
)
SCORES = re.compile(
    r"^\*\*得分 / Scores\*\*: (?P<body>.+) = (?P<got>[\d.]+)/(?P<max>[\d.]+)$", re.M
)


def open_questions() -> list[tuple[str, str, str]]:
    return [
        (name, gid, spec["exemplars"])
        for name, ps in BLUEPRINT.items()
        for gid, spec in ps["cells"].items()
        if spec["kind"] == "open"
    ]


def rubric(name: str, grade_id: str) -> dict[str, float]:
    """Criterion (its Chinese name) -> points, from the rubric table above the written cell."""
    nb = nbformat.read(ROOT / "solutions" / name / f"{name}.ipynb", as_version=4)
    intro = next(
        c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id.split("_")[0] + "_intro"
    )
    rows = re.findall(r"^\| (\S+) [^|]*\| ([\d.]+) \|", intro.source, re.M)
    return {zh: float(points) for zh, points in rows}


def quoted_texts() -> dict[str, str]:
    texts = {a.id: a.clean for a in load_corpus()}
    texts["C"] = facts.capstone_text()
    return texts


def occurs(span: str, texts: dict[str, str]) -> bool:
    """Every fragment (split at …) occurs, in order, in one text."""
    fragments = [f for f in span.split("…") if f]
    if not fragments:
        return False
    for text in texts.values():
        at = 0
        for fragment in fragments:
            at = text.find(fragment, at)
            if at < 0:
                break
            at += len(fragment)
        else:
            return True
    return False


def fact_rows(text: str) -> list[tuple[str, str]]:
    section = text.split("## 核对 / Facts", 1)
    if len(section) < 2:
        return []
    return re.findall(r"^\| ([^|`]+?) \| `(.+)` \|$", section[1], re.M)


# ---------------------------------------------------------------------------------------------


def test_every_open_question_has_an_exemplar_file():
    assert open_questions(), "each problem set has written answers"
    named = {spec for _, _, spec in open_questions()}
    assert named == {p.name for p in EXEMPLARS}, "one exemplar file per written question"
    for name, gid, spec in open_questions():
        assert spec == f"{name}_{gid}.md", "the self-study command finds exemplars by this name"


@pytest.mark.parametrize("name,grade_id,spec", open_questions())
def test_exemplars_have_three_levels_scored_with_the_notebook_rubric(name, grade_id, spec):
    text = (INSTRUCTORS / "exemplars" / spec).read_text(encoding="utf-8")
    criteria = rubric(name, grade_id)
    assert any("局限" in c for c in criteria), "every rubric has a limits-of-the-method criterion"
    if is_skeleton(text):
        # `beyond-traffic capstone` put a new article in place: the skeleton names the levels in
        # order and the rubric's criteria with their points; the reports are the instructor's.
        heads = re.findall(r"^## (优秀|合格|不足)\b", text, re.M)
        assert heads == ["优秀", "合格", "不足"], f"{spec}: the skeleton's levels"
        named = " · ".join(f"{zh} {points:g}" for zh, points in criteria.items())
        assert named in " ".join(text.split()), f"{spec}: the skeleton names the rubric"
        pytest.skip(
            f"{spec} is a skeleton: writing three reports on the new article is the "
            "instructor's job"
        )
    levels = list(LEVEL.finditer(text))
    scores = list(SCORES.finditer(text))
    groups = {m.group("q") for m in levels}
    assert len(levels) == 3 * len(groups) and len(scores) == len(levels)
    for group in groups:
        assert [m.group("level") for m in levels if m.group("q") == group] == [
            "优秀",
            "合格",
            "不足",
        ]
    total = sum(criteria.values())
    for level, score in zip(levels, scores, strict=True):
        assert float(level.group("max")) == total == float(score.group("max"))
        assert float(level.group("got")) == float(score.group("got"))
        parts = re.findall(r"(\S+) ([\d.]+)/([\d.]+)", score.group("body"))
        assert [p[0] for p in parts] == list(criteria), f"{spec}: score every criterion, in order"
        for zh, got, most in parts:
            assert float(most) == criteria[zh] and 0 <= float(got) <= float(most)
        assert sum(float(p[1]) for p in parts) == pytest.approx(float(score.group("got")))
    got = [float(m.group("got")) for m in levels]
    for group in groups:
        mine = [float(m.group("got")) for m in levels if m.group("q") == group]
        assert mine[0] == total and mine[0] > mine[1] > mine[2], "strong > adequate > weak"
    assert got


@pytest.mark.parametrize("path", EXEMPLARS + WORKED, ids=lambda p: p.name)
def test_every_quotation_occurs_in_the_cleaned_text(path):
    texts = quoted_texts()
    spans = QUOTE.findall(path.read_text(encoding="utf-8"))
    missing = [s for s in spans if not occurs(s, texts)]
    assert missing == [], f"{path.name}: not verbatim in the cleaned text: {missing}"


@pytest.mark.parametrize("path", EXEMPLARS + WORKED, ids=lambda p: p.name)
def test_every_stated_fact_is_recomputed(path):
    text = path.read_text(encoding="utf-8")
    rows = fact_rows(text)
    body = text.split("## 核对 / Facts", 1)[0]
    wrong = []
    for written, expression in rows:
        value = eval(expression, dict(facts.NAMESPACE))  # noqa: S307 - our own table
        written = written.strip()
        if written in ("True", "False"):
            ok = value is (written == "True")
        else:
            decimals = len(written.split(".")[1]) if "." in written else 0
            ok = round(float(value), decimals) == float(written)
            ok = ok and written.lstrip("-") in body
        if not ok:
            wrong.append(f"{expression} = {value!r}, written {written}")
    assert wrong == [], f"{path.name}: stale facts: {wrong}"


def test_numbers_in_exemplars_come_with_a_facts_table():
    for path in EXEMPLARS:
        text = path.read_text(encoding="utf-8")
        # a skeleton (levels still to write) holds no number yet
        assert fact_rows(text) or is_skeleton(text), f"{path.name} has no facts table"


@pytest.mark.parametrize("name", list(BLUEPRINT))
def test_worked_explanations_cover_every_graded_cell(name):
    from beyond_traffic.selfstudy import load_explanations

    sections = load_explanations(INSTRUCTORS / "worked" / f"{name}.md")
    assert set(sections) == set(BLUEPRINT[name]["cells"]), "one section per graded cell"
    assert all(len(body) > 40 for body in sections.values())
