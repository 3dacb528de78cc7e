"""Fuzz cases for course_lib/c4_convnets/sliding_windows.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case


def _params():
    from course_lib.c4_convnets.sliding_windows import initialize_window_net

    return initialize_window_net(n_fc=6, n_filters=2, seed=0)


def _image(side=16):
    return np.random.default_rng(0).random((side, side, 3))


@case("sliding_windows.initialize_window_net")
def _init():
    return Case({"n_fc": 6, "n_filters": 2}, counts=("n_C", "f", "n_filters", "n_fc", "n_classes"))


@case("sliding_windows.window_geometry", "sliding_windows.fc_to_conv_parameters")
def _geometry():
    return Case({"parameters": _params()}, dicts=("parameters",))


@case("sliding_windows.fc_net_forward")
def _fc_forward():
    return Case({"crops": _image(14)[None].repeat(2, 0), "parameters": _params()},
                images=("crops",), dicts=("parameters",))  # fmt: skip


@case("sliding_windows.conv_net_forward")
def _conv_forward():
    from course_lib.c4_convnets.sliding_windows import fc_to_conv_parameters

    return Case({"images": _image()[None], "conv_parameters": fc_to_conv_parameters(_params())},
                images=("images",), dicts=("conv_parameters",))  # fmt: skip


@case("sliding_windows.fc_to_conv_weights")
def _fc_to_conv():
    rng = np.random.default_rng(0)
    return Case({"W": rng.random((3, 8)), "b": rng.random((3, 1)), "input_shape": (2, 2, 2)},
                arrays=("W", "b"))  # fmt: skip


@case("sliding_windows.sliding_window_grid", "sliding_windows.sliding_windows_cost")
def _grid():
    return Case({"n_H": 8, "n_W": 9, "window": 3, "stride": 2},
                counts=("n_H", "n_W", "window", "stride"))  # fmt: skip


@case("sliding_windows.sliding_window_crops")
def _crops():
    return Case({"image": _image(8), "window": 3, "stride": 2}, arrays=("image",),
                counts=("window", "stride"))  # fmt: skip


@case("sliding_windows.resize_crops")
def _resize():
    return Case({"crops": _image(6)[None], "size": 4}, images=("crops",), counts=("size",))


@case("sliding_windows.sliding_windows_predict", "sliding_windows.convolutional_sliding_windows")
def _predict():
    return Case({"image": _image(), "parameters": _params()}, arrays=("image",),
                dicts=("parameters",))  # fmt: skip


@case("sliding_windows.make_window_dataset")
def _dataset():
    from course_lib.c4_convnets.scenes import make_shape_scenes

    s = make_shape_scenes(2, size=16, seed=0)
    return Case({"images": s["images"], "boxes": s["boxes"], "classes": s["classes"]},
                images=("images",))  # fmt: skip
