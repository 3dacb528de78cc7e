"""`make bench`: timings that the lessons talk about, printed and saved as JSON.

- C1.21: an inner product with a Python loop vs ``np.dot``.
- C1.19/C1.23: logistic-regression gradients with a loop over m vs vectorised.
- One gradient-descent step: NumPy ``propagate`` + update vs the Keras twin's compiled step.
- One deep-network step: NumPy forward + backward + update vs the Keras twin's step.
- Dashboards: seconds per slider change. Cheap (live) dashboards must stay under 30 ms
  (issue 4): Course 2's optimiser paths, EWMA and learning-rate decay; training dashboards
  are reported for information.
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.vectorization import dot_loop, time_call

RESULTS = Path(__file__).with_name("results")


def _row(name: str, slow: float, fast: float, slow_label: str, fast_label: str) -> dict:
    print(
        f"{name:46s} {slow_label} {1e3 * slow:9.3f} ms | {fast_label} {1e3 * fast:9.3f} ms"
        f" | x{slow / fast:7.1f}"
    )
    return {"name": name, slow_label: slow, fast_label: fast, "speed_up": slow / fast}


def _dashboard_row(name, dash, control: str, values, target_s: float | None = None) -> dict:
    """Median seconds per change of ``control`` over ``values`` (recompute + re-render)."""
    times = []
    for value in values:
        dash.controls[control].value = value
        times.append(dash.seconds)
    median = float(np.median(times))
    verdict = ""
    if target_s is not None:
        verdict = f" | target < {1e3 * target_s:.0f} ms: {'met' if median < target_s else 'MISSED'}"
    print(f"{name:46s} {1e3 * median:9.1f} ms per change of {control}{verdict}")
    return {"name": name, "seconds": median, "target_seconds": target_s}


def _deep_network_step_row(rng: np.random.Generator) -> dict:
    """One gradient-descent step of the C1 deep network, NumPy vs the Keras twin."""
    from course_lib.c1_neural_networks import deep_network as dn
    from course_lib.c1_neural_networks import deep_network_tf as dn_tf

    layers_dims, m, steps = [625, 20, 7, 5, 1], 200, 200
    X = rng.random((layers_dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    start = time.perf_counter()
    dn.L_layer_model(X, Y, layers_dims, num_iterations=steps)
    numpy_step = (time.perf_counter() - start) / steps
    dn_tf.L_layer_model(X, Y, layers_dims, num_iterations=2)  # trace + warm up
    start = time.perf_counter()
    dn_tf.L_layer_model(X, Y, layers_dims, num_iterations=steps)
    keras_step = (time.perf_counter() - start) / steps
    return _row(f"deep-network GD step, {layers_dims}, m = {m}", keras_step, numpy_step,
                "keras", "numpy")  # fmt: skip


LIVE_TARGET_S = 0.030  # a live dashboard's recompute + re-render per slider change


def _course2_live_dashboard_rows() -> list[dict]:
    """Course 2's live dashboards: every slider, a few values each, against the target."""
    from course_lib.c2_improving_dnns.ewma_dashboard import ewma_dashboard
    from course_lib.c2_improving_dnns.optimizers_dashboard import (
        lr_decay_dashboard,
        optimizer_paths_dashboard,
    )

    paths = optimizer_paths_dashboard("elongated bowl", num_steps=50)
    ewma = ewma_dashboard()
    decay = lr_decay_dashboard()
    cases = [
        ("C2 optimiser paths, 4 x 50 steps", paths, "learning_rate", (0.05, 0.1, 0.5, 0.3)),
        ("C2 optimiser paths, 4 x 50 steps", paths, "beta", (0.5, 0.8, 0.95, 0.9)),
        ("C2 optimiser paths, 4 x 50 steps", paths, "beta1", (0.5, 0.8, 0.95, 0.9)),
        ("C2 optimiser paths, 4 x 50 steps", paths, "beta2", (0.9, 0.999, 0.95, 0.99)),
        ("C2 EWMA, 365 days", ewma, "beta", (0.5, 0.98, 0.8, 0.9)),
        ("C2 EWMA, 365 days", ewma, "bias_correction", (True, False, True, False)),
        ("C2 learning-rate decay, 100 epochs", decay, "decay_rate", (0.1, 1.0, 0.5, 0.3)),
    ]
    return [
        _dashboard_row(name, dash, control, values, target_s=LIVE_TARGET_S)
        for name, dash, control, values in cases
    ]


def main() -> None:
    rng = np.random.default_rng(0)
    rows = []
    a, b = rng.random(1_000_000), rng.random(1_000_000)
    rows.append(
        _row(
            "inner product, n = 1e6",
            time_call(dot_loop, a, b, repeat=3),
            time_call(np.dot, a, b, repeat=20),
            "loop",
            "np.dot",
        )
    )

    n_x, m = 625, 2000
    X, Y = rng.random((n_x, m)), (rng.random((1, m)) > 0.5).astype(float)
    w = rng.standard_normal((n_x, 1)) * 0.01
    rows.append(
        _row(
            f"LR gradients, n_x = {n_x}, m = {m}",
            time_call(lr.propagate_loop, w, 0.0, X, Y, repeat=3),
            time_call(lr.propagate, w, 0.0, X, Y, repeat=20),
            "loop",
            "vectorised",
        )
    )

    from course_lib.c1_neural_networks import logistic_regression_tf as lr_tf

    steps = 200
    # NumPy first: once TensorFlow has run, its idle worker threads compete with BLAS.
    start = time.perf_counter()
    lr.optimize(w, 0.0, X, Y, num_iterations=steps, learning_rate=0.01)
    numpy_step = (time.perf_counter() - start) / steps
    lr_tf.optimize(w, 0.0, X, Y, num_iterations=2, learning_rate=0.01)  # trace + warm up
    start = time.perf_counter()
    lr_tf.optimize(w, 0.0, X, Y, num_iterations=steps, learning_rate=0.01)
    keras_step = (time.perf_counter() - start) / steps
    rows.append(
        _row(f"one GD step, n_x = {n_x}, m = {m}", keras_step, numpy_step, "keras", "numpy")
    )

    from course_lib.c1_neural_networks.logistic_regression_dashboard import learning_rate_dashboard
    from course_lib.data import load_faces

    faces = load_faces()
    dash = learning_rate_dashboard(
        lr.flatten_images(faces.train_x_orig),
        faces.train_y,
        lr.flatten_images(faces.test_x_orig),
        faces.test_y,
        num_iterations=2000,
    )
    rows.append(
        _dashboard_row(
            "C1 learning-rate dashboard, 2000 iterations",
            dash,
            "learning_rate",
            (0.001, 0.01, 0.1, 0.005),
        )
    )
    rows.append(_deep_network_step_row(rng))
    rows.extend(_course2_live_dashboard_rows())

    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "latest.json"
    out.write_text(json.dumps({"machine": platform.platform(), "rows": rows}, indent=2))
    print(f"saved {out}")


if __name__ == "__main__":
    main()
