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
# # 第 03 课　分词：让计算机看见"词"
#
# **Abstract.** Written Chinese puts no spaces between words, so every count, keyword or
# concordance in this course depends first on word segmentation. This lesson segments the
# cleaned articles with jieba, on the course's own tokenizer, and shows what the course's domain
# dictionary changes: terms such as 产业互联网 or 直播带货 stay whole instead of falling apart.
# You add words of your own with `make_tokenizer`, look at part-of-speech tags, and then measure
# segmentation quality against a hand-made gold standard with precision, recall and F1, with and
# without the dictionary — and, because the gold standard is a few dozen sentences, give each
# difference between settings a sentence-bootstrap interval before calling one setting best. Finally the lesson lists, by code, the places where jieba still
# disagrees with the gold standard, so you can judge which errors matter for counting.
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 说明中文文本分析为什么先要分词，分词错误会怎样影响后面的计数；
# 2. 用 `beyond_traffic.segment.tokenize` 分词，比较有无课程领域词典的结果；
# 3. 用 `make_tokenizer` 加入自己的词，而不改动全课程共用的分词器；
# 4. 读懂 jieba 的词性标注（POS）；
# 5. 用金标准计算精确率、召回率和 F1，并找出分词器仍然出错的地方。
#
# 术语（分词、用户词典、金标准、精确率、召回率、F1）见 `course/glossary.md`。

# %%
import numpy as np
import pandas as pd
from IPython.display import display

from beyond_traffic import selfcheck
from beyond_traffic.claims import split_sentences
from beyond_traffic.corpus import get_article
from beyond_traffic.gold import disagreements, evaluate_tokenizer, load_gold, score_segmentation
from beyond_traffic.segment import load_userdict_entries, make_tokenizer, pos_tag, tokenize

# %% [markdown]
# ## 1. 为什么要分词
#
# 英文用空格把词分开，`split()` 就能得到单词。中文没有空格：对一句中文调用 `split()`，
# 得到的是整句。下面从 A2 清洗后的正文里取第一句含"产业互联网"的句子试一试。

# %%
a2 = get_article("A2")
sentence = next(s for s in split_sentences(a2.clean) if "产业互联网" in s and len(s) > 20)
print("句子 / sentence:", sentence)
print("split() 的结果 / split():", sentence.split())
print("字数 / characters:", len(sentence))

# %% [markdown]
# 只按"字"切也不行：`产`、`业`、`互`、`联`、`网` 各自的意思都不是"产业互联网"。
# 我们要的是**词**。jieba 先用词典找出句子里所有可能的词，再挑出概率最高的切法；
# 词典里没有的词，再用隐马尔可夫模型（HMM）去猜。

# %%
print(" / ".join(tokenize(sentence)))

# %% [markdown]
# ## 2. 领域词典：有它和没有它
#
# jieba 自带的词典来自通用语料，不认识这门课的许多术语。课程包带了一个领域词典
# （`data/userdict.txt`），`tokenize(text)` 默认使用它；`tokenize(text, userdict=False)`
# 只用 jieba 自己的词典。先看词典里有多少词、是哪些词：

# %%
entries = load_userdict_entries()
print("领域词典词条数 / entries:", len(entries))
print("前 15 个 / first 15:", "、".join(e.word for e in entries[:15]))

# %% [markdown]
# 下面对语料中的真实句子做对比：对每个词条，找出清洗后正文里第一个"加了词典才把它分成
# 一个词"的句子，并列出两种分词器在这个位置给出的词。

# %%
def pieces(text, term, words):
    """The words of ``words`` (a segmentation of ``text``) that overlap the first ``term``."""
    start = text.index(term)
    end, pos, out = start + len(term), 0, []
    for w in words:
        if pos < end and pos + len(w) > start:
            out.append(w)
        pos += len(w)
    return " ".join(out)


rows = []
for entry in entries:
    for article in ("A1", "A2", "A3", "A4", "A5"):
        hit = next(
            (
                s
                for s in split_sentences(get_article(article).clean)
                if entry.word in tokenize(s) and entry.word not in tokenize(s, userdict=False)
            ),
            None,
        )
        if hit:
            rows.append(
                {
                    "词条 / entry": entry.word,
                    "文章 / article": article,
                    "只用 jieba 词典 / jieba only": pieces(hit, entry.word, tokenize(hit, userdict=False)),
                    "加课程词典 / with course dict": pieces(hit, entry.word, tokenize(hit)),
                }
            )
            break
