"""Unit tests for course_lib.c2_improving_dnns.ewma and its dashboard's compute function."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns import ewma
from course_lib.c2_improving_dnns.ewma_dashboard import ewma_curves


def test_known_values():
    theta = np.array([10.0, 20.0, 30.0])
    V = ewma.exponentially_weighted_average(theta, 0.5)
    np.testing.assert_allclose(V, [5.0, 12.5, 21.25])
    Vc = ewma.exponentially_weighted_average(theta, 0.5, bias_correction=True)
    np.testing.assert_allclose(Vc, [10.0, 12.5 / 0.75, 21.25 / 0.875])


def test_correction_is_not_fed_back():
    theta = np.random.default_rng(0).normal(size=50)
    plain = ewma.exponentially_weighted_average(theta, 0.9)
    corrected = ewma.exponentially_weighted_average(theta, 0.9, True)
    np.testing.assert_allclose(corrected * (1 - 0.9 ** np.arange(1, 51)), plain)
    wrong = ewma._wrong_corrected_average(theta, 0.9)
    assert not np.allclose(wrong, corrected)


@given(c=st.floats(-100, 100), beta=st.floats(0.0, 0.99))
def test_corrected_average_of_a_constant_is_the_constant(c, beta):
    V = ewma.exponentially_weighted_average(np.full(30, c), beta, bias_correction=True)
    np.testing.assert_allclose(V, c, atol=1e-9 * max(1, abs(c)))


def test_window_and_weights():
    assert ewma.effective_window(0.9) == pytest.approx(10)
    w = ewma.ewma_weights(0.9, 3)
    np.testing.assert_allclose(w, [0.1, 0.09, 0.081])
    assert ewma.ewma_weights(0.98, 5000).sum() == pytest.approx(1.0)
    # 0.9^10 ~ 0.35 ~ 1/e: after the window a value's weight has fallen to about a third.
    assert pytest.approx(0.3487, abs=1e-4) == 0.9**10


def test_temperatures_are_seeded_and_seasonal():
    d1, t1 = ewma.daily_temperatures(seed=4)
    _, t2 = ewma.daily_temperatures(seed=4)
    np.testing.assert_array_equal(t1, t2)
    assert d1.shape == t1.shape == (365,)
    assert t1[170:200].mean() > t1[:30].mean() + 10


def test_errors():
    with pytest.raises(ValueError, match="beta"):
        ewma.exponentially_weighted_average([1.0, 2.0], 1.0)
    with pytest.raises(ValueError, match="series"):
        ewma.exponentially_weighted_average(3.0, 0.5)


def test_dashboard_compute():
    theta = np.arange(5.0)
    out = ewma_curves(theta, 0.5, False, show_mistake=True)
    assert out["wrong"].shape == (5,) and out["window"] == 2
    assert ewma_curves(theta, 0.5, True)["wrong"] is None
