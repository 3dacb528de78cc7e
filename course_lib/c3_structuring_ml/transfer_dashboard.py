"""Dashboard for transfer learning: how many layers to freeze, for how much task-B data.

Each change trains one network on task B (a new head on task A's network, or the same
architecture from a random start), with the first ``frozen_layers`` layers frozen, on
the first m_B examples of one pool, and places its dev error on the learning curves of
the lesson's study.

Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 3.
"""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.patches import FancyBboxPatch

from course_lib.c3_structuring_ml import transfer as tr
from course_lib.widgets import Dashboard, dropdown, int_slider, selection_slider

__all__ = ["transfer_dashboard", "STARTS", "M_B_CHOICES"]

#: the sizes the m_B slider offers (roughly even steps on a log scale)
M_B_CHOICES = (10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000)

#: dropdown label -> the ``start`` argument of ``transfer.transfer_run``
STARTS = {"pre-trained on task A": "pre-trained", "random (no transfer)": "random"}
_COLOURS = {"from scratch": "0.35", "new head only": "C1", "fine-tune layers 2-3": "C2"}
_COLOURS["fine-tune all layers"] = "C0"


def _draw_network(ax, parameters: Mapping, frozen_layers: int, start: str) -> None:
    L = tr.num_layers(parameters)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.3, L + 0.15)
    ax.axis("off")
    for l in range(1, L + 1):
        n_out, n_in = parameters[f"W{l}"].shape
        frozen = l <= frozen_layers
        if frozen:
            colour, state = "0.82", "frozen"
        else:
            colour, state = "#9ecae1", "trained on B"
        origin = "new, random" if l == L or start == "random" else "from task A"
        ax.add_patch(
            FancyBboxPatch(
                (0.08, l - 0.85), 0.84, 0.66, boxstyle="round,pad=0.02", fc=colour, ec="k"
            )
        )
        name = "output layer" if l == L else f"layer {l}"
        ax.text(0.5, l - 0.42, f"{name}: {n_in} -> {n_out}", ha="center", fontsize=9)
        ax.text(0.5, l - 0.7, f"{origin}, {state}", ha="center", fontsize=8, style="italic")
    ax.text(0.5, -0.2, f"input x ({parameters['W1'].shape[1]} numbers)", ha="center", fontsize=9)


def _draw(fig, result, values, study):
    fig.clear()
    net_ax, curve_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [0.8, 1.4]})
    frozen, start = values["frozen_layers"], values["start"]
    m_B = values["m_B"]
    _draw_network(net_ax, result["parameters"], frozen, start)
    net_ax.set_title(f"{frozen} frozen layer{'s' if frozen != 1 else ''}", fontsize=10)
    if study is not None:
        for name, errors in study["dev_error"].items():
            curve_ax.plot(
                study["m"],
                100 * errors,
                marker="o",
                ms=3,
                lw=1.2,
                alpha=0.6,
                color=_COLOURS.get(name),
                label=name,
            )
    curve_ax.plot(
        [m_B],
        [100 * result["dev_error"]],
        marker="*",
        ms=16,
        color="crimson",
        ls="none",
        markeredgecolor="k",
        label="this model (dev)",
        zorder=5,
    )
    curve_ax.set_xscale("log")
    curve_ax.set_xlim(8, 1300)
    ticks = [10, 20, 50, 100, 200, 500, 1000]
    curve_ax.set_xticks(ticks, [str(t) for t in ticks])
    curve_ax.minorticks_off()
    top = max(45.0, 100 * result["dev_error"] + 5)
    curve_ax.set_ylim(0, top)
    curve_ax.set_xlabel("training examples of task B, $m_B$ (log scale)")
    curve_ax.set_ylabel("dev error on task B (%)")
    curve_ax.grid(True, alpha=0.3)
    curve_ax.legend(fontsize=8, loc="upper right")
    origin = "pre-trained on A" if start == "pre-trained" else "random start"
    curve_ax.set_title(
        f"{origin}, $m_B$ = {m_B}: dev error {100 * result['dev_error']:.1f} %, "
        f"train error {100 * result['train_error']:.1f} %",
        fontsize=10,
    )
    fig.tight_layout()


def transfer_dashboard(
    pretrained: Mapping,
    study: Mapping | None = None,
    frozen_layers: int = 2,
    m_B: int = 20,
    start: str = "pre-trained",
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    m_dev: int = 2000,
) -> Dashboard:
    """Controls: frozen layers (0 = fine-tune all .. L-1 = new head only), m_B, the start.

    Args:
        pretrained: task A's network (``transfer.pretrain``).
        study: optional result of ``transfer.transfer_study``, drawn as the background curves.
        frozen_layers, m_B, start: the controls' starting values (m_B one of
            ``M_B_CHOICES``, start "pre-trained" or "random").
        num_iterations, learning_rate: the fixed training budget. m_dev: dev-set size.

    Returns:
        the Dashboard; ``dash.result`` is the last ``transfer.transfer_run`` result.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 3.
    """
    L = tr.num_layers(pretrained)
    X_pool, Y_pool = tr.related_tasks(tr.POOL_SIZE, "B", seed=1000)  # seed 0's pool of the study
    X_dev, Y_dev = tr.related_tasks(m_dev, "B", seed=1)

    def compute(frozen_layers, m_B, start, progress):
        return tr.transfer_run(
            pretrained,
            X_pool[:, :m_B],
            Y_pool[:, :m_B],
            X_dev,
            Y_dev,
            start,
            frozen_layers,
            0,
            num_iterations,
            learning_rate,
            progress=progress,
        )

    return Dashboard(
        compute=compute,
        draw=lambda fig, result, values: _draw(fig, result, values, study),
        controls={
            "frozen_layers": int_slider("frozen layers", frozen_layers, 0, L - 1),
            # A slider over fixed sizes: every m_B it offers is one the study could have used.
            "m_B": selection_slider("examples of task B, m_B", M_B_CHOICES, m_B),
            "start": dropdown("layers 1..L-1 start", STARTS, value=start),
        },
        live=False,
        figsize=(10.5, 4.0),
        title="Transfer learning: freeze some layers, train the rest on task B's m_B examples",
    )
