"""A network with one hidden layer (a "2-layer network") in NumPy, in the course's notation.

Shapes: X is (n_x, m) with one example per column, Y is (1, m) with labels 0/1;
W1 is (n_h, n_x), b1 is (n_h, 1), W2 is (n_y, n_h), b2 is (n_y, 1), all in one dict
{"W1", "b1", "W2", "b2"}; gradients in {"dW1", "db1", "dW2", "db2"}. Function names,
signatures and return values follow the Course 1 week 3 programming assignment
(``layer_sizes``, ``initialize_parameters``, ``forward_propagation``, ``compute_cost``,
``backward_propagation``, ``update_parameters``, ``nn_model``, ``predict``) in its current
(2021+) version: ``initialize_parameters`` draws without seeding (the course seeds 2 before
calling it), ``nn_model`` seeds 3 itself, so calling them as the course does reproduces its
numbers.

Deliberate checks beyond the course's code: X, Y and parameters must have the course's
shapes (a rank-1 array such as shape (m,) is rejected with a hint, never broadcast), labels
must be 0/1 (``require_binary_labels``), and ``compute_cost`` clamps only against log(0),
so a yhat of exactly 0 or 1 gives a large finite cost instead of inf or NaN.

Twin: course_lib/c1_neural_networks/shallow_network_tf.py (Dense(n_h, tanh) + Dense(1, sigmoid)).
Taught in: notebooks/c1_neural_networks/03_shallow_network.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import ACTIVATIONS, sigmoid
from course_lib.validation import (
    require_binary_labels,
    require_keys,
    require_layers,
    require_shape,
    require_xy,
)

__all__ = [
    "HIDDEN_ACTIVATIONS",
    "layer_sizes",
    "initialize_parameters",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "update_parameters",
    "train_shallow_network",
    "nn_model",
    "predict",
]

HIDDEN_ACTIVATIONS = ("tanh", "relu", "sigmoid")  # what the hidden layer may use here
_PARAMETER_NAME = re.compile(r"[Wb]\d+")


def _check_activation(activation: str) -> None:
    if activation not in HIDDEN_ACTIVATIONS:
        raise ValueError(
            f"activation must be one of {list(HIDDEN_ACTIVATIONS)} for the hidden layer; "
            f"got {activation!r}."
        )


def _check_parameters(parameters: Mapping, X=None) -> tuple[np.ndarray, ...]:
    missing = [k for k in ("W1", "b1", "W2", "b2") if k not in parameters]
    if missing:
        raise ValueError(f"parameters lacks {missing}; it needs W1, b1, W2 and b2.")
    W1 = require_shape("W1", parameters["W1"], (None, None), "(n_h, n_x)")
    n_h, n_x = W1.shape
    if X is not None:
        X = require_shape("X", X, (None, None), "(n_x, m)")
        if X.shape[0] != n_x:
            raise ValueError(
                f"X must have shape (n_x, m) = ({n_x}, m), n_x being W1.shape[1]; got {X.shape}."
                + (" Is X transposed? Examples are columns." if X.shape[1] == n_x else "")
            )
    b1 = require_shape("b1", parameters["b1"], (n_h, 1), "(n_h, 1)")
    W2 = require_shape("W2", parameters["W2"], (None, n_h), "(n_y, n_h)")
    b2 = require_shape("b2", parameters["b2"], (W2.shape[0], 1), "(n_y, 1)")
    return W1, b1, W2, b2, X


# --- structure, parameters, cost -------------------------------------------------------


def layer_sizes(X, Y) -> tuple[int, int, int]:
    """The three layer sizes of the course's planar-data network.

    Args:
        X: (n_x, m) inputs, one example per column.
        Y: (n_y, m) labels.

    Returns:
        (n_x, n_h, n_y) with n_h = 4, the hidden layer size the course starts from.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 4.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False)
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(
    n_x: int, n_h: int, n_y: int, scale: float = 0.01, scheme: str = "random"
) -> dict[str, np.ndarray]:
    """Small random weights and zero biases, drawn as the course draws them.

    ``W1 = np.random.randn(n_h, n_x) * scale`` then ``W2 = np.random.randn(n_y, n_h) * scale``
    from NumPy's legacy global generator, so ``np.random.seed(s)`` beforehand reproduces the
    course. ``scheme="zeros"`` sets every weight to 0 (the failure shown in the lesson; it
    draws nothing).

    Args:
        n_x: input size. n_h: hidden units. n_y: output units.
        scale: multiplier of the standard normal draws (the course's 0.01).
        scheme: "random" (the default) or "zeros".

    Returns:
        {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}, float64.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 4 (and 9 for
    ``scale`` and ``scheme``).
    """
    for name, value in (("n_x", n_x), ("n_h", n_h), ("n_y", n_y)):
        if int(value) != value or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}.")
    n_x, n_h, n_y = int(n_x), int(n_h), int(n_y)
    if scheme == "random":
        W1 = np.random.randn(n_h, n_x) * scale  # noqa: NPY002 - the course's generator
        W2 = np.random.randn(n_y, n_h) * scale  # noqa: NPY002
    elif scheme == "zeros":
        W1, W2 = np.zeros((n_h, n_x)), np.zeros((n_y, n_h))
    else:
        raise ValueError(f"scheme must be 'random' or 'zeros'; got {scheme!r}.")
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def compute_cost(A2, Y) -> float:
    """Cross-entropy cost J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2)).

    The same cost as logistic regression's (``logistic_regression.compute_cost``): only
    the network that produces A2 changed.

    Args:
        A2: (1, m) output probabilities. Y: (1, m) labels 0/1 (bool and int are fine).

    Returns:
        J as a Python float.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 4.
    """
    return lr.compute_cost(A2, require_binary_labels("Y", Y).astype(np.float64))


