"""Residual networks in NumPy: the skip connection, plain vs residual depth, the ResNet blocks.

Three parts, one per idea of the lecture:

* **The depth experiment** (C4.34). Dense networks of L weight layers, every hidden layer
  LINEAR -> BATCH NORM -> RELU of the same width; the residual version adds a shortcut
  around every pair of hidden layers. Both start from the same weights and are trained with
  the same budget, so the shortcut is the only difference. Parameters follow the course's
  batch-norm network (course_lib/c2_improving_dnns/batch_norm.py): ``"W<l>"`` (n^[l], n^[l-1]),
  ``"gamma<l>"``, ``"beta<l>"`` (n^[l], 1) for l < L, and ``"W<L>"``, ``"b<L>"`` for the
  sigmoid output layer. Layer 1 maps the input to the width; layers 2..L-1 pair up into
  (L - 2) / 2 blocks [2, 3], [4, 5], ...; block [l+1, l+2] computes
  ``a^[l+2] = g(z~^[l+2] + a^[l])``: the shortcut is added *before* the block's second ReLU.
* **Why the identity is easy** (C4.35-C4.36). The lecture's dense block without batch norm,
  ``a^[l+2] = g(W^[l+2] g(W^[l+1] a^[l] + b^[l+1]) + b^[l+2] + a^[l])``; when weight decay has
  shrunk W and b to 0 it returns g(a^[l]) = a^[l], because a^[l] is itself a ReLU output (>= 0).
* **The ResNet blocks** (C4.37-C4.38) of the course's ResNet-50 as a NumPy forward pass:
  ``identity_block`` and ``convolutional_block``, CONV -> BN -> RELU on the main path with
  ``conv_forward_vectorized`` and a per-channel batch norm. Volumes are (m, n_H, n_W, n_C).
  A block's parameters: for k = 1, 2, 3 (the three convolutions of the main path)
  ``"W<k>"`` (f_k, f_k, n_C_in, F_k), ``"b<k>"``, ``"gamma<k>"``, ``"beta<k>"``, ``"mean<k>"``,
  ``"var<k>"`` (1, 1, 1, F_k) (mean and var are batch norm's moving statistics), and for the
  convolutional block's shortcut the same six with the suffix ``"_s"`` (``"W_s"``, ...).

The Keras functions of the course (``resnets_tf.identity_block(X, f, filters, ...)``) take a
tensor and *create* their layers; the NumPy ones here take the *weights*
(``identity_block(A_prev, parameters, f, ...)``), so the same block can be computed twice and
compared. ``block_forward`` has the same inputs on both sides.

Batch norm: ``training=False`` (inference) normalises with the moving statistics ``mean<k>``,
``var<k>``; ``training=True`` with the statistics of the batch itself (over m, n_H and n_W, per
channel), as ``keras.layers.BatchNormalization(axis=3)`` does. epsilon defaults to Keras's
1e-3 so that the two agree.

Twin: course_lib/c4_convnets/resnets_tf.py.
Taught in: notebooks/c4_convnets/06_resnets.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks.activations import relu
from course_lib.c2_improving_dnns.batch_norm import batchnorm_forward
from course_lib.c4_convnets.convolution import conv_forward_vectorized, conv_output_size
from course_lib.validation import require_binary_labels, require_keys, require_shape

__all__ = [
    "KERAS_EPSILON",
    "KINDS",
    "RESNET50_STAGES",
    "make_spirals",
    "initialize_deep_net",
    "deep_net_cost",
    "deep_net_cost_and_grads",
    "train_deep_net",
    "depth_experiment",
    "initialize_dense_block",
    "residual_block_forward",
    "weight_decay_identity",
    "batchnorm_conv_forward",
    "initialize_block_parameters",
    "identity_block",
    "convolutional_block",
    "block_forward",
    "block_output_shape",
    "resnet50_param_count",
]

KERAS_EPSILON = 1e-3  # keras.layers.BatchNormalization's default epsilon
_BN_EPSILON = 1e-5  # the dense networks of the depth experiment
KINDS = ("plain", "residual")

# The course's ResNet-50: (filters [F1, F2, F3], stride of the convolutional block, blocks).
RESNET50_STAGES = (
    ((64, 64, 256), 1, 3),
    ((128, 128, 512), 2, 4),
    ((256, 256, 1024), 2, 6),
    ((512, 512, 2048), 2, 3),
)


# -- the depth experiment (C4.34) ---------------------------------------------------------------


def make_spirals(m: int = 200, noise: float = 0.02, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spirals (1.5 turns each): a 2-D set a network must bend a lot to fit.

    Args:
        m: number of examples (even; m/2 per class). noise: std of the Gaussian jitter.
        seed: the generator's seed.

    Returns:
        X (2, m) with coordinates in about [-1, 1], Y (1, m) of 0.0 / 1.0.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    m = int(m)
    if m < 2 or m % 2:
        raise ValueError(f"m must be an even number >= 2 (m/2 examples per spiral); got {m}.")
    if noise < 0:
        raise ValueError(f"noise must be >= 0; got {noise}.")
    rng = np.random.default_rng(seed)
    half = m // 2
    t = np.sqrt(rng.random(half)) * 3 * np.pi  # sqrt: as many points on the outer turns
    arm = np.stack([t * np.cos(t), t * np.sin(t)], axis=1) / (3 * np.pi)
    points = np.concatenate([arm, -arm]) + noise * rng.standard_normal((m, 2))
    Y = np.concatenate([np.zeros(half), np.ones(half)])[None, :]
    return points.T, Y


def _require_depth(L) -> int:
    L = int(L)
    if L < 2 or L % 2:
        raise ValueError(
            "L (weight layers) must be even and >= 2: layer 1 maps the input to the width, "
            f"layers 2..L-1 pair up into residual blocks and layer L is the output; got {L}."
        )
    return L


def _num_layers(parameters: Mapping) -> int:
    L = sum(1 for key in parameters if key.startswith("W") and key[1:].isdigit())
    if L < 2:
        raise ValueError("parameters must hold W1 .. WL (L >= 2) of a deep network.")
    return L


def _has_shortcut(l: int, L: int) -> bool:
    """Whether layer l is the second layer of a block (its input gets a^[l-2] added)."""
    return l % 2 == 1 and 3 <= l <= L - 1


def initialize_deep_net(L: int, n_x: int = 2, width: int = 16, seed: int = 0) -> dict:
    """He-initialised weights of the experiment's network, the same for plain and residual.

    Args:
        L: weight layers (even, >= 2). n_x: input size. width: units of every hidden layer.
        seed: seed of the weights.

    Returns:
        {"W1": (width, n_x), "gamma1", "beta1": (width, 1), ..., "W<L>": (1, width),
        "b<L>": (1, 1)}; gamma = 1, beta = 0, b = 0.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    L = _require_depth(L)
    if int(n_x) < 1 or int(width) < 1:
        raise ValueError(f"n_x and width must be >= 1; got {n_x}, {width}.")
    rng = np.random.default_rng(seed)
    dims = [int(n_x)] + [int(width)] * (L - 1) + [1]
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * np.sqrt(2 / dims[l - 1])
        if l < L:
            parameters[f"gamma{l}"] = np.ones((dims[l], 1))
            parameters[f"beta{l}"] = np.zeros((dims[l], 1))
    parameters[f"b{L}"] = np.zeros((1, 1))
    return parameters


