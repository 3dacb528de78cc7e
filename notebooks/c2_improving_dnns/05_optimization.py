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
# # Optimisation algorithms: mini-batches, momentum, RMSprop, Adam, learning-rate decay
#
# *Course 2 (Improving Deep Neural Networks), week 2. Curriculum items C2.34-C2.53.*
#
# Plain gradient descent takes one careful step per pass over the whole training set, in
# the direction of steepest descent. This lesson makes each of those choices better:
#
# 1. take a step after every **mini-batch** instead of after all $m$ examples;
# 2. smooth noisy numbers with an **exponentially weighted average**, and correct its bias;
# 3. use that average of the gradients as a **velocity** (momentum);
# 4. scale every coordinate by its own gradient size (**RMSprop**), and combine both
#    (**Adam**), with a dashboard that draws all four optimisers' paths live;
# 5. train the same network on two moons with each optimiser;
# 6. shrink the learning rate as training goes on (**learning-rate decay**);
# 7. see why saddle points and plateaus, not bad local minima, are what slows training;
# 8. check that Keras's optimisers, configured correctly, give the same numbers.
#
# Every function lives in `course_lib/c2_improving_dnns/` (`mini_batches.py`, `ewma.py`,
# `optimizers.py`, `lr_decay.py`, `loss_surfaces.py`, with Keras twins in
# `optimizers_tf.py`); `course_lib.where("C2.45")` says where an item is taught and tested.

# %%
from course_lib.lesson import print_values, start_lesson

lesson = start_lesson("C2 - Optimization algorithms", seed=1)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import ewma, loss_surfaces, lr_decay
from course_lib.c2_improving_dnns import optimizers as opt
from course_lib.c2_improving_dnns.ewma_dashboard import ewma_dashboard
from course_lib.c2_improving_dnns.mini_batches import random_mini_batches
from course_lib.c2_improving_dnns.optimizers_checks import (
    check_random_mini_batches,
    check_update_parameters_with_adam,
)
from course_lib.c2_improving_dnns.optimizers_dashboard import (
    PATH_COLOURS,
    lr_decay_dashboard,
    mini_batch_costs,
    mini_batch_dashboard,
    optimizer_paths_dashboard,
)

# %% [markdown]
# ## 1. Mini-batch gradient descent
#
# With $m = 5{,}000{,}000$ examples, one step of batch gradient descent needs a forward and
# a backward pass over all five million. **Mini-batch gradient descent** splits the
# training set into small batches $X^{\{1\}}, X^{\{2\}}, \dots$ (with labels
# $Y^{\{t\}}$), e.g. 5,000 batches of 1,000 examples, and takes one step per batch. For
# batch $t$ the cost is the mean over *its* examples,
#
# $$J^{\{t\}} = \frac{1}{1000} \sum_{i=1}^{1000} \mathcal{L}\big(\hat y^{(i)}, y^{(i)}\big)
#   \;\Big(+ \frac{\lambda}{2 \cdot 1000} \sum_l \lVert W^{[l]} \rVert_F^2 \text{ with L2}\Big),$$
#
# where the sum runs over the 1,000 examples of batch $t$. One pass over all batches is an
# **epoch**: it now makes 5,000 steps of progress instead of one.
#
# Building the batches takes two moves: **shuffle** the columns of $X$ and $Y$ with the same
# permutation (so each label stays with its example), then **partition** them into
# batches of `mini_batch_size` columns; the last batch keeps the $m \bmod$ `mini_batch_size`
# columns left over. Powers of two (64, 128, 256, 512) are the usual sizes. The course's
# data set for this lesson is two interleaved moons, $m = 300$:

# %%
train_X, train_Y = opt.load_dataset()
print("X:", train_X.shape, " Y:", train_Y.shape)
batches = random_mini_batches(train_X, train_Y, mini_batch_size=64, seed=0)
print("batch sizes:", [bx.shape[1] for bx, _ in batches])
assert [bx.shape[1] for bx, _ in batches] == [64, 64, 64, 64, 44]  # 300 = 4 * 64 + 44
# The shuffle keeps every example with its own label: all 300 columns are still there.
assert np.allclose(np.sort(np.hstack([bx for bx, _ in batches])[0]), np.sort(train_X[0]))

fig, ax = plt.subplots(figsize=(5, 3.4))
ax.scatter(*train_X, c=train_Y.ravel(), cmap="coolwarm", s=12, edgecolors="none", alpha=0.35)
bx, by = batches[0]
ax.scatter(*bx, c=by.ravel(), cmap="coolwarm", s=28, edgecolors="k", linewidths=0.6)
ax.set_title("the moons data; circled: the 64 examples of mini-batch 1", fontsize=10)
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
plt.show()

# %% [markdown]
# ### Your turn: `random_mini_batches`
# Write the shuffle and the partition. Seed first with `np.random.seed(seed)`, then take
# `permutation = list(np.random.permutation(m))` and index the columns of both X and Y
# with it, so your batches match the course's exactly. Then cut the shuffled arrays into
# slices of `mini_batch_size` columns (the last one may be shorter).


# %%
def my_random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """X: (n_x, m), Y: (1, m) -> [(mini_batch_X, mini_batch_Y), ...] as described above."""
    # YOUR CODE HERE (about 8 lines)
    raise NotImplementedError


check_random_mini_batches(my_random_mini_batches)

# %% [markdown]
# **How the batch size changes the cost curve.** With batch gradient descent
# (`mini_batch_size = m`) every step uses the true cost, so $J$ must fall at every
# iteration (if it ever rises, the learning rate is too large or there is a bug). With
# mini-batches each step sees a different batch, so the per-batch cost $J^{\{t\}}$ is noisy
# and only trends downwards. The extreme, size 1, is **stochastic gradient descent**: the
# most updates per epoch but the noisiest, it never settles at the minimum (it wanders
# around it), and it gives up the speed of vectorised code, so each of its epochs takes
# far longer in wall-clock time. Here is one run of each, with the same learning rate
# ($\alpha = 0.1$) and number of epochs (the red dots are the cost on the whole set at the
# end of each epoch). Batch GD makes only one update per epoch, so in so few epochs its
# cost falls only a little: its panel has its own, much finer $y$-scale, on which the
# fall at every iteration shows.

