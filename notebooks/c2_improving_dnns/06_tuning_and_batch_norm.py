# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Hyperparameter tuning and batch normalisation
#
# *Course 2 (Improving Deep Neural Networks), week 3, first half. Curriculum items
# C2.54-C2.67.*
#
# A network has more knobs than anyone can set by intuition: the learning rate, momentum,
# the number of layers and units, the mini-batch size, and more. The first half of this
# lesson is about searching for good settings efficiently: which knobs matter most, why
# random trials beat a grid, on which **scale** to sample, and how to zoom in. The second
# half is about **batch normalisation** (BN), a layer that makes the search much easier
# because it makes training less sensitive to many of those knobs. You will:
#
# 1. see the rough order in which hyperparameters deserve attention;
# 2. compare grid and random search with the same budget;
# 3. sample a learning rate and a momentum $\beta$ on the right (logarithmic) scale;
# 4. run a coarse-to-fine search, once on a toy surface and once on real training runs;
# 5. write BN's forward pass, then derive its backward pass step by step and
#    gradient-check the result;
# 6. train the same network with and without BN and use it at test time;
# 7. look at why BN helps and why it acts as a (slight) regulariser;
# 8. check that Keras's `BatchNormalization` gives the same numbers.
#
# The code lives in `course_lib/c2_improving_dnns/`: `tuning.py` and `batch_norm.py`
# (NumPy), `batch_norm_tf.py` (Keras twin), their dashboards and exercise checks.

# %%
from course_lib.lesson import print_values, start_lesson

lesson = start_lesson("C2 - Hyperparameter tuning and batch normalisation", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_moons

from course_lib.c1_neural_networks.deep_network import compute_cost
from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import tuning
from course_lib.c2_improving_dnns.batch_norm_checks import (
    check_batchnorm_forward_train,
    check_sample_learning_rate,
)
from course_lib.c2_improving_dnns.batch_norm_dashboard import batch_norm_dashboard
from course_lib.c2_improving_dnns.tuning_dashboard import SEARCH_RANGES, search_dashboard
from course_lib.gradient_check import check_backward, gradient_check

# %% [markdown]
# ## 1. Hyperparameters and their priority
#
# Not every hyperparameter deserves the same effort. The course's rule of thumb, from
# experience rather than theory: the **learning rate** $\alpha$ matters most; next come
# the momentum $\beta$, the number of hidden units and the mini-batch size; then the
# number of layers and learning-rate decay. Adam's $\beta_1, \beta_2, \varepsilon$ are
# almost always left at $0.9, 0.999, 10^{-8}$. Section 4 measures the first claim on real
# training runs.

# %%
print(tuning.priority_table())

# %% [markdown]
# Some hyperparameters are fine to sample **uniformly**: the number of layers from
# $\{2, 3, 4\}$, or the number of units in a layer from $50 \dots 100$. There every part
# of the range is about equally interesting, and a uniform sample differs little from one
# on a log scale (about 41 % against 50 % of the trials in the lower half, where for
# $\alpha \in [10^{-4}, 1]$ it is 1 % against 50 %). Compare the share of trials in the lower half of each range (below its
# geometric middle $\sqrt{\text{low} \cdot \text{high}}$) under the two samplers:

# %%
rng = np.random.default_rng(0)
layers = rng.integers(2, 5, size=10)  # {2, 3, 4}
units = rng.integers(50, 101, size=10)  # {50, ..., 100}
print("layers:", layers, "\nunits: ", units)
lower_half = {}
for name, (low, high) in {"hidden units": (50, 100), "learning rate": (1e-4, 1.0)}.items():
    middle = np.sqrt(low * high)
    uniform = np.mean(rng.uniform(low, high, 20_000) < middle)
    log_scale = np.mean(tuning.sample_log_uniform(low, high, 20_000, rng) < middle)
    lower_half[name] = (uniform, log_scale)
    print(f"{name:13s} in [{low:g}, {high:g}]: below {middle:.3g}: uniform {uniform:.1%}, log scale {log_scale:.1%}")  # fmt: skip
assert abs(np.subtract(*lower_half["hidden units"])) < 0.15  # the scale matters little
assert lower_half["learning rate"][0] < 0.02 and abs(lower_half["learning rate"][1] - 0.5) < 0.02

# %% [markdown]
# ## 2. Random search instead of a grid
#
# With two hyperparameters and 25 trials, a $5 \times 5$ grid tries only **5** different
# values of each. If one of them hardly matters (say Adam's $\varepsilon$), 20 of the 25
# training runs repeat what we already know about the other one. Random points try **25**
# different values of each hyperparameter, so whichever one turns out to be important has
# been explored 25 times. In $d$ dimensions a grid of $n$ trials gives only $n^{1/d}$
# values per axis.
#
# The surface below is a **synthetic** dev error (`tuning.response_surface`, a documented
# formula, not a training run) in which $\log_{10}\alpha$ matters a lot and the number of
# units very little. The red ticks under each plot are the points projected onto the
# $\alpha$ axis: the distinct learning rates each search actually tried.

# %%
n_trials = 25
grid = tuning.grid_search_points(n_trials, SEARCH_RANGES)
random_points = tuning.random_search_points(n_trials, SEARCH_RANGES, seed=0)
print("distinct values, grid:  ", tuning.distinct_values(grid))
print("distinct values, random:", tuning.distinct_values(random_points))

# the surface reaches a little past the search ranges, so the grid's end points are not
# drawn on the edges of the plot
la, hu = np.meshgrid(np.linspace(-4.3, 0.3, 185), np.linspace(0, 215, 108))
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True)
for ax, (name, pts) in zip(axes, [("grid", grid), ("random", random_points)]):
    cs = ax.contourf(la, hu, tuning.response_surface(la, hu), levels=12, cmap="viridis_r")
    ax.scatter(pts["log_alpha"], pts["hidden_units"], c="white", edgecolors="k", s=22)
    ax.scatter(pts["log_alpha"], np.full(n_trials, -12.0), marker="|", c="#c92a2a", s=80)
    count = tuning.distinct_values(pts)["log_alpha"]
    ax.set(xlabel=r"$\log_{10}\alpha$", xlim=(-4.3, 0.3), ylim=(-25, 215))
    ax.set_title(f"{name}: {count} values of alpha", fontsize=10)