def _deep_forward(X, parameters: Mapping, residual: bool):
    L = _num_layers(parameters)
    A, Z, norms = {0: X}, {}, {}
    for l in range(1, L):
        z = parameters[f"W{l}"] @ A[l - 1]
        mu = z.mean(axis=1, keepdims=True)
        inv_std = 1.0 / np.sqrt(z.var(axis=1, keepdims=True) + _BN_EPSILON)
        z_norm = (z - mu) * inv_std
        norms[l] = (z_norm, inv_std)
        z = parameters[f"gamma{l}"] * z_norm + parameters[f"beta{l}"]
        if residual and _has_shortcut(l, L):
            z = z + A[l - 2]  # the shortcut joins before the ReLU
        Z[l] = z
        A[l] = np.maximum(z, 0.0)
    ZL = parameters[f"W{L}"] @ A[L - 1] + parameters[f"b{L}"]
    return ZL, (A, Z, norms, L)


def _check_net_inputs(X, Y, parameters):
    require_keys("parameters", parameters, ["W1"])
    L = _num_layers(parameters)
    n_x = parameters["W1"].shape[1]
    X = require_shape("X", X, (n_x, None), "(n_x, m)")
    Y = require_binary_labels("Y", require_shape("Y", Y, (1, X.shape[1]), "(1, m)"))
    keys = [f"W{l}" for l in range(1, L + 1)] + [f"b{L}"]
    keys += [f"{k}{l}" for l in range(1, L) for k in ("gamma", "beta")]
    require_keys("parameters", parameters, keys)
    return X, Y


