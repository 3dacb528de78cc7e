"""Dashboards for lesson 7: the cost of a depthwise-separable convolution, and EfficientNet's
compound scaling.

Both are live: their compute functions are closed-form counts (the lesson checks each
formula against the multiplies our NumPy convolutions perform), so every slider move
recomputes and redraws only the moving artists.

Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, sections 6 and 8.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from course_lib.c4_convnets import architectures as ar
from course_lib.widgets import Dashboard, float_slider, int_slider, selection_slider

__all__ = [
    "CHANNEL_OPTIONS",
    "separable_costs",
    "separable_cost_dashboard",
    "TOY_BASELINE",
    "scaling_result",
    "efficientnet_dashboard",
]

CHANNEL_OPTIONS = (1, 2, 3, 4, 5, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
_NORMAL, _DEPTH, _POINT = "#868e96", "#1971c2", "#74c0fc"


def separable_costs(n: int, n_C: int, f: int, n_C_prime: int) -> dict:
    """What the cost dashboard draws (pure): separable_conv_cost (valid, stride 1) plus the
    ratio curve 1/n_C' + 1/f^2 over CHANNEL_OPTIONS for this f.

    Args:
        n: input height = width (>= f). n_C: input channels. f: filter width.
        n_C_prime: output channels n_C'.

    Returns:
        separable_conv_cost's dict plus "curve_x" and "curve_ratio" (arrays over n_C').

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 6.
    """
    out = dict(ar.separable_conv_cost(n, n_C, f, n_C_prime))
    x = np.array(CHANNEL_OPTIONS, dtype=float)
    out["curve_x"] = x
    out["curve_ratio"] = 1 / x + 1 / f**2
    return out


def separable_cost_dashboard(n: int = 6, n_C: int = 3, f: int = 3, n_C_prime: int = 5) -> Dashboard:
    """Sliders n, n_C, f, n_C' (live): normal against depthwise + pointwise multiplies.

    Starts at the course's example (6x6x3 input, 3x3 filters, 5 output channels:
    2160 against 432 + 240 = 672).

    Returns:
        a Dashboard with controls "n", "n_C", "f", "n_C_prime".

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 6.
    """

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            bars_ax, ratio_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})
            normal = bars_ax.barh([1], [1.0], color=_NORMAL, height=0.55, animated=True)[0]
            depth = bars_ax.barh([0], [0.0], color=_DEPTH, height=0.55, animated=True)[0]
            point = bars_ax.barh([0], [0.0], color=_POINT, height=0.55, animated=True)[0]
            bars_ax.set_yticks([0, 1], ["depthwise\n+ pointwise", "normal"], fontsize=9)
            bars_ax.set_xlim(0, 1.3)
            bars_ax.set_ylim(-0.6, 1.75)
            bars_ax.set_xlabel("multiplies, as a share of the normal convolution's", fontsize=9)
            bars_ax.legend(
                [normal, depth, point],
                ["normal", "depthwise", "pointwise"],
                loc="upper right",
                fontsize=8,
                ncol=3,
                handlelength=1,
                columnspacing=0.8,
            )
            labels = {
                key: bars_ax.text(
                    0.02, y, "", va="center", fontsize=9, color="white", animated=True
                )
                for key, y in (("normal", 1), ("separable", 0))
            }
            for key in ("normal", "separable"):
                labels[key].set_fontweight("bold")
            ratio_ax.set_xscale("log")
            ratio_ax.set_xlim(0.9, 600)
            ratio_ax.set_ylim(0, 1.25)
            for f_other, colour in ((3, "#2f9e44"), (5, "#e8590c")):
                x = np.array(CHANNEL_OPTIONS, dtype=float)
                ratio_ax.plot(
                    x, 1 / x + 1 / f_other**2, color=colour, lw=1.3, label=f"f = {f_other}"
                )
                ratio_ax.axhline(1 / f_other**2, color=colour, lw=0.8, ls=":")
            ratio_ax.axhline(1, color="0.4", lw=0.8, ls="--")
            ratio_ax.set_xlabel("output channels $n_C'$", fontsize=9)
            ratio_ax.set_ylabel("separable / normal", fontsize=9)
            ratio_ax.set_title("ratio $1/n_C' + 1/f^2$ (dotted: $1/f^2$)", fontsize=9)
            ratio_ax.legend(loc="upper right", fontsize=8)
            (marker,) = ratio_ax.plot([], [], "o", ms=8, color="k", animated=True)
            caption = ratio_ax.text(
                0.3, 0.55, "", transform=ratio_ax.transAxes, fontsize=9, animated=True
            )
            title = fig.text(0.01, 0.97, "", va="top", fontsize=10, animated=True)
            fig.tight_layout(rect=(0, 0, 1, 0.9))
            state = fig._course_artists = {
                "bars": (normal, depth, point),
                "labels": labels,
                "marker": marker,
                "caption": caption,
                "title": title,
            }
        normal, depth, point = state["bars"]
        share_depth = result["depthwise"] / result["normal"]
        share_point = result["pointwise"] / result["normal"]
        depth.set_width(share_depth)
        point.set_x(share_depth)
        point.set_width(share_point)
        state["labels"]["normal"].set_text(f"{result['normal']:,}")
        state["labels"]["separable"].set_text(
            f"{result['depthwise']:,} + {result['pointwise']:,} = {result['separable']:,}"
        )
        # White text on the bar when it fits, dark text beyond the bar otherwise.
        sep = state["labels"]["separable"]
        if result["ratio"] < 0.55:
            sep.set_x(result["ratio"] + 0.02)
            sep.set_color("black")
        else:
            sep.set_x(0.02)
            sep.set_color("white")
        state["marker"].set_data([values["n_C_prime"]], [result["ratio"]])
        state["caption"].set_text(
            f"f = {values['f']}, n_C' = {values['n_C_prime']}: ratio {result['ratio']:.3f}"
        )
        n_out = result["n_out"]
        size, f_now, n_C_out = values["n"], values["f"], values["n_C_prime"]
        state["title"].set_text(
            f"{size}x{size}x{values['n_C']} input, {f_now}x{f_now} filters, {n_C_out} output "
            f"channels -> {n_out}x{n_out}x{n_C_out}: separable costs {result['ratio']:.1%} of "
            "normal"
        )

    controls = {
        "n": int_slider("input size n", n, 6, 64),
        "n_C": selection_slider("input channels n_C", CHANNEL_OPTIONS, n_C),
        "f": selection_slider("filter f", (3, 5), f),
        "n_C_prime": selection_slider("output channels n_C'", CHANNEL_OPTIONS, n_C_prime),
    }
    return Dashboard(
        separable_costs,
        draw,
        controls,
        live=True,
        figsize=(9.4, 3.6),
        title="Normal vs depthwise-separable convolution: multiplies",
    )


# A small plain ConvNet to scale: depth conv layers of `width` 3x3 filters on RGB images.
TOY_BASELINE = {"depth": 4, "width": 16, "resolution": 32}


def scaling_result(phi: float, baseline: Mapping = TOY_BASELINE, phi_max: float = 4.0) -> dict:
    """What the EfficientNet dashboard draws (pure).

    Args:
        phi: compound coefficient. baseline: {"depth", "width", "resolution"} of the toy
            ConvNet. phi_max: right end of the curves.

    Returns:
        {"scale": compound_scaling(phi), "network": scale_baseline(baseline, phi),
        "multiplies": toy_convnet_multiplies(network), "base_multiplies": the baseline's,
        "factor": multiplies / base_multiplies, "curve_phi", "curve_ideal" (alpha beta^2
        gamma^2)^phi, "curve_rounded": the rounded networks' factor}.

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    base = ar.toy_convnet_multiplies(**baseline)
    network = ar.scale_baseline(baseline, phi)
    multiplies = ar.toy_convnet_multiplies(**network)
    phis = np.linspace(0, phi_max, 81)
    rounded = [ar.toy_convnet_multiplies(**ar.scale_baseline(baseline, p)) / base for p in phis]
    return {
        "scale": ar.compound_scaling(phi),
        "network": network,
        "multiplies": multiplies,
        "base_multiplies": base,
        "factor": multiplies / base,
        "curve_phi": phis,
        "curve_ideal": ar.compound_scaling(1.0)["base"] ** phis,
        "curve_rounded": np.array(rounded),
    }


def efficientnet_dashboard(
    phi: float = 1.0, baseline: Mapping = TOY_BASELINE, phi_max: float = 4.0
) -> Dashboard:
    """A phi slider (live): d = 1.2^phi, w = 1.1^phi, r = 1.15^phi, and the FLOPs they cost.

    Left: the three multipliers and the FLOPs factor; right: the FLOPs factor against phi,
    ideal (alpha beta^2 gamma^2)^phi and measured on the scaled toy ConvNet (whose layers,
    channels and pixels are rounded to whole numbers).

    Returns:
        a Dashboard with the control "phi".

    Taught in: notebooks/c4_convnets/07_inception_mobilenet_efficientnet.py, section 8.
    """
    top = ar.compound_scaling(phi_max)["flops"] * 1.15
    static = scaling_result(0.0, baseline, phi_max)

    def compute(phi):
        return scaling_result(phi, baseline, phi_max)

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            bars_ax, curve_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.2]})
            names = ["depth d", "width w", "resolution r", "FLOPs"]
            colours = ["#1971c2", "#2f9e44", "#e8590c", "#495057"]
            bars = bars_ax.bar(names, [1, 1, 1, 1], color=colours, animated=True)
            bars_ax.set_ylim(0, top)
            bars_ax.set_ylabel("multiplier of the baseline", fontsize=9)
            bars_ax.tick_params(axis="x", labelsize=8.5)
            bars_ax.axhline(1, color="0.4", lw=0.8)
            values_text = [
                bars_ax.text(k, 1, "", ha="center", va="bottom", fontsize=8.5, animated=True)
                for k in range(4)
            ]
            curve_ax.set_yscale("log")
            curve_ax.plot(
                static["curve_phi"],
                2.0 ** static["curve_phi"],
                color="0.6",
                ls="--",
                lw=1,
                label="$2^\\phi$",
            )
            curve_ax.plot(
                static["curve_phi"],
                static["curve_ideal"],
                color="#495057",
                lw=1.5,
                label="$(\\alpha\\beta^2\\gamma^2)^\\phi$",
            )
            curve_ax.step(
                static["curve_phi"],
                static["curve_rounded"],
                where="post",
                color="#c92a2a",
                lw=1.2,
                label="toy ConvNet (rounded sizes)",
            )
            (marker,) = curve_ax.plot([], [], "o", ms=8, color="#c92a2a", animated=True)
            curve_ax.set_xlim(0, phi_max)
            curve_ax.set_ylim(0.8, top)
            ticks = [t for t in (1, 2, 4, 8, 16, 32, 64) if t < top]
            curve_ax.set_yticks(ticks, [str(t) for t in ticks])
            curve_ax.minorticks_off()
            curve_ax.grid(alpha=0.3)
            curve_ax.set_xlabel("compound coefficient $\\phi$", fontsize=9)
            curve_ax.set_ylabel("FLOPs / baseline FLOPs", fontsize=9)
            curve_ax.legend(loc="upper left", fontsize=8)
            caption = curve_ax.text(
                0.97,
                0.05,
                "",
                transform=curve_ax.transAxes,
                ha="right",
                fontsize=8.5,
                animated=True,
            )
            title = fig.text(0.01, 0.97, "", va="top", fontsize=10, animated=True)
            fig.tight_layout(rect=(0, 0, 1, 0.9))
            state = fig._course_artists = {
                "bars": bars,
                "values": values_text,
                "marker": marker,
                "caption": caption,
                "title": title,
            }
        scale, network = result["scale"], result["network"]
        heights = [scale["d"], scale["w"], scale["r"], scale["flops"]]
        for bar, text, height in zip(state["bars"], state["values"], heights):
            bar.set_height(height)
            text.set_position((bar.get_x() + bar.get_width() / 2, height * 1.03))
            text.set_text(f"{height:.2f}")
        state["marker"].set_data([values["phi"]], [result["factor"]])
        state["caption"].set_text(
            f"toy ConvNet: {result['multiplies']:,} multiplies\n"
            f"= {result['factor']:.2f} x the baseline's"
        )
        state["title"].set_text(
            f"φ = {values['phi']:.2f}: {network['depth']} layers (baseline {baseline['depth']}), "
            f"{network['width']} channels ({baseline['width']}), "
            f"{network['resolution']}x{network['resolution']} images ({baseline['resolution']}x"
            f"{baseline['resolution']})"
        )

    controls = {"phi": float_slider("compound coefficient φ", phi, 0.0, phi_max, 0.25)}
    return Dashboard(
        compute,
        draw,
        controls,
        live=True,
        figsize=(9.4, 3.8),
        title="EfficientNet's compound scaling: depth, width and resolution together",
    )
