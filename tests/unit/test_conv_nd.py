"""Unit tests of the 1-D/3-D convolutions and the lesson's data (c4_convnets/conv_nd.py)."""

import numpy as np
import pytest

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets import convolution as cv

HPS = [{"stride": 1, "pad": 0}, {"stride": 2, "pad": 1}, {"stride": 3, "pad": 2}]


def _layer(d, m=2, n=7, n_C_prev=3, f=3, n_C=4, seed=0):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((m,) + (n,) * d + (n_C_prev,))
    W = rng.standard_normal((f,) * d + (n_C_prev, n_C))
    b = rng.standard_normal((1,) * (d + 1) + (n_C,))
    return A, W, b


def _loops_1d(A, W, b, hp):
    """The definition, one output at a time."""
    s, p = hp["stride"], hp["pad"]
    f, n_C = W.shape[0], W.shape[-1]
    A_pad = np.pad(A, ((0, 0), (p, p), (0, 0)))
    n_W = (A.shape[1] + 2 * p - f) // s + 1
    Z = np.zeros((A.shape[0], n_W, n_C))
    for i in range(A.shape[0]):
        for w in range(n_W):
            for c in range(n_C):
                Z[i, w, c] = np.sum(A_pad[i, w * s : w * s + f] * W[..., c]) + b[0, 0, c]
    return Z