def deep_net_cost(X, Y, parameters: Mapping, residual: bool) -> tuple[float, float]:
    """Cross-entropy cost J and training error of the experiment's network (train-mode BN).

    Args:
        X: (n_x, m). Y: (1, m) of 0/1. parameters: from ``initialize_deep_net``.
        residual: add the shortcuts (True) or not (the plain network).

    Returns:
        (J, error): J = mean log-loss over the m examples, error = fraction misclassified.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    X, Y = _check_net_inputs(X, Y, parameters)
    ZL, _ = _deep_forward(X, parameters, bool(residual))
    return _cost_error(ZL, Y)


def _cost_error(ZL, Y) -> tuple[float, float]:
    cost = float(np.mean(np.logaddexp(0.0, ZL) - Y * ZL))  # log-loss from the logits
    return cost, float(np.mean((ZL > 0) != (Y > 0.5)))


def deep_net_cost_and_grads(X, Y, parameters: Mapping, residual: bool):
    """Cost, error and gradients of the experiment's network (backprop through BN and skips).

    The shortcut a^[l] -> z^[l+2] is a sum, so its backward pass copies dz^[l+2] into da^[l]
    on top of what comes back through the block's layers.

    Args:
        X: (n_x, m). Y: (1, m). parameters: from ``initialize_deep_net``. residual: bool.

    Returns:
        (J, error, grads) with grads {"dW1", "dgamma1", "dbeta1", ..., "dW<L>", "db<L>"}
        shaped like the parameters.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    X, Y = _check_net_inputs(X, Y, parameters)
    return _cost_and_grads(X, Y, parameters, bool(residual))


def _cost_and_grads(X, Y, parameters, residual):
    ZL, (A, Z, norms, L) = _deep_forward(X, parameters, residual)
    cost, error = _cost_error(ZL, Y)
    m = X.shape[1]
    dZ = (1.0 / (1.0 + np.exp(-ZL)) - Y) / m
    grads = {f"dW{L}": dZ @ A[L - 1].T, f"db{L}": dZ.sum(axis=1, keepdims=True)}
    dA = {L - 1: parameters[f"W{L}"].T @ dZ}
    for l in range(L - 1, 0, -1):
        dZ = dA.pop(l) * (Z[l] > 0)  # relu'(0) = 0
        if residual and _has_shortcut(l, L):
            dA[l - 2] = dA.get(l - 2, 0.0) + dZ  # the shortcut's share
        z_norm, inv_std = norms[l]
        grads[f"dgamma{l}"] = (dZ * z_norm).sum(axis=1, keepdims=True)
        grads[f"dbeta{l}"] = dZ.sum(axis=1, keepdims=True)
        dz_norm = dZ * parameters[f"gamma{l}"]
        dz = inv_std * (
            dz_norm
            - dz_norm.mean(axis=1, keepdims=True)
            - z_norm * (dz_norm * z_norm).mean(axis=1, keepdims=True)
        )
        grads[f"dW{l}"] = dz @ A[l - 1].T
        dA[l - 1] = dA.get(l - 1, 0.0) + parameters[f"W{l}"].T @ dz
    return cost, error, grads


