"""NumPy edges.py vs its twin edges_tf.py (tf.nn.conv2d and a Keras Conv2D trained with SGD).

TensorFlow computes in float32: values agree to ~1e-6 relative on these unit-scale inputs.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import edges

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c4_convnets import edges_tf

    return edges_tf


@pytest.mark.parametrize(
    ("shape", "f", "stride", "pad"), [((6, 6), 3, 1, 0), ((9, 7), 3, 2, 1), ((8, 10), 4, 3, 2)]
)
def test_conv2d_and_true_convolution(twin, shape, f, stride, pad):
    rng = np.random.default_rng(f * 10 + stride)
    image, kernel = rng.standard_normal(shape), rng.standard_normal((f, f))
    for name in ("conv2d", "convolve2d_true"):
        mine = getattr(edges, name)(image, kernel, stride, pad)
        theirs = getattr(twin, name)(image, kernel, stride, pad)
        assert theirs.shape == mine.shape
        np.testing.assert_allclose(theirs, mine, rtol=1e-5, atol=1e-5)


def test_tensorflow_does_not_flip_either(twin):
    out = twin.conv2d(edges.step_image(6, 10, 0), edges.KERNELS["vertical"])
    np.testing.assert_allclose(out, np.tile([0, 30, 30, 0], (4, 1)))


def test_twin_refuses_bad_input_like_numpy(twin):
    with pytest.raises(ValueError, match="does not fit"):
        twin.conv2d(np.ones((3, 3)), np.ones((5, 5)))


def test_keras_conv2d_learns_the_same_kernel(twin):
    X = edges.photo_patches(["gravel", "grass"], 16, 2, seed=2)
    T = edges.KERNELS["sobel vertical"]
    mine = edges.learn_edge_kernel(X, T, 0.1, 12, seed=5)
    theirs = twin.learn_edge_kernel(X, T, 0.1, 12, seed=5)
    assert theirs["kernels"].shape == mine["kernels"].shape == (13, 3, 3)
    np.testing.assert_allclose(theirs["kernels"], mine["kernels"], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(theirs["costs"], mine["costs"], rtol=1e-4, atol=1e-6)
    assert mine["costs"][-1] < 0.1 * mine["costs"][0]  # it did learn something
