"""Parity: the NumPy convolution and pooling layers against Keras layers with the same weights."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import convolution as conv
from course_lib.c4_convnets import convolution_tf as conv_tf


@pytest.mark.parametrize("stride, pad, f", [(1, 1, 3), (2, 0, 3), (2, 1, 2), (1, 2, 5)])
def test_conv_forward_and_gradients_match_keras_conv2d(stride, pad, f):
    rng = np.random.default_rng(stride + 3 * pad + f)
    A_prev = rng.standard_normal((3, 9, 8, 4))
    W = rng.standard_normal((f, f, 4, 5))
    b = rng.standard_normal((1, 1, 1, 5))
    hparameters = {"stride": stride, "pad": pad}
    Z, cache = conv.conv_forward_vectorized(A_prev, W, b, hparameters)
    Z_tf, _ = conv_tf.conv_forward(A_prev, W, b, hparameters, dtype="float64")
    np.testing.assert_allclose(Z_tf, Z, atol=1e-10)
    dZ = rng.standard_normal(Z.shape)
    for ours, keras_grad in zip(
        conv.conv_backward_vectorized(dZ, cache), conv_tf.conv_backward(dZ, cache, dtype="float64")
    ):
        np.testing.assert_allclose(keras_grad, ours, atol=1e-10)
    # In float32 (Keras's default) the twins agree to float32 rounding.
    Z32, _ = conv_tf.conv_forward(A_prev, W, b, hparameters)
    np.testing.assert_allclose(Z32, Z, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("mode", conv.POOL_MODES)
@pytest.mark.parametrize("f, stride", [(2, 2), (3, 1), (3, 2)])
def test_pooling_forward_and_gradients_match_keras(mode, f, stride):
    rng = np.random.default_rng(f + stride)
    A_prev = rng.standard_normal((2, 7, 8, 3))
    hparameters = {"f": f, "stride": stride}
    A, cache = conv.pool_forward_vectorized(A_prev, hparameters, mode)
    A_tf, _ = conv_tf.pool_forward(A_prev, hparameters, mode, dtype="float64")
    np.testing.assert_allclose(A_tf, A, atol=1e-12)
    dA = rng.standard_normal(A.shape)
    np.testing.assert_allclose(
        conv_tf.pool_backward(dA, cache, mode, dtype="float64"),
        conv.pool_backward_vectorized(dA, cache, mode),
        atol=1e-12,
    )


@pytest.mark.parametrize("f, stride", [(2, 2), (3, 2), (2, 1)])
def test_first_maximum_rule_matches_tensorflow_on_ties(f, stride):
    # Integers in {0, 1}: most windows hold several maxima. TensorFlow's gradient goes to
    # one of them, as ties="first" does; the course's mask would give it to all.
    rng = np.random.default_rng(f * stride)
    A_prev = rng.integers(0, 2, (2, 6, 7, 3)).astype(float)
    hparameters = {"f": f, "stride": stride}
    A, cache = conv.pool_forward_vectorized(A_prev, hparameters)
    dA = rng.standard_normal(A.shape)
    np.testing.assert_allclose(
        conv_tf.pool_backward(dA, cache, "max", dtype="float64"),
        conv.pool_backward_vectorized(dA, cache, "max", ties="first"),
        atol=1e-12,
    )
