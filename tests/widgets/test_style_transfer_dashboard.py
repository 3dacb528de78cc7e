"""Widget tests: the style-transfer dashboard re-runs its optimisation on every control."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.widgets import log_grid

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def dash(tf):
    from course_lib.c4_convnets import style_transfer_dashboard as sd
    from course_lib.c4_convnets.pretrained import build_vgg16

    rng = np.random.default_rng(0)
    content = rng.uniform(0, 1, (32, 48, 3))
    style = rng.uniform(0, 1, (32, 48, 3))
    return sd.nst_dashboard(content, style, build_vgg16(weights="hed"), num_steps=3)


def _changes(dash, name, value):
    before_png, before_text, before = dash.png, dash.settings_text, dash.result
    dash.controls[name].value = value
    assert dash.values[name] == (pytest.approx(value) if isinstance(value, float) else value)
    assert dash.settings_text != before_text and f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


def test_starts_at_the_course_weights(dash):
    assert not dash.live
    assert dash.result["alpha"] == pytest.approx(10) and dash.result["beta"] == 40
    assert dash.result["J"].shape == (4,)


def test_ratio_slider_changes_alpha_and_the_image(dash):
    start = dash.controls["ratio"].value
    big = min(log_grid(dash.controls["ratio"]), key=lambda v: abs(v - 2.5e3))
    before, after = _changes(dash, "ratio", big)
    assert after["alpha"] == pytest.approx(big * 40) and after["beta"] == 40
    assert not np.array_equal(after["generated"], before["generated"])
    np.testing.assert_allclose(after["J"], after["alpha"] * after["J_content"]
                               + 40 * after["J_style"], rtol=1e-5)  # fmt: skip
    assert "α/β = 2.5e+03" in dash.figure.axes[1].get_title()
    dash.controls["ratio"].value = start


def test_profile_dropdown_changes_the_layer_weights(dash):
    before, after = _changes(dash, "profile", "deep-heavy")
    assert [w for _, w in after["layers"]] == [0.05, 0.1, 0.15, 0.3, 0.4]
    assert after["J_style"][0] != before["J_style"][0]
    assert "deep-heavy" in dash.figure.axes[0].get_title()
    dash.controls["profile"].value = "uniform"
