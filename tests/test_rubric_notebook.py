"""One source of truth: rubric files agree with notebook tables, checklists, points, exemplars."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from beyond_traffic.rubric.model import (
    RubricError,
    exemplars_by_level,
    exemplars_for,
    load_rubrics,
    parse_rubrics,
)
from beyond_traffic.rubric.notebook import notebook_problems, render_markdown, sync_percent

ROOT = Path(__file__).resolve().parents[1]
BLUEPRINT = yaml.safe_load((ROOT / "instructors" / "blueprint.yaml").read_text(encoding="utf-8"))
ASSIGNMENTS = sorted(BLUEPRINT)


def _open_cells(name: str) -> set[str]:
    return {gid for gid, spec in BLUEPRINT[name]["cells"].items() if spec["kind"] == "open"}


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_written_question_has_exactly_one_rubric(name):
    assert set(load_rubrics(ROOT, name)) == _open_cells(name)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_notebook_source_is_generated_from_the_rubric_file(name):
    text = (ROOT / "solutions" / name / f"{name}.py").read_text(encoding="utf-8")
    synced = text
    for rubric in load_rubrics(ROOT, name).values():
        synced = sync_percent(synced, rubric)
    assert synced == text, f"run `beyond-traffic rubric sync {name}`: the .py is stale"


@pytest.mark.parametrize("name", ASSIGNMENTS)
@pytest.mark.parametrize("folder", ["solutions", "assignments"])
def test_paired_and_released_notebooks_agree_with_the_rubric(name, folder):
    nb = json.loads((ROOT / folder / name / f"{name}.ipynb").read_text(encoding="utf-8"))
    problems = [p for r in load_rubrics(ROOT, name).values() for p in notebook_problems(nb, r)]
    assert problems == []


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_exemplars_are_scored_at_levels_of_the_rubric(name):
    for rubric in load_rubrics(ROOT, name).values():
        exemplars = exemplars_for(rubric, ROOT)
        assert len(exemplars) >= 3, f"{rubric.grade_id}: three levels of exemplars"
        for ex in exemplars:
            assert list(ex.scores) == [c.zh for c in rubric.criteria], ex.heading
            for c in rubric.criteria:
                c.level(ex.scores[c.zh])  # raises when the exemplar's points are not a level
            assert rubric.score({c.id: ex.scores[c.zh] for c in rubric.criteria}) == ex.total
        by_level = exemplars_by_level(rubric, exemplars)
        for c in rubric.criteria:
            assert by_level.get((c.id, c.max_points)), f"{c.id}: an exemplar at full marks"


def test_a_change_in_the_rubric_changes_the_table_the_checklist_and_the_points():
    name = "ps3_critique"
    rubric = load_rubrics(ROOT, name)["q10_contested"]
    first = rubric.criteria[0]
    bumped = dataclasses.replace(
        first,
        levels=(dataclasses.replace(first.levels[0], points=first.max_points + 1), *first.levels),
        self_check=(*first.self_check, "我检查了新加的一条。"),
    )
    changed = dataclasses.replace(rubric, criteria=(bumped, *rubric.criteria[1:]))
    text = (ROOT / "solutions" / name / f"{name}.py").read_text(encoding="utf-8")
    new = sync_percent(text, changed)
    assert '"grade_id": "q10_contested", "locked": false, "points": 9' in new
    assert "（书面题，9 分，人工评分）" in new and "# - [ ] 我检查了新加的一条。" in new
    nb = json.loads((ROOT / "solutions" / name / f"{name}.ipynb").read_text(encoding="utf-8"))
    problems = notebook_problems(nb, changed)
    assert any("worth 8 points, the rubric 9" in p for p in problems)
    assert any("table or self-assessment differs" in p for p in problems)
    assert render_markdown(changed) != render_markdown(rubric)


def test_a_malformed_rubric_is_refused_naming_the_question_and_criterion():
    bad = {
        "questions": {
            "q9_x": {
                "criteria": [
                    {
                        "id": "writing",
                        "zh": "表达",
                        "en": "Writing",
                        "levels": [{"points": 0, "zh": "难懂"}, {"points": 1, "zh": "清楚"}],
                    }
                ]
            }
        }
    }
    with pytest.raises(RubricError, match=r"q9_x: criterion 1 \(writing\): levels go from best"):
        parse_rubrics(bad, assignment="ps")
    rubric = parse_rubrics(
        {
            "questions": {
                "q9_x": {
                    "criteria": [
                        {
                            "id": "writing",
                            "zh": "表达",
                            "en": "Writing",
                            "levels": [{"points": 1, "zh": "清楚"}, {"points": 0, "zh": "难懂"}],
                        }
                    ]
                }
            }
        },
        assignment="ps",
    )["q9_x"]
    with pytest.raises(RubricError, match="no level worth 0.5: choose one of 1, 0"):
        rubric.score({"writing": 0.5})
