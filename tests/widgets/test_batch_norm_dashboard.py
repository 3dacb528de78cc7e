"""The batch-norm on/off dashboard, driven from the kernel as a learner's controls would."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from sklearn.datasets import make_moons

from course_lib.c2_improving_dnns.batch_norm_dashboard import batch_norm_dashboard, train_pair

EPOCHS = 3


@pytest.fixture(scope="module")
def data():
    X, y = make_moons(300, noise=0.2, random_state=0)
    return X.T, y.reshape(1, -1).astype(float)


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_train_pair_matches_the_dashboard_and_reports_progress(data):
    X, Y = data
    dash = batch_norm_dashboard(X, Y, [2, 6, 6, 6, 1], num_epochs=EPOCHS)
    fractions = []
    expected = train_pair(X, Y, [2, 6, 6, 6, 1], 0.1, 64, EPOCHS, progress=fractions.append)
    assert dash.result["bn"]["costs"] == expected["bn"]["costs"]
    assert dash.result["plain"]["costs"] == expected["plain"]["costs"]
    assert fractions[-1] == 1.0 and max(fractions[: len(fractions) // 2]) <= 0.5
    assert not dash.live
    assert dash.result["bn"]["probe"].shape == (EPOCHS + 1, 200)


def test_controls_retrain_and_redraw(data):
    X, Y = data
    dash = batch_norm_dashboard(X, Y, [2, 6, 6, 6, 1], num_epochs=EPOCHS)
    assert dash.settings.value == "<code>learning_rate=0.1, mini_batch_size=64</code>"
    before_png, before = dash.png, dash.result
    dash.controls["mini_batch_size"].value = 16
    assert dash.values["mini_batch_size"] == 16
    assert dash.result["bn"]["mini_batch_size"] == 16
    assert dash.result["bn"]["costs"] != before["bn"]["costs"]
    assert "mini_batch_size=16" in dash.settings.value
    assert np.abs(_pixels(dash.png) - _pixels(before_png)).sum() > 0
    dash.controls["learning_rate"].value = 0.01
    assert dash.result["plain"]["learning_rate"] == pytest.approx(0.01)
    assert "learning_rate=0.01" in dash.settings.value
