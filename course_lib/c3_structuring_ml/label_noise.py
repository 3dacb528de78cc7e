"""Labels with KNOWN noise: flipped on purpose, at random or systematically.

Two Course 3 lessons need data whose label noise is known exactly:

- lesson 3 needs a task whose Bayes error is known, so that "how close is the model to the
  best possible error?" has a true answer. ``noisy_sine_data`` draws points, labels them
  with a fixed rule (``sine_rule``) and flips each label independently with probability p.
  No classifier can do better than the rule itself, so the Bayes error is exactly
  ``bayes_error_of_flips(p) = min(p, 1 - p)``.
- lesson 4 compares random label noise in the training set with systematic noise at the
  same rate: ``flip_random`` flips labels chosen anywhere, ``flip_systematic`` flips the
  ones a rule picks (for example "the 8s that look most like a 3").

Shapes follow the course: X is (n_x, m), one example per column; Y is (1, m) of 0/1.
Plain NumPy (no Keras twin: this is data, not a model).

Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py and
notebooks/c3_structuring_ml/04_error_analysis.py.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_binary_labels, require_shape

__all__ = [
    "sine_rule",
    "noisy_sine_data",
    "bayes_error_of_flips",
    "flip_bernoulli",
    "flip_random",
    "flip_systematic",
]

BOX = 1.5  # noisy_sine_data draws x uniformly from the square [-BOX, BOX]^2


def _labels(Y) -> np.ndarray:
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    require_binary_labels("Y", Y)
    return Y.astype(np.float64)


def _fraction(name: str, value: float) -> float:
    if isinstance(value, bool) or not np.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a fraction in [0, 1] (0.05 for 5 %); got {value!r}.")
    return float(value)


def sine_rule(X, amplitude: float = 0.5, frequency: float = 2.5) -> np.ndarray:
    """The clean labelling rule: y = 1 above the curve x2 = amplitude * sin(frequency * x1).

    Args:
        X: (2, m) points, one per column.
        amplitude, frequency: the shape of the boundary.

    Returns:
        (1, m) labels 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 1.
    """
    X = require_shape("X", X, (2, None), "(2, m)")
    return (X[1:2] > amplitude * np.sin(frequency * X[0:1])).astype(np.float64)


def flip_bernoulli(Y, flip_prob: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Flip each label independently with probability ``flip_prob``.

    Args:
        Y: (1, m) labels 0/1. flip_prob: p in [0, 1]. seed: the flips' seed.

    Returns:
        (Y_noisy (1, m), flipped (1, m) bool): the new labels and which ones changed.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 1.
    """
    Y = _labels(Y)
    p = _fraction("flip_prob", flip_prob)
    flipped = np.random.default_rng(seed).random(Y.shape) < p
    return np.where(flipped, 1.0 - Y, Y), flipped


def noisy_sine_data(
    m: int, flip_prob: float = 0.05, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points labelled by ``sine_rule``, then each label flipped with probability p.

    The flips do not depend on x, so for p < 0.5 the best possible classifier is the clean
    rule itself and its expected error (the Bayes error) is exactly p.

    Args:
        m: number of examples (>= 1). flip_prob: p, the label-noise rate. seed: the seed
            of the points and of the flips.

    Returns:
        (X (2, m) uniform in [-1.5, 1.5]^2, Y (1, m) noisy labels, Y_clean (1, m) the rule's
        labels).

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 1.
    """
    if isinstance(m, bool) or int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-BOX, BOX, size=(2, int(m)))
    Y_clean = sine_rule(X)
    Y, _ = flip_bernoulli(Y_clean, flip_prob, seed=int(rng.integers(2**31)))
    return X, Y, Y_clean


def bayes_error_of_flips(flip_prob: float) -> float:
    """The Bayes error of a clean rule whose labels are flipped with probability p.

    Given x the label is the rule's with probability 1 - p and the other one with
    probability p, so the best any classifier can do is min(p, 1 - p).

    Args:
        flip_prob: p in [0, 1].

    Returns:
        min(p, 1 - p), a float in [0, 0.5].

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 1.
    """
    p = _fraction("flip_prob", flip_prob)
    return min(p, 1.0 - p)


def _count(rate: float, m: int) -> int:
    return int(round(_fraction("rate", rate) * m))


def flip_random(Y, rate: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random label noise: flip exactly round(rate * m) labels, chosen uniformly at random.

    Args:
        Y: (1, m) labels 0/1. rate: the fraction of labels to flip. seed: which ones.

    Returns:
        (Y_noisy (1, m), flipped (1, m) bool).

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    Y = _labels(Y)
    m = Y.shape[1]
    chosen = np.random.default_rng(seed).choice(m, size=_count(rate, m), replace=False)
    flipped = np.zeros(Y.shape, dtype=bool)
    flipped[0, chosen] = True
    return np.where(flipped, 1.0 - Y, Y), flipped


def flip_systematic(Y, rate: float, scores) -> tuple[np.ndarray, np.ndarray]:
    """Systematic label noise: flip the round(rate * m) labels with the highest ``scores``.

    The same number of wrong labels as ``flip_random`` at this rate, but chosen by a rule
    on the examples (for example "the 8s that look most like a 3"), so the mistakes are
    consistent and a flexible model can learn them.

    Args:
        Y: (1, m) labels 0/1. rate: the fraction of ALL m labels to flip.
        scores: (1, m) floats; higher is flipped first; -inf marks examples that are never
            flipped (outside the sub-population).

    Returns:
        (Y_noisy (1, m), flipped (1, m) bool).

    Raises:
        ValueError: if the sub-population (finite scores) has fewer than round(rate * m)
        examples.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    Y = _labels(Y)
    m = Y.shape[1]
    # -inf means "never flip", so the finite check is the one below.
    scores = require_shape("scores", scores, (1, m), "(1, m)", finite=False).astype(np.float64)
    if np.isnan(scores).any() or np.isposinf(scores).any():
        raise ValueError("scores must be finite numbers, or -inf for 'never flip'.")
    k = _count(rate, m)
    eligible = int(np.isfinite(scores).sum())
    if k > eligible:
        raise ValueError(
            f"rate {rate} asks for {k} flipped labels but only {eligible} of the {m} examples "
            f"belong to the sub-population (at most rate = {eligible / m:.3f})."
        )
    order = np.argsort(-scores[0], kind="stable")[:k]
    flipped = np.zeros(Y.shape, dtype=bool)
    flipped[0, order] = True
    return np.where(flipped, 1.0 - Y, Y), flipped
