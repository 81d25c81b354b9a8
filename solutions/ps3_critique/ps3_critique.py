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
# # 作业三：论断与批判
#
# **Abstract.** Problem set 3 reads the five articles critically, with evidence computed from the
# text. You find hedged, predictive and mixed sentences, profile each article's certainty,
# hedging and evidence per 1,000 characters, check where A3's figures and sources come from
# (most from an interested party), locate the A1/A2 disagreement on whether live commerce changes
# production, and measure filler. Eight autograded questions (16 points) and a written critique
# graded by hand with the rubric shown in the notebook (10 points).
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元，
#   答案必须用题目指定的名字。
# - 检查单元会告诉你类型、长度等是否正确，但不会显示标准答案；提交后还有隐藏测试。
# - 句子一律用 `split_sentences` 切分，标记一律用 `find_markers`（或 `marked_sentences`）识别，
#   这样你的数字和别人的可以比较。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
from beyond_traffic.claims import article_profile, find_markers, marked_sentences, profiles_table, split_sentences
from beyond_traffic.corpus import load_corpus

ARTICLES = {a.id: a.clean for a in load_corpus()}  # 五篇文章清洗后的正文 / cleaned text by id
find_markers("直播带货落幕是必然，或许仅仅只是时间问题")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 含模糊限制语的句子（2 分）
#
# 写函数 `q1_hedged(text)`：用 `split_sentences` 切句，返回含至少一个模糊限制语（hedge，
# 即 `find_markers(句子)["hedge"]` 非空）的句子列表，保持原顺序。空文本返回空列表。
#
# *Write `q1_hedged(text)`: the sentences of `text` with at least one hedge, in order.*

# %% nbgrader={"grade": false, "grade_id": "q1_hedged_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q1_hedged(text):
    """Return the sentences of ``text`` that contain a hedge marker."""
    ### BEGIN SOLUTION
    return [s for s in split_sentences(text) if find_markers(s)["hedge"]]
    ### END SOLUTION


q1_hedged(ARTICLES["A1"])

# %% nbgrader={"grade": true, "grade_id": "q1_hedged", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import marked_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q1_hedged", points=2)
ck.observe("demo", lambda: q1_hedged("直播带货或许会落幕。它改变了营销。"))
ck.expect_type("demo", list, item_type=str, zh="应返回由句子组成的列表", en="return a list of sentences")
ck.expect_equal("demo", ["直播带货或许会落幕。"], points=0.5, zh="示例结果不对", en="wrong on the example")
### BEGIN HIDDEN TESTS
_a5 = get_article("A5").clean
_a2 = get_article("A2").clean
ck.observe("a5", lambda: q1_hedged(_a5))
ck.expect_equal("a5", marked_sentences(_a5, "hedge"), points=0.5, partial=True,
                zh="在 A5 上结果不对", en="wrong on A5")
ck.observe("a2", lambda: q1_hedged(_a2))
ck.expect_equal("a2", marked_sentences(_a2, "hedge"), points=0.5, partial=True,
                zh="在 A2 上结果不对", en="wrong on A2")
ck.observe("noun", lambda: q1_hedged("这种可能性很大。"))
ck.observe("empty", lambda: q1_hedged(""))
ck.expect_equal("noun", [], points=0.25, zh="“可能性”是名词，不是模糊限制语：请用 find_markers",
                en="可能性 is a noun, not a hedge: use find_markers")
ck.expect_equal("empty", [], points=0.25, zh="空文本应返回空列表", en="empty text gives []")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 预言式论断（2 分）
#
# A2 说直播带货“落幕是必然”。`q2_predictions` 是 A2 中含预言标记（`"prediction"`：将会、必然、
# 终将……）的句子列表；`q2_share` 是这些句子占 A2 全部句子（`split_sentences`）的比例
# （0 到 1 之间的 `float`）。
#
# *`q2_predictions`: A2's sentences with a prediction marker; `q2_share`: their share of all its
# sentences.*

# %% nbgrader={"grade": false, "grade_id": "q2_predictions_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q2_predictions = None  # 换成你的答案 / replace with your answer
q2_share = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q2_predictions = marked_sentences(ARTICLES["A2"], "prediction")
q2_share = len(q2_predictions) / len(split_sentences(ARTICLES["A2"]))
### END SOLUTION
q2_share

# %% nbgrader={"grade": true, "grade_id": "q2_predictions", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import marked_sentences, split_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q2_predictions", points=2)
ck.observe("sentences", lambda: q2_predictions)
ck.observe("share", lambda: q2_share)
ck.expect_type("sentences", list, item_type=str, zh="q2_predictions 应为句子列表",
               en="q2_predictions must be a list of sentences")
