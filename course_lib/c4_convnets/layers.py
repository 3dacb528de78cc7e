"""Layer specs and the shape calculator: each layer's output shape and parameters, a table.

A network is an input volume ``(n_H, n_W, n_C)`` and a list of layer specs, small dicts
written with these helpers:

    conv(f, n_C, s=1, p=0)      {"type": "conv", "f", "n_C", "stride", "pad"}; p may be an
                                int, "valid" (p = 0) or "same" (p = (f - 1) / 2, odd f)
    pool(f, s=f, mode="max")    {"type": "pool", "f", "stride", "mode"}; mode "max" | "average"
    flatten()                   {"type": "flatten"}: n_H * n_W * n_C units
    fc(n)                       {"type": "fc", "units": n}; it reads a vector (flatten first)

and one more type, {"type": "lrn", "depth_radius", "bias", "alpha", "beta"}: AlexNet's local
response normalisation (made and computed by classic_networks.lrn and
classic_networks.local_response_normalization), which keeps the shape and learns nothing.

``layer_output_shape`` and ``layer_parameters`` give one layer's output shape and the
parameters it learns, from the shape of the activation it reads:

    conv:  n_H = floor((n_H_prev + 2p - f) / s) + 1 (the same for n_W), n_C filters;
           (f * f * n_C_prev + 1) * n_C parameters (each filter spans every input channel, + b)
    pool:  the same size formula with p = 0, n_C_prev channels; 0 parameters
    flatten: (n_H_prev * n_W_prev * n_C_prev,); fc: (n,) and (n_prev + 1) * n parameters
    lrn:   the shape it reads; 0 parameters

The sizes come from the core ``conv_output_size`` / ``pool_output_size``, so the calculator
and the layers use one formula. ``network_summary`` walks a stack and gives, per layer, the
output shape, the parameters and its activations n_H * n_W * n_C (what one example keeps in
memory); ``summary_table`` shows it as a table with totals.

Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, sections 2, 6 and 8, and
notebooks/c4_convnets/05_classic_networks.py, sections 1-7.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c4_convnets.convolution import conv_output_size, pool_output_size
from course_lib.tables import Table
from course_lib.validation import require_keys

__all__ = [
    "LAYER_TYPES",
    "POOL_MODES",
    "whole_number",
    "conv",
    "pool",
    "flatten",
    "fc",
    "resolve_pad",
    "conv_layer_parameters",
    "dense_layer_parameters",
    "conv_vs_dense",
    "layer_output_shape",
    "layer_parameters",
    "layer_names",
    "network_summary",
    "count_parameters",
    "total_activations",
    "summary_table",
    "SIMPLE_CONVNET",
    "LENET_LIKE",
]

LAYER_TYPES = ("conv", "pool", "flatten", "fc", "lrn")
POOL_MODES = ("max", "average")
_REQUIRED_KEYS = {
    "conv": ("f", "n_C", "stride", "pad"),
    "pool": ("f", "stride", "mode"),
    "flatten": (),
    "fc": ("units",),
    "lrn": ("depth_radius", "bias", "alpha", "beta"),
}


def whole_number(name: str, value, minimum: int) -> int:
    """``value`` as an int >= ``minimum``; 2.0 and np.int64(2) are accepted, 1.5, True, "2" not.

    Raises:
        ValueError naming ``name``, the rule and the value received.

    Taught in: not a lesson topic; it checks the numbers of the specs that
    notebooks/c4_convnets/05_classic_networks.py writes in section 1.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != int(value):
        raise ValueError(f"{name} must be a whole number >= {minimum}; got {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}; got {value!r}.")
    return int(value)


# -- the spec constructors ------------------------------------------------------------------


def conv(f: int, n_C: int, s: int = 1, p: int | str = 0) -> dict:
    """A CONV layer spec: n_C filters of size f x f, stride s, padding p (int, "valid", "same").

    Returns:
        {"type": "conv", "f": f, "n_C": n_C, "stride": s, "pad": p}.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 1.
    """
    return _check_layer({"type": "conv", "f": f, "n_C": n_C, "stride": s, "pad": p})


