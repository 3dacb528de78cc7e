"""1-D and 3-D convolutions in NumPy: the course's 2-D layer with one axis fewer or one more.

One core, ``conv_nd_forward`` / ``conv_nd_backward``, works for any number d of spatial axes:
the input is ``(m, n_1, ..., n_d, n_C_prev)``, the filters ``(f, ..., f, n_C_prev, n_C)`` (d
sizes f), the biases ``(1, ..., 1, n_C)`` (d + 1 ones) and ``hparameters`` is the course's
``{"stride": s, "pad": p}`` (the same s and p on every spatial axis). Each output axis has
``floor((n + 2p - f) / s) + 1`` entries. The forward pass takes a strided view of every window
and multiplies it with the filters in one matrix product; the backward pass is two more
matrix products (the input gradient is one more convolution of the spread-out dZ with the
flipped filters). With d = 2 the core computes exactly ``convolution.conv_forward``.

The course's wrappers:

* ``conv1d_forward`` / ``conv1d_backward``: signals ``(m, n_W_prev, n_C_prev)`` (an ECG, audio),
  filters ``(f, n_C_prev, n_C)``, biases ``(1, 1, n_C)``;
* ``conv3d_forward`` / ``conv3d_backward``: volumes ``(m, n_D_prev, n_H_prev, n_W_prev,
  n_C_prev)`` (a CT scan, a video), filters ``(f, f, f, n_C_prev, n_C)``, biases
  ``(1, 1, 1, 1, n_C)``.

Caches are ``(A_prev, W, b, hparameters)`` as in the 2-D layer; every backward takes
``(dZ, cache)`` and returns ``(dA_prev, dW, db)``.

The lesson's data and helpers: ``make_ecg`` (a synthetic ECG with PQRST beats, noise and
baseline wander), ``make_beat_dataset`` (windows around normal and abnormal beats),
``detect_beats`` (a QRS detector built from two 1-D convolutions), ``make_ct_volume`` (a
CT-like volume with bright spheres), ``sobel_3d`` (3-D edge filters) and
``conv_parameter_count``.

Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from course_lib.c4_convnets.convolution import _integer
from course_lib.validation import require_keys, require_numeric, require_shape

__all__ = [
    "conv_nd_output_shape",
    "conv_nd_forward",
    "conv_nd_backward",
    "conv1d_forward",
    "conv1d_backward",
    "conv3d_forward",
    "conv3d_backward",
    "conv_parameter_count",
    "make_ecg",
    "make_beat_dataset",
    "detect_beats",
    "make_ct_volume",
    "sobel_3d",
]

FS = 250  # samples per second of the synthetic ECG

# -- notation ---------------------------------------------------------------------------------


def _axis_names(d: int) -> list[str]:
    """The course's names of d spatial axes: n_W (1-D), n_H, n_W (2-D), n_D, n_H, n_W (3-D)."""
    if d == 1:
        return ["n_W"]
    if d == 2:
        return ["n_H", "n_W"]
    if d == 3:
        return ["n_D", "n_H", "n_W"]
    return [f"n_{k}" for k in range(1, d + 1)]


def _notation(d: int, suffix: str = "_prev", channels: str = "n_C_prev") -> str:
    return "(m, " + ", ".join(f"{n}{suffix}" for n in _axis_names(d)) + f", {channels})"


def _filter_notation(d: int) -> str:
    return "(" + ", ".join(["f"] * d) + ", n_C_prev, n_C)"


def _bias_notation(d: int) -> str:
    return "(" + ", ".join(["1"] * (d + 1)) + ", n_C)"


# -- sizes ------------------------------------------------------------------------------------


def _hparameters(hparameters) -> tuple[int, int]:
    require_keys("hparameters", hparameters, ["stride", "pad"])
    stride = _integer('hparameters["stride"] (s)', hparameters["stride"], 1)
    pad = _integer('hparameters["pad"] (p)', hparameters["pad"], 0)
    return stride, pad


