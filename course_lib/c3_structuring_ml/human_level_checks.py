"""Auto-check for the human-level exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_avoidable_bias_and_variance"]


def check_avoidable_bias_and_variance(learner_fn) -> CheckResult:
    """Check a learner's ``avoidable_bias_and_variance(human_error, train_error, dev_error)``.

    The cases are the lecture's two examples (1 % / 8 % / 10 % and 7.5 % / 8 % / 10 %),
    the medical example against two references, a model that over-fits a noisy training
    set (train error below human level but a huge variance) and a tie.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 4.
    """
    cases = [
        Case("human 1 %, train 8 %, dev 10 % (lecture example 1)", (0.01, 0.08, 0.10)),
        Case("human 7.5 %, train 8 %, dev 10 % (lecture example 2)", (0.075, 0.08, 0.10)),
        Case("human 0.5 %, train 0.7 %, dev 0.8 % (team of doctors)", (0.005, 0.007, 0.008)),
        Case("human 1 %, train 5 %, dev 6 %", (0.01, 0.05, 0.06)),
        Case("human 0.5 %, train 1 %, dev 5 %", (0.005, 0.01, 0.05)),
        Case("human 1 %, train 0.7 %, dev 0.8 % (typical doctor)", (0.01, 0.007, 0.008)),
        Case("human 7 %, train 0 %, dev 19 % (memorised a noisy training set)", (0.07, 0.0, 0.19)),
        Case("human 25 %, train 50 %, dev 75 % (a tie)", (0.25, 0.5, 0.75)),
    ]
    return check_function(
        "avoidable_bias_and_variance",
        learner_fn,
        hl.avoidable_bias_and_variance,
        cases,
        hints={
            "['avoidable_bias']": "avoidable bias is train_error - human_error: bias is judged "
            "against human level (the Bayes proxy), not against 0.",
            "['variance']": "variance is the GAP dev_error - train_error, not the dev error.",
            "'unclear": "when train_error < human_error the avoidable bias cannot be measured: "
            f"answer {hl.FOCUS_UNCLEAR!r} unless the variance is larger than train_error.",
            "expected 'variance'": "work on the larger gap; below human level a variance larger "
            "than the whole training error still wins.",
            "expected 'avoidable bias'": "work on the larger gap; a tie goes to the bias.",
            "should be a dict": "return {'avoidable_bias': ..., 'variance': ..., 'focus': ...}.",
        },
    )
