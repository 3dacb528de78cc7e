"""Auto-checks for the neural style transfer exercises (NumPy, the course's function names).

The learner writes the course's ``compute_content_cost(content_output, generated_output)``,
``gram_matrix(A)``, ``compute_layer_style_cost(a_S, a_G)`` and
``total_cost(J_content, J_style, alpha=10, beta=40)``. The cases pass NumPy arrays (float64);
a result may be a number, a NumPy array or a TensorFlow tensor (it is compared as a number).
Each check knows the classic slips of its exercise and names the one a learner made.

Taught in: notebooks/c4_convnets/15_neural_style_transfer.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import style_transfer as st
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = [
    "check_compute_content_cost",
    "check_gram_matrix",
    "check_compute_layer_style_cost",
    "check_total_cost",
    "content_cost_variant",
    "layer_style_cost_variant",
]


def _last(outputs):
    return np.asarray(outputs[-1] if isinstance(outputs, list | tuple) else outputs[-1])


def content_cost_variant(slip: str | None = None):
    """The course's content cost with one classic slip switched on (the check's diagnoses).

    ``slip``: None (correct), "no square" (sum of the differences), "abs" (sum of their
    absolute values), "mean" (1/(n_H n_W n_C): the 4 forgotten), "lecture" (the lecture's
    1/2 ||a_C - a_G||^2 instead of the assignment's normaliser), "first layer" (the first
    element of the output lists instead of the last).
    """

    def compute_content_cost(content_output, generated_output):
        pick = (lambda o: np.asarray(o[0])) if slip == "first layer" else _last
        a_C, a_G = pick(content_output), pick(generated_output)
        _, n_H, n_W, n_C = a_G.shape
        diff = a_C - a_G
        total = {"no square": np.sum(diff), "abs": np.sum(np.abs(diff))}.get(slip, np.sum(diff**2))
        if slip == "mean":
            return float(total / (n_H * n_W * n_C))
        if slip == "lecture":
            return float(total / 2)
        return float(total / (4 * n_H * n_W * n_C))

    return compute_content_cost


def layer_style_cost_variant(slip: str | None = None):
    """The course's one-layer style cost with one classic slip switched on.

    ``slip``: None (correct), "direct reshape" (a reshaped straight to (n_C, n_H*n_W), which
    mixes positions and channels), "no square" (sum of G_S - G_G), "not squared normaliser"
    (1/(2 n_H n_W n_C) instead of its square), "A^T A" (Gram matrices of positions).
    """

    def compute_layer_style_cost(a_S, a_G):
        a_S, a_G = np.asarray(a_S, np.float64), np.asarray(a_G, np.float64)
        _, n_H, n_W, n_C = a_G.shape
        if slip == "direct reshape":
            A_S, A_G = a_S.reshape(n_C, n_H * n_W), a_G.reshape(n_C, n_H * n_W)
        else:
            A_S, A_G = a_S.reshape(n_H * n_W, n_C).T, a_G.reshape(n_H * n_W, n_C).T
        if slip == "A^T A":
            GS, GG = A_S.T @ A_S, A_G.T @ A_G
        else:
            GS, GG = A_S @ A_S.T, A_G @ A_G.T
        total = np.sum(GS - GG) if slip == "no square" else np.sum((GS - GG) ** 2)
        if slip == "not squared normaliser":
            return float(total / (2 * n_H * n_W * n_C))
        return float(total / (2 * n_H * n_W * n_C) ** 2)

    return compute_layer_style_cost


def _content_cases() -> list[Case]:
    rng = np.random.default_rng(11)
    cases = []
    for shape, first in (((1, 4, 4, 3), (1, 8, 8, 2)), ((1, 2, 3, 5), (1, 4, 6, 3))):
        C = [rng.normal(1, 4, first), rng.normal(1, 4, shape)]
        G = [rng.normal(1, 4, first), rng.normal(1, 4, shape)]
        text = (f"content_output and generated_output lists of 2 layer outputs, the last (the "
                f"content layer) of shape {shape}")  # fmt: skip
        cases.append(Case(text, (C, G)))
    a_C, a_G = rng.normal(1, 4, (1, 1, 4, 4, 3)), rng.normal(1, 4, (1, 1, 4, 4, 3))
    cases.append(Case("stacked outputs of shape (1, 1, 4, 4, 3), as in the course's test",
                      (a_C, a_G)))  # fmt: skip
    return cases


_CONTENT_SLIPS = [
    Slip("the differences are not squared",
         "J_content sums the SQUARED differences: np.sum((a_C - a_G) ** 2).",
         content_cost_variant("no square")),
    Slip("the sum of absolute differences instead of squares",
         "square each difference, (a_C - a_G) ** 2; np.abs gives a different cost.",
         content_cost_variant("abs")),
    Slip("the normaliser is 1/(n_H n_W n_C): the 4 is missing",
         "divide by 4 * n_H * n_W * n_C, the assignment's normalisation.",
         content_cost_variant("mean")),
    Slip("the lecture's 1/2 ||a_C - a_G||^2",
         "the lecture's constant 1/2 is fine on paper (alpha absorbs it), but the exercise "
         "uses 1/(4 n_H n_W n_C); read n_H, n_W, n_C from a_G.shape.",
         content_cost_variant("lecture")),
    Slip("the first layer output is used instead of the last",
         "the content layer's activation is the LAST element: a_C = content_output[-1], "
         "a_G = generated_output[-1].", content_cost_variant("first layer")),
]  # fmt: skip


def check_compute_content_cost(learner_fn) -> CheckResult:
    """Check the learner's ``compute_content_cost(content_output, generated_output)``.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 3.
    """
    return check_function("compute_content_cost", learner_fn, st.compute_content_cost,
                          _content_cases(), rtol=1e-6, atol=1e-8, slips=_CONTENT_SLIPS)  # fmt: skip


def _gram_cases() -> list[Case]:
    rng = np.random.default_rng(12)
    cases = [Case(f"A of shape {s} (n_C, n_H*n_W)", (rng.normal(1, 4, s),))
             for s in ((3, 2), (4, 9), (2, 6))]  # fmt: skip
    return cases


_GRAM_SLIPS = [
    Slip("A^T A instead of A A^T",
         "the Gram matrix compares CHANNELS: with one row per channel, G = A @ A.T has shape "
         "(n_C, n_C); A.T @ A compares positions.", lambda A: np.asarray(A).T @ np.asarray(A)),
    Slip("the element-wise product A * A",
         "use a matrix product (A @ A.T or np.dot(A, A.T)), not *.",
         lambda A: np.asarray(A) * np.asarray(A)),
]  # fmt: skip


def check_gram_matrix(learner_fn) -> CheckResult:
    """Check the learner's ``gram_matrix(A)`` for A (n_C, n_H*n_W).

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 4.
    """
    return check_function("gram_matrix", learner_fn, st.gram_matrix, _gram_cases(),
                          rtol=1e-6, atol=1e-8, slips=_GRAM_SLIPS)  # fmt: skip


def _style_cases() -> list[Case]:
    rng = np.random.default_rng(13)
    return [Case(f"a_S and a_G of shape {s}", (rng.normal(1, 4, s), rng.normal(1, 4, s)))
            for s in ((1, 4, 4, 3), (1, 2, 3, 4), (1, 3, 5, 2))]  # fmt: skip


_STYLE_SLIPS = [
    Slip("a reshaped straight to (n_C, n_H*n_W)",
         "that reshape mixes pixels and channels (a row is not one channel). Reshape to "
         "(n_H*n_W, n_C) first, then transpose: a.reshape(-1, n_C).T.",
         layer_style_cost_variant("direct reshape")),
    Slip("the differences of the Gram matrices are not squared",
         "sum the SQUARED entries: np.sum((GS - GG) ** 2).",
         layer_style_cost_variant("no square")),
    Slip("the normaliser 1/(2 n_H n_W n_C) is not squared",
         "the factor is 1/(2 n_H n_W n_C)^2 = 1/(4 n_C^2 (n_H n_W)^2).",
         layer_style_cost_variant("not squared normaliser")),
    Slip("the Gram matrices are A^T A (positions) instead of A A^T (channels)",
         "with A of shape (n_C, n_H*n_W), G = A @ A.T is (n_C, n_C).",
         layer_style_cost_variant("A^T A")),
]  # fmt: skip


def check_compute_layer_style_cost(learner_fn) -> CheckResult:
    """Check the learner's ``compute_layer_style_cost(a_S, a_G)`` (1, n_H, n_W, n_C) each.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 5.
    """
    return check_function("compute_layer_style_cost", learner_fn, st.compute_layer_style_cost,
                          _style_cases(), rtol=1e-6, atol=1e-8, slips=_STYLE_SLIPS)  # fmt: skip


_TOTAL_CASES = [
    Case("J_content = 0.2, J_style = 0.8 with the default alpha and beta", (0.2, 0.8)),
    Case("J_content = 1.5, J_style = 0.25, alpha = 3, beta = 7", (1.5, 0.25),
         {"alpha": 3, "beta": 7}),
]  # fmt: skip
_TOTAL_SLIPS = [
    Slip("alpha and beta swapped",
         "alpha weighs the CONTENT cost and beta the STYLE cost: "
         "J = alpha * J_content + beta * J_style.",
         lambda J_content, J_style, alpha=10, beta=40: beta * J_content + alpha * J_style),
    Slip("the default weights are not alpha = 10, beta = 40",
         "keep the course's defaults in the signature: total_cost(J_content, J_style, "
         "alpha=10, beta=40).",
         lambda J_content, J_style, alpha=None, beta=None: (
             (1 if alpha is None else alpha) * J_content + (1 if beta is None else beta) * J_style
         )),
]  # fmt: skip


def check_total_cost(learner_fn) -> CheckResult:
    """Check the learner's ``total_cost(J_content, J_style, alpha=10, beta=40)``.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 2.
    """
    return check_function("total_cost", learner_fn, st.total_cost, _TOTAL_CASES, rtol=1e-6,
                          atol=1e-9, slips=_TOTAL_SLIPS)  # fmt: skip
