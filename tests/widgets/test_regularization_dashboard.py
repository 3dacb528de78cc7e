"""The regularisation dashboard, driven from the kernel as a learner's sliders would."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.regularization_dashboard import (
    regularization_dashboard,
    train_and_score,
)

ITERATIONS = 600


@pytest.fixture(scope="module")
def data():
    return reg.make_noisy_moons(m_train=60, m_dev=200, seed=0)


@pytest.fixture
def dash(data):
    return regularization_dashboard(*data, layers_dims=(2, 30, 10, 1), num_iterations=ITERATIONS)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_controls_and_initial_state(dash, data):
    assert set(dash.controls) == {"lambd", "keep_prob1", "keep_prob2"}
    assert dash.result["train_accuracy"] >= dash.result["dev_accuracy"]
    expected = train_and_score(*data, (2, 30, 10, 1), 1e-3, [1.0, 1.0], ITERATIONS)
    assert dash.result["dev_accuracy"] == expected["dev_accuracy"]  # same seed, same run
    assert dash.progress.value == 1.0


def test_lambda_slider_retrains_and_redraws(dash):
    before_norm, before_png, before_text = dash.result["weight_norm"], dash.png, dash.settings_text
    dash.controls["lambd"].value = 10.0
    assert dash.result["weight_norm"] < 0.5 * before_norm  # weight decay shrank W
    assert "lambd=10" in dash.settings_text and dash.settings_text != before_text
    assert np.abs(_pixels(dash.png) - _pixels(before_png)).sum() > 0
    assert "10" in dash.figure.texts[0].get_text()


def test_keep_prob_slider_changes_training_and_plot(dash):
    before_params, before_png = dash.result["parameters"], dash.png
    dash.controls["keep_prob1"].value = 0.5
    assert not np.allclose(dash.result["parameters"]["W1"], before_params["W1"])
    assert "keep_prob1=0.5" in dash.settings_text
    assert "0.50" in dash.figure.texts[0].get_text()
    assert np.abs(_pixels(dash.png) - _pixels(before_png)).sum() > 0


def test_wrong_keep_probs_length(data):
    with pytest.raises(ValueError, match="one per hidden layer"):
        regularization_dashboard(*data, keep_probs=[1.0])
