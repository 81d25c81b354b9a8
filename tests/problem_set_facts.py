"""Facts about the corpus and the capstone article, computed as the problem sets compute them.

The exemplar answers and worked explanations in ``instructors/`` state numbers; each states them
in a "Facts" table whose expressions are evaluated here by tests/test_exemplars.py. The
functions follow the problem sets' specifications (not the package's helpers), so a number in an
exemplar is exactly what a student's correct notebook shows.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from beyond_traffic.claims import count_markers, split_sentences
from beyond_traffic.clean import audit, clean_text
from beyond_traffic.corpus import ARTICLE_IDS, get_article
from beyond_traffic.gold import evaluate_tokenizer, load_gold
from beyond_traffic.lexicons import CERTAINTY, FILLERS, HEDGES, PREDICTIONS
from beyond_traffic.segment import make_tokenizer, tokenize

ROOT = Path(__file__).resolve().parents[1]
CAPSTONE = ROOT / "solutions" / "ps4_capstone" / "article.txt"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
COUNTER_WORDS = ("阅读", "点赞", "评论", "收藏")
CUES = ["据", "显示", "统计", "报告", "告诉", "数据"]
CANDIDATES = ["直播带货", "淘宝直播", "去中间化", "方式和方法", "仅仅只是", "内在机构"]
LEXICONS = {
    "hedge": (sorted(HEDGES), sorted(HEDGES.exceptions)),
    "certainty": (sorted(CERTAINTY), sorted(CERTAINTY.exceptions)),
    "prediction": (sorted(PREDICTIONS), sorted(PREDICTIONS.exceptions)),
    "filler": (sorted(FILLERS), sorted(FILLERS.exceptions)),
}


# ---------------------------------------------------------------- texts


@cache
def capstone_text() -> str:
    """The capstone's final text: cleaned, counter lines, U+FFFD and stray notes removed."""
    clean = clean_text(CAPSTONE.read_text(encoding="utf-8"))
    lines = [line for line in clean.split("\n") if not _is_counter(line)]
    text = "\n".join(lines).replace("\ufffd", "")
    return re.sub(rf" ?[(（](?=[a-zü{TONED}]*[{TONED}])[a-zü{TONED}]+[)）]", "", text)


def text_of(aid: str) -> str:
    """Cleaned text of a corpus article, or the capstone's final text for ``"C"``."""
    return capstone_text() if aid == "C" else get_article(aid).clean


def han(text: str) -> int:
    return len(HAN.findall(text))


def _is_counter(line: str) -> bool:
    return (
        len(line) <= 30
        and bool(re.search(r"[0-9]", line))
        and any(w in line for w in COUNTER_WORDS)
    )


# ---------------------------------------------------------------- ps1: segmentation


def gold_sentences() -> int:
    return len(load_gold())


@cache
def f1(name: str) -> float:
    """F1 over the gold standard of "jieba", "mine" (jieba + 直播电商, 去中间化) or "course"."""
    mine = make_tokenizer(extra_words=["直播电商", "去中间化"], userdict=False)
    cut = {
        "jieba": lambda s: tokenize(s, userdict=False),
        "mine": lambda s: tokenize(s, tokenizer=mine),
        "course": tokenize,
    }[name]
    return evaluate_tokenizer(cut).f1


@cache
def delta_f1(word: str) -> float:
    """F1 change when ``word`` is added to jieba's dictionary (removed if jieba lists it)."""
    entry = (word, 0) if tokenize(word, userdict=False) == [word] else word
    tok = make_tokenizer(extra_words=[entry], userdict=False)
    return evaluate_tokenizer(lambda s: tokenize(s, tokenizer=tok)).f1 - f1("jieba")


def in_articles(word: str) -> int:
    return sum(get_article(aid).clean.count(word) for aid in ARTICLE_IDS)


def in_gold(word: str) -> int:
    return sum(sentence.text.count(word) for sentence in load_gold())


# ---------------------------------------------------------------- ps2: counting


def count(aid: str, phrase: str) -> int:
    return text_of(aid).count(phrase)


def rate(aid: str, phrase: str) -> float:
    text = text_of(aid)
    return 1000 * text.count(phrase) / han(text) if han(text) else 0.0


