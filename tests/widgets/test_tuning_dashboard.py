"""The grid-vs-random search dashboard, driven from the kernel as a learner's slider would."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from course_lib.c2_improving_dnns.tuning_dashboard import compare_searches, search_dashboard


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_compare_searches_counts():
    r = compare_searches(25, seed=0)
    assert r["distinct"]["grid"] == {"log_alpha": 5, "hidden_units": 5}
    assert r["distinct"]["random"] == {"log_alpha": 25, "hidden_units": 25}
    assert r["grid_errors"].shape == (25,) and r["random_best"] == r["random_errors"].min()


def test_slider_updates_result_settings_and_png():
    dash = search_dashboard(n_trials=9)
    assert dash.live and dash.values == {"n_trials": 9}
    assert dash.settings.value == "<code>n_trials=9</code>"
    first = dash.png
    assert first.startswith(b"\x89PNG")
    dash.controls["n_trials"].value = 49
    assert dash.values == {"n_trials": 49} and dash.settings.value == "<code>n_trials=49</code>"
    assert dash.result["distinct"]["grid"]["log_alpha"] == 7
    assert dash.result["distinct"]["random"]["log_alpha"] == 49
    assert np.abs(_pixels(dash.png) - _pixels(first)).sum() > 0
    texts = [a["text"].get_text() for a in dash.figure._course_artists.values()]
    assert "7 values of alpha" in texts[0] and "49 values of alpha" in texts[1]
    offsets = dash.figure._course_artists["random"]["points"].get_offsets()
    assert len(offsets) == 49


def test_live_updates_reuse_the_static_layer():
    dash = search_dashboard(n_trials=9)
    for n in (10, 20, 30):
        dash.controls["n_trials"].value = n
    assert dash.full_renders == 1  # the contours were rendered once
    assert dash.updates == 4
