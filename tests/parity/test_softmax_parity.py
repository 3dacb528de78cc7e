"""NumPy reference vs Keras twin for softmax (course_lib.c2_improving_dnns.softmax_tf).

Keras computes in float32 (eps 1.2e-7), the reference in float64; values of order 1 after a
few layers and a handful of GD steps differ by ~1e-7, so rtol = 1e-5, atol = 1e-6 keeps a
10x margin while any real mistake (missing 1/m, transposed X, wrong sign) moves results by
1e-2 or more. Biases are non-zero so no ReLU sits at exactly 0 (where TF's derivative is 0
and course_lib's is 1).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import softmax as sm

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c2_improving_dnns import softmax_tf

    return softmax_tf


def _problem(seed, dims=(3, 5, 4), m=12):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((dims[0], m))
    Y = sm.one_hot(rng.integers(0, dims[-1], (1, m)), dims[-1])
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * 0.7
        params[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.3
    return X, Y, params


def test_softmax(twin, rng):
    Z = rng.standard_normal((4, 9)) * 3
    out = twin.softmax(Z)
    assert out.shape == Z.shape and out.dtype == np.float32
    np.testing.assert_allclose(out, sm.softmax(Z), rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(twin.softmax(np.array([[1e4], [0.0]])).ravel(), [1.0, 0.0])


def test_costs(twin, rng):
    Z = rng.standard_normal((4, 9))
    Y = sm.one_hot(rng.integers(0, 4, (1, 9)), 4)
    assert twin.softmax_cost(sm.softmax(Z), Y) == pytest.approx(
        sm.softmax_cost(sm.softmax(Z), Y), rel=RTOL
    )
    assert twin.softmax_cost_from_logits(Z, Y) == pytest.approx(
        sm.softmax_cost_from_logits(Z, Y), rel=RTOL
    )


def test_clipping_difference_is_documented(twin):
    AL, Y = np.array([[1.0], [0.0]]), np.array([[0.0], [1.0]])
    assert twin.softmax_cost(AL, Y) == pytest.approx(-np.log(1e-7), rel=1e-3)  # Keras caps
    assert sm.softmax_cost(AL, Y) > 700  # NumPy does not


def test_tape_gradient_is_yhat_minus_y_over_m(twin, rng):
    Z = rng.standard_normal((5, 8))
    Y = sm.one_hot(rng.integers(0, 5, (1, 8)), 5)
    cost, dZ = twin.logit_gradient(Z, Y)
    np.testing.assert_allclose(dZ, (sm.softmax(Z) - Y) / 8, rtol=RTOL, atol=ATOL)
    AL = sm.softmax(Z)
    np.testing.assert_allclose(twin.softmax_backward(AL, Y), sm.softmax_backward(AL, Y),
                               rtol=1e-4, atol=1e-5)  # fmt: skip


@pytest.mark.parametrize("dims", [(3, 4), (3, 5, 4), (2, 6, 5, 3)])
def test_forward_and_gradients(twin, dims):
    X, Y, params = _problem(len(dims), dims)
    AL_tf, _ = twin.forward_propagation(X, params)
    AL, _ = sm.forward_propagation(X, params)
    np.testing.assert_allclose(AL_tf, AL, rtol=RTOL, atol=ATOL)
    grads_tf, cost_tf = twin.compute_gradients(X, Y, params)
    grads, cost = sm.compute_gradients(X, Y, params)
    assert cost_tf == pytest.approx(cost, rel=RTOL)
    for key in grads_tf:
        np.testing.assert_allclose(grads_tf[key], grads[key], rtol=1e-4, atol=ATOL, err_msg=key)
    np.testing.assert_array_equal(twin.predict(X, params), sm.predict(X, params))


def test_parameters_round_trip(twin):
    _, _, params = _problem(0)
    back = twin.model_parameters(twin.build_softmax_model(params))
    for key in params:
        np.testing.assert_allclose(back[key], params[key], rtol=1e-6)


def test_training_steps(twin):
    X, labels = sm.make_multiclass_data("blobs", m=60, C=3, seed=4)
    Y = sm.one_hot(labels, 3)
    a, costs_np = sm.model(X, Y, [2, 6, 3], 0.05, 101)
    b, costs_tf = twin.model(X, Y, [2, 6, 3], 0.05, 101)
    np.testing.assert_allclose(costs_tf, costs_np, rtol=RTOL)
    for key in a:
        np.testing.assert_allclose(b[key], a[key], rtol=1e-4, atol=1e-5, err_msg=key)
