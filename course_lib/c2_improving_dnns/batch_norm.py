"""Batch normalisation in NumPy: the layer, a network built with it, and its training.

Notation: Z is Z^[l] of shape (n^[l], m), one example per column; gamma and beta are
(n^[l], 1). In training mode, per unit (row) and over the m examples of the mini-batch:

    mu = 1/m sum_i z^(i),   sigma^2 = 1/m sum_i (z^(i) - mu)^2,
    z_norm = (z - mu) / sqrt(sigma^2 + epsilon),   z_tilde = gamma * z_norm + beta.

``bn_param`` = {"mode": "train" | "test", "epsilon": 1e-8, "momentum": 0.9,
"running_mean": (n, 1), "running_var": (n, 1)}. Defaults: epsilon 1e-8 (the lecture leaves
it open; it only guards against a zero variance), momentum 0.9 (the EWMA's beta, a window
of about 10 mini-batches), running_mean 0 and running_var 1 when absent (as Keras starts).
Training mode updates the running averages as EWMAs,
``running = momentum * running + (1 - momentum) * batch value``; test mode normalises with
them instead of the batch's statistics. The caller's ``bn_param`` is never modified: the
updated copy is returned as ``cache["bn_param"]``.

The 1/m convention is the course's: dZ and dZ_tilde are "per example" gradients (as
dZ^[L] = A^[L] - Y, with no 1/m) and the 1/m lives in the parameter gradients dW, db,
dgamma and dbeta.

Twin: course_lib/c2_improving_dnns/batch_norm_tf.py (keras.layers.BatchNormalization).
Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, sections 6-10.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.activations import relu, relu_derivative, sigmoid
from course_lib.c2_improving_dnns.training import train_loop
from course_lib.validation import (
    require_binary_labels,
    require_keys,
    require_layers,
    require_shape,
    require_xy,
)

__all__ = [
    "DEFAULT_EPSILON",
    "DEFAULT_MOMENTUM",
    "batchnorm_forward",
    "batchnorm_backward",
    "initialize_parameters_bn",
    "initialize_bn_params",
    "L_model_forward_bn",
    "L_model_backward_bn",
    "update_parameters_bn",
    "random_batches",
    "model",
    "predict_bn",
    "probe_unit",
    "batch_noise",
]

DEFAULT_EPSILON = 1e-8
DEFAULT_MOMENTUM = 0.9


# --- the layer ----------------------------------------------------------------------------


def batchnorm_forward(Z, gamma, beta, bn_param: Mapping) -> tuple[np.ndarray, dict]:
    """Batch-normalise Z^[l] over the mini-batch (train) or with running averages (test).

    Args:
        Z: (n^[l], m) pre-activations of one layer for one mini-batch.
        gamma: (n^[l], 1) scale. beta: (n^[l], 1) shift (not the momentum beta).
        bn_param: {"mode": "train" or "test", optional "epsilon" (1e-8), "momentum" (0.9),
            "running_mean" (n^[l], 1) (zeros), "running_var" (n^[l], 1) (ones)}. Not
            modified.

    Returns:
        (Z_tilde, cache): Z_tilde (n^[l], m); cache is a dict holding what the backward
        pass needs and "bn_param", a copy of bn_param whose running averages are updated
        (train mode) or unchanged (test mode).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 6.
    """
    Z = require_shape("Z", Z, (None, None), "(n[l], m)").astype(np.float64, copy=False)
    n, m = Z.shape
    gamma = require_shape("gamma", gamma, (n, 1), "(n[l], 1)")
    beta = require_shape("beta", beta, (n, 1), "(n[l], 1)")
    mode = bn_param.get("mode", "train")
    if mode not in ("train", "test"):
        raise ValueError(f"bn_param['mode'] must be 'train' or 'test'; got {mode!r}.")
    epsilon = float(bn_param.get("epsilon", DEFAULT_EPSILON))
    momentum = float(bn_param.get("momentum", DEFAULT_MOMENTUM))
    if epsilon < 0 or not 0 <= momentum <= 1:
        raise ValueError(f"need epsilon >= 0 and 0 <= momentum <= 1; got {epsilon}, {momentum}.")
    running_mean = bn_param.get("running_mean")
    running_var = bn_param.get("running_var")
    running_mean = np.zeros((n, 1)) if running_mean is None else running_mean
    running_var = np.ones((n, 1)) if running_var is None else running_var
    running_mean = require_shape("running_mean", running_mean, (n, 1), "(n[l], 1)")
    running_var = require_shape("running_var", running_var, (n, 1), "(n[l], 1)")

    if mode == "train":
        if m < 1:
            raise ValueError("Z has no examples (m = 0); a mini-batch needs at least one.")
        mu = Z.mean(axis=1, keepdims=True)
        var = ((Z - mu) ** 2).mean(axis=1, keepdims=True)
        new_mean = momentum * running_mean + (1 - momentum) * mu
        new_var = momentum * running_var + (1 - momentum) * var
    else:
        mu, var = running_mean, running_var
        new_mean, new_var = running_mean, running_var
    inv_std = 1.0 / np.sqrt(var + epsilon)
    Z_norm = (Z - mu) * inv_std
    Z_tilde = gamma * Z_norm + beta
    new_param = dict(bn_param, running_mean=new_mean.copy(), running_var=new_var.copy())
    new_param.setdefault("mode", mode)
    new_param.setdefault("epsilon", epsilon)
    new_param.setdefault("momentum", momentum)
    cache = {
        "mode": mode,
        "Z_norm": Z_norm,
        "inv_std": inv_std,
        "gamma": gamma,
        "mu": mu,
        "var": var,
        "bn_param": new_param,
    }
    return Z_tilde, cache


def batchnorm_backward(dZ_tilde, cache: Mapping) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Backward through batch norm, including how mu and sigma^2 depend on every z^(i).

    With dZ_norm = gamma * dZ_tilde, per unit and in train mode:

        dZ = inv_std * (dZ_norm - mean(dZ_norm) - Z_norm * mean(dZ_norm * Z_norm)),

    where the two means (over the m examples) come from the paths through mu and sigma^2.
    In test mode mu and sigma^2 are constants and dZ = inv_std * dZ_norm. The parameter
    gradients carry the course's 1/m: dgamma = 1/m sum(dZ_tilde * Z_norm),
    dbeta = 1/m sum(dZ_tilde), over the examples.

    Args:
        dZ_tilde: (n^[l], m) gradient with respect to Z_tilde (per example, no 1/m).
        cache: the cache from ``batchnorm_forward``.

    Returns:
        (dZ (n^[l], m), dgamma (n^[l], 1), dbeta (n^[l], 1)).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 7.
    """
    require_keys("cache", cache, ["Z_norm", "inv_std", "gamma", "mode"])
    Z_norm, inv_std, gamma = cache["Z_norm"], cache["inv_std"], cache["gamma"]
    dZ_tilde = require_shape("dZ_tilde", dZ_tilde, Z_norm.shape, "(n[l], m)")
    m = Z_norm.shape[1]
    dbeta = dZ_tilde.sum(axis=1, keepdims=True) / m
    dgamma = (dZ_tilde * Z_norm).sum(axis=1, keepdims=True) / m
    dZ_norm = gamma * dZ_tilde
    if cache["mode"] == "test":
        return dZ_norm * inv_std, dgamma, dbeta
    dZ = inv_std * (
        dZ_norm
        - dZ_norm.mean(axis=1, keepdims=True)
        - Z_norm * (dZ_norm * Z_norm).mean(axis=1, keepdims=True)
    )
    return dZ, dgamma, dbeta


