"""Gradient check of the shallow network's backward pass (float64, relative error < 1e-7).

``backward_propagation`` returns the gradients of the cross-entropy cost J, so the check
treats J(W1, b1, W2, b2) = compute_cost(forward_propagation(X, params)[0], Y) as the
function and compares its centred differences with the analytic gradients.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.gradient_check import gradient_check

THRESHOLD = 1e-7


def _problem(seed: int, n_x: int = 3, n_h: int = 4, m: int = 9, scale: float = 0.8):
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * scale,
        "b1": rng.standard_normal((n_h, 1)) * 0.3,
        "W2": rng.standard_normal((1, n_h)) * scale,
        "b2": rng.standard_normal((1, 1)) * 0.3,
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    return parameters, X, Y


def _error(parameters, X, Y, activation, backward=sn.backward_propagation):
    _, cache = sn.forward_propagation(X, parameters, activation)
    grads = backward(parameters, cache, X, Y, activation)

    def cost(p):
        return sn.compute_cost(sn.forward_propagation(X, p, activation)[0], Y)

    return gradient_check(cost, parameters, grads)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_backward_propagation(activation, seed):
    parameters, X, Y = _problem(seed)
    if activation == "relu":  # keep Z1 off the kink at 0, where ReLU has no derivative
        _, cache = sn.forward_propagation(X, parameters, activation)
        assert np.abs(cache["Z1"]).min() > 1e-4
    assert _error(parameters, X, Y, activation) < THRESHOLD


@pytest.mark.parametrize(("n_x", "n_h", "m"), [(1, 1, 1), (2, 10, 40), (5, 2, 3)])
def test_backward_propagation_other_sizes(n_x, n_h, m):
    parameters, X, Y = _problem(3, n_x, n_h, m)
    assert _error(parameters, X, Y, "tanh") < THRESHOLD


def test_gradient_check_catches_a_wrong_tanh_derivative():
    parameters, X, Y = _problem(0)

    def wrong(parameters, cache, X, Y, activation):
        grads = sn.backward_propagation(parameters, cache, X, Y, activation)
        dZ1 = parameters["W2"].T @ (cache["A2"] - Y) * (1 - cache["A1"])  # forgot the square
        return dict(grads, dW1=dZ1 @ X.T / X.shape[1])

    assert _error(parameters, X, Y, "tanh", backward=wrong) > 1e-3
