"""Dashboard: which human-level reference, and what it does to the bias/variance diagnosis.

A drop-down picks the human-level reference from a ladder (the lecture's typical human,
typical doctor, experienced doctor, team of experienced doctors), two sliders set the
training and dev errors, and one stacked bar splits the dev error into
human level + avoidable bias + variance, with the calculator's verdict above it.
Everything is closed form, so it is live (recomputed while a slider moves).

Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 5.
"""

from __future__ import annotations

from collections.abc import Mapping

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.widgets import Dashboard, dropdown, float_slider

__all__ = ["reference_diagnosis", "reference_dashboard", "ZOOM_LEVELS"]

ZOOM_LEVELS = (0.01, 0.02, 0.05, 0.10, 0.20, 0.30)  # x-axis ranges, as fractions


def reference_diagnosis(
    ladder: Mapping[str, float], reference: str, train_error: float, dev_error: float
) -> dict:
    """The calculator's result for one human-level reference of a ladder.

    Args:
        ladder: name -> human error (fractions). reference: one of its names.
        train_error, dev_error: the model's errors, fractions in [0, 1].

    Returns:
        ``human_level.avoidable_bias_and_variance``'s dict plus "reference",
        "human_error", "recipe" (``improvement_recipe``) and "bayes_bound" (the lowest
        human error of the ladder: Bayes <= it).

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 5.
    """
    if reference not in ladder:
        raise ValueError(f"reference must be one of {list(ladder)}; got {reference!r}.")
    human = float(ladder[reference])
    result = hl.avoidable_bias_and_variance(human, train_error, dev_error)
    result.update(
        reference=reference,
        human_error=human,
        recipe=hl.improvement_recipe(human, train_error, dev_error),
        bayes_bound=hl.bayes_proxy(ladder)[1],
    )
    return result


def _zoom(*values: float) -> float:
    top = 1.15 * max(values)
    return next((z for z in ZOOM_LEVELS if z >= top), ZOOM_LEVELS[-1])


