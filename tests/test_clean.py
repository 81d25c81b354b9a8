"""Tests for beyond_traffic.clean: each step, the pipeline on the corpus, the audit, bad input."""

from __future__ import annotations

import re

import opencc
import pandas as pd
import pytest

from beyond_traffic import clean
from beyond_traffic.clean import (
    STEPS,
    StepReport,
    apply_errata,
    audit,
    audit_corpus,
    clean_text,
    normalise_lines,
    normalise_punctuation,
    redact_personal_data,
    remove_furniture,
    strip_pinyin_annotations,
    to_simplified,
)
from beyond_traffic.corpus import get_article, load_corpus
from beyond_traffic.errata import load_errata

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
STEP_FUNCTIONS = [fn for _, fn in STEPS]


def _cc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# --- strip_pinyin_annotations -----------------------------------------------------------------


def test_pinyin_notes_are_removed() -> None:
    assert strip_pinyin_annotations("產(chǎn)業(yè)互聯(lián)網(wǎng)") == "產業互聯網"
    assert strip_pinyin_annotations("綠(lǜ)色") == "綠色"
    assert strip_pinyin_annotations("產（chǎn）業") == "產業"  # full-width parentheses too


@pytest.mark.parametrize(
    "text",
    [
        "直播電商中的(ToB)屬性",  # real parenthetical text
        "直播带货（见下文）",  # full-width, Chinese content
        "咖啡(café)很好",  # one accent, but not a pinyin syllable
        "(chǎn)在行首",  # no CJK character before it
        "ToB(chǎn)",  # a note after a Latin letter is mojibake, not a note: left for the errata
        "他們(men)",  # no tone mark: the issue asks to remove toned syllables only
        "產業(chǎn yè)",  # two syllables: not what the converter writes
    ],
)
def test_real_parentheses_stay(text: str) -> None:
    assert strip_pinyin_annotations(text) == text


# --- apply_errata ------------------------------------------------------------------------------


def test_errata_repair_garbled_spans_in_context() -> None:
    for erratum in load_errata():
        text = f"前文{erratum.garbled}后文"
        assert apply_errata(text) == f"前文{erratum.correction}后文"


def test_errata_leave_other_text_alone() -> None:
    text = "因為現在的直播帶貨?是的!"
    assert apply_errata(text) == text


# --- to_simplified -----------------------------------------------------------------------------


def test_traditional_becomes_simplified() -> None:
    assert to_simplified("產業互聯網的節奏") == "产业互联网的节奏"
    assert to_simplified("有著很大的區別，隨著直播") == "有着很大的区别，随着直播"


@pytest.mark.parametrize("word", ["显著", "著名", "著作", "土著", "卓著"])
def test_zhu_meaning_notable_stays(word: str) -> None:
    assert to_simplified(word) == word
    assert to_simplified(_cc("s2t").convert(word)) == word


def test_simplified_articles_pass_unchanged() -> None:
    for article_id in ("A2", "A5"):
        raw = get_article(article_id).raw
        assert to_simplified(raw) == raw


def test_tw2s_is_chosen_by_evidence_on_the_corpus() -> None:
    """t2s and hk2s leave the particle 著 in the corpus; tw2s converts it, and nothing else."""
    assert clean.OPENCC_CONFIG == "tw2s"
    for article_id in ("A1", "A3", "A4"):
        text = strip_pinyin_annotations(apply_errata(get_article(article_id).raw))
        t2s, hk2s, tw2s = (_cc(c).convert(text) for c in ("t2s", "hk2s", "tw2s"))
        assert t2s == hk2s
        assert "著" in t2s and "著" not in tw2s
        diffs = {(a, b) for a, b in zip(t2s, tw2s, strict=True) if a != b}
        assert diffs == {("著", "着")}


# --- redact_personal_data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请联系邮箱710911939@qq.com进行删除。", "请联系邮箱进行删除。"),
        ("投稿：li.ming+news@example.com.cn", "投稿："),
        ("电话13812345678或138 1234 5678", "电话或"),
        ("热线+86 139-1234-5678。", "热线。"),
        ("座机010-12345678，或（0571）8888 8888", "座机，或"),
        ("QQ：123456789", ""),
    ],
)
def test_personal_data_is_removed(text: str, expected: str) -> None:
    assert redact_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2020年淘宝直播目标GMV已经调至5000亿元",
        "卖出了3,000台，用户数从8万到50万",
        "成交占比超过60%，2011年出版",
        "订单号20201111123456",
    ],
)
def test_numbers_that_are_not_personal_stay(text: str) -> None:
    assert redact_personal_data(text) == text


