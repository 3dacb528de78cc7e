"""Input checks that explain themselves in the course's notation.

Every public NumPy function validates its inputs here, so bad input gets a ValueError or
TypeError that names the argument and the course's shape, never a raw NumPy error, a hang,
NaN or a silently wrong number. The rules, one for the whole library:

* Shapes: :func:`require_shape`, e.g. ``w must have shape (n_x, 1) = (625, 1); got (625,)``,
  with hints for rank-1 and transposed arrays (:func:`require_xy` says "X looks transposed"
  when the examples are rows).
* Numbers only: arrays of strings, Python objects or complex numbers are refused by name
  (:func:`require_numeric`); booleans and integers are numbers.
* Examples: an axis the notation calls ``m`` (``m``, ``m_train``, ``M``, ...) must hold at
  least one example (:func:`require_examples`): a cost or an average over zero examples
  has no value.
* Finite: arrays with an examples axis (X, Y, AL, dZ, ...) must not hold NaN or infinity
  (:func:`require_finite`); the one place where NaN means something (a missing multi-task
  label) opts out with ``finite=False``.
* Labels: a binary label is the number 0 or 1, for every trainer, cost and accuracy
  (:func:`require_binary_labels`); -1/+1 labels are refused, not converted.
* Parameter dicts must hold every key the network needs (:func:`require_keys`).
* Scalars: counts and sizes are whole numbers >= a minimum (:func:`require_int`; 3.0 is
  accepted, 2.5, True and "3" are not); thresholds and fractions are finite real numbers
  in a range (:func:`require_number`).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable, Mapping

import numpy as np

__all__ = [
    "require_shape",
    "require_numeric",
    "require_finite",
    "require_examples",
    "require_binary_labels",
    "require_probabilities",
    "require_keys",
    "require_xy",
    "require_layers",
    "require_indices",
    "require_int",
    "require_number",
]

# Axis symbols that count examples: m, m_train, m_dev, M (a pool), ...
_EXAMPLES_AXIS = re.compile(r"m(_\w+)?|M")


def _symbols(notation: str, ndim: int) -> list[str]:
    inner = notation.strip().removeprefix("(").removesuffix(")")
    symbols = [s.strip() for s in inner.split(",") if s.strip()]
    return symbols if len(symbols) == ndim else ["?"] * ndim


def _describe_dtype(arr: np.ndarray) -> str:
    kind = arr.dtype.kind
    if kind in "US":
        return "strings"
    if kind == "O":
        return "Python objects (dtype=object)"
    if kind == "c":
        return "complex numbers"
    return f"values of dtype {arr.dtype}"


def require_numeric(name: str, array) -> np.ndarray:
    """Return ``array`` as an ndarray of numbers, or raise TypeError naming what it holds.

    Booleans, integers and floats are numbers; strings, Python objects (``dtype=object``),
    complex numbers, dates and structured arrays are not.

    Args:
        name: the variable's name in the course, e.g. ``"X"``.
        array: anything ``np.asarray`` accepts.

    Returns:
        np.ndarray: ``np.asarray(array)``.
    """
    try:
        arr = np.asarray(array)
    except ValueError as error:  # ragged nested lists
        raise TypeError(
            f"{name} must be an array of numbers; got {type(array).__name__}."
        ) from error
    if arr.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must hold numbers; got {_describe_dtype(arr)}."
            " Convert it first, e.g. np.asarray(..., dtype=float)."
        )
    return arr


def require_finite(name: str, array) -> np.ndarray:
    """Return ``array`` as an ndarray, or raise ValueError if it holds NaN or infinity.

    Args:
        name: the variable's name, e.g. ``"X"``.
        array: numbers of any shape.

    Returns:
        np.ndarray: ``np.asarray(array)``.
    """
    arr = require_numeric(name, array)
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        bad = np.argwhere(~np.isfinite(arr))
        where = tuple(int(i) for i in bad[0])
        what = "NaN" if np.isnan(arr[where]) else "infinity"
        raise ValueError(
            f"{name} must hold finite numbers; found {what} at index {where}"
            f" ({len(bad)} non-finite value{'s' if len(bad) > 1 else ''})."
            " Remove or fill those entries first."
        )
    return arr


def require_examples(name: str, m: int) -> int:
    """Return ``m``, or raise ValueError if there is no example (m < 1).

    Args:
        name: the array the examples come from, e.g. ``"X"``.
        m: the number of examples.
    """
    if m < 1:
        raise ValueError(
            f"{name} holds no examples (m = {m}): costs, gradients and accuracies average"
            " over the m examples, so at least one is needed."
        )
    return m


def require_shape(
    name: str,
    array,
    expected: tuple[int | None, ...],
    notation: str,
    *,
    finite: bool | None = None,
) -> np.ndarray:
    """Return ``array`` as an ndarray, or raise if its shape or values do not fit.

    Beyond the shape, every array must hold numbers (TypeError otherwise); an axis whose
    symbol in ``notation`` counts examples (``m``, ``m_train``, ``M``, ...) must be at least
    1; and an array with such an axis must be finite unless ``finite=False``.

    Args:
        name: the variable's name in the course, e.g. ``"X"`` or ``"w"``.
        array: anything ``np.asarray`` accepts.
        expected: one entry per axis: an int that must match, or None for "any size".
        notation: the shape in course notation, e.g. ``"(n_x, m)"``; shown in the message.
        finite: require finite values; None (the default) means "when there is an
            examples axis". NaN stands for a missing label only where a function says so.

    Returns:
        np.ndarray: ``np.asarray(array)`` (no copy when it already is an array).
    """
    arr = require_numeric(name, array)
    symbols = _symbols(notation, len(expected))
    if arr.ndim == len(expected) and all(
        want is None or want == got for want, got in zip(expected, arr.shape)
    ):
        examples_axes = [i for i, sym in enumerate(symbols) if _EXAMPLES_AXIS.fullmatch(sym)]
        for axis in examples_axes:
            require_examples(name, arr.shape[axis])
        if finite or (finite is None and examples_axes):
            require_finite(name, arr)
        return arr
    concrete = ", ".join(sym if want is None else str(want) for sym, want in zip(symbols, expected))
    if len(expected) == 1:
        concrete += ","
    message = f"{name} must have shape {notation}"
    if f"({concrete})".replace(" ", "") != notation.replace(" ", ""):
        message += f" = ({concrete})"
    message += f"; got {arr.shape}."
    if arr.ndim == 1 and len(expected) == 2:
        rows, cols = expected
        target = (
            (-1, 1)
            if rows is None and cols is None
            else (
                rows if rows is not None else -1,
                cols if cols is not None else -1,
            )
        )
        message += (
            f" {name} is a rank-1 array: keep vectors as 2-D columns or rows,"
            f" e.g. {name}.reshape{target}."
        )
    elif (
        arr.ndim == 2
        and len(expected) == 2
        and arr.shape[::-1]
        == tuple(want if want is not None else got for want, got in zip(expected, arr.shape[::-1]))
    ):
        message += f" Is {name} transposed? Examples are columns in this course."
    raise ValueError(message)


def require_xy(
    X,
    Y,
    n_x: int | None = None,
    n_y: int | None = 1,
    *,
    x_name: str = "X",
    y_name: str = "Y",
    x_notation: str = "(n_x, m)",
    y_notation: str = "(1, m)",
    binary: bool = True,
    y_finite: bool | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Check inputs X (n_x, m) and labels Y (n_y, m) together; return both as arrays.

    When the two disagree on m because X has its examples in rows, the message says that
    X looks transposed instead of blaming Y.

    Args:
        X: (n_x, m) inputs, one example per column.
        Y: (n_y, m) labels.
        n_x, n_y: required sizes, or None for any.
        x_name, y_name, x_notation, y_notation: how the message names them.
        binary: Y must hold labels 0/1 (:func:`require_binary_labels`).
        y_finite: as ``finite`` in :func:`require_shape` (False lets NaN mark a missing label).

    Returns:
        (X, Y) as ndarrays.
    """
    X = require_numeric(x_name, X)
    Y = require_numeric(y_name, Y)
    if (
        X.ndim == 2
        and Y.ndim == 2
        and Y.shape[1] != X.shape[1]
        and Y.shape[1] == X.shape[0]
        and (n_x is None or X.shape[1] == n_x)
    ):
        raise ValueError(
            f"{x_name} looks transposed: {x_name} has shape {X.shape} and {y_name} {Y.shape},"
            f" so {x_name} holds the {Y.shape[1]} examples as rows. Examples are columns in"
            f" this course: pass {x_name}.T, of shape {X.shape[::-1]}."
        )
    X = require_shape(x_name, X, (n_x, None), x_notation)
    Y = require_shape(y_name, Y, (n_y, X.shape[1]), y_notation, finite=y_finite)
    if binary:
        require_binary_labels(y_name, Y)
    return X, Y