def pool(f: int, s: int | None = None, mode: str = "max") -> dict:
    """A POOL layer spec: an f x f window, stride s (default f), mode "max" or "average".

    Returns:
        {"type": "pool", "f": f, "stride": s, "mode": mode}.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 1.
    """
    return _check_layer({"type": "pool", "f": f, "stride": f if s is None else s, "mode": mode})


def flatten() -> dict:
    """A flatten spec: a volume (n_H, n_W, n_C) becomes a vector of n_H * n_W * n_C units.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 1.
    """
    return {"type": "flatten"}


def fc(n: int) -> dict:
    """A fully connected layer spec with n units: {"type": "fc", "units": n}.

    It reads a vector (n_prev,): put flatten() between the last volume and the first fc.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 1.
    """
    return _check_layer({"type": "fc", "units": n})


def _check_layer(layer, where: str = "layer") -> Mapping:
    """Raise ValueError unless ``layer`` is a well-formed spec; return it.

    An lrn spec is checked for its keys; its constants change no shape and are checked
    where they are used (classic_networks.lrn and local_response_normalization).
    """
    if not isinstance(layer, Mapping) or layer.get("type") not in LAYER_TYPES:
        raise ValueError(
            f"{where} must be a dict with 'type' one of {list(LAYER_TYPES)} (made by conv, "
            f"pool, flatten, fc or classic_networks.lrn); got {layer!r}."
        )
    kind = layer["type"]
    missing = [key for key in _REQUIRED_KEYS[kind] if key not in layer]
    if missing:
        raise ValueError(f"{where} ({kind}) is missing the key(s) {missing}.")
    if kind == "conv":
        whole_number(f"{where}: f (the filter size)", layer["f"], 1)
        whole_number(f"{where}: n_C (the number of filters)", layer["n_C"], 1)
        whole_number(f"{where}: stride s", layer["stride"], 1)
        resolve_pad(layer)
    elif kind == "pool":
        whole_number(f"{where}: f (the window size)", layer["f"], 1)
        whole_number(f"{where}: stride s", layer["stride"], 1)
        if layer["mode"] not in POOL_MODES:
            raise ValueError(f"{where}: mode must be 'max' or 'average'; got {layer['mode']!r}.")
    elif kind == "fc":
        whole_number(f"{where}: units (n)", layer["units"], 1)
    return layer


def resolve_pad(layer: Mapping) -> int:
    """The padding p of a conv spec as a number: "valid" -> 0, "same" -> (f - 1) / 2.

    "same" keeps n_H = n_H_prev at stride 1 (p = (f - 1) / 2 needs an odd f); at stride s
    it gives ceil(n_H_prev / s), as Keras's padding="same" does.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 1.
    """
    require_keys("layer", layer, ["f", "pad"])
    f, p = layer["f"], layer["pad"]
    if p == "valid":
        return 0
    if p == "same":
        f = whole_number("f (the filter size)", f, 1)
        if f % 2 == 0:
            raise ValueError(
                f'pad="same" needs an odd filter size (p = (f - 1) / 2); got f = {f}. '
                "Give the padding as a number."
            )
        return (f - 1) // 2
    return whole_number('pad p (an integer, "valid" or "same")', p, 0)


# -- counting one layer ---------------------------------------------------------------------


def conv_layer_parameters(f: int, n_C_prev: int, n_C: int) -> int:
    """Learnable numbers of one conv layer: (f * f * n_C_prev + 1) * n_C.

    Args:
        f: filter size. n_C_prev: channels of the input volume. n_C: number of filters.

    Returns:
        The count of weights (f * f * n_C_prev per filter) plus one bias per filter; it
        does not depend on the image size (10 filters of 3x3x3 -> 280 on any image).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 2.
    """
    f = whole_number("f (the filter size)", f, 1)
    n_C_prev = whole_number("n_C_prev", n_C_prev, 1)
    n_C = whole_number("n_C (the number of filters)", n_C, 1)
    return (f * f * n_C_prev + 1) * n_C


