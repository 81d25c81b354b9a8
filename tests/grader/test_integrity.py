"""Tests for beyond_traffic.grader.integrity: shortcuts and copies listed, nothing else."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

from beyond_traffic.cli import main
from beyond_traffic.grader.integrity import integrity_report, shortcuts

REPO = Path(__file__).resolve().parents[2]
PS1 = "ps1_segment"

#: Hands q1 and q6 to the course's own functions, under a student's names.
SHORTCUT = {
    "q1_strip_pinyin_answer": (
        "from beyond_traffic.clean import strip_pinyin_annotations as q1_strip_pinyin"
    ),
    "q6_prf_answer": (
        "import beyond_traffic.gold as g\n\n"
        "def q6_prf(predicted, gold):\n"
        "    s = g.score_segmentation(predicted, gold)\n"
        "    return (s.precision, s.recall, s.f1)"
    ),
}
#: The reference's q6, renamed and reformatted by hand (the disguise a copier would use).
COPIED_Q6 = (
    "def q6_prf(pred, gold_words):\n"
    "    # 精确率、召回率、F1\n"
    "    if not pred and not gold_words: return (1.0, 1.0, 1.0)\n"
    "    hits = len(set(q5_word_spans(pred)) & set(q5_word_spans(gold_words)))\n"
    "    p = hits / len(pred) if pred else 0.0\n"
    "    r = hits / len(gold_words) if gold_words else 0.0\n"
    "    f = 2 * p * r / (p + r) if p + r else 0.0\n"
    "    return (float(p), float(r), float(f))"
)
#: A correct q6 written independently: boundaries instead of spans, another structure.
INDEPENDENT_Q6 = (
    "def q6_prf(predicted, gold):\n"
    "    def cuts(words):\n"
    "        out, pos = set(), 0\n"
    "        for w in words:\n"
    "            out.add((pos, pos + len(w)))\n"
    "            pos = pos + len(w)\n"
    "        return out\n"
    "    if len(predicted) == 0 and len(gold) == 0:\n"
    "        return 1.0, 1.0, 1.0\n"
    "    same = cuts(predicted).intersection(cuts(gold))\n"
    "    precision = len(same) / max(len(predicted), 1)\n"
    "    recall = len(same) / max(len(gold), 1)\n"
    "    if precision + recall == 0:\n"
    "        return 0.0, 0.0, 0.0\n"
    "    return precision, recall, 2 * precision * recall / (precision + recall)"
)
WRITTEN = (
    "扩充词典以后，“直播带货”和“产业互联网”不再被切开，标准集上的召回率提高了。"
    "但是词典里的词来自我们读过的五篇文章，换一批文章就未必有用；"
    "标准集本身也是按课程的切分习惯标注的，所以分数高说明和标注者一致，不说明切分一定正确。"
)
WRITTEN_COPY = (
    "扩充词典之后，“直播带货”和“产业互联网”不再被切开，标准集上的召回率提高了。"
    "不过词典里的词来自我们读过的五篇文章，换一批文章就未必有用；"
    "标准集本身也是按课程的切分习惯标注的，所以分数高说明和标注者一致，不说明切分一定正确。"
)
WRITTEN_OWN = (
    "我认为词典的作用有限。加入新词只改变了少数句子的切分，F1 的变化很小；"
    "而且专有名词在别的领域的文本里很少出现。真正的问题是标准集太小，只有几十句，"
    "一两个词的差别就会让分数上下波动，所以不能据此断定哪个分词器更好。"
)


def _course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    (course / "assignments" / PS1).mkdir(parents=True)
    release = REPO / "assignments" / PS1 / f"{PS1}.ipynb"
    shutil.copy(release, course / "assignments" / PS1)
    (course / "instructors").mkdir()
    shutil.copy(REPO / "instructors" / "blueprint.yaml", course / "instructors")
    source = nbformat.read(REPO / "solutions" / PS1 / f"{PS1}.ipynb", as_version=4)
    reference = ct.solution_answers(source)
    students = {
        "shortcut": SHORTCUT,
        "reference": {"q6_prf_answer": reference["q6_prf_answer"], "q9_dictionary": WRITTEN},
        "copier": {"q6_prf_answer": COPIED_Q6, "q9_dictionary": WRITTEN_COPY},
        "independent": {"q6_prf_answer": INDEPENDENT_Q6, "q9_dictionary": WRITTEN_OWN},
        "blank": {},
    }
    for student, answers in students.items():
        ct.submit_answers(course, PS1, student, answers)
    return course


def test_shortcuts_and_renamed_copies_are_listed_and_independent_work_is_not(tmp_path):
    course = _course(tmp_path)
    findings = integrity_report(course, PS1)
    cuts = {(f.student, f.grade_id) for f in findings if f.kind == "shortcut"}
    assert cuts == {("shortcut", "q1_strip_pinyin_answer"), ("shortcut", "q6_prf_answer")}
    pairs = {(f.student, f.other, f.grade_id) for f in findings if f.kind == "similar"}
    assert ("copier", "reference", "q6_prf_answer") in pairs
    assert ("copier", "reference", "q9_dictionary") in pairs
    assert not any("independent" in (s, o) for s, o, _ in pairs), pairs
    assert not any("blank" in (s, o) for s, o, _ in pairs), pairs  # the release is not a copy


def test_the_command_writes_the_csv(tmp_path, capsys):
    course = _course(tmp_path)
    out = tmp_path / "integrity.csv"
    assert main(["integrity", PS1, "--csv", str(out), "--course", str(course)]) == 0
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["student", "other", "grade_id", "kind", "detail"]
    assert {r["kind"] for r in rows} == {"shortcut", "similar"}
    assert "shortcut" in capsys.readouterr().out
    assert main(["integrity", PS1, "--csv", str(out), "--course", str(tmp_path / "no")]) == 2


def test_shortcut_forms_by_ast():
    banned = ["score_segmentation"]
    assert shortcuts("from beyond_traffic import gold\nx = gold.score_segmentation", banned)
    given = ["from beyond_traffic.gold import score_segmentation"]
    assert shortcuts("def q6(p, g):\n    return score_segmentation(p, g)", banned, context=given)
    dynamic = "import importlib\nm = importlib.import_module('beyond_traffic.gold')\n"
    assert shortcuts(dynamic + "f = getattr(m, 'score_segmentation')", banned)
    # A student's own function of the same name, or a str method, is not the course's.
    own = "def score_segmentation(p, g):\n    return 1.0\nscore_segmentation([], [])"
    assert shortcuts(own, banned, context=given) == []
    assert shortcuts("n = '直播带货'.count('直播')", ["count"]) == []


def _learner_notebook(tmp_path: Path, answers: dict[str, str]) -> Path:
    nb = nbformat.read(REPO / "assignments" / PS1 / f"{PS1}.ipynb", as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    path = tmp_path / f"{PS1}.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_learner_hears_of_a_shortcut_before_submitting(tmp_path, capsys):
    blueprint = str(REPO / "instructors" / "blueprint.yaml")
    mine = _learner_notebook(tmp_path, SHORTCUT)
    args = ["integrity", PS1, "--notebook", str(mine), "--blueprint", blueprint]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "q1_strip_pinyin_answer" in out and "自己写" in out and "write it yourself" in out
    honest = _learner_notebook(tmp_path, {"q6_prf_answer": INDEPENDENT_Q6})
    assert main(["integrity", PS1, "--notebook", str(honest), "--blueprint", blueprint]) == 0


def test_the_self_study_command_says_so_too(tmp_path, capsys):
    source = nbformat.read(REPO / "solutions" / PS1 / f"{PS1}.ipynb", as_version=4)
    answers = {**ct.solution_answers(source), **SHORTCUT}
    mine = _learner_notebook(tmp_path, answers)
    assert main(["solutions", PS1, "--notebook", str(mine), "--course", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert "q6_prf_answer" in out and "score_segmentation" in out


#: q1 reached through a module name built at run time: reading the cell cannot see it.
HIDDEN_Q1 = (
    "import importlib\n\n"
    "def q1_strip_pinyin(text):\n"
    "    module = importlib.import_module('beyond' + '_traffic' + '.clean')\n"
    "    return getattr(module, 'strip_' + 'pinyin_annotations')(text)"
)


@pytest.mark.slow
def test_a_shortcut_built_at_run_time_is_seen_while_grading(tmp_path):
    # The AST check cannot see it ...
    assert shortcuts(HIDDEN_Q1, ["strip_pinyin_annotations"]) == []
    ct.real_class(tmp_path, PS1, REPO, 1)  # s000: the reference answers
    source = nbformat.read(REPO / "solutions" / PS1 / f"{PS1}.ipynb", as_version=4)
    hidden = ct.solution_answers(source) | {"q1_strip_pinyin_answer": HIDDEN_Q1}
    ct.submit_answers(tmp_path, PS1, "hidden", hidden)
    (tmp_path / "instructors").mkdir()
    shutil.copy(REPO / "instructors" / "blueprint.yaml", tmp_path / "instructors")
    run = ct.beyond_traffic(tmp_path, "grade", PS1, "--jobs", "1", "--no-progress")
    assert run.returncode == 0, run.stdout + run.stderr
    # ... the grader sees the call; the reference (which calls no forbidden function) is clean,
    # and the shortcut's score is untouched (the report flags, it does not grade).
    findings = [f for f in integrity_report(tmp_path, PS1) if f.kind == "shortcut"]
    assert {f.student for f in findings} == {"hidden"}, findings
    assert all(f.grade_id.startswith("q1_strip_pinyin") for f in findings), findings
    assert any("strip_pinyin_annotations while graded" in f.detail for f in findings), findings
    scores = ct.gradebook_scores(tmp_path, PS1)
    assert scores["hidden"] == scores["s000"]
