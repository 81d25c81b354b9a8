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
# **Abstract.** Problem set 1 takes the scraped articles from raw bytes to words. You write a
# regular expression that strips the pinyin notes a converter left after Traditional characters,
# apply the mojibake errata table, convert Traditional to Simplified script in the right order,
# extend jieba with a domain dictionary so that 直播电商 and 去中间化 come out whole, segment
# sentences with and without it, implement word-boundary precision / recall / F1 yourself, and
# measure three tokenizers against the course's gold standard. Seven autograded questions,
# 16 points. Every answer is a named variable or function; the cell under each answer checks its
# shape and gives feedback, and hidden tests check it again on other articles and edge cases.
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元，
#   答案必须用题目指定的名字。
# - 答题单元下方的检查单元会告诉你类型、长度等是否正确，但不会显示标准答案；
#   提交后还有隐藏测试（其他文章、边界情况）。
# - 可以使用 `beyond_traffic` 包，但第 1、2、6 题要求你自己实现（不要直接调用包里的同名步骤）。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import re

from beyond_traffic.clean import to_simplified
from beyond_traffic.corpus import get_article
from beyond_traffic.errata import load_errata
from beyond_traffic.gold import evaluate_tokenizer, load_gold
from beyond_traffic.segment import make_tokenizer, tokenize

RAW = {aid: get_article(aid).raw for aid in ("A1", "A2", "A3", "A4", "A5")}
print(RAW["A1"][:60])

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 去掉拼音注音（3 分）
#
# A1、A3、A4 的繁体字后面常跟着拼音注音，例如 `產(chǎn)業(yè)`。写函数 `q1_strip_pinyin(text)`，
# 用正则表达式删除这些注音，返回新字符串。
#
# 注音的定义：紧跟在一个汉字后面的**半角**括号，括号里是一个带声调符号的小写拼音音节
# （字母 a–z、ü 和带声调的元音 āáǎà…）。其他括号必须保留，例如 `(ToB)`、`（见下文）`、`(2020)`。
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


q1_strip_pinyin("產(chǎn)業(yè)互聯(lián)網(wǎng)")

# %% nbgrader={"grade": true, "grade_id": "q1_strip_pinyin", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.clean import apply_errata, strip_pinyin_annotations
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q1_strip_pinyin", points=3)
ck.observe("demo", lambda: q1_strip_pinyin("直播帶(dài)貨(huò)"))
ck.expect_type("demo", str, zh="应返回字符串", en="return a str")
ck.expect_true("demo", lambda s: "(" not in s and "帶" in s and "貨" in s, points=0.5,
               zh="注音没有删干净，或删掉了汉字", en="notes are left, or characters were removed")
ck.observe("keep", lambda: q1_strip_pinyin("平台的(ToB)属性"))
ck.expect_true("keep", lambda s: "(ToB)" in s, points=0.25,
               zh="不是拼音的括号被删掉了", en="a parenthesis that is not pinyin was removed")
### BEGIN HIDDEN TESTS
_a1 = apply_errata(get_article("A1").raw)
_a4 = apply_errata(get_article("A4").raw)
ck.observe("a1", lambda: q1_strip_pinyin(_a1))
ck.expect_equal("a1", strip_pinyin_annotations(_a1), points=1,
                zh="在 A1 全文上结果不对", en="wrong on the whole of A1")
ck.observe("a4", lambda: q1_strip_pinyin(_a4))
ck.expect_equal("a4", strip_pinyin_annotations(_a4), points=0.5,
                zh="在 A4 全文上结果不对", en="wrong on the whole of A4")
ck.observe("others", lambda: q1_strip_pinyin("見下文（見下文）與2020(2020)和綠(lǜ)色(sè)和(ToB)"))
ck.expect_equal("others", "見下文（見下文）與2020(2020)和綠色和(ToB)", points=0.5,
                zh="ü、全角括号或数字括号处理不对", en="wrong with ü, full-width or numeric parentheses")
