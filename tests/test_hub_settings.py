"""The hub's settings file (deploy/hub/hub.toml) and what reads it; the z2jh values file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from beyond_traffic.hub_settings import SETTINGS_ENV, HubSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_the_example_file_lists_every_default():
    assert load_settings(ROOT / "deploy" / "hub" / "hub.toml") == HubSettings()
    text = (ROOT / "deploy" / "hub" / "hub.toml").read_text(encoding="utf-8")
    for name in HubSettings.__dataclass_fields__:
        assert f"\n{name} = " in text, f"{name} is not shown in hub.toml"


def test_values_and_paths(tmp_path):
    f = tmp_path / "hub.toml"
    f.write_text('course_id = "流量之外"\nexchange = "/srv/ex"\nadmin_users = ["a", "b"]\n')
    s = load_settings(f)
    assert (s.course_id, s.exchange, s.admin_users) == ("流量之外", Path("/srv/ex"), ("a", "b"))
    assert s.venv == Path("/opt/beyond-traffic/venv") and s.service_prefix == "/services/流量之外/"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cours_id = 'x'\n", "unknown setting 'cours_id'"),
        ("port = '8000'\n", "port must be int"),
        ("port = true\n", "port must be int"),
        ("exchange = ''\n", "exchange must be Path"),
        ("admin_users = [1]\n", "list of strings"),
    ],
)
def test_mistakes_are_named(tmp_path, text, message):
    f = tmp_path / "hub.toml"
    f.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_settings(f)


def test_environment_names_the_file(tmp_path, monkeypatch):
    f = tmp_path / "site.toml"
    f.write_text("port = 8443\n")
    monkeypatch.setenv(SETTINGS_ENV, str(f))
    assert load_settings().port == 8443
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "missing.toml"))
    with pytest.raises(FileNotFoundError, match="missing.toml"):
        load_settings()
    with pytest.raises(TypeError):
        load_settings(8443)


def _bytes(quantity: str) -> float:
    units = {"K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    for suffix in sorted(units, key=len, reverse=True):
        if quantity.endswith(suffix):
            return float(quantity[: -len(suffix)]) * units[suffix]
    return float(quantity)


def test_z2jh_resources_cover_the_measured_figures():
    # docs/jupyterhub.md: 519 MiB with one lesson open, 1613 MiB with all kernels left running.
    values = yaml.safe_load((ROOT / "deploy" / "z2jh" / "values.yaml").read_text())
    memory = values["singleuser"]["memory"]
    assert _bytes(memory["guarantee"]) >= 519 * 2**20
    assert _bytes(memory["limit"]) >= 1613 * 2**20
    doc = (ROOT / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
    assert "519 MiB" in doc and "1613 MiB" in doc
    mounts = values["singleuser"]["storage"]["extraVolumeMounts"]
    assert mounts[0]["mountPath"] == "/srv/nbgrader/exchange"
    claim = yaml.safe_load((ROOT / "deploy" / "z2jh" / "exchange-pvc.yaml").read_text())
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert (
        claim["metadata"]["name"]
        == values["singleuser"]["storage"]["extraVolumes"][0]["persistentVolumeClaim"]["claimName"]
    )
    dockerfile = (ROOT / "deploy" / "z2jh" / "Dockerfile").read_text()
    assert "solutions" not in dockerfile.split("# Untested")[1], "the image never gets solutions"
