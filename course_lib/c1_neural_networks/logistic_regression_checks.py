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
    return check_function(
        "sigmoid",
        learner_fn,
        sigmoid,
        cases,
        hints={
            "converted to Python scalars": (
                "math.exp takes a single number; np.exp works on whole arrays, elementwise."
            ),
        },
        slips=[
            Slip(
                "the sigmoid of -z",
                "these values are 1 - sigma(z) = sigma(-z): the sigmoid is "
                "1 / (1 + np.exp(-z)), with 1 on top and e^(-z) in the denominator.",
                lambda z: 1 / (1 + np.exp(z)),
            ),
            Slip(
                "1 / 1 + np.exp(-z), without brackets",
                "put the denominator in brackets, 1 / (1 + np.exp(-z)): without them "
                "Python divides 1 by 1 first.",
                lambda z: 1 / 1 + np.exp(-z),
            ),
            Slip(
                "a minus sign in the denominator",
                "the denominator is the sum 1 + np.exp(-z); 1 - np.exp(-z) is 0 at z = 0.",
                lambda z: 1 / (1 - np.exp(-z)),
            ),
        ],
    )


def _propagate_variant(w, b, X, Y, *, bias=True, sign=1, grad_scale=None, cost="mean"):
    """The course's propagate with one thing changed, for diagnosing a learner's slip."""
    m = X.shape[1]
    A = sigmoid(w.T @ X + (b if bias else 0.0))
    dZ = sign * (A - Y)
    scale = 1 / m if grad_scale is None else grad_scale
    log_likelihood = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    J = {
        "mean": -log_likelihood / m,
        "sum": -log_likelihood,
        "no minus": log_likelihood / m,
        "half squared error": np.sum((A - Y) ** 2) / (2 * m),
        "squared error": np.sum((A - Y) ** 2) / m,
    }[cost]
    return {"dw": scale * (X @ dZ.T), "db": scale * float(np.sum(dZ))}, float(J)


def _elementwise_dw(w, b, X, Y):
    grads, J = _propagate_variant(w, b, X, Y)
    return {"dw": X * (sigmoid(w.T @ X + b) - Y) / X.shape[1], "db": grads["db"]}, J


def check_propagate(learner_fn) -> CheckResult:
    """Check a learner's ``propagate(w, b, X, Y) -> (grads, cost)``.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    not_aligned = (
        "np.dot(P, Q) needs as many columns in P as rows in Q: Z = np.dot(w.T, X) + b "
        "((1, n_x) times (n_x, m)) and dw = np.dot(X, dZ.T) / m."
    )
    squared = Slip(
        "the squared error as the cost",
        "the cost is the cross-entropy -(1/m) * sum(Y log A + (1 - Y) log(1 - A)), "
        "not the squared error.",
        lambda w, b, X, Y: _propagate_variant(w, b, X, Y, cost="half squared error"),
    )
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
            "not aligned": not_aligned,
            "mismatch in its core dimension": not_aligned,
            "grads['db']": "db = np.sum(dZ) / m is a single number.",
            "cost is ": "the cost is -(1/m) * sum(Y log A + (1 - Y) log(1 - A)).",
            "cost should be a single number": (
                "float(np.squeeze(cost)) turns a (1, 1) array into a single number."
            ),
        },
        slips=[
            Slip(
                "the sum of the losses, without 1/m",
                "the cost is the mean loss over the m examples: divide the sum by m.",
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, cost="sum"),
            ),
            Slip(
                "the cost without its minus sign",
                "the cost is -(1/m) * sum(Y log A + (1 - Y) log(1 - A)): the minus sign "
                "makes it positive, since log A < 0.",
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, cost="no minus"),
            ),
            squared,
            Slip(
                squared.mistake,
                squared.hint,
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, cost="squared error"),
            ),
            Slip(
                "dZ = Y - A",
                "dZ = A - Y (the prediction minus the label); Y - A flips the sign of dw and db.",
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, sign=-1),
            ),
            Slip(
                "Z without the bias b",
                "Z = np.dot(w.T, X) + b: add the bias before the sigmoid.",
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, bias=False),
            ),
            Slip(
                "dw and db without 1/m",
                "divide dw and db by m: the cost averages over the examples, and so do its "
                "gradients.",
                lambda w, b, X, Y: _propagate_variant(w, b, X, Y, grad_scale=1.0),
            ),
            Slip(
                "dw = X * dZ, an elementwise product",
                "dw = np.dot(X, dZ.T) / m: `*` is elementwise and keeps all m columns, the "
                "dot product sums over the examples.",
                _elementwise_dw,
            ),
        ],
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
