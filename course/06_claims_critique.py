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
# # 第 06 课　论断与批判：先验证工具，再下判断
#
# **Abstract.** This lesson turns the counting tools on the articles' claims — after checking
# the tools. We distinguish claim types (factual, evaluative, predictive, prescriptive). Then,
# as lesson 03 validated jieba against a hand-segmented gold standard, we validate the course's
# marker lexicons against a hand-coded gold standard: every sentence of the five articles (291),
# coded for hedges, certainty markers, prediction markers, evidence, filler and stance by a
# written guideline (`docs/marker_coding_guideline.md`). Precision and recall of each lexicon,
# before and after the revisions the guideline called for, show what the old word lists got
# wrong: future tense (将会) counted as certainty, stance words (所谓, 其实, 而已) counted as
# filler, and 在我看来, 几乎所有 and the emphatic 「或许…才是」 counted as hedges. Two of those
# decisions are contestable, so the lesson computes both codings side by side; and it says what the
# validation cannot show: one annotator coded the gold, wrote the guideline and revised the
# lexicons, and no text was held out, so the perfect "after" precision is close to guaranteed and a
# blind second coder is the next step. Only then do we
# measure: certainty and hedging per article with sentence-bootstrap intervals and a
# leave-one-marker-out check, A5's own voice apart from its vendor's, predictions stated as
# settled, evidence and who supplies it (A3: the praised company, third-party media, a data
# firm, anonymous insiders), stance and filler, tensions within and across articles, and genre.
# Exercises ask you to apply the guideline and to judge whether a difference is meaningful.
#
# **预计用时 / Estimated time:** 90–120 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 区分四类论断：事实、评价、预测、规范；
# 2. 用人工编码的金标准验证一个标记词典：算出精确率和召回率，找出出错的词条，并说明修订的理由；
# 3. 给每篇文章的确定性与模糊限制算出带区间的千字频率，用"去掉一个标记"检查排名是否稳健；
# 4. 找出"把预测说成定论"的句子，并区分确定的预测、含糊的预测和单纯的将来时；
# 5. 评估证据：有没有、从哪里来、提供者与被评价的一方是什么关系；
# 6. 区分立场标记与填充语，把互相紧张的句子并排引出，用可计算的特征比较体裁。
#
# 术语（事实论断、评价论断、预测论断、规范论断、模糊限制语、确定性标记、预测标记、证据标记、立场标记、填充语、编码规范、金标准、精确率、召回率、自助法、置信区间、体裁、证据、倡导、软文、广告植入）见 `course/glossary.md`。

# %%
import dataclasses
import re

import matplotlib.pyplot as plt
import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.claims import (
    count_markers,
    find_evidence,
    find_markers,
    find_sentences,
    marked_sentences,
    profiles_table,
    split_sentences,
)
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.count import char_ngrams, count_phrase, han_count, kwic, rate_per_1000_chars, top_k
from beyond_traffic.lexicons import CERTAINTY, HEDGES, PREDICTIONS, STANCE, Lexicon, lexicon_changes, previous_version
from beyond_traffic.marker_gold import (
    MarkerSpan,
    entry_scores,
    false_alarms,
    gold_metadata,
    load_marker_gold,
    missed_spans,
    score_category,
    score_lexicons,
    voice_texts,
)
from beyond_traffic.uncertainty import (
    bootstrap_rate,
    difference_interval,
    leave_one_marker_out,
    rank_stability,
    rate_intervals,
)
from beyond_traffic.viz import use_course_font

use_course_font()
pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
sentences = {a.id: split_sentences(a.clean) for a in corpus}


def quote(article_id, needle):
    """Print the first sentence of an article that contains needle."""
    found = find_sentences(article_id, needle)
    print(f"{article_id}：{found[0] if found else '（没有找到 / not found）'}")


# %% [markdown]
# ## 1. 论断的四种类型
#
# 批判性阅读先问：这句话是在**做什么**？
#
# | 类型 | 在说什么 | 怎样检验 |
# |---|---|---|
# | 事实论断 factual | 世界是什么样的（数字、事件） | 有没有来源？来源可靠吗？ |
# | 评价论断 evaluative | 好不好、重不重要、属于哪一类 | 标准是什么？ |
# | 预测论断 predictive | 将来会怎样 | 依据是什么？有多大把握？什么时候？ |
# | 规范论断 prescriptive | 应该怎么做 | 目标是什么？代价呢？ |
#
# 下面每类各取一句，再用 `find_markers` 看看课程的标记词典在句子里找到了什么：

# %%
examples = {
    "事实论断": ("A3", "持续8个季度翻倍增长"),
    "评价论断": ("A2", "变成了一场闹剧"),
    "预测论断": ("A2", "最终将会退出历史舞台"),
    "规范论断": ("A5", "抛弃流量思维"),
}
for claim_type, (article_id, needle) in examples.items():
    sentence = find_sentences(article_id, needle)[0]
    markers = {k: v for k, v in find_markers(sentence).items() if v}
    print(f"【{claim_type}】{article_id}：{sentence}\n    标记 / markers: {markers or '（无）'}\n")

