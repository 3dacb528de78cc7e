"""Convolution and pooling layers in NumPy, forward and backward, in the course's notation.

Every layer comes twice with one contract, so the two swap freely and one gradient checker
serves both:

* the course's loops (``conv_forward``, ``conv_backward``, ``pool_forward``,
  ``pool_backward``): one window at a time, the version to read;
* vectorised (``*_vectorized``): a strided view of every window at once and one matrix
  product (im2col), within a small factor of TensorFlow's speed (``make bench``).

Shapes: volumes ``(m, n_H, n_W, n_C)``, filters ``W`` ``(f, f, n_C_prev, n_C)``, biases
``b`` ``(1, 1, 1, n_C)``; ``hparameters`` is ``{"stride": s, "pad": p}`` for a convolution
and ``{"f": f, "stride": s}`` for pooling. Caches: ``(A_prev, W, b, hparameters)`` for a
convolution, ``(A_prev, hparameters)`` for pooling; every backward takes ``(dout, cache)``.

Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py (forward) and
notebooks/c4_convnets/03_conv_backprop.py (backward).
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from course_lib.validation import require_keys, require_shape

__all__ = [
    "zero_pad",
    "conv_single_step",
    "conv_output_size",
    "pool_output_size",
    "conv_multiplies",
    "conv_forward",
    "conv_forward_vectorized",
    "conv_backward",
    "conv_backward_vectorized",
    "pool_forward",
    "pool_forward_vectorized",
    "create_mask_from_window",
    "distribute_value",
    "pool_backward",
    "pool_backward_vectorized",
]

POOL_MODES = ("max", "average")
VOLUME = "(m, n_H_prev, n_W_prev, n_C_prev)"


# -- hyperparameters and output sizes -------------------------------------------------------


def _integer(name: str, value, minimum: int) -> int:
    """``value`` as an int >= ``minimum``; 2.0 is accepted, 1.5, True and "2" are not."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value!r}.")
    if value != int(value) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value!r}.")
    return int(value)


def _conv_hparameters(hparameters) -> tuple[int, int]:
    """(stride, pad) from a convolution's ``{"stride": s, "pad": p}``."""
    require_keys("hparameters", hparameters, ["stride", "pad"])
    stride = _integer('hparameters["stride"] (s)', hparameters["stride"], 1)
    pad = _integer('hparameters["pad"] (p)', hparameters["pad"], 0)
    return stride, pad


def _pool_hparameters(hparameters) -> tuple[int, int]:
    """(f, stride) from a pooling layer's ``{"f": f, "stride": s}``."""
    require_keys("hparameters", hparameters, ["f", "stride"])
    f = _integer('hparameters["f"] (the window size f)', hparameters["f"], 1)
    stride = _integer('hparameters["stride"] (s)', hparameters["stride"], 1)
    return f, stride


def conv_output_size(n: int, f: int, pad: int = 0, stride: int = 1) -> int:
    """Output height (or width) of a convolution: floor((n + 2p - f) / s) + 1.

    Args:
        n: input height or width n_H_prev (n_W_prev), an integer >= 1.
        f: filter size, an integer >= 1 that fits in the padded input (f <= n + 2p).
        pad: zeros added on each side, p >= 0.
        stride: step of the window, s >= 1.

    Returns:
        int: n_H (or n_W). Raises ValueError when the filter does not fit.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    n = _integer("n (the input size)", n, 1)
    f = _integer("f (the filter size)", f, 1)
    pad = _integer("pad (p)", pad, 0)
    stride = _integer("stride (s)", stride, 1)
    if f > n + 2 * pad:
        raise ValueError(
            f"the {f}x{f} filter does not fit in the padded input: f = {f} > n + 2p = "
            f"{n} + 2*{pad} = {n + 2 * pad}. Use a smaller f or more padding."
        )
    return (n + 2 * pad - f) // stride + 1


def pool_output_size(n: int, f: int, stride: int) -> int:
    """Output height (or width) of pooling (no padding): floor((n - f) / s) + 1.

    Args:
        n: input height or width n_H_prev (n_W_prev).
        f: window size, f <= n.
        stride: step of the window, s >= 1.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    return conv_output_size(n, f, pad=0, stride=stride)


