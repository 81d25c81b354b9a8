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
# # 第 06 课上篇　论断与批判：先检验工具，再下判断
#
# **Abstract.** This lesson turns the counting tools on the articles' claims — after checking
# the tools. We distinguish claim types (factual, evaluative, predictive, prescriptive). Then,
# as lesson 03 checked jieba against a hand-segmented gold standard, we check the course's marker
# word lists and patterns against the course's reference coding: every sentence of the five
# articles (291), coded for hedges, certainty markers, prediction markers, evidence, filler and
# stance by a written guideline (`docs/marker_coding_guideline.md`) — by one coder, who also wrote
# the guideline and revised the lexicons. Precision and recall of the first lexicons and of the
# current ones show what the first word lists got wrong (future tense 将会 counted as certainty,
# stance words 所谓, 其实, 而已 counted as filler), and why these figures are in-sample and
# optimistic; the second part of the lesson (06_marker_validation) measures agreement with an
# independent second coder, scores the markers leaving one article out and lets you code
# sentences yourself. Then we measure: certainty and hedging per article with sentence-bootstrap
# intervals and a leave-one-marker-out check, A5's own voice apart from its vendor's, predictions
# stated as settled, evidence and who supplies it — read from the coding, not from a word count —
# stance and filler, tensions within and across articles, and genre.
#
# **预计用时 / Estimated time:** 60–75 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 区分四类论断：事实、评价、预测、规范；
# 2. 用课程的参考编码检验标记：算出精确率和召回率，并说明样本内的数字能说明什么、不能说明什么；
# 3. 给每篇文章的确定性与模糊限制算出带区间的千字频率，用"去掉一个标记"检查排名是否稳健；
# 4. 找出"把预测说成定论"的句子，并区分确定的预测、含糊的预测和单纯的将来时；
# 5. 评估证据：有没有、从哪里来、提供者与被评价的一方是什么关系；
# 6. 区分立场标记与填充语，把互相紧张的句子并排引出，用可计算的特征比较体裁。
#
# 术语（事实论断、评价论断、预测论断、规范论断、模糊限制语、确定性标记、预测标记、证据标记、立场标记、填充语、编码规范、参考编码、精确率、召回率、自助法、置信区间、体裁、证据、倡导、软文、广告植入）见 `course/glossary.md`。

# %%
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
from beyond_traffic.lexicons import CERTAINTY, HEDGES, PREDICTIONS, STANCE, previous_version
from beyond_traffic.marker_gold import false_alarms, gold_metadata, load_marker_gold, missed_spans, score_lexicons, voice_texts
from beyond_traffic.uncertainty import (
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
    "评价论断": ("A2", "其实是有害无益的"),
    "预测论断": ("A2", "最终将会退出历史舞台"),
    "规范论断": ("A5", "抛弃流量思维"),
}
for claim_type, (article_id, needle) in examples.items():
    sentence = find_sentences(article_id, needle)[0]
    markers = {k: v for k, v in find_markers(sentence).items() if v}
    print(f"【{claim_type}】{article_id}：{sentence}\n    标记 / markers: {markers or '（无）'}\n")