# %% [markdown]
# 标记词典有六类标记（预测、模糊限制、确定性、证据、填充语、立场），却没有"评价"和"规范"：
# 评价和规范藏在"闹剧""才是……方向"这样的措辞里。词典能帮我们找句子，判断一句话属于哪类
# 最终要靠阅读。而词典找到的东西对不对，要先验证——这是第 2 节的事。
#
# ### 动手试试 / Your turn 1 · ★ 热身 / warm-up
#
# 下面这句来自 A3。它主要是哪一类论断？把选项字母写进 `claim_type`：
# A. 事实论断　B. 评价论断　C. 预测论断　D. 规范论断

# %%
quote("A3", "目标GMV已经调至")

# %%
claim_type = None  # 例如 "B"

# %%
_ = selfcheck.check_choice(
    claim_type,
    expected="A",
    options=["A", "B", "C", "D"],
    name="claim_type",
    hint_zh="这句话在报告什么？它说了这个说法从哪里来吗？",
    hint_en="what does the sentence report, and does it say where that comes from?",
)

# %% [markdown]
# ## 2. 先验证标记词典：人工编码的金标准
#
# 第 03 课没有直接相信 jieba，而是拿它和人工分好的金标准比。标记词典也一样：数"可能""必然"
# 之前，要知道词典找到的东西有多少是对的（**精确率**），人工认定的标记它找到了多少（**召回率**）。
# 不验证的词典计数，只是在数字符串（Grimmer & Stewart 2013）。
#
# ### 2.1 金标准
#
# 课程的标记金标准（`marker_gold.load_marker_gold()`）把五篇文章的**每一句**都按一份书面的
# 编码规范（`docs/marker_coding_guideline.md`）人工编码，分六类：模糊限制语（hedge）、确定性
# 标记（certainty）、预测标记（prediction）、证据标记（evidence）、填充语（filler）和立场标记
# （stance）。编码时没有运行词典，也没有从词典的结果抄标签——否则精确率和召回率就没有意义了。
# 谁编的、什么时候编的、有什么局限，记在数据文件的开头：

# %%
for key, value in gold_metadata().items():
    print(f"{key}: {value}")

# %%
gold = load_marker_gold()
coded = pd.DataFrame(
    [{"article": s.article_id, "category": span.category} for s in gold for span in s.spans]
)
print("句子 / sentences:", len(gold), "| 编码的标记 / coded spans:", len(coded))
coded.pivot_table(index="category", columns="article", aggfunc="size", fill_value=0)

# %% [markdown]
# 编码规范的要点（每条都有原文例子，全文见 `docs/marker_coding_guideline.md`）：
#
# - **模糊限制语**降低作者对论断的承诺：或许、可能、似乎、更像是（「它代表的更像是一种全新的产业进化新方向」）、
#   基本上；把论断限定在某个时间：「至少从现在的情况来看」。**不是**模糊限制语：「在他们看来」（转述别人）、
#   「在我看来」（说明是谁的观点，归入立场），以及「几乎所有的玩家」这样的全称判断——最后这一条**有争议**
#   （第 2.6 节）。
# - **确定性标记**提高承诺：必然、无疑、显然、毋庸置疑、当然、只会。**单纯的将来时**（将会、都将）
#   只归入预测：「或许将会发生更多新的改变」里的"将会"紧挨着一个模糊限制语，它本身并不表示确定。
# - **预测标记**把论断放到将来：将会、终将、或将、将（「直播带货将改变传统行业的设计和生产方式」），
#   但不包括当"把"用的"将"（「它将单一、片面的商品展示方式拓展到了多元、立体的方面」）。
# - **立场标记**表明作者的态度，而不改变论断的可能性：所谓（保持距离）、其实、事实上和实质上（与预期相反）、
#   而已、说到底、在我看来、说得直接一些，以及「或许才是」这种强调式的结论套语——最后这一条也**有争议**
#   （第 2.6 节）。
# - **填充语**是同义叠用：仅仅只是、方式和方法、功能和作用……
# - **证据标记**：数字、来源、书名、有出处的引语、作为例证的具名机构。
#
# ### 2.2 精确率和召回率
#
# 算法与第 03 课相同，只是单位换成了标记：词典找到的一处，若与人工编码的同类标记有重叠，就算
# 找对（一对一配对）。
#
# - 精确率（precision）＝ 找对的 ÷ 词典找到的；
# - 召回率（recall）＝ 找对的 ÷ 人工编码的。
#
# 先看词典在**修订之前**（`lexicons.previous_version`）的成绩，再看修订之后：

# %%
before = score_lexicons(previous=True)
after = score_lexicons()
validation = pd.DataFrame(
    {
        "编码数 gold": after["gold"],
        "修订前 P": before["precision"].round(2),
        "修订前 R": before["recall"].round(2),
        "修订后 P": after["precision"].round(2),
        "修订后 R": after["recall"].round(2),
        "修订后找到 found": after["found"],
    }
)
validation

