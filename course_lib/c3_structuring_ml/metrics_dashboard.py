"""Dashboards for evaluation metrics: the decision threshold on a precision/recall curve, and
a prediction-time budget that picks a model from a zoo (optimising vs satisficing).

Both are live: the models are trained beforehand and the dashboards only count (thresholds
over precomputed probabilities, a budget over precomputed costs), a few ms per change.

Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, sections 5 and 7.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from contourpy import contour_generator
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.validation import require_shape
from course_lib.widgets import Dashboard, float_slider, log_slider

__all__ = ["threshold_dashboard", "budget_dashboard", "choose_within_budget"]

_OUTCOMES = {  # name -> (colour, marker, label)
    "TP": ("#1a7f37", "o", "TP: cat, found"),
    "FN": ("#8250df", "s", "FN: cat, missed"),
    "FP": ("#d1242f", "X", "FP: no cat, called cat"),
    "TN": ("#8c959f", ".", "TN: no cat, rejected"),
}


def _boundary(state, t: float) -> list:
    """The curves yhat = t on the grid, as (n, 2) arrays; cached per threshold."""
    cache = state.setdefault("boundaries", {})
    key = round(float(t), 6)
    if key not in cache:
        if "contours" not in state:
            state["contours"] = contour_generator(state["g0"], state["g1"], state["grid"])
        level = min(max(key, 1e-6), 1 - 1e-6)
        inside = state["grid"].min() < level < state["grid"].max()
        cache[key] = list(state["contours"].lines(level)) if inside else []
    return cache[key]


def _draw_threshold(fig, result, state):
    if not fig.axes:
        points_ax, curve_ax, matrix_ax = fig.subplots(
            1, 3, gridspec_kw={"width_ratios": [1.15, 1.0, 0.8]}
        )
        X = state["X"]
        points_ax.set_xlim(state["g0"].min(), state["g0"].max())
        points_ax.set_ylim(state["g1"].min(), state["g1"].max())
        points_ax.set_xlabel("$x_1$")
        points_ax.set_ylabel("$x_2$")
        state["groups"] = {}
        for name, (colour, marker, label) in _OUTCOMES.items():
            size = 22 if marker == "X" else (14 if marker != "." else 10)
            state["groups"][name] = points_ax.scatter(
                X[0, :0], X[1, :0], s=size, c=colour, marker=marker, label=label, animated=True
            )
        # The boundary yhat = t: one animated collection whose segments are swapped per t
        # (a new contour set per change cost ~20 ms).
        state["boundary"] = points_ax.add_collection(
            LineCollection([], colors="k", linewidths=1.4, animated=True), autolim=False
        )
        # below the axes: inside, any corner covers some of the points
        points_ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.17),
            ncol=2,
            fontsize=8,
            markerscale=1.2,
            columnspacing=1.0,
            handletextpad=0.3,
        )
        points_ax.set_title("dev examples; line: $\\hat y = t$", fontsize=10)
        state["points_ax"] = points_ax

        curve = state["curve"]
        recall_grid = np.linspace(0.01, 1, 200)
        for f in (0.2, 0.4, 0.6, 0.8, 0.9):  # iso-F1 lines: P = f R / (2R - f)
            r = recall_grid[2 * recall_grid > f]
            p = f * r / (2 * r - f)
            keep = p <= 1
            curve_ax.plot(r[keep], p[keep], color="0.85", lw=0.8, zorder=0)
            curve_ax.text(1.01, p[keep][-1], f"F1 {f}", fontsize=8, color="0.45", va="center")
        defined = curve["predicted_positive"] > 0  # precision needs a predicted positive
        curve_ax.plot(
            curve["recall"][defined],
            curve["precision"][defined],
            color="C0",
            lw=1.6,
            label="all thresholds",
        )
        (state["point"],) = curve_ax.plot(
            [], [], "o", color="#d1242f", ms=9, animated=True, label="current t"
        )
        curve_ax.set_xlim(0, 1.13)
        curve_ax.set_ylim(0, 1.05)
        curve_ax.set_xlabel("recall R = TP / (TP + FN)")
        curve_ax.set_ylabel("precision P = TP / (TP + FP)")
        curve_ax.legend(loc="lower left", fontsize=8)
        curve_ax.grid(alpha=0.3)
        state["curve_text"] = curve_ax.text(
            0.03, 0.28, "", transform=curve_ax.transAxes, fontsize=8.5, animated=True
        )
        curve_ax.set_title("precision/recall trade-off", fontsize=10)

        matrix_ax.set_xlim(-0.5, 1.5)
        matrix_ax.set_ylim(1.5, -0.5)
        matrix_ax.set_xticks([0, 1], ["predicted 1", "predicted 0"], fontsize=8)
        matrix_ax.set_yticks([0, 1], ["actual 1", "actual 0"], fontsize=8)
        matrix_ax.tick_params(length=0)
        for (row, col), name in {(0, 0): "TP", (0, 1): "FN", (1, 0): "FP", (1, 1): "TN"}.items():
            colour = _OUTCOMES[name][0]
            matrix_ax.add_patch(
                Rectangle((col - 0.5, row - 0.5), 1, 1, fc=colour, alpha=0.18, ec="white", lw=2)
            )
        state["cells"] = {
            name: matrix_ax.text(col, row, "", ha="center", va="center", fontsize=10, animated=True)
            for (row, col), name in {(0, 0): "TP", (0, 1): "FN", (1, 0): "FP", (1, 1): "TN"}.items()
        }
        matrix_ax.set_title("confusion counts (dev)", fontsize=10)
        state["matrix_text"] = matrix_ax.text(
            0.5,
            -0.12,
            "",
            transform=matrix_ax.transAxes,
            ha="center",
            va="top",
            fontsize=8.5,
            animated=True,
        )
        fig.subplots_adjust(left=0.06, right=0.98, top=0.88, bottom=0.27, wspace=0.32)
        # An axes text placed in figure coordinates: animated axes artists are redrawn on
        # the fast path, whereas the Dashboard treats figure texts as static.
        state["title"] = points_ax.text(
            0.5, 0.95, "", transform=fig.transFigure, ha="center", fontsize=11, animated=True
        )

    t = result["threshold"]
    Y_hat = state["proba"][0] > t
    actual = state["Y"][0] == 1
    masks = {
        "TP": Y_hat & actual,
        "FN": ~Y_hat & actual,
        "FP": Y_hat & ~actual,
        "TN": ~Y_hat & ~actual,
    }
    for name, collection in state["groups"].items():
        collection.set_offsets(state["X"][:, masks[name]].T)
    state["boundary"].set_segments(_boundary(state, t))
    state["point"].set_data([result["recall"]], [result["precision"]])
    state["curve_text"].set_text(
        f"t = {t:.2f}\nP = {100 * result['precision']:.1f} %\nR = {100 * result['recall']:.1f} %"
        f"\nF1 = {100 * result['f1']:.1f} %"
    )
    for name, text in state["cells"].items():
        text.set_text(f"{name}\n{result[name]}")
    state["matrix_text"].set_text(
        f"predicted positive: {result['predicted_positive']} of {state['Y'].shape[1]}\n"
        f"accuracy {100 * result['accuracy']:.1f} %"
    )
    direction = "raise t: fewer predicted cats, precision up, recall down"
    state["title"].set_text(
        f"{state['name']}: threshold t = {t:.2f} -> P {100 * result['precision']:.1f} %, "
        f"R {100 * result['recall']:.1f} %, F1 {100 * result['f1']:.1f} %   ({direction})"
    )


def threshold_dashboard(
    X, Y, parameters, threshold: float = 0.5, name: str = "classifier", resolution: int = 120
) -> Dashboard:
    """A live threshold slider over a trained classifier's dev-set probabilities.

    Predict "cat" when yhat > t. The panels show the dev examples by outcome (TP, FN, FP,
    TN) with the boundary yhat = t, the precision/recall curve with the current point (and
    lines of equal F1), and the confusion counts.

    Args:
        X: (2, m) dev inputs. Y: (1, m) dev labels 0/1.
        parameters: a trained classifier (``models.train_classifier``).
        threshold: the slider's starting value. name: shown in the title.
        resolution: grid points per axis for the boundary.

    Returns:
        The Dashboard; ``dash.result`` is ``metrics.threshold_metrics`` at the current t.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 5.
    """
    X = require_shape("X", X, (2, None), "(2, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    proba = models.predict_proba(X, parameters)
    g0, g1 = np.meshgrid(
        np.linspace(X[0].min() - 0.3, X[0].max() + 0.3, resolution),
        np.linspace(X[1].min() - 0.3, X[1].max() + 0.3, resolution),
    )
    grid = models.predict_proba(np.vstack([g0.ravel(), g1.ravel()]), parameters).reshape(g0.shape)
    state = {
        "X": X,
        "Y": Y,
        "proba": proba,
        "g0": g0,
        "g1": g1,
        "grid": grid,
        "curve": mt.precision_recall_curve(proba, Y),
        "name": name,
    }
    return Dashboard(
        compute=lambda threshold: mt.threshold_metrics(proba, Y, threshold),
        draw=lambda fig, result, values: _draw_threshold(fig, result, state),
        controls={"threshold": float_slider("threshold t", threshold, 0.01, 0.99, 0.01)},
        live=True,
        figsize=(10.5, 4.3),
        title="Decision threshold: predict 1 when yhat > t",
    )


def choose_within_budget(zoo: Sequence[Mapping], budget_ms: float) -> dict:
    """Pick the most accurate model whose prediction time is within the budget.

    Args:
        zoo: one mapping per model with "name", "time_ms" and "dev_accuracy".
        budget_ms: the satisficing threshold on "time_ms".

    Returns:
        {"budget_ms", "chosen" (index or None), "feasible" (list of bools), "name",
        "dev_accuracy", "time_ms"} (the last three None when nothing fits).

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    if not budget_ms > 0:
        raise ValueError(f"budget_ms must be positive; got {budget_ms!r}.")
    chosen = mt.select_model(zoo, "dev_accuracy", {"time_ms": budget_ms})
    pick = zoo[chosen] if chosen is not None else {}
    return {
        "budget_ms": float(budget_ms),
        "chosen": chosen,
        "feasible": [model["time_ms"] <= budget_ms for model in zoo],
        "name": pick.get("name"),
        "dev_accuracy": pick.get("dev_accuracy"),
        "time_ms": pick.get("time_ms"),
    }


