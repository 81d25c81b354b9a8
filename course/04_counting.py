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
# # 第 04 课　计数：词频、停用词、关键词与语境
#
# **Abstract.** Once the articles are clean and segmented, counting begins. This lesson counts
# word frequencies, removes stopwords (and explains why hedges such as 可能, certainty markers
# such as 必然 and stance words such as 其实 must *not* be stopwords in a course about how sure
# the authors sound), lists the top words of each article, and normalises counts to rates per
# 1,000 Han characters. Five short articles make small counts, so every rate here comes with a
# sentence-bootstrap interval, and an exercise asks whether a difference is meaningful rather
# than which number is larger. N-grams find the stock phrases 仅仅只是 and 方式和方法 — and
# show that they run through four of the five articles, which raises a same-author hypothesis
# (tested in lesson 07) instead of "one author's verbal tic". KWIC concordances put 流量 and 赋能
# back in context, and TF-IDF and TextRank give two different answers to "what are the
# keywords?". The closing table counts markers the one way the course counts them everywhere
# (`claims.count_markers`), with intervals and with the caveats that A3 is only the first of
# two pages and A5 mixes two voices.
#
# **预计用时 / Estimated time:** 60–80 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 计算词频和前 k 个高频词，并说明停用词表如何改变结果；
# 2. 解释为什么本课程的停用词表**不能**包含模糊限制语、确定性标记和立场标记；
# 3. 用"每千字频率"比较长短不同的文章，并给每个频率一个自助法区间；
# 4. 判断两个频率的差别是否有意义，而不只是比大小；
# 5. 用 n-gram 找出反复出现的词组，并说明它们为什么引出"同一作者"的假设；
# 6. 用 KWIC（语境索引）阅读一个词的每一次出现；
# 7. 比较 TF-IDF 和 TextRank 两种关键词方法，并制作五篇文章的对比表。
#
# 术语（词频、停用词、千字频率、自助法、置信区间、n-gram、套话、KWIC、TF-IDF、TextRank、同一作者假设）见 `course/glossary.md`。

# %%
from collections import Counter

import pandas as pd
from IPython.display import display

from beyond_traffic import selfcheck
from beyond_traffic.claims import count_markers, find_markers, profiles_table, split_sentences
from beyond_traffic.compare import article_tokens, frequency_table, keyword_table, top_terms_table
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, frequencies, han_count, kwic, ngrams, top_k
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, PREDICTIONS, STANCE, stopwords
from beyond_traffic.uncertainty import difference_interval, phrase_intervals, rate_intervals

corpus = load_corpus()
tokens = {a.id: article_tokens(a) for a in corpus}  # tokenize(a.clean), cached by the package

# %% [markdown]
# ## 1. 词频
#
# `frequencies(tokens)` 数每个词出现了多少次（默认去掉标点），`top_k` 取出最多的 k 个。
# 先看 A2，**不**去停用词：

# %%
a2_top = top_k(tokens["A2"], 15)
print(a2_top)

# %% [markdown]
# 排在最前面的大多是"的""是""了"这样的虚词。它们对任何中文文章都很常见，几乎不告诉我们
# 这篇文章**说了什么**。

# %% [markdown]
# ## 2. 停用词——以及哪些词不能停
#
# 停用词表列出在计数时要忽略的词。课程有自己的停用词表 `stopwords()`：

# %%
stop = stopwords()
print("停用词数 / stopwords:", len(stop))
a2_top_stop = top_k(tokens["A2"], 15, stopwords=stop)
print(a2_top_stop)
dropped = [w for w, _ in a2_top if w in stop]
print("被停用词表挡掉的高频词 / dropped:", dropped)

# %% [markdown]
# 去掉停用词之后，实词浮了上来。但停用词表是一个**决定**，不是事实。很多通用停用词表把
# "可能""一定""必然""将""其实"也算作停用词——对一般的主题分析也许无妨，对本课程却是致命的：
# 第 06 课要考察作者说话有多肯定、有没有留余地、站在什么立场，证据正是这些词。
#
# 课程的停用词表刻意排除了五个标记词典：模糊限制语（hedge）、确定性标记（certainty）、
# 预测标记（prediction）、填充语（filler）和立场标记（stance）。下面用代码检查它们与停用词表的交集：

