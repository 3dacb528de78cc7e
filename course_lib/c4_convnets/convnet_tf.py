"""Keras twin of convnet.py: the course's ConvNet with the Functional and the Sequential API.

* ``convolutional_model(input_shape)``: the assignment's Functional-API model, CONV2D 8
  4x4 "same" -> ReLU -> MaxPool 8x8 stride 8 "same" -> CONV2D 16 2x2 "same" -> ReLU ->
  MaxPool 4x4 stride 4 "same" -> Flatten -> Dense(6, softmax).
* ``sequential_convnet(input_shape)``: the same layers as a ``keras.Sequential`` list.
* ``happyModel(input_shape)``: the assignment's Sequential-API model (ZeroPadding2D 3 ->
  Conv2D 32 7x7 -> BatchNormalization -> ReLU -> MaxPool2D -> Flatten -> Dense(1, sigmoid)),
  a binary classifier.

The NumPy twins have the same names and inputs as in convnet.py (images (m, n_H, n_W, n_C),
the same parameter dict, labels (C, m)): ``forward_propagation``, ``compute_cost``,
``compute_gradients`` (GradientTape), ``predict`` and ``model`` (training with Keras's
Adam). ``keras_from_parameters`` copies the NumPy weights into a Keras model
(Conv2D kernels are (f, f, n_C_prev, n_C) in both; the Dense kernel is W3.T, since Keras
keeps examples in rows) and ``parameters_from_keras`` copies them back.

Known differences: Keras computes in float32; Keras's Adam uses epsilon 1e-7 (NumPy
1e-8) and folds the bias correction into the step size, so trainings agree in their
curves, not to the last digit. Keras's "same" padding is the one ``convnet.same_padding``
reproduces (the extra zero after, for even f).

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/04_convnet_application.py, sections 4-5.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c4_convnets import convnet as reference
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "convolutional_model",
    "sequential_convnet",
    "happyModel",
    "keras_from_parameters",
    "parameters_from_keras",
    "forward_propagation",
    "compute_cost",
    "compute_gradients",
    "predict",
    "model",
]

_LAYER_NAMES = ("conv1", "conv2", "dense")


def _conv_layers(n_classes: int, activation: str | None):
    """The ConvNet's layers in order (new objects on every call)."""
    L = keras.layers
    return [
        L.Conv2D(8, 4, strides=1, padding="same", name="conv1"),
        L.ReLU(name="relu1"),
        L.MaxPool2D(pool_size=8, strides=8, padding="same", name="pool1"),
        L.Conv2D(16, 2, strides=1, padding="same", name="conv2"),
        L.ReLU(name="relu2"),
        L.MaxPool2D(pool_size=4, strides=4, padding="same", name="pool2"),
        L.Flatten(name="flatten"),
        L.Dense(n_classes, activation=activation, name="dense"),
    ]


def convolutional_model(input_shape=(64, 64, 3), n_classes: int = 6, softmax: bool = True):
    """The course's ConvNet with the Functional API (uncompiled).

    Args:
        input_shape: (n_H, n_W, n_C) of one image.
        n_classes: outputs of the last Dense layer (6 for SIGNS).
        softmax: end with the softmax (the course's model); False leaves the logits.

    Returns:
        keras.Model mapping (m, n_H, n_W, n_C) to (m, n_classes).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    input_img = keras.Input(shape=tuple(input_shape))
    x = input_img
    for layer in _conv_layers(n_classes, "softmax" if softmax else None):
        x = layer(x)  # each layer is called on the tensor before it
    return keras.Model(inputs=input_img, outputs=x, name="convolutional_model")


def sequential_convnet(input_shape=(64, 64, 3), n_classes: int = 6):
    """The same ConvNet as a ``keras.Sequential`` list of layers (uncompiled).

    Args:
        input_shape: (n_H, n_W, n_C). n_classes: softmax outputs.

    Returns:
        keras.Sequential mapping (m, n_H, n_W, n_C) to (m, n_classes) probabilities.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    return keras.Sequential(
        [keras.Input(shape=tuple(input_shape)), *_conv_layers(n_classes, "softmax")],
        name="sequential_convnet",
    )


