"""NumPy vs TensorFlow: the localisation and landmark losses agree in float64."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import localization as loc

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def lt(tf):
    from course_lib.c4_convnets import localization_tf

    return localization_tf


def _data(seed=0, m=9, n=8):
    rng = np.random.default_rng(seed)
    Y = rng.uniform(0, 1, (m, n))
    Y[:, 0] = rng.integers(0, 2, m)
    Y[:, 5:] = np.eye(n - 5)[rng.integers(0, n - 5, m)] if n > 5 else Y[:, 5:]
    return rng.normal(0, 2, (m, n)), Y


def test_course_loss(lt):
    Z, Y = _data()
    assert np.isclose(lt.localization_loss(Z, Y), loc.localization_loss(Z, Y), rtol=1e-12)


@pytest.mark.parametrize("box_weight", [1.0, 10.0])
def test_practical_loss(lt, box_weight):
    Z, Y = _data(1)
    assert np.isclose(
        lt.practical_localization_loss(Z, Y, box_weight),
        loc.practical_localization_loss(Z, Y, box_weight),
        rtol=1e-10,
    )


def test_landmark_loss(lt):
    Z, Y = _data(2, n=7)
    assert np.isclose(lt.landmark_loss(Z, Y), loc.landmark_loss(Z, Y), rtol=1e-10)


def test_gradient_of_the_course_loss(lt, tf):
    Z, Y = _data(3)
    Zt = tf.Variable(Z, dtype=tf.float64)
    with tf.GradientTape() as tape:
        d2 = tf.square(Zt - Y)
        J = tf.reduce_mean(tf.where(Y[:, 0] == 1, tf.reduce_sum(d2, 1), d2[:, 0]))
    _, cache = loc.localization_loss_forward(Z, Y)
    mine = loc.localization_loss_backward(1.0, cache)["dY_hat"]
    assert np.allclose(tape.gradient(J, Zt).numpy(), mine, atol=1e-12)
