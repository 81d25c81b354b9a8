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
# # 第 05 课　可视化：能显示中文的图表，以及词云遮住了什么
#
# **Abstract.** Charts of Chinese text need a font with Chinese glyphs, or every label turns into
# empty boxes. This lesson switches matplotlib to the course's bundled font with
# `use_course_font`, draws bar charts of the most frequent words and of per-article rates per
# 1,000 characters, and lays out a word cloud from segmented word frequencies (never from raw
# Chinese text, which has no spaces). A longer bar is not a meaningful difference: each chart is
# read with the bootstrap intervals of lesson 04. The second half asks what a word cloud hides,
# and answers with code: a big word does not say whether it is criticised, conceded or merely
# mentioned (a crude negation rule gets this wrong, so you label A4's KWIC lines by hand), each
# cloud is scaled to its own largest word so clouds of long and
# short articles cannot be compared, the layout is random, and the choice of stopwords and of
# segmentation dictionary changes which words are big at all. A closing stretch exercise draws
# rates with their bootstrap intervals as error bars — the honest alternative to a ranking.
#
# **预计用时 / Estimated time:** 45–60 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 让 matplotlib 正确显示中文（`use_course_font`），并说明为什么需要它；
# 2. 画高频词条形图和五篇文章的千字频率对比图；
# 3. 从分好词的词频（而不是原始文本）生成中文词云；
# 4. 用代码说明词云遮住了什么：语境（批评、让步还是中性）、长度归一化、布局的随机性、停用词和分词的选择；
# 5. 判断什么时候该用条形图而不是词云，并把区间画进条形图。
#
# 术语（词云、字体、千字频率、KWIC、置信区间）见 `course/glossary.md`。

# %%
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.compare import article_tokens, frequency_table
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.count import han_count, kwic, top_k
from beyond_traffic.lexicons import CERTAINTY, HEDGES, stopwords
from beyond_traffic.segment import tokenize
from beyond_traffic.uncertainty import difference_interval
from beyond_traffic.viz import (
    bar_chart,
    cloud_figure,
    cloud_frequencies,
    comparison_chart,
    font_path,
    use_course_font,
    word_cloud,
)

corpus = load_corpus()
tokens = {a.id: article_tokens(a) for a in corpus}
stop = stopwords()

# %% [markdown]
# ## 1. 先解决字体
#
# matplotlib 默认的字体（DejaVu Sans）没有汉字。用它画中文标签，每个字都会变成一个空方框
# （俗称"豆腐块"），还会报"missing glyph"警告。课程包里带了一个中文字体，`use_course_font()`
# 把它登记给 matplotlib 并设为默认字体。整个笔记本开头调用一次即可。

# %%
family = use_course_font()
print("字体名 / font family:", family)
print("字体文件 / font file:", font_path().name)
print("matplotlib 默认字体 / default family:", matplotlib.rcParams["font.family"][:2])

# %% [markdown]
# ## 2. 高频词条形图
#
# 条形图是展示词频最老实的方式：长度可以直接比较，数值可以读出来。横向的条形让中文标签保持直立。
# 下面画 A2 去掉停用词后的前 15 个词。

# %% mystnb={"image": {"alt": "\u6a2a\u5411\u6761\u5f62\u56fe\uff1aA2 \u53bb\u6389\u505c\u7528\u8bcd\u540e\u51fa\u73b0\u6b21\u6570\u6700\u591a\u7684 15 \u4e2a\u8bcd\uff0c\u6761\u8d8a\u957f\u6b21\u6570\u8d8a\u591a / Horizontal bar chart: the 15 most frequent words of article A2 without stopwords, longer bars for more occurrences"}}
fig = bar_chart(top_k(tokens["A2"], 15, stopwords=stop), title="A2 高频词（去停用词）", xlabel="次数")
plt.show()

# %% [markdown]
# ## 3. 五篇文章的千字频率对比
#
# 比较不同文章时，用第 04 课的千字频率，而且用和第 04 课一样的数法：按**子串**计数（`method="substring"`），
# 这样图上的数字和第 04 课的区间对得上。`comparison_chart` 把"词 × 文章"的表画成分组条形图。

