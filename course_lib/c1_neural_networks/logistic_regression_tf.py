"""Keras twin of logistic_regression.py: a one-unit sigmoid Dense layer.

Same names, same inputs (NumPy arrays in the course's shapes, X is (n_x, m)) and
comparable outputs as the NumPy reference, so the parity tests can hold them together.
Keras keeps examples in rows, so the twin feeds it ``X.T`` and turns outputs back to (1, m).

Known differences, all below 1e-5 on ordinary inputs:
- Keras computes in float32; the NumPy reference in float64.
- ``keras.losses.binary_crossentropy`` clips yhat to [1e-7, 1 - 1e-7] before the log, so
  a prediction that is confidently wrong costs at most -log(1e-7) ~ 16.1 per example.
- ``keras.optimizers.SGD`` without momentum is exactly w := w - alpha dw.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
"""

from __future__ import annotations

import numpy as np

from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "build_logistic_model",
    "sigmoid",
    "logistic_forward",
    "propagate",
    "optimize",
    "predict",
]


def build_logistic_model(w, b) -> keras.Model:
    """A Keras model with one sigmoid unit whose kernel is ``w`` and bias is ``b``.

    Args:
        w: (n_x, 1) weights (Keras's kernel has this very shape).
        b: scalar bias.

    Returns:
        ``keras.Sequential([Input((n_x,)), Dense(1, activation="sigmoid")])`` with the
        given weights; it maps a batch of rows (m, n_x) to probabilities (m, 1).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    w = require_shape("w", w, (None, 1), "(n_x, 1)")
    net = keras.Sequential(
        [keras.Input(shape=(w.shape[0],)), keras.layers.Dense(1, activation="sigmoid")]
    )
    net.layers[0].set_weights(
        [w.astype(np.float32), np.full((1,), float(np.squeeze(b)), dtype=np.float32)]
    )
    return net


def _rows(X, n_x: int) -> tf.Tensor:
    X = require_shape("X", X, (n_x, None), "(n_x, m)")
    return tf.constant(X.T, dtype=tf.float32)  # Keras wants examples as rows


def sigmoid(z) -> np.ndarray:
    """``tf.math.sigmoid`` on a NumPy input, returned as NumPy (twin of activations.sigmoid).

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    return tf.math.sigmoid(tf.constant(np.asarray(z), dtype=tf.float32)).numpy()


def logistic_forward(w, b, X) -> tuple[np.ndarray, None]:
    """A = sigma(w^T X + b) computed by the Dense layer.

    Args:
        w: (n_x, 1). b: scalar. X: (n_x, m).

    Returns:
        A of shape (1, m) and ``None`` in place of the NumPy cache (Keras keeps its own).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    net = build_logistic_model(w, b)
    return net(_rows(X, net.input_shape[1])).numpy().T, None


def _cost_and_grads(net: keras.Model, X_rows: tf.Tensor, Y_rows: tf.Tensor):
    with tf.GradientTape() as tape:
        A = net(X_rows)
        cost = tf.reduce_mean(keras.losses.binary_crossentropy(Y_rows, A))
    return cost, tape.gradient(cost, net.trainable_variables)


def propagate(w, b, X, Y) -> tuple[dict[str, np.ndarray | float], float]:
    """Cost and gradients by automatic differentiation (``tf.GradientTape``).

    Args:
        w: (n_x, 1). b: scalar. X: (n_x, m). Y: (1, m) labels 0/1.

    Returns:
        grads {"dw": (n_x, 1), "db": float} and the cost J, as in the NumPy ``propagate``.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    net = build_logistic_model(w, b)
    X_rows = _rows(X, net.input_shape[1])
    Y = require_shape("Y", Y, (1, X_rows.shape[0]), "(1, m)")
    cost, (dw, db) = _cost_and_grads(net, X_rows, tf.constant(Y.T, dtype=tf.float32))
    return {"dw": dw.numpy().astype(np.float64), "db": float(db.numpy()[0])}, float(cost)


def optimize(
    w, b, X, Y, num_iterations: int = 100, learning_rate: float = 0.009, print_cost: bool = False
) -> tuple[dict[str, np.ndarray | float], dict[str, np.ndarray | float], list[float]]:
    """Batch gradient descent with ``keras.optimizers.SGD`` in a compiled training step.

    Args:
        w, b, X, Y, num_iterations, learning_rate, print_cost: as in the NumPy ``optimize``.

    Returns:
        params {"w", "b"}, the last grads {"dw", "db"} and the cost every 100 iterations.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    net = build_logistic_model(w, b)
    X_rows = _rows(X, net.input_shape[1])
    Y = require_shape("Y", Y, (1, X_rows.shape[0]), "(1, m)")
    Y_rows = tf.constant(Y.T, dtype=tf.float32)
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)

    @tf.function
    def step():
        cost, grads = _cost_and_grads(net, X_rows, Y_rows)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return cost, grads

    costs: list[float] = []
    dw = db = None
    for i in range(num_iterations):
        cost, (dw, db) = step()
        if i % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {float(cost):f}")
    kernel, bias = net.layers[0].get_weights()
    params = {"w": kernel.astype(np.float64), "b": float(bias[0])}
    grads = {} if dw is None else {"dw": dw.numpy().astype(np.float64), "db": float(db.numpy()[0])}
    return params, grads, costs


def predict(w, b, X) -> np.ndarray:
    """Labels 1.0 where the Dense layer's probability exceeds 0.5, else 0.0.

    Args:
        w: (n_x, 1). b: scalar. X: (n_x, m).

    Returns:
        (1, m) float array of 0.0 / 1.0.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 9.
    """
    A, _ = logistic_forward(w, b, X)
    return (A > 0.5).astype(np.float64)
