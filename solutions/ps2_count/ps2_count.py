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
# **Abstract.** Problem set 2 turns the cleaned corpus into numbers. You filter stopwords and
# punctuation, count word frequencies, normalise counts to a rate per 1,000 Chinese characters so
# that articles of different length can be compared, extract TF-IDF keywords, read a word in
# context (KWIC), and draw a bar chart whose data the autograder reads (not its pixels).
# Eight autograded questions, 16 points. Every answer is a named variable or function; the cell
# under each answer checks its shape and gives feedback, and hidden tests check it again on other
# articles and edge cases.
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。每道题的答案都是一个指定名字的变量或函数，
#   只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元。
# - 答题单元下方的检查单元会告诉你类型、长度等是否正确，但不会显示标准答案；
#   提交后还有隐藏测试（其他文章、边界情况）。
# - 请使用 `beyond_traffic` 包里的函数（`tokenize`、`top_k`、`rate_per_1000_chars` 等），
#   不要自己重写分词器。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import matplotlib.pyplot as plt

from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.count import count_phrase, frequencies, is_punct, kwic, rate_per_1000_chars, top_k
from beyond_traffic.keywords import tfidf_keywords
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize
from beyond_traffic.viz import use_course_font

use_course_font()  # 图中的中文用课程字体 / Chinese in plots uses the course font
ARTICLES = {a.id: a.clean for a in load_corpus()}  # 五篇文章清洗后的正文 / cleaned text by id
print({k: len(v) for k, v in ARTICLES.items()})

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 实词（2 分）
#
# 写函数 `q1_content_tokens(text)`：用课程分词器 `tokenize` 切分 `text`，去掉停用词
# （`stopwords()` 返回的集合）和纯标点符号的词（`is_punct`），按原顺序返回其余的词（`list[str]`）。
# 空字符串返回空列表。
#
# *Write `q1_content_tokens(text)`: tokens of `text` without stopwords and punctuation, in order.*

# %% nbgrader={"grade": false, "grade_id": "q1_content_tokens_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q1_content_tokens(text):
    """Return the tokens of ``text`` that are neither stopwords nor punctuation."""
    ### BEGIN SOLUTION
    stop = stopwords()
    return [t for t in tokenize(text) if t not in stop and not is_punct(t)]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "q1_content_tokens", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article
from beyond_traffic.count import is_punct
from beyond_traffic.grading import Checker
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

ck = Checker("q1_content_tokens", points=2)
ck.observe("sample", lambda: q1_content_tokens("直播带货的热度持续，我们更加理性地看待它。"))
ck.expect_type("sample", list, item_type=str,
               zh="应返回由字符串组成的列表", en="return a list of str")
ck.expect_true("sample", lambda v: "的" not in v and "，" not in v and "。" not in v, points=0.5,
               zh="结果里还有停用词或标点", en="stopwords or punctuation are still there")
### BEGIN HIDDEN TESTS
_stop = stopwords()
_a5 = get_article("A5").clean
ck.observe("a5", lambda: q1_content_tokens(_a5))
ck.expect_type("a5", list, item_type=str)
ck.expect_equal("a5", [t for t in tokenize(_a5) if t not in _stop and not is_punct(t)], points=1,
                partial=True, zh="在文章 A5 上结果不对", en="wrong on article A5")
ck.observe("empty", lambda: q1_content_tokens(""))
ck.expect_equal("empty", [], points=0.5, zh="空字符串应返回空列表", en="empty text gives []")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 高频词（2 分）
#
# 用 `q1_content_tokens` 和 `top_k`，求文章 A2 出现最多的 10 个实词。
# `q2_top10` 是由 10 个 `(词, 次数)` 元组组成的列表，次数从高到低；次数相同时按词排序
# （`top_k` 就是这样排的，`Counter.most_common` 不是）。
#
# *`q2_top10`: the 10 most frequent content words of A2 as `(word, count)` tuples, via `top_k`.*