# %% [markdown]
# 读这张表时记住四件事：
#
# 1. **"修订前"也不是对没见过的文章的检验。** 旧词典虽然写在金标准之前，却也是围着这五篇文章写的
#    （填充语词典收的就是从这几篇里挑出来的套话）。整张表里没有一篇"没见过"的文章；只有作业 ps4 的
#    新文章是留出来的。
# 2. **"修订后"的高分几乎是注定的。** 给金标准编码、写编码规范、修订词典的是同一位编码员（一个 AI
#    助手会话），照着 issue 11 点名要改的词条去做。同一只手画类别、编句子、改词表，修订后的精确率接近
#    满分，说明的是三者彼此一致，不是词典好用。
# 3. 立场标记在修订前的成绩是 0，因为那时还没有这个词典——这些词被当成了填充语。
# 4. 金标准本身在 2026-11-30 按一份审读意见修订过（编码规范第 11 节列出改了哪些句子），词典没有跟着改，
#    所以新编进去的几个词（实质上、说得直接一些、不得不、从来）出现在第 2.5 节的"漏掉"里。
#
# 所以**下一步首先**是请一位看不到金标准、也看不到词典的第二编码员，按编码规范独立编一个随机抽取的句子
# 样本，算出两人的一致性（Krippendorff's α）；其次是在 ps4 的新文章上给词典打分。
#
# ### 2.3 哪些词条出了错
#
# 精确率低，说明词典把不是标记的东西算了进去。`entry_scores` 列出每个词条找对和找错的次数：

# %%
for category, name in [("hedge", "hedges"), ("certainty", "certainty"), ("filler", "fillers")]:
    table = entry_scores(category, lexicon=previous_version(name))
    print(f"■ {category}（修订前 / before）")
    print(table[table["wrong"] > 0].T.to_string(), "\n")

# %% [markdown]
# 找错的地方长什么样？看修订前的模糊限制语词典的误报，带上下文：

# %%
false_alarms("hedge", lexicon=previous_version("hedges"))

# %% [markdown]
# ### 2.4 修订了什么，为什么
#
# 每一处修订都记录在 `data/lexicon_changes.tsv` 里，写明依据的规范条款；`lexicons.previous_version`
# 可以把它们撤销，上面的"修订前"一列就是这样算出来的。

# %%
changes = pd.DataFrame(lexicon_changes())
changes

# %% [markdown]
# 最大的两处修订改变了后面每一个数字：
#
# - **"将会"不再算确定性标记。** 一篇文章谈将来谈得多，不等于它说得更肯定。修订前的确定性
#   词典里，"将会"找错的次数比任何词条都多。
# - **所谓、其实、而已、说到底不再算填充语。** 它们表明立场，删掉它们句子的意思会变。它们占修订前
#   填充语计数的多大比例？下面算一算。
#
# %%
_old = previous_version("fillers")
_old_found = [m for s in gold for m in _old.find(s.text)]
_stance_words = {"其实", "所谓的", "而已", "说到底"}
print(f"修订前的填充语计数 / old filler count: {len(_old_found)}，其中立场词 / of which stance words: "
      f"{sum(m in _stance_words for m in _old_found)}（{sum(m in _stance_words for m in _old_found) / len(_old_found):.0%}）")

# %% [markdown]
# ### 2.5 词典还漏了什么
#
# 召回率不到 1 的地方，就是词典看不见的东西。有的是有意为之：单独的"将"常常是"把"，加进词典
# 会带来大量误报；同义叠用的说法太多，词典只收课程点名的两个；金标准修订时新编进去的词，词典故意
# 没有跟着加（否则又是对着同一批句子调词表）。

# %%
for category in ["certainty", "prediction", "filler", "stance", "evidence"]:
    missed = missed_spans(category)
    print(f"■ {category} 漏掉 / missed:", missed["text"].value_counts().head(8).to_dict())

# %% [markdown]
# 证据标记漏掉的主要是**例证**（「拼多多的成功」这样的具名例子）和没有"据……显示"格式的引语。
# 用证据标记数证据时，数的是"数字和格式化的出处"，不是全部证据。
#
# ### 2.6 有争议的两类：换一种编法会怎样？
#
# 编码规范里有两条决定是可以争的（规范 §3.4 和 §8.5）：
#
# - **几乎所有、几乎都**不算模糊限制语。可是"几乎所有"在字面上就比"所有"弱；Hyland（2005）和
#   Prince 等（1982）都把"almost"这类近似语算作模糊限制语。
# - **或许才是**算立场（强调式的结论套语），不算模糊限制语。可是那个"或许"也可能真是在留余地——而 A5
#   的论点句正好用这个说法。
#
# 把这两条反过来编，会怎样？下面用代码造一份"另一种编法"的金标准（几乎所有、几乎都里的"几乎"和
# 或许才是里的"或许"都编成模糊限制语，或许才是不再算立场），再造一份相应的词典（去掉这三个例外），
# 两种编法并排算：

# %%
contested = re.compile(r"几乎(?=所有|都)|或许(?=才是)")


def coded_other_way(sentence):
    """The same coded sentence with the two contested categories coded the other way."""
    spans = [m for m in sentence.spans if not (m.category == "stance" and m.text == "或许才是")]
    spans += [MarkerSpan("hedge", m.group(), m.start(), m.end()) for m in contested.finditer(sentence.text)]
    return dataclasses.replace(sentence, spans=tuple(spans))


