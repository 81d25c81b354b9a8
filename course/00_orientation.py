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
# # 第 00 课　导读：流量之外——课程与语料
#
# **Abstract.** This opening lesson introduces *Beyond Traffic* (流量之外), a course in Chinese
# text analysis and critical reading built on five short Chinese web articles about live-stream
# selling (直播带货) and the "industrial internet" (产业互联网). You meet the corpus through code:
# a table of the five articles (id, title, author, script, genre, length before and after
# cleaning) is computed from the package, not typed in. You learn the course's central question,
# how the notebooks and their instant self-checks work, and the rule that runs through every
# lesson: the scraped source files stay byte-identical, and everything derived from them is
# produced, and can be audited, by code.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 说出本课程要回答的核心问题，以及八节课各自做什么；
# 2. 用 `beyond_traffic.corpus.load_corpus()` 载入五篇文章，并用代码列出它们的基本信息；
# 3. 解释课程如何对待来源：原始文件一字不改，所有派生结果都由代码生成、可以复查；
# 4. 使用"动手试试 / Your turn"练习和即时自测（self-check）。

# %% [markdown]
# ## 1. 这门课是什么
#
# 2020 年前后，"直播带货"成了中文商业媒体的热门话题，许多评论文章把它和"产业互联网"
# 联系起来：直播带货到底是产业互联网的新方向，还是昙花一现的营销手段？本课程选了五篇
# 这样的网络文章作为语料（corpus），带你做两件事：
#
# - **文本分析**：把抓取来的、混杂着繁体字、拼音注音、乱码和网页杂质的文本清洗干净，
#   用 jieba 分词，计数、提取关键词、比较、作图；
# - **批判性阅读**：用这些方法检验文章的论断——它们说得有多肯定？拿出了什么证据？
#   哪些话是在重复、填充？文章之间、文章内部有没有矛盾？
#
# 课程地图：
#
# | 课 | 主题 | 你会做什么 |
# |---|---|---|
# | 00 | 导读 | 认识语料、核心问题和自测 |
# | 01 | 论证地图 | 用代码找到每篇文章的主张和分歧 |
# | 02 | 文本清洗 | 繁简转换、去注音、修乱码、去网页杂质 |
# | 03 | 分词 | jieba、领域词典、用金标准评估分词 |
# | 04 | 计数 | 词频、停用词、n-gram、关键词、KWIC |
# | 05 | 可视化 | 能正确显示中文的图表和词云 |
# | 06 | 论断与批判 | 确定性与模糊限制、证据、填充语、矛盾、文体 |
# | 07 | 综合 | 把方法和论证放在一起，回答核心问题 |
#
# 遇到不熟悉的术语（产业互联网、B端、赋能……），请查 `course/glossary.md` 术语表。

# %% [markdown]
# ## 2. 语料：五篇文章
#
# 课程的 Python 包叫 `beyond_traffic`。`load_corpus()` 返回五篇文章，每篇是一个 `Article`
# 对象，带有编号、标题、作者、原始文字（`raw`）和清洗后的文字（`clean`）等属性。

# %%
import hashlib
import re

import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.clean import audit_corpus
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus, raw_bytes
from beyond_traffic.count import count_phrase

corpus = load_corpus()
print("文章数 / articles:", len(corpus))
print("编号 / ids:", [a.id for a in corpus])

# %% [markdown]
# 下面用代码把每篇文章的基本信息整理成一张表。`script` 是原始文件的字体（繁体 traditional
# 或简体 simplified），`genre` 是课程对文体的判断，两列长度分别是原始文字和清洗后文字的字符数。
# 表中的"无"表示网页本身没有给出标题或作者。

# %%
语料表 = pd.DataFrame(
    [
        {
            "id": a.id,
            "标题 title": a.title or "（无）",
            "作者 author": a.author or "（无）",
            "字体 script": a.script,
            "文体 genre": a.genre,
            "原始字数 raw": len(a.raw),
            "清洗后字数 clean": len(a.clean),
        }
        for a in corpus
    ]
).set_index("id")
语料表

# %% [markdown]
# 清洗后的文字比原始文字短：清洗去掉了拼音注音、网页杂质等（第 02 课详细讲）。下面算出每篇
# 文章清洗后保留了原文多少比例的字符，并找出清洗后最长和最短的文章。

# %%
保留比例 = (语料表["清洗后字数 clean"] / 语料表["原始字数 raw"]).round(2)
print(保留比例.to_string())
print("清洗后最长 / longest:", 语料表["清洗后字数 clean"].idxmax())
print("清洗后最短 / shortest:", 语料表["清洗后字数 clean"].idxmin())

