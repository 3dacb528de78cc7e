"""The missing-labels dashboard, driven from the kernel as a learner's controls would."""

import numpy as np
import pytest

from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml.multitask_dashboard import (
    missing_labels_dashboard,
    train_joint_and_separate,
)


@pytest.fixture
def dash():
    return missing_labels_dashboard(m=200, missing_fraction=0.5, hidden_units=8, m_dev=1000)


def test_initial_state(dash):
    assert dash.controls["missing_fraction"].continuous_update is False
    assert dash.settings.value == "<code>missing_fraction=0.5, hidden_units=8</code>"
    X, Y = mt.driving_scenes(200, seed=100)
    X_dev, Y_dev = mt.driving_scenes(1000, seed=1)
    expected = train_joint_and_separate(X, Y, X_dev, Y_dev, 0.5, 8)
    np.testing.assert_array_equal(dash.result["joint"], expected["joint"])
    assert dash.result["labels_left"] == pytest.approx(0.5, abs=0.05)
    assert dash.result["joint"].mean() < dash.result["separate"].mean()
    # The title's two shares add up: what is hidden plus what is left is every label.
    left = round(100 * dash.result["labels_left"])
    title = dash.figure.axes[0].get_title()
    assert f"{100 - left} % hidden" in title and f"{left} % left (slider: 50 %)" in title


def test_missing_fraction_slider_hides_labels_and_costs_accuracy(dash):
    before_png = dash.png
    dash.controls["missing_fraction"].value = 0.0
    full = dash.result
    assert full["labels_left"] == 1.0 and not np.isnan(full["Y_train"]).any()
    dash.controls["missing_fraction"].value = 0.9
    assert dash.result["labels_left"] < 0.15
    assert dash.result["joint"].mean() > full["joint"].mean() + 0.05  # fewer labels, more errors
    assert dash.result["joint"].mean() < 0.45  # ... but it still learns
    assert dash.png != before_png and "(slider: 90 %)" in dash.figure.axes[0].get_title()
    question_marks = [t for t in dash.figure.axes[0].texts if t.get_text() == "?"]
    assert len(question_marks) > 40  # of the 4 x 16 labels drawn (90 % hidden)
    assert all(t.get_fontsize() >= 9 for t in question_marks)  # readable in the browser


def test_hidden_units_slider_too_small_a_shared_network_hurts(dash):
    before_png = dash.png
    dash.controls["missing_fraction"].value = 0.0
    wide = dash.result
    dash.controls["hidden_units"].value = 2
    assert dash.result["joint_parameters"]["W1"].shape == (2, 10)
    assert dash.result["joint"].mean() > wide["joint"].mean() + 0.05
    assert dash.result["joint"].mean() > dash.result["separate"].mean()  # sharing 2 units hurts
    assert dash.png != before_png and "h = 2" in dash.figure.axes[1].get_title()
