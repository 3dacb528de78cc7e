"""Gradient checking, the course's "Gradient Checking" assignment API, in NumPy.

1-D: J(theta) = theta * x, dJ/dtheta = x, checked with a two-sided difference.
N-D: the 3-layer network [4, 5, 3, 1] (relu, relu, sigmoid); its parameters are flattened
into one column theta (W1, b1, W2, b2, W3, b3, each row by row) and every entry is nudged
by +-epsilon. The verdict is

    difference = ||grad - gradapprox||_2 / (||grad||_2 + ||gradapprox||_2)

with about 1e-7 fine, about 1e-5 worth a look and about 1e-3 a bug. ``backward_propagation_n_buggy``
carries the assignment's two planted mistakes, and ``parameter_differences`` says which
parameter they are in. The generic checker for any layer is ``course_lib.gradient_check``.

Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c2_improving_dnns import regularization as reg
from course_lib.gradient_check import relative_difference
from course_lib.validation import (
    require_finite,
    require_keys,
    require_layers,
    require_numeric,
    require_xy,
)

__all__ = [
    "forward_propagation",
    "backward_propagation",
    "gradient_check",
    "one_sided_difference",
    "two_sided_difference",
    "difference_errors",
    "forward_propagation_n",
    "backward_propagation_n",
    "backward_propagation_n_buggy",
    "dictionary_to_vector",
    "vector_to_dictionary",
    "gradients_to_vector",
    "numerical_gradient_n",
    "gradient_check_n",
    "parameter_differences",
    "report",
    "LAYER_DIMS",
]

LAYER_DIMS = (4, 5, 3, 1)
_ORDER = ("W1", "b1", "W2", "b2", "W3", "b3")
THRESHOLD = 2e-7


def report(difference: float) -> str:
    """The assignment's verdict line for a gradient-check difference (threshold 2e-7).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    if difference > THRESHOLD:
        return f"There is a mistake in the backward propagation! difference = {difference}"
    return f"Your backward propagation works perfectly fine! difference = {difference}"


# --- 1-D -----------------------------------------------------------------------------------


def forward_propagation(x, theta):
    """J = theta * x, the assignment's one-parameter "network".

    Args:
        x: a real number. theta: the parameter, a real number.

    Returns:
        J (same type as theta * x).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    return require_numeric("theta", theta) * require_numeric("x", x)


def backward_propagation(x, theta):
    """dJ/dtheta = x for J = theta * x.

    Args:
        x, theta: real numbers.

    Returns:
        dtheta.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    require_numeric("theta", theta)
    return require_numeric("x", x)


def gradient_check(x, theta, epsilon: float = 1e-7, print_msg: bool = False) -> float:
    """Compare ``backward_propagation`` with the two-sided difference of ``forward_propagation``.

    Args:
        x, theta: real numbers. epsilon: the nudge. print_msg: print the verdict.

    Returns:
        difference = |grad - gradapprox| / (|grad| + |gradapprox|).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 2.
    """
    x, theta = require_finite("x", x), require_finite("theta", theta)
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    difference = relative_difference(gradapprox, grad)
    if print_msg:
        print(report(difference))
    return difference


def one_sided_difference(f: Callable[[float], float], theta: float, epsilon: float) -> float:
    """(f(theta + eps) - f(theta)) / eps: error O(eps).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 1.
    """
    return (f(theta + epsilon) - f(theta)) / epsilon


def two_sided_difference(f: Callable[[float], float], theta: float, epsilon: float) -> float:
    """(f(theta + eps) - f(theta - eps)) / (2 eps): error O(eps^2).

    For f = theta^3 at theta = 1 and eps = 0.01 it gives 3.0001 (one-sided: 3.0301; exact 3).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 1.
    """
    return (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)


def difference_errors(
    f: Callable[[float], float], df: Callable[[float], float], theta: float, epsilons
) -> dict[str, np.ndarray]:
    """Absolute errors of the one- and two-sided differences for each epsilon.

    Args:
        f: the function. df: its exact derivative. theta: the point.
        epsilons: sequence of steps.

    Returns:
        {"epsilon", "one_sided", "two_sided"}: arrays of len(epsilons).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 1.
    """
    eps = np.asarray(epsilons, dtype=np.float64)
    exact = df(theta)
    one = np.array([abs(one_sided_difference(f, theta, e) - exact) for e in eps])
    two = np.array([abs(two_sided_difference(f, theta, e) - exact) for e in eps])
    return {"epsilon": eps, "one_sided": one, "two_sided": two}


