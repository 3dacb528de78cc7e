"""Gradient check of the course's localisation loss (float64, relative error < 1e-7)."""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import localization as loc
from course_lib.gradient_check import check_backward


def test_localization_loss_backward():
    rng = np.random.default_rng(0)
    Y = rng.uniform(0, 1, (7, 8))
    Y[:, 0] = [1, 0, 1, 1, 0, 0, 1]
    inputs = {"Y_hat": Y + rng.normal(0, 0.5, Y.shape), "Y": Y}
    errors = check_backward(
        loc.localization_loss_forward,
        loc.localization_loss_backward,
        inputs,
        ["Y_hat"],
    )
    assert errors["Y_hat"] < 1e-7, errors


def test_dont_care_entries_get_no_gradient():
    Y = np.array([[0.0, 0.3, 0.2, 0.1, 0.4, 0, 1, 0]])
    _, cache = loc.localization_loss_forward(Y + 1.0, Y)
    dY = loc.localization_loss_backward(1.0, cache)["dY_hat"]
    assert dY[0, 0] == 2.0 and np.all(dY[0, 1:] == 0)