axes[0].set_ylabel("hidden units")
fig.colorbar(cs, ax=axes, label="dev error (synthetic)")
plt.show()

assert tuning.distinct_values(grid) == {"log_alpha": 5, "hidden_units": 5}
assert tuning.distinct_values(random_points) == {"log_alpha": 25, "hidden_units": 25}

# %% [markdown]
# Does it pay off? Over many random seeds, the best point random search finds is on
# average better than the grid's best (on this surface, where one axis dominates):

# %%
grid_best = tuning.response_surface(grid["log_alpha"], grid["hidden_units"]).min()
random_best = np.array(
    [
        tuning.response_surface(**tuning.random_search_points(n_trials, SEARCH_RANGES, s)).min()
        for s in range(200)
    ]
)
print(
    f"grid best {grid_best:.4f}; random best: mean {random_best.mean():.4f}, "
    f"better than the grid in {100 * np.mean(random_best < grid_best):.0f} % of 200 seeds"
)
assert random_best.mean() < grid_best

# %% [markdown]
# Drag the slider: the number of alpha values the grid tries grows only like
# $\sqrt{n}$, while random search's grows like $n$.

# %%
search_dash = search_dashboard(n_trials=9)
search_dash

# %% [markdown]
# ## 3. Choosing the scale: log-scale sampling for alpha and beta
#
# Suppose $\alpha$ may lie anywhere in $[10^{-4}, 1]$. Sampled uniformly, 90 % of the
# trials land in $[0.1, 1]$ and fewer than 0.1 % in $[10^{-4}, 10^{-3}]$ (the exact share,
# $0.0009 / 0.9999$, is printed below), yet each **decade** is equally plausible. Sample the
# exponent instead:
#
# $$r \sim U[a, b], \qquad \alpha = 10^{r}, \qquad a = \log_{10}(\text{low}),\;
#   b = \log_{10}(\text{high}).$$
#
# For $[10^{-4}, 1]$ the lecture writes `r = -4 * np.random.rand()` and `alpha = 10 ** r`.
# **Common mistake:** some notes print `r = -4 * np.random.rand`, without the call; that
# multiplies a *function* by $-4$ and raises a `TypeError`.
#
# The momentum $\beta \in [0.9, 0.999]$ needs the same idea, applied to $1 - \beta
# \in [10^{-3}, 10^{-1}]$: $r \sim U[-3, -1]$, $\beta = 1 - 10^{r}$. The reason is the
# averaging window $\frac{1}{1 - \beta}$: near 1 it is extremely sensitive.

# %%
np.random.seed(1)  # noqa: NPY002 - the lecture's legacy generator
r = -4 * np.random.rand()  # noqa: NPY002 - note the call ()
np.random.seed(1)  # noqa: NPY002
assert np.isclose(tuning.sample_log_uniform(1e-4, 1), 10**r)

for b1, b2 in [(0.9, 0.9005), (0.999, 0.9995)]:
    w1, w2 = tuning.averaging_window(b1), tuning.averaging_window(b2)
    print(f"beta {b1} -> {b2}: window {w1:7.1f} -> {w2:7.1f} steps ({w2 / w1:.3f}x)")
assert np.isclose(tuning.averaging_window(0.9995) / tuning.averaging_window(0.999), 2.0)
assert tuning.averaging_window(0.9005) / tuning.averaging_window(0.9) < 1.01

# %%
n_samples = budget.pick(ci=5_000, full=50_000)
sample_rng = np.random.default_rng(3)
alpha_linear = sample_rng.uniform(1e-4, 1, n_samples)
alpha_log = tuning.sample_log_uniform(1e-4, 1, n_samples, sample_rng)
beta_linear = sample_rng.uniform(0.9, 0.999, n_samples)
beta_log = tuning.sample_beta(0.9, 0.999, n_samples, sample_rng)

fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.3))
decades = np.logspace(-4, 0, 17)
axes[0].hist(alpha_linear, bins=decades, alpha=0.6, label="uniform in alpha")
axes[0].hist(alpha_log, bins=decades, alpha=0.6, label="uniform in log10 alpha")
axes[0].set(
    xscale="log",
    xlabel=r"$\alpha$ (log axis)",
    ylabel="trials",
    title=r"Sampling $\alpha \in [10^{-4}, 1]$",
)
axes[0].legend(fontsize=8)
windows = np.logspace(1, 3, 17)
axes[1].hist(1 / (1 - beta_linear), bins=windows, alpha=0.6, label="uniform in beta")
axes[1].hist(1 / (1 - beta_log), bins=windows, alpha=0.6, label="uniform in log10(1 - beta)")
axes[1].set(
    xscale="log",
    xlabel=r"averaging window $1/(1-\beta)$ (log axis)",
    title=r"Sampling $\beta \in [0.9, 0.999]$",
)
axes[1].legend(fontsize=8)
fig.tight_layout()
plt.show()

share_small = lambda x: np.mean(x < 1e-3)  # noqa: E731
exact = {
    "alpha in [1e-4, 1e-3], uniform": (1e-3 - 1e-4) / (1 - 1e-4),
    "alpha in [1e-4, 1e-3], log scale": 1 / 4,  # one decade of four
    "beta > 0.99, uniform": (0.999 - 0.99) / (0.999 - 0.9),
    "beta > 0.99, log scale": 1 / 2,  # 1 - beta < 10^-2: r in [-3, -2] of [-3, -1]
}
sampled = [share_small(alpha_linear), share_small(alpha_log)]
sampled += [np.mean(beta_linear > 0.99), np.mean(beta_log > 0.99)]
print(f"{'share of trials':34s} {'exact':>8s} {f'in {n_samples:,} samples':>18s}")
for (name, value), seen in zip(exact.items(), sampled):
    print(f"{name:34s} {value:8.2%} {seen:18.2%}")