def _draw(fig, result, values, ladder, state):
    train, dev, human = values["train_error"], values["dev_error"], result["human_error"]
    zoom = _zoom(train, dev, human)
    if not fig.axes:
        ax = fig.add_subplot()
        fig.subplots_adjust(left=0.03, right=0.97, top=0.76, bottom=0.3)
        ax.set_ylim(-0.6, 1.5)
        ax.set_yticks([])
        ax.set_xlabel("error (%)")
        for spine in ("left", "right", "top"):
            ax.spines[spine].set_visible(False)
        state["ax"] = ax
        kw = {"height": 0.55, "animated": True}
        state["human"] = ax.barh(0, 0, color="0.75", **kw)[0]
        state["bias"] = ax.barh(0, 0, color="C0", **kw)[0]
        state["variance"] = ax.barh(0, 0, color="C1", **kw)[0]
        state["human_line"] = ax.plot([], [], color="C3", lw=2.5, animated=True)[0]
        lines = [(1.30, 10.5, "bold", "k"), (1.17, 9.5, "normal", "k"), (1.05, 9, "normal", "0.3")]
        state["header"] = [
            ax.text(
                0.0,
                y,
                "",
                transform=ax.transAxes,
                fontsize=size,
                fontweight=weight,
                color=colour,
                animated=True,
            )
            for y, size, weight, colour in lines
        ]
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [
            Line2D([], [], color="C3", lw=2.5, label="chosen human level"),
            Patch(color="0.75", label="up to human level"),
            Patch(color="C0", label="avoidable bias"),
            Patch(color="C1", label="variance"),
            Patch(fc="white", ec="C0", hatch="///", label="train error below human: bias unknown"),
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.42),
            ncol=5,
            fontsize=8,
            frameon=False,
            handlelength=1.5,
        )
        state["zoom"] = None
    ax = state["ax"]
    if state["zoom"] != zoom:  # static layer: axis range and the ladder's marks
        state["zoom"] = zoom
        ax.set_xlim(0, 100 * zoom)
        for artist in state.get("ladder", []):
            artist.remove()
        state["ladder"] = []
        inside = [(n, v) for n, v in sorted(ladder.items(), key=lambda kv: kv[1]) if v < zoom]
        for k, (name, value) in enumerate(inside):
            x, top = 100 * value, 0.55 + 0.2 * k
            right = value > 0.6 * zoom  # label on the left of its mark near the right edge
            state["ladder"].append(ax.plot([x, x], [0.32, top], color="0.5", lw=0.8)[0])
            state["ladder"].append(
                ax.text(
                    x,
                    top + 0.04,
                    f" {name} {x:.1f} % " if right else f" {name} {x:.1f} %",
                    fontsize=8,
                    color="0.35",
                    va="center",
                    ha="right" if right else "left",
                )
            )
    base = min(human, train)
    below = train < human  # the grey part is then the training error, bias unknown
    state["human"].set_facecolor("white" if below else "0.75")
    state["human"].set_edgecolor("C0" if below else "0.75")
    state["human"].set_hatch("///" if below else None)
    # dev < train happens (a small or easier dev set); no bar can be negative, the text says.
    pieces = [(0.0, base), (human, max(train - human, 0.0)), (train, max(dev - train, 0.0))]
    for bar, (left, width) in zip((state["human"], state["bias"], state["variance"]), pieces):
        bar.set_x(100 * left)
        bar.set_width(100 * width)
    x = 100 * human
    state["human_line"].set_data([x, x], [-0.4, 0.4])
    verdict, equation, step = state["header"]
    verdict.set_text(f"{result['reference']} as human level -> work on: {result['focus']}")
    bound = f"   (Bayes error <= {100 * result['bayes_bound']:.1f} %, the best human's)"
    if train >= human:
        equation.set_text(
            f"dev {100 * dev:.1f} % = human {100 * human:.1f} % + avoidable bias "
            f"{100 * result['avoidable_bias']:.1f} % + variance {100 * result['variance']:.1f} %"
            + bound
        )
    else:
        equation.set_text(
            f"dev {100 * dev:.1f} % = train {100 * train:.1f} % + variance "
            f"{100 * result['variance']:.1f} %; avoidable bias unknown (train < human)" + bound
        )
    if dev < train:
        equation.set_text(
            f"dev {100 * dev:.1f} % < train {100 * train:.1f} %: variance 0 (is the dev set "
            "small, or easier?)" + bound
        )
    step.set_text(f"next step: {result['recipe'][0]}")


def reference_dashboard(
    ladder: Mapping[str, float] | None = None,
    reference: str = "team of experienced doctors",
    train_error: float = 0.007,
    dev_error: float = 0.008,
) -> Dashboard:
    """A live dashboard: human-level reference (drop-down), training and dev error (sliders).

    Args:
        ladder: name -> human error; default ``human_level.LECTURE_LADDER``.
        reference: the drop-down's starting choice.
        train_error, dev_error: the sliders' starting values (fractions, shown as %).

    Returns:
        The Dashboard; ``dash.result`` is ``reference_diagnosis(...)``.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 5.
    """
    ladder = dict(hl.LECTURE_LADDER if ladder is None else ladder)
    state: dict = {}
    options = [(f"{name} ({100 * value:.1f} %)", name) for name, value in ladder.items()]
    return Dashboard(
        compute=lambda reference, train_error, dev_error: reference_diagnosis(
            ladder, reference, train_error, dev_error
        ),
        draw=lambda fig, result, values: _draw(fig, result, values, ladder, state),
        controls={
            "reference": dropdown("human-level reference", options, reference),
            "train_error": float_slider(
                "training error", train_error, 0.0, 0.2, 0.001, readout_format=".1%"
            ),
            "dev_error": float_slider(
                "dev error", dev_error, 0.0, 0.25, 0.001, readout_format=".1%"
            ),
        },
        live=True,
        figsize=(10.0, 3.4),
        title="Which human level? dev error = human level + avoidable bias + variance",
    )
