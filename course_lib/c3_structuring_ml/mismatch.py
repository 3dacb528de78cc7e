"""Training and testing on different distributions: splits, the training-dev set, error gaps.

The running example is a voice assistant in miniature. Each example is a short clip of
``N_X = 32`` samples holding one of two words ("yes", y = 1, or "no", y = 0) plus a little
microphone hiss. There are two sources:

- **web** clips (``shift = 0``): plenty of them, recorded cleanly;
- **app** clips (``shift > 0``): what users say in their cars, the distribution we care
  about. They carry car noise, a low-frequency rumble whose loudness (its RMS amplitude
  per sample) is the ``shift``; the larger it is, the further the app data has moved from
  the web data.

Both the hiss and the rumble are Gaussian, so the best possible error (the Bayes error, the
stand-in for human-level error) has a closed form, and every other error in this module is
measured on real trained networks (``course_lib.c3_structuring_ml.models``).

Shapes follow the course: X is (n_x, m) with one clip per column, Y is (1, m) of 0/1, and a
``source`` row (1, m) says where each example came from (``WEB``, ``APP`` or ``SYNTHETIC``).
Errors are fractions in [0, 1].

Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import numpy as np

from course_lib.c2_improving_dnns.input_normalization import normalize_inputs
from course_lib.c3_structuring_ml import models
from course_lib.tables import Table
from course_lib.validation import require_examples, require_numeric, require_shape

__all__ = [
    "N_X",
    "HISS",
    "DEFAULT_SHIFT",
    "RUMBLE_CUTOFF",
    "WEB",
    "APP",
    "SYNTHETIC",
    "AVOIDABLE_BIAS",
    "VARIANCE",
    "DATA_MISMATCH",
    "DEV_OVERFITTING",
    "GAP_NAMES",
    "Part",
    "word_templates",
    "car_noise_basis",
    "car_noise",
    "voice_clips",
    "human_level_error",
    "human_level_of",
    "synthesise",
    "train_network",
    "split_composition",
    "split_sources",
    "composition",
    "draw_clips",
    "make_sets",
    "measure_errors",
    "error_gaps",
    "diagnose_gaps",
    "dev_overfitting",
    "two_distribution_errors",
    "two_distribution_table",
    "rumble_filter",
    "power_spectrum",
    "rumble_energy",
    "error_analysis",
    "mismatch_experiment",
    "plot_error_levels",
]

N_X = 32  # samples per clip
HISS = 0.6  # standard deviation of the microphone hiss, per sample
DEFAULT_SHIFT = 1.5  # car-noise level of the app clips in the lesson
RUMBLE_CUTOFF = 4  # the rumble lives in frequency bins 0..4 (cycles per clip)
_RUMBLE_FREQUENCIES = np.arange(1, 9) * 0.5  # 0.5, 1.0, ..., 4.0 cycles per clip

WEB, APP, SYNTHETIC = 0, 1, 2
_SOURCE_NAMES = {WEB: "web", APP: "app", SYNTHETIC: "synthetic"}

AVOIDABLE_BIAS = "avoidable bias"
VARIANCE = "variance"
DATA_MISMATCH = "data mismatch"
DEV_OVERFITTING = "overfitting to the dev set"
GAP_NAMES = (AVOIDABLE_BIAS, VARIANCE, DATA_MISMATCH, DEV_OVERFITTING)

_PARTS = ("train", "train-dev", "dev", "test")


# --- the data ------------------------------------------------------------------------------


def _check_count(name: str, value, minimum: int = 0) -> int:
    if isinstance(value, bool) or not float(value).is_integer() or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value!r}.")
    return int(value)


def _check_level(name: str, value) -> float:
    value = float(value)
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a non-negative number; got {value!r}.")
    return value


def word_templates() -> np.ndarray:
    """The two clean words: column 0 is "no" (y = 0), column 1 is "yes" (y = 1).

    Each word is a short tone burst under a Gaussian window centred in the clip: "yes"
    oscillates 3 times per clip, "no" 5 times.

    Returns:
        (n_x, 2) array; column y is the clean clip of the word with label y.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 1.
    """
    t = np.arange(N_X) / N_X
    window = np.exp(-0.5 * ((t - 0.5) / 0.18) ** 2)
    no = window * np.sin(2 * np.pi * 5 * t + 0.5)
    yes = window * np.sin(2 * np.pi * 3 * t)
    return np.stack([no, yes], axis=1)


def car_noise_basis() -> np.ndarray:
    """The shapes car noise is made of: slow cosines and sines, louder at low frequency.

    Car noise is ``level * B @ z`` with z ~ N(0, I): a random mix of these 16 columns. They
    are scaled so that the noise has an average power of ``level ** 2`` per sample.

    Returns:
        B, an (n_x, 16) array.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 1.
    """
    t = np.arange(N_X)[:, None] / N_X
    amplitude = 1.0 / np.sqrt(np.arange(1, len(_RUMBLE_FREQUENCIES) + 1))
    phase = 2 * np.pi * t * _RUMBLE_FREQUENCIES
    B = np.concatenate([np.cos(phase) * amplitude, np.sin(phase) * amplitude], axis=1)
    return B / np.sqrt(np.sum(B**2) / N_X)


def car_noise(m: int, level: float = DEFAULT_SHIFT, seed: int = 0) -> np.ndarray:
    """Record m clips of car noise alone (no speech): fresh random draws of the rumble.

    Args:
        m: number of clips. level: RMS amplitude per sample (the app's ``shift``).
        seed: seed of the draw.

    Returns:
        (n_x, m) array of noise clips.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    m = _check_count("m", m)
    level = _check_level("level", level)
    B = car_noise_basis()
    # drawn clip by clip, so a longer recording extends a shorter one with the same seed
    z = np.random.default_rng(seed).standard_normal((m, B.shape[1])).T
    return level * (B @ z)


def voice_clips(
    m: int, shift: float = 0.0, seed: int = 0, hiss: float = HISS
) -> tuple[np.ndarray, np.ndarray]:
    """m clips of "yes" / "no" with hiss; ``shift > 0`` adds car noise of that level (app).

    The words, the hiss and the shape of the car noise are drawn from the same random
    stream whatever the shift, so two calls with the same seed and different shifts give the
    same clips with the rumble turned up or down.

    Args:
        m: number of clips. shift: car-noise level (0 for web clips). seed: seed.
        hiss: standard deviation of the microphone hiss.

    Returns:
        X (n_x, m) and Y (1, m) of 0.0/1.0 (about half of each word).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 1.
    """
    m = _check_count("m", m)
    shift, hiss = _check_level("shift", shift), _check_level("hiss", hiss)
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, m)
    words = word_templates()[:, y]
    B = car_noise_basis()
    hiss_noise = rng.standard_normal((N_X, m))
    rumble = B @ rng.standard_normal((B.shape[1], m))
    X = words + hiss * hiss_noise + shift * rumble
    return X, y.reshape(1, m).astype(np.float64)


