"""Keras twins of architectures.py, and the MobileNet / Inception building blocks in Keras.

Same names, same inputs (NumPy arrays, the same parameter dicts) and the same outputs as
the NumPy reference, computed by Keras layers built from the same weights:

- ``pointwise_conv_forward``: ``Conv2D(n_C, 1)`` holding W and b.
- ``depthwise_conv_forward``: ``ZeroPadding2D(p)`` then ``DepthwiseConv2D(f, strides=s,
  depth_multiplier=1, padding="valid")``; Keras's depthwise kernel has the course's shape
  (f, f, n_C_prev, 1) and its bias is (n_C_prev,) where the course keeps (1, 1, 1, n_C_prev).
- ``inception_module_forward``: the module as a functional model (``build_inception_module``)
  whose Conv2D layers get the NumPy weights; Keras's ``MaxPool2D(3, 1, padding="same")``
  ignores the padded cells, as the NumPy border-repeating padding does.
- The backward twins differentiate the same layers with ``tf.GradientTape``: the gradient of
  sum(Z * dZ) with respect to the input, the kernel and the bias.
- Layers run in float32 unless ``dtype="float64"`` is passed, so parity holds to ~1e-5
  (float32) or ~1e-12 (float64).

The MobileNet blocks follow keras.applications: convolutions without bias, each followed by
BatchNormalization and ReLU6 (min(max(0, z), 6)), except the v2 projection, which stays
linear. Their count_params() includes BN's two moving statistics per channel (4 numbers per
channel in all), which the NumPy formulas in architectures.py count as well.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 2, 4, 5, 7.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from course_lib.c4_convnets import architectures as ar
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "pointwise_conv_forward",
    "pointwise_conv_backward",
    "depthwise_layers",
    "depthwise_conv_forward",
    "depthwise_conv_forward_vectorized",
    "depthwise_conv_backward",
    "build_inception_module",
    "inception_module_forward",
    "mobilenet_v1_block",
    "mobilenet_v2_block",
    "build_block",
    "build_mobilenet_v1",
    "build_mobilenet_v2",
    "application_params",
]


# --- pointwise and depthwise convolutions --------------------------------------------------------


def _pointwise_layer(W, b, dtype: str) -> keras.layers.Conv2D:
    n_C_prev, n_C = W.shape[2], W.shape[3]
    layer = keras.layers.Conv2D(n_C, 1, padding="valid", dtype=dtype)
    layer.build((None, None, None, n_C_prev))
    layer.set_weights([W.astype(dtype), b.reshape(n_C).astype(dtype)])
    return layer


def pointwise_conv_forward(A_prev, W, b, dtype: str = "float32"):
    """Twin of architectures.pointwise_conv_forward: a Keras Conv2D with 1x1 kernels.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). W: (1, 1, n_C_prev, n_C). b: (1, 1, 1, n_C).
        dtype: the layer's float type.

    Returns:
        Z: (m, n_H_prev, n_W_prev, n_C) as a NumPy array; cache: (A_prev, W, b, hparameters).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 1.
    """
    _, (A_prev, W, b, hparameters) = ar.pointwise_conv_forward(A_prev, W, b)  # checks inputs
    Z = _pointwise_layer(W, b, dtype)(A_prev.astype(dtype))
    return np.asarray(Z), (A_prev, W, b, hparameters)


def pointwise_conv_backward(dZ, cache, dtype: str = "float32"):
    """Twin of architectures.pointwise_conv_backward (GradientTape through the Conv2D).

    Returns:
        dA_prev: (m, n_H, n_W, n_C_prev); dW: (1, 1, n_C_prev, n_C); db: (1, 1, 1, n_C).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 1.
    """
    A_prev, W, b, _ = cache
    A_prev = np.asarray(A_prev)
    dZ = require_shape("dZ", dZ, A_prev.shape[:3] + (W.shape[3],), "(m, n_H, n_W, n_C)")
    layer = _pointwise_layer(np.asarray(W), np.asarray(b), dtype)
    return _gradients(layer, A_prev, dZ, dtype, b.shape)


def depthwise_layers(W, b, hparameters, dtype: str = "float32") -> keras.Sequential:
    """ZeroPadding2D(p) then DepthwiseConv2D(f, strides=s) holding W (f, f, n_C, 1) and b.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    f, n_C = W.shape[0], W.shape[2]
    stride, pad = int(hparameters["stride"]), int(hparameters["pad"])
    depthwise = keras.layers.DepthwiseConv2D(
        f, strides=stride, padding="valid", depth_multiplier=1, dtype=dtype
    )
    model = keras.Sequential(
        [
            keras.Input((None, None, n_C), dtype=dtype),
            keras.layers.ZeroPadding2D(pad, dtype=dtype),
            depthwise,
        ]
    )
    depthwise.set_weights([W.astype(dtype), b.reshape(n_C).astype(dtype)])
    return model


