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
# **Abstract.** The closing lesson brings the course together. One table, built entirely by
# code, compares the five articles: each thesis (a key phrase and the sentence it comes from),
# genre, certainty and hedge densities, predictions, evidence markers, filler density, and the
# use of 流量 and 赋能. We then answer the central question — is live commerce the industrial
# internet's new direction, its prelude that must exit, or e-commerce with a modifier, and is
# traffic the enemy of empowerment? — with quotations and counts, and test how far the answer
# depends on our own choices (a sensitivity check that drops one marker word). The lesson ends
# with what these methods can and cannot show, an ungraded writing prompt for a short critique
# with an instant check that your quotations really occur in the corpus, and pointers to the
# three problem sets.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 用一张由代码生成的对比表概括五篇文章的主张、确定性、证据和填充语；
# 2. 用引文和计数回答课程的核心问题，并说清楚答案的限度；
# 3. 做一次简单的敏感性检验：换一个方法上的选择，结论还成立吗？
# 4. 说出文本计数方法能说明什么、不能说明什么；
# 5. 写一篇有原文依据的短评。

# %%
import re

import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.claims import find_evidence, find_sentences, profiles_table, split_sentences
from beyond_traffic.compare import frequency_table
from beyond_traffic.corpus import ARTICLE_IDS, load_corpus
from beyond_traffic.count import count_phrase, kwic, rate_per_1000_chars
from beyond_traffic.lexicons import CERTAINTY, PREDICTIONS

pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
文章 = {a.id: a for a in corpus}
句子 = {a.id: split_sentences(a.clean) for a in corpus}


找句子 = find_sentences  # 第 01 课的工具：文章中所有包含关键词的句子


# %% [markdown]
# ## 1. 一张总表
#
# 第 01 课的"招牌说法"是我们读文章时挑出的关键词；其余各列全部由代码算出：
#
# - `原句`：含招牌说法的第一句；
# - `确定/千字`、`模糊/千字`：确定性标记和模糊限制语每千字（第 06 课）；
# - `预测`：预测标记个数；`证据`：证据标记个数；
# - `填充/千字`：填充语每千字；`流量`、`赋能`：两个词出现的次数。

# %%
招牌 = {
    "A1": "必然阶段",
    "A2": "落幕是必然",
    "A3": "直播是定语修饰",
    "A4": "本质是相悖的",
    "A5": "抛弃流量思维",
}
画像 = profiles_table()
词频 = frequency_table(["流量", "赋能"], method="substring")
总表 = pd.DataFrame(
    {
        "文体": {a.id: a.genre for a in corpus},
        "招牌说法": 招牌,
        "原句": {aid: 找句子(aid, k)[0] for aid, k in 招牌.items()},
        "确定/千字": 画像["certainty_per_1000"].round(2),
        "模糊/千字": 画像["hedges_per_1000"].round(2),
        "预测": 画像["predictions"],
        "证据": 画像["evidence"],
        "填充/千字": {
            a.id: round(rate_per_1000_chars(int(画像.loc[a.id, "fillers"]), a.clean), 2)
            for a in corpus
        },
        "流量": 词频.loc["流量"],
        "赋能": 词频.loc["赋能"],
    }
)
总表

# %% [markdown]
# 每一列的最高者：

# %%
for 列 in ["确定/千字", "模糊/千字", "预测", "证据", "填充/千字", "流量", "赋能"]:
    print(f"{列:　<6} 最高 / highest: {总表[列].astype(float).idxmax()}")

# %% [markdown]
# ### 动手试试 / Your turn 1
#
# 有证据标记的文章里，哪一篇的证据标记**每千字**最多？再想想：只看"有没有证据"够不够？
# 把文章编号写进 `证据最密`。提示：`画像["evidence_per_1000"]`。

# %%
证据最密 = None  # 例如 "A1"

# %%
_ = selfcheck.check_choice(
    证据最密,
    expected=画像["evidence_per_1000"].idxmax(),
    options=list(ARTICLE_IDS),
    name="证据最密",
    hint_zh="对 画像['evidence_per_1000'] 用 .idxmax()",
    hint_en="use .idxmax() on 画像['evidence_per_1000']",
)

