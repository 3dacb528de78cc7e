"""Widget tests: every control of the edges dashboards changes the result and the plot."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import edges
from course_lib.c4_convnets import edges_dashboard as ed


def _changes(dash, name, value):
    before_png, before_text, before = dash.png, dash.settings_text, dash.result
    dash.controls[name].value = value
    assert dash.values[name] == value
    assert dash.settings_text != before_text and f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


@pytest.fixture(scope="module")
def picker():
    return ed.filter_picker_dashboard(max_side=64)


def test_picker_kernel_and_photo(picker):
    picker.controls["photo"].value = "camera"
    before, after = _changes(picker, "kernel", "sobel horizontal")
    np.testing.assert_array_equal(after["kernel"], edges.KERNELS["sobel horizontal"])
    np.testing.assert_array_equal(
        after["output"], edges.conv2d(after["image"], edges.KERNELS["sobel horizontal"])
    )
    art = picker.figure._course_artists
    np.testing.assert_array_equal(art["output"].get_array(), after["output"])
    assert art["titles"][0].get_text() == "sobel horizontal"
    renders = picker.full_renders
    _, after = _changes(picker, "photo", "coins")
    assert after["image"].shape != before["image"].shape
    assert picker.full_renders == renders + 1  # the photo is the static layer
    assert "coins" in art["photo_title"].get_text()


def test_picker_abs_and_flip(picker):
    picker.controls["absolute"].value = False
    picker.controls["flip"].value = False
    picker.controls["kernel"].value = "vertical"
    renders = picker.full_renders
    before, after = _changes(picker, "flip", True)
    np.testing.assert_array_equal(after["output"], -before["output"])  # flip = -K here
    before, after = _changes(picker, "absolute", True)
    np.testing.assert_array_equal(after["output"], np.abs(before["output"]))
    assert after["output"].min() >= 0
    assert picker.figure._course_artists["output"].get_cmap().name == "gray"
    assert picker.full_renders == renders  # kernel, flip and abs keep the fast path
    assert picker.live


def test_filter_response_errors():
    with pytest.raises(ValueError, match="kernel must be one of"):
        ed.filter_response("camera", "laplace")


@pytest.fixture(scope="module")
def sizes():
    return ed.output_size_dashboard(n=6, f=3, pad=0, stride=1)


def test_output_size_sliders(sizes):
    art = sizes.figure._course_artists
    assert sizes.result["n_out"] == 4
    for name, value, n_out in [("pad", 1, 6), ("stride", 2, 3), ("f", 5, 2), ("n", 12, 5)]:
        _, after = _changes(sizes, name, value)
        assert after["n_out"] == n_out, name
        assert str(n_out) in art["formula"].get_text()
        # the last window drawn ends where the last output position's window ends
        r, c = after["windows"][-1]
        last = [rect for rect in art["rects"] if rect.get_visible()][-1]
        s = sizes.values["stride"]
        assert last.get_xy() == (c * s, r * s)
        assert last.get_width() == sizes.values["f"]
    assert sizes.full_renders == 1 and sizes.live


def test_output_size_invalid_is_a_message_not_an_error(sizes):
    sizes.controls["pad"].value = 0
    sizes.controls["n"].value = 3
    _, after = _changes(sizes, "f", 7)
    assert not after["ok"] and after["windows"] == []
    art = sizes.figure._course_artists
    assert "does not fit" in art["message"].get_text()
    assert not any(rect.get_visible() for rect in art["rects"])
    assert "error" not in sizes.status.value
    _, after = _changes(sizes, "f", 3)
    assert after["ok"] and after["n_out"] == 1


def test_output_size_layout_windows():
    layout = ed.output_size_layout(7, 3, 0, 2)
    assert layout["windows"] == [(0, 0), (0, 1), (1, 0), (2, 2)] and layout["padded"] == 7
    assert ed.output_size_layout(3, 3, 0, 1)["windows"] == [(0, 0)]
