"""Fuzz cases for course_lib/c4_convnets/conv_nd.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case


def _layer(d):
    rng = np.random.default_rng(d)
    return {
        "A_prev": rng.standard_normal((2,) + (5,) * d + (2,)),
        "W": rng.standard_normal((3,) * d + (2, 3)) * 0.3,
        "b": rng.standard_normal((1,) * (d + 1) + (3,)),
        "hparameters": {"stride": 1, "pad": 1},
    }


def _forward_case(d):
    return Case(_layer(d), images=("A_prev",), numbers=("W", "b"), dicts=("hparameters",))


def _backward_case(d):
    from course_lib.c4_convnets import conv_nd as cn

    Z, cache = cn.conv_nd_forward(**_layer(d))
    return Case({"dZ": np.ones_like(Z) * 0.1, "cache": cache}, images=("dZ",))


@case("conv_nd.conv1d_forward")
def _conv1d_forward():
    return _forward_case(1)


@case("conv_nd.conv3d_forward")
def _conv3d_forward():
    return _forward_case(3)


@case("conv_nd.conv_nd_forward")
def _conv_nd_forward():
    return _forward_case(2)


@case("conv_nd.conv1d_backward")
def _conv1d_backward():
    return _backward_case(1)


@case("conv_nd.conv3d_backward")
def _conv3d_backward():
    return _backward_case(3)


@case("conv_nd.conv_nd_backward")
def _conv_nd_backward():
    return _backward_case(2)


@case("conv_nd.conv_nd_output_shape")
def _output_shape():
    return Case({"input_shape": (14, 14), "f": 5, "pad": 0, "stride": 1}, counts=("f", "stride"))


@case("conv_nd.conv_parameter_count")
def _parameter_count():
    return Case({"f": 5, "n_C_prev": 1, "n_C": 16, "dims": 3},
                counts=("f", "n_C_prev", "n_C", "dims"))  # fmt: skip


@case("conv_nd.make_ecg")
def _make_ecg():
    return Case({"duration": 2.0, "seed": 0})


@case("conv_nd.make_beat_dataset")
def _make_beat_dataset():
    return Case({"m": 4, "length": 64, "seed": 0}, counts=("m", "length"))


@case("conv_nd.detect_beats")
def _detect_beats():
    from course_lib.c4_convnets import conv_nd as cn

    return Case({"signal": cn.make_ecg(duration=3.0, seed=0)["signal"]}, arrays=("signal",))


@case("conv_nd.make_ct_volume")
def _make_ct_volume():
    return Case({"size": 10, "spheres": 1, "seed": 0}, counts=("size", "spheres"))


@case("conv_nd.sobel_3d")
def _sobel_3d():
    return Case({})
