"""Auto-checks for the exercises of the activations lesson; each compares with activations.py.

Taught in: notebooks/c1_neural_networks/02_activations.py, section 5 ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import activations as act
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_relu_derivative", "check_tanh_derivative"]


def _cases() -> list[Case]:
    rng = np.random.default_rng(7)
    return [
        Case(
            "z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0]) (z = 0 included)",
            (np.array([-2.0, -0.5, 0.0, 0.5, 2.0]),),
        ),
        Case("a (3, 4) matrix Z of pre-activations", (rng.standard_normal((3, 4)) * 3,)),
        Case("large |z| (-1000, -50, 50 and 1000)", (np.array([[-1000.0, -50.0, 50.0, 1000.0]]),)),
    ]


_RELU_SLIPS = [
    Slip(
        "1 at z = 0 (z >= 0)",
        "ReLU has no derivative at 0, and any value in [0, 1] is a valid subgradient there, "
        "so the lecture's g'(0) = 1 is valid too; but this workbook, like the assignment's "
        "relu_backward and Keras, uses g'(0) = 0: compare with z > 0, not z >= 0.",
        lambda z: np.where(z >= 0, 1.0, 0.0),
    ),
    Slip(
        "returning ReLU itself, max(0, z)",
        "the derivative is a slope, 0 or 1, not g(z): np.where(z > 0, 1.0, 0.0).",
        lambda z: np.maximum(0.0, z),
    ),
]

_TANH_SLIPS = [
    Slip(
        "1 - z**2",
        "g'(z) = 1 - g(z)^2 with g = np.tanh: square the tanh, not z.",
        lambda z: 1 - z**2,
    ),
    Slip(
        "1 - tanh(z), not squared",
        "square the tanh: 1 - np.tanh(z)**2.",
        lambda z: 1 - np.tanh(z),
    ),
    Slip(
        "(1 - tanh(z))**2",
        "only the tanh is squared: 1 - np.tanh(z)**2, not (1 - np.tanh(z))**2.",
        lambda z: (1 - np.tanh(z)) ** 2,
    ),
    Slip(
        "the sigmoid's derivative a (1 - a)",
        "a (1 - a) belongs to the sigmoid; for tanh it is 1 - tanh(z)^2.",
        lambda z: np.tanh(z) * (1 - np.tanh(z)),
    ),
]


def check_relu_derivative(learner_fn) -> CheckResult:
    """Check a learner's ``relu_derivative(z)``: 0 for z <= 0, 1 for z > 0, same shape as z.

    The course (``relu_backward``: dZ[Z <= 0] = 0) and Keras take 0 at z = 0; the first
    case contains z = 0 exactly.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return check_function(
        "relu_derivative",
        learner_fn,
        act.relu_derivative,
        _cases(),
        slips=_RELU_SLIPS,
        hints={
            "shape": "return an array of the same shape as z (np.where keeps the shape).",
        },
    )


def check_tanh_derivative(learner_fn) -> CheckResult:
    """Check a learner's ``tanh_derivative(z)`` = 1 - tanh(z)^2, same shape as z.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return check_function(
        "tanh_derivative",
        learner_fn,
        act.tanh_derivative,
        _cases(),
        slips=_TANH_SLIPS,
        hints={
            "nan": "np.tanh is safe for large |z|; computing e^z yourself overflows at z = 1000.",
            "shape": "return an array of the same shape as z.",
        },
    )