# %%
lexicons = {"HEDGES": HEDGES, "CERTAINTY": CERTAINTY, "PREDICTIONS": PREDICTIONS, "FILLERS": FILLERS, "STANCE": STANCE}
for name, lexicon in lexicons.items():
    print(f"{name:12s} 词数 {len(lexicon):3d}，与停用词表的交集 / overlap with stopwords: {sorted(lexicon & stop)}")

# %% [markdown]
# 如果用了一张"通用"停用词表，会丢掉什么？假设在课程停用词表之外再加上下面几个词（通用表里
# 常有这一类词），再看一个词频表里还剩下多少标记。标记用课程唯一的数法来数（`claims.find_markers`，逐句在
# 原文上匹配，第 06 课验证过它）；被停用词表挡掉的，是其中那些词在词频表里的全部次数。

# %%
generic_extra = {"可能", "或许", "也许", "一定", "必然", "将", "显然", "确实", "其实"}
lost = {}
for a in corpus:
    markers = [m for s in split_sentences(a.clean) for kind in ("hedge", "certainty", "prediction", "stance")
               for m in find_markers(s)[kind]]  # fmt: skip
    lost[a.id] = f"{sum(m in generic_extra for m in markers)} / {len(markers)}"
print("被通用停用词表挡掉的标记 / markers a generic stoplist would hide (hidden / all):", lost)

# %% [markdown]
# 这些词一旦被当成停用词，"谁说得更肯定"这个问题就无从回答了。

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★ 热身 / warm-up
#
# 下面这些词里，哪些对本课程来说**不应该**放进停用词表（因为它们是某个标记词典里的词）？
# 把它们放进一个集合，赋给 `keep_words`。

# %%
candidates = ["的", "了", "可能", "必然", "或许", "我们", "将会", "和", "其实", "是"]
keep_words = None  # 例如 {"...", "..."}

# %%
_ = selfcheck.check_set(
    keep_words,
    expected={w for w in candidates if any(w in lexicon for lexicon in lexicons.values())},
    hint_zh="表示“不确定”“很确定”“将来”或作者立场的词要留下；虚词可以停。",
    hint_en="Keep the words that mark uncertainty, certainty, the future or the writer's stance; function words may go.",
    name="keep_words",
)

# %% [markdown]
# ## 3. 每篇文章的高频词
#
# `top_terms_table(k)` 把五篇文章的前 k 个高频词并排放在一张表里（用课程停用词表，只留两个字以上的词）：

# %%
top_terms_table(8)

# %% [markdown]
# 读表时想一想：哪些词在几篇文章里都排在前面？哪些词只属于某一篇？第 5 节会回到"仅仅""只是"。

# %% [markdown]
# ## 4. 每千字频率，以及它有多可靠
#
# 五篇文章长短不一。一个词在长文章里出现得多，不一定说明作者更看重它。所以要把次数除以
# 文章的长度：课程用**汉字数**作分母（`han_count`），算每千字出现几次。

# %%
lengths = pd.Series({a.id: han_count(a.clean) for a in corpus}, name="汉字数 / Han chars")
print(lengths.to_dict())
terms = ["流量", "赋能", "产业互联网", "直播带货"]
counts = frequency_table(terms, method="substring")
rates = frequency_table(terms, method="substring", per_1000=True).round(2)
print("次数 / counts")
display(counts)
print("每千字 / per 1,000 Han characters")
display(rates)

# %% [markdown]
# 这里按**子串**计数（`method="substring"`），因为下面的区间也按子串计数，两处的数字要一致。
# 按分词计数会少一些：课程词典把"公域流量""私域流量"当作一个词，里面的"流量"就不算了。

# %%
print("流量 按子串 / substring:", frequency_table(["流量"], method="substring").loc["流量"].to_dict())
print("流量 按分词 / tokens:   ", frequency_table(["流量"]).loc["流量"].to_dict())

# %% [markdown]
# 比较两张表里"流量"一行：按次数排和按千字频率排，各篇的先后顺序一样吗？

# %%
print("按次数排序 / by count:", list(counts.loc["流量"].sort_values(ascending=False).index))
print("按千字频率排序 / by rate:", list(rates.loc["流量"].sort_values(ascending=False).index))

