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
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 第 06 课　论断与批判：说得多肯定，凭什么
#
# **Abstract.** This lesson turns the counting tools of lessons 02–05 on the articles' claims.
# We distinguish claim types (factual, evaluative, predictive, prescriptive) and measure, per
# article, certainty markers (必然, 无疑, 将会 …) against hedges (或许, 可能 …) with
# `claims.profiles_table`. We pull out predictions stated as certainties, and ask what evidence
# stands behind them: evidence markers are almost absent outside A3, and A3's evidence comes
# from the party it praises. We count filler (方式和方法, 仅仅只是) and long repeated phrases,
# set contradictory sentences side by side, within and across articles, and compare genre
# features (op-ed, advocacy, an embedded sales pitch). Every number and quotation is produced
# by code; marker lexicons are aids to reading, and the lesson shows where they fail.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 区分四类论断：事实、评价、预测、主张（应然）；
# 2. 用 `claims.find_markers`、`marked_sentences` 和 `profiles_table` 度量每篇文章的
#    确定性与模糊限制（hedging），并解释每千字密度；
# 3. 找出"把预测说成定论"的句子；
# 4. 评估证据：有没有、从哪里来、提供者是否利益相关；
# 5. 用计数说明填充语和重复，把互相矛盾的句子并排引出；
# 6. 用可计算的特征比较文体：评论、倡导、夹在评论里的推销。
#
# 术语（模糊限制语、确定性标记、证据标记、填充语）见 `course/glossary.md`。

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.claims import (
    find_evidence,
    find_markers,
    find_sentences,
    marked_sentences,
    profiles_table,
    split_sentences,
)
from beyond_traffic.compare import frequency_table
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.count import char_ngrams, count_phrase, kwic, rate_per_1000_chars, top_k
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, PREDICTIONS
from beyond_traffic.viz import bar_chart, use_course_font

use_course_font()
pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
句子 = {a.id: split_sentences(a.clean) for a in corpus}


找句子 = find_sentences  # 第 01 课的工具：文章中所有包含关键词的句子


def 引用(article_id: str, needle: str) -> None:
    found = 找句子(article_id, needle)
    print(f"{article_id}：{found[0] if found else '（没有找到「' + needle + '」）'}")


# %% [markdown]
# ## 1. 论断的四种类型
#
# 批判性阅读先问：这句话是在**做什么**？
#
# | 类型 | 在说什么 | 怎样检验 |
# |---|---|---|
# | 事实 factual | 世界是什么样的（数字、事件） | 有没有来源？来源可靠吗？ |
# | 评价 evaluative | 好不好、重不重要 | 标准是什么？ |
# | 预测 predictive | 将来会怎样 | 依据是什么？有多大把握？ |
# | 主张 prescriptive | 应该怎么做 | 目标是什么？代价呢？ |
#
# 下面每类各取一句（用关键词定位），再用 `find_markers` 看看课程的标记词典在句子里找到了
# 什么：预测标记、模糊限制、确定性标记、证据标记、填充语。

# %%
例句 = {
    "事实": ("A3", "持续8个季度翻倍增长"),
    "评价": ("A2", "变成了一场闹剧"),
    "预测": ("A2", "最终将会退出历史舞台"),
    "主张": ("A5", "抛弃流量思维"),
}
for 类型, (aid, needle) in 例句.items():
    s = 找句子(aid, needle)[0]
    标记 = {k: v for k, v in find_markers(s).items() if v}
    print(f"【{类型}】{aid}：{s}\n    标记 / markers: {标记 or '（无）'}\n")

# %% [markdown]
# 对照每句找到的标记。课程的词典里有证据、预测、确定、模糊、填充五类标记，却没有"评价"
# 和"主张"这两类：评价和主张藏在"闹剧""才是……方向"这样的措辞里。标记词典能帮我们找句子，
# 但判断一句话属于哪类，最终要靠阅读。
#
# ### 动手试试 / Your turn 1
#
# 下面这句来自 A3。它主要是哪一类论断？把选项字母写进 `论断类型`：
# A. 事实　B. 评价　C. 预测　D. 主张

# %%
引用("A3", "目标GMV已经调至")

