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
# **Abstract.** Problem set 3 reads the five articles critically, with methods you write
# yourself: a marker finder over a given lexicon (longest match first, with exceptions), the
# sentences it marks, a per-article profile of hedges, certainty, prediction and filler markers
# per 1,000 Han characters, a leave-one-marker-out check of how much one word drives a count, a
# sentence-bootstrap interval for the difference between two articles, and a finder for the
# sentences that mention a source. Two written answers graded by hand carry the critique: you
# reconstruct one article's argument (premises, unstated warrant, conclusion, each anchored to
# the text), and you judge one contested question — are A3's sources independent of the party it
# praises, or do A1 and A2 really disagree about whether live commerce changes production? —
# with evidence from the text and the limits of your methods. Eight autograded questions
# (16.5 points) and two written answers (15 points).
#
# **预计用时 / Estimated time：4.5–5.5 小时 / 4.5–5.5 hours**（自动评分题约 3 小时，两道书面题约 2 小时）。
#
# **说明**
#
# - 先运行下面的“准备”单元，再依次作答。只改写标有 `在此作答 / YOUR ANSWER HERE` 的单元，
#   答案必须用题目指定的名字。
# - 每道题都给出一个**演算示例**。检查单元会告诉你类型对不对、演算示例**算得对不对**，
#   但不会显示标准答案；提交后还有隐藏测试（其他文章、边界情况）。
# - 第 1、2、3、5、6、8 题要你**自己实现方法**：不要调用 `beyond_traffic.claims` 里做同一件事的
#   函数（`find_markers`、`marked_sentences`、`article_profile`、`profiles_table`、`find_sentences`）
#   或词表的 `.find`。句子一律用准备单元里的 `split_sentences` 切分。
# - 书面题是本作业的重点：判断没有唯一的标准答案，评分看你的证据和推理，不看你选哪一边。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。
#
# **自学者 / Learning alone?** 检查单元就是你的反馈。认真做完一遍后，在终端（项目的 `.venv`
# 已激活）运行 `beyond-traffic solutions ps3_critique --notebook ps3_critique.ipynb`，
# 它会为你**做过的**题目生成带讲解的参考解答（课堂发布版不含这些材料）。书面题请先用题下的
# 自评表给自己打分，再看示范答案。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import random
import re

from beyond_traffic.claims import split_sentences
from beyond_traffic.corpus import load_corpus
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, PREDICTIONS

ARTICLES = {a.id: a.clean for a in load_corpus()}  # 五篇文章清洗后的正文 / cleaned text by id
SENTENCES = {aid: split_sentences(text) for aid, text in ARTICLES.items()}
# 给定的词表：类型 → (词, 例外) / the given lexicons: kind -> (terms, exceptions).
# 例外是看起来像标记、其实不是的字符串，如“可能性”是名词，不是模糊限制语。
LEXICONS = {
    "hedge": (sorted(HEDGES), sorted(HEDGES.exceptions)),
    "certainty": (sorted(CERTAINTY), sorted(CERTAINTY.exceptions)),
    "prediction": (sorted(PREDICTIONS), sorted(PREDICTIONS.exceptions)),
    "filler": (sorted(FILLERS), sorted(FILLERS.exceptions)),
}
for kind, (terms, exceptions) in LEXICONS.items():
    print(kind, len(terms), terms[:6], "例外 exceptions:", exceptions)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 自己的标记查找器（3 分）
#
# 写函数 `q1_find_terms(sentence, terms, exceptions)`，返回 `sentence` 中出现的词表词（按出现
# 顺序，出现几次记几次）。**严格按下面的规则**，这是“最长优先”的词表匹配：
#
# 1. 把 `terms` 和 `exceptions` 合在一起，按长度从长到短排（同样长的按字符顺序）。
# 2. 从 `sentence` 的第 0 个字符开始。在当前位置，依次试每个候选：第一个在这个位置出现的
#    候选，如果是例外，就跳过它的长度、不记录；如果是词表词，就记录它、跳过它的长度。
#    没有候选在这个位置出现时，前进一个字符。
# 3. 到句子结尾为止。
#
# **演算示例**：`q1_find_terms("它或许将会消失，这种可能性不大，也可能不会。", ["或许", "可能", "将会", "会"], ["可能性"])`
# 返回 `["或许", "将会", "可能", "会"]`：“将会”比“会”长，先匹配；“可能性”是例外，被跳过。
#
# *Write `q1_find_terms(sentence, terms, exceptions)`: longest match first at each position;
# exceptions are skipped without being recorded.*

# %% nbgrader={"grade": false, "grade_id": "q1_find_terms_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q1_find_terms(sentence, terms, exceptions):
    """Return the lexicon terms in ``sentence``, longest match first, skipping exceptions."""
    ### BEGIN SOLUTION
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    skip = set(exceptions)
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in skip:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found
    ### END SOLUTION


q1_find_terms("它或许将会消失，这种可能性不大，也可能不会。", ["或许", "可能", "将会", "会"], ["可能性"])

# %% nbgrader={"grade": true, "grade_id": "q1_find_terms", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q1_find_terms", points=3)
ck.observe("demo", lambda: q1_find_terms("它或许将会消失，这种可能性不大，也可能不会。",
                                         ["或许", "可能", "将会", "会"], ["可能性"]))
