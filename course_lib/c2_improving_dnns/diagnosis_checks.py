"""Auto-checks for the set-up and diagnosis exercise; compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_diagnose"]


def check_diagnose(learner_fn) -> CheckResult:
    """Check a learner's ``diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03)``.

    The cases are the lecture's four examples, the same errors against a high Bayes error,
    and borderline gaps just under and over the tolerance.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 4.
    """
    cases = [
        Case("train 1 %, dev 11 % (lecture example 1)", (0.01, 0.11)),
        Case("train 15 %, dev 16 % (lecture example 2)", (0.15, 0.16)),
        Case("train 15 %, dev 30 % (lecture example 3)", (0.15, 0.30)),
        Case("train 0.5 %, dev 1 % (lecture example 4)", (0.005, 0.01)),
        Case("train 15 %, dev 16 % with Bayes error 14 %", (0.15, 0.16, 0.14)),
        Case("train 20 %, dev 22 % with Bayes error 0", (0.20, 0.22)),
        Case("train 5 %, dev 9 %, tolerance 0.05", (0.05, 0.09), {"tolerance": 0.05}),
    ]
    return check_function(
        "diagnose",
        learner_fn,
        dg.diagnose,
        cases,
        hints={
            "Bayes": "avoidable bias is train_error - bayes_error, not train_error alone.",
            "tolerance": "a gap counts as large only when it is bigger than `tolerance`.",
            "expected 'high bias and high variance'": "both gaps can be large at once.",
        },
    )