ck.observe("empty", lambda: q1_strip_pinyin(""))
ck.expect_equal("empty", "", points=0.25, zh="空字符串应原样返回", en="empty text stays empty")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 勘误表（2 分）
#
# 乱码（mojibake）丢了字节，没有规则能还原，只能靠人工整理的勘误表：`load_errata()` 返回
# `Erratum` 列表，每条有 `garbled`（原文中的乱码片段）、`correction`（更正）和 `why`（理由）。
# 写函数 `q2_apply_errata(text)`：把 `text` 中出现的每个 `garbled` 片段替换为对应的
# `correction`，返回新字符串。
#
# *Write `q2_apply_errata(text)`: replace every garbled span of the errata table by its
# correction.*

# %% nbgrader={"grade": false, "grade_id": "q2_apply_errata_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q2_apply_errata(text):
    """Return ``text`` with every garbled span from ``load_errata()`` corrected."""
    ### BEGIN SOLUTION
    for erratum in load_errata():
        text = text.replace(erratum.garbled, erratum.correction)
    return text
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "q2_apply_errata", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.clean import apply_errata
from beyond_traffic.corpus import get_article
from beyond_traffic.errata import load_errata
from beyond_traffic.grading import Checker

ck = Checker("q2_apply_errata", points=2)
_garbled = "开头" + load_errata()[0].garbled + "结尾"
ck.observe("one", lambda: q2_apply_errata(_garbled))
ck.expect_type("one", str, zh="应返回字符串", en="return a str")
ck.expect_equal("one", apply_errata(_garbled), points=0.5,
                zh="勘误表第一条没有替换对", en="the first erratum was not applied")
### BEGIN HIDDEN TESTS
_a1 = get_article("A1").raw
_a3 = get_article("A3").raw
ck.observe("a1", lambda: q2_apply_errata(_a1))
ck.expect_equal("a1", apply_errata(_a1), points=0.5,
                zh="在 A1 原文上结果不对", en="wrong on the raw text of A1")
ck.observe("a3", lambda: q2_apply_errata(_a3))
ck.expect_equal("a3", apply_errata(_a3), points=0.5,
                zh="在 A3 原文上结果不对", en="wrong on the raw text of A3")
ck.observe("clean", lambda: q2_apply_errata("直播带货，产业互联网的前奏曲"))
ck.expect_equal("clean", "直播带货，产业互联网的前奏曲", points=0.5,
                zh="没有乱码的文本应保持不变", en="text without mojibake must not change")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 顺序很重要：清洗的前三步（2 分）
#
# 写函数 `q3_clean_start(raw)`，依次做三步：勘误（你的 `q2_apply_errata`）→ 去注音（你的
# `q1_strip_pinyin`）→ 繁体转简体（包里的 `to_simplified`），返回结果。
# 想一想：为什么勘误必须在去注音之前？为什么去注音必须在繁简转换之前？
#
# *Write `q3_clean_start(raw)`: errata, then pinyin notes, then Traditional → Simplified.*

# %% nbgrader={"grade": false, "grade_id": "q3_clean_start_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_clean_start(raw):
    """Return ``raw`` after the errata, without pinyin notes, in Simplified script."""
    ### BEGIN SOLUTION
    return to_simplified(q1_strip_pinyin(q2_apply_errata(raw)))
    ### END SOLUTION


q3_clean_start(RAW["A4"][:80])

# %% nbgrader={"grade": true, "grade_id": "q3_clean_start", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.clean import STEPS
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q3_clean_start", points=2)
ck.observe("demo", lambda: q3_clean_start("產(chǎn)業(yè)互聯(lián)網(wǎng)"))
ck.expect_type("demo", str, zh="应返回字符串", en="return a str")
ck.expect_equal("demo", "产业互联网", points=0.5, zh="示例结果不对", en="wrong on the example")
### BEGIN HIDDEN TESTS
_steps = dict(STEPS)
_a3 = get_article("A3").raw
_a4 = get_article("A4").raw
ck.observe("a3", lambda: q3_clean_start(_a3))
ck.expect_equal("a3", _steps["to_simplified"](_steps["strip_pinyin_annotations"](
    _steps["apply_errata"](_a3))), points=0.75, zh="在 A3 上结果不对：检查步骤的顺序",
    en="wrong on A3: check the order of the steps")