# %% [markdown]
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 不用课程的 `rate_per_1000_chars`，自己写一个函数 `rate_per_1000(count, text)`：返回
# `count` 每千个**汉字**出现几次（一个 `float`；没有汉字的文本返回 `0.0`）。汉字怎么数，
# 本课开头导入的函数里有一个正好做这件事。

# %%
rate_per_1000 = None  # def rate_per_1000(count, text): ...

# %%
_ = selfcheck.check_function(
    rate_per_1000,
    cases=[((3, "直播带货，B端 2020年"), 1000 * 3 / 6), ((0, "流量"), 0.0), ((2, "……"), 0.0)]
    + [((count_phrase(a.clean, "赋能"), a.clean), 1000 * count_phrase(a.clean, "赋能") / han_count(a.clean)) for a in corpus],
    hint_zh="分母是汉字数，不是字符数：标点、数字和字母不算；别忘了分母为 0 的情形",
    hint_en="the denominator is Han characters, not characters: punctuation, digits and letters do not count; mind a zero denominator",
    name="rate_per_1000",
)

# %% [markdown]
# ### 4.1 一个频率有多可靠：自助法区间
#
# 按千字频率，"流量"排在最前面的两篇（上面一行的前两个）数字很接近。它们能排出先后吗？五篇文章都很短，每个词只出现
# 几次到几十次。换一种问法：如果作者用同样的方式再写一篇长度相同的文章，这个频率会变多少？
#
# **句子自助法**（sentence bootstrap）这样回答：把文章的句子当成一个袋子，有放回地随机抽出
# 同样多的句子，拼成一篇"重抽的文章"，算它的频率；重复两千次，取中间 95% 的范围作为区间。
# 区间宽，说明这个数字主要由少数几句话决定。（自助法假定句子彼此独立，实际上同一段的句子
# 会互相重复，所以真实的不确定性只会更大。）`uncertainty.phrase_intervals` 给每篇文章的一个词
# 算出频率和区间：

# %%
flow = phrase_intervals("流量")
flow.round(2)

# %% [markdown]
# 两篇分不分得出高低，不要看这两个区间重不重叠：两个区间有一部分重叠时，差值仍然可能明显不是 0。
# 规则只有一条：看**差值**的区间是否包含 0。`difference_interval` 分别重抽两篇文章的句子，算差值的
# 区间；区间包含 0，就不能说一篇比另一篇高；不包含 0，才分得出。下面把每一对文章的两种看法并排列出，
# 找出"区间重叠、差值却不含 0"的那几对：

# %%
overlap_vs_difference = []
for i, first in enumerate(flow.index):
    for second in flow.index[i + 1 :]:
        d = difference_interval(None, first, second, phrase="流量")
        lo1, hi1 = flow.loc[first, "low"], flow.loc[first, "high"]
        lo2, hi2 = flow.loc[second, "low"], flow.loc[second, "high"]
        overlap_vs_difference.append(
            {
                "pair": f"{first}−{second}",
                "区间重叠 overlap": lo1 <= hi2 and lo2 <= hi1,
                "差值含 0 diff contains 0": d.contains(0.0),
            }
        )
overlap_vs_difference = pd.DataFrame(overlap_vs_difference).set_index("pair")
misleading = overlap_vs_difference.iloc[:, 0] & ~overlap_vs_difference.iloc[:, 1]
print("区间重叠、差值却不含 0 / overlapping yet different:", list(overlap_vs_difference.index[misleading]))
overlap_vs_difference

# %% [markdown]
# 上面列出的几对，只看重叠会说"分不出"，看差值却分得出：重叠的规则太保守。下面是这几对的差值区间
# （这几对由上一格选出）：

# %%
for pair in overlap_vs_difference.index[misleading]:
    first, second = pair.split("−")
    d = difference_interval(None, first, second, phrase="流量")
    verdict = "分不出 / cannot tell" if d.contains(0.0) else "有差别 / differ"
    print(f"流量 {first} − {second}: {d.estimate:+.2f}，95% 区间 [{d.low:+.2f}, {d.high:+.2f}] → {verdict}")

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★ 练习 / practice
#
# "赋能"在 A1 和 A5 里的千字频率不一样。这个差别有意义吗？先用 `difference_interval`
# 自己算一算（计数的对象用 `phrase=` 指定），再把字母赋给 `meaningful`：
#
# - A. 有意义：两个数字不相等，频率大的那篇更强调赋能。
# - B. 不能这么说：差值的 95% 区间包含 0，这样短的文章分不出高低。
# - C. 有意义：差值的 95% 区间不包含 0，但这只说明用词频率，不说明作者更"强调"赋能。

