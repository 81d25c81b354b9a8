"""Tests for beyond_traffic.grader.sandbox: containment modes, refusal, safe reads, non-root."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import course_tools as ct
import nbformat
import pytest

from beyond_traffic.grader import sandbox
from beyond_traffic.grader.sandbox import Capabilities, capabilities, refusal

#: Hostile cells for the unprivileged run: {host} is a private file of the grader's own user.
READER = (
    "import os, socket, glob\nC = {course!r}\nfound = []\n"
    "for p in [C + '/solutions/mini/mini.ipynb', C + '/gradebook.db', {host!r}]:\n"
    "    try:\n        open(p).read(); found.append(p)\n    except Exception:\n        pass\n"
    "found += glob.glob('/tmp/bt-grader-*') + glob.glob('/tmp/bt-nonroot-*')\n"
    "found += glob.glob(C + '/submitted/*')\n"
    "try:\n    socket.create_connection(('1.1.1.1', 53), timeout=3).close(); found.append('net')\n"
    "except OSError:\n    pass\n"
    "print('FOUND', found)"
)
FORGER = (
    "import os\nfrom beyond_traffic.grading import checker\n"
    "def forge(self, key, expected=None, *a, **k):\n"
    "    from beyond_traffic.grading.wire import write_record\n"
    "    from beyond_traffic.grading.canonical import Observation, canonicalize\n"
    "    tag, data = canonicalize(expected)\n"
    "    write_record(os.environ['BEYOND_TRAFFIC_OBSERVATIONS'], self.grade_id, key,"
    " Observation(tag=tag, value=data))\n"
    "for name in dir(checker.Checker):\n"
    "    if name.startswith('expect_'):\n"
    "        setattr(checker.Checker, name, forge)"
)


def test_this_machine_has_a_sandbox_and_says_how():
    caps = capabilities()
    assert caps.mode in ("root", "bwrap")
    if os.geteuid() == 0:
        assert caps.mode == "root"
    assert all(isinstance(n, str) and n for n in caps.notes)


def test_refusal_names_the_flag_and_the_fix():
    text = refusal(Capabilities("none", notes=("no sandbox is available",)))
    assert "--unsafe-no-sandbox" in text and "bubblewrap" in text


def test_a_machine_that_cannot_bound_a_sandbox_is_refused_with_the_fix(monkeypatch):
    from beyond_traffic.grader import bounds

    monkeypatch.setattr(bounds.proc, "can_forbid_processes", lambda: False)
    assert bounds.bound_for(frozenset({"pids", "cpu"})) == ""
    caps = Capabilities("bwrap", bwrap="/usr/bin/bwrap", notes=(bounds.unbounded_note(),), bound="")
    text = refusal(caps)
    assert "nothing can bound" in text and ("chown" in text or "systemd-run" in text), text
    with pytest.raises(sandbox.NoSandboxError, match="nothing can bound"):
        monkeypatch.setattr(sandbox, "capabilities", lambda: caps)
        sandbox.run_notebook(None, None, [], run_dir=Path("/nonexistent"), zygote=None)


def test_run_folder_is_private(tmp_path):
    run_dir = sandbox.make_run_dir()
    try:
        mode = stat.S_IMODE(run_dir.stat().st_mode)
        assert mode & 0o066 == 0 and run_dir.stat().st_uid == os.geteuid()
    finally:
        run_dir.rmdir()


def test_results_are_never_read_through_links(tmp_path):
    box = tmp_path / "box"
    (box / "exec").mkdir(parents=True)
    secret = tmp_path / "neighbour.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), secret)
    (box / "exec" / "executed.ipynb").symlink_to(secret)
    (box / "obs.jsonl").symlink_to(secret)
    assert sandbox._read_results(box) == (None, None)
    (box / "exec" / "executed.ipynb").unlink()
    shutil.rmtree(box / "exec")
    (box / "exec").symlink_to(tmp_path)  # a replaced folder is refused too
    assert sandbox._read_results(box)[0] is None


def test_stale_run_folders_of_dead_graders_are_removed(tmp_path):
    dead = tmp_path / "bt-grader-999999999-abc"
    dead.mkdir()
    alive = tmp_path / f"bt-grader-{os.getpid()}-abc"
    alive.mkdir()
    link = tmp_path / "bt-grader-999999998-abc"
    link.symlink_to(tmp_path / "elsewhere")
    assert sandbox.cleanup_stale(tmp_path) >= 1
    assert not dead.exists() and alive.exists() and link.is_symlink()


# --------------------------------------------------------------------------- without root


def _nonroot_course(user, extra_students: dict[str, list[str]]) -> tuple[Path, Path]:
    base = Path(tempfile.mkdtemp(prefix="bt-nonroot-"))
    os.chmod(base, 0o755)
    course = ct.make_course(base / "course")
    host = base / "host-secret.txt"
    host.write_text("HOST-SECRET", encoding="utf-8")
    ct.submit(course, "alice", ct.answered(course, ct.HONEST))
    for student, cells in extra_students.items():
        cells = [c.format(course=str(course), host=str(host)) for c in cells]
        ct.submit(course, student, ct.answered(course, {}, extra_cells=cells))
    for dirpath, dirnames, filenames in os.walk(base):
        for name in [*dirnames, *filenames, ""]:
            os.lchown(os.path.join(dirpath, name), user.pw_uid, user.pw_gid)
    os.chmod(host, 0o600)
    return course, host


def _grade_as(user, venv: Path, course: Path, *args: str, env: dict | None = None):
    return ct.run_as(
        user,
        [str(venv / "bin" / "beyond-traffic"), "grade", "mini", "--no-progress", *args],
        cwd=course,
        path=f"{venv / 'bin'}:/usr/bin:/bin",
        env=env or {},
        timeout=900,
    )


def _outputs(course: Path, student: str) -> str:
    nb = nbformat.read(course / "autograded" / student / "mini" / "mini.ipynb", as_version=4)
    return "\n".join(str(o.get("text", "")) for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
def test_without_root_bubblewrap_hides_course_host_and_network(system_venv, unprivileged_user):
    if not shutil.which("bwrap"):
        pytest.fail("bubblewrap is not installed: `make test` installs it (Debian: bubblewrap)")
    course, host = _nonroot_course(unprivileged_user, {"reader": [READER], "forger": [FORGER]})
    before = ct.tree_digest(course)
    run = _grade_as(unprivileged_user, system_venv, course, "--jobs", "2")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "sandbox: bubblewrap" in run.stdout
    scores = ct.gradebook_scores(course)
    assert scores["alice"]["t1_count"] == 2.0 and scores["alice"]["t2_top"] == 3.0
    for attacker in ("reader", "forger"):
        assert scores[attacker]["t1_count"] == scores[attacker]["t2_top"] == 0.0, attacker
    assert "FOUND []" in _outputs(course, "reader")
    assert ct.tree_digest(course) == before
    assert host.read_text(encoding="utf-8") == "HOST-SECRET"


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
def test_without_any_sandbox_the_grader_refuses_unless_told(system_venv, unprivileged_user):
    course, _ = _nonroot_course(unprivileged_user, {})
    no_bwrap = {"BEYOND_TRAFFIC_BWRAP": "/nonexistent/bwrap"}
    refused = _grade_as(unprivileged_user, system_venv, course, env=no_bwrap)
    assert refused.returncode == 2
    assert "--unsafe-no-sandbox" in refused.stderr and "bubblewrap" in refused.stderr
    assert not (course / "autograded").exists()
    accepted = _grade_as(
        unprivileged_user, system_venv, course, "--unsafe-no-sandbox", env=no_bwrap
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "sandbox: NONE" in accepted.stdout
    assert ct.gradebook_scores(course)["alice"]["t2_top"] == 3.0


# --------------------------------------------------------------------------- found in review

#: A local account (a student's own shell or JupyterHub server on the grading host) watching
#: the host while a class is graded: mount tables are world-readable and name each box.
SPY = r"""
import os, re, sys, time
end = time.time() + float(sys.argv[1])
while time.time() < end:
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            info = open(f'/proc/{pid}/mountinfo').read()
        except OSError:
            continue
        for stage in re.findall(r' (/\S+/box-\S+/stage) /run/bt/stage ', info):
            for dirpath, _, files in os.walk(stage):
                for f in files:
                    try:
                        print('SPY', open(os.path.join(dirpath, f), errors='replace').read(80),
                              flush=True)
                    except OSError:
                        pass
    time.sleep(0.2)
