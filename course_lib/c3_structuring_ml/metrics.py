"""ML strategy with numbers: orthogonal knobs, early stopping, precision / recall / F1,
averaged metrics, optimising vs satisficing metrics, and the weighted error.

Plain NumPy bookkeeping around the small networks of ``models.py``: counting, averaging and
choosing need no framework, so there is no Keras twin. Shapes follow the course: X is
(n_x, m) with one example per column, labels Y and predictions Y_hat are (1, m) of 0/1.
Errors, precision and recall are fractions in [0, 1].

Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py (and the
weighted error in notebooks/c3_structuring_ml/02_dev_test_sets.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c3_structuring_ml import models
from course_lib.validation import (
    require_binary_labels,
    require_keys,
    require_layers,
    require_shape,
    require_xy,
)

__all__ = [
    "STRATEGY_IDEAS",
    "ORTHOGONAL_KNOBS",
    "plot_orthogonalization",
    "MARKETS",
    "market_data",
    "train_with_history",
    "early_stopping_point",
    "plot_early_stopping",
    "confusion_counts",
    "precision_recall_f1",
    "f1_score",
    "threshold_metrics",
    "precision_recall_curve",
    "per_group_errors",
    "group_average_error",
    "MULTIPLY_ADDS_PER_MS",
    "multiply_adds",
    "prediction_time_ms",
    "train_zoo",
    "measured_prediction_ms",
    "select_model",
    "weighted_error",
]


# --- 1. ideas and knobs -----------------------------------------------------------------------

STRATEGY_IDEAS: tuple[tuple[str, str], ...] = (
    ("collect more data", "dev fit (variance)"),
    ("collect a more diverse training set", "dev fit; real world"),
    ("train longer", "training fit (bias)"),
    ("Adam instead of gradient descent", "training fit (bias)"),
    ("a bigger network", "training fit (bias)"),
    ("a smaller network", "dev fit (variance)"),
    ("dropout", "dev fit (variance)"),
    ("L2 regularisation", "dev fit (variance)"),
    ("another architecture (activations, hidden units, ...)", "training or dev fit"),
)
"""The lecture's candidate ideas, each with the link of the chain it mainly works on."""

ORTHOGONAL_KNOBS: tuple[dict[str, str], ...] = (
    {
        "goal": "1. fit the training set well (about human level)",
        "symptom": "training error far above human level",
        "knobs": "bigger network; better optimiser (Adam); train longer",
    },
    {
        "goal": "2. fit the dev set well",
        "symptom": "dev error far above training error",
        "knobs": "regularisation (L2, dropout); bigger training set",
    },
    {
        "goal": "3. fit the test set well",
        "symptom": "test error far above dev error",
        "knobs": "bigger dev set (you over-tuned to the dev set)",
    },
    {
        "goal": "4. perform well in the real world",
        "symptom": "good test error, unhappy users",
        "knobs": "change the dev set or the cost function / metric",
    },
)
"""The chain of assumptions of a supervised learning system, with one set of knobs per link."""


def plot_orthogonalization(ax=None):
    """Draw the chain of assumptions with each link's knobs, and early stopping spanning two.

    Args:
        ax: a matplotlib Axes (a new figure's when None).

    Returns:
        The Axes.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 2.
    """
    from course_lib.plots import flow_arrow, flow_box, flowchart_axes

    ax = flowchart_axes(ax, (0, 12.6), (0.5, 6.0), figsize=(9.6, 3.7))
    goals = [
        "fit training set\n(~ human level)",
        "fit dev set",
        "fit test set",
        "do well in the\nreal world",
    ]
    knobs = [
        "bigger network\nAdam, train longer",
        "regularisation\nbigger training set",
        "bigger dev set",
        "change dev set\nor cost function",
    ]
    xs = [1.3, 5.1, 8.0, 11.0]  # room between the first two knobs for early stopping
    for k, (x, g, kn) in enumerate(zip(xs, goals, knobs)):
        flow_box(ax, x, 4.4, f"{k + 1}. {g}", "question", fontsize=9.5)
        flow_box(ax, x, 2.3, kn, "action")
        flow_arrow(ax, (x, 2.9), (x, 3.8), color="#2a6fdb")
        if k < 3:
            flow_arrow(ax, (x + 1.2, 4.4), (xs[k + 1] - 1.2, 4.4))
    flow_box(ax, 3.2, 2.3, "early\nstopping", "warning")
    for x in (xs[0] + 0.35, xs[1] - 0.35):
        flow_arrow(ax, (3.2, 2.85), (x, 3.8), color="#b42318", linestyle="--")
    ax.text(
        3.2,
        1.15,
        "early stopping: one knob, two goals\n(fits the training set less well\n"
        "to fit the dev set better)",
        ha="center",
        va="center",
        fontsize=8.5,
        color="#b42318",
    )
    ax.text(
        9.5,
        1.3,
        "the other knobs: each acts on one goal",
        ha="center",
        fontsize=8.5,
        color="#2a6fdb",
    )
    ax.text(6.3, 5.6, "goals, in order (each one assumes the previous)", ha="center", fontsize=9)
    ax.set_title("Orthogonalisation: one set of knobs per goal", fontsize=11)
    return ax


