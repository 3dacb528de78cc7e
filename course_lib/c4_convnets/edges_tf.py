"""Keras/TensorFlow twin of edges.py: the same 2-D convolutions and the learned edge kernel.

Same function names and inputs as the NumPy reference (a grey image (n_H, n_W), a kernel
(f, f), integers stride and pad; images (m, n_H, n_W) for learning), returning NumPy arrays.

- ``conv2d`` is ``tf.nn.conv2d`` on a batch of one image with one channel and one filter,
  with explicit zero padding [[0, 0], [p, p], [p, p], [0, 0]]. TensorFlow, like the course,
  does not flip the kernel: both compute a cross-correlation.
- ``learn_edge_kernel`` trains a ``keras.layers.Conv2D(1, f, use_bias=False)`` whose kernel
  starts at the same random numbers as the NumPy version (same seed), with plain
  ``keras.optimizers.SGD`` on the "mse" loss over the whole batch (one step per epoch, no
  shuffling). Keras's mean squared error averages over every output pixel, as
  ``edges.edge_kernel_cost`` does, so both take the same steps (float32 here, float64 there).

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 6.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import edges
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = ["conv2d", "convolve2d_true", "learn_edge_kernel"]


def conv2d(image, kernel, stride: int = 1, pad: int = 0) -> np.ndarray:
    """``tf.nn.conv2d`` of one grey image with one kernel (cross-correlation, no flip).

    Args:
        image: (n_H, n_W). kernel: (f, f). stride: s >= 1. pad: p >= 0.

    Returns:
        (floor((n_H + 2p - f)/s) + 1, floor((n_W + 2p - f)/s) + 1) float32 array.
    """
    # The NumPy side's checks, so both sides refuse the same inputs with the same words.
    image, kernel, stride, pad = edges._image_and_kernel(image, kernel, stride, pad)
    out = tf.nn.conv2d(
        tf.constant(image[None, :, :, None], tf.float32),
        tf.constant(kernel[:, :, None, None], tf.float32),
        strides=stride,
        padding=[[0, 0], [pad, pad], [pad, pad], [0, 0]],
    )
    return out.numpy()[0, :, :, 0]


def convolve2d_true(image, kernel, stride: int = 1, pad: int = 0) -> np.ndarray:
    """True convolution: ``tf.nn.conv2d`` with the kernel reversed along both axes.

    Args and returns as ``conv2d``.
    """
    kernel = np.asarray(kernel)
    flipped = tf.reverse(tf.constant(kernel, tf.float64), axis=[0, 1]).numpy()
    return conv2d(image, flipped, stride, pad)


def learn_edge_kernel(
    images,
    target_kernel,
    learning_rate: float = 0.1,
    num_iterations: int = 200,
    seed: int = 0,
    init_scale: float = 0.1,
    standardize: bool = True,
) -> dict:
    """A Keras Conv2D learns the hand-made kernel with SGD on the mean squared error.

    Args: as ``edges.learn_edge_kernel``.

    Returns:
        dict with "kernel" (f, f), "kernels" (num_iterations + 1, f, f), "costs"
        (num_iterations + 1,) and "images" (what was trained on), as the NumPy version.
    """
    X = edges.standardize_images(images) if standardize else np.asarray(images, np.float64)
    T = np.asarray(target_kernel, dtype=np.float64)
    f = T.shape[0]
    Y = np.stack([edges.conv2d(x, T) for x in X])
    start = init_scale * np.random.default_rng(seed).standard_normal((f, f))

    layer = keras.layers.Conv2D(1, f, use_bias=False, padding="valid")
    model = keras.Sequential([keras.Input(X.shape[1:] + (1,)), layer])
    layer.set_weights([start[:, :, None, None]])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")

    kernels = [layer.get_weights()[0][:, :, 0, 0].copy()]

    class Record(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            kernels.append(layer.get_weights()[0][:, :, 0, 0].copy())

    X4, Y4 = X[..., None].astype(np.float32), Y[..., None].astype(np.float32)
    history = model.fit(
        X4,
        Y4,
        batch_size=len(X),
        epochs=num_iterations,
        shuffle=False,
        verbose=0,
        callbacks=[Record()],
    )
    # An epoch's loss is J before its step; the cost after the last step is evaluated.
    costs = list(history.history.get("loss", [])) if num_iterations else []
    costs.append(float(model.evaluate(X4, Y4, batch_size=len(X), verbose=0)))
    return {
        "kernel": kernels[-1],
        "kernels": np.stack(kernels),
        "costs": np.array(costs),
        "images": X,
    }
