"""Widget tests: every control of the augmentation gallery changes its panels and the plot."""

import numpy as np
import pytest

from course_lib.c4_convnets import augmentation as aug
from course_lib.c4_convnets import augmentation_dashboard as ad


@pytest.fixture(scope="module")
def dash():
    return ad.augmentation_dashboard("chelsea", size=48)


def _changes(dash, name, value):
    before_png, before = dash.png, dash.result
    dash.controls[name].value = value
    assert dash.values[name] == value
    assert f"{name}=" in dash.settings_text
    assert dash.png != before_png
    return before, dash.result


@pytest.mark.parametrize(
    "name, value, changed",
    [
        ("angle", -30.0, {"rotated", "all at once"}),
        ("shear_x", -0.4, {"sheared", "all at once"}),
        ("crop_fraction", 0.5, {"random crop", "all at once"}),
        ("red", -40.0, {"colour shift", "all at once"}),
        ("sigma", 2.0, {"PCA colour", "all at once"}),
        ("seed", 7, {"random crop", "PCA colour", "all at once"}),
        ("photo", "coffee", set(ad.PANELS)),
    ],
)
def test_each_control_changes_its_panels(dash, name, value, changed):
    before, after = _changes(dash, name, value)
    for panel in ad.PANELS:
        same = before[panel].shape == after[panel].shape and np.array_equal(
            before[panel], after[panel]
        )
        assert same != (panel in changed), panel
    shown = dash.figure._course_artists["images"]["rotated"].get_array()
    np.testing.assert_array_equal(shown, np.clip(after["rotated"][0], 0, 255).astype(np.uint8))


def test_gallery_panels_are_the_library_functions():
    X = ad.sample_photo("astronaut", 32)
    assert X.shape == (1, 32, 32, 3) and X.min() >= 0 and X.max() <= 255
    g = ad.gallery(X, 10.0, 0.1, 0.5, (20, -20, 20), 0.1, 3)
    np.testing.assert_array_equal(g["rotated"], aug.rotate(X, 10.0))
    np.testing.assert_array_equal(g["colour shift"], aug.colour_shift(X, (20, -20, 20)))
    assert g["random crop"].shape == (1, 16, 16, 3)
    with pytest.raises(ValueError, match="name must be one of"):
        ad.sample_photo("moon")


def test_redrawn_on_release(dash):
    assert not dash.live  # eight photos per frame: too slow to encode while dragging
