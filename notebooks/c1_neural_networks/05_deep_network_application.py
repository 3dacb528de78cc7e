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
draws = []
for draw_seed in range(20):
    small_start = dn.initialize_parameters_deep(layers_dims, scale=0.01, seed=draw_seed)
    A_prev, factors = X_train, []
    for l in range(1, len(layers_dims) - 1):  # the hidden ReLU layers
        A_next = np.maximum(0, small_start[f"W{l}"] @ A_prev + small_start[f"b{l}"])
        factors.append(np.sqrt(np.mean(A_next**2) / np.mean(A_prev**2)))
        A_prev = A_next
    draws.append(factors)
measured = np.mean(draws, axis=0)
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
# \mathcal{N}(0, 1) / \sqrt{n^{[l-1]}}$ (`scale="xavier"`), which keeps the signal's size
# from collapsing; Course 2 explains the choice.

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
axes[1].set(ylim=(0.5, 1.05), ylabel="accuracy", title="Accuracy")
axes[1].legend(loc="lower right")
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
# Drag a slider and release it: the network is retrained (same seed, same learning rate)
# with that many hidden layers of that many units, and the panel shows its cost curve
# (the previous run dashed), its accuracy and the test images it misclassifies. Try one
# unit per layer, then very deep and narrow networks: how do cost and accuracy behave?

# %%
from course_lib.c1_neural_networks.deep_network_dashboard import depth_width_dashboard

dashboard_iterations = budget.pick(ci=300, full=1000)
dashboard = depth_width_dashboard(
    X_train, train_y, X_test, test_y,
    hidden_layers=2, units=8, num_iterations=dashboard_iterations,
    test_images=test_x_orig / dataset.pixel_scale,
)  # fmt: skip
dashboard

# %%
# A single hidden unit is a bottleneck: everything must pass through one number. We call
# the dashboard's compute function (the dashboard above keeps whatever you chose).
from course_lib.c1_neural_networks.deep_network_dashboard import train_deep_network

narrow_cost, wide_cost = (
    train_deep_network(
        X_train, train_y, X_test, test_y, 2, units, num_iterations=dashboard_iterations
    )["costs"][-1]
    for units in (1, 8)
)
print(f"final cost with 1 unit per layer {narrow_cost:.3f}, with 8 units {wide_cost:.3f}")
assert narrow_cost > wide_cost

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
# - Depth and width are hyperparameters: the dashboard lets you feel their effect.

# %%
_ = where("C1.52")