# %%
论断类型 = None  # 例如 "B"

# %%
_ = selfcheck.check_choice(
    论断类型,
    expected="A",
    options=["A", "B", "C", "D"],
    name="论断类型",
    hint_zh="这句话报告了一个数字，还说明了出处（据……报道）",
    hint_en="the sentence reports a figure and names where it comes from",
)

# %% [markdown]
# ## 2. 确定性与模糊限制
#
# **确定性标记**（certainty markers：必然、无疑、显然、一定、将会……）提高作者对论断的承诺；
# **模糊限制语**（hedges：或许、可能、似乎……）降低承诺。`profiles_table()` 按句子统计每篇
# 文章两类标记的个数，并换算成**每千字**密度（每 1000 个汉字出现几次），这样长短不同的
# 文章才能比较。

# %%
画像 = profiles_table()
画像[
    ["sentences", "han_chars", "hedges", "certainty", "hedges_per_1000", "certainty_per_1000"]
].round(2)

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3))
bar_chart(画像["certainty_per_1000"], ax=axes[0], title="确定性标记 / 每千字", top=None)
bar_chart(画像["hedges_per_1000"], ax=axes[1], title="模糊限制语 / 每千字", top=None)
fig.tight_layout()
plt.show()

# %%
print("确定性密度最高 / most certain:", 画像["certainty_per_1000"].idxmax())
print("模糊限制密度最高 / most hedged:", 画像["hedges_per_1000"].idxmax())
print(
    "确定性多于模糊限制的文章 / certainty > hedges:",
    list(画像.index[画像["certainty"] > 画像["hedges"]]),
)

# %% [markdown]
# 各篇最常用的确定性标记和模糊限制语是哪些？（`Lexicon.find` 返回句子里出现的所有标记词。）

# %%
for a in corpus:
    print(
        a.id,
        "确定 / certainty:",
        top_k(CERTAINTY.find(a.clean), 3),
        "| 模糊 / hedge:",
        top_k(HEDGES.find(a.clean), 3),
    )

# %% [markdown]
# 有趣的是同一句话里**既**肯定**又**含糊的情形，例如"或许将会"。这样的句子在说什么——
# 作者到底有多确定？

# %%
for a in corpus:
    两者 = [s for s in 句子[a.id] if HEDGES.find(s) and CERTAINTY.find(s)]
    print(a.id, "既确定又含糊的句子 / both:", len(两者))
    for s in 两者[:2]:
        print("   ·", s)

# %% [markdown]
# ### 动手试试 / Your turn 2
#
# 按**确定性标记每千字密度**从高到低，给五篇文章排序。把编号按顺序放进列表
# `确定性排序`，例如 `["A1", "A2", "A3", "A4", "A5"]`。提示：`画像.sort_values(...)`。

# %%
确定性排序 = None

# %%
_ = selfcheck.check_tokens(
    确定性排序,
    expected=list(画像["certainty_per_1000"].sort_values(ascending=False).index),
    name="确定性排序",
    hint_zh="用 画像['certainty_per_1000'].sort_values(ascending=False)",
    hint_en="use 画像['certainty_per_1000'].sort_values(ascending=False)",
)

# %% [markdown]
# ## 3. 把预测说成定论
#
# 预测本身没有错；问题在于**把预测说成定论**。`lexicons.PREDICTIONS` 是谈论将来的标记：
# 有的同时是确定性标记（必然、终将、将会……），有的同时是模糊限制语（或将、有望）。下面把
# 每篇文章的预测标记分成这两组：


# %%
def 预测分组(text: str) -> dict[str, int]:
    found = PREDICTIONS.find(text)
    return {
        "预测标记 / predictions": len(found),
        "其中确定 / certain": sum(w in CERTAINTY for w in found),
        "其中含糊 / hedged": sum(w in HEDGES for w in found),
    }


预测表 = pd.DataFrame({a.id: 预测分组(a.clean) for a in corpus}).T
预测表

# %% [markdown]
# 看看预测标记最多的那篇文章里的预测句（`marked_sentences(text, "prediction")`），每句
# 后面列出它的预测标记：

