"""Gradient checks for initialization.py: the deep linear network's backward pass, and the
3-layer model's gradients at each initialisation's starting point (centred differences,
float64, relative error < 1e-7)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.gradient_check import check_backward, gradient_check

THRESHOLD = 1e-7


def _forward(X, **params):
    return ini.deep_linear_forward(X, params)


def _backward(dout, caches):
    grads = ini.deep_linear_backward(dout, caches)
    grads["dX"] = grads.pop("dA0")
    return grads


@pytest.mark.parametrize("weights", ["identity", "random"])
@pytest.mark.parametrize(("n", "L", "m"), [(1, 1, 1), (3, 4, 5), (5, 6, 7)])
def test_deep_linear_backward(weights, n, L, m):
    rng = np.random.default_rng(L)
    params = ini.deep_linear_parameters(n, L, 0.9, weights=weights, seed=L)
    for l in range(1, L + 1):
        params[f"W{l}"] = params[f"W{l}"] + 0.1 * rng.standard_normal((n, n))
        params[f"b{l}"] = rng.standard_normal((n, 1)) * 0.3
    inputs = {"X": rng.standard_normal((n, m)), **params}
    names = [k for k in params]
    # dW and db carry the course's 1/m; dA0 = W^T dZ does not.
    errors = check_backward(_forward, _backward, inputs, names, scale=1.0 / m)
    assert max(errors.values()) < THRESHOLD, errors
    errors = check_backward(_forward, _backward, inputs, ["X"], scale=1.0)
    assert errors["X"] < THRESHOLD, errors


@pytest.mark.parametrize("initialization", ["he", "xavier", "glorot", "random"])
def test_model_gradients_at_each_start(initialization):
    X, Y, _, _ = ini.load_circles(n_train=8, n_test=1)
    scale = 1.0 if initialization == "random" else None  # scale 10 saturates the sigmoid
    params = ini.initialize_parameters([2, 10, 5, 1], initialization, scale, seed=3)
    rng = np.random.default_rng(0)
    for key in params:
        if key.startswith("b"):  # no ReLU exactly on its kink
            params[key] = rng.standard_normal(params[key].shape) * 0.1
    AL, caches = dn.L_model_forward(X, params)
    grads = dn.L_model_backward(AL, Y, caches)

    def cost(p):
        return dn.compute_cost(dn.L_model_forward(X, p)[0], Y)

    assert gradient_check(cost, params, grads, epsilon=1e-6) < THRESHOLD
