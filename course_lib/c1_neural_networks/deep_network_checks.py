"""Auto-checks for the deep-network exercises; each compares with deep_network.py.

Taught in: notebooks/c1_neural_networks/04_deep_network.py and
notebooks/c1_neural_networks/05_deep_network_application.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.exercises import Case, CheckResult, check_function, random_network

__all__ = [
    "check_L_model_forward",
    "check_linear_backward",
    "check_L_model_backward",
    "check_L_layer_model",
]


def _network(layer_dims, m: int, seed: int):
    """Random X, Y and parameters (non-zero biases: no ReLU sits exactly on its kink)."""
    return random_network(layer_dims, m, np.random.default_rng(seed), 0.7, 0.3)


_SIZES = [([5, 4, 3, 1], 4, 1), ([3, 1], 6, 2), ([7, 6, 5, 4, 1], 10, 3)]


def _describe(dims, m) -> str:
    return f"layer_dims = {dims} (L = {len(dims) - 1}) with m = {m}"


def check_L_model_forward(learner_fn) -> CheckResult:
    """Check ``L_model_forward(X, parameters) -> (AL, caches)`` for L = 1, 3 and 4.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    cases = []
    for dims, m, seed in _SIZES:
        X, _, parameters = _network(dims, m, seed)
        cases.append(Case(_describe(dims, m), (X, parameters)))
    return check_function(
        "L_model_forward",
        learner_fn,
        dn.L_model_forward,
        cases,
        output_names=("AL", "caches"),
        hints={
            "caches should be a list of": "append one cache per layer: L caches in all.",
            "AL differs": "hidden layers use 'relu', only layer L uses 'sigmoid'.",
            "caches[": "each cache is linear_activation_forward's ((A_prev, W, b), Z).",
        },
    )


def check_linear_backward(learner_fn) -> CheckResult:
    """Check ``linear_backward(dZ, cache) -> (dA_prev, dW, db)``.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    rng = np.random.default_rng(7)
    cases = []
    for n, n_prev, m in [(1, 3, 2), (3, 4, 5), (5, 2, 8)]:
        A_prev = rng.standard_normal((n_prev, m))
        W, b = rng.standard_normal((n, n_prev)), rng.standard_normal((n, 1))
        dZ = rng.standard_normal((n, m))
        cases.append(Case(f"n[l] = {n}, n[l-1] = {n_prev}, m = {m}", (dZ, (A_prev, W, b))))
    return check_function(
        "linear_backward",
        learner_fn,
        dn.linear_backward,
        cases,
        output_names=("dA_prev", "dW", "db"),
        hints={
            "dW differs": "dW = (1/m) dZ A_prev^T: np.dot(dZ, A_prev.T) / m.",
            "db has shape": "db = np.sum(dZ, axis=1, keepdims=True) / m keeps the (n[l], 1) shape.",
            "dA_prev differs": "dA_prev = W^T dZ, with no 1/m (it is not a parameter gradient).",
        },
    )


def check_L_model_backward(learner_fn) -> CheckResult:
    """Check ``L_model_backward(AL, Y, caches) -> grads`` for L = 1, 3 and 4.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    cases = []
    for dims, m, seed in _SIZES:
        X, Y, parameters = _network(dims, m, seed)
        AL, caches = dn.L_model_forward(X, parameters)
        cases.append(Case(_describe(dims, m), (AL, Y, caches)))
    return check_function(
        "L_model_backward",
        learner_fn,
        dn.L_model_backward,
        cases,
        hints={
            "missing the key": "grads needs 'dA0'..'dA{L-1}', 'dW1'..'dWL' and 'db1'..'dbL'.",
            "has shape (1, 1)": "dA^[L] has one entry per example: do not sum over them.",
            "differs": "start with dAL = -(Y / AL) + (1 - Y) / (1 - AL); layer L is 'sigmoid', "
            "the others 'relu', and caches[l - 1] belongs to layer l.",
        },
    )


def check_L_layer_model(learner_fn) -> CheckResult:
    """Check ``L_layer_model(X, Y, layers_dims, learning_rate, num_iterations) ->
    (parameters, costs)`` on small problems (it must use
    ``initialize_parameters_deep(layers_dims, scale="xavier", seed=1)``).

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 7.
    """
    cases = []
    for dims, m, seed in [([4, 3, 1], 12, 4), ([6, 5, 3, 1], 20, 5)]:
        X, Y, _ = _network(dims, m, seed)
        cases.append(Case(f"{_describe(dims, m)}, 201 iterations", (X, Y, dims, 0.05, 201)))
    return check_function(
        "L_layer_model",
        learner_fn,
        lambda X, Y, dims, alpha, n: dn.L_layer_model(X, Y, dims, alpha, n),
        cases,
        rtol=1e-6,
        output_names=("parameters", "costs"),
        hints={
            "costs should be a list": "append the cost when i % 100 == 0 (iterations 0, 100, 200).",
            "differs": "initialise with dn.initialize_parameters_deep(layers_dims, "
            "scale='xavier', seed=1); each iteration: forward, cost, backward, update.",
        },
    )
