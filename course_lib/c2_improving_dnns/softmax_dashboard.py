"""Softmax dashboards: logits -> probabilities (live), and multi-class decision regions.

Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, sections 2 and 6.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.colors import ListedColormap

from course_lib.c2_improving_dnns import softmax as sm
from course_lib.widgets import Dashboard, float_slider, int_slider, log_slider

__all__ = [
    "softmax_probabilities",
    "softmax_logits_dashboard",
    "train_decision_regions",
    "plot_decision_regions",
    "decision_regions_dashboard",
]

CLASS_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def softmax_probabilities(logits: Sequence[float], temperature: float = 1.0) -> dict:
    """Softmax and hardmax of one example's logits divided by a temperature.

    A temperature T > 1 flattens the probabilities towards uniform, T < 1 sharpens them
    towards the hardmax; the argmax never changes.

    Args:
        logits: C numbers z_1..z_C. temperature: T > 0.

    Returns:
        {"z": (C,), "t": e^{z/T} (C,), "a": softmax(z / T) (C,), "hard": hardmax(z) (C,)}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 2.
    """
    z = np.asarray(logits, dtype=np.float64).ravel()
    if temperature <= 0:
        raise ValueError(f"temperature must be positive; got {temperature}.")
    scaled = z / temperature
    with np.errstate(over="ignore"):
        t = np.exp(scaled)
    return {"z": z, "t": t, "a": sm.softmax(scaled), "hard": sm.hardmax(z)}


def _draw_probabilities(fig, result, values):
    state = getattr(fig, "_course_artists", None)
    C = result["a"].size
    if state is None:
        ax = fig.subplots()
        x = np.arange(C)
        hard = ax.bar(
            x, result["hard"], width=0.8, fill=False, edgecolor="k", ls="--", lw=1.2,
            label="hardmax (one-hot of the argmax)", animated=True,
        )  # fmt: skip
        soft = ax.bar(
            x, result["a"], width=0.55, color=CLASS_COLOURS[:C] * (C // 6 + 1),
            label="softmax probability $a_i$", animated=True,
        )  # fmt: skip
        labels = [ax.text(i, 0, "", ha="center", va="bottom", fontsize=9, animated=True) for i in x]
        caption = ax.text(0.01, 0.97, "", transform=ax.transAxes, va="top", animated=True)
        ax.set_xticks(x, [f"class {i + 1}" for i in x])
        ax.set_ylim(0, 1.25)
        ax.set_ylabel("probability")
        ax.legend(loc="upper right", fontsize=8)
        ax.set_title("softmax of the logits $z / T$ (bars) vs hardmax (dashed)")
        fig.tight_layout()
        state = fig._course_artists = {"soft": soft, "hard": hard, "labels": labels}
        state["caption"] = caption
    for bar, h in zip(state["soft"], result["a"]):
        bar.set_height(h)
    for bar, h in zip(state["hard"], result["hard"]):
        bar.set_height(h)
    for i, (text, a) in enumerate(zip(state["labels"], result["a"])):
        text.set_position((i, a + 0.01))
        text.set_text(f"{a:.3f}\nz={result['z'][i]:.1f}")
    state["caption"].set_text(
        f"T = {values['temperature']:.2g}; sum of $a$ = {result['a'].sum():.3f}"
    )


def softmax_logits_dashboard(
    logits: Sequence[float] = (5.0, 2.0, -1.0, 3.0), temperature: float = 1.0
) -> Dashboard:
    """Live sliders for C logits and a temperature; bars of softmax vs hardmax.

    Args:
        logits: the starting logits (the lecture's [5, 2, -1, 3] by default); C = len.
        temperature: the starting T.

    Returns:
        The Dashboard (``dash.result`` is ``softmax_probabilities``'s dict).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 2.
    """
    C = len(logits)
    controls = {
        f"z{i + 1}": float_slider(f"z{i + 1}", float(z), -10.0, 10.0, 0.1)
        for i, z in enumerate(logits)
    }
    controls["temperature"] = log_slider("temperature T", temperature, 0.1, 10.0, step=0.05)

    def compute(**values):
        return softmax_probabilities([values[f"z{i + 1}"] for i in range(C)], values["temperature"])

    return Dashboard(
        compute=compute,
        draw=_draw_probabilities,
        controls=controls,
        live=True,
        figsize=(7.5, 3.4),
        title="Softmax: drag the logits and the temperature",
    )


def train_decision_regions(
    X,
    labels,
    hidden_units: int = 0,
    learning_rate: float = 0.5,
    num_epochs: int = 1000,
    resolution: int = 120,
    progress=None,
) -> dict:
    """Train softmax regression (hidden_units = 0) or a [2, h, h, C] ReLU net, then label a grid.

    Args:
        X: (2, m) inputs. labels: (1, m) integers 0..C-1.
        hidden_units: 0 for softmax regression, else units in each of two hidden layers.
        learning_rate: alpha of batch gradient descent. num_epochs: GD steps.
        resolution: grid points per axis for the regions.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "costs", "accuracy", "grid": (g0, g1, region labels), "layers_dims"}.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 6.
    """
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    C = int(labels.max()) + 1
    dims = [2, C] if hidden_units == 0 else [2, hidden_units, hidden_units, C]
    parameters, costs = sm.model(
        X, sm.one_hot(labels, C), dims, learning_rate, num_epochs, progress=progress
    )
    pad = 0.3 * (X.max(axis=1) - X.min(axis=1))
    x0 = np.linspace(X[0].min() - pad[0], X[0].max() + pad[0], resolution)
    x1 = np.linspace(X[1].min() - pad[1], X[1].max() + pad[1], resolution)
    g0, g1 = np.meshgrid(x0, x1)
    regions = sm.predict(np.vstack([g0.ravel(), g1.ravel()]), parameters).reshape(g0.shape)
    return {
        "parameters": parameters,
        "costs": costs,
        "accuracy": sm.accuracy(sm.predict(X, parameters), labels),
        "grid": (g0, g1, regions),
        "layers_dims": dims,
    }


def plot_decision_regions(ax, grid, X, labels, title: str = "") -> None:
    """Shade each class's region and scatter the examples in the class colours.

    Args:
        ax: matplotlib Axes. grid: (g0, g1, region labels) from ``train_decision_regions``.
        X: (2, m). labels: (1, m) integers. title: the axes title.

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 5.
    """
    g0, g1, regions = grid
    C = int(max(regions.max(), np.max(labels))) + 1
    cmap = ListedColormap(CLASS_COLOURS[:C])
    ax.contourf(g0, g1, regions, levels=np.arange(C + 1) - 0.5, cmap=cmap, alpha=0.25)
    ax.scatter(X[0], X[1], c=np.ravel(labels), cmap=cmap, vmin=-0.5, vmax=C - 0.5, s=12,
               edgecolors="k", linewidths=0.3)  # fmt: skip
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title, fontsize=10)


def _draw_regions(fig, result, values, X, labels):
    fig.clear()
    region_ax, cost_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    name = (
        "softmax regression" if values["hidden_units"] == 0 else f"ReLU net {result['layers_dims']}"
    )
    plot_decision_regions(
        region_ax, result["grid"], X, labels,
        f"{name}: train accuracy {100 * result['accuracy']:.0f} %",
    )  # fmt: skip
    cost_ax.plot(100 * np.arange(len(result["costs"])), result["costs"], "o-", ms=3)
    cost_ax.set_xlabel("epoch")
    cost_ax.set_ylabel("cost J (categorical cross-entropy)")
    cost_ax.set_title(f"learning rate $\\alpha$ = {values['learning_rate']:.2g}", fontsize=10)
    fig.tight_layout()


def decision_regions_dashboard(
    X, labels, num_epochs: int = 1000, hidden_units: int = 0, learning_rate: float = 0.5
) -> Dashboard:
    """Retrain on release and redraw the class regions: linear (0 hidden units) or not.

    Args:
        X: (2, m) inputs. labels: (1, m) integers 0..C-1.
        num_epochs: gradient steps per run (a fixed, small budget).
        hidden_units: starting width (0 = softmax regression). learning_rate: starting alpha.

    Returns:
        The Dashboard (``dash.result`` is ``train_decision_regions``'s dict).

    Taught in: notebooks/c2_improving_dnns/07_softmax_and_tensorflow.py, section 6.
    """
    X = np.asarray(X, dtype=np.float64)

    def compute(hidden_units, learning_rate, progress):
        return train_decision_regions(
            X, labels, hidden_units, learning_rate, num_epochs, resolution=100, progress=progress
        )

    return Dashboard(
        compute=compute,
        draw=lambda fig, result, values: _draw_regions(fig, result, values, X, labels),
        controls={
            "hidden_units": int_slider(
                "hidden units (0 = softmax regression)", hidden_units, 0, 32
            ),
            "learning_rate": log_slider("learning rate α", learning_rate, 1e-3, 3.0),
        },
        live=False,
        figsize=(9.0, 3.6),
        title=f"Multi-class decision regions, {num_epochs} epochs of batch gradient descent",
    )
