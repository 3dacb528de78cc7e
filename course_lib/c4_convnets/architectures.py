"""1x1 convolutions, Inception modules, depthwise-separable convolutions, MobileNet and
EfficientNet scaling, in NumPy (the Keras twin is architectures_tf.py).

Four kinds of tools:

* layers with the course's contract ``*_forward(...) -> (out, cache)``:
  ``pointwise_conv_forward`` (a 1x1 convolution as one matrix product per position),
  ``depthwise_conv_forward`` (one f x f filter per input channel, the course's loops) and
  its vectorised twin, with their backward passes, and ``inception_module_forward``;
* a multiply counter, ``count_multiplies``: it runs any of our convolutions with a wrapper
  around ``convolution.conv_single_step`` that adds up the multiplications each call
  performs, so the lesson's cost numbers are *counted* from what the code does, not only
  computed from a formula;
* cost and parameter calculators: ``bottleneck_cost`` (the Inception 5x5 branch with and
  without a 1x1 bottleneck), ``separable_conv_cost`` (normal vs depthwise + pointwise),
  ``inception_module_params`` and the MobileNet v1 / v2 parameter counts;
* EfficientNet's compound scaling (``compound_scaling``, ``scale_baseline``) and the
  multiplies of a toy plain ConvNet at any depth, width and resolution.

Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from course_lib.c1_neural_networks.activations import relu
from course_lib.c4_convnets import convolution as conv
from course_lib.validation import require_keys, require_shape

__all__ = [
    "pointwise_conv_forward",
    "pointwise_conv_backward",
    "depthwise_conv_forward",
    "depthwise_conv_forward_vectorized",
    "depthwise_conv_backward",
    "MultiplyCount",
    "counting_multiplies",
    "count_multiplies",
    "bottleneck_cost",
    "separable_conv_cost",
    "INCEPTION_3A",
    "NAIVE_INCEPTION",
    "initialize_inception_parameters",
    "inception_module_forward",
    "inception_module_params",
    "inception_module_cost",
    "MOBILENET_V1_BLOCKS",
    "MOBILENET_V2_BLOCKS",
    "mobilenet_v1_block_params",
    "mobilenet_v2_block_params",
    "mobilenet_v1_params",
    "mobilenet_v2_params",
    "EFFICIENTNET_COEFFICIENTS",
    "compound_scaling",
    "scale_baseline",
    "toy_convnet_multiplies",
    "toy_convnet_forward",
]

_LESSON = "notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py"

_VOLUME = "(m, n_H_prev, n_W_prev, n_C_prev)"


# --- input checks -------------------------------------------------------------------------------


def _require_volume(name: str, A, notation: str = _VOLUME) -> np.ndarray:
    return require_shape(name, A, (None, None, None, None), notation)


def _require_count(name: str, value, minimum: int = 1) -> int:
    """A whole number >= minimum (sizes, channels, filter widths)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer, float, np.floating)):
        raise TypeError(f"{name} must be a whole number; got {type(value).__name__}.")
    if not float(value).is_integer() or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}; got {value!r}.")
    return int(value)


def _require_hparameters(hparameters) -> tuple[int, int]:
    require_keys("hparameters", hparameters, ["stride", "pad"])
    stride = _require_count('hparameters["stride"]', hparameters["stride"], 1)
    pad = _require_count('hparameters["pad"]', hparameters["pad"], 0)
    return stride, pad


def _output_size(n: int, f: int, pad: int, stride: int, what: str) -> int:
    if n + 2 * pad < f:
        raise ValueError(
            f"the {f}x{f} filter does not fit in the padded {what} of {n} + 2*{pad} = "
            f"{n + 2 * pad}: use a smaller f or more padding."
        )
    return (n + 2 * pad - f) // stride + 1


# --- 1x1 (pointwise) convolution -----------------------------------------------------------------


