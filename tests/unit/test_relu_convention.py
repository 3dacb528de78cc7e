"""ReLU'(0) = 0 in every NumPy backward pass of course_lib, as in the course's relu_backward
(dZ[Z <= 0] = 0) and in Keras.

Each case builds a layer whose pre-activation is exactly 0 for one example (an input column
of zeros with b = 0, or the batch-norm example sitting at the batch mean with beta = 0),
and compares the backward pass with one written here with the mask 1[Z > 0]. Taking
ReLU'(0) = 1 instead changes db (and dW) by that example's share, which these catch.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import activations as act
from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import regularization as reg

# Example 0 is all zeros, so with b1 = 0 its Z1 column is exactly 0.
X = np.array([[0.0, 1.0, -2.0, 0.5], [0.0, -1.5, 0.3, 2.0]])
Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def _two_layer():
    rng = np.random.default_rng(1)
    return {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((1, 3)),
        "b2": np.array([[0.1]]),
    }


def _hand_backward(p, X, Y):
    """Backward of LINEAR->RELU->LINEAR->SIGMOID with ReLU'(z) = 1[z > 0]."""
    m = X.shape[1]
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.maximum(0, Z1)
    A2 = act.sigmoid(p["W2"] @ A1 + p["b2"])
    dZ2 = A2 - Y
    dZ1 = (p["W2"].T @ dZ2) * (Z1 > 0)
    return Z1, {
        "dW2": dZ2 @ A1.T / m,
        "db2": dZ2.sum(axis=1, keepdims=True) / m,
        "dW1": dZ1 @ X.T / m,
        "db1": dZ1.sum(axis=1, keepdims=True) / m,
    }


def test_the_derivative_and_the_layer_backward_take_zero_at_zero():
    Z = np.array([[-1.0, 0.0, 1e-300, 2.0]])
    np.testing.assert_array_equal(act.relu_derivative(Z), [[0, 0, 1, 1]])
    np.testing.assert_array_equal(act.relu_backward(np.full((1, 4), 5.0), Z), [[0, 0, 5, 5]])
    np.testing.assert_array_equal(act.leaky_relu_derivative(Z), [[0.01, 0.01, 1, 1]])
    assert act.relu_derivative(np.float32(0)).dtype == np.float32


def test_deep_network_backward():
    p = _two_layer()
    Z1, expected = _hand_backward(p, X, Y)
    assert np.any(Z1 == 0)  # the case really sits on the kink
    AL, caches = dn.L_model_forward(X, p)
    grads = dn.L_model_backward(AL, Y, caches)
    for key, value in expected.items():
        np.testing.assert_allclose(grads[key], value, rtol=1e-12, atol=1e-15, err_msg=key)


@pytest.mark.parametrize("penalty", ["l2", "l1"])
def test_regularised_l_layer_backward(penalty):
    p = _two_layer()
    _, expected = _hand_backward(p, X, Y)
    AL, caches = dn.L_model_forward(X, p)
    grads = reg.L_model_backward_with_regularization(AL, Y, caches, 0.0, penalty)
    for key, value in expected.items():
        np.testing.assert_allclose(grads[key], value, rtol=1e-12, atol=1e-15, err_msg=key)


def test_the_courses_three_layer_backward():
    rng = np.random.default_rng(2)
    p = {
        "W1": rng.standard_normal((3, 2)),
        "b1": np.zeros((3, 1)),
        "W2": rng.standard_normal((2, 3)),
        "b2": np.array([[0.2], [0.3]]),  # layer 2 stays active for example 0
        "W3": rng.standard_normal((1, 2)),
        "b3": np.zeros((1, 1)),
    }
    A3, cache = reg.forward_propagation(X, p)
    Z1, Z2 = cache[0], cache[4]
    assert np.all(Z1[:, 0] == 0) and np.all(Z2[:, 0] > 0)
    grads = reg.backward_propagation(X, Y, cache)
    # Gradient reaches A1 for the zero example but does not pass its ReLU (the course's
    # np.int64(A1 > 0)).
    assert np.all(grads["dA1"][:, 0] != 0)
    np.testing.assert_array_equal(grads["dZ1"][:, 0], 0)
    np.testing.assert_allclose(grads["dZ1"], grads["dA1"] * (Z1 > 0))
    np.testing.assert_allclose(grads["dZ2"], grads["dA2"] * (Z2 > 0))


def test_batch_norm_network_backward():
    # Hidden unit values -1, 0, 1 normalise to -c, 0, c: with beta = 0 the middle example's
    # Z_tilde is exactly 0 and must get no gradient through the ReLU.
    Xb = np.array([[-1.0, 0.0, 1.0]])
    Yb = np.array([[1.0, 0.0, 1.0]])
    p = {
        "W1": np.array([[1.0], [2.0]]),
        "gamma1": np.array([[1.5], [0.5]]),
        "beta1": np.zeros((2, 1)),
        "W2": np.array([[0.7, -1.2]]),
        "b2": np.array([[0.05]]),
    }
    AL, caches, _ = bn.L_model_forward_bn(Xb, p)
    Z_tilde = caches[0]["Z_tilde"]
    assert np.all(Z_tilde[:, 1] == 0)
    grads = bn.L_model_backward_bn(AL, Yb, caches)
    dA1 = p["W2"].T @ (AL - Yb)
    dZ, dgamma, dbeta = bn.batchnorm_backward(dA1 * (Z_tilde > 0), caches[0]["bn"])
    np.testing.assert_allclose(grads["dgamma1"], dgamma, rtol=1e-12)
    np.testing.assert_allclose(grads["dbeta1"], dbeta, rtol=1e-12)
    np.testing.assert_allclose(grads["dW1"], dZ @ Xb.T / 3, rtol=1e-12)
