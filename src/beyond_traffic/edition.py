"""The student edition: the repository students clone or pull, with no solution in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "INCLUDE",
    "OPTIONAL",
    "MARKER",
    "Leak",
    "write_edition",
    "secret_regions",
    "find_leaks",
]

#: What goes in, relative to the instructors' repository (an allow-list: nothing else does).
INCLUDE: tuple[str, ...] = (
    "course",  # lessons, their jupytext twins, glossary
    "assignments",  # the nbgrader release (generated; hidden tests and solutions removed)
    "src/beyond_traffic",  # the package the lessons and assignments import
    "binder",  # Binder's pinned Python and packages (also the lock `make lab` installs against)
    "pyproject.toml",
    "LICENSE",
)
#: Student-facing documents, copied when present.
OPTIONAL: tuple[str, ...] = (
    "docs/cleaning.md",
    "docs/segmentation_guideline.md",
    "docs/font.md",
)
#: Written into every edition; lets a later run replace an old edition safely.
MARKER = ".beyond-traffic-edition.json"
_SKIP_NAMES = {"__pycache__", ".ipynb_checkpoints", ".DS_Store"}
_SKIP_SUFFIXES = (".pyc", ".egg-info")
# Markers nbgrader leaves in an instructor's notebook, and never in a release. Written as
# patterns so that this module, which ships in the edition, does not contain them verbatim.
_MARKERS = {
    "solution": (r"###\s*BEGIN\s+SOLUTION", r"###\s*END\s+SOLUTION"),
    "hidden test": (r"###\s*BEGIN\s+HIDDEN\s+TESTS", r"###\s*END\s+HIDDEN\s+TESTS"),
    "mark scheme": (r"===\s*BEGIN\s+MARK\s+SCHEME\s*===", r"===\s*END\s+MARK\s+SCHEME\s*==="),
}
_REGION = {
    kind: re.compile(begin + r"[^\n]*\n?(.*?)" + end, re.S)
    for kind, (begin, end) in _MARKERS.items()
}
_ANY_MARKER = re.compile("|".join(begin for begin, _ in _MARKERS.values()))


@dataclass(frozen=True)
class Leak:
    """Secret text found in a file of an edition."""

    file: Path
    """The edition's file holding it."""
    kind: str
    """``solution``, ``hidden test``, ``mark scheme``, ``instructors`` or ``marker``."""
    source: str
    """Where the secret comes from (notebook and grade id, or a file under instructors/)."""
    excerpt: str
    """The first characters of the secret."""


def _skipped(path: Path) -> bool:
    return path.name in _SKIP_NAMES or path.name.endswith(_SKIP_SUFFIXES)


def _copy(src: Path, dst: Path) -> list[Path]:
    if src.is_file():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        return [dst]
    copied = []
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(_skipped(Path(part)) for part in rel.parts) or path.is_symlink():
            continue
        if path.is_file():
            copied += _copy(path, dst / rel)
    return copied


