"""Dependencies: pyproject's core and extras, the lock, environment.yml and the venv agree."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from project_copy import copy_project, normalize, pins

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "lock.txt"
BINDER_LOCK = ROOT / "binder" / "requirements.txt"
SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")
#: The extras environment.yml installs besides the core (a hub extra runs the hub, not a course).
ENV_EXTRAS = ("lab", "grader", "book", "dev")
#: What a core install must not bring: Jupyter front ends, nbgrader, kernels, test and doc tools.
NOT_IN_CORE = {
    "nbgrader",
    "jupyterlab",
    "notebook",
    "jupyter-server",
    "jupytext",
    "ipykernel",
    "nbclient",
    "nbconvert",
    "pytest",
    "sphinx",
    "myst-nb",
    "playwright",
    "ruff",
    "pip-tools",
    "jupyter-repo2docker",
}
#: Modules that belong to the grader extra: they may need nbgrader to import.
GRADER_MODULES = re.compile(r"^beyond_traffic\.((grader|rubric)(\..*)?|release|exchange)$")


def _split(requirement: str) -> tuple[str, str]:
    match = SPEC.match(requirement)
    assert match, f"unparsable requirement {requirement!r}"
    name, spec = match.groups()
    return normalize(name), spec.replace(" ", "")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(*extras: str) -> dict[str, str]:
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project["optional-dependencies"][extra]
    return dict(_split(r) for r in reqs)


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _conda_requirements() -> tuple[dict[str, str], dict[str, str]]:
    conda, pip = {}, {}
    for dep in _environment()["dependencies"]:
        if isinstance(dep, dict):
            pip.update(_split(r) for r in dep["pip"])
        else:
            conda.update([_split(dep)])
    return conda, pip


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


# ---------------------------------------------------------------- pyproject: core and extras


def test_core_dependencies_leave_jupyter_nbgrader_and_tools_to_extras():
    core = set(_requirements())
    assert {"jieba", "opencc", "pandas", "matplotlib", "wordcloud"} <= core
    assert not core & NOT_IN_CORE, f"in the core: {sorted(core & NOT_IN_CORE)}"
    extras = _pyproject()["project"]["optional-dependencies"]
    assert {"lab", "grader", "dev"} <= set(extras)
    assert "nbgrader" in _requirements("grader") and "jupyterlab" in _requirements("lab")
    assert "jupyterlab-language-pack-zh-cn" in _requirements("lab")


# ---------------------------------------------------------------- the lock


def test_lock_pins_every_dependency_of_every_extra_within_its_range():
    from packaging.specifiers import SpecifierSet

    locked = pins(LOCK)
    extras = list(_pyproject()["project"]["optional-dependencies"])
    stale = []
    for name, spec in _requirements(*extras).items():
        if name not in locked:
            stale.append(f"{name} is not in the lock")
        elif locked[name] not in SpecifierSet(spec):
            stale.append(f"{name}=={locked[name]} does not satisfy {spec}")
    assert not stale, "requirements/lock.txt is stale, run `make lock`: " + "; ".join(stale)


def test_binder_lock_is_the_runtime_part_of_the_lock():
    locked, binder = pins(LOCK), pins(BINDER_LOCK)
    differ = {n: (v, locked.get(n)) for n, v in binder.items() if locked.get(n) != v}
    assert not differ, f"binder/requirements.txt and the lock disagree (binder, lock): {differ}"
    assert set(_requirements("lab", "grader")) <= set(binder)
    tools = {"pytest", "pytest-xdist", "sphinx", "myst-nb", "sphinx-book-theme", "playwright"}
    tools |= {"ruff", "pip-tools", "jupyter-repo2docker"}
    assert not set(binder) & tools, f"Binder gets tools it does not need: {set(binder) & tools}"


def test_lock_files_carry_no_machine_specific_index_or_path():
    for path in (LOCK, BINDER_LOCK):
        text = path.read_text(encoding="utf-8")
        for marker in ("file://", "/opt/", "--find-links", "--index-url", "--extra-index-url"):
            assert marker not in text, f"{path.name} names {marker!r}: Binder cannot reach it"
        assert "make lock" in text, f"{path.name} should say how it is refreshed"


def test_one_python_version_for_lock_binder_and_conda():
    header = re.search(r"pip-compile with Python (\d+\.\d+)", LOCK.read_text(encoding="utf-8"))
    assert header, "the lock's header names the Python it was compiled with"
    runtime = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{header.group(1)}"
    conda, _ = _conda_requirements()
    assert conda["python"] == f"={header.group(1)}"
    from packaging.specifiers import SpecifierSet

    assert header.group(1) + ".0" in SpecifierSet(_pyproject()["project"]["requires-python"])


def test_installed_versions_are_the_locked_ones():
    # `make install` installs with the lock as constraints: the tests run on exactly these.
    from importlib.metadata import PackageNotFoundError, version

    wrong = {}
    for name, pinned in pins(LOCK).items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            wrong[name] = (pinned, None)
            continue
        if installed != pinned:
            wrong[name] = (pinned, installed)
    assert not wrong, f"venv differs from the lock (locked, installed): {wrong}; run `make install`"


def test_make_lock_compiles_both_files_without_machine_paths():
    script = _make_dry_run("lock")
    assert script.count("pip-compile") == 2
    assert "--no-emit-index-url" in script and "--no-emit-find-links" in script
    assert "-o requirements/lock.txt" in script and "-o binder/requirements.txt" in script
    assert "-c requirements/lock.txt" in script, "Binder's pins are taken from the lock"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lock" in readme


# ---------------------------------------------------------------- environment.yml


def test_environment_file_is_well_formed():
    env = _environment()
    assert env["name"] == "beyond-traffic"
    # Only conda-forge: defaults needs a licence for institutional use.
    assert env["channels"] == ["conda-forge"]
    names = [d for d in env["dependencies"] if isinstance(d, str)]
    assert any(d.startswith("pip") for d in names), "environment.yml must install pip"
    assert sum(isinstance(d, dict) for d in env["dependencies"]) == 1


def test_environment_has_the_same_packages_as_pyproject():
    conda, conda_pip = _conda_requirements()
    in_env = set(conda) | set(conda_pip)
    declared = set(_requirements(*ENV_EXTRAS))
    extra_conda = {"python", "pip"}
    assert declared == in_env - extra_conda, (
        f"only in pyproject: {sorted(declared - in_env)}; "
        f"only in environment.yml: {sorted(in_env - declared - extra_conda)}"
    )


def test_environment_pins_the_locked_versions():
    conda, conda_pip = _conda_requirements()
    locked = pins(LOCK)
    differ = {}
    for name, spec in {**conda, **conda_pip}.items():
        if name in {"python", "pip"}:
            continue
        if spec != f"=={locked.get(name)}":
            differ[name] = (spec, locked.get(name))
    assert not differ, f"environment.yml differs from the lock (yml, lock): {differ}"


def test_make_lock_keeps_environment_yml_pinned_to_the_lock():
    sys.path.insert(0, str(ROOT / "tools"))
    from pin_environment import repin

    current = (ROOT / "environment.yml").read_text(encoding="utf-8")
    lock = LOCK.read_text(encoding="utf-8")
    assert repin(current, lock) == (current, []), "environment.yml is not what make lock writes"
    stale = current.replace(f"pandas=={pins(LOCK)['pandas']}", "pandas==2.0.0")
    assert stale != current
    assert repin(stale, lock)[0] == current, "a stale pin is brought back to the lock's"
    assert repin("  - nosuchpackage==1.0\n", lock)[1] == ["nosuchpackage"]
    assert "tools/pin_environment.py" in _make_dry_run("lock")


# ---------------------------------------------------------------- a core install from scratch


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stderr[-3000:]}"
    return done


def _oldest_python() -> str:
    debian = "/usr/bin/python3"
    probe = "import sys; print(sys.version_info[:2] == (3, 11))"
    if os.access(debian, os.X_OK):
        if subprocess.run([debian, "-c", probe], capture_output=True, text=True).stdout == "True\n":
            return debian
    return sys.executable


IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, beyond_traffic
result = {}
for info in pkgutil.walk_packages(beyond_traffic.__path__, prefix="beyond_traffic."):
    try:
        importlib.import_module(info.name)
        result[info.name] = None
    except ImportError as error:
        result[info.name] = getattr(error, "name", None) or str(error)
print(json.dumps(result))
"""