def _loops_3d(A, W, b, hp):
    s, p = hp["stride"], hp["pad"]
    f, n_C = W.shape[0], W.shape[-1]
    A_pad = np.pad(A, ((0, 0), (p, p), (p, p), (p, p), (0, 0)))
    out = [(n + 2 * p - f) // s + 1 for n in A.shape[1:4]]
    Z = np.zeros((A.shape[0], *out, n_C))
    for i in range(A.shape[0]):
        for z in range(out[0]):
            for h in range(out[1]):
                for w in range(out[2]):
                    window = A_pad[i, z * s : z * s + f, h * s : h * s + f, w * s : w * s + f]
                    for c in range(n_C):
                        Z[i, z, h, w, c] = np.sum(window * W[..., c]) + b.ravel()[c]
    return Z


@pytest.mark.parametrize("hp", HPS)
def test_conv1d_matches_the_definition(hp):
    A, W, b = _layer(1, n=11)
    Z, cache = cn.conv1d_forward(A, W, b, hp)
    np.testing.assert_allclose(Z, _loops_1d(A, W, b, hp), atol=1e-12)
    assert cache[0] is A and cache[3] is hp


@pytest.mark.parametrize("hp", HPS)
def test_conv3d_matches_the_definition(hp):
    A, W, b = _layer(3, n=6, f=2)
    Z, _ = cn.conv3d_forward(A, W, b, hp)
    np.testing.assert_allclose(Z, _loops_3d(A, W, b, hp), atol=1e-12)


@pytest.mark.parametrize("hp", HPS)
def test_the_2d_core_is_the_course_conv_forward(hp):
    A, W, b = _layer(2, n=8)
    A = A[:, :, :-1]  # n_H != n_W
    Z, cache = cn.conv_nd_forward(A, W, b, hp)
    Z_course, _ = cv.conv_forward(A, W, b, hp)
    np.testing.assert_allclose(Z, Z_course, atol=1e-12)
    dZ = np.random.default_rng(1).standard_normal(Z.shape)
    for mine, course in zip(cn.conv_nd_backward(dZ, cache), cv.conv_backward(dZ, cache)):
        np.testing.assert_allclose(mine, course, atol=1e-12)


def test_the_course_numbers():
    rng = np.random.default_rng(0)
    Z, _ = cn.conv1d_forward(
        rng.standard_normal((1, 14, 1)), rng.standard_normal((5, 1, 16)), np.zeros((1, 1, 16)),
        {"stride": 1, "pad": 0},
    )  # fmt: skip
    assert Z.shape == (1, 10, 16)
    Z, _ = cn.conv3d_forward(
        rng.standard_normal((1, 14, 14, 14, 1)), rng.standard_normal((5, 5, 5, 1, 16)),
        np.zeros((1, 1, 1, 1, 16)), {"stride": 1, "pad": 0},
    )  # fmt: skip
    assert Z.shape == (1, 10, 10, 10, 16)
    assert cn.conv_nd_output_shape((14,), 5) == (10,)
    assert cn.conv_nd_output_shape((14, 14, 14), 5) == (10, 10, 10)
    assert cn.conv_nd_output_shape(14, 5, pad=2, stride=2) == (7,)


def test_parameter_counts():
    assert [cn.conv_parameter_count(5, 1, 16, d) for d in (1, 2, 3)] == [96, 416, 2016]
    assert cn.conv_parameter_count(3, 64, 128) == 3 * 3 * 64 * 128 + 128
    W = _layer(3, f=5, n_C_prev=1, n_C=16)[1]
    assert W.size + 16 == cn.conv_parameter_count(5, 1, 16, 3)


def test_4d_core_works():
    A, W, b = _layer(4, m=1, n=4, n_C_prev=1, f=2, n_C=2)
    Z, cache = cn.conv_nd_forward(A, W, b, {"stride": 1, "pad": 0})
    assert Z.shape == (1, 3, 3, 3, 3, 2)
    expected = np.sum(A[0, :2, :2, :2, :2] * W[..., 1]) + b.ravel()[1]
    assert Z[0, 0, 0, 0, 0, 1] == pytest.approx(expected)
    dA, dW, db = cn.conv_nd_backward(np.ones_like(Z), cache)
    assert dA.shape == A.shape and dW.shape == W.shape and db.shape == b.shape


def test_float32_stays_float32():
    A, W, b = (x.astype(np.float32) for x in _layer(1))
    Z, cache = cn.conv1d_forward(A, W, b, {"stride": 1, "pad": 1})
    assert Z.dtype == np.float32
    assert all(g.dtype == np.float32 for g in cn.conv1d_backward(np.ones_like(Z), cache))


def test_backward_shapes_and_bias_gradient():
    A, W, b = _layer(3, n=5)
    Z, cache = cn.conv3d_forward(A, W, b, {"stride": 2, "pad": 1})
    dZ = np.random.default_rng(2).standard_normal(Z.shape)
    dA, dW, db = cn.conv3d_backward(dZ, cache)
    assert dA.shape == A.shape and dW.shape == W.shape and db.shape == b.shape
    np.testing.assert_allclose(db.ravel(), dZ.sum(axis=(0, 1, 2, 3)))


def test_floor_positions_get_zero_gradient():
    # n = 8, f = 3, s = 2: windows start at 0, 2, 4; sample 7 is never seen.
    A, W, b = _layer(1, n=8)
    Z, cache = cn.conv1d_forward(A, W, b, {"stride": 2, "pad": 0})
    assert Z.shape[1] == 3
    dA, _, _ = cn.conv1d_backward(np.ones_like(Z), cache)
    assert np.all(dA[:, 7] == 0) and np.any(dA[:, 6] != 0)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda A, W, b: cn.conv1d_forward(A[:, :2], W, b, {"stride": 1, "pad": 0}),
         "does not fit"),
        (lambda A, W, b: cn.conv1d_forward(A, W, b, {"stride": 0, "pad": 0}), "stride"),
        (lambda A, W, b: cn.conv1d_forward(A, W, b, {"stride": 1}), "pad"),
        (lambda A, W, b: cn.conv1d_forward(A, W, b, {"stride": 1, "pad": -1}), ">= 0"),
        (lambda A, W, b: cn.conv1d_forward(A[..., :2], W, b, {"stride": 1, "pad": 0}),
         "n_C_prev = 2"),
        (lambda A, W, b: cn.conv1d_forward(A, W, b[..., :2], {"stride": 1, "pad": 0}),
         "(1, 1, n_C)"),
        (lambda A, W, b: cn.conv1d_forward(A[None], W, b, {"stride": 1, "pad": 0}),
         "(m, n_W_prev, n_C_prev)"),
        (lambda A, W, b: cn.conv3d_forward(A, W, b, {"stride": 1, "pad": 0}),
         "(m, n_D_prev, n_H_prev, n_W_prev, n_C_prev)"),
        (lambda A, W, b: cn.conv_nd_forward(A[0, :, 0], W, b, {"stride": 1, "pad": 0}),
         "at least one spatial axis"),
        (lambda A, W, b: cn.conv_nd_forward(A[:0], W, b, {"stride": 1, "pad": 0}), "m"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_course_words(call, fragment):
    A, W, b = _layer(1, n=5, f=3)
    with pytest.raises(ValueError, match=None) as error:
        call(A, W, b)
    assert fragment in str(error.value)


def test_non_cubic_filters_and_bad_caches_are_refused():
    A, W, b = _layer(3, n=5)
    with pytest.raises(ValueError, match="same size f on every axis"):
        cn.conv3d_forward(A, W[:, :2], b, {"stride": 1, "pad": 0})
    Z, cache = cn.conv3d_forward(A, W, b, {"stride": 1, "pad": 0})
    with pytest.raises(ValueError, match="cache must be"):
        cn.conv3d_backward(Z, cache[:3])
    with pytest.raises(ValueError, match="dZ must have shape"):
        cn.conv3d_backward(Z[:, :-1], cache)
    with pytest.raises(ValueError, match="NaN|finite"):
        bad = A.copy()
        bad[0, 0, 0, 0, 0] = np.nan
        cn.conv3d_forward(bad, W, b, {"stride": 1, "pad": 0})
    with pytest.raises(ValueError, match="n_H_prev"):
        cn.conv_nd_output_shape((14, 2, 14), 5)


def test_make_ecg_is_seeded_and_has_its_beats():
    a, b = cn.make_ecg(seed=3), cn.make_ecg(seed=3)
    np.testing.assert_array_equal(a["signal"], b["signal"])
    assert not np.array_equal(a["signal"], cn.make_ecg(seed=4)["signal"])
    assert a["signal"].shape == (2500,) and a["fs"] == 250
    intervals = np.diff(a["r_peaks"]) / 250
    assert np.all(np.abs(intervals - 60 / 72) < 0.2)
    assert np.all(a["clean"][a["r_peaks"]] > 0.8)  # the R wave is the tallest wave
    with pytest.raises(ValueError, match="heart_rate"):
        cn.make_ecg(heart_rate=500)


def test_detect_beats_finds_every_beat():
    for seed in range(3):
        ecg = cn.make_ecg(duration=20, heart_rate=60 + 20 * seed, seed=seed)
        found = cn.detect_beats(ecg["signal"])["r_peaks"]
        assert len(found) == len(ecg["r_peaks"])
        assert np.max(np.abs(found - ecg["r_peaks"])) <= 3  # within 12 ms


def test_beat_dataset():
    data = cn.make_beat_dataset(40, seed=0)
    assert data["X"].shape == (40, 160, 1) and data["Y"].shape == (40,)
    assert data["Y"].sum() == 20
    np.testing.assert_array_equal(data["X"], cn.make_beat_dataset(40, seed=0)["X"])


def test_ct_volume_and_sobel():
    V = cn.make_ct_volume(size=16, noise=0.0, seed=0)
    assert V.shape == (1, 16, 16, 16, 1)
    assert set(np.unique(V)) == {0.2, 1.0}
    W = cn.sobel_3d()
    assert W.shape == (3, 3, 3, 1, 3)
    np.testing.assert_allclose(W.sum(axis=(0, 1, 2, 3)), 0, atol=1e-15)
    Z, _ = cn.conv3d_forward(V, W, np.zeros((1, 1, 1, 1, 3)), {"stride": 1, "pad": 1})
    magnitude = np.linalg.norm(Z[0], axis=-1)
    windows = np.lib.stride_tricks.sliding_window_view(V[0, ..., 0], (3, 3, 3))
    inside = np.zeros(V.shape[1:4], dtype=bool)
    inside[1:-1, 1:-1, 1:-1] = windows.min(axis=(3, 4, 5)) == 1.0  # whole 3x3x3 block bright
    assert inside.sum() > 10
    assert magnitude[inside].max() < 1e-12  # flat inside a sphere: no edge
    assert magnitude.max() > 0.2
    # a ramp along n_D excites the n_D filter only (away from the padded border)
    ramp = np.arange(8.0)[None, :, None, None, None] * np.ones((1, 8, 8, 8, 1))
    Zr, _ = cn.conv3d_forward(ramp, W, np.zeros((1, 1, 1, 1, 3)), {"stride": 1, "pad": 0})
    np.testing.assert_allclose(Zr[..., 0], 1.0)
    np.testing.assert_allclose(Zr[..., 1:], 0.0, atol=1e-12)


def test_the_2d_core_reproduces_the_course_published_numbers():
    rng = np.random.RandomState(1)
    A_prev, W, b = rng.randn(2, 5, 7, 4), rng.randn(3, 3, 4, 8), rng.randn(1, 1, 1, 8)
    Z, _ = cn.conv_nd_forward(A_prev, W, b, {"pad": 1, "stride": 2})
    assert np.mean(Z) == pytest.approx(0.5511276474566768)
    np.testing.assert_allclose(
        Z[0, 2, 1],
        [-2.17796037, 8.07171329, -0.5772704, 3.36286738, 4.48113645, -2.89198428,
         10.99288867, 3.03171932],
        atol=1e-7,
    )  # fmt: skip
