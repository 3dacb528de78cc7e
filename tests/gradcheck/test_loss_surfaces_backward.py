"""Gradient checks of the 2-D loss surfaces' analytic gradients (float64, centred differences)."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns import loss_surfaces as ls


@pytest.mark.parametrize("name", list(ls.SURFACES))
def test_surface_gradient_relative_error(name):
    s = ls.SURFACES[name]
    rng = np.random.default_rng(2)
    h = 1e-5
    for _ in range(5):
        w = rng.uniform([s.xlim[0], s.ylim[0]], [s.xlim[1], s.ylim[1]])
        num = np.array([(s(w + h * e) - s(w - h * e)) / (2 * h) for e in np.eye(2)])
        ana = s.grad(w)
        rel = np.linalg.norm(num - ana) / (np.linalg.norm(num) + np.linalg.norm(ana))
        assert rel < 1e-7, (name, w, rel)
