"""Auto-check for the evaluation-metric exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.exercises import Case, CheckResult, Slip, check_function

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


def _counts(Y_hat, Y):
    # np.float64 counts, so that an unguarded 0 / 0 gives nan as a learner's NumPy code does
    tp = np.sum((Y_hat == 1) & (Y == 1), dtype=np.float64)
    return (
        tp,
        np.sum((Y_hat == 1) & (Y == 0), dtype=np.float64),
        np.sum((Y_hat == 0) & (Y == 1), dtype=np.float64),
    )


def _version(precision_of, recall_of, f1_of):
    """A precision_recall_f1 built from three formulas of (TP, FP, FN) and (P, R)."""

    def fn(Y_hat, Y):
        tp, fp, fn_ = _counts(Y_hat, Y)
        P, R = precision_of(tp, fp, fn_), recall_of(tp, fp, fn_)
        return float(P), float(R), float(f1_of(P, R))

    return fn


def _precision(tp, fp, fn):
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp, fp, fn):
    return tp / (tp + fn) if tp + fn else 0.0


def _f1(P, R):
    return 2 * P * R / (P + R) if P + R else 0.0


def _tp_counts_agreements(Y_hat, Y):
    tp = np.sum(Y_hat == Y, dtype=np.float64)  # also counts the true negatives
    fp = np.sum((Y_hat == 1) & (Y == 0), dtype=np.float64)
    fn = np.sum((Y_hat == 0) & (Y == 1), dtype=np.float64)
    P, R = tp / (tp + fp), tp / (tp + fn)
    return float(P), float(R), float(2 * P * R / (P + R))


_SLIPS = [
    Slip(
        "precision and recall swapped",
        "precision divides TP by the PREDICTED positives, TP + FP; recall divides it by the "
        "ACTUAL positives, TP + FN. Yours are the other way round (or FP and FN are swapped).",
        _version(_recall, _precision, _f1),
    ),
    Slip(
        "F1 as the arithmetic mean (P + R) / 2",
        "F1 is the harmonic mean, 2 * P * R / (P + R), not (P + R) / 2.",
        _version(_precision, _recall, lambda P, R: (P + R) / 2),
    ),
    Slip(
        "F1 without the factor 2",
        "F1 = 2 * P * R / (P + R): the factor 2 is missing.",
        _version(_precision, _recall, lambda P, R: P * R / (P + R) if P + R else 0.0),
    ),
    Slip(
        "TP counted as np.sum(Y_hat == Y)",
        "Y_hat == Y also counts the true negatives; TP needs both: (Y_hat == 1) & (Y == 1).",
        _tp_counts_agreements,
    ),
    Slip(
        "precision 1.0 when nothing is predicted positive",
        "with TP + FP = 0 the lesson's convention is precision 0.0, not 1.0.",
        _version(lambda tp, fp, fn: tp / (tp + fp) if tp + fp else 1.0, _recall, _f1),
    ),
    Slip(
        "recall 1.0 when there are no positives",
        "with TP + FN = 0 the lesson's convention is recall 0.0, not 1.0.",
        _version(_precision, lambda tp, fp, fn: tp / (tp + fn) if tp + fn else 1.0, _f1),
    ),
    Slip(
        "precision divided by TP + FP = 0",
        "nothing is predicted positive, so TP + FP = 0 and 0 / 0 is nan: return precision "
        "0.0 then (and F1 0.0 when P + R = 0).",
        _version(lambda tp, fp, fn: tp / (tp + fp), _recall, lambda P, R: 2 * P * R / (P + R)),
    ),
    Slip(
        "F1 divided by P + R = 0",
        "precision and recall are both 0 here, so 2PR / (P + R) is 0 / 0: return F1 0.0 when "
        "P + R = 0.",
        _version(_precision, _recall, lambda P, R: 2 * P * R / (P + R)),
    ),
    Slip(
        "recall divided by TP + FN = 0",
        "the labels hold no positive, so TP + FN = 0 and 0 / 0 is nan: return recall 0.0 then "
        "(and F1 0.0 when P + R = 0).",
        _version(_precision, lambda tp, fp, fn: tp / (tp + fn), _f1),
    ),
]


def check_precision_recall_f1(learner_fn) -> CheckResult:
    """Check a learner's ``precision_recall_f1(Y_hat, Y) -> (precision, recall, f1)``.

    The cases: confusion counts that give the lecture's classifier A (P = 95 %, R = 90 %)
    and B (P = 98 %, R = 85 %), random predictions, a perfect classifier, a classifier that
    calls everything positive, one that calls nothing positive and labels without a single
    positive (P = R = F1 = 0 by the stated conventions). Classic slips (P and R swapped,
    the arithmetic mean, a missing 2, TP from Y_hat == Y, unguarded or 1.0 conventions) get
    their own hint.

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
        Case(
            "labels without a single positive (TP + FN = 0), 6 false alarms",
            labels_with_counts(0, 6, 0, 14, 3),
        ),
    ]
    return check_function(
        "precision_recall_f1",
        learner_fn,
        mt.precision_recall_f1,
        cases,
        output_names=("precision", "recall", "f1"),
        slips=_SLIPS,
        hints={
            "precision is": "precision = TP / (TP + FP): divide by the predicted positives.",
            "recall is": "recall = TP / (TP + FN): divide by the actual positives.",
            "f1 is": "F1 = 2 P R / (P + R), the harmonic mean of P and R.",
            "contains nan": "guard the empty denominators: precision 0.0 when TP + FP = 0, "
            "recall 0.0 when TP + FN = 0, F1 0.0 when P + R = 0.",
            "ZeroDivision": "guard the divisions: precision 0.0 when TP + FP = 0, recall 0.0 "
            "when TP + FN = 0, F1 0.0 when P + R = 0.",
        },
    )
