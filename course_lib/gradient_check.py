"""Gradient checking with centred differences, usable on any ``*_backward``.

The course's test (C2.31-C2.32): for each parameter entry theta_i,
``dtheta_approx[i] = (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)`` and

    difference = ||dtheta_approx - dtheta||_2 / (||dtheta_approx||_2 + ||dtheta||_2)

About 1e-7 is right, about 1e-5 deserves a look, about 1e-3 is a bug. Run it in float64.

Two entry points:
- ``gradient_check(cost_fn, params, grads)``: a cost J(params) and its analytic grads,
  keyed ``"dW1"`` for ``"W1"`` as in the course.
- ``check_backward(forward, backward, inputs, wrt=...)``: any layer following the
  ``forward(**inputs) -> (out, cache)`` / ``backward(dout, cache) -> grads`` contract. The
  layer's output is turned into the scalar J = scale * sum(out * dout) for a random dout.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 6 (first use);
the full lesson on gradient checking is in Course 2.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping

import numpy as np

from course_lib.validation import require_finite, require_keys, require_numeric

__all__ = ["numerical_gradient", "relative_difference", "gradient_check", "check_backward"]


def numerical_gradient(f: Callable[[np.ndarray], float], x, epsilon: float = 1e-7) -> np.ndarray:
    """Centred-difference gradient of a scalar function at ``x``.

    Args:
        f: maps an array shaped like ``x`` to a scalar.
        x: the point, any shape (converted to float64; the caller's array is not changed).
        epsilon: the step.

    Returns:
        Array shaped like ``x`` holding (f(x + eps e_i) - f(x - eps e_i)) / (2 eps).

    Raises:
        ValueError: x holds NaN or infinity, epsilon is not a positive number, or f
            returns a non-finite value (the difference would be NaN, not a gradient).
        TypeError: f is not callable, x holds no numbers, or f does not return one number.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of x; got {type(f).__name__}.")
    _check_epsilon(epsilon)
    # A private float64 copy that we may perturb in place.
    x = np.array(require_finite("x", x), dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        original = x[i]
        x[i] = original + epsilon
        plus = _scalar_cost(f(x), "f(x + epsilon)")
        x[i] = original - epsilon
        minus = _scalar_cost(f(x), "f(x - epsilon)")
        x[i] = original
        grad[i] = (plus - minus) / (2 * epsilon)
    return grad


def _check_epsilon(epsilon) -> None:
    if isinstance(epsilon, bool) or not isinstance(epsilon, (int, float, np.number)):
        raise TypeError(f"epsilon must be a number; got {type(epsilon).__name__}.")
    if not (np.isfinite(epsilon) and epsilon > 0):
        raise ValueError(f"epsilon must be a small positive step such as 1e-7; got {epsilon!r}.")


def _scalar_cost(value, what: str) -> float:
    value = require_numeric(what, value)
    if value.size != 1:
        raise TypeError(f"{what} must be one number (a cost J); got shape {value.shape}.")
    value = float(value.reshape(()))
    if not np.isfinite(value):
        raise ValueError(
            f"{what} is {value}: the cost must be finite near x for a centred difference."
        )
    return value


def relative_difference(approx, exact) -> float:
    """||approx - exact|| / (||approx|| + ||exact||), 0.0 when both are zero.

    Args:
        approx, exact: arrays (or scalars) of one shape, e.g. the numerical and the
            analytic gradient. Both must be finite: a NaN gradient has no difference.
    """
    approx = require_finite("approx (the numerical gradient)", approx).astype(np.float64)
    exact = require_finite("exact (the analytic gradient)", exact).astype(np.float64)
    if approx.shape != exact.shape:
        raise ValueError(
            f"approx and exact must have one shape; got {approx.shape} and {exact.shape}."
        )
    denominator = np.linalg.norm(approx) + np.linalg.norm(exact)
    return 0.0 if denominator == 0 else float(np.linalg.norm(approx - exact) / denominator)


def gradient_check(
    cost_fn: Callable[[dict[str, np.ndarray]], float],
    params: Mapping[str, np.ndarray],
    grads: Mapping[str, np.ndarray],
    epsilon: float = 1e-7,
) -> float:
    """The course's gradient check over all parameters flattened into one vector theta.

    Args:
        cost_fn: J as a function of a parameter dict shaped like ``params``.
        params: {"W1": ..., "b1": ..., ...} (scalars allowed).
        grads: {"dW1": ..., "db1": ..., ...}: the analytic gradients to test.
        epsilon: the centred-difference step.

    Returns:
        The relative difference between the numerical and the analytic gradient vectors.
    """
    if not callable(cost_fn):
        raise TypeError(f"cost_fn must be a function of a parameter dict; got {cost_fn!r}.")
    require_keys("params", params, [])
    names = list(params)
    if not names:
        raise ValueError("params is empty; pass {'W1': ..., 'b1': ..., ...}.")
    require_keys("grads", grads, [f"d{name}" for name in names])
    for name in names:
        require_finite(name, params[name])
        require_numeric(f"d{name}", grads[f"d{name}"])
    shapes = [np.shape(params[name]) for name in names]
    sizes = [int(np.prod(shape)) for shape in shapes]
    theta = np.concatenate([np.ravel(params[name]).astype(np.float64) for name in names])
    dtheta = np.concatenate([np.ravel(grads[f"d{name}"]).astype(np.float64) for name in names])
    if dtheta.size != theta.size:
        raise ValueError("each gradient must have the same number of entries as its parameter.")

    def cost_of_vector(vector: np.ndarray) -> float:
        pieces = np.split(vector, np.cumsum(sizes)[:-1])
        rebuilt = {
            name: piece.reshape(shape) if shape else float(piece[0])
            for name, piece, shape in zip(names, pieces, shapes)
        }
        return cost_fn(rebuilt)

    return relative_difference(numerical_gradient(cost_of_vector, theta, epsilon), dtheta)


def check_backward(
    forward: Callable[..., tuple[np.ndarray, object]],
    backward: Callable[[np.ndarray, object], Mapping[str, np.ndarray]],
    inputs: Mapping[str, np.ndarray],
    wrt: list[str],
    *,
    scale: float = 1.0,
    dout=None,
    seed: int = 0,
    epsilon: float = 1e-6,
) -> dict[str, float]:
    """Gradient-check a layer that follows the ``(out, cache)`` / ``(dout, cache)`` contract.

    Args:
        forward: ``forward(**inputs) -> (out, cache)``.
        backward: ``backward(dout, cache) -> {"d<name>": gradient, ...}``.
        inputs: keyword arguments of ``forward``; float64 arrays or scalars.
        wrt: names in ``inputs`` to check, e.g. ``["W", "b"]``.
        scale: J = scale * sum(out * dout). Layers that average over the m examples, as
            the course's dense layers do (dW = (1/m) dZ A_prev^T), need scale = 1/m.
        dout: the upstream gradient; random normal (seeded) when None.
        seed: seed for the random ``dout``.
        epsilon: the centred-difference step.

    Returns:
        {name: relative difference} for every name in ``wrt``.
    """
    if not (callable(forward) and callable(backward)):
        raise TypeError("forward and backward must be functions (a layer's two passes).")
    require_keys("inputs", inputs, [])
    if isinstance(wrt, str):
        wrt = [wrt]
    require_keys("inputs", inputs, wrt)  # every name to check must be an input
    _check_signature(forward, inputs)
    for name in wrt:
        require_finite(name, inputs[name])
    out, cache = forward(**inputs)
    if dout is None:
        dout = np.random.default_rng(seed).standard_normal(np.shape(out))
    dout = require_finite("dout", dout)
    if dout.shape != np.shape(out):
        raise ValueError(
            f"dout must have the shape of forward's output, {np.shape(out)}; got {dout.shape}."
        )
    grads = backward(dout, cache)
    if not isinstance(grads, Mapping):
        raise TypeError(
            f"backward must return a dict {{'d<name>': gradient}}; got {type(grads).__name__}."
        )
    results = {}
    for name in wrt:
        if f"d{name}" not in grads:
            raise ValueError(f"backward returned no 'd{name}'; it returned {sorted(grads)}.")
        if np.size(grads[f"d{name}"]) != np.size(inputs[name]):
            raise ValueError(
                f"backward's d{name} has shape {np.shape(grads[f'd{name}'])}; it must have"
                f" the shape of {name}, {np.shape(inputs[name])}."
            )

        def cost(value, name=name):
            perturbed = dict(inputs, **{name: value if np.ndim(inputs[name]) else float(value)})
            return scale * float(np.sum(forward(**perturbed)[0] * dout))

        numeric = numerical_gradient(cost, inputs[name], epsilon)
        results[name] = relative_difference(numeric, np.reshape(grads[f"d{name}"], numeric.shape))
    return results


def _check_signature(forward: Callable, inputs: Mapping) -> None:
    """Raise TypeError, naming forward's arguments, if ``forward(**inputs)`` cannot bind."""
    try:
        signature = inspect.signature(forward)
    except (TypeError, ValueError):  # a builtin without a signature: let the call decide
        return
    try:
        signature.bind(**inputs)
    except TypeError as error:
        raise TypeError(
            f"inputs must hold forward's arguments {list(signature.parameters)}; got"
            f" {list(inputs)} ({error})."
        ) from None
