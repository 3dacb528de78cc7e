"""Unit tests for course_lib.c2_improving_dnns.initialization and its exercise check."""
# ruff: noqa: NPY002  (the course reproduces its numbers with the legacy global generator)

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns.initialization_checks import check_initialize_parameters_he

# The course's published values ("Initialization" assignment, seed 3).
HE_W1 = np.array(
    [
        [1.78862847, 0.43650985],
        [0.09649747, -1.8634927],
        [-0.2773882, -0.35475898],
        [-0.08274148, -0.62700068],
    ]
)
HE_W2 = np.array([[-0.03098412, -0.33744411, -0.92904268, 0.62552248]])
RANDOM_W1 = np.array(
    [[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]]
)
RANDOM_W2 = np.array([[-0.82741481, -6.27000677]])


def test_zeros_shapes_and_values():
    p = ini.initialize_parameters_zeros([3, 2, 1])
    assert sorted(p) == ["W1", "W2", "b1", "b2"]
    assert p["W1"].shape == (2, 3) and p["b1"].shape == (2, 1)
    assert p["W2"].shape == (1, 2) and p["b2"].shape == (1, 1)
    assert all(np.all(v == 0) for v in p.values())


def test_random_reproduces_course_values():
    p = ini.initialize_parameters_random([3, 2, 1])
    np.testing.assert_allclose(p["W1"], RANDOM_W1, atol=1e-7)
    np.testing.assert_allclose(p["W2"], RANDOM_W2, atol=1e-7)
    assert np.all(p["b1"] == 0) and p["b2"].shape == (1, 1)


def test_he_reproduces_course_values():
    p = ini.initialize_parameters_he([2, 4, 1])
    np.testing.assert_allclose(p["W1"], HE_W1, atol=1e-7)
    np.testing.assert_allclose(p["W2"], HE_W2, atol=1e-7)
    assert np.all(p["b1"] == 0) and p["b1"].shape == (4, 1)


def test_schemes_share_the_draws_and_differ_by_the_factor():
    dims = [6, 4, 3]
    he = ini.initialize_parameters_he(dims)
    xavier = ini.initialize_parameters_xavier(dims)
    glorot = ini.initialize_parameters_glorot(dims)
    np.testing.assert_allclose(he["W1"], xavier["W1"] * np.sqrt(2.0))
    np.testing.assert_allclose(glorot["W2"], xavier["W2"] * np.sqrt(2 * 4 / (4 + 3)))


def test_dispatcher_matches_named_functions_and_scale():
    dims = [5, 3, 1]
    for name, fn in ini.INITIALIZATIONS.items():
        np.testing.assert_array_equal(ini.initialize_parameters(dims, name)["W1"], fn(dims)["W1"])
    scaled = ini.initialize_parameters(dims, "he", scale=0.5)
    np.testing.assert_allclose(scaled["W1"], 0.5 * ini.initialize_parameters_he(dims)["W1"])
    np.testing.assert_allclose(
        ini.initialize_parameters(dims, "random", scale=1.0)["W1"] * 10,
        ini.initialize_parameters_random(dims)["W1"],
    )


def test_seed_keyword_changes_the_draws():
    dims = [4, 3, 1]
    a = ini.initialize_parameters_he(dims, seed=4)["W1"]
    assert not np.allclose(a, ini.initialize_parameters_he(dims)["W1"])
    np.testing.assert_array_equal(a, ini.initialize_parameters_he(dims, seed=4)["W1"])


@given(n_prev=st.integers(1, 50), n_l=st.integers(1, 50))
def test_weight_std_formulas(n_prev, n_l):
    assert ini.weight_std("he", n_prev, n_l) == pytest.approx(np.sqrt(2 / n_prev))
    assert ini.weight_std("xavier", n_prev, n_l) == pytest.approx(np.sqrt(1 / n_prev))
    assert ini.weight_std("glorot", n_prev, n_l) == pytest.approx(np.sqrt(2 / (n_prev + n_l)))
    assert ini.weight_std("zeros", n_prev, n_l) == 0.0


def test_empirical_std_on_a_large_layer():
    p = ini.initialize_parameters([800, 400, 1], "he", seed=0)
    assert p["W1"].std() == pytest.approx(np.sqrt(2 / 800), rel=0.01)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ini.initialize_parameters([2, 3], "lecun"), "initialization must be one of"),
        (lambda: ini.initialize_parameters_he([2]), "at least n"),
        (lambda: ini.initialize_parameters_he([2, 0, 1]), "positive integer"),
        (lambda: ini.initialize_parameters([2, 3], "he", scale=np.inf), "finite"),
    ],
)
def test_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.fixture(scope="module")
def circles():
    return ini.load_circles()


