"""Keras twin of resnets.py: the course's identity block, convolutional block and ResNet-50.

The course's functions (its 2021+ assignment) take a tensor and *create* the layers:

    X = identity_block(X, f=3, filters=[64, 64, 256])            # shortcut: X itself
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2) # shortcut: CONV 1x1 + BN
    model = ResNet50(input_shape=(64, 64, 3), classes=6)          # 23,600,006 parameters

The NumPy ``resnets.identity_block(A_prev, parameters, f, ...)`` takes the *weights* instead.
To compare the two, ``block_model`` wraps one block in a ``keras.Model``,
``block_parameters`` reads its weights into the NumPy dict (resnets.py's layout) and
``set_block_parameters`` writes such a dict into it; ``block_forward`` has the same inputs as
``resnets.block_forward`` and builds the Keras block from the NumPy weights.

Batch norm: ``BatchNormalization(axis=3)`` with Keras's defaults (epsilon 1e-3, momentum
0.99). Called with ``training=True`` it normalises with the batch's statistics (and updates
its moving averages); with ``training=False`` it uses the moving statistics. The course's
blocks default to ``training=True``; ``training=None`` lets Keras choose (``fit``: batch,
``predict``: moving). Keras computes in float32, the NumPy side in float64.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/06_resnets.py, sections 4-6.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c4_convnets import resnets as rn
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_keys, require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)
from keras import layers  # noqa: E402
from keras.initializers import glorot_uniform, random_uniform  # noqa: E402

__all__ = [
    "identity_block",
    "convolutional_block",
    "ResNet50",
    "block_model",
    "block_parameters",
    "set_block_parameters",
    "block_forward",
]

_BN_KEYS = ("gamma", "beta", "mean", "var")


def _conv_bn(X, filters, size, stride, padding, initializer, training, name, k, epsilon, relu):
    """CONV -> BN (-> RELU), the unit every path of a block is made of."""
    names = {} if name is None else {"conv": f"{name}_conv{k}", "bn": f"{name}_bn{k}"}
    X = layers.Conv2D(
        filters,
        kernel_size=size,
        strides=stride,
        padding=padding,
        kernel_initializer=initializer(seed=0),
        name=names.get("conv"),
    )(X)
    X = layers.BatchNormalization(axis=3, epsilon=epsilon, name=names.get("bn"))(
        X, training=training
    )
    return layers.Activation("relu")(X) if relu else X


def _block(X, f, filters, s, training, initializer, name, epsilon):
    F1, F2, F3 = rn._filters(filters)
    shortcut = X
    stride = 1 if s is None else s
    X = _conv_bn(X, F1, 1, stride, "valid", initializer, training, name, 1, epsilon, True)
    X = _conv_bn(X, F2, f, 1, "same", initializer, training, name, 2, epsilon, True)
    X = _conv_bn(X, F3, 1, 1, "valid", initializer, training, name, 3, epsilon, False)
    if s is not None:  # the convolutional block: a learned projection W_s a^[l]
        shortcut = _conv_bn(
            shortcut, F3, 1, s, "valid", initializer, training, name, "_s", epsilon, False
        )
    X = layers.Add()([X, shortcut])  # before the last ReLU: a^[l+2] = g(z^[l+2] + a^[l])
    return layers.Activation("relu")(X)


def identity_block(X, f, filters, training=True, initializer=random_uniform, *, name=None):
    """The course's identity block: the shortcut is the input itself (needs F3 == n_C_prev).

    CONV 1x1 (F1, valid) -> BN(axis=3) -> RELU -> CONV f x f (F2, same) -> BN -> RELU ->
    CONV 1x1 (F3, valid) -> BN -> Add(shortcut) -> RELU.

    Args:
        X: a tensor (m, n_H, n_W, n_C_prev) (symbolic or eager).
        f: the middle convolution's size. filters: [F1, F2, F3].
        training: passed to every BatchNormalization call (True: batch statistics).
        initializer: a Keras initializer class, called as ``initializer(seed=0)``.
        name: optional prefix of the layer names ("<name>_conv1", "<name>_bn1", ...);
            not in the course's signature, used by ``block_model``.

    Returns:
        a tensor (m, n_H, n_W, F3).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    return _block(X, f, filters, None, training, initializer, name, rn.KERAS_EPSILON)


