"""Boxes: the course's IoU numbers, the two box formats and validation (boxes.py)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.c4_convnets import boxes as bx


def test_iou_gives_the_course_numbers():
    assert bx.iou((2, 1, 4, 3), (1, 2, 3, 4)) == pytest.approx(1 / 7)  # 0.142857...
    assert bx.iou((1, 2, 3, 4), (5, 6, 7, 8)) == 0.0  # apart
    assert bx.iou((1, 1, 2, 2), (2, 2, 3, 3)) == 0.0  # a common corner only
    assert bx.iou((1, 1, 3, 3), (2, 3, 3, 4)) == 0.0  # a common edge only


def test_iou_of_a_box_with_itself_is_one_and_degenerate_boxes_give_zero():
    assert bx.iou((0.1, 0.1, 0.4, 0.7), (0.1, 0.1, 0.4, 0.7)) == pytest.approx(1.0)
    assert bx.iou((0.2, 0.2, 0.2, 0.2), (0.2, 0.2, 0.2, 0.2)) == 0.0
    assert bx.iou((0.2, 0.2, 0.2, 0.5), (0.0, 0.0, 1.0, 1.0)) == 0.0


def test_a_box_inside_another_has_the_ratio_of_areas():
    assert bx.iou((0, 0, 4, 4), (1, 1, 3, 3)) == pytest.approx(4 / 16)


_box = st.tuples(*[st.floats(0, 1)] * 4).map(
    lambda t: (min(t[0], t[2]), min(t[1], t[3]), max(t[0], t[2]), max(t[1], t[3]))
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_box, min_size=1, max_size=5), st.lists(_box, min_size=1, max_size=5))
def test_iou_matrix_is_symmetric_bounded_and_agrees_with_iou(a, b):
    matrix = bx.iou_matrix(a, b)
    assert matrix.shape == (len(a), len(b))
    assert np.all((matrix >= 0) & (matrix <= 1 + 1e-12))
    np.testing.assert_allclose(matrix, bx.iou_matrix(b, a).T)
    assert matrix[0, 0] == pytest.approx(bx.iou(a[0], b[0]))


def test_midpoints_round_trip_and_use_the_lecture_order():
    corners = np.array([[0.1, 0.2, 0.5, 0.9]])
    b = bx.corners_to_midpoints(corners)
    np.testing.assert_allclose(b, [[0.3, 0.55, 0.7, 0.4]])  # b_x, b_y, b_h, b_w
    np.testing.assert_allclose(bx.midpoints_to_corners(b), corners)


def test_clip_boxes_keeps_boxes_inside_the_image():
    clipped = bx.clip_boxes([[-0.2, 0.5, 0.4, 1.3]])
    np.testing.assert_allclose(clipped, [[0.0, 0.5, 0.4, 1.0]])


@pytest.mark.parametrize(
    "boxes, fragment",
    [
        ([0.5, 0.1, 0.2, 0.4], "negative width"),
        ([0.1, 0.5, 0.2, 0.4], "negative height"),
        ([0.1, 0.1, 1.2, 0.4], "in [0, 1]"),
        ([0.1, 0.1, 0.2], "(x1, y1, x2, y2)"),
        ([0.1, np.nan, 0.2, 0.3], "NaN"),
    ],
)
def test_bad_boxes_get_a_clear_error(boxes, fragment):
    with pytest.raises(ValueError, match=None) as info:
        bx.require_boxes("boxes", boxes)
    assert fragment in str(info.value)


def test_iou_refuses_many_boxes_and_points_to_iou_matrix():
    with pytest.raises(ValueError, match="iou_matrix"):
        bx.iou([[0, 0, 1, 1], [0, 0, 1, 1]], [0, 0, 1, 1])
    with pytest.raises(ValueError, match="b_h and b_w"):
        bx.midpoints_to_corners([0.5, 0.5, -0.1, 0.2])
