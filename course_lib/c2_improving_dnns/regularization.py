"""Regularisation of a deep network: L2 (and L1) penalties, inverted dropout, weight decay,
early stopping and data augmentation, in NumPy.

Two families of functions live here:

- The course's "Regularization" assignment API, for its 3-layer network [n_x, 20, 3, 1]
  (LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID) with a flat tuple cache:
  ``forward_propagation``, ``backward_propagation``, ``compute_cost``,
  ``compute_cost_with_regularization``, ``backward_propagation_with_regularization``,
  ``forward_propagation_with_dropout``, ``backward_propagation_with_dropout``, ``model``.
  Their numbers match the assignment's (same random draws, same conventions: dZ3 = A3 - Y,
  1/m in dW and db, ReLU'(0) = 0 through ``activations.relu_derivative``).
- Generic L-layer versions built on Course 1's ``deep_network`` blocks, with one keep_prob
  per hidden layer: ``L_model_forward_with_dropout``, ``L_model_backward_with_regularization``
  (L2 or L1), ``update_parameters_with_weight_decay``, ``train_regularized`` and
  ``train_with_early_stopping``.

Taught in: notebooks/c2_improving_dnns/03_regularization.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import relu, relu_derivative, sigmoid
from course_lib.c2_improving_dnns.diagnosis import noisy_moons
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.validation import (
    require_binary_labels,
    require_examples,
    require_keys,
    require_layers,
    require_numeric,
    require_shape,
    require_xy,
)

__all__ = [
    "initialize_parameters",
    "forward_propagation",
    "backward_propagation",
    "compute_cost",
    "compute_cost_with_regularization",
    "backward_propagation_with_regularization",
    "forward_propagation_with_dropout",
    "backward_propagation_with_dropout",
    "model",
    "train_model",
    "predict",
    "accuracy",
    "l2_penalty",
    "l1_penalty",
    "compute_cost_with_l1",
    "L_model_forward_with_dropout",
    "L_model_backward_with_regularization",
    "update_parameters_with_weight_decay",
    "train_regularized",
    "train_with_early_stopping",
    "horizontal_flip",
    "random_crop",
    "rotate_images",
    "augment_images",
    "make_noisy_moons",
]


def _weights(parameters) -> list[str]:
    """The names W1, W2, ... present in ``parameters``, in order."""
    require_layers("parameters", parameters, biases=False)
    names, l = [], 1
    while f"W{l}" in parameters:
        names.append(f"W{l}")
        l += 1
    if not names:
        raise ValueError("parameters must hold at least W1 (a dict {'W1', 'b1', ...}).")
    return names


# --- the course's 3-layer network ----------------------------------------------------------


def initialize_parameters(layer_dims: Sequence[int], seed: int | None = 3) -> dict:
    """The assignment's initialisation: W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), b[l] = 0.

    Args:
        layer_dims: [n_x, n[1], ..., n[L]] (the assignment uses [n_x, 20, 3, 1]).
        seed: seeds NumPy's legacy global generator first (the course uses 3); None: don't.

    Returns:
        {"W1": (n[1], n_x), "b1": (n[1], 1), ...}.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    if seed is not None:
        np.random.seed(seed)  # noqa: NPY002 - reproduces the course's numbers
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(  # noqa: NPY002
            layer_dims[l - 1]
        )
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def _unpack3(parameters):
    if any(f"W{l}" not in parameters or f"b{l}" not in parameters for l in (1, 2, 3)):
        raise ValueError("parameters must hold W1, b1, W2, b2, W3, b3 (the 3-layer network).")
    W1 = require_shape("W1", parameters["W1"], (None, None), "(n[1], n_x)")
    W2 = require_shape("W2", parameters["W2"], (None, W1.shape[0]), "(n[2], n[1])")
    W3 = require_shape("W3", parameters["W3"], (1, W2.shape[0]), "(1, n[2])")
    b1 = require_shape("b1", parameters["b1"], (W1.shape[0], 1), "(n[1], 1)")
    b2 = require_shape("b2", parameters["b2"], (W2.shape[0], 1), "(n[2], 1)")
    b3 = require_shape("b3", parameters["b3"], (1, 1), "(1, 1)")
    return W1, b1, W2, b2, W3, b3


