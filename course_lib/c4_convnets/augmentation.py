"""Data augmentation in NumPy: mirroring, cropping, rotation, shearing and colour shifts.

Every function takes a batch of images ``X`` of shape ``(m, n_H, n_W, n_C)`` (pixel values
in [0, 255], RGB order for the colour functions) and returns a new batch; nothing is
changed in place. The random versions take an explicit ``seed``: the same seed gives the
same distortions.

Geometric warps follow the convention of Keras's preprocessing layers, so the twins in
``augmentation_tf.py`` can be compared pixel by pixel: output pixel (row y, column x) reads
the input at ``x_in = a0 x + a1 y + a2``, ``y_in = b0 x + b1 y + b2`` with bilinear
interpolation, and reads ``fill`` outside the image. Rotations and shears turn about the
image centre ``((n_W - 1) / 2, (n_H - 1) / 2)``.

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, sections 4-6.
"""

from __future__ import annotations

import math

import numpy as np

from course_lib.c4_convnets.layers import whole_number
from course_lib.validation import require_finite, require_shape

__all__ = [
    "COLOUR_SHIFT_EXAMPLE",
    "as_images",
    "mirror",
    "crop",
    "random_crop",
    "affine_warp",
    "rotation_matrix",
    "shear_matrix",
    "rotate",
    "shear",
    "random_rotation",
    "colour_shift",
    "random_colour_shift",
    "rgb_pca",
    "pca_colour_offset",
    "pca_colour_augmentation",
]

# The lecture's example of a colour shift: more red and blue, less green (a purple cast).
COLOUR_SHIFT_EXAMPLE = (20.0, -20.0, 20.0)


def as_images(name: str, X, *, colour: bool = False) -> np.ndarray:
    """Validate a batch of images and return it as a float64 array.

    Args:
        name: the variable's name, shown in the error message.
        X: (m, n_H, n_W, n_C) numbers (n_C = 3 when ``colour``).
        colour: require three (RGB) channels.

    Returns:
        (m, n_H, n_W, n_C) float64 copy-free view when X already is float64.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    if colour:
        arr = require_shape(name, X, (None, None, None, 3), "(m, n_H, n_W, 3)")
    else:
        arr = require_shape(name, X, (None, None, None, None), "(m, n_H, n_W, n_C)")
    return np.asarray(arr, dtype=np.float64)


def mirror(X) -> np.ndarray:
    """Mirror every image left to right (the column axis n_W is reversed).

    Args:
        X: (m, n_H, n_W, n_C) images.

    Returns:
        (m, n_H, n_W, n_C): X[:, :, ::-1, :].

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    return as_images("X", X)[:, :, ::-1, :].copy()


def crop(X, top: int, left: int, height: int, width: int) -> np.ndarray:
    """Cut the same window out of every image.

    Args:
        X: (m, n_H, n_W, n_C) images.
        top, left: row and column of the window's upper-left pixel.
        height, width: size of the window; it must lie inside the image.

    Returns:
        (m, height, width, n_C).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    _, n_H, n_W, _ = X.shape
    if not (height >= 1 and width >= 1 and top >= 0 and left >= 0):
        raise ValueError(
            f"crop needs height, width >= 1 and top, left >= 0; got top={top}, left={left}, "
            f"height={height}, width={width}."
        )
    if top + height > n_H or left + width > n_W:
        raise ValueError(
            f"a {height}x{width} window at (top={top}, left={left}) does not fit in images of "
            f"n_H x n_W = {n_H}x{n_W}."
        )
    return X[:, top : top + height, left : left + width, :].copy()


def random_crop(X, height: int, width: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Cut a window of the same size at a random place of each image.

    Every position is equally likely: top in 0..n_H - height, left in 0..n_W - width.

    Args:
        X: (m, n_H, n_W, n_C) images. height, width: crop size (at most n_H, n_W).
        seed: seed of the offsets.

    Returns:
        (crops, offsets): crops (m, height, width, n_C) and offsets (m, 2) of (top, left).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    m, n_H, n_W, _ = X.shape
    if not (1 <= height <= n_H and 1 <= width <= n_W):
        raise ValueError(
            f"crop size must be between 1x1 and n_H x n_W = {n_H}x{n_W}; got {height}x{width}."
        )
    rng = np.random.default_rng(seed)
    tops = rng.integers(0, n_H - height + 1, size=m)
    lefts = rng.integers(0, n_W - width + 1, size=m)
    crops = np.stack(
        [X[i, t : t + height, s : s + width, :] for i, (t, s) in enumerate(zip(tops, lefts))]
    )
    return crops, np.stack([tops, lefts], axis=1)


def _finite_number(name: str, value) -> float:
    """``value`` as a float, or ValueError for NaN, infinity or a non-number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number; got {value!r}.") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {value!r}.")
    return number


