"""Keras twin of softmax.py: tf.nn.softmax, Keras's categorical cross-entropy and Dense layers.

Same names and inputs as the NumPy reference (arrays in the course's shapes: logits and
probabilities (C, m), one-hot labels (C, m), X (n_x, m)); Keras keeps examples in rows, so
the twin transposes on the way in and back on the way out.

Known differences (all below 1e-5 on ordinary inputs):
- Keras computes in float32; the NumPy reference in float64.
- ``CategoricalCrossentropy(from_logits=False)`` first rescales each row of yhat to sum to
  1 and clips it to [1e-7, 1 - 1e-7], so a confidently wrong prediction costs at most
  -log(1e-7) ~ 16.1 per example (NumPy: up to ~708). With ``from_logits=True`` Keras uses
  log-softmax and has no such cap, like ``softmax_cost_from_logits``.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.c2_improving_dnns import softmax as reference
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "softmax",
    "softmax_cost",
    "softmax_cost_from_logits",
    "softmax_backward",
    "logit_gradient",
    "build_softmax_model",
    "model_parameters",
    "forward_propagation",
    "compute_gradients",
    "model",
    "predict",
]


def _f32(array) -> tf.Tensor:
    return tf.constant(np.asarray(array, dtype=np.float32))


def softmax(Z) -> np.ndarray:
    """``tf.nn.softmax`` over the class axis 0 of (C, m) logits (twin of softmax.softmax).

    Args:
        Z: (C, m) logits (or a (C,) vector).

    Returns:
        Same shape, float32, columns summing to 1.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    return tf.nn.softmax(_f32(Z), axis=0).numpy()


def softmax_cost(AL, Y) -> float:
    """Categorical cross-entropy of probabilities with ``keras.losses.CategoricalCrossentropy``.

    Args:
        AL: (C, m) probabilities. Y: (C, m) one-hot labels.

    Returns:
        J (mean over the m examples) as a Python float; yhat is clipped to [1e-7, 1 - 1e-7].

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    AL = require_shape("AL", AL, (None, None), "(C, m)")
    Y = require_shape("Y", Y, AL.shape, "(C, m)")
    loss = keras.losses.CategoricalCrossentropy(from_logits=False)
    return float(loss(_f32(Y.T), _f32(AL.T)))  # Keras wants (m, C)


def softmax_cost_from_logits(ZL, Y) -> float:
    """The same cost from logits: ``CategoricalCrossentropy(from_logits=True)``.

    Args:
        ZL: (C, m) logits. Y: (C, m) one-hot labels.

    Returns:
        J as a Python float (no clipping: Keras uses log-softmax).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    ZL = require_shape("ZL", ZL, (None, None), "(C, m)")
    Y = require_shape("Y", Y, ZL.shape, "(C, m)")
    loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    return float(loss(_f32(Y.T), _f32(ZL.T)))


def logit_gradient(ZL, Y) -> tuple[float, np.ndarray]:
    """dJ/dZ by automatic differentiation: the tape sees only the forward cost.

    Args:
        ZL: (C, m) logits. Y: (C, m) one-hot labels.

    Returns:
        (J, dJ/dZ of shape (C, m)); dJ/dZ equals (softmax(ZL) - Y) / m.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    ZL = require_shape("ZL", ZL, (None, None), "(C, m)")
    Y = require_shape("Y", Y, ZL.shape, "(C, m)")
    Z = tf.Variable(np.asarray(ZL, dtype=np.float32).T)
    loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    with tf.GradientTape() as tape:
        cost = loss(_f32(Y.T), Z)
    return float(cost), tape.gradient(cost, Z).numpy().T


def softmax_backward(AL, Y) -> np.ndarray:
    """dZ^[L] per example (no 1/m), obtained from the tape rather than from the formula.

    The probabilities determine the logits up to a constant per column, which softmax
    ignores, so Z = log(AL) is a valid choice; the tape's dJ/dZ times m is then Yhat - Y.

    Args:
        AL: (C, m) probabilities (all > 0). Y: (C, m) one-hot labels.

    Returns:
        dZ of shape (C, m), float32.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    AL = require_shape("AL", AL, (None, None), "(C, m)")
    _, dZ = logit_gradient(np.log(AL), Y)
    return dZ * AL.shape[1]


