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
# # Initialisation: where gradient descent starts
#
# *Course 2 (Improving Deep Neural Networks), week 1. Curriculum items C2.25-C2.30.*
#
# Gradient descent needs a starting point, and for a neural network that choice is not a
# detail: the same network, data and learning rate can learn nothing, learn slowly or learn
# quickly depending only on the numbers $W^{[l]}$ hold before the first step. In this lesson
# you will:
#
# 1. train the course's 3-layer network on two noisy circles from four different starts;
# 2. see why an all-zero start never learns (every hidden unit stays a copy of the others);
# 3. see why a start that is too large learns slowly;
# 4. write He initialisation yourself, $W^{[l]} \sim \mathcal N(0, 2/n^{[l-1]})$;
# 5. derive the variance rule behind Xavier, Glorot and He;
# 6. treat the initial scale as a hyperparameter with a dashboard;
# 7. watch signals explode or vanish in a deep linear network as you drag the weight scale;
# 8. compare with Keras' initialisers, which differ in one documented way.
#
# The code lives in `course_lib/c2_improving_dnns/initialization.py`, its Keras twin in
# `initialization_tf.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C2 - Initialisation", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns.initialization_checks import check_initialize_parameters_he
from course_lib.plots import plot_decision_boundary

# %% [markdown]
# ## 1. The data and the network
#
# Two concentric circles with a little noise: label 1 inside, label 0 outside. No straight
# line separates them, so the network must learn a curved boundary. As in the course's
# assignment there are 300 training and 100 test examples, stored the course's way: $X$ is
# $(2, m)$ with one example per column and $Y$ is $(1, m)$.
#
# The model is the course's 3-layer network, LINEAR $\to$ RELU $\to$ LINEAR $\to$ RELU
# $\to$ LINEAR $\to$ SIGMOID with layer sizes $[2, 10, 5, 1]$, trained by batch gradient
# descent. Only the initialisation changes between runs.
#
# **Run size.** The course trains for 15,000 iterations with $\alpha = 0.01$. The quick
# (CI) run takes 10 times fewer steps with a 10 times larger learning rate. For the zeros,
# Xavier and He starts that lands in much the same place; the large random start, which
# needs many steps to recover from its huge weights, ends much worse in the quick run
# (barely above chance) than in the full one.

# %%
train_X, train_Y, test_X, test_Y = ini.load_circles()
print("train_X", train_X.shape, "train_Y", train_Y.shape, "test_X", test_X.shape)

LEARNING_RATE = budget.pick(ci=0.1, full=0.01)
NUM_ITERATIONS = budget.pick(ci=1500, full=15000)
RECORD_EVERY = budget.pick(ci=100, full=1000)
print(f"{NUM_ITERATIONS} iterations with learning rate {LEARNING_RATE}")

fig, ax = plt.subplots(figsize=(4.2, 4))
ax.scatter(*train_X, c=train_Y.ravel(), cmap="coolwarm", s=12, edgecolors="k", lw=0.3)
ax.set(title="Training set: inner circle = 1, outer = 0", xlabel="$x_1$", ylabel="$x_2$")
ax.set_aspect("equal")
plt.show()


# %%
def train(initialization, **kw):
    """Train the 3-layer network from one start; return parameters, costs, accuracies."""
    parameters, costs = ini.model(
        train_X,
        train_Y,
        LEARNING_RATE,
        NUM_ITERATIONS,
        print_cost=False,
        initialization=initialization,
        return_costs=True,
        record_every=RECORD_EVERY,
        **kw,
    )
    return {
        "parameters": parameters,
        "costs": costs,
        "train": ini.accuracy(train_X, train_Y, parameters),
        "test": ini.accuracy(test_X, test_Y, parameters),
    }


runs = {}

# %% [markdown]
# ## 2. Zeros: the symmetric start
#
# Setting every $W^{[l]} = 0$ and $b^{[l]} = 0$ seems neutral, but it is fatal. With zero
# weights every unit of a layer computes the same $z$ and the same activation; in
# backpropagation they then receive the same $dW$ row, so after the update they are still
# identical. However long you train, each hidden layer behaves like a single unit. (Here it
# is even worse: ReLU of 0 is 0, so $A^{[1]} = A^{[2]} = 0$, the gradient reaching the
# hidden weights is $W^{[3]T} dZ^{[3]} = 0$, and only $b^{[3]}$ moves.)
#
# With zero weights the output is $\sigma(0) = 0.5$ for every example, so the cost is
# $-\log 0.5 = \ln 2 \approx 0.693$ and every prediction is the same class. Zero biases, on
# the other hand, are fine once the weights are random.

