"""EWMA dashboard: a beta slider and a bias-correction switch on a year of temperatures.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from course_lib.c2_improving_dnns.ewma import (
    _wrong_corrected_average,
    daily_temperatures,
    effective_window,
    exponentially_weighted_average,
)
from course_lib.widgets import Dashboard, float_slider

__all__ = ["ewma_curves", "ewma_dashboard"]


def ewma_curves(theta, beta: float, bias_correction: bool, show_mistake: bool = False) -> dict:
    """The EWMA of ``theta`` as the dashboard shows it (pure).

    Args:
        theta: (T,) series. beta: in [0, 1). bias_correction: divide by 1 - beta^t.
        show_mistake: also return a common mistake's version (the bias correction fed
            back into the recursion).

    Returns:
        {"V": (T,), "wrong": (T,) or None, "window": 1 / (1 - beta)}.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    V = exponentially_weighted_average(theta, beta, bias_correction)
    wrong = _wrong_corrected_average(theta, beta) if show_mistake else None
    return {"V": V, "wrong": wrong, "window": effective_window(beta)}


def ewma_dashboard(num_days: int = 365, seed: int = 0) -> Dashboard:
    """Beta slider + bias-correction and common-mistake checkboxes over the temperature series.

    Args:
        num_days: length of the series. seed: seed of the series' noise.

    Returns:
        a live Dashboard with controls "beta", "bias_correction", "show_mistake".

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 2.
    """
    days, theta = daily_temperatures(num_days, seed)

    def compute(beta, bias_correction, show_mistake):
        return ewma_curves(theta, beta, bias_correction, show_mistake)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax = fig.add_subplot()
            ax.scatter(days, theta, s=5, color="#adb5bd", label=r"daily temperature $\theta_t$")
            (line,) = ax.plot(days, theta, color="#c92a2a", lw=2, label="$V_t$", animated=True)
            (wrong,) = ax.plot(
                days,
                theta,
                color="#7048e8",
                lw=1.2,
                ls="--",
                label="common mistake: correction fed back",
                animated=True,
            )
            ax.set_xlim(0, num_days + 1)
            ax.set_ylim(float(theta.min()) - 3, float(theta.max()) + 3)
            ax.set_xlabel("day $t$")
            ax.set_ylabel("temperature (°C)")
            ax.grid(True, alpha=0.3)
            ax.legend(loc="upper left", fontsize=8)
            caption = ax.text(
                0.99,
                0.03,
                "",
                transform=ax.transAxes,
                ha="right",
                fontsize=9,
                animated=True,
                bbox={"fc": "white", "ec": "0.7", "alpha": 0.9},
            )
            fig.tight_layout()
            state = fig._course_artists = {"line": line, "wrong": wrong, "caption": caption}
        state["line"].set_ydata(result["V"])
        show = result["wrong"] is not None
        state["wrong"].set_visible(show)
        if show:
            state["wrong"].set_ydata(result["wrong"])
        text = (
            f"β = {values['beta']:.3f}: averages ≈ {result['window']:.0f} days, "
            f"bias correction {'on' if values['bias_correction'] else 'off'}"
        )
        if show:
            with np.errstate(over="ignore", invalid="ignore"):
                peak = float(np.nanmax(np.abs(result["wrong"])))
            text += f"\nthe mistake reaches |V| = {peak:.2g}"
        state["caption"].set_text(text)

    controls = {
        "beta": float_slider("β", 0.9, 0.0, 0.995, 0.005, readout_format=".3f"),
        "bias_correction": widgets.Checkbox(value=False, description="bias correction"),
        "show_mistake": widgets.Checkbox(value=False, description="show a common mistake"),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(8.0, 3.6),
        title="Exponentially weighted average of daily temperatures",
    )
