"""Multi-task learning in NumPy: the masked cost and gradient, the data, training, the check."""

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml import transfer as tr
from course_lib.c3_structuring_ml.multitask_checks import check_multitask_cost

# The lecture's set-up for one image: y = (0, 1, 1, 0), a car and a stop sign.
AL_ONE = np.array([[0.1], [0.8], [0.7], [0.4]])
Y_ONE = np.array([[0.0], [1.0], [1.0], [0.0]])


# --- the cost ------------------------------------------------------------------------------


def test_cost_known_value_for_one_image():
    expected = -(np.log(0.9) + np.log(0.8) + np.log(0.7) + np.log(0.6))  # = 1.1960...
    assert mt.multitask_cost(AL_ONE, Y_ONE) == pytest.approx(expected, rel=1e-12)
    assert expected == pytest.approx(1.19600, abs=1e-5)


def test_cost_sums_over_labels_and_averages_over_examples():
    AL = np.hstack([AL_ONE, np.full((4, 1), 0.5)])
    Y = np.hstack([Y_ONE, np.ones((4, 1))])
    first = mt.multitask_cost(AL_ONE, Y_ONE)
    assert mt.multitask_cost(AL, Y) == pytest.approx((first + 4 * np.log(2)) / 2, rel=1e-12)


def test_missing_label_is_left_out_of_the_sum():
    Y = Y_ONE.copy()
    Y[2, 0] = np.nan  # the stop sign was not labelled
    expected = -(np.log(0.9) + np.log(0.8) + np.log(0.6))
    assert mt.multitask_cost(AL_ONE, Y) == pytest.approx(expected, rel=1e-12)
    mask = np.array([[1.0], [1.0], [0.0], [1.0]])
    assert mt.multitask_cost(AL_ONE, Y_ONE, mask) == pytest.approx(expected, rel=1e-12)
    assert mt.multitask_cost(AL_ONE, Y, mask) == pytest.approx(expected, rel=1e-12)


def test_the_value_under_a_question_mark_does_not_matter(rng):
    AL = rng.uniform(0.05, 0.95, (4, 9))
    Y = (rng.random((4, 9)) > 0.5).astype(float)
    mask = (rng.random((4, 9)) > 0.4).astype(float)
    flipped = np.where(mask == 1, Y, 1 - Y)
    assert mt.multitask_cost(AL, Y, mask) == mt.multitask_cost(AL, flipped, mask)
    np.testing.assert_array_equal(
        mt.multitask_backward(AL, Y, mask), mt.multitask_backward(AL, flipped, mask)
    )


def test_one_task_without_mask_is_the_course_1_cost(rng):
    AL = rng.uniform(0.01, 0.99, (1, 12))
    Y = (rng.random((1, 12)) > 0.5).astype(float)
    assert mt.multitask_cost(AL, Y) == pytest.approx(dn.compute_cost(AL, Y), rel=1e-12)


def test_stable_at_zero_one_and_large_logits():
    AL = np.array([[1.0, 0.0], [0.0, 1.0]])
    right = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert mt.multitask_cost(AL, right) == 0.0
    wrong = mt.multitask_cost(AL, 1 - right)
    assert np.isfinite(wrong) and wrong > 700  # -log(tiny) per label, not inf or nan
    Z = np.array([[1e4, -1e4], [-1e4, 1e4]])
    assert mt.multitask_cost_from_logits(Z, right) == 0.0
    assert mt.multitask_cost_from_logits(Z, 1 - right) == pytest.approx(2e4)  # 4 x 1e4 / m
    assert np.all(np.isfinite(mt.multitask_backward(AL, 1 - right)))


def test_cost_from_logits_matches_cost_from_probabilities(rng):
    Z = rng.normal(0, 3, (4, 20))
    Y = mt.hide_labels((rng.random((4, 20)) > 0.5).astype(float), 0.3, seed=1)
    assert mt.multitask_cost_from_logits(Z, Y) == pytest.approx(
        mt.multitask_cost(sigmoid(Z), Y), rel=1e-10
    )


def test_backward_known_value():
    Y = Y_ONE.copy()
    Y[3, 0] = np.nan
    np.testing.assert_allclose(
        mt.multitask_backward(AL_ONE, Y), [[0.1], [-0.2], [-0.3], [0.0]], atol=1e-15
    )


