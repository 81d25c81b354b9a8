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
# # 第 01 课　论证地图：五篇文章在争论什么
#
# **Abstract.** Before counting anything, we read. This lesson maps the argument of the five
# articles with code as a reading aid: it splits each cleaned article into sentences and finds
# each thesis by searching for its key phrase, so every quotation below is located, not retyped.
# A computed table shows the shared vocabulary (消费互联网 vs 产业互联网, C端 vs B端, 流量, 赋能,
# 新零售, 去中间化, S2B and the "new technologies") and who uses which terms, and why a naive
# substring count can mislead (PC端 contains C端). We then quote both sides of the clearest
# disagreement — does live commerce change production? (A1 yes, A2 no) — extract A3's figures
# and named sources, which mark it as advocacy, and locate the software vendor's pitch embedded
# in A5. Multiple-choice exercises ("which article says X?") are checked instantly.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 用 `claims.split_sentences` 把文章切成句子，用 `claims.find_sentences` 按关键词找出引文；
# 2. 用一句话复述每篇文章的主张，并用代码找出的原句作为依据；
# 3. 用词频表说明五篇文章的共同词汇，以及谁用了哪些术语；知道子串计数的陷阱；
# 4. 指出 A1 与 A2 的主要分歧，并引用双方原文；
# 5. 认出 A3 的"倡导"性质（数字和来源）以及 A5 中嵌入的软件供应商推销段落。

# %% [markdown]
# ## 1. 准备：载入语料，切分句子
#
# 我们始终使用清洗后的文字（`Article.clean`）：繁体已转为简体，拼音注音和网页杂质已去掉
# （清洗的细节见第 02 课）。`claims.split_sentences` 按句末标点（。！？…）和换行切分句子，
# 所以没有标点的小标题也自成一句。

# %%
import re

import pandas as pd

from beyond_traffic import claims, selfcheck
from beyond_traffic.compare import frequency_table
from beyond_traffic.corpus import ARTICLE_IDS, get_article, load_corpus
from beyond_traffic.count import count_phrase, kwic

pd.set_option("display.max_colwidth", None)
corpus = load_corpus()
句子 = {a.id: claims.split_sentences(a.clean) for a in corpus}
for a in corpus:
    print(a.id, "句子数 / sentences:", len(句子[a.id]))

# %% [markdown]
# 本课的主要工具是 `claims.find_sentences`：给出文章编号和一个关键词，返回该文章中所有
# 包含这个关键词的句子。它不改动任何文字，只是"找"——所以打印出来的引文就是原文。
# 下面给它起一个中文名字 `找句子`，再写一个打印引文的小函数。


# %%
找句子 = claims.find_sentences  # 返回文章中所有包含关键词的句子（按原文顺序）


def 引用(article_id: str, needle: str) -> None:
    """打印含有 needle 的句子；找不到时明确说出来，而不是悄悄跳过。"""
    found = 找句子(article_id, needle)
    if not found:
        print(f"{article_id}：没有找到「{needle}」")
    for s in found:
        print(f"{article_id}：{s}")


引用("A3", "直播是定语修饰")

# %% [markdown]
# ## 2. 五篇文章的主张
#
# 下面每篇文章用两三个关键词定位它的核心句。关键词是我们读文章时挑出来的；句子是代码从
# 文章里找出来的。先看看标题（没有标题的文章显示"（无）"）：

# %%
for a in corpus:
    print(a.id, a.title or "（无）")

# %% [markdown]
# ### A1：直播带货是产业互联网的"新方向"
#
# A1 认为直播带货不只是流量转化：它真正的用户是 B 端商家，它是产业互联网的一个阶段。

# %%
for needle in ["一种全新的产业进化新方向", "真正用户其实并不是C端用户", "产业互联网的一个必然阶段"]:
    引用("A1", needle)

# %% [markdown]
# ### A2：直播带货是"前奏曲"，而且必将落幕
#
# A2 的标题把直播带货称作产业互联网的前奏曲；它认为直播带货只是营销模式，并预言它的退场。

