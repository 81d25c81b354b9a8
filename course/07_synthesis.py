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
# # 第 07 课　综合：流量之外，答案在哪里
#
# **Abstract.** The closing lesson brings the course together and asks how much the methods can
# settle. One table, built by code, compares the five articles: each conclusion (our paraphrase,
# with its anchor sentence), genre, certainty and hedge rates with bootstrap intervals, stance,
# filler, predictions and evidence, with the caveats that only the first of A3's two pages was
# scraped (how much is missing is unknown) and A5 mixes the
# author's voice with a vendor's. We answer the central question with quotations, the argument
# reconstructions of lesson 01 and counts — and find that several tempting statements do not
# survive. Of the two articles in which the evidence lexicon finds nothing, A2 does give evidence
# by the course's reference coding (one vague reference to news reports); A4 gives none by either
# count. Claims about what an article contains rest on the coding, not on a lexicon count. Most of these
# articles do not use more certainty markers than hedges, and only one (A5) can be told apart from
# A3 on certainty at the uncorrected 95 % level, none after the correction for several comparisons. Counted with the reference coding instead of the lexicon, the order of the
# certainty rates and the order of the hedge rates both stay the same; yet the ranking of "who
# sounds most certain" changes when a single marker is dropped: stable under one change, fragile
# under another. We then test the same-author hypothesis raised by the shared stock phrases with
# function-word stylometry (Burrows's Delta on equal-length chunks): it
# separates the vendor's spoken register from the written commentary (partly because of words
# chosen to find that section), but cannot tell A1 or A2 apart from the other written commentary,
# so it says nothing either way about a shared author. The lesson ends with what these methods can
# and cannot show, an ungraded writing prompt whose quotations are checked against the corpus,
# and the problem sets.
#
# **预计用时 / Estimated time:** 90–120 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 用一张由代码生成、带区间和注意事项的总表概括五篇文章；
# 2. 用引文、论证重建和计数回答课程的核心问题，并说清楚语料**不能**裁决什么；
# 3. 做敏感性检验：去掉一个标记、用课程的参考编码代替词典，结论还成立吗？
# 4. 用虚词统计检验"同一作者"的假设，并说明这种方法在五篇短文上能分出什么、分不出什么；
# 5. 写一篇有原文依据、承认方法限度的短评。
#
# 术语（置信区间、敏感性检验、文体计量学、虚词、同一作者假设、参考编码、多重比较、主张）见 `course/glossary.md`。

# %%
import re

import pandas as pd

from beyond_traffic import arguments, selfcheck
from beyond_traffic.claims import count_markers, find_evidence, find_sentences, profiles_table, split_sentences
from beyond_traffic.corpus import ARTICLE_IDS, load_corpus
from beyond_traffic.count import count_phrase, han_count, kwic
from beyond_traffic.marker_gold import load_marker_gold, voice_texts
from beyond_traffic.stylometry import FUNCTION_WORDS, burrows_delta, function_word_table, mean_delta_by_text, nearest_text
from beyond_traffic.uncertainty import difference_interval, leave_one_marker_out, rank_stability, rate_intervals

pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
articles = {a.id: a for a in corpus}
sentences = {a.id: split_sentences(a.clean) for a in corpus}
gold = load_marker_gold()  # the course's reference coding (lesson 06, part 1)

# %% [markdown]
# ## 1. 一张带区间的总表
#
# 每一列都由代码算出；标记用课程唯一的数法（`claims.count_markers`，与第 04、06 课相同）。证据给两列：
# 词典数出的，和课程的参考编码（第 06 课上篇）标出的；说一篇文章"有没有证据"，以后者为准。
# 区间是句子自助法的 95% 区间（第 04 课）。"结论"是第 01 课重建的转述，"锚点句"是它的第一个原文锚点所在的句子。
#
# 句子自助法推广到的总体要说清楚：它重抽的是**这篇文章自己的句子**，所以区间回答的是"同一位作者用同样的
# 写法、就同一题目写出另一批句子，频率会在什么范围"，而不是"别的文章、别的作者会怎样"。五篇文章不是
# 从某个总体里抽出来的样本，区间不能推广到"中文商业评论"。两篇文章比高低，看**差值**的区间（第 2.4 节）；
# 两个区间重叠与否不是判断的标准。


# %%
def with_interval(kind):
    table = rate_intervals(kind)
    return {aid: f"{table.loc[aid, 'per_1000']:.2f} [{table.loc[aid, 'low']:.2f}, {table.loc[aid, 'high']:.2f}]" for aid in table.index}


