"""augmentation.py and ensembles.py: known values worked by hand, shapes, seeds and errors."""

import numpy as np
import pytest

from course_lib.c4_convnets import augmentation as aug
from course_lib.c4_convnets import ensembles as ens


def _ramp(m=1, n_H=3, n_W=4, n_C=1):
    return np.arange(m * n_H * n_W * n_C, dtype=float).reshape(m, n_H, n_W, n_C)


# --- geometry ---------------------------------------------------------------------------------


def test_mirror_reverses_columns_only():
    X = _ramp()
    out = aug.mirror(X)
    np.testing.assert_array_equal(out[0, :, :, 0], [[3, 2, 1, 0], [7, 6, 5, 4], [11, 10, 9, 8]])
    assert out.shape == X.shape and not np.shares_memory(out, X)


def test_crop_known_window_and_errors():
    X = _ramp(n_H=4, n_W=5)
    np.testing.assert_array_equal(aug.crop(X, 1, 2, 2, 3)[0, :, :, 0], [[7, 8, 9], [12, 13, 14]])
    with pytest.raises(ValueError, match="does not fit"):
        aug.crop(X, 3, 0, 2, 2)
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, n_C\)"):
        aug.crop(X[0], 0, 0, 1, 1)


def test_random_crop_is_seeded_and_covers_every_offset():
    X = _ramp(m=400, n_H=4, n_W=4)
    crops, offsets = aug.random_crop(X, 3, 2, seed=5)
    again, offsets_again = aug.random_crop(X, 3, 2, seed=5)
    np.testing.assert_array_equal(crops, again)
    np.testing.assert_array_equal(offsets, offsets_again)
    assert crops.shape == (400, 3, 2, 1)
    assert set(offsets[:, 0]) == {0, 1} and set(offsets[:, 1]) == {0, 1, 2}
    i = 17
    top, left = offsets[i]
    np.testing.assert_array_equal(crops[i], X[i, top : top + 3, left : left + 2])
    with pytest.raises(ValueError, match="crop size"):
        aug.random_crop(X, 5, 1)


def test_rotation_matrix_turns_counter_clockwise_about_the_centre():
    t = aug.rotation_matrix(90.0, 5, 5)
    # Output pixel (x=4, y=2), the right middle, reads input (x=2, y=4), the bottom middle:
    # bottom -> right -> top is counter-clockwise on screen (rows run downwards).
    x_in = t[0] * 4 + t[1] * 2 + t[2]
    y_in = t[3] * 4 + t[4] * 2 + t[5]
    assert (x_in, y_in) == pytest.approx((2.0, 4.0))


def test_quarter_turn_is_rot90_and_zero_angle_is_identity():
    X = np.random.default_rng(0).uniform(0, 255, (2, 5, 5, 3))
    np.testing.assert_allclose(aug.rotate(X, 90.0), np.rot90(X, 1, axes=(1, 2)), atol=1e-9)
    np.testing.assert_allclose(aug.rotate(X, 0.0), X, atol=1e-12)


def test_affine_warp_half_pixel_shift_averages_neighbours_and_fills_outside():
    X = np.array([[0.0, 10.0, 20.0]]).reshape(1, 1, 3, 1)
    shift = np.array([1.0, 0.0, 0.5, 0.0, 1.0, 0.0, 0.0, 0.0])  # x_in = x + 0.5
    out = aug.affine_warp(X, shift, fill=100.0)[0, 0, :, 0]
    np.testing.assert_allclose(out, [5.0, 15.0, 60.0])  # the last mixes 20 with the fill 100
    with pytest.raises(ValueError, match="affine"):
        aug.affine_warp(X, np.r_[shift[:6], 0.1, 0.0])


def test_shear_keeps_the_centre_row_and_slides_the_others():
    X = _ramp(n_H=3, n_W=4)
    out = aug.shear(X, 1.0)[0, :, :, 0]
    np.testing.assert_allclose(out[1], X[0, 1, :, 0])  # centre row unchanged
    # Row 2 reads x_in = x + 1: shifted left by one, the last pixel from outside (fill 0).
    np.testing.assert_allclose(out[2], [9, 10, 11, 0])
    np.testing.assert_allclose(out[0], [0, 0, 1, 2])