def pointwise_conv_forward(A_prev, W, b):
    """A 1x1 convolution computed as one matrix product: a fully connected layer per position.

    Every position (i, h, w) has a vector of n_C_prev channel values; the 1x1 convolution
    maps it to n_C values with the same (n_C_prev, n_C) matrix everywhere:
    ``Z = A_prev.reshape(-1, n_C_prev) @ W.reshape(n_C_prev, n_C) + b``.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev) input volume.
        W: (1, 1, n_C_prev, n_C) the n_C filters of size 1 x 1 x n_C_prev.
        b: (1, 1, 1, n_C) biases.

    Returns:
        Z: (m, n_H_prev, n_W_prev, n_C); cache: (A_prev, W, b, {"stride": 1, "pad": 0}),
        the cache of conv_forward, so convolution.conv_backward accepts it too.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 1 and 5.
    """
    A_prev = _require_volume("A_prev", A_prev)
    n_C_prev = A_prev.shape[3]
    W = require_shape("W", W, (1, 1, n_C_prev, None), "(1, 1, n_C_prev, n_C)")
    n_C = W.shape[3]
    b = require_shape("b", b, (1, 1, 1, n_C), "(1, 1, 1, n_C)")
    m, n_H, n_W, _ = A_prev.shape
    Z = A_prev.reshape(-1, n_C_prev) @ W.reshape(n_C_prev, n_C) + b.reshape(1, n_C)
    return Z.reshape(m, n_H, n_W, n_C), (A_prev, W, b, {"stride": 1, "pad": 0})


def pointwise_conv_backward(dZ, cache):
    """Backward pass of pointwise_conv_forward: the three matrix products of a dense layer.

    Args:
        dZ: (m, n_H, n_W, n_C) gradient of the cost with respect to Z.
        cache: from pointwise_conv_forward.

    Returns:
        dA_prev: (m, n_H, n_W, n_C_prev); dW: (1, 1, n_C_prev, n_C); db: (1, 1, 1, n_C).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 1.
    """
    A_prev, W, b, _ = cache
    m, n_H, n_W, n_C_prev = A_prev.shape
    n_C = W.shape[3]
    dZ = require_shape("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C)")
    rows = dZ.reshape(-1, n_C)
    dA_prev = (rows @ W.reshape(n_C_prev, n_C).T).reshape(A_prev.shape)
    dW = (A_prev.reshape(-1, n_C_prev).T @ rows).reshape(W.shape)
    db = rows.sum(axis=0).reshape(b.shape)
    return dA_prev, dW, db


# --- depthwise convolution -----------------------------------------------------------------------


def _depthwise_inputs(A_prev, W, b, hparameters):
    A_prev = _require_volume("A_prev", A_prev)
    n_C_prev = A_prev.shape[3]
    W = require_shape("W", W, (None, None, n_C_prev, 1), "(f, f, n_C_prev, 1)")
    if W.shape[0] != W.shape[1]:
        raise ValueError(
            f"W must have shape (f, f, n_C_prev, 1) with square filters; got {W.shape}."
        )
    b = require_shape("b", b, (1, 1, 1, n_C_prev), "(1, 1, 1, n_C_prev)")
    stride, pad = _require_hparameters(hparameters)
    f = W.shape[0]
    n_H = _output_size(A_prev.shape[1], f, pad, stride, "height n_H_prev")
    n_W = _output_size(A_prev.shape[2], f, pad, stride, "width n_W_prev")
    return A_prev, W, b, stride, pad, f, n_H, n_W


