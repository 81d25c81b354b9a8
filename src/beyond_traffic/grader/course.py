"""The nbgrader course folder: config, paths, submissions and the grader's resume state."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

STATE_DIR = ".beyond_traffic"


class TolerantCourseDirectory(CourseDirectory):
    """nbgrader's CourseDirectory, reading ``timestamp.txt`` with :func:`read_timestamp`.

    Students write ``timestamp.txt`` into the exchange themselves. nbgrader's own reader follows
    links, blocks on a FIFO (the whole class would wait), reads a file of any size and, for text
    that is not a date, calls a method CourseDirectory lacks (the submission would end ungraded).
    Here anything but a small regular file holding a date is graded without a submission time,
    and :func:`timestamp_problem` tells the instructor why.
    """

    def get_existing_timestamp(self, dest_path: str):  # noqa: D102 - nbgrader's signature
        return read_timestamp(Path(dest_path))[0]


#: A timestamp.txt longer than this is not a timestamp.
_TIMESTAMP_BYTES = 200


def read_timestamp(folder: Path) -> tuple[datetime.datetime | None, str | None]:
    """The time in ``folder/timestamp.txt`` and, when it cannot be used, why.

    The file is opened without following links and without blocking; only a regular file of
    at most 200 bytes of UTF-8 holding a date gives a time. An absent or empty file gives
    ``(None, None)``, as in nbgrader.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp()); _ = (d / "timestamp.txt").write_text("下周一")
        >>> read_timestamp(d)
        (None, "timestamp.txt is not a date ('下周一'): graded without a submission time")
    """
    from nbgrader.utils import parse_utc

    why = "timestamp.txt {}: graded without a submission time"
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(folder / "timestamp.txt", flags)
    except FileNotFoundError:
        return None, None
    except OSError:
        return None, why.format("is a link or cannot be opened")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, why.format("is not a regular file")
        if info.st_size > _TIMESTAMP_BYTES:
            return None, why.format(f"is longer than {_TIMESTAMP_BYTES} bytes")
        data = os.read(fd, _TIMESTAMP_BYTES + 1)
    finally:
        os.close(fd)
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None, why.format("is not UTF-8 text")
    if not text:
        return None, None
    try:
        return parse_utc(text), None
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None, why.format(f"is not a date ({text[:40]!r})")


def timestamp_problem(folder: Path) -> str | None:
    """Why ``folder/timestamp.txt`` gives no time, or ``None`` when it does (or is absent).

    Example:
        >>> timestamp_problem(Path("/nonexistent")) is None
        True
    """
    return read_timestamp(folder)[1]


@dataclass
class Course:
    """An nbgrader course folder (the one holding ``nbgrader_config.py``)."""

    root: Path
    config: Config
    coursedir: CourseDirectory

    @property
    def db_url(self) -> str:
        """The gradebook's SQLAlchemy URL."""
        return self.coursedir.db_url

    def path(self, kind: str, student: str, assignment: str) -> Path:
        """``kind`` is one of source/release/submitted/autograded/feedback."""
        folder = getattr(self.coursedir, f"{kind}_directory")
        return Path(self.coursedir.format_path(folder, student, assignment))

    @property
    def cell_timeout(self) -> int:
        """nbgrader's per-cell timeout (``Execute.timeout``), default 30 like nbgrader."""
        value = self.config.get("Execute", {}).get("timeout", 30)
        return int(value) if isinstance(value, int) and value > 0 else 30

    def notebooks(self, assignment: str) -> list[str]:
        """Notebook names of ``assignment`` in the gradebook (after generate_assignment)."""
        with Gradebook(self.db_url, self.coursedir.course_id) as gb:
            try:
                a = gb.find_assignment(assignment)
            except MissingEntry:
                return []
            return sorted(nb.name for nb in a.notebooks)

    def test_cells(self, assignment: str, notebook: str) -> list[dict[str, object]]:
        """Autograded test cells (grade, not solution, code) as ``{grade_id, source, points}``.

        Sources come from the gradebook (hidden tests included); order follows the source
        notebook when it is readable.
        """
        with Gradebook(self.db_url, self.coursedir.course_id) as gb:
            nb = gb.find_notebook(notebook, assignment)
            solutions = {c.name for c in nb.solution_cells}
            sources = {c.name: c.source for c in nb.source_cells}
            cells = [
                {"grade_id": g.name, "source": sources.get(g.name, ""), "points": g.max_score}
                for g in nb.grade_cells
                if g.cell_type == "code" and g.name not in solutions
            ]
        order = _source_order(self.path("source", ".", assignment) / f"{notebook}.ipynb")
        cells.sort(key=lambda c: order.get(c["grade_id"], len(order)))
        return cells

    def students(self, assignment: str) -> list[str]:
        """Students with a submission folder for ``assignment``, sorted."""
        base = Path(self.coursedir.format_path(self.coursedir.submitted_directory, ".", "."))
        if not base.is_dir():
            return []
        return sorted(d.name for d in base.iterdir() if d.is_dir() and (d / assignment).is_dir())

    @property
    def gradebook_identity(self) -> str:
        """Which gradebook this course writes to: its URL without a password, and the course id.

        A resume marker records it, so a submission graded into one gradebook is graded again
        after a switch to another (SQLite to PostgreSQL, or a new database).
        """
        where = gradebook_identity(self.db_url, root=self.root)
        return f"{where} course={self.coursedir.course_id}"

    def state_file(self, assignment: str, student: str) -> Path:
        """Where the grader records that a submission is done (for resuming)."""
        return self.root / STATE_DIR / "grade" / assignment / f"{student}.json"