def human_level_error(shift: float = 0.0, hiss: float = HISS) -> float:
    """The Bayes error of clips with car-noise level ``shift``: the best any model can do.

    Both classes are Gaussian with the same covariance Sigma = hiss^2 I + shift^2 B B^T and
    means mu_0, mu_1 (the two words), equally likely, so the best rule is linear and its
    error is Phi(-Delta / 2) with Delta^2 = (mu_1 - mu_0)^T Sigma^-1 (mu_1 - mu_0).

    Args:
        shift: car-noise level (0 for web clips). hiss: the hiss standard deviation (> 0).

    Returns:
        The error rate, a float in [0, 0.5].

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 1.
    """
    shift, hiss = _check_level("shift", shift), _check_level("hiss", hiss)
    if hiss == 0:
        raise ValueError("hiss must be > 0 for the Bayes error to be defined (try 0.5).")
    T, B = word_templates(), car_noise_basis()
    d = T[:, 1] - T[:, 0]
    sigma = hiss**2 * np.eye(N_X) + shift**2 * (B @ B.T)
    delta = math.sqrt(float(d @ np.linalg.solve(sigma, d)))
    return 0.5 * math.erfc(delta / 2 / math.sqrt(2))  # Phi(-delta / 2)


def human_level_of(part: Part, shift: float = DEFAULT_SHIFT) -> float:
    """Human-level error of a set that mixes sources: each clip counts with its own Bayes error.

    Web clips have ``human_level_error(0)``; app and synthesised clips carry car noise of
    level ``shift`` and have ``human_level_error(shift)``. The share-weighted average is the
    best error on the mixture when a listener can tell a noisy clip from a clean one, which
    the loud rumble makes easy.

    Args:
        part: a ``Part`` (its ``source`` row is used). shift: the car-noise level.

    Returns:
        A float in [0, 0.5].

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    flags = np.asarray(part.source).ravel()
    if flags.size == 0:
        raise ValueError("part holds no examples.")
    noisy = float(np.mean(flags != WEB))
    return (1 - noisy) * human_level_error(0.0) + noisy * human_level_error(shift)


def synthesise(X_clean, noise_pool, seed: int = 0) -> np.ndarray:
    """Artificial data synthesis: add to every clean clip one noise clip drawn from a pool.

    Args:
        X_clean: (n_x, m) clean clips. noise_pool: (n_x, P) recorded noise clips; each clip
            is reused for about m / P examples. seed: seed of the draw.

    Returns:
        (n_x, m) synthesised clips, X_clean + noise_pool[:, k] with k drawn per column.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    X_clean = require_shape("X_clean", X_clean, (None, None), "(n_x, m)")
    noise_pool = require_shape(
        "noise_pool", noise_pool, (X_clean.shape[0], None), "(n_x, P)", finite=True
    )
    if noise_pool.shape[1] == 0:
        raise ValueError("noise_pool must hold at least one noise clip; got (n_x, 0).")
    pick = np.random.default_rng(seed).integers(0, noise_pool.shape[1], X_clean.shape[1])
    return X_clean + noise_pool[:, pick]


