"""Fuzz cases for course_lib/c4_convnets/localization.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case


def _Y(n=8):
    Y = np.random.default_rng(0).uniform(0, 1, (4, n))
    Y[:, 0] = [1, 0, 1, 0]
    return Y


@case(
    "localization.localization_loss",
    "localization.localization_loss_forward",
    "localization.localization_metrics",
)
def _loss():
    return Case({"Y_hat": _Y() * 0.9, "Y": _Y()}, images=("Y_hat", "Y"))


@case("localization.practical_localization_loss")
def _practical():
    return Case({"Z": _Y() * 0.9, "Y": _Y()}, images=("Z", "Y"))


@case("localization.localization_loss_backward")
def _backward():
    from course_lib.c4_convnets.localization import localization_loss_forward

    _, cache = localization_loss_forward(_Y() * 0.9, _Y())
    return Case({"dJ": 1.0, "cache": cache})


@case("localization.localization_target")
def _target():
    return Case(
        {
            "boxes": [np.array([[0.1, 0.2, 0.5, 0.6]]), np.zeros((0, 4))],
            "classes": [np.array([1]), np.zeros(0, int)],
        }
    )


@case("localization.target_to_boxes")
def _outputs():
    return Case({"Y": _Y()}, images=("Y",))


@case("localization.localization_outputs")
def _outputs_z():
    return Case({"Z": _Y()}, images=("Z",))


@case("localization.landmark_output_size")
def _output_size():
    return Case({"n_landmarks": 3}, counts=("n_landmarks",))


@case("localization.landmark_target")
def _landmark_target():
    return Case({"points": [[np.array([[0.5, 0.1], [0.2, 0.8], [0.8, 0.8]])], []],
                 "n_landmarks": 3}, counts=("n_landmarks",))  # fmt: skip


@case("localization.shuffle_landmarks")
def _shuffle():
    return Case({"Y": _Y(7)}, images=("Y",))


@case("localization.landmark_loss")
def _landmark_loss():
    return Case({"Z": _Y(7) * 0.9, "Y": _Y(7)}, images=("Z", "Y"))


@case("localization.landmark_error")
def _landmark_error():
    return Case({"Y_hat": _Y(7) * 0.9, "Y": _Y(7)}, images=("Y_hat", "Y"))
