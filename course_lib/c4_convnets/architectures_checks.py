"""Auto-checks for the lesson's exercises; each compares with architectures.py.

Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import architectures as ar
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_depthwise_conv_forward", "check_separable_conv_cost"]


# --- depthwise_conv_forward ----------------------------------------------------------------------


def _depthwise_variant(mix_channels=False, no_stride=False, no_pad=False, no_bias=False):
    """depthwise_conv_forward with one classic slip switched on (the check's diagnoses)."""

    def forward(A_prev, W, b, hparameters):
        stride, pad = hparameters["stride"], hparameters["pad"]
        f = W.shape[0]
        m, n_H_prev, n_W_prev, n_C = A_prev.shape
        if no_pad:
            pad = 0
        n_H = (n_H_prev + 2 * pad - f) // stride + 1
        n_W = (n_W_prev + 2 * pad - f) // stride + 1
        A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
        step = 1 if no_stride else stride
        Z = np.zeros((m, n_H, n_W, n_C))
        for h in range(n_H):
            for w in range(n_W):
                window = A_pad[:, h * step : h * step + f, w * step : w * step + f, :]
                if mix_channels:
                    # every channel's filter over every channel, summed: a normal conv
                    value = np.sum(window * W[:, :, :, 0], axis=(1, 2, 3))[:, None]
                    Z[:, h, w, :] = value
                else:
                    Z[:, h, w, :] = np.sum(window * W[:, :, :, 0], axis=(1, 2))
        if not no_bias:
            Z = Z + b.reshape(1, 1, 1, n_C)
        return Z

    return forward


_DEPTHWISE_SLIPS = [
    Slip(
        "the channels mixed: each output sums the window over all n_C_prev channels",
        "a depthwise convolution keeps the channels apart: output channel c uses only input "
        "channel c, a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, c], times "
        "W[:, :, c, 0] (summing over channels is what a normal convolution does).",
        _depthwise_variant(mix_channels=True),
    ),
    Slip(
        "the window starts at h instead of h * stride",
        "with stride s, output position h reads rows h*s .. h*s + f - 1: "
        "vert_start = h * stride (and horiz_start = w * stride).",
        _depthwise_variant(no_stride=True),
    ),
    Slip(
        "A_prev not zero-padded",
        'pad first: A_prev_pad = zero_pad(A_prev, hparameters["pad"]), and take the windows '
        "from A_prev_pad; n_H = floor((n_H_prev + 2p - f) / s) + 1.",
        _depthwise_variant(no_pad=True),
    ),
    Slip(
        "the bias left out",
        "add channel c's bias b[0, 0, 0, c] to every value of output channel c.",
        _depthwise_variant(no_bias=True),
    ),
]


def _depthwise_cases() -> list[Case]:
    cases = []
    for seed, (m, n, n_C, f, stride, pad) in enumerate(
        [(2, 5, 3, 3, 1, 0), (1, 7, 4, 3, 2, 1), (2, 6, 2, 2, 1, 1), (1, 8, 3, 5, 2, 2)]
    ):
        rng = np.random.default_rng(seed + 10)
        A_prev = rng.standard_normal((m, n, n, n_C))
        W = rng.standard_normal((f, f, n_C, 1))
        b = rng.standard_normal((1, 1, 1, n_C))
        hp = {"stride": stride, "pad": pad}
        cases.append(
            Case(
                f"A_prev {A_prev.shape}, W {W.shape}, stride {stride}, pad {pad}",
                (A_prev, W, b, hp),
            )
        )
    return cases


def check_depthwise_conv_forward(learner_fn) -> CheckResult:
    """Check ``depthwise_conv_forward(A_prev, W, b, hparameters)``; compares Z only.

    The learner's function may return Z or (Z, cache), as the course's layers do.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """

    def learner_Z(*args):
        out = learner_fn(*args)
        return out[0] if isinstance(out, tuple) else out

    def reference_Z(*args):
        return ar.depthwise_conv_forward_vectorized(*args)[0]

    return check_function(
        "depthwise_conv_forward",
        learner_Z,
        reference_Z,
        _depthwise_cases(),
        rtol=1e-7,
        atol=1e-9,
        slips=_DEPTHWISE_SLIPS,
        hints={
            "shape": "Z has shape (m, n_H, n_W, n_C_prev): one output channel per input "
            "channel, n_H = floor((n_H_prev + 2p - f) / s) + 1.",
            "differs": "for each (i, h, w, c): Z = sum(a_prev_pad[i, window, c] * W[:, :, c, 0])"
            " + b[0, 0, 0, c].",
        },
    )


# --- separable_conv_cost -------------------------------------------------------------------------


def _cost_variant(
    no_positions=False,
    depthwise_as_normal=False,
    input_positions=False,
    pointwise_no_channels=False,
):
    """separable_conv_cost with one classic slip switched on."""

    def cost(n, n_C, f, n_C_prime, pad=0, stride=1):
        n_out = (n + 2 * pad - f) // stride + 1
        positions = n * n if input_positions else n_out * n_out
        if no_positions:
            positions = 1
        normal = f * f * n_C * positions * n_C_prime
        depthwise = f * f * positions * n_C
        if depthwise_as_normal:
            depthwise = f * f * n_C * n_C_prime * positions
        pointwise = positions * n_C_prime if pointwise_no_channels else n_C * positions * n_C_prime
        return {
            "n_out": n_out,
            "normal": normal,
            "depthwise": depthwise,
            "pointwise": pointwise,
            "separable": depthwise + pointwise,
            "ratio": (depthwise + pointwise) / normal,
        }

    return cost


_COST_SLIPS = [
    Slip(
        "the positions factor forgotten (the cost of one output position only)",
        "every cost is (multiplies per output value) x (number of output positions, "
        "n_out x n_out) x (number of filters).",
        _cost_variant(no_positions=True),
    ),
    Slip(
        "the depthwise cost counted as f*f*n_C*n_C' per position (a normal convolution)",
        "the depthwise step has n_C filters of f x f x 1 (one per channel): f*f multiplies "
        "per output value, n_out^2 positions, n_C filters; the n_C' channels come only from "
        "the pointwise step.",
        _cost_variant(depthwise_as_normal=True),
    ),
    Slip(
        "positions counted on the input (n x n) instead of the output (n_out x n_out)",
        "filters sit at the output's positions: n_out = floor((n + 2p - f) / s) + 1, and "
        "there are n_out^2 of them.",
        _cost_variant(input_positions=True),
    ),
    Slip(
        "the pointwise cost without its n_C multiplies per output value",
        "a pointwise filter is 1 x 1 x n_C: n_C multiplies per output value, times n_out^2 "
        "positions, times n_C' filters.",
        _cost_variant(pointwise_no_channels=True),
    ),
]


def check_separable_conv_cost(learner_fn) -> CheckResult:
    """Check ``separable_conv_cost(n, n_C, f, n_C_prime, pad=0, stride=1)`` (all six keys).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 6.
    """
    cases = [
        Case("the course's n = 6, n_C = 3, f = 3, n_C' = 5", (6, 3, 3, 5)),
        Case("n = 14, n_C = 32, f = 3, n_C' = 64", (14, 32, 3, 64)),
        Case("n = 9, n_C = 8, f = 5, n_C' = 12", (9, 8, 5, 12)),
        Case(
            "n = 10, n_C = 4, f = 3, n_C' = 6, pad = 1, stride = 2",
            (10, 4, 3, 6),
            {"pad": 1, "stride": 2},
        ),
    ]
    return check_function(
        "separable_conv_cost",
        learner_fn,
        ar.separable_conv_cost,
        cases,
        rtol=1e-9,
        atol=0,
        slips=_COST_SLIPS,
        hints={
            "missing": 'return a dict with the keys "n_out", "normal", "depthwise", '
            '"pointwise", "separable" and "ratio".',
            "expected": "cost = (multiplies per output value) x (n_out^2 positions) x "
            "(filters), for each of the three convolutions.",
        },
    )
