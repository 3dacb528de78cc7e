"""Convolution / pooling explorer: f, stride, pad, mode and one window on a small real image.

The input is one 8x8 handwritten digit (scikit-learn's digits, values 0-16), drawn on a
fixed canvas that leaves room for the largest padding, so the digit never moves while the
padding grows around it. The output map is drawn on a fixed canvas too; only the images,
the window and the captions move (the dashboard's fast path).

Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from course_lib.c4_convnets import convolution as cv
from course_lib.widgets import Dashboard, dropdown, int_slider

__all__ = ["MODES", "edge_kernel", "digit_image", "window_view", "convolution_explorer"]

MODES = {
    "max pooling": "max",
    "average pooling": "average",
    "conv: vertical edge": "conv",
}
MAX_F, MAX_STRIDE, MAX_PAD = 5, 3, 2


def edge_kernel(f: int) -> np.ndarray:
    """An f x f vertical-edge filter: columns from +1 (left) to -1 (right), 0 in the middle.

    f = 3 gives the course's [[1, 0, -1], [1, 0, -1], [1, 0, -1]]; f = 1 gives [[1]].

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    f = int(f)
    if f < 1:
        raise ValueError(f"f must be at least 1; got {f}.")
    column = np.ones(1) if f == 1 else np.linspace(1.0, -1.0, f)
    return np.tile(column, (f, 1))


def digit_image(index: int = 0) -> np.ndarray:
    """One 8x8 handwritten digit of scikit-learn's digits (values 0-16), as floats (8, 8).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    from sklearn.datasets import load_digits

    return load_digits().images[int(index)].astype(np.float64)


def window_view(image, f: int, stride: int, pad: int, mode: str, window: int = 0) -> dict:
    """Everything the explorer draws for one setting (pure).

    Args:
        image: (n, n) one channel.
        f, stride, pad: the window size, its step and the zero padding p.
        mode: "max", "average" or "conv" (the ``edge_kernel(f)`` filter, no bias).
        window: index of the output position to highlight, row by row; larger values
            are clipped to the last position.

    Returns:
        {"padded": (n+2p, n+2p), "output": (n_H, n_W), "n_H", "n_W", "h", "w",
         "vert_start", "horiz_start", "slice": the window (f, f), "value": output[h, w],
         "kernel": (f, f) or None}.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    if mode not in ("max", "average", "conv"):
        raise ValueError(f'mode must be "max", "average" or "conv"; got {mode!r}.')
    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2 or image.shape[0] != image.shape[1]:
        raise ValueError(f"image must be one square channel (n, n); got shape {image.shape}.")
    volume = image[None, :, :, None]  # (m, n_H, n_W, n_C) = (1, n, n, 1)
    padded = cv.zero_pad(volume, pad)
    kernel = None
    if mode == "conv":
        kernel = edge_kernel(f)
        out, _ = cv.conv_forward_vectorized(
            volume, kernel[:, :, None, None], np.zeros((1, 1, 1, 1)), {"stride": stride, "pad": pad}
        )
    else:
        out, _ = cv.pool_forward_vectorized(padded, {"f": f, "stride": stride}, mode=mode)
    output = out[0, :, :, 0]
    n_H, n_W = output.shape
    k = min(max(int(window), 0), n_H * n_W - 1)
    h, w = divmod(k, n_W)
    vert_start, horiz_start = h * stride, w * stride
    piece = padded[0, vert_start : vert_start + f, horiz_start : horiz_start + f, 0]
    return {
        "padded": padded[0, :, :, 0],
        "output": output,
        "n_H": n_H,
        "n_W": n_W,
        "h": h,
        "w": w,
        "vert_start": vert_start,
        "horiz_start": horiz_start,
        "slice": piece,
        "value": float(output[h, w]),
        "kernel": kernel,
    }


def _caption(result: dict, values: dict, n: int) -> tuple[str, str, str]:
    f, s, p, mode = values["f"], values["stride"], values["pad"], MODES[values["mode"]]
    left = f"input {n} x {n}, padded by p = {p} to {n + 2 * p} x {n + 2 * p}"
    right = f"output {result['n_H']} x {result['n_W']}: floor(({n} + 2*{p} - {f}) / {s}) + 1"
    right += f" = {result['n_H']}"
    piece = result["slice"]
    where = f"window (h, w) = ({result['h']}, {result['w']}) starts at ({result['vert_start']}, "
    where += f"{result['horiz_start']}) = (h*s, w*s)"
    if mode == "max":
        how = f"max of the {f} x {f} window = {result['value']:.0f}"
    elif mode == "average":
        how = f"mean of the {f} x {f} window = {piece.sum():.0f} / {f * f} = {result['value']:.2f}"
    else:
        how = f"sum(window * K) = {result['value']:.1f} (K: +1 left column ... -1 right)"
    return left, right, f"{where};  {how}"


