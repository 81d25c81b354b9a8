# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # 作业一：清洗与分词
#
# **Abstract.** Problem set 1 takes the scraped articles from raw bytes to words, and you write
# the methods yourself. You write a regular expression that strips the pinyin notes a converter
# left after Traditional characters, apply the mojibake errata table, chain the first cleaning
# steps in the right order, extend jieba with a domain dictionary, turn a segmentation into
# character spans, implement word-boundary precision / recall / F1 and its micro-average over a
# gold standard, and compare three tokenizers with your own scorer. A written question asks you
# to justify dictionary decisions with the segmentation guideline and with evidence you compute,
# and to say what the gold standard cannot tell you. Eight autograded questions (16 points) and
# one written answer graded by hand (6 points).
#
# **预计用时 / Estimated time：3–4 小时 / 3–4 hours**（自动评分题约 2.5 小时，书面题约 1 小时）。
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元，
#   答案必须用题目指定的名字。
# - 每道题都给出一个**演算示例**（输入和正确输出）。答题单元下方的检查单元会告诉你：
#   类型对不对、演算示例**算得对不对**；不会显示标准答案。提交后还有隐藏测试
#   （其他文章、边界情况）。
# - 第 1、2、5、6、7 题要你**自己实现方法**：不要调用 `beyond_traffic` 里做同一件事的函数
#   （`strip_pinyin_annotations`、`apply_errata`、`score_segmentation`、`evaluate_tokenizer`）。
#   这几道题占自动评分的大部分分数。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。
#
# **自学者 / Learning alone?** 检查单元就是你的反馈。认真做完一遍后，在终端（项目的 `.venv`
# 已激活）运行 `beyond-traffic solutions ps1_segment --notebook ps1_segment.ipynb`，
# 它会为你**做过的**题目生成带讲解的参考解答（课堂发布版不含这些材料）。书面题请先用题下的
# 自评表给自己打分，再看示范答案。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import re

from beyond_traffic.clean import to_simplified
from beyond_traffic.corpus import get_article
from beyond_traffic.errata import load_errata
from beyond_traffic.gold import load_gold
from beyond_traffic.segment import make_tokenizer, tokenize

RAW = {aid: get_article(aid).raw for aid in ("A1", "A2", "A3", "A4", "A5")}
# 标准答案（金标准）：每句一个词列表 / the gold standard: one list of words per sentence
GOLD = [list(sentence.words) for sentence in load_gold()]
print(RAW["A1"][:60])
print(len(GOLD), "gold sentences;", GOLD[0][:6])

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 去掉拼音注音（3 分）
#
# A1、A3、A4 的繁体字后面常跟着拼音注音，例如 `產(chǎn)業(yè)`。写函数 `q1_strip_pinyin(text)`，
# 用正则表达式删除这些注音，返回新字符串。
#
# 注音的定义：紧跟在一个汉字（U+4E00–U+9FFF）后面的**半角**括号，括号里只有小写拼音字母
# （a–z、ü 和带声调的元音 āáǎà ēéěè īíǐì ōóǒò ūúǔù ǖǘǚǜ）。其他括号必须保留，例如 `(ToB)`、
# `（见下文）`、`(2020)`。
#
# **演算示例 / worked example**：`q1_strip_pinyin("直播帶(dài)貨(huò)的(ToB)屬性")` 返回
# `"直播帶貨的(ToB)屬性"`。
#
# *Write `q1_strip_pinyin(text)`: remove every `(pinyin)` note that follows a Chinese character,
# keep all other parentheses.*

# %% nbgrader={"grade": false, "grade_id": "q1_strip_pinyin_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q1_strip_pinyin(text):
    """Return ``text`` without the pinyin notes after Chinese characters."""
    ### BEGIN SOLUTION
    toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
    return re.sub(rf"(?<=[\u4e00-\u9fff])\([a-z{toned}]+\)", "", text)
    ### END SOLUTION