def conv_multiplies(
    n_H_prev: int, n_W_prev: int, n_C_prev: int, f: int, n_C: int, pad: int = 0, stride: int = 1
) -> int:
    """Multiplications one convolution layer performs: (f * f * n_C_prev) per output value.

    Times n_H * n_W * n_C output values; e.g. 28x28x192 -> 32 filters 5x5 same:
    28 * 28 * 32 * 5 * 5 * 192 = 120,422,400.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 3.
    """
    n_H = conv_output_size(n_H_prev, f, pad, stride)
    n_W = conv_output_size(n_W_prev, f, pad, stride)
    n_C_prev = _integer("n_C_prev", n_C_prev, 1)
    n_C = _integer("n_C (the number of filters)", n_C, 1)
    return n_H * n_W * n_C * f * f * n_C_prev


# -- input checks ---------------------------------------------------------------------------


def _volume(name: str, A, notation: str = VOLUME) -> np.ndarray:
    """A 4-D volume (m, n_H, n_W, n_C) of finite numbers."""
    A = require_shape(name, A, (None, None, None, None), notation)
    return A.astype(np.result_type(A.dtype, np.float32), copy=False)  # ints -> floats


def _conv_inputs(A_prev, W, b, hparameters):
    """Validated (A_prev, W, b, stride, pad, n_H, n_W) of a convolution."""
    A_prev = _volume("A_prev", A_prev)
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    W = require_shape("W", W, (None, None, n_C_prev, None), "(f, f, n_C_prev, n_C)", finite=True)
    f, f_W, _, n_C = W.shape
    if f != f_W:
        raise ValueError(
            f"W must hold square f x f filters, shape (f, f, n_C_prev, n_C); got {W.shape}."
        )
    b = require_shape("b", b, (1, 1, 1, n_C), "(1, 1, 1, n_C)", finite=True)
    stride, pad = _conv_hparameters(hparameters)
    n_H = conv_output_size(n_H_prev, f, pad, stride)
    n_W = conv_output_size(n_W_prev, f, pad, stride)
    return A_prev, W, b, stride, pad, n_H, n_W


def _conv_cache(cache):
    """Unpack and check a convolution cache (A_prev, W, b, hparameters)."""
    if not isinstance(cache, tuple | list) or len(cache) != 4:
        raise ValueError(
            "cache must be the (A_prev, W, b, hparameters) tuple that conv_forward returned."
        )
    return _conv_inputs(*cache)


def _check_dout(name: str, dout, shape: tuple[int, ...], notation: str) -> np.ndarray:
    """dZ or dA with exactly the shape of the forward output."""
    return require_shape(name, dout, shape, notation)


def _pool_inputs(A_prev, hparameters, mode: str):
    """Validated (A_prev, f, stride, n_H, n_W) of a pooling layer."""
    if mode not in POOL_MODES:
        raise ValueError(f'mode must be "max" or "average"; got {mode!r}.')
    A_prev = _volume("A_prev", A_prev)
    f, stride = _pool_hparameters(hparameters)
    _, n_H_prev, n_W_prev, _ = A_prev.shape
    n_H = pool_output_size(n_H_prev, f, stride)
    n_W = pool_output_size(n_W_prev, f, stride)
    return A_prev, f, stride, n_H, n_W


def _pool_cache(cache, mode: str):
    if not isinstance(cache, tuple | list) or len(cache) != 2:
        raise ValueError(
            "cache must be the (A_prev, hparameters) tuple that pool_forward returned."
        )
    return _pool_inputs(cache[0], cache[1], mode)


# -- convolution ----------------------------------------------------------------------------