# %%
runs["zeros"] = train("zeros")
zero_run = runs["zeros"]
print(f"zeros: train accuracy {zero_run['train']:.2f}, test accuracy {zero_run['test']:.2f}")
print(f"final cost {zero_run['costs'][-1]:.6f}  (ln 2 = {np.log(2):.6f})")
print("W1 after training:\n", zero_run["parameters"]["W1"][:3], "...")

assert zero_run["train"] == 0.5 and zero_run["test"] == 0.5  # chance: one class everywhere
assert np.isclose(zero_run["costs"][-1], np.log(2))
assert ini.hidden_units_identical(zero_run["parameters"], 1)  # symmetry never broken
assert ini.hidden_units_identical(zero_run["parameters"], 2)

# %% [markdown]
# ## 3. Large random weights
#
# Breaking the symmetry only needs randomness, so try `np.random.randn(...) * 10`, the
# course's "large random" start. Now the units differ, but the weights are so large that
# $z^{[3]}$ is huge: the sigmoid outputs values within rounding of 0 or 1, and every
# confident mistake costs a lot (the cost starts in the hundreds). Gradient descent spends
# its steps pulling the weights back to a sensible size before it can shape the boundary.

# %%
runs["random"] = train("random")
random_run = runs["random"]
print(f"random x 10: first cost {random_run['costs'][0]:.1f}, last {random_run['costs'][-1]:.3f}")
print(f"train accuracy {random_run['train']:.2f}, test accuracy {random_run['test']:.2f}")
assert random_run["costs"][0] > 10 * np.log(2)  # the bad start: far above chance level

# %% [markdown]
# ## 4. He initialisation (your turn)
#
# He et al. (2015) scale each layer's random weights by its fan-in $n^{[l-1]}$:
#
# $$W^{[l]} = \texttt{np.random.randn}(n^{[l]}, n^{[l-1]}) \cdot \sqrt{\frac{2}{n^{[l-1]}}},
# \qquad b^{[l]} = 0 .$$
#
# Section 5 explains the $2/n$. Write it the course's way: call `np.random.seed(3)` once,
# then draw $W^{[1]}$, $W^{[2]}$, ... in order, so your numbers match the reference exactly.
#
# ### Your turn: `initialize_parameters_he`


# %%
def initialize_parameters_he(layers_dims):
    """layers_dims = [n_x, n1, ..., nL] -> {"W1": (n1, n_x), "b1": (n1, 1), ...}."""
    # np.random.seed(3), then for l = 1, ..., L:
    #   W{l} = np.random.randn(n[l], n[l-1]) * np.sqrt(2 / n[l-1]);  b{l} = zeros (n[l], 1)
    raise NotImplementedError


check_initialize_parameters_he(initialize_parameters_he)

# %% [markdown]
# The reference gives the course's values for `layers_dims = [2, 4, 1]`:

# %%
he_start = ini.initialize_parameters_he([2, 4, 1])
print("W1 =", he_start["W1"], "\nW2 =", he_start["W2"])
assert np.allclose(he_start["W1"][0], [1.78862847, 0.43650985])

runs["he"] = train("he")
he_run = runs["he"]
print(f"He: train accuracy {he_run['train']:.3f}, test accuracy {he_run['test']:.3f}")
assert he_run["test"] >= 0.95  # the lesson's claim: He learns the circles
assert he_run["test"] > random_run["test"] > zero_run["test"]