# %% [markdown]
# 标记词典有六类标记（预测、模糊限制、确定性、证据、填充语、立场），却没有"评价"和"规范"：
# 评价和规范藏在"有害无益""才是……方向"这样的措辞里。词典能帮我们找句子，判断一句话属于哪类
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
# ## 2. 先检验标记：课程的参考编码
#
# 第 03 课没有直接相信 jieba，而是拿它和人工分好的金标准比。标记也一样：数"可能""必然"之前，
# 要知道找到的东西有多少是对的（**精确率**），编码认定的标记找到了多少（**召回率**）。不检验的
# 词典计数，只是在数字符串（Grimmer & Stewart 2013）。
#
# ### 2.1 参考编码
#
# 课程的**参考编码**（`marker_gold.load_marker_gold()`）把五篇文章的**每一句**都按一份书面的
# 编码规范（`docs/marker_coding_guideline.md`）编码，分六类：模糊限制语（hedge）、确定性
# 标记（certainty）、预测标记（prediction）、证据标记（evidence）、填充语（filler）和立场标记
# （stance）。编码时没有运行词典，也没有从词典的结果抄标签——否则精确率和召回率就没有意义了。
# 它是**一位**编码员的读法：这位编码员也写了编码规范、修订了词典。谁编的、什么时候编的、按哪一版
# 规范、有什么局限，记在数据文件的开头：

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
#   （第 06 课下篇第 2 节）。
# - **确定性标记**提高承诺：必然、无疑、显然、毋庸置疑、当然、只会。**单纯的将来时**（将会、都将）
#   只归入预测：「或许将会发生更多新的改变」里的"将会"紧挨着一个模糊限制语，它本身并不表示确定。
# - **预测标记**把论断放到将来：将会、终将、或将、将（「直播带货将改变传统行业的设计和生产方式」），
#   但不包括当"把"用的"将"（「它将单一、片面的商品展示方式拓展到了多元、立体的方面」）。
# - **立场标记**表明作者的态度，而不改变论断的可能性：所谓（保持距离）、其实、事实上和实质上（与预期相反）、
#   而已、说到底、在我看来、说得直接一些，以及「或许才是」这种强调式的结论套语——最后这一条也**有争议**。
# - **填充语**是同义叠用：仅仅只是、方式和方法、功能和作用……（"仅仅只是"也可以读作贬低，见下篇）
# - **证据标记**：数字、来源、书名、有出处的引语、作为例证的具名机构。
#
# ### 2.2 精确率和召回率
#
# 算法与第 03 课相同，只是单位换成了标记：找到的一处，若与参考编码的同类标记有重叠，就算
# 找对（一对一配对）。
#
# - 精确率（precision）＝ 找对的 ÷ 找到的；
# - 召回率（recall）＝ 找对的 ÷ 参考编码的。
#
# 先看词典**第一版**（`lexicons.previous_version`）的成绩，再看现在的标记——现在的词表按编码规范的
# 功能类别和已发表的描述收词，开放的类别（证据、同义叠用、"将"作将来时）用模式来找：

# %%
before = score_lexicons(previous=True)
after = score_lexicons()
validation = pd.DataFrame(
    {
        "编码数 coded": after["gold"],
        "第一版 P": before["precision"].round(2),
        "第一版 R": before["recall"].round(2),
        "现在 P": after["precision"].round(2),
        "现在 R": after["recall"].round(2),
        "现在找到 found": after["found"],
    }
)
validation

# %% [markdown]
# 读这张表时记住三件事：
#
# 1. **两列都是样本内的。** 第一版词典也是围着这五篇文章写的（填充语词典收的就是从这几篇里挑出来的
#    套话）；现在的标记又是对着同一批句子检验过的。整张表里没有一篇"没见过"的文章。
# 2. **高分有一部分是注定的。** 编参考编码、写编码规范、修订词典的是同一位编码员；编码规范还拿这五篇
#    文章的说法作例子。同一只手画类别、编句子、改词表，成绩高说明的首先是三者彼此一致。
# 3. 立场标记在第一版的成绩是 0，因为那时还没有这个词典——这些词被当成了填充语。
#
# 这些数字能推广到多远，是第 06 课下篇的内容：一位看不到参考编码的**第二编码员**独立编了随机抽取的
# 120 句，两人的一致性（κ、α）有多高、说明了什么；**留一篇文章**检验时成绩掉多少；以及你自己编码
# 30 句，和参考编码比一比。
#
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
# ### 3.1 A5 的两种声音，A3 的第一页
#
# A5 的数字混合了作者和软件供应商两种声音（参考编码给每一句标了声音）。分开来算：

# %%
a5_voices = voice_texts("A5")
pd.concat(
    {kind: rate_intervals(kind, articles=a5_voices) for kind in ["hedge", "certainty"]}, axis=1
).round(2)

# %% [markdown]
# 对照这张表和上面的整篇数字：整篇 A5 的模糊限制语，有多少来自供应商的口语（"可能""好像""大概"）？
# 把它算作"作者的谨慎"就错了。A3 则是另一种情形：我们只有两页中的第一页，它的频率只是第一页的频率；第一页占全文多少，
# 我们不知道。
#
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
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
# 预测本身没有错；问题在于**把预测说成定论**。现在的预测标记分三组：同时是确定性标记的
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
# 这张表是词典数的，所以也带着词典的误报。哪些"预测"其实不是预测？`false_alarms` 列出词典找到、参考编码
# 却没有编成预测的地方：

