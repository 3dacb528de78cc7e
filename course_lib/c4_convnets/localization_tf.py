"""TensorFlow/Keras twins of localization.py, and the small localisation and landmark ConvNets.

``localization_loss``, ``practical_localization_loss`` and ``landmark_loss`` take the same
NumPy arrays as their NumPy twins and return a float (computed in float64 with TensorFlow).
The ``keras_*`` losses are the same formulas as Keras losses ``(y_true, y_pred)`` for
training. The models output raw numbers (a logit for p_c, the box or landmark coordinates,
class logits); ``localization.localization_outputs`` turns them into predictions.

Taught in: notebooks/c4_convnets/09_localization_and_landmarks.py
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import localization as loc
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "localization_loss",
    "practical_localization_loss",
    "landmark_loss",
    "keras_practical_localization_loss",
    "keras_landmark_loss",
    "build_localization_model",
    "build_landmark_model",
    "train_model",
    "predict_localization",
    "predict_landmarks",
]


def localization_loss(Y_hat, Y) -> float:
    """The course's loss in TensorFlow: all n_y squared errors if y_1 = 1, else (yhat_1 - y_1)^2.

    Args:
        Y_hat, Y: (m, n_y) NumPy arrays (Y[:, 0] = p_c in {0, 1}).

    Returns:
        J (mean over m), a float.
    """
    Y_hat = tf.constant(Y_hat, tf.float64)
    Y = tf.constant(Y, tf.float64)
    diff2 = tf.square(Y_hat - Y)
    per_example = tf.where(Y[:, 0] == 1, tf.reduce_sum(diff2, axis=1), diff2[:, 0])
    return float(tf.reduce_mean(per_example))


def keras_practical_localization_loss(y_true, y_pred, box_weight: float = 1.0):
    """Keras loss (y_true, y_pred): logistic for p_c, squared error for the box (times
    ``box_weight``) and cross-entropy for the classes (the last two only where y_1 = 1), mean
    over the batch."""
    y_true = tf.cast(y_true, y_pred.dtype)
    p = y_true[:, 0]
    logistic = tf.nn.sigmoid_cross_entropy_with_logits(labels=p, logits=y_pred[:, 0])
    box = tf.reduce_sum(tf.square(y_pred[:, 1:5] - y_true[:, 1:5]), axis=1)
    cross_entropy = tf.nn.softmax_cross_entropy_with_logits(
        labels=y_true[:, 5:], logits=y_pred[:, 5:]
    )
    return tf.reduce_mean(logistic + p * (box_weight * box + cross_entropy))


def keras_landmark_loss(y_true, y_pred):
    """Keras loss (y_true, y_pred): logistic for p, squared error of the landmarks where y_1 = 1."""
    y_true = tf.cast(y_true, y_pred.dtype)
    p = y_true[:, 0]
    logistic = tf.nn.sigmoid_cross_entropy_with_logits(labels=p, logits=y_pred[:, 0])
    squared = tf.reduce_sum(tf.square(y_pred[:, 1:] - y_true[:, 1:]), axis=1)
    return tf.reduce_mean(logistic + p * squared)


def practical_localization_loss(Z, Y, box_weight: float = 1.0) -> float:
    """Twin of ``localization.practical_localization_loss`` (Z raw outputs, Y targets)."""
    Y, Z = tf.constant(Y, tf.float64), tf.constant(Z, tf.float64)
    return float(keras_practical_localization_loss(Y, Z, box_weight))


def landmark_loss(Z, Y) -> float:
    """Twin of ``localization.landmark_loss`` (Z raw outputs (m, 1 + 2n), Y targets)."""
    return float(keras_landmark_loss(tf.constant(Y, tf.float64), tf.constant(Z, tf.float64)))


def _backbone(input_shape, n_out: int, width: int, seed: int, name: str) -> keras.Model:
    init = keras.initializers.GlorotUniform(seed=seed)
    x = inputs = keras.Input(input_shape)
    for k, n in enumerate((width, 2 * width, 4 * width)):
        x = keras.layers.Conv2D(n, 3, padding="same", activation="relu", kernel_initializer=init,
                                name=f"conv{k + 1}")(x)  # fmt: skip
        x = keras.layers.MaxPooling2D(2, name=f"pool{k + 1}")(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(8 * width, activation="relu", kernel_initializer=init, name="fc")(x)
    outputs = keras.layers.Dense(n_out, kernel_initializer=init, name="outputs")(x)
    return keras.Model(inputs, outputs, name=name)


def build_localization_model(
    input_shape=(32, 32, 3),
    n_classes: int = 3,
    width: int = 16,
    box_weight: float = 10.0,
    seed: int = 0,
) -> keras.Model:
    """A small ConvNet with 5 + n_classes raw outputs: [p_c logit, b_x, b_y, b_h, b_w, logits].

    Three CONV 3x3 (same, ReLU) -> MAXPOOL 2x2 stages with width, 2 width, 4 width filters,
    then FC 8 width (ReLU) and a linear FC output; compiled with Adam and
    ``keras_practical_localization_loss`` with the box term weighted by ``box_weight`` (the
    box errors are fractions of the image, so small next to the logistic and cross-entropy
    terms; a weight such as 10 makes the network care about them, as YOLO's lambda_coord).
    """
    keras.utils.set_random_seed(seed)
    model = _backbone(input_shape, 5 + n_classes, width, seed, "localization")

    def loss(y_true, y_pred):
        return keras_practical_localization_loss(y_true, y_pred, box_weight)

    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss=loss)
    return model


def build_landmark_model(
    input_shape=(32, 32, 3), n_landmarks: int = 3, width: int = 16, seed: int = 0
) -> keras.Model:
    """The same ConvNet with 1 + 2n raw outputs [p logit, l_1x, l_1y, ...], loss
    ``keras_landmark_loss``."""
    keras.utils.set_random_seed(seed)
    model = _backbone(input_shape, loc.landmark_output_size(n_landmarks), width, seed, "landmarks")
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss=keras_landmark_loss)
    return model


def train_model(model: keras.Model, images, Y, epochs: int, batch_size: int = 32, seed: int = 0,
                progress=None) -> list[float]:  # fmt: skip
    """Train ``model`` on (images (m, n_H, n_W, 3), Y (m, n_y)); return the loss per epoch.

    ``progress``: optional callable fed the fraction done after every epoch.
    """
    keras.utils.set_random_seed(seed)
    callbacks = []
    if progress is not None:
        callbacks.append(keras.callbacks.LambdaCallback(
            on_epoch_end=lambda epoch, logs: progress((epoch + 1) / epochs)))  # fmt: skip
    history = model.fit(
        np.asarray(images, np.float32), np.asarray(Y, np.float32), epochs=epochs,
        batch_size=batch_size, shuffle=True, verbose=0, callbacks=callbacks,
    )  # fmt: skip
    return [float(v) for v in history.history["loss"]]


def predict_localization(model: keras.Model, images) -> np.ndarray:
    """Predictions (m, 5 + n_classes) in the target layout (p_c and class probabilities)."""
    Z = model.predict(np.asarray(images, np.float32), verbose=0, batch_size=256)
    return loc.localization_outputs(Z.astype(np.float64))


def predict_landmarks(model: keras.Model, images) -> np.ndarray:
    """Predictions (m, 1 + 2n): [sigmoid(p logit), l_1x, l_1y, ...]."""
    Z = model.predict(np.asarray(images, np.float32), verbose=0, batch_size=256).astype(np.float64)
    Z[:, 0] = 1.0 / (1.0 + np.exp(-np.clip(Z[:, 0], -500, 500)))
    return Z