# %%
for needle in [
    "仅仅只是一种全新的营销模式",
    "其实是产业互联网的前奏曲",
    "落幕是必然",
    "退出历史舞台",
]:
    引用("A2", needle)

# %% [markdown]
# ### A3："直播是定语修饰，电商是本质"
#
# A3 从淘宝直播的角度说：直播电商的本质是电商，关键是平台背后服务 B 端的能力。

# %%
for needle in ["直播是定语修饰", "直播终将服务于电商", "B端服务能力"]:
    引用("A3", needle)

# %% [markdown]
# ### A4：追逐 B 端流量与产业互联网的本质相悖
#
# A4 没有标题。它认为产业互联网的"节奏"是对 B 端的深度赋能，而不是获取流量。

# %%
for needle in ["与产业互联网的本质是相悖的", "产业互联网的节奏是", "获取流量是唯一的正确"]:
    引用("A4", needle)

# %% [markdown]
# 注意最后一句：A4 一方面说追逐流量与产业互联网的本质"相悖"，一方面又说在当下"获取流量是
# 唯一的正确"。这种张力我们在第 06 课再讨论。

# %% [markdown]
# ### A5：社交电商靠流量、去中间化和互联网技术，所以不能持久
#
# A5 讨论的是社交电商而不是直播带货，但论证结构相同：流量驱动的模式必然落幕，未来在于
# 新技术、多维赋能、场景和体验。

# %%
for needle in ["抛弃流量思维", "社交电商必然落幕", "未来的发展在于新技术"]:
    引用("A5", needle)

# %% [markdown]
# ### 动手试试 / Your turn 1
#
# 哪一篇文章说"获取流量是唯一的正确"？再想一想：哪一篇文章说直播带货"落幕是必然"？
# 用 `找句子` 或 `a.clean` 自己查一查，把文章编号（如 `"A1"`）分别写进两个变量。

# %%
唯一的正确 = None  # 例如 "A1"
落幕是必然 = None


# %%
def 哪篇说(needle: str) -> list[str]:
    return [a.id for a in corpus if needle in a.clean]


_ = selfcheck.check_choice(
    唯一的正确,
    expected=哪篇说("获取流量是唯一的正确")[0],
    options=list(ARTICLE_IDS),
    name="唯一的正确",
    hint_zh="试试 找句子(编号, '唯一的正确')，对五个编号都试一遍",
    hint_en="try 找句子(id, '唯一的正确') for each of the five ids",
)
_ = selfcheck.check_choice(
    落幕是必然,
    expected=哪篇说("落幕是必然")[0],
    options=list(ARTICLE_IDS),
    name="落幕是必然",
    hint_zh="这句话是某篇文章里一个小标题的一部分",
    hint_en="the phrase is part of a section heading in one article",
)

# %% [markdown]
# ## 3. 共同词汇：谁用了哪些术语
#
# 五篇文章共用一套词汇（见术语表 `course/glossary.md`）。`compare.frequency_table` 统计每个
# 术语在每篇文章中出现的次数：默认按分词结果计数（`method="tokens"`），也可以按原文子串
# 计数（`method="substring"`）。

# %%
术语 = [
    "消费互联网",
    "产业互联网",
    "C端",
    "B端",
    "流量",
    "赋能",
    "新零售",
    "去中间化",
    "S2B",
    "大数据",
    "云计算",
    "区块链",
    "人工智能",
]
术语表 = frequency_table(术语, method="substring")
术语表

# %% [markdown]
# 按子串计数有一个陷阱：`"C端"` 也是 `"PC端"` 的一部分。下面用 KWIC（keyword in context，
# 关键词及其上下文，第 04 课细讲）看看 A5 里的 "C端" 前后都是什么：

# %%
for row in kwic(get_article("A5").clean, "C端", width=8):
    print(f"{row.left:>8}【{row.keyword}】{row.right}")

