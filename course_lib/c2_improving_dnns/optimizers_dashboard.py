"""Dashboards for the optimisation lesson: optimiser paths, mini-batch noise, decay schedules.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, sections 1, 4 and 6.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import lr_decay
from course_lib.c2_improving_dnns.loss_surfaces import SURFACES, optimizer_path
from course_lib.c2_improving_dnns.mini_batches import random_mini_batches
from course_lib.c2_improving_dnns.optimizers import initialize_parameters, update_parameters_with_gd
from course_lib.widgets import Dashboard, float_slider, int_slider, log_slider

__all__ = [
    "PATH_COLOURS",
    "compute_paths",
    "optimizer_paths_dashboard",
    "mini_batch_costs",
    "mini_batch_dashboard",
    "decay_schedules",
    "lr_decay_dashboard",
]

PATH_COLOURS = {"gd": "#495057", "momentum": "#1971c2", "rmsprop": "#e8590c", "adam": "#2f9e44"}
_SHORT = {"gd": "GD", "momentum": "mom.", "rmsprop": "RMS", "adam": "Adam"}
_LABELS = {"gd": "gradient descent", "momentum": "momentum", "rmsprop": "RMSprop", "adam": "Adam"}


def compute_paths(
    surface: str, learning_rate: float, beta: float, beta1: float, beta2: float, num_steps: int = 50
) -> dict[str, np.ndarray]:
    """The four optimisers' paths from the surface's start (pure; what the dashboard draws).

    Args:
        surface: a key of loss_surfaces.SURFACES. learning_rate: alpha for all four.
        beta: momentum's beta. beta1, beta2: Adam's (RMSprop uses beta2 too).
        num_steps: updates per path.

    Returns:
        {"gd" | "momentum" | "rmsprop" | "adam": (num_steps + 1, 2) array of points}.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    hyper = {
        "gd": {},
        "momentum": {"beta": beta},
        "rmsprop": {"beta2": beta2},
        "adam": {"beta1": beta1, "beta2": beta2},
    }
    with np.errstate(over="ignore", invalid="ignore"):
        return {
            name: optimizer_path(surface, None, name, num_steps, learning_rate=learning_rate, **h)
            for name, h in hyper.items()
        }


