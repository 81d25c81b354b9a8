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
# word frequencies, removes stopwords (and explains why hedges such as 可能 and certainty
# markers such as 必然 must *not* be stopwords in a course about how sure the authors sound),
# lists the top words of each article, normalises counts to rates per 1,000 Han characters so
# that articles of different length can be compared, counts n-grams (finding A2's repeated
# 仅仅只是), reads every use of 流量 and 赋能 in context with a KWIC concordance, and compares
# two keyword methods, TF-IDF and TextRank. It ends with one comparison table across A1–A5.
# Every number in the lesson is computed by the package in the notebook.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 计算词频和前 k 个高频词，并说明停用词表如何改变结果；
# 2. 解释为什么本课程的停用词表**不能**包含模糊限制语和确定性标记；
# 3. 用"每千字频率"比较长短不同的文章；
# 4. 用 n-gram 找出反复出现的词组；
# 5. 用 KWIC（语境索引）阅读一个词的每一次出现；
# 6. 比较 TF-IDF 和 TextRank 两种关键词方法，并制作五篇文章的对比表。
#
# 术语（词频、停用词、千字频率、n-gram、KWIC、TF-IDF、TextRank）见 `course/glossary.md`。

# %%
from collections import Counter

import pandas as pd
from IPython.display import display

from beyond_traffic import selfcheck
from beyond_traffic.compare import article_tokens, frequency_table, keyword_table, top_terms_table
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, frequencies, han_count, kwic, ngrams, rate_per_1000_chars, top_k
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, stopwords

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
# "可能""一定""必然""将会"也算作停用词——对一般的主题分析也许无妨，对本课程却是致命的：
# 第 06 课要考察作者说话有多肯定、有没有留余地，证据正是这些词。
#
# 课程的停用词表刻意排除了模糊限制语（hedge）、确定性标记（certainty）和填充语（filler）。
# 下面用代码检查这三个词表与停用词表的交集：

# %%
for name, lexicon in [("HEDGES", HEDGES), ("CERTAINTY", CERTAINTY), ("FILLERS", FILLERS)]:
    print(f"{name:10s} 词数 {len(lexicon):3d}，与停用词表的交集 / overlap with stopwords: {sorted(lexicon & stop)}")

# %% [markdown]
# 如果用了一张"通用"停用词表，会丢掉什么？下面做一个小实验：在课程停用词表之外，再加上
# 几个通用表里常见的词，看看每篇文章里有多少个模糊限制语和确定性标记的**词例**会从计数中消失。

# %%
generic_extra = {"可能", "或许", "也许", "一定", "必然", "将会", "显然", "确实"}
naive_stop = stop | generic_extra
lost = {}
for aid, toks in tokens.items():
    before = frequencies(toks, stopwords=stop)
    after = frequencies(toks, stopwords=naive_stop)
    lost[aid] = sum(before[w] for w in before if w not in after and (w in HEDGES or w in CERTAINTY))
print("用通用停用词表后消失的 hedge/certainty 词例 / hedge & certainty tokens lost:", lost)

# %% [markdown]
# 这些词例一旦被当成停用词，"谁说得更肯定"这个问题就无从回答了。

# %% [markdown]
# ### 动手试试 / Your turn 1
#
# 下面这些词里，哪些对本课程来说**不应该**放进停用词表（因为它们是模糊限制语或确定性标记）？
# 把它们放进一个集合，赋给 `不能停的词`。

# %%
候选词 = ["的", "了", "可能", "必然", "或许", "我们", "将会", "和", "也许", "是"]
不能停的词 = None  # 例如 {"...", "..."}

# %%
_ = selfcheck.check_set(
    不能停的词,
    expected={w for w in 候选词 if w in HEDGES or w in CERTAINTY},
    hint_zh="表示\"不确定\"或\"很确定\"的词要留下；虚词可以停。",
    hint_en="Keep the words that mark uncertainty or certainty; function words may go.",
    name="不能停的词",
)

# %% [markdown]
# ## 3. 每篇文章的高频词
#
# `top_terms_table(k)` 把五篇文章的前 k 个高频词并排放在一张表里（用课程停用词表，只留两个字以上的词）：

# %%
top_terms_table(8)

# %% [markdown]
# 读表时想一想：哪些词在几篇文章里都排在前面？哪些词只属于某一篇？例如"仅仅""只是"
# 出现在哪一篇的前列，第 06 课还会回来讨论它。

# %% [markdown]
# ## 4. 每千字频率：长短不同的文章怎么比
#
# 五篇文章长短不一。一个词在长文章里出现得多，不一定说明作者更看重它。所以要把次数除以
# 文章的长度：课程用**汉字数**作分母（`han_count`），算每千字出现几次（`rate_per_1000_chars`）。

# %%
lengths = pd.Series({a.id: han_count(a.clean) for a in corpus}, name="汉字数 / Han chars")
print(lengths.to_dict())
terms = ["流量", "赋能", "产业互联网", "直播带货"]
counts = frequency_table(terms)
rates = frequency_table(terms, per_1000=True).round(2)
print("次数 / counts")
display(counts)
print("每千字 / per 1,000 Han characters")
display(rates)