# %%
curve_epochs = budget.pick(ci=4, full=10)
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.1))
runs = {}
for ax, size in zip(axes, (300, 32, 1)):
    run = runs[size] = mini_batch_costs(
        train_X, train_Y, size, learning_rate=0.1, num_epochs=curve_epochs
    )
    ax.plot(
        run["epoch"],
        run["batch_cost"],
        lw=0.6 if size == 1 else 1.4,
        color="#4dabf7",
        label="cost of the batch just used",
    )
    ax.plot(
        np.arange(curve_epochs + 1),
        run["epoch_cost"],
        "o-",
        ms=4,
        color="#c92a2a",
        label="cost on all 300 examples",
    )
    kind = {300: "batch GD", 32: "mini-batch GD", 1: "stochastic GD"}[size]
    scale = "own y-scale" if size == 300 else "y from 0 to 2.5"
    ax.set_title(f"{kind} (size {size}):\n{run['updates']} updates; {scale}", fontsize=9)
    ax.set_xlabel("epochs")
    ax.grid(True, alpha=0.3)
    if size != 300:
        ax.set_ylim(0, 2.5)
axes[0].set_ylabel("cost J")
axes[1].legend(fontsize=8)
plt.tight_layout()
plt.show()
batch_J = runs[300]["batch_cost"]
print(f"batch GD: J falls from {batch_J[0]:.4f} to {batch_J[-1]:.4f} in {len(batch_J)} updates")
# Batch GD's cost falls at every step; smaller batches make more progress per epoch, noisily.
assert np.all(np.diff(batch_J) < 0) and batch_J[0] - batch_J[-1] < 0.1
assert runs[1]["epoch_cost"][-1] < runs[32]["epoch_cost"][-1] < runs[300]["epoch_cost"][-1]
noise = {k: np.abs(np.diff(r["batch_cost"])).mean() for k, r in runs.items()}
assert noise[1] > noise[32] > noise[300]

# %% [markdown]
# **Choosing the size.** For a small training set ($m \lesssim 2000$) just use batch
# gradient descent. Otherwise try 64 to 512 (powers of two suit memory layouts), and make
# sure one batch of $X^{\{t\}}, Y^{\{t\}}$ fits in CPU/GPU memory. Drag the slider from 1 to
# $m = 300$ and watch the noise, the number of updates and the final cost change (the
# network retrains when you release the slider).

# %%
mini_batch_dashboard(train_X, train_Y, num_epochs=budget.pick(ci=3, full=10), learning_rate=1.0)

# %% [markdown]
# ## 2. Exponentially weighted averages
#
# The next optimisers all smooth a noisy sequence with an **exponentially weighted
# (moving) average**. For a series $\theta_1, \theta_2, \dots$ (say daily temperatures)
#
# $$V_0 = 0, \qquad V_t = \beta V_{t-1} + (1 - \beta)\, \theta_t .$$
#
# Unrolling the recursion, $V_{100} = 0.1\,\theta_{100} + 0.1 \cdot 0.9\,\theta_{99} +
# 0.1 \cdot 0.9^2\,\theta_{98} + \dots$ for $\beta = 0.9$: the weights $(1-\beta)\beta^k$
# decay exponentially. Since $\beta^{1/(1-\beta)} \approx 1/e$ (e.g. $0.9^{10} \approx
# 0.35$), a value's weight has fallen to about a third after $1/(1-\beta)$ steps, so $V_t$
# averages over roughly the last $\frac{1}{1-\beta}$ values: 2 for $\beta = 0.5$, 10 for
# 0.9, 50 for 0.98. In code it is one variable overwritten at every step, so it costs
# $O(1)$ memory, unlike a moving window.

# %%
days, theta = ewma.daily_temperatures(365, seed=0)
weights = ewma.ewma_weights(0.9, 60)
print(f"weights of theta_t, theta_t-1, theta_t-2: {np.round(weights[:3], 4)}")
print(f"0.9**10 = {0.9**10:.3f}, 1/e = {1 / np.e:.3f}")
for beta in (0.5, 0.9, 0.98):
    print(f"beta = {beta}: averages over about {ewma.effective_window(beta):.0f} days")
assert abs(ewma.ewma_weights(0.9, 10_000).sum() - 1) < 1e-12

fig, (ax, zoom) = plt.subplots(
    1, 2, figsize=(9.6, 3.4), width_ratios=(2.3, 1), layout="constrained"
)
first = days <= 30  # the zoom on the right: the first 30 days
zoom.scatter(days[first], theta[first], s=8, color="#adb5bd")
ax.scatter(days, theta, s=5, color="#adb5bd", label=r"$\theta_t$")
for beta, colour in [(0.5, "#f08c00"), (0.9, "#c92a2a"), (0.98, "#2f9e44")]:
    average = ewma.exponentially_weighted_average(theta, beta)
    ax.plot(days, average, color=colour, label=rf"$\beta = {beta}$ (no bias correction)")
    if beta == 0.98:
        zoom.plot(days[first], average[first], color=colour, label="β = 0.98")
zoom.plot(
    days[first],
    ewma.exponentially_weighted_average(theta, 0.98, bias_correction=True)[first],
    "--",
    color="#0b7285",
    label="β = 0.98, bias-corrected",
)
ax.set_xlabel("day $t$")
ax.set_ylabel("temperature (°C)")
ax.set_title("larger β: smoother but later", fontsize=10)
ax.legend(fontsize=8, loc="upper left")
zoom.set_xlabel("day $t$")
zoom.set_title("days 1-30: β = 0.98 starts far too low", fontsize=10)
zoom.legend(fontsize=8, loc="upper left")
plt.show()

# %% [markdown]
# **Bias correction.** Because $V_0 = 0$, the first values are far too small: $V_1 =
# (1-\beta)\theta_1$, only 2 % of the first temperature when $\beta = 0.98$ (the green
# curve's cold start, zoomed on the right above; the dashed curve is the correction).
# Dividing by $1 - \beta^t$ fixes that:
#
# $$V_t^{\text{corrected}} = \frac{V_t}{1 - \beta^t}.$$
#
# For small $t$ the divisor is small and lifts the estimate; for large $t$, $\beta^t \to 0$
# and the correction fades away. **A common mistake:** the correction is applied to the
# value you *report*; the recursion itself keeps the uncorrected $V_t$.
# Writing $V_t = (\beta V_{t-1} + (1-\beta)\theta_t) / (1 - \beta^t)$ feeds corrected
# values back in: with $\beta = 0.98$ each early step multiplies $V$ by about
# $0.98/(0.02\,t)$, and the "average" explodes.

