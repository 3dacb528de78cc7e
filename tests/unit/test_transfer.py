"""Transfer learning in NumPy: the tasks, the new head, freezing, and the measured trade-off."""
# ruff: noqa: NPY002  (one test checks that the legacy global generator is left alone)

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml import transfer as tr


@pytest.fixture(scope="module")
def pretrained():
    X_A, Y_A = tr.related_tasks(5000, "A", seed=0)  # as in the lesson
    return tr.pretrain(X_A, Y_A)


@pytest.fixture(scope="module")
def task_b():
    return tr.related_tasks(60, "B", seed=5)


# --- the tasks -----------------------------------------------------------------------------


def test_related_tasks_shapes_and_labels():
    X_A, Y_A = tr.related_tasks(3000, "A", seed=0)
    X_B, Y_B = tr.related_tasks(3000, "B", seed=0)
    assert X_A.shape == X_B.shape == (tr.N_X, 3000)
    assert Y_A.shape == (tr.N_CLASSES_A, 3000) and Y_B.shape == (1, 3000)
    np.testing.assert_array_equal(Y_A.sum(axis=0), 1.0)  # one-hot
    assert Y_A.mean(axis=1).min() > 0.01  # every class of A is used
    assert 0.4 < Y_B.mean() < 0.6  # B's threshold sits at the median
    np.testing.assert_array_equal(X_A, X_B)  # same seed, same inputs: only the labels differ


def test_related_tasks_are_deterministic_and_seeded():
    a, b = tr.related_tasks(50, "B", seed=3), tr.related_tasks(50, "B", seed=3)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], tr.related_tasks(50, "B", seed=4)[0])


@pytest.mark.parametrize("task, m", [("C", 10), ("A", 0), ("B", 2.5)])
def test_related_tasks_clear_errors(task, m):
    with pytest.raises(ValueError, match="task must be|m must be"):
        tr.related_tasks(m, task, seed=0)


def test_he_parameters_shapes_scale_and_no_global_state():
    state = np.random.get_state()[1].copy()
    params = tr.he_parameters([400, 300, 1], seed=0)
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # global generator untouched
    assert params["W1"].shape == (300, 400) and params["b2"].shape == (1, 1)
    assert params["W1"].std() == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert not params["b1"].any()
    np.testing.assert_array_equal(tr.he_parameters([400, 300, 1], seed=0)["W2"], params["W2"])


# --- pre-training and the new head ---------------------------------------------------------


def test_pretraining_learns_task_a(pretrained):
    X_dev, Y_dev = tr.related_tasks(1000, "A", seed=1)
    assert [pretrained[f"W{l}"].shape for l in (1, 2, 3)] == [(32, 16), (16, 32), (6, 16)]
    assert sm.accuracy(sm.predict(X_dev, pretrained), Y_dev) > 0.8


def test_replace_output_layer_keeps_the_body_and_draws_a_new_head(pretrained):
    new = tr.replace_output_layer(pretrained, n_out=1, seed=0)
    assert set(new) == set(pretrained)
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(new[key], pretrained[key])
        assert new[key] is not pretrained[key]  # a copy: training B cannot change A's network
    assert new["W3"].shape == (1, 16) and new["b3"].shape == (1, 1) and not new["b3"].any()
    np.testing.assert_array_equal(new["W3"], tr.he_parameters([16, 1], seed=0)["W1"])
    assert not np.array_equal(new["W3"], tr.replace_output_layer(pretrained, seed=1)["W3"])
    assert tr.replace_output_layer(pretrained, n_out=3)["W3"].shape == (3, 16)


