"""Gradient descent, momentum, RMSprop and Adam: pure updates, the course's API, and model().

Three layers over the same maths:

1. Pure updates ``update(params, grads, state, **hyper) -> (params, state)`` that never
   modify their inputs. They work for any dict of arrays whose gradients are keyed
   ``"d" + name``: {"W1", "b1", ...} with {"dW1", "db1", ...}, or a 2-D point {"w"} with
   {"dw"} (the loss-surface paths). ``state`` is {"v": {...}, "s": {...}, "t": int}.
2. The course's functions (``update_parameters_with_adam`` and friends): thin wrappers
   that give exactly the course's numbers.
3. ``model(...)``: a [LINEAR->RELU]x(L-1)->LINEAR->SIGMOID network trained with mini-batches
   and any of the optimisers, built on Course 1's deep_network and the shared train_loop.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, sections 3-5.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns.mini_batches import random_mini_batches
from course_lib.c2_improving_dnns.training import train_loop
from course_lib.validation import require_examples, require_keys, require_layers

__all__ = [
    "init_state",
    "gd_update",
    "momentum_update",
    "rmsprop_update",
    "adam_update",
    "OPTIMIZERS",
    "run_updates",
    "update_parameters_with_gd",
    "initialize_velocity",
    "update_parameters_with_momentum",
    "initialize_rmsprop",
    "update_parameters_with_rmsprop",
    "initialize_adam",
    "update_parameters_with_adam",
    "initialize_parameters",
    "load_dataset",
    "train_with_optimizer",
    "model",
]


# -- helpers ----------------------------------------------------------------------------------


def _grad(grads: Mapping, name: str) -> np.ndarray:
    key = "d" + name
    if key not in grads:
        raise ValueError(f"grads has no {key!r} for parameter {name!r}; got keys {sorted(grads)}.")
    return np.asarray(grads[key], dtype=np.float64)


def _check_same_shape(name: str, p, g) -> None:
    if np.shape(p) != np.shape(g):
        raise ValueError(
            f"d{name} must have the shape of {name}, {np.shape(p)}; got {np.shape(g)}."
        )


def _zeros_like_grads(params: Mapping) -> dict[str, np.ndarray]:
    return {
        "d" + name: np.zeros_like(np.asarray(p, dtype=np.float64)) for name, p in params.items()
    }


def _check_beta(name: str, beta: float) -> None:
    if not 0.0 <= beta < 1.0:
        raise ValueError(f"{name} must lie in [0, 1); got {beta!r}.")


# -- 1. pure updates ---------------------------------------------------------------------------


def init_state(name: str, params: Mapping) -> dict:
    """The starting state of optimiser ``name`` for ``params``: zero moments and t = 0.

    Args:
        name: one of OPTIMIZERS ("gd", "momentum", "rmsprop", "adam").
        params: {name: array}, e.g. {"W1": (n^[1], n_x), "b1": (n^[1], 1), ...}.

    Returns:
        {"v": {"d"+name: zeros}, "s": {"d"+name: zeros}, "t": 0} (v, s unused by "gd").

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {sorted(OPTIMIZERS)}.")
    return {"v": _zeros_like_grads(params), "s": _zeros_like_grads(params), "t": 0}


def gd_update(params: Mapping, grads: Mapping, state: Mapping, learning_rate: float):
    """One step of plain gradient descent: p <- p - alpha dp.

    Args:
        params: {name: array}. grads: {"d"+name: array of the same shape}.
        state: from ``init_state`` (only t is advanced). learning_rate: alpha.

    Returns:
        (new params, new state); the inputs are left unchanged.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    new = {}
    for name, p in params.items():
        g = _grad(grads, name)
        _check_same_shape(name, p, g)
        new[name] = p - learning_rate * g
    return new, {**state, "t": state["t"] + 1}


def momentum_update(params, grads, state, learning_rate: float, beta: float = 0.9):
    """Momentum: v <- beta v + (1 - beta) dp;  p <- p - alpha v.

    Args:
        params: {name: array}. grads: {"d"+name: array}. state: from ``init_state``.
        learning_rate: alpha. beta: in [0, 1); 0 gives plain gradient descent.

    Returns:
        (new params, new state with the new velocity v).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    _check_beta("beta", beta)
    new, v = {}, {}
    for name, p in params.items():
        g = _grad(grads, name)
        _check_same_shape(name, p, g)
        v["d" + name] = beta * state["v"]["d" + name] + (1 - beta) * g
        new[name] = p - learning_rate * v["d" + name]
    return new, {**state, "v": v, "t": state["t"] + 1}


