"""Dashboards for dev/test sets: how many dev examples tell two models apart, and how the
weight of the flagged examples re-ranks trained models.

Both are live: the first is closed-form statistics, the second re-weights precomputed
predictions; each change costs a few ms.

Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, sections 3 and 5.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from course_lib.c3_structuring_ml import dev_test as dt
from course_lib.validation import require_shape
from course_lib.widgets import Dashboard, log_int_slider, log_slider

__all__ = ["dev_size_dashboard", "metric_weight_dashboard"]

_M_RANGE = (10.0, 1e7)


def _ranking_curve(e, d, q, m_grid):
    # The chance of the right ranking at every grid size, own dev sets and the same one.
    unpaired = [dt.probability_correct_ranking(e, e - d, int(m)) for m in m_grid]
    paired = [dt.probability_correct_ranking(e, e - d, int(m), q) for m in m_grid]
    return np.array(unpaired), np.array(paired)


def _draw_dev_size(fig, result, state):
    if not fig.axes:
        curve_ax, bar_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.7, 1]})
        curve_ax.set_xscale("log")
        curve_ax.set_xlim(*_M_RANGE)
        curve_ax.set_ylim(0.48, 1.02)
        curve_ax.axhline(0.95, color="0.5", ls=":", lw=1)
        curve_ax.text(12, 0.955, "95 %", fontsize=8, color="0.4")
        curve_ax.set_xlabel("dev-set size m_dev (log scale)")
        curve_ax.set_ylabel("P(dev set ranks the better model first)")
        curve_ax.grid(alpha=0.3)
        (state["unpaired"],) = curve_ax.plot(
            [], [], color="C0", lw=1.8, animated=True, label="each model on its own dev set"
        )
        (state["paired"],) = curve_ax.plot(
            [], [], color="C1", lw=1.8, animated=True, label="both on the same dev set (paired)"
        )
        state["now"] = curve_ax.axvline(10, color="k", lw=1.2, animated=True)
        (state["dots"],) = curve_ax.plot([], [], "ko", ms=5, animated=True)
        curve_ax.legend(loc="lower right", fontsize=8)
        bar_ax.set_yscale("log")
        bar_ax.set_ylim(1, 1e9)
        bar_ax.set_xlim(-0.6, 1.6)
        bar_ax.set_xticks([0, 1], ["own dev sets", "same dev set"], fontsize=8.5)
        bar_ax.set_ylabel("dev examples needed for 95 %")
        bar_ax.grid(alpha=0.3, axis="y")
        state["bars"] = bar_ax.bar(
            [0, 1], [1, 1], color=["C0", "C1"], width=0.6, animated=True
        ).patches
        for bar in state["bars"]:
            bar.set_animated(True)
        state["bar_text"] = [
            bar_ax.text(x, 1, "", ha="center", va="bottom", fontsize=8.5, animated=True)
            for x in (0, 1)
        ]
        state["bar_line"] = bar_ax.axhline(10, color="k", lw=1.2, animated=True)
        state["bar_label"] = bar_ax.text(
            -0.55, 10, "", ha="left", va="bottom", fontsize=8, animated=True
        )
        bar_ax.set_title("size for a 95 % chance", fontsize=10)
        fig.subplots_adjust(left=0.08, right=0.98, top=0.76, bottom=0.13, wspace=0.3)
        state["title"] = curve_ax.text(
            0.5,
            0.975,
            "",
            transform=fig.transFigure,
            ha="center",
            va="top",
            fontsize=10,
            linespacing=1.5,
            animated=True,
        )
    e, d, q, m = result["error"], result["difference"], result["disagreement"], result["m_dev"]
    p_u, p_p = _ranking_curve(e, d, q, state["m_grid"])
    state["unpaired"].set_data(state["m_grid"], p_u)
    state["paired"].set_data(state["m_grid"], p_p)
    state["now"].set_xdata([m, m])
    state["dots"].set_data([m, m], [result["p_unpaired"], result["p_paired"]])
    for bar, text, n in zip(
        state["bars"],
        state["bar_text"],
        (result["needed_unpaired"], result["needed_paired"]),
    ):
        bar.set_height(n)
        text.set_position((bar.get_x() + bar.get_width() / 2, n * 1.15))
        text.set_text(f"{n:,}")
    state["bar_line"].set_ydata([m, m])
    state["bar_label"].set_position((-0.55, m * 1.1))
    state["bar_label"].set_text("your m_dev")
    state["title"].set_text(
        f"errors {100 * e:.2f} % vs {100 * (e - d):.2f} % (difference {100 * d:.2f} pts); "
        f"the models disagree on {100 * q:.2f} % (the sliders keep d <= e, d <= q <= 2e - d)\n"
        f"m_dev = {m:,}: SE of one error rate {100 * result['se_error']:.2f} pts; SE of the "
        f"difference {100 * result['se_unpaired']:.2f} pts (own dev sets) / "
        f"{100 * result['se_paired']:.2f} pts (same dev set)\nP(right ranking) = "
        f"{100 * result['p_unpaired']:.1f} % (own dev sets) / {100 * result['p_paired']:.1f} % "
        "(same dev set)"
    )


def _grid_bounds(slider, low: float, high: float) -> tuple[float, float]:
    """The slider's exponents nearest inside [low, high] that lie on its current grid."""
    anchor, step = slider.min, slider.step
    lo = anchor + math.ceil((math.log10(low) - anchor) / step - 1e-9) * step
    hi = anchor + math.floor((math.log10(high) - anchor) / step + 1e-9) * step
    return lo, max(lo, hi)


