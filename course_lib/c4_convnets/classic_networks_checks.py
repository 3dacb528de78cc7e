"""Auto-checks for the classic-networks exercises; each compares with the calculator in
layers.py (layer_output_shape, layer_parameters), on the specs of LeNet-5 and AlexNet.

Taught in: notebooks/c4_convnets/05_classic_networks.py ("Your turn" cells).
"""

from __future__ import annotations

import math

from course_lib.c4_convnets import classic_networks as cn
from course_lib.c4_convnets import layers as ly
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_layer_parameters", "check_layer_output_shape"]


def _parameters_variant(slip: str):
    """layer_parameters with one classic slip switched on (the check's diagnoses)."""

    def count(layer, shape_prev):
        kind = layer["type"]
        if kind == "conv":
            f, n_C, n_C_prev = layer["f"], layer["n_C"], shape_prev[-1]
            weights = f * f * (1 if slip == "channels" else n_C_prev) * n_C
            biases = {"no bias": 0, "one bias": 1}.get(slip, n_C)
            return weights + biases
        if kind == "fc":
            biases = {"no bias": 0, "one bias": 1}.get(slip, layer["units"])
            return shape_prev[0] * layer["units"] + biases
        if kind == "pool" and slip == "pool weights":
            return layer["f"] * layer["f"] * shape_prev[-1]
        return 0

    return count


_PARAMETER_SLIPS = [
    Slip(
        "no biases counted (only the weights)",
        "every filter of a CONV layer has one bias b, and every unit of an FC layer has one: "
        "(f * f * n_C_prev + 1) * n_C and (n_prev + 1) * n.",
        _parameters_variant("no bias"),
    ),
    Slip(
        "one bias for the whole layer instead of one per filter (or per unit)",
        "each of the n_C filters adds its own bias to its own output channel: n_C biases, "
        "(f * f * n_C_prev + 1) * n_C in all.",
        _parameters_variant("one bias"),
    ),
    Slip(
        "a filter counted as f x f, without its n_C_prev channels (f * f * n_C weights)",
        "a filter spans every channel of its input: it is f x f x n_C_prev, so the layer has "
        "f * f * n_C_prev * n_C weights (shape_prev[-1] is n_C_prev).",
        _parameters_variant("channels"),
    ),
    Slip(
        "a pooling window counted as weights (f * f * n_C_prev)",
        "pooling has hyperparameters (f, s, max or average) but nothing to learn: 0 "
        "parameters, and so do flatten and lrn.",
        _parameters_variant("pool weights"),
    ),
]


def check_layer_parameters(learner_fn) -> CheckResult:
    """Check ``layer_parameters(layer, shape_prev)`` on LeNet-5's and AlexNet's layers.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 3.
    """
    specs = [
        (ly.conv(5, 6), (32, 32, 1), "LeNet-5's CONV1, conv(5, 6) on 32x32x1"),
        (ly.conv(5, 16), (14, 14, 6), "LeNet-5's CONV2, conv(5, 16) on 14x14x6"),
        (ly.conv(11, 96, s=4), (227, 227, 3), "AlexNet's CONV1, conv(11, 96, s=4) on 227x227x3"),
        (ly.pool(2, 2, "average"), (28, 28, 6), "pool(2, 2) on 28x28x6"),
        (ly.flatten(), (5, 5, 16), "flatten() on 5x5x16"),
        (ly.fc(120), (400,), "fc(120) on a vector of 400"),
        (ly.fc(84), (120,), "fc(84) on a vector of 120"),
        (ly.fc(4096), (9216,), "AlexNet's FC6, fc(4096) on a vector of 9216"),
        (cn.lrn(), (55, 55, 96), "lrn() on 55x55x96"),
    ]
    cases = [Case(text, (layer, shape)) for layer, shape, text in specs]
    return check_function(
        "layer_parameters",
        learner_fn,
        ly.layer_parameters,
        cases,
        rtol=0,
        atol=0,
        slips=_PARAMETER_SLIPS,
        hints={
            "expected": "conv: (f * f * n_C_prev + 1) * n_C; fc: (n_prev + 1) * n with n_prev "
            "the length of the vector it reads; pool, flatten and lrn learn nothing: 0."
        },
    )


