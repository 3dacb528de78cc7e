"""Edge detection and the convolution operation on one grey-scale image (NumPy).

The named edge kernels of the lecture, the deep-learning "convolution" (a cross-correlation)
of a 2-D image with an f x f kernel, the true (flipped) convolution, the sizes that padding
and stride give, and an edge kernel learned from data by gradient descent. The maths of the
sliding window lives in ``convolution.py`` (the course's conv layer); ``conv2d`` is that
layer for one example with one channel and one filter.

Taught in: notebooks/c4_convnets/01_edges_and_convolution.py.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np

from course_lib.c4_convnets import convolution as cv
from course_lib.validation import require_finite, require_numeric, require_shape

__all__ = [
    "KERNELS",
    "PHOTOS",
    "load_photo",
    "photo_patches",
    "step_image",
    "conv2d",
    "flip_kernel",
    "convolve2d_true",
    "associativity_gap",
    "shift_image",
    "fc_weight_count",
    "same_padding",
    "output_size_report",
    "pixel_use_counts",
    "standardize_images",
    "edge_kernel_cost",
    "learn_edge_kernel",
]


def _kernel(rows) -> np.ndarray:
    k = np.array(rows, dtype=np.float64)
    k.setflags(write=False)  # a shared constant: a learner's edit must not change the lesson
    return k


# The lecture's hand-made 3 x 3 kernels. "vertical" responds to a vertical edge (light on the
# left, dark on the right gives a positive output); each "horizontal" one is its transpose.
KERNELS: dict[str, np.ndarray] = {
    "vertical": _kernel([[1, 0, -1], [1, 0, -1], [1, 0, -1]]),
    "horizontal": _kernel([[1, 1, 1], [0, 0, 0], [-1, -1, -1]]),
    "sobel vertical": _kernel([[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
    "sobel horizontal": _kernel([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
    "scharr vertical": _kernel([[3, 0, -3], [10, 0, -10], [3, 0, -3]]),
    "scharr horizontal": _kernel([[3, 10, 3], [0, 0, 0], [-3, -10, -3]]),
}

# Photos that scikit-image ships (offline); colour ones are turned grey.
PHOTOS = ("camera", "coins", "chelsea", "astronaut", "coffee", "brick", "grass", "gravel", "text")


@functools.cache
def _photo(name: str) -> np.ndarray:
    import skimage.data

    raw = getattr(skimage.data, name)()
    img = np.asarray(raw, dtype=np.float64) / 255.0
    if img.ndim == 3:  # ITU-R 601 luma, as skimage.color.rgb2gray (close enough for edges)
        img = img[..., :3] @ np.array([0.2125, 0.7154, 0.0721])
    img.setflags(write=False)
    return img


def load_photo(name: str, max_side: int = 128) -> np.ndarray:
    """A real grey-scale photo from scikit-image, shrunk by block means to fit ``max_side``.

    Args:
        name: one of ``PHOTOS`` ("camera", "coins", "chelsea", ...).
        max_side: the longest side of the result is at most this (an integer factor of
            block averaging, so no interpolation blurs the edges).

    Returns:
        (n_H, n_W) float64 array with values in [0, 1] (0 black, 1 white).

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 3.
    """
    if name not in PHOTOS:
        raise ValueError(f"photo must be one of {', '.join(PHOTOS)}; got {name!r}.")
    if not isinstance(max_side, int | np.integer) or max_side < 8:
        raise ValueError(f"max_side must be an integer >= 8; got {max_side!r}.")
    img = _photo(name)
    factor = math.ceil(max(img.shape) / max_side)
    n_H, n_W = (img.shape[0] // factor) * factor, (img.shape[1] // factor) * factor
    blocks = img[:n_H, :n_W].reshape(n_H // factor, factor, n_W // factor, factor)
    return blocks.mean(axis=(1, 3))


def photo_patches(names: Sequence[str], size: int = 48, per_photo: int = 2, seed: int = 0):
    """Square crops of equal size from several photos: a small data set of images.

    Args:
        names: photos (from ``PHOTOS``). size: side of each crop (pixels of the photo shrunk
            to 128 px). per_photo: crops taken from each photo at seeded random places.
        seed: the crops' places.

    Returns:
        (m, size, size) float64 array, m = len(names) * per_photo.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 6.
    """
    size = _int_at_least("size", size, 1)
    per_photo = _int_at_least("per_photo", per_photo, 1)
    if isinstance(names, str) or not len(names):
        raise ValueError(f"names must be a non-empty list of photo names; got {names!r}.")
    rng = np.random.default_rng(seed)
    crops = []
    for name in names:
        img = load_photo(name, 128)
        if size > min(img.shape):
            raise ValueError(f"size must be at most {min(img.shape)} for {name!r}; got {size}.")
        for _ in range(per_photo):
            i = rng.integers(0, img.shape[0] - size + 1)
            j = rng.integers(0, img.shape[1] - size + 1)
            crops.append(img[i : i + size, j : j + size])
    return np.stack(crops)


def step_image(n: int = 6, left: float = 10.0, right: float = 0.0) -> np.ndarray:
    """The lecture's n x n image: the left half ``left``, the right half ``right``.

    With the defaults it is the 6 x 6 worked example (10s, then 0s: light to dark);
    ``step_image(6, 0, 10)`` is the dark-to-light one.

    Returns:
        (n, n) float64 array.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 2.
    """
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"n must be an integer >= 2; got {n!r}.")
    img = np.full((n, n), float(right))
    img[:, : n // 2] = left
    return img


def _int_at_least(name: str, value, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}; got {value!r}.")
    return int(value)


def _image_and_kernel(image, kernel, stride, pad):
    image = require_finite("image", require_shape("image", image, (None, None), "(n_H, n_W)"))
    kernel = require_numeric("kernel", kernel)
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1]:
        raise ValueError(f"kernel must have shape (f, f), a square filter; got {kernel.shape}.")
    kernel = require_finite("kernel", kernel)
    stride = _int_at_least("stride", stride, 1)
    pad = _int_at_least("pad", pad, 0)
    f = kernel.shape[0]
    for axis, n in zip(("n_H", "n_W"), image.shape):
        if f > n + 2 * pad:
            raise ValueError(
                f"the {f} x {f} kernel does not fit in the padded image: f = {f} > "
                f"{axis} + 2p = {n} + 2*{pad} = {n + 2 * pad}. Pad more or use a smaller kernel."
            )
    return image.astype(np.float64), kernel.astype(np.float64), stride, pad


def conv2d(image, kernel, stride: int = 1, pad: int = 0) -> np.ndarray:
    """The deep-learning convolution (cross-correlation) of one grey image with one kernel.

    out[i, j] = sum_{u, v} image_pad[i*s + u, j*s + v] * kernel[u, v]: no flip. It runs the
    course's conv layer (``convolution.conv_forward_vectorized``) on one example with one
    channel and one filter, so there is one implementation of the sliding window.

    Args:
        image: (n_H, n_W) numbers. kernel: (f, f). stride: s >= 1. pad: p >= 0 zeros on
            every side.

    Returns:
        (floor((n_H + 2p - f)/s) + 1, floor((n_W + 2p - f)/s) + 1) float64 array.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, sections 2 and 5.
    """
    image, kernel, stride, pad = _image_and_kernel(image, kernel, stride, pad)
    Z, _ = cv.conv_forward_vectorized(
        image[None, :, :, None],
        kernel[:, :, None, None],
        np.zeros((1, 1, 1, 1)),
        {"stride": stride, "pad": pad},
    )
    return Z[0, :, :, 0]


def flip_kernel(kernel) -> np.ndarray:
    """The kernel flipped across its horizontal AND vertical axes (a 180-degree rotation).

    Args:
        kernel: (f, f) (any 2-D array).

    Returns:
        (f, f) array ``kernel[::-1, ::-1]`` (a copy).

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 7.
    """
    kernel = require_numeric("kernel", kernel)
    if kernel.ndim != 2:
        raise ValueError(f"kernel must have shape (f, f); got {kernel.shape}.")
    return kernel[::-1, ::-1].copy()


def convolve2d_true(image, kernel, stride: int = 1, pad: int = 0) -> np.ndarray:
    """The mathematicians' convolution: flip the kernel by 180 degrees, then ``conv2d``.

    With ``pad = f - 1`` it is the "full" convolution, which is associative:
    (A * B) * C = A * (B * C).

    Args:
        image: (n_H, n_W). kernel: (f, f). stride, pad: as in ``conv2d``.

    Returns:
        the same shape as ``conv2d(image, kernel, stride, pad)``.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 7.
    """
    return conv2d(image, flip_kernel(kernel), stride, pad)


def associativity_gap(A, B, C, flip: bool = True) -> float:
    """max |(A * B) * C - A * (B * C)| for full 2-D convolutions (``flip``) or correlations.

    "Full" pads each input by f - 1, so no term of the sum is cut off and both sides have
    the same size. True convolution (flip=True) gives rounding noise only; the
    cross-correlation of deep learning (flip=False) is not associative.

    Args:
        A: (n, n) image. B, C: (f_B, f_B), (f_C, f_C) kernels. flip: convolve or correlate.

    Returns:
        a float >= 0.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 7.
    """
    op = convolve2d_true if flip else conv2d
    A, B, C = (require_finite(name, x) for name, x in (("A", A), ("B", B), ("C", C)))

    def full(x, k):
        return op(x, k, 1, np.asarray(k).shape[0] - 1)

    left = full(full(A, B), C)
    right = full(A, full(B, C))
    return float(np.max(np.abs(left - right)))


def shift_image(image, dy: int, dx: int) -> np.ndarray:
    """The image moved down by ``dy`` and right by ``dx`` pixels, zeros moving in.

    Args:
        image: (n_H, n_W). dy, dx: integers (negative: up / left).

    Returns:
        (n_H, n_W) array.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 8.
    """
    image = require_shape("image", image, (None, None), "(n_H, n_W)")
    for name, value in (("dy", dy), ("dx", dx)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be a whole number of pixels; got {value!r}.")
    dy, dx = int(dy), int(dx)
    out = np.zeros(image.shape, dtype=np.float64)
    n_H, n_W = image.shape
    if abs(dy) >= n_H or abs(dx) >= n_W:
        return out
    src = image[max(0, -dy) : n_H - max(0, dy), max(0, -dx) : n_W - max(0, dx)]
    out[max(0, dy) : max(0, dy) + src.shape[0], max(0, dx) : max(0, dx) + src.shape[1]] = src
    return out


def fc_weight_count(n_H: int, n_W: int, n_C: int, n_units: int) -> int:
    """Weights of W^[1] when an n_H x n_W x n_C image feeds a fully connected layer.

    W^[1] has shape (n_units, n_H * n_W * n_C), so the count is their product (an exact
    Python int; biases not counted).

    Returns:
        int, e.g. 1000 * (1000 * 1000 * 3) = 3,000,000,000.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 1.
    """
    sizes = {"n_H": n_H, "n_W": n_W, "n_C": n_C, "n_units": n_units}
    values = [_int_at_least(name, v, 1) for name, v in sizes.items()]
    return math.prod(values)


def same_padding(f: int) -> int:
    """The padding p that keeps the size (stride 1): n + 2p - f + 1 = n gives p = (f - 1)/2.

    Args:
        f: odd filter size.

    Returns:
        int p. An even f raises ValueError: (f - 1)/2 is not a whole number, so "same"
        would need more zeros on one side than the other.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    f = _int_at_least("f", f, 1)
    if f % 2 == 0:
        raise ValueError(
            f"same padding needs an odd f: p = (f - 1)/2 = {(f - 1) / 2} for f = {f} is not a "
            "whole number (the zeros would not split evenly between the sides)."
        )
    return (f - 1) // 2


