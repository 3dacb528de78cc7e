"""The softmax dashboards, driven from the kernel as a learner's slider would."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c2_improving_dnns.softmax_dashboard import (
    decision_regions_dashboard,
    softmax_logits_dashboard,
)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_logits_dashboard_updates_live():
    dash = softmax_logits_dashboard()
    assert dash.live
    np.testing.assert_allclose(dash.result["a"], sm.softmax(np.array([5.0, 2, -1, 3])))
    before, text_before = dash.png, dash.settings_text
    dash.controls["z2"].value = 8.0
    assert np.argmax(dash.result["a"]) == 1
    np.testing.assert_array_equal(dash.result["hard"], [0, 1, 0, 0])
    assert "z2=8" in dash.settings_text and dash.settings_text != text_before
    assert np.abs(_pixels(dash.png) - _pixels(before)).sum() > 0
    heights = [bar.get_height() for bar in dash.figure._course_artists["soft"]]
    np.testing.assert_allclose(heights, dash.result["a"])
    dash.controls["temperature"].value = 10.0
    assert dash.result["a"].max() < 0.6


def test_logits_dashboard_takes_the_fast_path():
    # Machine-independent stand-in for speed (timed in `make bench`): moving a logit redraws
    # only the animated bars over the cached static layer, never the whole figure.
    dash = softmax_logits_dashboard()
    assert dash.full_renders == 1
    for value in np.linspace(-3, 3, 12):
        dash.controls["z3"].value = float(value)
    assert dash.updates == 13
    assert dash.full_renders == 1


def test_decision_regions_dashboard():
    X, labels = sm.make_multiclass_data("spiral", m=150, C=3, seed=0)
    dash = decision_regions_dashboard(X, labels, num_epochs=300, learning_rate=0.5)
    assert not dash.live
    linear_accuracy, before = dash.result["accuracy"], dash.png
    assert dash.result["layers_dims"] == [2, 3]
    g0, g1, regions = dash.result["grid"]
    assert regions.shape == g0.shape and set(np.unique(regions)) <= {0, 1, 2}
    dash.controls["hidden_units"].value = 16
    assert dash.result["layers_dims"] == [2, 16, 16, 3]
    assert dash.result["accuracy"] > linear_accuracy
    assert "hidden_units=16" in dash.settings_text
    assert np.abs(_pixels(dash.png) - _pixels(before)).sum() > 0
    assert dash.progress.value == 1.0
