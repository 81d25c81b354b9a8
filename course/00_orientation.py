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
# # 第 00 课　导读：流量之外——课程、语料与来源
#
# **Abstract.** This opening lesson introduces *Beyond Traffic* (流量之外), a course in Chinese
# text analysis and critical reading built on five short Chinese web articles about live-stream
# selling (直播带货) and the "industrial internet" (产业互联网). You meet the corpus through code:
# a table of the five articles (id, title, author, script, genre, length before and after
# cleaning) is computed from the package, not typed in. You learn the course's central question,
# asked in the articles' own words; how the notebooks, their graded exercises and instant
# self-checks work; and the rule that runs through every lesson: the scraped files stay
# byte-identical, and everything derived from them is produced, and can be audited, by code.
# The second half reads the sources in context: what each page shows about where the text comes
# from (a repost, the first of two pages, an embedded sales pitch), what can be inferred and how
# surely, and the setting that produced them — the self-media (自媒体) and advertorial (软文)
# economy of roughly 2018–2020 (the dates are inferred), when 产业互联网 and 直播带货 became
# slogans, with the rules and debates of the time that bear on the reading: advertising must be
# identifiable as advertising (Advertising Law of the PRC, 2015 revision, art. 14; the 2016
# interim measures on internet advertising), the 2020 codes and guidance on live-commerce
# marketing, and the 2019–2020 mockery of internet jargon (赋能, 抓手, 闭环). If you have never
# written a Python function, take the short primer (lesson 00a) before the exercises here.
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 说出本课程要回答的核心问题，以及每一课各自做什么；
# 2. 用 `beyond_traffic.corpus.load_corpus()` 载入五篇文章，并用代码列出它们的基本信息；
# 3. 解释课程如何对待来源：原始文件一字不改，所有派生结果都由代码生成、可以复查；
# 4. 区分页面**显示**了什么和我们**推断**了什么，并说明推断的把握有多大；
# 5. 把五篇文章放回它们的语境：自媒体、软文与倡导，大致 2018–2020 年的产业互联网与直播带货；
# 6. 使用"动手试试 / Your turn"练习（分三个难度）和即时自测（self-check）。
#
# 术语（产业互联网、直播带货、自媒体、软文、倡导、转载）见 `course/glossary.md`。

# %% [markdown]
# ## 1. 这门课是什么
#
# 2020 年前后，"直播带货"成了中文商业媒体的热门话题，许多评论文章把它和"产业互联网"
# 联系起来。本课程选了五篇这样的网络文章作为语料（corpus），带你做两件事：
#
# - **文本分析**：把抓取来的、混杂着繁体字、拼音注音、乱码和网页杂质的文本清洗干净，
#   用 jieba 分词，计数、提取关键词、比较、作图；
# - **批判性阅读**：重建每篇文章的论证，用经过验证的方法检验它的论断——说得有多肯定？
#   拿出了什么证据？哪些话是在重复？数字的差别是真的，还是样本太小的偶然？
#
# 课程地图：
#
# | 课 | 主题 | 你会做什么 |
# |---|---|---|
# | 00 | 导读 | 认识语料、来源与语境、练习和自测 |
# | 00a | Python 入门 | 没写过 Python 函数的同学先学这一课：变量、列表、字典、循环、函数（约 40 分钟） |
# | 01 | 论证地图 | 重建每篇文章的论证，逐条比较前提：共识、分歧、时态与范围 |
# | 02 | 文本清洗 | 繁简转换、去注音、修乱码、去网页杂质 |
# | 03 | 分词 | jieba、领域词典、用金标准评估分词 |
# | 04 | 计数 | 词频、停用词、千字频率及其不确定性、n-gram、关键词、KWIC |
# | 05 | 可视化 | 能正确显示中文的图表和词云 |
# | 06 上篇 | 论断与批判 | 用课程的参考编码验证标记词典；确定性、模糊限制、证据、立场与填充语 |
# | 06 下篇 | 检验标记 | 有争议的编法两种都算；两位编码员的一致性；留出一篇文章的检验；标记计数在新文章上能说明什么 |
# | 07 | 综合 | 带区间的比较、同一作者假设的检验、方法的限度、一篇短评 |
#
# 遇到不熟悉的术语，请查 `course/glossary.md` 术语表。