def rotation_matrix(angle: float, n_H: int, n_W: int) -> np.ndarray:
    """The 8 numbers (a0, a1, a2, b0, b1, b2, 0, 0) of a rotation about the image centre.

    A positive angle turns the picture counter-clockwise, as Keras's RandomRotation does.

    Args:
        angle: degrees. n_H, n_W: image height and width.

    Returns:
        (8,) float64, in the layout of keras.ops.image.affine_transform.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    theta = math.radians(_finite_number("angle", angle))
    n_H, n_W = whole_number("n_H", n_H, 1), whole_number("n_W", n_W, 1)
    c, s = math.cos(theta), math.sin(theta)
    cx, cy = (n_W - 1) / 2.0, (n_H - 1) / 2.0
    a0, a1, b0, b1 = c, -s, s, c
    return np.array([a0, a1, cx - cx * a0 - cy * a1, b0, b1, cy - cx * b0 - cy * b1, 0.0, 0.0])


def shear_matrix(shear_x: float, n_H: int) -> np.ndarray:
    """The 8 numbers of a horizontal shear about the centre row: x_in = x + k (y - c_y).

    Rows above the centre slide one way and rows below it the other; the centre row stays.

    Args:
        shear_x: k, the horizontal shift per row (tan of the shear angle). n_H: image height.

    Returns:
        (8,) float64, in the layout of keras.ops.image.affine_transform.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    k = _finite_number("shear_x", shear_x)
    cy = (whole_number("n_H", n_H, 1) - 1) / 2.0
    return np.array([1.0, k, -k * cy, 0.0, 1.0, 0.0, 0.0, 0.0])


def affine_warp(X, transform, fill: float = 0.0) -> np.ndarray:
    """Warp every image by one affine map with bilinear interpolation (inverse mapping).

    Output pixel (y, x) reads the input at (x_in, y_in) = (a0 x + a1 y + a2, b0 x + b1 y + b2),
    mixing the four nearest pixels; neighbours outside the image count as ``fill``.

    Args:
        X: (m, n_H, n_W, n_C) images.
        transform: (8,) numbers (a0, a1, a2, b0, b1, b2, c0, c1) with c0 = c1 = 0 (affine).
        fill: value of the pixels outside the image.

    Returns:
        (m, n_H, n_W, n_C) float64.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    t = require_shape("transform", transform, (8,), "(8,)", finite=True)
    if t[6] != 0 or t[7] != 0:
        raise ValueError(f"affine_warp takes affine maps (c0 = c1 = 0); got c0={t[6]}, c1={t[7]}.")
    m, n_H, n_W, n_C = X.shape
    y, x = np.mgrid[0:n_H, 0:n_W].astype(np.float64)
    x_in = t[0] * x + t[1] * y + t[2]
    y_in = t[3] * x + t[4] * y + t[5]
    x0, y0 = np.floor(x_in), np.floor(y_in)
    wx, wy = x_in - x0, y_in - y0
    x0, y0 = x0.astype(int), y0.astype(int)
    padded = np.pad(X, ((0, 0), (1, 1), (1, 1), (0, 0)), constant_values=fill)
    out = np.zeros_like(X)
    for dy, dx, weight in (
        (0, 0, (1 - wy) * (1 - wx)),
        (0, 1, (1 - wy) * wx),
        (1, 0, wy * (1 - wx)),
        (1, 1, wy * wx),
    ):
        # Neighbours beyond the padded border are fill too: clip them onto the pad ring.
        rows = np.clip(y0 + dy + 1, 0, n_H + 1)
        cols = np.clip(x0 + dx + 1, 0, n_W + 1)
        out += weight[None, :, :, None] * padded[:, rows, cols, :]
    return out


def rotate(X, angle: float, fill: float = 0.0) -> np.ndarray:
    """Rotate every image by ``angle`` degrees (counter-clockwise) about its centre.

    Args:
        X: (m, n_H, n_W, n_C) images. angle: degrees. fill: value of the uncovered corners.

    Returns:
        (m, n_H, n_W, n_C) float64.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    return affine_warp(X, rotation_matrix(angle, X.shape[1], X.shape[2]), fill)


