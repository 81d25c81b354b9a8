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
# # 第 01 课　论证地图：重建五篇文章的论证
#
# **Abstract.** Before counting anything, we read — and we read as a scholar does: by
# reconstructing each argument before judging it. A reconstruction states the conclusion, the
# premises offered for it, the concessions the author makes, and the warrants the author leaves
# unstated (Toulmin); every premise is anchored to verbatim spans of the cleaned text, which the
# package keeps as data (`beyond_traffic.arguments`) and a test checks. We then compare the five
# articles premise by premise. Most premises are shared (the consumer internet's traffic logic
# is not the industrial internet; new technologies are what it needs; live commerce is an entry
# point; traffic-driven models are a passing stage; and, as an industry commonplace rather than
# a shared argument, that the business side matters — A1 and A3 mean different things by it).
# Some apparent conflicts are differences of tense — the headline sentences
# differ: A1's 将改变 is a prediction, A2's 并未真正改变 describes the present — of scope (A3
# answers a neighbouring question; A4 never mentions live commerce), or of words (A5 calls the
# shallow, traffic-driven kind 赋能, A4 calls it 流量输送; both prefer deep empowerment, though
# A4 grants that getting traffic was 「可取」 back when the concept was new and the technology immature, while A5 grants it short-term relief but calls it 「饮鸩止渴的解药」,
# so whether they differ only in words depends on how A4 is read). One disagreement is about the
# future once new technology matures. About the present, A1 states change as done in several
# places (「直播带货的出现打破了这一困局」, and 「打破了这种困局」 in the design-and-production
# section) beside sentences of possibility (可以, 可能性); how far these clash with A2's
# 「它也没有改变商品本身」, and whether the two disagree about where live commerce belongs now (A1:
# 「产业互联网的一部分」; A2: 「与产业互联网相违背」), depends on how they are read — these are
# open readings. Some readings stay open: A2 says both that, under the industrial-internet tide,
# live commerce's exit is inevitable and that it can last longer (「也可以获得更加长久的发展」),
# and one sentence of A4 may be garbled; you answer that one yourself, against a short rubric. The lesson also shows
# who speaks in A3's figures and quotations (the praised company, third-party media, a data
# source named without saying what it is, anonymous insiders), locates the software vendor's
# pitch embedded in A5, and asks you to reconstruct a premise of your own.
#
# **预计用时 / Estimated time:** 70–90 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 用 `claims.find_sentences` 按关键词找出原句，引用时不靠记忆；
# 2. 重建一个论证：结论、前提、让步和没有说出来的隐含前提，每个前提都有原文锚点；
# 3. 区分论断的类型（事实、评价、预测、规范）和时态（过去、现在、将来、一般）；
# 4. 逐条比较五篇文章：先找共同前提，再找真正的分歧，并分清时态和范围的差别；
# 5. 按页面上看得见的身份给 A3 的来源分类，说明"有证据"与"证据独立"的区别；
# 6. 用口吻词逐段统计，找出 A5 中嵌入的软件供应商推销段落。
#
# 术语（主张、论断、论证重建、前提、结论、让步、隐含前提、事实论断、预测论断、时态、切入点、利益相关方、广告植入）见 `course/glossary.md`。

# %% [markdown]
# ## 1. 准备：引用要靠代码找，不靠记忆
#
# 我们始终使用清洗后的文字（`Article.clean`）：繁体已转为简体，拼音注音和网页杂质已去掉
# （第 02 课）。`claims.split_sentences` 按句末标点和换行切句；`claims.find_sentences` 返回
# 一篇文章中所有包含某个关键词的句子——它不改动文字，所以打印出来的就是原文。

# %%
import re

import pandas as pd

from beyond_traffic import arguments, selfcheck
from beyond_traffic.claims import find_evidence, find_sentences, split_sentences
from beyond_traffic.compare import frequency_table
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, kwic
from beyond_traffic.marker_gold import load_marker_gold, missed_spans, score_lexicons

pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
sentences = {a.id: split_sentences(a.clean) for a in corpus}
for a in corpus:
    print(a.id, "句子数 / sentences:", len(sentences[a.id]))


# %%
def quote(article_id, needle):
    """Print every sentence of an article that contains needle; say so if there is none."""
    found = find_sentences(article_id, needle)
    if not found:
        print(f"{article_id}：没有找到 / not found: {needle}")
    for sentence in found:
        print(f"{article_id}：{sentence}")


quote("A3", "直播是定语修饰")

