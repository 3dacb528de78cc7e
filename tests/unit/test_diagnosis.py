"""Unit tests for course_lib.c2_improving_dnns.diagnosis and its exercise check."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.c2_improving_dnns.diagnosis_checks import check_diagnose


@pytest.mark.parametrize(
    "m, expected",
    [
        (100, {"train": 60, "dev": 20, "test": 20}),
        (10_000, {"train": 6000, "dev": 2000, "test": 2000}),
        (1_000_000, {"train": 980_000, "dev": 10_000, "test": 10_000}),
        (10_000_000, {"train": 9_980_000, "dev": 10_000, "test": 10_000}),
    ],
)
def test_split_sizes_rule(m, expected):
    assert dg.split_sizes(m) == expected


def test_split_sizes_explicit_fractions_and_no_test():
    assert dg.split_sizes(100, (0.7, 0.3)) == {"train": 70, "dev": 30, "test": 0}
    assert dg.split_sizes(1000, (0.98, 0.01, 0.01)) == {"train": 980, "dev": 10, "test": 10}
    assert dg.split_sizes(100, with_test=False)["test"] == 0


@given(m=st.integers(1, 10**8))
def test_split_sizes_always_sum_to_m(m):
    sizes = dg.split_sizes(m)
    assert sum(sizes.values()) == m and sizes["dev"] <= 10_000 and sizes["dev"] == sizes["test"]


@pytest.mark.parametrize(
    "args, message",
    [((0,), "positive integer"), ((10, (0.5, 0.4)), "summing to 1"), ((10, (1.2, -0.2)), "non")],
)
def test_split_sizes_errors(args, message):
    with pytest.raises(ValueError, match=message):
        dg.split_sizes(*args)


def test_train_dev_test_split_partitions_columns():
    X = np.arange(20.0).reshape(2, 10)
    Y = (np.arange(10) % 2).reshape(1, 10).astype(float)
    parts = dg.train_dev_test_split(X, Y, (0.6, 0.2, 0.2), seed=1)
    assert [p.shape[1] for p in parts] == [6, 6, 2, 2, 2, 2]
    together = np.sort(np.concatenate([parts[0][0], parts[2][0], parts[4][0]]))
    np.testing.assert_array_equal(together, X[0])
    # labels travel with their examples
    for Xs, Ys in zip(parts[::2], parts[1::2]):
        np.testing.assert_array_equal(Ys[0], (Xs[0] % 2))
    again = dg.train_dev_test_split(X, Y, (0.6, 0.2, 0.2), seed=1)
    np.testing.assert_array_equal(parts[0], again[0])


def test_train_dev_test_split_rejects_wrong_shapes():
    with pytest.raises(ValueError, match=r"\(n_y, m\)"):
        dg.train_dev_test_split(np.zeros((2, 10)), np.zeros((1, 9)))


@pytest.mark.parametrize(
    "train, dev, expected",
    [
        (0.01, 0.11, dg.HIGH_VARIANCE),
        (0.15, 0.16, dg.HIGH_BIAS),
        (0.15, 0.30, dg.HIGH_BIAS_AND_VARIANCE),
        (0.005, 0.01, dg.JUST_RIGHT),
    ],
)
def test_diagnose_lecture_examples(train, dev, expected):
    assert dg.diagnose(train, dev) == expected


def test_diagnose_uses_bayes_error():
    assert dg.diagnose(0.15, 0.16, bayes_error=0.14) == dg.JUST_RIGHT
    assert dg.bias_and_variance(0.15, 0.30, 0.05) == pytest.approx((0.10, 0.15))


def test_diagnose_errors():
    with pytest.raises(ValueError, match="fraction"):
        dg.diagnose(11, 15)


@given(train=st.floats(0, 1), dev=st.floats(0, 1))
def test_diagnose_always_returns_a_known_diagnosis_with_a_recipe(train, dev):
    diagnosis = dg.diagnose(train, dev)
    assert diagnosis in dg.DIAGNOSES and dg.basic_recipe(diagnosis)


def test_basic_recipe_order():
    assert "bigger network" in dg.basic_recipe(dg.HIGH_BIAS)[0]
    assert "more training data" in dg.basic_recipe(dg.HIGH_VARIANCE)[0]
    both = dg.basic_recipe(dg.HIGH_BIAS_AND_VARIANCE)
    assert both[0].startswith("high bias") and both[-1].startswith("high variance")
    assert dg.basic_recipe(dg.JUST_RIGHT)[0].startswith("done")
    with pytest.raises(ValueError):
        dg.basic_recipe("overfitting")


def test_noisy_moons_and_bayes_error():
    X, Y = dg.noisy_moons(50, seed=0)
    assert X.shape == (2, 50) and Y.shape == (1, 50)
    assert 0.06 < dg.moons_bayes_error(0.3, n=4000) < 0.12
    assert dg.moons_bayes_error(0.05, n=2000) < 0.01


def test_error_rate():
    assert dg.error_rate(np.array([[1, 0, 1, 1]]), np.array([[1, 1, 1, 0]])) == 0.5
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        dg.error_rate(np.array([[1, 0]]), np.array([[1, 0, 1]]))


# --- the exercise check -------------------------------------------------------------------


def _learner(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
    bias, variance = train_error - bayes_error > tolerance, dev_error - train_error > tolerance
    if bias and variance:
        return "high bias and high variance"
    return "high bias" if bias else "high variance" if variance else "low bias and low variance"


def _ignores_bayes(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
    return _learner(train_error, dev_error, 0.0, tolerance)


def _no_both(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
    if train_error - bayes_error > tolerance:
        return "high bias"
    return _learner(train_error, dev_error, bayes_error, tolerance)


def test_check_diagnose():
    assert check_diagnose(_learner).passed
    assert check_diagnose(dg.diagnose).passed
    assert not check_diagnose(_ignores_bayes).passed
    result = check_diagnose(_no_both)
    assert not result.passed and "high bias and high variance" in result.message


def test_check_diagnose_stub():
    def stub(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
        raise NotImplementedError

    assert check_diagnose(stub).status == "not attempted"


def test_plot_basic_recipe_draws_the_flowchart():
    ax = dg.plot_basic_recipe()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "High bias?" in texts and "High variance?" in texts and "more data" in texts