def depthwise_conv_forward(A_prev, W, b, hparameters):
    """Depthwise convolution, the course's loops: filter c sees only input channel c.

    Unlike a normal convolution, which sums over all n_C_prev channels of its window, the
    depthwise convolution keeps the channels apart: output channel c is the f x f filter
    W[:, :, c, 0] slid over input channel c alone, so n_C = n_C_prev. (This is Keras's
    DepthwiseConv2D with depth_multiplier=1, whose kernel has this shape.)

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev) input volume.
        W: (f, f, n_C_prev, 1) one f x f filter per input channel.
        b: (1, 1, 1, n_C_prev) one bias per channel.
        hparameters: {"stride": s, "pad": p}.

    Returns:
        Z: (m, n_H, n_W, n_C_prev) with n_H = floor((n_H_prev + 2p - f) / s) + 1 (same for
        n_W); cache: (A_prev, W, b, hparameters) for depthwise_conv_backward.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    A_prev, W, b, stride, pad, f, n_H, n_W = _depthwise_inputs(A_prev, W, b, hparameters)
    m, _, _, n_C_prev = A_prev.shape
    A_prev_pad = conv.zero_pad(A_prev, pad)
    Z = np.zeros((m, n_H, n_W, n_C_prev))
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C_prev):
                    # One channel of the window and that channel's own filter: (f, f, 1) each.
                    a_slice = a_prev_pad[
                        vert_start : vert_start + f, horiz_start : horiz_start + f, c : c + 1
                    ]
                    # Looked up on the module at every call, so count_multiplies sees it.
                    Z[i, h, w, c] = conv.conv_single_step(
                        a_slice, W[:, :, c : c + 1, 0], b[:, :, :, c]
                    )
    return Z, (A_prev, W, b, hparameters)


def _windows(A_prev_pad: np.ndarray, f: int, stride: int) -> np.ndarray:
    """(m, n_H, n_W, n_C, f, f): every f x f window, a read-only strided view (no copy)."""
    view = np.lib.stride_tricks.sliding_window_view(A_prev_pad, (f, f), axis=(1, 2))
    return view[:, ::stride, ::stride]


def depthwise_conv_forward_vectorized(A_prev, W, b, hparameters):
    """depthwise_conv_forward without Python loops: a strided view of all windows.

    Same arguments, result and cache as depthwise_conv_forward.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    A_prev, W, b, stride, pad, f, n_H, n_W = _depthwise_inputs(A_prev, W, b, hparameters)
    windows = _windows(conv.zero_pad(A_prev, pad), f, stride)[:, :n_H, :n_W]
    # Per channel c: sum_ij window[..., c, i, j] * W[i, j, c]; no sum over channels.
    Z = np.einsum("mhwcij,ijc->mhwc", windows, W[:, :, :, 0]) + b.reshape(1, 1, 1, -1)
    return Z, (A_prev, W, b, hparameters)


def depthwise_conv_backward(dZ, cache):
    """Backward pass of the depthwise convolution (either forward's cache).

    Args:
        dZ: (m, n_H, n_W, n_C_prev) gradient of the cost with respect to Z.
        cache: (A_prev, W, b, hparameters) from depthwise_conv_forward(_vectorized).

    Returns:
        dA_prev: (m, n_H_prev, n_W_prev, n_C_prev); dW: (f, f, n_C_prev, 1);
        db: (1, 1, 1, n_C_prev).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 5.
    """
    A_prev, W, b, hparameters = cache
    A_prev, W, b, stride, pad, f, n_H, n_W = _depthwise_inputs(A_prev, W, b, hparameters)
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    dZ = require_shape("dZ", dZ, (m, n_H, n_W, n_C), "(m, n_H, n_W, n_C_prev)")
    A_prev_pad = conv.zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros_like(A_prev_pad, dtype=np.result_type(A_prev_pad, dZ, W))
    dW = np.zeros(W.shape, dtype=dA_prev_pad.dtype)
    rows = slice(None, (n_H - 1) * stride + 1, stride)
    for i in range(f):
        for j in range(f):
            # Filter entry (i, j) touched the input at (h*s + i, w*s + j) for every output (h, w).
            window = A_prev_pad[:, i:, j:][:, rows, slice(None, (n_W - 1) * stride + 1, stride)]
            dW[i, j, :, 0] = np.einsum("mhwc,mhwc->c", window, dZ)
            target = dA_prev_pad[:, i:, j:][:, rows, slice(None, (n_W - 1) * stride + 1, stride)]
            target += W[i, j, :, 0] * dZ
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    dA_prev = dA_prev_pad[:, pad : pad + n_H_prev, pad : pad + n_W_prev, :]
    return dA_prev, dW, db


# --- counting multiplies -------------------------------------------------------------------------


@dataclass
class MultiplyCount:
    """What ``counting_multiplies`` saw: scalar multiplications and conv_single_step calls."""

    multiplies: int = 0
    calls: int = 0


@contextlib.contextmanager
def counting_multiplies():
    """Count the multiplications of every ``convolution.conv_single_step`` call in the block.

    ``conv_single_step(a_slice_prev, W, b)`` multiplies its window by the filter entry by
    entry, so each call performs as many multiplications as the product has entries; the
    wrapper adds that up and then runs the real function. The loop implementations
    (convolution.conv_forward, depthwise_conv_forward) call it once per output value.

    Yields:
        a MultiplyCount, filled in while the block runs.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 3.
    """
    counter = MultiplyCount()
    original = conv.conv_single_step

    def counted(a_slice_prev, W, b):
        counter.multiplies += int(np.broadcast(np.asarray(a_slice_prev), np.asarray(W)).size)
        counter.calls += 1
        return original(a_slice_prev, W, b)

    conv.conv_single_step = counted
    try:
        yield counter
    finally:
        conv.conv_single_step = original


