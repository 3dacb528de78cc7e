"""Unit tests for course_lib.c2_improving_dnns.lr_decay."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns import lr_decay as d
from course_lib.c2_improving_dnns.optimizers_dashboard import decay_schedules


def test_course_values():
    # The assignment's published examples: update_lr(0.5, 2, 1) and schedule_lr_decay
    # with decay_rate 0.3 and time_interval 100 after 10 and 100 epochs.
    assert d.update_lr(0.5, 2, 1) == pytest.approx(0.16666666666666666, rel=1e-15)
    assert d.schedule_lr_decay(0.5, 10, 0.3, time_interval=100) == 0.5
    assert d.schedule_lr_decay(0.5, 100, 0.3, 100) == pytest.approx(0.3846153846153846, rel=1e-15)


def test_schedules_by_their_formulas():
    assert d.update_lr(0.5, 2, 0.3) == pytest.approx(0.5 / 1.6)
    assert d.schedule_lr_decay(0.5, 100, 0.3) == pytest.approx(0.5)
    assert d.schedule_lr_decay(0.5, 2500, 0.3, time_interval=1000) == pytest.approx(0.5 / 1.6)
    assert d.exponential_decay(0.2, 2) == pytest.approx(0.2 * 0.95**2)
    assert d.sqrt_decay(0.2, 4, k=1.0) == pytest.approx(0.1)
    assert d.sqrt_decay(0.2, 0, k=1.0) == pytest.approx(0.2)
    assert d.staircase_decay(1.0, 25, drop=0.5, steps_per_drop=10) == pytest.approx(0.25)


@pytest.mark.parametrize("name", list(d.SCHEDULES))
def test_every_schedule_starts_at_alpha0_and_never_rises(name):
    rates = np.asarray(d.SCHEDULES[name](0.1, np.arange(200), 0.2))
    assert rates[0] == pytest.approx(0.1)
    assert np.all(np.diff(rates) <= 1e-15) and rates[-1] < 0.1


def test_arrays_and_errors():
    assert d.update_lr(1.0, np.arange(3), 1.0).shape == (3,)
    assert isinstance(d.update_lr(1.0, 3, 1.0), float)
    with pytest.raises(ValueError, match="epoch_num"):
        d.update_lr(0.1, -1, 0.1)
    with pytest.raises(ValueError, match="learning_rate0"):
        d.exponential_decay(0.0, 1)


def test_dashboard_compute_follows_decay_rate():
    slow, fast = decay_schedules(0.1, 0.01, 50), decay_schedules(0.1, 1.0, 50)
    for name in d.SCHEDULES:
        if name != "square root":  # k fixed: the square-root schedule has no decay rate
            assert fast[name][-1] < slow[name][-1]
