"""A live dashboard of the four activations and their derivatives (leak slope, z range).

Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import activations as act
from course_lib.widgets import Dashboard, float_slider

__all__ = ["NAMES", "FLAT", "activation_curves", "activation_dashboard"]

NAMES = ("sigmoid", "tanh", "relu", "leaky_relu")
FLAT = 0.05  # a derivative below this counts as "nearly flat": gradient descent crawls there


def activation_curves(slope: float = act.LEAK, z_max: float = 5.0, points: int = 401) -> dict:
    """g(z) and g'(z) of the four activations on [-z_max, z_max], and how flat they are.

    Args:
        slope: leaky ReLU's slope for z < 0.
        z_max: half-width of the z range, > 0.
        points: number of z values (odd, so z = 0 is one of them).

    Returns:
        {"z": (points,), "g": {name: (points,)}, "dg": {name: (points,)},
         "flat_fraction": {name: share of the range where g'(z) < FLAT}}.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    if not z_max > 0:
        raise ValueError(f"z_max must be positive; got {z_max}.")
    z = np.linspace(-z_max, z_max, points)
    g = {
        "sigmoid": act.sigmoid(z),
        "tanh": act.tanh(z),
        "relu": act.relu(z),
        "leaky_relu": act.leaky_relu(z, slope),
    }
    dg = {
        "sigmoid": act.sigmoid_derivative(z),
        "tanh": act.tanh_derivative(z),
        "relu": act.relu_derivative(z),
        "leaky_relu": act.leaky_relu_derivative(z, slope),
    }
    flat = {name: float(np.mean(dg[name] < FLAT)) for name in NAMES}
    return {"z": z, "g": g, "dg": dg, "flat_fraction": flat}


_LABELS = {
    "sigmoid": r"sigmoid $\sigma(z)$",
    "tanh": r"$\tanh(z)$",
    "relu": r"ReLU $\max(0, z)$",
    "leaky_relu": "leaky ReLU",
}


_TICKS = (-1.0, -0.5, 0.0, 0.5, 1.0)  # where the z labels sit, as fractions of z_max


def _draw(fig, result, values, state):
    # Fast path (course_lib.widgets): only the curves, the suptitle and the z tick labels
    # are animated; the rest is rendered once. The x axis runs over z / z_max in [-1, 1]
    # with ticks at fixed places, so moving z_max changes only the labels' numbers (an
    # axis redrawn per frame costs ~10 ms a panel).
    if not fig.axes:
        g_ax, dg_ax = fig.subplots(1, 2)
        for i, name in enumerate(NAMES):
            style = {"color": f"C{i}", "lw": 1.8, "ls": "--" if name == "leaky_relu" else "-"}
            style["animated"] = True
            state[("g", name)] = g_ax.plot([], [], label=_LABELS[name], **style)[0]
            state[("dg", name)] = dg_ax.plot([], [], label=_LABELS[name], **style)[0]
        for ax in (g_ax, dg_ax):
            ax.axvline(0, color="0.6", lw=0.8)  # z = 0 stays mid-axes: the range is symmetric
            ax.set_xlabel("z")
            ax.grid(True, alpha=0.3)
            ax.axhline(0, color="0.6", lw=0.8)
            ax.set_xlim(-1, 1)
            # Invisible placeholders keep the labels' room in the layout.
            ax.set_xticks(_TICKS, ["\u221220"] * len(_TICKS))
            ax.tick_params(axis="x", labelcolor=(0, 0, 0, 0))
            state[("ticks", ax)] = [
                ax.text(u, -0.03, "", transform=ax.get_xaxis_transform(), ha="center",
                        va="top", fontsize=10, animated=True)
                for u in _TICKS
            ]  # fmt: skip
        # Fixed y ranges, so only the z axes are redrawn; for a steep leak or a wide range
        # the lines run on past the frame.
        g_ax.set_ylim(-1.6, 3.0)
        dg_ax.set_ylim(-0.05, 1.1)
        state["flat_band"] = dg_ax.axhspan(0, FLAT, color="C3", alpha=0.12, lw=0)
        g_ax.set_ylabel("$g(z)$")
        dg_ax.set_ylabel("$g'(z)$")
        g_ax.legend(loc="upper left", fontsize=8)
        fig.suptitle("", fontsize=10, animated=True)
        fig.tight_layout(rect=(0, 0, 1, 0.88))
    g_ax, dg_ax = fig.axes
    z, z_max = result["z"], values["z_max"]
    for name in NAMES:
        state[("g", name)].set_data(z / z_max, result["g"][name])
        state[("dg", name)].set_data(z / z_max, result["dg"][name])
    for ax in (g_ax, dg_ax):
        for u, label in zip(_TICKS, state[("ticks", ax)]):
            label.set_text(f"{u * z_max:g}".replace("-", "\u2212"))
    flat = result["flat_fraction"]
    g_ax.set_title("activations g(z)")
    dg_ax.set_title(f"derivatives g'(z); shaded: g' < {FLAT}")
    fig._suptitle.set_text(
        f"leak slope {values['slope']:.3g}, z in [-{z_max:.3g}, {z_max:.3g}]: nearly flat on "
        f"{100 * flat['sigmoid']:.0f} % (sigmoid), {100 * flat['tanh']:.0f} % (tanh), "
        f"{100 * flat['relu']:.0f} % (ReLU), {100 * flat['leaky_relu']:.0f} % (leaky ReLU)"
    )


def activation_dashboard(slope: float = act.LEAK, z_max: float = 5.0) -> Dashboard:
    """Sliders for leaky ReLU's slope and the z range; redraws g(z) and g'(z) while dragging.

    Args:
        slope: starting leak slope (0 to 0.5; the course's is 0.01).
        z_max: starting half-width of the z range (1 to 20).

    Returns:
        The Dashboard; ``dash.result`` holds ``activation_curves(slope, z_max)``.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 5.
    """
    state: dict = {}
    return Dashboard(
        compute=lambda slope, z_max: activation_curves(slope, z_max),
        draw=lambda fig, result, values: _draw(fig, result, values, state),
        controls={
            "slope": float_slider("leak slope", slope, 0.0, 0.5, 0.01),
            "z_max": float_slider("z range ±", z_max, 1.0, 20.0, 0.5),
        },
        live=True,
        figsize=(10.0, 3.8),
        title="Activation functions and their derivatives",
    )
