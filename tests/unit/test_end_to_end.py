"""End-to-end vs pipeline: the synthetic X-rays, the hand-designed stage, both learners."""

import numpy as np
import pytest

from course_lib.c3_structuring_ml import end_to_end as e2e
from course_lib.c3_structuring_ml import models


def test_scans_shapes_labels_and_seeds():
    X, Y, age = e2e.xray_scans(500, seed=0)
    assert X.shape == (e2e.N_PIXELS, 500) and Y.shape == (1, 500) and age.shape == (500,)
    np.testing.assert_array_equal(Y[0], age >= e2e.AGE_THRESHOLD)
    assert age.min() >= 2 and age.max() <= 14 and 0.4 < Y.mean() < 0.6
    np.testing.assert_array_equal(e2e.xray_scans(5, seed=3)[0], e2e.xray_scans(5, seed=3)[0])
    assert not np.array_equal(e2e.xray_scans(5, seed=3)[0], e2e.xray_scans(5, seed=4)[0])


def test_noise_free_scans_have_three_bones_that_grow_and_brighten_with_age():
    X, _, age = e2e.xray_scans(2000, seed=1, noise=0.0)
    bone = X > 0
    starts = np.sum(bone[1:] & ~bone[:-1], axis=0) + bone[0]
    np.testing.assert_array_equal(starts, 3)  # three bright stretches, joints in between
    lengths = e2e.measure_bones(X, threshold=1e-9)
    np.testing.assert_array_equal(lengths.sum(axis=0), bone.sum(axis=0))  # every bone measured
    brightness = X.max(axis=0)
    assert np.corrcoef(age, lengths.sum(axis=0))[0, 1] > 0.8
    assert np.corrcoef(age, brightness)[0, 1] > 0.7  # what the pipeline throws away


def test_measure_bones_known_values():
    scan = np.zeros((20, 2))
    scan[[1, 2], 0] = 1.0  # stretch of 2
    scan[4:9, 0] = 1.0  # stretch of 5
    scan[10, 0] = 0.2  # too dark to count
    scan[12, 0] = 1.0  # stretch of 1
    scan[15:18, 0] = 0.9  # stretch of 3
    scan[19, 1] = 1.0  # a single stretch at the very end
    np.testing.assert_array_equal(e2e.measure_bones(scan), [[5, 1], [3, 0], [2, 0]])
    np.testing.assert_array_equal(e2e.measure_bones(scan, threshold=0.1)[:, 0], [5, 3, 2])
    with pytest.raises(ValueError, match=r"X must have shape \(n, m\)"):
        e2e.measure_bones(np.ones(20))


@pytest.mark.parametrize(
    "kwargs, message", [({"m": 0}, "m must be"), ({"m": 3, "noise": -1}, "noise")]
)
def test_scans_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        e2e.xray_scans(seed=0, **kwargs)


def test_the_pipeline_learns_from_few_scans_and_levels_off():
    X_dev, Y_dev, _ = e2e.xray_scans(2000, seed=1)
    few = e2e.fit_pipeline(*e2e.xray_scans(30, seed=10)[:2])
    many = e2e.fit_pipeline(*e2e.xray_scans(1000, seed=10)[:2])
    assert few["parameters"]["W1"].shape == (1, 3) and few["mu"].shape == (3, 1)
    error_few = np.mean(e2e.pipeline_predict(X_dev, few) != Y_dev)
    error_many = np.mean(e2e.pipeline_predict(X_dev, many) != Y_dev)
    assert error_few < 0.2 and error_many > 0.08  # good with 30 scans, never much better


def test_end_to_end_needs_more_data_and_then_wins():
    X_dev, Y_dev, _ = e2e.xray_scans(2000, seed=1)
    X, Y, _ = e2e.xray_scans(1000, seed=10)
    small = e2e.fit_end_to_end(X[:, :20], Y[:, :20])
    large = e2e.fit_end_to_end(X, Y)
    pipeline = e2e.fit_pipeline(X, Y)
    assert large["W1"].shape == (16, e2e.N_PIXELS)
    large_error = models.error_rate(X_dev, Y_dev, large)
    assert models.error_rate(X_dev, Y_dev, small) > large_error + 0.05
    assert large_error < np.mean(e2e.pipeline_predict(X_dev, pipeline) != Y_dev)


def test_crossover_study_shapes_and_errors():
    seen = []
    study = e2e.crossover_study(
        [20, 40], seeds=(0, 1), m_dev=300, end_to_end_iterations=50, progress=seen.append
    )
    assert list(study["m"]) == [20, 40] and study["runs"]["pipeline"].shape == (2, 2)
    np.testing.assert_allclose(study["end_to_end"], study["runs"]["end_to_end"].mean(axis=1))
    assert seen[-1] == 1.0 and len(seen) == 4
    with pytest.raises(ValueError, match="m_values"):
        e2e.crossover_study([1])
    with pytest.raises(ValueError, match="seeds"):
        e2e.crossover_study([20], seeds=())