gold_other_way = [coded_other_way(s) for s in gold]
hedges_other_way = Lexicon(HEDGES, name="hedges", exceptions=HEDGES.exceptions - {"几乎所有", "几乎都", "或许才是"}, tags=HEDGES.tags)
stance_other_way = Lexicon(STANCE - {"或许才是"}, name="stance")
runs = {
    "课程的编法 · 修订后词典": (gold, HEDGES, STANCE),
    "课程的编法 · 修订前词典": (gold, previous_version("hedges"), STANCE),
    "另一种编法 · 相应的词典": (gold_other_way, hedges_other_way, stance_other_way),
    "另一种编法 · 修订后词典": (gold_other_way, HEDGES, STANCE),
    "另一种编法 · 修订前词典": (gold_other_way, previous_version("hedges"), STANCE),
}
rows = {}
for label, (coded_gold, hedge_lexicon, stance_lexicon) in runs.items():
    h = score_category("hedge", lexicon=hedge_lexicon, sentences=coded_gold)
    st = score_category("stance", lexicon=stance_lexicon, sentences=coded_gold)
    rows[label] = {"hedge 编码数": h.gold, "hedge P": round(h.precision, 2), "hedge R": round(h.recall, 2),
                   "stance 编码数": st.gold, "stance P": round(st.precision, 2), "stance R": round(st.recall, 2)}  # fmt: skip
pd.DataFrame(rows).T

# %% [markdown]
# 比较第二行和最后一行：修订前的模糊限制语词典，在课程的编法下精确率低，在另一种编法下高得多。也就是说，
# "修订提高了精确率"有一部分来自编码规范的决定本身，而不是来自词典变好了。
#
# 这两条决定还会改变"谁说得更谨慎"。按人工编码数每篇（A5 分作者和供应商）的模糊限制语：

# %%
def hedges_by_voice(coded_gold):
    labels = [s.article_id if s.article_id != "A5" else f"A5 {s.voice}" for s in coded_gold for _ in s.spans_of("hedge")]
    return pd.Series(labels).value_counts()


pd.DataFrame({"课程的编法": hedges_by_voice(gold), "另一种编法": hedges_by_voice(gold_other_way)}).fillna(0).astype(int).sort_index()

# %% [markdown]
# 变化集中在 A4 和 A5 的作者部分（看上表）。用相应的词典数，每篇的模糊限制语千字频率和区间（第 3 节用
# 的是课程的编法）：

# %%
def hedge_rate(article, lexicon):
    units = split_sentences(article.clean)
    return bootstrap_rate([lexicon.count(u) for u in units], [han_count(u) for u in units])


pd.DataFrame(
    {
        name: {a.id: f"{r.estimate:.2f} [{r.low:.2f}, {r.high:.2f}]" for a in corpus for r in [hedge_rate(a, lexicon)]}
        for name, lexicon in [("课程的编法 ‰", HEDGES), ("另一种编法 ‰", hedges_other_way)]
    }
)

# %% [markdown]
# 所以引用 A4 或 A5 的模糊限制语数字时，要说明用的是哪一种编法；"A5 的作者说话不太留余地"这样的结论，
# 换一种同样说得通的编法就不成立。有争议的决定不能藏在词典里，要摆出来、两种都算。
#
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 按课程的编码规范判断（A 句涉及的正是第 2.6 节那条有争议的决定）：下面四句中，**加粗的词**（加粗为课程所加）是模糊限制语的有哪几句？把字母放进列表赋给 `hedges_by_guideline`。
#
# - A. 「**几乎**所有的玩家都在把关注的焦点聚焦在了B端流量的获取上」
# - B. 「那些无法真正从本质上改变B端行业的结构的产业互联网的方式**几乎**是无法获得长久且持续的发展的」
# - C. 「在他们**看来**，所谓的直播带货仅仅只是一种新的销售模式和手段而已」
# - D. 「它代表的**更像是**一种全新的产业进化新方向」

# %%
hedges_by_guideline = None  # 例如 ["A"]


# %%
def _gold_has(category, sentence_part, word):
    """Does the gold code `word` (in the sentence holding sentence_part) as category?"""
    for s in gold:
        if sentence_part in s.text:
            start = s.text.index(sentence_part) + sentence_part.index(word)
            return any(span.start <= start < span.end for span in s.spans_of(category))
    raise ValueError(sentence_part)


_options = {
    "A": ("几乎所有的玩家都在把关注的焦点聚焦在了B端流量的获取上", "几乎"),
    "B": ("几乎是无法获得长久且持续的发展的", "几乎"),
    "C": ("在他们看来，所谓的直播带货", "看来"),
    "D": ("它代表的更像是一种全新的产业进化新方向", "更像是"),
}
_ = selfcheck.check_choice(
    hedges_by_guideline,
    expected=[k for k, (part, word) in _options.items() if _gold_has("hedge", part, word)],
    options=list(_options),
    name="hedges_by_guideline",
    hint_zh="问每一处：它让作者自己的论断更谨慎了吗？全称判断、转述别人的看法都不算",
    hint_en="ask of each: does it make the writer's own claim more cautious? sweeping universals and reported views do not",
)

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★★ 挑战 / stretch
#
# 自己实现评分的核心：写一个函数 `precision_recall(found, coded)`。两个参数都是 `(start, end)`
# 元组的列表（同一句话里词典找到的位置、人工编码的位置）。一处找到的位置与一处编码的位置只要
# **有重叠**就可以配成一对，每处只能配一次（从左到右，配给第一个还没被配过的重叠位置）。返回
# `(precision, recall)`；分母为 0 时对应的值为 `0.0`。

# %%
precision_recall = None  # def precision_recall(found, coded): ...


