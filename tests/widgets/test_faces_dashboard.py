"""Widget test: the face-verification tau dashboard recounts and redraws on every move."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import faces as fc
from course_lib.c4_convnets import faces_dashboard as fd


def _pairs():
    rng = np.random.default_rng(0)
    same = np.r_[np.ones(50), np.zeros(50)].astype(bool)
    return np.where(same, rng.uniform(0, 1.2, 100), rng.uniform(0.5, 2.5, 100)), same


def test_threshold_view_is_pure():
    d, same = _pairs()
    view = fd.threshold_view(d, same, 0.8)
    assert view == {**fc.confusion_at(d, same, 0.8), "tau": 0.8, "roc": view["roc"]}
    assert view["TP"] + view["FN"] == 50 and view["FP"] + view["TN"] == 50


def test_tau_slider():
    d, same = _pairs()
    dash = fd.tau_dashboard(d, same, tau=0.5)
    assert dash.live and dash.values["tau"] == pytest.approx(0.5)
    before_png, before = dash.png, dash.result
    dash.controls["tau"].value = 1.5
    after = dash.result
    assert dash.png != before_png and "tau=" in dash.settings_text
    assert after["TP"] >= before["TP"] and after["FP"] > before["FP"]
    state = dash.figure._course_artists
    assert state["point"].get_xdata()[0] == pytest.approx(after["far"])
    assert state["line"].get_xdata()[0] == pytest.approx(1.5)
    assert f"TP {after['TP']}" in state["caption"].get_text()
    assert dash.full_renders == 1  # the histograms and the ROC curve are drawn once


def test_default_tau_is_on_the_grid_and_best():
    d, same = _pairs()
    dash = fd.tau_dashboard(d, same)
    k = dash.values["tau"] / fd.TAU_STEP
    assert abs(k - round(k)) < 1e-9
    best = fc.best_threshold(d, same)
    assert abs(dash.values["tau"] - best) <= fd.TAU_STEP / 2 + 1e-12
