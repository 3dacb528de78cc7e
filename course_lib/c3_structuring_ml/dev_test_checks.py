"""Auto-check for the weighted-error exercise; compares with ``metrics.weighted_error``.

Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_weighted_error"]


def _mistakes(Y_hat, Y):
    return (Y_hat != Y).astype(np.float64)


_SLIPS = [
    Slip(
        "divided by m instead of the total weight",
        "divide by the sum of the weights, np.sum(weights), not by m: with weight 10 on some "
        "examples the total weight is larger than m.",
        lambda Y_hat, Y, w: float(np.sum(w * _mistakes(Y_hat, Y)) / Y.shape[1]),
    ),
    Slip(
        "the weights left out",
        "multiply each mistake 1{yhat != y} by its weight w^(i) before summing; "
        "np.mean(Y_hat != Y) is the plain error, which ignores the weights.",
        lambda Y_hat, Y, w: float(np.mean(Y_hat != Y)),
    ),
    Slip(
        "the correct predictions weighted instead of the mistakes",
        "that is the weighted ACCURACY: count the mistakes, (Y_hat != Y), not the agreements.",
        lambda Y_hat, Y, w: float(np.sum(w * (Y_hat == Y)) / np.sum(w)),
    ),
    Slip(
        "the weighted mistakes not divided at all",
        "divide the weighted sum of mistakes by the total weight, np.sum(weights), so that "
        "the result is a fraction between 0 and 1.",
        lambda Y_hat, Y, w: float(np.sum(w * _mistakes(Y_hat, Y))),
    ),
    Slip(
        "mistakes counted as Y_hat - Y",
        "Y_hat - Y is -1 for a missed positive, so mistakes cancel: count every mistake as 1 "
        "with (Y_hat != Y) (or np.abs(Y_hat - Y)).",
        lambda Y_hat, Y, w: float(np.sum(w * (Y_hat - Y)) / np.sum(w)),
    ),
]


def check_weighted_error(learner_fn) -> CheckResult:
    """Check a learner's ``weighted_error(Y_hat, Y, weights) -> float``.

    The cases: all weights 1 (the plain error), the lecture's weight 10 on a flagged subset,
    mistakes only on flagged or only on unflagged examples, real-valued weights and zero
    weights (an example that does not count). Classic slips (dividing by m, ignoring the
    weights, weighting the agreements, no division, Y_hat - Y) get their own hint.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    rng = np.random.default_rng(7)
    m = 30
    Y = (rng.random((1, m)) < 0.4).astype(np.float64)
    Y_hat = np.where(rng.random((1, m)) < 0.25, 1 - Y, Y)  # about a quarter wrong
    flagged = rng.random((1, m)) < 0.2
    w10 = np.where(flagged, 10.0, 1.0)
    only_flagged_wrong = np.where(flagged, 1 - Y, Y)
    only_others_wrong = np.where(flagged, Y, 1 - Y)
    cases = [
        Case("all weights 1 (the plain error rate)", (Y_hat, Y, np.ones((1, m)))),
        Case("weight 10 on the flagged examples", (Y_hat, Y, w10)),
        Case("mistakes only on flagged examples, weight 10", (only_flagged_wrong, Y, w10)),
        Case("mistakes only on unflagged examples, weight 10", (only_others_wrong, Y, w10)),
        Case("real-valued weights", (Y_hat, Y, rng.uniform(0.5, 3.0, (1, m)))),
        Case("some weights 0", (Y_hat, Y, np.where(rng.random((1, m)) < 0.3, 0.0, 2.0))),
    ]
    return check_function(
        "weighted_error",
        learner_fn,
        mt.weighted_error,
        cases,
        slips=_SLIPS,
        hints={
            ", expected": "multiply each mistake 1{yhat != y} by its weight w^(i), sum, "
            "then divide by the sum of the weights: np.sum(weights * (Y_hat != Y)) / "
            "np.sum(weights).",
            "should be a single number": "return one float: np.sum over all entries (or "
            "float(...) of a (1, 1) np.dot result).",
        },
    )
