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

__all__ = [
    "plot_cost_curve",
    "plot_decision_boundary",
    "image_grid",
    "CostAndAccuracyPanels",
    "FLOW_BOX_STYLES",
    "flowchart_axes",
    "flow_box",
    "flow_arrow",
]


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
        ncols: images per row (fewer if the row would be wider than 10.5 in).
        size: inches per image.

    Returns:
        The Figure.
    """
    images = np.asarray(images)
    k = len(images)
    if k == 0:
        raise ValueError("image_grid needs at least one image.")
    # No wider than a notebook's output area (course_lib.widgets.MAX_FIGURE_WIDTH_IN): more
    # rows rather than a wide figure shrunk to fit.
    ncols = max(1, min(ncols, k, int(10.5 // size)))
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


def log_cost_axis(ax: Axes) -> None:
    """Put ``ax``'s y-axis on a log scale labelled with plain numbers (0.3, 1, 4).

    For cost curves with a spike or a divergence: on a linear axis one early jump to 10+
    flattens everything else; 10^0-style labels would hide the values a learner reads.
    A curve that spans less than a decade (a crawling cost, 0.693 -> 0.692) holds no power
    of ten, so it gets evenly spaced ticks instead and the axis never goes without numbers.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

    def decades() -> float:
        low, high = ax.get_ylim()
        return np.log10(high / low) if low > 0 else np.inf

    class Major(LogLocator):
        def tick_values(self, vmin, vmax):
            if vmin > 0 and vmax / vmin < 10:
                return MaxNLocator(4).tick_values(vmin, vmax)
            return super().tick_values(vmin, vmax)

    class Minor(LogLocator):
        def tick_values(self, vmin, vmax):
            if vmin > 0 and vmax / vmin < 10:
                return NullLocator().tick_values(vmin, vmax)
            return super().tick_values(vmin, vmax)

    def minor(value, _):
        # Minor ticks (2, 3, 5 x 10^k) are labelled only while the axis spans few decades.
        leading_digit = round(value / 10 ** np.floor(np.log10(value))) if value > 0 else 0
        return f"{value:g}" if decades() < 1.5 and leading_digit in (2, 3, 5) else ""

    ax.set_yscale("log")
    ax.yaxis.set_major_locator(Major())
    ax.yaxis.set_minor_locator(Minor(subs=(2.0, 3.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.3g}"))
    ax.yaxis.set_minor_formatter(FuncFormatter(minor))
    ax.tick_params(axis="y", which="minor", labelsize=8)


class CostAndAccuracyPanels:
    """A cost curve (the previous run dashed in grey) beside one accuracy bar per data set.

    The panels that training dashboards share: each ``update`` moves the current curve to
    "previous", draws the new one and sets the bars and their percentage labels.

    Args:
        cost_ax: Axes for the cost curves. acc_ax: Axes for the accuracy bars.
        names: one bar per data set, e.g. ("train", "test") or ("train", "dev").
        every: iterations between two recorded costs.
    """

    def __init__(self, cost_ax: Axes, acc_ax: Axes, names=("train", "test"), every: int = 100):
        self.every = every
        self.previous = plot_cost_curve(cost_ax, [], every, color="0.7", ls="--", label="previous")
        self.current = plot_cost_curve(cost_ax, [], every, color="C0", label="current")
        cost_ax.legend(loc="upper right")
        colors = [f"C{i}" for i in range(len(names))]
        self.bars = acc_ax.bar(list(names), [0] * len(names), color=colors)
        acc_ax.set_ylim(0, 1.12)
        acc_ax.set_ylabel("accuracy")
        self.labels = [acc_ax.text(i, 0, "", ha="center", va="bottom") for i in range(len(names))]
        self.cost_ax = cost_ax

    def update(self, costs: Sequence[float], accuracies: Sequence[float]) -> None:
        """Draw a new run: its recorded ``costs`` and one accuracy in [0, 1] per bar."""
        if len(accuracies) != len(self.bars):
            raise ValueError(f"expected {len(self.bars)} accuracies; got {len(accuracies)}.")
        self.previous.set_data(self.current.get_data())
        self.current.set_data(np.arange(len(costs)) * self.every, costs)
        self.cost_ax.relim()
        self.cost_ax.autoscale_view()
        for bar, label, height in zip(self.bars, self.labels, accuracies, strict=True):
            bar.set_height(height)
            label.set_position((label.get_position()[0], height + 0.01))
            label.set_text(f"{100 * height:.0f} %")


# --- flowcharts (the basic recipe, orthogonalisation, the two assumptions) -------------------

#: The box of each kind of flowchart node: a question, an action, the end, a side note, and a
#: warning (the knob that breaks a rule).
FLOW_BOX_STYLES = {
    "question": {"boxstyle": "round,pad=0.5", "fc": "#fff4d6", "ec": "#b58900"},
    "action": {"boxstyle": "round,pad=0.5", "fc": "#e3efff", "ec": "#2a6fdb"},
    "done": {"boxstyle": "round,pad=0.5", "fc": "#dff5e1", "ec": "#1a7f37"},
    "note": {"boxstyle": "round,pad=0.4", "fc": "#f3f3f3", "ec": "0.6"},
    "warning": {"boxstyle": "round,pad=0.45", "fc": "#fde7e7", "ec": "#b42318"},
}


def flowchart_axes(
    ax: Axes | None, xlim: tuple[float, float], ylim: tuple[float, float], figsize=(9, 4.2)
) -> Axes:
    """An axes without frame or ticks, in data coordinates ``xlim`` x ``ylim``, for a diagram.

    Args:
        ax: draw here, or in a new figure of ``figsize`` when None.
        xlim, ylim: the coordinate ranges the boxes and arrows are placed in.
    """
    ax = ax if ax is not None else plt.figure(figsize=figsize).add_subplot()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.axis("off")
    return ax


def flow_box(ax: Axes, x: float, y: float, text: str, kind: str = "action", fontsize=9, **kw):
    """A rounded box of ``text`` centred at (x, y); ``kind`` is a key of FLOW_BOX_STYLES."""
    if kind not in FLOW_BOX_STYLES:
        raise ValueError(f"unknown box kind {kind!r}; choose one of {sorted(FLOW_BOX_STYLES)}.")
    return ax.text(
        x, y, text, ha="center", va="center", fontsize=fontsize, bbox=FLOW_BOX_STYLES[kind], **kw
    )


def flow_arrow(
    ax: Axes,
    start: tuple[float, float],
    end: tuple[float, float],
    label: str = "",
    where: tuple[float, float] | None = None,
    *,
    rad: float = 0.0,
    color="0.3",
    linestyle: str = "-",
    fontsize=9,
):
    """An arrow from ``start`` to ``end`` (curved by ``rad``), with ``label`` at ``where``."""
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "ls": linestyle,
            "connectionstyle": f"arc3,rad={rad}",
        },
    )
    if label:
        if where is None:
            where = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        ax.text(*where, label, fontsize=fontsize, color="0.2", ha="center")
