"""Convolution and pooling layers: the course's published numbers, loops = vectorised, errors."""
# ruff: noqa: NPY002  (the course reproduces its numbers with the legacy global generator)

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.c4_convnets import convolution as conv


def test_zero_pad_pads_height_and_width_only():
    np.random.seed(1)
    x = np.random.randn(4, 3, 3, 2)
    x_pad = conv.zero_pad(x, 3)
    assert x_pad.shape == (4, 9, 9, 2)
    assert np.array_equal(x_pad[:, 3:6, 3:6, :], x)
    assert np.count_nonzero(x_pad) == np.count_nonzero(x)
    # The course's check prints x_pad[1, 1] (all zeros: inside the border).
    assert not x_pad[1, 1].any()


def test_conv_single_step_gives_the_course_value():
    np.random.seed(1)
    a_slice_prev = np.random.randn(4, 4, 3)
    W = np.random.randn(4, 4, 3)
    b = np.random.randn(1, 1, 1)
    Z = conv.conv_single_step(a_slice_prev, W, b)
    assert isinstance(Z, float)
    assert abs(Z - -6.999089450680221) < 1e-12


def test_conv_forward_gives_the_course_values():
    np.random.seed(1)
    A_prev = np.random.randn(2, 5, 7, 4)
    W = np.random.randn(3, 3, 4, 8)
    b = np.random.randn(1, 1, 1, 8)
    hparameters = {"pad": 1, "stride": 2}
    Z, cache = conv.conv_forward(A_prev, W, b, hparameters)
    assert Z.shape == (2, 3, 4, 8)
    assert np.mean(Z) == pytest.approx(0.5511276474566768, abs=1e-12)
    np.testing.assert_allclose(
        Z[0, 2, 1],
        [-2.17796037, 8.07171329, -0.5772704, 3.36286738, 4.48113645, -2.89198428, 10.99288867,
         3.03171932],
        atol=1e-8,
    )  # fmt: skip
    np.testing.assert_allclose(
        cache[0][1][2][3], [-1.1191154, 1.9560789, -0.3264995, -1.34267579], atol=1e-8
    )
    assert cache[1] is W or np.array_equal(cache[1], W)
    assert cache[3] == hparameters


def test_conv_backward_gives_the_course_means():
    np.random.seed(1)
    A_prev = np.random.randn(10, 4, 4, 3)
    W = np.random.randn(2, 2, 3, 8)
    b = np.random.randn(1, 1, 1, 8)
    Z, cache = conv.conv_forward(A_prev, W, b, {"pad": 2, "stride": 2})
    assert np.mean(Z) == pytest.approx(0.048995203528855794, abs=1e-12)
    dA, dW, db = conv.conv_backward(Z, cache)
    assert (dA.shape, dW.shape, db.shape) == ((10, 4, 4, 3), (2, 2, 3, 8), (1, 1, 1, 8))
    assert np.mean(dA) == pytest.approx(1.45243777754, abs=1e-10)
    assert np.mean(dW) == pytest.approx(1.72699145831, abs=1e-10)
    assert np.mean(db) == pytest.approx(7.83923256462, abs=1e-10)


def test_pool_forward_gives_the_course_values():
    np.random.seed(1)
    A_prev = np.random.randn(2, 5, 5, 3)
    A, cache = conv.pool_forward(A_prev, {"stride": 1, "f": 3}, mode="max")
    assert A.shape == (2, 3, 3, 3)
    np.testing.assert_allclose(
        A[1, 1],
        [[1.96710175, 0.84616065, 1.27375593], [1.96710175, 0.84616065, 1.23616403],
         [1.62765075, 1.12141771, 1.2245077]],
        atol=1e-8,
    )  # fmt: skip
    A, _ = conv.pool_forward(A_prev, {"stride": 1, "f": 3}, mode="average")
    np.testing.assert_allclose(
        A[1, 1],
        [[0.44497696, -0.00261695, -0.31040307], [0.50811474, -0.23493734, -0.23961183],
         [0.11872677, 0.17255229, -0.22112197]],
        atol=1e-8,
    )  # fmt: skip
    assert cache[1] == {"stride": 1, "f": 3}


