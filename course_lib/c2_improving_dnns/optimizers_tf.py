"""Keras twins of the optimisers and decay schedules, configured to give the course's numbers.

How each Keras optimiser maps onto the course's update (all checked by the parity tests):

- ``SGD(learning_rate=alpha)`` is plain gradient descent exactly.
- ``SGD(momentum=beta, learning_rate=alpha * (1 - beta))`` is the course's momentum exactly.
  Keras keeps u = beta u - lr g and adds u; the course keeps v = beta v + (1 - beta) g and
  subtracts alpha v. With u = -alpha v the two recursions coincide once lr = alpha (1 - beta).
- ``RMSprop(rho=beta2, epsilon=eps)`` divides by sqrt(s + eps), the course by sqrt(s) + eps.
  No Keras setting moves epsilon outside the root, so with epsilon = 0 the two are identical
  and otherwise they differ by about alpha * eps / (2 s) relative to the step (tiny unless a
  gradient is near zero); the tests measure that difference.
- ``Adam(beta_1, beta_2, epsilon)`` folds the bias corrections into the step size,
  alpha_t = alpha sqrt(1 - beta2^t) / (1 - beta1^t), and adds epsilon to the uncorrected
  sqrt(s): p -= alpha_t v / (sqrt(s) + eps). Multiplying the course's denominator
  sqrt(s / (1 - beta2^t)) + eps' by sqrt(1 - beta2^t) shows this is the course's update
  with epsilon replaced by eps / sqrt(1 - beta2^t), a value that changes every step. No
  constant course epsilon reproduces it, so the two match only for epsilon = 0 (the parity
  tests use 0). For ordinary gradients the mismatch is below float32 precision; where
  sqrt(s) is near eps it is as large as the step (measured over 12 steps with eps = 1e-8:
  1e-2 for gradients of 1e-6, 2.5e-2 for 1e-8, against displacements of 5e-2 and 4e-3).
  Keras also rounds beta_1, beta_2 to float32 in its bias corrections and keeps the
  learning rate in float32. Keras's default epsilon is 1e-7, the course's 1e-8.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 8.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = ["keras_optimizer", "run_updates", "update_lr", "schedule_lr_decay", "exponential_decay"]


def keras_optimizer(
    optimizer: str,
    learning_rate: float,
    beta: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    epsilon: float = 1e-8,
):
    """The Keras optimiser configured as the course's ``optimizer`` (see the module notes).

    Args:
        optimizer: "gd", "momentum", "rmsprop" or "adam". learning_rate: alpha.
        beta: momentum. beta1, beta2, epsilon: Adam/RMSprop hyperparameters.

    Returns:
        a ``keras.optimizers.Optimizer``.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 8.
    """
    if optimizer == "gd":
        return keras.optimizers.SGD(learning_rate=learning_rate)
    if optimizer == "momentum":
        return keras.optimizers.SGD(learning_rate=learning_rate * (1 - beta), momentum=beta)
    if optimizer == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=learning_rate, rho=beta2, epsilon=epsilon)
    if optimizer == "adam":
        return keras.optimizers.Adam(
            learning_rate=learning_rate, beta_1=beta1, beta_2=beta2, epsilon=epsilon
        )
    raise ValueError(f"unknown optimizer {optimizer!r}; choose gd, momentum, rmsprop or adam.")


def run_updates(params: Mapping, grads_sequence, optimizer: str, **hyper) -> list[dict]:
    """Twin of ``optimizers.run_updates``: the same gradient sequence through Keras.

    The parameters become float64 ``tf.Variable``s and each step is
    ``apply_gradients``; the result is converted back to NumPy.

    Args:
        params: {name: array}. grads_sequence: list of {"d"+name: array}.
        optimizer: "gd", "momentum", "rmsprop" or "adam". **hyper: as ``keras_optimizer``.

    Returns:
        list of {name: array}, the parameters after each update.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 8.
    """
    opt = keras_optimizer(optimizer, **hyper)
    names = list(params)
    variables = [tf.Variable(np.asarray(params[n], dtype=np.float64), name=n) for n in names]
    history = []
    for grads in grads_sequence:
        pairs = [
            (tf.constant(np.asarray(grads["d" + n], dtype=np.float64)), v)
            for n, v in zip(names, variables)
        ]
        opt.apply_gradients(pairs)
        history.append({n: v.numpy() for n, v in zip(names, variables)})
    return history


def update_lr(learning_rate0: float, epoch_num, decay_rate: float):
    """Twin of ``lr_decay.update_lr`` via ``keras.optimizers.schedules.InverseTimeDecay``.

    Args:
        learning_rate0: alpha0. epoch_num: int or array >= 0. decay_rate: >= 0.

    Returns:
        np.ndarray (float32) of the rates.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    schedule = keras.optimizers.schedules.InverseTimeDecay(
        learning_rate0, decay_steps=1, decay_rate=decay_rate
    )
    return np.asarray(schedule(np.asarray(epoch_num, dtype=np.float32)))


def schedule_lr_decay(
    learning_rate0: float, epoch_num, decay_rate: float, time_interval: int = 1000
):
    """Twin of ``lr_decay.schedule_lr_decay``: InverseTimeDecay with staircase=True.

    Args:
        learning_rate0: alpha0. epoch_num: int or array >= 0. decay_rate: >= 0.
        time_interval: epochs per drop (Keras's decay_steps).

    Returns:
        np.ndarray (float32) of the rates.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    schedule = keras.optimizers.schedules.InverseTimeDecay(
        learning_rate0, decay_steps=time_interval, decay_rate=decay_rate, staircase=True
    )
    return np.asarray(schedule(np.asarray(epoch_num, dtype=np.float32)))


def exponential_decay(learning_rate0: float, epoch_num, base: float = 0.95):
    """Twin of ``lr_decay.exponential_decay`` via ``ExponentialDecay(decay_steps=1)``.

    Args:
        learning_rate0: alpha0. epoch_num: int or array >= 0. base: Keras's decay_rate.

    Returns:
        np.ndarray (float32) of the rates.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    schedule = keras.optimizers.schedules.ExponentialDecay(
        learning_rate0, decay_steps=1, decay_rate=base
    )
    return np.asarray(schedule(np.asarray(epoch_num, dtype=np.float32)))