USE_THE_CORE = """
import matplotlib
matplotlib.use("Agg")
from beyond_traffic.corpus import get_article
from beyond_traffic.segment import tokenize
from beyond_traffic.count import frequencies
from beyond_traffic import viz
text = get_article("A1").clean
tokens = tokenize(text)
assert "直播带货" in tokens, tokens[:50]
figure = viz.bar_chart(frequencies(tokens).most_common(5))
print(len(tokens), type(figure).__name__)
"""


@pytest.mark.slow
def test_core_install_has_no_nbgrader_jupyterlab_or_test_tools(tmp_path):
    project = copy_project(tmp_path / "project")
    venv = tmp_path / "core-venv"
    # On the oldest Python 3.11 here (Debian's, which `make lock` compiles for) when there is one.
    _run(_oldest_python(), "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    # The core alone (no extra), at the locked versions: what a learner's own script gets.
    _run(python, "-m", "pip", "install", "--quiet", "-c", str(LOCK), str(project))
    listed = json.loads(_run(python, "-m", "pip", "list", "--format=json").stdout)
    installed = {normalize(item["name"]): item["version"] for item in listed}
    assert "beyond-traffic" in installed
    pulled = sorted(set(installed) & NOT_IN_CORE)
    assert not pulled, f"the core install pulled in {pulled}"
    locked = pins(LOCK)
    unlocked = {n: v for n, v in installed.items() if n in locked and locked[n] != v}
    assert not unlocked, f"installed at other versions than the lock: {unlocked}"

    # Run from outside the repository, so the installed copy is what gets imported.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MPLCONFIGDIR"] = str(tmp_path / "mpl")
    imports = json.loads(_run(python, "-c", IMPORT_EVERY_MODULE, cwd=tmp_path, env=env).stdout)
    failed = {m: why for m, why in imports.items() if why and not GRADER_MODULES.match(m)}
    assert not failed, f"core modules that do not import without the extras: {failed}"
    assert {"beyond_traffic.clean", "beyond_traffic.viz", "beyond_traffic.grading"} <= set(imports)
    used = _run(python, "-c", USE_THE_CORE, cwd=tmp_path, env=env).stdout.split()
    assert int(used[0]) > 100 and used[1] == "Figure"
    cli = _run(venv / "bin" / "beyond-traffic", "--help", cwd=tmp_path, env=env).stdout
    assert "clean" in cli


# ---------------------------------------------------------------- make and CI


def _make_dry_run(*args: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is not installed")
    out = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout


def test_make_install_uses_the_lock():
    script = _make_dry_run("-B", "install")
    install = r"pip install .*-e '\.\[[a-z,]*lab[a-z,]*\]' -c requirements/lock\.txt"
    assert re.search(install, script)


def test_make_lab_starts_jupyterlab_on_the_course():
    script = _make_dry_run("lab")
    assert "jupyter lab" in script and "course/" in script
    assert ("--allow-root" in script) == (os.geteuid() == 0)


def test_make_test_runs_pytest_and_ci_calls_make_test():
    assert "pytest" in _make_dry_run("test")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", ci, flags=re.M), ".ci/run must call the README's `make test`"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme


def test_package_data_is_declared():
    # Data files reach a wheel only through package-data: check the globs cover them.
    data = ROOT / "src" / "beyond_traffic" / "data"
    globs = _pyproject()["tool"]["setuptools"]["package-data"]["beyond_traffic"]
    for path in data.rglob("*"):
        if path.is_file():
            rel = path.relative_to(ROOT / "src" / "beyond_traffic")
            assert any(rel.match(g) for g in globs), f"{rel} is not covered by package-data"
