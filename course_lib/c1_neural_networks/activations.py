"""Activation functions and their derivatives in NumPy, safe for any real input.

Two interfaces:
- plain elementwise functions of z: ``sigmoid``, ``tanh``, ``relu``, ``leaky_relu`` and
  their derivatives g'(z): ``sigmoid_derivative``, ``tanh_derivative``, ...;
- the layer contract used by the networks: ``<name>_forward(Z) -> (A, cache)`` with
  cache = Z, and ``<name>_backward(dA, cache) -> dZ = dA * g'(Z)``; ``activation_forward``
  and ``activation_backward`` pick one by name ("sigmoid", "tanh", "relu", "leaky_relu",
  "linear").

At the kinks, ReLU'(0) = 0 and leaky ReLU'(0) = slope (the left side), as in the course's
assignments and in TensorFlow; ``relu_derivative`` is the only ReLU' in course_lib.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py (sigmoid) and
notebooks/c1_neural_networks/02_activations.py (the others and all derivatives).
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_numeric

__all__ = [
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "linear",
    "sigmoid_derivative",
    "tanh_derivative",
    "relu_derivative",
    "leaky_relu_derivative",
    "linear_derivative",
    "sigmoid_forward",
    "sigmoid_backward",
    "tanh_forward",
    "tanh_backward",
    "relu_forward",
    "relu_backward",
    "leaky_relu_forward",
    "leaky_relu_backward",
    "ACTIVATIONS",
    "activation_forward",
    "activation_backward",
]

LEAK = 0.01  # the course's slope of leaky ReLU for z < 0


def _as_float(z) -> np.ndarray:
    z = require_numeric("z", z)
    return z if np.issubdtype(z.dtype, np.floating) else z.astype(np.float64)


def _like_input(out: np.ndarray):
    return out[()] if out.ndim == 0 else out


# --- the functions g(z) ---------------------------------------------------------------


def sigmoid(z):
    """Logistic sigmoid, sigma(z) = 1 / (1 + e^(-z)), elementwise and overflow-free.

    The textbook formula overflows ``np.exp(-z)`` for z below about -710 and warns long
    before that; evaluating ``e^z / (1 + e^z)`` on the negative half keeps every
    exponent at most 0, so sigmoid(+-1e4) is exactly 1 and 0 without warnings.

    Args:
        z: scalar or array of any shape, e.g. Z of shape (1, m).

    Returns:
        Same shape as ``z`` (a NumPy float for a scalar input), values in [0, 1].

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 2.
    """
    z = _as_float(z)
    with np.errstate(under="ignore"):  # e^-|z| rounding to 0 for huge |z| is exact enough
        e = np.exp(-np.abs(z))  # in [0, 1]: never overflows
    return _like_input(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def tanh(z):
    """Hyperbolic tangent, (e^z - e^-z) / (e^z + e^-z) = 2 sigma(2z) - 1, in (-1, 1).

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape as ``z``; zero-centred outputs, unlike the sigmoid's.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 4.
    """
    return _like_input(np.tanh(_as_float(z)))


def relu(z):
    """Rectified linear unit, max(0, z).

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape as ``z``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 4.
    """
    return _like_input(np.maximum(0.0, _as_float(z)))


def leaky_relu(z, slope: float = LEAK):
    """Leaky ReLU, max(slope * z, z) for 0 < slope < 1 (the course uses 0.01).

    Args:
        z: scalar or array of any shape.
        slope: the gradient for z < 0, so units never die completely.

    Returns:
        Same shape as ``z``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 4.
    """
    z = _as_float(z)
    return _like_input(np.where(z >= 0, z, slope * z))


def linear(z):
    """The identity g(z) = z (a regression output; hidden layers must not use it).

    Args:
        z: scalar or array of any shape.

    Returns:
        ``z`` as a float array (a copy).

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 8.
    """
    return _like_input(np.array(_as_float(z), copy=True))


# --- their derivatives g'(z) ---------------------------------------------------------


def sigmoid_derivative(z):
    """g'(z) = sigma(z) (1 - sigma(z)); at most 1/4, at z = 0.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape as ``z``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    s = sigmoid(z)
    return s * (1 - s)


