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
# # 第 00a 课　Python 入门：写第一个函数
#
# **Abstract.** A short primer for learners who have never written a Python function. The course
# asks you, from lesson 00 on, to type a few lines of code and, in the exercises, to write small
# functions. This lesson teaches just enough for that, with Chinese text from the start: values
# and variables, strings (and why `len()` of a Chinese string counts characters), lists and `for`
# loops, dictionaries, and functions — `def`, parameters, `return`, and the difference between
# returning a value and printing it. It ends by opening the course's five articles with the
# `beyond_traffic` package. Every exercise has an instant self-check, as in the other lessons.
# If you already write Python functions, skip it.
#
# **预计用时 / Estimated time:** 35–45 分钟 / minutes.
#
# ## 学习目标 / Learning goals
#
# 学完这一课，你能够：
#
# 1. 运行一个单元格，读懂它的输出和报错；
# 2. 用变量保存字符串和数字，用 `len()`、`.count()` 处理中文字符串；
# 3. 用列表和 `for` 循环逐个处理词语，用字典记录每个词出现的次数；
# 4. 用 `def` 写一个有参数、有返回值的函数，并说出 `return` 和 `print` 的区别；
# 5. 用 `beyond_traffic` 包载入课程的文章，为后面各课做好准备。
#
# 术语（变量、字符串、列表、字典、循环、函数、返回值）见 `course/glossary.md`。

# %% [markdown]
# ## 1. 单元格、值和变量
#
# 笔记本由单元格组成。选中一个代码单元格，按 Shift + Enter 运行它：单元格最后一行的值会显示在
# 下面，`print(...)` 打印的内容也会显示出来。`#` 后面的文字是注释，Python 不执行。
#
# **变量**是一个名字，指向一个值。用 `=` 把值赋给名字；以后用这个名字就是用这个值。课程的代码只用
# 英文变量名，中文放在引号里。

# %%
title = "流量之外"  # 一个字符串（str）：引号里的文字
n_articles = 5  # 一个整数（int）
print(title, "有", n_articles, "篇文章")
n_articles + 1

# %% [markdown]
# **字符串**（`str`）是一段文字。`len()` 给出它有多少个字符：一个汉字算一个字符，标点也算。
# `.count(...)` 数一个词在字符串里出现几次（不重叠地数），`in` 问它在不在里面。

# %%
sentence = "直播带货，其实是产业互联网的前奏曲。"
print("字符数 / characters:", len(sentence))
print("“直播”出现几次 / how often:", sentence.count("直播"))
print("有没有“流量” / contains 流量:", "流量" in sentence)
print("前四个字 / first four:", sentence[:4])

# %% [markdown]
# 运行出错并不可怕。Python 会告诉你错在哪一行、是哪一类错误（例如 `NameError`：用了一个还没定义的
# 名字）。读最后一行的错误类型和说明，通常就知道该改什么。本课的代码都能直接运行；做练习时出了错，
# 先读最后一行。
#
# ### 动手试试 / Your turn 1 · ★ 热身 / warm-up
#
# 下面这句话里，“流量”出现了几次？**用一行代码**算出来（不要自己数），把结果赋给 `n_traffic`。

# %%
line = "流量红利不再，流量见顶，单一的流量赋能无法带来持续增长。"
n_traffic = None  # 改成你的代码，例如 line.count(...)

# %%
from beyond_traffic import selfcheck  # noqa: E402 - the self-checks are introduced here

_ = selfcheck.check_number(
    n_traffic,
    expected=line.count("流量"),
    name="n_traffic",
    hint_zh="字符串的 .count() 方法数一个词出现几次：line.count(\"…\")",
    hint_en="a string's .count() method counts a word: line.count(\"…\")",
)

# %% [markdown]
# ## 2. 列表和循环
#
# **列表**（`list`）把几个值按顺序放在方括号里。`for` **循环**对列表里的每一项运行一次缩进的那几行
# ——缩进（四个空格）告诉 Python 哪些行属于循环。

# %%
words = ["流量", "赋能", "新零售", "直播带货"]
print("第一个 / first:", words[0], "｜ 共 / items:", len(words))
for word in words:
    print(word, "在这句话里出现", sentence.count(word), "次")

# %% [markdown]
# 常见的写法是先准备一个空列表，在循环里用 `.append(...)` 往里加东西：

# %%
long_words = []
for word in words:
    if len(word) >= 3:  # 只要三个字及以上的词
        long_words.append(word)
long_words

# %% [markdown]
# ## 3. 字典
#
# **字典**（`dict`）把“键”对应到“值”，写在花括号里。按键查值，而不是按位置。计数的结果最适合放进
# 字典：键是词，值是次数。

# %%
counts = {}
for word in words:
    counts[word] = line.count(word)
print(counts)
print("“流量”的次数 / count of 流量:", counts["流量"])

# %% [markdown]
# ## 4. 函数
#
# 同样的几行代码要用在许多句子、许多文章上时，把它们写成一个**函数**：`def` 后面是函数名和括号里的
# **参数**，缩进的几行是函数体，`return` 把结果交回给调用它的地方（**返回值**）。

# %%
def rate_per_100(count, n_chars):
    """Return how many times something occurs per 100 characters."""
    return 100 * count / n_chars


print(rate_per_100(3, 60))
print(rate_per_100(sentence.count("直播"), len(sentence)))

# %% [markdown]
# **`return` 和 `print` 不一样。** `print` 只是把值显示在屏幕上，函数交回去的仍然是 `None`；
# `return` 把值交回去，调用的人才能接着用它（存进变量、再做计算、交给自测）。比较下面两个函数：

# %%
def shout_print(text):
    print(text + "！")


