"""The students' written answers, read from the autograded (else submitted) notebooks."""

from __future__ import annotations

import json
from pathlib import Path

#: Longest answer text shown or exported (a pasted book must not stall the page).
MAX_ANSWER_CHARS = 20_000


def answer_text(course, assignment: str, notebook: str, student: str, grade_id: str) -> str | None:
    """The source of cell ``grade_id`` in the student's notebook; None when there is none.

    Example:
        >>> answer_text  # doctest: +ELLIPSIS
        <function answer_text at ...>
    """
    for kind in ("autograded", "submitted"):
        path = Path(course.path(kind, student, assignment)) / f"{notebook}.ipynb"
        try:
            if path.is_symlink() or not path.is_file():
                continue
            data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, ValueError):
            continue
        for cell in data.get("cells", []) if isinstance(data, dict) else []:
            meta = cell.get("metadata", {}).get("nbgrader", {}) if isinstance(cell, dict) else {}
            if isinstance(meta, dict) and meta.get("grade_id") == grade_id:
                src = cell.get("source", "")
                src = "".join(src) if isinstance(src, list) else str(src)
                return src[:MAX_ANSWER_CHARS]
        return None
    return None
