#!/usr/bin/env bash
# Opens the workbook in JupyterLab: rooted at notebooks/, bound to 127.0.0.1, protected by
# a token (the URL to open is printed below). Extra arguments go to `jupyter lab`.
set -euo pipefail
cd "$(dirname "$0")/.."

args=(--ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks)
# Root may start Jupyter only when asked explicitly; nobody else needs the flag.
[ "$(id -u)" = 0 ] && args+=(--allow-root)
exec .venv/bin/jupyter lab "${args[@]}" "$@"
