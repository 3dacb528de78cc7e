"""Hyperparameter search: priorities, grid vs random search, log scales, coarse to fine.

A search space is a dict ``{name: (low, high)}`` or ``{name: (low, high, "log")}``; a set of
trial points is a dict ``{name: array of shape (n_trials,)}``, one entry per hyperparameter,
so ``points["learning_rate"][k]`` is the learning rate of trial k.

Two objectives to search on:
- ``response_surface(log_alpha, hidden_units)``: a documented synthetic dev error that is
  cheap enough for a live dashboard (it is NOT the result of training anything);
- ``momentum_objective(...)``: a real one, the dev error of a small network trained with
  mini-batch-free gradient descent with momentum, as a function of alpha and beta.

Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, sections 1-5.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.validation import require_binary_labels, require_finite, require_shape

__all__ = [
    "HYPERPARAMETER_PRIORITIES",
    "priority_table",
    "grid_search_points",
    "random_search_points",
    "distinct_values",
    "sample_log_uniform",
    "sample_beta",
    "averaging_window",
    "coarse_to_fine",
    "response_surface",
    "momentum_objective",
]

# (priority, hyperparameter, typical value or range): the lecture's rough ordering.
HYPERPARAMETER_PRIORITIES: tuple[tuple[int, str, str], ...] = (
    (1, "learning rate alpha", "search on a log scale, e.g. 1e-4 ... 1"),
    (2, "momentum beta", "0.9 is a good default; search 1 - beta on a log scale"),
    (2, "number of hidden units", "uniform over a sensible range, e.g. 50 ... 100"),
    (2, "mini-batch size", "a power of two: 64, 128, 256, 512"),
    (3, "number of layers", "uniform over a few values, e.g. 2 ... 4"),
    (3, "learning-rate decay", "often left off at first"),
    (4, "Adam beta1, beta2, epsilon", "almost never tuned: 0.9, 0.999, 1e-8"),
)


def priority_table() -> str:
    """The hyperparameter priorities as a small text table (1 = tune first).

    Returns:
        A multi-line string with one row per hyperparameter.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 1.
    """
    width = max(len(name) for _, name, _ in HYPERPARAMETER_PRIORITIES)
    rows = [f"{'priority':<9}{'hyperparameter':<{width + 2}}typical value / how to search"]
    for priority, name, note in HYPERPARAMETER_PRIORITIES:
        rows.append(f"{priority:<9}{name:<{width + 2}}{note}")
    return "\n".join(rows)


# --- search spaces ------------------------------------------------------------------------


def _axis(name: str, spec) -> tuple[float, float, bool]:
    """(low, high, log?) for one entry of a search space, validated."""
    if not isinstance(spec, Sequence) or len(spec) not in (2, 3):
        raise ValueError(
            f"ranges[{name!r}] must be (low, high) or (low, high, 'log'); got {spec!r}."
        )
    low, high = float(spec[0]), float(spec[1])
    scale = spec[2] if len(spec) == 3 else "linear"
    if scale not in ("linear", "log"):
        raise ValueError(f"ranges[{name!r}]: the scale must be 'linear' or 'log'; got {scale!r}.")
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"ranges[{name!r}] needs finite low < high; got ({low}, {high}).")
    if scale == "log" and low <= 0:
        raise ValueError(f"ranges[{name!r}] is on a log scale, so low must be > 0; got {low}.")
    return low, high, scale == "log"


def _axes(ranges: Mapping) -> dict[str, tuple[float, float, bool]]:
    if not isinstance(ranges, Mapping) or not ranges:
        raise ValueError("ranges must be a non-empty dict {name: (low, high[, 'log'])}.")
    return {name: _axis(name, spec) for name, spec in ranges.items()}


def _from_unit(u: np.ndarray, low: float, high: float, log: bool) -> np.ndarray:
    """Map u in [0, 1] onto [low, high], linearly or linearly in log10."""
    if log:
        a, b = np.log10(low), np.log10(high)
        return 10 ** (a + (b - a) * u)
    return low + (high - low) * u


def grid_search_points(n: int, ranges: Mapping) -> dict[str, np.ndarray]:
    """A full grid with at most n points: k = floor(n^(1/d)) values per axis, k^d points.

    With d hyperparameters a grid of n trials tries only about n^(1/d) distinct values of
    each (5 of each for 25 trials in 2-D), however unimportant the other axes are.

    Args:
        n: the trial budget (>= 1).
        ranges: {name: (low, high)} or {name: (low, high, "log")}; d = len(ranges).

    Returns:
        {name: array (k^d,)}: the grid's points, evenly spaced on each axis's scale.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    axes = _axes(ranges)
    if int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}.")
    d = len(axes)
    k = int(np.floor(n ** (1 / d) + 1e-9))  # the 1e-9 keeps 25 ** 0.5 from becoming 4.999
    per_axis = [_from_unit(np.linspace(0, 1, k), *spec) for spec in axes.values()]
    mesh = np.meshgrid(*per_axis, indexing="ij")
    return {name: grid.ravel() for name, grid in zip(axes, mesh)}


