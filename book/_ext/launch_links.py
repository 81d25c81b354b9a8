"""Sphinx extension: launch buttons and a repository link for a repository on any git host."""

# sphinx-book-theme makes its repository button and launch buttons only for GitHub, GitLab and
# Bitbucket, and stops the build for any other URL ("Provider not recognized"). conf.py hands
# the theme a repository on those hosts (theme_options); for any other host — Gitea, a GitLab
# under its own name, a plain git URL — this extension adds the same buttons itself: Binder's
# generic git route (v2/git/URL/BRANCH) and nbgitpuller on the class's JupyterHub, both of which
# clone any git URL, and a plain link to the repository.

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

#: Hosts sphinx-book-theme knows, and its name for each.
KNOWN_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "bitbucket.org": "bitbucket"}
#: JupyterLab's path prefix in Binder and nbgitpuller links.
LAB = "lab/tree"


@dataclass(frozen=True)
class Repository:
    """A git repository the book's launch buttons clone.

    Attributes:
        url: the repository URL, without a trailing ``/`` or ``.git``.
        provider: ``github``, ``gitlab`` or ``bitbucket`` on those hosts; ``None`` elsewhere.
        folder: the folder nbgitpuller clones it into (the last part of the URL).
    """

    url: str
    provider: str | None
    folder: str


def parse_repository(url: str) -> Repository:
    """Read a repository URL (GitHub, GitLab, Gitea, any http(s) git URL).

    Raises:
        ValueError: not an http(s) URL with a host and a path.

    Example:
        >>> parse_repository("https://git.example.org/课程/beyond-traffic.git/")
        Repository(url='https://git.example.org/课程/beyond-traffic', provider=None, folder='beyond-traffic')
        >>> parse_repository("https://github.com/org/repo").provider
        'github'
    """  # noqa: E501 - a doctest's expected output is one line
    parts = urlsplit(url.strip()) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"BOOK_REPOSITORY_URL must be the http(s) address of a git repository, got {url!r} "
            "(e.g. https://git.example.org/course/beyond-traffic)"
        )
    path = parts.path.rstrip("/").removesuffix(".git").rstrip("/")
    if not path.strip("/"):
        raise ValueError(f"BOOK_REPOSITORY_URL {url!r} names a host but no repository")
    clean = f"{parts.scheme}://{parts.netloc}{path}"
    provider = KNOWN_HOSTS.get(parts.netloc.lower().removeprefix("www."))
    # The theme reads exactly ".../ORG/REPO": a deeper path on a known host is treated as unknown.
    if provider and len(path.strip("/").split("/")) != 2:
        provider = None
    return Repository(clean, provider, path.rsplit("/", 1)[-1])


def binder_link(repo: Repository, *, binderhub: str, branch: str, path: str) -> str:
    """Binder's launch link for ``path`` (relative to the repository) in JupyterLab.

    Example:
        >>> repo = parse_repository("https://git.example.org/c/bt")
        >>> binder_link(repo, binderhub="https://mybinder.org", branch="main", path="x.ipynb")
        'https://mybinder.org/v2/git/https%3A%2F%2Fgit.example.org%2Fc%2Fbt/main?urlpath=lab/tree/x.ipynb'
    """  # noqa: E501 - a doctest's expected output is one line
    return (
        f"{binderhub.rstrip('/')}/v2/git/{quote(repo.url, safe='')}/{branch}?urlpath={LAB}/{path}"
    )


def hub_link(repo: Repository, *, hub: str, branch: str, path: str) -> str:
    """nbgitpuller's link: clone (or update) the repository on ``hub`` and open ``path``.

    Example:
        >>> repo = parse_repository("https://git.example.org/c/bt.git")
        >>> hub_link(repo, hub="https://hub.example.edu", branch="main", path="course/a.ipynb")
        'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A//git.example.org/c/bt&urlpath=lab/tree/bt/course/a.ipynb&branch=main'
    """  # noqa: E501 - a doctest's expected output is one line
    query = urlencode(
        {"repo": repo.url, "urlpath": f"{LAB}/{repo.folder}/{path}", "branch": branch}, safe="/"
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def theme_options(repo: Repository, *, branch: str, binderhub: str, hub: str) -> dict:
    """The sphinx-book-theme options for ``repo``: the theme's buttons on hosts it knows.

    Example:
        >>> theme_options(parse_repository("https://gitea.example.org/c/bt"), branch="main",
        ...               binderhub="https://mybinder.org", hub="")
        {'use_repository_button': False, 'launch_buttons': {}}
    """
    if repo.provider is None:
        return {"use_repository_button": False, "launch_buttons": {}}
    return {
        "repository_url": repo.url,
        "repository_branch": branch,
        "path_to_docs": "",
        "use_repository_button": True,
        "launch_buttons": {
            "binderhub_url": binderhub,
            "jupyterhub_url": hub,
            "notebook_interface": "jupyterlab",
        },
    }


def _add_buttons(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    repo = parse_repository(app.config.launch_repository_url)
    buttons = context.get("header_buttons")
    if repo.provider is not None or buttons is None:
        return  # the theme made them, or this theme has no header buttons
    buttons.append(
        {
            "type": "link",
            "text": "源代码 Repository",
            "tooltip": f"源代码仓库 Source repository: {repo.url}",
            "icon": "fas fa-code-branch",
            "url": repo.url,
            "label": "repository-button",
        }
    )
    if "kernelspec" not in app.env.metadata.get(pagename, {}):
        return  # only notebooks can be launched
    path = f"{pagename}.ipynb"
    branch = app.config.launch_branch
    links = []
    if app.config.launch_binderhub_url:
        url = binder_link(repo, binderhub=app.config.launch_binderhub_url, branch=branch, path=path)
        links.append(("Binder", "_static/images/logo_binder.svg", url))
    if app.config.launch_jupyterhub_url:
        url = hub_link(repo, hub=app.config.launch_jupyterhub_url, branch=branch, path=path)
        links.append(("JupyterHub", "_static/images/logo_jupyterhub.svg", url))
    if links:
        buttons.append(
            {
                "type": "group",
                "tooltip": "在 JupyterLab 中打开 Launch in JupyterLab",
                "icon": "fas fa-rocket",
                "label": "launch-buttons",
                "buttons": [
                    {
                        "type": "link",
                        "text": text,
                        "tooltip": f"Launch on {text}",
                        "icon": icon,
                        "url": url,
                    }
                    for text, icon, url in links
                ],
            }
        )


def setup(app) -> dict:
    """Register the configuration values and the page-context handler."""
    app.add_config_value("launch_repository_url", "", "html")
    app.add_config_value("launch_branch", "main", "html")
    app.add_config_value("launch_binderhub_url", "https://mybinder.org", "html")
    app.add_config_value("launch_jupyterhub_url", "", "html")
    # After the theme's own handlers (priority 500), which create context["header_buttons"].
    app.connect("html-page-context", _add_buttons, priority=501)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
