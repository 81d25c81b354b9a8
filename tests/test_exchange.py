"""`nbgrader collect` with the course's config refuses submissions made under another student's id.

Real nbgrader, the repository's own nbgrader_config.py, and inbound folders owned by two real
accounts of the machine (Debian's ``daemon`` and ``nobody``), set with chown: root only.
"""

from __future__ import annotations

import csv
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from beyond_traffic.exchange import REPORT, refusal_of

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ASSIGNMENT = "ps_demo"
#: Two accounts every Debian machine has; they stand for two students of a hub.
ALICE, BOB = "nobody", "daemon"


def _require_root() -> None:
    if os.geteuid() == 0:
        return
    message = "files owned by other accounts need chown: run this test as root"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _uid(name: str) -> int:
    return pwd.getpwnam(name).pw_uid


def _submission(inbound: Path, student: str, day: int, text: str, *, owner: str) -> Path:
    """A folder as ``nbgrader submit`` leaves it in the inbound, owned by ``owner``."""
    stamp = f"2026-03-0{day} 10:00:00.000000 UTC"
    folder = inbound / f"{student}+{ASSIGNMENT}+{stamp}"
    folder.mkdir()
    (folder / f"{ASSIGNMENT}.ipynb").write_text(text, encoding="utf-8")
    (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
    for path in (folder, *folder.iterdir()):
        os.chown(path, _uid(owner), -1, follow_symlinks=False)
    return folder


def _collect(course: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    return subprocess.run(
        [str(BIN / "nbgrader"), "collect", ASSIGNMENT, "--update"],
        cwd=course,
        env={**env, "HOME": str(course), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def course(tmp_path):
    _require_root()
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    inbound = course / ".exchange" / "beyond-traffic" / "inbound"
    inbound.mkdir(parents=True)
    return course


def test_a_submission_under_another_students_id_is_refused_and_reported(course):
    inbound = course / ".exchange" / "beyond-traffic" / "inbound"
    _submission(inbound, ALICE, 1, "alice's own work", owner=ALICE)
    # Later than Alice's own: nbgrader's collect would take it as hers.
    forged = _submission(inbound, ALICE, 2, "blank, by bob", owner=BOB)
    _submission(inbound, BOB, 1, "bob's own work", owner=BOB)
    # Alice's folder, but a file in it belongs to Bob (the inbound folders are world-writable).
    mixed = _submission(inbound, ALICE, 3, "alice's, with bob's file", owner=ALICE)
    (mixed / "extra.py").write_text("print('bob')\n")
    os.chown(mixed / "extra.py", _uid(BOB), -1)
    # An id that is no account: only the instructor's own (hand-placed) files are accepted.
    _submission(inbound, "ghost", 1, "placed by the instructor", owner="root")
    _submission(inbound, "ghost", 2, "by bob, under a made-up id", owner=BOB)

    done = _collect(course)
    assert done.returncode == 0, done.stdout + done.stderr
    submitted = course / "submitted"
    alice = submitted / ALICE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert alice.read_text() == "alice's own work"
    assert not (submitted / ALICE / ASSIGNMENT / "extra.py").exists()
    assert (submitted / BOB / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text() == "bob's own work"
    assert (submitted / "ghost" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text() == (
        "placed by the instructor"
    )
    log = done.stdout + done.stderr
    assert log.count("Refused submission") == 3, log
    assert f"submitted under '{ALICE}' by {BOB}" in log
    assert "cheating attempt" not in log, "nbgrader's own warning is replaced, not repeated"

    report = course / REPORT
    with open(report, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted((r["claimed_student"], r["owners"]) for r in rows) == sorted(
        [(ALICE, BOB), (ALICE, BOB), ("ghost", BOB)]
    )
    assert forged.name in {r["submission"] for r in rows}
    assert {r["assignment"] for r in rows} == {ASSIGNMENT}
    # A second collect reports again in its log but does not repeat the rows.
    again = _collect(course)
    assert again.returncode == 0 and "Refused submission" in again.stdout + again.stderr
    with open(report, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 3


def test_nbgrader_check_owner_off_turns_the_check_off(course):
    inbound = course / ".exchange" / "beyond-traffic" / "inbound"
    _submission(inbound, ALICE, 1, "alice's own work", owner=ALICE)
    _submission(inbound, ALICE, 2, "blank, by bob", owner=BOB)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write("\nc.ExchangeCollect.check_owner = False\n")
    done = _collect(course)
    assert done.returncode == 0, done.stderr
    notebook = course / "submitted" / ALICE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert notebook.read_text() == "blank, by bob"
    assert not (course / REPORT).exists()


def test_refusal_names_symbolic_links(tmp_path):
    folder = tmp_path / f"someone+{ASSIGNMENT}+2026"
    folder.mkdir()
    (folder / "notes.txt").symlink_to("/etc/hostname")
    refusal = refusal_of(folder, "someone", collector_uid=os.geteuid())
    assert refusal is not None and "symbolic links (notes.txt)" in refusal.reason
    (folder / "notes.txt").unlink()
    assert refusal_of(folder, "someone", collector_uid=os.geteuid()) is None


def test_refusal_needs_a_path():
    with pytest.raises(TypeError, match="pathlib.Path"):
        refusal_of("inbound/x", "someone", collector_uid=0)