ck.expect_type("demo", list, item_type=str, zh="应返回由字符串组成的列表", en="return a list of str")
ck.expect_equal("demo", ["或许", "将会", "可能", "会"], points=1,
                zh="演算示例算得不对：最长优先？例外跳过？", en="wrong on the worked example: "
                "longest first? exceptions skipped?")
### BEGIN HIDDEN TESTS
from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import HEDGES as _hedges


def _reference(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


def _reference_all(sentences, lexicon):
    return [_reference(s, *lexicon) for s in sentences]


_a2 = _split(_get_article("A2").clean)
_a5 = _split(_get_article("A5").clean)
_hedge = (sorted(_hedges), sorted(_hedges.exceptions))
_cert = (sorted(_certainty), sorted(_certainty.exceptions))
ck.observe("a2", lambda: [q1_find_terms(_s, *_cert) for _s in _a2])
ck.expect_equal("a2", _reference_all(_a2, _cert), points=0.75, partial=True,
                zh="A2 的确定性标记不对", en="wrong certainty markers in A2")
ck.observe("a5", lambda: [q1_find_terms(_s, *_hedge) for _s in _a5])
ck.expect_equal("a5", _reference_all(_a5, _hedge), points=0.75, partial=True,
                zh="A5 的模糊限制语不对", en="wrong hedges in A5")
ck.observe("edge", lambda: [q1_find_terms("", ["或许"], []), q1_find_terms("或许或许", ["或许"], []),
                            q1_find_terms("不一定会", ["一定", "会"], ["不一定"]),
                            q1_find_terms("终将会", ["将会", "终将"], [])])
ck.expect_equal("edge", [[], ["或许", "或许"], ["会"], ["终将"]], points=0.5, edge=True,
                zh="空句、重复出现、例外或同样长的候选处理不对",
                en="wrong on an empty sentence, repeats, exceptions or candidates of equal length")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 带标记的句子（1.5 分）
#
# 写函数 `q2_marked_sentences(sentences, terms, exceptions)`：返回 `sentences`（句子的列表）中
# 至少含一个词表词的句子（用你的 `q1_find_terms`），保持原顺序。
#
# **演算示例**：`q2_marked_sentences(["它或许会消失。", "它改变了营销。", "这种可能性很大。"], ["或许", "可能"], ["可能性"])`
# 返回 `["它或许会消失。"]`。
#
# *Write `q2_marked_sentences(sentences, terms, exceptions)`: the sentences with at least one
# term, in order.*

# %% nbgrader={"grade": false, "grade_id": "q2_marked_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q2_marked_sentences(sentences, terms, exceptions):
    """Return the sentences that contain at least one lexicon term."""
    ### BEGIN SOLUTION
    return [s for s in sentences if q1_find_terms(s, terms, exceptions)]
    ### END SOLUTION


q2_marked_sentences(["它或许会消失。", "它改变了营销。", "这种可能性很大。"], ["或许", "可能"], ["可能性"])

# %% nbgrader={"grade": true, "grade_id": "q2_marked", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q2_marked", points=1.5)
ck.observe("demo", lambda: q2_marked_sentences(["它或许会消失。", "它改变了营销。", "这种可能性很大。"],
                                               ["或许", "可能"], ["可能性"]))
ck.expect_type("demo", list, item_type=str, zh="应返回由句子组成的列表", en="return a list of sentences")
ck.expect_equal("demo", ["它或许会消失。"], points=0.5, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import PREDICTIONS as _predictions


def _reference(sentences, lexicon):
    terms, exceptions = lexicon
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))

    def marked(sentence):
        i = 0
        while i < len(sentence):
            for candidate in candidates:
                if candidate and sentence.startswith(candidate, i):
                    if candidate not in exceptions:
                        return True
                    i += len(candidate)
                    break
            else:
                i += 1
        return False

    return [s for s in sentences if marked(s)]


_a2 = _split(_get_article("A2").clean)
_pred = (sorted(_predictions), sorted(_predictions.exceptions))
ck.observe("a2", lambda: q2_marked_sentences(_a2, *_pred))
ck.expect_equal("a2", _reference(_a2, _pred), points=0.5, partial=True,
                zh="A2 中含预测标记的句子不对", en="wrong prediction sentences in A2")
ck.observe("edge", lambda: [q2_marked_sentences([], ["或许"], []),
                            q2_marked_sentences(["不一定。", "一定。"], ["一定"], ["不一定"])])
ck.expect_equal("edge", [[], ["一定。"]], points=0.5, edge=True, zh="没有句子或只有例外的句子处理不对",
                en="wrong with no sentences or a sentence holding only an exception")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 论断画像（2.5 分）
#
# 写函数 `q3_profile(sentences, lexicons)`：`lexicons` 的格式同准备单元的 `LEXICONS`
# （类型 → `(词, 例外)`）。对每个类型，返回该类型标记在全部句子中的**总次数**（用你的
# `q1_find_terms`）和每千字的频率：
# `{类型: {"count": 次数, "per_1000": 1000 * 次数 / 汉字数}}`，`count` 是 `int`，`per_1000` 是
# `float`。汉字数是全部句子中 U+4E00–U+9FFF 和 U+3400–U+4DBF 的字符数（同作业二）；
# 没有汉字时 `per_1000` 为 `0.0`。
#
# **演算示例**：`q3_profile(["它或许将会消失。", "B端必然如此！"], {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])})`：
# 汉字 12 个，返回 `{"hedge": {"count": 1, "per_1000": 83.33…}, "certainty": {"count": 2, "per_1000": 166.66…}}`。
#
# *Write `q3_profile(sentences, lexicons)`: per kind, the total count and the rate per 1,000 Han
# characters.*