# %% [markdown]
# ## 2. 怎样重建一个论证
#
# 一篇评论的论证很少整整齐齐地摆在那里。重建（reconstruction）就是把它整理成可以检验的形式：
#
# | 部分 | 问题 | 例子（A2） |
# |---|---|---|
# | **结论**（主张） | 作者要读者接受什么？ | 直播带货是前奏曲；当产业互联网开始成熟，它的落幕是必然 |
# | **前提** | 作者拿什么来支持它？ | 它并未真正改变生产；它依赖流量 |
# | **让步** | 作者承认了哪些不利于自己的事？ | 「特别是找到它与产业互联网的结合点，或许要比……更加切合实际」，随后说它「也可以获得更加长久的发展」（可读作以找到结合点为条件；原句没有“若”，还带着“或许”） |
# | **隐含前提**（保证，warrant） | 从前提走到结论，还需要什么没说出来的假设？ | 与趋势相悖的东西会被淘汰 |
#
# 每个前提还要标出两样东西：**论断类型**（事实、评价、预测、规范）和**时态**（说的是过去、
# 现在、将来，还是一般而言）。一句"将改变"是预测，一句"并未改变"是对现状的描述——两者
# 不在同一个时间上，不一定矛盾。
#
# 最重要的规矩：**前提必须锚定在原文上。** 课程的重建保存在 `beyond_traffic.arguments`
# 里：每个前提、让步和结论都有一个或几个锚点（anchor），即清洗后原文中一字不差的片段；
# 一个测试检查每个锚点恰好出现在一个句子里。我们的概括（`claim` 一列）是转述，不是引文；
# 隐含前提是我们的推断，所以没有锚点。反过来，如果一条“隐含前提”其实在原文里说出来了，
# 它就应当记为前提，带上锚点：说出来的话可以核对，没说出来的假设才需要我们补。
#
# 先看 A2 的重建：

# %%
arguments.reconstruction_table("A2")

# %% [markdown]
# 锚点只是片段。要核对转述是否公道，把锚点所在的整句找出来读一读。例如 A2 的第一个前提：

# %%
premise = arguments.statement("A2.P1")
print("转述 / our paraphrase:", premise.claim)
print("类型 / type:", arguments.CLAIM_TYPES[premise.type], "| 时态 / tense:", arguments.TENSES[premise.tense])
for sentence in arguments.anchor_sentences(premise):
    print("原句 / sentence:", sentence)

# %% [markdown]
# 注意原句开头的「至少从现在的情况来看」：A2 把这个判断限定在**现在**。转述时丢掉这样的限定，
# 就会把一个谨慎的论断变成一个绝对的论断。

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★★ 练习 / practice
#
# A4 写道：「只是说在当下的这个阶段，获取流量是唯一的正确」。这句话在 A4 的论证里扮演什么角色？
# 这是一道**开放题**：句子本身读起来不通顺（可能有脱漏或笔误），不止一种读法说得通。先用
# `quote("A4", "唯一的正确")` 读整句，再读它前后的句子（`quote("A4", "然而，如果我们把获取流量")`），
# 然后用三五句话写下你的读法，赋给 `a4_reading`（一个字符串，引文放在「」里）。
#
# 写完后按下面的评分标准给自己打分（满分 4 分）。课程的重建把它记为让步（`A4.K1`），但那只是
# 一种读法，不是答案：
#
# | 标准 | 分 | 得满分的答案 |
# |---|---|---|
# | 引文 | 1 | 一字不差地引用这句话，并指出哪里读不通（“唯一的正确”和前半句「并不说这种方式不对」） |
# | 读法 | 1 | 至少给出两种读法，例如：让步（“当下获取流量确实有道理”）；字面的肯定（“当下只有获取流量是对的”）；原文漏了一个否定词 |
# | 角色 | 1 | 说明每种读法下，这句话在论证里是什么（结论、前提、让步），对 A4 的结论有什么影响 |
# | 依据与限度 | 1 | 用上下文（例如下一句开头的「然而」）说明你偏向哪种读法，并承认原文无法最终裁决 |

# %%
a4_reading = None  # 三五句话，引文放在「」里


# %%
def show_rubric(answer):
    """Print the rubric and whether each quotation in 「」 is verbatim in A4; no score, no key."""
    if selfcheck.is_placeholder(answer):
        print("… 还没作答 / not answered yet")
        return
    if type(answer) is not str:
        print(f"✗ 需要一个字符串 / expected a str, got {type(answer).__name__}")
        return
    quotes = re.findall(r"「([^」]+)」", answer)
    if not quotes:
        print("  提示 / hint: 用「」引用原文 / quote the text inside 「」")
    for q in quotes:
        found = q in get_article("A4").clean
        print(f"{'✓' if found else '✗'} 「{q[:20]}」", "在 A4 原文中 / verbatim" if found else "不在 A4 原文中 / not in A4")
    for item in ["引文 quotation", "读法 readings (≥2)", "角色 role in the argument", "依据与限度 grounds and limits"]:
        print("  □ 自评 / self-assess:", item, "（0 或 1 分）")


show_rubric(a4_reading)

# %% [markdown]
# ## 3. 五篇文章的重建
#
# 下面逐篇列出结论和它的锚点句，再列出前提、让步和隐含前提。先读每篇的说明（`note`）：它
# 记下了重建时最容易读错的地方。

