"""Sliding-windows detection, FC layers as convolutions, and the convolutional implementation.

The course's example window classifier (C4.66-C4.67) takes a 14x14x3 crop:

    CONV 5x5, 16 filters -> RELU -> 10x10x16 -> MAXPOOL 2x2, stride 2 -> 5x5x16
    -> FC 400 -> RELU -> FC 400 -> RELU -> FC n_classes -> softmax

Its parameters live in one dict in course notation: ``W1`` (f, f, n_C, n_filters) and ``b1``
(1, 1, 1, n_filters) for the convolution; ``W2`` (400, 5*5*16), ``W3`` (400, 400), ``W4``
(n_classes, 400) and biases ``b2``, ``b3``, ``b4`` (n, 1) for the FC layers. A crop's pooled
volume is flattened in row-major order (row, column, channel), as Keras's ``Flatten`` does.

The same numbers rewritten as convolutions (``fc_to_conv_parameters``): the first FC layer
becomes 400 filters of 5x5x16, one f x f filter covering the whole incoming volume; only the
FC layers after it become 1x1 convolutions. Run on a larger image, that network returns one
output cell per 14x14 window at stride 2 (the pool's stride), computing what overlapping
windows share only once.

Taught in: notebooks/c4_convnets/10_sliding_windows.py
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from course_lib.c4_convnets.boxes import iou_matrix, require_boxes
from course_lib.c4_convnets.convolution import conv_forward_vectorized, pool_forward_vectorized
from course_lib.validation import require_int, require_keys, require_shape

__all__ = [
    "initialize_window_net",
    "window_geometry",
    "fc_net_forward",
    "fc_to_conv_weights",
    "fc_to_conv_parameters",
    "conv_net_forward",
    "sliding_window_grid",
    "sliding_window_crops",
    "resize_crops",
    "sliding_windows_predict",
    "convolutional_sliding_windows",
    "sliding_windows_cost",
    "make_window_dataset",
]

FC_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4")
POOL = {"f": 2, "stride": 2}


def _softmax(Z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, stable for large |z|."""
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def _relu(Z: np.ndarray) -> np.ndarray:
    return np.maximum(Z, 0.0)


def initialize_window_net(
    n_C: int = 3,
    f: int = 5,
    n_filters: int = 16,
    window: int = 14,
    n_fc: int = 400,
    n_classes: int = 4,
    seed: int = 1,
) -> dict:
    """Random parameters of the course's window classifier (He-scaled normal weights).

    Args:
        n_C: channels of a crop (3). f: the first convolution's filter size (5).
        n_filters: its number of filters (16). window: the crop size (14); the pooled
            volume is ((window - f + 1) / 2) on a side, so window - f + 1 must be even.
        n_fc: units of the two hidden FC layers (400). n_classes: softmax outputs (4).
        seed: NumPy seed.

    Returns:
        {"W1": (f, f, n_C, n_filters), "b1": (1, 1, 1, n_filters),
         "W2": (n_fc, p*p*n_filters), "b2": (n_fc, 1), "W3": (n_fc, n_fc), "b3": (n_fc, 1),
         "W4": (n_classes, n_fc), "b4": (n_classes, 1)} with p = (window - f + 1) / 2.
    """
    n_C = require_int("n_C", n_C, 1)
    f = require_int("f (the filter size)", f, 1)
    n_filters = require_int("n_filters", n_filters, 1)
    window = require_int("window (the crop size)", window, 1)
    n_fc = require_int("n_fc (units of the FC layers)", n_fc, 1)
    n_classes = require_int("n_classes", n_classes, 1)
    conv_side = window - f + 1
    if conv_side < 2 or conv_side % 2:
        raise ValueError(
            f"the convolution's output side window - f + 1 = {window} - {f} + 1 = {conv_side} "
            "must be even and >= 2, so that the 2x2 max-pool (stride 2) covers it exactly."
        )
    pooled = conv_side // 2
    rng = np.random.default_rng(seed)
    n_flat = pooled * pooled * n_filters

    def normal(shape, fan_in):
        return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)

    return {
        "W1": normal((f, f, n_C, n_filters), f * f * n_C),
        "b1": rng.uniform(-0.1, 0.1, (1, 1, 1, n_filters)),
        "W2": normal((n_fc, n_flat), n_flat),
        "b2": rng.uniform(-0.1, 0.1, (n_fc, 1)),
        "W3": normal((n_fc, n_fc), n_fc),
        "b3": rng.uniform(-0.1, 0.1, (n_fc, 1)),
        "W4": normal((n_classes, n_fc), n_fc),
        "b4": rng.uniform(-0.1, 0.1, (n_classes, 1)),
    }