def count_multiplies(fn: Callable, *args, **kwargs) -> tuple[int, object]:
    """Run ``fn(*args, **kwargs)`` and count the multiplications its conv_single_step calls do.

    Args:
        fn: a loop convolution, e.g. convolution.conv_forward or depthwise_conv_forward (a
            vectorised one never calls conv_single_step and is refused).
        args, kwargs: its arguments.

    Returns:
        (multiplies, fn's result).

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 3 and 6.
    """
    with counting_multiplies() as counter:
        result = fn(*args, **kwargs)
    if counter.calls == 0:
        name = getattr(fn, "__name__", repr(fn))
        raise ValueError(
            f"{name} never called convolution.conv_single_step, so there was nothing to count; "
            "pass a loop implementation (conv_forward, depthwise_conv_forward)."
        )
    return counter.multiplies, result


# --- cost calculators ----------------------------------------------------------------------------


def bottleneck_cost(n_H: int, n_W: int, n_C_prev: int, f: int, n_C: int, n_bottleneck: int):
    """Multiplies of one "same" f x f conv layer, directly and behind a 1x1 bottleneck.

    The course's example: 28x28x192 -> 32 filters of 5x5 directly costs
    28*28*32*5*5*192 = 120,422,400; through 16 1x1 filters first,
    28*28*16*192 = 2,408,448 plus 28*28*32*5*5*16 = 10,035,200, 12,443,648 in all.

    Args:
        n_H, n_W, n_C_prev: the input volume (the output keeps n_H x n_W: same padding,
            stride 1). f: filter width (odd). n_C: number of f x f filters.
        n_bottleneck: number of 1x1 filters of the bottleneck layer.

    Returns:
        {"direct": ..., "bottleneck": 1x1 layer's multiplies, "conv": f x f layer's after
        the bottleneck, "total": bottleneck + conv, "saving": direct / total}.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 3.
    """
    n_H, n_W, n_C_prev = (
        _require_count(k, v) for k, v in [("n_H", n_H), ("n_W", n_W), ("n_C_prev", n_C_prev)]
    )
    f, n_C = _require_count("f", f), _require_count("n_C", n_C)
    n_bottleneck = _require_count("n_bottleneck", n_bottleneck)
    if f % 2 == 0:
        raise ValueError(f"f must be odd for a 'same' convolution (p = (f - 1) / 2); got {f}.")
    positions = n_H * n_W
    direct = positions * n_C * f * f * n_C_prev
    reduce = positions * n_bottleneck * 1 * 1 * n_C_prev
    after = positions * n_C * f * f * n_bottleneck
    return {
        "direct": direct,
        "bottleneck": reduce,
        "conv": after,
        "total": reduce + after,
        "saving": direct / (reduce + after),
    }


def separable_conv_cost(n: int, n_C: int, f: int, n_C_prime: int, pad: int = 0, stride: int = 1):
    """Multiplies of a normal convolution vs a depthwise-separable one (MobileNet's layer).

    cost = (multiplies per output value) x (output positions) x (filters):
    normal f*f*n_C x n_out^2 x n_C'; depthwise f*f x n_out^2 x n_C; pointwise
    n_C x n_out^2 x n_C'. The course's example n = 6, n_C = 3, f = 3, n_C' = 5:
    2160 against 432 + 240 = 672. Their ratio is 1/n_C' + 1/f^2 whatever n is.

    Args:
        n: input height = width. n_C: input channels. f: filter width.
        n_C_prime: output channels n_C'. pad, stride: of the f x f convolutions.

    Returns:
        {"n_out": output height = width, "normal", "depthwise", "pointwise",
        "separable": depthwise + pointwise, "ratio": separable / normal}.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 6.
    """
    n, n_C, f = _require_count("n", n), _require_count("n_C", n_C), _require_count("f", f)
    n_C_prime = _require_count("n_C_prime", n_C_prime)
    pad, stride = _require_count("pad", pad, 0), _require_count("stride", stride)
    n_out = _output_size(n, f, pad, stride, "input size n")
    positions = n_out * n_out
    normal = f * f * n_C * positions * n_C_prime
    depthwise = f * f * positions * n_C
    pointwise = n_C * positions * n_C_prime
    return {
        "n_out": n_out,
        "normal": normal,
        "depthwise": depthwise,
        "pointwise": pointwise,
        "separable": depthwise + pointwise,
        "ratio": (depthwise + pointwise) / normal,
    }