# %%
for article_id in ARTICLE_IDS:
    recon = arguments.reconstruction(article_id)
    print(f"■ {article_id}　{get_article(article_id).title or '（无标题）'}")
    print("  说明 / note:", recon.note)
    print("  结论 / conclusion:", recon.conclusion.claim)
    for sentence in arguments.anchor_sentences(recon.conclusion):
        print("     原句:", sentence)
    print()

# %% [markdown]
# 几处要特别注意，每一处都可以在上面的原句里核对：
#
# - **A1 不是说"直播带货就是产业互联网的新方向"。** 它的标题是《流量之外，产业互联网下的直播带货
#   新方向》：新方向属于产业互联网**之下**的直播带货。正文第一段还用了一个模糊限制语：
#   「它代表的更像是一种全新的产业进化新方向」。它的论证落在「必然阶段」「切入点」「突破口」上。
# - **A3 回答一个相邻的问题。** 它不问直播带货在产业互联网里是什么，而说（作为对阿里自信的一种解释，带着“或许”）「直播是定语修饰，电商是本质」，
#   并把这一点落到平台的服务能力上：「直播电商中的ToB属性变得更加重要」，技术「更多是基于服务B端卖家的思维」。
#   A1 也看重B端，但想法不同：A1 说「直播带货的真正用户其实并不是C端用户，而是B端用户」，讲的是直播带货
#   真正的用户是谁；A3 的ToB讲的是平台服务卖家的能力。文中看不出 A3 以 A1 为依据，两篇至多共用
#   “B端更重要”这个当时的行业常识（比较表 X4）。A3 只是两页中的第一页（第 00 课），它的论证可能没讲完。
# - **A4 一次也没有提到直播。** 它谈的是产业互联网玩家追逐B端流量（第 00 课用代码数过）。
# - **A5 谈的是社交电商**，而且中间一段是别人的声音（第 7 节）。
#
# 再看一篇的完整重建，A1：

# %%
arguments.reconstruction_table("A1")

# %% [markdown]
# A1 的两个让步（A1.K1、A1.K2）要读仔细。A1.K2 是明白的让步：直播带货「并没有太多新技术的元素」。
# A1.K1 与其说是让步，不如说是递进：这里的“这”指直播带货带来的销量——「直播带货真正能够给B端用户
# 带来他们想要的产品销量，但是，这仅仅只是一个开始，更深层次地改变传统行业的设计和生产方式才是
# 关键所在」。它最多**暗示**设计和生产还没有被深层地改变，所以转述里写明了“隐含”。读法可以不同：
# 有人把「这仅仅只是一个开始」读成作者承认直播带货的改变才刚开始——这把“这”从销量扩大到了整个直播带货，
# 原文的语法不强迫这样读（也不排除）；这样读可以，只要说明你把“这”扩大了。另一些人只把它读成修辞上的递进，
# 连“暗示”都不算。写作业时，说明你怎样读“这”，并用整句为证，哪一种都可以。
#
# 再比较 A1.P4、A1.P7 和 A1.P8：段首句「直播带货将改变传统行业乃至互联网行业的营销方式和方法」是预测；
# 紧接着的「直播带货的出现打破了这一困局」把一件事说成**已经发生**（“这一困局”是上一段的「产销两端的脱节」）；
# 再往下有几种说法交替出现：「商品的生产者可以直接通过直播的方式面对消费」里的“可以”既可读作**能力**
# （生产者现在能够这样做），也可读作**可能**；产销不对路的痛点「有了解决的可能性」是可能；下一段又把
# 企业老总参与直播当作看到的事来叙述（他们「更加明白自身在决策过程当中出现了问题」）。A1 对现在的断言也不止这一处：
# 设计与生产一节又说「直播带货的出现打破了这种困局，人们开始找到破解B端困境和难题的方式和方法」，
# 开头说直播带货对B端「实质上」是「一个深度改造的过程」。下面把 A1.P7 的锚点所在的整句打印出来。
# 同一篇文章里，预测、对现状的断言、叙述的观察和对可能性的判断交替出现，重建时要分开记：“可以”不一定是“已经”。
# 批评一篇文章之前，先把它自己承认的、自己断言的和自己只说可能的都记下来。

# %%
for statement_id in ["A1.P7", "A1.P8"]:
    print(statement_id, arguments.TENSES[arguments.statement(statement_id).tense])
    for sentence in arguments.anchor_sentences(statement_id):
        print("   ·", sentence)

# %% [markdown]
# ## 4. 逐条比较：先找共同前提，再找分歧
#
# 把几篇文章放在一起时，最常见的错误是把"说法不同"当成"观点相反"。比较的顺序是：
#
# 1. **共同前提**：几篇都接受的东西（它们争论的共同地基）；
# 2. **时态不同**：一篇说将来，一篇说现在——两句可能都对；
# 3. **范围不同**：两篇谈的不是同一个对象或同一个问题；
# 4. **用词不同**：同一个词指的不是同一件事；
# 5. **取决于读法**：原文有不止一种说得通的读法，分歧有没有、有多大，随读法而变——把你的读法和理由说出来；
# 6. 剩下的，才是**真正的分歧**。
#
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 先自己判断，再看课程的比较表。下面两句都谈"生产"。分别判断它们说的是**现在**还是**将来**，
# 写成一个字典赋给 `tenses`，例如 `{"A1": "现在", "A2": "现在"}`。