# %% nbgrader={"grade": false, "grade_id": "q2_top10_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q2_top10 = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q2_top10 = top_k(q1_content_tokens(ARTICLES["A2"]), 10)
### END SOLUTION
q2_top10

# %% nbgrader={"grade": true, "grade_id": "q2_top10", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article
from beyond_traffic.count import top_k
from beyond_traffic.grading import Checker
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

ck = Checker("q2_top10", points=2)
ck.observe("top10", lambda: q2_top10)
ck.expect_type("top10", list, item_type=tuple,
               zh="应为由 (词, 次数) 元组组成的列表", en="expected a list of (word, count) tuples")
ck.expect_true("top10", lambda v: all(len(p) == 2 and type(p[0]) is str and type(p[1]) is int
                                      for p in v), points=0,
               zh="每一项应为 (str, int)", en="each item must be (str, int)")
ck.expect_len("top10", 10, points=0.5, zh="需要正好 10 项", en="exactly 10 items are needed")
ck.expect_true("top10", lambda v: [p[1] for p in v] == sorted((p[1] for p in v), reverse=True),
               points=0.5, zh="次数应从高到低排列", en="counts must be in descending order")
### BEGIN HIDDEN TESTS
ck.expect_equal("top10", top_k(tokenize(get_article("A2").clean), 10, stopwords=stopwords()),
                points=1, partial=True, zh="高频词或次数不对", en="words or counts are wrong")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 归一化频率（2 分）
#
# A2 反复说“仅仅只是”。数一数它在 A2 里出现几次（`count_phrase`，按原文子串计数，不分词），
# 存入整数 `q3_count`；再换算成每千字的频率 `q3_rate`（浮点数，`rate_per_1000_chars`，
# 这里的“字”指汉字）。
#
# *`q3_count`: occurrences of 仅仅只是 in A2 (int); `q3_rate`: per 1,000 Han characters (float).*

# %% nbgrader={"grade": false, "grade_id": "q3_rate_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q3_count = None  # 换成你的答案 / replace with your answer
q3_rate = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q3_count = count_phrase(ARTICLES["A2"], "仅仅只是")
q3_rate = rate_per_1000_chars(q3_count, ARTICLES["A2"])
### END SOLUTION
q3_count, q3_rate

# %% nbgrader={"grade": true, "grade_id": "q3_rate", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article
from beyond_traffic.count import count_phrase, rate_per_1000_chars
from beyond_traffic.grading import Checker

ck = Checker("q3_rate", points=2)
ck.observe("count", lambda: q3_count)
ck.observe("rate", lambda: q3_rate)
ck.expect_type("count", int, zh="q3_count 应为整数", en="q3_count must be an int")
ck.expect_type("rate", float, zh="q3_rate 应为浮点数", en="q3_rate must be a float")
ck.expect_true("rate", lambda r: 0 < r < 1000, points=0.5,
               zh="每千字频率应大于 0 且小于 1000", en="a rate per 1,000 is between 0 and 1000")
### BEGIN HIDDEN TESTS
_a2 = get_article("A2").clean
_n = count_phrase(_a2, "仅仅只是")
ck.expect_equal("count", _n, points=0.5, zh="次数不对", en="the count is wrong")
ck.expect_equal("rate", rate_per_1000_chars(_n, _a2), tol=1e-6, points=1,
                zh="频率不对：分母应是汉字数", en="wrong rate: divide by the number of Han characters")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 比较五篇文章（2 分）
#
# “流量”在哪篇文章里最突出？`q4_rates` 是字典：键为文章编号 `"A1"`…`"A5"`，值为“流量”
# 每千字出现的频率（浮点数，按原文子串计数）。`q4_highest` 是频率最高的文章编号（字符串）。
# 想一想：为什么不能直接比较出现次数？
#
# *`q4_rates`: article id → rate of 流量 per 1,000 Han characters; `q4_highest`: the id with the
# highest rate.*