def forward_propagation(X, parameters) -> tuple[np.ndarray, tuple]:
    """Forward pass of LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.

    Args:
        X: (n_x, m). parameters: {"W1": (n[1], n_x), "b1": (n[1], 1), ..., "W3": (1, n[2]),
            "b3": (1, 1)}.

    Returns:
        A3 (1, m) and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    W1, b1, W2, b2, W3, b3 = _unpack3(parameters)
    X = require_shape("X", X, (W1.shape[1], None), "(n_x, m)")
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def compute_cost(A3, Y) -> float:
    """Mean cross-entropy J = -(1/m) sum(Y log A3 + (1 - Y) log(1 - A3)), finite at 0 and 1.

    Args:
        A3: (1, m) probabilities. Y: (1, m) labels 0/1.

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    A3 = require_shape("A3", A3, (1, None), "(1, m)")
    Y = require_shape("Y", Y, A3.shape, "(1, m)")
    return lr.compute_cost(A3, require_binary_labels("Y", Y).astype(np.float64))


def _backward3(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, lambd, D1=None, D2=None, keep_prob=1.0):
    """Shared backward pass of the 3-layer net, optionally with L2 and dropout masks."""
    m = X.shape[1]
    Y = require_shape("Y", Y, A3.shape, "(1, m)")
    require_binary_labels("Y", Y)
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    if D2 is not None:
        dA2 = dA2 * D2 / keep_prob  # only the units kept in the forward pass get gradient
    dZ2 = dA2 * relu_derivative(Z2)  # = 1[A2 > 0], the course's np.int64(A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    if D1 is not None:
        dA1 = dA1 * D1 / keep_prob
    dZ1 = dA1 * relu_derivative(Z1)
    dW1 = dZ1 @ X.T / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {
        "dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
        "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1,
    }  # fmt: skip


def backward_propagation(X, Y, cache) -> dict[str, np.ndarray]:
    """Backward pass of the 3-layer network (no regularisation).

    dZ3 = A3 - Y; dW[l] = (1/m) dZ[l] A[l-1]^T; db[l] = (1/m) sum_i dZ[l];
    dZ[l] = dA[l] * 1[Z[l] > 0] (ReLU'(0) = 0, as the course's 1[A[l] > 0]).

    Args:
        X: (n_x, m). Y: (1, m). cache: from ``forward_propagation``.

    Returns:
        {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}, each
        shaped like the quantity it differentiates.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    return backward_propagation_with_regularization(X, Y, cache, 0.0)


def l2_penalty(parameters, lambd: float, m: int) -> float:
    """The L2 term (lambd / (2m)) sum_l ||W[l]||_F^2 over every W[l] in ``parameters``.

    ||W[l]||_F^2 = sum over i <= n[l], j <= n[l-1] of (W[l]_ij)^2; the biases are not
    penalised.

    Args:
        parameters: {"W1", "b1", ..., "WL", "bL"}. lambd: lambda >= 0. m: examples.

    Returns:
        The penalty as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    if lambd < 0:
        raise ValueError(f"lambd must be >= 0; got {lambd}.")
    require_examples("the training set", m)
    total = sum(float(np.sum(np.square(parameters[name]))) for name in _weights(parameters))
    return lambd / (2 * m) * total


def l1_penalty(parameters, lambd: float, m: int) -> float:
    """The L1 term (lambd / m) sum_l sum_ij |W[l]_ij| (the lecture's lambd/(2m) is the same
    idea with another constant).

    Args:
        parameters: {"W1", "b1", ...}. lambd: lambda >= 0. m: examples.

    Returns:
        The penalty as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    if lambd < 0:
        raise ValueError(f"lambd must be >= 0; got {lambd}.")
    require_examples("the training set", m)
    total = sum(float(np.sum(np.abs(parameters[name]))) for name in _weights(parameters))
    return lambd / m * total


def compute_cost_with_regularization(A3, Y, parameters, lambd: float) -> float:
    """Cross-entropy plus (lambd / (2m)) sum_l ||W[l]||_F^2 over ALL W[l] in ``parameters``.

    Args:
        A3: (1, m) output probabilities (AL for any L). Y: (1, m) labels.
        parameters: {"W1", "b1", ..., "WL", "bL"}. lambd: lambda >= 0.

    Returns:
        J_regularized as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    cross_entropy = compute_cost(A3, Y)
    return cross_entropy + l2_penalty(parameters, lambd, np.shape(A3)[1])