# %%
quote("A1", "直播带货将改变传统行业的设计和生产方式")
quote("A2", "直播带货并未真正改变传统生产方式和方法")

# %%
tenses = None  # {"A1": "…", "A2": "…"}

# %%
_tense_names = {"present": "现在", "future": "将来", "past": "过去", "general": "一般"}
_ = selfcheck.check(
    tenses,
    expected={
        "A1": _tense_names[arguments.statement("A1.P5").tense],
        "A2": _tense_names[arguments.statement("A2.P2").tense],
    },
    kind="exact",
    name="tenses",
    hint_zh="看动词前面的字：一个在说已经发生（或没发生）的事，一个在说还没发生的事",
    hint_en="look at the word before the verb: one describes what has (not) happened, one what will",
)

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★ 练习 / practice
#
# A1 和 A2 在结论上看似相反，却用同一个三字词来称呼直播带货在产业互联网里的作用。找出这个词，
# 赋给 `shared_word`（一个字符串）。提示：用 `quote` 在 A2 里试几个你在 A1 的重建里见过的词。

# %%
shared_word = None  # 一个三字词

# %%
_ = selfcheck.check_text(
    shared_word,
    expected="切入点",
    name="shared_word",
    hint_zh="A1 的结论有两个比喻：一个是“阶段”，一个是“点”；在 A2 里找“点”的那个",
    hint_en="A1's conclusion uses two images, a 'stage' and a 'point'; look for the 'point' in A2",
)

# %% [markdown]
# 现在看课程的比较表：

# %%
arguments.comparison_table()

# %% [markdown]
# 把每一行的原句并排打印出来核对。下面五行最关键：共同的「切入点」（X3）、两篇标题句的时态差别（X7）、
# 关于**现在**、大小取决于读法的分歧（X8）、新技术成熟之后直播带货的命运（X9），以及直播带货现在算不算
# 产业互联网的一部分（X13，同样取决于读法）。

# %%
for comparison in arguments.comparisons():
    if comparison.id not in {"X3", "X7", "X8", "X9", "X13"}:
        continue
    print(f"■ {comparison.id} {comparison.topic}（{arguments.RELATIONS[comparison.relation]}）")
    for statement_id in comparison.statements:
        item = arguments.statement(statement_id)
        tense = arguments.TENSES.get(item.tense or "", "—")
        for sentence in arguments.anchor_sentences(item):
            print(f"  {statement_id}［{tense}］{sentence}")
    print("  → ", comparison.note, "\n")