def rmsprop_update(
    params, grads, state, learning_rate: float, beta2: float = 0.999, epsilon: float = 1e-8
):
    """RMSprop: s <- beta2 s + (1 - beta2) dp**2;  p <- p - alpha dp / (sqrt(s) + epsilon).

    s starts at zero and is updated from itself (not from the velocity v), and epsilon
    sits outside the square root.

    Args:
        params: {name: array}. grads: {"d"+name: array}. state: from ``init_state``.
        learning_rate: alpha. beta2: in [0, 1). epsilon: keeps the division finite.

    Returns:
        (new params, new state with the new s).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    _check_beta("beta2", beta2)
    new, s = {}, {}
    for name, p in params.items():
        g = _grad(grads, name)
        _check_same_shape(name, p, g)
        s["d" + name] = beta2 * state["s"]["d" + name] + (1 - beta2) * g**2
        new[name] = p - learning_rate * g / (np.sqrt(s["d" + name]) + epsilon)
    return new, {**state, "s": s, "t": state["t"] + 1}


def _adam_core(params, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    _check_beta("beta1", beta1)
    _check_beta("beta2", beta2)
    if t < 1:
        raise ValueError(f"t counts Adam updates from 1; got {t!r}.")
    new, v_new, s_new, v_corr, s_corr = {}, {}, {}, {}, {}
    for name, p in params.items():
        key = "d" + name
        g = _grad(grads, name)
        _check_same_shape(name, p, g)
        v_new[key] = beta1 * v[key] + (1 - beta1) * g
        s_new[key] = beta2 * s[key] + (1 - beta2) * g**2
        # Bias correction divides the reported moments only; v and s stay uncorrected.
        v_corr[key] = v_new[key] / (1 - beta1**t)
        s_corr[key] = s_new[key] / (1 - beta2**t)
        new[name] = p - learning_rate * v_corr[key] / (np.sqrt(s_corr[key]) + epsilon)
    return new, v_new, s_new, v_corr, s_corr


def adam_update(
    params,
    grads,
    state,
    learning_rate: float,
    beta1: float = 0.9,
    beta2: float = 0.999,
    epsilon: float = 1e-8,
):
    """Adam: momentum and RMSprop together, with bias-corrected moments.

    t <- t + 1; v <- beta1 v + (1-beta1) dp; s <- beta2 s + (1-beta2) dp**2;
    p <- p - alpha (v / (1 - beta1^t)) / (sqrt(s / (1 - beta2^t)) + epsilon).

    Args:
        params: {name: array}. grads: {"d"+name: array}. state: from ``init_state``.
        learning_rate: alpha. beta1, beta2: in [0, 1). epsilon: outside the square root.

    Returns:
        (new params, new state with v, s and t).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    t = state["t"] + 1
    new, v, s, _, _ = _adam_core(
        params, grads, state["v"], state["s"], t, learning_rate, beta1, beta2, epsilon
    )
    return new, {"v": v, "s": s, "t": t}


#: name -> pure update function; each takes (params, grads, state, learning_rate, ...).
OPTIMIZERS: dict[str, Callable] = {
    "gd": gd_update,
    "momentum": momentum_update,
    "rmsprop": rmsprop_update,
    "adam": adam_update,
}


