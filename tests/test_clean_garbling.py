"""Garbling: spans that look mis-decoded are named by audit() with a ready errata line."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from beyond_traffic.clean import GarbledSpan, apply_errata, audit, clean_text, find_garbled
from beyond_traffic.corpus import load_corpus
from beyond_traffic.damage import garble
from beyond_traffic.errata import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"
ISSUE_SHAPE = "难道就因？yàn）樘岢鏊娜耸邱R云吗？"  # UTF-8 read as GBK, with a broken note inside

# Course-written sentences to garble (none from the corpus).
SENTENCES = [
    "县城的袜子工厂在晚上八点准时开播，主播对着镜头一遍遍介绍面料。",
    "团长在群里发接龙，第二天一早，菜就摆在了小区门口的便利店。",
    "一箱桃子在直播间卖二十九元九，到果农手里只剩八块钱。",
    "私域不是把人拉进来就完了，一个月不说话的群比没有群还糟糕。",
    "工厂最怕的不是没有订单，而是订单来得太猛、退货又来得太快。",
    "平台为了抢团长不断补贴，补贴一停，团长就转去别的平台。",
]


def _garbled_sentence(rng: random.Random, sentence: str, encoding: str) -> tuple[str, int, int]:
    runs = [m for m in re.finditer("[\u4e00-\u9fff]{4,}", sentence)]
    run = rng.choice(runs)
    size = rng.randint(2, min(5, len(run.group(0))))
    start = run.start() + rng.randint(0, len(run.group(0)) - size)
    bad = sentence[start : start + size].encode("utf-8").decode(encoding, errors="replace")
    return sentence[:start] + bad + sentence[start + size :], start, start + len(bad)


def test_the_shape_from_a_real_page_is_named() -> None:
    spans = find_garbled(ISSUE_SHAPE)
    assert len(spans) == 1
    span = spans[0]
    assert "樘岢鏊" in span.text and "yàn" in span.text
    assert set(span.signals) == {"'?' next to pinyin", "rare characters"}
    assert (span.line, span.column) == (1, 5)
    assert ISSUE_SHAPE[span.start : span.end] == span.text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5"])
def test_utf8_misread_in_another_encoding_is_found(encoding: str) -> None:
    rng = random.Random(encoding)
    found = 0
    trials = 0
    for sentence in SENTENCES:
        for _ in range(5):
            text, start, end = _garbled_sentence(rng, sentence, encoding)
            trials += 1
            found += any(s.start < end and s.end > start for s in find_garbled(text))
    assert found == trials


def test_gbk_read_as_utf8_leaves_replacement_characters_that_are_named() -> None:
    text = "直播带货" + "产业互联网".encode("gbk").decode("utf-8", errors="replace") + "的节奏。"
    spans = find_garbled(text)
    assert spans and all("decoding debris" in s.signals for s in spans)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("他们可以减少?zèng)Q策失误", "'?' next to pinyin"),
        ("直播带货的\ufffd逻辑", "decoding debris"),
        ("平台的ToB(chǎn)属性", "pinyin note after a non-Han character"),
        ("这样做€的代价", "decoding debris"),
    ],
)
def test_each_signal(text: str, signal: str) -> None:
    assert [s.signals for s in find_garbled(text)] == [(signal,)]


def test_no_false_alarm_on_the_corpus_after_the_errata() -> None:
    for article in load_corpus():
        assert find_garbled(apply_errata(article.raw)) == [], article.id
        assert find_garbled(article.clean) == [], article.id


def test_no_false_alarm_on_the_unseen_pages() -> None:
    for page in sorted(UNSEEN.glob("page_*.txt")):
        if not page.name.endswith(".clean.txt"):
            assert audit(page.read_text(encoding="utf-8")).garbled == (), page.name


def test_errata_line_has_the_tables_columns_and_must_be_filled_in() -> None:
    span = find_garbled("第一行\n" + ISSUE_SHAPE)[0]
    fields = span.errata_line(article="C").split("\t")
    assert len(fields) == len(COLUMNS)
    garbled, correction, why, article = fields
    assert span.text in garbled and garbled in "第一行\n" + ISSUE_SHAPE
    assert correction == "<correction>" and article == "C"
    assert "line 2, column 5" in why


def test_clean_text_keeps_the_span_and_audit_names_it() -> None:
    raw = "文/林晓舟\n" + SENTENCES[0].replace("镜头", garble("镜头"))
    result = audit(raw)
    assert len(result.garbled) == 1 and isinstance(result.garbled[0], GarbledSpan)
    assert garble("镜头").replace("\ufffd", "") in clean_text(raw).replace("\ufffd", "")
    # every removal stays visible: the by-line is in the furniture step's report
    assert result.furniture_by_class() == {"by-line": 1}


def test_empty_and_clean_text_give_nothing() -> None:
    assert find_garbled("") == []
    assert find_garbled(SENTENCES[0]) == []
    with pytest.raises(TypeError):
        find_garbled(b"bytes")  # type: ignore[arg-type]