# %%
false_alarms("prediction")[["article", "text", "context"]]

# %% [markdown]
# 用参考编码重做这张表：一个编码的预测标记，若与同一处编码的确定性标记重叠，算"确定的"；与模糊
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


gold_prediction_table = pd.DataFrame({a.id: gold_prediction_groups(a.id) for a in corpus}).T
gold_prediction_table

# %% [markdown]
# 两张表的差别，就是上面那几处误报和词典漏掉的预测。误报表里出现的每一篇，哪几列两张表不一样？由代码逐列比较
# （箭头前是词典的数，箭头后是参考编码的数）：

# %%
for article_id in sorted(set(false_alarms("prediction")["article"])):
    lexicon_row, coded_row = prediction_table.loc[article_id], gold_prediction_table.loc[article_id]
    differ = [
        f"{column.split(' / ')[0]} {lexicon_row[column]}→{coded_row[column]}"
        for column in prediction_table.columns
        if lexicon_row[column] != coded_row[column]
    ]
    print(f"{article_id}：{'；'.join(differ)}")

# %% [markdown]
# 看看把预测说成定论的句子（词典认为预测标记同时是确定性标记的）。"定论"先不等于无条件：
# 带着"如果……的话""当……的时候""等到……""一旦……"的句子，"必然"可能只断言条件成立之后的事。
# 下面用代码标出句中有条件的句子（条件管不管得到"必然"那一分句，还要自己读；条件也可能写在前一句）：

# %%
# 条件的常见写法；"当"排除"当下""当然""相当"等词里的"当"
CONDITION = re.compile(r"如果|一旦|等到|倘若|的话|(?<![相应正适每])当(?![下然成作前今时地])[^，。；]{1,40}?(?:时候|时刻|之后|以后|，)")
for a in corpus:
    for sentence in marked_sentences(a.clean, "prediction"):
        settled = [w for w in PREDICTIONS.find(sentence) if w in CERTAINTY]
        if settled:
            condition = "（句中有条件）" if CONDITION.search(sentence) else ""
            print(f"{a.id} · {sentence} → {settled}{condition}")

# %% [markdown]
# 第 2 节的参考编码提醒我们，"必然"并不总是预测：「以流量为主导必然导致流量的泛滥」和「任何一个事物都必然要遵循
# 它的内在的规律」说的是一般规律，「实质上是产业互联网的一个必然阶段」是一个归类。词典把它们都算作预测（上面的
# 误报表）。误报抬高的是哪一列，要看误报的是哪个词：误报的"必然"记在"确定的"一列，
# 误报的将来时标记（"会""即将"）记在"单纯将来时"一列——每篇是哪一列，看上面逐列比较的输出。引用这几列时用参考编码那张。
# 读预测句时问三个问题：预测的**依据**是什么？有没有**条件**（"如果……""当……的时候"）？
# 有没有**时间**（什么时候落幕）？一个没有时间、没有依据的"必然"，无法被检验，也就无法被反驳。
#
# ### 动手试试 / Your turn 3 · ★★ 练习 / practice
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
    hint_zh="把 PREDICTIONS 里的词逐个在句子里找；长词（如“将不再”）里的短词不另算",
    hint_en="look for each word of PREDICTIONS in the sentence; a short word inside a longer one (将不再) does not count again",
)

# %% [markdown]
# ## 5. 证据：有没有，从哪里来
#
# 证据标记每千字，带区间：

# %%
rate_intervals("evidence").round(2)

# %% [markdown]
# 证据标记的千字频率以 A3 为最高（第 07 课用重抽检验这个差别有多稳）。但这是**标记**的计数：证据标记的召回率
# 不到 1。词典漏掉了哪些编码的证据，列出来看：

# %%
missed_spans("evidence")

# %% [markdown]
# 读上面的表：漏掉的是没有名字、说法笼统的来源（"新闻"、"监控"这类），而不是具名的企业——点名的企业词典都找到了。
# 一篇文章**有没有**给证据，要看参考编码，而不是看词典计数。下面按
# 参考编码数每篇（A5 分作者和供应商）编码的证据：

