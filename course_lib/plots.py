"""Plotting helpers shared by the lessons: cost curves, decision boundaries, image grids.

Each helper draws into an Axes (or a Figure) it is given or creates, and returns what it
drew, so dashboards can reuse one figure and tests can inspect the artists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["plot_cost_curve", "plot_decision_boundary", "image_grid"]


def plot_cost_curve(
    ax: Axes | None, costs: Sequence[float], every: int = 100, label: str | None = None, **style
):
    """Cost against iteration, one point per ``every`` iterations.

    Args:
        ax: where to draw (a new figure's Axes when None).
        costs: recorded costs, e.g. the ``costs`` list of ``optimize``.
        every: iterations between two recorded costs.
        label: legend label.

    Returns:
        The Line2D drawn.
    """
    ax = ax if ax is not None else plt.figure(figsize=(5, 3.5)).add_subplot()
    iterations = np.arange(len(costs)) * every
    (line,) = ax.plot(iterations, costs, marker="o", markersize=3, label=label, **style)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.grid(True, alpha=0.3)
    return line


def plot_decision_boundary(
    ax: Axes | None,
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    resolution: int = 200,
    margin: float = 0.5,
):
    """Shade the regions a 2-D classifier assigns to each class and scatter the data.

    Args:
        ax: where to draw (a new figure's Axes when None).
        predict: maps points of shape (2, k) to labels of shape (1, k).
        X: (2, m) inputs. Y: (1, m) labels.
        resolution: grid points per axis.
        margin: padding around the data.

    Returns:
        (contour set, scatter) artists.
    """
    ax = ax if ax is not None else plt.figure(figsize=(5, 4)).add_subplot()
    x0 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x1 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    g0, g1 = np.meshgrid(x0, x1)
    labels = np.asarray(predict(np.vstack([g0.ravel(), g1.ravel()]))).reshape(g0.shape)
    regions = ax.contourf(g0, g1, labels, alpha=0.25, cmap="coolwarm")
    points = ax.scatter(X[0], X[1], c=np.ravel(Y), cmap="coolwarm", s=12, edgecolors="k", lw=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return regions, points


def image_grid(
    images: np.ndarray, titles: Sequence[str] = (), ncols: int = 8, size: float = 1.4
) -> Figure:
    """Show images side by side with optional titles.

    Args:
        images: (k, height, width) grey or (k, height, width, 3) colour images.
        titles: one short title per image (optional).
        ncols: images per row.
        size: inches per image.

    Returns:
        The Figure.
    """
    images = np.asarray(images)
    k = len(images)
    if k == 0:
        raise ValueError("image_grid needs at least one image.")
    ncols = min(ncols, k)
    nrows = -(-k // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(size * ncols, size * nrows + 0.3 * bool(titles))
    )
    for i, ax in enumerate(np.ravel(axes)):
        ax.axis("off")
        if i < k:
            ax.imshow(images[i], cmap="gray" if images[i].ndim == 2 else None)
            if i < len(titles):
                ax.set_title(titles[i], fontsize=8)
    fig.tight_layout()
    return fig
