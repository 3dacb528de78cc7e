"""Sliding windows, FC layers as convolutions and the convolutional implementation."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import sliding_windows as sw


@pytest.fixture(scope="module")
def params():
    return sw.initialize_window_net(seed=1)


def test_course_shapes(params):
    assert sw.window_geometry(params)["window"] == 14
    conv = sw.fc_to_conv_parameters(params)
    assert conv["W2"].shape == (5, 5, 16, 400)  # the first FC: 400 filters of 5x5x16
    assert conv["W3"].shape == (1, 1, 400, 400) and conv["W4"].shape == (1, 1, 400, 4)


@pytest.mark.parametrize("size, grid", [(14, 1), (16, 2), (28, 8)])
def test_convolutional_equals_crops(params, size, grid):
    image = np.random.default_rng(size).random((size, size, 3))
    one_pass = sw.convolutional_sliding_windows(image, params)
    crops = sw.sliding_windows_predict(image, params)
    assert one_pass.shape == crops.shape == (grid, grid, 4)
    assert np.abs(one_pass - crops).max() < 1e-10
    assert np.allclose(one_pass.sum(-1), 1)


def test_fc_to_conv_weights_matches_flatten():
    rng = np.random.default_rng(0)
    A = rng.random((3, 2, 2, 5))
    W, b = rng.random((7, 20)), rng.random((7, 1))
    Wc, bc = sw.fc_to_conv_weights(W, b, (2, 2, 5))
    fc = (W @ A.reshape(3, -1).T + b).T
    conv = np.einsum("mhwc,hwck->mk", A, Wc) + bc.reshape(1, -1)
    assert np.allclose(fc, conv)


def test_crops_and_grid():
    image = np.arange(5 * 7 * 1, dtype=float).reshape(5, 7, 1)
    crops, pos = sw.sliding_window_crops(image, 3, 2)
    assert sw.sliding_window_grid(5, 7, 3, 2) == (2, 3)
    assert crops.shape == (6, 3, 3, 1) and pos.tolist()[:3] == [[0, 0], [0, 2], [0, 4]]
    assert np.array_equal(crops[4], image[2:5, 2:5])
    cost = sw.sliding_windows_cost(5, 7, 3, 2)
    assert cost["n_crops"] == 6 and cost["pixels_classified"] == 54


def test_resize_keeps_constant_images():
    crops = np.full((2, 20, 20, 3), 0.4)
    assert np.allclose(sw.resize_crops(crops, 14), 0.4)


def test_batch_and_loop_agree(params):
    image = np.random.default_rng(2).random((24, 24, 3))
    a = sw.sliding_windows_predict(image, params, window=18, stride=3)
    b = sw.sliding_windows_predict(image, params, window=18, stride=3, batch=True)
    assert a.shape == (3, 3, 4) and np.allclose(a, b)


def test_window_dataset():
    from course_lib.c4_convnets.scenes import make_shape_scenes

    s = make_shape_scenes(5, size=32, seed=0)
    X, y = sw.make_window_dataset(s["images"], s["boxes"], s["classes"], seed=0)
    assert X.shape[1:] == (14, 14, 3) and len(X) == len(y)
    assert (y == 0).sum() == 10 and (y > 0).sum() == sum(len(c) for c in s["classes"])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda p: sw.sliding_window_crops(np.zeros((8, 8, 3)), 10, 1), "must fit"),
        (lambda p: sw.sliding_window_grid(8, 8, 3, 0), "stride"),
        (lambda p: sw.initialize_window_net(window=13), "even"),
        (lambda p: sw.fc_to_conv_weights(np.zeros((4, 10)), np.zeros((4, 1)), (2, 2, 3)), "W"),
        (lambda p: sw.convolutional_sliding_windows(np.zeros((10, 10, 3)), p), "window"),
    ],
)
def test_bad_input(params, call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call(params)
