"""Course 1 dashboards, each a thin layer over a pure compute function.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.plots import CostAndAccuracyPanels
from course_lib.widgets import Dashboard, log_slider

__all__ = ["train_logistic_regression", "learning_rate_dashboard"]


def train_logistic_regression(
    X_train, Y_train, X_test, Y_test, learning_rate: float, num_iterations: int, progress=None
) -> dict:
    """Train from zeros with ``optimize`` in chunks of 100 iterations (to report progress).

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train). X_test: (n_x, m_test).
        Y_test: (1, m_test). learning_rate: alpha. num_iterations: gradient steps.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"w", "b", "costs", "train_accuracy", "test_accuracy"}; identical to one call of
        ``model`` with the same settings (the costs are recorded every 100 iterations).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    w, b = lr.initialize_with_zeros(np.shape(X_train)[0])
    costs: list[float] = []
    done = 0
    while done < num_iterations:
        chunk = min(100, num_iterations - done)
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
        state["panels"] = CostAndAccuracyPanels(cost_ax, acc_ax, ("train", "test"))
        fig.tight_layout(rect=(0, 0, 1, 0.93))
    accuracies = (result["train_accuracy"], result["test_accuracy"])
    state["panels"].update(result["costs"], accuracies)
    fig.suptitle(
        f"learning rate $\\alpha$ = {values['learning_rate']:.2g}: final cost "
        f"{result['costs'][-1]:.3f}, test accuracy {100 * result['test_accuracy']:.0f} %"
    )


def learning_rate_dashboard(
    X_train, Y_train, X_test, Y_test, num_iterations: int = 2000, learning_rate: float = 0.005
) -> Dashboard:
    """A learning-rate slider that retrains logistic regression on release and redraws the
    cost curve (with the previous run dashed) and the train/test accuracy.

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
            X_train, Y_train, X_test, Y_test, learning_rate, num_iterations, progress
        ),
        draw=lambda fig, result, values: _draw_training(fig, result, values, state),
        controls={"learning_rate": log_slider("learning rate α", learning_rate, 1e-4, 1.0)},
        live=False,
        title=f"Logistic regression, {num_iterations} iterations of batch gradient descent",
    )
