# The two commands of the README are `make lab` and `make test`; both set up .venv first.
# TF_VARIANT=gpu swaps tensorflow-cpu for tensorflow[and-cuda] (see README).

.PHONY: setup lab test test-fast bench gpu-check lint format lock where changes reset map clean

setup:
	@bash scripts/setup.sh

lab: setup
	@bash scripts/lab.sh

test: setup
	@bash scripts/test.sh

# Library tests only (no notebooks, no browser): the quick loop while editing course_lib.
test-fast: setup
	@COURSE_RUN=ci OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python -m pytest -q -n 2 tests -m "not browser"

bench: setup
	@.venv/bin/python -m benchmarks $(ARGS)

# The Keras twins' parity tests and the Course 4 lessons on the device TF finds (GPU or CPU),
# with the device and timings printed. On a GPU machine: TF_VARIANT=gpu make gpu-check.
gpu-check: setup
	@bash scripts/gpu_check.sh

lint: setup
	@.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: setup
	@.venv/bin/ruff format . && .venv/bin/ruff check --fix .

# Re-resolve the newest versions allowed by pyproject.toml and rewrite the lock file.
lock:
	@bash scripts/lock.sh

# Where is a curriculum item taught and implemented?  make where ID=C1.22
where: setup
	@.venv/bin/python -m course_lib where $(ID)

# Your workbook (workbook/, the copy of the lessons that `make lab` serves; see README):
#   make changes                  which shipped lessons changed since your copy
#   make changes LESSON=<path>    how your copy of one lesson differs from the shipped one
#   make reset LESSON=<path>      put one lesson back to the shipped version (yours is backed up)
changes: setup
	@.venv/bin/python -m course_lib workbook $(if $(LESSON),diff "$(LESSON)",status)

reset: setup
	@test -n "$(LESSON)" || { echo "usage: make reset LESSON=c1_neural_networks/01_logistic_regression.py" >&2; exit 2; }
	@.venv/bin/python -m course_lib workbook reset "$(LESSON)"

# Maintainers: rewrite the start page (notebooks/START_HERE.md) from curriculum.yml.
map: setup
	@.venv/bin/python -m course_lib map notebooks/START_HERE.md

clean:
	rm -rf .venv .pytest_cache .ruff_cache test-artifacts
