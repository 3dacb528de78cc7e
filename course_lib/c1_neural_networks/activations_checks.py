"""Auto-checks for the exercises of the activations lesson; each compares with activations.py.

Taught in: notebooks/c1_neural_networks/02_activations.py, section 5 ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import activations as act
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_relu_derivative", "check_tanh_derivative"]


def _cases() -> list[Case]:
    rng = np.random.default_rng(7)
    return [
        Case(
            "z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0]) (z = 0 included)",
            (np.array([-2.0, -0.5, 0.0, 0.5, 2.0]),),
        ),
        Case("a (3, 4) matrix Z of pre-activations", (rng.standard_normal((3, 4)) * 3,)),
        Case("large |z| (-50 and 50)", (np.array([[-50.0, 50.0]]),)),
    ]


def check_relu_derivative(learner_fn) -> CheckResult:
    """Check a learner's ``relu_derivative(z)``: 0 for z < 0, 1 for z >= 0, same shape as z.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return check_function(
        "relu_derivative",
        learner_fn,
        act.relu_derivative,
        _cases(),
        hints={
            "index (2,)": "the course takes g'(0) = 1: compare with z >= 0, not z > 0.",
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
        hints={
            "differs": "g'(z) = 1 - g(z)^2 with g = np.tanh: square the tanh, not z.",
            "nan": "np.tanh is safe for large |z|; avoid computing e^z yourself.",
        },
    )