def optimizer_paths_dashboard(
    surface: str = "elongated bowl",
    num_steps: int = 50,
    learning_rate: float = 0.3,
    beta2: float = 0.99,
) -> Dashboard:
    """THE optimiser-path dashboard: GD, momentum, RMSprop and Adam on one 2-D loss surface.

    Live: every slider move recomputes the four paths (a few ms) and redraws only the
    path lines on fixed contours.

    Args:
        surface: a key of loss_surfaces.SURFACES. num_steps: updates per path.
        learning_rate, beta2: starting values of those sliders. beta2 starts at 0.99, not
            Adam's 0.999: RMSprop has no bias correction, so its first step is
            alpha / sqrt(1 - beta2) long (32 alpha at 0.999), which the lesson shows.

    Returns:
        a Dashboard with controls "learning_rate", "beta", "beta1", "beta2".

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 4.
    """
    loss = SURFACES[surface]

    def compute(learning_rate, beta, beta1, beta2):
        return compute_paths(surface, learning_rate, beta, beta1, beta2, num_steps)

    def draw(fig, paths, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax = fig.add_subplot()
            W1, W2, J = loss.grid(150)
            levels = np.quantile(J, np.linspace(0.0, 0.97, 18))
            ax.contour(W1, W2, J, levels=np.unique(levels), cmap="Greys", linewidths=0.7)
            if loss.minimum is not None:
                ax.plot(*loss.minimum, marker="*", ms=12, color="gold", mec="k", zorder=4)
            ax.plot(*loss.start, marker="o", ms=6, color="k", zorder=4)
            lines = {}
            for name, colour in PATH_COLOURS.items():
                (lines[name],) = ax.plot(
                    [], [], "-o", ms=2.5, lw=1.4, color=colour, label=_LABELS[name], animated=True
                )
            ax.set_xlim(*loss.xlim)
            ax.set_ylim(*loss.ylim)
            ax.set_xlabel("$w_1$")
            ax.set_ylabel("$w_2$")
            ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
            caption = ax.text(
                0.01, 0.98, "", transform=ax.transAxes, va="top", fontsize=8.5, animated=True
            )
            fig.suptitle(f"{num_steps} steps on the {surface} (start: black dot)", fontsize=10)
            fig.tight_layout()
            state = fig._course_artists = {"lines": lines, "caption": caption}
        finals = []
        for name, path in paths.items():
            state["lines"][name].set_data(path[:, 0], path[:, 1])
            final = loss(path[-1]) if np.all(np.isfinite(path[-1])) else float("nan")
            finals.append(f"{_SHORT[name]} {final:.2g}")
        # One short line: every glyph costs render time on each slider move.
        state["caption"].set_text(f"α={values['learning_rate']:.2g}  final J: " + ", ".join(finals))

    controls = {
        "learning_rate": log_slider("learning rate α", learning_rate, 1e-3, 2.0, step=0.05),
        "beta": float_slider("momentum β", 0.9, 0.0, 0.99, 0.01),
        "beta1": float_slider("Adam β₁", 0.9, 0.0, 0.99, 0.01),
        "beta2": float_slider("β₂ (RMSprop, Adam)", beta2, 0.5, 0.999, 0.001, readout_format=".3f"),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(7.2, 4.0),
        title="Optimiser paths: drag a slider and watch the four paths",
    )


def mini_batch_costs(
    X,
    Y,
    mini_batch_size: int,
    learning_rate: float = 0.1,
    num_epochs: int = 10,
    layers_dims=(2, 5, 2, 1),
    seed: int = 10,
    progress=None,
):
    """Gradient descent with a given mini-batch size; the cost of every mini-batch.

    Args:
        X: (n_x, m). Y: (1, m). mini_batch_size: 1 (stochastic) .. m (batch GD).
        learning_rate: alpha. num_epochs: passes over the data. layers_dims: the network.
        seed: shuffle seed of the first epoch (incremented every epoch).
        progress: optional fraction callback.

    Returns:
        {"epoch": (k,) fractional epoch after each update, "batch_cost": (k,) cost of each
        mini-batch, "epoch_cost": (num_epochs + 1,) full-data cost at each epoch end,
        "updates": k}.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    m = X.shape[1]
    parameters = initialize_parameters(list(layers_dims))
    epochs, batch_cost = [], []
    epoch_cost = [dn.compute_cost(dn.L_model_forward(X, parameters)[0], Y)]
    seen = 0
    for epoch in range(num_epochs):
        for X_t, Y_t in random_mini_batches(X, Y, mini_batch_size, seed + epoch):
            AL, caches = dn.L_model_forward(X_t, parameters)
            batch_cost.append(dn.compute_cost(AL, Y_t))
            grads = dn.L_model_backward(AL, Y_t, caches)
            parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            seen += X_t.shape[1]
            epochs.append(seen / m)
        epoch_cost.append(dn.compute_cost(dn.L_model_forward(X, parameters)[0], Y))
        if progress is not None:
            progress((epoch + 1) / num_epochs)
    return {
        "epoch": np.array(epochs),
        "batch_cost": np.array(batch_cost),
        "epoch_cost": np.array(epoch_cost),
        "updates": len(batch_cost),
    }


def mini_batch_dashboard(
    X, Y, num_epochs: int = 10, learning_rate: float = 1.0, mini_batch_size: int = 64
) -> Dashboard:
    """Mini-batch size slider (1 .. m): the noisy per-batch cost against epochs.

    The default alpha = 1 makes the trade-off visible within a few epochs on the course's
    300 moons: batch GD barely moves (cost 0.61 after 10 epochs), mini-batches of 16-64 get
    to 0.23-0.35, single examples stay noisy around 0.7 (with alpha = 0.1 every size
    looks flat).

    Args:
        X: (n_x, m). Y: (1, m). num_epochs: epochs per run. learning_rate: alpha.
        mini_batch_size: the slider's starting value.

    Returns:
        a Dashboard (live=False) with the control "mini_batch_size".

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 1.
    """
    m = X.shape[1]

    def compute(mini_batch_size, progress=None):
        return mini_batch_costs(X, Y, mini_batch_size, learning_rate, num_epochs, progress=progress)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax = fig.add_subplot()
            (batch,) = ax.plot([], [], lw=0.7, color="#74c0fc", label="cost of each mini-batch")
            (full,) = ax.plot(
                np.arange(num_epochs + 1),
                np.zeros(num_epochs + 1),
                "o-",
                color="#c92a2a",
                label="cost on all m examples (epoch end)",
            )
            ax.set_xlabel("epochs (passes over the training set)")
            ax.set_ylabel("cost J")
            ax.set_xlim(0, num_epochs)
            ax.grid(True, alpha=0.3)
            # Below the axes: with a batch of 1 the per-batch costs fill the whole plot.
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8)
            state = fig._course_artists = {"ax": ax, "batch": batch, "full": full}
        size = values["mini_batch_size"]
        state["batch"].set_data(result["epoch"], result["batch_cost"])
        state["full"].set_ydata(result["epoch_cost"])
        # Cap the axis: single-example costs spike to 5+ and would flatten the epoch costs.
        top = min(max(float(result["batch_cost"].max()), float(result["epoch_cost"].max())), 2.5)
        state["ax"].set_ylim(0, top * 1.05)
        kind = "batch GD" if size >= m else ("stochastic GD" if size == 1 else "mini-batch GD")
        state["ax"].set_title(
            f"{kind}: mini_batch_size = {size}, {result['updates']} updates "
            f"in {num_epochs} epochs, alpha = {learning_rate}",
            fontsize=10,
        )
        fig.tight_layout()  # after the title, which changes length with the size

    controls = {"mini_batch_size": int_slider("mini-batch size", min(mini_batch_size, m), 1, m)}
    return Dashboard(
        compute,
        draw,
        controls,
        live=False,
        figsize=(8.0, 3.6),
        title="Mini-batch size: noise against speed",
    )


def decay_schedules(learning_rate0: float, decay_rate: float, num_epochs: int = 100):
    """Every schedule of lr_decay.SCHEDULES over ``num_epochs`` epochs (pure).

    Args:
        learning_rate0: alpha0. decay_rate: the knob each schedule turns. num_epochs: length.

    Returns:
        {"epoch": (num_epochs,), name: (num_epochs,) rates for each schedule}.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """
    epochs = np.arange(num_epochs)
    out = {"epoch": epochs}
    for name, schedule in lr_decay.SCHEDULES.items():
        out[name] = np.asarray(schedule(learning_rate0, epochs, decay_rate), dtype=float)
    return out


def lr_decay_dashboard(learning_rate0: float = 0.1, num_epochs: int = 100) -> Dashboard:
    """A decay-rate slider over every learning-rate schedule (live).

    Args:
        learning_rate0: alpha0. num_epochs: epochs plotted.

    Returns:
        a Dashboard with the control "decay_rate".

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 6.
    """

    def compute(decay_rate):
        return decay_schedules(learning_rate0, decay_rate, num_epochs)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax = fig.add_subplot()
            lines = {}
            for name in lr_decay.SCHEDULES:
                (lines[name],) = ax.plot([], [], lw=1.6, label=name, animated=True)
            ax.set_xlim(0, num_epochs)
            ax.set_ylim(0, learning_rate0 * 1.05)
            ax.set_xlabel("epoch")
            ax.set_ylabel("learning rate α")
            ax.grid(True, alpha=0.3)
            ax.legend(loc="upper right", fontsize=8)
            caption = ax.text(0.35, 0.95, "", transform=ax.transAxes, va="top", animated=True)
            fig.tight_layout()
            state = fig._course_artists = {"lines": lines, "caption": caption}
        for name, line in state["lines"].items():
            line.set_data(result["epoch"], result[name])
        state["caption"].set_text(f"α₀ = {learning_rate0}, decay_rate = {values['decay_rate']:.3g}")

    controls = {"decay_rate": log_slider("decay rate", 0.1, 1e-3, 3.0)}
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(8.0, 3.6),
        title="Learning-rate decay schedules",
    )