def test_replace_output_layer_clear_errors(pretrained):
    with pytest.raises(ValueError, match="one layer"):
        tr.replace_output_layer({"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))})
    with pytest.raises(ValueError, match="n_out"):
        tr.replace_output_layer(pretrained, n_out=0)


# --- freezing ------------------------------------------------------------------------------


def _naive_fine_tune(X, Y, parameters, frozen_layers, num_iterations, learning_rate):
    """The definition: the whole network forward and backward, update only unfrozen layers."""
    params = {k: v.copy() for k, v in parameters.items()}
    L = len(params) // 2
    for _ in range(num_iterations):
        AL, caches = dn.L_model_forward(X, params)
        grads = dn.L_model_backward(AL, Y, caches)
        for l in range(frozen_layers + 1, L + 1):
            params[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
            params[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return params


@pytest.mark.parametrize("frozen", [0, 1, 2])
def test_fine_tune_updates_only_the_unfrozen_layers(pretrained, task_b, frozen):
    X, Y = task_b
    start = tr.replace_output_layer(pretrained, seed=2)
    trained = tr.fine_tune(X, Y, start, frozen, num_iterations=30, learning_rate=0.2)
    for l in (1, 2, 3):
        unchanged = np.array_equal(trained[f"W{l}"], start[f"W{l}"])
        assert unchanged == (l <= frozen), f"layer {l} with {frozen} frozen"
    expected = _naive_fine_tune(X, Y, start, frozen, 30, 0.2)
    for key in start:
        np.testing.assert_allclose(trained[key], expected[key], rtol=1e-12, atol=1e-14)
    assert not np.shares_memory(trained["W1"], start["W1"])


def test_fine_tune_lowers_the_cost(pretrained, task_b):
    X, Y = task_b
    start = tr.replace_output_layer(pretrained)
    _, costs = tr.fine_tune(X, Y, start, 2, num_iterations=300, return_costs=True)
    assert len(costs) == 3 and costs[-1] < costs[0]


@pytest.mark.parametrize("frozen", [-1, 3, 1.5, True])
def test_fine_tune_rejects_bad_frozen_counts(pretrained, task_b, frozen):
    with pytest.raises(ValueError, match="frozen_layers must be"):
        tr.fine_tune(*task_b, tr.replace_output_layer(pretrained), frozen)


def test_fine_tune_shape_errors_name_the_course_shape(pretrained, task_b):
    X, Y = task_b
    start = tr.replace_output_layer(pretrained)
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\) = \(16, m\)"):
        tr.fine_tune(X[:10], Y, start, 2)
    with pytest.raises(ValueError, match=r"Y must have shape"):
        tr.fine_tune(X, Y[:, :5], start, 2)
    with pytest.raises(ValueError, match="binary"):
        tr.fine_tune(X, 2 * Y, start, 2)


def test_train_from_scratch_fits_task_b():
    X, Y = tr.related_tasks(200, "B", seed=7)
    params = tr.train_from_scratch(X, Y, num_iterations=600)
    assert params["W1"].shape == (32, 16)
    assert models.error_rate(X, Y, params) < 0.1


# --- one run and the study -----------------------------------------------------------------


def test_transfer_run_pretrained_beats_random_with_few_examples(pretrained):
    X, Y = tr.related_tasks(20, "B", seed=1000)
    X_dev, Y_dev = tr.related_tasks(1000, "B", seed=1)
    transferred = tr.transfer_run(pretrained, X, Y, X_dev, Y_dev, "pre-trained", 2)
    random = tr.transfer_run(pretrained, X, Y, X_dev, Y_dev, "random", 2)
    assert set(transferred) == {"parameters", "train_error", "dev_error"}
    assert transferred["dev_error"] < random["dev_error"] - 0.05
    np.testing.assert_array_equal(transferred["parameters"]["W1"], pretrained["W1"])
    with pytest.raises(ValueError, match="start must be"):
        tr.transfer_run(pretrained, X, Y, X_dev, Y_dev, "imagenet", 2)


def test_transfer_study_shapes_nesting_and_progress(pretrained):
    seen = []
    variants = {"from scratch": ("random", 0), "new head only": ("pre-trained", 2)}
    study = tr.transfer_study(
        pretrained, [10, 30], seeds=(0, 1), variants=variants, m_dev=500, progress=seen.append
    )
    assert list(study["m"]) == [10, 30] and study["variants"] == list(variants)
    assert study["runs"]["new head only"].shape == (2, 2)
    np.testing.assert_allclose(
        study["dev_error"]["from scratch"], study["runs"]["from scratch"].mean(1)
    )
    assert seen[-1] == 1.0 and len(seen) == 8
    # The first m examples of seed 1's pool, trained directly, give the same number.
    X_pool, Y_pool = tr.related_tasks(tr.POOL_SIZE, "B", seed=1001)
    X_dev, Y_dev = tr.related_tasks(500, "B", seed=1)
    run = tr.transfer_run(
        pretrained, X_pool[:, :10], Y_pool[:, :10], X_dev, Y_dev, "pre-trained", 2, 1
    )
    assert study["runs"]["new head only"][0, 1] == run["dev_error"]


def test_transfer_study_clear_errors(pretrained):
    with pytest.raises(ValueError, match="m_values"):
        tr.transfer_study(pretrained, [])
    with pytest.raises(ValueError, match="seeds"):
        tr.transfer_study(pretrained, [10], seeds=())


def test_the_lessons_trade_off_holds(pretrained):
    study = tr.transfer_study(pretrained, [10, 1000], seeds=(0, 1), m_dev=1000)
    dev = study["dev_error"]
    assert dev["new head only"][0] < dev["from scratch"][0] - 0.05  # small B: transfer helps
    gain = dev["new head only"] - dev["fine-tune all layers"]
    assert gain[1] > gain[0]  # fine-tuning pays off with more data