def test_pool_backward_gives_the_course_values():
    np.random.seed(1)
    A_prev = np.random.randn(5, 5, 3, 2)
    hparameters = {"stride": 1, "f": 2}
    A, cache = conv.pool_forward(A_prev, hparameters)
    dA = np.random.randn(5, 4, 2, 2)
    dA_prev = conv.pool_backward(dA, cache, mode="max")
    np.testing.assert_allclose(
        dA_prev[1, 1], [[0, 0], [5.05844394, -1.68282702], [0, 0]], atol=1e-8
    )
    dA_prev = conv.pool_backward(dA, cache, mode="average")
    np.testing.assert_allclose(
        dA_prev[1, 1],
        [[0.08485462, 0.2787552], [1.26461098, -0.25749373], [1.17975636, -0.53624893]],
        atol=1e-8,
    )


def test_mask_and_distribute_value():
    assert conv.create_mask_from_window(np.array([[1, 3], [4, 2]])).tolist() == [
        [False, False],
        [True, False],
    ]
    # A tie marks every maximum, as x == max(x) does.
    assert conv.create_mask_from_window(np.array([[5, 5], [0, 1]])).sum() == 2
    np.testing.assert_array_equal(conv.distribute_value(2, (2, 2)), np.full((2, 2), 0.5))
    np.testing.assert_array_equal(conv.distribute_value(1, (2, 3)), np.full((2, 3), 1 / 6))


@pytest.mark.parametrize(
    "n, f, p, s, expected",
    [(6, 3, 0, 1, 4), (6, 3, 1, 1, 6), (7, 3, 0, 2, 3), (39, 3, 0, 1, 37), (37, 5, 0, 2, 17),
     (8, 2, 0, 3, 3), (5, 5, 0, 1, 1)],
)  # fmt: skip
def test_conv_output_size(n, f, p, s, expected):
    assert conv.conv_output_size(n, f, p, s) == expected


def test_conv_multiplies_counts_the_course_example():
    assert conv.conv_multiplies(28, 28, 192, 5, 32, pad=2) == 120_422_400
    assert (
        conv.conv_multiplies(28, 28, 192, 1, 16) + conv.conv_multiplies(28, 28, 16, 5, 32, pad=2)
        == 12_443_648
    )


def test_a_hand_worked_convolution():
    # The course's 6x6 image: bright left half, dark right half; a vertical edge detector.
    image = np.hstack([np.full((6, 3), 10.0), np.zeros((6, 3))]).reshape(1, 6, 6, 1)
    kernel = np.array([[1, 0, -1]] * 3, dtype=float).reshape(3, 3, 1, 1)
    Z, _ = conv.conv_forward_vectorized(
        image, kernel, np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0}
    )
    assert Z[0, :, :, 0].tolist() == [[0, 30, 30, 0]] * 4


shapes = st.tuples(
    st.integers(1, 3),  # m
    st.integers(1, 7),  # n_H_prev
    st.integers(1, 7),  # n_W_prev
    st.integers(1, 3),  # n_C_prev
    st.integers(1, 4),  # f
    st.integers(1, 3),  # n_C
    st.integers(1, 3),  # stride
    st.integers(0, 2),  # pad
)


@settings(max_examples=60, deadline=None)
@given(shapes, st.integers(0, 2**31 - 1))
def test_vectorised_convolution_matches_the_loops(shape, seed):
    m, n_H, n_W, n_C_prev, f, n_C, stride, pad = shape
    if f > min(n_H, n_W) + 2 * pad:
        return
    rng = np.random.default_rng(seed)
    A_prev = rng.standard_normal((m, n_H, n_W, n_C_prev))
    W = rng.standard_normal((f, f, n_C_prev, n_C))
    b = rng.standard_normal((1, 1, 1, n_C))
    hparameters = {"stride": stride, "pad": pad}
    Z, cache = conv.conv_forward(A_prev, W, b, hparameters)
    Z_fast, cache_fast = conv.conv_forward_vectorized(A_prev, W, b, hparameters)
    np.testing.assert_allclose(Z_fast, Z, atol=1e-12)
    dZ = rng.standard_normal(Z.shape)
    for slow, fast in zip(
        conv.conv_backward(dZ, cache), conv.conv_backward_vectorized(dZ, cache_fast)
    ):
        assert slow.shape == fast.shape
        np.testing.assert_allclose(fast, slow, atol=1e-11)


