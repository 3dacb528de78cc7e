"""Keras twin of transfer.py: drop the output layer, add a new Dense head, freeze with trainable.

In Keras the three steps of transfer learning are

    base = build_deep_model(parameters)                      # the network trained on task A
    model = keras.Sequential([keras.Input((n_x,)), *base.layers[:-1],
                              keras.layers.Dense(1, activation="sigmoid")])  # new head
    for layer in model.layers[:frozen_layers]:
        layer.trainable = False                              # frozen: never updated

and then ``model.compile(...)`` / ``model.fit(...)`` train only the layers left trainable.
(Set ``trainable`` before ``compile``: Keras reads it when it builds the train step.)

Same function names and inputs as the NumPy reference, with parameters in the course's
dict {"W1", "b1", ..., "WL", "bL"}: the twins build the Keras layers from the NumPy
weights and read the result back, so the two sides can be compared number by number.
The new head is drawn by the NumPy ``replace_output_layer`` (same seed, same weights).

Known differences: Keras computes in float32 (the reference in float64); Keras's
``binary_crossentropy`` clips yhat to [1e-7, 1 - 1e-7] when it is handed probabilities.
Both sides take relu'(0) = 0.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c1_neural_networks.deep_network_tf import build_deep_model, model_parameters
from course_lib.c3_structuring_ml import transfer as tr
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_binary_labels, require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = ["transfer_model", "replace_output_layer", "fine_tune", "fit_full_batch"]


def transfer_model(
    parameters: Mapping, frozen_layers: int, n_out: int = 1, seed: int = 0
) -> keras.Model:
    """Task A's network with its output layer replaced by a new Dense head, bottom frozen.

    Args:
        parameters: task A's network {"W1", "b1", ..., "WL", "bL"}.
        frozen_layers: 0 .. L-1; layers 1..frozen_layers get ``trainable = False``.
        n_out: units of the new sigmoid head. seed: seed of the head's weights.

    Returns:
        a ``keras.Sequential`` mapping rows (m, n_x) to (m, n_out).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    start = tr.replace_output_layer(parameters, n_out, seed)  # the same head as NumPy's
    L = tr.num_layers(start)
    if not 0 <= frozen_layers <= L - 1:
        raise ValueError(
            f"frozen_layers must be between 0 and L - 1 = {L - 1}; got {frozen_layers}."
        )
    base = build_deep_model(parameters)
    head = keras.layers.Dense(int(n_out), activation="sigmoid", name="new_head")
    model = keras.Sequential([keras.Input(shape=(start["W1"].shape[1],)), *base.layers[:-1], head])
    head.set_weights(
        [start[f"W{L}"].T.astype(np.float32), start[f"b{L}"].ravel().astype(np.float32)]
    )
    for layer in model.layers[:frozen_layers]:
        layer.trainable = False
    return model


def replace_output_layer(parameters: Mapping, n_out: int = 1, seed: int = 0):
    """The new network's parameters after ``transfer_model`` swapped the head.

    Args:
        parameters: {"W1", "b1", ..., "WL", "bL"}. n_out: units of the new head. seed: its seed.

    Returns:
        {"W1", ..., "bL"} read back from the Keras model (float64, course shapes).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    return model_parameters(transfer_model(parameters, 0, n_out, seed))


def fit_full_batch(
    model: keras.Model,
    X_rows,
    Y_rows,
    loss,
    num_iterations: int,
    learning_rate: float,
    progress: Callable[[float], None] | None = None,
) -> keras.Model:
    """Batch gradient descent with ``model.fit``: one full batch per step, plain SGD.

    Args:
        model: the Keras model (its trainable flags are respected).
        X_rows: (m, n_x) inputs. Y_rows: (m, n_y) targets. loss: a Keras loss.
        num_iterations: gradient steps. learning_rate: alpha.
        progress: optional callable receiving the finished fraction.

    Returns:
        the same model, trained.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    if int(num_iterations) != num_iterations or num_iterations < 0:
        raise ValueError(f"num_iterations must be a non-negative integer; got {num_iterations!r}.")
    num_iterations = int(num_iterations)
    data = tf.data.Dataset.from_tensors(
        (tf.constant(X_rows, tf.float32), tf.constant(Y_rows, tf.float32))
    ).repeat()
    block = min(100, max(num_iterations, 1))
    blocks, rest = divmod(num_iterations, block)
    done = 0
    # One Keras "epoch" = `block` steps, run inside one compiled call (steps_per_execution);
    # plain SGD has no state, so compiling again for a shorter last block is safe.
    for steps, epochs in ((block, blocks), (rest, 1 if rest else 0)):
        if epochs == 0:
            continue
        model.compile(
            optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
            loss=loss,
            steps_per_execution=steps,
        )
        for _ in range(epochs):
            model.fit(data, epochs=1, steps_per_epoch=steps, shuffle=False, verbose=0)
            done += steps
            if progress is not None:
                progress(done / num_iterations)
    return model


def fine_tune(
    X,
    Y,
    parameters: Mapping,
    frozen_layers: int,
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train the layers above ``frozen_layers`` with Keras (``layer.trainable = False`` below).

    Args:
        X: (n_x, m). Y: (1, m) labels 0/1. parameters: the start, e.g. the output of
            ``transfer.replace_output_layer`` (not modified).
        frozen_layers: 0 .. L-1, as in the NumPy ``fine_tune``.
        num_iterations, learning_rate: batch gradient descent budget.
        progress: optional callable receiving the finished fraction.

    Returns:
        the trained parameters {"W1", ..., "bL"} in the course's shapes (float64).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 10.
    """
    L = tr.num_layers(parameters)
    if not 0 <= frozen_layers <= L - 1:
        raise ValueError(
            f"frozen_layers must be between 0 and L - 1 = {L - 1}; got {frozen_layers}."
        )
    X = require_shape("X", X, (parameters["W1"].shape[1], None), "(n_x, m)")
    Y = require_shape("Y", Y, (parameters[f"W{L}"].shape[0], X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    model = build_deep_model(parameters)
    for layer in model.layers[:frozen_layers]:
        layer.trainable = False
    fit_full_batch(model, X.T, Y.T, "binary_crossentropy", num_iterations, learning_rate, progress)
    return model_parameters(model)
