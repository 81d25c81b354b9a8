"""Across the package: wrong types get a TypeError that names the problem; empty input is fine."""

from __future__ import annotations

import pytest

from beyond_traffic import claims, count, keywords, segment
from beyond_traffic.clean import clean_text

TEXT_FUNCTIONS = {
    "clean.clean_text": clean_text,
    "segment.tokenize": segment.tokenize,
    "segment.pos_tag": segment.pos_tag,
    "count.han_count": count.han_count,
    "claims.split_sentences": claims.split_sentences,
    "claims.find_markers": claims.find_markers,
    "claims.find_evidence": claims.find_evidence,
    "count.char_ngrams(n=2)": lambda text: count.char_ngrams(text, 2),
    "count.count_phrase": lambda text: count.count_phrase(text, "流量"),
}
TOKEN_FUNCTIONS = {
    "count.frequencies": count.frequencies,
    "count.ngrams(n=2)": lambda tokens: count.ngrams(tokens, 2),
    "count.top_k(k=3)": lambda tokens: count.top_k(tokens, 3),
    "keywords.textrank_keywords": keywords.textrank_keywords,
    "keywords.tfidf_keywords": lambda tokens: keywords.tfidf_keywords(
        tokens, corpus_tokens=[["流量", "赋能"], ["产业互联网"]]
    ),
}
WRONG = [None, b"\xe6\xb5\x81\xe9\x87\x8f", 42, 3.5, ["流量"]]


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
@pytest.mark.parametrize("value", WRONG, ids=lambda v: type(v).__name__)
def test_text_functions_reject_non_str(name, value):
    with pytest.raises(TypeError) as excinfo:
        TEXT_FUNCTIONS[name](value)
    message = str(excinfo.value)
    assert "str" in message, f"{name}: the message should say a str is expected: {message!r}"
    assert type(value).__name__ in message, f"{name}: the message should name what was given"
    if isinstance(value, bytes):
        assert "decode" in message, f"{name}: bytes deserve a hint to decode"


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_text_functions_accept_empty_text(name):
    result = TEXT_FUNCTIONS[name]("")
    if isinstance(result, dict):  # find_markers: every marker kind present, none found
        result = [v for values in result.values() for v in values]
    assert not result, f"{name}('') should give an empty result, got {result!r}"


@pytest.mark.parametrize("name", TOKEN_FUNCTIONS)
@pytest.mark.parametrize("value", [None, 42, "流量 赋能", [1, 2]], ids=repr)
def test_token_functions_reject_non_token_lists(name, value):
    with pytest.raises(TypeError) as excinfo:
        TOKEN_FUNCTIONS[name](value)
    assert str(excinfo.value), f"{name}: the TypeError needs a message"


@pytest.mark.parametrize("name", TOKEN_FUNCTIONS)
def test_token_functions_accept_no_tokens(name):
    assert not TOKEN_FUNCTIONS[name]([])
