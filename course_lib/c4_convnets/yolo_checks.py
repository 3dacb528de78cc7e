"""Auto-checks for the YOLO exercises, compared with the NumPy references in yolo.py/boxes.py.

A learner may write each function with NumPy or with TensorFlow ops (as in the course's
assignment): the inputs are NumPy arrays (TF ops accept them) and the outputs are turned into
NumPy arrays before the comparison, so both pass.

Taught in: notebooks/c4_convnets/11_yolo.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import boxes as bx
from course_lib.c4_convnets import yolo as ynp
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = [
    "check_iou",
    "check_yolo_boxes_to_corners",
    "check_yolo_filter_boxes",
    "check_yolo_non_max_suppression",
]


class _AsArrays:
    """Call ``fn`` and hand back its result as NumPy arrays (a tuple stays a tuple).

    It carries the wrapped function's ``__code__``, so a learner's error is still reported
    with the line of the learner's cell.
    """

    def __init__(self, fn):
        self.fn = fn
        self.__code__ = getattr(fn, "__code__", None)

    def __call__(self, *args, **kwargs):
        out = self.fn(*args, **kwargs)
        if isinstance(out, tuple):
            return tuple(_to_numpy(o) for o in out)
        return _to_numpy(out)


def _to_numpy(value):
    if value is None or isinstance(value, (int, float, np.ndarray)):
        return value
    if hasattr(value, "numpy"):  # a TF tensor
        value = value.numpy()
    arr = np.asarray(value)
    return float(arr) if arr.ndim == 0 else arr


def _wrap(fn):
    return _AsArrays(fn) if callable(fn) else fn


# -- IoU ------------------------------------------------------------------------------------


def _iou_variant(slip: str):
    def iou(box1, box2):
        (b1_x1, b1_y1, b1_x2, b1_y2), (b2_x1, b2_y1, b2_x2, b2_y2) = box1, box2
        xi1, yi1 = max(b1_x1, b2_x1), max(b1_y1, b2_y1)
        xi2, yi2 = min(b1_x2, b2_x2), min(b1_y2, b2_y2)
        if slip == "x/y mixed":
            yi1 = max(b1_x1, b2_x1)
        w, h = xi2 - xi1, yi2 - yi1
        if slip != "no clamp":
            w, h = max(w, 0.0), max(h, 0.0)
        inter = w * h
        union = (b1_x2 - b1_x1) * (b1_y2 - b1_y1) + (b2_x2 - b2_x1) * (b2_y2 - b2_y1)
        if slip != "union keeps intersection":
            union -= inter
        return float(inter / union) if union != 0 else 0.0

    return iou


_IOU_CASES = [
    Case("box1 = (2, 1, 4, 3), box2 = (1, 2, 3, 4) (partial overlap)",
         ((2.0, 1.0, 4.0, 3.0), (1.0, 2.0, 3.0, 4.0))),
    Case("two boxes apart along both x and y", ((1.0, 2.0, 3.0, 4.0), (5.0, 6.0, 7.0, 8.0))),
    Case("boxes apart along y only", ((0.1, 0.1, 0.4, 0.3), (0.2, 0.5, 0.5, 0.9))),
    Case("one box inside the other", ((0.0, 0.0, 1.0, 1.0), (0.25, 0.5, 0.75, 0.75))),
    Case("a tall box and a wide box crossing", ((0.4, 0.05, 0.6, 0.95), (0.1, 0.6, 0.9, 0.8))),
    Case("boxes touching at an edge", ((1.0, 1.0, 2.0, 2.0), (2.0, 1.0, 3.0, 2.0))),
]  # fmt: skip

_IOU_SLIPS = [
    Slip(
        "the union adds the two areas without subtracting the intersection",
        "union = area(box1) + area(box2) - area(intersection): the intersection is in both "
        "areas, so adding them counts it twice.",
        _iou_variant("union keeps intersection"),
    ),
    Slip(
        "a negative overlap is not clamped to 0",
        "for boxes that do not overlap, x2 - x1 of the intersection (or y2 - y1) is negative, "
        "and two negatives make a positive 'area'. Use inter_width = max(xi2 - xi1, 0) and "
        "inter_height = max(yi2 - yi1, 0).",
        _iou_variant("no clamp"),
    ),
    Slip(
        "x and y mixed up in the intersection's corners",
        "x runs across and y down: xi1 = max(x1, x1'), yi1 = max(y1, y1'), xi2 = min(x2, x2'), "
        "yi2 = min(y2, y2'); each corner's coordinate comes from the same coordinate of the "
        "two boxes.",
        _iou_variant("x/y mixed"),
    ),
]


def check_iou(learner_fn) -> CheckResult:
    """Check the learner's ``iou(box1, box2)`` (corners (x1, y1, x2, y2)) against boxes.iou.

    Taught in: notebooks/c4_convnets/11_yolo.py, section 4.
    """
    return check_function(
        "iou", _wrap(learner_fn), bx.iou, _IOU_CASES, rtol=1e-6, atol=1e-9,
        slips=_IOU_SLIPS,
        hints={"ZeroDivisionError": "two boxes of zero area have a union of 0: return 0 then."},
    )  # fmt: skip


# -- yolo_boxes_to_corners -----------------------------------------------------------------


def _corners_variant(slip: str):
    def yolo_boxes_to_corners(box_xy, box_wh):
        xy, wh = np.asarray(box_xy, float), np.asarray(box_wh, float)
        half = wh if slip == "not halved" else wh / 2
        mins, maxes = xy - half, xy + half
        if slip == "x first":
            return np.concatenate([mins, maxes], -1)
        return np.concatenate([mins[..., 1:2], mins[..., 0:1], maxes[..., 1:2], maxes[..., 0:1]],
                              -1)  # fmt: skip

    return yolo_boxes_to_corners


def _corner_cases():
    rng = np.random.default_rng(7)
    return [
        Case("box_xy, box_wh of shape (3, 3, 2, 2)", (rng.random((3, 3, 2, 2)),
                                                      rng.random((3, 3, 2, 2)) * 0.5)),
        Case("box_xy = (0.5, 0.25), box_wh = (0.2, 0.4)", (np.array([0.5, 0.25]),
                                                           np.array([0.2, 0.4]))),
    ]  # fmt: skip


def check_yolo_boxes_to_corners(learner_fn) -> CheckResult:
    """Check ``yolo_boxes_to_corners(box_xy, box_wh)`` -> [y_min, x_min, y_max, x_max].

    Taught in: notebooks/c4_convnets/11_yolo.py, section 9.
    """
    slips = [
        Slip("the corners in the order [x_min, y_min, x_max, y_max]",
             "TensorFlow's boxes are [y_min, x_min, y_max, x_max]: y first. box_xy is (x, y), so "
             "take box_mins[..., 1:2] before box_mins[..., 0:1] (and the same for the maxes).",
             _corners_variant("x first")),
        Slip("the full width and height added to the centre",
             "the centre is in the middle of the box: mins = xy - wh / 2, maxes = xy + wh / 2.",
             _corners_variant("not halved")),
    ]  # fmt: skip
    return check_function("yolo_boxes_to_corners", _wrap(learner_fn), ynp.yolo_boxes_to_corners,
                          _corner_cases(), rtol=1e-6, atol=1e-7, slips=slips)  # fmt: skip


# -- yolo_filter_boxes ---------------------------------------------------------------------


def _filter_variant(slip: str):
    def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=0.6):
        box_scores = box_confidence * box_class_probs
        box_classes = np.argmax(box_scores, axis=-1)
        box_class_scores = np.max(box_scores, axis=-1)
        if slip == "confidence only":
            box_class_scores = box_confidence[..., 0]
            box_classes = np.argmax(box_class_probs, axis=-1)
        mask = box_class_scores > threshold if slip == ">" else box_class_scores >= threshold
        return box_class_scores[mask], boxes[mask], box_classes[mask]

    return yolo_filter_boxes


def _filter_cases():
    rng = np.random.default_rng(3)
    cases = []
    for shape, C, thr in (((4, 4, 3), 5, 0.3), ((3, 3, 2), 4, 0.25)):
        boxes = rng.random(shape + (4,))
        conf = rng.random(shape + (1,))
        logits = rng.standard_normal(shape + (C,)) * 2
        probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
        cases.append(Case(f"boxes {boxes.shape}, box_confidence {conf.shape}, box_class_probs "
                          f"{probs.shape}, threshold = {thr}", (boxes, conf, probs),
                          {"threshold": thr}))  # fmt: skip
    # Scores exactly at the threshold (0.5 * 0.8 == 0.4 in floating point) must be kept.
    conf = np.array([[[0.5], [0.9], [0.5]], [[0.3], [1.0], [0.6]]])
    probs = np.array([[[0.8, 0.2], [0.1, 0.9], [0.2, 0.8]], [[0.5, 0.5], [0.4, 0.6], [0.9, 0.1]]])
    boxes = np.arange(24, dtype=float).reshape(2, 3, 4) / 24
    cases.append(Case("scores exactly equal to threshold = 0.4", (boxes, conf, probs),
                      {"threshold": 0.4}))  # fmt: skip
    return cases


_SCORE_HINT = (
    "box_scores = box_confidence * box_class_probs: an elementwise product that broadcasts the "
    "(..., 1) confidences over the (..., C) class axis (score = p_c * c_i); not a dot product."
)
_AXIS_HINT = (
    "take argmax and max over the LAST axis, the classes (axis=-1): box_classes and "
    "box_class_scores then have the shape (..., ) of the mask, e.g. (19, 19, 5)."
)


def check_yolo_filter_boxes(learner_fn) -> CheckResult:
    """Check ``yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold)``.

    Taught in: notebooks/c4_convnets/11_yolo.py, section 10.
    """
    slips = [
        Slip("> threshold instead of >= threshold",
             "keep the boxes with box_class_scores >= threshold: a score equal to the threshold "
             "is kept.", _filter_variant(">")),
        Slip("the scores taken from box_confidence alone",
             "the score of class c is p_c * c_i, the confidence times the class probability; "
             + _SCORE_HINT, _filter_variant("confidence only")),
    ]  # fmt: skip
    hints = {
        "not aligned": _SCORE_HINT, "Matrix size-incompatible": _SCORE_HINT,
        "matmul": _SCORE_HINT, "dot": _SCORE_HINT,
        "boolean index did not match": _AXIS_HINT, "are incompatible": _AXIS_HINT,
        "too many indices": _AXIS_HINT, "has shape": _AXIS_HINT,
    }  # fmt: skip
    return check_function(
        "yolo_filter_boxes", _wrap(learner_fn), ynp.yolo_filter_boxes, _filter_cases(),
        rtol=1e-6, atol=1e-9, slips=slips, hints=hints,
        output_names=("scores", "boxes", "classes"),
    )  # fmt: skip


# -- yolo_non_max_suppression ---------------------------------------------------------------


def _nms_variant(slip: str):
    def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
        s, b, c = np.asarray(scores), np.asarray(boxes), np.asarray(classes)
        corners = b[:, [1, 0, 3, 2]]
        keep = []
        for i in np.argsort(-s, kind="stable"):
            ious = [bx.iou(corners[i], corners[j]) for j in keep]
            if slip == ">=":
                ok = all(v < iou_threshold for v in ious)
            else:
                ok = all(v <= iou_threshold for v in ious)
            if ok:
                keep.append(int(i))
        if slip != "no max_boxes":
            keep = keep[:max_boxes]
        if slip == "index order":
            keep = sorted(keep)
        keep = np.asarray(keep, dtype=np.int64)
        return s[keep], b[keep], c[keep]

    return yolo_non_max_suppression


def _nms_cases():
    rng = np.random.default_rng(11)
    centres = rng.random((12, 2)) * 0.8 + 0.1
    sizes = rng.random((12, 2)) * 0.3 + 0.1
    b = np.clip(np.concatenate([centres - sizes / 2, centres + sizes / 2], -1), 0, 1)
    s = rng.random(12)
    c = rng.integers(0, 3, 12)
    # Box 1 has IoU exactly 0.5 with box 0 (half of it); box 2 overlaps box 0 by much more.
    tie_b = np.array(
        [[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.5], [0.0, 0.0, 0.9, 1.0], [0.5, 0.5, 0.6, 0.7]]
    )
    tie_s = np.array([0.9, 0.8, 0.7, 0.95])
    return [
        Case("12 boxes [y1, x1, y2, x2], max_boxes = 4, iou_threshold = 0.3", (s, b, c),
             {"max_boxes": 4, "iou_threshold": 0.3}),
        Case("12 boxes, max_boxes = 10, iou_threshold = 0.1", (s, b, c),
             {"max_boxes": 10, "iou_threshold": 0.1}),
        Case("a box with IoU exactly 0.5 with a better one, iou_threshold = 0.5",
             (tie_s, tie_b, np.array([0, 1, 0, 2])), {"max_boxes": 10, "iou_threshold": 0.5}),
    ]  # fmt: skip


def check_yolo_non_max_suppression(learner_fn) -> CheckResult:
    """Check ``yolo_non_max_suppression(scores, boxes, classes, max_boxes, iou_threshold)``.

    Taught in: notebooks/c4_convnets/11_yolo.py, section 11.
    """
    slips = [
        Slip("boxes with IoU equal to iou_threshold suppressed (IoU >= threshold)",
             "tf.image.non_max_suppression suppresses a box only when its IoU with a kept box is "
             "> iou_threshold; a box at exactly the threshold is kept.", _nms_variant(">=")),
        Slip("max_boxes ignored",
             "stop after max_boxes boxes: tf.image.non_max_suppression(boxes, scores, "
             "max_output_size=max_boxes, iou_threshold=iou_threshold).",
             _nms_variant("no max_boxes")),
        Slip("the kept boxes returned in their original order",
             "return the kept boxes in the order NMS picks them, highest score first (the order "
             "of the indices tf.image.non_max_suppression returns), then tf.gather each of "
             "scores, boxes and classes with those indices.", _nms_variant("index order")),
    ]  # fmt: skip
    return check_function(
        "yolo_non_max_suppression", _wrap(learner_fn), ynp.yolo_non_max_suppression,
        _nms_cases(), rtol=1e-6, atol=1e-7, slips=slips,
        output_names=("scores", "boxes", "classes"),
    )  # fmt: skip
