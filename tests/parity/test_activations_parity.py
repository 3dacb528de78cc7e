"""NumPy activations vs their Keras twins (course_lib.c1_neural_networks.activations_tf).

Tolerance: Keras computes in float32; values and derivatives of order 1 agree to a few
float32 roundings (~1e-7), so rtol = 1e-6 with atol = 1e-6 leaves a margin while a wrong
formula (missing square, wrong slope) differs by 1e-2 or more. The z grid avoids z = 0;
the kinks are tested separately below (both sides take the left slope there).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import activations as act

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-6, 1e-6
NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c1_neural_networks import activations_tf

    return activations_tf


@pytest.fixture
def Z():
    z = np.linspace(-12, 12, 60) + 0.05  # no entry is exactly 0
    return z.reshape(6, 10)


@pytest.mark.parametrize("name", NAMES)
def test_values(twin, Z, name):
    out = getattr(twin, name)(Z)
    assert out.shape == Z.shape and out.dtype == np.float32
    np.testing.assert_allclose(out, getattr(act, name)(Z), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", NAMES)
def test_derivatives_by_gradient_tape(twin, Z, name):
    out = getattr(twin, f"{name}_derivative")(Z)
    assert out.shape == Z.shape and out.dtype == np.float32
    np.testing.assert_allclose(out, getattr(act, f"{name}_derivative")(Z), rtol=RTOL, atol=ATOL)


def test_leaky_relu_uses_the_course_slope_not_keras_default(twin):
    z = np.array([-10.0, 10.0])
    np.testing.assert_allclose(twin.leaky_relu(z), [-0.1, 10.0], rtol=RTOL)
    np.testing.assert_allclose(twin.leaky_relu_derivative(z), [0.01, 1.0], rtol=RTOL)
    np.testing.assert_allclose(twin.leaky_relu(z, slope=0.2), act.leaky_relu(z, 0.2), rtol=RTOL)
    np.testing.assert_allclose(twin.leaky_relu_derivative(z, slope=0.3), [0.3, 1.0], rtol=RTOL)


def test_same_convention_at_the_kink(twin):
    # TensorFlow, the course's relu_backward and course_lib all take the left slope at z = 0.
    assert act.relu_derivative(0.0) == 0.0 and twin.relu_derivative(0.0) == 0.0
    assert act.leaky_relu_derivative(0.0) == 0.01
    assert twin.leaky_relu_derivative(0.0) == pytest.approx(0.01)
    Z, dA = np.array([[0.0, -1.0, 1.0]]), np.array([[3.0, 3.0, 3.0]])
    for name in ("relu", "leaky_relu"):
        np.testing.assert_allclose(
            twin.activation_backward(dA, Z, name), act.activation_backward(dA, Z, name)
        )


def test_scalars_and_extremes(twin):
    assert np.ndim(twin.sigmoid(0.0)) == 0 and twin.sigmoid(0.0) == 0.5
    np.testing.assert_array_equal(twin.sigmoid(np.array([1e4, -1e4])), [1.0, 0.0])
    np.testing.assert_array_equal(twin.tanh_derivative(np.array([1e4, -1e4])), [0.0, 0.0])
    # Saturated ends cannot tell tanh' from sigmoid' (both vanish); the middle can:
    # tanh'(0) = 1 but sigmoid'(0) = 1/4.
    assert twin.tanh_derivative(0.0) == pytest.approx(1.0, abs=1e-7)
    assert twin.sigmoid_derivative(0.0) == pytest.approx(0.25, abs=1e-7)


def test_derivatives_satisfy_their_identities_in_the_twin(twin, Z):
    # Checked inside the twin, without the NumPy reference: g' from the tape against g.
    t, s = twin.tanh(Z), twin.sigmoid(Z)
    np.testing.assert_allclose(twin.tanh_derivative(Z), 1 - t**2, rtol=0, atol=1e-6)
    np.testing.assert_allclose(twin.sigmoid_derivative(Z), s * (1 - s), rtol=0, atol=1e-6)
    dA = np.ones_like(Z)
    np.testing.assert_allclose(twin.activation_backward(dA, Z, "tanh"), 1 - t**2, atol=1e-6)


@pytest.mark.parametrize("name", NAMES)
def test_activation_forward_and_backward(twin, Z, name):
    dA = np.random.default_rng(0).standard_normal(Z.shape)
    A_tf, cache_tf = twin.activation_forward(Z, name)
    A, cache = act.activation_forward(Z, name)
    np.testing.assert_allclose(A_tf, A, rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(cache_tf, cache)
    dZ_tf = twin.activation_backward(dA, cache_tf, name)
    dZ = act.activation_backward(dA, cache, name)
    np.testing.assert_allclose(dZ_tf, dZ, rtol=1e-5, atol=ATOL)


def test_twin_errors(twin, Z):
    with pytest.raises(ValueError, match="activation must be one of"):
        twin.activation_forward(Z, "softplus")
    with pytest.raises(ValueError, match=r"dA must have the shape of Z"):
        twin.activation_backward(Z.T, Z, "relu")