def train_deep_net(
    X,
    Y,
    L: int,
    residual: bool,
    num_iterations: int = 150,
    learning_rate: float = 0.1,
    beta: float = 0.9,
    width: int = 16,
    seed: int = 0,
) -> dict:
    """Train the plain or the residual network with full-batch gradient descent with momentum.

    The update is the course's momentum: v = beta v + (1 - beta) dW, W = W - alpha v.

    Args:
        X: (n_x, m). Y: (1, m). L: weight layers (even, >= 2). residual: with shortcuts?
        num_iterations: the budget (updates). learning_rate: alpha. beta: momentum's beta.
        width: hidden units per layer. seed: the weights' seed (same for plain and residual).

    Returns:
        {"parameters": trained dict, "costs": (num_iterations + 1,) J before each update and
        at the end, "cost": final J, "error": final training error}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    L = _require_depth(L)
    if int(num_iterations) < 0 or learning_rate <= 0 or not 0 <= beta < 1:
        raise ValueError(
            "need num_iterations >= 0, learning_rate > 0 and 0 <= beta < 1; got "
            f"{num_iterations}, {learning_rate}, {beta}."
        )
    X = require_shape("X", X, (None, None), "(n_x, m)")
    parameters = initialize_deep_net(L, X.shape[0], width, seed)
    X, Y = _check_net_inputs(X, Y, parameters)
    velocity = {key: np.zeros_like(value) for key, value in parameters.items()}
    costs = []
    for _ in range(int(num_iterations)):
        cost, _, grads = _cost_and_grads(X, Y, parameters, bool(residual))
        costs.append(cost)
        for key in parameters:
            velocity[key] = beta * velocity[key] + (1 - beta) * grads[f"d{key}"]
            parameters[key] = parameters[key] - learning_rate * velocity[key]
    cost, error = deep_net_cost(X, Y, parameters, residual)
    costs.append(cost)
    return {"parameters": parameters, "costs": np.array(costs), "cost": cost, "error": error}


def depth_experiment(
    X,
    Y,
    depths: Sequence[int] = (2, 6, 10, 20, 30),
    num_iterations: int = 150,
    learning_rate: float = 0.1,
    beta: float = 0.9,
    width: int = 16,
    seeds: Sequence[int] = (0,),
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Final training cost and error of plain and residual networks of every depth.

    Each (depth, seed) trains the plain and the residual network from the same weights with
    the same budget; the results are averaged over the seeds.

    Args:
        X: (n_x, m). Y: (1, m). depths: weight layers L (even, >= 2).
        num_iterations, learning_rate, beta, width: as in ``train_deep_net``.
        seeds: weight seeds to average over. progress: called with the fraction done.

    Returns:
        {"depths": (D,), "plain_cost", "residual_cost", "plain_error", "residual_error": (D,)
        means over the seeds, "plain_costs", "residual_costs": (S, D) per seed,
        "curves": {"plain", "residual"}: the cost histories of the deepest network (first seed)}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    depths = [_require_depth(L) for L in depths]
    seeds = list(seeds)
    if not depths or not seeds:
        raise ValueError("depth_experiment needs at least one depth and one seed.")
    shape = (len(seeds), len(depths))
    out = {f"{kind}_{what}": np.zeros(shape) for kind in KINDS for what in ("costs", "errors")}
    curves = {}
    done, total = 0, 2 * len(depths) * len(seeds)
    for s, seed in enumerate(seeds):
        for d, L in enumerate(depths):
            for kind in KINDS:
                run = train_deep_net(
                    X, Y, L, kind == "residual", num_iterations, learning_rate, beta, width, seed
                )
                out[f"{kind}_costs"][s, d] = run["cost"]
                out[f"{kind}_errors"][s, d] = run["error"]
                if s == 0 and max(depths) == L:  # the first seed's deepest network
                    curves[kind] = run["costs"]
                done += 1
                if progress is not None:
                    progress(done / total)
    result = {"depths": np.array(depths), "curves": curves, "seeds": np.array(seeds)}
    for kind in KINDS:
        result[f"{kind}_costs"] = out[f"{kind}_costs"]
        result[f"{kind}_cost"] = out[f"{kind}_costs"].mean(axis=0)
        result[f"{kind}_error"] = out[f"{kind}_errors"].mean(axis=0)
    return result


# -- why the identity is easy (C4.35-C4.36) -----------------------------------------------------


def initialize_dense_block(n: int = 8, seed: int = 0) -> dict:
    """Weights of one two-layer dense block n -> n -> n (He-scaled, biases 0.1).

    Returns:
        {"W1": (n, n), "b1": (n, 1), "W2": (n, n), "b2": (n, 1)}: W1, b1 are W^[l+1], b^[l+1]
        and W2, b2 are W^[l+2], b^[l+2] of the lecture.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 1.
    """
    n = int(n)
    if n < 1:
        raise ValueError(f"n must be >= 1; got {n}.")
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.standard_normal((n, n)) * np.sqrt(2 / n),
        "b1": np.full((n, 1), 0.1),
        "W2": rng.standard_normal((n, n)) * np.sqrt(2 / n),
        "b2": np.full((n, 1), 0.1),
    }


def residual_block_forward(a_prev, parameters: Mapping, skip: bool = True):
    """The lecture's residual block: a^[l+2] = g(W^[l+2] a^[l+1] + b^[l+2] + a^[l]).

    With ``skip=False`` it is the plain pair of layers a^[l+2] = g(W^[l+2] a^[l+1] + b^[l+2]).
    g is the ReLU; the shortcut a^[l] is added to z^[l+2] *before* g (not after it, and not
    to a^[l+1]).

    Args:
        a_prev: (n, m) a^[l]. parameters: {"W1", "b1", "W2", "b2"}, W (n, n), b (n, 1).
        skip: add the shortcut.

    Returns:
        (a_next (n, m), cache {"z1", "a1", "z2"}).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 1.
    """
    require_keys("parameters", parameters, ["W1", "b1", "W2", "b2"])
    n = np.shape(parameters["W1"])[0]
    a_prev = require_shape("a_prev", a_prev, (n, None), "(n, m)")
    W1 = require_shape("W1", parameters["W1"], (n, n), "(n, n)")
    W2 = require_shape("W2", parameters["W2"], (n, n), "(n, n)")
    b1 = require_shape("b1", parameters["b1"], (n, 1), "(n, 1)")
    b2 = require_shape("b2", parameters["b2"], (n, 1), "(n, 1)")
    z1 = W1 @ a_prev + b1
    a1 = relu(z1)
    z2 = W2 @ a1 + b2
    a_next = relu(z2 + a_prev) if skip else relu(z2)
    return a_next, {"z1": z1, "a1": a1, "z2": z2}


def weight_decay_identity(
    lambd: float,
    learning_rate: float = 0.1,
    num_steps: int = 100,
    n: int = 8,
    m: int = 40,
    seed: int = 0,
) -> dict:
    """How far a decayed block is from the identity, with and without the shortcut.

    L2 regularisation (weight decay) alone multiplies every weight by (1 - alpha lambda) per
    update, so after ``num_steps`` updates W and b are ``shrink = (1 - alpha lambda)^steps``
    times their start. The block's input a^[l] is a ReLU output (>= 0).

    Args:
        lambd: the decay strength lambda (alpha * lambda in [0, 1]). learning_rate: alpha.
        num_steps: updates. n: units. m: examples. seed: weights and inputs.

    Returns:
        {"shrink": float, "a_prev": (n, m), "residual": (n, m) a^[l+2] with the shortcut,
        "plain": (n, m) without, "residual_gap", "plain_gap": ||a^[l+2] - a^[l]|| / ||a^[l]||}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 3.
    """
    lambd, alpha = float(lambd), float(learning_rate)
    if lambd < 0 or alpha <= 0 or alpha * lambd > 1 or int(num_steps) < 0:
        raise ValueError(
            "need lambd >= 0, learning_rate > 0, learning_rate * lambd <= 1 (else the decay "
            f"flips the weights' sign) and num_steps >= 0; got {lambd}, {alpha}, {num_steps}."
        )
    shrink = (1.0 - alpha * lambd) ** int(num_steps)
    start = initialize_dense_block(n, seed)
    decayed = {key: shrink * value for key, value in start.items()}
    rng = np.random.default_rng(seed + 1)
    a_prev = relu(rng.standard_normal((int(n), int(m))))  # a^[l] >= 0: a ReLU output
    residual, _ = residual_block_forward(a_prev, decayed, skip=True)
    plain, _ = residual_block_forward(a_prev, decayed, skip=False)
    norm = np.linalg.norm(a_prev)
    return {
        "shrink": shrink,
        "a_prev": a_prev,
        "residual": residual,
        "plain": plain,
        "residual_gap": float(np.linalg.norm(residual - a_prev) / norm),
        "plain_gap": float(np.linalg.norm(plain - a_prev) / norm),
    }


# -- the ResNet blocks (C4.37-C4.38) --------------------------------------------------------------


def batchnorm_conv_forward(Z, gamma, beta, bn_param: Mapping) -> tuple[np.ndarray, dict]:
    """Batch norm of a volume per channel, over m, n_H and n_W (Keras BatchNormalization(axis=3)).

    The volume is reshaped to (n_C, m * n_H * n_W), one channel per row, and handed to the
    course's ``batchnorm_forward`` (course_lib/c2_improving_dnns/batch_norm.py).

    Args:
        Z: (m, n_H, n_W, n_C). gamma, beta: (1, 1, 1, n_C).
        bn_param: {"mode": "train" | "test", "epsilon", "momentum", "running_mean",
            "running_var" (1, 1, 1, n_C)}; "test" uses the running (moving) statistics.

    Returns:
        (Z_tilde (m, n_H, n_W, n_C), cache of ``batchnorm_forward``; its "bn_param" holds the
        updated running statistics, shaped (n_C, 1)).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    Z = require_shape("Z", Z, (None, None, None, None), "(m, n_H, n_W, n_C)")
    n_C = Z.shape[3]
    as_column = {}
    for name, value in (("gamma", gamma), ("beta", beta)):
        as_column[name] = require_shape(name, value, (1, 1, 1, n_C), "(1, 1, 1, n_C)").reshape(
            n_C, 1
        )
    param = dict(bn_param)
    for name in ("running_mean", "running_var"):
        if param.get(name) is not None:
            param[name] = require_shape(name, param[name], (1, 1, 1, n_C), "(1, 1, 1, n_C)")
            param[name] = np.reshape(param[name], (n_C, 1))
    rows = Z.reshape(-1, n_C).T
    Z_tilde, cache = batchnorm_forward(rows, as_column["gamma"], as_column["beta"], param)
    return Z_tilde.T.reshape(Z.shape), cache