# %% [markdown]
# ## 2. 语料：五篇文章
#
# 课程的 Python 包叫 `beyond_traffic`。`load_corpus()` 返回五篇文章，每篇是一个 `Article`
# 对象，带有编号、标题、作者、原始文字（`raw`）、清洗后的文字（`clean`）和来源信息
# （`provenance`）。课程里的代码只用英文变量名（中文只出现在字符串和说明里），这样你不用
# 为了起一个变量名切换输入法。

# %%
import hashlib
import re

import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.claims import find_sentences
from beyond_traffic.clean import audit_corpus
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus, provenance_table, raw_bytes
from beyond_traffic.count import count_phrase

pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
print("文章数 / articles:", len(corpus))
print("编号 / ids:", [a.id for a in corpus])

# %% [markdown]
# 下面用代码把每篇文章的基本信息整理成一张表。`script` 是原始文件的字体（繁体 traditional
# 或简体 simplified），`genre` 是课程对体裁的判断（第 06 课上篇会检验它），两列长度分别是原始文字
# 和清洗后文字的字符数。表中的"无"表示网页本身没有给出标题或作者。

# %%
corpus_table = pd.DataFrame(
    [
        {
            "id": a.id,
            "标题 title": a.title or "（无）",
            "作者 author": a.author or "（无）",
            "字体 script": a.script,
            "体裁 genre": a.genre,
            "原始字数 raw": len(a.raw),
            "清洗后字数 clean": len(a.clean),
        }
        for a in corpus
    ]
).set_index("id")
corpus_table

# %% [markdown]
# 清洗后的文字比原始文字短：清洗去掉了拼音注音、网页杂质等（第 02 课详细讲）。下面算出每篇
# 文章清洗后保留了原文多少比例的字符，并找出清洗后最长和最短的文章。

# %%
kept_share = (corpus_table["清洗后字数 clean"] / corpus_table["原始字数 raw"]).round(2)
print(kept_share.to_string())
print("清洗后最长 / longest:", corpus_table["清洗后字数 clean"].idxmax())
print("清洗后最短 / shortest:", corpus_table["清洗后字数 clean"].idxmin())

# %% [markdown]
# 注意最短的那篇：它短，部分原因是页面只抓到了两页中的第一页（见第 5 节；第二页有多长，页面上看不出）。
# 长度不同的文章要用"每千字"来比较（第 04 课），而不完整的文章不能代表整篇。

# %% [markdown]
# ### 原始文字长什么样？
#
# 繁体的三篇在许多汉字后面带着拼音注音。注音从哪里来，页面没有说：可能是同一个网站加的，也可能是
# 抓取工具加的（三篇的网页杂项各不相同）。看看 A1 原文的开头，再看看清洗后的开头：

# %%
a1 = get_article("A1")
print("原始 raw  :", a1.raw[:80])
print("清洗 clean:", a1.clean[:80])

# %% [markdown]
# 原文中像 `產(chǎn)` 这样"汉字 + 括号拼音"的注音有多少处？清洗模块的 `audit_corpus()` 记录了
# 清洗每一步对每篇文章做了什么，其中 `strip_pinyin_annotations` 一步删除注音。下面把两种数法
# 并排：在原文里直接用正则数"(拼音)"，和这一步实际删除的个数。

# %%
audit_table = audit_corpus()
pinyin_step = audit_table[audit_table["step"] == "strip_pinyin_annotations"].set_index("article")
pinyin_note = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
for a in corpus:
    print(
        a.id,
        "原文中的“(拼音)” / in the raw text:",
        len(pinyin_note.findall(a.raw)),
        "| 这一步删除的 / removed by the step:",
        pinyin_step.loc[a.id, "removed"],
        "| 清洗后剩下 / left after cleaning:",
        len(pinyin_note.findall(a.clean)),
    )

# %% [markdown]
# 两种数法对 A1、A3、A4 给出的数字不同。差额不是漏删：有几处注音夹在乱码里，清洗的第一步
# （勘误表）连同乱码一起修掉了，轮到删注音那一步时它们已经不在了。第 02 课会用代码验证这个
# 说法。引用一个数字时，要说清楚它是**怎么数的**。

# %% [markdown]
# ## 3. 核心问题
#
# 整门课围绕一个问题展开：**在产业互联网的故事里，直播带货是什么？** 这个问题的几种回答
# 都来自文章自己的措辞，下面让代码把原句找出来：