def shout_return(text):
    return text + "！"


a = shout_print("流量之外")  # 会显示，但 a 得到的是 None
b = shout_return("流量之外")  # 不显示，但 b 得到了结果
print("a =", a, "｜ b =", b)

# %% [markdown]
# 自测里的函数题会**调用**你的函数，检查它返回的值；只 `print` 不 `return` 的函数会被判为返回了
# `None`。
#
# ### 动手试试 / Your turn 2 · ★★ 练习 / practice
#
# 写一个函数 `per_thousand(count, n_chars)`：返回每千字的频率，即 `count` 除以 `n_chars` 再乘以
# 1000，**四舍五入到两位小数**（用 `round(…, 2)`）。后面各课的“千字频率”就是这样算的（那里的
# 字数只数汉字）。

# %%
per_thousand = None  # def per_thousand(count, n_chars): ...

# %%
_ = selfcheck.check_function(
    per_thousand,
    cases=[((3, 1500), 2.0), ((7, 2333), round(7 / 2333 * 1000, 2)), ((0, 800), 0.0), ((25, 2712), round(25 / 2712 * 1000, 2))],
    name="per_thousand",
    hint_zh="先相除再乘 1000，最后 round(…, 2)；别忘了 return",
    hint_en="divide, multiply by 1000, then round(…, 2); remember to return",
)

# %% [markdown]
# ### 动手试试 / Your turn 3 · ★★ 练习 / practice
#
# 写一个函数 `count_each(text, words)`：返回一个字典，键是 `words` 里的每个词，值是这个词在 `text`
# 中出现的次数（用 `.count`）。它把第 2、3 节的列表、循环和字典放进一个函数里。

# %%
count_each = None  # def count_each(text, words): ...

# %%
_cases = [
    ((line, ["流量", "赋能"]), {w: line.count(w) for w in ["流量", "赋能"]}),
    ((sentence, words), {w: sentence.count(w) for w in words}),
    (("", ["流量"]), {"流量": 0}),
]
_ = selfcheck.check_function(
    count_each,
    cases=_cases,
    name="count_each",
    hint_zh="先建一个空字典 {}，在 for 循环里给每个词赋值，循环结束后 return 这个字典",
    hint_en="start from an empty dict {}, fill it in a for loop, and return it after the loop",
)

# %% [markdown]
# ## 5. 打开课程的文章
#
# 课程的 Python 包叫 `beyond_traffic`。`import` 把它的一部分拿进来；`load_corpus()` 返回五篇文章的
# 列表，每篇文章有编号（`.id`）、清洗后的文字（`.clean`）等属性（第 00 课细讲）。用的就是你刚学的
# 列表、循环和字符串：

# %%
from beyond_traffic.corpus import load_corpus  # noqa: E402 - introduced in this section

corpus = load_corpus()
for article in corpus:
    print(article.id, "清洗后字符数 / characters:", len(article.clean), "｜ 开头 / start:", article.clean[:12])

# %% [markdown]
# ### 动手试试 / Your turn 4 · ★★★ 挑战 / stretch
#
# 写一个函数 `most_frequent(articles, word)`：返回 `word` 在其中出现次数（按 `.clean` 数）最多的那篇
# 文章的编号（一个字符串，例如 `"A1"`）；次数相同时返回排在前面的那篇。提示：在循环里记住“目前最多
# 的次数”和“它属于哪篇”，只在遇到**更多**时才更新。自测会用几个词调用它。

# %%
most_frequent = None  # def most_frequent(articles, word): ...


# %%
def _reference_most_frequent(articles, word):
    best_id, best = None, -1
    for article in articles:
        if article.clean.count(word) > best:
            best_id, best = article.id, article.clean.count(word)
    return best_id


_ = selfcheck.check_function(
    most_frequent,
    cases=[((corpus, w), _reference_most_frequent(corpus, w)) for w in ["流量", "赋能", "直播", "仅仅只是", "淘宝"]],
    name="most_frequent",
    hint_zh="用两个变量记住目前最多的次数和它的编号；用 > 而不是 >=，相同时保留前面那篇",
    hint_en="keep the best count and its id in two variables; use > rather than >= so ties keep the earlier one",
)

# %% [markdown]
# ## 小结 / Recap
#
# - 变量是名字，指向一个值；字符串的 `len()` 数字符，`.count()` 数一个词，`in` 问在不在。
# - 列表按顺序存放多个值；`for` 循环对每一项运行一次缩进的代码；字典把键对应到值，适合放计数。
# - 函数用 `def` 定义，参数在括号里，`return` 把结果交回去；`print` 只显示，不交回。
# - 出错时先读最后一行：错误的类型和说明。
# - `load_corpus()` 给出五篇文章；后面各课在这些工具上做文本分析。
#
# 回到第 00 课（导读）继续，或者直接开始第 01 课。

# %% [markdown]
# ## 延伸阅读 / Further reading
#
# - Python 官方教程 *The Python Tutorial*，第 3–5 章（非正式介绍、控制流、数据结构）：
#   <https://docs.python.org/3/tutorial/>；中文版：<https://docs.python.org/zh-cn/3/tutorial/>。
# - Walsh, M. (2021). *Introduction to Cultural Analytics & Python*. Online textbook,
#   <https://melaniewalsh.github.io/Intro-Cultural-Analytics/> — "Python Basics" 一部分，
#   用人文材料讲变量、字符串、列表、循环和函数。
# - Sweigart, A. (2019). *Automate the Boring Stuff with Python* (2nd ed.). No Starch Press,
#   第 1–6 章 — 给从没编过程序的人。
#
# **预计用时 / Estimated time:** 35–45 分钟 / minutes（含四道练习）。