profiles = profiles_table()
caveats = {"A3": "只有第一页", "A5": "含供应商段落（见第 2.4 节）"}
overview = pd.DataFrame(
    {
        "体裁": {a.id: a.genre for a in corpus},
        "结论（转述）": {aid: arguments.reconstruction(aid).conclusion.claim for aid in ARTICLE_IDS},
        "锚点句": {aid: arguments.anchor_sentences(arguments.reconstruction(aid).conclusion)[0] for aid in ARTICLE_IDS},
        "确定/千字 [95%]": with_interval("certainty"),
        "模糊/千字 [95%]": with_interval("hedge"),
        "立场/千字 [95%]": with_interval("stance"),
        "预测": profiles["predictions"],
        "证据（词典）": profiles["evidence"],
        "证据（参考编码）": pd.Series([s.article_id for s in gold for _ in s.spans_of("evidence")]).value_counts().reindex(list(ARTICLE_IDS), fill_value=0),
        "注意": {aid: caveats.get(aid, "") for aid in ARTICLE_IDS},
    }
)
overview

# %% [markdown]
# 排名有多稳？每篇在两千次重抽里排第一的比例：

# %%
pd.DataFrame({kind: rank_stability(kind)["share_first"] for kind in ["certainty", "hedge", "stance", "evidence"]}).round(2)

# %% [markdown]
# 只有证据一列有一个几乎总排第一的文章（A3）。确定性、模糊限制和立场都没有：排第一的那篇，
# 在不少重抽里排不了第一。写"某篇最肯定"之前，先看这张表。
#
# ### 动手试试 / Your turn 1 · ★★ 练习 / practice
#
# 用 `leave_one_marker_out("certainty")` 找出：去掉**哪些**标记后，确定性密度最高的文章会换人？
# 写代码筛选，把这些标记（不带"去掉 "前缀）放进一个集合赋给 `decisive_markers`。

# %%
decisive_markers = None  # 例如 {"必然"}

# %%
_loo = leave_one_marker_out("certainty")
_ = selfcheck.check_set(
    decisive_markers,
    expected={m.replace("去掉 ", "") for m in _loo.index[_loo["highest"] != _loo.loc["（全部）", "highest"]]},
    name="decisive_markers",
    hint_zh="比较每一行的 highest 和第一行的 highest；行名要去掉前缀",
    hint_en="compare each row's highest with the first row's; strip the prefix from the row names",
)

# %% [markdown]
# ## 2. 回答核心问题
#
# > 在产业互联网的故事里，直播带货是什么？流量是赋能的对立面吗？
#
# 我们分几步回答，每一步都回到原文。
#
# ### 2.1 直播带货改变生产吗？
#
# 第 01 课已经看到，A1 与 A2 的标题句时态不同：A1 预测将来会改变（「直播带货将改变传统行业的设计和生产方式」），
# A2 说现在「并未真正改变」。关于现在，A1 有几处把改变说成已经发生：营销一节的「直播带货的出现打破了这一困局」，
# 设计与生产一节的「直播带货的出现打破了这种困局，人们开始找到破解B端困境和难题的方式和方法」，还有直播带货对B端
# 「实质上」是「一个深度改造的过程」；旁边是可能——产销不对路「有了解决的可能性」——和既可读作能力也可读作可能的
# 「可以」。这些断言与 A2 的「它也没有改变商品本身」冲突多大，取决于读法（第 01 课，X8）。双方各自拿出了什么证据？
# 这次不用词典，用课程的参考编码（第 06 课上篇）：它逐句标出了证据，比证据词典找得全。

# %%
production_words = ["生产方式", "对产品进行优化", "适销对路", "商品本身", "打破了这一困局", "打破了这种困局", "深度改造的过程"]
for aid in ["A1", "A2"]:
    production = [s for s in gold if s.article_id == aid and any(w in s.text for w in production_words)]
    evidence = [span.text for s in production for span in s.spans_of("evidence")]
    print(f"{aid}：谈产品和生产的句子 {len(production)} 句，参考编码标出的证据 {len(evidence)} 处", evidence)

# %% [markdown]
# 按参考编码，两篇谈产品和生产的句子里都没有证据：没有一个数字、一个来源或一个具体的企业（看上面的输出）。
# A2 对现状的判断、A1 对现状的几处断言和它对将来的预测，**语料本身都无法裁决**：要回答它，需要语料之外的
# 证据（工厂或品牌的案例、供应链数据）。
#
# ### 2.2 前奏曲、必然阶段，还是电商？
#
# 第 01 课的比较表把这几种说法拆成了共同前提和真正的分歧：

# %%
arguments.comparison_table()[["问题 topic", "关系 relation", "说明 note"]]

