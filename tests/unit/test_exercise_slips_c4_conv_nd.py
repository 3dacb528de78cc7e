"""The 1-D convolution check fails every slip its lesson names, each with its own hint.

Each learner function is written the way a learner writes the exercise (the course's loops,
one window at a time), with one classic slip switched on by ``slip=...``. Lesson:
notebooks/c4_convnets/16_conv1d_and_conv3d.py.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets import conv_nd_checks as cc


def _conv1d_forward(A_prev, W, b, hparameters, *, slip=None):
    m, n_W_prev, n_C_prev = A_prev.shape
    f, n_C_prev, n_C = W.shape
    stride = hparameters["stride"]
    pad = 0 if slip == "no padding" else hparameters["pad"]
    n_W = int((n_W_prev + 2 * pad - f) / stride) + 1
    A_prev_pad = np.pad(A_prev, ((0, 0), (pad, pad), (0, 0)), mode="constant")
    Z = np.zeros((m, n_W, n_C))
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for w in range(n_W):
            start = w if slip == "stride" else w * stride
            a_slice = a_prev_pad[start : start + f, :]
            for c in range(n_C):
                weights = W[:, :, c]
                if slip == "flipped":
                    weights = np.flip(weights, axis=0)
                z = np.sum(np.multiply(a_slice, weights))
                Z[i, w, c] = z if slip == "no bias" else z + float(b[0, 0, c])
    return Z, (A_prev, W, b, hparameters)


def _float_size(A_prev, W, b, hparameters):
    m, n_W_prev, _ = A_prev.shape
    f, _, n_C = W.shape
    n_W = (n_W_prev + 2 * hparameters["pad"] - f) / hparameters["stride"] + 1
    return np.zeros((m, n_W, n_C)), None


def test_reference_learner_vectorised_and_stub():
    assert cc.check_conv1d_forward(cn.conv1d_forward).passed
    assert cc.check_conv1d_forward(_conv1d_forward).passed
    assert cc.check_conv1d_forward(cc.conv1d_variant(None)).passed
    assert cc.check_conv1d_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("stride", "start = w * stride"),
        ("no bias", "every filter c has its own bias"),
        ("flipped", "cross-correlation"),
        ("no padding", "pad p zeros on both ends"),
    ],
)
def test_conv1d_forward_slips(slip, fragment):
    def learner(A_prev, W, b, hparameters):
        return _conv1d_forward(A_prev, W, b, hparameters, slip=slip)

    fails_with(cc.check_conv1d_forward(learner), fragment)


def test_float_output_size_gets_the_floor_hint():
    result = cc.check_conv1d_forward(_float_size)
    assert result.status == "failed"
    assert "use //" in result.message
