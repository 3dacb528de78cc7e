"""Gradient checks (float64, relative error < 1e-7) of every softmax backward pass."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import softmax as sm
from course_lib.gradient_check import (
    check_backward,
    gradient_check,
    numerical_gradient,
    relative_difference,
)


def _labels(rng, C, m):
    return sm.one_hot(rng.integers(0, C, (1, m)), C)


def test_dZ_is_yhat_minus_y_over_m(rng):
    Z = rng.standard_normal((4, 6)) * 2
    Y = _labels(rng, 4, 6)
    numeric = numerical_gradient(lambda z: sm.softmax_cost_from_logits(z, Y), Z)
    analytic = sm.softmax_backward(sm.softmax(Z), Y) / Z.shape[1]
    assert relative_difference(numeric, analytic) < 1e-7


def test_jacobian_backward(rng):
    errors = check_backward(
        sm.softmax_forward,
        lambda dA, cache: {"dZ": sm.softmax_jacobian_backward(dA, cache)},
        {"Z": rng.standard_normal((5, 4))},
        wrt=["Z"],
    )
    assert max(errors.values()) < 1e-7


@pytest.mark.parametrize("layers_dims", [[3, 4], [3, 5, 4], [2, 6, 5, 3]])
def test_whole_network_backward(layers_dims):
    rng = np.random.default_rng(sum(layers_dims))
    m = 8
    X = rng.standard_normal((layers_dims[0], m))
    Y = _labels(rng, layers_dims[-1], m)
    params = {}
    for l in range(1, len(layers_dims)):
        params[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1]))
        params[f"b{l}"] = rng.standard_normal((layers_dims[l], 1)) * 0.5  # keep off ReLU kinks
    grads, _ = sm.compute_gradients(X, Y, params)

    def cost(p):
        AL, _ = sm.forward_propagation(X, p)
        return sm.compute_cost(AL, Y)

    assert gradient_check(cost, params, grads) < 1e-7
