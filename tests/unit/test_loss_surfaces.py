"""Unit tests for course_lib.c2_improving_dnns.loss_surfaces."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns import loss_surfaces as ls


def test_saddle_has_zero_gradient_but_is_no_minimum():
    s = ls.saddle
    np.testing.assert_array_equal(s.grad([0.0, 0.0]), [0.0, 0.0])
    assert s([0.0, 0.1]) < s([0.0, 0.0]) < s([0.1, 0.0])


def test_paths_shape_start_and_convergence():
    path = ls.optimizer_path("elongated bowl", None, "adam", 300, learning_rate=0.1)
    assert path.shape == (301, 2)
    np.testing.assert_array_equal(path[0], ls.elongated_bowl.start)
    assert ls.elongated_bowl(path[-1]) < 1e-3


def test_adam_escapes_the_plateau_where_gd_crawls():
    gd = ls.optimizer_path("plateau", None, "gd", 100, learning_rate=0.3)
    adam = ls.optimizer_path("plateau", None, "adam", 100, learning_rate=0.3)
    assert np.linalg.norm(gd[-1] - gd[0]) < 0.2
    assert ls.plateau(adam[-1]) < 0.01


def test_momentum_damps_the_zigzag_on_the_bowl():
    # Oscillation across the bowl: how often w2 changes sign.
    gd = ls.optimizer_path("elongated bowl", None, "gd", 40, learning_rate=0.3)
    mom = ls.optimizer_path("elongated bowl", None, "momentum", 40, learning_rate=0.3, beta=0.9)
    flips = lambda p: int(np.sum(np.diff(np.sign(p[:, 1])) != 0))  # noqa: E731
    assert flips(mom) < flips(gd)


def test_errors():
    with pytest.raises(ValueError, match=r"\(2,\)"):
        ls.elongated_bowl.grad([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="unknown optimizer"):
        ls.optimizer_path("saddle", None, "sgd", 3, learning_rate=0.1)
