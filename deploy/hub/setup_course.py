"""Prepare one machine for a Beyond Traffic class on JupyterHub (run as root, after install.sh).

    sudo /opt/beyond-traffic/venv/bin/python deploy/hub/setup_course.py --from .
    sudo /opt/beyond-traffic/venv/bin/python deploy/hub/setup_course.py --from . --update

Idempotent, and it never overwrites what instructors set: re-run it after adding instructors,
TAs or students to their Unix groups.

1. The Unix groups of instructors and students, and the grader account, if missing.
2. The hub's state folder (root only) and nbgrader's shared exchange (world-writable, sticky).
3. The course folder, owned by the grader account: a git clone of the instructors' repository
   (its ``origin`` is that repository), made once. ``--update`` pulls the repository's new
   commits into it (``git pull --ff-only``, as root, then gives the files back to the grader
   account); the gradebook, submissions and local settings are untracked and stay.
   ``nbgrader_config_local.py`` (the shared exchange; the place for a PostgreSQL ``db_url``)
   is written only when it is missing.
4. nbgrader's extensions per account, as nbgrader documents (``--user`` level): formgrader and
   create-assignment for the grader account, course-list for each instructor.
5. Members of the students' group who are not in the gradebook yet are added to it, so a student
   who never submits still appears (as missing) in exports; existing rows (names, e-mail
   addresses an instructor edited) are left as they are.
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

LOCAL_CONFIG = '''"""This course on the hub: written once by setup_course.py, yours to edit."""

from beyond_traffic.hub_settings import load_settings

c = get_config()  # noqa: F821
_hub = load_settings()
c.CourseDirectory.course_id = _hub.course_id
c.Exchange.root = str(_hub.exchange)
# A PostgreSQL gradebook (docs/jupyterhub.md, section 3): the grader account logs in over the
# server's Unix socket as the PostgreSQL role of the same name, so no password is stored:
# c.CourseDirectory.db_url = "postgresql+psycopg://@/beyond_traffic?host=/var/run/postgresql"
'''
# Never copied into the course folder: build products, other machines' state.
_SKIP = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", "_site", "build"}


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    """Run ``cmd``; on failure stop with the command and what it printed, not a traceback."""
    done = subprocess.run(cmd, text=True, **kw)
    if done.returncode != 0:
        shown = " ".join(cmd)
        said = "\n".join(part.strip() for part in (done.stdout, done.stderr) if part)
        raise SystemExit(f"setup_course.py: `{shown}` failed ({done.returncode}):\n{said}")
    return done


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


def _git(*args: str, cwd: Path) -> str:
    """git as root in a folder another account owns (``safe.directory`` says it is trusted)."""
    done = subprocess.run(
        ["git", "-c", f"safe.directory={cwd}", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(
            f"setup_course.py: git {' '.join(args)} in {cwd} failed:\n{done.stderr.strip()}"
        )
    return done.stdout


def copy_course(s: HubSettings, source: Path) -> str:
    """Make the course folder once: a clone of ``source`` (a copy if it is no git checkout)."""
    if s.course_dir.exists():
        return "kept"
    s.course_dir.parent.mkdir(parents=True, exist_ok=True)
    if (source / ".git").exists():
        # safe.directory: the repository may belong to an instructor's account, not root.
        _run(
            ["git", "-c", "safe.directory=*", "clone", "--quiet", "--no-hardlinks"]
            + [str(source), str(s.course_dir)]
        )
        how = f"cloned from {source}"
        changed = _run(
            ["git", "-c", "safe.directory=*", "status", "--porcelain", "--untracked-files=no"],
            cwd=source,
            capture_output=True,
        ).stdout.splitlines()
        if changed:
            print(
                f"note: {len(changed)} changed file(s) in {source} are not committed, so the "
                "course folder does not have them: commit them, then run this with --update",
                file=sys.stderr,
            )
    else:
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
        how = f"copied from {source} (no git checkout: --update cannot pull into it)"
    return how


def update_course(s: HubSettings) -> str:
    """Pull the instructors' new commits into the course folder (fast-forward only)."""
    if not (s.course_dir / ".git").exists():
        raise SystemExit(
            f"setup_course.py: {s.course_dir} is not a git checkout, so --update cannot pull "
            "into it; move it aside and run setup_course.py again to clone the repository"
        )
    before = _git("rev-parse", "--short", "HEAD", cwd=s.course_dir).strip()
    _git("pull", "--ff-only", "--quiet", cwd=s.course_dir)
    after = _git("rev-parse", "--short", "HEAD", cwd=s.course_dir).strip()
    return "up to date" if before == after else f"updated {before} → {after}"


def write_local_config(s: HubSettings) -> bool:
    """Write ``nbgrader_config_local.py`` if it is missing; never overwrite it."""
    target = s.course_dir / "nbgrader_config_local.py"
    if target.exists():
        return False
    target.write_text(LOCAL_CONFIG, encoding="utf-8")
    return True


def give_to_grader(s: HubSettings) -> None:
    pw = pwd.getpwnam(s.grader_user)
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


def gradebook_students(s: HubSettings) -> set[str]:
    """Ids of the students already in the gradebook (``nbgrader db student list``)."""
    listed = as_user(s, s.grader_user, "nbgrader", "db", "student", "list", cwd=s.course_dir)
    # Lines read "id (last, first) -- email, lms id" after a header line; Unix names hold no space.
    return {line.split(" (", 1)[0] for line in listed.splitlines()[1:] if " (" in line}


def add_students(s: HubSettings) -> tuple[list[str], list[str]]:
    """Add the members of the students' group missing from the gradebook; (added, all)."""
    students = members(s.students_group)
    new = sorted(set(students) - gradebook_students(s)) if students else []
    if not new:
        return [], students
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "first_name", "last_name", "email"])
        for user in new:
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
    return new, students


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--from", dest="source", type=Path, default=Path.cwd(), help="repository")
    parser.add_argument("--settings", type=Path, default=None, help="default: hub.toml in /etc")
    parser.add_argument(
        "--update",
        action="store_true",
        help="pull the repository's new commits into the course folder (git pull --ff-only)",
    )
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
    how = copy_course(s, args.source.resolve())
    if args.update and how == "kept":
        how = update_course(s)
    wrote = write_local_config(s)
    give_to_grader(s)
    enable_extensions(s)
    new, students = add_students(s)
    print(f"course {s.course_id}: {s.course_dir} (owner {s.grader_user}; {how})")
    print(f"exchange: {s.exchange}")
    local = s.course_dir / "nbgrader_config_local.py"
    print(f"{local}: {'written' if wrote else 'kept as it is'}")
    print(f"instructors: {', '.join(members(s.instructors_group)) or '-'}")
    print(f"students: {len(students)} in the group, {len(new)} new in the gradebook")
    return 0


if __name__ == "__main__":
    sys.exit(main())