def _constrain(controls) -> None:
    """Keep e, d and q possible: d <= e, and d <= q <= e_A + e_B = 2e - d.

    The bounds of d and q follow e (and q's follow d) as the sliders move, snapped to each
    slider's grid (whose anchor, the original minimum, stays put). Registered before the
    Dashboard's own observer, so the dashboard always computes on possible values.
    """
    e_s, d_s, q_s = controls["error"], controls["difference"], controls["disagreement"]
    d_range, q_range = (d_s.min, d_s.max), (q_s.min, q_s.max)
    d_anchor, q_anchor = d_s.min, q_s.min

    def bounds(slider, anchor, full, low, high):
        probe = type("Grid", (), {"min": anchor, "step": slider.step})
        lo, hi = _grid_bounds(probe, max(low, 10 ** full[0]), min(high, 10 ** full[1]))
        # Widen first, then narrow, so min <= max holds at every step.
        slider.max = max(slider.max, hi)
        slider.min = min(slider.min, lo)
        slider.min, slider.max = lo, hi

    def update(_change=None):
        e = e_s.value
        bounds(d_s, d_anchor, d_range, 0.0, e)
        d = d_s.value
        bounds(q_s, q_anchor, q_range, d, 2 * e - d)

    e_s.observe(update, names="value")
    d_s.observe(update, names="value")
    update()


def dev_size_dashboard(
    m_dev: int = 10_000,
    error: float = 0.05,
    difference: float = 0.001,
    disagreement: float = 0.005,
) -> Dashboard:
    """Live sliders for the dev-set size, the error rate, the difference to detect and the
    two models' disagreement; shows the chance of ranking them correctly and the size needed.

    Args:
        m_dev: dev-set size (10 to 10,000,000 on a log slider).
        error: the worse model's error e (0.5 % to 40 %).
        difference: the difference d to detect (0.05 to 5 points); at most e.
        disagreement: share q of examples the models disagree on (0.05 % to 50 %); between
            d and e_A + e_B = 2e - d. The sliders keep these bounds as the others move (the
            plot says so).

    Returns:
        The Dashboard; ``dash.result`` is ``dev_test.dev_size_report`` for the current values.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 3.
    """
    if not (difference <= error and difference <= disagreement <= 2 * error - difference):
        raise ValueError(
            "the dashboard needs d <= e and d <= q <= 2e - d (the models disagree at least on "
            f"the d they differ by, at most on all of both errors); got e = {error}, "
            f"d = {difference}, q = {disagreement}."
        )
    state = {"m_grid": np.logspace(np.log10(_M_RANGE[0]), np.log10(_M_RANGE[1]), 160)}
    controls = {
        "m_dev": log_int_slider("dev examples", m_dev, 10, 10_000_000, per_decade=20),
        "error": log_slider("error e", error, 0.005, 0.4, step=0.05, readout_format=".2%"),
        "difference": log_slider(
            "difference d", difference, 0.0005, 0.05, step=0.05, readout_format=".2%"
        ),
        "disagreement": log_slider(
            "disagreement q", disagreement, 0.0005, 0.5, step=0.05, readout_format=".2%"
        ),
    }
    _constrain(controls)

    return Dashboard(
        compute=lambda m_dev, error, difference, disagreement: dt.dev_size_report(
            int(m_dev), error, difference, disagreement
        ),
        draw=lambda fig, result, values: _draw_dev_size(fig, result, state),
        controls=controls,
        live=True,
        figsize=(10.5, 4.6),
        title="How many dev examples tell two models apart?",
    )


