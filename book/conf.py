"""Sphinx configuration of the course book (`make site`): executed lessons, glossary, docs."""

# The source folder is the repository root (the book's own pages are in book/), so lessons,
# glossary and docs are published from where they are edited and the launch buttons open the
# same paths in JupyterLab. `make site` runs: sphinx-build -b html -c book . _build/html
#
# Set these when you build the book for your own copy (see README.md, "The course book"):
#   BOOK_REPOSITORY_URL  the repository Binder and nbgitpuller clone (default: pyproject.toml's
#                        [project.urls] Repository);
#   BOOK_BRANCH          its branch (default: main);
#   BOOK_HUB_URL         your JupyterHub (e.g. https://hub.example.edu); without it the book
#                        shows no JupyterHub button, since a learner alone has no hub;
#   BOOK_EDITION         student (default: lessons, glossary, student guides) or instructors
#                        (everything in docs/ too); `make site` and `make site-instructors`.
# The repository may live on any git host: GitHub, GitLab and Bitbucket get the theme's own
# buttons, any other URL (Gitea, a plain git server) the same buttons from _ext/launch_links.py.

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

BOOK = Path(__file__).resolve().parent
ROOT = BOOK.parent
sys.path.insert(0, str(BOOK / "_ext"))

_project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY_URL = os.environ.get("BOOK_REPOSITORY_URL") or _project["urls"]["Repository"]
BRANCH = os.environ.get("BOOK_BRANCH") or "main"
HUB_URL = os.environ.get("BOOK_HUB_URL", "")
BINDERHUB_URL = "https://mybinder.org"
EDITION = os.environ.get("BOOK_EDITION") or "student"

import editions  # noqa: E402 - book/_ext is on the path only from here
import launch_links  # noqa: E402

REPOSITORY = launch_links.parse_repository(REPOSITORY_URL)

project = "流量之外 · Beyond Traffic"
author = "Beyond Traffic course team"
copyright = "the Beyond Traffic course team; articles © their authors"
release = _project["version"]
# Chinese interface strings, and Sphinx's Chinese search: it segments pages with jieba
# (see chinese_search.py for the dictionary it is given).
language = "zh_CN"

extensions = [
    "myst_nb",
    "glossary_links",
    "chinese_search",
    "editions",
    "launch_links",
    "image_alt",
]

# What is published, and where from. Lessons are found by pattern (book/index.md), so a new or
# renamed lesson needs no change here.
root_doc = "book/index"
include_patterns = ["book/**", "course/**", "docs/**"]
exclude_patterns = [
    ".venv",
    ".git",
    "_build",
    "_site",
    "jupyter_execute",
    "**/.ipynb_checkpoints",
    "book/_ext/**",
    "book/_templates/**",
    # The student book leaves the instructors' documents out (_ext/editions.py).
    *editions.excluded_docs(ROOT, EDITION),
]
book_edition = EDITION
templates_path = ["_templates"]
# The site's index.html sends readers on to the book's first page (book/index.html).
html_additional_pages = {"index": "redirect.html"}

# Lessons are executed at every build, in their own folder, as a student runs them. An error,
# or anything a cell writes to stderr (a warning, a missing-glyph message), fails `make site`,
# which builds with -W.
nb_execution_mode = "force"
nb_execution_timeout = 180
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_in_temp = False
nb_output_stderr = "warn"
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "sphinx_book_theme"
html_title = "流量之外 · Beyond Traffic"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_last_updated_fmt = None
html_theme_options = {
    "use_download_button": True,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    **launch_links.theme_options(REPOSITORY, branch=BRANCH, binderhub=BINDERHUB_URL, hub=HUB_URL),
}
# Used by _ext/launch_links.py for hosts the theme does not know.
launch_repository_url = REPOSITORY_URL
launch_branch = BRANCH
launch_binderhub_url = BINDERHUB_URL
launch_jupyterhub_url = HUB_URL

# Glossary: the tables of course/glossary.md; lessons link each term's first use to its row.
glossary_document = "course/glossary"
glossary_linked_documents = [r"^course/\d\d[a-z]?_"]
