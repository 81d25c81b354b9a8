"""Binder: repo2docker reads binder/ as intended, and postBuild sets up a student's JupyterLab."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from project_copy import copy_project, normalize, pins

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
BIN = Path(sys.executable).parent
INSTRUCTOR_PLUGINS = {
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
}
STUDENT_PLUGINS = {"@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:validate-assignment"}


def _python_version() -> str:
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", runtime)
    assert match, f"binder/runtime.txt must read python-X.Y, not {runtime!r}"
    return match.group(1)


def _repo2docker(repository: Path) -> str:
    """The Dockerfile repo2docker (from PyPI) writes for ``repository``, without building it."""
    repo2docker = BIN / "repo2docker"
    if not repo2docker.exists():
        pytest.fail("repo2docker is missing: it comes with the dev extra (make install)")
    done = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan"]
        + [str(repository)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = done.stdout + done.stderr
    assert "FROM " in text, "repo2docker printed no Dockerfile"
    return text


@pytest.fixture(scope="module")
def dockerfile() -> str:
    """The Dockerfile repo2docker writes for this repository."""
    return _repo2docker(ROOT)


@pytest.fixture(scope="module")
def edition_dockerfile(tmp_path_factory) -> str:
    """The Dockerfile repo2docker writes for the student edition (Binder pointed at it)."""
    from beyond_traffic.edition import write_edition

    target = tmp_path_factory.mktemp("edition") / "beyond-traffic-student"
    write_edition(target, root=ROOT, commit=True)
    for name in ("runtime.txt", "requirements.txt", "postBuild"):
        copied = target / "binder" / name
        assert copied.read_bytes() == (BINDER / name).read_bytes(), f"edition's binder/{name}"
    assert os.access(target / "binder" / "postBuild", os.X_OK), "postBuild must stay executable"
    return _repo2docker(target)


@pytest.fixture(params=["instructors", "student edition"])
def any_dockerfile(request) -> str:
    """The Dockerfile of each edition (each a repository Binder may be pointed at)."""
    name = "dockerfile" if request.param == "instructors" else "edition_dockerfile"
    return request.getfixturevalue(name)


def test_repo2docker_builds_the_pinned_python(any_dockerfile):
    dockerfile = any_dockerfile
    version = _python_version()
    assert f"Building conda environment for python={version}" in dockerfile
    # The conda environment it copies in is repo2docker's frozen one for that Python.
    lock = re.search(r"environment-2epy-2d(\d+)-2e(\d+)-2dlinux-2d64-2elock", dockerfile)
    assert lock, "no frozen Python environment in the Dockerfile"
    assert f"{lock.group(1)}.{lock.group(2)}" == version
    from importlib.util import find_spec

    package = Path(find_spec("repo2docker").submodule_search_locations[0])
    frozen = package / "buildpacks" / "conda"
    frozen_lock = frozen / f"environment.py-{version}-linux-64.lock"
    assert re.search(rf"/python-{re.escape(version)}\.\d+-", frozen_lock.read_text()), (
        f"{frozen_lock.name} does not install Python {version}"
    )


def test_repo2docker_installs_the_binder_lock_then_runs_postbuild(any_dockerfile):
    dockerfile = any_dockerfile
    install = re.search(r'pip install --no-cache-dir -r "binder/requirements.txt"', dockerfile)
    post = re.search(r"RUN \./binder/postBuild", dockerfile)
    assert install and post, "the Dockerfile must install binder/requirements.txt and run postBuild"
    assert install.start() < post.start()
    # binder/ takes precedence: the root environment.yml (conda, unpinned tools) is not used.
    assert "environment.yml" not in dockerfile
    post_build = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert re.search(r"^python -m pip install --no-cache-dir --no-deps \.$", post_build, re.M)
    assert os.access(BINDER / "postBuild", os.X_OK), "postBuild must be executable"


def test_readme_has_a_binder_badge_for_the_repository():
    import tomllib

    url = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    org_repo = url["Repository"].removeprefix("https://github.com/")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(
        r"\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\(([^)]+)\)", readme
    )
    assert badge, "README.md needs the Binder badge"
    assert badge.group(1).startswith(f"https://mybinder.org/v2/gh/{org_repo}/main?urlpath=lab/")
    lesson = badge.group(1).split("urlpath=lab/tree/")[1]
    assert (ROOT / lesson).is_file(), f"the badge opens {lesson}, which does not exist"


# ---------------------------------------------------------------- postBuild, for real


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stderr[-3000:]}"
    return done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not listening yet
        return 0, ""


@pytest.mark.slow
def test_postbuild_gives_students_the_course_without_instructor_tools(tmp_path):
    # What Binder does, minus Docker: a fresh environment from binder/requirements.txt, then
    # binder/postBuild in the repository; then JupyterLab is started in it.
    project = copy_project(tmp_path / "repo")
    venv = tmp_path / "binder-env"
    _run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "-r", str(project / "binder/requirements.txt"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTHON"))},
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path / "home"),
    }
    _run(str(project / "binder" / "postBuild"), cwd=project, env=env)

    listed = json.loads(_run(python, "-m", "pip", "list", "--format=json", env=env).stdout)
    installed = {normalize(item["name"]): item["version"] for item in listed}
    assert installed.get("beyond-traffic"), "postBuild did not install the package"
    assert not {"pytest", "sphinx", "playwright"} & set(installed), "Binder got test tools"
    locked = pins(ROOT / "binder" / "requirements.txt")
    assert {n: installed.get(n) for n in locked} == locked, "Binder's versions are the lock's"
    where = _run(python, "-c", "import beyond_traffic; print(beyond_traffic.__file__)", env=env)
    assert str(venv) in where.stdout, "the lesson's `import beyond_traffic` finds the install"

    port, token = _free_port(), "binder-test"
    log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen(
        [python, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}"]
        + [f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={project}"]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        cwd=project,
        env={**env, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while _get(f"{base}/api/status?token={token}")[0] != 200:
            assert lab.poll() is None and time.monotonic() < deadline, (
                "JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-3000:]
            )
            time.sleep(0.5)
        status, page = _get(f"{base}/lab/tree/course/00_orientation.ipynb?token={token}")
        assert status == 200
        config = json.loads(
            re.search(
                r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                page,
                re.S,
            ).group(1)
        )
        disabled = set(config.get("disabledExtensions", []))
        assert INSTRUCTOR_PLUGINS <= disabled, f"instructor plugins still on: {disabled}"
        assert not STUDENT_PLUGINS & disabled, "students keep the assignment list and validate"
        assert _get(f"{base}/formgrader?token={token}")[0] == 404, "formgrader is served"
        status, languages = _get(f"{base}/lab/api/translations?token={token}")
        assert status == 200 and "zh_CN" in json.loads(languages)["data"]
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            lab.kill()
        log.close()
    shutil.rmtree(venv, ignore_errors=True)