"""


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="another local account exists only beside root")
def test_local_users_cannot_read_the_files_of_students_being_graded(tmp_path, unprivileged_user):
    course = ct.make_course(tmp_path / "course")
    ct.submit(
        course,
        "private",
        ct.answered(course, {}, extra_cells=["import time\ntime.sleep(12)"]),
        files={"notes/data.csv": "PRIVATE-STUDENT-DATA,42\n"},
    )

    def demote() -> None:
        os.setgroups([])
        os.setgid(unprivileged_user.pw_gid)
        os.setuid(unprivileged_user.pw_uid)

    spy = subprocess.Popen(
        ["/usr/bin/python3", "-c", SPY, "600"],
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=demote,
    )
    try:
        run = ct.beyond_traffic(course, "grade", "mini", "--jobs", "2", "--no-progress")
    finally:
        spy.kill()
        seen, _ = spy.communicate(timeout=30)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "private" in ct.gradebook_scores(course)
    assert "PRIVATE-STUDENT-DATA" not in seen


#: Fills /dev/shm with 16 MB files up to 256 MB (bounded: the point is only to pass 64 MB).
SHM_FILL = (
    "import os\nst = os.statvfs('/dev/shm')\nprint('SHM size', st.f_blocks * st.f_frsize)\n"
    "n = 0\nfor i in range(16):\n    try:\n"
    "        with open(f'/dev/shm/fill{{i}}', 'wb') as fh:\n"
    "            for _ in range(16):\n                fh.write(b'0' * 2**20)\n"
    "        n += 16\n    except OSError:\n        break\nprint('SHM filled', n)"
)


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
def test_without_root_dev_shm_is_as_small_as_with_root(system_venv, unprivileged_user):
    """Found in review: bubblewrap's --dev gives /dev a tmpfs of half the host's memory and
    /dev/shm is a folder in it, writable by the sandbox: no cgroup bounds it for a non-root
    grader, so two students can fill the host's memory (as root /dev/shm is a 16 MB tmpfs)."""
    if not shutil.which("bwrap"):
        pytest.fail("bubblewrap is not installed: `make test` installs it (Debian: bubblewrap)")
    course, _ = _nonroot_course(unprivileged_user, {"shm": [SHM_FILL]})
    run = _grade_as(unprivileged_user, system_venv, course, "--jobs", "2")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "sandbox: bubblewrap" in run.stdout
    out = _outputs(course, "shm")
    filled = int(out.split("SHM filled")[1].split()[0])
    assert filled <= 64, out


