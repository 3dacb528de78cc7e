"""The shared Course 2 training loop: batching, cost bookkeeping, printing, progress."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns.training import full_batch, train_loop


def _gd_step(learning_rate):
    def step(parameters, X_t, Y_t, t):
        AL, caches = dn.L_model_forward(X_t, parameters)
        grads = dn.L_model_backward(AL, Y_t, caches)
        return dn.update_parameters(parameters, grads, learning_rate), dn.compute_cost(AL, Y_t)

    return step


def test_full_batch_loop_equals_plain_gradient_descent(make_logreg_data):
    X, Y = make_logreg_data(n_x=3, m=40)
    start = dn.initialize_parameters_deep([3, 4, 1], seed=1)
    trained, costs = train_loop(
        start, _gd_step(0.1), 250, batches=full_batch(X, Y), record_every=100
    )
    expected, expected_costs = start, []
    for i in range(250):
        AL, caches = dn.L_model_forward(X, expected)
        if i % 100 == 0:
            expected_costs.append(dn.compute_cost(AL, Y))
        expected = dn.update_parameters(expected, dn.L_model_backward(AL, Y, caches), 0.1)
    assert len(costs) == 3  # epochs 0, 100, 200
    np.testing.assert_allclose(costs, expected_costs)
    for key in expected:
        np.testing.assert_allclose(trained[key], expected[key])


def test_epoch_cost_weights_batches_by_size_and_t_counts_updates():
    X = np.arange(10.0).reshape(1, 10)
    Y = np.zeros((1, 10))
    seen = []

    def step(parameters, X_t, Y_t, t):
        seen.append((t, X_t.shape[1]))
        return parameters, float(X_t.mean())  # "cost" = mean of the batch

    def batches(epoch):
        return [(X[:, :8], Y[:, :8]), (X[:, 8:], Y[:, 8:])]

    _, costs = train_loop({}, step, 2, batches=batches, record_every=1)
    assert [t for t, _ in seen] == [1, 2, 3, 4]
    # Weighted by batch size, the epoch "cost" is the mean over all 10 examples.
    np.testing.assert_allclose(costs, [4.5, 4.5])


def test_prints_and_reports_progress(capsys):
    fractions = []
    train_loop(
        {},
        lambda p, X_t, Y_t, t: (p, 1.0),
        40,
        batches=full_batch(np.ones((1, 2)), np.ones((1, 2))),
        print_every=20,
        progress=fractions.append,
        unit="iteration",
    )
    assert capsys.readouterr().out.splitlines() == [
        "Cost after iteration 0: 1.000000",
        "Cost after iteration 20: 1.000000",
    ]
    assert fractions[-1] == 1.0 and len(fractions) == 20
    assert fractions == sorted(fractions)


@pytest.mark.parametrize("bad", [-1, 2.5])
def test_rejects_bad_epoch_counts(bad):
    with pytest.raises(ValueError, match="num_epochs"):
        train_loop({}, lambda *a: ({}, 0.0), bad, batches=lambda e: [])


def test_rejects_an_empty_epoch():
    with pytest.raises(ValueError, match="no examples"):
        train_loop({}, lambda *a: ({}, 0.0), 1, batches=lambda e: [])
