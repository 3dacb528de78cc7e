"""Widget tests: every control of the convolution/pooling explorer changes its result and plot."""

import numpy as np
import pytest

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import convolution_dashboard as cd


@pytest.fixture(scope="module")
def dash():
    return cd.convolution_explorer()


def _change(dash, name, value):
    before_png, before = dash.png, dash.result
    dash.controls[name].value = value
    assert dash.values[name] == value
    assert f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


def test_starts_as_two_by_two_max_pooling(dash):
    result = dash.result
    # 8x8 digit, f = 2, s = 2, p = 0: a 4 x 4 map of window maxima.
    assert (result["n_H"], result["n_W"]) == (4, 4)
    image = cd.digit_image(0)
    np.testing.assert_array_equal(result["output"], image.reshape(4, 2, 4, 2).max(axis=(1, 3)))


def test_f_stride_pad_change_the_output_size(dash):
    _, after = _change(dash, "f", 3)
    assert after["n_H"] == cv.conv_output_size(8, 3, 0, 2) == 3
    _, after = _change(dash, "stride", 1)
    assert after["n_H"] == 6
    _, after = _change(dash, "pad", 2)
    assert after["n_H"] == 10 and after["padded"].shape == (12, 12)
    assert after["padded"][:2].sum() == 0  # the padding is zeros


def test_window_slider_moves_the_window(dash):
    dash.controls["stride"].value = 2
    _, after = _change(dash, "window", 5)
    n_W = after["n_W"]
    assert (after["h"], after["w"]) == divmod(5, n_W)
    assert after["vert_start"] == 2 * after["h"] and after["horiz_start"] == 2 * after["w"]
    box = dash.figure._course_artists["box"]
    offset = cd.MAX_PAD - dash.values["pad"]
    assert box.get_x() == pytest.approx(offset + after["horiz_start"] - 0.5)
    # A window index past the last position is clipped to it.
    _, after = _change(dash, "window", 143)
    assert (after["h"], after["w"]) == (after["n_H"] - 1, after["n_W"] - 1)
    assert after["value"] == after["slice"].max()


def test_modes(dash):
    _, after = _change(dash, "mode", "average pooling")
    assert after["value"] == pytest.approx(after["slice"].mean())
    _, after = _change(dash, "mode", "conv: vertical edge")
    kernel = cd.edge_kernel(dash.values["f"])
    assert after["value"] == pytest.approx(np.sum(after["slice"] * kernel))
    assert dash.live and dash.full_renders == 1  # only the moving layer is redrawn


def test_edge_kernel_and_window_view_errors():
    np.testing.assert_array_equal(cd.edge_kernel(3), [[1, 0, -1]] * 3)
    with pytest.raises(ValueError, match="mode"):
        cd.window_view(np.zeros((4, 4)), 2, 1, 0, "median")
    with pytest.raises(ValueError, match=r"\(n, n\)"):
        cd.window_view(np.zeros((4, 5)), 2, 1, 0, "max")
