"""Unit tests of course_lib/c2_improving_dnns/regularization.py and its exercise checks."""
# ruff: noqa: NPY002  (the course's test vectors come from the legacy global generator)

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.regularization_checks import (
    check_compute_cost_with_regularization,
    check_forward_propagation_with_dropout,
)
from course_lib.exercises import random_network


def _course_parameters():
    """The assignment's test-case layout: seed 1, W1 (2, 3), b1, W2 (3, 2), b2, W3 (1, 3), b3."""
    np.random.seed(1)
    X = np.random.randn(3, 5)
    shapes = [(2, 3), (2, 1), (3, 2), (3, 1), (1, 3), (1, 1)]
    names = ["W1", "b1", "W2", "b2", "W3", "b3"]
    return X, {n: np.random.randn(*s) for n, s in zip(names, shapes)}


def test_cost_with_regularization_matches_course_value():
    np.random.seed(1)
    Y = np.array([[1, 1, 0, 1, 0]])
    shapes = [(2, 3), (2, 1), (3, 2), (3, 1), (1, 3), (1, 1)]
    parameters = {
        n: np.random.randn(*s) for n, s in zip(["W1", "b1", "W2", "b2", "W3", "b3"], shapes)
    }
    a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    cost = reg.compute_cost_with_regularization(a3, Y, parameters, lambd=0.1)
    assert isinstance(cost, float)
    assert cost == pytest.approx(1.78648594516, abs=1e-10)


def test_forward_propagation_with_dropout_matches_course_value():
    X, parameters = _course_parameters()
    A3, cache = reg.forward_propagation_with_dropout(X, parameters, keep_prob=0.7)
    expected = [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]]
    np.testing.assert_allclose(A3, expected, atol=1e-8)
    assert len(cache) == 14
    D1, A1, D2, A2 = cache[1], cache[2], cache[6], cache[7]
    assert set(np.unique(D1)) <= {0, 1} and D1.shape == A1.shape and D2.shape == A2.shape
    np.testing.assert_allclose(A1, np.maximum(cache[0], 0) * D1 / 0.7)


def test_dropout_keep_prob_one_equals_plain_forward():
    X, parameters = _course_parameters()
    A3_drop, _ = reg.forward_propagation_with_dropout(X, parameters, keep_prob=1.0)
    A3, _ = reg.forward_propagation(X, parameters)
    np.testing.assert_allclose(A3_drop, A3)


def test_backward_with_regularization_adds_lambda_over_m_w():
    X, Y, parameters = random_network([3, 4, 2, 1], 6, np.random.default_rng(0))
    _, cache = reg.forward_propagation(X, parameters)
    plain = reg.backward_propagation(X, Y, cache)
    regd = reg.backward_propagation_with_regularization(X, Y, cache, 0.7)
    for l in (1, 2, 3):
        np.testing.assert_allclose(regd[f"dW{l}"] - plain[f"dW{l}"], 0.7 / 6 * parameters[f"W{l}"])
        np.testing.assert_allclose(regd[f"db{l}"], plain[f"db{l}"])
    assert set(regd) == {
        "dZ3",
        "dW3",
        "db3",
        "dA2",
        "dZ2",
        "dW2",
        "db2",
        "dA1",
        "dZ1",
        "dW1",
        "db1",
    }


def test_backward_with_dropout_zeroes_dropped_units():
    X, Y, parameters = random_network([3, 20, 3, 1], 8, np.random.default_rng(1))
    _, cache = reg.forward_propagation_with_dropout(X, parameters, 0.5)
    grads = reg.backward_propagation_with_dropout(X, Y, cache, 0.5)
    D1, D2 = cache[1], cache[6]
    assert np.all(grads["dA1"][D1 == 0] == 0) and np.all(grads["dA2"][D2 == 0] == 0)


def test_penalty_covers_every_layer():
    params = {"W1": np.ones((2, 2)), "b1": np.ones((2, 1)) * 9, "W2": np.ones((1, 2)) * 2,
              "b2": np.zeros((1, 1)), "W3": -np.ones((1, 1))}  # fmt: skip
    # ||W1||^2 = 4, ||W2||^2 = 8, ||W3||^2 = 1: biases ignored, W3 included.
    assert reg.l2_penalty(params, 2.0, 4) == pytest.approx(2.0 / 8 * 13)
    assert reg.l1_penalty(params, 2.0, 4) == pytest.approx(2.0 / 4 * (4 + 4 + 1))


