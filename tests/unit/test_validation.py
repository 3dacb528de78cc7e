"""Shape and label checks whose messages speak the course's notation."""

import numpy as np
import pytest

from course_lib.validation import require_binary_labels, require_shape


def test_returns_the_same_array_without_copying():
    X = np.zeros((3, 5))
    assert require_shape("X", X, (3, None), "(n_x, m)") is X


def test_converts_lists():
    out = require_shape("Y", [[1, 0, 1]], (1, 3), "(1, m)")
    assert isinstance(out, np.ndarray)
    assert out.shape == (1, 3)


def test_wrong_size_names_notation_and_both_shapes():
    with pytest.raises(ValueError) as e:
        require_shape("w", np.zeros((3, 1)), (2, 1), "(n_x, 1)")
    assert str(e.value) == "w must have shape (n_x, 1) = (2, 1); got (3, 1)."


def test_free_axes_show_their_symbol():
    with pytest.raises(ValueError) as e:
        require_shape("Y", np.zeros((2, 4)), (1, None), "(1, m)")
    assert str(e.value) == "Y must have shape (1, m) = (1, m); got (2, 4)."


def test_all_free_axes_show_only_the_notation():
    with pytest.raises(ValueError) as e:
        require_shape("X", np.zeros(4), (None, None), "(n_x, m)")
    assert str(e.value).startswith("X must have shape (n_x, m); got (4,).")


def _advice(message: str) -> str:
    return message.split("e.g. ", 1)[1].rstrip(".")


@pytest.mark.parametrize(
    ("name", "expected", "notation"),
    [
        ("w", (5, 1), "(n_x, 1)"),
        ("Y", (1, 5), "(1, m)"),
        ("Y", (1, None), "(1, m)"),
        ("b", (None, 1), "(n, 1)"),
    ],
)
def test_rank1_gets_reshape_advice_that_works(name, expected, notation):
    array = np.arange(5.0)
    with pytest.raises(ValueError) as e:
        require_shape(name, array, expected, notation)
    assert f"{name} is a rank-1 array" in str(e.value)
    advice = _advice(str(e.value))
    assert advice.startswith(f"{name}.reshape(")
    fixed = eval(advice, {name: array})  # the learner would paste this line
    require_shape(name, fixed, expected, notation)


def test_transposed_is_spotted():
    with pytest.raises(ValueError, match="Is Y transposed"):
        require_shape("Y", np.zeros((7, 1)), (1, 7), "(1, m)")
    with pytest.raises(ValueError, match="Is X transposed"):
        require_shape("X", np.zeros((9, 4)), (4, None), "(n_x, m)")


def test_no_transpose_hint_for_an_unrelated_shape():
    with pytest.raises(ValueError) as e:
        require_shape("Y", np.zeros((2, 5)), (1, 5), "(1, m)")
    assert "transposed" not in str(e.value)
    assert "rank-1" not in str(e.value)


def test_one_dimensional_expectation_has_a_tuple_comma():
    with pytest.raises(ValueError, match=r"v must have shape \(k,\) = \(3,\); got \(2, 2\)"):
        require_shape("v", np.zeros((2, 2)), (3,), "(k,)")


def test_mismatched_notation_falls_back_to_question_marks():
    with pytest.raises(ValueError, match=r"= \(\?, 1\)"):
        require_shape("w", np.zeros((2, 2)), (None, 1), "(n_x)")


@pytest.mark.parametrize("Y", [[[0, 1, 1]], np.array([[1.0, 0.0]]), np.array([[True, False]])])
def test_binary_labels_accept_0_and_1(Y):
    require_binary_labels("Y", Y)


@pytest.mark.parametrize(
    ("Y", "shown"), [([[0, 2, 1]], "0, 1, 2"), ([[-1, 1]], "-1, 1"), ([[0.5, 1.0]], "0.5, 1.0")]
)
def test_binary_labels_name_the_offending_values(Y, shown):
    with pytest.raises(ValueError, match=f"Y must hold binary labels 0 or 1; found values {shown}"):
        require_binary_labels("Y", Y)


def test_binary_labels_show_at_most_six_values():
    with pytest.raises(ValueError) as e:
        require_binary_labels("Y", np.arange(10).reshape(1, -1))
    assert str(e.value).endswith("0, 1, 2, 3, 4, 5.")
