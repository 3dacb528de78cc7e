#!/usr/bin/env bash
# Opens the workbook in JupyterLab, bound to 127.0.0.1 and protected by a token (the URL to
# open is printed below), on the start page START_HERE.md. Extra arguments go to `jupyter lab`.
#
# It serves workbook/, the learner's own git-ignored copy of the lessons in notebooks/:
# made on the first run; later runs copy in new lessons and refresh the ones the learner never
# changed, and never overwrite an edited one (course_lib/workbook.py; `make changes`,
# `make reset LESSON=...`). So edits and autosaves never conflict with `git pull`.
#   --shipped  serve the repository itself instead (for authors editing notebooks/).
set -euo pipefail
cd "$(dirname "$0")/.."

root=workbook start=START_HERE.md
if [ "${1:-}" = --shipped ]; then
  shift
  root=. start=notebooks/START_HERE.md
else
  .venv/bin/python -m course_lib workbook sync
fi

# The served folder holds a jupytext.toml (the repository's, copied into workbook/), so saving
# a lesson keeps its header as shipped.
args=(--ServerApp.ip=127.0.0.1 "--ServerApp.root_dir=$root" "--LabApp.default_url=/lab/tree/$start")
# Root may start Jupyter only when asked explicitly; nobody else needs the flag.
[ "$(id -u)" = 0 ] && args+=(--allow-root)
exec .venv/bin/jupyter lab "${args[@]}" "$@"
