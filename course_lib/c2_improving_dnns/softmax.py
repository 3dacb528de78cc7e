"""Softmax regression and deep softmax classifiers in NumPy (Course 2, week 3).

Shapes follow the course: logits Z^[L] and probabilities A^[L] = Yhat are (C, m), one
example per column and one row per class; one-hot labels Y are (C, m); integer labels are
(1, m). Parameters and gradients are the usual dicts {"W1", "b1", ...} / {"dW1", "db1", ...}.

The network is [LINEAR -> RELU] x (L-1) -> LINEAR -> SOFTMAX; with L = 1 it is softmax
regression (one linear layer followed by softmax). The linear and ReLU blocks are Course 1's
(course_lib/c1_neural_networks/deep_network.py); only the output layer is new.

Twin: course_lib/c2_improving_dnns/softmax_tf.py (tf.nn.softmax, Keras losses and Dense).
Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.validation import require_finite, require_numeric, require_shape, require_xy

__all__ = [
    "softmax",
    "hardmax",
    "one_hot",
    "convert_to_one_hot",
    "softmax_forward",
    "softmax_cost",
    "softmax_cost_from_logits",
    "softmax_backward",
    "softmax_jacobian",
    "softmax_jacobian_backward",
    "two_class_softmax",
    "sigmoid_via_softmax",
    "LOSS_BY_TASK",
    "loss_for_task",
    "initialize_parameters",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "compute_gradients",
    "update_parameters",
    "model",
    "predict",
    "accuracy",
    "make_multiclass_data",
]

_LOG_TINY = np.finfo(np.float64).tiny  # log(tiny) = -708: finite where yhat rounds to 0


def _logits(name: str, Z) -> np.ndarray:
    Z = require_numeric(name, Z).astype(np.float64)
    if Z.ndim == 1:
        return require_finite(name, Z).reshape(-1, 1)
    return require_shape(name, Z, (None, None), "(C, m)")


# --- the activation ------------------------------------------------------------------------


def softmax(Z) -> np.ndarray:
    """Softmax over the classes of every column: a_i = e^{z_i} / sum_j e^{z_j}.

    Subtracting each column's maximum first changes nothing mathematically (the factor
    e^{-max} cancels between numerator and denominator) but keeps every exponent <= 0, so
    logits of size 1e4 neither overflow to inf nor give inf / inf = nan.

    Args:
        Z: (C, m) logits (a rank-1 (C,) vector is treated as one column and returned as (C,)).

    Returns:
        A of the same shape, every column non-negative and summing to 1.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 1.
    """
    vector = np.ndim(Z) == 1
    Z = _logits("Z", Z)
    with np.errstate(under="ignore"):  # e^-1e4 rounding to 0 is the right answer
        T = np.exp(Z - Z.max(axis=0, keepdims=True))
    A = T / T.sum(axis=0, keepdims=True)
    return A.ravel() if vector else A


def hardmax(Z) -> np.ndarray:
    """One-hot of the largest logit of every column (ties go to the first class).

    Args:
        Z: (C, m) logits (or a (C,) vector).

    Returns:
        Same shape, 1.0 at each column's argmax and 0.0 elsewhere.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 2.
    """
    vector = np.ndim(Z) == 1
    Z = _logits("Z", Z)
    H = np.zeros_like(Z)
    H[np.argmax(Z, axis=0), np.arange(Z.shape[1])] = 1.0
    return H.ravel() if vector else H


def one_hot(labels, C: int) -> np.ndarray:
    """Integer class labels to one-hot columns.

    Args:
        labels: (1, m) (or (m,)) integers in 0..C-1.
        C: number of classes.

    Returns:
        Y of shape (C, m) with Y[labels[i], i] = 1.0.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 3.
    """
    labels = require_finite("labels", labels)
    if labels.ndim == 2:
        labels = require_shape("labels", labels, (1, None), "(1, m)")
    elif labels.ndim != 1:
        raise ValueError(f"labels must have shape (1, m); got {labels.shape}.")
    flat = labels.ravel()
    if int(C) != C or C < 1:
        raise ValueError(f"C must be a positive integer; got {C!r}.")
    if flat.size and (
        not np.all(np.equal(np.mod(flat, 1), 0)) or flat.min() < 0 or flat.max() >= C
    ):
        raise ValueError(f"labels must be integers in 0..C-1 = 0..{int(C) - 1}; got {flat[:6]}.")
    return np.eye(int(C))[:, flat.astype(np.int64)]


def convert_to_one_hot(Y, C: int) -> np.ndarray:
    """The course's name for ``one_hot``: labels (1, m) -> one-hot (C, m).

    Args:
        Y: (1, m) integer labels. C: number of classes.

    Returns:
        (C, m) one-hot matrix.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 3.
    """
    return one_hot(Y, C)


def softmax_forward(Z) -> tuple[np.ndarray, np.ndarray]:
    """The layer contract for the output activation: A = softmax(Z), cache = Z.

    Args:
        Z: (C, m) logits.

    Returns:
        A (C, m) and cache = Z, for ``softmax_jacobian_backward``.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 4.
    """
    Z = _logits("Z", Z)
    return softmax(Z), Z


# --- loss, cost and the gradient ------------------------------------------------------------


def softmax_cost(AL, Y) -> float:
    """Categorical cross-entropy J = -(1/m) sum_i sum_j y_j^(i) log yhat_j^(i).

    With a one-hot y only the true class's term survives: L = -log yhat_true. Entries where
    y_j = 0 contribute exactly 0 even when yhat_j = 0, and a true-class yhat of exactly 0
    costs -log(tiny) ~ 708 instead of inf.

    Args:
        AL: (C, m) predicted probabilities (columns summing to 1).
        Y: (C, m) one-hot labels (soft labels work too).

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 3.
    """
    AL = require_shape("AL", AL, (None, None), "(C, m)").astype(np.float64)
    Y = require_shape("Y", Y, AL.shape, "(C, m)").astype(np.float64)
    terms = np.where(Y != 0, Y * np.log(np.maximum(AL, _LOG_TINY)), 0.0)
    return float(-np.sum(terms) / AL.shape[1])


def softmax_cost_from_logits(ZL, Y) -> float:
    """The same cost computed from the logits with log-sum-exp, exact for any logit size.

    log yhat_j = z_j - logsumexp(z), and logsumexp(z) = max(z) + log sum e^{z - max(z)}.

    Args:
        ZL: (C, m) logits. Y: (C, m) one-hot labels.

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 3.
    """
    ZL = _logits("ZL", ZL)
    Y = require_shape("Y", Y, ZL.shape, "(C, m)").astype(np.float64)
    top = ZL.max(axis=0, keepdims=True)
    with np.errstate(under="ignore"):
        log_norm = top + np.log(np.exp(ZL - top).sum(axis=0, keepdims=True))
    return float(-np.sum(Y * (ZL - log_norm)) / ZL.shape[1])


def softmax_backward(AL, Y) -> np.ndarray:
    """dZ^[L] = Yhat - Y: the gradient of each example's loss with respect to its logits.

    Why: with a = softmax(z), da_k/dz_j = a_k (delta_kj - a_j) (``softmax_jacobian``), and
    L = -sum_k y_k log a_k gives dL/da_k = -y_k / a_k. The chain rule then gives
    dL/dz_j = sum_k (-y_k / a_k) a_k (delta_kj - a_j) = -y_j + a_j sum_k y_k = a_j - y_j,
    because the labels of one example sum to 1. The divisions by a_k cancel, so this form
    is also the numerically safe one. As in Course 1 the 1/m of the cost is applied later,
    in dW and db (``linear_backward``), so dZ has no 1/m.

    Args:
        AL: (C, m) softmax outputs. Y: (C, m) one-hot labels.

    Returns:
        dZ of shape (C, m).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 4.
    """
    AL = require_shape("AL", AL, (None, None), "(C, m)")
    Y = require_shape("Y", Y, AL.shape, "(C, m)")
    return AL - Y


def softmax_jacobian(z) -> np.ndarray:
    """The C x C Jacobian of softmax at one example: J[k, j] = da_k/dz_j = a_k (delta_kj - a_j).

    Args:
        z: (C, 1) (or (C,)) logits of one example.

    Returns:
        (C, C) matrix diag(a) - a a^T (symmetric; every row and column sums to 0).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 4.
    """
    z = require_finite("z", z).astype(np.float64)
    if z.ndim == 2:
        z = require_shape("z", z, (None, 1), "(C, 1)")
    elif z.ndim != 1:
        raise ValueError(f"z must have shape (C, 1); got {z.shape}.")
    a = softmax(z.ravel())
    return np.diag(a) - np.outer(a, a)


def softmax_jacobian_backward(dA, cache) -> np.ndarray:
    """Backward through softmax for any upstream dA: dZ = J^T dA per column, vectorised.

    Column by column, (diag(a) - a a^T) da = a * (da - a . da); this is the general rule,
    of which ``softmax_backward`` is the special case da = -y / a.

    Args:
        dA: (C, m) gradient of the cost with respect to A. cache: Z (C, m) from
            ``softmax_forward``.

    Returns:
        dZ of shape (C, m).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 4.
    """
    Z = _logits("Z", cache)
    dA = require_shape("dA", dA, Z.shape, "(C, m)")
    A = softmax(Z)
    return A * (dA - np.sum(A * dA, axis=0, keepdims=True))


def two_class_softmax(z) -> np.ndarray:
    """Softmax over the two logits [z, 0] of every example: the C = 2 case.

    Args:
        z: (1, m) logits of class 1 (class 0's logit is fixed at 0).

    Returns:
        (2, m): row 0 is P(class 1) = e^z / (e^z + 1) = sigmoid(z), row 1 is 1 - sigmoid(z).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 2.
    """
    z = require_shape("z", z, (1, None), "(1, m)").astype(np.float64)
    return softmax(np.vstack([z, np.zeros_like(z)]))


def sigmoid_via_softmax(z) -> np.ndarray:
    """sigmoid(z) computed as the first row of ``two_class_softmax``: shows C = 2 is logistic.

    Any two logits (z_1, z_0) give softmax_1 = sigmoid(z_1 - z_0): only the difference
    matters, so fixing z_0 = 0 loses nothing and leaves exactly logistic regression.

    Args:
        z: (1, m) logits.

    Returns:
        (1, m), equal to ``activations.sigmoid(z)`` up to rounding.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 2.
    """
    return two_class_softmax(z)[:1]


# --- loss by task ---------------------------------------------------------------------------

LOSS_BY_TASK: dict[str, dict[str, str]] = {
    "regression": {
        "output": "linear unit(s), yhat any real number",
        "loss": "squared error (y - yhat)^2, mean over examples (MSE)",
        "keras": 'keras.losses.MeanSquaredError() / loss="mse"',
    },
    "binary classification": {
        "output": "1 sigmoid unit, yhat = P(y = 1)",
        "loss": "binary cross-entropy -(y log yhat + (1 - y) log(1 - yhat))",
        "keras": 'keras.losses.BinaryCrossentropy() / loss="binary_crossentropy"',
    },
    "multi-class classification": {
        "output": "C softmax units, yhat_j = P(y = j)",
        "loss": "categorical cross-entropy -sum_j y_j log yhat_j",
        "keras": (
            'keras.losses.CategoricalCrossentropy() / loss="categorical_crossentropy" '
            '(integer labels: "sparse_categorical_crossentropy")'
        ),
    },
}
"""Task -> {"output", "loss", "keras"}: which output layer and loss each kind of task uses.

Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 7."""


def loss_for_task(task: str) -> dict[str, str]:
    """Look up the output layer, loss and Keras name for a task in ``LOSS_BY_TASK``.

    Args:
        task: "regression", "binary classification" or "multi-class classification"
            (also "binary" and "multi-class").

    Returns:
        {"output", "loss", "keras"}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 7.
    """
    aliases = {"binary": "binary classification", "multi-class": "multi-class classification"}
    key = aliases.get(task, task)
    if key not in LOSS_BY_TASK:
        raise ValueError(f"task must be one of {sorted(LOSS_BY_TASK)}; got {task!r}.")
    return LOSS_BY_TASK[key]


# --- the network -----------------------------------------------------------------------------


def initialize_parameters(layer_dims: Sequence[int], scale: float | str = 0.01) -> dict:
    """Random weights, zero biases for [n_x, ..., C]; [n_x, C] is softmax regression.

    The same draws as Course 1's ``initialize_parameters_deep`` (W1 before W2 ..., from
    NumPy's global generator), so ``np.random.seed(s)`` first reproduces them.

    Args:
        layer_dims: [n_x, n^[1], ..., n^[L] = C].
        scale: 0.01 (the course's), "xavier" or "he" (see ``initialize_parameters_deep``).

    Returns:
        {"W1": (n^[1], n_x), "b1": (n^[1], 1), ..., "WL": (C, n^[L-1]), "bL": (C, 1)}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    return dn.initialize_parameters_deep(layer_dims, scale=scale, seed=None)


def forward_propagation(X, parameters) -> tuple[np.ndarray, list]:
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SOFTMAX, keeping every cache.

    Args:
        X: (n_x, m) inputs.
        parameters: {"W1", "b1", ..., "WL", "bL"} with WL of shape (C, n^[L-1]).

    Returns:
        AL = Yhat (C, m) and caches: L-1 caches of ``linear_activation_forward`` followed
        by (linear_cache, ZL) for the softmax layer.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    L = dn._num_layers(parameters)
    A = require_shape("X", X, (None, None), "(n_x, m)")
    caches = []
    for l in range(1, L):
        A, cache = dn.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    ZL, linear_cache = dn.linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])
    AL, ZL = softmax_forward(ZL)
    caches.append((linear_cache, ZL))
    return AL, caches