def _shape_variant(slip: str):
    """layer_output_shape with one classic slip switched on."""

    def shape(layer, shape_prev):
        kind = layer["type"]
        if kind == "flatten":
            return (math.prod(shape_prev),)
        if kind == "fc":
            return (layer["units"],)
        if kind == "lrn":
            return tuple(shape_prev)
        n_H_prev, n_W_prev, n_C_prev = shape_prev
        f, s = layer["f"], layer["stride"]
        p = ly.resolve_pad(layer) if kind == "conv" else 0
        if slip == "no pad":
            p = 0
        if slip == "no stride":
            s = 1

        def size(n):
            if slip == "true division":
                return (n + 2 * p - f) / s + 1
            if slip == "pad once":
                return (n + p - f) // s + 1
            return (n + 2 * p - f) // s + 1

        n_H = size(n_H_prev)
        n_W = n_H if slip == "square" else size(n_W_prev)
        n_C = n_C_prev if kind == "pool" or slip == "channels kept" else layer["n_C"]
        return (n_H, n_W, n_C)

    return shape


_SIZE = "n_H = floor((n_H_prev + 2p - f) / s) + 1"
_SHAPE_SLIPS = [
    Slip(
        "the padding left out",
        f"{_SIZE}: take p from the layer (layers.resolve_pad(layer) turns "
        '"same" into (f - 1) / 2).',
        _shape_variant("no pad"),
    ),
    Slip(
        "the padding added on one side only (n + p - f)",
        f"p zeros go on each side, top and bottom: {_SIZE}.",
        _shape_variant("pad once"),
    ),
    Slip(
        "the stride left out",
        f"with stride s the window moves s positions at a time: {_SIZE}.",
        _shape_variant("no stride"),
    ),
    Slip(
        "a fraction instead of floor (/ instead of //)",
        f"a window that would run past the edge is not used: {_SIZE}, with // in Python.",
        _shape_variant("true division"),
    ),
    Slip(
        "n_W computed from n_H (square inputs assumed)",
        "height and width each get the formula with their own n_H_prev and n_W_prev.",
        _shape_variant("square"),
    ),
    Slip(
        "a CONV layer keeping n_C_prev channels",
        "a CONV layer outputs one channel per filter: n_C = layer['n_C']. Pooling keeps n_C_prev.",
        _shape_variant("channels kept"),
    ),
]


def check_layer_output_shape(learner_fn) -> CheckResult:
    """Check ``layer_output_shape(layer, shape_prev)`` on LeNet-5's and AlexNet's layers.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 2.
    """
    specs = [
        (ly.conv(5, 6), (32, 32, 1), "LeNet-5's CONV1, conv(5, 6) on 32x32x1"),
        (ly.pool(2, 2, "average"), (28, 28, 6), "LeNet-5's POOL1, pool(2, 2) on 28x28x6"),
        (ly.conv(11, 96, s=4), (227, 227, 3), "AlexNet's CONV1, conv(11, 96, s=4) on 227x227x3"),
        (ly.pool(3, 2), (55, 55, 96), "AlexNet's POOL1, pool(3, 2) on 55x55x96"),
        (ly.conv(5, 256, p="same"), (27, 27, 96), 'conv(5, 256, p="same") on 27x27x96'),
        (ly.conv(3, 8, s=2), (8, 8, 3), "conv(3, 8, s=2) on 8x8x3"),
        (ly.conv(3, 64, s=2, p=1), (7, 9, 3), "conv(3, 64, s=2, p=1) on 7x9x3"),
        (ly.flatten(), (5, 5, 16), "flatten() on 5x5x16"),
        (ly.fc(120), (400,), "fc(120) on a vector of 400"),
    ]
    cases = [Case(text, (layer, shape)) for layer, shape, text in specs]
    return check_function(
        "layer_output_shape",
        learner_fn,
        ly.layer_output_shape,
        cases,
        rtol=0,
        atol=0,
        slips=_SHAPE_SLIPS,
        hints={
            "expected": f"{_SIZE} (the same for n_W); pooling keeps n_C_prev, flatten gives "
            "(n_H * n_W * n_C,), fc(n) gives (n,)."
        },
    )
