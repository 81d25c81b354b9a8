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
# # 作业四（综合）：一篇没见过的文章
#
# **Abstract.** The capstone runs the whole course on an article no lesson or problem set has
# used: `article.txt` in this folder (read `ARTICLE.md` for where it comes from). You read the raw
# page, clean it with the course pipeline and audit what each step did, write a check that finds
# the noise the pipeline missed and remove it, segment and count, then profile the article's
# claims with methods you write yourself — marker rates per 1,000 Han characters with sentence-
# bootstrap intervals, the sentences that carry claim markers, the sentences that carry evidence
# — and compare the article with the five corpus articles, uncertainty included. The report, a
# short critique graded by hand, is where these pieces become an argument. Nine autograded
# questions (15 points) and a written report (10 points).
#
# **预计用时 / Estimated time：5–6 小时 / 5–6 hours**（流程与代码约 3 小时，报告约 2.5 小时）。
#
# **说明**
#
# - 先运行“准备”单元。文章在同一文件夹的 `article.txt` 里；`ARTICLE.md` 说明它的来历和许可。
# - 这次可以使用课程包里**做准备工作**的函数（`clean_text`、`audit`、`tokenize`、
#   `split_sentences`、`top_k`）。第 3、6、8、9 题要你**自己实现方法**（可以复制、改写你在作业
#   二、三里写的代码）：不要调用 `beyond_traffic.claims` 的 `find_markers`、`marked_sentences`、
#   `article_profile` 或词表的 `.find`。
# - 每道方法题都有**演算示例**；检查单元告诉你演算示例算得对不对，不显示标准答案。隐藏测试会
#   在其他文本和边界情况上再检查。你的代码不能依赖这篇文章的具体内容：教师可能换一篇文章。
# - 提交前：Kernel → Restart & Run All，确认从头到尾没有报错。
#
# **自学者 / Learning alone?** 做完之后，在终端运行
# `beyond-traffic solutions ps4_capstone --notebook ps4_capstone.ipynb` 打开带讲解的参考解答；
# 报告请先用题下的自评表给自己打分。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 准备 / set-up: run this first.
import random
import re
from pathlib import Path

from beyond_traffic.claims import split_sentences
from beyond_traffic.clean import audit, clean_text
from beyond_traffic.corpus import load_corpus
from beyond_traffic.count import top_k
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, PREDICTIONS, stopwords
from beyond_traffic.segment import tokenize

ARTICLE_FILE = Path("article.txt")  # 本作业的文章（原始网页文本）/ the raw page
ARTICLES = {a.id: a.clean for a in load_corpus()}  # 五篇语料文章（已清洗）/ the five, cleaned
LEXICONS = {
    "hedge": (sorted(HEDGES), sorted(HEDGES.exceptions)),
    "certainty": (sorted(CERTAINTY), sorted(CERTAINTY.exceptions)),
    "prediction": (sorted(PREDICTIONS), sorted(PREDICTIONS.exceptions)),
    "filler": (sorted(FILLERS), sorted(FILLERS.exceptions)),
}
print(Path("ARTICLE.md").read_text(encoding="utf-8")[:400], "…")

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题 · 读入与清洗（1 分）
#
# `q1_raw`：`ARTICLE_FILE` 的全部文本（按 UTF-8 读入的字符串）。`q1_clean`：用课程的
# `clean_text` 清洗后的文本。
#
# *`q1_raw`: the page as text (UTF-8); `q1_clean`: `clean_text(q1_raw)`.*

# %% nbgrader={"grade": false, "grade_id": "q1_read_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q1_raw = None  # 换成你的答案 / replace with your answer
q1_clean = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q1_raw = ARTICLE_FILE.read_text(encoding="utf-8")
q1_clean = clean_text(q1_raw)
### END SOLUTION
print(q1_clean[:300] if q1_clean else q1_clean)

# %% nbgrader={"grade": true, "grade_id": "q1_read", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from pathlib import Path as _Path

from beyond_traffic.grading import Checker

ck = Checker("q1_read", points=1)
ck.observe("raw", lambda: q1_raw)
ck.observe("clean", lambda: q1_clean)
ck.expect_type("raw", str, zh="q1_raw 应为字符串", en="q1_raw must be a str")
ck.expect_equal("raw", _Path("article.txt").read_text(encoding="utf-8"), points=0.5,
                zh="q1_raw 不是 article.txt 的全部文本（UTF-8）", en="q1_raw is not the whole of article.txt (UTF-8)")
ck.expect_type("clean", str, zh="q1_clean 应为字符串", en="q1_clean must be a str")
### BEGIN HIDDEN TESTS
from beyond_traffic.clean import clean_text as _clean_text

ck.expect_equal("clean", _clean_text(_Path("article.txt").read_text(encoding="utf-8")), points=0.5,
                zh="q1_clean 不是 clean_text 的结果", en="q1_clean is not what clean_text returns")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题 · 审计：每一步做了什么？（1 分）
#
# `audit(q1_raw)` 逐步运行清洗流程，每一步返回一个报告（`.step` 步骤名，`.count` 改动数，
# `.removed` 删掉的片段，`.changed` 替换的片段）。`q2_steps` 是字典 `{步骤名: 改动数}`，按流程的
# 顺序。读一读每一步删掉了什么：有没有删错的？有没有该删而没删的？
#
# *`q2_steps`: `{step name: number of edits}` from `audit(q1_raw)`, in pipeline order.*

# %% nbgrader={"grade": false, "grade_id": "q2_audit_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q2_steps = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q2_steps = {report.step: report.count for report in audit(q1_raw)}
### END SOLUTION
q2_steps

# %% nbgrader={"grade": true, "grade_id": "q2_audit", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from pathlib import Path as _Path

from beyond_traffic.clean import STEPS as _STEPS
from beyond_traffic.grading import Checker