def _draw_budget(fig, result, state):
    zoo = state["zoo"]
    times = np.array([m["time_ms"] for m in zoo])
    accuracy = 100 * np.array([m["dev_accuracy"] for m in zoo])
    if not fig.axes:
        ax = fig.add_subplot()
        ax.set_xscale("log")
        low, high = state["range"]
        ax.set_xlim(low, high)
        pad = max(1.0, 0.2 * (accuracy.max() - accuracy.min()))
        ax.set_ylim(accuracy.min() - pad, accuracy.max() + pad)
        ax.scatter(times, accuracy, s=40, color="C0", zorder=3, label="model (dev accuracy)")
        for k, (x, y) in enumerate(zip(times, accuracy)):
            ax.annotate(
                zoo[k]["name"].replace(" (logistic regression)", "\n(logistic regr.)"),
                (x, y),
                xytext=(0, -16 if k % 2 else 8),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
        ax.set_xlabel(
            f"prediction time (ms) = multiply-adds / {mt.MULTIPLY_ADDS_PER_MS:g} per ms (log)"
        )
        ax.set_ylabel("dev accuracy (%)")
        ax.grid(alpha=0.3)
        top = ax.secondary_xaxis(
            "top",
            functions=(
                lambda ms: ms * mt.MULTIPLY_ADDS_PER_MS,
                lambda macs: macs / mt.MULTIPLY_ADDS_PER_MS,
            ),
        )
        top.set_xlabel("multiply-adds per prediction", fontsize=9)
        state["shade"] = ax.axvspan(low, high, color="#d1242f", alpha=0.12, animated=True)
        state["line"] = ax.axvline(1.0, color="#d1242f", lw=1.5, animated=True)
        (state["ring"],) = ax.plot(
            [],
            [],
            "o",
            ms=16,
            mfc="none",
            mec="#1a7f37",
            mew=2.5,
            animated=True,
            label="chosen",
        )
        ax.plot([], [], "s", color="#d1242f", alpha=0.25, label="over the budget")
        ax.legend(loc="lower right", fontsize=8)
        # Above the plot (figure coordinates), so it never hides a model.
        state["text"] = ax.text(
            0.5,
            0.985,
            "",
            transform=fig.transFigure,
            ha="center",
            va="top",
            fontsize=9.5,
            animated=True,
        )
        fig.subplots_adjust(left=0.08, right=0.98, top=0.78, bottom=0.13)
        state["ax"] = ax
    budget = result["budget_ms"]
    high = state["range"][1]
    state["shade"].set_x(budget)
    state["shade"].set_width(max(high - budget, 0.0))
    state["line"].set_xdata([budget, budget])
    if result["chosen"] is None:
        state["ring"].set_data([], [])
        text = f"budget {budget:.3g} ms: no model is fast enough"
    else:
        k = result["chosen"]
        state["ring"].set_data([times[k]], [accuracy[k]])
        text = (
            f"maximise dev accuracy subject to prediction time <= {budget:.3g} ms\n"
            f"-> {result['name']}: {accuracy[k]:.1f} %, {times[k]:.3g} ms "
            f"({sum(result['feasible'])} of {len(zoo)} models fit)"
        )
    state["text"].set_text(text)


def budget_dashboard(zoo: Sequence[Mapping], budget_ms: float = 1.0) -> Dashboard:
    """A live prediction-time budget (log slider) that picks a model from the zoo.

    Optimising metric: dev accuracy; satisficing metric: prediction time <= budget. Models
    right of the red line are over the budget; the green ring is the pick.

    Args:
        zoo: one mapping per model with "name", "time_ms" and "dev_accuracy".
        budget_ms: the slider's starting value (0.01 to 100 ms).

    Returns:
        The Dashboard; ``dash.result`` is ``choose_within_budget(zoo, budget_ms)``.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py, section 7.
    """
    zoo = list(zoo)
    if not zoo:
        raise ValueError("the zoo needs at least one model.")
    state = {"zoo": zoo, "range": (0.005, 200.0)}
    return Dashboard(
        compute=lambda budget_ms: choose_within_budget(zoo, budget_ms),
        draw=lambda fig, result, values: _draw_budget(fig, result, state),
        controls={
            "budget_ms": log_slider(
                "time budget (ms)", budget_ms, 0.01, 100.0, step=0.05, readout_format=".3g"
            )
        },
        live=True,
        figsize=(10.0, 4.8),
        title="Optimising vs satisficing: the most accurate model within the time budget",
    )