# %%
corrected = ewma.exponentially_weighted_average(theta, 0.98, bias_correction=True)
plain = ewma.exponentially_weighted_average(theta, 0.98)
with np.errstate(over="ignore", invalid="ignore"):
    wrong = ewma._wrong_corrected_average(theta, 0.98)
print(f"day 1: theta = {theta[0]:.2f}, V = {plain[0]:.2f}, corrected = {corrected[0]:.2f}")
print(f"the mistake after 10 days: V = {wrong[9]:.3g}")
assert corrected[0] == theta[0]  # the corrected average starts at the first value
assert abs(corrected[-1] / plain[-1] - 1) < 1e-3  # and agrees with V_t once t is large
assert abs(wrong[9]) > 1e6

# %% [markdown]
# The dashboard recomputes the average live as you drag β; tick *bias correction* to see
# the cold start disappear and *show a common mistake* to see the wrong recursion take off.

# %%
ewma_dash = ewma_dashboard()
ewma_dash

# %% [markdown]
# ## 3. Gradient descent with momentum
#
# On an elongated cost surface gradient descent zigzags: the gradient points mostly across
# the narrow valley, so steps oscillate in the steep direction ($w_2$ below) and creep
# along the shallow one ($w_1$). A larger learning rate would diverge across the valley.
# **Momentum** replaces the gradient with its exponentially weighted average, the velocity:
#
# $$v_{dW} = \beta\, v_{dW} + (1 - \beta)\, dW, \qquad v_{db} = \beta\, v_{db} + (1-\beta)\, db,$$
# $$W := W - \alpha\, v_{dW}, \qquad b := b - \alpha\, v_{db}.$$
#
# The oscillating components average out to almost nothing while the consistent ones add
# up, so the path straightens. $\beta = 0.9$ (an average over ~10 gradients) works well and
# rarely needs tuning; $v$ starts at zero and nobody bothers with bias correction here,
# because after ~10 steps it no longer matters. Some texts (and Keras) drop the
# $(1-\beta)$: $v = \beta v + dW$. That only rescales $v$ by $1/(1-\beta)$, so $\alpha$
# must shrink by the same factor (section 8 shows the exact conversion).

# %%
bowl = loss_surfaces.elongated_bowl
W1, W2, J = bowl.grid(150)
fig, ax = plt.subplots(figsize=(8, 3.6))
greys = plt.cm.Greys(np.linspace(0.35, 0.9, 18))  # from mid grey: the lowest levels show too
ax.contour(W1, W2, J, levels=np.quantile(J, np.linspace(0, 0.97, 18)), colors=greys, linewidths=0.7)
paths = {
    "gd": loss_surfaces.optimizer_path(bowl, None, "gd", 40, learning_rate=0.3),
    "momentum": loss_surfaces.optimizer_path(
        bowl, None, "momentum", 40, learning_rate=1.0, beta=0.9
    ),
}
labels = {"gd": "gradient descent, α = 0.3", "momentum": "momentum, α = 1.0, β = 0.9"}
for name, path in paths.items():
    ax.plot(
        *path.T,
        "-o",
        ms=2.5,
        color=PATH_COLOURS[name],
        label=f"{labels[name]}: J = {bowl(path[-1]):.2f} after 40 steps",
    )
ax.plot(0, 0, "*", ms=12, color="gold", mec="k")
ax.set_xlabel("$w_1$")
ax.set_ylabel("$w_2$")
ax.set_title(r"$J = w_1^2/20 + 3 w_2^2$: momentum tolerates a learning rate GD cannot", fontsize=10)
ax.legend(fontsize=8, loc="lower right")
plt.show()
with np.errstate(over="ignore", invalid="ignore"):
    gd_fast = loss_surfaces.optimizer_path(bowl, None, "gd", 40, learning_rate=1.0)
print(f"gradient descent with alpha = 1.0 after 40 steps: J = {bowl(gd_fast[-1]):.3g}")
assert bowl(gd_fast[-1]) > 1e10  # diverges: |1 - 6 alpha| > 1 across the valley
gd_path, momentum_path = paths["gd"], paths["momentum"]
swing = {k: np.abs(p[10:, 1]).max() for k, p in paths.items()}  # largest |w2| after step 10
flips = {k: int(np.sum(np.diff(np.sign(p[:, 1])) != 0)) for k, p in paths.items()}
print(
    f"after step 10, largest |w2|: gd {swing['gd']:.2f}, momentum {swing['momentum']:.2f}\n"
    f"sign changes of w2 in 40 steps: gd {flips['gd']}, momentum {flips['momentum']}"
)
print(
    f"momentum overshoots the minimum along w1, up to w1 = {momentum_path[:, 0].max():.2f}\n"
    f"J after 40 steps: gd {bowl(gd_path[-1]):.2f}, momentum {bowl(momentum_path[-1]):.2f}"
)
assert swing["momentum"] > 3 * swing["gd"]  # momentum swings wider across the valley ...
assert flips["momentum"] < flips["gd"] / 2  # ... but more slowly
assert momentum_path[:, 0].max() > 1 and gd_path[:, 0].max() < 0  # only momentum overshoots
assert bowl(momentum_path[-1]) < bowl(gd_path[-1]) / 3

# %% [markdown]
# Gradient descent zigzags across the valley at $\alpha = 0.3$ (each step multiplies $w_2$
# by $1 - 6\alpha$, so $w_2$ changes sign at every step) and diverges at $\alpha = 1$.
# Momentum at $\alpha = 1$ does not remove the swing across the valley: the velocity
# carries it past the valley floor before the average turns round, so its $w_2$ swings
# more slowly but wider than gradient descent's, and it even overshoots the minimum along
# $w_1$. What the average does is add up the consistent $w_1$ component, so it travels
# along the valley much faster and ends with a cost several times lower (the numbers are
# printed above).

