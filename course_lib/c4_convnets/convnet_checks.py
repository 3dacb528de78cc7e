"""Auto-check for the ConvNet lesson's exercise: the model's ``forward_propagation``.

Taught in: notebooks/c4_convnets/04_convnet_application.py ("Your turn" cell, section 2).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns.softmax import softmax
from course_lib.c4_convnets import convnet as cn
from course_lib.c4_convnets.convolution import pool_forward_vectorized
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_forward_propagation", "forward_variant"]


def forward_variant(
    relu1: bool = True,
    relu2: bool = True,
    mode: str = "max",
    flatten: str = "hwc",
    logits: bool = True,
    bias3: bool = True,
):
    """The ConvNet's forward pass with one classic slip switched on (the check's diagnoses).

    ``relu1``/``relu2``: apply the ReLU after conv 1 / conv 2; ``mode``: the pooling;
    ``flatten``: "hwc" (the course's and Keras's order), "chw" (channels first) or
    "columns" (P2.reshape(-1, m), which mixes examples); ``logits``: return Z3 (else
    softmax(Z3)); ``bias3``: add b3.
    """

    def forward(X, parameters):
        p = parameters
        Z1, _ = cn.conv_same_forward(X, p["W1"], p["b1"], stride=1)
        A1 = np.maximum(Z1, 0) if relu1 else Z1
        P1, _ = pool_forward_vectorized(A1, {"f": 8, "stride": 8}, mode=mode)
        Z2, _ = cn.conv_same_forward(P1, p["W2"], p["b2"], stride=1)
        A2 = np.maximum(Z2, 0) if relu2 else Z2
        P2, _ = pool_forward_vectorized(A2, {"f": 4, "stride": 4}, mode=mode)
        m = P2.shape[0]
        if flatten == "chw":
            F = P2.transpose(0, 3, 1, 2).reshape(m, -1).T
        elif flatten == "columns":
            F = P2.reshape(-1, m)
        else:
            F = P2.reshape(m, -1).T
        Z3 = p["W3"] @ F + (p["b3"] if bias3 else 0)
        return Z3 if logits else softmax(Z3)

    return forward


_SLIPS = [
    Slip(
        "no ReLU after the first convolution",
        "A1 = relu(Z1) before the first max-pool. The slip hides where a window holds a"
        " positive number (the max is the same), but a window of negatives passes them on.",
        forward_variant(relu1=False),
    ),
    Slip(
        "no ReLU after the second convolution",
        "A2 = relu(Z2) before the second max-pool, as after the first convolution.",
        forward_variant(relu2=False),
    ),
    Slip(
        "average pooling instead of max pooling",
        'the course\'s model pools with the maximum: pool_forward_vectorized(A, hp, mode="max").',
        forward_variant(mode="average"),
    ),
    Slip(
        "the volume flattened channels first, (n_C, n_H, n_W)",
        "flatten each example in (n_H, n_W, n_C) order, as Keras's Flatten does:"
        " F = P2.reshape(m, -1).T, of shape (n_F, m).",
        forward_variant(flatten="chw"),
    ),
    Slip(
        "P2.reshape(-1, m), which mixes the examples' numbers",
        "reshape keeps the memory order, where the examples come first: reshape to"
        " (m, n_F) and then transpose, F = P2.reshape(m, -1).T.",
        forward_variant(flatten="columns"),
    ),
    Slip(
        "the softmax applied: probabilities instead of the logits Z3",
        "return Z3 = W3 F + b3 itself; the cost applies the softmax (from the logits, which"
        " is stable), as the course's forward_propagation does.",
        forward_variant(logits=False),
    ),
    Slip(
        "b3 left out of the dense layer",
        "Z3 = W3 @ F + b3: the dense layer has a bias per class.",
        forward_variant(bias3=False),
    ),
]


def _case(description: str, m: int, side: int, seed: int) -> Case:
    rng = np.random.default_rng(seed)
    parameters = cn.initialize_parameters((side, side, 3), n_classes=6, seed=seed)
    # Biases off zero, so that a missing ReLU or bias changes the numbers.
    for key in ("b1", "b2", "b3"):
        parameters[key] = rng.normal(0, 0.3, size=parameters[key].shape)
    X = rng.uniform(0, 1, size=(m, side, side, 3))
    return Case(description, (X, parameters))


def check_forward_propagation(learner_fn) -> CheckResult:
    """Check ``forward_propagation(X, parameters) -> Z3`` of the ConvNet.

    Cases: 3 random 32x32x3 images (the pools leave 1x1x16) and 2 random 64x64x3 ones
    (2x2x16, where the flattening order matters), with non-zero biases.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    cases = [
        _case("3 random 32x32x3 images", 3, 32, seed=0),
        _case("2 random 64x64x3 images (SIGNS's size)", 2, 64, seed=1),
    ]
    return check_function(
        "forward_propagation",
        learner_fn,
        cn.forward_propagation,
        cases,
        rtol=1e-6,
        atol=1e-9,
        output_names=("Z3",),
        slips=_SLIPS,
        hints={
            "shape": "Z3 has one column per example: (C, m) = (6, m). Flatten P2 with"
            " P2.reshape(m, -1).T before the dense layer.",
            "expected": "the layers in order: conv_same_forward (W1, b1), ReLU, 8x8 max-pool"
            " stride 8, conv_same_forward (W2, b2), ReLU, 4x4 max-pool stride 4, flatten,"
            " Z3 = W3 F + b3.",
        },
    )
