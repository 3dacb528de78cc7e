"""The error-analysis dashboards, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.error_analysis_dashboard import (
    label_noise_dashboard,
    sample_tally,
    tally_dashboard,
)

ITERATIONS = 300


@pytest.fixture(scope="module")
def setup():
    data = ea.make_tagged_digits(seed=0)
    train, dev = data["train"], data["dev"]
    clean = ea.label_noise_experiment(train, dev, 0.0, "random", num_iterations=ITERATIONS)
    errors = ea.misclassified(models.predict(dev.X, clean["parameters"]), dev.Y)
    return train, dev, clean, errors, len(errors) / dev.m


# --- the live tally dashboard ---------------------------------------------------------------


@pytest.fixture
def tally(setup):
    _, dev, _, errors, dev_error = setup
    return tally_dashboard(dev, errors, dev_error, n_examined=100, seed=0)


def _bar_widths(dash):
    return [bar.get_width() for bar in dash.figure.axes[0].patches]


def test_tally_initial_state(tally, setup):
    _, dev, _, errors, dev_error = setup
    assert tally.live and tally.controls["n_examined"].continuous_update is True
    assert tally.result["n"] == 100 and tally.result["N"] == len(errors)
    counts = ea.tally(dev, ea.sample_errors(errors, 100, 0))
    assert tally.result["counts"] == counts
    assert _bar_widths(tally) == pytest.approx([counts[c] for c in ea.CATEGORIES])  # n = 100
    assert tally.result["ceilings"][ea.BLURRY] == ea.error_ceiling(
        dev_error, counts[ea.BLURRY], 100
    )


def test_examined_slider_widens_the_intervals_and_redraws(tally):
    before_png = tally.png
    width_100 = tally.result["high"][ea.BLURRY] - tally.result["low"][ea.BLURRY]
    tally.controls["n_examined"].value = 20
    width_20 = tally.result["high"][ea.BLURRY] - tally.result["low"][ea.BLURRY]
    assert tally.result["n"] == 20 and width_20 > width_100
    assert tally.png != before_png
    assert "20 of the" in " ".join(t.get_text() for t in tally.figure.axes[0].texts)
    tally.controls["n_examined"].value = tally.controls["n_examined"].max  # every error
    assert all(tally.result["low"][c] == tally.result["high"][c] for c in ea.CATEGORIES)
    assert tally.result["shares"] == tally.result["true_shares"]


def test_seed_slider_draws_another_sample_on_the_fast_path(tally):
    before = set(tally.result["indices"]), tally.png, tally.full_renders
    tally.controls["seed"].value = 5
    assert set(tally.result["indices"]) != before[0]
    assert tally.png != before[1]
    assert tally.full_renders == before[2]  # only the animated layer was redrawn


def test_sample_tally_errors(setup):
    _, dev, _, _, dev_error = setup
    with pytest.raises(ValueError, match="no errors"):
        sample_tally(dev, [], dev_error, 10)


# --- the label-noise dashboard that retrains ------------------------------------------------


@pytest.fixture(scope="module")
def noise(setup):
    train, dev, clean, _, _ = setup
    return label_noise_dashboard(
        train, dev, clean, rate=0.1, kind="random", num_iterations=ITERATIONS
    )


def test_noise_dashboard_initial_state(noise):
    assert not noise.live and noise.controls["rate"].continuous_update is False
    assert noise.result["kind"] == "random" and noise.result["flipped"] == 215
    assert "random noise, 215 wrong training labels" in noise.figure.texts[0].get_text()


def test_noise_kind_switch_retrains_and_costs_more(noise, setup):
    clean = setup[2]
    before = noise.result["dev_error"], noise.png
    progress = []
    noise.progress.observe(lambda change: progress.append(change["new"]), names="value")
    noise.controls["kind"].value = "systematic"
    assert noise.result["kind"] == "systematic"
    assert noise.result["dev_error"] > before[0] + 0.03 > clean["dev_error"]
    assert noise.png != before[1]
    assert progress and max(progress) == pytest.approx(1.0)  # the progress bar moved
    # both kinds are now in the history panel
    curve_ax = noise.figure.axes[1]
    labels = [line.get_label() for line in curve_ax.get_lines()]
    assert "random noise" in labels and "systematic noise" in labels


def test_noise_rate_slider_changes_the_number_of_wrong_labels(noise):
    before = noise.result["flipped"], noise.png
    noise.controls["rate"].value = 0.05
    assert noise.result["flipped"] == round(0.05 * 2154) < before[0]
    assert noise.png != before[1]
    systematic = [
        ln for ln in noise.figure.axes[1].get_lines() if ln.get_label() == "systematic noise"
    ][0]
    assert len(systematic.get_xdata()) == 3  # clean, 10 %, 5 %: every setting tried so far
    np.testing.assert_allclose(sorted(systematic.get_xdata()), [0.0, 5.0, 10.0])


def test_noise_dashboard_rejects_impossible_rates(setup):
    train, dev, clean, _, _ = setup
    with pytest.raises(ValueError, match="max_rate"):
        label_noise_dashboard(train, dev, clean, max_rate=0.5, num_iterations=ITERATIONS)