# %% nbgrader={"grade": false, "grade_id": "q4_rates_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q4_rates = None  # 换成你的答案 / replace with your answer
q4_highest = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q4_rates = {
    aid: rate_per_1000_chars(count_phrase(text, "流量"), text) for aid, text in ARTICLES.items()
}
q4_highest = max(q4_rates, key=q4_rates.get)
### END SOLUTION
q4_rates, q4_highest

# %% nbgrader={"grade": true, "grade_id": "q4_rates", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import load_corpus
from beyond_traffic.count import count_phrase, rate_per_1000_chars
from beyond_traffic.grading import Checker

ck = Checker("q4_rates", points=2)
ck.observe("rates", lambda: q4_rates)
ck.observe("highest", lambda: q4_highest)
ck.expect_type("rates", dict, key_type=str, value_type=float,
               zh="q4_rates 应为 {文章编号: 浮点数} 字典", en="q4_rates must map str ids to floats")
ck.expect_true("rates", lambda d: sorted(d) == ["A1", "A2", "A3", "A4", "A5"], points=0.5,
               zh="键应正好是 A1 到 A5", en="keys must be exactly A1 … A5")
ck.expect_type("highest", str, zh="q4_highest 应为字符串", en="q4_highest must be a str")
### BEGIN HIDDEN TESTS
_rates = {a.id: rate_per_1000_chars(count_phrase(a.clean, "流量"), a.clean) for a in load_corpus()}
ck.expect_equal("rates", _rates, tol=1e-6, points=1, partial=True,
                zh="部分文章的频率不对", en="some rates are wrong")
ck.expect_equal("highest", max(_rates, key=_rates.get), points=0.5,
                zh="频率最高的文章不对", en="wrong article for the highest rate")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · TF-IDF 关键词（2 分）
#
# 高频词不一定是一篇文章独有的词。用 `tfidf_keywords` 求文章 A4 的 10 个关键词：文档是
# `tokenize(ARTICLES["A4"])`，语料（计算 IDF）是五篇文章各自的 `tokenize` 结果；其余参数用默认值。
# `q5_keywords` 只要词，不要分数：由 10 个字符串组成的列表，按得分从高到低。
#
# *`q5_keywords`: the 10 TF-IDF keywords of A4 against the five articles (words only, best first).*

# %% nbgrader={"grade": false, "grade_id": "q5_keywords_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q5_keywords = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
_corpus = [tokenize(text) for text in ARTICLES.values()]
q5_keywords = [w for w, _ in tfidf_keywords(tokenize(ARTICLES["A4"]), corpus_tokens=_corpus, k=10)]
### END SOLUTION
q5_keywords

# %% nbgrader={"grade": true, "grade_id": "q5_keywords", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.grading import Checker
from beyond_traffic.keywords import tfidf_keywords
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

ck = Checker("q5_keywords", points=2)
ck.observe("keywords", lambda: q5_keywords)
ck.expect_type("keywords", list, item_type=str,
               zh="应为由字符串组成的列表（只要词，不要分数）",
               en="a list of str (words only, no scores)")
ck.expect_len("keywords", 10, points=0.25, zh="需要 10 个关键词", en="10 keywords are needed")
ck.expect_true("keywords", lambda v: not set(v) & stopwords() and len(set(v)) == len(v),
               points=0.25, zh="关键词不应含停用词或重复", en="no stopwords and no repeats")
### BEGIN HIDDEN TESTS
_docs = [tokenize(a.clean) for a in load_corpus()]
_want = [w for w, _ in tfidf_keywords(tokenize(get_article("A4").clean), corpus_tokens=_docs)]
ck.expect_equal("keywords", _want, as_set=True, points=1, partial=True,
                zh="关键词不对", en="the keywords are wrong")
ck.expect_equal("keywords", _want, points=0.5, zh="顺序不对：应按得分从高到低",
                en="wrong order: best score first")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 词频对照表（2 分）
#
# 用 `frequency_table`（在 `beyond_traffic.compare` 里）做一张表：行是下面 `TERMS` 里的词
# （顺序不变），列是 A1…A5，值是每千字频率（`per_1000=True`，默认按分词结果计数）。
# 存为 `q6_table`（pandas DataFrame）。再写字典 `q6_leader`：每个词 → 该词频率最高的文章编号。
#
# *`q6_table`: terms × articles, rates per 1,000 Han characters; `q6_leader`: term → article id
# with the highest rate.*