def zero_pad(X, pad: int) -> np.ndarray:
    """Pad every image of X with ``pad`` zeros around its height and width (not m or n_C).

    Args:
        X: volume of shape (m, n_H, n_W, n_C).
        pad: zeros on each side, p >= 0.

    Returns:
        X_pad: shape (m, n_H + 2p, n_W + 2p, n_C).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 1.
    """
    X = _volume("X", X, "(m, n_H, n_W, n_C)")
    pad = _integer("pad (p)", pad, 0)
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)


def conv_single_step(a_slice_prev, W, b) -> float:
    """One filter on one window: sum of the elementwise product, plus the bias.

    Args:
        a_slice_prev: window of the input, shape (f, f, n_C_prev).
        W: one filter, shape (f, f, n_C_prev).
        b: its bias, shape (1, 1, 1).

    Returns:
        Z: a Python float.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 2.
    """
    a_slice_prev = require_shape(
        "a_slice_prev", a_slice_prev, (None, None, None), "(f, f, n_C_prev)"
    )
    W = require_shape("W", W, a_slice_prev.shape, "(f, f, n_C_prev)")
    b = require_shape("b", b, (1, 1, 1), "(1, 1, 1)")
    return float(np.sum(a_slice_prev * W) + b.item())


def conv_forward(A_prev, W, b, hparameters):
    """Convolution layer forward, one window at a time (the course's loops).

    Z[i, h, w, c] = sum(A_prev_pad[i, h*s : h*s + f, w*s : w*s + f, :] * W[..., c]) + b[..., c].

    Args:
        A_prev: input volume, shape (m, n_H_prev, n_W_prev, n_C_prev).
        W: filters, shape (f, f, n_C_prev, n_C).
        b: biases, shape (1, 1, 1, n_C).
        hparameters: {"stride": s, "pad": p}.

    Returns:
        Z: shape (m, n_H, n_W, n_C) with n_H = floor((n_H_prev + 2p - f) / s) + 1 (same for n_W).
        cache: (A_prev, W, b, hparameters) for conv_backward.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 3.
    """
    A_prev, W, b, stride, pad, n_H, n_W = _conv_inputs(A_prev, W, b, hparameters)
    m, f, n_C = A_prev.shape[0], W.shape[0], W.shape[3]
    A_prev_pad = zero_pad(A_prev, pad)
    Z = np.zeros((m, n_H, n_W, n_C), dtype=np.result_type(A_prev, W, b))
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)


def _im2col(A_prev_pad: np.ndarray, f: int, stride: int, n_H: int, n_W: int) -> np.ndarray:
    """Every f x f window as a row: shape (m * n_H * n_W, f * f * n_C_prev).

    The row's order (u, v, channel) matches W.reshape(f * f * n_C_prev, n_C).
    """
    windows = sliding_window_view(A_prev_pad, (f, f), axis=(1, 2))  # (m, H, W, n_C, f, f), a view
    windows = windows[:, : (n_H - 1) * stride + 1 : stride, : (n_W - 1) * stride + 1 : stride]
    m, n_C_prev = A_prev_pad.shape[0], A_prev_pad.shape[3]
    # The one copy: the windows laid out as the rows of a matrix.
    return windows.transpose(0, 1, 2, 4, 5, 3).reshape(m * n_H * n_W, f * f * n_C_prev)


def conv_forward_vectorized(A_prev, W, b, hparameters):
    """Convolution layer forward as one matrix product over all windows (im2col).

    Same arguments, output and cache as ``conv_forward``; float32 in gives float32 out.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 4.
    """
    A_prev, W, b, stride, pad, n_H, n_W = _conv_inputs(A_prev, W, b, hparameters)
    m, f, n_C = A_prev.shape[0], W.shape[0], W.shape[3]
    dtype = np.result_type(A_prev, W, b)
    cols = _im2col(zero_pad(A_prev, pad).astype(dtype, copy=False), f, stride, n_H, n_W)
    Z = cols @ W.astype(dtype, copy=False).reshape(-1, n_C) + b.reshape(1, n_C)
    return Z.reshape(m, n_H, n_W, n_C), (A_prev, W, b, hparameters)


