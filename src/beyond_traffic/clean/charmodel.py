"""A character model of ordinary Chinese text: how common each character and pair is."""

from __future__ import annotations

import json
import operator
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["PAIR_LIMIT", "CharModel", "char_model"]

_VERSION = 3
#: Pairs of two characters both more frequent than this are not kept: the garbling check only
#: asks about pairs with an uncommon character, and the smaller table loads in a fraction.
PAIR_LIMIT = 5000


@dataclass(frozen=True)
class CharModel:
    """Counts of characters and adjacent character pairs in ordinary Chinese text.

    Built from jieba's dictionary (the course tokenizer's base: each word adds its frequency to
    its characters and to its adjacent pairs), the course dictionary
    (``data/userdict.txt``) and the five seed articles (errata applied, notes stripped,
    Simplified). Counts of Simplified characters; look Traditional ones up after conversion.

    Attributes:
        unigrams: character → count.
        bigrams: two-character string → count, for pairs with at least one character
            counted at most :data:`PAIR_LIMIT` times.

    Example:
        >>> model = char_model()
        >>> model.count("产") > 100 > model.count("樘")
        True
    """

    unigrams: dict[str, int]
    bigrams: dict[str, int]

    def count(self, ch: str) -> int:
        """How often ``ch`` occurs (0 when unseen).

        Example:
            >>> char_model().count("网") > 0
            True
        """
        return self.unigrams.get(ch, 0)

    def pair(self, a: str, b: str) -> int:
        """How often ``a`` is followed by ``b`` (0 when unseen).

        Example:
            >>> char_model().pair("缥", "缈") > 0
            True
        """
        return self.bigrams.get(a + b, 0)


def _pairs(text: str) -> Counter[str]:
    return Counter(map(operator.add, text, text[1:]))


def _course_text() -> str:
    # Imported here: the pipeline's steps are what make the seeds comparable to clean text.
    from beyond_traffic.clean.repair import apply_errata
    from beyond_traffic.clean.ruby import strip_pinyin_annotations
    from beyond_traffic.clean.script import to_simplified

    data = resources.files("beyond_traffic") / "data"
    parts = [
        " ".join(
            line.split(" ", 1)[0]
            for line in (data / "userdict.txt").read_text("utf-8").splitlines()
        )
    ]
    for seed in sorted((data / "seeds").iterdir(), key=lambda p: p.name):
        if seed.name.endswith(".txt"):
            text = seed.read_text(encoding="utf-8")
            parts.append(to_simplified(strip_pinyin_annotations(apply_errata(text))))
    return "\n".join(parts)


def _build() -> CharModel:
    jieba_dict = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")
    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for line in jieba_dict.splitlines():
        word, freq, _ = line.split(" ", 2)
        n = int(freq)
        for ch in word:
            unigrams[ch] += n
        for i in range(len(word) - 1):
            bigrams[word[i : i + 2]] += n
    course = _course_text()
    unigrams.update(course)
    bigrams.update(_pairs(course))
    han = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
    kept = {c: n for c, n in unigrams.items() if han.match(c)}

    def needed(pair: str) -> bool:
        a, b = kept.get(pair[0]), kept.get(pair[1])
        return a is not None and b is not None and min(a, b) <= PAIR_LIMIT

    return CharModel(kept, {p: n for p, n in bigrams.items() if needed(p)})


def _cache_file() -> Path | None:
    from beyond_traffic.segment import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    size = (resources.files("jieba") / "dict.txt").stat().st_size  # type: ignore[union-attr]
    userdict = (resources.files("beyond_traffic") / "data" / "userdict.txt").read_bytes()
    return folder / f"charmodel-v{_VERSION}-{size}-{len(userdict)}.json"


@lru_cache(maxsize=1)
def char_model() -> CharModel:
    """The course's character model, built once (a few seconds) and cached on disk.

    Example:
        >>> char_model().pair("尴", "尬") > 0
        True
    """
    try:
        path = _cache_file()
    except (OSError, TypeError, AttributeError):
        path = None
    if path is not None and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return CharModel(data["unigrams"], data["bigrams"])
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache is rebuilt below
    model = _build()
    if path is not None:
        try:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(
                json.dumps(
                    {"unigrams": model.unigrams, "bigrams": model.bigrams}, ensure_ascii=False
                ),
                encoding="utf-8",
            )
            tmp.replace(path)
        except OSError:
            pass  # no cache: the model is rebuilt next time
    return model