def random_search_points(
    n: int, ranges: Mapping, seed: int | np.random.Generator | None = 0
) -> dict[str, np.ndarray]:
    """n points drawn uniformly at random (uniform in log10 on "log" axes).

    Every trial tries a new value of every hyperparameter, so n trials explore n distinct
    values of the one that turns out to matter.

    Args:
        n: the number of trials (>= 1).
        ranges: {name: (low, high)} or {name: (low, high, "log")}.
        seed: an int seed or a np.random.Generator.

    Returns:
        {name: array (n,)}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    axes = _axes(ranges)
    if int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}.")
    rng = np.random.default_rng(seed)
    return {name: _from_unit(rng.random(int(n)), *spec) for name, spec in axes.items()}


def distinct_values(points: Mapping[str, np.ndarray]) -> dict[str, int]:
    """How many different values of each hyperparameter a set of trials tries.

    Args:
        points: {name: array (n_trials,)}.

    Returns:
        {name: number of distinct values}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    return {name: int(np.unique(np.asarray(v)).size) for name, v in points.items()}


# --- sampling on the right scale ----------------------------------------------------------


def sample_log_uniform(
    low: float, high: float, size=None, rng: np.random.Generator | None = None
) -> np.ndarray | float:
    """alpha = 10^r with r uniform on [log10 low, log10 high]: each decade equally likely.

    Computed as r = b - (b - a) u with u ~ U[0, 1), a = log10 low, b = log10 high. For the
    lecture's range [1e-4, 1] that is r = -4 u, so with ``rng=None`` (NumPy's legacy
    global generator) ``np.random.seed(s); sample_log_uniform(1e-4, 1)`` gives exactly
    ``np.random.seed(s); 10 ** (-4 * np.random.rand())``. (Note the call: ``np.random.rand``
    without parentheses is a function, and ``-4 * np.random.rand`` raises TypeError.)

    Args:
        low, high: the range, 0 < low < high.
        size: None for one float, or an int / shape for an array.
        rng: a np.random.Generator; None uses the legacy global ``np.random.rand``.

    Returns:
        A float (size None) or an array of the given size.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 3.
    """
    _axis("sample_log_uniform", (low, high, "log"))
    a, b = np.log10(low), np.log10(high)
    if rng is None:
        u = np.random.rand() if size is None else np.random.random_sample(size)  # noqa: NPY002
    else:
        u = rng.random(size)
    r = b - (b - a) * u
    return float(10**r) if size is None else 10**r


