"""Keras twins of sliding_windows.py: the window classifier with Dense layers and with Conv2D.

``build_fc_model(parameters)`` is the course's 14x14x3 classifier with Flatten + Dense layers,
``build_conv_model(parameters)`` the same numbers as Conv2D layers (5x5x16 -> 400 filters of
5x5, then 1x1 convolutions) on inputs of any size; both copy the NumPy weights, so parity is
exact up to float64 rounding (the models run in float64). ``train_window_net`` trains the FC
form on crops in float32 and hands back its weights as a NumPy parameter dict.

Taught in: notebooks/c4_convnets/10_sliding_windows.py
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import sliding_windows as sw
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "build_fc_model",
    "build_conv_model",
    "fc_net_forward",
    "conv_net_forward",
    "convolutional_sliding_windows",
    "parameters_from_fc_model",
    "train_window_net",
]


def build_fc_model(parameters, dtype: str = "float64") -> keras.Model:
    """The window classifier with Dense layers, weights copied from the FC-form dict.

    Input (window, window, n_C) -> Conv2D(n_filters, f, valid, relu) -> MaxPooling2D(2) ->
    Flatten -> Dense(n_fc, relu) -> Dense(n_fc, relu) -> Dense(n_classes, softmax).
    """
    g = sw.window_geometry(parameters)
    w = g["window"]
    x = inputs = keras.Input((w, w, g["n_C"]), dtype=dtype)
    x = keras.layers.Conv2D(g["n_filters"], g["f"], activation="relu", dtype=dtype, name="conv1")(x)
    x = keras.layers.MaxPooling2D(2, dtype=dtype, name="pool1")(x)
    x = keras.layers.Flatten(dtype=dtype)(x)
    x = keras.layers.Dense(g["n_fc"], activation="relu", dtype=dtype, name="fc2")(x)
    x = keras.layers.Dense(g["n_fc"], activation="relu", dtype=dtype, name="fc3")(x)
    outputs = keras.layers.Dense(g["n_classes"], activation="softmax", dtype=dtype, name="fc4")(x)
    model = keras.Model(inputs, outputs, name="window_classifier_fc")
    model.get_layer("conv1").set_weights([parameters["W1"], parameters["b1"].reshape(-1)])
    for k in ("2", "3", "4"):
        model.get_layer(f"fc{k}").set_weights(
            [np.asarray(parameters[f"W{k}"]).T, np.asarray(parameters[f"b{k}"]).reshape(-1)]
        )
    return model


def build_conv_model(parameters, dtype: str = "float64") -> keras.Model:
    """The same classifier as convolutions, for inputs (None, None, n_C): FC 400 -> Conv2D 400
    filters of p x p (p = 5), the later FC layers -> 1x1 Conv2D; softmax over the channels."""
    g = sw.window_geometry(parameters)
    conv = sw.fc_to_conv_parameters(parameters)
    x = inputs = keras.Input((None, None, g["n_C"]), dtype=dtype)
    x = keras.layers.Conv2D(g["n_filters"], g["f"], activation="relu", dtype=dtype, name="conv1")(x)
    x = keras.layers.MaxPooling2D(2, dtype=dtype, name="pool1")(x)
    x = keras.layers.Conv2D(g["n_fc"], g["pooled"], activation="relu", dtype=dtype, name="conv2")(x)
    x = keras.layers.Conv2D(g["n_fc"], 1, activation="relu", dtype=dtype, name="conv3")(x)
    outputs = keras.layers.Conv2D(g["n_classes"], 1, activation="softmax", dtype=dtype,
                                  name="conv4")(x)  # fmt: skip
    model = keras.Model(inputs, outputs, name="window_classifier_conv")
    for k in ("1", "2", "3", "4"):
        model.get_layer(f"conv{k}").set_weights([conv[f"W{k}"], conv[f"b{k}"].reshape(-1)])
    return model


def fc_net_forward(crops, parameters) -> np.ndarray:
    """Twin of ``sliding_windows.fc_net_forward``: crops (m, 14, 14, 3) -> (m, n_classes)."""
    model = build_fc_model(parameters)
    return np.asarray(model(np.asarray(crops, np.float64)))


def conv_net_forward(images, conv_parameters) -> np.ndarray:
    """Twin of ``sliding_windows.conv_net_forward`` (takes the conv-form dict):
    images (m, n_H, n_W, n_C) -> (m, n_H_out, n_W_out, n_classes)."""
    c = conv_parameters
    fc = {"W1": c["W1"], "b1": c["b1"]}
    shapes = {"2": c["W2"].shape, "3": c["W3"].shape, "4": c["W4"].shape}
    for k, shape in shapes.items():  # back to FC form, then build the conv model from it
        fc[f"W{k}"] = np.asarray(c[f"W{k}"]).transpose(3, 0, 1, 2).reshape(shape[3], -1)
        fc[f"b{k}"] = np.asarray(c[f"b{k}"]).reshape(-1, 1)
    return np.asarray(build_conv_model(fc)(np.asarray(images, np.float64)))


def convolutional_sliding_windows(image, parameters) -> np.ndarray:
    """Twin of ``sliding_windows.convolutional_sliding_windows``: image (n_H, n_W, n_C) ->
    (n_rows, n_cols, n_classes), the Conv2D model run once on the whole image."""
    image = np.asarray(image, np.float64)
    return np.asarray(build_conv_model(parameters)(image[None]))[0]


def parameters_from_fc_model(model: keras.Model) -> dict:
    """The FC-form NumPy dict (course notation, float64) of a ``build_fc_model`` model."""
    kernel, bias = model.get_layer("conv1").get_weights()
    params = {"W1": kernel.astype(np.float64), "b1": bias.reshape(1, 1, 1, -1).astype(np.float64)}
    for k in ("2", "3", "4"):
        kernel, bias = model.get_layer(f"fc{k}").get_weights()
        params[f"W{k}"] = kernel.T.astype(np.float64)
        params[f"b{k}"] = bias.reshape(-1, 1).astype(np.float64)
    return params


def train_window_net(crops, labels, epochs: int = 10, n_fc: int = 400, n_classes: int = 4,
                     batch_size: int = 64, learning_rate: float = 1e-3, seed: int = 0):  # fmt: skip
    """Train the course's window classifier (FC form, float32, Adam) on labelled crops.

    Args:
        crops: (m, 14, 14, 3). labels: (m,) ints in 0..n_classes-1 (0 = background).
        epochs, n_fc, n_classes, batch_size, learning_rate, seed: training settings.

    Returns:
        (parameters, history): the trained FC-form NumPy dict and the per-epoch
        {"loss", "accuracy"} lists.
    """
    crops = np.asarray(crops, np.float32)
    start = sw.initialize_window_net(n_C=crops.shape[-1], window=crops.shape[1], n_fc=n_fc,
                                     n_classes=n_classes, seed=seed)  # fmt: skip
    keras.utils.set_random_seed(seed)
    model = build_fc_model(start, dtype="float32")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # fmt: skip
    history = model.fit(crops, np.asarray(labels), epochs=epochs, batch_size=batch_size,
                        shuffle=True, verbose=0)  # fmt: skip
    return parameters_from_fc_model(model), {k: list(map(float, v))
                                            for k, v in history.history.items()}  # fmt: skip
