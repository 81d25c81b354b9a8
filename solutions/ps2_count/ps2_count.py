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
# # 作业二：词频与关键词
#
# **Abstract.** Problem set 2 turns the cleaned corpus into numbers, and you write the counting
# methods yourself: a filter for stopwords and punctuation, a frequency ranking with a fixed
# tie-break, a rate per 1,000 Han characters, a keyword-in-context (KWIC) concordance, a
# sentence-bootstrap interval for a rate (fixed seed, fully specified, so it can be checked
# exactly), and TF-IDF. You then apply them to the five articles and ask whether the
# differences between articles are larger than their uncertainty. A written question asks you
# to interpret the concordance of 流量 and 赋能 and to say what counting cannot show.
# Eight autograded questions (18 points) and one written answer graded by hand (6 points).
#
# **预计用时 / Estimated time：3.5–4.5 小时 / 3.5–4.5 hours**（自动评分题约 3 小时，书面题约 1 小时）。
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元，
#   答案必须用题目指定的名字。
# - 每道题都给出一个**演算示例**。检查单元会告诉你类型对不对、演算示例**算得对不对**，
#   但不会显示标准答案；提交后还有隐藏测试（其他文章、边界情况）。
# - 第 1、2、3、4、6、8 题要你**自己实现方法**，只用 Python 自带的工具（`re`、`random`、
#   `math`、`unicodedata`、`collections`）：不要调用 `beyond_traffic.count`、
#   `beyond_traffic.keywords` 里做同一件事的函数。分词用课程的 `tokenize`（已在准备单元里算好）。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。
#
# **自学者 / Learning alone?** 检查单元就是你的反馈。认真做完一遍后，在终端（项目的 `.venv`
# 已激活）运行 `beyond-traffic solutions ps2_count --notebook ps2_count.ipynb`，
# 它会为你**做过的**题目生成带讲解的参考解答（课堂发布版不含这些材料）。书面题请先用题下的
# 自评表给自己打分，再看示范答案。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import math
import random
import re
import unicodedata
from collections import Counter

from beyond_traffic.claims import split_sentences
from beyond_traffic.corpus import load_corpus
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

ARTICLES = {a.id: a.clean for a in load_corpus()}  # 五篇文章清洗后的正文 / cleaned text by id
TOKENS = {aid: tokenize(text) for aid, text in ARTICLES.items()}  # 课程分词 / course tokens
SENTENCES = {aid: split_sentences(text) for aid, text in ARTICLES.items()}  # 句子 / sentences
STOP = stopwords()  # 课程停用词 / the course stopword list
print({aid: len(text) for aid, text in ARTICLES.items()})

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 实词（2 分）
#
# 写函数 `q1_content_tokens(tokens, stop)`：按原顺序返回 `tokens` 中**既不在 `stop` 里、也不是
# 纯标点**的词（`list[str]`）。“纯标点”指：非空，并且每个字符的 Unicode 类别以 P（标点）、
# S（符号）或 Z（分隔符）开头，或者是空白字符（`unicodedata.category(c)`、`c.isspace()`）。
# 空字符串也去掉。
#
# **演算示例**：`q1_content_tokens(["直播", "带货", "的", "，", "B端", "……", " ", "2020年"], {"的"})`
# 返回 `["直播", "带货", "B端", "2020年"]`。
#
# *Write `q1_content_tokens(tokens, stop)`: the tokens that are neither in `stop` nor made only of
# punctuation, symbols or spaces, in order.*

# %% nbgrader={"grade": false, "grade_id": "q1_content_tokens_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q1_content_tokens(tokens, stop):
    """Return the tokens that are neither stopwords nor punctuation, in order."""
    ### BEGIN SOLUTION
    def punctuation_only(token):
        return all(unicodedata.category(c)[0] in "PSZ" or c.isspace() for c in token)

    return [t for t in tokens if t and t not in stop and not punctuation_only(t)]
    ### END SOLUTION


q1_content_tokens(["直播", "带货", "的", "，", "B端", "……", " ", "2020年"], {"的"})

