"""NumPy batch norm vs keras.layers.BatchNormalization (course_lib ... batch_norm_tf).

Keras computes in float32: rtol 1e-5 / atol 1e-5 for values. The inputs keep every
unit's variance well away from 0 and (for the network) no ReLU input near 0.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns import batch_norm as bn

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-5


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c2_improving_dnns import batch_norm_tf

    return batch_norm_tf


def _case(n=4, m=16, seed=0, mode="train", momentum=0.9, epsilon=1e-8):
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, m)) * rng.uniform(0.5, 3, (n, 1)) + rng.standard_normal((n, 1))
    param = {
        "mode": mode,
        "momentum": momentum,
        "epsilon": epsilon,
        "running_mean": rng.standard_normal((n, 1)),
        "running_var": rng.uniform(0.5, 2, (n, 1)),
    }
    return Z, rng.uniform(0.5, 2, (n, 1)), rng.standard_normal((n, 1)), param


def test_layer_is_configured_as_the_course_not_keras_defaults(twin):
    Z, gamma, beta, param = _case(momentum=0.9, epsilon=1e-8)
    layer = twin.build_batchnorm_layer(gamma, beta, param)
    assert layer.momentum == pytest.approx(0.9) and layer.epsilon == pytest.approx(1e-8)
    np.testing.assert_allclose(layer.gamma.numpy(), gamma.ravel(), rtol=1e-7)
    np.testing.assert_allclose(
        layer.moving_variance.numpy(), param["running_var"].ravel(), rtol=1e-7
    )
    import keras

    default = keras.layers.BatchNormalization()
    assert default.momentum == pytest.approx(0.99) and default.epsilon == pytest.approx(1e-3)


@pytest.mark.parametrize("mode", ["train", "test"])
@pytest.mark.parametrize("momentum, epsilon", [(0.9, 1e-8), (0.99, 1e-3)])
def test_forward_and_moving_averages(twin, mode, momentum, epsilon):
    Z, gamma, beta, param = _case(mode=mode, momentum=momentum, epsilon=epsilon)
    out, cache = bn.batchnorm_forward(Z, gamma, beta, param)
    out_tf, cache_tf = twin.batchnorm_forward(Z, gamma, beta, param)
    assert out_tf.shape == out.shape == Z.shape
    np.testing.assert_allclose(out_tf, out, rtol=RTOL, atol=ATOL)
    for key in ("running_mean", "running_var"):
        np.testing.assert_allclose(
            cache_tf["bn_param"][key], cache["bn_param"][key], rtol=RTOL, atol=ATOL
        )
    if mode == "train":  # the update really happened, on both sides
        assert not np.allclose(cache_tf["bn_param"]["running_mean"], param["running_mean"])


@pytest.mark.parametrize("mode", ["train", "test"])
def test_epsilon_is_the_courses_on_a_tiny_variance_unit(twin, mode):
    # Unit 1's variance (1e-10, or running_var 1e-10 in test mode) is below epsilon = 1e-8,
    # so dropping epsilon on either side changes its output tenfold.
    Z = np.array([[1e-5, -1e-5, 1e-5, -1e-5], [1.0, -1.0, 2.0, 0.0]])
    param = {
        "mode": mode,
        "running_mean": np.zeros((2, 1)),
        "running_var": np.array([[1e-10], [1.0]]),
    }
    gamma, beta = np.ones((2, 1)), np.zeros((2, 1))
    out, _ = bn.batchnorm_forward(Z, gamma, beta, param)
    out_tf, _ = twin.batchnorm_forward(Z, gamma, beta, param)
    np.testing.assert_allclose(np.abs(out[0]), 0.0995037, rtol=1e-6)
    np.testing.assert_allclose(out_tf, out, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("mode", ["train", "test"])
@pytest.mark.parametrize("seed", [0, 1])
def test_backward(twin, mode, seed):
    Z, gamma, beta, param = _case(n=3, m=10, seed=seed, mode=mode)
    dZ_tilde = np.random.default_rng(seed + 100).standard_normal(Z.shape)
    _, cache = bn.batchnorm_forward(Z, gamma, beta, param)
    _, cache_tf = twin.batchnorm_forward(Z, gamma, beta, param)
    for mine, theirs in zip(
        bn.batchnorm_backward(dZ_tilde, cache), twin.batchnorm_backward(dZ_tilde, cache_tf)
    ):
        assert theirs.shape == mine.shape
        np.testing.assert_allclose(theirs, mine, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("mode", ["train", "test"])
def test_network_forward(twin, mode):
    rng = np.random.default_rng(4)
    dims = [3, 6, 5, 1]
    X = rng.standard_normal((3, 20))
    params = bn.initialize_parameters_bn(dims, seed=1)
    for key in params:
        if key.startswith(("gamma", "beta")):
            params[key] = params[key] + rng.uniform(0.1, 0.4, params[key].shape)
    bn_params = bn.initialize_bn_params(dims)
    for p in bn_params:
        p["running_mean"] = rng.standard_normal(p["running_mean"].shape) * 0.1
        p["running_var"] = rng.uniform(0.5, 2, p["running_var"].shape)
    AL, _, new = bn.L_model_forward_bn(X, params, bn_params, mode=mode)
    AL_tf, none, new_tf = twin.L_model_forward_bn(X, params, bn_params, mode=mode)
    assert none is None and AL_tf.shape == (1, 20)
    np.testing.assert_allclose(AL_tf, AL, rtol=RTOL, atol=ATOL)
    for mine, theirs in zip(new, new_tf):
        np.testing.assert_allclose(theirs["running_var"], mine["running_var"], rtol=1e-4, atol=1e-5)
