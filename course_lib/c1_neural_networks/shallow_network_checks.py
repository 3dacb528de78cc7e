"""Auto-checks for the shallow-network exercises; each compares with the course_lib reference.

Taught in: notebooks/c1_neural_networks/03_shallow_network.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.exercises import Case, CheckResult, check_function, random_network

__all__ = ["check_forward_propagation", "check_backward_propagation"]


def _network_cases(seed: int = 7) -> list[tuple[str, dict, np.ndarray, np.ndarray]]:
    """(description, parameters, X, Y) for a few network sizes, seeded."""
    rng = np.random.default_rng(seed)
    cases = []
    for n_x, n_h, m in [(2, 4, 3), (3, 5, 7), (2, 1, 10)]:
        X, Y, parameters = random_network([n_x, n_h, 1], m, rng)
        cases.append((f"n_x = {n_x}, n_h = {n_h}, m = {m}", parameters, X, Y))
    return cases


def check_forward_propagation(learner_fn) -> CheckResult:
    """Check a learner's ``forward_propagation(X, parameters) -> (A2, cache)``.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 5.
    """
    cases = [Case(d, (X, p)) for d, p, X, _ in _network_cases()]
    return check_function(
        "forward_propagation",
        learner_fn,
        sn.forward_propagation,
        cases,
        output_names=("A2", "cache"),
        hints={
            "transposed": "Z1 = np.dot(W1, X) + b1: W1 (n_h, n_x) times X (n_x, m).",
            "['A1']": "the hidden layer uses tanh: A1 = np.tanh(Z1).",
            "A2": "the output layer uses the sigmoid: A2 = sigmoid(Z2), Z2 = W2 A1 + b2.",
        },
    )


def check_backward_propagation(learner_fn) -> CheckResult:
    """Check a learner's ``backward_propagation(parameters, cache, X, Y) -> grads``.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 6.
    """
    cases = []
    for description, parameters, X, Y in _network_cases(seed=11):
        _, cache = sn.forward_propagation(X, parameters)
        cases.append(Case(description, (parameters, cache, X, Y)))
    return check_function(
        "backward_propagation",
        learner_fn,
        sn.backward_propagation,
        cases,
        hints={
            "['dW2']": "dZ2 = A2 - Y, then dW2 = np.dot(dZ2, A1.T) / m.",
            "['db2']": "db2 = np.sum(dZ2, axis=1, keepdims=True) / m keeps the shape (1, 1).",
            "['dW1']": (
                "dZ1 = np.dot(W2.T, dZ2) * (1 - A1**2) (tanh' = 1 - tanh^2, "
                "elementwise), then dW1 = np.dot(dZ1, X.T) / m."
            ),
            "['db1']": "db1 = np.sum(dZ1, axis=1, keepdims=True) / m has shape (n_h, 1).",
        },
    )
