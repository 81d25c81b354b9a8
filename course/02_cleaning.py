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
# # 第 02 课　文本清洗：从网页抓取文本到可以分析的语料
#
# **Abstract.** The five articles were scraped from web pages, and it shows: pinyin readings
# after Traditional characters, mojibake where bytes were lost, half-width punctuation, and page
# furniture such as related headlines, disclaimers, pagination and an e-mail address. This
# lesson finds and counts each kind of noise with code, then runs the package's cleaning
# pipeline (`beyond_traffic.clean.STEPS`) one step at a time on A1 and A3, showing the text
# before and after each step. You will see why mojibake cannot be repaired by a rule and needs a
# documented errata table, why the course converts Traditional to Simplified with OpenCC's
# `tw2s` configuration, what the corpus-wide audit table records, and why personal data is
# removed. Finally it cleans a page the rules were not written from (a course-written one) and
# reads its audit: furniture removed by class, spans that look garbled and are kept with an
# errata line to fill in, and a kind of furniture no rule knows. The raw files are never
# changed: cleaning is code that anyone can re-run and audit.
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 用代码找出并数清网页抓取文本中的几类噪声：拼音注音、乱码、半角标点、页面杂项；
# 2. 说出课程清洗流程 `STEPS` 的每一步做什么、为什么按这个顺序；
# 3. 解释为什么乱码不能用规则修复，只能靠有据可查的勘误表；
# 4. 比较 OpenCC 的几种繁简转换配置，说明课程的选择；
# 5. 读懂清洗审计表 `audit_corpus()`，说明为什么要删除个人信息；
# 6. 自己写一个去掉拼音注音的正则表达式；
# 7. 清洗一篇没见过的网页，读懂审计：按类别删掉的杂项、疑似乱码和修不了的东西。
#
# 术语（乱码、繁简转换、拼音注音、页面杂项、勘误表、个人信息、转载）见 `course/glossary.md`。

# %%
import re

import opencc
import pandas as pd

from beyond_traffic import selfcheck
from beyond_traffic.clean import (
    OPENCC_CONFIG,
    STEPS,
    apply_errata,
    audit,
    audit_corpus,
    clean_text,
    strip_pinyin_annotations,
    to_simplified,
)
from beyond_traffic.corpus import ARTICLE_IDS, get_article, raw_bytes
from beyond_traffic.errata import load_errata

# %% [markdown]
# ## 1. 原始文件：一字不改
#
# 课程包里的五个原始文件和抓取下来时**逐字节相同**。我们从不修改它们；清洗是一段可以
# 重跑、可以检查的代码。先看 A1 原始文本的开头几行。

# %%
a1, a3, a5 = get_article("A1"), get_article("A3"), get_article("A5")
print("A1 原始字节数 / raw bytes:", len(raw_bytes(a1.file)))
print("\n".join(a1.raw.splitlines()[:3])[:300])

# %% [markdown]
# 哪怕只看这几行，也能发现问题：繁体字后面跟着括号里的拼音（如"產(chǎn)"），逗号是半角的
# `,`，开头还有"原标题""文/"这样不属于正文的行。

# %% [markdown]
# ## 2. 四类噪声，用代码数一数
#
# 下面用几个**粗略的**正则表达式把噪声找出来、数一数。它们只是用来"看"的；真正的清洗由
# `beyond_traffic.clean` 完成，那里的规则更小心（例如只删掉紧跟在汉字后面、确实是拼音的括号）。

# %%
looks_like_pinyin = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
question_in_han = re.compile(r"(?<=[\u4e00-\u9fff(])\?(?=[\u4e00-\u9fff a-z])")
half_width = re.compile(r"[,;:!?]")

noise = pd.DataFrame(
    {
        aid: {
            "文字 / script": get_article(aid).script,
            "拼音注音 / pinyin notes": len(looks_like_pinyin.findall(get_article(aid).raw)),
            "汉字间的 ? / '?' inside Han text": len(question_in_han.findall(get_article(aid).raw)),
            "半角标点 / half-width , ; : ! ?": len(half_width.findall(get_article(aid).raw)),
            "行数 / lines": len(get_article(aid).raw.splitlines()),
        }
        for aid in ARTICLE_IDS
    }
).T
noise

# %% [markdown]
# 请对照表格读：拼音注音出现在哪几篇？它们是不是正好是"文字"一列标为 traditional 的那几篇？
# 汉字之间的 `?` 是乱码的痕迹（A3 的乱码另有一种样子，见第 4 节的 `!`）；半角标点在哪几篇里最多？
# 下面分别看例子。
#
# **拼音注音。** 抓取的网页在一些繁体字后面用括号标了读音：

