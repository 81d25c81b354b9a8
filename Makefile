# Beyond Traffic (流量之外): `make lab` starts the course, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Root may run JupyterLab only with --allow-root; add it only then.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
PYTEST_ARGS ?=

.PHONY: lab test test-fast install browser-deps site lint assignments clean

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-runs skip the install unless pyproject.toml changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

lab: install
	$(BIN)/jupyter lab --notebook-dir=. $(ROOT_FLAG) course/00_orientation.ipynb

# Debian's Chromium (driven by Playwright, never downloaded) and a CJK system font for it;
# bubblewrap, which contains student code when the grader does not run as root.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/opentype/noto ] \
	    || ! command -v bwrap >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk bubblewrap >/dev/null; \
	  else \
	    echo "the tests need Debian's chromium, fonts-noto-cjk and bubblewrap: sudo apt-get install chromium fonts-noto-cjk bubblewrap"; \
	  fi; \
	fi

test: install browser-deps
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -m 'not slow' $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests benchmarks

site: install
	$(BIN)/python -m beyond_traffic.site --out _site

assignments: install
	$(BIN)/python -m beyond_traffic.release

clean:
	rm -rf $(VENV) _site .pytest_cache
