"""Unit tests for course_lib.c3_structuring_ml.label_noise: labels with known noise."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c3_structuring_ml import label_noise as ln


def test_sine_rule_known_points():
    X = np.array([[0.0, 0.0, np.pi / 5, np.pi / 5], [0.1, -0.1, 0.45, 0.55]])
    # sin(0) = 0 and 0.5 * sin(2.5 * pi / 5) = 0.5
    np.testing.assert_array_equal(ln.sine_rule(X), [[1.0, 0.0, 0.0, 1.0]])


def test_noisy_sine_data_shapes_determinism_and_flip_rate():
    X, Y, Y_clean = ln.noisy_sine_data(20_000, flip_prob=0.1, seed=3)
    assert X.shape == (2, 20_000) and Y.shape == Y_clean.shape == (1, 20_000)
    assert np.abs(X).max() <= ln.BOX
    np.testing.assert_array_equal(Y_clean, ln.sine_rule(X))
    assert abs(np.mean(Y_clean != Y) - 0.1) < 0.01  # each label flipped with p = 0.1
    again = ln.noisy_sine_data(20_000, flip_prob=0.1, seed=3)
    np.testing.assert_array_equal(Y, again[1])
    assert not np.array_equal(Y, ln.noisy_sine_data(20_000, flip_prob=0.1, seed=4)[1])


def test_no_flips_and_all_flips():
    _, Y, Y_clean = ln.noisy_sine_data(500, flip_prob=0.0, seed=0)
    np.testing.assert_array_equal(Y, Y_clean)
    _, Y, Y_clean = ln.noisy_sine_data(500, flip_prob=1.0, seed=0)
    np.testing.assert_array_equal(Y, 1 - Y_clean)


@pytest.mark.parametrize("p, expected", [(0.0, 0.0), (0.05, 0.05), (0.5, 0.5), (0.8, 0.2)])
def test_bayes_error_of_flips(p, expected):
    assert ln.bayes_error_of_flips(p) == pytest.approx(expected)


def test_the_rule_reaches_the_bayes_error_and_other_rules_do_worse():
    X, Y, _ = ln.noisy_sine_data(40_000, flip_prob=0.05, seed=1)
    rule_error = np.mean(ln.sine_rule(X) != Y)
    assert abs(rule_error - 0.05) < 0.005
    shifted = np.mean(ln.sine_rule(X + np.array([[0.0], [0.2]])) != Y)
    assert shifted > rule_error + 0.03


def test_flip_random_flips_exactly_the_rate():
    Y = np.zeros((1, 200))
    Y_noisy, flipped = ln.flip_random(Y, 0.1, seed=0)
    assert flipped.shape == (1, 200) and flipped.sum() == 20
    np.testing.assert_array_equal(Y_noisy[flipped], 1.0)
    np.testing.assert_array_equal(Y_noisy[~flipped], 0.0)
    np.testing.assert_array_equal(ln.flip_random(Y, 0.1, seed=0)[1], flipped)


def test_flip_systematic_picks_the_highest_scores_inside_the_subpopulation():
    Y = np.array([[0.0, 0.0, 1.0, 0.0, 0.0, 1.0]])
    scores = np.array([[0.9, -np.inf, 0.2, 0.5, -np.inf, 0.7]])
    Y_noisy, flipped = ln.flip_systematic(Y, 2 / 6, scores)
    np.testing.assert_array_equal(flipped, [[True, False, False, False, False, True]])
    np.testing.assert_array_equal(Y_noisy, [[1.0, 0.0, 1.0, 0.0, 0.0, 0.0]])
    with pytest.raises(ValueError, match="at most rate"):
        ln.flip_systematic(Y, 5 / 6, scores)


@given(rate=st.floats(0, 1), m=st.integers(1, 300))
def test_random_and_systematic_flip_the_same_number(rate, m):
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    _, random_flips = ln.flip_random(Y, rate, seed=1)
    _, systematic_flips = ln.flip_systematic(Y, rate, np.arange(m, dtype=float).reshape(1, m))
    assert random_flips.sum() == systematic_flips.sum() == round(rate * m)


def test_clear_errors():
    with pytest.raises(ValueError, match="fraction"):
        ln.flip_bernoulli(np.zeros((1, 5)), 1.5)
    with pytest.raises(ValueError, match="fraction"):
        ln.bayes_error_of_flips(-0.1)
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        ln.flip_random(np.zeros(5), 0.1)
    with pytest.raises(ValueError, match="binary"):
        ln.flip_random(np.full((1, 5), 2.0), 0.1)
    with pytest.raises(ValueError, match=r"\(2, m\)"):
        ln.sine_rule(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="positive integer"):
        ln.noisy_sine_data(0)
    with pytest.raises(ValueError, match="finite"):
        ln.flip_systematic(np.zeros((1, 3)), 0.3, np.array([[np.nan, 0, 1]]))
    with pytest.raises(ValueError, match=r"\(1, m\) = \(1, 3\)"):
        ln.flip_systematic(np.zeros((1, 3)), 0.3, np.zeros((1, 4)))