assert exact["alpha in [1e-4, 1e-3], uniform"] < 0.001  # "fewer than 0.1 %"
assert abs(sampled[1] - 0.25) < 0.03 and abs(sampled[3] - 0.5) < 0.03
assert abs(sampled[2] - exact["beta > 0.99, uniform"]) < 0.02

# %% [markdown]
# On the left the log-scale sampler gives every decade of $\alpha$ the same number of
# trials; uniform sampling leaves the small learning rates almost untried. On the right,
# sampled uniformly, only about 9 % of the $\beta$s land above 0.99 (windows over 100
# steps), although that is half of the range of windows; on the log scale half do.
#
# ### Your turn: a log-scale sampler
# Write `sample_learning_rate(low, high, size, seed)`: draw `u` with
# `np.random.default_rng(seed).random(size)`, set $a = \log_{10}$ low, $b = \log_{10}$
# high, $r = b - (b - a)\,u$ (for $[10^{-4}, 1]$ that is the lecture's $r = -4u$), and
# return $10^{r}$.


# %%
def sample_learning_rate(low, high, size, seed):
    """size learning rates, uniform in log10 over [low, high] -> array (size,)."""
    # YOUR CODE HERE (about 4 lines)
    raise NotImplementedError


check_sample_learning_rate(sample_learning_rate)

# %% [markdown]
# ## 4. Coarse to fine
#
# A search rarely ends after one round. Sample the whole space coarsely, notice where the
# good points cluster, then draw a new, denser set of random points in a smaller box
# around the best one. `tuning.coarse_to_fine` does two rounds; here on the synthetic
# surface, both rounds on one plot:

# %%
search = tuning.coarse_to_fine(
    tuning.response_surface, SEARCH_RANGES, n_coarse=20, n_fine=20, zoom=0.25, seed=4
)
coarse, fine = search["coarse"], search["fine"]
(x0, x1), (y0, y1) = fine["ranges"]["log_alpha"], fine["ranges"]["hidden_units"]

fig, ax = plt.subplots(figsize=(6.5, 4.4), layout="constrained")
cs = ax.contourf(la, hu, tuning.response_surface(la, hu), levels=12, cmap="viridis_r")
ax.scatter(
    coarse["points"]["log_alpha"],
    coarse["points"]["hidden_units"],
    c="white",
    edgecolors="k",
    s=25,
    label=f"round 1 (coarse): best {coarse['best_value']:.4f}",
)
ax.add_patch(plt.Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, ec="#e8590c", lw=2))
ax.scatter(
    fine["points"]["log_alpha"],
    fine["points"]["hidden_units"],
    c="#e8590c",
    edgecolors="k",
    s=18,
    label=f"round 2 (fine): best {fine['best_value']:.4f}",
)
ax.set(xlabel=r"$\log_{10}\alpha$", ylabel="hidden units", title="Coarse to fine")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
fig.colorbar(cs, ax=ax, label="dev error (synthetic)")
plt.show()
assert fine["best_value"] <= coarse["best_value"]
assert x0 <= coarse["best"]["log_alpha"] <= x1

# %% [markdown]
# The same procedure on a **real** objective: the dev error of a small network
# $[2, 16, 1]$ on the two-moons data, trained by gradient descent with momentum, as a
# function of $\alpha$ (log scale) and $\beta$. Each trial starts from the same weights. To
# sample $\beta$ on its log scale we search over $\log_{10}(1 - \beta)$.

# %%
X_moons, y_moons = make_moons(500, noise=0.25, random_state=0)
X_moons, Y_moons = X_moons.T, y_moons.reshape(1, -1).astype(float)
X_tr, Y_tr, X_dev, Y_dev = X_moons[:, :350], Y_moons[:, :350], X_moons[:, 350:], Y_moons[:, 350:]
momentum_error = tuning.momentum_objective(
    X_tr, Y_tr, X_dev, Y_dev, [2, 16, 1], num_epochs=budget.pick(ci=150, full=400)
)


def dev_error(learning_rate, log_one_minus_beta):
    return momentum_error(learning_rate=learning_rate, beta=1 - 10**log_one_minus_beta)


real = tuning.coarse_to_fine(
    dev_error,
    {"learning_rate": (1e-3, 3.0, "log"), "log_one_minus_beta": (-3.0, -1.0)},
    n_coarse=budget.pick(ci=10, full=30),
    n_fine=budget.pick(ci=8, full=20),
    zoom=0.3,
    seed=0,
)
best = real["best"]
print(
    f"best dev error {100 * real['best_value']:.1f} % at alpha = {best['learning_rate']:.3g}, "
    f"beta = {1 - 10 ** best['log_one_minus_beta']:.4f}"
)
worst = max(real["coarse"]["values"])
print(f"the worst coarse trial had a dev error of {100 * worst:.1f} %")

fig, ax = plt.subplots(figsize=(6, 3.6))
for name, rnd, colour in [("coarse", real["coarse"], "0.4"), ("fine", real["fine"], "#e8590c")]:
    ax.scatter(rnd["points"]["learning_rate"], 100 * rnd["values"], c=colour, label=name, s=20)
ax.set(
    xscale="log",
    xlabel=r"learning rate $\alpha$",
    ylabel="dev error (%)",
    title="Real trials: dev error of [2, 16, 1] with momentum",
)
ax.legend()
plt.show()
assert real["best_value"] < 0.15 and worst > real["best_value"]

# %% [markdown]
# Is the learning rate really the knob that matters most (section 1)? A fair test must not
# hang on one lucky trial, so train an $8 \times 8$ grid of trials over both ranges (a grid
# is right here: we want each value's effect, not the best point), average each row over
# the other hyperparameter, and compare how far the averages move:

