"""Dashboards for the edges lesson: an edge-filter picker on real photos, and the output size.

Both are live: each change recomputes in a few milliseconds and redraws only the moving
artists (images, rectangles, texts) over a static frame.

Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, sections 3 and 4.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from course_lib.c4_convnets import edges
from course_lib.widgets import Dashboard, dropdown, int_slider

__all__ = [
    "show_matrix",
    "filter_response",
    "filter_picker_dashboard",
    "output_size_layout",
    "output_size_dashboard",
]


def show_matrix(ax, M, title: str = "", fmt: str = "{:g}", cmap: str = "RdBu_r", fontsize=9):
    """Draw a small matrix as coloured cells with its numbers (0 white, red +, blue -).

    Args:
        ax: a matplotlib Axes. M: (rows, columns) numbers, at most ~12 x 12 to stay
            readable. title: above the matrix. fmt: format of each number.

    Returns:
        the AxesImage.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, sections 2, 4 and 6.
    """
    M = np.asarray(M, dtype=float)
    top = float(np.max(np.abs(M))) or 1.0
    image = ax.imshow(M, cmap=cmap, vmin=-1.6 * top, vmax=1.6 * top)  # pale cells: text reads
    for (i, j), value in np.ndenumerate(M):
        ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=fontsize)
    ax.set_xticks(np.arange(M.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(M.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.6", lw=0.6)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    if title:
        ax.set_title(title, fontsize=10)
    return image


def filter_response(
    photo: str, kernel: str, absolute: bool = False, flip: bool = False, max_side: int = 160
) -> dict:
    """One photo through one named kernel (pure; what the filter picker shows).

    Args:
        photo: a name in edges.PHOTOS. kernel: a name in edges.KERNELS.
        absolute: show |output| (edges of both directions alike).
        flip: flip the kernel first (true convolution) instead of the deep-learning one.
        max_side: the photo is shrunk to this longest side.

    Returns:
        dict with "image" (n_H, n_W), "kernel" (3, 3) (as applied), "output"
        (n_H - 2, n_W - 2).

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 3.
    """
    if kernel not in edges.KERNELS:
        raise ValueError(f"kernel must be one of {', '.join(edges.KERNELS)}; got {kernel!r}.")
    image = edges.load_photo(photo, max_side)
    K = edges.flip_kernel(edges.KERNELS[kernel]) if flip else edges.KERNELS[kernel].copy()
    output = edges.conv2d(image, K)
    return {"image": image, "kernel": K, "output": np.abs(output) if absolute else output}


def filter_picker_dashboard(photo: str = "camera", kernel: str = "vertical", max_side: int = 160):
    """THE filter picker: a real photo, a hand-made kernel and the map it produces.

    Controls: "photo", "kernel" (drop-downs), "absolute" (|output|), "flip" (true
    convolution). Signed maps are drawn with a diverging colour map centred on 0 (red:
    positive, blue: negative), |output| in grey.

    Returns:
        a live Dashboard.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 3.
    """

    def compute(photo, kernel, absolute, flip):
        return filter_response(photo, kernel, absolute, flip, max_side)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            grid = fig.add_gridspec(1, 3, width_ratios=[1, 0.45, 1], wspace=0.12)
            ax_in, ax_k, ax_out = (fig.add_subplot(grid[0, i]) for i in range(3))
            blank = np.zeros((2, 2))
            # The photo only changes with the "photo" control: it is static (drawn once per
            # photo, its title in the static key), the rest is redrawn on every change.
            image = ax_in.imshow(blank, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
            output = ax_out.imshow(blank, cmap="RdBu_r", interpolation="nearest", animated=True)
            kimage = ax_k.imshow(np.zeros((3, 3)), cmap="RdBu_r", vmin=-1, vmax=1, animated=True)
            knums = [
                ax_k.text(j, i, "", ha="center", va="center", fontsize=10, animated=True)
                for i in range(3)
                for j in range(3)
            ]
            ax_k.set_xlim(-0.5, 2.5)
            ax_k.set_ylim(2.5, -0.5)
            for ax in (ax_in, ax_k, ax_out):
                ax.set_xticks([])
                ax.set_yticks([])
            photo_title = ax_in.text(0.0, 1.02, "", transform=ax_in.transAxes, fontsize=9.5)
            titles = [
                ax.text(0.0, 1.02, "", transform=ax.transAxes, fontsize=9.5, animated=True)
                for ax in (ax_k, ax_out)
            ]
            fig.subplots_adjust(left=0.02, right=0.98, top=0.88, bottom=0.03)
            state = fig._course_artists = {
                "axes": (ax_in, ax_out),
                "image": image,
                "output": output,
                "kimage": kimage,
                "knums": knums,
                "photo_title": photo_title,
                "titles": titles,
            }
        img, K, out = result["image"], result["kernel"], result["output"]
        n_H, n_W = img.shape
        photo_title = f"{values['photo']} ({n_H} x {n_W})"
        if state["photo_title"].get_text() != photo_title:
            state["photo_title"].set_text(photo_title)
            state["image"].set_data(img)
            state["image"].set_extent((-0.5, n_W - 0.5, n_H - 0.5, -0.5))
            for ax in state["axes"]:
                ax.set_xlim(-0.5, n_W - 0.5)
                ax.set_ylim(n_H - 0.5, -0.5)
        state["output"].set_data(out)
        # The output is (n - 2) x (n - 2): centred under the pixels it describes.
        state["output"].set_extent((0.5, n_W - 1.5, n_H - 1.5, 0.5))
        # Scale the colours to the 99.5th percentile of |output|: a few extreme pixels would
        # otherwise leave every ordinary edge pale.
        top = float(np.percentile(np.abs(out), 99.5)) or float(np.max(np.abs(out))) or 1.0
        if values["absolute"]:
            state["output"].set_cmap("gray")
            state["output"].set_clim(0, top)
        else:
            state["output"].set_cmap("RdBu_r")
            state["output"].set_clim(-top, top)
        kmax = float(np.max(np.abs(K))) or 1.0
        state["kimage"].set_data(K / kmax * 0.6)
        for text, value in zip(state["knums"], K.ravel()):
            text.set_text(f"{value:g}")
        how = "flipped " if values["flip"] else ""
        state["titles"][0].set_text(f"{how}{values['kernel']}")
        sign = "|output|" if values["absolute"] else "output (red +, blue -)"
        state["titles"][1].set_text(f"{sign}: {out.min():.2g} .. {out.max():.2g}")

    controls = {
        "photo": dropdown("photo", list(edges.PHOTOS), photo),
        "kernel": dropdown("kernel", list(edges.KERNELS), kernel),
        "absolute": widgets.Checkbox(value=False, description="|output| (abs)"),
        "flip": widgets.Checkbox(value=False, description="flip (true convolution)"),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(8.6, 3.5),
        title="Edge filters on a real photo: pick a photo and a kernel",
    )


# --- output size ---------------------------------------------------------------------------

_N_MAX, _F_MAX, _P_MAX, _S_MAX = 12, 7, 3, 4
_VIEW_MIN = 9  # cells of the smallest view: a 3 x 3 input is not drawn with giant cells
_WINDOW_COLOURS = ("#2f9e44", "#e8590c", "#1971c2", "#ae3ec9")


def output_size_layout(n: int, f: int, pad: int, stride: int) -> dict:
    """What the output-size dashboard draws (pure): the report and the windows it shows.

    Args:
        n, f, pad, stride: the input size n x n, the filter size, p and s.

    Returns:
        ``edges.output_size_report(...)`` plus "windows": a list of (row, column) output
        positions drawn (the first, the next ones along a row and a column, the last; at
        most 4, none when the window does not fit), and "padded" = n + 2p.

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    report = edges.output_size_report(n, f, pad, stride)
    windows = []
    if report["ok"]:
        last = report["n_out"] - 1
        for pos in [(0, 0), (0, 1), (1, 0), (last, last)]:
            if max(pos) <= last and pos not in windows:
                windows.append(pos)
    return dict(report, windows=windows, padded=n + 2 * pad)


