"""Tests for beyond_traffic.grader.course: reading a timestamp.txt a student wrote."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from traitlets.config import Config

from beyond_traffic.grader.course import TolerantCourseDirectory

GOOD = "2026-11-20 10:00:00.000000 UTC"


def _read_timestamp(folder: Path, *, seconds: float = 5.0) -> dict[str, object]:
    """What ``get_existing_timestamp`` returns or raises, or ``{"hung": True}`` if it blocks."""
    result: dict[str, object] = {}
    coursedir = TolerantCourseDirectory(config=Config())

    def run() -> None:
        try:
            result["value"] = coursedir.get_existing_timestamp(str(folder))
        except BaseException as exc:  # noqa: BLE001 - the test reports what escaped
            result["raised"] = repr(exc)[:200]

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        result["hung"] = True
        # Unblock the reader: opening the FIFO's write end and closing it gives it end of file.
        fd = os.open(folder / "timestamp.txt", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(seconds)
    return result


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "timestamp.txt")


def _link_to_fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe")
    os.symlink(folder / "pipe", folder / "timestamp.txt")


def _folder(folder: Path) -> None:
    (folder / "timestamp.txt").mkdir()


def _date_then_garbage(folder: Path) -> None:
    # The first 200 bytes (all timestamp_problem reads) are a date; nbgrader reads the rest.
    (folder / "timestamp.txt").write_text(GOOD + " " * 200 + "下周一", encoding="utf-8")


def _date_then_binary(folder: Path) -> None:
    (folder / "timestamp.txt").write_bytes(GOOD.encode() + b" " * 200 + b"\xff\xfe")


def _link_to_a_file_that_is_not_a_date(folder: Path) -> None:
    (folder / "notes.txt").write_text("下周一", encoding="utf-8")
    os.symlink(folder / "notes.txt", folder / "timestamp.txt")


#: Red team, round 3: timestamp.txt forms the tolerant reader hands on to nbgrader's own, which
#: then blocks forever (a FIFO: the whole class waits) or raises (the submission ends "failed").
HOSTILE = {
    "fifo": _fifo,
    "symlink_to_fifo": _link_to_fifo,
    "directory": _folder,
    "date_then_garbage_after_200_bytes": _date_then_garbage,
    "date_then_invalid_utf8_after_200_bytes": _date_then_binary,
    "symlink_to_a_file_that_is_not_a_date": _link_to_a_file_that_is_not_a_date,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_timestamp_is_read_as_no_time_without_blocking_or_raising(tmp_path, name):
    HOSTILE[name](tmp_path)
    assert _read_timestamp(tmp_path) == {"value": None}


def test_a_good_timestamp_is_still_read(tmp_path):
    (tmp_path / "timestamp.txt").write_text(GOOD, encoding="utf-8")
    assert str(_read_timestamp(tmp_path)["value"]) == "2026-11-20 10:00:00"
