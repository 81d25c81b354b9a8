"""Chinese word segmentation on the course's own jieba Tokenizer (never jieba's global one)."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
import warnings
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

with warnings.catch_warnings():
    # Old jieba releases compile regexes with invalid escapes and may import pkg_resources; any
    # warning printed to stderr makes nbgrader mark the test cell as failed.
    warnings.simplefilter("ignore")
    import jieba

from beyond_traffic._validate import require_str

# jieba logs "Building prefix dict…" (and cache failures) to stderr, which zeroes nbgrader cells.
jieba.setLogLevel(logging.CRITICAL + 1)

__all__ = [
    "CourseTokenizer",
    "DictEntry",
    "cache_dir",
    "get_pos_tokenizer",
    "get_tokenizer",
    "load_userdict_entries",
    "make_tokenizer",
    "pos_tag",
    "tokenize",
]

CACHE_ENV = "BEYOND_TRAFFIC_CACHE_DIR"
_APP = "beyond-traffic"
# The characters jieba's default cut lets into one word (jieba.re_han_default, plus the chars
# it never splits); a dictionary word with anything else (a space, full-width letters) can only
# be produced by joining tokens after the cut.
_JIEBA_WORD_CHARS = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_USERDICT_LINE = re.compile(r"^(?P<word>.+?)(?: (?P<freq>[0-9]+))?(?: (?P<tag>[a-z]+))?$")


@dataclass(frozen=True)
class DictEntry:
    """One line of a jieba user dictionary.

    Attributes:
        word: the word, e.g. ``"产业互联网"``.
        freq: its frequency, or ``None`` to let jieba pick one that keeps it whole.
        tag: a jieba POS tag such as ``"n"``, or ``None``.

    Example:
        >>> DictEntry("直播带货", 3000, "vn").word
        '直播带货'
    """

    word: str
    freq: int | None = None
    tag: str | None = None


def _is_writable_dir(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        # os.access is not enough: root ignores permission bits, and read-only mounts lie.
        fd, probe = tempfile.mkstemp(dir=path, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError:
        return False
    return True


def _cache_candidates() -> list[Path]:
    candidates = []
    if override := os.environ.get(CACHE_ENV):
        candidates.append(Path(override))
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        candidates.append(Path(xdg) / _APP)
    elif os.name == "nt" and (local := os.environ.get("LOCALAPPDATA")):
        candidates.append(Path(local) / _APP / "Cache")
    else:
        try:
            candidates.append(Path.home() / ".cache" / _APP)
        except RuntimeError:  # no home directory can be determined (e.g. a bare container uid)
            pass
    user = os.environ.get("USER") or str(getattr(os, "getuid", lambda: "user")())
    candidates.append(Path(tempfile.gettempdir()) / f"{_APP}-{user}")
    return candidates


def cache_dir() -> Path | None:
    """Return the per-user directory for jieba's prefix-dictionary cache.

    Tried in order: ``$BEYOND_TRAFFIC_CACHE_DIR``, ``$XDG_CACHE_HOME/beyond-traffic`` (on Windows
    ``%LOCALAPPDATA%/beyond-traffic/Cache``), ``~/.cache/beyond-traffic``, and a per-user folder
    in the system temp directory (for a read-only home). The first one that can be written wins.

    Returns:
        The directory, or ``None`` when none is writable (jieba then simply rebuilds its
        dictionary each time, silently).

    Example:
        >>> cache_dir().name.startswith("beyond-traffic")
        True
    """
    for candidate in _cache_candidates():
        if _is_writable_dir(candidate):
            return candidate
    return None


def _parse_entry(line: str, *, where: str) -> DictEntry | None:
    line = line.strip().lstrip("\ufeff")
    if not line or line.startswith("#"):
        return None
    match = _USERDICT_LINE.match(line)
    if match is None:  # pragma: no cover - the pattern matches every non-empty line
        raise ValueError(f"{where}: cannot read dictionary line {line!r}")
    freq = match["freq"]
    return DictEntry(match["word"], int(freq) if freq is not None else None, match["tag"])


@lru_cache(maxsize=1)
def _shipped_entries() -> tuple[DictEntry, ...]:
    text = (resources.files("beyond_traffic") / "data" / "userdict.txt").read_text("utf-8")
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        entry = _parse_entry(line, where=f"userdict.txt line {lineno}")
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def load_userdict_entries() -> list[DictEntry]:
    """Return the entries of the shipped domain dictionary (``data/userdict.txt``).

    Example:
        >>> DictEntry("产业互联网", 3000, "n") in load_userdict_entries()
        True
    """
    return list(_shipped_entries())


class CourseTokenizer(jieba.Tokenizer):
    """A jieba ``Tokenizer`` that keeps its changes to itself.

    Differences from ``jieba.Tokenizer``, all so that one tokenizer cannot change another:

    - deleting a word (frequency 0) does not touch jieba's global HMM force-split list;
    - POS tags of added words stay readable by every ``POSTokenizer`` built on it (jieba's
      posseg empties ``user_word_tag_tab`` after its first use);
    - words jieba cannot produce (containing a space, e.g. ``"To B"``) are remembered, so
      ``tokenize`` can join them after the cut;
    - a *shared* tokenizer (from ``get_tokenizer``) refuses changes with a RuntimeError that
      points to ``make_tokenizer``.

    Example:
        >>> make_tokenizer(extra_words=["流量思维"]).lcut("流量思维")
        ['流量思维']
    """

    def __init__(self) -> None:
        self._tags: dict[str, str] = {}
        self._joined_words: set[str] = set()
        self._shared = False
        super().__init__()
        cache = cache_dir()
        if cache is not None:
            self.tmp_dir = str(cache)
        # One file per jieba version: jieba trusts any cache for its default dictionary.
        self.cache_file = f"jieba-{jieba.__version__}.cache"

    @property
    def user_word_tag_tab(self) -> dict[str, str]:  # type: ignore[override]
        return dict(self._tags)

    @user_word_tag_tab.setter
    def user_word_tag_tab(self, value: dict[str, str]) -> None:
        # jieba.Tokenizer.__init__ and posseg's makesure_userdict_loaded assign {}; ignoring it
        # keeps the tags for the next POSTokenizer built on this tokenizer.
        pass

    def _refuse_if_shared(self, what: str) -> None:
        if self._shared:
            raise RuntimeError(
                f"{what}: the course's shared tokenizer is read-only, so that every notebook "
                "cell sees the same dictionary. Make your own copy instead, e.g. "
                "tok = make_tokenizer(extra_words=['流量思维']); tokenize(text, tokenizer=tok)"
            )

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        """Add ``word`` (like jieba's ``add_word``), keeping the change in this tokenizer.

        Example:
            >>> tok = make_tokenizer()
            >>> tok.add_word("流量思维", 500, "n")
            >>> tok.lcut("流量思维")
            ['流量思维']
        """
        self._refuse_if_shared("add_word")
        word = require_str(word, name="word")
        if not word.strip():
            raise ValueError("word must not be empty or whitespace")
        if freq is not None and (isinstance(freq, bool) or not isinstance(freq, int)):
            raise TypeError(f"freq must be int or None, got {type(freq).__name__}")
        if freq is not None and freq < 0:
            raise ValueError(f"freq must be >= 0, got {freq}")
        self.check_initialized()
        if freq == 0:
            # jieba.Tokenizer.add_word(word, 0) would also add the word to the HMM's global
            # force-split list, changing jieba.lcut for everybody.
            self.FREQ[word] = 0
        else:
            super().add_word(word, freq)
        if tag:
            self._tags[word] = tag
        if _JIEBA_WORD_CHARS.fullmatch(word) is None:
            if freq == 0:
                self._joined_words.discard(word)
            else:
                self._joined_words.add(word)

    def del_word(self, word: str) -> None:
        """Remove ``word`` from this tokenizer's dictionary (frequency 0)."""
        self.add_word(word, 0)

    def set_dictionary(self, dictionary_path: str) -> None:
        """Replace the main dictionary (refused on the shared tokenizer)."""
        self._refuse_if_shared("set_dictionary")
        super().set_dictionary(dictionary_path)

    def add_entries(self, entries: Iterable[DictEntry]) -> None:
        """Add dictionary entries (see ``DictEntry``)."""
        for entry in entries:
            self.add_word(entry.word, entry.freq, entry.tag)

    @property
    def joined_words(self) -> frozenset[str]:
        """Dictionary words that contain a space or another char jieba cuts at."""
        return frozenset(self._joined_words)


def _build(extra: Iterable[DictEntry], *, userdict: bool) -> CourseTokenizer:
    tokenizer = CourseTokenizer()
    tokenizer.initialize()
    if userdict:
        tokenizer.add_entries(_shipped_entries())
    tokenizer.add_entries(extra)
    return tokenizer


_build_lock = threading.Lock()


@lru_cache(maxsize=2)
def _shared_tokenizer(userdict: bool) -> CourseTokenizer:
    with _build_lock:
        tokenizer = _build((), userdict=userdict)
        tokenizer._shared = True
        return tokenizer


def _require_bool(value: object, *, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__}")
    return value


def get_tokenizer(*, userdict: bool = True) -> CourseTokenizer:
    """Return the course's shared tokenizer, with or without the domain dictionary.

    Built once per process (later calls are instant). It is read-only: ``add_word`` on it raises
    a RuntimeError; use ``make_tokenizer`` to experiment with your own entries.

    Args:
        userdict: load the course dictionary ``data/userdict.txt`` (default True).

    Returns:
        A ``jieba.Tokenizer`` subclass, separate from ``jieba.dt``.

    Example:
        >>> get_tokenizer().lcut("产业互联网")
        ['产业互联网']
        >>> get_tokenizer(userdict=False).lcut("产业互联网")
        ['产业', '互联网']
    """
    return _shared_tokenizer(_require_bool(userdict, name="userdict"))


def _to_entry(item: object, index: int) -> DictEntry:
    where = f"extra_words[{index}]"
    if isinstance(item, DictEntry):
        return item
    if isinstance(item, str):
        return DictEntry(item)
    if isinstance(item, tuple) and 1 <= len(item) <= 3:
        word, freq, tag = (*item, None, None)[:3]
        if not isinstance(word, str):
            raise TypeError(f"{where}: the word must be str, got {type(word).__name__}")
        if freq is not None and (isinstance(freq, bool) or not isinstance(freq, int)):
            raise TypeError(f"{where}: the frequency must be int, got {type(freq).__name__}")
        if tag is not None and not isinstance(tag, str):
            raise TypeError(f"{where}: the POS tag must be str, got {type(tag).__name__}")
        return DictEntry(word, freq, tag)
    raise TypeError(
        f"{where} must be a word (str) or a tuple (word, freq) / (word, freq, tag), "
        f"got {type(item).__name__}"
    )


def make_tokenizer(
    extra_words: Iterable[str | tuple] | None = None, *, userdict: bool = True
) -> CourseTokenizer:
    """Return a *new* tokenizer you own: the course dictionary plus your own entries.

    The shared tokenizer stays unchanged, so other cells (and the autograder) are not affected.

    Args:
        extra_words: words to add, each a ``str`` (jieba picks a frequency that keeps it
            whole), a tuple ``(word, freq)`` or ``(word, freq, tag)``; frequency 0 removes a word.
        userdict: start from the course dictionary (default True) or from jieba's alone.

    Returns:
        A fresh ``CourseTokenizer``; pass it on as ``tokenize(text, tokenizer=tok)``.

    Raises:
        TypeError: ``extra_words`` is a str or holds something other than words/tuples.
        ValueError: a word is empty or a frequency is negative.

    Example:
        >>> tok = make_tokenizer(extra_words=["流量思维", ("前奏曲", 0)])
        >>> tokenize("抛弃流量思维", tokenizer=tok)
        ['抛弃', '流量思维']
    """
    _require_bool(userdict, name="userdict")
    if extra_words is None:
        extra_words = ()
    if isinstance(extra_words, (str, bytes)) or not isinstance(extra_words, Iterable):
        raise TypeError(
            "extra_words must be a list of words, e.g. ['流量思维'], "
            f"got {type(extra_words).__name__}"
        )
    entries = [_to_entry(item, i) for i, item in enumerate(extra_words)]
    return _build(entries, userdict=userdict)


def _resolve(tokenizer: object, userdict: bool) -> jieba.Tokenizer:
    _require_bool(userdict, name="userdict")
    if tokenizer is None:
        return get_tokenizer(userdict=userdict)
    if not isinstance(tokenizer, jieba.Tokenizer):
        raise TypeError(
            "tokenizer must be a jieba.Tokenizer (e.g. from make_tokenizer), "
            f"got {type(tokenizer).__name__}"
        )
    if not userdict:
        raise ValueError("give either tokenizer=… or userdict=False, not both")
    return tokenizer


def _join_spans(tokens: list[str], words: frozenset[str]) -> list[tuple[int, int]]:
    """Return (start, end) spans of ``tokens``, longest run spelling one of ``words`` first."""
    longest = max((len(w) for w in words), default=0)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        end, joined = i + 1, ""
        for j in range(i, len(tokens)):
            joined += tokens[j]
            if len(joined) > longest:
                break
            if joined in words:
                end = j + 1
        spans.append((i, end))
        i = end
    return spans


def tokenize(
    text: str, *, userdict: bool = True, hmm: bool = True, tokenizer: jieba.Tokenizer | None = None
) -> list[str]:
    """Segment ``text`` into words, dropping whitespace-only tokens.

    Args:
        text: Chinese text (use the cleaned corpus text: Simplified, no pinyin annotations).
        userdict: use the course dictionary (default True); False gives jieba's dictionary only.
        hmm: let jieba's HMM guess words missing from the dictionary (default True).
        tokenizer: your own tokenizer from ``make_tokenizer`` (then leave ``userdict`` alone).

    Returns:
        The words in order; ``"".join(words)`` is ``text`` without its whitespace, except that
        words like ``"To B"`` keep their inner space.

    Raises:
        TypeError: ``text`` is not a str (bytes: decode first), or an option has a wrong type.

    Example:
        >>> tokenize("直播带货是产业互联网的前奏曲")
        ['直播带货', '是', '产业互联网', '的', '前奏曲']
        >>> tokenize("直播带货是产业互联网的前奏曲", userdict=False)
        ['直播', '带货', '是', '产业', '互联网', '的', '前奏曲']
    """
    require_str(text, name="text")
    _require_bool(hmm, name="hmm")
    tok = _resolve(tokenizer, userdict)
    if not text:
        return []
    tokens = tok.lcut(text, HMM=hmm)
    spans = _join_spans(tokens, getattr(tok, "joined_words", frozenset()))
    return [w for w in ("".join(tokens[a:b]) for a, b in spans) if w.strip()]


_pos_lock = threading.Lock()
_pos_tokenizers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def get_pos_tokenizer(*, userdict: bool = True, tokenizer: jieba.Tokenizer | None = None):
    """Return a ``jieba.posseg.POSTokenizer`` on the course tokenizer (one per tokenizer).

    Use this rather than building your own ``POSTokenizer(get_tokenizer())``: loading the tag
    table takes about a second, and this one is cached.

    Example:
        >>> [tuple(p) for p in get_pos_tokenizer().lcut("赋能B端")]
        [('赋能', 'v'), ('B端', 'n')]
    """
    tok = _resolve(tokenizer, userdict)
    with _pos_lock:
        pos = _pos_tokenizers.get(tok)
        if pos is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import jieba.posseg  # loads jieba's tag table: import only when asked for tags

            pos = jieba.posseg.POSTokenizer(tok)
            _pos_tokenizers[tok] = pos
    return pos


def pos_tag(
    text: str, *, userdict: bool = True, hmm: bool = True, tokenizer: jieba.Tokenizer | None = None
) -> list[tuple[str, str]]:
    """Segment ``text`` with ``tokenize`` and tag each word with its jieba part of speech.

    Tags are jieba's (ICTCLAS-style: ``n`` noun, ``v`` verb, ``d`` adverb, ``x`` punctuation…):
    the course dictionary's tag for its words, jieba's dictionary tag for the others, and for a
    word neither lists (one the HMM guessed) the tag jieba.posseg gives it alone, taking the
    last non-punctuation piece if posseg would cut it.

    Args:
        text: Chinese text.
        userdict: use the course dictionary (default True).
        hmm: let jieba's HMM guess unknown words (default True).
        tokenizer: your own tokenizer from ``make_tokenizer``.

    Returns:
        ``(word, tag)`` pairs; the words are exactly ``tokenize(text, …)`` with the same options
        (jieba.posseg alone can cut differently, since its HMM is another model).

    Raises:
        TypeError: ``text`` is not a str, or an option has a wrong type.

    Example:
        >>> pos_tag("赋能B端用户")
        [('赋能', 'v'), ('B端', 'n'), ('用户', 'n')]
    """
    words = tokenize(text, userdict=userdict, hmm=hmm, tokenizer=tokenizer)
    if not words:
        return []
    pos = get_pos_tokenizer(userdict=userdict, tokenizer=tokenizer)
    user_tags = pos.tokenizer.user_word_tag_tab
    pos.makesure_userdict_loaded()
    table = pos.word_tag_tab
    pairs = []
    for word in words:
        tag = user_tags.get(word) or table.get(word)
        if tag is None:
            flags = [p.flag for p in pos.lcut(word, HMM=hmm)]
            tag = next((f for f in reversed(flags) if f != "x"), "x")
        pairs.append((word, tag))
    return pairs
