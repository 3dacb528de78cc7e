"""The deep network in NumPy: the course's values, shapes, clear errors, models, checks."""
# ruff: noqa: NPY002  (the course reproduces its numbers with the legacy global generator)

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks import deep_network_checks as checks
from course_lib.c1_neural_networks.activations import sigmoid


def _network(dims, m=5, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.standard_normal((dims[l], 1))
    return X, Y, params


# --- initialisation ------------------------------------------------------------------------------


def test_initialize_parameters_deep_course_values():
    # Called as the course calls it (its function seeds 3 itself): the published arrays.
    np.random.seed(0)  # whatever the global state, the default seed gives the course's draw
    p = dn.initialize_parameters_deep([5, 4, 3])
    np.testing.assert_allclose(
        p["W1"],
        [[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
         [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
         [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
         [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]],
        atol=5e-9,
    )  # fmt: skip
    np.testing.assert_allclose(
        p["W2"],
        [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
         [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
         [-0.00768836, -0.00230031, 0.00745056, 0.01976111]],
        atol=5e-9,
    )  # fmt: skip
    np.testing.assert_array_equal(p["b1"], np.zeros((4, 1)))
    assert p["W2"].shape == (3, 4) and p["b2"].shape == (3, 1)
    assert list(p) == ["W1", "b1", "W2", "b2"]


def test_initialize_parameters_deep_draws_W1_then_W2_from_seed_3():
    p = dn.initialize_parameters_deep([5, 4, 3])
    np.random.seed(3)
    W1 = np.random.randn(4, 5) * 0.01
    W2 = np.random.randn(3, 4) * 0.01
    np.testing.assert_array_equal(p["W1"], W1)
    np.testing.assert_array_equal(p["W2"], W2)


@pytest.mark.parametrize(("scale", "factor"), [("xavier", 1.0), ("he", 2.0), (0.5, None)])
def test_initialize_parameters_deep_scales(scale, factor):
    np.random.seed(0)
    p = dn.initialize_parameters_deep([400, 300, 1], scale=scale, seed=None)  # no reseed
    np.random.seed(0)
    raw = np.random.randn(300, 400)
    expected = raw * (np.sqrt(factor / 400) if factor else scale)
    np.testing.assert_allclose(p["W1"], expected)
    assert p["W2"].shape == (1, 300)


@pytest.mark.parametrize("dims", [[5], [], [5, 0, 1], [5, 2.5, 1], [5, -1]])
def test_initialize_parameters_deep_rejects_bad_dims(dims):
    with pytest.raises(ValueError, match="layer_dims"):
        dn.initialize_parameters_deep(dims)


def test_initialize_parameters_deep_rejects_bad_scale():
    with pytest.raises(ValueError, match="xavier"):
        dn.initialize_parameters_deep([3, 1], scale="glorot")


def test_initialize_parameters_two_layer_course_draw():
    # The step-by-step assignment's initialize_parameters(3, 2, 1) seeds 1 itself.
    np.random.seed(0)
    p = dn.initialize_parameters(3, 2, 1)
    np.testing.assert_allclose(
        p["W1"],
        [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]],
        atol=5e-9,
    )
    np.testing.assert_allclose(p["W2"], [[0.01744812, -0.00761207]], atol=5e-9)
    np.random.seed(1)
    np.testing.assert_array_equal(p["W1"], np.random.randn(2, 3) * 0.01)
    np.testing.assert_array_equal(p["W2"], np.random.randn(1, 2) * 0.01)
    # seed=None continues the global stream instead.
    np.random.seed(5)
    q = dn.initialize_parameters(3, 2, 1, seed=None)
    np.random.seed(5)
    np.testing.assert_array_equal(q["W1"], np.random.randn(2, 3) * 0.01)


# --- shapes table --------------------------------------------------------------------------------


def test_layer_shapes():
    rows = dn.layer_shapes([5, 4, 3, 1], m=10)
    assert [r["layer"] for r in rows] == [1, 2, 3]
    assert rows[0]["W"] == rows[0]["dW"] == (4, 5)
    assert rows[1]["b"] == rows[1]["db"] == (3, 1)
    assert rows[2]["Z"] == rows[2]["A"] == rows[2]["dZ"] == rows[2]["dA"] == (1, 10)
    text = dn.format_layer_shapes([5, 4, 3, 1], 10)
    assert len(text.splitlines()) == 4 and "(4, 5)" in text


@given(
    st.lists(st.integers(1, 9), min_size=2, max_size=6), st.integers(1, 7), st.integers(0, 10_000)
)
def test_layer_shapes_match_the_real_arrays(dims, m, seed):
    X, Y, params = _network(dims, m, seed)
    AL, caches = dn.L_model_forward(X, params)
    grads = dn.L_model_backward(AL, Y if dims[-1] == 1 else np.ones_like(AL), caches)
    for row, cache in zip(dn.layer_shapes(dims, m), caches):
        l = row["layer"]
        (A_prev, W, b), Z = cache
        assert W.shape == row["W"] == grads[f"dW{l}"].shape
        assert b.shape == row["b"] == grads[f"db{l}"].shape
        assert Z.shape == row["Z"]
        assert grads[f"dA{l - 1}"].shape == A_prev.shape
    assert dn.count_parameters(dims) == sum(v.size for v in params.values())


# --- forward -------------------------------------------------------------------------------------


def test_linear_forward_values_and_cache():
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    W = np.array([[1.0, -1.0]])
    b = np.array([[0.5]])
    Z, cache = dn.linear_forward(A, W, b)
    np.testing.assert_allclose(Z, [[-1.5, -1.5]])
    assert cache[0] is A and cache[1] is W and cache[2] is b


def test_linear_forward_errors_in_course_notation():
    A, W, b = np.ones((3, 4)), np.ones((2, 3)), np.ones((2, 1))
    with pytest.raises(ValueError, match=r"Is A transposed"):
        dn.linear_forward(A.T, W, b)
    with pytest.raises(ValueError, match=r"b must have shape \(n\[l\], 1\) = \(2, 1\)"):
        dn.linear_forward(A, W, np.ones(2))


@pytest.mark.parametrize("activation", ["sigmoid", "relu", "tanh", "leaky_relu"])
def test_linear_activation_forward(activation):
    X, _, p = _network([3, 2], m=4)
    A, ((A_prev, W, b), Z) = dn.linear_activation_forward(X, p["W1"], p["b1"], activation)
    np.testing.assert_allclose(Z, p["W1"] @ X + p["b1"])
    expected = {
        "sigmoid": sigmoid(Z),
        "relu": np.maximum(Z, 0),
        "tanh": np.tanh(Z),
        "leaky_relu": np.where(Z > 0, Z, 0.01 * Z),
    }[activation]
    np.testing.assert_allclose(A, expected)
    assert A_prev is X


def test_linear_activation_forward_rejects_unknown():
    with pytest.raises(ValueError, match="activation"):
        dn.linear_activation_forward(np.ones((2, 1)), np.ones((1, 2)), np.ones((1, 1)), "softmax")


def test_L_model_forward_is_relu_then_sigmoid():
    X, _, p = _network([4, 3, 2, 1], m=6)
    AL, caches = dn.L_model_forward(X, p)
    A1 = np.maximum(p["W1"] @ X + p["b1"], 0)
    A2 = np.maximum(p["W2"] @ A1 + p["b2"], 0)
    np.testing.assert_allclose(AL, sigmoid(p["W3"] @ A2 + p["b3"]))
    assert len(caches) == 3 and AL.shape == (1, 6)


def test_L_model_forward_rejects_incomplete_parameters():
    X, _, p = _network([4, 3, 1])
    del p["b2"]
    with pytest.raises(ValueError, match="b2"):
        dn.L_model_forward(X, p)
    with pytest.raises(ValueError, match="only W1"):
        dn.L_model_forward(X, {"W1": np.ones((1, 4)), "b1": np.ones((1, 1)), "w": 1})


def test_compute_cost_course_value_and_extremes():
    Y = np.array([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    assert dn.compute_cost(AL, Y) == pytest.approx(0.2797765635793422)
    assert isinstance(dn.compute_cost(AL, Y), float)
    assert np.isfinite(dn.compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]])))


# --- backward ------------------------------------------------------------------------------------


def test_linear_backward_formulas():
    rng = np.random.default_rng(1)
    A_prev, W, b = rng.standard_normal((3, 4)), rng.standard_normal((2, 3)), np.zeros((2, 1))
    dZ = rng.standard_normal((2, 4))
    dA_prev, dW, db = dn.linear_backward(dZ, (A_prev, W, b))
    np.testing.assert_allclose(dW, dZ @ A_prev.T / 4)
    np.testing.assert_allclose(db, dZ.sum(axis=1, keepdims=True) / 4)
    np.testing.assert_allclose(dA_prev, W.T @ dZ)


def test_L_model_backward_keys_follow_the_course():
    X, Y, p = _network([4, 3, 2, 1])
    AL, caches = dn.L_model_forward(X, p)
    grads = dn.L_model_backward(AL, Y, caches)
    assert set(grads) == {"dA0", "dA1", "dA2", "dW1", "dW2", "dW3", "db1", "db2", "db3"}
    assert grads["dA0"].shape == X.shape


def test_L_model_backward_starts_from_elementwise_dAL_not_a_sum():
    # For an AL that is not sigma(Z^[L]) (the course's test vectors do this) the start is
    # the formula dA^[L] = -(Y/AL) + (1-Y)/(1-AL), one entry per example (seed error E20).
    X, Y, p = _network([3, 1], m=4, seed=2)
    _, caches = dn.L_model_forward(X, p)
    AL = np.array([[0.2, 0.7, 0.4, 0.9]])
    grads = dn.L_model_backward(AL, Y, caches)
    dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    dZ = dAL * sigmoid(caches[0][1]) * (1 - sigmoid(caches[0][1]))
    np.testing.assert_allclose(grads["dW1"], dZ @ X.T / 4)
    summed = np.sum(dAL) * np.ones_like(dAL)
    dZ_wrong = summed * sigmoid(caches[0][1]) * (1 - sigmoid(caches[0][1]))
    assert not np.allclose(grads["dW1"], dZ_wrong @ X.T / 4)


def test_L_model_backward_stays_finite_when_AL_saturates():
    X = np.array([[100.0, -800.0]])
    p = {"W1": np.array([[1.0]]), "b1": np.zeros((1, 1))}
    AL, caches = dn.L_model_forward(X, p)
    assert AL[0, 0] == 1.0 and AL[0, 1] == 0.0  # rounded in float64
    with np.errstate(all="raise"):
        grads = dn.L_model_backward(AL, np.array([[0.0, 1.0]]), caches)
    np.testing.assert_allclose(grads["db1"], [[0.0]], atol=1e-12)  # (1 + (-1)) / 2
    np.testing.assert_allclose(grads["dW1"], [[(100 * 1 + -800 * -1) / 2]])


def test_L_model_backward_errors():
    with pytest.raises(ValueError, match="caches is empty"):
        dn.L_model_backward(np.ones((1, 2)) / 2, np.ones((1, 2)), [])
    X, Y, p = _network([3, 1])
    AL, caches = dn.L_model_forward(X, p)
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\)"):
        dn.L_model_backward(AL, Y.T, caches)


def test_update_parameters_is_the_shallow_one_generalised():
    X, Y, p = _network([4, 3, 2, 1])
    AL, caches = dn.L_model_forward(X, p)
    grads = dn.L_model_backward(AL, Y, caches)
    new = dn.update_parameters(p, grads, 0.1)
    for key in p:
        np.testing.assert_allclose(new[key], p[key] - 0.1 * grads["d" + key])
    assert new["W1"] is not p["W1"]


# --- models --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((4, 80))
    Y = ((X[0] * X[1] > 0) | (X[2] > 1)).astype(float).reshape(1, -1)
    return X, Y


def test_L_layer_model_learns_and_reproduces(toy):
    X, Y = toy
    params, costs = dn.L_layer_model(X, Y, [4, 8, 4, 1], learning_rate=0.3, num_iterations=1001)
    assert len(costs) == 11 and all(isinstance(c, float) for c in costs)
    assert costs[-1] < 0.5 * costs[0]
    assert dn.accuracy(dn.predict(X, Y, params), Y) > 0.9
    again, costs_again = dn.L_layer_model(
        X, Y, [4, 8, 4, 1], learning_rate=0.3, num_iterations=1001
    )
    assert costs_again == costs
    np.testing.assert_array_equal(again["W2"], params["W2"])


def test_L_layer_model_starts_from_xavier_seed_1(toy):
    X, Y = toy
    params, costs = dn.L_layer_model(X, Y, [4, 3, 1], num_iterations=1)
    start = dn.initialize_parameters_deep([4, 3, 1], scale="xavier", seed=1)
    AL, _ = dn.L_model_forward(X, start)
    assert costs == [dn.compute_cost(AL, Y)]


def test_two_layer_model_equals_L_layer_model_with_small_scale(toy):
    X, Y = toy
    progress = []
    p2, c2 = dn.two_layer_model(X, Y, (4, 5, 1), 0.5, 300, progress=progress.append)
    pL, cL = dn.L_layer_model(X, Y, [4, 5, 1], 0.5, 300, scale=0.01)
    assert c2 == cL
    np.testing.assert_array_equal(p2["W1"], pL["W1"])
    assert progress[-1] == 1.0 and progress == sorted(progress) and len(progress) == 20


def test_two_layer_model_rejects_more_layers(toy):
    with pytest.raises(ValueError, match=r"\(n_x, n_h, n_y\)"):
        dn.two_layer_model(*toy, (4, 3, 2, 1))


def test_models_print_cost(toy, capsys):
    dn.L_layer_model(*toy, [4, 3, 1], num_iterations=201, print_cost=True)
    assert capsys.readouterr().out.count("Cost after iteration") == 3


def test_predict_and_print_accuracy(capsys):
    X, Y, p = _network([3, 2, 1], m=8)
    p_hat = dn.predict(X, Y, p)
    AL, _ = dn.L_model_forward(X, p)
    np.testing.assert_array_equal(p_hat, (AL > 0.5).astype(float))
    assert p_hat.shape == (1, 8)
    assert capsys.readouterr().out == ""
    dn.predict(X, Y, p, print_accuracy=True)
    assert "Accuracy: " in capsys.readouterr().out


# --- the sawtooth (why depth) --------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1, 2, 3, 5])
def test_sawtooth_has_2_to_the_depth_pieces(depth):
    x = np.linspace(0, 1, 2**depth * 16 + 1).reshape(1, -1)
    y = dn.sawtooth(x, dn.sawtooth_parameters(depth))
    slopes = np.round(np.diff(y[0]) / np.diff(x[0]), 6)
    pieces = 1 + np.count_nonzero(slopes[1:] != slopes[:-1])
    assert pieces == 2**depth
    assert y.min() == pytest.approx(0) and y.max() == pytest.approx(1)


# --- exercise checks -----------------------------------------------------------------------------


def _stub(*args, **kwargs):
    raise NotImplementedError


def _backward_with_summed_dAL(AL, Y, caches):
    L = len(caches)
    dAL = np.sum(-(Y / AL) + (1 - Y) / (1 - AL)) * np.ones_like(AL)
    grads = {}
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dn.linear_activation_backward(
        dAL, caches[-1], "sigmoid"
    )
    for l in reversed(range(1, L)):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dn.linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], "relu"
        )
    return grads