# %% [markdown]
# 所以"A1 与 A2 的根本分歧在于直播带货是否改变生产"这种说法要拆开看。两篇的**标题句**时态不同：
# A1 预测将来会改变，A2 说现在没有改变——这两句可以同时为真（X7）。关于**现在**，A1 有几处把改变说成
# 已经发生（A1.P7，上面打印的几句）：营销一节的「直播带货的出现打破了这一困局」，设计与生产一节的
# 「直播带货的出现打破了这种困局」，还有线上线下「找到了共同的目标和方向」；旁边又有可能（「有了解决的可能性」）
# 和可作两种读法的「可以」。A2 说直播带货「也没有改变商品本身」，却也承认「它仅仅只是改变了商品与用户产生联系的方式和方法而已」。
# 这一处分歧（X8）有多大，取决于读法：一种读法把这些断言读作生产者和消费者从此直接见面、商家找到了愿意一试的
# 销售途径，A2 恰好承认了这一点，分歧很小；另一种读法注意到“打破了这种困局”紧接在「直播带货将改变传统行业的设计和生产方式」之后，
# 说的是对B端本身的改造，那就与 A2 冲突，分歧是实质的。两种读法都有原文依据；无论哪一种，A1 都没有为这些
# 断言举出一个企业或一个数字。
#
# 两篇共享大部分前提——消费互联网的流量逻辑不是产业互联网、新技术还没用上、直播带货是一个切入点。
# 一处分歧在对将来的预测（X9）：两篇都预料今天靠流量的带货形态会结束；A1 预测技术成熟时它会「发生蜕变」、
# 与新技术融合，A2 预测新技术成熟时传统行业会抛弃它（两者都带着“当……”的条件）。关于结合，A2 只从反面说：找不到与新技术结合的方式和方法，
# 「所谓的火爆或许仅仅只是昙花一现而已」——“或许”限定的是失败的结果；正面只说找到它「与产业互联网的结合点」，
# 直播带货「也可以获得更加长久的发展」，说的不是新技术。两者都是没有时间表、没有证据的预测。
#
# 分歧是不是**主要**在将来，本身也是一个读法问题（X13）。A1 说「我更加愿意把直播带货当成是产业互联网的一部分来看待」，
# 它「实质上是产业互联网的一个必然阶段」；A2 说「这与产业互联网的发展趋势相悖」，「它的发展同样与产业互联网相违背的」，
# 却又叫它产业互联网的「前奏曲」。一种读法：两篇都把直播带货放在通往产业互联网的路上，A2 的“相悖”只说它
# 本身还不是产业互联网，分歧主要在将来；另一种读法：两篇对直播带货**现在**属于哪一边有实质分歧。两种都说得通，
# 作答时说出你的读法和理由。关于现在的这些分歧同样没有证据，语料本身无法裁决（第 07 课再回到这一点）。
#
# 宽容地读（principle of charity）不等于替作者化解每一处紧张，也不等于把每一处紧张都判成矛盾。A2 的小标题说
# 「产业互联网的大潮下，直播带货落幕是必然」，结尾却说「直播带货同样也可以获得更加长久的发展」。一种读法：“必然”不给例外，“可以”
# 留了一条路，这是**模态**上的不一致（重建里的 A2.K1 和 A2 的说明按这种读法记下）。另一种读法：“更加长久”是
# 比较，活得长久一些，仍然可以终将落幕，两句并不冲突。两种读法都以原文为据；作答时说出你的读法和理由，并说明
# 另一种为什么不如它。你若猜作者的意思（例如“必然”只指今天靠流量的那种形态），要说明那是你的推断，原文没有
# 这样说。
#
# 比较表里还有两行值得对照着读：X6 和 X12。A4 说深度赋能「并不是消费互联网时代简单意义上的流量输送」；
# A5 说社交电商「说到底是流量赋能的一种新方式」，紧接着又说「我们一味地进行单一的流量赋能无法带来持续增长」。
# 两篇都把浅层的流量做法放在深度（多维）的赋能之下，A5 把浅的那种也叫“赋能”：在这一层是**用词**不同，
# 不是观点相反。但两篇对靠流量的做法评价不同：A4 让步说，在概念初提、新技术未成熟的那种特定情况下「通过资本运作的方式来获得流量的做法是可取的」
# （说的是当时）；关于当下，它另有一句「并不说这种方式不对，只是说在当下的这个阶段，获取流量是唯一的正确」（读法不一）；
# A5 承认社交电商「在短时间内缓解了传统电商红利见顶的尴尬」，却说它「只能是饮鸩止渴的解药」。所以 A4 与 A5 是否“只差用词”，
# 取决于你怎样读 A4 的让步（A4.K1，也就是上面动手试试 1 的开放题）。
#
# 正则表达式只看字面。下面用一个"否定改变"的正则给两篇中谈"生产方式"的句子贴标签：它能帮你
# **找**句子，但分不出时态和主语——那还得靠读。

# %%
negated_change = re.compile(r"(并未|没有|未)(真正)?改变")
for article_id in ["A1", "A2"]:
    for sentence in find_sentences(article_id, "生产方式"):
        label = "否定改变" if negated_change.search(sentence) else "其他"
        print(f"{article_id} [{label}] {sentence}\n")

# %% [markdown]
# ## 5. 共同词汇：谁用了哪些术语
#
# 五篇文章共用一套词汇（见术语表）。`compare.frequency_table` 统计每个术语在每篇文章中出现的
# 次数：默认按分词结果计数（`method="tokens"`），也可以按原文子串计数（`method="substring"`）。

# %%
terms = ["消费互联网", "产业互联网", "C端", "B端", "流量", "赋能", "新零售", "去中间化", "S2B",
         "大数据", "云计算", "区块链", "人工智能"]  # fmt: skip
term_table = frequency_table(terms, method="substring")
term_table

# %% [markdown]
# 按子串计数有一个陷阱：`"C端"` 也是 `"PC端"` 的一部分。用 KWIC（第 04 课细讲）看看 A5 里的
# "C端" 前后都是什么，再用一个要求前面不是英文字母的正则重数：

# %%
for row in kwic(get_article("A5").clean, "C端", width=8):
    print(f"{row.left:>8}【{row.keyword}】{row.right}")
c_side = re.compile(r"(?<![A-Za-z])C端")
pd.DataFrame(
    {
        "子串 substring": term_table.loc["C端"],
        "正则 regex": {a.id: len(c_side.findall(a.clean)) for a in corpus},
        "分词 tokens": frequency_table(["C端"]).loc["C端"],
    }
)

# %% [markdown]
# 教训：**先看上下文，再相信数字。** 把 "C端" 一行换成正则计数，再列出五篇都用过的术语，以及其余术语
# 缺在哪几篇。第 4 节共同前提的词汇（消费互联网、产业互联网、那张新技术清单）不一定五篇都用：共同前提
# 往往只由其中几篇共享，读下面的输出时看清是哪几篇。