def output_size_report(n: int, f: int, pad: int, stride: int) -> dict:
    """Everything the output-size dashboard shows, without raising for settings that fail.

    Args:
        n: input size (n x n). f: filter size. pad: p. stride: s.

    Returns:
        dict with "ok" (bool), "n_out" (int or None), "starts" (window starts along one axis
        in the padded image, a list), "formula" (the formula with the numbers), "message"
        (why the settings fail, or which padding they are: valid / same), "same_pad"
        ((f - 1)/2 as int, or None for an even f).

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    n, f = _int_at_least("n", n, 1), _int_at_least("f", f, 1)
    pad, stride = _int_at_least("pad", pad, 0), _int_at_least("stride", stride, 1)
    same_pad = (f - 1) // 2 if f % 2 else None
    span = n + 2 * pad - f
    report = {"ok": span >= 0, "n_out": None, "starts": [], "same_pad": same_pad}
    formula = f"floor((n + 2p - f)/s) + 1 = floor(({n} + 2*{pad} - {f})/{stride}) + 1"
    if span >= 0:
        formula += f" = floor({span}/{stride}) + 1 = {span // stride + 1}"
    else:
        formula += f": n + 2p - f = {span} < 0, no window fits"
    report["formula"] = formula
    if span < 0:
        report["message"] = (
            f"f = {f} > n + 2p = {n + 2 * pad}: the window does not fit in the padded image"
        )
        return report
    n_out = cv.conv_output_size(n, f, pad, stride)
    report["n_out"] = n_out
    report["starts"] = [k * stride for k in range(n_out)]
    unused = span - (n_out - 1) * stride
    if pad == 0:
        kind = "valid (p = 0)"
    elif stride == 1 and n_out == n:
        kind = f"same (p = (f - 1)/2 = {pad})"
    else:
        kind = f"p = {pad}"
    report["message"] = kind + (
        f"; the last {unused} row(s) of the padded image are never covered" if unused else ""
    )
    return report


def pixel_use_counts(n: int, f: int, pad: int = 0, stride: int = 1) -> np.ndarray:
    """How many of the conv's windows cover each pixel of an n x n input.

    Args:
        n: input size. f: filter size. pad: p. stride: s.

    Returns:
        (n, n) int array: a corner pixel of a valid 3 x 3 conv is used once, a centre pixel
        up to f * f = 9 times.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    n_out = cv.conv_output_size(n, f, pad, stride)
    starts = np.arange(n_out) * stride  # in padded coordinates
    rows = np.arange(n) + pad
    covered = (rows[:, None] >= starts[None, :]) & (rows[:, None] < starts[None, :] + f)
    per_axis = covered.sum(axis=1)
    return np.outer(per_axis, per_axis)


