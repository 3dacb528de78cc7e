"""Auto-checks for the exercises of the edges lesson; each compares with edges.py / convolution.py.

The first case of ``check_conv2d`` is chosen so that every classic slip gives a wrong answer
without crashing (a non-square image, a non-symmetric kernel, stride 2, pad 1), so the
diagnosis can compare numbers; ``check_conv_output_size`` needs two cases for its four
slips (no single small case tells all of them apart).

Taught in: notebooks/c4_convnets/01_edges_and_convolution.py ("Your turn" cells).
"""

from __future__ import annotations

import math

import numpy as np

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import edges
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_conv2d", "check_conv_output_size"]


# --- conv2d ----------------------------------------------------------------------------------


def _conv2d_variant(flip=False, plus_one=True, stride_start=True, use_pad=True):
    """A loop conv2d(image, kernel, stride, pad) with one classic slip switched on."""

    def conv2d(image, kernel, stride=1, pad=0):
        image, kernel = np.asarray(image, float), np.asarray(kernel, float)
        if flip:
            kernel = kernel[::-1, ::-1]
        p = pad if use_pad else 0
        padded = np.pad(image, p)
        f = kernel.shape[0]
        n_H = (image.shape[0] + 2 * p - f) // stride + (1 if plus_one else 0)
        n_W = (image.shape[1] + 2 * p - f) // stride + (1 if plus_one else 0)
        out = np.zeros((n_H, n_W))
        for h in range(n_H):
            top = h * stride if stride_start else h
            for w in range(n_W):
                left = w * stride if stride_start else w
                out[h, w] = np.sum(padded[top : top + f, left : left + f] * kernel)
        return out

    return conv2d


_CONV2D_SLIPS = [
    Slip(
        "the kernel is flipped (the mathematicians' convolution)",
        "deep learning does NOT flip: out[h, w] = np.sum(window * kernel) with the kernel as "
        "given (a cross-correlation). Flipping is what convolve2d_true does.",
        _conv2d_variant(flip=True),
    ),
    Slip(
        "the output is one row and one column short: n - f instead of n - f + 1",
        "a window fits at positions 0, s, 2s, ... up to n + 2p - f, which is "
        "floor((n + 2p - f) / s) + 1 positions: do not forget the + 1.",
        _conv2d_variant(plus_one=False),
    ),
    Slip(
        "the window starts at h instead of h * stride",
        "with stride s the window jumps s pixels: top = h * stride, left = w * stride, and it "
        "stays f x f.",
        _conv2d_variant(stride_start=False),
    ),
    Slip(
        "the padding is ignored",
        "pad first: image_pad = np.pad(image, pad) adds p zeros on every side; the output "
        "size uses n + 2p and every window is sliced from image_pad.",
        _conv2d_variant(use_pad=False),
    ),
]

_WINDOW_HINT = (
    "a window was not f x f. The window is f x f whatever the stride (the stride moves its "
    "start only): image_pad[top : top + f, left : left + f], sliced from the padded image."
)


def _randn(seed: int, *shape) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape)


def check_conv2d(learner_fn) -> CheckResult:
    """Check ``conv2d(image, kernel, stride=1, pad=0)`` (one grey image, one f x f kernel).

    image (n_H, n_W), kernel (f, f) -> (floor((n_H + 2p - f)/s) + 1, floor((n_W + 2p - f)/s)
    + 1); no flip. The lecture's 6 x 6 example is the second case.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 5.
    """
    cases = [
        Case(
            "a 5 x 8 image, a random 3 x 3 kernel, stride 2, pad 1",
            (_randn(1, 5, 8), _randn(2, 3, 3)),
            {"stride": 2, "pad": 1},
        ),  # fmt: skip
        Case(
            "the lecture's 6 x 6 image (10s then 0s) and the vertical kernel",
            (edges.step_image(6, 10, 0), edges.KERNELS["vertical"].copy()),
        ),  # fmt: skip
        Case(
            "a 5 x 5 image, a 3 x 3 kernel, pad 1 (a 'same' conv)",
            (_randn(3, 5, 5), _randn(4, 3, 3)),
            {"pad": 1},
        ),  # fmt: skip
        Case(
            "a 9 x 7 image, a 2 x 2 kernel, stride 3",
            (_randn(5, 9, 7), _randn(6, 2, 2)),
            {"stride": 3},
        ),  # fmt: skip
    ]
    return check_function(
        "conv2d",
        learner_fn,
        edges.conv2d,
        cases,
        slips=_CONV2D_SLIPS,
        hints={"could not be broadcast": _WINDOW_HINT},
    )


# --- conv_output_size ------------------------------------------------------------------------


def _size_variant(floor=True, ceil=False, plus_one=True, pad_times=2):
    """conv_output_size(n, f, pad, stride) with one classic slip switched on."""

    def conv_output_size(n, f, pad=0, stride=1):
        steps = (n + pad_times * pad - f) / stride
        if ceil:
            steps = math.ceil(steps)
        elif floor:
            steps = math.floor(steps)
        return steps + (1 if plus_one else 0)

    return conv_output_size


_SIZE_SLIPS = [
    Slip(
        "no floor: a fraction of a step counted as a position",
        "the window must lie fully inside the padded image, so only whole steps count: "
        "floor((n + 2p - f) / s) + 1, in Python (n + 2 * pad - f) // stride + 1.",
        _size_variant(floor=False),
    ),
    Slip(
        "rounded up (ceil) instead of down",
        "a last window that would stick out of the padded image is not computed: round the "
        "steps DOWN, (n + 2 * pad - f) // stride + 1.",
        _size_variant(ceil=True),
    ),
    Slip(
        "the + 1 is forgotten",
        "count the first window too: floor((n + 2p - f) / s) is the number of steps, and "
        "there is one more position than steps (n = 6, f = 3 gives 4, not 3).",
        _size_variant(plus_one=False),
    ),
    Slip(
        "the padding counted once (n + p) instead of twice (n + 2p)",
        "p zeros go on BOTH sides, so the padded size is n + 2p.",
        _size_variant(pad_times=1),
    ),
]


def check_conv_output_size(learner_fn) -> CheckResult:
    """Check ``conv_output_size(n, f, pad, stride) -> floor((n + 2p - f)/s) + 1``.

    The first case (8, 3, 0, 2) tells apart the floor, ceil and + 1 slips; the second, a
    "same" conv with f = 5 and p = 2, the padding counted once.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    cases = [
        Case(f"n = {n}, f = {f}, pad = {p}, stride = {s}", (n, f, p, s))
        for n, f, p, s in [(8, 3, 0, 2), (6, 5, 2, 1), (6, 3, 0, 1), (9, 3, 1, 3), (5, 5, 0, 1)]
    ]
    return check_function(
        "conv_output_size",
        learner_fn,
        cv.conv_output_size,
        cases,
        slips=_SIZE_SLIPS,
        hints={"expected": "floor((n + 2p - f) / s) + 1: p zeros on both sides, whole steps."},
    )
