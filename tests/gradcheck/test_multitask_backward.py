"""Gradient checks of the multi-task backward pass (masked sigmoid outputs), in float64.

dZ^[L] = M * (AL - Y) (course notation: dJ/dZ^[L] = dZ^[L] / m) is checked against m times the
centred differences of J(Z^[L]), and the whole
network's gradients against centred differences of J(W^[1], b^[1], ..., W^[L], b^[L]).
Biases are non-zero so that no ReLU sits on its kink.
"""

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml.transfer import he_parameters
from course_lib.gradient_check import gradient_check, numerical_gradient, relative_difference

TOLERANCE = 1e-7


def _labels(n_y, m, missing, seed):
    rng = np.random.default_rng(seed)
    Y = (rng.random((n_y, m)) > 0.5).astype(np.float64)
    return mt.hide_labels(Y, missing, seed)


@pytest.mark.parametrize("missing", [0.0, 0.3, 0.8])
@pytest.mark.parametrize("n_y, m", [(4, 9), (1, 6), (3, 1)])
def test_dZ_matches_centred_differences_of_the_cost(n_y, m, missing):
    Z = np.random.default_rng(n_y * m).normal(0, 2, (n_y, m))
    Y = _labels(n_y, m, missing, seed=m)
    numeric = numerical_gradient(lambda z: mt.multitask_cost_from_logits(z, Y), Z)
    analytic = mt.multitask_backward(sigmoid(Z), Y)
    assert relative_difference(m * numeric, analytic) < TOLERANCE
    assert np.all(analytic[np.isnan(Y)] == 0.0)


def test_dZ_also_matches_the_cost_computed_from_probabilities():
    Z = np.random.default_rng(1).normal(0, 1, (4, 8))
    Y = _labels(4, 8, 0.4, seed=1)
    numeric = numerical_gradient(lambda z: mt.multitask_cost(sigmoid(z), Y), Z)
    assert relative_difference(8 * numeric, mt.multitask_backward(sigmoid(Z), Y)) < TOLERANCE


def test_an_all_missing_task_gets_no_gradient():
    Z = np.random.default_rng(2).normal(0, 1, (4, 5))
    Y = _labels(4, 5, 0.0, seed=2)
    Y[1] = np.nan
    numeric = numerical_gradient(lambda z: mt.multitask_cost_from_logits(z, Y), Z)
    analytic = mt.multitask_backward(sigmoid(Z), Y)
    assert relative_difference(5 * numeric, analytic) < TOLERANCE
    assert not analytic[1].any() and not numeric[1].any()


@pytest.mark.parametrize("dims", [[10, 6, 4], [10, 6, 5, 4], [3, 2, 1]], ids=str)
@pytest.mark.parametrize("missing", [0.0, 0.5])
def test_whole_network_gradients(dims, missing):
    rng = np.random.default_rng(len(dims))
    X = rng.standard_normal((dims[0], 7))
    Y = _labels(dims[-1], 7, missing, seed=3)
    params = he_parameters(dims, seed=4)
    for l in range(1, len(dims)):
        params[f"b{l}"] = rng.uniform(0.1, 0.3, (dims[l], 1))
    AL, caches = dn.L_model_forward(X, params)
    grads = mt.multitask_model_backward(AL, Y, caches)
    difference = gradient_check(
        lambda p: mt.multitask_cost_from_logits(mt.logits(X, p), Y), params, grads
    )
    assert difference < TOLERANCE


def test_explicit_mask_and_nan_labels_give_the_same_gradients():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((10, 6))
    Y = _labels(4, 6, 0.5, seed=5)
    params = he_parameters([10, 5, 4], seed=5)
    params["b1"] = np.full((5, 1), 0.2)
    AL, caches = dn.L_model_forward(X, params)
    from_nan = mt.multitask_model_backward(AL, Y, caches)
    mask = mt.label_mask(Y)
    from_mask = mt.multitask_model_backward(AL, np.nan_to_num(Y), caches, mask)
    for key in from_nan:
        np.testing.assert_array_equal(from_nan[key], from_mask[key])