# --- Inception module ----------------------------------------------------------------------------

# GoogLeNet's module "3a", the course's example: 28x28x192 in, 64 + 128 + 32 + 32 = 256 out.
INCEPTION_3A = {
    "1x1": 64,
    "3x3_reduce": 96,
    "3x3": 128,
    "5x5_reduce": 16,
    "5x5": 32,
    "pool_proj": 32,
}
# The same output widths without the bottlenecks in front of the 3x3 and 5x5 convolutions.
NAIVE_INCEPTION = dict(INCEPTION_3A, **{"3x3_reduce": 0, "5x5_reduce": 0})

_BRANCH_KEYS = ("1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj")


def _require_filters(filters) -> dict[str, int]:
    require_keys("filters", filters, _BRANCH_KEYS)
    out = {}
    for key in _BRANCH_KEYS:
        minimum = 0 if key.endswith("_reduce") else 1
        out[key] = _require_count(f'filters["{key}"]', filters[key], minimum)
    return out


def _inception_layers(n_C_prev: int, filters: Mapping) -> dict[str, tuple[int, int, int]]:
    """name -> (f, n_C_in, n_C_out) of every conv layer of the module, in Keras's order."""
    layers = {"1x1": (1, n_C_prev, filters["1x1"])}
    for f, key in ((3, "3x3"), (5, "5x5")):
        reduce = filters[f"{key}_reduce"]
        if reduce:
            layers[f"{key}_reduce"] = (1, n_C_prev, reduce)
        layers[key] = (f, reduce or n_C_prev, filters[key])
    layers["pool_proj"] = (1, n_C_prev, filters["pool_proj"])
    return layers


def initialize_inception_parameters(n_C_prev: int, filters: Mapping = INCEPTION_3A, seed: int = 1):
    """He-initialised weights and small biases for every conv layer of an Inception module.

    Args:
        n_C_prev: input channels. filters: the widths {"1x1", "3x3_reduce", "3x3",
            "5x5_reduce", "5x5", "pool_proj"} (a reduce of 0 means no bottleneck there).
        seed: seed of the generator.

    Returns:
        {"W_<name>": (f, f, n_C_in, n_C_out), "b_<name>": (1, 1, 1, n_C_out)} for each layer.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 2.
    """
    n_C_prev = _require_count("n_C_prev", n_C_prev)
    rng = np.random.default_rng(seed)
    parameters = {}
    for name, (f, n_in, n_out) in _inception_layers(n_C_prev, _require_filters(filters)).items():
        parameters[f"W_{name}"] = rng.standard_normal((f, f, n_in, n_out)) * np.sqrt(
            2 / (f * f * n_in)
        )
        parameters[f"b_{name}"] = 0.1 * rng.standard_normal((1, 1, 1, n_out))
    return parameters


def _filters_of(parameters: Mapping) -> dict[str, int]:
    """The module's widths read from its parameter dict."""
    require_keys("parameters", parameters, ["W_1x1", "W_3x3", "W_5x5", "W_pool_proj"])
    widths = {}
    for key in _BRANCH_KEYS:
        W = parameters.get(f"W_{key}")
        widths[key] = 0 if W is None else np.shape(W)[-1]
    return widths


