"""Keras twins of augmentation.py: the preprocessing layers, made deterministic to compare.

Keras's augmentation layers draw their distortion at random on every call
(``RandomFlip``, ``RandomCrop``, ``RandomRotation``, ``RandomShear``, ...). In a model they
are placed first and are active only in training::

    augment = keras.Sequential([keras.layers.RandomFlip("horizontal"),
                                keras.layers.RandomRotation(0.05),
                                keras.layers.RandomCrop(40, 40)])

To compare them with the NumPy reference, each twin fixes the random part:

- ``mirror``: ``RandomFlip("horizontal")`` applied with its transformation set to "flip
  every image" (``layer.transform_images(X, {"flips": True...})``).
- ``crop`` / ``random_crop``: ``RandomCrop`` applied with given (top, left) offsets; the
  offsets of ``random_crop`` come from the same NumPy generator as the reference.
- ``rotate``: ``RandomRotation(factor=(a/360, a/360))``, a range of one angle, with
  ``fill_mode="constant"`` and bilinear interpolation.
- ``shear``: ``keras.ops.image.affine_transform`` (the op under ``RandomShear``) with the
  reference's matrix. ``RandomShear`` itself shears about the top-left corner and flips
  the sign at random, so it cannot be compared number by number.
- ``colour_shift``, ``rgb_pca``, ``pca_colour_offset``, ``pca_colour_augmentation``: Keras
  has no layer for a per-channel offset or for AlexNet's PCA colour noise; the twins are
  written with TensorFlow ops (the alphas are drawn by the same NumPy generator).

What cannot be compared exactly: random draws (Keras's generator is not NumPy's), and
float32 rounding: about 1e-5 of a grey level for flips, crops and colour, up to ~1e-3 for
rotations and shears (the map and the bilinear weights are computed in float32).

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import augmentation as aug
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "mirror",
    "crop",
    "random_crop",
    "affine_warp",
    "rotate",
    "shear",
    "colour_shift",
    "rgb_pca",
    "pca_colour_offset",
    "pca_colour_augmentation",
    "augmentation_model",
]


def _f32(X) -> np.ndarray:
    return np.asarray(X, dtype=np.float32)


def mirror(X) -> np.ndarray:
    """Twin of augmentation.mirror: RandomFlip("horizontal") told to flip every image.

    Args:
        X: (m, n_H, n_W, n_C).

    Returns:
        (m, n_H, n_W, n_C) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X)
    layer = keras.layers.RandomFlip("horizontal")
    flips = np.ones((X.shape[0], 1, 1, 1), dtype=bool)
    out = layer.transform_images(_f32(X), {"flips": flips, "input_shape": X.shape})
    return keras.ops.convert_to_numpy(out)


def crop(X, top: int, left: int, height: int, width: int) -> np.ndarray:
    """Twin of augmentation.crop: RandomCrop(height, width) with the offsets fixed.

    Args:
        X: (m, n_H, n_W, n_C). top, left: offsets. height, width: crop size.

    Returns:
        (m, height, width, n_C) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    aug.crop(X, top, left, height, width)  # same validation and messages as the reference
    layer = keras.layers.RandomCrop(height, width)
    out = layer.transform_images(_f32(X), (int(top), int(left)), training=True)
    return keras.ops.convert_to_numpy(out)


def random_crop(X, height: int, width: int, seed: int = 0):
    """Twin of augmentation.random_crop: the reference's offsets, cut by RandomCrop.

    Args:
        X: (m, n_H, n_W, n_C). height, width: crop size. seed: seed of the offsets.

    Returns:
        (crops (m, height, width, n_C) float32, offsets (m, 2)).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    _, offsets = aug.random_crop(X, height, width, seed)
    X = aug.as_images("X", X)
    crops = [crop(X[i : i + 1], t, s, height, width) for i, (t, s) in enumerate(offsets)]
    return np.concatenate(crops), offsets


def affine_warp(X, transform, fill: float = 0.0) -> np.ndarray:
    """Twin of augmentation.affine_warp: keras.ops.image.affine_transform, bilinear.

    Args:
        X: (m, n_H, n_W, n_C). transform: (8,) map. fill: outside value.

    Returns:
        (m, n_H, n_W, n_C) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X)
    t = np.asarray(transform, dtype=np.float32)
    out = keras.ops.image.affine_transform(
        _f32(X),
        np.tile(t, (X.shape[0], 1)),
        interpolation="bilinear",
        fill_mode="constant",
        fill_value=fill,
    )
    return keras.ops.convert_to_numpy(out)


def rotate(X, angle: float, fill: float = 0.0) -> np.ndarray:
    """Twin of augmentation.rotate: RandomRotation with a one-angle range.

    Args:
        X: (m, n_H, n_W, n_C). angle: degrees, counter-clockwise. fill: corner value.

    Returns:
        (m, n_H, n_W, n_C) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X)
    turn = float(angle) / 360.0
    layer = keras.layers.RandomRotation(
        (turn, turn), fill_mode="constant", interpolation="bilinear", fill_value=fill, seed=0
    )
    return keras.ops.convert_to_numpy(layer(_f32(X), training=True))


