"""Auto-check for the mismatched-distributions exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_diagnose_gaps"]


def check_diagnose_gaps(learner_fn) -> CheckResult:
    """Check a learner's ``diagnose_gaps(human, train, train_dev, dev, test)``.

    The cases are the lecture's examples of mismatched training and dev/test data (each
    gap largest in turn, and two at once), a case where the dev data is easier than the
    training data (a negative mismatch gap) and an exact tie.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    cases = [
        Case(
            "human 0 %, train 1 %, train-dev 9 %, dev 10 %, test 10 %",
            (0.0, 0.01, 0.09, 0.10, 0.10),
        ),
        Case(
            "human 0 %, train 1 %, train-dev 1.5 %, dev 10 %, test 10 %",
            (0.0, 0.01, 0.015, 0.10, 0.10),
        ),
        Case(
            "human 0 %, train 10 %, train-dev 11 %, dev 12 %, test 12 %",
            (0.0, 0.10, 0.11, 0.12, 0.12),
        ),
        Case(
            "human 0 %, train 10 %, train-dev 11 %, dev 20 %, test 20 %",
            (0.0, 0.10, 0.11, 0.20, 0.20),
        ),
        Case(
            "human 1 %, train 2 %, train-dev 2.5 %, dev 3 %, test 9 %",
            (0.01, 0.02, 0.025, 0.03, 0.09),
        ),
        Case(
            "human 4 %, train 7 %, train-dev 12 %, dev 6 %, test 6 %",
            (0.04, 0.07, 0.12, 0.06, 0.06),
        ),
        Case("an exact tie: 0 %, 25 %, 50 %, 50 %, 50 %", (0.0, 0.25, 0.5, 0.5, 0.5)),
    ]
    return check_function(
        "diagnose_gaps",
        learner_fn,
        mm.diagnose_gaps,
        cases,
        output_names=("gaps", "largest"),
        hints={
            "missing the key": (
                "name the gaps exactly 'avoidable bias', 'variance', 'data mismatch' and "
                "'overfitting to the dev set'."
            ),
            "['avoidable bias']": "avoidable bias is train - human.",
            "['variance']": "variance is train_dev - train: same distribution, not trained on.",
            "['data mismatch']": "data mismatch is dev - train_dev: seen neither, other data.",
            "['overfitting to the dev set']": "the last gap is test - dev.",
            "largest is": (
                "return the NAME of the largest gap (max(gaps, key=gaps.get)); on a tie keep "
                "the earlier one in the chain human -> train -> train-dev -> dev -> test."
            ),
        },
    )