def _bootstrap(sentences, counts, n_boot: int, seed: int) -> tuple[float, float]:
    n = len(sentences)
    if n == 0:
        return (0.0, 0.0)
    chars = [han(s) for s in sentences]
    rng = random.Random(seed)
    rates = []
    for _ in range(n_boot):
        picks = [rng.randrange(n) for _ in range(n)]
        h = sum(chars[i] for i in picks)
        rates.append(1000 * sum(counts[i] for i in picks) / h if h else 0.0)
    rates.sort()
    return (rates[n_boot // 40], rates[n_boot - 1 - n_boot // 40])


@cache
def interval(aid: str, phrase: str, n_boot: int = 1000, seed: int = 2020) -> tuple[float, float]:
    sentences = split_sentences(text_of(aid))
    return _bootstrap(sentences, [s.count(phrase) for s in sentences], n_boot, seed)


def separated(phrase: str) -> list[tuple[str, str]]:
    """Pairs of corpus articles whose intervals for ``phrase`` do not overlap (ps2 q7)."""
    iv = {aid: interval(aid, phrase) for aid in ARTICLE_IDS}
    return sorted(
        (a, b) for a in iv for b in iv if a < b and (iv[a][1] < iv[b][0] or iv[b][1] < iv[a][0])
    )


@cache
def phrase_diff(a: str, b: str, phrase: str) -> tuple[float, float]:
    """ps2 q7: the difference interval of two articles' rates of ``phrase`` (a − b), by the very
    call the problem set specifies: difference_interval(None, a, b, phrase=..., resamples=1000,
    seed=2020). (ps3's lexicon differences resample differently: see ``diff``.)"""
    from beyond_traffic.uncertainty import difference_interval

    d = difference_interval(None, a, b, phrase=phrase, resamples=1000, seed=2020)
    return (d.low, d.high)


def phrase_decided(phrase: str) -> list[tuple[str, str]]:
    """ps2 q7: pairs of corpus articles whose difference interval (``phrase_diff``) excludes 0."""
    return [
        (a, b)
        for a in ARTICLE_IDS
        for b in ARTICLE_IDS
        if a < b and (phrase_diff(a, b, phrase)[0] > 0 or phrase_diff(a, b, phrase)[1] < 0)
    ]


def different(phrase: str) -> list[str]:
    """ps2 q7: the keys "a-b" of the pairs ``phrase_decided`` finds."""
    return sorted(f"{a}-{b}" for a, b in phrase_decided(phrase))


def kwic_right(aid: str, needle: str, width: int) -> str:
    """The ``width`` characters after the first occurrence of ``needle``."""
    text = text_of(aid).replace("\n", " ")
    at = text.index(needle) + len(needle)
    return text[at : at + width]


# ---------------------------------------------------------------- ps3: markers


def find_terms(sentence: str, terms, exceptions) -> list[str]:
    candidates = sorted(set(terms) | set(exceptions), key=lambda t: (-len(t), t))
    found, i = [], 0
    while i < len(sentence):
        for candidate in candidates:
            if candidate and sentence.startswith(candidate, i):
                if candidate not in exceptions:
                    found.append(candidate)
                i += len(candidate)
                break
        else:
            i += 1
    return found


@cache
def profile(aid: str, kind: str) -> dict[str, float]:
    sentences = split_sentences(text_of(aid))
    chars = sum(han(s) for s in sentences)
    n = sum(len(find_terms(s, *LEXICONS[kind])) for s in sentences)
    return {"count": n, "per_1000": 1000 * n / chars if chars else 0.0}


def coded(aid: str, kind: str) -> int:
    """Spans of one category in the course's reference coding (marker_gold.tsv) of an article."""
    from beyond_traffic.marker_gold import load_marker_gold

    return sum(len(s.spans_of(kind)) for s in load_marker_gold() if s.article_id == aid)


def more_hedges() -> list[str]:
    return sorted(
        aid
        for aid in ARTICLE_IDS
        if profile(aid, "hedge")["count"] > profile(aid, "certainty")["count"]
    )


def top(kind: str) -> str:
    return max(ARTICLE_IDS, key=lambda aid: profile(aid, kind)["per_1000"])


def paired_interval(
    ca: list[int], ha: list[int], cb: list[int], hb: list[int], n_boot: int, seed: int
) -> tuple[float, float]:
    """Difference interval of two pooled rates per 1,000 Han characters (a − b), resampled as
    ps3 q6 specifies: per round, a's sentence indices, then b's, from one ``random.Random``."""

    def pooled(counts, chars, picks):
        h = sum(chars[i] for i in picks)
        return 1000 * sum(counts[i] for i in picks) / h if h else 0.0

    rng = random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        pa = [rng.randrange(len(ca)) for _ in range(len(ca))]
        pb = [rng.randrange(len(cb)) for _ in range(len(cb))]
        diffs.append(pooled(ca, ha, pa) - pooled(cb, hb, pb))
    diffs.sort()
    return (diffs[n_boot // 40], diffs[n_boot - 1 - n_boot // 40])


@cache
def diff(a: str, b: str, kind: str, n_boot: int = 1000, seed: int = 2020) -> tuple[float, float]:
    sa, sb = split_sentences(text_of(a)), split_sentences(text_of(b))
    ca = [len(find_terms(s, *LEXICONS[kind])) for s in sa]
    cb = [len(find_terms(s, *LEXICONS[kind])) for s in sb]
    return paired_interval(ca, [han(s) for s in sa], cb, [han(s) for s in sb], n_boot, seed)


def decided(kind: str) -> list[str]:
    """ps3 q7: the keys A2-X whose difference interval excludes 0."""
    keys = {f"A2-{b}": diff("A2", b, kind) for b in ("A1", "A3", "A4", "A5")}
    return sorted(k for k, (lo, hi) in keys.items() if lo > 0 or hi < 0)


@cache
def loo_all(aid: str, kind: str) -> dict[str, int]:
    terms, exceptions = LEXICONS[kind]
    sentences = split_sentences(text_of(aid))
    found = {t for s in sentences for t in find_terms(s, terms, exceptions)}
    return {
        t: sum(len(find_terms(s, [x for x in terms if x != t], exceptions)) for s in sentences)
        for t in found
    }


def loo(aid: str, kind: str, term: str) -> int:
    return loo_all(aid, kind)[term]


def markers(aid: str, needle: str, kind: str) -> int:
    """Markers of ``kind`` in the first sentence of ``aid`` that contains ``needle``."""
    sentence = next(s for s in split_sentences(text_of(aid)) if needle in s)
    return len(find_terms(sentence, *LEXICONS[kind]))


def course_markers(aid: str, needle: str, kind: str) -> int:
    """As ``markers``, counted the lessons' way (``claims.count_markers``: lexicon and patterns)."""
    sentence = next(s for s in split_sentences(text_of(aid)) if needle in s)
    return count_markers(sentence, kind)


def sentences(aid: str) -> int:
    return len(split_sentences(text_of(aid)))


def sentences_with_any(aid: str, needles: list[str]) -> int:
    return sum(any(n in s for n in needles) for s in split_sentences(text_of(aid)))


def figures(aid: str) -> int:
    """Arabic numbers that are not part of a Latin word (S2B is not a figure)."""
    return len(re.findall(r"(?<![A-Za-z0-9])[0-9]+(?:[.,][0-9]+)?(?![A-Za-z0-9])", text_of(aid)))


# ---------------------------------------------------------------- ps4: the capstone


def c_sentences() -> list[str]:
    return split_sentences(capstone_text())


@cache
def c_rates() -> dict[str, dict[str, float]]:
    """ps4 q6 on the capstone: counts, rates and intervals (500 resamples, seed 2020)."""
    return _marker_rates(c_sentences())


def _marker_rates(sents: list[str]) -> dict[str, dict[str, float]]:
    chars = sum(han(s) for s in sents)
    out = {}
    for kind, (terms, exceptions) in LEXICONS.items():
        counts = [len(find_terms(s, terms, exceptions)) for s in sents]
        low, high = _bootstrap(sents, counts, 500, 2020)
        out[kind] = {
            "count": sum(counts),
            "per_1000": 1000 * sum(counts) / chars if chars else 0.0,
            "low": low,
            "high": high,
        }
    return out


@cache
def _corpus_rates(aid: str) -> dict[str, dict[str, float]]:
    return _marker_rates(split_sentences(get_article(aid).clean))


def c_separated(kind: str) -> list[str]:
    c = c_rates()[kind]
    return sorted(
        aid
        for aid in ARTICLE_IDS
        if _corpus_rates(aid)[kind]["high"] < c["low"]
        or c["high"] < _corpus_rates(aid)[kind]["low"]
    )


@cache
def c_diff(
    aid: str, kind: str, n_boot: int = 500, seed: int = 2020, *, without: str = ""
) -> tuple[float, float]:
    """Difference interval C − ``aid`` of a marker rate, resampled as ps3 q6 does (C first).

    ``without`` leaves one term out of the lexicon (as ps3's leave-one-out does), in both texts.
    """
    terms, exceptions = LEXICONS[kind]
    terms = [t for t in terms if t != without]
    sa, sb = c_sentences(), split_sentences(get_article(aid).clean)
    ca = [len(find_terms(s, terms, exceptions)) for s in sa]
    cb = [len(find_terms(s, terms, exceptions)) for s in sb]
    return paired_interval(ca, [han(s) for s in sa], cb, [han(s) for s in sb], n_boot, seed)


def c_decided(kind: str) -> list[str]:
    """Corpus articles whose difference interval with C excludes 0."""
    return [aid for aid in ARTICLE_IDS if c_diff(aid, kind)[0] > 0 or c_diff(aid, kind)[1] < 0]


def c_different(kind: str) -> list[str]:
    """ps4 q7: corpus articles whose difference interval with the capstone excludes 0."""
    return sorted(c_decided(kind))


def c_audit(step: str) -> int:
    reports = audit(CAPSTONE.read_text(encoding="utf-8"))
    return next(r.count for r in reports if r.step == step)


def c_residue() -> list[tuple[int, str]]:
    clean = clean_text(CAPSTONE.read_text(encoding="utf-8"))
    found = []
    for number, line in enumerate(clean.split("\n")):
        if "\ufffd" in line:
            found.append((number, "replacement"))
        if any(c in TONED for c in line):
            found.append((number, "pinyin"))
        if re.search(r"[\u4e00-\u9fff][,;:?!]", line):
            found.append((number, "halfwidth"))
        if _is_counter(line):
            found.append((number, "counter"))
    return found


def c_evidence() -> list[tuple[int, str]]:
    return [
        (i, s)
        for i, s in enumerate(c_sentences())
        if re.search(r"[0-9]", s) or any(cue in s for cue in CUES)
    ]


def c_term(kind: str, term: str) -> int:
    return sum(find_terms(s, *LEXICONS[kind]).count(term) for s in c_sentences())


#: The names a "Facts" expression may use.
NAMESPACE = {
    name: value
    for name, value in globals().items()
    if not name.startswith("_") and (callable(value) or name.isupper())
}
