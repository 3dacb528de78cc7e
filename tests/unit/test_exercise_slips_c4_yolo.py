"""The YOLO lesson's exercise checks fail the slips the lesson names, each with its own hint.

The learner functions are written here as a learner would write them, one slip switched on.
"""

from __future__ import annotations

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import yolo_checks as yc


def learner_iou(slip=None):
    def iou(box1, box2):
        (x1, y1, x2, y2), (u1, v1, u2, v2) = box1, box2
        xi1, yi1, xi2, yi2 = max(x1, u1), max(y1, v1), min(x2, u2), min(y2, v2)
        if slip == "mixed":
            yi1 = max(x1, u1)
        if slip == "no clamp":
            inter = (xi2 - xi1) * (yi2 - yi1)
        else:
            inter = max(xi2 - xi1, 0) * max(yi2 - yi1, 0)
        union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1)
        if slip != "union":
            union = union - inter
        return inter / union if union > 0 else 0.0

    return iou


def test_iou_reference_learner_stub():
    assert yc.check_iou(learner_iou()).passed
    assert yc.check_iou(yc.bx.iou).passed
    assert yc.check_iou(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [("union", "without subtracting the intersection"), ("no clamp", "not clamped to 0"),
     ("mixed", "x and y mixed up")],
)  # fmt: skip
def test_iou_slips(slip, fragment):
    fails_with(yc.check_iou(learner_iou(slip)), fragment)


def learner_corners(slip=None):
    def yolo_boxes_to_corners(box_xy, box_wh):
        half = box_wh if slip == "full" else box_wh / 2
        lo, hi = box_xy - half, box_xy + half
        if slip == "xy":
            return np.concatenate([lo[..., :1], lo[..., 1:], hi[..., :1], hi[..., 1:]], axis=-1)
        return np.concatenate([lo[..., 1:], lo[..., :1], hi[..., 1:], hi[..., :1]], axis=-1)

    return yolo_boxes_to_corners


def test_corners():
    assert yc.check_yolo_boxes_to_corners(learner_corners()).passed
    assert yc.check_yolo_boxes_to_corners(stub).status == "not attempted"
    fails_with(yc.check_yolo_boxes_to_corners(learner_corners("xy")), "[x_min, y_min")
    fails_with(yc.check_yolo_boxes_to_corners(learner_corners("full")), "full width")


def learner_filter(slip=None):
    def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=0.6):
        if slip == "dot":
            box_scores = np.dot(box_confidence, box_class_probs)
        elif slip == "confidence":
            box_scores = box_confidence
        else:
            box_scores = box_confidence * box_class_probs
        axis = 0 if slip == "axis" else -1
        classes = np.argmax(box_class_probs if slip == "confidence" else box_scores, axis=axis)
        best = box_scores.max(axis=axis)
        if slip == "confidence":
            best = box_confidence[..., 0]
        keep = best > threshold if slip == ">" else best >= threshold
        return best[keep], boxes[keep], classes[keep]

    return yolo_filter_boxes


def test_filter_reference_learner_stub(tf):
    from course_lib.c4_convnets import yolo_tf

    assert yc.check_yolo_filter_boxes(learner_filter()).passed
    assert yc.check_yolo_filter_boxes(yolo_tf.yolo_filter_boxes).passed
    assert yc.check_yolo_filter_boxes(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [(">", "> threshold instead of >="), ("confidence", "box_confidence alone"),
     ("dot", "not a dot product"), ("axis", "over the LAST axis")],
)  # fmt: skip
def test_filter_slips(slip, fragment):
    fails_with(yc.check_yolo_filter_boxes(learner_filter(slip)), fragment)


def learner_nms(slip=None):
    def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        keep = []
        for i in order:
            y1, x1, y2, x2 = boxes[i]
            ok = True
            for j in keep:
                v1, u1, v2, u2 = boxes[j]
                w = max(min(x2, u2) - max(x1, u1), 0)
                h = max(min(y2, v2) - max(y1, v1), 0)
                union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - w * h
                value = w * h / union if union > 0 else 0.0
                if (value >= iou_threshold) if slip == ">=" else (value > iou_threshold):
                    ok = False
            if ok:
                keep.append(i)
        if slip != "max":
            keep = keep[:max_boxes]
        if slip == "order":
            keep = sorted(keep)
        return scores[keep], boxes[keep], classes[keep]

    return yolo_non_max_suppression


def test_nms_reference_learner_stub(tf):
    from course_lib.c4_convnets import yolo_tf

    assert yc.check_yolo_non_max_suppression(learner_nms()).passed
    assert yc.check_yolo_non_max_suppression(yolo_tf.yolo_non_max_suppression).passed
    assert yc.check_yolo_non_max_suppression(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [(">=", "IoU >= threshold"), ("max", "max_boxes ignored"), ("order", "original order")],
)
def test_nms_slips(slip, fragment):
    fails_with(yc.check_yolo_non_max_suppression(learner_nms(slip)), fragment)
