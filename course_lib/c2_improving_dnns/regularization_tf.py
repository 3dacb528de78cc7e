"""Keras twins of the regularisation tools: L2 via ``kernel_regularizer``, Dropout, data
augmentation layers and input normalisation via ``keras.layers.Normalization``.

Known differences from the NumPy reference (course_lib/c2_improving_dnns/regularization.py):
- L2: Keras's ``keras.regularizers.L2(l2)`` adds ``l2 * sum(W**2)`` for each kernel to the
  loss of every batch; the course's term is (lambd / (2m)) sum ||W||_F^2, so use
  ``l2 = lambd / (2m)`` with m the number of examples in the batch (the whole training set
  for batch gradient descent). Biases are not penalised on either side.
- Dropout: ``keras.layers.Dropout(rate)`` is inverted dropout with rate = 1 - keep_prob
  (kept units are scaled by 1/keep_prob during training, identity at inference). Its masks
  come from Keras's own generator, so only statistics (E[output] = input, the fraction kept,
  the scale of kept units) can be compared, never a mask.
- ReLU'(0) is 0 in Keras, in the course's 3-layer code and in the reference, so gradients agree.
- Keras works in float32: parity holds to about 1e-6.

Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import deep_network_tf as dtf
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, its backend)

__all__ = [
    "build_regularized_model",
    "forward_propagation",
    "compute_cost_with_regularization",
    "backward_propagation_with_regularization",
    "dropout",
    "horizontal_flip",
    "augment_images",
    "normalize_inputs",
    "apply_normalization",
]


def build_regularized_model(parameters, lambd: float, m: int) -> keras.Model:
    """A Dense stack ([RELU] x (L-1) -> SIGMOID) holding ``parameters``, every kernel with
    ``kernel_regularizer=keras.regularizers.L2(lambd / (2m))``.

    Args:
        parameters: {"W1": (n[1], n_x), "b1": (n[1], 1), ...}. lambd: lambda >= 0.
        m: training-set size (the course divides the penalty by it).

    Returns:
        A keras.Model mapping rows (m, n_x) to (m, 1); ``model.losses`` is the penalty.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
    """
    base = dtf.build_deep_model(parameters)
    l2 = lambd / (2 * m)
    layers: list = [keras.Input(shape=(base.input_shape[1],))]
    for layer in base.layers:
        layers.append(
            keras.layers.Dense(
                layer.units,
                activation=layer.activation,
                kernel_regularizer=keras.regularizers.L2(l2) if lambd > 0 else None,
            )
        )
    model = keras.Sequential(layers)
    for new, old in zip(model.layers, base.layers):
        new.set_weights(old.get_weights())
    return model


def _rows(X, n_x):
    X = require_shape("X", X, (n_x, None), "(n_x, m)")
    return tf.constant(X.T, dtype=tf.float32)


def forward_propagation(X, parameters) -> tuple[np.ndarray, None]:
    """A3 of the course's 3-layer network (any L) computed by Keras.

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ...}.

    Returns:
        A3 (1, m) and None in place of the NumPy cache.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
    """
    return dtf.L_model_forward(X, parameters)


def _cost_and_model(X, Y, parameters, lambd):
    X = require_shape("X", X, (np.shape(parameters["W1"])[1], None), "(n_x, m)")
    m = X.shape[1]
    Y = require_shape("Y", Y, (1, m), "(1, m)")
    model = build_regularized_model(parameters, lambd, m)
    y_true = tf.constant(Y.T, dtype=tf.float32)
    bce = keras.losses.BinaryCrossentropy()
    return model, _rows(X, X.shape[0]), y_true, bce


def compute_cost_with_regularization(X, Y, parameters, lambd: float) -> float:
    """Cross-entropy + L2 penalty as Keras computes it: loss + sum(model.losses).

    Unlike the NumPy function (which takes A3), the twin takes X: the penalty lives in the
    model's layers, so Keras must build the model to compute it.

    Args:
        X: (n_x, m). Y: (1, m). parameters: {"W1", ...}. lambd: lambda.

    Returns:
        J_regularized as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
    """
    model, x, y_true, bce = _cost_and_model(X, Y, parameters, lambd)
    loss = bce(y_true, model(x)) + tf.add_n([tf.constant(0.0)] + list(model.losses))
    return float(loss.numpy())


def backward_propagation_with_regularization(X, Y, parameters, lambd: float) -> dict:
    """dW[l], db[l] of the L2-regularised cost by tf.GradientTape.

    Args:
        X: (n_x, m). Y: (1, m). parameters: {"W1", ...}. lambd: lambda.

    Returns:
        {"dW1": (n[1], n_x), "db1": (n[1], 1), ...} as float64 arrays.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
    """
    model, x, y_true, bce = _cost_and_model(X, Y, parameters, lambd)
    with tf.GradientTape() as tape:
        loss = bce(y_true, model(x)) + tf.add_n([tf.constant(0.0)] + list(model.losses))
    variables = [v for layer in model.layers for v in (layer.kernel, layer.bias)]
    grads = tape.gradient(loss, variables)
    out = {}
    for l in range(1, len(model.layers) + 1):
        dK, db = grads[2 * (l - 1)], grads[2 * (l - 1) + 1]
        out[f"dW{l}"] = np.asarray(dK).T.astype(np.float64)
        out[f"db{l}"] = np.asarray(db).reshape(-1, 1).astype(np.float64)
    return out


def dropout(A, keep_prob: float, training: bool = True, seed: int | None = None) -> np.ndarray:
    """keras.layers.Dropout(rate = 1 - keep_prob) applied to activations A.

    Args:
        A: (n[l], m) activations. keep_prob: in (0, 1]. training: True drops and rescales,
            False is the identity (no dropout at test time). seed: Keras's dropout seed.

    Returns:
        (n[l], m): kept entries equal A / keep_prob, dropped ones 0 (training=True).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 8.
    """
    if not 0 < keep_prob <= 1:
        raise ValueError(f"keep_prob must be in (0, 1]; got {keep_prob}.")
    A = require_shape("A", A, (None, None), "(n[l], m)")
    layer = keras.layers.Dropout(rate=1.0 - keep_prob, seed=seed)
    out = layer(tf.constant(A.T, dtype=tf.float32), training=training)
    return np.asarray(out).T.astype(np.float64)


def horizontal_flip(images) -> np.ndarray:
    """Left-right mirror by ``tf.image.flip_left_right`` (exact twin of the NumPy flip).

    Args:
        images: (m, n_H, n_W, n_C).

    Returns:
        (m, n_H, n_W, n_C) float32.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    return tf.image.flip_left_right(tf.constant(images, dtype=tf.float32)).numpy()


