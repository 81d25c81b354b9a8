"""Shared fixtures: a virtualenv an ordinary user can run, and that ordinary user."""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import course_tools as ct
import pytest

REPO = Path(__file__).resolve().parents[1]
#: The unprivileged account the tests create when they run as root.
USER = "bt-nonroot"


def _system_python() -> str:
    # The default python3 may live under /root (pyenv), which an ordinary user cannot enter.
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("no system python3 for the unprivileged tests")


@pytest.fixture(scope="session")
def system_venv(tmp_path_factory) -> Path:
    """A venv on the system Python with this checkout installed (not editable), world-readable.

    Built once per session (shared by xdist workers) in a folder every user can traverse.
    """

    def build(target: Path) -> dict:
        # Kept between sessions (keyed by the dependencies); the package is reinstalled each time.
        deps = [REPO / "pyproject.toml", REPO / "requirements" / "lock.txt"]
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in deps)).hexdigest()[:12]
        home = Path(tempfile.gettempdir()) / f"bt-sysvenv-{os.geteuid()}-{digest}"
        venv = home / "venv"
        st = home.lstat() if home.exists() or home.is_symlink() else None
        if st is not None and (home.is_symlink() or st.st_uid != os.geteuid()):
            pytest.fail(f"{home} exists but is not ours: remove it")
        fresh = not (venv / "bin" / "python").exists()
        if fresh:
            home.mkdir(mode=0o755, exist_ok=True)
            subprocess.run([_system_python(), "-m", "venv", str(venv)], check=True)
        # Install from a copy: the checkout may sit where the venv's user cannot read it.
        src = Path(tempfile.mkdtemp(prefix="bt-sysvenv-src-"))
        shutil.copytree(
            REPO,
            src / "repo",
            ignore=shutil.ignore_patterns(
                ".venv", ".git", "_site", "_build", "*.egg-info", "__pycache__"
            ),
        )
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        if not fresh:
            pip += ["--no-deps", "--force-reinstall"]
        # The grader needs the grader extra (nbgrader) and a kernel (lab extra), at the locked
        # versions; the core alone has neither.
        lock = src / "repo" / "requirements" / "lock.txt"
        target = f"{src / 'repo'}[grader,lab]"
        subprocess.run([*pip, "-c", str(lock), target], check=True, capture_output=True)
        shutil.rmtree(src)
        for dirpath, _, filenames in os.walk(home):
            os.chmod(dirpath, 0o755)
            for name in filenames:
                path = os.path.join(dirpath, name)
                if not os.path.islink(path):
                    os.chmod(path, os.stat(path).st_mode | 0o444)
        return {"venv": str(venv)}

    return Path(ct.shared_once(tmp_path_factory, "system_venv", build)["venv"])


@pytest.fixture(scope="session")
def unprivileged_user() -> pwd.struct_passwd:
    """An ordinary account: this one when not root, else ``bt-nonroot`` (created if missing)."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/bash", USER],
            check=False,
            capture_output=True,
        )
        return pwd.getpwnam(USER)