# %%
coded_evidence = pd.DataFrame(
    [{"文章 / article": s.article_id if s.article_id != "A5" else f"A5 {s.voice}", "编码的证据 / coded evidence": m.text}
     for s in gold for m in s.spans_of("evidence")]
)  # fmt: skip
coded_evidence.groupby("文章 / article")["编码的证据 / coded evidence"].apply(list)

# %% [markdown]
# A5 的证据不全在供应商的段落里：作者自己也举了具名的例子（参考编码把「拼多多的成功」编成证据）。
# A1、A2 的证据很少，但不是零。证据少也不等于没有事实性论断。"越来越多""几乎所有""很多"这类**模糊数量词**
# 说出了一个数量判断，却不给数字（编码规范 §3.4 说明了为什么"几乎所有"不算模糊限制语）：

# %%
vague = ["越来越多", "几乎所有", "很多", "诸多", "大量"]
pd.DataFrame({w: {a.id: count_phrase(a.clean, w) for a in corpus} for w in vague})

# %% [markdown]
# A3 的证据句，按第 01 课的读法标出提供者是谁。类别依据页面上看得见的身份：

# %%
a3 = get_article("A3")
providers = {
    "财报": "阿里/淘宝一方", "36氪": "第三方媒体（报道一个目标，页面没说谁定的）", "艾媒": "数据来源，页面没写它是什么机构（句末淘宝的35万小时是否也出自艾媒，句子看不出）",
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
# 是淘宝直播的 GMV **目标**（目标不是结果；谁定的目标，页面没有说）；
# 艾媒的几个数字，句子没有把它们限定于淘宝，读作全行业的数字（范围页面没写），被放在淘宝的论证里；同一句末尾"每天在淘宝上观看35万小时"这一项是否也出自艾媒，
# 句子本身看不出（「而每天」另起一项，没有再说来源）；
# 还有"领先业界至少3年"这样没有出处的数字。**有证据 ≠ 证据独立**，而第三方媒体报道的一个目标，
# 不是它核实过的结果。读者还应该问：这些数字能否核实？"翻倍增长"是从多大的基数开始的？

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
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# 词典的一个决定能改变多少数字？用第一版的填充语词典（`previous_version("fillers")`）逐句数 A2 的
# 填充语，再和现在的数字（`count_markers`）比：A2 的填充语每千字**少了**多少？把这个差值
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


side_by_side("A2 内部：必然落幕，还是更加长久的发展？", ("A2", "落幕是必然"), ("A2", "获得更加长久的发展"))
side_by_side("A2 内部：只是营销，还是技术驱动？", ("A2", "仅仅只是一种全新的营销模式"), ("A2", "由内在的技术作为驱动"))
side_by_side("A4 内部：相悖，还是唯一正确？", ("A4", "本质是相悖的"), ("A4", "唯一的正确"))
side_by_side("A5 内部：必然落幕，还是或将率先到来？", ("A5", "社交电商必然落幕"), ("A5", "或将率先"))
side_by_side("A1 与 A2：都说“必然”，说的不是一回事", ("A1", "必然阶段"), ("A2", "落幕是必然"))

# %% [markdown]
# 逐组看：
#
# - A2 第一组：小标题说「产业互联网的大潮下，直播带货落幕是必然」，结尾说「直播带货同样也可以获得更加长久的发展」。
#   第二句的前半说「特别是找到它与产业互联网的结合点，或许要比仅仅只是一味地吹捧更加切合实际」，可读作给“可以”加了条件
#   （原句没有“若”“如果”，这是由句子结构读出来的；“或许”限定的是那个比较）。一种读法：“必然”不给例外，“可以”留了一条路，
#   这是**模态**上的不一致（第 01 课，A2.K1 和 A2 的说明）；另一种读法：“更加长久”是比较，长久一些仍可终将
#   落幕，两句并不冲突。两种都以原文为据，说出你取哪一种、为什么；猜作者的意思（例如“必然”只指今天靠流量的
#   那种形态）时，要说明那是猜测。文章也没有说条件多大可能成立。
# - A2 第二组：一句说"现在只是营销模式"（而且限定了「至少从现在的情况来看」），一句说它的出现
#   "由技术驱动"。一个谈功能，一个谈起因，可以并存。
# - A4 用「在当下的这个阶段」限定了「获取流量是唯一的正确」。一种读法是让步加上时间限定；但这句话
#   本身读不通，还有别的读法（字面的肯定、漏了一个否定词），见第 01 课的开放题。
# - A5 的「或将率先款款而来」说的是「加持新技术的社交电商」，与"必然落幕"的对象可以读成不同；两句的模态也不同：
#   一句是"必然"，一句带着"或将"（「或将率先款款而来」）。A5 的"必然落幕"本身也带着条件
#   （「当个人的流量被收割完毕」）。同样的推理也能用在 A2 第一组（一种找到「与产业互联网的结合点」的
#   直播带货）：两组要用同一把尺子量，化解一组就要说明为什么不能化解另一组。
# - A1 的"必然阶段"是归类（现在），A2 的"落幕是必然"是预测（将来）：同一个词，两种论断。
#
# 条件和时间限定有时可以化解矛盾，有时化解不了，而 A2 第一组这样的地方两种读法都有依据——批判时要先把最强的
# 解释讲出来，再判断它站不站得住。真正的分歧
# 往往在对将来的预测上（第 01 课，X9）；但也要留意关于现在的冲突（X8）。

# %% [markdown]
# ## 8. 体裁：评论、倡导、推销
#
# 课程给每篇文章标注了体裁（`Article.genre`）。这些标签能不能用可计算的特征支持？下面为每篇
# 文章统计几种特征（每千字）：第一人称单数（我、笔者）、"我们"、问句、证据标记、口语词
# （非常、大家、这个时候）、立场标记。A5 按参考编码的声音分成作者和供应商两部分。

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
# - 数标记之前先检验：课程的参考编码（一位编码员的读法）、书面的编码规范、精确率和召回率。第一版词典把
#   将来时算作确定、把立场词算作填充语。这些成绩都是样本内的，偏乐观；一致性和留出检验见第 06 课下篇。
# - 有争议的编码决定（几乎所有、或许才是、仅仅只是）要两种都算：它们改变精确率，也改变"谁更谨慎"（第 06 课下篇）。
# - 关于一篇文章**有什么**（比如有没有证据）的结论，以编码过的句子为据，不以词典计数为据。
# - 确定性和模糊限制的比较要带区间：排名第一的那篇常常只在一部分重抽里排第一，去掉一个标记
#   排名就会变。A5 要分开作者与供应商，A3 只有两页中的第一页（占全文多少不知道）。
# - 预测分三种：说成定论的、含糊的、单纯的将来时。没有时间、没有依据的"必然"无法检验。
# - 证据要问提供者：被赞扬的一方、报道一个目标（页面没说谁定的）的第三方媒体、只有名字的数据来源、匿名人士、无出处。
# - 立场标记（所谓、其实、而已）不是填充语；填充语是同义叠用。
# - 并排的句子先排除时态、范围和条件的差别，再谈矛盾。
#
# 第 06 课下篇检验这些标记能推广到多远；第 07 课把这些度量放进一张带区间的总表，检验"同一作者"的假设，回答课程的核心问题。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Hyland, K. (2005). *Metadiscourse: Exploring Interaction in Writing*. London: Continuum —
#   模糊限制语、确定性标记（boosters）、态度标记与自我提及。
# - Hyland, K. (1998). *Hedging in Scientific Research Articles*. Amsterdam: John Benjamins.
# - 何自然 (1985). 模糊限制语与言语交际. 《外国语》, 1985(5) — 变动型与缓和型模糊限制语。
# - Grimmer, J. & Stewart, B. M. (2013). Text as Data: The Promise and Pitfalls of Automatic
#   Content Analysis Methods for Political Texts. *Political Analysis*, 21(3), 267–297 —
#   为什么词典必须对照参考编码来检验。
# - Krippendorff, K. (2018). *Content Analysis: An Introduction to Its Methodology* (4th ed.).
#   SAGE — 编码规范、编码员和一致性。
#
# **预计用时 / Estimated time:** 60–75 分钟 / minutes（含四道练习）。