def _source_order(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ids = [
            c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in data.get("cells", [])
        ]
    except (OSError, ValueError, AttributeError):
        return {}
    return {gid: i for i, gid in enumerate(ids) if gid}


def load_course(root: Path | str | None = None) -> Course:
    """Load ``nbgrader_config.py`` from ``root`` (default: the current folder).

    Raises:
        FileNotFoundError: there is no ``nbgrader_config.py`` in ``root``.

    Example:
        >>> load_course("/nonexistent/课程")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        FileNotFoundError: no nbgrader_config.py
    """
    root = Path(root or os.getcwd()).resolve()
    cfg_file = root / "nbgrader_config.py"
    if not cfg_file.is_file():
        raise FileNotFoundError(f"no nbgrader_config.py in {root}: run this in the course folder")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    if "root" not in config.get("CourseDirectory", {}):
        config.CourseDirectory.root = str(root)
    coursedir = TolerantCourseDirectory(config=config)
    return Course(Path(coursedir.root).resolve(), config, coursedir)


def fingerprint(folder: Path) -> str:
    """A content hash of every file in a submission folder (to notice resubmissions).

    Example:
        >>> len(fingerprint(Path("/nonexistent")))
        64
    """
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
                with open(path, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        h.update(chunk)
    return h.hexdigest()


def gradebook_identity(db_url: str, *, root: Path | None = None) -> str:
    """A gradebook's SQLAlchemy URL without its password; a SQLite file inside the course
    folder ``root`` by its path in it, so a course folder moved or copied keeps its gradebook.

    Example:
        >>> gradebook_identity("postgresql+psycopg://grader:密码@127.0.0.1:5432/course")
        'postgresql+psycopg://grader:***@127.0.0.1:5432/course'
        >>> gradebook_identity("sqlite:////srv/课程/gradebook.db", root=Path("/srv/课程"))
        'sqlite:///(course folder)/gradebook.db'
        >>> gradebook_identity("sqlite:////srv/别处/gradebook.db", root=Path("/srv/课程"))
        'sqlite:////srv/别处/gradebook.db'
    """
    if not isinstance(db_url, str):
        raise TypeError(f"db_url must be str, got {type(db_url).__name__}")
    if db_url.startswith("sqlite:///"):
        path = Path(os.path.abspath(db_url[len("sqlite:///") :]))
        if root is not None and Path(os.path.abspath(root)) in path.parents:
            return f"sqlite:///(course folder)/{path.relative_to(os.path.abspath(root))}"
        return f"sqlite:///{path}"
    try:
        from sqlalchemy.engine import make_url

        return make_url(db_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an URL SQLAlchemy cannot read is compared as written
        return db_url


def write_state(path: Path, data: dict[str, object]) -> None:
    """Write the resume marker atomically (a kill leaves either the old or the new file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_state(path: Path) -> dict[str, object]:
    """The resume marker, or ``{}`` when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