# %%
print(looks_like_pinyin.findall(a1.raw)[:12])

# %% [markdown]
# 第 00 课看到：原文里像“(拼音)”的片段，A1 有 575 处，而清洗时删注音的那一步只删了 571 处。
# 差额去了哪里？清洗的第一步是勘误表（第 4 节），它修复乱码时把夹在乱码里的几处注音一起换掉了。
# 验证一下：勘误之后再数，就和删注音那一步的数字一致。

# %%
for art in (a1, a3, get_article("A4")):
    removed = {r.step: r.count for r in audit(art.raw)}["strip_pinyin_annotations"]
    print(
        art.id,
        "原文 / raw:",
        len(looks_like_pinyin.findall(art.raw)),
        "| 勘误之后 / after errata:",
        len(looks_like_pinyin.findall(apply_errata(art.raw))),
        "| 删注音一步删除 / removed by the step:",
        removed,
    )

# %% [markdown]
# **乱码。** 原网页的编码在某处被读错了一个字节，后面的几个字就"串位"了，留下 `?`、
# 生僻字和残缺的拼音。看看 A1 里所有汉字之间的 `?` 周围是什么：

# %%
for m in question_in_han.finditer(a1.raw):
    print(repr(a1.raw[max(0, m.start() - 6) : m.end() + 10]))

# %% [markdown]
# **页面杂项。** 文章结尾常常挂着"相关新闻"、免责声明、分页、"关注公众号"之类。
# 这是 A1 和 A3 原始文本的最后几行：

# %%
for art in (a1, a3):
    print(f"--- {art.id} ---")
    for line in art.raw.strip().splitlines()[-4:]:
        print(line[:70])

# %% [markdown]
# ## 3. 清洗流程：一步一步来
#
# 课程的清洗流程是 `STEPS`：一串按顺序执行的函数，每个都是"文本进，文本出"。
# `clean_text(raw)` 就是把它们依次跑一遍。先列出步骤：

# %%
for i, (name, fn) in enumerate(STEPS, 1):
    print(i, name, "—", (fn.__doc__ or "").strip().splitlines()[0])

# %% [markdown]
# 顺序有讲究：勘误表里的乱码是按**原始**样子（含拼音、含 `?`）记录的，所以最先做；拼音要在
# 繁简转换之前去掉（OpenCC 需要相邻的汉字才能按词转换）；页面杂项按整行判断，要在合并断行之前；
# 合并断行要看句末的全角标点，所以放在标点规范化之后。
#
# 现在在 A1 上逐步运行，每一步打印长度的变化，以及这一步的前两处改动（`audit` 记录了每一处）。

# %%
def show_steps(article, k=2):
    """Run STEPS one by one on an article's raw text, printing what each step changed."""
    text = article.raw
    reports = audit(article.raw)
    for (name, fn), report in zip(STEPS, reports):
        new = fn(text)
        edits = [f"删 / del {old[:30]!r}" for old in report.removed[:k]]
        edits += [f"{old[:20]!r} → {new_[:20]!r}" for old, new_ in report.changed[:k]]
        print(f"{name:26s} {len(text):6d} → {len(new):6d} 字符, {report.count:4d} 处改动")
        for e in edits[:k]:
            print("      ", e)
        text = new
    return text


a1_clean = show_steps(a1)
print("与 clean_text 相同 / same as clean_text:", a1_clean == clean_text(a1.raw))

# %% [markdown]
# 最后一行确认：一步一步跑的结果与 `clean_text` 完全相同。再看 A3（另一篇繁体、带乱码的文章）：

# %%
a3_clean = show_steps(a3)

# %% [markdown]
# 对照一下同一段落清洗前后的样子（A3 正文中第一个含 `「` 的段落）：

# %%
before = next(line for line in a3.raw.splitlines() if "「" in line)
after = next(line for line in a3_clean.splitlines() if "「" in line)
print("清洗前 / before:\n", before[:160])
print("清洗后 / after:\n", after[:120])

# %% [markdown]
# ## 4. 乱码为什么不能用规则修
#
# 拼音注音可以用规则删掉，因为删掉的东西我们不需要。乱码不一样：原来的字节**丢了**，
# 丢掉的信息无法从剩下的字节里算回来。看第一条勘误的说明：`為` 的 GBK 编码丢了第一个字节。
# 下面算一算：在常用汉字里，有多少个字的 GBK 编码和 `為` 有相同的第二个字节？
# 它们丢掉第一个字节之后，留下的痕迹一模一样。