ck.expect_len("sentences", min_len=1, points=0.25, zh="A2 里有预言式的句子", en="A2 has predictions")
ck.expect_type("share", float, zh="q2_share 应为 float", en="q2_share must be a float")
ck.expect_true("share", lambda x: 0.0 < x < 1.0, points=0.25, zh="比例应在 0 和 1 之间",
               en="a share lies between 0 and 1")
### BEGIN HIDDEN TESTS
_a2 = get_article("A2").clean
_want = marked_sentences(_a2, "prediction")
ck.expect_equal("sentences", _want, points=0.75, partial=True, zh="句子不对", en="wrong sentences")
ck.expect_equal("share", len(_want) / len(split_sentences(_a2)), tol=1e-9, points=0.75,
                zh="比例不对：分母是 A2 的句子数", en="wrong share: divide by A2's number of sentences")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 又确定、又含糊（2 分）
#
# 有的句子同时用了模糊限制语和确定性标记，例如“或许必然”。写函数 `q3_mixed(text)`：返回
# `text` 中同时含 `"hedge"` 和 `"certainty"` 标记的句子列表，保持原顺序。
#
# *Write `q3_mixed(text)`: the sentences with both a hedge and a certainty marker.*

# %% nbgrader={"grade": false, "grade_id": "q3_mixed_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_mixed(text):
    """Return the sentences of ``text`` with both a hedge and a certainty marker."""
    ### BEGIN SOLUTION
    out = []
    for sentence in split_sentences(text):
        markers = find_markers(sentence)
        if markers["hedge"] and markers["certainty"]:
            out.append(sentence)
    return out
    ### END SOLUTION


q3_mixed(ARTICLES["A2"])

# %% nbgrader={"grade": true, "grade_id": "q3_mixed", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import find_markers, split_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q3_mixed", points=2)
ck.observe("demo", lambda: q3_mixed("它或许必然消失。它必然消失。它或许将会消失。"))
ck.expect_type("demo", list, item_type=str, zh="应返回由句子组成的列表", en="return a list of sentences")
ck.expect_equal("demo", ["它或许必然消失。"], points=0.5, zh="示例结果不对", en="wrong on the example")
### BEGIN HIDDEN TESTS
_a1 = get_article("A1").clean
_a5 = get_article("A5").clean
ck.observe("a1", lambda: q3_mixed(_a1))
ck.expect_equal("a1", [s for s in split_sentences(_a1) if find_markers(s)["hedge"]
                       and find_markers(s)["certainty"]], points=0.5, partial=True,
                zh="在 A1 上结果不对", en="wrong on A1")
ck.observe("a5", lambda: q3_mixed(_a5))
ck.expect_equal("a5", [s for s in split_sentences(_a5) if find_markers(s)["hedge"]
                       and find_markers(s)["certainty"]], points=0.5, partial=True,
                zh="在 A5 上结果不对", en="wrong on A5")
ck.observe("empty", lambda: q3_mixed(""))
ck.expect_equal("empty", [], points=0.5, zh="空文本应返回空列表", en="empty text gives []")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 五篇文章的论断画像（2 分）
#
# 用 `profiles_table()` 做一张表 `q4_table`（pandas DataFrame）：行是 A1…A5，只保留三列
# `hedges_per_1000`、`certainty_per_1000`、`evidence_per_1000`（按这个顺序）。
# `q4_most_evidence` 是证据密度最高的文章编号（字符串）。
#
# *`q4_table`: hedges, certainty and evidence per 1,000 characters for A1–A5; `q4_most_evidence`:
# the id with the highest evidence density.*

# %% nbgrader={"grade": false, "grade_id": "q4_profiles_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q4_table = None  # 换成你的答案 / replace with your answer
q4_most_evidence = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q4_table = profiles_table()[["hedges_per_1000", "certainty_per_1000", "evidence_per_1000"]]
q4_most_evidence = q4_table["evidence_per_1000"].idxmax()
### END SOLUTION
q4_table

# %% nbgrader={"grade": true, "grade_id": "q4_profiles", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from beyond_traffic.claims import profiles_table
from beyond_traffic.grading import Checker

ck = Checker("q4_profiles", points=2)
_cols = ["hedges_per_1000", "certainty_per_1000", "evidence_per_1000"]
ck.observe("table", lambda: q4_table)
ck.observe("most", lambda: q4_most_evidence)
ck.expect_type("table", pd.DataFrame, zh="q4_table 应为 DataFrame", en="q4_table must be a DataFrame")
ck.expect_true("table", lambda t: t["columns"] == _cols and t["index"] == ["A1", "A2", "A3", "A4", "A5"],
               points=0.5, zh="行应为 A1…A5，列为指定的三列", en="rows A1 … A5 and the three columns")
