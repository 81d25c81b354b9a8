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
# Chinese text, which has no spaces). The second half asks what a word cloud hides, and answers
# with code: one big word can cover uses that contradict each other (negation and context,
# shown with KWIC lines), each cloud is scaled to its own largest word so clouds of long and
# short articles cannot be compared, the layout is random, and the choice of stopwords and of
# segmentation dictionary changes which words are big at all.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 让 matplotlib 正确显示中文（`use_course_font`），并说明为什么需要它；
# 2. 画高频词条形图和五篇文章的千字频率对比图；
# 3. 从分好词的词频（而不是原始文本）生成中文词云；
# 4. 用代码说明词云遮住了什么：语境与否定、长度归一化、布局的随机性、停用词和分词的选择；
# 5. 判断什么时候该用条形图而不是词云。
#
# 术语（词云、字体、千字频率、KWIC）见 `course/glossary.md`。

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

# %%
fig = bar_chart(top_k(tokens["A2"], 15, stopwords=stop), title="A2 高频词（去停用词）", xlabel="次数")
plt.show()

# %% [markdown]
# ## 3. 五篇文章的千字频率对比
#
# 比较不同文章时，用第 04 课的千字频率。`comparison_chart` 把"词 × 文章"的表画成分组条形图。

# %%
terms = ["流量", "赋能", "产业互联网", "直播带货", "新零售"]
rates = frequency_table(terms, per_1000=True)
fig = comparison_chart(rates, title="核心词的千字频率", xlabel="每千字次数")
plt.show()

# %% [markdown]
# 从图上读出：每个词在哪一篇里用得最密？下面用代码核对你从图上读到的结果。

# %%
print(rates.idxmax(axis=1).to_dict())

# %% [markdown]
# ## 4. 词云
#
# 词云按频率决定字号。**一定要先分词、再计数**，把词频交给 `word_cloud`：wordcloud 自带的
# 分词按空格和标点切分，而中文没有空格，它会把整个分句当成一个"词"。
# `cloud_frequencies` 去掉停用词和标点，`word_cloud` 排版，`cloud_figure` 画出来。

# %%
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
# ### 5.1 语境与否定：一个大字，几种相反的用法
#
# 词云只显示"流量"有多大，不显示作者是在**推崇**流量还是在**批评**流量。下面取 A4 里"流量"的
# 全部 KWIC 行，按左侧语境里有没有否定或转折词（不、并非、而不是、不再……）分成两组。

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
# 在词云里，这些用法被压成同一个字号的"流量"。说"关键不再是流量"和说"流量是关键"，
# 在词云里看起来一模一样。

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

# %%
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
# ### 动手试试 / Your turn 1
#
# 用 `bar_chart` 画出 A3 去掉停用词后的前 10 个高频词（用 `top_k(tokens["A3"], 10, stopwords=stop)`），
# 把返回的图赋给 `我的图`。

# %%
我的图 = None

# %%
_labels = (
    [t.get_text() for t in 我的图.axes[0].get_yticklabels()]
    if type(我的图) is matplotlib.figure.Figure and 我的图.axes
    else 我的图
)
_ = selfcheck.check_tokens(
    _labels,
    expected=[w for w, _ in top_k(tokens["A3"], 10, stopwords=stop)],
    hint_zh="bar_chart(top_k(...)) 返回一个 Figure；检查用的是图上从上到下的标签。",
    hint_en="bar_chart(top_k(...)) returns a Figure; the check reads its labels top to bottom.",
    name="我的图",
)

# %% [markdown]
# ### 动手试试 / Your turn 2
#
# 第 5.4 节四种做法里，A2 词云最大的那个词分别是什么？按表格的列顺序（不去停用词、课程停用词表、
# 通用停用词表、不用领域词典）写成一个包含 4 个词的列表，赋给 `最大的词`。

# %%
最大的词 = None

# %%
_ = selfcheck.check_tokens(
    最大的词,
    expected=[next(iter(freq)) for freq in variants.values()],
    hint_zh="看 top8 表格的第一行。",
    hint_en="Read the first row of the top8 table.",
    name="最大的词",
)

# %% [markdown]
# ### 动手试试 / Your turn 3
#
# 在第 5.1 节，A4 里左侧语境含否定/转折词的「流量」有几处？把这个整数赋给 `否定的流量`。

# %%
否定的流量 = None

# %%
_ = selfcheck.check_number(
    否定的流量,
    expected=len(negated),
    hint_zh="用 len() 数一数 negated 列表。",
    hint_en="Count the negated list with len().",
    name="否定的流量",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 画中文图表先调用 `use_course_font()`，否则标签会变成方框。
# - 条形图可以直接比较长度、读出数值，是展示词频的首选；比较文章用千字频率。
# - 词云必须从分好词的词频生成，不能直接喂中文原文。
# - 词云遮住了很多东西：语境和否定、文章长度、（随机的）位置，以及停用词和分词的选择。
#   用词云时，配上 KWIC 和条形图，并写明你的做法。
#
# 下一课（第 06 课）从"数词"走向"读论断"：确定性、模糊限制、证据和填充语。