print("在语料里被课程词典\"救回来\"的词条 / entries kept whole only with the dictionary:", len(rows))
pd.DataFrame(rows).head(12)

# %% [markdown]
# 表中第三列是只用 jieba 词典时，该术语所在位置被切成的样子；第四列是加了课程词典之后。术语被切碎，后面数"产业互联网"出现多少次、画词云时就会出错：
# 你会数到很多"产业"和"互联网"，却一个"产业互联网"也数不到。

# %% [markdown]
# ## 3. 加入你自己的词：`make_tokenizer`
#
# 全课程共用的分词器是只读的（这样每个单元格、每次评分看到的都是同一个词典）。想试验
# 新词，就用 `make_tokenizer(extra_words=[...])` 建一个**属于你自己的**分词器，再用
# `tokenize(text, tokenizer=tok)` 调用它。下面看"流量思维"这个短语。

# %%
phrase_sentence = "企业要抛弃流量思维，回到产业本身。"
my_tok = make_tokenizer(extra_words=["流量思维"])
print("共用分词器 / shared:   ", tokenize(phrase_sentence))
print("我的分词器 / mine:     ", tokenize(phrase_sentence, tokenizer=my_tok))
print("共用分词器没有改变 / shared unchanged:", tokenize(phrase_sentence))

# %% [markdown]
# 要不要把"流量思维"当成一个词，是一个**决定**，不是事实：词典的注释里写着，课程把它看作
# 可以拆开的短语（"流量" + "思维"）。词典的每个选择都会改变后面的词频。

# %% [markdown]
# ## 4. 词性标注
#
# `pos_tag(text)` 在分词的同时给每个词标上词性：`n` 名词、`v` 动词、`vn` 名动词、
# `a` 形容词、`d` 副词、`uj` 助词"的"、`x` 标点等（jieba 沿用 ICTCLAS 的标记）。
# 领域词典里的词带着课程指定的词性。

# %%
tagged = pos_tag(sentence)
pd.DataFrame(tagged[:14], columns=["词 / word", "词性 / tag"]).T

# %% [markdown]
# 词性有什么用？例如第 04 课的 TextRank 关键词可以只保留名词和动词；第 06 课找"将会"
# 这样的预测标记时，词性能帮我们区分用法。

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★★ 练习 / practice
#
# 把下面这句话**手工**分词，写成字符串列表，赋给 `my_tokens`。请按课程的分词规范：
# 领域术语（如"直播带货""产业互联网"）算一个词，标点单独成词。

# %%
practice_sentence = "直播带货是产业互联网的前奏曲。"
my_tokens = None  # 例如 ["直播", "带货", ...]

# %%
# 期望答案由代码给出（课程分词器在这句上的结果），不写在正文里。
_ = selfcheck.check_tokens(
    my_tokens,
    expected=tokenize(practice_sentence),
    hint_zh="术语不要拆开；句号也算一个词。",
    hint_en="Keep domain terms whole; the full stop is a token too.",
    name="my_tokens",
)

# %% [markdown]
# ## 5. 金标准与精确率、召回率、F1
#
# 分词器"好不好"，要和人工分好的**金标准**比。课程的金标准是从五篇文章中抽出的句子，
# 按 `docs/segmentation_guideline.md` 的规范手工分词。先看有多少句、每篇几句：

# %%
gold = load_gold()
print("金标准句数 / gold sentences:", len(gold))
print(pd.Series([g.article_id for g in gold]).value_counts().sort_index().to_dict())
print("第一句 / first:", " | ".join(gold[0].words))

# %% [markdown]
# 评分的单位是**词的位置**：分词器给出的一个词，只有当金标准里有一个词和它**起止位置都相同**
# 时才算对。
#
# - 精确率（precision）＝ 分对的词 ÷ 分词器给出的词；
# - 召回率（recall）＝ 分对的词 ÷ 金标准里的词；
# - F1 ＝ 2PR ÷ (P + R)，两者都高时才高。
#
# 一个小例子，用 `score_segmentation` 计算：

