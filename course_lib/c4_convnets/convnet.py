"""The course's ConvNet for six-class images, in NumPy, forward, backward and training.

The network (the Functional-API model of the week-1 assignment):

    CONV2D 8 filters 4x4, stride 1, "same" -> RELU -> MAXPOOL 8x8, stride 8, "same"
    -> CONV2D 16 filters 2x2, stride 1, "same" -> RELU -> MAXPOOL 4x4, stride 4, "same"
    -> FLATTEN -> DENSE 6 -> SOFTMAX

Shapes follow the course: X is (m, n_H, n_W, n_C); W1 (4, 4, n_C, 8), b1 (1, 1, 1, 8);
W2 (2, 2, 8, 16), b2 (1, 1, 1, 16); the dense layer takes the flattened volume as columns,
F (n_F, m), so W3 is (6, n_F) and b3 (6, 1), and the logits Z3 and labels Y are (6, m).

"Same" padding is TensorFlow's: for stride 1 the f - 1 zeros are split with the smaller
half before (top/left) and the larger after, so a 4x4 filter gets 1 row above and 2
below; the course's symmetric ``{"pad": p}`` cannot express that, so ``conv_same_forward``
pads first and calls the core layer with pad 0. Max pooling with f = stride keeps "same"
and "valid" equal when n_H and n_W are multiples of the stride: the input must be a
multiple of 32 pixels on each side (32 and 64 both are).

The layers are the vectorised ones of ``convolution.py``; the max-pool backward uses
``ties="first"``, one maximum per window as TensorFlow does, because real images tie (see
``pool_backward`` there). Every function follows the ``(out, cache)`` / ``(dout, cache)``
contract, so the whole network is gradient-checked like one layer.

Taught in: notebooks/c4_convnets/04_convnet_application.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c1_neural_networks.activations import relu_derivative
from course_lib.c2_improving_dnns.optimizers import adam_update, init_state
from course_lib.c2_improving_dnns.softmax import softmax, softmax_cost_from_logits
from course_lib.c4_convnets.convolution import (
    conv_backward_vectorized,
    conv_forward_vectorized,
    pool_backward_vectorized,
    pool_forward_vectorized,
)
from course_lib.gradient_check import relative_difference
from course_lib.validation import require_keys, require_shape

__all__ = [
    "ARCHITECTURE",
    "same_padding",
    "conv_same_forward",
    "conv_same_backward",
    "initialize_parameters",
    "convnet_forward",
    "convnet_backward",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "compute_gradients",
    "gradient_check_entries",
    "random_mini_batches",
    "model",
    "predict",
    "accuracy",
]

#: The layer list, for tables and the lesson: (name, f, stride, n_C).
ARCHITECTURE = (
    ("CONV2D", 4, 1, 8),
    ("MAXPOOL", 8, 8, None),
    ("CONV2D", 2, 1, 16),
    ("MAXPOOL", 4, 4, None),
)
PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
_POOL1 = {"f": 8, "stride": 8}
_POOL2 = {"f": 4, "stride": 4}
_SIDE_MULTIPLE = 32  # 8 x 4: both pools tile the image exactly
VOLUME = "(m, n_H, n_W, n_C)"


# -- "same" convolution ---------------------------------------------------------------------


def same_padding(n: int, f: int, stride: int = 1) -> tuple[int, int]:
    """Zeros before and after one axis for TensorFlow's "same" padding.

    The output has ceil(n / stride) positions; the padding needed is
    max((n_out - 1) * stride + f - n, 0), split with the smaller half first.

    Args:
        n: input size along the axis (n_H or n_W). f: filter size. stride: s.

    Returns:
        (before, after), e.g. (1, 2) for n = 64, f = 4, s = 1.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    for name, value in (("n", n), ("f", f), ("stride", stride)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}.")
    n_out = -(-n // stride)
    total = max((n_out - 1) * stride + f - n, 0)
    return total // 2, total - total // 2


def conv_same_forward(A_prev, W, b, stride: int = 1):
    """Convolution with TensorFlow's "same" padding (asymmetric for even f).

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). W: (f, f, n_C_prev, n_C). b: (1, 1, 1, n_C).
        stride: s.

    Returns:
        Z of shape (m, ceil(n_H_prev / s), ceil(n_W_prev / s), n_C), and cache
        (core convolution cache, (top, bottom, left, right)).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    A_prev = require_shape("A_prev", A_prev, (None, None, None, None), VOLUME)
    W = require_shape("W", W, (None, None, A_prev.shape[3], None), "(f, f, n_C_prev, n_C)")
    f = W.shape[0]
    top, bottom = same_padding(A_prev.shape[1], f, stride)
    left, right = same_padding(A_prev.shape[2], f, stride)
    A_pad = np.pad(A_prev, ((0, 0), (top, bottom), (left, right), (0, 0)))
    Z, cache = conv_forward_vectorized(A_pad, W, b, {"stride": stride, "pad": 0})
    return Z, (cache, (top, bottom, left, right))


def conv_same_backward(dZ, cache):
    """Backward of ``conv_same_forward``: the core backward, then the padding cut off.

    Args:
        dZ: (m, n_H, n_W, n_C). cache: from ``conv_same_forward``.

    Returns:
        (dA_prev (m, n_H_prev, n_W_prev, n_C_prev), dW (f, f, n_C_prev, n_C), db (1, 1, 1, n_C)).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    if not isinstance(cache, tuple) or len(cache) != 2 or len(cache[1]) != 4:
        raise ValueError("cache must be the (conv cache, padding) pair conv_same_forward returned.")
    conv_cache, (top, bottom, left, right) = cache
    dA_pad, dW, db = conv_backward_vectorized(dZ, conv_cache)
    n_H, n_W = dA_pad.shape[1] - bottom, dA_pad.shape[2] - right
    return dA_pad[:, top:n_H, left:n_W, :], dW, db


# -- parameters -----------------------------------------------------------------------------


def _flat_size(input_shape) -> int:
    n_H, n_W, _ = input_shape
    return (n_H // 32) * (n_W // 32) * 16


def _check_input_shape(input_shape) -> tuple[int, int, int]:
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 3:
        raise ValueError(f"input_shape must be (n_H, n_W, n_C); got {input_shape!r}.")
    n_H, n_W, n_C = (int(v) for v in input_shape)
    if n_H < 1 or n_W < 1 or n_C < 1 or n_H % _SIDE_MULTIPLE or n_W % _SIDE_MULTIPLE:
        raise ValueError(
            f"input_shape must be (n_H, n_W, n_C) with n_H and n_W multiples of"
            f" {_SIDE_MULTIPLE} (the two pools shrink each side 8 x 4 = 32 times); got"
            f" {tuple(input_shape)}."
        )
    return n_H, n_W, n_C


def initialize_parameters(input_shape=(64, 64, 3), n_classes: int = 6, seed: int = 1) -> dict:
    """Glorot-uniform weights and zero biases for the ConvNet (Keras's default initialiser).

    Glorot (Xavier) uniform draws from U(-r, r) with r = sqrt(6 / (fan_in + fan_out)); for a
    filter bank fan_in = f * f * n_C_prev and fan_out = f * f * n_C.

    Args:
        input_shape: (n_H, n_W, n_C) of one image; n_H, n_W multiples of 32.
        n_classes: C, the number of softmax outputs.
        seed: seed of a private ``np.random.Generator``.

    Returns:
        {"W1": (4, 4, n_C, 8), "b1": (1, 1, 1, 8), "W2": (2, 2, 8, 16), "b2": (1, 1, 1, 16),
        "W3": (C, n_F), "b3": (C, 1)} in float64, n_F = (n_H / 32) (n_W / 32) 16.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    _, _, n_C = _check_input_shape(input_shape)
    if isinstance(n_classes, bool) or int(n_classes) != n_classes or n_classes < 2:
        raise ValueError(f"n_classes must be an integer >= 2; got {n_classes!r}.")
    rng = np.random.default_rng(seed)

    def glorot(shape, fan_in, fan_out):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape)

    n_F = _flat_size(input_shape)
    C = int(n_classes)
    return {
        "W1": glorot((4, 4, n_C, 8), 16 * n_C, 16 * 8),
        "b1": np.zeros((1, 1, 1, 8)),
        "W2": glorot((2, 2, 8, 16), 4 * 8, 4 * 16),
        "b2": np.zeros((1, 1, 1, 16)),
        "W3": glorot((C, n_F), n_F, C),
        "b3": np.zeros((C, 1)),
    }


def _check_parameters(parameters, n_C: int) -> None:
    require_keys("parameters", parameters, PARAMETER_KEYS)
    require_shape("W1", parameters["W1"], (4, 4, n_C, 8), "(4, 4, n_C, 8)", finite=True)
    require_shape("b1", parameters["b1"], (1, 1, 1, 8), "(1, 1, 1, 8)", finite=True)
    require_shape("W2", parameters["W2"], (2, 2, 8, 16), "(2, 2, 8, 16)", finite=True)
    require_shape("b2", parameters["b2"], (1, 1, 1, 16), "(1, 1, 1, 16)", finite=True)
    W3 = require_shape("W3", parameters["W3"], (None, None), "(C, n_F)", finite=True)
    require_shape("b3", parameters["b3"], (W3.shape[0], 1), "(C, 1)", finite=True)


def _check_images(X, name: str = "X", notation: str = VOLUME) -> np.ndarray:
    X = require_shape(name, X, (None, None, None, None), notation)
    _check_input_shape(X.shape[1:])
    return X


# -- forward and backward -------------------------------------------------------------------


def convnet_forward(X, parameters):
    """Forward pass of the whole ConvNet, keeping every layer's cache.

    Args:
        X: (m, n_H, n_W, n_C) images scaled to [0, 1]; n_H, n_W multiples of 32.
        parameters: from ``initialize_parameters``.

    Returns:
        Z3 (C, m), the logits (the softmax is applied in the cost), and caches, the
        tuple of the layers' caches.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    X = _check_images(X)
    _check_parameters(parameters, X.shape[3])
    p = parameters
    Z1, conv1 = conv_same_forward(X, p["W1"], p["b1"], stride=1)
    A1 = np.maximum(Z1, 0)
    P1, pool1 = pool_forward_vectorized(A1, _POOL1, mode="max")
    Z2, conv2 = conv_same_forward(P1, p["W2"], p["b2"], stride=1)
    A2 = np.maximum(Z2, 0)
    P2, pool2 = pool_forward_vectorized(A2, _POOL2, mode="max")
    F = P2.reshape(P2.shape[0], -1).T  # (n_F, m): one example per column, (h, w, c) order
    n_F = F.shape[0]
    require_shape("W3", p["W3"], (None, n_F), f"(C, n_F) = (C, {n_F})")
    Z3 = p["W3"] @ F + p["b3"]
    return Z3, (conv1, Z1, pool1, conv2, Z2, pool2, P2.shape, F, p["W3"])


def convnet_backward(dZ3, caches) -> dict[str, np.ndarray]:
    """Backward pass of the whole ConvNet from the gradient of the logits.

    Args:
        dZ3: (C, m), dJ/dZ3 (for the mean cross-entropy: (softmax(Z3) - Y) / m).
        caches: from ``convnet_forward``.

    Returns:
        {"dW1", "db1", "dW2", "db2", "dW3", "db3"} shaped like the parameters, and "dX"
        (m, n_H, n_W, n_C).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    if not isinstance(caches, tuple) or len(caches) != 9:
        raise ValueError("caches must be the tuple that convnet_forward returned.")
    conv1, Z1, pool1, conv2, Z2, pool2, P2_shape, F, W3 = caches
    dZ3 = require_shape("dZ3", dZ3, (W3.shape[0], F.shape[1]), "(C, m)")
    dW3 = dZ3 @ F.T  # the 1/m is already in dZ3
    db3 = dZ3.sum(axis=1, keepdims=True)
    dP2 = (W3.T @ dZ3).T.reshape(P2_shape)
    dA2 = pool_backward_vectorized(dP2, pool2, mode="max", ties="first")
    dZ2 = dA2 * relu_derivative(Z2)
    dP1, dW2, db2 = conv_same_backward(dZ2, conv2)
    dA1 = pool_backward_vectorized(dP1, pool1, mode="max", ties="first")
    dZ1 = dA1 * relu_derivative(Z1)
    dX, dW1, db1 = conv_same_backward(dZ1, conv1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3, "dX": dX}


def forward_propagation(X, parameters) -> np.ndarray:
    """The course's ``forward_propagation``: the logits Z3 of the ConvNet.

    Args:
        X: (m, n_H, n_W, n_C) images in [0, 1]. parameters: from ``initialize_parameters``.

    Returns:
        Z3 of shape (C, m) (before the softmax).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 2.
    """
    return convnet_forward(X, parameters)[0]


def compute_cost(Z3, Y) -> float:
    """Mean softmax cross-entropy computed from the logits (log-sum-exp, stable).

    Args:
        Z3: (C, m) logits. Y: (C, m) one-hot labels (``convert_to_one_hot(labels, C)``).

    Returns:
        J = -(1/m) sum_i log softmax(z^(i))_{y^(i)} as a float.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    Z3 = require_shape("Z3", Z3, (None, None), "(C, m)")
    return softmax_cost_from_logits(Z3, Y)


def backward_propagation(Z3, Y, caches) -> dict[str, np.ndarray]:
    """Gradients of the mean cross-entropy: dZ3 = (softmax(Z3) - Y) / m, then the layers.

    Args:
        Z3: (C, m) logits. Y: (C, m) one-hot labels. caches: from ``convnet_forward``.

    Returns:
        {"dW1", "db1", "dW2", "db2", "dW3", "db3", "dX"} (see ``convnet_backward``).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    Z3 = require_shape("Z3", Z3, (None, None), "(C, m)")
    Y = require_shape("Y", Y, Z3.shape, "(C, m)")
    dZ3 = (softmax(Z3) - Y) / Z3.shape[1]
    return convnet_backward(dZ3.astype(Z3.dtype, copy=False), caches)  # keep float32 float32


def compute_gradients(X, Y, parameters) -> tuple[dict[str, np.ndarray], float]:
    """Forward, cost and backward on one batch.

    Args:
        X: (m, n_H, n_W, n_C). Y: (C, m) one-hot. parameters: the ConvNet's.

    Returns:
        (grads without "dX", cost J).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    Z3, caches = convnet_forward(X, parameters)
    cost = compute_cost(Z3, Y)
    grads = backward_propagation(Z3, Y, caches)
    grads.pop("dX")
    return grads, cost


def gradient_check_entries(
    X, Y, parameters, entries: int | None = None, seed: int = 0, epsilon: float = 1e-7
) -> dict[str, float]:
    """The course's gradient check on some (or all) entries of every parameter.

    For each chosen entry theta_i, dtheta_approx = (J(theta + eps e_i) - J(theta - eps e_i))
    / (2 eps) is compared with backprop's value by the relative difference
    ||approx - grad|| / (||approx|| + ||grad||). All 1,000-odd entries cost two forward
    passes each; ``entries`` samples that many per parameter (seeded) for a quick check.

    Args:
        X: (m, n_H, n_W, n_C), a tiny batch in float64. Y: (C, m) one-hot.
        parameters: the ConvNet's (float64).
        entries: how many entries of each parameter to test; None tests all.
        seed: seed of the sample. epsilon: the centred-difference step.

    Returns:
        {"W1": difference, ..., "b3": difference, "all": difference over every tested entry}.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    X = _check_images(X).astype(np.float64)
    _check_parameters(parameters, X.shape[3])
    if entries is not None and (
        isinstance(entries, bool) or not isinstance(entries, (int, np.integer)) or entries < 1
    ):
        raise ValueError(f"entries must be None (all) or a positive integer; got {entries!r}.")
    params = {key: np.array(parameters[key], dtype=np.float64) for key in PARAMETER_KEYS}
    grads, _ = compute_gradients(X, Y, params)
    rng = np.random.default_rng(seed)
    approx_all, exact_all, result = [], [], {}
    for key in PARAMETER_KEYS:
        size = params[key].size
        chosen = (
            np.arange(size)
            if entries is None or entries >= size
            else rng.choice(size, size=int(entries), replace=False)
        )
        flat = params[key].reshape(-1)  # a view: nudging it nudges params[key]
        approx = np.empty(len(chosen))
        for k, i in enumerate(chosen):
            original = flat[i]
            flat[i] = original + epsilon
            plus = compute_cost(forward_propagation(X, params), Y)
            flat[i] = original - epsilon
            minus = compute_cost(forward_propagation(X, params), Y)
            flat[i] = original
            approx[k] = (plus - minus) / (2 * epsilon)
        exact = grads["d" + key].reshape(-1)[chosen]
        result[key] = relative_difference(approx, exact)
        approx_all.append(approx)
        exact_all.append(exact)
    result["all"] = relative_difference(np.concatenate(approx_all), np.concatenate(exact_all))
    return result


# -- training -------------------------------------------------------------------------------


def random_mini_batches(X, Y, mini_batch_size: int = 64, seed: int = 0) -> list[tuple]:
    """Shuffle the examples of (X, Y) together and cut them into mini-batches.

    Args:
        X: (m, n_H, n_W, n_C) images (examples on axis 0). Y: (C, m) labels (columns).
        mini_batch_size: examples per batch; the last batch holds the rest.
        seed: seed of a private generator.

    Returns:
        [(X_batch (size, n_H, n_W, n_C), Y_batch (C, size)), ...].

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    X = require_shape("X", X, (None, None, None, None), VOLUME)
    Y = require_shape("Y", Y, (None, X.shape[0]), "(C, m)")
    if isinstance(mini_batch_size, bool) or int(mini_batch_size) != mini_batch_size:
        raise ValueError(f"mini_batch_size must be a positive integer; got {mini_batch_size!r}.")
    if mini_batch_size < 1:
        raise ValueError(f"mini_batch_size must be a positive integer; got {mini_batch_size!r}.")
    size = int(mini_batch_size)
    order = np.random.default_rng(seed).permutation(X.shape[0])
    return [
        (X[order[start : start + size]], Y[:, order[start : start + size]])
        for start in range(0, X.shape[0], size)
    ]


def predict(X, parameters) -> np.ndarray:
    """The most probable class of every image.

    Args:
        X: (m, n_H, n_W, n_C) images in [0, 1]. parameters: the ConvNet's.

    Returns:
        (1, m) integer labels.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    return np.argmax(forward_propagation(X, parameters), axis=0).reshape(1, -1)


def accuracy(X, labels, parameters) -> float:
    """Fraction of images whose predicted class is the label.

    Args:
        X: (m, n_H, n_W, n_C). labels: (1, m) integers or (C, m) one-hot. parameters.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    labels = np.asarray(labels)
    if labels.ndim == 2 and labels.shape[0] > 1:
        labels = np.argmax(labels, axis=0).reshape(1, -1)
    labels = require_shape("labels", labels, (1, np.shape(X)[0]), "(1, m)")
    return float(np.mean(predict(X, parameters) == labels))


def _evaluate(X, Y, parameters, batch: int = 256) -> tuple[float, float]:
    """(cost, accuracy) over a whole set, in chunks to bound the memory of im2col."""
    cost, correct = 0.0, 0
    for start in range(0, X.shape[0], batch):
        Z3 = forward_propagation(X[start : start + batch], parameters)
        Yb = Y[:, start : start + batch]
        cost += compute_cost(Z3, Yb) * Yb.shape[1]
        correct += int(np.sum(np.argmax(Z3, axis=0) == np.argmax(Yb, axis=0)))
    return cost / X.shape[0], correct / X.shape[0]


def model(
    X_train,
    Y_train,
    X_test,
    Y_test,
    learning_rate: float = 0.009,
    num_epochs: int = 100,
    minibatch_size: int = 64,
    seed: int = 1,
    parameters: Mapping | None = None,
    progress: Callable[[float], None] | None = None,
    dtype=np.float32,
):
    """Train the ConvNet with Adam on mini-batches; record both sets after every epoch.

    Args:
        X_train: (m_train, n_H, n_W, n_C) in [0, 1]. Y_train: (C, m_train) one-hot.
        X_test: (m_test, n_H, n_W, n_C). Y_test: (C, m_test) one-hot.
        learning_rate: Adam's alpha (the course's 0.009). num_epochs: passes over the data.
        minibatch_size: examples per step (the course's 64).
        seed: seeds the initialisation (when ``parameters`` is None) and each epoch's
            shuffle (seed + epoch); the same seed gives the same run.
        parameters: start from these instead (e.g. to compare with the Keras twin).
        progress: optional callback receiving the fraction done after each epoch.
        dtype: precision of the forward and backward passes; float32 halves the time
            of the big matrix products. Adam keeps float64 parameters either way.

    Returns:
        (parameters, history): the trained parameters and {"train_cost", "test_cost",
        "train_accuracy", "test_accuracy"}, one value per epoch (measured after it).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 3.
    """
    X_train = _check_images(X_train, "X_train", "(m_train, n_H, n_W, n_C)")
    X_test = _check_images(X_test, "X_test", "(m_test, n_H, n_W, n_C)")
    C = np.shape(Y_train)[0]
    Y_train = require_shape("Y_train", Y_train, (None, X_train.shape[0]), "(C, m_train)")
    Y_test = require_shape("Y_test", Y_test, (C, X_test.shape[0]), "(C, m_test)")
    if X_test.shape[1:] != X_train.shape[1:]:
        raise ValueError(
            f"X_test images are {X_test.shape[1:]}, X_train images {X_train.shape[1:]}."
        )
    if isinstance(num_epochs, bool) or int(num_epochs) != num_epochs or num_epochs < 1:
        raise ValueError(f"num_epochs must be a positive integer; got {num_epochs!r}.")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number; got {learning_rate!r}.")
    if parameters is None:
        parameters = initialize_parameters(X_train.shape[1:], n_classes=C, seed=seed)
    else:
        _check_parameters(parameters, X_train.shape[3])
        parameters = {key: np.array(parameters[key], dtype=np.float64) for key in PARAMETER_KEYS}
    state = init_state("adam", parameters)
    history = {"train_cost": [], "test_cost": [], "train_accuracy": [], "test_accuracy": []}
    X_train, X_test = X_train.astype(dtype), X_test.astype(dtype)
    Y_train, Y_test = Y_train.astype(dtype), Y_test.astype(dtype)

    def working(params):  # the copy the passes run on, in ``dtype``
        return {key: value.astype(dtype) for key, value in params.items()}

    for epoch in range(int(num_epochs)):
        for X_batch, Y_batch in random_mini_batches(X_train, Y_train, minibatch_size, seed + epoch):
            grads, _ = compute_gradients(X_batch, Y_batch, working(parameters))
            parameters, state = adam_update(parameters, grads, state, learning_rate)
        current = working(parameters)
        for split, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
            cost, acc = _evaluate(X, Y, current)
            history[f"{split}_cost"].append(cost)
            history[f"{split}_accuracy"].append(acc)
        if progress is not None:
            progress((epoch + 1) / num_epochs)
    return parameters, history
