"""Gradient check of every backward pass of deep_network.py (centred differences, float64).

Biases are drawn non-zero, so no ReLU input sits exactly on the kink at 0, where a
centred difference straddles two slopes and the check would fail for no fault of the code.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.gradient_check import check_backward, gradient_check

THRESHOLD = 1e-7


def _network(dims, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        params[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.5
    return X, Y, params


def _linear_backward_dict(dZ, cache):
    dA_prev, dW, db = dn.linear_backward(dZ, cache)
    return {"dA": dA_prev, "dW": dW, "db": db}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("n", "n_prev", "m"), [(1, 1, 1), (3, 4, 5), (6, 2, 9)])
def test_linear_backward(seed, n, n_prev, m):
    rng = np.random.default_rng(seed)
    inputs = {
        "A": rng.standard_normal((n_prev, m)),
        "W": rng.standard_normal((n, n_prev)),
        "b": rng.standard_normal((n, 1)),
    }
    # dW and db average over m (scale 1/m); dA_prev = W^T dZ does not (scale 1).
    errors = check_backward(
        dn.linear_forward, _linear_backward_dict, inputs, ["W", "b"], scale=1 / m, seed=seed
    )
    errors |= check_backward(dn.linear_forward, _linear_backward_dict, inputs, ["A"], seed=seed)
    assert max(errors.values()) < THRESHOLD, errors


@pytest.mark.parametrize("activation", ["sigmoid", "relu", "tanh", "leaky_relu"])
@pytest.mark.parametrize("seed", [0, 1])
def test_linear_activation_backward(activation, seed):
    rng = np.random.default_rng(seed)
    inputs = {
        "A_prev": rng.standard_normal((4, 6)),
        "W": rng.standard_normal((3, 4)),
        "b": rng.standard_normal((3, 1)),
    }

    def forward(A_prev, W, b):
        return dn.linear_activation_forward(A_prev, W, b, activation)

    def backward(dA, cache):
        dA_prev, dW, db = dn.linear_activation_backward(dA, cache, activation)
        return {"dA_prev": dA_prev, "dW": dW, "db": db}

    errors = check_backward(forward, backward, inputs, ["W", "b"], scale=1 / 6, seed=seed)
    errors |= check_backward(forward, backward, inputs, ["A_prev"], seed=seed)
    assert max(errors.values()) < THRESHOLD, errors


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("dims", [[3, 1], [4, 3, 1], [5, 4, 3, 2, 1], [6, 8, 1]])
def test_L_model_backward_against_the_cost(dims, seed):
    X, Y, params = _network(dims, m=7, seed=seed)
    AL, caches = dn.L_model_forward(X, params)
    grads = dn.L_model_backward(AL, Y, caches)
    error = gradient_check(lambda p: dn.compute_cost(dn.L_model_forward(X, p)[0], Y), params, grads)
    assert error < THRESHOLD, error


@pytest.mark.parametrize("seed", [0, 1])
def test_L_model_backward_dA0_against_the_cost(seed):
    X, Y, params = _network([4, 3, 2, 1], m=5, seed=seed)
    AL, caches = dn.L_model_forward(X, params)
    dA0 = dn.L_model_backward(AL, Y, caches)["dA0"]
    # J averages over m while dA0 = W1^T dZ1 does not: dJ/dX = dA0 / m.
    error = gradient_check(
        lambda p: dn.compute_cost(dn.L_model_forward(p["X"], params)[0], Y),
        {"X": X},
        {"dX": dA0 / X.shape[1]},
    )
    assert error < THRESHOLD, error


def test_L_model_backward_formula_start_against_the_cost():
    # The course's start dA^[L] = -(Y/AL) + (1-Y)/(1-AL), used when AL is handed in
    # separately: perturb the cost J(AL) through the last layer's Z only.
    X, Y, params = _network([4, 3, 1], m=6, seed=3)
    AL, caches = dn.L_model_forward(X, params)
    noisy = AL * (1 + 1e-12)  # not bitwise sigma(Z^[L]): takes the formula branch
    grads_formula = dn.L_model_backward(noisy, Y, caches)
    grads_fused = dn.L_model_backward(AL, Y, caches)
    for key in grads_fused:
        np.testing.assert_allclose(grads_formula[key], grads_fused[key], rtol=1e-9, atol=1e-12)


def test_the_check_catches_a_missing_one_over_m():
    X, Y, params = _network([4, 3, 1], m=7, seed=0)
    AL, caches = dn.L_model_forward(X, params)
    grads = dn.L_model_backward(AL, Y, caches)
    wrong = {k: v * 7 if k.startswith("dW") else v for k, v in grads.items()}
    error = gradient_check(lambda p: dn.compute_cost(dn.L_model_forward(X, p)[0], Y), params, wrong)
    assert error > 0.1
