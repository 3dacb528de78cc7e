"""TensorFlow basics: variables, GradientTape, optimisers, and fit vs a custom training loop.

This module is TensorFlow by nature, so it is its own twin (there is no NumPy version to
compare with; softmax.py is the NumPy side of the same lesson). It follows Keras 3:
optimisers have no ``minimize`` any more, so every update is written as

    with tf.GradientTape() as tape:      # note: `as tape:`, not `as tape():`
        cost = forward(...)              # the only code a learner writes
    grads = tape.gradient(cost, variables)
    optimizer.apply_gradients(zip(grads, variables))

TensorFlow records the operations of the forward pass on the tape and differentiates
them itself (automatic differentiation): no backward pass is written by hand.

Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, sections 9-10.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.c2_improving_dnns import softmax as reference
from course_lib.c2_improving_dnns import softmax_tf
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "quadratic_cost",
    "minimize_quadratic",
    "one_hot_matrix",
    "compute_total_loss",
    "train_with_fit",
    "train_with_gradient_tape",
]


def quadratic_cost(w, coefficients) -> tf.Tensor:
    """J(w) = x[0] w^2 + x[1] w + x[2], the lecture's cost with its coefficients as data.

    Args:
        w: a scalar tf.Variable (or number). coefficients: x, shape (3,).

    Returns:
        J as a scalar tensor; with x = [1, -10, 25] it is (w - 5)^2.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 9.
    """
    x = tf.constant(np.asarray(coefficients, dtype=np.float32))
    return x[0] * w**2 + x[1] * w + x[2]


def minimize_quadratic(
    coefficients=(1.0, -10.0, 25.0), learning_rate: float = 0.1, num_steps: int = 1000
) -> tuple[float, np.ndarray]:
    """Minimise J(w) = x[0] w^2 + x[1] w + x[2] from w = 0 with Adam and a GradientTape.

    Args:
        coefficients: x of shape (3,) (a NumPy array in the course's second form);
            x[0] > 0 for a minimum to exist.
        learning_rate: Adam's alpha. num_steps: number of updates.

    Returns:
        (w after the last step, history of w: shape (num_steps + 1,), history[0] = 0).
        The exact minimum is w* = -x[1] / (2 x[0]) (5 for the lecture's cost).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 9.
    """
    x = require_shape("coefficients", np.asarray(coefficients, dtype=np.float64), (3,), "(3,)")
    if int(num_steps) != num_steps or num_steps < 0:
        raise ValueError(f"num_steps must be a non-negative integer; got {num_steps!r}.")
    w = tf.Variable(0.0, dtype=tf.float32)
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)

    @tf.function  # one compiled step: 1000 eager steps would cost ~100x more
    def step():
        with tf.GradientTape() as tape:
            cost = quadratic_cost(w, x)
        grads = tape.gradient(cost, [w])
        optimizer.apply_gradients(zip(grads, [w]))
        return w.read_value()

    history = [0.0] + [float(step()) for _ in range(int(num_steps))]
    return float(w.numpy()), np.asarray(history)


def one_hot_matrix(label, C: int = 6) -> tf.Tensor:
    """The course's one-hot of a single label: a (C,) tensor with a 1 at position ``label``.

    Args:
        label: an integer (tensor) in 0..C-1. C: number of classes.

    Returns:
        tf.Tensor of shape (C,), float32.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 10.
    """
    return tf.reshape(tf.one_hot(label, C, axis=0), (C,))


def compute_total_loss(logits, labels) -> tf.Tensor:
    """The SUM over the m examples of the categorical cross-entropy, from logits.

    The course's assignment sums (rather than averages) so that mini-batches of different
    sizes can be added up and divided by m once per epoch.

    Args:
        logits: (C, m) outputs of the last LINEAR layer (no softmax applied).
        labels: (C, m) one-hot labels.

    Returns:
        A scalar tensor; equals m * softmax.softmax_cost_from_logits(logits, labels).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 10.
    """
    logits = tf.convert_to_tensor(logits, dtype=tf.float32)
    labels = tf.convert_to_tensor(labels, dtype=tf.float32)
    if logits.shape.rank != 2 or labels.shape != logits.shape:
        raise ValueError(
            f"logits and labels must both have shape (C, m); got {tuple(logits.shape)} and "
            f"{tuple(labels.shape)}."
        )
    per_example = keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits), from_logits=True
    )  # Keras expects examples as rows: (m, C)
    return tf.reduce_sum(per_example)


def _start(X, Y, layers_dims, seed):
    X = require_shape("X", X, (None, None), "(n_x, m)")
    Y = require_shape("Y", Y, (None, X.shape[1]), "(C, m)")
    np.random.seed(seed)  # noqa: NPY002 - same start for both trainers
    parameters = reference.initialize_parameters(layers_dims, scale="he")
    net = softmax_tf.build_softmax_model(parameters)
    return net, X.T.astype(np.float32), Y.T.astype(np.float32)


def _batch_size(batch_size, m):
    return m if batch_size is None else int(batch_size)


def train_with_fit(
    X,
    Y,
    layers_dims: Sequence[int],
    learning_rate: float = 0.01,
    epochs: int = 200,
    batch_size: int | None = None,
    seed: int = 1,
) -> tuple[dict[str, np.ndarray], dict[str, list[float]]]:
    """Train a softmax network with Keras's ``compile`` + ``fit`` (Adam, categorical CE).

    Args:
        X: (n_x, m). Y: (C, m) one-hot. layers_dims: [n_x, ..., C].
        learning_rate: Adam's alpha. epochs: passes over the data.
        batch_size: None for full batches (then ``fit`` and the custom loop make exactly
            the same updates); mini-batches are not shuffled, for the same reason.
        seed: seed of the NumPy initialisation (He), shared with the custom loop.

    Returns:
        (parameters {"W1", "b1", ...}, history {"loss": per epoch, "accuracy": per epoch}).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 10.
    """
    net, X_rows, Y_rows = _start(X, Y, layers_dims, seed)
    net.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss=keras.losses.CategoricalCrossentropy(),
        metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
    )
    fitted = net.fit(
        X_rows,
        Y_rows,
        epochs=int(epochs),
        batch_size=_batch_size(batch_size, X_rows.shape[0]),
        shuffle=False,
        verbose=0,
    )
    history = {k: [float(v) for v in fitted.history[k]] for k in ("loss", "accuracy")}
    return softmax_tf.model_parameters(net), history


def train_with_gradient_tape(
    X,
    Y,
    layers_dims: Sequence[int],
    learning_rate: float = 0.01,
    epochs: int = 200,
    batch_size: int | None = None,
    seed: int = 1,
) -> tuple[dict[str, np.ndarray], dict[str, list[float]]]:
    """The same training as ``train_with_fit``, written as a custom GradientTape loop.

    Only the forward pass and the cost are written; ``tape.gradient`` does backprop.

    Args:
        X, Y, layers_dims, learning_rate, epochs, batch_size, seed: as in ``train_with_fit``.

    Returns:
        (parameters, history {"loss", "accuracy"}), the loss and accuracy of each epoch
        being the example-weighted mean over its batches, as ``fit`` reports them.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 10.
    """
    net, X_rows, Y_rows = _start(X, Y, layers_dims, seed)
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    loss_fn = keras.losses.CategoricalCrossentropy()
    m = X_rows.shape[0]
    size = _batch_size(batch_size, m)
    batches = [
        (tf.constant(X_rows[i : i + size]), tf.constant(Y_rows[i : i + size]))
        for i in range(0, m, size)
    ]

    @tf.function
    def step(X_t, Y_t):
        with tf.GradientTape() as tape:
            Yhat = net(X_t, training=True)
            cost = loss_fn(Y_t, Yhat)  # the forward cost: all we write
        grads = tape.gradient(cost, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        correct = tf.reduce_sum(
            tf.cast(tf.argmax(Yhat, axis=1) == tf.argmax(Y_t, axis=1), tf.float32)
        )
        return cost, correct

    history: dict[str, list[float]] = {"loss": [], "accuracy": []}
    for _ in range(int(epochs)):
        total_cost = total_correct = 0.0
        for X_t, Y_t in batches:
            cost, correct = step(X_t, Y_t)
            total_cost += float(cost) * int(X_t.shape[0])
            total_correct += float(correct)
        history["loss"].append(total_cost / m)
        history["accuracy"].append(total_correct / m)
    return softmax_tf.model_parameters(net), history
