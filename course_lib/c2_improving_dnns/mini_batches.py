"""Shuffle the examples and cut them into mini-batches, exactly as the course does.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_xy

__all__ = ["random_mini_batches", "num_mini_batches"]


def random_mini_batches(X, Y, mini_batch_size: int = 64, seed: int = 0) -> list[tuple]:
    """Shuffle the columns of (X, Y) together and partition them into mini-batches.

    ``np.random.seed(seed)`` then ``np.random.permutation(m)`` from NumPy's legacy global
    generator, so the same seed gives the course's batches. Every batch but the last has
    ``mini_batch_size`` columns; the last holds the ``m mod mini_batch_size`` left over
    (it is omitted when m is a multiple of the size).

    Args:
        X: (n_x, m) inputs. Y: (n_y, m) labels (usually (1, m)).
        mini_batch_size: columns per batch, >= 1 (1 is stochastic GD, m is batch GD).
        seed: seed of the shuffle.

    Returns:
        [(mini_batch_X (n_x, size), mini_batch_Y (n_y, size)), ...].

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False)
    m = X.shape[1]
    if int(mini_batch_size) != mini_batch_size or mini_batch_size < 1:
        raise ValueError(f"mini_batch_size must be a positive integer; got {mini_batch_size!r}.")
    size = int(mini_batch_size)
    np.random.seed(seed)  # noqa: NPY002 - the course's shuffle uses the global generator
    permutation = list(np.random.permutation(m))  # noqa: NPY002
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    batches = []
    for start in range(0, m, size):
        # The slice simply stops at m, so the last (smaller) batch needs no special case.
        batches.append((shuffled_X[:, start : start + size], shuffled_Y[:, start : start + size]))
    return batches


def num_mini_batches(m: int, mini_batch_size: int) -> int:
    """How many batches one epoch has: ceil(m / mini_batch_size).

    Args:
        m: number of examples. mini_batch_size: columns per batch.

    Returns:
        int, the number of updates per epoch.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    if mini_batch_size < 1 or m < 1:
        raise ValueError(f"need m >= 1 examples and mini_batch_size >= 1; got m = {m!r}.")
    return -(-int(m) // int(mini_batch_size))
