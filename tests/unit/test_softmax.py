"""Unit tests of course_lib.c2_improving_dnns.softmax and its exercise checks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c2_improving_dnns.softmax_checks import check_softmax, check_softmax_cost
from course_lib.c2_improving_dnns.softmax_dashboard import softmax_probabilities

finite = st.floats(-50, 50, allow_nan=False)


def test_lecture_example():
    a = sm.softmax(np.array([[5.0], [2.0], [-1.0], [3.0]]))
    t = np.exp([5.0, 2.0, -1.0, 3.0])
    np.testing.assert_allclose(a.ravel(), t / t.sum())
    np.testing.assert_allclose(a.ravel(), [0.842, 0.042, 0.002, 0.114], atol=1e-3)


def test_vector_input_keeps_its_shape():
    assert sm.softmax(np.array([1.0, 2.0])).shape == (2,)
    assert sm.hardmax(np.array([1.0, 2.0])).tolist() == [0.0, 1.0]


@given(arrays(np.float64, (4, 3), elements=finite))
def test_columns_are_distributions(Z):
    A = sm.softmax(Z)
    assert A.shape == Z.shape
    assert np.all(A >= 0)
    np.testing.assert_allclose(A.sum(axis=0), 1.0)
    np.testing.assert_allclose(sm.softmax(Z + 7.5), A, atol=1e-12)  # shift invariance


def test_stable_at_huge_logits():
    Z = np.array([[1e4, -1e4, 0.0], [0.0, -1e4, 1e4 - 1], [-1e4, 1e4, 1e4]])
    with np.errstate(all="raise"):
        A = sm.softmax(Z)
    assert np.isfinite(A).all()
    np.testing.assert_allclose(A[:, 0], [1, 0, 0])
    np.testing.assert_allclose(A[:, 2], [0, np.exp(-1) / (1 + np.exp(-1)), 1 / (1 + np.exp(-1))])


def test_hardmax_is_one_hot_of_argmax():
    Z = np.array([[1.0, 5.0, 2.0], [3.0, 0.0, 2.0]])
    np.testing.assert_array_equal(sm.hardmax(Z), [[0, 1, 1], [1, 0, 0]])  # tie -> first


def test_one_hot_and_course_name():
    Y = sm.one_hot(np.array([[1, 0, 3, 2]]), 4)
    expected = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=float)
    np.testing.assert_array_equal(Y, expected)
    np.testing.assert_array_equal(sm.convert_to_one_hot(np.array([[1, 0, 3, 2]]), 4), expected)
    with pytest.raises(ValueError, match="0..C-1"):
        sm.one_hot(np.array([[0, 4]]), 4)
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        sm.one_hot(np.array([[0], [1]]), 2)


def test_cost_known_value_and_only_true_class():
    AL = np.array([[0.7, 0.1], [0.2, 0.6], [0.1, 0.3]])
    Y = np.array([[1, 0], [0, 1], [0, 0]])
    assert sm.softmax_cost(AL, Y) == pytest.approx(-(np.log(0.7) + np.log(0.6)) / 2)
    assert isinstance(sm.softmax_cost(AL, Y), float)


def test_cost_stable_at_zero_and_one():
    AL = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert sm.softmax_cost(AL, np.eye(2)) == 0.0
    wrong = sm.softmax_cost(AL, np.array([[0, 1], [1, 0]]))
    assert np.isfinite(wrong) and wrong > 700


@given(arrays(np.float64, (3, 5), elements=finite))
def test_cost_from_logits_matches(Z):
    Y = sm.one_hot(np.array([[0, 1, 2, 1, 0]]), 3)
    assert sm.softmax_cost_from_logits(Z, Y) == pytest.approx(
        sm.softmax_cost(sm.softmax(Z), Y), rel=1e-9, abs=1e-9
    )


def test_cost_from_logits_exact_at_huge_logits():
    Z = np.array([[1e4], [0.0]])
    assert sm.softmax_cost_from_logits(Z, np.array([[0], [1]])) == pytest.approx(1e4)


def test_shape_errors_name_course_shapes():
    with pytest.raises(ValueError, match=r"Y must have shape \(C, m\) = \(3, 2\)"):
        sm.softmax_cost(np.full((3, 2), 1 / 3), np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"\(C, m\)"):
        sm.softmax_backward(np.ones((3, 2)), np.ones((3, 3)))


def test_jacobian_times_loss_gradient_is_yhat_minus_y(rng):
    z = rng.standard_normal((5, 1))
    y = np.zeros((5, 1))
    y[2] = 1
    a = sm.softmax(z)
    J = sm.softmax_jacobian(z)
    np.testing.assert_allclose(J, J.T)
    np.testing.assert_allclose(J.sum(axis=0), 0, atol=1e-15)
    dL_da = -y / a
    np.testing.assert_allclose(J.T @ dL_da, a - y, atol=1e-12)
    np.testing.assert_allclose(sm.softmax_backward(a, y), a - y)


def test_jacobian_backward_matches_explicit_jacobian(rng):
    Z = rng.standard_normal((4, 6))
    dA = rng.standard_normal((4, 6))
    A, cache = sm.softmax_forward(Z)
    dZ = sm.softmax_jacobian_backward(dA, cache)
    for i in range(6):
        np.testing.assert_allclose(dZ[:, i], sm.softmax_jacobian(Z[:, i]).T @ dA[:, i])


def test_two_classes_reduce_to_sigmoid():
    z = np.linspace(-30, 30, 61).reshape(1, -1)
    np.testing.assert_allclose(sm.sigmoid_via_softmax(z), sigmoid(z), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(sm.two_class_softmax(z).sum(axis=0), 1.0)
    np.testing.assert_allclose(sm.sigmoid_via_softmax(np.array([[1e4, -1e4]])), [[1.0, 0.0]])


def test_loss_by_task():
    assert "MSE" in sm.loss_for_task("regression")["loss"]
    assert "BinaryCrossentropy" in sm.loss_for_task("binary")["keras"]
    assert "CategoricalCrossentropy" in sm.loss_for_task("multi-class")["keras"]
    with pytest.raises(ValueError, match="task must be one of"):
        sm.loss_for_task("ranking")


def test_initialize_reproduces_the_course_draws():
    np.random.seed(3)  # noqa: NPY002 - the course seeds the global generator
    p = sm.initialize_parameters([5, 4, 3])
    np.random.seed(3)  # noqa: NPY002 - the course seeds the global generator
    W1 = np.random.randn(4, 5) * 0.01  # noqa: NPY002
    W2 = np.random.randn(3, 4) * 0.01  # noqa: NPY002
    np.testing.assert_array_equal(p["W1"], W1)
    np.testing.assert_array_equal(p["W2"], W2)
    assert p["b2"].shape == (3, 1) and not p["b2"].any()


def test_forward_shapes_and_gradients(rng):
    X = rng.standard_normal((3, 7))
    Y = sm.one_hot(rng.integers(0, 4, (1, 7)), 4)
    np.random.seed(0)  # noqa: NPY002
    p = sm.initialize_parameters([3, 5, 4], "he")
    AL, caches = sm.forward_propagation(X, p)
    assert AL.shape == (4, 7) and len(caches) == 2
    np.testing.assert_allclose(AL.sum(axis=0), 1)
    grads, cost = sm.compute_gradients(X, Y, p)
    for key in p:
        assert grads["d" + key].shape == p[key].shape


def test_softmax_regression_learns_blobs():
    X, labels = sm.make_multiclass_data("blobs", m=200, C=3, noise=0.8, seed=2)
    parameters, costs = sm.model(X, sm.one_hot(labels, 3), None, 0.1, 300)
    assert set(parameters) == {"W1", "b1"} and parameters["W1"].shape == (3, 2)
    assert np.all(np.diff(costs) < 0)
    predictions = sm.predict(X, parameters)
    assert predictions.shape == (1, 200) and predictions.dtype.kind == "i"
    assert sm.accuracy(predictions, labels) > 0.9
    assert sm.accuracy(predictions, sm.one_hot(labels, 3)) == sm.accuracy(predictions, labels)


def test_deep_net_beats_linear_on_spiral():
    X, labels = sm.make_multiclass_data("spiral", m=240, C=3, seed=0)
    Y = sm.one_hot(labels, 3)
    linear, _ = sm.model(X, Y, None, 0.5, 300)
    deep, _ = sm.model(X, Y, [2, 24, 24, 3], 0.5, 1000)
    assert sm.accuracy(sm.predict(X, linear), labels) < 0.75
    assert sm.accuracy(sm.predict(X, deep), labels) > 0.95


def test_model_is_reproducible_and_validates():
    X, labels = sm.make_multiclass_data("blobs", m=50, C=3, seed=1)
    Y = sm.one_hot(labels, 3)
    a, ca = sm.model(X, Y, [2, 4, 3], 0.1, 20)
    b, cb = sm.model(X, Y, [2, 4, 3], 0.1, 20)
    assert ca == cb and all(np.array_equal(a[k], b[k]) for k in a)
    with pytest.raises(ValueError, match="layers_dims must start with n_x = 2"):
        sm.model(X, Y, [3, 3], 0.1, 1)
    with pytest.raises(ValueError, match=r"\(C, m\)"):
        sm.model(X, Y.T, None, 0.1, 1)
    with pytest.raises(ValueError, match="kind"):
        sm.make_multiclass_data("moons")


def test_softmax_probabilities_temperature():
    cold = softmax_probabilities([5, 2, -1, 3], 0.1)["a"]
    hot = softmax_probabilities([5, 2, -1, 3], 10.0)["a"]
    assert cold[0] > 0.999 and hot.max() - hot.min() < 0.6
    with pytest.raises(ValueError, match="temperature"):
        softmax_probabilities([1, 2], 0.0)


# --- exercise checks -----------------------------------------------------------------------


def _stub(*args):
    raise NotImplementedError


def _naive_softmax(Z):
    T = np.exp(Z)
    return T / np.sum(T, axis=0, keepdims=True)


def _rowwise_softmax(Z):
    T = np.exp(Z - Z.max(axis=0, keepdims=True))
    return T / np.sum(T, axis=1, keepdims=True)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_check_softmax():
    assert check_softmax(sm.softmax).passed
    assert check_softmax(_stub).status == "not attempted"
    naive = check_softmax(_naive_softmax)
    assert not naive.passed and "maximum" in naive.message
    assert not check_softmax(_rowwise_softmax).passed


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_check_softmax_cost():
    assert check_softmax_cost(sm.softmax_cost).passed
    assert check_softmax_cost(_stub).status == "not attempted"
    naive = check_softmax_cost(lambda AL, Y: float(-np.sum(Y * np.log(AL)) / AL.shape[1]))
    assert not naive.passed and "nan" in naive.message
    no_mean = check_softmax_cost(
        lambda AL, Y: float(-np.sum(np.where(Y == 1, np.log(np.maximum(AL, 1e-300)), 0)))
    )
    assert not no_mean.passed
