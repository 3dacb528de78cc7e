"""Generated scenes of coloured shapes with their boxes, classes, masks and corner points.

The detection lessons need pictures with several objects, each with a class and a bounding
box, and the segmentation lesson needs the pixel masks too. No such data set can be
downloaded here, so the scenes are drawn, seeded, with ``skimage.draw``: circles, rectangles
and triangles in random colours on a light, slightly noisy background. The class is the
shape, never the colour. Rectangles and triangles get random aspect ratios (tall and wide),
so the boxes' shapes vary, which is what anchor boxes are about.

Every shape lies wholly inside the image and no two shapes share a pixel (nor touch), so each
box is the tight box of its shape's pixels and each mask pixel has one class.

Coordinates are fractions of the image side: (0, 0) top-left, (1, 1) bottom-right, x across,
y down (course_lib/c4_convnets/boxes.py).

Taught in: notebooks/c4_convnets/09_localization_and_landmarks.py (first used); also lessons
10-13 (sliding windows, YOLO, region proposals, semantic segmentation).
"""

from __future__ import annotations

import numpy as np
from skimage import draw

from course_lib.validation import require_examples, require_int, require_number

__all__ = ["SHAPE_CLASSES", "make_shape_scenes", "scene_table"]

SHAPE_CLASSES = ("circle", "rectangle", "triangle")
_MAX_TRIES = 60  # placements tried per shape before the scene keeps fewer objects


def _shape_pixels(kind: str, extent: float, size: int, rng):
    """Pixel coordinates (rows, cols) and corner points (x, y) of one shape at the origin."""
    side = extent * size
    if kind == "circle":
        radius = max(side / 2, 1.5)
        rows, cols = draw.disk((radius, radius), radius)
        points = np.array([[radius, radius]])  # the centre (col, row)
        return rows, cols, points
    aspect = np.exp(rng.uniform(np.log(1 / 3), np.log(3)))  # height / width
    height, width = side * np.sqrt(aspect), side / np.sqrt(aspect)
    height, width = min(max(height, 3.0), size - 2), min(max(width, 3.0), size - 2)
    if kind == "rectangle":
        corners = np.array([[0, 0], [width, 0], [width, height], [0, height]])  # TL TR BR BL
    else:  # triangle: apex up, then bottom-left and bottom-right
        corners = np.array([[width / 2, 0], [0, height], [width, height]])
    rows, cols = draw.polygon(corners[:, 1], corners[:, 0])
    return rows, cols, corners