def shear(X, shear_x: float, fill: float = 0.0) -> np.ndarray:
    """Twin of augmentation.shear: the affine op under RandomShear, about the centre row.

    Args:
        X: (m, n_H, n_W, n_C). shear_x: k. fill: outside value.

    Returns:
        (m, n_H, n_W, n_C) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X)
    return affine_warp(X, aug.shear_matrix(shear_x, X.shape[1]), fill)


def colour_shift(X, shift=aug.COLOUR_SHIFT_EXAMPLE) -> np.ndarray:
    """Twin of augmentation.colour_shift: tf.clip_by_value(X + shift, 0, 255).

    Args:
        X: (m, n_H, n_W, 3). shift: (3,) or (m, 3).

    Returns:
        (m, n_H, n_W, 3) float32.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    aug.colour_shift(X, shift)  # same validation as the reference
    s = np.asarray(shift, dtype=np.float32)
    s = s[None, None, None, :] if s.ndim == 1 else s[:, None, None, :]
    return tf.clip_by_value(tf.constant(_f32(X)) + s, 0.0, 255.0).numpy()


def rgb_pca(X):
    """Twin of augmentation.rgb_pca: tf.linalg.eigh of the pixels' 3x3 covariance.

    Args:
        X: (m, n_H, n_W, 3) in [0, 255].

    Returns:
        (eigvals (3,) decreasing, eigvecs (3, 3) columns p_i), float64 (computed in float64).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X, colour=True)
    pixels = tf.reshape(tf.constant(X / 255.0), (-1, 3))
    centred = pixels - tf.reduce_mean(pixels, axis=0)
    n = tf.cast(tf.shape(centred)[0], tf.float64)
    cov = tf.matmul(centred, centred, transpose_a=True) / (n - 1.0)
    eigvals, eigvecs = tf.linalg.eigh(cov)
    eigvals, eigvecs = eigvals.numpy()[::-1], eigvecs.numpy()[:, ::-1]
    signs = np.sign(eigvecs[np.argmax(np.abs(eigvecs), axis=0), range(3)])
    return np.clip(eigvals, 0.0, None), eigvecs * signs


def pca_colour_offset(eigvals, eigvecs, alphas) -> np.ndarray:
    """Twin of augmentation.pca_colour_offset: (alpha * lambda) @ P^T with tf.matmul.

    Args:
        eigvals: (3,). eigvecs: (3, 3). alphas: (3,) or (m, 3).

    Returns:
        (3,) or (m, 3) offsets in the [0, 1] scale.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    aug.pca_colour_offset(eigvals, eigvecs, alphas)  # same validation as the reference
    a = tf.constant(np.atleast_2d(np.asarray(alphas, dtype=np.float64)))
    scaled = a * tf.constant(np.asarray(eigvals, dtype=np.float64))
    out = tf.matmul(scaled, tf.constant(np.asarray(eigvecs, dtype=np.float64)), transpose_b=True)
    out = out.numpy()
    return out[0] if np.ndim(alphas) == 1 else out


def pca_colour_augmentation(X, sigma: float = 0.1, seed: int = 0, eigvals=None, eigvecs=None):
    """Twin of augmentation.pca_colour_augmentation (same NumPy alphas, TF arithmetic).

    Args:
        X: (m, n_H, n_W, 3) in [0, 255]. sigma: sd of a_i. seed: seed of the a_i.
        eigvals, eigvecs: the training set's PCA (default: from X).

    Returns:
        (augmented (m, n_H, n_W, 3) float32, alphas (m, 3), offsets (m, 3)).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X, colour=True)
    if not sigma >= 0:
        raise ValueError(f"sigma must be >= 0; got {sigma}.")
    if eigvals is None or eigvecs is None:
        eigvals, eigvecs = rgb_pca(X)
    alphas = np.random.default_rng(seed).normal(0.0, sigma, size=(X.shape[0], 3))
    offsets = 255.0 * pca_colour_offset(eigvals, eigvecs, alphas)
    return colour_shift(X, offsets), alphas, offsets


def augmentation_model(crop_size: int, max_angle: float = 10.0, seed: int = 0):
    """A Keras pipeline of random augmentations, as it sits at the front of a model.

    Args:
        crop_size: side of the random square crop. max_angle: degrees of random rotation.
        seed: seed of the layers' generators.

    Returns:
        keras.Sequential: RandomFlip("horizontal"), RandomRotation, RandomCrop; active only
        when called with training=True.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 7.
    """
    turn = float(max_angle) / 360.0
    return keras.Sequential(
        [
            keras.layers.RandomFlip("horizontal", seed=seed),
            keras.layers.RandomRotation(turn, fill_mode="constant", seed=seed + 1),
            keras.layers.RandomCrop(crop_size, crop_size, seed=seed + 2),
        ]
    )