# %% [markdown]
# A1 和 A2 共享大部分前提（消费互联网的流量逻辑不是产业互联网；新技术还没用上；直播带货是一个切入点）。
# 一处分歧在将来：两篇都预料靠流量的带货形态会结束，A1 预测技术成熟时它会蜕变、与新技术融合，A2 预测新技术成熟时传统行业会抛弃它（都带着条件）；
# 关于结合，A2 只从反面说（找不到与新技术结合的方式和方法，火爆「或许」只是昙花一现），正面只说找到它
# 「与产业互联网的结合点」，直播带货「也可以获得更加长久的发展」（X9）。此外还有 2.1 里关于现在、取决于读法的分歧。A2 自己还有一处
# 紧张：「产业互联网的大潮下，直播带货落幕是必然」，又说「直播带货同样也可以获得更加长久的发展」（不一致，还是“更长久”而终将落幕，
# 两种读法见第 01 课）。A3 回答一个相邻的问题
# （直播电商这门生意靠什么竞争）；它和 A1 都看重B端，但想法不同，至多共用一个行业常识（X4）。A4 根本没谈
# 直播带货。
#
# 所以“必然阶段与切入点、前奏曲、还是电商”：A1 与 A2 回答的是同一个问题，A3 回答的是相邻的问题。两篇的回答
# 是否大体相容，是一个**开放**的读法问题（X13）：A1 说「我更加愿意把直播带货当成是产业互联网的一部分来看待」，
# A2 说「它的发展同样与产业互联网相违背的」。一种读法：两篇都把直播带货放在通往产业互联网的路上（必然阶段、
# 切入点、前奏曲），A2 的“相悖”只说它本身还不是产业互联网，分歧主要在将来，两篇大体相容；另一种读法：两篇对
# 直播带货**现在**属于哪一边有实质分歧。两种读法都有原文依据，回答时要说出你取哪一种、为什么。
#
# ### 2.3 流量是赋能的对立面吗？
#
# 数一数每篇文章中同时出现"流量"和"赋能"的句子，再看 A5 怎样把两个词连在一起用：

# %%
for a in corpus:
    both = [s for s in find_sentences(a.id, "流量") if "赋能" in s]
    print(f"{a.id}：同句 {len(both)} 句；“流量赋能” {count_phrase(a.clean, '流量赋能')} 次")
    for s in both:
        print("   ·", s)
print()
for row in kwic(articles["A5"].clean, "流量赋能", width=12):
    print(f"A5 {row.left:>12}【{row.keyword}】{row.right}")

# %% [markdown]
# A4 和 A1 把浅层的流量做法和赋能分开（「这里的深度赋能并不是消费互联网时代简单意义上的流量输送」，
# 「直播带货不再是流量激活和转化的方式，而是变成了赋能B端的方式和方法」）。A5 说社交电商「说到底是
# 流量赋能的一种新方式」，但这句话是批评：同一句接着说「我们一味地进行单一的流量赋能无法带来持续增长」，
# 而「以更加深度和多维的赋能为主导地发展模式才是未来的主要方向」。三篇都偏向深度（多维）的赋能；
# 在**用词**上，A5 让“赋能”也包括浅的那一种，A4 把那一种叫“流量输送”（第 01 课，X6 和 X12）。但三篇对
# 靠流量的做法评价并不一样：A4 说在概念初提、新技术未成熟的那种特定情况下「通过资本运作的方式来获得流量的做法是可取的」
# （说的是当时；关于当下的那一句 A4.K1 读法不一），A5 承认社交电商短期见效，却说它「只能是饮鸩止渴的解药」，A1 则把「对公域流量、私域流量的盘活」算作直播带货带来的想象空间。
# 所以流量不是赋能的对立面：在 A5 里它是一种浅层的“赋能”（上面的计数显示，“流量赋能”这个说法只见于 A5），
# 在 A4、A1 里它是深度赋能要超越的东西。A4 与 A5 是否“只差用词”，取决于怎样读 A4 的让步（A4.K1）。
# “赋能”一词没有被定义，每篇文章让它指向自己想要的东西。
#
# ### 2.4 证据少的文章，说话更肯定吗？
#
# 一个诱人的结论是："不给证据的文章用确定性很高的语言预测未来"。先问第一步：哪些文章不给证据？
# 词典和参考编码的回答不一样。关于"一篇文章里有什么"的说法，要以参考编码为准：证据词典只认几种固定的
# 说法，召回率低（第 06 课上篇第 2.2 节）。下表按说话人（声音）分开数：

# %%
coded_evidence = (
    pd.DataFrame([{"article": s.article_id, "voice": s.voice} for s in gold for _ in s.spans_of("evidence")])
    .pivot_table(index="article", columns="voice", aggfunc="size", fill_value=0)
    .reindex(list(ARTICLE_IDS), fill_value=0)
)
coded_evidence["词典 lexicon"] = profiles["evidence"]
print("词典找不到证据的 / no evidence by the lexicon:", [aid for aid in ARTICLE_IDS if profiles.loc[aid, "evidence"] == 0])
print(
    "参考编码在作者的话里找到证据的 / evidence in the author's voice, by the coding:",
    [aid for aid in ARTICLE_IDS if coded_evidence.loc[aid, "author"] > 0],
)
coded_evidence

# %% [markdown]
# 除了证据最多的那篇，编码找到的是什么样的证据？打印出来读一读：

# %%
most_evidence = coded_evidence.drop(columns="词典 lexicon").sum(axis=1).idxmax()
print("证据最多 / most evidence:", most_evidence)
for s in gold:
    if s.article_id != most_evidence and s.spans_of("evidence"):
        print(f"{s.article_id}［{s.voice}］", [span.text for span in s.spans_of("evidence")], "←", s.text[:40], "……")

