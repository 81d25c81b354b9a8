"""What every kernel of a grading run starts from: warm zygotes, a seeded home, preloads."""

# The zygotes import what the test and release cells import and fill trusted caches once
# (grader/boot.warm_caches); every kernel and replay is forked from them, so each student starts
# from the same trusted state without paying for imports, tokenizers or the corpus again.

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from .course import Course
from .writer import read_notebook
from .zygote import Zygote

__all__ = ["Zygotes", "imported_modules", "release_imports", "seed_home"]


class Zygotes:
    """One warm sandbox zygote and one replay zygote, shared by every worker thread.

    Example:
        >>> Zygotes.__name__  # starting one forks processes; see grade_assignment
        'Zygotes'
    """

    def __init__(self, preload: list[str], warmup: str | None = None) -> None:
        # Both start now and warm up side by side, while the first submissions are prepared.
        self.sandbox = Zygote("sandbox", preload=preload)
        self.replay = Zygote("replay", preload=preload, warmup=warmup)

    def get(self) -> tuple[Zygote, Zygote]:
        return self.sandbox, self.replay

    def close(self) -> None:
        self.sandbox.close()
        self.replay.close()


def imported_modules(tests: dict[str, list[dict]]) -> list[str]:
    """Top-level modules the instructor's test cells import (preloaded for fast replays).

    Example:
        >>> imported_modules({"ps": [{"source": "from beyond_traffic.grading import Checker\\n"
        ...                                     "import jieba  # 结巴分词"}]})
        ['beyond_traffic.grading', 'jieba']
    """
    names: list[str] = []
    for cells in tests.values():
        for cell in cells:
            try:
                tree = ast.parse(str(cell["source"]))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.extend(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.append(node.module)
    return sorted(set(names))


def seed_home(run_dir: Path) -> Path:
    """Trusted caches for every kernel's home: matplotlib's font list, jieba's dictionary."""
    seeds = run_dir / "seeds"
    seeds.mkdir()
    try:
        import matplotlib

        target = seeds / ".matplotlib"
        target.mkdir()
        for f in Path(matplotlib.get_cachedir()).glob("fontlist-*.json"):
            shutil.copyfile(f, target / f.name)
    except Exception:  # noqa: BLE001 - only a speed-up
        pass
    try:
        import jieba

        from ..segment import cache_dir, get_tokenizer

        folder = cache_dir()
        # Building a tokenizer only writes jieba's cache file; when it is there already (one
        # file per jieba version), copying it is all the kernels need.
        if folder is None or not (folder / f"jieba-{jieba.__version__}.cache").is_file():
            get_tokenizer()
        if folder is not None:
            target = seeds / ".cache" / "beyond-traffic"
            target.mkdir(parents=True)
            for f in folder.glob("jieba*.cache"):
                if f.is_file() and not f.is_symlink() and f.stat().st_size < 64 * 1024**2:
                    shutil.copyfile(f, target / f.name)
    except Exception:  # noqa: BLE001 - only a speed-up
        pass
    return seeds


def release_imports(course: Course, assignment: str, names: list[str]) -> list[str]:
    """Modules the release notebooks' locked cells import (every student runs them)."""
    sources = []
    for name in names:
        path = course.path("release", ".", assignment) / f"{name}.ipynb"
        try:
            nb = read_notebook(path)
        except (OSError, ValueError):
            continue
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("locked") and not meta.get("solution"):
                sources.append({"source": cell.source})
    return imported_modules({"release": sources})
