"""Auto-check for the evaluation-metric exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_precision_recall_f1", "labels_with_counts"]


def labels_with_counts(tp: int, fp: int, fn: int, tn: int, seed: int = 0):
    """Y_hat and Y (both (1, m) of 0.0/1.0) with exactly the given confusion counts, shuffled.

    Args:
        tp, fp, fn, tn: the wanted counts (non-negative ints). seed: the shuffle's seed.

    Returns:
        (Y_hat, Y), each (1, tp + fp + fn + tn).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 4.
    """
    counts = (tp, fp, fn, tn)
    if any(int(c) != c or c < 0 for c in counts) or sum(counts) == 0:
        raise ValueError(f"counts must be non-negative integers, not all 0; got {counts}.")
    Y_hat = np.repeat([1.0, 1.0, 0.0, 0.0], counts)
    Y = np.repeat([1.0, 0.0, 1.0, 0.0], counts)
    order = np.random.default_rng(seed).permutation(Y.size)
    return Y_hat[order].reshape(1, -1), Y[order].reshape(1, -1)


def check_precision_recall_f1(learner_fn) -> CheckResult:
    """Check a learner's ``precision_recall_f1(Y_hat, Y) -> (precision, recall, f1)``.

    The cases: confusion counts that give the lecture's classifier A (P = 95 %, R = 90 %)
    and B (P = 98 %, R = 85 %), random predictions, a perfect classifier, a classifier that
    calls everything positive and one that calls nothing positive (P = R = F1 = 0 by the
    stated convention).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 4.
    """
    rng = np.random.default_rng(3)
    Y_random = (rng.random((1, 40)) < 0.3).astype(np.float64)
    Y_hat_random = (rng.random((1, 40)) < 0.4).astype(np.float64)
    cases = [
        Case("classifier A: TP 171, FP 9, FN 19, TN 801", labels_with_counts(171, 9, 19, 801)),
        Case(
            "classifier B: TP 833, FP 17, FN 147, TN 1003",
            labels_with_counts(833, 17, 147, 1003, 1),
        ),
        Case("40 random predictions", (Y_hat_random, Y_random)),
        Case("a perfect classifier", labels_with_counts(12, 0, 0, 28, 2)),
        Case("a classifier that calls every example positive", labels_with_counts(9, 21, 0, 0)),
        Case("a classifier that predicts no positive at all", labels_with_counts(0, 0, 7, 13)),
    ]
    return check_function(
        "precision_recall_f1",
        learner_fn,
        mt.precision_recall_f1,
        cases,
        output_names=("precision", "recall", "f1"),
        hints={
            "precision is": "precision = TP / (TP + FP): divide by the predicted positives.",
            "recall is": "recall = TP / (TP + FN): divide by the actual positives.",
            "f1 is": "F1 = 2 P R / (P + R), the harmonic mean, not (P + R) / 2.",
            "no positive": "with TP + FP = 0 return precision 0.0 (and F1 0.0 when P + R = 0).",
            "ZeroDivision": "guard the divisions: an empty denominator gives 0.0 here.",
        },
    )
