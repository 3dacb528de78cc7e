"""NumPy transpose convolution and metrics (segmentation.py) vs Keras (segmentation_tf.py)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import segmentation as sg

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def st(tf):
    from course_lib.c4_convnets import segmentation_tf

    return segmentation_tf


def _inputs(f, seed=0, n_C_prev=3, n_C=4):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((2, 3, 4, n_C_prev)), rng.standard_normal((f, f, n_C_prev, n_C)),
            rng.standard_normal((1, 1, 1, n_C)))  # fmt: skip


@pytest.mark.parametrize("f, s, p", [(3, 2, 1), (3, 2, 0), (2, 2, 0), (4, 3, 1), (3, 1, 1),
                                     (2, 3, 0)])  # fmt: skip
def test_valid_padding_with_cropping(st, f, s, p):
    A, W, b = _inputs(f, seed=f + s + p)
    hp = {"stride": s, "pad": p}
    Z, cache = sg.conv_transpose_forward(A, W, b, hp)
    np.testing.assert_allclose(st.conv_transpose_forward(A, W, b, hp), Z, atol=1e-10)
    dZ = np.random.default_rng(1).standard_normal(Z.shape)
    mine, theirs = sg.conv_transpose_backward(dZ, cache), st.conv_transpose_backward(dZ, cache)
    for key in ("dA_prev", "dW", "db"):
        np.testing.assert_allclose(theirs[key], mine[key], atol=1e-10, err_msg=key)


@pytest.mark.parametrize("f, s", [(3, 2), (2, 2), (4, 2), (3, 1), (5, 3)])
def test_same_padding_is_a_crop_of_f_minus_s(st, f, s):
    A, W, b = _inputs(f, seed=3)
    full, _ = sg.conv_transpose_forward(A, W, b, {"stride": s, "pad": 0})
    same = st.conv_transpose_keras(A, W, b, s, "same")
    n_H, n_W = A.shape[1] * s, A.shape[2] * s
    top = (f - s) // 2  # Keras crops (f - s) // 2 at the top/left, the rest at the bottom/right
    assert same.shape == (2, n_H, n_W, 4)
    np.testing.assert_allclose(same, full[:, top : top + n_H, top : top + n_W], atol=1e-10)
    if (f - s) % 2 == 0:  # symmetric: our p = (f - s) / 2
        Z, _ = sg.conv_transpose_forward(A, W, b, {"stride": s, "pad": (f - s) // 2})
        np.testing.assert_allclose(same, Z, atol=1e-10)


def test_metrics(st):
    rng = np.random.default_rng(0)
    t = rng.integers(0, 4, (3, 8, 8))
    p = np.where(rng.random((3, 8, 8)) < 0.6, t, rng.integers(0, 3, (3, 8, 8)))
    assert st.pixel_accuracy(t, p) == pytest.approx(sg.pixel_accuracy(t, p), abs=1e-7)
    assert st.mean_iou(t, p, 5) == pytest.approx(sg.mean_iou(t, p, 5), abs=1e-7)


def test_unet_parameter_count_and_shapes(st):
    model = st.unet_model()
    assert model.count_params() == sg.unet_param_count()["total"] == 8_640_471
    assert model.output_shape == (None, 96, 128, 23)
    small = st.unet_model((64, 64, 3), n_filters=4, n_classes=4, n_levels=2)
    assert small.count_params() == sg.unet_param_count((64, 64, 3), 4, 4, 2)["total"]
    fcn = st.fcn_model(4, 4)
    for shape in ((1, 32, 32, 3), (1, 48, 64, 3)):
        assert fcn(np.zeros(shape, np.float32)).shape == (*shape[:3], 4)