def sample_beta(
    low: float = 0.9, high: float = 0.999, size=None, rng: np.random.Generator | None = None
) -> np.ndarray | float:
    """A momentum/EWMA beta in [low, high], sampled by drawing 1 - beta on a log scale.

    For [0.9, 0.999]: r ~ U[-3, -1] and beta = 1 - 10^r, so the averaging windows
    1/(1 - beta) of about 10, 100 and 1000 steps are equally likely. Sampling beta
    uniformly instead would put 90 % of the trials below 0.99.

    Args:
        low, high: the range of beta, 0 <= low < high < 1.
        size, rng: as for ``sample_log_uniform``.

    Returns:
        A float or an array of betas.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 3.
    """
    if not (0 <= low < high < 1):
        raise ValueError(f"beta needs 0 <= low < high < 1; got low={low}, high={high}.")
    return 1 - sample_log_uniform(1 - high, 1 - low, size, rng)


def averaging_window(beta) -> np.ndarray | float:
    """1 / (1 - beta): roughly how many past values an EWMA with this beta averages.

    Args:
        beta: a number or array in [0, 1).

    Returns:
        The window, same shape as ``beta`` (a float for a number).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 3.
    """
    b = require_finite("beta", beta).astype(np.float64)
    if np.any((b < 0) | (b >= 1)):
        raise ValueError(f"beta must lie in [0, 1); got {beta!r}.")
    window = 1 / (1 - b)
    return float(window) if window.ndim == 0 else window


# --- coarse to fine -----------------------------------------------------------------------


def _evaluate(objective: Callable[..., float], points: Mapping[str, np.ndarray]) -> np.ndarray:
    n = len(next(iter(points.values())))
    return np.array(
        [float(objective(**{name: float(v[k]) for name, v in points.items()})) for k in range(n)]
    )


def coarse_to_fine(
    objective: Callable[..., float],
    ranges: Mapping,
    n_coarse: int = 25,
    n_fine: int = 25,
    zoom: float = 0.25,
    seed: int = 0,
) -> dict:
    """Random search over ``ranges``, then again in a smaller box around the best point.

    The fine box is centred on the coarse round's best point; on each axis it is ``zoom``
    times as wide as the original range (measured in log10 units on "log" axes), shifted
    to stay inside the original range.

    Args:
        objective: ``objective(**point) -> float``, lower is better (e.g. dev error);
            called with one keyword per hyperparameter.
        ranges: {name: (low, high)} or {name: (low, high, "log")}.
        n_coarse, n_fine: trials in each round.
        zoom: width of the fine box as a fraction of the original range, in (0, 1].
        seed: the coarse round uses ``seed``, the fine round ``seed + 1``.

    Returns:
        {"coarse": round, "fine": round, "best": {name: value}, "best_value": float},
        where a round is {"ranges": ..., "points": {name: (n,)}, "values": (n,),
        "best": {name: value}, "best_value": float}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 4.
    """
    axes = _axes(ranges)
    if not 0 < zoom <= 1:
        raise ValueError(f"zoom must lie in (0, 1]; got {zoom}.")

    def run(box: dict, n: int, round_seed: int) -> dict:
        points = random_search_points(n, box, round_seed)
        values = _evaluate(objective, points)
        k = int(np.argmin(values))
        return {
            "ranges": box,
            "points": points,
            "values": values,
            "best": {name: float(v[k]) for name, v in points.items()},
            "best_value": float(values[k]),
        }

    coarse = run(dict(ranges), n_coarse, seed)
    fine_box = {}
    for name, (low, high, log) in axes.items():
        to = np.log10 if log else (lambda x: x)
        a, b, centre = to(low), to(high), to(coarse["best"][name])
        half = zoom * (b - a) / 2
        lo = min(max(centre - half, a), b - 2 * half)  # shift the box back inside [a, b]
        hi = lo + 2 * half
        fine_box[name] = (10**lo, 10**hi, "log") if log else (lo, hi)
    fine = run(fine_box, n_fine, seed + 1)
    best = fine if fine["best_value"] <= coarse["best_value"] else coarse
    return {"coarse": coarse, "fine": fine, "best": best["best"], "best_value": best["best_value"]}


# --- objectives ---------------------------------------------------------------------------


