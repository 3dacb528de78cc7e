"""Weight initialisation in NumPy: zeros, large random, Xavier, Glorot and He.

Shapes follow the course: X is (n_x, m), one example per column; Y is (1, m); W^[l] is
(n^[l], n^[l-1]) and b^[l] is (n^[l], 1) in one dict {"W1", "b1", ...}. Names, signatures
and numbers follow the Course 2 week 1 assignment "Initialization": every scheme seeds
NumPy's legacy global generator with 3 and draws W1, W2, ... in that order, so the default
``seed=3`` reproduces the course's arrays. The biases draw nothing.

The second half studies why the scale matters: a deep LINEAR network whose activations
and gradients grow or shrink like weight_scale ** L (vanishing / exploding gradients).

Twin: course_lib/c2_improving_dnns/initialization_tf.py (keras.initializers).
Taught in: notebooks/c2_improving_dnns/02_initialization.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.validation import (
    require_binary_labels,
    require_layers,
    require_numeric,
    require_shape,
    require_xy,
)

__all__ = [
    "INITIALIZATIONS",
    "initialize_parameters",
    "initialize_parameters_zeros",
    "initialize_parameters_random",
    "initialize_parameters_xavier",
    "initialize_parameters_glorot",
    "initialize_parameters_he",
    "weight_std",
    "load_circles",
    "model",
    "predict",
    "accuracy",
    "hidden_units_identical",
    "deep_linear_parameters",
    "deep_linear_forward",
    "deep_linear_backward",
    "deep_linear_activations",
    "deep_linear_gradients",
]


def _dims(layers_dims: Sequence[int]) -> list[int]:
    dims = list(layers_dims)
    if len(dims) < 2:
        raise ValueError(
            f"layers_dims must list at least n^[0] = n_x and n^[L]; got {layers_dims!r}."
        )
    for l, n in enumerate(dims):
        if isinstance(n, bool) or int(n) != n or n < 1:
            raise ValueError(f"layers_dims[{l}] = n^[{l}] must be a positive integer; got {n!r}.")
    return [int(n) for n in dims]


def weight_std(initialization: str, n_prev: int, n_l: int, scale: float | None = None) -> float:
    """The standard deviation of the entries of W^[l] under a scheme.

    Args:
        initialization: "zeros", "random", "xavier", "glorot" or "he".
        n_prev: n^[l-1] (fan-in). n_l: n^[l] (fan-out).
        scale: for "random", the multiplier of randn (the course's 10); for the
            variance-scaled schemes, an extra factor on the standard deviation (None = 1).

    Returns:
        The standard deviation, a float.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 5.
    """
    if initialization not in INITIALIZATIONS:
        raise ValueError(
            f"initialization must be one of {sorted(INITIALIZATIONS)}; got {initialization!r}."
        )
    if initialization == "zeros":
        return 0.0
    if initialization == "random":
        return float(10.0 if scale is None else scale)
    base = {
        "xavier": np.sqrt(1.0 / n_prev),
        "he": np.sqrt(2.0 / n_prev),
        "glorot": np.sqrt(2.0 / (n_prev + n_l)),
    }[initialization]
    return float(base * (1.0 if scale is None else scale))


def _draw(layers_dims, initialization: str, scale: float | None, seed: int | None) -> dict:
    dims = _dims(layers_dims)
    if scale is not None and not np.isfinite(scale):
        raise ValueError(f"scale must be a finite number; got {scale!r}.")
    if seed is not None:
        np.random.seed(seed)  # noqa: NPY002 - the course seeds the legacy global generator
    parameters = {}
    for l in range(1, len(dims)):
        shape = (dims[l], dims[l - 1])
        if initialization == "zeros":
            parameters[f"W{l}"] = np.zeros(shape)
        else:
            # randn first, then the multiplication: the same numbers as the course's code.
            std = weight_std(initialization, dims[l - 1], dims[l], scale)
            parameters[f"W{l}"] = np.random.randn(*shape) * std  # noqa: NPY002
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def initialize_parameters_zeros(layers_dims: Sequence[int]) -> dict[str, np.ndarray]:
    """All weights and biases zero: the symmetric start that never learns.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]], so L = len(layers_dims) - 1.

    Returns:
        {"W1": (n^[1], n^[0]) zeros, "b1": (n^[1], 1) zeros, ..., "WL", "bL"}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 2.
    """
    return _draw(layers_dims, "zeros", None, None)


def initialize_parameters_random(
    layers_dims: Sequence[int], scale: float = 10.0, *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """The course's "large random" start: ``W = np.random.randn(n[l], n[l-1]) * scale``.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        scale: the multiplier (the course's 10).
        seed: ``np.random.seed(seed)`` first (3 reproduces the course); None leaves the
            global generator as it stands.

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1) zeros, ...}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 3.
    """
    return _draw(layers_dims, "random", scale, seed)


def initialize_parameters_xavier(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Xavier as the course defines it: ``randn(n[l], n[l-1]) * sqrt(1 / n[l-1])``.

    That is Keras' LecunNormal, not GlorotNormal (see ``initialize_parameters_glorot``).

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        seed: ``np.random.seed(seed)`` first; None leaves the global generator alone.

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1) zeros, ...}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 5.
    """
    return _draw(layers_dims, "xavier", None, seed)