# --------------------------------------------------------------------------- bounded without root

#: Four children each asking for 2.2 GB and touching every page (one notebook held 14 GB of a
#: 23 GB host this way without root); where children are refused, four threads ask instead.
CHILDREN_HOG = (
    "import os, threading, time\n"
    "def grab():\n"
    "    try:\n"
    "        b = bytearray(2_200_000_000)\n"
    "        for i in range(0, len(b), 4096):\n"
    "            b[i] = 1\n"
    "        time.sleep(15)\n"
    "    except MemoryError:\n"
    "        pass\n"
    "born = 0\n"
    "for _ in range(4):\n"
    "    try:\n"
    "        pid = os.fork()\n"
    "    except OSError as e:\n"
    "        print('FORK refused', e.errno)\n"
    "        break\n"
    "    if pid == 0:\n"
    "        grab()\n"
    "        os._exit(0)\n"
    "    born += 1\n"
    "print('CHILDREN', born)\n"
    "if not born:\n"
    "    ts = [threading.Thread(target=grab) for _ in range(4)]\n"
    "    [t.start() for t in ts]\n"
    "    [t.join() for t in ts]\n"
    "time.sleep(16)"
)


def _account_memory(uid: int) -> int:
    """Bytes the processes of account ``uid`` hold: their proportional set sizes, summed.

    Shared pages (a zygote's children share its modules) count once, split between their users,
    and nothing another test runs as root beside this one counts at all: unlike the host's
    available memory, this measures the grading run alone on a busy machine.
    """
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.stat(f"/proc/{pid}").st_uid != uid:
                continue
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            continue  # the process ended while we read it
    return total