def test_backward_uses_the_course_notation_without_1_over_m(rng):
    # dZ^[L] = M * (AL - Y) as in Course 1; the 1/m enters with dW^[L] = (1/m) dZ A^T.
    m = 6
    AL = rng.uniform(0.05, 0.95, (3, m))
    Y = mt.hide_labels((rng.random((3, m)) > 0.5).astype(float), 0.3, seed=2)
    mask = mt.label_mask(Y)
    dZ = mt.multitask_backward(AL, Y)
    np.testing.assert_allclose(dZ, mask * (AL - np.nan_to_num(Y)), atol=1e-15)
    X = rng.standard_normal((5, m))
    params = tr.he_parameters([5, 4, 3], seed=2)
    AL_net, caches = dn.L_model_forward(X, params)
    grads = mt.multitask_model_backward(AL_net, Y, caches)
    dZ_net = mt.multitask_backward(AL_net, Y)
    A_prev = caches[-1][0][0]
    np.testing.assert_allclose(grads["dW2"], dZ_net @ A_prev.T / m, atol=1e-14)
    np.testing.assert_allclose(grads["db2"], dZ_net.sum(axis=1, keepdims=True) / m, atol=1e-14)


def test_model_backward_without_missing_labels_is_course_1s(rng):
    X = rng.standard_normal((5, 7))
    params = tr.he_parameters([5, 4, 3], seed=1)
    params["b1"] = np.full((4, 1), 0.1)
    Y = (rng.random((3, 7)) > 0.5).astype(float)
    AL, caches = dn.L_model_forward(X, params)
    mine, course = mt.multitask_model_backward(AL, Y, caches), dn.L_model_backward(AL, Y, caches)
    assert set(mine) == set(course)
    for key in course:
        np.testing.assert_allclose(mine[key], course[key], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(
    "args, message",
    [
        ((np.full((4, 3), 0.5), np.ones((3, 4))), r"Y must have shape \(n_y, m\) = \(4, 3\)"),
        ((np.full((4, 3), 0.5), np.ones((4, 3)), np.ones((4, 2))), r"mask must have shape"),
        ((np.full((4, 3), 0.5), np.full((4, 3), 2.0)), "binary"),
        ((np.full((4, 3), 0.5), np.ones((4, 3)), np.full((4, 3), 0.5)), "mask must hold binary"),
        (
            (np.full((4, 3), 0.5), np.full((4, 3), np.nan), np.ones((4, 3))),
            "NaN .missing. where mask",
        ),
        ((np.full(4, 0.5), np.ones(4)), r"AL must have shape"),
    ],
)
def test_clear_errors(args, message):
    with pytest.raises(ValueError, match=message):
        mt.multitask_cost(*args)


def test_model_backward_needs_caches():
    with pytest.raises(ValueError, match="caches is empty"):
        mt.multitask_model_backward(AL_ONE, Y_ONE, [])


# --- data ----------------------------------------------------------------------------------


def test_driving_scenes_labels_are_balanced_and_overlap():
    X, Y = mt.driving_scenes(4000, seed=1)
    assert X.shape == (10, 4000) and Y.shape == (len(mt.TASK_NAMES), 4000)
    assert set(np.unique(Y)) == {0.0, 1.0}
    np.testing.assert_allclose(Y.mean(axis=1), 0.5, atol=0.05)
    assert np.mean(Y.sum(axis=0) >= 2) > 0.3  # several objects at once: not a softmax task


def test_driving_scenes_seeds_and_the_unshared_control():
    a, b = mt.driving_scenes(100, seed=2), mt.driving_scenes(100, seed=2)
    np.testing.assert_array_equal(a[1], b[1])
    unshared = mt.driving_scenes(100, seed=2, shared=False)
    np.testing.assert_array_equal(unshared[0], a[0])  # same inputs ...
    assert not np.array_equal(unshared[1], a[1])  # ... other features decide the labels
    with pytest.raises(ValueError, match="m must be"):
        mt.driving_scenes(0, seed=0)


def test_hide_labels_and_label_mask(rng):
    Y = (rng.random((4, 1000)) > 0.5).astype(float)
    hidden = mt.hide_labels(Y, 0.3, seed=0)
    assert not np.isnan(Y).any()  # the input is not modified
    assert np.isnan(hidden).mean() == pytest.approx(0.3, abs=0.03)
    mask = mt.label_mask(hidden)
    np.testing.assert_array_equal(mask == 0, np.isnan(hidden))
    np.testing.assert_array_equal(hidden[mask == 1], Y[mask == 1])
    assert not np.isnan(mt.hide_labels(Y, 0.0)).any() and np.isnan(mt.hide_labels(Y, 1.0)).all()
    with pytest.raises(ValueError, match="fraction"):
        mt.hide_labels(Y, 1.5)


# --- training and measuring ----------------------------------------------------------------


def test_train_multitask_learns_and_ignores_question_marks():
    X, Y = mt.driving_scenes(150, seed=3)
    hidden = mt.hide_labels(Y, 0.4, seed=3)
    params, costs = mt.train_multitask(
        X, hidden, num_iterations=300, learning_rate=2.0, return_costs=True
    )
    assert params["W2"].shape == (4, 8) and costs[-1] < costs[0] / 2
    mask = mt.label_mask(hidden)
    other = mt.train_multitask(
        X, np.where(mask == 1, Y, 1 - Y), mask=mask, num_iterations=300, learning_rate=2.0
    )
    for key in params:  # a "?" sends no gradient, whatever value sits under it
        np.testing.assert_array_equal(params[key], other[key])
    assert mt.task_error_rates(X, Y, params).mean() < 0.15


def test_train_separate_gives_one_network_per_task_on_its_own_labels():
    X, Y = mt.driving_scenes(80, seed=4)
    hidden = mt.hide_labels(Y, 0.5, seed=4)
    networks = mt.train_separate(X, hidden, num_iterations=50)
    assert len(networks) == 4 and all(net["W2"].shape == (1, 8) for net in networks)
    keep = ~np.isnan(hidden[1])
    alone = mt.train_multitask(X[:, keep], hidden[1:2, keep], num_iterations=50)
    np.testing.assert_array_equal(networks[1]["W1"], alone["W1"])
    hidden[2] = np.nan
    with pytest.raises(ValueError, match="task 2 has no labelled example"):
        mt.train_separate(X, hidden)


def test_predictions_and_task_errors_count_only_existing_labels():
    params = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1))}  # logistic, 2 tasks
    X = np.array([[2.0, -2.0, 3.0]])
    np.testing.assert_array_equal(mt.predict_labels(X, params), [[1, 0, 1], [0, 1, 0]])
    Y = np.array([[1.0, 1.0, np.nan], [0.0, np.nan, np.nan]])
    np.testing.assert_allclose(mt.task_error_rates(X, Y, params), [0.5, 0.0])
    as_list = [
        {"W1": params["W1"][:1], "b1": params["b1"][:1]},
        {"W1": params["W1"][1:], "b1": params["b1"][1:]},
    ]
    np.testing.assert_array_equal(mt.predict_labels(X, as_list), mt.predict_labels(X, params))
    with pytest.raises(ValueError, match="threshold"):
        mt.predict_labels(X, params, threshold=2)


