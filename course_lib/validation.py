"""Shape checks that explain themselves in the course's notation.

Every public NumPy function validates its inputs with :func:`require_shape`, so a learner
who passes ``X`` transposed or a rank-1 ``w`` gets a ValueError that names the expected
shape, e.g. ``w must have shape (n_x, 1) = (625, 1); got (625,)``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["require_shape", "require_binary_labels"]


def _symbols(notation: str, ndim: int) -> list[str]:
    inner = notation.strip().removeprefix("(").removesuffix(")")
    symbols = [s.strip() for s in inner.split(",") if s.strip()]
    return symbols if len(symbols) == ndim else ["?"] * ndim


def require_shape(name: str, array, expected: tuple[int | None, ...], notation: str) -> np.ndarray:
    """Return ``array`` as an ndarray, or raise ValueError if its shape is not ``expected``.

    Args:
        name: the variable's name in the course, e.g. ``"X"`` or ``"w"``.
        array: anything ``np.asarray`` accepts.
        expected: one entry per axis: an int that must match, or None for "any size".
        notation: the shape in course notation, e.g. ``"(n_x, m)"``; shown in the message.

    Returns:
        np.ndarray: ``np.asarray(array)`` (no copy when it already is an array).
    """
    arr = np.asarray(array)
    if arr.ndim == len(expected) and all(
        want is None or want == got for want, got in zip(expected, arr.shape)
    ):
        return arr
    symbols = _symbols(notation, len(expected))
    concrete = ", ".join(sym if want is None else str(want) for sym, want in zip(symbols, expected))
    if len(expected) == 1:
        concrete += ","
    message = f"{name} must have shape {notation}"
    if any(want is not None for want in expected):
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


def require_binary_labels(name: str, Y: np.ndarray) -> None:
    """Raise ValueError unless every entry of ``Y`` is 0 or 1.

    Args:
        name: the variable's name, e.g. ``"Y"``.
        Y: labels of any shape.
    """
    values = np.unique(np.asarray(Y))
    if not np.isin(values, (0, 1)).all():
        shown = ", ".join(str(v) for v in values[:6])
        raise ValueError(f"{name} must hold binary labels 0 or 1; found values {shown}.")