def test_weight_decay_equals_gd_on_l2_gradient():
    X, Y, parameters = random_network([4, 5, 3, 1], 7, np.random.default_rng(2))
    AL, caches = dn.L_model_forward(X, parameters)
    plain = reg.L_model_backward_with_regularization(AL, Y, caches, 0.0)
    l2 = reg.L_model_backward_with_regularization(AL, Y, caches, 0.9)
    decayed = reg.update_parameters_with_weight_decay(parameters, plain, 0.1, 0.9, 7)
    gd = dn.update_parameters(parameters, l2, 0.1)
    for key in parameters:
        np.testing.assert_allclose(decayed[key], gd[key], rtol=1e-12, atol=1e-14)
    # the factor is slightly below 1: with zero gradients weights shrink
    zero = {f"d{k}": np.zeros_like(v) for k, v in parameters.items()}
    shrunk = reg.update_parameters_with_weight_decay(parameters, zero, 0.1, 0.9, 7)
    np.testing.assert_allclose(shrunk["W1"], (1 - 0.1 * 0.9 / 7) * parameters["W1"])
    np.testing.assert_allclose(shrunk["b1"], parameters["b1"])


def test_generic_backward_matches_the_3_layer_backward():
    X, Y, parameters = random_network([3, 20, 3, 1], 9, np.random.default_rng(3))
    _, cache = reg.forward_propagation(X, parameters)
    course = reg.backward_propagation_with_regularization(X, Y, cache, 0.4)
    AL, caches = reg.L_model_forward_with_dropout(X, parameters, 1.0, np.random.default_rng(0))
    generic = reg.L_model_backward_with_regularization(AL, Y, caches, 0.4)
    for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3"):
        np.testing.assert_allclose(generic[key], course[key], rtol=1e-12, atol=1e-14)


@given(keep=st.floats(0.2, 1.0), seed=st.integers(0, 1000))
def test_inverted_dropout_keeps_expected_activation(keep, seed):
    X, _, parameters = random_network([3, 200, 1], 400, np.random.default_rng(seed))
    _, caches = reg.L_model_forward_with_dropout(X, parameters, [keep], np.random.default_rng(seed))
    (A_prev, _, _), Z, D, k = caches[1][0], caches[0][1], caches[0][2], caches[0][3]
    assert k == keep
    # the kept units are scaled up by exactly 1/keep_prob, so the mean is preserved
    np.testing.assert_allclose(A_prev, np.maximum(Z, 0) * D / keep)
    ratio = A_prev.mean() / np.maximum(Z, 0).mean()
    assert abs(ratio - 1) < 0.1


def test_per_layer_keep_probs_validated():
    X, _, parameters = random_network([3, 4, 4, 1], 5, np.random.default_rng(0))
    with pytest.raises(ValueError, match="one value per hidden layer"):
        reg.L_model_forward_with_dropout(X, parameters, [0.5], np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        reg.L_model_forward_with_dropout(X, parameters, [0.5, 0.0], np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        reg.forward_propagation_with_dropout(X, parameters, keep_prob=1.5)


def test_shape_errors_name_course_notation():
    X, parameters = _course_parameters()
    with pytest.raises(ValueError, match=r"\(n_x, m\)"):
        reg.forward_propagation(X.T, parameters)
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        reg.compute_cost(np.full((1, 5), 0.5), np.ones((5, 1)))


def test_cost_is_finite_at_extreme_outputs():
    params = {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1))}
    A = np.array([[0.0, 1.0]])
    Y = np.array([[1.0, 0.0]])
    assert np.isfinite(reg.compute_cost_with_regularization(A, Y, params, 1.0))
    assert np.isfinite(reg.compute_cost_with_l1(A, Y, params, 1.0))


def test_model_regularisation_shrinks_weights_and_gap():
    X_train, Y_train, X_dev, Y_dev = reg.make_noisy_moons(seed=0)
    p0, costs = reg.train_model(X_train, Y_train, num_iterations=1500, print_cost=False)
    p1 = reg.model(X_train, Y_train, num_iterations=1500, print_cost=False, lambd=3.0)
    norm = lambda p: sum(np.sum(p[f"W{l}"] ** 2) for l in (1, 2, 3))  # noqa: E731
    assert norm(p1) < norm(p0)
    assert len(costs) == 2 and costs[1] < costs[0]
    both = reg.model(
        X_train, Y_train, num_iterations=200, print_cost=False, lambd=0.5, keep_prob=0.8
    )
    assert both["W1"].shape == (20, 2)


def test_model_prints_its_cost_in_the_course_format(capsys):
    X_train, Y_train, _, _ = reg.make_noisy_moons(m_train=20, seed=1)
    reg.model(X_train, Y_train, num_iterations=1, print_cost=True)
    assert "Cost after iteration 0:" in capsys.readouterr().out