ck = Checker("q2_audit", points=1)
ck.observe("steps", lambda: q2_steps)
ck.observe("names", lambda: list(q2_steps))
ck.expect_type("steps", dict, key_type=str, value_type=int, zh="q2_steps 应为 {步骤名: 整数} 字典",
               en="q2_steps must map step names to ints")
ck.expect_equal("names", [name for name, _ in _STEPS], points=0,
                zh="键应为流程的全部步骤，按顺序", en="keys must be every step of the pipeline, in order")
### BEGIN HIDDEN TESTS
from beyond_traffic.clean import audit as _audit

ck.expect_equal("steps", {r.step: r.count for r in _audit(_Path("article.txt").read_text(encoding="utf-8"))},
                points=1, partial=True, zh="部分步骤的改动数不对", en="some counts of edits are wrong")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题 · 找出清洗漏掉的噪声（2.5 分）
#
# 清洗规则是为五篇语料写的，换一篇文章，总会有漏网之鱼。写函数 `q3_find_residue(text)`：
# 把 `text` 按 `"\n"` 分行（第一行是第 0 行），检查每一行，返回 `(行号, 原因)` 元组的列表，
# 按行号排序；同一行有几个原因就记几条，按下面的顺序：
#
# 1. `"replacement"`：这一行含有替换字符 U+FFFD（`"\ufffd"`，解码出错的痕迹）；
# 2. `"pinyin"`：含有带声调的拼音元音（āáǎà ēéěè īíǐì ōóǒò ūúǔù ǖǘǚǜ 中的任何一个）；
# 3. `"halfwidth"`：有半角标点 `,` `;` `:` `?` `!` 紧跟在一个汉字（U+4E00–U+9FFF）后面；
# 4. `"counter"`：这一行不超过 30 个字符，含有数字 0–9，并且含有“阅读”“点赞”“评论”“收藏”之一
#    （网站的计数栏）。
#
# **演算示例**：`q3_find_residue("阅读 1.2万 | 评论 8\n直播带货，(chǎn)产业\n流量之外,还有\ufffd。\n正常的一行。")`
# 返回 `[(0, "counter"), (1, "pinyin"), (2, "replacement"), (2, "halfwidth")]`。
#
# *Write `q3_find_residue(text)`: `(line number, reason)` for every line with a replacement
# character, a toned pinyin vowel, half-width punctuation after a Han character, or a site
# counter; reasons in this order.*

# %% nbgrader={"grade": false, "grade_id": "q3_residue_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q3_find_residue(text):
    """Return ``(line number, reason)`` for every line that shows noise the cleaning missed."""
    ### BEGIN SOLUTION
    toned = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
    found = []
    for number, line in enumerate(text.split("\n")):
        if "\ufffd" in line:
            found.append((number, "replacement"))
        if toned & set(line):
            found.append((number, "pinyin"))
        if re.search(r"[\u4e00-\u9fff][,;:?!]", line):
            found.append((number, "halfwidth"))
        counter_words = ("阅读", "点赞", "评论", "收藏")
        if len(line) <= 30 and re.search(r"[0-9]", line) and any(w in line for w in counter_words):
            found.append((number, "counter"))
    return found
    ### END SOLUTION


q3_find_residue("阅读 1.2万 | 评论 8\n直播带货，(chǎn)产业\n流量之外,还有\ufffd。\n正常的一行。")

# %% nbgrader={"grade": true, "grade_id": "q3_residue", "locked": true, "points": 2.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q3_residue", points=2.5)
ck.observe("demo", lambda: q3_find_residue("阅读 1.2万 | 评论 8\n直播带货，(chǎn)产业\n流量之外,还有\ufffd。\n正常的一行。"))
ck.expect_type("demo", list, item_type=tuple, zh="应返回由 (行号, 原因) 元组组成的列表",
               en="return a list of (line number, reason) tuples")
ck.expect_equal("demo", [(0, "counter"), (1, "pinyin"), (2, "replacement"), (2, "halfwidth")], points=1,
                zh="演算示例算得不对：检查原因的顺序", en="wrong on the worked example: check the order of reasons")
### BEGIN HIDDEN TESTS
import re as _re
from pathlib import Path as _Path

from beyond_traffic.clean import clean_text as _clean_text
from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.synthetic import make_article as _make_article