def response_surface(log_alpha, hidden_units):
    """A SYNTHETIC dev-error surface over (log10 alpha, hidden units), for demonstrations.

    Not measured from any training: a smooth bowl whose minimum (about 5 % error) sits at
    alpha = 10^-2.3, with the learning rate mattering far more than the number of hidden
    units (a weak optimum near 70 units), as the lecture says is typical. Cheap enough for
    a live dashboard; the lesson also runs a real search (``momentum_objective``).

        error = 0.05 + 0.035 (log10 alpha + 2.3)^2 + 0.001 ((units - 70) / 30)^2
                + 0.006 sin(3 log10 alpha) cos(units / 9)

    Args:
        log_alpha: log10 of the learning rate, number or array.
        hidden_units: number of hidden units, number or array (broadcast with log_alpha).

    Returns:
        Dev error in [0, 1], shaped like the broadcast inputs (float for numbers).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    la = require_finite("log_alpha", log_alpha).astype(np.float64)
    hu = require_finite("hidden_units", hidden_units).astype(np.float64)
    error = (
        0.05
        + 0.035 * (la + 2.3) ** 2
        + 0.001 * ((hu - 70) / 30) ** 2
        + 0.006 * np.sin(3 * la) * np.cos(hu / 9)
    )
    error = np.clip(error, 0.0, 1.0)
    return float(error) if error.ndim == 0 else error


def momentum_objective(
    X_train, Y_train, X_dev, Y_dev, layers_dims: Sequence[int], num_epochs: int = 200, seed: int = 1
) -> Callable[..., float]:
    """A real objective: dev error of a small network trained with momentum, f(alpha, beta).

    Each call initialises ``layers_dims`` with He scaling from ``seed`` (so every trial
    starts from the same weights), runs ``num_epochs`` full-batch steps of gradient
    descent with momentum, v = beta v + (1 - beta) dW, W -= alpha v, through the shared
    ``train_loop``, and returns the error rate on the dev set (a nan cost counts as 1.0).

    Args:
        X_train (n_x, m_train), Y_train (1, m_train), X_dev (n_x, m_dev), Y_dev (1, m_dev).
        layers_dims: [n_x, n^[1], ..., 1].
        num_epochs: gradient steps per trial.
        seed: seed of the initial weights.

    Returns:
        ``objective(learning_rate, beta) -> dev error in [0, 1]``.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 4.
    """
    X_train = require_shape("X_train", X_train, (layers_dims[0], None), "(n_x, m_train)")
    Y_train = require_shape("Y_train", Y_train, (1, X_train.shape[1]), "(1, m_train)")
    X_dev = require_shape("X_dev", X_dev, (layers_dims[0], None), "(n_x, m_dev)")
    Y_dev = require_shape("Y_dev", Y_dev, (1, X_dev.shape[1]), "(1, m_dev)")
    require_binary_labels("Y_train", Y_train)
    require_binary_labels("Y_dev", Y_dev)
    rng = np.random.default_rng(seed)
    start = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        start[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        start[f"b{l}"] = np.zeros((n, 1))

    def objective(learning_rate: float, beta: float) -> float:
        velocity = {name: np.zeros_like(value) for name, value in start.items()}

        def step(parameters, X_t, Y_t, t):
            AL, caches = dn.L_model_forward(X_t, parameters)
            if not np.isfinite(AL).all():  # diverged: keep the result, stop stepping
                return parameters, np.nan
            grads = dn.L_model_backward(AL, Y_t, caches)
            new = {}
            for name, value in parameters.items():
                velocity[name] = beta * velocity[name] + (1 - beta) * grads[f"d{name}"]
                new[name] = value - learning_rate * velocity[name]
            return new, dn.compute_cost(AL, Y_t)

        with np.errstate(all="ignore"):  # a diverging trial is a result, not an error
            parameters, _ = train_loop(
                dict(start),
                step,
                num_epochs,
                batches=full_batch(X_train, Y_train),
                record_every=max(1, num_epochs),
            )
            AL, _ = dn.L_model_forward(X_dev, parameters)
        if not np.all(np.isfinite(AL)):
            return 1.0
        return float(np.mean((AL > 0.5) != (Y_dev > 0.5)))

    return objective