# --- N-D: the 3-layer network --------------------------------------------------------------


def _row(Y, X) -> np.ndarray:
    # The assignment's test cases pass labels as a rank-1 array (m,); treat it as (1, m).
    # Anything else must be (1, m): a (m, 1) Y would broadcast against A3 to (m, m).
    Y = require_numeric("Y", Y)
    return require_xy(X, Y.reshape(1, -1) if Y.ndim == 1 else Y)[1]


def forward_propagation_n(X, Y, parameters) -> tuple[float, tuple]:
    """Cost of LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID: the mean cross-entropy.

    Args:
        X: (n_x, m) (4 in the assignment). Y: (1, m) labels.
        parameters: {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3),
            "b3": (1, 1)} (any sizes of this 3-layer form work).

    Returns:
        cost (Python float) and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    A3, cache = reg.forward_propagation(X, parameters)
    Y = _row(Y, X)
    m = A3.shape[1]
    # The assignment's literal formula: gradient checking differences costs 2e-7 apart, so
    # even the rounding of the cost shows in the 8th digit of the difference. This keeps
    # the course's numbers; A3 here is never exactly 0 or 1 (use regularization.compute_cost
    # for the guarded version).
    with np.errstate(divide="ignore", invalid="ignore"):
        log_probs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    return float(1.0 / m * np.sum(log_probs)), cache


def backward_propagation_n(X, Y, cache) -> dict[str, np.ndarray]:
    """The correct backward pass for ``forward_propagation_n``.

    Args:
        X: (n_x, m). Y: (1, m). cache: from ``forward_propagation_n``.

    Returns:
        {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    return reg.backward_propagation(X, _row(Y, X), cache)


def backward_propagation_n_buggy(X, Y, cache) -> dict[str, np.ndarray]:
    """The assignment's backward pass with two planted bugs: dW2 is doubled and db1 uses
    4/m instead of 1/m. Gradient checking must catch it.

    Args / Returns: as ``backward_propagation_n``.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    gradients = dict(backward_propagation_n(X, Y, cache))
    gradients["dW2"] = gradients["dW2"] * 2
    gradients["db1"] = gradients["db1"] * 4
    return gradients


def _shapes(layer_dims: Sequence[int]) -> list[tuple[str, tuple[int, int]]]:
    shapes = []
    for l in range(1, len(layer_dims)):
        shapes.append((f"W{l}", (layer_dims[l], layer_dims[l - 1])))
        shapes.append((f"b{l}", (layer_dims[l], 1)))
    return shapes


def dictionary_to_vector(parameters) -> tuple[np.ndarray, list[str]]:
    """Flatten W1, b1, W2, b2, ... (each row by row) into one column theta.

    Args:
        parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        theta of shape (n, 1), n the number of parameters, and keys: a list of n names,
        keys[i] naming the parameter that theta[i] comes from.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    L = require_layers("parameters", parameters)
    pieces, keys = [], []
    for l in range(1, L + 1):
        for name in (f"W{l}", f"b{l}"):
            vector = np.reshape(parameters[name], (-1, 1))
            pieces.append(vector)
            keys += [name] * vector.shape[0]
    return np.concatenate(pieces, axis=0).astype(np.float64), keys


def vector_to_dictionary(theta, layer_dims: Sequence[int] = LAYER_DIMS) -> dict[str, np.ndarray]:
    """Undo ``dictionary_to_vector`` for a network of the given layer sizes.

    Args:
        theta: (n, 1) (or (n,)) with n = sum_l n[l] (n[l-1] + 1).
        layer_dims: [n_x, n[1], ..., n[L]]; the assignment's (4, 5, 3, 1) by default.

    Returns:
        {"W1": (n[1], n_x), "b1": (n[1], 1), ...}.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    theta = require_numeric("theta", theta).astype(np.float64).reshape(-1)
    shapes = _shapes(layer_dims)
    total = sum(r * c for _, (r, c) in shapes)
    if theta.size != total:
        raise ValueError(
            f"theta must have shape (n, 1) = ({total}, 1) for layer_dims {list(layer_dims)}; "
            f"got {theta.size} entries."
        )
    parameters, start = {}, 0
    for name, (rows, cols) in shapes:
        parameters[name] = theta[start : start + rows * cols].reshape(rows, cols)
        start += rows * cols
    return parameters


def gradients_to_vector(gradients) -> np.ndarray:
    """Flatten dW1, db1, dW2, db2, ... in the order of ``dictionary_to_vector``.

    Args:
        gradients: {"dW1", "db1", ...} (other keys such as "dZ1" are ignored).

    Returns:
        A column (n, 1).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    L = 0
    while f"dW{L + 1}" in gradients:
        L += 1
    if L == 0:
        raise ValueError("gradients must hold dW1, db1, ...")
    require_keys("gradients", gradients, [f"d{k}{l}" for l in range(1, L + 1) for k in "Wb"])
    pieces = [
        np.reshape(gradients[f"d{kind}{l}"], (-1, 1)) for l in range(1, L + 1) for kind in "Wb"
    ]
    return np.concatenate(pieces, axis=0).astype(np.float64)


def _layer_dims(parameters) -> list[int]:
    names = reg._weights(parameters)
    return [np.shape(parameters["W1"])[1]] + [np.shape(parameters[n])[0] for n in names]


def numerical_gradient_n(
    parameters, X, Y, epsilon: float = 1e-7, cost_fn: Callable | None = None
) -> np.ndarray:
    """gradapprox[i] = (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps) for every i.

    Args:
        parameters: {"W1", ...}. X: (n_x, m). Y: (1, m). epsilon: the nudge.
        cost_fn: ``cost_fn(X, Y, parameters) -> cost``; defaults to the cost returned by
            ``forward_propagation_n`` (pass a regularised cost to check the L2 gradient).

    Returns:
        gradapprox, a column (n, 1) ordered like ``dictionary_to_vector``.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    _row(Y, X)  # the label rule holds whatever cost_fn does with Y
    if cost_fn is None:
        cost_fn = lambda X_, Y_, p: forward_propagation_n(X_, Y_, p)[0]  # noqa: E731
    theta, _ = dictionary_to_vector(parameters)
    dims = _layer_dims(parameters)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        theta_plus = theta.copy()
        theta_plus[i] += epsilon
        theta_minus = theta.copy()
        theta_minus[i] -= epsilon
        J_plus = cost_fn(X, Y, vector_to_dictionary(theta_plus, dims))
        J_minus = cost_fn(X, Y, vector_to_dictionary(theta_minus, dims))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    return gradapprox


def gradient_check_n(
    parameters,
    gradients,
    X,
    Y,
    epsilon: float = 1e-7,
    print_msg: bool = False,
    cost_fn: Callable | None = None,
) -> float:
    """The assignment's N-dimensional gradient check.

    Args:
        parameters: {"W1", "b1", ..., "W3", "b3"}. gradients: {"dW1", "db1", ...} to test.
        X: (n_x, m). Y: (1, m). epsilon: the nudge. print_msg: print the verdict
        ("There is a mistake ..." above 2e-7, else "Your backward propagation works ...").
        cost_fn: optional ``cost_fn(X, Y, parameters)``, as in ``numerical_gradient_n``.

    Returns:
        difference = ||grad - gradapprox||_2 / (||grad||_2 + ||gradapprox||_2).

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 3.
    """
    grad = gradients_to_vector(gradients)
    gradapprox = numerical_gradient_n(parameters, X, Y, epsilon, cost_fn)
    if grad.shape != gradapprox.shape:
        raise ValueError(
            f"gradients hold {grad.shape[0]} entries but parameters hold {gradapprox.shape[0]}."
        )
    difference = relative_difference(gradapprox, grad)
    if print_msg:
        print(report(difference))
    return difference


def parameter_differences(
    parameters, gradients, X, Y, epsilon: float = 1e-7, cost_fn: Callable | None = None
) -> dict[str, float]:
    """The check's relative difference computed separately for each parameter, to find the bug.

    Args:
        As ``gradient_check_n``.

    Returns:
        {"W1": difference, "b1": ..., ...}, in the order of ``dictionary_to_vector``; the
        largest points at the layer whose backward code is wrong.

    Taught in: notebooks/c2_improving_dnns/04_gradient_checking.py, section 4.
    """
    _, keys = dictionary_to_vector(parameters)
    keys = np.array(keys)
    grad = gradients_to_vector(gradients)
    gradapprox = numerical_gradient_n(parameters, X, Y, epsilon, cost_fn)
    return {
        str(name): relative_difference(gradapprox[keys == name], grad[keys == name])
        for name in dict.fromkeys(keys)
    }
