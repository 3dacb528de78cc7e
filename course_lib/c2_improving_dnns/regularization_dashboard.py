"""The regularisation dashboard: a lambda slider (log) and one keep_prob slider per hidden
layer retrain a network on a small noisy data set and redraw its decision boundary and the
train/dev accuracy.

Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.c2_improving_dnns import regularization as reg
from course_lib.widgets import Dashboard, float_slider, log_slider

__all__ = ["train_and_score", "regularization_dashboard", "LAMBDA_OFF"]

LAMBDA_OFF = 1e-3  # the slider's left end; lambd this small changes nothing visible


def _grid(X_train, X_dev, resolution: int = 120):
    X = np.hstack([X_train, X_dev])
    x0 = np.linspace(X[0].min() - 0.4, X[0].max() + 0.4, resolution)
    x1 = np.linspace(X[1].min() - 0.4, X[1].max() + 0.4, resolution)
    return np.meshgrid(x0, x1)


def train_and_score(
    X_train,
    Y_train,
    X_dev,
    Y_dev,
    layers_dims: Sequence[int],
    lambd: float,
    keep_probs,
    num_iterations: int,
    learning_rate: float = 0.3,
    seed: int = 0,
    progress=None,
) -> dict:
    """Train with ``regularization.train_regularized`` and score it on both sets.

    Args:
        X_train: (2, m_train). Y_train: (1, m_train). X_dev: (2, m_dev). Y_dev: (1, m_dev).
        layers_dims: [2, ..., 1]. lambd: L2 strength. keep_probs: one per hidden layer.
        num_iterations, learning_rate, seed: as in ``train_regularized``.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "costs", "train_accuracy", "dev_accuracy", "weight_norm" (sum of
        ||W[l]||_F^2), "grid": (G0, G1, P) with P the predicted labels on the grid}.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
    """
    parameters, costs = reg.train_regularized(
        X_train,
        Y_train,
        layers_dims,
        learning_rate=learning_rate,
        num_iterations=num_iterations,
        lambd=lambd,
        keep_probs=keep_probs,
        seed=seed,
        progress=progress,
    )
    G0, G1 = _grid(X_train, X_dev)
    P = reg.predict(np.vstack([G0.ravel(), G1.ravel()]), parameters).reshape(G0.shape)
    return {
        "parameters": parameters,
        "costs": costs,
        "train_accuracy": reg.accuracy(X_train, Y_train, parameters),
        "dev_accuracy": reg.accuracy(X_dev, Y_dev, parameters),
        "weight_norm": sum(float(np.sum(v**2)) for k, v in parameters.items() if k[0] == "W"),
        "grid": (G0, G1, P),
    }


def _draw(fig, result, values, state, X_train, Y_train, X_dev, Y_dev):
    if not fig.axes:
        ax, bar_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.6, 1]})
        state["ax"], state["bar_ax"] = ax, bar_ax
        ax.scatter(X_dev[0], X_dev[1], c=Y_dev.ravel(), cmap="coolwarm", s=6, alpha=0.35,
                   label="dev")  # fmt: skip
        ax.scatter(X_train[0], X_train[1], c=Y_train.ravel(), cmap="coolwarm", s=22,
                   edgecolors="k", lw=0.6, label="train")  # fmt: skip
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.legend(loc="lower left", fontsize=8)
        state["bars"] = bar_ax.bar(["train", "dev"], [0, 0], color=["C0", "C1"])
        state["labels"] = [bar_ax.text(i, 0, "", ha="center", va="bottom") for i in range(2)]
        bar_ax.set_ylim(0, 1.12)
        bar_ax.set_ylabel("accuracy")
        fig.tight_layout(rect=(0, 0, 1, 0.9))
    ax = state["ax"]
    if state.get("regions") is not None:
        state["regions"].remove()
    G0, G1, P = result["grid"]
    state["regions"] = ax.contourf(G0, G1, P, levels=[-0.5, 0.5, 1.5], cmap="coolwarm",
                                   alpha=0.25, zorder=0)  # fmt: skip
    for bar, label, height in zip(
        state["bars"], state["labels"], (result["train_accuracy"], result["dev_accuracy"])
    ):
        bar.set_height(height)
        label.set_position((label.get_position()[0], height + 0.01))
        label.set_text(f"{100 * height:.0f} %")
    gap = result["train_accuracy"] - result["dev_accuracy"]
    state["bar_ax"].set_title(f"train - dev gap: {100 * gap:.1f} points", fontsize=10)
    keeps = ", ".join(f"{k:.2f}" for k in state["keep_probs"](values))
    fig.suptitle(
        f"$\\lambda$ = {values['lambd']:.2g}, keep_prob per hidden layer = ({keeps}), "
        f"$\\sum_l\\|W^{{[l]}}\\|_F^2$ = {result['weight_norm']:.0f}",
        fontsize=10,
    )


def regularization_dashboard(
    X_train,
    Y_train,
    X_dev,
    Y_dev,
    layers_dims: Sequence[int] = (2, 50, 20, 1),
    num_iterations: int = 2000,
    learning_rate: float = 0.3,
    lambd: float = LAMBDA_OFF,
    keep_probs: Sequence[float] | None = None,
    seed: int = 0,
) -> Dashboard:
    """Sliders for lambda (log scale) and keep_prob of each hidden layer; every release
    retrains from the same initialisation (``seed``) and redraws boundary and accuracies.

    Args:
        X_train, Y_train, X_dev, Y_dev: 2-D data in the course layout.
        layers_dims: [2, n[1], ..., 1]. num_iterations, learning_rate: the training budget.
        lambd: the lambda slider's start. keep_probs: the keep_prob sliders' starts (1.0).
        seed: initialisation and dropout seed.

    Returns:
        The Dashboard (controls "lambd", "keep_prob1", ..., "keep_prob{L-1}");
        ``dash.result`` is the last ``train_and_score`` result.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 4.
    """
    hidden = len(layers_dims) - 2
    keep_probs = list(keep_probs) if keep_probs is not None else [1.0] * hidden
    if len(keep_probs) != hidden:
        raise ValueError(f"keep_probs needs {hidden} values (one per hidden layer).")
    names = [f"keep_prob{l}" for l in range(1, hidden + 1)]
    controls = {"lambd": log_slider("λ (L2)", lambd, LAMBDA_OFF, 30.0)}
    for l, (name, keep) in enumerate(zip(names, keep_probs), start=1):
        controls[name] = float_slider(f"keep_prob layer {l}", keep, 0.3, 1.0, 0.05)
    state: dict = {"keep_probs": lambda values: [values[n] for n in names]}

    def compute(lambd, progress=None, **keeps):
        return train_and_score(
            X_train, Y_train, X_dev, Y_dev, layers_dims, lambd,
            [keeps[n] for n in names], num_iterations, learning_rate, seed, progress,
        )  # fmt: skip

    return Dashboard(
        compute=compute,
        draw=lambda fig, result, values: _draw(
            fig, result, values, state, X_train, Y_train, X_dev, Y_dev
        ),
        controls=controls,
        live=False,
        figsize=(9.0, 3.8),
        title=f"Regularising a {list(layers_dims)} network, {num_iterations} iterations of GD",
    )
