"""Logistic regression in NumPy: the course's values, shapes, stability, clear errors."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import sigmoid

COURSE_COST = 5.801545319394553


@pytest.fixture
def strict_numerics():
    """Overflow, division by zero, invalid values and any warning become errors.

    Underflow stays at NumPy's default (ignored): e^-10000 rounding to 0 is the right answer
    and NumPy never reports it to a learner.
    """
    with np.errstate(over="raise", divide="raise", invalid="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# --- data preparation -------------------------------------------------------------------


def test_image2vector_unrolls_in_c_order():
    image = np.arange(3 * 4 * 2).reshape(3, 4, 2)
    v = lr.image2vector(image)
    assert v.shape == (24, 1)
    np.testing.assert_array_equal(v.ravel(), np.arange(24))
    assert lr.image2vector(np.zeros((5, 6))).shape == (30, 1)


@pytest.mark.parametrize("shape", [(4,), (2, 3, 4, 5)])
def test_image2vector_rejects_other_ranks(shape):
    with pytest.raises(ValueError, match="height, width"):
        lr.image2vector(np.zeros(shape))


@pytest.mark.parametrize("image_shape", [(4, 5, 3), (4, 5)])
def test_flatten_images_puts_one_image_per_column(image_shape):
    images = np.random.default_rng(0).random((7, *image_shape))
    X = lr.flatten_images(images)
    assert X.shape == (math.prod(image_shape), 7)
    for i in range(7):
        np.testing.assert_array_equal(X[:, i : i + 1], lr.image2vector(images[i]))


def test_flatten_images_rejects_a_single_image():
    with pytest.raises(ValueError, match=r"\(m, height, width"):
        lr.flatten_images(np.zeros((4, 5)))


# --- parameters -------------------------------------------------------------------------


def test_initialize_with_zeros():
    w, b = lr.initialize_with_zeros(2)
    assert w.shape == (2, 1)
    assert w.dtype == np.float64
    np.testing.assert_array_equal(w, 0)
    assert b == 0.0
    assert type(b) is float


@pytest.mark.parametrize("dim", [0, -3, 2.5])
def test_initialize_with_zeros_rejects_bad_dim(dim):
    with pytest.raises(ValueError, match="positive integer"):
        lr.initialize_with_zeros(dim)


# --- forward, loss, cost ----------------------------------------------------------------


def test_logistic_forward(course_example):
    w, b, X, _ = course_example
    A, cache = lr.logistic_forward(w, b, X)
    assert A.shape == (1, 3)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-(w.T @ X + b))), rtol=1e-15)
    cached_X, cached_A = cache
    np.testing.assert_array_equal(cached_X, X)
    assert cached_A is A


def test_logistic_loss_known_values():
    y_hat = np.array([0.9, 0.9, 0.5])
    y = np.array([1.0, 0.0, 1.0])
    np.testing.assert_allclose(lr.logistic_loss(y_hat, y), -np.log([0.9, 0.1, 0.5]), rtol=1e-14)


def test_logistic_loss_is_finite_at_zero_and_one(strict_numerics):
    y_hat = np.array([0.0, 1.0, 0.0, 1.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    loss = lr.logistic_loss(y_hat, y)
    assert np.all(np.isfinite(loss))
    np.testing.assert_array_equal(loss[:2], 0.0)  # confidently right costs nothing
    assert np.all(loss[2:] > 700)  # confidently wrong costs -log(tiny), about 708


def test_logistic_loss_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        lr.logistic_loss(np.full((1, 3), 0.5), np.ones((3, 1)))


def test_compute_cost_course_value(course_example):
    w, b, X, Y = course_example
    A, _ = lr.logistic_forward(w, b, X)
    cost = lr.compute_cost(A, Y)
    assert type(cost) is float
    assert cost == pytest.approx(COURSE_COST, rel=1e-12)


def test_compute_cost_is_the_mean_loss():
    A = np.array([[0.2, 0.7, 0.9, 0.4]])
    Y = np.array([[0, 1, 1, 1]])
    expected = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    assert lr.compute_cost(A, Y) == pytest.approx(expected, rel=1e-14)


def test_compute_cost_is_finite_at_zero_and_one(strict_numerics):
    assert math.isfinite(lr.compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]])))
    assert lr.compute_cost(np.array([[1.0, 0.0]]), np.array([[1, 0]])) == 0.0


@pytest.mark.parametrize(
    ("A", "Y", "expected"),
    [
        (np.full(3, 0.5), np.ones((1, 3)), r"A must have shape \(1, m\)"),
        (np.full((1, 3), 0.5), np.ones((3, 1)), r"Y must have shape \(1, m\) = \(1, 3\)"),
        (np.full((1, 3), 0.5), np.ones((1, 4)), r"\(1, m\) = \(1, 3\); got \(1, 4\)"),
    ],
)
def test_compute_cost_shape_errors(A, Y, expected):
    with pytest.raises(ValueError, match=expected):
        lr.compute_cost(A, Y)


def test_cost_landscape_matches_compute_cost_and_is_convex():
    rng = np.random.default_rng(2)
    X = rng.standard_normal((1, 30)) * 2
    Y = (X + 0.5 * rng.standard_normal((1, 30)) > 0).astype(float)
    w_values = np.linspace(-6, 6, 61)
    J = lr.cost_landscape(w_values, X, Y, b=0.3)
    assert J.shape == (61,)
    for w, j in zip(w_values[::10], J[::10]):
        A, _ = lr.logistic_forward(np.array([[w]]), 0.3, X)
        assert j == pytest.approx(lr.compute_cost(A, Y), rel=1e-12)
    assert np.all(np.diff(J, 2) >= -1e-12)  # second differences of a convex curve


def test_squared_error_landscape_is_not_convex():
    # The lesson's point: (1/2)(yhat - y)^2 through a sigmoid has flat, non-convex tails.
    X = np.array([[-3.0, -1.0, 1.0, 3.0]])
    Y = np.array([[0.0, 1.0, 0.0, 1.0]])
    J = lr.cost_landscape(np.linspace(-10, 10, 201), X, Y, loss="squared_error")
    assert np.any(np.diff(J, 2) < -1e-9)


def test_cost_landscape_rejects_unknown_loss():
    with pytest.raises(ValueError, match="cross_entropy"):
        lr.cost_landscape([0.0], np.ones((1, 2)), np.ones((1, 2)), loss="hinge")


# --- gradients ----------------------------------------------------------------------------


def test_single_example_gradients():
    w, b = np.array([[0.5], [-1.0]]), 0.25
    x, y = np.array([[2.0], [1.0]]), 1
    grads, loss = lr.single_example_gradients(w, b, x, y)
    a = sigmoid(0.5 * 2 - 1.0 + 0.25)
    assert grads["dz"] == pytest.approx(a - 1)
    assert grads["da"] == pytest.approx(-1 / a)
    assert grads["dz"] == pytest.approx(grads["da"] * a * (1 - a))  # the chain rule
    np.testing.assert_allclose(grads["dw"], x * (a - 1))
    assert grads["db"] == grads["dz"]
    assert loss == pytest.approx(-np.log(a))


def test_single_example_gradients_confidently_right_is_finite_and_silent(strict_numerics):
    grads, loss = lr.single_example_gradients(np.array([[1.0]]), 0.0, np.array([[40.0]]), 1)
    assert grads["da"] == pytest.approx(-1.0)
    assert loss == pytest.approx(0.0, abs=1e-15)


def test_single_example_gradients_rejects_several_examples(course_example):
    w, b, X, _ = course_example
    with pytest.raises(ValueError, match="one example"):
        lr.single_example_gradients(w, b, X, 1)


def test_propagate_course_values(course_example):
    grads, cost = lr.propagate(*course_example)
    assert grads["dw"].shape == (2, 1)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=0, atol=1e-8)
    assert grads["db"] == pytest.approx(0.00145557813678, abs=1e-13)
    assert type(grads["db"]) is float
    assert cost == pytest.approx(COURSE_COST, rel=1e-12)
    assert type(cost) is float


def test_propagate_loop_course_values(course_example):
    grads, cost = lr.propagate_loop(*course_example)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=0, atol=1e-8)
    assert grads["db"] == pytest.approx(0.00145557813678, abs=1e-13)
    assert cost == pytest.approx(COURSE_COST, rel=1e-12)


def test_logistic_backward_with_cross_entropy_da_gives_propagate(course_example):
    w, b, X, Y = course_example
    A, cache = lr.logistic_forward(w, b, X)
    dA = -Y / A + (1 - Y) / (1 - A)
    grads = lr.logistic_backward(dA, cache)
    expected, _ = lr.propagate(w, b, X, Y)
    np.testing.assert_allclose(grads["dw"], expected["dw"], rtol=1e-10)
    assert grads["db"] == pytest.approx(expected["db"], rel=1e-8, abs=1e-14)


def test_logistic_backward_rejects_wrong_da_shape(course_example):
    w, b, X, _ = course_example
    _, cache = lr.logistic_forward(w, b, X)
    with pytest.raises(ValueError, match=r"dA must have shape \(1, m\) = \(1, 3\)"):
        lr.logistic_backward(np.ones(3), cache)


@st.composite
def logistic_problems(draw, scale: float = 1.0):
    """(w, b, X, Y) with n_x <= 5, m <= 8; |z| = |w^T x + b| stays below 12 * scale."""
    n_x, m = draw(st.integers(1, 5)), draw(st.integers(1, 8))
    w = draw(hnp.arrays(np.float64, (n_x, 1), elements=st.floats(-scale, scale)))
    X = draw(hnp.arrays(np.float64, (n_x, m), elements=st.floats(-2, 2)))
    Y = draw(hnp.arrays(np.int64, (1, m), elements=st.integers(0, 1)))
    return w, draw(st.floats(-2 * scale, 2 * scale)), X, Y


@given(logistic_problems())
def test_propagate_loop_equals_propagate(problem):
    loop_grads, loop_cost = lr.propagate_loop(*problem)
    grads, cost = lr.propagate(*problem)
    np.testing.assert_allclose(loop_grads["dw"], grads["dw"], rtol=1e-9, atol=1e-12)
    assert loop_grads["db"] == pytest.approx(grads["db"], rel=1e-9, abs=1e-12)
    assert loop_cost == pytest.approx(cost, rel=1e-9, abs=1e-12)


@given(logistic_problems(scale=20.0))
def test_propagate_loop_gradients_equal_propagate_for_large_logits(problem):
    loop_grads, _ = lr.propagate_loop(*problem)
    grads, _ = lr.propagate(*problem)
    np.testing.assert_allclose(loop_grads["dw"], grads["dw"], rtol=1e-9, atol=1e-12)
    assert loop_grads["db"] == pytest.approx(grads["db"], rel=1e-9, abs=1e-12)


def test_propagate_loop_cost_equals_propagate_for_confidently_wrong_examples():
    problem = (np.array([[10.0]]), 0.0, np.array([[5.0]]), np.array([[0]]))
    assert lr.propagate_loop(*problem)[1] == pytest.approx(lr.propagate(*problem)[1], rel=1e-9)


@given(logistic_problems())
def test_propagate_cost_equals_compute_cost_of_forward(problem):
    w, b, X, Y = problem
    A, _ = lr.logistic_forward(w, b, X)
    _, cost = lr.propagate(w, b, X, Y)
    # The logits form is exact; the probability form agrees while A stays off 0 and 1.
    assert cost == pytest.approx(lr.compute_cost(A, Y), rel=1e-8, abs=1e-10)


def test_propagate_is_finite_for_huge_logits(strict_numerics):
    w = np.array([[1e4]])
    X = np.array([[1.0, -1.0, 1.0]])
    Y = np.array([[0, 1, 1]])
    grads, cost = lr.propagate(w, 0.0, X, Y)
    # Two examples are wrong with |z| = 1e4, one right: J = (1e4 + 1e4 + 0) / 3 exactly.
    assert cost == pytest.approx(2e4 / 3, rel=1e-12)
    np.testing.assert_allclose(grads["dw"], [[(1 + 1 + 0) / 3]])
    assert grads["db"] == pytest.approx((1 - 1 + 0) / 3, abs=1e-15)


def test_propagate_loop_is_finite_for_huge_logits(strict_numerics):
    grads, cost = lr.propagate_loop(np.array([[1e4]]), 0.0, np.array([[1.0, -1.0]]), [[0, 1]])
    assert math.isfinite(cost) and cost > 700
    assert np.all(np.isfinite(grads["dw"]))


def test_propagate_does_not_modify_inputs(course_example):
    copies = [np.copy(a) for a in course_example]
    lr.propagate(*course_example)
    for before, after in zip(copies, course_example):
        np.testing.assert_array_equal(before, after)


# --- clear errors -------------------------------------------------------------------------


def test_rank1_w_is_explained(course_example):
    w, b, X, Y = course_example
    with pytest.raises(
        ValueError, match=r"w must have shape \(n_x, 1\) = \(2, 1\); got \(2,\)"
    ) as e:
        lr.propagate(w.ravel(), b, X, Y)
    assert "rank-1" in str(e.value)


def test_transposed_Y_is_explained(course_example):
    w, b, X, Y = course_example
    with pytest.raises(
        ValueError, match=r"Y must have shape \(1, m\) = \(1, 3\); got \(3, 1\)"
    ) as e:
        lr.propagate(w, b, X, Y.T)
    assert "transposed" in str(e.value)


def test_transposed_X_is_rejected(course_example):
    w, b, X, Y = course_example
    with pytest.raises(ValueError, match=r"\(n_x, 1\)|\(n_x, m\)"):
        lr.propagate(w, b, X.T, Y)


def test_transposed_X_message_names_X(course_example):
    w, b, X, Y = course_example
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\)"):
        lr.propagate(w, b, X.T, Y)


def test_non_scalar_b_is_rejected(course_example):
    w, _, X, Y = course_example
    with pytest.raises(ValueError, match="b must be a real number"):
        lr.propagate(w, np.array([1.0, 2.0]), X, Y)


@pytest.mark.parametrize("fn", [lr.propagate, lr.propagate_loop])
def test_w_of_wrong_length_names_both_shapes(fn, course_example):
    _, b, X, Y = course_example
    with pytest.raises(ValueError, match=r"\(n_x, 1\) = \(2, 1\); got \(3, 1\)"):
        fn(np.zeros((3, 1)), b, X, Y)


# --- training ------------------------------------------------------------------------------


def test_update_parameters_returns_new_objects():
    w = np.array([[1.0], [2.0]])
    grads = {"dw": np.array([[0.5], [-1.0]]), "db": np.float64(2.0)}
    new_w, new_b = lr.update_parameters(w, 1.0, grads, learning_rate=0.1)
    np.testing.assert_allclose(new_w, [[0.95], [2.1]])
    assert new_b == pytest.approx(0.8)
    assert type(new_b) is float
    np.testing.assert_array_equal(w, [[1.0], [2.0]])
    assert new_w is not w


def test_update_parameters_rejects_rank1_dw():
    with pytest.raises(ValueError, match=r"dw must have shape \(n_x, 1\)"):
        lr.update_parameters(np.zeros((2, 1)), 0.0, {"dw": np.zeros(2), "db": 0.0}, 0.1)


def test_optimize_course_values(course_example):
    params, grads, costs = lr.optimize(*course_example, num_iterations=100, learning_rate=0.009)
    np.testing.assert_allclose(params["w"], [[0.19033591], [0.12259159]], rtol=0, atol=1e-8)
    assert params["b"] == pytest.approx(1.92535983008, abs=1e-10)
    np.testing.assert_allclose(grads["dw"], [[0.67752042], [1.41625495]], rtol=0, atol=1e-8)
    assert grads["db"] == pytest.approx(0.219194504541, abs=1e-11)
    np.testing.assert_allclose(costs, [5.80154532], rtol=0, atol=1e-8)


def test_optimize_does_not_modify_inputs(course_example):
    w, b, X, Y = course_example
    copies = [w.copy(), X.copy(), Y.copy()]
    params, _, _ = lr.optimize(w, b, X, Y, num_iterations=10, learning_rate=0.5)
    for before, after in zip(copies, (w, X, Y)):
        np.testing.assert_array_equal(before, after)
    assert b == 2.0
    assert params["w"] is not w
    assert not np.shares_memory(params["w"], w)


@pytest.mark.parametrize(("num_iterations", "n_costs"), [(1, 1), (100, 1), (101, 2), (250, 3)])
def test_optimize_records_a_cost_every_100_iterations(course_example, num_iterations, n_costs):
    _, _, costs = lr.optimize(*course_example, num_iterations=num_iterations, learning_rate=0.01)
    assert len(costs) == n_costs
    assert costs[0] == pytest.approx(COURSE_COST)
    assert all(type(c) is float for c in costs)


def test_optimize_costs_are_the_costs_before_those_iterations(course_example):
    w, b, X, Y = course_example
    params, _, costs = lr.optimize(w, b, X, Y, num_iterations=101, learning_rate=0.01)
    after_100, _, _ = lr.optimize(w, b, X, Y, num_iterations=100, learning_rate=0.01)
    _, cost_100 = lr.propagate(after_100["w"], after_100["b"], X, Y)
    assert costs[1] == pytest.approx(cost_100, rel=1e-14)


def test_optimize_decreases_the_cost(logreg_data):
    X, Y, _, _ = logreg_data
    w, b = lr.initialize_with_zeros(X.shape[0])
    _, _, costs = lr.optimize(w, b, X, Y, num_iterations=500, learning_rate=0.5)
    assert np.all(np.diff(costs) < 0)


def test_optimize_prints_costs(course_example, capsys):
    lr.optimize(*course_example, num_iterations=150, learning_rate=0.009, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Cost after iteration 0: 5.801545", lines[1]]
    assert lines[1].startswith("Cost after iteration 100: ")


def test_optimize_rejects_non_binary_labels(course_example):
    w, b, X, _ = course_example
    with pytest.raises(ValueError, match=r"binary labels 0 or 1; found values 0, 1, 2"):
        lr.optimize(w, b, X, np.array([[1, 2, 0]]))


@pytest.mark.parametrize("learning_rate", [0.0, -0.01])
def test_optimize_rejects_non_positive_learning_rate(course_example, learning_rate):
    with pytest.raises(ValueError, match="learning_rate must be positive"):
        lr.optimize(*course_example, learning_rate=learning_rate)


@pytest.mark.parametrize("learning_rate", [float("nan"), float("inf")])
def test_optimize_rejects_non_finite_learning_rate(course_example, learning_rate):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="learning_rate"):
            lr.optimize(*course_example, num_iterations=5, learning_rate=learning_rate)


def test_optimize_shape_errors_use_course_notation(course_example):
    w, b, X, Y = course_example
    with pytest.raises(ValueError, match=r"\(n_x, 1\)"):
        lr.optimize(w.ravel(), b, X, Y)
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        lr.optimize(w, b, X, Y.T)


# --- prediction and the whole model --------------------------------------------------------


def test_predict_course_values():
    w = np.array([[0.1124579], [0.23106775]])
    X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    Y_prediction = lr.predict(w, -0.3, X)
    np.testing.assert_array_equal(Y_prediction, [[1, 1, 0]])
    assert Y_prediction.shape == (1, 3)
    assert Y_prediction.dtype == np.float64


def test_predict_thresholds_strictly_above_one_half():
    X = np.array([[-1e-9, 0.0, 1e-9]])
    np.testing.assert_array_equal(lr.predict(np.array([[1.0]]), 0.0, X), [[0, 0, 1]])


def test_predict_rejects_transposed_input():
    with pytest.raises(ValueError, match=r"\(n_x, 1\)"):
        lr.predict(np.zeros((2, 1)), 0.0, np.zeros((5, 2)))


def test_accuracy():
    assert lr.accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 1, 1, 0]])) == 0.5
    assert type(lr.accuracy(np.ones((1, 2)), np.ones((1, 2)))) is float
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        lr.accuracy(np.ones((1, 4)), np.ones((4, 1)))


def test_model_on_separable_data(logreg_data):
    X_train, Y_train, X_test, Y_test = logreg_data
    d = lr.model(X_train, Y_train, X_test, Y_test, num_iterations=1000, learning_rate=0.5)
    assert set(d) == {
        "costs",
        "Y_prediction_test",
        "Y_prediction_train",
        "w",
        "b",
        "learning_rate",
        "num_iterations",
    }
    assert d["w"].shape == (X_train.shape[0], 1)
    assert d["Y_prediction_train"].shape == Y_train.shape
    assert d["Y_prediction_test"].shape == Y_test.shape
    assert len(d["costs"]) == 10
    assert (d["learning_rate"], d["num_iterations"]) == (0.5, 1000)
    assert lr.accuracy(d["Y_prediction_train"], Y_train) >= 0.98
    assert lr.accuracy(d["Y_prediction_test"], Y_test) >= 0.9
    assert d["costs"][-1] < 0.25 * d["costs"][0]
    # The model is optimize from zeros, then predict.
    params, _, costs = lr.optimize(
        *lr.initialize_with_zeros(X_train.shape[0]), X_train, Y_train, 1000, 0.5
    )
    np.testing.assert_array_equal(d["w"], params["w"])
    assert d["costs"] == costs


def test_model_prints_accuracies(logreg_data, capsys):
    lr.model(*logreg_data, num_iterations=100, learning_rate=0.5, print_cost=True)
    out = capsys.readouterr().out
    assert "Cost after iteration 0: 0.693147" in out  # log 2 from zero parameters
    assert "train accuracy: " in out and "test accuracy: " in out


def test_model_rejects_test_set_with_other_features(logreg_data):
    X_train, Y_train, X_test, Y_test = logreg_data
    with pytest.raises(ValueError, match=r"X_test must have shape \(n_x, m_test\)"):
        lr.model(X_train, Y_train, X_test[:2], Y_test, num_iterations=1)
