"""The YOLO dashboards respond to their sliders."""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import yolo as yo
from course_lib.c4_convnets import yolo_dashboard as yd
from course_lib.c4_convnets.scenes import make_shape_scenes


def test_anchor_dashboard_k_slider():
    scenes = make_shape_scenes(80, seed=1)
    study = yd.anchor_study(scenes["boxes"], S=4)
    dash = yd.anchor_dashboard(study, k=3)
    png3, iou3 = dash.png, dash.result["mean_iou"]
    dash.controls["k"].value = 7
    assert dash.result["k"] == 7 and dash.result["anchors"].shape == (7, 2)
    assert dash.result["mean_iou"] > iou3 and dash.png != png3
    assert dash.settings_text == "k=7"
    dash.controls["k"].value = 1
    assert dash.result["anchors"].shape == (1, 2)


def test_threshold_dashboard_sliders():
    rng = np.random.default_rng(0)
    scenes = make_shape_scenes(6, seed=2)
    feats = rng.standard_normal((6, 8, 8, 3, 8))
    head = yo.yolo_head(feats, np.array([[2.0, 2.0], [3.0, 2.0], [2.0, 3.0]]), 3)
    truth = list(zip(scenes["boxes"], scenes["classes"]))
    dash = yd.threshold_dashboard(scenes["images"], head, truth, ("a", "b", "c"), show=3)
    before = dash.result["boxes_before"]
    png = dash.png
    dash.controls["score_threshold"].value = 0.2
    assert dash.result["boxes_before"] > before and dash.png != png
    after = dash.result["boxes_after"]
    dash.controls["iou_threshold"].value = 0.95
    assert dash.result["boxes_after"] >= after