def compute_cost(AL, Y) -> float:
    """The network's cost: ``softmax_cost`` (categorical cross-entropy averaged over m).

    Args:
        AL: (C, m) probabilities. Y: (C, m) one-hot labels.

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    return softmax_cost(AL, Y)


def backward_propagation(AL, Y, caches) -> dict[str, np.ndarray]:
    """Backward pass starting from dZ^[L] = AL - Y, then Course 1's linear and ReLU blocks.

    Args:
        AL: (C, m) from ``forward_propagation``. Y: (C, m) one-hot labels.
        caches: the caches from ``forward_propagation``.

    Returns:
        grads {"dA0", ..., "dA{L-1}", "dW1", "db1", ..., "dWL", "dbL"}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    L = len(caches)
    if L == 0:
        raise ValueError("caches is empty; pass the list returned by forward_propagation.")
    grads: dict[str, np.ndarray] = {}
    linear_cache, _ = caches[-1]
    dZ = softmax_backward(AL, Y)
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dn.linear_backward(dZ, linear_cache)
    for l in reversed(range(1, L)):
        dA_prev, dW, db = dn.linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    return grads


def compute_gradients(X, Y, parameters) -> tuple[dict[str, np.ndarray], float]:
    """Forward, cost and backward in one call (what a training step needs).

    Args:
        X: (n_x, m). Y: (C, m) one-hot. parameters: {"W1", "b1", ...}.

    Returns:
        (grads {"dW1", "db1", ...}, cost J).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    AL, caches = forward_propagation(X, parameters)
    Y = require_shape("Y", Y, AL.shape, "(C, m)")
    return backward_propagation(AL, Y, caches), compute_cost(AL, Y)


def update_parameters(parameters, grads, learning_rate: float) -> dict[str, np.ndarray]:
    """Gradient descent W^[l] -= alpha dW^[l], b^[l] -= alpha db^[l] (Course 1's update).

    Args:
        parameters: {"W1", "b1", ...}. grads: {"dW1", "db1", ...}. learning_rate: alpha.

    Returns:
        A new parameter dict.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    return dn.update_parameters(parameters, grads, learning_rate)


def model(
    X,
    Y,
    layers_dims: Sequence[int] | None = None,
    learning_rate: float = 0.1,
    num_epochs: int = 1000,
    print_cost: bool = False,
    *,
    scale: float | str = "he",
    seed: int | None = 1,
    parameters: dict | None = None,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train a softmax classifier with batch gradient descent, like any other network.

    Args:
        X: (n_x, m) inputs. Y: (C, m) one-hot labels.
        layers_dims: [n_x, ..., C]; None means [n_x, C], softmax regression.
        learning_rate: alpha. num_epochs: gradient steps (one epoch = one full batch).
        print_cost: print the cost every 100 epochs.
        scale: the initialisation scale (see ``initialize_parameters``).
        seed: ``np.random.seed(seed)`` before initialising; None leaves the generator alone.
        parameters: start from these instead of a random initialisation.
        progress: optional callable receiving the finished fraction.

    Returns:
        (parameters, costs): costs[k] is the cost of epoch 100 k.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(C, m)", binary=False)
    if parameters is None:
        dims = list(layers_dims) if layers_dims is not None else [X.shape[0], Y.shape[0]]
        if dims[0] != X.shape[0] or dims[-1] != Y.shape[0]:
            raise ValueError(
                f"layers_dims must start with n_x = {X.shape[0]} and end with C = {Y.shape[0]};"
                f" got {dims}."
            )
        if seed is not None:
            np.random.seed(seed)  # noqa: NPY002 - the course seeds the global generator
        parameters = initialize_parameters(dims, scale=scale)

    def step(params, X_t, Y_t, t):
        grads, cost = compute_gradients(X_t, Y_t, params)
        return update_parameters(params, grads, learning_rate), cost

    return train_loop(
        parameters,
        step,
        num_epochs,
        batches=full_batch(X, Y),
        print_every=100 if print_cost else None,
        progress=progress,
    )


def predict(X, parameters) -> np.ndarray:
    """The most probable class of every example.

    Args:
        X: (n_x, m) inputs. parameters: {"W1", "b1", ...}.

    Returns:
        (1, m) integer labels in 0..C-1.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    AL, _ = forward_propagation(X, parameters)
    return np.argmax(AL, axis=0).reshape(1, -1)


def accuracy(predictions, labels) -> float:
    """Fraction of examples whose predicted class is the true one.

    Args:
        predictions: (1, m) integer labels. labels: (1, m) integer labels or (C, m) one-hot.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    predictions = require_shape("predictions", predictions, (1, None), "(1, m)")
    labels = require_numeric("labels", labels)
    if labels.ndim == 2 and labels.shape[0] > 1:  # one-hot (C, m): its columns are examples
        m = predictions.shape[1]
        labels = require_shape("labels", labels, (None, m), "(C, m)")
        labels = np.argmax(labels, axis=0).reshape(1, -1)
    labels = require_shape("labels", labels, predictions.shape, "(1, m)")
    return float(np.mean(predictions == labels))


# --- data -------------------------------------------------------------------------------------


def make_multiclass_data(
    kind: str = "blobs", m: int = 300, C: int = 3, noise: float = 1.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Seeded 2-D multi-class data in the course layout.

    "blobs" are Gaussian clusters (scikit-learn's ``make_blobs``; ``noise`` is the cluster
    standard deviation), separable by straight lines; "spiral" is C interleaved arms
    (``noise`` scales the angular jitter), which need a non-linear classifier.

    Args:
        kind: "blobs" or "spiral". m: number of examples. C: number of classes.
        noise: spread of the classes. seed: the random seed.

    Returns:
        X (2, m) and labels (1, m) of integers in 0..C-1.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    if int(m) < 1:
        raise ValueError(f"m must be at least 1; got {m!r}.")
    if kind == "blobs":
        from sklearn.datasets import make_blobs

        X, y = make_blobs(
            n_samples=m, centers=C, n_features=2, cluster_std=noise, random_state=seed
        )
    elif kind == "spiral":
        rng = np.random.default_rng(seed)
        y = np.arange(m) % C
        r = rng.uniform(0.05, 1.0, m)
        theta = y * 2 * np.pi / C + 4.0 * r + rng.normal(0, 0.2 * noise, m)
        X = np.column_stack([r * np.sin(theta), r * np.cos(theta)])
    else:
        raise ValueError(f"kind must be 'blobs' or 'spiral'; got {kind!r}.")
    return X.T.astype(np.float64), y.reshape(1, -1).astype(np.int64)
