"""environment.yml (conda) and pyproject.toml (pip) declare the same dependencies."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _split(requirement: str) -> tuple[str, str]:
    match = SPEC.match(requirement)
    assert match, f"unparsable requirement {requirement!r}"
    name, spec = match.groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pip_requirements() -> dict[str, str]:
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    return dict(_split(r) for r in reqs)


def _conda_requirements() -> tuple[dict[str, str], dict[str, str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.update(_split(r) for r in dep["pip"])
        else:
            conda.update([_split(dep)])
    return conda, pip


def test_environment_file_is_well_formed():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["name"] == "beyond-traffic"
    # Only conda-forge: defaults needs a licence for institutional use.
    assert env["channels"] == ["conda-forge"]
    names = [d for d in env["dependencies"] if isinstance(d, str)]
    assert any(d.startswith("pip") for d in names), "environment.yml must install pip"
    assert sum(isinstance(d, dict) for d in env["dependencies"]) == 1


def test_same_packages_and_versions_in_both_files():
    pip = _pip_requirements()
    conda, conda_pip = _conda_requirements()
    in_env = {**conda, **conda_pip}
    extra_conda = {"python", "pip"}
    assert set(pip) == set(in_env) - extra_conda, (
        f"only in pyproject: {sorted(set(pip) - set(in_env))}; "
        f"only in environment.yml: {sorted(set(in_env) - set(pip) - extra_conda)}"
    )
    mismatched = {n: (pip[n], in_env[n]) for n in pip if pip[n] != in_env[n]}
    assert not mismatched, f"version specs differ (pyproject, environment.yml): {mismatched}"


def test_python_version_agrees():
    conda, _ = _conda_requirements()
    requires = _pyproject()["project"]["requires-python"].replace(" ", "")
    assert conda["python"] == requires


def test_installed_versions_satisfy_both_files():
    # The venv the tests run in was built from pyproject; check it meets the shared specs.
    from importlib.metadata import PackageNotFoundError, version

    from packaging.specifiers import SpecifierSet

    for name, spec in _pip_requirements().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            pytest.fail(f"{name} is declared but not installed")
        assert installed in SpecifierSet(spec), f"{name} {installed} does not satisfy {spec}"


def _make_dry_run(target: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is not installed")
    out = subprocess.run(
        ["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout


def test_make_lab_starts_jupyterlab_on_the_course():
    script = _make_dry_run("lab")
    assert "jupyter lab" in script and "course/" in script
    import os

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
    assert sys.version_info >= (3, 10)