def dense_layer_parameters(n_in: int, n_out: int, bias: bool = True) -> int:
    """Learnable numbers of a dense (FC) layer: n_in * n_out weights (+ n_out biases).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 8.
    """
    n_in = whole_number("n_in", n_in, 1)
    n_out = whole_number("n_out", n_out, 1)
    return n_in * n_out + (n_out if bias else 0)


def _shape(name: str, shape) -> tuple[int, ...]:
    """A volume (n_H, n_W, n_C) or a vector (n,) as a tuple of ints, or ValueError."""
    if isinstance(shape, np.ndarray) and shape.ndim == 1:
        shape = shape.tolist()
    if not isinstance(shape, Sequence) or isinstance(shape, str) or len(shape) not in (1, 3):
        raise ValueError(
            f"{name} must be a volume (n_H, n_W, n_C) or a vector (n,); got {shape!r}."
        )
    return tuple(whole_number(f"{name}[{k}]", v, 1) for k, v in enumerate(shape))


def _volume(name: str, shape) -> tuple[int, int, int]:
    shape = _shape(name, shape)
    if len(shape) != 3:
        raise ValueError(f"{name} must be a volume (n_H, n_W, n_C); got {shape!r}.")
    return shape  # type: ignore[return-value]


def conv_vs_dense(input_shape=(32, 32, 3), f: int = 5, n_C: int = 6, pad: int = 0, stride: int = 1):
    """Parameters of one conv layer against a dense layer with the same input and output sizes.

    Args:
        input_shape: (n_H_prev, n_W_prev, n_C_prev) of the input volume.
        f, n_C, pad, stride: the conv layer (n_C filters of f x f x n_C_prev).

    Returns:
        {"output_shape": (n_H, n_W, n_C), "n_in": inputs, "n_out": outputs,
         "dense_weights": n_in * n_out, "dense_parameters": with the n_out biases,
         "conv_parameters": (f*f*n_C_prev + 1) * n_C, "ratio": dense_weights / conv}.
        The course's 32x32x3 -> 28x28x6 with f = 5: 3072 * 4704 = 14,450,688 vs 456.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 8.
    """
    input_shape = _volume("input_shape", input_shape)
    layer = conv(f, n_C, s=stride, p=pad)
    output_shape = layer_output_shape(layer, input_shape)
    n_in, n_out = math.prod(input_shape), math.prod(output_shape)
    params = layer_parameters(layer, input_shape)
    return {
        "output_shape": output_shape,
        "n_in": n_in,
        "n_out": n_out,
        "dense_weights": n_in * n_out,
        "dense_parameters": dense_layer_parameters(n_in, n_out),
        "conv_parameters": params,
        "ratio": n_in * n_out / params,
    }


def layer_output_shape(layer: Mapping, shape_prev) -> tuple[int, ...]:
    """The shape of a layer's activation, from the shape of the one it reads.

    Args:
        layer: a spec from conv / pool / flatten / fc (or classic_networks.lrn).
        shape_prev: (n_H_prev, n_W_prev, n_C_prev) for a volume, (n_prev,) for a vector.

    Returns:
        (n_H, n_W, n_C) after conv, pool and lrn; (n,) after flatten and fc, where
        n_H = floor((n_H_prev + 2p - f) / s) + 1 (p = 0 for pooling).

    Raises:
        ValueError: a bad spec, a conv / pool / lrn on a vector, an fc on a volume (put a
            flatten first), or a filter larger than its padded input.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, sections 1-2 (your turn in 2).
    """
    _check_layer(layer)
    shape_prev = _shape("shape_prev", shape_prev)
    kind = layer["type"]
    if kind in ("conv", "pool", "lrn") and len(shape_prev) != 3:
        raise ValueError(
            f"a {kind} layer needs a volume (n_H_prev, n_W_prev, n_C_prev); got the vector "
            f"{shape_prev}. Convolutions and pooling come before the flatten."
        )
    if kind == "fc" and len(shape_prev) != 1:
        raise ValueError(
            f"an fc layer needs a vector (n_prev,); got the volume {shape_prev}. Put "
            f"flatten() before it: it unrolls n_H_prev * n_W_prev * n_C_prev = "
            f"{math.prod(shape_prev)} values into the vector the fc layer reads."
        )
    if kind == "conv":
        n_H_prev, n_W_prev, _ = shape_prev
        f, s, p = layer["f"], layer["stride"], resolve_pad(layer)
        return (
            conv_output_size(n_H_prev, f, p, s),
            conv_output_size(n_W_prev, f, p, s),
            int(layer["n_C"]),
        )
    if kind == "pool":
        # n_H from n_H_prev and n_W from n_W_prev (not n_W for both).
        n_H_prev, n_W_prev, n_C_prev = shape_prev
        f, s = layer["f"], layer["stride"]
        return (pool_output_size(n_H_prev, f, s), pool_output_size(n_W_prev, f, s), n_C_prev)
    if kind == "lrn":
        return shape_prev
    if kind == "flatten":
        return (math.prod(shape_prev),)
    return (int(layer["units"]),)


