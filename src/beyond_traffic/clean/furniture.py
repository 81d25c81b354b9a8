"""Step 5 of the cleaning: page furniture, recognised line by line by class (bios, credits, …)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from beyond_traffic._validate import require_str
from beyond_traffic.clean.spans import Change, Logged

__all__ = [
    "FURNITURE_CLASSES",
    "FurnitureClass",
    "furniture_class",
    "remove_furniture",
    "remove_furniture_logged",
]


@dataclass(frozen=True)
class FurnitureClass:
    """One kind of page furniture and the rule that recognises its lines.

    Attributes:
        name: the class's name, as the audit reports it (``"image credit"``).
        example: a course-written example line, for documentation and tests.
        matches: takes a stripped line (Simplified), says whether it is of this class.
        limit: the rule fires only on lines of at most this many characters (``None``: any);
            rules that could hit body text get a limit, so a paragraph that mentions 微信 stays.

    Example:
        >>> FURNITURE_CLASSES[0].name
        'original title'
    """

    name: str
    example: str
    matches: Callable[[str], bool]
    limit: int | None = None


def _search(*patterns: str) -> Callable[[str], bool]:
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns))
    return lambda line: pattern.search(line) is not None


_COLON = r"\s*[:：]"
_ROLE = (
    r"专栏作[家者]|撰稿人|签约作者|特约作者|特约评论员|自媒体人|博主|主笔|资深编辑|创始人"
    r"|研究员|分析师|评论员|观察家|知名作家|行业专家"
)
_WRITER = r"专栏作[家者]|撰稿人|签约作者|特约(?:作者|评论员|撰稿人)|主笔|自媒体人"
_ACCOUNT = rf"(?:微信)?公众号{_COLON}|个人微信|微博{_COLON}|知乎{_COLON}"
_LABEL = r"^#[^#\s]{1,12}#"  # a column label: #专栏作家#
_NAME_COMMA = r"^[\u3400-\u9fff]{2,4}[，,]"
# Counters: "阅读 2.3万", "12 赞", "评论(8)"; a counter line is made of them and separators.
_COUNT_WORD = (
    r"(?:阅读|浏览|点赞|赞|评论|留言|收藏|转发|分享|在看|喜欢|播放|围观|人气)(?:量|数|次数)?"
)
_NUMBER = r"\d[\d.,]*\s*[万千百kKwW]?\+?"
_COUNTER = re.compile(
    rf"{_COUNT_WORD}\s*[:：]?\s*[(（]?\s*{_NUMBER}\s*[)）]?|{_NUMBER}\s*(?:次|人|条)?\s*{_COUNT_WORD}"
)
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}:\d{2}(?::\d{2})?")
_HAN = re.compile("[\u3400-\u9fff]")


def _is_counter_line(line: str) -> bool:
    if not _COUNTER.search(line):
        return False
    rest = _DATE.sub("", _COUNTER.sub("", line))
    # What is left is separators (| · / spaces) and at most a unit or a label such as 次 or 今日.
    return len(_HAN.findall(rest)) <= 2 and not re.search(r"[A-Za-z]{3,}", rest)


def _is_bio_line(line: str) -> bool:
    if re.search(rf"^(?:作者(?:简介|介绍)?|关于作者){_COLON}", line) or re.match(_LABEL, line):
        return True
    if len(line) > 150 or len(re.findall("[。！？]", line)) > 3:
        return False
    # A person with an account label (公众号：…), or a name, a comma and a writer's role: a
    # source quoted in the body ("李华，一家袜厂的创始人，…") has neither.
    labelled = re.search(_ROLE, line) and re.search(_ACCOUNT, line)
    return bool(labelled or (re.match(_NAME_COMMA, line) and re.search(_WRITER, line)))


#: The classes, in the order they are tried; the first that matches names the line.
FURNITURE_CLASSES: tuple[FurnitureClass, ...] = (
    FurnitureClass("original title", "原标题：县城里的直播间", _search(rf"^原标题{_COLON}")),
    FurnitureClass(
        "by-line",
        "文/林晓舟",
        _search(
            r"^(?:文|撰文|作者|编辑|责编|责任编辑|来源|记者|出品|策划|校对|审核|审校|排版|美编"
            r"|实习生|通讯员|编译|翻译|口述|整理)\s*[/／|｜:：]"
        ),
        30,
    ),
    FurnitureClass(
        "author bio", "#县域观察家#周岚，微信公众号：县域手记，专栏作家。", _is_bio_line
    ),
    FurnitureClass(
        "image credit",
        "题图来自 Pixabay，基于CC0协议。",
        _search(
            r"^[(（]?(?:题图|头图|封面图?|配图|插图|图片|图|摄影|图源|视频)\s*(?:来自|来源(?:于)?|由|@|[:：/｜|])",
            r"(?:基于|遵循|采用)\s*CC\s*-?\s*(?:0|BY)|CC0\s*协议|图片(?:均)?(?:来源于|来自)(?:网络|互联网)",
        ),
        80,
    ),
    FurnitureClass(
        "copyright notice",
        "本文为作者原创，未经授权禁止转载。",
        _search(
            r"转载请|版权所有|违者必究|未经(?:授权|许可|同意).{0,10}(?:转载|使用|摘编)",
            r"禁止转载|谢绝转载|著作权归|版权归.{0,20}所有|©|[Cc]opyright",
            r"^本文(?:转载|转)自|^本文首发(?:于|在)|^本文(?:系|为|是).{0,12}原创|原创(?:文章|稿件)",
        ),
        100,
    ),
    FurnitureClass(
        "disclaimer",
        "免责声明：本文仅代表作者个人观点，与本站无关。",
        _search(
            r"^免责声明|免责声明\s*[:：]|^声明\s*[:：]|^本网站|本文来源(?:于)?网络|如有侵权",
            r"侵权请?(?:随时)?联系|不代表本(?:站|网|平台|号)(?:的)?(?:观点|立场)|仅代表作者(?:个人)?观点",
            r"(?:文章|本文)(?:内容)?仅供参考|不构成(?:任何)?投资建议|投资有风险",
        ),
    ),
    FurnitureClass("counter", "阅读 2.3万 | 点赞 516 | 评论(12)", _is_counter_line, 60),
    FurnitureClass(
        "follow prompt",
        "长按二维码关注我们，每天一篇县域观察",
        _search(
            r"关注(?:微信)?公(?:众)?号|(?:微信)?公众号\s*[:：]|关注更多|关注我们|欢迎(?:关注|订阅)",
            r"扫码|扫描.{0,6}二维码|二维码|长按(?:识别|关注)|点击(?:上方|下方|右上角|关注|阅读原文)",
            r"(?:请|记得|欢迎|顺手|帮忙)点个?(?:赞|在看)|点个?(?:赞|在看)(?:、|和|，|,)?(?:转发|分享|关注)",
            r"订阅(?:我们|本号)",
        ),
        60,
    ),
    FurnitureClass(
        "related articles",
        "相关阅读",
        _search(
            r"^(?:相关|推荐|延伸|热门|更多|往期|精彩)(?:阅读|文章|新闻|推荐|内容|回顾)",
            r"^猜你喜欢|^[【\[](?:相关|推荐|延伸|往期|热门)",
        ),
        20,
    ),
    FurnitureClass("related articles", "- 一双袜子的数字化之旅", _search(r"^[-–•·*▪►]\s*\S"), 80),
    FurnitureClass(
        "breadcrumb",
        "首页 > 资讯 > 正文",
        _search(r"^(?:首页|主页|当前位置\s*[:：])\s*[>›»/，,|｜]", r"^当前位置\s*[:：]"),
        60,
    ),
    FurnitureClass(
        "tags",
        "标签：直播带货 产业带",
        _search(r"^(?:标签|关键词|关键字|[Tt][Aa][Gg][Ss]?)\s*[:：]"),
        80,
    ),
    FurnitureClass(
        "pagination",
        "共2页 上一页 [1] [2] 下一页",
        _search(
            r"^共\s*\d+\s*页|^第\s*\d+\s*页|\[\d+\]\s*\[\d+\]|上一页|下一页",
            r"^(?:上一篇|下一篇)|^(?:首页|尾页|末页)\s*(?:$|[|｜/>›»\[])|^\d+\s*/\s*\d+$",
            r"返回(?:首页|顶部|列表)",
        ),
        40,
    ),
    FurnitureClass(
        "contact line",
        "投稿邮箱：",
        _search(
            r"^(?:投稿|联系|商务合作|广告合作)(?:邮箱|电话|方式)?\s*[:：]",
            r"^(?:邮箱|电子邮件|电话|手机|微信|QQ|[Ee]-?mail)\s*[:：]",
        ),
        40,
    ),
    FurnitureClass(
        "share footer",
        "分享到：微博 | 微信 | QQ空间",
        lambda line: bool(
            re.search(
                r"分享到|分享至|扫一扫|朋友圈|点击底部|打开微信|一键分享|^分享\s*[:：]?$", line
            )
            or re.search(
                r"(?:微博|微信|QQ空间|QQ好友|豆瓣|复制链接)(?:\s*[|｜/、·]\s*\S{2,4}){2,}", line
            )
        ),
        40,
    ),
)


def furniture_class(line: str) -> str | None:
    """The name of the furniture class ``line`` belongs to, or ``None`` for body text.

    Example:
        >>> furniture_class("题图来自 Pixabay，基于CC0协议。")
        'image credit'
        >>> furniture_class("直播带货是一种营销。") is None
        True
    """
    stripped = require_str(line, name="line").strip(" \t\u3000\xa0")
    if not stripped:
        return None
    for kind in FURNITURE_CLASSES:
        if kind.limit is not None and len(stripped) > kind.limit:
            continue
        if kind.matches(stripped):
            return kind.name
    return None


def remove_furniture_logged(text: str) -> Logged:
    """:func:`remove_furniture` with its edits (each removed line, in order).

    Example:
        >>> remove_furniture_logged("文/林晓舟\\n正文。")[1]
        [('文/林晓舟', '')]
    """
    kept: list[str] = []
    changes: list[Change] = []
    for line in text.split("\n"):
        if line.strip() and furniture_class(line) is not None:
            changes.append((line, ""))
        else:
            kept.append(line)
    return "\n".join(kept), changes


def remove_furniture(text: str) -> str:
    """Remove page furniture: whole lines that belong to the web page, not to the article.

    Lines are recognised by class (:data:`FURNITURE_CLASSES`), each a general pattern: original
    title, by-lines, author and column bios (``#专栏作家#…``, ``作者简介：…``, a name, a role and
    an account), image and photo credits (``题图来自…``, ``基于CC0协议``), copyright and repost
    notices, disclaimers, follow and QR prompts, view/like/comment counters, related-article
    lists, breadcrumbs, tags, pagination, contact lines and share footers. Rules match kinds of
    lines, never positions, so they apply to unseen pages. Works on lines: run it before
    :func:`normalise_lines` joins anything.

    Args:
        text: text with one paragraph or furniture item per line.

    Returns:
        The text without furniture lines (other lines untouched).

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> remove_furniture("文/孟永辉\\n直播带货是一种营销方式。\\n阅读 1.2万 | 点赞 30")
        '直播带货是一种营销方式。'
    """
    return remove_furniture_logged(require_str(text))[0]
