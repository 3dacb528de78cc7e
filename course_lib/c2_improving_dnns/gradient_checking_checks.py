"""Auto-checks for the gradient-checking exercises; each compares with gradient_checking.py.

Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.exercises import Case, CheckResult, Slip, check_function, random_network

__all__ = ["check_gradient_check", "check_gradient_check_n"]


def _check_1d_variant(approx="centred", denominator="both", fixed_epsilon=False):
    """The 1-D gradient_check with one classic slip switched on (the check's diagnoses).

    ``approx``: "centred", "one-sided", "no 2" (divided by eps) or "reversed" (J_minus -
    J_plus); ``denominator``: "both" (|grad| + |gradapprox|), "none" or "grad".
    """

    def check(x, theta, epsilon=1e-7, print_msg=False):
        if fixed_epsilon:
            epsilon = 1e-7
        J_plus = gc.forward_propagation(x, theta + epsilon)
        J_minus = gc.forward_propagation(x, theta - epsilon)
        if approx == "one-sided":
            gradapprox = (J_plus - gc.forward_propagation(x, theta)) / epsilon
        elif approx == "no 2":
            gradapprox = (J_plus - J_minus) / epsilon
        elif approx == "reversed":
            gradapprox = (J_minus - J_plus) / (2 * epsilon)
        else:
            gradapprox = (J_plus - J_minus) / (2 * epsilon)
        grad = gc.backward_propagation(x, theta)
        numerator = np.linalg.norm(grad - gradapprox)
        below = {
            "both": np.linalg.norm(grad) + np.linalg.norm(gradapprox),
            "none": 1.0,
            "grad": np.linalg.norm(grad),
        }[denominator]
        return numerator / below

    return check


_DENOMINATOR_HINT = (
    "the difference is relative: divide by np.linalg.norm(grad) + np.linalg.norm(gradapprox), "
    "so it does not depend on how large the gradient is."
)
_1D_SLIPS = [
    Slip(
        "gradapprox divided by epsilon instead of 2 * epsilon (a difference of 1/3)",
        "theta + eps and theta - eps are 2 eps apart: gradapprox = (J_plus - J_minus) / "
        "(2 * epsilon).",
        _check_1d_variant(approx="no 2"),
    ),
    Slip(
        "a one-sided difference (J(theta + eps) - J(theta)) / eps",
        "use the centred difference (J(theta + eps) - J(theta - eps)) / (2 eps): its error is "
        "O(eps^2) instead of O(eps). (For J = theta x both are exact but for rounding, which "
        "is how the check tells them apart.)",
        _check_1d_variant(approx="one-sided"),
    ),
    Slip(
        "the difference taken the wrong way round (a difference of 1)",
        "gradapprox = (J_plus - J_minus) / (2 * epsilon): J_plus - J_minus, in that order, "
        "with J_plus = J(theta + epsilon).",
        _check_1d_variant(approx="reversed"),
    ),
    Slip(
        "a fixed epsilon = 1e-7 instead of the argument",
        "nudge theta by the epsilon argument (the check passes other values), not a fixed 1e-7.",
        _check_1d_variant(fixed_epsilon=True),
    ),
    Slip(
        "the absolute difference |grad - gradapprox|, without a denominator",
        _DENOMINATOR_HINT,
        _check_1d_variant(denominator="none"),
    ),
    Slip(
        "the difference divided by |grad| only",
        _DENOMINATOR_HINT,
        _check_1d_variant(denominator="grad"),
    ),
]


def check_gradient_check(learner_fn) -> CheckResult:
    """Check the 1-D ``gradient_check(x, theta, epsilon=1e-7, print_msg=False)``.

    J = theta x is linear, so a correct check returns only rounding noise (about 1e-10 at
    eps = 1e-7); the noise of the centred difference is reproducible, so the comparison is
    tight. The case with epsilon = 1e-3 (noise about 1e-13) catches a fixed 1e-7.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    cases = [
        Case(f"x = {x}, theta = {theta}", (x, theta))
        for x, theta in [(2, 4), (-3.0, 0.5), (7.5, -2)]
    ]
    cases.append(Case("x = 0.3, theta = -1.7, epsilon = 1e-3", (0.3, -1.7), {"epsilon": 1e-3}))
    return check_function(
        "gradient_check",
        learner_fn,
        gc.gradient_check,
        cases,
        rtol=1e-3,
        atol=1e-12,
        slips=_1D_SLIPS,
        hints={
            "expected": "gradapprox = (J(theta + eps) - J(theta - eps)) / (2 eps); the"
            " denominator of the difference is |grad| + |gradapprox|."
        },
    )


def _check_n_variant(one_sided=False, halve=False, shared=False):
    """gradient_check_n with one classic slip switched on (the check's diagnoses)."""

    def check(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
        theta, _ = gc.dictionary_to_vector(parameters)
        grad = gc.gradients_to_vector(gradients)
        J0, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta))
        approx = np.zeros_like(grad)
        for i in range(theta.shape[0]):
            plus = theta if shared else np.copy(theta)
            plus[i] += epsilon
            J_plus, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(plus))
            minus = theta if shared else np.copy(theta)
            minus[i] -= epsilon
            J_minus, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(minus))
            if one_sided:
                approx[i] = (J_plus - J0) / epsilon
            else:
                approx[i] = (J_plus - J_minus) / (epsilon if halve else 2 * epsilon)
        numerator = np.linalg.norm(grad - approx)
        return numerator / (np.linalg.norm(grad) + np.linalg.norm(approx))

    return check