# %% mystnb={"image": {"alt": "\u5206\u7ec4\u6761\u5f62\u56fe\uff1a\u6d41\u91cf\u3001\u8d4b\u80fd\u3001\u4ea7\u4e1a\u4e92\u8054\u7f51\u3001\u76f4\u64ad\u5e26\u8d27\u3001\u65b0\u96f6\u552e\u4e94\u4e2a\u8bcd\u5728 A1\u2013A5 \u6bcf\u7bc7\u6587\u7ae0\u4e2d\u7684\u6bcf\u5343\u5b57\u9891\u7387 / Grouped bar chart: rate per 1,000 characters of five core words in each of the articles A1\u2013A5"}}
terms = ["流量", "赋能", "产业互联网", "直播带货", "新零售"]
rates = frequency_table(terms, method="substring", per_1000=True)
fig = comparison_chart(rates, title="核心词的千字频率", xlabel="每千字次数")
plt.show()

# %% [markdown]
# 从图上很容易读出"每个词在哪一篇里用得最密"。但更该问的是：**哪些差别有意义？** 对每个词，取条形最长的
# 那篇，用第 04 课的 `difference_interval` 算它和其他每一篇之差的区间：

# %%
for term in terms:
    longest = rates.loc[term].idxmax()
    apart = [o for o in rates.columns if o != longest and not difference_interval(None, longest, o, phrase=term).contains(0.0)]
    close = [o for o in rates.columns if o != longest and o not in apart]
    print(f"{term}：最长 / longest {longest}；分得开 / differs from {apart}；分不出 / cannot tell from {close}")

# %% [markdown]
# 凡是"分不出"一栏不空的词，图上那根最长的条形就不能读成"这篇用得最多"：两篇的差别可能只是抽样的偶然。
# 条形图让长短一目了然，也让人忘了区间；第 5 节最后一道练习把区间画进图里。

# %% [markdown]
# ## 4. 词云
#
# 词云按频率决定字号。**一定要先分词、再计数**，把词频交给 `word_cloud`：wordcloud 自带的
# 分词按空格和标点切分，而中文没有空格，它会把整个分句当成一个"词"。
# `cloud_frequencies` 去掉停用词和标点，`word_cloud` 排版，`cloud_figure` 画出来。

# %% mystnb={"image": {"alt": "\u8bcd\u4e91\uff1aA5 \u6700\u5e38\u89c1\u7684 80 \u4e2a\u8bcd\uff0c\u5b57\u53f7\u8d8a\u5927\u51fa\u73b0\u8d8a\u591a\uff0c\u4f4d\u7f6e\u548c\u989c\u8272\u6ca1\u6709\u542b\u4e49 / Word cloud of the 80 most frequent words of article A5: bigger type means more occurrences; position and colour mean nothing"}}
a5_freq = cloud_frequencies(tokens["A5"])
a5_cloud = word_cloud(a5_freq, width=700, height=350, max_words=80)
fig = cloud_figure(a5_cloud, title="A5 词云")
plt.show()

# %% [markdown]
# 看起来很直观。但词云里**最大**的几个词是什么？打印出来（`words_` 是词云实际使用的相对频率，
# 最大的词为 1）：

# %%
print(list(a5_cloud.words_.items())[:8])

# %% [markdown]
# ## 5. 词云遮住了什么
#
# ### 5.1 语境：一个大字，看不出是批评、让步还是中性
#
# 词云只显示"流量"有多大，不显示作者是在**推崇**流量、**批评**流量，还是只是提到它。能不能用一条
# 字面规则分出来？下面取 A4 里"流量"的全部 KWIC 行，按左侧语境里有没有否定或转折词（不、并非、
# 而不是、不再……）分成两组。

# %%
negators = ("不", "非", "没有", "而是", "然而", "不再")
a4_lines = kwic(get_article("A4").clean, "流量", width=14)
negated = [r for r in a4_lines if any(n in r.left[-10:] for n in negators)]
print(f"A4「流量」共 {len(a4_lines)} 处，其中左侧有否定/转折词的 {len(negated)} 处 / negated or contrasted")
for r in negated[:5]:
    print(f"  {r.left:>14s}【{r.keyword}】{r.right}")
print("其他用法举例 / other uses:")
for r in [r for r in a4_lines if r not in negated][:3]:
    print(f"  {r.left:>14s}【{r.keyword}】{r.right}")

