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


def test_v1_groups_delegated_to_an_ordinary_user_are_found_and_limited(tmp_path, monkeypatch):
    # root handed this user its own group in each hierarchy; the hierarchies' roots are root's.
    own = {c: tmp_path / c / "beyond-traffic-grader" for c in ("pids", "memory", "cpu")}
    for folder in own.values():
        folder.mkdir(parents=True)
    monkeypatch.setattr(cgroups, "_own_groups", lambda: {c: "beyond-traffic-grader" for c in own})
    real_access = os.access
    tops = {tmp_path / c for c in own}
    monkeypatch.setattr(
        cgroups.os, "access", lambda p, mode: Path(p) not in tops and real_access(p, mode)
    )
    assert cgroups.detect(tmp_path) is None  # a group without control files is no cgroup
    files = {"pids": "pids.max", "memory": "memory.limit_in_bytes", "cpu": "cpu.shares"}
    for c, folder in own.items():
        (folder / files[c]).write_text("max")
    found = cgroups.detect(tmp_path)
    assert found == (1, list(own.values()))
    assert cgroups.controls(found, root=tmp_path) == {"pids", "memory", "cpu"}
    original_mkdir = Path.mkdir

    def mkdir_with_files(self, *args, **kwargs):
        original_mkdir(self, *args, **kwargs)
        controller = self.relative_to(tmp_path).parts[0]
        (self / files[controller]).write_text("max")

    monkeypatch.setattr(Path, "mkdir", mkdir_with_files)
    group = cgroups.create(
        "bt-box", cgroups.CgroupLimits(pids=77, memory_bytes=4321), root=tmp_path
    )
    assert group is not None and group.version == 1
    assert (own["pids"] / "bt-box" / "pids.max").read_text() == "77"
    assert (own["memory"] / "bt-box" / "memory.limit_in_bytes").read_text() == "4321"
    assert (own["cpu"] / "bt-box" / "cpu.shares").read_text() == "1024"


def test_without_a_memory_controller_the_sandbox_bound_is_one_process():
    from beyond_traffic.grader.bounds import bound_for, bounded_jobs
    from beyond_traffic.grader.sandbox import Capabilities

    assert bound_for(frozenset({"pids", "memory", "cpu"})) == "cgroup"
    assert bound_for(frozenset({"pids", "cpu"})) == "one process"  # x86-64 and arm64
    # Without a memory group each sandbox may hold its whole limit: fewer run side by side.
    jobs = bounded_jobs(Capabilities("bwrap", bound="one process"), 1000)
    assert 1 <= jobs < 1000
    assert bounded_jobs(Capabilities("bwrap", bound="cgroup"), 1000) == 1000