# %% [markdown]
# 所以"这几篇不给证据"是错的：按参考编码，它们大多给了，只是很少，而且多是点名的企业和事件（例如 A5 作者说的
# 「拼多多的成功」「阿里、腾讯、京东进行的场景布局」），不是数字和出处。词典数出的零，只说明词典没找到。
#
# 再看第二步：证据少的这几篇（证据最多的那篇以外），确定性标记多于模糊限制语吗？两种数法并排：

# %%
fewer = [aid for aid in ARTICLE_IDS if aid != most_evidence]
coded_counts = pd.DataFrame(
    [{"article": s.article_id, "category": span.category} for s in gold for span in s.spans]
).pivot_table(index="article", columns="category", aggfunc="size", fill_value=0)
pd.DataFrame(
    {
        "确定（词典）": profiles.loc[fewer, "certainty"],
        "模糊（词典）": profiles.loc[fewer, "hedges"],
        "确定（编码）": coded_counts.loc[fewer, "certainty"],
        "模糊（编码）": coded_counts.loc[fewer, "hedge"],
        "确定多于模糊？（编码）": coded_counts.loc[fewer, "certainty"] > coded_counts.loc[fewer, "hedge"],
    }
)

# %% [markdown]
# 和证据最多的那篇比呢？看差值的区间（第 04 课）。这里一次比了好几对，要多留一分小心：每个 95% 区间在两篇
# 其实没有差别时，也有 5% 的机会不含 0；比的对数越多，至少有一对"碰巧分得开"的机会越大（四对时最多约
# 19%）。一个简单的办法是 Bonferroni 校正：比 k 对，每对用 1 − 0.05/k 的区间（四对是 98.75%）。两种都算出来：

# %%
pairs = len(fewer)
for aid in fewer:
    for confidence in [0.95, 1 - 0.05 / pairs]:
        d = difference_interval("certainty", aid, most_evidence, confidence=confidence)
        verdict = "分不出 / cannot tell" if d.contains(0.0) else "分得开 / differ"
        print(
            f"确定性 certainty {aid} − {most_evidence}（{confidence:.2%}）: {d.estimate:+.2f}，"
            f"区间 [{d.low:+.2f}, {d.high:+.2f}] → {verdict}"
        )

# %% [markdown]
# 它们是不是“谈将来多于谈现在”？标记计数回答不了这个问题：课程从不数“关于现在的句子”。第 01 课的重建给
# 每个前提标了时态，可是数重建里的前提，数的是**我们的**选择（一段话切成几条前提、哪句记作前提），
# 不是文章本身。下表只描述我们的重建，不能拿来支持或反驳关于文章的说法：

# %%
tense_counts = pd.DataFrame(
    {aid: pd.Series([arguments.TENSES[p.tense] for p in arguments.reconstruction(aid).premises]).value_counts() for aid in ARTICLE_IDS}
).fillna(0).astype(int).T
tense_counts

# %% [markdown]
# 结论站不住。按参考编码，证据少的文章大多并非“不给证据”，只是给得少、给得笼统（A4 例外：词典和编码都找不到证据）；它们的确定性标记大多并不比
# 模糊限制语多（上表最后一列）；和证据最多的那篇比，多数分不出高低（上面的差值区间，校正前后都看）。
# 至于“谈将来多于谈现在”，课程的工具无法检验：重建前提的计数只描述我们自己怎样重建。真正的问题在证据的
# **质量**：点名一家企业不等于说明它的情况，一个没有时间表、没有依据的预测，不管加不加“或许”，都无法检验。
#
# A5 的数字要按声音分开看，词典和编码也要分开看：

# %%
a5_voices = voice_texts("A5")
kinds = ["evidence", "hedge", "certainty", "prediction"]
a5_lexicon = pd.DataFrame({kind: {voice: count_markers(text, kind) for voice, text in a5_voices.items()} for kind in kinds})
a5_coded = pd.DataFrame(
    {kind: {voice: sum(len(s.spans_of(kind)) for s in gold if s.article_id == "A5" and s.voice == voice) for voice in a5_voices} for kind in kinds}
)
pd.concat({"词典 lexicon": a5_lexicon, "参考编码 coding": a5_coded}, axis=1)

# %% [markdown]
# 两种声音各自找到了什么，逐条列出来（词典和参考编码并排）：

# %%
for voice, text in a5_voices.items():
    print(f"{voice} 词典 lexicon:", [m.text for m in find_evidence(text)])
    print(f"{voice} 编码 coding: ", [m.text for s in gold if s.article_id == "A5" and s.voice == voice for m in s.spans_of("evidence")])

