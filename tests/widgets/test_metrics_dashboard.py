"""The threshold and time-budget dashboards, driven from the kernel as a learner would."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.metrics_dashboard import (
    budget_dashboard,
    choose_within_budget,
    threshold_dashboard,
)


@pytest.fixture(scope="module")
def classifier():
    X, Y, _ = mt.market_data(300, seed=0)
    X_dev, Y_dev, _ = mt.market_data(400, seed=1)
    return X_dev, Y_dev, models.train_classifier(X, Y, (8,), 300)


def test_threshold_dashboard_starts_at_one_half(classifier):
    X_dev, Y_dev, params = classifier
    dash = threshold_dashboard(X_dev, Y_dev, params, name="[2, 8, 1]")
    proba = models.predict_proba(X_dev, params)
    assert dash.result == mt.threshold_metrics(proba, Y_dev, 0.5)
    assert dash.controls["threshold"].continuous_update is True  # live: only counting
    assert dash.settings.value == "<code>threshold=0.5</code>"
    point = dash.figure.axes[1].lines[-1]  # the current (R, P) point
    assert point.get_xdata()[0] == dash.result["recall"]
    assert point.get_ydata()[0] == dash.result["precision"]
    # the outcome legend sits below the points panel, covering none of the points, and
    # clears the x label and the figure's bottom edge
    fig, points_ax = dash.figure, dash.figure.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = points_ax.get_legend().get_window_extent(renderer)
    assert legend.y1 < points_ax.xaxis.label.get_window_extent(renderer).y0
    assert legend.y0 >= fig.bbox.y0


def test_raising_the_threshold_trades_recall_for_precision(classifier):
    dash = threshold_dashboard(*classifier)
    before, before_png = dash.result, dash.png
    points = dash.figure.axes[0].collections
    n_fp_before = len([c for c in points if "FP" in c.get_label()][0].get_offsets())
    dash.controls["threshold"].value = 0.85
    after = dash.result
    assert after["predicted_positive"] < before["predicted_positive"]
    assert after["precision"] > before["precision"] and after["recall"] < before["recall"]
    assert after["FP"] == len([c for c in points if "FP" in c.get_label()][0].get_offsets())
    assert after["FP"] <= n_fp_before
    assert dash.png != before_png and "t = 0.85" in dash.figure.axes[1].texts[-1].get_text()
    # moving the slider only redraws the moving layer
    assert dash.full_renders == 1
    dash.controls["threshold"].value = 0.15
    assert dash.result["recall"] > before["recall"]


def test_threshold_dashboard_rejects_non_2d_inputs(classifier):
    X_dev, Y_dev, params = classifier
    with pytest.raises(ValueError, match=r"X must have shape \(2, m\)"):
        threshold_dashboard(X_dev.T, Y_dev, params)


ZOO = [
    {"name": "[2, 1]", "dev_accuracy": 0.87, "time_ms": 0.02},
    {"name": "[2, 4, 1]", "dev_accuracy": 0.93, "time_ms": 0.12},
    {"name": "[2, 16, 16, 1]", "dev_accuracy": 0.95, "time_ms": 3.04},
    {"name": "[2, 32, 32, 1]", "dev_accuracy": 0.94, "time_ms": 11.2},
]


def test_choose_within_budget():
    assert choose_within_budget(ZOO, 100.0)["name"] == "[2, 16, 16, 1]"  # not the slowest
    assert choose_within_budget(ZOO, 1.0)["name"] == "[2, 4, 1]"
    none = choose_within_budget(ZOO, 0.01)
    assert none["chosen"] is None and none["feasible"] == [False] * 4
    with pytest.raises(ValueError, match="positive"):
        choose_within_budget(ZOO, 0)


def test_budget_slider_changes_the_pick_and_the_plot():
    dash = budget_dashboard(ZOO, budget_ms=1.0)
    assert dash.result["name"] == "[2, 4, 1]" and dash.controls["budget_ms"].continuous_update
    line, ring = dash.figure.axes[0].lines[0], dash.figure.axes[0].lines[1]
    assert (ring.get_xdata()[0], ring.get_ydata()[0]) == pytest.approx((0.12, 93.0))
    assert line.get_xdata()[0] == pytest.approx(1.0)
    before_png = dash.png
    dash.controls["budget_ms"].value = 50.0
    assert dash.result["name"] == "[2, 16, 16, 1]" and sum(dash.result["feasible"]) == 4
    assert ring.get_xdata()[0] == pytest.approx(3.04) and line.get_xdata()[0] == pytest.approx(50)
    assert dash.png != before_png
    dash.controls["budget_ms"].value = 0.01
    assert dash.result["chosen"] is None
    assert "no model is fast enough" in dash.figure.axes[0].texts[-1].get_text()
    assert dash.full_renders == 1


def test_budget_dashboard_needs_models():
    with pytest.raises(ValueError, match="at least one model"):
        budget_dashboard([])


def test_budget_dashboard_on_a_trained_zoo():
    X, Y, _ = mt.market_data(200, seed=0)
    zoo = mt.train_zoo(X, Y, [(), (4,)], num_iterations=100)
    for model in zoo:
        model["dev_accuracy"] = 1 - models.error_rate(X, Y, model["parameters"])
    dash = budget_dashboard(zoo, budget_ms=0.05)
    assert dash.result["chosen"] == 0  # only logistic regression (0.02 ms) fits
    dash.controls["budget_ms"].value = 1.0
    assert dash.result["chosen"] == int(np.argmax([m["dev_accuracy"] for m in zoo]))
