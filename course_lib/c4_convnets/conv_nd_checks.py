"""Auto-check for the 1-D convolution exercise; it compares with conv_nd.py.

The learner writes ``conv1d_forward(A_prev, W, b, hparameters) -> (Z, cache)`` with A_prev
(m, n_W_prev, n_C_prev), W (f, n_C_prev, n_C), b (1, 1, n_C). The first case has a stride of
2, a pad of 1, two examples and an asymmetric filter, so every classic slip below gives a
result of the right shape with wrong numbers, which the diagnosis can recognise.

Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py ("Your turn" cell of section 2).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import conv_nd as cn
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_conv1d_forward", "conv1d_variant"]


def conv1d_variant(slip: str | None = None):
    """The course's loop ``conv1d_forward`` with one classic slip switched on (or None).

    ``slip``: "stride ignored" (the window starts at w, not w * s), "no bias", "flipped"
    (the filter reversed: a true convolution instead of the course's cross-correlation),
    "no padding" (A_prev used unpadded, n_W without the 2p).
    """

    def conv1d_forward(A_prev, W, b, hparameters):
        m, n_W_prev, _ = A_prev.shape
        f, _, n_C = W.shape
        stride, pad = hparameters["stride"], hparameters["pad"]
        if slip == "no padding":
            pad = 0
        n_W = (n_W_prev + 2 * pad - f) // stride + 1
        A_prev_pad = np.pad(A_prev, ((0, 0), (pad, pad), (0, 0)))
        filters = W[::-1] if slip == "flipped" else W
        Z = np.zeros((m, n_W, n_C))
        for i in range(m):
            for w in range(n_W):
                start = w if slip == "stride ignored" else w * stride
                a_slice = A_prev_pad[i, start : start + f, :]
                for c in range(n_C):
                    Z[i, w, c] = np.sum(a_slice * filters[:, :, c])
                    if slip != "no bias":
                        Z[i, w, c] += b[0, 0, c]
        return Z, (A_prev, W, b, hparameters)

    return conv1d_forward


_SLIPS = [
    Slip(
        "the window starts at w instead of w * stride",
        "with a stride s the w-th window starts at sample w * s: start = w * stride, "
        "end = start + f. Only the number of outputs, n_W = (n_W_prev + 2p - f) // s + 1, is "
        "not enough; the windows must jump s samples too.",
        conv1d_variant("stride ignored"),
    ),
    Slip(
        "the bias b is forgotten",
        "every filter c has its own bias: Z[i, w, c] = np.sum(a_slice * W[:, :, c]) + "
        "b[0, 0, c], added once per output value.",
        conv1d_variant("no bias"),
    ),
    Slip(
        "the filter is flipped (a true convolution)",
        "the course's (and Keras's) convolution is a cross-correlation: multiply the window "
        "by W[:, :, c] as it is, first tap with first sample; do not reverse W (W[::-1]).",
        conv1d_variant("flipped"),
    ),
    Slip(
        "the padding is ignored",
        "pad p zeros on both ends of every signal first, np.pad(A_prev, ((0, 0), (pad, pad), "
        "(0, 0))), slice the windows from the padded signal, and count n_W with the 2p.",
        conv1d_variant("no padding"),
    ),
]


def _inputs(seed: int, m: int, n_W_prev: int, n_C_prev: int, f: int, n_C: int, stride, pad):
    rng = np.random.RandomState(seed)
    A_prev = rng.randn(m, n_W_prev, n_C_prev)
    W = rng.randn(f, n_C_prev, n_C)
    b = rng.randn(1, 1, n_C)
    return A_prev, W, b, {"stride": stride, "pad": pad}


def check_conv1d_forward(learner_fn) -> CheckResult:
    """Check ``conv1d_forward(A_prev, W, b, hparameters) -> (Z, cache)``.

    A_prev (m, n_W_prev, n_C_prev), W (f, n_C_prev, n_C), b (1, 1, n_C), hparameters
    {"stride", "pad"}; Z (m, n_W, n_C) with n_W = floor((n_W_prev + 2p - f) / s) + 1 and
    cache (A_prev, W, b, hparameters). The third case is the course's example: a 14-sample
    signal and 16 filters of 5 taps, giving 10 x 16.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    cases = [
        Case(
            "A_prev (2, 9, 3), W (3, 3, 4), pad 1, stride 2",
            _inputs(1, 2, 9, 3, 3, 4, stride=2, pad=1),
        ),
        Case(
            "A_prev (3, 11, 2), W (4, 2, 5), pad 2, stride 3",
            _inputs(2, 3, 11, 2, 4, 5, stride=3, pad=2),
        ),
        Case(
            "the course's example: A_prev (1, 14, 1), 16 filters of 5 taps, pad 0, stride 1",
            _inputs(3, 1, 14, 1, 5, 16, stride=1, pad=0),
        ),
    ]
    return check_function(
        "conv1d_forward",
        learner_fn,
        cn.conv1d_forward,
        cases,
        output_names=("Z", "cache"),
        slips=_SLIPS,
        hints={
            "cannot be interpreted as an integer": (
                "n_W = (n_W_prev + 2 * pad - f) // stride + 1 is a whole number: use // (the "
                "floor), since np.zeros needs integers."
            ),
            "could not be broadcast": (
                "a window and a filter of different lengths were multiplied: slice "
                "A_prev_pad[i, start:start + f, :] from the PADDED signal."
            ),
        },
    )
