"""Plot helpers return the artists they drew, with the data they were given."""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.contour import QuadContourSet
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

from course_lib.plots import image_grid, log_cost_axis, plot_cost_curve, plot_decision_boundary


def test_plot_cost_curve_data_and_labels():
    fig, ax = plt.subplots()
    costs = [0.69, 0.5, 0.41, 0.37]
    line = plot_cost_curve(ax, costs, every=100, label="alpha = 0.01", color="C3")
    assert isinstance(line, Line2D)
    assert line.axes is ax
    np.testing.assert_array_equal(line.get_xdata(), [0, 100, 200, 300])
    np.testing.assert_array_equal(line.get_ydata(), costs)
    assert line.get_label() == "alpha = 0.01"
    assert line.get_color() == "C3"
    assert ax.get_xlabel() == "iteration"
    assert ax.get_ylabel() == "cost J"


def test_plot_cost_curve_every_and_new_axes():
    line = plot_cost_curve(None, [3.0, 2.0, 1.0], every=10)
    np.testing.assert_array_equal(line.get_xdata(), [0, 10, 20])
    assert line.axes is not None
    assert line.axes.figure in [plt.figure(n) for n in plt.get_fignums()]


def test_plot_cost_curve_accepts_no_costs_yet():
    line = plot_cost_curve(None, [])
    assert len(line.get_xdata()) == 0


def _two_moons_like():
    X = np.array([[-2.0, -1.0, 1.0, 2.0, -1.5, 1.5], [0.0, 1.0, -1.0, 0.0, -0.5, 0.5]])
    Y = np.array([[0, 0, 1, 1, 0, 1]])
    return X, Y


def test_plot_decision_boundary_artists_and_grid():
    X, Y = _two_moons_like()
    calls = []

    def predict(points):
        calls.append(points.shape)
        return (points[0:1] > 0).astype(float)

    fig, ax = plt.subplots()
    regions, points = plot_decision_boundary(ax, predict, X, Y, resolution=50, margin=0.5)
    assert calls == [(2, 2500)]
    assert isinstance(regions, QuadContourSet) and isinstance(points, PathCollection)
    assert regions.axes is ax and points.axes is ax
    np.testing.assert_array_equal(points.get_offsets(), X.T)
    np.testing.assert_array_equal(points.get_array(), Y.ravel())
    # Both classes are shaded: the filled levels span 0 to 1.
    assert regions.levels.min() <= 0 and regions.levels.max() >= 1
    assert ax.get_xlim() == pytest.approx((-2.5, 2.5))
    assert ax.get_ylim() == pytest.approx((-1.5, 1.5))
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"


def _x_range_of_level(regions, level):
    vertices = regions.get_paths()[level].vertices
    return vertices[:, 0].min(), vertices[:, 0].max()


@pytest.mark.parametrize("positive_right", [True, False])
def test_plot_decision_boundary_shades_where_the_classifier_says(positive_right):
    X, Y = _two_moons_like()

    def predict(points):
        right = points[0:1] > 0
        return (right if positive_right else ~right).astype(float)

    regions, _ = plot_decision_boundary(None, predict, X, Y, resolution=40)
    step = 5.0 / 39  # grid spacing: the boundary is interpolated within one cell of x1 = 0
    low, high = _x_range_of_level(regions, 0), _x_range_of_level(regions, -1)
    if positive_right:  # label 0 fills x1 < 0, label 1 fills x1 > 0
        assert low[0] == pytest.approx(-2.5) and low[1] <= step
        assert high[1] == pytest.approx(2.5) and high[0] >= -step
    else:
        assert low[1] == pytest.approx(2.5) and low[0] >= -step
        assert high[0] == pytest.approx(-2.5) and high[1] <= step


def test_plot_decision_boundary_accepts_a_flat_prediction():
    X, Y = _two_moons_like()
    regions, _ = plot_decision_boundary(None, lambda p: (p[1] > 0).astype(int), X, Y, 20)
    assert regions.levels.max() >= 1