# %% [markdown]
# ## 4. RMSprop and Adam
#
# **RMSprop** (root mean square prop) keeps an exponentially weighted average of the
# *squared* gradients, elementwise, and divides each step by its square root:
#
# $$S_{dW} = \beta_2\, S_{dW} + (1 - \beta_2)\, dW^2, \qquad
#   W := W - \alpha\, \frac{dW}{\sqrt{S_{dW}} + \varepsilon}$$
#
# (the same for $b$). Coordinates with large gradients (the oscillating direction) take
# smaller steps, those with small gradients larger ones, so a larger $\alpha$ becomes safe.
# $S$ starts at **zero** and is updated from **itself** with $\beta_2$ (common mistakes
# update it from $V$, or with momentum's $\beta$), and $\varepsilon \approx 10^{-8}$ sits
# **outside** the square root: it only guards against division by zero.
#
# **Adam** (adaptive moment estimation) runs momentum and RMSprop together and
# bias-corrects both averages. Start with $V_{dW} = S_{dW} = 0$; at update $t = 1, 2, \dots$
#
# $$V_{dW} = \beta_1 V_{dW} + (1-\beta_1)\, dW, \qquad S_{dW} = \beta_2 S_{dW} + (1-\beta_2)\, dW^2,$$
# $$V^{\text{corrected}}_{dW} = \frac{V_{dW}}{1-\beta_1^t}, \qquad
#   S^{\text{corrected}}_{dW} = \frac{S_{dW}}{1-\beta_2^t}, \qquad
#   W := W - \alpha\, \frac{V^{\text{corrected}}_{dW}}{\sqrt{S^{\text{corrected}}_{dW}} + \varepsilon}.$$
#
# The usual choices: $\beta_1 = 0.9$ (the first moment, the mean of $dW$), $\beta_2 = 0.999$
# (the second moment, the mean of $dW^2$), $\varepsilon = 10^{-8}$ (Keras defaults to
# $10^{-7}$); only $\alpha$ is normally tuned. Because of the correction, Adam's very first
# step is $\alpha$ times the sign of each gradient entry, up to $\varepsilon$ (the tiny
# $-0.001$ below moves its weight by $0.099999$, not $0.1$):

# %%
params = {"W1": np.array([[1.0, -2.0]]), "b1": np.array([[0.5]])}
grads = {"dW1": np.array([[3.0, -0.001]]), "db1": np.array([[-40.0]])}
v, s = opt.initialize_adam(params)
new_params, v, s, v_corr, s_corr = opt.update_parameters_with_adam(
    params, grads, v, s, t=1, learning_rate=0.1
)
print(
    "step in W1:", new_params["W1"] - params["W1"], " step in b1:", new_params["b1"] - params["b1"]
)
assert np.allclose(new_params["W1"] - params["W1"], [[-0.1, 0.1]], atol=1e-5)

# %% [markdown]
# ### Your turn: `update_parameters_with_adam`
# Implement one Adam step for every layer $l = 1 \dots L$ (the number of layers is
# `len(parameters) // 2`). Return `(parameters, v, s, v_corrected, s_corrected)`, each a
# new dict keyed like the inputs (`"W1"`, ... for the parameters, `"dW1"`, ... for the
# rest). Mind the three classic slips: `s` is updated from `s`, the corrections use the
# update count `t`, and `epsilon` goes outside `np.sqrt`.


