"""Whether the capstone's article is still the course's own (``beyond-traffic capstone`` swaps it).

Tests about the course's own article (its sentences, its planted noise, its figures in the
exemplar) carry :data:`requires_course_article`: with an instructor's page in place they do not
apply, and every other test still runs on whatever page is there.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "solutions" / "ps4_capstone" / "article.txt"
GENERATOR = ROOT / "instructors" / "capstone" / "make_article.py"
ORIGINAL = ROOT / "instructors" / "capstone" / "original.txt"


@lru_cache(maxsize=1)
def course_page() -> str | None:
    """The course's own page, as its generator makes it (``None`` if the generator is gone)."""
    if not (GENERATOR.is_file() and ORIGINAL.is_file()):
        return None
    spec = importlib.util.spec_from_file_location("make_article", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_page(ORIGINAL.read_text(encoding="utf-8").strip("\n"))


@lru_cache(maxsize=1)
def course_article_in_place() -> bool:
    """True when ``article.txt`` is what the course's generator makes from its original."""
    page = course_page()
    return page is not None and ARTICLE.is_file() and ARTICLE.read_text(encoding="utf-8") == page


requires_course_article = pytest.mark.skipif(
    "not __import__('capstone_article').course_article_in_place()",
    reason="an instructor substituted the capstone's article: this test is about the course's own",
)
