"""The depth/width dashboard, driven from the kernel as a learner's sliders would."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from PIL import Image

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.deep_network_dashboard import (
    depth_width_dashboard,
    depth_width_grid,
    plot_depth_width_grid,
    train_deep_network,
)
from course_lib.c1_neural_networks.logistic_regression import flatten_images
from course_lib.data import load_faces

NUM_ITERATIONS = 300


@pytest.fixture(scope="module")
def faces():
    f = load_faces()
    data = (flatten_images(f.train_x_orig), f.train_y, flatten_images(f.test_x_orig), f.test_y)
    return data, f.test_x_orig


@pytest.fixture
def dash(faces):
    data, images = faces
    return depth_width_dashboard(
        *data, hidden_layers=1, units=4, num_iterations=NUM_ITERATIONS, test_images=images
    )


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_initial_state(dash, faces):
    data, _ = faces
    expected = train_deep_network(*data, 1, 4, num_iterations=NUM_ITERATIONS)
    assert dash.result["costs"] == expected["costs"]
    assert dash.result["layers_dims"] == [625, 4, 1]
    assert dash.values == {"hidden_layers": 1, "units": 4}
    assert dash.settings.value == "<code>hidden_layers=1, units=4</code>"
    assert dash.png.startswith(b"\x89PNG")
    for control in dash.controls.values():
        assert control.continuous_update is False
    assert dash.progress.value == 1.0 and dash.progress.layout.visibility == "hidden"


@pytest.mark.parametrize(
    ("name", "value", "dims"),
    [("hidden_layers", 3, [625, 4, 4, 4, 1]), ("units", 16, [625, 16, 1])],
)
def test_a_slider_retrains_and_redraws(dash, faces, name, value, dims):
    data, _ = faces
    before = (dash.result, dash.png, dash.settings.value, dash.figure._suptitle.get_text())
    seen = []
    dash.progress.observe(lambda change: seen.append(change["new"]), "value")

    dash.controls[name].value = value

    assert dash.result["layers_dims"] == dims
    reference, costs = dn.L_layer_model(data[0], data[1], dims, 0.0075, NUM_ITERATIONS)
    assert dash.result["costs"] == costs
    np.testing.assert_array_equal(dash.result["parameters"]["W1"], reference["W1"])
    assert dash.result["costs"] != before[0]["costs"]
    assert dash.result["n_parameters"] == dn.count_parameters(dims)
    assert dash.settings.value != before[2] and f"{name}={value}" in dash.settings.value
    title = dash.figure._suptitle.get_text()
    assert title != before[3] and " -> ".join(map(str, dims)) in title
    lines = {line.get_label(): line for line in dash.figure.axes[0].lines}
    np.testing.assert_array_equal(lines["current"].get_ydata(), dash.result["costs"])
    np.testing.assert_array_equal(lines["previous"].get_ydata(), before[0]["costs"])
    bars = [bar.get_height() for bar in dash.figure.axes[1].patches]
    assert bars == [dash.result["train_accuracy"], dash.result["test_accuracy"]]
    assert dash.png != before[1]
    assert np.any(_pixels(dash.png) != _pixels(before[1]), axis=-1).mean() > 0.005
    shown = base64.b64decode(dash.plot.outputs[0]["data"]["image/png"])
    assert shown == dash.png
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 5
    assert dash.progress.layout.visibility == "hidden"


def test_mistakes_panel_shows_the_misclassified_images(dash, faces):
    _, images = faces
    mosaic = dash.figure.axes[2].images[0].get_array()
    wrong = dash.result["wrong_test"]
    assert f"({len(wrong)})" in dash.figure.axes[2].get_title()
    if len(wrong):
        np.testing.assert_allclose(mosaic[:25, :25], images[wrong[0]])


def test_final_cost_is_the_cost_after_the_last_step_not_the_last_recorded_one(dash, faces):
    data, _ = faces
    AL, _ = dn.L_model_forward(data[0], dash.result["parameters"])
    assert dash.result["final_cost"] == dn.compute_cost(AL, data[1])
    # costs[-1] was taken 100 steps earlier (iteration 200 of 300): a higher cost.
    assert dash.result["final_cost"] < dash.result["costs"][-1] - 1e-3
    assert f"final cost {dash.result['final_cost']:.3f}" in dash.figure._suptitle.get_text()


def test_train_deep_network_rejects_zero_layers(faces):
    data, _ = faces
    with pytest.raises(ValueError, match="hidden_layers"):
        train_deep_network(*data, 0, 4)


def test_the_depth_width_map_tabulates_the_dashboards_own_runs(faces):
    data, _ = faces
    grid = depth_width_grid(*data, depths=(1, 3), widths=(1, 8), num_iterations=100)
    assert grid["final_cost"].shape == grid["test_accuracy"].shape == (2, 2)
    for i, depth in enumerate((1, 3)):
        for j, width in enumerate((1, 8)):
            run = train_deep_network(*data, depth, width, num_iterations=100)
            assert grid["final_cost"][i, j] == run["final_cost"]
            assert grid["train_accuracy"][i, j] == run["train_accuracy"]
            assert grid["test_accuracy"][i, j] == run["test_accuracy"]
    fig = plot_depth_width_grid(grid)
    labels = [text.get_text() for ax in fig.axes for text in ax.texts]
    assert len(fig.axes) == 3 and len(labels) == 12  # every cell of every panel labelled
    assert f"{100 * grid['test_accuracy'][0, 1]:.0f}" in labels