# %%
term_table.loc["C端"] = [len(c_side.findall(a.clean)) for a in corpus]
print("五篇都用 / used by all five:", [t for t in terms if (term_table.loc[t] > 0).all()])
print("只有一篇用 / used by one:", {t: term_table.columns[term_table.loc[t] > 0][0] for t in terms if (term_table.loc[t] > 0).sum() == 1})
print("缺在哪几篇 / missing from:", {t: list(term_table.columns[term_table.loc[t] == 0]) for t in terms if not (term_table.loc[t] > 0).all()})

# %% [markdown]
# ## 6. A3 的数字与来源：谁在说话？
#
# 哪篇文章带着数字和具名来源？`claims.find_evidence` 用课程的证据标记
# （第 06 课上篇验证了它的精确率与召回率）找出它们。词典的召回率不到 1（下面算出），而它漏掉的
# 可能正是一篇文章仅有的证据：说一篇文章**有没有**证据，要以第 06 课上篇的参考编码为准
# （`marker_gold`，逐句标出的证据）。两种数法并排，再列出词典漏掉的编码证据：

# %%
coded = load_marker_gold()
print("证据标记数 / evidence markers, lexicon:", {a.id: len(find_evidence(a.clean)) for a in corpus})
print("参考编码的证据 / evidence, reference coding:", {aid: sum(len(s.spans_of("evidence")) for s in coded if s.article_id == aid) for aid in ARTICLE_IDS})
evidence_score = score_lexicons().loc["evidence"]
print(f"词典的证据召回率 / evidence recall: {evidence_score['recall']:.2f}")
print("词典漏掉的编码证据 / coded evidence the lexicon misses:")
print(missed_spans("evidence")[["article", "text"]].to_string(index=False))
a3 = get_article("A3")
pd.DataFrame(find_evidence(a3.clean))[["name", "text"]]

# %% [markdown]
# 数字背后是谁？判断来源是否独立，只能依据**页面上看得见**的身份；页面之外的知识（例如某人在
# 哪家公司任职）要单独说明。
#
# ### 动手试试 / Your turn 4 · ★★ 练习 / practice
#
# 先自己读，再看下面的表。用 `quote("A3", …)` 找出提到下列四个来源的句子，按页面显示的身份
# 给它们分类，写成字典赋给 `source_kinds`。类别只有四种：`"阿里/淘宝一方"`、`"第三方媒体"`、
# `"数据来源（身份页面未写）"`、`"匿名"`。
#
# 这里的“第三方”只有一个意思：**按页面显示**，它不是被评价的一方（阿里或淘宝），也没有写明与它的关系。
# “第三方”不等于“独立”：它与阿里有没有利益关系、它的数字从哪里来，页面看不出，要用文本之外的信息核实。
# 课程的比较表、作业的评分标准和示范答案都按这个意思用这个词。

# %%
source_kinds = None  # {"36氪": "…", "艾媒": "…", "梁舒": "…", "业内人士": "…"}

# %%
_ = selfcheck.check(
    source_kinds,
    expected={"36氪": "第三方媒体", "艾媒": "数据来源（身份页面未写）", "梁舒": "阿里/淘宝一方", "业内人士": "匿名"},
    kind="exact",
    name="source_kinds",
    hint_zh="每个来源的句子里，名字前后写着它的身份（报道、数据、职务），或者什么也没写",
    hint_en="each source's sentence says who it is (a report, data, a job title) — or says nothing",
)

# %% [markdown]
# 课程的读法，每一行的"原句"都由代码找出：

# %%
sources = [
    ("阿里财报", "财报", "被赞扬的一方自己的财报"),
    ("36氪", "36氪", "第三方媒体（页面上不是阿里一方；是否独立，页面看不出）；报道的是淘宝直播的目标，这个目标从哪里来，页面没说"),
    ("艾媒数据", "艾媒", "数据来源：页面只写「根据艾媒数据显示」，没写艾媒是什么机构（说它是数据公司，靠的是页面之外的知识）；前几个数字，句子没有把它们限定于淘宝，读作全行业的（范围页面没写）；同一句末尾淘宝的观看时长是不是也出自艾媒，句子没说清"),
    ("业内人士", "业内人士", "匿名"),
    ("曾鸣", "曾鸣", "页面没写职务，但他说「我们不拥有任何一件商品」：以淘宝一方的身份说话"),
    ("子柳", "子柳", "页面写明是淘宝的工程师"),
    ("梁舒", "技术负责人梁舒", "页面写明是淘宝的技术负责人"),
    ("无出处", "至少3年", "没有来源的数字"),
]
pd.DataFrame(
    [
        {"来源 source": name, "页面显示的身份 / who, by the page": reading, "原句 / sentence": find_sentences("A3", needle)[0]}
        for name, needle, reading in sources
    ]
)

