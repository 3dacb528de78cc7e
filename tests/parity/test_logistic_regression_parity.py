"""NumPy reference vs Keras twin for logistic regression (course_lib ... logistic_regression_tf).

Tolerances: Keras computes in float32 (machine epsilon 1.2e-7), the reference in float64.
One float32 rounding of values of order 1 is ~6e-8; a sum over m = 40 examples and a few
dozen sequential gradient steps accumulate a few of those, so rtol = 1e-5 with atol = 1e-6
(for entries near 0, where a relative tolerance means nothing) leaves about a 10x margin
while still catching any real difference (a missing 1/m, a transposed X, a wrong sign or
learning rate all move results by 1e-2 or more). Inputs are kept where yhat stays well away
from 0 and 1, so Keras's clipping of yhat to [1e-7, 1 - 1e-7] in binary_crossentropy never
acts (see the twin's docstring).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import sigmoid

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c1_neural_networks import logistic_regression_tf

    return logistic_regression_tf


def _problem(seed: int, n_x: int = 5, m: int = 40):
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((n_x, 1)) * 0.5
    b = float(rng.standard_normal() * 0.5)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    return w, b, X, Y


@pytest.fixture(params=[0, 1, 2], ids=lambda s: f"seed{s}")
def problem(request):
    return _problem(request.param)


def test_sigmoid(twin):
    z = np.concatenate([np.linspace(-15, 15, 61), [0.0, 2.0]]).reshape(7, 9)
    out = twin.sigmoid(z)
    assert out.shape == z.shape
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, sigmoid(z), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(twin.sigmoid(np.array([0, 2])), [0.5, 0.88079708], rtol=RTOL)


def test_sigmoid_extremes(twin):
    np.testing.assert_array_equal(twin.sigmoid(np.array([1e4, -1e4])), [1.0, 0.0])


def test_build_logistic_model_holds_the_parameters(twin):
    w, b, _, _ = _problem(0)
    kernel, bias = twin.build_logistic_model(w, b).layers[0].get_weights()
    np.testing.assert_allclose(kernel, w, rtol=1e-7)
    np.testing.assert_allclose(bias, [b], rtol=1e-7)


def test_logistic_forward(twin, problem):
    w, b, X, _ = problem
    A_tf, cache = twin.logistic_forward(w, b, X)
    A, _ = lr.logistic_forward(w, b, X)
    assert A_tf.shape == A.shape == (1, X.shape[1])
    assert cache is None
    np.testing.assert_allclose(A_tf, A, rtol=RTOL, atol=ATOL)
    assert A.min() > 1e-3 and A.max() < 1 - 1e-3  # clipping in Keras's loss stays inactive


def test_propagate(twin, problem):
    grads_tf, cost_tf = twin.propagate(*problem)
    grads, cost = lr.propagate(*problem)
    assert grads_tf["dw"].shape == grads["dw"].shape
    np.testing.assert_allclose(grads_tf["dw"], grads["dw"], rtol=RTOL, atol=ATOL)
    assert grads_tf["db"] == pytest.approx(grads["db"], rel=RTOL, abs=ATOL)
    assert cost_tf == pytest.approx(cost, rel=RTOL, abs=ATOL)
    assert isinstance(cost_tf, float) and isinstance(grads_tf["db"], float)


def test_propagate_course_example(twin, course_example):
    # One wrong example has z = 12, yhat = 0.999994: still inside the clip range [1e-7, 1 - 1e-7].
    grads, cost = twin.propagate(*course_example)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=RTOL, atol=ATOL)
    assert grads["db"] == pytest.approx(0.00145557813678, abs=ATOL)
    assert cost == pytest.approx(5.801545319394553, rel=RTOL)


@pytest.mark.parametrize(("num_iterations", "learning_rate"), [(1, 0.1), (30, 0.5), (201, 0.05)])
def test_optimize(twin, problem, num_iterations, learning_rate):
    params_tf, grads_tf, costs_tf = twin.optimize(*problem, num_iterations, learning_rate)
    params, grads, costs = lr.optimize(*problem, num_iterations, learning_rate)
    np.testing.assert_allclose(params_tf["w"], params["w"], rtol=RTOL, atol=ATOL)
    assert params_tf["b"] == pytest.approx(params["b"], rel=RTOL, abs=ATOL)
    np.testing.assert_allclose(grads_tf["dw"], grads["dw"], rtol=RTOL, atol=ATOL)
    assert grads_tf["db"] == pytest.approx(grads["db"], rel=RTOL, abs=ATOL)
    assert len(costs_tf) == len(costs)
    np.testing.assert_allclose(costs_tf, costs, rtol=RTOL, atol=ATOL)
    # The parameters really moved (so the comparison above is not of two no-ops).
    assert np.abs(params["w"] - problem[0]).max() > 1e-3


def test_optimize_course_example(twin, course_example):
    params, grads, costs = twin.optimize(*course_example, num_iterations=100, learning_rate=0.009)
    np.testing.assert_allclose(params["w"], [[0.19033591], [0.12259159]], rtol=RTOL, atol=ATOL)
    assert params["b"] == pytest.approx(1.92535983008, rel=RTOL)
    np.testing.assert_allclose(grads["dw"], [[0.67752042], [1.41625495]], rtol=RTOL, atol=ATOL)
    assert grads["db"] == pytest.approx(0.219194504541, rel=RTOL)
    np.testing.assert_allclose(costs, [5.80154532], rtol=RTOL)


def test_optimize_does_not_modify_inputs(twin, course_example):
    w, b, X, Y = course_example
    copies = [w.copy(), X.copy(), Y.copy()]
    twin.optimize(w, b, X, Y, num_iterations=5, learning_rate=0.1)
    for before, after in zip(copies, (w, X, Y)):
        np.testing.assert_array_equal(before, after)


def test_predict(twin, problem):
    w, b, X, _ = problem
    A, _ = lr.logistic_forward(w, b, X)
    # An example within float32 noise of the 0.5 threshold could go either way; none is.
    assert np.abs(A - 0.5).min() > 1e-4
    expected = lr.predict(w, b, X)
    out = twin.predict(w, b, X)
    assert out.shape == expected.shape and out.dtype == np.float64
    np.testing.assert_array_equal(out, expected)
    assert 0 < expected.sum() < expected.size  # both labels occur


def test_predict_course_example(twin):
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    np.testing.assert_array_equal(twin.predict(w, -0.3, X), [[1, 1, 0]])


def test_twin_shape_errors_use_course_notation(twin, course_example):
    w, b, X, Y = course_example
    with pytest.raises(ValueError, match=r"\(n_x, 1\)"):
        twin.propagate(w.ravel(), b, X, Y)
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\) = \(2, m\)"):
        twin.propagate(w, b, X.T, Y)
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\) = \(1, 3\)"):
        twin.propagate(w, b, X, Y.T)
