"""Settings of a class on one JupyterHub machine (deploy/hub/), read from one TOML file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

__all__ = ["HubSettings", "SETTINGS_ENV", "DEFAULT_SETTINGS_FILE", "load_settings"]

#: Names the settings file when it is not the default one (the hub passes it on to servers).
SETTINGS_ENV = "BEYOND_TRAFFIC_HUB_SETTINGS"
DEFAULT_SETTINGS_FILE = Path("/etc/beyond-traffic/hub.toml")


@dataclass(frozen=True)
class HubSettings:
    """One class on one machine; every field has the default shown in deploy/hub/hub.toml."""

    course_id: str = "beyond-traffic"
    """nbgrader course id; also the name of the JupyterHub service that runs formgrader."""
    prefix: Path = Path("/opt/beyond-traffic")
    """Where deploy/hub/install.sh put ``venv/`` and ``proxy/``."""
    state_dir: Path = Path("/srv/beyond-traffic")
    """The hub's database, cookie secret and logs (root only)."""
    exchange: Path = Path("/srv/nbgrader/exchange")
    """nbgrader's shared exchange: release, inbound submissions, feedback."""
    grader_user: str = "grader-beyond-traffic"
    """Unix account that owns the course folder and runs the shared formgrader."""
    course_dir: Path = Path("/home/grader-beyond-traffic/beyond-traffic")
    """The instructors' repository (with ``solutions/`` and the gradebook), owned by grader_user."""
    instructors_group: str = "beyond-traffic-instructors"
    """Unix group of instructors and TAs: they reach formgrader and may log in."""
    students_group: str = "beyond-traffic-students"
    """Unix group of students: they may log in."""
    admin_users: tuple[str, ...] = ()
    """Hub administrators (may stop other users' servers)."""
    ip: str = ""
    """Address the hub listens on ("" = all interfaces; put TLS in front, see the doc)."""
    port: int = 8000
    """Public port of the proxy."""
    hub_port: int = 8081
    """The hub's own API port, on loopback."""
    proxy_api_port: int = 8001
    """configurable-http-proxy's API port, on loopback."""
    service_port: int = 9999
    """The formgrader service, on loopback."""
    rubric_port: int = 9998
    """The rubric grading page (a second service for the same graders), on loopback."""

    @property
    def venv(self) -> Path:
        """The virtualenv every server runs in."""
        return self.prefix / "venv"

    @property
    def proxy_command(self) -> Path:
        """configurable-http-proxy as npm installed it."""
        return self.prefix / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"

    @property
    def service_prefix(self) -> str:
        """URL path of the formgrader service: ``/services/COURSE_ID/``."""
        return f"/services/{self.course_id}/"


def load_settings(path: Path | str | None = None) -> HubSettings:
    """Read the hub's settings file.

    The file is ``path``, else ``$BEYOND_TRAFFIC_HUB_SETTINGS``, else
    /etc/beyond-traffic/hub.toml. A missing default file gives the defaults; unknown keys and
    wrong types are errors.

    Raises:
        FileNotFoundError: an explicitly named file does not exist.
        ValueError: an unknown key, or a value of the wrong type.

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
        ...     _ = fh.write('course_id = "流量之外-2025"\\nport = 8443\\n')
        >>> s = load_settings(fh.name)
        >>> s.course_id, s.port, s.service_prefix
        ('流量之外-2025', 8443, '/services/流量之外-2025/')
    """
    explicit = path is not None or SETTINGS_ENV in os.environ
    if path is None:
        path = os.environ.get(SETTINGS_ENV) or DEFAULT_SETTINGS_FILE
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be str or pathlib.Path, got {type(path).__name__}")
    path = Path(path)
    if not path.is_file():
        if explicit:
            raise FileNotFoundError(f"no hub settings file at {path}")
        return HubSettings()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    types = {f.name: f.type for f in fields(HubSettings)}
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in types:
            raise ValueError(f"{path}: unknown setting {key!r} (known: {', '.join(types)})")
        kind = types[key]
        if kind == "Path" and isinstance(value, str) and value:
            values[key] = Path(value)
        elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            values[key] = value
        elif kind == "str" and isinstance(value, str):
            values[key] = value
        elif kind.startswith("tuple") and isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise ValueError(f"{path}: {key} must be a list of strings")
            values[key] = tuple(value)
        else:
            raise ValueError(f"{path}: {key} must be {kind}, got {type(value).__name__}")
    return replace(HubSettings(), **values)
