"""Dashboards for the ResNet lesson: weight decay makes a block the identity; depth and skips.

Taught in: notebooks/c4_convnets/06_resnets.py, sections 2 and 3.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import resnets as rn
from course_lib.widgets import Dashboard, int_slider, log_slider

__all__ = [
    "COLOURS",
    "decay_curves",
    "weight_decay_dashboard",
    "depth_runs",
    "depth_dashboard",
]

COLOURS = {"residual": "#1971c2", "plain": "#e8590c"}
_LAMBDAS = np.logspace(-3, 1, 41)


def decay_curves(lambd: float, num_steps: int, learning_rate: float = 0.1) -> dict:
    """The weight-decay analysis at one lambda, plus both gaps over a grid of lambdas (pure).

    Args:
        lambd: decay strength. num_steps: decay updates. learning_rate: alpha.

    Returns:
        ``resnets.weight_decay_identity(...)``'s dict plus "lambdas" (41,) in [1e-3, 10],
        "residual_gaps", "plain_gaps" (41,).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 3.
    """
    result = rn.weight_decay_identity(lambd, learning_rate, num_steps)
    grid = [rn.weight_decay_identity(x, learning_rate, num_steps) for x in _LAMBDAS]
    result["lambdas"] = _LAMBDAS
    result["residual_gaps"] = np.array([g["residual_gap"] for g in grid])
    result["plain_gaps"] = np.array([g["plain_gap"] for g in grid])
    return result


def weight_decay_dashboard(num_steps: int = 100, lambd: float = 0.01) -> Dashboard:
    """THE identity dashboard (C4.36): slide the weight-decay strength, watch the block.

    Live. Left: the gap ||a^[l+2] - a^[l]|| / ||a^[l]|| against lambda for the block with and
    without its shortcut. Right: every entry of a^[l+2] against the same entry of a^[l]; with
    strong decay the residual block's points sit on the diagonal (the identity), the plain
    block's at 0.

    Args:
        num_steps, lambd: starting values of the two sliders (learning rate 0.1).

    Returns:
        a Dashboard with controls "lambd" and "num_steps".

    Taught in: notebooks/c4_convnets/06_resnets.py, section 3.
    """

    def compute(lambd, num_steps):
        return decay_curves(lambd, num_steps)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            ax_gap, ax_out = fig.subplots(1, 2)
            lines, marks, dots = {}, {}, {}
            for kind, label in (("residual", "with shortcut"), ("plain", "plain (no shortcut)")):
                (lines[kind],) = ax_gap.plot(
                    [], [], color=COLOURS[kind], lw=1.8, label=label, animated=True
                )
                (marks[kind],) = ax_gap.plot([], [], "o", color=COLOURS[kind], animated=True)
                (dots[kind],) = ax_out.plot(
                    [], [], ".", ms=4, alpha=0.6, color=COLOURS[kind], label=label, animated=True
                )
            ax_gap.set_xscale("log")
            ax_gap.set_xlim(_LAMBDAS[0], _LAMBDAS[-1])
            ax_gap.set_ylim(-0.05, 1.5)
            ax_gap.set_xlabel("weight decay λ (α = 0.1)")
            ax_gap.set_ylabel("‖a[l+2] − a[l]‖ / ‖a[l]‖")
            ax_gap.set_title("distance from the identity", fontsize=10)
            ax_gap.legend(loc="upper right", fontsize=8)
            top = 3.5
            ax_out.plot([0, top], [0, top], "k--", lw=0.8, label="identity a[l+2] = a[l]")
            ax_out.set_xlim(-0.1, top)
            ax_out.set_ylim(-0.1, 2 * top)
            ax_out.set_xlabel("a[l] (an input entry, ≥ 0)")
            ax_out.set_ylabel("a[l+2] (the same entry out)")
            ax_out.legend(loc="upper left", fontsize=8)
            caption = ax_out.set_title("", fontsize=10)
            caption.set_animated(True)
            fig.tight_layout()
            state = fig._course_artists = {"lines": lines, "marks": marks, "dots": dots}
            state["caption"] = caption
        a_prev = result["a_prev"].ravel()
        for kind in ("residual", "plain"):
            state["lines"][kind].set_data(result["lambdas"], result[f"{kind}_gaps"])
            state["marks"][kind].set_data([values["lambd"]], [result[f"{kind}_gap"]])
            state["dots"][kind].set_data(a_prev, result[kind].ravel())
        state["caption"].set_text(
            f"λ={values['lambd']:.3g}, {values['num_steps']} steps: W, b × {result['shrink']:.2g}"
        )

    controls = {
        "lambd": log_slider("weight decay λ", lambd, 1e-3, 10.0, step=0.1),
        "num_steps": int_slider("decay steps", num_steps, 10, 500, 10),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(9.0, 3.8),
        title="Weight decay shrinks W, b: the residual block becomes the identity",
    )


def depth_runs(X, Y, L: int, num_iterations: int, seed: int = 0, progress=None) -> dict:
    """Train the plain and the residual network of depth L from the same weights (pure).

    Args:
        X: (n_x, m). Y: (1, m). L: weight layers. num_iterations: the budget. seed: weights.
        progress: called with the fraction done.

    Returns:
        {"plain", "residual": ``resnets.train_deep_net`` results without the parameters}.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """
    out = {}
    for i, kind in enumerate(rn.KINDS):
        run = rn.train_deep_net(X, Y, L, kind == "residual", num_iterations, seed=seed)
        run.pop("parameters")
        out[kind] = run
        if progress is not None:
            progress((i + 1) / len(rn.KINDS))
    return out


def depth_dashboard(X, Y, L: int = 20, num_iterations: int = 150) -> Dashboard:
    """Pick a depth and a budget; train the plain and the residual network (on release).

    Shows both training-cost curves (log scale) from the same starting weights.

    Args:
        X: (n_x, m). Y: (1, m). L, num_iterations: the sliders' starting values.

    Returns:
        a Dashboard with controls "L" and "num_iterations" (live=False: it trains).

    Taught in: notebooks/c4_convnets/06_resnets.py, section 2.
    """

    def compute(L, num_iterations, progress=None):
        return depth_runs(X, Y, L, num_iterations, progress=progress)

    def draw(fig, runs, values):
        fig.clear()
        ax = fig.add_subplot()
        for kind, label in (("plain", "plain"), ("residual", "residual (skips)")):
            run = runs[kind]
            ax.plot(
                np.maximum(run["costs"], 1e-4),
                color=COLOURS[kind],
                lw=1.8,
                label=f"{label}: J = {run['cost']:.3f}, error = {run['error']:.1%}",
            )
        ax.set_yscale("log")
        ax.set_xlabel("iteration")
        ax.set_ylabel("training cost J")
        blocks = (values["L"] - 2) // 2
        ax.set_title(
            f"L = {values['L']} layers ({blocks} residual blocks), same start, same budget",
            fontsize=10,
        )
        ax.legend(loc="lower left", fontsize=8)
        fig.tight_layout()

    controls = {
        "L": int_slider("depth L", L, 2, 40, 2),
        "num_iterations": int_slider("iterations", num_iterations, 50, 400, 50),
    }
    return Dashboard(
        compute,
        draw,
        controls,
        live=False,
        figsize=(7.2, 3.6),
        title="Plain vs residual at one depth: move a slider, release to train",
    )
