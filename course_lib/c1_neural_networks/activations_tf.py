"""Keras twin of activations.py: the same functions from ``keras.activations``, and their
derivatives by automatic differentiation (``tf.GradientTape``) instead of by formula.

Same names and inputs as the NumPy reference (NumPy arrays of any shape); the outputs come
back as float32 NumPy arrays of the same shape.

Known differences from the course's conventions (all documented in the functions):
- ``keras.activations.leaky_relu`` has ``negative_slope=0.2`` by default; the course uses
  0.01, so this twin always passes the slope explicitly (default 0.01).
- At exactly z = 0 both sides take the left slope: TensorFlow's ReLU gradient is 0 there
  and its leaky ReLU gradient is the slope, the same convention as the NumPy reference
  (and the course's ``relu_backward``), so the derivatives agree everywhere.
- float32 throughout (the reference computes in float64).

Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
"""

from __future__ import annotations

import numpy as np

from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "LEAK",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "linear",
    "sigmoid_derivative",
    "tanh_derivative",
    "relu_derivative",
    "leaky_relu_derivative",
    "linear_derivative",
    "activation_forward",
    "activation_backward",
]

LEAK = 0.01  # the course's slope; Keras's own default would be 0.2


def _keras_function(name: str, slope: float = LEAK):
    if name == "leaky_relu":
        return lambda z: keras.activations.leaky_relu(z, negative_slope=slope)
    functions = {
        "sigmoid": keras.activations.sigmoid,
        "tanh": keras.activations.tanh,
        "relu": keras.activations.relu,
        "linear": keras.activations.linear,
    }
    try:
        return functions[name]
    except KeyError:
        raise ValueError(
            f"activation must be one of {sorted([*functions, 'leaky_relu'])}; got {name!r}."
        ) from None


def _tensor(z) -> tf.Tensor:
    return tf.constant(np.asarray(z, dtype=np.float32))


def _value(name: str, z, slope: float = LEAK) -> np.ndarray:
    return _keras_function(name, slope)(_tensor(z)).numpy()


def _derivative(name: str, z, slope: float = LEAK) -> np.ndarray:
    # g is elementwise, so the gradient of sum(g(z)) is g'(z) entry by entry.
    z = tf.Variable(_tensor(z))
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(_keras_function(name, slope)(z))
    return tape.gradient(total, z).numpy()


def sigmoid(z) -> np.ndarray:
    """``keras.activations.sigmoid``: 1 / (1 + e^(-z)).

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value("sigmoid", z)


def tanh(z) -> np.ndarray:
    """``keras.activations.tanh``.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value("tanh", z)


def relu(z) -> np.ndarray:
    """``keras.activations.relu``: max(0, z).

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value("relu", z)


def leaky_relu(z, slope: float = LEAK) -> np.ndarray:
    """``keras.activations.leaky_relu`` with ``negative_slope=slope``: max(slope z, z).

    Keras's default negative slope is 0.2; the course's is 0.01, which is passed here.

    Args:
        z: scalar or array of any shape.
        slope: the gradient for z < 0.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value("leaky_relu", z, slope)


def linear(z) -> np.ndarray:
    """``keras.activations.linear``: the identity.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value("linear", z)


def sigmoid_derivative(z) -> np.ndarray:
    """sigma'(z) by ``tf.GradientTape`` through ``keras.activations.sigmoid``.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _derivative("sigmoid", z)


def tanh_derivative(z) -> np.ndarray:
    """tanh'(z) by ``tf.GradientTape`` through ``keras.activations.tanh``.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _derivative("tanh", z)


def relu_derivative(z) -> np.ndarray:
    """ReLU'(z) by ``tf.GradientTape``: 1 for z > 0, 0 for z <= 0.

    TensorFlow returns 0 at exactly z = 0, as the NumPy reference and the course do.

    Args:
        z: scalar or array of any shape.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _derivative("relu", z)


def leaky_relu_derivative(z, slope: float = LEAK) -> np.ndarray:
    """Leaky ReLU'(z) by ``tf.GradientTape``: 1 for z > 0, slope for z <= 0.

    TensorFlow returns the slope at exactly z = 0, as the NumPy reference does.

    Args:
        z: scalar or array of any shape.
        slope: the gradient for z < 0.

    Returns:
        Same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _derivative("leaky_relu", z, slope)


def linear_derivative(z) -> np.ndarray:
    """The identity's derivative, 1 everywhere, by ``tf.GradientTape``.

    Args:
        z: scalar or array of any shape.

    Returns:
        Ones of the same shape, float32.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _derivative("linear", z)


def activation_forward(Z, activation: str) -> tuple[np.ndarray, np.ndarray]:
    """A = g(Z) with the named Keras activation; Z is returned as the cache, as in NumPy.

    Args:
        Z: (n[l], m) pre-activations.
        activation: "sigmoid", "tanh", "relu", "leaky_relu" (slope 0.01) or "linear".

    Returns:
        A of shape (n[l], m), float32, and cache = Z (as given).

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    return _value(activation, Z), np.asarray(Z)


def activation_backward(dA, cache, activation: str) -> np.ndarray:
    """dZ = dA * g'(Z) by ``tf.GradientTape`` (the tape's ``output_gradients`` is dA).

    Args:
        dA: (n[l], m) gradient of the cost with respect to A.
        cache: Z from ``activation_forward``, shape (n[l], m).
        activation: the name used in the forward pass.

    Returns:
        dZ of shape (n[l], m), float32 (at z = 0 the left slope, as the derivatives above).

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 9.
    """
    dA = np.asarray(dA)
    if dA.shape != np.shape(cache):
        raise ValueError(
            f"dA must have the shape of Z, (n[l], m) = {np.shape(cache)}; got {dA.shape}."
        )
    Z = tf.Variable(_tensor(cache))
    with tf.GradientTape() as tape:
        A = _keras_function(activation)(Z)
    return tape.gradient(A, Z, output_gradients=_tensor(dA)).numpy()
