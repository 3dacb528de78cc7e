"""Auto-check for the weighted-error exercise; compares with ``metrics.weighted_error``.

Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_weighted_error"]


def check_weighted_error(learner_fn) -> CheckResult:
    """Check a learner's ``weighted_error(Y_hat, Y, weights) -> float``.

    The cases: all weights 1 (the plain error), the lecture's weight 10 on a flagged subset,
    mistakes only on flagged or only on unflagged examples, real-valued weights and zero
    weights (an example that does not count).

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
        hints={
            "weight 10": "multiply each mistake 1{yhat != y} by its weight w^(i), then divide by "
            "the sum of the weights (not by m).",
            "real-valued": "divide by np.sum(weights), the total weight, not by m.",
            "weights 0": "an example with weight 0 must not count, in the sum or in the total.",
            "all weights 1": "with all weights 1 this is the plain error: np.mean(Y_hat != Y).",
        },
    )