# %%
alphas, one_minus_betas = np.geomspace(1e-3, 3, 8), np.geomspace(1e-3, 0.1, 8)
trials = np.array(
    [[momentum_error(learning_rate=a, beta=1 - r) for r in one_minus_betas] for a in alphas]
)  # trials[i, j]: dev error at alpha_i, beta_j
mean_error = {"alpha": trials.mean(axis=1), "beta": trials.mean(axis=0)}  # averaged over the other
spread = {name: np.ptp(means) for name, means in mean_error.items()}
ratio = spread["alpha"] / spread["beta"]
print("mean dev error (%) over the 8 betas, for alpha = 1e-3 ... 3:")
print("  " + " ".join(f"{100 * e:5.1f}" for e in mean_error["alpha"]))
print("mean dev error (%) over the 8 alphas, for beta = 0.999 ... 0.9:")
print("  " + " ".join(f"{100 * e:5.1f}" for e in mean_error["beta"]))
print(
    f"the learning rate moves the mean dev error {ratio:.1f} times as far as beta"
    f" ({100 * spread['alpha']:.1f} against {100 * spread['beta']:.1f} points)"
)
print(f"one dev example is {100 / Y_dev.shape[1]:.2f} points; each mean averages 8 trials")
assert Y_dev.shape[1] == 150  # "150 dev examples" below
assert ratio > 1.2  # the learning rate matters more, in either run size

# %% [markdown]
# Averaged over the other hyperparameter, the learning rate moves the dev error further
# than $\beta$ does; the printout says how much further in this run. Trust the direction
# more than the number: the ratio depends on the ranges searched and on how long each trial
# trains (a longer run lets a small $\alpha$ catch up), and with 150 dev examples a single
# example is worth 0.67 points. It is a rule of thumb, not a law: $\beta$ matters too.

# %% [markdown]
# ## 5. Re-testing, and pandas vs caviar
#
# Good hyperparameters go **stale**: the data grows, the hardware changes, the code
# changes. Re-evaluate them every few months rather than treating last year's values as
# settled. Ideas also travel between fields (a setting that works for speech may help for
# images), so read beyond your own area.
#
# How to search depends on the compute you have:
#
# - **Pandas** (one precious child): with little compute, *babysit* one model. Watch its
#   learning curve day by day, nudge the learning rate up or down, keep what helps.
# - **Caviar** (many eggs, no attention to each): with enough machines, train many models
#   in parallel with different settings and keep the best.
#
# Everything in sections 2-4 is the caviar way in miniature.

# %% [markdown]
# ## 6. Batch norm: the forward pass
#
# Normalising the inputs $X$ to mean 0 and variance 1 speeds up training (lesson 3). Batch
# norm does the same for the inputs of **every** layer: for layer $l$, it normalises the
# pre-activations $z^{[l]}$ over the current mini-batch, before the activation (not the
# weights, as some notes say). Per unit, over the $m$ examples of the mini-batch:
#
# $$\mu = \frac{1}{m}\sum_i z^{(i)}, \qquad \sigma^2 = \frac{1}{m}\sum_i (z^{(i)} - \mu)^2,
#   \qquad z^{(i)}_{\text{norm}} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}},
#   \qquad \tilde z^{(i)} = \gamma\, z^{(i)}_{\text{norm}} + \beta.$$
#
# $\varepsilon$ only guards against $\sigma^2 = 0$ (we use $10^{-8}$; Keras uses
# $10^{-3}$). $\gamma$ and $\beta$, of shape $(n^{[l]}, 1)$, are **learned** like the
# weights: they let the layer choose the mean and spread of $\tilde z$, so BN does not
# force every unit to mean 0 and variance 1 (a sigmoid would then stay in its linear
# part). With $\gamma = \sqrt{\sigma^2 + \varepsilon}$ and $\beta = \mu$ BN undoes itself.
# This $\beta$ has nothing to do with momentum's $\beta$.
#
# In `course_lib`, `batchnorm_forward(Z, gamma, beta, bn_param)` returns `(Z_tilde,
# cache)`, with `Z` of shape $(n^{[l]}, m)$; `bn_param` says train or test mode and holds
# the running averages of section 9.

# %%
rng = np.random.default_rng(2)
Z = rng.standard_normal((3, 64)) * np.array([[0.5], [3.0], [10.0]]) + np.array([[5], [-2], [0]])
gamma, beta = np.array([[1.0], [2.0], [0.5]]), np.array([[0.0], [1.0], [-1.0]])
Z_tilde, cache = bn.batchnorm_forward(Z, gamma, beta, {"mode": "train"})
print("mean of Z per unit:      ", Z.mean(axis=1).round(2), " std:", Z.std(axis=1).round(2))
print(
    "mean of Z_tilde per unit:",
    Z_tilde.mean(axis=1).round(2),
    " std:",
    Z_tilde.std(axis=1).round(2),
)
assert np.allclose(Z_tilde.mean(axis=1, keepdims=True), beta)
assert np.allclose(Z_tilde.std(axis=1, keepdims=True), gamma, rtol=1e-6)

undo, _ = bn.batchnorm_forward(
    Z,
    np.sqrt(Z.var(axis=1, keepdims=True) + 1e-8),
    Z.mean(axis=1, keepdims=True),
    {"mode": "train"},
)
assert np.allclose(undo, Z)  # gamma = sqrt(sigma^2 + eps), beta = mu gives back z

# %% [markdown]
# ### Your turn: the training-mode forward pass
# Write `batchnorm_forward_train(Z, gamma, beta, epsilon)` returning $\tilde Z$ with the
# four equations above. Averages are over the examples, i.e. along `axis=1`, with
# `keepdims=True` so $\mu$ and $\sigma^2$ keep the shape $(n^{[l]}, 1)$; the variance
# divides by $m$ (not $m - 1$).


# %%
def batchnorm_forward_train(Z, gamma, beta, epsilon=1e-8):
    """Z: (n, m), gamma, beta: (n, 1) -> Z_tilde: (n, m), normalised over the m examples."""
    # YOUR CODE HERE (about 4 lines)
    raise NotImplementedError