ck.observe("a4", lambda: q3_clean_start(_a4))
ck.expect_equal("a4", _steps["to_simplified"](_steps["strip_pinyin_annotations"](
    _steps["apply_errata"](_a4))), points=0.75, zh="在 A4 上结果不对", en="wrong on A4")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 领域词典（2 分）
#
# jieba 自带的词典会把 `直播电商` 切成 `直播 / 电商`，把 `去中间化` 切成 `去 / 中间 / 化`。
# 用 `make_tokenizer` 造一个**只用 jieba 自带词典**（`userdict=False`）、再加上这两个词的
# 分词器，存为 `q4_tokenizer`。用法：`tokenize(text, tokenizer=q4_tokenizer)`。
# 不要加别的词。
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

# %% nbgrader={"grade": true, "grade_id": "q4_tokenizer", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import jieba

from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker
from beyond_traffic.segment import make_tokenizer, tokenize

ck = Checker("q4_tokenizer", points=2)
# None would make tokenize fall back to the course dictionary, which already has both words.
_cut = lambda text, tok: tokenize(text, tokenizer=tok) if isinstance(tok, jieba.Tokenizer) else None
ck.observe("demo", lambda: _cut("直播电商正在去中间化", q4_tokenizer))
ck.expect_type("demo", list, item_type=str,
               zh="q4_tokenizer 应为 make_tokenizer 返回的分词器",
               en="q4_tokenizer must be a tokenizer from make_tokenizer")
ck.expect_contains("demo", ["直播电商", "去中间化"], points=1, partial=True,
                   zh="领域词没有整体切出", en="the domain words are not kept whole")
### BEGIN HIDDEN TESTS
_ref = make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
_a3 = get_article("A3").clean[:600]
_a5 = get_article("A5").clean[:600]
ck.observe("a3", lambda: _cut(_a3, q4_tokenizer))
ck.expect_equal("a3", tokenize(_a3, tokenizer=_ref), points=0.5, partial=True,
                zh="在 A3 上分词不对：是否只用了 jieba 词典加这两个词？",
                en="wrong on A3: jieba's dictionary plus exactly these two words?")
ck.observe("a5", lambda: _cut(_a5, q4_tokenizer))
ck.expect_equal("a5", tokenize(_a5, tokenizer=_ref), points=0.5, partial=True,
                zh="在 A5 上分词不对", en="wrong on A5")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · 切分给定的句子（2 分）
#
# 对下面 `SENTENCES` 里的每个句子分词两次：`q5_jieba` 只用 jieba 自带词典
# （`tokenize(s, userdict=False)`），`q5_mine` 用你的 `q4_tokenizer`。两者都是“列表的列表”，
# 顺序与 `SENTENCES` 相同。再求 `q5_new_words`：在 `q5_mine` 中出现、但在 `q5_jieba` 中没有
# 出现的词，去重后按字符排序的列表。
#
# *Segment each sentence with jieba alone (`q5_jieba`) and with `q4_tokenizer` (`q5_mine`);
# `q5_new_words`: sorted distinct words of `q5_mine` missing from `q5_jieba`.*

# %% nbgrader={"grade": false, "grade_id": "q5_sentences", "locked": true, "schema_version": 3, "solution": false, "task": false}
SENTENCES = [
    "直播电商走向精细化运营，越发考验平台背后的B端服务能力。",
    "社交电商借助流量、去中间化和互联网技术实现了快速发展。",
    "直播电商的本质依然是电商。",
]

# %% nbgrader={"grade": false, "grade_id": "q5_tokens_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q5_jieba = None  # 换成你的答案 / replace with your answer
q5_mine = None  # 换成你的答案 / replace with your answer
q5_new_words = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q5_jieba = [tokenize(s, userdict=False) for s in SENTENCES]
q5_mine = [tokenize(s, tokenizer=q4_tokenizer) for s in SENTENCES]
q5_new_words = sorted({w for ws in q5_mine for w in ws} - {w for ws in q5_jieba for w in ws})
### END SOLUTION
q5_new_words

