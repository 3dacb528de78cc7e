"""Unit tests for course_lib.c2_improving_dnns.mini_batches."""
# ruff: noqa: NPY002 - these tests reproduce the course, which uses the legacy global generator

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns.mini_batches import num_mini_batches, random_mini_batches


def test_course_example_values_and_shapes():
    # The assignment's check: seed 1 data, 148 examples, batches of 64 with seed 0.
    np.random.seed(1)
    X = np.random.randn(12288, 148)
    Y = np.random.randn(1, 148) < 0.5
    batches = random_mini_batches(X, Y, 64)
    assert [b[0].shape for b in batches] == [(12288, 64), (12288, 64), (12288, 20)]
    assert [b[1].shape for b in batches] == [(1, 64), (1, 64), (1, 20)]
    np.testing.assert_allclose(batches[0][0][0][0:3], [0.90085595, -0.7612069, 0.2344157])


def test_columns_stay_paired_and_follow_the_seeded_permutation():
    X = np.arange(20.0).reshape(2, 10)
    Y = X[:1] * 10
    batches = random_mini_batches(X, Y, 4, seed=3)
    np.random.seed(3)
    perm = np.random.permutation(10)
    np.testing.assert_array_equal(np.hstack([b[0] for b in batches]), X[:, perm])
    for bx, by in batches:
        np.testing.assert_array_equal(by, bx[:1] * 10)


def test_no_empty_last_batch_when_m_divisible():
    X, Y = np.ones((3, 128)), np.ones((1, 128))
    assert len(random_mini_batches(X, Y, 64)) == 2


@given(m=st.integers(1, 60), size=st.integers(1, 70), seed=st.integers(0, 100))
def test_partition_property(m, size, seed):
    X = np.arange(2.0 * m).reshape(2, m)
    batches = random_mini_batches(X, X[:1], size, seed)
    assert len(batches) == num_mini_batches(m, size)
    assert all(b[0].shape[1] == size for b in batches[:-1])
    assert batches[-1][0].shape[1] == (m % size or min(size, m))
    np.testing.assert_array_equal(np.sort(np.hstack([b[0] for b in batches])[0]), X[0])


def test_errors_name_the_shapes():
    with pytest.raises(ValueError, match=r"\(n_y, m\)"):
        random_mini_batches(np.ones((2, 5)), np.ones((1, 4)))
    with pytest.raises(ValueError, match="positive integer"):
        random_mini_batches(np.ones((2, 5)), np.ones((1, 5)), 0)
