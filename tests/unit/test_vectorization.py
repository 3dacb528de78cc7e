"""Loops versus vectorised NumPy: dot_loop, normalize_rows (broadcasting), time_call."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_lib.c1_neural_networks.vectorization import dot_loop, normalize_rows, time_call


def test_dot_loop_known_value():
    assert dot_loop([1, 2, 3], [4, 5, 6]) == 32.0
    assert type(dot_loop(np.ones((3, 1)), np.ones((3, 1)))) is float


@given(
    st.integers(1, 40).flatmap(
        lambda n: st.tuples(
            hnp.arrays(np.float64, (n, 1), elements=st.floats(-1e3, 1e3)),
            hnp.arrays(np.float64, (n, 1), elements=st.floats(-1e3, 1e3)),
        )
    )
)
def test_dot_loop_equals_np_dot(wx):
    w, x = wx
    assert dot_loop(w, x) == pytest.approx(float(np.dot(w.T, x).item()), rel=1e-9, abs=1e-6)


def test_dot_loop_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="same number of entries n_x; got 3, 2"):
        dot_loop(np.ones(3), np.ones(2))


def test_normalize_rows_known_value():
    x = np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])
    np.testing.assert_allclose(
        normalize_rows(x), [[0, 0.6, 0.8], [1 / np.sqrt(53), 6 / np.sqrt(53), 4 / np.sqrt(53)]]
    )


nonzero_rows = hnp.arrays(
    np.float64,
    hnp.array_shapes(min_dims=2, max_dims=2, max_side=8),
    elements=st.floats(-1e3, 1e3).filter(lambda v: abs(v) > 1e-3),
)


@given(nonzero_rows)
def test_normalize_rows_gives_unit_rows_in_the_same_direction(x):
    out = normalize_rows(x)
    assert out.shape == x.shape
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(out * np.linalg.norm(x, axis=1, keepdims=True), x, rtol=1e-12)


def test_normalize_rows_does_not_modify_input():
    x = np.array([[3.0, 4.0]])
    normalize_rows(x)
    np.testing.assert_array_equal(x, [[3.0, 4.0]])


def test_normalize_rows_errors():
    with pytest.raises(ValueError, match="all zeros"):
        normalize_rows(np.array([[1.0, 1.0], [0.0, 0.0]]))
    with pytest.raises(ValueError, match=r"x must have shape \(n, d\); got \(3,\)"):
        normalize_rows(np.ones(3))


def test_time_call_returns_the_best_of_repeats():
    calls = []

    def fn(a, b):
        calls.append((a, b))

    best = time_call(fn, 1, 2, repeat=3)
    assert calls == [(1, 2)] * 3
    assert 0 <= best < 1
    time_call(fn, 0, 0, repeat=0)  # at least one call
    assert len(calls) == 4
