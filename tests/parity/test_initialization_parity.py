"""NumPy initialisation vs its Keras twin (course_lib ... initialization_tf).

Parity is statistical: Keras draws from its own generator, so the tests compare the
standard deviation of large layers with the formula, and show the one real difference,
the truncation of Keras' HeNormal / LecunNormal / GlorotNormal.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import initialization as ini

pytestmark = pytest.mark.tf

DIMS = [1200, 600, 300]


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c2_improving_dnns import initialization_tf

    return initialization_tf


@pytest.mark.parametrize("scheme", ["he", "xavier", "glorot", "random"])
def test_std_matches_formula_like_numpy(twin, scheme):
    keras_p = twin.initialize_parameters(DIMS, scheme, seed=0)
    numpy_p = ini.initialize_parameters(DIMS, scheme, seed=0)
    for l in (1, 2):
        expected = ini.weight_std(scheme, DIMS[l - 1], DIMS[l])
        assert keras_p[f"W{l}"].shape == numpy_p[f"W{l}"].shape == (DIMS[l], DIMS[l - 1])
        assert keras_p[f"b{l}"].shape == (DIMS[l], 1) and np.all(keras_p[f"b{l}"] == 0)
        assert keras_p[f"W{l}"].std() == pytest.approx(expected, rel=0.02)
        assert numpy_p[f"W{l}"].std() == pytest.approx(expected, rel=0.02)


def test_named_functions_and_zeros(twin):
    assert all(np.all(v == 0) for v in twin.initialize_parameters_zeros([3, 2, 1]).values())
    p = twin.initialize_parameters_he([400, 300, 1], seed=1)
    assert p["W1"].std() == pytest.approx(np.sqrt(2 / 400), rel=0.03)
    assert twin.initialize_parameters_xavier([400, 300])["W1"].std() == pytest.approx(
        np.sqrt(1 / 400), rel=0.03
    )
    assert twin.initialize_parameters_glorot([400, 300])["W1"].std() == pytest.approx(
        np.sqrt(2 / 700), rel=0.03
    )
    assert twin.initialize_parameters_random([50, 40], scale=3.0)["W1"].std() == pytest.approx(
        3.0, rel=0.05
    )


@pytest.mark.parametrize("scheme", ["he", "xavier", "glorot"])
def test_keras_variance_scaled_schemes_are_truncated(twin, scheme):
    keras_w = twin.initialize_parameters(DIMS, scheme, seed=0)["W1"]
    numpy_w = ini.initialize_parameters(DIMS, scheme, seed=0)["W1"]
    std = ini.weight_std(scheme, DIMS[0], DIMS[1])
    # Keras: nothing beyond 2 sigma of the widened normal (sigma / 0.8796); randn has tails.
    assert np.abs(keras_w).max() <= 2 * std / 0.87962566103423978 + 1e-6
    assert np.abs(numpy_w).max() > 4 * std


def test_scale_multiplies_the_std(twin):
    base = twin.initialize_parameters(DIMS, "he", seed=0)["W1"].std()
    scaled = twin.initialize_parameters(DIMS, "he", scale=3.0, seed=0)["W1"].std()
    assert scaled / base == pytest.approx(3.0, rel=0.02)


def test_errors(twin):
    with pytest.raises(ValueError, match="initialization must be one of"):
        twin.keras_initializer("orthogonal")


def test_keras_model_shows_the_same_ranking(twin):
    Xtr, Ytr, Xte, Yte = ini.load_circles()
    zeros = twin.model(Xtr, Ytr, 0.3, 1000, False, "zeros")
    he, costs = twin.model(Xtr, Ytr, 0.3, 1000, False, "he", return_costs=True, record_every=100)
    assert sorted(he) == ["W1", "W2", "W3", "b1", "b2", "b3"] and he["W1"].shape == (10, 2)
    # zeros: every hidden unit stays identical and the accuracy stays at chance
    assert ini.hidden_units_identical(zeros, 1) and twin.accuracy(Xtr, Ytr, zeros) == 0.5
    assert costs[-1] < costs[0] - 0.05
    assert twin.accuracy(Xte, Yte, he) > 0.85
    # the NumPy forward pass agrees with Keras on the trained weights
    assert ini.accuracy(Xtr, Ytr, he) == pytest.approx(twin.accuracy(Xtr, Ytr, he), abs=0.01)