# %% nbgrader={"grade": false, "grade_id": "q6_terms", "locked": true, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.compare import frequency_table

TERMS = ["流量", "赋能", "产业互联网", "直播带货", "新零售", "生产"]

# %% nbgrader={"grade": false, "grade_id": "q6_table_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q6_table = None  # 换成你的答案 / replace with your answer
q6_leader = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q6_table = frequency_table(TERMS, per_1000=True)
q6_leader = {term: q6_table.loc[term].idxmax() for term in TERMS}
### END SOLUTION
q6_table

# %% nbgrader={"grade": true, "grade_id": "q6_table", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from beyond_traffic.compare import frequency_table
from beyond_traffic.grading import Checker

ck = Checker("q6_table", points=2)
_terms = ["流量", "赋能", "产业互联网", "直播带货", "新零售", "生产"]
ck.observe("table", lambda: q6_table)
ck.observe("leader", lambda: q6_leader)
ck.expect_type("table", pd.DataFrame, zh="q6_table 应为 DataFrame", en="q6_table must be a DataFrame")
ck.expect_true("table", lambda t: t["index"] == _terms and t["columns"] == ["A1", "A2", "A3", "A4", "A5"],
               points=0.5, zh="行应为 TERMS、列应为 A1…A5", en="rows must be TERMS, columns A1 … A5")
ck.expect_type("leader", dict, key_type=str, value_type=str,
               zh="q6_leader 应为 {词: 文章编号} 字典", en="q6_leader must map str to str")
### BEGIN HIDDEN TESTS
_table = frequency_table(_terms, per_1000=True)
ck.expect_equal("table", _table, tol=1e-6, points=1, partial=True,
                zh="表中的频率不对（每千汉字）", en="wrong rates in the table (per 1,000 Han characters)")
ck.expect_equal("leader", {t: str(_table.loc[t].idxmax()) for t in _terms}, points=0.5,
                partial=True, zh="部分词的领先文章不对", en="wrong leading article for some terms")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 语境中的关键词 KWIC（2 分）
#
# 写函数 `q7_concordance(text, keyword, width)`：找出 `keyword` 在 `text` 中的每一次出现
# （按原文子串，从左到右，不重叠），返回由 `(左侧上下文, 关键词, 右侧上下文)` 三个字符串组成的
# 元组的列表，左右各取至多 `width` 个字符（换行符当作空格）。找不到时返回空列表。
# 可以用 `kwic`，但注意它返回的每一行是 `KwicRow`，要转换成普通的 `tuple`。
#
# *`q7_concordance(text, keyword, width)`: a list of plain `(left, keyword, right)` tuples.*

# %% nbgrader={"grade": false, "grade_id": "q7_concordance_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q7_concordance(text, keyword, width):
    """Return every occurrence of ``keyword`` in ``text`` with ``width`` characters each side."""
    ### BEGIN SOLUTION
    return [tuple(row) for row in kwic(text, keyword, width=width)]
    ### END SOLUTION


q7_concordance(ARTICLES["A2"], "落幕", 12)

# %% nbgrader={"grade": true, "grade_id": "q7_concordance", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article
from beyond_traffic.count import kwic
from beyond_traffic.grading import Checker

ck = Checker("q7_concordance", points=2)
ck.observe("a2", lambda: q7_concordance(get_article("A2").clean, "落幕", 12))
ck.expect_type("a2", list, item_type=tuple,
               zh="应返回由元组组成的列表（KwicRow 要转成 tuple）",
               en="return a list of tuples (convert KwicRow to tuple)")
ck.expect_true("a2", lambda v: len(v) > 0 and all(len(r) == 3 and r[1] == "落幕" for r in v),
               points=0.5, zh="每行应为 (左, 关键词, 右)", en="each row must be (left, keyword, right)")
