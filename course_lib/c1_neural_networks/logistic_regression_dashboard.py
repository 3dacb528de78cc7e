"""Course 1 dashboards, each a thin layer over a pure compute function.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.plots import CostAndAccuracyPanels, log_cost_axis
from course_lib.widgets import Dashboard, log_slider

__all__ = ["train_logistic_regression", "learning_rate_dashboard"]


def train_logistic_regression(
    X_train,
    Y_train,
    X_test,
    Y_test,
    learning_rate: float,
    num_iterations: int,
    progress=None,
    record_every: int = 100,
) -> dict:
    """Train from zeros with ``optimize`` in chunks of ``record_every`` iterations.

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train). X_test: (n_x, m_test).
        Y_test: (1, m_test). learning_rate: alpha. num_iterations: gradient steps.
        progress: optional callable receiving the finished fraction.
        record_every: iterations between two recorded costs, 1 to 100 (100, as ``model``
            records them, hides an overshooting rate's first oscillations).

    Returns:
        {"w", "b", "costs", "train_accuracy", "test_accuracy"}; the parameters are identical
        to one call of ``model`` with the same settings.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    if not 1 <= int(record_every) <= 100:
        raise ValueError(f"record_every must be between 1 and 100; got {record_every!r}.")
    w, b = lr.initialize_with_zeros(np.shape(X_train)[0])
    costs: list[float] = []
    done = 0
    while done < num_iterations:
        # optimize records the cost at its chunk's first iteration (i % 100 == 0).
        chunk = min(int(record_every), num_iterations - done)
        params, _, chunk_costs = lr.optimize(w, b, X_train, Y_train, chunk, learning_rate)
        w, b = params["w"], params["b"]
        costs += chunk_costs
        done += chunk
        if progress is not None:
            progress(done / num_iterations)
    return {
        "w": w,
        "b": b,
        "costs": costs,
        "train_accuracy": lr.accuracy(lr.predict(w, b, X_train), Y_train),
        "test_accuracy": lr.accuracy(lr.predict(w, b, X_test), Y_test),
    }


def _draw_training(fig, result, values, state):
    if not fig.axes:
        cost_ax, acc_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [2.2, 1]})
        state["panels"] = CostAndAccuracyPanels(
            cost_ax, acc_ax, ("train", "test"), every=_RECORD_EVERY
        )
        # Log scale: a crawling rate (cost ~0.69), a good one (~0.01) and an overshooting
        # one (costs jumping to 10+) all stay readable on one axis.
        log_cost_axis(cost_ax)
        fig.tight_layout(rect=(0, 0, 1, 0.9))
    accuracies = (result["train_accuracy"], result["test_accuracy"])
    state["panels"].update(result["costs"], accuracies)
    ups = int(np.sum(np.diff(result["costs"]) > 0))
    state["panels"].cost_ax.set_title(
        f"cost every {_RECORD_EVERY} iterations; it went up {ups} times"
        + (" (overshooting)" if ups else ""),
        fontsize=10,
    )
    fig.suptitle(
        f"learning rate $\\alpha$ = {values['learning_rate']:.2g}: final cost "
        f"{result['costs'][-1]:.3g}, test accuracy {100 * result['test_accuracy']:.0f} %"
    )


_RECORD_EVERY = 10  # fine enough to show the oscillations of a too-large rate

LEARNING_RATE_RANGE = (1e-5, 10.0)  # crawls at the low end, overshoots from about 0.5 up


def learning_rate_dashboard(
    X_train, Y_train, X_test, Y_test, num_iterations: int = 2000, learning_rate: float = 0.005
) -> Dashboard:
    """A learning-rate slider that retrains logistic regression on release and redraws the
    cost curve (with the previous run dashed) and the train/test accuracy.

    The slider spans 1e-5 to 10: at the low end the cost crawls, from about 0.5 up the cost
    jumps up and down before it settles (the log-scale curve, recorded every 10 iterations,
    shows it, and the title counts the rises).

    Args:
        X_train, Y_train, X_test, Y_test: as in ``model``.
        num_iterations: gradient steps per training run.
        learning_rate: the slider's starting value.

    Returns:
        The Dashboard; ``dash.result`` holds the last training result.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    state: dict = {}
    return Dashboard(
        compute=lambda learning_rate, progress: train_logistic_regression(
            X_train, Y_train, X_test, Y_test, learning_rate, num_iterations, progress, _RECORD_EVERY
        ),
        draw=lambda fig, result, values: _draw_training(fig, result, values, state),
        controls={
            "learning_rate": log_slider("learning rate α", learning_rate, *LEARNING_RATE_RANGE)
        },
        live=False,
        title=f"Logistic regression, {num_iterations} iterations of batch gradient descent",
    )
