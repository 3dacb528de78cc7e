"""NumPy reference vs the Keras twins of regularization (course_lib ... regularization_tf).

Keras computes in float32: costs agree to ~1e-6 relative, gradients to ~1e-6 absolute for
entries of order 1. Dropout masks come from different generators, so dropout is compared
statistically (the scale of kept units, the mean, the identity at inference).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import input_normalization as inn
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.exercises import random_network

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c2_improving_dnns import regularization_tf

    return regularization_tf


@pytest.mark.parametrize("lambd", [0.0, 0.7, 5.0])
def test_l2_cost_and_gradients(twin, lambd):
    X, Y, parameters = random_network([3, 20, 3, 1], 12, np.random.default_rng(1), 0.5, 0.3)
    A3, cache = reg.forward_propagation(X, parameters)
    cost = reg.compute_cost_with_regularization(A3, Y, parameters, lambd)
    assert twin.compute_cost_with_regularization(X, Y, parameters, lambd) == pytest.approx(
        cost, rel=1e-5
    )
    grads = reg.backward_propagation_with_regularization(X, Y, cache, lambd)
    tf_grads = twin.backward_propagation_with_regularization(X, Y, parameters, lambd)
    for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3"):
        np.testing.assert_allclose(tf_grads[key], grads[key], rtol=1e-4, atol=1e-6)


def test_forward_parity(twin):
    X, _, parameters = random_network([3, 20, 3, 1], 9, np.random.default_rng(2), 0.5, 0.3)
    A3_tf, _ = twin.forward_propagation(X, parameters)
    np.testing.assert_allclose(
        A3_tf, reg.forward_propagation(X, parameters)[0], rtol=1e-5, atol=1e-7
    )


def test_dropout_is_inverted_and_off_at_inference(twin):
    A = np.random.default_rng(0).random((100, 500)) + 0.5
    keep = 0.8
    out = twin.dropout(A, keep, training=True, seed=3)
    kept = out != 0
    np.testing.assert_allclose(out[kept], A[kept] / keep, rtol=1e-6)  # scaled by 1/keep_prob
    assert abs(kept.mean() - keep) < 0.01
    assert abs(out.mean() / A.mean() - 1) < 0.01  # E[output] = input
    np.testing.assert_allclose(twin.dropout(A, keep, training=False), A, rtol=1e-6)
    # the NumPy side has the same statistics
    X, _, parameters = random_network([3, 100, 1], 500, np.random.default_rng(0))
    _, caches = reg.L_model_forward_with_dropout(X, parameters, [keep], np.random.default_rng(0))
    assert abs(caches[0][2].mean() - keep) < 0.01


def test_normalization_statistics_exact(twin):
    X = np.random.default_rng(3).standard_normal((3, 200)) * [[1.0], [20.0], [0.1]] + [
        [2],
        [-5],
        [0],
    ]
    X_norm, mu, sigma2 = inn.normalize_inputs(X)
    X_k, mu_k, sigma2_k = twin.normalize_inputs(X)
    np.testing.assert_allclose(mu_k, mu, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(sigma2_k, sigma2, rtol=1e-5)
    np.testing.assert_allclose(X_k, X_norm, atol=1e-5)
    X_dev = X[:, :20] + 1
    np.testing.assert_allclose(twin.apply_normalization(X_dev, mu, sigma2),
                               inn.apply_normalization(X_dev, mu, sigma2), atol=1e-5)  # fmt: skip


def test_flip_exact_and_augmentation_statistics(twin):
    images = np.random.default_rng(4).random((6, 12, 16, 3))
    np.testing.assert_allclose(twin.horizontal_flip(images), reg.horizontal_flip(images), atol=1e-7)
    augmented = twin.augment_images(images, seed=1)
    assert augmented.shape == images.shape
    # label-preserving, mild transforms keep the intensity statistics
    assert abs(augmented.mean() - images.mean()) < 0.05
    mine = reg.augment_images(images, np.random.default_rng(1))
    assert abs(mine.mean() - augmented.mean()) < 0.05