# %%
meaningful = None  # 例如 "A"

# %%
_d = difference_interval(None, "A1", "A5", phrase="赋能")
_ = selfcheck.check_choice(
    meaningful,
    expected="B" if _d.contains(0.0) else "C",
    options=["A", "B", "C"],
    name="meaningful",
    hint_zh="大的数字不等于有意义的差别：看差值区间的两端是否跨过 0",
    hint_en="a larger number is not a meaningful difference: check whether the interval of the difference crosses 0",
)

# %% [markdown]
# ## 5. n-gram：反复出现的词组
#
# 单个词之外，连续出现的几个词（n-gram）能揭示反复使用的套话。先看 A2 里最常见的二元组（bigram），
# 去掉含标点或停用词的组合：

# %%
def content_bigrams(toks, k=10):
    """Most frequent bigrams whose two tokens are both counted by frequencies() with stopwords."""
    kept = frequencies(toks, stopwords=stop)
    return Counter(g for g in ngrams(toks, 2) if all(t in kept for t in g)).most_common(k)


content_bigrams(tokens["A2"])

# %% [markdown]
# 分词器把"仅仅只是"切成"仅仅"+"只是"（词典刻意如此，见第 03 课），所以它以二元组的形式出现。
# 也可以直接在文本里数这个短语。再加上另外两个反复出现的说法"方式和方法"和"所谓"：

# %%
stock_phrases = ["仅仅只是", "方式和方法", "所谓"]
stock = pd.DataFrame({p: {a.id: count_phrase(a.clean, p) for a in corpus} for p in stock_phrases})
stock["每千字 / per 1,000"] = [round(1000 * stock.loc[a.id, stock_phrases].sum() / han_count(a.clean), 2) for a in corpus]
stock

# %% [markdown]
# 它们是不是"集中在 A2"？不要只看点估计。对每个套话，找出千字频率最高的那篇，再用差值区间看它和
# 其他几篇分不分得开（第 4.1 节）：

# %%
for phrase in stock_phrases:
    densest = phrase_intervals(phrase)["per_1000"].idxmax()
    verdicts = []
    for other in ARTICLE_IDS:
        if other != densest:
            d = difference_interval(None, densest, other, phrase=phrase)
            verdicts.append(f"{other} [{d.low:+.2f}, {d.high:+.2f}] {'分不出' if d.contains(0.0) else '分得开'}")
    print(f"{phrase}：最密 / densest {densest}；与其他几篇之差 / minus others: " + "；".join(verdicts))

# %% [markdown]
# 读输出：三个套话的最密者并不是同一篇，而且最密的那篇也不总能和第二名分开（标着"分不出"的）。
# 所以"这些套话集中在 A2"说得太过；更要紧的是，它们并不**只**属于某一篇：把它们读成"某一位作者的
# 口头禅"就错了。数一数每篇用了三个套话中的几个：

# %%
print("用了几个套话 / how many of the three:", (stock[stock_phrases] > 0).sum(axis=1).to_dict())

# %% [markdown]
# 除了 A3，每篇都至少用了两个。这引出一个更有意思的假设：**A1、A2、A4、A5 会不会出自同一位作者？** 第 00 课看到，
# A1 的作者是一位自述发表过 `超400萬字` 的高产专栏作者；A2、A4 没有署名，A5 的页脚只写着 `本文来源网络`
# （可以推断是不注明出处的转载）。
#
# 套话只是线索，不是证明：同一个圈子的作者会互相模仿，转载网站也会改写。第 07 课用不依赖内容的
# 虚词统计（stylometry）检验这个假设，并说明五篇文章最多能把它推到哪一步。
#
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# 哪些文章**三个**套话（`stock_phrases`）都至少用过一次？写代码找出来，把编号放进列表赋给
# `all_three`（顺序不限）。

