"""Data-size dashboard: a new head on frozen pretrained features vs on raw pixels.

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c4_convnets import transfer_learning as tl
from course_lib.widgets import Dashboard, selection_slider

__all__ = ["COLOURS", "data_size_dashboard"]

COLOURS = ("#1971c2", "#e8590c", "#2f9e44", "#862e9c", "#495057", "#c2255c")


def data_size_dashboard(
    representations: Mapping[str, tuple],
    y_train,
    y_test,
    sizes: Sequence[int] = (1, 2, 3, 5, 10, 25, 50, 75),
    repeats: int = 10,
    l2_values: Sequence[float] = (0.1, 1.0, 10.0, 100.0),
    seed: int = 0,
    measured: Mapping[str, Mapping[int, float]] | None = None,
) -> Dashboard:
    """Slider over the labelled examples per class (and the head's lambda): test accuracy.

    The frozen activations are computed (and cached) before; here only heads are trained.
    The learning curve for each lambda is computed once, the first time it is chosen.

    Args:
        representations: name -> (F_train (m, n), F_test (m_test, n)) features of the
            whole training pool and the test set (e.g. "VGG16 block3", "raw pixels").
        y_train: (m,) labels 0/1. y_test: (m_test,). sizes: values of k on the slider.
        repeats: random draws of the k labelled examples per class, per point.
        l2_values: the lambda choices. seed: seed of the draws.
        measured: optional results of the slow regimes, name -> {k: test accuracy}
            (e.g. "fine-tuned", "from scratch"), drawn as points on the curve panel and
            listed for the selected k when it was measured.

    Returns:
        a Dashboard with controls "examples_per_class" and "l2" (live=False: heads train).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    sizes = [int(k) for k in sizes]
    measured = {name: dict(points) for name, points in (measured or {}).items()}
    curves: dict[float, dict] = {}
    names = list(representations)

    def compute(examples_per_class, l2, progress=None):
        if l2 not in curves:
            curves[l2] = tl.data_size_curve(
                representations, y_train, y_test, sizes, repeats, seed, l2
            )
        if progress is not None:
            progress(1.0)
        curve = curves[l2]
        i = sizes.index(examples_per_class)
        return {
            "curve": curve,
            "k": examples_per_class,
            "at_k": {name: curve[f"{name}_all"][i] for name in names},
        }

    def draw(fig, result, values):
        fig.clear()
        left, right = fig.subplots(1, 2, width_ratios=(1.6, 1))
        curve, k = result["curve"], result["k"]
        lowest = min(float(np.min(curve[f"{name}_all"])) for name in names)
        bottom = min(0.45, lowest - 0.05)
        for colour, name in zip(COLOURS, names):
            left.plot(curve["sizes"], curve[name], "-o", ms=4, color=colour, label=name)
        extra = zip("sD^v", COLOURS[len(names) :], measured.items())
        for marker, colour, (name, points) in extra:
            ks = sorted(points)
            left.plot(
                ks,
                [points[q] for q in ks],
                marker,
                ms=7,
                mfc="none",
                mew=1.5,
                color=colour,
                ls="none",
                label=f"{name} (measured once)",
            )
        left.axvline(k, color="0.5", lw=1, ls="--")
        left.set_xscale("log")
        left.set_xticks(sizes, [str(s) for s in sizes])
        left.set_xlabel("labelled examples per class (log scale)")
        left.set_ylabel("test accuracy (mean of draws)")
        left.set_ylim(bottom, 1.02)
        left.grid(alpha=0.3)
        left.legend(loc="lower right", fontsize=9)
        left.set_title(f"new logistic head, λ = {values['l2']:g}", fontsize=10)
        for j, (colour, name) in enumerate(zip(COLOURS, names)):
            scores = result["at_k"][name]
            jitter = np.linspace(-0.15, 0.15, len(scores))
            right.plot(j + jitter, scores, "o", ms=5, color=colour, alpha=0.7)
            right.plot([j - 0.3, j + 0.3], [scores.mean()] * 2, color="k", lw=2)
            right.text(j, bottom + 0.02, f"{scores.mean():.2f}", ha="center", fontsize=9)
        right.set_xticks(range(len(names)), names, fontsize=9)
        right.set_xlim(-0.6, len(names) - 0.4)
        right.set_ylim(bottom, 1.02)
        right.grid(alpha=0.3, axis="y")
        here = [f"{name} {points[k]:.2f}" for name, points in measured.items() if k in points]
        note = ("\nmeasured once: " + ", ".join(here)) if here else ""
        right.set_title(f"k = {k} per class: each dot one draw{note}", fontsize=9)
        fig.tight_layout()

    start_k = 3 if 3 in sizes else sizes[0]
    start_l2 = 1.0 if 1.0 in l2_values else l2_values[0]
    controls = {
        "examples_per_class": selection_slider("examples per class", sizes, start_k),
        "l2": selection_slider("head λ", list(l2_values), start_l2),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=False,
        figsize=(9.0, 3.6),
        title="Transfer learning by data size: frozen features + a new head",
    )