# %% nbgrader={"grade": true, "grade_id": "q1_content_tokens", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q1_content_tokens", points=2)
ck.observe("demo", lambda: q1_content_tokens(["直播", "带货", "的", "，", "B端", "……", " ", "2020年"], {"的"}))
ck.expect_type("demo", list, item_type=str, zh="应返回由字符串组成的列表", en="return a list of str")
ck.expect_equal("demo", ["直播", "带货", "B端", "2020年"], points=0.75,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import unicodedata as _ud

from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import stopwords as _stopwords
from beyond_traffic.segment import tokenize as _tokenize


def _reference(tokens, stop):
    def punct(token):
        return all(_ud.category(c)[0] in "PSZ" or c.isspace() for c in token)

    return [t for t in tokens if t and t not in stop and not punct(t)]


_a5 = _tokenize(_get_article("A5").clean)
_stop = _stopwords()
ck.observe("a5", lambda: q1_content_tokens(_a5, _stop))
ck.expect_equal("a5", _reference(_a5, _stop), points=0.75, partial=True,
                zh="在文章 A5 上结果不对", en="wrong on article A5")
ck.observe("edge", lambda: [q1_content_tokens([], set()),
                            q1_content_tokens(["％", "《", "流量》", "+", "≥", "", "赋能"], set())])
ck.expect_equal("edge", [[], ["流量》", "赋能"]], points=0.5, edge=True,
                zh="空列表、符号或空字符串处理不对", en="wrong on an empty list, symbols or empty strings")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 高频词（2 分）
#
# 写函数 `q2_top_words(tokens, k)`：数出每个词出现的次数，返回出现最多的 `k` 个
# `(词, 次数)` 元组组成的列表：次数从高到低；次数相同时按词的字符顺序（Python 对字符串的
# 默认排序）从小到大。不同的词不足 `k` 个时全部返回。注意 `Counter.most_common` 的并列
# 顺序取决于词第一次出现的位置，不符合这个要求。
#
# **演算示例**：`q2_top_words(["赋能", "流量", "流量", "赋能", "平台"], 2)` 返回
# `[("流量", 2), ("赋能", 2)]`（并列时“流量”排在“赋能”前面，因为 `"流量" < "赋能"`）。
#
# *Write `q2_top_words(tokens, k)`: the k most frequent `(word, count)`, count descending, ties
# by the word in Python's string order.*

# %% nbgrader={"grade": false, "grade_id": "q2_top_words_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q2_top_words(tokens, k):
    """Return the ``k`` most frequent ``(word, count)`` pairs, ties broken by the word."""
    ### BEGIN SOLUTION
    counts = Counter(tokens)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]
    ### END SOLUTION


q2_top_words(["赋能", "流量", "流量", "赋能", "平台"], 2)

# %% nbgrader={"grade": true, "grade_id": "q2_top_words", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q2_top_words", points=2)
ck.observe("demo", lambda: q2_top_words(["赋能", "流量", "流量", "赋能", "平台"], 2))
ck.expect_type("demo", list, item_type=tuple, zh="应返回由 (词, 次数) 元组组成的列表",
               en="return a list of (word, count) tuples")
ck.expect_equal("demo", [("流量", 2), ("赋能", 2)], points=0.75,
                zh="演算示例算得不对：检查并列时的顺序", en="wrong on the worked example: check ties")
### BEGIN HIDDEN TESTS
from collections import Counter as _Counter

from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.segment import tokenize as _tokenize


def _reference(tokens, k):
    return sorted(_Counter(tokens).items(), key=lambda item: (-item[1], item[0]))[:k]


_a2 = _tokenize(_get_article("A2").clean)
ck.observe("a2", lambda: q2_top_words(_a2, 15))
ck.expect_equal("a2", _reference(_a2, 15), points=0.75, partial=True,
                zh="在 A2 的全部词上结果不对", en="wrong on all tokens of A2")
ck.observe("edge", lambda: [q2_top_words([], 3), q2_top_words(["流量"], 5)])
ck.expect_equal("edge", [[], [("流量", 1)]], points=0.5, edge=True,
                zh="空列表或 k 大于词数时不对", en="wrong on an empty list or k larger than the vocabulary")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 每千字的频率（2 分）
#
# 五篇文章长短不同，只比次数不公平。写两个函数：
#
# - `q3_han_count(text)`：`text` 中汉字的个数。这里“汉字”指 CJK 统一表意文字 U+4E00–U+9FFF
#   和扩展 A 区 U+3400–U+4DBF；标点、数字、拉丁字母、空白都不算。
# - `q3_rate(text, phrase)`：`phrase` 在 `text` 中出现的次数（按原文子串、不重叠，即
#   `text.count(phrase)`）除以汉字数、乘以 1000，返回 `float`。`text` 没有汉字时返回 `0.0`。
#
# **演算示例**：`q3_han_count("直播带货，B端 2020年")` 返回 `6`；`q3_rate("流量，流量之外", "流量")`
# 返回 `1000 * 2 / 6`，即 `333.33…`。
#
# *Write `q3_han_count(text)` (Han characters U+4E00–U+9FFF and U+3400–U+4DBF) and
# `q3_rate(text, phrase)`: occurrences per 1,000 Han characters, a float, 0.0 without Han.*

# %% nbgrader={"grade": false, "grade_id": "q3_rate_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_han_count(text):
    """Return the number of Han characters in ``text``."""
    ### BEGIN SOLUTION
    return len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", text))
    ### END SOLUTION


def q3_rate(text, phrase):
    """Return the occurrences of ``phrase`` per 1,000 Han characters of ``text``."""
    ### BEGIN SOLUTION
    chars = q3_han_count(text)
    return 1000 * text.count(phrase) / chars if chars else 0.0
    ### END SOLUTION


q3_han_count("直播带货，B端 2020年"), q3_rate("流量，流量之外", "流量")