# %% [markdown]
# 这条规则很粗糙。它挑出的行里有「并不是说玩家们不明白改变B端流量的关键」：这里的"不"否定的是"明白"，
# 不是"流量"。它没挑出的行，多数同样在批评追逐流量（「如果我们把流量获取看成是产业互联网的全部」）。
# 把全部的行读一遍（下面编了号）：A4 几乎处处在批评追逐流量，明白表示赞同的只有一处让步（「通过资本运作的
# 方式来获得流量的做法是可取的」，说的是概念初提的时候）。另一句「只是说在当下的这个阶段，获取流量是唯一的正确」
# 本身读不通：可以读成带时间限定的让步，也可以读成字面的肯定，或漏了一个否定词——它的角色是第 01 课的开放题，
# 这里不替它定读法。
#
# 所以这一组例子说明的不是"褒贬被混在一起"，而是：词云只告诉你"流量"很大，看不出它在这篇文章里几乎
# 都是被批评的对象——字面规则也看不出来，只有读。说"关键不再是流量"和说"流量是关键"，在词云里看起来
# 一模一样。

# %%
for number, r in enumerate(a4_lines):
    print(f"{number:2d}  {r.left:>14s}【{r.keyword}】{r.right}")

# %% [markdown]
# ### 5.2 长度：每朵词云只和自己比
#
# 每朵词云都把自己最大的词缩放成同样大。于是一篇短文和一篇长文的词云并排放着，最大的字一样大，
# 尽管实际次数可能差了好几倍。下面比较 A2（长）和 A3（短）：

# %%
for aid in ("A2", "A3"):
    freq = cloud_frequencies(tokens[aid])
    cloud = word_cloud(freq, width=400, height=200, max_words=50)
    top_word, top_rel = next(iter(cloud.words_.items()))
    print(f"{aid}: 最大的词 {top_word}，相对大小 {top_rel:.2f}，实际次数 {freq[top_word]}，"
          f"文章汉字数 {han_count(get_article(aid).clean)}")

# %% [markdown]
# 两朵词云最大的词相对大小都是 1，实际次数却不同（见上面的输出）。词云没有刻度，也没有做长度归一化；
# 要比较文章，请回到第 3 节的千字频率图。

# %% [markdown]
# ### 5.3 布局是随机的
#
# 词的位置由随机数决定。同样的词频，换一个随机种子（`random_state`），整张图就变了样：

# %% mystnb={"image": {"alt": "\u4e24\u6735\u5e76\u6392\u7684 A5 \u8bcd\u4e91\uff0c\u8bcd\u9891\u76f8\u540c\u3001\u968f\u673a\u79cd\u5b50\u4e0d\u540c\uff080 \u548c 1\uff09\uff0c\u540c\u4e00\u4e2a\u8bcd\u51fa\u73b0\u5728\u4e0d\u540c\u4f4d\u7f6e / Two word clouds of article A5 side by side, same frequencies, random seeds 0 and 1: the same words land in different places"}}
def positions(cloud):
    """word -> (row, col) of its place in the cloud's layout."""
    return {word: pos for (word, _), _size, pos, _orient, _color in cloud.layout_}


c0 = word_cloud(a5_freq, width=700, height=350, max_words=80, random_state=0)
c1 = word_cloud(a5_freq, width=700, height=350, max_words=80, random_state=1)
p0, p1 = positions(c0), positions(c1)
moved = sum(p0[w] != p1[w] for w in p0 if w in p1)
print(f"两种种子下都出现的词 {len(set(p0) & set(p1))} 个，位置不同的 {moved} 个 / moved")
fig, axes = plt.subplots(1, 2, figsize=(12, 3.4), layout="constrained")
cloud_figure(c0, title="random_state=0", ax=axes[0])
cloud_figure(c1, title="random_state=1", ax=axes[1])
plt.show()

# %% [markdown]
# 所以"某个词在中间""两个词挨在一起"都不代表任何意义。课程的 `word_cloud` 默认固定种子，
# 只是为了让同一份数据每次画出同一张图，并不让位置变得有意义。

# %% [markdown]
# ### 5.4 停用词和分词决定了谁是大字
#
# 同一篇 A2，用三种做法数词频：不去停用词；用课程停用词表；用一张把模糊限制语和确定性标记
# 也当成停用词的"通用"表。再加一种：不用课程领域词典分词。看看每种做法下最大的 8 个词：

# %%
generic_stop = stop | HEDGES | CERTAINTY
variants = {
    "不去停用词": cloud_frequencies(tokens["A2"], stopwords=set()),
    "课程停用词表": cloud_frequencies(tokens["A2"]),
    "通用停用词表（含 hedge/certainty）": cloud_frequencies(tokens["A2"], stopwords=generic_stop),
    "不用领域词典": cloud_frequencies(tokenize(get_article("A2").clean, userdict=False)),
}
top8 = pd.DataFrame({name: list(freq)[:8] for name, freq in variants.items()})
top8

