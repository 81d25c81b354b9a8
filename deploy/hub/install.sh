#!/usr/bin/env bash
# Install what a Beyond Traffic JupyterHub needs on one Debian/Ubuntu machine (run as root).
#
#   sudo deploy/hub/install.sh            # → /opt/beyond-traffic/{venv,proxy}
#   sudo BEYOND_TRAFFIC_PREFIX=/srv/bt deploy/hub/install.sh
#
# * Debian packages, only those missing: python3-venv, nodejs + npm, bubblewrap (the grader's
#   sandbox without root), PostgreSQL (an optional gradebook server), git (nbgitpuller).
# * PREFIX/venv: a virtualenv on Debian's /usr/bin/python3 (never a pyenv under /root, which
#   students cannot enter) with this repository installed non-editable plus its `hub` extra.
# * PREFIX/proxy: configurable-http-proxy from npm.
# * nbgrader's extensions as nbgrader documents them: at the venv (sys-prefix) level the
#   formgrader, create-assignment and course-list extensions are disabled, so student servers
#   only get the Assignments tab; deploy/hub/setup_course.py enables them per account
#   (--user level) for the grader service and the instructors.
# * The global nbgrader config (deploy/hub/nbgrader_config.py) into PREFIX/venv/etc/jupyter.
#
# Safe to re-run (after `git pull`): the package is reinstalled only when pyproject.toml or
# src/ changed, the dependencies only when pyproject.toml changed.
set -euo pipefail
umask 022

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PREFIX=${BEYOND_TRAFFIC_PREFIX:-/opt/beyond-traffic}
VENV=$PREFIX/venv
PROXY=$PREFIX/proxy
PYTHON=${BEYOND_TRAFFIC_PYTHON:-/usr/bin/python3}
CHP_VERSION=${CHP_VERSION:-5}

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (it installs Debian packages and a venv in $PREFIX)" >&2
  exit 2
fi

log() { echo "install.sh: $*"; }
# pip without the per-package notes some pip configurations print about unused local indexes.
pip_install() {
  "$VENV/bin/python" -m pip install --quiet "$@" 2> >(grep -v "^WARNING: Location '.*' is ignored" >&2)
}

# --- Debian packages, only the missing ones --------------------------------------------------
missing=()
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v git >/dev/null 2>&1 || missing+=(git)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- the virtualenv -------------------------------------------------------------------------
mkdir -p "$PREFIX"
if [ ! -x "$VENV/bin/python" ]; then
  log "creating $VENV on $PYTHON"
  "$PYTHON" -m venv "$VENV"
  pip_install --upgrade pip
fi
deps_hash=$(sha256sum "$REPO/pyproject.toml" | cut -d' ' -f1)
src_hash=$(cd "$REPO" && find pyproject.toml src -type f ! -name '*.pyc' ! -path '*/__pycache__/*' \
  ! -path '*.egg-info/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
stamp_deps=$VENV/.beyond-traffic-deps
stamp_src=$VENV/.beyond-traffic-src
# Build the wheel from a private copy: the clone may be shared or read-only, and a build in
# place would leave build/ and *.egg-info behind in it.
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
copy_source() {
  cp -r "$REPO/pyproject.toml" "$REPO/README.md" "$REPO/LICENSE" "$REPO/src" "$build/"
  find "$build/src" \( -name '__pycache__' -o -name '*.egg-info' \) -prune -exec rm -rf {} +
}
if [ "$(cat "$stamp_deps" 2>/dev/null)" != "$deps_hash" ]; then
  log "installing beyond-traffic[hub] and its dependencies into $VENV"
  copy_source
  pip_install "$build[hub]"
  echo "$deps_hash" >"$stamp_deps"
  echo "$src_hash" >"$stamp_src"
elif [ "$(cat "$stamp_src" 2>/dev/null)" != "$src_hash" ]; then
  log "reinstalling the beyond-traffic package into $VENV"
  copy_source
  pip_install --no-deps --force-reinstall "$build"
  echo "$src_hash" >"$stamp_src"
else
  log "$VENV is up to date"
fi

# --- nbgrader's extensions: students get the Assignments tab only ----------------------------
"$VENV/bin/jupyter" labextension disable --level=sys_prefix \
  @jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list \
  >/dev/null 2>&1
# JupyterLab >= 4.1 also *locks* what is disabled at this level, which would keep the grader
# account and the instructors from enabling them for themselves (setup_course.py): unlock.
"$VENV/bin/jupyter" labextension unlock --level=sys_prefix \
  @jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list \
  >/dev/null 2>&1
"$VENV/bin/jupyter" server extension disable --sys-prefix \
  nbgrader.server_extensions.formgrader nbgrader.server_extensions.course_list >/dev/null 2>&1
# No news pop-up and no update check in 200 students' browsers (JupyterLab's default settings).
mkdir -p "$VENV/share/jupyter/lab/settings"
cat >"$VENV/share/jupyter/lab/settings/overrides.json" <<'JSON'
{
  "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}
}
JSON
mkdir -p "$VENV/etc/jupyter"
install -m 644 "$REPO/deploy/hub/nbgrader_config.py" "$VENV/etc/jupyter/nbgrader_config.py"

# --- configurable-http-proxy from npm ---------------------------------------------------------
if [ ! -x "$PROXY/node_modules/.bin/configurable-http-proxy" ]; then
  log "npm install configurable-http-proxy@$CHP_VERSION into $PROXY"
  mkdir -p "$PROXY"
  npm install --silent --no-audit --no-fund --prefix "$PROXY" \
    "configurable-http-proxy@$CHP_VERSION" >/dev/null
fi

chmod -R a+rX "$PREFIX"
log "done: $VENV/bin/jupyterhub, $PROXY/node_modules/.bin/configurable-http-proxy"
