"""Sphinx extension: the student book (lessons, glossary, student guides) or the full book."""

# `make site` builds the student book: lessons, glossary, and the guides a student reads — the
# documents the student edition ships (beyond_traffic.edition.OPTIONAL) and those the course's
# pages name. Every other document in docs/ (the instructors' guide, grading, the hub, the
# architecture…) is for instructors and appears only in `make site-instructors`. A new document
# is therefore an instructors' page until a lesson names it or the edition ships it.

from __future__ import annotations

import re
from pathlib import Path

#: The editions conf.py accepts in BOOK_EDITION.
EDITIONS = ("student", "instructors")
#: How a page of the course names a document (a link or a literal path).
_DOC_MENTION = re.compile(r"docs/([A-Za-z0-9_-]+)\.md")
#: The toctree of book/index.md that lists the instructors' documents.
_INSTRUCTORS_TOCTREE = re.compile(
    r"```\{toctree\}\n:caption: 教师文档 For instructors\n.*?```", re.S
)
_INSTRUCTORS_PROSE = re.compile(r"^- \*\*教师 Instructors\*\*.*?(?=\n\n|\n- |\Z)", re.S | re.M)


def student_docs(root: Path) -> list[str]:
    """Names (``docs/x``) of the documents in the student book.

    Example:
        >>> "docs/instructors" in student_docs(Path(__file__).resolve().parents[2])
        False
    """
    from beyond_traffic.edition import OPTIONAL

    names = {Path(p).stem for p in OPTIONAL if p.startswith("docs/") and p.endswith(".md")}
    for page in sorted((root / "course").glob("*")):
        if page.suffix in (".md", ".ipynb") and page.is_file():
            names |= set(_DOC_MENTION.findall(page.read_text(encoding="utf-8")))
    return sorted(f"docs/{n}" for n in names if (root / "docs" / f"{n}.md").is_file())


def excluded_docs(root: Path, edition: str) -> list[str]:
    """The ``exclude_patterns`` entries that leave instructors' documents out of ``edition``.

    Raises:
        ValueError: an edition other than ``student`` or ``instructors``.

    Example:
        >>> root = Path(__file__).resolve().parents[2]
        >>> "docs/grading.md" in excluded_docs(root, "student"), excluded_docs(root, "instructors")
        (True, [])
    """
    if edition not in EDITIONS:
        raise ValueError(f"BOOK_EDITION must be one of {', '.join(EDITIONS)}, got {edition!r}")
    if edition == "instructors":
        return []
    keep = set(student_docs(root))
    return sorted(
        f"docs/{p.name}" for p in (root / "docs").glob("*.md") if f"docs/{p.stem}" not in keep
    )


def student_index(text: str, docs: list[str]) -> str:
    """book/index.md for the student book: guides instead of the instructors' documents.

    Example:
        >>> page = "- **教师 Instructors**: x\\n\\n```{toctree}\\n:caption: 教师文档 For instructors\\n/docs/*\\n```"
        >>> print(student_index(page, ["docs/font"]))
        <BLANKLINE>
        <BLANKLINE>
        ```{toctree}
        :caption: 指南 Guides
        :maxdepth: 1
        <BLANKLINE>
        /docs/font
        ```
    """  # noqa: E501 - a doctest's input is one line
    toctree = "```{toctree}\n:caption: 指南 Guides\n:maxdepth: 1\n\n"
    toctree += "".join(f"/{d}\n" for d in docs) + "```"
    text = _INSTRUCTORS_PROSE.sub("", text)
    return _INSTRUCTORS_TOCTREE.sub(lambda _: toctree if docs else "", text)


def _rewrite_index(app, docname: str, source: list[str]) -> None:
    if app.config.book_edition == "student" and docname == app.config.root_doc:
        source[0] = student_index(source[0], student_docs(Path(app.srcdir)))


def setup(app) -> dict:
    """Register ``book_edition`` and the handler that rewrites the index for students."""
    app.add_config_value("book_edition", "student", "env")
    app.connect("source-read", _rewrite_index)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
