"""Lesson 7's checks fail every slip the lesson names, each with its own hint.

Each learner function here is written the way a learner writes the exercise (the course's
loops, not the checks' code), with one classic slip switched on by ``slip=...``.
Lesson: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import architectures as ar
from course_lib.c4_convnets import architectures_checks as ac
from course_lib.c4_convnets import convolution as cv


def _with(fn, slip):
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- depthwise_conv_forward ----------------------------------------------------------------------


def _depthwise_conv_forward(A_prev, W, b, hparameters, *, slip=None):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    if slip == "no padding":
        pad = 0
    n_H = int((n_H_prev + 2 * pad - f) / stride) + 1
    n_W = int((n_W_prev + 2 * pad - f) / stride) + 1
    Z = np.zeros((m, n_H, n_W, n_C_prev))
    A_prev_pad = cv.zero_pad(A_prev, pad)
    for i in range(m):
        for h in range(n_H):
            vert_start = h if slip == "no stride" else h * stride
            for w in range(n_W):
                horiz_start = w if slip == "no stride" else w * stride
                for c in range(n_C_prev):
                    window = A_prev_pad[
                        i, vert_start : vert_start + f, horiz_start : horiz_start + f
                    ]
                    if slip == "mixed channels":
                        value = np.sum(window * W[:, :, :, 0])
                    else:
                        value = np.sum(window[:, :, c] * W[:, :, c, 0])
                    Z[i, h, w, c] = value if slip == "no bias" else value + b[0, 0, 0, c]
    return Z, (A_prev, W, b, hparameters)


def test_depthwise_reference_learner_and_stub():
    assert ac.check_depthwise_conv_forward(ar.depthwise_conv_forward).passed
    assert ac.check_depthwise_conv_forward(ar.depthwise_conv_forward_vectorized).passed
    assert ac.check_depthwise_conv_forward(_depthwise_conv_forward).passed
    assert ac.check_depthwise_conv_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("mixed channels", "keeps the channels apart"),
        ("no stride", "vert_start = h * stride"),
        ("no padding", "pad first"),
        ("no bias", "channel c's bias"),
    ],
)
def test_depthwise_slips(slip, fragment):
    fails_with(ac.check_depthwise_conv_forward(_with(_depthwise_conv_forward, slip)), fragment)


# --- separable_conv_cost -------------------------------------------------------------------------


def _separable_conv_cost(n, n_C, f, n_C_prime, pad=0, stride=1, *, slip=None):
    n_out = (n + 2 * pad - f) // stride + 1
    positions = n_out**2
    if slip == "input positions":
        positions = n**2
    if slip == "no positions":
        positions = 1
    normal = f * f * n_C * positions * n_C_prime
    if slip == "depthwise as normal":
        depthwise = f * f * n_C * n_C_prime * positions
    else:
        depthwise = f * f * positions * n_C
    pointwise = positions * n_C_prime * (1 if slip == "pointwise without n_C" else n_C)
    separable = depthwise + pointwise
    return {
        "n_out": n_out,
        "normal": normal,
        "depthwise": depthwise,
        "pointwise": pointwise,
        "separable": separable,
        "ratio": separable / normal,
    }


def test_separable_cost_reference_learner_and_stub():
    assert ac.check_separable_conv_cost(ar.separable_conv_cost).passed
    assert ac.check_separable_conv_cost(_separable_conv_cost).passed
    assert ac.check_separable_conv_cost(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no positions", "number of output positions"),
        ("depthwise as normal", "one per channel"),
        ("input positions", "filters sit at the output's positions"),
        ("pointwise without n_C", "a pointwise filter is 1 x 1 x n_C"),
    ],
)
def test_separable_cost_slips(slip, fragment):
    fails_with(ac.check_separable_conv_cost(_with(_separable_conv_cost, slip)), fragment)


def test_a_cost_dict_without_every_key_is_explained():
    def partial(n, n_C, f, n_C_prime, pad=0, stride=1):
        full = ar.separable_conv_cost(n, n_C, f, n_C_prime, pad, stride)
        return {k: full[k] for k in ("normal", "depthwise", "pointwise")}

    result = ac.check_separable_conv_cost(partial)
    fails_with(result, "missing")
    assert '"separable"' in result.message
