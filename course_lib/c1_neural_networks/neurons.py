"""Neurons and small networks in the course's notation: the ReLU neuron, stacked neurons,
and the collapse of a network with linear activations into one linear map.

- ``relu_neuron(X, w, b)``: the housing-price neuron, yhat = max(0, w^T x + b).
- ``network_forward(X, parameters, activations)``: layers fully connected, A[l] = g[l](Z[l]).
- ``fit_relu_curve(x, y, n_h)``: a 1-D ReLU network with hand-placed kinks and a least-squares
  output layer, to show how hidden units add up to a curve.
- ``collapse_linear_network(parameters)``: W' = W[L] ... W[1] and the matching b'.

Taught in: notebooks/c1_neural_networks/02_activations.py, sections 1 and 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks.activations import activation_forward
from course_lib.validation import require_shape

__all__ = [
    "relu_neuron",
    "layer_dims_of",
    "network_forward",
    "fit_relu_curve",
    "collapse_linear_network",
]


def relu_neuron(X, w, b) -> np.ndarray:
    """One ReLU neuron: yhat = max(0, w^T X + b), e.g. a house price from its size.

    Args:
        X: (n_x, m) inputs, one example per column (n_x = 1 for the size alone).
        w: (n_x, 1) weights.
        b: scalar bias.

    Returns:
        yhat of shape (1, m), never negative.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 1.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    w = require_shape("w", w, (X.shape[0], 1), "(n_x, 1)")
    if np.ndim(b) != 0:
        raise ValueError(f"b must be a single number; got an array of shape {np.shape(b)}.")
    return np.maximum(0.0, w.T @ X + b)


def layer_dims_of(parameters: dict) -> list[int]:
    """The layer sizes [n[0], n[1], ..., n[L]] read off {"W1", "b1", ..., "WL", "bL"}.

    Checks that W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1) for every l, so a transposed
    weight matrix is reported by name.

    Args:
        parameters: {"W1": (n[1], n[0]), "b1": (n[1], 1), ...}.

    Returns:
        The list of L + 1 layer sizes.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 1.
    """
    L = len([key for key in parameters if key.startswith("W")])
    if L == 0 or any(
        f"W{l}" not in parameters or f"b{l}" not in parameters for l in range(1, L + 1)
    ):
        raise ValueError(
            f"parameters must hold W1, b1, ..., WL, bL; got keys {sorted(parameters)}."
        )
    W1 = require_shape("W1", parameters["W1"], (None, None), "(n[1], n[0])")
    dims = [W1.shape[1]]
    for l in range(1, L + 1):
        W = require_shape(f"W{l}", parameters[f"W{l}"], (None, dims[-1]), f"(n[{l}], n[{l - 1}])")
        require_shape(f"b{l}", parameters[f"b{l}"], (W.shape[0], 1), f"(n[{l}], 1)")
        dims.append(W.shape[0])
    return dims


def network_forward(X, parameters: dict, activations) -> tuple[np.ndarray, list[dict]]:
    """Forward pass of a fully connected network: Z[l] = W[l] A[l-1] + b[l], A[l] = g[l](Z[l]).

    Every unit of layer l sees every unit of layer l-1 (W[l] has no zero pattern), which is
    what "every input wired to every hidden unit" means.

    Args:
        X: (n[0], m) inputs, A[0] = X.
        parameters: {"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL", "bL"}.
        activations: one name per layer ("relu", "tanh", "sigmoid", "leaky_relu", "linear"),
            e.g. ["relu", "linear"] for a price network; a single string applies to all layers.

    Returns:
        A[L] of shape (n[L], m) and the caches, one dict {"A_prev", "Z", "A"} per layer.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 1.
    """
    dims = layer_dims_of(parameters)
    L = len(dims) - 1
    if isinstance(activations, str):
        activations = [activations] * L
    if len(activations) != L:
        raise ValueError(f"need one activation per layer (L = {L}); got {len(activations)}.")
    A = require_shape("X", X, (dims[0], None), "(n[0], m)").astype(np.float64)
    caches = []
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A_new, _ = activation_forward(Z, activations[l - 1])
        caches.append({"A_prev": A, "Z": Z, "A": A_new})
        A = A_new
    return A, caches


def fit_relu_curve(x, y, n_h: int) -> dict:
    """A 1-D network yhat = W2 relu(W1 x + b1) + b2 whose n_h hidden units bend at the
    quantiles of x; only the output layer is fitted (by least squares).

    Hidden unit j computes max(0, x - c_j), a line that starts at the kink c_j; the output
    adds them with learned weights, so more hidden units give a finer piecewise-linear
    curve. (Real training also moves the kinks; lesson 03 does that with backpropagation.)

    Args:
        x: (1, m) inputs, e.g. house sizes.
        y: (1, m) targets, e.g. prices.
        n_h: number of hidden units, at least 1.

    Returns:
        parameters {"W1": (n_h, 1), "b1": (n_h, 1), "W2": (1, n_h), "b2": (1, 1)} for
        ``network_forward(x, parameters, ["relu", "linear"])``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 1.
    """
    x = require_shape("x", x, (1, None), "(1, m)").astype(np.float64)
    y = require_shape("y", y, (1, x.shape[1]), "(1, m)").astype(np.float64)
    if int(n_h) != n_h or n_h < 1:
        raise ValueError(f"n_h must be a positive integer; got {n_h!r}.")
    n_h = int(n_h)
    # Kinks spread over the data (the first one at the smallest x), so every unit is active
    # for some examples and the least-squares problem stays well posed.
    kinks = np.quantile(x, np.linspace(0, 1, n_h + 1)[:-1]).reshape(n_h, 1)
    W1, b1 = np.ones((n_h, 1)), -kinks
    H = np.maximum(0.0, W1 @ x + b1)  # (n_h, m) hidden features
    design = np.vstack([H, np.ones_like(x)]).T  # (m, n_h + 1): features and a bias column
    coef, *_ = np.linalg.lstsq(design, y.ravel(), rcond=None)
    return {"W1": W1, "b1": b1, "W2": coef[:n_h].reshape(1, n_h), "b2": coef[n_h:].reshape(1, 1)}


def collapse_linear_network(parameters: dict) -> tuple[np.ndarray, np.ndarray]:
    """The single linear map computed by a network whose activations are all g(z) = z.

    W[2](W[1] x + b[1]) + b[2] = (W[2] W[1]) x + (W[2] b[1] + b[2]); applied layer after
    layer this gives W' = W[L] ... W[2] W[1] and b' = W[L](...(W[2] b[1] + b[2])...) + b[L].

    Args:
        parameters: {"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL", "bL"}.

    Returns:
        (W', b') with W' of shape (n[L], n[0]) and b' of shape (n[L], 1), so that
        ``network_forward(X, parameters, "linear")[0] == W' @ X + b'``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 8.
    """
    L = len(layer_dims_of(parameters)) - 1
    W = np.asarray(parameters["W1"], dtype=np.float64)
    b = np.asarray(parameters["b1"], dtype=np.float64)
    for l in range(2, L + 1):
        W_l = np.asarray(parameters[f"W{l}"], dtype=np.float64)
        W, b = W_l @ W, W_l @ b + parameters[f"b{l}"]
    return W, b