# %%
key_phrases = [
    ("A1", "必然阶段"),
    ("A1", "切入点的作用"),
    ("A2", "其实是产业互联网的前奏曲"),
    ("A2", "落幕是必然"),
    ("A3", "直播是定语修饰"),
    ("A4", "本质是相悖的"),
    ("A5", "流量赋能"),
]
for article_id, phrase in key_phrases:
    print(f"{article_id}：{find_sentences(article_id, phrase)[0]}\n")

# %% [markdown]
# 读这些句子时已经能看出几件事，第 01 课会逐条展开：
#
# - A1 的标题《流量之外，产业互联网下的直播带货新方向》说的是产业互联网**之下**直播带货的
#   新方向；正文把直播带货定位为产业互联网的「必然阶段」和「切入点」，措辞还带着模糊限制
#   （「它代表的更像是一种全新的产业进化新方向」）。
# - A2 说直播带货是产业互联网的「前奏曲」；小标题说「产业互联网的大潮下，直播带货落幕是必然」（正文的条件是
#   「当产业互联网开始成熟」），结尾却又说直播带货「同样也可以获得更加长久的发展」——两句怎样放在一起，
#   第 01 课给出两种读法。
# - A3 拿「直播是定语修饰，电商是本质」来解释阿里的自信，还加了“或许”（「拆解阿里背后的自信，或许可以用一句话来解释」），
#   然后以它为出发点：它回答一个相邻的问题。它也看重B端（「直播电商中的ToB属性变得更加重要」），
#   和 A1 的「直播带货的真正用户其实并不是C端用户，而是B端用户」用词相近，想法却不同；文中看不出 A3 以 A1 为依据，
#   两篇至多共用“B端更重要”这个当时的行业常识。
# - A4 和 A5 都把浅层的流量做法和深度的赋能对立起来，偏向后者，用词却不同：A4 说深度赋能
#   「并不是消费互联网时代简单意义上的流量输送」；A5 把浅的那种也叫赋能——社交电商「说到底是流量赋能
#   的一种新方式」，而「单一的流量赋能无法带来持续增长」。两篇对靠流量的做法评价也不一样：A4 让步说，在产业互联网概念初提、新技术未成熟的那种
#   特定情况下「通过资本运作的方式来获得流量的做法是可取的」（说的是当时）；A5 承认社交电商「在短时间内缓解了传统电商红利见顶的尴尬」，
#   却说它「只能是饮鸩止渴的解药」。
#   两篇是否只差用词，要看怎样读 A4 的这个让步（第 01 课）。
#
# 下面的表统计几个关键说法在每篇文章里出现的次数：

# %%
phrases = ["必然阶段", "前奏曲", "落幕是必然", "直播是定语修饰", "流量", "赋能", "直播"]
phrase_counts = pd.DataFrame(
    {phrase: {a.id: count_phrase(a.clean, phrase) for a in corpus} for phrase in phrases}
)
phrase_counts

# %% [markdown]
# 最后一列值得注意：有一篇文章一次也没有提到"直播"。下面用代码把共同词汇（至少四篇都用）
# 和只出现在一篇里的说法分开：

# %%
articles_using = (phrase_counts > 0).sum()
print("共同词汇 / shared (≥4 篇):", [p for p in phrases if articles_using[p] >= 4])
for phrase in phrases:
    if articles_using[phrase] == 1:
        print(f"只在一篇里 / only in one article: {phrase} → {phrase_counts[phrase].idxmax()}")
print("没有提到“直播”的文章 / never mentions 直播:", list(phrase_counts.index[phrase_counts["直播"] == 0]))

# %% [markdown]
# ## 4. 如何使用这些笔记本
#
# - 从上到下依次运行每个单元格（Shift + Enter），或者用菜单 *Run → Run All Cells*。
#   每节课运行一遍只要几秒钟，不需要联网。
# - 正文里关于语料的每一个事实（次数、排名、谁说了什么）都由紧挨着的代码算出；引文放在「」
#   里，一个测试逐条核对它们确实出现在清洗后的文字中。如果你怀疑某句话，改一改代码自己验证。
# - **动手试试 / Your turn** 分三个难度：
#   - ★ 热身 / warm-up：从上文或一行代码得到答案；
#   - ★★ 练习 / practice：自己写几行代码或做一次判断，提示只说思路；
#   - ★★★ 挑战 / stretch：自己写一个函数或做一次开放的分析，可以跳过，回头再做。
# - 没写过 Python 函数？先做第 00a 课（Python 入门，约 40 分钟），再回来做下面的练习。
# - 练习单元格里有一个变量，初始值是占位符 `None`。把 `None` 换成你的答案，运行它，再运行
#   下面的自测单元格。自测会告诉你答对了没有；答错时它会说*哪一类*地方不对（类型、长度、太大
#   还是太小），但不会直接显示答案。没有作答时只显示"还没作答 / not answered yet"，不会报错。
#
# 先看看自测在答案类型不对时怎么说。问题是"语料有几篇文章？"，这里故意把数字写成了字符串：

