"""The mismatch dashboards, driven from the kernel as a learner's sliders would."""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import synthesis as syn
from course_lib.c3_structuring_ml.mismatch_dashboard import (
    POOL_SIZES,
    pool_dashboard,
    shift_dashboard,
    shift_experiment,
)

SIZES = dict(m_web=1500, m_dev=600, m_test=600, m_train_dev=200, num_iterations=300, seed=0)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _changed(before: bytes, after: bytes) -> bool:
    return np.abs(_pixels(after) - _pixels(before)).sum() > 0


@pytest.fixture
def shifts():
    return shift_dashboard(shift=0.0, m_app_train=50, **SIZES)


@pytest.fixture
def pool():
    return pool_dashboard(pool_size=2, level=1.5, m_train=1500, num_iterations=300, seed=0)


def test_shift_dashboard_starts_without_mismatch(shifts):
    assert set(shifts.controls) == {"shift", "m_app_train"}
    assert all(c.continuous_update is False for c in shifts.controls.values())  # retrains
    assert shifts.progress.value == 1.0
    expected = shift_experiment(0.0, 50, **SIZES)
    assert shifts.result["errors"] == expected["errors"]  # the same seeded run
    gaps = shifts.result["gaps"]
    assert abs(gaps[mm.DATA_MISMATCH]) < 0.03
    np.testing.assert_array_equal(shifts.result["example_app"], shifts.result["example_clean"])


def test_shift_slider_opens_the_data_mismatch_gap(shifts):
    before, png = shifts.result, shifts.png
    shifts.controls["shift"].value = 2.0
    after = shifts.result
    assert after["shift"] == 2.0 and "shift=2" in shifts.settings_text
    assert after["gaps"][mm.DATA_MISMATCH] > before["gaps"][mm.DATA_MISMATCH] + 0.1
    assert abs(after["errors"]["train"] - before["errors"]["train"]) < 0.03
    assert after["largest"] == mm.DATA_MISMATCH
    assert _changed(png, shifts.png)
    titles = " ".join(ax.get_title() for ax in shifts.figure.axes)
    assert "level 2.00" in titles and "largest gap = data mismatch" in titles
    clean, app = after["example_clean"], after["example_app"]
    assert np.abs(app - clean).max() > 1.0  # the dev clip now carries rumble


def test_more_app_clips_in_training_narrow_the_gap(shifts):
    shifts.controls["shift"].value = 2.0
    before, png = shifts.result, shifts.png
    shifts.controls["m_app_train"].value = 1000
    after = shifts.result
    assert after["m_app_train"] == 1000 and mm.composition(after["sets"]["train"])["app"] > 900
    assert after["errors"]["dev"] < before["errors"]["dev"] - 0.03
    assert _changed(png, shifts.png)
    assert "1000 app clips in training" in shifts.figure.axes[1].get_title()


def test_pool_dashboard_controls_and_initial_state(pool):
    assert set(pool.controls) == {"pool_size", "level"}
    assert isinstance(pool.controls["pool_size"], widgets.SelectionSlider)
    assert tuple(pool.controls["pool_size"].options) == POOL_SIZES
    assert all(c.continuous_update is False for c in pool.controls.values())
    expected = syn.pool_experiment(2, 1.5, m_train=1500, num_iterations=300, seed=0)
    assert pool.result["dev_error"] == expected["dev_error"]
    assert pool.result["synthetic_error"] < 0.05 < 0.15 < pool.result["dev_error"]


def test_pool_size_slider_closes_the_gap_to_fresh_noise(pool):
    before, png = pool.result, pool.png
    pool.controls["pool_size"].value = 300
    after = pool.result
    assert after["pool"].shape == (mm.N_X, 300) and "pool_size=300" in pool.settings_text
    assert after["dev_error"] < before["dev_error"] - 0.1
    assert _changed(png, pool.png)
    assert "P = 300 recordings" in pool.figure.axes[0].get_title()
    assert len(pool.figure.axes[0].lines) == 7  # 6 pool clips shown + the fresh noise


def test_noise_level_slider_changes_the_task(pool):
    before, png = pool.result, pool.png
    pool.controls["level"].value = 3.0
    after = pool.result
    assert after["level"] == 3.0 and after["human"] > before["human"]
    assert np.abs(after["pool"]).max() > 1.5 * np.abs(before["pool"]).max()
    assert _changed(png, pool.png)
    assert "level 3.00" in pool.figure.axes[1].get_title()
