"""NumPy reference vs Keras twin for the shallow network (shallow_network_tf).

Tolerances: Keras works in float32 (eps 1.2e-7); a two-layer forward pass and gradients
averaged over m = 50 examples keep errors near 1e-7, so rtol = 1e-5 with atol = 1e-6
leaves a wide margin while any real mistake (W instead of W.T, a missing 1/m, a wrong
activation) moves results by 1e-2 or more. The training comparison runs 150 full-batch
steps at the course's learning rate 1.2 and allows 1e-4 (float32 rounding accumulates).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.data import load_planar_dataset

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c1_neural_networks import shallow_network_tf

    return shallow_network_tf


def _problem(seed: int, n_x: int = 3, n_h: int = 5, m: int = 50):
    rng = np.random.default_rng(seed)
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * 0.7,
        "b1": rng.standard_normal((n_h, 1)) * 0.3,
        "W2": rng.standard_normal((1, n_h)) * 0.7,
        "b2": rng.standard_normal((1, 1)) * 0.3,
    }
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    return parameters, X, Y


@pytest.fixture(params=[0, 1], ids=lambda s: f"seed{s}")
def problem(request):
    return _problem(request.param)


def test_build_shallow_model_holds_the_parameters(twin):
    parameters, _, _ = _problem(0)
    net = twin.build_shallow_model(parameters)
    hidden, output = net.layers
    np.testing.assert_allclose(hidden.get_weights()[0], parameters["W1"].T, rtol=1e-7)
    np.testing.assert_allclose(output.get_weights()[1], parameters["b2"].ravel(), rtol=1e-7)
    assert hidden.get_config()["activation"] == "tanh"
    assert output.get_config()["activation"] == "sigmoid"
    back = twin.parameters_from_model(net)
    for k in parameters:
        np.testing.assert_allclose(back[k], parameters[k], rtol=1e-7)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_forward_propagation(twin, problem, activation):
    parameters, X, _ = problem
    A2_tf, cache_tf = twin.forward_propagation(X, parameters, activation)
    A2, cache = sn.forward_propagation(X, parameters, activation)
    assert A2_tf.shape == A2.shape == (1, X.shape[1])
    for name in cache:
        assert cache_tf[name].shape == cache[name].shape
        np.testing.assert_allclose(cache_tf[name], cache[name], rtol=RTOL, atol=ATOL)


def test_compute_cost(twin, problem):
    parameters, X, Y = problem
    A2, _ = sn.forward_propagation(X, parameters)
    assert twin.compute_cost(A2, Y) == pytest.approx(sn.compute_cost(A2, Y), rel=RTOL)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_backward_propagation(twin, problem, activation):
    parameters, X, Y = problem
    _, cache = sn.forward_propagation(X, parameters, activation)
    grads_tf = twin.backward_propagation(parameters, cache, X, Y, activation)
    grads = sn.backward_propagation(parameters, cache, X, Y, activation)
    assert set(grads_tf) == set(grads)
    for name in grads:
        assert grads_tf[name].shape == grads[name].shape
        np.testing.assert_allclose(grads_tf[name], grads[name], rtol=RTOL, atol=ATOL)


def test_training_with_fit_matches_the_numpy_loop(twin):
    X, Y = load_planar_dataset(m=120)
    seen = []
    params_tf, costs_tf = twin.train_shallow_network(X, Y, 4, 150, progress=seen.append)
    params, costs = sn.train_shallow_network(X, Y, 4, 150)
    assert len(costs_tf) == len(costs) == 150
    np.testing.assert_allclose(costs_tf, costs, rtol=1e-4, atol=1e-5)
    for name in params:
        np.testing.assert_allclose(params_tf[name], params[name], rtol=1e-4, atol=1e-5)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    np.testing.assert_array_equal(twin.predict(params_tf, X), sn.predict(params_tf, X))


def test_nn_model_twin_course_example(twin):
    np.random.seed(1)  # noqa: NPY002
    X = np.random.randn(2, 3)  # noqa: NPY002
    Y = np.random.randn(1, 3) > 0  # noqa: NPY002
    p = twin.nn_model(X, Y, 4, num_iterations=200)
    np.random.seed(1)  # noqa: NPY002
    q = sn.nn_model(np.random.randn(2, 3), Y, 4, num_iterations=200)  # noqa: NPY002
    for name in p:
        np.testing.assert_allclose(p[name], q[name], rtol=1e-3, atol=1e-4)


def test_twin_shape_errors_use_course_notation(twin, problem):
    parameters, X, Y = problem
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\) = \(3, m\)"):
        twin.forward_propagation(X.T, parameters)
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\)"):
        twin.backward_propagation(parameters, None, X, Y.T)