# %% [markdown]
# 读上面的输出：词典在 A5 作者的话里也找到了证据标记——作者举的具名企业。供应商段落里，按参考编码，证据是
# 数字和「有大数据的监控」；词典在那里找到的具名平台（「淘宝、京东」，出自一句谈入驻时机的话）是误报，而「有大数据的监控」
# 它没有找到。两种声音的证据**种类**不同，合在一起数，就看不出哪些数字是供应商给的。词典和编码也不完全一致：
# 逐条对照，才知道一个计数里装的是什么——这正是第 06 课上篇要先验证词典、再用它计数的原因。
#
# 再问一遍：哪几篇按词典**一条证据也没有**，参考编码却找到了证据？

# %%
lexicon_zero = [a.id for a in corpus if not find_evidence(a.clean)]
coded_some = {s.article_id for s in gold if s.spans_of("evidence")}
print("词典为零 / lexicon finds none:", lexicon_zero)
print("其中编码找到证据 / of these, coded evidence:", [aid for aid in lexicon_zero if aid in coded_some])

# %% [markdown]
# ### 2.5 我们的回答
#
# 综合以上：**这批文章无法告诉我们直播带货是不是产业互联网的方向；**它们共享的前提（流量模式是暂时的；
# A1、A2、A4 还共享“新技术会改变产业”，A5 只说社交电商要持续发展得靠新技术（部分带“或许”“或将”），
# A3 没有这样说）本身没有被论证，它们的分歧一部分在没有时间表的预测，一部分在关于现在、大小取决于读法的
# 判断（同样没有证据），而唯一拿出较多证据的 A3，证据来源各异、独立程度不一，而且我们只有它两页中的第一页（缺了多少看不出）。
# 它们能告诉我们的，是（推断）大致 2018–2020 年的自媒体商业评论**怎样**谈论这个问题：几篇共用一套词汇和套话，
# 而且很少给出可以核实的依据。哪几篇共用哪几个说法，不凭印象说，数出来：

# %%
stock_phrases = ["仅仅只是", "方式和方法", "所谓", "产业互联网"]
stock_counts = pd.DataFrame({w: {a.id: count_phrase(a.clean, w) for a in corpus} for w in stock_phrases})
for w in stock_phrases:
    print(f"{w}：出现在 / used in", [aid for aid in stock_counts.index if stock_counts.loc[aid, w] > 0])
stock_counts

# %% [markdown]
# 读上面的输出：每个说法由哪几篇共用并不一样，A3 一个也没用；“所谓”和“产业互联网”也不是每篇都有。
# 说"这几篇用同一套套话"时，要说清是哪几篇、哪几个词。这是一个关于语料的结论，不是关于直播带货的结论。

# %% [markdown]
# ## 3. 敏感性检验：换一个选择，结论还成立吗？
#
# 我们的计数依赖许多选择：词典收了哪些词、怎样切句、怎样清洗。第 1 节的"去掉一个标记"是一种检验；
# 更强的一种是**不用词典**：直接用第 06 课上篇的参考编码来数，看排名变不变。参考编码是课程的编码员按编码规范
# 逐句做的，不是"标准答案"：规范本身收了许多这批文章里的说法，编码的可靠性和它的限度见第 06 课下篇第 3 节。

# %%
han = {aid: han_count(articles[aid].clean) for aid in ARTICLE_IDS}
gold_counts = coded_counts
sensitivity = pd.DataFrame(
    {
        "词典 certainty ‰": profiles["certainty_per_1000"].round(2),
        "参考编码 certainty ‰": (1000 * gold_counts["certainty"] / pd.Series(han)).round(2),
        "词典 hedge ‰": profiles["hedges_per_1000"].round(2),
        "参考编码 hedge ‰": (1000 * gold_counts["hedge"] / pd.Series(han)).round(2),
    }
)
sensitivity

# %%
for column in sensitivity.columns:
    print(f"{column:18s} 排序 / order:", " > ".join(sensitivity[column].sort_values(ascending=False).index))

# %% [markdown]
# 比较同一类标记的两种排序：哪些名次是稳的，哪些随计数方法而变？随方法而变的名次，写评论时
# 不能当作结论。也别忘了第 1 节的检验：同一个确定性排序，换用参考编码不变，去掉一个标记却会变——
# 稳不稳，要看是对哪一种改动而言。参考编码本身也有争议的决定（第 06 课下篇第 2 节），模糊限制语的数字尤其如此。
#
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 用参考编码（`gold`）数**预测标记**：每篇文章每千字有多少个编码认定的预测标记？找出最高的那篇，
# 把编号赋给 `gold_top_prediction`。再和词典的结果（`profiles["predictions_per_1000"]`）比一比。

# %%
gold_top_prediction = None  # 例如 "A1"

# %%
_ = selfcheck.check_choice(
    gold_top_prediction,
    expected=(gold_counts["prediction"] / pd.Series(han)).idxmax(),
    options=list(ARTICLE_IDS),
    name="gold_top_prediction",
    hint_zh="每个 CodedSentence 有 spans_of(类别)；按文章累加，再除以汉字数",
    hint_en="each CodedSentence has spans_of(category); add up per article, then divide by Han characters",
)

