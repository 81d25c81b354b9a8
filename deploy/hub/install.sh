#!/usr/bin/env bash
# Install what a Beyond Traffic JupyterHub needs on one Debian/Ubuntu machine (run as root).
#
#   sudo deploy/hub/install.sh            # → /opt/beyond-traffic/{venv,proxy}
#   sudo BEYOND_TRAFFIC_PREFIX=/srv/bt deploy/hub/install.sh
#
# * Debian packages, only those missing: python3-venv, nodejs + npm, bubblewrap (the grader's
#   sandbox without root), PostgreSQL (an optional gradebook server), git (nbgitpuller).
# * PREFIX/venv: a virtualenv on Debian's /usr/bin/python3 (never a pyenv under /root, which
#   students cannot enter) with this repository installed non-editable plus the extras a class
#   needs (`lab`: JupyterLab and the kernel; `grader`: nbgrader; `hub`: JupyterHub), pinned by
#   requirements/lock.txt.
# * PREFIX/proxy: configurable-http-proxy from npm.
# * nbgrader's extensions as nbgrader documents them: at the venv (sys-prefix) level the
#   formgrader, create-assignment and course-list extensions are disabled, so student servers
#   only get the Assignments tab; deploy/hub/setup_course.py enables them per account
#   (--user level) for the grader service and the instructors.
# * The global nbgrader config (deploy/hub/nbgrader_config.py) into PREFIX/venv/etc/jupyter.
#
# Safe to re-run (after `git pull`): the package is reinstalled only when pyproject.toml or
# src/ changed, the dependencies only when pyproject.toml or the lock changed. A stamp is written
# only after everything it stands for succeeded, so a failed run is re-done in full next time.
set -Eeuo pipefail  # -E: the ERR trap below also fires inside functions (pip_install)
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
# Every failure says which step failed and what to do, instead of a bare exit status.
trap 'status=$?; echo "install.sh: failed at line $LINENO (exit $status): $BASH_COMMAND" >&2; echo "install.sh: fix the cause shown above and run it again; nothing is marked installed until it succeeds" >&2' ERR
EXTRAS=lab,grader,hub
LOCK=$REPO/requirements/lock.txt
# pip without the per-package notes some pip configurations print about unused local indexes,
# and not quieted: when an install fails, pip's explanation (which pins conflict, which wheel is
# missing) is only printed at its normal level.
pip_install() {
  # The filter's own status never counts (grep exits 1 when it has nothing to pass on, which
  # would otherwise set off the ERR trap for a pip that succeeded); pip's status does.
  "$VENV/bin/python" -m pip install --progress-bar off "$@" \
    2> >(grep -v "^WARNING: Location '.*' is ignored" >&2 || true)
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
  pip_install --quiet --upgrade pip
fi
deps_hash=$(cat "$REPO/pyproject.toml" "$LOCK" | sha256sum | cut -d' ' -f1)
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
# The stamps are written at the very end, after the extensions are configured.
new_deps=; new_src=
if [ "$(cat "$stamp_deps" 2>/dev/null)" != "$deps_hash" ]; then
  log "installing beyond-traffic[$EXTRAS] and its dependencies into $VENV"
  rm -f "$stamp_deps" "$stamp_src"
  copy_source
  pip_install "$build[$EXTRAS]" -c "$LOCK"
  new_deps=$deps_hash; new_src=$src_hash
elif [ "$(cat "$stamp_src" 2>/dev/null)" != "$src_hash" ]; then
  log "reinstalling the beyond-traffic package into $VENV"
  rm -f "$stamp_src"
  copy_source
  pip_install --no-deps --force-reinstall "$build"
  new_src=$src_hash
else
  log "$VENV is up to date"
fi
# What a class needs must be there, whatever an earlier run left behind.
for check in "jupyter labextension list" "nbgrader --version" "python -m ipykernel --version" "jupyterhub --version"; do
  # shellcheck disable=SC2086
  if ! out=$("$VENV/bin/"$check 2>&1); then
    echo "install.sh: '$VENV/bin/$check' fails:" >&2
    echo "$out" | tail -20 >&2
    echo "install.sh: remove $VENV and run install.sh again" >&2
    exit 1
  fi
done

# --- nbgrader's extensions: students get the Assignments tab only ----------------------------
"$VENV/bin/jupyter" labextension disable --level=sys_prefix \
  @jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list \
  >/dev/null
# JupyterLab >= 4.1 also *locks* what is disabled at this level, which would keep the grader
# account and the instructors from enabling them for themselves (setup_course.py): unlock.
"$VENV/bin/jupyter" labextension unlock --level=sys_prefix \
  @jupyter/nbgrader:formgrader @jupyter/nbgrader:create-assignment @jupyter/nbgrader:course-list \
  >/dev/null
"$VENV/bin/jupyter" server extension disable --sys-prefix \
  nbgrader.server_extensions.formgrader nbgrader.server_extensions.course_list >/dev/null
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
if [ -n "$new_deps" ]; then echo "$new_deps" >"$stamp_deps"; fi
if [ -n "$new_src" ]; then echo "$new_src" >"$stamp_src"; fi
log "done: $VENV/bin/jupyterhub, $PROXY/node_modules/.bin/configurable-http-proxy"
