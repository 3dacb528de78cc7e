"""Keras twin of deep_network.py: a stack of Dense layers built from the NumPy parameters.

Same names as the NumPy reference and the same parameter dict {"W1", "b1", ..., "WL", "bL"}
in the course's shapes; Keras keeps examples in rows and its Dense kernel is W^T, so the
twin feeds ``X.T``, sets kernel = W.T and bias = b.ravel(), and turns outputs back into
(n^[L], m) columns.

Known differences (all below ~1e-5 on ordinary inputs):
- Keras computes in float32, the NumPy reference in float64.
- ``keras.losses.binary_crossentropy`` clips yhat to [1e-7, 1 - 1e-7] before the log, so a
  confidently wrong example costs at most ~16.1 and its gradient is cut off there.
- ``L_model_backward`` here cannot take the NumPy caches (Keras keeps its own record on the
  ``tf.GradientTape``): it takes (X, Y, parameters) and returns only the parameter
  gradients "dW1", ..., "dbL" (no "dA" entries).
- ``L_layer_model`` trains with ``model.fit`` (one full batch per epoch, unshuffled, SGD
  without momentum: w := w - alpha dw); its cost history is Keras's per-epoch loss, which
  is the cost before that epoch's update, as in the NumPy loop.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 9 and
notebooks/c1_neural_networks/05_deep_network_application.py, section 5.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_binary_labels, require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "build_deep_model",
    "model_parameters",
    "L_model_forward",
    "compute_cost",
    "L_model_backward",
    "L_layer_model",
    "two_layer_model",
    "predict",
]


def _layers(parameters) -> int:
    L = 0
    while f"W{L + 1}" in parameters:
        L += 1
    if L == 0 or any(f"b{l}" not in parameters for l in range(1, L + 1)):
        raise ValueError("parameters must hold W1, b1, ..., WL, bL.")
    return L


def build_deep_model(parameters, hidden_activation: str = "relu") -> keras.Model:
    """A Keras Sequential of L Dense layers holding the given weights.

    Args:
        parameters: {"W1": (n^[1], n_x), "b1": (n^[1], 1), ..., "WL", "bL"}.
        hidden_activation: the activation of layers 1..L-1 ("relu" as in the course, or
            "tanh", "sigmoid", "leaky_relu"); layer L uses the sigmoid.

    Returns:
        ``keras.Sequential([Input((n_x,)), Dense(n^[1], g), ..., Dense(n^[L], "sigmoid")])``
        with kernel^[l] = W^[l].T and bias^[l] = b^[l].ravel(); it maps rows (m, n_x) to
        (m, n^[L]).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 9.
    """
    L = _layers(parameters)
    W1 = require_shape("W1", parameters["W1"], (None, None), "(n[1], n[0])")
    layers: list = [keras.Input(shape=(W1.shape[1],))]
    for l in range(1, L + 1):
        W = require_shape(f"W{l}", parameters[f"W{l}"], (None, None), f"(n[{l}], n[{l - 1}])")
        activation = "sigmoid" if l == L else hidden_activation
        if activation == "leaky_relu":
            activation = keras.layers.LeakyReLU(negative_slope=0.01)
        layers.append(keras.layers.Dense(W.shape[0], activation=activation))
    model = keras.Sequential(layers)
    for l, layer in enumerate(model.layers, start=1):
        W = np.asarray(parameters[f"W{l}"])
        b = require_shape(f"b{l}", parameters[f"b{l}"], (W.shape[0], 1), f"(n[{l}], 1)")
        layer.set_weights([W.T.astype(np.float32), b.ravel().astype(np.float32)])
    return model


def model_parameters(model: keras.Model) -> dict[str, np.ndarray]:
    """Read a Dense stack's weights back into the course's dict (W = kernel.T, b as a column).

    Args:
        model: from ``build_deep_model``.

    Returns:
        {"W1": (n^[1], n_x), "b1": (n^[1], 1), ...} in float64.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 5.
    """
    parameters = {}
    for l, layer in enumerate(model.layers, start=1):
        kernel, bias = layer.get_weights()
        parameters[f"W{l}"] = kernel.T.astype(np.float64)
        parameters[f"b{l}"] = bias.reshape(-1, 1).astype(np.float64)
    return parameters


def _rows(X, n_x: int) -> tf.Tensor:
    X = require_shape("X", X, (n_x, None), "(n_x, m)")
    return tf.constant(X.T, dtype=tf.float32)


def L_model_forward(X, parameters) -> tuple[np.ndarray, None]:
    """AL = yhat computed by the Keras Dense stack.

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        AL of shape (n^[L], m) and ``None`` in place of the NumPy caches.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 9.
    """
    model = build_deep_model(parameters)
    return model(_rows(X, model.input_shape[1])).numpy().T.astype(np.float64), None


def compute_cost(AL, Y) -> float:
    """Mean binary cross-entropy by ``keras.losses.binary_crossentropy``.

    Args:
        AL: (1, m) probabilities. Y: (1, m) labels 0/1.

    Returns:
        J as a Python float (yhat clipped to [1e-7, 1 - 1e-7], see the module docstring).

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 9.
    """
    AL = require_shape("AL", AL, (1, None), "(1, m)")
    Y = require_shape("Y", Y, AL.shape, "(1, m)")
    loss = keras.losses.binary_crossentropy(
        tf.constant(Y.T, tf.float32), tf.constant(AL.T, tf.float32)
    )
    return float(tf.reduce_mean(loss))


def L_model_backward(X, Y, parameters) -> dict[str, np.ndarray]:
    """Parameter gradients of the cost by automatic differentiation (``tf.GradientTape``).

    Unlike the NumPy ``L_model_backward(AL, Y, caches)``, the twin needs the inputs and
    the parameters: the tape records its own forward pass.

    Args:
        X: (n_x, m). Y: (1, m) labels 0/1. parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        {"dW1": (n^[1], n_x), "db1": (n^[1], 1), ..., "dWL", "dbL"} in float64, in the
        course's shapes.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 9.
    """
    model = build_deep_model(parameters)
    X_rows = _rows(X, model.input_shape[1])
    Y = require_shape("Y", Y, (1, X_rows.shape[0]), "(1, m)")
    with tf.GradientTape() as tape:
        AL = model(X_rows)
        cost = tf.reduce_mean(keras.losses.binary_crossentropy(tf.constant(Y.T, tf.float32), AL))
    variables = [v for layer in model.layers for v in (layer.kernel, layer.bias)]
    gradients = tape.gradient(cost, variables)
    grads = {}
    for l in range(1, len(model.layers) + 1):
        d_kernel, d_bias = gradients[2 * l - 2], gradients[2 * l - 1]
        grads[f"dW{l}"] = d_kernel.numpy().T.astype(np.float64)
        grads[f"db{l}"] = d_bias.numpy().reshape(-1, 1).astype(np.float64)
    return grads


class _CostEvery100(keras.callbacks.Callback):
    """Records the cost before every block of 100 steps and reports progress."""

    def __init__(self, X_rows, Y_rows, num_iterations: int, progress, print_cost: bool):
        super().__init__()
        self.X_rows, self.Y_rows = X_rows, Y_rows
        self.num_iterations, self.progress, self.print_cost = num_iterations, progress, print_cost
        self.costs: list[float] = []
        self.done = 0

    def on_epoch_begin(self, epoch, logs=None):
        AL = self.model(self.X_rows)
        cost = float(tf.reduce_mean(keras.losses.binary_crossentropy(self.Y_rows, AL)))
        if self.print_cost:
            print(f"Cost after iteration {100 * len(self.costs)}: {cost:f}")
        self.costs.append(cost)

    def on_epoch_end(self, epoch, logs=None):
        self.done = min(self.done + 100, self.num_iterations)
        if self.progress is not None:
            self.progress(self.done / self.num_iterations)


def _fit(
    X, Y, parameters, learning_rate, num_iterations, print_cost, progress
) -> tuple[dict, list[float]]:
    model = build_deep_model(parameters)
    X_rows = _rows(X, model.input_shape[1])
    Y = require_shape("Y", Y, (1, X_rows.shape[0]), "(1, m)")
    require_binary_labels("Y", Y)
    if int(num_iterations) != num_iterations or num_iterations < 0:
        raise ValueError(f"num_iterations must be a non-negative integer; got {num_iterations!r}.")
    num_iterations = int(num_iterations)
    Y_rows = tf.constant(Y.T, tf.float32)
    recorder = _CostEvery100(X_rows, Y_rows, num_iterations, progress, print_cost)
    # One Keras "epoch" = 100 full-batch steps (batch gradient descent), so the callback sees
    # the cost every 100 iterations as the NumPy loop records it; running 100 steps per
    # call of the compiled train function avoids Keras's per-epoch overhead (~50 ms).
    full_batch = tf.data.Dataset.from_tensors((X_rows, Y_rows)).repeat()
    blocks, rest = divmod(num_iterations, 100)
    for steps, epochs in ((100, blocks), (rest, 1 if rest else 0)):
        if epochs == 0:
            continue
        # Plain SGD keeps no state, so compiling again for the last, shorter block is safe.
        model.compile(
            optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
            loss="binary_crossentropy",
            steps_per_execution=steps,
        )
        model.fit(
            full_batch,
            epochs=epochs,
            steps_per_epoch=steps,
            shuffle=False,
            verbose=0,
            callbacks=[recorder],
        )
    return model_parameters(model), recorder.costs


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
    parameters=None,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train the L-layer network with ``model.fit`` from the NumPy model's starting point.

    The starting parameters are drawn exactly as the NumPy ``L_layer_model`` draws them
    (``initialize_parameters_deep(layers_dims, scale, seed)``) unless
    ``parameters`` is given, so the two training runs can be overlaid.

    Args:
        X, Y, layers_dims, learning_rate, num_iterations, print_cost, scale, seed: as in
            the NumPy ``L_layer_model``.
        parameters: start from these instead (not modified).
        progress: optional callable receiving the finished fraction (about 20 calls).

    Returns:
        (parameters in the course's dict, costs every 100 iterations).

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 5.
    """
    if parameters is None:  # the same start as the NumPy model
        parameters = dn.initialize_parameters_deep(layers_dims, scale=scale, seed=seed)
    return _fit(X, Y, parameters, learning_rate, num_iterations, print_cost, progress)


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
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID with ``model.fit`` from the NumPy start.

    Args:
        X, Y, layers_dims (n_x, n_h, n_y), learning_rate, num_iterations, print_cost, seed,
            progress: as in the NumPy ``two_layer_model``.

    Returns:
        (parameters {"W1", "b1", "W2", "b2"}, costs every 100 iterations).

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 5.
    """
    parameters = dn.initialize_parameters(*layers_dims, seed=seed)  # the NumPy start
    return _fit(X, Y, parameters, learning_rate, num_iterations, print_cost, progress)


def predict(X, y, parameters) -> np.ndarray:
    """Labels 1.0 where the Keras model's yhat > 0.5, else 0.0.

    Args:
        X: (n_x, m). y: (1, m) labels (unused; kept for the course's signature).
        parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        (1, m) float array of 0.0 / 1.0.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 5.
    """
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(np.float64)