ck.expect_type("most", str, zh="q4_most_evidence 应为字符串", en="q4_most_evidence must be a str")
### BEGIN HIDDEN TESTS
_table = profiles_table()[_cols]
ck.expect_equal("table", _table, tol=1e-9, points=1, partial=True, zh="表中数值不对",
                en="wrong values in the table")
ck.expect_equal("most", str(_table["evidence_per_1000"].idxmax()), points=0.5,
                zh="证据密度最高的文章不对", en="wrong article for the highest evidence density")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · A3 的证据从哪里来？（2 分）
#
# A3 是五篇中唯一给出数字和来源的文章。`q5_evidence` 是 A3 中含证据标记（`"evidence"`）的句子
# 列表；`q5_alibaba_share` 是其中提到“阿里”或“淘宝”的句子所占比例（`float`）。
# 想一想：这个比例对 A3 的可信度意味着什么？
#
# *`q5_evidence`: A3's sentences with an evidence marker; `q5_alibaba_share`: the share of them
# that mention 阿里 or 淘宝.*

# %% nbgrader={"grade": false, "grade_id": "q5_evidence_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q5_evidence = None  # 换成你的答案 / replace with your answer
q5_alibaba_share = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q5_evidence = marked_sentences(ARTICLES["A3"], "evidence")
q5_alibaba_share = sum("阿里" in s or "淘宝" in s for s in q5_evidence) / len(q5_evidence)
### END SOLUTION
q5_alibaba_share

# %% nbgrader={"grade": true, "grade_id": "q5_evidence", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import marked_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q5_evidence", points=2)
ck.observe("evidence", lambda: q5_evidence)
ck.observe("share", lambda: q5_alibaba_share)
ck.expect_type("evidence", list, item_type=str, zh="q5_evidence 应为句子列表",
               en="q5_evidence must be a list of sentences")
ck.expect_type("share", float, zh="q5_alibaba_share 应为 float", en="q5_alibaba_share must be a float")
ck.expect_true("share", lambda x: 0.0 <= x <= 1.0, points=0.25, zh="比例应在 0 和 1 之间",
               en="a share lies between 0 and 1")
### BEGIN HIDDEN TESTS
_want = marked_sentences(get_article("A3").clean, "evidence")
ck.expect_equal("evidence", _want, points=1, partial=True, zh="证据句不对", en="wrong evidence sentences")
ck.expect_equal("share", sum("阿里" in s or "淘宝" in s for s in _want) / len(_want), tol=1e-9,
                points=0.75, zh="比例不对", en="wrong share")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 谁在说话？（2 分）
#
# 读 A3 中提到下列来源的句子（可以用 `kwic` 或直接在 `ARTICLES["A3"]` 里查找），判断每个来源
# 与阿里巴巴（淘宝）的关系，写成字典 `q6_sources`：键是下面 `SOURCES` 里的每个来源，值是
# `"interested"`（阿里/淘宝自己或其员工、出版物）、`"independent"`（与阿里无明显关系的第三方）
# 或 `"anonymous"`（没有具名）之一。只根据文章本身提供的信息判断。
#
# *`q6_sources`: each source in `SOURCES` → "interested", "independent" or "anonymous", judged from
# what A3 itself says about it.*

# %% nbgrader={"grade": false, "grade_id": "q6_sources_list", "locked": true, "schema_version": 3, "solution": false, "task": false}
SOURCES = ["阿里财报", "36氪", "艾媒数据", "直播业内人士", "曾鸣", "梁舒", "《淘宝技术这十年》"]

# %% nbgrader={"grade": false, "grade_id": "q6_sources_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q6_sources = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q6_sources = {
    "阿里财报": "interested",  # Alibaba's own quarterly report
    "36氪": "independent",  # a tech news site, reporting Taobao Live's target
    "艾媒数据": "independent",  # a market-research firm
    "直播业内人士": "anonymous",  # "an insider", unnamed
    "曾鸣": "interested",  # speaks for Taobao: 「淘宝不是零售商，我们不拥有……」
    "梁舒": "interested",  # 淘宝内容社交互动团队技术负责人
    "《淘宝技术这十年》": "interested",  # written by 淘宝的工程师子柳
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q6_sources", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q6_sources", points=2)
_sources = ["阿里财报", "36氪", "艾媒数据", "直播业内人士", "曾鸣", "梁舒", "《淘宝技术这十年》"]
ck.observe("sources", lambda: q6_sources)
ck.expect_type("sources", dict, key_type=str, value_type=str, zh="q6_sources 应为 {来源: 类别} 字典",
               en="q6_sources must map str to str")
