"""Unit tests of segmentation.py: transpose convolution, metrics, the U-Net's size."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import segmentation as sg


def _loops(A_prev, W, b, s, p):
    """The definition, one input value and one filter entry at a time."""
    m, nh, nw, _ = A_prev.shape
    f, _, _, n_C = W.shape
    full = np.zeros((m, (nh - 1) * s + f, (nw - 1) * s + f, n_C))
    for e in range(m):
        for i in range(nh):
            for j in range(nw):
                for a in range(f):
                    for c in range(f):
                        full[e, i * s + a, j * s + c] += A_prev[e, i, j] @ W[a, c]
    return full[:, p : full.shape[1] - p, p : full.shape[2] - p] + b


@pytest.mark.parametrize("f, s, p", [(3, 2, 1), (2, 2, 0), (4, 3, 1), (3, 1, 1), (1, 3, 0)])
def test_forward_matches_the_definition(f, s, p):
    rng = np.random.default_rng(f * 10 + s)
    A = rng.standard_normal((2, 3, 2, 3))
    W = rng.standard_normal((f, f, 3, 2))
    b = rng.standard_normal((1, 1, 1, 2))
    Z, cache = sg.conv_transpose_forward(A, W, b, {"stride": s, "pad": p})
    assert Z.shape == (2, sg.conv_transpose_output_size(3, f, p, s),
                       sg.conv_transpose_output_size(2, f, p, s), 2)  # fmt: skip
    np.testing.assert_allclose(Z, _loops(A, W, b, s, p), atol=1e-12)
    assert cache[0] is not None and len(cache) == 4


def test_course_example_sizes():
    # 2x2 input, 3x3 filter, s = 2: the pasted output is 5x5; p = 1 on both sides -> 3x3
    assert sg.conv_transpose_output_size(2, 3, 0, 2) == 5
    assert sg.conv_transpose_output_size(2, 3, 1, 2) == 3
    steps = sg.conv_transpose_steps(np.array([[2.0, 1.0], [3.0, 2.0]]), np.ones((3, 3)), 2, 1)
    assert len(steps["pastes"]) == 4 and steps["full"].shape == (5, 5)
    assert steps["full"][2, 2] == 2 + 1 + 3 + 2  # the centre gets all four pastes
    assert steps["output"].shape == (3, 3)
    np.testing.assert_array_equal(steps["output"], steps["full"][1:4, 1:4])


def test_backward_shapes_and_bias():
    rng = np.random.default_rng(0)
    A = rng.standard_normal((2, 2, 3, 2))
    W = rng.standard_normal((3, 3, 2, 4))
    Z, cache = sg.conv_transpose_forward(A, W, np.zeros((1, 1, 1, 4)), {"stride": 2, "pad": 1})
    g = sg.conv_transpose_backward(np.ones_like(Z), cache)
    assert g["dA_prev"].shape == A.shape and g["dW"].shape == W.shape
    np.testing.assert_allclose(g["db"].ravel(), np.full(4, Z[..., 0].size))


@pytest.mark.parametrize(
    "hp, match",
    [({"stride": 0, "pad": 0}, "stride"), ({"stride": 1, "pad": -1}, "pad"),
     ({"stride": 1, "pad": 5}, "leaves nothing"), ({"stride": 1}, "pad")],
)  # fmt: skip
def test_bad_hyperparameters(hp, match):
    A, W, b = np.ones((1, 2, 2, 1)), np.ones((3, 3, 1, 1)), np.zeros((1, 1, 1, 1))
    with pytest.raises(ValueError, match=match):
        sg.conv_transpose_forward(A, W, b, hp)


def test_bad_shapes():
    with pytest.raises(ValueError, match="n_C_prev"):
        sg.conv_transpose_forward(np.ones((1, 2, 2, 2)), np.ones((3, 3, 1, 1)),
                                  np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0})  # fmt: skip
    with pytest.raises(ValueError, match="square"):
        sg.conv_transpose_forward(np.ones((1, 2, 2, 1)), np.ones((3, 2, 1, 1)),
                                  np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0})  # fmt: skip
    with pytest.raises(ValueError, match="cache"):
        sg.conv_transpose_backward(np.ones((1, 2, 2, 1)), None)


def test_metrics_known_values():
    t = np.array([[[0, 0], [1, 2]]])
    p = np.array([[[0, 1], [1, 2]]])
    assert sg.pixel_accuracy(t, p) == 0.75
    cm = sg.confusion_matrix(t, p, 4)
    assert cm.sum() == 4 and cm[0, 1] == 1
    iou, present = sg.class_iou(t, p, 4)
    np.testing.assert_allclose(iou, [0.5, 0.5, 1.0, 0.0])
    assert present.tolist() == [True, True, True, False]
    assert sg.mean_iou(t, p, 4) == pytest.approx(2 / 3)  # class 3 absent: left out
    assert sg.mean_iou(t, t, 3) == 1.0


def test_metrics_refuse_bad_labels():
    t = np.zeros((1, 2, 2), int)
    with pytest.raises(ValueError, match="0 .. n_classes - 1"):
        sg.mean_iou(t, t + 3, 3)
    with pytest.raises(ValueError, match="whole numbers"):
        sg.pixel_accuracy(t, t + 0.5)
    with pytest.raises(ValueError, match="like y_true"):
        sg.pixel_accuracy(t, np.zeros((1, 2, 3)))


def test_unet_param_count_course_model():
    counts = sg.unet_param_count()
    assert counts["total"] == 8_640_471
    assert len(counts["down"]) == len(counts["up"]) == 4
    with pytest.raises(ValueError, match="divisible"):
        sg.unet_param_count((30, 128, 3))
