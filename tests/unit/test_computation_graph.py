"""The lecture's computation graph J = 3(a + b c): forward values and chain-rule backward."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_lib.c1_neural_networks.computation_graph import graph_backward, graph_forward


def test_lecture_values():
    # a = 5, b = 3, c = 2: u = 6, v = 11, J = 33; dJ/da = 3, dJ/db = 3c = 6, dJ/dc = 3b = 9.
    J, cache = graph_forward(5, 3, 2)
    assert J == 33
    assert (cache["u"], cache["v"]) == (6, 11)
    grads = graph_backward(1.0, cache)
    assert {k: float(v) for k, v in grads.items()} == {
        "dv": 3.0,
        "du": 3.0,
        "da": 3.0,
        "db": 6.0,
        "dc": 9.0,
    }


def test_forward_is_elementwise_and_broadcasts():
    J, cache = graph_forward(np.array([1.0, 2.0]), 3.0, np.array([[1.0], [-1.0]]))
    assert J.shape == (2, 2)
    np.testing.assert_array_equal(J, 3 * (np.array([1.0, 2.0]) + 3.0 * np.array([[1.0], [-1.0]])))
    assert all(cache[k].shape == (2, 2) for k in "abc")
    assert cache["a"].dtype == np.float64


def test_backward_scales_with_upstream_gradient():
    _, cache = graph_forward(1.0, 2.0, 3.0)
    one = graph_backward(1.0, cache)
    half = graph_backward(0.5, cache)
    for name in one:
        assert half[name] == pytest.approx(0.5 * one[name])


arrays = hnp.arrays(np.float64, 4, elements=st.floats(-100, 100))


@given(arrays, arrays, arrays, arrays)
def test_backward_is_the_analytic_derivative(a, b, c, dJ):
    _, cache = graph_forward(a, b, c)
    grads = graph_backward(dJ, cache)
    np.testing.assert_allclose(grads["da"], 3 * dJ)
    np.testing.assert_allclose(grads["db"], 3 * dJ * c)
    np.testing.assert_allclose(grads["dc"], 3 * dJ * b)
    np.testing.assert_allclose(grads["dv"], 3 * dJ)
    np.testing.assert_allclose(grads["du"], 3 * dJ)