def _linear_backward_without_keepdims(dZ, cache):
    dA_prev, dW, db = dn.linear_backward(dZ, cache)
    return dA_prev, dW, db.ravel()


def _forward_all_sigmoid(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = dn.linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], "sigmoid"
        )
        caches.append(cache)
    return A, caches


@pytest.mark.parametrize(
    ("check", "reference"),
    [
        (checks.check_L_model_forward, dn.L_model_forward),
        (checks.check_linear_backward, dn.linear_backward),
        (checks.check_L_model_backward, dn.L_model_backward),
        (checks.check_L_layer_model, dn.L_layer_model),
    ],
)
def test_checks_pass_the_reference_and_flag_a_stub(check, reference):
    assert check(reference).passed
    result = check(_stub)
    assert result.status == "not attempted" and "NotImplementedError" in result.message


@pytest.mark.parametrize(
    ("check", "wrong", "words"),
    [
        (checks.check_L_model_backward, _backward_with_summed_dAL, "differs"),
        (checks.check_linear_backward, _linear_backward_without_keepdims, "keepdims"),
        (checks.check_L_model_forward, _forward_all_sigmoid, "relu"),
        (
            checks.check_L_layer_model,
            lambda X, Y, d, a, n: dn.L_layer_model(X, Y, d, a, n, scale=0.01),
            "xavier",
        ),
    ],
)
def test_checks_explain_wrong_versions(check, wrong, words):
    result = check(wrong)
    assert result.status == "failed"
    assert words in result.message, result.message
