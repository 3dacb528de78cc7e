"""Shared fixtures for the library tests (unit, gradcheck, parity, widgets).

- Matplotlib draws with Agg (no display) and every figure is closed after each test.
- ``tf`` imports TensorFlow quietly once per worker; tests that use it are marked ``tf``
  automatically (and skip, visibly, where TensorFlow is not installed).
- Hypothesis runs without deadlines: the first call of a NumPy function can be slow on a
  busy CI machine, and a deadline failure there says nothing about the code.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "course", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("course")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tf" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.tf)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def rng() -> np.random.Generator:
    """A fresh seeded generator per test."""
    return np.random.default_rng(0)


@pytest.fixture
def course_example():
    """The programming assignment's propagate example: w, b, X (2, 3), Y (1, 3)."""
    w = np.array([[1.0], [2.0]])
    b = 2.0
    X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
    Y = np.array([[1, 0, 1]])
    return w, b, X, Y


def _make_logreg_data(n_x: int = 4, m: int = 60, seed: int = 0, separable: bool = True):
    """Small seeded binary data in the course's layout: X (n_x, m), Y (1, m).

    With ``separable``, the labels come from a fixed hyperplane with a margin, so
    logistic regression can reach 100 % train accuracy.
    """
    rng = np.random.default_rng(seed)
    true_w = rng.standard_normal((n_x, 1))
    X = rng.standard_normal((n_x, 4 * m))
    score = (true_w.T @ X).ravel()
    if separable:
        X = X[:, np.abs(score) > 0.5][:, :m]  # keep a margin around the boundary
        score = (true_w.T @ X).ravel()
    else:
        X = X[:, :m]
        score = score[:m] + rng.standard_normal(m)
    Y = (score > 0).astype(np.float64).reshape(1, -1)
    return X, Y


@pytest.fixture
def make_logreg_data():
    """The generator above, for tests that need other sizes: ``make_logreg_data(n_x, m)``."""
    return _make_logreg_data


@pytest.fixture
def logreg_data():
    """(X_train, Y_train, X_test, Y_test): linearly separable, n_x = 4, 60 + 40 examples."""
    X, Y = _make_logreg_data(n_x=4, m=100, seed=1)
    return X[:, :60], Y[:, :60], X[:, 60:], Y[:, 60:]


@pytest.fixture(scope="session")
def tf():
    """TensorFlow, imported once without its start-up noise."""
    from course_lib.lesson import import_tensorflow_quietly

    try:
        return import_tensorflow_quietly()
    except ImportError as err:  # the NumPy side must still be testable without TF
        pytest.skip(f"TensorFlow is not installed: {err}")
