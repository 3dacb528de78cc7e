"""Artificial data synthesis and its trap: a small, reused noise pool is over-fitted.

The lecture's car example in miniature. Clean "yes"/"no" clips (the web clips of
``mismatch``) are turned into in-car clips by adding recorded car noise. The noise comes
from a pool of P recordings, each reused for about m / P training clips. To a listener the
synthesised clips sound like real in-car speech whatever P is; to a network trained on them
a small pool is a handful of fixed patterns it can learn by heart, so it fails on the fresh
noise of real app clips. A broad pool (many different recordings) does not have that
problem.

Shapes follow the course: X is (n_x, m) with one clip per column, Y is (1, m); a noise
pool is (n_x, P). Errors are fractions in [0, 1].

Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import models

__all__ = ["pool_experiment", "pool_size_curve", "plot_pool_curve", "snr_db"]


def snr_db(level: float) -> float:
    """The signal-to-noise ratio of app clips with car-noise level ``level``, in decibels.

    Signal: the average power of the two words; noise: car noise (power level^2) plus hiss.

    Args:
        level: the car-noise level (RMS amplitude per sample), >= 0.

    Returns:
        10 log10(signal power / noise power), a float.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
    """
    level = float(level)
    if not np.isfinite(level) or level < 0:
        raise ValueError(f"level must be a non-negative number; got {level!r}.")
    signal = float(np.mean(mm.word_templates() ** 2))
    return 10 * np.log10(signal / (level**2 + mm.HISS**2))


def pool_experiment(
    pool_size: int,
    level: float = mm.DEFAULT_SHIFT,
    *,
    m_train: int = 3000,
    m_heldout: int = 1000,
    m_dev: int = 2500,
    hidden_layers: Sequence[int] = (16,),
    num_iterations: int = 400,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train on clean clips + noise from a pool of ``pool_size`` recordings; test on real app clips.

    Args:
        pool_size: P, the number of recorded noise clips (0: no synthesis, train on clean).
        level: the car-noise level of the recordings and of the real app clips.
        m_train: clean clips synthesised into the training set. m_heldout: fresh clean
            clips given noise from the same pool (a held-out set of the synthetic
            distribution). m_dev: real app clips (fresh car noise) for the dev set.
        hidden_layers, num_iterations, learning_rate: the network and its budget.
        seed: seed of every draw. progress: optional callable receiving the finished fraction.

    Returns:
        {"pool_size", "level", "pool" (n_x, P), "X_train" (n_x, m_train), "Y_train",
        "parameters", "train_error", "synthetic_error" (held-out clips with pool noise),
        "dev_error" (real app clips), "human" (Bayes error of app clips)}.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
    """
    if isinstance(pool_size, bool) or not float(pool_size).is_integer() or pool_size < 0:
        raise ValueError(f"pool_size must be an integer >= 0 (0: no synthesis); got {pool_size!r}.")
    pool_size = int(pool_size)
    X_clean, Y_train = mm.voice_clips(m_train, 0.0, seed)
    X_fresh, Y_heldout = mm.voice_clips(m_heldout, 0.0, seed + 5)
    if pool_size:
        pool = mm.car_noise(pool_size, level, seed + 20)
        X_train = mm.synthesise(X_clean, pool, seed + 2)
        X_heldout = mm.synthesise(X_fresh, pool, seed + 6)
    else:
        pool = np.zeros((mm.N_X, 0))
        X_train, X_heldout = X_clean, X_fresh
    X_dev, Y_dev = mm.voice_clips(m_dev, level, seed + 1)
    parameters = mm.train_network(
        X_train, Y_train, hidden_layers, num_iterations, learning_rate, seed, progress
    )
    return {
        "pool_size": pool_size,
        "level": float(level),
        "pool": pool,
        "X_train": X_train,
        "Y_train": Y_train,
        "parameters": parameters,
        "train_error": models.error_rate(X_train, Y_train, parameters),
        "synthetic_error": models.error_rate(X_heldout, Y_heldout, parameters),
        "dev_error": models.error_rate(X_dev, Y_dev, parameters),
        "human": mm.human_level_error(level),
    }


def pool_size_curve(
    pool_sizes: Sequence[int],
    level: float = mm.DEFAULT_SHIFT,
    progress: Callable[[float], None] | None = None,
    **experiment,
) -> dict[str, np.ndarray | float]:
    """Run ``pool_experiment`` for several pool sizes: the dev error against P.

    Args:
        pool_sizes: the P values (each >= 0). level: the car-noise level.
        progress: optional callable receiving the finished fraction.
        **experiment: further keywords for ``pool_experiment`` (m_train, seed, ...).

    Returns:
        {"pool_sizes", "dev_error", "synthetic_error", "train_error"} as (k,) arrays and
        "human" (the app's Bayes error).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
    """
    sizes = [int(p) for p in pool_sizes]
    if not sizes:
        raise ValueError("pool_sizes must name at least one pool size.")
    rows = []
    for k, size in enumerate(sizes):
        rows.append(pool_experiment(size, level, **experiment))
        if progress is not None:
            progress((k + 1) / len(sizes))
    keys = ("dev_error", "synthetic_error", "train_error")
    curve = {key: np.array([row[key] for row in rows]) for key in keys}
    curve["pool_sizes"] = np.array(sizes)
    curve["human"] = rows[0]["human"]
    return curve


def plot_pool_curve(ax, curve, baseline: float | None = None):
    """Dev error (real app clips) and synthetic held-out error against the pool size.

    Args:
        ax: a matplotlib Axes. curve: what ``pool_size_curve`` returns (sizes >= 1).
        baseline: optional dev error of a model trained without synthesis.

    Returns:
        The two Line2D (dev, synthetic held-out).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
    """
    sizes = curve["pool_sizes"]
    (dev,) = ax.plot(
        sizes, 100 * curve["dev_error"], "o-", color="C3", label="real app clips (fresh noise)"
    )
    (synthetic,) = ax.plot(
        sizes,
        100 * curve["synthetic_error"],
        "s--",
        color="C0",
        label="held-out clips + noise from the same pool",
    )
    ax.axhline(100 * curve["human"], color="k", ls=":", lw=1, label="human level (app clips)")
    if baseline is not None:
        ax.axhline(100 * baseline, color="C7", ls="-.", lw=1, label="no synthesis (clean training)")
    ax.set_xscale("log")
    ax.set_xlabel("noise clips in the pool P (log scale)")
    ax.set_ylabel("error (%)")
    ax.set_ylim(0, None)
    ax.grid(True, alpha=0.3)
    # below the axes: the curves fill the plot from corner to corner
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=2)
    return dev, synthetic
