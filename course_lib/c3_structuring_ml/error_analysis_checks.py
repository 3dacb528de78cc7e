"""Auto-check for the error-analysis exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/04_error_analysis.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_error_ceiling"]


_SLIPS = [
    Slip(
        "the category's share subtracted from the dev error",
        "n_in_category / n_examined is a share OF THE ERRORS, not of the dev examples: 5 of "
        "100 errors removes 5 % of a 10 % dev error, 0.5 points. Return "
        "dev_error * (1 - n_in_category / n_examined).",
        lambda d, k, n: d - k / n,
    ),
    Slip(
        "the gain returned instead of the remaining error",
        "dev_error * n_in_category / n_examined is what the fix removes; return the dev error "
        "that remains (0.095 for the dogs), not the gain.",
        lambda d, k, n: d * k / n,
    ),
    Slip(
        "the answer in percent",
        "work in fractions like dev_error itself: 0.095, not 9.5.",
        lambda d, k, n: 100 * d * (1 - k / n),
    ),
    Slip(
        "the share upside down",
        "the category's share of the errors is n_in_category / n_examined (5 / 100), not "
        "n_examined / n_in_category.",
        lambda d, k, n: d * (1 - n / k),
    ),
    Slip(
        "the dev error returned unchanged (5 // 100 is 0)",
        "remove the category's share of the errors: dev_error * (1 - n_in_category / "
        "n_examined), with / (integer division 5 // 100 gives 0).",
        lambda d, k, n: d * (1 - k // n),
    ),
]


def check_error_ceiling(learner_fn) -> CheckResult:
    """Check a learner's ``error_ceiling(dev_error, n_in_category, n_examined)``.

    The cases are the lecture's dogs (5 of 100 errors, 10 % dev error -> 9.5 %) and blurry
    images (50 of 100 -> 5 %), a category with no errors, one with every error, and odd
    sample sizes. Classic slips (subtracting the share, returning the gain, percent, the
    share upside down, //) get their own hint.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    cases = [
        Case("dev error 10 %, 5 of 100 errors are dogs (the lecture)", (0.10, 5, 100)),
        Case("dev error 10 %, 50 of 100 errors are blurry (the lecture)", (0.10, 50, 100)),
        Case("dev error 10 %, no errors in the category", (0.10, 0, 100)),
        Case("dev error 4 %, all 30 examined errors in the category", (0.04, 30, 30)),
        Case("dev error 8.8 %, 24 of 100 errors", (0.088, 24, 100)),
        Case("dev error 2 %, 7 of 40 errors", (0.02, 7, 40)),
    ]
    return check_function(
        "error_ceiling",
        learner_fn,
        ea.error_ceiling,
        cases,
        slips=_SLIPS,
        hints={
            ", expected": "fixing every error of the category removes the share "
            "n_in_category / n_examined of the errors: return "
            "dev_error * (1 - n_in_category / n_examined).",
            "ZeroDivision": "n_in_category can be 0 (a category with no errors): divide by "
            "n_examined, which is at least 1.",
        },
    )