check_batchnorm_forward_train(batchnorm_forward_train)

# %% [markdown]
# ## 7. The backward pass, derived and gradient-checked
#
# Backpropagating through BN is not just $dz = \gamma\, d\tilde z / \sqrt{\sigma^2 +
# \varepsilon}$: $\mu$ and $\sigma^2$ are computed **from** the $z^{(i)}$, so every
# example's $z$ influences every other example's output. Take one unit and its $m$ values
# $z^{(1)}, \dots, z^{(m)}$ in the mini-batch; write $s = \sqrt{\sigma^2 + \varepsilon}$,
# $\hat z^{(j)} = z^{(j)}_{\text{norm}} = (z^{(j)} - \mu)/s$, and $\langle\cdot\rangle$ for the
# mean over the mini-batch. As everywhere in the course, $d\tilde z^{(j)}$ is the
# gradient of the loss of example $j$ (no $\frac1m$), and the $\frac1m$ enters only the
# parameter gradients.
#
# **Step 1, $\gamma$ and $\beta$.** $\tilde z^{(j)} = \gamma \hat z^{(j)} + \beta$, so
# $d\hat z^{(j)} = \gamma\, d\tilde z^{(j)}$, and summing over the examples,
# $d\gamma = \frac1m \sum_j d\tilde z^{(j)} \hat z^{(j)}$ and
# $d\beta = \frac1m \sum_j d\tilde z^{(j)}$.
#
# **Step 2, the two statistics.** $\mu = \frac1m \sum_i z^{(i)}$ gives
# $\partial\mu/\partial z^{(i)} = \frac1m$. $\sigma^2 = \frac1m \sum_j (z^{(j)} - \mu)^2$
# gives $\partial\sigma^2/\partial z^{(i)} = \frac2m (z^{(i)} - \mu)$: the term through $\mu$,
# $-\frac2m \sum_j (z^{(j)} - \mu) \cdot \frac1m$, vanishes because the deviations sum to 0.
# Hence $\partial s / \partial z^{(i)} = \frac{1}{2s}\cdot\frac2m (z^{(i)} - \mu) =
# \hat z^{(i)} / m$.
#
# **Step 3, one normalised value.** By the quotient rule, with $\delta_{ij} = 1$ if
# $i = j$ and 0 otherwise,
#
# $$\frac{\partial \hat z^{(j)}}{\partial z^{(i)}}
#   = \frac{\delta_{ij} - \frac1m}{s} - \frac{z^{(j)} - \mu}{s^2}\cdot\frac{\hat z^{(i)}}{m}
#   = \frac1s\Big(\delta_{ij} - \frac1m - \frac{\hat z^{(i)}\hat z^{(j)}}{m}\Big).$$
#
# **Step 4, the chain rule over all $j$.** Every $\hat z^{(j)}$ depends on $z^{(i)}$, so
#
# $$dz^{(i)} = \sum_{j=1}^m d\hat z^{(j)} \frac{\partial \hat z^{(j)}}{\partial z^{(i)}}
#   = \frac{1}{s}\Big( d\hat z^{(i)} - \langle d\hat z \rangle
#   - \hat z^{(i)} \langle d\hat z \odot \hat z \rangle \Big).$$
#
# The first term is the naive answer, the second is the path through $\mu$, the last the
# path through $\sigma^2$. (In test mode $\mu$ and $\sigma^2$ are fixed running averages,
# only the first term remains.) Below, these four lines of NumPy are compared with
# course_lib's `batchnorm_backward`, and both with numerical gradients from the checker,
# which perturbs each entry and compares:

# %%
Z_small = rng.standard_normal((3, 8)) * 2 + 1
inputs = {
    "Z": Z_small,
    "gamma": np.array([[1.5], [0.7], [1.0]]),
    "beta": rng.standard_normal((3, 1)),
}
dout = np.random.default_rng(99).standard_normal(Z_small.shape)


def bn_train(Z, gamma, beta):
    return bn.batchnorm_forward(Z, gamma, beta, {"mode": "train"})


def bn_backward(d_out, bn_cache):
    dZ, dgamma, dbeta = bn.batchnorm_backward(d_out, bn_cache)
    return {"dZ": dZ, "dgamma": dgamma, "dbeta": dbeta}


# Step 4, written out for all units at once
def batch_mean(A):  # <.>: the mean over the m examples of each unit
    return A.mean(axis=1, keepdims=True)


_, derivation_cache = bn_train(**inputs)
s_batch = np.sqrt(Z_small.var(axis=1, keepdims=True) + 1e-8)
z_hat = (Z_small - batch_mean(Z_small)) / s_batch
dz_hat = inputs["gamma"] * dout
dz_derived = (dz_hat - batch_mean(dz_hat) - z_hat * batch_mean(dz_hat * z_hat)) / s_batch
dz_library = bn.batchnorm_backward(dout, derivation_cache)[0]
print(f"derived dZ vs course_lib's batchnorm_backward: {np.abs(dz_derived - dz_library).max():.1e}")
assert np.allclose(dz_derived, dz_library, rtol=1e-10, atol=1e-12)

errors = check_backward(bn_train, bn_backward, inputs, wrt=["Z"], dout=dout)
errors.update(
    check_backward(
        bn_train, bn_backward, inputs, ["gamma", "beta"], dout=dout, scale=1 / Z_small.shape[1]
    )
)  # the 1/m of dgamma and dbeta


def naive_backward(d_out, bn_cache):  # forgets that mu and sigma^2 depend on Z
    return {"dZ": bn_cache["gamma"] * d_out * bn_cache["inv_std"]}


def derived_backward(d_out, bn_cache):  # step 4, from the forward pass's cache
    zh, dzh = bn_cache["Z_norm"], bn_cache["gamma"] * d_out
    return {"dZ": bn_cache["inv_std"] * (dzh - batch_mean(dzh) - zh * batch_mean(dzh * zh))}


