"""The activations dashboard, driven from the kernel as a learner's sliders would be."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from course_lib.c1_neural_networks import activations as act
from course_lib.c1_neural_networks.activations_dashboard import (
    FLAT,
    NAMES,
    activation_curves,
    activation_dashboard,
)


@pytest.fixture
def dash():
    return activation_dashboard()


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _shown_png(dash) -> bytes:
    (output,) = dash.plot.outputs
    return base64.b64decode(output["data"]["image/png"])


def _line(dash, panel: int, name: str):
    (line,) = [
        ln
        for ln in dash.figure.axes[panel].lines
        if ln.get_label().startswith(
            {"sigmoid": "sigmoid", "tanh": r"$\tanh", "relu": "ReLU", "leaky_relu": "leaky"}[name]
        )
    ]
    return line


def test_activation_curves_values():
    result = activation_curves(slope=0.1, z_max=4.0, points=81)
    z = result["z"]
    assert z[0] == -4.0 and z[-1] == 4.0 and 0.0 in z
    np.testing.assert_array_equal(result["g"]["leaky_relu"], act.leaky_relu(z, 0.1))
    np.testing.assert_array_equal(result["dg"]["leaky_relu"], act.leaky_relu_derivative(z, 0.1))
    np.testing.assert_array_equal(result["dg"]["tanh"], act.tanh_derivative(z))
    assert result["flat_fraction"]["leaky_relu"] == 0.0  # slope 0.1 > FLAT
    # z <= 0 is flat: 40 negative points and z = 0, where ReLU'(0) = 0 (the course's convention).
    assert result["flat_fraction"]["relu"] == pytest.approx(41 / 81)
    with pytest.raises(ValueError, match="z_max must be positive"):
        activation_curves(z_max=0)


def test_both_s_curves_are_nearly_flat_on_most_of_a_wide_range():
    flat = activation_curves(z_max=10.0)["flat_fraction"]
    # tanh'(z) = 4 sigma'(2z): tanh flattens at half the |z| (1.8 against 2.9 for FLAT = 0.05).
    assert flat["tanh"] > flat["sigmoid"] > 0.5
    assert flat["relu"] == pytest.approx(0.5, abs=0.01)
    assert flat["leaky_relu"] > 0.4  # a 0.01 slope counts as nearly flat too
    assert 0 < FLAT < 0.25


def test_initial_state(dash):
    assert dash.values == {"slope": 0.01, "z_max": 5.0}
    assert dash.settings.value == "<code>slope=0.01, z_max=5</code>"
    assert dash.live and all(c.continuous_update for c in dash.controls.values())
    assert _shown_png(dash) == dash.png and dash.png.startswith(b"\x89PNG")
    for name in NAMES:
        np.testing.assert_array_equal(_line(dash, 0, name).get_ydata(), dash.result["g"][name])
        np.testing.assert_array_equal(_line(dash, 1, name).get_ydata(), dash.result["dg"][name])
    assert "leak slope 0.01" in dash.figure._suptitle.get_text()


def test_moving_the_leak_slope_redraws_leaky_relu_only(dash):
    before_png, before_title = dash.png, dash.figure._suptitle.get_text()
    before = {name: _line(dash, 0, name).get_ydata().copy() for name in NAMES}
    dash.controls["slope"].value = 0.3
    assert dash.values["slope"] == 0.3
    assert dash.settings.value == "<code>slope=0.3, z_max=5</code>"
    z = dash.result["z"]
    np.testing.assert_allclose(_line(dash, 0, "leaky_relu").get_ydata(), act.leaky_relu(z, 0.3))
    np.testing.assert_allclose(
        _line(dash, 1, "leaky_relu").get_ydata(), act.leaky_relu_derivative(z, 0.3)
    )
    for name in ("sigmoid", "tanh", "relu"):
        np.testing.assert_array_equal(_line(dash, 0, name).get_ydata(), before[name])
    assert not np.array_equal(_line(dash, 0, "leaky_relu").get_ydata(), before["leaky_relu"])
    title = dash.figure._suptitle.get_text()
    assert title != before_title and "leak slope 0.3" in title
    assert dash.png != before_png and _shown_png(dash) == dash.png
    changed = np.any(_pixels(before_png) != _pixels(dash.png), axis=-1).mean()
    assert changed > 0.002, f"only {changed:.2%} of the pixels changed"


def test_widening_the_range_shows_more_saturation(dash):
    flat_before = dash.result["flat_fraction"]["sigmoid"]
    png_before = dash.png
    dash.controls["z_max"].value = 15.0
    assert dash.result["z"][-1] == 15.0
    labels = [t.get_text() for t in dash.figure.axes[0].texts]
    assert labels == ["\u221215", "\u22127.5", "0", "7.5", "15"]  # the z axis's tick labels
    assert dash.result["flat_fraction"]["sigmoid"] > flat_before
    assert "z in [-15, 15]" in dash.figure._suptitle.get_text()
    assert dash.settings.value == "<code>slope=0.01, z_max=15</code>"
    assert dash.png != png_before
    assert dash.updates == 2