# %%
def my_update_parameters_with_adam(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """One Adam update. parameters {"W1": (n1, n0), "b1": (n1, 1), ...}; grads, v, s keyed
    "dW1", "db1", ...; t >= 1 -> (parameters, v, s, v_corrected, s_corrected)."""
    # YOUR CODE HERE (about 12 lines)
    raise NotImplementedError


check_update_parameters_with_adam(my_update_parameters_with_adam)

# %% [markdown]
# ### The optimiser-path dashboard
# All four optimisers start from the black dot on the elongated bowl of section 3 and take
# 50 steps. Drag the learning rate: gradient descent starts to zigzag and then diverges
# across the valley (above α = 1/3, where $|1 - 6\alpha| > 1$), while RMSprop and Adam,
# whose steps are about α long whatever the gradient, keep going. Drag momentum's β towards
# 0 to recover gradient descent, Adam's β₁ to 0 to recover (bias-corrected) RMSprop, and
# β₂ up to 0.999: RMSprop, which has no bias correction, then starts with a leap
# $\alpha/\sqrt{1-\beta_2} \approx 32\alpha$ long, the reason Adam corrects its averages.

# %%
paths_dash = optimizer_paths_dashboard("elongated bowl", num_steps=50, learning_rate=0.3)
paths_dash

# %%
final_J = {k: bowl(p[-1]) for k, p in paths_dash.result.items()}
print_values("final cost after 50 steps", final_J, "{:.3g}")
assert final_J["adam"] < final_J["gd"] and final_J["rmsprop"] < final_J["gd"]

# %% [markdown]
# ## 5. Training a network with each optimiser
#
# Now the real thing: the course's three-layer network `[2, 5, 2, 1]`
# ([LINEAR->RELU] x 2 -> LINEAR->SIGMOID, He initialisation) on the moons, with
# mini-batches of 64 reshuffled every epoch. `opt.model(...)` has the course's signature;
# `opt.train_with_optimizer(...)` is the same function that also returns the costs (one
# every 100 epochs). The loop itself is Course 2's shared `training.train_loop`.

# %% [markdown]
# **ReLU'(0).** ReLU has no derivative at $z = 0$. At such a kink one uses a
# **subgradient** instead: the slope of any line through the point that stays below the
# function. For ReLU at 0 any slope in $[0, 1]$ qualifies, and the choice only matters
# when $z$ is exactly 0. That happens more
# often than one might think: with $b = 0$ at the start, an example that switches off every
# unit of one layer gives $z = 0$ exactly in the next. The course's `relu_backward` and
# Keras both take ReLU'(0) = 0, and so does course_lib: this convention is what makes the
# full-size run below reproduce the course's published costs and accuracies digit for digit.
# At the He start of this network:

# %%
start_parameters = opt.initialize_parameters([2, 5, 2, 1])
_, start_caches = dn.L_model_forward(train_X, start_parameters)
for l, (_, Z) in enumerate(start_caches, start=1):
    print(f"layer {l}: {np.sum(Z == 0):4d} of {Z.size} entries of Z are exactly 0")
# layer 2 is a ReLU layer: its exactly-zero z are where the choice of ReLU'(0) counts
assert np.sum(start_caches[1][1] == 0) > 0

# %%
epochs = budget.pick(ci=300, full=5000)
learning_rate = budget.pick(ci=0.01, full=0.0007)  # the course uses 0.0007 for 5000 epochs
print(f"{epochs} epochs at learning rate {learning_rate}")
results = {}
for name in ("gd", "momentum", "rmsprop", "adam"):
    trained, costs = opt.train_with_optimizer(
        train_X,
        train_Y,
        [2, 5, 2, 1],
        name,
        learning_rate=learning_rate,
        num_epochs=epochs,
        print_cost=False,
    )
    accuracy = dn.accuracy(dn.predict(train_X, train_Y, trained), train_Y)
    results[name] = {"parameters": trained, "costs": costs, "accuracy": accuracy}
    last_recorded = 100 * (len(costs) - 1)  # costs are recorded every 100 epochs
    print(
        f"{name:9s} training accuracy: {accuracy:.1%}"
        f"  cost in epoch {last_recorded}: {costs[-1]:.3f}"
    )
# gradient descent and momentum are still near a straight boundary; RMSprop and Adam bend it
assert max(results["gd"]["accuracy"], results["momentum"]["accuracy"]) < 0.8
assert min(results["rmsprop"]["accuracy"], results["adam"]["accuracy"]) >= 0.9
momentum_vs_gd = np.abs(np.subtract(results["momentum"]["costs"], results["gd"]["costs"])).max()
print(f"largest gap between the momentum and the gradient-descent costs: {momentum_vs_gd:.4f}")
assert momentum_vs_gd < 0.01

# %% [markdown]
# The course's own run is 5,000 epochs at $\alpha = 0.0007$: that is this lesson's full-size
# run (the CI-sized run trains 300 epochs at 0.01 instead, so it cannot be compared). The
# course's assignment prints the cost every 1,000 epochs and the training accuracy; with
# its setting, course_lib reproduces every printed digit:

# %%
COURSE_PUBLISHED = {  # the assignment's cost after epoch 4000, and examples right of 300
    "gd": (0.573367, 215),
    "momentum": (0.573444, 215),
    "adam": (0.136066, 283),
}
if epochs == 5000 and learning_rate == 0.0007:
    for name, (cost_4000, right) in COURSE_PUBLISHED.items():
        ours = results[name]
        print(
            f"{name:9s} course: cost {cost_4000:.6f} at epoch 4000, {right / 300:.1%} right;"
            f"  here: {ours['costs'][40]:.6f}, {ours['accuracy']:.1%}"
        )
        assert abs(ours["costs"][40] - cost_4000) < 5e-7  # all six printed digits
        assert round(ours["accuracy"] * 300) == right
else:
    print(f"{epochs} epochs at {learning_rate} is not the course's setting: nothing to compare")

# %%
fig, ax = plt.subplots(figsize=(6, 3))
for name, res in results.items():
    ax.plot(np.arange(len(res["costs"])) * 100, res["costs"], color=PATH_COLOURS[name], label=name)
ax.set_xlabel("epoch")
ax.set_ylabel("cost J")
ax.set_title(f"cost every 100 epochs, learning rate {learning_rate}", fontsize=10)
ax.legend(fontsize=8)
ax.grid(True, alpha=0.3)
plt.show()

grid = np.meshgrid(np.linspace(-1.5, 2.5, 200), np.linspace(-1, 1.5, 200))
points = np.vstack([g.ravel() for g in grid])
fig, axes = plt.subplots(1, 4, figsize=(9.6, 2.5), layout="constrained")
for ax, (name, res) in zip(axes, results.items()):
    AL, _ = dn.L_model_forward(points, res["parameters"])
    ax.contourf(*grid, (AL > 0.5).reshape(grid[0].shape), cmap="coolwarm", alpha=0.3)
    ax.scatter(*train_X, c=train_Y.ravel(), cmap="coolwarm", s=6, edgecolors="k", linewidths=0.2)
    ax.set_title(f"{name}: {res['accuracy']:.1%} correct", fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])
plt.show()

# %% [markdown]
# With the same small learning rate and number of epochs, gradient descent and momentum
# (whose step is on average the same size as gradient descent's: its cost curve lies on
# top of gradient descent's) are still near a straight boundary, while RMSprop and Adam,
# whose steps do not shrink with the gradient, have found the curved one. Momentum's
# advantage shows with larger learning rates on badly scaled problems, as in section 3;
# Adam is usually the safe default.
#
# ## 6. Learning-rate decay
#
# With mini-batches the steps stay noisy, so with a fixed $\alpha$ the parameters keep
# wandering around the minimum. Shrinking $\alpha$ over time lets them settle: big steps
# early, small steps late. With the epoch number counted from 0, common schedules are
#
# | schedule | formula | `course_lib.c2_improving_dnns.lr_decay` |
# |---|---|---|
# | inverse time | $\alpha = \dfrac{\alpha_0}{1 + \text{decay\_rate} \cdot \text{epoch\_num}}$ | `update_lr` |
# | inverse time, in steps | $\alpha = \dfrac{\alpha_0}{1 + \text{decay\_rate} \cdot \lfloor \text{epoch\_num} / \text{interval} \rfloor}$ | `schedule_lr_decay` |
# | exponential | $\alpha = 0.95^{\text{epoch\_num}} \cdot \alpha_0$ | `exponential_decay` |
# | square root | $\alpha = \dfrac{k}{\sqrt{\text{epoch\_num}}} \cdot \alpha_0$ (epoch 0 counts as 1) | `sqrt_decay` |
# | staircase | $\alpha$ multiplied by a factor (e.g. ½) every fixed number of steps | `staircase_decay` |
#
# A last option is **manual decay**: watch a long training run and lower $\alpha$ by hand
# when progress stalls. Decay is usually tuned after the other hyperparameters.

# %%
print("update_lr(0.5, epoch 2, decay_rate 0.3) =", round(lr_decay.update_lr(0.5, 2, 0.3), 4))
assert lr_decay.update_lr(0.5, 2, 0.3) == 0.5 / 1.6
assert lr_decay.schedule_lr_decay(0.5, 999, 0.3) == 0.5  # no drop before epoch 1000
assert np.isclose(lr_decay.staircase_decay(0.1, 25, drop=0.5, steps_per_drop=10), 0.025)

# %% [markdown]
# Drag the decay rate: every schedule (except the square root, which has the constant $k$
# instead) decays faster. In the dashboard the stepped schedules drop every 10 epochs and
# the exponential base is $1/(1 + \text{decay\_rate})$.