def standardize_images(images) -> np.ndarray:
    """Each image shifted to mean 0 and scaled to standard deviation 1 (inputs normalised).

    Args:
        images: (m, n_H, n_W).

    Returns:
        (m, n_H, n_W) float64 array; a constant image stays 0.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 6.
    """
    X = require_shape("images", images, (None, None, None), "(m, n_H, n_W)").astype(np.float64)
    mean = X.mean(axis=(1, 2), keepdims=True)
    std = X.std(axis=(1, 2), keepdims=True)
    return (X - mean) / np.where(std > 0, std, 1.0)


def _volume(X):
    return X[:, :, :, None]


def edge_kernel_cost(kernel, images, targets) -> tuple[float, np.ndarray]:
    """The squared error of a kernel's outputs against targets, and its gradient.

    J(K) = 1/N sum (conv2d(x, K) - y)^2 over every output pixel of every image (N of them,
    the mean squared error). Backprop through the conv layer gives dJ/dK: the forward pass
    is the course's conv layer and the gradient its ``conv_backward``; it works out to
    2/N sum_x conv2d(x, error map).

    Args:
        kernel: (f, f). images: (m, n_H, n_W). targets: (m, n_H - f + 1, n_W - f + 1).

    Returns:
        (J, dK): a float and an (f, f) array.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 6.
    """
    X = require_shape("images", images, (None, None, None), "(m, n_H, n_W)")
    K = require_finite("kernel", kernel)
    if K.ndim != 2 or K.shape[0] != K.shape[1]:
        raise ValueError(f"kernel must have shape (f, f); got {K.shape}.")
    m, n_H, n_W = X.shape
    f = K.shape[0]
    Y = require_shape(
        "targets", targets, (m, n_H - f + 1, n_W - f + 1), "(m, n_H - f + 1, n_W - f + 1)"
    )
    Z, cache = cv.conv_forward_vectorized(
        _volume(X.astype(np.float64)),
        K.astype(np.float64)[:, :, None, None],
        np.zeros((1, 1, 1, 1)),
        {"stride": 1, "pad": 0},
    )
    error = Z[..., 0] - Y
    N = error.size
    _, dW, _ = cv.conv_backward_vectorized(2.0 * _volume(error) / N, cache)
    return float(np.sum(error**2) / N), dW[:, :, 0, 0]