# %%
small = score_segmentation(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"])
print(
    f"P = {small.precision:.3f}  R = {small.recall:.3f}  F1 = {small.f1:.3f}  "
    f"(对 {small.correct} / 预测 {small.predicted} / 金标准 {small.gold})"
)

# %% [markdown]
# 把"产业互联网"切成两半，分词器多给了一个词，也少对了一个词：精确率和召回率都下降。
# 现在在整个金标准上比较几种设置（所有句子的词数合在一起算，即微平均）：

# %%
settings = {
    "jieba 词典, HMM": lambda t: tokenize(t, userdict=False),
    "jieba 词典, 无 HMM": lambda t: tokenize(t, userdict=False, hmm=False),
    "课程词典, HMM": lambda t: tokenize(t),
    "课程词典, 无 HMM": lambda t: tokenize(t, hmm=False),
}
score_rows = []
for label, fn in settings.items():
    s = evaluate_tokenizer(fn)
    score_rows.append(
        {
            "设置 / setting": label,
            "P": round(s.precision, 4),
            "R": round(s.recall, 4),
            "F1": round(s.f1, 4),
            "预测词数 / predicted": s.predicted,
            "金标准词数 / gold": s.gold,
        }
    )
scores_table = pd.DataFrame(score_rows).set_index("设置 / setting")
scores_table

# %% [markdown]
# 表里 F1 最高的是哪一行？先别急着宣布"最好的设置"：金标准只有几十个句子，两种设置的 F1 差一点点，
# 可能只是这几十句碰巧如此。和第 04 课一样，用**句子自助法**给差值一个区间：有放回地重抽金标准的句子
# （两种设置用同一批重抽的句子，即配对），每次算两种设置的 F1 之差，取中间 95%。

# %%
gold_sentences = load_gold()
print("金标准句子数 / gold sentences:", len(gold_sentences))


def sentence_counts(fn):
    """(correct, predicted, gold) word counts of one setting, one row per gold sentence."""
    rows = [score_segmentation(fn(g.text), list(g.words)) for g in gold_sentences]
    return np.array([(s.correct, s.predicted, s.gold) for s in rows])


def pooled_f1(counts):
    correct, predicted, gold = counts.sum(axis=0)
    precision, recall = correct / predicted, correct / gold
    return 2 * precision * recall / (precision + recall)


counts_by_setting = {label: sentence_counts(fn) for label, fn in settings.items()}
picks = np.random.default_rng(0).integers(0, len(gold_sentences), size=(2000, len(gold_sentences)))
for first, second in [("课程词典, HMM", "jieba 词典, HMM"), ("课程词典, 无 HMM", "课程词典, HMM")]:
    a, b = counts_by_setting[first], counts_by_setting[second]
    diffs = np.array([pooled_f1(a[rows]) - pooled_f1(b[rows]) for rows in picks])
    low, high = np.percentile(diffs, [2.5, 97.5])
    verdict = "分不出 / cannot tell" if low <= 0 <= high else "分得开 / differ"
    print(f"F1（{first}）− F1（{second}）= {pooled_f1(a) - pooled_f1(b):+.4f}，95% 区间 [{low:+.4f}, {high:+.4f}] → {verdict}")

# %% [markdown]
# 读这两行：第一行是课程词典的作用，第二行是在课程词典之上关掉 HMM 的作用。只有区间不包含 0 的那一行
# 能当作结论；另一行的差别落在抽样误差之内，不能据此说哪种设置"最好"。注意：金标准本身也按课程规范
# （领域术语算一个词）来分，所以课程词典"占了便宜"——评估的结果总是相对于某个规范而言的。

# %% [markdown]
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 写一个函数 `f1_from_counts(correct, predicted, gold)`：给出分对的词数、分词器给出的词数和
# 金标准的词数，返回 F1（一个 `float`）。分母为 0 时返回 `0.0`。自测会在几组数字上调用它，
# 包括一个分词器什么都没给出的情形。

# %%
f1_from_counts = None  # def f1_from_counts(correct, predicted, gold): ...

# %%
def _f1(correct, predicted, gold):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


_ = selfcheck.check_function(
    f1_from_counts,
    cases=[((c, n, g), _f1(c, n, g)) for c, n, g in [(30, 40, 36), (3, 3, 3), (1, 3, 2), (0, 0, 5), (0, 4, 4)]],
    hint_zh="先算 P 和 R（各自的分母为 0 时记为 0），再算两者的调和平均；P 和 R 都为 0 时 F1 为 0",
    hint_en="compute P and R first (0 when a denominator is 0), then their harmonic mean; 0 if both are 0",
    name="f1_from_counts",
)

# %% [markdown]
# ## 6. jieba 还在哪里出错
#
# 总分只是一个数。更有用的是看**具体哪里**和金标准不一致。下面对每个金标准句子，用课程
# 分词器分词，用 `gold.disagreements` 列出分词器给出、但金标准里没有的词（按起止位置比较），
# 以及金标准在那个位置的切法。

# %%
KIND_NAMES = {"merged": "切得太粗 / merged", "split": "切得太细 / split", "crossing": "交叉 / crossing"}
diff_rows = []
for g in gold:
    for d in disagreements(tokenize(g.text), list(g.words)):
        diff_rows.append(
            {"文章": g.article_id, "jieba": d.predicted, "金标准 / gold": " ".join(d.gold),
             "类型 / kind": KIND_NAMES[d.kind]}
        )
diffs = pd.DataFrame(diff_rows)
print("不一致的词 / disagreeing words:", len(diffs))
print(diffs["类型 / kind"].value_counts().to_dict())
diffs.drop_duplicates(subset=["jieba", "金标准 / gold"]).head(15)

# %% [markdown]
# 代码把不一致分成三类，并数了每类有多少（见上面的字典）：
#
# - **切得太粗**：jieba 把金标准里的几个词连成一个；
# - **切得太细**：jieba 把金标准里的一个词拆开；
# - **交叉**：边界相互错开。
#
# 不少"错误"其实是**规范分歧**：数词与量词（"一 个"）、"这 种"这类，怎么切是规范的选择，
# 没有绝对对错；换一个规范，分数就会变。
#
# 对计数来说，最要紧的是领域术语和后面要数的标记词（如"必然""可能"）有没有被切对。
# 下面检查：在不一致的词里，有没有碰到课程的领域术语？

# %%
domain_words = {e.word for e in entries}
touching = diffs[diffs["金标准 / gold"].str.split().apply(lambda ws: bool(set(ws) & domain_words))]
print("涉及领域术语的不一致 / disagreements touching a domain term:", len(touching))
if len(touching):
    display(touching.head(10))

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★★ 挑战 / stretch
#
# 自己实现评分的核心：写一个函数 `span_scores(predicted, gold)`，参数是两个词列表（拼起来是
# 同一句话），返回 `(correct, len(predicted), len(gold))` 三个整数组成的元组，其中 `correct` 是
# **起止位置**都与金标准某个词相同的预测词个数。这正是 `score_segmentation` 在 P、R、F1 之前
# 做的事。提示只说思路：把每个词换成它在句子中的（起点，终点），再求两个集合的交集。

# %%
span_scores = None  # def span_scores(predicted, gold): ...

# %%
_pairs = [
    (["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"]),
    (["直播带货", "是", "前奏曲"], ["直播带货", "是", "前奏曲"]),
    (["直播", "带货是", "前奏曲"], ["直播带货", "是", "前奏曲"]),
] + [(tokenize(g.text), list(g.words)) for g in gold[:5]]
_ = selfcheck.check_function(
    span_scores,
    cases=[
        ((pred, ref), (score_segmentation(pred, ref).correct, len(pred), len(ref)))
        for pred, ref in _pairs
    ],
    hint_zh="累加每个词的长度得到起点和终点；用集合的 & 求交集",
    hint_en="accumulate word lengths to get start and end offsets; intersect the two sets with &",
    name="span_scores",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 中文没有空格，计数之前必须分词；分词的结果决定了后面数到的是什么。
# - 课程的分词器是 jieba 的一个独立副本，默认加载领域词典；`userdict=False` 可以对比不加词典的结果。
# - `make_tokenizer(extra_words=[...])` 给你一个自己的分词器，不会影响共用的那个。
# - 词典里放什么词是一个有后果的决定，应当写明理由（见 `data/userdict.txt` 的注释）。
# - 精确率、召回率、F1 衡量分词器与金标准的一致程度；结果总是相对于某个分词规范而言。两种设置的
#   差别要配上句子自助法的区间：金标准只有几十句，差一点点的 F1 分不出高低。
# - 看具体的不一致比看总分更有用：它告诉你哪些错误会影响你要数的词。
#
# 下一课（第 04 课）用分好的词来计数：词频、停用词、千字频率、n-gram、KWIC 和关键词。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Sproat, R. & Emerson, T. (2003). The First International Chinese Word Segmentation Bakeoff.
#   In *Proceedings of the Second SIGHAN Workshop on Chinese Language Processing* — 分词评测的
#   标准做法：金标准、规范、精确率与召回率。
# - Xue, N. (2003). Chinese Word Segmentation as Character Tagging. *Computational Linguistics
#   and Chinese Language Processing*, 8(1), 29–48 — 把分词看作给每个字标位置。
# - jieba 项目文档 <https://github.com/fxsjy/jieba> — 词典、HMM 与用户词典的用法。
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes（含三道练习）。