def initialize_parameters_glorot(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Glorot and Bengio's variant: ``randn(n[l], n[l-1]) * sqrt(2 / (n[l-1] + n[l]))``.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        seed: ``np.random.seed(seed)`` first; None leaves the global generator alone.

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1) zeros, ...}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 5.
    """
    return _draw(layers_dims, "glorot", None, seed)


def initialize_parameters_he(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """He initialisation for ReLU layers: ``randn(n[l], n[l-1]) * sqrt(2 / n[l-1])``.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        seed: ``np.random.seed(seed)`` first (3 reproduces the course); None leaves the
            global generator alone.

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1) zeros, ...}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 4.
    """
    return _draw(layers_dims, "he", None, seed)


INITIALIZATIONS: dict[str, Callable[..., dict[str, np.ndarray]]] = {
    "zeros": initialize_parameters_zeros,
    "random": initialize_parameters_random,
    "xavier": initialize_parameters_xavier,
    "glorot": initialize_parameters_glorot,
    "he": initialize_parameters_he,
}


def initialize_parameters(
    layers_dims: Sequence[int],
    initialization: str = "he",
    scale: float | None = None,
    *,
    seed: int | None = 3,
) -> dict[str, np.ndarray]:
    """Dispatch to one scheme by name, optionally multiplying its standard deviation.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        initialization: "zeros", "random", "xavier", "glorot" or "he".
        scale: None keeps each scheme's own scale (random: 10); a number replaces the
            random scheme's multiplier or multiplies a variance-scaled standard deviation
            (the "init scale" hyperparameter); ignored for zeros.
        seed: ``np.random.seed(seed)`` first (3 reproduces the course).

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 6.
    """
    if initialization not in INITIALIZATIONS:
        raise ValueError(
            f"initialization must be one of {sorted(INITIALIZATIONS)}; got {initialization!r}."
        )
    return _draw(layers_dims, initialization, scale, None if initialization == "zeros" else seed)


# --- data and the course's model ----------------------------------------------------------


def load_circles(
    n_train: int = 300, n_test: int = 100, noise: float = 0.05, seed: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two concentric noisy circles (scikit-learn ``make_circles``), in course layout.

    The course's assignment uses 300 training and 100 test points with noise 0.05. The
    training set uses ``random_state=seed`` and the test set ``seed + 1``.

    Args:
        n_train, n_test: numbers of examples. noise: Gaussian noise on the points.
        seed: the data seed.

    Returns:
        (train_X (2, n_train), train_Y (1, n_train), test_X (2, n_test), test_Y (1, n_test)),
        labels 0 (outer circle) / 1 (inner circle) as floats.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 1.
    """
    from sklearn.datasets import make_circles

    sets = []
    for n, s in ((n_train, seed), (n_test, seed + 1)):
        X, y = make_circles(n_samples=n, noise=noise, random_state=s)
        sets += [X.T.astype(np.float64), y.reshape(1, -1).astype(np.float64)]
    return tuple(sets)


