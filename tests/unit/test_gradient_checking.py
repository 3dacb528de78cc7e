"""Unit tests of course_lib/c2_improving_dnns/gradient_checking.py and its exercise checks."""
# ruff: noqa: NPY002  (the course's test vectors come from the legacy global generator)

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.gradient_checking_checks import (
    check_gradient_check,
    check_gradient_check_n,
)
from course_lib.exercises import random_network


@pytest.fixture
def course_case():
    """The assignment's gradient_check_n test case (seed 1, x (4, 3), rank-1 y)."""
    np.random.seed(1)
    x = np.random.randn(4, 3)
    y = np.array([1, 1, 0])
    shapes = [(5, 4), (5, 1), (3, 5), (3, 1), (1, 3), (1, 1)]
    names = ["W1", "b1", "W2", "b2", "W3", "b3"]
    return x, y, {n: np.random.randn(*s) for n, s in zip(names, shapes)}


def test_1d_gradient_check_course_value(capsys):
    difference = gc.gradient_check(2, 4, print_msg=True)
    assert difference < 1e-9
    assert "works perfectly fine! difference = " in capsys.readouterr().out
    assert gc.forward_propagation(2, 4) == 8 and gc.backward_propagation(2, 4) == 2


def test_lecture_example_theta_cubed():
    f = lambda t: t**3  # noqa: E731
    assert gc.two_sided_difference(f, 1.0, 0.01) == pytest.approx(3.0001, abs=1e-10)
    assert gc.one_sided_difference(f, 1.0, 0.01) == pytest.approx(3.0301, abs=1e-10)


def test_error_orders_one_vs_two_sided():
    errors = gc.difference_errors(np.sin, np.cos, 0.7, [1e-1, 1e-2, 1e-3])
    one, two = errors["one_sided"], errors["two_sided"]
    # shrinking eps by 10 divides the one-sided error by ~10 and the two-sided by ~100
    assert 8 < one[0] / one[1] < 12 and 80 < two[0] / two[1] < 120
    assert np.all(two < one)


def test_gradient_check_n_course_values(course_case, capsys):
    x, y, parameters = course_case
    cost, cache = gc.forward_propagation_n(x, y, parameters)
    buggy = gc.backward_propagation_n_buggy(x, y, cache)
    difference = gc.gradient_check_n(parameters, buggy, x, y, 1e-7, True)
    assert difference == pytest.approx(0.2850931567761623, rel=1e-9)
    assert (
        "There is a mistake in the backward propagation! difference = " in capsys.readouterr().out
    )
    correct = gc.backward_propagation_n(x, y, cache)
    difference = gc.gradient_check_n(parameters, correct, x, y, 1e-7, True)
    assert difference == pytest.approx(1.1890913024229996e-07, rel=1e-6)
    assert "works perfectly fine" in capsys.readouterr().out


def test_which_parameter_is_wrong(course_case):
    x, y, parameters = course_case
    _, cache = gc.forward_propagation_n(x, y, parameters)
    diffs = gc.parameter_differences(parameters, gc.backward_propagation_n_buggy(x, y, cache), x, y)
    assert list(diffs) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert {k for k, v in diffs.items() if v > 1e-3} == {"W2", "b1"}
    # dW2 doubled: |2g - g| / (|2g| + |g|) = 1/3; db1 x4: 3/5
    assert diffs["W2"] == pytest.approx(1 / 3, rel=1e-5) and diffs["b1"] == pytest.approx(
        0.6, rel=1e-5
    )


@given(seed=st.integers(0, 10_000))
def test_vector_round_trip(seed):
    _, _, parameters = random_network(list(gc.LAYER_DIMS), 2, np.random.default_rng(seed))
    theta, keys = gc.dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and len(keys) == 47
    assert keys[:20] == ["W1"] * 20 and keys[-1] == "b3"
    back = gc.vector_to_dictionary(theta)
    for name, value in parameters.items():
        np.testing.assert_array_equal(back[name], value)
    grads = {f"d{k}": v for k, v in parameters.items()}
    np.testing.assert_array_equal(gc.gradients_to_vector(grads), theta)


def test_vector_to_dictionary_other_sizes_and_errors():
    theta = np.arange(2 * 3 + 2 + 2 + 1, dtype=float).reshape(-1, 1)
    params = gc.vector_to_dictionary(theta, (3, 2, 1))
    assert params["W1"].shape == (2, 3) and params["b2"].shape == (1, 1)
    with pytest.raises(ValueError, match=r"\(47, 1\)"):
        gc.vector_to_dictionary(np.zeros((46, 1)))


def test_checking_the_regularised_cost_needs_its_gradient():
    X, Y, parameters = random_network([4, 5, 3, 1], 6, np.random.default_rng(5), 0.8)
    A3, cache = reg.forward_propagation(X, parameters)
    cost = lambda X_, Y_, p: reg.compute_cost_with_regularization(  # noqa: E731
        reg.forward_propagation(X_, p)[0], Y_, p, 0.7
    )
    with_reg = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    without = reg.backward_propagation(X, Y, cache)
    assert gc.gradient_check_n(parameters, with_reg, X, Y, cost_fn=cost) < 2e-7
    assert gc.gradient_check_n(parameters, without, X, Y, cost_fn=cost) > 1e-3


def test_report_threshold():
    assert gc.report(3e-7).startswith("There is a mistake")
    assert gc.report(1e-7).startswith("Your backward propagation works")


def test_checks_pass_reference_and_catch_wrong_versions():
    assert check_gradient_check(gc.gradient_check).passed
    assert check_gradient_check_n(gc.gradient_check_n).passed

    def one_sided(x, theta, epsilon=1e-7, print_msg=False):
        approx = (
            gc.forward_propagation(x, theta + epsilon) - gc.forward_propagation(x, theta)
        ) / epsilon
        grad = gc.backward_propagation(x, theta)
        return abs(grad - approx) / abs(grad - approx + 1e-300)  # also wrong denominator

    def no_denominator(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
        grad = gc.gradients_to_vector(gradients)
        approx = gc.numerical_gradient_n(parameters, X, Y, epsilon)
        return float(np.linalg.norm(grad - approx))

    def stub(*args, **kwargs):
        raise NotImplementedError

    assert not check_gradient_check(one_sided).passed
    assert not check_gradient_check_n(no_denominator).passed
    assert check_gradient_check_n(stub).status == "not attempted"
