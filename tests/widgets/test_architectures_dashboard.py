"""Widget tests: every slider of lesson 7's dashboards changes the result and the plot."""

import numpy as np
import pytest

from course_lib.c4_convnets import architectures as ar
from course_lib.c4_convnets import architectures_dashboard as ad


def _changes(dash, name, value):
    before_png, before_text = dash.png, dash.settings_text
    before = dash.result
    dash.controls[name].value = value
    assert dash.values[name] == pytest.approx(value)
    assert dash.settings_text != before_text and f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


def test_separable_dashboard_starts_at_the_course_example():
    dash = ad.separable_cost_dashboard()
    assert dash.live
    r = dash.result
    assert (r["normal"], r["depthwise"], r["pointwise"], r["separable"]) == (2160, 432, 240, 672)
    normal, depth, point = dash.figure._course_artists["bars"]
    assert depth.get_width() == pytest.approx(432 / 2160) and point.get_x() == pytest.approx(
        432 / 2160
    )
    assert "672" in dash.figure._course_artists["labels"]["separable"].get_text()


@pytest.mark.parametrize("name, value", [("n", 20), ("n_C", 64), ("f", 5), ("n_C_prime", 256)])
def test_separable_sliders(name, value):
    dash = ad.separable_cost_dashboard()
    before, after = _changes(dash, name, value)
    assert after["normal"] != before["normal"]
    values = dict(dash.values)
    assert after["ratio"] == pytest.approx(1 / values["n_C_prime"] + 1 / values["f"] ** 2)
    if name in ("n", "n_C"):  # image size and input channels move the costs, not the ratio
        assert after["ratio"] == pytest.approx(before["ratio"])
    else:
        assert after["ratio"] != pytest.approx(before["ratio"])
    marker = dash.figure._course_artists["marker"]
    assert marker.get_ydata()[0] == pytest.approx(after["ratio"])
    assert dash.full_renders == 1  # static layer drawn once, bars and texts redrawn


def test_efficientnet_phi_slider():
    dash = ad.efficientnet_dashboard()
    before, after = _changes(dash, "phi", 3.0)
    assert before["network"] == ar.scale_baseline(ad.TOY_BASELINE, 1.0)
    assert after["network"] == ar.scale_baseline(ad.TOY_BASELINE, 3.0)
    assert (
        after["multiplies"] == ar.toy_convnet_multiplies(**after["network"]) > before["multiplies"]
    )
    assert after["scale"]["flops"] == pytest.approx(ar.compound_scaling(3.0)["flops"])
    bars = dash.figure._course_artists["bars"]
    assert [bar.get_height() for bar in bars] == pytest.approx(
        [1.2**3, 1.1**3, 1.15**3, after["scale"]["flops"]]
    )
    marker = dash.figure._course_artists["marker"]
    np.testing.assert_allclose(marker.get_data(), [[3.0], [after["factor"]]])
    assert "3.00" in dash.figure._course_artists["title"].get_text()
    assert dash.live and dash.full_renders == 1


def test_live_dashboards_redraw_only_their_moving_layer():
    # Their speed is measured by `make bench` (30 ms target); here, that a slider change
    # reuses the static layer, which is what keeps them fast.
    for dash, name, values in (
        (ad.separable_cost_dashboard(), "n_C_prime", (8, 16, 32, 64)),
        (ad.efficientnet_dashboard(), "phi", (0.5, 1.5, 2.5, 3.5)),
    ):
        renders, updates = dash.full_renders, dash.updates
        for value in values:
            dash.controls[name].value = value
        assert dash.updates == updates + len(values)
        assert dash.full_renders == renders