# %%
all_three = None  # 例如 ["A1"]

# %%
_ = selfcheck.check_choice(
    all_three,
    expected=[a.id for a in corpus if all(count_phrase(a.clean, p) > 0 for p in stock_phrases)],
    options=list(ARTICLE_IDS),
    name="all_three",
    hint_zh="对每篇文章检查三个短语的次数是否都大于 0（Python 的 all 很合适）",
    hint_en="for each article test that all three phrase counts are above 0 (Python's all() fits)",
)

# %% [markdown]
# ## 6. KWIC：看每一次出现的语境
#
# 频率只告诉我们"有多少"，不告诉我们"怎么用"。语境索引（KWIC, keyword in context）把一个词的
# 每一次出现和它左右的文字对齐列出来。下面是"流量"在 A4 里的用法（左右各 12 个字）：

# %%
kwic(get_article("A4").clean, "流量", width=12, as_frame=True)

# %% [markdown]
# 再看"赋能"在五篇文章里的用法。每篇最多列 4 行：

# %%
rows = []
for a in corpus:
    for r in kwic(a.clean, "赋能", width=12)[:4]:
        rows.append({"文章": a.id, "左 / left": r.left, "词": r.keyword, "右 / right": r.right})
pd.DataFrame(rows)

# %% [markdown]
# 读这些行时注意：作者说"赋能"时，有没有说清楚**谁**给**谁**赋予了**什么**能力？还是只说
# "深度赋能""多维赋能"？KWIC 让这种空泛一眼可见，而词频表看不出来。

# %% [markdown]
# ## 7. 关键词：TF-IDF 与 TextRank
#
# "关键词"总是相对于某种方法而言的。
#
# - **TF-IDF**：一个词在这篇里多（TF），在其他篇里少（IDF），分数就高。它突出的是"这篇与众不同的词"。
# - **TextRank**：把邻近出现的词连成图，像 PageRank 那样找出图中"最中心"的词。它只看这一篇，
#   突出的是"这篇反复围绕的词"。
#
# `keyword_table` 把五篇文章的前 k 个关键词并排列出：

# %%
k = 8
tfidf = keyword_table(k, method="tfidf")
textrank = keyword_table(k, method="textrank")
tfidf

# %%
textrank

# %% [markdown]
# 两种方法的结果有多少重合？下面对每篇文章算两份前 8 名的交集大小，并列出只出现在一边的词：

# %%
overlap_rows = []
for aid in ARTICLE_IDS:
    a, b = set(tfidf[(aid, "term")]), set(textrank[(aid, "term")])
    overlap_rows.append(
        {
            "文章": aid,
            "重合 / shared": len(a & b),
            "只在 TF-IDF": "、".join(sorted(a - b)),
            "只在 TextRank": "、".join(sorted(b - a)),
        }
    )
pd.DataFrame(overlap_rows)

# %% [markdown]
# 只在 TF-IDF 里出现的词往往是"这篇独有"的；只在 TextRank 里的往往是各篇都用、但在这篇里
# 处于中心的词。没有哪一种是"真正的"关键词——报告关键词时要写明方法。

# %% [markdown]
# ## 8. 五篇文章对比表
#
# 最后把这一课的几个量放进一张表：长度、词数、不同词数、几个核心词的千字频率，以及模糊限制语
# 和确定性标记的千字频率。**标记只有一种数法**：`claims.count_markers`（逐句用词典在原文上
# 匹配，第 06 课和第 07 课用的是同一个数）。不要用分词后的词频去数标记：分词会把"仅仅只是"
# 这样的短语拆开，也会把"在我看来"里的"看来"单独数成模糊限制语。

# %%
summary = []
for a in corpus:
    freq = frequencies(tokens[a.id])
    summary.append(
        {
            "文章": a.id,
            "汉字数": han_count(a.clean),
            "词数 / tokens": sum(freq.values()),
            "不同词 / types": len(freq),
            "流量 ‰": round(1000 * count_phrase(a.clean, "流量") / han_count(a.clean), 2),
            "赋能 ‰": round(1000 * count_phrase(a.clean, "赋能") / han_count(a.clean), 2),
            "hedge ‰": round(1000 * count_markers(a, "hedge") / han_count(a.clean), 2),
            "certainty ‰": round(1000 * count_markers(a, "certainty") / han_count(a.clean), 2),
            "注意 / caveat": {"A3": "只有第一页", "A5": "含供应商段落"}.get(a.id, ""),
        }
    )