# %%
最多 = 预测表["预测标记 / predictions"].idxmax()
print("预测标记最多 / most predictions:", 最多, "\n")
for s in marked_sentences(get_article(最多).clean, "prediction"):
    print("·", s, "→", PREDICTIONS.find(s))

# %% [markdown]
# 标记词典按字面匹配，也会出错。例如"最终将会"里藏着"终将"两个字，而它的意思是
# "最终 + 将会"。下面检查词典在含"最终将"的句子里找到了什么：

# %%
for a in corpus:
    for s in 找句子(a.id, "最终将"):
        print(
            a.id,
            "…" + s[s.index("最终将") - 6 : s.index("最终将") + 8] + "…",
            "→",
            PREDICTIONS.find(s),
        )

# %% [markdown]
# 如果上面的列表里出现了"终将"，那就是一次误算：次数仍然有用，但要知道它们是近似值。
#
# 读预测句时问三个问题：预测的**依据**是什么（同一句或前后句里有没有证据）？有没有
# **条件**（"如果……""当……的时候"）？有没有**时间**（什么时候落幕）？一个没有时间、
# 没有依据的"必然"，无法被检验，也就无法被反驳。
#
# ### 动手试试 / Your turn 3
#
# 下面这句是语料中含**不同**预测标记最多的一句（由代码选出）。把句中所有**不同的**预测
# 标记词写成一个集合 `预测词`，例如 `{"必然", "将会"}`。

# %%
所有预测句 = [s for a in corpus for s in marked_sentences(a.clean, "prediction")]
题句 = max(所有预测句, key=lambda s: (len(set(PREDICTIONS.find(s))), -len(s)))
print(题句)

# %%
预测词 = None  # 例如 {"必然", "将会"}

# %%
_ = selfcheck.check_set(
    预测词,
    expected=set(PREDICTIONS.find(题句)),
    name="预测词",
    hint_zh="看 sorted(PREDICTIONS) 列出的词，逐个在句子里找",
    hint_en="go through sorted(PREDICTIONS) and look for each word in the sentence",
)

# %% [markdown]
# ## 4. 证据问题
#
# 证据标记（`lexicons.EVIDENCE_PATTERNS`）包括：据……显示/报道、财报、《书名》、百分比、
# 带单位的数量、有出处的引语。先看每篇文章有几个、每千字几个：

# %%
画像[["evidence", "evidence_per_1000"]].round(2)

# %%
有证据 = list(画像.index[画像["evidence"] > 0])
print("有证据标记的文章 / articles with any evidence marker:", 有证据)
print("证据标记为零的文章 / with none:", list(画像.index[画像["evidence"] == 0]))

# %% [markdown]
# 证据标记为零，并不等于没有事实性论断。下面数一数"越来越多""几乎所有""很多"这类
# **模糊数量词**：它们说出了一个数量判断，却不给数字。

# %%
模糊数量 = ["越来越多", "几乎所有", "很多", "诸多", "大量"]
frequency_table(模糊数量, method="substring")

# %% [markdown]
# 再看看 A5 的证据标记在哪里——回忆第 01 课找到的推销段落：

# %%
for s in marked_sentences(get_article("A5").clean, "evidence"):
    print("A5 ·", s, "→", find_markers(s)["evidence"])

# %% [markdown]
# 现在看 A3。它的证据句中，有多少提到了阿里或淘宝——也就是文章所赞扬的那一方？

# %%
a3 = get_article("A3")
证据句 = marked_sentences(a3.clean, "evidence")
出处类 = {"according_to", "data_shows", "report", "named_work", "attributed_quote"}
证据明细 = pd.DataFrame(
    {
        "提到阿里/淘宝": ["阿里" in s or "淘宝" in s for s in 证据句],
        "有出处 sourced": [any(m.name in 出处类 for m in find_evidence(s)) for s in 证据句],
        "句子": 证据句,
    }
)
print("证据句 / evidence sentences:", len(证据句))
print("提到阿里/淘宝 / mention Alibaba or Taobao:", int(证据明细["提到阿里/淘宝"].sum()))
print("只有数字、没有出处 / figures without a source:", int((~证据明细["有出处 sourced"]).sum()))
证据明细