# %% nbgrader={"grade": true, "grade_id": "q3_rate", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q3_rate", points=2)
ck.observe("count", lambda: q3_han_count("直播带货，B端 2020年"))
ck.observe("rate", lambda: q3_rate("流量，流量之外", "流量"))
ck.expect_type("count", int, zh="q3_han_count 应返回整数", en="q3_han_count must return an int")
ck.expect_equal("count", 6, points=0.25, zh="演算示例的汉字数不对", en="wrong Han count on the worked example")
ck.expect_type("rate", float, zh="q3_rate 应返回 float", en="q3_rate must return a float")
ck.expect_equal("rate", 1000 * 2 / 6, tol=1e-9, points=0.5,
                zh="演算示例的频率不对", en="wrong rate on the worked example")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.corpus import get_article as _get_article


def _reference(text, phrase):
    chars = len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", text))
    return 1000 * text.count(phrase) / chars if chars else 0.0


_a2 = _get_article("A2").clean
_a5 = _get_article("A5").clean
ck.observe("a2", lambda: q3_rate(_a2, "仅仅只是"))
ck.expect_equal("a2", _reference(_a2, "仅仅只是"), tol=1e-9, points=0.5,
                zh="A2 中“仅仅只是”的频率不对", en="wrong rate of 仅仅只是 in A2")
ck.observe("a5", lambda: q3_rate(_a5, "流量"))
ck.expect_equal("a5", _reference(_a5, "流量"), tol=1e-9, points=0.25,
                zh="A5 中“流量”的频率不对", en="wrong rate of 流量 in A5")
ck.observe("edge", lambda: [q3_rate("", "流量"), q3_rate("GMV 60%", "GMV"), q3_han_count("㐀丁,a")])
ck.expect_equal("edge", [0.0, 0.0, 2], tol=1e-9, points=0.5, edge=True,
                zh="没有汉字的文本或扩展 A 区汉字处理不对",
                en="wrong on text without Han characters or on Extension A")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 语境中的关键词 KWIC（3 分）
#
# 写函数 `q4_kwic(text, keyword, width)`：先把 `text` 里的换行符（`"\n"`、`"\r"`）各换成一个
# 空格，然后从左到右找出 `keyword` 的每一次出现（不重叠：找到一次后，从它的结尾继续找），
# 返回由 `(左侧上下文, 关键词, 右侧上下文)` 三个字符串组成的元组的列表，左右各取至多
# `width` 个字符。找不到时返回空列表。
#
# **演算示例**：`q4_kwic("流量\n之外，还是流量", "流量", 3)` 返回
# `[("", "流量", " 之外"), ("，还是", "流量", "")]`。
#
# *Write `q4_kwic(text, keyword, width)`: every non-overlapping occurrence, left to right, as a
# `(left, keyword, right)` tuple with at most `width` characters each side; line breaks become
# spaces.*

# %% nbgrader={"grade": false, "grade_id": "q4_kwic_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q4_kwic(text, keyword, width):
    """Return every occurrence of ``keyword`` in ``text`` with ``width`` characters each side."""
    ### BEGIN SOLUTION
    text = text.replace("\r", " ").replace("\n", " ")
    rows = []
    start = text.find(keyword)
    while start != -1:
        end = start + len(keyword)
        rows.append((text[max(0, start - width) : start], keyword, text[end : end + width]))
        start = text.find(keyword, end)
    return rows
    ### END SOLUTION


q4_kwic("流量\n之外，还是流量", "流量", 3)

# %% nbgrader={"grade": true, "grade_id": "q4_kwic", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q4_kwic", points=3)
ck.observe("demo", lambda: q4_kwic("流量\n之外，还是流量", "流量", 3))
ck.expect_type("demo", list, item_type=tuple, zh="应返回由元组组成的列表", en="return a list of tuples")
ck.expect_equal("demo", [("", "流量", " 之外"), ("，还是", "流量", "")], points=1,
                zh="演算示例算得不对：检查文本开头、结尾和换行", en="wrong on the worked example: "
                "check the start and end of the text and the line break")
### BEGIN HIDDEN TESTS
from beyond_traffic.corpus import get_article as _get_article


def _reference(text, keyword, width):
    text = text.replace("\r", " ").replace("\n", " ")
    rows, start = [], text.find(keyword)
    while start != -1:
        end = start + len(keyword)
        rows.append((text[max(0, start - width) : start], keyword, text[end : end + width]))
        start = text.find(keyword, end)
    return rows


_a5 = _get_article("A5").clean
_a1 = _get_article("A1").clean
ck.observe("a5", lambda: q4_kwic(_a5, "流量", 5))
ck.expect_equal("a5", _reference(_a5, "流量", 5), points=0.75, partial=True,
                zh="在 A5 上结果不对", en="wrong on article A5")
ck.observe("a1", lambda: q4_kwic(_a1, "赋能", 12))
ck.expect_equal("a1", _reference(_a1, "赋能", 12), points=0.5, partial=True,
                zh="在 A1 上结果不对", en="wrong on article A1")
