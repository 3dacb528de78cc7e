"""Gradient checks of the batch-norm backward passes (float64, relative error < 1e-7).

The course's convention: dZ and dZ_tilde are per-example gradients (no 1/m), dgamma and
dbeta carry the 1/m. So for J = 1/m sum(Z_tilde * dZ_tilde), dgamma = dJ/dgamma, while
dZ = m dJ/dZ: Z is checked with scale 1 and gamma, beta with scale 1/m.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.gradient_check import check_backward, gradient_check


def _backward(dout, cache):
    dZ, dgamma, dbeta = bn.batchnorm_backward(dout, cache)
    return {"dZ": dZ, "dgamma": dgamma, "dbeta": dbeta}


@pytest.mark.parametrize("mode", ["train", "test"])
@pytest.mark.parametrize("shape", [(2, 3), (3, 5), (4, 16)])
def test_batchnorm_backward(mode, shape):
    rng = np.random.default_rng(11)
    n, m = shape
    Z = rng.standard_normal(shape) * rng.uniform(0.5, 3, (n, 1)) + rng.standard_normal((n, 1))
    inputs = {"Z": Z, "gamma": rng.uniform(0.5, 2, (n, 1)), "beta": rng.standard_normal((n, 1))}
    param = {
        "mode": mode,
        "epsilon": 1e-5,
        "running_mean": rng.standard_normal((n, 1)),
        "running_var": rng.uniform(0.5, 2, (n, 1)),
    }
    dout = np.random.default_rng(99).standard_normal(shape)  # independent of Z

    def forward(Z, gamma, beta):
        return bn.batchnorm_forward(Z, gamma, beta, param)

    errors = check_backward(forward, _backward, inputs, wrt=["Z"], dout=dout)
    errors.update(
        check_backward(forward, _backward, inputs, wrt=["gamma", "beta"], dout=dout, scale=1 / m)
    )
    assert max(errors.values()) < 1e-7, errors


def test_a_backward_without_the_mu_and_sigma_paths_fails_the_check():
    rng = np.random.default_rng(2)
    Z = rng.standard_normal((3, 6))
    inputs = {"Z": Z, "gamma": np.ones((3, 1)), "beta": np.zeros((3, 1))}

    def forward(Z, gamma, beta):
        return bn.batchnorm_forward(Z, gamma, beta, {})

    def naive(dout, cache):  # treats mu and sigma^2 as constants
        return {"dZ": cache["gamma"] * dout * cache["inv_std"]}

    error = check_backward(forward, naive, inputs, wrt=["Z"], dout=rng.standard_normal((3, 6)))
    assert error["Z"] > 1e-2


@pytest.mark.parametrize("batch_norm", [True, False])
@pytest.mark.parametrize("dims", [[3, 4, 1], [3, 5, 4, 1]], ids=str)
def test_network_backward(batch_norm, dims):
    rng = np.random.default_rng(5)
    X = rng.standard_normal((3, 9))
    Y = (rng.random((1, 9)) > 0.5).astype(float)
    params = bn.initialize_parameters_bn(dims, batch_norm, seed=2)
    for key in params:  # move beta and b off zero so no ReLU input sits at its kink
        if not key.startswith("W"):
            params[key] = params[key] + rng.standard_normal(params[key].shape) * 0.3
    AL, caches, _ = bn.L_model_forward_bn(X, params)
    grads = bn.L_model_backward_bn(AL, Y, caches)

    def cost(p):
        return dn.compute_cost(bn.L_model_forward_bn(X, p)[0], Y)

    assert gradient_check(cost, params, grads) < 1e-7
