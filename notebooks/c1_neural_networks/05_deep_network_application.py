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
# # Deep network application
#
# *Course 1 (Neural Networks and Deep Learning), week 4. Curriculum items C1.45-C1.53,
# applied.*
#
# The building blocks of the previous lesson, put to work on an image task. You will:
#
# 1. train a 2-layer network (one hidden layer) on small grey images;
# 2. train an $L$-layer network on the same data and compare the two;
# 3. look at the images each network gets wrong;
# 4. train the same network with Keras's `model.fit` and overlay the cost curves;
# 5. change depth and width with sliders;
# 6. write the training loop yourself.
#
# Code: `course_lib/c1_neural_networks/deep_network.py` (`two_layer_model`,
# `L_layer_model`, `predict`), `deep_network_tf.py` (the Keras twin) and
# `deep_network_dashboard.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C1 - Deep network application", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c1_neural_networks.deep_network_checks import check_L_layer_model
from course_lib.c1_neural_networks.logistic_regression import flatten_images
from course_lib.data import load_image_classification
from course_lib.plots import image_grid, plot_cost_curve

# %% [markdown]
# ## 1. The data
#
# The course uses 64x64 colour pictures of cats. Offline we use scikit-image's 200 grey
# 25x25 crops, half faces and half background, split 150 / 50 (put the course's
# `train_catvnoncat.h5` and `test_catvnoncat.h5` into `data/course/` to get the cats).
# Each image becomes a column of $X$, scaled to $[0, 1]$.

# %%
dataset = load_image_classification()
train_x_orig, train_y, test_x_orig, test_y, classes = dataset.as_tuple()
X_train = flatten_images(train_x_orig) / dataset.pixel_scale
X_test = flatten_images(test_x_orig) / dataset.pixel_scale
n_x = X_train.shape[0]
print(dataset.description)
print(f"X_train {X_train.shape}, Y_train {train_y.shape}, X_test {X_test.shape}")
_ = image_grid(
    train_x_orig[:8], [classes[int(c)].decode() for c in train_y[0, :8]], ncols=8, size=1.2
)
plt.show()
assert X_train.shape == (n_x, train_y.shape[1]) and X_train.min() >= 0 and X_train.max() <= 1

# %% [markdown]
# ## 2. A 2-layer network
#
# LINEAR → RELU → LINEAR → SIGMOID with 7 hidden units, as in the course.
# `two_layer_model` seeds NumPy with 1, draws weights $\times 0.01$ and runs batch gradient
# descent with $\alpha = 0.0075$, recording the cost every 100 iterations.

# %%
num_iterations = budget.pick(ci=600, full=2500)
learning_rate = 0.0075
n_h = 7
params_2, costs_2 = dn.two_layer_model(
    X_train, train_y, (n_x, n_h, 1), learning_rate, num_iterations
)
acc_2 = {
    "train": dn.accuracy(dn.predict(X_train, train_y, params_2), train_y),
    "test": dn.accuracy(dn.predict(X_test, test_y, params_2), test_y),
}
print(f"2-layer: train {100 * acc_2['train']:.1f} %, test {100 * acc_2['test']:.1f} %")
assert acc_2["test"] >= 0.85

# %% [markdown]
# ## 3. An L-layer network
#
# Now `layers_dims = [n_x, 20, 7, 5, 1]`, four layers. With weights $\times 0.01$ a deep
# ReLU stack starts with outputs that are almost exactly 0.5 and gradients that shrink
# layer after layer. Each layer multiplies the size of the signal (its root mean square)
# by about $0.01\sqrt{n^{[l-1]}/2}$: the sum $z = \sum_j w_j a_j$ of $n^{[l-1]}$ terms with
# independent zero-mean weights of variance $0.01^2$ has $E[z^2] = 0.01^2\, n^{[l-1]} E[a^2]$,
# and ReLU, which zeroes the negative half of a symmetric $z$, halves it again. Measured
# below, averaged over 20 random initialisations:

# %%
layers_dims = [n_x, 20, 7, 5, 1]


def signal_factors(scale):
    """Per hidden ReLU layer: rms of its output / rms of its input, over 20 draws."""
    draws = []
    for draw_seed in range(20):
        start = dn.initialize_parameters_deep(layers_dims, scale=scale, seed=draw_seed)
        A_prev, factors = X_train, []
        for l in range(1, len(layers_dims) - 1):  # the hidden ReLU layers
            A_next = np.maximum(0, start[f"W{l}"] @ A_prev + start[f"b{l}"])
            factors.append(np.sqrt(np.mean(A_next**2) / np.mean(A_prev**2)))
            A_prev = A_next
        draws.append(factors)
    return np.mean(draws, axis=0)