ck.observe("edge", lambda: [q4_kwic(_a5, "元宇宙", 5), q4_kwic("哈哈哈", "哈哈", 1),
                            q4_kwic("a\r\nb流量", "流量", 4)])
ck.expect_equal("edge", [[], [("", "哈哈", "哈")], [("a  b", "流量", "")]], points=0.75, edge=True,
                zh="找不到、重叠出现或 \\r\\n 的处理不对",
                en="wrong when absent, on overlapping occurrences or on \\r\\n")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · 用你的函数读语料（2 分）
#
# 用你自己的函数（第 1–3 题）回答：
#
# - `q5_top10`：文章 A2 出现最多的 10 个实词（`TOKENS["A2"]` 去掉 `STOP` 和标点），
#   `(词, 次数)` 元组的列表。
# - `q5_rates`：字典的字典，`q5_rates[词][文章编号]` 是该词在该文章中每千字的频率（`float`），
#   词为下面 `TERMS` 中的两个，文章为 `"A1"`…`"A5"`。
#
# *Apply your functions: `q5_top10` for A2; `q5_rates[term][article]` for 流量 and 赋能.*

# %% nbgrader={"grade": false, "grade_id": "q5_terms", "locked": true, "schema_version": 3, "solution": false, "task": false}
TERMS = ["流量", "赋能"]

# %% nbgrader={"grade": false, "grade_id": "q5_apply_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q5_top10 = None  # 换成你的答案 / replace with your answer
q5_rates = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q5_top10 = q2_top_words(q1_content_tokens(TOKENS["A2"], STOP), 10)
q5_rates = {term: {aid: q3_rate(text, term) for aid, text in ARTICLES.items()} for term in TERMS}
### END SOLUTION
q5_top10, q5_rates

# %% nbgrader={"grade": true, "grade_id": "q5_apply", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.count import count_phrase as _count_phrase
from beyond_traffic.count import rate_per_1000_chars as _rate
from beyond_traffic.grading import Checker

ck = Checker("q5_apply", points=2)
ck.observe("top10", lambda: q5_top10)
ck.observe("rates", lambda: q5_rates)
ck.observe("a1_empower", lambda: q5_rates["赋能"]["A1"])
ck.expect_type("top10", list, item_type=tuple, zh="q5_top10 应为 (词, 次数) 元组的列表",
               en="q5_top10 must be a list of (word, count) tuples")
ck.expect_len("top10", 10, zh="q5_top10 需要正好 10 项", en="q5_top10 needs exactly 10 items")
ck.expect_type("rates", dict, key_type=str, value_type=dict, zh="q5_rates 应为字典的字典",
               en="q5_rates must be a dict of dicts")
ck.expect_true("rates", lambda d: sorted(d) == ["流量", "赋能"]
               and all(sorted(v) == ["A1", "A2", "A3", "A4", "A5"] for v in d.values()),
               points=0, zh="键应为两个词，每个词下为 A1…A5", en="keys: the two terms, then A1 … A5")
ck.expect_equal("a1_empower", _rate(_count_phrase(_get_article("A1").clean, "赋能"),
                                    _get_article("A1").clean), tol=1e-9, points=0.75,
                zh="A1 中“赋能”的频率不对", en="the rate of 赋能 in A1 is wrong")
### BEGIN HIDDEN TESTS
import re as _re
import unicodedata as _ud
from collections import Counter as _Counter

from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.lexicons import stopwords as _stopwords
from beyond_traffic.segment import tokenize as _tokenize


def _top10(text):
    stop = _stopwords()
    kept = [t for t in _tokenize(text) if t and t not in stop
            and not all(_ud.category(c)[0] in "PSZ" or c.isspace() for c in t)]
    return sorted(_Counter(kept).items(), key=lambda item: (-item[1], item[0]))[:10]


def _rates(terms):
    def rate(text, term):
        chars = len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", text))
        return 1000 * text.count(term) / chars if chars else 0.0

    return {t: {a.id: rate(a.clean, t) for a in _load_corpus()} for t in terms}


ck.expect_equal("top10", _top10(_get_article("A2").clean), points=0.75, partial=True,
                zh="A2 的高频词或次数不对", en="A2's words or counts are wrong")
ck.expect_equal("rates", _rates(["流量", "赋能"]), tol=1e-9, points=0.5, partial=True,
                zh="部分频率不对", en="some rates are wrong")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 频率有多确定？句子自助法（3 分）