comparison = pd.DataFrame(summary).set_index("文章")
comparison

# %% [markdown]
# 与第 06 课的 `profiles_table()` 核对：两处的标记数完全相同。

# %%
profiles = profiles_table()
print("hedge 一致 / same:", all(count_markers(a, "hedge") == profiles.loc[a.id, "hedges"] for a in corpus))
print("certainty 一致 / same:", all(count_markers(a, "certainty") == profiles.loc[a.id, "certainty"] for a in corpus))

# %% [markdown]
# "谁的模糊限制语最多"有没有答案？给 hedge 的频率配上区间再看：

# %%
hedge_intervals = rate_intervals("hedge")
hedge_intervals.round(2)

# %% [markdown]
# 最高的那篇能和哪几篇分开？对每一篇算它与最高者之差的区间：

# %%
top = hedge_intervals["per_1000"].idxmax()
for other in ARTICLE_IDS:
    if other != top:
        d = difference_interval("hedge", top, other)
        print(f"hedge {top} − {other}: [{d.low:+.2f}, {d.high:+.2f}]", "分不出 / cannot tell" if d.contains(0.0) else "分得开 / differ")

# %% [markdown]
# 最高的那篇只是"这一次抽样里最高"：它和好几篇都分不开。表里的数字
# 是**线索**：某篇"流量"的频率高，可能是在批评流量，也可能是在推崇流量——回到第 6 节的 KWIC 读原句；
# 某篇的频率比另一篇高，先看差值的区间再下结论。另外两条注意事项写在表的最后一列：A3 只有两页中的
# 第一页（缺了多少看不出），A5 的数字混合了作者和供应商两种声音（第 06 课上篇把它们分开）。

# %% [markdown]
# ### 动手试试 / Your turn 5 · ★★ 练习 / practice
#
# 用课程停用词表，找出 A4 去掉停用词后的前 5 个高频词（只要词，不要次数，按频率从高到低），
# 写成列表赋给 `a4_top5`。

# %%
a4_top5 = None

# %%
_ = selfcheck.check_tokens(
    a4_top5,
    expected=[w for w, _ in top_k(tokens["A4"], 5, stopwords=stop)],
    hint_zh="第 2 节用过的函数可以直接给出前 k 个；它返回 (词, 次数)，只取词",
    hint_en="the function from section 2 gives the top k directly; it returns (word, count) pairs: keep the words",
    name="a4_top5",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 词频是起点；停用词表决定你看到什么，它是一个需要说明理由的选择。
# - 本课程研究作者的确定程度和立场，所以标记词典里的词**不能**当停用词。
# - 长短不同的文章用千字频率比较，分母是汉字数；每个频率都要配上区间，差值区间包含 0 就分不出高低。
# - n-gram 找出反复出现的套话；除 A3 外，每篇都用了其中至少两个（哪篇用了哪几个，看计数表），这是"同一作者"假设的线索，不是证明。
# - KWIC 让我们回到原句，看一个词到底怎么用。
# - TF-IDF 和 TextRank 给出不同的"关键词"；报告时要写明方法。
# - 标记只有一种数法（`claims.count_markers`），第 04、06、07 课的数字因此一致。
#
# 下一课（第 05 课）把这些数字画成图，并讨论词云遮住了什么。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Manning, C. D. & Schütze, H. (1999). *Foundations of Statistical Natural Language
#   Processing*. MIT Press — 第 5 章（搭配）和第 6 章（n-gram 统计模型）。
# - Salton, G. & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval.
#   *Information Processing & Management*, 24(5), 513–523 — TF-IDF 的经典论文。
# - Mihalcea, R. & Tarau, P. (2004). TextRank: Bringing Order into Texts. In *Proceedings of
#   EMNLP 2004* — TextRank 关键词抽取。
# - Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall —
#   自助法区间的来历和假设。
#
# **预计用时 / Estimated time:** 60–80 分钟 / minutes（含五道练习）。
