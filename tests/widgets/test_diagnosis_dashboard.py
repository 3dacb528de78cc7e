"""The bias/variance dashboard, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import pytest

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.c2_improving_dnns.diagnosis_dashboard import capacity_dashboard, fit_and_diagnose


@pytest.fixture(scope="module")
def moons():
    X_pool, Y_pool = dg.noisy_moons(200, seed=0)
    X_dev, Y_dev = dg.noisy_moons(500, seed=1)
    return X_pool, Y_pool, X_dev, Y_dev


@pytest.fixture
def dash(moons):
    return capacity_dashboard(*moons, bayes_error=0.09, num_iterations=600, m_train=40)


def test_initial_state_is_logistic_regression_with_high_bias(dash, moons):
    assert dash.result["parameters"]["W1"].shape == (1, 2)
    assert dash.result["diagnosis"] == dg.HIGH_BIAS
    assert dash.settings.value == "<code>hidden_units=0, m_train=40</code>"
    assert dash.controls["hidden_units"].continuous_update is False
    X_pool, Y_pool, X_dev, Y_dev = moons
    expected = fit_and_diagnose(X_pool[:, :40], Y_pool[:, :40], X_dev, Y_dev, 0, 0.09, 600)
    assert dash.result["dev_error"] == expected["dev_error"]


def test_capacity_slider_overfits(dash):
    before_png = dash.png
    dash.controls["hidden_units"].value = 40
    assert dash.result["parameters"]["W1"].shape == (40, 2)
    assert dash.result["train_error"] < 0.05
    assert dash.result["diagnosis"] == dg.HIGH_VARIANCE
    assert dash.png != before_png and "hidden_units=40" in dash.settings.value
    assert "variance" in dash.figure.axes[1].get_title()


def test_training_set_size_slider_changes_the_fit(dash):
    before = dash.result["train_error"], dash.png
    dash.controls["m_train"].value = 200
    assert dash.values["m_train"] == 200
    assert (dash.result["train_error"], dash.png) != before
    assert "200 training examples" in dash.figure.axes[0].get_title()


def test_split_calculator_slider_changes_computation_and_plot():
    from course_lib.c2_improving_dnns.diagnosis_dashboard import split_dashboard

    dash = split_dashboard(m=100)
    assert dash.result == {"train": 60, "dev": 20, "test": 20}
    assert dash.controls["m"].continuous_update is True
    before_png = dash.png
    dash.controls["m"].value = 1e6
    assert dash.result == {"train": 980_000, "dev": 10_000, "test": 10_000}
    train_bar = dash.figure.axes[0].patches[0]
    assert train_bar.get_width() == pytest.approx(98.0)
    assert "980,000" in dash.figure.axes[0].texts[-1].get_text()
    assert dash.png != before_png and dash.full_renders == 1
