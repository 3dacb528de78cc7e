"""sigmoid: the course's values, shapes and dtypes, stability at |z| = 1e4, properties."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_lib.c1_neural_networks.activations import sigmoid

finite_floats = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
float_arrays = hnp.arrays(
    np.float64, hnp.array_shapes(max_dims=3, max_side=6), elements=finite_floats
)


def test_course_values():
    np.testing.assert_allclose(sigmoid(np.array([0, 2])), [0.5, 0.88079708], rtol=0, atol=1e-8)


def test_known_values_match_the_textbook_formula():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15, atol=0)


def test_scalar_in_scalar_out():
    out = sigmoid(0)
    assert np.ndim(out) == 0
    assert out == 0.5
    assert isinstance(sigmoid(2.0), float | np.floating)


@pytest.mark.parametrize("shape", [(1, 7), (3, 4), (2, 3, 5), (0,)])
def test_shape_is_kept(shape):
    z = np.random.default_rng(0).standard_normal(shape)
    assert sigmoid(z).shape == shape


def test_int_and_bool_inputs_become_float64_and_float32_stays_float32():
    assert sigmoid(np.array([0, 1])).dtype == np.float64
    assert sigmoid(np.array([True, False])).dtype == np.float64
    assert sigmoid(np.array([0.5], dtype=np.float32)).dtype == np.float32


def test_does_not_modify_its_input():
    z = np.array([-3.0, 0.0, 3.0])
    before = z.copy()
    sigmoid(z)
    np.testing.assert_array_equal(z, before)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extreme_inputs_are_exact_and_silent(dtype):
    z = np.array([1e4, -1e4, 800.0, -800.0, np.finfo(dtype).max, -np.finfo(dtype).max], dtype=dtype)
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        out = sigmoid(z)
    assert np.all(np.isfinite(out))
    np.testing.assert_array_equal(out, [1, 0, 1, 0, 1, 0])


def test_moderately_negative_inputs_keep_relative_precision():
    # 1 - 1/(1 + e^-z) would lose everything here; e^z / (1 + e^z) keeps it.
    np.testing.assert_allclose(sigmoid(-50.0), np.exp(-50.0) / (1 + np.exp(-50.0)), rtol=1e-14)
    assert sigmoid(-700.0) > 0


@given(float_arrays)
def test_values_are_in_unit_interval(z):
    out = sigmoid(z)
    assert np.all((out >= 0) & (out <= 1))


@given(float_arrays)
def test_symmetry(z):
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), rtol=0, atol=1e-15)


@given(hnp.arrays(np.float64, st.integers(2, 30), elements=finite_floats))
def test_monotone(z):
    z = np.sort(z)
    assert np.all(np.diff(sigmoid(z)) >= 0)


@given(st.floats(-10, 10))
def test_derivative_is_sigma_times_one_minus_sigma(z):
    # sigma'(z) = sigma(z)(1 - sigma(z)), the identity logistic_backward relies on.
    h = 1e-5
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    assert numeric == pytest.approx(sigmoid(z) * (1 - sigmoid(z)), rel=1e-6, abs=1e-10)


# --- tanh, ReLU, leaky ReLU, linear and the derivatives (lesson 02) ---------------------

from course_lib.c1_neural_networks import activations as act  # noqa: E402
from course_lib.c1_neural_networks.activations_checks import (  # noqa: E402
    check_relu_derivative,
    check_tanh_derivative,
)

FUNCTIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]


def test_known_values_of_the_other_activations():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(act.tanh(z), [-0.96402758, -0.46211716, 0, 0.46211716, 0.96402758])
    np.testing.assert_array_equal(act.relu(z), [0, 0, 0, 0.5, 2])
    np.testing.assert_allclose(act.leaky_relu(z), [-0.02, -0.005, 0, 0.5, 2])
    np.testing.assert_allclose(act.leaky_relu(z, slope=0.2), [-0.4, -0.1, 0, 0.5, 2])
    np.testing.assert_array_equal(act.linear(z), z)


def test_known_values_of_the_derivatives():
    z = np.array([-2.0, 0.0, 2.0])
    np.testing.assert_allclose(act.sigmoid_derivative(z), [0.10499359, 0.25, 0.10499359])
    np.testing.assert_allclose(act.tanh_derivative(z), [0.07065082, 1.0, 0.07065082])
    # ReLU'(0) = 0 as in the course's relu_backward (dZ[Z <= 0] = 0) and in Keras; leaky
    # ReLU takes the same (left) side at the kink: its slope.
    np.testing.assert_array_equal(act.relu_derivative(z), [0, 0, 1])
    np.testing.assert_array_equal(act.leaky_relu_derivative(z), [0.01, 0.01, 1])
    np.testing.assert_array_equal(act.leaky_relu_derivative(z, slope=0.3), [0.3, 0.3, 1])
    np.testing.assert_array_equal(act.linear_derivative(z), [1, 1, 1])


@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=st.floats(-20, 20))
)
def test_tanh_is_a_shifted_and_rescaled_sigmoid(z):
    np.testing.assert_allclose(act.tanh(z), 2 * act.sigmoid(2 * z) - 1, rtol=0, atol=1e-14)


@given(st.floats(-8, 8).filter(lambda z: abs(z) > 1e-3))
def test_every_derivative_matches_centred_differences(z):
    h = 1e-6
    for name in FUNCTIONS:
        g, g_prime = act.ACTIVATIONS[name]
        numeric = (g(z + h) - g(z - h)) / (2 * h)
        assert g_prime(z) == pytest.approx(numeric, rel=1e-6, abs=1e-9), name


def test_derivative_maxima():
    z = np.linspace(-10, 10, 2001)
    assert act.sigmoid_derivative(z).max() == pytest.approx(0.25)
    assert act.tanh_derivative(z).max() == pytest.approx(1.0)
    assert z[np.argmax(act.sigmoid_derivative(z))] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("shape", [(), (4,), (3, 5), (2, 3, 4)])
def test_shapes_are_kept(name, shape):
    z = np.random.default_rng(0).standard_normal(shape)
    g, g_prime = act.ACTIVATIONS[name]
    assert np.shape(g(z)) == shape
    assert np.shape(g_prime(z)) == shape


@pytest.mark.parametrize("name", FUNCTIONS)
def test_float32_stays_float32_and_ints_become_float64(name):
    g, g_prime = act.ACTIVATIONS[name]
    z32 = np.array([-1.5, 0.0, 2.0], dtype=np.float32)
    assert g(z32).dtype == np.float32
    assert g_prime(z32).dtype == np.float32
    assert g(np.array([-1, 0, 2])).dtype == np.float64
    assert g_prime(np.array([-1, 0, 2])).dtype == np.float64


@pytest.mark.parametrize("name", FUNCTIONS)
def test_extreme_inputs_are_finite_and_silent(name):
    g, g_prime = act.ACTIVATIONS[name]
    z = np.array([-1e4, -800.0, 0.0, 800.0, 1e4])
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.all(np.isfinite(g(z)))
        assert np.all(np.isfinite(g_prime(z)))


def test_saturating_derivatives_vanish_at_both_ends_but_relu_does_not():
    z = np.array([-20.0, 20.0])
    assert np.all(act.sigmoid_derivative(z) < 1e-8)
    assert np.all(act.tanh_derivative(z) < 1e-15)
    np.testing.assert_array_equal(act.relu_derivative(z), [0, 1])
    np.testing.assert_array_equal(act.leaky_relu_derivative(z), [0.01, 1])


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=finite_floats))
def test_relu_and_leaky_relu_properties(z):
    assert np.all(act.relu(z) >= 0)
    np.testing.assert_array_equal(act.relu(z), np.maximum(z, 0))
    np.testing.assert_allclose(act.leaky_relu(z), np.maximum(0.01 * z, z))
    np.testing.assert_array_equal(act.relu(z) - act.relu(-z), z)  # relu(z) - relu(-z) = z


def test_tanh_is_odd_and_zero_centred():
    z = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(act.tanh(-z), -act.tanh(z))
    assert act.tanh(0.0) == 0.0 and act.sigmoid(0.0) == 0.5


def test_linear_returns_a_copy():
    z = np.array([1.0, 2.0])
    out = act.linear(z)
    out[0] = 99
    assert z[0] == 1.0


@pytest.mark.parametrize("name", FUNCTIONS)
def test_activation_forward_and_backward(name):
    rng = np.random.default_rng(1)
    Z, dA = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    g, g_prime = act.ACTIVATIONS[name]
    A, cache = act.activation_forward(Z, name)
    np.testing.assert_array_equal(A, g(Z))
    np.testing.assert_array_equal(cache, Z)
    np.testing.assert_array_equal(act.activation_backward(dA, cache, name), dA * g_prime(Z))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_named_forward_backward_pairs_equal_the_generic_ones(name):
    rng = np.random.default_rng(2)
    Z, dA = rng.standard_normal((2, 5)), rng.standard_normal((2, 5))
    forward, backward = getattr(act, f"{name}_forward"), getattr(act, f"{name}_backward")
    A, cache = forward(Z)
    np.testing.assert_array_equal(A, act.activation_forward(Z, name)[0])
    np.testing.assert_array_equal(backward(dA, cache), act.activation_backward(dA, Z, name))


def test_unknown_activation_and_mismatched_dA_are_explained():
    with pytest.raises(ValueError, match="activation must be one of"):
        act.activation_forward(np.zeros((2, 2)), "softplus")
    with pytest.raises(ValueError, match=r"dA must have the shape of Z, \(n\[l\], m\) = \(2, 3\)"):
        act.activation_backward(np.zeros((3, 2)), np.zeros((2, 3)), "relu")


# --- the exercise checks -----------------------------------------------------------------


def _stub(z):
    raise NotImplementedError


@pytest.mark.parametrize(
    ("check", "good"),
    [
        (check_relu_derivative, act.relu_derivative),
        (check_relu_derivative, lambda z: (np.asarray(z) > 0).astype(float)),
        (check_tanh_derivative, act.tanh_derivative),
        (check_tanh_derivative, lambda z: 4 / (np.exp(z) + np.exp(-z)) ** 2),  # sech^2
    ],
)
def test_checks_pass_correct_versions(check, good):
    with np.errstate(over="ignore"):  # sech^2 by hand: exp overflows to inf, 4 / inf = 0 is right
        assert check(good).passed


@pytest.mark.parametrize("check", [check_relu_derivative, check_tanh_derivative])
def test_checks_report_a_stub_as_not_attempted(check):
    result = check(_stub)
    assert result.status == "not attempted" and not result.passed


def test_check_relu_derivative_catches_the_z_equals_zero_convention():
    # g'(0) = 1 (the lecture's) is a valid subgradient too, but this workbook, like the
    # assignment's relu_backward and Keras, takes 0; the hint says both.
    result = check_relu_derivative(lambda z: (np.asarray(z) >= 0).astype(float))
    assert not result.passed
    assert "lecture's g'(0) = 1 is valid too" in result.message
    assert "relu_backward and Keras, uses g'(0) = 0" in result.message


@pytest.mark.parametrize(
    "wrong",
    [
        lambda z: np.maximum(0, z),  # the function, not its derivative
        lambda z: np.where(z >= 0, 1.0, 0.01),  # leaky ReLU's derivative
        lambda z: float(np.all(z >= 0)),  # one number instead of an array
    ],
)
def test_check_relu_derivative_rejects_wrong_versions(wrong):
    assert not check_relu_derivative(wrong).passed


@pytest.mark.parametrize(
    "wrong",
    [
        lambda z: 1 - np.tanh(z),  # forgot the square
        lambda z: 1 - z**2,  # squared z instead of tanh(z)
        lambda z: act.sigmoid(z) * (1 - act.sigmoid(z)),  # the sigmoid's derivative
    ],
)
def test_check_tanh_derivative_rejects_wrong_versions(wrong):
    result = check_tanh_derivative(wrong)
    assert not result.passed
    assert "differs" in result.message