# %%
def _reference_pr(found, coded):
    left, pairs = list(coded), 0
    for a, b in found:
        partner = next(((c, d) for c, d in left if a < d and c < b), None)
        if partner is not None:
            left.remove(partner)
            pairs += 1
    return (pairs / len(found) if found else 0.0, pairs / len(coded) if coded else 0.0)


_cases = [
    ([(1, 3)], [(0, 3)]),
    ([(1, 3), (2, 3)], [(0, 3)]),
    ([], [(0, 2)]),
    ([(0, 2)], []),
    ([(0, 2), (5, 7)], [(5, 7), (9, 11)]),
]
_ = selfcheck.check_function(
    precision_recall,
    cases=[((f, c), _reference_pr(f, c)) for f, c in _cases],
    hint_zh="两个区间 (a, b) 和 (c, d) 有重叠，当且仅当 a < d 且 c < b；配过的编码位置要从候选里去掉",
    hint_en="(a, b) and (c, d) overlap exactly when a < d and c < b; remove a coded span once it is paired",
    name="precision_recall",
)

# %% [markdown]
# ## 3. 确定性与模糊限制：带区间的比较
#
# 现在可以数了。`profiles_table()` 逐句统计每篇文章的标记（这是课程唯一的数法，第 04 课和第 07 课
# 的数字与它一致），并换算成每千字密度：

# %%
profiles = profiles_table()
profiles[["sentences", "han_chars", "hedges", "certainty", "predictions", "hedges_per_1000", "certainty_per_1000"]].round(2)

# %% [markdown]
# 光看这些数字会让人想排名。先给它们配上自助法区间（第 04 课），再看排名有多稳：`rank_stability`
# 重抽每篇文章的句子两千次，数一数每篇有多少次排第一。

# %% mystnb={"image": {"alt": "\u4e24\u5e45\u6a2a\u5411\u6761\u5f62\u56fe\uff1a\u6bcf\u7bc7\u6587\u7ae0\u786e\u5b9a\u6027\u6807\u8bb0\uff08\u5de6\uff09\u548c\u6a21\u7cca\u9650\u5236\u8bed\uff08\u53f3\uff09\u7684\u6bcf\u5343\u5b57\u5bc6\u5ea6\uff0c\u8bef\u5dee\u7ebf\u662f\u81ea\u52a9\u6cd5\u533a\u95f4 / Two horizontal bar charts: certainty markers (left) and hedges (right) per 1,000 characters in each article, with bootstrap intervals as error bars"}}
certainty_intervals = rate_intervals("certainty")
hedge_intervals = rate_intervals("hedge")
fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=True)
for ax, (title, table) in zip(axes, [("确定性标记 / 每千字", certainty_intervals), ("模糊限制语 / 每千字", hedge_intervals)], strict=True):
    ax.barh(table.index, table["per_1000"], xerr=[table["per_1000"] - table["low"], table["high"] - table["per_1000"]], color="#6a8caf")
    ax.set_title(title)
    ax.invert_yaxis()
fig.tight_layout()
plt.show()

# %%
pd.concat({"certainty": rank_stability("certainty"), "hedge": rank_stability("hedge")}, axis=1).round(2)

# %% [markdown]
# 读 `share_first` 一列：排第一的那篇，在多少次重抽里仍然排第一？如果只有一半左右，"它最肯定"
# 就不是一个可靠的结论。
#
# 另一种检查是**去掉一个标记**：如果某篇文章的名次主要靠一个词撑着，去掉这个词排名就会变。

# %%
loo = leave_one_marker_out("certainty")
loo.round(2)

# %%
changed = loo[loo["changed"]]
print("去掉后排名会变的标记 / markers whose removal changes the ranking:", [m.replace("去掉 ", "") for m in changed.index])
print("去掉后最高者会变的标记 / … changes who is highest:", [m.replace("去掉 ", "") for m in loo.index[loo["highest"] != loo.loc["（全部）", "highest"]]])

# %% [markdown]
# ### 3.1 A5 的两种声音，A3 的一半
#
# A5 的数字混合了作者和软件供应商两种声音（金标准给每一句标了声音）。分开来算：

# %%
a5_voices = voice_texts("A5")
pd.concat(
    {kind: rate_intervals(kind, articles=a5_voices) for kind in ["hedge", "certainty"]}, axis=1
).round(2)

# %% [markdown]
# 对照这张表和上面的整篇数字：整篇 A5 的模糊限制语，有多少来自供应商的口语（"可能""好像""大概"）？
# 把它算作"作者的谨慎"就错了。A3 则是另一种情形：我们只有它的第一页，它的频率是半篇文章的频率。
#
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# A5 的确定性标记千字频率高于 A2。这个差别有意义吗？用 `difference_interval` 算一算，把字母
# 赋给 `a5_vs_a2`：
#
# - A. 有意义：差值的 95% 区间不包含 0。
# - B. 分不出：差值的 95% 区间包含 0。

# %%
a5_vs_a2 = None  # "A" 或 "B"

# %%
_ = selfcheck.check_choice(
    a5_vs_a2,
    expected="B" if difference_interval("certainty", "A5", "A2").contains(0.0) else "A",
    options=["A", "B"],
    name="a5_vs_a2",
    hint_zh="第一个参数是标记类型，后两个是文章；看区间的两端",
    hint_en="the first argument is the marker kind, then the two articles; look at both ends of the interval",
)

