"""Red team as an ordinary user: the same attacks, graded by an account that is not root.

nbgrader's own JupyterHub guide grades as an ordinary "grader" account: bubblewrap instead of
root's namespaces, and a cgroup only where one was delegated (else one process per kernel). Run
by root, these tests grade as a throwaway account (``tests/conftest.py``), with a venv on the
system Python it can read; run by an ordinary user, as that user.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import course_tools as ct
import nbformat
import pytest

from .redteam_cases import CASES
from .test_redteam import HONEST, NEEDS_FORK, ONE_PROCESS_NOTE, _all_outputs, _edited

#: One grading run for the whole module, in one xdist worker (the fixture is module-scoped).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("redteam_nonroot")]

REPO = Path(__file__).resolve().parents[2]
#: Attacks on the sandbox itself (escape, read, write, exhaust, forge, outlive), re-run without
#: root. Broken files and the terminal/keyring harness are the grader's own code, the same for
#: every user, and stay in the root run.
SELECTED = (
    "rigged_eq",
    "patch_checker",
    "planted_package",
    "patched_builtins",
    "exit_in_test",
    "never_returns",
    "fork_bomb",
    "huge_output",
    "vandal",
    "read_solutions",
    "network",
    "forge_observations",
    "memory_and_disk",
    "kill_everything",
    "edited_tests",
    "forge_expected_values",
    "scan_for_neighbours",
    "read_host",
    "swap_folders",
    "planted_site_files",
    "daemon",
    "disk_bomb",
    "memory_bomb_children",
    "escalate",
    "zx_cpu_hog",
    "zy_slow_honest",
    "display_update_flood",
)
NONROOT_CASES = [c for c in CASES if c.name in SELECTED]


def _build(user, venv: Path) -> dict:
    base = Path(tempfile.mkdtemp(prefix="bt-nonroot-redteam-"))
    os.chmod(base, 0o755)
    course = ct.make_course(base / "course")
    host = base / "host-secret.txt"
    host.write_text("HOST-SECRET", encoding="utf-8")
    places = {"course": str(course), "repo": str(REPO), "host": str(host)}
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    for case in NONROOT_CASES:
        ct.submit(course, case.name, _edited(course, case, places), files=case.files)
    ct.submit(course, "zz_after", ct.answered(course, ct.HONEST))
    for dirpath, dirnames, filenames in os.walk(base):
        for name in [*dirnames, *filenames, ""]:
            os.lchown(os.path.join(dirpath, name), user.pw_uid, user.pw_gid)
    os.chmod(host, 0o600)
    before = ct.tree_digest(course)
    run = ct.run_as(
        user,
        [str(venv / "bin" / "beyond-traffic"), "grade", "mini", "--jobs", "2", "--no-progress"],
        cwd=course,
        path=f"{venv / 'bin'}:/usr/bin:/bin",
        timeout=3000,
    )
    return {
        "base": str(base),
        "course": str(course),
        "run": {"returncode": run.returncode, "stdout": run.stdout, "stderr": run.stderr},
        "before": before,
        "host_unchanged": host.read_text(encoding="utf-8") == "HOST-SECRET",
    }


@pytest.fixture(scope="module")
def graded_nonroot(system_venv, unprivileged_user):
    if not shutil.which("bwrap"):
        pytest.fail("bubblewrap is not installed: `make test` installs it (Debian: bubblewrap)")
    facts = _build(unprivileged_user, system_venv)
    yield SimpleNamespace(
        course=Path(facts["course"]),
        run=SimpleNamespace(**facts["run"]),
        before=facts["before"],
        host_unchanged=facts["host_unchanged"],
    )
    shutil.rmtree(facts["base"], ignore_errors=True)


def test_the_nonroot_run_finishes_contained_and_keeps_everything_intact(graded_nonroot):
    run = graded_nonroot.run
    assert run.returncode == 0, run.stdout + run.stderr
    assert "sandbox: bubblewrap" in run.stdout
    assert ct.tree_digest(graded_nonroot.course) == graded_nonroot.before
    assert graded_nonroot.host_unchanged
    scores = ct.gradebook_scores(graded_nonroot.course)
    for honest in HONEST:
        assert scores[honest]["t1_count"] == 2.0 and scores[honest]["t2_top"] == 3.0, honest


@pytest.mark.parametrize("case", NONROOT_CASES, ids=lambda c: c.name)
def test_attack_earns_nothing_without_root(graded_nonroot, case):
    scores = ct.gradebook_scores(graded_nonroot.course)[case.name]
    expected = case.expect or {"t1_count": 0.0, "t2_top": 0.0}
    assert {k: scores[k] for k in expected} == expected, case.what
    path = graded_nonroot.course / "autograded" / case.name / "mini" / "mini.ipynb"
    outputs = _all_outputs(nbformat.read(path, as_version=4))
    if case.name in NEEDS_FORK and ONE_PROCESS_NOTE in graded_nonroot.run.stdout:
        assert "Operation not permitted" in outputs, case.what  # the fork was refused
    elif case.evidence:
        assert case.evidence in outputs, case.what
