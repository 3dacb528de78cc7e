"""Dashboards for error analysis: how many errors to examine, and label noise in training.

- ``tally_dashboard`` (live): examine n of the misclassified dev examples (a slider) and
  see each category's estimated share of the errors, its uncertainty, and the share among
  ALL errors (known here because the categories were made on purpose).
- ``label_noise_dashboard`` (retrains on release, with a progress bar): a noise-rate
  slider and a noise-type switch (random / systematic); each change trains the 3 detector
  on labels with that much noise and shows the dev error against the true labels, split
  into look-alikes called 3 and everything else, next to every setting tried so far.

Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, sections 2 and 3.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.widgets import Dashboard, dropdown, float_slider, int_slider

__all__ = ["sample_tally", "tally_dashboard", "label_noise_dashboard"]


def sample_tally(
    dev: ea.TaggedSet,
    error_indices,
    dev_error: float,
    n_examined: int,
    seed: int = 0,
    categories: Sequence[str] = ea.CATEGORIES,
) -> dict:
    """Tally a random sample of n errors, with a 95 % interval for every share.

    Args:
        dev: the dev set. error_indices: (N,) all misclassified dev examples.
        dev_error: the dev error. n_examined: errors to examine (1..N). seed: which ones.
        categories: the columns.

    Returns:
        {"indices" (n,), "n", "N", "counts", "shares", "low", "high" (estimated share of
         the errors and its 95 % interval, category -> fraction), "true_shares" (among all
         N errors), "ceilings" (category -> best dev error from the sample)}.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    error_indices = np.asarray(error_indices, dtype=int).ravel()
    N = len(error_indices)
    if N == 0:
        raise ValueError("there are no errors to examine.")
    picked = ea.sample_errors(error_indices, n_examined, seed)
    n = len(picked)
    counts = ea.tally(dev, picked, categories)
    true_counts = ea.tally(dev, error_indices, categories)
    # normal approximation, with the finite-population correction (n of N, no replacement)
    fpc = np.sqrt((N - n) / (N - 1)) if N > 1 else 0.0
    shares, low, high = {}, {}, {}
    for c in categories:
        p = counts[c] / n
        half = 1.96 * np.sqrt(p * (1 - p) / n) * fpc
        shares[c], low[c], high[c] = p, max(p - half, 0.0), min(p + half, 1.0)
    return {
        "indices": picked,
        "n": n,
        "N": N,
        "counts": counts,
        "shares": shares,
        "low": low,
        "high": high,
        "true_shares": {c: true_counts[c] / N for c in categories},
        "ceilings": {c: ea.error_ceiling(dev_error, counts[c], n) for c in categories},
    }


def _draw_tally(fig, result, values, categories, dev_error, state):
    if not fig.axes:
        ax = fig.add_subplot()
        fig.subplots_adjust(left=0.2, right=0.72, top=0.88, bottom=0.3)
        ys = np.arange(len(categories))[::-1]
        state["bars"] = ax.barh(
            ys,
            [0] * len(ys),
            color="C0",
            height=0.55,
            animated=True,
            label="share in the examined sample",
        )
        state["whiskers"] = [ax.plot([], [], color="k", lw=1.5, animated=True)[0] for _ in ys]
        state["truth"] = ax.plot(
            [], [], "D", color="C3", ms=6, animated=True, label="share among all errors"
        )[0]
        state["texts"] = [
            ax.text(
                1.02,
                y,
                "",
                transform=ax.get_yaxis_transform(),
                va="center",
                fontsize=8.5,
                animated=True,
            )
            for y in ys
        ]
        state["title"] = ax.text(0.0, 1.05, "", transform=ax.transAxes, fontsize=10, animated=True)
        ax.plot([], [], color="k", lw=1.5, label="95 % interval")
        ax.set_yticks(ys, list(categories), fontsize=9)
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.6, len(ys) - 0.4)
        ax.set_xlabel("% of the misclassified dev examples")
        ax.grid(True, axis="x", alpha=0.3)
        ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize=8, frameon=False
        )
        ax.text(
            1.02,
            len(ys) - 0.4,
            "fix all of it: dev error ->",
            transform=ax.get_yaxis_transform(),
            fontsize=8.5,
            va="bottom",
            color="0.3",
        )
        state["ys"] = ys
    ys = state["ys"]
    for bar, whisker, text, y, c in zip(
        state["bars"], state["whiskers"], state["texts"], ys, categories
    ):
        bar.set_width(100 * result["shares"][c])
        whisker.set_data([100 * result["low"][c], 100 * result["high"][c]], [y, y])
        text.set_text(f"{100 * dev_error:.2f} % -> at best {100 * result['ceilings'][c]:.2f} %")
    state["truth"].set_data([100 * result["true_shares"][c] for c in categories], ys)
    state["title"].set_text(
        f"{result['n']} of the {result['N']} errors examined (sample seed {values['seed']})"
    )


