"""End-to-end learning vs a pipeline, measured on a small synthetic X-ray problem.

The lecture's example: estimate a child's age from an X-ray of the hand. A *pipeline*
first measures the bones (a hand-designed step), then learns age from the measurements;
an *end-to-end* network learns straight from the pixels. Here:

- x: one scan line across three finger bones, 32 pixels. Each bone is a bright stretch
  whose length grows with age; the bones' brightness (their density) grows with age too;
  where the hand lies on the plate varies; every pixel is noisy.
- y: 1 if the child is at least 8 years old.
- Pipeline: stage 1 (hand-designed, no learning) thresholds the scan and measures the
  three longest bright stretches; stage 2 learns logistic regression on those 3 numbers.
- End to end: a network [32, 16, 1] learns from the 32 raw pixels.

The designer's choice to keep only the lengths builds knowledge in (3 good numbers instead
of 32 noisy ones, so little data suffices) and also throws information away (brightness,
which the end-to-end network can use once it has seen enough examples). That is the
data-size crossover of C3.35-C3.38.

Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c2_improving_dnns import input_normalization as inn
from course_lib.c3_structuring_ml import models
from course_lib.validation import require_keys, require_shape, require_xy

__all__ = [
    "N_PIXELS",
    "AGE_THRESHOLD",
    "xray_scans",
    "measure_bones",
    "fit_pipeline",
    "pipeline_predict",
    "fit_end_to_end",
    "crossover_study",
]

N_PIXELS = 32  #: pixels per scan line
AGE_THRESHOLD = 8.0  #: y = 1 when the child is at least this old (years)
_BASE = np.array([3.0, 2.5, 2.0])  # bone lengths (pixels) at age 0 ...
_GROWTH = np.array([0.45, 0.35, 0.25])  # ... and their growth per year
BONE_THRESHOLD = 0.35  #: stage 1 counts a pixel as bone above this brightness


def xray_scans(m: int, seed: int, *, noise: float = 0.1):
    """m synthetic scan lines across three finger bones, with each child's age.

    Age a ~ U(2, 14) years. Bone k has length round(base_k + growth_k a + N(0, 1)) pixels
    (at least 1), the bones are separated by 1-pixel joints and start at a random place;
    bone pixels have brightness 0.75 + 0.05 (a - 8) + N(0, 0.05) (density grows with age),
    the background is 0, and every pixel gets N(0, noise^2).

    Args:
        m: number of scans (>= 1). seed: seed of the children and the noise.
        noise: standard deviation of the pixel noise.

    Returns:
        X (32, m) scans, Y (1, m) labels 1.0 = "at least 8 years old", age (m,) years.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    if int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    if noise < 0:
        raise ValueError(f"noise must be >= 0; got {noise!r}.")
    m = int(m)
    rng = np.random.default_rng(seed)
    age = rng.uniform(2.0, 14.0, m)
    lengths = _BASE[:, None] + _GROWTH[:, None] * age + rng.normal(0.0, 1.0, (3, m))
    lengths = np.clip(np.round(lengths), 1, None).astype(int)
    density = 0.75 + 0.05 * (age - AGE_THRESHOLD) + rng.normal(0.0, 0.05, m)
    span = lengths.sum(axis=0) + 2  # three bones and two joints
    start = np.floor(rng.random(m) * (N_PIXELS - span + 1)).astype(int)
    pixel = np.arange(N_PIXELS)[:, None]
    bone = np.zeros((N_PIXELS, m), dtype=bool)
    for k in range(3):
        bone |= (pixel >= start) & (pixel < start + lengths[k])
        start = start + lengths[k] + 1
    X = bone * density + rng.normal(0.0, noise, (N_PIXELS, m))
    Y = (age >= AGE_THRESHOLD).astype(np.float64).reshape(1, m)
    return X, Y, age


