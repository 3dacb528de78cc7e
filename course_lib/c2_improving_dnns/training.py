"""The one training loop of Course 2: epochs, batches, cost bookkeeping, progress.

Every Course 2 ``model(...)`` (initialisation, regularisation, optimisers, batch norm,
softmax) writes only its ``step``: forward, cost, backward and update on one batch. This
loop owns what they would otherwise each repeat: iterating over epochs and mini-batches,
averaging the cost over an epoch, recording it, printing it and moving a progress bar.

    def step(parameters, X_t, Y_t, t):
        AL, caches = L_model_forward(X_t, parameters)
        grads = L_model_backward(AL, Y_t, caches)
        return update_parameters(parameters, grads, learning_rate), compute_cost(AL, Y_t)

    parameters, costs = train_loop(parameters, step, num_epochs=1000,
                                   batches=full_batch(X, Y))

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1 (mini-batches), and
used by every Course 2 lesson that trains a network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from course_lib.validation import require_xy

__all__ = ["train_loop", "full_batch"]

Batch = tuple[np.ndarray, np.ndarray]
Step = Callable[[Any, np.ndarray, np.ndarray, int], tuple[Any, float]]


def full_batch(X: np.ndarray, Y: np.ndarray) -> Callable[[int], list[Batch]]:
    """The ``batches`` argument for batch gradient descent: every epoch is one (X, Y) batch.

    Args:
        X: (n_x, m) inputs. Y: (n_y, m) labels.

    Returns:
        ``epoch -> [(X, Y)]``.
    """
    # NaN may mark a missing (multi-task) label; the step that uses Y judges its values.
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False, y_finite=False)
    return lambda epoch: [(X, Y)]


def train_loop(
    parameters: Any,
    step: Step,
    num_epochs: int,
    *,
    batches: Callable[[int], Sequence[Batch]],
    record_every: int = 100,
    print_every: int | None = None,
    progress: Callable[[float], None] | None = None,
    unit: str = "epoch",
) -> tuple[Any, list[float]]:
    """Run ``step`` over every batch of every epoch and keep the cost history.

    Args:
        parameters: whatever ``step`` updates (usually the dict {"W1", "b1", ...}; an
            optimiser may keep its state in a closure or in a tuple here).
        step: ``step(parameters, X_t, Y_t, t) -> (parameters, cost_t)`` does one update on
            one batch and returns the batch's mean cost; ``t`` counts updates from 1 (Adam's
            bias correction needs it).
        num_epochs: passes over the data (>= 0). With full-batch training an epoch is one
            iteration of gradient descent.
        batches: ``batches(epoch) -> [(X_t, Y_t), ...]``, the batches of that epoch, each
            X_t (n_x, m_t) and Y_t (n_y, m_t); e.g. ``full_batch(X, Y)`` or a closure over
            ``random_mini_batches(X, Y, size, seed + epoch)`` to reshuffle every epoch.
        record_every: record the epoch cost every this many epochs (epoch 0 included).
        print_every: print "Cost after <unit> i: J" every this many epochs (None: never).
        progress: optional callable receiving the finished fraction, about 20 times.
        unit: the word printed for an epoch ("iteration" reads better for full batches).

    Returns:
        (parameters, costs): the trained parameters and the recorded costs; ``costs[k]``
        is the example-weighted mean cost over the batches of epoch ``k * record_every``.
    """
    if int(num_epochs) != num_epochs or num_epochs < 0:
        raise ValueError(f"num_epochs must be a non-negative integer; got {num_epochs!r}.")
    if record_every < 1:
        raise ValueError(f"record_every must be at least 1; got {record_every!r}.")
    num_epochs = int(num_epochs)
    costs: list[float] = []
    t = 0
    report_every = max(1, num_epochs // 20)
    for epoch in range(num_epochs):
        total_cost, total_examples = 0.0, 0
        for X_t, Y_t in batches(epoch):
            t += 1
            parameters, cost = step(parameters, X_t, Y_t, t)
            # The epoch cost weights each batch by its size, so a smaller last batch
            # counts for what it is (the course sums per-example losses, then divides by m).
            total_cost += float(cost) * X_t.shape[1]
            total_examples += X_t.shape[1]
        if total_examples == 0:
            raise ValueError(
                f"no examples to train on: every batch of epoch {epoch} is empty (m = 0)."
            )
        epoch_cost = total_cost / total_examples
        if epoch % record_every == 0:
            costs.append(epoch_cost)
        if print_every and epoch % print_every == 0:
            print(f"Cost after {unit} {epoch}: {epoch_cost:f}")
        if progress is not None and ((epoch + 1) % report_every == 0 or epoch + 1 == num_epochs):
            progress((epoch + 1) / num_epochs)
    return parameters, costs
