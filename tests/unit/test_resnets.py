"""Unit tests of course_lib/c4_convnets/resnets.py (NumPy): the depth experiment's network,
the residual block, weight decay towards the identity, and the ResNet blocks' forward pass.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import resnets as rn
from course_lib.c4_convnets.convolution import conv_forward
from course_lib.gradient_check import gradient_check

# -- the depth experiment -----------------------------------------------------------------------


def test_spirals_shapes_balance_and_seed():
    X, Y = rn.make_spirals(50 * 2, noise=0.0, seed=3)
    assert X.shape == (2, 100) and Y.shape == (1, 100)
    assert Y.sum() == 50 and set(np.unique(Y)) == {0.0, 1.0}
    np.testing.assert_array_equal(X[:, :50], -X[:, 50:])  # noise 0: the arms are point-mirrored
    assert np.abs(X).max() <= 1.0
    X2, _ = rn.make_spirals(100, noise=0.0, seed=3)
    np.testing.assert_array_equal(X, X2)
    with pytest.raises(ValueError, match="even"):
        rn.make_spirals(7)


def test_deep_net_shapes_and_depth_errors():
    params = rn.initialize_deep_net(6, n_x=2, width=5, seed=0)
    assert params["W1"].shape == (5, 2) and params["W6"].shape == (1, 5)
    assert params["gamma5"].shape == (5, 1) and params["b6"].shape == (1, 1)
    assert "gamma6" not in params and "b1" not in params
    for bad in (3, 0, 7):
        with pytest.raises(ValueError, match="even and >= 2"):
            rn.initialize_deep_net(bad)


def test_shortcut_layers():
    # L = 8: blocks [2, 3], [4, 5], [6, 7]; the shortcut joins at layers 3, 5, 7.
    assert [l for l in range(1, 9) if rn._has_shortcut(l, 8)] == [3, 5, 7]
    assert not any(rn._has_shortcut(l, 2) for l in range(1, 3))


@pytest.mark.parametrize("residual", [False, True])
def test_deep_net_gradients(residual):
    rng = np.random.default_rng(1)
    X = rng.standard_normal((2, 12))
    Y = (rng.random((1, 12)) > 0.5).astype(float)
    params = rn.initialize_deep_net(6, n_x=2, width=4, seed=2)
    for key in params:  # move gamma, beta and b off their start so every term counts
        params[key] = params[key] + 0.3 * rng.standard_normal(params[key].shape)
    _, _, grads = rn.deep_net_cost_and_grads(X, Y, params, residual)
    assert set(grads) == {f"d{key}" for key in params}

    def cost(p):
        return rn.deep_net_cost(X, Y, p, residual)[0]

    assert gradient_check(cost, params, grads, epsilon=1e-6) < 1e-7


def test_residual_and_plain_differ_only_by_the_shortcut():
    X, Y = rn.make_spirals(20, seed=0)
    params = rn.initialize_deep_net(2, seed=0)  # no hidden block: both are the same network
    assert rn.deep_net_cost(X, Y, params, True) == rn.deep_net_cost(X, Y, params, False)
    params = rn.initialize_deep_net(4, seed=0)
    assert rn.deep_net_cost(X, Y, params, True) != rn.deep_net_cost(X, Y, params, False)


def test_train_deep_net_lowers_the_cost_and_is_deterministic():
    X, Y = rn.make_spirals(40, seed=0)
    run = rn.train_deep_net(X, Y, 4, residual=True, num_iterations=30)
    assert run["costs"].shape == (31,) and run["costs"][-1] < 0.7 * run["costs"][0]
    assert run["cost"] == run["costs"][-1] and 0 <= run["error"] <= 1
    again = rn.train_deep_net(X, Y, 4, residual=True, num_iterations=30)
    np.testing.assert_array_equal(run["costs"], again["costs"])
    with pytest.raises(ValueError, match="learning_rate"):
        rn.train_deep_net(X, Y, 4, True, learning_rate=0.0)
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\) = \(2, m\)"):
        rn.deep_net_cost(X.T, Y, rn.initialize_deep_net(4), True)


def test_depth_experiment_small():
    X, Y = rn.make_spirals(40, seed=0)
    fractions = []
    study = rn.depth_experiment(X, Y, (2, 4), 20, seeds=(0, 1), progress=fractions.append)
    assert study["plain_costs"].shape == (2, 2) and study["residual_cost"].shape == (2,)
    np.testing.assert_allclose(study["plain_cost"], study["plain_costs"].mean(axis=0))
    assert study["plain_cost"][0] == study["residual_cost"][0]  # L = 2 has no block
    assert len(study["curves"]["plain"]) == 21
    assert fractions[-1] == 1.0 and len(fractions) == 8
    with pytest.raises(ValueError, match="even"):
        rn.depth_experiment(X, Y, (3,), 5)


def test_depth_claim_at_ci_size():
    """The lesson's claim at its CI size: plain rises at depth, residual does not."""
    X, Y = rn.make_spirals(200, seed=0)
    study = rn.depth_experiment(X, Y, (10, 30), 150)
    plain, residual = study["plain_cost"], study["residual_cost"]
    assert plain[1] > 5 * plain[0]
    assert residual[1] < plain[1] / 10 and residual[1] <= residual[0] + 0.005