def _reference(text):
    found = []
    for number, line in enumerate(text.split("\n")):
        if "\ufffd" in line:
            found.append((number, "replacement"))
        if any(c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" for c in line):
            found.append((number, "pinyin"))
        if _re.search(r"[\u4e00-\u9fff][,;:?!]", line):
            found.append((number, "halfwidth"))
        if len(line) <= 30 and _re.search(r"[0-9]", line) and any(
                w in line for w in ("阅读", "点赞", "评论", "收藏")):
            found.append((number, "counter"))
    return found


def _reference_all(texts):
    return [_reference(t) for t in texts]


_planted = _clean_text(_make_article(3).noisy) + ("\n收藏 12 | 阅读 3万\n据说（lǜ）色,很好\ufffd\n"
                                                  "这一行评论很长，有数字 2020 年但是已经远远超过三十个字符了，所以不算计数栏")
_texts = [a.clean for a in _load_corpus()] + [_planted, _clean_text(_make_article(11).noisy)]
ck.observe("texts", lambda: [q3_find_residue(_t) for _t in _texts])
ck.expect_equal("texts", _reference_all(_texts), points=0.75, partial=True,
                zh="在语料文章或合成文章上结果不对", en="wrong on the corpus articles or on synthetic pages")
_mine = _clean_text(_Path("article.txt").read_text(encoding="utf-8"))
ck.observe("article", lambda: q3_find_residue(_mine))
ck.expect_equal("article", _reference(_mine), points=0.5, zh="在本作业的文章上结果不对",
                en="wrong on this assignment's article")
ck.observe("edge", lambda: [q3_find_residue(""), q3_find_residue("点赞 9\n\n评论：好")])
ck.expect_equal("edge", [[], [(0, "counter")]], points=0.25, edge=True, zh="空文本、空行或没有数字的行处理不对",
                en="wrong on empty text, empty lines or a line without digits")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题 · 去掉残留（1 分）
#
# 用你的 `q3_find_residue`，从 `q1_clean` 得到 `q4_text`：
#
# 1. 删掉被标为 `"counter"` 的整行；
# 2. 删掉每一个替换字符 U+FFFD；
# 3. 删掉每一对括号（半角或全角）连同其中的内容，如果括号里只有小写拉丁字母和带声调的元音，
#    并且至少有一个带声调的元音（即漏掉的拼音注音，例如 `（chǎn）`）；括号前紧挨着的空格也删掉。
#
# 其余一概不动。想一想：替换字符原来可能是什么？删掉它会不会改变计数？
#
# *`q4_text`: `q1_clean` without counter lines, without U+FFFD, and without leftover pinyin notes
# in parentheses (and a space right before them).*

# %% nbgrader={"grade": false, "grade_id": "q4_text_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q4_text = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
_counter_lines = {number for number, reason in q3_find_residue(q1_clean) if reason == "counter"}
_kept = [line for number, line in enumerate(q1_clean.split("\n")) if number not in _counter_lines]
q4_text = "\n".join(_kept).replace("\ufffd", "")
_toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
q4_text = re.sub(rf" ?[(（](?=[a-zü{_toned}]*[{_toned}])[a-zü{_toned}]+[)）]", "", q4_text)
### END SOLUTION
print(q3_find_residue(q4_text) if q4_text else q4_text)

# %% nbgrader={"grade": true, "grade_id": "q4_text", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q4_text", points=1)
ck.observe("text", lambda: q4_text)
ck.expect_type("text", str, zh="q4_text 应为字符串", en="q4_text must be a str")
ck.expect_true("text", lambda t: "\ufffd" not in t and not any(c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" for c in t),
               points=0, zh="还有替换字符或拼音残留", en="replacement characters or pinyin are left")
### BEGIN HIDDEN TESTS
import re as _re
from pathlib import Path as _Path

from beyond_traffic.clean import clean_text as _clean_text


def _reference(clean):
    toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
    lines = [line for line in clean.split("\n") if not (
        len(line) <= 30 and _re.search(r"[0-9]", line)
        and any(w in line for w in ("阅读", "点赞", "评论", "收藏")))]
    text = "\n".join(lines).replace("\ufffd", "")
    return _re.sub(rf" ?[(（](?=[a-zü{toned}]*[{toned}])[a-zü{toned}]+[)）]", "", text)


ck.expect_equal("text", _reference(_clean_text(_Path("article.txt").read_text(encoding="utf-8"))),
                points=1, zh="q4_text 不对：三条规则都做了吗？其余是否一概没动？",
                en="q4_text is wrong: all three rules applied, and nothing else changed?")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题 · 切句、分词、计数（1 分）
#
# `q5_sentences`：`split_sentences(q4_text)`。`q5_top10`：`q4_text` 用 `tokenize` 分词后，去掉
# `stopwords()` 和标点，出现最多的 10 个词（`top_k(tokens, 10, stopwords=stopwords())`）。
#
# *`q5_sentences`: the sentences of `q4_text`; `q5_top10`: its 10 most frequent content words.*

# %% nbgrader={"grade": false, "grade_id": "q5_count_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
q5_sentences = None  # 换成你的答案 / replace with your answer
q5_top10 = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q5_sentences = split_sentences(q4_text)
q5_top10 = top_k(tokenize(q4_text), 10, stopwords=stopwords())
### END SOLUTION
q5_top10

# %% nbgrader={"grade": true, "grade_id": "q5_count", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q5_count", points=1)
ck.observe("sentences", lambda: q5_sentences)
ck.observe("top10", lambda: q5_top10)
ck.expect_type("sentences", list, item_type=str, zh="q5_sentences 应为句子列表", en="q5_sentences must be a list of str")
ck.expect_type("top10", list, item_type=tuple, zh="q5_top10 应为 (词, 次数) 元组的列表",
               en="q5_top10 must be a list of (word, count) tuples")
ck.expect_len("top10", 10, zh="q5_top10 需要 10 项", en="q5_top10 needs 10 items")
ck.expect_true("top10", lambda t: [c for _, c in t] == sorted((c for _, c in t), reverse=True),
               points=0, zh="q5_top10 应按次数从高到低排列", en="q5_top10 must be sorted by count, highest first")
### BEGIN HIDDEN TESTS
import re as _re
from pathlib import Path as _Path

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.clean import clean_text as _clean_text
from beyond_traffic.count import top_k as _top_k
from beyond_traffic.lexicons import stopwords as _stopwords
from beyond_traffic.segment import tokenize as _tokenize


def _final_text():
    toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
    clean = _clean_text(_Path("article.txt").read_text(encoding="utf-8"))
    lines = [line for line in clean.split("\n") if not (
        len(line) <= 30 and _re.search(r"[0-9]", line)
        and any(w in line for w in ("阅读", "点赞", "评论", "收藏")))]
    text = "\n".join(lines).replace("\ufffd", "")
    return _re.sub(rf" ?[(（](?=[a-zü{toned}]*[{toned}])[a-zü{toned}]+[)）]", "", text)


ck.expect_equal("sentences", _split(_final_text()), points=0.5, partial=True,
                zh="句子不对", en="the sentences are wrong")
ck.expect_equal("top10", _top_k(_tokenize(_final_text()), 10, stopwords=_stopwords()), points=0.5,
                partial=True, zh="高频词或次数不对", en="words or counts are wrong")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题 · 带区间的标记频率（3 分）
#
# 写函数 `q6_marker_rates(sentences, lexicons, n_boot, seed)`（`lexicons` 同 `LEXICONS` 的格式）。
# 对每个类型（按 `lexicons` 的顺序）返回
# `{"count": 次数, "per_1000": 每千字频率, "low": 下界, "high": 上界}`：
#
# - 标记用“最长优先”规则查找（作业三第 1 题：在每个位置把词和例外按长度从长到短试，例外跳过
#   不记，词记录，都不匹配就前进一个字符）；汉字为 U+4E00–U+9FFF 和 U+3400–U+4DBF；
#   `count` 是全部句子的标记总数，`per_1000 = 1000 * count / 汉字总数`（没有汉字时 `0.0`）。
# - `low`、`high` 是句子自助法区间（作业二第 6 题的步骤）：**每个类型都新建**
#   `rng = random.Random(seed)`；重复 `n_boot` 次，用 `rng.randrange(n)` 连续抽 `n` 个句子下标，
#   频率为 `1000 * 标记数之和 / 汉字数之和`（汉字数为 0 时记 `0.0`）；排序后取第 `n_boot // 40` 个
#   和第 `n_boot - 1 - n_boot // 40` 个。没有句子时四个值都是 0（`count` 为整数 0，其余为 `0.0`）。
#
# **演算示例**：
# `q6_marker_rates(["它或许将会消失。", "B端必然如此！", "没有标记。"], {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])}, 40, 1)`
# 返回 `{"hedge": {"count": 1, "per_1000": 62.5, "low": 0.0, "high": 111.11…},
# "certainty": {"count": 2, "per_1000": 125.0, "low": 66.66…, "high": 176.47…}}`。
#
# *Write `q6_marker_rates(sentences, lexicons, n_boot, seed)`: for each kind, the count, the rate
# per 1,000 Han characters and its sentence-bootstrap interval (a fresh `random.Random(seed)` per
# kind).*

# %% nbgrader={"grade": false, "grade_id": "q6_rates_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q6_marker_rates(sentences, lexicons, n_boot, seed):
    """Return {kind: {"count", "per_1000", "low", "high"}} for the sentences."""
    ### BEGIN SOLUTION
    def find_terms(sentence, terms, exceptions):
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

    n = len(sentences)
    chars = [len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    result = {}
    for kind, (terms, exceptions) in lexicons.items():
        if n == 0:
            result[kind] = {"count": 0, "per_1000": 0.0, "low": 0.0, "high": 0.0}
            continue
        counts = [len(find_terms(s, terms, exceptions)) for s in sentences]
        total = sum(chars)
        rng = random.Random(seed)
        rates = []
        for _ in range(n_boot):
            picks = [rng.randrange(n) for _ in range(n)]
            h = sum(chars[i] for i in picks)
            rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
        rates.sort()
        cut = n_boot // 40
        result[kind] = {
            "count": sum(counts),
            "per_1000": 1000 * sum(counts) / total if total else 0.0,
            "low": rates[cut],
            "high": rates[n_boot - 1 - cut],
        }
    return result
    ### END SOLUTION


q6_marker_rates(["它或许将会消失。", "B端必然如此！", "没有标记。"],
                {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])}, 40, 1)

# %% nbgrader={"grade": true, "grade_id": "q6_rates", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q6_rates", points=3)
ck.observe("demo", lambda: q6_marker_rates(["它或许将会消失。", "B端必然如此！", "没有标记。"],
                                           {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])}, 40, 1))
