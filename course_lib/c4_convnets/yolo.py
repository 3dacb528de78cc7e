"""YOLO in NumPy: grid cells, anchors, label volumes, class scores, filtering, NMS and mAP.

The course's notation throughout:

* An image is split into an S x S grid. An object belongs to the one cell that contains its
  midpoint. Inside that cell the box is ``[b_x, b_y, b_h, b_w]``: ``b_x, b_y`` in [0, 1]
  measured from the cell's top-left corner, ``b_h, b_w`` in units of the cell size (they may
  exceed 1 when the object is bigger than a cell).
* With ``A`` anchors and ``C`` classes the target is ``y`` of shape (S, S, A, 5 + C): for each
  anchor ``[p_c, b_x, b_y, b_h, b_w, c_1, ..., c_C]`` with the classes one-hot (the course's
  real model: 19 x 19 x 5 x 85, 85 = 5 + 80).
* Anchors are ``(w, h)`` pairs in grid-cell units, as in the course's ``yolo_anchors.txt``.
* The course's assignment functions (``yolo_head``, ``yolo_boxes_to_corners``,
  ``yolo_filter_boxes``, ``scale_boxes``, ``yolo_non_max_suppression``, ``yolo_eval``) keep
  their names, arguments and conventions: ``box_xy`` and ``box_wh`` are (x, y) and (w, h) in
  image fractions, and the corners they produce are ``[y_min, x_min, y_max, x_max]``
  (TensorFlow's order). The lecture's own NMS (``non_max_suppression``) and ``boxes.iou`` take
  corners ``(x1, y1, x2, y2)``.

Image coordinates: (0, 0) top-left, (1, 1) bottom-right, x across, y down.

Taught in: notebooks/c4_convnets/11_yolo.py
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from course_lib.c4_convnets.boxes import iou_matrix, require_boxes
from course_lib.validation import require_finite, require_int, require_number, require_numeric

__all__ = [
    "assign_to_grid",
    "cell_box_to_image",
    "one_hot",
    "yolo_labels_no_anchors",
    "anchor_iou",
    "assign_anchors",
    "anchor_failures",
    "kmeans_anchors",
    "yolo_labels",
    "decode_labels",
    "non_max_suppression",
    "yolo_boxes_to_corners",
    "yolo_filter_boxes",
    "scale_boxes",
    "yolo_non_max_suppression",
    "per_class_non_max_suppression",
    "yolo_head",
    "yolo_eval",
    "average_precision",
    "mean_average_precision",
    "precision_recall",
    "read_anchors",
    "read_classes",
]


# -- validation helpers -------------------------------------------------------------------------


def _grid_size(S) -> int:
    return require_int("the grid size S", S, 1)


def _require_anchors(anchors) -> np.ndarray:
    arr = require_finite("anchors", anchors).astype(np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"anchors must have shape (A, 2): one (w, h) per anchor; got {arr.shape}.")
    if arr.shape[0] < 1:
        raise ValueError("the number of anchors A must be >= 1, got 0.")
    if np.any(arr <= 0):
        raise ValueError("every anchor's width w and height h must be > 0.")
    return arr


def _require_wh(name: str, wh) -> np.ndarray:
    arr = require_finite(name, wh).astype(np.float64)
    if arr.ndim == 1 and arr.shape == (2,):
        arr = arr[None]
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must have shape (n, 2): one (w, h) per box; got {arr.shape}.")
    if np.any(arr < 0):
        raise ValueError(f"{name}: box widths w and heights h must be >= 0.")
    return arr


def _require_classes(classes, n: int, C: int | None = None) -> np.ndarray:
    arr = require_numeric("classes", classes)
    if arr.ndim == 0:
        arr = arr[None]
    if arr.ndim != 1 or arr.shape[0] != n:
        raise ValueError(f"classes must have shape (n,) = ({n},), one per box; got {arr.shape}.")
    if arr.dtype.kind == "f" and not np.all(arr == np.round(arr)):
        raise ValueError("classes must be integer class indices 0..C-1.")
    arr = arr.astype(np.int64)
    if np.any(arr < 0) or (C is not None and np.any(arr >= C)):
        raise ValueError(
            f"classes must be integer class indices in 0..C-1"
            f"{f' = 0..{C - 1}' if C is not None else ''}; got values {sorted(set(arr.tolist()))}."
        )
    return arr


# -- C4.68-C4.70: grid assignment, box parametrisation, class encoding -------------------------


def assign_to_grid(boxes, S: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Find the grid cell of each object (the cell holding its midpoint) and its cell box.

    Args:
        boxes: (n, 4) corner boxes ``(x1, y1, x2, y2)`` in image fractions [0, 1].
        S: grid size (S x S cells).

    Returns:
        rows (n,) and cols (n,) int cell indices (row i counts down, column j across), and
        params (n, 4) ``[b_x, b_y, b_h, b_w]`` relative to the cell: b_x, b_y in [0, 1) from the
        cell's top-left corner, b_h, b_w in cell units. A midpoint exactly on the image's right
        or bottom edge belongs to the last cell (b_x or b_y = 1 there).
    """
    S = _grid_size(S)
    arr = require_boxes("boxes", boxes)
    mx = (arr[:, 0] + arr[:, 2]) / 2 * S
    my = (arr[:, 1] + arr[:, 3]) / 2 * S
    cols = np.minimum(np.floor(mx), S - 1).astype(np.int64)
    rows = np.minimum(np.floor(my), S - 1).astype(np.int64)
    params = np.stack(
        [mx - cols, my - rows, (arr[:, 3] - arr[:, 1]) * S, (arr[:, 2] - arr[:, 0]) * S], axis=-1
    )
    return rows, cols, params