def layer_parameters(layer: Mapping, shape_prev) -> int:
    """The number of parameters a layer learns, weights and biases together.

    conv: (f * f * n_C_prev + 1) * n_C; fc: (n_prev + 1) * n, n_prev the length of the
    vector it reads; pool, flatten and lrn learn nothing (0).

    Args:
        layer: a spec from conv / pool / flatten / fc (or classic_networks.lrn).
        shape_prev: (n_H_prev, n_W_prev, n_C_prev) or (n_prev,), the activation it reads.

    Returns:
        int. Refuses what ``layer_output_shape`` refuses (an fc on a volume among them).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 3 (your turn).
    """
    layer_output_shape(layer, shape_prev)  # refuses layers that do not fit their input
    shape_prev = _shape("shape_prev", shape_prev)
    if layer["type"] == "conv":
        return conv_layer_parameters(layer["f"], shape_prev[-1], layer["n_C"])
    if layer["type"] == "fc":
        return dense_layer_parameters(shape_prev[0], layer["units"])
    return 0  # hyperparameters (f, s, mode, LRN's constants) but nothing to learn


# -- a whole network ------------------------------------------------------------------------


def layer_names(layers: Sequence[Mapping]) -> list[str]:
    """Names in the course's style: CONV1, POOL1, ..., FC3, ... (weight layers numbered on).

    Convolutions and FC layers share one count (LeNet-5: CONV1, CONV2, FC3, FC4, FC5), pools
    and LRN take the number of the convolution before them, as in the lecture's figures.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 2.
    """
    names, weight_layers = [], 0
    for k, layer in enumerate(layers):
        kind = _check_layer(layer, f"layer {k}")["type"]
        if kind in ("conv", "fc"):
            weight_layers += 1
            names.append(f"{kind.upper()}{weight_layers}")
        elif kind == "pool":
            names.append(f"{'MAX' if layer['mode'] == 'max' else 'AVG'}POOL{weight_layers}")
        else:
            names.append(f"LRN{weight_layers}" if kind == "lrn" else "FLATTEN")
    return names


def network_summary(layers: Sequence[Mapping], input_shape) -> list[dict]:
    """Walk a network: per layer its output shape, parameters and activations.

    Args:
        layers: layer specs, first to last.
        input_shape: (n_H, n_W, n_C) of one input image.

    Returns:
        A list of rows, the input first: {"layer": "CONV1", "type": "conv",
        "shape": (28, 28, 6), "parameters": 156, "activations": 4704}; "activations" is the
        number of values in the layer's output for ONE example (n_H * n_W * n_C). A
        flatten holds the same numbers as the volume before it (a reshape); totals skip it.

    Raises:
        ValueError naming the layer (its index and name) and the input it got.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, sections 6 and 8, and
    notebooks/c4_convnets/05_classic_networks.py, sections 2-7.
    """
    shape = _volume("input_shape", input_shape)
    if isinstance(layers, Mapping) or not isinstance(layers, Sequence) or not layers:
        raise ValueError(f"layers must be a non-empty list of layer specs; got {layers!r}.")
    rows = [
        {"layer": "INPUT", "type": "input", "shape": shape, "parameters": 0}
        | {"activations": math.prod(shape)}
    ]
    for k, (layer, name) in enumerate(zip(layers, layer_names(layers))):
        try:
            out = layer_output_shape(layer, shape)
            params = layer_parameters(layer, shape)
        except ValueError as err:
            raise ValueError(f"layer {k} ({name}) on input {shape}: {err}") from err
        rows.append(
            {"layer": name, "type": layer["type"], "shape": out, "parameters": params}
            | {"activations": math.prod(out)}
        )
        shape = out
    return rows


