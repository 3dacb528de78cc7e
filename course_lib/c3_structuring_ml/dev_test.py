"""Dev and test sets: the same target distribution, big enough to tell models apart, and a
metric (possibly weighted) that ranks models the way the application needs.

Plain NumPy bookkeeping around the small networks of ``models.py`` (no Keras twin: choosing,
counting and sampling need no framework). Shapes follow the course: X is (n_x, m) with one
example per column, Y and predictions are (1, m) of 0/1; errors are fractions in [0, 1].
The weighted error itself is ``metrics.weighted_error``.

Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from statistics import NormalDist

import numpy as np

from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.metrics import weighted_error
from course_lib.validation import (
    require_binary_labels,
    require_finite,
    require_shape,
    require_xy,
)

__all__ = [
    "REGIONS",
    "regional_data",
    "error_grid",
    "selection_outcome",
    "error_standard_error",
    "difference_standard_error",
    "probability_correct_ranking",
    "dev_size_needed",
    "measured_ranking_rate",
    "flagged_data",
    "flag_weights",
    "train_weighted_classifier",
    "weighted_ranking",
    "crossover_weight",
    "dev_size_report",
    "plot_error_grids",
    "plot_flagged_models",
]

# --- 1. dev and test from one distribution ---------------------------------------------------

REGIONS: tuple[tuple[str, float], ...] = (
    ("US", 0.05),
    ("UK", 0.10),
    ("Other Europe", 0.15),
    ("South America", 0.20),
    ("India", 0.60),
    ("China", 0.65),
    ("Other Asia", 0.70),
    ("Australia", 0.75),
)
"""(name, share of positives) of the eight regions of the stand-in app: cats are rarer among
the uploads of the first four regions than among those of the last four."""


def regional_data(
    m_per_region: int, seed: int = 0, noise: float = 0.3
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Examples from the eight ``REGIONS``: the same two noisy half-moons everywhere, but a
    different share of positives (y = 1) per region.

    Args:
        m_per_region: examples per region (>= 2). seed: the data's seed.
        noise: standard deviation of the moons' noise.

    Returns:
        X (2, 8 m_per_region), Y (1, 8 m_per_region) of 0.0/1.0, region (1, 8 m_per_region)
        of ints 0..7 (indices into REGIONS), shuffled.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 1.
    """
    from sklearn.datasets import make_moons

    if isinstance(m_per_region, bool) or int(m_per_region) != m_per_region or m_per_region < 2:
        raise ValueError(f"m_per_region must be an integer >= 2; got {m_per_region!r}.")
    m_per_region = int(m_per_region)
    Xs, Ys, groups = [], [], []
    for r, (_, rate) in enumerate(REGIONS):
        positives = int(round(rate * m_per_region))
        X_r, y_r = make_moons(
            (m_per_region - positives, positives), noise=noise, random_state=seed * 11 + r
        )
        Xs.append(X_r.T)
        Ys.append(y_r)
        groups.append(np.full(m_per_region, r))
    order = np.random.default_rng(seed).permutation(len(REGIONS) * m_per_region)
    X = np.hstack(Xs)[:, order]
    Y = np.concatenate(Ys).astype(np.float64).reshape(1, -1)[:, order]
    region = np.concatenate(groups).reshape(1, -1)[:, order]
    return X, Y, region


