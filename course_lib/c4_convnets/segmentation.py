"""Semantic segmentation in NumPy: transpose convolution, segmentation metrics, U-Net sizes.

* **Transpose convolution** (C4.88), the layer that makes a volume *larger*:
  ``conv_transpose_forward(A_prev, W, b, hparameters)`` with the course's shapes, A_prev
  (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C) and
  hparameters {"stride": s, "pad": p}. Every input value is multiplied by the filter and the
  product is pasted onto the output at offset (s i, s j); where pastes overlap they are
  summed; finally p rows and columns are cropped from every side. Output side
  n = (n_prev - 1) s + f - 2p. The filter layout is the one of ``conv_forward`` (input
  channels before output channels), so a filter reads the same in both layers; Keras's
  ``Conv2DTranspose`` stores its kernel as (f, f, n_C, n_C_prev) instead (see
  segmentation_tf.py). ``conv_transpose_backward(dZ, cache)`` returns dA_prev, dW, db.
* **Metrics** (C4.87, C4.90): ``pixel_accuracy``, ``confusion_matrix``, ``class_iou`` and
  ``mean_iou`` on label masks (m, n_H, n_W) of class indices 0 .. n_classes - 1.
* **The U-Net's size** (C4.90): ``unet_param_count`` counts the parameters of the course's
  ``unet_model`` by hand, block by block.

Twin: course_lib/c4_convnets/segmentation_tf.py.
Taught in: notebooks/c4_convnets/13_semantic_segmentation.py.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_int, require_keys, require_shape

__all__ = [
    "conv_transpose_output_size",
    "conv_transpose_forward",
    "conv_transpose_backward",
    "conv_transpose_steps",
    "pixel_accuracy",
    "confusion_matrix",
    "class_iou",
    "mean_iou",
    "unet_param_count",
]

VOLUME = "(m, n_H_prev, n_W_prev, n_C_prev)"


# -- transpose convolution ------------------------------------------------------------------


def conv_transpose_output_size(n: int, f: int, pad: int = 0, stride: int = 1) -> int:
    """Output height (or width) of a transpose convolution: (n - 1) s + f - 2p.

    Args:
        n: input height or width n_H_prev (n_W_prev), >= 1.
        f: filter size, >= 1.
        pad: rows (columns) cropped from each side of the pasted output, p >= 0.
        stride: distance between the pastes of neighbouring input values, s >= 1.

    Returns:
        int: n_H (or n_W). Raises ValueError when the padding would crop everything.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 2.
    """
    n = require_int("n (the input size)", n, 1)
    f = require_int("f (the filter size)", f, 1)
    pad = require_int("pad (p)", pad, 0)
    stride = require_int("stride (s)", stride, 1)
    full = (n - 1) * stride + f
    if full - 2 * pad < 1:
        raise ValueError(
            f"cropping p = {pad} from each side of the pasted output of size (n - 1) s + f = "
            f"({n} - 1)*{stride} + {f} = {full} leaves nothing; use p <= {(full - 1) // 2}."
        )
    return full - 2 * pad


def _transpose_inputs(A_prev, W, b, hparameters):
    """Validated (A_prev, W, b, stride, pad, n_H, n_W) of a transpose convolution."""
    A_prev = require_shape("A_prev", A_prev, (None, None, None, None), VOLUME)
    A_prev = A_prev.astype(np.result_type(A_prev.dtype, np.float32), copy=False)
    n_C_prev = A_prev.shape[3]
    W = require_shape("W", W, (None, None, n_C_prev, None), "(f, f, n_C_prev, n_C)", finite=True)
    f, f_W, _, n_C = W.shape
    if f != f_W:
        raise ValueError(
            f"W must hold square f x f filters, shape (f, f, n_C_prev, n_C); got {W.shape}."
        )
    if f < 1 or n_C < 1:
        raise ValueError(f"W needs f >= 1 and n_C >= 1 filters; got shape {W.shape}.")
    b = require_shape("b", b, (1, 1, 1, n_C), "(1, 1, 1, n_C)", finite=True)
    require_keys("hparameters", hparameters, ["stride", "pad"])
    stride = require_int('hparameters["stride"] (s)', hparameters["stride"], 1)
    pad = require_int('hparameters["pad"] (p)', hparameters["pad"], 0)
    n_H = conv_transpose_output_size(A_prev.shape[1], f, pad, stride)
    n_W = conv_transpose_output_size(A_prev.shape[2], f, pad, stride)
    return A_prev, W, b, stride, pad, n_H, n_W


def conv_transpose_forward(A_prev, W, b, hparameters):
    """Transpose convolution: paste every input value times the filter, sum overlaps, crop.

    Output entry (before the crop) at row s i + a, column s j + c, channel k receives
    A_prev[i, j, :] . W[a, c, :, k] from every input position (i, j) whose paste covers it.

    Args:
        A_prev: input volume (m, n_H_prev, n_W_prev, n_C_prev).
        W: filters (f, f, n_C_prev, n_C), the layout of ``conv_forward``.
        b: biases (1, 1, 1, n_C), added to every output position.
        hparameters: {"stride": s, "pad": p}.

    Returns:
        Z (m, n_H, n_W, n_C) with n_H = (n_H_prev - 1) s + f - 2p (n_W alike), and
        cache (A_prev, W, b, hparameters) for ``conv_transpose_backward``.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 2.
    """
    A_prev, W, b, stride, pad, n_H, n_W = _transpose_inputs(A_prev, W, b, hparameters)
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    dtype = np.result_type(A_prev, W, b)
    full = np.zeros((m, (n_H_prev - 1) * stride + f, (n_W_prev - 1) * stride + f, n_C), dtype)
    rows, cols = (n_H_prev - 1) * stride + 1, (n_W_prev - 1) * stride + 1
    for a in range(f):  # filter entry (a, c) lands at (s i + a, s j + c) for every (i, j)
        for c in range(f):
            full[:, a : a + rows : stride, c : c + cols : stride, :] += A_prev @ W[a, c]
    Z = full[:, pad : pad + n_H, pad : pad + n_W, :] + b
    return Z, (A_prev, W, b, hparameters)


def conv_transpose_backward(dZ, cache):
    """Backward pass of ``conv_transpose_forward``.

    Args:
        dZ: gradient of the cost with respect to Z, (m, n_H, n_W, n_C).
        cache: (A_prev, W, b, hparameters) from ``conv_transpose_forward``.

    Returns:
        {"dA_prev": (m, n_H_prev, n_W_prev, n_C_prev), "dW": (f, f, n_C_prev, n_C),
        "db": (1, 1, 1, n_C)}. (Each gradient is a plain sum over the examples, as in
        ``conv_backward``.)

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 3.
    """
    if not isinstance(cache, tuple | list) or len(cache) != 4:
        raise ValueError(
            "cache must be the (A_prev, W, b, hparameters) tuple that conv_transpose_forward "
            "returned."
        )
    A_prev, W, b, stride, pad, n_H, n_W = _transpose_inputs(*cache)
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    dZ = require_shape("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    dtype = np.result_type(A_prev, W, dZ)
    dfull = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype)
    dfull[:, pad : pad + n_H, pad : pad + n_W, :] = dZ  # the cropped border got no gradient
    rows, cols = (n_H_prev - 1) * stride + 1, (n_W_prev - 1) * stride + 1
    dA_prev = np.zeros(A_prev.shape, dtype)
    dW = np.zeros(W.shape, dtype)
    flat_A = A_prev.reshape(-1, n_C_prev)
    for a in range(f):
        for c in range(f):
            piece = dfull[:, a : a + rows : stride, c : c + cols : stride, :]
            dA_prev += piece @ W[a, c].T
            dW[a, c] = flat_A.T @ piece.reshape(-1, n_C)
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    return {"dA_prev": dA_prev, "dW": dW, "db": db}


def conv_transpose_steps(a, w, stride: int = 2, pad: int = 1) -> dict:
    """The transpose convolution of one 2-D input and filter, one paste at a time.

    Args:
        a: input (n_prev_H, n_prev_W), one channel.
        w: filter (f, f).
        stride, pad: s and p.

    Returns:
        {"pastes": list of ((i, j), canvas) in row-major order, where canvas is the
        uncropped (n_full_H, n_full_W) output after the paste of a[i, j] was added;
        "full": the uncropped sum; "output": it cropped by p on every side, the layer's
        output without bias}.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 2.
    """
    a = require_shape("a", a, (None, None), "(n_H_prev, n_W_prev)", finite=True)
    w = require_shape("w", w, (None, None), "(f, f)", finite=True)
    if a.size == 0:
        raise ValueError(f"a must hold at least one value; got shape {a.shape}.")
    if w.shape[0] != w.shape[1] or w.shape[0] < 1:
        raise ValueError(f"w must be a square f x f filter; got shape {w.shape}.")
    f = w.shape[0]
    stride = require_int("stride (s)", stride, 1)
    pad = require_int("pad (p)", pad, 0)
    n_H = conv_transpose_output_size(a.shape[0], f, pad, stride)
    n_W = conv_transpose_output_size(a.shape[1], f, pad, stride)
    canvas = np.zeros((n_H + 2 * pad, n_W + 2 * pad))
    pastes = []
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            canvas[i * stride : i * stride + f, j * stride : j * stride + f] += a[i, j] * w
            pastes.append(((i, j), canvas.copy()))
    output = canvas[pad : pad + n_H, pad : pad + n_W].copy()
    return {"pastes": pastes, "full": canvas, "output": output}


# -- metrics --------------------------------------------------------------------------------


def _masks(y_true, y_pred, n_classes=None):
    y_true = require_shape("y_true", y_true, (None, None, None), "(m, n_H, n_W)")
    y_pred = require_shape("y_pred", y_pred, y_true.shape, "(m, n_H, n_W) like y_true")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.dtype.kind == "f" and not np.array_equal(y, np.round(y)):
            raise ValueError(f"{name} must hold class indices (whole numbers), not fractions.")
        if y.dtype.kind == "b":
            raise TypeError(f"{name} must hold class indices, not booleans.")
    y_true, y_pred = y_true.astype(np.int64), y_pred.astype(np.int64)
    if n_classes is not None:
        n_classes = require_int("n_classes", n_classes, 1)
        for name, y in (("y_true", y_true), ("y_pred", y_pred)):
            if y.min() < 0 or y.max() >= n_classes:
                raise ValueError(
                    f"{name} must hold classes 0 .. n_classes - 1 = {n_classes - 1}; "
                    f"found {int(y.min())} .. {int(y.max())}."
                )
    return y_true, y_pred, n_classes


def pixel_accuracy(y_true, y_pred) -> float:
    """Fraction of pixels whose predicted class is the true class.

    Args:
        y_true, y_pred: label masks (m, n_H, n_W) of class indices.

    Returns:
        float in [0, 1].

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 6.
    """
    y_true, y_pred, _ = _masks(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """Pixel counts: entry [t, p] counts the pixels of true class t predicted as class p.

    Args:
        y_true, y_pred: label masks (m, n_H, n_W) of classes 0 .. n_classes - 1.
        n_classes: number of classes (background included).

    Returns:
        (n_classes, n_classes) int array.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 6.
    """
    y_true, y_pred, n_classes = _masks(y_true, y_pred, n_classes)
    flat = y_true.ravel() * n_classes + y_pred.ravel()
    return np.bincount(flat, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def class_iou(y_true, y_pred, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """IoU of every class's predicted and true pixel sets: |T and P| / |T or P|.

    Args:
        y_true, y_pred: label masks (m, n_H, n_W) of classes 0 .. n_classes - 1.
        n_classes: number of classes.

    Returns:
        (iou (n_classes,), present (n_classes,) bool): a class that appears in neither
        mask has no IoU; it gets 0 and present False (and ``mean_iou`` leaves it out).

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 6.
    """
    cm = confusion_matrix(y_true, y_pred, n_classes)
    intersection = np.diag(cm).astype(np.float64)
    union = cm.sum(axis=0) + cm.sum(axis=1) - np.diag(cm)
    present = union > 0
    iou = np.divide(intersection, union, out=np.zeros(len(cm)), where=present)
    return iou, present


def mean_iou(y_true, y_pred, n_classes: int) -> float:
    """Mean over the classes present (in either mask) of the per-class IoU.

    Args:
        y_true, y_pred: label masks (m, n_H, n_W) of classes 0 .. n_classes - 1.
        n_classes: number of classes.

    Returns:
        float in [0, 1] (as keras.metrics.MeanIoU, which also skips absent classes).

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 6.
    """
    iou, present = class_iou(y_true, y_pred, n_classes)
    return float(iou[present].mean())


# -- the U-Net's size -----------------------------------------------------------------------


def unet_param_count(
    input_size=(96, 128, 3), n_filters: int = 32, n_classes: int = 23, n_levels: int = 4
) -> dict:
    """Parameters of the course's ``unet_model``, counted block by block.

    Every convolution has f * f * n_C_prev * n_C weights and n_C biases. A conv_block has two
    3x3 convolutions; an upsampling block a 3x3 transpose convolution (n_C filters) and two
    3x3 convolutions on the concatenation of its output with the skip connection.

    Args:
        input_size: (n_H, n_W, n_C) of the input; n_H and n_W divisible by 2**n_levels.
        n_filters: filters of the first block; level l uses n_filters * 2**l.
        n_classes: channels of the final 1x1 convolution.
        n_levels: down blocks with max pooling (the course's model has 4); the bottleneck
            and as many up blocks follow.

    Returns:
        {"down": [count per down block], "bottleneck": int, "up": [count per up block],
        "head": int (the 3x3 conv after the last up block and the 1x1 conv), "total": int}.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 5.
    """
    if not isinstance(input_size, tuple | list) or len(input_size) != 3:
        raise ValueError(f"input_size must be (n_H, n_W, n_C); got {input_size!r}.")
    n_H, n_W, n_C = (require_int(f"input_size[{i}]", v, 1) for i, v in enumerate(input_size))
    n_filters = require_int("n_filters", n_filters, 1)
    n_classes = require_int("n_classes", n_classes, 1)
    n_levels = require_int("n_levels", n_levels, 1)
    if n_H % 2**n_levels or n_W % 2**n_levels:
        raise ValueError(
            f"n_H and n_W must be divisible by 2**n_levels = {2**n_levels} so the up blocks "
            f"meet their skip connections; got {n_H} x {n_W}."
        )

    def conv(f, c_in, c_out):
        return f * f * c_in * c_out + c_out

    down, c_in = [], n_C
    for level in range(n_levels):
        c = n_filters * 2**level
        down.append(conv(3, c_in, c) + conv(3, c, c))
        c_in = c
    c = n_filters * 2**n_levels
    bottleneck = conv(3, c_in, c) + conv(3, c, c)
    up, c_in = [], c
    for level in reversed(range(n_levels)):
        c = n_filters * 2**level
        up.append(conv(3, c_in, c) + conv(3, 2 * c, c) + conv(3, c, c))
        c_in = c
    head = conv(3, n_filters, n_filters) + conv(1, n_filters, n_classes)
    total = sum(down) + bottleneck + sum(up) + head
    return {"down": down, "bottleneck": bottleneck, "up": up, "head": head, "total": total}
