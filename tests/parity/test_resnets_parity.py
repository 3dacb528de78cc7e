"""NumPy ResNet blocks (resnets.py) vs the course's Keras blocks (resnets_tf.py).

The Keras block is built, its weights (with random batch-norm statistics) are copied into
the NumPy parameters dict, and both run on the same volume: with training=False (batch
norm's moving statistics) and training=True (the batch's). Keras computes in float32.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import resnets as rn

ATOL = 1e-4


@pytest.fixture(scope="module")
def rt(tf):
    from course_lib.c4_convnets import resnets_tf

    return resnets_tf


def _randomise_batch_norm(rt, model, rng):
    params = rt.block_parameters(model)
    for key, value in params.items():
        if key.startswith(("beta", "mean", "b")):
            params[key] = rng.normal(0, 0.3, value.shape)
        elif key.startswith(("gamma", "var")):
            params[key] = rng.uniform(0.5, 1.5, value.shape)
    rt.set_block_parameters(model, params)
    return params


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("s", [None, 1, 2])
def test_keras_block_weights_in_numpy(rt, s, training):
    rng = np.random.default_rng(0)
    n_C_prev = 6 if s is None else 4
    A = rng.standard_normal((3, 7, 7, n_C_prev))
    model = rt.block_model(A.shape[1:], 3, [3, 2, 6], s)
    params = _randomise_batch_norm(rt, model, rng)
    assert ("W_s" in params) == (s is not None)
    theirs = np.asarray(model(A.astype("float32"), training=training))
    mine = rn.block_forward(A, params, 3, s, training)
    assert mine.shape == theirs.shape == (3, *rn.block_output_shape((7, 7, n_C_prev), [3, 2, 6], s))
    np.testing.assert_allclose(mine, theirs, atol=ATOL, rtol=1e-4)
    assert np.abs(mine).max() > 0.5  # a real signal, not two zero outputs


def test_modes_differ(rt):
    """The two batch-norm modes give different outputs, so the parity above tests both."""
    rng = np.random.default_rng(1)
    A = rng.standard_normal((4, 5, 5, 4))
    model = rt.block_model(A.shape[1:], 3, [2, 3, 4])
    params = _randomise_batch_norm(rt, model, rng)
    assert (
        np.abs(rn.identity_block(A, params, 3, True) - rn.identity_block(A, params, 3)).max() > 0.1
    )


@pytest.mark.parametrize("s", [None, 2])
def test_block_forward_twins(rt, s):
    rng = np.random.default_rng(2)
    n_C_prev = 5 if s is None else 3
    params = rn.initialize_block_parameters(n_C_prev, 3, [4, 2, 5], shortcut=s is not None, seed=3)
    for key, value in params.items():
        if not key.startswith("W"):
            params[key] = value + rng.uniform(0, 0.5, value.shape)
    A = rng.standard_normal((2, 6, 6, n_C_prev))
    for training in (False, True):
        np.testing.assert_allclose(
            rt.block_forward(A, params, 3, s, training),
            rn.block_forward(A, params, 3, s, training),
            atol=ATOL,
            rtol=1e-4,
        )
    with pytest.raises(ValueError, match="F3 == n_C_prev"):
        rt.block_forward(rng.standard_normal((2, 6, 6, 7)), params, 3, None)


def test_parameters_round_trip(rt):
    model = rt.block_model((5, 5, 3), 3, [2, 2, 4], s=2)
    params = rt.block_parameters(model)
    assert params["W2"].shape == (3, 3, 2, 2) and params["var_s"].shape == (1, 1, 1, 4)
    changed = {k: v + 1.0 for k, v in params.items()}
    back = rt.block_parameters(rt.set_block_parameters(model, changed))
    for key in params:
        np.testing.assert_allclose(back[key], changed[key], rtol=1e-6)
    with pytest.raises(ValueError, match=r"W1 must have shape"):
        rt.set_block_parameters(model, dict(changed, W1=np.zeros((1, 1, 3, 9))))


def test_course_functions_on_tensors(rt, tf):
    X = tf.constant(np.random.default_rng(3).standard_normal((2, 8, 8, 6)), tf.float32)
    out = rt.identity_block(X, 3, [2, 4, 6], training=False)
    assert tuple(out.shape) == (2, 8, 8, 6) and float(tf.reduce_min(out)) >= 0
    out = rt.convolutional_block(X, 3, [2, 4, 10], s=2, training=True)
    assert tuple(out.shape) == (2, 4, 4, 10)


def test_resnet50_has_the_course_parameter_count(rt):
    model = rt.ResNet50(input_shape=(64, 64, 3), classes=6)
    count = rn.resnet50_param_count((64, 64, 3), 6)
    assert model.count_params() == count["total"] == 23_600_006
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    assert trainable == count["trainable"] == 23_546_886
    assert model.output_shape == (None, 6)
