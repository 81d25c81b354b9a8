"""Benchmark: what one student costs a hub (memory) and one submission costs the grader (CPU)."""

# Usage: ``.venv/bin/python benchmarks/bench_hub_sizing.py [--submissions 8] [--jobs 2]``
#
# Memory: a JupyterLab server is started and its page loaded once (what a student's server holds
# before any notebook runs); then every lesson in course/ runs top to bottom in a kernel of its
# own, as a student working through them would, and each kernel's resident (RSS) and
# proportional (PSS) memory is read from /proc after its last cell. Grading: a copy of the course
# with ps1_segment submissions (half the reference solution, half the untouched release) is
# graded by ``beyond-traffic grade``; CPU seconds (user + system, all child processes) per
# submission is what one core spends, whatever else the machine is doing; wall time is printed
# with the load average, for what it is worth.

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import course_tools as ct  # noqa: E402

MB = 1024 * 1024


def _memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MiB of one process, from /proc."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == "Rss":
            rss = int(value.split()[0]) * 1024
        elif name == "Pss":
            pss = int(value.split()[0]) * 1024
    return rss / MB, pss / MB


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def server_memory(tmp: Path) -> tuple[float, float]:
    """Memory of an idle JupyterLab server after its page was served once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--IdentityProvider.token=bench",
        f"--ServerApp.root_dir={tmp}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**os.environ, "HOME": str(tmp), "JUPYTER_RUNTIME_DIR": str(tmp / "rt")}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(180):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token=bench", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)
        return _memory(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def lesson_memory() -> list[tuple[str, float, float, float]]:
    """(lesson, seconds, RSS MiB, PSS MiB) of a kernel after running each lesson."""
    rows = []
    for path in sorted((ROOT / "course").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        resources = {"metadata": {"path": str(path.parent)}}
        client = NotebookClient(nb, timeout=600, kernel_name="python3", resources=resources)
        start = time.perf_counter()
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            pid = client.km.provisioner.process.pid
            rss = pss = 0.0
            for p in _tree(pid):
                r, q = _memory(p)
                rss, pss = rss + r, pss + q
        rows.append((path.stem, time.perf_counter() - start, rss, pss))
    return rows


def grading_cost(tmp: Path, submissions: int, jobs: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``beyond-traffic grade`` on ps1_segment submissions."""
    course = tmp / "course"
    shutil.copytree(
        ROOT, course, ignore=shutil.ignore_patterns(".venv", ".git", "tests", "_site", "*.egg-info")
    )
    for name in ("gradebook.db", "submitted", "autograded", "feedback", ".beyond_traffic"):
        target = course / name
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(True)
    ct.nbgrader(course, "generate_assignment", "ps1_segment", "--force")
    solution = nbformat.read(course / "solutions/ps1_segment/ps1_segment.ipynb", as_version=4)
    release = nbformat.read(course / "assignments/ps1_segment/ps1_segment.ipynb", as_version=4)
    for i in range(submissions):
        folder = course / "submitted" / f"s{i:03d}" / "ps1_segment"
        folder.mkdir(parents=True)
        nbformat.write(solution if i % 2 == 0 else release, folder / "ps1_segment.ipynb")
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = ct.beyond_traffic(course, "grade", "ps1_segment", "--jobs", str(jobs), "--no-progress")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit(run.stdout + run.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    """Print the memory and grading figures docs/jupyterhub.md sizes a hub with."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-grading", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bt-size-") as tmp:
        rss, pss = server_memory(Path(tmp))
        print(f"JupyterLab server, idle after one page load: RSS {rss:.0f} MiB, PSS {pss:.0f} MiB")
        rows = lesson_memory()
        for name, seconds, k_rss, k_pss in rows:
            print(
                f"  kernel after {name}: {seconds:5.1f} s, RSS {k_rss:4.0f}, PSS {k_pss:4.0f} MiB"
            )
        peak = max(r[2] for r in rows)
        print(f"one student, one lesson open: {rss + peak:.0f} MiB (server + largest kernel, RSS)")
        every = rss + sum(r[2] for r in rows)
        print(f"one student, all eight kernels left running: {every:.0f} MiB")
        if not args.skip_grading:
            cpu, wall = grading_cost(Path(tmp), args.submissions, args.jobs)
            load = os.getloadavg()[0]
            print(
                f"grading ps1_segment: {args.submissions} submissions, --jobs {args.jobs}: "
                f"CPU {cpu:.1f} s = {cpu / args.submissions:.1f} core-seconds per submission; "
                f"wall {wall:.1f} s (load average {load:.1f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
