"""Auto-check for the multi-task exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import multitask as mt
from course_lib.exercises import Case, CheckResult, check_function

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

    one_image = (
        np.array([[0.1], [0.8], [0.7], [0.4]]),
        np.array([[0.0], [1.0], [1.0], [0.0]]),
        np.ones((4, 1)),
    )
    row_missing = case(4, 6, 0.0)
    row_missing[1][2], row_missing[2][2] = 0.0, 0.0  # nobody labelled the stop signs
    sure = np.array([[1.0, 0.0, 0.3], [0.0, 1.0, 0.6]])
    labels = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    confident = (sure, labels, np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 1.0]]))
    return [
        Case("one image, 4 labels y = [0, 1, 1, 0], all labelled", one_image),
        Case("5 images with all 4 labels (all labelled)", case(4, 5, 0.0)),
        Case("8 images with about a third of the labels '?'", case(4, 8, 0.35)),
        Case("6 images where one task's labels are all '?'", row_missing),
        Case("confident predictions (AL exactly 0 or 1 where right), one label missing", confident),
    ]


def check_multitask_cost(learner_fn) -> CheckResult:
    """Check a learner's ``multitask_cost(AL, Y, mask)`` against ``multitask.multitask_cost``.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    learner = _QuestionMarksAsNaN(learner_fn) if callable(learner_fn) else learner_fn
    return check_function(
        "multitask_cost",
        learner,
        _QuestionMarksAsNaN(mt.multitask_cost),
        multitask_cost_cases(),
        hints={
            "expected 1.196": (  # the one-image case gave a wrong number
                "sum the losses over the 4 labels and divide by m, the number of examples "
                "(columns): np.sum(...) / m. np.mean over all entries also divides by 4."
            ),
            "'?'": (
                "where mask is 0, Y holds NaN, and NaN * 0 is still NaN: replace those labels "
                "first, e.g. np.where(mask == 1, Y, 0), then multiply each loss by mask. Divide "
                "by m (the number of examples), not by the number of labels that exist."
            ),
            "confident": (
                "np.log(0) is -inf, and 0 * -inf is nan: keep AL away from exactly 0 and 1 "
                "inside the logs, e.g. np.clip(AL, 1e-15, 1 - 1e-15)."
            ),
        },
    )
