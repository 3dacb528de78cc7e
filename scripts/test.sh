#!/usr/bin/env bash
# Runs every test: lint and format, the library tests (unit, gradient checks, parity,
# widgets, curriculum), every lesson through nbval in the CI-sized run, and the browser
# test (JupyterLab in headless Chromium). Benchmarks are separate: `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
export COURSE_RUN=${COURSE_RUN:-ci}
# Two pytest workers on two cores: one BLAS/OpenMP thread each. More threads only spin
# against each other on the course's small matrices (lessons set the same limit themselves).
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1} OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
py=.venv/bin/python

# The browser test needs Debian's Chromium; install it when we are root with apt.
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium for the browser test (apt-get)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "NOTE: no Chromium at $CHROMIUM_PATH; the browser test will be skipped" \
    "(install Debian's 'chromium' or set CHROMIUM_PATH)."
fi
export CHROMIUM_PATH

echo "== ruff: lint and format =="
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== library tests and lessons (COURSE_RUN=$COURSE_RUN) =="
# --dist loadfile keeps each lesson's cells on one kernel (nbval needs that).
"$py" -m pytest -n 2 --dist loadfile -m "not browser" "$@"

echo "== browser test: JupyterLab in headless Chromium =="
"$py" -m pytest -m browser tests/ui "$@"
