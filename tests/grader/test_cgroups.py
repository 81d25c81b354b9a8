"""Tests for beyond_traffic.grader.cgroups: a group per sandbox on cgroup v1 and v2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from beyond_traffic.grader import cgroups


def _fake_v2(root: Path, controllers: str = "cpu memory pids") -> Path:
    # A cgroup v2 tree as the kernel shows it to a delegated user: our own group is writable.
    own = root / "user.slice" / "grader"
    own.mkdir(parents=True)
    (root / "cgroup.controllers").write_text(controllers)
    (own / "cgroup.controllers").write_text(controllers)
    (own / "cgroup.subtree_control").write_text("")
    (own / "cgroup.procs").write_text("")
    return own


def test_v2_moves_the_grader_to_a_leaf_enables_controllers_and_writes_limits(tmp_path, monkeypatch):
    own = _fake_v2(tmp_path)
    monkeypatch.setattr(cgroups, "_own_v2_group", lambda root: own)
    original_mkdir = Path.mkdir

    def mkdir_with_files(self, *args, **kwargs):
        # A real cgroup folder appears with its control files; a plain folder does not.
        original_mkdir(self, *args, **kwargs)
        for name in ("pids.max", "memory.max", "memory.swap.max", "cpu.weight", "cgroup.procs"):
            (self / name).write_text("max")

    monkeypatch.setattr(Path, "mkdir", mkdir_with_files)
    group = cgroups.create(
        "bt-box", cgroups.CgroupLimits(pids=99, memory_bytes=12345), root=tmp_path
    )
    assert group is not None and group.version == 2
    assert (own / "cgroup.subtree_control").read_text() == "+pids +memory +cpu"
    leaf = own / f"bt-grader-{os.getpid()}"
    assert (leaf / "cgroup.procs").read_text() == str(os.getpid())
    box = own / "bt-box"
    assert (box / "pids.max").read_text() == "99"
    assert (box / "memory.max").read_text() == "12345"
    assert (box / "memory.swap.max").read_text() == "0"
    assert (box / "cpu.weight").read_text() == "100"  # one share per sandbox, not per process


def test_v2_without_the_pids_controller_gives_no_group(tmp_path, monkeypatch):
    own = _fake_v2(tmp_path, controllers="cpu memory")
    monkeypatch.setattr(cgroups, "_own_v2_group", lambda root: own)
    assert cgroups.detect(tmp_path) is None
    assert cgroups.create("bt-box", cgroups.CgroupLimits(), root=tmp_path) is None


@pytest.mark.skipif(
    not (os.geteuid() == 0 and Path("/sys/fs/cgroup/pids").is_dir()),
    reason="the real cgroup v1 check needs root and a v1 pids hierarchy",
)
def test_real_v1_group_limits_and_removal():
    group = cgroups.create(f"bt-test-{os.getpid()}", cgroups.CgroupLimits(pids=42))
    assert group is not None and group.version == 1
    pids = next(f for f in group.folders if f.parent.name == "pids")
    assert (pids / "pids.max").read_text().strip() == "42"
    if os.access("/sys/fs/cgroup/cpu", os.W_OK):
        cpu = next(f for f in group.folders if f.parent.name == "cpu")
        assert (cpu / "cpu.shares").read_text().strip() == "1024"
    group.remove()
    assert not any(f.exists() for f in group.folders)