# %% nbgrader={"grade": true, "grade_id": "q5_tokens", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker
from beyond_traffic.segment import make_tokenizer, tokenize

ck = Checker("q5_tokens", points=2)
_sentences = [
    "直播电商走向精细化运营，越发考验平台背后的B端服务能力。",
    "社交电商借助流量、去中间化和互联网技术实现了快速发展。",
    "直播电商的本质依然是电商。",
]
ck.observe("jieba", lambda: q5_jieba)
ck.observe("mine", lambda: q5_mine)
ck.observe("new", lambda: q5_new_words)
ck.expect_type("jieba", list, item_type=list, zh="q5_jieba 应为列表的列表", en="q5_jieba: a list of lists")
ck.expect_type("mine", list, item_type=list, zh="q5_mine 应为列表的列表", en="q5_mine: a list of lists")
ck.expect_true("mine", lambda v: len(v) == 3 and all("".join(ws) == s for ws, s in zip(v, _sentences)),
               points=0.5, zh="q5_mine 应有 3 项，每项连起来等于原句",
               en="q5_mine needs 3 items, each joining back to its sentence")
ck.expect_type("new", list, item_type=str, zh="q5_new_words 应为字符串列表",
               en="q5_new_words: a list of str")
### BEGIN HIDDEN TESTS
_ref = make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
_jieba = [tokenize(s, userdict=False) for s in _sentences]
_mine = [tokenize(s, tokenizer=_ref) for s in _sentences]
ck.expect_equal("jieba", _jieba, points=0.5, partial=True, zh="q5_jieba 不对", en="q5_jieba is wrong")
ck.expect_equal("mine", _mine, points=0.5, partial=True, zh="q5_mine 不对", en="q5_mine is wrong")
ck.expect_equal("new", sorted({w for ws in _mine for w in ws} - {w for ws in _jieba for w in ws}),
                points=0.5, zh="q5_new_words 不对", en="q5_new_words is wrong")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 自己实现 P / R / F1（3 分）
#
# 写函数 `q6_prf(predicted, gold)`，返回元组 `(precision, recall, f1)`，三个都是 `float`。
# 两个参数都是同一句话的分词结果（词的列表）。一个预测的词算“正确”，当且仅当某个标准词与它
# **起止位置完全相同**。precision = 正确数 / 预测词数，recall = 正确数 / 标准词数，
# f1 = 2PR / (P + R)（P + R 为 0 时 f1 为 0.0）。约定：两个列表都为空时返回 `(1.0, 1.0, 1.0)`。
# 不要调用 `score_segmentation`，自己写。
#
# *Write `q6_prf(predicted, gold)` → `(precision, recall, f1)` by matching word spans; two empty
# lists give `(1.0, 1.0, 1.0)`.*

# %% nbgrader={"grade": false, "grade_id": "q6_prf_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q6_prf(predicted, gold):
    """Return word-boundary (precision, recall, f1) of ``predicted`` against ``gold``."""
    ### BEGIN SOLUTION
    def spans(words):
        out, start = set(), 0
        for word in words:
            out.add((start, start + len(word)))
            start += len(word)
        return out

    if not predicted and not gold:
        return (1.0, 1.0, 1.0)
    correct = len(spans(predicted) & spans(gold))
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (float(precision), float(recall), float(f1))
    ### END SOLUTION


