"""Setting up a machine-learning project: data splits, bias/variance diagnosis, the recipe.

Plain NumPy bookkeeping (no Keras twin: there is nothing to train here that a framework
would do differently). Errors are fractions in [0, 1] (0.11 means 11 %). X is (n_x, m),
one example per column, and Y is (1, m), as everywhere in the course.

Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.validation import require_binary_labels, require_shape, require_xy

__all__ = [
    "HIGH_BIAS",
    "HIGH_VARIANCE",
    "HIGH_BIAS_AND_VARIANCE",
    "JUST_RIGHT",
    "DIAGNOSES",
    "split_sizes",
    "train_dev_test_split",
    "bias_and_variance",
    "diagnose",
    "basic_recipe",
    "noisy_moons",
    "moons_bayes_error",
    "error_rate",
    "plot_basic_recipe",
]

HIGH_VARIANCE = "high variance"
HIGH_BIAS = "high bias"
HIGH_BIAS_AND_VARIANCE = "high bias and high variance"
JUST_RIGHT = "low bias and low variance"
DIAGNOSES = (HIGH_VARIANCE, HIGH_BIAS, HIGH_BIAS_AND_VARIANCE, JUST_RIGHT)


def split_sizes(
    m: int,
    fractions: Sequence[float] | None = None,
    *,
    dev_test_fraction: float = 0.2,
    cap: int = 10_000,
    with_test: bool = True,
) -> dict[str, int]:
    """How many of m examples go to train, dev and test.

    Without ``fractions`` the rule of the lecture applies: dev and test each get
    ``dev_test_fraction`` of the data (the small-data 60/20/20) but never more than ``cap``
    examples, which is plenty to compare models; so 1,000,000 examples split 98/1/1 and
    10,000,000 split 99.8/0.1/0.1. With ``fractions`` (train, dev[, test]) those are used.

    Args:
        m: number of examples (>= 1).
        fractions: optional (train, dev) or (train, dev, test) fractions summing to 1.
        dev_test_fraction: share for each of dev and test under the rule.
        cap: the most examples dev (and test) need under the rule.
        with_test: False for a train/dev split only (allowed, but then no set gives an
            unbiased final estimate).

    Returns:
        {"train": int, "dev": int, "test": int}, summing to m (test is 0 without a test set).

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 2.
    """
    if isinstance(m, bool) or int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    m = int(m)
    if fractions is not None:
        fr = [float(f) for f in fractions]
        if len(fr) == 2:
            fr.append(0.0)
        if len(fr) != 3 or min(fr) < 0 or not np.isclose(sum(fr), 1.0):
            raise ValueError(
                f"fractions must be (train, dev) or (train, dev, test), non-negative and "
                f"summing to 1; got {fractions!r}."
            )
        dev, test = int(round(fr[1] * m)), int(round(fr[2] * m))
    else:
        if not 0 < dev_test_fraction < 0.5:
            raise ValueError(f"dev_test_fraction must be in (0, 0.5); got {dev_test_fraction}.")
        dev = min(int(round(dev_test_fraction * m)), cap)
        test = dev if with_test else 0
    if dev + test > m:
        raise ValueError(f"dev + test = {dev + test} examples do not fit in m = {m}.")
    return {"train": m - dev - test, "dev": dev, "test": test}


def train_dev_test_split(
    X, Y, fractions: Sequence[float] | None = (0.6, 0.2, 0.2), seed: int = 0
) -> tuple[np.ndarray, ...]:
    """Shuffle the m examples (columns) and cut them into train, dev and test sets.

    Args:
        X: (n_x, m) inputs. Y: (n_y, m) labels.
        fractions: as in ``split_sizes`` (None applies the capped rule).
        seed: seed of the shuffle.

    Returns:
        (X_train, Y_train, X_dev, Y_dev, X_test, Y_test), each with the examples as
        columns; the test arrays have 0 columns when the test fraction is 0.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 2.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False)
    sizes = split_sizes(X.shape[1], fractions)
    order = np.random.default_rng(seed).permutation(X.shape[1])
    cuts = np.cumsum([sizes["train"], sizes["dev"]])
    parts = np.split(order, cuts)
    return tuple(arr[:, idx] for idx in parts for arr in (X, Y))


