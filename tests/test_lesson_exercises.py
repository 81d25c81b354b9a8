"""Every "动手试试 / Your turn" exercise can be solved: with a right answer, its self-check says ✓.

Each lesson is run with its placeholders (``name = None``) replaced by a worked answer. A
self-check that rejects a right answer (a wrong expected value, a check that cannot pass) fails
here; so does an exercise left without an answer below.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from lesson_tools import execute_lesson, problems

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "course"

ANSWERS: dict[str, dict[str, str]] = {
    "00_orientation": {
        "n_traditional": 'n_traditional = sum(a.script == "traditional" for a in corpus)',
        "kept_fraction": (
            "def kept_fraction(article):\n"
            "    return round(len(article.clean) / len(article.raw), 2)"
        ),
        "repost_clue": 'repost_clue = "A"',
        "low_confidence": (
            "low_confidence = sorted(set(inferences.loc[inferences['confidence'] == 'low', "
            "'article']))"
        ),
    },
    "00a_python_primer": {
        "n_traffic": 'n_traffic = line.count("流量")',
        "per_thousand": (
            "def per_thousand(count, n_chars):\n    return round(count / n_chars * 1000, 2)"
        ),
        "count_each": (
            "def count_each(text, words):\n"
            "    result = {}\n"
            "    for word in words:\n"
            "        result[word] = text.count(word)\n"
            "    return result"
        ),
        "most_frequent": (
            "def most_frequent(articles, word):\n"
            "    best_id, best = None, -1\n"
            "    for article in articles:\n"
            "        n = article.clean.count(word)\n"
            "        if n > best:\n"
            "            best_id, best = article.id, n\n"
            "    return best_id"
        ),
    },
    "01_argument_map": {
        "a4_reading": (
            'a4_reading = "「获取流量是唯一的正确」与前半句「并不说这种方式不对」读不通；'
            '可读作让步，也可读作漏了否定词。"'
        ),
        "tenses": 'tenses = {"A1": "将来", "A2": "现在"}',
        "shared_word": 'shared_word = "切入点"',
        "source_kinds": (
            'source_kinds = {"36氪": "第三方媒体", "艾媒": "数据来源（身份页面未写）", '
            '"梁舒": "阿里/淘宝一方", "业内人士": "匿名"}'
        ),
        "vendor_score": (
            "def vendor_score(paragraph):\n    return sum(paragraph.count(w) for w in vendor_terms)"
        ),
        "my_reconstruction": (
            'my_reconstruction = {"article": "A4", "premise": "当下阶段获取流量有其道理", '
            '"anchors": ["获取流量是唯一的正确"], "warrant": "阶段性的做法不是本质"}'
        ),
    },
    "02_cleaning": {
        "pinyin_pattern": 'pinyin_pattern = r"\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)"',
        "step_count": (
            "def step_count(raw, step):\n"
            "    return next(r.count for r in audit(raw) if r.step == step)"
        ),
        "email_step": 'email_step = "redact_personal_data"',
    },
    "03_segmentation": {
        "my_tokens": 'my_tokens = ["直播带货", "是", "产业互联网", "的", "前奏曲", "。"]',
        "f1_from_counts": (
            "def f1_from_counts(correct, predicted, gold):\n"
            "    p = correct / predicted if predicted else 0.0\n"
            "    r = correct / gold if gold else 0.0\n"
            "    return 2 * p * r / (p + r) if p + r else 0.0"
        ),
        "span_scores": (
            "def span_scores(predicted, gold):\n"
            "    def spans(words):\n"
            "        out, start = set(), 0\n"
            "        for w in words:\n"
            "            out.add((start, start + len(w)))\n"
            "            start += len(w)\n"
            "        return out\n"
            "    return (len(spans(predicted) & spans(gold)), len(predicted), len(gold))"
        ),
    },
    "04_counting": {
        "keep_words": 'keep_words = {"可能", "必然", "或许", "将会", "其实"}',
        "rate_per_1000": (
            "def rate_per_1000(count, text):\n"
            "    n = han_count(text)\n"
            "    return 1000 * count / n if n else 0.0"
        ),
        "meaningful": (
            'meaningful = "B" if difference_interval(None, "A1", "A5", phrase="赋能")'
            '.contains(0.0) else "C"'
        ),
        "all_three": (
            "all_three = [a.id for a in corpus "
            "if all(count_phrase(a.clean, p) > 0 for p in stock_phrases)]"
        ),
        "a4_top5": 'a4_top5 = [w for w, _ in top_k(tokens["A4"], 5, stopwords=stop)]',
    },
    "05_visualisation": {
        "my_figure": 'my_figure = bar_chart(top_k(tokens["A3"], 10, stopwords=stop))',
        "hidden": 'hidden = ["A", "B", "C", "D"]',
        "is_contrasted": (
            "def is_contrasted(left):\n    return any(n in left[-10:] for n in negators)"
        ),
        # the course's own reading of A4's 流量 lines (an open answer: the check reads the form)
        "my_labels": (
            'my_labels = ["批评", "批评", "中性", "批评", "中性", "让步", "让步", "批评", '
            '"批评", "批评", "批评", "批评", "批评", "让步", "批评", "批评"]'
        ),
        "interval_figure": (
            "from beyond_traffic.uncertainty import rate_intervals\n"
            't = rate_intervals("hedge")\n'
            "interval_figure, _ax = plt.subplots()\n"
            '_ax.barh(t.index, t["per_1000"], xerr=[t["per_1000"] - t["low"], '
            't["high"] - t["per_1000"]])'
        ),
    },
    "06_claims_critique": {
        "claim_type": 'claim_type = "A"',
        "a5_vs_a2": (
            'a5_vs_a2 = "B" if difference_interval("certainty", "A5", "A2").contains(0.0) else "A"'
        ),
        "prediction_words": "prediction_words = set(PREDICTIONS.find(target_sentence))",
        "filler_drop": (
            'old = sum(previous_version("fillers").count(s) for s in sentences["A2"])\n'
            'filler_drop = 1000 * (old - count_markers(a2, "filler")) / '
            "profiles.loc['A2', 'han_chars']"
        ),
    },
    "06_marker_validation": {
        "hedges_by_guideline": 'hedges_by_guideline = ["B", "D"]',
        "precision_recall": (
            "def precision_recall(found, coded):\n"
            "    left, pairs = list(coded), 0\n"
            "    for a, b in found:\n"
            "        hit = next(((c, d) for c, d in left if a < d and c < b), None)\n"
            "        if hit is not None:\n"
            "            left.remove(hit)\n"
            "            pairs += 1\n"
            "    return (pairs / len(found) if found else 0.0, "
            "pairs / len(coded) if coded else 0.0)"
        ),
        "my_codes": 'my_codes = {(s.article_id, s.index): "-" for s in practice}',
        "my_alpha": (
            "my_alpha = krippendorff.alpha(reliability_data=[units_mine, units_reference], "
            'level_of_measurement="nominal")'
        ),
    },
    "07_synthesis": {
        "decisive_markers": (
            't = leave_one_marker_out("certainty")\n'
            'decisive_markers = {m.replace("去掉 ", "") for m in '
            "t.index[t['highest'] != t.loc['（全部）', 'highest']]}"
        ),
        "gold_top_prediction": (
            "from collections import Counter\n"
            'n = Counter(s.article_id for s in gold for _ in s.spans_of("prediction"))\n'
            "gold_top_prediction = max(n, key=lambda a: n[a] / han[a])"
        ),
        "a1_order": (
            "m = mean_delta_by_text(chunk_delta, chunks)\n"
            'a1_order = list(m.loc["A1"].drop("A1").sort_values().index)'
        ),
        "my_stylometry_note": 'my_stylometry_note = "没有对照文本，不能定作者。"',
        "my_critique": (
            'my_critique = "A2 认为「直播带货落幕是必然」，'
            "又说「直播带货同样也可以获得更加长久的发展」；"
            '它的前提「直播带货的风靡其实是相当依赖流量的」……"'
        ),
    },
}

PLACEHOLDER = re.compile(r"^(?P<name>[A-Za-z_]\w*) = None\b.*$", re.MULTILINE)
DEMO = 'name="示例 / demo"'


def _answered(name: str) -> nbformat.NotebookNode:
    nb = jupytext.read(COURSE / f"{name}.py")
    answers = ANSWERS[name]
    seen = set()

    def fill(match: re.Match) -> str:
        seen.add(match["name"])
        assert match["name"] in answers, f"{name}: no worked answer for {match['name']}"
        return answers[match["name"]]

    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = PLACEHOLDER.sub(fill, cell.source)
    assert seen == set(answers), f"{name}: placeholders {sorted(seen)} vs answers {sorted(answers)}"
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ANSWERS))
def test_every_exercise_accepts_a_right_answer(name, tmp_path):
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(_answered(name), path)
    run = execute_lesson(path, timeout=180)
    assert problems(run.notebook) == []
    checks = 0
    for cell in run.notebook.cells:
        if cell.cell_type != "code" or DEMO in cell.source:
            continue
        if not re.search(r"selfcheck\.check|check_[a-z_]+\(", cell.source):
            continue
        streams = [o for o in cell.get("outputs", []) if o.output_type == "stream"]
        text = "".join(o.get("text", "") for o in streams)
        if "def check_" in cell.source and "check_" not in cell.source.split("\n")[-1]:
            continue  # a cell that only defines a checker
        checks += 1
        assert "✓" in text and "✗" not in text and "还没作答" not in text, (
            f"{name}: a right answer was not accepted:\n{cell.source[:300]}\n---\n{text}"
        )
    assert checks >= 2, f"{name}: only {checks} self-checks ran"


def test_every_placeholder_has_a_worked_answer():
    for name, answers in ANSWERS.items():
        source = (COURSE / f"{name}.py").read_text(encoding="utf-8")
        placeholders = {m["name"] for m in PLACEHOLDER.finditer(source)}
        assert placeholders == set(answers), name