q6_prf(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"])

# %% nbgrader={"grade": true, "grade_id": "q6_prf", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.gold import load_gold, score_segmentation
from beyond_traffic.grading import Checker
from beyond_traffic.segment import tokenize

ck = Checker("q6_prf", points=3)
ck.observe("same", lambda: q6_prf(["直播", "带货"], ["直播", "带货"]))
ck.expect_type("same", tuple, item_type=float, zh="应返回三个 float 组成的元组",
               en="return a tuple of three floats")
ck.expect_equal("same", (1.0, 1.0, 1.0), points=0.5, zh="完全相同的切分应得 (1.0, 1.0, 1.0)",
                en="identical segmentations give (1.0, 1.0, 1.0)")
### BEGIN HIDDEN TESTS
_pairs = [
    (["产业互联网", "的", "前奏曲"], ["产业", "互联网", "的", "前奏曲"]),
    (["直", "播", "带", "货"], ["直播带货"]),
] + [(tokenize(g.text, userdict=False), list(g.words)) for g in load_gold()[::9]]
_want = [score_segmentation(p, g) for p, g in _pairs]
ck.observe("cases", lambda: [q6_prf(p, g) for p, g in _pairs])
ck.expect_equal("cases", [(s.precision, s.recall, s.f1) for s in _want], tol=1e-9, points=2,
                partial=True, zh="部分句子的 P/R/F1 不对", en="P/R/F1 wrong on some sentences")
ck.observe("empty", lambda: q6_prf([], []))
ck.expect_equal("empty", (1.0, 1.0, 1.0), points=0.5, zh="两个空列表应得 (1.0, 1.0, 1.0)",
                en="two empty lists give (1.0, 1.0, 1.0)")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 三个分词器的比较（2 分）
#
# 用 `evaluate_tokenizer` 在全部标准句（`load_gold()`，默认就是它们）上计算三个分词器的 F1：
# `"jieba"`（`tokenize(s, userdict=False)`）、`"mine"`（你的 `q4_tokenizer`）、
# `"course"`（课程词典，`tokenize(s)`）。`q7_f1` 是字典 `{名字: F1}`，F1 为 `float`；
# `q7_best` 是 F1 最高的名字。
#
# *`q7_f1`: F1 over the gold sentences for "jieba", "mine" and "course"; `q7_best`: the best.*

# %% nbgrader={"grade": false, "grade_id": "q7_f1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q7_f1 = None  # 换成你的答案 / replace with your answer
q7_best = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q7_f1 = {
    "jieba": evaluate_tokenizer(lambda s: tokenize(s, userdict=False)).f1,
    "mine": evaluate_tokenizer(lambda s: tokenize(s, tokenizer=q4_tokenizer)).f1,
    "course": evaluate_tokenizer(tokenize).f1,
}
q7_best = max(q7_f1, key=q7_f1.get)
### END SOLUTION
q7_f1, q7_best

# %% nbgrader={"grade": true, "grade_id": "q7_f1", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.gold import evaluate_tokenizer
from beyond_traffic.grading import Checker
from beyond_traffic.segment import make_tokenizer, tokenize

ck = Checker("q7_f1", points=2)
ck.observe("f1", lambda: q7_f1)
ck.observe("best", lambda: q7_best)
ck.expect_type("f1", dict, key_type=str, value_type=float, zh="q7_f1 应为 {名字: float} 字典",
               en="q7_f1 must map str to float")
ck.expect_true("f1", lambda d: sorted(d) == ["course", "jieba", "mine"]
               and all(0.0 <= v <= 1.0 for v in d.values()), points=0.5,
               zh="键应为 jieba、mine、course，值在 0 到 1 之间",
               en="keys jieba, mine, course; values between 0 and 1")
ck.expect_type("best", str, zh="q7_best 应为字符串", en="q7_best must be a str")
### BEGIN HIDDEN TESTS
_ref = make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
_f1 = {
    "jieba": evaluate_tokenizer(lambda s: tokenize(s, userdict=False)).f1,
    "mine": evaluate_tokenizer(lambda s: tokenize(s, tokenizer=_ref)).f1,
    "course": evaluate_tokenizer(tokenize).f1,
}
ck.expect_equal("f1", _f1, tol=1e-9, points=1, partial=True, zh="部分 F1 不对", en="some F1 are wrong")
ck.expect_equal("best", max(_f1, key=_f1.get), points=0.5, zh="最好的分词器不对",
                en="wrong best tokenizer")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 想一想（不计分）
#
# - 第 1 题的正则会不会误删真正的括号内容？在 A1 的 575 个注音里，你怎样确认一个也没漏？
# - 加了两个词，F1 提高了多少？课程词典又多提高了多少？标准答案本身是按什么规范切分的
#   （`docs/segmentation_guideline.md`）？换一个规范，分数会怎样变？
#
# 提交前：Kernel → Restart & Run All。
