"""An L-layer neural network in NumPy, built from forward and backward blocks with caches.

Shapes follow the course: X = A^[0] is (n_x, m), one example per column; Y is (1, m);
W^[l] is (n^[l], n^[l-1]) and b^[l] is (n^[l], 1), kept in one dict {"W1", "b1", ...,
"WL", "bL"}; gradients are {"dA0", ..., "dA{L-1}", "dW1", "db1", ..., "dWL", "dbL"}.
Function names, signatures and return values follow the Course 1 week 4 assignments
("Building your deep neural network: step by step" and "Deep neural network -
application"). The initialisers seed themselves as the course's do (``seed`` argument,
default the course's seed: 1 for ``initialize_parameters``, 3 for
``initialize_parameters_deep``; the application's version of the latter seeds 1, which
``L_layer_model`` passes), so calling them as the course does gives its printed arrays;
``seed=None`` draws from NumPy's global generator as it stands.

Deliberate checks beyond the course's code: every array must have the course's shape (a
rank-1 array such as (m,) is rejected with a hint, never broadcast), labels must be 0/1,
and ``compute_cost`` clamps only against log(0), so AL of exactly 0 or 1 gives a large
finite cost instead of inf or NaN.

The network is [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

Twin: course_lib/c1_neural_networks/deep_network_tf.py (Keras Dense layers, same weights).
Taught in: notebooks/c1_neural_networks/04_deep_network.py (the blocks) and
notebooks/c1_neural_networks/05_deep_network_application.py (the models).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import shallow_network
from course_lib.c1_neural_networks.activations import (
    activation_backward,
    activation_forward,
    sigmoid,
)
from course_lib.validation import require_binary_labels, require_shape, require_xy

__all__ = [
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
    "two_layer_model",
    "L_layer_model",
    "predict",
    "accuracy",
    "layer_shapes",
    "format_layer_shapes",
    "count_parameters",
    "sawtooth_parameters",
    "sawtooth",
]

_FORWARD_ACTIVATIONS = ("sigmoid", "relu", "tanh", "leaky_relu")
_PARAMETER_NAME = re.compile(r"([Wb])(\d+)")


# --- shapes and parameters -------------------------------------------------------------


def _check_layer_dims(layer_dims: Sequence[int]) -> list[int]:
    dims = list(layer_dims)
    if len(dims) < 2:
        raise ValueError(
            f"layer_dims must list at least n^[0] = n_x and n^[L]; got {layer_dims!r}."
        )
    for l, n in enumerate(dims):
        if isinstance(n, bool) or int(n) != n or n < 1:
            raise ValueError(f"layer_dims[{l}] = n^[{l}] must be a positive integer; got {n!r}.")
    return [int(n) for n in dims]


def _num_layers(parameters: Mapping) -> int:
    """L, read off the keys W1, b1, ..., WL, bL (and checked to be complete)."""
    layers = set()
    for key in parameters:
        match = _PARAMETER_NAME.fullmatch(key)
        if not match:
            raise ValueError(f"parameters may hold only W1, b1, ..., WL, bL; found {key!r}.")
        layers.add(int(match.group(2)))
    L = max(layers, default=0)
    missing = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb" if f"{p}{l}" not in parameters]
    if L == 0 or missing:
        raise ValueError(f"parameters must hold W1, b1, ..., WL, bL; missing {missing or 'all'}.")
    return L


def initialize_parameters(
    n_x: int, n_h: int, n_y: int, seed: int | None = 1
) -> dict[str, np.ndarray]:
    """The 2-layer network's start, as both week 4 assignments draw it (weights * 0.01).

    ``np.random.seed(seed)`` first (the course's function seeds 1 itself), then W1 and W2
    from NumPy's legacy global generator: ``initialize_parameters(3, 2, 1)`` gives the
    course's W1 = [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408,
    -0.02301539]].

    Args:
        n_x: input size. n_h: hidden units. n_y: output units.
        seed: the global seed to set first (the course's 1); None: do not reseed.

    Returns:
        {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 2.
    """
    if seed is not None:
        np.random.seed(seed)  # noqa: NPY002 - the course's function seeds itself
    return shallow_network.initialize_parameters(n_x, n_h, n_y, scale=0.01)


def initialize_parameters_deep(
    layer_dims: Sequence[int], scale: float | str = 0.01, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Random weights and zero biases for every layer of an L-layer network.

    ``np.random.seed(seed)`` first (the step-by-step assignment's function seeds 3 itself),
    then ``W[l] = np.random.randn(n^[l], n^[l-1]) * scale`` for l = 1..L in that order,
    from NumPy's legacy global generator; the biases draw nothing. So
    ``initialize_parameters_deep([5, 4, 3])`` gives the course's W1[0] = [0.01788628,
    0.0043651, 0.00096497, -0.01863493, -0.00277388]. The application's version (its
    dnn_app_utils) seeds 1 and uses "xavier": ``initialize_parameters_deep(dims, "xavier",
    seed=1)``.

    Args:
        layer_dims: [n^[0] = n_x, n^[1], ..., n^[L]], so L = len(layer_dims) - 1.
        scale: a number (the course's 0.01), or "xavier" for randn / sqrt(n^[l-1]) (what
            the application assignment uses, so deep ReLU stacks keep their signal), or
            "he" for randn * sqrt(2 / n^[l-1]).
        seed: the global seed to set first (the course's 3); None: do not reseed, draw
            from the global generator as it stands.

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL": (n^[L], n^[L-1]), "bL": (n^[L], 1)}.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 3 (and
    05_deep_network_application.py, section 3 for ``scale``).
    """
    dims = _check_layer_dims(layer_dims)
    if isinstance(scale, str):
        factors = {"xavier": 1.0, "he": 2.0}
        if scale not in factors:
            raise ValueError(f"scale must be a number, 'xavier' or 'he'; got {scale!r}.")
    elif not np.isfinite(scale):
        raise ValueError(f"scale must be finite; got {scale}.")
    if seed is not None:
        np.random.seed(seed)  # noqa: NPY002 - the course's function seeds itself
    parameters = {}
    for l in range(1, len(dims)):
        factor = scale if not isinstance(scale, str) else np.sqrt(factors[scale] / dims[l - 1])
        parameters[f"W{l}"] = np.random.randn(dims[l], dims[l - 1]) * factor  # noqa: NPY002
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def layer_shapes(layer_dims: Sequence[int], m: int) -> list[dict[str, tuple[int, int]]]:
    """The shape of every quantity of every layer, for a batch of m examples.

    W^[l], dW^[l]: (n^[l], n^[l-1]); b^[l], db^[l]: (n^[l], 1); Z^[l], A^[l], dZ^[l],
    dA^[l]: (n^[l], m). (A^[0] = X is (n^[0], m).)

    Args:
        layer_dims: [n^[0], ..., n^[L]].
        m: number of examples.

    Returns:
        A list of L dicts (layers 1..L), each {"layer": l, "W", "b", "Z", "A", "dW", "db",
        "dZ", "dA"}, every value a shape tuple (except "layer").

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 3.
    """
    dims = _check_layer_dims(layer_dims)
    if int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    rows = []
    for l in range(1, len(dims)):
        weight, bias, batch = (dims[l], dims[l - 1]), (dims[l], 1), (dims[l], int(m))
        rows.append(
            {"layer": l, "W": weight, "b": bias, "Z": batch, "A": batch}
            | {"dW": weight, "db": bias, "dZ": batch, "dA": batch}
        )
    return rows


def format_layer_shapes(layer_dims: Sequence[int], m: int) -> str:
    """``layer_shapes`` as a printable text table, one row per layer.

    Args:
        layer_dims: [n^[0], ..., n^[L]]. m: number of examples.

    Returns:
        A multi-line string.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 3.
    """
    rows = layer_shapes(layer_dims, m)
    columns = ["W", "b", "Z", "A", "dW", "db", "dZ", "dA"]
    width = max(len(str(row[c])) for row in rows for c in columns) + 2
    lines = ["l  " + "".join(f"{c:<{width}}" for c in columns)]
    lines += [
        f"{row['layer']:<3}" + "".join(f"{str(row[c]):<{width}}" for c in columns) for row in rows
    ]
    return "\n".join(lines)


def count_parameters(layer_dims: Sequence[int]) -> int:
    """Number of learned numbers: sum over l of n^[l] n^[l-1] + n^[l].

    Args:
        layer_dims: [n^[0], ..., n^[L]].

    Returns:
        An int.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 3.
    """
    dims = _check_layer_dims(layer_dims)
    return sum(dims[l] * dims[l - 1] + dims[l] for l in range(1, len(dims)))


# --- forward ------------------------------------------------------------------------------


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b without the floating-point warning some BLAS kernels raise on an inf input.

    On some CPUs (seen on AMD EPYC) OpenBLAS multiplies padding zeros by an inf and sets the
    "invalid" flag although every entry of the result is right; NumPy then warns "invalid
    value encountered in matmul". A real NaN in the result still shows as NaN.
    """
    with np.errstate(invalid="ignore"):
        return a @ b


def linear_forward(A, W, b) -> tuple[np.ndarray, tuple]:
    """The linear part of a layer: Z = W A + b (b broadcast over the m columns).

    Args:
        A: (n^[l-1], m) activations of the previous layer (or X).
        W: (n^[l], n^[l-1]) weights. b: (n^[l], 1) biases.

    Returns:
        Z of shape (n^[l], m) and cache = (A, W, b) for the backward pass.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    W = require_shape("W", W, (None, None), "(n[l], n[l-1])")
    A = np.asarray(A)
    if A.ndim == 2 and A.shape[0] != W.shape[1] and A.shape[1] == W.shape[1]:
        raise ValueError(
            f"A must have shape (n[l-1], m) = ({W.shape[1]}, m), n[l-1] being W.shape[1]; got "
            f"{A.shape}. Is A transposed? Examples are columns in this course."
        )
    # One layer inside a forward pass: an exploding network's activations may be inf.
    A = require_shape("A", A, (W.shape[1], None), "(n[l-1], m)", finite=False)
    b = require_shape("b", b, (W.shape[0], 1), "(n[l], 1)")
    Z = _matmul(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation: str) -> tuple[np.ndarray, tuple]:
    """One whole layer: Z = W A_prev + b, then A = g(Z).

    Args:
        A_prev: (n^[l-1], m). W: (n^[l], n^[l-1]). b: (n^[l], 1).
        activation: "sigmoid" or "relu" (the course's), or "tanh", "leaky_relu".

    Returns:
        A of shape (n^[l], m) and cache = (linear_cache, activation_cache), where
        linear_cache = (A_prev, W, b) and activation_cache = Z.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    if activation not in _FORWARD_ACTIVATIONS:
        raise ValueError(
            f"activation must be one of {list(_FORWARD_ACTIVATIONS)}; got {activation!r}."
        )
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = activation_forward(Z, activation)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters) -> tuple[np.ndarray, list]:
    """Forward pass [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, keeping every cache.

    Args:
        X: (n_x, m) inputs, A^[0].
        parameters: {"W1": (n^[1], n_x), "b1": (n^[1], 1), ..., "WL", "bL"}.

    Returns:
        AL = yhat of shape (n^[L], m) (the course's (1, m)) and caches: a list of L caches
        from ``linear_activation_forward``, layer 1 first.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    L = _num_layers(parameters)
    A = require_shape("X", X, (None, None), "(n_x, m)")
    caches = []
    for l in range(1, L + 1):
        activation = "relu" if l < L else "sigmoid"
        A, cache = linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], activation
        )
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y) -> float:
    """Cross-entropy cost J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL)).

    Args:
        AL: (1, m) output probabilities. Y: (1, m) labels 0/1.

    Returns:
        J as a Python float (finite even where AL is exactly 0 or 1).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 5.
    """
    return lr.compute_cost(AL, require_binary_labels("Y", Y).astype(np.float64))


# --- backward -----------------------------------------------------------------------------


def linear_backward(dZ, cache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Backward through Z = W A_prev + b, with the average over the m examples.

    dW = (1/m) dZ A_prev^T; db = (1/m) sum(dZ, axis=1, keepdims=True); dA_prev = W^T dZ.

    Args:
        dZ: (n^[l], m) gradient of the cost with respect to Z^[l].
        cache: (A_prev, W, b) from ``linear_forward``.

    Returns:
        dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dZ = require_shape("dZ", dZ, (W.shape[0], m), "(n[l], m)", finite=False)
    dW = _matmul(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = _matmul(W.T, dZ)  # no 1/m here: it is not a parameter gradient (see the lesson)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation: str):
    """Backward through one whole layer: dZ = dA * g'(Z), then ``linear_backward``.

    Args:
        dA: (n^[l], m) gradient of the cost with respect to A^[l].
        cache: (linear_cache, activation_cache) from ``linear_activation_forward``.
        activation: the name used in the forward pass.

    Returns:
        dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    linear_cache, activation_cache = cache
    dZ = activation_backward(dA, activation_cache, activation)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches) -> dict[str, np.ndarray]:
    """Backward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Starts from dA^[L] = -(Y / AL) + (1 - Y) / (1 - AL), elementwise, one entry per example
    (shape (1, m): no sum over the examples; the 1/m comes later, in dW and db). When AL is
    the sigmoid of the cached Z^[L], as it always is after ``L_model_forward``, the start
    dA^[L] * sigma'(Z^[L]) equals AL - Y, which is used then because it stays finite when
    AL rounds to exactly 0 or 1.

    Args:
        AL: (1, m) output of ``L_model_forward``.
        Y: (1, m) labels 0/1.
        caches: the list of L caches from ``L_model_forward``.

    Returns:
        grads {"dA0", ..., "dA{L-1}": (n^[l], m); "dW1", ..., "dWL"; "db1", ..., "dbL"},
        where grads["dA" + str(l)] is the gradient of A^[l].

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    L = len(caches)
    if L == 0:
        raise ValueError("caches is empty; pass the list returned by L_model_forward.")
    AL = require_shape("AL", AL, (None, None), "(1, m)")
    Y = require_shape("Y", Y, AL.shape, "(1, m)").astype(np.float64)
    require_binary_labels("Y", Y)
    grads: dict[str, np.ndarray] = {}
    linear_cache, ZL = caches[L - 1]
    if np.shape(ZL) == AL.shape and np.array_equal(AL, sigmoid(ZL)):
        dZ = AL - Y  # = dAL * AL (1 - AL), without dividing by AL or 1 - AL
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            dAL = -(Y / AL) + (1 - Y) / (1 - AL)
        dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dA_prev, dW, db
    for l in reversed(range(1, L)):
        dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    return grads


def update_parameters(parameters, grads, learning_rate: float) -> dict[str, np.ndarray]:
    """Gradient descent on every layer: W^[l] -= alpha dW^[l] and b^[l] -= alpha db^[l].

    The same function as the shallow network's (``shallow_network.update_parameters``),
    which is written for any number of layers; extra keys of ``grads`` such as "dA0" are
    ignored.

    Args:
        parameters: {"W1", "b1", ..., "WL", "bL"} (not modified).
        grads: {"dW1", "db1", ..., "dWL", "dbL", ...} with the parameters' shapes.
        learning_rate: alpha.

    Returns:
        A new parameter dict.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 7.
    """
    return shallow_network.update_parameters(parameters, grads, learning_rate)


# --- models -------------------------------------------------------------------------------


def _train(
    X,
    Y,
    parameters: dict,
    learning_rate: float,
    num_iterations: int,
    print_cost: bool,
    progress: Callable[[float], None] | None,
) -> tuple[dict, list[float]]:
    X, Y = require_xy(X, Y, binary=False)
    require_binary_labels("Y", Y)
    if int(num_iterations) != num_iterations or num_iterations < 0:
        raise ValueError(f"num_iterations must be a non-negative integer; got {num_iterations!r}.")
    costs: list[float] = []
    report_every = max(1, num_iterations // 20)
    for i in range(int(num_iterations)):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
        if progress is not None and ((i + 1) % report_every == 0 or i + 1 == num_iterations):
            progress((i + 1) / num_iterations)
    return parameters, costs


def two_layer_model(
    X,
    Y,
    layers_dims: Sequence[int],
    learning_rate: float = 0.0075,
    num_iterations: int = 3000,
    print_cost: bool = False,
    *,
    seed: int | None = 1,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID with batch gradient descent, as the course does.

    ``initialize_parameters(n_x, n_h, n_y, seed)`` (seed 1 and weights * 0.01, as the
    course), then ``num_iterations`` of forward, cost, backward, update.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        layers_dims: (n_x, n_h, n_y).
        learning_rate: alpha. num_iterations: gradient steps.
        print_cost: print the cost every 100 iterations.
        seed: seed of NumPy's global generator; None leaves it as it stands.
        progress: optional callable receiving the finished fraction (about 20 calls).

    Returns:
        (parameters {"W1", "b1", "W2", "b2"}, costs): the cost before iterations 0, 100, ...

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 2.
    """
    dims = _check_layer_dims(layers_dims)
    if len(dims) != 3:
        raise ValueError(f"layers_dims must be (n_x, n_h, n_y); got {layers_dims!r}.")
    parameters = initialize_parameters(*dims, seed=seed)
    return _train(X, Y, parameters, learning_rate, num_iterations, print_cost, progress)


def L_layer_model(
    X,
    Y,
    layers_dims: Sequence[int],
    learning_rate: float = 0.0075,
    num_iterations: int = 3000,
    print_cost: bool = False,
    *,
    scale: float | str = "xavier",
    seed: int | None = 1,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID with batch gradient descent.

    ``initialize_parameters_deep(layers_dims, scale, seed)`` (the application's seed 1 and
    randn / sqrt(n^[l-1]) by default), then ``num_iterations`` of ``L_model_forward``,
    ``compute_cost``, ``L_model_backward``, ``update_parameters``.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        layers_dims: [n_x, n^[1], ..., n^[L]].
        learning_rate: alpha. num_iterations: gradient steps.
        print_cost: print the cost every 100 iterations.
        scale: passed to ``initialize_parameters_deep``.
        seed: seed of NumPy's global generator; None leaves it as it stands.
        progress: optional callable receiving the finished fraction (about 20 calls).

    Returns:
        (parameters {"W1", "b1", ..., "WL", "bL"}, costs every 100 iterations).

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 3.
    """
    parameters = initialize_parameters_deep(layers_dims, scale=scale, seed=seed)
    return _train(X, Y, parameters, learning_rate, num_iterations, print_cost, progress)


def predict(X, y, parameters, *, print_accuracy: bool = False) -> np.ndarray:
    """Label each example 1 where the network's yhat > 0.5, else 0.

    Args:
        X: (n_x, m) inputs. y: (1, m) true labels (used only for the printed accuracy).
        parameters: {"W1", "b1", ..., "WL", "bL"}.
        print_accuracy: print "Accuracy: ..." as the course's predict does.

    Returns:
        p of shape (1, m), float entries 0.0 / 1.0.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 2.
    """
    AL, _ = L_model_forward(X, parameters)
    require_binary_labels("y", require_shape("y", y, AL.shape, "(1, m)"))
    p = (AL > 0.5).astype(np.float64)
    if print_accuracy:
        print(f"Accuracy: {accuracy(p, y):.4f}")
    return p


def accuracy(p, y) -> float:
    """Fraction of examples whose predicted label equals the true one.

    Args:
        p: (1, m) predictions 0/1. y: (1, m) labels.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 2.
    """
    p = require_binary_labels("p", require_shape("p", p, (1, None), "(1, m)"))
    return lr.accuracy(p, require_binary_labels("y", require_shape("y", y, p.shape, "(1, m)")))


# --- why depth helps: the sawtooth ------------------------------------------------------------


def sawtooth_parameters(depth: int) -> dict[str, np.ndarray]:
    """A ReLU network with 2 units per hidden layer that folds [0, 1] ``depth`` times.

    Each hidden layer computes the tent map t(x) = 2x on [0, 1/2], 2 - 2x on [1/2, 1] as
    2 relu(x) - 4 relu(x - 1/2) of its input; composing it ``depth`` times gives a sawtooth
    with 2^depth linear pieces from only 2 depth hidden units. A network with one hidden
    layer of n ReLU units is piecewise linear with at most n + 1 pieces, so it needs at
    least 2^depth - 1 units for the same function.

    Args:
        depth: number of hidden layers (>= 1).

    Returns:
        {"W1": (2, 1), "b1": (2, 1), ..., "W{depth+1}": (1, 2), "b{depth+1}": (1, 1)}; the
        hidden layers use ReLU and the output layer is linear (see ``sawtooth``).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 2.
    """
    if int(depth) != depth or depth < 1:
        raise ValueError(f"depth must be a positive integer; got {depth!r}.")
    fold = np.array([[2.0, -4.0]])  # t = 2 relu(u) - 4 relu(u - 1/2)
    parameters = {"W1": np.ones((2, 1)), "b1": np.array([[0.0], [-0.5]])}
    for l in range(2, int(depth) + 1):
        parameters[f"W{l}"] = np.vstack([fold, fold])  # both units read t of the last layer
        parameters[f"b{l}"] = np.array([[0.0], [-0.5]])
    parameters[f"W{depth + 1}"] = fold
    parameters[f"b{depth + 1}"] = np.zeros((1, 1))
    return parameters


def sawtooth(x, parameters) -> np.ndarray:
    """Run ``sawtooth_parameters``'s network: ReLU hidden layers, a linear output.

    Args:
        x: (1, m) points in [0, 1].
        parameters: from ``sawtooth_parameters``.

    Returns:
        (1, m) outputs in [0, 1].

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 2.
    """
    L = _num_layers(parameters)
    A = require_shape("x", x, (1, None), "(1, m)")
    for l in range(1, L):
        A, _ = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
    out, _ = linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])
    return out