# %%
lr_decay_dashboard(learning_rate0=0.1, num_epochs=100)

# %% [markdown]
# Decay plugs into `model` as `decay=`: the course's `model` calls
# `decay(learning_rate0, epoch, decay_rate)` after every epoch. Gradient descent with a
# large starting rate, $\alpha_0 = 0.1$, and `schedule_lr_decay` with decay rate 1: the
# course drops the rate every 1,000 of its 5,000 epochs; a shorter run drops it every fifth
# of its epochs, so both end at $\alpha_0 / 5$. The same run without decay is beside it.

# %%
import functools  # noqa: E402

decay_epochs = budget.pick(ci=300, full=5000)
time_interval = decay_epochs // 5
schedule = functools.partial(lr_decay.schedule_lr_decay, time_interval=time_interval)
final_rate = schedule(0.1, decay_epochs - 1, 1.0)
print(
    f"{decay_epochs} epochs, a drop every {time_interval}: the last epoch trains at {final_rate:g}"
)
assert np.isclose(final_rate, 0.1 / 5)  # it really decays, in either run size

decay_runs = {}
for label, decay in (("fixed alpha = 0.1", None), ("with decay", schedule)):
    trained, costs = opt.train_with_optimizer(
        train_X, train_Y, [2, 5, 2, 1], "gd", learning_rate=0.1, num_epochs=decay_epochs,
        print_cost=False, decay=decay, decay_rate=1.0, record_every=1,
    )  # fmt: skip
    costs = np.asarray(costs)
    tail = costs[-time_interval:]  # the last fifth of the epochs, at the smallest rate
    decay_runs[label] = {
        "costs": costs,
        "accuracy": dn.accuracy(dn.predict(train_X, train_Y, trained), train_Y),
        "jitter": float(np.abs(np.diff(tail)).mean()),  # mean change of J from epoch to epoch
        "late J": float(tail.mean()),
        # how much the mean J of the last fifth is below that of the fifth before it
        "late drop": float(costs[-2 * time_interval : -time_interval].mean() - tail.mean()),
    }
    run = decay_runs[label]
    print(
        f"gd, {label:17s}: accuracy {run['accuracy']:.1%}; last fifth: mean J"
        f" {run['late J']:.4f}, moves {run['jitter']:.5f} per epoch"
    )

fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.2), layout="constrained")
styles = {"fixed alpha = 0.1": ("#f08c00", 1.0), "with decay": ("#1c7ed6", 2.0)}
for ax in axes:
    for label, run in decay_runs.items():  # the decayed run last and thicker, so it shows
        colour, width = styles[label]
        ax.plot(run["costs"], color=colour, lw=width, label=label)
    ax.set_xlabel("epoch")
    ax.grid(True, alpha=0.3)
for k in range(1, 5):
    axes[0].axvline(k * time_interval, color="0.6", ls=":", lw=1)
axes[0].set_ylabel("cost J")
axes[0].set_title("gradient descent from alpha0 = 0.1; dotted: the drops", fontsize=10)
axes[0].legend(fontsize=8, loc="upper right")
late = np.concatenate([run["costs"][-time_interval:] for run in decay_runs.values()])
axes[1].set_xlim(decay_epochs - time_interval, decay_epochs)
axes[1].set_ylim(late.min() - 0.1 * np.ptp(late), late.max() + 0.1 * np.ptp(late))
axes[1].set_title(
    f"zoom: the last {time_interval} epochs (the decayed alpha is {final_rate:g})", fontsize=10
)
plt.show()

fixed, decayed = decay_runs["fixed alpha = 0.1"], decay_runs["with decay"]
assert decayed["jitter"] < fixed["jitter"] / 3  # decay lets the mini-batch noise settle
print(
    f"late epoch-to-epoch change of J: {fixed['jitter'] / decayed['jitter']:.1f} times"
    " smaller with decay"
)
# Is the fixed rate still descending, or only wandering at its noise floor?
late_fall = fixed["late drop"] / fixed["late J"]  # the fall of its mean J over the last fifth
still_descending = late_fall > 0.02
if still_descending:
    print(
        f"the fixed rate is still descending (its mean J fell by {late_fall:.0%} over the last"
        " fifth):\nthe decayed run's smaller steps only slow it down"
    )
    assert decayed["late J"] > fixed["late J"]
else:
    print(
        f"the fixed rate has reached its noise floor (its mean J fell by only {late_fall:.1%}"
        " over the last fifth):\nthe decayed run settles a little lower on it"
    )
    assert decayed["late J"] <= fixed["late J"]
assert still_descending == (decay_epochs < 1000)  # the short run still descends, 5,000 do not
# Both runs at alpha0 = 0.1 beat section 5's gradient descent at its small fixed rate.
assert min(fixed["accuracy"], decayed["accuracy"]) > results["gd"]["accuracy"] + 0.1

# %% [markdown]
# Once the rate has dropped, the cost stops jumping from epoch to epoch: the mini-batch
# noise in the steps shrinks with $\alpha$. But decay is no free win: smaller steps also
# make slower progress. It pays once the fixed rate has reached the **noise floor**, where
# its cost only wanders up and down; a run that is still descending just loses speed by
# it. The printout says which case this run is (a short run is still descending at the
# end; the full 5,000 epochs reach the floor). Both runs, with and without decay, do far
# better than section 5's gradient descent: that gain comes from the larger rate
# ($\alpha_0 = 0.1$ against section 5's small fixed one), not from the decay.

# %% [markdown]
# ## 7. Local optima, saddle points and plateaus
#
# Pictures of 2-D cost surfaces full of local minima suggest that gradient descent gets
# trapped. In a network with thousands of parameters, a point where the gradient is zero
# is a local minimum only if the surface curves **upwards in every one** of those
# directions; it is far more likely to curve up in some and down in others: a **saddle
# point**, like $J = w_1^2 - w_2^2$ at the origin. Saddles do not trap an optimiser (any
# tiny step off the ridge is downhill), but the gradient near them is small. The real
# slowdown is a **plateau**: a large region where the gradient is almost zero, crossed at a
# crawl. Which optimisers cross it faster?
#
# - The course's momentum does **not**: its velocity is an *average* of the gradients, and
#   where they barely change, $v \approx dW$, so its step is about $\alpha\, dW$, like
#   gradient descent's.
# - The un-normalised variant $v = \beta v + dW$ (Keras's `SGD(momentum=β)`) *adds up* the
#   gradients, to about $dW / (1 - \beta)$: with the same $\alpha$ it builds up a step
#   $1/(1 - \beta) = 10$ times longer. It equals the course's momentum run at
#   $\alpha / (1 - \beta)$, which is how it is drawn below.
# - RMSprop and Adam divide by the root of the averaged squared gradient, so their step is
#   about $\alpha$ however small the gradient is: they cross a plateau quickly.

