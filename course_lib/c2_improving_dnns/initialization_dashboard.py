"""Dashboards for initialisation: a training one (scheme + init scale) and a live one
(vanishing / exploding signals in a deep linear network: weight scale + depth).

Taught in: notebooks/c2_improving_dnns/02_initialization.py, sections 6 and 7.
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.plots import plot_decision_boundary
from course_lib.widgets import Dashboard, dropdown, float_slider, int_slider, log_slider

__all__ = [
    "train_for_dashboard",
    "initialization_dashboard",
    "signal_sizes",
    "vanishing_dashboard",
]

SCHEMES = ("zeros", "random", "xavier", "glorot", "he")


def train_for_dashboard(
    X,
    Y,
    X_test,
    Y_test,
    initialization: str,
    scale: float,
    num_iterations: int,
    learning_rate: float,
    record_every: int = 100,
    seed: int = 3,
    progress=None,
) -> dict:
    """Train the course's 3-layer network from one start and measure it.

    Args:
        X, Y: (2, m) training inputs and (1, m) labels. X_test, Y_test: the test set.
        initialization: a scheme name. scale: the init scale (see
            ``initialization.initialize_parameters``: the random scheme's multiplier, or a
            factor on a variance-scaled standard deviation).
        num_iterations, learning_rate: the gradient-descent budget.
        record_every: iterations between recorded costs. seed: the initialisation's seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "costs", "record_every", "train_accuracy", "test_accuracy",
        "w1_std" (the standard deviation of the starting W^[1])}.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 6.
    """
    start = ini.initialize_parameters([X.shape[0], 10, 5, 1], initialization, scale, seed=seed)
    parameters, costs = ini.model(
        X,
        Y,
        learning_rate,
        num_iterations,
        False,
        initialization,
        scale=scale,
        seed=seed,
        return_costs=True,
        record_every=record_every,
        progress=progress,
    )
    return {
        "parameters": parameters,
        "costs": costs,
        "record_every": record_every,
        "train_accuracy": ini.accuracy(X, Y, parameters),
        "test_accuracy": ini.accuracy(X_test, Y_test, parameters),
        "w1_std": float(start["W1"].std()),
    }


def _draw_training(fig, result, values, X, Y):
    fig.clear()  # a training dashboard: a full redraw per run is cheap next to training
    boundary_ax, cost_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    plot_decision_boundary(
        boundary_ax, lambda P: ini.predict(P, result["parameters"]), X, Y, resolution=100
    )
    boundary_ax.set_title(
        f"train {100 * result['train_accuracy']:.0f} %, test {100 * result['test_accuracy']:.0f} %",
        fontsize=10,
    )
    costs = np.asarray(result["costs"], dtype=float)
    cost_ax.plot(np.arange(len(costs)) * result["record_every"], costs, marker="o", ms=3)
    cost_ax.axhline(np.log(2), color="0.5", ls=":", lw=1)
    cost_ax.text(0, np.log(2), " chance level, ln 2", va="bottom", fontsize=8, color="0.4")
    cost_ax.set(xlabel="iteration", ylabel="cost J")
    if np.all(np.isfinite(costs)) and costs.max() > 10 * max(costs.min(), 1e-3):
        cost_ax.set_yscale("log")
    cost_ax.grid(True, alpha=0.3)
    cost_ax.set_title(f"final cost {costs[-1]:.3f}", fontsize=10)
    fig.suptitle(
        f"{values['initialization']} initialisation, scale {values['scale']:.3g}: "
        f"std of starting $W^{{[1]}}$ = {result['w1_std']:.3g}",
        fontsize=11,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.92))


def initialization_dashboard(
    X,
    Y,
    X_test,
    Y_test,
    num_iterations: int = 2000,
    learning_rate: float = 0.1,
    initialization: str = "he",
    scale: float = 1.0,
    record_every: int = 100,
) -> Dashboard:
    """A scheme drop-down and an init-scale slider; each change retrains and redraws.

    Args:
        X, Y, X_test, Y_test: the circles data, (2, m) / (1, m).
        num_iterations, learning_rate: the fixed training budget of every run.
        initialization, scale: the controls' starting values.
        record_every: iterations between recorded costs.

    Returns:
        The Dashboard; ``dash.result`` holds the last ``train_for_dashboard`` result.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 6.
    """
    return Dashboard(
        compute=lambda initialization, scale, progress: train_for_dashboard(
            X,
            Y,
            X_test,
            Y_test,
            initialization,
            scale,
            num_iterations,
            learning_rate,
            record_every,
            progress=progress,
        ),
        draw=lambda fig, result, values: _draw_training(fig, result, values, X, Y),
        controls={
            "initialization": dropdown("scheme", list(SCHEMES), initialization),
            "scale": log_slider("init scale", scale, 0.01, 30.0),
        },
        live=False,
        figsize=(10.0, 3.9),
        title=(
            f"The 3-layer network from different starts: {num_iterations} steps of gradient "
            f"descent, α = {learning_rate:g}"
        ),
    )


# --- the live deep-linear dashboard ----------------------------------------------------------

_CLIP = (1e-12, 1e12)


def signal_sizes(
    weight_scale: float, num_layers: int, weights: str = "identity", n: int = 8, seed: int = 0
) -> dict:
    """Activation and gradient sizes of a deep linear network for one weight scale.

    Args:
        weight_scale: s. num_layers: L. weights: "identity" (W = s I) or "random"
            (randn * s / sqrt(n)). n: the width. seed: seed of the input and the weights.

    Returns:
        {"activations": (L + 1,) norms of a^[0..L], "gradients": (L,) norms of dW^[1..L]},
        relative to the input's norm.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    x = np.random.default_rng(seed).standard_normal((n, 16))
    acts = ini.deep_linear_activations(x, num_layers, weight_scale, weights=weights, seed=seed)
    grads = ini.deep_linear_gradients(x, num_layers, weight_scale, weights=weights, seed=seed)
    return {"activations": acts / acts[0], "gradients": grads / acts[0]}


