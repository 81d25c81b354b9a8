"""Regenerate the student release (assignments/) from the nbgrader source (solutions/)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat

ASSIGNMENTS: tuple[str, ...] = ("ps1_segment", "ps2_count", "ps3_critique", "ps4_capstone")

# Notebook metadata that says where or when a file was made, not what the student gets.
_VOLATILE_NB_KEYS = ("jupytext", "widgets", "celltoolbar", "toc", "varInspector")
_VOLATILE_CELL_KEYS = (
    "execution",
    "collapsed",
    "scrolled",
    "ExecuteTime",
    "jupyter",
    "lines_to_next_cell",
)
# nbgrader leaves these behind in a release; none of them belongs in the student's copy.
_LEFTOVER_NAMES = (".ipynb_checkpoints", "__pycache__", "timestamp.txt")


def assignment_ids(root: Path) -> list[str]:
    """Return the assignments found in ``root/solutions`` (each a folder holding ``<name>.ipynb``).

    Example:
        >>> assignment_ids(Path("."))  # doctest: +SKIP
        ['ps1_segment', 'ps2_count', 'ps3_critique', 'ps4_capstone']
    """
    if not isinstance(root, Path):
        raise TypeError(f"root must be pathlib.Path, got {type(root).__name__}")
    source = root / "solutions"
    if not source.is_dir():
        return []
    return sorted(p.name for p in source.iterdir() if (p / f"{p.name}.ipynb").is_file())


def tidy_notebook(path: Path) -> None:
    """Rewrite one released notebook without outputs, execution counts or volatile metadata.

    The jupytext pairing goes too: a student's JupyterLab would otherwise write their answers
    to a ``.py`` twin that nobody collects.

    Example:
        >>> tidy_notebook(Path("assignments/ps1_segment/ps1_segment.ipynb"))  # doctest: +SKIP
    """
    if not isinstance(path, Path):
        raise TypeError(f"path must be pathlib.Path, got {type(path).__name__}")
    nb = nbformat.read(path, as_version=4)
    for key in _VOLATILE_NB_KEYS:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8")


def tidy_release(folder: Path) -> list[Path]:
    """Tidy every notebook in one released assignment and drop what nbgrader left behind.

    The jupytext ``.py`` twin of a solution notebook holds the solutions, so it is removed
    even if ``CourseDirectory.ignore`` did not keep it out.

    Returns:
        The notebooks kept, sorted.

    Example:
        >>> tidy_release(Path("assignments/ps2_count"))  # doctest: +SKIP
        [PosixPath('assignments/ps2_count/ps2_count.ipynb')]
    """
    if not isinstance(folder, Path):
        raise TypeError(f"folder must be pathlib.Path, got {type(folder).__name__}")
    notebooks = sorted(folder.rglob("*.ipynb"))
    stems = {nb.with_suffix("") for nb in notebooks}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.name in _LEFTOVER_NAMES or (path.suffix == ".py" and path.with_suffix("") in stems):
            _remove(path)
    notebooks = sorted(p for p in folder.rglob("*.ipynb") if p.exists())
    for nb in notebooks:
        tidy_notebook(nb)
    return notebooks


def _remove(path: Path) -> None:
    if path.is_dir():
        for child in sorted(path.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        path.rmdir()
    elif path.exists():
        path.unlink()


def nbgrader_env(python: str = sys.executable) -> dict[str, str]:
    """Return ``os.environ`` with the interpreter's ``bin/`` first on PATH.

    nbgrader runs the ``alembic`` command to check its database, so it must find the venv's
    scripts even when nobody activated the venv.

    Example:
        >>> nbgrader_env("/work/.venv/bin/python")["PATH"].startswith("/work/.venv/bin")
        True
    """
    if not isinstance(python, str):
        raise TypeError(f"python must be str, got {type(python).__name__}")
    env = dict(os.environ)
    bindir = str(Path(python).parent)
    env["PATH"] = os.pathsep.join([bindir, env.get("PATH", "")]) if env.get("PATH") else bindir
    return env


def generate(
    root: Path,
    *,
    assignments: Sequence[str] | None = None,
    python: str = sys.executable,
    quiet: bool = False,
) -> list[Path]:
    """Run ``nbgrader generate_assignment`` in the course ``root`` for each assignment, then tidy.

    Args:
        root: the course folder (holds ``nbgrader_config.py`` and ``solutions/``).
        assignments: which to build; default all found in ``solutions/``.
        python: the interpreter that runs ``-m nbgrader`` (the project's venv by default).
        quiet: hide nbgrader's log.

    Returns:
        The released notebooks.

    Raises:
        FileNotFoundError: ``root`` has no ``nbgrader_config.py``.
        subprocess.CalledProcessError: nbgrader failed.

    Example:
        >>> generate(Path("."), assignments=["ps1_segment"])  # doctest: +SKIP
        [PosixPath('assignments/ps1_segment/ps1_segment.ipynb')]
    """
    if not isinstance(root, Path):
        raise TypeError(f"root must be pathlib.Path, got {type(root).__name__}")
    root = root.resolve()
    if not (root / "nbgrader_config.py").is_file():
        raise FileNotFoundError(f"{root} has no nbgrader_config.py: run from the course folder")
    names = list(assignment_ids(root) if assignments is None else assignments)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"assignment names must be str, got {type(name).__name__}")
    released: list[Path] = []
    for name in names:
        cmd = [python, "-m", "nbgrader", "generate_assignment", name, "--force"]
        if quiet:
            cmd.append("--log-level=ERROR")
        subprocess.run(cmd, cwd=root, check=True, env=nbgrader_env(python))
        released += tidy_release(root / "assignments" / name)
    return released


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m beyond_traffic.release [--root DIR] [ASSIGNMENT ...]``."""
    parser = argparse.ArgumentParser(
        prog="python -m beyond_traffic.release",
        description="Regenerate assignments/ from solutions/ with nbgrader generate_assignment.",
    )
    parser.add_argument("assignments", nargs="*", help="default: every folder in solutions/")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="course folder")
    parser.add_argument("--quiet", action="store_true", help="hide nbgrader's log")
    args = parser.parse_args(argv)
    released = generate(args.root, assignments=args.assignments or None, quiet=args.quiet)
    for path in released:
        print(path.relative_to(args.root.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