def test_joint_vs_separate_shapes_and_the_gain():
    seen = []
    result = mt.joint_vs_separate(
        [200], seeds=(0,), num_iterations=500, learning_rate=2.0, m_dev=2000, progress=seen.append
    )
    assert result["joint"].shape == result["separate"].shape == (1, 4) and seen == [1.0]
    assert result["joint"].mean() < result["separate"].mean() - 0.02  # shared features pay off
    with pytest.raises(ValueError, match="at least one"):
        mt.joint_vs_separate([], seeds=(0,))


# --- the exercise check --------------------------------------------------------------------


def test_check_passes_the_reference_and_a_plain_solution():
    def plain(AL, Y, mask):
        Y = np.where(mask == 1, Y, 0)
        AL = np.clip(AL, 1e-15, 1 - 1e-15)
        losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
        return float(np.sum(losses * mask) / AL.shape[1])

    assert check_multitask_cost(mt.multitask_cost).passed
    assert check_multitask_cost(plain).passed


def test_check_reports_a_stub_as_to_do():
    def stub(AL, Y, mask):
        raise NotImplementedError

    result = check_multitask_cost(stub)
    assert result.status == "not attempted" and "TO DO" in str(result)


def test_check_explains_common_mistakes():
    def mean_over_everything(AL, Y, mask):
        Y = np.where(mask == 1, Y, 0)
        return float(np.mean(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask))

    def forgets_the_nan(AL, Y, mask):
        return float(np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask) / AL.shape[1])

    def no_clipping(AL, Y, mask):
        Y = np.where(mask == 1, Y, 0)
        return float(np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask) / AL.shape[1])

    first = check_multitask_cost(mean_over_everything)
    assert not first.passed and "NOT YET" in str(first) and "np.mean over all entries" in str(first)
    second = check_multitask_cost(forgets_the_nan)
    assert not second.passed and "NaN * 0 is still NaN" in str(second)
    with np.errstate(divide="ignore", invalid="ignore"):
        third = check_multitask_cost(no_clipping)
    assert not third.passed and "np.log(0) is -inf" in str(third)
