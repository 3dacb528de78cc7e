"""Fuzz cases for course_lib/c4_convnets/segmentation.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case


def _transpose_args():
    rng = np.random.default_rng(0)
    return {
        "A_prev": rng.standard_normal((2, 2, 3, 2)),
        "W": rng.standard_normal((3, 3, 2, 2)),
        "b": rng.standard_normal((1, 1, 1, 2)),
        "hparameters": {"stride": 2, "pad": 1},
    }


@case("segmentation.conv_transpose_output_size")
def _output_size():
    return Case({"n": 2, "f": 3, "pad": 1, "stride": 2}, counts=("n", "f", "stride"))


@case("segmentation.conv_transpose_forward")
def _forward():
    return Case(_transpose_args(), images=("A_prev",), numbers=("W", "b"), dicts=("hparameters",))


@case("segmentation.conv_transpose_backward")
def _backward():
    from course_lib.c4_convnets.segmentation import conv_transpose_forward

    Z, cache = conv_transpose_forward(**_transpose_args())
    return Case({"dZ": np.ones_like(Z) * 0.1, "cache": cache}, images=("dZ",))


@case("segmentation.conv_transpose_steps")
def _steps():
    return Case({"a": np.array([[2.0, 1.0], [3.0, 2.0]]), "w": np.ones((3, 3)), "stride": 2,
                 "pad": 1}, arrays=("a", "w"), counts=("stride",))  # fmt: skip


def _masks():
    t = np.array([[[0, 0, 1], [1, 2, 3]], [[3, 3, 0], [2, 1, 0]]])
    return t, np.roll(t, 1, axis=2)


@case("segmentation.pixel_accuracy")
def _pixel_accuracy():
    t, p = _masks()
    return Case({"y_true": t, "y_pred": p}, images=("y_true", "y_pred"))


@case("segmentation.confusion_matrix", "segmentation.class_iou", "segmentation.mean_iou")
def _per_class():
    t, p = _masks()
    return Case({"y_true": t, "y_pred": p, "n_classes": 4}, images=("y_true", "y_pred"),
                counts=("n_classes",))  # fmt: skip


@case("segmentation.unet_param_count")
def _unet_param_count():
    return Case({"input_size": (32, 32, 3), "n_filters": 4, "n_classes": 4, "n_levels": 2},
                counts=("n_filters", "n_classes", "n_levels"))  # fmt: skip
