"""Unit tests of region_proposals.py: proposals, recall, labels, features, costs, anchors."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import region_proposals as rp
from course_lib.c4_convnets.scenes import make_shape_scenes


@pytest.fixture(scope="module")
def scenes():
    return make_shape_scenes(6, size=64, seed=3)


def test_proposals_find_the_shapes(scenes):
    props = [rp.propose_regions(im) for im in scenes["images"]]
    assert all(1 <= len(p) <= 300 for p in props)
    assert all(((p >= 0) & (p <= 1)).all() for p in props)
    assert np.mean([rp.proposal_recall(p, g) for p, g in zip(props, scenes["boxes"])]) >= 0.9
    curve = rp.recall_curve(props, scenes["boxes"], [1, 5, 1000])
    assert np.all(np.diff(curve) >= 0) and curve[-1] >= 0.9


def test_recall_known_values():
    gt = np.array([[0.1, 0.1, 0.5, 0.5], [0.6, 0.6, 0.9, 0.9]])
    assert rp.proposal_recall(gt[:1], gt) == 0.5
    assert rp.proposal_recall(np.zeros((0, 4)), gt) == 0.0
    assert rp.proposal_recall(gt, gt, threshold=1.0) == 1.0


def test_sliding_windows():
    boxes = rp.sliding_window_boxes(sizes=(0.5,), step=0.25)
    assert boxes.shape == (9, 4)
    with pytest.raises(ValueError, match="fractions"):
        rp.sliding_window_boxes(sizes=(1.5,))


def test_labels():
    gt = np.array([[0.1, 0.1, 0.5, 0.5]])
    props = np.array([[0.1, 0.1, 0.5, 0.5], [0.6, 0.6, 0.9, 0.9], [0.1, 0.1, 0.5, 0.9]])
    # IoU 1 -> class 2 + 1; IoU 0 -> background; IoU 0.5 exactly -> foreground (>= 0.5)
    assert rp.label_proposals(props, gt, [2]).tolist() == [3, 0, 3]
    assert rp.label_proposals(props, gt, [2], fg_threshold=0.6).tolist() == [3, 0, -1]
    with pytest.raises(ValueError, match="bg_threshold"):
        rp.label_proposals(props, gt, [2], fg_threshold=0.2, bg_threshold=0.3)


def test_features_and_classifier(scenes):
    image, gt = scenes["images"][0], scenes["boxes"][0]
    a, b = rp.rcnn_features(image, gt), rp.fast_rcnn_features(image, gt)
    assert a.shape == b.shape == (len(gt), 4 * 4 * 8)
    assert (a >= 0).all() and (b >= 0).all()
    rng = np.random.default_rng(0)
    X = rng.standard_normal((60, 4))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    model = rp.train_softmax(X, y, 2)
    P = rp.predict_softmax(model, X)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    assert (P.argmax(axis=1) == y).mean() > 0.9
    assert model["costs"][-1] < model["costs"][0]


def test_costs_and_anchors():
    costs = rp.detector_costs(50, image_size=64, crop_size=24)
    assert costs["R-CNN"]["evaluations"] == 50 and costs["Fast R-CNN"]["evaluations"] == 1
    assert costs["R-CNN"]["multiplies"] == 50 * 24 * 24 * 8 * 5 * 5 * 3
    anchors = rp.rpn_anchors(2, 3, sizes=(0.5,), ratios=(0.5, 1.0, 2.0))
    assert anchors.shape == (2 * 3 * 3, 4)
    w, h = anchors[:, 2] - anchors[:, 0], anchors[:, 3] - anchors[:, 1]
    np.testing.assert_allclose(w * h, 0.25)
    np.testing.assert_allclose(h[:3] / w[:3], [0.5, 1.0, 2.0])
    with pytest.raises(ValueError, match="k must be >= 1"):
        rp.rpn_anchors(2, 2, sizes=())
