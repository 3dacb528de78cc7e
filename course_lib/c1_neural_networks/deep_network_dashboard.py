"""Depth and width of a deep network: sliders that retrain it and redraw what it learned.

Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 6.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.plots import CostAndAccuracyPanels
from course_lib.widgets import Dashboard, int_slider

__all__ = [
    "train_deep_network",
    "depth_width_grid",
    "plot_depth_width_grid",
    "depth_width_dashboard",
]


def train_deep_network(
    X_train,
    Y_train,
    X_test,
    Y_test,
    hidden_layers: int,
    units: int,
    learning_rate: float = 0.0075,
    num_iterations: int = 1000,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train ``L_layer_model`` with ``hidden_layers`` hidden layers of ``units`` units each.

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train). X_test: (n_x, m_test).
        Y_test: (1, m_test).
        hidden_layers: L - 1, the number of hidden ReLU layers (>= 1).
        units: n^[l] for every hidden layer.
        learning_rate, num_iterations: as in ``L_layer_model`` (seed 1, "xavier" scaling).
        progress: optional callable receiving the finished fraction.

    Returns:
        {"layers_dims", "parameters", "costs" (the cost at iterations 0, 100, 200, ...,
        each taken before that iteration's step: with 300 iterations the last one is 100
        steps old), "final_cost" (the training cost after the last step),
        "train_accuracy", "test_accuracy", "wrong_test": indices of the misclassified test
        examples, "n_parameters"}.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 6.
    """
    if int(hidden_layers) != hidden_layers or hidden_layers < 1:
        raise ValueError(f"hidden_layers must be a positive integer; got {hidden_layers!r}.")
    layers_dims = [np.shape(X_train)[0], *[int(units)] * int(hidden_layers), 1]
    parameters, costs = dn.L_layer_model(
        X_train, Y_train, layers_dims, learning_rate, num_iterations, progress=progress
    )
    AL, _ = dn.L_model_forward(X_train, parameters)
    p_train = dn.predict(X_train, Y_train, parameters)
    p_test = dn.predict(X_test, Y_test, parameters)
    return {
        "layers_dims": layers_dims,
        "parameters": parameters,
        "costs": costs,
        "final_cost": dn.compute_cost(AL, Y_train),
        "train_accuracy": dn.accuracy(p_train, Y_train),
        "test_accuracy": dn.accuracy(p_test, Y_test),
        "wrong_test": np.flatnonzero(p_test[0] != np.asarray(Y_test)[0]),
        "n_parameters": dn.count_parameters(layers_dims),
    }


def depth_width_grid(
    X_train,
    Y_train,
    X_test,
    Y_test,
    depths=(1, 2, 3, 5),
    widths=(1, 2, 4, 8, 32),
    learning_rate: float = 0.0075,
    num_iterations: int = 1000,
) -> dict:
    """Train one network per (depth, width) pair, as the dashboard does, and tabulate them.

    Args:
        X_train, Y_train, X_test, Y_test: as in ``train_deep_network``.
        depths: numbers of hidden layers (the grid's rows). widths: units per hidden layer
            (its columns).
        learning_rate, num_iterations: the same for every network.

    Returns:
        {"depths", "widths", and (len(depths), len(widths)) arrays "final_cost" (the
        training cost after the last step), "train_accuracy", "test_accuracy"}.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 6.
    """
    shape = (len(depths), len(widths))
    grid = {key: np.empty(shape) for key in ("final_cost", "train_accuracy", "test_accuracy")}
    for i, depth in enumerate(depths):
        for j, width in enumerate(widths):
            run = train_deep_network(
                X_train, Y_train, X_test, Y_test, depth, width, learning_rate, num_iterations
            )
            grid["final_cost"][i, j] = run["final_cost"]
            grid["train_accuracy"][i, j] = run["train_accuracy"]
            grid["test_accuracy"][i, j] = run["test_accuracy"]
    return {"depths": list(depths), "widths": list(widths), **grid}


