"""Auto-checks for the optimisation exercises; each compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/05_optimization.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import mini_batches, optimizers
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_update_parameters_with_adam", "check_random_mini_batches"]


def _adam_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    cases = []
    for dims, t in [([3, 2], 1), ([4, 3, 1], 2), ([5, 4, 3, 1], 10)]:
        params, grads, v, s = {}, {}, {}, {}
        for l in range(1, len(dims)):
            for kind, shape in (("W", (dims[l], dims[l - 1])), ("b", (dims[l], 1))):
                params[f"{kind}{l}"] = rng.standard_normal(shape)
                grads[f"d{kind}{l}"] = rng.standard_normal(shape)
                # Non-zero moments, so updating s from v is caught.
                v[f"d{kind}{l}"] = rng.standard_normal(shape) * 0.1
                s[f"d{kind}{l}"] = rng.random(shape) * 0.1
        # The biases see tiny gradients and moments (sqrt(s) ~ 1e-11, far below epsilon),
        # so epsilon inside the square root changes their step by orders of magnitude.
        for l in range(1, len(dims)):
            grads[f"db{l}"] *= 1e-9
            v[f"db{l}"] *= 1e-9
            s[f"db{l}"] *= 1e-20
        cases.append(
            Case(
                f"layers {dims} at step t = {t} (tiny gradients for the b's)",
                (params, grads, v, s, t),
                {"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
            )
        )
    return cases


def _adam_variant(
    eps_inside=False,
    correct=True,
    use_corrected=True,
    t_of=lambda t: t,
    s_beta=None,
    s_from_v="",
    sign=-1.0,
):
    """An Adam step with one of the classic slips switched on (the check's diagnoses)."""

    def step(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
        new, v_new, s_new, v_corr, s_corr = {}, {}, {}, {}, {}
        for name, p in parameters.items():
            k, g = "d" + name, grads["d" + name]
            v_new[k] = beta1 * v[k] + (1 - beta1) * g
            keep, mix = (beta2, 1 - beta2) if s_beta is None else s_beta(beta1, beta2)
            # s from v: the v just updated (the course's order) or the one passed in.
            source = {"new": v_new[k], "old": v[k]}.get(s_from_v, s[k])
            s_new[k] = keep * source + mix * g**2
            tt = t_of(t)
            v_corr[k] = v_new[k] / (1 - beta1**tt) if correct else v_new[k]
            s_corr[k] = s_new[k] / (1 - beta2**tt) if correct else s_new[k]
            vv, ss = (v_corr[k], s_corr[k]) if use_corrected else (v_new[k], s_new[k])
            root = np.sqrt(ss + epsilon) if eps_inside else np.sqrt(ss) + epsilon
            new[name] = p + sign * learning_rate * vv / root
        return new, v_new, s_new, v_corr, s_corr

    return step


_BIAS_HINT = (
    "divide v by (1 - beta1**t) and s by (1 - beta2**t), and use these corrected values "
    "in the update of W and b; v and s themselves stay uncorrected."
)
_T_HINT = (
    "the corrections use the argument t, the number of this update (1, 2, 3, ...): "
    "1 - beta1**t and 1 - beta2**t, with t as given (the caller counts it)."
)
_ADAM_SLIPS = [
    Slip(
        "epsilon inside the square root",
        "W -= alpha * v_corrected / (np.sqrt(s_corrected) + epsilon): epsilon goes outside "
        "np.sqrt; it only guards against a division by zero.",
        _adam_variant(eps_inside=True),
    ),
    Slip("no bias correction", _BIAS_HINT, _adam_variant(correct=False, use_corrected=False)),
    Slip(
        "the corrected moments are computed but the update uses v and s",
        _BIAS_HINT,
        _adam_variant(use_corrected=False),
    ),
    Slip("the corrections ignore t (t fixed at 1)", _T_HINT, _adam_variant(t_of=lambda t: 1)),
    Slip(
        "t is incremented inside the update (t + 1)", _T_HINT, _adam_variant(t_of=lambda t: t + 1)
    ),
    Slip(
        "s uses (1 - beta1) instead of (1 - beta2)",
        "s = beta2 * s + (1 - beta2) * dW**2: the second moment uses beta2 in both places.",
        _adam_variant(s_beta=lambda b1, b2: (b2, 1 - b1)),
    ),
    Slip(
        "s uses beta1 instead of beta2",
        "s = beta2 * s + (1 - beta2) * dW**2: beta1 belongs to v, beta2 to s.",
        _adam_variant(s_beta=lambda b1, b2: (b1, 1 - b1)),
    ),
    Slip(
        "s is computed from v",
        "s is updated from s itself: s = beta2 * s + (1 - beta2) * dW**2, not beta2 * v + ...",
        _adam_variant(s_from_v="new"),
    ),
    Slip(
        "s is computed from v",
        "s is updated from s itself: s = beta2 * s + (1 - beta2) * dW**2, not beta2 * v + ...",
        _adam_variant(s_from_v="old"),
    ),
    Slip(
        "the update has the wrong sign",
        "W := W - alpha * v_corrected / (np.sqrt(s_corrected) + epsilon): subtract the step "
        "(gradient descent goes downhill).",
        _adam_variant(sign=1.0),
    ),
]


def check_update_parameters_with_adam(learner_fn) -> CheckResult:
    """Check a learner's ``update_parameters_with_adam(parameters, grads, v, s, t, ...)``.

    Each classic slip (epsilon inside the square root, no bias correction, t ignored or
    incremented, (1 - beta1) or beta1 in s, s from v, the wrong sign) is diagnosed from the
    learner's numbers and gets its own hint.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    return check_function(
        "update_parameters_with_adam",
        learner_fn,
        optimizers.update_parameters_with_adam,
        _adam_cases(),
        output_names=("parameters", "v", "s", "v_corrected", "s_corrected"),
        slips=_ADAM_SLIPS,
        hints={
            ", s['": "s is updated from s itself: s = beta2 * s + (1 - beta2) * dW**2.",
            "v_corrected": "v_corrected = v / (1 - beta1**t), with t the update number given.",
            "s_corrected": "s_corrected = s / (1 - beta2**t).",
            ", v['": "v = beta1 * v + (1 - beta1) * dW.",
            "parameters": "W -= alpha * v_corrected / (np.sqrt(s_corrected) + epsilon).",
        },
    )


def _mini_batch_variant(y_perm="same", shuffle=True, last="kept", m_axis=1, short=0):
    """random_mini_batches with one classic slip switched on (the check's diagnoses).

    ``y_perm``: "same", "own" (a second permutation) or "none" for Y; ``shuffle=False``
    partitions X and Y as given; ``last``: "kept", "dropped" or "always" (an empty batch
    when m is a multiple of the size); ``m_axis=0`` takes m from X.shape[0]; ``short``
    ends each full batch that many columns early.
    """

    def batches_of(X, Y, mini_batch_size=64, seed=0):
        np.random.seed(seed)  # noqa: NPY002 - the course's shuffle
        m = X.shape[m_axis]
        permutation = list(np.random.permutation(m))  # noqa: NPY002
        Xs = X[:, permutation]
        Ys = {
            "same": lambda: Y[:, permutation],
            "own": lambda: Y[:, list(np.random.permutation(m))],  # noqa: NPY002
            "none": lambda: Y[:, :m],
        }[y_perm]()
        if not shuffle:
            Xs, Ys = X, Y
        size, full = mini_batch_size, m // mini_batch_size
        batches = [
            (Xs[:, k * size : (k + 1) * size - short], Ys[:, k * size : (k + 1) * size - short])
            for k in range(full)
        ]
        if last == "always" or (last == "kept" and m % size):
            batches.append((Xs[:, full * size : m], Ys[:, full * size : m]))
        return batches

    return batches_of


_SAME_PERMUTATION = (
    "use the same permutation for X and Y: shuffled_Y = Y[:, permutation], so each label "
    "stays with its example."
)
_MINI_BATCH_SLIPS = [
    Slip("Y shuffled with a second permutation", _SAME_PERMUTATION, _mini_batch_variant("own")),
    Slip("Y left unshuffled", _SAME_PERMUTATION, _mini_batch_variant("none")),
    Slip(
        "the columns partitioned without shuffling",
        "shuffle before you partition: np.random.seed(seed), permutation = "
        "list(np.random.permutation(m)), then X[:, permutation] and Y[:, permutation].",
        _mini_batch_variant(shuffle=False),
    ),
    Slip(
        "the last, smaller mini-batch left out",
        "keep the last, smaller mini-batch: when m is not a multiple of mini_batch_size, the "
        "m mod mini_batch_size columns left over make one more batch.",
        _mini_batch_variant(last="dropped"),
    ),
    Slip(
        "an empty last batch when m is a multiple of the size",
        "add the last batch only when m % mini_batch_size != 0 (no empty batch).",
        _mini_batch_variant(last="always"),
    ),
    Slip(
        "m taken from X.shape[0], the number of features",
        "the examples are the columns: m = X.shape[1], and np.random.permutation(m) shuffles them.",
        _mini_batch_variant(m_axis=0),
    ),
    Slip(
        "each full batch one column short",
        "batch k is X[:, k * mini_batch_size : (k + 1) * mini_batch_size]: the end of a "
        "slice is not included, so no - 1.",
        _mini_batch_variant(short=1),
    ),
]


def check_random_mini_batches(learner_fn) -> CheckResult:
    """Check a learner's ``random_mini_batches(X, Y, mini_batch_size, seed)``.

    The sizes cover a partial last batch (148 = 2 * 64 + 20, 10 = 3 * 3 + 1), an exact
    multiple (128, and size 1), so both ways of getting the last batch wrong fail; each
    classic slip (Y shuffled differently or not at all, no shuffle, the last batch left
    out or always added, m from X.shape[0], slices one short) gets its own hint.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    rng = np.random.default_rng(5)
    cases = []
    for n_x, m, size in [(3, 148, 64), (2, 128, 64), (4, 10, 3), (2, 5, 1)]:
        X = rng.standard_normal((n_x, m))
        Y = (rng.random((1, m)) > 0.5).astype(float)
        cases.append(
            Case(
                f"X of shape ({n_x}, {m}) with mini_batch_size = {size}",
                (X, Y),
                {"mini_batch_size": size, "seed": 0},
            )
        )
    return check_function(
        "random_mini_batches",
        learner_fn,
        mini_batches.random_mini_batches,
        cases,
        rtol=0,
        atol=0,
        slips=_MINI_BATCH_SLIPS,
        hints={
            "should be a list": "the last batch holds the m mod mini_batch_size columns "
            "left over; leave it out when m is a multiple of the size.",
            "differs": "seed first (np.random.seed(seed)), then shuffle the columns of X "
            "and Y with the same permutation.",
            "out of bounds": "shuffle the columns (the examples), not the rows: "
            "X[:, permutation] and Y[:, permutation].",
        },
    )