# --- remove_furniture --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "原标题：流量之外，产业互联网下的直播带货新方向",
        "原标题:流量之外",
        "文/孟永辉",
        "作者：孟永辉，资深撰稿人，专栏作家。支持保留作者来源的分享，转载请保留作者版权信息，违者必究。",
        "免责声明：本网站内容主要来自原创、合作伙伴供稿和第三方自媒体作者投稿。",
        "本文来源网络，不用于任何商业用途，如有侵权请随时联系邮箱进行删除。",
        "- 蜜度索骥：以跨模态检索技术助力企宣向上生长",
        "相关阅读",
        "共2页 [1] [2] 下一页",
        "分享到微信 ×",
        "打开微信，点击底部的“发现”，",
        "使用“扫一扫”即可将网页分享至朋友圈。",
        "关注公号：redshcom 关注更多： 淘宝直播",
        "投稿邮箱：",
    ],
)
def test_furniture_lines_are_removed(line: str) -> None:
    body = "直播是定语修饰，电商是本质。"
    assert remove_furniture(f"{body}\n{line}\n{body}") == f"{body}\n{body}"


@pytest.mark.parametrize(
    "line",
    [
        "直播带货的产业互联网逻辑",  # a heading
        "移动端的流量在不断地增长，所以才会有微信端流量不断地暴增，很多商家开始在朋友圈里做生意，"
        "这种方式依靠熟人关系传播商品。",  # a long paragraph that mentions WeChat
        "文化产业的发展需要新的思路。",  # starts with 文 but is no by-line
        "作者认为，直播带货仅仅只是一个开始。",  # 作者 without a colon
    ],
)
def test_body_lines_stay(line: str) -> None:
    assert remove_furniture(line) == line


# --- normalise_punctuation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("流量之外,产业互联网", "流量之外，产业互联网"),
        ("节奏究竟是什么?", "节奏究竟是什么？"),
        ("传统企业的瓶颈:如果", "传统企业的瓶颈：如果"),
        ("为商品打开销路;从长远", "为商品打开销路；从长远"),
        ("演化成了大平台!", "演化成了大平台！"),
        ("直播电商中的(ToB)属性", "直播电商中的（ToB）属性"),
        ("ToB(企业服务)", "ToB（企业服务）"),
        ("关注更多: 淘宝直播", "关注更多：淘宝直播"),
        ("ＧＭＶ超过６０%", "GMV超过60%"),
    ],
)
def test_half_width_marks_in_chinese_become_full_width(text: str, expected: str) -> None:
    assert normalise_punctuation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "卖出了3,000台",
        "每天晚上8:30开播",
        "见https://example.com/a?b=1",
        "函数f(x)的值",
        "Hello, world! (ToB)",
        "（见下文）",
    ],
)
def test_ascii_runs_keep_half_width(text: str) -> None:
    assert normalise_punctuation(text) == text


# --- normalise_lines ---------------------------------------------------------------------------


def test_stray_breaks_are_joined_and_blank_lines_dropped() -> None:
    text = (
        "\n\n直播带货，产业互联网的前奏曲\n\n"
        "那就看看直播带货吧！直播\n\n\n\n带货仅仅只是开始。\n\n"
        "当直播带货风靡的时候，我们看到的\n\n是一场反思。\n"
    )
    assert normalise_lines(text) == (
        "直播带货，产业互联网的前奏曲\n"
        "那就看看直播带货吧！直播带货仅仅只是开始。\n"
        "当直播带货风靡的时候，我们看到的是一场反思。"
    )


def test_headings_and_paragraphs_keep_their_lines() -> None:
    text = (
        "直播终将服务于电商\r\n  过去大半年，直播电商赛道人头攒动。\r\n"
        "\u3000\u3000技术优势背后的To B思维"
    )
    assert normalise_lines(text).split("\n") == [
        "直播终将服务于电商",
        "过去大半年，直播电商赛道人头攒动。",
        "技术优势背后的To B思维",
    ]