def model(
    X,
    Y,
    learning_rate: float = 0.01,
    num_iterations: int = 15000,
    print_cost: bool = True,
    initialization: str = "he",
    *,
    scale: float | None = None,
    seed: int | None = 3,
    hidden_layers: Sequence[int] = (10, 5),
    return_costs: bool = False,
    record_every: int = 1000,
    progress: Callable[[float], None] | None = None,
):
    """The course's 3-layer network trained by batch gradient descent from a chosen start.

    LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID with layers [n_x, 10, 5, 1],
    built from Course 1's blocks (L_model_forward, compute_cost, L_model_backward,
    update_parameters) and the shared ``training.train_loop``. Costs are recorded and
    printed every 1000 iterations, as in the course.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        learning_rate: alpha. num_iterations: gradient steps.
        print_cost: print "Cost after iteration i" every ``record_every`` iterations.
        initialization: "zeros", "random", "xavier", "glorot" or "he".
        scale: see ``initialize_parameters``. seed: the initialisation's seed.
        hidden_layers: hidden layer sizes (the course's (10, 5)).
        return_costs: also return the recorded costs.
        record_every: iterations between two recorded costs.
        progress: optional callable receiving the finished fraction.

    Returns:
        parameters {"W1", "b1", ..., "W3", "b3"} (the course's return value), or
        (parameters, costs) when ``return_costs`` is true; costs[k] is the cost at
        iteration k * record_every.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 2.
    """
    X, Y = require_xy(X, Y, binary=False)
    require_binary_labels("Y", Y)
    layers_dims = [X.shape[0], *hidden_layers, 1]
    parameters = initialize_parameters(layers_dims, initialization, scale, seed=seed)

    def step(parameters, X_t, Y_t, t):
        AL, caches = dn.L_model_forward(X_t, parameters)
        cost = dn.compute_cost(AL, Y_t)
        grads = dn.L_model_backward(AL, Y_t, caches)
        return dn.update_parameters(parameters, grads, learning_rate), cost

    parameters, costs = train_loop(
        parameters,
        step,
        num_iterations,
        batches=full_batch(X, Y),
        record_every=record_every,
        print_every=record_every if print_cost else None,
        progress=progress,
        unit="iteration",
    )
    return (parameters, costs) if return_costs else parameters


def predict(X, parameters) -> np.ndarray:
    """Labels 0/1 from the network: 1 where a^[L] > 0.5.

    Args:
        X: (n_x, m) inputs. parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        (1, m) array of 0.0/1.0.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 2.
    """
    AL, _ = dn.L_model_forward(X, parameters)
    return (AL > 0.5).astype(np.float64)


def accuracy(X, Y, parameters) -> float:
    """The fraction of the m examples the network labels correctly.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels. parameters: the trained dict.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 2.
    """
    X, Y = require_xy(X, Y)
    return float(np.mean(predict(X, parameters) == Y))


def hidden_units_identical(parameters, layer: int = 1) -> bool:
    """Whether every unit of hidden layer ``layer`` has the same incoming weights and bias.

    That is the symmetry a zero start never breaks: identical units compute the same
    function and receive the same update forever.

    Args:
        parameters: {"W1", "b1", ...}. layer: l, the layer to inspect.

    Returns:
        True when all rows of W^[l] and all entries of b^[l] are equal.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 2.
    """
    require_layers("parameters", parameters)
    W, b = parameters[f"W{layer}"], parameters[f"b{layer}"]
    return bool(np.all(W[:1] == W) and np.all(b == b[:1]))


# --- vanishing and exploding signals in a deep linear network ----------------------------


def deep_linear_parameters(
    n: int, num_layers: int, weight_scale: float, *, weights: str = "identity", seed: int = 0
) -> dict[str, np.ndarray]:
    """Weights of an L-layer linear network of width n, all biases zero.

    Args:
        n: units per layer (n^[0] = ... = n^[L] = n).
        num_layers: L.
        weight_scale: "identity": W^[l] = weight_scale * I (the lecture's 1.5 I or 0.5 I);
            "random": W^[l] = randn(n, n) * weight_scale / sqrt(n), so 1.0 is the Xavier
            scale that keeps the signal's size.
        weights: "identity" or "random". seed: seed of the "random" weights.

    Returns:
        {"W1": (n, n), "b1": (n, 1), ..., "WL", "bL"}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    if int(num_layers) != num_layers or num_layers < 1:
        raise ValueError(f"num_layers must be a positive integer; got {num_layers!r}.")
    if weights not in ("identity", "random"):
        raise ValueError(f"weights must be 'identity' or 'random'; got {weights!r}.")
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, int(num_layers) + 1):
        if weights == "identity":
            parameters[f"W{l}"] = weight_scale * np.eye(n)
        else:
            parameters[f"W{l}"] = rng.standard_normal((n, n)) * weight_scale / np.sqrt(n)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def deep_linear_forward(X, parameters) -> tuple[np.ndarray, list]:
    """Forward through a network with g(z) = z in every layer: A^[l] = W^[l] A^[l-1] + b^[l].

    Args:
        X: (n^[0], m) inputs. parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        (A^[L] (n^[L], m), caches): one Course 1 ``linear_forward`` cache per layer.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    A = require_shape("X", X, (None, None), "(n_x, m)")
    L = require_layers("parameters", parameters)  # a missing b4 is reported, not skipped
    caches = []
    for l in range(1, L + 1):
        A, cache = dn.linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        caches.append(cache)
    return A, caches