def shear(X, shear_x: float, fill: float = 0.0) -> np.ndarray:
    """Shear every image horizontally about its centre row (x_in = x + k (y - c_y)).

    Args:
        X: (m, n_H, n_W, n_C) images. shear_x: k (0.2 tilts verticals by about 11 degrees).
        fill: value of the uncovered pixels.

    Returns:
        (m, n_H, n_W, n_C) float64.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    return affine_warp(X, shear_matrix(shear_x, X.shape[1]), fill)


def random_rotation(X, max_angle: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Rotate each image by its own angle drawn uniformly from [-max_angle, max_angle].

    Args:
        X: (m, n_H, n_W, n_C) images. max_angle: degrees (>= 0). seed: seed of the angles.

    Returns:
        (rotated (m, n_H, n_W, n_C), angles (m,) in degrees).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    X = as_images("X", X)
    if not max_angle >= 0:
        raise ValueError(f"max_angle must be >= 0 degrees; got {max_angle}.")
    angles = np.random.default_rng(seed).uniform(-max_angle, max_angle, size=X.shape[0])
    return np.concatenate([rotate(X[i : i + 1], a) for i, a in enumerate(angles)]), angles


def _shift(name: str, shift) -> np.ndarray:
    shift = require_finite(name, shift).astype(np.float64)
    if shift.shape == (3,):
        return shift
    if shift.ndim == 2 and shift.shape[1] == 3:
        return shift
    raise ValueError(f"{name} must have shape (3,) or (m, 3) (R, G, B); got {shift.shape}.")


def colour_shift(X, shift=COLOUR_SHIFT_EXAMPLE) -> np.ndarray:
    """Add a fixed amount to each colour channel and clip to the pixel range [0, 255].

    Args:
        X: (m, n_H, n_W, 3) RGB images in [0, 255].
        shift: (3,) offsets (R, G, B), one for the whole batch, or (m, 3), one per image.
            The lecture's example is (+20, -20, +20).

    Returns:
        (m, n_H, n_W, 3) float64 in [0, 255].

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    X = as_images("X", X, colour=True)
    shift = _shift("shift", shift)
    if shift.ndim == 2 and shift.shape[0] != X.shape[0]:
        raise ValueError(
            f"shift must have one row per image, shape (m, 3) = ({X.shape[0]}, 3); "
            f"got {shift.shape}."
        )
    per_image = shift if shift.ndim == 2 else shift[None, :]
    return np.clip(X + per_image[:, None, None, :], 0.0, 255.0)


