"""Every install path installs the extras it needs against a lock, and fails loudly, unmarked.

The paths: `make install` (the development venv), deploy/hub/install.sh (a hub), the z2jh
image (deploy/z2jh/Dockerfile) and the student edition's `make install` / `make lab`. The
edition's and Binder's installs run for real in tests/test_edition.py and tests/test_binder.py,
the hub's in tests/test_hub.py; here: what each path asks for, and install.sh failing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from beyond_traffic import edition

ROOT = Path(__file__).resolve().parents[1]
INSTALL_SH = ROOT / "deploy" / "hub" / "install.sh"
DOCKERFILE = ROOT / "deploy" / "z2jh" / "Dockerfile"
#: What a server of a class runs: JupyterLab and the kernel, nbgrader, the hub's single-user.
CLASS_EXTRAS = {"lab", "grader", "hub"}


def _extras(text: str) -> set[str]:
    return set(text.replace(" ", "").split(","))


def test_the_hub_and_the_image_install_the_same_extras_against_the_lock():
    script = INSTALL_SH.read_text(encoding="utf-8")
    extras = re.search(r"^EXTRAS=(\S+)$", script, re.M)
    assert extras and _extras(extras.group(1)) == CLASS_EXTRAS
    assert re.search(r'pip_install "\$build\[\$EXTRAS\]" -c "\$LOCK"', script)
    image = DOCKERFILE.read_text(encoding="utf-8")
    install = re.search(
        r'pip install --no-cache-dir "/tmp/beyond-traffic\[([^\]]+)\]"\s*\\\s*\n\s*-c (\S+)', image
    )
    assert install, "the image must pip install the package with its extras and -c the lock"
    assert _extras(install.group(1)) == CLASS_EXTRAS
    copied = re.search(r"^COPY requirements/lock\.txt (\S+)$", image, re.M)
    assert copied and copied.group(1) == install.group(2), "the image installs against the lock"
    # The image makes the checks install.sh makes (a class's server needs all four).
    checks = re.findall(r"for check in ([^;]+); do", script)[0]
    for command in re.findall(r'"([^"]+)"', checks):
        assert command in image, f"the image does not check `{command}`"


def test_the_student_edition_installs_the_lab_extra_against_binders_pins():
    makefile = edition._MAKEFILE
    assert "LOCK := binder/requirements.txt" in makefile
    assert "pip install --progress-bar off -e '.[lab]' -c $(LOCK)" in makefile
    assert "binder" in edition.INCLUDE, "the lock and Binder's set-up go into the edition"
    recipe = makefile.split("$(VENV)/.installed: pyproject.toml $(LOCK)")[1].split("\nlab:")[0]
    steps = [line.strip() for line in recipe.strip().splitlines() if line.startswith("\t")]
    assert steps[0] == "rm -f $@" and steps[-1] == "touch $@", "the stamp is written last"


def test_the_student_edition_removes_a_venv_it_could_not_make(tmp_path):
    """`python3 -m venv` failing (Debian without python3-venv): a message, and no half venv."""
    (tmp_path / "Makefile").write_text(edition._MAKEFILE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "binder").mkdir()
    (tmp_path / "binder" / "requirements.txt").write_text("", encoding="utf-8")
    # A Python whose venv module leaves a half-made venv behind, then fails.
    fake = tmp_path / "python3"
    fake.write_text('#!/bin/sh\nmkdir -p "$3/bin" && touch "$3/bin/python"\nexit 1\n')
    fake.chmod(0o755)
    done = subprocess.run(
        ["make", "install", f"PYTHON={fake}"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "python3-venv" in done.stderr
    assert not (tmp_path / ".venv").exists(), "the next run must not take it for a venv"


def test_the_development_venv_installs_every_extra_against_the_lock():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[$(EXTRAS)]' -c $(LOCK)" in makefile
    recipe = makefile.split("$(STAMP): pyproject.toml $(LOCK)")[1].split("\n\n")[0]
    assert recipe.strip().splitlines()[-1].strip() == "touch $(STAMP)"


@pytest.mark.slow
def test_install_sh_shows_a_failure_and_marks_nothing_installed(tmp_path):
    """A pin that cannot be met: install.sh says where it failed, and writes no stamp."""
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("install.sh runs as root only: run this test as root")
        pytest.skip("install.sh runs as root only")
    from project_copy import copy_project

    repo = copy_project(tmp_path / "repo")
    (repo / "deploy" / "hub").mkdir(parents=True)
    shutil.copy2(INSTALL_SH, repo / "deploy" / "hub" / "install.sh")
    shutil.copy2(ROOT / "deploy" / "hub" / "nbgrader_config.py", repo / "deploy" / "hub")
    (repo / "requirements").mkdir()
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^jieba==\S+", "jieba==0.0.404", lock)
    assert broken != lock
    (repo / "requirements" / "lock.txt").write_text(broken, encoding="utf-8")
    prefix = Path(tempfile.mkdtemp(prefix="bt-install-fail-"))
    try:
        done = subprocess.run(
            ["bash", str(repo / "deploy" / "hub" / "install.sh")],
            env={**os.environ, "BEYOND_TRAFFIC_PREFIX": str(prefix)},
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode != 0
        shown = done.stdout + done.stderr
        assert "jieba==0.0.404" in shown and "The conflict is caused by" in shown, shown[-3000:]
        assert "install.sh: failed at line" in done.stderr and "run it again" in done.stderr
        assert not list((prefix / "venv").glob(".beyond-traffic-*")), "no stamp after a failure"
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