# %% [markdown]
# ## 4. 同一作者？用虚词检验
#
# 2.5 的计数显示，"仅仅只是""方式和方法""所谓"这几个套话在几篇文章里反复出现（各由哪几篇共用，见那里的输出）；
# 第 00 课的推断表指出 A1 和 A2 都写「我更加愿意把」。A1 署名孟永辉，自述高产（第 00 课）。它们会是同一个人写的吗？
#
# 套话是**内容层面**的线索：可以被模仿，也可能只是同一个圈子的流行说法。作者鉴定（stylometry）更
# 看重作者**不经意**使用的小词——的、了、在、并且、对于……它们和话题关系不大（Mosteller & Wallace
# 1964）。Burrows（2002）的 Delta 把每个虚词的频率标准化（z 分数），再算两篇文字之间的平均绝对差：
# 越小越像。
#
# 先在整篇文章上算（A5 按声音拆成作者和供应商两部分）：

# %%
texts = {aid: articles[aid].clean for aid in ["A1", "A2", "A3", "A4"]} | {f"A5 {v}": t for v, t in a5_voices.items()}
delta = burrows_delta(function_word_table(texts))
delta.round(2)

# %% [markdown]
# 只有六篇文字时，z 分数本身就不稳。更好的做法是把每篇切成等长的块（这里每块 200 个词），让每篇
# 贡献几个点：同一作者的块之间应当和同一篇文章内部的块一样近。

# %%
chunks = function_word_table(texts, chunk_size=200)
chunk_delta = burrows_delta(chunks)
print("每篇的块数 / chunks per text:", chunks["text"].value_counts().to_dict())
mean_delta_by_text(chunk_delta, chunks).round(2)

# %% [markdown]
# 对角线是同一篇文章内部块与块的平均距离，其余是两篇之间的平均距离。只看 A2 一列会误导：要拿 A1 和
# **每一篇**比，还要和 A1 自己的块比。

# %%
means = mean_delta_by_text(chunk_delta, chunks)
print("A1 块内 / within A1:", round(means.loc["A1", "A1"], 2))
print("A1 到其他各篇，由近到远 / A1 to every other text:", means.loc["A1"].drop("A1").sort_values().round(2).to_dict())
for label in means.index:
    others = means.loc[label].drop(label)
    print(f"{label:10s} 块内 {means.loc[label, label]:.2f}｜最近 {others.idxmin()} {others.min():.2f}｜最远 {others.idxmax()} {others.max():.2f}")

# %% [markdown]
# 再看每个块离它最近的块来自哪篇：

# %%
neighbours = nearest_text(chunk_delta, chunks)
neighbours.groupby("text")["nearest_text"].value_counts().unstack(fill_value=0)

# %% [markdown]
# 供应商段落离得最远，是不是方法"认出了另一个说话人"？注意虚词表（`FUNCTION_WORDS`）里有"非常"和"我们"：
# 第 01 课正是用"非常""我们公司"这类词找出供应商段落的。去掉这两个词再算一次，看每篇离得最远的还是不是供应商：

# %%
plain_words = [w for w in FUNCTION_WORDS if w not in {"非常", "我们"}]
plain_chunks = function_word_table(texts, chunk_size=200, words=plain_words)
plain_means = mean_delta_by_text(burrows_delta(plain_chunks), plain_chunks)
print("去掉 非常、我们 之后，离每篇最远的 / furthest from each text:", {label: plain_means.loc[label].drop(label).idxmax() for label in plain_means.index})

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★★ 挑战 / stretch
#
# 1. 根据块之间的平均距离，把其他各篇（包括 `"A5 author"` 和 `"A5 vendor"`）按离 A1 **由近到远**排成一个
#    列表，赋给 `a1_order`。A2 排在第几？A1 到最近和最远的两篇**评论文字**（不算供应商）差多少，和 A1 块内的
#    平均距离比呢？
# 2. 把 `chunk_size` 改成 150 和 300 再跑一遍上面的单元格：排在最前面的还是同一篇吗？
# 3. 用两三句话写下（不评分）：这个结果能说明 A1 和 A2 出自同一作者吗？为什么不能？还需要什么材料？

# %%
a1_order = None  # 例如 ["A3", "A2", …]
my_stylometry_note = None  # 两三句话

# %%
_ = selfcheck.check(
    a1_order,
    expected=list(mean_delta_by_text(chunk_delta, chunks).loc["A1"].drop("A1").sort_values().index),
    kind="exact",
    name="a1_order",
    hint_zh="在平均距离表里取 A1 那一行，去掉 A1 自己，按数值从小到大排序，再取行名",
    hint_en="take row A1 of the mean distances, drop A1 itself, sort ascending and take the labels",
)

