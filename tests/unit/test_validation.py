"""Shape and label checks whose messages speak the course's notation."""

import numpy as np
import pytest

from course_lib.validation import (
    require_binary_labels,
    require_examples,
    require_finite,
    require_int,
    require_keys,
    require_number,
    require_numeric,
    require_probabilities,
    require_shape,
    require_xy,
)


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


def test_free_axes_are_not_repeated_as_a_concrete_shape():
    with pytest.raises(ValueError) as e:
        require_shape("Y", np.zeros((2, 4)), (1, None), "(1, m)")
    assert str(e.value) == "Y must have shape (1, m); got (2, 4)."


def test_known_m_is_shown_concretely():
    with pytest.raises(ValueError) as e:
        require_shape("Y", np.zeros((2, 5)), (1, 5), "(1, m)")
    assert str(e.value) == "Y must have shape (1, m) = (1, 5); got (2, 5)."


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


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (np.array([["a", "b"]]), "strings"),
        (np.array([[1.0, 2.0]], dtype=object), "Python objects"),
        (np.array([[1j, 2]]), "complex numbers"),
        ([[1, 2], [3]], "array of numbers"),
    ],
)
def test_non_numeric_arrays_are_refused_by_name(value, named):
    with pytest.raises(TypeError, match=named):
        require_numeric("X", value)
    with pytest.raises(TypeError, match="X must"):
        require_shape("X", value, (None, None), "(n_x, m)")


@pytest.mark.parametrize("value", [[[True, False]], [[1, 2]], np.zeros((1, 2), np.uint8)])
def test_booleans_and_integers_are_numbers(value):
    assert require_numeric("X", value).shape == (1, 2)


@pytest.mark.parametrize(("bad", "what"), [(np.nan, "NaN"), (np.inf, "infinity")])
def test_non_finite_values_are_located(bad, what):
    X = np.zeros((2, 3))
    X[1, 2] = bad
    with pytest.raises(
        ValueError, match=rf"X must hold finite numbers; found {what} at index \(1, 2\)"
    ):
        require_finite("X", X)


def test_an_examples_axis_implies_finite_and_at_least_one_example():
    X = np.zeros((2, 3))
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        require_shape("X", X, (2, None), "(n_x, m)")
    # Without an examples axis NaN is not judged here (a weight matrix may be anything).
    require_shape("W", X, (2, 3), "(n[1], n[0])")
    # finite=False lets NaN mark a missing label.
    require_shape("Y", X, (2, None), "(n_y, m)", finite=False)
    for notation in ["(n_x, m)", "(n_x, m_train)", "(1, M)"]:
        with pytest.raises(ValueError, match=r"holds no examples \(m = 0\)"):
            require_shape("X", np.zeros((2, 0)), (2, None), notation)
    with pytest.raises(ValueError, match="no examples"):
        require_examples("X", 0)


def test_transposed_x_is_blamed_not_y():
    X, Y = np.zeros((5, 2)), np.zeros((1, 5))
    with pytest.raises(ValueError, match=r"X looks transposed: X has shape \(5, 2\)") as e:
        require_xy(X, Y)
    assert "pass X.T, of shape (2, 5)" in str(e.value)
    X_ok, Y_ok = require_xy(X.T, Y)
    assert X_ok.shape == (2, 5) and Y_ok.shape == (1, 5)


def test_xy_reports_a_wrong_y_with_the_known_m():
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\) = \(1, 5\); got \(5, 1\)"):
        require_xy(np.zeros((2, 5)), np.zeros((5, 1)))


@pytest.mark.parametrize(
    ("Y", "error", "match"),
    [
        (np.array([["0", "1"]]), TypeError, "as numbers; got strings"),
        (np.array([[np.nan, 1.0]]), ValueError, "found values"),
        (np.array([[-1, 1]]), ValueError, r"\(Y \+ 1\) / 2"),
    ],
)
def test_binary_labels_refuse_strings_nan_and_plus_minus_one(Y, error, match):
    with pytest.raises(error, match=match):
        require_binary_labels("Y", Y)


def test_probabilities_must_lie_in_0_1():
    require_probabilities("AL", [[0.0, 0.5, 1.0]])
    with pytest.raises(ValueError, match="not the logits"):
        require_probabilities("AL", [[-0.1, 0.5]])
    with pytest.raises(ValueError, match="finite"):
        require_probabilities("AL", [[np.nan]])


def test_missing_keys_are_named():
    with pytest.raises(ValueError, match="parameters is missing b2; it holds W1, b1, W2"):
        require_keys("parameters", {"W1": 0, "b1": 0, "W2": 0}, ["W1", "b1", "W2", "b2"])
    with pytest.raises(TypeError, match="must be a dict; got list"):
        require_keys("parameters", [], ["W1"])


def test_whole_numbers_and_bounded_numbers():
    assert require_int("k", 3, 1) == 3 and require_int("k", np.int64(3), 1) == 3
    assert require_int("k", 3.0, 1) == 3
    for bad in (2.5, True, "3", None, np.nan):
        with pytest.raises(TypeError, match="the number of anchors k must be a whole number"):
            require_int("the number of anchors k", bad, 1)
    with pytest.raises(ValueError, match="k must be >= 1; got 0"):
        require_int("k", 0, 1)
    assert require_number("t", 0.5, 0, 1) == 0.5 and require_number("t", 1, 0, 1) == 1.0
    with pytest.raises(ValueError, match=r"t must lie in \[0, 1\]; got 1.5"):
        require_number("t", 1.5, 0, 1)
    with pytest.raises(ValueError, match=r"lie in \(0, 1\]"):
        require_number("extent", 0.0, 0, 1, low_open=True)
    with pytest.raises(ValueError, match="finite"):
        require_number("t", np.inf)
    with pytest.raises(TypeError, match="must be a number"):
        require_number("t", "0.5")