def learn_edge_kernel(
    images,
    target_kernel,
    learning_rate: float = 0.1,
    num_iterations: int = 200,
    seed: int = 0,
    init_scale: float = 0.1,
    standardize: bool = True,
) -> dict:
    """Learn the f x f numbers of a kernel by gradient descent so it copies a hand-made one.

    The targets are the hand-made kernel's outputs on the images; starting from small random
    numbers, K := K - alpha dJ/dK with J the mean squared error (``edge_kernel_cost``).

    Args:
        images: (m, n_H, n_W) grey images. target_kernel: (f, f), e.g. KERNELS["sobel vertical"].
        learning_rate: alpha. With standardised images the curvatures of J add up to about
            2 f^2, so gradient descent (which diverges only for alpha > 2 / largest
            curvature) is safe for alpha up to about 1/f^2 (0.11 for f = 3).
        num_iterations: gradient steps. seed: the starting kernel.
        init_scale: standard deviation of the starting numbers.
        standardize: normalise each image to mean 0, standard deviation 1 first.

    Returns:
        dict with "kernel" (f, f) (the last one), "kernels" (num_iterations + 1, f, f) (the
        start, then after every step), "costs" (num_iterations + 1,) (J of each of them),
        "images" (m, n_H, n_W) (what was trained on) and "condition_number" (largest over
        smallest curvature of J: how slow the slowest direction is).

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 6.
    """
    X = require_finite("images", require_shape("images", images, (None,) * 3, "(m, n_H, n_W)"))
    X = standardize_images(X) if standardize else X.astype(np.float64)
    T = require_finite("target_kernel", require_numeric("target_kernel", target_kernel))
    if T.ndim != 2 or T.shape[0] != T.shape[1] or T.shape[0] > min(X.shape[1:]):
        raise ValueError(
            f"target_kernel must have shape (f, f) with f <= n_H, n_W = {X.shape[1:]}; "
            f"got {T.shape}."
        )
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be > 0; got {learning_rate!r}.")
    num_iterations = _int_at_least("num_iterations", num_iterations, 0)
    f = T.shape[0]
    Y = np.stack([conv2d(x, T) for x in X])
    K = init_scale * np.random.default_rng(seed).standard_normal((f, f))
    kernels, costs = [K.copy()], []
    for _ in range(num_iterations):
        cost, dK = edge_kernel_cost(K, X, Y)
        costs.append(cost)
        K = K - learning_rate * dK
        kernels.append(K.copy())
    costs.append(edge_kernel_cost(K, X, Y)[0])
    # J is quadratic in K: its curvature is 2/N sum of patch outer products.
    patches = np.lib.stride_tricks.sliding_window_view(X, (f, f), axis=(1, 2)).reshape(-1, f * f)
    curvature = np.linalg.eigvalsh(2 * patches.T @ patches / len(patches))
    return {
        "kernel": K,
        "kernels": np.stack(kernels),
        "costs": np.array(costs),
        "images": X,
        "condition_number": float(curvature[-1] / max(curvature[0], 1e-300)),
    }
