"""Comparing to human-level performance: Bayes error, avoidable bias, variance, the recipe.

The calculator ``avoidable_bias_and_variance(human_error, train_error, dev_error)`` is the
heart of the lesson: human-level error stands in for the Bayes error (the best error any
function from x to y can reach), the AVOIDABLE bias is train - human, the variance is
dev - train, and the larger of the two says what to work on. Around it:

- simulated human labellers (``labeller_error``) on ``label_noise.noisy_sine_data``, whose
  Bayes error is known exactly, so human level can be compared with the true floor;
- ``learning_curve``: a real network's train and dev error as the training set grows;
- the medical ladder of the lecture (``LECTURE_LADDER``) and ``bayes_proxy``;
- ``improvement_recipe``: the two fundamental assumptions as an ordered list of remedies,
  drawn by ``plot_decision_flow``.

Errors are fractions in [0, 1] (0.08 means 8 %). X is (n_x, m), one example per column,
and Y is (1, m). Plain NumPy bookkeeping; the models are ``models.train_classifier``.

Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c3_structuring_ml import label_noise as ln
from course_lib.c3_structuring_ml import models
from course_lib.tables import Table
from course_lib.validation import require_shape, require_xy

__all__ = [
    "FOCUS_BIAS",
    "FOCUS_VARIANCE",
    "FOCUS_UNCLEAR",
    "LECTURE_LADDER",
    "SIMULATED_LADDER",
    "BIAS_REMEDIES",
    "VARIANCE_REMEDIES",
    "avoidable_bias_and_variance",
    "bayes_proxy",
    "reference_table",
    "improvement_recipe",
    "labeller_labels",
    "labeller_error",
    "ladder_errors",
    "train_and_measure",
    "learning_curve",
    "plot_progress",
    "plot_decision_flow",
]

FOCUS_BIAS = "avoidable bias"
FOCUS_VARIANCE = "variance"
FOCUS_UNCLEAR = "unclear (training error below human level)"

# The lecture's medical-imaging example: the error of each kind of "human" on the task.
LECTURE_LADDER = {
    "typical human": 0.03,
    "typical doctor": 0.01,
    "experienced doctor": 0.007,
    "team of experienced doctors": 0.005,
}

# Simulated labellers for noisy_sine_data: (perception noise sigma, voters). A labeller
# applies the true rule to the point it sees, x + N(0, sigma^2 I); a team votes.
SIMULATED_LADDER = {
    "passer-by": (0.30, 1),
    "trained labeller": (0.15, 1),
    "expert": (0.12, 1),
    "team of 3 experts": (0.12, 3),
}

BIAS_REMEDIES = (
    "train a bigger model (more units, more layers)",
    "train longer, or with a better optimiser (momentum, RMSprop, Adam)",
    "search the architecture and hyperparameters",
)
VARIANCE_REMEDIES = (
    "get more training data",
    "regularise (L2, dropout, data augmentation)",
    "search the architecture and hyperparameters",
)


def _error(name: str, value) -> float:
    if isinstance(value, bool) or not np.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a fraction in [0, 1] (0.08 for 8 %); got {value!r}.")
    return float(value)


def avoidable_bias_and_variance(human_error: float, train_error: float, dev_error: float) -> dict:
    """Avoidable bias (train - human), variance (dev - train), and which one to work on.

    Human-level error is the proxy for the Bayes error, so the bias worth removing is
    only the part ABOVE it: avoidable bias = train_error - human_error. The variance is the
    gap dev_error - train_error (not the dev error itself). Work on the larger gap; a tie
    goes to the bias (fit the training set first).

    Once the training error is below human level, the proxy says nothing any more: the
    Bayes error lies somewhere in [0, human], so the true avoidable bias is somewhere in
    [0, train_error]. The focus is then "variance" only if the variance is larger than the
    whole training error (larger than any avoidable bias could be), else "unclear".

    Args:
        human_error: human-level error, the Bayes proxy, a fraction in [0, 1].
        train_error: training-set error. dev_error: dev-set error.

    Returns:
        {"avoidable_bias": float (negative when train < human), "variance": float,
         "focus": FOCUS_BIAS, FOCUS_VARIANCE or FOCUS_UNCLEAR}.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 4.
    """
    human = _error("human_error", human_error)
    train = _error("train_error", train_error)
    dev = _error("dev_error", dev_error)
    bias, variance = train - human, dev - train
    if train < human:
        focus = FOCUS_VARIANCE if variance > train else FOCUS_UNCLEAR
    else:
        focus = FOCUS_BIAS if bias >= variance else FOCUS_VARIANCE
    return {"avoidable_bias": bias, "variance": variance, "focus": focus}


def bayes_proxy(ladder: Mapping[str, float]) -> tuple[str, float]:
    """The best (lowest) human error of a ladder: the proxy for the Bayes error.

    Some human reaches that error, so the Bayes error can be no higher: Bayes <= min.

    Args:
        ladder: name -> error (fractions), e.g. ``LECTURE_LADDER``.

    Returns:
        (name, error) of the lowest entry.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 5.
    """
    if not ladder:
        raise ValueError("ladder must hold at least one (name, error) entry.")
    for name, value in ladder.items():
        _error(f"ladder[{name!r}]", value)
    name = min(ladder, key=lambda k: ladder[k])
    return name, float(ladder[name])


def _pct(x: float) -> str:
    return f"{100 * x:+.1f} %" if x < 0 else f"{100 * x:.1f} %"


def reference_table(ladder: Mapping[str, float], train_error: float, dev_error: float) -> Table:
    """One diagnosis per choice of human-level reference, for the same train/dev errors.

    Args:
        ladder: name -> human error. train_error, dev_error: the model's errors.

    Returns:
        A Table: reference, human error, avoidable bias, variance, focus.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 5.
    """
    rows = []
    for name, human in ladder.items():
        r = avoidable_bias_and_variance(human, train_error, dev_error)
        rows.append([name, _pct(human), _pct(r["avoidable_bias"]), _pct(r["variance"]), r["focus"]])
    return Table(
        ["human-level reference", "human error", "avoidable bias", "variance", "work on"],
        rows,
        title=f"train error {100 * train_error:.1f} %, dev error {100 * dev_error:.1f} %",
    )


def improvement_recipe(
    human_error: float, train_error: float, dev_error: float, tolerance: float = 0.0
) -> list[str]:
    """The two fundamental assumptions as an ordered list of remedies.

    Assumption 1: you can fit the training set well (small avoidable bias).
    Assumption 2: the training performance generalises to dev/test (small variance).
    The remedies of the gap the calculator says to work on come first, then those of the
    other gap if it is larger than ``tolerance`` too.

    Args:
        human_error, train_error, dev_error: fractions in [0, 1].
        tolerance: a gap at most this large counts as small (default 0: every positive
            gap gets its remedies; 0.005 would ignore gaps up to half a point).

    Returns:
        Strings "avoidable bias: ..." / "variance: ..." in order; a first "surpassed
        human level: ..." note when train < human; ["done: ..."] when both gaps are small.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 7.
    """
    tol = _error("tolerance", tolerance)
    r = avoidable_bias_and_variance(human_error, train_error, dev_error)
    bias = [f"avoidable bias: {step}" for step in BIAS_REMEDIES]
    variance = [f"variance: {step}" for step in VARIANCE_REMEDIES]
    steps: list[str] = []
    if r["focus"] == FOCUS_UNCLEAR:
        steps.append(
            "surpassed human level: avoidable bias not measurable; "
            "use error analysis; expect slow progress"
        )
    big_bias = r["avoidable_bias"] > tol and train_error >= human_error
    big_variance = r["variance"] > tol
    groups = [(big_bias, bias), (big_variance, variance)]
    if r["focus"] == FOCUS_VARIANCE:
        groups.reverse()
    for big, remedies in groups:
        if big:
            steps.extend(remedies)
    if not steps:
        steps.append("done: both assumptions hold; measure once on the test set")
    return steps


# --- simulated humans on data with a known Bayes error ------------------------------------


def labeller_labels(X, perception_noise: float, voters: int = 1, seed: int = 0) -> np.ndarray:
    """Labels from simulated humans who know the rule but see each point slightly off.

    Each voter applies ``label_noise.sine_rule`` to x + N(0, sigma^2 I); a team of an odd
    number of voters takes the majority.

    Args:
        X: (2, m) points. perception_noise: sigma >= 0. voters: odd number >= 1.
        seed: the perception noise's seed.

    Returns:
        (1, m) labels 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 2.
    """
    X = require_shape("X", X, (2, None), "(2, m)")
    if not np.isfinite(perception_noise) or perception_noise < 0:
        raise ValueError(f"perception_noise must be >= 0; got {perception_noise!r}.")
    if isinstance(voters, bool) or int(voters) != voters or voters < 1 or voters % 2 == 0:
        raise ValueError(f"voters must be an odd number >= 1 (a majority exists); got {voters!r}.")
    rng = np.random.default_rng(seed)
    votes = sum(
        ln.sine_rule(X + rng.normal(0.0, perception_noise, X.shape)) for _ in range(int(voters))
    )
    return (votes > voters / 2).astype(np.float64)


def labeller_error(
    X, Y, perception_noise: float, voters: int = 1, repeats: int = 5, seed: int = 0
) -> float:
    """The error of a simulated human (or team) against the labels Y, averaged over repeats.

    Args:
        X: (2, m) points. Y: (1, m) labels (the data set's, noise included).
        perception_noise, voters: as in ``labeller_labels``.
        repeats: independent looks at the data to average over. seed: their seed.

    Returns:
        The error rate, a float in [0, 1].

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 2.
    """
    X, Y = require_xy(X, Y, 2)
    if int(repeats) < 1:
        raise ValueError(f"repeats must be >= 1; got {repeats!r}.")
    errors = [
        np.mean(labeller_labels(X, perception_noise, voters, seed + k) != Y)
        for k in range(int(repeats))
    ]
    return float(np.mean(errors))


def ladder_errors(X, Y, ladder: Mapping[str, tuple[float, int]] | None = None, seed: int = 0):
    """The error of each simulated human of a ladder on (X, Y).

    Args:
        X: (2, m). Y: (1, m). ladder: name -> (perception_noise, voters); default
            ``SIMULATED_LADDER``. seed: the perception noise's seed.

    Returns:
        dict name -> error, in the ladder's order.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 2.
    """
    ladder = SIMULATED_LADDER if ladder is None else ladder
    return {
        name: labeller_error(X, Y, sigma, voters, seed=seed)
        for name, (sigma, voters) in ladder.items()
    }


# --- real models --------------------------------------------------------------------------


def train_and_measure(
    X_train,
    Y_train,
    X_dev,
    Y_dev,
    hidden_layers: Sequence[int] = (16, 16),
    num_iterations: int = 1000,
    learning_rate: float = 0.5,
    lambd: float = 0.0,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train one classifier and measure its training and dev errors.

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train). X_dev: (n_x, m_dev). Y_dev: (1, m_dev).
        hidden_layers: ReLU layer sizes; () is logistic regression.
        num_iterations, learning_rate: batch gradient descent. seed: initialisation seed.
        lambd: L2 strength; > 0 trains with Course 2's ``regularization.train_regularized``
            (same He initialisation and gradient descent, plus the L2 penalty).
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "train_error", "dev_error"}.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 4.
    """
    X_train, Y_train = require_xy(
        X_train,
        Y_train,
        x_name="X_train",
        y_name="Y_train",
        x_notation="(n_x, m_train)",
        y_notation="(1, m_train)",
    )
    X_dev, Y_dev = require_xy(
        X_dev,
        Y_dev,
        X_train.shape[0],
        x_name="X_dev",
        y_name="Y_dev",
        x_notation="(n_x, m_dev)",
        y_notation="(1, m_dev)",
    )
    if lambd < 0:
        raise ValueError(f"lambd must be >= 0; got {lambd!r}.")
    if lambd > 0:
        from course_lib.c2_improving_dnns import regularization as reg

        dims = [X_train.shape[0], *[int(h) for h in hidden_layers], 1]
        parameters, _ = reg.train_regularized(
            X_train,
            Y_train,
            dims,
            learning_rate=learning_rate,
            num_iterations=num_iterations,
            lambd=lambd,
            seed=seed,
            progress=progress,
        )
    else:
        parameters = models.train_classifier(
            X_train, Y_train, hidden_layers, num_iterations, learning_rate, seed, progress
        )
    return {
        "parameters": parameters,
        "train_error": models.error_rate(X_train, Y_train, parameters),
        "dev_error": models.error_rate(X_dev, Y_dev, parameters),
    }


def learning_curve(
    X_pool,
    Y_pool,
    X_dev,
    Y_dev,
    sizes: Sequence[int],
    hidden_layers: Sequence[int] = (16, 16),
    num_iterations: int = 1000,
    learning_rate: float = 0.5,
    repeats: int = 1,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Training and dev error of the same network trained on more and more examples.

    For each repeat r the pool is shuffled once (seed + r) and the network (initialised
    with seed + r) is trained on its first m examples, for every m in ``sizes``; the
    errors are averaged over the repeats.

    Args:
        X_pool: (n_x, M). Y_pool: (1, M). X_dev: (n_x, m_dev). Y_dev: (1, m_dev).
        sizes: training-set sizes, each in [1, M].
        hidden_layers, num_iterations, learning_rate: the model and its training.
        repeats: independent draws to average. seed: base seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"sizes": (k,) ints, "train_error": (k,), "dev_error": (k,) means over repeats,
         "dev_error_all": (repeats, k)}.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 2.
    """
    X_pool, Y_pool = require_xy(
        X_pool,
        Y_pool,
        x_name="X_pool",
        y_name="Y_pool",
        x_notation="(n_x, M)",
        y_notation="(1, M)",
    )
    M = X_pool.shape[1]
    sizes = np.array([int(s) for s in sizes])
    if sizes.size == 0 or sizes.min() < 1 or sizes.max() > M:
        raise ValueError(f"sizes must be non-empty integers in [1, {M}] (the pool); got {sizes}.")
    if int(repeats) < 1:
        raise ValueError(f"repeats must be >= 1; got {repeats!r}.")
    train = np.zeros((int(repeats), sizes.size))
    dev = np.zeros_like(train)
    total, done = float(repeats * sizes.sum()), 0.0
    for r in range(int(repeats)):
        order = np.random.default_rng(seed + r).permutation(M)
        for k, m in enumerate(sizes):
            cols = order[:m]

            def report(fraction, base=done, m=m):
                if progress is not None:
                    progress((base + fraction * m) / total)

            fit = train_and_measure(
                X_pool[:, cols],
                Y_pool[:, cols],
                X_dev,
                Y_dev,
                hidden_layers,
                num_iterations,
                learning_rate,
                seed=seed + r,
                progress=report if progress is not None else None,
            )
            train[r, k], dev[r, k] = fit["train_error"], fit["dev_error"]
            done += m
    return {
        "sizes": sizes,
        "train_error": train.mean(axis=0),
        "dev_error": dev.mean(axis=0),
        "dev_error_all": dev,
    }


def plot_progress(
    ax, curve: Mapping, human_error: float, bayes_error: float, human_label="human level"
):
    """Accuracy against training-set size, with the human-level and Bayes-optimal lines.

    Args:
        ax: a matplotlib Axes (a new figure's when None).
        curve: what ``learning_curve`` returns.
        human_error: the human-level error. bayes_error: the Bayes error.
        human_label: the legend's name for the human-level line.

    Returns:
        The Axes.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 2.
    """
    import matplotlib.pyplot as plt

    ax = ax if ax is not None else plt.figure(figsize=(8, 4.5)).add_subplot()
    sizes = np.asarray(curve["sizes"])
    dev_acc = 100 * (1 - np.asarray(curve["dev_error"]))
    train_acc = 100 * (1 - np.asarray(curve["train_error"]))
    best = 100 * (1 - bayes_error)
    ax.axhspan(best, 100.5, color="0.85", zorder=0)
    # top right of the band: the training accuracy is near 100 % only for the smallest m,
    # and crosses the band's lower part on its way down, so neither spot there is free
    ax.text(
        sizes[-1],
        100.3,
        "no model can get here on new data (above the Bayes limit)",
        fontsize=8,
        ha="right",
        va="top",
        color="0.3",
    )
    ax.axhline(best, color="k", ls="--", lw=1.2, label=f"Bayes optimal ({best:.1f} %)")
    ax.axhline(
        100 * (1 - human_error),
        color="C2",
        ls="-.",
        lw=1.2,
        label=f"{human_label} ({100 * (1 - human_error):.1f} %)",
    )
    ax.plot(sizes, train_acc, "o:", color="C0", ms=3, alpha=0.6, label="training accuracy")
    ax.plot(sizes, dev_acc, "o-", color="C1", ms=4, lw=2, label="dev accuracy")
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes, [str(s) for s in sizes], fontsize=8)
    ax.set_xlabel("training examples m (log scale)")
    ax.set_ylabel("accuracy (%)")
    low = min(dev_acc.min(), 100 * (1 - human_error)) - 3
    ax.set_ylim(max(low, 0), 100.5)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    return ax


def plot_decision_flow(ax=None):
    """Draw the two fundamental assumptions of supervised learning as a flowchart.

    Both "retrain" arrows go back to question 1: a variance remedy (more data,
    regularisation) can raise the training error again, so the bias is checked first.

    Args:
        ax: a matplotlib Axes (a new figure's when None).

    Returns:
        The Axes.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 7.
    """
    from course_lib.plots import flow_arrow, flow_box, flowchart_axes

    ax = flowchart_axes(ax, (0, 10), (0, 7), figsize=(9.6, 4.6))
    small = {"fontsize": 8.5}
    flow_box(
        ax,
        2.2,
        5.0,
        "1. Do you fit the training set?\navoidable bias = train - human\nsmall?",
        "question",
        **small,
    )
    flow_box(
        ax,
        7.4,
        5.0,
        "bigger model\ntrain longer / better optimiser\n(momentum, RMSprop, Adam)\n"
        "architecture, hyperparameter search",
        **small,
    )
    flow_box(
        ax, 2.2, 2.4, "2. Does it generalise?\nvariance = dev - train\nsmall?", "question", **small
    )
    flow_box(
        ax,
        7.4,
        2.4,
        "more data\nregularisation\n(L2, dropout, augmentation)\n"
        "architecture, hyperparameter search",
        **small,
    )
    flow_box(ax, 2.2, 0.45, "done: test once, ship", "done", **small)
    flow_box(ax, 7.4, 0.45, "both gaps big? start with the larger one", "note", **small)
    flow_arrow(ax, (4.15, 5.0), (5.45, 5.0), "no", (4.8, 5.15), **small)
    flow_arrow(ax, (7.4, 6.05), (2.6, 6.0), "retrain", (5.0, 6.55), rad=0.2, **small)
    flow_arrow(ax, (2.2, 4.05), (2.2, 3.25), "yes", (2.5, 3.55), **small)
    flow_arrow(ax, (3.95, 2.4), (5.6, 2.4), "no", (4.8, 2.55), **small)
    # a variance remedy (more data, regularisation) can bring the bias back: check 1 again
    flow_arrow(ax, (5.6, 3.05), (3.9, 4.35), "retrain, then\ncheck 1 again", (6.5, 3.4), **small)
    flow_arrow(ax, (2.2, 1.6), (2.2, 0.85), "yes", (2.5, 1.1), **small)
    ax.set_title(
        "The two fundamental assumptions of supervised learning, and what to do when one fails",
        fontsize=10,
    )
    return ax