# %% [markdown]
# **五篇文章能把这个假设推到哪一步？**
#
# - 整篇的 Delta 表里 A1 和 A2 彼此离得最近，但整篇只有六个点，z 分数不稳。切成块之后（上面打印的 A1 两行）：
#   A1 的块离 A2、A3、A4 和 A5 作者部分的块平均都差不多远，和离 A1 自己别的块也差不多远；A2 只是几篇差不多
#   近的文字之一，不是最近的那篇。A2 的块内距离也和它到最近的另一篇差不多。对这两篇来说，平均距离连"同一篇"
#   和"别的篇"都分不开，更分不出"同一作者"。所以对"A1 与 A2 同出一人"，这个方法**没有提供信息**：既不支持，
#   也不反驳。
# - A3、A4 和 A5 作者部分的块内距离比到别篇小一些；可它们各只有几个块（见每篇的块数），而一篇文章相邻的段落
#   本来就谈同一件事：块内近，可能只是话题近。
# - 方法分得最开的是供应商的口语段落：它离每一篇评论文字都最远。但这一点有一部分是循环的（去掉"非常""我们"
#   之后，它不再离每一篇都最远，见上面的输出），而且它的块很少。它能把口语和书面评论分开，却分不开 A1、A2
#   和其他几篇书面评论。
# - 不能说的：**谁**写了它们。Delta 只在一组候选作者之间比较才有意义，而我们没有任何一篇确知出自
#   孟永辉或别人之手的对照文本；五篇都谈同一个话题、属于同一种体裁，话题和体裁也会让文字变像；
#   文章很短，块只有几个，一个块的位置就能改变结论；转载时还可能被编辑改动。
# - 所以："A1 与 A2 同出一人"仍然只靠套话这一条线索，是一个假设。要检验它，需要孟永辉署名的其他文章
#   （以及同一话题上其他作者的文章）作对照，而且要长得多的文本。

# %% [markdown]
# ## 5. 这些方法能说明什么，不能说明什么
#
# **能说明的：**
#
# - 用了哪些词、用了多少次，以及这个频率在这样短的文本里有多大的不确定性（第 03–05 课）；
# - 哪些句子带有确定、模糊、预测、证据、立场、填充的标记，以及词典在多大程度上找对了（第 06 课上篇）；
# - 某个说法出自哪篇文章的哪一句，论证由哪些前提构成——引文可以核对，不靠记忆（第 01 课）；
# - 文本经过了哪些处理，每一步改了什么（第 02 课）；页面显示了什么来源信息（第 00 课）。
#
# **不能说明的：**
#
# - **意思。** 词典按字面匹配；参考编码告诉我们它错在哪里，但只在这五篇上验证过，换一批文章要重新验证；
#   编码员之间的一致只说明准则可以重复使用，不说明准则抓住了“确定”“证据”这些概念本身（第 06 课下篇第 3 节）。
# - **真假。** 证据标记说明文章"摆出了"证据，不说明证据可靠；一个数字可能出自利益相关方，也可能是目标而不是结果。
# - **代表性。** 五篇文章是一个很小的、偶然得到的语料，其中一篇只有两页中的第一页；它们不代表"中文媒体"。
# - **作者和意图。** 体裁标签和"同一作者"都是判断或假设；计数只是支持或削弱它们——有时（例如这里的虚词统计）
#   两样都做不到。
# - **稳健性。** 排名会随一个标记、一种计数方法而变；区间说明了一部分不确定性，但自助法假定句子
#   相互独立，实际的不确定性更大；一次比较许多对文章时，总有几对会碰巧"分得开"（多重比较）。
# - **推广。** 句子自助法的区间推广到同一篇文章可能写出的其他句子，不推广到别的文章或别的作者。

# %% [markdown]
# ## 6. 写作练习：一篇有依据的短评（不评分）
#
# 选一篇文章（或一对观点不同的文章），写一篇 300–500 字的中文短评：
#
# 1. 用一句话复述它的主张，并**引用**原文（用「」括起原句或短语）；
# 2. 说出它的一个共同前提和一个隐含前提（第 01 课）；
# 3. 给出本课程算出的至少一个数字，**连同它的区间**，并说明这个数字能说明什么；
# 4. 评估它的证据：有没有？从哪里来？提供者与被评价的一方是什么关系？
# 5. 最后说明你的分析**不能**说明什么。
#
# 把短评写进 `my_critique`（一个字符串）。下面的检查不会给你打分：它只检查你「」里的引文是否真的
# 能在清洗后的语料中找到（省略号…可以连接同一篇文章里按顺序出现的几个片段），帮你避免"凭记忆引用"。

# %%
my_critique = None  # 例如 my_critique = """A2 认为「直播带货落幕是必然」……"""