def test_initialization_follows_the_assignment_recipe():
    parameters = reg.initialize_parameters([2, 20, 3, 1], seed=3)
    np.random.seed(3)
    np.testing.assert_allclose(parameters["W1"], np.random.randn(20, 2) / np.sqrt(2))
    assert np.all(parameters["b3"] == 0)


def test_l1_gradient_is_sign():
    X, Y, parameters = random_network([3, 4, 1], 5, np.random.default_rng(4))
    AL, caches = dn.L_model_forward(X, parameters)
    plain = reg.L_model_backward_with_regularization(AL, Y, caches, 0.0)
    l1 = reg.L_model_backward_with_regularization(AL, Y, caches, 2.0, penalty="l1")
    np.testing.assert_allclose(l1["dW1"] - plain["dW1"], 2.0 / 5 * np.sign(parameters["W1"]))
    with pytest.raises(ValueError, match="penalty"):
        reg.L_model_backward_with_regularization(AL, Y, caches, 1.0, penalty="l3")


def test_early_stopping_finds_dev_minimum():
    X_train, Y_train, X_dev, Y_dev = reg.make_noisy_moons(seed=0)
    out = reg.train_with_early_stopping(
        X_train, Y_train, X_dev, Y_dev, [2, 50, 20, 1], num_iterations=6000, eval_every=100,
        patience=5,
    )  # fmt: skip
    best = int(np.argmin(out["dev_costs"]))
    assert out["best_iteration"] == out["iterations"][best]
    assert out["stopped_at"] < 6000  # the dev cost turned up and training stopped
    assert out["stopped_at"] - out["best_iteration"] == 5 * 100
    AL, _ = dn.L_model_forward(X_dev, out["best_parameters"])
    assert reg.compute_cost(AL, Y_dev) == pytest.approx(out["dev_costs"][best])


def test_augmentation_shapes_and_flip():
    images = np.random.default_rng(0).random((3, 8, 10, 1))
    flipped = reg.horizontal_flip(images)
    np.testing.assert_array_equal(flipped[:, :, 0], images[:, :, -1])
    np.testing.assert_array_equal(reg.horizontal_flip(flipped), images)
    assert reg.random_crop(images, (5, 6), np.random.default_rng(0)).shape == (3, 5, 6, 1)
    np.testing.assert_allclose(reg.rotate_images(images, 0.0), images, atol=1e-12)
    assert reg.augment_images(images, np.random.default_rng(0)).shape == images.shape
    with pytest.raises(ValueError, match="fit"):
        reg.random_crop(images, (9, 6), np.random.default_rng(0))
    with pytest.raises(ValueError, match="n_H"):
        reg.horizontal_flip(images[0])


# --- exercise checks ----------------------------------------------------------------------


def test_checks_pass_reference_and_report_stub():
    assert check_compute_cost_with_regularization(reg.compute_cost_with_regularization).passed
    assert check_forward_propagation_with_dropout(reg.forward_propagation_with_dropout).passed

    def stub(*args):
        raise NotImplementedError

    assert check_compute_cost_with_regularization(stub).status == "not attempted"


def test_checks_catch_wrong_versions():
    def lambd_over_m(A3, Y, parameters, lambd):  # forgot the 2 in 2m
        m = Y.shape[1]
        W = [parameters[k] for k in parameters if k.startswith("W")]
        return reg.compute_cost(A3, Y) + lambd / m * sum(np.sum(w**2) for w in W)

    def only_w1_w2(A3, Y, parameters, lambd):  # seed error: misses a layer
        m = Y.shape[1]
        return reg.compute_cost(A3, Y) + lambd / (2 * m) * (
            np.sum(parameters["W1"] ** 2) + np.sum(parameters["W2"] ** 2)
        )

    def no_rescale(X, parameters, keep_prob=0.5):  # plain (not inverted) dropout
        np.random.seed(1)
        A3, cache = reg.forward_propagation_with_dropout(X, parameters, 1.0)
        Z1 = parameters["W1"] @ X + parameters["b1"]
        A1 = np.maximum(Z1, 0)
        D1 = (np.random.rand(*A1.shape) < keep_prob).astype(int)
        A1 = A1 * D1
        A2 = np.maximum(parameters["W2"] @ A1 + parameters["b2"], 0)
        D2 = (np.random.rand(*A2.shape) < keep_prob).astype(int)
        A2 = A2 * D2
        A3 = 1 / (1 + np.exp(-(parameters["W3"] @ A2 + parameters["b3"])))
        return A3, cache

    assert not check_compute_cost_with_regularization(lambd_over_m).passed
    assert not check_compute_cost_with_regularization(only_w1_w2).passed
    result = check_forward_propagation_with_dropout(no_rescale)
    assert not result.passed and "A3" in result.message
