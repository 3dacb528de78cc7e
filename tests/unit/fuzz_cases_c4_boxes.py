"""Fuzz cases for course_lib/c4_convnets/boxes.py and scenes.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case

_BOXES = np.array([[0.1, 0.2, 0.5, 0.6], [0.3, 0.3, 0.9, 0.8]])


@case("boxes.require_boxes")
def _require_boxes():
    return Case({"name": "boxes", "boxes": _BOXES.copy()}, arrays=("boxes",))


@case("boxes.box_areas", "boxes.clip_boxes", "boxes.corners_to_midpoints")
def _boxes_only():
    return Case({"boxes": _BOXES.copy()}, arrays=("boxes",))


@case("boxes.iou")
def _iou():
    return Case({"box1": (2.0, 1.0, 4.0, 3.0), "box2": (1.0, 2.0, 3.0, 4.0)},
                arrays=("box1", "box2"))  # fmt: skip


@case("boxes.iou_matrix")
def _iou_matrix():
    return Case({"boxes1": _BOXES.copy(), "boxes2": _BOXES[:1].copy()}, arrays=("boxes1", "boxes2"))


@case("boxes.midpoints_to_corners")
def _midpoints_to_corners():
    return Case({"b": np.array([[0.5, 0.5, 0.2, 0.4]])}, arrays=("b",))


@case("scenes.make_shape_scenes")
def _make_shape_scenes():
    return Case({"m": 2, "size": 16, "seed": 0}, counts=("m", "size"))


@case("scenes.scene_table")
def _scene_table():
    from course_lib.c4_convnets.scenes import make_shape_scenes

    return Case({"scenes": make_shape_scenes(2, size=16)})
