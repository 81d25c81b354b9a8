"""Sphinx extension: anchors for the rows of course/glossary.md, and links to them from lessons."""

# The glossary is edited as plain Markdown tables (first column: the term, aliases separated by
# " / "). This extension leaves the file alone and, in the built book only:
# - gives each row an anchor (``term-<first name>``) and registers every name as a Sphinx
#   glossary term, so ``{term}`` roles work too;
# - links the first use of each term on a lesson page (prose only: never code, outputs,
#   headings or existing links), with the English gloss as the link's tooltip;
# - turns a literal mention of ``glossary.md`` into a link to the glossary page.
# Terms are read from the file itself, so lessons and glossary can change without touching this.

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

HAN = re.compile(r"[\u3400-\u9fff]")
# Link only names at least this long: one-character terms (词) are everywhere.
MIN_LENGTH = 2
# No link inside these: code, outputs, raw HTML, headings, existing links.
SKIP_INSIDE = (
    nodes.FixedTextElement,
    nodes.literal,
    nodes.raw,
    nodes.title,
    nodes.subtitle,
    nodes.reference,
    nodes.target,
    nodes.image,
    nodes.comment,
    addnodes.pending_xref,
)
GLOSSARY_FILE_NAMES = {"glossary.md", "course/glossary.md"}


@dataclass(frozen=True)
class GlossaryEntry:
    """One row of a glossary table.

    Attributes:
        names: the term and its aliases, as written in the first column (``ToB / ToC`` gives two).
        pinyin: the second column.
        english: the third column, used as the link's tooltip.
        anchor: the row's id in the built page.
    """

    names: tuple[str, ...]
    pinyin: str
    english: str
    anchor: str


def _cells(line: str) -> list[str]:
    # Inline markup (`code`, *emphasis*) is dropped: the rendered cell's text is what counts.
    return [re.sub(r"[`*]", "", cell).strip() for cell in line.strip().strip("|").split("|")]


def anchor_for(name: str) -> str:
    """The id of a term's row: ``term-`` and the first name, spaces as hyphens."""
    return "term-" + re.sub(r"\s+", "-", name.strip())


def parse_glossary(text: str) -> list[GlossaryEntry]:
    """Read the entries of every Markdown table in ``text`` (header and rule rows skipped).

    Example:
        >>> table = "| 中文 | 拼音 | English |\\n|---|---|---|\\n| 流量 | liúliàng | traffic |"
        >>> parse_glossary(table)[0].anchor
        'term-流量'
    """
    entries = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            continue
        is_rule = re.fullmatch(r"[\s|:-]+", line) is not None
        next_is_rule = index + 1 < len(lines) and re.fullmatch(r"[\s|:-]+", lines[index + 1])
        if is_rule or next_is_rule:
            continue
        cells = _cells(line)
        if len(cells) < 3 or not cells[0]:
            continue
        names = tuple(n.strip() for n in cells[0].split(" / ") if n.strip())
        anchor = anchor_for(names[0])
        entries.append(GlossaryEntry(names, pinyin=cells[1], english=cells[2], anchor=anchor))
    return entries


def term_pattern(entries: list[GlossaryEntry]) -> re.Pattern[str] | None:
    """One regular expression for every linkable name, longest first.

    Latin names (``jieba``, ``TF-IDF``) must stand alone, not inside a longer Latin word.
    """
    names = sorted(
        {n for e in entries for n in e.names if len(n) >= MIN_LENGTH},
        key=lambda n: (-len(n), n),
    )
    if not names:
        return None
    parts = []
    for name in names:
        escaped = re.escape(name)
        if not HAN.search(name):
            escaped = rf"(?<![A-Za-z0-9_-]){escaped}(?![A-Za-z0-9_])"
        parts.append(escaped)
    return re.compile("|".join(parts))


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIP_INSIDE):
            return True
        if isinstance(parent, nodes.container) and any(
            c.startswith("cell_output") or c == "cell_input" for c in parent.get("classes", [])
        ):
            return True
        parent = parent.parent
    return False