def _draw_weights(fig, result, state):
    names = state["names"]
    if not fig.axes:
        bar_ax, curve_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.5]})
        top = 100 * max(state["curves"].max(), max(state["plain"].values())) * 1.25
        bar_ax.set_ylim(0, top)
        bar_ax.set_xlim(-0.6, len(names) - 0.4)
        bar_ax.set_xticks(range(len(names)), names, fontsize=8.5)
        bar_ax.set_ylabel("weighted dev error (%)")
        bar_ax.grid(alpha=0.3, axis="y")
        state["bars"] = list(
            bar_ax.bar(range(len(names)), [0] * len(names), width=0.6, animated=True)
        )
        for k, bar in enumerate(state["bars"]):
            bar.set_color(f"C{k}")
            bar.set_animated(True)
        state["bar_text"] = [
            bar_ax.text(k, 0, "", ha="center", va="bottom", fontsize=8.5, animated=True)
            for k in range(len(names))
        ]
        bar_ax.set_title("ranking at the current w", fontsize=10)

        curve_ax.set_xscale("log")
        curve_ax.set_xlim(state["w_grid"][0], state["w_grid"][-1])
        curve_ax.set_ylim(0, top)
        for k, name in enumerate(names):
            curve_ax.plot(state["w_grid"], 100 * state["curves"][k], color=f"C{k}", label=name)
        for w_star in state["crossovers"]:
            curve_ax.axvline(w_star, color="0.5", ls=":", lw=1)
            curve_ax.text(w_star * 1.05, top * 0.04, f"w* = {w_star:.2f}", fontsize=8, color="0.35")
        state["now"] = curve_ax.axvline(1.0, color="k", lw=1.2, animated=True)
        curve_ax.set_xlabel("weight w of a flagged example (log scale; 1 = plain error)")
        curve_ax.set_ylabel("weighted dev error (%)")
        curve_ax.legend(loc="upper left", fontsize=8)
        curve_ax.grid(alpha=0.3)
        curve_ax.set_title("weighted error vs w", fontsize=10)
        fig.subplots_adjust(left=0.08, right=0.98, top=0.86, bottom=0.15, wspace=0.25)
        state["title"] = bar_ax.text(
            0.5, 0.94, "", transform=fig.transFigure, ha="center", fontsize=10.5, animated=True
        )
    for k, name in enumerate(names):
        value = 100 * result["weighted_error"][name]
        state["bars"][k].set_height(value)
        state["bars"][k].set_edgecolor("k" if name == result["best"] else "none")
        state["bars"][k].set_linewidth(2.5 if name == result["best"] else 0)
        state["bar_text"][k].set_position((k, value + 0.2))
        state["bar_text"][k].set_text(
            f"{value:.2f} %\n{result['flagged_mistakes'][name]} flagged let through"
        )
    state["now"].set_xdata([result["w"], result["w"]])
    state["title"].set_text(
        f"w = {result['w']:.3g}: best is {result['best']}  "
        f"(ranking: {' < '.join(result['ranking'])})"
    )


def metric_weight_dashboard(
    predictions: Mapping[str, np.ndarray], Y, flagged, w: float = 1.0
) -> Dashboard:
    """A live weight slider: weighted error (flagged examples weigh w, others 1) per model.

    Args:
        predictions: model name -> (1, m) dev predictions 0/1 (2 to 6 models).
        Y: (1, m) dev labels. flagged: (1, m) booleans.
        w: the slider's starting value (1 to 100, log scale).

    Returns:
        The Dashboard; ``dash.result`` is ``dev_test.weighted_ranking`` at the current w.

    Taught in: notebooks/c3_structuring_ml/02_dev_test_sets.py, section 5.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    if not 2 <= len(predictions) <= 6:
        raise ValueError(f"give 2 to 6 models' predictions; got {len(predictions)}.")
    names = list(predictions)
    w_grid = np.logspace(0, 2, 120)
    curves = np.array(
        [
            [dt.weighted_ranking(predictions, Y, flagged, w)["weighted_error"][n] for w in w_grid]
            for n in names
        ]
    )
    crossovers = []
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            w_star = dt.crossover_weight(predictions[names[i]], predictions[names[j]], Y, flagged)
            if w_star is not None and w_grid[0] < w_star < w_grid[-1]:
                crossovers.append(w_star)
    state = {
        "names": names,
        "w_grid": w_grid,
        "curves": curves,
        "crossovers": crossovers,
        "plain": dt.weighted_ranking(predictions, Y, flagged, 1.0)["plain_error"],
    }
    return Dashboard(
        compute=lambda w: dt.weighted_ranking(predictions, Y, flagged, w),
        draw=lambda fig, result, values: _draw_weights(fig, result, state),
        controls={"w": log_slider("weight w", w, 1.0, 100.0, step=0.02, readout_format=".3g")},
        live=True,
        figsize=(10.5, 4.6),
        title="Weighted error: a flagged example let through counts w times",
    )