def _same_conv_relu(A, parameters: Mapping, name: str) -> np.ndarray:
    require_keys("parameters", parameters, [f"W_{name}", f"b_{name}"])
    W = require_shape(
        f"W_{name}", parameters[f"W_{name}"], (None, None, A.shape[3], None), "(f, f, n_C_in, n_C)"
    )
    f = W.shape[0]
    if W.shape[1] != f or f % 2 == 0:
        raise ValueError(
            f"W_{name} must hold square filters of odd size f (a 'same' convolution pads "
            f"(f - 1) / 2 on each side); got shape {W.shape}."
        )
    b = require_shape(f"b_{name}", parameters[f"b_{name}"], (1, 1, 1, W.shape[3]), "(1, 1, 1, n_C)")
    Z, _ = conv.conv_forward_vectorized(A, W, b, {"stride": 1, "pad": (f - 1) // 2})
    return relu(Z)


def _max_pool_same(A: np.ndarray, f: int = 3) -> np.ndarray:
    """f x f max-pool, stride 1, 'same': the output keeps n_H x n_W.

    Padding by repeating the border (not by zeros) leaves every maximum unchanged: each
    repeated value is also inside the window that reaches over the border. That is what
    Keras's padding="same" does for pooling (it ignores the padded cells).
    """
    p = (f - 1) // 2
    padded = np.pad(A, ((0, 0), (p, p), (p, p), (0, 0)), mode="edge")
    out, _ = conv.pool_forward_vectorized(padded, {"f": f, "stride": 1}, mode="max")
    return out


def inception_module_forward(A_prev, parameters: Mapping):
    """An Inception module: four parallel branches, concatenated along the channels.

    Branches (every convolution "same", stride 1, followed by ReLU): a 1x1 conv; a 1x1
    bottleneck then a 3x3 conv; a 1x1 bottleneck then a 5x5 conv; a 3x3 max-pool (stride 1,
    same) then a 1x1 conv that shrinks its channels. Without "W_3x3_reduce" /
    "W_5x5_reduce" the 3x3 and 5x5 convolutions see the input directly (the naive module).

    Args:
        A_prev: (m, n_H, n_W, n_C_prev).
        parameters: from initialize_inception_parameters.

    Returns:
        out: (m, n_H, n_W, n_1x1 + n_3x3 + n_5x5 + n_pool_proj); cache: {"1x1", "3x3",
        "5x5", "pool"} -> each branch's (m, n_H, n_W, width) output.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 2 and 4.
    """
    A_prev = _require_volume("A_prev", A_prev, "(m, n_H, n_W, n_C_prev)")
    widths = _filters_of(parameters)
    branches = {"1x1": _same_conv_relu(A_prev, parameters, "1x1")}
    for key in ("3x3", "5x5"):
        inner = A_prev
        if widths[f"{key}_reduce"]:
            inner = _same_conv_relu(A_prev, parameters, f"{key}_reduce")
        branches[key] = _same_conv_relu(inner, parameters, key)
    branches["pool"] = _same_conv_relu(_max_pool_same(A_prev), parameters, "pool_proj")
    return np.concatenate(list(branches.values()), axis=3), branches


def inception_module_params(n_C_prev: int, filters: Mapping = INCEPTION_3A) -> int:
    """Number of parameters (weights and biases) of an Inception module.

    Each conv layer has f*f*n_C_in*n_C_out weights and n_C_out biases; pooling has none.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 4.
    """
    layers = _inception_layers(_require_count("n_C_prev", n_C_prev), _require_filters(filters))
    return sum(f * f * n_in * n_out + n_out for f, n_in, n_out in layers.values())


def inception_module_cost(n_H: int, n_W: int, n_C_prev: int, filters: Mapping = INCEPTION_3A):
    """Multiplies of every conv layer of an Inception module on an n_H x n_W x n_C_prev input.

    Returns:
        {layer name: multiplies, ..., "total": their sum}.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 4.
    """
    n_H, n_W = _require_count("n_H", n_H), _require_count("n_W", n_W)
    layers = _inception_layers(_require_count("n_C_prev", n_C_prev), _require_filters(filters))
    cost = {name: n_H * n_W * n_out * f * f * n_in for name, (f, n_in, n_out) in layers.items()}
    cost["total"] = sum(cost.values())
    return cost


# --- MobileNet parameter counts ------------------------------------------------------------------

# MobileNet v1 (Howard et al. 2017, table 1): (filters, stride) of its 13 depthwise-separable
# layers, after a first ordinary 3x3 conv of 32 filters with stride 2.
MOBILENET_V1_BLOCKS = [
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    *[(512, 1)] * 5,
    (1024, 2),
    (1024, 1),
]
# MobileNet v2 (Sandler et al. 2018, table 2): (expansion t, filters c, repeats n, stride s)
# of its 17 bottleneck blocks, after a first 3x3 conv of 32 filters with stride 2.
MOBILENET_V2_BLOCKS = [
    (1, 16, 1, 1),
    (6, 24, 2, 2),
    (6, 32, 3, 2),
    (6, 64, 4, 2),
    (6, 96, 3, 1),
    (6, 160, 3, 2),
    (6, 320, 1, 1),
]

# A BatchNormalization layer holds 4 numbers per channel (gamma, beta and the two moving
# statistics); Keras's count_params() counts them all.
_BN = 4


def _bn(channels: int, batch_norm: bool) -> int:
    return _BN * channels if batch_norm else channels  # without BN: a bias per channel


def mobilenet_v1_block_params(n_C_prev: int, n_C: int, f: int = 3, batch_norm: bool = True) -> int:
    """Parameters of one depthwise-separable layer (MobileNet v1).

    Depthwise f x f conv (f*f*n_C_prev weights), BN, ReLU6, pointwise 1x1 conv
    (n_C_prev*n_C weights), BN, ReLU6. The convolutions have no bias when BN follows
    (BN's beta does that job); with ``batch_norm=False`` each conv has a bias instead.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    n_C_prev, n_C, f = (
        _require_count("n_C_prev", n_C_prev),
        _require_count("n_C", n_C),
        _require_count("f", f),
    )
    depthwise = f * f * n_C_prev + _bn(n_C_prev, batch_norm)
    pointwise = n_C_prev * n_C + _bn(n_C, batch_norm)
    return depthwise + pointwise


def mobilenet_v2_block_params(
    n_C_prev: int, n_C: int, t: int = 6, f: int = 3, batch_norm: bool = True
) -> int:
    """Parameters of one MobileNet v2 bottleneck block.

    Expansion 1x1 conv n_C_prev -> t*n_C_prev (left out when t = 1, as in the first block),
    BN, ReLU6; depthwise f x f conv, BN, ReLU6; projection 1x1 conv t*n_C_prev -> n_C, BN
    and no activation. The residual addition (when stride 1 and n_C = n_C_prev) has no
    parameters.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    n_C_prev, n_C = _require_count("n_C_prev", n_C_prev), _require_count("n_C", n_C)
    t, f = _require_count("t", t), _require_count("f", f)
    inner = t * n_C_prev
    expansion = 0 if t == 1 else n_C_prev * inner + _bn(inner, batch_norm)
    depthwise = f * f * inner + _bn(inner, batch_norm)
    projection = inner * n_C + _bn(n_C, batch_norm)
    return expansion + depthwise + projection


def _first_conv(n_C_in: int, filters: int = 32) -> int:
    return 3 * 3 * n_C_in * filters + _BN * filters  # 3x3, stride 2, no bias, then BN


def mobilenet_v1_params(classes: int = 1000, n_C_in: int = 3) -> int:
    """All parameters of MobileNet v1 (width 1): first conv, 13 separable layers, classifier.

    The classifier after global average pooling is a 1x1 conv with bias (Keras's
    keras.applications.MobileNet builds it that way): 1024*classes + classes.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    classes, n_C_in = _require_count("classes", classes), _require_count("n_C_in", n_C_in)
    total, n_C_prev = _first_conv(n_C_in), 32
    for n_C, _stride in MOBILENET_V1_BLOCKS:
        total += mobilenet_v1_block_params(n_C_prev, n_C)
        n_C_prev = n_C
    return total + n_C_prev * classes + classes


def mobilenet_v2_params(classes: int = 1000, n_C_in: int = 3) -> int:
    """All parameters of MobileNet v2 (width 1): first conv, 17 bottleneck blocks, a 1x1 conv
    to 1280 channels with BN, global average pooling and a Dense softmax layer.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 7.
    """
    classes, n_C_in = _require_count("classes", classes), _require_count("n_C_in", n_C_in)
    total, n_C_prev = _first_conv(n_C_in), 32
    for t, c, n, _stride in MOBILENET_V2_BLOCKS:
        for _ in range(n):
            total += mobilenet_v2_block_params(n_C_prev, c, t)
            n_C_prev = c
    total += n_C_prev * 1280 + _BN * 1280
    return total + 1280 * classes + classes


# --- EfficientNet compound scaling ---------------------------------------------------------------

# Tan and Le (2019), found by a small grid search on the baseline EfficientNet-B0 under the
# constraint alpha * beta^2 * gamma^2 ~ 2 (not in the lecture, which names r, d, w only).
EFFICIENTNET_COEFFICIENTS = {"alpha": 1.2, "beta": 1.1, "gamma": 1.15}


def compound_scaling(phi: float, alpha: float = 1.2, beta: float = 1.1, gamma: float = 1.15):
    """EfficientNet's compound rule: depth d = alpha^phi, width w = beta^phi, resolution
    r = gamma^phi, so the FLOPs grow by (alpha * beta^2 * gamma^2)^phi ~ 2^phi.

    FLOPs of a conv layer grow linearly with depth but quadratically with width (input and
    output channels both grow) and with resolution (height and width both grow): hence the
    squares in the constraint.

    Args:
        phi: the compound coefficient (>= 0; phi = 1 roughly doubles the compute).
        alpha, beta, gamma: the per-dimension bases (>= 1), the paper's by default.

    Returns:
        {"d", "w", "r": the multipliers, "flops": (alpha beta^2 gamma^2)^phi,
        "base": alpha beta^2 gamma^2}.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    values = {"phi": phi, "alpha": alpha, "beta": beta, "gamma": gamma}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise TypeError(f"{name} must be a number; got {type(value).__name__}.")
        if not math.isfinite(value) or value < (0 if name == "phi" else 1):
            raise ValueError(
                f"{name} must be finite and >= {0 if name == 'phi' else 1}; got {value!r}."
            )
    base = alpha * beta**2 * gamma**2
    return {
        "d": alpha**phi,
        "w": beta**phi,
        "r": gamma**phi,
        "flops": base**phi,
        "base": base,
    }


def scale_baseline(baseline: Mapping, phi: float, **coefficients):
    """A baseline network {"depth": layers, "width": channels, "resolution": pixels} scaled
    by compound_scaling(phi), each rounded to the nearest whole number (at least 1).

    Returns:
        {"depth", "width", "resolution"}: ints.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    require_keys("baseline", baseline, ["depth", "width", "resolution"])
    scale = compound_scaling(phi, **coefficients)
    factors = {"depth": scale["d"], "width": scale["w"], "resolution": scale["r"]}
    out = {}
    for key, factor in factors.items():
        base = _require_count(f'baseline["{key}"]', baseline[key])
        out[key] = max(1, int(round(base * factor)))
    return out


def toy_convnet_multiplies(depth: int, width: int, resolution: int, n_C_in: int = 3, f: int = 3):
    """Multiplies of a plain toy ConvNet: ``depth`` "same" f x f conv layers of ``width``
    filters on a resolution x resolution x n_C_in image (the first layer sees n_C_in
    channels, the others ``width``).

    Returns:
        int: sum over layers of resolution^2 * width * f * f * n_C_in_of_that_layer.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    depth, width = _require_count("depth", depth), _require_count("width", width)
    resolution, n_C_in = _require_count("resolution", resolution), _require_count("n_C_in", n_C_in)
    f = _require_count("f", f)
    per_layer = resolution * resolution * width * f * f
    return per_layer * n_C_in + (depth - 1) * per_layer * width


def toy_convnet_forward(
    X, depth: int, width: int, f: int = 3, seed: int = 0, forward: Callable | None = None
):
    """Run the toy ConvNet of toy_convnet_multiplies on images X (random He weights, ReLU).

    Args:
        X: (m, n_H, n_W, n_C_in) images. depth: conv layers. width: filters per layer.
        f: filter width (odd). seed: seed of the weights.
        forward: the conv forward to use (default convolution.conv_forward, the loops, so
            count_multiplies can count it; pass conv_forward_vectorized for speed).

    Returns:
        (m, n_H, n_W, width): the last layer's activations.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    A = _require_volume("X", X, "(m, n_H, n_W, n_C_in)")
    depth, width, f = (
        _require_count("depth", depth),
        _require_count("width", width),
        _require_count("f", f),
    )
    if f % 2 == 0:
        raise ValueError(f"f must be odd for a 'same' convolution; got {f}.")
    rng = np.random.default_rng(seed)
    run = forward if forward is not None else conv.conv_forward
    for _ in range(depth):
        n_in = A.shape[3]
        W = rng.standard_normal((f, f, n_in, width)) * np.sqrt(2 / (f * f * n_in))
        b = np.zeros((1, 1, 1, width))
        Z, _ = run(A, W, b, {"stride": 1, "pad": (f - 1) // 2})
        A = relu(Z)
    return A
