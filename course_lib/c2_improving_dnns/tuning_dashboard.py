"""Grid vs random search, live: how many values of the important hyperparameter get tried.

Both searches run on ``tuning.response_surface`` (a synthetic, documented dev-error surface
over log10 alpha and hidden units). The contours are drawn once; moving the slider only
moves the points, the projected values (ticks under each plot) and the texts.

Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import tuning
from course_lib.widgets import Dashboard, int_slider

__all__ = ["SEARCH_RANGES", "compare_searches", "search_dashboard"]

SEARCH_RANGES = {"log_alpha": (-4.0, 0.0), "hidden_units": (10.0, 200.0)}


def compare_searches(n_trials: int, seed: int = 0) -> dict:
    """Grid and random search with the same budget on the synthetic response surface.

    Args:
        n_trials: the budget; the grid uses floor(sqrt(n))^2 of it.
        seed: seed of the random search.

    Returns:
        {"grid": points, "random": points, "grid_errors": (k,), "random_errors": (n,),
        "distinct": {"grid": {...}, "random": {...}}, "grid_best": float,
        "random_best": float}, where points = {"log_alpha": (k,), "hidden_units": (k,)}.

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    grid = tuning.grid_search_points(n_trials, SEARCH_RANGES)
    rand = tuning.random_search_points(n_trials, SEARCH_RANGES, seed)
    grid_errors = tuning.response_surface(grid["log_alpha"], grid["hidden_units"])
    random_errors = tuning.response_surface(rand["log_alpha"], rand["hidden_units"])
    return {
        "grid": grid,
        "random": rand,
        "grid_errors": np.atleast_1d(grid_errors),
        "random_errors": np.atleast_1d(random_errors),
        "distinct": {"grid": tuning.distinct_values(grid), "random": tuning.distinct_values(rand)},
        "grid_best": float(np.min(grid_errors)),
        "random_best": float(np.min(random_errors)),
    }


def _setup(fig):
    la, hu = np.meshgrid(np.linspace(-4, 0, 161), np.linspace(10, 200, 96))
    err = tuning.response_surface(la, hu)
    axes = fig.subplots(1, 2, sharey=True)
    artists = {}
    for ax, kind in zip(axes, ("grid", "random")):
        contours = ax.contourf(la, hu, err, levels=np.linspace(0.04, 0.26, 12), cmap="viridis_r")
        ax.set_xlabel(r"$\log_{10} \alpha$ (matters a lot)")
        ax.set_xlim(-4.1, 0.1)
        ax.set_ylim(-22, 250)  # white strips: the rug below, the texts above
        artists[kind] = {
            "points": ax.scatter(
                [], [], s=22, c="white", edgecolors="k", lw=0.6, animated=True, zorder=3
            ),
            "best": ax.scatter(
                [],
                [],
                s=140,
                marker="*",
                c="#e8590c",
                edgecolors="k",
                lw=0.6,
                animated=True,
                zorder=4,
            ),
            "rug": ax.scatter(
                [], [], s=60, marker="|", c="#c92a2a", lw=1.5, animated=True, zorder=3
            ),
            "text": ax.text(
                0.02,
                0.97,
                "",
                transform=ax.transAxes,
                va="top",
                fontsize=9,
                animated=True,
                zorder=5,
            ),
        }
        ax.set_title(f"{kind} search")
    axes[0].set_ylabel("hidden units (matters little)")
    fig.subplots_adjust(left=0.08, right=0.86, bottom=0.16, top=0.9, wspace=0.08)
    fig.colorbar(
        contours, cax=fig.add_axes([0.88, 0.16, 0.02, 0.74]), label="dev error (synthetic)"
    )
    return artists


def _draw(fig, result, values):
    artists = getattr(fig, "_course_artists", None)
    if artists is None:
        artists = fig._course_artists = _setup(fig)
    for kind in ("grid", "random"):
        pts, errors = result[kind], result[f"{kind}_errors"]
        a = artists[kind]
        xy = np.column_stack([pts["log_alpha"], pts["hidden_units"]])
        a["points"].set_offsets(xy)
        a["best"].set_offsets(xy[[int(np.argmin(errors))]])
        a["rug"].set_offsets(np.column_stack([pts["log_alpha"], np.full(len(xy), -11.0)]))
        a["text"].set_text(
            f"{len(xy)} trials: {result['distinct'][kind]['log_alpha']} values of alpha\n"
            f"best dev error {result[f'{kind}_best']:.3f}"
        )


def search_dashboard(n_trials: int = 9, seed: int = 0) -> Dashboard:
    """A live dashboard: a slider for the number of trials, grid and random side by side.

    Args:
        n_trials: the starting budget (1 ... 100). seed: seed of the random search.

    Returns:
        The Dashboard (display it by ending a cell with it).

    Taught in: notebooks/c2_improving_dnns/06_tuning_and_batch_norm.py, section 2.
    """
    return Dashboard(
        compute=lambda n_trials: compare_searches(n_trials, seed),
        draw=_draw,
        controls={"n_trials": int_slider("number of trials", n_trials, 1, 100)},
        live=True,
        figsize=(9.5, 3.6),
        title="Grid vs random search: red ticks = the distinct values of alpha tried",
    )
