"""Auto-checks for the shallow-network exercises; each compares with the course_lib reference.

Taught in: notebooks/c1_neural_networks/03_shallow_network.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.c1_neural_networks.activations import relu, sigmoid
from course_lib.exercises import Case, CheckResult, Slip, check_function, random_network

__all__ = ["check_forward_propagation", "check_backward_propagation"]


def _network_cases(seed: int = 7) -> list[tuple[str, dict, np.ndarray, np.ndarray]]:
    """(description, parameters, X, Y) for a few network sizes, seeded."""
    rng = np.random.default_rng(seed)
    cases = []
    for n_x, n_h, m in [(2, 4, 3), (3, 5, 7), (2, 1, 10)]:
        X, Y, parameters = random_network([n_x, n_h, 1], m, rng)
        cases.append((f"n_x = {n_x}, n_h = {n_h}, m = {m}", parameters, X, Y))
    return cases


def _forward_variant(X, parameters, *, hidden=np.tanh, output=sigmoid, b1=True, b2=True):
    """The course's forward pass with one thing changed, for diagnosing a learner's slip."""
    W1, b_1, W2, b_2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = W1 @ X + (b_1 if b1 else 0.0)
    A1 = hidden(Z1)
    Z2 = W2 @ A1 + (b_2 if b2 else 0.0)
    A2 = output(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def check_forward_propagation(learner_fn) -> CheckResult:
    """Check a learner's ``forward_propagation(X, parameters) -> (A2, cache)``.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 5.
    """
    cases = [Case(d, (X, p)) for d, p, X, _ in _network_cases()]
    products = (
        "Z1 = np.dot(W1, X) + b1: W1 (n_h, n_x) times X (n_x, m); then Z2 = np.dot(W2, A1) + b2."
    )
    hidden = "the hidden layer uses tanh: A1 = np.tanh(Z1); only the output layer uses the sigmoid."
    biases = "add the biases: Z1 = np.dot(W1, X) + b1 and Z2 = np.dot(W2, A1) + b2."
    cache_keys = "the cache is a dict with the keys 'Z1', 'A1', 'Z2', 'A2'."
    return check_function(
        "forward_propagation",
        learner_fn,
        sn.forward_propagation,
        cases,
        output_names=("A2", "cache"),
        hints={
            "transposed": products,
            "not aligned": products,
            "mismatch in its core dimension": products,
            "cache['A1'] differs": "the hidden layer uses tanh: A1 = np.tanh(Z1).",
            "A2 differs": (
                "A2 = sigmoid(Z2), with Z2 = np.dot(W2, A1) + b2 and "
                "A1 = np.tanh(np.dot(W1, X) + b1)."
            ),
            "A2 has shape": "A2 = sigmoid(Z2) has shape (n_y, m) = (1, m).",
            "missing the key": cache_keys,
            "cache should be a dict": cache_keys,
        },
        slips=[
            Slip(
                "the sigmoid in the hidden layer",
                hidden,
                lambda X, p: _forward_variant(X, p, hidden=sigmoid),
            ),
            Slip(
                "ReLU in the hidden layer", hidden, lambda X, p: _forward_variant(X, p, hidden=relu)
            ),
            Slip(
                "tanh in the output layer",
                "the output is a probability: A2 = sigmoid(Z2), not np.tanh(Z2).",
                lambda X, p: _forward_variant(X, p, output=np.tanh),
            ),
            Slip(
                "no biases",
                biases,
                lambda X, p: _forward_variant(X, p, b1=False, b2=False),
            ),
            Slip("forgetting b1", biases, lambda X, p: _forward_variant(X, p, b1=False)),
            Slip("forgetting b2", biases, lambda X, p: _forward_variant(X, p, b2=False)),
        ],
    )


def _backward_variant(parameters, cache, X, Y, *, sign=1, scale=None, g_prime=None):
    """The course's backward pass with one thing changed, for diagnosing a learner's slip."""
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    k = 1 / m if scale is None else scale
    dZ2 = sign * (A2 - Y)
    dZ1 = (W2.T @ dZ2) * (1 - A1**2 if g_prime is None else g_prime(A1))
    return {
        "dW1": k * dZ1 @ X.T,
        "db1": k * np.sum(dZ1, axis=1, keepdims=True),
        "dW2": k * dZ2 @ A1.T,
        "db2": k * np.sum(dZ2, axis=1, keepdims=True),
    }


def check_backward_propagation(learner_fn) -> CheckResult:
    """Check a learner's ``backward_propagation(parameters, cache, X, Y) -> grads``.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 6.
    """
    cases = []
    for description, parameters, X, Y in _network_cases(seed=11):
        _, cache = sn.forward_propagation(X, parameters)
        cases.append(Case(description, (parameters, cache, X, Y)))
    products = (
        "np.dot for the matrix products, np.dot(W2.T, dZ2), np.dot(dZ2, A1.T) and "
        "np.dot(dZ1, X.T); `*` for the elementwise product with g'(Z1)."
    )
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
            "not aligned": products,
            "mismatch in its core dimension": products,
        },
        slips=[
            Slip(
                "dZ2 = Y - A2",
                "dZ2 = A2 - Y (the prediction minus the label); Y - A2 flips the sign of "
                "every gradient.",
                lambda p, c, X, Y: _backward_variant(p, c, X, Y, sign=-1),
            ),
            Slip(
                "no 1/m",
                "divide dW1, db1, dW2 and db2 by m = X.shape[1]: the cost averages over the "
                "examples.",
                lambda p, c, X, Y: _backward_variant(p, c, X, Y, scale=1.0),
            ),
            Slip(
                "the sigmoid's derivative for the tanh layer",
                "tanh'(Z1) = 1 - A1**2; A1 * (1 - A1) is the sigmoid's derivative.",
                lambda p, c, X, Y: _backward_variant(p, c, X, Y, g_prime=lambda a: a * (1 - a)),
            ),
            Slip(
                "1 - A1 as tanh'",
                "tanh'(Z1) = 1 - A1**2: square A1.",
                lambda p, c, X, Y: _backward_variant(p, c, X, Y, g_prime=lambda a: 1 - a),
            ),
        ],
    )