def cell_box_to_image(rows, cols, params, S: int) -> np.ndarray:
    """Undo ``assign_to_grid``: cell indices and ``[b_x, b_y, b_h, b_w]`` -> image corners.

    Args:
        rows, cols: (n,) int cell indices; params: (n, 4) ``[b_x, b_y, b_h, b_w]`` in cell units.
        S: grid size.

    Returns:
        (n, 4) corner boxes ``(x1, y1, x2, y2)`` in image fractions.
    """
    S = _grid_size(S)
    p = require_finite("params", params).astype(np.float64)
    if p.ndim == 1:
        p = p[None]
    if p.ndim != 2 or p.shape[1] != 4:
        raise ValueError(f"params must have shape (n, 4) [b_x, b_y, b_h, b_w]; got {p.shape}.")
    r = np.broadcast_to(require_numeric("rows", rows), (p.shape[0],)).astype(np.int64)
    c = np.broadcast_to(require_numeric("cols", cols), (p.shape[0],)).astype(np.int64)
    if np.any((r < 0) | (r >= S) | (c < 0) | (c >= S)):
        raise ValueError(f"cell indices must lie in 0..S-1 = 0..{S - 1}.")
    if np.any(p[:, 2:] < 0):
        raise ValueError("b_h and b_w are a box's height and width: they must be >= 0.")
    bx, by = (c + p[:, 0]) / S, (r + p[:, 1]) / S
    bh, bw = p[:, 2] / S, p[:, 3] / S
    return np.stack([bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2], axis=-1)


def one_hot(classes, C: int) -> np.ndarray:
    """One-hot class vectors: class c -> a vector of C zeros with a 1 at index c.

    Args:
        classes: (n,) integer class indices in 0..C-1.
        C: number of classes (80 in the course's COCO model: 85 = 5 + 80).

    Returns:
        (n, C) float array.
    """
    C = require_int("the number of classes C", C, 1)
    arr = np.atleast_1d(np.asarray(classes))
    c = _require_classes(arr, arr.shape[0] if arr.ndim == 1 else -1, C)
    return np.eye(C)[c]


def yolo_labels_no_anchors(boxes, classes, S: int, C: int) -> np.ndarray:
    """The lecture's first YOLO target: one ``[p_c, b_x, b_y, b_h, b_w, c_1..c_C]`` per cell.

    Args:
        boxes: (n, 4) corner boxes in image fractions; classes: (n,) ints in 0..C-1.
        S: grid size; C: number of classes.

    Returns:
        y (S, S, 5 + C), e.g. 3 x 3 x 8 for the lecture's 3 classes. Cells without an object
        hold zeros. When two objects share a cell the later one wins (this target cannot
        hold both; anchors fix that).
    """
    return yolo_labels(boxes, classes, S, np.ones((1, 2)), C)[:, :, 0, :]


# -- C4.74-C4.78: anchors ------------------------------------------------------------------------


def anchor_iou(wh, anchors) -> np.ndarray:
    """IoU of box shapes with anchor shapes, both centred on the same point.

    Args:
        wh: (n, 2) box widths and heights; anchors: (A, 2) anchor (w, h), same units.

    Returns:
        (n, A): ``min(w, w_a) min(h, h_a) / (w h + w_a h_a - min(w, w_a) min(h, h_a))``; 0 for
        a box of zero area.
    """
    b = _require_wh("wh", wh)
    a = _require_anchors(anchors)
    inter = np.minimum(b[:, None, 0], a[None, :, 0]) * np.minimum(b[:, None, 1], a[None, :, 1])
    union = (b[:, 0] * b[:, 1])[:, None] + (a[:, 0] * a[:, 1])[None, :] - inter
    return inter / union  # anchors have positive area, so union > 0


def _boxes_wh(arr: np.ndarray, S: int) -> np.ndarray:
    return np.stack([arr[:, 2] - arr[:, 0], arr[:, 3] - arr[:, 1]], axis=-1) * S


