"""Execute the lessons and write them as a static HTML site with an index page (`make site`)."""

from __future__ import annotations

import argparse
import html
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

LESSON_GLOB = "[0-9][0-9]_*.ipynb"


@dataclass(frozen=True)
class ExecutedLesson:
    """A lesson after running top to bottom.

    Attributes:
        path: the source notebook.
        notebook: the executed notebook (outputs filled in).
        seconds: wall-clock time of the run.
    """

    path: Path
    notebook: nbformat.NotebookNode
    seconds: float


def lesson_paths(course_dir: Path) -> list[Path]:
    """Return the lesson notebooks of ``course_dir`` in order (``00_…`` to ``07_…``).

    Example:
        >>> lesson_paths(Path("no-such-folder"))
        []
    """
    return sorted(Path(course_dir).glob(LESSON_GLOB))


def execute_lesson(
    path: Path, *, timeout: int = 120, kernel_name: str = "python3"
) -> ExecutedLesson:
    """Run one lesson top to bottom in a fresh kernel, in its own folder, and time it.

    Errors are not raised: they stay in the outputs, so a caller can report all of them.

    Example:
        ``execute_lesson(Path("course/00_orientation.ipynb")).seconds`` — about 3 s.
    """
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    return ExecutedLesson(path=path, notebook=nb, seconds=time.perf_counter() - start)


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    """List what went wrong in an executed notebook: errors, stderr output, missing glyphs.

    Example:
        >>> problems(nbformat.v4.new_notebook())
        []
    """
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif kind == "stream" and output.get("name") == "stderr":
                found.append(f"cell {index}: stderr: {output.get('text', '')[:300]}")
            text = str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
            if "missing from font" in text or "Glyph" in text and "missing" in text:
                found.append(f"cell {index}: missing glyph: {text[:300]}")
    return found


def _title_and_abstract(nb: nbformat.NotebookNode) -> tuple[str, str]:
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    title = lines[0].lstrip("# ").strip() if lines else "?"
    paragraphs = [" ".join(p.split()) for p in first.split("\n\n")]
    abstract = next((p for p in paragraphs if "Abstract" in p), "")
    return title, abstract.replace("**", "").replace("*", "")


def build_site(course_dir: Path, out_dir: Path, *, timeout: int = 120) -> list[Path]:
    """Execute every lesson and write ``out_dir/NN_name.html`` plus ``out_dir/index.html``.

    The pages embed their images and styles, so the folder reads offline.

    Returns:
        The HTML files written, index last.

    Raises:
        RuntimeError: a lesson had errors (listed in the message).
    """
    from nbconvert import HTMLExporter

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    written, rows, failures = [], [], []
    for path in lesson_paths(course_dir):
        run = execute_lesson(path, timeout=timeout)
        failures += [f"{path.name}: {p}" for p in problems(run.notebook)]
        body, _ = exporter.from_notebook_node(run.notebook)
        target = out_dir / (path.stem + ".html")
        target.write_text(body, encoding="utf-8")
        written.append(target)
        title, abstract = _title_and_abstract(run.notebook)
        rows.append(
            f'<li><a href="{html.escape(target.name)}">{html.escape(title)}</a>'
            f"<p>{html.escape(abstract)}</p></li>"
        )
    if failures:
        raise RuntimeError("lessons with problems:\n" + "\n".join(failures))
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html lang='zh-Hans'><head><meta charset='utf-8'>"
        "<title>流量之外 · Beyond Traffic</title>"
        "<style>body{max-width:52rem;margin:2rem auto;font-family:sans-serif;line-height:1.6}"
        "li{margin-bottom:1rem}</style></head><body>"
        "<h1>流量之外 · Beyond Traffic</h1><ol>" + "".join(rows) + "</ol></body></html>",
        encoding="utf-8",
    )
    written.append(index)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m beyond_traffic.site --course course --out _site``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--course", type=Path, default=Path("course"))
    parser.add_argument("--out", type=Path, default=Path("_site"))
    args = parser.parse_args(argv)
    pages = build_site(args.course, args.out)
    print(f"wrote {len(pages)} pages to {args.out}/ (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
