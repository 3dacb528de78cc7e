"""Unit tests for course_lib.c3_structuring_ml.dev_test and its exercise check."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c3_structuring_ml import dev_test as dt
from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.dev_test_checks import check_weighted_error


def row(*values):
    return np.array([values], dtype=np.float64)


# --- 1. regions and selection ----------------------------------------------------------------


def test_regional_data_shapes_shares_and_determinism():
    X, Y, region = dt.regional_data(200, seed=5)
    assert X.shape == (2, 1600) and Y.shape == (1, 1600) and region.shape == (1, 1600)
    for r, (_, rate) in enumerate(dt.REGIONS):
        assert Y[region == r].mean() == pytest.approx(rate, abs=0.003)
    np.testing.assert_array_equal(X, dt.regional_data(200, seed=5)[0])
    with pytest.raises(ValueError, match="m_per_region"):
        dt.regional_data(1)


def test_error_grid_by_hand():
    Y = row(1, 0, 1, 0)
    probas = np.array([[0.9, 0.6, 0.4, 0.1], [0.2, 0.2, 0.8, 0.8]])
    grid = dt.error_grid(probas, Y, [0.3, 0.5, 0.7])
    np.testing.assert_allclose(grid, [[0.25, 0.5, 0.25], [0.5, 0.5, 0.5]])
    with pytest.raises(ValueError, match=r"probas must have shape \(n_models, m\)"):
        dt.error_grid(probas[:, :3], Y, [0.5])
    with pytest.raises(ValueError, match="thresholds"):
        dt.error_grid(probas, Y, [])


def test_selection_outcome_reports_the_regret():
    dev = np.array([[0.10, 0.05], [0.08, 0.20]])
    test = np.array([[0.09, 0.30], [0.12, 0.25]])
    out = dt.selection_outcome(dev, test)
    assert out["chosen"] == (0, 1) and out["best"] == (0, 0)
    assert out["chosen_dev_error"] == 0.05 and out["chosen_test_error"] == 0.30
    assert out["regret"] == pytest.approx(0.21)
    assert dt.selection_outcome(dev, dev)["regret"] == 0.0
    with pytest.raises(ValueError, match="same non-empty shape"):
        dt.selection_outcome(dev, test[:, :1])


# --- 2. dev-set size -------------------------------------------------------------------------


def test_standard_errors_by_hand():
    assert dt.error_standard_error(0.05, 10_000) == pytest.approx(math.sqrt(0.0475) / 100)
    assert dt.error_standard_error(0.0, 100) == 0.0
    unpaired = dt.difference_standard_error(0.05, 0.049, 10_000)
    assert unpaired == pytest.approx(math.sqrt((0.0475 + 0.049 * 0.951) / 10_000))
    paired = dt.difference_standard_error(0.05, 0.049, 10_000, disagreement=0.005)
    assert paired == pytest.approx(math.sqrt((0.005 - 1e-6) / 10_000))
    assert paired < unpaired


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: dt.error_standard_error(5, 100), "fraction in"),
        (lambda: dt.error_standard_error(0.05, 0), "positive integer"),
        (lambda: dt.difference_standard_error(0.1, 0.05, 100, disagreement=0.01), "impossible"),
        (lambda: dt.dev_size_needed(0.05, 0.1), "difference must lie"),
        (lambda: dt.dev_size_needed(0.05, 0.01, confidence=0.4), "confidence"),
        (lambda: dt.dev_size_needed(0.05, 0.01, disagreement=0.001), "at least the difference"),
    ],
)
def test_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_probability_correct_ranking_grows_with_the_dev_set():
    p = [dt.probability_correct_ranking(0.10, 0.09, m) for m in (100, 1_000, 10_000, 100_000)]
    assert p == sorted(p) and p[0] < 0.7 and p[-1] > 0.99
    assert dt.probability_correct_ranking(0.1, 0.1, 1000) == 0.5
    # on a shared dev set, fewer disagreements make the ranking surer (q = d is the best case)
    paired = [dt.probability_correct_ranking(0.1, 0.09, 1000, q) for q in (0.01, 0.05, 0.15)]
    assert paired == sorted(paired, reverse=True)
    assert paired[-1] > dt.probability_correct_ranking(0.1, 0.09, 1000)
    assert dt.probability_correct_ranking(0.09, 0.10, 1000) == dt.probability_correct_ranking(
        0.10, 0.09, 1000
    )


def test_dev_size_needed_known_values():
    assert dt.dev_size_needed(0.05, 0.001) == 254_589
    assert dt.dev_size_needed(0.05, 0.001, disagreement=0.005) == 13_526
    assert dt.dev_size_needed(0.05, 0.001, disagreement=0.002) == 5_409


@given(
    e=st.floats(0.02, 0.4),
    d_share=st.floats(0.02, 0.5),
    q_extra=st.floats(0.0, 0.1),
    confidence=st.floats(0.6, 0.99),
    paired=st.booleans(),
)
def test_dev_size_needed_is_the_smallest_size_that_reaches_the_confidence(
    e, d_share, q_extra, confidence, paired
):
    d = e * d_share
    q = d + q_extra if paired else None
    m = dt.dev_size_needed(e, d, confidence, q)
    assert dt.probability_correct_ranking(e, e - d, m, q) >= confidence - 1e-9
    if m > 1:
        assert dt.probability_correct_ranking(e, e - d, m - 1, q) < confidence + 1e-9


def _pool(m, wrong_a, wrong_b_only, wrong_both_share, seed=0):
    # A pool of m examples where A alone is wrong on wrong_a, B alone on wrong_b_only, and
    # both on a common share: errors e_A, e_B and disagreement q are exact.
    rng = np.random.default_rng(seed)
    kind = rng.permutation(
        np.repeat(
            [0, 1, 2, 3],
            [
                wrong_a,
                wrong_b_only,
                wrong_both_share,
                m - wrong_a - wrong_b_only - wrong_both_share,
            ],
        )
    )
    correct_a = ~np.isin(kind, (0, 2))
    correct_b = ~np.isin(kind, (1, 2))
    return correct_a.reshape(1, -1), correct_b.reshape(1, -1)


def test_measured_ranking_rate_matches_the_paired_formula():
    correct_a, correct_b = _pool(100_000, 3_000, 2_000, 5_000)  # e_A 8 %, e_B 7 %, q 5 %
    e_a, e_b = 1 - correct_a.mean(), 1 - correct_b.mean()
    q = np.mean(correct_a != correct_b)
    assert (e_a, e_b, q) == pytest.approx((0.08, 0.07, 0.05))
    for m in (200, 1000, 3000):
        measured = dt.measured_ranking_rate(correct_a, correct_b, m, trials=2000, seed=m)
        assert measured == pytest.approx(dt.probability_correct_ranking(e_a, e_b, m, q), abs=0.04)
    assert dt.measured_ranking_rate(correct_a, correct_b, 500, seed=1) == dt.measured_ranking_rate(
        correct_a, correct_b, 500, seed=1
    )
    # identical models: every dev set ties, which counts one half
    assert dt.measured_ranking_rate(correct_a, correct_a, 100, trials=50) == 0.5


def test_measured_ranking_rate_errors():
    good = np.ones((1, 10), dtype=bool)
    with pytest.raises(ValueError, match=r"correct_b must have shape \(1, M\)"):
        dt.measured_ranking_rate(good, np.ones((1, 9)), 5)
    with pytest.raises(ValueError, match="binary"):
        dt.measured_ranking_rate(good, np.full((1, 10), 0.5), 5)


def test_dev_size_report_is_consistent():
    report = dt.dev_size_report(10_000, 0.05, 0.001, 0.005)
    assert report["needed_paired"] == 13_526 and report["needed_unpaired"] == 254_589
    assert report["p_paired"] == pytest.approx(
        dt.probability_correct_ranking(0.05, 0.049, 10_000, 0.005)
    )
    assert report["se_error"] == pytest.approx(dt.error_standard_error(0.05, 10_000))
    assert dt.dev_size_report(1000, 0.05, 0.01, 0.001)["disagreement"] == 0.01  # raised to d


# --- 4. flagged examples and weighted training -----------------------------------------------


def test_flagged_data_and_weights():
    X, Y, flagged = dt.flagged_data(1000, 0.05, seed=2)
    assert X.shape == (2, 1000) and flagged.shape == (1, 1000) and flagged.dtype == bool
    assert flagged.sum() == 50 and np.all(Y[flagged] == 0)
    assert np.abs(X[:, flagged[0]].mean(axis=1) - [1.0, -0.5]).max() < 0.05
    np.testing.assert_array_equal(X, dt.flagged_data(1000, 0.05, seed=2)[0])
    w = dt.flag_weights(flagged, 10)
    assert set(np.unique(w)) == {1.0, 10.0} and w[flagged].sum() == 500
    with pytest.raises(ValueError, match="flagged_fraction"):
        dt.flagged_data(100, 0.8)
    with pytest.raises(ValueError, match="non-negative"):
        dt.flag_weights(flagged, -1)
    with pytest.raises(ValueError, match="binary"):
        dt.flag_weights(np.full((1, 3), 0.5), 10)


@pytest.fixture(scope="module")
def flagged_small():
    return dt.flagged_data(120, 0.1, seed=0)


def test_weighted_training_equals_training_on_copies(flagged_small):
    X, Y, flagged = flagged_small
    ones = dt.train_weighted_classifier(X, Y, np.ones_like(Y), (4,), 50)
    plain = models.train_classifier(X, Y, (4,), 50)
    np.testing.assert_array_equal(ones["W1"], plain["W1"])
    # doubling every weight leaves the weighted cost, hence the gradients, unchanged
    doubled = dt.train_weighted_classifier(X, Y, 2 * np.ones_like(Y), (4,), 50)
    np.testing.assert_allclose(doubled["W2"], plain["W2"], atol=1e-10)
    weights = dt.flag_weights(flagged, 3)
    by_hand = models.train_classifier(
        np.repeat(X, weights[0].astype(int), axis=1),
        np.repeat(Y, weights[0].astype(int), axis=1),
        (4,),
        50,
    )
    weighted = dt.train_weighted_classifier(X, Y, weights, (4,), 50)
    np.testing.assert_array_equal(weighted["W1"], by_hand["W1"])
    assert not np.allclose(weighted["W1"], plain["W1"])


def test_weighted_training_rejects_fractional_weights(flagged_small):
    X, Y, _ = flagged_small
    with pytest.raises(ValueError, match="non-negative integers"):
        dt.train_weighted_classifier(X, Y, np.full_like(Y, 1.5), (4,), 5)
    with pytest.raises(ValueError, match=r"weights must have shape \(1, m\)"):
        dt.train_weighted_classifier(X, Y, np.ones(Y.shape[1]), (4,), 5)


def _two_models():
    # 10 examples, the last two flagged (y = 0). A: one ordinary mistake, both flagged let
    # through; B: three ordinary mistakes, no flagged one.
    Y = row(1, 1, 1, 1, 0, 0, 0, 0, 0, 0)
    flagged = np.array([[False] * 8 + [True] * 2])
    A = row(1, 1, 1, 0, 0, 0, 0, 0, 1, 1)
    B = row(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    return {"A": A, "B": B}, Y, flagged


def test_weighted_ranking_and_crossover_by_hand():
    predictions, Y, flagged = _two_models()
    at_one = dt.weighted_ranking(predictions, Y, flagged, 1.0)
    assert at_one["plain_error"] == {"A": 0.3, "B": 0.3}  # a tie: the first name wins
    assert at_one["best"] == "A" and at_one["flagged_mistakes"] == {"A": 2, "B": 0}
    at_ten = dt.weighted_ranking(predictions, Y, flagged, 10.0)
    assert at_ten["weighted_error"]["A"] == pytest.approx(21 / 28)
    assert at_ten["weighted_error"]["B"] == pytest.approx(3 / 28)
    assert at_ten["ranking"] == ["B", "A"]
    # E_A = 3, F_A = 2, E_B = 3, F_B = 0: w* = 1 + 0 / 2 = 1
    assert dt.crossover_weight(predictions["A"], predictions["B"], Y, flagged) == 1.0
    assert dt.crossover_weight(predictions["A"], predictions["A"], Y, flagged) is None
    with pytest.raises(ValueError, match="at least one model"):
        dt.weighted_ranking({}, Y, flagged, 1.0)


@given(st.integers(0, 10_000), st.floats(1.0, 50.0))
def test_crossover_weight_separates_the_two_orders(seed, w):
    rng = np.random.default_rng(seed)
    Y = (rng.random((1, 40)) < 0.5).astype(float)
    flagged = (rng.random((1, 40)) < 0.3) & (Y == 0)
    A = np.where(rng.random((1, 40)) < 0.2, 1 - Y, Y)
    B = np.where(rng.random((1, 40)) < 0.3, 1 - Y, Y)
    w_star = dt.crossover_weight(A, B, Y, flagged)
    errors = dt.weighted_ranking({"A": A, "B": B}, Y, flagged, w)["weighted_error"]
    if w_star is not None and abs(w - w_star) > 1e-6:
        f_a, f_b = np.sum((A != Y) & flagged), np.sum((B != Y) & flagged)
        a_wins_beyond = f_a < f_b  # past w*, the model with fewer flagged mistakes wins
        if w > w_star:
            assert (errors["A"] < errors["B"]) == a_wins_beyond
        else:
            assert (errors["A"] < errors["B"]) == (not a_wins_beyond)


# --- the exercise check ----------------------------------------------------------------------


def test_check_weighted_error():
    assert check_weighted_error(mt.weighted_error).passed
    by_m = lambda Y_hat, Y, w: float(np.sum(w * (Y_hat != Y)) / Y.shape[1])  # noqa: E731
    result = check_weighted_error(by_m)
    assert result.status == "failed" and "sum of the weights" in result.message
    unweighted = lambda Y_hat, Y, w: float(np.mean(Y_hat != Y))  # noqa: E731
    assert check_weighted_error(unweighted).status == "failed"

    def stub(Y_hat, Y, weights):
        raise NotImplementedError

    assert "TO DO" in str(check_weighted_error(stub))


def test_plot_error_grids_frames_the_chosen_and_best_cells():
    dev = np.array([[0.10, 0.05], [0.08, 0.20]])
    test = np.array([[0.09, 0.30], [0.12, 0.25]])
    grids = {"split": (dev, test)}
    fig = dt.plot_error_grids(
        grids, {"split": dt.selection_outcome(dev, test)}, ["a", "b"], [0.3, 0.7]
    )
    dev_ax, test_ax = fig.axes[:2]
    frames = [p for p in test_ax.patches if not p.get_fill()]
    centres = sorted((round(p.get_x() + 0.46, 6), round(p.get_y() + 0.44, 6)) for p in frames)
    assert centres == [(0.0, 0.0), (1.0, 0.0)]  # best: model 0, t 0.3; chosen: model 0, t 0.7
    assert "30.0" in [t.get_text() for t in test_ax.texts]


def test_plot_flagged_models_reports_flagged_mistakes(flagged_small):
    X, Y, flagged = flagged_small
    params = models.train_classifier(X, Y, (4,), 30)
    fig = dt.plot_flagged_models({"tiny": params}, X, Y, flagged)
    let_through = int(np.sum(models.predict(X, params)[flagged] == 1))
    assert f"{let_through} of {int(flagged.sum())} flagged let through" in fig.axes[0].get_title()


def test_plot_flagged_models_zoom_sits_in_an_empty_corner():
    # the lesson's dev set: the inset (and its caption above it) hides no dev point, and its
    # caption stays inside the axes, not in the gap where it met the next panel's label
    X, Y, flagged = dt.flagged_data(3000, 0.05, seed=1)
    params = models.train_classifier(X, Y, (4,), 30)
    fig = dt.plot_flagged_models({"a": params, "b": params}, X, Y, flagged)
    ax = fig.axes[0]
    fig.canvas.draw()
    (zoom,) = ax.child_axes
    box = zoom.get_position()  # figure fraction, the inset alone
    to_fig = ax.transData + fig.transFigure.inverted()
    x, y = to_fig.transform(X[:, :1000].T).T
    caption = zoom.title.get_window_extent().transformed(fig.transFigure.inverted())
    top = caption.y1
    assert not np.any((x > box.x0) & (x < box.x1) & (y > box.y0) & (y < top))
    outer = ax.get_position()
    assert outer.x0 <= caption.x0 and caption.x1 <= outer.x1 and top <= outer.y1