@settings(max_examples=60, deadline=None)
@given(shapes, st.sampled_from(conv.POOL_MODES), st.integers(0, 2**31 - 1))
def test_vectorised_pooling_matches_the_loops(shape, mode, seed):
    m, n_H, n_W, n_C, f, _, stride, _ = shape
    if f > min(n_H, n_W):
        return
    rng = np.random.default_rng(seed)
    # Integers make ties in max windows likely: both versions must share the gradient alike.
    A_prev = rng.integers(0, 3, (m, n_H, n_W, n_C)).astype(float)
    hparameters = {"f": f, "stride": stride}
    A, cache = conv.pool_forward(A_prev, hparameters, mode)
    A_fast, _ = conv.pool_forward_vectorized(A_prev, hparameters, mode)
    np.testing.assert_allclose(A_fast, A, atol=1e-12)
    dA = rng.standard_normal(A.shape)
    np.testing.assert_allclose(
        conv.pool_backward_vectorized(dA, cache, mode),
        conv.pool_backward(dA, cache, mode),
        atol=1e-12,
    )


def test_float32_stays_float32_in_the_fast_layers():
    rng = np.random.default_rng(0)
    A = rng.standard_normal((2, 6, 6, 3)).astype(np.float32)
    W = rng.standard_normal((3, 3, 3, 4)).astype(np.float32)
    b = np.zeros((1, 1, 1, 4), np.float32)
    Z, cache = conv.conv_forward_vectorized(A, W, b, {"stride": 1, "pad": 1})
    assert Z.dtype == np.float32
    assert all(g.dtype == np.float32 for g in conv.conv_backward_vectorized(Z, cache))
    P, pcache = conv.pool_forward_vectorized(Z, {"f": 2, "stride": 2})
    assert P.dtype == np.float32 and conv.pool_backward_vectorized(P, pcache).dtype == np.float32


A4, W4, b4 = np.zeros((2, 5, 5, 3)), np.zeros((3, 3, 3, 4)), np.zeros((1, 1, 1, 4))


OK = {"stride": 1, "pad": 0}
BAD_CONV_INPUTS = [
    (
        (A4, np.zeros((3, 3, 2, 4)), b4, OK),
        "W must have shape (f, f, n_C_prev, n_C) = (f, f, 3, n_C)",
    ),
    ((A4, W4, np.zeros((4,)), OK), "b must have shape (1, 1, 1, n_C) = (1, 1, 1, 4)"),
    ((A4, W4, np.zeros((1, 1, 1, 3)), OK), "b must have shape (1, 1, 1, n_C)"),
    ((A4, W4, b4, {"stride": 1.5, "pad": 0}), "(s) must be an integer >= 1; got 1.5"),
    ((A4, W4, b4, {"stride": 0, "pad": 0}), "must be an integer >= 1; got 0"),
    ((A4, W4, b4, {"stride": 1, "pad": -1}), 'hparameters["pad"] (p) must be an integer >= 0'),
    ((A4, W4, b4, {"stride": 1}), "pad"),
    ((A4, np.zeros((7, 7, 3, 4)), b4, OK), "does not fit in the padded input: f = 7 > n + 2p = 5"),
    ((np.zeros((5, 5, 3)), W4, b4, OK), "A_prev must have shape (m, n_H_prev, n_W_prev, n_C_prev)"),
    ((np.full((2, 5, 5, 3), np.nan), W4, b4, OK), "NaN"),
    ((A4, np.zeros((3, 2, 3, 4)), b4, OK), "square f x f filters"),
]


@pytest.mark.parametrize("forward", [conv.conv_forward, conv.conv_forward_vectorized])
@pytest.mark.parametrize("args, message", BAD_CONV_INPUTS)
def test_conv_forward_rejects_bad_input_in_course_notation(forward, args, message):
    with pytest.raises(ValueError) as error:
        forward(*args)
    assert message in str(error.value)