# %% [markdown]
# ## 2. 回答核心问题
#
# > 直播带货是产业互联网的新方向（A1），是必将退场的前奏曲（A2），还是"加了定语的电商"
# > （A3）？"流量"是不是"赋能"的对立面（A4、A5）？
#
# 我们分三步回答，每一步都回到原文。
#
# ### 2.1 直播带货改变生产吗？
#
# 这是 A1 与 A2 分歧的核心（第 01 课）。双方各自拿出了什么证据？下面列出两篇文章中谈到
# "生产"的句子，以及这些句子里的证据标记个数：

# %%
for aid in ["A1", "A2"]:
    生产句 = 找句子(aid, "生产方式")
    证据个数 = sum(len(find_evidence(s)) for s in 生产句)
    print(f"{aid}：谈「生产方式」的句子 {len(生产句)} 句，其中证据标记 {证据个数} 个")
    for s in 生产句[:2]:
        print("   ·", s)

# %% [markdown]
# 读上面的计数和句子：A1 说"将改变"（预言），A2 说"并未真正改变"（对现状的判断）。双方
# 谈生产时举出了几个证据标记、有没有提到一个具体的企业或数字？如果都没有，**语料本身就无法
# 裁决这个分歧**：要回答它，需要语料之外的证据（例如工厂或品牌的案例、供应链数据）。
#
# ### 2.2 新方向、前奏曲，还是电商？
#
# 三种说法都把"必然"或"终将"放在结论处。下面找出三篇文章里带确定性预测标记的结论句：

# %%
for aid, needle in [("A1", "必然阶段"), ("A2", "落幕是必然"), ("A3", "终将")]:
    for s in 找句子(aid, needle):
        print(f"{aid}：{s}  → {PREDICTIONS.find(s)}")

# %% [markdown]
# 三篇文章的结论并不完全互斥：A2 的"前奏曲"本身就承认直播带货是通往产业互联网的一步，这与
# A1 的"必然阶段"相近；它们的分歧在于**之后**——A1 认为直播带货会与新技术融合、继续存在，
# A2 认为它会退场。A3 则换了问题：它不问直播带货是否属于产业互联网，而说直播只是电商的
# "定语"，关键是平台的 B 端服务能力——这恰好是它所赞扬的淘宝直播的卖点。
#
# ### 2.3 流量是赋能的对立面吗？
#
# 数一数每篇文章中同时出现"流量"和"赋能"的句子，再看 A5 是否把两个词连在一起用：

# %%
for a in corpus:
    同句 = [s for s in 找句子(a.id, "流量") if "赋能" in s]
    print(f"{a.id}：同句 {len(同句)} 句；「流量赋能」{count_phrase(a.clean, '流量赋能')} 次")
    for s in 同句:
        print("   ·", s)
print()
for row in kwic(文章["A5"].clean, "流量赋能", width=12):
    print(f"A5 {row.left:>12}【{row.keyword}】{row.right}")

# %% [markdown]
# A4 和 A1 把流量和赋能对立起来（"深度赋能并不是……流量输送""不再是流量激活……而是赋能
# B端"）；A5 却说社交电商"是流量赋能的一种新方式"——在它那里，流量本身就是一种赋能，只是
# "单一"的赋能。所以"流量 vs 赋能"的对立不是五篇文章的共识，而是一部分文章的修辞：
# "赋能"一词没有被定义，每篇文章让它指向自己想要的东西。
#
# ### 2.4 我们的回答
#
# 先让代码把前面几课的发现汇总一下：哪些文章没有任何证据标记、它们一共做了多少个预测；
# 证据最多的是哪篇；A5 的证据标记落在哪些句子里。

# %%
零证据 = list(画像.index[画像["evidence"] == 0])
print("证据标记为零 / no evidence markers:", 零证据)
print(
    "这些文章的预测标记合计 / their prediction markers:", int(画像.loc[零证据, "predictions"].sum())
)
print("证据标记最多 / most evidence markers:", 画像["evidence"].idxmax())
for s in 句子["A5"]:
    if find_evidence(s):
        print("A5 的证据句 / A5's evidence:", s)

