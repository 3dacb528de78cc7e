"""Auto-checks for the Course 1 exercises; each compares with the course_lib reference.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_sigmoid", "check_propagate", "check_predict"]


def _logistic_cases(seed: int = 3) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases = [
        Case(
            "the course's example (w = [[1], [2]], b = 2, 3 examples)",
            (
                np.array([[1.0], [2.0]]),
                2.0,
                np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
                np.array([[1, 0, 1]]),
            ),
        )
    ]
    for n_x, m in [(4, 7), (12, 30)]:
        w = rng.standard_normal((n_x, 1)) * 0.5
        X = rng.standard_normal((n_x, m))
        Y = (rng.random((1, m)) > 0.5).astype(float)
        cases.append(Case(f"random inputs with n_x = {n_x}, m = {m}", (w, -0.3, X, Y)))
    return cases


def check_sigmoid(learner_fn) -> CheckResult:
    """Check a learner's ``sigmoid(z)`` on a scalar, a vector and a matrix.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 2.
    """
    cases = [
        Case("z = 0", (0.0,)),
        Case("z = np.array([0, 2])", (np.array([0.0, 2.0]),)),
        Case("a (3, 4) matrix of z values", (np.linspace(-6, 6, 12).reshape(3, 4),)),
    ]
    return check_function("sigmoid", learner_fn, sigmoid, cases)


def check_propagate(learner_fn) -> CheckResult:
    """Check a learner's ``propagate(w, b, X, Y) -> (grads, cost)``.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    return check_function(
        "propagate",
        learner_fn,
        lr.propagate,
        _logistic_cases(),
        output_names=("grads", "cost"),
        hints={
            "grads['dw'] has shape": "dw = (1/m) X dZ^T has the shape of w, (n_x, 1).",
            "grads['dw'] differs": "dZ = A - Y, then dw = np.dot(X, dZ.T) / m.",
            "could not be broadcast": "`*` multiplies elementwise; dw needs np.dot(X, dZ.T) / m.",
            "grads['db']": "db = np.sum(dZ) / m is a single number.",
            "cost": "the cost is -(1/m) * sum(Y log A + (1 - Y) log(1 - A)).",
        },
    )


def check_predict(learner_fn) -> CheckResult:
    """Check a learner's ``predict(w, b, X) -> Y_prediction`` of shape (1, m).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    cases = [Case(case.description, case.args[:3]) for case in _logistic_cases(seed=5)]
    cases.append(
        Case(
            "an example exactly on the boundary (w^T x + b = 0, so A = 0.5)",
            (np.array([[1.0], [2.0]]), 0.0, np.array([[2.0, 1.0, -1.0], [-1.0, 1.0, 0.0]])),
        )
    )
    return check_function(
        "predict",
        learner_fn,
        lr.predict,
        cases,
        hints={
            "shape": "Y_prediction must be (1, m): one 0/1 label per column of X.",
        },
        slips=[
            Slip(
                "A >= 0.5",
                "predict 1 only where A > 0.5 (strictly): A = 0.5 gives 0.",
                lambda w, b, X: (sigmoid(w.T @ X + b) >= 0.5).astype(float),
            ),
            Slip(
                "returning the probabilities A",
                "Y_prediction holds labels 0.0 / 1.0, (A > 0.5).astype(float), not A.",
                lambda w, b, X: sigmoid(w.T @ X + b),
            ),
        ],
    )