# %% [markdown]
# 读上面的句子：哪些数字出自阿里自己的财报？哪些第三方来源（36氪、艾媒）报道的其实是
# 淘宝的目标或平台数据？哪些数字（"已有5年的积累""领先业界至少3年"）根本没有出处？
# 再加上第 01 课看到的引语：技术叙述出自淘宝直播自己的员工，引用的书是淘宝工程师写的，
# 定义出自阿里的战略专家曾鸣。**有证据 ≠ 证据独立。**
# 读者还应该问：这些数字能否核实？"翻倍增长"是从多大的基数开始的？"目标 GMV"是目标，不是
# 结果。（另外，第 01 课看到 A3 只是两页中的第一页：我们没有看到全文。）

# %% [markdown]
# ## 5. 填充语与重复
#
# 填充语（filler）是占字数、不添信息的套话。课程的填充语词典：

# %%
print(sorted(FILLERS))

# %% [markdown]
# `profiles_table` 的 `fillers` 列是全部填充语的次数，另外单列了"方式和方法"和"仅仅只是"。
# 为了公平比较，再换算成每千字：

# %%
填充 = 画像[["fillers", "方式和方法", "仅仅只是"]].copy()
填充["fillers_per_1000"] = [
    round(rate_per_1000_chars(int(填充.loc[a.id, "fillers"]), a.clean), 2) for a in corpus
]
填充

# %%
a2 = get_article("A2")
print("A2「仅仅只是」:", count_phrase(a2.clean, "仅仅只是"), "次")
print("填充语每千字最高 / most filler per 1,000:", 填充["fillers_per_1000"].idxmax())

# %% [markdown]
# "仅仅只是"本身就是重复（仅仅 = 只是）。看看它在 A2 中的前几处上下文：

# %%
for row in kwic(a2.clean, "仅仅只是", width=10)[:8]:
    print(f"{row.left:>10}【{row.keyword}】{row.right}")

# %% [markdown]
# 重复不止于单个词。下面用**字 n-gram**（连续 8 个汉字）找出 A2 中重复出现的长片段。
# 相邻几行常常是同一个更长片段的不同截取——把它们拼起来读：

# %%
for 片段, 次数 in top_k(char_ngrams(a2.clean, 8), 8):
    print(次数, 片段)

# %% [markdown]
# ### 动手试试 / Your turn 4
#
# A1 中"方式和方法"每千字出现多少次？用 `count_phrase` 和 `rate_per_1000_chars` 计算，把结果
# 写进 `方式和方法密度`（保留两位小数即可）。

# %%
方式和方法密度 = None

# %%
_ = selfcheck.check_number(
    方式和方法密度,
    expected=rate_per_1000_chars(
        count_phrase(get_article("A1").clean, "方式和方法"), get_article("A1").clean
    ),
    abs_tol=0.01,
    name="方式和方法密度",
    hint_zh="rate_per_1000_chars(次数, 文本)，文本用 get_article('A1').clean",
    hint_en="rate_per_1000_chars(count, text) with the text get_article('A1').clean",
)

# %% [markdown]
# ## 6. 矛盾：文章内部与文章之间
#
# 把两句话并排放，是发现矛盾最简单的办法。下面的函数按关键词找出两句并排打印。


# %%
def 对照(标题: str, 甲: tuple[str, str], 乙: tuple[str, str]) -> None:
    print(f"■ {标题}")
    引用(*甲)
    引用(*乙)
    print()


对照("A2 内部：必然落幕，还是长久发展？", ("A2", "落幕是必然"), ("A2", "获得更加长久的发展"))
对照(
    "A2 内部：只是营销，还是技术驱动？",
    ("A2", "仅仅只是一种全新的营销模式"),
    ("A2", "由内在的技术作为驱动"),
)
对照("A4 内部：相悖，还是唯一正确？", ("A4", "本质是相悖的"), ("A4", "唯一的正确"))
对照("A5 内部：必然落幕，还是率先到来？", ("A5", "社交电商必然落幕"), ("A5", "或将率先"))
对照("A1 与 A2：都说「必然」，方向相反", ("A1", "必然阶段"), ("A2", "落幕是必然"))
对照(
    "A1 与 A2：改变生产吗？",
    ("A1", "将改变传统行业的设计和生产方式"),
    ("A2", "并未真正改变传统生产方式"),
)

