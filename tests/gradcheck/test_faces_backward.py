"""Gradient check of the triplet loss's backward pass (faces.triplet_loss_backward)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import faces as fc
from course_lib.gradient_check import check_backward


@pytest.mark.parametrize("seed, m, n_f, alpha", [(0, 6, 8, 0.2), (1, 4, 3, 1.0), (2, 9, 5, 0.0)])
def test_triplet_loss_backward(seed, m, n_f, alpha):
    rng = np.random.default_rng(seed)
    inputs = {name: rng.standard_normal((m, n_f)) for name in ("anchor", "positive", "negative")}
    _, cache = fc.triplet_loss_forward(**inputs, alpha=alpha)
    basic = (
        ((inputs["anchor"] - inputs["positive"]) ** 2).sum(1)
        - ((inputs["anchor"] - inputs["negative"]) ** 2).sum(1)
        + alpha
    )
    assert np.abs(basic).min() > 1e-3  # away from the hinge's kink
    assert cache["active"].any()
    errors = check_backward(fc.triplet_loss_forward, fc.triplet_loss_backward,
                            dict(inputs, alpha=alpha), ["anchor", "positive", "negative"],
                            dout=1.0)  # fmt: skip
    assert max(errors.values()) < 1e-7, errors
