"""Auto-check for the localisation-loss exercise; compares with localization.py.

The learner writes ``localization_loss(Y_hat, Y)``: the course's squared-error loss (all 8
entries when p_c = y_1 = 1, only the p_c entry when y_1 = 0), averaged over the m examples.
The cases mix images with and without an object, and the "don't care" entries of the
no-object rows hold random numbers, so a loss that counts them is caught.

Taught in: notebooks/c4_convnets/09_localization_and_landmarks.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import localization as loc
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_localization_loss"]


def _cases() -> list[Case]:
    rng = np.random.default_rng(7)
    cases = []
    for m in (4, 6, 5):
        Y = rng.uniform(0, 1, (m, 8))
        Y[:, 0] = 0.0
        Y[: (m + 1) // 2, 0] = 1.0
        rng.shuffle(Y)
        Y_hat = Y + rng.normal(0, 0.3, (m, 8))
        cases.append(Case(f"m = {m} examples, {int(Y[:, 0].sum())} with an object", (Y_hat, Y)))
    return cases


def _all_terms(Y_hat, Y):
    return np.mean(np.sum((Y_hat - Y) ** 2, axis=1))


def _no_pc_when_object(Y_hat, Y):
    per = np.where(Y[:, 0] == 1, np.sum((Y_hat[:, 1:] - Y[:, 1:]) ** 2, axis=1),
                   (Y_hat[:, 0] - Y[:, 0]) ** 2)  # fmt: skip
    return np.mean(per)


def _no_pc_at_all(Y_hat, Y):
    return np.mean(Y[:, 0] * np.sum((Y_hat[:, 1:] - Y[:, 1:]) ** 2, axis=1))


def _index_one(Y_hat, Y):
    per = np.where(Y[:, 1] == 1, np.sum((Y_hat - Y) ** 2, axis=1), (Y_hat[:, 1] - Y[:, 1]) ** 2)
    return np.mean(per)


def _summed(Y_hat, Y):
    return loc.localization_loss(Y_hat, Y) * Y.shape[0]


_SLIPS = [
    Slip(
        "all 8 squared errors counted even when p_c = 0",
        "when y_1 = p_c = 0 there is no object, so b_x, b_y, b_h, b_w and the classes are "
        "'don't care': only (yhat_1 - y_1)^2 counts for that example.",
        _all_terms,
    ),
    Slip(
        "the p_c term left out when there is an object",
        "when y_1 = 1 the sum runs over all 8 entries, i = 1..8, p_c included: sum over "
        "Y[:, 0:8], not Y[:, 1:8].",
        _no_pc_when_object,
    ),
    Slip(
        "no p_c term at all",
        "the loss must also punish a wrong p_c: (yhat_1 - y_1)^2 counts for every example, "
        "with or without an object.",
        _no_pc_at_all,
    ),
    Slip(
        "y_1 read as Y[:, 1] (off by one)",
        "the lecture counts from 1, Python from 0: y_1 = p_c is Y[:, 0], and b_x is Y[:, 1].",
        _index_one,
    ),
    Slip(
        "the losses summed over the examples instead of averaged",
        "J is the mean over the m examples: divide the sum by m (np.mean).",
        _summed,
    ),
]


def check_localization_loss(learner_fn) -> CheckResult:
    """Check the learner's ``localization_loss(Y_hat, Y) -> J`` (a number).

    Taught in: notebooks/c4_convnets/09_localization_and_landmarks.py, section 3.
    """
    return check_function(
        "localization_loss",
        learner_fn,
        loc.localization_loss,
        _cases(),
        rtol=1e-6,
        atol=1e-9,
        slips=_SLIPS,
        hints={
            "expected": "per example: sum of all 8 squared errors if y_1 = 1, else only "
            "(yhat_1 - y_1)^2; then the mean over the m examples."
        },  # fmt: skip
    )
