#!/usr/bin/env bash
# Rewrites requirements/lock.txt from a throw-away venv with the newest versions that
# pyproject.toml allows. Review the diff, then run `make test` before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[tf,lab,test]"
{
  echo "# Exact pins used by CI and by 'make lab' / 'make test' (CPU build of TensorFlow)."
  echo "# Regenerate with 'make lock' (see README, 'Updating the pins')."
  "$tmp/venv/bin/python" -m pip freeze --exclude course-lib
} >requirements/lock.txt
rm -rf "$tmp"
echo "requirements/lock.txt rewritten; run 'make test' before committing it."
