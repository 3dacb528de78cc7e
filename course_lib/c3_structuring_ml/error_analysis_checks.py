"""Auto-check for the error-analysis exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/04_error_analysis.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_error_ceiling"]


def check_error_ceiling(learner_fn) -> CheckResult:
    """Check a learner's ``error_ceiling(dev_error, n_in_category, n_examined)``.

    The cases are the lecture's dogs (5 of 100 errors, 10 % dev error -> 9.5 %) and blurry
    images (50 of 100 -> 5 %), a category with no errors, one with every error, and odd
    sample sizes.

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
        hints={
            "dogs": "5 of 100 errors is 5 % OF THE ERRORS: fixing them removes 0.5 points of a "
            "10 % dev error, not 5 points; return the new dev error (0.095), not the gain.",
        },
    )
