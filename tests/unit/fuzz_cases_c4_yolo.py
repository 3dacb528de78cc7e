"""Fuzz cases for course_lib/c4_convnets/yolo.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case, exempt

_BOXES = np.array([[0.1, 0.1, 0.3, 0.5], [0.5, 0.5, 0.9, 0.6]])
_ANCHORS = np.array([[1.0, 1.0], [2.0, 0.5]])
_TF_BOXES = _BOXES[:, [1, 0, 3, 2]].copy()


def _head():
    from course_lib.c4_convnets.yolo import yolo_head

    return yolo_head(np.random.default_rng(0).standard_normal((1, 2, 2, 16)), _ANCHORS, 3)


@case("yolo.assign_to_grid")
def _assign_to_grid():
    return Case({"boxes": _BOXES.copy(), "S": 3}, arrays=("boxes",), counts=("S",))


@case("yolo.cell_box_to_image")
def _cell_box_to_image():
    return Case({"rows": np.array([0, 1]), "cols": np.array([0, 2]),
                 "params": np.array([[0.6, 0.9, 1.2, 0.6], [0.1, 0.6, 0.3, 1.2]]), "S": 3},
                arrays=("params",), counts=("S",))  # fmt: skip


@case("yolo.one_hot")
def _one_hot():
    return Case({"classes": np.array([0, 2]), "C": 3}, numbers=("classes",), counts=("C",))


@case("yolo.yolo_labels_no_anchors")
def _labels_no_anchors():
    return Case({"boxes": _BOXES.copy(), "classes": np.array([0, 2]), "S": 3, "C": 3},
                arrays=("boxes",), numbers=("classes",), counts=("S", "C"))  # fmt: skip


@case("yolo.yolo_labels")
def _labels():
    return Case({"boxes": _BOXES.copy(), "classes": np.array([0, 2]), "S": 3,
                 "anchors": _ANCHORS.copy(), "C": 3},
                arrays=("boxes", "anchors"), numbers=("classes",), counts=("S", "C"))  # fmt: skip


@case("yolo.decode_labels")
def _decode():
    from course_lib.c4_convnets.yolo import yolo_labels

    return Case({"y": yolo_labels(_BOXES, [0, 2], 3, _ANCHORS, 3)}, arrays=("y",))


@case("yolo.anchor_iou")
def _anchor_iou():
    return Case({"wh": np.array([[1.0, 2.0], [0.5, 0.5]]), "anchors": _ANCHORS.copy()},
                arrays=("wh", "anchors"))  # fmt: skip


@case("yolo.assign_anchors")
def _assign_anchors():
    return Case({"boxes": _BOXES.copy(), "anchors": _ANCHORS.copy(), "S": 3},
                arrays=("boxes", "anchors"), counts=("S",))  # fmt: skip


@case("yolo.anchor_failures")
def _anchor_failures():
    return Case({"boxes_per_image": [_BOXES.copy()], "anchors": _ANCHORS.copy(), "S": 3},
                arrays=("anchors",), counts=("S",))  # fmt: skip


@case("yolo.kmeans_anchors")
def _kmeans():
    wh = np.random.default_rng(0).random((20, 2)) + 0.1
    return Case({"wh": wh, "k": 3, "seed": 0}, arrays=("wh",), counts=("k",))


@case("yolo.non_max_suppression")
def _nms_lecture():
    return Case({"boxes": _BOXES.copy(), "scores": np.array([0.9, 0.7])},
                arrays=("boxes", "scores"))  # fmt: skip


@case("yolo.yolo_boxes_to_corners")
def _corners():
    return Case({"box_xy": np.array([[0.5, 0.5]]), "box_wh": np.array([[0.2, 0.4]])},
                arrays=("box_xy", "box_wh"))  # fmt: skip


@case("yolo.yolo_filter_boxes")
def _filter():
    xy, wh, conf, probs = _head()
    from course_lib.c4_convnets.yolo import yolo_boxes_to_corners

    return Case({"boxes": yolo_boxes_to_corners(xy, wh), "box_confidence": conf,
                 "box_class_probs": probs, "threshold": 0.1},
                arrays=("boxes", "box_confidence", "box_class_probs"))  # fmt: skip


@case("yolo.scale_boxes")
def _scale():
    return Case({"boxes": _TF_BOXES.copy(), "image_shape": (720, 1280)}, arrays=("boxes",))


@case("yolo.yolo_non_max_suppression", "yolo.per_class_non_max_suppression")
def _nms():
    return Case({"scores": np.array([0.9, 0.7]), "boxes": _TF_BOXES.copy(),
                 "classes": np.array([0, 1]), "max_boxes": 10, "iou_threshold": 0.5},
                arrays=("scores", "boxes"), numbers=("classes",))  # fmt: skip


@case("yolo.yolo_head")
def _yolo_head():
    feats = np.random.default_rng(0).standard_normal((1, 2, 2, 16))
    return Case({"feats": feats, "anchors": _ANCHORS.copy(), "num_classes": 3},
                images=("feats",), arrays=("anchors",), counts=("num_classes",))  # fmt: skip


@case("yolo.yolo_eval")
def _yolo_eval():
    return Case({"yolo_outputs": tuple(h[0] for h in _head()), "image_shape": (64, 64),
                 "score_threshold": 0.1})  # fmt: skip


@case("yolo.average_precision")
def _ap():
    return Case({"tp": np.array([True, False, True]), "scores": np.array([0.9, 0.8, 0.7]),
                 "n_positives": 2}, arrays=("scores",))  # fmt: skip


@case("yolo.mean_average_precision")
def _map():
    return Case({"detections": [(np.array([0.9, 0.8]), _BOXES.copy(), np.array([0, 1]))],
                 "ground_truths": [(_BOXES.copy(), np.array([0, 1]))], "num_classes": 2},
                counts=("num_classes",))  # fmt: skip


@case("yolo.precision_recall")
def _pr():
    return Case({"detections": [(np.array([0.9, 0.8]), _BOXES.copy(), np.array([0, 1]))],
                 "ground_truths": [(_BOXES.copy(), np.array([0, 1]))]})  # fmt: skip


exempt(
    "reads a text file given by path (tested on files the tests write in tests/unit/test_yolo.py)",
    "yolo.read_anchors",
    "yolo.read_classes",
)