#
# 一篇文章只是作者可能写出的许多文本中的一个样本。**句子自助法**（bootstrap）估计一个频率的
# 不确定性：从文章的句子中**有放回地**抽出同样多的句子，算一次频率；重复很多次，看频率
# 在哪个范围内变动。写函数 `q6_bootstrap_rate(sentences, phrase, n_boot, seed)`，**严格按下面
# 的步骤**（这样结果可以精确核对）：
#
# 1. `n = len(sentences)`；`n` 为 0 时返回 `(0.0, 0.0)`。对每个句子 `i` 先算出
#    `sentences[i].count(phrase)` 和它的汉字数（你的 `q3_han_count`）。
# 2. `rng = random.Random(seed)`。
# 3. 重复 `n_boot` 次：用 `rng.randrange(n)` **连续抽 n 个**下标（有放回）；把抽中句子的出现次数
#    相加得 `c`、汉字数相加得 `h`；这一次的频率是 `1000 * c / h`（`h` 为 0 时记 `0.0`）。
# 4. 把 `n_boot` 个频率从小到大排序，`cut = n_boot // 40`，返回
#    `(排序后第 cut 个, 排序后第 n_boot - 1 - cut 个)`（从 0 数），即约 95% 的区间。
#
# **演算示例**：`q6_bootstrap_rate(["流量很重要。", "赋能更重要。", "流量之外还有什么？"], "流量", 40, 1)`
# 返回 `(55.55…, 166.66…)`。
#
# *Write `q6_bootstrap_rate(sentences, phrase, n_boot, seed)` exactly as specified: resample n
# sentence indices with `rng.randrange(n)`, pool counts and Han characters, sort the n_boot
# rates, return items `n_boot // 40` and `n_boot - 1 - n_boot // 40`.*

# %% nbgrader={"grade": false, "grade_id": "q6_bootstrap_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q6_bootstrap_rate(sentences, phrase, n_boot, seed):
    """Return the sentence-bootstrap ~95% interval of the rate of ``phrase`` per 1,000 Han chars."""
    ### BEGIN SOLUTION
    n = len(sentences)
    if n == 0:
        return (0.0, 0.0)
    counts = [s.count(phrase) for s in sentences]
    chars = [q3_han_count(s) for s in sentences]
    rng = random.Random(seed)
    rates = []
    for _ in range(n_boot):
        picks = [rng.randrange(n) for _ in range(n)]
        c = sum(counts[i] for i in picks)
        h = sum(chars[i] for i in picks)
        rates.append(1000 * c / h if h else 0.0)
    rates.sort()
    cut = n_boot // 40
    return (rates[cut], rates[n_boot - 1 - cut])
    ### END SOLUTION


q6_bootstrap_rate(["流量很重要。", "赋能更重要。", "流量之外还有什么？"], "流量", 40, 1)

# %% nbgrader={"grade": true, "grade_id": "q6_bootstrap", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q6_bootstrap", points=3)
ck.observe("demo", lambda: q6_bootstrap_rate(["流量很重要。", "赋能更重要。", "流量之外还有什么？"], "流量", 40, 1))
ck.expect_type("demo", tuple, item_type=float, zh="应返回两个 float 组成的元组",
               en="return a tuple of two floats")
ck.expect_equal("demo", (1000 / 18, 1000 / 6), tol=1e-9, points=1,
                zh="演算示例算得不对：是否严格按步骤抽样（rng.randrange、顺序、cut）？",
                en="wrong on the worked example: follow the steps exactly (rng.randrange, order, cut)")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article


