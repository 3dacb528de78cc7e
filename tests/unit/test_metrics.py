"""Unit tests for course_lib.c3_structuring_ml.metrics and its exercise check."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.metrics_checks import (
    check_precision_recall_f1,
    labels_with_counts,
)


def row(*values):
    return np.array([values], dtype=np.float64)


# --- confusion counts, precision, recall, F1 -------------------------------------------------


def test_confusion_counts_by_hand():
    Y_hat = row(1, 1, 0, 0, 1, 0)
    Y = row(1, 0, 1, 0, 1, 0)
    assert mt.confusion_counts(Y_hat, Y) == {"TP": 2, "FP": 1, "FN": 1, "TN": 2}


@pytest.mark.parametrize(
    "counts, expected",
    [
        ((171, 9, 19, 801), (0.95, 0.90, 2 * 0.95 * 0.90 / 1.85)),  # the lecture's classifier A
        ((833, 17, 147, 1003), (0.98, 0.85, 2 * 0.98 * 0.85 / 1.83)),  # classifier B
        ((12, 0, 0, 28), (1.0, 1.0, 1.0)),
        ((9, 21, 0, 0), (0.3, 1.0, 2 * 0.3 / 1.3)),
    ],
)
def test_precision_recall_f1_known_values(counts, expected):
    Y_hat, Y = labels_with_counts(*counts)
    assert mt.confusion_counts(Y_hat, Y) == dict(zip(("TP", "FP", "FN", "TN"), counts))
    assert mt.precision_recall_f1(Y_hat, Y) == pytest.approx(expected)


def test_lecture_example_f1_ranks_a_above_b():
    assert mt.f1_score(0.95, 0.90) == pytest.approx(0.924324, abs=1e-6)
    assert mt.f1_score(0.98, 0.85) == pytest.approx(0.910383, abs=1e-6)
    assert mt.f1_score(0.95, 0.90) > mt.f1_score(0.98, 0.85)


def test_empty_denominators_give_zero():
    nothing_predicted = labels_with_counts(0, 0, 7, 13)
    assert mt.precision_recall_f1(*nothing_predicted) == (0.0, 0.0, 0.0)
    no_positives = labels_with_counts(0, 4, 0, 6)
    assert mt.precision_recall_f1(*no_positives) == (0.0, 0.0, 0.0)
    assert mt.f1_score(0.0, 0.0) == 0.0


@given(
    st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=60),
)
def test_f1_is_a_mean_between_min_and_max_and_below_the_arithmetic_mean(pairs):
    Y_hat = np.array([[p for p, _ in pairs]], dtype=float)
    Y = np.array([[y for _, y in pairs]], dtype=float)
    P, R, F1 = mt.precision_recall_f1(Y_hat, Y)
    assert 0.0 <= F1 <= (P + R) / 2 + 1e-12
    if P > 0 and R > 0:
        assert min(P, R) - 1e-12 <= F1 <= max(P, R) + 1e-12


@pytest.mark.parametrize(
    "Y_hat, Y, message",
    [
        (np.ones(5), np.ones((1, 5)), r"Y_hat must have shape \(1, m\) = \(1, 5\); got \(5,\)"),
        (np.ones((1, 5)), np.ones((5, 1)), r"Y must have shape \(1, m\)"),
        (np.ones((1, 4)), np.ones((1, 5)), r"= \(1, 5\); got \(1, 4\)"),
        (row(0.2, 1, 0), row(1, 0, 1), "binary labels"),
        (row(1, 0, 1), row(2, 0, 1), "binary labels"),
    ],
)
def test_shapes_and_values_are_validated(Y_hat, Y, message):
    with pytest.raises(ValueError, match=message):
        mt.precision_recall_f1(Y_hat, Y)


@pytest.mark.parametrize("P, R", [(1.2, 0.5), (0.5, -0.1)])
def test_f1_score_rejects_percentages(P, R):
    with pytest.raises(ValueError, match="fraction in"):
        mt.f1_score(P, R)


# --- thresholds ------------------------------------------------------------------------------


@pytest.fixture
def scored(rng):
    Y = (rng.random((1, 300)) < 0.3).astype(float)
    proba = np.clip(0.35 * Y + 0.65 * rng.random((1, 300)), 0, 1)  # informative but noisy
    return proba, Y


def test_threshold_metrics_counts_and_extremes(scored):
    proba, Y = scored
    at_half = mt.threshold_metrics(proba, Y, 0.5)
    expected = mt.precision_recall_f1((proba > 0.5).astype(float), Y)
    assert (at_half["precision"], at_half["recall"], at_half["f1"]) == pytest.approx(expected)
    assert at_half["TP"] + at_half["FP"] + at_half["FN"] + at_half["TN"] == 300
    assert at_half["accuracy"] == pytest.approx(np.mean((proba > 0.5) == Y))
    everything = mt.threshold_metrics(proba, Y, 0.0)
    assert everything["recall"] == 1.0 and everything["predicted_positive"] == int(
        np.sum(proba > 0)
    )
    assert mt.threshold_metrics(proba, Y, 1.0)["predicted_positive"] == 0
    with pytest.raises(ValueError, match="threshold"):
        mt.threshold_metrics(proba, Y, 1.5)


def test_precision_recall_curve_agrees_with_single_thresholds(scored):
    proba, Y = scored
    curve = mt.precision_recall_curve(proba, Y)
    assert np.all(np.diff(curve["threshold"]) > 0)
    assert np.all(np.diff(curve["recall"]) <= 0)  # recall never rises with the threshold
    for k in (0, len(curve["threshold"]) // 3, len(curve["threshold"]) - 1):
        single = mt.threshold_metrics(proba, Y, curve["threshold"][k])
        assert curve["precision"][k] == pytest.approx(single["precision"])
        assert curve["recall"][k] == pytest.approx(single["recall"])
        assert curve["predicted_positive"][k] == single["predicted_positive"]
    # higher thresholds buy precision on informative scores
    low, high = mt.threshold_metrics(proba, Y, 0.2), mt.threshold_metrics(proba, Y, 0.8)
    assert high["precision"] > low["precision"] and high["recall"] < low["recall"]
    with pytest.raises(ValueError, match="thresholds"):
        mt.precision_recall_curve(proba, Y, thresholds=[0.5, 2.0])


# --- groups ----------------------------------------------------------------------------------


def test_per_group_errors_and_their_average():
    Y = row(1, 1, 0, 0, 1, 0)
    Y_hat = row(1, 0, 0, 1, 1, 0)
    groups = row(0, 0, 0, 1, 1, 1)
    errors = mt.per_group_errors(Y_hat, Y, groups)
    np.testing.assert_allclose(errors, [1 / 3, 1 / 3])
    # unequal group sizes: the average of groups differs from the pooled error
    groups = row(0, 0, 0, 0, 0, 1)
    np.testing.assert_allclose(mt.per_group_errors(Y_hat, Y, groups), [0.4, 0.0])
    assert mt.group_average_error(Y_hat, Y, groups) == pytest.approx(0.2)
    assert np.mean(Y_hat != Y) == pytest.approx(1 / 3)
    with_empty = mt.per_group_errors(Y_hat, Y, groups, n_groups=3)
    assert np.isnan(with_empty[2]) and mt.group_average_error(Y_hat, Y, groups, 3) == 0.2


def test_per_group_errors_rejects_bad_groups():
    Y = row(1, 0, 1)
    with pytest.raises(ValueError, match="non-negative integer"):
        mt.per_group_errors(Y, Y, row(0, -1, 1))
    with pytest.raises(ValueError, match="n_groups is 2"):
        mt.per_group_errors(Y, Y, row(0, 2, 1), n_groups=2)
    with pytest.raises(ValueError, match=r"groups must have shape \(1, m\)"):
        mt.per_group_errors(Y, Y, np.zeros((1, 4)))


# --- optimising vs satisficing ---------------------------------------------------------------


@pytest.mark.parametrize(
    "dims, expected", [([2, 1], 2), ([2, 4, 1], 12), ([2, 16, 16, 1], 304), ([64, 10, 1], 650)]
)
def test_multiply_adds(dims, expected):
    assert mt.multiply_adds(dims) == expected
    assert mt.prediction_time_ms(dims) == pytest.approx(expected / mt.MULTIPLY_ADDS_PER_MS)


def test_multiply_adds_errors():
    with pytest.raises(ValueError, match="layer_dims"):
        mt.multiply_adds([3])
    with pytest.raises(ValueError, match="positive"):
        mt.prediction_time_ms([2, 1], multiply_adds_per_ms=0)


ZOO = [
    {"name": "tiny", "dev_accuracy": 0.87, "time_ms": 0.02, "miss": 0.25},
    {"name": "small", "dev_accuracy": 0.93, "time_ms": 0.12, "miss": 0.10},
    {"name": "medium", "dev_accuracy": 0.95, "time_ms": 3.0, "miss": 0.11},
    {"name": "large", "dev_accuracy": 0.95, "time_ms": 11.0, "miss": 0.07},
]


def test_select_model_optimises_one_metric_and_satisfices_the_rest():
    pick = lambda **limits: mt.select_model(ZOO, "dev_accuracy", limits)  # noqa: E731
    assert pick(time_ms=100) == 2  # a tie on accuracy goes to the first candidate
    assert pick(time_ms=1.0) == 1
    assert pick(time_ms=0.05) == 0
    assert pick(time_ms=0.01) is None
    assert pick(time_ms=100, miss=0.08) == 3  # a second satisficing metric
    assert pick(time_ms=1.0, miss=0.05) is None
    assert mt.select_model(ZOO, "dev_accuracy", {}) == 2
    with pytest.raises(KeyError, match="no metric 'latency'"):
        mt.select_model(ZOO, "dev_accuracy", {"latency": 1})


# --- weighted error --------------------------------------------------------------------------


def test_weighted_error_by_hand():
    Y = row(1, 0, 0, 1, 0)
    Y_hat = row(1, 1, 0, 0, 0)  # wrong on examples 1 and 3
    assert mt.weighted_error(Y_hat, Y, np.ones((1, 5))) == pytest.approx(0.4)
    w = row(1, 10, 1, 1, 1)  # example 1 is flagged
    assert mt.weighted_error(Y_hat, Y, w) == pytest.approx(11 / 14)
    assert mt.weighted_error(Y_hat, Y, row(1, 0, 1, 0, 1)) == 0.0  # zero weight: ignored


@given(st.integers(1, 50), st.integers(0, 10_000))
def test_weighted_error_is_a_fraction_and_all_ones_is_the_plain_error(m, seed):
    rng = np.random.default_rng(seed)
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y_hat = (rng.random((1, m)) < 0.5).astype(float)
    w = rng.uniform(0.0, 10.0, (1, m)) + 1e-3
    assert 0.0 <= mt.weighted_error(Y_hat, Y, w) <= 1.0
    assert mt.weighted_error(Y_hat, Y, np.ones((1, m))) == pytest.approx(np.mean(Y_hat != Y))


@pytest.mark.parametrize(
    "weights, message",
    [
        (row(1, -1, 1), "non-negative"),
        (row(0, 0, 0), "not all be zero"),
        (np.ones(3), r"weights must have shape \(1, m\)"),
        (row(1, np.inf, 1), "finite"),
    ],
)
def test_weighted_error_errors(weights, message):
    with pytest.raises(ValueError, match=message):
        mt.weighted_error(row(1, 0, 1), row(1, 1, 1), weights)


# --- data, training, early stopping ----------------------------------------------------------


def test_market_data_shapes_shares_and_determinism():
    X, Y, market = mt.market_data(1000, seed=3, positive_fraction=0.25)
    assert X.shape == (2, 1000) and Y.shape == (1, 1000) and market.shape == (1, 1000)
    np.testing.assert_array_equal(np.bincount(market[0]), [400, 300, 200, 100])
    assert Y.mean() == pytest.approx(0.25, abs=0.002)
    again = mt.market_data(1000, seed=3, positive_fraction=0.25)
    np.testing.assert_array_equal(X, again[0])
    assert not np.array_equal(X, mt.market_data(1000, seed=4)[0])
    with pytest.raises(ValueError, match="positive_fraction"):
        mt.market_data(100, positive_fraction=1.0)
    with pytest.raises(ValueError, match="integer >= 8"):
        mt.market_data(5)


@pytest.fixture(scope="module")
def small_data():
    X, Y, _ = mt.market_data(120, seed=0)
    X_dev, Y_dev, _ = mt.market_data(200, seed=1)
    return X, Y, X_dev, Y_dev


def test_train_with_history_follows_train_classifier(small_data):
    X, Y, X_dev, Y_dev = small_data
    params, history = mt.train_with_history(X, Y, X_dev, Y_dev, (8, 8), 130, 0.5, 2, 25)
    reference = models.train_classifier(X, Y, (8, 8), 130, 0.5, seed=2)
    for key in reference:
        np.testing.assert_allclose(params[key], reference[key], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(history["iteration"], [0, 25, 50, 75, 100, 125, 130])
    assert history["train_error"][-1] == pytest.approx(models.error_rate(X, Y, params))
    assert history["dev_error"][-1] == pytest.approx(models.error_rate(X_dev, Y_dev, params))
    seen = []
    mt.train_with_history(X, Y, X_dev, Y_dev, (4,), 40, progress=seen.append)
    assert seen[-1] == pytest.approx(1.0)


def test_train_with_history_errors(small_data):
    X, Y, X_dev, Y_dev = small_data
    with pytest.raises(ValueError, match=r"X_dev must have shape \(n_x, m_dev\)"):
        mt.train_with_history(X, Y, X_dev.T, Y_dev)
    with pytest.raises(ValueError, match="record_every"):
        mt.train_with_history(X, Y, X_dev, Y_dev, record_every=0)


def test_early_stopping_point_on_a_known_history():
    history = {
        "iteration": np.array([0, 10, 20, 30]),
        "train_error": np.array([0.5, 0.2, 0.1, 0.0]),
        "dev_error": np.array([0.5, 0.25, 0.3, 0.35]),
    }
    stop = mt.early_stopping_point(history)
    assert stop["iteration"] == 10 and stop["dev_error"] == 0.25 and stop["train_error"] == 0.2
    assert stop["final_iteration"] == 30 and stop["final_dev_error"] == 0.35
    with pytest.raises(ValueError, match="non-empty"):
        mt.early_stopping_point({**history, "dev_error": np.array([])})


def test_train_zoo_names_costs_and_models(small_data):
    X, Y, _, _ = small_data
    zoo = mt.train_zoo(X, Y, [(), (4,), (8, 8)], num_iterations=30)
    assert [m["name"] for m in zoo] == ["[2, 1] (logistic regression)", "[2, 4, 1]", "[2, 8, 8, 1]"]
    assert [m["multiply_adds"] for m in zoo] == [2, 12, 88]
    assert zoo[2]["time_ms"] == pytest.approx(0.88)
    assert zoo[1]["parameters"]["W1"].shape == (4, 2)
    assert mt.measured_prediction_ms(X, zoo[1]["parameters"], repeats=2) > 0


def test_plot_orthogonalization_draws_the_chain():
    ax = mt.plot_orthogonalization()
    texts = " ".join(t.get_text() for t in ax.texts)
    for word in ("fit training set", "fit dev set", "fit test set", "real world", "early"):
        assert word in texts
    assert len(mt.ORTHOGONAL_KNOBS) == 4 and len(mt.STRATEGY_IDEAS) >= 8
    # no two boxes overlap (early stopping once ran into both its neighbours)
    ax.figure.canvas.draw()
    boxes = [t.get_bbox_patch().get_window_extent() for t in ax.texts if t.get_bbox_patch()]
    assert len(boxes) == 9
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    outer = ax.get_window_extent()
    assert all(outer.x0 <= b.x0 and b.x1 <= outer.x1 for b in boxes)


# --- the exercise check ----------------------------------------------------------------------


def _arithmetic_mean_version(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    P = tp / max(np.sum(Y_hat == 1), 1)
    R = tp / max(np.sum(Y == 1), 1)
    return float(P), float(R), float((P + R) / 2)


def _unguarded_version(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        P = tp / np.sum(Y_hat == 1)
        R = tp / np.sum(Y == 1)
        return float(P), float(R), float(2 * P * R / (P + R))


def _swapped_version(Y_hat, Y):
    P, R, F1 = mt.precision_recall_f1(Y_hat, Y)
    return R, P, F1


def test_check_passes_the_reference_and_explains_mistakes():
    assert check_precision_recall_f1(mt.precision_recall_f1).passed
    result = check_precision_recall_f1(_arithmetic_mean_version)
    assert result.status == "failed" and "harmonic mean" in result.message
    result = check_precision_recall_f1(_unguarded_version)
    assert result.status == "failed" and "no positive" in result.message
    result = check_precision_recall_f1(_swapped_version)
    assert result.status == "failed" and "precision is" in result.message


def test_check_reports_an_unfinished_stub():
    def stub(Y_hat, Y):
        raise NotImplementedError

    assert "TO DO" in str(check_precision_recall_f1(stub))


def test_labels_with_counts_rejects_bad_counts():
    with pytest.raises(ValueError, match="non-negative"):
        labels_with_counts(1, -1, 0, 0)


def test_plot_early_stopping_marks_the_stop():
    history = {
        "iteration": np.array([0, 10, 20, 30]),
        "train_error": np.array([0.5, 0.2, 0.1, 0.0]),
        "dev_error": np.array([0.5, 0.25, 0.3, 0.35]),
    }
    ax = mt.plot_early_stopping(history, title="toy")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [50, 20, 10, 0])  # training error
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [50, 25, 30, 35])  # dev error
    assert ax.lines[2].get_xdata()[0] == 10  # the dashed line at the stop
    assert "train 0.0 %, dev 35.0 %" in ax.get_title()
    assert "iteration 10" in ax.texts[0].get_text()
