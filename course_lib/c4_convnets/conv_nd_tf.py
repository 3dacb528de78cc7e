"""Keras twins of the 1-D and 3-D convolutions (course_lib/c4_convnets/conv_nd.py).

Same names, same inputs (NumPy arrays and the course's ``{"stride": s, "pad": p}``) and the
same outputs as the NumPy reference, computed by Keras layers built from the same weights:

- ``conv1d_forward``: ``ZeroPadding1D(p)`` then ``Conv1D(n_C, f, strides=s, padding="valid")``
  holding W (f, n_C_prev, n_C) and b; ``conv3d_forward``: ``ZeroPadding3D(p)`` then
  ``Conv3D(n_C, f, ...)`` holding W (f, f, f, n_C_prev, n_C). Keras's kernel layout is the
  course's; its bias is (n_C,) where the course keeps (1, 1, n_C) or (1, 1, 1, 1, n_C).
  Keras's own ``padding="same"`` can put one zero more after the signal than before it
  (even f or s > 1), so the twins pad explicitly, exactly as the course does; with an odd f,
  p = (f - 1) / 2 and s = 1 it is the same as Keras's "same".
- Keras's Conv1D/Conv3D, like the course, compute a cross-correlation (no filter flip).
- The backward twins differentiate the same layers with ``tf.GradientTape``: the gradient of
  sum(Z * dZ) with respect to the input, the kernel and the bias is (dA_prev, dW, db).
- Layers run in float32 unless ``dtype="float64"`` is passed: parity holds to ~1e-5
  (float32) or ~1e-12 (float64).
- ``beat_classifier`` is the lesson's small Conv1D network for normal vs abnormal beats.

Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets.convolution_tf import layer_gradients
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, its backend)

__all__ = [
    "conv_layers",
    "conv1d_forward",
    "conv1d_backward",
    "conv3d_forward",
    "conv3d_backward",
    "beat_classifier",
]

_LAYERS = {
    1: (keras.layers.ZeroPadding1D, keras.layers.Conv1D),
    3: (keras.layers.ZeroPadding3D, keras.layers.Conv3D),
}


def conv_layers(W, b, hparameters, dtype: str = "float32") -> keras.Sequential:
    """ZeroPadding1D/3D(p) + Conv1D/Conv3D holding the filters W and the biases b.

    Args:
        W: (f, n_C_prev, n_C) for 1-D or (f, f, f, n_C_prev, n_C) for 3-D.
        b: (1, 1, n_C) or (1, 1, 1, 1, n_C).
        hparameters: {"stride": s, "pad": p}.
        dtype: "float32" or "float64".

    Returns:
        a built keras.Sequential; its last layer holds W and b.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    W = np.asarray(W)
    d = W.ndim - 2
    if d not in _LAYERS:
        raise ValueError(
            "W must have shape (f, n_C_prev, n_C) (Conv1D) or (f, f, f, n_C_prev, n_C) "
            f"(Conv3D); got shape {W.shape}."
        )
    f, n_C_prev, n_C = W.shape[0], W.shape[-2], W.shape[-1]
    probe = np.zeros((1,) + (f,) * d + (n_C_prev,))  # validates W, b and hparameters
    _, W, b, stride, pad, _ = cn._conv_inputs(probe, W, b, hparameters, d=d)
    padding, conv = _LAYERS[d]
    layer = conv(n_C, f, strides=stride, padding="valid", dtype=dtype)
    model = keras.Sequential([padding(pad, dtype=dtype), layer], name=f"conv{d}d_twin")
    model.build((None,) + (None,) * d + (n_C_prev,))
    layer.set_weights([W.astype(dtype), b.reshape(n_C).astype(dtype)])
    return model


def _forward(A_prev, W, b, hparameters, d: int, dtype: str):
    A_prev, W, b, *_ = cn._conv_inputs(A_prev, W, b, hparameters, d=d)
    Z = conv_layers(W, b, hparameters, dtype)(tf.constant(A_prev, dtype=dtype))
    return np.asarray(Z), (A_prev, W, b, hparameters)


def _backward(dZ, cache, d: int, dtype: str):
    if not isinstance(cache, tuple | list) or len(cache) != 4:
        raise ValueError(f"cache must be the (A_prev, W, b, hparameters) of conv{d}d_forward.")
    A_prev, W, b, _, _, out_shape = cn._conv_inputs(*cache, d=d)
    m, n_C = A_prev.shape[0], W.shape[-1]
    notation = "(m, " + ", ".join(cn._axis_names(d)) + ", n_C)"
    dZ = cn.require_shape("dZ", dZ, (m, *out_shape, n_C), notation)
    model = conv_layers(W, b, cache[3], dtype)
    dA_prev, dW, db = layer_gradients(model, A_prev, dZ, dtype)
    return dA_prev, dW, db.reshape(b.shape)


def conv1d_forward(A_prev, W, b, hparameters, dtype: str = "float32"):
    """Keras twin of ``conv1d_forward``: Z (m, n_W, n_C) and the same cache.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    return _forward(A_prev, W, b, hparameters, 1, dtype)


def conv1d_backward(dZ, cache, dtype: str = "float32"):
    """Keras twin of ``conv1d_backward``: (dA_prev, dW, db) from tf.GradientTape.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    return _backward(dZ, cache, 1, dtype)


def conv3d_forward(A_prev, W, b, hparameters, dtype: str = "float32"):
    """Keras twin of ``conv3d_forward``: Z (m, n_D, n_H, n_W, n_C) and the same cache.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    return _forward(A_prev, W, b, hparameters, 3, dtype)


def conv3d_backward(dZ, cache, dtype: str = "float32"):
    """Keras twin of ``conv3d_backward``: (dA_prev, dW, db) from tf.GradientTape.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    return _backward(dZ, cache, 3, dtype)


def beat_classifier(length: int = 160, seed: int = 0) -> keras.Model:
    """A small Conv1D network: normal (0) vs abnormal (1) beat from an ECG window.

    CONV1D(8, f=7, s=2) -> RELU -> MAXPOOL(2) -> CONV1D(16, f=5) -> RELU ->
    GLOBAL MAX POOL -> DENSE(1, sigmoid); compiled with Adam(0.01) and binary cross-entropy.

    Args:
        length: samples per window (n_W_prev); the input is (m, length, 1).
        seed: seed of the weight initialisers.

    Returns:
        a compiled keras.Model (about 0.7 thousand parameters).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 4.
    """
    init = keras.initializers.GlorotUniform
    inputs = keras.Input((length, 1))
    x = keras.layers.Conv1D(8, 7, strides=2, activation="relu", kernel_initializer=init(seed))(
        inputs
    )
    x = keras.layers.MaxPool1D(2)(x)
    x = keras.layers.Conv1D(16, 5, activation="relu", kernel_initializer=init(seed + 1))(x)
    x = keras.layers.GlobalMaxPool1D()(x)
    outputs = keras.layers.Dense(1, activation="sigmoid", kernel_initializer=init(seed + 2))(x)
    model = keras.Model(inputs, outputs, name="beat_classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"]
    )
    return model