def depthwise_conv_forward(A_prev, W, b, hparameters, dtype: str = "float32"):
    """Twin of architectures.depthwise_conv_forward: Keras's DepthwiseConv2D.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). W: (f, f, n_C_prev, 1).
        b: (1, 1, 1, n_C_prev). hparameters: {"stride": s, "pad": p}. dtype: float type.

    Returns:
        Z: (m, n_H, n_W, n_C_prev) as a NumPy array; cache: (A_prev, W, b, hparameters).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    # The vectorised NumPy forward validates the inputs (cheaply) with the course's messages.
    _, (A_prev, W, b, hparameters) = ar.depthwise_conv_forward_vectorized(A_prev, W, b, hparameters)
    Z = depthwise_layers(W, b, hparameters, dtype)(A_prev.astype(dtype))
    return np.asarray(Z), (A_prev, W, b, hparameters)


depthwise_conv_forward_vectorized = depthwise_conv_forward


def _gradients(layer, A_prev, dZ, dtype, bias_shape):
    x = tf.Variable(A_prev.astype(dtype))
    with tf.GradientTape() as tape:
        Z = layer(x)
        loss = tf.reduce_sum(Z * tf.constant(dZ.astype(dtype)))
    kernel, bias = layer.trainable_weights[-2:]
    dA, dW, db = tape.gradient(loss, [x, kernel, bias])
    return np.asarray(dA), np.asarray(dW), np.asarray(db).reshape(bias_shape)


def depthwise_conv_backward(dZ, cache, dtype: str = "float32"):
    """Twin of architectures.depthwise_conv_backward (GradientTape through the layers).

    Returns:
        dA_prev: (m, n_H_prev, n_W_prev, n_C_prev); dW: (f, f, n_C_prev, 1);
        db: (1, 1, 1, n_C_prev).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    A_prev, W, b, hparameters = cache
    Z, _ = ar.depthwise_conv_forward_vectorized(A_prev, W, b, hparameters)  # checks the cache
    dZ = require_shape("dZ", dZ, Z.shape, "(m, n_H, n_W, n_C_prev)")
    model = depthwise_layers(np.asarray(W), np.asarray(b), hparameters, dtype)
    return _gradients(model, np.asarray(A_prev), dZ, dtype, np.shape(b))


# --- Inception module ----------------------------------------------------------------------------


def _conv_relu(x, n_C: int, f: int, name: str, dtype: str):
    return keras.layers.Conv2D(n_C, f, padding="same", activation="relu", name=name, dtype=dtype)(x)


def build_inception_module(
    input_shape, filters: Mapping = ar.INCEPTION_3A, dtype: str = "float32"
) -> keras.Model:
    """An Inception module as a Keras functional model (branches concatenated on channels).

    Conv layers are named after the filters' keys ("1x1", "3x3_reduce", ..., "pool_proj");
    a reduce of 0 leaves that bottleneck out.

    Args:
        input_shape: (n_H, n_W, n_C_prev). filters: as architectures.INCEPTION_3A.
        dtype: float type of the layers.

    Returns:
        keras.Model from (m, n_H, n_W, n_C_prev) to (m, n_H, n_W, sum of branch widths).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 2 and 4.
    """
    inputs = keras.Input(tuple(input_shape), dtype=dtype)
    branches = [_conv_relu(inputs, filters["1x1"], 1, "1x1", dtype)]
    for f, key in ((3, "3x3"), (5, "5x5")):
        x = inputs
        if filters[f"{key}_reduce"]:
            x = _conv_relu(inputs, filters[f"{key}_reduce"], 1, f"{key}_reduce", dtype)
        branches.append(_conv_relu(x, filters[key], f, key, dtype))
    pooled = keras.layers.MaxPool2D(3, strides=1, padding="same", name="pool", dtype=dtype)(inputs)
    branches.append(_conv_relu(pooled, filters["pool_proj"], 1, "pool_proj", dtype))
    outputs = keras.layers.Concatenate(axis=-1, name="concat", dtype=dtype)(branches)
    return keras.Model(inputs, outputs, name="inception_module")


def inception_module_forward(A_prev, parameters: Mapping, dtype: str = "float32"):
    """Twin of architectures.inception_module_forward, built from the same weights.

    Returns:
        out: (m, n_H, n_W, total width); branches: {"1x1", "3x3", "5x5", "pool"} -> arrays.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 2.
    """
    _, reference = ar.inception_module_forward(A_prev, parameters)  # validates everything
    A_prev = np.asarray(A_prev)
    filters = {key: 0 for key in ar.INCEPTION_3A}
    for key in filters:
        if f"W_{key}" in parameters:
            filters[key] = np.shape(parameters[f"W_{key}"])[-1]
    model = build_inception_module(A_prev.shape[1:], filters, dtype)
    for key in filters:
        if filters[key]:
            W, b = np.asarray(parameters[f"W_{key}"]), np.asarray(parameters[f"b_{key}"])
            model.get_layer(key).set_weights([W.astype(dtype), b.ravel().astype(dtype)])
    out = np.asarray(model(A_prev.astype(dtype)))
    widths = [reference[key].shape[3] for key in ("1x1", "3x3", "5x5", "pool")]
    parts = np.split(out, np.cumsum(widths)[:-1], axis=3)
    return out, dict(zip(("1x1", "3x3", "5x5", "pool"), parts))


