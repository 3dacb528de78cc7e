"""The NST lesson's exercise checks fail the slips the lesson names, each with its own hint.

The learner functions are written here the way a learner would write the course's NumPy
exercises (not taken from the checks), with one slip switched on by ``slip=...``.
"""

from __future__ import annotations

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import style_transfer as st
from course_lib.c4_convnets import style_transfer_checks as sc


def learner_content_cost(slip=None):
    def compute_content_cost(content_output, generated_output):
        a_C = content_output[0] if slip == "first" else content_output[-1]
        a_G = generated_output[0] if slip == "first" else generated_output[-1]
        m, n_H, n_W, n_C = a_G.shape
        if slip == "no square":
            return np.sum(a_C - a_G) / (4 * n_H * n_W * n_C)
        if slip == "abs":
            return np.sum(np.abs(a_C - a_G)) / (4 * n_H * n_W * n_C)
        if slip == "mean":
            return np.mean(np.square(a_C - a_G))
        if slip == "lecture":
            return 0.5 * np.sum(np.square(a_C - a_G))
        return np.sum(np.square(a_C - a_G)) / (4 * n_H * n_W * n_C)

    return compute_content_cost


def learner_gram(slip=None):
    def gram_matrix(A):
        if slip == "ATA":
            return np.dot(A.T, A)
        if slip == "elementwise":
            return A * A
        return np.dot(A, A.T)

    return gram_matrix


def learner_layer_style_cost(slip=None):
    def compute_layer_style_cost(a_S, a_G):
        m, n_H, n_W, n_C = a_G.shape
        if slip == "reshape":
            a_S2, a_G2 = np.reshape(a_S, (n_C, n_H * n_W)), np.reshape(a_G, (n_C, n_H * n_W))
        else:
            a_S2 = np.transpose(np.reshape(a_S, (-1, n_C)))
            a_G2 = np.transpose(np.reshape(a_G, (-1, n_C)))
        if slip == "ATA":
            GS, GG = a_S2.T @ a_S2, a_G2.T @ a_G2
        else:
            GS, GG = a_S2 @ a_S2.T, a_G2 @ a_G2.T
        if slip == "no square":
            return np.sum(GS - GG) / (4 * n_C**2 * (n_H * n_W) ** 2)
        if slip == "normaliser":
            return np.sum(np.square(GS - GG)) / (2 * n_H * n_W * n_C)
        return np.sum(np.square(GS - GG)) / (4 * n_C**2 * (n_H * n_W) ** 2)

    return compute_layer_style_cost


def learner_total(slip=None):
    if slip == "swapped":
        return lambda J_content, J_style, alpha=10, beta=40: alpha * J_style + beta * J_content
    if slip == "defaults":
        return lambda J_content, J_style, alpha=1, beta=1: alpha * J_content + beta * J_style
    return lambda J_content, J_style, alpha=10, beta=40: alpha * J_content + beta * J_style


CHECKS = [
    (sc.check_compute_content_cost, st.compute_content_cost, learner_content_cost),
    (sc.check_gram_matrix, st.gram_matrix, learner_gram),
    (sc.check_compute_layer_style_cost, st.compute_layer_style_cost, learner_layer_style_cost),
    (sc.check_total_cost, st.total_cost, learner_total),
]


@pytest.mark.parametrize("check, reference, learner", CHECKS)
def test_reference_and_correct_learner_pass_and_stub_is_not_attempted(check, reference, learner):
    assert check(reference).passed
    assert check(learner()).passed, check(learner())
    assert check(stub).status == "not attempted"


@pytest.mark.parametrize(
    "check, learner, slip, fragment",
    [
        (sc.check_compute_content_cost, learner_content_cost, "no square", "differences are not"),
        (sc.check_compute_content_cost, learner_content_cost, "abs", "absolute"),
        (sc.check_compute_content_cost, learner_content_cost, "mean", "the 4 is missing"),
        (sc.check_compute_content_cost, learner_content_cost, "lecture", "lecture's"),
        (sc.check_compute_content_cost, learner_content_cost, "first", "instead of the last"),
        (sc.check_gram_matrix, learner_gram, "ATA", "A^T A instead of A A^T"),
        (sc.check_gram_matrix, learner_gram, "elementwise", "element-wise"),
        (sc.check_compute_layer_style_cost, learner_layer_style_cost, "reshape",
         "reshaped straight"),
        (sc.check_compute_layer_style_cost, learner_layer_style_cost, "no square",
         "Gram matrices are not squared"),
        (sc.check_compute_layer_style_cost, learner_layer_style_cost, "normaliser",
         "1/(2 n_H n_W n_C) is not squared"),
        (sc.check_compute_layer_style_cost, learner_layer_style_cost, "ATA", "positions"),
        (sc.check_total_cost, learner_total, "swapped", "swapped"),
        (sc.check_total_cost, learner_total, "defaults", "default weights"),
    ],
)  # fmt: skip
def test_each_slip_fails_with_its_hint(check, learner, slip, fragment):
    fails_with(check(learner(slip)), fragment)
