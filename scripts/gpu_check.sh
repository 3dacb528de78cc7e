#!/usr/bin/env bash
# `make gpu-check`: the Keras twins' parity tests and the Course 4 lessons on whatever device
# TensorFlow finds, with the device and the timings printed. On a GPU machine set up with
#   TF_VARIANT=gpu make setup
# first (tensorflow[and-cuda]); on a CPU-only machine it runs the same checks on the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
export COURSE_RUN=${COURSE_RUN:-ci}

echo "== device =="
"$py" - <<'PY'
from course_lib.lesson import device_summary, import_tensorflow_quietly

tf = import_tensorflow_quietly()
print(device_summary(tf))
for device in tf.config.list_physical_devices():
    print(" ", device.device_type, device.name)
PY

start=$(date +%s)
echo "== parity tests (NumPy vs Keras twins) =="
"$py" -m pytest -q -p no:cacheprovider tests/parity --durations=5
echo "== Course 4 lessons (COURSE_RUN=$COURSE_RUN), slowest first =="
"$py" -m pytest -q -p no:cacheprovider notebooks/c4_convnets --durations=0 --durations-min=1.0
echo "gpu-check took $(($(date +%s) - start)) s"
