"""Tests of course_lib.c2_improving_dnns.frameworks_tf (TensorFlow by nature: its own twin)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import softmax as sm

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def tb(tf):
    from course_lib.c2_improving_dnns import frameworks_tf

    return frameworks_tf


def test_minimum_of_the_lecture_cost(tb):
    w, history = tb.minimize_quadratic()
    assert abs(w - 5.0) < 1e-4
    assert history.shape == (1001,) and history[0] == 0.0
    assert history[1] == pytest.approx(0.1, rel=1e-4)  # Adam's first step is ~alpha


def test_coefficients_as_data(tb):
    w, _ = tb.minimize_quadratic(np.array([2.0, 4.0, -1.0]), 0.1, 1000)
    assert w == pytest.approx(-1.0, abs=1e-3)  # -x1 / (2 x0)
    plus, _ = tb.minimize_quadratic(np.array([1.0, 10.0, 25.0]), 0.1, 1000)
    assert plus == pytest.approx(-5.0, abs=1e-3)  # the seed's "+10w" has its minimum at -5
    assert float(tb.quadratic_cost(5.0, [1.0, -10.0, 25.0])) == 0.0


def test_minimize_validates(tb):
    with pytest.raises(ValueError, match=r"\(3,\)"):
        tb.minimize_quadratic(np.ones(2))
    with pytest.raises(ValueError, match="num_steps"):
        tb.minimize_quadratic(num_steps=-1)


def test_one_hot_matrix(tb):
    out = tb.one_hot_matrix(2, 4)
    assert out.shape == (4,)
    np.testing.assert_array_equal(out.numpy(), [0, 0, 1, 0])
    assert tb.one_hot_matrix(5).shape == (6,)


def test_compute_total_loss_sums(tb, rng):
    Z = rng.standard_normal((6, 5))
    Y = sm.one_hot(rng.integers(0, 6, (1, 5)), 6)
    total = float(tb.compute_total_loss(Z, Y))
    assert total == pytest.approx(5 * sm.softmax_cost_from_logits(Z, Y), rel=1e-5)
    with pytest.raises(ValueError, match=r"\(C, m\)"):
        tb.compute_total_loss(Z, Y.T)


def test_fit_and_tape_agree(tb):
    X, labels = sm.make_multiclass_data("blobs", m=90, C=3, seed=1)
    Y = sm.one_hot(labels, 3)
    p_fit, h_fit = tb.train_with_fit(X, Y, [2, 8, 3], 0.1, epochs=40)
    p_tape, h_tape = tb.train_with_gradient_tape(X, Y, [2, 8, 3], 0.1, epochs=40)
    np.testing.assert_allclose(h_tape["loss"], h_fit["loss"], rtol=1e-5)
    for key in p_fit:
        np.testing.assert_allclose(p_tape[key], p_fit[key], rtol=1e-4, atol=1e-6)
    assert h_fit["loss"][-1] < h_fit["loss"][0]
    assert h_fit["accuracy"][-1] > 0.9


def test_mini_batches(tb):
    X, labels = sm.make_multiclass_data("blobs", m=64, C=3, seed=5)
    Y = sm.one_hot(labels, 3)
    _, h_fit = tb.train_with_fit(X, Y, [2, 8, 3], 0.05, epochs=3, batch_size=16)
    _, h_tape = tb.train_with_gradient_tape(X, Y, [2, 8, 3], 0.05, epochs=3, batch_size=16)
    assert len(h_tape["loss"]) == 3
    np.testing.assert_allclose(h_tape["accuracy"], h_fit["accuracy"], atol=1 / 64 + 1e-9)
    np.testing.assert_allclose(h_tape["loss"], h_fit["loss"], rtol=1e-4)
