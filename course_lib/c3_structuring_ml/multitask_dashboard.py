"""Dashboard for multi-task learning: hide labels ("?") and size the shared network.

Each change hides a fraction of the training labels, trains one network on all four
tasks with the masked cost and four separate networks on the labels each task has left,
and shows the label matrix (with its "?") next to every task's dev error.

Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c3_structuring_ml import multitask as mt
from course_lib.widgets import Dashboard, float_slider, int_slider

__all__ = ["train_joint_and_separate", "missing_labels_dashboard"]

_SHOWN = 16  # columns of the label matrix drawn (few enough for 9 pt digits)


def train_joint_and_separate(
    X,
    Y,
    X_dev,
    Y_dev,
    missing_fraction: float,
    hidden_units: int,
    num_iterations: int = 500,
    learning_rate: float = 2.0,
    seed: int = 0,
    progress=None,
) -> dict:
    """Hide labels, train the joint network and the separate ones, measure both on dev.

    Args:
        X, Y: (n_x, m) / (n_y, m) fully labelled training data. X_dev, Y_dev: the dev set.
        missing_fraction: share of training labels replaced by "?" (seeded by ``seed``).
        hidden_units: units of the one hidden layer of every network.
        num_iterations, learning_rate: the budget of every network. seed: labels and inits.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"Y_train": (n_y, m) with NaN, "labels_left": fraction that exists, "joint":
        (n_y,) and "separate": (n_y,) dev errors, "joint_parameters"}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 8.
    """
    Y_train = mt.hide_labels(Y, missing_fraction, seed)
    budget = {"hidden_layers": (int(hidden_units),), "num_iterations": num_iterations}
    budget.update(learning_rate=learning_rate, seed=seed)
    half = (lambda f: progress(f / 5)) if progress is not None else None
    rest = (lambda f: progress(0.2 + 0.8 * f)) if progress is not None else None
    joint = mt.train_multitask(X, Y_train, **budget, progress=half)
    separate = mt.train_separate(X, Y_train, **budget, progress=rest)
    return {
        "Y_train": Y_train,
        "labels_left": float(np.mean(~np.isnan(Y_train))),
        "joint": mt.task_error_rates(X_dev, Y_dev, joint),
        "separate": mt.task_error_rates(X_dev, Y_dev, separate),
        "joint_parameters": joint,
    }


def _draw(fig, result, values):
    fig.clear()
    label_ax, error_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1]})
    shown = result["Y_train"][:, :_SHOWN]
    colours = {0.0: (1.0, 1.0, 1.0), 1.0: (0.17, 0.33, 0.55), "?": (0.93, 0.9, 0.8)}
    picture = np.array([[colours["?" if np.isnan(v) else float(v)] for v in row] for row in shown])
    label_ax.imshow(picture, aspect="auto")
    for (j, i), value in np.ndenumerate(shown):
        text = "?" if np.isnan(value) else f"{int(value)}"
        colour = "#8a3b00" if np.isnan(value) else ("w" if value == 1 else "k")
        label_ax.text(i, j, text, ha="center", va="center", fontsize=9, color=colour)
    label_ax.set_yticks(range(len(mt.TASK_NAMES)), mt.TASK_NAMES, fontsize=9)
    label_ax.set_xticks(range(0, _SHOWN, 4))
    label_ax.set_xlabel(f"training example i (the first {_SHOWN} of {result['Y_train'].shape[1]})")
    label_ax.set_title(
        # The mask is drawn at random, so the share actually hidden is near the slider's.
        f"labels $y_j^{{(i)}}$: {100 * (1 - result['labels_left']):.0f} % hidden as '?', "
        f"{100 * result['labels_left']:.0f} % left (slider: "
        f"{100 * values['missing_fraction']:.0f} %)",
        fontsize=10,
    )
    tasks = np.arange(len(mt.TASK_NAMES))
    joint, separate = 100 * result["joint"], 100 * result["separate"]
    error_ax.bar(
        tasks - 0.2, joint, width=0.4, color="C0", label=f"one network ({joint.mean():.1f} %)"
    )
    error_ax.bar(
        tasks + 0.2, separate, width=0.4, color="C1", label=f"4 networks ({separate.mean():.1f} %)"
    )
    error_ax.set_xticks(tasks, [name.replace(" ", "\n") for name in mt.TASK_NAMES], fontsize=8)
    error_ax.set_ylabel("dev error (%)")
    error_ax.set_ylim(0, 62)
    error_ax.axhline(50, color="k", ls=":", lw=1)
    error_ax.text(tasks[-1] + 0.45, 51, "guessing: 50 %", ha="right", va="bottom", fontsize=8)
    error_ax.legend(fontsize=8, loc="upper left", title="mean dev error", title_fontsize=8)
    h = values["hidden_units"]
    error_ax.set_title(f"hidden units h = {h} (one network: [10, {h}, 4])", fontsize=10)
    fig.tight_layout()


def missing_labels_dashboard(
    m: int = 200,
    missing_fraction: float = 0.5,
    hidden_units: int = 8,
    num_iterations: int = 500,
    learning_rate: float = 2.0,
    m_dev: int = 4000,
) -> Dashboard:
    """Sliders for the share of "?" labels (0-95 %) and the hidden units h of every network.

    Args:
        m: training examples (``multitask.driving_scenes``, seed 100); dev set: seed 1.
        missing_fraction, hidden_units: the sliders' starting values.
        num_iterations, learning_rate: the fixed training budget. m_dev: dev-set size.

    Returns:
        the Dashboard; ``dash.result`` is the last ``train_joint_and_separate`` result.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 8.
    """
    X, Y = mt.driving_scenes(m, seed=100)
    X_dev, Y_dev = mt.driving_scenes(m_dev, seed=1)
    return Dashboard(
        compute=lambda missing_fraction, hidden_units, progress: train_joint_and_separate(
            X,
            Y,
            X_dev,
            Y_dev,
            missing_fraction,
            hidden_units,
            num_iterations,
            learning_rate,
            progress=progress,
        ),
        draw=_draw,
        controls={
            "missing_fraction": float_slider(
                "share of labels '?'", missing_fraction, 0.0, 0.95, 0.05
            ),
            "hidden_units": int_slider("hidden units h", hidden_units, 1, 16),
        },
        live=False,
        figsize=(10.5, 3.6),
        title="Multi-task learning with missing labels: one shared network vs four separate ones",
    )
