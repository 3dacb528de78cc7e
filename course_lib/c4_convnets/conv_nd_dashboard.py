"""Dashboard for the 1-D convolution lesson: filter size f and stride s on an ECG.

Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 3.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import conv_nd as cn
from course_lib.widgets import Dashboard, int_slider

__all__ = ["smooth_signal", "smoothing_dashboard"]

MAX_F = 61
MAX_STRIDE = 10


def smooth_signal(signal, f: int, stride: int, fs: int = cn.FS) -> dict:
    """A moving average of f samples with stride s, as one ``conv1d_forward`` (pure).

    Args:
        signal: ECG samples, shape (n,).
        f: filter size (taps), 1 <= f <= n.
        stride: step s between windows, >= 1.
        fs: sampling rate, used for the time axis.

    Returns:
        dict with "Z" (n_W,) the filtered signal, "t" (n_W,) the time of each window's
        centre, "n_W" = floor((n - f) / s) + 1, "W" (f,) the filter's taps.

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 3.
    """
    x = np.asarray(signal, dtype=np.float64).reshape(1, -1, 1)
    W = np.ones((f, 1, 1)) / f
    Z, _ = cn.conv1d_forward(x, W, np.zeros((1, 1, 1)), {"stride": stride, "pad": 0})
    n_W = Z.shape[1]
    t = (np.arange(n_W) * stride + (f - 1) / 2) / fs
    return {"Z": Z.ravel(), "t": t, "n_W": n_W, "W": W.ravel()}


def smoothing_dashboard(ecg: dict | None = None, f: int = 9, stride: int = 1) -> Dashboard:
    """Live: slide f and s and watch a moving-average Conv1D smooth (and shorten) an ECG.

    Top: the noisy signal (grey) and the filter's output at the centre of every window
    (blue); the title gives n_W = floor((n_W_prev - f) / s) + 1. Right: the f taps of W.

    Args:
        ecg: a ``make_ecg`` dict (default: 4 s at 72 beats per minute, seed 0).
        f, stride: starting values of the sliders.

    Returns:
        a Dashboard with controls "f" (1 to 61) and "stride" (1 to 10).

    Taught in: notebooks/c4_convnets/16_conv1d_and_conv3d.py, section 3.
    """
    ecg = ecg if ecg is not None else cn.make_ecg(duration=4.0, noise=0.08, seed=0)
    signal, fs = ecg["signal"], ecg["fs"]
    n = signal.shape[0]

    def compute(f, stride):
        return smooth_signal(signal, f, stride, fs)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            grid = fig.add_gridspec(1, 2, width_ratios=(4, 1))
            ax_sig, ax_w = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
            ax_sig.plot(ecg["t"], signal, color="#adb5bd", lw=0.8, label="input A_prev")
            (line,) = ax_sig.plot([], [], color="#1971c2", lw=1.4, label="output Z", animated=True)
            (dots,) = ax_sig.plot([], [], ".", color="#1971c2", ms=3, animated=True)
            ax_sig.set_xlim(0, ecg["t"][-1])
            ax_sig.set_ylim(signal.min() - 0.15, signal.max() + 0.15)
            ax_sig.set_xlabel("time (s)")
            ax_sig.set_ylabel("ECG (mV)")
            ax_sig.legend(loc="upper right", fontsize=8)
            caption = ax_sig.set_title("", fontsize=10)
            caption.set_animated(True)
            (taps,) = ax_w.plot([], [], "o-", color="#e8590c", ms=3, lw=1, animated=True)
            ax_w.set_xlim(-1, MAX_F)
            ax_w.set_ylim(0, 1.05)
            ax_w.set_xlabel("tap k")
            ax_w.set_title("filter W[k] = 1/f", fontsize=10)
            fig.tight_layout()
            state = fig._course_artists = {"line": line, "dots": dots, "taps": taps}
            state["caption"] = caption
        state["line"].set_data(result["t"], result["Z"])
        show_dots = values["stride"] >= 4
        state["dots"].set_data(result["t"] if show_dots else [], result["Z"] if show_dots else [])
        state["taps"].set_data(np.arange(values["f"]), result["W"])
        state["caption"].set_text(
            f"f = {values['f']}, s = {values['stride']}: n_W = floor(({n} - {values['f']}) / "
            f"{values['stride']}) + 1 = {result['n_W']} outputs"
        )

    controls = {
        "f": int_slider("filter size f", f, 1, MAX_F, 1),
        "stride": int_slider("stride s", stride, 1, MAX_STRIDE, 1),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(9.6, 3.4),
        title="A moving-average Conv1D: bigger f smooths more, bigger s gives fewer outputs",
    )