# %% [markdown]
# 所以对 A3 的公平评价是：**它的证据有几种来源，独立程度各不相同。** 阿里的财报和淘宝员工是
# 被赞扬的一方；36氪是第三方媒体（按页面，不是阿里一方；独不独立，页面看不出），但它报道的是一个
# **目标**（「淘宝直播目标GMV」），谁定的页面没有说；
# 艾媒的几个数字，句子没有把它们限定于淘宝，读作全行业的数字（范围页面没写），被用来衬托淘宝。同一句末尾还有一个关于淘宝的数字：「而每天，人们会在淘宝上
# 观看35万小时的直播」——它接在「根据艾媒数据显示」之后，却用“而”另起一层，句子没说清它是不是也出自艾媒，
# 引用时不能把它算在艾媒名下。还有几个数字根本没有出处。"有证据"不等于"证据独立"，而"独立"本身要一条一条地问。A3 大量引用淘宝一方，
# 现存的第一页上没有合作声明：课程把它读作**倡导**，至于是不是**软文**，页面无法判断（第 00 课）。
# 第 06 课上篇第 5 节会回到证据的问题。

# %% [markdown]
# ## 7. A5：一篇评论里嵌着一段推销
#
# A5 的大部分段落是评论口吻，但中间有几段口吻突然变了：第一人称的"我们公司"、产品名（系统、
# 软件）、"解决方案给到大家"、"非常"之类的口语。我们逐段统计两类词：

# %%
a5 = get_article("A5")
paragraphs = [p.strip() for p in a5.clean.splitlines() if p.strip()]
vendor_terms = ["我们公司", "公司", "系统", "软件", "解决方案", "用户数", "大家", "非常"]
oped_terms = ["社交电商", "新零售", "赋能", "落幕"]
by_paragraph = pd.DataFrame(
    {
        "开头 start": [p[:16] for p in paragraphs],
        "供应商口吻 vendor": [sum(count_phrase(p, w) for w in vendor_terms) for p in paragraphs],
        "评论口吻 op-ed": [sum(count_phrase(p, w) for w in oped_terms) for p in paragraphs],
    }
)
by_paragraph

# %% [markdown]
# 推销段落是从第一个到最后一个带供应商口吻的段落之间的那一段：

# %%
with_vendor = by_paragraph.index[by_paragraph["供应商口吻 vendor"] > 0]
first, last = with_vendor.min(), with_vendor.max()
print(f"推销段落 / pitch: 第 {first} 段到第 {last} 段，共 {last - first + 1} 段（全文 {len(paragraphs)} 段）")
print("这几段里的评论口吻词 / op-ed words inside:", by_paragraph.loc[first:last, "评论口吻 op-ed"].sum())
print("开头 / first:", paragraphs[first][:60], "……")
print("结尾 / last: ……", paragraphs[last][-60:])

# %% [markdown]
# 推销里最"硬"的数字是用户增长。A5 在别处把"从"错写成了"聪"，所以找这类说法时用字符类
# `[从聪]` 兼容这个错别字：

# %%
growth = re.compile(r"[从聪]\s*\d+(?:\.\d+)?万?\s*到\s*\d+(?:\.\d+)?万")
for match in growth.finditer(a5.clean):
    print("用户增长 / growth figure:", match.group(), "→", next(s for s in sentences["A5"] if match.group() in s))

# %% [markdown]
# 这个数字没有时间、没有来源、没有定义（"用户数"指什么？），而且出自一家想卖软件的公司之口。
# 嵌在一篇评论中间，它很容易被误读成作者的证据。第 06 课上篇的参考编码给每一句标了"声音"
# （作者、引语、供应商），计数时可以把它们分开。
#
# ### 动手试试 / Your turn 5 · ★★ 练习 / practice
#
# 把上面的逐段统计写成一个函数 `vendor_score(paragraph)`：返回 `vendor_terms` 中各词在段落里
# 出现次数之和（一个 `int`）。自测会在 A5 的几个段落上调用它。注意"我们公司"里也有"公司"：
# 你的函数应当与上表的数法一致（每个词分别用子串计数）。

# %%
vendor_score = None  # def vendor_score(paragraph): ...

# %%
_ = selfcheck.check_function(
    vendor_score,
    cases=[((p,), int(by_paragraph.loc[i, "供应商口吻 vendor"])) for i, p in enumerate(paragraphs)],
    name="vendor_score",
    hint_zh="对 vendor_terms 里的每个词，数它在段落里出现几次（str 的 count 方法），再加起来",
    hint_en="for each word in vendor_terms count its occurrences in the paragraph (str.count), then add up",
)

# %% [markdown]
# ## 8. 论证地图
#
# 把本课的东西放进一张表：每篇的结论（我们的转述）、前提和让步的条数、前提的时态分布、
# 隐含前提的条数，以及证据的个数：词典数的和参考编码标的（第 06 课上下两篇会说明词典的数能信几分）。

