"""The edges lesson's exercise checks fail the slips the lesson names, each with its own hint.

Every learner function here is written the way a learner would write the exercise (not
taken from the checks), with one classic slip switched on by ``slip=...``.
"""

import math

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import edges
from course_lib.c4_convnets import edges_checks as ec


def _with(fn, slip):
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- conv2d ----------------------------------------------------------------------------------


def _conv2d(image, kernel, stride=1, pad=0, *, slip=None):
    if slip == "flip":
        kernel = np.flipud(np.fliplr(kernel))
    image_pad = image if slip == "no pad" else np.pad(image, pad)
    f = kernel.shape[0]
    n_H = int((image_pad.shape[0] - f) / stride) + (0 if slip == "no + 1" else 1)
    n_W = int((image_pad.shape[1] - f) / stride) + (0 if slip == "no + 1" else 1)
    out = np.zeros((n_H, n_W))
    for h in range(n_H):
        for w in range(n_W):
            top = h if slip == "start h" else h * stride
            left = w if slip == "start h" else w * stride
            size = f * stride if slip == "window f * stride" else f
            window = image_pad[top : top + size, left : left + size]
            out[h, w] = np.sum(window * kernel)
    return out


def test_conv2d_reference_and_learner_pass_stub_is_to_do():
    assert ec.check_conv2d(edges.conv2d).passed
    assert ec.check_conv2d(_conv2d).passed
    assert ec.check_conv2d(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("flip", "deep learning does NOT flip"),
        ("no + 1", "do not forget the + 1"),
        ("start h", "top = h * stride"),
        ("no pad", "pad first"),
        ("window f * stride", "The window is f x f whatever the stride"),
    ],
)
def test_conv2d_slips(slip, fragment):
    fails_with(ec.check_conv2d(_with(_conv2d, slip)), fragment)


# --- conv_output_size ------------------------------------------------------------------------


def _conv_output_size(n, f, pad=0, stride=1, *, slip=None):
    padded = n + (pad if slip == "pad once" else 2 * pad)
    steps = (padded - f) / stride
    if slip == "ceil":
        steps = math.ceil(steps)
    elif slip != "no floor":
        steps = math.floor(steps)
    return steps if slip == "no + 1" else steps + 1


def test_conv_output_size_reference_and_learner_pass_stub_is_to_do():
    assert ec.check_conv_output_size(cv.conv_output_size).passed
    assert ec.check_conv_output_size(_conv_output_size).passed
    assert ec.check_conv_output_size(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no floor", "only whole steps count"),
        ("ceil", "round the steps DOWN"),
        ("no + 1", "count the first window too"),
        ("pad once", "BOTH sides"),
    ],
)
def test_conv_output_size_slips(slip, fragment):
    fails_with(ec.check_conv_output_size(_with(_conv_output_size, slip)), fragment)
