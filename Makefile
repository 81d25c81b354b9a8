# Beyond Traffic (流量之外): `make lab` starts the course, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Extras of pyproject.toml that the development venv installs; the lock pins all of them.
EXTRAS := lab,grader,book,dev,hub
# Exact versions the tests passed with (all extras), and Binder's runtime subset of them.
LOCK := requirements/lock.txt
BINDER_LOCK := binder/requirements.txt
# Root may run JupyterLab only with --allow-root; add it only then.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
PYTEST_ARGS ?=
comma := ,

.PHONY: lab test test-fast install browser-deps hub-deps site site-instructors lock lint assignments clean

# ---------------------------------------------------------------- install
install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-runs skip the install unless pyproject.toml or the lock changed. The lock constrains every
# package it names, so the venv holds the versions the tests passed with.
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]' -c $(LOCK)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# ---------------------------------------------------------------- use
lab: install
	$(BIN)/jupyter lab --notebook-dir=. $(ROOT_FLAG) course/00_orientation.ipynb

# The course book: lessons executed, glossary, instructors' docs, search (book/conf.py). It goes
# to _build/html (MyST-NB keeps the executed outputs beside it, in _build/jupyter_execute).
# `make site` is the students' book (no instructors' documents); `make site-instructors` the
# full book, into _build/html-instructors. Any git host: make site BOOK_REPOSITORY_URL=https://…
site: install
	BOOK_EDITION=student $(BIN)/sphinx-build -b html -c book -d _build/doctrees -q -W --keep-going . _build/html
	@echo "course book: $(CURDIR)/_build/html/index.html"

site-instructors: install
	BOOK_EDITION=instructors $(BIN)/sphinx-build -b html -c book -d _build/doctrees-instructors -q -W --keep-going . _build/html-instructors
	@echo "course book for instructors: $(CURDIR)/_build/html-instructors/index.html"

assignments: install
	$(BIN)/python -m beyond_traffic.release

# ---------------------------------------------------------------- test
# System packages the tests need (Debian/Ubuntu, as root; CI runs as root).
# Debian's Chromium (driven by Playwright, never downloaded), a CJK system font for it,
# fontconfig's fc-list (the glyph check asks it which characters no font has), iproute2's ip
# (the book is built in a network namespace with only loopback up), and bubblewrap, which
# contains student code when the grader does not run as root.
BROWSER_PACKAGES := chromium fonts-noto-cjk fontconfig iproute2 bubblewrap
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v fc-list >/dev/null 2>&1 \
	    || ! command -v ip >/dev/null 2>&1 || ! command -v bwrap >/dev/null 2>&1 \
	    || [ ! -d /usr/share/fonts/opentype/noto ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; \
	  else \
	    echo "the tests need Debian's packages: sudo apt-get install $(BROWSER_PACKAGES)"; \
	  fi; \
	fi

# The JupyterHub stack for tests/test_hub.py and tests/test_postgres_gradebook.py (root only):
# Debian's PostgreSQL, bubblewrap, node/npm; PREFIX/{venv,proxy} (deploy/hub/install.sh).
# CI installs the hub into a prefix it creates for this run, so a venv that an earlier run left
# in /opt can never make CI pass where a new instructor's install would fail.
ifeq ($(origin BEYOND_TRAFFIC_PREFIX),undefined)
  ifneq ($(CI),)
    BEYOND_TRAFFIC_PREFIX := $(shell d=$$(mktemp -d /tmp/beyond-traffic-hub.XXXXXX) && chmod 755 "$$d" && echo "$$d")
  else
    BEYOND_TRAFFIC_PREFIX := /opt/beyond-traffic
  endif
endif
export BEYOND_TRAFFIC_PREFIX
hub-deps:
	@if [ "$$(id -u)" = 0 ]; then \
	  bash deploy/hub/install.sh; \
	else \
	  echo "hub tests need root: sudo bash deploy/hub/install.sh (see docs/jupyterhub.md)"; \
	fi

# --dist loadgroup: the book's tests share one build (xdist_group "book"), on one worker.
test: install browser-deps hub-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -m 'not slow' $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests benchmarks book tools

# ---------------------------------------------------------------- lock
# Refresh the pins after a change to the dependencies in pyproject.toml: `make lock` keeps every
# pin that still fits and resolves the rest; `make lock UPGRADE=1` moves all to the newest allowed
# release. It also copies the versions into environment.yml. Then run `make test` and commit.
# pip-compile reads this machine's pip configuration (indexes, constraints) but writes no index
# or local path into the files. It runs on the oldest Python 3.11 the course is installed with
# here, Debian 12's /usr/bin/python3 (3.11.2, which the unprivileged test venvs use), so every pin
# also suits a newer 3.11 (pyenv's, Binder's); where there is none, on $(PYTHON).
LOCK_PYTHON ?= $(or $(shell /usr/bin/python3 -c 'import sys; print(sys.executable if sys.version_info[:2] == (3, 11) else "")' 2>/dev/null),$(PYTHON))
LOCK_VENV := .venv-lock
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

$(LOCK_VENV)/bin/pip-compile:
	$(LOCK_PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip 'pip-tools>=7.4'

lock: $(LOCK_VENV)/bin/pip-compile
	$(COMPILE) --extra $(subst $(comma), --extra ,$(EXTRAS)) -o $(LOCK) pyproject.toml
	$(COMPILE) --extra lab --extra grader -c $(LOCK) -o $(BINDER_LOCK) pyproject.toml
	$(LOCK_VENV)/bin/python tools/pin_environment.py

clean:
	rm -rf $(VENV) $(LOCK_VENV) _build .pytest_cache