# %%
_ = selfcheck.check_number("5", expected=len(corpus), name="示例 / demo")

# %% [markdown]
# 自测指出了问题（类型不对：应该是数字而不是字符串），却没有替你写出答案。自测只是学习工具：
# 答案就在同一本笔记本里，谁都能打印出来。正式作业（`assignments/`）由 nbgrader 评分。

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★ 热身 / warm-up
#
# 五篇文章中，有几篇的原始文件是**繁体**字？写一行代码算出来（每篇文章的 `script` 属性告诉你
# 它的字体），把答案（一个整数）赋给 `n_traditional`。

# %%
n_traditional = None  # 改成你的代码或答案

# %%
_ = selfcheck.check_number(
    n_traditional,
    expected=sum(a.script == "traditional" for a in corpus),
    name="n_traditional",
    hint_zh="对五篇文章逐一看 script 是不是 traditional，再数一数",
    hint_en="go through the five articles, test whether script is 'traditional', and count",
)

# %% [markdown]
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 写一个函数 `kept_fraction(article)`：返回清洗后文字长度占原始文字长度的比例，**四舍五入到
# 两位小数**（一个 `float`）。自测会在五篇文章上调用它。

# %%
kept_fraction = None  # def kept_fraction(article): ...

# %%
_ = selfcheck.check_function(
    kept_fraction,
    cases=[((a,), round(len(a.clean) / len(a.raw), 2)) for a in corpus],
    name="kept_fraction",
    hint_zh="两个长度相除，再用 round(…, 2)；长度用 len()",
    hint_en="divide one length by the other, then round(…, 2); lengths come from len()",
)

# %% [markdown]
# ## 5. 来源与语境
#
# 批判性阅读从来源开始：这段文字是谁写的？在哪里发表？为了什么？抓来的网页往往只给出很少的
# 线索。课程为每篇文章记录了三样东西（`Article.provenance`）：
#
# - **页面显示了什么**（`page_shows`）：署名、日期、网站杂项、分页——看得见的事实；
# - **可以推断什么**（`inferred`）：每条推断附上理由和把握（high / medium / low）；
# - **要注意什么**（`caveats`）：计数和引用时必须记住的限制。
#
# 引用清洗后的正文用「」；引用原始网页（清洗时已删掉的杂项）用反引号，例如 `共2頁`。

# %%
for a in corpus:
    print(f"■ {a.id}")
    for fact in a.provenance.page_shows:
        print("   页面 / page:", fact)
    for caveat in a.provenance.caveats:
        print("   注意 / caveat:", caveat)

# %% [markdown]
# 推断和它们的理由放在一张表里。先看"把握"一列：课程把"页面显示 `共2頁`，我们只有第一页"这样看得见的事实和
# "可能是同一作者"这样的假设分得很清楚。注意：看得见的只是"两页中的第一页"，缺了多少（第二页有多长）看不出。

# %%
inferences = provenance_table()
inferences["confidence"].value_counts()

# %%
inferences

# %% [markdown]
# 有些推断可以在正文里核对。例如 A2 和 A3 的写作时间：把提到时间的句子找出来。

# %%
for article_id, needle in [("A2", "开年之后"), ("A2", "梅雨"), ("A3", "2020年"), ("A3", "疫情")]:
    for sentence in find_sentences(article_id, needle):
        print(f"{article_id}［{needle}］{sentence}\n")