def augment_images(images, seed: int = 0, max_degrees: float = 10.0, zoom: float = 0.1):
    """Keras augmentation layers: RandomFlip("horizontal") -> RandomRotation -> RandomZoom.

    Args:
        images: (m, n_H, n_W, n_C) floats. seed: the layers' seed.
        max_degrees: largest rotation. zoom: largest zoom fraction.

    Returns:
        (m, n_H, n_W, n_C) float32, same shape as the input.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 5.
    """
    pipeline = keras.Sequential(
        [
            keras.layers.RandomFlip("horizontal", seed=seed),
            keras.layers.RandomRotation(max_degrees / 360.0, fill_mode="reflect", seed=seed),
            keras.layers.RandomZoom((-zoom, zoom), fill_mode="reflect", seed=seed),
        ]
    )
    return np.asarray(pipeline(tf.constant(images, dtype=tf.float32), training=True))


def normalize_inputs(X_train) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """keras.layers.Normalization adapted on the training set (twin of
    ``input_normalization.normalize_inputs``; Keras uses the same 1/m variance).

    Args:
        X_train: (n_x, m).

    Returns:
        X_norm (n_x, m), mu (n_x, 1), sigma2 (n_x, 1), all float64 from float32 arithmetic.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X_train = require_shape("X_train", X_train, (None, None), "(n_x, m)")
    layer = keras.layers.Normalization(axis=-1)
    layer.adapt(X_train.T.astype(np.float32))
    mu = np.asarray(layer.mean).reshape(-1, 1).astype(np.float64)
    sigma2 = np.asarray(layer.variance).reshape(-1, 1).astype(np.float64)
    X_norm = np.asarray(layer(X_train.T.astype(np.float32))).T.astype(np.float64)
    return X_norm, mu, sigma2


def apply_normalization(X, mu, sigma2) -> np.ndarray:
    """keras.layers.Normalization(mean=mu, variance=sigma2) applied to dev/test inputs.

    Args:
        X: (n_x, m). mu, sigma2: (n_x, 1) training statistics.

    Returns:
        (n_x, m).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    mu = require_shape("mu", mu, (None, 1), "(n_x, 1)")
    sigma2 = require_shape("sigma2", sigma2, (mu.shape[0], 1), "(n_x, 1)")
    X = require_shape("X", X, (mu.shape[0], None), "(n_x, m)")
    layer = keras.layers.Normalization(axis=-1, mean=mu.ravel(), variance=sigma2.ravel())
    return np.asarray(layer(X.T.astype(np.float32))).T.astype(np.float64)
