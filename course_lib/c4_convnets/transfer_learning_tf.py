"""Keras side of transfer learning: cached frozen activations, fine-tuning, from scratch.

The three regimes the lesson compares against the number of labelled examples:

- frozen: every pretrained layer frozen; only a new output layer is trained, on cached
  activations (``cached_activations``; the head itself is transfer_learning.py's NumPy
  logistic regression, or ``Dense(1)`` on the same numbers);
- fine-tuned: the new head is trained first with the network frozen (that is the frozen
  regime), then the top convolution (block3_conv3) is unfrozen and both are trained
  further with a low learning rate (1e-4), so the pretrained filters move only a little.
  The layers below stay frozen, so their activations (block3_conv2) are cached too. VGG16
  has no batch normalisation, so there are no BN statistics to keep frozen (in a network
  with BN, keep those layers in inference mode: ``layer.trainable = False``);
- from scratch: a small ConvNet with random initial weights trained on the images alone.

These are Keras-only experiments, not twins: the NumPy side (transfer_learning.py) has
the head and the learning curve, which need no framework.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 3.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from course_lib.c4_convnets import pretrained
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_binary_labels, require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "extract_features",
    "cached_activations",
    "build_top",
    "top_features",
    "fine_tune",
    "small_convnet",
    "train_from_scratch",
]


def extract_features(extractor, images, batch_size: int = 50) -> np.ndarray:
    """Run a frozen extractor over RGB images in batches (inference mode).

    Args:
        extractor: a keras.Model taking Caffe-preprocessed input (pretrained.feature_extractor).
        images: (m, n_H, n_W, 3) RGB in [0, 255]. batch_size: images per call.

    Returns:
        (m, ...) float32 activations of the extractor's last layer.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    X = pretrained.vgg_preprocess(images)
    parts = [
        keras.ops.convert_to_numpy(extractor(X[i : i + batch_size], training=False))
        for i in range(0, X.shape[0], batch_size)
    ]
    return np.concatenate(parts)


def cached_activations(extractor, images, cache_dir=None, batch_size: int = 50) -> np.ndarray:
    """``extract_features``, computed once per (extractor, images) and then read back.

    The key is the extractor's name and output shape plus a hash of the images, so new
    images or another layer compute afresh. In memory for the session; also in
    ``cache_dir`` as .npy files when given.

    Args:
        extractor: keras.Model. images: (m, n_H, n_W, 3). cache_dir: folder or None.
        batch_size: images per call.

    Returns:
        (m, ...) float32 activations.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    X = np.ascontiguousarray(images, dtype=np.float32)
    digest = hashlib.sha256(X.tobytes()).hexdigest()[:16]
    key = f"{extractor.name}-{'x'.join(map(str, X.shape))}-{digest}"
    if key in _MEMORY:
        return _MEMORY[key]
    path = Path(cache_dir) / f"{key}.npy" if cache_dir is not None else None
    if path is not None and path.is_file():
        out = np.load(path)
    else:
        out = extract_features(extractor, X, batch_size)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, out)
    _MEMORY[key] = out
    return out


_MEMORY: dict[str, np.ndarray] = {}


def build_top(vgg, head, F_mean, F_sd, layer: str = "block3_conv3"):
    """The trainable top: one pretrained convolution, global average pooling, the new head.

    Args:
        vgg: pretrained.build_vgg16 model.
        head: the NumPy head {"w": (n_C, 1), "b": (1, 1)} trained on standardised pooled
            features (transfer_learning.train_logistic_head).
        F_mean, F_sd: (n_C,) the standardisation the head was trained with (a fixed
            scaling layer, not batch normalisation).
        layer: the pretrained convolution to copy (its input is the layer before it).

    Returns:
        keras.Model from the previous layer's activations (m, n_H, n_W, n_C_prev) to
        yhat (m, 1); its layers are "top_conv" (pretrained), "pool", "scale", "head".

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 3.
    """
    source = vgg.get_layer(layer)
    n_H, n_W, n_C_prev = source.input.shape[1:]
    sd = np.asarray(F_sd, dtype=np.float64)
    model = keras.Sequential(
        [
            keras.Input((n_H, n_W, n_C_prev)),
            keras.layers.Conv2D(
                source.filters, 3, padding="same", activation="relu", name="top_conv"
            ),
            keras.layers.GlobalAveragePooling2D(name="pool"),
            keras.layers.Normalization(mean=np.asarray(F_mean), variance=sd**2, name="scale"),
            keras.layers.Dense(1, activation="sigmoid", name="head"),
        ]
    )
    model.get_layer("top_conv").set_weights(source.get_weights())
    model.get_layer("head").set_weights([np.asarray(head["w"]), np.asarray(head["b"]).ravel()])
    return model


def top_features(vgg, A_prev, layer: str = "block3_conv3", batch_size: int = 50) -> np.ndarray:
    """Pooled activations of the top convolution, from the cached activations below it.

    Args:
        vgg: pretrained.build_vgg16 model. A_prev: (m, n_H, n_W, n_C_prev) activations of
            the layer below ``layer``. layer: the convolution. batch_size: examples per call.

    Returns:
        (m, n_C): global average pool of relu(conv(A_prev)).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    conv = vgg.get_layer(layer)
    A = np.asarray(A_prev, np.float32)
    parts = [
        keras.ops.convert_to_numpy(keras.ops.mean(conv(A[i : i + batch_size]), axis=(1, 2)))
        for i in range(0, A.shape[0], batch_size)
    ]
    return np.concatenate(parts)


