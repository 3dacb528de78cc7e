"""The initialisation dashboards, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns.initialization_dashboard import (
    initialization_dashboard,
    signal_sizes,
    train_for_dashboard,
    vanishing_dashboard,
)

ITERATIONS = 200


@pytest.fixture(scope="module")
def circles():
    return ini.load_circles(n_train=100, n_test=50)


@pytest.fixture
def dash(circles):
    return initialization_dashboard(*circles, num_iterations=ITERATIONS, learning_rate=0.1)


def _shown_png(dash) -> bytes:
    (output,) = dash.plot.outputs
    return base64.b64decode(output["data"]["image/png"])


def test_initial_state(dash, circles):
    expected = train_for_dashboard(*circles, "he", 1.0, ITERATIONS, 0.1)
    assert dash.result["costs"] == expected["costs"]
    assert dash.settings.value == "<code>initialization='he', scale=1</code>"
    assert _shown_png(dash) == dash.png and dash.png.startswith(b"\x89PNG")
    assert dash.controls["scale"].continuous_update is False
    assert list(dash.controls["initialization"].options) == [
        "zeros",
        "random",
        "xavier",
        "glorot",
        "he",
    ]


def test_init_scale_slider_changes_computation_and_plot(dash):
    before_png, before = dash.png, dash.result
    seen = []
    dash.progress.observe(lambda change: seen.append(change["new"]), "value")
    dash.controls["scale"].value = 10.0
    assert dash.values["scale"] == pytest.approx(10.0)
    # the starting weights are 10x wider, and training follows another path
    assert dash.result["w1_std"] == pytest.approx(10 * before["w1_std"])
    assert dash.result["costs"] != before["costs"]
    assert dash.result["costs"][0] > before["costs"][0]
    assert dash.settings.value.startswith("<code>initialization='he', scale=10")
    assert dash.png != before_png and _shown_png(dash) == dash.png
    assert seen and seen[-1] == 1.0


def test_zeros_scheme_stays_at_chance(dash):
    dash.controls["initialization"].value = "zeros"
    assert dash.result["train_accuracy"] == 0.5 and dash.result["w1_std"] == 0.0
    assert ini.hidden_units_identical(dash.result["parameters"])
    assert "zeros" in dash.settings.value


@pytest.fixture
def live():
    return vanishing_dashboard(weight_scale=1.5, num_layers=20)


def test_vanishing_initial_state(live):
    np.testing.assert_allclose(live.result["activations"], 1.5 ** np.arange(21), rtol=1e-12)
    assert live.controls["weight_scale"].continuous_update is True
    assert live.settings.value == "<code>weight_scale=1.5, num_layers=20</code>"


def test_weight_scale_slider_changes_computation_and_plot(live):
    before_png = live.png
    line = live.figure.axes[0].lines[1]  # activations (axes[0].lines[0] is the y = 1 line)
    live.controls["weight_scale"].value = 0.5
    np.testing.assert_allclose(live.result["activations"][-1], 0.5**20)
    np.testing.assert_allclose(line.get_ydata()[-1], 0.5**20)
    assert live.png != before_png and "weight_scale=0.5" in live.settings.value
    assert "vanishes" in live.figure.axes[0].texts[-1].get_text()
    live.controls["weight_scale"].value = 1.0
    np.testing.assert_allclose(live.result["activations"], 1.0)
    assert "keeps roughly its size" in live.figure.axes[0].texts[-1].get_text()
    live.controls["weight_scale"].value = 1.19  # 1.19^20 = 32: a 30x growth is a growth
    assert "grows 32.4x" in live.figure.axes[0].texts[-1].get_text()
    live.controls["weight_scale"].value = 0.9  # 0.9^20 = 0.12
    assert "shrinks to 0.122x" in live.figure.axes[0].texts[-1].get_text()


def test_depth_slider_changes_computation_and_plot(live):
    before_png = live.png
    live.controls["num_layers"].value = 40
    assert live.result["activations"].shape == (41,)
    assert len(live.figure.axes[0].lines[1].get_xdata()) == 41
    assert live.png != before_png
    # the static layer (axes, legend) was rendered once and reused
    assert live.full_renders == 1


def test_signal_sizes_random_weights():
    sizes = signal_sizes(1.0, 30, "random")
    assert sizes["activations"].shape == (31,) and sizes["gradients"].shape == (30,)
    assert sizes["activations"][0] == pytest.approx(1.0)
