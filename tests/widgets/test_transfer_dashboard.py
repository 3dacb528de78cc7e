"""The transfer-learning dashboard, driven from the kernel as a learner's controls would."""

import numpy as np
import pytest

from course_lib.c3_structuring_ml import transfer as tr
from course_lib.c3_structuring_ml.transfer_dashboard import transfer_dashboard


@pytest.fixture(scope="module")
def pretrained():
    X_A, Y_A = tr.related_tasks(5000, "A", seed=0)
    return tr.pretrain(X_A, Y_A)


@pytest.fixture(scope="module")
def study(pretrained):
    variants = {"from scratch": ("random", 0), "new head only": ("pre-trained", 2)}
    return tr.transfer_study(pretrained, [10, 100], seeds=(0,), variants=variants, m_dev=500)


@pytest.fixture
def dash(pretrained, study):
    return transfer_dashboard(pretrained, study, frozen_layers=2, m_B=20, m_dev=1000)


def test_initial_state_is_the_new_head_on_20_examples(dash, pretrained):
    assert dash.controls["frozen_layers"].continuous_update is False
    assert dash.controls["frozen_layers"].max == 2
    assert dash.controls["m_B"].continuous_update is False
    assert dash.settings.value == "<code>frozen_layers=2, m_B=20, start='pre-trained'</code>"
    X, Y = tr.related_tasks(1000, "B", seed=1000)
    X_dev, Y_dev = tr.related_tasks(1000, "B", seed=1)
    expected = tr.transfer_run(pretrained, X[:, :20], Y[:, :20], X_dev, Y_dev, "pre-trained", 2)
    assert dash.result["dev_error"] == expected["dev_error"]
    np.testing.assert_array_equal(dash.result["parameters"]["W2"], pretrained["W2"])
    curve_ax = dash.figure.axes[1]
    assert len(curve_ax.lines) == 3  # two study curves and the star
    assert "m_B$ = 20" in curve_ax.get_title()


def test_frozen_layers_slider_fine_tunes_more_layers(dash, pretrained):
    dash.controls["m_B"].value = 1000
    head_only, before_png = dash.result["dev_error"], dash.png
    dash.controls["frozen_layers"].value = 0
    assert not np.array_equal(dash.result["parameters"]["W1"], pretrained["W1"])
    assert dash.result["dev_error"] < head_only - 0.02  # with much data, fine-tuning pays
    assert dash.png != before_png and dash.figure.axes[0].get_title() == "0 frozen layers"
    texts = [t.get_text() for t in dash.figure.axes[0].texts]
    assert "from task A, trained on B" in texts


def test_m_B_slider_changes_the_training_set(dash):
    before_error, before_png = dash.result["dev_error"], dash.png
    dash.controls["m_B"].value = 500
    assert dash.values["m_B"] == 500
    assert dash.result["dev_error"] < before_error  # more examples of B, fewer errors
    assert dash.png != before_png and "m_B$ = 500" in dash.figure.axes[1].get_title()
    star = dash.figure.axes[1].lines[-1]
    assert star.get_xdata()[0] == 500


def test_start_dropdown_removes_the_transfer(dash):
    transferred, before_png = dash.result["dev_error"], dash.png
    dash.controls["start"].value = "random"
    assert dash.result["dev_error"] > transferred + 0.05  # frozen random layers are no help
    assert dash.png != before_png and "random start" in dash.figure.axes[1].get_title()
    texts = [t.get_text() for t in dash.figure.axes[0].texts]
    assert "new, random, frozen" in texts