def compute_cost_with_l1(AL, Y, parameters, lambd: float) -> float:
    """Cross-entropy plus the L1 penalty (lambd / m) sum_l sum_ij |W[l]_ij|.

    Args:
        AL: (1, m). Y: (1, m). parameters: {"W1", ...}. lambd: lambda >= 0.

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    return compute_cost(AL, Y) + l1_penalty(parameters, lambd, np.shape(AL)[1])


def backward_propagation_with_regularization(X, Y, cache, lambd: float) -> dict:
    """Backward pass of the 3-layer network for the L2-regularised cost.

    Each dW[l] gains (lambd / m) W[l], the derivative of (lambd / (2m)) ||W[l]||_F^2;
    the db[l] and the intermediate dZ, dA are those of plain backpropagation.

    Args:
        X: (n_x, m). Y: (1, m). cache: from ``forward_propagation``. lambd: lambda >= 0.

    Returns:
        The same dict as ``backward_propagation``.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    if len(cache) != 12:
        raise ValueError("cache must be the 12-tuple returned by forward_propagation.")
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    X = require_shape("X", X, (W1.shape[1], A3.shape[1]), "(n_x, m)")
    return _backward3(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, lambd)


def forward_propagation_with_dropout(
    X, parameters, keep_prob: float = 0.5, seed: int | None = 1
) -> tuple[np.ndarray, tuple]:
    """Forward pass of the 3-layer network with inverted dropout on both hidden layers.

    For each hidden layer: D = (rand(*A.shape) < keep_prob); A = A * D / keep_prob, so
    E[A] is unchanged. The output layer is never dropped. The masks are drawn from NumPy's
    legacy global generator, D1 before D2, after ``np.random.seed(seed)`` as in the
    assignment (which seeds 1 on every call, so every call reuses one mask; ``model``
    passes ``seed=None`` to draw fresh masks each iteration, as dropout intends).

    Args:
        X: (n_x, m). parameters: as in ``forward_propagation``.
        keep_prob: probability of keeping a unit, in (0, 1].
        seed: seed for ``np.random.seed``; None leaves the global generator as it is.

    Returns:
        A3 (1, m) and cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3),
        where D1, D2 are int 0/1 masks shaped like A1, A2 and A1, A2 are after dropout.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 3.
    """
    if not 0 < keep_prob <= 1:
        raise ValueError(f"keep_prob must be in (0, 1]; got {keep_prob}.")
    W1, b1, W2, b2, W3, b3 = _unpack3(parameters)
    X = require_shape("X", X, (W1.shape[1], None), "(n_x, m)")
    if seed is not None:
        np.random.seed(seed)  # noqa: NPY002 - the assignment's masks
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = (np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob).astype(int)  # noqa: NPY002
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = (np.random.rand(A2.shape[0], A2.shape[1]) < keep_prob).astype(int)  # noqa: NPY002
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_with_dropout(X, Y, cache, keep_prob: float, lambd: float = 0.0) -> dict:
    """Backward pass through the same dropout masks: dA[l] = dA[l] * D[l] / keep_prob.

    The dropped units contributed nothing in the forward pass, so they get no gradient;
    the kept ones were scaled by 1/keep_prob, so their gradient is scaled the same way.

    Args:
        X: (n_x, m). Y: (1, m). cache: from ``forward_propagation_with_dropout``.
        keep_prob: the value used in the forward pass.
        lambd: optional L2 strength (0 in the course, which uses one technique at a time).

    Returns:
        The same dict as ``backward_propagation``.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 3.
    """
    if len(cache) != 14:
        raise ValueError("cache must be the 14-tuple returned by forward_propagation_with_dropout.")
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    X = require_shape("X", X, (W1.shape[1], A3.shape[1]), "(n_x, m)")
    return _backward3(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, lambd, D1, D2, keep_prob)


def _update(parameters, grads, learning_rate):
    return {name: value - learning_rate * grads[f"d{name}"] for name, value in parameters.items()}


