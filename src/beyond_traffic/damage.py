"""Damage a generated page as unseen sites do: every furniture class, ruby remnants, mojibake."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from beyond_traffic._validate import require_str

__all__ = ["FURNITURE_LINES", "DamagedPage", "damage_page", "garble"]

# Furniture written for the course, one list per class the cleaning knows; {name}, {account},
# {site}, {topic}, {n}, {m} and {headline} are filled in per page.
FURNITURE_LINES: dict[str, tuple[str, ...]] = {
    "author bio": (
        "#零售观察家#{name}，微信公众号：{account}，专栏作家。资深撰稿人，长期关注{topic}。",
        "作者简介：{name}，{topic}研究者，曾在多家平台负责商家运营。",
        "{name}，{account}主笔，特约评论员，关注{topic}与县域经济。",
    ),
    "image credit": (
        "题图来自 {site}，基于CC0协议。",
        "图片来源：{site}",
        "（图片来自网络，侵删）",
        "摄影/{name}",
    ),
    "copyright notice": (
        "本文为{name}原创，未经授权禁止转载。",
        "本文首发于{account}，转载请联系作者获得授权。",
        "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。",
    ),
    "follow prompt": (
        "长按识别二维码，关注{account}",
        "点击上方蓝字关注我们，每周三更新",
        "欢迎关注{account}，获取更多{topic}观察",
    ),
    "counter": (
        "阅读 {n}万 | 点赞 {m} | 评论 {k}",
        "2021-03-08 09:15 浏览：{n}{m}",
        "{m} 人喜欢 · {k} 条评论",
    ),
    "related articles": ("推荐阅读", "往期回顾", "【相关阅读】"),
    "breadcrumb": ("首页 > 资讯 > 正文", "首页，,科技，,正文", "当前位置：首页 / 电商"),
    "tags": ("标签：直播带货 新零售 供应链", "关键词：{topic}，产业带"),
    "pagination": ("上一篇：{headline}", "下一篇：{headline}", "1/3"),
    "disclaimer": ("声明：文章内容仅供参考，不构成投资建议。",),
    "share footer": ("分享：微博 | 微信 | QQ空间", "一键分享"),
}
_SITES = ("Pixabay", "Unsplash", "pexels", "视觉中国")
_ACCOUNTS = ("县域手记", "零售笔记", "产业带观察", "供应链周刊")
_HEADLINES = ("工厂为什么需要自己的数据", "一间直播间的账本", "从产地到餐桌的三天")
_NAMES = ("周岚", "孙立", "何青", "韩露")
_TOPICS = ("新零售", "产业互联网", "县域电商")
_NOTE = re.compile(r"\(([a-zü\u0101-\u01dc]{1,7})\)")
_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class DamagedPage:
    """A page after :func:`damage_page`, with what was done to it.

    Attributes:
        page: the damaged page.
        furniture: ``(class, line)`` for every furniture line added.
        remnants: the ruby remnants made, as they now read (``" (yè)"``, ``"yè)"``, ``"()"``).
        garbled: the mis-decoded spans put in, as they now read (empty when none).

    Example:
        >>> damage_page("產(chǎn)業(yè)很好,對吧?", seed=1).page != ""
        True
    """

    page: str
    furniture: tuple[tuple[str, str], ...]
    remnants: tuple[str, ...]
    garbled: tuple[str, ...]


def garble(text: str, *, encoding: str = "gbk") -> str:
    """``text`` as UTF-8 bytes misread as ``encoding`` (GBK by default); bad bytes become U+FFFD.

    Example:
        >>> garble("马云")
        '椹\\ufffd浜\\ufffd'
    """
    return require_str(text).encode("utf-8").decode(encoding, errors="replace")


def _remnants(rng: random.Random, page: str, share: float) -> tuple[str, list[str]]:
    made: list[str] = []

    def spoil(match: re.Match[str]) -> str:
        after = page[match.end() : match.end() + 1]
        if rng.random() >= share:
            return match.group(0)
        word = match.group(1)
        shapes = [f" ({word})", f"({word}", f"{word})", "()", "（）"]
        if _HAN.match(after):
            shapes.append(word)  # bare: ruby markup stripped with its brackets
        if not _HAN.match(after):
            shapes.remove(f"({word}")  # an unclosed note must not swallow the next word
        shape = rng.choice(shapes)
        made.append(shape)
        return shape

    return _NOTE.sub(spoil, page), made


def _double_marks(rng: random.Random, line: str) -> str:
    def double(match: re.Match[str]) -> str:
        if rng.random() >= 0.3:
            return match.group(0)
        if match.group(0) == "?":
            return rng.choice(["，?", ",?", "，？"])
        return rng.choice(["，，", "，,", ",,"])

    # only between Han characters, where a doubled mark is damage and not a number or a URL
    return re.sub(r"(?<=[\u4e00-\u9fff)])[,?](?=[\u4e00-\u9fff])", double, line)


def damage_page(
    page: str, *, seed: int, remnant_share: float = 0.3, garble_span: bool = False
) -> DamagedPage:
    """Add furniture of every class, ruby remnants, doubled marks and (optionally) mojibake.

    The body lines are the page's non-empty lines; furniture goes above and below them. A
    share of the pinyin notes becomes a remnant of another shape; commas and question marks
    between Han characters are sometimes doubled or mixed (``，,``, ``，?``). With
    ``garble_span``, three to five Han characters of one body line are replaced by their
    UTF-8 bytes read as GBK (:func:`garble`).

    Args:
        page: a noisy page (e.g. ``make_article(seed).noisy``).
        seed: random seed; the same seed gives the same damage.
        remnant_share: share of notes turned into remnants.
        garble_span: whether to put in one mis-decoded span.

    Returns:
        A :class:`DamagedPage`.

    Example:
        >>> damaged = damage_page("直播帶(dài)貨很好,對吧?\\n正文", seed=3)
        >>> len(damaged.furniture) >= len(FURNITURE_LINES)
        True
    """
    require_str(page, name="page")
    rng = random.Random(seed)
    fill = {
        "name": rng.choice(_NAMES),
        "account": rng.choice(_ACCOUNTS),
        "site": rng.choice(_SITES),
        "topic": rng.choice(_TOPICS),
        "headline": rng.choice(_HEADLINES),
        "n": rng.randint(1, 9),
        "m": rng.randint(10, 999),
        "k": rng.randint(1, 99),
    }
    top_classes = ["breadcrumb", "counter", "image credit"]
    furniture = [
        (kind, rng.choice(lines).format(**fill)) for kind, lines in FURNITURE_LINES.items()
    ]
    top = [(k, line) for k, line in furniture if k in top_classes]
    bottom = [(k, line) for k, line in furniture if k not in top_classes]
    rng.shuffle(bottom)
    text, made = _remnants(rng, page, remnant_share)
    lines = [_double_marks(rng, line) for line in text.split("\n")]
    garbled: list[str] = []
    if garble_span:
        candidates = [i for i, line in enumerate(lines) if len(_HAN.findall(line)) > 20]
        if candidates:
            i = rng.choice(candidates)
            runs = [m for m in re.finditer("[\u4e00-\u9fff]{5,}", lines[i])]
            if runs:
                run = rng.choice(runs)
                size = rng.randint(3, min(5, len(run.group(0))))
                start = run.start() + rng.randint(0, len(run.group(0)) - size)
                bad = garble(lines[i][start : start + size])
                lines[i] = lines[i][:start] + bad + lines[i][start + size :]
                garbled.append(bad)
    body = "\n".join(lines)
    page_out = "\n".join([line for _, line in top] + [body] + [line for _, line in bottom])
    return DamagedPage(page_out, tuple(furniture), tuple(made), tuple(garbled))
