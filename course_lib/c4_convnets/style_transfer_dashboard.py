"""Dashboard for the style-transfer lesson: the weight ratio alpha/beta and the style layers.

Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 8.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets.style_transfer import STYLE_PROFILES, style_layer_weights
from course_lib.widgets import Dashboard, dropdown, log_slider

__all__ = ["BETA", "nst_run", "nst_dashboard"]

BETA = 40.0  # beta stays at the course's 40; the ratio slider sets alpha = ratio * beta


def nst_run(content, style, vgg, ratio, profile, num_steps, learning_rate=0.02, progress=None):
    """One short optimisation of G with alpha = ratio * 40, beta = 40 and a layer profile.

    Args:
        content, style: (n_H, n_W, 3) RGB in [0, 1], the same size. vgg: ``build_vgg16()``.
        ratio: alpha / beta. profile: a key of ``STYLE_PROFILES``. num_steps: Adam steps.
        learning_rate: Adam's. progress: called with the fraction done.

    Returns:
        ``style_transfer_tf.run_style_transfer``'s dict plus "alpha", "beta", "layers".

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 8.
    """
    from course_lib.c4_convnets import style_transfer_tf as tt

    layers = style_layer_weights(profile)
    alpha = float(ratio) * BETA
    out = tt.run_style_transfer(content, style, num_steps, alpha=alpha, beta=BETA,
                                STYLE_LAYERS=layers, learning_rate=learning_rate, vgg=vgg,
                                progress=progress)  # fmt: skip
    out.update(alpha=alpha, beta=BETA, layers=layers)
    return out


def nst_dashboard(content, style, vgg, num_steps: int = 40, ratio: float = 0.25,
                  profile: str = "uniform") -> Dashboard:  # fmt: skip
    """Pick alpha/beta and the style-layer weights; re-run a short optimisation (on release).

    Shows the generated image G and the two weighted costs alpha J_content and beta J_style
    over the iterations (log scale).

    Args:
        content, style: (n_H, n_W, 3) RGB in [0, 1]. vgg: a ``build_vgg16()`` model.
        num_steps: Adam steps per run. ratio, profile: the controls' starting values
            (ratio on the slider's grid: a power of 10 times 0.25).

    Returns:
        a Dashboard with controls "ratio" and "profile" (live=False: it optimises).

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 8.
    """

    def compute(ratio, profile, progress=None):
        return nst_run(content, style, vgg, ratio, profile, num_steps, progress=progress)

    def draw(fig, result, values):
        fig.clear()
        ax_img, ax_cost = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
        ax_img.imshow(np.clip(result["generated"], 0, 1))
        ax_img.set_title(f"G after {num_steps} steps, {values['profile']} style layers",
                         fontsize=9)  # fmt: skip
        ax_img.axis("off")
        steps = np.arange(len(result["J"]))
        ax_cost.plot(steps, result["alpha"] * result["J_content"], color="#1971c2",
                     label="α J_content")  # fmt: skip
        ax_cost.plot(steps, result["beta"] * result["J_style"], color="#e8590c",
                     label="β J_style")  # fmt: skip
        ax_cost.set_yscale("log")
        ax_cost.set_xlabel("Adam step")
        ax_cost.set_ylabel("weighted cost")
        ax_cost.set_title(f"α/β = {values['ratio']:.3g} (α = {result['alpha']:.3g}, β = 40)",
                          fontsize=9)  # fmt: skip
        ax_cost.legend(fontsize=8, loc="upper right")
        fig.tight_layout()

    controls = {
        "ratio": log_slider("α/β", ratio, 2.5e-3, 2.5e5, step=1.0),
        "profile": dropdown("style layers", list(STYLE_PROFILES), profile),
    }
    return Dashboard(compute, draw, controls, live=False, figsize=(8.0, 3.4),
                     title="Content vs style: choose α/β and the style-layer weights, release "
                     "to re-run")  # fmt: skip