def _reference(sentences, phrase, n_boot, seed):
    n = len(sentences)
    if n == 0:
        return (0.0, 0.0)
    counts = [s.count(phrase) for s in sentences]
    chars = [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    rng = _random.Random(seed)
    rates = []
    for _ in range(n_boot):
        picks = [rng.randrange(n) for _ in range(n)]
        h = sum(chars[i] for i in picks)
        rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
    rates.sort()
    return (rates[n_boot // 40], rates[n_boot - 1 - n_boot // 40])


_a1 = _split(_get_article("A1").clean)
_a5 = _split(_get_article("A5").clean)
ck.observe("a1", lambda: q6_bootstrap_rate(_a1, "流量", 200, 7))
ck.expect_equal("a1", _reference(_a1, "流量", 200, 7), tol=1e-9, points=0.75,
                zh="在 A1 上（200 次、种子 7）结果不对", en="wrong on A1 (200 resamples, seed 7)")
ck.observe("a5", lambda: q6_bootstrap_rate(_a5, "赋能", 1000, 2020))
ck.expect_equal("a5", _reference(_a5, "赋能", 1000, 2020), tol=1e-9, points=0.75,
                zh="在 A5 上（1000 次、种子 2020）结果不对", en="wrong on A5 (1000 resamples, seed 2020)")
ck.observe("edge", lambda: [q6_bootstrap_rate([], "流量", 100, 0),
                            q6_bootstrap_rate(["流量之外。"], "流量", 100, 0),
                            q6_bootstrap_rate(["没有。", "也没有。"], "流量", 100, 0)])
ck.expect_equal("edge", [(0.0, 0.0), (250.0, 250.0), (0.0, 0.0)], tol=1e-9, points=0.5, edge=True,
                zh="没有句子、只有一句或词不出现时不对",
                en="wrong with no sentences, one sentence, or a phrase that never occurs")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 差别大于不确定性吗？（2 分）
#
# 用你的 `q6_bootstrap_rate`（`n_boot=1000`，`seed=2020`）给“流量”在五篇文章中的频率各算一个
# 区间，存为字典 `q7_intervals`（文章编号 → `(下界, 上界)`）。两篇文章的区间重叠，并不说明
# 差别不存在；要比较两篇，看的是它们**差值**的区间：对每一对文章 a < b，算 a 的频率减 b 的频率
# 的区间，存为 `q7_diffs`，再把差值区间不含 0 的文章对列为 `q7_different`（具体规定见答题格里的
# 注释）。十对文章一起比较，偶然“不含 0”的机会也多了（多重比较）：这样的文章对是值得细看的
# 候选，不是定论。区间来自重抽句子，说的是这几篇文章本来可能写出的句子，不是别的文章。
#
# *`q7_intervals`: your bootstrap interval (1000 resamples, seed 2020) of the rate of 流量 in each
# article. Overlapping intervals do not show that two rates are the same: `q7_diffs` holds the
# interval of each pair's difference, and `q7_different` the sorted pairs whose difference interval
# excludes 0 (the exact specification is in the answer cell). With ten pairs compared, some may
# exclude 0 by chance. The intervals generalise to the sentences these articles could have had,
# not to other articles.*

# %% nbgrader={"grade": false, "grade_id": "q7_intervals_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# 两篇文章的区间重叠，并不说明差别不存在；要看的是**差值**的区间。
# Overlapping intervals do not show that two rates are the same: look at the interval of the
# difference.
#
# - q7_diffs：对每一对文章 a < b（按编号），键为 "a-b"（如 "A1-A2"），值为
#   (d.low, d.high)，其中 d = difference_interval(None, a, b, phrase="流量", resamples=1000,
#   seed=2020)（a 的频率减 b 的频率，两篇各自重抽句子）。
#   For every pair a < b: key "a-b", value (low, high) of that difference_interval call.
# - q7_different：区间不含 0 的键，排好序的列表。十对文章一起比较时，偶然“不含 0”的机会
#   也变多了：这是多重比较。
#   The sorted keys whose interval excludes 0 (with ten pairs, some may do so by chance).
from beyond_traffic.uncertainty import difference_interval

q7_intervals = None  # 换成你的答案 / replace with your answer
q7_diffs = None  # 换成你的答案 / replace with your answer
q7_different = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q7_intervals = {aid: q6_bootstrap_rate(SENTENCES[aid], "流量", 1000, 2020) for aid in ARTICLES}
q7_diffs = {}
for _a in sorted(ARTICLES):
    for _b in sorted(ARTICLES):
        if _a < _b:
            _d = difference_interval(None, _a, _b, phrase="流量", resamples=1000, seed=2020)
            q7_diffs[f"{_a}-{_b}"] = (_d.low, _d.high)
q7_different = sorted(key for key, (low, high) in q7_diffs.items() if low > 0 or high < 0)
### END SOLUTION
q7_intervals, q7_diffs, q7_different

# %% nbgrader={"grade": true, "grade_id": "q7_intervals", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q7_intervals", points=2)
ck.observe("intervals", lambda: q7_intervals)
ck.observe("diffs", lambda: q7_diffs)
ck.observe("different", lambda: q7_different)
ck.expect_type("intervals", dict, key_type=str, value_type=tuple,
               zh="q7_intervals 应为 {文章编号: (下界, 上界)} 字典", en="q7_intervals must map ids to tuples")
ck.expect_true("intervals", lambda d: sorted(d) == ["A1", "A2", "A3", "A4", "A5"]
               and all(len(v) == 2 and v[0] <= v[1] for v in d.values()), points=0,
               zh="键应为 A1…A5，每个区间下界不大于上界", en="keys A1 … A5, each interval low <= high")
ck.expect_type("diffs", dict, key_type=str, value_type=tuple,
               zh="q7_diffs 应为 {\"a-b\": (下界, 上界)} 字典", en="q7_diffs must map pair keys to tuples")
ck.expect_true("diffs", lambda d: sorted(d) == [f"A{i}-A{j}" for i in range(1, 6) for j in range(i + 1, 6)],
               points=0, zh="键应为 A1-A2…A4-A5 十对", en="keys: the ten pairs A1-A2 … A4-A5")
ck.expect_type("different", list, item_type=str, zh="q7_different 应为字符串列表",
               en="q7_different must be a list of str")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.uncertainty import difference_interval as _difference


def _interval(sentences, phrase, n_boot, seed):
    n = len(sentences)
    counts = [s.count(phrase) for s in sentences]
    chars = [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    rng = _random.Random(seed)
    rates = []
    for _ in range(n_boot):
        picks = [rng.randrange(n) for _ in range(n)]
        h = sum(chars[i] for i in picks)
        rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
    rates.sort()
    return (rates[n_boot // 40], rates[n_boot - 1 - n_boot // 40])


_want = {a.id: _interval(_split(a.clean), "流量", 1000, 2020) for a in _load_corpus()}
ck.expect_equal("intervals", _want, tol=1e-9, points=1, partial=True,
                zh="部分区间不对", en="some intervals are wrong")


def _diffs(ids):
    out = {}
    for a in ids:
        for b in ids:
            if a < b:
                d = _difference(None, a, b, phrase="流量", resamples=1000, seed=2020)
                out[f"{a}-{b}"] = (d.low, d.high)
    return out


_want_diffs = _diffs(sorted(_want))
ck.expect_equal("diffs", _want_diffs, tol=1e-9, points=0.5, partial=True,
                zh="部分差值区间不对", en="some difference intervals are wrong")
ck.expect_equal("different", sorted(k for k, (lo, hi) in _want_diffs.items() if lo > 0 or hi < 0),
                points=0.5, zh="差值区间不含 0 的文章对不对", en="wrong pairs whose difference interval excludes 0")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 自己实现 TF-IDF（2 分）
#
# 高频词不一定是一篇文章**独有**的词。写函数 `q8_tfidf(doc, corpus, k)`：`doc` 是一篇文章的
# 词列表，`corpus` 是若干篇文章的词列表组成的列表（`doc` 是其中一篇）。对 `doc` 中的每个
# 不同的词 `w`：
#
# - `tf = doc.count(w) / len(doc)`；
# - `df` = `corpus` 中含 `w` 的文章数，`N = len(corpus)`，`idf = math.log(N / df)`（自然对数）；
# - `score = tf * idf`。
#
# 去掉 `score` 为 0 的词（每篇都有的词），按 `score` 从高到低、并列按词的顺序，返回前 `k` 个
# `(词, score)` 元组。`doc` 为空时返回 `[]`。
#
# **演算示例**：`corpus = [["流量", "流量", "赋能"], ["流量", "平台"], ["赋能", "平台", "平台"]]`，
# `q8_tfidf(corpus[0], corpus, 2)` 返回 `[("流量", 2/3 * ln 1.5), ("赋能", 1/3 * ln 1.5)]`，
# 即 `[("流量", 0.2703…), ("赋能", 0.1351…)]`。
#
# *Write `q8_tfidf(doc, corpus, k)`: tf = count / len(doc), idf = ln(N / df); drop zero scores;
# the k best `(word, score)`, ties by word.*

# %% nbgrader={"grade": false, "grade_id": "q8_tfidf_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q8_tfidf(doc, corpus, k):
    """Return the ``k`` best ``(word, tf-idf)`` pairs of ``doc`` against ``corpus``."""
    ### BEGIN SOLUTION
    if not doc:
        return []
    n_docs = len(corpus)
    sets = [set(d) for d in corpus]
    scores = {}
    for word, count in Counter(doc).items():
        df = sum(word in s for s in sets)
        score = count / len(doc) * math.log(n_docs / df)
        if score > 0:
            scores[word] = score
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
    ### END SOLUTION


demo_corpus = [["流量", "流量", "赋能"], ["流量", "平台"], ["赋能", "平台", "平台"]]
q8_tfidf(demo_corpus[0], demo_corpus, 2)

# %% nbgrader={"grade": true, "grade_id": "q8_tfidf", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import math as _math

from beyond_traffic.grading import Checker

ck = Checker("q8_tfidf", points=2)
_demo = [["流量", "流量", "赋能"], ["流量", "平台"], ["赋能", "平台", "平台"]]
ck.observe("demo", lambda: q8_tfidf(["流量", "流量", "赋能"], _demo, 2))
ck.expect_type("demo", list, item_type=tuple, zh="应返回由 (词, 分数) 元组组成的列表",
               en="return a list of (word, score) tuples")
ck.expect_equal("demo", [("流量", 2 / 3 * _math.log(1.5)), ("赋能", 1 / 3 * _math.log(1.5))],
                tol=1e-9, points=0.75, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import unicodedata as _ud
from collections import Counter as _Counter

from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.lexicons import stopwords as _stopwords
from beyond_traffic.segment import tokenize as _tokenize


def _reference(doc, corpus, k):
    if not doc:
        return []
    sets = [set(d) for d in corpus]
    scores = {}
    for word, count in _Counter(doc).items():
        score = count / len(doc) * _math.log(len(corpus) / sum(word in s for s in sets))
        if score > 0:
            scores[word] = score
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]


_stop = _stopwords()
_docs = [[_t for _t in _tokenize(_a.clean) if _t and _t not in _stop
          and not all(_ud.category(_c)[0] in "PSZ" or _c.isspace() for _c in _t)]
         for _a in _load_corpus()]
_a4 = _docs[3]
ck.observe("a4", lambda: q8_tfidf(_a4, _docs, 10))
ck.expect_equal("a4", _reference(_a4, _docs, 10), tol=1e-9, points=0.75, partial=True,
                zh="A4 的关键词或分数不对", en="A4's keywords or scores are wrong")
ck.observe("edge", lambda: [q8_tfidf([], _demo, 3), q8_tfidf(["平台"], [["平台"], ["平台"]], 3)])
ck.expect_equal("edge", [[], []], points=0.5, edge=True,
                zh="空文档或每篇都有的词处理不对", en="wrong on an empty document or a word in every document")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题 · 读“流量”和“赋能”的语境（书面题，6 分，人工评分）
#
# 数字告诉你“流量”和“赋能”各出现多少次，语境告诉你它们**怎样**被使用。用下面的探索单元
# （你的 `q4_kwic`）读这两个词在五篇文章中的语境，回答：
#
# 1. **用法**：“流量”在这些文章里通常是被追求的东西、被批评的东西，还是被超越的东西？
#    “赋能”呢？两个词是否常在同一句里对举？哪篇文章与众不同？
# 2. **证据**：至少引用**三行** KWIC（注明文章编号，原文片段用直角引号括起），并结合第 5、7 题
#    的频率和区间：哪些差别大于不确定性，哪些不是？
# 3. **方法的局限**：KWIC 和频率在这里不能告诉你什么？（提示：窗口截断句子；子串匹配会把
#    “流量红利”“私域流量”都算进来；语料说明里写着 A3 是两页中的第一页；A5 中间有一段软件
#    服务商的口吻，如 A5「我们目前能够帮助一些企业大概实现哪方面的东西」；五篇都是短文。）
#
# 中文或英文，300–500 字。
#
# **评分标准 / Rubric**
#
# | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
# |---|---|---|---|
# | 用法的解读 Reading of use | 2 | 准确概括两个词的典型用法和立场，指出对举关系和与众不同的文章，解读与引用的语境一致 | 1.5：概括了两个词的用法，解读与语境一致，但漏掉对举关系或与众不同的文章；1：只概括了一个词的用法，或解读停留在出现次数；0.5：解读与引用的语境不符，或只有泛泛的印象；0：没有解读 |
# | 证据 Evidence | 2 | 至少三行准确引用的 KWIC（注明文章），正确使用本笔记本算出的频率；用两篇文章之差的区间判断差别——差值的区间不含 0 才说差别大于不确定性，两个区间重叠不等于没有差别 | 1.5：引文准确、数字正确，但没有用差值的区间说明差别是否大于不确定性；1：引文少于三行或有不准确处；或把两个区间重叠当作“没有差别”、把不重叠当作唯一的证据；0.5：只有零星的引文或数字，没有说明它们支持什么；0：没有引文也没有数字 |
# | 方法的局限 Limits of the method | 1 | 至少指出两条 KWIC/频率在此不能说明的事（窗口截断、子串匹配、只有两页中第一页的 A3、混入的另一种声音、样本小），并说明对结论的影响 | 0.5：只有一条局限，或没有说明它影响哪个结论；0：没有谈局限 |
# | 表达 Writing | 1 | 结构清楚、简洁，引用与解读分开 | 0.5：能读懂，但引用与解读混在一起；0：难以读懂 |
#
# 0 分：空白或与题目无关。只列数字、没有解读的，第一项最多 1 分。
#
# **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
#
# - [ ] 我说明了“流量”和“赋能”各自通常被怎样使用，而不只是出现几次。
# - [ ] 我引用了至少三行 KWIC，每行注明了文章编号，引文与原文一字不差。
# - [ ] 我用两篇文章之差的区间判断差别：差值的区间不含 0 才说“一篇更多”；两个区间重叠并不说明没有差别。
# - [ ] 我至少说了两条这种方法在这里不能告诉我的事，以及它们怎样限制我的结论。

# %%
# 探索（不计分）/ explore (not graded): change this cell as you like.
for term in TERMS:
    for aid, text in ARTICLES.items():
        rows = q4_kwic(text, term, 12) or []
        print(f"--- {term} in {aid}: {len(rows)} 次 / occurrences")
        for left, keyword, right in rows[:6]:
            print(f"{left:>12}【{keyword}】{right}")

# %% [markdown] nbgrader={"grade": true, "grade_id": "q9_kwic_reading", "locked": false, "points": 6, "schema_version": 3, "solution": true, "task": false}
# 示范答案与评分说明见 `instructors/exemplars/ps2_count_q9_kwic_reading.md`（优秀、合格、不足三个
# 水平的答案，每项得分及理由）。评分时先读那三份答案校准，再按上面的评分标准打分。

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 想一想（不计分）
#
# - 第 3 题为什么除以汉字数，而不是字符数（含标点、空格）？A2 的空行会带来什么偏差？
# - 第 8 题的关键词和第 5 题的高频词有什么不同？TF-IDF 把哪些词压了下去，为什么？
#   只有五篇文章时，`idf` 只能取哪几个值？
# - 把第 6 题的 `n_boot` 从 1000 改成 100 或 10000，区间会怎样变？换一个 `seed` 呢？
#
# 提交前：Kernel → Restart & Run All。
