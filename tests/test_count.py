"""Tests for beyond_traffic.count: frequencies, top-k ties, rates, n-grams, phrases, KWIC."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from beyond_traffic.corpus import get_article
from beyond_traffic.count import (
    KwicRow,
    char_ngrams,
    count_phrase,
    frequencies,
    han_count,
    is_han,
    is_punct,
    kwic,
    ngrams,
    rate_per_1000_chars,
    top_k,
)
from beyond_traffic.lexicons import stopwords

TOKENS = ["直播", "带货", "的", "流量", "，", "流量", "的", "赋能", "。"]


# --- frequencies -------------------------------------------------------------------------


def test_frequencies_counts_and_drops_punctuation_by_default():
    freq = frequencies(TOKENS)
    assert isinstance(freq, Counter)
    assert freq["流量"] == 2 and freq["的"] == 2
    assert "，" not in freq and "。" not in freq
    assert sum(freq.values()) == len(TOKENS) - 2


def test_frequencies_keeps_punctuation_when_asked():
    assert frequencies(TOKENS, drop_punct=False)["，"] == 1


def test_frequencies_with_course_stopwords_and_min_len():
    freq = frequencies(TOKENS, stopwords=stopwords())
    assert "的" not in freq and freq["流量"] == 2
    assert set(frequencies(["的", "流量", "B"], min_len=2)) == {"流量"}


def test_frequencies_empty_input_gives_empty_counter():
    assert frequencies([]) == Counter()


@pytest.mark.parametrize("bad", ["直播带货", b"x", None, 5, ["流量", 3]])
def test_frequencies_rejects_non_token_lists(bad):
    with pytest.raises(TypeError, match="tokens"):
        frequencies(bad)


def test_frequencies_rejects_a_string_or_the_function_as_stopwords():
    with pytest.raises(TypeError, match="stopwords"):
        frequencies(TOKENS, stopwords="的了")
    with pytest.raises(TypeError, match=r"stopwords\(\)"):
        frequencies(TOKENS, stopwords=stopwords)  # forgot the parentheses


def test_frequencies_rejects_bad_min_len():
    with pytest.raises(ValueError, match="min_len"):
        frequencies(TOKENS, min_len=0)
    with pytest.raises(TypeError, match="min_len"):
        frequencies(TOKENS, min_len=True)


# --- top_k -------------------------------------------------------------------------------


def test_top_k_breaks_ties_by_token_whatever_the_input_order():
    tokens = ["赋能", "流量", "平台", "流量", "赋能", "平台", "新零售"]
    expected = sorted(Counter(tokens).items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    for perm in itertools.permutations(tokens):
        assert top_k(list(perm), 2) == expected


def test_top_k_orders_by_count_then_token():
    result = top_k(Counter({"b": 2, "a": 2, "c": 5, "d": 1}), 10)
    assert result == [("c", 5), ("a", 2), ("b", 2), ("d", 1)]


def test_top_k_applies_filters_to_a_counter_too():
    assert top_k(Counter({"的": 9, "流量": 2, "，": 7}), 3, stopwords={"的"}) == [("流量", 2)]


def test_top_k_empty_and_bad_k():
    assert top_k([], 3) == []
    with pytest.raises(ValueError, match="k"):
        top_k(TOKENS, 0)
    with pytest.raises(TypeError, match="k must be int"):
        top_k(TOKENS, "3")
    with pytest.raises(TypeError, match="counter values"):
        top_k({"流量": "2"}, 1)


# --- characters and rates -----------------------------------------------------------------


def test_han_count_counts_only_ideographs():
    text = "直播带货，B端 2020年GMV!\n𠀀"  # 𠀀 is in Extension B
    assert han_count(text) == sum(1 for c in text if is_han(c))
    assert han_count(text) == 7
    assert han_count("") == 0


def test_is_han_and_is_punct():
    assert is_han("流") and not is_han("流量") and not is_han("，")
    assert is_punct("，") and is_punct("「") and is_punct("...") and is_punct("%")
    assert not is_punct("") and not is_punct("B端") and not is_punct("60")


def test_rate_per_1000_chars_uses_han_characters():
    text = "流量，流量！" + "赋" * 996  # 1,000 Han characters, punctuation not counted
    assert rate_per_1000_chars(2, text) == pytest.approx(2.0)
    assert rate_per_1000_chars(2, text + " ,.!ABC 123") == pytest.approx(2.0)


def test_rate_per_1000_chars_empty_and_bad_values():
    assert rate_per_1000_chars(0, "") == 0.0
    with pytest.raises(ValueError, match="no Han"):
        rate_per_1000_chars(1, "GMV 60%")
    with pytest.raises(ValueError, match=">= 0"):
        rate_per_1000_chars(-1, "流量")
    with pytest.raises(TypeError, match="count must be int"):
        rate_per_1000_chars(True, "流量")
    with pytest.raises(TypeError, match="text must be str"):
        rate_per_1000_chars(1, None)


# --- n-grams ---------------------------------------------------------------------------------


def test_ngrams_are_overlapping_windows():
    tokens = ["直播", "带货", "新", "方向"]
    assert ngrams(tokens, 1) == [(t,) for t in tokens]
    assert ngrams(tokens, 3) == [("直播", "带货", "新"), ("带货", "新", "方向")]
    assert ngrams(tokens, 5) == []
    assert ngrams([], 2) == []


def test_ngrams_rejects_text_and_bad_n():
    with pytest.raises(TypeError, match="tokens"):
        ngrams("直播带货", 2)
    with pytest.raises(ValueError, match="n must be >= 1"):
        ngrams(["直播"], 0)


def test_char_ngrams_never_span_punctuation_by_default():
    grams = char_ngrams("直播带货，产业互联网", 2)
    assert "货，" not in grams and "货产" not in grams
    assert grams[:3] == ["直播", "播带", "带货"]
    assert len(grams) == 3 + 4
    assert "货，" in char_ngrams("直播带货，产业", 2, han_only=False)
    assert char_ngrams("", 2) == []


# --- phrases ----------------------------------------------------------------------------------


def test_count_phrase_counts_raw_non_overlapping_substrings():
    assert count_phrase("仅仅只是开始，仅仅只是前奏", "仅仅只是") == 2
    assert count_phrase("哈哈哈", "哈哈") == 1
    assert count_phrase("", "流量") == 0
    with pytest.raises(ValueError, match="empty"):
        count_phrase("流量", "")
    with pytest.raises(TypeError, match="phrase must be str"):
        count_phrase("流量", ["流量"])


def test_a2_says_jinjin_zhishi_29_times():
    # COURSE.md: "仅仅只是" occurs 29 times in A2. Checked on the cleaned text, and by a
    # second, independent count (regex) so the figure is not just count_phrase's word.
    clean = get_article("A2").clean
    assert count_phrase(clean, "仅仅只是") == 29
    assert len(re.findall("仅仅只是", clean)) == 29


# --- KWIC -------------------------------------------------------------------------------------


def test_kwic_on_text_gives_exact_character_windows():
    text = "直播带货落幕是必然。\n产业互联网必然到来"
    rows = kwic(text, "必然", width=3)
    assert rows == [
        KwicRow("落幕是", "必然", "。 产"),
        KwicRow("互联网", "必然", "到来"),
    ]
    flat = text.replace("\n", " ")
    assert all(row.left + row.keyword + row.right in flat for row in rows)


def test_kwic_at_the_edges_and_with_no_hit():
    assert kwic("必然", "必然") == [KwicRow("", "必然", "")]
    assert kwic("直播带货", "必然") == []
    assert kwic("", "必然") == []
    assert kwic([], "必然") == []


def test_kwic_on_tokens_counts_tokens():
    tokens = ["直播带货", "落幕", "是", "必然", "，", "或许", "不是"]
    assert kwic(tokens, "必然", width=2) == [KwicRow("落幕是", "必然", "，或许")]
    assert kwic(tokens, "必", width=2) == []  # whole tokens only


def test_kwic_as_frame_keeps_positions():
    text = "流量之外，流量之内"
    frame = kwic(text, "流量", width=2, as_frame=True)
    assert list(frame.columns) == ["position", "left", "keyword", "right"]
    assert list(frame["position"]) == [m.start() for m in re.finditer("流量", text)]
    assert list(frame.itertuples(index=False, name=None))[1][1:] == ("外，", "流量", "之内")
    assert kwic("", "流量", as_frame=True).empty


def test_kwic_rejects_bad_arguments():
    with pytest.raises(ValueError, match="keyword"):
        kwic("流量", "")
    with pytest.raises(TypeError, match="keyword must be str"):
        kwic("流量", None)
    with pytest.raises(TypeError, match="text_or_tokens"):
        kwic(b"\xe6\xb5\x81", "流量")
    with pytest.raises(ValueError, match="width"):
        kwic("流量", "流量", width=0)