def test_a_line_starting_with_punctuation_is_joined() -> None:
    assert normalise_lines("直播带货\n，其实是前奏曲。") == "直播带货，其实是前奏曲。"


# --- the pipeline ------------------------------------------------------------------------------


def test_steps_are_ordered_public_functions() -> None:
    names = [name for name, _ in STEPS]
    assert names == [
        "apply_errata",
        "strip_pinyin_annotations",
        "to_simplified",
        "redact_personal_data",
        "remove_furniture",
        "normalise_punctuation",
        "normalise_lines",
    ]
    for name, fn in STEPS:
        assert getattr(clean, name) is fn and fn.__name__ == name and fn.__doc__


def test_clean_text_is_the_steps_in_order() -> None:
    raw = get_article("A1").raw
    text = raw
    for _, step in STEPS:
        text = step(text)
    assert clean_text(raw) == text


def test_order_matters_errata_before_notes() -> None:
    # Stripping first also strips the broken notes inside the garbled spans (yàn), so the
    # errata no longer match and a '?' for a lost character stays in the text.
    raw = get_article("A1").raw
    stripped_first = apply_errata(strip_pinyin_annotations(raw))
    repaired_first = strip_pinyin_annotations(apply_errata(raw))
    for erratum in load_errata():
        if erratum.article == "A1":
            assert erratum.correction in repaired_first
    assert "减少决策" not in stripped_first and "因?" in stripped_first


def test_order_matters_notes_before_opencc() -> None:
    # OpenCC converts phrases: tw2s keeps 著 only in listed words such as 著名, and a note
    # between the two characters hides the word
    noted = "著(zhù)名的品牌"
    assert to_simplified(strip_pinyin_annotations(noted)) == "著名的品牌"
    assert strip_pinyin_annotations(to_simplified(noted)) == "着名的品牌"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_corpus_clean_equals_clean_text(corpus) -> None:
    for article in corpus:
        assert article.clean == clean_text(article.raw)
        assert clean_text(article.clean) == article.clean, "cleaning is idempotent"


def test_no_pinyin_or_mojibake_left(corpus) -> None:
    for article in corpus:
        assert not re.search(f"[{TONED}]", article.clean), article.id
        assert "?" not in article.clean and "\ufffd" not in article.clean, article.id
        assert "€" not in article.clean


@pytest.mark.parametrize(
    "marker",
    ["免责声明", "共2页", "下一页", "分享到", "关注公号", "@", "原标题", "文/", "作者：", "转载"],
)
def test_no_furniture_left(corpus, marker: str) -> None:
    for article in corpus:
        assert marker not in article.clean, (article.id, marker)
        assert not EMAIL.search(article.clean)
        assert not any(line.startswith("- ") for line in article.clean.split("\n"))


def test_no_traditional_characters_left(corpus) -> None:
    for config in ("t2s", "tw2s", "hk2s"):
        converter = _cc(config)
        for article in corpus:
            assert converter.convert(article.clean) == article.clean, (article.id, config)


def test_one_paragraph_per_line(corpus) -> None:
    for article in corpus:
        lines = article.clean.split("\n")
        assert all(line and line == line.strip() for line in lines), article.id
        raw_lines = [line for line in article.raw.split("\n") if line.strip()]
        assert len(lines) < len(raw_lines), article.id  # furniture or stray breaks went


@pytest.mark.parametrize(
    ("article_id", "phrase"),
    [
        ("A1", "直播带货扮演的角色其实是一个切入点的作用"),
        ("A1", "因为现在的直播带货早就已经脱离了传统意义上的产品体验的阶段"),
        ("A1", "他们可以减少决策失误"),
        ("A1", "并不是因为它是一个伪命题"),
        ("A2", "产业互联网的大潮下，直播带货落幕是必然"),
        ("A2", "那就看看直播带货吧！直播带货仅仅只是"),
        ("A3", "直播电商，直播是定语修饰，电商是本质。"),
        ("A3", "会出现很多这样的情况」淘宝内容社交互动团队技术负责人梁舒"),
        ("A3", "是不是只要有了流量入口就能通过直播电商成功变现？」"),
        ("A4", "产业互联网的节奏究竟是什么？"),
        ("A5", "用户数也非常高，直接从8万到50万。"),
    ],
)
def test_key_sentences_survive(corpus, article_id: str, phrase: str) -> None:
    assert phrase in get_article(article_id).clean