def _commit_of(root: Path) -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def _clear(target: Path) -> None:
    """Empty ``target`` except ``.git``, if it is empty or holds an earlier edition."""
    entries = [p for p in target.iterdir() if p.name != ".git"]
    if entries and not (target / MARKER).is_file():
        raise FileExistsError(
            f"{target} is not empty and holds no student edition ({MARKER}): "
            "choose an empty folder or an earlier edition"
        )
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def write_edition(target: Path, *, root: Path, commit: bool = False) -> list[Path]:
    """Write the student edition of the course repository ``root`` into ``target``.

    Only the paths in :data:`INCLUDE` and :data:`OPTIONAL` are copied, plus a student README
    naming the problem sets of ``assignments/``, a Makefile whose ``make install`` installs the
    package with its ``lab`` extra against ``binder/requirements.txt`` (``make lab`` then opens
    JupyterLab), a ``.gitignore`` and :data:`MARKER`. Never ``solutions/``,
    ``instructors/``, ``nbgrader_config.py``, the gradebook, submissions or tests. An earlier
    edition in ``target`` is replaced (its ``.git`` is kept, so nbgitpuller users get a normal
    update); any other non-empty folder is refused. Every written file is checked for
    nbgrader's solution, hidden-test and mark-scheme markers, and :func:`find_leaks` must
    find nothing.

    Args:
        target: the edition's folder (created if missing).
        root: the instructors' repository.
        commit: ``git init`` the folder if needed and commit the edition.

    Returns:
        The files written, sorted.

    Raises:
        FileNotFoundError: ``root`` lacks one of :data:`INCLUDE`.
        FileExistsError: ``target`` holds something other than an edition.
        ValueError: secret text reached the edition (nothing is committed then).

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "流量之外-学生版"
        >>> files = write_edition(out, root=Path(__file__).resolve().parents[2])  # doctest: +SKIP
        >>> (out / "solutions").exists(), (out / "assignments").is_dir()  # doctest: +SKIP
        (False, True)
    """
    if not isinstance(target, Path) or not isinstance(root, Path):
        raise TypeError("target and root must be pathlib.Path")
    root = root.resolve()
    target = target.resolve()
    if target == root or root in target.parents:
        raise ValueError(f"write the edition outside the repository, not in {target}")
    missing = [p for p in INCLUDE if not (root / p).exists()]
    if missing:
        raise FileNotFoundError(f"{root} is not the course repository: no {', '.join(missing)}")
    target.mkdir(parents=True, exist_ok=True)
    _clear(target)
    written: list[Path] = []
    for rel in INCLUDE + OPTIONAL:
        if (root / rel).exists():
            written += _copy(root / rel, target / rel)
    for name, text in _generated_files(_problem_sets(root)).items():
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    marked = [p for p in written if _has_marker(p)]
    leaks = find_leaks(target, root=root)
    if marked or leaks:
        shown = [str(p.relative_to(target)) for p in marked] + [
            f"{leak.file.relative_to(target)} ({leak.kind} from {leak.source})" for leak in leaks
        ]
        raise ValueError("secret text reached the student edition: " + "; ".join(shown[:10]))
    manifest = {
        "source_commit": _commit_of(root),
        "files": sorted(str(p.relative_to(target)) for p in written),
    }
    (target / MARKER).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    written.append(target / MARKER)
    if commit:
        _git_commit(target, manifest["source_commit"])
    return sorted(written)


def _has_marker(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return _ANY_MARKER.search(text) is not None


def _git_commit(target: Path, source_commit: str | None) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=target, check=True, capture_output=True)

    if not (target / ".git").exists():
        git("init", "--quiet", "--initial-branch=main")
    git("add", "--all")
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=target, capture_output=True, text=True, check=True
    )
    if not status.stdout.strip():
        return
    message = "Student edition" + (f" of {source_commit[:12]}" if source_commit else "")
    identity = ["-c", "user.name=beyond-traffic", "-c", "user.email=beyond-traffic@localhost"]
    subprocess.run(
        ["git", *identity, "commit", "--quiet", "-m", message],
        cwd=target,
        check=True,
        capture_output=True,
    )