def count_parameters(layers: Sequence[Mapping], input_shape) -> int:
    """Total parameters of a network (the sum of ``layer_parameters``).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, sections 2-6.
    """
    return sum(row["parameters"] for row in network_summary(layers, input_shape))


def total_activations(rows: Sequence[Mapping]) -> int:
    """Values one example keeps from the forward pass: every row of ``network_summary``
    but the flatten, which is a reshape of the volume before it (the input included).

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 7.
    """
    return sum(r["activations"] for r in rows if r["type"] != "flatten")


def _format_shape(shape: tuple[int, ...]) -> str:
    return "x".join(str(n) for n in shape) if len(shape) == 3 else f"{shape[0]}"


def _hyperparameters(layer: Mapping) -> str:
    """A layer's hyperparameters in the course's letters, for the table."""
    kind = layer["type"]
    if kind == "conv":
        p = resolve_pad(layer)
        pad = f"{p} ({layer['pad']})" if isinstance(layer["pad"], str) else f"{p}"
        return f"f={layer['f']} s={layer['stride']} p={pad}, {layer['n_C']} filters"
    if kind == "pool":
        return f"{layer['mode']} f={layer['f']} s={layer['stride']}"
    if kind == "fc":
        return f"{layer['units']} unit{'' if layer['units'] == 1 else 's'}"
    if kind == "lrn":
        return ", ".join(f"{key}={layer[key]:g}" for key in _REQUIRED_KEYS["lrn"])
    return "unroll"


def summary_table(layers: Sequence[Mapping], input_shape, title: str = "") -> Table:
    """``network_summary`` as a Table (layer, hyperparameters, output shape, parameters,
    activations), with a total row (the flatten's activations left out of the total).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, sections 6 and 8, and
    notebooks/c4_convnets/05_classic_networks.py, sections 2, 4 and 6.
    """
    rows = network_summary(layers, input_shape)
    hyper = [""] + [_hyperparameters(layer) for layer in layers]
    body = [
        [r["layer"], h, _format_shape(r["shape"]), f"{r['parameters']:,}", f"{r['activations']:,}"]
        for r, h in zip(rows, hyper)
    ]
    total_params = sum(r["parameters"] for r in rows)
    body.append(["total", "", "", f"{total_params:,}", f"{total_activations(rows):,}"])
    columns = ["layer", "hyperparameters", "output shape", "parameters"]
    return Table(columns + ["activations (n_H*n_W*n_C)"], body, title=title)


# -- the course's two small examples (week 1) -----------------------------------------------

# The simple ConvNet: 39x39x3 -> 37x37x10 -> 17x17x20 -> 7x7x40 -> 1960 -> 1 logistic unit.
SIMPLE_CONVNET = {
    "input": (39, 39, 3),
    "layers": (conv(3, 10), conv(5, 20, s=2), conv(5, 40, s=2), flatten(), fc(1)),
}

# The "neural network example" (LeNet-5-like, on colour): CONV-POOL-CONV-POOL-FC-FC-softmax.
LENET_LIKE = {
    "input": (32, 32, 3),
    "layers": (conv(5, 6), pool(2, 2, "max"), conv(5, 16), pool(2, 2, "max"),
               flatten(), fc(120), fc(84), fc(10)),
}  # fmt: skip