def error_grid(probas, Y, thresholds) -> np.ndarray:
    """Error rate of every (model, threshold) candidate: predict 1 where yhat > t.

    Args:
        probas: (n_models, m) predicted probabilities, one row per model (stack the (1, m)
            outputs of ``models.predict_proba``). Y: (1, m) labels 0/1.
        thresholds: 1-D decision thresholds in [0, 1].

    Returns:
        (n_models, n_thresholds) error rates.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 1.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    probas = require_shape("probas", probas, (None, Y.shape[1]), "(n_models, m)")
    require_binary_labels("Y", Y)
    t = require_finite("thresholds", thresholds).astype(np.float64)
    if t.ndim != 1 or t.size == 0 or np.any((t < 0) | (t > 1)):
        raise ValueError("thresholds must be a non-empty 1-D array of values in [0, 1].")
    predicted = probas[:, None, :] > t[None, :, None]  # (n_models, n_thresholds, m)
    return np.mean(predicted != (Y[0] == 1), axis=2)


def selection_outcome(dev_errors, test_errors) -> dict:
    """Choose the candidate with the lowest dev error and see how it does on the test set.

    Args:
        dev_errors, test_errors: arrays of the same shape (e.g. (n_models, n_thresholds)
            from ``error_grid``), one error per candidate.

    Returns:
        {"chosen": index tuple of the dev winner, "chosen_dev_error", "chosen_test_error",
        "best": index tuple of the test winner, "best_test_error",
        "regret": chosen_test_error - best_test_error (>= 0)}.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 1.
    """
    dev = require_finite("dev_errors", dev_errors).astype(float)
    test = require_finite("test_errors", test_errors).astype(float)
    if dev.shape != test.shape or dev.size == 0:
        raise ValueError(
            f"dev_errors and test_errors must have the same non-empty shape; got {dev.shape} "
            f"and {test.shape}."
        )
    chosen = tuple(int(i) for i in np.unravel_index(np.argmin(dev), dev.shape))
    best = tuple(int(i) for i in np.unravel_index(np.argmin(test), test.shape))
    return {
        "chosen": chosen,
        "chosen_dev_error": float(dev[chosen]),
        "chosen_test_error": float(test[chosen]),
        "best": best,
        "best_test_error": float(test[best]),
        "regret": float(test[chosen] - test[best]),
    }


def plot_error_grids(grids, outcomes, row_names, thresholds):
    """Heatmaps of dev and test error per candidate, one row of panels per dev/test split.

    Args:
        grids: mapping split label -> (dev_errors, test_errors), each (n_models, n_thresholds).
        outcomes: mapping split label -> ``selection_outcome`` of those two grids.
        row_names: one name per model (the heatmaps' rows). thresholds: the columns.

    Returns:
        The matplotlib Figure (red frame: chosen on dev; dashed black frame: best on test).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 1.
    """
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(
        len(grids), 2, figsize=(9.6, 3.2 * len(grids)), sharex=True, sharey=True, squeeze=False
    )
    vmax = 100 * max(g.max() for pair in grids.values() for g in pair)
    frames = {"chosen": ("#d1242f", "-", "chosen on dev"), "best": ("k", "--", "best on test")}
    for row, (label, pair) in enumerate(grids.items()):
        for col, (grid, which) in enumerate(zip(pair, ("dev", "test"))):
            ax = axes[row, col]
            image = ax.imshow(100 * grid, cmap="viridis_r", vmin=0, vmax=vmax, aspect="auto")
            for key, (colour, style, _) in frames.items():
                i, j = outcomes[label][key]
                ax.add_patch(
                    plt.Rectangle(
                        (j - 0.46, i - 0.44), 0.92, 0.88, fill=False, ec=colour, ls=style, lw=2.5
                    )
                )
            for i in range(grid.shape[0]):
                for j in range(grid.shape[1]):
                    value = 100 * grid[i, j]
                    colour = "white" if value > 0.55 * vmax else "black"
                    ax.text(
                        j, i, f"{value:.1f}", ha="center", va="center", fontsize=8, color=colour
                    )
            ax.set_title(f"{label}\n{which} error (%)", fontsize=9.5)
            ax.set_xticks(range(len(thresholds)), [f"{t:.1f}" for t in thresholds])
            ax.set_yticks(range(len(row_names)), row_names)
    for ax in axes[-1]:
        ax.set_xlabel("threshold t")
    handles = [
        plt.Rectangle((0, 0), 1, 1, fill=False, ec=c, ls=ls, lw=2.5) for c, ls, _ in frames.values()
    ]
    fig.legend(handles, [t for _, _, t in frames.values()], loc="upper center", ncol=2, fontsize=9)
    fig.colorbar(image, ax=axes, label="error (%)", shrink=0.8)
    return fig


# --- 2. how big must the dev set be ----------------------------------------------------------


def _fraction(name: str, value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a fraction in [0, 1] (0.05 for 5 %); got {value!r}.")
    return float(value)


def _positive_int(name: str, value) -> int:
    if isinstance(value, bool) or int(value) != value or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}.")
    return int(value)


def error_standard_error(error: float, m_dev: int) -> float:
    """Standard error of an error rate measured on m_dev examples: sqrt(e (1 - e) / m_dev).

    Each example is wrong with probability e, so the count of mistakes is binomial and the
    measured rate scatters around e by about this much.

    Args:
        error: the true error rate e in [0, 1]. m_dev: dev-set size.

    Returns:
        the standard error (a fraction, like e).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 2.
    """
    e = _fraction("error", error)
    return math.sqrt(e * (1 - e) / _positive_int("m_dev", m_dev))


def difference_standard_error(
    error_a: float, error_b: float, m_dev: int, disagreement: float | None = None
) -> float:
    """Standard error of the measured difference e_A - e_B between two models.

    Unpaired (each model on its own dev set, ``disagreement=None``):
    sqrt((e_A (1 - e_A) + e_B (1 - e_B)) / m_dev). Paired (both on the same dev set, the
    usual case): only the examples on which the two models disagree move the difference, so
    with q = the share of such examples it is sqrt((q - (e_A - e_B)^2) / m_dev).

    Args:
        error_a, error_b: the two true error rates. m_dev: dev-set size.
        disagreement: q in [|e_A - e_B|, 1] for the paired case, else None.

    Returns:
        the standard error of the difference (a fraction).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 2.
    """
    a, b = _fraction("error_a", error_a), _fraction("error_b", error_b)
    m = _positive_int("m_dev", m_dev)
    if disagreement is None:
        return math.sqrt((a * (1 - a) + b * (1 - b)) / m)
    q = _fraction("disagreement", disagreement)
    if q < abs(a - b) - 1e-12:
        raise ValueError(
            f"disagreement q = {q} is impossible: models whose errors differ by {abs(a - b):.4g} "
            "disagree on at least that share of the examples."
        )
    return math.sqrt(max(q - (a - b) ** 2, 0.0) / m)


def probability_correct_ranking(
    error_a: float, error_b: float, m_dev: int, disagreement: float | None = None
) -> float:
    """Chance that a dev set of m_dev examples ranks the better of two models first.

    Normal approximation: P = Phi(|e_A - e_B| / SE), with SE from
    ``difference_standard_error``.

    Args:
        error_a, error_b, m_dev, disagreement: as in ``difference_standard_error``.

    Returns:
        a probability in [0.5, 1] (0.5 when the errors are equal: a coin toss).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 2.
    """
    se = difference_standard_error(error_a, error_b, m_dev, disagreement)
    gap = abs(error_a - error_b)
    if gap == 0:
        return 0.5
    if se == 0:
        return 1.0
    return float(NormalDist().cdf(gap / se))


def dev_size_needed(
    error: float, difference: float, confidence: float = 0.95, disagreement: float | None = None
) -> int:
    """Smallest dev set that ranks models with errors e and e - d correctly with a given chance.

    Solves Phi(d / SE) >= confidence for m: m = z^2 (e (1 - e) + e' (1 - e')) / d^2 unpaired,
    m = z^2 (q - d^2) / d^2 paired, with e' = e - d and z = Phi^-1(confidence).

    Args:
        error: the worse model's error e. difference: d > 0 (0.001 for 0.1 %).
        confidence: the wanted chance of the right ranking, in (0.5, 1).
        disagreement: q for the paired case (same dev set for both), else None.

    Returns:
        m_dev, an int.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 2.
    """
    e, d = _fraction("error", error), float(difference)
    if not 0 < d <= e:
        raise ValueError(f"difference must lie in (0, error] = (0, {e}]; got {difference!r}.")
    if not 0.5 < confidence < 1:
        raise ValueError(f"confidence must lie in (0.5, 1); got {confidence!r}.")
    z = NormalDist().inv_cdf(confidence)
    if disagreement is None:
        variance = e * (1 - e) + (e - d) * (1 - e + d)
    else:
        q = _fraction("disagreement", disagreement)
        if q < d - 1e-12:
            raise ValueError(f"disagreement q = {q} must be at least the difference {d}.")
        variance = max(q - d * d, 0.0)
    return max(1, math.ceil(z * z * variance / (d * d) - 1e-9))


def measured_ranking_rate(
    correct_a, correct_b, m_dev: int, trials: int = 2000, seed: int = 0
) -> float:
    """Draw many dev sets of m_dev examples from a large pool; how often is the better model
    (fewer mistakes on the whole pool) measured as better? Ties count one half.

    Both models are scored on the same draw (paired), as in practice.

    Args:
        correct_a, correct_b: (1, M) 0/1 (or bool): was model A / B right on pool example i.
        m_dev: dev-set size. trials: number of dev sets drawn (with replacement).
        seed: seed of the draws.

    Returns:
        the measured share of dev sets that rank the two models correctly.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 2.
    """
    a = require_shape("correct_a", correct_a, (1, None), "(1, M)")
    b = require_shape("correct_b", correct_b, (1, a.shape[1]), "(1, M)")
    require_binary_labels("correct_a", a)
    require_binary_labels("correct_b", b)
    m, trials = _positive_int("m_dev", m_dev), _positive_int("trials", trials)
    a, b = a[0].astype(np.int8), b[0].astype(np.int8)
    better_is_a = a.sum() >= b.sum()
    rng = np.random.default_rng(seed)
    wins, chunk = 0.0, max(1, 2_000_000 // m)  # about 2 million draws per batch
    for start in range(0, trials, chunk):
        idx = rng.integers(0, a.size, size=(min(chunk, trials - start), m))
        lead = a[idx].sum(axis=1, dtype=np.int64) - b[idx].sum(axis=1, dtype=np.int64)
        lead = lead if better_is_a else -lead
        wins += np.sum(lead > 0) + 0.5 * np.sum(lead == 0)
    return float(wins / trials)


def dev_size_report(
    m_dev: int,
    error: float,
    difference: float,
    disagreement: float,
    confidence: float = 0.95,
) -> dict:
    """Everything the dev-size dashboard shows, for models with errors e and e - d.

    Args:
        m_dev: dev-set size. error: the worse model's error e. difference: d in (0, e].
        disagreement: q, the share of examples on which the two models disagree; raised to
            d when smaller (they must disagree at least where one of them is better).
        confidence: the wanted chance of ranking them correctly.

    Returns:
        {"m_dev", "error", "difference", "disagreement" (as used), "se_error" (of one error
        rate), "se_unpaired", "se_paired", "p_unpaired", "p_paired", "needed_unpaired",
        "needed_paired"}.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 3.
    """
    e, d = _fraction("error", error), float(difference)
    if not 0 < d <= e:
        raise ValueError(f"difference must lie in (0, error] = (0, {e}]; got {difference!r}.")
    q = max(_fraction("disagreement", disagreement), d)
    m = _positive_int("m_dev", m_dev)
    return {
        "m_dev": m,
        "error": e,
        "difference": d,
        "disagreement": q,
        "se_error": error_standard_error(e, m),
        "se_unpaired": difference_standard_error(e, e - d, m),
        "se_paired": difference_standard_error(e, e - d, m, q),
        "p_unpaired": probability_correct_ranking(e, e - d, m),
        "p_paired": probability_correct_ranking(e, e - d, m, q),
        "needed_unpaired": dev_size_needed(e, d, confidence),
        "needed_paired": dev_size_needed(e, d, confidence, q),
    }


# --- 4. a weighted metric --------------------------------------------------------------------


def flagged_data(
    m: int, flagged_fraction: float = 0.05, seed: int = 0, noise: float = 0.2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cat-app stand-in with a flagged subset: negatives that must never be shown as cats.

    Most examples are two noisy half-moons (y = 1 "cat", y = 0 "not a cat"). A share
    ``flagged_fraction`` are flagged negatives (y = 0) in a tight cluster around
    (1.0, -0.5), inside the cat region: a plain classifier that minimises the error is
    tempted to call them cats, the mistake the application cannot accept.

    Args:
        m: number of examples (>= 2). flagged_fraction: share of flagged examples in [0, 0.5].
        seed: the data's seed. noise: the moons' noise.

    Returns:
        X (2, m), Y (1, m) of 0.0/1.0, flagged (1, m) of booleans (flagged examples have y = 0).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    from sklearn.datasets import make_moons

    m = _positive_int("m", m)
    if m < 2 or not 0.0 <= flagged_fraction <= 0.5:
        raise ValueError(
            f"need m >= 2 and flagged_fraction in [0, 0.5]; got m={m}, "
            f"flagged_fraction={flagged_fraction!r}."
        )
    rng = np.random.default_rng(seed)
    n_flagged = int(round(flagged_fraction * m))
    X_moons, y_moons = make_moons(m - n_flagged, noise=noise, random_state=seed)
    X_flagged = rng.normal((1.0, -0.5), 0.12, size=(n_flagged, 2))
    X = np.vstack([X_moons, X_flagged]).T
    Y = np.concatenate([y_moons, np.zeros(n_flagged)]).astype(np.float64).reshape(1, -1)
    flagged = np.concatenate([np.zeros(m - n_flagged, bool), np.ones(n_flagged, bool)])
    order = rng.permutation(m)
    return X[:, order], Y[:, order], flagged.reshape(1, -1)[:, order]


def flag_weights(flagged, w: float) -> np.ndarray:
    """The weights of the weighted error: w^(i) = w for flagged examples, 1 for the others.

    Args:
        flagged: (1, m) booleans (or 0/1). w: the flagged examples' weight (>= 0).

    Returns:
        (1, m) float weights.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    flagged = require_shape("flagged", flagged, (1, None), "(1, m)")
    require_binary_labels("flagged", flagged)
    if not w >= 0:
        raise ValueError(f"w must be non-negative; got {w!r}.")
    return np.where(flagged.astype(bool), float(w), 1.0)


