"""Auto-checks for the batch-norm exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import tuning
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_batchnorm_forward_train", "check_sample_learning_rate"]


def _reference_train(Z, gamma, beta, epsilon=bn.DEFAULT_EPSILON):
    """Training-mode batch norm: Z (n, m), gamma, beta (n, 1) -> Z_tilde (n, m)."""
    return bn.batchnorm_forward(Z, gamma, beta, {"mode": "train", "epsilon": epsilon})[0]


def _bn_cases(seed: int = 4) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases = [
        Case(
            "a (2, 4) Z with gamma = 1, beta = 0",
            (
                np.array([[1.0, 2.0, 3.0, 6.0], [-1.0, 0.0, 0.0, 1.0]]),
                np.ones((2, 1)),
                np.zeros((2, 1)),
            ),
        )
    ]
    for n, m, eps in [(3, 5, 1e-8), (6, 32, 1e-3)]:
        Z = rng.standard_normal((n, m)) * rng.uniform(0.5, 4, (n, 1)) + rng.standard_normal((n, 1))
        cases.append(
            Case(
                f"a random Z of shape ({n}, {m}) with epsilon = {eps}",
                (Z, rng.uniform(0.5, 2, (n, 1)), rng.standard_normal((n, 1))),
                {"epsilon": eps},
            )
        )
    return cases


def check_batchnorm_forward_train(learner_fn) -> CheckResult:
    """Check a learner's ``batchnorm_forward_train(Z, gamma, beta, epsilon) -> Z_tilde``.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 6.
    """
    return check_function(
        "batchnorm_forward_train",
        learner_fn,
        _reference_train,
        _bn_cases(),
        hints={
            "has shape": (
                "mu and sigma^2 are per unit: np.mean(Z, axis=1, keepdims=True) has shape (n, 1)."
            ),
            "differs": (
                "per row: mu = mean over the m columns, sigma^2 = mean of (Z - mu)**2 (divide"
                " by m, not m - 1), Z_norm = (Z - mu) / np.sqrt(sigma^2 + epsilon), then"
                " gamma * Z_norm + beta."
            ),
        },
    )


def _reference_sample(low, high, size, seed):
    return tuning.sample_log_uniform(low, high, size, np.random.default_rng(seed))


def check_sample_learning_rate(learner_fn) -> CheckResult:
    """Check ``sample_learning_rate(low, high, size, seed)``: 10**r, r = b - (b - a) * u.

    The learner must draw u with ``np.random.default_rng(seed).random(size)``.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 3.
    """
    cases = [
        Case("the lecture's range [1e-4, 1], 5 draws", (1e-4, 1.0, 5, 0)),
        Case("the range [1e-3, 1e-1], 8 draws", (1e-3, 1e-1, 8, 3)),
    ]
    return check_function(
        "sample_learning_rate",
        learner_fn,
        _reference_sample,
        cases,
        hints={"differs": "a = log10(low), b = log10(high), r = b - (b - a) * u, return 10 ** r."},
    )
