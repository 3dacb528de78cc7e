"""Parity: the NumPy 1-D and 3-D convolutions against Keras Conv1D/Conv3D with the same weights."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets import conv_nd_tf as ct

pytestmark = pytest.mark.tf

# valid, "same" (odd f, p = (f - 1) / 2, s = 1), stride 2 with padding, even f
SETTINGS = [(1, 0, 3), (1, 1, 3), (1, 2, 5), (2, 1, 3), (2, 0, 2)]
TWINS = {
    1: (cn.conv1d_forward, cn.conv1d_backward, ct.conv1d_forward, ct.conv1d_backward),
    3: (cn.conv3d_forward, cn.conv3d_backward, ct.conv3d_forward, ct.conv3d_backward),
}


@pytest.mark.parametrize("d", [1, 3])
@pytest.mark.parametrize(("stride", "pad", "f"), SETTINGS)
def test_forward_and_gradients_match_keras(d, stride, pad, f):
    forward, backward, forward_tf, backward_tf = TWINS[d]
    rng = np.random.default_rng(10 * d + stride + 3 * pad + f)
    n = 11 if d == 1 else 6
    A_prev = rng.standard_normal((3,) + (n,) * d + (2,))
    W = rng.standard_normal((f,) * d + (2, 4))
    b = rng.standard_normal((1,) * (d + 1) + (4,))
    hp = {"stride": stride, "pad": pad}
    Z, cache = forward(A_prev, W, b, hp)
    Z_tf, _ = forward_tf(A_prev, W, b, hp, dtype="float64")
    np.testing.assert_allclose(Z_tf, Z, atol=1e-10)
    dZ = rng.standard_normal(Z.shape)
    for ours, theirs in zip(backward(dZ, cache), backward_tf(dZ, cache, dtype="float64")):
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(theirs, ours, atol=1e-10)
    Z32, _ = forward_tf(A_prev, W, b, hp)  # Keras's default float32
    np.testing.assert_allclose(Z32, Z, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("d", [1, 3])
def test_course_same_padding_is_keras_same(d):
    """With an odd f, p = (f - 1) / 2 and s = 1, the course's padding is Keras's "same"."""
    rng = np.random.default_rng(d)
    n, f = (9, 5) if d == 1 else (5, 3)
    A_prev = rng.standard_normal((2,) + (n,) * d + (1,))
    W = rng.standard_normal((f,) * d + (1, 3))
    b = rng.standard_normal((1,) * (d + 1) + (3,))
    Z, _ = TWINS[d][0](A_prev, W, b, {"stride": 1, "pad": (f - 1) // 2})
    layer = (ct.keras.layers.Conv1D if d == 1 else ct.keras.layers.Conv3D)(
        3, f, padding="same", dtype="float64"
    )
    layer.build((None,) + (n,) * d + (1,))
    layer.set_weights([W, b.reshape(3)])
    np.testing.assert_allclose(np.asarray(layer(A_prev)), Z, atol=1e-10)
    assert Z.shape[1:-1] == A_prev.shape[1:-1]


def test_course_example_shapes_in_keras():
    rng = np.random.default_rng(0)
    Z1, _ = ct.conv1d_forward(
        rng.standard_normal((1, 14, 1)), rng.standard_normal((5, 1, 16)), np.zeros((1, 1, 16)),
        {"stride": 1, "pad": 0},
    )  # fmt: skip
    Z3, _ = ct.conv3d_forward(
        rng.standard_normal((1, 14, 14, 14, 1)), rng.standard_normal((5, 5, 5, 1, 16)),
        np.zeros((1, 1, 1, 1, 16)), {"stride": 1, "pad": 0},
    )  # fmt: skip
    assert Z1.shape == (1, 10, 16) and Z3.shape == (1, 10, 10, 10, 16)


def test_twins_refuse_bad_input_like_numpy():
    A = np.zeros((1, 4, 1))
    with pytest.raises(ValueError, match="does not fit"):
        ct.conv1d_forward(A, np.zeros((5, 1, 2)), np.zeros((1, 1, 2)), {"stride": 1, "pad": 0})
    with pytest.raises(ValueError, match="Conv3D"):
        ct.conv_layers(np.zeros((3, 3, 1, 2)), np.zeros((1, 1, 1, 2)), {"stride": 1, "pad": 0})


def test_beat_classifier_shape_and_size():
    model = ct.beat_classifier(length=160, seed=0)
    out = model(np.zeros((2, 160, 1), np.float32))
    assert tuple(out.shape) == (2, 1)
    assert model.count_params() < 1000