def link_terms(
    doctree: nodes.document,
    *,
    pattern: re.Pattern[str],
    by_name: dict[str, GlossaryEntry],
    refuri: str,
) -> list[str]:
    """Link the first use of each term in ``doctree`` to ``refuri#anchor``; return those names."""
    linked_anchors: set[str] = set()
    linked: list[str] = []
    for text in list(doctree.findall(nodes.Text)):
        if text.parent is None or _skipped(text):
            continue
        source = str(text)
        pieces: list[nodes.Node] = []
        position = 0
        for match in pattern.finditer(source):
            entry = by_name[match.group(0)]
            if entry.anchor in linked_anchors:
                continue
            linked_anchors.add(entry.anchor)
            linked.append(match.group(0))
            if match.start() > position:
                pieces.append(nodes.Text(source[position : match.start()]))
            reference = nodes.reference(
                "",
                "",
                nodes.Text(match.group(0)),
                refuri=f"{refuri}#{entry.anchor}",
                reftitle=f"{entry.english} ({entry.pinyin})" if entry.pinyin else entry.english,
                internal=True,
                classes=["glossary-link"],
            )
            pieces.append(reference)
            position = match.end()
        if pieces:
            if position < len(source):
                pieces.append(nodes.Text(source[position:]))
            text.parent.replace(text, pieces)
    return linked


def _entries(app: Sphinx) -> list[GlossaryEntry]:
    path = Path(app.srcdir) / f"{app.config.glossary_document}.md"
    if not path.is_file():
        logger.warning("glossary_links: %s not found; no glossary links", path)
        return []
    return parse_glossary(path.read_text(encoding="utf-8"))


def glossary_entries(app: Sphinx) -> list[GlossaryEntry]:
    """The entries of this build's glossary, read once per build."""
    if not hasattr(app, "course_glossary"):
        app.course_glossary = _entries(app)  # type: ignore[attr-defined]
    return app.course_glossary  # type: ignore[attr-defined]


def _anchor_rows(app: Sphinx, doctree: nodes.document) -> None:
    """On the glossary page: an id on each row's first cell, and Sphinx terms for every name."""
    if app.env.docname != app.config.glossary_document:
        return
    by_first = {e.names[0]: e for e in glossary_entries(app)}
    std = app.env.get_domain("std")
    for row in doctree.findall(nodes.row):
        if isinstance(row.parent, nodes.thead) or not len(row):
            continue
        first = row[0]
        names = [n.strip() for n in first.astext().split(" / ")]
        entry = by_first.get(names[0])
        if entry is None:
            continue
        first["ids"].append(entry.anchor)
        for name in entry.names:
            if ("term", name) in std.objects:
                # A name in two rows: the first row keeps it (and its links), quietly.
                continue
            std.note_object("term", name, entry.anchor, location=first)


def _link_document(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    entries = glossary_entries(app)
    glossary = app.config.glossary_document
    if not entries or docname == glossary:
        return
    refuri = app.builder.get_relative_uri(docname, glossary)
    for literal in list(doctree.findall(nodes.literal)):
        if literal.astext() in GLOSSARY_FILE_NAMES and not _skipped(literal):
            literal.parent.replace(
                literal,
                nodes.reference("", "", literal.deepcopy(), refuri=refuri, internal=True),
            )
    if not any(re.search(p, docname) for p in app.config.glossary_linked_documents):
        return
    pattern = term_pattern(entries)
    if pattern is None:
        return
    by_name = {name: e for e in entries for name in e.names}
    link_terms(doctree, pattern=pattern, by_name=by_name, refuri=refuri)


def setup(app: Sphinx) -> dict:
    """Register the configuration values and event handlers."""
    app.add_config_value("glossary_document", "course/glossary", "env")
    app.add_config_value("glossary_linked_documents", [r"^course/\d\d_"], "env")
    app.connect("doctree-read", _anchor_rows)
    app.connect("doctree-resolved", _link_document)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