# -- the residual block and the identity ----------------------------------------------------------


def test_residual_block_by_hand():
    # a = 2; z1 = 1*2 + 0 = 2, a1 = 2; z2 = -0.5*2 + 0 = -1.
    params = {"W1": [[1.0]], "b1": [[0.0]], "W2": [[-0.5]], "b2": [[0.0]]}
    out, cache = rn.residual_block_forward(np.array([[2.0]]), params, skip=True)
    assert out[0, 0] == 1.0  # g(z2 + a) = g(1); added after g it would be g(-1) + 2 = 2
    assert cache["z2"][0, 0] == -1.0
    plain, _ = rn.residual_block_forward(np.array([[2.0]]), params, skip=False)
    assert plain[0, 0] == 0.0


def test_zero_weights_give_the_identity_for_non_negative_inputs(rng):
    a = np.maximum(rng.standard_normal((5, 7)), 0)
    zeros = {k: np.zeros_like(v) for k, v in rn.initialize_dense_block(5).items()}
    out, _ = rn.residual_block_forward(a, zeros)
    np.testing.assert_array_equal(out, a)
    negative, _ = rn.residual_block_forward(-a - 1, zeros)  # g(a) != a when a < 0
    assert np.all(negative == 0)


def test_residual_block_errors():
    params = rn.initialize_dense_block(3)
    with pytest.raises(ValueError, match=r"a_prev must have shape \(n, m\) = \(3, m\)"):
        rn.residual_block_forward(np.ones((4, 2)), params)
    with pytest.raises(ValueError, match="W2"):
        rn.residual_block_forward(np.ones((3, 2)), {"W1": np.eye(3), "b1": np.zeros((3, 1))})


def test_weight_decay_identity():
    weak = rn.weight_decay_identity(0.001)
    strong = rn.weight_decay_identity(1.0)
    assert weak["shrink"] == pytest.approx(0.9999**100)
    assert strong["shrink"] == pytest.approx(0.9**100)
    assert strong["residual_gap"] < 1e-4 < 0.1 < weak["residual_gap"]
    assert strong["plain_gap"] == pytest.approx(1.0, abs=1e-4)
    assert np.all(strong["a_prev"] >= 0)
    full = rn.weight_decay_identity(10.0)  # alpha * lambda = 1: W, b = 0 after one step
    assert full["shrink"] == 0 and full["residual_gap"] == 0 and full["plain_gap"] == 1
    with pytest.raises(ValueError, match="flips"):
        rn.weight_decay_identity(20.0)


# -- the ResNet blocks ------------------------------------------------------------------------


def _random_block(rng, n_C_prev, f, filters, shortcut):
    params = rn.initialize_block_parameters(n_C_prev, f, filters, shortcut, seed=1)
    for key, value in params.items():
        if key.startswith(("b", "beta", "mean")):
            params[key] = rng.normal(0, 0.3, value.shape)
        elif key.startswith(("gamma", "var")):
            params[key] = rng.uniform(0.5, 1.5, value.shape)
    return params


def test_batchnorm_conv_forward(rng):
    Z = rng.standard_normal((3, 4, 5, 2)) * [2.0, 0.5] + [1.0, -3.0]
    ones, zeros = np.ones((1, 1, 1, 2)), np.zeros((1, 1, 1, 2))
    out, cache = rn.batchnorm_conv_forward(Z, ones, zeros, {"mode": "train", "epsilon": 0.0})
    np.testing.assert_allclose(out.mean(axis=(0, 1, 2)), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=(0, 1, 2)), 1, atol=1e-9)
    assert cache["bn_param"]["running_mean"].shape == (2, 1)
    mean, var = np.array([1.0, 2.0]).reshape(1, 1, 1, 2), np.array([4.0, 0.25]).reshape(1, 1, 1, 2)
    param = {"mode": "test", "epsilon": 0.0, "running_mean": mean, "running_var": var}
    out, _ = rn.batchnorm_conv_forward(Z, 2 * ones, zeros + 1, param)
    np.testing.assert_allclose(out, 2 * (Z - mean) / np.sqrt(var) + 1)
    with pytest.raises(ValueError, match=r"gamma must have shape \(1, 1, 1, n_C\)"):
        rn.batchnorm_conv_forward(Z, np.ones((2, 1)), zeros, {"mode": "train"})


