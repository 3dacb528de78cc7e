"""Gradient checks (float64, relative error < 1e-7) of the ConvNet's backward passes:
the "same" convolution, the first-maximum max-pool, and the whole network."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns.softmax import convert_to_one_hot
from course_lib.c4_convnets import convnet as cn
from course_lib.gradient_check import check_backward, gradient_check, relative_difference


def _conv_same(A_prev, W, b):
    return cn.conv_same_forward(A_prev, W, b, stride=1)


def _conv_same_back(dZ, cache):
    dA, dW, db = cn.conv_same_backward(dZ, cache)
    return {"dA_prev": dA, "dW": dW, "db": db}


@pytest.mark.parametrize("f", [2, 3, 4])
def test_conv_same_backward(rng, f):
    inputs = {
        "A_prev": rng.normal(size=(2, 5, 6, 3)),
        "W": rng.normal(size=(f, f, 3, 2)),
        "b": rng.normal(size=(1, 1, 1, 2)),
    }
    errors = check_backward(_conv_same, _conv_same_back, inputs, wrt=["A_prev", "W", "b"])
    assert max(errors.values()) < 1e-7, errors


def _tiny_problem(side=32, n_C=1, m=2, seed=0, flat_background=False):
    rng = np.random.default_rng(seed)
    p = cn.initialize_parameters((side, side, n_C), n_classes=4, seed=seed)
    for key in ("b1", "b2", "b3"):
        p[key] = rng.normal(0, 0.3, p[key].shape)
    X = rng.uniform(0, 1, (m, side, side, n_C))
    if flat_background:  # real images: a zero background, so pooling windows tie
        X[:, : side // 2] = 0.0
    Y = convert_to_one_hot(rng.integers(0, 4, (1, m)), 4)
    return X, Y, p


def test_whole_network_parameters():
    # The course's flattened-theta check on every entry of W1, b1, b2, W3, b3 and 128 of
    # W2's 512 (all of them double the time and add nothing W2's sample does not test).
    X, Y, p = _tiny_problem(m=1)
    grads, _ = cn.compute_gradients(X, Y, p)
    differences = cn.gradient_check_entries(X, Y, p, entries=128, seed=0)
    assert max(differences.values()) < 1e-7, differences
    # the same check through course_lib.gradient_check on the dense layer alone
    dense = {"W3": p["W3"], "b3": p["b3"]}

    def cost(q):
        return cn.compute_cost(cn.forward_propagation(X, {**p, **q}), Y)

    assert gradient_check(cost, dense, {"dW3": grads["dW3"], "db3": grads["db3"]}) < 1e-7


def test_whole_network_with_tied_windows_and_three_channels():
    # A flat background plus b1 makes whole 8x8 windows equal: the every-maximum mask
    # would multiply db1 by the number of ties; the first-maximum rule stays exact.
    X, Y, p = _tiny_problem(n_C=3, m=2, seed=1, flat_background=True)
    differences = cn.gradient_check_entries(X, Y, p, entries=15, seed=1)
    assert max(differences.values()) < 1e-7, differences


def test_whole_network_input_gradient():
    # dX of 2 x 32 x 32 images: a seeded sample of 60 entries (all 2,048 take too long).
    X, Y, p = _tiny_problem(m=2, seed=2)
    Z3, caches = cn.convnet_forward(X, p)
    dX = cn.backward_propagation(Z3, Y, caches)["dX"]
    chosen = np.random.default_rng(3).choice(X.size, 60, replace=False)
    flat = X.reshape(-1)  # a view into X
    approx = []
    for i in chosen:
        original = flat[i]
        flat[i] = original + 1e-6
        plus = cn.compute_cost(cn.forward_propagation(X, p), Y)
        flat[i] = original - 1e-6
        minus = cn.compute_cost(cn.forward_propagation(X, p), Y)
        flat[i] = original
        approx.append((plus - minus) / 2e-6)
    assert relative_difference(np.array(approx), dX.reshape(-1)[chosen]) < 1e-7
    assert np.count_nonzero(dX.reshape(-1)[chosen]) > 10  # the sample is not all zeros
