"""NumPy deep network vs its Keras twin (course_lib ... deep_network_tf).

Keras computes in float32, the reference in float64: rtol = 1e-5 with atol = 1e-6 as for
logistic regression. Training runs compare a few hundred float32 steps, so their tolerance
is 1e-4. Biases are non-zero so no ReLU sits on its kink, where Keras takes relu'(0) = 0.
"""
# ruff: noqa: NPY002  (the course reproduces its numbers with the legacy global generator)

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c1_neural_networks import deep_network_tf

    return deep_network_tf


def _network(dims, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        params[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.3
    return X, Y, params


DIMS = [[3, 1], [5, 4, 1], [6, 5, 4, 3, 1]]


def test_build_deep_model_holds_the_parameters(twin):
    _, _, params = _network([5, 4, 3, 1], 2, 0)
    model = twin.build_deep_model(params)
    assert [layer.units for layer in model.layers] == [4, 3, 1]
    assert model.layers[0].get_config()["activation"] == "relu"
    assert model.layers[-1].get_config()["activation"] == "sigmoid"
    back = twin.model_parameters(model)
    for key in params:
        np.testing.assert_allclose(back[key], params[key], rtol=1e-7)
        assert back[key].shape == params[key].shape


@pytest.mark.parametrize("dims", DIMS, ids=str)
@pytest.mark.parametrize("seed", [0, 1])
def test_L_model_forward_and_cost(twin, dims, seed):
    X, Y, params = _network(dims, 30, seed)
    AL, _ = dn.L_model_forward(X, params)
    AL_tf, cache = twin.L_model_forward(X, params)
    assert cache is None and AL_tf.shape == AL.shape == (1, 30)
    np.testing.assert_allclose(AL_tf, AL, rtol=RTOL, atol=ATOL)
    assert twin.compute_cost(AL, Y) == pytest.approx(dn.compute_cost(AL, Y), rel=RTOL)


@pytest.mark.parametrize("dims", DIMS, ids=str)
@pytest.mark.parametrize("seed", [0, 1])
def test_L_model_backward(twin, dims, seed):
    X, Y, params = _network(dims, 30, seed)
    AL, caches = dn.L_model_forward(X, params)
    grads = dn.L_model_backward(AL, Y, caches)
    grads_tf = twin.L_model_backward(X, Y, params)
    assert set(grads_tf) == {k for k in grads if not k.startswith("dA")}
    for key, value in grads_tf.items():
        assert value.shape == grads[key].shape
        np.testing.assert_allclose(value, grads[key], rtol=RTOL, atol=ATOL, err_msg=key)


def test_hidden_tanh(twin):
    _, _, params = _network([4, 3, 1], 2, 0)
    model = twin.build_deep_model(params, hidden_activation="tanh")
    assert model.layers[0].get_config()["activation"] == "tanh"


@pytest.mark.parametrize("num_iterations", [1, 100, 250])
def test_L_layer_model_fit_matches_the_numpy_loop(twin, num_iterations):
    # Training starts with zero biases: with a narrow first layer an example whose hidden
    # units are all off gives Z^[2] = 0 exactly, where activations.relu_derivative says 1
    # and Keras 0. 16 hidden units make that (2^-16 per example) practically impossible.
    X, Y, _ = _network([5, 16, 6, 1], 40, 3)
    params, costs = dn.L_layer_model(X, Y, [5, 16, 6, 1], 0.1, num_iterations)
    progress = []
    params_tf, costs_tf = twin.L_layer_model(
        X, Y, [5, 16, 6, 1], 0.1, num_iterations, progress=progress.append
    )
    assert len(costs_tf) == len(costs) == -(-num_iterations // 100)
    np.testing.assert_allclose(costs_tf, costs, rtol=1e-4, atol=1e-6)
    for key in params:
        np.testing.assert_allclose(params_tf[key], params[key], rtol=1e-4, atol=1e-5, err_msg=key)
    assert progress[-1] == 1.0 and progress == sorted(progress)
    if num_iterations > 1:
        start = dn.initialize_parameters_deep([5, 16, 6, 1], "xavier", seed=1)
        assert np.abs(params["W1"] - start["W1"]).max() > 1e-3  # training moved


def test_two_layer_model_fit_matches(twin):
    X, Y, _ = _network([5, 4, 1], 40, 4)
    params, costs = dn.two_layer_model(X, Y, (5, 4, 1), 0.5, 200)
    params_tf, costs_tf = twin.two_layer_model(X, Y, (5, 4, 1), 0.5, 200)
    np.testing.assert_allclose(costs_tf, costs, rtol=1e-4)
    np.testing.assert_allclose(params_tf["W1"], params["W1"], rtol=1e-4, atol=1e-5)


def test_predict(twin):
    X, Y, params = _network([5, 4, 1], 40, 5)
    AL, _ = dn.L_model_forward(X, params)
    assert np.abs(AL - 0.5).min() > 1e-4
    np.testing.assert_array_equal(twin.predict(X, Y, params), dn.predict(X, Y, params))


def test_twin_shape_errors(twin):
    X, Y, params = _network([5, 4, 1], 10, 0)
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\) = \(5, m\)"):
        twin.L_model_forward(X.T, params)
    with pytest.raises(ValueError, match=r"b1 must have shape"):
        twin.build_deep_model(dict(params, b1=params["b1"].ravel()))
