"""Parity: architectures.py against its Keras twin (same weights), and the parameter formulas
against Keras's count_params()."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import architectures as ar
from course_lib.c4_convnets import architectures_tf as at


@pytest.mark.parametrize("stride, pad, f", [(1, 1, 3), (2, 0, 3), (2, 1, 2), (1, 2, 5)])
def test_depthwise_matches_keras_depthwiseconv2d(stride, pad, f):
    rng = np.random.default_rng(stride + 3 * pad + f)
    A_prev = rng.standard_normal((3, 9, 8, 4))
    W = rng.standard_normal((f, f, 4, 1))
    b = rng.standard_normal((1, 1, 1, 4))
    hp = {"stride": stride, "pad": pad}
    Z, cache = ar.depthwise_conv_forward(A_prev, W, b, hp)
    Z_tf, _ = at.depthwise_conv_forward(A_prev, W, b, hp, dtype="float64")
    np.testing.assert_allclose(Z_tf, Z, atol=1e-10)
    dZ = rng.standard_normal(Z.shape)
    for ours, theirs in zip(
        ar.depthwise_conv_backward(dZ, cache),
        at.depthwise_conv_backward(dZ, cache, dtype="float64"),
    ):
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(theirs, ours, atol=1e-10)
    Z32, _ = at.depthwise_conv_forward(A_prev, W, b, hp)
    np.testing.assert_allclose(Z32, Z, rtol=1e-4, atol=1e-4)
    assert at.depthwise_conv_forward_vectorized is at.depthwise_conv_forward


def test_pointwise_matches_keras_conv2d_1x1():
    rng = np.random.default_rng(11)
    A_prev = rng.standard_normal((2, 5, 4, 6))
    W = rng.standard_normal((1, 1, 6, 3))
    b = rng.standard_normal((1, 1, 1, 3))
    Z, cache = ar.pointwise_conv_forward(A_prev, W, b)
    Z_tf, _ = at.pointwise_conv_forward(A_prev, W, b, dtype="float64")
    np.testing.assert_allclose(Z_tf, Z, atol=1e-12)
    dZ = rng.standard_normal(Z.shape)
    for ours, theirs in zip(
        ar.pointwise_conv_backward(dZ, cache),
        at.pointwise_conv_backward(dZ, cache, dtype="float64"),
    ):
        np.testing.assert_allclose(theirs, ours, atol=1e-10)


@pytest.mark.parametrize("bottlenecks", [True, False])
def test_inception_module_matches_keras(bottlenecks):
    rng = np.random.default_rng(12)
    A_prev = rng.standard_normal((2, 9, 8, 12))
    filters = {"1x1": 4, "3x3_reduce": 3, "3x3": 5, "5x5_reduce": 2, "5x5": 3, "pool_proj": 2}
    if not bottlenecks:
        filters.update({"3x3_reduce": 0, "5x5_reduce": 0})
    params = ar.initialize_inception_parameters(12, filters, seed=3)
    out, branches = ar.inception_module_forward(A_prev, params)
    out_tf, branches_tf = at.inception_module_forward(A_prev, params, dtype="float64")
    np.testing.assert_allclose(out_tf, out, atol=1e-10)
    for key in branches:
        np.testing.assert_allclose(branches_tf[key], branches[key], atol=1e-10)
    model = at.build_inception_module((9, 8, 12), filters)
    assert model.count_params() == ar.inception_module_params(12, filters)
    assert model.output.shape[-1] == 14


def test_inception_3a_counts_match_keras():
    for filters in (ar.INCEPTION_3A, ar.NAIVE_INCEPTION):
        model = at.build_inception_module((28, 28, 192), filters)
        assert model.count_params() == ar.inception_module_params(192, filters)
        assert tuple(model.output.shape[1:]) == (28, 28, 256)


@pytest.mark.parametrize(
    "kind, n_in, n_out, stride, t",
    [
        ("v1", 32, 64, 1, 1),
        ("v1", 64, 128, 2, 1),
        ("v2", 16, 24, 2, 6),
        ("v2", 24, 24, 1, 6),
        ("v2", 32, 16, 1, 1),
    ],
)
def test_mobilenet_block_counts_match_keras(kind, n_in, n_out, stride, t):
    model = at.build_block(kind, (8, 8, n_in), n_out, stride=stride, t=t)
    if kind == "v1":
        assert model.count_params() == ar.mobilenet_v1_block_params(n_in, n_out)
    else:
        assert model.count_params() == ar.mobilenet_v2_block_params(n_in, n_out, t)
    assert model.output.shape[1] == 8 // stride and model.output.shape[-1] == n_out
    has_residual = any(type(layer).__name__ == "Add" for layer in model.layers)
    assert has_residual == (kind == "v2" and stride == 1 and n_in == n_out)


def test_whole_mobilenets_match_keras_applications():
    ours = {
        "MobileNet": at.build_mobilenet_v1().count_params(),
        "MobileNetV2": at.build_mobilenet_v2().count_params(),
    }
    formulas = {"MobileNet": ar.mobilenet_v1_params(), "MobileNetV2": ar.mobilenet_v2_params()}
    assert ours == formulas == at.application_params()
    assert at.build_mobilenet_v1((96, 96, 3), classes=10).count_params() == ar.mobilenet_v1_params(
        classes=10
    )


def test_build_block_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="v1"):
        at.build_block("v3", (8, 8, 4), 8)
