"""The shallow-network dashboard, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.c1_neural_networks.shallow_network_dashboard import (
    shallow_network_dashboard,
    train_for_dashboard,
)
from course_lib.data import load_planar_dataset

ITERATIONS = 300


@pytest.fixture(scope="module")
def flower():
    return load_planar_dataset(m=160)


@pytest.fixture
def dash(flower):
    return shallow_network_dashboard(*flower, num_iterations=ITERATIONS)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _shown_png(dash) -> bytes:
    (output,) = dash.plot.outputs
    return base64.b64decode(output["data"]["image/png"])


def test_initial_state(dash, flower):
    expected = train_for_dashboard(*flower, 4, 1.2, "tanh", ITERATIONS)
    assert dash.result["costs"] == expected["costs"]
    assert dash.result["accuracy"] == expected["accuracy"]
    assert dash.settings.value == "<code>n_h=4, learning_rate=1.2, activation='tanh'</code>"
    assert _shown_png(dash) == dash.png and dash.png.startswith(b"\x89PNG")
    slider = dash.controls["n_h"]
    assert (slider.min, slider.max, slider.continuous_update) == (1, 50, False)
    assert list(dash.controls["activation"].options) == ["tanh", "relu", "sigmoid"]


def test_changing_hidden_units_retrains_and_redraws(dash, flower):
    before_png, before_result = dash.png, dash.result
    seen = []
    dash.progress.observe(lambda change: seen.append(change["new"]), "value")
    dash.controls["n_h"].value = 1
    assert dash.values["n_h"] == 1
    assert dash.result["parameters"]["W1"].shape == (1, 2)
    assert dash.result["costs"] != before_result["costs"]
    assert dash.result["accuracy"] < before_result["accuracy"]
    assert "n_h=1" in dash.settings.value
    assert "1 hidden tanh unit," in dash.figure._suptitle.get_text()
    cost_ax = dash.figure.axes[1]
    current, previous = cost_ax.lines[1], cost_ax.lines[0]
    np.testing.assert_array_equal(current.get_ydata(), dash.result["costs"])
    np.testing.assert_array_equal(previous.get_ydata(), before_result["costs"])
    changed = np.any(_pixels(before_png) != _pixels(dash.png), axis=-1).mean()
    assert changed > 0.01, f"only {changed:.2%} of the pixels changed"
    assert _shown_png(dash) == dash.png
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 5
    assert dash.progress.layout.visibility == "hidden"


def test_activation_and_learning_rate_reach_the_training(dash, flower):
    dash.controls["activation"].value = "relu"
    dash.controls["learning_rate"].value = 0.1
    expected = train_for_dashboard(*flower, 4, 0.1, "relu", ITERATIONS)
    assert dash.result["costs"] == expected["costs"]
    assert dash.result["activation"] == "relu"
    assert dash.settings.value == "<code>n_h=4, learning_rate=0.1, activation='relu'</code>"
    predictions = sn.predict(dash.result["parameters"], flower[0], "relu")
    assert dash.result["accuracy"] == float(np.mean(predictions == flower[1]))
    assert "relu" in dash.figure._suptitle.get_text()