# %%
fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.8), layout="constrained")
for ax, (name, steps, lr) in zip(axes, [("saddle", 50, 0.1), ("plateau", 60, 0.3)]):
    surface = loss_surfaces.SURFACES[name]
    G1, G2, GJ = surface.grid(150)
    contours = ax.contourf(G1, G2, GJ, levels=20, cmap="viridis", alpha=0.8)
    fig.colorbar(contours, ax=ax, label="J")
    for opt_name in ("gd", "momentum", "adam"):
        with np.errstate(over="ignore", invalid="ignore"):
            path = loss_surfaces.optimizer_path(surface, None, opt_name, steps, learning_rate=lr)
        ax.plot(*path.T, "-o", ms=2, color=PATH_COLOURS[opt_name], label=opt_name)
    if name == "plateau":  # v = beta v + dW: the course's momentum at alpha / (1 - beta)
        path = loss_surfaces.optimizer_path(
            surface, None, "momentum", steps, learning_rate=lr / 0.1
        )
        ax.plot(*path.T, "-o", ms=2, color="#e8590c", label="v = βv + dW")
    ax.plot(*surface.start, "o", color="white", mec="k")
    ax.set_xlim(*surface.xlim)
    ax.set_ylim(*surface.ylim)
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    # the legend goes where no path runs: below the saddle's paths, right of the plateau's
    ax.legend(fontsize=8, loc="lower left" if name == "saddle" else "lower right")
axes[0].set_title("saddle $J = w_1^2 - w_2^2$:\nthe paths slide off the ridge", fontsize=10)
axes[1].set_title(
    "plateau $J = 1 - e^{-(w_1^2 + w_2^2)/2}$:\nGD and momentum stay at the start", fontsize=10
)
plt.show()

# %% [markdown]
# On the left every path starts almost on the ridge ($w_2 = 0.01$). Gradient descent and
# momentum first head for the saddle point (downhill along $w_1$, where the gradient is
# large), until the tiny $w_2$ component has grown enough to carry them away downhill.
# Adam never goes near the saddle: its per-coordinate step is about $\alpha$ however small
# the gradient, so from the first step it grows $w_2$ as fast as it shrinks $w_1$ and
# leaves diagonally. A zero gradient alone does not tell a minimum from a saddle: the
# curvature does. On the right, after 60 steps on the flat plateau, gradient descent and
# the course's momentum have barely left the start, Adam has reached the minimum, and the
# un-normalised momentum has picked up so much speed that it has already shot past the
# minimum and is climbing out on the far side (the numbers are printed below).

# %%
saddle = loss_surfaces.saddle
assert np.allclose(saddle.grad([0.0, 0.0]), 0)  # zero gradient at the origin ...
assert saddle([0.0, 0.5]) < saddle([0.0, 0.0]) < saddle([0.5, 0.0])  # ... but no minimum
closest = {}  # the closest each path comes to the saddle point, and at which step
for kind in ("gd", "momentum", "adam"):
    with np.errstate(over="ignore", invalid="ignore"):
        path = loss_surfaces.optimizer_path(saddle, None, kind, 50, learning_rate=0.1)
    radius = np.hypot(*path.T)
    closest[kind] = (radius.min(), int(radius.argmin()))
print("saddle, closest approach to (0, 0), from a start at distance 2:")
print("  " + ", ".join(f"{k} {r:.2f} (step {t})" for k, (r, t) in closest.items()))
assert max(closest["gd"][0], closest["momentum"][0]) < 0.2  # GD and momentum visit it
assert closest["adam"][0] > 1  # Adam leaves diagonally and never comes close
plateau = loss_surfaces.plateau
plateau_J = {
    name: plateau(loss_surfaces.optimizer_path(plateau, None, kind, 60, learning_rate=lr)[-1])
    for name, kind, lr in [
        ("gd", "gd", 0.3),
        ("momentum", "momentum", 0.3),
        ("v = beta v + dW", "momentum", 0.3 / (1 - 0.9)),
        ("adam", "adam", 0.3),
    ]
}
print_values("plateau, J after 60 steps", plateau_J, "{:.4f}")
summed = loss_surfaces.optimizer_path(plateau, None, "momentum", 60, learning_rate=0.3 / 0.1)
summed_radius = np.hypot(*summed.T)  # distance from the minimum at (0, 0)
print(
    f"v = beta v + dW: closest to the minimum {summed_radius.min():.2f} at step"
    f" {summed_radius.argmin()}, at step 60 {summed_radius[-1]:.2f} away"
    f" at ({summed[-1, 0]:.2f}, {summed[-1, 1]:.2f})"
)
# it has passed the minimum: it ends on the far side (w1 < 0 from a start at w1 = 3),
# moving away again
assert summed[-1, 0] < 0 and summed_radius[-1] > summed_radius[-2] > summed_radius.min()
start_J = plateau(plateau.start)
assert start_J - plateau_J["momentum"] < 2 * (start_J - plateau_J["gd"])  # no faster than GD
assert plateau_J["v = beta v + dW"] < start_J - 10 * (start_J - plateau_J["gd"])
assert plateau_J["adam"] < 0.05 < plateau_J["v = beta v + dW"] < plateau_J["gd"]

