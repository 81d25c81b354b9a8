"""Sphinx extension: every image in the book says what it shows, or the build fails."""

# A chart a lesson draws reaches the page as an <img> whose alt text is, by default, the image's
# file path: a screen reader reads out "../_images/abc123.png". The lesson gives each plotting
# cell a description in its metadata, which MyST-NB turns into the alt text:
#     # %% mystnb={"image": {"alt": "横向条形图：… / Horizontal bar chart: …"}}
# This extension warns (and `make site`, built with -W, fails) for any image without one, naming
# the page, so a new chart cannot be published undescribed.

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Shorter than this is a label, not a description ("chart", "图").
MIN_ALT = 8


def missing_alt(doctree: nodes.Node) -> list[str]:
    """The URIs of images in ``doctree`` without a real description.

    Example:
        >>> doc = nodes.section()
        >>> doc += nodes.image(uri="_images/a.png")
        >>> doc += nodes.image(uri="_images/b.png", alt="条形图：A2 的高频词 / bar chart")
        >>> missing_alt(doc)
        ['_images/a.png']
    """
    missing = []
    for image in doctree.findall(nodes.image):
        alt = str(image.get("alt", "")).strip()
        uri = str(image.get("uri", ""))
        if len(alt) < MIN_ALT or alt == uri or alt.endswith((".png", ".svg", ".jpg")):
            missing.append(uri)
    return missing


def _check(app, doctree: nodes.document, docname: str) -> None:
    for uri in missing_alt(doctree):
        logger.warning(
            "%s: an image has no alt text (%s): describe what it shows in its cell's metadata, "
            'mystnb={"image": {"alt": "…"}}',
            docname,
            uri,
            location=docname,
        )


def setup(app) -> dict:
    """Check every page once its references are resolved."""
    app.connect("doctree-resolved", _check)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