measured = signal_factors(0.01)
print("layer  n[l-1]  measured  0.01 sqrt(n/2)  0.01 sqrt(n)")
for l, factor in enumerate(measured, start=1):
    n_in = layers_dims[l - 1]
    print(
        f"{l:5d}  {n_in:6d}  {factor:8.4f}  {0.01 * np.sqrt(n_in / 2):14.4f}  {0.01 * np.sqrt(n_in):12.4f}"
    )
    assert abs(factor / (0.01 * np.sqrt(n_in / 2)) - 1) < 0.2
print(f"after {len(measured)} layers the signal is {np.prod(measured):.1e} times its input's size")

# %% [markdown]
# So `L_layer_model` uses the application's scaling, $W^{[l]} \sim
# \mathcal{N}(0, 1) / \sqrt{n^{[l-1]}}$ (`scale="xavier"`). The same sum now gives a
# factor of about $\sqrt{1/2} \approx 0.71$ per ReLU layer whatever its width: the signal
# still shrinks, but slowly, instead of collapsing. Course 2's He scaling,
# $\sqrt{2/n^{[l-1]}}$, makes up for ReLU's halving and keeps the factor near 1:

# %%
for scale, predicted in [("xavier", np.sqrt(1 / 2)), ("he", 1.0)]:
    factors = signal_factors(scale)
    print(f"{scale:>6}: measured factors {np.round(factors, 3)}, predicted {predicted:.3f}")
    assert np.all(np.abs(factors / predicted - 1) < 0.2)

# %%
params_L, costs_L = dn.L_layer_model(X_train, train_y, layers_dims, learning_rate, num_iterations)
acc_L = {
    "train": dn.accuracy(dn.predict(X_train, train_y, params_L), train_y),
    "test": dn.accuracy(dn.predict(X_test, test_y, params_L), test_y),
}
print(f"L-layer: train {100 * acc_L['train']:.1f} %, test {100 * acc_L['test']:.1f} %")

fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.4), gridspec_kw={"width_ratios": [2, 1]})
plot_cost_curve(axes[0], costs_2, label=f"2-layer [{n_x}, {n_h}, 1]")
plot_cost_curve(axes[0], costs_L, label=f"4-layer {layers_dims}")
axes[0].legend()
axes[0].set_title(f"Cost, learning rate {learning_rate}")
positions = np.arange(2)
axes[1].bar(positions - 0.2, [acc_2["train"], acc_2["test"]], 0.4, label="2-layer")
axes[1].bar(positions + 0.2, [acc_L["train"], acc_L["test"]], 0.4, label="4-layer")
axes[1].set_xticks(positions, ["train", "test"])
for bars in axes[1].containers:
    axes[1].bar_label(bars, fmt="{:.0%}", fontsize=8)
axes[1].set(ylim=(0, 1.3), yticks=np.linspace(0, 1, 6), ylabel="accuracy", title="Accuracy")
axes[1].legend(loc="upper center", ncols=2, fontsize=8)
fig.tight_layout()
plt.show()
assert acc_L["test"] >= 0.85 and acc_L["train"] >= acc_2["train"]
assert costs_L[-1] < costs_2[-1]

# %% [markdown]
# The deeper network fits the training set better (lower cost, higher train accuracy).
# On 50 test images one image is 2 %, so differences of a few points in test accuracy
# between the two are within noise; on the course's cats the 4-layer network wins clearly
# (about 80 % vs 72 % test accuracy).
#
# ## 4. What the networks get wrong

# %%
for name, params in [("2-layer", params_2), ("4-layer", params_L)]:
    AL, _ = dn.L_model_forward(X_test, params)
    wrong = np.flatnonzero((AL > 0.5)[0] != test_y[0])
    print(f"{name}: {len(wrong)} of {test_y.shape[1]} test images misclassified")
    if len(wrong):
        titles = [f"true {classes[test_y[0, i]].decode()}\nyhat={AL[0, i]:.2f}" for i in wrong[:8]]
        _ = image_grid(test_x_orig[wrong[:8]], titles, ncols=8, size=1.2)
        plt.show()