# %% [markdown]
# 不是每一对都是严格的逻辑矛盾。A2 第一组的第二句加了条件（"找到它与产业互联网的结合点"）；
# A5 的"率先到来"说的是"加持新技术的"社交电商；A4 说"在当下的这个阶段"。条件和时间限定
# 可以化解矛盾——但文章有没有把条件说清楚？批判时要先把最强的解释讲出来，再判断它站不站得住。

# %% [markdown]
# ## 7. 文体：评论、倡导、推销
#
# 课程给每篇文章标注了文体（`Article.genre`）。这些标签能不能用可计算的特征支持？下面为每篇
# 文章统计几种特征（每千字）：第一人称单数（我、笔者）、"我们"、问句、证据标记、口语词
# （非常、大家、这个时候）、以及填充语。

# %%
特征式 = {
    "我/笔者": re.compile(r"我(?!们)|笔者"),
    "我们": re.compile(r"我们"),
    "问句": re.compile(r"[？?]"),
    "口语词": re.compile(r"非常|大家|这个时候"),
}
文体 = pd.DataFrame(
    {
        a.id: {
            "genre": a.genre,
            **{
                k: round(rate_per_1000_chars(len(p.findall(a.clean)), a.clean), 2)
                for k, p in 特征式.items()
            },
            "证据": round(画像.loc[a.id, "evidence_per_1000"], 2),
            "填充语": 填充.loc[a.id, "fillers_per_1000"],
        }
        for a in corpus
    }
).T
文体

# %% [markdown]
# A5 的数字是整篇的平均，把评论和推销混在了一起。用第 01 课的办法（供应商口吻词）切出
# 推销段落，分别计算口语词密度：

# %%
a5 = get_article("A5")
段落 = [p for p in a5.clean.splitlines() if p.strip()]
供应商词 = ["我们公司", "公司", "系统", "软件", "解决方案", "用户数", "大家", "非常"]
有口吻 = [i for i, p in enumerate(段落) if any(w in p for w in 供应商词)]
推销 = "\n".join(段落[min(有口吻) : max(有口吻) + 1])
评论 = "\n".join(段落[: min(有口吻)] + 段落[max(有口吻) + 1 :])
for 名, 文 in [("推销 pitch", 推销), ("评论 op-ed", 评论)]:
    n = len(特征式["口语词"].findall(文))
    print(
        f"A5 {名}: 口语词每千字 {rate_per_1000_chars(n, 文):.2f}，"
        f"确定性标记每千字 {rate_per_1000_chars(CERTAINTY.count(文), 文):.2f}"
    )

# %% [markdown]
# 推销段落读起来像一段讲话的记录（transcript）：口语词多、"我们公司"、对听众说话（"给到
# 大家"）。它被嵌进一篇评论而没有任何标注，读者很容易把卖家的话当成作者的论据。
#
# 文体决定我们该怎么读：**评论**（op-ed）要看论证是否成立；**倡导**（advocacy）要问谁在
# 说话、为谁说话；**推销**（advertorial / pitch）要把它从论证中分离出来，当作利益相关方的
# 陈述。

# %% [markdown]
# ## 小结 / Recap
#
# - 先问一句话在做什么：陈述事实、作评价、作预测，还是提主张；四类论断的检验方法不同。
# - `profiles_table()` 给出每篇文章确定性标记与模糊限制语的个数和每千字密度；同一句里
#   既"或许"又"将会"的句子值得细读。
# - 预测标记可以分成确定的（必然、终将、将会）和含糊的（或将、有望）；没有时间、没有
#   依据的"必然"无法检验。
# - 证据标记几乎只出现在 A3，而 A3 的证据多来自它所赞扬的一方；模糊数量词（越来越多、
#   几乎所有）是没有数字的数量判断。
# - 填充语与长片段重复可以计数；把句子并排引出，能看到文章内部与文章之间的张力。
# - 文体特征（第一人称、口语词、证据）帮助区分评论、倡导与推销。
#
# 第 07 课把这些度量放进一张表，回答课程的核心问题。作业 ps3（论断与批判）练习本课的方法。