# %% nbgrader={"grade": false, "grade_id": "q3_profile_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_profile(sentences, lexicons):
    """Return {kind: {"count": int, "per_1000": float}} for the sentences."""
    ### BEGIN SOLUTION
    chars = sum(len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences)
    profile = {}
    for kind, (terms, exceptions) in lexicons.items():
        count = sum(len(q1_find_terms(s, terms, exceptions)) for s in sentences)
        profile[kind] = {"count": count, "per_1000": 1000 * count / chars if chars else 0.0}
    return profile
    ### END SOLUTION


q3_profile(["它或许将会消失。", "B端必然如此！"], {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])})

# %% nbgrader={"grade": true, "grade_id": "q3_profile", "locked": true, "points": 2.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q3_profile", points=2.5)
ck.observe("demo", lambda: q3_profile(["它或许将会消失。", "B端必然如此！"],
                                      {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])}))
ck.expect_type("demo", dict, key_type=str, value_type=dict, zh="应返回 {类型: {...}} 字典",
               en="return a dict {kind: {...}}")
ck.expect_equal("demo", {"hedge": {"count": 1, "per_1000": 1000 / 12},
                         "certainty": {"count": 2, "per_1000": 2000 / 12}}, tol=1e-9, points=1,
                zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import FILLERS as _fillers
from beyond_traffic.lexicons import HEDGES as _hedges


def _find(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


def _reference(sentences, lexicons):
    chars = sum(len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences)
    out = {}
    for kind, (terms, exceptions) in lexicons.items():
        count = sum(len(_find(s, terms, exceptions)) for s in sentences)
        out[kind] = {"count": count, "per_1000": 1000 * count / chars if chars else 0.0}
    return out


_lex = {name: (sorted(lex), sorted(lex.exceptions))
        for name, lex in (("hedge", _hedges), ("certainty", _certainty), ("filler", _fillers))}
_a4 = _split(_get_article("A4").clean)
ck.observe("a4", lambda: q3_profile(_a4, _lex))
ck.expect_equal("a4", _reference(_a4, _lex), tol=1e-9, points=0.75,
                zh="A4 的画像不对", en="A4's profile is wrong")
ck.observe("edge", lambda: q3_profile([], {"hedge": (["或许"], [])}))
ck.expect_equal("edge", {"hedge": {"count": 0, "per_1000": 0.0}}, points=0.75, edge=True,
                zh="没有句子时应为 0 次、0.0", en="no sentences give count 0 and 0.0")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 五篇文章的画像（1.5 分）
#
# 用你的 `q3_profile` 和 `LEXICONS`，为每篇文章算出画像，存为 `q4_profiles`（文章编号 →
# 画像）。再求 `q4_more_hedges`：模糊限制语（`"hedge"`）**次数**多于确定性标记
# （`"certainty"`）次数的文章编号，按编号排序的列表。想一想：说“没有证据的文章都用很确定的
# 语言”之前，应该先看哪一列？
#
# *`q4_profiles`: your profile of each article with `LEXICONS`; `q4_more_hedges`: the sorted ids
# of the articles with more hedges than certainty markers.*

# %% nbgrader={"grade": false, "grade_id": "q4_profiles_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q4_profiles = None  # 换成你的答案 / replace with your answer
q4_more_hedges = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q4_profiles = {aid: q3_profile(SENTENCES[aid], LEXICONS) for aid in ARTICLES}
q4_more_hedges = sorted(
    aid for aid, p in q4_profiles.items() if p["hedge"]["count"] > p["certainty"]["count"]
)
### END SOLUTION
q4_more_hedges

# %% nbgrader={"grade": true, "grade_id": "q4_profiles", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.grading import Checker
from beyond_traffic.lexicons import HEDGES as _HEDGES

ck = Checker("q4_profiles", points=1.5)
ck.observe("profiles", lambda: q4_profiles)
ck.observe("a3_hedges", lambda: q4_profiles["A3"]["hedge"]["count"])
ck.observe("more", lambda: q4_more_hedges)
ck.expect_type("profiles", dict, key_type=str, value_type=dict, zh="q4_profiles 应为 {编号: 画像} 字典",
               en="q4_profiles must map ids to profiles")
ck.expect_true("profiles", lambda d: sorted(d) == ["A1", "A2", "A3", "A4", "A5"]
               and all(sorted(p) == ["certainty", "filler", "hedge", "prediction"] for p in d.values()),
               points=0, zh="键应为 A1…A5，每个画像有四个类型", en="keys A1 … A5, four kinds in each profile")
ck.expect_equal("a3_hedges", _HEDGES.count(_get_article("A3").clean), points=0.5,
                zh="A3 的模糊限制语次数不对", en="A3's hedge count is wrong")
ck.expect_type("more", list, item_type=str, zh="q4_more_hedges 应为字符串列表",
               en="q4_more_hedges must be a list of str")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import FILLERS as _fillers
from beyond_traffic.lexicons import HEDGES as _hedges
from beyond_traffic.lexicons import PREDICTIONS as _predictions


def _find(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


def _profile(sentences):
    chars = sum(len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences)
    out = {}
    for kind, lex in (("hedge", _hedges), ("certainty", _certainty),
                      ("prediction", _predictions), ("filler", _fillers)):
        count = sum(len(_find(s, sorted(lex), sorted(lex.exceptions))) for s in sentences)
        out[kind] = {"count": count, "per_1000": 1000 * count / chars if chars else 0.0}
    return out


_want = {a.id: _profile(_split(a.clean)) for a in _load_corpus()}
ck.expect_equal("profiles", _want, tol=1e-9, points=0.5, partial=True,
                zh="部分文章的画像不对", en="some profiles are wrong")
ck.expect_equal("more", sorted(a for a, p in _want.items() if p["hedge"]["count"] > p["certainty"]["count"]),
                points=0.5, zh="文章列表不对", en="wrong list of articles")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · 去掉一个词会怎样？（2 分）
#
# 一个类型的总次数可能主要来自一两个词。写函数 `q5_leave_one_out(sentences, terms, exceptions)`：
# 对 `sentences` 中**出现过**的每个词表词 `t`（用你的 `q1_find_terms`），把 `t` 从 `terms` 中
# 去掉、**重新**查找，记下全部句子中剩下的标记总数。返回字典 `{t: 去掉 t 后的总数}`。
# 注意：去掉一个长词后，它里面的短词可能会被找到（例如去掉“将会”，“会”就露了出来），
# 所以不能简单地用总数减去 `t` 的次数。
#
# **演算示例**：`q5_leave_one_out(["它或许将会消失。", "将会如此。"], ["或许", "将会", "会"], [])`
# 返回 `{"或许": 2, "将会": 3}`。
#
# *Write `q5_leave_one_out(sentences, terms, exceptions)`: for each term that occurs, the total
# count when that term is removed from the lexicon and the sentences are searched again.*

# %% nbgrader={"grade": false, "grade_id": "q5_leave_one_out_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q5_leave_one_out(sentences, terms, exceptions):
    """Return {term: total count without that term} for every term found in the sentences."""
    ### BEGIN SOLUTION
    found = {t for s in sentences for t in q1_find_terms(s, terms, exceptions)}
    result = {}
    for term in found:
        rest = [t for t in terms if t != term]
        result[term] = sum(len(q1_find_terms(s, rest, exceptions)) for s in sentences)
    return result
    ### END SOLUTION


q5_leave_one_out(["它或许将会消失。", "将会如此。"], ["或许", "将会", "会"], [])

# %% nbgrader={"grade": true, "grade_id": "q5_leave_one_out", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q5_leave_one_out", points=2)
ck.observe("demo", lambda: q5_leave_one_out(["它或许将会消失。", "将会如此。"], ["或许", "将会", "会"], []))
ck.expect_type("demo", dict, key_type=str, value_type=int, zh="应返回 {词: 整数} 字典",
               en="return a dict {term: int}")
ck.expect_equal("demo", {"或许": 2, "将会": 3}, points=0.75,
                zh="演算示例算得不对：是否重新查找？", en="wrong on the worked example: did you search again?")
### BEGIN HIDDEN TESTS
from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty


def _find(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


def _reference(sentences, lexicon):
    terms, exceptions = lexicon
    found = {t for s in sentences for t in _find(s, terms, exceptions)}
    return {t: sum(len(_find(s, [x for x in terms if x != t], exceptions)) for s in sentences)
            for t in found}


_a2 = _split(_get_article("A2").clean)
_cert = (sorted(_certainty), sorted(_certainty.exceptions))
ck.observe("a2", lambda: q5_leave_one_out(_a2, *_cert))
ck.expect_equal("a2", _reference(_a2, _cert), points=0.75, partial=True,
                zh="A2 的确定性标记去一检验不对", en="wrong leave-one-out of certainty markers in A2")
ck.observe("edge", lambda: [q5_leave_one_out([], ["或许"], []), q5_leave_one_out(["没有标记。"], ["或许"], [])])
ck.expect_equal("edge", [{}, {}], points=0.5, edge=True, zh="没有句子或没有标记时应返回空字典",
                en="no sentences or no markers give an empty dict")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 两篇文章的差别有多确定？（3 分）
#
# “A2 比 A4 更确定”只有在差别大于不确定性时才站得住。写函数
# `q6_bootstrap_diff(sentences_a, sentences_b, terms, exceptions, n_boot, seed)`，**严格按下面的
# 步骤**（同作业二第 6 题的句子自助法，这次两篇文章各自重抽）：
#
# 1. 任何一篇没有句子时返回 `(0.0, 0.0)`。对两篇文章的每个句子，先算出标记数（你的
#    `q1_find_terms` 的结果的长度）和汉字数（U+4E00–U+9FFF 和 U+3400–U+4DBF）。
# 2. `rng = random.Random(seed)`。
# 3. 重复 `n_boot` 次：**先**用 `rng.randrange(n_a)` 连续抽 `n_a` 个 A 的下标，**再**用
#    `rng.randrange(n_b)` 连续抽 `n_b` 个 B 的下标；分别把标记数和汉字数相加，算出两篇的频率
#    `1000 * 标记数 / 汉字数`（汉字数为 0 时记 `0.0`），记下差 `频率A - 频率B`。
# 4. 把 `n_boot` 个差从小到大排序，`cut = n_boot // 40`，返回
#    `(排序后第 cut 个, 排序后第 n_boot - 1 - cut 个)`。
#
# 区间不含 0，才说明在这个方法下两篇文章确有差别。
#
# **演算示例**：`q6_bootstrap_diff(["它必然消失。", "也许吧。"], ["必然如此，必然。"], ["必然"], [], 40, 3)`
# 返回 `(-333.33…, -133.33…)`。
#
# *Write `q6_bootstrap_diff(...)` exactly as specified: per resample, n_a indices of A then n_b of
# B with `rng.randrange`; the difference of pooled rates; the `n_boot // 40`-th values from each
# end of the sorted differences.*

# %% nbgrader={"grade": false, "grade_id": "q6_bootstrap_diff_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q6_bootstrap_diff(sentences_a, sentences_b, terms, exceptions, n_boot, seed):
    """Return the ~95% bootstrap interval of rate(A) - rate(B) per 1,000 Han characters."""
    ### BEGIN SOLUTION
    if not sentences_a or not sentences_b:
        return (0.0, 0.0)

    def per_sentence(sentences):
        counts = [len(q1_find_terms(s, terms, exceptions)) for s in sentences]
        chars = [len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
        return counts, chars

    def pooled_rate(counts, chars, picks):
        h = sum(chars[i] for i in picks)
        return 1000 * sum(counts[i] for i in picks) / h if h else 0.0

    counts_a, chars_a = per_sentence(sentences_a)
    counts_b, chars_b = per_sentence(sentences_b)
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        picks_a = [rng.randrange(len(sentences_a)) for _ in range(len(sentences_a))]
        picks_b = [rng.randrange(len(sentences_b)) for _ in range(len(sentences_b))]
        diffs.append(pooled_rate(counts_a, chars_a, picks_a) - pooled_rate(counts_b, chars_b, picks_b))
    diffs.sort()
    cut = n_boot // 40
    return (diffs[cut], diffs[n_boot - 1 - cut])
    ### END SOLUTION


q6_bootstrap_diff(["它必然消失。", "也许吧。"], ["必然如此，必然。"], ["必然"], [], 40, 3)

# %% nbgrader={"grade": true, "grade_id": "q6_bootstrap_diff", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q6_bootstrap_diff", points=3)
ck.observe("demo", lambda: q6_bootstrap_diff(["它必然消失。", "也许吧。"], ["必然如此，必然。"], ["必然"], [], 40, 3))
ck.expect_type("demo", tuple, item_type=float, zh="应返回两个 float 组成的元组",
               en="return a tuple of two floats")
ck.expect_equal("demo", (-1000 / 3, 200 - 1000 / 3), tol=1e-9, points=1,
                zh="演算示例算得不对：是否严格按步骤（先 A 后 B、rng.randrange、cut）？",
                en="wrong on the worked example: follow the steps exactly (A then B, rng.randrange, cut)")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import HEDGES as _hedges


def _find(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


def _reference(sa, sb, lexicon, n_boot, seed):
    terms, exceptions = lexicon
    if not sa or not sb:
        return (0.0, 0.0)

    def stats(sentences):
        return ([len(_find(s, terms, exceptions)) for s in sentences],
                [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences])

    def rate(counts, chars, picks):
        h = sum(chars[i] for i in picks)
        return 1000 * sum(counts[i] for i in picks) / h if h else 0.0

    (ca, ha), (cb, hb) = stats(sa), stats(sb)
    rng = _random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        pa = [rng.randrange(len(sa)) for _ in range(len(sa))]
        pb = [rng.randrange(len(sb)) for _ in range(len(sb))]
        diffs.append(rate(ca, ha, pa) - rate(cb, hb, pb))
    diffs.sort()
    return (diffs[n_boot // 40], diffs[n_boot - 1 - n_boot // 40])


_a2 = _split(_get_article("A2").clean)
_a4 = _split(_get_article("A4").clean)
_a5 = _split(_get_article("A5").clean)
_cert = (sorted(_certainty), sorted(_certainty.exceptions))
_hedge = (sorted(_hedges), sorted(_hedges.exceptions))
ck.observe("a2_a4", lambda: q6_bootstrap_diff(_a2, _a4, *_cert, 300, 11))
ck.expect_equal("a2_a4", _reference(_a2, _a4, _cert, 300, 11), tol=1e-9, points=0.75,
                zh="A2 与 A4 的确定性差（300 次、种子 11）不对", en="wrong A2 − A4 certainty (300, seed 11)")
ck.observe("a5_a2", lambda: q6_bootstrap_diff(_a5, _a2, *_hedge, 200, 5))
ck.expect_equal("a5_a2", _reference(_a5, _a2, _hedge, 200, 5), tol=1e-9, points=0.75,
                zh="A5 与 A2 的模糊限制语差（200 次、种子 5）不对", en="wrong A5 − A2 hedges (200, seed 5)")
ck.observe("edge", lambda: [q6_bootstrap_diff([], ["必然。"], ["必然"], [], 40, 0),
                            q6_bootstrap_diff(["必然。"], ["必然。"], ["必然"], [], 40, 0)])
ck.expect_equal("edge", [(0.0, 0.0), (0.0, 0.0)], tol=1e-9, points=0.5, edge=True,
                zh="一篇没有句子，或两篇相同时不对", en="wrong when one side is empty or both are the same")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · A2 的预测真的更多吗？（1.5 分）
#
# A2 的小标题说「产业互联网的大潮下，直播带货落幕是必然」，它的预测标记看起来也最多（第 4 题）。用你的
# `q6_bootstrap_diff`（预测标记 `LEXICONS["prediction"]`，`n_boot=1000`，`seed=2020`）比较 A2 和
# 其他每一篇文章：`q7_diffs` 是字典，键为 `"A2-A1"`、`"A2-A3"`、`"A2-A4"`、`"A2-A5"`，值为
# `频率(A2) - 频率(另一篇)` 的区间。`q7_decided` 是区间**不含 0** 的键，排好序的列表。
#
# *`q7_diffs`: the interval of A2's prediction rate minus each other article's (1000 resamples,
# seed 2020); `q7_decided`: the sorted keys whose interval excludes 0.*

# %% nbgrader={"grade": false, "grade_id": "q7_diffs_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q7_diffs = None  # 换成你的答案 / replace with your answer
q7_decided = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q7_diffs = {
    f"A2-{other}": q6_bootstrap_diff(SENTENCES["A2"], SENTENCES[other], *LEXICONS["prediction"], 1000, 2020)
    for other in ("A1", "A3", "A4", "A5")
}
q7_decided = sorted(key for key, (low, high) in q7_diffs.items() if low > 0 or high < 0)
### END SOLUTION
q7_diffs, q7_decided

# %% nbgrader={"grade": true, "grade_id": "q7_diffs", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q7_diffs", points=1.5)
ck.observe("diffs", lambda: q7_diffs)
ck.observe("decided", lambda: q7_decided)
ck.expect_type("diffs", dict, key_type=str, value_type=tuple, zh="q7_diffs 应为 {键: (下界, 上界)} 字典",
               en="q7_diffs must map keys to tuples")
ck.expect_true("diffs", lambda d: sorted(d) == ["A2-A1", "A2-A3", "A2-A4", "A2-A5"]
               and all(len(v) == 2 and v[0] <= v[1] for v in d.values()), points=0,
               zh="键应为 A2-A1…A2-A5，每个区间下界不大于上界", en="keys A2-A1 … A2-A5, low <= high")
ck.expect_type("decided", list, item_type=str, zh="q7_decided 应为字符串列表", en="q7_decided must be a list of str")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import PREDICTIONS as _predictions


def _diff(a, b):
    terms, exceptions = sorted(_predictions), sorted(_predictions.exceptions)
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))

    def count(sentence):
        n, i = 0, 0
        while i < len(sentence):
            for candidate in candidates:
                if sentence.startswith(candidate, i):
                    n += candidate not in exceptions
                    i += len(candidate)
                    break
            else:
                i += 1
        return n

    def stats(aid):
        sentences = _split(_get_article(aid).clean)
        return ([count(s) for s in sentences],
                [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences])

    def rate(counts, chars, picks):
        h = sum(chars[i] for i in picks)
        return 1000 * sum(counts[i] for i in picks) / h if h else 0.0

    (ca, ha), (cb, hb) = stats(a), stats(b)
    rng = _random.Random(2020)
    diffs = []
    for _ in range(1000):
        pa = [rng.randrange(len(ca)) for _ in range(len(ca))]
        pb = [rng.randrange(len(cb)) for _ in range(len(cb))]
        diffs.append(rate(ca, ha, pa) - rate(cb, hb, pb))
    diffs.sort()
    return (diffs[25], diffs[974])


_want = {f"A2-{b}": _diff("A2", b) for b in ("A1", "A3", "A4", "A5")}
ck.expect_equal("diffs", _want, tol=1e-9, points=1, partial=True, zh="部分区间不对",
                en="some intervals are wrong")
ck.expect_equal("decided", sorted(k for k, (lo, hi) in _want.items() if lo > 0 or hi < 0), points=0.5,
                zh="区间不含 0 的键不对", en="wrong keys for intervals that exclude 0")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 谁在说话？找出提到来源的句子（1.5 分）
#
# 写函数 `q8_mentions(text, names)`：用 `split_sentences` 切句，返回字典 `{名字: 含这个名字的
# 句子列表}`（按原文子串查找，保持原顺序；没有句子提到的名字对应空列表）。书面题第 10 题
# 会用到它：读 A3 中提到每个来源的句子，或 A1、A2 中谈“生产”的句子。
#
# **演算示例**：`q8_mentions("据36氪报道，目标已调整。曾鸣说：平台不是零售商。36氪又说。", ["36氪", "曾鸣", "艾媒"])`
# 返回 `{"36氪": ["据36氪报道，目标已调整。", "36氪又说。"], "曾鸣": ["曾鸣说：平台不是零售商。"], "艾媒": []}`。
#
# *Write `q8_mentions(text, names)`: for each name, the sentences that contain it, in order.*

# %% nbgrader={"grade": false, "grade_id": "q8_mentions_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q8_mentions(text, names):
    """Return {name: the sentences of ``text`` that contain it}."""
    ### BEGIN SOLUTION
    sentences = split_sentences(text)
    return {name: [s for s in sentences if name in s] for name in names}
    ### END SOLUTION


q8_mentions("据36氪报道，目标已调整。曾鸣说：平台不是零售商。36氪又说。", ["36氪", "曾鸣", "艾媒"])

# %% nbgrader={"grade": true, "grade_id": "q8_mentions", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q8_mentions", points=1.5)
ck.observe("demo", lambda: q8_mentions("据36氪报道，目标已调整。曾鸣说：平台不是零售商。36氪又说。",
                                       ["36氪", "曾鸣", "艾媒"]))
ck.expect_type("demo", dict, key_type=str, value_type=list, zh="应返回 {名字: 句子列表} 字典",
               en="return a dict {name: list of sentences}")
ck.expect_equal("demo", {"36氪": ["据36氪报道，目标已调整。", "36氪又说。"], "曾鸣": ["曾鸣说：平台不是零售商。"],
                         "艾媒": []}, points=0.5, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article


def _reference(text, names):
    sentences = _split(text)
    return {name: [s for s in sentences if name in s] for name in names}


_a3 = _get_article("A3").clean
_a1 = _get_article("A1").clean
_names = ["阿里", "36氪", "艾媒", "业内人士", "曾鸣", "梁舒", "《淘宝技术这十年》"]
ck.observe("a3", lambda: q8_mentions(_a3, _names))
ck.expect_equal("a3", _reference(_a3, _names), points=0.5, partial=True,
                zh="A3 中的来源句不对", en="wrong source sentences in A3")
ck.observe("a1", lambda: q8_mentions(_a1, ["生产", "改变"]))
ck.expect_equal("a1", _reference(_a1, ["生产", "改变"]), points=0.25, partial=True,
                zh="A1 中谈生产或改变的句子不对", en="wrong sentences about production or change in A1")
ck.observe("edge", lambda: q8_mentions("", ["流量"]))
ck.expect_equal("edge", {"流量": []}, points=0.25, edge=True, zh="空文本时每个名字应对应空列表",
                en="empty text gives an empty list for each name")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题 · 重建一篇文章的论证（书面题，7 分，人工评分）
#
# 从 A1、A2、A4、A5 中选**一篇**，重建它的论证：
#
# 1. **结论**：作者最终主张什么？用一句话概括，并引用最能代表结论的原句。
# 2. **前提**：支撑结论的 2–4 个前提，每个都用**原文**锚定（用直角引号括起原文并注明文章编号；
#    引文必须与清洗后的原文一字不差，可以用 `q8_mentions` 找句子）。
# 3. **让步与隐含前提**：作者承认了哪些不利于自己的事（让步），它怎样限定结论？至少一个作者
#    没有说出、但结论需要的前提（warrant）。
# 4. **确定性**：关键句子用了哪些模糊限制语、确定性或预测标记（用你的 `q1_find_terms`）？
#    哪些是对现在的描述，哪些是对未来的预测？
# 5. **方法的局限**：标记和计数能帮你重建论证的哪一部分，不能帮你做哪一部分？
#
# 中文或英文，300–600 字。可以写成“前提 1 / 前提 2 / 让步 / 隐含前提 / 结论”的列表。
#
# **评分标准 / Rubric**
#
# | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
# |---|---|---|---|
# | 结论与前提 Conclusion, premises and concessions | 2 | 结论准确，前提确实支撑结论、互不重复，结构清楚（不是复述段落大意）；找出作者的让步（承认了什么不利于自己的事），并说明它怎样限定结论 | 1.5：结论和前提准确，但漏掉了作者的让步，或没有说明让步怎样限定结论；1：结论准确，前提有重复或并不支撑结论；把让步误当成前提；0.5：结论不准确，或只是复述段落大意；0：没有结论和前提 |
# | 原文锚定 Anchoring in the text | 2 | 每个前提、让步和结论都有一字不差的引文并注明文章编号，引文确实说了所概括的内容，没有断章取义 | 1.5：引文大多准确，个别前提没有锚点或没有注明文章编号；1：只有一部分前提有引文，或有引文与概括不符；0.5：只有一两处引文，或引文断章取义；0：没有原文引用 |
# | 隐含前提 Unstated warrant | 1 | 至少一个合理的隐含前提，并说明论证为什么需要它 | 0.5：写出了隐含前提，但没有说明论证为什么需要它，或它其实是说出来的前提；0：没有隐含前提 |
# | 方法的局限 Limits of the method | 1 | 说明标记/计数在此能做什么、不能做什么（如：标记找不到论证结构和让步，“将会”不区分预测和修辞，词表未经本文验证） | 0.5：提到局限，但笼统；0：没有谈局限 |
# | 表达 Writing | 1 | 简洁清楚，区分作者的话和自己的概括 | 0.5：能读懂，但作者的话和自己的概括混在一起；0：难以读懂 |
#
# 0 分：空白或与题目无关。没有任何原文引用的，第二项 0 分。
#
# **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
#
# - [ ] 我的结论是一句话，并且有原句支撑。
# - [ ] 我找出了作者的让步，并说明它怎样限定了结论。
# - [ ] 我区分了作者对现在的描述和对未来的预测。
# - [ ] 每个前提都有一字不差的引文和文章编号，我核对过引文确实在原文里。
# - [ ] 我写出了至少一个作者没说出来、但论证离不开的前提。
# - [ ] 我说明了标记和计数在重建论证时帮不上忙的地方。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q9_argument", "locked": false, "points": 7, "schema_version": 3, "solution": true, "task": false}
# 示范答案与评分说明见 `instructors/exemplars/ps3_critique_q9_argument.md`（优秀、合格、不足三个
# 水平的答案，每项得分及理由）。评分时先读那三份答案校准，再按上面的评分标准打分。

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 10 题 · 一个有争议的判断（书面题，8 分，人工评分）
#
# 从下面两个问题中选**一个**，给出你的判断。两个问题都没有唯一的标准答案：评分看证据和推理，
# 不看结论。“语料不足以判断”也可以是一个好答案，只要你说清楚缺的是什么。
#
# - **(甲) A3 的来源独立吗？** 下面的探索单元用你的 `q8_mentions` 列出 A3 中提到这些来源的
#   句子：阿里财报、36氪、艾媒数据、一位直播业内人士、曾鸣、梁舒和《淘宝技术这十年》。读这些句子：**文章本身**告诉了我们
#   每个来源与阿里巴巴（淘宝）的什么关系？哪些数字只是转述了被称赞一方自己的说法？
#   哪些来源的独立性，单凭这篇文章无法判断？
# - **(乙) A1 和 A2 真的在“直播带货是否改变生产”上对立吗？** 用 `q8_mentions` 读 A1、A2 中谈
#   “生产”的句子，注意时态（对未来的预测 / 对现在的描述）、让步和两篇共有的前提，判断两篇的
#   分歧究竟在哪里。
#
# 要求：明确的判断（可以是有条件的）；至少三处一字不差的原文引用（直角引号，注明文章编号）；
# 选 (乙) 的，至少一个你在本作业中**算出**的结果（例如第 4、5、7 题；(甲) 的证据是文章本身对
# 来源的交代，不要求算出的结果）；一个反方的读法以及你为什么不采纳它；
# 方法的局限。中文或英文，400–700 字。
#
# **评分标准 / Rubric**
#
# | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
# |---|---|---|---|
# | 判断 Judgement | 2 | 判断明确，条件和范围说清楚；“无法判断”时说明缺什么证据 | 1.5：判断明确、有依据，但没有用到自己的全部发现，或范围不清；1：判断明确，但有一部分没有文本依据；0.5：有判断，但回避了问题本身或建立在误读上；0：没有判断 |
# | 文本证据 Evidence from the text | 3 | 至少三处准确引文（注明文章），读出时态、让步或来源关系；(乙) 还要至少一个本作业算出的结果，用得正确；(甲) 的证据是文章本身对来源的交代，不要求算出的结果 | 2：引文准确且足够，但读得不够深（漏掉时态、让步或来源关系中的要点）；或 (乙) 没有用算出的结果；1.5：引文少于三处，或有一处证据用错（如把确定性标记的多少当作说服力）；1：只有零星的引文；0：没有原文证据 |
# | 反方读法 Counter-reading | 1 | 认真陈述一个反方读法，并说明为什么不采纳或在什么条件下会采纳 | 0.5：提到反方读法，但没有回应；0：没有反方读法 |
# | 方法的局限 Limits of the method | 1 | 说明文本和计数不能回答什么（如：文章只显示自己说的关系；标记不区分时态；A3 只是两页中的第一页；事实问题需要文本之外的证据） | 0.5：提到局限，但笼统；0：没有谈局限 |
# | 表达 Writing | 1 | 结构清楚，引文与判断分开 | 0.5：能读懂，但引文与判断混在一起；0：难以读懂 |
#
# 0 分：空白或与题目无关。没有原文引用的，第二项最多 1 分。
#
# **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
#
# - [ ] 我的判断在第一段就说清楚了，包括它的条件。
# - [ ] 我引用了至少三处原文，每处注明文章编号，并核对过一字不差。
# - [ ] 选 (乙) 的：我用了至少一个自己算出的结果，并说明它支持或削弱了什么。
# - [ ] 我写了一个反方的读法，并诚实地回应了它。
# - [ ] 我说明了单凭这些文章和这些方法**不能**判断的事。

# %%
# 探索（不计分）/ explore (not graded): change this cell as you like.
SOURCES = ["阿里", "36氪", "艾媒", "业内人士", "曾鸣", "梁舒", "《淘宝技术这十年》"]
for name, found in (q8_mentions(ARTICLES["A3"], SOURCES) or {}).items():
    print(f"--- A3 {name}: {len(found)}")
    for sentence in found:
        print("   ", sentence)
for aid in ("A1", "A2"):
    for sentence in (q8_mentions(ARTICLES[aid], ["生产"]) or {}).get("生产", []):
        print(aid, q1_find_terms(sentence, *LEXICONS["prediction"]), sentence)

# %% [markdown] nbgrader={"grade": true, "grade_id": "q10_contested", "locked": false, "points": 8, "schema_version": 3, "solution": true, "task": false}
# 示范答案与评分说明见 `instructors/exemplars/ps3_critique_q10_contested.md`（两个问题各有优秀、
# 合格、不足三个水平的答案，每项得分及理由）。评分时先读那些答案校准，再按上面的评分标准打分。

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 提交前：Kernel → Restart & Run All，确认没有报错，并检查第 9、10 题已经作答。
