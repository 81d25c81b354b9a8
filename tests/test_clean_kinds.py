"""Cleaning by kind: each furniture class, doubled marks and every shape of ruby remnant."""

from __future__ import annotations

import pytest

from beyond_traffic.clean import (
    FURNITURE_CLASSES,
    clean_text,
    collapse_marks,
    furniture_class,
    normalise_punctuation,
    remove_furniture,
    strip_pinyin_annotations,
)

BODY = "直播带货让工厂第一次直接听到了消费者的声音。"

# Course-written lines, several per class, none of them from the corpus articles.
FURNITURE = [
    (
        "author bio",
        "#零售观察家#王芳，微信公众号：零售笔记，专栏作家。资深撰稿人，长期关注新零售。",
    ),
    ("author bio", "作者简介：陈静，县域电商研究者，曾在平台负责商家运营。"),
    ("author bio", "赵磊，供应链周刊主笔，特约评论员，关注产业带。"),
    ("author bio", "刘洋，资深撰稿人，微博：刘洋说零售"),
    ("image credit", "题图来自 pexels，基于CC0协议。"),
    ("image credit", "图片来源：视觉中国"),
    ("image credit", "（图片来自网络，侵删）"),
    ("image credit", "摄影/何青"),
    ("image credit", "封面图由作者提供"),
    ("copyright notice", "本文为王芳原创，未经授权禁止转载。"),
    ("copyright notice", "本文首发于零售笔记，转载请联系作者获得授权。"),
    ("copyright notice", "著作权归作者所有。商业转载请联系作者获得授权。"),
    ("copyright notice", "© 2021 县域手记 版权所有"),
    ("disclaimer", "声明：文章内容仅供参考，不构成投资建议。"),
    ("disclaimer", "本文仅代表作者个人观点，不代表本平台立场。"),
    ("follow prompt", "长按识别二维码，关注县域手记"),
    ("follow prompt", "点击上方蓝字关注我们，每周三更新"),
    ("follow prompt", "记得点赞、在看和转发"),
    ("follow prompt", "欢迎订阅本号"),
    ("counter", "阅读 2.3万 | 点赞 516 | 评论 12"),
    ("counter", "2021-03-08 09:15 浏览：3421"),
    ("counter", "128 人喜欢 · 16 条评论"),
    ("counter", "阅读(1024)"),
    ("related articles", "推荐阅读"),
    ("related articles", "往期回顾"),
    ("related articles", "【相关阅读】"),
    ("related articles", "• 一双袜子的数字化之旅"),
    ("breadcrumb", "首页 > 资讯 > 正文"),
    ("breadcrumb", "首页，,科技，,正文"),
    ("breadcrumb", "当前位置：首页 / 电商"),
    ("tags", "标签：直播带货 新零售 供应链"),
    ("tags", "关键词：县域电商，产业带"),
    ("pagination", "上一篇：工厂为什么需要自己的数据"),
    ("pagination", "1/3"),
    ("pagination", "共3页 上一页 [1] [2] [3] 下一页"),
    ("share footer", "分享：微博 | 微信 | QQ空间"),
    ("share footer", "一键分享"),
    ("by-line", "责任编辑：韩露"),
]

# Body lines that mention the same words, in sentences: they must stay.
BODY_LINES = [
    "很多商家把直播回放剪成短视频，发到微信公众号和朋友圈里，再用点赞数判断哪一款值得加单。",
    "李华，一家羽绒服厂的创始人，去年开始自己上镜。",
    "点赞之后呢",
    "阅读的门槛",
    "一个点赞并不等于一笔订单，这一点商家心里都清楚。",
    "作者认为，平台的补贴终究会停下来。",
    "她的复购率大约是四成，这个数字来自她自己的记账软件。",
    "图片和视频只是入口，真正的竞争在供应链。",
    "首页推荐的位置越来越贵，中小商家只能另想办法。",
    "有人转载了这段视频，评论区吵成了一团。",
    "2020年，直播带货的成交额增长了三倍。",
]


