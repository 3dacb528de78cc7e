"""NumPy multi-task cost, gradient and training vs the Keras twin (multitask_tf).

Keras computes in float32: values and gradients agree to ~1e-6; 100 training steps to 1e-4.
Probabilities stay inside (0.02, 0.98), away from Keras's clipping at 1e-7.
"""

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml.transfer import he_parameters

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c3_structuring_ml import multitask_tf

    return multitask_tf


def _problem(missing, seed, m=40, dims=(10, 8, 4)):
    X, Y = mt.driving_scenes(m, seed=seed)
    Y = mt.hide_labels(Y[: dims[-1]], missing, seed)
    params = he_parameters(list(dims), seed=seed)
    params["b1"] = np.full((dims[1], 1), 0.1)  # no ReLU on its kink (Keras: relu'(0) = 0)
    return X, Y, params


@pytest.mark.parametrize("missing", [0.0, 0.4, 0.9])
def test_cost_parity(twin, missing):
    rng = np.random.default_rng(1)
    AL = rng.uniform(0.02, 0.98, (4, 30))
    Y = mt.hide_labels((rng.random((4, 30)) > 0.5).astype(float), missing, seed=2)
    expected = mt.multitask_cost(AL, Y)
    assert twin.multitask_cost(AL, Y) == pytest.approx(expected, rel=RTOL)
    mask = mt.label_mask(Y)
    assert twin.multitask_cost(AL, np.nan_to_num(Y), mask) == pytest.approx(expected, rel=RTOL)


def test_the_keras_loss_gives_per_example_sums(twin, tf):
    AL = np.array([[0.1, 0.5], [0.8, 0.5], [0.7, 0.5], [0.4, 0.5]])
    Y = np.array([[0.0, np.nan], [1.0, np.nan], [np.nan, 1.0], [0.0, np.nan]])
    losses = twin.masked_binary_crossentropy(
        tf.constant(Y.T, tf.float32), tf.constant(AL.T, tf.float32)
    )
    expected = mt.multitask_loss(AL, Y).sum(axis=0)
    np.testing.assert_allclose(np.asarray(losses), expected, rtol=RTOL)
    np.testing.assert_allclose(np.asarray(losses)[1], np.log(2), rtol=RTOL)  # one label left


def test_without_missing_labels_it_is_keras_binary_crossentropy_times_n_y(twin, tf):
    import keras

    rng = np.random.default_rng(3)
    AL = rng.uniform(0.05, 0.95, (4, 12))
    Y = (rng.random((4, 12)) > 0.5).astype(float)
    keras_mean = float(keras.losses.BinaryCrossentropy()(Y.T, AL.T))  # mean over labels too
    assert twin.multitask_cost(AL, Y) == pytest.approx(4 * keras_mean, rel=RTOL)


@pytest.mark.parametrize("missing", [0.0, 0.5])
def test_dZ_parity(twin, missing):
    rng = np.random.default_rng(4)
    AL = rng.uniform(0.02, 0.98, (4, 25))
    Y = mt.hide_labels((rng.random((4, 25)) > 0.5).astype(float), missing, seed=4)
    np.testing.assert_allclose(
        twin.multitask_backward(AL, Y), mt.multitask_backward(AL, Y), rtol=1e-4, atol=1e-8
    )
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        twin.multitask_backward(np.ones((4, 25)), Y)


@pytest.mark.parametrize("missing", [0.0, 0.5])
@pytest.mark.parametrize("dims", [(10, 8, 4), (10, 6, 5, 4)], ids=str)
def test_model_backward_parity(twin, missing, dims):
    X, Y, params = _problem(missing, seed=5, dims=dims)
    AL, caches = dn.L_model_forward(X, params)
    grads = mt.multitask_model_backward(AL, Y, caches)
    grads_tf = twin.multitask_model_backward(X, Y, params)
    assert set(grads_tf) == {k for k in grads if not k.startswith("dA")}
    for key, value in grads_tf.items():
        np.testing.assert_allclose(value, grads[key], rtol=RTOL, atol=ATOL, err_msg=key)


@pytest.mark.parametrize("missing", [0.0, 0.5])
def test_training_parity(twin, missing):
    X, Y, _ = _problem(missing, seed=6)
    numpy_params = mt.train_multitask(X, Y, num_iterations=130, learning_rate=1.0, seed=6)
    keras_params = twin.train_multitask(X, Y, num_iterations=130, learning_rate=1.0, seed=6)
    for key in numpy_params:
        np.testing.assert_allclose(keras_params[key], numpy_params[key], atol=1e-4, err_msg=key)


def test_keras_training_ignores_the_value_under_question_marks(twin):
    X, Y, _ = _problem(0.0, seed=7)
    mask = (np.random.default_rng(7).random(Y.shape) > 0.5).astype(float)
    a = twin.train_multitask(X, Y, num_iterations=20, mask=mask)
    b = twin.train_multitask(X, 1 - Y, num_iterations=20, mask=mask)  # flip all ...
    c = twin.train_multitask(X, np.where(mask == 1, Y, 1 - Y), num_iterations=20, mask=mask)
    for key in a:  # ... flipping only the hidden labels changes nothing; flipping all does
        np.testing.assert_allclose(a[key], c[key], atol=1e-7)
    assert not np.allclose(a["W2"], b["W2"])