derived_check = check_backward(bn_train, derived_backward, inputs, wrt=["Z"], dout=dout)
errors["Z (derived here)"] = derived_check["Z"]
naive = check_backward(bn_train, naive_backward, inputs, wrt=["Z"], dout=dout)["Z"]
print_values("relative differences", errors)
print(f"without the mu and sigma^2 paths: {naive:.1e}")
assert max(errors.values()) < 1e-7 and naive > 1e-2

# %% [markdown]
# ## 8. Batch norm inside a network
#
# In a network, BN sits between the linear step and the activation of each hidden layer:
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} \;\to\; \tilde Z^{[l]} = \text{BN}_{\gamma^{[l]},
#   \beta^{[l]}}(Z^{[l]}) \;\to\; A^{[l]} = g^{[l]}(\tilde Z^{[l]}).$$
#
# The bias $b^{[l]}$ is **dropped**: subtracting the mini-batch mean would cancel any
# constant added to $Z^{[l]}$, and $\beta^{[l]}$ takes over its role. (Putting BN after the
# activation is a variant seen in practice; the course normalises before it.) The
# parameters are then $W^{[l]}, \gamma^{[l]}, \beta^{[l]}$ for the hidden layers, and
# gradient descent (or momentum, Adam, ...) updates $\gamma$ and $\beta$ like $W$. First
# the whole network's gradients, checked:

# %%
X_check = rng.standard_normal((3, 10))
Y_check = (rng.random((1, 10)) > 0.5).astype(float)
net = bn.initialize_parameters_bn([3, 5, 4, 1], batch_norm=True, seed=2)
net = {
    k: v + 0.3 * rng.standard_normal(v.shape) if not k.startswith("W") else v
    for k, v in net.items()
}
AL, caches, _ = bn.L_model_forward_bn(X_check, net)
grads = bn.L_model_backward_bn(AL, Y_check, caches)
print("parameters:", sorted(net))
difference = gradient_check(
    lambda p: compute_cost(bn.L_model_forward_bn(X_check, p)[0], Y_check), net, grads
)
print(f"gradient check of the whole network: {difference:.1e}")
assert "b1" not in net and "gamma1" in net and difference < 1e-7

# %% [markdown]
# Now train the same architecture, $[2, 16, 16, 16, 1]$, from the same weights, with and
# without BN, by mini-batch gradient descent (mini-batches of 64, reshuffled every epoch)
# on 1,000 two-moons examples. `bn.model` writes only the step; the shared
# `training.train_loop` runs the epochs.

# %%
X, y = make_moons(1000, noise=0.2, random_state=0)
X, Y = X.T, y.reshape(1, -1).astype(float)
dims = [2, 16, 16, 16, 1]
num_epochs = budget.pick(ci=15, full=30)
runs = {}
for learning_rate in (0.02, 0.1):
    for use_bn in (True, False):
        runs[learning_rate, use_bn] = bn.model(
            X,
            Y,
            dims,
            batch_norm=use_bn,
            learning_rate=learning_rate,
            mini_batch_size=64,
            num_epochs=num_epochs,
            seed=1,
            probe=(X[:, :300], 3, None),
        )

fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.4), sharey=True)
for ax, learning_rate in zip(axes, (0.02, 0.1)):
    for use_bn, colour in ((True, "C0"), (False, "C3")):
        costs = runs[learning_rate, use_bn]["costs"]
        ax.plot(
            range(1, num_epochs + 1),
            costs,
            "o-",
            ms=3,
            color=colour,
            label=f"{'with' if use_bn else 'without'} BN: final J = {costs[-1]:.3f}",
        )
    ax.set(xlabel="epoch", title=rf"$\alpha$ = {learning_rate}")
    ax.legend()
    ax.grid(alpha=0.3)
axes[0].set_ylabel("cost J (mean over the epoch)")
fig.tight_layout()
plt.show()


def epochs_to_reach(costs, target=0.25):
    """The first epoch (1-based) whose cost is below target, or None if never."""
    below = np.flatnonzero(np.asarray(costs) < target)
    return int(below[0]) + 1 if below.size else None


def describe(epoch):
    return f"epoch {epoch}" if epoch else "never"


for learning_rate in (0.02, 0.1):
    with_bn, plain = runs[learning_rate, True]["costs"], runs[learning_rate, False]["costs"]
    print(
        f"alpha = {learning_rate}: mean cost over {num_epochs} epochs {np.mean(with_bn):.3f} "
        f"with BN, {np.mean(plain):.3f} without;\n  J < 0.25 reached: "
        f"{describe(epochs_to_reach(with_bn))} with BN, {describe(epochs_to_reach(plain))} without"
    )
    assert np.mean(with_bn) < 0.8 * np.mean(plain)  # lower all along: faster training
    assert epochs_to_reach(with_bn) is not None
assert runs[0.02, True]["costs"][-1] < runs[0.02, False]["costs"][-1]
assert epochs_to_reach(runs[0.02, False]["costs"]) is None
late = epochs_to_reach(runs[0.1, False]["costs"])
assert late is not None and late > epochs_to_reach(runs[0.1, True]["costs"])
gains = [np.mean(runs[a, False]["costs"]) - np.mean(runs[a, True]["costs"]) for a in (0.02, 0.1)]
assert gains[0] > gains[1]  # the gain is largest at the small learning rate

# %% [markdown]
# With BN the cost falls faster at both learning rates: its curve lies below the other
# one and it reaches $J < 0.25$ in far fewer epochs. The gain is largest at the small
# learning rate, where the plain network never gets there in this budget; at
# $\alpha = 0.1$ it does, only later. One reason is that without BN the later layers keep receiving
# inputs whose scale the earlier layers change, which section 10 makes visible.
#
# ## 9. Batch norm at test time
#
# At test time there may be a single example, whose "mini-batch mean" is the example
# itself: $z - \mu = 0$ for every unit, and the network's output no longer depends on its
# input. Instead, during training we keep an exponentially weighted average of each
# layer's $\mu$ and $\sigma^2$ over the mini-batches,
#
# $$\mu_{\text{run}} := \beta_{\text{bn}}\, \mu_{\text{run}} + (1 - \beta_{\text{bn}})\,\mu,
#   \qquad \sigma^2_{\text{run}} := \beta_{\text{bn}}\, \sigma^2_{\text{run}}
#   + (1 - \beta_{\text{bn}})\,\sigma^2,$$
#
# (here $\beta_{\text{bn}} = 0.9$, Keras's `momentum`, default 0.99) and at test time use
# $z_{\text{norm}} = (z - \mu_{\text{run}})/\sqrt{\sigma^2_{\text{run}} + \varepsilon}$,
# $\tilde z = \gamma z_{\text{norm}} + \beta$. Predictions then no longer depend on which
# other examples are in the batch.