def _draw_signals(fig, result, values, state, max_layers):
    if not fig.axes:
        ax = fig.add_subplot()
        ax.set_yscale("log")
        ax.set_xlim(0, max_layers)
        ax.set_ylim(*_CLIP)
        ax.axhline(1.0, color="0.5", lw=1, ls=":")
        ax.set_xlabel("layer l")
        ax.set_ylabel("size relative to the input  (log scale)")
        ax.grid(True, alpha=0.3, which="major")
        (state["acts"],) = ax.plot([], [], "o-", ms=3, color="C0", animated=True)
        (state["grads"],) = ax.plot([], [], "s-", ms=3, color="C3", animated=True)
        ax.legend(
            [state["acts"], state["grads"]],
            ["activations $\\|a^{[l]}\\|$", "gradients $\\|dW^{[l]}\\|$"],
            loc="upper left",
        )
        state["text"] = ax.text(
            0.99, 0.03, "", transform=ax.transAxes, ha="right", fontsize=10, animated=True
        )
        fig.subplots_adjust(left=0.1, right=0.98, top=0.95, bottom=0.14)
    acts = np.clip(result["activations"], *_CLIP)
    grads = np.clip(result["gradients"], *_CLIP)
    state["acts"].set_data(np.arange(len(acts)), acts)
    state["grads"].set_data(np.arange(1, len(grads) + 1), grads)
    s, L = values["weight_scale"], values["num_layers"]
    final = result["activations"][-1]
    verdict = _signal_verdict(final)
    state["text"].set_text(f"s = {s:.2f}, L = {L}: ‖a[L]‖/‖x‖ = {final:.3g}, the signal {verdict}")


def _signal_verdict(ratio: float) -> str:
    """What ||a[L]|| / ||x|| says: a factor of 2 either way is already a change of size."""
    if ratio > 1e3:
        return "explodes"
    if ratio < 1e-3:
        return "vanishes"
    if ratio > 2:
        return f"grows {ratio:.3g}x"
    if ratio < 0.5:
        return f"shrinks to {ratio:.3g}x"
    return "keeps roughly its size"


def vanishing_dashboard(
    weight_scale: float = 1.5,
    num_layers: int = 20,
    weights: str = "identity",
    max_layers: int = 60,
) -> Dashboard:
    """Live sliders for the weight scale s and the depth L of a deep linear network.

    Recomputes and redraws while a slider moves (the figure is built once; only the two
    lines and the text change).

    Args:
        weight_scale, num_layers: the sliders' starting values.
        weights: "identity" (W^[l] = s I, the lecture's example) or "random".
        max_layers: the largest depth on the slider (and the x-axis).

    Returns:
        The Dashboard; ``dash.result`` holds the last ``signal_sizes`` result.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 7.
    """
    state: dict = {}
    return Dashboard(
        compute=lambda weight_scale, num_layers: signal_sizes(weight_scale, num_layers, weights),
        draw=lambda fig, result, values: _draw_signals(fig, result, values, state, max_layers),
        controls={
            "weight_scale": float_slider("weight scale s", weight_scale, 0.5, 2.0, 0.01),
            "num_layers": int_slider("layers L", num_layers, 1, max_layers),
        },
        live=True,
        figsize=(8.0, 3.6),
        title="A deep linear network: activations and gradients grow or shrink like s^L",
    )