def test_random_rotation_is_seeded_and_within_range():
    X = np.random.default_rng(1).uniform(0, 255, (6, 6, 6, 3))
    out, angles = aug.random_rotation(X, 15.0, seed=2)
    out2, angles2 = aug.random_rotation(X, 15.0, seed=2)
    np.testing.assert_array_equal(out, out2)
    assert np.all(np.abs(angles) <= 15.0) and len(set(angles)) == 6
    np.testing.assert_allclose(out[3:4], aug.rotate(X[3:4], angles[3]))
    with pytest.raises(ValueError, match="max_angle"):
        aug.random_rotation(X, -1.0)


# --- colour -----------------------------------------------------------------------------------


def test_colour_shift_adds_per_channel_and_clips():
    X = np.full((1, 1, 2, 3), 250.0)
    X[0, 0, 1] = [5.0, 10.0, 100.0]
    out = aug.colour_shift(X)  # the lecture's (+20, -20, +20)
    np.testing.assert_array_equal(out[0, 0, 0], [255.0, 230.0, 255.0])
    np.testing.assert_array_equal(out[0, 0, 1], [25.0, 0.0, 120.0])
    per_image = aug.colour_shift(np.zeros((2, 1, 1, 3)), [[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(per_image[:, 0, 0], [[1, 2, 3], [4, 5, 6]])
    with pytest.raises(ValueError, match=r"\(3,\) or \(m, 3\)"):
        aug.colour_shift(X, [1, 2])
    with pytest.raises(ValueError, match="one row per image"):
        aug.colour_shift(X, np.zeros((3, 3)))
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, 3\)"):
        aug.colour_shift(np.zeros((1, 2, 2, 1)))


def test_random_colour_shift_is_seeded_and_bounded():
    X = np.full((50, 2, 2, 3), 128.0)
    out, shifts = aug.random_colour_shift(X, 20.0, seed=3)
    assert np.all(np.abs(shifts) <= 20.0)
    np.testing.assert_allclose(out[:, 0, 0], 128.0 + shifts)
    np.testing.assert_array_equal(aug.random_colour_shift(X, 20.0, seed=3)[0], out)


def test_rgb_pca_finds_the_direction_of_a_line_of_colours():
    # Pixels on the line t * (1, 2, 2) / 3: one non-zero eigenvalue along that direction.
    t = np.linspace(0, 90, 40)
    direction = np.array([1.0, 2.0, 2.0]) / 3.0
    X = (t[:, None] * direction).reshape(1, 40, 1, 3)
    eigvals, eigvecs = aug.rgb_pca(X)
    np.testing.assert_allclose(eigvecs[:, 0], direction, atol=1e-9)
    assert eigvals[0] == pytest.approx(np.var(t / 255.0, ddof=1))
    np.testing.assert_allclose(eigvals[1:], 0.0, atol=1e-12)
    np.testing.assert_allclose(eigvecs.T @ eigvecs, np.eye(3), atol=1e-12)


def test_pca_colour_offset_by_hand():
    P = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # p1 = G, p2 = R, p3 = B
    lam = np.array([0.2, 0.1, 0.05])
    alphas = np.array([0.5, -1.0, 2.0])
    # p1 * 0.1 + p2 * (-0.1) + p3 * 0.1 -> R -0.1, G +0.1, B +0.1
    np.testing.assert_allclose(aug.pca_colour_offset(lam, P, alphas), [-0.1, 0.1, 0.1])
    rows = aug.pca_colour_offset(lam, P, np.stack([alphas, 2 * alphas]))
    np.testing.assert_allclose(rows, [[-0.1, 0.1, 0.1], [-0.2, 0.2, 0.2]])
    with pytest.raises(ValueError, match=r"eigvecs must have shape \(3, 3\)"):
        aug.pca_colour_offset(lam, P[:2], alphas)


def test_pca_colour_augmentation_moves_every_pixel_by_the_same_offset():
    X = np.random.default_rng(4).uniform(50, 200, (3, 4, 4, 3))
    out, alphas, offsets = aug.pca_colour_augmentation(X, sigma=0.1, seed=9)
    assert alphas.shape == offsets.shape == (3, 3)
    np.testing.assert_allclose(out - X, np.broadcast_to(offsets[:, None, None, :], X.shape))
    eigvals, eigvecs = aug.rgb_pca(X)
    np.testing.assert_allclose(offsets, 255 * aug.pca_colour_offset(eigvals, eigvecs, alphas))
    none, _, zero = aug.pca_colour_augmentation(X, sigma=0.0)
    np.testing.assert_array_equal(none, X)
    with pytest.raises(ValueError, match="sigma"):
        aug.pca_colour_augmentation(X, sigma=-0.1)


def test_bad_images_raise_in_course_notation():
    with pytest.raises(ValueError, match=r"X must have shape \(m, n_H, n_W, n_C\)"):
        aug.mirror(np.zeros((4, 4)))
    with pytest.raises(TypeError, match="numbers"):
        aug.mirror(np.array([[[["a"]]]]))
    with pytest.raises(ValueError, match="NaN"):
        aug.rotate(np.full((1, 3, 3, 1), np.nan), 10.0)


# --- ensembles and multi-crop -----------------------------------------------------------------


def test_crop_offsets_and_ten_crop_order():
    assert ens.crop_offsets(7, 9, 4) == [(1, 2), (0, 0), (0, 5), (3, 0), (3, 5)]
    X = _ramp(m=2, n_H=7, n_W=9, n_C=2)
    crops = ens.ten_crop(X, 4)
    assert crops.shape == (10, 2, 4, 4, 2)
    np.testing.assert_array_equal(crops[2], X[:, 0:4, 5:9])  # top-right
    np.testing.assert_array_equal(crops[7], X[:, 0:4, 5:9][:, :, ::-1])  # its mirror
    with pytest.raises(ValueError, match="crop_size"):
        ens.crop_offsets(3, 5, 4)


def test_multi_crop_predict_averages_the_crops():
    X = _ramp(m=3, n_H=5, n_W=5)

    def predict(c):  # "probability" = mean pixel of the crop, as two classes
        p = c.reshape(len(c), -1).mean(axis=1) / X.max()
        return np.stack([1 - p, p], axis=1)

    crops = ens.ten_crop(X, 3)
    expected = np.mean([predict(c) for c in crops[:5]], axis=0)
    np.testing.assert_allclose(ens.multi_crop_predict(predict, X, 3, n_crops=5), expected)
    np.testing.assert_allclose(ens.multi_crop_predict(predict, X, 3, n_crops=1), predict(crops[0]))
    with pytest.raises(ValueError, match="n_crops"):
        ens.multi_crop_predict(predict, X, 3, n_crops=3)


def test_ensemble_curve_by_hand():
    y = np.array([0, 1])
    P1 = np.array([[0.9, 0.1], [0.6, 0.4]])  # right, wrong
    P2 = np.array([[0.4, 0.6], [0.1, 0.9]])  # wrong, right
    curve = ens.ensemble_curve([P1, P2], y)
    np.testing.assert_array_equal(curve["single_accuracy"], [0.5, 0.5])
    np.testing.assert_array_equal(
        curve["ensemble_accuracy"], [0.5, 1.0]
    )  # (0.65, 0.35), (0.35, 0.65)
    assert curve["ensemble_loss"][1] == pytest.approx(-np.log(0.65))
    assert curve["ensemble_loss"][1] <= curve["single_loss"].mean()
    with pytest.raises(ValueError, match="at least one"):
        ens.ensemble_curve([], y)


def test_train_mlp_is_seeded_and_learns_digits():
    d = ens.load_digit_images(n_train=600, seed=1)
    assert d["train_x"].shape == (600, 8, 8, 1) and d["test_x"].shape == (1197, 8, 8, 1)
    a = ens.train_mlp(d["train_x"], d["train_y"], hidden=16, epochs=5, seed=3)
    b = ens.train_mlp(d["train_x"], d["train_y"], hidden=16, epochs=5, seed=3)
    np.testing.assert_array_equal(a["W1"], b["W1"])
    P = ens.predict_proba(a, d["test_x"])
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    assert ens.accuracy(P, d["test_y"]) > 0.85
    with pytest.raises(ValueError, match="labels 0..9"):
        ens.train_mlp(d["train_x"][:3], np.array([0, 1, 10]))
    with pytest.raises(ValueError, match="whole numbers"):
        ens.train_mlp(d["train_x"][:3], np.array([0.0, 0.5, 1.0]))
    with pytest.raises(ValueError, match="64 values per example"):
        ens.predict_proba(a, np.zeros((2, 9, 9, 1)))