# --- data ------------------------------------------------------------------------------------

MARKETS: tuple[tuple[str, float, float], ...] = (
    ("US", 0.40, 0.15),
    ("China", 0.30, 0.25),
    ("India", 0.20, 0.30),
    ("Other", 0.10, 0.40),
)
"""(name, share of the examples, noise) of the four markets of the stand-in cat app."""


def market_data(
    m: int, seed: int = 0, positive_fraction: float = 0.3
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A 2-D stand-in for a cat app's images from four markets, with rarer positives.

    Each market draws its share of the m examples from two half-moons (scikit-learn
    ``make_moons``) with its own noise (``MARKETS``): the US images are the cleanest, the
    "Other" market's the noisiest. A fraction ``positive_fraction`` of each market's examples
    are positives (y = 1, "cat"). The examples are shuffled with ``seed``.

    Args:
        m: number of examples (>= 8). seed: the data's seed.
        positive_fraction: share of positives, in (0, 1).

    Returns:
        X (2, m), Y (1, m) of 0.0/1.0, market (1, m) of ints 0..3 (indices into MARKETS).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 2.
    """
    from sklearn.datasets import make_moons

    if isinstance(m, bool) or int(m) != m or m < 8:
        raise ValueError(f"m must be an integer >= 8; got {m!r}.")
    if not 0.0 < positive_fraction < 1.0:
        raise ValueError(f"positive_fraction must lie in (0, 1); got {positive_fraction!r}.")
    shares = np.array([share for _, share, _ in MARKETS])
    sizes = np.floor(shares * m).astype(int)
    sizes[0] += int(m) - sizes.sum()  # the rounding remainder goes to the largest market
    Xs, Ys, groups = [], [], []
    for k, ((_, _, noise), m_k) in enumerate(zip(MARKETS, sizes)):
        positives = int(round(positive_fraction * m_k))
        X_k, y_k = make_moons((m_k - positives, positives), noise=noise, random_state=seed * 7 + k)
        Xs.append(X_k.T)
        Ys.append(y_k)
        groups.append(np.full(m_k, k))
    order = np.random.default_rng(seed).permutation(int(m))
    X = np.hstack(Xs)[:, order]
    Y = np.concatenate(Ys).astype(np.float64).reshape(1, -1)[:, order]
    market = np.concatenate(groups).reshape(1, -1)[:, order]
    return X, Y, market


# --- 3. early stopping -----------------------------------------------------------------------


def _error(X, Y, parameters) -> float:
    AL, _ = dn.L_model_forward(X, parameters)
    return float(np.mean((AL > 0.5) != Y))


def train_with_history(
    X,
    Y,
    X_dev,
    Y_dev,
    hidden_layers: Sequence[int] = (50, 50),
    num_iterations: int = 3000,
    learning_rate: float = 0.5,
    seed: int = 0,
    record_every: int = 25,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Train like ``models.train_classifier`` and record the train and dev errors on the way.

    The same He start and the same batch gradient descent steps, so the final parameters
    equal ``models.train_classifier(X, Y, hidden_layers, num_iterations, learning_rate,
    seed)``; every ``record_every`` iterations both error rates are measured.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        X_dev: (n_x, m_dev) inputs. Y_dev: (1, m_dev) labels 0/1.
        hidden_layers: units per ReLU hidden layer. num_iterations: gradient steps.
        learning_rate: alpha. seed: initialisation seed.
        record_every: iterations between two measurements (iteration 0 included).
        progress: optional callable receiving the finished fraction.

    Returns:
        (parameters, history): the trained parameters and {"iteration", "train_error",
        "dev_error"}, three 1-D arrays of the same length.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 3.
    """
    X, Y = require_xy(X, Y, binary=False)
    X_dev = require_shape("X_dev", X_dev, (X.shape[0], None), "(n_x, m_dev)")
    Y_dev = require_shape("Y_dev", Y_dev, (1, X_dev.shape[1]), "(1, m_dev)")
    require_binary_labels("Y", Y)
    require_binary_labels("Y_dev", Y_dev)
    if int(record_every) != record_every or record_every < 1:
        raise ValueError(f"record_every must be a positive integer; got {record_every!r}.")
    layers = [X.shape[0], *(int(h) for h in hidden_layers), 1]
    parameters = ini.initialize_parameters(layers, "he", seed=seed)
    history: dict[str, list] = {"iteration": [], "train_error": [], "dev_error": []}
    for i in range(int(num_iterations) + 1):
        if i % record_every == 0 or i == num_iterations:
            history["iteration"].append(i)
            history["train_error"].append(_error(X, Y, parameters))
            history["dev_error"].append(_error(X_dev, Y_dev, parameters))
        if i == num_iterations:
            break
        AL, caches = dn.L_model_forward(X, parameters)
        grads = dn.L_model_backward(AL, Y, caches)
        parameters = dn.update_parameters(parameters, grads, learning_rate)
        if progress is not None and (i + 1) % max(1, num_iterations // 20) == 0:
            progress((i + 1) / num_iterations)
    return parameters, {k: np.asarray(v) for k, v in history.items()}


def early_stopping_point(history: Mapping[str, np.ndarray]) -> dict[str, float]:
    """Where early stopping would stop (lowest dev error) and what both errors do there.

    Args:
        history: {"iteration", "train_error", "dev_error"} from ``train_with_history``.

    Returns:
        {"iteration", "train_error", "dev_error"} at the first minimum of the dev error, and
        "final_iteration", "final_train_error", "final_dev_error" at the end of training.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 3.
    """
    require_keys("history", history, ["iteration", "train_error", "dev_error"])
    dev = np.asarray(history["dev_error"])
    if dev.ndim != 1 or dev.size == 0:
        raise ValueError("history['dev_error'] must be a non-empty 1-D array of error rates.")
    k = int(np.argmin(dev))
    return {
        "iteration": int(history["iteration"][k]),
        "train_error": float(history["train_error"][k]),
        "dev_error": float(dev[k]),
        "final_iteration": int(history["iteration"][-1]),
        "final_train_error": float(history["train_error"][-1]),
        "final_dev_error": float(dev[-1]),
    }


def plot_early_stopping(history: Mapping[str, np.ndarray], title: str = "", ax=None):
    """Training and dev error against the iteration, with the early-stopping point marked.

    Args:
        history: {"iteration", "train_error", "dev_error"} from ``train_with_history``.
        title: the plot's title (the final errors are appended).
        ax: a matplotlib Axes (a new figure's when None).

    Returns:
        The Axes.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 3.
    """
    import matplotlib.pyplot as plt

    stop = early_stopping_point(history)
    ax = ax if ax is not None else plt.figure(figsize=(8.5, 4)).add_subplot()
    it = history["iteration"]
    ax.plot(it, 100 * np.asarray(history["train_error"]), label="training error", color="C0")
    ax.plot(it, 100 * np.asarray(history["dev_error"]), label="dev error", color="C1")
    ax.axvline(stop["iteration"], color="k", ls="--", lw=1)
    ax.plot([stop["iteration"]] * 2, [100 * stop["train_error"], 100 * stop["dev_error"]], "ko")
    ax.annotate(
        f"early stopping at iteration {stop['iteration']}\n"
        f"train {100 * stop['train_error']:.1f} %, dev {100 * stop['dev_error']:.1f} %",
        (stop["iteration"], 100 * stop["dev_error"]),
        xytext=(40, 40),
        textcoords="offset points",
        arrowprops={"arrowstyle": "->"},
        fontsize=9,
    )
    ax.set_xlabel("iteration of gradient descent")
    ax.set_ylabel("error (%)")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right")
    ax.set_title(
        f"{title}{': ' if title else ''}at the end train {100 * stop['final_train_error']:.1f} %,"
        f" dev {100 * stop['final_dev_error']:.1f} %"
    )
    ax.grid(alpha=0.3)
    return ax


# --- 4. precision, recall, F1 ----------------------------------------------------------------


def _predictions_and_labels(Y_hat, Y) -> tuple[np.ndarray, np.ndarray]:
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    Y_hat = require_shape("Y_hat", Y_hat, (1, Y.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    require_binary_labels("Y_hat", Y_hat)
    return Y_hat, Y


def confusion_counts(Y_hat, Y) -> dict[str, int]:
    """Count true/false positives and negatives of 0/1 predictions.

    Args:
        Y_hat: (1, m) predictions 0/1. Y: (1, m) true labels 0/1.

    Returns:
        {"TP", "FP", "FN", "TN"}: ints summing to m. TP: predicted 1 and truly 1; FP:
        predicted 1, truly 0; FN: predicted 0, truly 1; TN: predicted 0, truly 0.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 4.
    """
    Y_hat, Y = _predictions_and_labels(Y_hat, Y)
    predicted, actual = Y_hat == 1, Y == 1
    return {
        "TP": int(np.sum(predicted & actual)),
        "FP": int(np.sum(predicted & ~actual)),
        "FN": int(np.sum(~predicted & actual)),
        "TN": int(np.sum(~predicted & ~actual)),
    }


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall: F1 = 2 P R / (P + R) = 2 / (1/P + 1/R).

    Args:
        precision, recall: fractions in [0, 1].

    Returns:
        F1 in [0, 1]; 0.0 when P + R = 0.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 4.
    """
    for name, value in (("precision", precision), ("recall", recall)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be a fraction in [0, 1] (0.95 for 95 %); got {value}.")
    if precision + recall == 0:
        return 0.0
    return float(2 * precision * recall / (precision + recall))


def precision_recall_f1(Y_hat, Y) -> tuple[float, float, float]:
    """Precision, recall and F1 of 0/1 predictions.

    P = TP / (TP + FP), the share of predicted positives that are positive;
    R = TP / (TP + FN), the share of the positives that were found; F1 = 2PR / (P + R).
    Conventions for empty denominators: P = 0 when nothing is predicted positive, R = 0 when
    there are no positives, F1 = 0 when P + R = 0.

    Args:
        Y_hat: (1, m) predictions 0/1. Y: (1, m) true labels 0/1.

    Returns:
        (precision, recall, f1), three floats in [0, 1].

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 4.
    """
    c = confusion_counts(Y_hat, Y)
    precision = c["TP"] / (c["TP"] + c["FP"]) if c["TP"] + c["FP"] else 0.0
    recall = c["TP"] / (c["TP"] + c["FN"]) if c["TP"] + c["FN"] else 0.0
    return float(precision), float(recall), f1_score(precision, recall)


def threshold_metrics(proba, Y, threshold: float) -> dict:
    """Every number the threshold changes: predictions yhat > t, counts, P, R, F1, accuracy.

    Args:
        proba: (1, m) predicted probabilities P(y = 1 | x). Y: (1, m) labels 0/1.
        threshold: t in [0, 1]; an example is predicted positive when its yhat > t.

    Returns:
        {"threshold", "TP", "FP", "FN", "TN", "precision", "recall", "f1", "accuracy",
        "predicted_positive"}.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 5.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    proba = require_shape("proba", proba, (1, Y.shape[1]), "(1, m)")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie in [0, 1]; got {threshold!r}.")
    Y_hat = (proba > threshold).astype(np.float64)
    counts = confusion_counts(Y_hat, Y)
    precision, recall, f1 = precision_recall_f1(Y_hat, Y)
    return {
        "threshold": float(threshold),
        **counts,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (counts["TP"] + counts["TN"]) / Y.shape[1],
        "predicted_positive": counts["TP"] + counts["FP"],
    }


def precision_recall_curve(proba, Y, thresholds=None) -> dict[str, np.ndarray]:
    """Precision, recall and F1 at many thresholds: the classifier's trade-off curve.

    Args:
        proba: (1, m) predicted probabilities. Y: (1, m) labels 0/1.
        thresholds: 1-D thresholds in [0, 1]; default: 101 evenly spaced values together
            with 401 quantiles of ``proba`` (so the curve is fine where the scores crowd).

    Returns:
        {"threshold", "precision", "recall", "f1", "predicted_positive"}, 1-D arrays of
        equal length, sorted by threshold. Where nothing is predicted positive, precision is
        undefined and reported as 0 (leave those points out of a plot).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 5.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    proba = require_shape("proba", proba, (1, Y.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    if thresholds is None:
        quantiles = np.quantile(proba, np.linspace(0.0, 1.0, 401))
        t = np.unique(np.clip(np.concatenate([np.linspace(0.0, 1.0, 101), quantiles]), 0, 1))
    else:
        t = np.sort(np.asarray(thresholds, dtype=np.float64))
    if t.ndim != 1 or np.any((t < 0) | (t > 1)):
        raise ValueError("thresholds must be a 1-D array of values in [0, 1].")
    predicted = proba[0][None, :] > t[:, None]  # (n_thresholds, m)
    actual = Y[0][None, :] == 1
    tp = np.sum(predicted & actual, axis=1)
    fp = np.sum(predicted & ~actual, axis=1)
    fn = np.sum(~predicted & actual, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
        recall = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return {
        "threshold": t,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "predicted_positive": tp + fp,
    }


# --- 6. averaging over groups ----------------------------------------------------------------


def per_group_errors(Y_hat, Y, groups, n_groups: int | None = None) -> np.ndarray:
    """The error rate inside each group (market, region, class) of examples.

    Args:
        Y_hat: (1, m) predictions 0/1. Y: (1, m) labels 0/1.
        groups: (1, m) integer group indices 0 .. n_groups - 1.
        n_groups: how many groups (default: largest index + 1).

    Returns:
        (n_groups,) error rates; nan for a group without examples.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 6.
    """
    Y_hat, Y = _predictions_and_labels(Y_hat, Y)
    groups = require_shape("groups", groups, (1, Y.shape[1]), "(1, m)")
    if groups.size and (np.any(groups < 0) or np.any(groups != np.round(groups))):
        raise ValueError("groups must hold non-negative integer group indices.")
    groups = groups.astype(int)
    n = int(groups.max()) + 1 if n_groups is None else int(n_groups)
    if groups.size and groups.max() >= n:
        raise ValueError(f"groups has index {int(groups.max())}, but n_groups is {n}.")
    wrong = (Y_hat != Y)[0]
    counts = np.bincount(groups[0], minlength=n)
    errors = np.bincount(groups[0], weights=wrong, minlength=n)
    with np.errstate(invalid="ignore"):
        return np.where(counts > 0, errors / np.maximum(counts, 1), np.nan)


def group_average_error(Y_hat, Y, groups, n_groups: int | None = None) -> float:
    """One number from several groups: the plain mean of the per-group error rates.

    Every group counts the same, however many examples it has (the pooled error rate
    instead weights each group by its size).

    Args:
        Y_hat: (1, m) predictions 0/1. Y: (1, m) labels 0/1.
        groups: (1, m) group indices. n_groups: as in ``per_group_errors``.

    Returns:
        The average of the per-group errors (groups without examples are left out).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 6.
    """
    return float(np.nanmean(per_group_errors(Y_hat, Y, groups, n_groups)))


# --- 7. optimising and satisficing -----------------------------------------------------------

MULTIPLY_ADDS_PER_MS = 100.0
"""Assumed speed of the deployment device: 100 multiply-adds per millisecond (100,000 per
second), the order of magnitude of a small 8-bit microcontroller doing floating point in
software. It turns a deterministic operation count into a prediction time in ms."""


def multiply_adds(layer_dims: Sequence[int]) -> int:
    """Multiply-adds of one prediction through a fully connected network.

    Layer l multiplies W^[l] (n^[l], n^[l-1]) by a column: n^[l] * n^[l-1] multiply-adds.
    (Adding b^[l] and the activations cost far less and are left out.)

    Args:
        layer_dims: [n_x, n^[1], ..., n^[L]], e.g. [2, 16, 16, 1].

    Returns:
        sum over l of n^[l] * n^[l-1], an int.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    dims = [int(n) for n in layer_dims]
    if len(dims) < 2 or min(dims) < 1:
        raise ValueError(f"layer_dims must be [n_x, ..., n_L] with positive sizes; got {dims}.")
    return int(sum(a * b for a, b in zip(dims[:-1], dims[1:])))


def prediction_time_ms(
    layer_dims: Sequence[int], multiply_adds_per_ms: float = MULTIPLY_ADDS_PER_MS
) -> float:
    """The deterministic prediction time: multiply-adds divided by the device's speed.

    Args:
        layer_dims: [n_x, n^[1], ..., n^[L]].
        multiply_adds_per_ms: the device's speed (default ``MULTIPLY_ADDS_PER_MS``).

    Returns:
        milliseconds per prediction, a float.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    if multiply_adds_per_ms <= 0:
        raise ValueError(f"multiply_adds_per_ms must be positive; got {multiply_adds_per_ms!r}.")
    return multiply_adds(layer_dims) / float(multiply_adds_per_ms)


def train_zoo(
    X,
    Y,
    architectures: Sequence[Sequence[int]],
    num_iterations: int = 1500,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> list[dict]:
    """Train one classifier per architecture on the same data (a model zoo).

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        architectures: hidden-layer sizes per model; () is logistic regression.
        num_iterations, learning_rate, seed: the training budget (as in
            ``models.train_classifier``).
        progress: optional callable receiving the finished fraction.

    Returns:
        One dict per model: "name" (e.g. "[2, 16, 16, 1]"), "hidden_layers", "layer_dims",
        "parameters", "multiply_adds", "time_ms" (``prediction_time_ms``).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 6.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    zoo = []
    for k, hidden in enumerate(architectures):
        hidden = tuple(int(h) for h in hidden)
        dims = [X.shape[0], *hidden, 1]
        parameters = models.train_classifier(X, Y, hidden, num_iterations, learning_rate, seed)
        zoo.append(
            {
                "name": str(dims) + (" (logistic regression)" if not hidden else ""),
                "hidden_layers": hidden,
                "layer_dims": dims,
                "parameters": parameters,
                "multiply_adds": multiply_adds(dims),
                "time_ms": prediction_time_ms(dims),
            }
        )
        if progress is not None:
            progress((k + 1) / len(architectures))
    return zoo


def measured_prediction_ms(X, parameters, repeats: int = 20) -> float:
    """Wall-clock milliseconds per example of ``models.predict`` on this machine (best of runs).

    Only for comparison: it depends on the machine, its load and NumPy's fixed overheads, so
    nothing should be selected or asserted on it.

    Args:
        X: (n_x, m) inputs. parameters: a trained dict. repeats: timing runs.

    Returns:
        the fastest run's time divided by m, in ms.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    require_layers("parameters", parameters)
    X = require_shape("X", X, (np.shape(parameters["W1"])[1], None), "(n_x, m)")
    best = np.inf
    for _ in range(max(1, int(repeats))):
        start = time.perf_counter()
        models.predict(X, parameters)
        best = min(best, time.perf_counter() - start)
    return 1000.0 * best / X.shape[1]


def select_model(
    candidates: Sequence[Mapping], optimizing: str, satisficing: Mapping[str, float]
) -> int | None:
    """Maximise one optimising metric subject to thresholds on the satisficing ones.

    With N metrics: pick 1 to optimise and require the other N - 1 only to be good enough
    (each at most its threshold, e.g. {"time_ms": 100.0}).

    Args:
        candidates: one mapping of metric name -> value per model.
        optimizing: the metric to maximise (e.g. "dev_accuracy").
        satisficing: metric name -> the largest acceptable value.

    Returns:
        the index of the best candidate that meets every threshold (the first one on ties),
        or None when no candidate does.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    best, best_value = None, -np.inf
    for k, candidate in enumerate(candidates):
        for name in (optimizing, *satisficing):
            if name not in candidate:
                raise KeyError(f"candidate {k} has no metric {name!r}; it has {sorted(candidate)}.")
        fits = all(candidate[name] <= limit for name, limit in satisficing.items())
        if fits and candidate[optimizing] > best_value:
            best, best_value = k, candidate[optimizing]
    return best


# --- lesson 2: a metric that says what matters -----------------------------------------------


def weighted_error(Y_hat, Y, weights) -> float:
    """Weighted error: (1 / sum_i w^(i)) * sum_i w^(i) * 1{yhat^(i) != y^(i)}.

    With w^(i) = 10 for the examples that must not be misclassified and 1 for the others,
    one such mistake counts as ten ordinary ones. All weights 1 give the plain error rate.

    Args:
        Y_hat: (1, m) predictions 0/1. Y: (1, m) labels 0/1.
        weights: (1, m) non-negative weights w^(i), not all zero.

    Returns:
        the weighted error, a float in [0, 1].

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 4.
    """
    Y_hat, Y = _predictions_and_labels(Y_hat, Y)
    weights = require_shape("weights", weights, (1, Y.shape[1]), "(1, m)").astype(np.float64)
    if np.any(weights < 0) or not np.all(np.isfinite(weights)):
        raise ValueError("weights must be finite and non-negative.")
    total = weights.sum()
    if total <= 0:
        raise ValueError("weights must not all be zero (their sum divides the weighted error).")
    return float(np.sum(weights * (Y_hat != Y)) / total)
