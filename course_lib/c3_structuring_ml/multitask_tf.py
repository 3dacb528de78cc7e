"""Keras twin of multitask.py: a masked binary cross-entropy as a Keras loss.

Keras has no built-in loss that skips missing labels, so the twin writes one: the targets
carry NaN for "?", the loss builds the mask from them, and per example it sums the
binary cross-entropy over the labels that exist,

    masked_binary_crossentropy(y_true, y_pred)[i] = sum_j M_ij L(y_pred_ij, y_true_ij),

which ``compile``/``fit`` average over the batch: exactly J = (1/m) sum_i sum_j M L.
The network is Course 1's twin (``deep_network_tf.build_deep_model``): Dense ReLU layers
and a Dense(n_y, "sigmoid") output, built from the NumPy parameters.

Same function names and inputs as the NumPy reference; Keras keeps examples in rows, so
the twins feed ``Y.T`` and hand back arrays in the course's (n_y, m) layout. Known
differences: float32 instead of float64; ``keras.ops.binary_crossentropy`` clips
probabilities to [1e-7, 1 - 1e-7] (inside ``fit`` Keras sees that the output comes from
a sigmoid and uses the logits instead); ``multitask_model_backward`` takes (X, Y,
parameters) because the tape records its own forward pass, and returns only the
parameter gradients.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks.deep_network_tf import build_deep_model, model_parameters
from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml.transfer import he_parameters
from course_lib.c3_structuring_ml.transfer_tf import fit_full_batch
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "masked_binary_crossentropy",
    "multitask_cost",
    "multitask_backward",
    "multitask_model_backward",
    "train_multitask",
]


def masked_binary_crossentropy(y_true, y_pred):
    """A Keras loss: per example, the binary cross-entropy summed over the labels that exist.

    Args:
        y_true: (m, n_y) targets 0/1, NaN for a missing label. y_pred: (m, n_y) sigmoid outputs.

    Returns:
        (m,) tensor of per-example losses (Keras's ``fit`` then averages over the batch).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    y_pred = keras.ops.convert_to_tensor(y_pred)
    y_true = keras.ops.cast(y_true, y_pred.dtype)
    exists = keras.ops.logical_not(keras.ops.isnan(y_true))
    labels = keras.ops.where(exists, y_true, keras.ops.zeros_like(y_true))  # "?" -> 0 ...
    losses = keras.ops.binary_crossentropy(labels, y_pred)
    return keras.ops.sum(losses * keras.ops.cast(exists, y_pred.dtype), axis=-1)  # ... x 0


def _targets(Y, mask, shape) -> np.ndarray:
    """Y as Keras rows (m, n_y) with NaN wherever the label is missing."""
    Y, mask = mt._labels_and_mask(Y, mask, shape)
    return np.where(mask == 1, Y, np.nan).T.astype(np.float32)


def multitask_cost(AL, Y, mask=None) -> float:
    """J = (1/m) sum_i sum_j M_ji L(yhat_j^(i), y_j^(i)) by the Keras loss.

    Args:
        AL: (n_y, m) probabilities. Y: (n_y, m) labels, NaN for "?". mask: (n_y, m) or None.

    Returns:
        J as a Python float (probabilities clipped to [1e-7, 1 - 1e-7]).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    AL = require_shape("AL", AL, (None, None), "(n_y, m)")
    targets = _targets(Y, mask, AL.shape)
    losses = masked_binary_crossentropy(targets, tf.constant(AL.T, tf.float32))
    return float(keras.ops.mean(losses))


def multitask_backward(AL, Y, mask=None) -> np.ndarray:
    """The course's dZ^[L] = m * dJ/dZ^[L], by automatic differentiation of the masked loss.

    The tape starts from Z^[L] = log(AL / (1 - AL)), so AL must lie strictly in (0, 1).

    Args:
        AL: (n_y, m) probabilities in (0, 1). Y, mask: as in ``multitask_cost``.

    Returns:
        (n_y, m) dZ^[L] (float64), to compare with the NumPy M * (AL - Y).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    AL = np.asarray(require_shape("AL", AL, (None, None), "(n_y, m)"), dtype=np.float64)
    if np.any((AL <= 0) | (AL >= 1)):
        raise ValueError("AL must lie strictly between 0 and 1 to recover the logits Z^[L].")
    targets = _targets(Y, mask, AL.shape)
    Z = tf.Variable(np.log(AL / (1.0 - AL)).T.astype(np.float32))
    with tf.GradientTape() as tape:
        cost = keras.ops.mean(masked_binary_crossentropy(targets, keras.ops.sigmoid(Z)))
    return AL.shape[1] * tape.gradient(cost, Z).numpy().T.astype(np.float64)


def multitask_model_backward(X, Y, parameters: Mapping, mask=None) -> dict[str, np.ndarray]:
    """Parameter gradients of the masked cost for the Keras twin of the network.

    Args:
        X: (n_x, m). Y: (n_y, m) labels, NaN for "?". parameters: {"W1", ..., "bL"}.
        mask: (n_y, m) or None.

    Returns:
        {"dW1": (n^[1], n_x), "db1": (n^[1], 1), ..., "dWL", "dbL"} in float64.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    model = build_deep_model(parameters)
    X = require_shape("X", X, (model.input_shape[1], None), "(n_x, m)")
    targets = _targets(Y, mask, (model.output_shape[1], X.shape[1]))
    with tf.GradientTape() as tape:
        cost = keras.ops.mean(masked_binary_crossentropy(targets, model(X.T.astype(np.float32))))
    variables = [v for layer in model.layers for v in (layer.kernel, layer.bias)]
    gradients = tape.gradient(cost, variables)
    grads = {}
    for l in range(1, len(model.layers) + 1):
        grads[f"dW{l}"] = gradients[2 * l - 2].numpy().T.astype(np.float64)
        grads[f"db{l}"] = gradients[2 * l - 1].numpy().reshape(-1, 1).astype(np.float64)
    return grads


def train_multitask(
    X,
    Y,
    hidden_layers: Sequence[int] = (8,),
    num_iterations: int = 1000,
    learning_rate: float = 1.0,
    seed: int = 0,
    mask=None,
    parameters: Mapping | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train the shared network with ``model.fit`` and the masked loss, from NumPy's start.

    The start is the NumPy ``train_multitask``'s (``he_parameters`` with the same seed, or
    ``parameters``), so the two training runs can be compared step for step.

    Args:
        X, Y, hidden_layers, num_iterations, learning_rate, seed, mask, parameters: as in
            the NumPy ``train_multitask``.
        progress: optional callable receiving the finished fraction.

    Returns:
        the trained parameters {"W1", ..., "bL"} (float64, course shapes).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    Y = require_shape("Y", Y, (None, X.shape[1]), "(n_y, m)", finite=False)  # NaN = "?"
    targets = _targets(Y, mask, Y.shape)
    if parameters is None:
        parameters = he_parameters([X.shape[0], *hidden_layers, Y.shape[0]], seed)
    model = build_deep_model(parameters)
    fit_full_batch(
        model, X.T, targets, masked_binary_crossentropy, num_iterations, learning_rate, progress
    )
    return model_parameters(model)