# --- a network with batch norm ------------------------------------------------------------


def initialize_parameters_bn(
    layers_dims: Sequence[int], batch_norm: bool = True, seed: int = 0
) -> dict[str, np.ndarray]:
    """He-initialised weights for [LINEAR -> BN -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    With batch norm a hidden layer has W^[l], gamma^[l] (ones) and beta^[l] (zeros) and
    no b^[l]: the mean subtraction would cancel it, and beta^[l] does its job. The output
    layer keeps W^[L] and b^[L]. Without batch norm every layer has W^[l] and b^[l].

    Args:
        layers_dims: [n_x, n^[1], ..., n^[L]].
        batch_norm: whether the hidden layers use batch norm.
        seed: seed of the weights (W^[l] = randn * sqrt(2 / n^[l-1]) for l = 1..L).

    Returns:
        {"W1": (n^[1], n_x), "gamma1": (n^[1], 1), "beta1": (n^[1], 1), ...,
        "WL": (n^[L], n^[L-1]), "bL": (n^[L], 1)} (with "b<l>" instead of gamma/beta
        when batch_norm is False). The same seed gives the same W in both cases.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    dims = [int(n) for n in layers_dims]
    if len(dims) < 2 or min(dims) < 1:
        raise ValueError(f"layers_dims must list at least two positive sizes; got {layers_dims!r}.")
    rng = np.random.default_rng(seed)
    L = len(dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * np.sqrt(2 / dims[l - 1])
        if batch_norm and l < L:
            parameters[f"gamma{l}"] = np.ones((dims[l], 1))
            parameters[f"beta{l}"] = np.zeros((dims[l], 1))
        else:
            parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def initialize_bn_params(
    layers_dims: Sequence[int], momentum: float = DEFAULT_MOMENTUM, epsilon: float = DEFAULT_EPSILON
) -> list[dict]:
    """One bn_param per hidden layer: running mean 0, running variance 1, mode "train".

    Args:
        layers_dims: [n_x, n^[1], ..., n^[L]].
        momentum: the EWMA beta of the running averages. epsilon: added to sigma^2.

    Returns:
        [bn_param for layer 1, ..., bn_param for layer L-1].

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    return [
        {
            "mode": "train",
            "epsilon": epsilon,
            "momentum": momentum,
            "running_mean": np.zeros((n, 1)),
            "running_var": np.ones((n, 1)),
        }
        for n in list(layers_dims)[1:-1]
    ]


