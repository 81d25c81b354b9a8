"""Bring your own article: make the capstone problem set (ps4) about an instructor's page."""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from beyond_traffic.clean import GarbledSpan, audit, clean_text

__all__ = [
    "CAPSTONE",
    "MIN_HAN",
    "CapstoneError",
    "CapstoneReport",
    "add_parser",
    "bootstrap_load",
    "install_capstone",
    "is_skeleton",
    "read_page",
    "run",
    "sniff_encoding",
]

#: The problem set the command rewrites.
CAPSTONE = "ps4_capstone"
#: Fewer Han characters than this (after cleaning) leave the questions nothing to measure.
MIN_HAN = 300
_HAN = re.compile("[\u3400-\u9fff]")
# What the command writes, relative to the course root.
_ARTICLE = Path("solutions") / CAPSTONE / "article.txt"
_NOTE = Path("solutions") / CAPSTONE / "ARTICLE.md"
_EXEMPLAR = Path("instructors") / "exemplars" / f"{CAPSTONE}_q10_report.md"
_REPORT = Path("instructors") / "capstone" / "REPORT.md"
#: What each level of the skeleton holds until the instructor writes it.
TO_WRITE = "(to write)"


class CapstoneError(ValueError):
    """Bad input to :func:`install_capstone`: the message names the problem and the fix.

    Example:
        >>> str(CapstoneError("空文件 / empty file"))
        '空文件 / empty file'
    """


@dataclass(frozen=True)
class CapstoneReport:
    """What :func:`install_capstone` found on the page and what it wrote.

    Attributes:
        title: the article's title (given or the first line).
        source: where the page comes from, as given.
        licence: the licence it is used under, as given.
        size: the page's size in bytes.
        han: Han characters in the cleaned text.
        sentences: sentences in the cleaned text (lines and 。！？ ends).
        furniture: furniture lines removed, by class.
        edits: edits per cleaning step.
        garbled: spans that look mis-decoded, kept by the cleaning.
        bootstrap: the bootstrap questions' load, relative to the longest corpus article.
        written: files written, relative to the course root.

    Example:
        >>> CapstoneReport("题", "S", "L", 10, 300, 12, {}, {}, (), 0.5).fast
        True
    """

    title: str
    source: str
    licence: str
    size: int
    han: int
    sentences: int
    furniture: dict[str, int]
    edits: dict[str, int]
    garbled: tuple[GarbledSpan, ...]
    bootstrap: float
    written: tuple[str, ...] = field(default=())

    @property
    def fast(self) -> bool:
        """Whether the bootstrap questions cost no more than on the longest corpus article.

        Example:
            >>> CapstoneReport("题", "S", "L", 10, 300, 12, {}, {}, (), 2.0).fast
            False
        """
        return self.bootstrap <= 1.0

    def to_markdown(self) -> str:
        """The report as Markdown (what the command prints and writes).

        Example:
            >>> report = CapstoneReport("题", "S", "L", 1, 300, 9, {}, {}, (), 0.4)
            >>> "## 清洗 / Cleaning" in report.to_markdown()
            True
        """
        removed = ", ".join(f"{kind} {n}" for kind, n in self.furniture.items()) or "none"
        steps = ", ".join(f"{step} {n}" for step, n in self.edits.items() if n) or "none"
        lines = [
            f"# 作业四的文章 / The capstone's article: {self.title}",
            "",
            f"- Source: {self.source}",
            f"- Licence: {self.licence}",
            f"- Page: {self.size} bytes; cleaned text: {self.han} Han characters, "
            f"{self.sentences} sentences",
            "",
            "## 清洗 / Cleaning",
            "",
            f"- Furniture lines removed, by class: {removed}",
            f"- Edits per step: {steps}",
            "- Read every removal with `beyond-traffic audit solutions/ps4_capstone/article.txt`.",
            "",
            "## 疑似乱码 / Spans that look mis-decoded",
            "",
        ]
        if self.garbled:
            lines += [
                f"{len(self.garbled)} span(s) are kept as they are (a guess would hide them). "
                "Students meet them in the cleaned text. To repair one, fill in the correction in "
                "its line below and add the line to `src/beyond_traffic/data/errata.tsv` "
                "(columns: garbled, correction, why, article):",
                "",
                "```",
                *[span.errata_line(article="C") for span in self.garbled],
                "```",
                "",
                *[
                    f"- line {s.line}, column {s.column}: `{s.text}` ({', '.join(s.signals)})"
                    for s in self.garbled
                ],
            ]
        else:
            lines.append("None found. The check looks for kinds of damage; read the page anyway.")
        lines += [
            "",
            "## 自助法题的耗时 / Bootstrap questions",
            "",
            f"q6 and q7 resample sentences 500 times; their cost grows with the number of "
            f"sentences. This page needs {self.bootstrap:.2f} times the work of the longest "
            "corpus article, which the same cells already bootstrap. "
            + (
                "They stay fast."
                if self.fast
                else "Expect these cells to run that many times longer; each cell may run for "
                "120 s (nbgrader_config.py). Above about 4 times, use an excerpt of the page."
            ),
            "",
            "## 示范答案 / Exemplars",
            "",
            f"Exemplars for the written report are the instructor's job: `{_EXEMPLAR}` now holds "
            "a skeleton to fill in with three reports on this article.",
        ]
        if self.written:
            lines += ["", "## 写入的文件 / Files written", "", *[f"- `{p}`" for p in self.written]]
        return "\n".join(lines) + "\n"


