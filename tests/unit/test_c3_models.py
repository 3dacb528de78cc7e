"""The shared Course 3 classifiers: they learn, and they say clearly what is wrong."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns.diagnosis import noisy_moons
from course_lib.c3_structuring_ml import models


@pytest.fixture(scope="module")
def moons():
    return noisy_moons(200, noise=0.1, seed=0)


def test_network_beats_logistic_regression_on_moons(moons):
    X, Y = moons
    line = models.train_classifier(X, Y, hidden_layers=(), num_iterations=300)
    net = models.train_classifier(X, Y, hidden_layers=(16, 16), num_iterations=1500)
    assert set(line) == {"W1", "b1"}
    assert models.error_rate(X, Y, net) < 0.05 < models.error_rate(X, Y, line)


def test_predict_uses_the_threshold(moons):
    X, Y = moons
    params = models.train_classifier(X, Y, num_iterations=200)
    proba = models.predict_proba(X, params)
    assert proba.shape == (1, X.shape[1]) and np.all((proba >= 0) & (proba <= 1))
    np.testing.assert_array_equal(models.predict(X, params, 0.3), (proba > 0.3).astype(float))
    assert models.predict(X, params, 1.0).sum() == 0
    assert models.predict(X, params, 0.0).sum() == X.shape[1]


def test_same_seed_same_model(moons):
    X, Y = moons
    a = models.train_classifier(X, Y, num_iterations=50, seed=4)
    b = models.train_classifier(X, Y, num_iterations=50, seed=4)
    np.testing.assert_array_equal(a["W1"], b["W1"])


def test_clear_errors(moons):
    X, Y = moons
    params = models.train_classifier(X, Y, num_iterations=10)
    with pytest.raises(ValueError, match="threshold"):
        models.predict(X, params, 1.5)
    with pytest.raises(ValueError, match=r"\(n_x, m\)"):
        models.predict_proba(X.T, params)
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        models.error_rate(X, Y.ravel(), params)