# %%
def in_order(parts, article_text):
    """True if every part occurs in article_text, each after the one before."""
    position = 0
    for part in parts:
        position = article_text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def check_quotes(text):
    """Check that each quotation in 「」 occurs in a cleaned article; report only your own quotes."""
    if selfcheck.is_placeholder(text):
        print("… 还没作答 / not answered yet: 把 my_critique 的 None 换成你的短评 / write your critique into my_critique")
        return
    if type(text) is not str:
        print(f"✗ 类型不对：需要 str，你给的是 {type(text).__name__} / wrong type: expected str")
        return
    quotes = list(dict.fromkeys(re.findall(r"「([^」]+)」", text)))
    print(f"字数 / length: {len(text)}（建议 300–500）；引文 / quotations: {len(quotes)}")
    if not quotes:
        print("  提示 / hint: 用「」括起至少一处原文 / quote the text at least once inside 「」")
    for q in quotes:
        parts = [p for p in re.split(r"…+", q) if p]
        sources = [a.id for a in corpus if parts and in_order(parts, a.clean)]
        print(f"  {'✓' if sources else '✗'} {q[:20]}{'…' if len(q) > 20 else ''}", f"→ {'、'.join(sources)}" if sources else "→ 语料中找不到：核对原文或标点 / not found: check the wording")


check_quotes(my_critique)

# %% [markdown]
# 短评的评分标准（供自评或同伴互评；作业里的书面题由教师按类似的标准人工评分）：主张复述准确且有引文；
# 前提与隐含前提分得清；至少一个带区间的数字，并说明它的含义；对证据来源的判断有页面依据；
# 指出的问题有原文为证；承认方法的限度。

# %% [markdown]
# ## 7. 接下来：作业
#
# 课程配有 nbgrader 作业（教师用 `make assignments` 生成学生版，放在 `assignments/`）：
#
# | 作业 | 主题 | 对应课 |
# |---|---|---|
# | ps1 清洗与分词 (`ps1_segment`) | 清洗一段原文、用领域词典分词、计算 P/R/F1 | 02、03 |
# | ps2 词频与关键词 (`ps2_count`) | 词频、停用词、每千字、n-gram、TF-IDF、KWIC | 04、05 |
# | ps3 论断与批判 (`ps3_critique`) | 标记、证据、论证重建、人工评分的书面题 | 01、06、07 |
# | ps4 综合：一篇新文章 | 把整个流程用在一篇没见过的文章上，写一篇短评 | 00–07 |
#
# 自动评分的题目有可见测试和隐藏测试，每题可以得部分分；书面题由教师按评分标准人工评分。

# %% [markdown]
# ## 小结 / Recap
#
# - 总表的每个频率都带着区间和注意事项（A3 只有两页中的第一页，A5 两种声音）；排名要看它在重抽里有多稳。
# - 核心问题的回答：A1 与 A2 共享大部分前提，一处分歧在没有时间表的预测上；关于现在，A1 有几处把改变说成已经发生
#   （两处「打破了」困局等），分歧多大、两篇对直播带货现在属于哪一边是否有分歧，都取决于读法，同样没有证据；
#   A3 回答相邻的问题，和 A1 至多共用一个行业常识；A1、A4、A5 都偏向深度的赋能，但对靠流量的做法评价不同
#   （A4 承认它在概念初提时「可取」，A5 承认它短期见效、却称之为「饮鸩止渴的解药」），A4 与 A5 是否只差用词取决于怎样读 A4 的让步。
#   语料无法裁决直播带货的前途，它能说明的是这些文章怎样说话。
# - 文章里有什么，以参考编码为准：词典在 A2 数出零证据，编码却找到了一条（笼统的「新闻」）；A4 两种数法都是零；A1 和 A5 作者的证据，
#   词典和编码都找到了，只是一两处点名企业。
#   证据少的文章，确定性标记大多不多于模糊限制语；与证据最多的那篇相比，多数分不出高低。数我们自己重建的
#   前提，只能描述重建，不能当作关于文章的证据。
# - 比较两篇看差值的区间；一次比几对，要想到多重比较；句子自助法只推广到同一篇文章可能写出的句子。
# - 敏感性检验：确定性的名次换成参考编码不变，去掉一个标记就变；模糊限制语的名次换成参考编码也不变。
#   会变的名次不能当结论。
# - 虚词统计分得出口语的供应商段落（部分靠循环的词），分不开 A1、A2 和其他书面评论；对"A1 与 A2 同一作者"
#   它不提供信息，这个假设仍只靠套话这一条线索。
# - 好的批判 = 准确重建 + 原文引文 + 带区间的数字 + 对证据来源的判断 + 承认限度。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Grimmer, J., Roberts, M. E. & Stewart, B. M. (2022). *Text as Data: A New Framework for
#   Machine Learning and the Social Sciences*. Princeton University Press — 验证、测量与推断。
# - Burrows, J. (2002). 'Delta': a Measure of Stylistic Difference and a Guide to Likely
#   Authorship. *Literary and Linguistic Computing*, 17(3), 267–287.
# - Stamatatos, E. (2009). A survey of modern authorship attribution methods. *Journal of the
#   American Society for Information Science and Technology*, 60(3), 538–556.
# - Mosteller, F. & Wallace, D. L. (1964). *Inference and Disputed Authorship: The Federalist*.
#   Addison-Wesley — 用虚词做作者鉴定的开山之作。
# - Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
#
# **预计用时 / Estimated time:** 90–120 分钟 / minutes（含三道练习和一篇短评）。