# %% [markdown]
# 所以 A5 的 "C端" 子串其实属于 "PC端"（个人电脑端），不是"消费者端"。用正则表达式要求
# "C端" 前面不是英文字母，就能排除它；再和分词计数对比：

# %%
C端 = re.compile(r"(?<![A-Za-z])C端")
对比 = pd.DataFrame(
    {
        "子串 substring": 术语表.loc["C端"],
        "正则 regex": {a.id: len(C端.findall(a.clean)) for a in corpus},
        "分词 tokens": frequency_table(["C端"]).loc["C端"],
    }
)
对比

# %% [markdown]
# 教训：**先看上下文，再相信数字。** 下面的表把 "C端" 一行换成正则计数，然后列出每个
# 术语被哪些文章用过：

# %%
术语表.loc["C端"] = 对比["正则 regex"]
谁在用 = pd.Series(
    {t: "、".join(术语表.columns[术语表.loc[t] > 0]) or "（没人用）" for t in 术语},
    name="使用的文章 / used by",
)
谁在用.to_frame()

# %% [markdown]
# 再看看每篇文章用得最多的是哪个术语，以及哪些术语五篇文章都用过：

# %%
print("各篇最常用 / most used:", 术语表.idxmax().to_dict())
print("五篇都用 / used by all five:", [t for t in 术语 if (术语表.loc[t] > 0).all()])

# %% [markdown]
# ### 动手试试 / Your turn 2
#
# 哪些文章提到了 **S2B**？这是一道多选题：把所有答案的编号放进一个列表，例如 `["A1", "A4"]`。

# %%
提到S2B = None  # 例如 ["A1", "A4"]

# %%
_ = selfcheck.check_choice(
    提到S2B,
    expected=[a.id for a in corpus if count_phrase(a.clean, "S2B") > 0],
    options=list(ARTICLE_IDS),
    name="提到S2B",
    hint_zh="看术语表里 S2B 那一行：大于 0 的列",
    hint_en="look at the S2B row of the term table: the columns above 0",
)

# %% [markdown]
# ## 4. 分歧：直播带货改变生产了吗？
#
# A1 和 A2 都把直播带货放在产业互联网的框架里，但在一个关键问题上针锋相对：直播带货有没有
# 改变**生产**？把两篇文章里所有提到"生产方式"的句子找出来，并用一个正则表达式标出句子
# 是否在否定"改变"（"并未……改变""没有改变"）：

# %%
否定改变 = re.compile(r"(并未|没有|未)(真正)?改变")
for aid in ["A1", "A2"]:
    for s in 找句子(aid, "生产方式"):
        立场 = "否定改变" if 否定改变.search(s) else "其他"
        print(f"{aid} [{立场}] {s}\n")

# %% [markdown]
# 读上面的引文：A1 说直播带货**将**改变传统行业的设计和生产方式（注意"将"：这是预言）；
# A2 说它**并未真正改变**生产方式，只改变了商品与用户联系的方式。这就是两篇文章的根本分歧，
# 也决定了它们的结论：一个把直播带货看作产业互联网的新方向，一个认为它终将退场。
#
# 正则表达式只看字面，不懂主语。A2 里被标成"其他"的句子说的是谁要改变生产？读一读它。
# 代码帮你**找**，**读**还得靠你。
#
# 还有一个细节：A2 的第一句引文里有一个重复的短语。下面数一数 A2 中"生产方式和生产方式"
# 出现几次——这是第 06 课"填充与重复"的素材。

# %%
print("A2「生产方式和生产方式」:", count_phrase(get_article("A2").clean, "生产方式和生产方式"))

# %% [markdown]
# ## 5. A3：带着数字的倡导
#
# 哪篇文章用了数字和具名来源？`claims.find_evidence` 用课程的证据标记
# （`lexicons.EVIDENCE_PATTERNS`：据…显示、财报、《书名》、百分比、带单位的数量、有出处的引语）
# 在文字中找证据。先看每篇文章找到多少个：

