"""Auto-checks for the gradient-checking exercises; each compares with gradient_checking.py.

Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.exercises import Case, CheckResult, check_function, random_network

__all__ = ["check_gradient_check", "check_gradient_check_n"]


def check_gradient_check(learner_fn) -> CheckResult:
    """Check the 1-D ``gradient_check(x, theta, epsilon=1e-7, print_msg=False)``.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    cases = [
        Case(f"x = {x}, theta = {theta}", (x, theta))
        for x, theta in [(2, 4), (-3.0, 0.5), (7.5, -2)]
    ]
    return check_function(
        "gradient_check",
        learner_fn,
        gc.gradient_check,
        cases,
        rtol=1e-3,
        atol=1e-12,
        hints={
            "expected": "gradapprox = (J(theta + eps) - J(theta - eps)) / (2 eps); the"
            " denominator of the difference is |grad| + |gradapprox|."
        },
    )


def check_gradient_check_n(learner_fn) -> CheckResult:
    """Check ``gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)``
    with the correct and the buggy backward pass.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    cases = []
    for seed, backward in [(1, gc.backward_propagation_n), (2, gc.backward_propagation_n_buggy)]:
        X, Y, parameters = random_network(list(gc.LAYER_DIMS), 3, np.random.default_rng(seed))
        _, cache = gc.forward_propagation_n(X, Y, parameters)
        gradients = backward(X, Y, cache)
        cases.append(Case(f"the {backward.__name__} gradients", (parameters, gradients, X, Y)))
    return check_function(
        "gradient_check_n",
        learner_fn,
        gc.gradient_check_n,
        cases,
        rtol=1e-2,  # the difference of a correct backward is rounding noise itself
        atol=1e-6,
        hints={
            "expected": "nudge ONE entry theta[i] by +-epsilon on copies of theta, rebuild"
            " the dict with vector_to_dictionary, and use np.linalg.norm for the norms."
        },
    )
