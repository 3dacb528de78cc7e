"""neurons.py: the ReLU neuron, stacked neurons, the ReLU curve fit and the linear collapse."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import neurons
from course_lib.c1_neural_networks.activations import relu, sigmoid


def _parameters(dims, seed=0, scale=0.5):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * scale
        params[f"b{l}"] = rng.standard_normal((dims[l], 1)) * scale
    return params


def test_relu_neuron_known_values():
    sizes = np.array([[50.0, 100.0, 200.0]])
    price = neurons.relu_neuron(sizes, np.array([[2.0]]), -150.0)
    np.testing.assert_array_equal(price, [[0.0, 50.0, 250.0]])  # a small house costs 0, not < 0


def test_relu_neuron_several_features():
    X = np.array([[1.0, 2.0], [3.0, -4.0]])
    np.testing.assert_allclose(neurons.relu_neuron(X, np.array([[1.0], [1.0]]), 0.5), [[4.5, 0]])


def test_relu_neuron_shape_errors():
    with pytest.raises(ValueError, match=r"w must have shape \(n_x, 1\) = \(1, 1\)"):
        neurons.relu_neuron(np.ones((1, 3)), np.ones(1), 0.0)
    with pytest.raises(ValueError, match="b must be a single number"):
        neurons.relu_neuron(np.ones((1, 3)), np.ones((1, 1)), np.zeros((1, 3)))


def test_layer_dims_of_and_its_errors():
    assert neurons.layer_dims_of(_parameters([4, 3, 1])) == [4, 3, 1]
    assert neurons.layer_dims_of(_parameters([2, 5, 4, 3])) == [2, 5, 4, 3]
    bad = _parameters([4, 3, 1])
    bad["W2"] = bad["W2"].T
    with pytest.raises(ValueError, match=r"W2 must have shape \(n\[2\], n\[1\]\)"):
        neurons.layer_dims_of(bad)
    bad = _parameters([4, 3, 1])
    bad["b1"] = bad["b1"].ravel()
    with pytest.raises(ValueError, match=r"b1 must have shape \(n\[1\], 1\) = \(3, 1\)"):
        neurons.layer_dims_of(bad)
    with pytest.raises(ValueError, match="W1, b1, ..., WL, bL"):
        neurons.layer_dims_of({"W1": np.ones((2, 2))})


def test_network_forward_matches_a_hand_written_pass():
    params = _parameters([4, 3, 1])
    X = np.random.default_rng(1).standard_normal((4, 6))
    A2, caches = neurons.network_forward(X, params, ["relu", "linear"])
    A1 = relu(params["W1"] @ X + params["b1"])
    np.testing.assert_allclose(A2, params["W2"] @ A1 + params["b2"])
    assert A2.shape == (1, 6)
    assert [c["A"].shape for c in caches] == [(3, 6), (1, 6)]
    np.testing.assert_array_equal(caches[0]["A_prev"], X)
    np.testing.assert_array_equal(caches[1]["A_prev"], caches[0]["A"])


def test_network_forward_single_activation_name_and_errors():
    params = _parameters([2, 3, 2])
    X = np.ones((2, 4))
    tanh_all, _ = neurons.network_forward(X, params, "tanh")
    tanh_list, _ = neurons.network_forward(X, params, ["tanh", "tanh"])
    np.testing.assert_array_equal(tanh_all, tanh_list)
    with pytest.raises(ValueError, match="one activation per layer"):
        neurons.network_forward(X, params, ["relu"])
    with pytest.raises(ValueError, match=r"X must have shape \(n\[0\], m\) = \(2, m\)"):
        neurons.network_forward(X.T, params, "relu")


@pytest.mark.parametrize("n_h", [1, 2, 5, 20])
def test_fit_relu_curve_shapes_and_quality(n_h):
    x = np.linspace(0, 3, 80).reshape(1, -1)
    y = np.sin(2 * x) + x
    params = neurons.fit_relu_curve(x, y, n_h)
    assert neurons.layer_dims_of(params) == [1, n_h, 1]
    yhat, _ = neurons.network_forward(x, params, ["relu", "linear"])
    assert yhat.shape == (1, 80)
    if n_h == 1:  # one hidden unit from the smallest x: the least-squares straight line
        slope, intercept = np.polyfit(x.ravel(), y.ravel(), 1)
        np.testing.assert_allclose(yhat.ravel(), slope * x.ravel() + intercept, atol=1e-10)


def test_more_hidden_units_fit_better():
    x = np.linspace(0, 3, 120).reshape(1, -1)
    y = np.sin(2 * x) + x
    errors = []
    for n_h in [1, 2, 4, 8, 16]:
        yhat, _ = neurons.network_forward(x, neurons.fit_relu_curve(x, y, n_h), ["relu", "linear"])
        errors.append(np.mean((yhat - y) ** 2))
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    assert errors[-1] < 1e-3


def test_fit_relu_curve_errors():
    x = np.linspace(0, 1, 10).reshape(1, -1)
    with pytest.raises(ValueError, match="n_h must be a positive integer"):
        neurons.fit_relu_curve(x, x, 0)
    with pytest.raises(ValueError, match=r"y must have shape \(1, m\) = \(1, 10\)"):
        neurons.fit_relu_curve(x, x.T, 3)


def test_collapse_two_layers_by_formula():
    params = _parameters([4, 3, 2])
    W, b = neurons.collapse_linear_network(params)
    np.testing.assert_allclose(W, params["W2"] @ params["W1"])
    np.testing.assert_allclose(b, params["W2"] @ params["b1"] + params["b2"])
    assert W.shape == (2, 4) and b.shape == (2, 1)


def test_collapse_one_layer_is_that_layer():
    params = _parameters([3, 2])
    W, b = neurons.collapse_linear_network(params)
    np.testing.assert_array_equal(W, params["W1"])
    np.testing.assert_array_equal(b, params["b1"])


@given(
    st.lists(st.integers(1, 5), min_size=2, max_size=6),
    st.integers(0, 10_000),
)
def test_a_linear_network_is_one_linear_map(dims, seed):
    params = _parameters(dims, seed)
    X = np.random.default_rng(seed + 1).standard_normal((dims[0], 7))
    out, _ = neurons.network_forward(X, params, "linear")
    W, b = neurons.collapse_linear_network(params)
    np.testing.assert_allclose(out, W @ X + b, rtol=1e-10, atol=1e-10)


def test_a_relu_network_is_not_one_linear_map():
    params = _parameters([2, 8, 1], seed=3, scale=1.0)
    X = np.random.default_rng(4).standard_normal((2, 50))
    out, _ = neurons.network_forward(X, params, ["relu", "linear"])
    W, b = neurons.collapse_linear_network(params)
    assert np.abs(out - (W @ X + b)).max() > 0.1


def test_linear_hidden_then_sigmoid_is_logistic_regression():
    params = _parameters([5, 4, 1], seed=2)
    X = np.random.default_rng(5).standard_normal((5, 9))
    out, _ = neurons.network_forward(X, params, ["linear", "sigmoid"])
    W, b = neurons.collapse_linear_network(params)
    A, _ = lr.logistic_forward(W.T, b.item(), X)
    np.testing.assert_allclose(out, A, rtol=1e-12)
    np.testing.assert_allclose(out, sigmoid(W @ X + b), rtol=1e-12)


def test_collapse_does_not_modify_parameters():
    params = _parameters([3, 3, 3])
    copies = {k: v.copy() for k, v in params.items()}
    neurons.collapse_linear_network(params)
    for key in params:
        np.testing.assert_array_equal(params[key], copies[key])