# %% [markdown]
# ## 4. 把预测说成定论
#
# 预测本身没有错；问题在于**把预测说成定论**。修订后的预测标记分三组：同时是确定性标记的
# （必然、终将、只会……），同时是模糊限制语的（或将、有望），和单纯的将来时（将会、都将、将不再）。


# %%
def prediction_groups(text):
    found = [m for s in split_sentences(text) for m in find_markers(s)["prediction"]]
    return {
        "预测标记 / predictions": len(found),
        "确定的 / stated as settled": sum(w in CERTAINTY for w in found),
        "含糊的 / hedged": sum(w in HEDGES for w in found),
        "单纯将来时 / plain future": sum(w not in CERTAINTY and w not in HEDGES for w in found),
    }


prediction_table = pd.DataFrame({a.id: prediction_groups(a.clean) for a in corpus}).T
prediction_table

# %% [markdown]
# 这张表是词典数的，所以也带着词典的误报。哪些"预测"其实不是预测？`false_alarms` 列出词典找到、金标准
# 却没有编成预测的地方：

# %%
false_alarms("prediction")[["article", "text", "context"]]

# %% [markdown]
# 用金标准重做这张表：一个人工编码的预测标记，若与同一处人工编码的确定性标记重叠，算"确定的"；与模糊
# 限制语重叠，算"含糊的"；都不重叠，算"单纯将来时"。

# %%
def gold_prediction_groups(article_id):
    groups = {"预测标记 / predictions": 0, "确定的 / stated as settled": 0, "含糊的 / hedged": 0, "单纯将来时 / plain future": 0}
    for s in gold:
        if s.article_id != article_id:
            continue
        for p in s.spans_of("prediction"):
            settled = any(p.overlaps(c) for c in s.spans_of("certainty"))
            hedged = any(p.overlaps(h) for h in s.spans_of("hedge"))
            groups["预测标记 / predictions"] += 1
            groups["确定的 / stated as settled" if settled else "含糊的 / hedged" if hedged else "单纯将来时 / plain future"] += 1
    return groups


pd.DataFrame({a.id: gold_prediction_groups(a.id) for a in corpus}).T

# %% [markdown]
# 两张表的差别，就是上面那几处误报和词典漏掉的预测（例如单独的"将"、作时间状语的"未来"）。
# 看看把预测说成定论的句子（词典认为预测标记同时是确定性标记的）：

# %%
for a in corpus:
    for sentence in marked_sentences(a.clean, "prediction"):
        settled = [w for w in PREDICTIONS.find(sentence) if w in CERTAINTY]
        if settled:
            print(f"{a.id} · {sentence} → {settled}")

# %% [markdown]
# 第 2 节的金标准提醒我们，"必然"并不总是预测：「以流量为主导必然导致流量的泛滥」和「任何一个事物都必然要遵循
# 它的内在的规律」说的是一般规律，「实质上是产业互联网的一个必然阶段」是一个归类。词典把它们都算作预测（上面的
# 误报表）。误报表里出现的几篇，词典那张表的"确定的"一列都偏高：引用时用金标准那张。
# 读预测句时问三个问题：预测的**依据**是什么？有没有**条件**（"如果……""当……的时候"）？
# 有没有**时间**（什么时候落幕）？一个没有时间、没有依据的"必然"，无法被检验，也就无法被反驳。
#
# ### 动手试试 / Your turn 5 · ★★ 练习 / practice
#
# 下面这句是语料中含**不同**预测标记最多的一句（由代码选出）。把句中所有**不同的**预测标记词
# 写成一个集合 `prediction_words`。

# %%
all_prediction_sentences = [s for a in corpus for s in marked_sentences(a.clean, "prediction")]
target_sentence = max(all_prediction_sentences, key=lambda s: (len(set(PREDICTIONS.find(s))), -len(s)))
print(target_sentence)

# %%
prediction_words = None  # 例如 {"必然", "将会"}

# %%
_ = selfcheck.check_set(
    prediction_words,
    expected=set(PREDICTIONS.find(target_sentence)),
    name="prediction_words",
    hint_zh="把 PREDICTIONS 里的词逐个在句子里找；“终将会”里藏着哪一个？",
    hint_en="look for each word of PREDICTIONS in the sentence; which one hides in 终将会?",
)

# %% [markdown]
# ## 5. 证据：有没有，从哪里来
#
# 证据标记每千字，带区间：

# %%
rate_intervals("evidence").round(2)

# %% [markdown]
# 只有 A3 的证据标记多，其他几篇为零或接近零（第 07 课用重抽检验这个差别有多稳）。但证据标记为零，并不
# 等于没有事实性论断。"越来越多""几乎所有""很多"这类**模糊数量词**说出了一个数量判断，却不给数字
# （编码规范 §3.4 说明了为什么"几乎所有"不算模糊限制语）：

# %%
vague = ["越来越多", "几乎所有", "很多", "诸多", "大量"]
pd.DataFrame({w: {a.id: count_phrase(a.clean, w) for a in corpus} for w in vague})

# %% [markdown]
# A5 的证据标记在哪里？回忆第 01 课找到的推销段落：