def make_shape_scenes(
    m: int,
    size: int = 64,
    min_objects: int = 1,
    max_objects: int = 3,
    min_extent: float = 0.2,
    max_extent: float = 0.5,
    seed: int = 0,
    noise: float = 0.03,
    classes=SHAPE_CLASSES,
) -> dict:
    """Draw ``m`` scenes of non-overlapping shapes.

    Args:
        m: number of scenes (>= 1).
        size: image side in pixels (>= 16); images are square.
        min_objects, max_objects: each scene gets a uniformly drawn number of shapes in
            [min_objects, max_objects] (0 allows empty scenes, for p_c = 0); a crowded scene
            may keep fewer when a shape finds no free place.
        min_extent, max_extent: a shape's size (the side of a square of the same scale) as a
            fraction of the image side, drawn uniformly.
        seed: the random seed; the same arguments give the same scenes.
        noise: standard deviation of the background's pixel noise.
        classes: the shape classes to draw, a subset of ``SHAPE_CLASSES`` (in that order;
            class index c refers to this tuple).

    Returns:
        dict with
        ``"images"`` (m, size, size, 3) float32 in [0, 1];
        ``"boxes"``: list of m float arrays (k_i, 4), corners (x1, y1, x2, y2) in [0, 1], the
        tight box of each shape's pixels;
        ``"classes"``: list of m int arrays (k_i,), indices into ``class_names``;
        ``"points"``: list of m lists of (n_points, 2) arrays (x, y) in [0, 1], the shape's
        corner points in a fixed order (circle: its centre; rectangle: top-left, top-right,
        bottom-right, bottom-left; triangle: apex, bottom-left, bottom-right);
        ``"masks"`` (m, size, size) int: 0 for background, c + 1 on class c's pixels;
        ``"class_names"``: the tuple of class names.
    """
    m = require_int("m", m, 1)
    require_examples("m", m)
    size = require_int("size", size, 16)
    min_objects = require_int("min_objects", min_objects, 0)
    max_objects = require_int("max_objects", max_objects, 1)
    if min_objects > max_objects:
        raise ValueError(
            f"min_objects ({min_objects}) must not exceed max_objects ({max_objects})."
        )
    lo, hi = (
        require_number("min_extent", min_extent, 0, 1, low_open=True),
        require_number("max_extent", max_extent, 0, 1, low_open=True),
    )
    if lo > hi:
        raise ValueError(f"min_extent ({lo}) must not exceed max_extent ({hi}).")
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= 0.5:
        raise ValueError(f"noise must be a number in [0, 0.5], got {noise!r}.")
    names = tuple(classes)
    unknown = [c for c in names if c not in SHAPE_CLASSES]
    if not names or unknown or len(set(names)) != len(names):
        raise ValueError(
            f"classes must be distinct names among {SHAPE_CLASSES}, got {tuple(classes)!r}."
        )

    rng = np.random.default_rng(seed)
    images = np.empty((m, size, size, 3), np.float32)
    masks = np.zeros((m, size, size), np.int64)
    all_boxes, all_classes, all_points = [], [], []
    for i in range(m):
        background = rng.uniform(0.8, 1.0, size=3)
        image = background + noise * rng.standard_normal((size, size, 3))
        taken = np.zeros((size + 2, size + 2), bool)  # padded by 1: shapes never touch
        boxes, labels, points = [], [], []
        for _ in range(rng.integers(min_objects, max_objects + 1)):
            c = int(rng.integers(len(names)))
            rows, cols, corners = _shape_pixels(names[c], rng.uniform(lo, hi), size, rng)
            for _try in range(_MAX_TRIES):
                dr = rng.integers(0, size - rows.max())
                dc = rng.integers(0, size - cols.max())
                r, cc = rows + dr, cols + dc
                if not taken[r + 1, cc + 1].any():
                    break
            else:
                continue  # no free place: this scene keeps fewer shapes
            for d_r in (0, 1, 2):  # mark the shape and a 1-pixel margin around it
                for d_c in (0, 1, 2):
                    taken[r + d_r, cc + d_c] = True
            colour = rng.uniform(0.0, 0.7, size=3)
            colour[rng.integers(3)] = rng.uniform(0.0, 0.25)  # saturated, never near white
            image[r, cc] = colour
            masks[i, r, cc] = c + 1
            boxes.append([cc.min() / size, r.min() / size, (cc.max() + 1) / size,
                          (r.max() + 1) / size])  # fmt: skip
            labels.append(c)
            points.append((corners + [dc, dr]) / size)
        images[i] = np.clip(image, 0.0, 1.0)
        all_boxes.append(np.array(boxes, float).reshape(-1, 4))
        all_classes.append(np.array(labels, np.int64))
        all_points.append(points)
    return {
        "images": images,
        "boxes": all_boxes,
        "classes": all_classes,
        "points": all_points,
        "masks": masks,
        "class_names": names,
    }


def scene_table(scenes: dict) -> dict:
    """Every object of a scene set as flat arrays (one row per object).

    Args:
        scenes: the dict from ``make_shape_scenes``.

    Returns:
        dict with ``"image"`` (N,) the scene index of each object, ``"boxes"`` (N, 4) corners,
        ``"classes"`` (N,), ``"widths"`` and ``"heights"`` (N,) as image fractions.
    """
    if not isinstance(scenes, dict) or not {"boxes", "classes"} <= set(scenes):
        raise TypeError("scene_table takes the dict returned by make_shape_scenes.")
    boxes = [np.asarray(b, float).reshape(-1, 4) for b in scenes["boxes"]]
    index = np.concatenate([np.full(len(b), i) for i, b in enumerate(boxes)] or [np.zeros(0)])
    flat = np.concatenate(boxes) if boxes else np.zeros((0, 4))
    return {
        "image": index.astype(np.int64),
        "boxes": flat,
        "classes": np.concatenate(scenes["classes"]).astype(np.int64),
        "widths": flat[:, 2] - flat[:, 0],
        "heights": flat[:, 3] - flat[:, 1],
    }
