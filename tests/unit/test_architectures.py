"""Unit tests of architectures.py: 1x1 and depthwise convolutions, counted costs, Inception,
MobileNet parameter counts and EfficientNet scaling (values worked by hand or from the course)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import architectures as ar
from course_lib.c4_convnets import convolution as conv


def _depthwise_inputs(seed=0, shape=(2, 5, 6, 3), f=3):
    rng = np.random.default_rng(seed)
    n_C = shape[3]
    return (
        rng.standard_normal(shape),
        rng.standard_normal((f, f, n_C, 1)),
        rng.standard_normal((1, 1, 1, n_C)),
    )


# --- depthwise and pointwise -------------------------------------------------------------------


def test_depthwise_by_hand():
    A = np.zeros((1, 3, 3, 2))
    A[0, :, :, 0] = np.arange(9).reshape(3, 3)
    A[0, :, :, 1] = 1.0
    W = np.zeros((2, 2, 2, 1))
    W[:, :, 0, 0] = [[1, 0], [0, -1]]  # a[h, w] - a[h+1, w+1] = -4 everywhere
    W[:, :, 1, 0] = 1.0  # sum of a 2x2 window of ones = 4
    b = np.array([0.5, -1.0]).reshape(1, 1, 1, 2)
    Z, cache = ar.depthwise_conv_forward(A, W, b, {"stride": 1, "pad": 0})
    assert Z.shape == (1, 2, 2, 2)
    np.testing.assert_allclose(Z[0, :, :, 0], -3.5)
    np.testing.assert_allclose(Z[0, :, :, 1], 3.0)
    assert cache[0] is A or np.array_equal(cache[0], A)


@pytest.mark.parametrize("stride, pad, f", [(1, 0, 3), (2, 1, 3), (1, 2, 2), (3, 1, 2), (2, 0, 1)])
def test_depthwise_loops_equal_vectorised_and_per_channel_conv(stride, pad, f):
    A, W, b = _depthwise_inputs(stride + pad, f=f)
    hp = {"stride": stride, "pad": pad}
    Z, _ = ar.depthwise_conv_forward(A, W, b, hp)
    Z_vec, _ = ar.depthwise_conv_forward_vectorized(A, W, b, hp)
    np.testing.assert_allclose(Z, Z_vec, atol=1e-12)
    n_H = (5 + 2 * pad - f) // stride + 1
    n_W = (6 + 2 * pad - f) // stride + 1
    assert Z.shape == (2, n_H, n_W, 3)
    for c in range(3):  # channel c alone through a normal conv with its own filter
        Z_c, _ = conv.conv_forward_vectorized(
            A[..., c : c + 1], W[:, :, c : c + 1, :], b[..., c : c + 1], hp
        )
        np.testing.assert_allclose(Z[..., c : c + 1], Z_c, atol=1e-12)


def test_pointwise_is_conv_with_f1_and_a_matrix_product():
    rng = np.random.default_rng(1)
    A = rng.standard_normal((2, 4, 5, 6))
    W = rng.standard_normal((1, 1, 6, 3))
    b = rng.standard_normal((1, 1, 1, 3))
    Z, cache = ar.pointwise_conv_forward(A, W, b)
    Z_conv, _ = conv.conv_forward(A, W, b, {"stride": 1, "pad": 0})
    np.testing.assert_allclose(Z, Z_conv, atol=1e-12)
    np.testing.assert_allclose(Z[1, 2, 3], W[0, 0].T @ A[1, 2, 3] + b.ravel(), atol=1e-12)
    assert Z.shape == (2, 4, 5, 3) and cache[3] == {"stride": 1, "pad": 0}
    # The cache is conv_forward's, so the course's conv_backward takes it.
    dZ = rng.standard_normal(Z.shape)
    for ours, theirs in zip(ar.pointwise_conv_backward(dZ, cache), conv.conv_backward(dZ, cache)):
        np.testing.assert_allclose(ours, theirs, atol=1e-10)


# --- counting ------------------------------------------------------------------------------------


def test_counting_the_course_numbers():
    rng = np.random.default_rng(2)
    A = rng.standard_normal((1, 28, 28, 192))
    count, (Z, _) = ar.count_multiplies(
        conv.conv_forward,
        A,
        rng.standard_normal((1, 1, 192, 16)),
        np.zeros((1, 1, 1, 16)),
        {"stride": 1, "pad": 0},
    )
    assert count == 2_408_448 and Z.shape == (1, 28, 28, 16)
    count, _ = ar.count_multiplies(
        conv.conv_forward,
        Z,
        rng.standard_normal((5, 5, 16, 32)),
        np.zeros((1, 1, 1, 32)),
        {"stride": 1, "pad": 2},
    )
    assert count == 10_035_200


def test_counting_the_separable_example():
    A, W, b = _depthwise_inputs(3, shape=(1, 6, 6, 3))
    valid = {"stride": 1, "pad": 0}
    assert (
        ar.count_multiplies(
            conv.conv_forward, A, np.ones((3, 3, 3, 5)), np.zeros((1, 1, 1, 5)), valid
        )[0]
        == 2160
    )
    count, (Z, _) = ar.count_multiplies(ar.depthwise_conv_forward, A, W, b, valid)
    assert count == 432
    assert (
        ar.count_multiplies(
            conv.conv_forward, Z, np.ones((1, 1, 3, 5)), np.zeros((1, 1, 1, 5)), valid
        )[0]
        == 240
    )


def test_counter_counts_what_runs_and_restores_the_function():
    original = conv.conv_single_step
    A, W, b = _depthwise_inputs(4, shape=(2, 4, 4, 2), f=2)
    with ar.counting_multiplies() as counter:
        ar.depthwise_conv_forward(A, W, b, {"stride": 2, "pad": 0})
    assert counter.calls == 2 * 2 * 2 * 2 and counter.multiplies == counter.calls * 4
    assert conv.conv_single_step is original
    with pytest.raises(ValueError), ar.counting_multiplies():
        ar.depthwise_conv_forward(A, W[:, :, :1], b, {"stride": 1, "pad": 0})
    assert conv.conv_single_step is original


def test_counting_refuses_a_function_that_never_calls_conv_single_step():
    A, W, b = _depthwise_inputs(5)
    with pytest.raises(ValueError, match="never called"):
        ar.count_multiplies(ar.depthwise_conv_forward_vectorized, A, W, b, {"stride": 1, "pad": 0})


# --- cost calculators ----------------------------------------------------------------------------


def test_bottleneck_cost_course_numbers():
    cost = ar.bottleneck_cost(28, 28, 192, 5, 32, 16)
    assert cost["direct"] == 120_422_400 == conv.conv_multiplies(28, 28, 192, 5, 32, 2, 1)
    assert (cost["bottleneck"], cost["conv"], cost["total"]) == (2_408_448, 10_035_200, 12_443_648)
    assert cost["saving"] == pytest.approx(120_422_400 / 12_443_648)


def test_separable_conv_cost_course_numbers_and_ratio():
    cost = ar.separable_conv_cost(6, 3, 3, 5)
    assert cost == {
        "n_out": 4,
        "normal": 2160,
        "depthwise": 432,
        "pointwise": 240,
        "separable": 672,
        "ratio": pytest.approx(1 / 5 + 1 / 9),
    }
    for n, n_C, f, n_C_prime in [(10, 8, 3, 16), (32, 64, 5, 128), (7, 1, 1, 1)]:
        assert ar.separable_conv_cost(n, n_C, f, n_C_prime)["ratio"] == pytest.approx(
            1 / n_C_prime + 1 / f**2
        )
    assert ar.separable_conv_cost(10, 4, 3, 6, pad=1, stride=2)["n_out"] == 5


# --- Inception -----------------------------------------------------------------------------------


def test_inception_module_shapes_and_branches():
    rng = np.random.default_rng(6)
    A = rng.standard_normal((2, 7, 7, 12))
    filters = {"1x1": 4, "3x3_reduce": 3, "3x3": 5, "5x5_reduce": 2, "5x5": 3, "pool_proj": 2}
    params = ar.initialize_inception_parameters(12, filters, seed=0)
    assert params["W_3x3"].shape == (3, 3, 3, 5) and params["W_5x5_reduce"].shape == (1, 1, 12, 2)
    out, branches = ar.inception_module_forward(A, params)
    assert out.shape == (2, 7, 7, 14) and (out >= 0).all()
    assert [v.shape[3] for v in branches.values()] == [4, 5, 3, 2]
    np.testing.assert_array_equal(out[..., :4], branches["1x1"])
    naive = ar.initialize_inception_parameters(
        12, dict(filters, **{"3x3_reduce": 0, "5x5_reduce": 0})
    )
    assert "W_3x3_reduce" not in naive and naive["W_5x5"].shape == (5, 5, 12, 3)
    assert ar.inception_module_forward(A, naive)[0].shape == (2, 7, 7, 14)


def test_same_max_pool_ignores_the_padding():
    A = -np.abs(
        np.random.default_rng(7).standard_normal((1, 5, 4, 2))
    )  # all negative: zeros would win
    pooled = ar._max_pool_same(A)
    padded = np.pad(A, ((0, 0), (1, 1), (1, 1), (0, 0)), constant_values=-np.inf)
    expected = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(1, 2)).max(
        axis=(-2, -1)
    )
    np.testing.assert_array_equal(pooled, expected)


def test_inception_counts():
    assert (
        ar.inception_module_params(192) == 163_696
    )  # 12352 + 18528 + 110720 + 3088 + 12832 + 6176
    cost = ar.inception_module_cost(28, 28, 192)
    assert cost["5x5_reduce"] + cost["5x5"] == 12_443_648
    assert ar.inception_module_cost(28, 28, 192, ar.NAIVE_INCEPTION)["5x5"] == 120_422_400


# --- MobileNet -----------------------------------------------------------------------------------


def test_mobilenet_counts_by_hand():
    assert ar.mobilenet_v1_block_params(32, 64) == 9 * 32 + 4 * 32 + 32 * 64 + 4 * 64 == 2720
    assert ar.mobilenet_v1_block_params(32, 64, batch_norm=False) == 9 * 32 + 32 + 32 * 64 + 64
    inner = 6 * 24
    assert (
        ar.mobilenet_v2_block_params(24, 24)
        == 24 * inner + 4 * inner + 9 * inner + 4 * inner + inner * 24 + 4 * 24
    )
    assert ar.mobilenet_v2_block_params(32, 16, t=1) == 9 * 32 + 4 * 32 + 32 * 16 + 4 * 16
    assert ar.mobilenet_v1_params() == 4_253_864 and ar.mobilenet_v2_params() == 3_538_984
    assert len(ar.MOBILENET_V1_BLOCKS) == 13 and sum(b[2] for b in ar.MOBILENET_V2_BLOCKS) == 17


# --- EfficientNet --------------------------------------------------------------------------------


def test_compound_scaling():
    s0 = ar.compound_scaling(0)
    assert (s0["d"], s0["w"], s0["r"], s0["flops"]) == (1, 1, 1, 1)
    s = ar.compound_scaling(2.5)
    assert s["d"] == pytest.approx(1.2**2.5) and s["flops"] == pytest.approx(
        s["d"] * s["w"] ** 2 * s["r"] ** 2
    )
    assert s["base"] == pytest.approx(1.2 * 1.1**2 * 1.15**2) and abs(s["base"] - 2) < 0.1


def test_scaled_toy_network_counted():
    base = {"depth": 2, "width": 4, "resolution": 8}
    assert ar.scale_baseline(base, 0) == base
    net = ar.scale_baseline(base, 2)
    assert net == {
        "depth": 3,
        "width": 5,
        "resolution": 11,
    }  # round(2.88), round(4.84), round(10.58)
    X = np.random.default_rng(8).standard_normal((1, 11, 11, 3))
    count, A = ar.count_multiplies(ar.toy_convnet_forward, X, net["depth"], net["width"])
    assert count == ar.toy_convnet_multiplies(**net) == 11 * 11 * 5 * 9 * (3 + 2 * 5)
    assert A.shape == (1, 11, 11, 5) and (A >= 0).all()
    fast = ar.toy_convnet_forward(X, 3, 5, forward=conv.conv_forward_vectorized)
    np.testing.assert_allclose(A, fast, atol=1e-10)


# --- bad input -----------------------------------------------------------------------------------


def test_bad_inputs_name_the_course_shapes():
    A, W, b = _depthwise_inputs(9)
    hp = {"stride": 1, "pad": 0}
    with pytest.raises(ValueError, match=r"\(f, f, n_C_prev, 1\).*got \(3, 3, 3, 2\)"):
        ar.depthwise_conv_forward(A, np.ones((3, 3, 3, 2)), b, hp)
    with pytest.raises(ValueError, match=r"\(1, 1, 1, n_C_prev\)"):
        ar.depthwise_conv_forward(A, W, np.ones((1, 1, 1, 2)), hp)
    with pytest.raises(ValueError, match=r"m, n_H_prev, n_W_prev, n_C_prev"):
        ar.depthwise_conv_forward_vectorized(A[0], W, b, hp)
    with pytest.raises(ValueError, match="pad"):
        ar.depthwise_conv_forward(A, W, b, {"stride": 1})
    with pytest.raises(ValueError, match="does not fit"):
        ar.depthwise_conv_forward(A, np.ones((7, 7, 3, 1)), b, hp)
    with pytest.raises(ValueError, match=r"\(1, 1, n_C_prev, n_C\)"):
        ar.pointwise_conv_forward(A, np.ones((3, 3, 3, 2)), np.ones((1, 1, 1, 2)))
    with pytest.raises(ValueError, match="NaN"):
        ar.pointwise_conv_forward(
            np.full((1, 2, 2, 3), np.nan), np.ones((1, 1, 3, 2)), np.ones((1, 1, 1, 2))
        )
    with pytest.raises(ValueError, match="dZ"):
        _, cache = ar.depthwise_conv_forward_vectorized(A, W, b, hp)
        ar.depthwise_conv_backward(np.ones((2, 3, 3, 3)), cache)


def test_bad_numbers_for_the_calculators():
    with pytest.raises(ValueError, match="n_C_prime"):
        ar.separable_conv_cost(6, 3, 3, 0)
    with pytest.raises(ValueError, match="does not fit"):
        ar.separable_conv_cost(2, 3, 3, 5)
    with pytest.raises(TypeError, match="whole number"):
        ar.bottleneck_cost(28, 28, "192", 5, 32, 16)
    with pytest.raises(ValueError, match="odd"):
        ar.bottleneck_cost(28, 28, 192, 4, 32, 16)
    with pytest.raises(ValueError, match="phi"):
        ar.compound_scaling(-1)
    with pytest.raises(ValueError, match="filters"):
        ar.inception_module_params(192, {"1x1": 64})
    with pytest.raises(ValueError, match="baseline"):
        ar.scale_baseline({"depth": 2}, 1)


def test_inception_refuses_mismatched_weights():
    A = np.ones((1, 5, 5, 4))
    filters = {"1x1": 2, "3x3_reduce": 0, "3x3": 2, "5x5_reduce": 0, "5x5": 2, "pool_proj": 2}
    params = ar.initialize_inception_parameters(4, filters)
    with pytest.raises(ValueError, match=r"W_1x1 must have shape \(f, f, n_C_in, n_C\)"):
        ar.inception_module_forward(np.ones((1, 5, 5, 3)), params)
    with pytest.raises(ValueError, match="odd size"):
        ar.inception_module_forward(A, dict(params, W_3x3=np.ones((2, 2, 4, 2))))
    with pytest.raises(ValueError, match="b_5x5"):
        ar.inception_module_forward(A, dict(params, b_5x5=np.ones((1, 1, 1, 3))))
    with pytest.raises(ValueError, match="W_pool_proj"):
        ar.inception_module_forward(A, {k: v for k, v in params.items() if k != "W_pool_proj"})