def initialize_block_parameters(
    n_C_prev: int, f: int, filters: Sequence[int], shortcut: bool = False, seed: int = 0
) -> dict:
    """Glorot-uniform filters for a ResNet block; batch norm starts as Keras's (1, 0, 0, 1).

    Args:
        n_C_prev: channels of the block's input. f: the middle convolution's size (odd).
        filters: [F1, F2, F3]. shortcut: add the convolutional block's "_s" parameters.
        seed: seed of the filters (biases 0).

    Returns:
        the block's parameter dict (see the module docstring); an identity block needs
        n_C_prev == F3.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    F1, F2, F3 = _filters(filters)
    n_C_prev, f = int(n_C_prev), int(f)
    if n_C_prev < 1 or f < 1:
        raise ValueError(f"n_C_prev and f must be >= 1; got {n_C_prev}, {f}.")
    rng = np.random.default_rng(seed)
    shapes = {"1": (1, n_C_prev, F1), "2": (f, F1, F2), "3": (1, F2, F3)}
    if shortcut:
        shapes["_s"] = (1, n_C_prev, F3)
    parameters = {}
    for k, (size, c_in, c_out) in shapes.items():
        limit = np.sqrt(6.0 / (size * size * (c_in + c_out)))  # glorot uniform
        parameters[f"W{k}"] = rng.uniform(-limit, limit, (size, size, c_in, c_out))
        parameters[f"b{k}"] = np.zeros((1, 1, 1, c_out))
        parameters[f"gamma{k}"] = np.ones((1, 1, 1, c_out))
        parameters[f"beta{k}"] = np.zeros((1, 1, 1, c_out))
        parameters[f"mean{k}"] = np.zeros((1, 1, 1, c_out))
        parameters[f"var{k}"] = np.ones((1, 1, 1, c_out))
    return parameters


def _filters(filters) -> tuple[int, int, int]:
    try:
        F1, F2, F3 = (int(F) for F in filters)
    except (TypeError, ValueError):
        raise ValueError(f"filters must be [F1, F2, F3]; got {filters!r}.") from None
    if min(F1, F2, F3) < 1:
        raise ValueError(f"filters must be positive; got {filters!r}.")
    return F1, F2, F3


def _conv_bn(A, parameters, k, stride, pad, training, epsilon, activation):
    """CONV -> BN (-> RELU) with the block's k-th weights."""
    keys = [f"{name}{k}" for name in ("W", "b", "gamma", "beta", "mean", "var")]
    require_keys("parameters", parameters, keys)
    Z, _ = conv_forward_vectorized(
        A, parameters[f"W{k}"], parameters[f"b{k}"], {"stride": stride, "pad": pad}
    )
    bn_param = {
        "mode": "train" if training else "test",
        "epsilon": epsilon,
        "running_mean": parameters[f"mean{k}"],
        "running_var": parameters[f"var{k}"],
    }
    Z, _ = batchnorm_conv_forward(Z, parameters[f"gamma{k}"], parameters[f"beta{k}"], bn_param)
    return relu(Z) if activation else Z


