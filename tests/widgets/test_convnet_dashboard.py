"""Widget test: the ConvNet's feature-map dashboard follows its controls."""

import numpy as np
import pytest

from course_lib.c4_convnets import convnet as cn
from course_lib.c4_convnets import convnet_dashboard as cd


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 1, (4, 32, 32, 3))
    labels = np.array([[0, 1, 2, 3]])
    return X, labels, cn.initialize_parameters((32, 32, 3), seed=0)


def test_layer_volumes_shapes_and_probabilities(problem):
    X, _, p = problem
    shapes = {v: cd.layer_volumes(X, p, 1, v)["maps"].shape for v in cd.VOLUMES}
    assert shapes == {"A1": (32, 32, 8), "P1": (4, 4, 8), "A2": (4, 4, 16), "P2": (1, 1, 16)}
    result = cd.layer_volumes(X, p, 1, "P2")
    assert np.isclose(result["probabilities"].sum(), 1)
    assert result["prediction"] == int(cn.predict(X[1:2], p)[0, 0])
    # P2 is the max-pool of A2 (4x4 windows over a 4x4 volume)
    A2 = cd.layer_volumes(X, p, 1, "A2")["maps"]
    assert np.allclose(result["maps"][0, 0], A2.max(axis=(0, 1)))


def test_bad_index_and_volume(problem):
    X, _, p = problem
    with pytest.raises(ValueError, match="0 .. 3"):
        cd.layer_volumes(X, p, 4, "A1")
    with pytest.raises(ValueError, match="volume"):
        cd.layer_volumes(X, p, 0, "Z9")


def test_controls_change_result_and_png(problem):
    X, labels, p = problem
    dash = cd.make_feature_maps_dashboard(X, labels, p)
    assert not dash.live
    first_png, first = dash.png, dash.result
    dash.controls["index"].value = 2
    assert dash.values["index"] == 2 and dash.png != first_png
    assert np.array_equal(dash.result["image"], X[2])
    assert not np.array_equal(dash.result["maps"], first["maps"])
    png = dash.png
    dash.controls["volume"].value = "A2"
    assert dash.result["maps"].shape == (4, 4, 16) and dash.png != png
    assert len(dash.figure.axes) == 2 + 16  # image, bars, one panel per channel
    assert "A2" in dash.figure._suptitle.get_text()