@pytest.mark.parametrize("backward", [conv.conv_backward, conv.conv_backward_vectorized])
def test_conv_backward_rejects_a_dZ_of_the_wrong_shape(backward):
    _, cache = conv.conv_forward_vectorized(A4, W4, b4, {"stride": 1, "pad": 1})
    with pytest.raises(
        ValueError, match=r"dZ must have shape \(m, n_H, n_W, n_C\) = \(2, 5, 5, 4\)"
    ):
        backward(np.zeros((2, 3, 3, 4)), cache)
    with pytest.raises(ValueError, match="cache must be the"):
        backward(np.zeros((2, 5, 5, 4)), (A4, W4))


@pytest.mark.parametrize("forward", [conv.pool_forward, conv.pool_forward_vectorized])
def test_pool_forward_rejects_bad_input(forward):
    with pytest.raises(ValueError, match='mode must be "max" or "average"'):
        forward(A4, {"f": 2, "stride": 2}, mode="avg")
    with pytest.raises(ValueError, match="does not fit"):
        forward(A4, {"f": 6, "stride": 1})
    with pytest.raises(ValueError, match=r'hparameters\["f"\]'):
        forward(A4, {"f": 2.5, "stride": 1})
    with pytest.raises(ValueError, match="hparameters is missing f"):
        forward(A4, {"stride": 1})


def test_small_functions_reject_bad_input():
    with pytest.raises(ValueError, match="pad"):
        conv.zero_pad(A4, 1.5)
    with pytest.raises(ValueError, match=r"W must have shape \(f, f, n_C_prev\)"):
        conv.conv_single_step(np.zeros((3, 3, 2)), np.zeros((3, 3, 3)), np.zeros((1, 1, 1)))
    with pytest.raises(ValueError, match=r"b must have shape \(1, 1, 1\)"):
        conv.conv_single_step(np.zeros((3, 3, 2)), np.zeros((3, 3, 2)), np.zeros(2))
    with pytest.raises(ValueError, match=r"x must have shape \(f, f\)"):
        conv.create_mask_from_window(np.zeros(4))
    with pytest.raises(ValueError, match="dz must be one number"):
        conv.distribute_value(np.ones(2), (2, 2))
    with pytest.raises(ValueError, match="shape must be the window"):
        conv.distribute_value(1.0, 4)
    with pytest.raises(ValueError, match="integer"):
        conv.conv_output_size(5, 3, 0, True)


@pytest.mark.parametrize("backward", [conv.pool_backward, conv.pool_backward_vectorized])
def test_max_pool_ties_all_is_the_course_mask_first_sends_one_gradient(backward):
    A = np.array([[1.0, 3.0], [3.0, 2.0]]).reshape(1, 2, 2, 1)  # (0, 1) and (1, 0) tie
    _, cache = conv.pool_forward(A, {"f": 2, "stride": 2})
    dA = np.full((1, 1, 1, 1), 5.0)
    assert backward(dA, cache, "max")[0, :, :, 0].tolist() == [[0, 5], [5, 0]]
    assert backward(dA, cache, "max", ties="first")[0, :, :, 0].tolist() == [[0, 5], [0, 0]]
    with pytest.raises(ValueError, match='ties must be "all"'):
        backward(dA, cache, "max", ties="random")


@settings(max_examples=40, deadline=None)
@given(shapes, st.integers(0, 2**31 - 1))
def test_first_maximum_rule_is_the_same_in_loops_and_vectorised(shape, seed):
    m, n_H, n_W, n_C, f, _, stride, _ = shape
    if f > min(n_H, n_W):
        return
    rng = np.random.default_rng(seed)
    A_prev = rng.integers(0, 2, (m, n_H, n_W, n_C)).astype(float)  # many ties
    A, cache = conv.pool_forward(A_prev, {"f": f, "stride": stride})
    dA = rng.standard_normal(A.shape)
    np.testing.assert_allclose(
        conv.pool_backward_vectorized(dA, cache, ties="first"),
        conv.pool_backward(dA, cache, ties="first"),
        atol=1e-12,
    )