# %% [markdown]
# ### 5.1 自媒体、软文与倡导
#
# 五篇文章都不是报纸上的新闻。**自媒体**（self-media）指个人或小团队在微信公众号、头条号等平台上
# 写作，文章再被各种网站转载。A1 很可能出自这个生态（推断，把握高）：它的网站的免责声明说内容来自
# `原創(chuàng)、合作伙伴供稿和第三方自媒體作者投稿`，页面没说 A1 属于哪一种；作者简介像自媒体作者的名片。
# 其余几篇的页面没有显示来源，它们可能同属这一生态，但把握更低（见上面的推断表）。
# 下面几点是理解它们的背景（课程编写者的概括，不来自语料；请用延伸阅读核对）：
#
# - **收入跟着流量走。** 平台按阅读量分成，商家付费投放"软文"，作者靠名气接咨询和演讲。于是
#   **产量**本身成了卖点：A1 的作者简介写着 `累計(jì)發(fā)表財(cái)經(jīng)科技文章超400萬字`（原始网页，
#   清洗时已删去）。高产的写作容易形成套话，第 04 课和第 07 课会回到这一点。
# - **转载与免责。** A1 的页面标着 `原標(biāo)題:`，据此推断它是转载（页面没有直接这样说，把握高）；网站的免责声明说内容主要来自
#   `原創(chuàng)、合作伙伴供稿和第三方自媒體作者投稿`，网站不保证准确。A5 的页脚写着
#   `本文来源网络,不用于任何商业用途`，还说 `不涉及任何广告等`。转载让原始的发表时间、平台和
#   利益关系都看不见了。
# - **软文与倡导。** **软文**（advertorial）是付费的广告，写成文章的样子，不声明赞助；
#   **倡导**（advocacy）是公开为一方说话的文章，可能由利益相关方写，也可能不是。两者从页面上
#   常常分不出来：A3 大量引用阿里和淘宝的数据与员工，现存的第一页上却没有合作声明，所以课程把它
#   标为"倡导"，并把"是不是软文"留作开放问题。A5 中间拼进了一段软件供应商的推销（第 01 课会把它
#   找出来），课程把它**读作广告植入**——这是推断：页面看不出有没有付费、是谁拼进去的，页脚反而声明
#   `不涉及任何广告等`。
#
# ### 5.2 大致 2018–2020：口号是怎样来的
#
# - **新零售**：阿里巴巴 2016 年提出，线上线下与数据融合。下一个单元格数一数哪几篇用到它。
# - **产业互联网**：2018 年 9 月 30 日腾讯调整组织架构，提出"扎根消费互联网，拥抱产业互联网"，
#   这个词随后成了行业口号；"消费互联网"则成了它的对立面。
# - **直播带货**：淘宝直播 2016 年上线（A3 没有给出淘宝直播的上线时间：它写的 2015 年是梁舒团队的工作——
#   「从2015年开始至今，推进了整个电商购物层面的技术创新」，另一句「阿里巴巴对于直播已有5年的积累」说的是
#   阿里巴巴在直播上的积累，也不是淘宝直播的上线日期）；2019 年头部主播（A3 提到的薇娅、李佳琦）走红；2020 年
#   初的疫情让线下门店关门，商家和地方官员纷纷开播。A2 的「被线下的关店潮深刻影响着」和 A3 引述的
#   一名匿名业内人士的话「当疫情期间供应商这一渠道被掐断以后」都指向这个时刻。
#
# 读这些文章时记住：它们写在口号最热的时候，作者往往同时是行业的参与者、评论者和内容生产者。
# 它们能告诉我们的，首先是**当时的人怎样谈论**这件事。

# %%
slogans = ["新零售", "产业互联网", "消费互联网", "直播带货", "疫情"]
pd.DataFrame({w: {a.id: count_phrase(a.clean, w) for a in corpus} for w in slogans})

