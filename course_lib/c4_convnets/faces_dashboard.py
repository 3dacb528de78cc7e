"""The threshold dashboard of the face-verification lesson: slide tau, watch the ROC point.

The pair distances are computed once; each move of the slider only counts them again
(``faces.confusion_at``), so the dashboard is live.

Taught in: notebooks/c4_convnets/14_face_verification.py, section 5.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import faces
from course_lib.widgets import Dashboard, float_slider

__all__ = ["COLOURS", "threshold_view", "tau_dashboard"]

COLOURS = {"same": "#2f9e44", "different": "#e03131", "tau": "#1c7ed6"}
TAU_STEP = 0.02


def threshold_view(distances, same, tau: float, roc: dict | None = None) -> dict:
    """Everything the dashboard shows at one tau (pure).

    Args:
        distances: (p,) d of each pair. same: (p,) 1 for a same-person pair. tau: threshold.
        roc: a precomputed ``faces.roc_curve(distances, same)`` (computed when None).

    Returns:
        ``faces.confusion_at(...)``'s dict plus "tau" and "roc".
    """
    roc = faces.roc_curve(distances, same) if roc is None else roc
    out = faces.confusion_at(distances, same, tau)
    out.update(tau=float(tau), roc=roc)
    return out


def tau_dashboard(distances, same, tau: float | None = None, d_max: float = 4.0) -> Dashboard:
    """The tau slider (C4.93): the rule "d <= tau -> same person" on held-out pairs.

    Live. Left: histograms of d for same-person and different-person pairs with tau as a
    vertical line. Right: the ROC curve (true-accept rate against false-accept rate over all
    tau) with the current tau's point, and the confusion counts in the title.

    Args:
        distances: (p,) squared distances of the pairs. same: (p,) 1 for same-person pairs.
        tau: the starting threshold (rounded onto the slider's 0.02 grid; default: the pairs'
            best). d_max: the slider's top (4 for unit-norm encodings: ||f1 - f2||^2 <= 4).

    Returns:
        a Dashboard with the control "tau".
    """
    distances, same = faces._dist_same(distances, same)
    roc = faces.roc_curve(distances, same)
    if tau is None:
        tau = faces.best_threshold(distances, same)
    tau = round(min(max(float(tau), 0.0), d_max) / TAU_STEP) * TAU_STEP
    bins = np.linspace(0, d_max, 41)

    def compute(tau):
        return threshold_view(distances, same, tau, roc)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax_hist, ax_roc = fig.subplots(1, 2)
            for kind, mask in (("same", same), ("different", ~same)):
                ax_hist.hist(distances[mask], bins, alpha=0.55, color=COLOURS[kind],
                             label=f"{kind} person ({int(mask.sum())} pairs)")  # fmt: skip
            line = ax_hist.axvline(tau, color=COLOURS["tau"], lw=2, animated=True)
            ax_hist.set_xlim(0, d_max)
            ax_hist.set_xlabel("d = ||f(x1) − f(x2)||²")
            ax_hist.set_ylabel("pairs")
            ax_hist.legend(fontsize=8, loc="upper right")
            ax_hist.set_title("d ≤ τ → same, d > τ → different", fontsize=10)
            ax_roc.plot(roc["far"], roc["tar"], color="k", lw=1.5,
                        label=f"ROC (area {roc['auc']:.3f})")  # fmt: skip
            ax_roc.plot([0, 1], [0, 1], ":", color="grey", lw=1, label="chance")
            (point,) = ax_roc.plot([], [], "o", ms=9, color=COLOURS["tau"], animated=True)
            ax_roc.set_xlim(-0.02, 1.02)
            ax_roc.set_ylim(-0.02, 1.02)
            ax_roc.set_xlabel("false-accept rate (different pairs accepted)")
            ax_roc.set_ylabel("true-accept rate (same pairs accepted)")
            ax_roc.legend(fontsize=8, loc="lower right")
            caption = ax_roc.set_title("", fontsize=9)
            caption.set_animated(True)
            fig.tight_layout()
            state = fig._course_artists = {"line": line, "point": point, "caption": caption}
        state["line"].set_xdata([values["tau"], values["tau"]])
        state["point"].set_data([result["far"]], [result["tar"]])
        state["caption"].set_text(
            f"τ = {values['tau']:.2f}: TP {result['TP']}, FN {result['FN']}, "
            f"FP {result['FP']}, TN {result['TN']}, accuracy {result['accuracy']:.1%}"
        )

    controls = {"tau": float_slider("threshold τ", tau, 0.0, d_max, TAU_STEP)}
    return Dashboard(compute, draw, controls, live=True, figsize=(9.6, 3.6),
                     title="Face verification: choose the threshold τ")  # fmt: skip