def happyModel(input_shape=(64, 64, 3)):
    """The course's Sequential-API model: one 7x7 conv block and a sigmoid unit (uncompiled).

    ZeroPadding2D(3) -> Conv2D(32, 7x7, stride 1) -> BatchNormalization(axis=3) -> ReLU ->
    MaxPool2D (2x2) -> Flatten -> Dense(1, sigmoid).

    Args:
        input_shape: (n_H, n_W, n_C).

    Returns:
        keras.Sequential mapping (m, n_H, n_W, n_C) to (m, 1) probabilities.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 5.
    """
    L = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=tuple(input_shape)),
            L.ZeroPadding2D(padding=3),
            L.Conv2D(32, 7, strides=1, name="conv0"),
            L.BatchNormalization(axis=3, name="bn0"),
            L.ReLU(),
            L.MaxPool2D(),
            L.Flatten(),
            L.Dense(1, activation="sigmoid", name="fc"),
        ],
        name="happyModel",
    )


# -- weights both ways ----------------------------------------------------------------------


def keras_from_parameters(parameters: Mapping, input_shape, softmax: bool = False):
    """A Functional ConvNet holding the NumPy parameters.

    Args:
        parameters: {"W1", "b1", "W2", "b2", "W3", "b3"} as in convnet.py.
        input_shape: (n_H, n_W, n_C).
        softmax: end with the softmax (False: the output is Z3^T, the logits).

    Returns:
        keras.Model whose conv1, conv2 and dense layers hold the parameters.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    reference._check_input_shape(input_shape)
    reference._check_parameters(parameters, int(input_shape[2]))
    net = convolutional_model(input_shape, parameters["W3"].shape[0], softmax=softmax)
    p = parameters
    net.get_layer("conv1").set_weights([p["W1"], p["b1"].reshape(-1)])
    net.get_layer("conv2").set_weights([p["W2"], p["b2"].reshape(-1)])
    net.get_layer("dense").set_weights([p["W3"].T, p["b3"].reshape(-1)])
    return net


def parameters_from_keras(net) -> dict[str, np.ndarray]:
    """The course-shaped parameter dict of a ConvNet built by this module (float64).

    Args:
        net: a model from ``convolutional_model``, ``sequential_convnet`` or
            ``keras_from_parameters``.

    Returns:
        {"W1", "b1", "W2", "b2", "W3" (C, n_F), "b3" (C, 1)}.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    (W1, b1), (W2, b2), (W3, b3) = (net.get_layer(name).get_weights() for name in _LAYER_NAMES)
    as64 = lambda a: np.asarray(a, dtype=np.float64)  # noqa: E731
    return {
        "W1": as64(W1),
        "b1": as64(b1).reshape(1, 1, 1, -1),
        "W2": as64(W2),
        "b2": as64(b2).reshape(1, 1, 1, -1),
        "W3": as64(W3).T,
        "b3": as64(b3).reshape(-1, 1),
    }


# -- the twins ------------------------------------------------------------------------------


def _images(X) -> np.ndarray:
    return reference._check_images(X).astype(np.float32)


def forward_propagation(X, parameters) -> np.ndarray:
    """Logits Z3 of the Keras ConvNet holding ``parameters`` (twin of convnet's).

    Args:
        X: (m, n_H, n_W, n_C) images in [0, 1]. parameters: as in convnet.py.

    Returns:
        Z3 of shape (C, m), float32.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    X = _images(X)
    net = keras_from_parameters(parameters, X.shape[1:], softmax=False)
    return net(X, training=False).numpy().T


def compute_cost(Z3, Y) -> float:
    """``keras.losses.CategoricalCrossentropy(from_logits=True)`` of (C, m) logits.

    Args:
        Z3: (C, m) logits. Y: (C, m) one-hot labels.

    Returns:
        The mean cross-entropy as a float.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    Z3 = require_shape("Z3", Z3, (None, None), "(C, m)")
    Y = require_shape("Y", Y, Z3.shape, "(C, m)")
    loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    return float(loss(Y.T.astype(np.float32), Z3.T.astype(np.float32)))


