"""Prepare one machine for a Beyond Traffic class on JupyterHub (run as root, after install.sh).

    sudo /opt/beyond-traffic/venv/bin/python deploy/hub/setup_course.py --from .

Idempotent; re-run it after adding instructors, TAs or students to their Unix groups.

1. The Unix groups of instructors and students, and the grader account, if missing.
2. The hub's state folder (root only) and nbgrader's shared exchange (world-writable, sticky).
3. The course folder: a copy of the instructors' repository owned by the grader account (only
   if it does not exist yet; afterwards the instructors update it with git), with
   ``nbgrader_config_local.py`` naming the shared exchange (the repository's own config uses a
   course-local one).
4. nbgrader's extensions per account, as nbgrader documents (``--user`` level): formgrader and
   create-assignment for the grader account, course-list for each instructor.
5. Every member of the students' group in the gradebook, so a student who never submits still
   appears (as missing) in exports.
"""

from __future__ import annotations

import argparse
import csv
import grp
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from beyond_traffic.hub_settings import SETTINGS_ENV, HubSettings, load_settings

LOCAL_CONFIG = '''"""This course folder on the hub: shared exchange (written by setup_course.py)."""

from beyond_traffic.hub_settings import load_settings

c = get_config()  # noqa: F821
_hub = load_settings()
c.CourseDirectory.course_id = _hub.course_id
c.Exchange.root = str(_hub.exchange)
# A PostgreSQL gradebook (docs/jupyterhub.md), e.g.:
# c.CourseDirectory.db_url = "postgresql+psycopg://grader-beyond-traffic@/beyond_traffic"
'''
# Never copied into the course folder: build products, other machines' state.
_SKIP = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", "_site", "build"}


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, **kw)


def as_user(s: HubSettings, user: str, *args: str, cwd: Path | None = None) -> str:
    """Run a command of the course venv as ``user``, with a clean environment; return stdout."""
    home = pwd.getpwnam(user).pw_dir
    env = {
        "HOME": home,
        "USER": user,
        "PATH": f"{s.venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    if os.environ.get(SETTINGS_ENV):
        env[SETTINGS_ENV] = os.environ[SETTINGS_ENV]
    out = _run(
        ["runuser", "-u", user, "--", "env", "-i", *(f"{k}={v}" for k, v in env.items()), *args],
        cwd=cwd or home,
        capture_output=True,
    )
    return out.stdout


def members(group: str) -> list[str]:
    """Members of a Unix group, listed or by primary group."""
    try:
        g = grp.getgrnam(group)
    except KeyError:
        return []
    primary = [p.pw_name for p in pwd.getpwall() if p.pw_gid == g.gr_gid]
    return sorted(set(g.gr_mem) | set(primary))


def ensure_accounts(s: HubSettings) -> None:
    for group in (s.instructors_group, s.students_group):
        try:
            grp.getgrnam(group)
        except KeyError:
            _run(["groupadd", group])
    try:
        pwd.getpwnam(s.grader_user)
    except KeyError:
        _run(["useradd", "--create-home", "--shell", "/bin/bash", s.grader_user])


def ensure_folders(s: HubSettings) -> None:
    s.state_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(s.state_dir, 0o700)
    s.exchange.mkdir(parents=True, exist_ok=True)
    # Everyone writes into the exchange (students submit there); the sticky bit keeps one
    # user from deleting another's files, as on /tmp.
    os.chmod(s.exchange, 0o1777)


def copy_course(s: HubSettings, source: Path) -> None:
    pw = pwd.getpwnam(s.grader_user)
    if not s.course_dir.exists():
        shutil.copytree(
            source,
            s.course_dir,
            ignore=lambda d, names: [n for n in names if n in _SKIP or n.endswith(".egg-info")],
        )
        for gen in ("gradebook.db", "submitted", "autograded", "feedback", ".exchange"):
            target = s.course_dir / gen
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    (s.course_dir / "nbgrader_config_local.py").write_text(LOCAL_CONFIG, encoding="utf-8")
    for dirpath, _dirs, files in os.walk(s.course_dir):
        os.chown(dirpath, pw.pw_uid, pw.pw_gid)
        for name in files:
            os.chown(os.path.join(dirpath, name), pw.pw_uid, pw.pw_gid, follow_symlinks=False)
    # The gradebook, solutions and submissions are the grader account's alone.
    os.chmod(s.course_dir, 0o700)
    os.chmod(Path(pw.pw_dir), 0o700)


def enable_extensions(s: HubSettings) -> None:
    """nbgrader's extensions per account, at the ``--user`` level (the venv disables them)."""
    grader = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"]
    _enable_for(s, s.grader_user, grader, ["nbgrader.server_extensions.formgrader"])
    for instructor in members(s.instructors_group):
        _enable_for(
            s,
            instructor,
            ["@jupyter/nbgrader:course-list"],
            ["nbgrader.server_extensions.course_list"],
        )


def _enable_for(s: HubSettings, user: str, lab: list[str], server: list[str]) -> None:
    for plugin in lab:
        as_user(s, user, "jupyter", "labextension", "enable", "--level=user", plugin)
    # `jupyter server extension enable --user` refuses an extension that the user level does
    # not list yet (jupyter_server's validation), so write the user's config file directly.
    pw = pwd.getpwnam(user)
    folder = Path(pw.pw_dir) / ".jupyter" / "jupyter_server_config.d"
    folder.mkdir(parents=True, exist_ok=True)
    config = {"ServerApp": {"jpserver_extensions": dict.fromkeys(server, True)}}
    target = folder / "beyond-traffic.json"
    target.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    for path in (folder.parent, folder, target):
        os.chown(path, pw.pw_uid, pw.pw_gid)


def add_students(s: HubSettings) -> list[str]:
    """Put every member of the students' group into the gradebook (existing rows are kept)."""
    students = members(s.students_group)
    if not students:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "first_name", "last_name", "email"])
        for user in students:
            # The account's full name (GECOS) if it has one, else its name: formgrader lists
            # students by name.
            full = pwd.getpwnam(user).pw_gecos.split(",")[0].strip() or user
            first, _, last = full.partition(" ")
            writer.writerow([user, first, last, ""])
    os.chmod(fh.name, 0o644)
    try:
        as_user(s, s.grader_user, "nbgrader", "db", "student", "import", fh.name, cwd=s.course_dir)
    finally:
        os.unlink(fh.name)
    return students


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--from", dest="source", type=Path, default=Path.cwd(), help="repository")
    parser.add_argument("--settings", type=Path, default=None, help="default: hub.toml in /etc")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("setup_course.py: run as root", file=sys.stderr)
        return 2
    if args.settings is not None:
        os.environ[SETTINGS_ENV] = str(args.settings.resolve())
    s = load_settings()
    if (
        not (args.source / "solutions").is_dir()
        or not (args.source / "nbgrader_config.py").is_file()
    ):
        print(f"setup_course.py: {args.source} is not the instructors' repository", file=sys.stderr)
        return 2
    ensure_accounts(s)
    ensure_folders(s)
    copy_course(s, args.source.resolve())
    enable_extensions(s)
    students = add_students(s)
    print(f"course {s.course_id}: {s.course_dir} (owner {s.grader_user}), exchange {s.exchange}")
    print(f"instructors: {', '.join(members(s.instructors_group)) or '-'}")
    print(f"students in the gradebook: {len(students)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