def fine_tune(
    vgg,
    A_prev_train,
    y_train,
    A_prev_test,
    y_test,
    head,
    F_mean,
    F_sd,
    epochs: int = 10,
    learning_rate: float = 1e-4,
    seed: int = 0,
) -> dict[str, float]:
    """Fine-tuning: start from the frozen regime's head, unfreeze the top convolution.

    Phase 1 (the new head trained with the network frozen) is the frozen regime itself,
    done in NumPy on cached features; this function copies that head and trains the top
    convolution and the head together with a LOW learning rate.

    Args:
        vgg: pretrained.build_vgg16 model.
        A_prev_train: (m, n_H, n_W, n_C_prev) cached activations of the layer below the top
            convolution (block3_conv2) for the labelled examples. y_train: (m,) labels 0/1.
        A_prev_test, y_test: the same for the test set.
        head, F_mean, F_sd: the frozen regime's head and its feature standardisation.
        epochs, learning_rate: Adam, mini-batches of up to 32.
        seed: seed of the shuffling.

    Returns:
        {"frozen": test accuracy before fine-tuning, "fine_tuned": after it,
        "conv_change": ||W - W_pretrained|| / ||W_pretrained|| of the top convolution}.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 3.
    """
    n_C_prev = vgg.get_layer("block3_conv3").input.shape[-1]
    shape = (None, None, None, n_C_prev)
    notation = "(m, n_H, n_W, n_C_prev)"
    A_tr = require_shape("A_prev_train", A_prev_train, shape, notation).astype(np.float32)
    A_te = require_shape("A_prev_test", A_prev_test, shape, notation).astype(np.float32)
    y_tr = _labels("y_train", y_train, A_tr.shape[0]).reshape(-1, 1)
    y_te = _labels("y_test", y_test, A_te.shape[0])
    keras.utils.set_random_seed(seed)
    model = build_top(vgg, head, F_mean, F_sd)
    top = model.get_layer("top_conv")
    W0 = top.get_weights()[0]

    def accuracy():
        yhat = keras.ops.convert_to_numpy(model(A_te, training=False)).ravel()
        return float(np.mean((yhat > 0.5) == y_te))

    frozen = accuracy()
    # trainable is read by compile: set it first. The fixed scaling layer stays fixed.
    top.trainable = True
    model.get_layer("scale").trainable = False
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy")
    model.fit(A_tr, y_tr, epochs=epochs, batch_size=min(32, len(A_tr)), verbose=0)
    change = np.linalg.norm(top.get_weights()[0] - W0) / np.linalg.norm(W0)
    return {"frozen": frozen, "fine_tuned": accuracy(), "conv_change": float(change)}


def small_convnet(input_shape, seed: int = 0):
    """A small ConvNet for training from scratch: two conv/pool stages, GAP, Dense(1).

    Args:
        input_shape: (n_H, n_W, n_C). seed: seed of the initial weights.

    Returns:
        keras.Model (uncompiled) from (m, n_H, n_W, n_C) in [0, 1] to yhat (m, 1).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 3.
    """
    keras.utils.set_random_seed(seed)
    return keras.Sequential(
        [
            keras.Input(tuple(input_shape)),
            keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.GlobalAveragePooling2D(),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


def train_from_scratch(
    X_train, y_train, X_test, y_test, epochs: int = 60, learning_rate: float = 3e-3, seed: int = 0
) -> float:
    """Train ``small_convnet`` from random weights and return its test accuracy.

    Args:
        X_train: (m, n_H, n_W, n_C) images in [0, 255]. y_train: (m,) labels 0/1.
        X_test, y_test: test set. epochs, learning_rate: Adam, mini-batches of up to 32.
        seed: seed of the initial weights and the shuffling.

    Returns:
        test accuracy.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 3.
    """
    shape, notation = (None, None, None, None), "(m, n_H, n_W, n_C)"
    X_tr = require_shape("X_train", X_train, shape, notation).astype(np.float32) / 255.0
    X_te = require_shape("X_test", X_test, (None, *X_tr.shape[1:]), notation)
    X_te = X_te.astype(np.float32) / 255.0
    y = _labels("y_train", y_train, X_tr.shape[0]).reshape(-1, 1)
    y_te = _labels("y_test", y_test, X_te.shape[0])
    model = small_convnet(X_tr.shape[1:], seed)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy")
    model.fit(X_tr, y, epochs=epochs, batch_size=min(32, len(X_tr)), verbose=0)
    yhat = keras.ops.convert_to_numpy(model(X_te, training=False)).ravel()
    return float(np.mean((yhat > 0.5) == y_te))


def _labels(name: str, y, m: int) -> np.ndarray:
    """Labels 0/1 of shape (m,), as float32 (what Keras's binary cross-entropy takes)."""
    y = require_shape(name, y, (m,), "(m,)")
    return require_binary_labels(name, y.reshape(1, -1)).ravel().astype(np.float32)