def tanh_derivative(z):
    """g'(z) = 1 - tanh(z)^2; at most 1, at z = 0.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape as ``z``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return 1 - tanh(z) ** 2


def relu_derivative(z):
    """g'(z) = 1 for z > 0 and 0 for z <= 0: ReLU'(0) is taken as 0.

    ReLU has no derivative at z = 0; any value in [0, 1] is a valid subgradient there.
    The project takes 0, as the course's assignments (``relu_backward``: dZ[Z <= 0] = 0)
    and TensorFlow/Keras do, so our numbers match theirs. This is the one ReLU' of
    course_lib: every NumPy backward pass through a ReLU calls it. z = 0 exactly is not
    rare: an example that switches off every unit of the previous layer, with b = 0,
    gives z = 0 in the next one.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape as ``z``, entries 0.0 or 1.0.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    z = _as_float(z)
    # Built in z's own dtype, so a float32 layer's dZ = dA * g'(Z) stays float32.
    return _like_input(np.where(z > 0, z.dtype.type(1), z.dtype.type(0)))


def leaky_relu_derivative(z, slope: float = LEAK):
    """g'(z) = 1 for z > 0 and slope for z <= 0.

    At the kink z = 0 it takes the left side's slope, the same side as ``relu_derivative``
    (whose left slope is 0) and as TensorFlow's leaky ReLU gradient.

    Args:
        z: scalar or array of any shape.
        slope: the gradient for z < 0.

    Returns:
        Same shape as ``z``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    z = _as_float(z)
    return _like_input(np.where(z > 0, z.dtype.type(1), z.dtype.type(slope)))


def linear_derivative(z):
    """g'(z) = 1 everywhere.

    Args:
        z: scalar or array of any shape.

    Returns:
        Ones of the same shape.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return _like_input(np.ones_like(_as_float(z)))


# --- the layer contract: forward (A, cache), backward dZ ----------------------------

ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
    "linear": (linear, linear_derivative),
}


def _pair(activation: str):
    try:
        return ACTIVATIONS[activation]
    except KeyError:
        raise ValueError(
            f"activation must be one of {sorted(ACTIVATIONS)}; got {activation!r}."
        ) from None


def activation_forward(Z, activation: str) -> tuple[np.ndarray, np.ndarray]:
    """A = g(Z) for the named activation, with Z kept as the cache.

    Args:
        Z: (n[l], m) pre-activations.
        activation: "sigmoid", "tanh", "relu", "leaky_relu" or "linear".

    Returns:
        A of shape (n[l], m) and cache = Z.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    g, _ = _pair(activation)
    Z = _as_float(Z)
    return np.asarray(g(Z)), Z


def activation_backward(dA, cache, activation: str) -> np.ndarray:
    """dZ = dA * g'(Z) for the named activation.

    Args:
        dA: (n[l], m) gradient of the cost with respect to A.
        cache: Z from ``activation_forward``, shape (n[l], m).
        activation: the name used in the forward pass.

    Returns:
        dZ of shape (n[l], m).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    _, g_prime = _pair(activation)
    dA = require_numeric("dA", dA)
    cache = require_numeric("cache (Z)", cache)
    if dA.shape != np.shape(cache):
        raise ValueError(
            f"dA must have the shape of Z, (n[l], m) = {np.shape(cache)}; got {dA.shape}."
        )
    return dA * g_prime(cache)


def sigmoid_forward(Z):
    """A = sigma(Z), cache = Z. Z: (n[l], m) -> A: (n[l], m).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    return activation_forward(Z, "sigmoid")


def sigmoid_backward(dA, cache):
    """dZ = dA * sigma(Z)(1 - sigma(Z)). dA, cache Z: (n[l], m) -> dZ: (n[l], m).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    return activation_backward(dA, cache, "sigmoid")


def tanh_forward(Z):
    """A = tanh(Z), cache = Z. Z: (n[l], m) -> A: (n[l], m).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 5.
    """
    return activation_forward(Z, "tanh")


def tanh_backward(dA, cache):
    """dZ = dA * (1 - tanh(Z)^2). dA, cache Z: (n[l], m) -> dZ: (n[l], m).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 6.
    """
    return activation_backward(dA, cache, "tanh")


def relu_forward(Z):
    """A = max(0, Z), cache = Z. Z: (n[l], m) -> A: (n[l], m).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    return activation_forward(Z, "relu")


def relu_backward(dA, cache):
    """dZ = dA where Z > 0, else 0 (ReLU'(0) = 0, as the course's relu_backward).

    dA, cache Z: (n[l], m) -> dZ: (n[l], m).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    return activation_backward(dA, cache, "relu")


def leaky_relu_forward(Z):
    """A = max(0.01 Z, Z), cache = Z. Z: (n[l], m) -> A: (n[l], m).

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return activation_forward(Z, "leaky_relu")


def leaky_relu_backward(dA, cache):
    """dZ = dA where Z > 0, else 0.01 dA (the slope side at Z = 0).

    dA, cache Z: (n[l], m) -> dZ: (n[l], m).

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    return activation_backward(dA, cache, "leaky_relu")