# %% [markdown]
# ### 5.3 当时的规则与争论
#
# 下面几条是读这些文章时有用的背景（课程编写者的概括，附出处；法规原文请查官方文本）：
#
# - **广告要让人认得出是广告。** 《中华人民共和国广告法》（2015 年修订，2015 年 9 月 1 日施行）第十四条
#   规定广告“应当具有可识别性，能够使消费者辨明其为广告”，大众传播媒介“不得以新闻报道形式变相发布广告”。
#   原国家工商行政管理总局《互联网广告管理暂行办法》（2016 年 7 月公布，9 月 1 日施行；2023 年由
#   《互联网广告管理办法》取代）第七条要求互联网广告“显著标明‘广告’”。这正是读 A5 时要问的：中间那段
#   软件供应商的推销没有任何标注，页脚还写着 `不涉及任何广告等`。它是不是付费广告、是谁拼进去的，页面看不出
#   （课程只**读作**广告植入）；但这些规定要防止的，正是读者认不出广告这件事。A3 的情形不同：它是不是软文，
#   页面同样无法判断（第 01 课）。
# - **直播带货开始有了规范。** 2020 年 6 月，中国广告协会发布《网络直播营销行为规范》（7 月 1 日施行）；
#   2020 年 11 月，国家市场监督管理总局发布《关于加强网络直播营销活动监管的指导意见》，要求平台、商家和主播
#   对虚假宣传等问题承担相应责任。A2 提到的「直播带货造假、直播带货翻车的新闻」就是这种背景下的话题。
#   这几篇文章谈直播带货的前途，却不谈它的规则：下面的计数里，“监管”“规范”“广告”这几个词在哪篇出现过？
# - **“互联网黑话”之争。** 大约 2019–2020 年，网上流传着成套的“互联网黑话”词表（赋能、抓手、闭环、
#   颗粒度、打通……），不少文章和网友嘲讽这种听上去专业、却说不清具体指什么的说法。读本课程的语料时，
#   这场争论提醒我们：一个词用得多，不等于它有清楚的定义（第 07 课会看到，“赋能”在不同文章里指不同的东西）。
#
# 下面把两组词一起数：几个“黑话”，和谈规则时会用到的词。

# %%
jargon = ["赋能", "抓手", "闭环", "颗粒度", "打通"]
rules = ["监管", "规范", "广告"]
pd.DataFrame({w: {a.id: count_phrase(a.clean, w) for a in corpus} for w in jargon + rules})

# %% [markdown]
# 看表：这几个“黑话”里，语料真正常用的只有一个；谈规则的三个词，清洗后的五篇正文里一次也没有出现（A5 的页脚
# 写着“不涉及任何广告等”，页脚在清洗时已删去）。一个流行的批评对象
# 出现得多，说明文章在用当时的行话；它在每篇文章里指什么，还得一句一句地读。

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★ 热身 / warm-up
#
# A1 的原始网页上，哪一条线索最直接地指向它是转载，而不是首发（这仍是推断，见上面的推断表）？把字母赋给 `repost_clue`：
#
# - A. 标题前的 `原標(biāo)題:`（原标题）
# - B. 网站的免责声明
# - C. 作者简介里的 400 万字
# - D. 文后的相关新闻列表

# %%
repost_clue = None  # 例如 "B"

# %%
_ = selfcheck.check_choice(
    repost_clue,
    expected="A",
    options=["A", "B", "C", "D"],
    name="repost_clue",
    hint_zh="哪一条说的是这篇文章本身原来叫什么？其他几条说的是网站或作者",
    hint_en="which clue is about this article's own original title? the others are about the site or the author",
)

# %% [markdown]
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# 课程把"可以推断的"按把握分成三级。哪些文章至少有一条把握为 `"low"` 的推断？用
# `provenance_table()` 写代码找出来，把编号放进一个列表赋给 `low_confidence`（顺序不限）。
# 然后读一读这些推断：它们为什么只能是"low"？

# %%
low_confidence = None  # 例如 ["A1", "A4"]

# %%
_ = selfcheck.check_choice(
    low_confidence,
    expected=sorted(set(inferences.loc[inferences["confidence"] == "low", "article"])),
    options=list(ARTICLE_IDS),
    name="low_confidence",
    hint_zh="在表里按 confidence 一列筛选，再取 article 一列的不同取值",
    hint_en="filter the table on the confidence column, then take the distinct values of article",
)

# %% [markdown]
# ## 6. 课程如何对待来源
#
# 这门课对语料有三条规矩：
#
# 1. **原始文件一字不改。** 包里的五个种子文件与抓取时逐字节相同，包括其中的乱码、错别字
#    和网页杂质。作者的笔误（A4 的「内在机构」、A5 的「聪」）也是证据，不是噪音。
# 2. **派生的一切都由代码生成。** 清洗后的文字、分词、计数、图表，全部由 `beyond_traffic`
#    包里的函数产生；每一步去掉了什么、替换了什么、为什么，都有记录（第 02 课）。
# 3. **不传播个人信息。** 原文中的个人联系方式在清洗时删除。
#
# 先核对第 1 条里提到的两处笔误确实保留在清洗后的文字里：