# %% [markdown]
# ## 5. The same training with Keras's `model.fit`
#
# `deep_network_tf.L_layer_model` starts from the very same parameters, builds the
# `Dense` stack and calls `model.fit` with one full batch per step and plain SGD at the
# same learning rate: batch gradient descent, as in the NumPy loop. The curves should lie
# on top of each other.

# %%
from course_lib.c1_neural_networks import deep_network_tf as dn_tf

params_keras, costs_keras = dn_tf.L_layer_model(
    X_train, train_y, layers_dims, learning_rate, num_iterations
)
acc_keras = dn.accuracy(dn.predict(X_test, test_y, params_keras), test_y)
fig, ax = plt.subplots(figsize=(6.5, 3.2))
plot_cost_curve(ax, costs_L, label="NumPy loop")
plot_cost_curve(ax, costs_keras, label="Keras model.fit", ls="--")
ax.set_title(f"{layers_dims}: NumPy vs Keras")
ax.legend()
plt.show()
gap = np.abs(np.array(costs_keras) - np.array(costs_L)).max()
print(f"largest cost difference {gap:.1e}; Keras test accuracy {100 * acc_keras:.1f} %")
assert gap < 1e-3 and abs(acc_keras - acc_L["test"]) <= 0.02

# %% [markdown]
# ## 6. Depth and width
#
# How many hidden layers, and how many units in each? First a map: one network per cell,
# each trained exactly as the dashboard below trains it (same seed, same learning rate,
# same number of iterations): 1, 2, 3 or 5 hidden layers of 1, 2, 4, 8 or 32 units each.

# %%
from course_lib.c1_neural_networks.deep_network_dashboard import (
    depth_width_dashboard,
    depth_width_grid,
    plot_depth_width_grid,
)

dashboard_iterations = budget.pick(ci=300, full=1000)
grid = depth_width_grid(X_train, train_y, X_test, test_y, num_iterations=dashboard_iterations)
assert grid["depths"] == [1, 2, 3, 5] and grid["widths"] == [1, 2, 4, 8, 32]
fig = plot_depth_width_grid(grid)
fig.suptitle(f"{dashboard_iterations} iterations of batch gradient descent per network", y=1.04)
plt.show()

best_test = grid["test_accuracy"].max()
at_best = int((grid["test_accuracy"] == best_test).sum())
narrow_deep_cost = grid["final_cost"][grid["depths"].index(3) :, grid["widths"].index(1)]
lowest = np.unravel_index(grid["final_cost"].argmin(), grid["final_cost"].shape)
n_test = test_y.shape[1]
print(
    f"best test accuracy {100 * best_test:.0f} % ({round(best_test * n_test)} of {n_test}), "
    f"reached by {at_best} of {grid['final_cost'].size} networks"
)
stuck = [
    f"{grid['depths'][i]}x{grid['widths'][j]}"
    for i, j in zip(*np.nonzero(grid["final_cost"] > 0.68))
]
print(f"stuck near ln 2 (layers x units): {', '.join(stuck)}")
print(
    f"lowest training cost {grid['final_cost'][lowest]:.3f}: "
    f"{grid['depths'][lowest[0]]} hidden layers x {grid['widths'][lowest[1]]} units"
)
stuck_widths = {grid["widths"][j] for j in np.nonzero(grid["final_cost"] > 0.68)[1]}
assert at_best >= 5 and np.all(narrow_deep_cost > 0.68)
assert grid["widths"][lowest[1]] >= 8
assert 4 in stuck_widths and 2 not in stuck_widths  # a 4-unit stack stalls, no 2-unit one

# %% [markdown]
# Three things to read off the map (the printout above gives the numbers of this run):
#
# - **Test accuracy saturates.** Telling these faces from background is easy: many
#   networks share the best test accuracy (the printout counts them). Past "big
#   enough", more units or layers do not buy test accuracy here.
# - **Narrow and deep does not train.** With one unit per layer, three or more layers end
#   at a cost of about $\ln 2 = 0.693$, the cost of answering about 0.5 for every image
#   (the printout lists every network of the map that ended there). With so few units,
#   whether a network trains also depends on its random draw: a 4-unit stack is on that
#   list, while every 2-unit one trains. Below we look inside a 1-unit network.
# - **Wide networks fit the training set best.** The lowest training cost (after the last
#   step) belongs to a network with at least 8 units per layer. Whether more layers fit
#   more closely depends on how long they train; the next cell trains 1 and 5 hidden
#   layers of 32 units for 300 and for 1000 iterations:

# %%
from course_lib.c1_neural_networks.deep_network_dashboard import train_deep_network

by_depth = {
    (depth, iterations): train_deep_network(
        X_train, train_y, X_test, test_y, depth, 32, num_iterations=iterations
    )["final_cost"]
    for depth in (1, 5)
    for iterations in (300, 1000)
}
for depth in (1, 5):
    print(
        f"{depth} hidden layer(s) x 32 units: final cost {by_depth[depth, 300]:.3f} after 300 "
        f"iterations, {by_depth[depth, 1000]:.3f} after 1000"
    )
assert by_depth[5, 300] > by_depth[1, 300] and by_depth[5, 1000] < by_depth[1, 1000]

# %% [markdown]
# In 300 iterations the 5-layer network is still behind the 1-layer one; by 1000 it has
# overtaken it. A deeper network can fit more closely, but it starts slower.
#
# Why does the 3-layer, 1-unit network not learn? Follow the signal's size (its root mean
# square over the training set) through its layers, as in section 3:

# %%
narrow = train_deep_network(
    X_train, train_y, X_test, test_y, 3, 1, num_iterations=dashboard_iterations
)
_, caches = dn.L_model_forward(X_train, narrow["parameters"])
# Each cache is ((A_prev, W, b), Z): layers 2..L receive the hidden activations A^[1..L-1].
sizes = [np.sqrt(np.mean(linear_cache[0] ** 2)) for linear_cache, _ in caches[1:]]
Z_L = caches[-1][1]
print("signal size after each hidden layer:", np.round(sizes, 3))
print(f"output layer: |Z^[L]| <= {np.abs(Z_L).max():.3f}, so A^[L] stays within 0.5 +- "
      f"{sigmoid(np.abs(Z_L).max()) - 0.5:.3f} for every image")  # fmt: skip
assert np.abs(Z_L).max() < 0.1 and sizes[-1] < 0.5 * sizes[0]

# %% [markdown]
# Each hidden layer passes on a smaller signal, so $Z^{[L]}$ stays near 0 and the
# output near 0.5 for every image; the gradient flowing back passes through the same small
# factors, and in this many iterations the network barely moves. A wide layer
# averages over many units and keeps the signal's size close to what the scaling
# promises; a layer of one unit is a single random draw. Course 2's initialisation
# lesson returns to this.
#
# Depth and width are hyperparameters: no formula picks them, you try and measure. The
# dashboard retrains one network when you release a slider and shows its cost curve (the
# previous run dashed), its accuracies and the test images it gets wrong. Try a cell of the
# map that surprised you, then compare 1 and 2 units at 3 layers.

# %%
dashboard = depth_width_dashboard(
    X_train, train_y, X_test, test_y,
    hidden_layers=2, units=8, num_iterations=dashboard_iterations,
    test_images=test_x_orig / dataset.pixel_scale,
)  # fmt: skip
dashboard

# %% [markdown]
# ## 7. Your turn: the training loop
#
# Write `L_layer_model`: initialise with
# `dn.initialize_parameters_deep(layers_dims, scale="xavier", seed=1)` (it seeds NumPy with
# 1 itself, as the application's initialiser does), then for each iteration
# forward, cost, backward, update, appending the cost to `costs` when `i % 100 == 0`.
# Return `(parameters, costs)`.


# %%
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000):
    """X: (n_x, m), Y: (1, m) -> (parameters {"W1", ..., "bL"}, costs every 100 iterations)."""
    # YOUR CODE HERE (about 10 lines)
    raise NotImplementedError


check_L_layer_model(L_layer_model)

# %% [markdown]
# ## Summary
#
# - `two_layer_model` and `L_layer_model` are the previous lesson's blocks in a loop:
#   forward, cost, backward, update.
# - Deep ReLU stacks need weights scaled to the layer size ($1/\sqrt{n^{[l-1]}}$); with
#   $\times 0.01$ the signal fades layer by layer.
# - On the faces both networks exceed 85 % test accuracy; the deeper one fits the
#   training data better. Looking at the mistakes tells you more than the percentage.
# - Keras's `model.fit` with full-batch SGD follows the NumPy loop's cost curve.
# - Depth and width are hyperparameters: on an easy task test accuracy saturates once the
#   network is big enough, very narrow deep networks may not train at all, wider networks
#   fit the training set more closely, and deeper ones do too once trained long enough.

# %%
_ = where("C1.52")