def _num_layers(parameters: Mapping) -> int:
    L = 1
    while f"W{L + 1}" in parameters:
        L += 1
    if "W1" not in parameters or f"b{L}" not in parameters:
        raise ValueError("parameters must hold W1, ..., WL and bL (see initialize_parameters_bn).")
    return L


def L_model_forward_bn(
    X, parameters: Mapping, bn_params: Sequence[Mapping] | None = None, mode: str = "train"
) -> tuple[np.ndarray, list, list[dict]]:
    """Forward pass: hidden layers Z = W A_prev -> BN -> ReLU, then LINEAR -> SIGMOID.

    A hidden layer without "gamma<l>" in ``parameters`` is a plain Z = W A_prev + b -> ReLU
    layer, so the same function runs the network without batch norm.

    Args:
        X: (n_x, m) inputs.
        parameters: from ``initialize_parameters_bn``.
        bn_params: one bn_param per hidden layer (None: fresh ones); only used with BN.
        mode: "train" (batch statistics, running averages updated) or "test" (running
            averages used).

    Returns:
        (AL (1, m), caches, new_bn_params): one cache per layer for the backward pass and
        the bn_params with updated running averages (the given ones are not modified).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    L = _num_layers(parameters)
    A = require_shape("X", X, (parameters["W1"].shape[1], None), "(n_x, m)")
    if bn_params is None:
        dims = [parameters["W1"].shape[1]] + [parameters[f"W{l}"].shape[0] for l in range(1, L + 1)]
        bn_params = initialize_bn_params(dims)
    caches, new_bn_params = [], []
    for l in range(1, L):
        A_prev, W = A, parameters[f"W{l}"]
        if f"gamma{l}" in parameters:
            Z = W @ A_prev
            Z_tilde, bn_cache = batchnorm_forward(
                Z,
                parameters[f"gamma{l}"],
                parameters[f"beta{l}"],
                dict(bn_params[l - 1], mode=mode),
            )
            new_bn_params.append(bn_cache["bn_param"])
        else:
            Z = W @ A_prev + parameters[f"b{l}"]
            Z_tilde, bn_cache = Z, None
            new_bn_params.append(dict(bn_params[l - 1]) if l - 1 < len(bn_params) else {})
        A = relu(Z_tilde)
        caches.append({"A_prev": A_prev, "W": W, "Z": Z, "Z_tilde": Z_tilde, "bn": bn_cache})
    WL, bL = parameters[f"W{L}"], parameters[f"b{L}"]
    ZL = WL @ A + bL
    AL = sigmoid(ZL)
    caches.append({"A_prev": A, "W": WL, "Z": ZL, "Z_tilde": ZL, "bn": None})
    return AL, caches, new_bn_params


def L_model_backward_bn(AL, Y, caches: Sequence[Mapping]) -> dict[str, np.ndarray]:
    """Backward pass of ``L_model_forward_bn`` (cross-entropy cost, sigmoid output).

    Output layer: dZ^[L] = AL - Y. Hidden layer: dZ_tilde = dA * relu'(Z_tilde), then
    ``batchnorm_backward`` (or nothing without BN) gives dZ, and dW = 1/m dZ A_prev^T,
    dA_prev = W^T dZ. relu'(0) = 0 (``activations.relu_derivative``, as the course and Keras).

    Args:
        AL: (1, m) output. Y: (1, m) labels. caches: from ``L_model_forward_bn``.

    Returns:
        {"dW1", "dgamma1", "dbeta1" (or "db1"), ..., "dWL", "dbL"}, shaped like the
        parameters.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    L = len(caches)
    AL = require_shape("AL", AL, (1, None), "(1, m)")
    Y = require_shape("Y", Y, AL.shape, "(1, m)").astype(np.float64)
    require_binary_labels("Y", Y)
    m = AL.shape[1]
    grads: dict[str, np.ndarray] = {}
    output = caches[L - 1]
    dZ = AL - Y  # the output layer: sigmoid + cross-entropy
    grads[f"dW{L}"] = dZ @ output["A_prev"].T / m
    grads[f"db{L}"] = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = output["W"].T @ dZ
    for l in reversed(range(1, L)):  # the hidden layers: ReLU, then BN (if any), then W
        cache = caches[l - 1]
        dZ_tilde = dA_prev * relu_derivative(cache["Z_tilde"])
        if cache["bn"] is not None:
            dZ, grads[f"dgamma{l}"], grads[f"dbeta{l}"] = batchnorm_backward(dZ_tilde, cache["bn"])
        else:
            dZ = dZ_tilde
            grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        grads[f"dW{l}"] = dZ @ cache["A_prev"].T / m
        dA_prev = cache["W"].T @ dZ
    return grads