def deep_linear_backward(dAL, caches) -> dict[str, np.ndarray]:
    """Backward through the linear network (dW carries the course's 1/m).

    Args:
        dAL: (n^[L], m) gradient of the cost with respect to A^[L] (per example, as in
            the course: the 1/m is applied inside dW and db).
        caches: from ``deep_linear_forward``.

    Returns:
        {"dA0", "dW1", "db1", ..., "dWL", "dbL"} with the parameters' shapes.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    grads = {}
    dA = require_shape("dAL", dAL, (None, None), "(n^[L], m)")
    for l in range(len(caches), 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = dn.linear_backward(dA, caches[l - 1])
    grads["dA0"] = dA
    return grads


def _deep_linear_run(x, num_layers, weight_scale, weights, seed):
    X = require_numeric("x", x).astype(np.float64)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    X = require_shape("x", X, (None, None), "(n, m)")
    with np.errstate(over="ignore", invalid="ignore"):
        parameters = deep_linear_parameters(
            X.shape[0], num_layers, weight_scale, weights=weights, seed=seed
        )
        AL, caches = deep_linear_forward(X, parameters)
    return X, AL, caches


def _overflow_to_inf(norms: np.ndarray) -> np.ndarray:
    # Past float64's range inf * 0 gives nan; the honest answer there is "overflowed".
    return np.where(np.isnan(norms), np.inf, norms)


def deep_linear_activations(
    x, num_layers: int, weight_scale: float, *, weights: str = "identity", seed: int = 0
) -> np.ndarray:
    """The size of the signal after every layer of a deep linear network.

    With W^[l] = s I, a^[l] = s^l x, so the norm grows (s > 1) or shrinks (s < 1)
    exponentially with depth; the lecture's y_hat = W^[L] s^(L-1) x.

    Args:
        x: (n, m) inputs, or a length-n vector (one example).
        num_layers: L. weight_scale: s (see ``deep_linear_parameters``).
        weights: "identity" or "random". seed: seed of the "random" weights.

    Returns:
        (L + 1,) array: the root-mean-square Frobenius norm per example of A^[0], ..., A^[L].

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    X, AL, caches = _deep_linear_run(x, num_layers, weight_scale, weights, seed)
    activations = [cache[0] for cache in caches] + [AL]  # A^[0], ..., A^[L]
    with np.errstate(over="ignore", invalid="ignore"):
        norms = np.array([np.linalg.norm(A) / np.sqrt(X.shape[1]) for A in activations])
    return _overflow_to_inf(norms)


def deep_linear_gradients(
    x, num_layers: int, weight_scale: float, *, weights: str = "identity", seed: int = 0
) -> np.ndarray:
    """The size of the gradient dW^[l] of every layer for the cost J = mean of sum(A^[L]).

    With W^[l] = s I every dW^[l] has norm s^(L-1) ||x||-ish, so the step gradient descent
    takes explodes or vanishes with depth just like the activations.

    Args:
        x: (n, m) inputs, or a length-n vector. num_layers: L. weight_scale: s.
        weights: "identity" or "random". seed: seed of the "random" weights.

    Returns:
        (L,) array: the Frobenius norms of dW^[1], ..., dW^[L].

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    _, AL, caches = _deep_linear_run(x, num_layers, weight_scale, weights, seed)
    with np.errstate(over="ignore", invalid="ignore"):
        grads = deep_linear_backward(np.ones_like(AL), caches)
        norms = np.array([np.linalg.norm(grads[f"dW{l}"]) for l in range(1, len(caches) + 1)])
    return _overflow_to_inf(norms)