def train_model(
    X,
    Y,
    learning_rate: float = 0.3,
    num_iterations: int = 30000,
    print_cost: bool = True,
    lambd: float = 0.0,
    keep_prob: float = 1.0,
    *,
    layers_dims: Sequence[int] | None = None,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict, list[float]]:
    """``model`` that also returns its costs (recorded every 1000 iterations).

    Args:
        As ``model``; layers_dims defaults to [n_x, 20, 3, 1]; progress receives fractions.

    Returns:
        (parameters, costs).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    X, Y = require_xy(X, Y, binary=False)
    if lambd < 0:
        raise ValueError(f"lambd must be >= 0; got {lambd}.")
    if not 0 < keep_prob <= 1:
        raise ValueError(f"keep_prob must be in (0, 1]; got {keep_prob}.")
    parameters = initialize_parameters(layers_dims or [X.shape[0], 20, 3, 1], seed=3)

    def step(parameters, X_t, Y_t, t):
        if keep_prob < 1:
            # seed=None: a fresh mask each iteration from the generator seeded above.
            A3, cache = forward_propagation_with_dropout(X_t, parameters, keep_prob, seed=None)
            grads = backward_propagation_with_dropout(X_t, Y_t, cache, keep_prob, lambd)
        else:
            A3, cache = forward_propagation(X_t, parameters)
            grads = backward_propagation_with_regularization(X_t, Y_t, cache, lambd)
        cost = compute_cost_with_regularization(A3, Y_t, parameters, lambd)
        return _update(parameters, grads, learning_rate), cost

    return train_loop(
        parameters,
        step,
        num_iterations,
        batches=full_batch(X, Y),
        record_every=1000,
        print_every=10000 if print_cost else None,
        progress=progress,
        unit="iteration",
    )


def model(
    X,
    Y,
    learning_rate: float = 0.3,
    num_iterations: int = 30000,
    print_cost: bool = True,
    lambd: float = 0,
    keep_prob: float = 1,
) -> dict:
    """Train the 3-layer network [n_x, 20, 3, 1] by batch gradient descent.

    Initialisation as the assignment (seed 3, W / sqrt(n[l-1])); lambd > 0 adds the L2
    penalty, keep_prob < 1 adds inverted dropout on both hidden layers (fresh masks each
    iteration); both at once are allowed and correct.

    Args:
        X: (n_x, m). Y: (1, m). learning_rate: alpha. num_iterations: GD steps.
        print_cost: print the cost every 10000 iterations.
        lambd: L2 strength. keep_prob: dropout keep probability.

    Returns:
        The trained parameters {"W1", "b1", "W2", "b2", "W3", "b3"}.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    return train_model(X, Y, learning_rate, num_iterations, print_cost, lambd, keep_prob)[0]


def predict(X, parameters) -> np.ndarray:
    """Labels 1 where the network's A^[L] > 0.5 (no dropout: the full network at test time).

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ..., "WL", "bL"} (any L).

    Returns:
        (1, m) array of 0.0 / 1.0.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 3.
    """
    AL, _ = dn.L_model_forward(X, parameters)
    return (AL > 0.5).astype(np.float64)


