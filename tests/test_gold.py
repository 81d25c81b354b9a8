"""Tests for beyond_traffic.gold: the gold segmentation file and word-boundary P/R/F1."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from importlib import resources

import opencc
import pytest

from beyond_traffic.corpus import ARTICLE_IDS, get_article
from beyond_traffic.gold import (
    GoldSentence,
    Scores,
    compare_dictionary,
    evaluate_tokenizer,
    load_gold,
    parse_gold,
    score_segmentation,
)
from beyond_traffic.segment import load_userdict_entries, tokenize

# --- score_segmentation: small cases computed by hand -----------------------------------------


def test_one_word_against_two_scores_zero():
    scores = score_segmentation(["产业互联网"], ["产业", "互联网"])
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
    assert (scores.correct, scores.predicted, scores.gold) == (0, 1, 2)


def test_identical_segmentations_score_one():
    words = ["直播带货", "是", "产业互联网", "的", "前奏曲"]
    assert score_segmentation(words, list(words)) == Scores(1.0, 1.0, 1.0, 5, 5, 5)


def test_only_words_with_both_boundaries_right_count():
    # spans: predicted (0,4)(4,5)(5,7)(7,10); gold (0,2)(2,4)(4,5)(5,10): only 是 (4,5) matches
    scores = score_segmentation(
        ["直播带货", "是", "产业", "互联网"], ["直播", "带货", "是", "产业互联网"]
    )
    assert scores.precision == pytest.approx(1 / 4)
    assert scores.recall == pytest.approx(1 / 4)
    assert scores.f1 == pytest.approx(1 / 4)


def test_over_splitting_costs_precision_more_than_recall():
    # 2 of 4 predicted words are right (P = 1/2); 2 of 3 gold words found (R = 2/3);
    # F1 = 2 * 1/2 * 2/3 / (1/2 + 2/3) = 4/7
    scores = score_segmentation(["产业", "互联网", "的", "前奏曲"], ["产业互联网", "的", "前奏曲"])
    assert scores.precision == pytest.approx(1 / 2)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(4 / 7)


def test_same_words_in_a_different_place_do_not_count():
    # "的" appears in both, but at different character positions
    scores = score_segmentation(["的", "的的"], ["的的", "的"])
    assert scores.correct == 0


def test_two_empty_segmentations_agree():
    assert score_segmentation([], []).f1 == 1.0


def test_different_texts_are_a_value_error():
    with pytest.raises(ValueError, match="different texts"):
        score_segmentation(["直播", "带货"], ["直播", "卖货"])
    with pytest.raises(ValueError, match="different texts"):
        score_segmentation(["直播"], ["直播", "带货"])


def test_empty_word_is_a_value_error():
    with pytest.raises(ValueError, match="empty"):
        score_segmentation(["直播", "", "带货"], ["直播", "带货"])


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [("直播 带货", ["直播", "带货"]), (["直播", "带货"], None), (["直播", 1], ["直播", "1"])],
)
def test_wrong_types_are_a_type_error(predicted, gold):
    with pytest.raises(TypeError):
        score_segmentation(predicted, gold)


# --- evaluate_tokenizer -----------------------------------------------------------------------

TWO = [GoldSentence("A1", ("产业", "互联网")), GoldSentence("A2", ("直播带货",))]


def test_evaluation_is_micro_averaged():
    # one word per sentence: sentence 1 gets 0 of 2, sentence 2 gets 1 of 1.
    # pooled: P = 1/2, R = 1/3, F1 = 2/5 (a per-sentence average would give R = 1/2)
    scores = evaluate_tokenizer(lambda text: [text], sentences=TWO)
    assert (scores.correct, scores.predicted, scores.gold) == (1, 2, 3)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(2 / 5)


def test_an_oracle_scores_one_and_single_characters_score_the_share_of_one_char_words():
    gold = load_gold()
    by_text = {s.text: list(s.words) for s in gold}
    assert evaluate_tokenizer(by_text.__getitem__).f1 == 1.0
    single = sum(len(w) == 1 for s in gold for w in s.words)
    chars = sum(len(s.text) for s in gold)
    words = sum(len(s.words) for s in gold)
    scores = evaluate_tokenizer(list)
    assert scores.precision == pytest.approx(single / chars)
    assert scores.recall == pytest.approx(single / words)


def test_evaluate_rejects_bad_arguments():
    with pytest.raises(TypeError, match="callable"):
        evaluate_tokenizer("tokenize")
    with pytest.raises(TypeError, match="tokenize_fn output"):
        evaluate_tokenizer(lambda text: text, sentences=TWO)
    with pytest.raises(TypeError, match="GoldSentence"):
        evaluate_tokenizer(tokenize, sentences=["产业 互联网"])
    with pytest.raises(ValueError, match="gold line"):
        evaluate_tokenizer(lambda text: [text[:-1]], sentences=TWO)


def test_empty_sentence_list_scores_one():
    assert evaluate_tokenizer(tokenize, sentences=[]).f1 == 1.0


# --- the gold file ----------------------------------------------------------------------------


def test_gold_covers_all_five_articles_with_sixty_sentences_or_more():
    gold = load_gold()
    assert len(gold) >= 60
    per_article = Counter(s.article_id for s in gold)
    assert set(per_article) == set(ARTICLE_IDS)
    assert min(per_article.values()) >= 10
    texts = [s.text for s in gold]
    assert len(texts) == len(set(texts)), "no sentence twice"


def test_gold_file_lines_follow_the_format():
    raw = (resources.files("beyond_traffic") / "data" / "gold_segmentation.txt").read_text("utf-8")
    line = re.compile(r"^A[1-5]\t\S+( \S+)*$")
    body = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    assert len(body) == len(load_gold())
    assert all(line.match(ln) for ln in body)


def test_gold_is_simplified_with_full_width_punctuation():
    t2s = opencc.OpenCC("t2s")
    for sentence in load_gold():
        assert t2s.convert(sentence.text) == sentence.text, sentence.line
        assert not re.search(r"[,;:?!()]", sentence.text), sentence.line


def test_gold_keeps_domain_terms_whole_and_fillers_apart():
    terms = {e.word for e in load_userdict_entries() if e.freq}
    seen = 0
    for sentence in load_gold():
        boundaries, term_spans, at = {0}, [], 0
        for word in sentence.words:
            if word in terms:
                term_spans.append((at, at + len(word)))
            at += len(word)
            boundaries.add(at)
        for term in terms:
            for match in re.finditer(re.escape(term), sentence.text):
                start, end = match.span()
                if any(a < end and start < b and (a, b) != (start, end) for a, b in term_spans):
                    continue  # overlaps another domain term the gold chose (社交电商|平台)
                # no word boundary falls strictly inside an occurrence of a domain term
                assert not set(range(start + 1, end)) & boundaries, (sentence.line, term)
                seen += 1
        assert "方式和方法" not in sentence.words and "仅仅只是" not in sentence.words
    assert seen >= 100


def test_gold_is_not_a_copy_of_the_tokenizer():
    differing = sum(tokenize(s.text) != list(s.words) for s in load_gold())
    assert differing >= len(load_gold()) // 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("直播 带货", "no tab"),
        ("B9\t直播 带货", "unknown article"),
        ("A1\t直播  带货", "exactly one space"),
        ("A1\t直播 带货 ", "exactly one space"),
    ],
)
def test_parse_gold_names_the_bad_line(text, message):
    with pytest.raises(ValueError, match=f"line 2: .*{message}"):
        parse_gold("# comment\n" + text)


# --- the gold sentences come from the corpus --------------------------------------------------

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _squash(text: str) -> str:
    # compare loosely on punctuation width (NFKC) and whitespace, strictly on everything else
    return "".join(unicodedata.normalize("NFKC", text).split())


def _reference(article_id: str) -> str:
    """The cleaned text; until cleaning lands, a minimal stand-in: no pinyin, Simplified."""
    article = get_article(article_id)
    if article.clean != article.raw:
        return article.clean
    return opencc.OpenCC("t2s").convert(_PINYIN.sub("", article.raw))


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_gold_sentences_occur_in_their_cleaned_article(article_id):
    reference = _squash(_reference(article_id))
    sentences = [s for s in load_gold() if s.article_id == article_id]
    missing = [s.line for s in sentences if _squash(s.text) not in reference]
    assert not missing, f"gold lines not found in {article_id}'s clean text: {missing}"


# --- with and without the course dictionary ---------------------------------------------------


def test_course_dictionary_does_not_make_segmentation_worse():
    table = compare_dictionary()
    assert list(table.columns) == ["dictionary", "hmm", "precision", "recall", "f1", "words"]
    assert len(table) == 4
    for hmm in (True, False):
        rows = table[table["hmm"] == hmm].set_index("dictionary")
        assert rows.loc["jieba + course", "f1"] >= rows.loc["jieba", "f1"]
    best = evaluate_tokenizer(tokenize)
    assert table.query("dictionary == 'jieba + course' and hmm")["f1"].item() == pytest.approx(
        best.f1, abs=1e-4
    )


def test_disagreements_classify_merged_split_and_crossing():
    from beyond_traffic.gold import disagreements

    assert disagreements(["直播", "带货"], ["直播", "带货"]) == []
    (merged,) = disagreements(["产业互联网"], ["产业", "互联网"])
    assert merged.kind == "merged" and merged.gold == ("产业", "互联网")
    kinds = [d.kind for d in disagreements(["前", "奏曲"], ["前奏曲"])]
    assert kinds == ["split", "split"]
    crossing = disagreements(["产业互", "联网"], ["产业", "互联网"])
    assert [d.kind for d in crossing] == ["crossing", "split"]
    assert crossing[0].gold == ("产业", "互联网")
    with pytest.raises(ValueError, match="different texts"):
        disagreements(["直播"], ["带货"])


def test_disagreements_agree_with_the_score_on_the_gold_standard():
    from beyond_traffic.gold import disagreements, load_gold, score_segmentation
    from beyond_traffic.segment import tokenize

    for sentence in load_gold()[:10]:
        predicted = tokenize(sentence.text)
        wrong = len(disagreements(predicted, list(sentence.words)))
        scores = score_segmentation(predicted, list(sentence.words))
        assert wrong == round(len(predicted) * (1 - scores.precision))
