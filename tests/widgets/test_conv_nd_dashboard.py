"""Widget tests: the 1-D convolution dashboard recomputes and redraws on every slider."""

import numpy as np
import pytest

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets import conv_nd_dashboard as cd


def _changes(dash, name, value):
    before_png, before_text = dash.png, dash.settings_text
    before = dash.result
    dash.controls[name].value = value
    assert dash.values[name] == value
    assert dash.settings_text != before_text and f"{name}={value}" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


def test_smooth_signal_is_a_moving_average():
    x = np.random.default_rng(0).standard_normal(50)
    out = cd.smooth_signal(x, 5, 2)
    assert out["n_W"] == (50 - 5) // 2 + 1 == out["Z"].shape[0]
    assert out["Z"][3] == pytest.approx(x[6:11].mean())
    assert out["t"][0] == pytest.approx(2 / cn.FS)


def test_filter_size_slider_smooths_and_shortens():
    dash = cd.smoothing_dashboard(f=9, stride=1)
    assert dash.live
    before, after = _changes(dash, "f", 31)
    assert after["n_W"] == before["n_W"] - 22
    # a wider moving average removes more of the noise: smaller sample-to-sample jumps
    assert np.abs(np.diff(after["Z"])).mean() < np.abs(np.diff(before["Z"])).mean()
    state = dash.figure._course_artists
    np.testing.assert_array_equal(state["line"].get_ydata(), after["Z"])
    assert len(state["taps"].get_xdata()) == 31
    assert f"= {after['n_W']} outputs" in state["caption"].get_text()
    assert dash.full_renders == 1  # axes drawn once, only the data redrawn


def test_stride_slider_divides_the_output_length():
    dash = cd.smoothing_dashboard(f=9, stride=1)
    n = dash.result["n_W"] + 8
    _, after = _changes(dash, "stride", 4)
    assert after["n_W"] == (n - 9) // 4 + 1
    assert len(dash.figure._course_artists["dots"].get_xdata()) == after["n_W"]
    assert "s = 4" in dash.figure._course_artists["caption"].get_text()
