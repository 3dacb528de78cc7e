"""Unit tests for course_lib.c3_structuring_ml.synthesis: the noise-pool experiments."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import synthesis as syn

SMALL = dict(m_train=1500, m_heldout=500, m_dev=800, num_iterations=300, seed=0)


@pytest.fixture(scope="module")
def runs():
    return {p: syn.pool_experiment(p, 1.5, **SMALL) for p in (0, 2, 300)}


def test_snr_db_known_values():
    signal = float(np.mean(mm.word_templates() ** 2))
    assert syn.snr_db(0.0) == pytest.approx(10 * np.log10(signal / mm.HISS**2))
    assert syn.snr_db(1.5) == pytest.approx(10 * np.log10(signal / (2.25 + mm.HISS**2)))
    assert syn.snr_db(3.0) < syn.snr_db(1.5) < 0
    with pytest.raises(ValueError, match="non-negative"):
        syn.snr_db(-0.5)


def test_pool_experiment_builds_the_synthetic_training_set(runs):
    clean, labels = mm.voice_clips(1500, 0.0, seed=0)
    two = runs[2]
    assert two["pool"].shape == (mm.N_X, 2) and two["X_train"].shape == (mm.N_X, 1500)
    np.testing.assert_array_equal(two["Y_train"], labels)
    added = two["X_train"] - clean
    distinct = {tuple(np.round(col, 9)) for col in added.T}
    assert len(distinct) == 2  # every clip carries one of the two recordings
    np.testing.assert_allclose(two["pool"], mm.car_noise(2, 1.5, seed=20))
    none = runs[0]
    assert none["pool"].shape == (mm.N_X, 0)
    np.testing.assert_array_equal(none["X_train"], clean)
    for run in runs.values():
        assert run["human"] == mm.human_level_error(1.5)
        assert all(0 <= run[k] <= 1 for k in ("train_error", "synthetic_error", "dev_error"))


def test_a_small_pool_is_learnt_by_heart(runs):
    small, broad, none = runs[2], runs[300], runs[0]
    # on clips with its own two noises it is nearly perfect...
    assert small["synthetic_error"] < 0.05
    # ...on fresh car noise it is far worse, and far worse than a model from a broad pool
    assert small["dev_error"] > small["synthetic_error"] + 0.1
    assert small["dev_error"] > broad["dev_error"] + 0.1
    assert broad["dev_error"] - broad["human"] < 0.05
    assert none["dev_error"] > broad["dev_error"] + 0.1  # no synthesis: the mismatch remains


def test_pool_experiment_is_deterministic_and_checks_its_pool_size(runs):
    again = syn.pool_experiment(2, 1.5, **SMALL)
    assert again["dev_error"] == runs[2]["dev_error"]
    for bad in (-1, 2.5, True):
        with pytest.raises(ValueError, match="pool_size must be an integer >= 0"):
            syn.pool_experiment(bad, 1.5, **SMALL)


def test_pool_size_curve_and_its_progress():
    seen = []
    curve = syn.pool_size_curve([1, 50], 1.5, progress=seen.append, **SMALL)
    assert seen == [0.5, 1.0]
    np.testing.assert_array_equal(curve["pool_sizes"], [1, 50])
    for key in ("dev_error", "synthetic_error", "train_error"):
        assert curve[key].shape == (2,)
    assert curve["dev_error"][1] < curve["dev_error"][0]
    assert curve["dev_error"][0] == syn.pool_experiment(1, 1.5, **SMALL)["dev_error"]
    with pytest.raises(ValueError, match="at least one pool size"):
        syn.pool_size_curve([], 1.5)


def test_plot_pool_curve_draws_percentages_on_a_log_axis():
    curve = {
        "pool_sizes": np.array([1, 10, 100]),
        "dev_error": np.array([0.2, 0.1, 0.06]),
        "synthetic_error": np.array([0.01, 0.02, 0.05]),
        "human": 0.05,
    }
    fig, ax = plt.subplots()
    dev, synthetic = syn.plot_pool_curve(ax, curve, baseline=0.21)
    np.testing.assert_allclose(dev.get_ydata(), [20, 10, 6])
    np.testing.assert_allclose(synthetic.get_ydata(), [1, 2, 5])
    assert ax.get_xscale() == "log" and len(ax.get_legend().get_texts()) == 4
