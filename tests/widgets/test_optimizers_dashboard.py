"""Widget tests: every slider of the optimisation dashboards changes the result and the plot."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns import optimizers as o
from course_lib.c2_improving_dnns import optimizers_dashboard as od
from course_lib.c2_improving_dnns.ewma_dashboard import ewma_dashboard


def _changes(dash, name, value):
    before_png, before_text = dash.png, dash.settings_text
    before = dash.result
    dash.controls[name].value = value
    assert dash.values[name] == pytest.approx(value)
    assert dash.settings_text != before_text and f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


@pytest.mark.parametrize(
    "name, value, changed",
    [
        ("learning_rate", 0.05, ("gd", "momentum", "rmsprop", "adam")),
        ("beta", 0.5, ("momentum",)),
        ("beta1", 0.5, ("adam",)),
        ("beta2", 0.9, ("rmsprop", "adam")),
    ],
)
def test_path_sliders_change_their_paths(name, value, changed):
    dash = od.optimizer_paths_dashboard()
    before, after = _changes(dash, name, value)
    for opt in before:
        same = np.array_equal(before[opt], after[opt])
        assert same != (opt in changed), opt
    lines = dash.figure._course_artists["lines"]
    np.testing.assert_array_equal(lines["adam"].get_xdata(), after["adam"][:, 0])
    assert dash.live and dash.full_renders == 1  # contours drawn once, paths redrawn


def test_mini_batch_size_slider():
    X, Y = o.load_dataset(80)
    dash = od.mini_batch_dashboard(X, Y, num_epochs=2)
    before, after = _changes(dash, "mini_batch_size", 80)
    assert before["updates"] == 4 and after["updates"] == 2
    assert not dash.live
    title = dash.figure.axes[0].get_title()
    assert "batch GD" in title and "80" in title


def test_decay_rate_slider():
    dash = od.lr_decay_dashboard()
    before, after = _changes(dash, "decay_rate", 1.0)
    assert after["inverse time"][-1] < before["inverse time"][-1]
    line = dash.figure._course_artists["lines"]["inverse time"]
    np.testing.assert_array_equal(line.get_ydata(), after["inverse time"])


def test_ewma_controls():
    dash = ewma_dashboard()
    before, after = _changes(dash, "beta", 0.98)
    assert after["window"] == pytest.approx(50)
    assert np.abs(np.diff(after["V"])).mean() < np.abs(np.diff(before["V"])).mean()
    before, after = _changes(dash, "bias_correction", True)
    assert after["V"][0] > 5 * before["V"][0]  # the cold start is gone
    _, after = _changes(dash, "show_mistake", True)
    assert after["wrong"] is not None
    assert dash.figure._course_artists["wrong"].get_visible()