# --- forward and backward ----------------------------------------------------------------


def forward_propagation(X, parameters, activation: str = "tanh") -> tuple[np.ndarray, dict]:
    """Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = sigma(Z2), for all m columns at once.

    Args:
        X: (n_x, m) inputs.
        parameters: {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.
        activation: the hidden layer's g: "tanh" (the course's), "relu" or "sigmoid".

    Returns:
        A2 of shape (n_y, m) and cache {"Z1", "A1": (n_h, m), "Z2", "A2": (n_y, m)}.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 5.
    """
    _check_activation(activation)
    W1, b1, W2, b2, X = _check_parameters(parameters, X)
    Z1 = W1 @ X + b1  # b1 (n_h, 1) is broadcast across the m columns
    A1 = np.asarray(ACTIVATIONS[activation][0](Z1))
    Z2 = W2 @ A1 + b2
    A2 = np.asarray(sigmoid(Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y, activation: str = "tanh") -> dict:
    """Gradients of the cross-entropy cost, averaged over the m examples.

    dZ2 = A2 - Y; dW2 = (1/m) dZ2 A1^T; db2 = (1/m) sum(dZ2, axis=1, keepdims=True);
    dZ1 = W2^T dZ2 * g'(Z1), which is (1 - A1^2) for tanh; dW1 = (1/m) dZ1 X^T;
    db1 = (1/m) sum(dZ1, axis=1, keepdims=True).

    Args:
        parameters: the dict used in the forward pass (only W2 is needed).
        cache: {"Z1", "A1", "Z2", "A2"} from ``forward_propagation``.
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        activation: the hidden activation used in the forward pass.

    Returns:
        {"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (n_y, n_h), "db2": (n_y, 1)}.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 6.
    """
    _check_activation(activation)
    _, _, W2, _, X = _check_parameters(parameters, X)
    m = X.shape[1]
    require_keys("cache", cache, ["A1", "A2"] if activation == "tanh" else ["Z1", "A1", "A2"])
    A1 = require_shape("cache['A1']", cache["A1"], (W2.shape[1], m), "(n_h, m)")
    A2 = require_shape("cache['A2']", cache["A2"], (W2.shape[0], m), "(n_y, m)")
    Y = require_shape("Y", Y, A2.shape, "(1, m)").astype(np.float64)
    require_binary_labels("Y", Y)
    dZ2 = A2 - Y  # sigmoid output + cross-entropy: the 1/a terms cancel
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    # tanh'(z) = 1 - tanh(z)^2 is read off the cached A1, as the course does.
    tanh = activation == "tanh"
    g_prime = 1 - A1**2 if tanh else ACTIVATIONS[activation][1](cache["Z1"])
    dZ1 = (W2.T @ dZ2) * g_prime
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# --- gradient descent ---------------------------------------------------------------------


def update_parameters(parameters, grads, learning_rate: float = 1.2) -> dict[str, np.ndarray]:
    """One gradient-descent step on every W1..WL and b1..bL: p := p - alpha dp.

    Written for any number of layers, so the deep network reuses it. The input dicts are
    left untouched; the result holds new arrays.

    Args:
        parameters: {"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL", "bL"}.
        grads: {"dW1": ..., "db1": ..., ...}, each with its parameter's shape (extra keys
            such as "dA0" are ignored).
        learning_rate: alpha (the course's 1.2 for the planar network).

    Returns:
        A new dict with the same keys as ``parameters``.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 7.
    """
    if not np.isfinite(learning_rate):
        raise ValueError(f"learning_rate must be finite; got {learning_rate}.")
    require_layers("parameters", parameters)
    updated = {}
    for name, value in parameters.items():
        if not _PARAMETER_NAME.fullmatch(name):
            raise ValueError(f"parameters may hold only W1, b1, ..., WL, bL; found {name!r}.")
        if f"d{name}" not in grads:
            raise ValueError(f"grads lacks 'd{name}'; it needs one gradient per parameter.")
        value = np.asarray(value)
        layer = int(name[1:])
        notation = f"(n[{layer}], n[{layer - 1}])" if name[0] == "W" else f"(n[{layer}], 1)"
        gradient = require_shape(f"d{name}", grads[f"d{name}"], value.shape, notation)
        updated[name] = value - learning_rate * gradient
    return updated


def train_shallow_network(
    X,
    Y,
    n_h: int,
    num_iterations: int = 10000,
    learning_rate: float = 1.2,
    activation: str = "tanh",
    seed: int | None = 3,
    progress: Callable[[float], None] | None = None,
    *,
    print_cost: bool = False,
    scale: float = 0.01,
    scheme: str = "random",
    parameters: Mapping | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """The general training loop: sizes, initialise, then {forward, cost, backward, update}.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        n_h: hidden units.
        num_iterations: gradient-descent steps (each on all m examples).
        learning_rate: alpha.
        activation: the hidden layer's g ("tanh", "relu" or "sigmoid").
        seed: ``np.random.seed(seed)`` right before initialising; 3, as the course's
            ``nn_model`` (2021+) seeds. None draws from the global generator as it stands.
        progress: optional callable receiving the finished fraction (about 20 calls).
        print_cost: print the cost every 1000 iterations.
        scale, scheme: passed to ``initialize_parameters``.
        parameters: start from these instead of initialising (not modified).

    Returns:
        (parameters, costs): the trained {"W1", "b1", "W2", "b2"} and the cost J before
        each of the ``num_iterations`` updates (a list of floats).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 7.
    """
    X, Y = require_xy(X, Y, binary=False)
    require_binary_labels("Y", Y)
    if parameters is None:
        if seed is not None:
            np.random.seed(seed)  # noqa: NPY002 - the course seeds the global generator
        n_x, _, n_y = layer_sizes(X, Y)
        parameters = initialize_parameters(n_x, n_h, n_y, scale=scale, scheme=scheme)
    else:
        parameters = {k: np.array(v, dtype=np.float64) for k, v in parameters.items()}
    costs: list[float] = []
    report_every = max(1, num_iterations // 20)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters, activation)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y, activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        costs.append(cost)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
        if progress is not None and ((i + 1) % report_every == 0 or i + 1 == num_iterations):
            progress((i + 1) / num_iterations)
    return parameters, costs


def nn_model(X, Y, n_h: int, num_iterations: int = 10000, print_cost: bool = False) -> dict:
    """Train the planar network as the course does: seed 3, tanh, learning rate 1.2.

    Seeds ``np.random.seed(3)`` then calls ``initialize_parameters`` (which does not reseed),
    as the current (2021+) assignment does, so its published results reproduce: on its
    test case (``np.random.seed(1)``; X = randn(2, 3); Y = randn(1, 3) > 0; n_h = 4) the
    printed costs start 0.693198, 0.000219, ... and W2 = [[1.82196893, 3.09657075, ...]].
    (The pre-2021 assignment reseeded 2 inside ``initialize_parameters`` instead.)

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        n_h: hidden units.
        num_iterations: gradient-descent steps.
        print_cost: print the cost every 1000 iterations.

    Returns:
        parameters {"W1", "b1", "W2", "b2"}. (``train_shallow_network`` also returns the
        cost history.)

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 7.
    """
    parameters, _ = train_shallow_network(
        X, Y, n_h, num_iterations, learning_rate=1.2, seed=3, print_cost=print_cost
    )
    return parameters


def predict(parameters, X, activation: str = "tanh") -> np.ndarray:
    """Label each example 1 where the network's A2 > 0.5, else 0.

    Args:
        parameters: {"W1", "b1", "W2", "b2"}. X: (n_x, m) inputs.
        activation: the hidden activation the network was trained with.

    Returns:
        predictions of shape (1, m), float entries 0.0 / 1.0.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 8.
    """
    A2, _ = forward_propagation(X, parameters, activation)
    return (A2 > 0.5).astype(np.float64)