# %% [markdown]
# 每篇文章还带着一条说明（`notes`），记录这篇来源有什么特别、有什么"脏"的地方。

# %%
for a in corpus:
    print(f"{a.id}: {a.notes}\n")

# %% [markdown]
# ### 原始文字长什么样？
#
# 繁体的几篇是从一个在汉字后面加拼音注音的网站抓来的。看看 A1 原文的开头，再看看清洗后的开头：

# %%
a1 = get_article("A1")
print("原始 raw  :", a1.raw[:80])
print("清洗 clean:", a1.clean[:80])

# %% [markdown]
# 原文中像 `產(chǎn)` 这样"汉字 + 括号拼音"的注音有多少处？清洗模块的 `audit_corpus()` 记录了
# 清洗每一步对每篇文章做了什么，其中 `strip_pinyin_annotations` 一步就是删除注音。下面取出
# 这一步删除的个数，并确认清洗后的文字里不再有"(拼音)"（第 02 课会讲清楚怎么做到的）：

# %%
审计 = audit_corpus()
注音步 = 审计[审计["step"] == "strip_pinyin_annotations"].set_index("article")
注音 = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
for a in corpus:
    print(
        a.id,
        "删除的注音 / annotations removed:",
        注音步.loc[a.id, "removed"],
        "| 清洗后剩下 / left after cleaning:",
        len(注音.findall(a.clean)),
    )

# %% [markdown]
# ## 3. 核心问题
#
# 整门课围绕一个问题展开：
#
# > **直播带货是产业互联网的新方向（A1），是必将退场的前奏曲（A2），还是"加了定语的电商"
# > （A3）？"流量"是不是"赋能"的对立面（A4、A5）？**
#
# 这个问题不是我们凭空提出的，它来自文章自己的措辞。下面的代码在五篇文章的清洗后文字里
# 查找几个关键说法，看它们分别出现在哪些文章里。第 01 课会把每个说法所在的整句话找出来。

# %%
关键说法 = ["新方向", "前奏曲", "落幕是必然", "直播是定语修饰", "电商是本质", "流量", "赋能"]
出现 = pd.DataFrame(
    {说法: {a.id: count_phrase(a.clean, 说法) for a in corpus} for 说法 in 关键说法}
)
出现

# %% [markdown]
# 表里每个数字是该说法在该文章中出现的次数。下面再让代码把这些说法分成两类：出现在多数
# （至少四篇）文章里的**共同词汇**，和只出现在一篇文章里的**招牌说法**。

# %%
篇数 = (出现 > 0).sum()
print("共同词汇 / shared (≥4 篇):", [w for w in 关键说法 if 篇数[w] >= 4])
for w in 关键说法:
    if 篇数[w] == 1:
        print(f"招牌说法 / only in one article: {w} → {出现[w].idxmax()}")

# %% [markdown]
# 共同词汇是五篇文章争论的共同话题；只属于一篇文章的说法，往往就是那篇文章的"招牌"论点。

# %% [markdown]
# ## 4. 如何使用这些笔记本
#
# - 从上到下依次运行每个单元格（Shift + Enter），或者用菜单 *Run → Run All Cells*。
#   每节课运行一遍只要几秒钟，不需要联网。
# - 正文里关于语料的每一个事实（次数、排名、引文、谁说了什么）都由紧挨着的代码算出或引出。
#   如果你怀疑某句话，改一改代码自己验证。
# - **动手试试 / Your turn**：练习单元格里有一个变量，初始值是占位符 `None`。把 `None`
#   换成你的答案，运行它，再运行下面的自测单元格。自测会告诉你答对了没有；答错时它会说
#   *哪一类* 地方不对（类型、长度、太大还是太小），并给出提示，但不会直接显示答案。
# - 没有作答时，自测只显示"还没作答 / not answered yet"，不会报错，所以整本笔记本总能
#   从头运行到尾。
#
# 先看看自测在答案类型不对时怎么说。问题是"语料有几篇文章？"，这里故意把数字写成了字符串：

# %%
_ = selfcheck.check_number("5", expected=len(corpus), name="示例 / demo")

# %% [markdown]
# 自测指出了问题（类型不对：应该是数字而不是字符串），却没有替你写出答案。
#
# 自测只是学习工具，不是考试：答案就在同一本笔记本里，谁都能打印出来。正式作业
# （`assignments/` 里的 ps1–ps3）由 nbgrader 自动评分，那是另一套机制。