def _unpad(A_pad: np.ndarray, pad: int) -> np.ndarray:
    return A_pad[:, pad : A_pad.shape[1] - pad, pad : A_pad.shape[2] - pad, :] if pad else A_pad


def conv_backward(dZ, cache):
    """Convolution layer backward, one window at a time (the course's loops).

    For every example i, position (h, w) and filter c, with the window
    ``[h*s : h*s + f, w*s : w*s + f]`` of the padded input:
    ``dA_prev_pad[i, window, :] += W[..., c] * dZ[i, h, w, c]`` (the gradient goes back to the
    window the output saw, not to the whole input),
    ``dW[..., c] += A_prev_pad[i, window, :] * dZ[i, h, w, c]`` and
    ``db[..., c] += dZ[i, h, w, c]``.

    Args:
        dZ: gradient of the cost with respect to Z, shape (m, n_H, n_W, n_C).
        cache: (A_prev, W, b, hparameters) from conv_forward or conv_forward_vectorized.

    Returns:
        dA_prev: shape (m, n_H_prev, n_W_prev, n_C_prev).
        dW: shape (f, f, n_C_prev, n_C).
        db: shape (1, 1, 1, n_C).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 1.
    """
    A_prev, W, b, stride, pad, n_H, n_W = _conv_cache(cache)
    m, f, n_C = A_prev.shape[0], W.shape[0], W.shape[3]
    dZ = _check_dout("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    dtype = np.result_type(A_prev, W, dZ)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros(A_prev_pad.shape, dtype=dtype)
    dW = np.zeros(W.shape, dtype=dtype)
    db = np.zeros(b.shape, dtype=dtype)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                        W[:, :, :, c] * dZ[i, h, w, c]
                    )
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
    return _unpad(dA_prev_pad, pad), dW, db


def _input_gradient(dZ: np.ndarray, W: np.ndarray, stride: int, padded_shape) -> np.ndarray:
    """dA_prev_pad as one more convolution: dZ, spread out by the stride, against flipped W.

    dA_prev_pad[i, y, x, :] = sum over (h, w, c) with 0 <= y - h*s < f (and likewise x) of
    W[y - h*s, x - w*s, :, c] * dZ[i, h, w, c]. Placing dZ[h] at h*s (zeros between), padding
    f - 1 zeros around it and cross-correlating with W rotated by 180 degrees gives exactly that
    sum, as one im2col matrix product instead of f * f scattered additions.
    """
    m, n_H, n_W, n_C = dZ.shape
    f, n_C_prev = W.shape[0], W.shape[2]
    H_pad, W_pad = padded_shape[1], padded_shape[2]
    if stride > 1:
        spread = np.zeros((m, (n_H - 1) * stride + 1, (n_W - 1) * stride + 1, n_C), dtype=dZ.dtype)
        spread[:, ::stride, ::stride, :] = dZ
    else:
        spread = dZ
    # Rows/columns of the padded input that no window reached (floor in the output size)
    # get zero gradient: pad the far side a little more so the result covers them.
    extra_H = H_pad - ((n_H - 1) * stride + f)
    extra_W = W_pad - ((n_W - 1) * stride + f)
    framed = np.pad(spread, ((0, 0), (f - 1, f - 1 + extra_H), (f - 1, f - 1 + extra_W), (0, 0)))
    cols = _im2col(framed, f, 1, H_pad, W_pad)  # (m * H_pad * W_pad, f * f * n_C)
    W_rotated = W[::-1, ::-1].transpose(0, 1, 3, 2).reshape(f * f * n_C, n_C_prev)
    return (cols @ W_rotated).reshape(m, H_pad, W_pad, n_C_prev)