# %%
rows = []
for article_id in ARTICLE_IDS:
    recon = arguments.reconstruction(article_id)
    tense_mix = pd.Series([arguments.TENSES[p.tense] for p in recon.premises]).value_counts()
    rows.append(
        {
            "id": article_id,
            "结论（转述）": recon.conclusion.claim,
            "前提": len(recon.premises),
            "让步": len(recon.concessions),
            "前提时态": "、".join(f"{k}{v}" for k, v in tense_mix.items()),
            "隐含前提": len(recon.warrants),
            "证据（词典）": len(find_evidence(get_article(article_id).clean)),
            "证据（参考编码）": sum(len(s.spans_of("evidence")) for s in coded if s.article_id == article_id),
        }
    )
argument_map = pd.DataFrame(rows).set_index("id")
argument_map

# %% [markdown]
# ### 动手试试 / Your turn 6 · ★★★ 挑战 / stretch
#
# 自己重建一个前提。选 A4 或 A5，写下**一个**支持它结论的前提（用你自己的话）、一个或几个
# 锚点（原文中一字不差的片段），以及这个前提到结论之间的一个**隐含前提**。这道题没有标准答案；
# 下面的检查只核对你的锚点是否真的在原文里，而且各自只出现在一个句子里。和课程的重建
# （`arguments.reconstruction_table("A4")`）比一比：你看到了它没看到的东西吗？

# %%
my_reconstruction = None  # {"article": "A4", "premise": "…", "anchors": ["…"], "warrant": "…"}


# %%
def check_my_reconstruction(answer):
    """Check that every anchor is verbatim, in exactly one sentence of the chosen article."""
    if selfcheck.is_placeholder(answer):
        print("… 还没作答 / not answered yet")
        return
    if type(answer) is not dict or answer.get("article") not in ARTICLE_IDS:
        print("✗ 需要一个字典，article 是 A1–A5 之一 / expected a dict whose 'article' is A1–A5")
        return
    anchors = answer.get("anchors")
    if type(anchors) is not list or not anchors or not all(type(x) is str and x for x in anchors):
        print("✗ anchors 需要一个非空的字符串列表 / anchors must be a non-empty list of str")
        return
    for anchor in anchors:
        hits = find_sentences(answer["article"], anchor)
        verdict = "✓" if len(hits) == 1 else "✗"
        print(f"{verdict} {anchor[:24]} → 出现在 {len(hits)} 个句子里 / in {len(hits)} sentence(s)")
    if not answer.get("warrant"):
        print("  提示 / hint: 别忘了隐含前提 / add the unstated warrant")


check_my_reconstruction(my_reconstruction)

# %% [markdown]
# ## 小结 / Recap
#
# - 先重建，再评判：结论、前提、让步、隐含前提；每个前提锚定在原文上，转述和引文分开。
# - 标出论断类型和时态："将改变"是预测，"并未改变"是现状；两句不一定矛盾。
# - 逐条比较时先找共同前提：消费互联网的流量逻辑不是产业互联网、新技术尚未用上、直播带货是切入点、
#   靠流量的模式只是一个阶段；“B端更重要”是 A1 和 A3 共用的行业常识，两篇的想法并不相同。A1 与 A2 的一处
#   分歧在对将来的预测；关于现在，A1 有几处把改变说成已经发生（两处「打破了」困局等），旁边是“可以”和“可能性”，
#   这一处分歧有多大、两篇对直播带货现在属于哪一边是否有分歧，都取决于读法。A3 回答相邻的问题；A4 没有谈
#   直播带货；A4 与 A5 都偏向深度赋能，但 A4 承认在概念初提时获取流量「可取」，A5 认为它短期见效、不可持续，是否“只差用词”取决于怎样读 A4 的让步。
# - 宽容地读，既不替作者化解紧张，也不替作者制造矛盾（A2 的“必然”与“更加长久”：两种读法）；读不通的句子（A4 的「获取流量是唯一的正确」）
#   是开放题，按评分标准作答，没有唯一的答案。
# - A3 的证据来源各异：被赞扬的一方、报道一个目标（页面没说谁定的）的第三方媒体、只有名字的数据来源艾媒（句末淘宝的数字是否出自它，
#   句子没说清）、匿名人士、无出处的数字。“第三方”只说明页面上它不是被评价的一方；"独立"要一条一条地问。
# - A5 中间嵌着一段软件供应商的推销，逐段统计口吻词就能定位它。
#
# 第 02–05 课学习清洗、分词、计数和可视化的方法；第 06 课回到论断本身，先验证计数工具。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Toulmin, S. E. (1958). *The Uses of Argument*. Cambridge University Press — 论证的结构：
#   主张、根据、保证（warrant）与限定。
# - Fisher, A. (2004). *The Logic of Real Arguments* (2nd ed.). Cambridge University Press — 怎样
#   从真实的文章里找出结论和前提。
# - Walton, D., Reed, C. & Macagno, F. (2008). *Argumentation Schemes*. Cambridge University
#   Press — 常见论证模式和检验它们的关键问题。
#
# **预计用时 / Estimated time:** 70–90 分钟 / minutes（含六道练习）。
