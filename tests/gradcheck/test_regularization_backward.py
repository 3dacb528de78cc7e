"""Gradient checks of every backward pass in regularization.py and gradient_checking.py
(float64, centred differences, relative error < 1e-7)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.exercises import random_network
from course_lib.gradient_check import gradient_check

TOL = 1e-7


def _net(dims, m=6, seed=0):
    # non-zero biases keep every ReLU away from its kink
    return random_network(dims, m, np.random.default_rng(seed), 0.8, 0.5)


@pytest.mark.parametrize("lambd", [0.0, 0.7])
def test_three_layer_backward_with_regularization(lambd):
    X, Y, parameters = _net([3, 20, 3, 1])
    _, cache = reg.forward_propagation(X, parameters)
    grads = reg.backward_propagation_with_regularization(X, Y, cache, lambd)

    def cost(p):
        return reg.compute_cost_with_regularization(reg.forward_propagation(X, p)[0], Y, p, lambd)

    assert gradient_check(cost, parameters, grads, epsilon=1e-6) < TOL


@pytest.mark.parametrize("lambd", [0.0, 0.5])
def test_three_layer_backward_with_dropout(lambd):
    X, Y, parameters = _net([3, 20, 3, 1], seed=1)
    _, cache = reg.forward_propagation_with_dropout(X, parameters, 0.7)
    grads = reg.backward_propagation_with_dropout(X, Y, cache, 0.7, lambd)

    def cost(p):  # the same masks on every evaluation: seed 1 is re-drawn each call
        A3, _ = reg.forward_propagation_with_dropout(X, p, 0.7)
        return reg.compute_cost_with_regularization(A3, Y, p, lambd)

    assert gradient_check(cost, parameters, grads, epsilon=1e-6) < TOL


@pytest.mark.parametrize("penalty", ["l2", "l1"])
def test_generic_backward_with_per_layer_dropout(penalty):
    X, Y, parameters = _net([4, 6, 5, 3, 1], seed=2)
    keep = [0.6, 1.0, 0.8]
    AL, caches = reg.L_model_forward_with_dropout(X, parameters, keep, np.random.default_rng(7))
    grads = reg.L_model_backward_with_regularization(AL, Y, caches, 0.9, penalty)
    cost_of = reg.compute_cost_with_regularization if penalty == "l2" else reg.compute_cost_with_l1

    def cost(p):
        A, _ = reg.L_model_forward_with_dropout(X, p, keep, np.random.default_rng(7))
        return cost_of(A, Y, p, 0.9)

    assert gradient_check(cost, parameters, grads, epsilon=1e-6) < TOL


def test_gradient_checking_network_backward():
    X, Y, parameters = _net(list(gc.LAYER_DIMS), seed=3)
    _, cache = gc.forward_propagation_n(X, Y, parameters)
    grads = gc.backward_propagation_n(X, Y, cache)
    assert (
        gradient_check(lambda p: gc.forward_propagation_n(X, Y, p)[0], parameters, grads, 1e-6)
        < TOL
    )
    buggy = gc.backward_propagation_n_buggy(X, Y, cache)
    assert (
        gradient_check(lambda p: gc.forward_propagation_n(X, Y, p)[0], parameters, buggy, 1e-6)
        > 1e-3
    )


def test_linear_regression_gradient():
    from course_lib.c2_improving_dnns import input_normalization as inn
    from course_lib.gradient_check import numerical_gradient, relative_difference

    X, y = inn.make_scaled_regression(m=20)
    w = np.array([[0.3], [-0.02]])
    numeric = numerical_gradient(lambda v: inn.linear_cost(v, X, y), w, 1e-6)
    assert relative_difference(numeric, inn.linear_gradients(w, X, y)) < TOL
