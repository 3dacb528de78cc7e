"""Auto-check for the multi-task exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import multitask as mt
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_multitask_cost", "multitask_cost_cases"]


class _QuestionMarksAsNaN:
    """Calls ``fn(AL, Y, mask)`` with NaN in Y wherever mask is 0, as the lesson stores "?".

    The cases keep 0 under each "?" because ``check_function`` compares the inputs before
    and after the call to catch in-place changes, and NaN never equals NaN. The learner's
    ``__code__`` is kept so that an exception is still traced to a line of their cell.
    """

    def __init__(self, fn):
        self.fn, self.__code__ = fn, getattr(fn, "__code__", None)

    def __call__(self, AL, Y, mask):
        return self.fn(AL, np.where(mask == 1, Y, np.nan), mask)


def multitask_cost_cases() -> list[Case]:
    """The seeded (AL, Y, mask) cases of the check, simplest first.

    The first case already has one "?" and two examples, so that dividing by m, by the
    number of labels (np.mean) and by the number of existing labels (np.sum(mask)) all give
    different numbers there.

    Returns:
        a list of ``exercises.Case`` (AL, Y, mask); Y holds 0 where mask is 0, and the
        check hands the functions NaN there instead.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    rng = np.random.default_rng(6)

    def case(n_y, m, hidden):
        AL = rng.uniform(0.05, 0.95, (n_y, m))
        Y = (rng.random((n_y, m)) < 0.5).astype(np.float64)
        mask = (rng.random((n_y, m)) >= hidden).astype(np.float64)
        return AL, Y * mask, mask

    two_images = (
        np.array([[0.1, 0.6], [0.8, 0.3], [0.7, 0.9], [0.4, 0.2]]),
        np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]),
        np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 1.0], [1.0, 1.0]]),
    )
    row_missing = case(4, 6, 0.0)
    row_missing[1][2], row_missing[2][2] = 0.0, 0.0  # nobody labelled the stop signs
    sure = np.array([[1.0, 0.0, 0.3], [0.0, 1.0, 0.6]])
    labels = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    confident = (sure, labels, np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 1.0]]))
    return [
        Case("2 images with 4 labels each, y^(1) = [0, 1, ?, 0], y^(2) = [1, 0, 1, 0]", two_images),
        Case("5 images with all 4 labels (all labelled)", case(4, 5, 0.0)),
        Case("8 images with about a third of the labels unknown", case(4, 8, 0.35)),
        Case("6 images where one task (stop signs) has no label at all", row_missing),
        Case("confident predictions (AL exactly 0 or 1 where right), one label missing", confident),
    ]


def _version(*, replace_nan=True, clip=True, use_mask=True, both_terms=True, sign=-1.0, by="m"):
    """A learner's multitask_cost with one step left out or done wrongly."""

    def fn(AL, Y, mask):
        if replace_nan:
            Y = np.where(mask == 1, Y, 0.0)
        if clip:
            AL = np.clip(AL, 1e-15, 1 - 1e-15)
        losses = Y * np.log(AL) + ((1 - Y) * np.log(1 - AL) if both_terms else 0.0)
        losses = sign * losses * (mask if use_mask else 1.0)
        divide_by = {
            "m": AL.shape[1],
            "entries": AL.size,
            "labels": np.sum(mask),
            "nothing": 1,
        }[by]
        return float(np.sum(losses) / divide_by)

    return _QuestionMarksAsNaN(fn)


_SLIPS = [
    # First: on the confident case (which also has a "?") a learner who forgot the NaN gets
    # nan too, but fails earlier, on the first case.
    Slip(
        "np.log of an AL exactly 0 or 1",
        "np.log(0) is -inf, and 0 * -inf is nan: keep AL away from exactly 0 and 1 inside "
        "the logs, e.g. np.clip(AL, 1e-15, 1 - 1e-15).",
        _version(clip=False),
    ),
    Slip(
        "the '?' (NaN) labels not replaced",
        "where mask is 0, Y holds NaN, and NaN * 0 is still NaN: replace those labels first, "
        "e.g. np.where(mask == 1, Y, 0), then multiply each loss by mask.",
        _version(replace_nan=False),
    ),
    Slip(
        "np.mean over all entries",
        "sum the masked losses and divide by m = AL.shape[1], the number of examples "
        "(columns): np.mean over all entries also divides by the number of labels n_y.",
        _version(by="entries"),
    ),
    Slip(
        "divided by the number of labels that exist",
        "divide by m = AL.shape[1], the number of examples, not by np.sum(mask), the number "
        "of labels that exist.",
        _version(by="labels"),
    ),
    Slip(
        "no division by m",
        "J averages over the examples: divide the sum by m = AL.shape[1].",
        _version(by="nothing"),
    ),
    Slip(
        "the losses not multiplied by mask",
        "multiply each loss by mask: a '?' must add nothing, but replaced by 0 and left in "
        "it counts as a label 'no'.",
        _version(use_mask=False),
    ),
    Slip(
        "only the y log(yhat) term",
        "each label is its own sigmoid with the logistic loss, not a softmax: add the "
        "(1 - Y) * np.log(1 - AL) term.",
        _version(both_terms=False),
    ),
    Slip(
        "the minus sign of the loss left out",
        "the loss is -(y log(yhat) + (1 - y) log(1 - yhat)): with the minus sign J is positive.",
        _version(sign=1.0),
    ),
]


def check_multitask_cost(learner_fn) -> CheckResult:
    """Check a learner's ``multitask_cost(AL, Y, mask)`` against ``multitask.multitask_cost``.

    Classic slips (no clipping, NaN labels not replaced, np.mean or np.sum(mask) instead of
    m, no 1/m, no mask, one log term, no minus sign) get their own hint.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    learner = _QuestionMarksAsNaN(learner_fn) if callable(learner_fn) else learner_fn
    return check_function(
        "multitask_cost",
        learner,
        _QuestionMarksAsNaN(mt.multitask_cost),
        multitask_cost_cases(),
        slips=_SLIPS,
        hints={
            ", expected": (
                "sum the logistic losses times mask over all labels and examples, then "
                "divide by m = AL.shape[1]: np.sum(losses * mask) / m."
            ),
            "contains nan": (
                "a NaN reached the sum: replace the '?' labels first (np.where(mask == 1, Y, 0)) "
                "and keep AL away from exactly 0 and 1 inside the logs (np.clip)."
            ),
            "should be a single number": (
                "sum over both axes (np.sum with no axis) and return a float."
            ),
        },
    )