# %% [markdown]
# 比较两张表里"流量"一行：按次数排和按千字频率排，各篇的先后顺序一样吗？下面用代码回答。

# %%
print("按次数排序 / by count:", list(counts.loc["流量"].sort_values(ascending=False).index))
print("按千字频率排序 / by rate:", list(rates.loc["流量"].sort_values(ascending=False).index))

# %% [markdown]
# ### 动手试试 / Your turn 2
#
# 算出"赋能"在 A5 里的每千字频率（用 `tokens["A5"]` 数次数，再用 `rate_per_1000_chars`），
# 赋给 `赋能千字频率`。保留两位小数即可。

# %%
赋能千字频率 = None

# %%
_ = selfcheck.check_number(
    赋能千字频率,
    expected=rate_per_1000_chars(tokens["A5"].count("赋能"), get_article("A5").clean),
    abs_tol=0.01,
    hint_zh="rate_per_1000_chars(次数, 文章的清洗后文本)。",
    hint_en="rate_per_1000_chars(count, the article's clean text).",
    name="赋能千字频率",
)

# %% [markdown]
# ## 5. n-gram：反复出现的词组
#
# 单个词之外，连续出现的几个词（n-gram）能揭示作者的口头禅。先看 A2 里最常见的二元组（bigram），
# 去掉含标点或停用词的组合：

# %%
def content_bigrams(toks, k=10):
    """Most frequent bigrams whose two tokens are both counted by frequencies() with stopwords."""
    kept = frequencies(toks, stopwords=stop)
    return Counter(g for g in ngrams(toks, 2) if all(t in kept for t in g)).most_common(k)


content_bigrams(tokens["A2"])

# %% [markdown]
# 分词器把"仅仅只是"切成"仅仅"+"只是"（词典刻意如此，见第 03 课），所以它以二元组的形式出现。
# 也可以直接在文本里数这个短语：

# %%
for aid in ARTICLE_IDS:
    print(aid, "仅仅只是:", count_phrase(get_article(aid).clean, "仅仅只是"))

# %% [markdown]
# 这个短语集中在哪一篇，就是那位作者的"口头禅"。一个词组反复出现，篇幅变长了，
# 论据却未必增加——第 06 课会讨论这种"填充"。

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
# 最后把这一课的几个量放进一张表：长度、词数、不同词数、几个核心词的千字频率，以及模糊限制语和
# 确定性标记（按词计）的千字频率。

# %%
summary = []
for a in corpus:
    toks = tokens[a.id]
    freq = frequencies(toks)
    n_hedge = sum(c for w, c in freq.items() if w in HEDGES)
    n_cert = sum(c for w, c in freq.items() if w in CERTAINTY)
    summary.append(
        {
            "文章": a.id,
            "汉字数": han_count(a.clean),
            "词数 / tokens": sum(freq.values()),
            "不同词 / types": len(freq),
            "流量 ‰": round(rate_per_1000_chars(freq["流量"], a.clean), 2),
            "赋能 ‰": round(rate_per_1000_chars(freq["赋能"], a.clean), 2),
            "产业互联网 ‰": round(rate_per_1000_chars(freq["产业互联网"], a.clean), 2),
            "hedge ‰": round(rate_per_1000_chars(n_hedge, a.clean), 2),
            "certainty ‰": round(rate_per_1000_chars(n_cert, a.clean), 2),
        }
    )
comparison = pd.DataFrame(summary).set_index("文章")
comparison

# %%
for col in ["流量 ‰", "赋能 ‰", "hedge ‰", "certainty ‰"]:
    print(f"{col:12s} 最高 / highest: {comparison[col].idxmax()}   最低 / lowest: {comparison[col].idxmin()}")

# %% [markdown]
# 上面两行由代码给出每一列最高和最低的文章。这些数字只是**线索**：某篇"流量"的频率高，可能是
# 在批评流量，也可能是在推崇流量——回到第 6 节的 KWIC 去读原句，才能判断。

# %% [markdown]
# ### 动手试试 / Your turn 3
#
# 用 `top_k` 和课程停用词表，找出 A4 去掉停用词后的前 5 个高频词（只要词，不要次数，按频率从高到低），
# 写成列表赋给 `A4前五`。

# %%
A4前五 = None

# %%
_ = selfcheck.check_tokens(
    A4前五,
    expected=[w for w, _ in top_k(tokens["A4"], 5, stopwords=stop)],
    hint_zh="top_k(tokens[\"A4\"], 5, stopwords=stop) 返回 (词, 次数)，只取词。",
    hint_en="top_k(...) returns (word, count) pairs: keep only the words.",
    name="A4前五",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 词频是起点；停用词表决定你看到什么，它是一个需要说明理由的选择。
# - 本课程研究作者的确定程度，所以模糊限制语和确定性标记**不能**当停用词。
# - 长短不同的文章要用千字频率比较，分母是汉字数。
# - n-gram 能找出反复出现的词组（如"仅仅只是"）。
# - KWIC 让我们回到原句，看一个词到底怎么用。
# - TF-IDF 和 TextRank 给出不同的"关键词"；报告时要写明方法。
#
# 下一课（第 05 课）把这些数字画成图，并讨论词云遮住了什么。
