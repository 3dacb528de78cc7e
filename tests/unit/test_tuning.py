"""Hyperparameter search helpers (course_lib/c2_improving_dnns/tuning.py)."""
# ruff: noqa: NPY002  (the lecture's r = -4 * np.random.rand() uses the legacy generator)

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import make_moons

from course_lib.c2_improving_dnns import tuning

RANGES = {"learning_rate": (1e-4, 1.0, "log"), "hidden_units": (10, 200)}


def test_priority_table_lists_alpha_first():
    table = tuning.priority_table()
    lines = table.splitlines()
    assert "learning rate" in lines[1] and lines[1].startswith("1")
    assert len(lines) == len(tuning.HYPERPARAMETER_PRIORITIES) + 1
    assert "Adam" in lines[-1]


@pytest.mark.parametrize("n, k", [(25, 5), (24, 4), (9, 3), (1, 1), (100, 10)])
def test_grid_has_floor_root_values_per_axis(n, k):
    grid = tuning.grid_search_points(n, RANGES)
    assert all(v.shape == (k * k,) for v in grid.values())
    assert tuning.distinct_values(grid) == {"learning_rate": k, "hidden_units": k}


def test_grid_is_evenly_spaced_on_each_axis_scale():
    grid = tuning.grid_search_points(9, RANGES)
    alphas = np.unique(grid["learning_rate"])
    np.testing.assert_allclose(np.log10(alphas), [-4, -2, 0])
    np.testing.assert_allclose(np.unique(grid["hidden_units"]), [10, 105, 200])


def test_random_search_tries_n_distinct_values_and_is_seeded():
    pts = tuning.random_search_points(25, RANGES, seed=3)
    assert tuning.distinct_values(pts) == {"learning_rate": 25, "hidden_units": 25}
    again = tuning.random_search_points(25, RANGES, seed=3)
    np.testing.assert_array_equal(pts["learning_rate"], again["learning_rate"])
    assert pts["learning_rate"].min() >= 1e-4 and pts["learning_rate"].max() <= 1
    assert pts["hidden_units"].min() >= 10 and pts["hidden_units"].max() <= 200


@pytest.mark.parametrize(
    "bad",
    [{"a": (1, 0)}, {"a": (0.0, 1.0, "log")}, {"a": (1, 2, "cubic")}, {"a": 3}, {}],
)
def test_bad_ranges_raise(bad):
    with pytest.raises(ValueError):
        tuning.random_search_points(4, bad)


def test_bad_n_raises():
    with pytest.raises(ValueError, match="positive integer"):
        tuning.grid_search_points(0, RANGES)


def test_sample_log_uniform_reproduces_the_lecture_formula():
    np.random.seed(7)
    expected = 10 ** (-4 * np.random.rand())
    np.random.seed(7)
    assert tuning.sample_log_uniform(1e-4, 1) == pytest.approx(expected, rel=1e-15)
    np.random.seed(7)
    expected = 10 ** (-4 * np.random.rand(5))
    np.random.seed(7)
    np.testing.assert_allclose(tuning.sample_log_uniform(1e-4, 1, size=5), expected, rtol=1e-15)


def test_the_seed_typo_fails_and_the_call_works():
    with pytest.raises(TypeError):
        _ = -4 * np.random.rand  # the seed notes' version, without the call
    assert isinstance(-4 * np.random.rand(), float)


def test_log_uniform_puts_equal_mass_in_each_decade():
    x = tuning.sample_log_uniform(1e-4, 1, size=40_000, rng=np.random.default_rng(0))
    counts = np.histogram(np.log10(x), bins=[-4, -3, -2, -1, 0])[0] / x.size
    np.testing.assert_allclose(counts, 0.25, atol=0.01)
    # Uniform sampling would put ~90 % in the last decade.
    assert np.mean(x > 0.1) < 0.3


def test_sample_beta_samples_one_minus_beta_on_a_log_scale():
    b = tuning.sample_beta(0.9, 0.999, size=30_000, rng=np.random.default_rng(1))
    assert b.min() >= 0.9 and b.max() <= 0.999
    r = np.log10(1 - b)
    counts = np.histogram(r, bins=[-3, -2, -1])[0] / b.size
    np.testing.assert_allclose(counts, 0.5, atol=0.015)
    assert isinstance(tuning.sample_beta(rng=np.random.default_rng(0)), float)
    with pytest.raises(ValueError):
        tuning.sample_beta(0.99, 0.9)


