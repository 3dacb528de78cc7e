"""Widget tests: the ResNet lesson's dashboards recompute and redraw on every slider."""

import numpy as np
import pytest

from course_lib.c4_convnets import resnets as rn
from course_lib.c4_convnets import resnets_dashboard as rd
from course_lib.widgets import log_grid


def _changes(dash, name, value):
    before_png, before_text = dash.png, dash.settings_text
    before = dash.result
    dash.controls[name].value = value
    assert dash.values[name] == pytest.approx(value)
    assert dash.settings_text != before_text and f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


def test_decay_curves_are_pure():
    result = rd.decay_curves(0.1, 50)
    assert result["lambdas"].shape == result["residual_gaps"].shape == (41,)
    np.testing.assert_array_equal(result["residual"], rd.decay_curves(0.1, 50)["residual"])
    # stronger decay, closer to the identity (with the shortcut); towards 0 without it
    assert result["residual_gaps"][-1] < 1e-9 and result["plain_gaps"][-1] == pytest.approx(1)


def test_weight_decay_slider():
    dash = rd.weight_decay_dashboard(num_steps=100, lambd=0.01)
    assert dash.live
    strong = min(log_grid(dash.controls["lambd"]), key=lambda v: abs(v - 1.0))
    before, after = _changes(dash, "lambd", strong)
    assert after["residual_gap"] < 1e-3 < 0.1 < before["residual_gap"]
    assert after["plain_gap"] > 0.99
    dots = dash.figure._course_artists["dots"]
    np.testing.assert_array_equal(dots["residual"].get_ydata(), after["residual"].ravel())
    mark = dash.figure._course_artists["marks"]["residual"]
    assert mark.get_xdata()[0] == pytest.approx(strong)
    assert dash.full_renders == 1  # axes drawn once, only the data redrawn


def test_decay_steps_slider():
    dash = rd.weight_decay_dashboard(num_steps=100, lambd=0.01)
    before, after = _changes(dash, "num_steps", 400)
    assert after["shrink"] == pytest.approx(0.999**400) and after["shrink"] < before["shrink"]
    assert after["residual_gap"] < before["residual_gap"]
    assert "400 steps" in dash.figure._course_artists["caption"].get_text()


def test_depth_dashboard_sliders():
    X, Y = rn.make_spirals(40, seed=0)
    dash = rd.depth_dashboard(X, Y, L=4, num_iterations=50)
    assert not dash.live
    before, after = _changes(dash, "L", 8)
    assert after["plain"]["cost"] != before["plain"]["cost"]
    assert "L = 8 layers (3 residual blocks)" in dash.figure.axes[0].get_title()
    _, after = _changes(dash, "num_iterations", 100)
    assert len(after["residual"]["costs"]) == 101
    line = dash.figure.axes[0].get_lines()[1]
    np.testing.assert_allclose(line.get_ydata(), np.maximum(after["residual"]["costs"], 1e-4))
