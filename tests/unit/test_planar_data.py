"""The planar "flower" data set: shapes, determinism, geometry, and the lesson's claims."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.data import load_planar_dataset


def test_shapes_dtypes_and_balance():
    X, Y = load_planar_dataset()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.uint8
    assert set(np.unique(Y)) == {0, 1} and Y.sum() == 200
    X_odd, Y_odd = load_planar_dataset(m=51)
    assert X_odd.shape == (2, 51) and int((Y_odd == 0).sum()) == 26


def test_same_seed_same_data_and_global_generator_untouched():
    np.random.seed(123)  # noqa: NPY002
    state = np.random.get_state()[1].copy()  # noqa: NPY002
    X1, Y1 = load_planar_dataset(seed=5)
    X2, Y2 = load_planar_dataset(seed=5)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.array_equal(X1, load_planar_dataset(seed=6)[0])
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # noqa: NPY002


def test_without_noise_points_lie_on_the_rose_and_classes_own_petals():
    X, Y = load_planar_dataset(noise=0.0, petal_length=3.0)
    r, t = np.hypot(X[0], X[1]), np.arctan2(X[1], X[0])
    np.testing.assert_allclose(r, 3.0 * np.abs(np.sin(4 * t)), atol=1e-12)
    petal = np.floor((t % (2 * np.pi)) / (np.pi / 4)).astype(int)
    # class 0 on the petals nearest the x1 axis, class 1 on those nearest the x2 axis
    np.testing.assert_array_equal(Y[0], np.isin(petal, [1, 2, 5, 6]).astype(np.uint8))


def test_classes_are_centred_on_the_origin():
    X, Y = load_planar_dataset(m=4000)
    for label in (0, 1):
        assert np.abs(X[:, Y[0] == label].mean(axis=1)).max() < 0.1


def test_invalid_arguments():
    with pytest.raises(ValueError, match="m must be"):
        load_planar_dataset(m=1)
    with pytest.raises(ValueError, match="noise"):
        load_planar_dataset(noise=-0.1)


def test_logistic_regression_fails_and_four_tanh_units_succeed():
    X, Y = load_planar_dataset()
    d = lr.model(X, Y, X, Y, num_iterations=1000, learning_rate=0.5)
    assert lr.accuracy(d["Y_prediction_train"], Y) <= 0.6
    parameters, _ = sn.train_shallow_network(X, Y, 4, 3000)
    assert np.mean(sn.predict(parameters, X) == Y) >= 0.9