def train_network(
    X,
    Y,
    hidden_layers: Sequence[int] = (16,),
    num_iterations: int = 400,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train a ``models`` network on normalised inputs and return parameters for raw clips.

    Loud car noise makes the clips large, and plain gradient descent on large inputs can
    diverge; so the inputs are normalised with the training set's mean and variance (Course
    2's ``normalize_inputs``), and afterwards the normalisation is folded into the first
    layer (W1 <- W1 / sigma^T, b1 <- b1 - W1 mu / sigma), so the returned parameters work
    on raw clips with ``models.predict`` and ``models.error_rate``.

    Args:
        X: (n_x, m) clips. Y: (1, m) labels 0/1. hidden_layers, num_iterations,
            learning_rate, seed, progress: as in ``models.train_classifier``.

    Returns:
        parameters {"W1", "b1", ..., "WL", "bL"} that take raw (unnormalised) clips.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    X_norm, mu, sigma2 = normalize_inputs(X, epsilon=1e-8)
    parameters = models.train_classifier(
        X_norm, Y, hidden_layers, num_iterations, learning_rate, seed=seed, progress=progress
    )
    sigma = np.sqrt(sigma2 + 1e-8)
    folded = dict(parameters)
    folded["W1"] = parameters["W1"] / sigma.T
    folded["b1"] = parameters["b1"] - folded["W1"] @ mu
    return folded


# --- splitting two distributions -------------------------------------------------------------


class Part(NamedTuple):
    """One set of examples with their sources: X (n_x, m), Y (1, m), source (1, m).

    ``part.m`` is the number of examples; ``part.only(APP)`` keeps one source's examples.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """

    X: np.ndarray
    Y: np.ndarray
    source: np.ndarray

    @property
    def m(self) -> int:
        """The number of examples."""
        return int(self.X.shape[1])

    def only(self, source: int) -> Part:
        """The examples that came from one source (``WEB``, ``APP`` or ``SYNTHETIC``)."""
        keep = self.source[0] == source
        return Part(self.X[:, keep], self.Y[:, keep], self.source[:, keep])


def split_composition(
    m_web: int, m_app: int, dev: int, test: int, option: int
) -> dict[str, dict[str, int]]:
    """How many web and app examples each set gets under the lecture's two options.

    Option 1 pools the m_web + m_app examples, shuffles them and cuts dev and test off: each
    set then holds the pool's mixture (the expected counts, rounded; totals are kept).
    Option 2 puts every web example and the rest of the app examples in train and keeps dev
    and test for app examples only.

    Args:
        m_web, m_app: examples from each source. dev, test: sizes of the dev and test sets.
        option: 1 or 2.

    Returns:
        {"train": {"web": int, "app": int}, "dev": {...}, "test": {...}}.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    m_web, m_app = _check_count("m_web", m_web), _check_count("m_app", m_app)
    dev, test = _check_count("dev", dev), _check_count("test", test)
    if option not in (1, 2):
        raise ValueError(
            f"option must be 1 (pool and shuffle) or 2 (app-only dev/test); got {option!r}."
        )
    total = m_web + m_app
    if option == 1:
        if dev + test > total:
            raise ValueError(f"dev + test = {dev + test} do not fit in the {total} examples.")
        share = m_app / total if total else 0.0
        # the expected counts, rounded, then kept feasible (no set takes more than exists)
        dev_app = min(max(round(dev * share), dev - m_web), dev, m_app)
        web_left = m_web - (dev - dev_app)
        test_app = min(max(round(test * share), test - web_left), test, m_app - dev_app)
        parts = {"dev": (dev - dev_app, dev_app), "test": (test - test_app, test_app)}
        train_web = m_web - parts["dev"][0] - parts["test"][0]
        parts["train"] = (train_web, m_app - dev_app - test_app)
    else:
        if dev + test > m_app:
            raise ValueError(
                f"option 2 takes dev and test from the app data: dev + test = {dev + test} "
                f"do not fit in m_app = {m_app}."
            )
        parts = {"train": (m_web, m_app - dev - test), "dev": (0, dev), "test": (0, test)}
    return {
        name: {"web": parts[name][0], "app": parts[name][1]} for name in ("train", "dev", "test")
    }


def split_sources(
    m_web: int, m_app: int, dev: int, test: int, option: int, seed: int = 0
) -> dict[str, np.ndarray]:
    """Split m_web web and m_app app examples by option 1 or 2, at random: who goes where.

    Only the sources are split (an int per example), so the lecture's 210,000 examples cost
    nothing; ``draw_clips`` then makes the clips of one set.

    Args:
        m_web, m_app, dev, test, option: as in ``split_composition``. seed: the shuffle.

    Returns:
        {"train": (m_train,), "dev": (dev,), "test": (test,)} arrays of WEB (0) / APP (1).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    sizes = split_composition(m_web, m_app, dev, test, option)  # validates everything
    rng = np.random.default_rng(seed)
    web = np.full(int(m_web), WEB, dtype=np.int64)
    app = np.full(int(m_app), APP, dtype=np.int64)
    if option == 1:
        pool = rng.permutation(np.concatenate([web, app]))
        return {"dev": pool[:dev], "test": pool[dev : dev + test], "train": pool[dev + test :]}
    train = rng.permutation(np.concatenate([web, app[: sizes["train"]["app"]]]))
    return {"train": train, "dev": np.full(dev, APP), "test": np.full(test, APP)}


def composition(source) -> dict[str, int]:
    """Count the examples of each source in a set.

    Args:
        source: a (1, m) or (m,) array of WEB / APP / SYNTHETIC, or a ``Part``.

    Returns:
        {"web": int, "app": int} (and "synthetic" when there are any).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    flags = require_numeric("source", source.source if isinstance(source, Part) else source)
    flags = flags.ravel()
    if not np.isin(flags, (WEB, APP, SYNTHETIC)).all():
        raise ValueError("source must hold only WEB (0), APP (1) and SYNTHETIC (2) flags.")
    counts = {_SOURCE_NAMES[s]: int(np.sum(flags == s)) for s in (WEB, APP, SYNTHETIC)}
    if counts["synthetic"] == 0:
        del counts["synthetic"]
    return counts


def draw_clips(source, shift: float = DEFAULT_SHIFT, seed: int = 0) -> tuple[np.ndarray, ...]:
    """Make the clips of one set whose sources are given: web clips clean, app clips noisy.

    Args:
        source: (m,) or (1, m) array of WEB / APP. shift: the app's car-noise level.
        seed: seed (web clips use it, app clips use seed + 1).

    Returns:
        X (n_x, m), Y (1, m) and the source as (1, m).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    flags = require_numeric("source", source).ravel()
    require_examples("source", flags.size)
    if not np.isin(flags, (WEB, APP)).all():
        raise ValueError("source must hold only WEB (0) and APP (1) flags.")
    X, Y = np.empty((N_X, flags.size)), np.empty((1, flags.size))
    for flag, level, offset in ((WEB, 0.0, 0), (APP, shift, 1)):
        where = flags == flag
        X[:, where], Y[:, where] = voice_clips(int(where.sum()), level, seed + offset)
    return X, Y, flags.reshape(1, -1).copy()


def make_sets(
    m_web: int,
    m_app_train: int,
    m_dev: int,
    m_test: int,
    m_train_dev: int,
    shift: float = DEFAULT_SHIFT,
    seed: int = 0,
    noise_pool=None,
) -> dict[str, Part]:
    """Option 2 with a training-dev set: the four sets of a mismatched-distribution project.

    All m_web web clips and m_app_train app clips form the training distribution (plus, with
    ``noise_pool``, one synthesised noisy copy of every web clip). It is shuffled, and
    m_train_dev of it become the **training-dev** set: the same distribution as train, but
    not trained on. Dev and test are app clips only.

    Args:
        m_web, m_app_train: web clips and app clips for training. m_dev, m_test: app clips
            for dev and test. m_train_dev: examples held out of the training distribution.
        shift: the app's car-noise level. seed: seed of every draw.
        noise_pool: optional (n_x, P) recorded noise clips for synthesis (see ``synthesise``).

    Returns:
        {"train", "train-dev", "dev", "test"} -> ``Part`` (X, Y, source).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 3.
    """
    m_web, m_app_train = _check_count("m_web", m_web, 1), _check_count("m_app_train", m_app_train)
    m_dev, m_test = _check_count("m_dev", m_dev, 1), _check_count("m_test", m_test)
    m_train_dev = _check_count("m_train_dev", m_train_dev)
    X_web, Y_web = voice_clips(m_web, 0.0, seed)
    X_app, Y_app = voice_clips(m_app_train + m_dev + m_test, shift, seed + 1)
    blocks = [
        (X_web, Y_web, WEB),
        (X_app[:, :m_app_train], Y_app[:, :m_app_train], APP),
    ]
    if noise_pool is not None:
        blocks.append((synthesise(X_web, noise_pool, seed + 2), Y_web, SYNTHETIC))
    X = np.concatenate([b[0] for b in blocks], axis=1)
    Y = np.concatenate([b[1] for b in blocks], axis=1)
    S = np.concatenate([np.full((1, b[0].shape[1]), b[2]) for b in blocks], axis=1)
    if m_train_dev >= X.shape[1]:
        raise ValueError(
            f"m_train_dev = {m_train_dev} leaves nothing to train on: the training "
            f"distribution has {X.shape[1]} examples."
        )
    order = np.random.default_rng(seed + 3).permutation(X.shape[1])
    X, Y, S = X[:, order], Y[:, order], S[:, order]
    end = m_app_train + m_dev
    return {
        "train": Part(X[:, m_train_dev:], Y[:, m_train_dev:], S[:, m_train_dev:]),
        "train-dev": Part(X[:, :m_train_dev], Y[:, :m_train_dev], S[:, :m_train_dev]),
        "dev": Part(X_app[:, m_app_train:end], Y_app[:, m_app_train:end], np.full((1, m_dev), APP)),
        "test": Part(X_app[:, end:], Y_app[:, end:], np.full((1, m_test), APP)),
    }


# --- the five error rates and their gaps -----------------------------------------------------


def _error(parameters, part: Part, transform: Callable | None) -> float:
    if part.m == 0:
        return float("nan")
    X = transform(part.X) if transform is not None else part.X
    return models.error_rate(X, part.Y, parameters)


def measure_errors(
    parameters, sets: Mapping[str, Part], transform: Callable | None = None
) -> dict[str, float]:
    """The error of one trained network on every set.

    Args:
        parameters: a trained network (``models.train_classifier``).
        sets: name -> ``Part`` (e.g. what ``make_sets`` returns).
        transform: optional function applied to each X first (a model that filters its input).

    Returns:
        name -> error rate in [0, 1] (nan for an empty set).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    return {name: _error(parameters, part, transform) for name, part in sets.items()}


def _check_error(name: str, value) -> float:
    if value is None or not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"{name} must be an error rate in [0, 1] (0.1 for 10 %); got {value!r}.")
    return float(value)


def error_gaps(
    human: float, train: float, train_dev: float, dev: float, test: float | None = None
) -> dict[str, float]:
    """The four gaps between neighbouring error levels, each naming one problem.

    human -> train is the avoidable bias, train -> train-dev the variance, train-dev -> dev
    the data mismatch and dev -> test the overfitting to the dev set (left out when there is
    no test error).

    Args:
        human: human-level error (the proxy for Bayes error). train, train_dev, dev, test:
            the measured error rates; all fractions in [0, 1].

    Returns:
        {"avoidable bias": float, "variance": float, "data mismatch": float,
        "overfitting to the dev set": float}, in that order; a gap may be negative.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    levels = [("human", human), ("train", train), ("train_dev", train_dev), ("dev", dev)]
    if test is not None:
        levels.append(("test", test))
    values = [_check_error(name, value) for name, value in levels]
    return {name: b - a for name, a, b in zip(GAP_NAMES, values, values[1:])}


def diagnose_gaps(
    human: float, train: float, train_dev: float, dev: float, test: float | None = None
) -> tuple[dict[str, float], str]:
    """The four error gaps and the largest one: the problem to work on first.

    Args:
        human, train, train_dev, dev, test: error rates in [0, 1] (test may be None).

    Returns:
        (gaps, largest): the dict of ``error_gaps`` and the name of its largest gap (the
        first in the order avoidable bias, variance, data mismatch, dev overfitting on a tie).

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    gaps = error_gaps(human, train, train_dev, dev, test)
    return gaps, max(gaps, key=gaps.get)


def dev_overfitting(
    parameters,
    dev: Part,
    test: Part,
    m_small: int = 50,
    thresholds: Sequence[float] | None = None,
    repeats: int = 50,
    seed: int = 0,
) -> dict[str, float]:
    """Overfit a small dev set on purpose: tune the decision threshold on it, then test.

    Each repeat draws m_small clips of the dev set, picks the threshold with the lowest
    error on them and measures that threshold on the whole test set. Picking the best of
    many settings on few examples rewards luck, so the tuned dev error is optimistic.

    Args:
        parameters: a trained network. dev, test: ``Part`` s of the target distribution.
        m_small: size of the small dev set. thresholds: candidate thresholds (default 49
            values from 0.02 to 0.98). repeats: how many small dev sets to average over.
        seed: seed of the draws.

    Returns:
        {"dev": mean tuned error on the small dev sets, "test": mean test error of the
        chosen thresholds, "gap": test - dev, "optimistic": share of repeats with dev < test}.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    m_small = _check_count("m_small", m_small, 1)
    repeats = _check_count("repeats", repeats, 1)
    if m_small > dev.m:
        raise ValueError(f"m_small = {m_small} is larger than the dev set ({dev.m} clips).")
    grid = np.linspace(0.02, 0.98, 49) if thresholds is None else np.asarray(thresholds, float)
    dev_proba, test_proba = (
        models.predict_proba(dev.X, parameters),
        models.predict_proba(test.X, parameters),
    )
    dev_wrong = (dev_proba[0][None, :] > grid[:, None]) != (dev.Y[0][None, :] == 1)
    test_errors = np.mean(
        (test_proba[0][None, :] > grid[:, None]) != (test.Y[0][None, :] == 1), axis=1
    )
    rng = np.random.default_rng(seed)
    tuned, tested = [], []
    for _ in range(repeats):
        pick = rng.choice(dev.m, m_small, replace=False)
        errors = dev_wrong[:, pick].mean(axis=1)
        best = int(np.argmin(errors))
        tuned.append(errors[best])
        tested.append(test_errors[best])
    tuned, tested = np.array(tuned), np.array(tested)
    return {
        "dev": float(tuned.mean()),
        "test": float(tested.mean()),
        "gap": float(tested.mean() - tuned.mean()),
        "optimistic": float(np.mean(tuned < tested)),
    }


def two_distribution_errors(
    parameters, sets: Mapping[str, Part], transform: Callable | None = None
) -> dict[str, dict[str, float]]:
    """The measured cells of the general two-distribution table.

    Columns: the general distribution (web clips) and the target distribution (app clips).
    Rows: the error on examples trained on (the web and the app clips of the training set)
    and on examples not trained on (the web clips of the training-dev set; dev and test).

    Args:
        parameters: a trained network. sets: what ``make_sets`` returns.
        transform: optional input transform, as in ``measure_errors``.

    Returns:
        {"general": {"trained on": e, "not trained on": e}, "target": {...}}.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 5.
    """
    for name in _PARTS:
        if name not in sets:
            raise ValueError(f"sets must have the parts {_PARTS}; {name!r} is missing.")
    target_unseen = Part(
        *(np.concatenate([a, b], axis=1) for a, b in zip(sets["dev"], sets["test"]))
    )
    return {
        "general": {
            "trained on": _error(parameters, sets["train"].only(WEB), transform),
            "not trained on": _error(parameters, sets["train-dev"].only(WEB), transform),
        },
        "target": {
            "trained on": _error(parameters, sets["train"].only(APP), transform),
            "not trained on": _error(parameters, target_unseen, transform),
        },
    }


def _percent(value: float) -> str:
    return "n/a" if value is None or np.isnan(value) else f"{100 * value:.1f} %"


def two_distribution_table(
    human_general: float, human_target: float, cells: Mapping[str, Mapping[str, float]]
) -> Table:
    """The lecture's table: 3 rows (human level, trained on, not trained on) x 2 distributions.

    Args:
        human_general, human_target: human-level (Bayes) error on each distribution.
        cells: what ``two_distribution_errors`` returns.

    Returns:
        A ``course_lib.tables.Table`` with percentages.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 5.
    """
    rows = [
        ["human level", _percent(human_general), _percent(human_target)],
        [
            "error on examples trained on",
            _percent(cells["general"]["trained on"]),
            _percent(cells["target"]["trained on"]),
        ],
        [
            "error on examples not trained on",
            _percent(cells["general"]["not trained on"]),
            _percent(cells["target"]["not trained on"]),
        ],
    ]
    return Table(
        ["", "general distribution (web clips)", "target distribution (app clips)"],
        rows,
        title="Errors by distribution: read across for the mismatch, down for bias and variance",
    )


# --- error analysis of the mismatch ---------------------------------------------------------


def rumble_filter(X, cutoff: int = RUMBLE_CUTOFF) -> np.ndarray:
    """A hand-designed high-pass filter: delete frequency bins 0..cutoff of every clip.

    It removes most of the car rumble, and with it part of the word "yes" (3 cycles).

    Args:
        X: (n_x, m) clips. cutoff: the highest frequency bin (cycles per clip) removed.

    Returns:
        (n_x, m) filtered clips.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 2.
    """
    X = require_shape("X", X, (N_X, None), "(n_x, m)")
    spectrum = np.fft.rfft(X, axis=0)
    spectrum[: _check_count("cutoff", cutoff) + 1] = 0.0
    return np.fft.irfft(spectrum, n=X.shape[0], axis=0)


def power_spectrum(X) -> np.ndarray:
    """The average power of the clips in each frequency bin (0 .. n_x / 2 cycles per clip).

    Args:
        X: (n_x, m) clips, m >= 1.

    Returns:
        (n_x // 2 + 1,) array: mean of |FFT|^2 / n_x over the m clips.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    X = require_shape("X", X, (N_X, None), "(n_x, m)")
    if X.shape[1] == 0:
        raise ValueError("X must hold at least one clip; got (n_x, 0).")
    return np.mean(np.abs(np.fft.rfft(X, axis=0)) ** 2, axis=1) / X.shape[0]


def rumble_energy(X, cutoff: int = RUMBLE_CUTOFF) -> np.ndarray:
    """How loud each clip is in the rumble band (frequency bins 0..cutoff).

    Args:
        X: (n_x, m) clips. cutoff: the top bin of the band.

    Returns:
        (1, m) array: the power of each clip in the band.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    X = require_shape("X", X, (N_X, None), "(n_x, m)")
    power = np.abs(np.fft.rfft(X, axis=0)[: _check_count("cutoff", cutoff) + 1]) ** 2
    return power.sum(axis=0, keepdims=True) / X.shape[0]


def error_analysis(
    parameters, sets: Mapping[str, Part], threshold: float | None = None
) -> dict[str, dict[str, float]]:
    """Manual error analysis in miniature: which clips are loud, and which errors are?

    A clip counts as "loud rumble" when its ``rumble_energy`` exceeds ``threshold`` (by
    default the 99th percentile over the web clips of the training set, so about 1 % of web
    clips count as loud).

    Args:
        parameters: a trained network. sets: name -> ``Part`` (e.g. train-dev and dev; a
            "train" part is needed when no threshold is given).
        threshold: the loudness above which a clip is flagged.

    Returns:
        {"threshold": float, name: {"clips": m, "errors": number misclassified,
        "loud clips": share of the clips flagged, "loud errors": share of the errors
        flagged}} for every set.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 7.
    """
    if threshold is None:
        if "train" not in sets:
            raise ValueError("give a threshold, or sets with a 'train' part to derive it from.")
        threshold = float(np.percentile(rumble_energy(sets["train"].only(WEB).X), 99))
    report: dict = {"threshold": float(threshold)}
    for name, part in sets.items():
        wrong = (models.predict(part.X, parameters) != part.Y)[0]
        loud = rumble_energy(part.X)[0] > threshold
        report[name] = {
            "clips": part.m,
            "errors": int(wrong.sum()),
            "loud clips": float(loud.mean()) if part.m else float("nan"),
            "loud errors": float(loud[wrong].mean()) if wrong.any() else float("nan"),
        }
    return report


# --- one complete experiment (what the dashboard runs) --------------------------------------


def mismatch_experiment(
    shift: float = DEFAULT_SHIFT,
    *,
    m_web: int = 3000,
    m_app_train: int = 150,
    m_dev: int = 1000,
    m_test: int = 1000,
    m_train_dev: int = 500,
    hidden_layers: Sequence[int] = (16,),
    num_iterations: int = 400,
    learning_rate: float = 0.5,
    seed: int = 0,
    noise_pool=None,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Build the four sets, train one network on train, measure and diagnose every gap.

    Args:
        shift: the app's car-noise level. m_web ... m_train_dev: as in ``make_sets``.
        hidden_layers, num_iterations, learning_rate: the network and its training budget.
        seed: data and initialisation seed. noise_pool: optional pool for synthesis.
        progress: optional callable receiving the finished fraction of training.

    Returns:
        {"shift", "sets", "parameters", "errors" (train, train-dev, dev, test), "human"
        (human level of the training mix, ``human_level_of``), "human_general" (web clips),
        "human_target" (app clips), "gaps", "largest", "cells" (two-distribution table)}.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 6.
    """
    sets = make_sets(m_web, m_app_train, m_dev, m_test, m_train_dev, shift, seed, noise_pool)
    parameters = train_network(
        sets["train"].X,
        sets["train"].Y,
        hidden_layers,
        num_iterations,
        learning_rate,
        seed=seed,
        progress=progress,
    )
    errors = measure_errors(parameters, sets)
    human = human_level_of(sets["train"], shift)
    gaps, largest = diagnose_gaps(
        human, errors["train"], errors["train-dev"], errors["dev"], errors["test"]
    )
    return {
        "shift": float(shift),
        "sets": sets,
        "parameters": parameters,
        "errors": errors,
        "human": human,
        "human_general": human_level_error(0.0),
        "human_target": human_level_error(shift),
        "gaps": gaps,
        "largest": largest,
        "cells": two_distribution_errors(parameters, sets),
    }


# --- plots -----------------------------------------------------------------------------------


def plot_error_levels(
    ax,
    human: float,
    errors: Mapping[str, float],
    human_target: float | None = None,
    top: float | None = None,
):
    """The error staircase: human level, train, train-dev, dev, test, with each gap named.

    Bars show the five error levels; between two neighbouring bars a vertical arrow spans
    the gap from one level to the next and names the problem it measures.

    Args:
        ax: a matplotlib Axes. human: human-level error on the training distribution.
        errors: {"train", "train-dev", "dev", "test"} error rates.
        human_target: optional human-level error on the target (app) distribution, drawn
            as a dashed line over the dev and test bars and named in an upper-left legend.
        top: optional fixed top of the y axis in percent (so several plots compare).

    Returns:
        The bar container.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    names = ["human level", "train", "train-dev", "dev", "test"]
    values = [100 * v for v in (human, errors["train"], errors["train-dev"], errors["dev"])]
    values.append(100 * errors["test"])
    colours = ["0.55", "C0", "C0", "C1", "C1"]
    bars = ax.bar(range(5), values, color=colours, width=0.5)
    top = float(top) if top is not None else max(1.35 * max(values), 5.0)
    for x, value in enumerate(values):
        ax.text(x, value + 0.015 * top, f"{value:.1f} %", ha="center", fontsize=8)
    short = ["avoidable\nbias", "variance", "data\nmismatch", "dev\noverfitting"]
    gaps = error_gaps(*(v / 100 for v in values))
    for x, (label, gap) in enumerate(zip(short, gaps.values())):
        low, high = values[x], values[x + 1]
        ax.annotate(
            "",
            xy=(x + 0.5, high),
            xytext=(x + 0.5, low),
            arrowprops={"arrowstyle": "-|>", "color": "C3", "lw": 1.3, "shrinkA": 0, "shrinkB": 0},
        )
        ax.text(
            x + 0.5,
            max(low, high) + 0.07 * top,
            f"{label}\n{round(100 * gap, 1) + 0.0:+.1f}",
            ha="center",
            fontsize=9,
            color="C3",
        )
    if human_target is not None:  # named in a legend over the low bars, clear of the data
        ax.plot([2.7, 4.3], [100 * human_target] * 2, "k--", lw=1, label="human level (app clips)")
        ax.legend(loc="upper left", fontsize=9)
    ax.set_xticks(range(5), names)
    ax.set_xlim(-0.5, 4.6)
    ax.set_ylim(0, top)
    ax.set_ylabel("error (%)")
    return bars
