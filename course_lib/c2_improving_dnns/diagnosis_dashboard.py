"""Dashboard for bias and variance: model capacity and training-set size vs train/dev error.

Each change trains a network [2, h, h, 1] (h = 0 is logistic regression) on the first
m_train examples of one noisy-moons pool and shows its decision boundary next to its
training and dev errors, the Bayes error and the diagnosis.

Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 6.
"""

from __future__ import annotations

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.plots import plot_decision_boundary
from course_lib.widgets import Dashboard, int_slider

__all__ = ["fit_and_diagnose", "capacity_dashboard", "split_dashboard"]


def fit_and_diagnose(
    X_train,
    Y_train,
    X_dev,
    Y_dev,
    hidden_units: int,
    bayes_error: float,
    num_iterations: int = 2000,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress=None,
) -> dict:
    """Train one model of a given capacity, measure its errors and diagnose it.

    Args:
        X_train, Y_train: (2, m_train) / (1, m_train). X_dev, Y_dev: (2, m_dev) / (1, m_dev).
        hidden_units: h, units in each of two ReLU hidden layers; 0 = logistic regression.
        bayes_error: the best achievable error on this data.
        num_iterations, learning_rate: batch gradient descent budget. seed: init seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"parameters", "train_error", "dev_error", "diagnosis", "recipe"}.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 3.
    """
    hidden = () if hidden_units == 0 else (int(hidden_units), int(hidden_units))
    parameters = ini.model(
        X_train,
        Y_train,
        learning_rate,
        num_iterations,
        False,
        "he",
        seed=seed,
        hidden_layers=hidden,
        progress=progress,
    )
    train_error = 1.0 - ini.accuracy(X_train, Y_train, parameters)
    dev_error = 1.0 - ini.accuracy(X_dev, Y_dev, parameters)
    diagnosis = dg.diagnose(train_error, dev_error, bayes_error)
    return {
        "parameters": parameters,
        "train_error": train_error,
        "dev_error": dev_error,
        "diagnosis": diagnosis,
        "recipe": dg.basic_recipe(diagnosis),
    }


def _draw(fig, result, values, X_pool, Y_pool, bayes_error):
    fig.clear()  # retrains on release; a full redraw is cheap next to training
    boundary_ax, error_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
    m = values["m_train"]
    plot_decision_boundary(
        boundary_ax,
        lambda P: ini.predict(P, result["parameters"]),
        X_pool[:, :m],
        Y_pool[:, :m],
        resolution=100,
    )
    h = values["hidden_units"]
    name = "logistic regression" if h == 0 else f"network [2, {h}, {h}, 1]"
    boundary_ax.set_title(f"{name}, {m} training examples", fontsize=10)
    errors = [result["train_error"], result["dev_error"]]
    bars = error_ax.bar(["train error", "dev error"], errors, color=["C0", "C1"], width=0.6)
    for bar, value in zip(bars, errors):
        error_ax.text(bar.get_x() + 0.3, value + 0.005, f"{100 * value:.1f} %", ha="center")
    error_ax.axhline(bayes_error, color="k", ls="--", lw=1)
    error_ax.text(1.45, bayes_error, "Bayes\nerror", va="center", fontsize=8)
    error_ax.set_ylim(0, max(0.4, max(errors) + 0.05))
    error_ax.set_xlim(-0.5, 1.75)
    error_ax.set_ylabel("error rate")
    error_ax.set_title(f"diagnosis: {result['diagnosis']}", fontsize=10)
    fig.suptitle("next: " + result["recipe"][0], fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.93))


def capacity_dashboard(
    X_pool,
    Y_pool,
    X_dev,
    Y_dev,
    bayes_error: float,
    hidden_units: int = 0,
    m_train: int = 40,
    num_iterations: int = 2000,
    learning_rate: float = 0.5,
) -> Dashboard:
    """Sliders for the capacity h (0-64 units per hidden layer) and the training-set size.

    Args:
        X_pool, Y_pool: (2, M) / (1, M) examples; the first m_train are the training set.
        X_dev, Y_dev: the dev set. bayes_error: the data's Bayes error.
        hidden_units, m_train: the sliders' starting values.
        num_iterations, learning_rate: the fixed training budget.

    Returns:
        The Dashboard; ``dash.result`` holds the last ``fit_and_diagnose`` result.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 6.
    """
    M = X_pool.shape[1]
    return Dashboard(
        compute=lambda hidden_units, m_train, progress: fit_and_diagnose(
            X_pool[:, :m_train],
            Y_pool[:, :m_train],
            X_dev,
            Y_dev,
            hidden_units,
            bayes_error,
            num_iterations,
            learning_rate,
            progress=progress,
        ),
        draw=lambda fig, result, values: _draw(fig, result, values, X_pool, Y_pool, bayes_error),
        controls={
            "hidden_units": int_slider("hidden units h", hidden_units, 0, 64),
            "m_train": int_slider("training examples", m_train, 20, M, 10),
        },
        live=False,
        figsize=(10.0, 3.9),
        title="Capacity and data vs bias and variance (h = 0: logistic regression)",
    )


def _draw_split(fig, result, values, state):
    if not fig.axes:
        ax = fig.add_subplot()
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.75, 0.75)
        ax.set_yticks([])
        ax.set_xlabel("share of the m examples (%)")
        colours = {"train": "C0", "dev": "C1", "test": "C2"}
        state["bars"] = {
            name: ax.barh(0, 0, left=0, color=c, height=0.4, animated=True)[0]
            for name, c in colours.items()
        }
        state["text"] = ax.text(50, 0.35, "", ha="center", fontsize=10, animated=True)
        ax.legend(list(state["bars"].values()), list(colours), loc="lower right", ncol=3)
        fig.subplots_adjust(left=0.04, right=0.98, top=0.92, bottom=0.25)
    m = values["m"]
    left = 0.0
    for name, bar in state["bars"].items():
        share = 100 * result[name] / m
        bar.set_x(left)
        bar.set_width(share)
        left += share
    state["text"].set_text(
        f"m = {m:,}: train {result['train']:,} ({100 * result['train'] / m:.1f} %), "
        f"dev {result['dev']:,}, test {result['test']:,}"
    )


def split_dashboard(m: int = 10_000) -> Dashboard:
    """A live split-size calculator: a log slider for m and the capped 20 % rule.

    Args:
        m: the slider's starting value (100 to 100,000,000 on the slider).

    Returns:
        The Dashboard; ``dash.result`` is ``diagnosis.split_sizes(m)``.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 2.
    """
    from course_lib.widgets import log_int_slider

    state: dict = {}
    return Dashboard(
        compute=lambda m: dg.split_sizes(int(m)),
        draw=lambda fig, result, values: _draw_split(fig, result, {"m": int(values["m"])}, state),
        controls={"m": log_int_slider("examples m", m, 100, 100_000_000, per_decade=4)},
        live=True,
        figsize=(9.0, 1.9),
        title="Train / dev / test sizes: 20 % each for dev and test, but at most 10,000",
    )