def test_image_grid_layout_images_and_titles():
    images = np.random.default_rng(0).random((5, 6, 6))
    fig = image_grid(images, titles=["a", "b", "c"], ncols=3)
    assert isinstance(fig, Figure)
    axes = fig.axes
    assert len(axes) == 6  # 2 rows of 3
    drawn = [ax.images for ax in axes]
    assert [len(d) for d in drawn] == [1, 1, 1, 1, 1, 0]
    for i in range(5):
        image = drawn[i][0]
        assert isinstance(image, AxesImage)
        np.testing.assert_array_equal(image.get_array(), images[i])
        assert image.get_cmap().name == "gray"
    assert [ax.get_title() for ax in axes] == ["a", "b", "c", "", "", ""]
    assert all(not ax.axison for ax in axes)


def test_image_grid_colour_images_and_few_images():
    images = np.random.default_rng(1).random((2, 4, 4, 3))
    fig = image_grid(images, ncols=8)
    assert len(fig.axes) == 2  # ncols shrinks to the number of images
    image = fig.axes[0].images[0]
    assert image.get_array().shape == (4, 4, 3)
    assert image.get_cmap().name != "gray"


def test_image_grid_single_image():
    fig = image_grid(np.zeros((1, 3, 3)))
    assert len(fig.axes) == 1


def test_image_grid_rejects_no_images():
    with pytest.raises(ValueError, match="at least one image"):
        image_grid(np.zeros((0, 4, 4)))


def test_cost_and_accuracy_panels_keep_the_previous_run():
    from course_lib.plots import CostAndAccuracyPanels

    fig, (cost_ax, acc_ax) = plt.subplots(1, 2)
    panels = CostAndAccuracyPanels(cost_ax, acc_ax, ("train", "dev"), every=10)
    panels.update([0.7, 0.5], (0.9, 0.8))
    panels.update([0.6, 0.3, 0.2], (1.0, 0.75))
    np.testing.assert_array_equal(panels.current.get_xdata(), [0, 10, 20])
    np.testing.assert_array_equal(panels.previous.get_ydata(), [0.7, 0.5])
    assert [b.get_height() for b in panels.bars] == [1.0, 0.75]
    assert [t.get_text() for t in panels.labels] == ["100 %", "75 %"]
    assert [t.get_text() for t in acc_ax.get_xticklabels()] == ["train", "dev"]
    with pytest.raises(ValueError, match="expected 2 accuracies"):
        panels.update([0.1], (0.5,))


def test_flowchart_helpers_draw_boxes_arrows_and_labels():
    from course_lib.plots import FLOW_BOX_STYLES, flow_arrow, flow_box, flowchart_axes

    ax = flowchart_axes(None, (0, 10), (0, 5))
    assert ax.get_xlim() == (0, 10) and not ax.axison
    box = flow_box(ax, 2, 3, "High bias?", "question")
    assert box.get_text() == "High bias?"
    assert box.get_bbox_patch().get_facecolor()[:3] == pytest.approx(
        matplotlib.colors.to_rgb(FLOW_BOX_STYLES["question"]["fc"])
    )
    flow_arrow(ax, (3, 3), (6, 3), "yes")
    assert [t.get_text() for t in ax.texts] == ["High bias?", "", "yes"]
    assert ax.texts[-1].get_position() == (4.5, 3.0)  # the label sits midway by default
    with pytest.raises(ValueError, match="unknown box kind"):
        flow_box(ax, 0, 0, "?", "banana")


@pytest.mark.parametrize(
    "costs", [[0.6931, 0.6925], [0.69, 0.5, 0.3, 0.2], [0.7, 12.0, 0.05], [5.0, 0.003]]
)
def test_log_cost_axis_always_shows_numbers(costs):
    fig = Figure(figsize=(4, 3))
    ax = fig.subplots()
    ax.plot(costs)
    log_cost_axis(ax)
    fig.canvas.draw()
    low, high = ax.get_ylim()
    labels = [
        t.get_text()
        for t in ax.yaxis.get_majorticklabels() + ax.yaxis.get_minorticklabels()
        if t.get_text() and low <= t.get_position()[1] <= high
    ]
    assert len(labels) >= 2, labels
