"""Keras twin of classic_networks.py and of the calculator in layers.py: specs as Keras models.

``build_model(layers, input_shape)`` turns a spec list into a ``keras.Sequential``:

    conv(f, n_C, s, p)   Conv2D(n_C, f, strides=s, padding="valid"|"same"), with a
                         ZeroPadding2D(p) in front when p is a number > 0
    pool(f, s, mode)     MaxPooling2D / AveragePooling2D(f, strides=s)
    flatten()            Flatten
    fc(n)                Dense(n); the last one is the output (softmax)
    cn.lrn(...)          LocalResponseNormalization, a layer around
                         tf.nn.local_response_normalization (no weights)

The functions named as in layers.py (layer_output_shape, layer_parameters, network_summary,
count_parameters) take the same inputs and read their answer from Keras (``count_params()``
and each layer's output shape), so the tables can be compared number by number.
``local_response_normalization`` calls tf.nn.local_response_normalization, whose alpha is
used as written (AlexNet's paper convention; Caffe and PyTorch divide it by n, see
classic_networks.lrn_arguments). Models built only to be counted use zero initial weights:
Keras then allocates VGG-16's 138M weights in about a second instead of ten.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/05_classic_networks.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c4_convnets import classic_networks as cn
from course_lib.c4_convnets import layers as ly
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()  # fails with set-up advice when TensorFlow is missing
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "LocalResponseNormalization",
    "build_model",
    "layer_output_shape",
    "layer_parameters",
    "network_summary",
    "count_parameters",
    "local_response_normalization",
    "vgg16_application_parameters",
    "train_lenet5",
]


class LocalResponseNormalization(keras.layers.Layer):
    """tf.nn.local_response_normalization as a Keras layer (no weights).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 5.
    """

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta

    def call(self, inputs):
        return tf.nn.local_response_normalization(
            inputs, self.depth_radius, self.bias, self.alpha, self.beta
        )

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update(depth_radius=self.depth_radius, bias=self.bias)
        config.update(alpha=self.alpha, beta=self.beta)
        return config


def _keras_layers(layer: Mapping, name: str, activation, init) -> list:
    """The Keras layers of one spec (a ZeroPadding2D may come before a Conv2D)."""
    kind = layer["type"]
    if kind == "conv":
        p = layer["pad"]
        padding = "same" if p == "same" else "valid"
        front = []
        if padding == "valid" and ly.resolve_pad(layer) > 0:
            front = [keras.layers.ZeroPadding2D(ly.resolve_pad(layer), name=f"{name}_pad")]
        return front + [
            keras.layers.Conv2D(
                int(layer["n_C"]),
                int(layer["f"]),
                strides=int(layer["stride"]),
                padding=padding,
                activation=activation,
                kernel_initializer=init,
                name=name,
            )
        ]
    if kind == "pool":
        cls = keras.layers.MaxPooling2D if layer["mode"] == "max" else keras.layers.AveragePooling2D
        return [cls(int(layer["f"]), strides=int(layer["stride"]), name=name)]
    if kind == "flatten":
        return [keras.layers.Flatten(name=name)]
    if kind == "lrn":
        values = {key: layer[key] for key in ("depth_radius", "bias", "alpha", "beta")}
        cn._lrn_hyperparameters(**values)  # layers.py checks an lrn spec's keys, not its values
        return [LocalResponseNormalization(**values, name=name)]
    # an fc reads a vector: layers.py has refused one that follows a volume
    units = int(layer["units"])
    return [keras.layers.Dense(units, activation=activation, kernel_initializer=init, name=name)]


def _build(layers, input_shape, activation, output_activation, init, seed):
    rows = ly.network_summary(layers, input_shape)  # validates the specs and the shapes
    keras.utils.set_random_seed(seed)
    last_fc = max((k for k, layer in enumerate(layers) if layer["type"] == "fc"), default=None)
    groups = []
    for k, (layer, row) in enumerate(zip(layers, rows[1:])):
        act = output_activation if k == last_fc else activation
        if layer["type"] not in ("conv", "fc"):
            act = None
        groups.append(_keras_layers(layer, row["layer"].lower(), act, init))
    model = keras.Sequential([keras.Input(rows[0]["shape"])] + [x for g in groups for x in g])
    return model, groups


def build_model(
    layers: Sequence[Mapping],
    input_shape,
    activation: str = "relu",
    output_activation: str = "softmax",
    kernel_initializer: str = "glorot_uniform",
    seed: int = 0,
) -> keras.Sequential:
    """A Keras model of a spec list (the layer names are the table's, lower case).

    Args:
        layers: specs from layers.py (conv, pool, flatten, fc) and classic_networks.lrn.
        input_shape: (n_H, n_W, n_C).
        activation: the hidden conv / fc layers' activation ("relu", "tanh", "sigmoid").
        output_activation: the last fc layer's ("softmax").
        kernel_initializer: Keras initializer name; "zeros" for models that are only counted.
        seed: seeds Keras's initializers.

    Returns:
        keras.Sequential mapping (m, n_H, n_W, n_C) to (m, units of the last layer).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    return _build(layers, input_shape, activation, output_activation, kernel_initializer, seed)[0]


def _output_shape(keras_layer) -> tuple[int, ...]:
    return tuple(int(n) for n in keras_layer.output.shape[1:])


def network_summary(layers: Sequence[Mapping], input_shape) -> list[dict]:
    """The NumPy summary's rows, with shapes and parameters read from the Keras model.

    Returns:
        the same rows as layers.network_summary: {"layer", "type", "shape",
        "parameters", "activations"}, the input first.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    _, groups = _build(layers, input_shape, "relu", "softmax", "zeros", 0)
    shape = tuple(int(n) for n in input_shape)
    rows = [{"layer": "INPUT", "type": "input", "shape": shape, "parameters": 0}]
    rows[0]["activations"] = math.prod(shape)
    for layer, name, group in zip(layers, ly.layer_names(layers), groups):
        out = _output_shape(group[-1])
        params = sum(x.count_params() for x in group)
        rows.append({"layer": name, "type": layer["type"], "shape": out, "parameters": params})
        rows[-1]["activations"] = math.prod(out)
    return rows


def count_parameters(layers: Sequence[Mapping], input_shape) -> int:
    """``model.count_params()`` of the Keras model built from the specs.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    return int(_build(layers, input_shape, "relu", "softmax", "zeros", 0)[0].count_params())


def _one_layer(layer: Mapping, shape_prev):
    shape_prev = tuple(int(n) for n in shape_prev)
    ly.layer_output_shape(layer, shape_prev)  # the NumPy side's checks and messages
    group = _keras_layers(layer, "layer", None, "zeros")
    keras.Sequential([keras.Input(shape_prev)] + group)
    return group


def layer_output_shape(layer: Mapping, shape_prev) -> tuple[int, ...]:
    """The output shape Keras gives one layer spec on an input of shape ``shape_prev``.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    return _output_shape(_one_layer(layer, shape_prev)[-1])


def layer_parameters(layer: Mapping, shape_prev) -> int:
    """``count_params()`` of the Keras layer(s) of one spec on an input ``shape_prev``.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    return int(sum(x.count_params() for x in _one_layer(layer, shape_prev)))


def local_response_normalization(
    A, depth_radius: int = 5, bias: float = 1.0, alpha: float = 1.0, beta: float = 0.5
) -> np.ndarray:
    """tf.nn.local_response_normalization on A (m, n_H, n_W, n_C), float32; NumPy out.

    Same arguments and defaults as the NumPy reference (alpha as written, not divided by
    the window size).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 5.
    """
    A = require_shape("A", A, (None, None, None, None), "(m, n_H, n_W, n_C)")
    r, bias, alpha, beta = cn._lrn_hyperparameters(depth_radius, bias, alpha, beta)
    out = tf.nn.local_response_normalization(tf.constant(A, tf.float32), r, bias, alpha, beta)
    return out.numpy()


def vgg16_application_parameters() -> int:
    """``keras.applications.VGG16(weights=None).count_params()``: 138,357,544.

    Keras's own VGG-16 (224x224x3 input, the 1000-class top), untrained; the model is
    dropped after counting (it holds 0.55 GB of float32 weights).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 8.
    """
    model = keras.applications.VGG16(weights=None)
    count = int(model.count_params())
    del model
    keras.backend.clear_session()
    return count


def train_lenet5(
    X_train,
    y_train,
    X_test,
    y_test,
    activation: str = "tanh",
    pool_mode: str = "average",
    epochs: int = 5,
    batch_size: int = 64,
    learning_rate: float = 3e-3,
    seed: int = 0,
    progress=None,
) -> dict:
    """Train LeNet-5 (``cn.lenet5(pool_mode)``) with Adam on digits; accuracy per epoch.

    Args:
        X_train: (m_train, 32, 32, 1) images; y_train: (m_train,) labels 0..9.
        X_test, y_test: the same for the test set.
        activation: the hidden layers' activation, "sigmoid", "tanh" (1998) or "relu".
        pool_mode: "average" (1998) or "max".
        epochs, batch_size, learning_rate: the training budget (Adam).
        seed: seeds the initial weights and the shuffling.
        progress: optional callable, given the fraction of epochs done.

    Returns:
        {"train_accuracy", "test_accuracy", "loss"}: lists with one value per epoch, and
        "predictions" (m_test,) of the final model.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 9.
    """
    if activation not in ("sigmoid", "tanh", "relu"):
        raise ValueError(f"activation must be 'sigmoid', 'tanh' or 'relu'; got {activation!r}.")
    shape = "(m, 32, 32, 1)"
    X_train = require_shape("X_train", X_train, (None, 32, 32, 1), shape).astype(np.float32)
    X_test = require_shape("X_test", X_test, (None, 32, 32, 1), shape).astype(np.float32)
    y_train = require_shape("y_train", y_train, (X_train.shape[0],), "(m_train,)")
    y_test = require_shape("y_test", y_test, (X_test.shape[0],), "(m_test,)")
    for name, y in (("y_train", y_train), ("y_test", y_test)):
        if not np.isin(y, np.arange(10)).all():
            raise ValueError(f"{name} must hold the digits 0..9; got values {np.unique(y)}.")
    input_shape, layers = cn.lenet5(pool_mode)
    model = build_model(layers, input_shape, activation=activation, seed=seed)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        jit_compile=False,  # XLA compiling costs seconds, more than this small model saves
    )
    history = {"train_accuracy": [], "test_accuracy": [], "loss": []}
    last = {}

    class _Record(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            # One eager forward pass: no evaluate/predict functions to trace.
            last["scores"] = np.asarray(model(X_test, training=False))
            accuracy = np.mean(np.argmax(last["scores"], axis=1) == y_test)
            history["train_accuracy"].append(float(logs["accuracy"]))
            history["test_accuracy"].append(float(accuracy))
            history["loss"].append(float(logs["loss"]))
            if progress is not None:
                progress((epoch + 1) / epochs)

    model.fit(
        X_train,
        y_train,
        epochs=int(epochs),
        batch_size=int(batch_size),
        callbacks=[_Record()],
        verbose=0,
    )
    history["predictions"] = np.argmax(last["scores"], axis=1)
    return history
