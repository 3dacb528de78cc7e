"""Fuzz cases for course_lib/c4_convnets/region_proposals.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case

_GT = np.array([[0.1, 0.1, 0.5, 0.5], [0.6, 0.2, 0.9, 0.7]])
_PROPS = np.array([[0.1, 0.1, 0.45, 0.5], [0.0, 0.0, 1.0, 1.0], [0.6, 0.25, 0.9, 0.7]])


def _image(n=16):
    return np.random.default_rng(0).uniform(size=(n, n, 3))


@case("region_proposals.propose_regions")
def _propose():
    return Case({"image": _image(), "max_proposals": 20}, arrays=("image",),
                counts=("max_proposals",))  # fmt: skip


@case("region_proposals.sliding_window_boxes")
def _sliding():
    return Case({"sizes": (0.5,), "step": 0.25}, arrays=("sizes",))


@case("region_proposals.proposal_recall")
def _recall():
    return Case({"proposals": _PROPS.copy(), "gt_boxes": _GT.copy()},
                arrays=("proposals", "gt_boxes"))  # fmt: skip


@case("region_proposals.recall_curve")
def _curve():
    return Case({"proposals_list": [_PROPS.copy()], "gt_list": [_GT.copy()], "counts": [1, 2]})


@case("region_proposals.label_proposals")
def _label():
    return Case({"proposals": _PROPS.copy(), "gt_boxes": _GT.copy(),
                 "gt_classes": np.array([0, 2])},
                arrays=("proposals", "gt_boxes", "gt_classes"))  # fmt: skip


@case("region_proposals.backbone_filters")
def _filters():
    return Case({})


@case("region_proposals.backbone_forward")
def _backbone():
    return Case({"images": _image()[None]}, images=("images",))


@case("region_proposals.crop_and_resize")
def _crop():
    return Case({"image": _image(), "boxes": _PROPS.copy(), "size": 6},
                arrays=("image", "boxes"), counts=("size",))  # fmt: skip


@case("region_proposals.roi_pool")
def _roi_pool():
    return Case({"feature_map": _image(), "boxes": _PROPS.copy(), "grid": 2},
                arrays=("feature_map", "boxes"), counts=("grid",))  # fmt: skip


@case("region_proposals.rcnn_features")
def _rcnn():
    return Case({"image": _image(), "boxes": _PROPS.copy(), "crop_size": 8, "grid": 2},
                arrays=("image", "boxes"), counts=("crop_size", "grid"))  # fmt: skip


@case("region_proposals.fast_rcnn_features")
def _fast():
    return Case({"image": _image(), "boxes": _PROPS.copy(), "grid": 2},
                arrays=("image", "boxes"), counts=("grid",))  # fmt: skip


def _features():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((12, 3))
    return X, (X[:, 0] > 0).astype(int)


@case("region_proposals.train_softmax")
def _train():
    X, y = _features()
    return Case({"X": X, "y": y, "n_classes": 2, "num_iterations": 20}, arrays=("X", "y"),
                counts=("n_classes", "num_iterations"))  # fmt: skip


@case("region_proposals.predict_softmax")
def _predict():
    from course_lib.c4_convnets.region_proposals import train_softmax

    X, y = _features()
    return Case({"model": train_softmax(X, y, 2, 20), "X": X}, arrays=("X",),
                dicts=("model",))  # fmt: skip


@case("region_proposals.detector_costs")
def _costs():
    return Case({"n_proposals": 10, "image_size": 32, "crop_size": 16},
                counts=("n_proposals", "image_size", "crop_size"))  # fmt: skip


@case("region_proposals.rpn_anchors")
def _anchors():
    return Case({"n_H": 2, "n_W": 3, "sizes": (0.5,), "ratios": (1.0, 2.0)},
                arrays=("sizes", "ratios"), counts=("n_H", "n_W"))  # fmt: skip