def run_updates(params: Mapping, grads_sequence, optimizer: str, **hyper) -> list[dict]:
    """Apply a fixed sequence of gradients to ``params`` with one optimiser (parity tests).

    Args:
        params: {name: array}. grads_sequence: list of {"d"+name: array} dicts.
        optimizer: a key of OPTIMIZERS. **hyper: its hyperparameters.

    Returns:
        the parameters after each update: a list of len(grads_sequence) dicts.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 8.
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZERS)}.")
    state, history = init_state(optimizer, params), []
    for grads in grads_sequence:
        params, state = OPTIMIZERS[optimizer](params, grads, state, **hyper)
        history.append(params)
    return history


# -- 2. the course's names --------------------------------------------------------------------


def update_parameters_with_gd(parameters, grads, learning_rate: float) -> dict:
    """One gradient-descent step on every W^[l], b^[l] (the course's function).

    Args:
        parameters: {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ...}.
        grads: {"dW1", "db1", ...} of the same shapes. learning_rate: alpha.

    Returns:
        the updated parameters (a new dict).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    require_layers("parameters", parameters)
    return gd_update(parameters, grads, {"t": 0}, learning_rate)[0]


def initialize_velocity(parameters) -> dict:
    """Zero velocities {"dW1": zeros like W1, "db1": zeros like b1, ...}.

    Args:
        parameters: {"W1", "b1", ...}.

    Returns:
        v with keys "dW1", "db1", ... of the parameters' shapes.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    require_layers("parameters", parameters)
    return _zeros_like_grads(parameters)


def update_parameters_with_momentum(parameters, grads, v, beta: float, learning_rate: float):
    """v = beta v + (1 - beta) dW, W -= alpha v, for every layer (the course's function).

    Args:
        parameters: {"W1", "b1", ...}. grads: {"dW1", "db1", ...}.
        v: velocities from ``initialize_velocity``. beta: momentum. learning_rate: alpha.

    Returns:
        (parameters, v), both new dicts.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    require_keys("v", v, [f"d{name}" for name in parameters])
    require_layers("parameters", parameters)
    new, state = momentum_update(parameters, grads, {"v": v, "s": {}, "t": 0}, learning_rate, beta)
    return new, state["v"]


def initialize_rmsprop(parameters) -> dict:
    """Zero squared-gradient averages {"dW1": zeros, "db1": zeros, ...}.

    Args:
        parameters: {"W1", "b1", ...}.

    Returns:
        s with keys "dW1", "db1", ... of the parameters' shapes.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    require_layers("parameters", parameters)
    return _zeros_like_grads(parameters)


def update_parameters_with_rmsprop(
    parameters, grads, s, beta2: float, learning_rate: float, epsilon: float = 1e-8
):
    """s = beta2 s + (1 - beta2) dW**2, W -= alpha dW / (sqrt(s) + epsilon), every layer.

    Args:
        parameters: {"W1", "b1", ...}. grads: {"dW1", "db1", ...}.
        s: from ``initialize_rmsprop``. beta2: decay of s. learning_rate: alpha.
        epsilon: added after the square root.

    Returns:
        (parameters, s), both new dicts.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    require_keys("s", s, [f"d{name}" for name in parameters])
    require_layers("parameters", parameters)
    new, state = rmsprop_update(
        parameters, grads, {"v": {}, "s": s, "t": 0}, learning_rate, beta2, epsilon
    )
    return new, state["s"]


def initialize_adam(parameters) -> tuple[dict, dict]:
    """Zero first and second moments (v, s), each keyed "dW1", "db1", ...

    Args:
        parameters: {"W1", "b1", ...}.

    Returns:
        (v, s): two dicts of zeros shaped like the parameters.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    require_layers("parameters", parameters)
    return _zeros_like_grads(parameters), _zeros_like_grads(parameters)


def update_parameters_with_adam(
    parameters,
    grads,
    v,
    s,
    t: int,
    learning_rate: float = 0.01,
    beta1: float = 0.9,
    beta2: float = 0.999,
    epsilon: float = 1e-8,
):
    """One Adam step on every layer (the course's function).

    Args:
        parameters: {"W1", "b1", ...}. grads: {"dW1", "db1", ...}.
        v, s: moments from ``initialize_adam`` or the previous step.
        t: the number of this update, counted from 1 (for the bias correction).
        learning_rate: alpha. beta1, beta2: moment decays. epsilon: outside the sqrt.

    Returns:
        (parameters, v, s, v_corrected, s_corrected), all new dicts keyed like the inputs.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    require_keys("s", s, [f"d{name}" for name in parameters])
    require_keys("v", v, [f"d{name}" for name in parameters])
    require_layers("parameters", parameters)
    return _adam_core(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)


# -- 3. training a network ----------------------------------------------------------------------


def initialize_parameters(layers_dims) -> dict:
    """He-initialised weights and zero biases, seeded as in the course (np.random.seed(3)).

    Args:
        layers_dims: [n_x, n^[1], ..., n^[L]].

    Returns:
        {"W1": (n^[1], n_x), "b1": (n^[1], 1), ...} with W^[l] ~ randn * sqrt(2 / n^[l-1]).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 5.
    """
    return dn.initialize_parameters_deep(layers_dims, scale="he", seed=3)  # the course's seed


def load_dataset(n_samples: int = 300, noise: float = 0.2, seed: int = 3):
    """The course's two-moons training set, in course layout.

    Args:
        n_samples: m. noise: standard deviation of the noise. seed: legacy global seed.

    Returns:
        (train_X (2, m), train_Y (1, m)) with labels 0.0 / 1.0.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 5.
    """
    from sklearn.datasets import make_moons

    require_examples("the data set", int(n_samples))
    np.random.seed(seed)  # noqa: NPY002 - make_moons draws from the global generator here
    X, y = make_moons(n_samples=n_samples, noise=noise)
    return X.T, y.reshape(1, -1).astype(np.float64)


def train_with_optimizer(
    X,
    Y,
    layers_dims,
    optimizer: str,
    learning_rate: float = 0.0007,
    mini_batch_size: int = 64,
    beta: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    epsilon: float = 1e-8,
    num_epochs: int = 5000,
    print_cost: bool = True,
    decay=None,
    decay_rate: float = 1,
    record_every: int = 100,
    progress=None,
):
    """``model`` that also returns the recorded costs (and accepts a progress callback).

    Args:
        X: (n_x, m). Y: (1, m). layers_dims: [n_x, ..., 1].
        optimizer: "gd", "momentum", "rmsprop" or "adam". Other arguments: as ``model``.
        record_every: epochs between two recorded costs. progress: fraction callback.

    Returns:
        (parameters, costs): trained {"W1", "b1", ...} and the epoch costs.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 5.
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZERS)}.")
    hyper = {
        "gd": {},
        "momentum": {"beta": beta},
        "rmsprop": {"beta2": beta2, "epsilon": epsilon},
        "adam": {"beta1": beta1, "beta2": beta2, "epsilon": epsilon},
    }[optimizer]
    update = OPTIMIZERS[optimizer]
    parameters = initialize_parameters(layers_dims)
    box = {"state": init_state(optimizer, parameters), "lr": learning_rate}

    def batches(epoch):
        # The course decays after each epoch: epoch e trains with decay(alpha0, e - 1).
        if decay is not None and epoch > 0:
            box["lr"] = decay(learning_rate, epoch - 1, decay_rate)
        return random_mini_batches(X, Y, mini_batch_size, seed=10 + epoch + 1)

    def step(params, X_t, Y_t, t):
        AL, caches = dn.L_model_forward(X_t, params)
        cost = dn.compute_cost(AL, Y_t)
        grads = dn.L_model_backward(AL, Y_t, caches)
        params, box["state"] = update(params, grads, box["state"], box["lr"], **hyper)
        return params, cost

    return train_loop(
        parameters,
        step,
        num_epochs,
        batches=batches,
        record_every=record_every,
        print_every=1000 if print_cost else None,
        progress=progress,
    )


def model(
    X,
    Y,
    layers_dims,
    optimizer: str,
    learning_rate: float = 0.0007,
    mini_batch_size: int = 64,
    beta: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    epsilon: float = 1e-8,
    num_epochs: int = 5000,
    print_cost: bool = True,
    decay=None,
    decay_rate: float = 1,
):
    """Train an L-layer network with mini-batches and the chosen optimiser (the course's model).

    He initialisation (seed 3); the batches are reshuffled every epoch with seed 10 + epoch
    + 1; ``decay(learning_rate0, epoch, decay_rate)`` (e.g. ``lr_decay.update_lr``) sets the
    learning rate after each epoch.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels. layers_dims: [n_x, n^[1], ..., 1].
        optimizer: "gd", "momentum", "rmsprop" or "adam".
        learning_rate: alpha0. mini_batch_size: columns per batch. beta: momentum.
        beta1, beta2, epsilon: Adam/RMSprop hyperparameters. num_epochs: passes over X.
        print_cost: print the cost every 1000 epochs. decay, decay_rate: the schedule.

    Returns:
        the trained parameters {"W1", "b1", ...} (``train_with_optimizer`` also gives costs).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 5.
    """
    return train_with_optimizer(
        X,
        Y,
        layers_dims,
        optimizer,
        learning_rate,
        mini_batch_size,
        beta,
        beta1,
        beta2,
        epsilon,
        num_epochs,
        print_cost,
        decay,
        decay_rate,
    )[0]
