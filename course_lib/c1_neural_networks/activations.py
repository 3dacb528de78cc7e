"""Activation functions in NumPy, safe for any real input.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py (section 2, sigmoid).
"""

from __future__ import annotations

import numpy as np

__all__ = ["sigmoid"]


def sigmoid(z):
    """Logistic sigmoid, sigma(z) = 1 / (1 + e^(-z)), elementwise and overflow-free.

    The textbook formula overflows ``np.exp(-z)`` for z below about -710 and warns long
    before that; evaluating ``e^z / (1 + e^z)`` on the negative half keeps every
    exponent at most 0, so sigmoid(+-1e4) is exactly 1 and 0 without warnings.

    Args:
        z: scalar or array of any shape, e.g. Z of shape (1, m).

    Returns:
        Same shape as ``z`` (a NumPy float for a scalar input), values in [0, 1].

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 2.
    """
    z = np.asarray(z)
    if not np.issubdtype(z.dtype, np.floating):
        z = z.astype(np.float64)  # ints and bools; float32 stays float32
    with np.errstate(under="ignore"):  # e^-|z| rounding to 0 for huge |z| is exact enough
        e = np.exp(-np.abs(z))  # in [0, 1]: never overflows
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out[()] if out.ndim == 0 else out
