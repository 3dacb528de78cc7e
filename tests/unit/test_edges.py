"""Unit tests of course_lib/c4_convnets/edges.py: hand-worked values, shapes, errors."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import edges


def _loop_correlate(image, kernel, stride=1, pad=0):
    """An independent reference: the definition, written as plain loops."""
    padded = np.pad(np.asarray(image, float), pad)
    f = kernel.shape[0]
    n_H = (padded.shape[0] - f) // stride + 1
    n_W = (padded.shape[1] - f) // stride + 1
    out = np.zeros((n_H, n_W))
    for i in range(n_H):
        for j in range(n_W):
            total = 0.0
            for u in range(f):
                for v in range(f):
                    total += padded[i * stride + u, j * stride + v] * kernel[u, v]
            out[i, j] = total
    return out


# --- kernels and the worked example -------------------------------------------------------


def test_named_kernels_are_the_lectures():
    K = edges.KERNELS
    assert K["vertical"].tolist() == [[1, 0, -1]] * 3
    assert K["horizontal"].tolist() == [[1, 1, 1], [0, 0, 0], [-1, -1, -1]]
    assert K["sobel vertical"].tolist() == [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
    assert K["scharr vertical"].tolist() == [[3, 0, -3], [10, 0, -10], [3, 0, -3]]
    for name in ("sobel", "scharr"):
        np.testing.assert_array_equal(K[f"{name} horizontal"], K[f"{name} vertical"].T)
    for k in K.values():
        assert k.sum() == 0  # edge detectors ignore a constant brightness


def test_kernels_are_read_only():
    with pytest.raises(ValueError):
        edges.KERNELS["vertical"][0, 0] = 5


def test_six_by_six_example_gives_the_30_band():
    out = edges.conv2d(edges.step_image(6, 10, 0), edges.KERNELS["vertical"])
    np.testing.assert_array_equal(out, np.tile([0, 30, 30, 0], (4, 1)))
    dark_light = edges.conv2d(edges.step_image(6, 0, 10), edges.KERNELS["vertical"])
    np.testing.assert_array_equal(dark_light, -out)


def test_horizontal_kernel_finds_a_horizontal_edge():
    img = edges.step_image(6, 10, 0).T  # light above, dark below
    np.testing.assert_array_equal(
        edges.conv2d(img, edges.KERNELS["horizontal"]), np.tile([0, 30, 30, 0], (4, 1)).T
    )
    np.testing.assert_array_equal(edges.conv2d(img, edges.KERNELS["vertical"]), 0)


# --- conv2d ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "f", "stride", "pad"),
    [((6, 6), 3, 1, 0), ((5, 8), 3, 2, 1), ((9, 7), 2, 3, 0), ((7, 7), 5, 2, 2), ((4, 4), 1, 1, 0)],
)
def test_conv2d_matches_the_definition(shape, f, stride, pad):
    rng = np.random.default_rng(sum(shape) + f)
    image, kernel = rng.standard_normal(shape), rng.standard_normal((f, f))
    out = edges.conv2d(image, kernel, stride, pad)
    np.testing.assert_allclose(out, _loop_correlate(image, kernel, stride, pad), atol=1e-12)
    assert out.shape == tuple((n + 2 * pad - f) // stride + 1 for n in shape)


def test_conv2d_does_not_flip_and_accepts_integers():
    image = np.arange(16).reshape(4, 4)
    kernel = np.array([[1, 0], [0, 0]])  # picks the top-left pixel of each window
    np.testing.assert_array_equal(edges.conv2d(image, kernel), image[:3, :3])


def test_valid_size_is_n_minus_f_plus_one_not_m_minus_2f_plus_one():
    out = edges.conv2d(np.ones((10, 10)), np.ones((3, 3)))
    assert out.shape == (8, 8)  # 10 - 3 + 1; the seed's m - 2f + 1 would give 5


def test_same_padding_keeps_the_size():
    for f in (1, 3, 5, 7):
        p = edges.same_padding(f)
        assert p == (f - 1) // 2
        assert edges.conv2d(np.ones((9, 11)), np.ones((f, f)), pad=p).shape == (9, 11)
    with pytest.raises(ValueError, match="odd f"):
        edges.same_padding(4)


@pytest.mark.parametrize(
    ("image", "kernel", "kwargs", "match"),
    [
        (np.ones((2, 4, 4)), np.ones((3, 3)), {}, r"image must have shape \(n_H, n_W\)"),
        (np.ones((5, 5)), np.ones((3, 2)), {}, r"kernel must have shape \(f, f\)"),
        (np.ones((5, 5)), np.ones((7, 7)), {}, "does not fit"),
        (np.ones((5, 5)), np.ones((3, 3)), {"stride": 0}, "stride must be an integer >= 1"),
        (np.ones((5, 5)), np.ones((3, 3)), {"pad": -1}, "pad must be an integer >= 0"),
        (np.ones((5, 5)), np.ones((3, 3)), {"stride": 1.5}, "stride must be an integer"),
        (np.full((5, 5), np.nan), np.ones((3, 3)), {}, "finite"),
    ],
)
def test_conv2d_bad_input_says_what_it_expected(image, kernel, kwargs, match):
    with pytest.raises(ValueError, match=match):
        edges.conv2d(image, kernel, **kwargs)


def test_conv2d_refuses_strings():
    with pytest.raises(TypeError, match="numbers"):
        edges.conv2d(np.array([["a", "b"], ["c", "d"]]), np.ones((1, 1)))


# --- flip, true convolution, associativity -----------------------------------------------


def test_flip_is_the_lectures_180_degree_rotation():
    A = np.array([[3, 4, 5], [1, 0, 2], [-1, 9, 7]])
    np.testing.assert_array_equal(edges.flip_kernel(A), [[7, 9, -1], [2, 0, 1], [5, 4, 3]])
    # "horizontal and diagonal" (the seed's wording) is another matrix
    assert not np.array_equal(edges.flip_kernel(A), A[::-1].T)


def test_true_convolution_flips():
    rng = np.random.default_rng(0)
    image, kernel = rng.standard_normal((6, 5)), rng.standard_normal((3, 3))
    np.testing.assert_allclose(
        edges.convolve2d_true(image, kernel, 2, 1), _loop_correlate(image, kernel[::-1, ::-1], 2, 1)
    )
    # for the antisymmetric vertical kernel the flip only changes the sign
    np.testing.assert_array_equal(
        edges.convolve2d_true(image, edges.KERNELS["vertical"]),
        -edges.conv2d(image, edges.KERNELS["vertical"]),
    )


def test_true_full_convolution_matches_the_textbook_sum():
    rng = np.random.default_rng(2)
    A, B = rng.standard_normal((4, 4)), rng.standard_normal((3, 3))
    full = edges.convolve2d_true(A, B, pad=2)
    expected = np.zeros((6, 6))
    for i in range(4):
        for j in range(4):
            expected[i : i + 3, j : j + 3] += A[i, j] * B  # (A * B)[n] = sum_k A[k] B[n - k]
    np.testing.assert_allclose(full, expected, atol=1e-12)


def test_associativity_holds_for_convolution_not_for_correlation():
    rng = np.random.default_rng(1)
    A, B, C = rng.standard_normal((7, 7)), rng.standard_normal((3, 3)), rng.standard_normal((2, 2))
    assert edges.associativity_gap(A, B, C, flip=True) < 1e-12
    assert edges.associativity_gap(A, B, C, flip=False) > 1e-1
    sym = np.ones((3, 3))  # symmetric kernels: both agree
    assert edges.associativity_gap(A, sym, sym, flip=False) < 1e-12


# --- translation equivariance and shifts --------------------------------------------------


def test_shift_image():
    img = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(
        edges.shift_image(img, 1, 2), [[0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 4, 5]]
    )
    np.testing.assert_array_equal(
        edges.shift_image(img, -1, -3), [[7, 0, 0, 0], [11, 0, 0, 0], [0] * 4]
    )
    np.testing.assert_array_equal(edges.shift_image(img, 3, 0), 0)
    with pytest.raises(ValueError, match="dx must be a whole number"):
        edges.shift_image(img, 1, 0.5)


@pytest.mark.parametrize(("dy", "dx"), [(0, 1), (3, 5), (2, 0)])
def test_conv_is_translation_equivariant(dy, dx):
    rng = np.random.default_rng(dy * 10 + dx)
    img, K = rng.standard_normal((12, 14)), rng.standard_normal((3, 3))
    left = edges.conv2d(edges.shift_image(img, dy, dx), K)
    right = edges.shift_image(edges.conv2d(img, K), dy, dx)
    np.testing.assert_allclose(left[dy:, dx:], right[dy:, dx:], atol=1e-12)
    assert not np.allclose(left, edges.conv2d(img, K))  # the map did move


# --- sizes and counts ---------------------------------------------------------------------


def test_fc_weight_count_is_3_billion_for_1000_units_300_million_for_100():
    assert edges.fc_weight_count(1000, 1000, 3, 1000) == 3_000_000_000
    assert edges.fc_weight_count(1000, 1000, 3, 100) == 300_000_000
    assert edges.fc_weight_count(64, 64, 3, 1) == 12_288
    with pytest.raises(ValueError, match="n_units must be an integer >= 1"):
        edges.fc_weight_count(64, 64, 3, 0)


def test_pixel_use_counts():
    valid = edges.pixel_use_counts(6, 3)
    assert valid[0, 0] == 1 and valid[0, 1] == 2 and valid[2, 2] == 9
    assert valid.sum() == 16 * 9  # 4 x 4 windows of 9 pixels
    padded = edges.pixel_use_counts(6, 3, pad=1)
    assert padded[0, 0] == 4 and padded.min() == 4 and padded.max() == 9
    strided = edges.pixel_use_counts(7, 3, 0, 2)
    assert strided.sum() == 9 * 9 and strided[2, 2] == 4
    with pytest.raises(ValueError, match="does not fit"):
        edges.pixel_use_counts(3, 5)


def test_output_size_report():
    r = edges.output_size_report(7, 3, 0, 2)
    assert r["ok"] and r["n_out"] == 3 and r["starts"] == [0, 2, 4]
    assert r["formula"].endswith("= floor(4/2) + 1 = 3") and r["message"].startswith("valid")
    r = edges.output_size_report(8, 3, 0, 2)
    assert r["n_out"] == 3 and "last 1 row(s)" in r["message"]
    r = edges.output_size_report(6, 5, 2, 1)
    assert r["n_out"] == 6 and r["message"].startswith("same") and r["same_pad"] == 2
    r = edges.output_size_report(3, 7, 1, 1)
    assert not r["ok"] and r["n_out"] is None and "does not fit" in r["message"]
    assert edges.output_size_report(5, 4, 0, 1)["same_pad"] is None


# --- photos and data ------------------------------------------------------------------------


def test_load_photo_is_grey_in_0_1_and_fits():
    for name in ("camera", "chelsea"):
        img = edges.load_photo(name, 100)
        assert img.ndim == 2 and max(img.shape) <= 100 and max(img.shape) > 50
        assert img.min() >= 0 and img.max() <= 1
    with pytest.raises(ValueError, match="photo must be one of"):
        edges.load_photo("lena")


def test_photo_patches_are_seeded():
    a = edges.photo_patches(["gravel", "camera"], 16, 3, seed=4)
    assert a.shape == (6, 16, 16)
    np.testing.assert_array_equal(a, edges.photo_patches(["gravel", "camera"], 16, 3, seed=4))
    assert not np.array_equal(a, edges.photo_patches(["gravel", "camera"], 16, 3, seed=5))
    with pytest.raises(ValueError, match="names must be a non-empty list"):
        edges.photo_patches("camera")
    with pytest.raises(ValueError, match="size must be at most"):
        edges.photo_patches(["text"], 100)


def test_standardize_images():
    X = np.random.default_rng(0).uniform(0, 5, (3, 6, 7))
    Z = edges.standardize_images(np.concatenate([X, np.ones((1, 6, 7))]))
    np.testing.assert_allclose(Z[:3].mean(axis=(1, 2)), 0, atol=1e-12)
    np.testing.assert_allclose(Z[:3].std(axis=(1, 2)), 1)
    np.testing.assert_array_equal(Z[3], 0)  # a constant image stays finite


# --- learning a kernel ------------------------------------------------------------------------


def test_edge_kernel_cost_is_zero_at_the_target():
    X = edges.standardize_images(edges.photo_patches(["gravel"], 12, 2))
    T = edges.KERNELS["sobel vertical"]
    Y = np.stack([edges.conv2d(x, T) for x in X])
    cost, dK = edges.edge_kernel_cost(T, X, Y)
    assert cost < 1e-25 and np.abs(dK).max() < 1e-12
    cost, _ = edges.edge_kernel_cost(np.zeros((3, 3)), X, Y)
    assert cost == pytest.approx(np.mean(Y**2))
    with pytest.raises(ValueError, match="targets must have shape"):
        edges.edge_kernel_cost(T, X, Y[:, :-1])


def test_learn_edge_kernel_converges_to_sobel_and_is_deterministic():
    X = edges.photo_patches(["gravel", "grass"], 24, 2, seed=1)
    T = edges.KERNELS["sobel vertical"]
    run = edges.learn_edge_kernel(X, T, 0.1, 120, seed=3)
    assert run["kernels"].shape == (121, 3, 3) and run["costs"].shape == (121,)
    np.testing.assert_allclose(run["kernel"], T, atol=1e-3)
    assert np.all(np.diff(run["costs"]) <= 1e-12)  # alpha below 1/f^2: the cost only falls
    np.testing.assert_array_equal(run["kernels"][-1], run["kernel"])
    again = edges.learn_edge_kernel(X, T, 0.1, 120, seed=3)
    np.testing.assert_array_equal(again["kernels"], run["kernels"])
    other = edges.learn_edge_kernel(X, T, 0.1, 5, seed=4)
    assert not np.array_equal(other["kernels"][0], run["kernels"][0])


def test_smooth_photos_are_worse_conditioned_than_textures():
    T = edges.KERNELS["vertical"]
    rough = edges.learn_edge_kernel(edges.photo_patches(["gravel"], 24, 2), T, 0.1, 30)
    smooth = edges.learn_edge_kernel(edges.photo_patches(["camera"], 24, 2), T, 0.1, 30)
    assert smooth["condition_number"] > 2 * rough["condition_number"]
    assert np.abs(smooth["kernel"] - T).max() > np.abs(rough["kernel"] - T).max()


def test_learn_edge_kernel_bad_input():
    X = np.zeros((2, 8, 8))
    with pytest.raises(ValueError, match="target_kernel must have shape"):
        edges.learn_edge_kernel(X, np.ones((9, 9)))
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        edges.learn_edge_kernel(X, np.ones((3, 3)), learning_rate=0)
    with pytest.raises(ValueError, match=r"images must have shape \(m, n_H, n_W\)"):
        edges.learn_edge_kernel(np.zeros((8, 8)), np.ones((3, 3)))