def compute_gradients(X, Y, parameters) -> tuple[dict[str, np.ndarray], float]:
    """Gradients of the mean cross-entropy by ``tf.GradientTape`` (twin of convnet's).

    Args:
        X: (m, n_H, n_W, n_C). Y: (C, m) one-hot. parameters: as in convnet.py.

    Returns:
        ({"dW1", "db1", "dW2", "db2", "dW3", "db3"} in the NumPy shapes, cost).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    X = _images(X)
    Y = require_shape("Y", Y, (None, X.shape[0]), "(C, m)")
    net = keras_from_parameters(parameters, X.shape[1:], softmax=False)
    loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    with tf.GradientTape() as tape:
        cost = loss(Y.T.astype(np.float32), net(X, training=True))
    names = [(layer, w) for layer in _LAYER_NAMES for w in ("kernel", "bias")]
    variables = [
        net.get_layer(layer).kernel if w == "kernel" else net.get_layer(layer).bias
        for layer, w in names
    ]
    dW1, db1, dW2, db2, dW3, db3 = (g.numpy() for g in tape.gradient(cost, variables))
    grads = {
        "dW1": dW1,
        "db1": db1.reshape(1, 1, 1, -1),
        "dW2": dW2,
        "db2": db2.reshape(1, 1, 1, -1),
        "dW3": dW3.T,
        "db3": db3.reshape(-1, 1),
    }
    return grads, float(cost)


def predict(X, parameters) -> np.ndarray:
    """Most probable class of each image, from the Keras ConvNet: (1, m) integers.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    return np.argmax(forward_propagation(X, parameters), axis=0).reshape(1, -1)


def model(
    X_train,
    Y_train,
    X_test,
    Y_test,
    learning_rate: float = 0.009,
    num_epochs: int = 100,
    minibatch_size: int = 64,
    seed: int = 1,
    parameters: Mapping | None = None,
    api: str = "functional",
    progress: Callable[[float], None] | None = None,
):
    """Train the Keras ConvNet with Adam (twin of convnet.model; same inputs, same history).

    Args:
        X_train, Y_train, X_test, Y_test: as in convnet.model (labels (C, m) one-hot).
        learning_rate, num_epochs, minibatch_size: as there.
        seed: seeds TensorFlow (the shuffle) and, when ``parameters`` is None, the
            NumPy initialisation, so both twins can start from the same weights.
        parameters: start from these (NumPy dict) instead.
        api: "functional" (``convolutional_model``) or "sequential" (``sequential_convnet``).
        progress: optional callback receiving the fraction done after each epoch.

    Returns:
        (parameters, history), history = {"train_cost", "test_cost", "train_accuracy",
        "test_accuracy"} per epoch, both sets measured after each epoch, and the
        trained Keras model under history["net"].

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 4.
    """
    X_train, X_test = _images(X_train), _images(X_test)
    C = np.shape(Y_train)[0]
    Y_train = require_shape("Y_train", Y_train, (None, X_train.shape[0]), "(C, m_train)")
    Y_test = require_shape("Y_test", Y_test, (C, X_test.shape[0]), "(C, m_test)")
    if api not in ("functional", "sequential"):
        raise ValueError(f'api must be "functional" or "sequential"; got {api!r}.')
    keras.utils.set_random_seed(seed)
    if parameters is None:
        parameters = reference.initialize_parameters(X_train.shape[1:], n_classes=C, seed=seed)
    shape = X_train.shape[1:]
    net = convolutional_model(shape, C) if api == "functional" else sequential_convnet(shape, C)
    net.set_weights(keras_from_parameters(parameters, shape, softmax=True).get_weights())
    net.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    history = {"train_cost": [], "test_cost": [], "train_accuracy": [], "test_accuracy": []}

    def record(epoch, logs=None):
        # Both sets measured after the epoch, as convnet.model does (fit's own "loss" is
        # an average over the epoch's batches, taken while the weights moved).
        for split, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
            probs = net(X, training=False).numpy()  # one call: predict() costs more here
            true = np.argmax(Y, axis=0)
            picked = np.clip(probs[np.arange(len(true)), true], 1e-7, 1.0)
            history[f"{split}_cost"].append(float(-np.mean(np.log(picked))))
            history[f"{split}_accuracy"].append(float(np.mean(np.argmax(probs, 1) == true)))
        if progress is not None:
            progress((epoch + 1) / int(num_epochs))

    net.fit(
        X_train,
        Y_train.T.astype(np.float32),
        epochs=int(num_epochs),
        batch_size=int(minibatch_size),
        callbacks=[keras.callbacks.LambdaCallback(on_epoch_end=record)],
        verbose=0,
    )
    history["net"] = net
    return parameters_from_keras(net), history