# %% [markdown]
# ## 5. Why the variance should be about 1/n
#
# Look at one unit, $z = w_1 x_1 + \dots + w_n x_n$ (bias 0). If the $w_i$ and $x_i$ are
# independent with mean 0, the variances add up:
#
# $$\operatorname{Var}(z) = n \operatorname{Var}(w) \operatorname{Var}(x).$$
#
# To keep $z$ about as large as its inputs, layer after layer, choose
# $\operatorname{Var}(w) = 1/n$: the more inputs a unit has, the smaller each weight. That
# is the course's **Xavier** initialisation, `randn * np.sqrt(1 / n[l-1])` (Keras calls it
# `LecunNormal`). Behind a ReLU layer the inputs $x$ of the next layer are not mean-0
# any more, and what the sum above really adds up is their **second moment**
# $\mathbb E[x^2]$ (for independent $w$ with mean 0, $\operatorname{Var}(w x) =
# \operatorname{Var}(w)\,\mathbb E[x^2]$). A ReLU zeroes the negative half of a symmetric
# $z$, so it halves $\mathbb E[a^2]$: $\mathbb E[\operatorname{relu}(z)^2] = \frac12
# \mathbb E[z^2]$. (Its *variance* falls by more, because $\operatorname{relu}(z)$ is no
# longer centred.) To make up for the half, **He** doubles the variance for ReLU layers:
# $2/n^{[l-1]}$. **Glorot and Bengio**
# average fan-in and fan-out, $\operatorname{Var}(w) = 2/(n^{[l-1]} + n^{[l]})$ (Keras'
# `GlorotNormal`), which balances the forward and the backward pass.
#
# *Common mistake:* "Xavier" in the course means $\sqrt{1/n^{[l-1]}}$; the Glorot formula
# with $n^{[l-1]} + n^{[l]}$ is a different (if related) scheme.
#
# The draw below checks the rule on a wide layer, then compares all four starts.

# %%
for scheme in ("xavier", "glorot", "he"):
    W = ini.initialize_parameters([1000, 500], scheme, seed=0)["W1"]
    target = ini.weight_std(scheme, 1000, 500)
    print(f"{scheme:7s} std of W: {W.std():.5f}   formula: {target:.5f}")
    assert abs(W.std() / target - 1) < 0.01

x = np.random.default_rng(0).standard_normal((1000, 200))
z = ini.initialize_parameters([1000, 500], "xavier", seed=0)["W1"] @ x
print(f"Var(x) = {x.var():.3f}, Var(z) with Xavier weights = {z.var():.3f}")
assert abs(z.var() - 1) < 0.05

a = np.maximum(z, 0)  # the ReLU of those z
print(
    f"after a ReLU: E[a^2] = {np.mean(a**2):.3f} (half of E[z^2] = {np.mean(z**2):.3f}), "
    f"Var(a) = {a.var():.3f}"
)
assert abs(np.mean(a**2) / np.mean(z**2) - 0.5) < 0.02  # the second moment halves
assert a.var() < 0.4 * np.mean(z**2)  # the variance falls further: 1/2 - 1/(2 pi) = 0.34
for scheme in ("xavier", "he"):
    W2 = ini.initialize_parameters([500, 500], scheme, seed=1)["W1"]
    print(f"next layer, {scheme:6s} weights: E[z2^2] = {np.mean((W2 @ a) ** 2):.3f}")
z2_he = ini.initialize_parameters([500, 500], "he", seed=1)["W1"] @ a
assert abs(np.mean(z2_he**2) / np.mean(z**2) - 1) < 0.05  # He keeps the size through a ReLU

runs["xavier"] = train("xavier")
print(f"Xavier: train accuracy {runs['xavier']['train']:.3f}, test {runs['xavier']['test']:.3f}")
assert runs["xavier"]["test"] >= 0.9  # Xavier learns the ring too ...
assert he_run["train"] >= runs["xavier"]["train"] and he_run["test"] >= runs["xavier"]["test"]

# %%
fig, axes = plt.subplots(1, 4, figsize=(9.6, 2.9), layout="constrained")
for ax, (name, run) in zip(axes, runs.items()):
    plot_decision_boundary(
        ax, lambda P, p=run["parameters"]: ini.predict(P, p), train_X, train_Y, resolution=120
    )
    ax.set_title(
        f"{name}\ntrain {100 * run['train']:.0f} %, test {100 * run['test']:.0f} %", fontsize=9
    )
    ax.set(xlabel="", ylabel="", xticks=[], yticks=[])
fig.suptitle(f"Same network, same data, four starts ({NUM_ITERATIONS} iterations)", fontsize=10)
plt.show()
# the large random start ends well below the two scaled starts, in either run size ...
assert random_run["test"] < min(runs["xavier"]["test"], he_run["test"]) - 0.05
if budget.is_ci:  # ... and the quick run leaves it barely above chance
    assert random_run["test"] < 0.65

fig, ax = plt.subplots(figsize=(6, 3.2))
for name, run in runs.items():
    iterations = np.arange(len(run["costs"])) * RECORD_EVERY
    ax.plot(iterations, run["costs"], marker="o", ms=3, label=name)