# %%
证据数 = pd.Series({a.id: len(claims.find_evidence(a.clean)) for a in corpus}, name="证据标记数")
证据数.to_frame()

# %%
print("证据标记最多 / most evidence markers:", 证据数.idxmax())
print("其余四篇合计 / the other four together:", 证据数.drop(证据数.idxmax()).sum())

# %% [markdown]
# 再把 A3 的证据标记逐条列出来：数字（`quantity`、`percentage`）和来源（`according_to`、
# `report`、`named_work`、`attributed_quote`）。

# %%
a3 = get_article("A3")
证据 = pd.DataFrame(claims.find_evidence(a3.clean))
证据[["name", "text"]]

# %% [markdown]
# 这些数字和来源出自谁？下面找出 A3 里带引号（「」或“”）的句子，也就是 A3 让别人"发言"的
# 地方，并统计 A3 全文中"阿里"和"淘宝"各出现几次，和其他文章比一比：

# %%
for s in 句子["A3"]:
    if re.search(r"[「“]", s):
        print("·", s)
print()
print(frequency_table(["阿里", "淘宝", "淘宝直播"], method="substring"))

# %% [markdown]
# 从引文可以看出，A3 的数据来自阿里自己的财报，引语来自淘宝直播自己的技术负责人和阿里的
# 战略专家：证据的提供者正是被赞扬的一方。再看原始网页的最后两行（清洗前）：这篇文章只是
# 两页中的第一页，末尾是一个公众号推广。

# %%
print("\n".join(a3.raw.strip().splitlines()[-2:]))

# %% [markdown]
# 所以我们把 A3 读作**倡导**（advocacy）：它有数字，但数字服务于一个立场。第 06 课会讨论
# "有证据"和"证据可靠"之间的差别。

# %% [markdown]
# ## 6. A5：一篇社论里嵌着一段推销
#
# A5 的大部分段落是评论口吻（"社交电商……必然落幕"），但中间有几段口吻突然变了：第一人称的
# "我们公司"、产品名（系统、软件）、"解决方案给到大家"、"非常"之类的口语。我们用代码逐段
# 统计两类词：
#
# - **供应商口吻**：我们公司、公司、系统、软件、解决方案、用户数、大家、非常；
# - **社论口吻**：社交电商、新零售、赋能、落幕。

# %%
a5 = get_article("A5")
段落 = [p.strip() for p in a5.clean.splitlines() if p.strip()]
供应商词 = ["我们公司", "公司", "系统", "软件", "解决方案", "用户数", "大家", "非常"]
社论词 = ["社交电商", "新零售", "赋能", "落幕"]
逐段 = pd.DataFrame(
    {
        "开头 start": [p[:16] for p in 段落],
        "供应商口吻 vendor": [sum(count_phrase(p, w) for w in 供应商词) for p in 段落],
        "社论口吻 op-ed": [sum(count_phrase(p, w) for w in 社论词) for p in 段落],
    }
)
逐段

# %% [markdown]
# 推销段落是从第一个到最后一个带供应商口吻的段落之间的那一段（中间可能夹着一两段两类词都
# 没有的过渡）：

# %%
有口吻 = 逐段.index[逐段["供应商口吻 vendor"] > 0]
起, 止 = 有口吻.min(), 有口吻.max()
print(f"推销段落 / pitch: 第 {起} 段到第 {止} 段，共 {止 - 起 + 1} 段（全文 {len(段落)} 段）")
print("这几段里的社论口吻词 / op-ed words inside:", 逐段.loc[起:止, "社论口吻 op-ed"].sum())
print(
    "其余段落里的供应商口吻词 / vendor words outside:",
    逐段["供应商口吻 vendor"].sum() - 逐段.loc[起:止, "供应商口吻 vendor"].sum(),
)
print()
print("开头 / first:", 段落[起][:60], "……")
print("结尾 / last: ……", 段落[止][-60:])