def update_parameters_bn(parameters: Mapping, grads: Mapping, learning_rate: float) -> dict:
    """Gradient descent on every parameter, gamma and beta included: p -= alpha dp.

    Args:
        parameters: {"W1", "gamma1", "beta1", ..., "WL", "bL"} (not modified).
        grads: {"dW1", "dgamma1", ...}, shaped like the parameters.
        learning_rate: alpha.

    Returns:
        A new parameter dict.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    L = require_layers("parameters", parameters, biases=False)
    for l in range(1, L + 1):  # each layer has a bias b, or batch norm's gamma and beta
        if f"b{l}" not in parameters:
            require_keys("parameters", parameters, [f"gamma{l}", f"beta{l}"])
    require_keys("grads", grads, [f"d{name}" for name in parameters])
    return {name: value - learning_rate * grads[f"d{name}"] for name, value in parameters.items()}


def random_batches(X, Y, mini_batch_size: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Shuffle the columns of (X, Y) and cut them into mini-batches (the last may be smaller).

    Args:
        X: (n_x, m). Y: (1, m). mini_batch_size: examples per batch. seed: shuffle seed.

    Returns:
        [(X_t (n_x, m_t), Y_t (1, m_t)), ...].

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    X, Y = require_xy(X, Y)
    m = X.shape[1]
    if int(mini_batch_size) != mini_batch_size or mini_batch_size < 1:
        raise ValueError(f"mini_batch_size must be a positive integer; got {mini_batch_size!r}.")
    order = np.random.default_rng(seed).permutation(m)
    X, Y = X[:, order], Y[:, order]
    size = int(mini_batch_size)
    return [(X[:, k : k + size], Y[:, k : k + size]) for k in range(0, m, size)]


def model(
    X,
    Y,
    layers_dims: Sequence[int],
    *,
    batch_norm: bool = True,
    learning_rate: float = 0.1,
    mini_batch_size: int = 64,
    num_epochs: int = 100,
    bn_momentum: float = DEFAULT_MOMENTUM,
    epsilon: float = DEFAULT_EPSILON,
    seed: int = 0,
    record_every: int = 1,
    print_cost: bool = False,
    probe: tuple[np.ndarray, int, int] | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train the network with or without batch norm by mini-batch gradient descent.

    The step (forward, cost, backward, update of W, gamma, beta, b and of the running
    averages) runs inside the shared ``training.train_loop``; the batches are reshuffled
    every epoch with ``seed + epoch``.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        layers_dims: [n_x, n^[1], ..., 1].
        batch_norm: BN in every hidden layer (True) or plain layers with biases (False).
        learning_rate, mini_batch_size, num_epochs: the usual.
        bn_momentum, epsilon: the bn_param settings.
        seed: seed of the weights and of the shuffles.
        record_every: record the epoch cost every this many epochs.
        print_cost: print the cost every 10 % of the epochs.
        probe: optional (X_probe (n_x, k), layer l, unit j or None): before the first and
            after each epoch, record the input of layer l's ReLU on X_probe (``probe_unit``)
            and, from the same forward pass, z^[l] before batch norm.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "bn_params", "costs" (list), "probe" (array (num_epochs + 1, k), or
        (num_epochs + 1, n^[l], k) for unit None; row e is after e epochs; or None),
        "probe_before_norm" (the same shape: z^[l] before normalisation; equal to "probe"
        without batch norm; or None),
        "batch_norm", "learning_rate", "mini_batch_size", "num_epochs"}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 8.
    """
    X = require_shape("X", X, (layers_dims[0], None), "(n_x, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    parameters = initialize_parameters_bn(layers_dims, batch_norm, seed)
    state = {"bn_params": initialize_bn_params(layers_dims, bn_momentum, epsilon)}
    history: list[tuple[np.ndarray, np.ndarray]] = []  # (z tilde, z) per recorded epoch

    def step(params, X_t, Y_t, t):
        AL, caches, state["bn_params"] = L_model_forward_bn(X_t, params, state["bn_params"])
        cost = dn.compute_cost(AL, Y_t)
        grads = L_model_backward_bn(AL, Y_t, caches)
        return update_parameters_bn(params, grads, learning_rate), cost

    def batches(epoch):
        if probe is not None:  # the state before this epoch (epoch 0: the start)
            history.append(_probe_values(probe[0], current["parameters"], *probe[1:]))
        return random_batches(X, Y, mini_batch_size, seed + epoch)

    # train_loop hands the parameters back only at the end; keep the latest for the probe.
    current = {"parameters": parameters}

    def tracked_step(params, X_t, Y_t, t):
        new, cost = step(params, X_t, Y_t, t)
        current["parameters"] = new
        return new, cost

    with np.errstate(over="ignore", invalid="ignore"):
        parameters, costs = train_loop(
            parameters,
            tracked_step,
            num_epochs,
            batches=batches,
            record_every=record_every,
            print_every=max(1, num_epochs // 10) if print_cost else None,
            progress=progress,
        )
    if probe is not None and num_epochs > 0:
        history.append(_probe_values(probe[0], parameters, *probe[1:]))
    return {
        "parameters": parameters,
        "bn_params": state["bn_params"],
        "costs": costs,
        "probe": np.array([z_tilde for z_tilde, _ in history]) if probe is not None else None,
        "probe_before_norm": np.array([z for _, z in history]) if probe is not None else None,
        "batch_norm": batch_norm,
        "learning_rate": learning_rate,
        "mini_batch_size": mini_batch_size,
        "num_epochs": num_epochs,
    }


def predict_bn(X, parameters: Mapping, bn_params: Sequence[Mapping]) -> np.ndarray:
    """Labels 0/1 at test time: batch norm uses the running averages, not X's statistics.

    Args:
        X: (n_x, m) inputs (any m, even 1). parameters, bn_params: from ``model``.

    Returns:
        (1, m) array of 0.0 / 1.0.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 9.
    """
    AL, _, _ = L_model_forward_bn(X, parameters, bn_params, mode="test")
    return (AL > 0.5).astype(np.float64)


def _probe_values(X_probe, parameters: Mapping, layer: int, unit: int | None):
    """(z tilde, z) of unit j of layer l on the probe examples, from one forward pass."""
    L = _num_layers(parameters)
    if not 1 <= layer < L:
        raise ValueError(f"layer must be a hidden layer, 1 ... {L - 1}; got {layer}.")
    _, caches, _ = L_model_forward_bn(X_probe, parameters, None, mode="train")
    pick = slice(None) if unit is None else unit
    return caches[layer - 1]["Z_tilde"][pick].copy(), caches[layer - 1]["Z"][pick].copy()


def probe_unit(X_probe, parameters: Mapping, layer: int, unit: int | None) -> np.ndarray:
    """The value unit j of layer l feeds its ReLU, for each probe example (None: all units).

    With batch norm that is z_tilde, normalised with the probe set's own statistics (as
    during training); without it, z = W a_prev + b. This is what layer l + 1 sees (before
    the ReLU), so it shows how much the next layer's input distribution moves.

    Args:
        X_probe: (n_x, k). parameters: the network's. layer: l in 1..L-1. unit: j, or None.

    Returns:
        (k,) values for one unit, (n^[l], k) for unit=None.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 10.
    """
    return _probe_values(X_probe, parameters, layer, unit)[0]


def batch_noise(
    Z,
    example: int,
    batch_sizes: Sequence[int],
    n_draws: int = 200,
    seed: int = 0,
    epsilon: float = DEFAULT_EPSILON,
) -> dict[int, float]:
    """How much z_norm of one example varies with the other examples in its mini-batch.

    For each size s, draws ``n_draws`` random mini-batches of s columns of Z that contain
    ``example``, normalises each with its own mean and variance, and measures the standard
    deviation of the example's z_norm (averaged over the units). This is the noise that
    makes batch norm a slight regulariser; it shrinks roughly like 1/sqrt(s).

    Args:
        Z: (n^[l], m) pre-activations of a layer over a data set.
        example: the column to follow.
        batch_sizes: mini-batch sizes s, each 2 <= s <= m.
        n_draws: mini-batches per size.
        seed: seed of the draws. epsilon: as in batchnorm_forward.

    Returns:
        {s: standard deviation of the example's z_norm across mini-batches}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 11.
    """
    Z = require_shape("Z", Z, (None, None), "(n[l], m)")
    m = Z.shape[1]
    rng = np.random.default_rng(seed)
    others = np.delete(np.arange(m), example)
    noise = {}
    for s in batch_sizes:
        if not 2 <= s <= m:
            raise ValueError(f"batch sizes must lie in 2 ... m = {m}; got {s}.")
        values = np.empty((n_draws, Z.shape[0]))
        for k in range(n_draws):
            cols = np.concatenate([[example], rng.choice(others, s - 1, replace=False)])
            batch = Z[:, cols]
            mu, var = batch.mean(axis=1), batch.var(axis=1)
            values[k] = (batch[:, 0] - mu) / np.sqrt(var + epsilon)
        noise[int(s)] = float(values.std(axis=0).mean())
    return noise