def accuracy(X, Y, parameters) -> float:
    """Fraction of the m examples that ``predict`` labels correctly.

    Args:
        X: (n_x, m). Y: (1, m). parameters: {"W1", ...}.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    X, Y = require_xy(X, Y)
    return dn.accuracy(predict(X, parameters), Y)


# --- generic L-layer versions ----------------------------------------------------------------


def _keep_probs(keep_probs, L: int) -> list[float]:
    if np.ndim(keep_probs) == 0:
        keep_probs = [float(keep_probs)] * (L - 1)
    keep_probs = [float(k) for k in keep_probs]
    if len(keep_probs) != L - 1:
        raise ValueError(
            f"keep_probs needs one value per hidden layer (L - 1 = {L - 1}); got {len(keep_probs)}."
        )
    if any(not 0 < k <= 1 for k in keep_probs):
        raise ValueError(f"every keep_prob must be in (0, 1]; got {keep_probs}.")
    return keep_probs


def L_model_forward_with_dropout(X, parameters, keep_probs, rng: np.random.Generator):
    """[LINEAR -> RELU -> DROPOUT] x (L-1) -> LINEAR -> SIGMOID with a keep_prob per layer.

    Large hidden layers (many parameters) usually get a smaller keep_prob such as 0.5,
    small ones 1.0; the output layer is never dropped.

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ..., "WL", "bL"}.
        keep_probs: L - 1 values in (0, 1] (hidden layers 1..L-1), or one number for all.
        rng: generator for the masks.

    Returns:
        AL (1, m) and caches: one per layer, ((A_prev, W, b), Z, D, keep_prob) where D is
        the layer's 0/1 float mask (all ones for the output layer).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
    """
    L = require_layers("parameters", parameters)
    keep = _keep_probs(keep_probs, L) + [1.0]
    A = require_shape("X", X, (None, None), "(n_x, m)")
    caches = []
    for l in range(1, L + 1):
        activation = "relu" if l < L else "sigmoid"
        A, (linear_cache, Z) = dn.linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], activation
        )
        if keep[l - 1] < 1:
            D = (rng.random(A.shape) < keep[l - 1]).astype(np.float64)
            A = A * D / keep[l - 1]
        else:
            D = np.ones_like(A)
        caches.append((linear_cache, Z, D, keep[l - 1]))
    return A, caches


def L_model_backward_with_regularization(
    AL, Y, caches, lambd: float = 0.0, penalty: str = "l2"
) -> dict[str, np.ndarray]:
    """Backward pass of the L-layer network with an L2 (or L1) penalty and dropout masks.

    Adds (lambd / m) W[l] (L2) or (lambd / m) sign(W[l]) (L1) to each dW[l] and routes dA[l]
    through the dropout mask: dA[l] * D[l] / keep_prob[l].

    Args:
        AL: (1, m). Y: (1, m).
        caches: from ``L_model_forward_with_dropout`` or from ``deep_network.L_model_forward``
            (no dropout).
        lambd: penalty strength >= 0. penalty: "l2" or "l1".

    Returns:
        {"dA0", ..., "dW1", "db1", ..., "dWL", "dbL"}.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
    """
    if penalty not in ("l2", "l1"):
        raise ValueError(f"penalty must be 'l2' or 'l1'; got {penalty!r}.")
    if lambd < 0:
        raise ValueError(f"lambd must be >= 0; got {lambd}.")
    caches = [c if len(c) == 4 else (c[0], c[1], None, 1.0) for c in caches]
    L = len(caches)
    AL = require_shape("AL", AL, (1, None), "(1, m)")
    Y = require_shape("Y", Y, AL.shape, "(1, m)").astype(np.float64)
    require_binary_labels("Y", Y)
    m = AL.shape[1]
    grads: dict[str, np.ndarray] = {}
    dZ = AL - Y  # sigmoid + cross-entropy, finite even where AL rounds to 0 or 1
    for l in reversed(range(1, L + 1)):
        linear_cache, Z, _, _ = caches[l - 1]
        if l < L:
            _, _, D, keep = caches[l - 1]
            dA = grads[f"dA{l}"]
            if D is not None:
                dA = dA * D / keep
            dZ = dA * relu_derivative(Z)
        dA_prev, dW, db = dn.linear_backward(dZ, linear_cache)
        W = linear_cache[1]
        dW = dW + lambd / m * (W if penalty == "l2" else np.sign(W))
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    return grads


def update_parameters_with_weight_decay(
    parameters, grads, learning_rate: float, lambd: float, m: int
) -> dict[str, np.ndarray]:
    """Gradient descent written as weight decay: W[l] := (1 - alpha lambd / m) W[l] - alpha dW[l].

    ``grads`` are the gradients of the UNregularised cost; the factor slightly below 1
    shrinks every weight before the usual step. This equals plain gradient descent on the
    L2-regularised gradient dW[l] + (lambd/m) W[l]. The biases are not decayed.

    Args:
        parameters: {"W1", "b1", ...}. grads: {"dW1", "db1", ...} from plain backprop.
        learning_rate: alpha. lambd: lambda >= 0. m: training examples.

    Returns:
        A new parameter dict.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    require_examples("the training set", m)
    require_layers("parameters", parameters)
    require_keys("grads", grads, [f"d{name}" for name in parameters])
    decay = 1 - learning_rate * lambd / m
    new = {}
    for name, value in parameters.items():
        if name.startswith("W"):
            new[name] = decay * value - learning_rate * grads[f"d{name}"]
        else:
            new[name] = value - learning_rate * grads[f"d{name}"]
    return new