# %% [markdown]
# 综合总表、上面的汇总和引文：没有证据标记的文章用确定性很高的语言（"必然""将会"）预言一个
# 没有时间表的未来；证据最多的 A3，证据多来自利益相关方（第 06 课）；A5 的数字出自第 01 课
# 找到的软件推销段落。这些文章是**观点**，而不是**论证**。所以对核心问题，最诚实的回答是：
# **这批文章无法告诉我们直播带货是不是产业互联网的新方向；它们能告诉我们的是 2020 年前后
# 中文商业评论如何谈论这个问题——用哪些词、多么肯定、拿出多少证据。**

# %% [markdown]
# ## 3. 敏感性检验：换一个选择，结论还成立吗？
#
# 我们的计数依赖许多选择：词典收了哪些词、怎样切句、怎样清洗。一个简单的检验：把最常见的
# 确定性标记"将会"从词典里拿掉（它也可以理解为单纯的将来时，而不是"确定"），重新计算
# 每篇文章的确定性密度，看排名变不变（最后一列：正数表示名次上升，负数表示下降）。


# %%
def 确定性密度(text: str, *, 去掉: frozenset[str] = frozenset()) -> float:
    found = [w for w in CERTAINTY.find(text) if w not in 去掉]
    return round(rate_per_1000_chars(len(found), text), 2)


敏感 = pd.DataFrame(
    {
        "全部标记 all": {a.id: 确定性密度(a.clean) for a in corpus},
        "去掉「将会」 without 将会": {
            a.id: 确定性密度(a.clean, 去掉=frozenset({"将会"})) for a in corpus
        },
    }
)
敏感["名次升降 rank change (+ = up)"] = 敏感.iloc[:, 0].rank(ascending=False).astype(
    int
) - 敏感.iloc[:, 1].rank(ascending=False).astype(int)
敏感

# %% [markdown]
# （`CERTAINTY.find` 按全文匹配，所以"全部标记"一列可能与 `profiles_table` 逐句统计的结果
# 有细微差别。）如果某篇文章的排名随一个词的去留而变，那么"它最肯定"这个结论就很脆弱，
# 写评论时应该说明这一点。
#
# ### 动手试试 / Your turn 2
#
# 去掉"将会"之后，确定性密度最高的是哪篇文章？把编号写进 `去掉将会后最高`。

# %%
去掉将会后最高 = None  # 例如 "A1"

# %%
_ = selfcheck.check_choice(
    去掉将会后最高,
    expected=敏感["去掉「将会」 without 将会"].idxmax(),
    options=list(ARTICLE_IDS),
    name="去掉将会后最高",
    hint_zh="看上表第二列，或用 .idxmax()",
    hint_en="look at the second column, or use .idxmax()",
)

# %% [markdown]
# ## 4. 这些方法能说明什么，不能说明什么
#
# **能说明的：**
#
# - 用了哪些词、用了多少次、与其他文章相比多还是少（第 03–05 课）；
# - 哪些句子带有确定、模糊、预测、证据、填充的**字面**标记，以及它们的密度（第 06 课）；
# - 某个说法出自哪篇文章的哪一句——引文可以核对，不靠记忆（第 01 课）；
# - 文本经过了哪些处理，每一步改了什么（第 02 课）。
#
# **不能说明的：**
#
# - **意思。** 标记词典按字面匹配："最终将会"会被误读出"终将"，"可能性"不是模糊限制，
#   否定句与肯定句用的是同样的词。计数是阅读的向导，不是阅读的替代。
# - **真假。** 证据标记说明文章"摆出了"证据，不说明证据可靠；一个数字可能出自利益相关方，
#   也可能没有基数、没有时间。
# - **代表性。** 五篇文章是一个很小的、偶然得到的语料；它们不代表"中文媒体"，更不代表
#   直播带货本身。
# - **作者意图。** 文体标签（评论、倡导、推销）是我们的判断，特征计数只是支持或削弱它。
# - **稳健性。** 密度受文章长度、切句、清洗规则影响；上一节的敏感性检验只是一个开始。

