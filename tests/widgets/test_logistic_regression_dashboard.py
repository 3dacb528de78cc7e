"""The Course 1 learning-rate dashboard, driven from the kernel as a learner's slider would."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.logistic_regression_dashboard import (
    learning_rate_dashboard,
    train_logistic_regression,
)
from course_lib.data import load_faces

NUM_ITERATIONS = 300  # the dashboard records the cost every 10 iterations: 30 costs, 30 steps
START, NEW = 0.001, 0.5  # on the faces, 84 % -> 100 % train accuracy


@pytest.fixture(scope="module")
def faces_xy():
    faces = load_faces()
    return (
        lr.flatten_images(faces.train_x_orig),
        faces.train_y,
        lr.flatten_images(faces.test_x_orig),
        faces.test_y,
    )


@pytest.fixture
def dash(faces_xy):
    return learning_rate_dashboard(*faces_xy, num_iterations=NUM_ITERATIONS, learning_rate=START)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _shown_png(dash) -> bytes:
    (output,) = dash.plot.outputs
    assert output["output_type"] == "display_data"
    return base64.b64decode(output["data"]["image/png"])


def _lines(dash):
    return {line.get_label(): line for line in dash.figure.axes[0].lines}


def _same_result(a: dict, b: dict) -> None:
    np.testing.assert_array_equal(a["w"], b["w"])
    assert a["b"] == b["b"]
    assert a["costs"] == b["costs"]
    assert (a["train_accuracy"], a["test_accuracy"]) == (b["train_accuracy"], b["test_accuracy"])


def test_initial_state(dash, faces_xy):
    _same_result(dash.result, train_logistic_regression(*faces_xy, START, NUM_ITERATIONS, None, 10))
    assert dash.values == {"learning_rate": START}
    assert dash.settings.value == "<code>learning_rate=0.001</code>"
    assert dash.png.startswith(b"\x89PNG")
    assert _shown_png(dash) == dash.png
    assert dash.progress.value == 1.0
    assert dash.progress.layout.visibility == "hidden"
    assert dash.updates == 1
    lines = _lines(dash)
    np.testing.assert_array_equal(lines["current"].get_ydata(), dash.result["costs"])
    np.testing.assert_array_equal(lines["current"].get_xdata(), np.arange(0, 300, 10))
    assert len(lines["previous"].get_ydata()) == 0


def test_slider_is_a_log_slider_that_trains_on_release(dash):
    slider = dash.controls["learning_rate"]
    assert type(slider).__name__ == "FloatLogSlider"
    assert slider.continuous_update is False
    assert (slider.base, slider.min, slider.max) == (10, -5, 1)  # 1e-5 to 10


def test_moving_the_slider_retrains_and_redraws(dash, faces_xy):
    before = {
        "result": dash.result,
        "png": dash.png,
        "settings": dash.settings.value,
        "title": dash.figure._suptitle.get_text(),
    }

    dash.controls["learning_rate"].value = NEW

    # The model was retrained with the new learning rate...
    assert dash.values == {"learning_rate": NEW}
    _same_result(dash.result, train_logistic_regression(*faces_xy, NEW, NUM_ITERATIONS, None, 10))
    assert dash.result["costs"][1:] != before["result"]["costs"][1:]
    assert dash.result["costs"][-1] < before["result"]["costs"][-1]
    assert dash.result["train_accuracy"] > before["result"]["train_accuracy"]
    assert dash.result["test_accuracy"] != before["result"]["test_accuracy"]
    assert dash.updates == 2
    # ...the settings line and the title say so...
    assert dash.settings.value == "<code>learning_rate=0.5</code>" != before["settings"]
    title = dash.figure._suptitle.get_text()
    assert title != before["title"]
    assert "= 0.5:" in title
    assert f"{100 * dash.result['test_accuracy']:.0f} %" in title
    # ...the plotted data are the new costs, with the previous run dashed behind them...
    lines = _lines(dash)
    np.testing.assert_array_equal(lines["current"].get_ydata(), dash.result["costs"])
    np.testing.assert_array_equal(lines["previous"].get_ydata(), before["result"]["costs"])
    assert lines["previous"].get_linestyle() == "--"
    bars = dash.figure.axes[1].patches
    assert [bar.get_height() for bar in bars] == [
        dash.result["train_accuracy"],
        dash.result["test_accuracy"],
    ]
    # ...the picture changed visibly and the Output widget shows the new one...
    assert dash.png != before["png"]
    old, new = _pixels(before["png"]), _pixels(dash.png)
    assert old.shape == new.shape
    changed = np.any(old != new, axis=-1).mean()
    assert changed > 0.005, f"only {changed:.2%} of the pixels changed"
    assert _shown_png(dash) == dash.png
    assert dash.plot.outputs[0]["data"]["text/plain"] == "<figure: learning_rate=0.5>"
    # ...and the progress bar reached the end and was put away.
    assert dash.progress.value == 1.0
    assert dash.progress.layout.visibility == "hidden"
    assert "updated in" in dash.status.value


def test_progress_moves_in_steps_of_10_iterations(dash):
    seen = []
    dash.progress.observe(
        lambda change: seen.append((change["new"], dash.progress.layout.visibility)), "value"
    )
    dash.controls["learning_rate"].value = NEW
    assert [value for value, _ in seen] == pytest.approx([k / 30 for k in range(31)])
    assert {visibility for _, visibility in seen} == {"visible"}


def test_moving_back_gives_the_first_result_again(dash):
    first = dash.result
    dash.controls["learning_rate"].value = NEW
    new_costs = dash.result["costs"]
    dash.controls["learning_rate"].value = START
    _same_result(dash.result, first)  # a pure compute: same settings, same model
    lines = _lines(dash)
    np.testing.assert_array_equal(lines["current"].get_ydata(), first["costs"])
    np.testing.assert_array_equal(lines["previous"].get_ydata(), new_costs)
    assert dash.updates == 3


@pytest.mark.parametrize("num_iterations", [1, 100, 250])
def test_train_logistic_regression_equals_model(logreg_data, num_iterations):
    progress = []
    result = train_logistic_regression(*logreg_data, 0.1, num_iterations, progress.append)
    reference = lr.model(*logreg_data, num_iterations=num_iterations, learning_rate=0.1)
    np.testing.assert_array_equal(result["w"], reference["w"])
    assert result["b"] == reference["b"]
    assert result["costs"] == reference["costs"]
    assert result["train_accuracy"] == lr.accuracy(reference["Y_prediction_train"], logreg_data[1])
    assert result["test_accuracy"] == lr.accuracy(reference["Y_prediction_test"], logreg_data[3])
    assert progress[-1] == 1.0
    assert progress == sorted(progress)
    assert len(progress) == -(-num_iterations // 100)


def test_the_slider_range_shows_crawling_and_overshooting(dash):
    # The cost is recorded every 10 iterations, fine enough to catch a too-large rate's jumps.
    dash.controls["learning_rate"].value = 1e-5
    crawl = np.array(dash.result["costs"])
    assert crawl[-1] > 0.6 and np.all(np.diff(crawl) <= 0)  # barely moves from log 2 = 0.69
    dash.controls["learning_rate"].value = 10.0
    jumpy = np.array(dash.result["costs"])
    assert np.sum(np.diff(jumpy) > 0) >= 3 and jumpy.max() > 2 * jumpy[0]  # overshoots
    assert "overshooting" in dash.figure.axes[0].get_title()
    assert dash.figure.axes[0].get_yscale() == "log"
