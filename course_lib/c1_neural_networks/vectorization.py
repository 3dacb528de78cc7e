"""Loops versus vectorised NumPy, and broadcasting.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from course_lib.validation import require_numeric, require_shape

__all__ = ["dot_loop", "normalize_rows", "time_call"]


def dot_loop(w, x) -> float:
    """w^T x with an explicit Python loop over the n_x features (the slow way).

    Args:
        w: (n_x, 1) or (n_x,). x: the same shape.

    Returns:
        The scalar sum_j w_j x_j, equal to ``np.dot(w.ravel(), x.ravel())``.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    w, x = require_numeric("w", w).ravel(), require_numeric("x", x).ravel()
    if w.shape != x.shape:
        raise ValueError(
            f"w and x must have the same number of entries n_x; got {w.size}, {x.size}."
        )
    total = 0.0
    for j in range(w.size):
        total += float(w[j]) * float(x[j])
    return total


def normalize_rows(x) -> np.ndarray:
    """Divide each row of x by its Euclidean norm, via broadcasting.

    ``np.linalg.norm(x, axis=1, keepdims=True)`` has shape (n, 1); dividing the (n, d)
    matrix by it stretches the column across all d entries of each row.

    Args:
        x: (n, d) matrix with no all-zero row.

    Returns:
        (n, d) matrix whose rows have norm 1.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    x = require_shape("x", x, (None, None), "(n, d)", finite=True)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    if np.any(norms == 0):
        raise ValueError("normalize_rows: a row of x is all zeros and has no direction.")
    return x / norms


def time_call(fn: Callable, *args, repeat: int = 5) -> float:
    """Best wall-clock time of ``repeat`` calls of ``fn(*args)``, in seconds.

    Args:
        fn: the function to time. args: its arguments. repeat: number of calls (>= 1).

    Returns:
        The fastest of the timings (the least disturbed by other work on the machine).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best