def _main_path(A_prev, parameters, f, s, training, epsilon):
    f = int(f)
    if f < 1 or f % 2 == 0:
        raise ValueError(
            f"f must be an odd filter size (a 'same' convolution pads (f - 1) / 2); got {f}."
        )
    require_keys("parameters", parameters, ["W2"])
    if np.shape(parameters["W2"])[0] != f:
        raise ValueError(
            f"W2 must have shape (f, f, F1, F2) with f = {f}; got {np.shape(parameters['W2'])}."
        )
    A = _conv_bn(A_prev, parameters, 1, s, 0, training, epsilon, True)  # 1x1, valid
    A = _conv_bn(A, parameters, 2, 1, (f - 1) // 2, training, epsilon, True)  # f x f, same
    return _conv_bn(A, parameters, 3, 1, 0, training, epsilon, False)  # 1x1, valid; no ReLU yet


def identity_block(
    A_prev, parameters: Mapping, f: int, training: bool = False, epsilon: float = KERAS_EPSILON
) -> np.ndarray:
    """The course's identity block, forward: the shortcut is A_prev itself.

    CONV 1x1 (F1, valid) -> BN -> RELU -> CONV f x f (F2, same) -> BN -> RELU ->
    CONV 1x1 (F3, valid) -> BN -> add A_prev -> RELU. Needs F3 == n_C_prev.

    Unlike the Keras ``identity_block(X, f, filters, training, initializer)``, which creates
    its layers, this one takes the block's weights (``parameters``, see the module docstring);
    the filters [F1, F2, F3] are read from their shapes.

    Args:
        A_prev: (m, n_H, n_W, n_C_prev). parameters: "W1".."var3". f: middle filter size (odd).
        training: batch norm with the batch's statistics (True) or the moving ones (False).
        epsilon: batch norm's epsilon (Keras's 1e-3).

    Returns:
        A (m, n_H, n_W, n_C_prev).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    A_prev = require_shape("A_prev", A_prev, (None, None, None, None), "(m, n_H, n_W, n_C_prev)")
    require_keys("parameters", parameters, ["W3"])
    F3 = np.shape(parameters["W3"])[-1]
    if A_prev.shape[3] != F3:
        raise ValueError(
            "an identity block adds A_prev to the main path, so F3 must equal n_C_prev; got "
            f"F3 = {F3} and A_prev of shape {A_prev.shape}. Use convolutional_block when "
            "the shapes differ."
        )
    Z = _main_path(A_prev, parameters, f, 1, training, epsilon)
    return relu(Z + A_prev)  # shortcut added before the last ReLU


def convolutional_block(
    A_prev,
    parameters: Mapping,
    f: int,
    s: int = 2,
    training: bool = False,
    epsilon: float = KERAS_EPSILON,
) -> np.ndarray:
    """The course's convolutional block, forward: a CONV 1x1 + BN on the shortcut.

    Main path as ``identity_block`` but its first 1x1 convolution has stride s; shortcut
    CONV 1x1 (F3, stride s, valid) -> BN, so it has the main path's shape; then add, RELU.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). parameters: "W1".."var3" and
            "W_s".."var_s". f: middle filter size (odd). s: stride.
        training, epsilon: as in ``identity_block``.

    Returns:
        A (m, n_H, n_W, F3) with n_H = floor((n_H_prev - 1) / s) + 1.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    A_prev = require_shape("A_prev", A_prev, (None, None, None, None), "(m, n_H, n_W, n_C_prev)")
    s = int(s)
    if s < 1:
        raise ValueError(f"s (the stride) must be >= 1; got {s}.")
    Z = _main_path(A_prev, parameters, f, s, training, epsilon)
    shortcut = _conv_bn(A_prev, parameters, "_s", s, 0, training, epsilon, False)
    return relu(Z + shortcut)


def block_forward(
    A_prev,
    parameters: Mapping,
    f: int,
    s: int | None = None,
    training: bool = False,
    epsilon: float = KERAS_EPSILON,
) -> np.ndarray:
    """One ResNet block from its weights: identity (s None) or convolutional (stride s).

    The same inputs as ``resnets_tf.block_forward``, which builds the Keras block from them.

    Args:
        A_prev: (m, n_H_prev, n_W_prev, n_C_prev). parameters: the block's dict.
        f: middle filter size. s: None for an identity block, else the stride.
        training, epsilon: as in ``identity_block``.

    Returns:
        A (m, n_H, n_W, F3).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    if s is None:
        return identity_block(A_prev, parameters, f, training, epsilon)
    return convolutional_block(A_prev, parameters, f, s, training, epsilon)


def block_output_shape(input_shape: Sequence[int], filters: Sequence[int], s: int | None = None):
    """(n_H, n_W, F3) a block returns for an input of shape (n_H_prev, n_W_prev, n_C_prev).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    n_H, n_W, n_C = (int(v) for v in input_shape)
    F3 = _filters(filters)[2]
    if s is None:
        if n_C != F3:
            raise ValueError(f"an identity block needs F3 == n_C_prev; got {F3} and {n_C}.")
        return (n_H, n_W, F3)
    return (conv_output_size(n_H, 1, 0, s), conv_output_size(n_W, 1, 0, s), F3)


def resnet50_param_count(input_shape: Sequence[int] = (64, 64, 3), classes: int = 6) -> dict:
    """Parameters of the course's ResNet-50, counted by hand (no framework).

    A conv layer has f*f*n_C_prev*n_C weights + n_C biases; a batch norm 4 n_C numbers, of
    which gamma and beta are trained and the moving mean and variance are not.

    Returns:
        {"total", "trainable", "non_trainable": int, "flatten": units after the pooling}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 6.
    """
    n_H, n_W, n_C = (int(v) for v in input_shape)
    classes = int(classes)
    if classes < 1:
        raise ValueError(f"classes (the softmax outputs) must be >= 1; got {classes}.")
    trainable = non_trainable = 0

    def conv_bn(f, c_in, c_out):
        nonlocal trainable, non_trainable
        trainable += f * f * c_in * c_out + c_out + 2 * c_out
        non_trainable += 2 * c_out

    # stage 1: ZeroPadding2D(3) -> CONV 7x7, 64, stride 2 -> BN -> RELU -> MAXPOOL 3x3, stride 2
    conv_bn(7, n_C, 64)
    n_H, n_W = conv_output_size(n_H, 7, 3, 2), conv_output_size(n_W, 7, 3, 2)
    n_H, n_W = (n_H - 3) // 2 + 1, (n_W - 3) // 2 + 1
    c = 64
    for (F1, F2, F3), s, blocks in RESNET50_STAGES:
        for block in range(blocks):
            conv_bn(1, c, F1)
            conv_bn(3, F1, F2)
            conv_bn(1, F2, F3)
            if block == 0:
                conv_bn(1, c, F3)  # the convolutional block's shortcut
                n_H, n_W = conv_output_size(n_H, 1, 0, s), conv_output_size(n_W, 1, 0, s)
            c = F3
    n_H, n_W = n_H // 2, n_W // 2  # AveragePooling2D(2)
    flatten = n_H * n_W * c
    trainable += flatten * int(classes) + int(classes)
    return {
        "total": trainable + non_trainable,
        "trainable": trainable,
        "non_trainable": non_trainable,
        "flatten": flatten,
    }
