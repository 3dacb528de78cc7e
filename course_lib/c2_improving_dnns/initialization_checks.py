"""Auto-checks for the initialisation exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/02_initialization.py ("Your turn" cell).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_initialize_parameters_he"]


def _he_variant(std=lambda n_prev, n_here, n_x: np.sqrt(2 / n_prev), draw="randn", reseed=False):
    """initialize_parameters_he with one classic slip switched on (the check's diagnoses).

    ``std`` gives a layer's multiplier from its fan-in, its size and n_x; ``draw`` is the
    np.random function that draws the weights; ``reseed`` seeds again in every layer.
    """

    def initialize(layers_dims):
        np.random.seed(3)  # noqa: NPY002 - the course's seeding
        parameters = {}
        for l in range(1, len(layers_dims)):
            if reseed:
                np.random.seed(3)  # noqa: NPY002
            n_prev, n_here = layers_dims[l - 1], layers_dims[l]
            weights = getattr(np.random, draw)(n_here, n_prev)
            parameters[f"W{l}"] = weights * std(n_prev, n_here, layers_dims[0])
            parameters[f"b{l}"] = np.zeros((n_here, 1))
        return parameters

    return initialize


_SLIPS = [
    Slip(
        "Xavier's sqrt(1 / n[l-1]) instead of He's sqrt(2 / n[l-1])",
        "He doubles Xavier's variance for ReLU layers: multiply by np.sqrt(2 / n[l-1]), "
        "not np.sqrt(1 / n[l-1]).",
        _he_variant(std=lambda n_prev, n_here, n_x: np.sqrt(1 / n_prev)),
    ),
    Slip(
        "Glorot's sqrt(2 / (n[l-1] + n[l])) instead of He's",
        "He uses the fan-in only: np.sqrt(2 / n[l-1]); 2 / (n[l-1] + n[l]) is Glorot's "
        "average of fan-in and fan-out.",
        _he_variant(std=lambda n_prev, n_here, n_x: np.sqrt(2 / (n_prev + n_here))),
    ),
    Slip(
        "the layer's own size n[l] instead of its fan-in n[l-1]",
        "layer l scales by np.sqrt(2 / layers_dims[l-1]), the size of the layer *before* "
        "it (the number of inputs of each unit), not layers_dims[l].",
        _he_variant(std=lambda n_prev, n_here, n_x: np.sqrt(2 / n_here)),
    ),
    Slip(
        "every layer scaled by the input size n_x",
        "each layer uses the layer's own n[l-1], not layers_dims[0]: "
        "np.sqrt(2 / layers_dims[l-1]) inside the loop.",
        _he_variant(std=lambda n_prev, n_here, n_x: np.sqrt(2 / n_x)),
    ),
    Slip(
        "the variance 2 / n[l-1] used as the multiplier",
        "multiply by the standard deviation np.sqrt(2 / n[l-1]); 2 / n[l-1] is the variance.",
        _he_variant(std=lambda n_prev, n_here, n_x: 2 / n_prev),
    ),
    Slip(
        "np.random.seed(3) called again in every layer",
        "call np.random.seed(3) once, before the loop: seeding again in every layer makes "
        "each W^[l] start from the same random numbers.",
        _he_variant(reseed=True),
    ),
    Slip(
        "np.random.rand (uniform) instead of np.random.randn",
        "draw with np.random.randn (normal, mean 0), not np.random.rand (uniform in [0, 1), "
        "all positive).",
        _he_variant(draw="rand"),
    ),
]


def check_initialize_parameters_he(learner_fn) -> CheckResult:
    """Check a learner's ``initialize_parameters_he(layers_dims)`` against the course values.

    The learner's function seeds NumPy with ``np.random.seed(3)`` itself, as the course's
    does, so the arrays must match entry for entry. The classic slips (Xavier's or
    Glorot's scale, n[l] for n[l-1], n_x in every layer, the variance for the standard
    deviation, seeding in every layer, np.random.rand) get their own hints.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 4.
    """
    cases = [
        Case("layers_dims = [2, 4, 1] (the course's example)", ([2, 4, 1],)),
        Case("layers_dims = [3, 2, 1]", ([3, 2, 1],)),
        Case("layers_dims = [5, 10, 5, 1] (the lesson's network on 5 inputs)", ([5, 10, 5, 1],)),
    ]
    return check_function(
        "initialize_parameters_he",
        learner_fn,
        lambda dims: ini.initialize_parameters_he(dims),
        cases,
        slips=_SLIPS,
        hints={
            "is missing the key": "make one 'W{l}' and one 'b{l}' for l = 1, ..., L, with "
            "L = len(layers_dims) - 1: range(1, len(layers_dims)).",
            "['W1'] differs": (
                "call np.random.seed(3) once at the start, then for each layer "
                "np.random.randn(n[l], n[l-1]) * np.sqrt(2 / n[l-1])."
            ),
            "['W2'] differs": (
                "layer l scales by sqrt(2 / layers_dims[l-1]), the size of the layer *before* it."
            ),
            "['b": "biases start at np.zeros((n[l], 1)); they draw no random numbers.",
            "It looks transposed": "W^[l] has shape (n[l], n[l-1]): rows are this layer's units.",
        },
    )