def sniff_encoding(data: bytes) -> str | None:
    """The encoding ``data`` looks like when it is not UTF-8: ``utf-16``, ``gb18030``, ``big5``.

    A byte-order mark or many NUL bytes say UTF-16; otherwise the first of GB18030 and Big5
    that decodes the bytes and gives mostly Han characters wins.

    Example:
        >>> sniff_encoding("产业互联网的新方向".encode("gb18030"))
        'gb18030'
        >>> sniff_encoding("產業互聯網的新方向".encode("big5"))
        'big5'
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (data and data.count(0) > len(data) // 4):
        try:
            data.decode("utf-16")
            return "utf-16"
        except UnicodeDecodeError:
            pass
    best: tuple[float, str] | None = None
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in text if not ch.isspace() and not ch.isascii()]
        share = sum(bool(_HAN.match(ch)) for ch in letters) / max(len(letters), 1)
        # Big5 bytes also decode as GB18030, into rare characters: prefer the commoner reading.
        common = sum(ch in _COMMON for ch in letters) / max(len(letters), 1)
        score = share + common
        if share > 0.5 and (best is None or score > best[0]):
            best = (score, encoding)
    return best[1] if best else None


# The commonest Han characters of Chinese prose in either script, to tell GB from Big5 readings.
_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动")
_COMMON |= set("同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高")
_COMMON |= set("這個國們來時為們說會對產種後過發經進學動實現開長問")


def read_page(path: Path) -> tuple[bytes, str]:
    """Read the page as bytes and as text, refusing what cannot be an article.

    Args:
        path: the page, a UTF-8 text file.

    Returns:
        ``(bytes, text)``.

    Raises:
        CapstoneError: the file is missing, empty, binary, or not UTF-8 (the message says
            which encoding it looks like and how to convert it).

    Example:
        >>> read_page(Path("missing.txt"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        beyond_traffic.capstone.CapstoneError: missing.txt: no such file ...
    """
    if not isinstance(path, Path):
        raise TypeError(f"path must be pathlib.Path, got {type(path).__name__}")
    if not path.is_file():
        raise CapstoneError(f"{path}: no such file (give the page as a UTF-8 text file)")
    data = path.read_bytes()
    if not data.strip():
        raise CapstoneError(f"{path} is empty: save the article's text into it first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        encoding = sniff_encoding(data)
        if encoding is None:
            raise CapstoneError(
                f"{path} is not text (not UTF-8, and not GB18030, Big5 or UTF-16 either): "
                "give the article as a plain text file, not a PDF, Word file or image"
            ) from None
        raise CapstoneError(
            f"{path} is not UTF-8: it looks like {encoding.upper()}. Convert it first, e.g. "
            f"`iconv -f {encoding.upper()} -t UTF-8 {path.name} > article-utf8.txt`, "
            "and check the Chinese reads correctly"
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in text or controls > max(3, len(text) // 100):
        raise CapstoneError(
            f"{path} looks binary ({controls} control characters): give the article as a plain "
            "text file, not a PDF, Word file or image"
        )
    return data, text


def bootstrap_load(sentences: int, han: int) -> float:
    """The bootstrap questions' work on a page, relative to the longest corpus article.

    q6 and q7 resample a text's sentences and count markers in each: the work grows with
    sentences × characters per sentence, that is with the Han characters; the longest corpus
    article is bootstrapped in the same cell, so it is the yardstick.

    Example:
        >>> 0 < bootstrap_load(40, 1400) < 1
        True
    """
    from beyond_traffic.corpus import load_corpus

    longest = max(len(_HAN.findall(a.clean)) for a in load_corpus())
    return (han + sentences) / (longest + 1)


def _sentences(text: str) -> int:
    from beyond_traffic.claims import split_sentences

    return len(split_sentences(text))


def _article_note(title: str, source: str, licence: str) -> str:
    return f"""# 关于本作业的文章 / About this assignment's article

`article.txt` is the page this capstone analyses: **{title}**.

- **Source.** {source}
- **Licence.** {licence}
- **Chosen by your instructor.** The page is given as it was found, noise included: the
  course's cleaning removes what it recognises, and the audit (`audit(q1_raw)`) shows what it
  removed and what it could not repair. It is not one of the five corpus articles, and no
  lesson has used it.

中文摘要：本作业的文章由教师选定，标题《{title}》；来源：{source}；许可：{licence}。
文件保持原样（包括网页上的噪声），清洗与审计的结果请用课程的函数查看。
"""


def _exemplar_skeleton(title: str) -> str:
    return f"""# {CAPSTONE} · q10_report — 示范答案 / Exemplars (to write)

The capstone's article is now **{title}** (`solutions/{CAPSTONE}/article.txt`). Exemplars for the
written report are the instructor's job: write three reports on this article, one per level,
scored criterion by criterion with the rubric in the notebook (论证 2 · 证据与来源 2 ·
确定性与不确定性 2 · 数据来历 1 · 方法的局限 2 · 表达 1). Quote the article's final text
(`q4_text`) in corner brackets so graders can find each quotation, and take every number from the
notebook's reference solution run on this article.

## 优秀 Strong (10/10)

{TO_WRITE}

## 合格 Adequate

{TO_WRITE}

## 不足 Weak

{TO_WRITE}
"""


def is_skeleton(text: str) -> bool:
    """Whether an exemplar file is the skeleton the command wrote (levels still to write).

    Example:
        >>> is_skeleton("## 优秀 Strong (10/10)\\n\\n(to write)\\n")
        True
        >>> is_skeleton("## 优秀 Strong (10/10)\\n\\n这篇报告……\\n")
        False
    """
    return any(block.strip() == TO_WRITE for block in text.split("\n\n"))


def _check_course(root: Path) -> None:
    notebook = root / "solutions" / CAPSTONE / f"{CAPSTONE}.ipynb"
    if not notebook.is_file() or not (root / "nbgrader_config.py").is_file():
        raise CapstoneError(
            f"{root} is not a clone of the course (no {notebook.relative_to(root)} or "
            "nbgrader_config.py): run the command in the course folder or pass --root"
        )


def install_capstone(
    article: Path,
    *,
    source: str,
    licence: str,
    title: str | None = None,
    root: Path,
    release: bool = True,
) -> CapstoneReport:
    """Make the capstone about ``article``: copy it, describe it, regenerate the release.

    Every check runs before anything is written: a bad page, a missing source or licence, or
    a folder that is not the course leaves every file as it was. Then the page is copied byte
    for byte to ``solutions/ps4_capstone/article.txt``, ``ARTICLE.md`` is written from the
    options, the exemplar file becomes a skeleton to fill in, the report goes to
    ``instructors/capstone/REPORT.md``, and ``nbgrader generate_assignment`` rebuilds
    ``assignments/ps4_capstone`` (if it fails, the earlier files are put back).

    Args:
        article: the page, a UTF-8 text file.
        source: where it comes from (a URL, a publication and date).
        licence: the licence or permission it is used under.
        title: its title (default: the first line of the cleaned text).
        root: the course folder.
        release: whether to regenerate the release (needs nbgrader).

    Returns:
        The :class:`CapstoneReport`.

    Raises:
        CapstoneError: bad input; the message names the problem and the fix.

    Example:
        >>> install_capstone(Path("页面.txt"), source="", licence="CC BY 4.0", root=Path("."))
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        beyond_traffic.capstone.CapstoneError: --source is missing: say where the article ...
    """
    for name, value in (("source", source), ("licence", licence)):
        if not isinstance(value, str) or not value.strip():
            where = "where the article comes from (a URL, or the publication and date)"
            terms = "the licence or permission under which students may read it"
            raise CapstoneError(f"--{name} is missing: say {where if name == 'source' else terms}")
    root = Path(root).resolve()
    data, text = read_page(Path(article))
    _check_course(root)
    if release and importlib.util.find_spec("nbgrader") is None:
        raise CapstoneError(
            "regenerating the release needs nbgrader: pip install 'beyond-traffic[grader]' "
            "(or pass --no-release and run python -m beyond_traffic.release later)"
        )
    result = audit(text)
    clean = clean_text(text)
    han = len(_HAN.findall(clean))
    if han < MIN_HAN:
        raise CapstoneError(
            f"{article} has only {han} Han characters after cleaning; the capstone needs at least "
            f"{MIN_HAN} to have anything to measure: choose a longer article"
        )
    title = (title or "").strip() or clean.split("\n", 1)[0][:60]
    sentences = _sentences(clean)
    garbled = tuple(result.garbled)
    report = CapstoneReport(
        title=title,
        source=source.strip(),
        licence=licence.strip(),
        size=len(data),
        han=han,
        sentences=sentences,
        furniture=result.furniture_by_class(),
        edits={r.step: r.count for r in result},
        garbled=garbled,
        bootstrap=bootstrap_load(sentences, han),
        written=tuple(str(p) for p in (_ARTICLE, _NOTE, _EXEMPLAR, _REPORT)),
    )
    contents = {
        _ARTICLE: data,
        _NOTE: _article_note(title, report.source, report.licence).encode("utf-8"),
        _EXEMPLAR: _exemplar_skeleton(title).encode("utf-8"),
        _REPORT: report.to_markdown().encode("utf-8"),
    }
    before = {p: (root / p).read_bytes() if (root / p).is_file() else None for p in contents}
    try:
        for path, body in contents.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(body)
        if release:
            from beyond_traffic.release import generate

            generate(root, assignments=[CAPSTONE], quiet=True)
    except Exception:
        for path, body in before.items():
            if body is None:
                (root / path).unlink(missing_ok=True)
            else:
                (root / path).write_bytes(body)
        raise
    return report


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``capstone`` subcommand to the ``beyond-traffic`` parser.

    Example:
        >>> import argparse
        >>> parser = argparse.ArgumentParser()
        >>> add_parser(parser.add_subparsers())
        >>> args = ["capstone", "文章.txt", "--source", "S", "--licence", "L"]
        >>> parser.parse_args(args).title is None
        True
    """
    p = sub.add_parser(
        "capstone",
        help="make the capstone problem set (ps4) about your own article",
        description=(
            "Run in a clone of the course. Copies ARTICLE (a UTF-8 text file) byte for byte to "
            "solutions/ps4_capstone/article.txt, writes ARTICLE.md from the options, regenerates "
            "assignments/ps4_capstone, and reports what the cleaning removed, what looks "
            "garbled (with errata lines to fill in), the page's length and whether the bootstrap "
            "questions stay fast. Exemplars for the written report are yours to write: a "
            "skeleton is put in instructors/exemplars/."
        ),
    )
    p.add_argument("article", type=Path, help="the page, a UTF-8 text file")
    p.add_argument("--source", default=None, help="where the article comes from (required)")
    p.add_argument("--licence", "--license", default=None, help="its licence (required)")
    p.add_argument("--title", default=None, help="its title (default: the first line)")
    p.add_argument("--root", type=Path, default=Path.cwd(), help="course folder (default: here)")
    p.add_argument("--no-release", action="store_true", help="do not regenerate the release")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the ``capstone`` subcommand: 0 done, 2 bad input (nothing written), 1 release failed.

    Example:
        >>> run(argparse.Namespace(article=Path("x.txt"), source=None, licence="L",
        ...     title=None, root=Path("."), no_release=True))
        2
    """
    try:
        report = install_capstone(
            args.article,
            source=args.source or "",
            licence=args.licence or "",
            title=args.title,
            root=args.root,
            release=not args.no_release,
        )
    except CapstoneError as exc:
        print(f"beyond-traffic capstone: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - nbgrader's failure, after the files were put back
        print(
            f"beyond-traffic capstone: the release failed, nothing changed: {exc}", file=sys.stderr
        )
        return 1
    print(report.to_markdown())
    for span in report.garbled:
        print(
            f"warning: line {span.line}, column {span.column} looks mis-decoded: {span.text!r}",
            file=sys.stderr,
        )
    return 0
