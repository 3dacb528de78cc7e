"""Exponentially weighted (moving) averages, with and without bias correction.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_finite

__all__ = [
    "exponentially_weighted_average",
    "effective_window",
    "ewma_weights",
    "daily_temperatures",
]


def _check_beta(beta: float) -> float:
    if not 0.0 <= beta < 1.0:
        raise ValueError(f"beta must lie in [0, 1); got {beta!r}.")
    return float(beta)


def exponentially_weighted_average(theta, beta: float, bias_correction: bool = False):
    """V_0 = 0, V_t = beta V_{t-1} + (1 - beta) theta_t, optionally reported as V_t / (1 - beta^t).

    The correction divides only the value that is reported; the recursion keeps the
    uncorrected V_t (feeding corrected values back in is a known mistake, see the lesson).

    Args:
        theta: (T,) series (or (T, ...) : the average runs along axis 0).
        beta: in [0, 1); the average spans about 1 / (1 - beta) values.
        bias_correction: divide V_t by (1 - beta^t) (t counts from 1).

    Returns:
        V with the same shape as ``theta``.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    beta = _check_beta(beta)
    theta = require_finite("theta", theta).astype(np.float64)
    if theta.ndim == 0 or theta.shape[0] == 0:
        raise ValueError(f"theta must be a series of shape (T,), T >= 1; got {theta.shape}.")
    V = np.empty_like(theta)
    v = np.zeros(theta.shape[1:])
    for t in range(theta.shape[0]):
        v = beta * v + (1.0 - beta) * theta[t]  # O(1) memory: one running value
        V[t] = v
    if bias_correction:
        t = np.arange(1, theta.shape[0] + 1).reshape((-1,) + (1,) * (theta.ndim - 1))
        V = V / (1.0 - beta**t)
    return V


def _wrong_corrected_average(theta, beta: float):
    """Seed error E22 (for the lesson only): the correction inside the recursion."""
    theta = np.asarray(theta, dtype=np.float64)
    V, v = np.empty_like(theta), 0.0
    for t in range(1, theta.shape[0] + 1):
        v = (beta * v + (1.0 - beta) * theta[t - 1]) / (1.0 - beta**t)
        V[t - 1] = v
    return V


def effective_window(beta: float) -> float:
    """About how many recent values an EWMA averages over: 1 / (1 - beta).

    Args:
        beta: in [0, 1).

    Returns:
        float; after that many steps a value's weight has shrunk to about 1/e.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    return 1.0 / (1.0 - _check_beta(beta))


def ewma_weights(beta: float, num: int) -> np.ndarray:
    """Weights (1 - beta) beta^k that V_t gives to theta_{t-k}, for k = 0 .. num - 1.

    Args:
        beta: in [0, 1). num: how many weights (>= 1).

    Returns:
        (num,) array; over infinitely many values they sum to 1.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    beta = _check_beta(beta)
    if int(num) < 1:
        raise ValueError(f"num must be at least 1; got {num!r}.")
    return (1.0 - beta) * beta ** np.arange(int(num))


def daily_temperatures(num_days: int = 365, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A seeded noisy year of daily temperatures (degrees C): a seasonal sine plus noise.

    Args:
        num_days: length of the series. seed: seed of the noise.

    Returns:
        (days (num_days,) counted from 1, theta (num_days,)).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    if int(num_days) < 1:
        raise ValueError(f"num_days must be at least 1; got {num_days!r}.")
    rng = np.random.default_rng(seed)
    days = np.arange(1, num_days + 1)
    # Cold in January, warm in July, with day-to-day weather noise on top.
    seasonal = 11.0 - 9.0 * np.cos(2 * np.pi * (days - 15) / 365.0)
    return days, seasonal + rng.normal(0.0, 3.0, num_days)
