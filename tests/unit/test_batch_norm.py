"""Batch normalisation in NumPy (course_lib/c2_improving_dnns/batch_norm.py) and its checks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.datasets import make_moons

from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns.batch_norm_checks import (
    check_batchnorm_forward_train,
    check_sample_learning_rate,
)


def _layer(n=3, m=6, seed=0):
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, m)) * rng.uniform(0.5, 3, (n, 1)) + 2
    return Z, rng.uniform(0.5, 2, (n, 1)), rng.standard_normal((n, 1))


def test_known_values():
    Z = np.array([[1.0, 3.0], [0.0, 4.0]])
    out, cache = bn.batchnorm_forward(Z, np.ones((2, 1)), np.zeros((2, 1)), {"epsilon": 0.0})
    np.testing.assert_allclose(out, [[-1, 1], [-1, 1]])
    np.testing.assert_allclose(cache["mu"], [[2], [2]])
    np.testing.assert_allclose(cache["var"], [[1], [4]])  # 1/m, not 1/(m-1)
    out, _ = bn.batchnorm_forward(
        Z, np.array([[2.0], [3.0]]), np.array([[5.0], [-1.0]]), {"epsilon": 0.0}
    )
    np.testing.assert_allclose(out, [[3, 7], [-4, 2]])


def test_train_mode_gives_mean_beta_and_std_gamma():
    Z, gamma, beta = _layer(4, 50)
    out, _ = bn.batchnorm_forward(Z, gamma, beta, {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=1, keepdims=True), beta, atol=1e-12)
    np.testing.assert_allclose(out.std(axis=1, keepdims=True), gamma, rtol=1e-6)


def test_gamma_sqrt_var_and_beta_mu_give_back_z():
    Z, _, _ = _layer()
    eps = 1e-3
    gamma = np.sqrt(Z.var(axis=1, keepdims=True) + eps)
    beta = Z.mean(axis=1, keepdims=True)
    out, _ = bn.batchnorm_forward(Z, gamma, beta, {"epsilon": eps})
    np.testing.assert_allclose(out, Z, rtol=1e-12)


def test_running_averages_are_ewmas_and_the_input_dict_is_untouched():
    Z, gamma, beta = _layer()
    param = {
        "mode": "train",
        "momentum": 0.8,
        "running_mean": np.ones((3, 1)),
        "running_var": np.full((3, 1), 2.0),
    }
    before = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in param.items()}
    _, cache = bn.batchnorm_forward(Z, gamma, beta, param)
    new = cache["bn_param"]
    np.testing.assert_allclose(new["running_mean"], 0.8 + 0.2 * Z.mean(axis=1, keepdims=True))
    np.testing.assert_allclose(new["running_var"], 1.6 + 0.2 * Z.var(axis=1, keepdims=True))
    for key, value in before.items():
        np.testing.assert_array_equal(param[key], value)
    assert new["momentum"] == 0.8 and new["epsilon"] == bn.DEFAULT_EPSILON


def test_defaults_start_running_stats_at_zero_and_one():
    Z, gamma, beta = _layer()
    _, cache = bn.batchnorm_forward(Z, gamma, beta, {})
    new = cache["bn_param"]
    np.testing.assert_allclose(new["running_mean"], 0.1 * Z.mean(axis=1, keepdims=True))
    np.testing.assert_allclose(new["running_var"], 0.9 + 0.1 * Z.var(axis=1, keepdims=True))


def test_test_mode_uses_running_stats_and_works_for_one_example():
    Z, gamma, beta = _layer()
    param = {
        "mode": "test",
        "running_mean": np.full((3, 1), 2.0),
        "running_var": np.full((3, 1), 4.0),
        "epsilon": 0.0,
    }
    out, cache = bn.batchnorm_forward(Z[:, :1], gamma, beta, param)
    np.testing.assert_allclose(out, gamma * (Z[:, :1] - 2) / 2 + beta)
    np.testing.assert_array_equal(cache["bn_param"]["running_mean"], param["running_mean"])


def test_constant_unit_is_finite():
    Z = np.ones((2, 5))
    out, cache = bn.batchnorm_forward(Z, np.ones((2, 1)), np.full((2, 1), 0.5), {})
    np.testing.assert_allclose(out, 0.5)
    dZ, dg, db = bn.batchnorm_backward(np.ones((2, 5)), cache)
    assert np.isfinite(dZ).all() and np.isfinite(dg).all()


def test_epsilon_matters_for_a_unit_with_tiny_variance():
    # Unit 1 has variance 1e-10, below the default epsilon = 1e-8: z_norm = z / sqrt(1.01e-8)
    # = +-0.0995, not +-1 as it would be without epsilon. Unit 2 (variance 1) barely moves.
    Z = np.array([[1e-5, -1e-5, 1e-5, -1e-5], [1.0, -1.0, 1.0, -1.0]])
    out, cache = bn.batchnorm_forward(Z, np.ones((2, 1)), np.zeros((2, 1)), {})
    np.testing.assert_allclose(out[0], 0.09950371902 * np.array([1, -1, 1, -1]), rtol=1e-9)
    np.testing.assert_allclose(out[1], Z[1] / np.sqrt(1 + 1e-8), rtol=1e-12)
    np.testing.assert_allclose(cache["inv_std"], 1 / np.sqrt([[1.01e-8], [1 + 1e-8]]))
    # In test mode a running variance of 0 is divided by sqrt(epsilon), not by 0.
    test = {"mode": "test", "running_mean": np.zeros((2, 1)), "running_var": np.zeros((2, 1))}
    out, _ = bn.batchnorm_forward(Z, np.ones((2, 1)), np.zeros((2, 1)), test)
    np.testing.assert_allclose(out, Z / 1e-4, rtol=1e-12)


def test_extreme_scale_inputs_stay_finite():
    Z = np.array([[1e150, -1e150, 3e149], [1e-150, 2e-150, 0.0]])
    out, _ = bn.batchnorm_forward(Z, np.ones((2, 1)), np.zeros((2, 1)), {"epsilon": 0.0})
    assert np.isfinite(out).all()


@pytest.mark.parametrize(
    "args, match",
    [
        ((np.ones(4), np.ones((1, 1)), np.ones((1, 1)), {}), r"Z must have shape \(n\[l\], m\)"),
        (
            (np.ones((3, 4)), np.ones((3,)), np.ones((3, 1)), {}),
            r"gamma must have shape \(n\[l\], 1\) = \(3, 1\)",
        ),
        ((np.ones((3, 4)), np.ones((3, 1)), np.ones((1, 3)), {}), r"beta must have shape"),
        ((np.ones((3, 4)), np.ones((3, 1)), np.ones((3, 1)), {"mode": "eval"}), "mode"),
        (
            (np.ones((3, 4)), np.ones((3, 1)), np.ones((3, 1)), {"running_mean": np.ones((2, 1))}),
            "running_mean",
        ),
    ],
)
def test_clear_errors(args, match):
    with pytest.raises(ValueError, match=match):
        bn.batchnorm_forward(*args)


def test_backward_checks_shapes():
    Z, gamma, beta = _layer()
    _, cache = bn.batchnorm_forward(Z, gamma, beta, {})
    with pytest.raises(ValueError, match="dZ_tilde"):
        bn.batchnorm_backward(np.ones((6, 3)), cache)


@given(
    arrays(np.float64, (3, 8), elements=st.floats(-1e3, 1e3)),
    st.floats(-50, 50),
    st.floats(0.01, 100),
)
def test_shift_and_scale_of_z_do_not_change_the_output(Z, shift, scale):
    gamma, beta = np.full((3, 1), 1.5), np.full((3, 1), -0.5)
    Z = Z + np.arange(8)  # keep every row's variance away from 0
    out, _ = bn.batchnorm_forward(Z, gamma, beta, {"epsilon": 0.0})
    moved, _ = bn.batchnorm_forward(scale * Z + shift, gamma, beta, {"epsilon": 0.0})
    np.testing.assert_allclose(moved, out, rtol=1e-6, atol=1e-6)


@given(arrays(np.float64, (2, 5), elements=st.floats(-100, 100)))
def test_backward_output_sums_to_zero_per_unit(dZ_tilde):
    Z, gamma, beta = _layer(2, 5, seed=3)
    _, cache = bn.batchnorm_forward(Z, gamma, beta, {})
    dZ, _, _ = bn.batchnorm_backward(dZ_tilde, cache)
    # Shifting every z of a unit by the same amount changes nothing, so dZ sums to 0.
    np.testing.assert_allclose(dZ.sum(axis=1), 0, atol=1e-8 * (1 + np.abs(dZ_tilde).sum()))


# --- the network ----------------------------------------------------------------------------


def test_initialisation_shapes_and_no_bias_with_bn():
    p = bn.initialize_parameters_bn([3, 5, 4, 1], batch_norm=True, seed=1)
    assert sorted(p) == sorted(["W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "b3"])
    assert p["W2"].shape == (4, 5) and p["gamma2"].shape == (4, 1) and p["b3"].shape == (1, 1)
    q = bn.initialize_parameters_bn([3, 5, 4, 1], batch_norm=False, seed=1)
    assert sorted(q) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    np.testing.assert_array_equal(p["W2"], q["W2"])
    params = bn.initialize_bn_params([3, 5, 4, 1], momentum=0.7)
    assert (
        len(params) == 2
        and params[1]["running_var"].shape == (4, 1)
        and params[0]["momentum"] == 0.7
    )
    with pytest.raises(ValueError):
        bn.initialize_parameters_bn([3])


def _moons(m=400, seed=0):
    X, y = make_moons(m, noise=0.2, random_state=seed)
    return X.T, y.reshape(1, -1).astype(float)


def test_forward_shapes_and_running_stats_returned():
    X, _ = _moons(32)
    p = bn.initialize_parameters_bn([2, 6, 5, 1], seed=0)
    params = bn.initialize_bn_params([2, 6, 5, 1])
    AL, caches, new = bn.L_model_forward_bn(X, p, params)
    assert AL.shape == (1, 32) and len(caches) == 3 and len(new) == 2
    assert not np.array_equal(new[0]["running_mean"], params[0]["running_mean"])
    np.testing.assert_array_equal(params[0]["running_mean"], 0)
    AL_test, _, same = bn.L_model_forward_bn(X[:, :1], p, new, mode="test")
    assert AL_test.shape == (1, 1)
    np.testing.assert_array_equal(same[0]["running_mean"], new[0]["running_mean"])
    with pytest.raises(ValueError, match="X must have shape"):
        bn.L_model_forward_bn(X.T, p, params)


def test_bn_trains_faster_than_plain_at_a_small_learning_rate():
    X, Y = _moons()
    kw = dict(learning_rate=0.02, mini_batch_size=64, num_epochs=15, seed=1)
    with_bn = bn.model(X, Y, [2, 16, 16, 16, 1], batch_norm=True, **kw)
    plain = bn.model(X, Y, [2, 16, 16, 16, 1], batch_norm=False, **kw)
    assert len(with_bn["costs"]) == 15
    assert with_bn["costs"][-1] < plain["costs"][-1]
    acc = np.mean(bn.predict_bn(X, with_bn["parameters"], with_bn["bn_params"]) == Y)
    assert acc > 0.85


def test_model_is_deterministic_and_probe_has_one_row_per_epoch():
    X, Y = _moons(200)
    kw = dict(num_epochs=4, mini_batch_size=50, probe=(X[:, :30], 2, 0), seed=3)
    a = bn.model(X, Y, [2, 5, 4, 1], **kw)
    b = bn.model(X, Y, [2, 5, 4, 1], **kw)
    assert a["costs"] == b["costs"]
    assert a["probe"].shape == (5, 30)
    # With BN the probed z_tilde has mean beta and std gamma on the probe batch.
    np.testing.assert_allclose(a["probe"][-1].mean(), a["parameters"]["beta2"][0, 0], atol=1e-9)
    # Before normalisation: z^[2] of the final parameters, which z_tilde normalises.
    _, caches, _ = bn.L_model_forward_bn(X[:, :30], a["parameters"], None, mode="train")
    z = a["probe_before_norm"]
    assert z.shape == (5, 30) and not np.allclose(z[-1], a["probe"][-1])
    np.testing.assert_array_equal(z[-1], caches[1]["Z"][0])
    p = a["parameters"]
    normalised = (z[-1] - z[-1].mean()) / np.sqrt(z[-1].var() + bn.DEFAULT_EPSILON)
    np.testing.assert_allclose(p["gamma2"][0, 0] * normalised + p["beta2"][0, 0], a["probe"][-1])
    plain = bn.model(X, Y, [2, 5, 4, 1], batch_norm=False, **kw)
    np.testing.assert_array_equal(plain["probe_before_norm"], plain["probe"])
    fractions = []
    bn.model(X, Y, [2, 5, 1], num_epochs=10, progress=fractions.append)
    assert fractions[-1] == 1.0


def test_test_time_prediction_uses_running_averages():
    X, Y = _moons()
    r = bn.model(X, Y, [2, 8, 8, 1], learning_rate=0.1, num_epochs=10, seed=0)
    single = np.hstack(
        [bn.predict_bn(X[:, [i]], r["parameters"], r["bn_params"]) for i in range(20)]
    )
    np.testing.assert_array_equal(single, bn.predict_bn(X[:, :20], r["parameters"], r["bn_params"]))


def test_random_batches_cover_every_example_once():
    X, Y = _moons(103)
    batches = bn.random_batches(X, Y, 25, seed=0)
    assert [b[0].shape[1] for b in batches] == [25, 25, 25, 25, 3]
    cols = np.hstack([b[0] for b in batches])
    assert sorted(map(tuple, cols.T)) == sorted(map(tuple, X.T))
    with pytest.raises(ValueError):
        bn.random_batches(X, Y, 0, seed=0)


def test_batch_noise_shrinks_with_batch_size():
    Z = np.random.default_rng(0).standard_normal((4, 600))
    noise = bn.batch_noise(Z, example=5, batch_sizes=[4, 16, 64, 256], n_draws=150)
    values = list(noise.values())
    assert all(a > b for a, b in zip(values, values[1:]))
    assert noise[4] / noise[64] > 2
    with pytest.raises(ValueError):
        bn.batch_noise(Z, 0, [1])


def test_probe_unit_rejects_output_layer():
    X, _ = _moons(10)
    with pytest.raises(ValueError, match="hidden layer"):
        bn.probe_unit(X, bn.initialize_parameters_bn([2, 3, 1]), 2, 0)


# --- exercise checks ------------------------------------------------------------------------


def test_check_batchnorm_forward_train():
    def right(Z, gamma, beta, epsilon=1e-8):
        mu = Z.mean(axis=1, keepdims=True)
        var = ((Z - mu) ** 2).mean(axis=1, keepdims=True)
        return gamma * (Z - mu) / np.sqrt(var + epsilon) + beta

    def unbiased(Z, gamma, beta, epsilon=1e-8):
        mu = Z.mean(axis=1, keepdims=True)
        return gamma * (Z - mu) / np.sqrt(Z.var(axis=1, ddof=1, keepdims=True) + epsilon) + beta

    def over_examples_axis(Z, gamma, beta, epsilon=1e-8):
        mu = Z.mean(axis=0, keepdims=True)
        return gamma * (Z - mu) / np.sqrt(Z.var(axis=0, keepdims=True) + epsilon) + beta

    def stub(Z, gamma, beta, epsilon=1e-8):
        raise NotImplementedError

    assert check_batchnorm_forward_train(right).passed
    failed = check_batchnorm_forward_train(unbiased)
    assert not failed.passed and "differs" in failed.message
    assert not check_batchnorm_forward_train(over_examples_axis).passed
    assert check_batchnorm_forward_train(stub).status == "not attempted"


def test_check_sample_learning_rate():
    def right(low, high, size, seed):
        a, b = np.log10(low), np.log10(high)
        return 10 ** (b - (b - a) * np.random.default_rng(seed).random(size))

    def linear(low, high, size, seed):
        return low + (high - low) * np.random.default_rng(seed).random(size)

    assert check_sample_learning_rate(right).passed
    assert not check_sample_learning_rate(linear).passed