def _grid_segments(size: int, x0: float) -> list:
    ticks = np.arange(size + 1)
    return [[(x0 + t, 0), (x0 + t, size)] for t in ticks] + [
        [(x0, t), (x0 + size, t)] for t in ticks
    ]


def output_size_dashboard(n: int = 6, f: int = 3, pad: int = 0, stride: int = 1) -> Dashboard:
    """THE output-size dashboard: n, f, p, s sliders, the sliding window and the formula.

    Left: the n x n input (blue) inside its zero padding (grey), with the f x f window at a
    few positions; right: the output grid, each drawn window's output cell in its colour.
    Settings where the window does not fit (f > n + 2p) show a message instead.

    Returns:
        a live Dashboard with controls "n", "f", "pad", "stride".

    Taught in: notebooks/c4_convnets/01_edges_and_convolution.py, section 4.
    """
    gap = 2.0

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax = fig.add_axes((0.01, 0.02, 0.98, 0.72))
            ax.set_aspect("equal")
            ax.axis("off")
            # Every artist is animated, so the limits may follow the sizes (the grids fill
            # the figure) and the static layer still never has to be redrawn.
            for axis in (ax.xaxis, ax.yaxis):
                axis.set_visible(False)
                axis.set_animated(True)
            cells = ax.imshow(np.ones((1, 1, 3)), interpolation="nearest", animated=True)
            out_cells = ax.imshow(np.ones((1, 1, 3)), interpolation="nearest", animated=True)
            lines = LineCollection([], colors="0.45", linewidths=0.6, animated=True)
            ax.add_collection(lines)
            rects = []
            for colour in _WINDOW_COLOURS:
                rect = Rectangle((0, 0), 1, 1, fill=False, ec=colour, lw=2.6, animated=True)
                ax.add_patch(rect)
                rects.append(rect)
            formula = fig.text(0.01, 0.95, "", fontsize=11, animated=True, family="monospace")
            message = fig.text(0.01, 0.87, "", fontsize=10.5, animated=True)
            labels = fig.text(0.01, 0.80, "", fontsize=9.5, color="0.3", animated=True)
            state = fig._course_artists = {
                "ax": ax,
                "cells": cells,
                "out_cells": out_cells,
                "lines": lines,
                "rects": rects,
                "formula": formula,
                "message": message,
                "labels": labels,
            }
        n, pad, f, s = values["n"], values["pad"], values["f"], values["stride"]
        N = result["padded"]
        n_out = result["n_out"] or 0
        x_out = N + gap  # the output grid starts right of the padded input
        view = max(N, _VIEW_MIN)  # small grids are not blown up to giant cells
        ax = state["ax"]
        ax.set_xlim(-0.3, max(x_out + n_out, 2 * view + gap) + 0.3)
        ax.set_ylim(view + 0.3, -0.3)
        rgb = np.full((N, N, 3), 0.82)  # padding: grey
        rgb[pad : pad + n, pad : pad + n] = (0.82, 0.9, 1.0)  # the image: light blue
        state["cells"].set_data(rgb)
        state["cells"].set_extent((0, N, N, 0))
        segments = _grid_segments(N, 0.0)
        out_rgb = np.ones((max(n_out, 1), max(n_out, 1), 3))
        for k, ((r, c), rect) in enumerate(zip(result["windows"], state["rects"])):
            rect.set_visible(True)
            rect.set_xy((c * s, r * s))
            rect.set_width(f)
            rect.set_height(f)
            out_rgb[r, c] = _rgb(_WINDOW_COLOURS[k])
        for rect in state["rects"][len(result["windows"]) :]:
            rect.set_visible(False)
        state["out_cells"].set_visible(n_out > 0)
        if n_out:
            state["out_cells"].set_data(out_rgb)
            state["out_cells"].set_extent((x_out, x_out + n_out, n_out, 0))
            segments += _grid_segments(n_out, x_out)
        state["lines"].set_segments(segments)
        state["formula"].set_text(result["formula"])
        state["message"].set_text(
            (f"output {n_out} x {n_out}: " if n_out else "no output: ") + result["message"]
        )
        same = (
            f"same padding for f = {f}: p = (f - 1)/2 = {result['same_pad']}"
            if result["same_pad"] is not None
            else f"f = {f} is even: no symmetric same padding"
        )
        input_text = f"left: input {n} x {n} (blue) " + (
            f"padded to {N} x {N} (grey zeros)" if pad else "without padding"
        )
        state["labels"].set_text(f"{input_text};  right: output.  {same}")

    controls = {
        "n": int_slider("n", n, 1, _N_MAX),
        "f": int_slider("f", f, 1, _F_MAX),
        "pad": int_slider("p", pad, 0, _P_MAX),
        "stride": int_slider("s", stride, 1, _S_MAX),
    }
    return Dashboard(
        output_size_layout,
        draw,
        controls,
        live=True,
        figsize=(9.0, 5.0),
        title="Output size of a convolution: n x n input, f x f filter, padding p, stride s",
    )


def _rgb(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)