def random_colour_shift(X, max_shift: float = 20.0, seed: int = 0):
    """Shift each image's R, G and B by its own offsets drawn uniformly from [-max, max].

    Args:
        X: (m, n_H, n_W, 3) RGB images in [0, 255]. max_shift: largest offset (>= 0).
        seed: seed of the offsets.

    Returns:
        (shifted (m, n_H, n_W, 3), shifts (m, 3)).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    X = as_images("X", X, colour=True)
    if not max_shift >= 0:
        raise ValueError(f"max_shift must be >= 0; got {max_shift}.")
    shifts = np.random.default_rng(seed).uniform(-max_shift, max_shift, size=(X.shape[0], 3))
    return colour_shift(X, shifts), shifts


def rgb_pca(X) -> tuple[np.ndarray, np.ndarray]:
    """Principal components of the RGB values of all pixels (scaled to [0, 1]).

    Every pixel of every image is one 3-vector; the 3x3 covariance of those vectors has
    eigenvalues lambda_1 >= lambda_2 >= lambda_3 and unit eigenvectors p_1, p_2, p_3.

    Args:
        X: (m, n_H, n_W, 3) RGB images in [0, 255].

    Returns:
        (eigvals (3,) in decreasing order, eigvecs (3, 3) whose COLUMNS are p_1, p_2, p_3).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    X = as_images("X", X, colour=True)
    pixels = X.reshape(-1, 3) / 255.0
    if pixels.shape[0] < 2:
        raise ValueError("rgb_pca needs at least two pixels to estimate a covariance.")
    eigvals, eigvecs = np.linalg.eigh(np.cov(pixels, rowvar=False))
    order = np.argsort(eigvals)[::-1]
    eigvals, eigvecs = np.clip(eigvals[order], 0.0, None), eigvecs[:, order]
    # Fix each eigenvector's sign (largest entry positive) so results do not flip.
    signs = np.sign(eigvecs[np.argmax(np.abs(eigvecs), axis=0), range(3)])
    return eigvals, eigvecs * signs


def pca_colour_offset(eigvals, eigvecs, alphas) -> np.ndarray:
    """AlexNet's colour offset [p_1 p_2 p_3] [a_1 lambda_1, a_2 lambda_2, a_3 lambda_3]^T.

    Args:
        eigvals: (3,) lambda_i. eigvecs: (3, 3), column i is p_i.
        alphas: (3,) a_i for one image, or (m, 3) one row per image.

    Returns:
        (3,) or (m, 3) RGB offsets in the [0, 1] pixel scale (multiply by 255 for [0, 255]).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    eigvals = require_shape("eigvals", eigvals, (3,), "(3,)", finite=True)
    eigvecs = require_shape("eigvecs", eigvecs, (3, 3), "(3, 3)", finite=True)
    alphas = _shift("alphas", alphas)
    # Row form of P @ (alpha * lambda): each image's row times P^T.
    return (alphas * eigvals) @ eigvecs.T


def pca_colour_augmentation(X, sigma: float = 0.1, seed: int = 0, eigvals=None, eigvecs=None):
    """PCA colour augmentation: add P (alpha * lambda) to every pixel, alpha_i ~ N(0, sigma).

    One alpha vector is drawn per image, so all pixels of an image move by the same RGB
    offset, along the data's principal colour directions; the offset is scaled back to
    [0, 255] and the result clipped to that range.

    Args:
        X: (m, n_H, n_W, 3) RGB images in [0, 255].
        sigma: standard deviation of the a_i (AlexNet: 0.1).
        seed: seed of the a_i.
        eigvals, eigvecs: the PCA of the training set's pixels (``rgb_pca``); by default
            computed from X.

    Returns:
        (augmented (m, n_H, n_W, 3), alphas (m, 3), offsets (m, 3) in [0, 255] units).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    X = as_images("X", X, colour=True)
    if not sigma >= 0:
        raise ValueError(f"sigma must be >= 0; got {sigma}.")
    if eigvals is None or eigvecs is None:
        eigvals, eigvecs = rgb_pca(X)
    alphas = np.random.default_rng(seed).normal(0.0, sigma, size=(X.shape[0], 3))
    offsets = 255.0 * pca_colour_offset(eigvals, eigvecs, alphas)
    return colour_shift(X, offsets), alphas, offsets