# --- MobileNet blocks ----------------------------------------------------------------------------


def _bn_relu6(x, relu6: bool = True):
    x = keras.layers.BatchNormalization()(x)
    return keras.layers.ReLU(6.0)(x) if relu6 else x


def mobilenet_v1_block(x, n_C: int, stride: int = 1, f: int = 3):
    """One depthwise-separable layer of MobileNet v1 applied to the Keras tensor ``x``.

    DepthwiseConv2D(f, stride, same, no bias) -> BN -> ReLU6 -> Conv2D(n_C, 1, no bias)
    -> BN -> ReLU6.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    x = keras.layers.DepthwiseConv2D(f, strides=stride, padding="same", use_bias=False)(x)
    x = _bn_relu6(x)
    x = keras.layers.Conv2D(n_C, 1, use_bias=False)(x)
    return _bn_relu6(x)


def mobilenet_v2_block(x, n_C: int, t: int = 6, stride: int = 1, f: int = 3):
    """One MobileNet v2 bottleneck block applied to the Keras tensor ``x``.

    Expansion Conv2D(t * n_C_prev, 1) -> BN -> ReLU6 (left out when t = 1); depthwise f x f
    -> BN -> ReLU6; projection Conv2D(n_C, 1) -> BN (linear); plus the input (residual)
    when stride = 1 and n_C = n_C_prev.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    n_C_prev = x.shape[-1]
    inputs = x
    if t != 1:
        x = _bn_relu6(keras.layers.Conv2D(t * n_C_prev, 1, use_bias=False)(x))
    x = keras.layers.DepthwiseConv2D(f, strides=stride, padding="same", use_bias=False)(x)
    x = _bn_relu6(x)
    x = _bn_relu6(keras.layers.Conv2D(n_C, 1, use_bias=False)(x), relu6=False)
    if stride == 1 and n_C == n_C_prev:
        x = keras.layers.Add()([inputs, x])
    return x


def build_block(kind: str, input_shape, n_C: int, stride: int = 1, t: int = 6) -> keras.Model:
    """One MobileNet block ("v1" or "v2") as a model, to count its parameters.

    Args:
        kind: "v1" (depthwise-separable) or "v2" (bottleneck). input_shape: (n_H, n_W, n_C_prev).
        n_C: output channels. stride: the depthwise conv's. t: v2's expansion factor.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    if kind not in ("v1", "v2"):
        raise ValueError(f'kind must be "v1" or "v2"; got {kind!r}.')
    inputs = keras.Input(tuple(input_shape))
    if kind == "v1":
        outputs = mobilenet_v1_block(inputs, n_C, stride)
    else:
        outputs = mobilenet_v2_block(inputs, n_C, t, stride)
    return keras.Model(inputs, outputs, name=f"mobilenet_{kind}_block")


def _stem(inputs):
    x = keras.layers.Conv2D(32, 3, strides=2, padding="same", use_bias=False)(inputs)
    return _bn_relu6(x)


def build_mobilenet_v1(input_shape=(224, 224, 3), classes: int = 1000) -> keras.Model:
    """MobileNet v1 from our blocks: first conv, 13 depthwise-separable layers, global average
    pooling, a 1x1 conv classifier (with bias) and softmax.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    inputs = keras.Input(tuple(input_shape))
    x = _stem(inputs)
    for n_C, stride in ar.MOBILENET_V1_BLOCKS:
        x = mobilenet_v1_block(x, n_C, stride)
    x = keras.layers.GlobalAveragePooling2D(keepdims=True)(x)
    x = keras.layers.Conv2D(classes, 1, activation="softmax")(x)
    return keras.Model(inputs, keras.layers.Flatten()(x), name="mobilenet_v1")


def build_mobilenet_v2(input_shape=(224, 224, 3), classes: int = 1000) -> keras.Model:
    """MobileNet v2 from our blocks: first conv, 17 bottleneck blocks, 1x1 conv to 1280,
    global average pooling and a Dense softmax.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    inputs = keras.Input(tuple(input_shape))
    x = _stem(inputs)
    for t, c, n, s in ar.MOBILENET_V2_BLOCKS:
        for k in range(n):
            x = mobilenet_v2_block(x, c, t, s if k == 0 else 1)
    x = _bn_relu6(keras.layers.Conv2D(1280, 1, use_bias=False)(x))
    x = keras.layers.GlobalAveragePooling2D()(x)
    outputs = keras.layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="mobilenet_v2")


def application_params(classes: int = 1000) -> dict[str, int]:
    """count_params() of keras.applications.MobileNet and MobileNetV2 (weights=None, width 1).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    return {
        "MobileNet": keras.applications.MobileNet(weights=None, classes=classes).count_params(),
        "MobileNetV2": keras.applications.MobileNetV2(weights=None, classes=classes).count_params(),
    }