# %% [markdown]
# ### 动手试试 / Your turn 1
#
# 五篇文章中，有几篇的原始文件是**繁体**字？用代码算（提示：`a.script`），或者看上面的表，
# 把答案（一个整数）写进 `繁体篇数`。

# %%
繁体篇数 = None  # 改成你的答案，例如 繁体篇数 = 1

# %%
_ = selfcheck.check_number(
    繁体篇数,
    expected=sum(a.script == "traditional" for a in corpus),
    name="繁体篇数",
    hint_zh="看语料表的「字体 script」一列，数一数 traditional",
    hint_en="count 'traditional' in the script column of the corpus table",
)

# %% [markdown]
# ### 动手试试 / Your turn 2
#
# 哪一篇文章的**原始文字**与**清洗后文字**长度相差最大（也就是清洗去掉的字符最多）？
# 把文章编号（如 `"A1"`）写进 `去掉最多`。可以写代码：`len(a.raw) - len(a.clean)`。

# %%
去掉最多 = None  # 例如 去掉最多 = "A1"

# %%
_ = selfcheck.check_choice(
    去掉最多,
    expected=max(corpus, key=lambda a: len(a.raw) - len(a.clean)).id,
    options=list(ARTICLE_IDS),
    name="去掉最多",
    hint_zh="对每篇文章算 len(a.raw) - len(a.clean)，取最大的那篇",
    hint_en="compute len(a.raw) - len(a.clean) for each article and take the largest",
)

# %% [markdown]
# ## 5. 课程如何对待来源
#
# 这门课对语料有三条规矩：
#
# 1. **原始文件一字不改。** 包里的五个种子文件与抓取时逐字节相同，包括其中的乱码、错别字
#    和网页杂质。作者的笔误（如 A4 的"内在机构"、A5 的"聪"）也是证据，不是噪音。
# 2. **派生的一切都由代码生成。** 清洗后的文字、分词、计数、图表，全部由 `beyond_traffic`
#    包里的函数产生；每一步去掉了什么、替换了什么、为什么，都有记录（第 02 课）。
# 3. **不传播个人信息。** 原文中的个人联系方式在清洗时删除。
#
# 先核对第 1 条里提到的两处笔误确实保留在清洗后的文字里：

# %%
for aid, 笔误 in [("A4", "内在机构"), ("A5", "聪")]:
    print(
        aid,
        f"「{笔误}」",
        "清洗后出现 / kept in clean text:",
        count_phrase(get_article(aid).clean, 笔误),
        "次",
    )

# %% [markdown]
# 再用代码验证第 1 条：`Article.raw` 重新编码成 UTF-8 后，与包里的种子文件逐字节相同。
# 我们也给每个文件算一个 SHA-256 指纹：以后任何人都可以用它核对文件有没有被改过。

# %%
for a in corpus:
    字节 = raw_bytes(a.file)
    print(
        a.id,
        a.file,
        "逐字节相同 / identical:",
        a.raw.encode("utf-8") == 字节,
        "| sha256:",
        hashlib.sha256(字节).hexdigest()[:16],
    )

# %% [markdown]
# 第 2 条：清洗流水线的每一步都记账。`clean.audit_corpus()` 给出每篇文章、每一步的修改
# 记录；下面只看每一步修改了多少处（第 02 课会逐步展开）：

# %%
审计.pivot(index="step", columns="article", values="count").loc[
    [name for name in 审计["step"].unique()]
]

# %% [markdown]
# 再验证第 3 条：数一数每篇文章原文和清洗后文字中像电子邮件地址的字符串。我们只打印个数，
# 不打印地址本身。

# %%
邮箱 = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
for a in corpus:
    print(
        a.id,
        "原文 / raw:",
        len(邮箱.findall(a.raw)),
        "| 清洗后 / clean:",
        len(邮箱.findall(a.clean)),
    )

# %% [markdown]
# ## 小结 / Recap
#
# - 语料是五篇关于直播带货和产业互联网的中文网络文章，编号 A1–A5；它们的标题、作者、字体、
#   文体和长度都可以用 `load_corpus()` 由代码得到。
# - 核心问题：直播带货是产业互联网的新方向、前奏曲，还是"加了定语的电商"？流量与赋能是
#   对立的吗？
# - 原始文件保持原样；清洗、计数、引文都由代码产生，读者可以逐步复查。
# - 练习单元格里把 `None` 换成答案，再运行自测；自测会提示哪里不对，但不会泄露答案。
#
# 下一课（01 论证地图）用代码找出每篇文章的核心主张，看看它们在哪里一致、在哪里分歧。
