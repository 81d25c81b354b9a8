"""nbgrader's collect, refusing a submission whose files belong to someone else than its student."""

from __future__ import annotations

import csv
import datetime
import glob
import os
import pwd
import stat
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.utils import check_mode
from traitlets import Unicode

from beyond_traffic.grader.terminal import printable, spreadsheet_safe

__all__ = ["REPORT", "Refusal", "OwnerCheckedCollect", "foreign_owners", "refusal_of"]

#: Where refused submissions are recorded, relative to the course folder.
REPORT = Path("integrity") / "collect_refused.csv"
_COLUMNS = ("noticed_utc", "assignment", "claimed_student", "submission", "owners", "reason")


@dataclass(frozen=True)
class Refusal:
    """Why one submission in the exchange was not collected."""

    submission: str
    """Its folder name in the exchange's inbound, ``student+assignment+timestamp[+random]``."""
    claimed_student: str
    """The student id in that name."""
    owners: tuple[str, ...]
    """The accounts owning its files and folders (not the student's, not the collector's)."""
    reason: str
    """A sentence for the instructor."""


def _account(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def foreign_owners(folder: Path, *, allowed: set[int]) -> tuple[set[int], list[str]]:
    """Owners of ``folder`` and of everything in it that are not in ``allowed``, and symlinks.

    Nothing is followed: a symbolic link is reported by its path (a submission is plain files),
    and ownership is read with ``lstat``.

    Example:
        >>> import tempfile
        >>> 作业 = Path(tempfile.mkdtemp()) / "学生甲+ps1+2026"
        >>> 作业.mkdir(); _ = (作业 / "答案.ipynb").write_text("{}")
        >>> foreign_owners(作业, allowed={os.getuid()})
        (set(), [])
        >>> sorted(foreign_owners(作业, allowed=set())[0]) == [os.getuid()]
        True
    """
    if not isinstance(folder, Path):
        raise TypeError(f"folder must be pathlib.Path, got {type(folder).__name__}")
    foreign: set[int] = set()
    links: list[str] = []
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            links.append(str(path.relative_to(folder)))
        if info.st_uid not in allowed:
            foreign.add(info.st_uid)
    return foreign, links


def refusal_of(folder: Path, student: str, *, collector_uid: int) -> Refusal | None:
    """Whether the submission ``folder`` may be collected for ``student``; ``None`` if so.

    Every file and folder in it must belong to the Unix account named ``student`` (on a hub the
    student id is the account name) or to ``collector_uid``, the instructor running collect
    (who may place a submission by hand). A student id that names no account is accepted only
    for the instructor's own files.

    Example:
        >>> import tempfile
        >>> 作业 = Path(tempfile.mkdtemp()) / "没有这个账户+ps1+2026"
        >>> 作业.mkdir()
        >>> refusal_of(作业, "没有这个账户", collector_uid=os.getuid()) is None
        True
        >>> print(refusal_of(作业, "没有这个账户", collector_uid=os.getuid() + 1).reason)
        '没有这个账户' is not an account on this machine, and the files belong to ...
    """
    try:
        student_uid: int | None = pwd.getpwnam(student).pw_uid
    except KeyError:
        student_uid = None
    allowed = {collector_uid} | ({student_uid} if student_uid is not None else set())
    foreign, links = foreign_owners(folder, allowed=allowed)
    if not foreign and not links:
        return None
    owners = tuple(sorted(_account(uid) for uid in foreign))
    if links:
        reason = f"it holds symbolic links ({', '.join(links[:3])}); a submission is plain files"
    elif student_uid is None:
        reason = (
            f"{student!r} is not an account on this machine, and the files belong to "
            f"{', '.join(owners)}"
        )
    else:
        reason = f"submitted under {student!r} by {', '.join(owners)}"
    return Refusal(folder.name, student, owners, reason)


class OwnerCheckedCollect(ExchangeCollect):
    """``nbgrader collect`` that refuses a submission made under another student's id.

    nbgrader's own collect only warns when a submission's folder is not owned by the student
    it names, then collects it, newest first: a classmate's blank notebook submitted under your
    id after your real one would replace it. This collect drops such a submission before
    choosing, so each student's own latest submission (or, with ``--before-duedate``, their
    own latest on time) is the one collected; each refusal is logged as an error and appended
    to ``integrity/collect_refused.csv`` in the course folder.
    ``c.ExchangeCollect.check_owner = False`` turns the check off, as it turns off nbgrader's
    warning.

    Plug it in with ``c.ExchangeFactory.collect = "beyond_traffic.exchange.OwnerCheckedCollect"``
    (the course's ``nbgrader_config.py`` and the hub's global config do).

    Example:
        >>> OwnerCheckedCollect.report_file.default_value
        'integrity/collect_refused.csv'
        >>> "学生" in "学生的作业只属于学生本人"
        True
    """

    report_file = Unicode(
        str(REPORT),
        help="Refused submissions are appended here (relative to the course folder).",
    ).tag(config=True)

    def init_src(self) -> None:
        """Like nbgrader's, but choose each student's latest among their own submissions."""
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"You don't have read permissions for the directory: {self.inbound_path}")
        student_id = self.coursedir.student_id if self.coursedir.student_id else "*"
        pattern = os.path.join(self.inbound_path, f"{student_id}+{self.coursedir.assignment_id}+*")
        records = [self._path_to_record(f) for f in glob.glob(pattern)]
        refusals = []
        own: dict[str, list[dict]] = defaultdict(list)
        for record in records:
            refusal = None
            if self.check_owner:
                refusal = refusal_of(
                    Path(self.inbound_path) / record["filename"],
                    record["username"],
                    collector_uid=os.geteuid(),
                )
            if refusal is None:
                own[record["username"]].append(record)
            else:
                refusals.append(refusal)
        self._report(refusals)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.src_records = []
        for mine in own.values():
            ordered = self._sort_by_timestamp(mine)
            if self.duedate is not None and self.before_duedate:
                on_time = [r for r in ordered if r["timestamp"] <= self.duedate]
                ordered = on_time or ordered
            self.src_records.append(ordered[0])

    def copy_files(self) -> None:
        """nbgrader's copy, without its owner warning: every record left was checked."""
        checked, self.check_owner = self.check_owner, False
        try:
            super().copy_files()
        finally:
            self.check_owner = checked

    def _report(self, refusals: list[Refusal]) -> None:
        if not refusals:
            return
        report = Path(self.coursedir.root) / self.report_file
        report.parent.mkdir(parents=True, exist_ok=True)
        seen = set()
        if report.is_file():
            with open(report, encoding="utf-8", newline="") as fh:
                seen = {(r["assignment"], r["submission"]) for r in csv.DictReader(fh)}
        new = not report.is_file()
        noticed = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
        with open(report, "a", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            if new:
                writer.writerow(_COLUMNS)
            for refusal in refusals:
                self.log.error(
                    "Refused submission %s of %r: %s. It is not collected; recorded in %s",
                    printable(refusal.submission),
                    printable(refusal.claimed_student),
                    printable(refusal.reason),
                    report,
                )
                if (self.coursedir.assignment_id, refusal.submission) in seen:
                    continue
                writer.writerow(
                    [
                        noticed,
                        self.coursedir.assignment_id,
                        spreadsheet_safe(refusal.claimed_student),
                        spreadsheet_safe(refusal.submission),
                        spreadsheet_safe(" ".join(refusal.owners)),
                        spreadsheet_safe(refusal.reason),
                    ]
                )