def train_weighted_classifier(
    X,
    Y,
    weights,
    hidden_layers: Sequence[int] = (16, 16),
    num_iterations: int = 1500,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train with a weighted cost J = (1 / sum_i w^(i)) sum_i w^(i) L(yhat^(i), y^(i)).

    With integer weights this is exactly plain training on a set where example i appears
    w^(i) times (the mean over the copies is the weighted mean), which is how it is done
    here: ``models.train_classifier`` on the repeated columns.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        weights: (1, m) non-negative integer weights (0 drops an example).
        hidden_layers, num_iterations, learning_rate, seed, progress: as in
            ``models.train_classifier``.

    Returns:
        the trained parameters {"W1", "b1", ..., "WL", "bL"}.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    X, Y = require_xy(X, Y, binary=False)
    weights = require_shape("weights", weights, (1, X.shape[1]), "(1, m)")
    if np.any(weights < 0) or np.any(weights != np.round(weights)) or weights.sum() < 1:
        raise ValueError(
            "weights must be non-negative integers (an example's number of copies), not all 0."
        )
    copies = weights[0].astype(int)
    return models.train_classifier(
        np.repeat(X, copies, axis=1),
        np.repeat(Y, copies, axis=1),
        hidden_layers,
        num_iterations,
        learning_rate,
        seed,
        progress,
    )


def weighted_ranking(predictions, Y, flagged, w: float) -> dict:
    """Rank models by the weighted error with weight w on the flagged examples.

    Args:
        predictions: mapping model name -> (1, m) predictions 0/1 on the same dev set.
        Y: (1, m) labels 0/1. flagged: (1, m) booleans. w: the flagged examples' weight.

    Returns:
        {"w", "weighted_error": {name: float}, "plain_error": {name: float},
        "flagged_mistakes": {name: int}, "ranking": names from best to worst, "best"}.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 5.
    """
    if not predictions:
        raise ValueError("predictions must name at least one model.")
    weights = flag_weights(flagged, w)
    mask = np.asarray(flagged, dtype=bool)
    ones = np.ones_like(weights)
    weighted = {k: weighted_error(v, Y, weights) for k, v in predictions.items()}
    plain = {k: weighted_error(v, Y, ones) for k, v in predictions.items()}
    mistakes = {k: int(np.sum((np.asarray(v) != Y)[mask])) for k, v in predictions.items()}
    ranking = sorted(weighted, key=lambda k: (weighted[k], list(predictions).index(k)))
    return {
        "w": float(w),
        "weighted_error": weighted,
        "plain_error": plain,
        "flagged_mistakes": mistakes,
        "ranking": ranking,
        "best": ranking[0],
    }


def crossover_weight(Y_hat_a, Y_hat_b, Y, flagged) -> float | None:
    """The weight w at which models A and B have the same weighted error.

    Both are scored with the same weights, so only the numerators differ: with E mistakes in
    all and F of them on flagged examples, A and B tie when
    E_A + (w - 1) F_A = E_B + (w - 1) F_B, i.e. w* = 1 + (E_B - E_A) / (F_A - F_B).

    Args:
        Y_hat_a, Y_hat_b: (1, m) predictions 0/1. Y: (1, m) labels. flagged: (1, m) booleans.

    Returns:
        w* (a float, possibly below 1 or negative: then no w >= 1 reverses the order), or
        None when both make equally many flagged mistakes (the order never changes).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    a = require_shape("Y_hat_a", Y_hat_a, (1, Y.shape[1]), "(1, m)")
    b = require_shape("Y_hat_b", Y_hat_b, (1, Y.shape[1]), "(1, m)")
    mask = require_shape("flagged", flagged, (1, Y.shape[1]), "(1, m)")
    require_binary_labels("flagged", mask)
    for name, labels in (("Y", Y), ("Y_hat_a", a), ("Y_hat_b", b)):
        require_binary_labels(name, labels)
    mask = mask.astype(bool)
    wrong_a, wrong_b = a != Y, b != Y
    E_a, E_b = int(wrong_a.sum()), int(wrong_b.sum())
    F_a, F_b = int(wrong_a[mask].sum()), int(wrong_b[mask].sum())
    if F_a == F_b:
        return None
    return 1.0 + (E_b - E_a) / (F_a - F_b)


def plot_flagged_models(models_by_name, X, Y, flagged, shown: int = 1000):
    """Decision regions of classifiers on flagged data, with a zoom on the flagged cluster.

    Args:
        models_by_name: mapping name -> trained parameters (``models.train_classifier``).
        X: (2, m) dev inputs. Y: (1, m) labels. flagged: (1, m) booleans.
        shown: how many dev examples to scatter (the zoom shows every flagged one).

    Returns:
        The matplotlib Figure, one panel per model; titles give the plain error and the
        number of flagged examples let through (predicted 1).

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    import matplotlib.pyplot as plt

    from course_lib.plots import plot_decision_boundary

    X = require_shape("X", X, (2, None), "(2, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    mask = require_shape("flagged", flagged, (1, X.shape[1]), "(1, m)").astype(bool)[0]
    fig, axes = plt.subplots(1, len(models_by_name), figsize=(4.8 * len(models_by_name), 4.4))
    axes = np.atleast_1d(axes)
    part = slice(0, int(shown))
    g0, g1 = np.meshgrid(np.linspace(0.55, 1.45, 120), np.linspace(-0.9, -0.1, 120))
    for ax, (name, params) in zip(axes, models_by_name.items()):
        plot_decision_boundary(
            ax, lambda P, p=params: models.predict(P, p), X[:, part], Y[:, part], resolution=150
        )
        ax.scatter(
            *X[:, part][:, mask[part]], s=14, marker="x", color="k", lw=0.8, label="flagged (y = 0)"
        )
        # A zoom on the flagged cluster (dashed box): what does the model call the ground
        # under it? Drawn in the empty lower-left corner, its caption inside the axes.
        ax.add_patch(plt.Rectangle((0.55, -0.9), 0.9, 0.8, fill=False, ls="--", lw=0.9))
        zoom = ax.inset_axes([0.02, 0.02, 0.28, 0.25])
        calls = models.predict(np.vstack([g0.ravel(), g1.ravel()]), params).reshape(g0.shape)
        zoom.contourf(g0, g1, calls, levels=[-0.5, 0.5, 1.5], colors=["#c6d2f0", "#f2c4c4"])
        zoom.scatter(*X[:, mask], s=10, marker="x", color="k", lw=0.7)
        zoom.set_xlim(0.55, 1.45)
        zoom.set_ylim(-0.9, -0.1)
        zoom.set_xticks([])
        zoom.set_yticks([])
        zoom.set_title("zoom: dashed box", fontsize=8, pad=2)
        Y_hat = models.predict(X, params)
        let_through = int(np.sum(Y_hat[0, mask] == 1))
        ax.set_title(
            f"{name}\nerror {np.mean(Y_hat != Y):.1%}, "
            f"{let_through} of {int(mask.sum())} flagged let through",
            fontsize=10,
        )
        ax.legend(loc="upper left", fontsize=8.5)  # above the upper moon: no points there
    fig.suptitle(
        "Dev images (red: cat, blue: not a cat); shaded: what each model calls a cat", y=1.04
    )
    return fig