# %%
for sentence in marked_sentences(get_article("A5").clean, "evidence"):
    print("A5 ·", sentence, "→", find_markers(sentence)["evidence"])

# %% [markdown]
# A3 的证据句，按第 01 课的读法标出提供者是谁。类别依据页面上看得见的身份：

# %%
a3 = get_article("A3")
providers = {
    "财报": "阿里/淘宝一方", "36氪": "第三方媒体（报道平台的目标）", "艾媒": "数据公司",
    "业内人士": "匿名", "曾鸣": "阿里/淘宝一方（自称“我们”）", "梁舒": "阿里/淘宝一方",
    "子柳": "阿里/淘宝一方", "至少3年": "无出处", "5年的积累": "无出处",
}  # fmt: skip
evidence_rows = []
for sentence in marked_sentences(a3.clean, "evidence"):
    who = [kind for key, kind in providers.items() if key in sentence]
    evidence_rows.append({"提供者 / provider": "；".join(who) or "（见上下文）", "标记 / markers": [m.text for m in find_evidence(sentence)], "句子 / sentence": sentence})
pd.DataFrame(evidence_rows)

# %% [markdown]
# 结论要一条一条地说：A3 的证据里，财报和淘宝员工来自被赞扬的一方；36氪是第三方媒体，但它报道的
# 是平台自己定的 GMV **目标**（目标不是结果）；艾媒的数据多为全行业数据（最后一项关于淘宝），被放在淘宝的论证里；
# 还有"领先业界至少3年"这样没有出处的数字。**有证据 ≠ 证据独立**，而第三方媒体转述的平台目标，
# 独立性也要打折扣。读者还应该问：这些数字能否核实？"翻倍增长"是从多大的基数开始的？

# %% [markdown]
# ## 6. 立场标记与填充语
#
# 第 2 节把"所谓""其实""而已"从填充语里拿了出来：它们表明作者的立场。两类分开来看：

# %%
pd.concat({kind: rate_intervals(kind) for kind in ["stance", "filler"]}, axis=1).round(2)

# %% [markdown]
# 立场标记里最常见的是哪几个？

# %%
for a in corpus:
    found = [m for s in sentences[a.id] for m in find_markers(s)["stance"]]
    print(a.id, top_k(found, 4))

# %% [markdown]
# "仅仅只是"本身就是重复（仅仅 = 只是）。看看它在 A2 中的前几处上下文：

# %%
a2 = get_article("A2")
for row in kwic(a2.clean, "仅仅只是", width=10)[:8]:
    print(f"{row.left:>10}【{row.keyword}】{row.right}")

# %% [markdown]
# 重复不止于单个词。下面用**字 n-gram**（连续 8 个汉字）找出 A2 中重复出现的长片段。相邻几行
# 常常是同一个更长片段的不同截取——把它们拼起来读：

# %%
for fragment, n in top_k(char_ngrams(a2.clean, 8), 8):
    print(n, fragment)

# %% [markdown]
# ### 动手试试 / Your turn 6 · ★★ 练习 / practice
#
# 词典的一个决定能改变多少数字？用修订前的填充语词典（`previous_version("fillers")`）逐句数 A2 的
# 填充语，再和修订后的数字（`count_markers`）比：A2 的填充语每千字**少了**多少？把这个差值
# （一个正数，保留两位小数即可）赋给 `filler_drop`。

# %%
filler_drop = None

# %%
_old_fillers = sum(previous_version("fillers").count(s) for s in sentences["A2"])
_ = selfcheck.check_number(
    filler_drop,
    expected=rate_per_1000_chars(_old_fillers - count_markers(a2, "filler"), a2.clean),
    abs_tol=0.01,
    name="filler_drop",
    hint_zh="旧词典的 count 方法逐句数；两次计数之差再换算成每千字",
    hint_en="count sentence by sentence with the old lexicon's count method; convert the difference to a rate",
)

# %% [markdown]
# ## 7. 张力：文章内部与文章之间
#
# 把两句话并排放，是发现矛盾最简单的办法。但并排之后要先问：它们真的矛盾吗？还是时态不同、
# 范围不同、加了条件？（第 01 课的比较方法。）


# %%
def side_by_side(title, first, second):
    print(f"■ {title}")
    quote(*first)
    quote(*second)
    print()


side_by_side("A2 内部：必然落幕，还是长久发展？", ("A2", "落幕是必然"), ("A2", "获得更加长久的发展"))
side_by_side("A2 内部：只是营销，还是技术驱动？", ("A2", "仅仅只是一种全新的营销模式"), ("A2", "由内在的技术作为驱动"))
side_by_side("A4 内部：相悖，还是唯一正确？", ("A4", "本质是相悖的"), ("A4", "唯一的正确"))
side_by_side("A5 内部：必然落幕，还是率先到来？", ("A5", "社交电商必然落幕"), ("A5", "或将率先"))
side_by_side("A1 与 A2：都说“必然”，说的不是一回事", ("A1", "必然阶段"), ("A2", "落幕是必然"))