_HALF_OR_TWICE = (
    "the two nudges are 2 eps apart: gradapprox = (J_plus - J_minus) / (2 * epsilon); and "
    "nudge copies, theta_plus = np.copy(theta), or the -eps nudge undoes the +eps one."
)
_N_SLIPS = [
    Slip(
        "a one-sided difference (J(theta + eps) - J(theta)) / eps",
        "use the centred difference (J(theta + eps) - J(theta - eps)) / (2 eps): its error is "
        "O(eps^2) instead of O(eps), which is the point of the two-sided check.",
        _check_n_variant(one_sided=True),
    ),
    # Both slips make gradapprox twice or half the gradient, a difference of about 1/3:
    # one number cannot tell them apart, so they share a hint.
    Slip(
        "gradapprox twice or half the gradient (a difference near 1/3)",
        _HALF_OR_TWICE,
        _check_n_variant(halve=True),
    ),
    Slip(
        "gradapprox twice or half the gradient (a difference near 1/3)",
        _HALF_OR_TWICE,
        _check_n_variant(shared=True),
    ),
]


def check_gradient_check_n(learner_fn) -> CheckResult:
    """Check ``gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)``
    with the correct and the buggy backward pass.

    The correct backward is checked with epsilon = 1e-3 and 1e-4, where the centred
    difference's own error (O(eps^2), about 1e-8 and 1e-10 here) is far above rounding noise
    and far below a one-sided difference's (O(eps), about 1e-4 and 1e-5): so a one-sided
    difference fails, and two correct implementations agree to a few digits.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    cases = []
    for seed, backward, eps in [
        (1, gc.backward_propagation_n, 1e-3),
        (2, gc.backward_propagation_n_buggy, 1e-7),
        (3, gc.backward_propagation_n, 1e-4),
    ]:
        X, Y, parameters = random_network(list(gc.LAYER_DIMS), 3, np.random.default_rng(seed))
        _, cache = gc.forward_propagation_n(X, Y, parameters)
        gradients = backward(X, Y, cache)
        cases.append(
            Case(
                f"the {backward.__name__} gradients with epsilon = {eps:g}",
                (parameters, gradients, X, Y),
                {"epsilon": eps},
            )
        )
    return check_function(
        "gradient_check_n",
        learner_fn,
        gc.gradient_check_n,
        cases,
        rtol=5e-2,  # two correct implementations differ only by rounding, ~1e-3 relative
        atol=1e-13,
        slips=_N_SLIPS,
        hints={
            "expected": "nudge ONE entry theta[i] by +-epsilon (the argument, not a fixed "
            "1e-7) on copies of theta, rebuild the dict with vector_to_dictionary, and use "
            "np.linalg.norm for the norms."
        },
    )