# %%
lost = "為".encode("gbk")
same_tail = []
for cp in range(0x4E00, 0xA000):
    try:
        b = chr(cp).encode("gbk")
    except UnicodeEncodeError:
        continue
    if len(b) == 2 and b[1] == lost[1]:
        same_tail.append(chr(cp))
print("為 的 GBK 字节 / bytes:", lost.hex(" "))
print("第二个字节相同的汉字数 / Han characters with the same second byte:", len(same_tail))
print("例如 / e.g.:", "".join(same_tail[:20]))

# %% [markdown]
# 只看残留的字节，这些字都有可能是原字。能判断出原字是"為"，靠的是**上下文**（"因?yàn)"后面
# 的残缺拼音 yàn 和"因为……"的固定搭配）——这是人的判断，不是规则。所以课程把每一处修复
# 写进勘误表 `data/errata.tsv`：乱码原样、改正、理由、出处，人人可以复查。

# %%
errata = pd.DataFrame([e.__dict__ for e in load_errata()])
print("勘误条数 / errata entries:", len(errata), "; 按文章 / by article:", errata["article"].value_counts().sort_index().to_dict())
errata[["article", "garbled", "correction"]]

# %% [markdown]
# 勘误表里也有 A3 的 `!`：原文的右引号 `」` 在 GBK 里是 `A1 B9`，丢了第二个字节、第一个字节
# 又丢了最高位，就成了 `0x21`，即 `!`。下面用代码验证这个说法：

# %%
print("」 的 GBK 字节:", "」".encode("gbk").hex(" "), "; 0xA1 & 0x7F =", hex(0xA1 & 0x7F), "=", repr(chr(0xA1 & 0x7F)))

# %% [markdown]
# ## 5. 繁简转换：选哪个 OpenCC 配置？
#
# OpenCC 提供多种配置：`t2s`（繁体到简体）、`tw2s`（台湾正体到简体）、`hk2s`（香港繁体到简体）、
# `tw2sp`（台湾正体到简体，并转换词汇）。课程用的是：

# %%
print("OPENCC_CONFIG =", OPENCC_CONFIG)

# %% [markdown]
# 在去掉拼音之后的 A1、A3、A4 上比较这几种配置：每种配置与 `tw2s` 的结果有多少处不同，
# 以及第一处不同是什么。

# %%
configs = ["t2s", "tw2s", "hk2s", "tw2sp"]
converters = {c: opencc.OpenCC(c) for c in configs}
texts = {aid: strip_pinyin_annotations(get_article(aid).raw) for aid in ("A1", "A3", "A4")}
rows = []
for c in configs:
    n_diff, example = 0, ""
    for aid, text in texts.items():
        ours, theirs = converters["tw2s"].convert(text), converters[c].convert(text)
        diff = [i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y]
        n_diff += len(diff) + abs(len(ours) - len(theirs))
        if diff and not example:
            i = diff[0]
            example = f"{aid}: tw2s “{ours[i - 3 : i + 3]}” vs {c} “{theirs[i - 3 : i + 3]}”"
    rows.append({"配置 / config": c, "与 tw2s 不同的字 / chars differing": n_diff, "第一处 / first": example})
pd.DataFrame(rows)

# %% [markdown]
# 对照表格：`t2s`、`hk2s` 与 `tw2s` 的差别集中在助词"著/着"上；`tw2sp` 则会改动作者的用词
# （把台湾用语换成大陆用语），这已经不是"换字形"而是"改文章"了。`to_simplified` 的文档字符串
# 记录了这一选择和它的代价：

# %%
print(to_simplified.__doc__.split("Args:")[0])

# %% [markdown]
# ## 6. 审计表：每一步改了什么，一目了然
#
# `audit_corpus()` 对五篇文章的每一步都做了记录：处理前后的字数、删了几处、改了几处、
# 以及前几处改动的例子。下面把"改动数"整理成"文章 × 步骤"的表：

# %%
table = audit_corpus()
pivot = table.pivot(index="article", columns="step", values="count")[[name for name, _ in STEPS]]
pivot

# %%
sizes = table.groupby("article").agg(raw_chars=("chars_before", "first"), clean_chars=("chars_after", "last"))
sizes["kept"] = (sizes["clean_chars"] / sizes["raw_chars"]).round(3)
sizes.rename(columns={"raw_chars": "原始字数 raw", "clean_chars": "清洗后字数 clean", "kept": "保留比例 kept"})

# %% [markdown]
# 从审计表可以读出：哪几篇用到了勘误表、拼音注音主要在哪几篇、哪一篇删掉的页面杂项最多。
# 繁体文章的"保留比例"明显偏低，主要是因为删掉了大量拼音注音，而不是正文。