ck.expect_type("demo", dict, key_type=str, value_type=dict, zh="应返回 {类型: {...}} 字典",
               en="return a dict {kind: {...}}")
ck.expect_equal("demo", {"hedge": {"count": 1, "per_1000": 62.5, "low": 0.0, "high": 1000 / 9},
                         "certainty": {"count": 2, "per_1000": 125.0, "low": 1000 / 15, "high": 3000 / 17}},
                tol=1e-9, points=1, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import HEDGES as _hedges


def _reference(sentences, lexicons, n_boot, seed):
    def find(sentence, terms, exceptions):
        candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
        n_found, i = 0, 0
        while i < len(sentence):
            for candidate in candidates:
                if candidate and sentence.startswith(candidate, i):
                    n_found += candidate not in exceptions
                    i += len(candidate)
                    break
            else:
                i += 1
        return n_found

    n = len(sentences)
    chars = [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    out = {}
    for kind, (terms, exceptions) in lexicons.items():
        if n == 0:
            out[kind] = {"count": 0, "per_1000": 0.0, "low": 0.0, "high": 0.0}
            continue
        counts = [find(s, terms, exceptions) for s in sentences]
        rng = _random.Random(seed)
        rates = []
        for _ in range(n_boot):
            picks = [rng.randrange(n) for _ in range(n)]
            h = sum(chars[i] for i in picks)
            rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
        rates.sort()
        out[kind] = {"count": sum(counts), "per_1000": 1000 * sum(counts) / sum(chars) if sum(chars) else 0.0,
                     "low": rates[n_boot // 40], "high": rates[n_boot - 1 - n_boot // 40]}
    return out


_lex = {"hedge": (sorted(_hedges), sorted(_hedges.exceptions)),
        "certainty": (sorted(_certainty), sorted(_certainty.exceptions))}
_a4 = _split(_get_article("A4").clean)
ck.observe("a4", lambda: q6_marker_rates(_a4, _lex, 300, 9))
ck.expect_equal("a4", _reference(_a4, _lex, 300, 9), tol=1e-9, points=1,
                zh="在 A4 上（300 次、种子 9）结果不对", en="wrong on A4 (300 resamples, seed 9)")
ck.observe("edge", lambda: q6_marker_rates([], {"hedge": (["或许"], [])}, 40, 0))
ck.expect_equal("edge", {"hedge": {"count": 0, "per_1000": 0.0, "low": 0.0, "high": 0.0}}, points=0.5, edge=True,
                zh="没有句子时不对", en="wrong with no sentences")
_one = ["或许。", "也许！"]
ck.observe("fresh_rng", lambda: q6_marker_rates(_one, {"a": (["或许"], []), "b": (["也许"], [])}, 80, 4))
ck.expect_equal("fresh_rng", _reference(_one, {"a": (["或许"], []), "b": (["也许"], [])}, 80, 4),
                tol=1e-9, points=0.5, zh="每个类型都应新建 random.Random(seed)",
                en="each kind needs a fresh random.Random(seed)")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题 · 和五篇语料比一比（2 分）
#
# 用你的 `q6_marker_rates`（`LEXICONS`，`n_boot=500`，`seed=2020`）：
#
# - `q7_rates`：字典，键为 `"C"`（本作业的文章，句子为 `q5_sentences`）和 `"A1"`…`"A5"`
#   （句子为 `split_sentences(ARTICLES[编号])`），值为 `q6_marker_rates` 的结果。
# - `q7_diffs` 与 `q7_different`：本文和每篇语料文章的模糊限制语、确定性标记频率之**差**的
#   区间，以及差值区间不含 0 的文章（具体规定见答题格里的注释）。两个区间重叠，并不说明没有
#   差别；一篇文章和五篇比、两个类型共十次比较，偶然“不含 0”的机会也多了（多重比较）。
#
# *`q7_rates`: your rates with intervals for this article ("C") and A1–A5; `q7_diffs` and
# `q7_different`: the interval of the difference between this article's rate and each corpus
# article's, for hedges and certainty, and the ids whose difference interval excludes 0 (the exact
# steps are in the answer cell). Overlapping intervals do not show that two rates are the same;
# with ten comparisons, some may exclude 0 by chance.*

# %% nbgrader={"grade": false, "grade_id": "q7_compare_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# 两个区间重叠，并不说明两篇文章没有差别：要比较，就算**差值**的区间（作业三第 6 题的方法）。
# Overlapping intervals do not show that two rates are the same: compute the interval of the
# difference, as in problem set 3, question 6.
#
# - q7_diffs：键为 "hedge" 和 "certainty"，值为字典 {编号: (下界, 上界)}，A1…A5 各一项：
#   本文（"C"，句子为 q5_sentences）的频率减去该文章（句子为 split_sentences(ARTICLES[编号])）
#   的频率的差值区间，严格按下面的步骤：
#   1. 每个句子的标记数用 LEXICONS[类型] 计（与第 6 题相同），汉字数同第 6 题；
#   2. 每个（类型, 文章）新建 rng = random.Random(2020)；
#   3. 重复 500 次：先用 rng.randrange(n_C) 连续抽 n_C 个本文句子的下标，再用
#      rng.randrange(n_A) 连续抽 n_A 个该文章句子的下标；两边分别算
#      1000 * 标记数 / 汉字数（汉字数为 0 时记 0.0），记下差 本文 - 该文章；
#   4. 差从小到大排序，cut = 500 // 40，取 (第 cut 个, 第 500 - 1 - cut 个)。
# - q7_different：同样两个键，值为差值区间不含 0 的文章编号，排好序的列表。一篇文章和五篇
#   比、两个类型一共十次比较：偶然“不含 0”的机会也随之变多（多重比较）。
#
# q7_diffs: for hedges and certainty, {id: (low, high)}: the interval of C's rate minus the
# article's, per (kind, article) a fresh random.Random(2020); 500 times: n_C indices of C with
# rng.randrange(n_C), then n_A of the article; sort; cut = 500 // 40. q7_different: the sorted
# ids whose interval excludes 0 (ten comparisons: some may do so by chance).
q7_rates = None  # 换成你的答案 / replace with your answer
q7_diffs = None  # 换成你的答案 / replace with your answer
q7_different = None  # 换成你的答案 / replace with your answer
### BEGIN SOLUTION
q7_rates = {"C": q6_marker_rates(q5_sentences, LEXICONS, 500, 2020)}
for _aid, _text in ARTICLES.items():
    q7_rates[_aid] = q6_marker_rates(split_sentences(_text), LEXICONS, 500, 2020)


def _counts(sentences, kind):
    marks = [q6_marker_rates([s], {kind: LEXICONS[kind]}, 1, 0)[kind]["count"] for s in sentences]
    han = [len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    return marks, han


def _diff_interval(first, second, kind, n_boot=500, seed=2020):
    (ma, ha), (mb, hb) = _counts(first, kind), _counts(second, kind)
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        pa = [rng.randrange(len(ma)) for _ in range(len(ma))]
        pb = [rng.randrange(len(mb)) for _ in range(len(mb))]
        ca, cb = sum(ha[i] for i in pa), sum(hb[i] for i in pb)
        rate_a = 1000 * sum(ma[i] for i in pa) / ca if ca else 0.0
        rate_b = 1000 * sum(mb[i] for i in pb) / cb if cb else 0.0
        diffs.append(rate_a - rate_b)
    diffs.sort()
    cut = n_boot // 40
    return (diffs[cut], diffs[n_boot - 1 - cut])


q7_diffs = {
    _kind: {_aid: _diff_interval(q5_sentences, split_sentences(_text), _kind)
            for _aid, _text in ARTICLES.items()}
    for _kind in ("hedge", "certainty")
}
q7_different = {
    _kind: sorted(_aid for _aid, (_lo, _hi) in q7_diffs[_kind].items() if _lo > 0 or _hi < 0)
    for _kind in q7_diffs
}
### END SOLUTION
q7_diffs, q7_different

# %% nbgrader={"grade": true, "grade_id": "q7_compare", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q7_compare", points=2)
ck.observe("rates", lambda: q7_rates)
ck.observe("diffs", lambda: q7_diffs)
ck.observe("different", lambda: q7_different)
ck.expect_type("rates", dict, key_type=str, value_type=dict, zh="q7_rates 应为字典", en="q7_rates must be a dict")
ck.expect_true("rates", lambda d: sorted(d) == ["A1", "A2", "A3", "A4", "A5", "C"]
               and all(v["hedge"]["low"] <= v["hedge"]["high"] for v in d.values()), points=0,
               zh="键应为 C 和 A1…A5，区间下界不大于上界", en="keys C and A1 … A5, low <= high")
ck.expect_type("diffs", dict, key_type=str, value_type=dict, zh="q7_diffs 应为 {类型: {编号: 区间}} 字典",
               en="q7_diffs must map kinds to {id: interval}")
ck.expect_true("diffs", lambda d: sorted(d) == ["certainty", "hedge"]
               and all(sorted(v) == ["A1", "A2", "A3", "A4", "A5"] for v in d.values()), points=0,
               zh="键应为 hedge 和 certainty，每个类型下为 A1…A5", en="keys hedge and certainty, then A1 … A5")
ck.expect_type("different", dict, key_type=str, value_type=list, zh="q7_different 应为 {类型: 列表} 字典",
               en="q7_different must map kinds to lists")
### BEGIN HIDDEN TESTS
import random as _random
import re as _re
from pathlib import Path as _Path

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.clean import clean_text as _clean_text
from beyond_traffic.corpus import load_corpus as _load_corpus
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import FILLERS as _fillers
from beyond_traffic.lexicons import HEDGES as _hedges
from beyond_traffic.lexicons import PREDICTIONS as _predictions


def _find(sentence, terms, exceptions):
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    n_found, i = 0, 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                n_found += candidate not in exceptions
                i += len(candidate)
                break
        else:
            i += 1
    return n_found


def _han(sentence):
    return len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", sentence))


def _diff(first, second, lex):
    ma, ha = [_find(s, sorted(lex), sorted(lex.exceptions)) for s in first], [_han(s) for s in first]
    mb, hb = [_find(s, sorted(lex), sorted(lex.exceptions)) for s in second], [_han(s) for s in second]
    rng = _random.Random(2020)
    diffs = []
    for _ in range(500):
        pa = [rng.randrange(len(ma)) for _ in range(len(ma))]
        pb = [rng.randrange(len(mb)) for _ in range(len(mb))]
        ca, cb = sum(ha[i] for i in pa), sum(hb[i] for i in pb)
        diffs.append((1000 * sum(ma[i] for i in pa) / ca if ca else 0.0)
                     - (1000 * sum(mb[i] for i in pb) / cb if cb else 0.0))
    diffs.sort()
    return (diffs[12], diffs[487])


def _rates(sentences):
    find = _find
    n = len(sentences)
    chars = [len(_re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", s)) for s in sentences]
    out = {}
    for kind, lex in (("hedge", _hedges), ("certainty", _certainty), ("prediction", _predictions),
                      ("filler", _fillers)):
        counts = [find(s, sorted(lex), sorted(lex.exceptions)) for s in sentences]
        rng = _random.Random(2020)
        rates = []
        for _ in range(500):
            picks = [rng.randrange(n) for _ in range(n)]
            h = sum(chars[i] for i in picks)
            rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
        rates.sort()
        out[kind] = {"count": sum(counts), "per_1000": 1000 * sum(counts) / sum(chars),
                     "low": rates[12], "high": rates[487]}
    return out


def _final_sentences():
    toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
    clean = _clean_text(_Path("article.txt").read_text(encoding="utf-8"))
    lines = [line for line in clean.split("\n") if not (
        len(line) <= 30 and _re.search(r"[0-9]", line)
        and any(w in line for w in ("阅读", "点赞", "评论", "收藏")))]
    text = "\n".join(lines).replace("\ufffd", "")
    return _split(_re.sub(rf" ?[(（](?=[a-zü{toned}]*[{toned}])[a-zü{toned}]+[)）]", "", text))


_want = {"C": _rates(_final_sentences()), **{a.id: _rates(_split(a.clean)) for a in _load_corpus()}}
ck.expect_equal("rates", _want, tol=1e-9, points=1, partial=True, zh="部分频率或区间不对",
                en="some rates or intervals are wrong")
_mine = _final_sentences()
_want_diffs = {k: {a.id: _diff(_mine, _split(a.clean), lex) for a in _load_corpus()}
               for k, lex in (("hedge", _hedges), ("certainty", _certainty))}
ck.expect_equal("diffs", _want_diffs, tol=1e-9, points=0.5, partial=True,
                zh="部分差值区间不对", en="some difference intervals are wrong")
ck.expect_equal("different", {k: sorted(a for a, (lo, hi) in v.items() if lo > 0 or hi < 0)
                              for k, v in _want_diffs.items()}, points=0.5,
                zh="差值区间不含 0 的文章不对", en="wrong articles whose difference interval excludes 0")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题 · 哪些句子在下论断？（2 分）
#
# 写函数 `q8_claim_sentences(sentences, lexicons)`：对每个至少含一个标记的句子（任何类型，
# “最长优先”规则，同第 6 题），返回 `(句子下标, 句子, 含有的类型)`，其中“含有的类型”是排好序的
# 类型名列表；没有标记的句子不返回。按句子顺序。
#
# **演算示例**：`q8_claim_sentences(["它或许将会消失。", "没有标记。", "B端必然如此！"], {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])})`
# 返回 `[(0, "它或许将会消失。", ["certainty", "hedge"]), (2, "B端必然如此！", ["certainty"])]`。
#
# *Write `q8_claim_sentences(sentences, lexicons)`: `(index, sentence, sorted kinds)` for every
# sentence with at least one marker.*

# %% nbgrader={"grade": false, "grade_id": "q8_claims_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q8_claim_sentences(sentences, lexicons):
    """Return ``(index, sentence, sorted kinds)`` for every sentence with a marker."""
    ### BEGIN SOLUTION
    def has_term(sentence, terms, exceptions):
        candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
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

    found = []
    for index, sentence in enumerate(sentences):
        kinds = sorted(k for k, (terms, exc) in lexicons.items() if has_term(sentence, terms, exc))
        if kinds:
            found.append((index, sentence, kinds))
    return found
    ### END SOLUTION


q8_claim_sentences(["它或许将会消失。", "没有标记。", "B端必然如此！"],
                   {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])})

# %% nbgrader={"grade": true, "grade_id": "q8_claims", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q8_claims", points=2)
ck.observe("demo", lambda: q8_claim_sentences(["它或许将会消失。", "没有标记。", "B端必然如此！"],
                                              {"hedge": (["或许"], []), "certainty": (["必然", "将会"], [])}))
ck.expect_type("demo", list, item_type=tuple, zh="应返回元组的列表", en="return a list of tuples")
ck.expect_equal("demo", [(0, "它或许将会消失。", ["certainty", "hedge"]), (2, "B端必然如此！", ["certainty"])],
                points=0.75, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article
from beyond_traffic.lexicons import CERTAINTY as _certainty
from beyond_traffic.lexicons import HEDGES as _hedges
from beyond_traffic.lexicons import PREDICTIONS as _predictions


def _reference(sentences, lexicons):
    def count(sentence, terms, exceptions):
        candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
        n_found, i = 0, 0
        while i < len(sentence):
            for candidate in candidates:
                if candidate and sentence.startswith(candidate, i):
                    n_found += candidate not in exceptions
                    i += len(candidate)
                    break
            else:
                i += 1
        return n_found

    out = []
    for index, sentence in enumerate(sentences):
        kinds = sorted(k for k, (terms, exc) in lexicons.items() if count(sentence, terms, exc))
        if kinds:
            out.append((index, sentence, kinds))
    return out


_lex = {name: (sorted(lex), sorted(lex.exceptions))
        for name, lex in (("hedge", _hedges), ("certainty", _certainty), ("prediction", _predictions))}
_a2 = _split(_get_article("A2").clean)
ck.observe("a2", lambda: q8_claim_sentences(_a2, _lex))
ck.expect_equal("a2", _reference(_a2, _lex), points=0.75, partial=True,
                zh="在 A2 上结果不对", en="wrong on A2")
ck.observe("edge", lambda: [q8_claim_sentences([], _lex), q8_claim_sentences(["不一定。"], {"c": (["一定"], ["不一定"])})])
ck.expect_equal("edge", [[], []], points=0.5, edge=True, zh="没有句子或只有例外时不对",
                en="wrong with no sentences or only an exception")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q9_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题 · 哪些句子在给证据？（1.5 分）
#
# 写函数 `q9_evidence(sentences, cues)`：返回 `(句子下标, 句子)` 的列表，句子至少满足一条：
# 含有数字 0–9，或含有 `cues` 中的任何一个词（按子串）。按句子顺序。然后用下面的 `CUES`
# 读一读本文的证据句：每个数字是谁说的？能不能核实？哪些句子被误找了（例如“据此认为”
# 并不是引用来源）？
#
# **演算示例**：`q9_evidence(["据统计，销量超过3亿双。", "这是一个判断。", "他告诉笔者：很难。", "2021年是转折点。"], ["据", "统计", "告诉"])`
# 返回 `[(0, "据统计，销量超过3亿双。"), (2, "他告诉笔者：很难。"), (3, "2021年是转折点。")]`。
#
# *Write `q9_evidence(sentences, cues)`: `(index, sentence)` for sentences with a digit or any cue.*

# %% nbgrader={"grade": false, "grade_id": "q9_cues", "locked": true, "schema_version": 3, "solution": false, "task": false}
CUES = ["据", "显示", "统计", "报告", "告诉", "数据"]

# %% nbgrader={"grade": false, "grade_id": "q9_evidence_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def q9_evidence(sentences, cues):
    """Return ``(index, sentence)`` for sentences with a digit or one of ``cues``."""
    ### BEGIN SOLUTION
    return [
        (index, sentence)
        for index, sentence in enumerate(sentences)
        if re.search(r"[0-9]", sentence) or any(cue in sentence for cue in cues)
    ]
    ### END SOLUTION


q9_evidence(["据统计，销量超过3亿双。", "这是一个判断。", "他告诉笔者：很难。", "2021年是转折点。"], ["据", "统计", "告诉"])

# %% nbgrader={"grade": true, "grade_id": "q9_evidence", "locked": true, "points": 1.5, "schema_version": 3, "solution": false, "task": false}
from beyond_traffic.grading import Checker

ck = Checker("q9_evidence", points=1.5)
ck.observe("demo", lambda: q9_evidence(["据统计，销量超过3亿双。", "这是一个判断。", "他告诉笔者：很难。", "2021年是转折点。"],
                                       ["据", "统计", "告诉"]))
ck.expect_type("demo", list, item_type=tuple, zh="应返回元组的列表", en="return a list of tuples")
ck.expect_equal("demo", [(0, "据统计，销量超过3亿双。"), (2, "他告诉笔者：很难。"), (3, "2021年是转折点。")],
                points=0.5, zh="演算示例算得不对", en="wrong on the worked example")
### BEGIN HIDDEN TESTS
import re as _re

from beyond_traffic.claims import split_sentences as _split
from beyond_traffic.corpus import get_article as _get_article


def _reference(sentences, cues):
    return [(i, s) for i, s in enumerate(sentences) if _re.search(r"[0-9]", s) or any(c in s for c in cues)]


_a3 = _split(_get_article("A3").clean)
_cues = ["据", "显示", "统计", "报告", "告诉", "数据"]
ck.observe("a3", lambda: q9_evidence(_a3, _cues))
ck.expect_equal("a3", _reference(_a3, _cues), points=0.5, partial=True, zh="在 A3 上结果不对", en="wrong on A3")
ck.observe("edge", lambda: [q9_evidence([], _cues), q9_evidence(["三成左右。", "二〇二一年。"], [])])
ck.expect_equal("edge", [[], []], points=0.5, edge=True, zh="没有句子或只有汉字数字时不对",
                en="wrong with no sentences or with Chinese numerals only")
### END HIDDEN TESTS
ck.report()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q10_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 10 题 · 报告：这篇文章说了什么，说得有多可靠？（书面题，10 分，人工评分）
#
# 写一份 500–800 字的批判性报告（中文或英文），读者是没有读过这篇文章的同学。要包括：
#
# 1. **论证**：文章的结论和 2–3 个主要前提，每个都用一字不差的原文引用锚定（用直角引号
#    括起原文）；至少一个隐含前提。
# 2. **证据与来源**：文章的数字和说法来自谁（第 9 题）？哪些能核实，哪些只是转述利益相关方
#    的说法？文章里有没有另一种声音（例如服务商的自我介绍）？
# 3. **确定性**：它的模糊限制语、确定性和预测标记（第 6、8 题）——哪些是对现在的描述，哪些是
#    对未来的预测？和五篇语料相比（第 7 题），哪些差别大于不确定性，哪些不是？
# 4. **数据从哪里来**：清洗和审计改了什么、漏了什么（第 2–4 题），会不会影响你的数字？
# 5. **方法的局限**：你的标记、计数和区间在这里不能告诉读者什么？
#
# **评分标准 / Rubric**
#
# | 维度 Criterion | 分值 Points | 满分的表现 Full marks | 其他等级 Other levels |
# |---|---|---|---|
# | 论证 Argument | 2 | 结论与前提准确、有一字不差的引文，指出至少一个隐含前提 | 1.5：结论与前提准确、有引文，但隐含前提不合理或没说明为什么需要；1：结论准确，但前提不完整或缺少引文；0.5：只复述了文章大意；0：没有重建论证 |
# | 证据与来源 Evidence and sources | 2 | 逐一说明主要数字和说法的来源及可核实性，识别另一种声音，不把转述当成独立证据 | 1.5：说明了大多数来源，但漏掉另一种声音，或个别转述被当成独立证据；1：只说明了一部分来源；0.5：提到来源，但没有说可核实性；0：没有谈证据的来源 |
# | 确定性与不确定性 Certainty, with uncertainty | 2 | 正确使用本笔记本算出的频率、区间和论断句，区分描述与预测；用差值的区间判断两篇文章的差别（差值区间不含 0 才说有差别），不把两个区间重叠当作“没有差别” | 1.5：数字和区间用得正确，但没有区分描述与预测，或没有用差值的区间；1：有数字，但把区间内的差别说成了差别，或把区间重叠说成“一样”；0.5：只有频率，没有区间；0：没有用算出的结果 |
# | 数据来历 Data provenance | 1 | 说明清洗/审计做了什么、残留是什么，以及它们对计数的影响（或为什么没有影响） | 0.5：提到了清洗或残留，但没说对计数的影响；0：没有谈数据来历 |
# | 方法的局限 Limits of the method | 2 | 至少两条具体的局限（如：词表未在此文上验证；“据”的误找；单篇短文的区间很宽；虚构或替换的文章），并说明它们怎样限制结论 | 1.5：两条具体的局限，但只有一条说明了它怎样限制结论；1：局限正确但笼统，没说它们怎样限制结论；0.5：只有一条笼统的局限；0：没有谈局限 |
# | 表达 Writing | 1 | 结构清楚，读者不看笔记本也能跟上；引文与判断分开 | 0.5：能读懂，但读者需要笔记本才能跟上；0：难以读懂 |
#
# 0 分：空白或与题目无关。没有任何原文引用的，“论证”一项最多 1 分。
#
# **自评表 / Self-assessment**（交之前对照检查；自学者先自评再看示范答案）
#
# - [ ] 结论和前提都有一字不差的引文，我写出了一个隐含前提。
# - [ ] 每个主要数字我都说了是谁说的、能不能核实。
# - [ ] 我用差值的区间判断差别：差值区间不含 0 才说有差别；两个区间重叠不说明没有差别。
# - [ ] 我区分了描述和预测。
# - [ ] 我说明了清洗漏掉了什么，以及它对数字有没有影响。
# - [ ] 我写了至少两条方法的局限，并说明它们怎样限制我的结论。

# %%
# 探索（不计分）/ explore (not graded): change this cell as you like.
for index, sentence, kinds in (q8_claim_sentences(q5_sentences or [], LEXICONS) or []):
    print(index, kinds, sentence)
print("---")
for index, sentence in (q9_evidence(q5_sentences or [], CUES) or []):
    print(index, sentence)

# %% [markdown] nbgrader={"grade": true, "grade_id": "q10_report", "locked": false, "points": 10, "schema_version": 3, "solution": true, "task": false}
# 示范答案与评分说明见 `instructors/exemplars/ps4_capstone_q10_report.md`（优秀、合格、不足三个
# 水平的报告，每项得分及理由；它们针对课程自带的文章，换了文章要重写）。评分时先读那三份报告
# 校准，再按上面的评分标准打分。

# %% [markdown] nbgrader={"grade": false, "grade_id": "outro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 提交前：Kernel → Restart & Run All，确认没有报错，并检查第 10 题已经作答。
