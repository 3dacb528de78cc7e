"""Unit tests of course_lib/c4_convnets/yolo.py (grid, anchors, labels, NMS, mAP, files)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import yolo as yo

BOXES = np.array([[0.1, 0.1, 0.3, 0.5], [0.5, 0.5, 0.9, 0.6]])


def test_assign_to_grid_midpoint_cell_and_params():
    rows, cols, params = yo.assign_to_grid(BOXES, 3)
    assert rows.tolist() == [0, 1] and cols.tolist() == [0, 2]
    assert np.allclose(params[0], [0.6, 0.9, 1.2, 0.6])
    assert np.allclose(yo.cell_box_to_image(rows, cols, params, 3), BOXES)
    # a midpoint on the right edge belongs to the last cell
    r, c, p = yo.assign_to_grid([0.8, 0.0, 1.0, 0.2], 4)
    assert c[0] == 3 and np.isclose(p[0, 0], 0.6)


def test_one_hot_and_labels_round_trip():
    assert yo.one_hot([2, 0], 3).tolist() == [[0, 0, 1], [1, 0, 0]]
    anchors = np.array([[1.0, 1.0], [2.0, 0.5]])
    y = yo.yolo_labels(BOXES, [0, 2], 3, anchors, 3)
    assert y.shape == (3, 3, 2, 8) and y[..., 0].sum() == 2
    b, c = yo.decode_labels(y)
    assert np.allclose(b, BOXES) and c.tolist() == [0, 2]
    assert yo.yolo_labels_no_anchors(BOXES, [0, 2], 3, 3).shape == (3, 3, 8)
    # the wide box (w = 1.2, h = 0.3 cells) takes the wide anchor
    assert y[1, 2, 1, 0] == 1


def test_anchor_iou_and_kmeans():
    assert np.isclose(yo.anchor_iou([[1.0, 2.0]], [[2.0, 1.0]])[0, 0], 1 / 3)
    rng = np.random.default_rng(0)
    wh = np.concatenate([rng.normal([1, 3], 0.05, (50, 2)), rng.normal([3, 1], 0.05, (50, 2))])
    anchors, assign, miou = yo.kmeans_anchors(wh, 2, seed=0)
    assert anchors.shape == (2, 2) and miou > 0.9
    assert len(set(assign[:50])) == 1 and assign[0] != assign[-1]
    ious = [yo.kmeans_anchors(wh, k)[2] for k in (1, 2, 3)]
    assert ious[0] < ious[1] <= ious[2] + 1e-9
    with pytest.raises(ValueError, match="number of anchors k must be >= 1"):
        yo.kmeans_anchors(wh, 0)


def test_anchor_failures_counts_collisions():
    two_in_cell = [np.array([[0.0, 0.0, 0.2, 0.2], [0.25, 0.25, 0.45, 0.45]])]
    out = yo.anchor_failures(two_in_cell, [[1.0, 1.0]], 2)
    assert out == {"objects": 2, "collisions": 1, "crowded cells": 1}
    assert yo.anchor_failures(two_in_cell, [[1.0, 1.0]], 8)["collisions"] == 0


def test_lecture_nms_vs_tf_rule_at_the_tie():
    b = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.5, 1.0], [0.0, 0.0, 1.0, 1.0]])
    p = np.array([0.9, 0.8, 0.55])
    assert yo.non_max_suppression(b, p).tolist() == [0]  # IoU 0.5 >= 0.5 discarded, 0.55 <= 0.6
    s, _, _ = yo.yolo_non_max_suppression(p, b[:, [1, 0, 3, 2]], [0, 0, 0], 10, 0.5)
    assert s.tolist() == [0.9, 0.8]  # IoU 0.5 is not > 0.5


def test_per_class_nms_keeps_other_classes():
    b = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.95]])
    s, _, c = yo.per_class_non_max_suppression([0.9, 0.8], b, [0, 1])
    assert c.tolist() == [0, 1]
    s, _, c = yo.yolo_non_max_suppression([0.9, 0.8], b, [0, 1])
    assert c.tolist() == [0]


def test_filter_boxes_broadcast_and_threshold():
    conf = np.array([[[0.5], [1.0]]])
    probs = np.array([[[0.8, 0.2], [0.3, 0.7]]])
    boxes = np.arange(8.0).reshape(1, 2, 4)
    s, b, c = yo.yolo_filter_boxes(boxes, conf, probs, 0.4)
    assert np.allclose(s, [0.4, 0.7]) and c.tolist() == [0, 1] and b.shape == (2, 4)


def test_corners_scale_head_eval():
    c = yo.yolo_boxes_to_corners(np.array([0.5, 0.25]), np.array([0.2, 0.4]))
    assert np.allclose(c, [0.05, 0.4, 0.45, 0.6])
    assert np.allclose(yo.scale_boxes(c, (100, 200)), [5, 80, 45, 120])
    anchors = np.array([[1.0, 2.0]])
    feats = np.zeros((1, 2, 2, 1 * 8))
    xy, wh, conf, probs = yo.yolo_head(feats, anchors, 3)
    assert np.allclose(xy[0, 1, 0, 0], [0.25, 0.75]) and np.allclose(wh[0, 0, 0, 0], [0.5, 1.0])
    assert np.allclose(conf, 0.5) and np.allclose(probs, 1 / 3)
    s, b, cl = yo.yolo_eval(tuple(h[0] for h in (xy, wh, conf, probs)), (2, 2), 10, 0.1, 0.5)
    assert len(s) >= 1 and b.shape[1] == 4


def test_average_precision_and_map():
    # detections sorted: TP, FP, TP of 2 objects -> AP = 0.5 * 1 + 0.5 * 2/3
    ap = yo.average_precision([True, False, True], [0.9, 0.8, 0.7], 2)
    assert np.isclose(ap, 0.5 + 0.5 * 2 / 3)
    gt = [(BOXES, np.array([0, 1]))]
    perfect = [(np.array([0.9, 0.8]), BOXES.copy(), np.array([0, 1]))]
    assert yo.mean_average_precision(perfect, gt, 2)[0] == 1.0
    wrong_class = [(np.array([0.9, 0.8]), BOXES.copy(), np.array([1, 0]))]
    assert yo.mean_average_precision(wrong_class, gt, 2)[0] == 0.0
    assert yo.precision_recall(perfect, gt) == (1.0, 1.0)


def test_read_files(tmp_path):
    a = tmp_path / "yolo_anchors.txt"
    a.write_text("0.57273, 0.677385, 1.87446, 2.06253\n")
    assert yo.read_anchors(a).shape == (2, 2)
    c = tmp_path / "coco_classes.txt"
    c.write_text("person\nbicycle\n\n")
    assert yo.read_classes(c) == ["person", "bicycle"]
    with pytest.raises(FileNotFoundError, match="model_data"):
        yo.read_anchors(tmp_path / "missing.txt")
    a.write_text("1, 2, 3\n")
    with pytest.raises(ValueError, match="even number"):
        yo.read_anchors(a)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: yo.assign_to_grid(BOXES, 0), "grid size S must be >= 1"),
        (lambda: yo.assign_to_grid([[0.3, 0.1, 0.1, 0.5]], 3), "x2 < x1"),
        (lambda: yo.yolo_labels(BOXES, [0, 3], 3, [[1, 1]], 3), "0..C-1"),
        (lambda: yo.yolo_labels(BOXES, [0, 1], 3, np.zeros((0, 2)), 3), "number of anchors"),
        (lambda: yo.yolo_filter_boxes(np.zeros((2, 4)), np.zeros((3, 1)), np.zeros((2, 3))),
         "box_confidence"),
        (lambda: yo.non_max_suppression(BOXES, [0.5], 0.6), "scores must have shape"),
        (lambda: yo.yolo_non_max_suppression([0.5], [[0.5, 0.5, 0.1, 0.9]], [0]), "y2 < y1"),
    ],
)  # fmt: skip
def test_bad_input_messages(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