# %% [markdown]
# ## 7. 个人信息：为什么要删
#
# A5 的页脚里有一个私人邮箱。我们要分析的是文章的论证，这个地址对分析毫无用处；而课程会把
# 语料分发给很多学习者，把别人的联系方式再传播出去是不应该的。所以清洗流程里有专门的一步
# `redact_personal_data`，并且是**删除**而不是打码，免得它混进词频。
#
# 下面用审计记录找出 A5 里被这一步删掉的内容——只打印打码后的样子，不在课程里再展示一次原文：

# %%
a5_reports = {r.step: r for r in audit(a5.raw)}
redacted = a5_reports["redact_personal_data"].removed
print("删除处数 / removed:", len(redacted))
for item in redacted:
    print("打码显示 / masked:", re.sub(r"[A-Za-z0-9]", "*", item))
print("清洗后还有 @ 吗 / '@' left after cleaning:", "@" in a5.clean)

# %% [markdown]
# ## 8. 一篇没见过的网页：按类别清洗，读懂审计
#
# 清洗规则是照着五篇语料写出来的，会不会只认得这五篇？检验的办法是拿一篇规则**没见过**的网页来试。
# 下面这一页是课程组为这一课写的（人物、账号、数字都是虚构的），它带着五篇语料里没有的杂项：
# 面包屑导航、阅读/点赞计数、题图来源、带公众号的作者简介、二维码关注提示、标签；还有三种拼音
# 注音的残迹（脱离了字的注音、丢了括号的注音、被删空的括号）、重复的标点，以及一处乱码——
# 乱码是用代码造出来的：把一段 UTF-8 字节当成 GBK 来读。

# %%
broken = "记账软件".encode("utf-8").decode("gbk", errors="replace")  # UTF-8 误读为 GBK
page = "\n".join(
    [
        "首页 > 新零售 > 正文",
        "一家茶叶店的私域账本",
        "阅读 2.6万 | 点赞 318",
        "题图来自 Pixabay，基于CC0协议。",
        "小周在杭州开了一家卖茶叶的小店。疫情那年，，门店客流掉了一半，她开始把老顾客一个个加进企业微信。",
        "两年下来，她的私域里有三千多个好友。每逢新茶上市，她会在朋友圈发三条內 (nèi)容：一条讲产地，一条讲冲泡，最后一条才是价格。",
        f"她的复购率大约是四成，这个数字来自她自己的{broken}，没有经过第三方核实，?",
        "私域靠的是注意力（），规模一大，每个顾客分到的注意力就少了。",
        "#茶事观察家#孙立，微信公众号：茶事手记，专栏作家。资深撰稿人，关注茶饮零售。",
        "（本文系品牌合作内容）",
        "长按识别二维码，关注茶事手记",
        "标签：私域 茶叶 复购",
    ]
)
result = audit(page)
print(clean_text(page))

# %% [markdown]
# 审计结果 `audit(page)` 仍然是每一步一份报告；另外它还能**按类别**汇总删掉的页面杂项：

# %%
pd.Series(result.furniture_by_class(), name="删掉的行数 / lines removed").rename_axis("类别 / class").to_frame()

# %% [markdown]
# 每一处删除都看得见：拼音残迹在 `strip_pinyin_annotations` 的报告里，重复的标点在
# `normalise_punctuation` 的报告里。

# %%
for step in ("strip_pinyin_annotations", "normalise_punctuation"):
    print(step, "删掉 / removed:", result.step(step).removed, "; 替换 / changed:", result.step(step).changed)

# %% [markdown]
# **修不了的东西。** 乱码那一段清洗流程一个字也没有改——它不知道原文是什么，瞎猜只会把错误藏起来。
# 但它不会悄悄放过：`audit` 的 `garbled` 列出看起来像乱码的片段、它们的位置和理由
# （这里的理由是“罕见字连在一起”和“解码残渣” U+FFFD），并给出一行现成的勘误表条目，
# 只等人读上下文之后填上改正：

# %%
for span in result.garbled:
    print(f"第 {span.line} 行第 {span.column} 列 / line {span.line}, column {span.column}:", repr(span.text), span.signals)
    print(span.errata_line(article="C"))
print("清洗后的文本里还在吗 / still in the cleaned text:", broken.replace("\ufffd", "") in clean_text(page).replace("\ufffd", ""))

# %% [markdown]
# 还有一行没被删掉：`（本文系品牌合作内容）`。它是页面杂项，但不属于规则认识的任何一类——按类别
# 写规则，能认出没见过的**同类**网页杂项，认不出没见过的**新类别**。所以清洗之后还要读一遍审计和
# 清洗结果：规则说“删了什么”，人来判断“还有什么该删”。