def plot_depth_width_grid(grid: dict, figsize=(9.6, 3.0)):
    """Final training cost (after the last step), train and test accuracy of a
    ``depth_width_grid``, as heatmaps.

    Returns:
        The matplotlib Figure: one panel per quantity, rows = hidden layers, columns = units,
        every cell labelled with its value.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 6.
    """
    import matplotlib.pyplot as plt

    panels = [
        ("final_cost", "final training cost", "{:.2f}", "viridis", (0, np.log(2))),
        ("train_accuracy", "train accuracy (%)", "{:.0f}", "viridis_r", (50, 100)),
        ("test_accuracy", "test accuracy (%)", "{:.0f}", "viridis_r", (50, 100)),
    ]
    fig, axes = plt.subplots(1, 3, figsize=figsize, sharey=True)
    for ax, (key, title, fmt, cmap, (low, high)) in zip(axes, panels):
        values = grid[key] * (100 if key != "final_cost" else 1)
        ax.imshow(values, cmap=cmap, vmin=low, vmax=high, aspect="auto")
        for (i, j), value in np.ndenumerate(values):
            dark = (value - low) / (high - low) < 0.5
            if cmap.endswith("_r"):
                dark = not dark
            ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=8.5,
                    color="white" if dark else "black")  # fmt: skip
        ax.set_xticks(range(len(grid["widths"])), grid["widths"])
        ax.set(xlabel="units per hidden layer", title=title)
    axes[0].set_yticks(range(len(grid["depths"])), grid["depths"])
    axes[0].set_ylabel("hidden layers")
    fig.tight_layout()
    return fig


def _draw(fig, result, values, state, test_images):
    if not fig.axes:
        widths = [2.2, 1, 1.6] if test_images is not None else [2.2, 1]
        axes = fig.subplots(1, len(widths), gridspec_kw={"width_ratios": widths})
        state["panels"] = CostAndAccuracyPanels(axes[0], axes[1], ("train", "test"))
        if test_images is not None:
            blank = _mosaic(test_images, [])
            state["mosaic"] = axes[2].imshow(blank, cmap="gray", vmin=0, vmax=1)
            axes[2].set_xticks([])
            axes[2].set_yticks([])
        fig.tight_layout(rect=(0, 0, 1, 0.9))
    state["panels"].update(result["costs"], (result["train_accuracy"], result["test_accuracy"]))
    if test_images is not None:
        wrong = result["wrong_test"][:8]
        state["mosaic"].set_data(_mosaic(test_images, wrong))
        mosaic_ax = fig.axes[2]
        mosaic_ax.set_title(f"misclassified test images ({len(result['wrong_test'])})", fontsize=9)
    dims = " -> ".join(str(n) for n in result["layers_dims"])
    fig.suptitle(
        f"{values['hidden_layers']} hidden layer(s) x {values['units']} units "
        f"[{dims}], {result['n_parameters']:,} parameters: final cost "
        f"{result['final_cost']:.3f}, test accuracy {100 * result['test_accuracy']:.0f} %",
        fontsize=10,
    )


def _mosaic(images: np.ndarray, indices) -> np.ndarray:
    """Up to 8 grey images side by side in 2 rows of 4 (blank tiles where none is left)."""
    h, w = images.shape[1:3]
    tiles = np.ones((2 * h + 1, 4 * w + 3))  # white background and 1-pixel gaps
    for k, i in enumerate(indices):
        row, col = divmod(k, 4)
        image = images[i] if images[i].ndim == 2 else images[i].mean(axis=-1)
        tiles[row * (h + 1) : row * (h + 1) + h, col * (w + 1) : col * (w + 1) + w] = image
    return tiles


def depth_width_dashboard(
    X_train,
    Y_train,
    X_test,
    Y_test,
    *,
    hidden_layers: int = 2,
    units: int = 8,
    learning_rate: float = 0.0075,
    num_iterations: int = 1000,
    test_images=None,
) -> Dashboard:
    """Sliders for the number of hidden layers and of units per hidden layer; on release the
    network is retrained and the cost curve (previous run dashed), the train/test accuracy
    and, with ``test_images``, the misclassified test images are redrawn.

    Args:
        X_train, Y_train, X_test, Y_test: as in ``train_deep_network``.
        hidden_layers, units: the sliders' starting values (1-5 layers, 1-32 units).
        learning_rate, num_iterations: fixed for every run.
        test_images: optional (m_test, h, w) grey images in [0, 1] for the mistakes panel.

    Returns:
        The Dashboard; ``dash.result`` holds the last ``train_deep_network`` result.

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 6.
    """
    state: dict = {}
    images = None if test_images is None else np.asarray(test_images, dtype=np.float64)
    if images is not None and images.max() > 1:
        images = images / 255.0

    def compute(hidden_layers, units, progress):
        return train_deep_network(
            X_train, Y_train, X_test, Y_test, hidden_layers, units,
            learning_rate, num_iterations, progress,
        )  # fmt: skip

    return Dashboard(
        compute=compute,
        draw=lambda fig, result, values: _draw(fig, result, values, state, images),
        controls={
            "hidden_layers": int_slider("hidden layers (depth)", hidden_layers, 1, 5),
            "units": int_slider("units per hidden layer (width)", units, 1, 32),
        },
        live=False,
        figsize=(10.5, 3.4) if images is not None else (9.0, 3.4),
        title=f"Depth and width: {num_iterations} iterations of batch gradient descent, "
        f"learning rate {learning_rate}",
    )
