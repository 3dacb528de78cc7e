"""Unit tests of course_lib/c2_improving_dnns/input_normalization.py."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns import input_normalization as inn


@given(seed=st.integers(0, 10_000), scale=st.floats(1e-3, 1e4), shift=st.floats(-1e3, 1e3))
def test_normalized_has_zero_mean_unit_variance(seed, scale, shift):
    X = np.random.default_rng(seed).standard_normal((3, 50)) * scale + shift
    X_norm, mu, sigma2 = inn.normalize_inputs(X)
    assert mu.shape == (3, 1) and sigma2.shape == (3, 1)
    np.testing.assert_allclose(X_norm.mean(axis=1), 0, atol=1e-9)
    np.testing.assert_allclose((X_norm**2).mean(axis=1), 1, rtol=1e-9)


def test_known_values_and_1_over_m_variance():
    X = np.array([[1.0, 3.0], [0.0, 10.0]])
    X_norm, mu, sigma2 = inn.normalize_inputs(X)
    np.testing.assert_allclose(mu, [[2.0], [5.0]])
    np.testing.assert_allclose(sigma2, [[1.0], [25.0]])  # 1/m, not 1/(m-1)
    np.testing.assert_allclose(X_norm, [[-1.0, 1.0], [-1.0, 1.0]])


def test_dev_set_uses_training_statistics():
    X_train = np.array([[0.0, 2.0, 4.0]])
    X_dev = np.array([[10.0, 12.0]])
    _, mu, sigma2 = inn.normalize_inputs(X_train)
    dev = inn.apply_normalization(X_dev, mu, sigma2)
    np.testing.assert_allclose(dev, (X_dev - 2.0) / np.sqrt(8 / 3))
    assert abs(dev.mean()) > 1  # NOT re-centred on itself


def test_errors():
    with pytest.raises(ValueError, match="zero variance"):
        inn.normalize_inputs(np.ones((2, 4)))
    assert np.all(np.isfinite(inn.normalize_inputs(np.ones((2, 4)), epsilon=1e-8)[0]))
    with pytest.raises(ValueError, match=r"\(n_x, 1\)"):
        inn.apply_normalization(np.ones((2, 4)), np.ones((2,)), np.ones((2, 1)))


def test_normalising_speeds_up_gradient_descent():
    X, y = inn.make_scaled_regression()
    X_norm, _, _ = inn.normalize_inputs(X)
    assert inn.largest_stable_learning_rate(X_norm) > 100 * inn.largest_stable_learning_rate(X)
    slow, fast = inn.steps_to_converge(X, y), inn.steps_to_converge(X_norm, y)
    assert fast * 20 < slow
    # above the stability bound gradient descent diverges
    lr = 1.05 * inn.largest_stable_learning_rate(X)
    path = inn.gradient_descent_path(X, y, lr, 400)
    assert inn.linear_cost(path[-1].reshape(2, 1), X, y) > inn.linear_cost(
        path[0].reshape(2, 1), X, y
    )


def test_cost_grid_matches_linear_cost():
    X, y = inn.make_scaled_regression(m=30)
    G1, G2, J = inn.cost_grid(X, y, (-1, 1), (-0.1, 0.1), resolution=7)
    assert J.shape == (7, 7)
    assert J[3, 5] == pytest.approx(inn.linear_cost(np.array([[G1[3, 5]], [G2[3, 5]]]), X, y))
    g = inn.linear_gradients(np.array([[0.3], [0.01]]), X, y)
    assert g.shape == (2, 1)