def test_identity_block_by_hand(rng):
    # W = 0, b = 0 and moving statistics (0, 1): the main path's last BN outputs beta3, so
    # in inference mode the block is relu(beta3 + A_prev).
    params = rn.initialize_block_parameters(3, 3, [2, 2, 3])
    params = {k: (np.zeros_like(v) if k[0] == "W" else v) for k, v in params.items()}
    params["beta3"] = np.array([0.5, -1.0, 2.0]).reshape(1, 1, 1, 3)
    A = rng.standard_normal((2, 4, 4, 3))
    out = rn.identity_block(A, params, 3, training=False)
    np.testing.assert_allclose(out, np.maximum(A + params["beta3"], 0))


def _reference_block(A, params, f, s, training, epsilon=1e-3):
    """The block from the course's loop convolution and batch norm written out by hand."""

    def unit(X, k, stride, pad, activation):
        Z, _ = conv_forward(X, params[f"W{k}"], params[f"b{k}"], {"stride": stride, "pad": pad})
        if training:
            mean, var = Z.mean(axis=(0, 1, 2)), Z.var(axis=(0, 1, 2))
        else:
            mean, var = params[f"mean{k}"], params[f"var{k}"]
        Z = params[f"gamma{k}"] * (Z - mean) / np.sqrt(var + epsilon) + params[f"beta{k}"]
        return np.maximum(Z, 0) if activation else Z

    X = unit(A, "1", s or 1, 0, True)
    X = unit(X, "2", 1, (f - 1) // 2, True)
    X = unit(X, "3", 1, 0, False)
    shortcut = A if s is None else unit(A, "_s", s, 0, False)
    return np.maximum(X + shortcut, 0)


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("s", [None, 1, 2])
def test_blocks_match_the_loop_reference(rng, s, training):
    n_C_prev = 4 if s is None else 3
    params = _random_block(rng, n_C_prev, 3, [2, 3, 4], shortcut=s is not None)
    A = rng.standard_normal((2, 5, 5, n_C_prev))
    out = rn.block_forward(A, params, 3, s, training)
    expected = _reference_block(A, params, 3, s, training)
    np.testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-12)
    assert out.shape == (2, *rn.block_output_shape((5, 5, n_C_prev), [2, 3, 4], s))
    assert np.all(out >= 0)


def test_block_shapes_and_errors(rng):
    params = rn.initialize_block_parameters(3, 3, [2, 2, 5], shortcut=True)
    A = rng.standard_normal((2, 7, 7, 3))
    assert rn.convolutional_block(A, params, 3, s=2).shape == (2, 4, 4, 5)
    assert rn.convolutional_block(A, params, 3, s=3).shape == (2, 3, 3, 5)
    with pytest.raises(ValueError, match=r"F3 must equal n_C_prev; got F3 = 5"):
        rn.identity_block(A, params, 3)
    with pytest.raises(ValueError, match="odd filter size"):
        rn.convolutional_block(A, params, 2)
    with pytest.raises(ValueError, match=r"W2 must have shape \(f, f, F1, F2\) with f = 5"):
        rn.convolutional_block(A, params, 5)
    with pytest.raises(ValueError, match="W_s"):
        rn.convolutional_block(A, {k: v for k, v in params.items() if k != "W_s"}, 3)
    with pytest.raises(ValueError, match=r"A_prev must have shape \(m, n_H, n_W, n_C_prev\)"):
        rn.identity_block(A[0], params, 3)
    with pytest.raises(ValueError, match="filters must be"):
        rn.initialize_block_parameters(3, 3, [2, 2])
    with pytest.raises(ValueError, match="identity block needs F3 == n_C_prev"):
        rn.block_output_shape((7, 7, 3), [2, 2, 5])


def test_initialize_block_parameters():
    params = rn.initialize_block_parameters(6, 3, [2, 4, 8], shortcut=True, seed=0)
    assert params["W1"].shape == (1, 1, 6, 2) and params["W2"].shape == (3, 3, 2, 4)
    assert params["W3"].shape == (1, 1, 4, 8) and params["W_s"].shape == (1, 1, 6, 8)
    assert np.all(params["var2"] == 1) and np.all(params["mean_s"] == 0)
    limit = np.sqrt(6 / (9 * (2 + 4)))  # glorot uniform of the 3x3 filters
    assert np.abs(params["W2"]).max() <= limit
    again = rn.initialize_block_parameters(6, 3, [2, 4, 8], shortcut=True, seed=0)
    np.testing.assert_array_equal(params["W2"], again["W2"])


def test_resnet50_parameter_count():
    count = rn.resnet50_param_count((64, 64, 3), 6)
    assert count == {
        "total": 23_600_006,
        "trainable": 23_546_886,
        "non_trainable": 53_120,
        "flatten": 2048,
    }
    # 224x224 and 1000 classes: the ImageNet model (25.6M), 7x7 pooled to 3x3 here.
    assert rn.resnet50_param_count((224, 224, 3), 1000)["flatten"] == 3 * 3 * 2048
