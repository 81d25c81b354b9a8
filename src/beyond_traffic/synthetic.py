"""Synthetic noisy articles made from known Simplified text, to test that cleaning generalises."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from beyond_traffic._validate import require_positive_int, require_str
from beyond_traffic.damage import damage_page

__all__ = [
    "PINYIN",
    "SyntheticArticle",
    "add_pinyin_notes",
    "make_article",
    "make_batch",
    "to_halfwidth",
    "to_traditional",
]

# Our own sentences on the course's theme (not taken from the seeds), one per entry.
_SENTENCES = (
    "直播带货让工厂第一次直接面对消费者，产销之间的距离被大大缩短。",
    "对于中小商家来说，流量越来越贵，获客成本已经成为最大的压力。",
    "平台真正要做的，是帮助B端商家提升供应链效率，而不是简单地售卖流量。",
    "很多品牌在直播间里测试新品，再根据用户的反馈调整设计和产量。",
    "如果只看成交额，我们很容易忽略退货率和复购率这两个更重要的指标。",
    "产业互联网的核心在于数字化改造：从采购、生产到物流，每个环节都需要数据的支撑。",
    "为什么有些直播间的销量很高，利润却很低？原因往往在于过度依赖价格补贴。",
    "一位服装厂的老板说，过去一年他们把库存周期从九十天缩短到了三十天。",
    "云计算和大数据并不是口号，它们决定了一家企业能否及时地响应市场的变化。",
    "新零售强调线上和线下的融合，门店不再只是卖货的地方，也是体验和服务的场所。",
    "在这个意义上，直播只是入口；真正的竞争发生在直播间之外。",
    "有人认为直播电商很快就会退潮，也有人认为它会长期存在，双方都拿出了自己的理由。",
    "社交电商依靠熟人关系传播商品，这种模式起步很快，但是很难建立长期的信任。",
    "值得注意的是，SaaS服务商正在把直播工具、会员系统和订单管理打包提供给商家。",
    "当补贴停止以后，用户还会留下来吗？这是每一个平台都必须回答的问题。",
    "我们不能只盯着主播的个人魅力，更要关注背后的选品、质检和售后团队。",
    "数据显示，部分农产品通过直播打开了销路，农民的收入也有了明显的提高。",
    "技术的进步降低了开播的门槛：一部手机、一盏补光灯，就可以开始一场直播。",
    "然而，低门槛也带来了同质化竞争，观众很快就会对千篇一律的话术感到厌倦。",
    "对于制造企业而言，柔性生产能力比一时的爆款更加重要。",
    "区块链可以记录商品从产地到餐桌的全过程，让消费者买得更加放心。",
    "人工智能能够帮助商家预测需求，减少库存积压，也能够为用户推荐合适的商品。",
    "所谓赋能，不是给商家更多的流量，而是给他们更好的工具和方法。",
    "从消费互联网到产业互联网，变化的不只是技术，还有企业的组织方式和思维方式。",
    "一些地方开始培训直播人才（包括主播、运营和客服），希望带动本地产业的发展。",
    "直播间里的讨价还价看起来很热闹，但真正的利润往往来自稳定的老客户。",
    "平台之间的竞争正在从抢夺用户转向服务商家，这被一些研究者称为ToB转向。",
    "如果一个行业的效率没有提高，再多的流量也只能带来短暂的繁荣！",
    "供应链的透明度越高，品牌就越能赢得消费者的长期信任。",
    "未来几年，谁能把数据、物流和服务连成一个整体，谁就更有可能在竞争中胜出。",
    "一家小家电企业在一次直播中卖出了3,000台电暖器，相当于过去一个月的销量。",
    "每天晚上8:30，主播准时开播，观众已经习惯了这个时间。",
)
_HEADINGS = (
    "直播只是入口",
    "流量之外的竞争",
    "从卖货到赋能",
    "数据决定效率",
    "供应链才是关键",
    "新零售的新机会",
    "谁在为商家服务",
    "工厂走进直播间",
)
_HEADLINES = (
    "多家平台发布商家扶持计划，降低中小商家开店门槛",
    "研究报告称农产品直播销量同比增长",
    "物流企业加快建设智能仓储网络",
    "某品牌宣布关闭部分线下门店，转向线上运营",
    "专家解读：产业互联网如何帮助传统工厂转型",
    "电商平台推出新规，严查直播间虚假宣传",
    "云服务商发布零售行业解决方案",
    "消费者协会提醒：直播购物要注意保留凭证",
    "新能源汽车企业尝试直播卖车，效果如何？",
    "跨境电商迎来新的增长机会",
)
_DISCLAIMERS = (
    "免责声明：本网站内容来自作者投稿，仅供参考，不构成任何投资建议。",
    "本文来源于网络，仅用于学习交流，如有侵权请联系删除。",
    "声明：本文仅代表作者个人观点，不代表本站立场。",
)
_NAMES = ("李明", "王芳", "张伟", "陈静", "刘洋", "赵磊")
_TOPICS = ("直播电商", "新零售", "产业互联网", "社交电商")
_BIO = "作者：{name}，科技专栏作者，长期关注零售行业。转载请注明出处，违者必究。"
_SHARE = ("分享到微信 ×", "打开微信，点击底部的“发现”，", "使用“扫一扫”即可将网页分享至朋友圈。")
_PLUGS = ("关注公号：{account} 关注更多： {topic}", "扫码关注公众号，获取更多行业资讯")
_CONTACTS = ("投稿邮箱：{email}", "如有侵权请联系邮箱{email}进行删除。", "商务合作：{phone}")

# Readings of the Traditional characters this module produces, as the reading used in the
# sentences above. Polyphones whose reading varies in them (為, 還, 長) and neutral-tone
# characters (們, 嗎, 麼, 著) are left out, as the converter behind the seeds left them out.
_PINYIN_TABLE = """
    並bìng 佈bù 來lái 係xì 倉cāng 個gè 偉wěi 傳chuán 僅jǐn 價jià
    儲chǔ 內nèi 兩liǎng 刪shān 劃huà 劉liú 動dòng 務wù 勝shèng 區qū
    協xié 卻què 厭yàn 參cān 員yuán 問wèn 單dān 嘗cháng 嚴yán 團tuán
    報bào 場chǎng 塊kuài 壓yā 夠gòu 奪duó 學xué 將jiāng 專zhuān 對duì
    帶dài 幫bāng 幾jǐ 庫kù 廠chǎng 張zhāng 強qiáng 後hòu 從cóng 復fù
    慣guàn 憑píng 應yìng 戶hù 掃sǎo 採cǎi 搶qiǎng 撐chēng 擊jī 據jù
    數shù 於yú 時shí 暫zàn 會huì 業yè 榮róng 構gòu 標biāo 機jī
    檢jiǎn 檻kǎn 欄lán 權quán 決jué 沒méi 減jiǎn 測cè 準zhǔn 潤rùn
    熱rè 燈dēng 營yíng 爭zhēng 獲huò 現xiàn 環huán 產chǎn 當dāng 發fā
    盞zhǎn 眾zhòng 碼mǎ 種zhǒng 稱chēng 積jī 穩wěn 競jìng 節jié 簡jiǎn
    組zǔ 絡luò 給gěi 統tǒng 經jīng 維wéi 網wǎng 線xiàn 縮suō 織zhī
    繫xì 纔cái 義yì 習xí 聯lián 聲shēng 臺tái 薦jiàn 處chù 虛xū
    號hào 衆zhòng 術shù 裏lǐ 補bǔ 裝zhuāng 裡lǐ 製zhì 規guī 觀guān
    訂dìng 計jì 訊xùn 討tǎo 訓xùn 記jì 設shè 註zhù 試shì 話huà
    認rèn 說shuō 誰shéi 調tiáo 請qǐng 謂wèi 證zhèng 議yì 讀dú 變biàn
    讓ràng 貨huò 責zé 貴guì 買mǎi 費fèi 貼tiē 資zī 賣mài 賦fù
    質zhì 賴lài 購gòu 贏yíng 趙zhào 車chē 載zǎi 轉zhuǎn 農nóng 這zhè
    連lián 週zhōu 進jìn 運yùn 過guò 違wéi 適shì 選xuǎn 郵yóu 銷xiāo
    錄lù 鍵jiàn 鏈liàn 門mén 閉bì 雲yún 電diàn 靜jìng 響xiǎng 頁yè
    須xū 預yù 題tí 額é 顯xiǎn 饋kuì 驗yàn 體tǐ 鬧nào 點diǎn
    闆bǎn 陳chén 隊duì 雙shuāng 離lí 難nán 開kāi 間jiān 關guān
