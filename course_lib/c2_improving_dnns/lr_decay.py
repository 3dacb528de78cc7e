"""Learning-rate decay schedules: alpha as a function of the epoch (or step) number.

Every schedule takes the initial rate ``learning_rate0`` first, so it can be passed as
``decay=`` to ``optimizers.model``, which calls ``decay(learning_rate0, epoch, decay_rate)``.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "update_lr",
    "schedule_lr_decay",
    "exponential_decay",
    "sqrt_decay",
    "staircase_decay",
    "SCHEDULES",
]


def _check(learning_rate0, epoch_num):
    if not np.all(np.asarray(epoch_num) >= 0):
        raise ValueError(f"epoch_num must be >= 0; got {epoch_num!r}.")
    if learning_rate0 <= 0:
        raise ValueError(f"learning_rate0 must be positive; got {learning_rate0!r}.")


def update_lr(learning_rate0: float, epoch_num, decay_rate: float):
    """Inverse-time decay: alpha = alpha0 / (1 + decay_rate * epoch_num).

    Args:
        learning_rate0: alpha0 > 0. epoch_num: an int or an array of ints >= 0.
        decay_rate: >= 0 (0 keeps alpha constant).

    Returns:
        float (or an array shaped like ``epoch_num``).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    _check(learning_rate0, epoch_num)
    return learning_rate0 / (1 + decay_rate * np.asarray(epoch_num))[()]


def schedule_lr_decay(
    learning_rate0: float, epoch_num, decay_rate: float, time_interval: int = 1000
):
    """Inverse-time decay applied in steps: alpha0 / (1 + decay_rate * floor(epoch / interval)).

    Args:
        learning_rate0: alpha0 > 0. epoch_num: int or array >= 0. decay_rate: >= 0.
        time_interval: epochs between two drops (the course uses 1000).

    Returns:
        float (or an array shaped like ``epoch_num``).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    _check(learning_rate0, epoch_num)
    steps = np.floor(np.asarray(epoch_num) / time_interval)
    return learning_rate0 / (1 + decay_rate * steps)[()]


def exponential_decay(learning_rate0: float, epoch_num, base: float = 0.95):
    """Exponential decay: alpha = base ** epoch_num * alpha0.

    Args:
        learning_rate0: alpha0 > 0. epoch_num: int or array >= 0. base: in (0, 1].

    Returns:
        float (or an array shaped like ``epoch_num``).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    _check(learning_rate0, epoch_num)
    return (learning_rate0 * np.power(float(base), np.asarray(epoch_num)))[()]


def sqrt_decay(learning_rate0: float, epoch_num, k: float = 1.0):
    """Square-root decay: alpha = k / sqrt(epoch_num) * alpha0.

    The formula is undefined at epoch 0, so epochs are counted from 1 inside it:
    epoch_num = 0 uses sqrt(1), i.e. alpha = k * alpha0 for the first epoch, and the rate
    never exceeds its starting value.

    Args:
        learning_rate0: alpha0 > 0. epoch_num: int or array >= 0. k: positive constant.

    Returns:
        float (or an array shaped like ``epoch_num``).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    _check(learning_rate0, epoch_num)
    return (k / np.sqrt(np.maximum(np.asarray(epoch_num), 1)) * learning_rate0)[()]


def staircase_decay(learning_rate0: float, step, drop: float = 0.5, steps_per_drop: int = 10):
    """Discrete staircase: alpha is multiplied by ``drop`` every ``steps_per_drop`` steps.

    Args:
        learning_rate0: alpha0 > 0. step: epoch or update count, int or array >= 0.
        drop: factor in (0, 1] applied at each drop. steps_per_drop: >= 1.

    Returns:
        alpha0 * drop ** floor(step / steps_per_drop) (float or array).

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    _check(learning_rate0, step)
    if steps_per_drop < 1:
        raise ValueError(f"steps_per_drop must be >= 1; got {steps_per_drop!r}.")
    return (learning_rate0 * np.power(float(drop), np.floor(np.asarray(step) / steps_per_drop)))[()]


#: name -> schedule(learning_rate0, epoch, decay_rate); decay_rate drives each one's knob.
SCHEDULES = {
    "inverse time": update_lr,
    "scheduled inverse time": lambda a0, e, r: schedule_lr_decay(a0, e, r, time_interval=10),
    "exponential": lambda a0, e, r: exponential_decay(a0, e, base=1.0 / (1.0 + r)),
    "square root": lambda a0, e, r: sqrt_decay(a0, e, k=1.0),
    "staircase": lambda a0, e, r: staircase_decay(a0, e, drop=1.0 / (1.0 + r), steps_per_drop=10),
}
