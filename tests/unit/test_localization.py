"""Localisation targets, losses, metrics and landmarks (NumPy)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import localization as loc
from course_lib.c4_convnets.scenes import make_shape_scenes


def test_target_vector_order_and_dont_care():
    Y = loc.localization_target([np.array([[0.2, 0.1, 0.6, 0.3]]), np.zeros((0, 4))],
                                [np.array([2]), np.zeros(0, int)])  # fmt: skip
    # [p_c, b_x, b_y, b_h, b_w, c1, c2, c3]: height before width
    assert np.allclose(Y[0], [1, 0.4, 0.2, 0.2, 0.4, 0, 0, 1])
    assert np.all(Y[1] == 0)


def test_target_from_scenes():
    s = make_shape_scenes(20, size=32, min_objects=0, max_objects=1, seed=0)
    Y = loc.localization_target(s["boxes"], s["classes"])
    assert Y.shape == (20, 8) and set(Y[:, 0]) <= {0.0, 1.0}
    assert np.allclose(loc.target_to_boxes(Y)[Y[:, 0] == 1],
                       np.concatenate([b for b in s["boxes"] if len(b)]))  # fmt: skip


def test_course_loss_cases():
    Y = np.array([[1, 0.5, 0.5, 0.2, 0.2, 1, 0, 0], [0, 9, 9, 9, 9, 9, 9, 9.0]])
    Y_hat = Y.copy()
    Y_hat[0, 1] += 0.1
    Y_hat[1, :] = 0.5  # p_c off by 0.5; the "don't care" entries do not count
    assert np.isclose(loc.localization_loss(Y_hat, Y), (0.01 + 0.25) / 2)


def test_practical_loss_is_small_for_confident_right_answers():
    Y = np.array([[1, 0.5, 0.5, 0.2, 0.2, 0, 1, 0], [0, 0, 0, 0, 0, 0, 0, 0.0]])
    Z = np.array([[20, 0.5, 0.5, 0.2, 0.2, -20, 20, -20], [-20, 5, 5, 5, 5, 5, 5, 5.0]])
    assert loc.practical_localization_loss(Z, Y) < 1e-6
    assert np.isfinite(loc.practical_localization_loss(Z * 1e3, Y))


def test_outputs_and_metrics():
    Y = np.array([[1, 0.5, 0.5, 0.2, 0.4, 0, 1, 0], [0, 0, 0, 0, 0, 0, 0, 0.0]])
    Y_hat = loc.localization_outputs(np.array([[5, 0.5, 0.5, 0.2, 0.4, 0, 3, 0],
                                               [-5, 0, 0, 0, 0, 0, 0, 0.0]]))  # fmt: skip
    r = loc.localization_metrics(Y_hat, Y)
    assert r["p_c_accuracy"] == 1 and np.isclose(r["mean_iou"], 1) and r["class_accuracy"] == 1


def test_landmarks():
    assert loc.landmark_output_size(64) == 129
    s = make_shape_scenes(10, size=32, min_objects=0, max_objects=1, seed=0, classes=("triangle",))
    Y = loc.landmark_target(s["points"], 3)
    assert Y.shape == (10, 7)
    assert loc.landmark_error(Y, Y) == 0
    S = loc.shuffle_landmarks(Y, seed=0)
    assert np.array_equal(S[:, 0], Y[:, 0])
    assert np.allclose(np.sort(S[:, 1:].reshape(10, 3, 2), axis=1),
                       np.sort(Y[:, 1:].reshape(10, 3, 2), axis=1))  # fmt: skip


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: loc.localization_loss(np.zeros((2, 8)), np.full((2, 8), 0.5)), "p_c"),
        (lambda: loc.localization_loss(np.zeros((2, 7)), np.zeros((2, 8))), "Y_hat"),
        (
            lambda: loc.localization_target([np.zeros((2, 4)) + 0.1], [np.array([0, 1])]),
            "one object",
        ),
        (lambda: loc.landmark_output_size(0), "n_landmarks"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
