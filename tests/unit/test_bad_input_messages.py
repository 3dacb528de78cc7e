"""The bad inputs a learner tried, each with the message it must now get.

The fuzz test (test_fuzz_public_api.py) asserts that every bad call raises a course_lib
ValueError or TypeError; these tests pin what the message says for the cases that used to
hang, give a raw NumPy error or a silently wrong number.
"""

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import neurons
from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns import input_normalization as inn
from course_lib.c2_improving_dnns import optimizers as opt
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.training import full_batch, train_loop


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 7))
    Y = (X[:1] > 0).astype(np.float64)
    return X, Y


def _three_layer(seed=0):
    rng = np.random.default_rng(seed)
    dims = gc.LAYER_DIMS
    p = {}
    for l in range(1, len(dims)):
        p[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * 0.5
        p[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.1
    return p


@pytest.mark.parametrize(("bad", "what"), [(np.inf, "infinity"), (np.nan, "NaN")])
def test_fit_relu_curve_refuses_non_finite_x_instead_of_hanging(bad, what):
    x = np.linspace(0.5, 3, 8)[None, :]
    y = 2 * x + 1
    x[0, 3] = bad
    with pytest.raises(ValueError, match=rf"x must hold finite numbers; found {what}"):
        neurons.fit_relu_curve(x, y, 3)


def test_gradient_checking_refuses_a_transposed_y():
    # Y.T (m, 1) used to broadcast against A3 (1, m) into an (m, m) cost: 5.35 for 0.67.
    rng = np.random.default_rng(1)
    X = rng.standard_normal((gc.LAYER_DIMS[0], 3))
    Y = np.array([[1.0, 0.0, 1.0]])
    p = _three_layer()
    cost, cache = gc.forward_propagation_n(X, Y, p)
    assert np.isfinite(cost)
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\) = \(1, 3\); got \(3, 1\)"):
        gc.forward_propagation_n(X, Y.T, p)
    grads = gc.backward_propagation_n(X, Y, cache)
    assert gc.gradient_check_n(p, grads, X, Y) < 2e-7  # a correct backprop passes
    with pytest.raises(ValueError, match="Is Y transposed"):
        gc.gradient_check_n(p, grads, X, Y.T)


def test_linear_cost_and_gradients_check_their_inputs():
    X = np.arange(12.0).reshape(2, 6)
    y = np.ones((1, 6))
    w = np.ones((2, 1))
    assert inn.linear_cost(w, X, y) == pytest.approx(np.sum((w.T @ X - y) ** 2) / 12)
    assert inn.linear_gradients(w, X, y).shape == (2, 1)
    with pytest.raises(ValueError, match=r"X looks transposed: X has shape \(6, 2\)"):
        inn.linear_cost(w, X.T, y)
    with pytest.raises(ValueError, match=r"y must have shape \(1, m\) = \(1, 6\); got \(6, 1\)"):
        inn.linear_gradients(w, X, y.T)  # used to return a (2, 6) "gradient"
    with pytest.raises(ValueError, match=r"w must have shape \(n_x, 1\) = \(2, 1\); got \(1, 2\)"):
        inn.linear_gradients(w.T, X, y)


def test_random_batches_refuses_a_transposed_x(data):
    X, Y = data
    assert sum(b[0].shape[1] for b in bn.random_batches(X, Y, 3, seed=0)) == 7
    with pytest.raises(ValueError, match="X looks transposed"):
        bn.random_batches(X.T, Y, 3, seed=0)  # used to return one wrong batch


def test_deep_linear_forward_reports_a_missing_bias_instead_of_skipping_a_layer():
    p = ini.deep_linear_parameters(3, 4, 1.5)
    del p["b4"]
    with pytest.raises(ValueError, match="parameters is missing b4"):
        ini.deep_linear_forward(np.ones((3, 2)), p)


@pytest.mark.parametrize(
    "call",
    [
        lambda X, Y: reg.model(X, Y, num_iterations=2, print_cost=False),
        lambda X, Y: reg.train_regularized(X, Y, [2, 3, 1], num_iterations=2),
        lambda X, Y: opt.train_with_optimizer(
            X, Y, [2, 3, 1], "adam", num_epochs=2, mini_batch_size=4, print_cost=False
        ),
        lambda X, Y: dn.L_layer_model(X, Y, [2, 3, 1], num_iterations=2),
        lambda X, Y: lr.model(X, Y, X, Y, num_iterations=2),
        lambda X, Y: dn.compute_cost(np.full(Y.shape, 0.6), Y),
        lambda X, Y: lr.compute_cost(np.full(Y.shape, 0.6), Y),
        lambda X, Y: reg.compute_cost(np.full(Y.shape, 0.6), Y),
    ],
    ids=[
        "reg.model",
        "train_regularized",
        "train_with_optimizer",
        "L_layer_model",
        "lr.model",
        "dn.compute_cost",
        "lr.compute_cost",
        "reg.compute_cost",
    ],
)
def test_every_trainer_and_cost_refuses_plus_minus_one_labels(data, call):
    X, Y = data
    call(X, Y)  # 0/1 labels are fine
    with pytest.raises(ValueError, match=r"Y\w* must hold binary labels 0 or 1; found values -1"):
        call(X, 2 * Y - 1)


@pytest.mark.parametrize(
    "predict",
    [
        lambda X, p: dn.predict(X, np.zeros((1, X.shape[1])), p),
        lambda X, p: reg.predict(X, p),
        lambda X, p: ini.predict(X, p),
        lambda X, p: lr.predict(p["W1"].T[:, :1], 0.0, X),
    ],
    ids=["deep_network", "regularization", "initialization", "logistic_regression"],
)
def test_predict_refuses_a_nan_example(predict):
    rng = np.random.default_rng(2)
    p = {"W1": rng.standard_normal((1, 2)), "b1": np.zeros((1, 1))}
    X = rng.standard_normal((2, 4))
    assert predict(X, p).shape == (1, 4)
    X[1, 2] = np.nan  # used to be classified as 0 and counted by accuracy
    with pytest.raises(
        ValueError, match=r"X must hold finite numbers; found NaN at index \(1, 2\)"
    ):
        predict(X, p)


def test_no_examples_gets_one_clear_error_not_nan():
    empty_A, empty_Y = np.zeros((1, 0)), np.zeros((1, 0))
    with pytest.raises(ValueError, match=r"A holds no examples \(m = 0\)"):
        lr.compute_cost(empty_A, empty_Y)
    with pytest.raises(ValueError, match=r"AL holds no examples \(m = 0\)"):
        dn.L_model_backward(empty_A, empty_Y, [((np.zeros((2, 0)), np.zeros((1, 2)), 0), empty_A)])
    with pytest.raises(ValueError, match=r"X holds no examples \(m = 0\)"):
        dn.L_layer_model(np.zeros((2, 0)), empty_Y, [2, 3, 1], num_iterations=2)
    with pytest.raises(ValueError, match="holds no examples"):
        reg.l2_penalty(_three_layer(), 0.1, 0)  # used to divide by zero


def test_strings_and_objects_are_refused_by_name(data):
    X, Y = data
    p = {"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))}
    with pytest.raises(TypeError, match="X must hold numbers; got strings"):
        dn.L_model_forward(X.astype(str), p)
    with pytest.raises(
        TypeError, match=r"X must hold numbers; got Python objects \(dtype=object\)"
    ):
        dn.L_model_forward(X.astype(object), p)
    # String labels used to be reported as "found values 0.0, 1.0".
    with pytest.raises(TypeError, match="Y must hold binary labels 0 or 1 as numbers; got strings"):
        dn.compute_cost(np.full(Y.shape, 0.6), Y.astype(str))


def test_a_transposed_x_is_named_not_blamed_on_y(data):
    X, Y = data
    for train in (
        lambda X_: dn.L_layer_model(X_, Y, [2, 3, 1], num_iterations=2),
        lambda X_: reg.model(X_, Y, num_iterations=2, print_cost=False),
        lambda X_: lr.model(X_, Y, X, Y, num_iterations=2),
    ):
        with pytest.raises(ValueError, match=r"X\w* looks transposed") as e:
            train(X.T)
        assert "pass X" in str(e.value) and "(2, 7)" in str(e.value)


def test_messages_repeat_no_symbolic_shape_and_name_no_internal(data):
    X, Y = data
    with pytest.raises(ValueError) as e:
        dn.compute_cost(np.full((1, 7), 0.6), np.zeros((2, 7)))
    assert str(e.value) == "Y must have shape (1, m) = (1, 7); got (2, 7)."
    with pytest.raises(ValueError) as e:
        train_loop({}, lambda p, X_t, Y_t, t: (p, 0.0), 1, batches=lambda epoch: [])
    assert "batches(" not in str(e.value) and "no examples to train on" in str(e.value)
    assert full_batch(X, Y)(0)[0][0] is X