# %% [markdown]
# ## 8. The same optimisers in Keras
#
# Keras has all four, but three of them differ from the course's formulas in a detail,
# which `course_lib/c2_improving_dnns/optimizers_tf.py` handles:
#
# - `SGD(learning_rate=α)` is plain gradient descent.
# - `SGD(momentum=β)` keeps $u = \beta u - \text{lr}\, dW$ and adds $u$, with no
#   $(1-\beta)$. Writing $u = -\alpha v$ shows that `learning_rate = α (1 - β)` gives the
#   course's update exactly.
# - `RMSprop(rho=β₂)` divides by $\sqrt{S + \varepsilon}$ instead of $\sqrt{S} + \varepsilon$.
#   No setting moves $\varepsilon$ outside; with $\varepsilon = 0$ the two agree, otherwise
#   they differ wherever $S$ is as small as $\varepsilon$.
# - `Adam` folds the bias corrections into the step size,
#   $\alpha_t = \alpha\sqrt{1 - \beta_2^t}/(1 - \beta_1^t)$, and adds $\varepsilon$ to the
#   *uncorrected* $\sqrt{S}$: $W := W - \alpha_t V / (\sqrt{S} + \varepsilon)$. Multiplying out,
#   that is the course's formula with $\varepsilon$ replaced by
#   $\varepsilon / \sqrt{1 - \beta_2^t}$, a value that changes with $t$ (about $32\varepsilon$ at
#   $t = 1$ for $\beta_2 = 0.999$). No fixed setting matches it; its default $\varepsilon$ is
#   $10^{-7}$.
#
# So RMSprop and Adam can only agree exactly with $\varepsilon = 0$, which is what the
# comparison below uses, and even then only to float32 precision: Keras rounds $\alpha$,
# $\beta_1$ and $\beta_2$ to float32. Both sides apply the same sequence of 10 gradients to
# the same starting parameters:

# %%
from course_lib.c2_improving_dnns import optimizers_tf

rng = np.random.default_rng(0)
start = {"W1": rng.standard_normal((3, 2)), "b1": rng.standard_normal((3, 1))}
grad_sequence = [
    {"dW1": rng.standard_normal((3, 2)), "db1": rng.standard_normal((3, 1))} for _ in range(10)
]
settings = {
    "gd": {},
    "momentum": {"beta": 0.9},
    "rmsprop": {"beta2": 0.9, "epsilon": 0.0},
    "adam": {"epsilon": 0.0},
}
for name, hyper in settings.items():
    ours = opt.run_updates(start, grad_sequence, name, learning_rate=0.01, **hyper)
    keras = optimizers_tf.run_updates(start, grad_sequence, name, learning_rate=0.01, **hyper)
    gap = max(np.abs(ours[-1][k] - keras[-1][k]).max() for k in start)
    print(f"{name:9s} largest |NumPy - Keras| after 10 updates: {gap:.1e}")
    # Keras stores the learning rate, beta1 and beta2 as float32: agreement to float32 precision.
    assert gap < 1e-6

# %% [markdown]
# With Keras's default $\varepsilon = 10^{-7}$ the two Adams differ. How much depends on how
# $\sqrt{S}$ compares with $\varepsilon$: below, the same gradients at their size and
# shrunk $10^7$ times, each with the course's Adam at $\varepsilon = 10^{-7}$ and with the
# course's Adam at $\varepsilon / \sqrt{1 - \beta_2^t}$, changed at every step:


# %%
def course_adam_with_keras_epsilon(gradients, epsilon):
    params, state = dict(start), opt.init_state("adam", start)
    for t, g in enumerate(gradients, start=1):
        params, state = opt.adam_update(
            params, g, state, 0.01, epsilon=epsilon / np.sqrt(1 - 0.999**t)
        )
    return params


adam_gaps = {}
for size in (1.0, 1e-7):
    tiny = [{k: size * v for k, v in g.items()} for g in grad_sequence]
    keras = optimizers_tf.run_updates(start, tiny, "adam", learning_rate=0.01, epsilon=1e-7)[-1]
    same_eps = opt.run_updates(start, tiny, "adam", learning_rate=0.01, epsilon=1e-7)[-1]
    moving_eps = course_adam_with_keras_epsilon(tiny, 1e-7)
    moved = max(np.abs(keras[k] - start[k]).max() for k in start)
    adam_gaps[size] = {
        "same": max(np.abs(same_eps[k] - keras[k]).max() for k in start) / moved,
        "moving": max(np.abs(moving_eps[k] - keras[k]).max() for k in start) / moved,
    }
    print(
        f"gradients x {size:g}: |course - Keras| / Keras's move =\n"
        f"  {adam_gaps[size]['same']:.1e} with the same epsilon, "
        f"{adam_gaps[size]['moving']:.1e} with epsilon / sqrt(1 - beta2^t)"
    )
assert adam_gaps[1.0]["same"] < 1e-4  # ordinary gradients: epsilon hardly matters
assert adam_gaps[1e-7]["same"] > 1  # sqrt(S) ~ epsilon: the two Adams part ways
assert max(g["moving"] for g in adam_gaps.values()) < 1e-4  # the formula above explains it

# %% [markdown]
# For gradients of ordinary size the default $\varepsilon$ changes Adam's steps by a few
# parts in a hundred thousand or less; for gradients as small as $\varepsilon$ the two
# Adams take very different steps, and the $t$-dependent $\varepsilon$ accounts for all of it.

# %% [markdown]
# ## Summary
#
# - Mini-batch gradient descent takes a step per batch of 64-512 shuffled examples: many
#   more steps per epoch than batch GD, vectorised unlike SGD (size 1); its cost curve is
#   noisy but trends down.
# - An exponentially weighted average $V_t = \beta V_{t-1} + (1-\beta)\theta_t$ averages
#   about $1/(1-\beta)$ values in $O(1)$ memory; $V_t/(1-\beta^t)$ corrects its cold start,
#   applied to the output only (never inside the recursion).
# - Momentum averages the gradients, RMSprop divides by the root of the averaged squared
#   gradients ($\varepsilon$ outside the root), Adam does both with bias correction
#   ($\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$; tune $\alpha$).
# - On the moons, RMSprop and Adam reached over 90 % where gradient descent and momentum
#   with the same budget did not.
# - Learning-rate decay ($\alpha_0/(1 + \text{decay\_rate} \cdot \text{epoch})$, exponential,
#   square-root, staircase or by hand) lets mini-batch training settle.
# - In high dimensions, zero-gradient points are mostly saddles; plateaus are what slow
#   training, and adaptive optimisers cross them faster.
# - Keras's SGD and momentum match the course's formulas once their conventions are
#   converted; RMSprop's and Adam's $\varepsilon$ cannot be matched exactly (Keras's Adam
#   acts like the course's with $\varepsilon/\sqrt{1 - \beta_2^t}$), which only matters
#   where $\sqrt{S}$ is as small as $\varepsilon$.
#
# Next: tuning hyperparameters and batch normalisation. Where is Adam implemented and tested?

# %%
_ = where("C2.45")
