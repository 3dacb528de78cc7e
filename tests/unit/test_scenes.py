"""Generated shape scenes: boxes are tight, masks agree, seeds reproduce (scenes.py)."""

import numpy as np
import pytest

from course_lib.c4_convnets import boxes as bx
from course_lib.c4_convnets.scenes import SHAPE_CLASSES, make_shape_scenes, scene_table


@pytest.fixture(scope="module")
def scenes():
    return make_shape_scenes(40, size=48, max_objects=4, seed=3)


def test_shapes_and_ranges(scenes):
    assert scenes["images"].shape == (40, 48, 48, 3) and scenes["images"].dtype == np.float32
    assert scenes["images"].min() >= 0 and scenes["images"].max() <= 1
    assert scenes["masks"].shape == (40, 48, 48)
    assert scenes["class_names"] == SHAPE_CLASSES
    for boxes, classes, points in zip(scenes["boxes"], scenes["classes"], scenes["points"]):
        assert boxes.shape == (len(classes), 4) and len(points) == len(classes)
        bx.require_boxes("boxes", boxes)  # valid, normalised


def test_every_box_is_the_tight_box_of_its_mask_pixels(scenes):
    size = 48
    for i, (boxes, classes) in enumerate(zip(scenes["boxes"], scenes["classes"])):
        for box, c in zip(boxes, classes):
            x1, y1, x2, y2 = np.rint(box * size).astype(int)
            window = scenes["masks"][i, y1:y2, x1:x2]
            assert (window == c + 1).any(axis=0).all()  # every column of the box is used
            assert (window == c + 1).any(axis=1).all()  # and every row
        # no shape's pixels outside the boxes
        inside = np.zeros((size, size), bool)
        for x1, y1, x2, y2 in np.rint(boxes * size).astype(int):
            inside[y1:y2, x1:x2] = True
        assert not (scenes["masks"][i][~inside] > 0).any()


def test_class_counts_and_varied_aspect_ratios(scenes):
    table = scene_table(scenes)
    assert set(np.unique(table["classes"])) == {0, 1, 2}
    aspect = table["heights"] / table["widths"]
    rect = table["classes"] == SHAPE_CLASSES.index("rectangle")
    assert aspect[rect].min() < 0.6 and aspect[rect].max() > 1.6  # wide and tall ones


def test_seeds_reproduce_and_differ():
    a, b = make_shape_scenes(3, size=32, seed=1), make_shape_scenes(3, size=32, seed=1)
    np.testing.assert_array_equal(a["images"], b["images"])
    assert not np.array_equal(a["images"], make_shape_scenes(3, size=32, seed=2)["images"])


def test_empty_scenes_are_possible_and_subsets_of_classes_work():
    s = make_shape_scenes(30, size=32, min_objects=0, max_objects=1, seed=0, classes=("circle",))
    counts = [len(b) for b in s["boxes"]]
    assert 0 in counts and 1 in counts
    assert s["masks"].max() == 1


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"m": 0}, "m must be >= 1"),
        ({"m": 2, "size": 8}, "size must be >= 16"),
        ({"m": 2, "min_objects": 3, "max_objects": 2}, "must not exceed"),
        ({"m": 2, "classes": ("hexagon",)}, "classes must be"),
        ({"m": 2, "max_extent": 1.5}, "(0, 1]"),
    ],
)
def test_bad_arguments_get_clear_errors(kwargs, fragment):
    with pytest.raises((ValueError, TypeError)) as info:
        make_shape_scenes(**kwargs)
    assert fragment in str(info.value)