### BEGIN HIDDEN TESTS
_a5 = get_article("A5").clean
ck.observe("a5", lambda: q7_concordance(_a5, "流量", 5))
ck.expect_equal("a5", [tuple(r) for r in kwic(_a5, "流量", width=5)], points=0.75, partial=True,
                zh="在 A5 上结果不对", en="wrong on article A5")
ck.observe("absent", lambda: q7_concordance(_a5, "元宇宙", 5))
ck.expect_equal("absent", [], points=0.25, zh="找不到时应返回空列表", en="no match gives []")
ck.observe("edge", lambda: q7_concordance("流量\n之外，还是流量", "流量", 3))
ck.expect_equal("edge", [("", "流量", " 之外"), ("，还是", "流量", "")], points=0.5,
                zh="文本开头/结尾或换行处理不对", en="wrong at the start/end of the text or at a line break")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 条形图（2 分）
#
# 把第 2 题的 `q2_top10` 画成竖直条形图：横轴是词（从左到右按 `q2_top10` 的顺序），
# 条的高度是次数。`q8_fig` 是 matplotlib 的 `Figure`，图里只有一个坐标系（Axes）。
# 用 `plt.subplots()` 和 `ax.bar` 画（课程的 `bar_chart` 画的是横向条形图，这里不用它）。
# 自动评分读取的是图里的数据（条的高度和横轴标签），不是像素。准备单元已调用
# `use_course_font()`，所以中文能正常显示。
#
# *`q8_fig`: a matplotlib Figure with one Axes holding a vertical bar chart of `q2_top10`.*

# %% nbgrader={"grade": false, "grade_id": "q8_fig_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_fig = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q8_fig, _ax = plt.subplots(figsize=(8, 4))
_ax.bar([w for w, _ in q2_top10], [n for _, n in q2_top10])
_ax.set_ylabel("次数 count")
_ax.set_title("A2 高频实词 top 10")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q8_fig", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import matplotlib.figure

from beyond_traffic.corpus import get_article
from beyond_traffic.count import top_k
from beyond_traffic.grading import Checker
from beyond_traffic.lexicons import stopwords
from beyond_traffic.segment import tokenize

ck = Checker("q8_fig", points=2)
ck.observe("is_figure", lambda: isinstance(q8_fig, matplotlib.figure.Figure))
ck.observe("n_axes", lambda: len(q8_fig.axes))
ck.observe("heights", lambda: [float(p.get_height()) for p in q8_fig.axes[0].patches])
ck.observe("labels", lambda: [t.get_text() for t in q8_fig.axes[0].get_xticklabels()])
ck.expect_equal("is_figure", True, points=0.25, zh="q8_fig 应为 matplotlib 的 Figure",
                en="q8_fig must be a matplotlib Figure")
ck.expect_equal("n_axes", 1, points=0.25, zh="图里应只有一个坐标系", en="the figure needs exactly one Axes")
ck.expect_type("heights", list, item_type=float, zh="没有找到条形", en="no bars found")
ck.expect_len("heights", 10, points=0.5, zh="应有 10 个条", en="10 bars are needed")
### BEGIN HIDDEN TESTS
_top = top_k(tokenize(get_article("A2").clean), 10, stopwords=stopwords())
ck.expect_equal("heights", [float(n) for _, n in _top], tol=1e-9, points=0.5,
                zh="条的高度应为次数，顺序同 q2_top10", en="bar heights must be the counts, in q2_top10 order")
ck.expect_equal("labels", [w for w, _ in _top], points=0.5,
                zh="横轴标签应为这 10 个词", en="x tick labels must be the 10 words")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 想一想（不计分）
#
# - 第 3、4 题为什么要除以汉字数？如果按“字符数”（含标点、空格）计算，A2 的空行会带来什么偏差？
# - 第 5 题的关键词和第 2 题的高频词有什么不同？TF-IDF 把哪些词压了下去，为什么？
# - 条形图只显示了 10 个词。它让哪些信息看不见了？
#
# 提交前：Kernel → Restart & Run All。
