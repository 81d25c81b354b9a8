"""Sphinx extension: the book's Chinese search index segments with the course dictionary."""

# Sphinx's Chinese search (language "zh_CN") cuts every page with jieba's cut_for_search. Left
# alone, Sphinx 9 hands jieba its *own* main dictionary (jieba/dict.txt, shipped in the jieba
# wheel) a second time as a "user dictionary": nothing is downloaded, but it reloads 350,000
# entries, and course words such as 直播带货 or 产业互联网 are still cut into pieces, so a reader
# who searches for them finds nothing. This extension writes a user dictionary of the course's
# own words — the package's domain dictionary plus the Chinese names of the glossary — next to
# the doctrees and passes it as html_search_options["dict"]. jieba's main dictionary still comes
# from the installed package (no network), and its prefix cache goes to the course cache folder.
#
# It also mends the search page's JavaScript. Sphinx 9.0 names the query stemmer after the
# language ("window.Stemmer = ChineseStemmer") although the Chinese search ships the English one,
# so every search stops at "正在搜索中" with a ReferenceError (sphinx-doc/sphinx issue 14229,
# fixed upstream by naming the class after the stemmer file). CourseChinese hands Sphinx the same
# English stemmer under its own name; tests/test_book.py searches the built book in Chromium.

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search.zh import SearchChinese
from sphinx.util import logging

logger = logging.getLogger(__name__)

WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]*[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9]*")
GLOSSARY_FREQUENCY = 3000  # as the course dictionary's own entries: enough to keep a word whole


def _english_stemmer_js() -> str:
    """Sphinx's minified snowball stemmer for English, bound to the name searchtools.js calls."""
    import sphinx.search

    folder = Path(sphinx.search.__file__).parent / "minified-js"
    parts = [(folder / name).read_text(encoding="utf-8") for name in _STEMMER_FILES]
    return "\n".join([*parts, "window.Stemmer = EnglishStemmer;"])


_STEMMER_FILES = ("base-stemmer.js", "english-stemmer.js")


class CourseChinese(SearchChinese):
    """Sphinx's Chinese search, with a query stemmer that exists (English, for Latin words)."""

    js_stemmer_rawcode = ""  # Sphinx then inserts js_stemmer_code as it is

    @property
    def js_stemmer_code(self) -> str:  # type: ignore[override]
        return _english_stemmer_js()


def dictionary_lines(glossary_names: list[str]) -> list[str]:
    """Lines of a jieba user dictionary: the course dictionary, then glossary names it lacks.

    Example:
        >>> "直播带货 3000 vn" in dictionary_lines(["直播带货"])
        True
    """
    from beyond_traffic.segment import load_userdict_entries

    lines, seen = [], set()
    for entry in load_userdict_entries():
        fields = [entry.word, str(entry.freq) if entry.freq is not None else "", entry.tag or ""]
        lines.append(" ".join(f for f in fields if f))
        seen.add(entry.word)
    for name in glossary_names:
        if WORD.fullmatch(name) and name not in seen:
            lines.append(f"{name} {GLOSSARY_FREQUENCY}")
            seen.add(name)
    return lines


def _write_dictionary(app: Sphinx, config: Config) -> None:
    import jieba

    from beyond_traffic.segment import cache_dir

    # jieba builds its prefix dictionary from the wheel's dict.txt and caches it; keep the cache
    # with the course's (a per-user folder) rather than in a shared /tmp.
    cache = cache_dir()
    if cache is not None:
        jieba.dt.tmp_dir = str(cache)
    from glossary_links import glossary_entries

    names = [n for entry in glossary_entries(app) for n in entry.names]
    path = Path(app.doctreedir) / "search-userdict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(dictionary_lines(names)) + "\n", encoding="utf-8")
    config.html_search_options = {**(config.html_search_options or {}), "dict": str(path)}
    logger.info("chinese_search: jieba user dictionary %s", path)


def setup(app: Sphinx) -> dict:
    """Write the dictionary once the configuration is read."""
    app.setup_extension("glossary_links")
    app.add_search_language(CourseChinese)
    app.connect("config-inited", _write_dictionary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