def build_softmax_model(parameters) -> keras.Model:
    """A Keras Sequential of Dense layers (ReLU hidden, softmax output) holding the parameters.

    Args:
        parameters: {"W1": (n^[1], n_x), "b1": (n^[1], 1), ..., "WL": (C, n^[L-1]), "bL"}.

    Returns:
        The model, kernel^[l] = W^[l].T and bias^[l] = b^[l].ravel(); rows (m, n_x) -> (m, C).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    L = len([k for k in parameters if k.startswith("W")])
    W1 = require_shape("W1", parameters["W1"], (None, None), "(n[1], n_x)")
    layers: list = [keras.Input(shape=(W1.shape[1],))]
    for l in range(1, L + 1):
        W = require_shape(f"W{l}", parameters[f"W{l}"], (None, None), f"(n[{l}], n[{l - 1}])")
        layers.append(keras.layers.Dense(W.shape[0], activation="softmax" if l == L else "relu"))
    net = keras.Sequential(layers)
    for l, layer in enumerate(net.layers, start=1):
        W = np.asarray(parameters[f"W{l}"])
        b = require_shape(f"b{l}", parameters[f"b{l}"], (W.shape[0], 1), f"(n[{l}], 1)")
        layer.set_weights([W.T.astype(np.float32), b.ravel().astype(np.float32)])
    return net


def model_parameters(net: keras.Model) -> dict[str, np.ndarray]:
    """Read a Dense stack back into the course's dict (W = kernel.T, b as a column, float64).

    Args:
        net: from ``build_softmax_model``.

    Returns:
        {"W1": (n^[1], n_x), "b1": (n^[1], 1), ...}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    parameters = {}
    for l, layer in enumerate(net.layers, start=1):
        kernel, bias = layer.get_weights()
        parameters[f"W{l}"] = kernel.T.astype(np.float64)
        parameters[f"b{l}"] = bias.reshape(-1, 1).astype(np.float64)
    return parameters


def forward_propagation(X, parameters) -> tuple[np.ndarray, None]:
    """Yhat = the Keras model's output, as (C, m) (twin of softmax.forward_propagation).

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ...}.

    Returns:
        AL (C, m) float32 and None in place of the caches (Keras keeps its own).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    net = build_softmax_model(parameters)
    X = require_shape("X", X, (net.input_shape[1], None), "(n_x, m)")
    return net(_f32(X.T)).numpy().T, None


def _cost_and_grads(net, X_rows, Y_rows):
    with tf.GradientTape() as tape:
        cost = keras.losses.CategoricalCrossentropy()(Y_rows, net(X_rows))
    return cost, tape.gradient(cost, net.trainable_variables)


def _as_course_grads(grads) -> dict[str, np.ndarray]:
    out = {}
    for i in range(0, len(grads), 2):
        l = i // 2 + 1
        out[f"dW{l}"] = grads[i].numpy().T.astype(np.float64)
        out[f"db{l}"] = grads[i + 1].numpy().reshape(-1, 1).astype(np.float64)
    return out


def compute_gradients(X, Y, parameters) -> tuple[dict[str, np.ndarray], float]:
    """Cost and gradients of every parameter through ``tf.GradientTape``.

    Args:
        X: (n_x, m). Y: (C, m) one-hot. parameters: {"W1", "b1", ...}.

    Returns:
        (grads {"dW1", "db1", ...} in the course's shapes, cost J).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    net = build_softmax_model(parameters)
    X = require_shape("X", X, (net.input_shape[1], None), "(n_x, m)")
    Y = require_shape("Y", Y, (None, X.shape[1]), "(C, m)")
    cost, grads = _cost_and_grads(net, _f32(X.T), _f32(Y.T))
    return _as_course_grads(grads), float(cost)


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
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Batch gradient descent with ``keras.optimizers.SGD`` from the same NumPy start.

    The initial parameters are drawn by the NumPy ``initialize_parameters`` (same seed, same
    numbers), so after the same number of epochs both models agree up to float32 rounding.

    Args:
        X, Y, layers_dims, learning_rate, num_epochs, print_cost, scale, seed, parameters:
            as in softmax.model.

    Returns:
        (parameters as NumPy arrays, costs every 100 epochs).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    Y = require_shape("Y", Y, (None, X.shape[1]), "(C, m)")
    if parameters is None:
        dims = list(layers_dims) if layers_dims is not None else [X.shape[0], Y.shape[0]]
        if seed is not None:
            np.random.seed(seed)  # noqa: NPY002 - the course seeds the global generator
        parameters = reference.initialize_parameters(dims, scale=scale)
    net = build_softmax_model(parameters)
    X_rows, Y_rows = _f32(X.T), _f32(Y.T)
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)

    @tf.function
    def step():
        cost, grads = _cost_and_grads(net, X_rows, Y_rows)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return cost

    costs: list[float] = []
    for epoch in range(int(num_epochs)):
        cost = step()
        if epoch % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after epoch {epoch}: {float(cost):f}")
    return model_parameters(net), costs


def predict(X, parameters) -> np.ndarray:
    """The most probable class of every example, from the Keras model.

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ...}.

    Returns:
        (1, m) integer labels.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 8.
    """
    AL, _ = forward_propagation(X, parameters)
    return np.argmax(AL, axis=0).reshape(1, -1)
