"""Who is grading: the hub's OAuth login when the page is a hub service, the OS user locally."""

# Under JupyterHub the page trusts nothing the browser or the proxy says about the user (no
# X-Forwarded-User): every request is authenticated by JupyterHub's HubOAuth cookie, and only a
# user whose token carries a scope granting access to this service (the hub's role for
# instructors and TAs) gets past prepare(). Locally the page listens on loopback only and the
# grader's name is fixed when it starts.

from __future__ import annotations

import os
from urllib.parse import urlsplit

import tornado.web

#: What the hub gives a managed service; all are needed to authenticate users.
HUB_ENV = ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_PREFIX")


class HubNotConfigured(ValueError):
    """``--hub`` was asked for outside a JupyterHub service."""


def hub_service() -> tuple[str, str, int]:
    """The service's URL prefix, and the address and port the hub proxies it to.

    Raises:
        HubNotConfigured: a variable JupyterHub sets for its services is missing.

    Example:
        >>> from unittest import mock
        >>> env = {"JUPYTERHUB_API_TOKEN": "令牌", "JUPYTERHUB_API_URL": "http://127.0.0.1:8081",
        ...        "JUPYTERHUB_SERVICE_PREFIX": "/services/评分", "JUPYTERHUB_SERVICE_URL":
        ...        "http://127.0.0.1:9998"}
        >>> with mock.patch.dict("os.environ", env):
        ...     hub_service()
        ('/services/评分/', '127.0.0.1', 9998)
    """
    missing = [k for k in (*HUB_ENV, "JUPYTERHUB_SERVICE_URL") if not os.environ.get(k)]
    if missing:
        raise HubNotConfigured(
            f"--hub needs {', '.join(missing)}, which JupyterHub sets for a managed service: "
            "add the page to c.JupyterHub.services (deploy/hub/jupyterhub_config.py), or run "
            "it without --hub on your own machine"
        )
    url = urlsplit(os.environ["JUPYTERHUB_SERVICE_URL"])
    if not url.hostname or not url.port:
        raise HubNotConfigured(
            f"JUPYTERHUB_SERVICE_URL={url.geturl()} names no host and port: give the service "
            "a url such as http://127.0.0.1:9998 in the hub's config"
        )
    prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    return (prefix if prefix.endswith("/") else prefix + "/"), url.hostname, url.port


def hub_guarded(handler: type[tornado.web.RequestHandler]) -> type[tornado.web.RequestHandler]:
    """``handler`` behind the hub's OAuth: anonymous users are sent to log in, others refused.

    Example:
        >>> import tornado.web
        >>> class 页面(tornado.web.RequestHandler): pass
        >>> hub_guarded(页面).__name__
        'Hub页面'
    """
    from jupyterhub.services.auth import HubOAuthenticated

    def prepare(self):
        # HubOAuth's get_current_user is None for no login, and for a login without the scope.
        if self.current_user:
            return
        navigation = self.request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
        if self.request.method in ("GET", "HEAD") and navigation:
            # Sends an anonymous user to the hub's login; a user without the scope gets 403
            # (HubOAuthenticated turns the redirect into an error for them). Only navigations:
            # a script's or a font's request logging in anew would change the login cookie
            # under the open page and void its XSRF token.
            self.redirect(self.get_login_url())  # finishes the request
            return
        raise tornado.web.HTTPError(403, "log in on the hub with an instructor's account")

    def grader_name(self) -> str:
        return self.current_user["name"]

    return type(
        f"Hub{handler.__name__}",
        (HubOAuthenticated, handler),
        {"prepare": prepare, "grader_name": grader_name},
    )


def callback_handler() -> type[tornado.web.RequestHandler]:
    """JupyterHub's handler that ends the OAuth login, at ``PREFIX/oauth_callback``.

    Example:
        >>> callback_handler().__name__  # 评分页登录的最后一步
        'HubOAuthCallbackHandler'
    """
    from jupyterhub.services.auth import HubOAuthCallbackHandler

    return HubOAuthCallbackHandler