def convolution_explorer(index: int = 0) -> Dashboard:
    """A live explorer: sliders f, stride, pad and window, and a mode drop-down.

    Args:
        index: which scikit-learn digit to show (8x8).

    Returns:
        A live Dashboard with controls "f", "stride", "pad", "mode" and "window"; its
        result is ``window_view``'s dict.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 5.
    """
    image = digit_image(index)
    n = image.shape[0]
    canvas = n + 2 * MAX_PAD  # the largest padded input, and the largest output (f = s = 1)

    def compute(f, stride, pad, mode, window):
        return window_view(image, f, stride, pad, MODES[mode], window)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax_in, ax_out = fig.subplots(1, 2)
            for ax in (ax_in, ax_out):
                ax.set_xlim(-0.5, canvas - 0.5)
                ax.set_ylim(canvas - 0.5, -0.5)
                ax.set_xticks([])  # positions are given in the captions, in the layer's own
                ax.set_yticks([])  # coordinates (the canvas's would shift with the padding)
                ax.set_facecolor("0.9")  # unused canvas, unlike a pixel of value 0 (white)
                ax.set_aspect("equal")
            # QuadMeshes, not imshow: a 12 x 12 mesh draws in a fraction of a millisecond,
            # an image is resampled to every screen pixel on each frame.
            edges = np.arange(canvas + 1) - 0.5
            digit = np.full((canvas, canvas), np.nan)
            digit[MAX_PAD : MAX_PAD + n, MAX_PAD : MAX_PAD + n] = image
            ax_in.pcolormesh(edges, edges, np.ma.masked_invalid(digit), cmap="gray_r", vmin=0,
                             vmax=16, ec="0.85", lw=0.3)  # fmt: skip
            # The digit's own values, fixed on the canvas (they never move).
            for r in range(n):
                for c in range(n):
                    v = image[r, c]
                    ax_in.text(c + MAX_PAD, r + MAX_PAD, f"{v:.0f}", ha="center", va="center",
                               fontsize=7, color="white" if v > 8 else "0.25")  # fmt: skip
            blank = np.ma.masked_all((canvas, canvas))
            ring = ax_in.pcolormesh(edges, edges, blank, cmap="Blues", vmin=0, vmax=4,
                                    ec="white", lw=0.5, animated=True)  # fmt: skip
            out = ax_out.pcolormesh(edges, edges, blank, cmap="gray_r", animated=True)
            box = Rectangle((0, 0), 1, 1, fill=False, ec="#e8590c", lw=2.2, animated=True)
            cell = Rectangle((0, 0), 1, 1, fill=False, ec="#e8590c", lw=2.2, animated=True)
            ax_in.add_patch(box)
            ax_out.add_patch(cell)
            kw = {"fontsize": 9, "animated": True}
            left = ax_in.text(0.0, 1.03, "", transform=ax_in.transAxes, **kw)
            right = ax_out.text(0.0, 1.03, "", transform=ax_out.transAxes, **kw)
            bottom = fig.text(0.02, 0.025, "", **kw)
            fig.subplots_adjust(left=0.04, right=0.98, top=0.9, bottom=0.12, wspace=0.12)
            state = fig._course_artists = {
                "ring": ring, "output": out, "box": box, "cell": cell,
                "left": left, "right": right, "bottom": bottom,
            }  # fmt: skip
        p, f = values["pad"], values["f"]
        offset = MAX_PAD - p  # where the padded input starts on the canvas
        size = n + 2 * p
        ring = np.ones((canvas, canvas))  # the padding's zeros, as light blue cells
        inside = np.zeros((canvas, canvas), dtype=bool)
        inside[offset : offset + size, offset : offset + size] = True
        inside[MAX_PAD : MAX_PAD + n, MAX_PAD : MAX_PAD + n] = False
        state["ring"].set_array(np.ma.masked_array(ring, mask=~inside))
        output = result["output"]
        shown = np.ma.masked_all((canvas, canvas))
        shown[: result["n_H"], : result["n_W"]] = output
        state["output"].set_array(shown)
        if MODES[values["mode"]] == "conv":
            top = max(float(np.abs(output).max()), 1e-9)
            state["output"].set_cmap("RdBu_r")
            state["output"].set_clim(-top, top)
        else:
            state["output"].set_cmap("gray_r")
            state["output"].set_clim(0, 16)
        state["box"].set_bounds(
            offset + result["horiz_start"] - 0.5, offset + result["vert_start"] - 0.5, f, f
        )
        state["cell"].set_bounds(result["w"] - 0.5, result["h"] - 0.5, 1, 1)
        left, right, bottom = _caption(result, values, n)
        state["left"].set_text(left)
        state["right"].set_text(right)
        state["bottom"].set_text(bottom)

    controls = {
        "f": int_slider("f", 2, 1, MAX_F),
        "stride": int_slider("stride s", 2, 1, MAX_STRIDE),
        "pad": int_slider("pad p", 0, 0, MAX_PAD),
        "mode": dropdown("mode", list(MODES), "max pooling"),
        "window": int_slider("window (h, w)", 0, 0, canvas * canvas - 1),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(8.2, 4.3),
        title="Sliding a window: the input channel (left) and the output map (right)",
    )