"""

#: Traditional character → its pinyin with tone mark, for the characters the generator uses.
PINYIN: dict[str, str] = {item[0]: item[1:] for item in _PINYIN_TABLE.split()}

_FULL_TO_HALF = str.maketrans("，；：？！（）", ",;:?!()")
_CONFIGS = ("s2t", "s2tw")


@dataclass(frozen=True)
class SyntheticArticle:
    """A generated article: the clean text we wrote and the noisy page made from it.

    Attributes:
        seed: the random seed that produced it (same seed, same article).
        script: ``"s2t"`` or ``"s2tw"`` (converted to Traditional) or ``"simplified"``.
        original: the clean Simplified body, one paragraph (or heading) per line.
        noisy: the page as a scraper would see it.
        furniture: with ``damaged=True``, ``(class, line)`` for the extra furniture lines added
            (one of every class :mod:`beyond_traffic.damage` writes); else empty.
        garbled: with ``garbled=True``, the mis-decoded spans put in (they are not in
            ``original``'s place: the cleaning keeps them and the audit names them).

    Example:
        >>> make_article(1).seed
        1
    """

    seed: int
    script: str
    original: str
    noisy: str
    furniture: tuple[tuple[str, str], ...] = ()
    garbled: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str, *, config: str = "s2t") -> str:
    """Convert Simplified text to Traditional with OpenCC (``s2t`` or ``s2tw``).

    Example:
        >>> to_traditional("产业互联网")
        '產業互聯網'
    """
    require_str(text)
    if config not in _CONFIGS:
        raise ValueError(f"config must be one of {_CONFIGS}, got {config!r}")
    return _converter(config).convert(text)


def add_pinyin_notes(text: str, *, rate: float = 1.0, seed: int = 0) -> str:
    """Put ``(pinyin)`` after characters listed in :data:`PINYIN`, as the seeds' converter did.

    Args:
        text: Traditional text.
        rate: share of the listed characters that get a note (0 to 1).
        seed: random seed choosing which ones.

    Example:
        >>> add_pinyin_notes("產業互聯網")
        '產(chǎn)業(yè)互聯(lián)網(wǎng)'
    """
    require_str(text)
    if isinstance(rate, bool) or not isinstance(rate, (int, float)):
        raise TypeError(f"rate must be a number, got {type(rate).__name__}")
    if not 0 <= rate <= 1:
        raise ValueError(f"rate must be between 0 and 1, got {rate}")
    rng = random.Random(seed)
    out = []
    for ch in text:
        out.append(ch)
        if ch in PINYIN and rng.random() < rate:
            out.append(f"({PINYIN[ch]})")
    return "".join(out)


def to_halfwidth(text: str) -> str:
    """Turn full-width ``，；：？！（）`` into half-width, as many scraped pages have them.

    Example:
        >>> to_halfwidth("是什么？（见下文）")
        '是什么?(见下文)'
    """
    return require_str(text).translate(_FULL_TO_HALF)


def _paragraph(rng: random.Random, pool: list[str]) -> str:
    k = min(len(pool), rng.randint(2, 4))
    return "".join(pool.pop() for _ in range(k))


def _is_hanzi(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def _break_inside(rng: random.Random, paragraph: str) -> str:
    """Insert a stray line break inside a sentence, as scrapers do around images and ads."""
    first_end = min((paragraph.find(m) for m in "。？！" if m in paragraph), default=-1)
    if rng.random() < 0.5:
        # after a 的 in the first sentence: the fragment ends on a function character
        spots = [i + 1 for i, ch in enumerate(paragraph[: max(first_end, 0)]) if ch == "的"]
    else:
        # anywhere between two characters after the first sentence end
        spots = [
            i
            for i in range(first_end + 2, len(paragraph) - 2)
            if first_end > 0 and _is_hanzi(paragraph[i - 1]) and _is_hanzi(paragraph[i])
        ]
    spots = [i for i in spots if _is_hanzi(paragraph[i : i + 1])]
    if not spots:
        return paragraph
    i = rng.choice(spots)
    return paragraph[:i] + rng.choice(["\n", "\n\n", "\n\n\n"]) + paragraph[i:]


def _furniture(rng: random.Random) -> list[str]:
    name = rng.choice(_NAMES)
    user = f"{rng.choice(['li', 'wang', 'zhang', 'chen'])}{rng.randint(10, 9999)}"
    email = f"{user}@{rng.choice(['qq.com', '163.com', 'example.com'])}"
    phone = f"1{rng.choice('3589')}{rng.randint(0, 9)} {rng.randint(1000, 9999)} "
    phone += f"{rng.randint(1000, 9999)}"
    account = f"{rng.choice(['redsh', 'retail', 'ebiz'])}{rng.choice(['com', 'news', 'cn'])}"
    blocks = {
        "bio": [_BIO.format(name=name)],
        "headlines": ["- " + h for h in rng.sample(_HEADLINES, rng.randint(3, 7))],
        "disclaimer": [rng.choice(_DISCLAIMERS)],
        "pagination": [f"共{rng.randint(2, 5)}页 [1] [2] 下一页"],
        "share": list(_SHARE),
        "plug": [rng.choice(_PLUGS).format(account=account, topic=rng.choice(_TOPICS))],
        "contact": [rng.choice(_CONTACTS).format(email=email, phone=phone)],
    }
    chosen = rng.sample(sorted(blocks), rng.randint(3, len(blocks)))
    if rng.random() < 0.5 and "headlines" in chosen:
        blocks["headlines"].insert(0, "相关阅读")
    return [line for key in chosen for line in blocks[key]]


def make_article(
    seed: int, *, paragraphs: int = 5, damaged: bool = False, garbled: bool = False
) -> SyntheticArticle:
    """Generate one noisy article from our own Simplified sentences.

    The clean text (title or none, paragraphs of 2–4 sentences, a few headings) gets page
    furniture (by-line, bio, related headlines, disclaimer, pagination, share footer,
    public-account plug, an e-mail or phone number), stray and blank line breaks, then is
    converted to Traditional (``s2t`` or ``s2tw``, or left Simplified), annotated with pinyin
    and given half-width punctuation. Furniture is added before conversion because real pages
    convert and annotate the whole page (A1's headline list carries notes too).

    Args:
        seed: random seed; the same seed always gives the same article.
        paragraphs: number of body paragraphs.
        damaged: also add one line of every furniture class, ruby remnants (detached, bare,
            broken and emptied notes) and doubled or mixed marks (``，,``, ``，?``), as
            :func:`beyond_traffic.damage.damage_page` does; the default pages are unchanged.
        garbled: also replace three to five characters of one paragraph by their UTF-8 bytes
            read as GBK (implies ``damaged``).

    Returns:
        A :class:`SyntheticArticle`.

    Example:
        >>> a = make_article(7)
        >>> a.noisy != a.original and a.original.count(chr(10)) >= 4
        True
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be int, got {type(seed).__name__}")
    require_positive_int(paragraphs, name="paragraphs")
    rng = random.Random(seed)
    pool = list(_SENTENCES)
    rng.shuffle(pool)
    headings = list(_HEADINGS)
    rng.shuffle(headings)

    body: list[str] = []
    for i in range(paragraphs):
        if i > 0 and headings and rng.random() < 0.3:
            body.append(headings.pop())
        if not pool:
            pool = list(_SENTENCES)
            rng.shuffle(pool)
        body.append(_paragraph(rng, pool))

    title = headings.pop() if headings else "直播电商观察"
    top: list[str] = []
    style = rng.choice(["original title", "title", "none"])
    if style == "original title":
        top = [f"原标题：{title}", f"文/{rng.choice(_NAMES)}"]
    elif style == "title":
        body.insert(0, title)
        if rng.random() < 0.5:
            top = [f"文/{rng.choice(_NAMES)}"]
    original = "\n".join(body)

    laid_out = [_break_inside(rng, p) if rng.random() < 0.3 else p for p in body]
    if rng.random() < 0.3:
        laid_out = ["\u3000\u3000" + p for p in laid_out]
    separator = rng.choice(["\n", "\n\n"])
    page = separator.join(top + laid_out + _furniture(rng))
    if rng.random() < 0.5:
        page = "\n\n" + page + "\n"

    script = rng.choice(["s2t", "s2tw", "simplified"])
    if script != "simplified":
        page = to_traditional(page, config=script)
        page = add_pinyin_notes(page, rate=rng.uniform(0.5, 1.0), seed=rng.randrange(2**32))
    page = to_halfwidth(page)
    if not (damaged or garbled):
        return SyntheticArticle(seed=seed, script=script, original=original, noisy=page)
    hurt = damage_page(page, seed=seed, garble_span=garbled)
    return SyntheticArticle(seed, script, original, hurt.page, hurt.furniture, hurt.garbled)


def make_batch(n: int, *, start: int = 0, paragraphs: int = 5) -> list[SyntheticArticle]:
    """Generate ``n`` articles with seeds ``start``, ``start + 1``, ….

    Example:
        >>> [a.seed for a in make_batch(3, start=10)]
        [10, 11, 12]
    """
    require_positive_int(n, name="n")
    if isinstance(start, bool) or not isinstance(start, int):
        raise TypeError(f"start must be int, got {type(start).__name__}")
    return [make_article(start + i, paragraphs=paragraphs) for i in range(n)]