def assign_anchors(boxes, anchors, S: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each object -> (its grid cell, the anchor whose shape has the highest IoU with its own).

    Args:
        boxes: (n, 4) corner boxes in image fractions.
        anchors: (A, 2) anchor (w, h) in grid-cell units.
        S: grid size.

    Returns:
        rows (n,), cols (n,), anchor indices (n,) (ties go to the lower index).
    """
    S = _grid_size(S)
    arr = require_boxes("boxes", boxes)
    a = _require_anchors(anchors)
    rows, cols, _ = assign_to_grid(arr, S)
    best = anchor_iou(_boxes_wh(arr, S), a).argmax(axis=1) if len(arr) else np.zeros(0, int)
    return rows, cols, best.astype(np.int64)


def anchor_failures(boxes_per_image: Sequence, anchors, S: int) -> dict[str, int]:
    """Count the two cases the anchor scheme cannot represent, over a set of images.

    Args:
        boxes_per_image: a list of (k_i, 4) corner-box arrays, one per image.
        anchors: (A, 2) anchors in grid-cell units; S: grid size.

    Returns:
        {"objects": total objects, "collisions": objects that land in a cell AND an anchor
        already taken by another object of the same image (only one of them can be encoded),
        "crowded cells": cells with more objects than anchors A}.
    """
    S = _grid_size(S)
    a = _require_anchors(anchors)
    total = collisions = crowded = 0
    for i, boxes in enumerate(boxes_per_image):
        arr = require_boxes(f"boxes_per_image[{i}]", boxes)
        if len(arr) == 0:
            continue
        rows, cols, best = assign_anchors(arr, a, S)
        total += len(arr)
        slots = rows * S * len(a) + cols * len(a) + best
        collisions += len(slots) - len(np.unique(slots))
        _, per_cell = np.unique(rows * S + cols, return_counts=True)
        crowded += int(np.sum(per_cell > len(a)))
    return {"objects": total, "collisions": int(collisions), "crowded cells": int(crowded)}


def kmeans_anchors(
    wh, k: int, seed: int = 0, max_iter: int = 100
) -> tuple[np.ndarray, np.ndarray, float]:
    """K-means on box shapes with the distance d(box, anchor) = 1 - IoU(box, anchor).

    Both are centred on the same point, so only their (w, h) matter. Each step assigns every
    box to the anchor of highest IoU and moves each anchor to the median (w, h) of its boxes
    (the median is robust to a few huge boxes); an empty cluster is re-seeded on the box
    farthest from its anchor. Anchors start on k distinct boxes drawn with ``seed``.

    Args:
        wh: (n, 2) box widths and heights (any unit; the anchors come out in the same unit).
        k: number of anchors, 1 <= k <= number of distinct shapes.
        seed: seed of the initial draw.
        max_iter: most assignment/update steps.

    Returns:
        anchors (k, 2) sorted by area, assignment (n,) anchor index of each box, and the mean
        IoU of every box with its best anchor.
    """
    b = _require_wh("wh", wh)
    k = require_int("the number of anchors k", k, 1)
    max_iter = require_int("the iteration count max_iter", max_iter, 1)
    b = b[np.all(b > 0, axis=1)] if np.any(np.all(b > 0, axis=1)) else b
    if np.any(np.prod(b, axis=1) <= 0):
        raise ValueError("wh: the boxes must have positive width and height to cluster them.")
    distinct = np.unique(b, axis=0)
    if k > len(distinct):
        raise ValueError(
            f"the number of anchors k = {k} exceeds the number of distinct box shapes "
            f"({len(distinct)})."
        )
    rng = np.random.default_rng(seed)
    anchors = distinct[rng.choice(len(distinct), size=k, replace=False)].copy()
    assign = None
    for _ in range(max_iter):
        ious = anchor_iou(b, anchors)
        new = ious.argmax(axis=1)
        if assign is not None and np.array_equal(new, assign):
            break
        assign = new
        for j in range(k):
            members = b[assign == j]
            if len(members):
                anchors[j] = np.median(members, axis=0)
            else:
                worst = np.argmin(ious.max(axis=1))
                anchors[j] = b[worst]
                ious[worst] = 1.0
    order = np.argsort(anchors[:, 0] * anchors[:, 1], kind="stable")
    anchors = anchors[order]
    ious = anchor_iou(b, anchors)
    full_wh = _require_wh("wh", wh)
    full_assign = anchor_iou(np.maximum(full_wh, 1e-12), anchors).argmax(axis=1)
    return anchors, full_assign, float(ious.max(axis=1).mean())


def yolo_labels(boxes, classes, S: int, anchors, C: int) -> np.ndarray:
    """The YOLO target volume y of one image, S x S x A x (5 + C).

    Every object goes to its grid cell and to the anchor of highest shape IoU there; that slot
    holds ``[p_c = 1, b_x, b_y, b_h, b_w, one-hot class]`` (b_h, b_w in cell units). All
    other slots are zeros (p_c = 0, "no object": the rest is ignored by the loss). If two
    objects want the same slot, the later one wins (an anchor failure case).

    Args:
        boxes: (n, 4) corner boxes in image fractions; classes: (n,) ints in 0..C-1.
        S: grid size; anchors: (A, 2) (w, h) in cell units; C: number of classes.

    Returns:
        y (S, S, A, 5 + C) float array.
    """
    S = _grid_size(S)
    C = require_int("the number of classes C", C, 1)
    a = _require_anchors(anchors)
    arr = require_boxes("boxes", boxes)
    cls = _require_classes(classes, len(arr), C)
    y = np.zeros((S, S, len(a), 5 + C))
    if len(arr) == 0:
        return y
    rows, cols, best = assign_anchors(arr, a, S)
    _, _, params = assign_to_grid(arr, S)
    for r, c, k, p, cl in zip(rows, cols, best, params, cls):
        y[r, c, k] = 0.0
        y[r, c, k, 0] = 1.0
        y[r, c, k, 1:5] = p
        y[r, c, k, 5 + cl] = 1.0
    return y


def decode_labels(y) -> tuple[np.ndarray, np.ndarray]:
    """Read the objects back out of a label volume (the inverse of ``yolo_labels``).

    Args:
        y: (S, S, A, 5 + C) label volume.

    Returns:
        boxes (n, 4) corners in image fractions and classes (n,), in row-major slot order.
    """
    arr = require_finite("y", y).astype(np.float64)
    if arr.ndim != 4 or arr.shape[0] != arr.shape[1] or arr.shape[3] < 6:
        raise ValueError(f"y must have shape (S, S, A, 5 + C); got {arr.shape}.")
    S = arr.shape[0]
    r, c, _ = np.nonzero(arr[..., 0] > 0.5)
    slots = arr[arr[..., 0] > 0.5]
    if len(slots) == 0:
        return np.zeros((0, 4)), np.zeros(0, np.int64)
    return cell_box_to_image(r, c, slots[:, 1:5], S), slots[:, 5:].argmax(axis=1)


# -- C4.72: the lecture's non-max suppression -------------------------------------------------


def non_max_suppression(
    boxes, scores, score_threshold: float = 0.6, iou_threshold: float = 0.5
) -> np.ndarray:
    """The lecture's NMS for one class, step by step.

    1. Discard every box with p_c <= score_threshold.
    2. While boxes remain: take the one with the largest p_c and output it; discard every
       remaining box with IoU >= iou_threshold with it.

    Args:
        boxes: (n, 4) corner boxes ``(x1, y1, x2, y2)``; scores: (n,) p_c values.
        score_threshold: boxes with p_c <= this are dropped first.
        iou_threshold: boxes with IoU >= this with a chosen box are dropped.

    Returns:
        (k,) int indices into ``boxes`` of the kept boxes, highest p_c first (ties: the
        lower index first).
    """
    arr = require_boxes("boxes", boxes, normalised=False)
    s = require_finite("scores", scores).astype(np.float64).reshape(-1)
    if s.shape[0] != arr.shape[0]:
        raise ValueError(f"scores must have shape (n,) = ({arr.shape[0]},); got {s.shape}.")
    score_threshold = require_number("score_threshold", score_threshold, 0, 1)
    iou_threshold = require_number("iou_threshold", iou_threshold, 0, 1)
    remaining = [int(i) for i in np.argsort(-s, kind="stable") if s[i] > score_threshold]
    ious = iou_matrix(arr, arr) if len(arr) else np.zeros((0, 0))
    keep = []
    while remaining:
        best = remaining.pop(0)
        keep.append(best)
        remaining = [i for i in remaining if ious[best, i] < iou_threshold]
    return np.asarray(keep, dtype=np.int64)


# -- C4.79-C4.82: the course's assignment functions ------------------------------------------


def yolo_boxes_to_corners(box_xy, box_wh) -> np.ndarray:
    """Midpoint and size -> corners in TensorFlow's order ``[y_min, x_min, y_max, x_max]``.

    Args:
        box_xy: (..., 2) box centres (x, y); box_wh: (..., 2) sizes (w, h), same units.

    Returns:
        (..., 4) ``[y_min, x_min, y_max, x_max]`` with ``mins = xy - wh / 2``, ``maxes = xy +
        wh / 2``.
    """
    xy = require_finite("box_xy", box_xy).astype(np.float64)
    wh = require_finite("box_wh", box_wh).astype(np.float64)
    if xy.ndim == 0 or xy.shape[-1] != 2 or wh.shape != xy.shape:
        raise ValueError(
            f"box_xy and box_wh must both have shape (..., 2); got {xy.shape} and {wh.shape}."
        )
    if np.any(wh < 0):
        raise ValueError("box_wh holds widths and heights: they must be >= 0.")
    mins, maxes = xy - wh / 2.0, xy + wh / 2.0
    return np.concatenate([mins[..., 1:2], mins[..., 0:1], maxes[..., 1:2], maxes[..., 0:1]], -1)


def yolo_filter_boxes(
    boxes, box_confidence, box_class_probs, threshold: float = 0.6
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep the boxes whose best class score reaches the threshold.

    ``box_scores = box_confidence * box_class_probs`` (an elementwise product broadcast over
    the class axis, score_{c} = p_c * c_i; not a dot product), ``box_classes = argmax`` and
    ``box_class_scores = max`` over the last axis, and the mask ``box_class_scores >=
    threshold`` applied in row-major order (as ``tf.boolean_mask``).

    Args:
        boxes: (..., 4), e.g. (19, 19, 5, 4); box_confidence: (..., 1), e.g. (19, 19, 5, 1);
        box_class_probs: (..., C), e.g. (19, 19, 5, 80); threshold: the score threshold.

    Returns:
        scores (k,), boxes (k, 4), classes (k,) int of the k kept boxes.
    """
    b = require_finite("boxes", boxes).astype(np.float64)
    conf = require_finite("box_confidence", box_confidence).astype(np.float64)
    probs = require_finite("box_class_probs", box_class_probs).astype(np.float64)
    if b.ndim == 0 or b.shape[-1] != 4:
        raise ValueError(f"boxes must have shape (..., 4); got {b.shape}.")
    lead = b.shape[:-1]
    if conf.shape != lead + (1,):
        raise ValueError(
            f"box_confidence must have shape (..., 1) = {lead + (1,)}; got {conf.shape}."
        )
    if probs.ndim != b.ndim or probs.shape[:-1] != lead or probs.shape[-1] < 1:
        raise ValueError(
            f"box_class_probs must have shape (..., C) with ... = {lead}; got {probs.shape}."
        )
    if not isinstance(threshold, (int, float, np.integer, np.floating)) or isinstance(
        threshold, bool
    ):
        raise TypeError(f"threshold must be a number, got {threshold!r}.")
    box_scores = conf * probs
    box_classes = np.argmax(box_scores, axis=-1)
    box_class_scores = np.max(box_scores, axis=-1)
    mask = box_class_scores >= threshold
    return box_class_scores[mask], b[mask], box_classes[mask].astype(np.int64)


def scale_boxes(boxes, image_shape) -> np.ndarray:
    """Scale corner boxes from image fractions to pixels.

    Args:
        boxes: (..., 4) ``[y_min, x_min, y_max, x_max]`` in [0, 1];
        image_shape: (height, width) in pixels, e.g. (720, 1280).

    Returns:
        (..., 4) boxes times ``[height, width, height, width]``.
    """
    b = require_finite("boxes", boxes).astype(np.float64)
    if b.ndim == 0 or b.shape[-1] != 4:
        raise ValueError(f"boxes must have shape (..., 4); got {b.shape}.")
    shape = require_finite("image_shape", image_shape).astype(np.float64).reshape(-1)
    if shape.shape != (2,) or np.any(shape <= 0):
        raise ValueError(f"image_shape must be (height, width) > 0, got {image_shape!r}.")
    h, w = shape
    return b * np.array([h, w, h, w])


def _require_nms_inputs(scores, boxes, max_boxes, iou_threshold):
    s = require_finite("scores", scores).astype(np.float64)
    if s.ndim != 1:
        raise ValueError(f"scores must have shape (n,); got {s.shape}.")
    b = require_finite("boxes", boxes).astype(np.float64)
    if b.ndim != 2 or b.shape != (s.shape[0], 4):
        raise ValueError(
            f"boxes must have shape (n, 4) = ({s.shape[0]}, 4) [y1, x1, y2, x2]; got {b.shape}."
        )
    if np.any(b[:, 2] < b[:, 0]) or np.any(b[:, 3] < b[:, 1]):
        i = int(np.nonzero((b[:, 2] < b[:, 0]) | (b[:, 3] < b[:, 1]))[0][0])
        raise ValueError(
            f"box {i} has y2 < y1 or x2 < x1; these boxes are [y1, x1, y2, x2] with (y1, x1) "
            "the upper-left corner."
        )
    max_boxes = require_int("the box count max_boxes", max_boxes, 0)
    iou_threshold = require_number("iou_threshold", iou_threshold, 0, 1)
    return s, b, max_boxes, iou_threshold


def _tf_nms_indices(s, b, max_boxes, iou_threshold) -> np.ndarray:
    # tf.image.non_max_suppression: greedy by descending score (ties: lower index first);
    # a candidate is dropped when its IoU with a selected box exceeds iou_threshold.
    if len(s) == 0 or max_boxes == 0:
        return np.zeros(0, np.int64)
    corners = b[:, [1, 0, 3, 2]]  # -> (x1, y1, x2, y2)
    ious = iou_matrix(corners, corners)
    keep: list[int] = []
    for i in np.argsort(-s, kind="stable"):
        if all(ious[i, j] <= iou_threshold for j in keep):
            keep.append(int(i))
            if len(keep) == max_boxes:
                break
    return np.asarray(keep, dtype=np.int64)


def yolo_non_max_suppression(
    scores, boxes, classes, max_boxes: int = 10, iou_threshold: float = 0.5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The course's NMS step, with exactly ``tf.image.non_max_suppression``'s semantics.

    Greedy: take boxes by descending score (equal scores: the lower index first); keep one
    unless its IoU with an already kept box is > iou_threshold; stop at max_boxes. Like the
    course's function it ignores the classes (class-agnostic); see
    ``per_class_non_max_suppression`` for one NMS per class.

    Args:
        scores: (n,); boxes: (n, 4) ``[y1, x1, y2, x2]``; classes: (n,) ints.
        max_boxes: the most boxes to keep; iou_threshold: suppress when IoU > this.

    Returns:
        scores (k,), boxes (k, 4), classes (k,) of the kept boxes, highest score first.
    """
    s, b, max_boxes, iou_threshold = _require_nms_inputs(scores, boxes, max_boxes, iou_threshold)
    c = _require_classes(classes, len(s))
    keep = _tf_nms_indices(s, b, max_boxes, iou_threshold)
    return s[keep], b[keep], c[keep]


def per_class_non_max_suppression(
    scores, boxes, classes, max_boxes: int = 10, iou_threshold: float = 0.5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """NMS run separately for each class: a box only suppresses boxes of its own class.

    Args:
        scores: (n,); boxes: (n, 4) ``[y1, x1, y2, x2]``; classes: (n,) ints.
        max_boxes: the most boxes kept in all; iou_threshold: suppress when IoU > this.

    Returns:
        scores (k,), boxes (k, 4), classes (k,): the union of the per-class results, highest
        score first (equal scores: lower index first), at most max_boxes of them.
    """
    s, b, max_boxes, iou_threshold = _require_nms_inputs(scores, boxes, max_boxes, iou_threshold)
    c = _require_classes(classes, len(s))
    kept = []
    for cl in np.unique(c):
        idx = np.nonzero(c == cl)[0]
        kept.extend(idx[_tf_nms_indices(s[idx], b[idx], max_boxes, iou_threshold)].tolist())
    kept = np.asarray(sorted(kept, key=lambda i: (-s[i], i)), dtype=np.int64)[:max_boxes]
    return s[kept], b[kept], c[kept]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def yolo_head(feats, anchors, num_classes: int):
    """Turn the network's raw output into boxes, confidences and class probabilities.

    The course's (yad2k) convention, per grid cell (row i, column j) and anchor (w_a, h_a):
    ``box_xy = (sigmoid(t_xy) + (j, i)) / S``, ``box_wh = exp(t_wh) * (w_a, h_a) / S``,
    ``box_confidence = sigmoid(t_o)``, ``box_class_probs = softmax(class logits)``.

    Args:
        feats: (m, S_h, S_w, A * (5 + C)) or (m, S_h, S_w, A, 5 + C) raw outputs, each anchor's
            channels ``[t_x, t_y, t_w, t_h, t_o, logits_1..C]``.
        anchors: (A, 2) anchor (w, h) in grid-cell units; num_classes: C.

    Returns:
        box_xy (m, S_h, S_w, A, 2), box_wh (m, S_h, S_w, A, 2) in image fractions,
        box_confidence (m, S_h, S_w, A, 1), box_class_probs (m, S_h, S_w, A, C).
    """
    a = _require_anchors(anchors)
    C = require_int("the number of classes num_classes", num_classes, 1)
    f = require_finite("feats", feats).astype(np.float64)
    A = len(a)
    if f.ndim == 4 and f.shape[-1] == A * (5 + C):
        f = f.reshape(f.shape[:3] + (A, 5 + C))
    if f.ndim != 5 or f.shape[3:] != (A, 5 + C):
        raise ValueError(
            f"feats must have shape (m, S, S, A * (5 + C)) = (m, S, S, {A * (5 + C)}) or "
            f"(m, S, S, A, 5 + C) = (m, S, S, {A}, {5 + C}); got {f.shape}."
        )
    if f.shape[0] < 1:
        raise ValueError("feats holds no images (m = 0): yolo_head needs at least one.")
    sh, sw = f.shape[1], f.shape[2]
    jj, ii = np.meshgrid(np.arange(sw), np.arange(sh))
    index = np.stack([jj, ii], axis=-1)[None, :, :, None, :].astype(np.float64)
    dims = np.array([sw, sh], dtype=np.float64)
    box_xy = (_sigmoid(f[..., 0:2]) + index) / dims
    box_wh = np.exp(np.clip(f[..., 2:4], -50, 50)) * a / dims
    box_confidence = _sigmoid(f[..., 4:5])
    logits = f[..., 5:]
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    box_class_probs = e / e.sum(axis=-1, keepdims=True)
    return box_xy, box_wh, box_confidence, box_class_probs


def yolo_eval(
    yolo_outputs,
    image_shape=(720, 1280),
    max_boxes: int = 10,
    score_threshold: float = 0.6,
    iou_threshold: float = 0.5,
):
    """The course's whole post-processing: corners, score filter, scaling, NMS.

    Args:
        yolo_outputs: (box_xy, box_wh, box_confidence, box_class_probs) for ONE image, shapes
            (S, S, A, 2), (S, S, A, 2), (S, S, A, 1), (S, S, A, C) (e.g. 19, 19, 5, 80), or the
            same with a leading batch axis of size 1.
        image_shape: (height, width) in pixels the boxes are scaled to.
        max_boxes, score_threshold, iou_threshold: as in ``yolo_filter_boxes`` and
            ``yolo_non_max_suppression``.

    Returns:
        scores (k,), boxes (k, 4) ``[y1, x1, y2, x2]`` in pixels, classes (k,).
    """
    if not isinstance(yolo_outputs, (tuple, list)) or len(yolo_outputs) != 4:
        raise ValueError(
            "yolo_outputs must be the 4 arrays (box_xy, box_wh, box_confidence, box_class_probs)."
        )
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(
        boxes, box_confidence, box_class_probs, score_threshold
    )
    boxes = scale_boxes(boxes, image_shape)
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes, iou_threshold)


# -- evaluation: precision, recall, mAP -----------------------------------------------------


def _match(det_boxes, det_scores, gt_boxes, iou_threshold):
    """Greedy matching by descending score: returns a true-positive flag per detection."""
    order = np.argsort(-det_scores, kind="stable")
    tp = np.zeros(len(det_boxes), bool)
    if len(gt_boxes) == 0 or len(det_boxes) == 0:
        return tp, order
    ious = iou_matrix(det_boxes, gt_boxes)
    taken = np.zeros(len(gt_boxes), bool)
    for i in order:
        cand = np.where(taken, -1.0, ious[i])
        j = int(np.argmax(cand))
        if cand[j] >= iou_threshold:
            tp[i] = taken[j] = True
    return tp, order


def _require_detections(name, items, with_scores):
    if not isinstance(items, (list, tuple)):
        raise TypeError(f"{name} must be a list with one entry per image.")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, (list, tuple)) or len(item) != (3 if with_scores else 2):
            raise ValueError(
                f"{name}[{i}] must be "
                + ("(scores, boxes, classes)" if with_scores else "(boxes, classes)")
                + "."
            )
        if with_scores:
            s = require_finite(f"{name}[{i}] scores", item[0]).astype(np.float64).reshape(-1)
            b = require_boxes(f"{name}[{i}] boxes", item[1], normalised=False)
            if len(np.asarray(item[1]).reshape(-1)) == 0:
                b = np.zeros((0, 4))
            c = _require_classes(np.asarray(item[2]).reshape(-1), len(b))
            if len(s) != len(b):
                raise ValueError(f"{name}[{i}]: {len(s)} scores for {len(b)} boxes.")
            out.append((s, b, c))
        else:
            b = np.asarray(item[0])
            b = np.zeros((0, 4)) if b.size == 0 else require_boxes(f"{name}[{i}] boxes", b, False)
            c = _require_classes(np.asarray(item[1]).reshape(-1), len(b))
            out.append((b, c))
    return out


def average_precision(tp, scores, n_positives: int) -> float:
    """All-points interpolated average precision of one class.

    Detections are sorted by descending score; precision is made monotone (each point gets the
    best precision at that recall or higher) and AP = sum over recall steps of
    (r_k - r_{k-1}) * p_interp(r_k).

    Args:
        tp: (n,) bools, whether each detection is a true positive; scores: (n,) their scores.
        n_positives: number of ground-truth objects of the class (>= 0).

    Returns:
        AP in [0, 1]; 0 when there are no ground-truth objects.
    """
    t = np.asarray(require_numeric("tp", tp)).astype(bool).reshape(-1)
    s = require_finite("scores", scores).astype(np.float64).reshape(-1)
    if s.shape != t.shape:
        raise ValueError(f"tp and scores must have the same shape (n,); got {t.shape}, {s.shape}.")
    n_positives = require_int("the object count n_positives", n_positives, 0)
    if n_positives == 0:
        return 0.0
    if t.sum() > n_positives:
        raise ValueError(f"{int(t.sum())} true positives exceed n_positives = {n_positives}.")
    order = np.argsort(-s, kind="stable")
    hits = np.cumsum(t[order])
    recall = np.concatenate([[0.0], hits / n_positives])
    precision = np.concatenate([[1.0], hits / np.arange(1, len(t) + 1)])
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(recall) * precision[1:]))


def mean_average_precision(
    detections, ground_truths, num_classes: int, iou_threshold: float = 0.5
) -> tuple[float, np.ndarray]:
    """mAP: the mean over classes of the all-points interpolated AP.

    A detection is a true positive when its IoU with a not-yet-matched ground-truth box of
    its class is >= iou_threshold (detections matched greedily by descending score, per image).

    Args:
        detections: list over images of (scores (k,), boxes (k, 4) corners (x1, y1, x2, y2),
            classes (k,)); ground_truths: list over images of (boxes (n, 4), classes (n,)).
        num_classes: C; classes absent from the ground truth are left out of the mean.
        iou_threshold: IoU needed for a match (0.5 for mAP@0.5).

    Returns:
        mAP (float) and per-class AP (C,) (NaN for classes with no ground-truth object).
    """
    C = require_int("the number of classes num_classes", num_classes, 1)
    iou_threshold = require_number("iou_threshold", iou_threshold, 0, 1)
    dets = _require_detections("detections", detections, True)
    gts = _require_detections("ground_truths", ground_truths, False)
    if len(dets) != len(gts):
        raise ValueError(f"{len(dets)} images of detections for {len(gts)} of ground truth.")
    aps = np.full(C, np.nan)
    for cl in range(C):
        all_tp, all_s, n_pos = [], [], 0
        for (s, b, c), (gb, gc) in zip(dets, gts):
            g = gb[gc == cl]
            n_pos += len(g)
            tp, _ = _match(b[c == cl], s[c == cl], g, iou_threshold)
            all_tp.append(tp)
            all_s.append(s[c == cl])
        if n_pos:
            aps[cl] = average_precision(np.concatenate(all_tp), np.concatenate(all_s), n_pos)
    present = ~np.isnan(aps)
    return (float(aps[present].mean()) if present.any() else 0.0), aps


def precision_recall(detections, ground_truths, iou_threshold: float = 0.5) -> tuple[float, float]:
    """Precision and recall of a set of detections (a detection must match class and box).

    Args:
        detections: list over images of (scores, boxes (k, 4) corners, classes);
        ground_truths: list over images of (boxes (n, 4), classes (n,)).
        iou_threshold: IoU needed for a match.

    Returns:
        (precision, recall); precision is 1 when nothing is detected, recall 1 when there is
        nothing to find.
    """
    iou_threshold = require_number("iou_threshold", iou_threshold, 0, 1)
    dets = _require_detections("detections", detections, True)
    gts = _require_detections("ground_truths", ground_truths, False)
    if len(dets) != len(gts):
        raise ValueError(f"{len(dets)} images of detections for {len(gts)} of ground truth.")
    tp = n_det = n_gt = 0
    for (s, b, c), (gb, gc) in zip(dets, gts):
        n_det += len(s)
        n_gt += len(gb)
        for cl in np.unique(np.concatenate([c, gc])):
            hits, _ = _match(b[c == cl], s[c == cl], gb[gc == cl], iou_threshold)
            tp += int(hits.sum())
    return (tp / n_det if n_det else 1.0), (tp / n_gt if n_gt else 1.0)


# -- the course's files -----------------------------------------------------------------------


def _require_file(path, what: str) -> str:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file path, got {type(path).__name__}.")
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"{what} {os.fspath(path)!r} not found. It comes with the course's YOLO assignment "
            "(model_data/); copy it there to use the course's real model."
        )
    return os.fspath(path)


def read_anchors(path) -> np.ndarray:
    """Read the course's ``yolo_anchors.txt``: one line of comma-separated w, h pairs.

    Args:
        path: the file, e.g. ``model_data/yolo_anchors.txt`` ("0.57273, 0.677385, 1.87446, ...").

    Returns:
        (A, 2) anchors (w, h) in grid-cell units.
    """
    with open(_require_file(path, "anchors file"), encoding="utf-8") as fh:
        text = fh.read().strip()
    try:
        values = [float(v) for v in text.replace("\n", ",").split(",") if v.strip()]
    except ValueError as err:
        raise ValueError(f"{path}: anchors must be comma-separated numbers ({err}).") from None
    if len(values) == 0 or len(values) % 2:
        raise ValueError(
            f"{path}: expected an even number of values (w, h pairs), got {len(values)}."
        )
    return _require_anchors(np.array(values).reshape(-1, 2))


def read_classes(path) -> list[str]:
    """Read the course's ``coco_classes.txt``: one class name per line.

    Args:
        path: the file, e.g. ``model_data/coco_classes.txt``.

    Returns:
        The class names in order (80 for COCO); blank lines are skipped.
    """
    with open(_require_file(path, "classes file"), encoding="utf-8") as fh:
        names = [line.strip() for line in fh if line.strip()]
    if not names:
        raise ValueError(f"{path}: no class names found (one name per line).")
    return names