def tally_dashboard(
    dev: ea.TaggedSet,
    error_indices,
    dev_error: float,
    n_examined: int = 100,
    seed: int = 0,
    categories: Sequence[str] = ea.CATEGORIES,
) -> Dashboard:
    """A live dashboard: how many errors to examine (slider) and which sample (seed).

    Args:
        dev: the dev set. error_indices: all misclassified dev examples.
        dev_error: the dev error. n_examined, seed: the sliders' starting values.
        categories: the columns of the tally.

    Returns:
        The Dashboard; ``dash.result`` is ``sample_tally(...)``.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    N = len(np.asarray(error_indices).ravel())
    state: dict = {}
    categories = tuple(categories)
    return Dashboard(
        compute=lambda n_examined, seed: sample_tally(
            dev, error_indices, dev_error, n_examined, seed, categories
        ),
        draw=lambda fig, result, values: _draw_tally(
            fig, result, values, categories, dev_error, state
        ),
        controls={
            # Step 1: every count up to all N errors is on the grid (N is rarely a round number).
            "n_examined": int_slider("errors examined", min(n_examined, N), min(5, N), N),
            "seed": int_slider("sample seed", seed, 0, 20),
        },
        live=True,
        figsize=(10.0, 3.9),
        title="How many errors do you need to look at? Estimated shares and their uncertainty",
    )


def _draw_noise(fig, result, values, clean, state):
    history = state.setdefault("history", {kind: {} for kind in ea.NOISE_KINDS})
    history[result["kind"]][round(result["rate"], 4)] = result["dev_error"]
    fig.clear()  # it retrains on release: a full redraw is cheap next to that
    bars_ax, curve_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
    names = ["clean labels", f"{result['kind']} noise\n{100 * result['rate']:.0f} % of labels"]
    look = [100 * clean["look_alike_error"], 100 * result["look_alike_error"]]
    other = [100 * clean["other_error"], 100 * result["other_error"]]
    bars_ax.bar(names, other, color="0.65", width=0.55, label="other errors")
    bars_ax.bar(
        names, look, bottom=other, color="C3", width=0.55, label="look-alikes (5, 8, 9) called 3"
    )
    for x, (a, b) in enumerate(zip(other, look)):
        bars_ax.text(x, a + b + 0.4, f"{a + b:.1f} %", ha="center", fontsize=9)
    top = state["top"]
    bars_ax.set_ylim(0, top)
    bars_ax.set_ylabel("dev error against the true labels (%)")
    bars_ax.legend(fontsize=8, loc="upper left")
    bars_ax.set_title("this setting", fontsize=10)
    colours = {"random": "C0", "systematic": "C3"}
    for kind, points in history.items():
        if points:
            rates = sorted(points)
            xs = [0.0] + [100 * r for r in rates]
            ys = [100 * clean["dev_error"]] + [100 * points[r] for r in rates]
            curve_ax.plot(xs, ys, "o-", color=colours[kind], label=f"{kind} noise")
    curve_ax.plot(
        [100 * result["rate"]],
        [100 * result["dev_error"]],
        "o",
        ms=13,
        mfc="none",
        mec="k",
        label="current setting",
    )
    curve_ax.set_xlim(-0.5, 100 * state["max_rate"] + 0.5)
    curve_ax.set_ylim(0, top)
    curve_ax.set_xlabel("wrong training labels (% of the training set)")
    curve_ax.set_ylabel("dev error (%)")
    curve_ax.grid(True, alpha=0.3)
    curve_ax.legend(fontsize=8, loc="upper left")
    curve_ax.set_title("every setting tried so far", fontsize=10)
    fig.suptitle(
        f"{result['kind']} noise, {result['flipped']} wrong training labels: dev error "
        f"{100 * result['dev_error']:.1f} % (clean labels: {100 * clean['dev_error']:.1f} %)",
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.95))


def label_noise_dashboard(
    train: ea.TaggedSet,
    dev: ea.TaggedSet,
    clean: Mapping[str, float],
    rate: float = 0.1,
    kind: str = "systematic",
    known: Sequence[Mapping] = (),
    max_rate: float = 0.1,
    hidden_layers: Sequence[int] = (32,),
    num_iterations: int = 1000,
    learning_rate: float = 0.3,
) -> Dashboard:
    """Noise rate (slider) and noise type (drop-down) -> retrain -> dev error vs the truth.

    Args:
        train, dev: the splits. clean: the clean-label model's "dev_error",
            "look_alike_error" and "other_error" (a ``label_noise_experiment`` at rate 0).
        rate, kind: the controls' starting values. known: results computed before
            (``label_noise_experiment`` dicts) to start the history with.
        max_rate: the slider's end (at most the look-alikes' share of the training set).
        hidden_layers, num_iterations, learning_rate: the fixed training budget.

    Returns:
        The Dashboard; ``dash.result`` is the last ``label_noise_experiment`` result.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    limit = float(train.tag(ea.LOOK_ALIKE).mean())
    if not 0 < max_rate <= limit:
        raise ValueError(
            f"max_rate must be in (0, {limit:.3f}] (the look-alikes' share of the training "
            f"set, the most systematic noise can flip); got {max_rate!r}."
        )
    state: dict = {"history": {k: {} for k in ea.NOISE_KINDS}, "max_rate": max_rate}
    for result in known:
        state["history"][result["kind"]][round(result["rate"], 4)] = result["dev_error"]
    worst = max([r["dev_error"] for r in known] + [clean["dev_error"], 0.1])
    state["top"] = 100 * max(0.25, 1.3 * worst)
    return Dashboard(
        compute=lambda rate, kind, progress: ea.label_noise_experiment(
            train,
            dev,
            rate,
            kind,
            hidden_layers,
            num_iterations,
            learning_rate,
            progress=progress,
        ),
        draw=lambda fig, result, values: _draw_noise(fig, result, values, clean, state),
        controls={
            "rate": float_slider(
                "wrong training labels", rate, 0.0, max_rate, 0.01, readout_format=".0%"
            ),
            "kind": dropdown("noise", list(ea.NOISE_KINDS), kind),
        },
        live=False,
        figsize=(10.5, 4.0),
        title="Label noise in the TRAINING set: random vs systematic, at the same rate",
    )