def conv_nd_output_shape(input_shape, f: int, pad: int = 0, stride: int = 1) -> tuple[int, ...]:
    """Output sizes of a convolution on every spatial axis: floor((n + 2p - f) / s) + 1.

    Args:
        input_shape: the spatial sizes (n_1, ..., n_d) of the input, e.g. (14,) for a
            14-sample signal or (14, 14, 14) for a CT volume; each an integer >= 1.
        f: filter size (the same on every axis), 1 <= f <= n + 2p on every axis.
        pad: zeros added on each side of every axis, p >= 0.
        stride: step of the window, s >= 1.

    Returns:
        tuple of d ints, e.g. (10,) for n = 14, f = 5, p = 0, s = 1.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 1.
    """
    if isinstance(input_shape, int | np.integer) and not isinstance(input_shape, bool):
        input_shape = (input_shape,)
    if not isinstance(input_shape, tuple | list) or len(input_shape) == 0:
        raise ValueError(
            f"input_shape must be the spatial sizes (n_1, ..., n_d), e.g. (14,) or (14, 14, 14); "
            f"got {input_shape!r}."
        )
    names = _axis_names(len(input_shape))
    sizes = [_integer(f"{name}_prev", n, 1) for name, n in zip(names, input_shape)]
    f = _integer("f (the filter size)", f, 1)
    pad = _integer("pad (p)", pad, 0)
    stride = _integer("stride (s)", stride, 1)
    out = []
    for name, n in zip(names, sizes):
        if f > n + 2 * pad:
            raise ValueError(
                f"the filter does not fit along {name}_prev: f = {f} > {name}_prev + 2p = "
                f"{n} + 2*{pad} = {n + 2 * pad}. Use a smaller f or more padding."
            )
        out.append((n + 2 * pad - f) // stride + 1)
    return tuple(out)


def conv_parameter_count(f: int, n_C_prev: int, n_C: int, dims: int = 2) -> int:
    """Parameters of one convolution layer: f^d * n_C_prev * n_C weights plus n_C biases.

    E.g. 16 filters of size 5 on one channel: 1-D 5 * 16 + 16 = 96, 2-D 25 * 16 + 16 = 416,
    3-D 125 * 16 + 16 = 2,016. The count does not depend on the input's size.

    Args:
        f: filter size. n_C_prev: input channels. n_C: number of filters.
        dims: number of spatial axes d (1, 2, 3, ...).

    Returns:
        int.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 6.
    """
    f = _integer("f (the filter size)", f, 1)
    n_C_prev = _integer("n_C_prev", n_C_prev, 1)
    n_C = _integer("n_C (the number of filters)", n_C, 1)
    dims = _integer("dims (the number of spatial axes d)", dims, 1)
    return f**dims * n_C_prev * n_C + n_C


# -- the n-D core -----------------------------------------------------------------------------


def _conv_inputs(A_prev, W, b, hparameters, d: int | None = None):
    """Validated (A_prev, W, b, stride, pad, out_shape) of an n-D convolution."""
    arr = require_numeric("A_prev", A_prev)
    if d is None:
        if arr.ndim < 3:
            raise ValueError(
                "A_prev must have shape (m, n_1, ..., n_d, n_C_prev) with at least one spatial "
                f"axis, e.g. (m, n_W_prev, n_C_prev); got shape {arr.shape}."
            )
        d = arr.ndim - 2
    A_prev = require_shape("A_prev", arr, (None,) * (d + 2), _notation(d))
    A_prev = A_prev.astype(np.result_type(A_prev.dtype, np.float32), copy=False)
    n_C_prev = A_prev.shape[-1]
    W = require_shape("W", W, (None,) * (d + 1) + (None,), _filter_notation(d), finite=True)
    if W.shape[d] != n_C_prev:
        raise ValueError(
            f"W must have shape {_filter_notation(d)} with n_C_prev = {n_C_prev} (the channels "
            f"of A_prev); got W of shape {W.shape}."
        )
    f = W.shape[0]
    if any(size != f for size in W.shape[:d]):
        raise ValueError(
            f"W must hold cubic filters of the same size f on every axis, shape "
            f"{_filter_notation(d)}; got {W.shape}."
        )
    n_C = W.shape[-1]
    b = require_shape("b", b, (1,) * (d + 1) + (n_C,), _bias_notation(d), finite=True)
    stride, pad = _hparameters(hparameters)
    out_shape = conv_nd_output_shape(A_prev.shape[1:-1], f, pad, stride)
    return A_prev, W, b, stride, pad, out_shape


def _pad(A: np.ndarray, pad: int) -> np.ndarray:
    """Zeros around every spatial axis (not m, not the channels)."""
    if not pad:
        return A
    d = A.ndim - 2
    return np.pad(A, [(0, 0)] + [(pad, pad)] * d + [(0, 0)])


def _windows(A_pad: np.ndarray, f: int, stride: int, out_shape) -> np.ndarray:
    """Every window as a row: (m * prod(out_shape), f^d * n_C_prev), order (f, ..., f, c)."""
    d = A_pad.ndim - 2
    spatial = tuple(range(1, d + 1))
    view = sliding_window_view(A_pad, (f,) * d, axis=spatial)  # (m, *, n_C_prev, f, ..., f)
    view = view[(slice(None),) + tuple(slice(0, (n - 1) * stride + 1, stride) for n in out_shape)]
    order = (0, *spatial, *range(d + 2, 2 * d + 2), d + 1)  # (m, out..., f..., n_C_prev)
    rows = A_pad.shape[0] * int(np.prod(out_shape))
    return view.transpose(order).reshape(rows, -1)


def _correlate(A_pad: np.ndarray, W: np.ndarray, stride: int, out_shape) -> np.ndarray:
    """Cross-correlation (no bias) of a padded input with W: (m, *out_shape, n_C)."""
    f, n_C = W.shape[0], W.shape[-1]
    cols = _windows(A_pad, f, stride, out_shape)
    return (cols @ W.reshape(-1, n_C)).reshape(A_pad.shape[0], *out_shape, n_C)


def conv_nd_forward(A_prev, W, b, hparameters):
    """Convolution layer forward for any number d of spatial axes (one matrix product).

    Z[i, y_1, ..., y_d, c] = sum over the window and the channels of
    A_prev_pad[i, y_1*s : y_1*s + f, ..., y_d*s : y_d*s + f, :] * W[..., :, c] + b[..., c]
    (the course's cross-correlation: the filter is not flipped).

    Args:
        A_prev: input, shape (m, n_1_prev, ..., n_d_prev, n_C_prev), d >= 1.
        W: filters, shape (f, ..., f, n_C_prev, n_C) with d sizes f.
        b: biases, shape (1, ..., 1, n_C) with d + 1 ones.
        hparameters: {"stride": s, "pad": p}, the same on every spatial axis.

    Returns:
        Z: shape (m, n_1, ..., n_d, n_C) with n_k = floor((n_k_prev + 2p - f) / s) + 1.
        cache: (A_prev, W, b, hparameters) for conv_nd_backward.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 1.
    """
    A_prev, W, b, stride, pad, out_shape = _conv_inputs(A_prev, W, b, hparameters)
    dtype = np.result_type(A_prev, W, b)
    Z = _correlate(_pad(A_prev, pad).astype(dtype, copy=False), W.astype(dtype), stride, out_shape)
    return Z + b.reshape(-1).astype(dtype), (A_prev, W, b, hparameters)


def _cache(cache, d: int | None, forward: str):
    if not isinstance(cache, tuple | list) or len(cache) != 4:
        raise ValueError(
            f"cache must be the (A_prev, W, b, hparameters) tuple that {forward} returned."
        )
    return _conv_inputs(*cache, d=d)


def _backward(dZ, cache, d: int | None, forward: str):
    A_prev, W, b, stride, pad, out_shape = _cache(cache, d, forward)
    d = A_prev.ndim - 2
    m, f, n_C_prev, n_C = A_prev.shape[0], W.shape[0], W.shape[-2], W.shape[-1]
    names = _axis_names(d)
    notation = "(m, " + ", ".join(names) + ", n_C)"
    dZ = require_shape("dZ", dZ, (m, *out_shape, n_C), notation)
    dtype = np.result_type(A_prev, W, dZ)
    dZ = dZ.astype(dtype, copy=False)
    A_pad = _pad(A_prev, pad).astype(dtype, copy=False)
    dZ_rows = dZ.reshape(-1, n_C)
    dW = (_windows(A_pad, f, stride, out_shape).T @ dZ_rows).reshape(W.shape)
    db = dZ_rows.sum(axis=0).reshape(b.shape)
    # dA_prev_pad: dZ placed at the window starts (zeros between them when s > 1), framed by
    # f - 1 zeros, cross-correlated with W flipped on every spatial axis and with its channel
    # axes swapped. Positions that no window reached (the floor) get a zero gradient.
    spread_shape = tuple((n - 1) * stride + 1 for n in out_shape)
    spread = np.zeros((m, *spread_shape, n_C), dtype=dtype)
    spread[(slice(None),) + (slice(None, None, stride),) * d] = dZ
    padded_shape = A_pad.shape[1:-1]
    widths = [(0, 0)]
    for n_pad, n_spread in zip(padded_shape, spread_shape):
        widths.append((f - 1, f - 1 + n_pad - (n_spread + f - 1)))
    widths.append((0, 0))
    framed = np.pad(spread, widths)
    flipped = W[(slice(None, None, -1),) * d].swapaxes(-1, -2)  # (f, ..., f, n_C, n_C_prev)
    dA_pad = _correlate(framed, np.ascontiguousarray(flipped), 1, padded_shape)
    if pad:
        dA_pad = dA_pad[(slice(None),) + (slice(pad, -pad),) * d]
    assert dA_pad.shape[-1] == n_C_prev
    return dA_pad, dW, db


def conv_nd_backward(dZ, cache):
    """Convolution layer backward for any number of spatial axes (three matrix products).

    dW[..., c] = sum over examples and windows of window * dZ[..., c], db[c] = sum of
    dZ[..., c], and every window passes W[..., c] * dZ[i, y, c] back to the input positions
    it saw (overlapping windows add up).

    Args:
        dZ: gradient of the cost with respect to Z, shape (m, n_1, ..., n_d, n_C).
        cache: (A_prev, W, b, hparameters) from conv_nd_forward (or a 1-D/2-D/3-D forward).

    Returns:
        dA_prev: shape of A_prev, (m, n_1_prev, ..., n_d_prev, n_C_prev).
        dW: shape of W, (f, ..., f, n_C_prev, n_C).
        db: shape of b, (1, ..., 1, n_C).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 1.
    """
    return _backward(dZ, cache, None, "conv_nd_forward")


# -- the course's 1-D and 3-D layers -----------------------------------------------------------


def conv1d_forward(A_prev, W, b, hparameters):
    """1-D convolution layer forward (signals: ECG, audio, sensor readings).

    Z[i, w, c] = sum(A_prev_pad[i, w*s : w*s + f, :] * W[:, :, c]) + b[0, 0, c].

    Args:
        A_prev: input signals, shape (m, n_W_prev, n_C_prev).
        W: filters, shape (f, n_C_prev, n_C).
        b: biases, shape (1, 1, n_C).
        hparameters: {"stride": s, "pad": p}.

    Returns:
        Z: shape (m, n_W, n_C) with n_W = floor((n_W_prev + 2p - f) / s) + 1.
        cache: (A_prev, W, b, hparameters) for conv1d_backward.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    _conv_inputs(A_prev, W, b, hparameters, d=1)
    return conv_nd_forward(A_prev, W, b, hparameters)


def conv1d_backward(dZ, cache):
    """1-D convolution layer backward.

    Args:
        dZ: gradient of the cost with respect to Z, shape (m, n_W, n_C).
        cache: (A_prev, W, b, hparameters) from conv1d_forward.

    Returns:
        dA_prev (m, n_W_prev, n_C_prev), dW (f, n_C_prev, n_C), db (1, 1, n_C).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    return _backward(dZ, cache, 1, "conv1d_forward")


def conv3d_forward(A_prev, W, b, hparameters):
    """3-D convolution layer forward (volumes: CT and MRI scans; videos as frames x H x W).

    Z[i, z, h, w, c] = sum(A_prev_pad[i, z*s : z*s + f, h*s : h*s + f, w*s : w*s + f, :]
    * W[..., c]) + b[..., c].

    Args:
        A_prev: input volumes, shape (m, n_D_prev, n_H_prev, n_W_prev, n_C_prev).
        W: filters, shape (f, f, f, n_C_prev, n_C).
        b: biases, shape (1, 1, 1, 1, n_C).
        hparameters: {"stride": s, "pad": p}.

    Returns:
        Z: shape (m, n_D, n_H, n_W, n_C), each axis floor((n + 2p - f) / s) + 1.
        cache: (A_prev, W, b, hparameters) for conv3d_backward.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    _conv_inputs(A_prev, W, b, hparameters, d=3)
    return conv_nd_forward(A_prev, W, b, hparameters)


def conv3d_backward(dZ, cache):
    """3-D convolution layer backward.

    Args:
        dZ: gradient of the cost with respect to Z, shape (m, n_D, n_H, n_W, n_C).
        cache: (A_prev, W, b, hparameters) from conv3d_forward.

    Returns:
        dA_prev (m, n_D_prev, n_H_prev, n_W_prev, n_C_prev), dW (f, f, f, n_C_prev, n_C),
        db (1, 1, 1, 1, n_C).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    return _backward(dZ, cache, 3, "conv3d_forward")


# -- the lesson's data ------------------------------------------------------------------------

# One heartbeat as five Gaussian waves: (name, centre in s relative to R, width in s, height).
_NORMAL_BEAT = (
    ("P", -0.20, 0.025, 0.15),
    ("Q", -0.035, 0.010, -0.12),
    ("R", 0.0, 0.010, 1.00),
    ("S", 0.035, 0.012, -0.25),
    ("T", 0.26, 0.045, 0.30),
)
# A premature ventricular beat: no P wave, a wide and tall QRS, an inverted T wave.
_ABNORMAL_BEAT = (
    ("R", 0.0, 0.028, 1.25),
    ("S", 0.07, 0.030, -0.35),
    ("T", 0.28, 0.055, -0.30),
)


def _require_real(name: str, value, low: float, high: float = np.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name} must be a number; got {value!r}.")
    value = float(value)
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(f"{name} must be a number in [{low}, {high}]; got {value!r}.")
    return value


def _beat(t: np.ndarray, waves, scale: float = 1.0) -> np.ndarray:
    out = np.zeros_like(t)
    for _, centre, width, height in waves:
        out += height * np.exp(-0.5 * ((t - centre * scale) / width) ** 2)
    return out


def make_ecg(
    duration: float = 10.0,
    heart_rate: float = 72.0,
    noise: float = 0.03,
    wander: float = 0.15,
    fs: int = FS,
    seed: int = 0,
) -> dict:
    """A synthetic ECG: PQRST beats (sums of Gaussians), noise and baseline wander; seeded.

    The beat-to-beat interval varies by a few percent (as a real heart's does); the baseline
    drifts as a slow sine (breathing) of amplitude ``wander``; white noise of standard
    deviation ``noise`` is added.

    Args:
        duration: length in seconds, > 0 (at least one sample).
        heart_rate: beats per minute, in [30, 200].
        noise: standard deviation of the white noise, >= 0.
        wander: amplitude of the baseline wander, >= 0.
        fs: sampling rate in samples per second, >= 50.
        seed: seed of the generator.

    Returns:
        dict with "t" (n,) times in s, "signal" (n,), "clean" (n,) the beats alone,
        "r_peaks" (k,) sample indices of the R waves, "fs".

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 2.
    """
    duration = _require_real("duration (s)", duration, 1e-9, 3600.0)
    heart_rate = _require_real("heart_rate (beats per minute)", heart_rate, 30.0, 200.0)
    noise = _require_real("noise", noise, 0.0, 10.0)
    wander = _require_real("wander", wander, 0.0, 10.0)
    fs = _integer("fs (samples per second)", fs, 50)
    n = int(round(duration * fs))
    if n < 1:
        raise ValueError(f"duration * fs must give at least one sample; got {duration} s.")
    rng = np.random.default_rng(seed)
    t = np.arange(n) / fs
    period = 60.0 / heart_rate
    peaks, time = [], 0.3 * period
    while time < duration:
        peaks.append(time)
        time += period * (1.0 + 0.04 * rng.standard_normal())
    clean = np.zeros(n)
    for peak in peaks:
        clean += _beat(t - peak, _NORMAL_BEAT)
    phase = rng.uniform(0, 2 * np.pi)
    baseline = wander * np.sin(2 * np.pi * 0.25 * t + phase)
    signal = clean + baseline + noise * rng.standard_normal(n)
    r_peaks = np.array([int(round(p * fs)) for p in peaks if round(p * fs) < n], dtype=np.int64)
    return {"t": t, "signal": signal, "clean": clean, "r_peaks": r_peaks, "fs": fs}


def make_beat_dataset(
    m: int, length: int = 160, noise: float = 0.05, fs: int = FS, seed: int = 0
) -> dict:
    """Windows of ECG around one beat each, half normal and half abnormal (PVC-like); seeded.

    Each window holds the beat at a random offset (up to 1/8 of the window either side), a
    random amplitude (0.6 to 1.4), a random heart rate for the neighbouring beats, baseline
    wander and noise. Abnormal beats have no P wave, a wide QRS complex and an inverted T.

    Args:
        m: number of windows, >= 1.
        length: samples per window, >= 32 (160 samples = 0.64 s at 250 Hz).
        noise: standard deviation of the white noise, >= 0.
        fs: sampling rate, >= 50.
        seed: seed of the generator.

    Returns:
        dict with "X" (m, length, 1) float64 (the course's (m, n_W, n_C) signals) and
        "Y" (m,) int64, 1 for an abnormal beat, 0 for a normal one.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 4.
    """
    m = _integer("m (the number of windows)", m, 1)
    length = _integer("length (samples per window)", length, 32)
    noise = _require_real("noise", noise, 0.0, 10.0)
    fs = _integer("fs (samples per second)", fs, 50)
    rng = np.random.default_rng(seed)
    Y = rng.permutation(np.arange(m) % 2).astype(np.int64)
    t = (np.arange(length) - length / 2) / fs
    X = np.zeros((m, length, 1))
    for i in range(m):
        shift = rng.uniform(-length / 8, length / 8) / fs
        period = 60.0 / rng.uniform(50, 110)
        beat = _ABNORMAL_BEAT if Y[i] else _NORMAL_BEAT
        x = rng.uniform(0.6, 1.4) * _beat(t - shift, beat)
        for k in (-1, 1):  # neighbouring normal beats that reach into the window
            x += rng.uniform(0.6, 1.4) * _beat(t - shift - k * period, _NORMAL_BEAT)
        x += rng.uniform(0, 0.2) * np.sin(2 * np.pi * 0.25 * t + rng.uniform(0, 2 * np.pi))
        X[i, :, 0] = x + noise * rng.standard_normal(length)
    return {"X": X, "Y": Y}


def detect_beats(signal, fs: int = FS, threshold: float = 0.3) -> dict:
    """Find the R waves of an ECG with two 1-D convolutions (a simple QRS detector).

    1. A 5-tap derivative filter [-1, -2, 0, 2, 1] / 8 (``conv1d_forward``, pad 2) responds
       to the steep edges of the QRS complex and ignores the slow baseline wander.
    2. The squared derivative is smoothed by a moving average of 0.08 s (another 1-D
       convolution, "same" padding): the QRS energy.
    3. A beat is a local maximum of the energy above ``threshold`` times its largest value,
       at least 0.25 s after the previous beat; its R wave is the signal's maximum within
       0.05 s.

    Args:
        signal: ECG samples, shape (n,) with n >= 0.3 * fs.
        fs: sampling rate in samples per second, >= 50.
        threshold: fraction of the largest energy a beat must reach, in (0, 1).

    Returns:
        dict with "r_peaks" (k,) int sample indices, "derivative" (n,), "energy" (n,).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 3.
    """
    signal = require_shape("signal", signal, (None,), "(n,)", finite=True).astype(np.float64)
    fs = _integer("fs (samples per second)", fs, 50)
    threshold = _require_real("threshold", threshold, 1e-6, 1 - 1e-6)
    n = signal.shape[0]
    if n < 0.3 * fs:
        raise ValueError(f"the signal needs at least 0.3 s = {int(0.3 * fs)} samples; got {n}.")
    x = signal.reshape(1, n, 1)
    W_diff = np.array([-1.0, -2.0, 0.0, 2.0, 1.0]).reshape(5, 1, 1) / 8.0
    derivative, _ = conv1d_forward(x, W_diff, np.zeros((1, 1, 1)), {"stride": 1, "pad": 2})
    f = int(round(0.08 * fs)) // 2 * 2 + 1  # odd, so "same" padding is (f - 1) / 2
    W_avg = np.ones((f, 1, 1)) / f
    energy, _ = conv1d_forward(
        derivative**2, W_avg, np.zeros((1, 1, 1)), {"stride": 1, "pad": (f - 1) // 2}
    )
    derivative, energy = derivative.ravel(), energy.ravel()
    level = threshold * energy.max()
    inner = (energy[1:-1] >= energy[:-2]) & (energy[1:-1] > energy[2:]) & (energy[1:-1] > level)
    candidates = np.flatnonzero(inner) + 1
    refractory, reach = int(0.25 * fs), int(0.05 * fs)
    peaks: list[int] = []
    for c in candidates[np.argsort(-energy[candidates])]:  # strongest first
        if all(abs(c - p) >= refractory for p in peaks):
            peaks.append(int(c))
    r_peaks = []
    for c in sorted(peaks):
        lo, hi = max(0, c - reach), min(n, c + reach + 1)
        r_peaks.append(lo + int(np.argmax(signal[lo:hi])))
    return {
        "r_peaks": np.array(r_peaks, dtype=np.int64),
        "derivative": derivative,
        "energy": energy,
    }


def make_ct_volume(
    size: int = 24, noise: float = 0.05, spheres: int = 2, seed: int = 0
) -> np.ndarray:
    """A CT-like volume: soft tissue around bright spheres (lesions), with noise; seeded.

    Args:
        size: voxels along each of n_D, n_H, n_W, >= 8.
        noise: standard deviation of the voxel noise, >= 0.
        spheres: number of bright spheres, >= 1; radii 0.12 to 0.22 of ``size``.
        seed: seed of the generator.

    Returns:
        A_prev: shape (1, size, size, size, 1), float64, background about 0.2, spheres 1.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    size = _integer("size (voxels per axis)", size, 8)
    noise = _require_real("noise", noise, 0.0, 10.0)
    spheres = _integer("spheres (the number of spheres)", spheres, 1)
    rng = np.random.default_rng(seed)
    grid = np.stack(np.meshgrid(*[np.arange(size)] * 3, indexing="ij"), axis=-1)
    volume = np.full((size, size, size), 0.2)
    for _ in range(spheres):
        radius = rng.uniform(0.12, 0.22) * size
        centre = rng.uniform(radius + 1, size - radius - 1, size=3)
        inside = np.sum((grid - centre) ** 2, axis=-1) <= radius**2
        volume[inside] = 1.0
    volume = volume + noise * rng.standard_normal(volume.shape)
    return volume.reshape(1, size, size, size, 1)


def sobel_3d() -> np.ndarray:
    """Three 3x3x3 Sobel filters, one per axis (n_D, n_H, n_W), for one input channel.

    Each is a derivative [-1, 0, 1] along its axis times the smoothing [1, 2, 1] along the
    other two (divided by 32), so filter k responds to an edge across axis k.

    Returns:
        W: shape (3, 3, 3, 1, 3), ready for conv3d_forward.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 5.
    """
    smooth = np.array([1.0, 2.0, 1.0])
    diff = np.array([-1.0, 0.0, 1.0])
    W = np.zeros((3, 3, 3, 1, 3))
    for k in range(3):
        parts = [smooth, smooth, smooth]
        parts[k] = diff
        W[..., 0, k] = np.einsum("i,j,l->ijl", *parts) / 32.0
    return W