def _hog_run(user, venv: Path, *, into: list[Path] = ()):
    """Grade alice and the hog as ``user`` (first moved into the groups ``into``), sampling the
    memory the account's processes hold; the run, the most they held, and the course."""
    import threading

    if not shutil.which("bwrap"):
        pytest.fail("bubblewrap is not installed: `make test` installs it (Debian: bubblewrap)")
    course, _ = _nonroot_course(user, {"hog": [CHILDREN_HOG]})
    samples: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(_account_memory(user.pw_uid))
            done.wait(0.05)

    def enter_and_demote() -> None:
        for group in into:  # as root, before dropping to the user (as a login session would)
            (group / "cgroup.procs").write_text(str(os.getpid()))
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    argv = [str(venv / "bin" / "beyond-traffic"), "grade", "mini", "--no-progress"]
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": user.pw_dir, "LANG": "C.UTF-8"}
    baseline = _account_memory(user.pw_uid)  # nothing of this account should run yet
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        if into:
            run = subprocess.run(
                [*argv, "--jobs", "2"],
                cwd=course,
                env=env,
                capture_output=True,
                text=True,
                preexec_fn=enter_and_demote,
                timeout=900,
            )
        else:
            run = _grade_as(user, venv, course, "--jobs", "2")
    finally:
        done.set()
        sampler.join(timeout=5)
    held = max(samples, default=0) - baseline
    print(f"the grading account held at most {held / 1024**3:.2f} GB ({len(samples)} samples)")
    return run, held, course


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
def test_without_root_one_sandbox_holds_at_most_its_memory_bound(system_venv, unprivileged_user):
    """A submission whose children ask for 4 x 2.2 GB takes at most 4 GB of the host's memory
    when an ordinary user grades it (a cgroup where one is delegated, else one process under
    RLIMIT_AS), or grading refuses and prints the command that fixes it. Measured as what the
    grading account's processes hold, so tests running beside it do not count."""
    run, drop, course = _hog_run(unprivileged_user, system_venv)
    if run.returncode == 2:
        assert "cgroup" in run.stderr and "chown" in run.stderr + run.stdout, run.stderr
        return
    assert run.returncode == 0, run.stdout + run.stderr
    assert drop <= 4 * 1024**3, f"the grading account held {drop / 1024**3:.1f} GB"
    out = _outputs(course, "hog")
    assert "CHILDREN" in out, out
    scores = ct.gradebook_scores(course)
    assert scores["alice"]["t1_count"] == 2.0 and scores["alice"]["t2_top"] == 3.0
    if "note: no cgroup limits memory here" in run.stdout:
        # One process: the children were refused, and the note names the fix.
        assert "FORK refused" in out and "CHILDREN 0" in out, out
        assert "cgroup.procs" in run.stdout or "systemd-run" in run.stdout


@pytest.mark.xdist_group("redteam_nonroot")  # one run as the account at a time
@pytest.mark.slow
@pytest.mark.skipif(
    not (os.geteuid() == 0 and Path("/sys/fs/cgroup/memory/cgroup.procs").is_file()),
    reason="delegating cgroup v1 groups to another account needs root and cgroup v1",
)
def test_with_a_delegated_cgroup_children_run_and_the_total_is_still_bounded(
    system_venv, unprivileged_user
):
    """The fix the note prints, done: root hands the account its own pids, memory and cpu groups
    (the v1 commands of docs/grading.md); the grader then makes a group per sandbox below them,
    children may start, and the 4 x 2.2 GB still take at most 4 GB."""
    name = f"beyond-traffic-test-{os.getpid()}"
    groups = [Path("/sys/fs/cgroup") / c / name for c in ("pids", "memory", "cpu")]
    for group in groups:
        group.mkdir()
        for dirpath, _, filenames in os.walk(group):
            for entry in ["", *filenames]:
                os.chown(os.path.join(dirpath, entry), unprivileged_user.pw_uid, -1)
    try:
        run, drop, course = _hog_run(unprivileged_user, system_venv, into=groups)
    finally:
        for group in groups:
            for _ in range(50):
                try:
                    group.rmdir()
                    break
                except OSError:
                    time.sleep(0.2)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no cgroup limits memory" not in run.stdout, run.stdout
    assert drop <= 4 * 1024**3, f"the grading account held {drop / 1024**3:.1f} GB"
    out = _outputs(course, "hog")
    assert "CHILDREN 4" in out, out  # children may start: the group bounds them together
    scores = ct.gradebook_scores(course)
    assert scores["alice"]["t1_count"] == 2.0 and scores["alice"]["t2_top"] == 3.0