def convolutional_block(
    X, f, filters, s=2, training=True, initializer=glorot_uniform, *, name=None
):
    """The course's convolutional block: CONV 1x1 (stride s) + BN on the shortcut.

    Main path as ``identity_block`` with stride s in its first 1x1 convolution; shortcut
    CONV 1x1 (F3, stride s, valid) -> BN; Add -> RELU.

    Args:
        X: a tensor (m, n_H_prev, n_W_prev, n_C_prev). f, filters, training, initializer,
            name: as in ``identity_block``. s: the stride.

    Returns:
        a tensor (m, n_H, n_W, F3), n_H = floor((n_H_prev - 1) / s) + 1.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    return _block(X, f, filters, int(s), training, initializer, name, rn.KERAS_EPSILON)


def ResNet50(input_shape=(64, 64, 3), classes=6, training=None):  # noqa: N802 (the course's name)
    """The course's ResNet-50 for the SIGNS images: 23,600,006 parameters at (64, 64, 3), 6.

    Stage 1: ZeroPadding2D(3) -> CONV 7x7, 64, stride 2 -> BN -> RELU -> MAXPOOL 3x3,
    stride 2. Stages 2-5: a convolutional block then identity blocks, filters
    [64, 64, 256] x 3 (s = 1), [128, 128, 512] x 4, [256, 256, 1024] x 6,
    [512, 512, 2048] x 3 (s = 2). Then AveragePooling2D(2) -> Flatten -> Dense softmax.

    Args:
        input_shape: (n_H, n_W, n_C). classes: softmax units.
        training: passed to the blocks' batch norms; None lets Keras choose.

    Returns:
        an uncompiled ``keras.Model``.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 6.
    """
    X_input = keras.Input(tuple(input_shape))
    X = layers.ZeroPadding2D((3, 3))(X_input)
    X = layers.Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = layers.BatchNormalization(axis=3)(X, training=training)
    X = layers.Activation("relu")(X)
    X = layers.MaxPooling2D((3, 3), strides=(2, 2))(X)
    for filters, s, blocks in rn.RESNET50_STAGES:
        X = convolutional_block(X, 3, list(filters), s=s, training=training)
        for _ in range(blocks - 1):
            X = identity_block(X, 3, list(filters), training=training)
    X = layers.AveragePooling2D((2, 2))(X)
    X = layers.Flatten()(X)
    X = layers.Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)
    return keras.Model(inputs=X_input, outputs=X, name="ResNet50")


def block_model(
    input_shape: Sequence[int],
    f: int,
    filters: Sequence[int],
    s: int | None = None,
    training: bool | None = None,
    epsilon: float = rn.KERAS_EPSILON,
) -> keras.Model:
    """One block (identity when s is None, else convolutional) as a ``keras.Model``.

    Its layers are named "block_conv1", "block_bn1", ..., "block_conv_s", "block_bn_s".

    Args:
        input_shape: (n_H_prev, n_W_prev, n_C_prev). f, filters, s: the block's.
        training: fixed for every batch norm, or None to choose per call
            (``model(A, training=True)``). epsilon: batch norm's epsilon.

    Returns:
        a ``keras.Model`` mapping (m, n_H_prev, n_W_prev, n_C_prev) to (m, n_H, n_W, F3).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    X = keras.Input(tuple(int(v) for v in input_shape))
    initializer = random_uniform if s is None else glorot_uniform
    Y = _block(X, int(f), filters, s, training, initializer, "block", float(epsilon))
    return keras.Model(X, Y, name="identity_block" if s is None else "convolutional_block")


def _units(model: keras.Model):
    ks = ["1", "2", "3"] + (["_s"] if any(l.name == "block_conv_s" for l in model.layers) else [])
    return [(k, model.get_layer(f"block_conv{k}"), model.get_layer(f"block_bn{k}")) for k in ks]


def block_parameters(model: keras.Model) -> dict[str, np.ndarray]:
    """The weights of a ``block_model`` as resnets.py's dict (float64).

    Returns:
        {"W1": (1, 1, n_C_prev, F1), "b1", "gamma1", "beta1", "mean1", "var1": (1, 1, 1, F1),
        ..., and "W_s" .. "var_s" for a convolutional block}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    parameters = {}
    for k, conv, bn in _units(model):
        W, b = conv.get_weights()
        parameters[f"W{k}"] = W.astype(np.float64)
        parameters[f"b{k}"] = b.astype(np.float64).reshape(1, 1, 1, -1)
        for key, value in zip(_BN_KEYS, bn.get_weights()):
            parameters[f"{key}{k}"] = value.astype(np.float64).reshape(1, 1, 1, -1)
    return parameters


def set_block_parameters(model: keras.Model, parameters: Mapping) -> keras.Model:
    """Write resnets.py's block dict into a ``block_model`` (shapes must match); returns it.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    for k, conv, bn in _units(model):
        keys = [f"W{k}", f"b{k}"] + [f"{key}{k}" for key in _BN_KEYS]
        require_keys("parameters", parameters, keys)
        W_shape = tuple(conv.kernel.shape)
        n_C = W_shape[-1]
        W = require_shape(f"W{k}", parameters[f"W{k}"], W_shape, "(f, f, n_C_prev, n_C)")
        rest = [
            require_shape(key, parameters[key], (1, 1, 1, n_C), "(1, 1, 1, n_C)").reshape(n_C)
            for key in keys[1:]
        ]
        conv.set_weights([W, rest[0]])
        bn.set_weights(rest[1:])
    return model


def block_forward(
    A_prev,
    parameters: Mapping,
    f: int,
    s: int | None = None,
    training: bool = False,
    epsilon: float = rn.KERAS_EPSILON,
) -> np.ndarray:
    """Twin of resnets.block_forward: the Keras block built from the NumPy weights, run once.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). parameters: resnets.py's block dict.
        f: middle filter size. s: None (identity block) or the stride.
        training: batch statistics (True) or moving statistics (False).
        epsilon: batch norm's epsilon.

    Returns:
        A (m, n_H, n_W, F3) as float64 (computed in float32).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    A_prev = require_shape("A_prev", A_prev, (None, None, None, None), "(m, n_H, n_W, n_C_prev)")
    require_keys("parameters", parameters, ["W1", "W2", "W3"])
    filters = [np.shape(parameters[f"W{k}"])[-1] for k in (1, 2, 3)]
    rn.block_output_shape(A_prev.shape[1:], filters, s)  # the NumPy side's shape errors
    model = block_model(A_prev.shape[1:], f, filters, s, None, epsilon)
    set_block_parameters(model, parameters)
    out = model(tf.constant(A_prev, tf.float32), training=bool(training))
    return np.asarray(out, dtype=np.float64)
