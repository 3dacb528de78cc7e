"""Keras twin of batch_norm.py: keras.layers.BatchNormalization set up as the course's BN.

Same function names and inputs as the NumPy reference (Z (n^[l], m), gamma and beta
(n^[l], 1), the same ``bn_param`` dict). Keras keeps examples in rows, so the twin feeds
``Z.T`` to a layer normalising the last axis and turns the outputs back into columns.

Configuration and known differences:
- Keras's defaults are ``momentum=0.99`` and ``epsilon=1e-3``; the twin passes the
  course's values from bn_param (defaults 0.9 and 1e-8, as in batch_norm.py). Keras's
  ``momentum`` is the same EWMA beta: moving = momentum * moving + (1 - momentum) * batch,
  and it also uses the biased variance 1/m sum (z - mu)^2, so the numbers agree.
- Keras computes in float32, the reference in float64 (agreement to ~1e-5 relative).
- ``batchnorm_backward`` cannot use the NumPy cache: the twin's cache keeps the inputs and
  the layer's starting values, and the backward pass replays the forward pass on a
  ``tf.GradientTape`` with J = 1/m sum(Z_tilde * dZ_tilde). The tape's dJ/dZ is multiplied
  by m to give the course's per-example dZ; dgamma and dbeta keep the 1/m, as in NumPy.
- A layer called with ``training=True`` updates its moving statistics as a side effect;
  the twin reads them back into a new bn_param instead of changing the caller's.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "build_batchnorm_layer",
    "batchnorm_forward",
    "batchnorm_backward",
    "build_bn_model",
    "L_model_forward_bn",
]


def _settings(n: int, bn_param: Mapping) -> tuple[float, float, np.ndarray, np.ndarray]:
    epsilon = float(bn_param.get("epsilon", bn.DEFAULT_EPSILON))
    momentum = float(bn_param.get("momentum", bn.DEFAULT_MOMENTUM))
    mean = bn_param.get("running_mean")
    var = bn_param.get("running_var")
    mean = (
        np.zeros((n, 1))
        if mean is None
        else require_shape("running_mean", mean, (n, 1), "(n[l], 1)")
    )
    var = np.ones((n, 1)) if var is None else require_shape("running_var", var, (n, 1), "(n[l], 1)")
    return epsilon, momentum, mean, var


def build_batchnorm_layer(gamma, beta, bn_param: Mapping) -> keras.layers.BatchNormalization:
    """A built BatchNormalization layer holding gamma, beta and the running averages.

    Args:
        gamma, beta: (n^[l], 1). bn_param: as in batch_norm.batchnorm_forward.

    Returns:
        The layer, for inputs of shape (m, n^[l]) (examples in rows), with the course's
        momentum and epsilon.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
    """
    gamma = require_shape("gamma", gamma, (None, 1), "(n[l], 1)")
    n = gamma.shape[0]
    beta = require_shape("beta", beta, (n, 1), "(n[l], 1)")
    epsilon, momentum, mean, var = _settings(n, bn_param)
    layer = keras.layers.BatchNormalization(axis=-1, momentum=momentum, epsilon=epsilon)
    layer.build((None, n))
    layer.set_weights([gamma.ravel(), beta.ravel(), mean.ravel(), var.ravel()])
    return layer


def _new_param(layer, bn_param: Mapping) -> dict:
    mean, var = (
        np.asarray(v.numpy(), np.float64).reshape(-1, 1)
        for v in (layer.moving_mean, layer.moving_variance)
    )
    return dict(bn_param, running_mean=mean, running_var=var)


def batchnorm_forward(Z, gamma, beta, bn_param: Mapping) -> tuple[np.ndarray, dict]:
    """Keras's batch norm of Z^[l]: batch statistics in "train" mode, moving ones in "test".

    Args:
        Z: (n^[l], m). gamma, beta: (n^[l], 1). bn_param: as in the NumPy reference.

    Returns:
        (Z_tilde (n^[l], m), cache): the cache holds the inputs (for the backward replay)
        and "bn_param", a copy with the layer's updated moving averages.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
    """
    Z = require_shape("Z", Z, (None, None), "(n[l], m)")
    mode = bn_param.get("mode", "train")
    if mode not in ("train", "test"):
        raise ValueError(f"bn_param['mode'] must be 'train' or 'test'; got {mode!r}.")
    layer = build_batchnorm_layer(gamma, beta, bn_param)
    out = layer(tf.constant(Z.T, tf.float32), training=mode == "train")
    cache = {
        "Z": Z,
        "gamma": gamma,
        "beta": beta,
        "given_bn_param": dict(bn_param),
        "bn_param": _new_param(layer, bn_param),
    }
    return np.asarray(out.numpy(), np.float64).T, cache


def batchnorm_backward(dZ_tilde, cache: Mapping) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of J = 1/m sum(Z_tilde * dZ_tilde) by tf.GradientTape, in course units.

    Args:
        dZ_tilde: (n^[l], m) upstream gradient. cache: from this module's batchnorm_forward.

    Returns:
        (dZ (n^[l], m), dgamma (n^[l], 1), dbeta (n^[l], 1)) as the NumPy reference
        defines them (dZ per example; dgamma, dbeta with the 1/m).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
    """
    Z = cache["Z"]
    dZ_tilde = require_shape("dZ_tilde", dZ_tilde, Z.shape, "(n[l], m)")
    m = Z.shape[1]
    bn_param = cache["given_bn_param"]
    layer = build_batchnorm_layer(cache["gamma"], cache["beta"], bn_param)
    Z_rows = tf.constant(Z.T, tf.float32)
    upstream = tf.constant(dZ_tilde.T, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(Z_rows)
        out = layer(Z_rows, training=bn_param.get("mode", "train") == "train")
        J = tf.reduce_sum(out * upstream) / m
    dZ_rows, dgamma, dbeta = tape.gradient(J, [Z_rows, layer.gamma, layer.beta])
    as_col = lambda t: np.asarray(t.numpy(), np.float64).reshape(-1, 1)  # noqa: E731
    return m * np.asarray(dZ_rows.numpy(), np.float64).T, as_col(dgamma), as_col(dbeta)


def build_bn_model(parameters: Mapping, bn_params: Sequence[Mapping]) -> keras.Model:
    """[Dense(no bias) -> BatchNormalization -> ReLU] x (L-1) -> Dense -> sigmoid.

    Args:
        parameters: {"W1", "gamma1", "beta1", ..., "WL", "bL"} from
            batch_norm.initialize_parameters_bn (with batch norm).
        bn_params: one bn_param per hidden layer (running averages, momentum, epsilon).

    Returns:
        A keras.Sequential for inputs of shape (m, n_x), holding those values.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
    """
    L = 1
    while f"W{L + 1}" in parameters:
        L += 1
    n_x = parameters["W1"].shape[1]
    model = keras.Sequential([keras.Input((n_x,))])
    for l in range(1, L):
        W = parameters[f"W{l}"]
        dense = keras.layers.Dense(W.shape[0], use_bias=False)
        model.add(dense)
        dense.set_weights([W.T])
        model.add(
            build_batchnorm_layer(parameters[f"gamma{l}"], parameters[f"beta{l}"], bn_params[l - 1])
        )
        model.add(keras.layers.ReLU())
    out = keras.layers.Dense(1, activation="sigmoid")
    model.add(out)
    out.set_weights([parameters[f"W{L}"].T, parameters[f"b{L}"].ravel()])
    return model


def L_model_forward_bn(
    X, parameters: Mapping, bn_params: Sequence[Mapping], mode: str = "train"
) -> tuple[np.ndarray, None, list[dict]]:
    """The network's output through ``build_bn_model``, in train or test mode.

    Args:
        X: (n_x, m). parameters, bn_params: as in the NumPy reference. mode: "train"/"test".

    Returns:
        (AL (1, m), None, new_bn_params): no caches (the tape keeps Keras's record); the
        bn_params carry the moving averages after the call.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 12.
    """
    X = require_shape("X", X, (parameters["W1"].shape[1], None), "(n_x, m)")
    model = build_bn_model(parameters, bn_params)
    AL = model(tf.constant(X.T, tf.float32), training=mode == "train")
    layers = [layer for layer in model.layers if isinstance(layer, keras.layers.BatchNormalization)]
    new = [_new_param(layer, param) for layer, param in zip(layers, bn_params)]
    return np.asarray(AL.numpy(), np.float64).T, None, new