# %%
hedges_seen = {
    name: sum(c for w, c in freq.items() if w in HEDGES or w in CERTAINTY) for name, freq in variants.items()
}
print("词云里 hedge/certainty 词的总次数 / hedge & certainty tokens in the cloud:", hedges_seen)
print("「产业互联网」在各词云里的次数 / count of 产业互联网:", {n: f.get("产业互联网", 0) for n, f in variants.items()})

# %% [markdown]
# 对照上面的输出：不去停用词时，大字是虚词；用"通用"停用词表时，表示确定与不确定的词从词云里
# 消失了；不用领域词典时，"产业互联网"被拆成"产业"和"互联网"。**同一篇文章，四张不同的图**——
# 词云上看不出这些选择，所以发布词云时必须写明停用词和分词的做法。

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★★ 练习 / practice
#
# 画出 A3 去掉停用词后的前 10 个高频词的条形图，把返回的图赋给 `my_figure`。前 10 个词可以用
# 第 04 课的函数得到；`bar_chart` 接受 (词, 次数) 的列表。

# %%
my_figure = None

# %%
_labels = (
    [t.get_text() for t in my_figure.axes[0].get_yticklabels()]
    if type(my_figure) is matplotlib.figure.Figure and my_figure.axes
    else my_figure
)
_ = selfcheck.check_tokens(
    _labels,
    expected=[w for w, _ in top_k(tokens["A3"], 10, stopwords=stop)],
    hint_zh="用课程停用词表取前 10 个词，再交给 bar_chart；检查的是图上从上到下的标签",
    hint_en="take the top 10 words with the course stopwords, then pass them to bar_chart; the check reads the labels top to bottom",
    name="my_figure",
)

# %% [markdown]
# ### 动手试试 / Your turn 2 · ★ 热身 / warm-up
#
# 下面哪些是词云**遮住**（不显示、或显示得会误导）的东西？把所有对的字母放进列表赋给 `hidden`：
#
# - A. 一个词出现时是被肯定还是被否定
# - B. 文章有多长（两朵词云能不能直接比较）
# - C. 词在图上的位置有没有意义
# - D. 停用词表和分词词典的选择
# - E. 在同一篇文章里，哪个词比哪个词用得多

# %%
hidden = None  # 例如 ["A"]

# %%
_ = selfcheck.check_choice(
    hidden,
    expected=["A", "B", "C", "D"],
    options=["A", "B", "C", "D", "E"],
    name="hidden",
    hint_zh="第 5 节四个小节各讲了一件词云遮住的事；词云唯一老实表达的是什么？",
    hint_en="each of the four parts of section 5 names one thing a cloud hides; what is the one thing it does show?",
)

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★ 练习 / practice
#
# 把第 5.1 节的分组规则写成一个函数 `is_contrasted(left)`：参数是一行 KWIC 的左侧语境（字符串），
# 当它**最后 10 个字符**里含有 `negators` 中的任何一个词时返回 `True`，否则返回 `False`。

# %%
is_contrasted = None  # def is_contrasted(left): ...

# %%
_ = selfcheck.check_function(
    is_contrasted,
    cases=[((r.left,), any(n in r.left[-10:] for n in negators)) for r in a4_lines]
    + [(("而不是",), True), (("这是关键",), False), (("不" + "的" * 12,), False)],
    hint_zh="先截取最后 10 个字符（切片），再逐个检查 negators 里的词",
    hint_en="slice the last 10 characters first, then test each word in negators",
    name="is_contrasted",
)

# %% [markdown]
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# 给上面编了号的 A4"流量"行逐行手工贴标签：`"批评"`（批评追逐流量、以流量为本）、`"让步"`（承认流量
# 在某个阶段有用或可取）、`"中性"`（只是提到）。按编号顺序写成一个列表 `my_labels`。这道题没有唯一的
# 标准答案：自测只检查格式，然后把你的标签和第 5.1 节那条粗糙规则的分组并排，数一数哪些行两者不一致。
# 读一读那些行：规则错在哪里？

# %%
my_labels = None  # 例如 ["批评", "中性", …]，每行一个