def conv_backward_vectorized(dZ, cache):
    """Convolution layer backward with two matrix products over im2col matrices.

    Same arguments and results as ``conv_backward``.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 4.
    """
    A_prev, W, b, stride, pad, n_H, n_W = _conv_cache(cache)
    m, f, n_C_prev, n_C = A_prev.shape[0], *W.shape[1:]
    dZ = _check_dout("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    dtype = np.result_type(A_prev, W, dZ)
    A_prev_pad = zero_pad(A_prev, pad).astype(dtype, copy=False)
    dZ_rows = dZ.astype(dtype, copy=False).reshape(-1, n_C)  # (m * n_H * n_W, n_C)
    cols = _im2col(A_prev_pad, f, stride, n_H, n_W)
    dW = (cols.T @ dZ_rows).reshape(f, f, n_C_prev, n_C)
    db = dZ_rows.sum(axis=0).reshape(1, 1, 1, n_C)
    dA_prev_pad = _input_gradient(
        dZ_rows.reshape(dZ.shape), W.astype(dtype, copy=False), stride, A_prev_pad.shape
    )
    return _unpad(dA_prev_pad, pad), dW, db


# -- pooling --------------------------------------------------------------------------------


def pool_forward(A_prev, hparameters, mode: str = "max"):
    """Pooling layer forward, one window at a time (the course's loops).

    Each channel separately: A[i, h, w, c] = max (or mean) of
    A_prev[i, h*s : h*s + f, w*s : w*s + f, c]. No padding, no parameters.

    Args:
        A_prev: input volume, shape (m, n_H_prev, n_W_prev, n_C).
        hparameters: {"f": f, "stride": s}.
        mode: "max" or "average".

    Returns:
        A: shape (m, n_H, n_W, n_C) with n_H = floor((n_H_prev - f) / s) + 1 and
            n_W = floor((n_W_prev - f) / s) + 1.
        cache: (A_prev, hparameters) for pool_backward.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    A_prev, f, stride, n_H, n_W = _pool_inputs(A_prev, hparameters, mode)
    m, n_C = A_prev.shape[0], A_prev.shape[3]
    reduce = np.max if mode == "max" else np.mean
    A = np.zeros((m, n_H, n_W, n_C), dtype=A_prev.dtype)
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    A[i, h, w, c] = reduce(a_prev_slice)
    return A, (A_prev, hparameters)


def _pool_windows(A_prev: np.ndarray, f: int, stride: int, n_H: int, n_W: int) -> np.ndarray:
    """A view of every pooling window: shape (m, n_H, n_W, n_C, f, f)."""
    windows = sliding_window_view(A_prev, (f, f), axis=(1, 2))
    return windows[:, : (n_H - 1) * stride + 1 : stride, : (n_W - 1) * stride + 1 : stride]


def pool_forward_vectorized(A_prev, hparameters, mode: str = "max"):
    """Pooling layer forward over a strided view of all windows at once.

    Same arguments, output and cache as ``pool_forward``.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    A_prev, f, stride, n_H, n_W = _pool_inputs(A_prev, hparameters, mode)
    windows = _pool_windows(A_prev, f, stride, n_H, n_W)
    A = windows.max(axis=(4, 5)) if mode == "max" else windows.mean(axis=(4, 5))
    return A, (A_prev, hparameters)


def create_mask_from_window(x) -> np.ndarray:
    """Where the maximum of a pooling window is: True there, False elsewhere.

    Args:
        x: one window, shape (f, f).

    Returns:
        mask: boolean array of shape (f, f), ``x == max(x)`` (a tie marks every maximum).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 2.
    """
    x = require_shape("x", x, (None, None), "(f, f)", finite=True)
    if x.size == 0:
        raise ValueError(f"x must be a non-empty (f, f) window; got shape {x.shape}.")
    return x == np.max(x)


def distribute_value(dz, shape) -> np.ndarray:
    """Share one gradient equally over an average-pooling window.

    Args:
        dz: a number, the gradient of one output of average pooling.
        shape: (n_H, n_W) of the window.

    Returns:
        a: array of shape (n_H, n_W) whose every entry is dz / (n_H * n_W).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 3.
    """
    dz = np.asarray(dz)
    if dz.size != 1 or dz.dtype.kind not in "biuf":
        raise ValueError(f"dz must be one number; got {dz!r}.")
    if not isinstance(shape, tuple | list) or len(shape) != 2:
        raise ValueError(f"shape must be the window's (n_H, n_W); got {shape!r}.")
    n_H = _integer("shape[0] (n_H)", shape[0], 1)
    n_W = _integer("shape[1] (n_W)", shape[1], 1)
    average = dz.item() / (n_H * n_W)
    return np.ones((n_H, n_W)) * average


TIE_RULES = ("all", "first")


def _check_ties(ties: str) -> None:
    if ties not in TIE_RULES:
        raise ValueError(f'ties must be "all" (the course\'s mask) or "first"; got {ties!r}.')


def _first_maximum_mask(x: np.ndarray) -> np.ndarray:
    """True at the first maximum (row-major) of each window on the last two axes."""
    f_H, f_W = x.shape[-2:]
    flat = x.reshape(*x.shape[:-2], f_H * f_W)
    mask = np.zeros(flat.shape, dtype=bool)
    np.put_along_axis(mask, flat.argmax(axis=-1)[..., None], True, axis=-1)
    return mask.reshape(x.shape)


def pool_backward(dA, cache, mode: str = "max", ties: str = "all"):
    """Pooling layer backward, one window at a time (the course's loops).

    Max: the gradient goes to the position(s) of the window's maximum
    (``create_mask_from_window``); average: it is shared equally over the window
    (``distribute_value``). Overlapping windows add up.

    Ties: the course's mask ``x == max(x)`` (``ties="all"``) gives the whole gradient to every
    tied maximum, so a window of k equal values passes back k times dA. Random test inputs
    never tie, but real images do (a flat background); ``ties="first"`` gives it to the first
    maximum only, as TensorFlow does, which is the true derivative of the pooled output.

    Args:
        dA: gradient of the cost with respect to the pooling output, shape (m, n_H, n_W, n_C).
        cache: (A_prev, hparameters) from pool_forward or pool_forward_vectorized.
        mode: "max" or "average", as in the forward pass.
        ties: "all" (the course's mask) or "first" (one maximum per window); max mode only.

    Returns:
        dA_prev: shape (m, n_H_prev, n_W_prev, n_C).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 3.
    """
    A_prev, f, stride, n_H, n_W = _pool_cache(cache, mode)
    _check_ties(ties)
    m, n_C = A_prev.shape[0], A_prev.shape[3]
    dA = _check_dout("dA", dA, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    dA_prev = np.zeros(A_prev.shape, dtype=np.result_type(A_prev, dA))
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        if ties == "all":
                            mask = create_mask_from_window(a_prev_slice)
                        else:
                            mask = _first_maximum_mask(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (
                            mask * dA[i, h, w, c]
                        )
                    else:
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (
                            distribute_value(dA[i, h, w, c], (f, f))
                        )
    return dA_prev


def pool_backward_vectorized(dA, cache, mode: str = "max", ties: str = "all"):
    """Pooling layer backward over all windows at once; same results as ``pool_backward``
    (the same ``ties`` rule: "all" is the course's mask, "first" TensorFlow's).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 4.
    """
    A_prev, f, stride, n_H, n_W = _pool_cache(cache, mode)
    _check_ties(ties)
    m, n_C = A_prev.shape[0], A_prev.shape[3]
    dA = _check_dout("dA", dA, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    dtype = np.result_type(A_prev, dA)
    if mode == "max":
        windows = _pool_windows(A_prev, f, stride, n_H, n_W)  # (m, n_H, n_W, n_C, f, f)
        if ties == "all":
            mask = windows == windows.max(axis=(4, 5), keepdims=True)
        else:
            mask = _first_maximum_mask(windows)
        share = mask * dA[..., None, None]
    else:
        share = np.broadcast_to((dA / (f * f))[..., None, None], (m, n_H, n_W, n_C, f, f))
    dA_prev = np.zeros(A_prev.shape, dtype=dtype)
    for u in range(f):
        for v in range(f):
            dA_prev[:, u : u + stride * n_H : stride, v : v + stride * n_W : stride, :] += share[
                ..., u, v
            ]
    return dA_prev