def window_geometry(parameters) -> dict:
    """The window classifier's sizes, read from its FC-form parameters.

    Args:
        parameters: the dict of ``initialize_window_net``.

    Returns:
        {"f", "n_C", "n_filters", "pooled" (side of the pooled volume), "window" (crop size
        = 2 * pooled + f - 1), "stride" (2, the pool's stride), "n_fc", "n_classes"}.
    """
    require_keys("parameters", parameters, FC_KEYS)
    W1 = require_shape("W1", parameters["W1"], (None, None, None, None), "(f, f, n_C, n_filters)")
    f, f_W, n_C, n_filters = W1.shape
    if f != f_W or min(W1.shape) < 1:
        raise ValueError(
            f"W1 must hold square f x f filters (f, f, n_C, n_filters); got {W1.shape}."
        )
    require_shape("b1", parameters["b1"], (1, 1, 1, n_filters), "(1, 1, 1, n_filters)", finite=True)
    W2 = require_shape("W2", parameters["W2"], (None, None), "(n_fc, p*p*n_filters)", finite=True)
    pooled = math.isqrt(W2.shape[1] // n_filters)
    if pooled < 1 or pooled * pooled * n_filters != W2.shape[1]:
        raise ValueError(
            f"W2 must have shape (n_fc, p*p*n_filters): its {W2.shape[1]} columns are not "
            f"p*p*{n_filters} for a whole number p (the side of the pooled volume)."
        )
    n_fc = W2.shape[0]
    if n_fc < 1:
        raise ValueError("W2 must have at least one row (n_fc >= 1).")
    require_shape("b2", parameters["b2"], (n_fc, 1), "(n_fc, 1)", finite=True)
    W3 = require_shape("W3", parameters["W3"], (None, n_fc), "(n_fc, n_fc)", finite=True)
    require_shape("b3", parameters["b3"], (W3.shape[0], 1), "(n_fc, 1)", finite=True)
    W4 = require_shape(
        "W4", parameters["W4"], (None, W3.shape[0]), "(n_classes, n_fc)", finite=True
    )
    if W4.shape[0] < 1:
        raise ValueError("W4 must have at least one row (n_classes >= 1).")
    require_shape("b4", parameters["b4"], (W4.shape[0], 1), "(n_classes, 1)", finite=True)
    require_shape("W1", W1, W1.shape, "(f, f, n_C, n_filters)", finite=True)
    return {
        "f": f,
        "n_C": n_C,
        "n_filters": n_filters,
        "pooled": pooled,
        "window": 2 * pooled + f - 1,
        "stride": POOL["stride"],
        "n_fc": n_fc,
        "n_classes": W4.shape[0],
    }


def _crops(name: str, X, geometry: dict) -> np.ndarray:
    w, n_C = geometry["window"], geometry["n_C"]
    X = require_shape(name, X, (None, w, w, n_C), "(m, window, window, n_C)")
    return X.astype(np.float64)


def fc_net_forward(crops, parameters) -> np.ndarray:
    """The window classifier with its FC layers: class probabilities of each crop.

    CONV (valid, stride 1) -> RELU -> MAXPOOL 2x2 -> flatten (row, column, channel) ->
    FC -> RELU -> FC -> RELU -> FC -> softmax.

    Args:
        crops: (m, window, window, n_C), e.g. (m, 14, 14, 3).
        parameters: FC-form dict (``initialize_window_net``).

    Returns:
        probabilities, shape (m, n_classes); each row sums to 1.
    """
    geometry = window_geometry(parameters)
    X = _crops("crops", crops, geometry)
    Z1, _ = conv_forward_vectorized(X, parameters["W1"], parameters["b1"], {"stride": 1, "pad": 0})
    P1, _ = pool_forward_vectorized(_relu(Z1), POOL)
    A = P1.reshape(P1.shape[0], -1).T  # (p*p*n_filters, m): examples are columns
    A = _relu(parameters["W2"] @ A + parameters["b2"])
    A = _relu(parameters["W3"] @ A + parameters["b3"])
    Z4 = parameters["W4"] @ A + parameters["b4"]  # (n_classes, m)
    return _softmax(Z4.T)


def fc_to_conv_weights(W, b, input_shape):
    """Rewrite one FC layer as a convolution that covers its whole input volume.

    An FC layer with ``W`` (n, n_H * n_W * n_C) reading a flattened n_H x n_W x n_C volume is
    the same as n filters of n_H x n_W x n_C (valid padding, output 1 x 1 x n). For the
    course's first FC layer: (400, 5*5*16) -> 400 filters of 5x5x16. An FC layer after it
    reads a 1 x 1 x 400 volume, so ``input_shape = (1, 1, 400)`` gives 1x1 filters.

    Args:
        W: (n, n_H * n_W * n_C), course notation (units, inputs).
        b: (n, 1).
        input_shape: (n_H, n_W, n_C) of the volume the layer reads, with n_H = n_W.

    Returns:
        (W_conv, b_conv): filters (n_H, n_W, n_C, n) and bias (1, 1, 1, n), such that
        W_conv[h, w, c, k] = W[k, (h * n_W + w) * n_C + c].
    """
    if not isinstance(input_shape, tuple | list) or len(input_shape) != 3:
        raise ValueError(f"input_shape must be (n_H, n_W, n_C); got {input_shape!r}.")
    n_H = require_int("input_shape n_H", input_shape[0], 1)
    n_W = require_int("input_shape n_W", input_shape[1], 1)
    n_C = require_int("input_shape n_C", input_shape[2], 1)
    if n_H != n_W:
        raise ValueError(
            f"input_shape must be square (n_H = n_W) for an f x f filter; got {tuple(input_shape)}."
        )
    W = require_shape("W", W, (None, n_H * n_W * n_C), "(n, n_H*n_W*n_C)", finite=True)
    n = W.shape[0]
    if n < 1:
        raise ValueError("W must have at least one row (n >= 1 units).")
    b = require_shape("b", b, (n, 1), "(n, 1)", finite=True)
    W_conv = W.reshape(n, n_H, n_W, n_C).transpose(1, 2, 3, 0).astype(np.float64)
    return W_conv, b.reshape(1, 1, 1, n).astype(np.float64)


def fc_to_conv_parameters(parameters) -> dict:
    """The whole window classifier with every FC layer rewritten as a convolution.

    Args:
        parameters: FC-form dict (``initialize_window_net``).

    Returns:
        {"W1", "b1"} unchanged, "W2" (p, p, n_filters, n_fc) (the f x f convolution over the
        whole pooled volume), "W3" (1, 1, n_fc, n_fc) and "W4" (1, 1, n_fc, n_classes) (1x1
        convolutions), biases "b2", "b3", "b4" (1, 1, 1, n).
    """
    g = window_geometry(parameters)
    conv = {"W1": np.asarray(parameters["W1"], float), "b1": np.asarray(parameters["b1"], float)}
    shapes = {
        "2": (g["pooled"], g["pooled"], g["n_filters"]),
        "3": (1, 1, g["n_fc"]),
        "4": (1, 1, g["n_fc"]),
    }
    for k, shape in shapes.items():
        conv[f"W{k}"], conv[f"b{k}"] = fc_to_conv_weights(
            parameters[f"W{k}"], parameters[f"b{k}"], shape
        )
    return conv


def conv_net_forward(images, conv_parameters) -> np.ndarray:
    """The window classifier in convolutional form, run once on whole images.

    CONV W1 -> RELU -> MAXPOOL 2x2 -> CONV W2 (p x p) -> RELU -> CONV 1x1 -> RELU ->
    CONV 1x1 -> softmax over the channels. On a window-sized crop the output is 1 x 1.

    Args:
        images: (m, n_H, n_W, n_C) with n_H, n_W >= the window size.
        conv_parameters: the dict of ``fc_to_conv_parameters``.

    Returns:
        probabilities (m, n_H_out, n_W_out, n_classes) with n_H_out = (n_H - window) / 2 + 1
        (rounded down); cell (h, w) belongs to the window whose top-left is (2h, 2w).
    """
    require_keys("conv_parameters", conv_parameters, FC_KEYS)
    W1 = require_shape(
        "W1", conv_parameters["W1"], (None, None, None, None), "(f, f, n_C, n_filters)", finite=True
    )
    W2 = require_shape(
        "W2", conv_parameters["W2"], (None, None, W1.shape[3], None), "(p, p, n_filters, n_fc)",
        finite=True,
    )  # fmt: skip
    for k in ("3", "4"):
        Wk = require_shape(f"W{k}", conv_parameters[f"W{k}"], (1, 1, None, None), "(1, 1, n, n)")
        require_shape(f"W{k}", Wk, Wk.shape, "(1, 1, n, n)", finite=True)
    A = require_shape("images", images, (None, None, None, W1.shape[2]), "(m, n_H, n_W, n_C)")
    window = 2 * W2.shape[0] + W1.shape[0] - 1
    if min(A.shape[1], A.shape[2]) < window:
        raise ValueError(
            f"images must be at least window x window = {window} x {window} (the classifier's "
            f"input size); got n_H x n_W = {A.shape[1]} x {A.shape[2]}."
        )
    valid = {"stride": 1, "pad": 0}
    p = conv_parameters
    Z, _ = conv_forward_vectorized(A.astype(np.float64), p["W1"], p["b1"], valid)
    A, _ = pool_forward_vectorized(_relu(Z), POOL)
    Z, _ = conv_forward_vectorized(A, p["W2"], p["b2"], valid)
    Z, _ = conv_forward_vectorized(_relu(Z), p["W3"], p["b3"], valid)
    Z, _ = conv_forward_vectorized(_relu(Z), p["W4"], p["b4"], valid)
    return _softmax(Z)


def _image(image) -> np.ndarray:
    image = require_shape("image", image, (None, None, None), "(n_H, n_W, n_C)", finite=True)
    if min(image.shape) < 1:
        raise ValueError(f"image must have n_H, n_W, n_C >= 1; got {image.shape}.")
    return image.astype(np.float64)


def sliding_window_grid(n_H: int, n_W: int, window: int, stride: int) -> tuple[int, int]:
    """How many windows fit: (floor((n_H - window) / s) + 1, floor((n_W - window) / s) + 1).

    Args:
        n_H, n_W: image size. window: the window's side. stride: s.

    Returns:
        (n_rows, n_cols) of window positions.
    """
    n_H = require_int("n_H", n_H, 1)
    n_W = require_int("n_W", n_W, 1)
    window = require_int("window", window, 1)
    stride = require_int("stride (s)", stride, 1)
    if window > min(n_H, n_W):
        raise ValueError(
            f"the window ({window} x {window}) must fit in the image (n_H x n_W = {n_H} x {n_W})."
        )
    return (n_H - window) // stride + 1, (n_W - window) // stride + 1


def sliding_window_crops(image, window: int, stride: int):
    """Every window x window crop of one image, left to right, top to bottom.

    Args:
        image: (n_H, n_W, n_C).
        window: the crop's side. stride: s, the step between crops.

    Returns:
        crops (n_rows * n_cols, window, window, n_C) and positions (n_rows * n_cols, 2), the
        (row, column) of each crop's top-left pixel; (n_rows, n_cols) is
        ``sliding_window_grid(n_H, n_W, window, stride)``.
    """
    image = _image(image)
    n_rows, n_cols = sliding_window_grid(image.shape[0], image.shape[1], window, stride)
    rows = np.arange(n_rows) * stride
    cols = np.arange(n_cols) * stride
    positions = np.stack(np.meshgrid(rows, cols, indexing="ij"), axis=-1).reshape(-1, 2)
    crops = np.stack([image[r : r + window, c : c + window] for r, c in positions])
    return crops, positions


def resize_crops(crops, size: int) -> np.ndarray:
    """Resize square crops to size x size by bilinear interpolation (pixel centres aligned).

    Args:
        crops: (m, h, w, n_C).
        size: the output side.

    Returns:
        (m, size, size, n_C) float64.
    """
    crops = require_shape("crops", crops, (None, None, None, None), "(m, h, w, n_C)")
    size = require_int("size", size, 1)
    m, h, w, n_C = crops.shape
    if min(h, w, n_C) < 1:
        raise ValueError(f"crops must have h, w, n_C >= 1; got {crops.shape}.")
    crops = crops.astype(np.float64)
    if (h, w) == (size, size):
        return crops.copy()

    def axis(n_in):
        x = (np.arange(size) + 0.5) * n_in / size - 0.5
        x = np.clip(x, 0, n_in - 1)
        lo = np.floor(x).astype(int)
        hi = np.minimum(lo + 1, n_in - 1)
        return lo, hi, x - lo

    r0, r1, fr = axis(h)
    c0, c1, fc = axis(w)
    top = (
        crops[:, r0][:, :, c0] * (1 - fc)[None, None, :, None]
        + crops[:, r0][:, :, c1] * fc[None, None, :, None]
    )
    bottom = (
        crops[:, r1][:, :, c0] * (1 - fc)[None, None, :, None]
        + crops[:, r1][:, :, c1] * fc[None, None, :, None]
    )
    return top * (1 - fr)[None, :, None, None] + bottom * fr[None, :, None, None]


def sliding_windows_predict(
    image, parameters, window: int | None = None, stride: int | None = None, batch: bool = False
) -> np.ndarray:
    """Sliding-windows detection the direct way: crop, then classify every crop.

    Each window x window crop is resized to the classifier's input size (when it differs)
    and run through ``fc_net_forward``, one crop at a time (``batch=False``, the lecture's
    costly loop) or all crops in one call (``batch=True``).

    Args:
        image: (n_H, n_W, n_C).
        parameters: FC-form dict (``initialize_window_net``).
        window: crop side (default: the classifier's input size, 14).
        stride: s (default: 2, the stride of the convolutional implementation).
        batch: classify all crops in one call.

    Returns:
        probabilities (n_rows, n_cols, n_classes), one row of class probabilities per window.
    """
    g = window_geometry(parameters)
    window = g["window"] if window is None else window
    stride = g["stride"] if stride is None else stride
    crops, _ = sliding_window_crops(image, window, stride)
    if crops.shape[-1] != g["n_C"]:
        raise ValueError(
            f"image must have n_C = {g['n_C']} channels (the classifier's); got {crops.shape[-1]}."
        )
    n_rows, n_cols = sliding_window_grid(image.shape[0], image.shape[1], window, stride)
    if window != g["window"]:
        crops = resize_crops(crops, g["window"])
    if batch:
        probs = fc_net_forward(crops, parameters)
    else:
        probs = np.concatenate([fc_net_forward(crop[None], parameters) for crop in crops])
    return probs.reshape(n_rows, n_cols, g["n_classes"])


def convolutional_sliding_windows(image, parameters) -> np.ndarray:
    """Sliding windows in one pass: the classifier's convolutional form run on the whole image.

    Equal to ``sliding_windows_predict(image, parameters)`` (window 14, stride 2 for the
    course's net) up to rounding, because each output cell sees exactly one window.

    Args:
        image: (n_H, n_W, n_C).
        parameters: FC-form dict (``initialize_window_net``); converted with
            ``fc_to_conv_parameters``.

    Returns:
        probabilities (n_rows, n_cols, n_classes): 16x16 -> 2x2, 28x28 -> 8x8 for the
        course's 14x14 window.
    """
    g = window_geometry(parameters)
    image = _image(image)
    if image.shape[2] != g["n_C"]:
        raise ValueError(
            f"image must have n_C = {g['n_C']} channels (the classifier's); got {image.shape[2]}."
        )
    return conv_net_forward(image[None], fc_to_conv_parameters(parameters))[0]


def sliding_windows_cost(n_H: int, n_W: int, window: int, stride: int) -> dict:
    """How much work the direct sliding windows do on an n_H x n_W image.

    Args:
        n_H, n_W: image size. window: crop side. stride: s.

    Returns:
        {"grid": (n_rows, n_cols), "n_crops": n_rows * n_cols, "pixels_classified":
        n_crops * window**2, "overlap": pixels_classified / (n_H * n_W)} (how many times
        each pixel is looked at, on average).
    """
    n_rows, n_cols = sliding_window_grid(n_H, n_W, window, stride)
    n_crops = n_rows * n_cols
    pixels = n_crops * window * window
    return {
        "grid": (n_rows, n_cols),
        "n_crops": n_crops,
        "pixels_classified": pixels,
        "overlap": pixels / (n_H * n_W),
    }


def _square_inside(cx: float, cy: float, side: int, size: int) -> tuple[int, int]:
    """Top-left (row, col) of a side x side square centred near (cx, cy), kept inside."""
    r = int(round(cy - side / 2))
    c = int(round(cx - side / 2))
    return min(max(r, 0), size - side), min(max(c, 0), size - side)


def make_window_dataset(
    images,
    boxes,
    classes,
    window: int = 14,
    backgrounds_per_image: int = 2,
    max_background_iou: float = 0.2,
    seed: int = 0,
):
    """Training crops for a sliding-windows classifier, from scenes with boxes.

    Every object gives one tightly cropped square (side max(height, width) of its box times
    1 to 1.15, centre jittered by up to 5% of the side), labelled class + 1; every image gives
    ``backgrounds_per_image`` random squares (side from 1/4 to 1/2 of the image) whose IoU
    with every object box is below ``max_background_iou``, labelled 0 ("background"). All
    crops are resized to window x window.

    Args:
        images: (m, size, size, n_C), e.g. ``scenes.make_shape_scenes(...)["images"]``.
        boxes: list of m arrays (k_i, 4) of corners in [0, 1]. classes: list of m int arrays.
        window: the classifier's input side (14). backgrounds_per_image: crops per image.
        max_background_iou: a background crop overlaps no object more than this.
        seed: NumPy seed.

    Returns:
        (X, y): crops (n, window, window, n_C) float64 and labels (n,) ints (0 = background,
        c + 1 = class c).
    """
    images = require_shape("images", images, (None, None, None, None), "(m, size, size, n_C)")
    m, size, size_w, _ = images.shape
    if size != size_w:
        raise ValueError(f"images must be square (size x size); got {images.shape[1:3]}.")
    window = require_int("window", window, 1)
    per_image = require_int("backgrounds_per_image", backgrounds_per_image, 0)
    if isinstance(max_background_iou, bool) or not isinstance(max_background_iou, numbers.Real):
        raise TypeError(f"max_background_iou must be a number; got {max_background_iou!r}.")
    if not 0 < max_background_iou <= 1:
        raise ValueError(f"max_background_iou must be in (0, 1]; got {max_background_iou}.")
    if not isinstance(boxes, list | tuple) or not isinstance(classes, list | tuple):
        raise TypeError("boxes and classes must be lists of m arrays (one per image).")
    if len(boxes) != m or len(classes) != m:
        raise ValueError(
            f"boxes and classes must hold one entry per image (m = {m}); got {len(boxes)} and "
            f"{len(classes)}."
        )
    rng = np.random.default_rng(seed)
    crops, labels = [], []
    for i in range(m):
        b = require_boxes(f"boxes[{i}]", np.asarray(boxes[i], float).reshape(-1, 4))
        c = np.asarray(classes[i]).reshape(-1)
        if len(c) != len(b):
            raise ValueError(f"image {i} has {len(b)} boxes but {len(c)} classes.")
        for (x1, y1, x2, y2), k in zip(b * size, c):
            side = int(round(max(x2 - x1, y2 - y1) * rng.uniform(1.0, 1.15)))
            side = min(max(side, 2), size)
            jitter = rng.uniform(-0.05, 0.05, 2) * side
            r, col = _square_inside((x1 + x2) / 2 + jitter[0], (y1 + y2) / 2 + jitter[1], side,
                                    size)  # fmt: skip
            crops.append(resize_crops(images[i : i + 1, r : r + side, col : col + side], window)[0])
            labels.append(int(k) + 1)
        found = 0
        for _ in range(50 * max(per_image, 1)):
            if found == per_image:
                break
            side = int(rng.integers(max(size // 4, 2), max(size // 2, 3) + 1))
            r, col = (int(v) for v in rng.integers(0, size - side + 1, 2))
            crop_box = np.array([[col, r, col + side, r + side]], float) / size
            if len(b) and iou_matrix(crop_box, b).max() >= max_background_iou:
                continue
            crops.append(resize_crops(images[i : i + 1, r : r + side, col : col + side], window)[0])
            labels.append(0)
            found += 1
    if not crops:
        raise ValueError("no crops: the images hold no objects and backgrounds_per_image is 0.")
    return np.stack(crops), np.array(labels, dtype=np.int64)