# %%
print("类别 / class:", [line for line in clean_text(page).split("\n") if "合作" in line])

# %% [markdown]
# ### 动手试试 / Your turn 1 · ★★ 练习 / practice
#
# 写一个正则表达式，删掉汉字后面括号里的拼音注音（例如把 `產(chǎn)業(yè)` 变成 `產業`），
# 赋给 `pinyin_pattern`（一个字符串）。自测会用 `re.sub(pinyin_pattern, "", text)` 在几段 A1 的原文上检验，
# 期望结果由课程的 `strip_pinyin_annotations` 给出。注意：拼音可能带声调（ǎ、ü……），
# 括号里的数字（如年份）要保留。

# %%
pinyin_pattern = None  # 例如 r"..."

# %%
_samples = [
    line[:80]
    for line in a1.raw.splitlines()
    if "?" not in line and looks_like_pinyin.search(line) and len(line) > 20
][:4] + ["2020(年)直播帶(dài)貨(2020)"]
_ = selfcheck.check_regex(
    pinyin_pattern,
    cases=[(s, strip_pinyin_annotations(s)) for s in _samples],
    hint_zh="括号要转义：\\( 和 \\)；括号里是一个或多个小写字母，别忘了带声调的字母。",
    hint_en=r"Escape the brackets \( \); inside: one or more lower-case letters, tone marks included.",
    name="pinyin_pattern",
)

# %% [markdown]
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 写一个函数 `step_count(raw, step)`：对一段原始文字运行 `audit`，返回名为 `step` 的那一步的
# 改动数（一个 `int`）。自测会在几篇文章、几个步骤上调用它，包括删注音的那一步——你可以用它
# 自己核对上面 575 和 571 的说法。

# %%
step_count = None  # def step_count(raw, step): ...

# %%
_cases = [
    ((get_article(aid).raw, step), {r.step: r.count for r in audit(get_article(aid).raw)}[step])
    for aid in ("A1", "A3", "A5")
    for step in ("apply_errata", "strip_pinyin_annotations", "remove_furniture")
]
_ = selfcheck.check_function(
    step_count,
    cases=_cases,
    hint_zh="audit 返回一串报告，每份报告有 .step 和 .count；找到名字相同的那一份",
    hint_en="audit returns a list of reports with .step and .count; find the one with that name",
    name="step_count",
)

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★ 热身 / warm-up
#
# A5 里的邮箱是在哪一步被删掉的？请填写步骤的名字（`STEPS` 中的名字之一），赋给 `email_step`。

# %%
email_step = None

# %%
_ = selfcheck.check_choice(
    email_step,
    expected=next(r.step for r in audit(a5.raw) if any("@" in x for x in r.removed)),
    options=[name for name, _ in STEPS],
    hint_zh="回到第 7 节：删掉的内容在哪一步的报告里？",
    hint_en="go back to section 7: which step's report holds what was removed?",
    name="email_step",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 网页抓取的中文文本有多种噪声：拼音注音、乱码、半角标点、断行、页面杂项、个人信息。先用代码
#   把它们**找出来、数清楚**，再动手清洗。
# - 清洗是一串有顺序的"文本进、文本出"的步骤（`STEPS`）；`audit` / `audit_corpus` 记录每一步删了
#   什么、改了什么，原始文件一字不改。
# - 乱码丢失了信息，不能靠规则还原；每一处修复都要写进勘误表，附上理由。
# - 繁简转换的配置是一个选择：`tw2s` 只换字形，`tw2sp` 还会改词，课程选了前者并记录了原因。
# - 个人信息与分析无关，分发语料前应当删除。
# - 规则按类别写，才能用在没见过的网页上；乱码只标出、不猜，新类别的杂项要靠人读审计发现。
#
# 下一课（第 03 课）在清洗后的文本上分词。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Lunde, K. (2009). *CJKV Information Processing* (2nd ed.). O'Reilly — 中日韩文字的编码、
#   字符集与转换，理解乱码从哪里来。
# - Karsdorp, F., Kestemont, M. & Riddell, A. (2021). *Humanities Data Analysis: Case Studies
#   with Python*. Princeton University Press — 第 2 章（获取与整理数据）：把原始文本变成可分析的数据。
# - OpenCC 项目文档 <https://github.com/BYVoid/OpenCC> — 各种繁简转换配置（t2s、tw2s、tw2sp）的区别。
#
# **预计用时 / Estimated time:** 50–70 分钟 / minutes（含三道练习）。