# %% [markdown]
# ## 5. 写作练习：一篇有依据的短评（不评分）
#
# 选一篇文章（或一对观点相反的文章），写一篇 300–500 字的中文短评：
#
# 1. 用一句话复述它的主张，并**引用**原文（用「」括起原句或短语）；
# 2. 说明它的论断类型与确定程度，给出本课程算出的至少一个数字；
# 3. 评估它的证据：有没有？从哪里来？提供者是否利益相关？
# 4. 指出一处矛盾、重复或未加说明的条件；
# 5. 最后说明你的分析**不能**说明什么。
#
# 把短评写进 `我的短评`（一个字符串）。下面的自测不会给你打分：它只检查你「」里的引文
# 是否真的能在清洗后的语料中找到，帮你避免"凭记忆引用"。

# %%
我的短评 = None  # 例如 我的短评 = """A2 认为「直播带货落幕是必然」……"""


# %%
def 核对引文(text: object) -> None:
    """检查短评中「」里的引文是否出现在某篇文章的清洗后文字中；只报告你自己的引文。"""
    if selfcheck.is_placeholder(text):
        print(
            "… 还没作答 / not answered yet: 把 我的短评 的 None 换成你的短评 "
            "/ write your critique into 我的短评"
        )
        return
    if type(text) is not str:
        print(f"✗ 类型不对：需要 str，你给的是 {type(text).__name__} / wrong type: expected str")
        return
    引文 = list(dict.fromkeys(re.findall(r"「([^」]+)」", text)))  # 去重，保留顺序
    print(f"字数 / length: {len(text)}（建议 300–500）；引文 / quotations: {len(引文)}")
    if not 引文:
        print("  提示 / hint: 用「」括起至少一处原文 / quote the text at least once inside 「」")
    for q in 引文:
        出处 = [a.id for a in corpus if q in a.clean]
        print(
            f"  {'✓' if 出处 else '✗'} 「{q[:20]}{'…' if len(q) > 20 else ''}」",
            f"→ {'、'.join(出处)}"
            if 出处
            else "→ 语料中找不到：核对原文或标点 / not found: check the wording",
        )


核对引文(我的短评)

# %% [markdown]
# 短评的评分标准（供自评或同伴互评；作业 ps3 的书面题由教师按类似的标准人工评分）：
# 主张复述准确且有引文；至少一个由代码算出的数字，并说明它的含义；对证据来源的判断；
# 指出的问题有原文为证；承认方法的限度。

# %% [markdown]
# ## 6. 接下来：三份作业
#
# 课程配有三份 nbgrader 作业（教师用 `make assignments` 生成学生版，放在 `assignments/`）：
#
# | 作业 | 主题 | 对应课 |
# |---|---|---|
# | ps1 清洗与分词 (`ps1_segment`) | 清洗一段原文、用领域词典分词、计算 P/R/F1 | 02、03 |
# | ps2 词频与关键词 (`ps2_count`) | 词频、停用词、每千字、n-gram、TF-IDF、KWIC | 04、05 |
# | ps3 论断与批判 (`ps3_critique`) | 标记、证据、填充语、矛盾，人工评分的短评 | 01、06、07 |
#
# 自动评分的题目有可见测试（告诉你哪里不对，但不给答案）和隐藏测试（换一篇文章或边界情况）；
# 每题可以得部分分。

# %% [markdown]
# ## 小结 / Recap
#
# - 一张由代码生成的总表把五篇文章的主张、确定性、证据和填充语放在一起比较。
# - 回答核心问题要靠引文和计数：谁说了什么（原句）、说得多肯定（确定性密度）、拿出了什么
#   （证据标记及其来源）。语料能告诉我们的是这些文章**怎样**说话，而不是直播带货的真相。
# - 方法上的选择会影响结论：做敏感性检验，并在写作中说明限度。
# - 好的批判 = 准确复述 + 原文引文 + 可复查的数字 + 对证据来源的判断 + 承认限度。
#
# 祝你在作业中用上这些方法。回到 `00_orientation` 可以重温课程地图。
