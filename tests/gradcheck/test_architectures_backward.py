"""Gradient check of the depthwise and pointwise convolutions' backward passes."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import architectures as ar
from course_lib.gradient_check import check_backward

THRESHOLD = 1e-7
FORWARDS = [
    ("loops", ar.depthwise_conv_forward),
    ("vectorized", ar.depthwise_conv_forward_vectorized),
]


def _grads(backward):
    def grads(dout, cache):
        dA_prev, dW, db = backward(dout, cache)
        return {"dA_prev": dA_prev, "dW": dW, "db": db}

    return grads


@pytest.mark.parametrize("name, forward", FORWARDS, ids=[f[0] for f in FORWARDS])
@pytest.mark.parametrize("stride, pad, f", [(1, 0, 3), (2, 1, 3), (1, 2, 2), (3, 1, 2)])
def test_depthwise_conv_backward(name, forward, stride, pad, f):
    rng = np.random.default_rng(stride * 10 + pad + f)
    inputs = {
        "A_prev": rng.standard_normal((2, 5, 6, 3)),
        "W": rng.standard_normal((f, f, 3, 1)),
        "b": rng.standard_normal((1, 1, 1, 3)),
        "hparameters": {"stride": stride, "pad": pad},
    }
    errors = check_backward(
        forward, _grads(ar.depthwise_conv_backward), inputs, ["A_prev", "W", "b"]
    )
    assert max(errors.values()) < THRESHOLD, errors


def test_pointwise_conv_backward():
    rng = np.random.default_rng(3)
    inputs = {
        "A_prev": rng.standard_normal((2, 4, 3, 5)),
        "W": rng.standard_normal((1, 1, 5, 6)),
        "b": rng.standard_normal((1, 1, 1, 6)),
    }
    errors = check_backward(
        ar.pointwise_conv_forward, _grads(ar.pointwise_conv_backward), inputs, ["A_prev", "W", "b"]
    )
    assert max(errors.values()) < THRESHOLD, errors


def test_a_wrong_backward_fails_the_check():
    """The check can fail: a depthwise backward whose db is doubled is caught."""
    rng = np.random.default_rng(7)
    inputs = {
        "A_prev": rng.standard_normal((1, 6, 6, 2)),
        "W": rng.standard_normal((3, 3, 2, 1)),
        "b": rng.standard_normal((1, 1, 1, 2)),
        "hparameters": {"stride": 2, "pad": 0},
    }

    def wrong(dout, cache):
        dA_prev, dW, db = ar.depthwise_conv_backward(dout, cache)
        return dA_prev, dW, 2 * db

    errors = check_backward(
        ar.depthwise_conv_forward_vectorized, _grads(wrong), inputs, ["A_prev", "W", "b"]
    )
    assert errors["b"] > 1e-2 and errors["W"] < THRESHOLD