def _he_init(layers_dims, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        scale = np.sqrt(2.0 / layers_dims[l - 1])
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * scale
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def _regularized_step(learning_rate, lambd, keep_probs, rng, penalty="l2"):
    """The ``step`` for ``train_loop``: forward with dropout, penalised cost, backward, GD."""

    def step(parameters, X_t, Y_t, t):
        AL, caches = L_model_forward_with_dropout(X_t, parameters, keep_probs, rng)
        if penalty == "l2":
            cost = compute_cost_with_regularization(AL, Y_t, parameters, lambd)
        else:
            cost = compute_cost_with_l1(AL, Y_t, parameters, lambd)
        grads = L_model_backward_with_regularization(AL, Y_t, caches, lambd, penalty)
        return _update(parameters, grads, learning_rate), cost

    return step


def train_regularized(
    X,
    Y,
    layers_dims: Sequence[int],
    *,
    learning_rate: float = 0.3,
    num_iterations: int = 2000,
    lambd: float = 0.0,
    keep_probs=1.0,
    penalty: str = "l2",
    seed: int = 0,
    record_every: int = 100,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict, list[float]]:
    """Batch gradient descent on the L-layer network with L2/L1 and per-layer dropout.

    He initialisation (randn * sqrt(2 / n[l-1])) from ``np.random.default_rng(seed)``; the
    dropout masks come from the same generator, so a seed fixes the whole run.

    Args:
        X: (n_x, m). Y: (1, m). layers_dims: [n_x, n[1], ..., 1].
        learning_rate: alpha. num_iterations: GD steps. lambd: penalty strength.
        keep_probs: one per hidden layer, or one number. penalty: "l2" or "l1".
        seed: the run's seed. record_every: iterations between recorded costs.
        progress: optional callable receiving the finished fraction.

    Returns:
        (parameters, costs).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
    """
    X, Y = require_xy(X, Y, layers_dims[0])
    rng = np.random.default_rng(seed)
    parameters = _he_init(layers_dims, seed)
    _keep_probs(keep_probs, len(layers_dims) - 1)  # validate before training
    step = _regularized_step(learning_rate, lambd, keep_probs, rng, penalty)
    return train_loop(
        parameters,
        step,
        num_iterations,
        batches=full_batch(X, Y),
        record_every=record_every,
        progress=progress,
        unit="iteration",
    )


def train_with_early_stopping(
    X_train,
    Y_train,
    X_dev,
    Y_dev,
    layers_dims: Sequence[int],
    *,
    learning_rate: float = 0.3,
    num_iterations: int = 5000,
    eval_every: int = 50,
    patience: int = 10,
    lambd: float = 0.0,
    keep_probs=1.0,
    seed: int = 0,
) -> dict:
    """Train while watching the dev cost every ``eval_every`` iterations; stop once it has not
    improved for ``patience`` evaluations and keep the parameters of the best evaluation.

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train). X_dev: (n_x, m_dev). Y_dev: (1, m_dev).
        layers_dims: [n_x, ..., 1]. learning_rate, lambd, keep_probs, seed: as in
            ``train_regularized``. num_iterations: the most GD steps to take.
        eval_every: iterations between two evaluations. patience: evaluations without a
            new best dev cost before stopping (None: never stop early).

    Returns:
        {"best_iteration", "best_parameters", "stopped_at", "iterations", "train_costs",
        "dev_costs", "train_accuracies", "dev_accuracies"}; the lists have one entry per
        evaluation, at the iterations in "iterations" (0 first).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 6.
    """
    X_train, Y_train = require_xy(
        X_train,
        Y_train,
        layers_dims[0],
        x_name="X_train",
        y_name="Y_train",
        x_notation="(n_x, m_train)",
        y_notation="(1, m_train)",
    )
    X_dev, Y_dev = require_xy(
        X_dev,
        Y_dev,
        layers_dims[0],
        x_name="X_dev",
        y_name="Y_dev",
        x_notation="(n_x, m_dev)",
        y_notation="(1, m_dev)",
    )
    if eval_every < 1:
        raise ValueError(f"eval_every must be >= 1; got {eval_every}.")
    rng = np.random.default_rng(seed)
    parameters = _he_init(layers_dims, seed)
    step = _regularized_step(learning_rate, lambd, keep_probs, rng)
    history: dict = {
        "iterations": [], "train_costs": [], "dev_costs": [],
        "train_accuracies": [], "dev_accuracies": [],
    }  # fmt: skip
    best = (np.inf, 0, parameters)
    waited, done = 0, 0
    while True:
        for key, X_, Y_ in (("train", X_train, Y_train), ("dev", X_dev, Y_dev)):
            AL, _ = dn.L_model_forward(X_, parameters)
            history[f"{key}_costs"].append(compute_cost(AL, Y_))
            history[f"{key}_accuracies"].append(dn.accuracy((AL > 0.5).astype(float), Y_))
        history["iterations"].append(done)
        if history["dev_costs"][-1] < best[0]:
            best, waited = (history["dev_costs"][-1], done, parameters), 0
        else:
            waited += 1
        if done >= num_iterations or (patience is not None and waited >= patience):
            break
        chunk = min(eval_every, num_iterations - done)
        parameters, _ = train_loop(
            parameters, step, chunk, batches=full_batch(X_train, Y_train), record_every=chunk
        )
        done += chunk
    return dict(history, best_iteration=best[1], best_parameters=best[2], stopped_at=done)


# --- data augmentation ---------------------------------------------------------------------


def _images(images) -> np.ndarray:
    images = require_numeric("images", images)
    if images.ndim != 4:
        raise ValueError(f"images must have shape (m, n_H, n_W, n_C); got {images.shape}.")
    require_examples("images", images.shape[0])
    return images


def horizontal_flip(images) -> np.ndarray:
    """Mirror every image left-right (a cat stays a cat; never flip vertically).

    Args:
        images: (m, n_H, n_W, n_C).

    Returns:
        (m, n_H, n_W, n_C).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    return _images(images)[:, :, ::-1, :].copy()


def random_crop(images, size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Cut a random (h, w) window out of each image.

    Args:
        images: (m, n_H, n_W, n_C). size: (h, w) with h <= n_H, w <= n_W. rng: generator.

    Returns:
        (m, h, w, n_C).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    images = _images(images)
    h, w = size
    m, n_H, n_W, _ = images.shape
    if not (0 < h <= n_H and 0 < w <= n_W):
        raise ValueError(f"crop size {size} must fit in the images' (n_H, n_W) = {(n_H, n_W)}.")
    tops = rng.integers(0, n_H - h + 1, size=m)
    lefts = rng.integers(0, n_W - w + 1, size=m)
    return np.stack([img[t : t + h, s : s + w] for img, t, s in zip(images, tops, lefts)])


def rotate_images(images, angles_degrees) -> np.ndarray:
    """Rotate each image about its centre by its angle (counter-clockwise, edges reflected).

    Args:
        images: (m, n_H, n_W, n_C) floats. angles_degrees: m angles (or one for all).

    Returns:
        (m, n_H, n_W, n_C).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    from skimage.transform import rotate  # only needed for augmentation

    images = _images(images).astype(np.float64)
    angles = np.broadcast_to(np.asarray(angles_degrees, dtype=np.float64), (images.shape[0],))
    return np.stack([rotate(img, a, mode="reflect") for img, a in zip(images, angles)])


def augment_images(
    images,
    rng: np.random.Generator,
    *,
    flip: bool = True,
    max_degrees: float = 10.0,
    crop_fraction: float = 0.9,
) -> np.ndarray:
    """Random label-preserving variants: a random horizontal flip (p = 1/2), a small rotation
    in [-max_degrees, max_degrees] and a random crop of ``crop_fraction`` of each side,
    resized back to the original size.

    Args:
        images: (m, n_H, n_W, n_C) floats. rng: generator.
        flip, max_degrees, crop_fraction: the strength of each transform.

    Returns:
        (m, n_H, n_W, n_C).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    from skimage.transform import resize

    images = _images(images).astype(np.float64)
    m, n_H, n_W, _ = images.shape
    if flip:
        flipped = rng.random(m) < 0.5
        images = np.where(flipped[:, None, None, None], images[:, :, ::-1, :], images)
    images = rotate_images(images, rng.uniform(-max_degrees, max_degrees, size=m))
    if crop_fraction < 1:
        h, w = max(1, round(n_H * crop_fraction)), max(1, round(n_W * crop_fraction))
        crops = random_crop(images, (h, w), rng)
        images = np.stack([resize(c, (n_H, n_W), anti_aliasing=False) for c in crops])
    return images


def make_noisy_moons(
    m_train: int = 80, m_dev: int = 400, noise: float = 0.35, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two interleaved half-moons with heavy label noise: few training points, so a large
    network can memorise them (high variance), and a big dev set to measure it.

    Args:
        m_train, m_dev: examples in each set. noise: std of the Gaussian jitter. seed: seed.

    Returns:
        X_train (2, m_train), Y_train (1, m_train), X_dev (2, m_dev), Y_dev (1, m_dev).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 1.
    """
    require_examples("the training set (m_train)", int(m_train))
    require_examples("the dev set (m_dev)", int(m_dev))
    X, Y = noisy_moons(m_train + m_dev, noise=noise, seed=seed)
    return X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:]
