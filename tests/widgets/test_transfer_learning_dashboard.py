"""Widget tests: the data-size slider and the head's lambda change the curve and the plot."""

import numpy as np
import pytest

from course_lib.c4_convnets import transfer_learning as tl
from course_lib.c4_convnets.transfer_learning_dashboard import data_size_dashboard


@pytest.fixture(scope="module")
def dash():
    rng = np.random.default_rng(0)
    y_train, y_test = np.repeat([0, 1], 20), np.repeat([0, 1], 10)
    signal = (rng.normal(size=(40, 5)) + 1.5 * y_train[:, None], rng.normal(size=(20, 5)))
    signal[1][:] += 1.5 * y_test[:, None]
    reps = {"signal": signal, "noise": (rng.normal(size=(40, 5)), rng.normal(size=(20, 5)))}
    return data_size_dashboard(reps, y_train, y_test, sizes=(1, 3, 10), repeats=3), reps


def test_examples_slider_moves_the_selection(dash):
    d, reps = dash
    before_png, before = d.png, d.result
    d.controls["examples_per_class"].value = 10
    assert d.result["k"] == 10 and before["k"] == 3
    assert d.result["curve"] is before["curve"]  # same lambda: the curve is reused
    np.testing.assert_array_equal(d.result["at_k"]["signal"], before["curve"]["signal_all"][2])
    assert d.png != before_png and "examples_per_class=10" in d.settings_text
    assert "k = 10" in d.figure.axes[1].get_title()


def test_lambda_slider_recomputes_the_curve(dash):
    d, reps = dash
    before_png, before = d.png, d.result
    d.controls["l2"].value = 100.0
    assert not np.array_equal(d.result["curve"]["signal_all"], before["curve"]["signal_all"])
    want = tl.data_size_curve(reps, *_labels(), (1, 3, 10), 3, 0, 100.0)
    np.testing.assert_allclose(d.result["curve"]["signal"], want["signal"])
    assert d.png != before_png and "λ = 100" in d.figure.axes[0].get_title()
    assert not d.live


def _labels():
    return np.repeat([0, 1], 20), np.repeat([0, 1], 10)


def test_measured_points_are_drawn_and_named_at_their_k():
    rng = np.random.default_rng(1)
    y_train, y_test = _labels()
    reps = {"pixels": (rng.normal(size=(40, 3)), rng.normal(size=(20, 3)))}
    measured = {"fine-tuned": {3: 0.9, 10: 0.95}}
    d = data_size_dashboard(reps, y_train, y_test, (1, 3, 10), repeats=2, measured=measured)
    line = [ln for ln in d.figure.axes[0].lines if ln.get_label().startswith("fine-tuned")][0]
    np.testing.assert_array_equal(line.get_ydata(), [0.9, 0.95])
    assert "fine-tuned 0.90" in d.figure.axes[1].get_title()
    d.controls["examples_per_class"].value = 1  # not measured there: no note
    assert "fine-tuned" not in d.figure.axes[1].get_title()
