"""The grading page as a hub service trusts no header: only the hub's OAuth login gets in.

The end-to-end check on a real hub (an instructor grades, a student gets 403) is in
tests/test_hub.py; this one needs no hub: without the hub's login cookie every request is sent
to log in (pages) or refused (API), whatever X-Forwarded-User or REMOTE_USER headers say.
"""

from __future__ import annotations

import asyncio
import json
import socket
from urllib.parse import parse_qs, urlsplit

import pytest
from tornado.httpclient import AsyncHTTPClient

from beyond_traffic.rubric.app import make_app
from beyond_traffic.rubric.hubauth import HubNotConfigured, hub_service

PREFIX = "/services/rubric-bt/"
ENV = {
    "JUPYTERHUB_API_TOKEN": "service-token-not-a-user-token",
    "JUPYTERHUB_API_URL": "http://127.0.0.1:9/hub/api",  # never reached: no cookie to check
    "JUPYTERHUB_BASE_URL": "/",
    "JUPYTERHUB_CLIENT_ID": "service-rubric-bt",
    "JUPYTERHUB_SERVICE_NAME": "rubric-bt",
    "JUPYTERHUB_SERVICE_PREFIX": PREFIX,
    "JUPYTERHUB_OAUTH_CALLBACK_URL": PREFIX + "oauth_callback",
    "JUPYTERHUB_SERVICE_URL": "http://127.0.0.1:9998",
}
FORGED = {"X-Forwarded-User": "teacher", "REMOTE_USER": "teacher", "X-Remote-User": "teacher"}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _requests(port: int) -> dict:
    client = AsyncHTTPClient(force_instance=True)
    base = f"http://127.0.0.1:{port}"
    out = {}
    for name, method, path, body in [
        ("page", "GET", f"{PREFIX}a/ps3_critique/q9_argument", None),
        ("index", "GET", PREFIX, None),
        ("save", "POST", f"{PREFIX}api/save", json.dumps({"student": "s1", "levels": {}})),
        ("comment", "POST", f"{PREFIX}api/comment", json.dumps({"text": "好"})),
        ("outside", "GET", "/a/ps3_critique/q9_argument", None),
        ("script", "GET", PREFIX, None),  # a script's request: refused, never a new login
    ]:
        r = await client.fetch(
            base + path,
            method=method,
            body=body,
            headers={**FORGED, "Sec-Fetch-Mode": "cors"} if name == "script" else FORGED,
            follow_redirects=False,
            raise_error=False,
        )
        out[name] = (r.code, r.headers.get("Location", ""))
    client.close()
    return out


def test_forged_user_headers_are_not_a_login(monkeypatch):
    from jupyterhub.services.auth import HubOAuth

    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    HubOAuth.clear_instance()  # a fresh singleton, configured from this environment
    port = _port()

    async def main():
        server = make_app(None, ["ps3_critique"], hub_prefix=PREFIX).listen(
            port, address="127.0.0.1"
        )
        try:
            return await _requests(port)
        finally:
            server.stop()

    try:
        out = asyncio.run(main())
    finally:
        HubOAuth.clear_instance()
    for page in ("page", "index"):
        code, location = out[page]
        assert code == 302, out
        url = urlsplit(location)
        assert url.path == "/hub/api/oauth2/authorize"
        assert parse_qs(url.query)["client_id"] == ["service-rubric-bt"]
    assert out["save"][0] == 403 and out["comment"][0] == 403 and out["script"][0] == 403
    assert out["outside"][0] == 404  # nothing is served outside the service's prefix


def test_hub_mode_outside_a_hub_says_what_is_missing(monkeypatch):
    for k in ENV:
        monkeypatch.delenv(k, raising=False)
    with pytest.raises(HubNotConfigured, match="JUPYTERHUB_API_TOKEN.*c.JupyterHub.services"):
        hub_service()
