"""Gradient check of the convolution and pooling backward passes (loops and vectorised)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import convolution as conv
from course_lib.gradient_check import check_backward

THRESHOLD = 1e-7
CONV = [
    ("loops", conv.conv_forward, conv.conv_backward),
    ("vectorized", conv.conv_forward_vectorized, conv.conv_backward_vectorized),
]
POOL = [
    ("loops", conv.pool_forward, conv.pool_backward),
    ("vectorized", conv.pool_forward_vectorized, conv.pool_backward_vectorized),
]


@pytest.mark.parametrize("name, forward, backward", CONV, ids=[c[0] for c in CONV])
@pytest.mark.parametrize("stride, pad, f", [(1, 0, 3), (2, 1, 3), (1, 2, 2), (3, 1, 2)])
def test_conv_backward(name, forward, backward, stride, pad, f):
    rng = np.random.default_rng(stride * 10 + pad)
    inputs = {
        "A_prev": rng.standard_normal((2, 5, 6, 3)),
        "W": rng.standard_normal((f, f, 3, 4)),
        "b": rng.standard_normal((1, 1, 1, 4)),
        "hparameters": {"stride": stride, "pad": pad},
    }

    def grads(dout, cache):
        dA_prev, dW, db = backward(dout, cache)
        return {"dA_prev": dA_prev, "dW": dW, "db": db}

    errors = check_backward(forward, grads, inputs, ["A_prev", "W", "b"])
    assert max(errors.values()) < THRESHOLD, errors


@pytest.mark.parametrize("name, forward, backward", POOL, ids=[c[0] for c in POOL])
@pytest.mark.parametrize("mode", conv.POOL_MODES)
@pytest.mark.parametrize("f, stride", [(2, 2), (3, 1), (2, 3)])
def test_pool_backward(name, forward, backward, mode, f, stride):
    rng = np.random.default_rng(f * 10 + stride)
    # Continuous values: no ties, so the max is differentiable at the test point.
    A_prev = rng.standard_normal((2, 6, 7, 3))
    inputs = {"A_prev": A_prev, "hparameters": {"f": f, "stride": stride}, "mode": mode}
    errors = check_backward(
        forward, lambda dout, cache: {"dA_prev": backward(dout, cache, mode)}, inputs, ["A_prev"]
    )
    assert errors["A_prev"] < THRESHOLD, errors
