"""Dashboards for mismatched distributions: the app's car-noise shift, and the noise pool.

``shift_dashboard``: move the app distribution away from the web one (louder car noise) or
put more app clips into training; each change retrains a network and shows the five error
levels with their gaps. ``pool_dashboard``: synthesise in-car clips from a noise pool of P
recordings; each change retrains and shows how well the network does on held-out clips with
the same pool noise and on real app clips with fresh noise.

Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, sections 6 and 8.
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import synthesis as syn
from course_lib.widgets import Dashboard, float_slider, int_slider, selection_slider

__all__ = ["POOL_SIZES", "shift_experiment", "shift_dashboard", "pool_dashboard"]

POOL_SIZES = (1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000)


def shift_experiment(
    shift: float,
    m_app_train: int = 100,
    *,
    m_web: int = 4000,
    m_dev: int = 2500,
    m_test: int = 2500,
    m_train_dev: int = 500,
    num_iterations: int = 400,
    seed: int = 0,
    progress=None,
) -> dict:
    """``mismatch.mismatch_experiment`` plus one app clip with and without its car noise.

    Args:
        shift: the app's car-noise level. m_app_train: app clips in the training set.
        m_web, m_dev, m_test, m_train_dev: the other set sizes. num_iterations: training
            budget. seed: seed. progress: optional callable receiving the finished fraction.

    Returns:
        The experiment's dict, with "example_app" and "example_clean" ((n_x,) arrays: the
        first dev clip as recorded in the car and the same words without the car) and
        "m_app_train".

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 6.
    """
    result = mm.mismatch_experiment(
        shift,
        m_web=m_web,
        m_app_train=m_app_train,
        m_dev=m_dev,
        m_test=m_test,
        m_train_dev=m_train_dev,
        num_iterations=num_iterations,
        seed=seed,
        progress=progress,
    )
    # the same random stream without the rumble gives the same clips, recorded cleanly
    clean, _ = mm.voice_clips(m_app_train + m_dev + m_test, 0.0, seed + 1)
    result["example_clean"] = clean[:, m_app_train]
    result["example_app"] = result["sets"]["dev"].X[:, 0]
    result["m_app_train"] = int(m_app_train)
    return result


def _draw_shift(fig, result, values):
    fig.clear()  # every change retrains (~0.5 s); a full redraw costs far less
    clip_ax, level_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.5]})
    clip_ax.plot(result["example_clean"], color="C0", lw=1.6, label="the same clip without the car")
    clip_ax.plot(result["example_app"], color="C1", lw=1.2, label="recorded in the car (app)")
    clip_ax.set_ylim(-9, 9)
    clip_ax.set_xlabel("sample (time)")
    clip_ax.set_ylabel("amplitude")
    clip_ax.grid(True, alpha=0.3)
    clip_ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    snr = syn.snr_db(result["shift"]) if result["shift"] > 0 else None
    snr_text = "no car noise" if snr is None else f"SNR {snr:.0f} dB"
    clip_ax.set_title(
        f"one dev clip, car-noise level {result['shift']:.2f} ({snr_text})", fontsize=9
    )
    mm.plot_error_levels(
        level_ax, result["human"], result["errors"], result["human_target"], top=45.0
    )
    level_ax.set_title(
        f"{values['m_app_train']} app clips in training: largest gap = {result['largest']} "
        f"({100 * result['gaps'][result['largest']]:+.1f} points)",
        fontsize=9,
    )
    fig.tight_layout()


def shift_dashboard(
    shift: float = 0.0,
    m_app_train: int = 100,
    *,
    m_web: int = 4000,
    m_dev: int = 2500,
    m_test: int = 2500,
    m_train_dev: int = 500,
    num_iterations: int = 400,
    seed: int = 0,
) -> Dashboard:
    """Sliders for the app's car-noise level (0-3) and the app clips in training (0-1000).

    Args:
        shift, m_app_train: the sliders' starting values.
        m_web, m_dev, m_test, m_train_dev, num_iterations, seed: fixed for every retrain.

    Returns:
        The Dashboard (``live=False``: it retrains on release, with a progress bar);
        ``dash.result`` holds the last ``shift_experiment`` result.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 6.
    """

    def compute(shift, m_app_train, progress):
        return shift_experiment(
            shift,
            m_app_train,
            m_web=m_web,
            m_dev=m_dev,
            m_test=m_test,
            m_train_dev=m_train_dev,
            num_iterations=num_iterations,
            seed=seed,
            progress=progress,
        )

    return Dashboard(
        compute=compute,
        draw=_draw_shift,
        controls={
            "shift": float_slider("app car-noise level (shift)", shift, 0.0, 3.0, 0.25),
            "m_app_train": int_slider("app clips in training", m_app_train, 0, 1000, 50),
        },
        live=False,
        figsize=(10.5, 4.2),
        title="Move the app distribution away from the web one: which gap opens?",
    )


def _draw_pool(fig, result, values):
    fig.clear()
    pool_ax, error_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
    pool = result["pool"]
    shown = min(pool.shape[1], 6)
    for k in range(shown):
        pool_ax.plot(pool[:, k], color=f"C{k}", lw=1.2, alpha=0.85)
    fresh = mm.car_noise(1, result["level"], seed=12345)[:, 0]
    pool_ax.plot(fresh, color="k", lw=2.0, ls="--")
    limit = 2.8 * max(result["level"], 0.5) + 1
    pool_ax.set_ylim(-limit, limit)
    pool_ax.set_xlabel("sample (time)")
    pool_ax.set_ylabel("amplitude")
    pool_ax.grid(True, alpha=0.3)
    more = f" (first {shown} shown)" if pool.shape[1] > shown else ""
    reuse = result["X_train"].shape[1] / max(pool.shape[1], 1)
    pool_ax.set_title(
        f"the noise pool: P = {pool.shape[1]} recordings{more}, each reused ~{reuse:,.0f} "
        "times;\nblack dashes: fresh car noise, as in a real app clip",
        fontsize=9,
    )
    labels = ["training clips", "held-out clips\n+ pool noise", "real app clips\n(fresh noise)"]
    errors = [result["train_error"], result["synthetic_error"], result["dev_error"]]
    bars = error_ax.bar(range(3), [100 * e for e in errors], color=["C0", "C0", "C3"], width=0.6)
    for bar, e in zip(bars, errors):
        error_ax.text(bar.get_x() + 0.3, 100 * e + 0.8, f"{100 * e:.1f} %", ha="center", fontsize=9)
    error_ax.axhline(
        100 * result["human"], color="k", ls=":", lw=1, label="human level (app clips)"
    )
    error_ax.legend(fontsize=8, loc="upper left")
    error_ax.set_xticks(range(3), labels, fontsize=8)
    error_ax.set_ylim(0, max(45.0, 100 * max(errors) + 6))
    error_ax.set_ylabel("error (%)")
    error_ax.set_title(
        f"P = {pool.shape[1]}, car-noise level {result['level']:.2f} "
        f"(SNR {syn.snr_db(result['level']):.0f} dB)",
        fontsize=9,
    )
    fig.tight_layout()


def pool_dashboard(
    pool_size: int = 3,
    level: float = mm.DEFAULT_SHIFT,
    *,
    m_train: int = 3000,
    num_iterations: int = 400,
    seed: int = 0,
) -> Dashboard:
    """Sliders for the noise-pool size P (1 to 1000, roughly log-spaced) and the noise level.

    Args:
        pool_size, level: the sliders' starting values (pool_size one of ``POOL_SIZES``).
        m_train, num_iterations, seed: fixed for every retrain (see
            ``synthesis.pool_experiment``).

    Returns:
        The Dashboard (``live=False``, with a progress bar); ``dash.result`` holds the last
        ``synthesis.pool_experiment`` result.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 8.
    """

    def compute(pool_size, level, progress):
        return syn.pool_experiment(
            pool_size,
            level,
            m_train=m_train,
            num_iterations=num_iterations,
            seed=seed,
            progress=progress,
        )

    return Dashboard(
        compute=compute,
        draw=_draw_pool,
        controls={
            "pool_size": selection_slider("noise clips in the pool P", POOL_SIZES, pool_size),
            "level": float_slider("car-noise level", level, 0.5, 3.0, 0.25),
        },
        live=False,
        figsize=(10.5, 4.0),
        title="Synthesise in-car clips from a pool of P noise recordings: how large must P be?",
    )
