"""Auto-checks for the softmax exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import softmax as sm
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_softmax", "check_softmax_cost"]


def check_softmax(learner_fn) -> CheckResult:
    """Check a learner's ``softmax(Z)`` on (C, m) logits, including huge ones.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 1.
    """
    rng = np.random.default_rng(7)
    cases = [
        Case("the lecture's z = [[5], [2], [-1], [3]]", (np.array([[5.0], [2.0], [-1.0], [3.0]]),)),
        Case("random logits of shape (3, 6)", (rng.standard_normal((3, 6)) * 2,)),
        Case(
            "large logits such as 1000 (np.exp(1000) overflows)",
            (np.array([[1000.0, -1000.0, 0.0], [999.0, -1002.0, 1e4], [0.0, 0.0, 0.0]]),),
        ),
    ]
    return check_function(
        "softmax",
        learner_fn,
        sm.softmax,
        cases,
        hints={
            "nan or inf": "subtract each column's maximum, Z - np.max(Z, axis=0, keepdims=True), "
            "before np.exp: the result is the same and nothing overflows.",
            "differs": "normalise every column: divide by np.sum(T, axis=0, keepdims=True).",
            "shape": "keep the (C, m) shape: use keepdims=True in the sum.",
        },
    )


def check_softmax_cost(learner_fn) -> CheckResult:
    """Check a learner's ``softmax_cost(AL, Y)`` -> float, including yhat entries of 0.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 3.
    """
    rng = np.random.default_rng(11)
    cases = []
    for C, m in [(3, 4), (5, 9)]:
        AL = sm.softmax(rng.standard_normal((C, m)))
        Y = sm.one_hot(rng.integers(0, C, (1, m)), C)
        cases.append(Case(f"random probabilities with C = {C}, m = {m}", (AL, Y)))
    AL = np.array([[1.0, 0.2], [0.0, 0.8]])
    cases.append(Case("yhat with exact zeros on wrong classes", (AL, np.array([[1, 0], [0, 1]]))))
    return check_function(
        "softmax_cost",
        learner_fn,
        sm.softmax_cost,
        cases,
        hints={
            "nan": "0 * log(0) is nan in NumPy: only the true class's term is needed "
            "(use np.where(Y == 1, ..., 0) or pick AL[Y == 1]).",
            "is ": "J = -(1/m) * np.sum(Y * np.log(AL)): a sum over classes AND examples, "
            "divided by the number of examples m = AL.shape[1].",
            "shape": "return a single number (a float), not an array.",
        },
    )
