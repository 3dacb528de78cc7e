"""Keras twin of segmentation.py: Conv2DTranspose, the metrics, a tiny FCN and the U-Net.

* ``conv_transpose_forward`` / ``conv_transpose_backward`` take the NumPy inputs of
  segmentation.py and compute them with ``keras.layers.Conv2DTranspose`` (float64). Keras
  keeps its kernel as (f, f, n_C, n_C_prev), output channels first, so the NumPy filter W
  (f, f, n_C_prev, n_C) goes in as ``W.transpose(0, 1, 3, 2)``; nothing is flipped. Keras
  has no padding number p: ``padding="valid"`` gives the whole pasted output,
  (n - 1) s + f when f >= s, and our p is a crop of p on every side of it (``Cropping2D``);
  ``padding="same"`` gives n * s, which is the pasted output with f - s rows cropped,
  (f - s) // 2 at the top and the rest at the bottom (``conv_transpose_keras``).
* ``pixel_accuracy`` and ``mean_iou`` with ``keras.metrics.Accuracy`` and ``MeanIoU``.
* The course's U-Net: ``conv_block(inputs, n_filters, dropout_prob, max_pooling)`` ->
  (next_layer, skip_connection), ``upsampling_block(expansive_input, contractive_input,
  n_filters)`` and ``unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23)``; the
  keyword ``n_levels`` (default 4, the course's depth) makes smaller ones for the lesson.
* ``fcn_model``: a fully convolutional network with no fixed input size.
* ``train_segmenter`` and ``predict_masks``: sparse categorical cross-entropy from logits.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/13_semantic_segmentation.py.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import segmentation as sg
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)
from keras import layers  # noqa: E402

__all__ = [
    "conv_transpose_forward",
    "conv_transpose_backward",
    "conv_transpose_keras",
    "pixel_accuracy",
    "mean_iou",
    "conv_block",
    "upsampling_block",
    "unet_model",
    "fcn_model",
    "train_segmenter",
    "predict_masks",
]


def _transpose_layer(W, b, stride, padding):
    f, _, n_C_prev, n_C = W.shape
    layer = layers.Conv2DTranspose(n_C, f, strides=stride, padding=padding, dtype="float64")
    layer.build((None, None, None, n_C_prev))
    layer.set_weights([np.transpose(W, (0, 1, 3, 2)), np.reshape(b, (n_C,))])
    return layer


def conv_transpose_keras(A_prev, W, b, stride: int, padding: str = "valid") -> np.ndarray:
    """Keras's ``Conv2DTranspose`` with the NumPy filter W (f, f, n_C_prev, n_C) and b.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). W, b: as in segmentation.py.
        stride: s. padding: "valid" (n_H = (n_H_prev - 1) s + f for f >= s) or "same"
            (n_H = n_H_prev * s).

    Returns:
        the layer's output as a float64 array.
    """
    if padding not in ("valid", "same"):
        raise ValueError(f'padding must be "valid" or "same"; got {padding!r}.')
    A_prev, W, b, stride, _, _, _ = sg._transpose_inputs(A_prev, W, b, {"stride": stride, "pad": 0})
    layer = _transpose_layer(np.float64(W), np.float64(b), stride, padding)
    return np.asarray(layer(tf.constant(A_prev, tf.float64)))


def conv_transpose_forward(A_prev, W, b, hparameters) -> np.ndarray:
    """Twin of segmentation.conv_transpose_forward: Conv2DTranspose("valid"), then crop p.

    Returns:
        Z (m, n_H, n_W, n_C), n_H = (n_H_prev - 1) s + f - 2p.
    """
    A_prev, W, b, stride, pad, n_H, n_W = sg._transpose_inputs(A_prev, W, b, hparameters)
    full = conv_transpose_keras(A_prev, W, b, stride, "valid")
    # for f < s Keras's "valid" output is n * s long: the pasted output plus s - f zeros
    return full[:, pad : pad + n_H, pad : pad + n_W, :]


def conv_transpose_backward(dZ, cache) -> dict:
    """Twin of segmentation.conv_transpose_backward, by automatic differentiation.

    Returns:
        {"dA_prev", "dW" (f, f, n_C_prev, n_C), "db" (1, 1, 1, n_C)} as float64 arrays.
    """
    A_prev, W, b, stride, pad, n_H, n_W = sg._transpose_inputs(*cache)
    A = tf.Variable(np.float64(A_prev))
    layer = _transpose_layer(np.float64(W), np.float64(b), stride, "valid")
    with tf.GradientTape() as tape:
        Z = layer(A)[:, pad : pad + n_H, pad : pad + n_W, :]
        J = tf.reduce_sum(Z * tf.constant(np.float64(dZ)))
    dA, dK, db = tape.gradient(J, [A, layer.kernel, layer.bias])
    return {
        "dA_prev": np.asarray(dA),
        "dW": np.transpose(np.asarray(dK), (0, 1, 3, 2)),
        "db": np.asarray(db).reshape(1, 1, 1, -1),
    }


def pixel_accuracy(y_true, y_pred) -> float:
    """Twin of segmentation.pixel_accuracy with ``keras.metrics.Accuracy``."""
    y_true, y_pred, _ = sg._masks(y_true, y_pred)
    metric = keras.metrics.Accuracy()
    metric.update_state(y_true.ravel(), y_pred.ravel())
    return float(metric.result())


def mean_iou(y_true, y_pred, n_classes: int) -> float:
    """Twin of segmentation.mean_iou with ``keras.metrics.MeanIoU(num_classes=n_classes)``."""
    y_true, y_pred, n_classes = sg._masks(y_true, y_pred, n_classes)
    metric = keras.metrics.MeanIoU(num_classes=n_classes, dtype="float64")
    metric.update_state(y_true.ravel(), y_pred.ravel())
    return float(metric.result())


# -- the course's U-Net ---------------------------------------------------------------------


def _conv3(n_filters):
    return layers.Conv2D(
        n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal"
    )


def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    """The U-Net's down block: 2 x (CONV 3x3 same, ReLU), optional Dropout, optional MaxPool.

    Args:
        inputs: tensor (m, n_H, n_W, n_C). n_filters: channels of both convolutions.
        dropout_prob: Dropout rate after the convolutions (0: no Dropout layer).
        max_pooling: end with MaxPooling2D(2x2), halving n_H and n_W.

    Returns:
        (next_layer, skip_connection): next_layer (m, n_H/2, n_W/2, n_filters) (or the
        unpooled tensor when max_pooling is False); skip_connection (m, n_H, n_W,
        n_filters), the tensor before pooling, for the matching up block.
    """
    conv = _conv3(n_filters)(inputs)
    conv = _conv3(n_filters)(conv)
    if dropout_prob > 0:
        conv = layers.Dropout(dropout_prob)(conv)
    next_layer = layers.MaxPooling2D(pool_size=(2, 2))(conv) if max_pooling else conv
    skip_connection = conv
    return next_layer, skip_connection


def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """The U-Net's up block: transpose conv 3x3 stride 2 same, concat the skip, 2 x CONV 3x3.

    Args:
        expansive_input: tensor (m, n_H, n_W, c) from the level below.
        contractive_input: the skip connection (m, 2 n_H, 2 n_W, c') of this level.
        n_filters: channels of the transpose convolution and of both convolutions.

    Returns:
        tensor (m, 2 n_H, 2 n_W, n_filters).
    """
    up = layers.Conv2DTranspose(n_filters, 3, strides=(2, 2), padding="same")(expansive_input)
    merge = layers.concatenate([up, contractive_input], axis=3)
    conv = _conv3(n_filters)(merge)
    conv = _conv3(n_filters)(conv)
    return conv


def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23, n_levels=4):
    """The course's U-Net: n_levels down blocks, a bottleneck, n_levels up blocks, 1x1 conv.

    Level l (0-based) has n_filters * 2**l filters; the two deepest down blocks and the
    bottleneck use Dropout(0.3) as in the course (for n_levels = 4: levels 3 and the
    bottleneck). The head is a 3x3 convolution with n_filters and a 1x1 convolution to
    n_classes logits per pixel (no softmax: train with ``from_logits=True``).

    Args:
        input_size: (n_H, n_W, n_C), n_H and n_W divisible by 2**n_levels.
        n_filters, n_classes, n_levels: see above; the course's model is n_levels = 4.

    Returns:
        keras.Model from (m, n_H, n_W, n_C) to (m, n_H, n_W, n_classes).
    """
    sg.unet_param_count(input_size, n_filters, n_classes, n_levels)  # validates the sizes
    inputs = keras.Input(input_size)
    skips, x = [], inputs
    for level in range(n_levels):
        dropout = 0.3 if level == n_levels - 1 else 0
        x, skip = conv_block(x, n_filters * 2**level, dropout_prob=dropout)
        skips.append(skip)
    x, _ = conv_block(x, n_filters * 2**n_levels, dropout_prob=0.3, max_pooling=False)
    for level in reversed(range(n_levels)):
        x = upsampling_block(x, skips[level], n_filters * 2**level)
    x = _conv3(n_filters)(x)
    outputs = layers.Conv2D(n_classes, 1, padding="same")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def fcn_model(n_classes=4, n_filters=8):
    """A tiny fully convolutional network: any input size whose sides divide by 4.

    CONV 3x3 stride 2 -> CONV 3x3 stride 2 (ReLU, same): a coarse map at 1/4 of the size;
    a 1x1 convolution gives n_classes scores per coarse cell and one transpose convolution
    (f = 8, s = 4, same) upsamples them back to the input's size.

    Returns:
        keras.Model from (m, n_H, n_W, 3) to logits (m, n_H, n_W, n_classes).
    """
    inputs = keras.Input((None, None, 3))
    x = layers.Conv2D(n_filters, 3, strides=2, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(2 * n_filters, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(n_classes, 1)(x)
    outputs = layers.Conv2DTranspose(n_classes, 8, strides=4, padding="same")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def train_segmenter(
    model,
    images,
    masks,
    epochs=10,
    batch_size=16,
    learning_rate=1e-3,
    seed=0,
    progress=None,
):
    """Train a segmentation model with Adam on sparse categorical cross-entropy (logits).

    Args:
        model: maps (m, n_H, n_W, 3) to logits (m, n_H, n_W, n_classes).
        images: (m, n_H, n_W, 3) floats. masks: (m, n_H, n_W) class indices.
        epochs, batch_size, learning_rate: the training budget.
        seed: seeds the shuffling (keras.utils.set_random_seed).
        progress: optional callable taking the fraction done after every epoch.

    Returns:
        list of the per-epoch training losses.
    """
    keras.utils.set_random_seed(seed)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    callbacks = []
    if progress is not None:
        callbacks.append(
            keras.callbacks.LambdaCallback(
                on_epoch_end=lambda epoch, logs: progress((epoch + 1) / epochs)
            )
        )
    history = model.fit(
        np.asarray(images, np.float32),
        np.asarray(masks, np.int32),
        epochs=epochs,
        batch_size=batch_size,
        verbose=0,
        callbacks=callbacks,
    )
    return [float(v) for v in history.history["loss"]]


def predict_masks(model, images, batch_size=64) -> np.ndarray:
    """The class with the largest logit at every pixel: (m, n_H, n_W) ints."""
    logits = model.predict(np.asarray(images, np.float32), batch_size=batch_size, verbose=0)
    return np.argmax(logits, axis=-1)
