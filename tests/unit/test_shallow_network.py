"""The shallow (one-hidden-layer) network in NumPy: the course's values, shapes, errors, checks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.c1_neural_networks.shallow_network_checks import (
    check_backward_propagation,
    check_forward_propagation,
)

# --- the course's test vectors -------------------------------------------------------------


def _course_forward_inputs():
    np.random.seed(1)  # noqa: NPY002 - the course's vectors come from the global generator
    X = np.random.randn(2, 3)  # noqa: NPY002
    b1 = np.random.randn(4, 1)  # noqa: NPY002
    parameters = {
        "W1": np.array(
            [
                [-0.00416758, -0.00056267],
                [-0.02136196, 0.01640271],
                [-0.01793436, -0.00841747],
                [0.00502881, -0.01245288],
            ]
        ),
        "W2": np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]),
        "b1": b1,
        "b2": np.array([[-1.3]]),
    }
    return X, parameters


def test_layer_sizes():
    rng = np.random.default_rng(0)
    assert sn.layer_sizes(rng.standard_normal((5, 3)), rng.standard_normal((2, 3))) == (5, 4, 2)


def test_layer_sizes_rejects_mismatched_m():
    with pytest.raises(ValueError, match=r"Y must have shape \(n_y, m\) = \(n_y, 3\)"):
        sn.layer_sizes(np.zeros((2, 3)), np.zeros((1, 4)))


def test_initialize_parameters_course_values():
    np.random.seed(2)  # noqa: NPY002
    p = sn.initialize_parameters(3, 5, 2)
    np.testing.assert_allclose(p["W1"][0], [-0.00416758, -0.00056267, -0.02136196], atol=1e-8)
    np.testing.assert_allclose(p["W1"][4], [0.00041539, -0.01117925, 0.00539058], atol=1e-8)
    np.testing.assert_allclose(p["W2"][1, :2], [-8.78107893e-03, -1.56434170e-03], atol=1e-10)
    assert {k: v.shape for k, v in p.items()} == {
        "W1": (5, 3),
        "b1": (5, 1),
        "W2": (2, 5),
        "b2": (2, 1),
    }
    np.testing.assert_array_equal(p["b1"], 0)
    np.testing.assert_array_equal(p["b2"], 0)


def test_initialize_parameters_2_4_1_starts_like_the_course():
    np.random.seed(2)  # noqa: NPY002
    assert sn.initialize_parameters(2, 4, 1)["W1"][0, 0] == pytest.approx(-0.00416758, abs=1e-8)


def test_initialize_parameters_scale_and_zeros():
    np.random.seed(2)  # noqa: NPY002
    small = sn.initialize_parameters(2, 4, 1)
    np.random.seed(2)  # noqa: NPY002
    large = sn.initialize_parameters(2, 4, 1, scale=10.0)
    np.testing.assert_allclose(large["W1"], 1000 * small["W1"])
    zeros = sn.initialize_parameters(2, 4, 1, scheme="zeros")
    assert all(not np.any(v) for v in zeros.values())
    with pytest.raises(ValueError, match="scheme"):
        sn.initialize_parameters(2, 4, 1, scheme="ones")
    with pytest.raises(ValueError, match="n_h must be a positive integer"):
        sn.initialize_parameters(2, 0, 1)


def test_forward_propagation_course_values():
    X, parameters = _course_forward_inputs()
    A2, cache = sn.forward_propagation(X, parameters)
    assert set(cache) == {"Z1", "A1", "Z2", "A2"}
    assert cache["A2"] is A2
    np.testing.assert_allclose(A2, [[0.21292656, 0.21274673, 0.21295976]], atol=1e-8)
    np.testing.assert_allclose(cache["Z1"][0], [1.7386459, 1.74687437, 1.74830797], atol=1e-7)
    np.testing.assert_allclose(cache["A1"][1], [-0.67151964, -0.62547205, -0.65709025], atol=1e-8)
    np.testing.assert_allclose(cache["Z2"], [[-1.30737426, -1.30844761, -1.30717618]], atol=1e-8)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_forward_propagation_other_hidden_activations(activation):
    X, parameters = _course_forward_inputs()
    _, cache = sn.forward_propagation(X, parameters, activation)
    g = {"relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}
    np.testing.assert_allclose(cache["A1"], g[activation](cache["Z1"]), rtol=1e-12)


def test_forward_propagation_errors():
    X, parameters = _course_forward_inputs()
    with pytest.raises(ValueError, match="transposed"):
        sn.forward_propagation(X.T, parameters)
    with pytest.raises(ValueError, match=r"b1 must have shape \(n_h, 1\) = \(4, 1\)"):
        sn.forward_propagation(X, dict(parameters, b1=parameters["b1"].ravel()))
    with pytest.raises(ValueError, match="activation"):
        sn.forward_propagation(X, parameters, "linear")
    with pytest.raises(ValueError, match="lacks"):
        sn.forward_propagation(X, {"W1": parameters["W1"]})


def test_forward_propagation_is_stable_for_huge_weights():
    X = np.array([[1.0, -1.0]])
    parameters = {"W1": np.array([[1e4]]), "b1": [[0.0]], "W2": [[1e4]], "b2": [[0.0]]}
    with np.errstate(over="raise", invalid="raise"):
        A2, _ = sn.forward_propagation(X, parameters)
    np.testing.assert_array_equal(A2, [[1.0, 0.0]])


def test_compute_cost_course_value():
    np.random.seed(1)  # noqa: NPY002
    Y = np.random.randn(1, 5) > 0  # noqa: NPY002 - boolean labels, as in the course's test
    A2 = np.array([[0.5002307, 0.49985831, 0.50023963, 0.25, 0.7]])
    cost = sn.compute_cost(A2, Y)
    assert type(cost) is float
    assert cost == pytest.approx(0.5447066599017815, rel=1e-12)


def test_backward_propagation_course_values():
    np.random.seed(1)  # noqa: NPY002
    X = np.random.randn(3, 7)  # noqa: NPY002
    Y = np.random.randn(1, 7) > 0  # noqa: NPY002
    parameters = {
        "W1": np.random.randn(9, 3),  # noqa: NPY002
        "W2": np.random.randn(1, 9),  # noqa: NPY002
        "b1": np.zeros((9, 1)),
        "b2": np.zeros((1, 1)),
    }
    cache = {
        "A1": np.random.randn(9, 7),  # noqa: NPY002
        "A2": np.random.randn(1, 7),  # noqa: NPY002
        "Z1": np.random.randn(7, 9),  # noqa: NPY002 - the course's (unused) Z1 is transposed
        "Z2": np.random.randn(1, 7),  # noqa: NPY002
    }
    grads = sn.backward_propagation(parameters, cache, X, Y)
    np.testing.assert_allclose(grads["dW1"][0], [-0.24468458, -0.24371232, 0.15959609], atol=1e-8)
    np.testing.assert_allclose(grads["db1"][:2], [[0.1463639], [-0.33647992]], atol=1e-8)
    np.testing.assert_allclose(grads["dW2"][0, :2], [-0.35768529, 0.22046323], atol=1e-8)
    np.testing.assert_allclose(grads["db2"], [[-0.78032466]], atol=1e-8)
    assert {k: v.shape for k, v in grads.items()} == {
        "dW1": (9, 3),
        "db1": (9, 1),
        "dW2": (1, 9),
        "db2": (1, 1),
    }


def _course_update_inputs():
    parameters = {
        "W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121]]),
        "b1": np.array([[-8.97523455e-07], [8.15562092e-06]]),
        "W2": np.array([[-0.0104319, -0.04019007]]),
        "b2": np.array([[9.14954378e-05]]),
    }
    grads = {
        "dW1": np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776]]),
        "db1": np.array([[1.05570087e-07], [-3.81814487e-06]]),
        "dW2": np.array([[-1.75740039e-05, 3.70231337e-03]]),
        "db2": np.array([[-1.08923140e-05]]),
    }
    return parameters, grads


def test_update_parameters_course_values_and_no_mutation():
    parameters, grads = _course_update_inputs()
    before = {k: v.copy() for k, v in parameters.items()}
    new = sn.update_parameters(parameters, grads)  # default learning rate 1.2
    np.testing.assert_allclose(
        new["W1"], [[-0.00643025, 0.01936718], [-0.02410458, 0.03978052]], atol=1e-8
    )
    np.testing.assert_allclose(new["W2"], [[-0.01041081, -0.04463285]], atol=1e-8)
    np.testing.assert_allclose(new["b2"], [[0.00010457]], atol=1e-8)
    for k in before:
        np.testing.assert_array_equal(parameters[k], before[k])
        assert not np.shares_memory(new[k], parameters[k])


def test_update_parameters_is_generic_over_layers():
    rng = np.random.default_rng(0)
    sizes = [3, 5, 4, 1]
    parameters, grads = {}, {"dA0": np.zeros((3, 2))}  # extra keys in grads are ignored
    for l in range(1, 4):
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1))
        grads[f"dW{l}"] = rng.standard_normal((sizes[l], sizes[l - 1]))
        grads[f"db{l}"] = rng.standard_normal((sizes[l], 1))
    new = sn.update_parameters(parameters, grads, learning_rate=0.1)
    assert list(new) == list(parameters)
    for name in parameters:
        np.testing.assert_allclose(new[name], parameters[name] - 0.1 * grads[f"d{name}"])


def test_update_parameters_errors():
    parameters, grads = _course_update_inputs()
    with pytest.raises(ValueError, match="lacks 'db2'"):
        sn.update_parameters(parameters, {k: v for k, v in grads.items() if k != "db2"})
    with pytest.raises(ValueError, match=r"dW1 must have shape \(n\[1\], n\[0\]\) = \(2, 2\)"):
        sn.update_parameters(parameters, dict(grads, dW1=grads["dW1"][:1]))
    with pytest.raises(ValueError, match="only W1, b1"):
        sn.update_parameters(dict(parameters, gamma=1.0), dict(grads, dgamma=1.0))


def test_nn_model_course_values(capsys):
    # The 2021+ assignment's nn_model test case and its published output: nn_model seeds 3
    # and initialize_parameters does not reseed. (The pre-2021 version, which reseeded 2
    # inside initialize_parameters, printed 0.692739 and W2 = [[-2.45566237, ...]].)
    np.random.seed(1)  # noqa: NPY002
    X = np.random.randn(2, 3)  # noqa: NPY002
    Y = np.random.randn(1, 3) > 0  # noqa: NPY002
    p = sn.nn_model(X, Y, 4, num_iterations=10000, print_cost=True)
    printed = [float(line.split(": ")[1]) for line in capsys.readouterr().out.splitlines()]
    assert printed[:3] == [0.693198, 0.000219, 0.000108]
    assert printed[-2:] == [0.000027, 0.000024]
    expected_W1 = [
        [0.56305445, -1.03925886],
        [0.7345426, -1.36286875],
        [-0.72533346, 1.33753027],
        [0.74757629, -1.38274074],
    ]
    np.testing.assert_allclose(p["W1"], expected_W1, atol=5e-9)
    np.testing.assert_allclose(
        p["b1"], [[-0.22240654], [-0.34662093], [0.33663708], [-0.35296113]], atol=5e-9
    )
    np.testing.assert_allclose(
        p["W2"], [[1.82196893, 3.09657075, -2.98193564, 3.19946508]], atol=5e-9
    )
    np.testing.assert_allclose(p["b2"], [[0.21344644]], atol=5e-9)


def test_initialize_parameters_draws_without_reseeding():
    # The course seeds 2 before calling it (2021+): W1[0, 0] = -0.00416758, and a second
    # call continues the same stream instead of repeating it.
    np.random.seed(2)  # noqa: NPY002
    first = sn.initialize_parameters(2, 4, 1)
    np.testing.assert_allclose(
        first["W1"],
        [[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
         [-0.01793436, -0.00841747], [0.00502881, -0.01245288]],
        atol=5e-9,
    )  # fmt: skip
    np.testing.assert_allclose(
        first["W2"], [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]], atol=5e-9
    )
    second = sn.initialize_parameters(2, 4, 1)
    assert not np.allclose(second["W1"], first["W1"])


def test_nn_model_prints_every_1000(capsys):
    X, Y = np.array([[0.0, 1.0, 2.0]]), np.array([[0, 1, 0]])
    sn.nn_model(X, Y, 2, num_iterations=2001, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"Cost after iteration {i}" for i in (0, 1000, 2000)
    ]


def test_train_shallow_network_records_every_cost_and_reports_progress():
    X, Y = np.array([[0.0, 1.0, 2.0, 3.0]]), np.array([[0, 1, 1, 0]])
    seen = []
    parameters, costs = sn.train_shallow_network(X, Y, 3, 40, 0.5, progress=seen.append)
    assert len(costs) == 40 and all(type(c) is float for c in costs)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 20
    A2, _ = sn.forward_propagation(X, parameters)
    assert sn.compute_cost(A2, Y) < costs[0]
    again, _ = sn.train_shallow_network(X, Y, 3, 40, 0.5)  # same seed, same network
    for k in parameters:
        np.testing.assert_array_equal(again[k], parameters[k])


def test_training_from_zeros_keeps_hidden_units_identical():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 30))
    Y = (X[0:1] * X[1:2] > 0).astype(float)
    p, _ = sn.train_shallow_network(X, Y, 5, 200, scheme="zeros")
    assert np.allclose(p["W1"], p["W1"][0]) and np.allclose(p["W2"], p["W2"][0, 0])
    q, _ = sn.train_shallow_network(X, Y, 5, 200)
    assert np.ptp(q["W1"], axis=0).max() > 1e-3


def test_predict_course_example():
    np.random.seed(1)  # noqa: NPY002
    X = np.random.randn(2, 3)  # noqa: NPY002
    parameters = {
        "W1": np.array(
            [
                [-0.00615039, 0.0169021],
                [-0.02311792, 0.03137121],
                [-0.0169217, -0.01752545],
                [0.00935436, -0.05018221],
            ]
        ),
        "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
        "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.546e-06]]),
        "b2": np.array([[9.14954378e-05]]),
    }
    predictions = sn.predict(parameters, X)
    assert predictions.shape == (1, 3)
    np.testing.assert_array_equal(predictions, [[1, 0, 1]])


@given(st.integers(1, 6), st.integers(1, 8), st.integers(0, 10_000))
def test_shapes_property(n_h, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((3, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    np.random.seed(seed)  # noqa: NPY002
    parameters = sn.initialize_parameters(3, n_h, 1, scale=1.0)
    A2, cache = sn.forward_propagation(X, parameters)
    grads = sn.backward_propagation(parameters, cache, X, Y)
    assert A2.shape == (1, m) and np.all((A2 > 0) & (A2 < 1))
    for name in parameters:
        assert grads[f"d{name}"].shape == parameters[name].shape


# --- exercise checks ------------------------------------------------------------------------


def _forward_without_bias(X, parameters):
    A1 = np.tanh(parameters["W1"] @ X)
    A2 = 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
    return A2, {"Z1": parameters["W1"] @ X, "A1": A1, "Z2": None, "A2": A2}


def _backward_sigmoid_derivative(parameters, cache, X, Y):
    grads = sn.backward_propagation(parameters, cache, X, Y)
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = parameters["W2"].T @ dZ2 * cache["A1"] * (1 - cache["A1"])  # the sigmoid's g'
    return dict(grads, dW1=dZ1 @ X.T / m)


def _backward_without_keepdims(parameters, cache, X, Y):
    grads = sn.backward_propagation(parameters, cache, X, Y)
    return dict(grads, db1=grads["db1"].ravel())


def _backward_stub(parameters, cache, X, Y):
    raise NotImplementedError


@pytest.mark.parametrize(
    ("check", "fn"),
    [(check_forward_propagation, sn.forward_propagation)]
    + [(check_backward_propagation, sn.backward_propagation)],
)
def test_checks_pass_the_reference(check, fn):
    result = check(fn)
    assert result.passed, str(result)


def test_check_forward_explains_a_missing_bias():
    result = check_forward_propagation(_forward_without_bias)
    assert result.status == "failed"
    assert "cache['Z1']" in result.message or "A2" in result.message


@pytest.mark.parametrize(
    ("learner", "fragment"),
    [
        (_backward_sigmoid_derivative, "['dW1']"),
        (_backward_without_keepdims, "rank-1"),
    ],
)
def test_check_backward_explains_mistakes(learner, fragment):
    result = check_backward_propagation(learner)
    assert result.status == "failed"
    assert fragment in result.message
    assert "Hint" in result.message


def test_check_backward_reports_a_stub_as_to_do():
    result = check_backward_propagation(_backward_stub)
    assert result.status == "not attempted"