def require_binary_labels(name: str, Y) -> np.ndarray:
    """Return ``Y`` as an ndarray, or raise unless every entry is the number 0 or 1.

    The one label rule of the library: every trainer, cost and accuracy takes 0/1 labels
    (booleans count); -1/+1 labels, other classes, NaN and strings are refused.

    Args:
        name: the variable's name, e.g. ``"Y"``.
        Y: labels of any shape.
    """
    arr = np.asarray(Y)
    if arr.dtype.kind not in "biuf":
        raise TypeError(
            f"{name} must hold binary labels 0 or 1 as numbers; got {_describe_dtype(arr)}."
        )
    values = np.unique(arr)
    if not np.isin(values, (0, 1)).all():
        shown = ", ".join(str(v) for v in values[:6])
        hint = ""
        if np.isin(values, (-1, 1)).all():
            hint = " For -1/+1 labels use (Y + 1) / 2."
        raise ValueError(f"{name} must hold binary labels 0 or 1; found values {shown}.{hint}")
    return arr


def require_probabilities(name: str, A) -> np.ndarray:
    """Return ``A`` as an ndarray, or raise unless every entry is a probability in [0, 1].

    Args:
        name: the variable's name, e.g. ``"AL"``.
        A: predicted probabilities of any shape (a sigmoid's or softmax's output).
    """
    arr = require_finite(name, A)
    if arr.size and (arr.min() < 0 or arr.max() > 1):
        raise ValueError(
            f"{name} must hold probabilities in [0, 1]; found values from {arr.min():.4g}"
            f" to {arr.max():.4g}. Pass the output of a sigmoid or softmax, not the logits."
        )
    return arr


