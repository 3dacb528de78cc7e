"""Dashboard for the shallow network: hidden units, learning rate and hidden activation.

Every change retrains the network from the same seeded start (on release, with a progress
bar) and redraws the decision boundary and the cost curve, the previous run's curve dashed.

Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 10.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.plots import log_cost_axis, plot_decision_boundary
from course_lib.widgets import Dashboard, dropdown, int_slider, log_slider

__all__ = ["train_for_dashboard", "shallow_network_dashboard"]


def train_for_dashboard(
    X,
    Y,
    n_h: int,
    learning_rate: float,
    activation: str,
    num_iterations: int,
    seed: int = 2,
    progress=None,
) -> dict:
    """Train one network with ``train_shallow_network`` and measure its training accuracy.

    Args:
        X: (2, m) inputs. Y: (1, m) labels. n_h: hidden units. learning_rate: alpha.
        activation: "tanh", "relu" or "sigmoid" for the hidden layer.
        num_iterations: gradient-descent steps. seed: initialisation seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "costs" (one per iteration), "accuracy", "activation"}.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 10.
    """
    parameters, costs = sn.train_shallow_network(
        X, Y, n_h, num_iterations, learning_rate, activation, seed, progress
    )
    accuracy = float(np.mean(sn.predict(parameters, X, activation) == Y))
    return {
        "parameters": parameters,
        "costs": costs,
        "accuracy": accuracy,
        "activation": activation,
    }


def _draw(fig, result, values, state, X, Y):
    if not fig.axes:
        state["boundary_ax"], cost_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
        (state["previous"],) = cost_ax.plot([], [], color="0.6", ls="--", label="previous run")
        (state["current"],) = cost_ax.plot([], [], color="C0", label="this run")
        # Log scale: at a large alpha one early spike (cost 10+) would flatten the rest.
        cost_ax.set(xlabel="iteration", ylabel="cost J (log scale)")
        log_cost_axis(cost_ax)
        cost_ax.grid(True, alpha=0.3)
        cost_ax.legend(loc="upper right")
        state["cost_ax"] = cost_ax
    boundary_ax, cost_ax = state["boundary_ax"], state["cost_ax"]
    boundary_ax.clear()  # a filled contour cannot be updated in place
    plot_decision_boundary(
        boundary_ax,
        lambda points: sn.predict(result["parameters"], points, result["activation"]),
        X,
        Y,
        resolution=120,
    )
    boundary_ax.set_title(f"training accuracy {100 * result['accuracy']:.1f} %", fontsize=10)
    state["previous"].set_data(state["current"].get_data())
    state["current"].set_data(np.arange(len(result["costs"])), result["costs"])
    cost_ax.relim()
    cost_ax.autoscale_view()
    cost_ax.set_title(f"final cost {result['costs'][-1]:.3f}", fontsize=10)
    fig.suptitle(
        f"{values['n_h']} hidden {values['activation']} unit{'s' * (values['n_h'] != 1)}, "
        f"learning rate $\\alpha$ = {values['learning_rate']:.2g}"
    )
    fig.tight_layout(rect=(0, 0, 1, 0.93))


def shallow_network_dashboard(
    X,
    Y,
    num_iterations: int = 2000,
    n_h: int = 4,
    learning_rate: float = 1.2,
    activation: str = "tanh",
    seed: int = 2,
) -> Dashboard:
    """Sliders for n_h (1-50) and the learning rate, a drop-down for the hidden activation.

    Args:
        X: (2, m) inputs. Y: (1, m) labels.
        num_iterations: gradient steps per training run.
        n_h, learning_rate, activation: the controls' starting values.
        seed: initialisation seed (the same start for every run).

    Returns:
        The Dashboard; ``dash.result`` holds the last ``train_for_dashboard`` result.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 10.
    """
    state: dict = {}
    return Dashboard(
        compute=lambda n_h, learning_rate, activation, progress: train_for_dashboard(
            X, Y, n_h, learning_rate, activation, num_iterations, seed, progress
        ),
        draw=lambda fig, result, values: _draw(fig, result, values, state, X, Y),
        controls={
            "n_h": int_slider("hidden units n_h", n_h, 1, 50),
            "learning_rate": log_slider("learning rate α", learning_rate, 1e-2, 10.0),
            "activation": dropdown("hidden activation", list(sn.HIDDEN_ACTIVATIONS), activation),
        },
        live=False,
        figsize=(10.0, 3.9),
        title=f"A network with one hidden layer, {num_iterations} steps of gradient descent",
    )