# %% [markdown]
# 推销里最"硬"的数字是用户增长。找它时要小心：A5 在别处把"从"错写成了"聪"（看下面的
# KWIC），所以一个只认"从"的搜索可能漏掉同类说法。我们用字符类 `[从聪]` 兼容这个错别字：

# %%
for row in kwic(a5.clean, "聪", width=8):
    print(f"{row.left:>8}【{row.keyword}】{row.right}")
增长 = re.compile(r"[从聪]\s*\d+(?:\.\d+)?万?\s*到\s*\d+(?:\.\d+)?万")
for m in 增长.finditer(a5.clean):
    print(
        "\n用户增长 / growth figure:",
        m.group(),
        "→ 所在句子:",
        next(s for s in 句子["A5"] if m.group() in s),
    )

# %% [markdown]
# 这个数字没有时间、没有来源、没有定义（"用户数"指什么？），而且出自一家想卖软件的公司
# 之口。嵌在一篇社论中间，它很容易被误读成作者的论据。
#
# ### 动手试试 / Your turn 3
#
# A5 的推销段落里，哪一个段落的"供应商口吻"词最多？把它在 `段落` 列表中的**下标**（整数，
# 从 0 开始）写进 `口吻最重`。提示：看上面的表，或者用 `逐段["供应商口吻 vendor"].idxmax()`。

# %%
口吻最重 = None  # 一个整数，例如 3

# %%
_ = selfcheck.check_number(
    口吻最重,
    expected=int(逐段["供应商口吻 vendor"].idxmax()),
    name="口吻最重",
    hint_zh="表格最左边一列就是下标；找「供应商口吻 vendor」最大的那一行",
    hint_en="the leftmost column is the index; find the row with the largest vendor count",
)

# %% [markdown]
# ## 7. 论证地图
#
# 把本课找到的东西放进一张表。"招牌说法"一列是我们读文章时挑出的关键词（我们的概括），
# 其余各列都由代码从文章中找出或算出：含招牌说法的第一句原文、谈"生产方式"时是否否定
# "改变"、"流量"和"赋能"的次数、证据标记数。

# %%
招牌 = {
    "A1": "必然阶段",
    "A2": "落幕是必然",
    "A3": "直播是定语修饰",
    "A4": "本质是相悖的",
    "A5": "抛弃流量思维",
}


def 生产立场(aid: str) -> str:
    found = 找句子(aid, "生产方式")
    if not found:
        return "（不谈）"
    return "否定改变" if any(否定改变.search(s) for s in found) else "不否定改变"


论证地图 = pd.DataFrame(
    {
        "招牌说法": 招牌,
        "原句": {aid: 找句子(aid, k)[0] for aid, k in 招牌.items()},
        "生产方式": {aid: 生产立场(aid) for aid in 招牌},
        "流量": 术语表.loc["流量"],
        "赋能": 术语表.loc["赋能"],
        "证据标记": 证据数,
    }
)
论证地图

# %% [markdown]
# 请用这张表回到原文核对：招牌说法选得对吗？换一个关键词，地图会变吗？第 06 课会把
# "证据"和"确定性"算得更细。

# %% [markdown]
# ## 小结 / Recap
#
# - `claims.split_sentences` + `claims.find_sentences`，就能把论点"定位"到原句，
#   而不用凭记忆转述。
# - 五篇文章共享一套词汇：消费互联网/产业互联网、C端/B端、流量、赋能……；术语表由
#   `compare.frequency_table` 算出。子串计数要小心："PC端"里也有"C端"。
# - A1 与 A2 的分歧在于直播带货是否改变生产：A1 说"将改变"，A2 说"并未真正改变"。
# - A3 有数字和具名来源，但多半来自阿里和淘宝直播自己：它是倡导。
# - A5 中间嵌着一段软件供应商的推销，用口吻词逐段统计就能定位它。
#
# 第 02–05 课学习清洗、分词、计数和可视化的方法；第 06 课回到论证本身，逐一检验这些论断。