ax.set(xlabel="iteration", ylabel="cost J (log scale)", yscale="log", title="cost curves")
ax.axhline(np.log(2), color="0.5", ls=":", lw=1, label="ln 2 (chance)")
ax.legend(fontsize=8)
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# Reading the figure: zeros predicts one class everywhere and its cost never leaves
# $\ln 2$; the large random start begins with an enormous cost, its boundary is still
# ragged at the end and its test accuracy is well below Xavier's and He's; Xavier and He both draw a ring, He fits it best in this budget (its
# $\sqrt 2$ larger weights suit the ReLU layers).
#
# ## 6. The initial scale as a hyperparameter
#
# The variance formulas give a sensible default, not a law: you may multiply the standard
# deviation by a factor and tune it like any other hyperparameter (usually with low
# priority). `ini.initialize_parameters(layers_dims, "he", scale=c)` multiplies the He
# standard deviation by $c$; for the random scheme `scale` is the multiplier itself (the
# course's 10). Pick a scheme and drag the scale: below about 0.1 the ReLU signals shrink
# toward zero and training stalls near $\ln 2$; far above 1 the start is too large.

# %%
from course_lib.c2_improving_dnns.initialization_dashboard import initialization_dashboard

DASHBOARD_ITERATIONS = budget.pick(ci=400, full=2000)
dashboard = initialization_dashboard(
    train_X, train_Y, test_X, test_Y, num_iterations=DASHBOARD_ITERATIONS, learning_rate=0.1
)
dashboard

# %%
# The check calls the dashboard's own training function, so the dashboard above keeps the
# settings you chose (and its defaults after Run All).
from course_lib.c2_improving_dnns.initialization_dashboard import train_for_dashboard  # noqa: E402

by_scale = {
    scale: train_for_dashboard(
        train_X, train_Y, test_X, test_Y, "he", scale, DASHBOARD_ITERATIONS, 0.1
    )
    for scale in (0.05, 1.0, 10.0)
}
for scale, result in by_scale.items():
    print(
        f"He x {scale:5g}: std of W1 {result['w1_std']:.3f}, first cost {result['costs'][0]:8.3f}, "
        f"last {result['costs'][-1]:.3f}, test accuracy {result['test_accuracy']:.0%}"
    )
assert by_scale[10.0]["w1_std"] > 9 * by_scale[1.0]["w1_std"]
assert by_scale[10.0]["costs"][0] > by_scale[1.0]["costs"][0]  # too large: a costly start
assert abs(by_scale[0.05]["costs"][-1] - np.log(2)) < 0.01  # too small: stuck near ln 2
assert by_scale[1.0]["test_accuracy"] > max(r["test_accuracy"] for s, r in by_scale.items() if s != 1.0)  # fmt: skip

# %% [markdown]
# ## 7. Vanishing and exploding signals in a deep network
#
# Why does the scale matter so much more in deep networks? Take a network with $L$ layers,
# $g(z) = z$ and $b = 0$, and set every $W^{[l]} = s I$. Then
#
# $$\hat y = W^{[L]} W^{[L-1]} \cdots W^{[1]} x = s^{L} x .$$
#
# With $s = 1.5$ and $L = 50$ that is $1.5^{50} \approx 6 \times 10^{8}$; with $s = 0.5$ it
# is $9 \times 10^{-16}$. The gradients follow the same powers, so gradient descent takes
# steps that are absurdly large or vanishingly small. The weights need not be the identity:
# any weights a little too large (or small) per layer compound the same way, which is what
# the variance rule of section 5 prevents.

# %%
x = np.ones((4, 1))
for s in (0.5, 1.0, 1.5):
    norms = ini.deep_linear_activations(x, 50, s)
    print(f"s = {s}: ||a[50]|| / ||x|| = {norms[-1] / norms[0]:.3g}")
    assert np.isclose(norms[-1] / norms[0], s**50)

fig, ax = plt.subplots(figsize=(7, 3.3))
for s in (0.5, 0.9, 1.0, 1.1, 1.5):
    norms = ini.deep_linear_activations(x, 50, s)
    ax.semilogy(norms / norms[0], label=f"s = {s}")
rand = ini.deep_linear_activations(
    np.random.default_rng(1).standard_normal((64, 32)), 50, 1.0, weights="random"
)
ax.semilogy(rand / rand[0], "k--", label="random, Xavier scale")
ax.set(xlabel="layer l", ylabel="‖a[l]‖ / ‖x‖", title="Signal size through 50 linear layers")
ax.legend(fontsize=8, ncol=2)
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# Drag the weight scale $s$ and the depth $L$: this dashboard recomputes while you drag.
# Note that the gradient $\lVert dW^{[l]} \rVert$ is the same in every layer here
# ($s^{L-1}$ times a constant): with identity weights it is the whole stack that explodes.

