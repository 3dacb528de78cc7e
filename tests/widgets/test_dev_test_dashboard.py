"""The dev-size and metric-weight dashboards, driven from the kernel as a learner would."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c3_structuring_ml import dev_test as dt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.dev_test_dashboard import (
    dev_size_dashboard,
    metric_weight_dashboard,
)


@pytest.fixture
def sizes():
    return dev_size_dashboard(m_dev=10_000, error=0.05, difference=0.001, disagreement=0.005)


def test_dev_size_dashboard_starts_with_the_report(sizes):
    assert sizes.result == dt.dev_size_report(10_000, 0.05, 0.001, 0.005)
    assert all(c.continuous_update for c in sizes.controls.values())  # live: closed form
    curve_ax, bar_ax = sizes.figure.axes
    assert bar_ax.patches[1].get_height() == sizes.result["needed_paired"] == 13_526


@pytest.mark.parametrize(
    "control, value, key, direction",
    [
        ("m_dev", 100_000, "p_paired", +1),
        ("m_dev", 316, "p_unpaired", -1),  # the integer grid: 20 counts per decade
        ("error", 0.2, "needed_unpaired", +1),
        ("difference", 0.01, "needed_paired", -1),
        ("disagreement", 0.05, "needed_paired", +1),
    ],
)
def test_every_control_moves_the_result_and_the_plot(sizes, control, value, key, direction):
    before, before_png = sizes.result[key], sizes.png
    sizes.controls[control].value = value
    assert np.sign(sizes.result[key] - before) == direction
    assert sizes.png != before_png
    assert sizes.full_renders == 1  # fixed axes: only the moving layer is redrawn


def test_dev_size_curves_and_markers_follow_the_controls(sizes):
    curve_ax, bar_ax = sizes.figure.axes
    unpaired, paired = curve_ax.lines[1], curve_ax.lines[2]
    sizes.controls["m_dev"].value = 1_000
    assert curve_ax.lines[3].get_xdata()[0] == pytest.approx(1_000, rel=0.02)
    before = paired.get_ydata().copy()
    sizes.controls["disagreement"].value = 0.05
    assert np.all(paired.get_ydata() <= before + 1e-12) and not np.allclose(
        paired.get_ydata(), before
    )
    assert np.all(unpaired.get_ydata() <= paired.get_ydata() + 1e-12)
    # The sliders keep the values possible: d <= e and d <= q <= e_A + e_B = 2e - d.
    sizes.controls["error"].value = 0.01
    d_slider = sizes.controls["difference"]
    assert d_slider.max <= np.log10(0.01) + 1e-9  # the d slider now ends at (or below) e
    d_slider.value = 0.05  # asks for more than e: the slider holds it at its end
    assert sizes.result["difference"] == d_slider.value <= 0.01
    assert sizes.result["difference"] > 0.008  # the grid point just below e
    q_slider = sizes.controls["disagreement"]
    q_slider.value = 0.5  # the models cannot disagree on more than all of both errors
    e, d, q = (sizes.result[k] for k in ("error", "difference", "disagreement"))
    assert d <= q <= 2 * e - d + 1e-12 and q > 0.9 * (2 * e - d)
    assert any("d <= q <= 2e - d" in t.get_text() for t in curve_ax.texts)


def test_dev_size_slider_grids_survive_the_constraints(sizes):
    # Bounds move in whole steps of the original grid, so a value stays on it.
    sizes.controls["error"].value = 0.02
    sizes.controls["difference"].value = 0.005
    for name in ("difference", "disagreement"):
        s = sizes.controls[name]
        anchor = np.log10({"difference": 0.0005, "disagreement": 0.0005}[name])
        for exponent in (s.min, s.max):
            k = (exponent - anchor) / s.step
            assert abs(k - round(k)) < 1e-6


def test_dev_size_counts_are_integers(sizes):
    options = [v for _, v in sizes.controls["m_dev"].options]
    assert all(isinstance(v, int) for v in options) and 10_000 in options
    sizes.controls["m_dev"].value = 100_000
    assert sizes.settings_text.startswith("m_dev=100000, error=0.05, ")


def test_impossible_starting_values_are_refused():
    with pytest.raises(ValueError, match="d <= e"):
        dev_size_dashboard(error=0.01, difference=0.02, disagreement=0.03)
    with pytest.raises(ValueError, match="q <= 2e - d"):
        dev_size_dashboard(error=0.01, difference=0.001, disagreement=0.05)


def _predictions():
    X, Y, flagged = dt.flagged_data(800, 0.05, seed=1)
    rng = np.random.default_rng(0)
    ordinary_wrong = (rng.random(Y.shape) < 0.05) & ~flagged
    A = np.where(ordinary_wrong, 1 - Y, Y)
    A[flagged] = 1.0  # A lets every flagged example through
    B = np.where((rng.random(Y.shape) < 0.08) & ~flagged, 1 - Y, Y)  # more ordinary mistakes
    return {"A": A, "B": B}, Y, flagged


def test_weight_slider_reranks_the_models():
    predictions, Y, flagged = _predictions()
    dash = metric_weight_dashboard(predictions, Y, flagged, w=1.0)
    assert dash.controls["w"].continuous_update is True
    assert dash.result["best"] == "A" and dash.result["ranking"] == ["A", "B"]
    bars = dash.figure.axes[0].patches
    assert bars[0].get_height() == pytest.approx(100 * dash.result["weighted_error"]["A"])
    before_png, before_a = dash.png, dash.result["weighted_error"]["A"]
    dash.controls["w"].value = 10.0
    assert dash.result["best"] == "B" and dash.result["weighted_error"]["A"] > before_a
    assert bars[0].get_height() == pytest.approx(100 * dash.result["weighted_error"]["A"])
    assert dash.figure.axes[1].lines[-1].get_xdata()[0] == pytest.approx(10.0)
    assert dash.png != before_png and dash.full_renders == 1
    w_star = dt.crossover_weight(predictions["A"], predictions["B"], Y, flagged)
    assert 1 < w_star < 10
    assert any(abs(line.get_xdata()[0] - w_star) < 1e-9 for line in dash.figure.axes[1].lines[2:-1])


def test_weight_dashboard_on_trained_models():
    X, Y, flagged = dt.flagged_data(300, 0.05, seed=0)
    A = dt.train_weighted_classifier(X, Y, np.ones_like(Y), (8,), 200)
    B = dt.train_weighted_classifier(X, Y, dt.flag_weights(flagged, 10), (8,), 200)
    predictions = {"A": models.predict(X, A), "B": models.predict(X, B)}
    dash = metric_weight_dashboard(predictions, Y, flagged)
    dash.controls["w"].value = 100.0
    assert dash.result["flagged_mistakes"]["B"] <= dash.result["flagged_mistakes"]["A"]
    assert dash.result["best"] == "B"


def test_weight_dashboard_needs_two_to_six_models():
    predictions, Y, flagged = _predictions()
    with pytest.raises(ValueError, match="2 to 6"):
        metric_weight_dashboard({"A": predictions["A"]}, Y, flagged)
