"""Train the same network with and without batch norm: learning rate and mini-batch size.

Each change retrains both networks for a fixed small budget (``live=False``, with a
progress bar) and shows their cost curves and how one hidden unit's input to the next
layer (z_tilde with BN, z without) moves over training.

Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 10.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.widgets import Dashboard, dropdown, log_slider

__all__ = ["train_pair", "batch_norm_dashboard"]


def train_pair(
    X,
    Y,
    layers_dims: Sequence[int],
    learning_rate: float,
    mini_batch_size: int,
    num_epochs: int = 15,
    seed: int = 1,
    probe_layer: int = 3,
    probe_unit: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train ``layers_dims`` with and without batch norm from the same weights.

    Args:
        X: (n_x, m). Y: (1, m). layers_dims: [n_x, ..., 1] with at least probe_layer hidden
        layers. learning_rate, mini_batch_size, num_epochs, seed: as in batch_norm.model.
        probe_layer, probe_unit: the hidden unit whose values are recorded on 200 examples.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"bn": result, "plain": result} with batch_norm.model's results (costs, probe,
        parameters, bn_params) plus "accuracy" (training accuracy at test time).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 10.
    """
    probe = (X[:, :200], probe_layer, probe_unit)
    results = {}
    for k, (name, use) in enumerate((("bn", True), ("plain", False))):
        report = None if progress is None else (lambda f, k=k: progress((k + f) / 2))
        r = bn.model(
            X,
            Y,
            layers_dims,
            batch_norm=use,
            learning_rate=learning_rate,
            mini_batch_size=mini_batch_size,
            num_epochs=num_epochs,
            seed=seed,
            probe=probe,
            progress=report,
        )
        with np.errstate(over="ignore", invalid="ignore"):
            r["accuracy"] = float(np.mean(bn.predict_bn(X, r["parameters"], r["bn_params"]) == Y))
        results[name] = r
    return results


def _draw(fig, result, values):
    fig.clear()  # a training dashboard: a full redraw is fine at this rate
    ax_cost, ax_unit = fig.subplots(1, 2)
    colours = {"bn": "C0", "plain": "C3"}
    labels = {"bn": "with batch norm", "plain": "without"}
    for name in ("bn", "plain"):
        r = result[name]
        costs = np.asarray(r["costs"], dtype=float)
        ax_cost.plot(
            np.arange(1, len(costs) + 1),
            costs,
            "o-",
            ms=3,
            color=colours[name],
            label=f"{labels[name]}: J = {costs[-1]:.3f}, train acc {100 * r['accuracy']:.0f} %",
        )
        probe = r["probe"]
        epochs = np.arange(probe.shape[0])
        mean, std = probe.mean(axis=1), probe.std(axis=1)
        ax_unit.plot(epochs, mean, color=colours[name], label=labels[name])
        ax_unit.fill_between(epochs, mean - std, mean + std, color=colours[name], alpha=0.2)
    ax_cost.set(xlabel="epoch", ylabel="cost J (epoch mean)", title="Training cost")
    ax_cost.legend(fontsize=8)
    ax_cost.grid(True, alpha=0.3)
    ax_unit.set(
        xlabel="epoch",
        ylabel="value fed to the ReLU",
        title="A unit of layer 3: mean ± std (200 examples)",
    )
    ax_unit.legend(fontsize=8)
    ax_unit.grid(True, alpha=0.3)
    fig.tight_layout()


def batch_norm_dashboard(
    X,
    Y,
    layers_dims: Sequence[int] = (2, 16, 16, 16, 1),
    learning_rate: float = 0.1,
    mini_batch_size: int = 64,
    num_epochs: int = 15,
    seed: int = 1,
) -> Dashboard:
    """Learning-rate slider and mini-batch-size menu; retrains with and without BN on release.

    Args:
        X: (n_x, m). Y: (1, m). layers_dims, learning_rate, mini_batch_size, num_epochs,
        seed: the starting settings and the fixed training budget.

    Returns:
        The Dashboard.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 10.
    """
    dims = list(layers_dims)

    def compute(learning_rate, mini_batch_size, progress=None):
        return train_pair(
            X, Y, dims, learning_rate, mini_batch_size, num_epochs, seed, progress=progress
        )

    return Dashboard(
        compute=compute,
        draw=_draw,
        controls={
            "learning_rate": log_slider("learning rate α", learning_rate, 1e-3, 3.0),
            "mini_batch_size": dropdown(
                "mini-batch size", [8, 16, 32, 64, 128, 256, 512], mini_batch_size
            ),
        },
        live=False,
        figsize=(10, 3.6),
        title=f"Batch norm on vs off: {dims}, {num_epochs} epochs of mini-batch gradient descent",
    )