def _notebook_sources(path: Path) -> list[tuple[str, dict, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for cell in data.get("cells", []):
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        out.append((cell.get("cell_type", ""), cell.get("metadata", {}).get("nbgrader", {}), text))
    return out


def secret_regions(root: Path) -> list[tuple[str, str, str]]:
    """Every secret of the instructors' repository as ``(kind, source, text)``.

    Secrets are the solution regions (a markdown answer cell without markers is one region
    as a whole), hidden tests and mark schemes of ``solutions/**/*.ipynb``, and every cell or
    paragraph of the files under ``instructors/`` (exemplars, worked solutions), except the
    package's own template wording in the files it writes there.

    Example:
        >>> kinds = {k for k, _, _ in secret_regions(Path(__file__).resolve().parents[2])}
        >>> {"solution", "hidden test"} <= kinds  # doctest: +SKIP
        True
    """
    if not isinstance(root, Path):
        raise TypeError(f"root must be pathlib.Path, got {type(root).__name__}")
    regions: list[tuple[str, str, str]] = []
    for nb in sorted((root / "solutions").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for cell_type, meta, text in _notebook_sources(nb):
            where = f"{nb.relative_to(root)}:{meta.get('grade_id', '?')}"
            found = False
            for kind, pattern in _REGION.items():
                for match in pattern.finditer(text):
                    found = True
                    regions.append((kind, where, match.group(1)))
            if cell_type == "markdown" and meta.get("solution") and not found:
                regions.append(("solution", where, text))
    instructors = root / "instructors"
    # The package writes some files under instructors/ (the capstone's report and exemplar
    # skeleton) from its own templates: that wording ships in every edition and is no secret.
    wording = "".join(
        _squash((root / "src" / "beyond_traffic" / name).read_text(encoding="utf-8"))
        for name in _WRITERS
        if (root / "src" / "beyond_traffic" / name).is_file()
    )
    if instructors.is_dir():
        for path in sorted(p for p in instructors.rglob("*") if p.is_file()):
            where = str(path.relative_to(root))
            if path.suffix == ".ipynb":
                texts = [t for _, _, t in _notebook_sources(path)]
            else:
                try:
                    texts = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
                except (UnicodeDecodeError, OSError):
                    continue
            # A lone heading ("## 优秀 Strong (10/10)") is structure the capstone's skeleton
            # exemplar shares with every exemplar, not an answer; wording the package itself
            # writes (capstone report, skeleton) ships in every edition anyway.
            regions += [
                ("instructors", where, t)
                for t in texts
                if not _HEADING.fullmatch(t.strip()) and _squash(t) not in wording
            ]
    return [(k, w, t) for k, w, t in regions if len(_squash(t)) >= _MIN_SECRET]


#: One markdown heading line and nothing else.
_HEADING = re.compile(r"#{1,6} [^\n]*")

#: Shorter secrets (``pass``, ``return n``) say nothing and occur everywhere.
_MIN_SECRET = 12
#: Package modules that write into ``instructors/`` from templates of their own.
_WRITERS = ("capstone.py",)


def _squash(text: str) -> str:
    """Text without any whitespace, so re-indenting or re-wrapping cannot hide a secret."""
    return re.sub(r"\s+", "", text)


def find_leaks(edition: Path, *, root: Path) -> list[Leak]:
    """Search every file of ``edition`` for the secrets of the repository ``root``.

    A secret leaks when its text, whitespace ignored, occurs in a file (a notebook is searched
    cell by cell and as a whole, so JSON escaping cannot hide one); a file holding one of
    nbgrader's solution, hidden-test or mark-scheme markers leaks too.

    Example:
        >>> import tempfile
        >>> empty = Path(tempfile.mkdtemp())
        >>> find_leaks(empty, root=Path(__file__).resolve().parents[2])
        []
    """
    if not isinstance(edition, Path) or not isinstance(root, Path):
        raise TypeError("edition and root must be pathlib.Path")
    secrets = [(k, w, t, _squash(t)) for k, w, t in secret_regions(root)]
    leaks: list[Leak] = []
    for path in sorted(p for p in edition.rglob("*") if p.is_file() and ".git" not in p.parts):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        haystacks = [text]
        if path.suffix == ".ipynb":
            try:
                haystacks += [t for _, _, t in _notebook_sources(path)]
            except (ValueError, AttributeError):
                pass
        squashed = "\n".join(_squash(h) for h in haystacks)
        if any(_ANY_MARKER.search(h) for h in haystacks):
            leaks.append(Leak(path, "marker", str(path.relative_to(edition)), "BEGIN …"))
        for kind, where, raw, secret in secrets:
            if secret in squashed:
                leaks.append(Leak(path, kind, where, raw.strip()[:60]))
    return leaks


def _problem_sets(root: Path) -> list[str]:
    """Names of the released problem sets (``assignments/ps1_segment`` → ``ps1``), in order."""
    names = [p.name.split("_")[0] for p in (root / "assignments").iterdir() if p.is_dir()]
    return sorted(set(names), key=lambda n: (len(n), n))


def _generated_files(sets: list[str]) -> dict[str, str]:
    if not sets:
        shown = "—"
    elif len(sets) > 2:
        shown = f"{sets[0]}–{sets[-1]}"
    else:
        shown = "、".join(sets)
    readme = _README.replace("{SETS}", shown).replace("{COUNT}", str(len(sets)))
    return {"README.md": readme, "Makefile": _MAKEFILE, ".gitignore": _GITIGNORE}


_README = """\
# 流量之外 · Beyond Traffic — 学生版 / student edition

中文文本分析与批判性阅读课程：五篇关于产业互联网与直播带货的真实网络文章，清洗、分词、计数、
批判。本仓库是**学生版**：课程讲义、作业（nbgrader 发布版）和课程用的 Python 包
`beyond_traffic`。参考答案和隐藏测试不在这里。

A course in Chinese text analysis and critical reading. This is the **student edition**:
lessons, the released problem sets and the `beyond_traffic` package they import. Solutions and
hidden tests are not in it.

## 开始 / Getting started

- **在课程的 JupyterHub 上 / On the class JupyterHub**: 老师发的链接（nbgitpuller）会把本仓库放进
  你的主目录并打开第一课；之后再点同一个链接会取回更新，你改过的文件会保留。Nothing to install:
  the link your instructor sends (nbgitpuller) copies this repository into your home folder and
  opens the first lesson; clicking it again pulls updates and keeps the files you changed.
- **在自己的电脑上 / On your own machine** (Python ≥ 3.11):

  ```bash
  git clone <老师给的地址 / the address your instructor gives> beyond-traffic
  cd beyond-traffic
  make lab      # 建 .venv、安装、打开 JupyterLab / creates .venv, installs, opens JupyterLab
  ```

  `make install` 只安装不打开 / installs without opening JupyterLab. 版本与 Binder 相同，
  固定在 `binder/requirements.txt` / the versions are Binder's, pinned in
  `binder/requirements.txt`. 出错时会显示原因；修好后再运行一次即可 / an error is shown as it
  happens; fix it and run the command again.
- **在 Binder 上 / On Binder**: `binder/` 固定了 Python 版本和所有包，把本仓库的地址交给
  mybinder.org 即可 / `binder/` pins Python and every package: give this repository's address
  to mybinder.org.

## 内容 / What is inside

| 路径 / path | 内容 / what |
|---|---|
| `course/` | 讲义 00–07 与双语术语表 `glossary.md` / lessons and a bilingual glossary |
| `assignments/` | {COUNT} 份作业 {SETS} 的学生版 / the {COUNT} problem sets as released |
| `src/beyond_traffic/` | 课程用的包 / the course package |
| `docs/` | 清洗规则、分词规范、字体 / cleaning rules, segmentation guideline, font |
| `binder/` | Binder 与 `make lab` 用的固定版本 / the pinned environment of Binder and `make lab` |

## 作业 / Problem sets

- 在 JupyterHub 上：用 JupyterLab 的 **Assignments** 标签页获取（Fetch）和提交（Submit）作业，
  批改后在同一页取回反馈（Fetch Feedback）。不要提交这里 `assignments/` 中的副本。
  On the hub, fetch and submit from JupyterLab's **Assignments** tab, and fetch your feedback
  there after grading; do not hand in the copy in `assignments/`.
- 自学：直接打开 `assignments/` 中的笔记本。每个答题单元下面的检查单元会告诉你类型、长度等
  是否正确，但不显示答案；提交后还有隐藏测试。
  Studying alone: open the notebooks in `assignments/`; the check under each answer gives
  feedback without showing the answer. Hidden tests run only when your work is graded.
- 每个“动手试试 / Your turn”练习后都有自检单元。Every exercise in the lessons has a self-check.
"""

_MAKEFILE = """\
# 学生版 / student edition: `make lab` creates .venv, installs the course, opens JupyterLab.
# `make install` installs only: the package with its `lab` extra (JupyterLab, the kernel),
# every version pinned by binder/requirements.txt, the same as on Binder.
PYTHON ?= python3
VENV := .venv
LOCK := binder/requirements.txt
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: lab install
install: $(VENV)/.installed

# A half-made venv (Debian without python3-venv leaves one) is removed, so the next run retries.
$(VENV)/bin/python:
\t$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \\
\t  echo "没能创建 .venv / no .venv from $(PYTHON): Debian/Ubuntu need python3-venv" >&2; \\
\t  exit 1; }
\t$(VENV)/bin/python -m pip install --quiet --upgrade pip || { rm -rf $(VENV); exit 1; }

# pip is not quieted: a failure shows its cause (a conflict, a missing wheel) in full. The stamp
# is written last, so after a failure the next run starts over.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(VENV)/bin/python
\trm -f $@
\t$(VENV)/bin/python -m pip install --progress-bar off -e '.[lab]' -c $(LOCK)
\t$(VENV)/bin/python -m ipykernel install --sys-prefix --name python3 >/dev/null
\ttouch $@

lab: install
\t$(VENV)/bin/jupyter lab --notebook-dir=. $(ROOT_FLAG) course/00_orientation.ipynb
"""

_GITIGNORE = """\
.venv/
__pycache__/
*.egg-info/
.ipynb_checkpoints/
build/
"""