def measure_bones(X, threshold: float = BONE_THRESHOLD) -> np.ndarray:
    """Stage 1 of the pipeline, hand-designed: the lengths of the 3 longest bright stretches.

    A pixel counts as bone when it is brighter than ``threshold``; a stretch is a run of
    consecutive bone pixels. Noise can split a bone or hide a short one: the measurement
    is imperfect, as hand-designed components are.

    Args:
        X: (n, m) scans. threshold: brightness that counts as bone.

    Returns:
        Z (3, m): the three longest stretches of each scan in pixels, longest first
        (0 when there are fewer than three).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    X = require_shape("X", X, (None, None), "(n, m)")
    n, m = X.shape
    bright = np.zeros((m, n + 1), dtype=bool)
    bright[:, 1:] = np.greater(X.T, threshold)
    run = np.cumsum(bright[:, 1:] & ~bright[:, :-1], axis=1)  # which stretch each pixel is in
    keys = (np.arange(m)[:, None] * (n + 1) + run)[bright[:, 1:]]
    lengths = np.bincount(keys, minlength=m * (n + 1)).reshape(m, n + 1)
    lengths[:, 0] = 0  # run 0 is the background before the first stretch
    longest = -np.sort(-lengths, axis=1)[:, :3]
    return longest.T.astype(np.float64)


def fit_pipeline(
    X,
    Y,
    num_iterations: int = 500,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Both stages: measure the bones, then learn logistic regression on the 3 lengths.

    The lengths are normalised with the training set's mean and variance (Course 2).

    Args:
        X: (n, m) training scans. Y: (1, m) labels 0/1.
        num_iterations, learning_rate: gradient descent budget of stage 2. seed: its init.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"mu": (3, 1), "sigma2": (3, 1), "parameters": {"W1": (1, 3), "b1": (1, 1)}}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    X, Y = require_xy(X, Y, N_PIXELS, x_notation="(n, m)")
    Z = measure_bones(X)
    Z_norm, mu, sigma2 = inn.normalize_inputs(Z, epsilon=1e-8)
    parameters = models.train_classifier(
        Z_norm, Y, (), num_iterations, learning_rate, seed=seed, progress=progress
    )
    return {"mu": mu, "sigma2": sigma2, "parameters": parameters}


def pipeline_predict(X, pipeline: Mapping) -> np.ndarray:
    """The pipeline's labels 0/1: measure the bones, normalise, classify.

    Args:
        X: (n, m) scans. pipeline: from ``fit_pipeline``.

    Returns:
        (1, m) array of 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    require_keys("pipeline", pipeline, ["mu", "sigma2", "parameters"])
    X = require_shape("X", X, (N_PIXELS, None), "(n, m)")
    Z = inn.apply_normalization(measure_bones(X), pipeline["mu"], pipeline["sigma2"], 1e-8)
    return models.predict(Z, pipeline["parameters"])


def fit_end_to_end(
    X,
    Y,
    hidden_layers: Sequence[int] = (16,),
    num_iterations: int = 1500,
    learning_rate: float = 0.3,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """One network from the raw pixels to the answer, nothing hand-designed in between.

    Args:
        X: (n, m) scans. Y: (1, m) labels 0/1. hidden_layers: ReLU layer sizes.
        num_iterations, learning_rate: batch gradient descent budget. seed: He init.
        progress: optional callable receiving the finished fraction.

    Returns:
        parameters {"W1", "b1", ..., "WL", "bL"} of [n, *hidden_layers, 1].

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    return models.train_classifier(
        X, Y, hidden_layers, num_iterations, learning_rate, seed=seed, progress=progress
    )


def crossover_study(
    m_values: Sequence[int],
    seeds: Sequence[int] = (0, 1, 2),
    m_dev: int = 3000,
    end_to_end_iterations: int = 1500,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Dev error of the pipeline and of the end-to-end network for each training-set size.

    For each seed s one pool of max(2000, max(m_values)) scans (seed 10 + s) is drawn and
    its first m are the training set, so the sizes are nested and a given (seed, m) always
    means the same scans; the dev set (m_dev scans, seed 1) is shared.

    Args:
        m_values: training-set sizes. seeds: repetitions to average over.
        m_dev: dev-set size. end_to_end_iterations: the network's gradient steps.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"m": (k,) ints, "pipeline": (k,), "end_to_end": (k,)} mean dev errors, and
        "runs": {"pipeline": (k, n_seeds), "end_to_end": (k, n_seeds)}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 11.
    """
    m_values = np.asarray(m_values, dtype=int)
    if m_values.ndim != 1 or m_values.size == 0 or np.any(m_values < 2):
        raise ValueError(f"m_values must list training-set sizes >= 2; got {m_values}.")
    if not seeds:
        raise ValueError("seeds must hold at least one seed.")
    X_dev, Y_dev, _ = xray_scans(m_dev, seed=1)
    runs = {key: np.zeros((m_values.size, len(seeds))) for key in ("pipeline", "end_to_end")}
    for j, seed in enumerate(seeds):
        X_pool, Y_pool, _ = xray_scans(max(2000, int(m_values.max())), seed=10 + seed)
        for i, m in enumerate(m_values):
            X, Y = X_pool[:, :m], Y_pool[:, :m]
            pipeline = fit_pipeline(X, Y, seed=seed)
            runs["pipeline"][i, j] = float(np.mean(pipeline_predict(X_dev, pipeline) != Y_dev))
            network = fit_end_to_end(X, Y, num_iterations=end_to_end_iterations, seed=seed)
            runs["end_to_end"][i, j] = models.error_rate(X_dev, Y_dev, network)
            if progress is not None:
                progress((j * m_values.size + i + 1) / (m_values.size * len(seeds)))
    return {
        "m": m_values,
        "pipeline": runs["pipeline"].mean(axis=1),
        "end_to_end": runs["end_to_end"].mean(axis=1),
        "runs": runs,
    }