# %%
for article_id, slip in [("A4", "内在机构"), ("A5", "聪")]:
    print(article_id, slip, "清洗后出现 / kept in clean text:", count_phrase(get_article(article_id).clean, slip), "次")

# %% [markdown]
# 再用代码验证第 1 条：`Article.raw` 重新编码成 UTF-8 后，与包里的种子文件逐字节相同。
# 我们也给每个文件算一个 SHA-256 指纹：以后任何人都可以用它核对文件有没有被改过。

# %%
for a in corpus:
    seed = raw_bytes(a.file)
    print(
        a.id,
        a.file,
        "逐字节相同 / identical:",
        a.raw.encode("utf-8") == seed,
        "| sha256:",
        hashlib.sha256(seed).hexdigest()[:16],
    )

# %% [markdown]
# 第 2 条：清洗流水线的每一步都记账。下面只看每一步修改了多少处（第 02 课会逐步展开）：

# %%
audit_table.pivot(index="step", columns="article", values="count").loc[list(audit_table["step"].unique())]

# %% [markdown]
# 第 3 条：数一数每篇文章原文和清洗后文字中像电子邮件地址的字符串。只打印个数，不打印地址。

# %%
email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
for a in corpus:
    print(a.id, "原文 / raw:", len(email.findall(a.raw)), "| 清洗后 / clean:", len(email.findall(a.clean)))

# %% [markdown]
# ## 小结 / Recap
#
# - 语料是五篇关于直播带货和产业互联网的中文网络文章，编号 A1–A5；它们的标题、作者、字体、
#   体裁、长度和来源信息都由 `load_corpus()` 用代码得到。
# - 核心问题：在产业互联网的故事里，直播带货是什么？五篇文章的回答（必然阶段与切入点、
#   前奏曲、加了定语的电商）都可以引用原句；有一篇根本没谈直播。说法不同不等于观点相反：
#   A4 和 A5 都偏向深度赋能，但 A4 承认在概念初提时获取流量「可取」，A5 认为它短期见效、不可持续；两篇是否只差用词，取决于怎样读 A4 的让步。
# - 来源要分三层读：页面显示了什么、可以推断什么（有多大把握）、计数时要注意什么。A3 只有
#   两页中的第一页（缺了多少看不出），A5 混着两种声音，A1 是转载（页面上的 `原標(biāo)題:`，把握高）；页面上的相关新闻是
#   2024 年底的新闻，所以页面大概抓取于文章写成（推断约在 2020 年前后）数年之后——这要靠课程的背景
#   知识，把握中等。
# - 这些文章（推断）大致出自 2018–2020 年的自媒体生态：口号正热，产量就是收入，软文与倡导难以分辨。
#   A1 的出处线索最多（网站刊登自媒体投稿，作者简介像自媒体名片），但仍是推断；其余几篇的来源页面没有显示。
# - 当时的规则与争论：广告必须可以识别（《广告法》2015 年修订第十四条，《互联网广告管理暂行办法》2016），
#   2020 年出现了直播营销的行业规范和监管意见，“互联网黑话”受到嘲讽。A5 中没有标注的推销，要放在这个背景下读。
# - 数字要说清怎么数的；引文放在「」里，由测试核对。
#
# 下一课（01 论证地图）重建每篇文章的论证，逐条比较它们的前提。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Walsh, M. (2021). *Introduction to Cultural Analytics & Python*. Online textbook,
#   <https://melaniewalsh.github.io/Intro-Cultural-Analytics/> — 用 Python 读文化文本的入门。
# - Karsdorp, F., Kestemont, M. & Riddell, A. (2021). *Humanities Data Analysis: Case Studies
#   with Python*. Princeton University Press — 第 1 章（导论）和第 2 章（获取与整理数据）。
# - 《中华人民共和国广告法》（2015 年修订）第十四条；原国家工商行政管理总局《互联网广告管理暂行办法》
#   （2016）第七条；中国广告协会《网络直播营销行为规范》（2020）；国家市场监督管理总局《关于加强网络直播
#   营销活动监管的指导意见》（2020）——广告的可识别性与直播营销的规范。
# - Craig, D., Lin, J. & Cunningham, S. (2021). *Wanghong as Social Media Entertainment in
#   China*. Palgrave Macmillan — 中国网红与自媒体产业：平台、创作者、变现。
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes（含四道练习）。
