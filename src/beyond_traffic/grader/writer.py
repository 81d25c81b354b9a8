"""Write grades through nbgrader's own Autograde converter, minus its in-process execution."""

# Sanitising (``ClearOutput``, ``DeduplicateIds``, ``OverwriteKernelspec``, ``OverwriteCells``,
# ``CheckCellMetadata``) is done by :func:`sanitize` before the sandbox runs; after the sandbox and
# the replay, :func:`write_submission` runs nbgrader's remaining autograde steps (``IgnorePattern``,
# ``ClearMetadataPreprocessor``, ``LimitOutput``, ``SaveAutoGrades``, ``AssignLatePenalties``,
# ``CheckCellMetadata``) on the finished notebook, so the gradebook rows (student, submission,
# notebooks, grades, comments, late penalty) and the files in ``autograded/`` are exactly what
# ``nbgrader autograde`` would write; formgrader, ``generate_feedback`` and ``export`` work
# as usual.

from __future__ import annotations

import datetime
import json
import os
import secrets
import stat
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.converters import base as nbgrader_base
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    OverwriteKernelspec,
    SaveAutoGrades,
)
from traitlets import Dict

from .course import Course, TolerantCourseDirectory
from .overwrite import OverwriteCells

_SANITIZE = (ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata)
_AFTER_EXECUTE = [
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]


def _resources(course: Course, assignment: str, student: str, notebook: str) -> dict:
    return {
        "unique_key": notebook,
        "output_files_dir": f"{notebook}_files",
        "nbgrader": {
            "student": student,
            "assignment": assignment,
            "notebook": notebook,
            "db_url": course.db_url,
        },
    }


def sanitize(
    course: Course, assignment: str, student: str, notebook: str, nb: NotebookNode
) -> NotebookNode:
    """Apply nbgrader's sanitising preprocessors (restores test cells from the gradebook).

    Raises:
        Exception: whatever nbgrader raises for a notebook it cannot grade (bad metadata…).
    """
    resources = _resources(course, assignment, student, notebook)
    for cls in _SANITIZE:
        pp = cls(config=course.config)
        nb, resources = pp.preprocess(nb, resources)
        if cls is DeduplicateIds:
            # nbgrader empties the metadata of duplicated cells and then rejects the notebook
            # for an "outdated schema"; dropping the empty metadata grades the remaining copy.
            for cell in nb.cells:
                if cell.metadata.get("nbgrader", None) == {}:
                    del cell.metadata["nbgrader"]
    return nb


#: Cells a submitted notebook may have. The grader's own work on a notebook (validation,
#: nbgrader's preprocessors, merging) runs outside the sandbox's limits and grows with the
#: number of cells: 600,000 one-character cells took minutes and gigabytes. A problem set has
#: about a hundred.
MAX_CELLS = 2_000
#: JSON values (objects, arrays, strings, numbers) a submitted notebook may hold in all: the same
#: cost grows with outputs and metadata keys as with cells. A problem set holds a few thousand.
MAX_NODES = 200_000


def _count_nodes(data: object, limit: int) -> int:
    """How many JSON values ``data`` holds, counting no further than ``limit + 1``."""
    count, todo = 0, [data]
    while todo and count <= limit:
        item = todo.pop()
        count += 1
        if isinstance(item, dict):
            todo.extend(item.values())
            count += len(item)  # the keys
        elif isinstance(item, list):
            todo.extend(item)
    return count


def read_notebook(
    path: Path, *, max_bytes: int = 50 * 1024**2, max_cells: int = MAX_CELLS
) -> NotebookNode:
    """Read and validate a notebook, refusing oversized files and absurd numbers of cells.

    Raises:
        ValueError: the file is too large, has too many cells, is not JSON or not a notebook.
    """
    if path.stat().st_size > max_bytes:
        raise ValueError(f"notebook larger than {max_bytes // 1024**2} MB")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        cells = data.get("cells")
        if "worksheets" in data:  # nbformat 3 keeps its cells in worksheets
            cells = [c for sheet in data["worksheets"] for c in sheet.get("cells", [])]
    except Exception as exc:  # noqa: BLE001 - every reader error means "unreadable"
        raise ValueError(f"not a valid notebook ({type(exc).__name__})") from None
    if isinstance(cells, list) and len(cells) > max_cells:
        raise ValueError(f"notebook has {len(cells):,} cells, more than the {max_cells:,} allowed")
    if _count_nodes(data, MAX_NODES) > MAX_NODES:
        raise ValueError(
            f"notebook holds more than {MAX_NODES:,} values (outputs, metadata), far more than a "
            "problem set needs"
        )
    # Submitted outputs are cleared before execution (nbgrader's ClearOutput): drop them now
    # rather than validate them.
    for cell in cells if isinstance(cells, list) else []:
        if isinstance(cell, dict) and isinstance(cell.get("outputs"), list):
            cell["outputs"] = []
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - every reader error means "unreadable"
        raise ValueError(f"not a valid notebook ({type(exc).__name__})") from None
    return nb


