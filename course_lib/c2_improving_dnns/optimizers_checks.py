"""Auto-checks for the optimisation exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/05_optimization.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import mini_batches, optimizers
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_update_parameters_with_adam", "check_random_mini_batches"]


def _adam_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    cases = []
    for dims, t in [([3, 2], 1), ([4, 3, 1], 2), ([5, 4, 3, 1], 10)]:
        params, grads, v, s = {}, {}, {}, {}
        for l in range(1, len(dims)):
            for kind, shape in (("W", (dims[l], dims[l - 1])), ("b", (dims[l], 1))):
                params[f"{kind}{l}"] = rng.standard_normal(shape)
                grads[f"d{kind}{l}"] = rng.standard_normal(shape)
                # Non-zero moments, so mixing up v and s (seed error E24) is caught.
                v[f"d{kind}{l}"] = rng.standard_normal(shape) * 0.1
                s[f"d{kind}{l}"] = rng.random(shape) * 0.1
        cases.append(
            Case(
                f"layers {dims} at step t = {t}",
                (params, grads, v, s, t),
                {"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
            )
        )
    return cases


def check_update_parameters_with_adam(learner_fn) -> CheckResult:
    """Check a learner's ``update_parameters_with_adam(parameters, grads, v, s, t, ...)``.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    return check_function(
        "update_parameters_with_adam",
        learner_fn,
        optimizers.update_parameters_with_adam,
        _adam_cases(),
        output_names=("parameters", "v", "s", "v_corrected", "s_corrected"),
        hints={
            "'s'": "s is updated from s itself: s = beta2 * s + (1 - beta2) * dW**2.",
            "v_corrected": "divide by (1 - beta1**t), with t the step number, not the epoch.",
            "s_corrected": "divide by (1 - beta2**t).",
            "parameters": "W -= alpha * v_corrected / (np.sqrt(s_corrected) + epsilon): "
            "epsilon goes outside the square root.",
        },
    )


def check_random_mini_batches(learner_fn) -> CheckResult:
    """Check a learner's ``random_mini_batches(X, Y, mini_batch_size, seed)``.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    rng = np.random.default_rng(5)
    cases = []
    for n_x, m, size in [(3, 148, 64), (2, 128, 64), (4, 10, 3), (2, 5, 1)]:
        X = rng.standard_normal((n_x, m))
        Y = (rng.random((1, m)) > 0.5).astype(float)
        cases.append(
            Case(
                f"X of shape ({n_x}, {m}) with mini_batch_size = {size}",
                (X, Y),
                {"mini_batch_size": size, "seed": 0},
            )
        )
    return check_function(
        "random_mini_batches",
        learner_fn,
        mini_batches.random_mini_batches,
        cases,
        rtol=0,
        atol=0,
        hints={
            "should be a list": "the last batch holds the m mod mini_batch_size columns "
            "left over; leave it out when m is a multiple of the size.",
            "differs": "seed first (np.random.seed(seed)), then shuffle the columns of X "
            "and Y with the same permutation.",
        },
    )
