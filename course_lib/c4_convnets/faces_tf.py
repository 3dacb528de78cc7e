"""Keras twin of faces.py: the triplet loss in TensorFlow and a small face encoder trained with it.

``triplet_loss(y_true, y_pred, alpha)`` is the course's TF function. ``build_encoder`` is a
small ConvNet that maps an image to an L2-normalised encoding f(x) (a Siamese network is this
one encoder applied to both images: the weights are shared because it is the same model).
``train_encoder`` trains it with the triplet loss, choosing the triplets every epoch with
``faces.select_triplets`` (random, semi-hard or hard), and ``encode`` runs it on a batch.

Taught in: notebooks/c4_convnets/14_face_verification.py
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import faces
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = ["tf", "triplet_loss", "triplet_loss_and_grads", "build_encoder", "encode",
           "train_encoder"]  # fmt: skip


def triplet_loss(y_true, y_pred, alpha: float = 0.2):
    """The course's triplet loss in TensorFlow: sum_i max(||A-P||^2 - ||A-N||^2 + alpha, 0).

    Args:
        y_true: unused (Keras's loss signature).
        y_pred: (anchor, positive, negative), each (m, n_f), tensors or arrays.
        alpha: the margin.

    Returns:
        a scalar tensor.
    """
    del y_true
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, positive)), axis=-1)
    neg_dist = tf.reduce_sum(tf.square(tf.subtract(anchor, negative)), axis=-1)
    basic_loss = tf.add(tf.subtract(pos_dist, neg_dist), alpha)
    return tf.reduce_sum(tf.maximum(basic_loss, 0.0))


def triplet_loss_and_grads(y_pred, alpha: float = 0.2):
    """The TF loss and its gradients (GradientTape), as NumPy, like faces.triplet_loss_and_grads.

    Args:
        y_pred: (anchor, positive, negative) float64 arrays (m, n_f). alpha: the margin.

    Returns:
        (J: float, {"danchor", "dpositive", "dnegative"}: (m, n_f) arrays).
    """
    parts = [tf.Variable(np.asarray(p, np.float64)) for p in y_pred]
    with tf.GradientTape() as tape:
        J = triplet_loss(None, parts, tf.constant(alpha, tf.float64))
    grads = tape.gradient(J, parts)
    names = ("danchor", "dpositive", "dnegative")
    return float(J), {k: np.asarray(g) for k, g in zip(names, grads)}


def build_encoder(input_shape=(25, 25, 1), embedding_dim: int = 64, width: int = 16, seed=0):
    """A small ConvNet encoder x -> f(x) of unit L2 norm (the Siamese network's shared half).

    CONV 3x3 (width) -> RELU -> MAXPOOL 2 -> CONV 3x3 (2 width) -> RELU -> MAXPOOL 2 ->
    FLATTEN -> DENSE (embedding_dim) -> L2 normalisation.

    Args:
        input_shape: (n_H, n_W, n_C). embedding_dim: size of f(x). width: filters of the
            first convolution. seed: weight initialisation.

    Returns:
        a keras.Model (m, n_H, n_W, n_C) -> (m, embedding_dim).
    """
    keras.utils.set_random_seed(seed)
    inputs = keras.Input(input_shape)
    x = keras.layers.Conv2D(width, 3, padding="same", activation="relu")(inputs)
    x = keras.layers.MaxPooling2D(2, padding="same")(x)
    x = keras.layers.Conv2D(2 * width, 3, padding="same", activation="relu")(x)
    x = keras.layers.MaxPooling2D(2, padding="same")(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(embedding_dim)(x)
    outputs = keras.layers.UnitNormalization(axis=-1)(x)
    return keras.Model(inputs, outputs, name="face_encoder")


def encode(model, x, batch_size: int = 512) -> np.ndarray:
    """f(x) for a batch of images: (m, n_H, n_W, n_C) -> (m, n_f) float64 (unit norm)."""
    x = np.asarray(x, np.float32)
    out = [np.asarray(model(x[i : i + batch_size], training=False))
           for i in range(0, len(x), batch_size)]  # fmt: skip
    return np.concatenate(out).astype(np.float64)


def train_encoder(
    model,
    x,
    labels,
    epochs: int = 10,
    strategy: str = "semi-hard",
    alpha: float = 0.2,
    triplets_per_epoch: int = 1024,
    batch_size: int = 64,
    learning_rate: float = 1e-3,
    seed: int = 0,
    progress=None,
) -> dict:
    """Train ``model`` with the triplet loss; triplets re-chosen every epoch with ``strategy``.

    Args:
        model: from ``build_encoder``. x: (m, n_H, n_W, n_C) photos. labels: (m,) persons.
        epochs: passes, each over ``triplets_per_epoch`` new triplets. strategy: "random",
            "semi-hard" or "hard" (``faces.select_triplets``). alpha: the margin.
        batch_size: triplets per Adam step. learning_rate: Adam's. seed: triplet draws.
        progress: called with the fraction done after each epoch.

    Returns:
        {"losses": mean triplet loss per epoch (of the chosen triplets),
        "satisfied": fraction of the chosen triplets with zero loss before each epoch}.
    """
    x = np.asarray(x, np.float32)
    labels = np.asarray(labels)
    optimizer = keras.optimizers.Adam(learning_rate)
    rng = np.random.default_rng(seed)

    @tf.function(reduce_retracing=True)
    def step(a, p, n):
        with tf.GradientTape() as tape:
            fa, fp, fn = model(a, training=True), model(p, training=True), model(n, training=True)
            loss = triplet_loss(None, (fa, fp, fn), alpha) / tf.cast(tf.shape(a)[0], tf.float32)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    history = {"losses": [], "satisfied": []}
    for epoch in range(epochs):
        f = encode(model, x)
        t = faces.select_triplets(f, labels, triplets_per_epoch, strategy, alpha, rng)
        history["satisfied"].append(faces.triplet_margin_stats(f, t, alpha)["satisfied"])
        losses = []
        for i in range(0, len(t), batch_size):
            b = t[i : i + batch_size]
            losses.append(float(step(x[b[:, 0]], x[b[:, 1]], x[b[:, 2]])))
        history["losses"].append(float(np.mean(losses)))
        if progress is not None:
            progress((epoch + 1) / epochs)
    return history
