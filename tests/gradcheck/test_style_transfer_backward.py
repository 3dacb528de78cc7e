"""Gradient checks of the NST costs' backward passes with respect to the activations a^(G).

The gradient of J(G) with respect to the generated image's activations is where
backpropagation through the ConvNet starts; these are checked against centred differences.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import style_transfer as st
from course_lib.gradient_check import check_backward, numerical_gradient, relative_difference


@pytest.mark.parametrize("seed, shape", [(0, (1, 3, 4, 5)), (1, (1, 1, 1, 1)), (2, (1, 5, 2, 3))])
def test_content_cost_backward(seed, shape):
    rng = np.random.default_rng(seed)
    inputs = {"a_C": rng.standard_normal(shape), "a_G": rng.standard_normal(shape)}
    errors = check_backward(st.content_cost_forward, st.content_cost_backward, inputs,
                            ["a_C", "a_G"], dout=1.0)  # fmt: skip
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize("seed, shape", [(0, (1, 3, 4, 5)), (1, (1, 2, 2, 1)), (2, (1, 4, 3, 2))])
def test_layer_style_cost_backward(seed, shape):
    rng = np.random.default_rng(seed)
    inputs = {"a_S": rng.standard_normal(shape), "a_G": rng.standard_normal(shape)}
    errors = check_backward(st.layer_style_cost_forward, st.layer_style_cost_backward, inputs,
                            ["a_S", "a_G"], dout=1.7)  # fmt: skip
    assert max(errors.values()) < 1e-7, errors


def test_total_cost_gradient_for_every_output():
    rng = np.random.default_rng(5)
    shapes = [(1, 4, 4, 2), (1, 2, 2, 3), (1, 2, 3, 4)]
    C, S, G = ([rng.standard_normal(s) for s in shapes] for _ in range(3))
    layers = [("a", 0.3), ("b", 0.7)]
    grads = st.nst_cost_and_grads(C, S, G, layers, alpha=10, beta=40)["grads"]
    for i, shape in enumerate(shapes):

        def J(x, i=i, shape=shape):
            outputs = [g if j != i else x.reshape(shape) for j, g in enumerate(G)]
            return st.nst_cost_and_grads(C, S, outputs, layers, alpha=10, beta=40)["J"]

        approx = numerical_gradient(J, G[i].copy(), epsilon=1e-6)
        assert relative_difference(approx, grads[i]) < 1e-7, i
