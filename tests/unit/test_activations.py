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
