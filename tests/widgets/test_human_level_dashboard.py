"""The human-level reference dashboard, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import pytest

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.c3_structuring_ml.human_level_dashboard import (
    reference_dashboard,
    reference_diagnosis,
)


@pytest.fixture
def dash():
    return reference_dashboard(train_error=0.007, dev_error=0.008)


def _bar_widths(dash):
    # the three stacked bars: up to human level, avoidable bias, variance (in % units)
    return [patch.get_width() for patch in dash.figure.axes[0].patches[:3]]


def test_initial_state_is_the_lecture_case_against_the_team(dash):
    assert dash.live and dash.controls["train_error"].continuous_update is True
    assert dash.result["reference"] == "team of experienced doctors"
    assert dash.result["focus"] == hl.FOCUS_BIAS
    assert dash.result["bayes_bound"] == 0.005
    assert _bar_widths(dash) == pytest.approx([0.5, 0.2, 0.1])
    assert dash.settings.value.startswith("<code>reference='team of experienced doctors'")


def test_reference_dropdown_changes_the_diagnosis_and_the_plot(dash):
    before = dash.png
    dash.controls["reference"].value = "typical doctor"
    assert dash.result["human_error"] == 0.01
    assert dash.result["focus"] == hl.FOCUS_UNCLEAR
    assert dash.result["recipe"][0].startswith("surpassed human level")
    assert _bar_widths(dash)[0] == pytest.approx(0.7)  # only the training error, hatched
    assert dash.figure.axes[0].patches[0].get_hatch() == "///"
    assert dash.png != before


def test_training_error_slider_moves_bias_into_variance(dash):
    before = dash.png, dash.result["avoidable_bias"]
    dash.controls["train_error"].value = 0.005
    assert dash.result["avoidable_bias"] == pytest.approx(0.0)
    assert dash.result["avoidable_bias"] < before[1]
    assert dash.result["variance"] == pytest.approx(0.003)
    assert dash.result["focus"] == hl.FOCUS_VARIANCE
    assert dash.png != before[0]


def test_dev_error_slider_grows_the_variance_and_rescales(dash):
    before = dash.png, dash.result["variance"]
    dash.controls["dev_error"].value = 0.05
    assert dash.result["variance"] > before[1] and dash.result["focus"] == hl.FOCUS_VARIANCE
    assert dash.figure.axes[0].get_xlim()[1] == pytest.approx(10.0)  # zoomed out to 0-10 %
    assert "variance 4.3 %" in " ".join(t.get_text() for t in dash.figure.axes[0].texts)
    assert dash.png != before[0]


def test_small_moves_use_the_fast_path(dash):
    renders = dash.full_renders
    dash.controls["dev_error"].value = 0.0082
    dash.controls["dev_error"].value = 0.0085
    assert dash.full_renders == renders  # same 0-1 % zoom: only the moving layer is redrawn
    dash.controls["dev_error"].value = 0.012
    assert dash.full_renders == renders + 1  # a new zoom redraws the static layer once


def test_reference_diagnosis_rejects_unknown_reference():
    with pytest.raises(ValueError, match="reference must be one of"):
        reference_diagnosis(hl.LECTURE_LADDER, "nurse", 0.01, 0.02)