# %%
trained = runs[0.1, True]
params, bn_params = trained["parameters"], trained["bn_params"]
one_by_one = np.hstack([bn.predict_bn(X[:, [i]], params, bn_params) for i in range(50)])
all_at_once = bn.predict_bn(X[:, :50], params, bn_params)
accuracy = np.mean(bn.predict_bn(X, params, bn_params) == Y)

# The wrong way: normalise a single example with its own (batch) statistics.
single_train_mode = np.hstack(
    [bn.L_model_forward_bn(X[:, [i]], params, bn_params, mode="train")[0] for i in range(50)]
)
print(f"training accuracy with running averages: {100 * accuracy:.1f} %")
print(
    "one example at a time in train mode, distinct outputs:",
    np.unique(single_train_mode.round(12)).size,
)
print("running mean of layer 1 (first 4 units):", bn_params[0]["running_mean"][:4].ravel().round(3))
assert np.array_equal(one_by_one, all_at_once) and accuracy > 0.9
assert np.unique(single_train_mode.round(12)).size == 1  # the input no longer matters

# %% [markdown]
# ## 10. Why batch norm works
#
# Two intuitions. First, like input normalisation, it puts every layer's inputs on a
# similar scale, which makes the cost easier to descend. Second, it limits **covariate
# shift** inside the network: from layer 3's point of view, its inputs come from layers 1
# and 2, whose weights change at every step, so the distribution it has to learn from keeps
# moving. With BN, however the earlier weights change, each unit's $\tilde z$ keeps the mean
# $\beta$ and standard deviation $\gamma$ that the layer learns, so later layers can learn
# more independently of earlier ones.
#
# We recorded, before and after every epoch, what each unit of layer 3 feeds its ReLU on
# 300 fixed examples (`probe` in `bn.model`). With BN that is $\tilde z$, normalised with
# the 300 examples' own mean and variance, so its mean over them is **exactly** $\beta_j$
# and its standard deviation exactly $\gamma_j$ (up to $\varepsilon$): its drift only
# measures how far $\beta$ moves, true by construction. The real question is what BN
# absorbs, so we also follow the BN network's $z^{[3]}$ *before* normalisation (`bn.model`
# records it from the same forward pass, as `probe_before_norm`). Left: one unit's mean
# $\pm$ one standard deviation; right: how far each unit's mean moves over training, in
# units of its starting standard deviation.


# %%
def drift(probe):
    """Total movement of each unit's mean, in units of its initial std -> (n_units,)."""
    means, stds = probe.mean(axis=2), probe.std(axis=2)
    return np.abs(np.diff(means, axis=0)).sum(axis=0) / stds[0]


bn_run = runs[0.1, True]
probes = {
    "BN: z tilde": (bn_run["probe"], "C0", "-"),
    "BN: z before norm": (bn_run["probe_before_norm"], "C0", "--"),
    "without BN: z": (runs[0.1, False]["probe"], "C3", "-"),
}  # each (epochs + 1, units, examples)
# With BN the probe's z tilde has mean beta and std |gamma| exactly, by construction.
end = bn_run["probe"][-1]
assert np.allclose(end.mean(axis=1), bn_run["parameters"]["beta3"].ravel())
assert np.allclose(end.std(axis=1), np.abs(bn_run["parameters"]["gamma3"].ravel()), atol=1e-6)

unit = 0
fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.6), layout="constrained")
drifts = {}
for name, (probe, colour, style) in probes.items():
    mean, std = probe[:, unit].mean(axis=1), probe[:, unit].std(axis=1)
    axes[0].plot(mean, color=colour, ls=style, label=name)
    axes[0].fill_between(range(len(mean)), mean - std, mean + std, color=colour, alpha=0.12)
    drifts[name] = drift(probe)
axes[0].set(xlabel="epoch", ylabel="value, mean ± std", title=f"Unit {unit} of layer 3")
axes[0].title.set_fontsize(10)
axes[0].set_ylim(top=axes[0].get_ylim()[1] + 2.0)  # room for the legend above the bands
axes[0].legend(loc="upper left", ncol=2, fontsize=8)
axes[1].boxplot(list(drifts.values()))
axes[1].set_xticks([1, 2, 3], ["BN: z tilde\n(= beta)", "BN: z before\nnorm", "without BN"])
axes[1].set(ylabel="total drift of the mean / initial std", title="All 16 units of layer 3")
axes[1].title.set_fontsize(10)
plt.show()
medians = {name: np.median(d) for name, d in drifts.items()}
print_values("median drift", medians, "{:.3f}")
# the z that BN normalises moves far less than without BN (BN steadies the layers below) ...
assert medians["BN: z before norm"] < 0.5 * medians["without BN: z"]
# ... and z tilde, pinned to beta and gamma, moves less still
assert medians["BN: z tilde"] < medians["BN: z before norm"]

# %% [markdown]
# The BN network's $z^{[3]}$ before normalisation drifts far less than the plain network's
# $z^{[3]}$: batch norm in layers 1 and 2 already steadies what reaches layer 3. What is
# left of that drift is then absorbed by the normalisation: layer 3's ReLU sees only
# $\tilde z$, which moves only as fast as $\beta$ and $\gamma$ are learned.

