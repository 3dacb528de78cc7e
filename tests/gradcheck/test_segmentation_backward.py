"""Gradient check of the transpose convolution's backward pass (float64, < 1e-7)."""

import numpy as np
import pytest

from course_lib.c4_convnets import segmentation as sg
from course_lib.gradient_check import check_backward


@pytest.mark.parametrize(
    "f, s, p", [(3, 2, 1), (3, 2, 0), (2, 2, 0), (4, 3, 1), (3, 1, 1), (1, 2, 0), (2, 3, 0)]
)
def test_conv_transpose_backward(f, s, p):
    rng = np.random.default_rng(f + 10 * s + 100 * p)
    hp = {"stride": s, "pad": p}
    inputs = {
        "A_prev": rng.standard_normal((2, 3, 2, 2)),
        "W": rng.standard_normal((f, f, 2, 3)),
        "b": rng.standard_normal((1, 1, 1, 3)),
    }

    def forward(A_prev, W, b):
        return sg.conv_transpose_forward(A_prev, W, b, hp)

    def backward(dZ, cache):
        g = sg.conv_transpose_backward(dZ, cache)
        return {"dA_prev": g["dA_prev"], "dW": g["dW"], "db": g["db"]}

    errors = check_backward(forward, backward, inputs, ["A_prev", "W", "b"])
    assert max(errors.values()) < 1e-7, errors