# %%
def check_my_labels(labels):
    """Check the form of the hand labels, then set them beside the crude negation rule."""
    allowed = {"批评", "让步", "中性"}
    if selfcheck.is_placeholder(labels):
        print("… 还没作答 / not answered yet")
        return
    if type(labels) is not list or len(labels) != len(a4_lines) or not all(type(x) is str and x in allowed for x in labels):
        print(f"✗ 需要一个含 {len(a4_lines)} 个标签的列表，标签只能是 批评、让步、中性 / expected a list of {len(a4_lines)} labels from 批评, 让步, 中性")
        return
    rule = ["否定/转折" if is_negated else "其他" for is_negated in (any(n in r.left[-10:] for n in negators) for r in a4_lines)]
    print("✓ 格式对了 / well-formed — 下面是你的标签和规则的对照 / your labels beside the rule")
    print(pd.crosstab(pd.Series(labels, name="你的标签 / yours"), pd.Series(rule, name="规则 / rule")))
    odd = [i for i, (mine, auto) in enumerate(zip(labels, rule, strict=True)) if (mine == "批评") != (auto == "否定/转折")]
    print("规则与你不一致的行（批评 vs 否定/转折）/ lines where the rule and you differ:", odd)


check_my_labels(my_labels)

# %% [markdown]
# ### 动手试试 / Your turn 5 · ★★★ 挑战 / stretch
#
# 排名的老实画法是把区间画出来。用 `beyond_traffic.uncertainty.rate_intervals("hedge")` 得到
# 每篇文章模糊限制语的千字频率和 95% 区间，画一张**横向**条形图：五个条形按 A1–A5 的顺序，
# 条形长度是频率，误差线（`xerr`）表示区间。把图赋给 `interval_figure`。
#
# 这张图展示每篇的估计有多不确定，却回答不了"哪一篇最多"：误差线重叠并不说明两篇分不出（第 04 课：
# 重叠的规则太保守），要看差值的区间。所以再取频率最高的那篇，像第 3 节那样，用
# `difference_interval("hedge", 最高的那篇, 另一篇)` 算它和其他每一篇之差的区间，然后用一句话写下：
# 能说哪一篇的模糊限制语"最多"吗？只有它和其他每一篇的差值区间都不含 0，才能这样说。

# %%
interval_figure = None

# %%
def check_interval_figure(fig):
    """A horizontal bar chart with five bars, labelled A1–A5, that carries error bars."""
    if selfcheck.is_placeholder(fig):
        print("… 还没作答 / not answered yet")
        return
    if type(fig) is not matplotlib.figure.Figure or not fig.axes:
        print("✗ 需要一个 matplotlib Figure / expected a matplotlib Figure")
        return
    ax = fig.axes[0]
    bars = [c for c in ax.containers if isinstance(c, matplotlib.container.BarContainer)]
    labels = sorted(t.get_text() for t in ax.get_yticklabels())
    if not bars or len(bars[0]) != 5:
        print("✗ 需要一组 5 个条形 / expected one group of 5 bars")
    elif labels != ["A1", "A2", "A3", "A4", "A5"]:
        print("✗ 纵轴标签应是 A1–A5 / the y labels should be A1–A5")
    elif getattr(bars[0], "errorbar", None) is None:
        print("✗ 没有误差线：用 barh 的 xerr 参数 / no error bars: use barh(..., xerr=...)")
    else:
        print("✓ 图的结构对了 / the figure has the right parts — 现在读它 / now read it")


check_interval_figure(interval_figure)

# %% [markdown]
# ## 小结 / Recap
#
# - 画中文图表先调用 `use_course_font()`，否则标签会变成方框。
# - 条形图可以直接比较长度、读出数值，是展示词频的首选；比较文章用千字频率。
# - 词云必须从分好词的词频生成，不能直接喂中文原文。
# - 词云遮住了很多东西：语境（批评、让步还是中性）、文章长度、（随机的）位置，以及停用词和分词的选择。
#   字面的否定规则分不出语境；用词云时，配上 KWIC（自己读）和条形图，并写明你的做法。
# - 条形图上最长的条形不等于有意义的差别：比较几篇文章时，先看差值区间，把区间画进条形图，而不是只画一个排名。
#
# 下一课（第 06 课）从"数词"走向"读论断"：确定性、模糊限制、证据和填充语。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Viégas, F. B., Wattenberg, M. & Feinberg, J. (2009). Participatory Visualization with Wordle.
#   *IEEE Transactions on Visualization and Computer Graphics*, 15(6), 1137–1144 — 词云的设计与
#   人们怎样（误）读它。
# - Tufte, E. R. (2001). *The Visual Display of Quantitative Information* (2nd ed.). Graphics
#   Press — 让数据自己说话：刻度、比例和不必要的装饰。
# - Walsh, M. (2021). *Introduction to Cultural Analytics & Python*, “Data Visualization”
#   chapters — 用 Python 画文本数据。
#
# **预计用时 / Estimated time:** 45–60 分钟 / minutes（含五道练习）。