def test_averaging_window_and_sensitivity_near_one():
    assert tuning.averaging_window(0.9) == pytest.approx(10)
    assert tuning.averaging_window(0.999) == pytest.approx(1000)
    assert tuning.averaging_window(0.9995) == pytest.approx(2000)
    np.testing.assert_allclose(tuning.averaging_window(np.array([0.0, 0.5])), [1, 2])
    with pytest.raises(ValueError):
        tuning.averaging_window(1.0)


@given(st.floats(-6, 2), st.floats(0.1, 4), st.integers(0, 2**31))
def test_log_uniform_stays_in_range(a, width, seed):
    low, high = 10**a, 10 ** (a + width)
    x = tuning.sample_log_uniform(low, high, size=50, rng=np.random.default_rng(seed))
    assert np.all(x >= low * (1 - 1e-12)) and np.all(x <= high * (1 + 1e-12))


def test_response_surface_minimum_and_alpha_dominates():
    la, hu = np.meshgrid(np.linspace(-4, 0, 401), np.linspace(10, 200, 191))
    err = tuning.response_surface(la, hu)
    i = np.unravel_index(np.argmin(err), err.shape)
    assert abs(la[i] + 2.3) < 0.15 and 0.04 < err[i] < 0.06
    assert np.ptp(err, axis=1).mean() > 5 * np.ptp(err, axis=0).mean()
    assert isinstance(tuning.response_surface(-2.0, 50), float)


def test_random_search_beats_grid_on_average_when_one_axis_matters():
    ranges = {"log_alpha": (-4.0, 0.0), "hidden_units": (10, 200)}
    grid = tuning.grid_search_points(25, ranges)
    grid_best = tuning.response_surface(grid["log_alpha"], grid["hidden_units"]).min()
    random_best = [
        tuning.response_surface(**tuning.random_search_points(25, ranges, seed=s)).min()
        for s in range(40)
    ]
    assert np.mean(random_best) < grid_best


def test_coarse_to_fine_zooms_in_and_improves():
    ranges = {"log_alpha": (-4.0, 0.0), "hidden_units": (10, 200)}
    out = tuning.coarse_to_fine(tuning.response_surface, ranges, 20, 20, zoom=0.25, seed=2)
    coarse, fine = out["coarse"], out["fine"]
    lo, hi = fine["ranges"]["log_alpha"]
    assert hi - lo == pytest.approx(1.0)  # a quarter of the 4 decades
    assert lo >= -4 and hi <= 0 and lo <= coarse["best"]["log_alpha"] <= hi
    assert np.all((fine["points"]["log_alpha"] >= lo) & (fine["points"]["log_alpha"] <= hi))
    assert out["best_value"] == min(coarse["best_value"], fine["best_value"])
    assert fine["best_value"] <= coarse["best_value"]
    assert coarse["values"].shape == (20,)


def test_coarse_to_fine_on_a_log_axis_and_at_the_edge():
    calls = []

    def objective(x, y):
        calls.append((x, y))
        return (np.log10(x) + 3.9) ** 2 + y

    out = tuning.coarse_to_fine(objective, {"x": (1e-4, 1, "log"), "y": (0, 1)}, 10, 5, 0.5, 0)
    lo, hi, scale = out["fine"]["ranges"]["x"]
    assert scale == "log" and lo == pytest.approx(1e-4) and hi == pytest.approx(1e-2)
    assert len(calls) == 15
    with pytest.raises(ValueError):
        tuning.coarse_to_fine(objective, {"x": (0, 1)}, 3, 3, zoom=0)


def test_momentum_objective_is_a_real_training_run():
    X, y = make_moons(300, noise=0.2, random_state=0)
    X, Y = X.T, y.reshape(1, -1).astype(float)
    objective = tuning.momentum_objective(
        X[:, :200], Y[:, :200], X[:, 200:], Y[:, 200:], [2, 8, 1], num_epochs=150
    )
    good = objective(learning_rate=0.5, beta=0.9)
    tiny = objective(learning_rate=1e-5, beta=0.9)
    assert 0 <= good < 0.2 < tiny
    assert objective(learning_rate=0.5, beta=0.9) == good  # same start, same result
    assert objective(learning_rate=1e6, beta=0.0) <= 1.0  # divergence is handled
    with pytest.raises(ValueError, match="X_train"):
        tuning.momentum_objective(X.T, Y, X, Y, [2, 8, 1])
