"""The gold-standard segmentation (``data/gold_segmentation.txt``) and word-boundary P/R/F1."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from beyond_traffic._validate import require_tokens
from beyond_traffic.corpus import ARTICLE_IDS

__all__ = [
    "GoldSentence",
    "Scores",
    "Disagreement",
    "compare_dictionary",
    "disagreements",
    "evaluate_tokenizer",
    "load_gold",
    "parse_gold",
    "score_segmentation",
]


@dataclass(frozen=True)
class GoldSentence:
    """One hand-segmented sentence.

    Attributes:
        article_id: ``"A1"`` … ``"A5"``.
        words: the words, in order.
        line: the line number in the gold file (for error messages).

    Example:
        >>> s = GoldSentence("A1", ("产业互联网", "的", "逻辑"))
        >>> s.text
        '产业互联网的逻辑'
    """

    article_id: str
    words: tuple[str, ...]
    line: int = 0

    @property
    def text(self) -> str:
        """The sentence itself: the words joined with nothing between them."""
        return "".join(self.words)


@dataclass(frozen=True)
class Scores:
    """Word-boundary precision, recall and F1, with the counts they come from.

    Attributes:
        precision: share of predicted words that are gold words (same start and end).
        recall: share of gold words that were predicted.
        f1: harmonic mean of precision and recall.
        correct: predicted words that match a gold word.
        predicted: number of predicted words.
        gold: number of gold words.

    Example:
        >>> Scores(1.0, 0.5, 2 / 3).f1 < 0.7
        True
    """

    precision: float
    recall: float
    f1: float
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @classmethod
    def from_counts(cls, correct: int, predicted: int, gold: int) -> Scores:
        """Compute the scores from the three counts (all 1.0 when there are no words at all).

        Example:
            >>> Scores.from_counts(1, 2, 2).precision
            0.5
        """
        if predicted == 0 and gold == 0:
            return cls(1.0, 1.0, 1.0, 0, 0, 0)
        precision = correct / predicted if predicted else 0.0
        recall = correct / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, correct, predicted, gold)


def parse_gold(text: str, *, source: str = "gold file") -> list[GoldSentence]:
    """Parse gold-file text: ``<id>\\t<word> <word> …`` per line, ``#`` comments, blank lines.

    Raises:
        ValueError: a line has no tab, an unknown article id, or empty words (two spaces in a
            row, a leading or trailing space); the message names the line.

    Example:
        >>> parse_gold("A2\\t直播带货 的 前奏曲")[0].words
        ('直播带货', '的', '前奏曲')
    """
    sentences = []
    for lineno, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{source} line {lineno}"
        article_id, tab, body = line.partition("\t")
        if not tab:
            raise ValueError(f"{where}: expected '<article id>\\t<words>', found no tab")
        if article_id not in ARTICLE_IDS:
            raise ValueError(f"{where}: unknown article id {article_id!r}")
        words = tuple(body.split(" "))
        if any(not w or w != w.strip() for w in words):
            raise ValueError(f"{where}: words must be separated by exactly one space")
        sentences.append(GoldSentence(article_id, words, lineno))
    return sentences


@lru_cache(maxsize=1)
def _shipped() -> tuple[GoldSentence, ...]:
    path = resources.files("beyond_traffic") / "data" / "gold_segmentation.txt"
    return tuple(parse_gold(path.read_text(encoding="utf-8"), source="gold_segmentation.txt"))


def load_gold() -> list[GoldSentence]:
    """Return the course's gold-standard sentences, in file order (A1 first).

    Example:
        >>> gold = load_gold()
        >>> len(gold) >= 60, gold[0].article_id
        (True, 'A1')
    """
    return list(_shipped())


def _spans(words: list[str], *, name: str) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for i, word in enumerate(words):
        if not word:
            raise ValueError(f"{name}[{i}] is an empty string: a word has at least one character")
        spans.add((start, start + len(word)))
        start += len(word)
    return spans


def score_segmentation(predicted: list[str], gold: list[str]) -> Scores:
    """Score one segmentation against the gold one by matching word spans.

    A predicted word counts as correct when a gold word starts and ends at the same character
    positions. Precision = correct / predicted words, recall = correct / gold words.

    Args:
        predicted: the words a tokenizer produced.
        gold: the reference words for the same text.

    Returns:
        ``Scores``; two empty lists score 1.0 (nothing to get wrong).

    Raises:
        TypeError: either argument is not a list of str.
        ValueError: the two do not spell the same text, or a word is empty.

    Example:
        >>> score_segmentation(["产业互联网"], ["产业", "互联网"]).recall
        0.0
        >>> score_segmentation(["直播", "带货"], ["直播", "带货"]).f1
        1.0
    """
    predicted = require_tokens(predicted, name="predicted")
    gold = require_tokens(gold, name="gold")
    pred_text, gold_text = "".join(predicted), "".join(gold)
    if pred_text != gold_text:
        at = next(
            (i for i, (a, b) in enumerate(zip(pred_text, gold_text, strict=False)) if a != b),
            min(len(pred_text), len(gold_text)),
        )
        raise ValueError(
            "predicted and gold spell different texts (first difference at character "
            f"{at}: {pred_text[at : at + 5]!r} vs {gold_text[at : at + 5]!r}); "
            "segment the same sentence, without dropping or changing characters"
        )
    pred_spans = _spans(predicted, name="predicted")
    gold_spans = _spans(gold, name="gold")
    return Scores.from_counts(len(pred_spans & gold_spans), len(pred_spans), len(gold_spans))


class Disagreement(NamedTuple):
    """A predicted word whose boundaries differ from the gold standard.

    Attributes:
        predicted: the word the tokenizer produced.
        gold: the gold words overlapping it.
        kind: ``"merged"`` (one predicted word for several gold words), ``"split"`` (part of
            one gold word) or ``"crossing"`` (boundaries cut across gold words).
    """

    predicted: str
    gold: tuple[str, ...]
    kind: str


def disagreements(predicted: list[str], gold: list[str]) -> list[Disagreement]:
    """List the predicted words that do not match a gold word, with the gold words they cover.

    Args:
        predicted: the words a tokenizer produced.
        gold: the reference words for the same text.

    Returns:
        One :class:`Disagreement` per wrong predicted word, in text order; ``[]`` when the
        segmentation is perfect.

    Raises:
        TypeError, ValueError: as :func:`score_segmentation`.

    Example:
        >>> disagreements(["产业互联网", "的", "前", "奏曲"], ["产业", "互联网", "的", "前奏曲"])
        [Disagreement(predicted='产业互联网', gold=('产业', '互联网'), kind='merged'), \
Disagreement(predicted='前', gold=('前奏曲',), kind='split'), \
Disagreement(predicted='奏曲', gold=('前奏曲',), kind='split')]
    """
    score_segmentation(predicted, gold)  # the same checks and messages
    gold_positions, start = [], 0
    for word in gold:
        gold_positions.append((start, start + len(word), word))
        start += len(word)
    gold_spans = {(a, b) for a, b, _ in gold_positions}
    found, start = [], 0
    for word in predicted:
        end = start + len(word)
        if (start, end) not in gold_spans:
            cover = tuple(g for a, b, g in gold_positions if a < end and b > start)
            inside = any(a <= start and end <= b for a, b, _ in gold_positions)
            exact_union = "".join(cover) == word
            kind = "split" if inside else "merged" if exact_union else "crossing"
            found.append(Disagreement(word, cover, kind))
        start = end
    return found


def evaluate_tokenizer(
    tokenize_fn: Callable[[str], list[str]],
    *,
    sentences: Iterable[GoldSentence] | None = None,
) -> Scores:
    """Micro-averaged P/R/F1 of ``tokenize_fn`` over gold sentences (all word counts pooled).

    Args:
        tokenize_fn: a function from a sentence to its words, e.g. ``segment.tokenize``.
        sentences: the gold sentences to use (default: ``load_gold()``).

    Returns:
        ``Scores`` over all sentences together.

    Raises:
        TypeError: ``tokenize_fn`` is not callable, returns something other than a list of str,
            or ``sentences`` holds something other than ``GoldSentence``.
        ValueError: ``tokenize_fn`` drops or changes characters of a sentence.

    Example:
        >>> from beyond_traffic.segment import tokenize
        >>> evaluate_tokenizer(tokenize).f1 > 0.8
        True
    """
    if not callable(tokenize_fn):
        raise TypeError(f"tokenize_fn must be callable, got {type(tokenize_fn).__name__}")
    if sentences is None:
        sentences = _shipped()
    elif isinstance(sentences, (str, bytes)) or not isinstance(sentences, Iterable):
        raise TypeError(f"sentences must be a list of GoldSentence, got {type(sentences).__name__}")
    correct = predicted = gold = 0
    for i, sentence in enumerate(sentences):
        if not isinstance(sentence, GoldSentence):
            raise TypeError(f"sentences[{i}] must be GoldSentence, got {type(sentence).__name__}")
        words = require_tokens(tokenize_fn(sentence.text), name="tokenize_fn output")
        try:
            scores = score_segmentation(words, list(sentence.words))
        except ValueError as err:
            raise ValueError(f"gold line {sentence.line} ({sentence.article_id}): {err}") from err
        correct += scores.correct
        predicted += scores.predicted
        gold += scores.gold
    return Scores.from_counts(correct, predicted, gold)


def compare_dictionary(*, sentences: Iterable[GoldSentence] | None = None):
    """Score jieba with and without the course dictionary, with and without its HMM.

    Returns:
        A pandas DataFrame, one row per setting, columns ``dictionary``, ``hmm``,
        ``precision``, ``recall``, ``f1``, ``words``.

    Example:
        >>> table = compare_dictionary()
        >>> list(table["dictionary"].unique())
        ['jieba', 'jieba + course']
    """
    import pandas as pd  # pandas is slow to import; only this function needs it

    from beyond_traffic.segment import tokenize

    chosen = list(_shipped() if sentences is None else sentences)
    rows = []
    for userdict in (False, True):
        for hmm in (True, False):
            scores = evaluate_tokenizer(
                lambda text, u=userdict, h=hmm: tokenize(text, userdict=u, hmm=h),
                sentences=chosen,
            )
            rows.append(
                {
                    "dictionary": "jieba + course" if userdict else "jieba",
                    "hmm": hmm,
                    "precision": round(scores.precision, 4),
                    "recall": round(scores.recall, 4),
                    "f1": round(scores.f1, 4),
                    "words": scores.predicted,
                }
            )
    return pd.DataFrame(rows)
