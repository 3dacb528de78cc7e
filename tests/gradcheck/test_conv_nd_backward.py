"""Gradient checks of the 1-D, 3-D and n-D convolution backward passes (float64, < 1e-7)."""

import numpy as np
import pytest

from course_lib.c4_convnets import conv_nd as cn
from course_lib.gradient_check import check_backward

HPS = [
    {"stride": 1, "pad": 0},
    {"stride": 1, "pad": 1},
    {"stride": 2, "pad": 1},
    {"stride": 3, "pad": 0},
]


def _inputs(d, n, f, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "A_prev": rng.standard_normal((2,) + (n,) * d + (2,)),
        "W": rng.standard_normal((f,) * d + (2, 3)),
        "b": rng.standard_normal((1,) * (d + 1) + (3,)),
    }


def _check(forward, backward, inputs, hp):
    def fwd(A_prev, W, b):
        return forward(A_prev, W, b, hp)

    def bwd(dZ, cache):
        dA_prev, dW, db = backward(dZ, cache)
        return {"dA_prev": dA_prev, "dW": dW, "db": db}

    return check_backward(fwd, bwd, inputs, ["A_prev", "W", "b"])


@pytest.mark.parametrize("hp", HPS)
def test_conv1d_backward(hp):
    errors = _check(cn.conv1d_forward, cn.conv1d_backward, _inputs(1, 10, 3), hp)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize("hp", HPS)
def test_conv3d_backward(hp):
    errors = _check(cn.conv3d_forward, cn.conv3d_backward, _inputs(3, 5, 2, seed=1), hp)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize("d", [1, 2, 3])
def test_conv_nd_backward(d):
    inputs = _inputs(d, 6, 3, seed=d)
    errors = _check(cn.conv_nd_forward, cn.conv_nd_backward, inputs, {"stride": 2, "pad": 1})
    assert max(errors.values()) < 1e-7, errors


def test_conv1d_backward_even_filter_large_pad():
    errors = _check(
        cn.conv1d_forward, cn.conv1d_backward, _inputs(1, 7, 4, seed=5), {"stride": 2, "pad": 3}
    )
    assert max(errors.values()) < 1e-7, errors