ck.expect_true("sources", lambda d: sorted(d) == sorted(_sources), points=0.25,
               zh="键应正好是 SOURCES 中的来源", en="keys must be exactly the sources in SOURCES")
ck.expect_true("sources", lambda d: set(d.values()) <= {"interested", "independent", "anonymous"},
               points=0.25, zh="值只能是 interested、independent 或 anonymous",
               en="values must be interested, independent or anonymous")
### BEGIN HIDDEN TESTS
ck.expect_equal("sources", {"阿里财报": "interested", "36氪": "independent", "艾媒数据": "independent",
                            "直播业内人士": "anonymous", "曾鸣": "interested", "梁舒": "interested",
                            "《淘宝技术这十年》": "interested"},
                points=1.5, partial=True, zh="部分来源的判断不对", en="some sources are misjudged")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 直播带货改变生产吗？A1 与 A2 的分歧（2 分）
#
# 写函数 `q7_production(text)`：返回 `text` 中同时含“生产”和“改变”（或“颠覆”）的句子列表，
# 保持原顺序。再读 A1 和 A2 的这些句子，写字典 `q7_stance`：键 `"A1"`、`"A2"`，值为
# `"changes"`（作者认为直播带货改变了或将改变生产方式）或 `"does not change"`（认为没有改变）。
#
# *Write `q7_production(text)`: sentences containing 生产 and 改变 or 颠覆; `q7_stance`: whether A1
# and A2 say live commerce changes production.*

# %% nbgrader={"grade": false, "grade_id": "q7_production_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q7_production(text):
    """Return the sentences of ``text`` about changing production."""
    ### BEGIN SOLUTION
    return [
        s for s in split_sentences(text) if "生产" in s and ("改变" in s or "颠覆" in s)
    ]
    ### END SOLUTION


q7_stance = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q7_stance = {"A1": "changes", "A2": "does not change"}
### END SOLUTION
for _aid in ("A1", "A2"):
    for _s in q7_production(ARTICLES[_aid]) or []:
        print(_aid, _s)

# %% nbgrader={"grade": true, "grade_id": "q7_production", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import split_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.grading import Checker

ck = Checker("q7_production", points=2)
ck.observe("demo", lambda: q7_production("它改变了生产。它改变了营销。它颠覆生产方式。"))
ck.observe("stance", lambda: q7_stance)
ck.expect_type("demo", list, item_type=str, zh="应返回由句子组成的列表", en="return a list of sentences")
ck.expect_len("demo", 2, points=0.25, zh="示例中应找到 2 句", en="the example has 2 such sentences")
ck.expect_type("stance", dict, key_type=str, value_type=str, zh="q7_stance 应为字典",
               en="q7_stance must be a dict")
ck.expect_true("stance", lambda d: sorted(d) == ["A1", "A2"]
               and set(d.values()) <= {"changes", "does not change"}, points=0.25,
               zh="键为 A1、A2，值为 changes 或 does not change",
               en="keys A1, A2; values changes or does not change")
### BEGIN HIDDEN TESTS
_a1 = get_article("A1").clean
_a2 = get_article("A2").clean
ck.observe("a1", lambda: q7_production(_a1))
ck.expect_equal("a1", [s for s in split_sentences(_a1) if "生产" in s and ("改变" in s or "颠覆" in s)],
                points=0.25, partial=True, zh="在 A1 上结果不对", en="wrong on A1")
ck.observe("a2", lambda: q7_production(_a2))
ck.expect_equal("a2", [s for s in split_sentences(_a2) if "生产" in s and ("改变" in s or "颠覆" in s)],
                points=0.25, partial=True, zh="在 A2 上结果不对", en="wrong on A2")
ck.observe("empty", lambda: q7_production(""))
ck.expect_equal("empty", [], points=0.25, zh="空文本应返回空列表", en="empty text gives []")
ck.expect_equal("stance", {"A1": "changes", "A2": "does not change"}, points=0.75, partial=True,
                zh="对 A1 或 A2 立场的判断不对", en="the stance of A1 or A2 is misread")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 填充语（2 分）
#
# 填充语（`方式和方法`、`仅仅只是`……）只增加长度、不增加信息。`q8_filler_rate` 是字典：
# 键为 `"A1"`…`"A5"`，值为该文章填充语总数（`article_profile(text).fillers` 各项之和）
# 每千字的频率（`float`，汉字数用 `article_profile(text).han_chars`）。
# `q8_most` 是频率最高的文章编号。
#
# *`q8_filler_rate`: fillers per 1,000 Han characters for each article; `q8_most`: the highest.*

