"""Dashboard for the ConvNet lesson: one test image through the trained network, layer by layer.

Controls: the test image and the volume to show (A1 after conv 1 + ReLU, P1 after the
first pool, A2, P2). The figure shows the image, the network's six class probabilities
and every channel of the chosen volume.

Taught in: notebooks/c4_convnets/04_convnet_application.py, section 6.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from course_lib.c2_improving_dnns.softmax import softmax
from course_lib.c4_convnets import convnet as cn
from course_lib.c4_convnets.convolution import pool_forward_vectorized
from course_lib.validation import require_shape
from course_lib.widgets import Dashboard, dropdown, int_slider

__all__ = ["VOLUMES", "layer_volumes", "make_feature_maps_dashboard"]

VOLUMES = {
    "A1": "A1: conv 1 (8 filters 4x4) + ReLU",
    "P1": "P1: max-pool 8x8",
    "A2": "A2: conv 2 (16 filters 2x2) + ReLU",
    "P2": "P2: max-pool 4x4",
}


def layer_volumes(X, parameters: Mapping, index: int, volume: str) -> dict:
    """One image's activations in the ConvNet, and its class probabilities.

    Args:
        X: (m, n_H, n_W, n_C) images in [0, 1]. parameters: the ConvNet's.
        index: which image (0 .. m - 1). volume: one of ``VOLUMES`` ("A1", "P1", "A2", "P2").

    Returns:
        {"image": (n_H, n_W, n_C), "maps": (n_H^[l], n_W^[l], n_C^[l]) of the volume,
        "probabilities": (C,), "prediction": int}.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 6.
    """
    X = require_shape("X", X, (None, None, None, None), "(m, n_H, n_W, n_C)")
    if isinstance(index, bool) or int(index) != index or not 0 <= index < X.shape[0]:
        raise ValueError(f"index must be an image number 0 .. {X.shape[0] - 1}; got {index!r}.")
    if volume not in VOLUMES:
        raise ValueError(f"volume must be one of {sorted(VOLUMES)}; got {volume!r}.")
    p = parameters
    image = X[int(index) : int(index) + 1]
    Z3 = cn.forward_propagation(image, p)  # validates the parameters
    A1 = np.maximum(cn.conv_same_forward(image, p["W1"], p["b1"])[0], 0)
    P1 = pool_forward_vectorized(A1, {"f": 8, "stride": 8})[0]
    A2 = np.maximum(cn.conv_same_forward(P1, p["W2"], p["b2"])[0], 0)
    P2 = pool_forward_vectorized(A2, {"f": 4, "stride": 4})[0]
    maps = {"A1": A1, "P1": P1, "A2": A2, "P2": P2}[volume][0]
    probabilities = softmax(Z3)[:, 0]
    return {
        "image": X[int(index)],
        "maps": maps,
        "probabilities": probabilities,
        "prediction": int(np.argmax(probabilities)),
    }


def make_feature_maps_dashboard(X, labels, parameters: Mapping, index: int = 0):
    """Sliders over the test images and the network's volumes; redraws on release.

    Args:
        X: (m, n_H, n_W, n_C) test images in [0, 1]. labels: (1, m) true classes.
        parameters: a trained ConvNet's parameters. index: the image shown first.

    Returns:
        A ``Dashboard`` (show it as the last expression of a cell).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 6.
    """
    X = require_shape("X", X, (None, None, None, None), "(m, n_H, n_W, n_C)")
    labels = require_shape("labels", labels, (1, X.shape[0]), "(1, m)")

    def compute(index, volume):
        return layer_volumes(X, parameters, index, volume)

    def draw(fig, result, values):
        fig.clear()
        maps = result["maps"]
        n_C = maps.shape[2]
        outer = fig.add_gridspec(2, 2, width_ratios=[1, 2.8], wspace=0.25, hspace=0.45)
        ax_img = fig.add_subplot(outer[0, 0])
        ax_img.imshow(
            result["image"].squeeze() if result["image"].shape[2] == 1 else result["image"]
        )
        true = int(labels[0, values["index"]])
        ax_img.set_title(f"image {values['index']}: class {true}", fontsize=9)
        ax_img.axis("off")
        ax_bar = fig.add_subplot(outer[1, 0])
        probs = result["probabilities"]
        colours = ["C2" if k == true else "C0" for k in range(len(probs))]
        ax_bar.bar(np.arange(len(probs)), probs, color=colours)
        ax_bar.set_ylim(0, 1)
        ax_bar.set_xticks(np.arange(len(probs)))
        ax_bar.set_xlabel("class (green: the true one)", fontsize=8)
        ax_bar.set_ylabel("probability", fontsize=8)
        ax_bar.tick_params(labelsize=8)
        said = "right" if result["prediction"] == true else "wrong"
        ax_bar.set_title(f"says {result['prediction']} ({said})", fontsize=9)
        low, high = float(maps.min()), float(maps.max())
        ncols = -(-n_C // 2)  # two rows: 8 maps as 2x4, 16 as 2x8
        panels = outer[:, 1].subgridspec(2, ncols, wspace=0.08, hspace=0.25)
        for k in range(n_C):
            ax = fig.add_subplot(panels[k // ncols, k % ncols])
            ax.imshow(maps[:, :, k], cmap="gray", vmin=low, vmax=max(high, low + 1e-12))
            ax.set_title(f"channel {k + 1}" if n_C <= 8 else f"{k + 1}", fontsize=7, pad=2)
            ax.set_xticks([])
            ax.set_yticks([])
        shape = "x".join(str(s) for s in maps.shape)
        fig.suptitle(f"{VOLUMES[values['volume']]}: {shape}, one grey scale for all", fontsize=10)

    return Dashboard(
        compute,
        draw,
        {
            "index": int_slider("test image", int(index), 0, X.shape[0] - 1),
            "volume": dropdown("volume", list(VOLUMES), "A1"),
        },
        live=False,
        figsize=(9.6, 4.0),
        title="One test image through the trained ConvNet",
    )