q1_strip_pinyin("直播帶(dài)貨(huò)的(ToB)屬性")

# %% nbgrader={"grade": true, "grade_id": "q1_strip_pinyin", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q1_strip_pinyin", points=3)
ck.observe("demo", lambda: q1_strip_pinyin("直播帶(dài)貨(huò)的(ToB)屬性"))
ck.expect_type("demo", str, zh="应返回字符串", en="return a str")
ck.expect_equal("demo", "直播帶貨的(ToB)屬性", points=1,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.clean import apply_errata as _errata
from beyond_traffic.corpus import get_article as _get_article


def _reference(text):
    return _re.sub(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)


_a1 = _errata(_get_article("A1").raw)
_a4 = _errata(_get_article("A4").raw)
ck.observe("a1", lambda: q1_strip_pinyin(_a1))
ck.expect_equal("a1", _reference(_a1), points=0.75,
                zh="在 A1 全文上结果不对", en="wrong on the whole of A1")
ck.observe("a4", lambda: q1_strip_pinyin(_a4))
ck.expect_equal("a4", _reference(_a4), points=0.5,
                zh="在 A4 全文上结果不对", en="wrong on the whole of A4")
ck.observe("others", lambda: q1_strip_pinyin("見下文（見下文）與2020(2020)和綠(lǜ)色(sè)和(ToB)"))
ck.expect_equal("others", "見下文（見下文）與2020(2020)和綠色和(ToB)", points=0.5,
                zh="ü、全角括号或数字括号处理不对", en="wrong with ü, full-width or numeric parentheses")
ck.observe("empty", lambda: q1_strip_pinyin(""))
ck.expect_equal("empty", "", points=0.25, edge=True, zh="空字符串应原样返回",
                en="empty text stays empty")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 勘误表（2 分）
#
# 乱码（mojibake）丢了字节，没有规则能还原，只能靠人工整理的勘误表：`load_errata()` 返回
# `Erratum` 列表，每条有 `garbled`（原文中的乱码片段）、`correction`（更正）和 `why`（理由）。
# 写函数 `q2_apply_errata(text)`：按表中的顺序，把 `text` 中出现的每个 `garbled` 片段替换为
# 对应的 `correction`，返回新字符串。
#
# **演算示例**：`q2_apply_errata("減少?zèng)Q策失誤")` 返回 `"减少决策失誤"`（只有乱码被更正，
# 其余繁体字留给后面的步骤）。
#
# *Write `q2_apply_errata(text)`: replace every garbled span of the errata table by its
# correction, in table order.*

# %% nbgrader={"grade": false, "grade_id": "q2_apply_errata_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q2_apply_errata(text):
    """Return ``text`` with every garbled span from ``load_errata()`` corrected."""
    ### BEGIN SOLUTION
    for erratum in load_errata():
        text = text.replace(erratum.garbled, erratum.correction)
    return text
    ### END SOLUTION


q2_apply_errata("減少?zèng)Q策失誤")

# %% nbgrader={"grade": true, "grade_id": "q2_apply_errata", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q2_apply_errata", points=2)
ck.observe("demo", lambda: q2_apply_errata("減少?zèng)Q策失誤"))
ck.expect_type("demo", str, zh="应返回字符串", en="return a str")
ck.expect_equal("demo", "减少决策失誤", points=0.5,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.errata import load_errata as _load_errata


def _reference(text):
    for _e in _load_errata():
        text = text.replace(_e.garbled, _e.correction)
    return text


_a1 = _get_article("A1").raw
_a3 = _get_article("A3").raw
ck.observe("a1", lambda: q2_apply_errata(_a1))
ck.expect_equal("a1", _reference(_a1), points=0.5,
                zh="在 A1 原文上结果不对", en="wrong on the raw text of A1")
ck.observe("a3", lambda: q2_apply_errata(_a3))
ck.expect_equal("a3", _reference(_a3), points=0.5,
                zh="在 A3 原文上结果不对", en="wrong on the raw text of A3")
ck.observe("clean", lambda: q2_apply_errata("直播带货，产业互联网的前奏曲"))
ck.expect_equal("clean", "直播带货，产业互联网的前奏曲", points=0.5, edge=True,
                zh="没有乱码的文本应保持不变", en="text without mojibake must not change")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 顺序很重要：清洗的前三步（1.5 分）
#
# 写函数 `q3_clean_start(raw)`，依次做三步：勘误（你的 `q2_apply_errata`）→ 去注音（你的
# `q1_strip_pinyin`）→ 繁体转简体（包里的 `to_simplified`），返回结果。
# 想一想：为什么勘误必须在去注音之前？为什么去注音必须在繁简转换之前？
#
# **演算示例**：`q3_clean_start("產(chǎn)業(yè)互聯(lián)網(wǎng)")` 返回 `"产业互联网"`。
#
# *Write `q3_clean_start(raw)`: errata, then pinyin notes, then Traditional → Simplified.*

# %% nbgrader={"grade": false, "grade_id": "q3_clean_start_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_clean_start(raw):
    """Return ``raw`` after the errata, without pinyin notes, in Simplified script."""
    ### BEGIN SOLUTION
    return to_simplified(q1_strip_pinyin(q2_apply_errata(raw)))
    ### END SOLUTION


q3_clean_start(RAW["A4"][:80])

# %% nbgrader={"grade": true, "grade_id": "q3_clean_start", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q3_clean_start", points=1.5)
ck.observe("demo", lambda: q3_clean_start("產(chǎn)業(yè)互聯(lián)網(wǎng)"))
ck.expect_type("demo", str, zh="应返回字符串", en="return a str")
ck.expect_equal("demo", "产业互联网", points=0.5, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.clean import apply_errata as _errata
from beyond_traffic.clean import to_simplified as _simplified
from beyond_traffic.corpus import get_article as _get_article


def _reference(raw):
    notes = r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)"
    return _simplified(_re.sub(notes, "", _errata(raw)))


_a3 = _get_article("A3").raw
_a4 = _get_article("A4").raw
ck.observe("a3", lambda: q3_clean_start(_a3))
ck.expect_equal("a3", _reference(_a3), points=0.5, zh="在 A3 上结果不对：检查步骤的顺序",
                en="wrong on A3: check the order of the steps")
ck.observe("a4", lambda: q3_clean_start(_a4))
ck.expect_equal("a4", _reference(_a4), points=0.5, zh="在 A4 上结果不对", en="wrong on A4")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 领域词典（1.5 分）
#
# jieba 自带的词典会把 `直播电商` 切成 `直播 / 电商`，把 `去中间化` 切成 `去 / 中间 / 化`。
# 用 `make_tokenizer` 造一个**只用 jieba 自带词典**（`userdict=False`）、再加上这两个词的
# 分词器，存为 `q4_tokenizer`。用法：`tokenize(text, tokenizer=q4_tokenizer)`。不要加别的词。
#
# **演算示例**：`tokenize("直播电商正在去中间化", tokenizer=q4_tokenizer)` 返回
# `["直播电商", "正在", "去中间化"]`。
#
# *`q4_tokenizer`: jieba's dictionary alone (`userdict=False`) plus 直播电商 and 去中间化.*

# %% nbgrader={"grade": false, "grade_id": "q4_tokenizer_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q4_tokenizer = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q4_tokenizer = make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
### END SOLUTION
print(tokenize("直播电商正在去中间化", userdict=False))
if q4_tokenizer is not None:
    print(tokenize("直播电商正在去中间化", tokenizer=q4_tokenizer))

# %% nbgrader={"grade": true, "grade_id": "q4_tokenizer", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
import jieba as _jieba

from beyond_traffic.grading import Checker
from beyond_traffic.segment import tokenize as _tokenize

ck = Checker("q4_tokenizer", points=1.5)
# None would make tokenize fall back to the course dictionary, which already has both words.
ck.observe("demo", lambda: _tokenize("直播电商正在去中间化", tokenizer=q4_tokenizer)
           if isinstance(q4_tokenizer, _jieba.Tokenizer) else None)
ck.expect_type("demo", list, item_type=str,
               zh="q4_tokenizer 应为 make_tokenizer 返回的分词器",
               en="q4_tokenizer must be a tokenizer from make_tokenizer")
ck.expect_equal("demo", ["直播电商", "正在", "去中间化"], points=0.5,
                zh="演算示例切得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.segment import make_tokenizer as _make_tokenizer

_a3 = _get_article("A3").clean[:600]
_a5 = _get_article("A5").clean[:600]
ck.observe("a3", lambda: _tokenize(_a3, tokenizer=q4_tokenizer)
           if isinstance(q4_tokenizer, _jieba.Tokenizer) else None)
ck.expect_equal("a3", _tokenize(_a3, tokenizer=_make_tokenizer(extra_words=["直播电商", "去中间化"],
                userdict=False)), points=0.5, partial=True,
                zh="在 A3 上分词不对：是否只用了 jieba 词典加这两个词？",
                en="wrong on A3: jieba's dictionary plus exactly these two words?")
ck.observe("a5", lambda: _tokenize(_a5, tokenizer=q4_tokenizer)
           if isinstance(q4_tokenizer, _jieba.Tokenizer) else None)
ck.expect_equal("a5", _tokenize(_a5, tokenizer=_make_tokenizer(extra_words=["直播电商", "去中间化"],
                userdict=False)), points=0.5, partial=True,
                zh="在 A5 上分词不对", en="wrong on A5")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · 从词到位置（1.5 分）
#
# 比较两种切分之前，先把切分变成位置：写函数 `q5_word_spans(words)`，返回每个词在整句中的
# `(起点, 终点)`（从 0 数，终点不含），由元组组成的列表，顺序与 `words` 相同。
#
# **演算示例**：`q5_word_spans(["产业互联网", "的", "前奏曲"])` 返回
# `[(0, 5), (5, 6), (6, 9)]`；空列表返回 `[]`。
#
# *Write `q5_word_spans(words)`: the `(start, end)` character span of each word, in order.*

# %% nbgrader={"grade": false, "grade_id": "q5_word_spans_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q5_word_spans(words):
    """Return the (start, end) span of each word in the sentence the words make up."""
    ### BEGIN SOLUTION
    spans, start = [], 0
    for word in words:
        spans.append((start, start + len(word)))
        start += len(word)
    return spans
    ### END SOLUTION


q5_word_spans(["产业互联网", "的", "前奏曲"])

# %% nbgrader={"grade": true, "grade_id": "q5_word_spans", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q5_word_spans", points=1.5)
ck.observe("demo", lambda: q5_word_spans(["产业互联网", "的", "前奏曲"]))
ck.expect_type("demo", list, item_type=tuple, zh="应返回由元组组成的列表", en="return a list of tuples")
ck.expect_equal("demo", [(0, 5), (5, 6), (6, 9)], points=0.5,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.gold import load_gold as _load_gold


def _reference(words):
    out, start = [], 0
    for word in words:
        out.append((start, start + len(word)))
        start += len(word)
    return out


def _reference_all(sentences):
    return [_reference(words) for words in sentences]


_gold = [list(_s.words) for _s in _load_gold()[::7]]
ck.observe("gold", lambda: [q5_word_spans(_w) for _w in _gold])
ck.expect_equal("gold", _reference_all(_gold), points=0.5, partial=True,
                zh="在标准句上位置不对", en="wrong spans on the gold sentences")
ck.observe("edge", lambda: [q5_word_spans([]), q5_word_spans(["B端", "用户"])])
ck.expect_equal("edge", [[], [(0, 2), (2, 4)]], points=0.5, edge=True,
                zh="空列表或含拉丁字母的词处理不对", en="wrong on an empty list or a word with Latin letters")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 自己实现 P / R / F1（3 分）
#
# 写函数 `q6_prf(predicted, gold)`，返回元组 `(precision, recall, f1)`，三个都是 `float`。
# 两个参数都是同一句话的分词结果（词的列表）。一个预测的词算“正确”，当且仅当某个标准词与它
# **起止位置完全相同**（用你的 `q5_word_spans`）。precision = 正确数 / 预测词数，
# recall = 正确数 / 标准词数，f1 = 2PR / (P + R)（P + R 为 0 时 f1 为 0.0）。
# 约定：两个列表都为空时返回 `(1.0, 1.0, 1.0)`。
#
# **演算示例**：`q6_prf(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"])`：
# 正确的词是“的”和“前奏曲”，P = 2/4，R = 2/3，F1 = 4/7，即 `(0.5, 0.666…, 0.571…)`。
#
# *Write `q6_prf(predicted, gold)` → `(precision, recall, f1)` by matching word spans; two empty
# lists give `(1.0, 1.0, 1.0)`.*

# %% nbgrader={"grade": false, "grade_id": "q6_prf_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q6_prf(predicted, gold):
    """Return word-boundary (precision, recall, f1) of ``predicted`` against ``gold``."""
    ### BEGIN SOLUTION
    if not predicted and not gold:
        return (1.0, 1.0, 1.0)
    correct = len(set(q5_word_spans(predicted)) & set(q5_word_spans(gold)))
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (float(precision), float(recall), float(f1))
    ### END SOLUTION


q6_prf(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"])

# %% nbgrader={"grade": true, "grade_id": "q6_prf", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q6_prf", points=3)
ck.observe("demo", lambda: q6_prf(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"]))
ck.expect_type("demo", tuple, item_type=float, zh="应返回三个 float 组成的元组",
               en="return a tuple of three floats")
ck.expect_equal("demo", (0.5, 2 / 3, 4 / 7), tol=1e-9, points=1,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.gold import load_gold as _load_gold
from beyond_traffic.gold import score_segmentation as _score
from beyond_traffic.segment import tokenize as _tokenize


def _reference_all(pairs):
    return [(s.precision, s.recall, s.f1) for s in (_score(p, g) for p, g in pairs)]


_pairs = [
    (["直", "播", "带", "货"], ["直播带货"]),
    (["直播带货"], ["直", "播", "带", "货"]),
] + [(_tokenize(_g.text, userdict=False), list(_g.words)) for _g in _load_gold()[::9]]
ck.observe("cases", lambda: [q6_prf(_p, _g) for _p, _g in _pairs])
ck.expect_equal("cases", _reference_all(_pairs), tol=1e-9, points=1.5,
                zh="部分句子的 P/R/F1 不对", en="P/R/F1 wrong on some sentences")
ck.observe("empty", lambda: q6_prf([], []))
ck.expect_equal("empty", (1.0, 1.0, 1.0), points=0.5, edge=True, zh="两个空列表应得 (1.0, 1.0, 1.0)",
                en="two empty lists give (1.0, 1.0, 1.0)")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 整个标准集上的 P / R / F1（2 分）
#
# 一句一句的分数要汇总成一个数。写函数 `q7_corpus_prf(segment, gold_sentences)`：
# `segment` 是一个函数（输入句子字符串，返回词的列表），`gold_sentences` 是标准切分的列表
# （每项是一句话的词列表，例如 `GOLD`）。对每一句，用 `segment("".join(词列表))` 得到预测，
# 把所有句子的**正确数、预测词数、标准词数分别加总**，再算 P、R、F1（“微平均”，
# micro-average；不是各句分数的平均）。返回 `(precision, recall, f1)`，约定同第 6 题。
#
# **演算示例**：`q7_corpus_prf(list, [["直播带货"], ["的", "前奏曲"]])`（`list` 把句子切成单字）：
# 正确 1 个（“的”），预测 8 个，标准 3 个，所以返回 `(1/8, 1/3, 2/11)`。
#
# *Write `q7_corpus_prf(segment, gold_sentences)`: micro-averaged (pooled counts) P/R/F1.*

# %% nbgrader={"grade": false, "grade_id": "q7_corpus_prf_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q7_corpus_prf(segment, gold_sentences):
    """Return micro-averaged (precision, recall, f1) of ``segment`` over the gold sentences."""
    ### BEGIN SOLUTION
    correct = predicted = gold = 0
    for words in gold_sentences:
        guess = segment("".join(words))
        correct += len(set(q5_word_spans(guess)) & set(q5_word_spans(words)))
        predicted += len(guess)
        gold += len(words)
    if predicted == 0 and gold == 0:
        return (1.0, 1.0, 1.0)
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (float(precision), float(recall), float(f1))
    ### END SOLUTION


q7_corpus_prf(list, [["直播带货"], ["的", "前奏曲"]])

# %% nbgrader={"grade": true, "grade_id": "q7_corpus_prf", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q7_corpus_prf", points=2)
ck.observe("demo", lambda: q7_corpus_prf(list, [["直播带货"], ["的", "前奏曲"]]))
ck.expect_type("demo", tuple, item_type=float, zh="应返回三个 float 组成的元组",
               en="return a tuple of three floats")
ck.expect_equal("demo", (1 / 8, 1 / 3, 2 / 11), tol=1e-9, points=0.75,
                zh="演算示例算得不对：是加总计数，还是平均了各句的分数？",
                en="wrong on the worked example: pool the counts, do not average sentence scores")
### BEGIN HIDDEN TESTS
from beyond_traffic.gold import evaluate_tokenizer as _evaluate
from beyond_traffic.gold import load_gold as _load_gold
from beyond_traffic.segment import tokenize as _tokenize

_jieba_cut = lambda s: _tokenize(s, userdict=False)  # noqa: E731
_gold = [list(_g.words) for _g in _load_gold()]
ck.observe("jieba", lambda: q7_corpus_prf(_jieba_cut, _gold))
ck.expect_equal("jieba", tuple(getattr(_evaluate(lambda s: _tokenize(s, userdict=False)), _k)
                               for _k in ("precision", "recall", "f1")), tol=1e-9, points=0.75,
                zh="在全部标准句上（jieba）结果不对", en="wrong over the whole gold standard (jieba)")
ck.observe("micro", lambda: q7_corpus_prf(list, [["产业互联网", "的", "前奏曲"], ["流", "量"]]))
ck.expect_equal("micro", (3 / 11, 3 / 5, 3 / 8), tol=1e-9, points=0.25,
                zh="长短不同的句子：应加总计数", en="sentences of different length: pool the counts")
ck.observe("empty", lambda: q7_corpus_prf(list, []))
ck.expect_equal("empty", (1.0, 1.0, 1.0), points=0.25, edge=True, zh="没有句子时应得 (1.0, 1.0, 1.0)",
                en="no sentences give (1.0, 1.0, 1.0)")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 三个分词器的比较（1.5 分）
#
# 用你的 `q7_corpus_prf` 在 `GOLD` 上计算三个分词器的 F1：`"jieba"`
# （`tokenize(s, userdict=False)`）、`"mine"`（你的 `q4_tokenizer`）、`"course"`（课程词典，
# `tokenize(s)`）。`q8_f1` 是字典 `{名字: F1}`，F1 为 `float`；`q8_best` 是 F1 最高的名字。
#
# *`q8_f1`: F1 over GOLD for "jieba", "mine" and "course", with your `q7_corpus_prf`;
# `q8_best`: the best.*

# %% nbgrader={"grade": false, "grade_id": "q8_f1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_f1 = None  # 换成你的答案 / replace with your answer
q8_best = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q8_f1 = {
    "jieba": q7_corpus_prf(lambda s: tokenize(s, userdict=False), GOLD)[2],
    "mine": q7_corpus_prf(lambda s: tokenize(s, tokenizer=q4_tokenizer), GOLD)[2],
    "course": q7_corpus_prf(tokenize, GOLD)[2],
}
q8_best = max(q8_f1, key=q8_f1.get)
### END SOLUTION
q8_f1, q8_best

# %% nbgrader={"grade": true, "grade_id": "q8_f1", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.gold import evaluate_tokenizer as _evaluate
from beyond_traffic.grading import Checker
from beyond_traffic.segment import tokenize as _tokenize

ck = Checker("q8_f1", points=1.5)
ck.observe("f1", lambda: q8_f1)
ck.observe("course", lambda: q8_f1["course"])
ck.observe("best", lambda: q8_best)
ck.expect_type("f1", dict, key_type=str, value_type=float, zh="q8_f1 应为 {名字: float} 字典",
               en="q8_f1 must map str to float")
ck.expect_true("f1", lambda d: sorted(d) == ["course", "jieba", "mine"], points=0,
               zh="键应为 jieba、mine、course", en="keys must be jieba, mine, course")
ck.expect_equal("course", _evaluate(_tokenize).f1, tol=1e-9, points=0.5,
                zh="课程分词器的 F1 不对", en="the course tokenizer's F1 is wrong")
ck.expect_type("best", str, zh="q8_best 应为字符串", en="q8_best must be a str")
### BEGIN HIDDEN TESTS
from beyond_traffic.segment import make_tokenizer as _make_tokenizer

_mine = _make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
_f1 = {
    "jieba": _evaluate(lambda s: _tokenize(s, userdict=False)).f1,
    "mine": _evaluate(lambda s: _tokenize(s, tokenizer=_mine)).f1,
    "course": _evaluate(_tokenize).f1,
}
ck.expect_equal("f1", _f1, tol=1e-9, points=0.5, partial=True, zh="部分 F1 不对", en="some F1 are wrong")
ck.expect_equal("best", max(_f1, key=_f1.get), points=0.5, zh="最好的分词器不对",
                en="wrong best tokenizer")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题 · 词典的取舍（书面题，6 分，人工评分）
#
# 课程词典（`src/beyond_traffic/data/userdict.txt`）的每一条都是一个决定。下面 `CANDIDATES`
# 里有六个候选。从中选**四个**，对每一个说明你的决定——加入词典、不加入，或（对 jieba 已经
# 收录的词）从词典中去掉——并给出理由：
#
# 1. **规范**：引用分词规范 `docs/segmentation_guideline.md` 的条款编号（例如“规则 3”）。
# 2. **证据**：用下面的探索单元**算出**的数字（在 `GOLD` 上的 F1 变化、在五篇文章中出现的次数、
#    不加词时它被切成什么），并说明数字支持还是削弱你的决定。
# 3. **方法的局限**：这些数字能说明什么、不能说明什么？（提示：标准句从哪里来？有几句？
#    谁切的？一个候选词如果在标准句里一次也没出现，F1 会怎样？）
#
# 中文或英文，300–500 字。引用文章原文时用直角引号括起，并注明文章编号（如 A1）。
#
# **评分标准 / Rubric**
#
# | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
# |---|---|---|---|
# | 决定与规范 Decisions and guideline | 2 | 四个决定都明确，各自引用了合适的规范条款，条款与决定一致 | 1.5：四个决定都明确，规范条款大多合适，有一处条款与决定不完全一致；1：决定明确，但规范引用有缺漏或泛泛而谈；或只有决定没有理由；0.5：决定含糊或只做了一部分，几乎没有引用规范；0：没有可辨认的决定 |
# | 计算的证据 Computed evidence | 2 | 每个决定都有本笔记本算出的数字，数字准确，并说明它支持还是削弱决定 | 1.5：大多数决定有准确的算出的数字，个别没有说明数字支持还是削弱决定；1：有算出的数字，但只覆盖一部分决定，或有数字不准确；0.5：只有一个数字，或数字与决定没有联系；0：没有算出的数字 |
# | 方法的局限 Limits of the method | 1 | 指出标准句取自同一语料（样本内、偏乐观）、句数少、单一标注者，或某候选词不在标准句中因此 F1 无法评价它 | 0.5：提到局限，但笼统，没有说明它为什么限制结论；0：没有谈局限 |
# | 表达 Writing | 1 | 结构清楚、简洁，术语准确 | 0.5：能读懂，但结构松散或术语不准；0：难以读懂 |
#
# 0 分：空白或与题目无关。只有决定、没有理由的，前两项最多各 1 分。
#
# **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
#
# - [ ] 我对四个候选词各做了一个明确的决定（加入 / 不加入 / 去掉）。
# - [ ] 每个决定都引用了规范的条款编号，而且条款确实支持这个决定。
# - [ ] 每个决定都有一个**我自己算出的**数字，我说明了它支持还是削弱我的决定。
# - [ ] 我至少说了一条这些数字**不能**说明的事情，并说明原因。
# - [ ] 别人读我的答案，不看笔记本也能明白每个数字是怎么来的。

# %% nbgrader={"grade": false, "grade_id": "q9_candidates", "locked": true, "schema_version": 3, "solution": false, "task": false}
CANDIDATES = ["直播带货", "淘宝直播", "去中间化", "方式和方法", "仅仅只是", "内在机构"]

# %%
# 探索（不计分）/ explore (not graded): change this cell as you like.
# jieba 的词典加上一个候选词（对 jieba 已收录的词，频率 0 表示去掉）/ jieba plus one candidate
# (frequency 0 removes a word jieba already lists).
base = q7_corpus_prf(lambda s: tokenize(s, userdict=False), GOLD)
for word in CANDIDATES:
    entry = (word, 0) if tokenize(word, userdict=False) == [word] else word
    tok = make_tokenizer(extra_words=[entry], userdict=False)
    scores = q7_corpus_prf(lambda s: tokenize(s, tokenizer=tok), GOLD)
    in_articles = sum(get_article(aid).clean.count(word) for aid in RAW)
    in_gold = sum("".join(words).count(word) for words in GOLD)
    if base is None or scores is None:
        print("先完成第 7 题 / finish question 7 first")
        break
    print(f"{word}: {entry!r:>14}  ΔF1 = {scores[2] - base[2]:+.4f}  "
          f"文章中 {in_articles} 次, 标准句中 {in_gold} 次, jieba: {tokenize(word, userdict=False)}")

# %% [markdown] nbgrader={"grade": true, "grade_id": "q9_dictionary", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# 示范答案与评分说明见 `instructors/exemplars/ps1_segment_q9_dictionary.md`（优秀、合格、不足三个
# 水平的答案，每项得分及理由）。评分时先读那三份答案校准，再按上面的评分标准打分。

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 想一想（不计分）
#
# - 第 1 题的正则会不会误删真正的括号内容？`beyond_traffic.clean.audit(RAW["A1"])` 的第二步
#   （`strip_pinyin_annotations`）列出了课程的清洗删掉的每一个注音：把它的数目和你的函数删掉的
#   数目比一比，怎样确认一个也没漏、一个也没多删？
# - 标准答案本身是按什么规范切分的（`docs/segmentation_guideline.md`）？换一个规范，
#   第 8 题的排名会变吗？
#
# 提交前：Kernel → Restart & Run All。
