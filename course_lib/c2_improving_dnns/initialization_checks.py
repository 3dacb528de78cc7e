"""Auto-checks for the initialisation exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/02_initialization.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.exercises import Case, CheckResult, check_function

__all__ = ["check_initialize_parameters_he"]


def check_initialize_parameters_he(learner_fn) -> CheckResult:
    """Check a learner's ``initialize_parameters_he(layers_dims)`` against the course values.

    The learner's function seeds NumPy with ``np.random.seed(3)`` itself, as the course's
    does, so the arrays must match entry for entry.

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
        hints={
            "is missing the key": "make one 'W{l}' and one 'b{l}' for l = 1, ..., L.",
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