# %% [markdown]
# Try it yourself: the dashboard retrains both networks when you release the learning-rate
# slider or pick a mini-batch size from the menu.
# Watch what a very small mini-batch does to BN (its statistics become noisy), and how a
# large learning rate affects the network without BN.

# %%
bn_dash = batch_norm_dashboard(
    X, Y, dims, learning_rate=0.1, mini_batch_size=64, num_epochs=budget.pick(ci=5, full=15)
)
bn_dash

# %% [markdown]
# ## 11. Batch norm as a slight regulariser
#
# Each mini-batch's $\mu$ and $\sigma^2$ are estimates from a few examples, so the same
# example gets a slightly different $\tilde z$ depending on which other examples share its
# mini-batch. That noise, like dropout's, discourages later units from relying too much on
# any exact value, a mild regularising effect. Bigger mini-batches give better estimates and
# less noise, so less regularisation. It is a side effect: use dropout or L2 when you want
# regularisation, not BN. Below, the spread of one example's $z_{\text{norm}}$ across 200
# random mini-batches that contain it, using layer 1's pre-activations of the trained net:

# %%
Z1 = params["W1"] @ X  # layer 1's pre-activations for all 1,000 examples
sizes = [4, 8, 16, 32, 64, 128, 256, 512]
noise = bn.batch_noise(Z1, example=0, batch_sizes=sizes, n_draws=budget.pick(ci=100, full=400))
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.loglog(sizes, list(noise.values()), "o-", label="measured")
ax.loglog(
    sizes,
    noise[64] * np.sqrt(64 / np.array(sizes)),
    "--",
    color="0.5",
    label=r"$\propto 1/\sqrt{m_t}$",
)
ax.set(
    xlabel="mini-batch size $m_t$",
    ylabel=r"std of the example's $z_{norm}$",
    title="Smaller mini-batches, noisier normalisation",
)
for axis in (ax.xaxis, ax.yaxis):  # plain numbers instead of 4 x 10^-1 on the log axes
    axis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}"))
    axis.set_minor_formatter(plt.NullFormatter())
ax.set_yticks([0.05, 0.1, 0.2, 0.4])
ax.legend()
plt.show()
values = list(noise.values())
assert all(a > b for a, b in zip(values, values[1:])) and noise[4] > 4 * noise[256]

# %% [markdown]
# In the middle the noise falls like $1/\sqrt{m_t}$, as an average over $m_t$ examples
# should. Two ends bend away: with 4 examples $|z_{\text{norm}}|$ cannot exceed
# $\sqrt{3}$, which caps the spread, and a mini-batch of 512 is half of the 1,000
# examples, so its statistics are already close to those of the whole set.
#
# ## 12. The Keras twin
#
# Keras has the layer: `keras.layers.BatchNormalization`. `batch_norm_tf.py` builds it
# from our $\gamma$, $\beta$ and running averages, with the course's settings: Keras's
# defaults are `momentum=0.99` and `epsilon=1e-3`, and its `momentum` is our
# $\beta_{\text{bn}}$. Keras keeps examples in rows, so the twin feeds $Z^T$. The forward
# pass in both modes, the moving-average update and the gradients (from a
# `tf.GradientTape`) agree with the NumPy version to float32 precision:

# %%
from course_lib.c2_improving_dnns import batch_norm_tf  # noqa: E402

param = {
    "mode": "train",
    "momentum": 0.9,
    "epsilon": 1e-8,
    "running_mean": np.zeros((3, 1)),
    "running_var": np.ones((3, 1)),
}
out_np, cache_np = bn.batchnorm_forward(Z, gamma, beta, param)
out_tf, cache_tf = batch_norm_tf.batchnorm_forward(Z, gamma, beta, param)
d_tilde = np.random.default_rng(7).standard_normal(Z.shape)
grads_np = bn.batchnorm_backward(d_tilde, cache_np)
grads_tf = batch_norm_tf.batchnorm_backward(d_tilde, cache_tf)
layer = batch_norm_tf.build_batchnorm_layer(gamma, beta, param)
print(f"Keras layer: momentum {layer.momentum}, epsilon {layer.epsilon:g}")
print("largest difference, forward:", f"{np.abs(out_np - out_tf).max():.1e}")
for name, a, b in zip(("dZ", "dgamma", "dbeta"), grads_np, grads_tf):
    print(f"largest difference, {name}: {np.abs(a - b).max():.1e}")
assert np.allclose(out_np, out_tf, atol=1e-5)
assert all(np.allclose(a, b, rtol=1e-4, atol=1e-5) for a, b in zip(grads_np, grads_tf))
assert np.allclose(
    cache_np["bn_param"]["running_var"], cache_tf["bn_param"]["running_var"], rtol=1e-5
)

# %% [markdown]
# ## Summary
#
# - Tune the learning rate first; momentum, hidden units and mini-batch size next; Adam's
#   $\beta_1, \beta_2, \varepsilon$ hardly ever.
# - Use **random** points, not a grid: $n$ trials then try $n$ values of every
#   hyperparameter instead of $n^{1/d}$. Zoom in **coarse to fine**.
# - Sample on the right **scale**: $\alpha = 10^r$ with $r \sim U[a, b]$; for momentum sample
#   $1 - \beta$ that way, because $\frac{1}{1-\beta}$ is very sensitive near 1
#   (0.999 -> 0.9995 doubles the window).
# - Re-test hyperparameters now and then; babysit one model (panda) or run many (caviar)
#   depending on your compute.
# - **Batch norm** normalises each hidden layer's $z$ over the mini-batch, then scales and
#   shifts it with learned $\gamma, \beta$; $b^{[l]}$ becomes redundant. Its backward pass
#   must include the paths through $\mu$ and $\sigma^2$.
# - It speeds up training, keeps later layers' inputs stable, adds a little regularising
#   noise (less with bigger mini-batches), and at test time uses running averages of
#   $\mu$ and $\sigma^2$.
# - In Keras: `BatchNormalization(momentum=..., epsilon=...)`; mind its defaults 0.99 and
#   $10^{-3}$.