@pytest.mark.parametrize(
    ("kind", "line"), FURNITURE, ids=[f"{k}:{i}" for i, (k, _) in enumerate(FURNITURE)]
)
def test_each_furniture_class_is_recognised(kind: str, line: str) -> None:
    assert furniture_class(line) == kind
    assert remove_furniture(f"{BODY}\n{line}\n{BODY}") == f"{BODY}\n{BODY}"


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_lines_that_mention_furniture_words_stay(line: str) -> None:
    assert furniture_class(line) is None
    assert remove_furniture(line) == line


def test_every_class_documents_an_example_of_itself() -> None:
    names = {kind.name for kind in FURNITURE_CLASSES}
    assert {k for k, _ in FURNITURE} <= names
    for kind in FURNITURE_CLASSES:
        assert furniture_class(kind.example) == kind.name, kind.example


def test_limits_keep_long_paragraphs() -> None:
    long = "扫码下单只是第一步，" * 10 + "后面的履约、售后和复购才决定一家店能走多远。"
    assert furniture_class(long) is None


# --- punctuation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工厂，，仓库", "工厂，仓库"),
        ("工厂，，，仓库", "工厂，仓库"),
        ("真的吗，？", "真的吗？"),
        ("真的吗，?", "真的吗？"),
        ("真的吗,?", "真的吗？"),
        ("首页，,资讯", "首页，资讯"),
        ("结束了。。下一段", "结束了。下一段"),
        ("结束了。，下一段", "结束了。下一段"),
        ("仓库；，工厂", "仓库；工厂"),
        ("真的吗？！", "真的吗？！"),  # the author's own question-exclamation stays
        ("真的？？", "真的？"),
    ],
)
def test_doubled_and_mixed_marks_collapse(text: str, expected: str) -> None:
    assert normalise_punctuation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3,000,000",
        "https://example.com/a?b=1,,2",
        "Hello,, world?!",
        "1,,2",
        "f(x, y)",
        "见……下文",
        "这——那",
    ],
)
def test_numbers_urls_and_latin_keep_their_marks(text: str) -> None:
    assert normalise_punctuation(text) == text


def test_collapse_marks_touches_only_full_width_runs() -> None:
    assert collapse_marks("a,,b") == "a,,b"
    assert collapse_marks("甲，、乙") == "甲，乙"


# --- ruby remnants -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("產(chǎn)業", "產業"),  # whole note
        ("產（chǎn）業", "產業"),  # full-width
        ("產 (chǎn)業", "產業"),  # detached by a space
        ("產chǎn業", "產業"),  # bare: ruby markup stripped with its brackets
        ("產(chǎn業", "產業"),  # closing bracket lost
        ("產chǎn)業", "產業"),  # opening bracket lost
        ("產()業", "產業"),  # emptied by an earlier strip
        ("產（）業", "產業"),
        ("業務（），以及", "業務，以及"),
        ("貨(huò、", "貨、"),
        ("因？yàn）為", "因？為"),  # the '?' stands for a lost character: it stays
    ],
)
def test_every_shape_of_ruby_remnant_is_removed(text: str, expected: str) -> None:
    assert strip_pinyin_annotations(text) == expected


@pytest.mark.parametrize(
    "text",
    ["在café里", "用app下单", "B端(ToB)", "产品(men)", "()在行首", "f()", "產業(chǎn yè)"],
)
def test_text_that_only_looks_like_a_remnant_stays(text: str) -> None:
    assert strip_pinyin_annotations(text) == text


def test_the_pipeline_leaves_no_remnant_or_doubled_mark() -> None:
    raw = "產chǎn業(yè互聯 (lián)網（）的節奏,,是什麼,?平臺()"
    assert clean_text(raw) == "产业互联网的节奏，是什么？平台"