@pytest.mark.parametrize(
    ("article_id", "slip"),
    [
        ("A4", "内在机构"),
        ("A5", "聪"),
        ("A5", "背后地流量"),
        ("A5", "场景重实现"),
        ("A5", "痛点个难题"),
    ],
)
def test_authors_slips_are_kept(article_id: str, slip: str) -> None:
    article = get_article(article_id)
    in_raw = to_simplified(strip_pinyin_annotations(article.raw)).count(slip)
    assert in_raw >= 1
    assert article.clean.count(slip) == in_raw


def test_simplified_body_keeps_its_words() -> None:
    a2 = get_article("A2")
    assert a2.clean.count("仅仅只是") == a2.raw.count("仅仅只是")
    assert a2.clean.replace("\n", "") == a2.raw.replace("\n", "")


# --- audit -------------------------------------------------------------------------------------


def test_audit_reports_every_step_in_a_chain() -> None:
    raw = get_article("A1").raw
    reports = audit(raw)
    assert [r.step for r in reports] == [name for name, _ in STEPS]
    assert all(isinstance(r, StepReport) for r in reports)
    assert reports[0].chars_before == len(raw)
    assert reports[-1].chars_after == len(clean_text(raw))
    for before, after in zip(reports, reports[1:], strict=False):
        assert after.chars_before == before.chars_after
    for report in reports:
        assert report.count == len(report.removed) + len(report.changed)


def test_audit_counts_what_each_step_did() -> None:
    raw = get_article("A1").raw
    by_step = {r.step: r for r in audit(raw)}
    errata = [e for e in load_errata() if e.article == "A1"]
    assert len(by_step["apply_errata"].changed) == len(errata)
    notes = re.findall(f"\\([a-z{TONED}]+\\)", apply_errata(raw))
    assert len(by_step["strip_pinyin_annotations"].removed) == len(notes)
    assert "文/孟永辉" in by_step["remove_furniture"].removed
    assert ("產", "产") in by_step["to_simplified"].changed


def test_audit_counts_the_e_mail_removed_from_a5_masked() -> None:
    report = {r.step: r for r in audit(get_article("A5").raw)}["redact_personal_data"]
    assert report.count == 1 and not EMAIL.search(report.removed[0])
    assert report.removed[0].count("*") >= 10


def test_audit_corpus_has_a_row_per_article_and_step() -> None:
    table = audit_corpus()
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 5 * len(STEPS)
    assert {"article", "step", "chars_before", "chars_after", "count", "examples"} <= set(
        table.columns
    )
    a2 = table[table["article"] == "A2"].set_index("step")
    assert a2.loc["strip_pinyin_annotations", "count"] == 0
    assert a2.loc["normalise_lines", "count"] > 0
    assert (table["count"] == table["removed"] + table["changed"]).all()


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [clean_text, audit, *STEP_FUNCTIONS])
@pytest.mark.parametrize("bad", [None, 42, ["直播"]])
def test_wrong_types_raise(fn, bad) -> None:
    with pytest.raises(TypeError, match="must be str"):
        fn(bad)


@pytest.mark.parametrize("fn", [clean_text, audit, *STEP_FUNCTIONS])
def test_bytes_are_refused_with_a_hint_to_decode(fn) -> None:
    with pytest.raises(TypeError, match="decode"):
        fn("直播带货".encode())


@pytest.mark.parametrize("fn", [clean_text, *STEP_FUNCTIONS])
def test_empty_text_gives_empty_text(fn) -> None:
    assert fn("") == ""


def test_audit_of_empty_text_reports_nothing() -> None:
    assert all(r.count == 0 and r.chars_after == 0 for r in audit(""))


def test_audit_masks_the_personal_data_it_reports():
    from beyond_traffic.corpus import get_article

    raw = get_article("A5").raw
    reports = {r.step: r for r in audit(raw)}
    redaction = reports["redact_personal_data"]
    assert redaction.count >= 1
    assert all("@" not in s or "*" in s for s in redaction.removed)
    shown = repr(audit(raw)) + audit_corpus().to_string()
    assert "710911939" not in shown and "qq.com" not in shown