def test_load_circles_shapes(circles):
    Xtr, Ytr, Xte, Yte = circles
    assert Xtr.shape == (2, 300) and Ytr.shape == (1, 300)
    assert Xte.shape == (2, 100) and Yte.shape == (1, 100)
    assert set(np.unique(Ytr)) == {0.0, 1.0}


def test_zeros_model_stays_at_chance_and_symmetric(circles):
    Xtr, Ytr, Xte, Yte = circles
    p, costs = ini.model(
        Xtr, Ytr, num_iterations=300, print_cost=False, initialization="zeros", return_costs=True
    )
    assert ini.accuracy(Xtr, Ytr, p) == 0.5
    assert costs[-1] == pytest.approx(np.log(2))
    assert ini.hidden_units_identical(p, 1) and ini.hidden_units_identical(p, 2)


def test_he_model_learns_the_circles(circles):
    Xtr, Ytr, Xte, Yte = circles
    p, costs = ini.model(Xtr, Ytr, 0.1, 1500, False, "he", return_costs=True, record_every=100)
    assert ini.accuracy(Xte, Yte, p) >= 0.95
    assert costs[-1] < costs[0] and len(costs) == 15


def test_model_prints_and_returns_parameters_only(circles, capsys):
    Xtr, Ytr, _, _ = circles
    p = ini.model(Xtr, Ytr, num_iterations=2001)
    assert sorted(p) == ["W1", "W2", "W3", "b1", "b2", "b3"] and p["W1"].shape == (10, 2)
    assert capsys.readouterr().out.count("Cost after iteration") == 3


def test_model_rejects_transposed_input(circles):
    Xtr, Ytr, _, _ = circles
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        ini.model(Xtr, Ytr.T, num_iterations=1, print_cost=False)


def test_deep_linear_identity_grows_like_scale_power():
    x = np.ones(4)
    norms = ini.deep_linear_activations(x, 10, 1.5)
    assert norms.shape == (11,)
    np.testing.assert_allclose(norms / norms[0], 1.5 ** np.arange(11))
    shrink = ini.deep_linear_activations(x, 10, 0.5)
    np.testing.assert_allclose(shrink[-1] / shrink[0], 0.5**10)
    grads = ini.deep_linear_gradients(x, 10, 1.5)
    assert grads.shape == (10,)
    # every dW^[l] = s^(L-1) * (ones x^T): norm s^(L-1) * ||x|| * sqrt(n)
    np.testing.assert_allclose(grads, 1.5**9 * 2 * 2)


def test_deep_linear_random_xavier_scale_roughly_keeps_size():
    x = np.random.default_rng(0).standard_normal((64, 50))
    norms = ini.deep_linear_activations(x, 20, 1.0, weights="random")
    assert 0.1 < norms[-1] / norms[0] < 10
    assert ini.deep_linear_activations(x, 20, 2.0, weights="random")[-1] > 1e4 * norms[0]


def test_deep_linear_survives_extreme_scales():
    norms = ini.deep_linear_activations(np.ones(3), 200, 100.0)
    assert norms.shape == (201,) and np.isinf(norms[-1])
    assert ini.deep_linear_gradients(np.ones(3), 200, 1e-3)[0] == 0.0


def test_deep_linear_errors():
    with pytest.raises(ValueError, match="num_layers"):
        ini.deep_linear_activations(np.ones(3), 0, 1.0)
    with pytest.raises(ValueError, match="weights"):
        ini.deep_linear_activations(np.ones(3), 2, 1.0, weights="orthogonal")


# --- the exercise check -------------------------------------------------------------------


def _learner_he(layers_dims):
    np.random.seed(3)
    p = {}
    for l in range(1, len(layers_dims)):
        p[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2.0 / layers_dims[l - 1]
        )
        p[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return p


def _wrong_fan(layers_dims):  # divides by n[l] instead of n[l-1]
    np.random.seed(3)
    p = {}
    for l in range(1, len(layers_dims)):
        p[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2.0 / layers_dims[l]
        )
        p[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return p


def _no_seed(layers_dims):
    p = _learner_he(layers_dims)
    np.random.seed(None)
    return {k: v + np.random.randn(*v.shape) * 1e-3 if k[0] == "W" else v for k, v in p.items()}


def _stub(layers_dims):
    raise NotImplementedError


def test_check_passes_reference_and_correct_learner():
    assert check_initialize_parameters_he(_learner_he).passed
    assert check_initialize_parameters_he(ini.initialize_parameters_he).passed


def test_check_catches_wrong_versions():
    result = check_initialize_parameters_he(_wrong_fan)
    assert not result.passed and "differs" in result.message
    assert not check_initialize_parameters_he(_no_seed).passed
    assert not check_initialize_parameters_he(ini.initialize_parameters_xavier).passed


def test_check_reports_stub_as_not_attempted():
    result = check_initialize_parameters_he(_stub)
    assert result.status == "not attempted"
