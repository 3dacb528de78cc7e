"""Classic networks (LeNet-5, AlexNet, VGG-16) as layer specs, and LRN in NumPy.

The networks are written in the spec language of course_lib/c4_convnets/layers.py
(``conv``, ``pool``, ``flatten``, ``fc``), whose calculator (``layer_output_shape``,
``layer_parameters``, ``network_summary``, ``summary_table``, ``count_parameters``) gives
their tables. This module adds what is particular to them:

    lenet5(), alexnet(), vgg16()   (input_shape, layers) as the course draws them; NETWORKS
    lrn()                          {"type": "lrn", ...}: local response normalisation, which
                                   keeps the shape and learns nothing
    local_response_normalization   the LRN itself, tf.nn.local_response_normalization's
                                   convention; lrn_arguments maps the paper's and
                                   Caffe/PyTorch's constants onto it (ALEXNET_LRN)
    load_digits_32                 digits as 32x32x1 images for a LeNet-5 run
    plot_network_profiles          parameters and activations per layer, one panel per network

Taught in: notebooks/c4_convnets/05_classic_networks.py.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c4_convnets.layers import (
    conv,
    fc,
    flatten,
    pool,
    total_activations,
    whole_number,
)
from course_lib.validation import require_shape

__all__ = [
    "lrn",
    "lenet5",
    "alexnet",
    "vgg16",
    "VGG16_BLOCKS",
    "NETWORKS",
    "local_response_normalization",
    "lrn_arguments",
    "ALEXNET_LRN",
    "plot_network_profiles",
    "load_digits_32",
]

# AlexNet's paper (Krizhevsky et al. 2012, section 3.3): k = 2, n = 5, alpha = 1e-4, beta = 0.75,
# written in tf.nn.local_response_normalization's arguments (see lrn_arguments).
ALEXNET_LRN = {"depth_radius": 2, "bias": 2.0, "alpha": 1e-4, "beta": 0.75}


def lrn(depth_radius: int = 2, bias: float = 2.0, alpha: float = 1e-4, beta: float = 0.75) -> dict:
    """A local response normalisation spec (AlexNet's values by default); no parameters.

    The arguments are tf.nn.local_response_normalization's (see ``lrn_arguments``); the
    calculator of layers.py keeps the shape through it and counts 0 parameters.

    Returns:
        {"type": "lrn", "depth_radius", "bias", "alpha", "beta"}.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 5.
    """
    _lrn_hyperparameters(depth_radius, bias, alpha, beta)
    return {
        "type": "lrn",
        "depth_radius": depth_radius,
        "bias": bias,
        "alpha": alpha,
        "beta": beta,
    }


# -- the three networks ---------------------------------------------------------------------


def lenet5(pool_mode: str = "average") -> tuple[tuple[int, int, int], list[dict]]:
    """LeNet-5 as the course draws it: 32x32x1 -> ... -> 5x5x16 = 400 -> FC120 -> FC84 -> 10.

    Valid 5x5 convolutions with 6 and 16 filters, each followed by 2x2 pooling with stride
    2 (average in 1998; ``pool_mode="max"`` for the modern variant). Every filter sees every
    input channel here; the 1998 paper's CONV2 connected each filter to a subset only.

    Returns:
        (input_shape, layers).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 2.
    """
    layers = [
        conv(5, 6),
        pool(2, 2, pool_mode),
        conv(5, 16),
        pool(2, 2, pool_mode),
        flatten(),
        fc(120),
        fc(84),
        fc(10),
    ]
    return (32, 32, 1), layers


def alexnet(with_lrn: bool = True) -> tuple[tuple[int, int, int], list[dict]]:
    """AlexNet as the course draws it, on one GPU: 227x227x3 -> ... -> 6x6x256 -> 4096 -> 1000.

    CONV 11x11 s4 (96) -> MAXPOOL 3x3 s2 -> CONV 5x5 same (256) -> MAXPOOL 3x3 s2 ->
    CONV 3x3 same (384, 384, 256) -> MAXPOOL 3x3 s2 -> FC4096 -> FC4096 -> 1000; LRN after
    the first two convolutions (``with_lrn=False`` leaves it out; it has no parameters).

    Returns:
        (input_shape, layers).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 4.
    """
    norm = [lrn()] if with_lrn else []
    layers = [
        conv(11, 96, s=4),
        *norm,
        pool(3, 2),
        conv(5, 256, p="same"),
        *norm,
        pool(3, 2),
        conv(3, 384, p="same"),
        conv(3, 384, p="same"),
        conv(3, 256, p="same"),
        pool(3, 2),
        flatten(),
        fc(4096),
        fc(4096),
        fc(1000),
    ]
    return (227, 227, 3), layers


VGG16_BLOCKS = ((2, 64), (2, 128), (3, 256), (3, 512), (3, 512))


def vgg16() -> tuple[tuple[int, int, int], list[dict]]:
    """VGG-16: 13 CONV 3x3 s1 same in blocks of 2, 2, 3, 3, 3 (64 .. 512 filters), each
    block ended by MAXPOOL 2x2 s2, then FC4096 -> FC4096 -> 1000: 16 weight layers.

    Returns:
        (input_shape, layers).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 6.
    """
    layers = []
    for repeats, n_C in VGG16_BLOCKS:
        layers += [conv(3, n_C, s=1, p="same") for _ in range(repeats)]
        layers.append(pool(2, 2))
    layers += [flatten(), fc(4096), fc(4096), fc(1000)]
    return (224, 224, 3), layers


NETWORKS = {"LeNet-5": lenet5, "AlexNet": alexnet, "VGG-16": vgg16}


# -- local response normalisation -----------------------------------------------------------


def _lrn_hyperparameters(depth_radius, bias, alpha, beta) -> tuple[int, float, float, float]:
    depth_radius = whole_number("depth_radius", depth_radius, 0)
    values = {"bias": bias, "alpha": alpha, "beta": beta}
    for name, value in values.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not math.isfinite(value)
        ):
            raise ValueError(f"{name} must be a finite number; got {value!r}.")
    if bias <= 0 or alpha < 0 or beta < 0:
        raise ValueError(
            f"LRN needs bias > 0, alpha >= 0 and beta >= 0 (so the denominator is positive); "
            f"got bias = {bias}, alpha = {alpha}, beta = {beta}."
        )
    return depth_radius, float(bias), float(alpha), float(beta)


def local_response_normalization(
    A, depth_radius: int = 5, bias: float = 1.0, alpha: float = 1.0, beta: float = 0.5
) -> np.ndarray:
    """Normalise every value by the energy of its neighbouring channels at the same position.

        B[i, h, w, c] = A[i, h, w, c] / (bias + alpha * sum_{c'} A[i, h, w, c']^2) ** beta,
        c' from max(0, c - depth_radius) to min(n_C - 1, c + depth_radius),

    tf.nn.local_response_normalization's definition and defaults. AlexNet's paper writes
    b = a / (k + alpha * sum a_j^2) ** beta over n neighbouring channels: depth_radius =
    (n - 1) / 2, bias = k and alpha = alpha as written, NOT alpha / n (ALEXNET_LRN: n = 5,
    k = 2, alpha = 1e-4, beta = 0.75). Caffe and PyTorch's LocalResponseNorm divide their
    alpha by n, so their alpha = 1e-4 is tf's alpha = 2e-5 (``lrn_arguments``).

    Args:
        A: activations (m, n_H, n_W, n_C).
        depth_radius: half-width of the channel window (>= 0).
        bias, alpha, beta: bias > 0, alpha >= 0, beta >= 0.

    Returns:
        B: (m, n_H, n_W, n_C), float64.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 5.
    """
    A = require_shape("A", A, (None, None, None, None), "(m, n_H, n_W, n_C)").astype(np.float64)
    r, bias, alpha, beta = _lrn_hyperparameters(depth_radius, bias, alpha, beta)
    n_C = A.shape[-1]
    # Sum of squares over the window [c - r, c + r] from a running sum along the channels.
    running = np.cumsum(np.square(A), axis=-1)
    running = np.concatenate([np.zeros(A.shape[:-1] + (1,)), running], axis=-1)
    c = np.arange(n_C)
    top, bottom = np.minimum(c + r, n_C - 1) + 1, np.maximum(c - r, 0)
    square_sum = running[..., top] - running[..., bottom]
    return A / (bias + alpha * square_sum) ** beta


def lrn_arguments(
    n: int, k: float, alpha: float, beta: float, alpha_divided_by_n: bool = False
) -> dict:
    """tf.nn.local_response_normalization's arguments for an LRN written with a window of n.

    Args:
        n: channels in the window (odd), so depth_radius = (n - 1) / 2.
        k, alpha, beta: the formula's constants.
        alpha_divided_by_n: True for Caffe / PyTorch, whose formula uses alpha / n; False
            for AlexNet's paper and for TensorFlow, which use alpha as it is.

    Returns:
        {"depth_radius", "bias", "alpha", "beta"}.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 5.
    """
    n = whole_number("n (channels in the window)", n, 1)
    if n % 2 == 0:
        raise ValueError(f"n must be odd (a window centred on the channel); got {n}.")
    depth_radius, bias, alpha, beta = _lrn_hyperparameters((n - 1) // 2, k, alpha, beta)
    return {
        "depth_radius": depth_radius,
        "bias": bias,
        "alpha": alpha / n if alpha_divided_by_n else alpha,
        "beta": beta,
    }


# -- data for a LeNet-5 run -------------------------------------------------------------------


def load_digits_32(test_fraction: float = 0.25, seed: int = 0):
    """scikit-learn's 1,797 handwritten digits 0-9 as 32x32x1 images, LeNet-5's input.

    Each 8x8 scan (ink 0..16) is enlarged to 28x28 by bilinear interpolation and centred in
    a 32x32 frame of zeros (as the 1998 paper centred its 28x28 digits), with values in [0, 1].

    Args:
        test_fraction: share of each class put in the test set, strictly between 0 and 1.
        seed: seed of the per-class shuffle.

    Returns:
        X_train (m_train, 32, 32, 1), y_train (m_train,) int64 in 0..9, X_test, y_test.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 9.
    """
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must lie strictly between 0 and 1; got {test_fraction!r}.")
    digits = load_digits()
    big = zoom(digits.images / 16.0, (1, 28 / 8, 28 / 8), order=1, grid_mode=True, mode="nearest")
    X = np.pad(np.clip(big, 0.0, 1.0), ((0, 0), (2, 2), (2, 2)))[..., None]
    y = digits.target.astype(np.int64)
    rng = np.random.default_rng(seed)
    test = np.zeros(y.size, dtype=bool)
    for label in range(10):  # stratified: the same share of every digit in the test set
        members = rng.permutation(np.flatnonzero(y == label))
        test[members[: int(round(test_fraction * members.size))]] = True
    train_idx, test_idx = rng.permutation(np.flatnonzero(~test)), np.flatnonzero(test)
    return X[train_idx], y[train_idx], X[test_idx], y[test_idx]


# -- figure ---------------------------------------------------------------------------------


def plot_network_profiles(summaries: Mapping[str, Sequence[Mapping]], fig=None):
    """Parameters and activations per layer on a log scale, one panel per network.

    Args:
        summaries: {"LeNet-5": network_summary(...), ...}; the flatten rows are left out
            (a reshape holds no new values and learns nothing).
        fig: a matplotlib Figure to draw into (a new one, 9.6 in wide, if None).

    Returns:
        the Figure; a layer with 0 parameters has no parameter bar (log scale).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 7.
    """
    from matplotlib.figure import Figure

    if fig is None:
        fig = Figure(figsize=(9.6, 2.7 * len(summaries)), layout="constrained")
    axes = fig.subplots(len(summaries), 1, squeeze=False)[:, 0]
    for ax, (name, rows) in zip(axes, summaries.items()):
        rows = [r for r in rows if r["type"] != "flatten"]
        x = np.arange(len(rows))
        params = np.array([r["parameters"] for r in rows], dtype=float)
        acts = np.array([r["activations"] for r in rows], dtype=float)
        has = params > 0
        ax.bar(x[has] - 0.2, params[has], 0.4, color="tab:orange", label="parameters (no bar: 0)")
        ax.bar(x + 0.2, acts, 0.4, color="tab:blue", label="activations (one example)")
        ax.set_yscale("log")
        ax.set_xticks(x, [r["layer"] for r in rows], rotation=45, ha="right", fontsize=8)
        ax.set_xlim(-0.7, len(rows) - 0.3)
        total_p, total_a = int(params.sum()), total_activations(rows)
        ax.set_title(
            f"{name}: {total_p:,} parameters, {total_a:,} activations per example", fontsize=10
        )
        ax.set_ylabel("count (log scale)")
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(loc="upper left", fontsize=8, ncols=2)
    return fig