class ReplayAutograde(Autograde):
    """nbgrader's Autograde, fed with notebooks already executed in a sandbox and replayed."""

    prepared = Dict({})

    autograde_preprocessors = _AFTER_EXECUTE

    def init_notebooks(self) -> None:
        # Every gradebook notebook is converted, present or not: a missing or unreadable one
        # is replaced by a placeholder that scores 0 with a message, rather than aborting.
        folder = self._format_source(self.coursedir.assignment_id, self.coursedir.student_id)
        self.assignments = {
            folder: [os.path.join(folder, f"{name}.ipynb") for name in sorted(self.prepared)]
        }
        self.notebooks = []

    def convert_single_notebook(self, notebook_filename: str) -> None:
        self._sanitizing = True
        resources = self.init_single_notebook_resources(notebook_filename)
        self._sanitizing = False
        self._init_preprocessors()
        name = resources["nbgrader"]["notebook"]
        nb = self.prepared[name]
        try:
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                output, resources = self.exporter.from_notebook_node(nb, resources)
            self.write_single_notebook(output, resources)
        finally:
            self._sanitizing = True


def _regular_files_only(find_all_files):
    def find(path: str, exclude=None):
        return [
            f
            for f in find_all_files(path, exclude)
            if not os.path.islink(f) and stat.S_ISREG(os.lstat(f).st_mode)
        ]

    return find


def write_submission(
    course: Course, assignment: str, student: str, prepared: dict[str, NotebookNode]
) -> None:
    """Record one student's finished notebooks in the gradebook and ``autograded/``.

    Test cells the student deleted get an auto score of 0 (nbgrader would leave them empty).

    Raises:
        RuntimeError: nbgrader reported an error while writing.
    """
    config = course.config.copy()
    config.CourseDirectory.assignment_id = assignment
    config.CourseDirectory.student_id = student
    config.CourseDirectory.notebook_id = "*"
    coursedir = TolerantCourseDirectory(config=config)
    converter = ReplayAutograde(coursedir=coursedir, config=config, force=True)
    converter.prepared = prepared
    # nbgrader copies the submission with shutil.copy, which follows symbolic links (a link to
    # solutions/ would land in autograded/ and then in the student's feedback) and fails on a
    # FIFO or a device. Copy regular files only (only the main thread writes, so swapping the
    # module's helper is safe here).
    original = nbgrader_base.find_all_files
    nbgrader_base.find_all_files = _regular_files_only(original)
    try:
        converter.start()
    except Exception as exc:  # noqa: BLE001 - nbgrader raises its own exception types
        raise RuntimeError(f"nbgrader could not write {student}/{assignment}: {exc}") from exc
    finally:
        nbgrader_base.find_all_files = original
    _feedback_keys(
        course.path("submitted", student, assignment),
        course.path("autograded", student, assignment),
    )
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        for name in prepared:
            sub_nb = gb.find_submission_notebook(name, assignment, student)
            solutions = {c.name for c in sub_nb.notebook.solution_cells}
            for grade in sub_nb.grades:
                if grade.auto_score is None and grade.cell.cell_type == "code":
                    if grade.name not in solutions:
                        grade.auto_score = 0
                        grade.needs_manual_grade = False
        gb.db.commit()


def _feedback_keys(submitted: Path, autograded: Path) -> None:
    """Give ``autograded/`` the two files ``nbgrader release_feedback`` reads, when missing.

    The exchange writes ``timestamp.txt`` and ``submission_secret.txt`` into every submission;
    a hand-placed one has neither and an LMS-collected one has no secret, and release_feedback
    then stops with ``FileNotFoundError`` for the whole class. generate_feedback copies both from
    ``autograded/`` into ``feedback/``. The time written is when the notebooks were placed (their
    newest modification time); ``submitted/`` itself is never changed.
    """
    if not autograded.is_dir():
        return
    stamp = autograded / "timestamp.txt"
    if not stamp.is_file():
        times = [p.lstat().st_mtime for p in submitted.glob("*.ipynb") if not p.is_symlink()]
        when = datetime.datetime.fromtimestamp(max(times, default=0.0), datetime.UTC)
        stamp.write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f %Z"), encoding="utf-8")
    secret = autograded / "submission_secret.txt"
    if not secret.is_file():
        secret.write_text(secrets.token_hex(64), encoding="utf-8")