# %% nbgrader={"grade": false, "grade_id": "q8_fillers_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q8_filler_rate = None  # 换成你的答案 / replace with your answer
q8_most = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q8_filler_rate = {}
for _aid, _text in ARTICLES.items():
    _profile = article_profile(_text)
    q8_filler_rate[_aid] = 1000 * sum(_profile.fillers.values()) / _profile.han_chars
q8_most = max(q8_filler_rate, key=q8_filler_rate.get)
### END SOLUTION
q8_filler_rate, q8_most

# %% nbgrader={"grade": true, "grade_id": "q8_fillers", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.claims import article_profile
from beyond_traffic.corpus import load_corpus
from beyond_traffic.grading import Checker

ck = Checker("q8_fillers", points=2)
ck.observe("rates", lambda: q8_filler_rate)
ck.observe("most", lambda: q8_most)
ck.expect_type("rates", dict, key_type=str, value_type=float, zh="q8_filler_rate 应为 {编号: float} 字典",
               en="q8_filler_rate must map str ids to floats")
ck.expect_true("rates", lambda d: sorted(d) == ["A1", "A2", "A3", "A4", "A5"]
               and all(v >= 0 for v in d.values()), points=0.5,
               zh="键应为 A1…A5，值不小于 0", en="keys A1 … A5, values >= 0")
ck.expect_type("most", str, zh="q8_most 应为字符串", en="q8_most must be a str")
### BEGIN HIDDEN TESTS
_profiles = {a.id: article_profile(a.clean) for a in load_corpus()}
_rates = {k: 1000 * sum(p.fillers.values()) / p.han_chars for k, p in _profiles.items()}
ck.expect_equal("rates", _rates, tol=1e-9, points=1, partial=True, zh="部分频率不对", en="some rates are wrong")
ck.expect_equal("most", max(_rates, key=_rates.get), points=0.5, zh="最高的文章不对",
                en="wrong article for the highest rate")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "rubric", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题 · 书面批判（10 分，人工评分）
#
# 用 300–600 字（中文或英文）回答：**直播带货是产业互联网的新方向（A1）、必然落幕的前奏曲
# （A2），还是只是加了修饰语的电商（A3）？** 你的回答必须引用本作业中**你自己算出的**至少三个
# 结果（例如第 2、4、5、6、7、8 题），并说明每个数字支持或削弱了哪篇文章的哪个论断。
#
# **评分标准 / Rubric（教师在 formgrader 中打分）**
#
# | 维度 | 分值 | 满分的表现 |
# |---|---|---|
# | 论点 Thesis | 2 | 明确回答问题，立场清楚，承认反方 |
# | 证据 Evidence from this notebook | 3 | 至少三个本作业中算出的结果，数字准确，并说明它们如何支持论点 |
# | 来源批判 Sources | 2 | 指出 A3 的数据与来源多来自利益相关方（阿里/淘宝），并说明这对可信度的影响 |
# | 分歧与确定性 Disagreement and certainty | 2 | 准确说明 A1 与 A2 在“改变生产”上的分歧，并区分预言式断言与有证据支持的论断 |
# | 表达 Writing | 1 | 结构清楚、简洁，引用原文时标明文章编号 |
#
# 0 分：空白或与题目无关。计算结果与本作业不符、只复述文章观点而没有证据的，证据一项最多 1 分。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q9_critique", "locked": false, "points": 10, "schema_version": 3, "solution": true, "task": false}
# **参考答案要点（教师版，不会发给学生）**
#
# A2 的“落幕是必然”是预言而非论证：A2 约七分之一的句子带预言标记（第 2 题），却没有一处证据标记
# （第 4 题 evidence_per_1000 为 0），同时填充语密度最高（第 8 题，“仅仅只是”29 次）。A1 与 A2 的
# 真正分歧在生产（第 7 题）：A1 认为直播带货“将改变传统行业的设计和生产方式”，A2 认为它“并未真正
# 改变传统行业的生产方式和方法”，两者都没有给出数据。A3 是唯一有证据的文章（第 4 题），但它的证据句
# 大多提到阿里或淘宝（第 5 题），七个来源中四个是利益相关方、一个匿名（第 6 题），且正文只是两页中的
# 第一页并以公众号推广结尾：应当把它读作倡导文本。结论：“只是加了修饰语的电商”最接近现有证据，
# 但证据本身需要独立来源的核实；A1 的“新方向”与 A2 的“必然落幕”都是未经检验的预测。

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 提交前：Kernel → Restart & Run All，确认没有报错，并检查第 9 题已经作答。
