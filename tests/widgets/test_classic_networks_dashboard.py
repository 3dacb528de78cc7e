"""Widget test: the LeNet-5 dashboard retrains when the activation or the pooling changes."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import classic_networks as cn

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def digits():
    X_train, y_train, X_test, y_test = cn.load_digits_32(seed=0)
    return X_train[:96], y_train[:96], X_test[:40], y_test[:40]


def test_each_control_retrains_and_redraws(tf, digits):
    from course_lib.c4_convnets.classic_networks_dashboard import lenet5_dashboard

    dash = lenet5_dashboard(*digits, epochs=2, batch_size=32)
    assert not dash.live
    first, png = dash.result, dash.png
    assert len(first["test_accuracy"]) == 2 and first["predictions"].shape == (40,)
    assert "tanh, average pooling" in dash.figure.axes[0].get_title()
    for name, value, text in [
        ("activation", "relu", "relu, average"),
        ("pool_mode", "max", "relu, max"),
    ]:
        before, before_png = dash.result, dash.png
        dash.controls[name].value = value
        assert dash.values[name] == value and f"{name}=" in dash.settings_text
        assert dash.result["loss"] != before["loss"]
        assert dash.png != before_png
        assert text in dash.figure.axes[0].get_title()
    assert dash.png != png
    line = dash.figure.axes[0].get_lines()[1]
    np.testing.assert_allclose(line.get_ydata(), dash.result["test_accuracy"])


def test_bad_choices_are_refused(digits):
    from course_lib.c4_convnets.classic_networks_dashboard import lenet5_dashboard

    with pytest.raises(ValueError, match="activation must be one of"):
        lenet5_dashboard(*digits, activation="softplus")