# %%
from course_lib.c2_improving_dnns.initialization_dashboard import vanishing_dashboard

signals = vanishing_dashboard(weight_scale=1.2, num_layers=30)
signals

# %%
from course_lib.c2_improving_dnns.initialization_dashboard import signal_sizes  # noqa: E402

for s in (0.8, 1.0, 1.2):  # the dashboard's own function, for three weight scales
    final = signal_sizes(s, 30)["activations"][-1]
    print(f"s = {s}: ||a[30]|| / ||x|| = {final:.3g}")
    assert np.isclose(final, s**30)
gradient_sizes = signal_sizes(1.2, 30)["gradients"]
assert np.allclose(gradient_sizes, gradient_sizes[0])  # ||dW[l]|| is the same in every layer

# %% [markdown]
# ## 8. The same schemes in Keras
#
# Keras ships the schemes as `keras.initializers`: `HeNormal` (He), `LecunNormal` (the
# course's Xavier), `GlorotNormal`, `Zeros` and `RandomNormal(stddev=10)` for the large
# start. `initialization_tf.initialize_parameters` draws with them and returns the course's
# layout ($W = $ kernel$^T$). Two differences to know: Keras uses its own random generator,
# so the numbers differ from `np.random.seed(3)`; and the three variance-scaled
# initialisers draw from a **truncated** normal (nothing beyond two standard deviations of
# the underlying normal, which is widened by $1/0.8796$ so that the final standard deviation
# is still the scheme's own: $\sqrt{2/n}$ for `HeNormal`). Same variance, no long tails.

# %%
from course_lib.c2_improving_dnns import initialization_tf as itf

keras_W = itf.initialize_parameters([1000, 500], "he", seed=0)["W1"]
numpy_W = ini.initialize_parameters([1000, 500], "he", seed=0)["W1"]
he_std = np.sqrt(2 / 1000)
print(f"std: Keras {keras_W.std():.5f}, NumPy {numpy_W.std():.5f}, formula {he_std:.5f}")
print(
    f"largest |w| / std: Keras {np.abs(keras_W).max() / he_std:.2f}, NumPy {np.abs(numpy_W).max() / he_std:.2f}"
)
assert abs(keras_W.std() / he_std - 1) < 0.02
assert np.abs(keras_W).max() < 2.3 * he_std < np.abs(numpy_W).max()

fig, ax = plt.subplots(figsize=(6, 3))
bins = np.linspace(-5, 5, 81)
ax.hist(numpy_W.ravel() / he_std, bins, alpha=0.6, density=True, label="NumPy randn (course)")
ax.hist(keras_W.ravel() / he_std, bins, alpha=0.6, density=True, label="Keras HeNormal")
ax.set(xlabel="w / sqrt(2/n)", ylabel="density", title="Keras' He initialiser is truncated")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# A Keras model trained from each initialiser tells the same story (a short run):

# %%
keras_iterations = budget.pick(ci=600, full=3000)
for scheme in ("zeros", "he"):
    params = itf.model(train_X, train_Y, 0.3, keras_iterations, False, scheme)
    acc = itf.accuracy(test_X, test_Y, params)
    print(f"Keras, {scheme:5s} start: test accuracy {acc:.2f}")
    if scheme == "zeros":
        assert acc == 0.5 and ini.hidden_units_identical(params)
    else:
        assert acc > 0.75

# %% [markdown]
# ## 9. Summary
#
# - A zero start leaves every unit of a layer identical forever: the network stays at
#   chance level ($J = \ln 2$). Biases may start at zero; weights may not.
# - Random weights that are too large saturate the output and make the first steps costly;
#   too small ones make signals vanish in deep networks.
# - Scale by the fan-in: $\operatorname{Var}(w) = 1/n^{[l-1]}$ (Xavier, for tanh),
#   $2/n^{[l-1]}$ (He, for ReLU), or $2/(n^{[l-1]} + n^{[l]})$ (Glorot).
# - In a deep linear net with $W = sI$ the output is $s^L x$: depth turns a small excess
#   or shortfall per layer into an explosion or a vanishing signal.
# - The multiplier on the standard deviation is a (low-priority) hyperparameter.
# - Keras: `HeNormal`, `LecunNormal` (= the course's Xavier), `GlorotNormal`; they are
#   truncated normals with the same variance.
#
# Next: lesson 3 regularises networks that over-fit (high variance, lesson 1).