# %% [markdown]
# 逐组看：
#
# - A2 第一组的第二句加了条件（「特别是找到它与产业互联网的结合点」）——这是第 01 课重建里的让步，
#   不是自相矛盾；但文章没有说条件多大可能成立。
# - A2 第二组：一句说"现在只是营销模式"（而且限定了「至少从现在的情况来看」），一句说它的出现
#   "由技术驱动"。一个谈功能，一个谈起因，可以并存。
# - A4 用「在当下的这个阶段」限定了"唯一正确"：这是让步加上时间限定。
# - A5 的"率先到来"说的是「加持新技术的社交电商」，与"必然落幕"的对象不同。
# - A1 的"必然阶段"是归类（现在），A2 的"落幕是必然"是预测（将来）：同一个词，两种论断。
#
# 条件和时间限定可以化解矛盾——批判时要先把最强的解释讲出来，再判断它站不站得住。真正的分歧
# 往往在对将来的预测上（第 01 课，X9）；但也要留意关于现在的冲突（X8）。

# %% [markdown]
# ## 8. 体裁：评论、倡导、推销
#
# 课程给每篇文章标注了体裁（`Article.genre`）。这些标签能不能用可计算的特征支持？下面为每篇
# 文章统计几种特征（每千字）：第一人称单数（我、笔者）、"我们"、问句、证据标记、口语词
# （非常、大家、这个时候）、立场标记。A5 按金标准的声音分成作者和供应商两部分。

# %%
features = {
    "我/笔者": re.compile(r"我(?!们)|笔者"),
    "我们": re.compile(r"我们"),
    "问句": re.compile(r"[？?]"),
    "口语词": re.compile(r"非常|大家|这个时候"),
}
texts = {a.id: a.clean for a in corpus if a.id != "A5"} | {f"A5 {v}": t for v, t in a5_voices.items()}
genres = {a.id: a.genre for a in corpus} | {"A5 author": "op-ed", "A5 vendor": "vendor pitch"}
style = pd.DataFrame(
    {
        label: {
            "genre": genres[label],
            **{k: round(rate_per_1000_chars(len(p.findall(text)), text), 2) for k, p in features.items()},
            "证据": round(rate_per_1000_chars(sum(len(find_evidence(s)) for s in split_sentences(text)), text), 2),
            "立场": round(rate_per_1000_chars(sum(len(STANCE.find(s)) for s in split_sentences(text)), text), 2),
        }
        for label, text in texts.items()
    }
).T
style

# %% [markdown]
# 推销段落读起来像一段讲话的记录：口语词多、"我们公司"、对听众说话（「给到大家」）。它被拼进一篇评论而
# 没有任何标注，课程把它**读作广告植入**——这是推断：页面看不出是否付费、由谁拼入，页脚反而声明
# `不涉及任何广告等`（第 00 课）。不管是不是付费的，读者都很容易把卖家的话当成作者的证据。
#
# 体裁决定我们该怎么读：**评论**（op-ed）要看论证是否成立；**倡导**（advocacy）要问谁在说话、
# 为谁说话；**软文**和**广告植入**要把它从论证中分离出来，当作利益相关方的陈述。A3 是倡导还是
# 软文，页面上没有答案（第 00 课）：课程的标签是一个判断，不是事实。

# %% [markdown]
# ## 小结 / Recap
#
# - 先问一句话在做什么：事实、评价、预测，还是规范；四类论断的检验方法不同。
# - 数标记之前先验证词典：人工编码的金标准、书面的编码规范、精确率和召回率。修订前的词典把
#   将来时算作确定、把立场词算作填充语；每一处修订都有记录和理由。修订前后都不是对没见过的文章的检验；
#   修订后接近满分的精确率几乎是注定的（同一位编码员编码、写规范、改词典）。下一步是一位盲的第二编码员。
# - 有争议的编码决定（几乎所有、或许才是）要两种都算：它们改变精确率，也改变"谁更谨慎"。
# - 确定性和模糊限制的比较要带区间：排名第一的那篇常常只在一部分重抽里排第一，去掉一个标记
#   排名就会变。A5 要分开作者与供应商，A3 只有一半。
# - 预测分三种：说成定论的、含糊的、单纯的将来时。没有时间、没有依据的"必然"无法检验。
# - 证据要问提供者：被赞扬的一方、转述平台目标的第三方媒体、数据公司、匿名人士、无出处。
# - 立场标记（所谓、其实、而已）不是填充语；填充语是同义叠用。
# - 并排的句子先排除时态、范围和条件的差别，再谈矛盾。
#
# 第 07 课把这些度量放进一张带区间的总表，检验"同一作者"的假设，回答课程的核心问题。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Hyland, K. (2005). *Metadiscourse: Exploring Interaction in Writing*. London: Continuum —
#   模糊限制语、确定性标记（boosters）、态度标记与自我提及。
# - Hyland, K. (1998). *Hedging in Scientific Research Articles*. Amsterdam: John Benjamins.
# - 何自然 (1985). 模糊限制语与言语交际. 《外国语》, 1985(5) — 变动型与缓和型模糊限制语。
# - Grimmer, J. & Stewart, B. M. (2013). Text as Data: The Promise and Pitfalls of Automatic
#   Content Analysis Methods for Political Texts. *Political Analysis*, 21(3), 267–297 —
#   为什么词典必须对照人工编码来验证。
# - Krippendorff, K. (2018). *Content Analysis: An Introduction to Its Methodology* (4th ed.).
#   SAGE — 编码规范、编码员和一致性。
#
# **预计用时 / Estimated time:** 90–120 分钟 / minutes（含六道练习）。
