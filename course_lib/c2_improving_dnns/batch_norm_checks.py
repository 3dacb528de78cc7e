"""Auto-checks for the batch-norm exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import tuning
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_batchnorm_forward_train", "check_sample_learning_rate"]


def _reference_train(Z, gamma, beta, epsilon=bn.DEFAULT_EPSILON):
    """Training-mode batch norm: Z (n, m), gamma, beta (n, 1) -> Z_tilde (n, m)."""
    return bn.batchnorm_forward(Z, gamma, beta, {"mode": "train", "epsilon": epsilon})[0]


def _bn_cases(seed: int = 4) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases = [
        Case(
            "a (2, 4) Z with gamma = 1, beta = 0",
            (
                np.array([[1.0, 2.0, 3.0, 6.0], [-1.0, 0.0, 0.0, 1.0]]),
                np.ones((2, 1)),
                np.zeros((2, 1)),
            ),
        )
    ]
    for n, m, eps in [(3, 5, 1e-8), (6, 32, 1e-3)]:
        Z = rng.standard_normal((n, m)) * rng.uniform(0.5, 4, (n, 1)) + rng.standard_normal((n, 1))
        cases.append(
            Case(
                f"a random Z of shape ({n}, {m}) with epsilon = {eps}",
                (Z, rng.uniform(0.5, 2, (n, 1)), rng.standard_normal((n, 1))),
                {"epsilon": eps},
            )
        )
    return cases


def _bn_variant(
    axis=1, ddof=0, centred=True, root="inside", affine="gamma, beta", fixed_epsilon=False
):
    """batchnorm_forward_train with one classic slip switched on (the check's diagnoses).

    ``axis`` of the averages, ``ddof=1`` divides the variance by m - 1, ``centred=False``
    takes the mean of Z**2, ``root``: "inside" (sqrt(sigma^2 + eps)), "outside" (sqrt(sigma^2)
    + eps) or "none" (sigma^2 + eps); ``affine``: "gamma, beta", "none" or "swapped".
    """

    def forward(Z, gamma, beta, epsilon=bn.DEFAULT_EPSILON):
        if fixed_epsilon:
            epsilon = bn.DEFAULT_EPSILON
        m = Z.shape[axis]
        mu = np.sum(Z, axis=axis, keepdims=True) / m
        spread = (Z - mu) if centred else Z
        sigma2 = np.sum(spread**2, axis=axis, keepdims=True) / (m - ddof)
        below = {
            "inside": np.sqrt(sigma2 + epsilon),
            "outside": np.sqrt(sigma2) + epsilon,
            "none": sigma2 + epsilon,
        }[root]
        Z_norm = (Z - mu) / below
        if affine == "none":
            return Z_norm
        if affine == "swapped":
            return beta * Z_norm + gamma
        return gamma * Z_norm + beta

    return forward


_BN_SLIPS = [
    Slip(
        "the mean and variance over the units (axis=0) instead of the examples",
        "average each unit over the m examples of the mini-batch: np.mean(Z, axis=1, "
        "keepdims=True), shape (n, 1).",
        _bn_variant(axis=0),
    ),
    Slip(
        "the variance divided by m - 1",
        "sigma^2 = np.mean((Z - mu)**2, axis=1, keepdims=True): divide by m, not m - 1 "
        "(np.var's default ddof=0 is right; ddof=1 is not).",
        _bn_variant(ddof=1),
    ),
    Slip(
        "sigma^2 taken as the mean of Z**2",
        "sigma^2 is the mean of (Z - mu)**2: subtract the mean before squaring.",
        _bn_variant(centred=False),
    ),
    Slip(
        "epsilon added outside the square root",
        "epsilon goes inside the square root: Z_norm = (Z - mu) / np.sqrt(sigma^2 + epsilon).",
        _bn_variant(root="outside"),
    ),
    Slip(
        "Z - mu divided by the variance",
        "divide by the standard deviation np.sqrt(sigma^2 + epsilon), not by sigma^2 + epsilon.",
        _bn_variant(root="none"),
    ),
    Slip(
        "Z_norm returned without gamma and beta",
        "finish with gamma * Z_norm + beta: the learned scale and shift let the layer choose "
        "the mean and spread of Z_tilde.",
        _bn_variant(affine="none"),
    ),
    Slip(
        "gamma and beta swapped",
        "gamma scales and beta shifts: Z_tilde = gamma * Z_norm + beta.",
        _bn_variant(affine="swapped"),
    ),
    Slip(
        "a fixed epsilon = 1e-8 instead of the argument",
        "use the epsilon argument (the check passes 1e-3, Keras' value), not a fixed 1e-8.",
        _bn_variant(fixed_epsilon=True),
    ),
]


def check_batchnorm_forward_train(learner_fn) -> CheckResult:
    """Check a learner's ``batchnorm_forward_train(Z, gamma, beta, epsilon) -> Z_tilde``.

    The classic slips (axis 0, m - 1, the mean of Z**2, epsilon outside the root or no
    root, no or swapped gamma and beta, a fixed epsilon) get their own hints; the case
    with epsilon = 1e-3 is where epsilon's place and value show.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 6.
    """
    return check_function(
        "batchnorm_forward_train",
        learner_fn,
        _reference_train,
        _bn_cases(),
        slips=_BN_SLIPS,
        hints={
            "has shape": (
                "mu and sigma^2 are per unit: np.mean(Z, axis=1, keepdims=True) has shape (n, 1)."
            ),
            "could not be broadcast": (
                "average with keepdims=True: np.mean(Z, axis=1, keepdims=True) has shape "
                "(n, 1) and broadcasts against Z; without it the shape is (n,)."
            ),
            "differs": (
                "per row: mu = mean over the m columns, sigma^2 = mean of (Z - mu)**2 (divide"
                " by m, not m - 1), Z_norm = (Z - mu) / np.sqrt(sigma^2 + epsilon), then"
                " gamma * Z_norm + beta."
            ),
        },
    )


def _reference_sample(low, high, size, seed):
    return tuning.sample_log_uniform(low, high, size, np.random.default_rng(seed))


def _sample_variant(draw="default_rng", scale="log10", r_of="from b", power=True):
    """sample_learning_rate with one classic slip switched on (the check's diagnoses).

    ``draw``: "default_rng" or "legacy" (np.random.seed + rand); ``scale``: "log10",
    "ln" (np.log with 10 ** r) or "linear"; ``r_of``: "from b" (b - (b - a) u), "from a"
    (a + (b - a) u) or "lecture" (-4 u); ``power=False`` returns r.
    """

    def sample(low, high, size, seed):
        if draw == "legacy":
            np.random.seed(seed)  # noqa: NPY002
            u = np.random.rand(size)  # noqa: NPY002
        else:
            u = np.random.default_rng(seed).random(size)
        if scale == "linear":
            return low + (high - low) * u
        log = np.log if scale == "ln" else np.log10
        a, b = log(low), log(high)
        r = {"from b": b - (b - a) * u, "from a": a + (b - a) * u, "lecture": -4 * u}[r_of]
        return 10**r if power else r

    return sample


_SAMPLE_SLIPS = [
    Slip(
        "alpha sampled uniformly between low and high",
        "sample the exponent r uniformly, then return 10 ** r: low + (high - low) * u puts "
        "about 90 % of the trials in the top decade.",
        _sample_variant(scale="linear"),
    ),
    Slip(
        "the natural log with 10 ** r",
        "use np.log10, not np.log: r is a power of 10, so a = np.log10(low), b = np.log10(high).",
        _sample_variant(scale="ln"),
    ),
    Slip(
        "the lecture's r = -4 u for every range",
        "r = -4 * u only fits [1e-4, 1]; for any range use a = np.log10(low), "
        "b = np.log10(high) and r = b - (b - a) * u.",
        _sample_variant(r_of="lecture"),
    ),
    Slip(
        "r = a + (b - a) u",
        "that samples the same distribution, but the exercise fixes the formula so your "
        "numbers can be compared: r = b - (b - a) * u.",
        _sample_variant(r_of="from a"),
    ),
    Slip(
        "the exponent r returned",
        "return 10 ** r, not r: r is the log10 of the learning rate.",
        _sample_variant(power=False),
    ),
    Slip(
        "u drawn from the legacy np.random.seed / np.random.rand",
        "draw u with np.random.default_rng(seed).random(size), as the exercise says; the "
        "legacy np.random.seed + np.random.rand gives other numbers.",
        _sample_variant(draw="legacy"),
    ),
]


def check_sample_learning_rate(learner_fn) -> CheckResult:
    """Check ``sample_learning_rate(low, high, size, seed)``: 10**r, r = b - (b - a) * u.

    The learner must draw u with ``np.random.default_rng(seed).random(size)``. The second
    range is not [1e-4, 1], so the lecture's r = -4 u fails; each classic slip (uniform
    sampling, np.log, -4 u, a + (b - a) u, returning r, the legacy generator) gets its own
    hint.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 3.
    """
    cases = [
        Case("the lecture's range [1e-4, 1], 5 draws", (1e-4, 1.0, 5, 0)),
        Case("the range [1e-3, 1e-1], 8 draws", (1e-3, 1e-1, 8, 3)),
    ]
    return check_function(
        "sample_learning_rate",
        learner_fn,
        _reference_sample,
        cases,
        slips=_SAMPLE_SLIPS,
        hints={"differs": "a = log10(low), b = log10(high), r = b - (b - a) * u, return 10 ** r."},
    )
