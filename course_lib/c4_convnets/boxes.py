"""Bounding boxes: the two ways the course writes a box, Intersection over Union, and validation.

Image coordinates as in the course: (0, 0) is the top-left corner of the image and (1, 1) the
bottom-right one; x runs across (columns), y runs down (rows).

* **Corners** ``(x1, y1, x2, y2)``: the upper-left and lower-right corners; the course's ``iou``
  takes boxes this way. Widths are ``x2 - x1``, heights ``y2 - y1``.
* **Midpoints** ``[b_x, b_y, b_h, b_w]``: the centre and the size, in the order of the
  lecture's target vector ``y = [p_c, b_x, b_y, b_h, b_w, c_1, c_2, c_3]`` (height before
  width).

IoU = area(intersection) / area(union). Boxes that only touch (an edge or a corner in common)
have no intersection; a box of zero area has IoU 0 with everything (the ratio would be 0/0
for two such boxes, and "no overlap" is the useful answer).

Taught in: notebooks/c4_convnets/11_yolo.py, section 4 (IoU); the box formats in
09_localization_and_landmarks.py.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_finite

__all__ = [
    "require_boxes",
    "iou",
    "iou_matrix",
    "box_areas",
    "corners_to_midpoints",
    "midpoints_to_corners",
    "clip_boxes",
]


def require_boxes(name: str, boxes, normalised: bool = True) -> np.ndarray:
    """Check corner boxes and return them as an (n, 4) float array.

    Args:
        name: the argument's name, for the message.
        boxes: (n, 4) or (4,) boxes ``(x1, y1, x2, y2)``.
        normalised: also require every coordinate to lie in [0, 1] (image fractions).

    Returns:
        (n, 4) float64 array (a single box becomes one row).
    """
    arr = require_finite(name, boxes)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 4:
        raise ValueError(
            f"{name} must be boxes (x1, y1, x2, y2): shape (4,) or (n, 4), got {arr.shape}."
        )
    for i, (x1, y1, x2, y2) in enumerate(arr):
        if x2 < x1:
            raise ValueError(
                f"{name}: box {i} has x2 < x1 (negative width x2 - x1 = {x2 - x1:.4g}); "
                "corners are (x1, y1, x2, y2) with (x1, y1) the upper-left corner."
            )
        if y2 < y1:
            raise ValueError(
                f"{name}: box {i} has y2 < y1 (negative height y2 - y1 = {y2 - y1:.4g}); "
                "y runs down the image, so y1 is the top edge."
            )
    if normalised and (arr.min(initial=0.0) < 0 or arr.max(initial=0.0) > 1):
        raise ValueError(
            f"{name} must be fractions of the image size in [0, 1] (normalised coordinates), "
            f"got values from {arr.min():.4g} to {arr.max():.4g}; clip_boxes() clips them."
        )
    return arr


def box_areas(boxes) -> np.ndarray:
    """Areas of corner boxes.

    Args:
        boxes: (n, 4) or (4,) boxes ``(x1, y1, x2, y2)``, any units.

    Returns:
        (n,) areas ``(x2 - x1) * (y2 - y1)``.
    """
    arr = require_boxes("boxes", boxes, normalised=False)
    return (arr[:, 2] - arr[:, 0]) * (arr[:, 3] - arr[:, 1])


def iou_matrix(boxes1, boxes2) -> np.ndarray:
    """IoU of every box of ``boxes1`` with every box of ``boxes2`` (vectorised ``iou``).

    Args:
        boxes1: (n, 4) corner boxes ``(x1, y1, x2, y2)``; boxes2: (k, 4), same units.

    Returns:
        (n, k) IoU values in [0, 1]; 0 where the union has zero area.
    """
    a = require_boxes("boxes1", boxes1, normalised=False)
    b = require_boxes("boxes2", boxes2, normalised=False)
    # Overlap along each axis, clamped at 0: boxes apart (or touching) have no intersection.
    inter_w = np.clip(
        np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]),
        0.0,
        None,
    )
    inter_h = np.clip(
        np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]),
        0.0,
        None,
    )
    inter = inter_w * inter_h
    union = box_areas(a)[:, None] + box_areas(b)[None, :] - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)
    return out


def iou(box1, box2) -> float:
    """Intersection over Union of two boxes (the course's function).

    Args:
        box1: ``(box1_x1, box1_y1, box1_x2, box1_y2)``, upper-left and lower-right corners.
        box2: ``(box2_x1, box2_y1, box2_x2, box2_y2)``, same units.

    Returns:
        area(intersection) / area(union), a float in [0, 1]; 0 for boxes that do not overlap
        or only touch, and for boxes of zero area. Example: ``iou((2, 1, 4, 3), (1, 2, 3, 4))``
        is 1 / 7.
    """
    for name, box in (("box1", box1), ("box2", box2)):
        if np.ndim(box) != 1:
            raise ValueError(
                f"iou takes one box each: {name} must be 4 numbers (x1, y1, x2, y2), "
                f"got shape {np.shape(box)}; use iou_matrix for many boxes."
            )
    return float(iou_matrix(box1, box2)[0, 0])


def corners_to_midpoints(boxes) -> np.ndarray:
    """Corners ``(x1, y1, x2, y2)`` -> the lecture's ``[b_x, b_y, b_h, b_w]``.

    Args:
        boxes: (..., 4) corner boxes.

    Returns:
        (..., 4): midpoint ``b_x = (x1 + x2) / 2``, ``b_y = (y1 + y2) / 2``, height
        ``b_h = y2 - y1``, width ``b_w = x2 - x1``.
    """
    arr = require_finite("boxes", boxes)
    if arr.ndim == 0 or arr.shape[-1] != 4:
        raise ValueError(f"boxes must have 4 numbers on the last axis, got shape {arr.shape}.")
    require_boxes("boxes", arr.reshape(-1, 4), normalised=False)
    x1, y1, x2, y2 = np.moveaxis(arr, -1, 0)
    return np.stack([(x1 + x2) / 2, (y1 + y2) / 2, y2 - y1, x2 - x1], axis=-1)


def midpoints_to_corners(b) -> np.ndarray:
    """The lecture's ``[b_x, b_y, b_h, b_w]`` -> corners ``(x1, y1, x2, y2)``.

    Args:
        b: (..., 4) midpoint boxes; b_h and b_w must be >= 0.

    Returns:
        (..., 4) corners ``(b_x - b_w/2, b_y - b_h/2, b_x + b_w/2, b_y + b_h/2)``.
    """
    arr = require_finite("b", b)
    if arr.ndim == 0 or arr.shape[-1] != 4:
        raise ValueError(
            f"b must have [b_x, b_y, b_h, b_w] on the last axis, got shape {arr.shape}."
        )
    bx, by, bh, bw = np.moveaxis(arr, -1, 0)
    if np.any(bh < 0) or np.any(bw < 0):
        raise ValueError("b_h and b_w are a box's height and width: they must be >= 0.")
    return np.stack([bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2], axis=-1)


def clip_boxes(boxes) -> np.ndarray:
    """Clip corner boxes to the image, [0, 1] (an object can stick out of the picture).

    Args:
        boxes: (n, 4) or (4,) corner boxes in image fractions.

    Returns:
        (n, 4) boxes with every coordinate in [0, 1]; a box wholly outside the image
        becomes one of zero area on the border.
    """
    arr = require_boxes("boxes", boxes, normalised=False)
    return np.clip(arr, 0.0, 1.0)