def bias_and_variance(train_error: float, dev_error: float, bayes_error: float = 0.0):
    """The avoidable bias (train - Bayes) and the variance (dev - train).

    Args:
        train_error, dev_error, bayes_error: error rates as fractions in [0, 1].

    Returns:
        (avoidable_bias, variance), two floats.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 4.
    """
    for name, value in (("train_error", train_error), ("dev_error", dev_error)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be a fraction in [0, 1] (0.11 for 11 %); got {value}.")
    if not 0.0 <= bayes_error <= 1.0:
        raise ValueError(f"bayes_error must be a fraction in [0, 1]; got {bayes_error}.")
    return float(train_error - bayes_error), float(dev_error - train_error)


def diagnose(
    train_error: float, dev_error: float, bayes_error: float = 0.0, tolerance: float = 0.03
) -> str:
    """Read bias and variance off the training and dev errors.

    High bias: the training error is well above the Bayes (best possible) error. High
    variance: the dev error is well above the training error. "Well above" means by more
    than ``tolerance``.

    Args:
        train_error, dev_error: measured error rates, fractions in [0, 1].
        bayes_error: the best achievable error (about 0 when humans are nearly perfect).
        tolerance: the gap below which a difference counts as small (0.03 = 3 points).

    Returns:
        One of "high variance", "high bias", "high bias and high variance",
        "low bias and low variance" (the constants in ``DIAGNOSES``).

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 4.
    """
    bias, variance = bias_and_variance(train_error, dev_error, bayes_error)
    high_bias, high_variance = bias > tolerance, variance > tolerance
    if high_bias and high_variance:
        return HIGH_BIAS_AND_VARIANCE
    if high_bias:
        return HIGH_BIAS
    if high_variance:
        return HIGH_VARIANCE
    return JUST_RIGHT


_BIAS_STEPS = [
    "high bias: try a bigger network (more hidden units or layers)",
    "high bias: train longer, or with a better optimiser",
    "high bias: (maybe) try another architecture",
]
_VARIANCE_STEPS = [
    "high variance: get more training data (or augment it)",
    "high variance: add regularisation (L2, dropout)",
    "high variance: (maybe) try another architecture",
]


def basic_recipe(diagnosis: str) -> list[str]:
    """The basic recipe: what to try next, in order, for a diagnosis.

    Fix bias first (until the training set is fitted well), then variance. In the deep
    learning era a bigger network (with regularisation) and more data each cut one of
    the two without hurting the other, so the old "trade-off" matters less.

    Args:
        diagnosis: one of ``DIAGNOSES`` (what ``diagnose`` returns).

    Returns:
        A list of steps (strings); ["done: ..."] when bias and variance are both low.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 5.
    """
    if diagnosis == HIGH_BIAS:
        return list(_BIAS_STEPS)
    if diagnosis == HIGH_VARIANCE:
        return list(_VARIANCE_STEPS)
    if diagnosis == HIGH_BIAS_AND_VARIANCE:
        return _BIAS_STEPS + _VARIANCE_STEPS
    if diagnosis == JUST_RIGHT:
        return ["done: measure the error once on the test set and ship"]
    raise ValueError(f"diagnosis must be one of {DIAGNOSES}; got {diagnosis!r}.")


# --- real data for real diagnoses ---------------------------------------------------------


def noisy_moons(m: int, noise: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half-moons (scikit-learn ``make_moons``) in course layout.

    Args:
        m: number of examples. noise: standard deviation of the Gaussian noise.
        seed: ``random_state``.

    Returns:
        X (2, m) and Y (1, m) of 0.0/1.0.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 3.
    """
    from sklearn.datasets import make_moons

    if int(m) < 1:
        raise ValueError(f"m must be at least 1; got {m!r}.")
    X, y = make_moons(n_samples=int(m), noise=noise, random_state=seed)
    return X.T.astype(np.float64), y.reshape(1, -1).astype(np.float64)


def _moon_density(X: np.ndarray, noise: float, label: int, grid: int = 400) -> np.ndarray:
    # make_moons puts label 0 on (cos t, sin t) and label 1 on (1 - cos t, 0.5 - sin t),
    # t uniform in [0, pi], then adds N(0, noise^2 I): the class density is a Gaussian
    # blurred arc, averaged here over a fine grid of t.
    t = np.linspace(0.0, np.pi, grid)
    if label == 0:
        arc = np.stack([np.cos(t), np.sin(t)])
    else:
        arc = np.stack([1 - np.cos(t), 0.5 - np.sin(t)])
    d2 = ((X[:, :, None] - arc[:, None, :]) ** 2).sum(axis=0)
    return np.exp(-d2 / (2 * noise**2)).mean(axis=1)


def moons_bayes_error(noise: float = 0.3, n: int = 20000, seed: int = 0) -> float:
    """The Bayes error of ``noisy_moons``: the error of the best possible classifier.

    The generating densities are known, so the Bayes rule (pick the class with the larger
    density) can be applied to a large fresh sample; its error estimates the floor no model
    can beat.

    Args:
        noise: the data's noise. n: sample size of the estimate. seed: its seed.

    Returns:
        The estimated Bayes error, a float in [0, 0.5].

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 4.
    """
    X, Y = noisy_moons(n, noise, seed)
    errors = 0
    for start in range(0, n, 2000):  # chunks keep the (2, chunk, grid) array small
        Xc = X[:, start : start + 2000]
        bayes = (_moon_density(Xc, noise, 1) > _moon_density(Xc, noise, 0)).astype(float)
        errors += int(np.sum(bayes != Y[0, start : start + 2000]))
    return errors / n


def error_rate(predictions, Y) -> float:
    """The fraction of wrong predictions.

    Args:
        predictions: (1, m) labels 0/1. Y: (1, m) true labels.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 3.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    predictions = require_shape("predictions", predictions, (1, Y.shape[1]), "(1, m)")
    require_binary_labels("predictions", predictions)
    require_binary_labels("Y", Y)
    return float(np.mean(predictions != Y))


def plot_basic_recipe(ax=None):
    """Draw the basic recipe as a flowchart: bias first, then variance, then done.

    Args:
        ax: a matplotlib Axes (a new figure's when None).

    Returns:
        The Axes.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 5.
    """
    from course_lib.plots import flow_arrow, flow_box, flowchart_axes

    ax = flowchart_axes(ax, (0, 10), (0, 6.6), figsize=(9, 4.2))
    flow_box(ax, 2.2, 4.6, "High bias?\n(training error far\nabove Bayes error)", "question")
    flow_box(ax, 7.3, 4.6, "bigger network\ntrain longer / better optimiser\n(other architecture)")
    flow_box(ax, 2.2, 2.2, "High variance?\n(dev error far\nabove training error)", "question")
    flow_box(ax, 7.3, 2.2, "more data\nregularisation\n(other architecture)")
    flow_box(ax, 2.2, 0.4, "Done: test once, ship", "done")
    flow_arrow(ax, (3.75, 4.6), (5.35, 4.6), "yes", (4.55, 4.75))
    flow_arrow(ax, (7.3, 5.4), (2.6, 5.45), "retry", (4.9, 5.75), rad=0.25)
    flow_arrow(ax, (2.2, 3.75), (2.2, 3.05), "no", (2.45, 3.35))
    flow_arrow(ax, (3.75, 2.2), (5.6, 2.2), "yes", (4.65, 2.35))
    flow_arrow(ax, (7.3, 1.45), (3.75, 1.95), "retry", (6.2, 1.05), rad=-0.3)
    flow_arrow(ax, (2.2, 1.35), (2.2, 0.75), "no", (2.45, 0.95))
    ax.set_title("The basic recipe: fix bias first, then variance", fontsize=11)
    return ax
