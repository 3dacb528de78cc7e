"""Keras twins of the convolution and pooling layers (course_lib/c4_convnets/convolution.py).

Same names, same inputs (NumPy arrays, ``hparameters`` dicts) and the same outputs as the
NumPy reference, computed by Keras layers built from the same weights:

- ``conv_forward``: ``ZeroPadding2D(p)`` then ``Conv2D(n_C, f, strides=s, padding="valid")``
  holding W and b. Keras's kernel layout is the course's (f, f, n_C_prev, n_C); its bias is
  (n_C,) where the course keeps (1, 1, 1, n_C). Keras's own ``padding="same"`` may pad one
  more zero at the bottom/right than at the top/left when f is even or s > 1, so the twin
  pads explicitly, exactly as the course does.
- ``pool_forward``: ``MaxPool2D`` / ``AveragePooling2D(pool_size=f, strides=s, padding="valid")``.
- The backward twins differentiate the same layers with ``tf.GradientTape``: the gradient of
  sum(Z * dZ) with respect to the input, the kernel and the bias is (dA_prev, dW, db).
  At a tie inside a max-pooling window TensorFlow sends the gradient to one maximum while
  the course's mask (x == max) sends it to every maximum; with continuous random inputs
  ties do not occur, and the parity tests use such inputs.
- Layers run in float32 unless ``dtype="float64"`` is passed, so parity holds to ~1e-5
  (float32) or ~1e-12 (float64).

Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import convolution as conv
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, its backend)

__all__ = [
    "conv_layers",
    "pool_layer",
    "conv_forward",
    "conv_backward",
    "layer_gradients",
    "pool_forward",
    "pool_backward",
]


def conv_layers(W, b, hparameters, dtype: str = "float32") -> keras.Sequential:
    """ZeroPadding2D(p) + Conv2D holding filters W (f, f, n_C_prev, n_C), biases b (1, 1, 1, n_C).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    W = require_shape("W", W, (None, None, None, None), "(f, f, n_C_prev, n_C)", finite=True)
    f, _, n_C_prev, n_C = W.shape
    b = require_shape("b", b, (1, 1, 1, n_C), "(1, 1, 1, n_C)", finite=True)
    stride, pad = conv._conv_hparameters(hparameters)
    layer = keras.layers.Conv2D(n_C, f, strides=stride, padding="valid", dtype=dtype)
    model = keras.Sequential(
        [keras.layers.ZeroPadding2D(pad, dtype=dtype), layer], name="conv_twin"
    )
    model.build((None, None, None, n_C_prev))
    layer.set_weights([W.astype(dtype), b.reshape(n_C).astype(dtype)])
    return model


def pool_layer(hparameters, mode: str = "max", dtype: str = "float32") -> keras.layers.Layer:
    """MaxPool2D or AveragePooling2D with the course's {"f": f, "stride": s}, no padding.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    if mode not in conv.POOL_MODES:
        raise ValueError(f'mode must be "max" or "average"; got {mode!r}.')
    f, stride = conv._pool_hparameters(hparameters)
    kind = keras.layers.MaxPool2D if mode == "max" else keras.layers.AveragePooling2D
    return kind(pool_size=f, strides=stride, padding="valid", dtype=dtype)


def conv_forward(A_prev, W, b, hparameters, dtype: str = "float32"):
    """Keras twin of ``conv_forward``: Z (m, n_H, n_W, n_C) and the same cache.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    A_prev, W, b, *_ = conv._conv_inputs(A_prev, W, b, hparameters)
    model = conv_layers(W, b, hparameters, dtype)
    Z = model(tf.constant(A_prev, dtype=dtype))
    return np.asarray(Z), (A_prev, W, b, hparameters)


def conv_backward(dZ, cache, dtype: str = "float32"):
    """Keras twin of ``conv_backward``: (dA_prev, dW, db) from tf.GradientTape.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    A_prev, W, b, _, _, n_H, n_W = conv._conv_cache(cache)
    m, n_C = A_prev.shape[0], W.shape[3]
    dZ = conv._check_dout("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    model = conv_layers(W, b, cache[3], dtype)
    dA_prev, dW, db = layer_gradients(model, A_prev, dZ, dtype)
    return dA_prev, dW, db.reshape(1, 1, 1, n_C)


def layer_gradients(model, A_prev, dZ, dtype: str):
    """(dA_prev, dW, db) of a model ending in one conv layer, given dZ = dJ/dZ, from a tape.

    Args:
        model: a Keras model whose last layer holds the (kernel, bias) to differentiate.
        A_prev: the model's input; dZ: the gradient of the cost with respect to its output.

    Returns:
        NumPy arrays dA_prev (A_prev's shape), dW (the kernel's shape), db (n_C,).
    """
    A = tf.constant(A_prev, dtype=dtype)
    kernel, bias = model.layers[-1].trainable_variables
    with tf.GradientTape() as tape:
        tape.watch(A)
        Z = model(A)
    grads = tape.gradient(Z, [A, kernel, bias], output_gradients=tf.constant(dZ, dtype))
    return tuple(np.asarray(g) for g in grads)


def pool_forward(A_prev, hparameters, mode: str = "max", dtype: str = "float32"):
    """Keras twin of ``pool_forward``: A (m, n_H, n_W, n_C) and the same cache.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    A_prev, *_ = conv._pool_inputs(A_prev, hparameters, mode)
    A = pool_layer(hparameters, mode, dtype)(tf.constant(A_prev, dtype=dtype))
    return np.asarray(A), (A_prev, hparameters)


def pool_backward(dA, cache, mode: str = "max", dtype: str = "float32"):
    """Keras twin of ``pool_backward``: dA_prev (m, n_H_prev, n_W_prev, n_C) from tf.GradientTape.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 5.
    """
    A_prev, _, _, n_H, n_W = conv._pool_cache(cache, mode)
    m, n_C = A_prev.shape[0], A_prev.shape[3]
    dA = conv._check_dout("dA", dA, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    A = tf.constant(A_prev, dtype=dtype)
    layer = pool_layer(cache[1], mode, dtype)
    with tf.GradientTape() as tape:
        tape.watch(A)
        out = layer(A)
    return np.asarray(tape.gradient(out, A, output_gradients=tf.constant(dA, dtype)))