def require_keys(name: str, mapping, keys: Iterable[str]) -> Mapping:
    """Return ``mapping``, or raise if it is not a dict or misses one of ``keys``.

    Args:
        name: the dict's name, e.g. ``"parameters"``.
        mapping: the dict to check.
        keys: the keys it must hold, e.g. ``["W1", "b1", "W2", "b2"]``.
    """
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{name} must be a dict; got {type(mapping).__name__}.")
    missing = [key for key in keys if key not in mapping]
    if missing:
        held = ", ".join(map(str, mapping)) or "nothing"
        raise ValueError(f"{name} is missing {', '.join(missing)}; it holds {held}.")
    return mapping


_LAYER_KEY = re.compile(r"([Wb])([1-9][0-9]*)")


def require_layers(name: str, parameters, *, biases: bool | None = None) -> int:
    """Return L, the number of layers of ``parameters``, or raise if a key is missing.

    L is the highest l with a "W{l}" (or "b{l}") key; every W1..WL (and b1..bL when
    ``biases``) must then be there, so a network with a layer's bias missing is reported
    rather than run with fewer layers.

    Args:
        name: the dict's name, e.g. ``"parameters"``.
        parameters: {"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL", "bL"}.
        biases: whether every layer has a bias; None (the default): when any layer has one.
            False for batch-norm networks, whose hidden layers have gamma, beta instead.
    """
    if not isinstance(parameters, Mapping):
        raise TypeError(f"{name} must be a dict; got {type(parameters).__name__}.")
    layers = [int(m.group(2)) for key in parameters if (m := _LAYER_KEY.fullmatch(str(key)))]
    if not layers:
        raise ValueError(f"{name} holds no layer: expected W1, b1, ..., WL, bL.")
    L = max(layers)
    needed = [f"W{l}" for l in range(1, L + 1)]
    if biases is None:
        biases = any(re.fullmatch(r"b[1-9][0-9]*", str(key)) for key in parameters)
    if biases:
        needed = [key for l in range(1, L + 1) for key in (f"W{l}", f"b{l}")]
    require_keys(name, parameters, needed)
    return L


def require_indices(name: str, indices, m: int | None = None) -> np.ndarray:
    """Return ``indices`` as a flat int array, or raise unless each is an example index.

    Args:
        name: the variable's name, e.g. ``"indices"``.
        indices: whole numbers (any shape; flattened), each in 0 .. m - 1.
        m: the number of examples, or None when only ``>= 0`` can be checked.
    """
    arr = require_finite(name, indices).ravel()
    if arr.size and (not np.all(np.mod(arr, 1) == 0) or arr.min() < 0):
        raise ValueError(f"{name} must hold whole numbers >= 0 (example indices); got {arr[:6]}.")
    if m is not None and arr.size and arr.max() >= m:
        raise ValueError(
            f"{name} must index the m = {m} examples (0 .. {m - 1}); got {int(arr.max())}."
        )
    return arr.astype(np.int64)


def require_int(name: str, value, minimum: int) -> int:
    """``value`` as an int >= ``minimum``, e.g. ``require_int("the number of anchors k", k, 1)``.

    Raises:
        TypeError: not a real number (a bool, a string, None, ...) or not a whole number.
        ValueError: smaller than ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a whole number >= {minimum}; got {value!r}.")
    if not np.isfinite(value) or value != int(value):
        raise TypeError(f"{name} must be a whole number >= {minimum}; got {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {int(value)}.")
    return int(value)


def require_number(
    name: str, value, low: float | None = None, high: float | None = None, *, low_open=False
) -> float:
    """``value`` as a finite float in [low, high] (or (low, high] with ``low_open``).

    ``require_number("iou_threshold", t, 0, 1)``; ``None`` bounds are not checked.

    Raises:
        TypeError: not a real number (a bool, a string, None, ...).
        ValueError: NaN, infinite, or outside the range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {value!r}.")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}.")
    below = low is not None and (value <= low if low_open else value < low)
    if below or (high is not None and value > high):
        left = "(" if low_open else "["
        span = f"{left}{'-inf' if low is None else low}, {'inf' if high is None else high}]"
        raise ValueError(f"{name} must lie in {span}; got {value}.")
    return value
