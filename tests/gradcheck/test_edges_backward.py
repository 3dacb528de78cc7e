"""Gradient check (float64, relative error < 1e-7) of the learned-kernel cost's dJ/dK."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import edges
from course_lib.gradient_check import numerical_gradient, relative_difference


@pytest.mark.parametrize(("m", "n_H", "n_W", "f"), [(1, 6, 6, 3), (3, 7, 9, 3), (2, 8, 5, 2)])
def test_edge_kernel_cost_gradient(m, n_H, n_W, f):
    rng = np.random.default_rng(m * 100 + f)
    X = rng.standard_normal((m, n_H, n_W))
    Y = rng.standard_normal((m, n_H - f + 1, n_W - f + 1))
    K = rng.standard_normal((f, f))
    _, dK = edges.edge_kernel_cost(K, X, Y)
    numeric = numerical_gradient(lambda k: edges.edge_kernel_cost(k, X, Y)[0], K)
    assert relative_difference(numeric, dK) < 1e-7


def test_gradient_is_the_image_correlated_with_the_error_map():
    rng = np.random.default_rng(0)
    X, K = rng.standard_normal((2, 6, 7)), rng.standard_normal((3, 3))
    Y = rng.standard_normal((2, 4, 5))
    _, dK = edges.edge_kernel_cost(K, X, Y)
    errors = [edges.conv2d(x, K) - y for x, y in zip(X, Y)]  # (4, 5) maps
    by_hand = np.zeros((3, 3))
    for x, e in zip(X, errors):
        for u in range(3):
            for v in range(3):
                by_hand[u, v] += np.sum(x[u : u + 4, v : v + 5] * e)
    by_hand *= 2 / (2 * 4 * 5)  # 2/N, N = 2 * 4 * 5 output pixels
    np.testing.assert_allclose(dK, by_hand, atol=1e-12)
