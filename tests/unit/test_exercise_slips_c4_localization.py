"""The localisation-loss check fails every slip the lesson names, each with its own hint."""

from __future__ import annotations

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import localization as loc
from course_lib.c4_convnets.localization_checks import check_localization_loss


def _learner(slip=None):
    def localization_loss(Y_hat, Y):
        m = Y.shape[0]
        total = 0.0
        for i in range(m):
            p_c = Y[i, 1] if slip == "index" else Y[i, 0]
            if p_c == 1 or slip == "all terms":
                start = 1 if slip == "no pc" else 0
                total += np.sum((Y_hat[i, start:] - Y[i, start:]) ** 2)
            elif slip == "no pc at all":
                continue
            else:
                k = 1 if slip == "index" else 0
                total += (Y_hat[i, k] - Y[i, k]) ** 2
            if slip == "no pc at all" and p_c == 1:
                total -= (Y_hat[i, 0] - Y[i, 0]) ** 2
        return total if slip == "sum" else total / m

    return localization_loss


def test_reference_and_correct_learner_pass_and_stub_is_not_attempted():
    assert check_localization_loss(loc.localization_loss).passed
    assert check_localization_loss(_learner()).passed
    assert check_localization_loss(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment",
    [
        ("all terms", "all 8 squared errors counted even when p_c = 0"),
        ("no pc", "the p_c term left out when there is an object"),
        ("no pc at all", "no p_c term at all"),
        ("index", "off by one"),
        ("sum", "summed over the examples"),
    ],
)
def test_slips(slip, fragment):
    fails_with(check_localization_loss(_learner(slip)), fragment)
