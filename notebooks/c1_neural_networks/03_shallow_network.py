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
# # Shallow network on planar data
#
# *Course 1 (Neural Networks and Deep Learning), week 3. Curriculum items C1.26-C1.28 and
# C1.38-C1.44; the activation functions of that week (C1.29-C1.37) have their own lesson,
# [02_activations.py](02_activations.py).*
#
# Logistic regression draws one straight line through the input space. Put two classes on
# the petals of a flower and no straight line will do. One hidden layer of a few tanh units
# fixes that. By the end of this lesson you will have:
#
# 1. watched logistic regression fail on a 2-D "flower" data set;
# 2. written a network with one hidden layer in the course's notation, vectorised over
#    units and over examples;
# 3. derived its backward pass, checked it numerically and written it yourself;
# 4. trained it with gradient descent and drawn its curved decision boundary;
# 5. seen why all-zero initial weights fail (symmetry) and why large ones are slow;
# 6. dragged the number of hidden units, the learning rate and the activation;
# 7. rebuilt the network in Keras and trained it with `model.fit` to the same cost curve.
#
# The NumPy code lives in `course_lib/c1_neural_networks/shallow_network.py`, its Keras twin
# in `shallow_network_tf.py`; `course_lib.where("C1.40")` finds any item of this lesson.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C1 - Shallow network on planar data", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.c1_neural_networks.shallow_network_checks import (
    check_backward_propagation,
    check_forward_propagation,
)
from course_lib.data import load_planar_dataset
from course_lib.gradient_check import gradient_check
from course_lib.plots import plot_decision_boundary

# %% [markdown]
# ## 1. The flower data set
#
# Each example is a point $x = (x_1, x_2)$ in the plane with a label $y \in \{0, 1\}$. The
# points lie on the eight petals of the rose curve $r = 3\,|\sin 4t|$, with a little noise:
# class 0 (blue) owns the four petals nearest the $x_1$ axis, class 1 (red) the four
# nearest the $x_2$ axis. `load_planar_dataset` generates it from a seed (see
# `data/README.md`). In the course's layout, $X$ has one example per column.

# %%
X, Y = load_planar_dataset(m=400, seed=1)
n_x, m = X.shape
print(f"X: {X.shape}, Y: {Y.shape} ({Y.dtype}); {m} examples, {int(Y.sum())} of class 1")
assert X.shape == (2, 400) and Y.shape == (1, 400)

fig, ax = plt.subplots(figsize=(4.6, 4.2))
ax.scatter(X[0], X[1], c=Y[0], cmap="coolwarm", s=12, edgecolors="k", lw=0.3)
ax.set(xlabel="$x_1$", ylabel="$x_2$", title="The flower: class 0 blue, class 1 red")
ax.set_aspect("equal")
plt.show()

# %% [markdown]
# ## 2. Logistic regression is not enough
#
# Logistic regression predicts 1 where $w^T x + b > 0$: one side of a straight line. Every
# line through this flower leaves roughly as many red as blue points on each side, so the
# best it can do is close to a coin toss. Here is our own `lr.model` from lesson 1, trained
# on all 400 points.

# %%
d = lr.model(X, Y, X, Y, num_iterations=budget.pick(ci=1000, full=3000), learning_rate=0.5)
lr_accuracy = lr.accuracy(d["Y_prediction_train"], Y)
print(f"logistic regression, training accuracy: {100 * lr_accuracy:.1f} %")

fig, ax = plt.subplots(figsize=(4.6, 4.2))
plot_decision_boundary(ax, lambda P: lr.predict(d["w"], d["b"], P), X, Y)
ax.set_title(f"Logistic regression: {100 * lr_accuracy:.0f} % (a straight boundary)")
ax.set_aspect("equal")
plt.show()
assert lr_accuracy <= 0.60, "a straight line should do no better than chance here"

# %% [markdown]
# ## 3. One hidden layer: notation and vectorisation
#
# The network we build has three layers of values:
#
# - the **input layer** $a^{[0]} = x$ (here 2 numbers);
# - a **hidden layer** $a^{[1]}$ of $n^{[1]} = n_h$ units, "hidden" because the training
#   set says nothing about what their values should be;
# - the **output layer** $a^{[2]} = \hat y$, one sigmoid unit.
#
# The input layer is not counted, so this is a **2-layer network**. A superscript in
# square brackets names the layer, one in round brackets the example: $a^{[1](i)}_3$ is
# unit 3 of layer 1 for example $i$. Layer $l$ has parameters $W^{[l]}$ and $b^{[l]}$.


# %%
def draw_network(ax, sizes=(2, 4, 1), labels=("$a^{[0]} = x$", "$a^{[1]}$", "$a^{[2]} = \\hat y$")):
    """Circles for units, lines for weights: a picture of a fully connected network."""
    spots = [np.linspace(-1, 1, n) * (n - 1) / 3 for n in sizes]
    for layer in range(len(sizes) - 1):
        for y0 in spots[layer]:
            for y1 in spots[layer + 1]:
                ax.plot([layer, layer + 1], [y0, y1], color="0.7", lw=0.8, zorder=1)
    for layer, ys in enumerate(spots):
        ax.scatter([layer] * len(ys), ys, s=500, color=f"C{layer}", zorder=2, ec="k")
        ax.text(layer, -1.45, labels[layer], ha="center", fontsize=11)
    ax.text(0.5, 1.3, "$W^{[1]}$: (4, 2)\n$b^{[1]}$: (4, 1)", ha="center", va="bottom")
    ax.text(1.5, 1.3, "$W^{[2]}$: (1, 4)\n$b^{[2]}$: (1, 1)", ha="center", va="bottom")
    ax.set(xlim=(-0.5, 2.5), ylim=(-1.7, 1.9))
    ax.axis("off")


fig, ax = plt.subplots(figsize=(6.5, 3.6))
draw_network(ax)
ax.set_title("A 2-layer network: 2 inputs, 4 hidden units, 1 output")
plt.show()

# %% [markdown]
# **One unit at a time.** Hidden unit $i$ is a logistic-regression-like neuron with its
# own weights $w^{[1]}_i$ (a column of $n_x$ numbers) and bias $b^{[1]}_i$:
#
# $$z^{[1]}_i = w^{[1]T}_i x + b^{[1]}_i, \qquad a^{[1]}_i = g(z^{[1]}_i), \qquad i = 1, \dots, 4.$$
#
# **Stacked.** Put the rows $w^{[1]T}_i$ on top of each other and you get the matrix
# $W^{[1]}$ of shape $(4, n_x)$; the four equations become one,
#
# $$z^{[1]} = W^{[1]} x + b^{[1]}, \qquad a^{[1]} = g(z^{[1]}), \qquad
#   z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}, \qquad a^{[2]} = \sigma(z^{[2]}).$$
#
# (Each row of $z^{[1]}$ gets its own bias $b^{[1]}_i$; with the rows of $W^{[1]}$ already
# equal to $w^{[1]T}_i$, there is no extra transpose in $W^{[1]} x$.)
#
# **Vectorised over examples.** Stack the examples as columns, $X = A^{[0]}$, and the same
# lines process all $m$ at once: rows are hidden units, columns are examples.
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = g(Z^{[1]}), \quad
#   Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}).$$
#
# $b^{[1]}$ of shape $(4, 1)$ is broadcast across the $m$ columns. The three ways give the
# same numbers:

# %%
rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((4, n_x)), rng.standard_normal((4, 1))
x = X[:, :1]  # one example, a column (2, 1)

z_unit_by_unit = np.array([[W1[i] @ x[:, 0] + b1[i, 0]] for i in range(4)])  # 4 neurons
z_stacked = W1 @ x + b1  # one matrix product
Z_all = W1 @ X + b1  # every example at once: (4, m)
z_loop = np.hstack([W1 @ X[:, i : i + 1] + b1 for i in range(m)])  # a loop over examples

print("z for example 1, unit by unit:", z_unit_by_unit.ravel().round(4))
print("Z1 for all examples:", Z_all.shape, "(rows = hidden units, columns = examples)")
assert np.allclose(z_unit_by_unit, z_stacked)
assert np.allclose(Z_all, z_loop) and np.allclose(Z_all[:, :1], z_stacked)

# %% [markdown]
# Which $g$ for the hidden layer? The course uses **tanh**, zero-centred and usually better
# than the sigmoid for hidden units; the output keeps the **sigmoid** because $\hat y$ is a
# probability. Lesson 2 compares the activations, their derivatives and why a hidden layer
# must be non-linear at all: see
# [its section 4](02_activations.py#4-four-activation-functions) and
# [section 8](02_activations.py#8-why-non-linear-activations).
#
# ## 4. Parameters, shapes and cost
#
# For a 2-layer network with $n^{[0]} = n_x$, $n^{[1]} = n_h$ and $n^{[2]} = n_y$ units:
#
# | parameter | shape | here |
# |---|---|---|
# | $W^{[1]}$ | $(n^{[1]}, n^{[0]})$ | (4, 2) |
# | $b^{[1]}$ | $(n^{[1]}, 1)$ | (4, 1) |
# | $W^{[2]}$ | $(n^{[2]}, n^{[1]})$ | (1, 4) |
# | $b^{[2]}$ | $(n^{[2]}, 1)$ | (1, 1) |
#
# The cost is the same cross-entropy as for logistic regression, averaged over the $m$
# examples:
#
# $$J(W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}) = \frac{1}{m} \sum_{i=1}^{m}
#   \mathcal{L}\big(\hat y^{(i)}, y^{(i)}\big)
#   = -\frac{1}{m} \sum_{i=1}^{m} \Big(y^{(i)} \log a^{[2](i)} + (1 - y^{(i)}) \log\big(1 - a^{[2](i)}\big)\Big).$$
#
# `layer_sizes` reads $n_x$ and $n_y$ off the data (and uses $n_h = 4$);
# `initialize_parameters` draws `W1 = np.random.randn(n_h, n_x) * 0.01` and
# `W2 = np.random.randn(n_y, n_h) * 0.01` and sets the biases to zero. Section 9 explains
# both choices. **Common mistake:** `np.random.randn((n_h, n_x))` raises a TypeError:
# `randn` takes the sizes as separate numbers.

# %%
n_x, n_h, n_y = sn.layer_sizes(X, Y)
np.random.seed(2)  # noqa: NPY002 - the course's seed: W1[0, 0] is -0.00416758
parameters = sn.initialize_parameters(n_x, n_h, n_y)
for name, value in parameters.items():
    print(f"{name}: shape {value.shape}")
assert (n_x, n_h, n_y) == (2, 4, 1)
assert parameters["W1"].shape == (n_h, n_x) and parameters["b2"].shape == (n_y, 1)
assert np.isclose(parameters["W1"][0, 0], -0.00416758)

# %% [markdown]
# ## 5. Forward propagation
#
# `forward_propagation(X, parameters)` computes the four lines of section 3 and keeps
# $Z^{[1]}, A^{[1]}, Z^{[2]}, A^{[2]}$ in a cache for the backward pass. With weights of
# size 0.01 every $z$ is tiny, so $A^{[2]} \approx \sigma(0) = 0.5$ for every example and
# the cost starts at $-\log 0.5 = \log 2 \approx 0.693$.

# %%
A2, cache = sn.forward_propagation(X, parameters)
cost = sn.compute_cost(A2, Y)
print({name: value.shape for name, value in cache.items()})
print(f"A2 lies in [{A2.min():.4f}, {A2.max():.4f}]; cost J = {cost:.6f}, log 2 = {np.log(2):.6f}")
assert A2.shape == (1, m) and cache["A1"].shape == (n_h, m)
assert np.allclose(cache["A1"], np.tanh(cache["Z1"]))
assert abs(cost - np.log(2)) < 1e-3

# %% [markdown]
# ### Your turn: write `forward_propagation`
# Four formulas, about six lines with the unpacking: $Z^{[1]} = W^{[1]} X + b^{[1]}$, $A^{[1]} = \tanh(Z^{[1]})$,
# $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$, $A^{[2]} = \sigma(Z^{[2]})$ (`sn.sigmoid`). Return
# `A2` and the cache `{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}`. Two classic slips: tanh at
# the output (a probability must lie in $(0, 1)$) and a forgotten bias.


# %%
def forward_propagation(X, parameters):
    """X: (n_x, m); parameters: {"W1", "b1", "W2", "b2"} -> (A2 of shape (1, m), cache)."""
    # YOUR CODE HERE (about 6 lines)
    raise NotImplementedError


check_forward_propagation(forward_propagation)

# %% [markdown]
# ## 6. Backward propagation
#
# The chain rule, run from the cost back to each parameter. The output layer is logistic
# regression on the features $A^{[1]}$, so its part is familiar:
#
# $$dZ^{[2]} = A^{[2]} - Y, \qquad dW^{[2]} = \tfrac{1}{m}\, dZ^{[2]} A^{[1]T}, \qquad
#   db^{[2]} = \tfrac{1}{m}\, \texttt{np.sum}(dZ^{[2]}, \texttt{axis=1, keepdims=True}).$$
#
# The error then flows back through $W^{[2]}$ and through the hidden activation, whose
# derivative multiplies elementwise (for tanh, $g'(z) = 1 - \tanh^2 z = 1 - a^2$):
#
# $$dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}(Z^{[1]}) = W^{[2]T} dZ^{[2]} * \big(1 - (A^{[1]})^2\big),$$
# $$dW^{[1]} = \tfrac{1}{m}\, dZ^{[1]} X^T, \qquad
#   db^{[1]} = \tfrac{1}{m}\, \texttt{np.sum}(dZ^{[1]}, \texttt{axis=1, keepdims=True}).$$
#
# Shapes are a good check: $dW^{[l]}$ always has the shape of $W^{[l]}$, and
# `keepdims=True` keeps $db^{[1]}$ a $(n_h, 1)$ column instead of a rank-1 array.
# Lesson 2 derives $g'$ for each activation
# ([section 5](02_activations.py#5-their-derivatives)).
#
# A gradient check compares these formulas with centred differences of $J$ itself; a
# relative difference around $10^{-7}$ or below means the backward pass is right.

# %%
rng = np.random.default_rng(3)
check_params = {k: rng.standard_normal(v.shape) for k, v in parameters.items()}  # not tiny
X_few, Y_few = X[:, :20], Y[:, :20]
_, few_cache = sn.forward_propagation(X_few, check_params)
grads = sn.backward_propagation(check_params, few_cache, X_few, Y_few)
difference = gradient_check(
    lambda p: sn.compute_cost(sn.forward_propagation(X_few, p)[0], Y_few), check_params, grads
)
print({name: value.shape for name, value in grads.items()})
print(f"gradient check: relative difference {difference:.1e}")
assert difference < 1e-7
assert all(grads[f"d{name}"].shape == check_params[name].shape for name in check_params)

# %% [markdown]
# ### Your turn: write `backward_propagation`
# Turn the six formulas of section 6 into code. `parameters` holds `W1, b1, W2, b2`, the `cache` holds
# `Z1, A1, Z2, A2` from the forward pass. Use `np.dot` for the matrix products and `*` for
# the elementwise one. The check runs your function and the reference on three networks
# of different sizes and tells you which gradient differs.


# %%
def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost for the tanh/sigmoid 2-layer network.

    parameters: {"W1", "b1", "W2", "b2"}; cache: {"Z1", "A1", "Z2", "A2"};
    X: (n_x, m); Y: (1, m) -> {"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (1, n_h), "db2": (1, 1)}
    """
    # YOUR CODE HERE: m, W2, A1, A2, then dZ2, dW2, db2, dZ1, dW1, db1 (about 9 lines).
    raise NotImplementedError


check_backward_propagation(backward_propagation)

# %% [markdown]
# ## 7. Gradient descent and the training loop
#
# One step of gradient descent updates every parameter against its gradient,
#
# $$W^{[1]} := W^{[1]} - \alpha\, dW^{[1]}, \quad b^{[1]} := b^{[1]} - \alpha\, db^{[1]}, \quad
#   W^{[2]} := W^{[2]} - \alpha\, dW^{[2]}, \quad b^{[2]} := b^{[2]} - \alpha\, db^{[2]},$$
#
# which `update_parameters(parameters, grads, learning_rate)` does for any number of
# layers (the deep network of lesson 4 reuses it). The course uses $\alpha = 1.2$.
#
# Every network in this course is trained by the same loop:
#
# 1. define the structure ($n_x$, $n_h$, $n_y$);
# 2. initialise the parameters;
# 3. repeat: forward propagation, cost, backward propagation, update;
# 4. predict with the learned parameters.
#
# `nn_model(X, Y, n_h, num_iterations)` is that loop with the course's settings and returns
# the parameters; `train_shallow_network` is the same loop with every setting exposed, and
# also returns the cost at each step.

# %%
num_iterations = budget.pick(ci=3000, full=10000)
parameters, costs = sn.train_shallow_network(X, Y, n_h=4, num_iterations=num_iterations)
assert all(
    np.array_equal(parameters[k], v)
    for k, v in sn.nn_model(X, Y, 4, num_iterations=num_iterations).items()
), "nn_model and train_shallow_network run the same loop"

fig, ax = plt.subplots(figsize=(6.5, 3))
ax.plot(costs)
ax.set(
    xlabel="iteration",
    ylabel="cost J",
    title=f"4 tanh units, $\\alpha$ = 1.2: final J = {costs[-1]:.3f}",
)
ax.grid(True, alpha=0.3)
plt.show()
print(
    f"cost: {costs[0]:.4f} at the start, {costs[400]:.4f} after 400 steps, {costs[-1]:.4f} at the end"
)
assert costs[-1] < 0.3 < costs[0]

# %% [markdown]
# The curve sits on a plateau near $\log 2$ for a few hundred steps. All weights start
# tiny, so all hidden units start almost alike and near the origin of their tanh; gradient
# descent needs a while to push them apart before the cost can fall. This is the
# symmetry problem of section 9 in a mild form.
#
# ## 8. Predictions and the decision boundary
#
# `predict(parameters, X)` labels an example 1 where $a^{[2]} > 0.5$. The boundary between
# the two labels is no longer a line: each tanh unit contributes one soft straight edge,
# and the output unit combines four of them into a curved region.

# %%
predictions = sn.predict(parameters, X)
nn_accuracy = float(np.mean(predictions == Y))
print(
    f"4 hidden units: training accuracy {100 * nn_accuracy:.1f} % (logistic regression: {100 * lr_accuracy:.1f} %)"
)

fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2))
plot_decision_boundary(axes[0], lambda P: lr.predict(d["w"], d["b"], P), X, Y)
axes[0].set_title(f"logistic regression: {100 * lr_accuracy:.0f} %")
plot_decision_boundary(axes[1], lambda P: sn.predict(parameters, P), X, Y)
axes[1].set_title(f"4 tanh hidden units: {100 * nn_accuracy:.0f} %")
for ax in axes:
    ax.set_aspect("equal")
fig.tight_layout()
plt.show()
assert predictions.shape == (1, m)
assert nn_accuracy >= 0.90, "4 hidden tanh units should separate the petals"

# %% [markdown]
# How many hidden units does the flower need? One unit is one straight edge; the classes
# here need more. Below, the same training run with 1, 2, 3, 4, 5 and 20 units:

# %%
sweep_iterations = budget.pick(ci=2500, full=5000)
fig, axes = plt.subplots(2, 3, figsize=(9.5, 6.6))
sweep = {}
for ax, units in zip(axes.ravel(), [1, 2, 3, 4, 5, 20]):
    p, _ = sn.train_shallow_network(X, Y, units, sweep_iterations)
    sweep[units] = float(np.mean(sn.predict(p, X) == Y))
    plot_decision_boundary(ax, lambda P, p=p: sn.predict(p, P), X, Y, resolution=120)
    ax.set_title(f"n_h = {units}: {100 * sweep[units]:.1f} %")
    ax.set_aspect("equal")
fig.suptitle(f"Training accuracy after {sweep_iterations} steps, by number of hidden units")
fig.tight_layout()
plt.show()
assert sweep[1] < 0.75 < 0.9 <= sweep[4], sweep

# %% [markdown]
# Accuracy climbs quickly up to 4 units and then levels off. Larger hidden layers can fit
# the noise of the training set more closely, which would need a held-out set to judge
# (Course 2 is about exactly that).
#
# ## 9. Initialisation: why not zeros, and why small
#
# For logistic regression, zero weights were a fine start. With a hidden layer they are
# not. If $W^{[1]}$ has identical rows (all zero, say), every hidden unit computes the same
# function of $x$; then every unit receives the same gradient, the update keeps the rows
# identical, and so on forever. The **symmetry** is never broken: however many units the
# layer has, it behaves like one. (Zero biases are harmless: the random $W$ already makes
# the units differ.)
#
# Two demonstrations: all weights zero, and all weights equal to 0.5.

# %%
symmetry_iterations = budget.pick(ci=1500, full=5000)
from_zeros, zero_costs = sn.train_shallow_network(X, Y, 4, symmetry_iterations, scheme="zeros")
constant_start = {
    "W1": np.full((4, 2), 0.5),
    "b1": np.zeros((4, 1)),
    "W2": np.full((1, 4), 0.5),
    "b2": np.zeros((1, 1)),
}
from_constant, constant_costs = sn.train_shallow_network(
    X, Y, 4, symmetry_iterations, parameters=constant_start
)
for name, trained in (("zeros", from_zeros), ("all 0.5", from_constant)):
    accuracy = float(np.mean(sn.predict(trained, X) == Y))
    print(f"start {name!r}: accuracy {100 * accuracy:.1f} %; W1 after training =")
    print(trained["W1"].round(4))


def units_identical(p):
    """True when every hidden unit has the same incoming weights, bias and outgoing weight."""
    return all(np.allclose(p[k], p[k][:1]) for k in ("W1", "b1")) and np.allclose(
        p["W2"], p["W2"][0, 0]
    )


assert units_identical(from_zeros) and units_identical(from_constant)
assert not np.allclose(from_constant["W1"], 0.5), "the weights did move..."
assert not units_identical(parameters), "...while a random start gives four different units"

# %% [markdown]
# From zeros with tanh nothing moves at all ($A^{[1]} = \tanh 0 = 0$, so $dW^{[2]} = 0$,
# and $W^{[2]} = 0$ blocks $dZ^{[1]}$); only $b^{[2]}$ learns the class balance. From 0.5
# the weights do change, but the four rows stay equal: the network is a one-unit network
# in disguise. Random initialisation breaks the symmetry.
#
# **Why multiply by 0.01?** With tanh or sigmoid units, large weights give large $|z|$,
# where the activation is flat: $g'(z) \approx 0$, the gradients are tiny and learning
# crawls. Compare initial scales 0.01, 1 and 10:

# %%
scale_iterations = budget.pick(ci=1500, full=3000)
fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.6), layout="constrained")
final_cost, saturated, curves = {}, {}, {}
for scale, color in zip([0.01, 1.0, 10.0], ["C0", "C1", "C3"]):
    np.random.seed(2)  # noqa: NPY002 - the same draws at every scale
    start = sn.initialize_parameters(2, 4, 1, scale=scale)
    _, start_cache = sn.forward_propagation(X, start)
    saturated[scale] = float(np.mean(np.abs(start_cache["A1"]) > 0.99))
    axes[0].hist(start_cache["A1"].ravel(), bins=40, range=(-1, 1), alpha=0.6, color=color)
    trained, curves[scale] = sn.train_shallow_network(X, Y, 4, scale_iterations, scale=scale)
    final_cost[scale] = sn.compute_cost(sn.forward_propagation(X, trained)[0], Y)
    axes[1].plot(
        curves[scale], color=color, label=f"scale {scale:g}: final J {final_cost[scale]:.2f}"
    )
axes[0].set(
    xlabel="hidden activations $a^{[1]}$ at the start",
    ylabel="count",
    title="Large weights saturate tanh",
)
axes[1].set(xlabel="iteration", ylabel="cost J (log scale)", title="...and change how it learns")
axes[1].set_yscale("log")
cost_ticks = [0.2, 0.3, 0.5, 0.7, 1, 2, 4]
axes[1].set_yticks(cost_ticks, [f"{tick:g}" for tick in cost_ticks])  # plain numbers
axes[1].set_yticks([], minor=True)
axes[1].grid(True, alpha=0.3)
fig.legend(loc="outside right upper", fontsize=8)
plt.show()
print("share of saturated hidden activations (|a| > 0.99):", saturated)
at_100 = {scale: round(curve[100], 3) for scale, curve in curves.items()}
print("cost J after 100 iterations:", at_100)
jumps = np.diff(curves[1.0]) > 0.3
print(
    f"scale 1: J jumped up by more than 0.3 in one step {jumps.sum()} times, to at most "
    f"{max(curves[1.0][50:]):.2f}"
)
assert saturated[0.01] == 0 and 0.2 < saturated[1.0] < 0.5 < saturated[10.0]
assert final_cost[10.0] > final_cost[0.01]
assert at_100[1.0] < min(at_100[0.01], at_100[10.0]) and jumps.sum() >= 3
assert max(curves[1.0][50:]) > 2 * np.log(2) and final_cost[1.0] >= final_cost[0.01]

# %% [markdown]
# With scale 10 most hidden units start saturated and the cost even begins far above
# $\log 2$ (confident wrong answers); after the same number of steps it is still well
# behind. Scale 1 lies in between: about a third of its activations start saturated, but
# with only two inputs most $z$ stay moderate, and its cost falls fastest at first (it
# has no plateau). At $\alpha = 1.2$ it is unstable, though: its cost jumps back up again
# and again, to more than twice its starting value $\log 2$ (the printout gives the count
# and the peak), and it ends no lower than scale 0.01.
# "Small" means small enough that the units start in the steep middle of tanh; 0.01 is
# the course's safe choice, which costs a short plateau at the start. For a shallow
# network 0.01 works well; deeper networks need a scale that depends on the layer size
# (Xavier or He initialisation, Course 2).
#
# ## 10. Dashboard: hidden units, learning rate, activation
#
# Change a control and release it: the network is retrained from the same seeded start
# (watch the progress bar) and the decision boundary and cost curve are redrawn, with the
# previous run's curve dashed. Things to try: 1, 2 and 3 units; 50 units; ReLU or sigmoid
# hidden units at $\alpha = 1.2$ and at $\alpha = 0.1$; a learning rate of 5.

# %%
from course_lib.c1_neural_networks.shallow_network_dashboard import shallow_network_dashboard

dashboard_iterations = budget.pick(ci=1000, full=2500)
dashboard = shallow_network_dashboard(X, Y, num_iterations=dashboard_iterations)
dashboard

# %%
# The dashboard's numbers are checkable. We call its compute function with the dashboard's
# settings (the dashboard above keeps whatever you chose): one unit is not enough, four are.
from course_lib.c1_neural_networks.shallow_network_dashboard import train_for_dashboard

one_unit, four_units = (
    train_for_dashboard(X, Y, units, 1.2, "tanh", dashboard_iterations)["accuracy"]
    for units in (1, 4)
)
print(f"dashboard's training: 1 unit {100 * one_unit:.1f} %, 4 units {100 * four_units:.1f} %")
assert one_unit < 0.75 < 0.9 <= four_units

# %% [markdown]
# ## 11. The Keras twin
#
# In Keras the same network is two `Dense` layers: `Dense(n_h, activation="tanh")` and
# `Dense(1, activation="sigmoid")`. `build_shallow_model(parameters)` copies our
# parameters in (Keras stores a kernel as $W^T$, of shape (inputs, units), and takes
# examples as rows). From one parameter dict, both implementations must give the same
# forward pass, cost and gradients; Keras gets its gradients from `tf.GradientTape`.

# %%
from course_lib.c1_neural_networks import shallow_network_tf as sn_tf

rng = np.random.default_rng(5)
shared = {k: rng.standard_normal(v.shape) * 0.5 for k, v in parameters.items()}
A2_np, cache_np = sn.forward_propagation(X, shared)
A2_tf, cache_tf = sn_tf.forward_propagation(X, shared)
grads_np = sn.backward_propagation(shared, cache_np, X, Y)
grads_tf = sn_tf.backward_propagation(shared, cache_tf, X, Y)
differences = {"A2": np.abs(A2_np - A2_tf).max()}
differences["cost"] = abs(sn.compute_cost(A2_np, Y) - sn_tf.compute_cost(A2_np, Y))
differences |= {name: np.abs(grads_np[name] - grads_tf[name]).max() for name in grads_np}
for name, value in differences.items():
    print(f"largest |NumPy - Keras| in {name:4s}: {value:.1e}")
sn_tf.build_shallow_model(shared).summary()
assert max(differences.values()) < 1e-5  # float32 in Keras, float64 in NumPy

# %% [markdown]
# Now train with Keras's own loop: `model.fit` with the whole training set as one batch
# and plain SGD at $\alpha = 1.2$, which is exactly our update rule, starting from the
# same seeded initial parameters. The two cost curves should lie on top of each other.

# %%
fit_iterations = budget.pick(ci=500, full=2000)
params_fit, costs_fit = sn_tf.train_shallow_network(X, Y, 4, fit_iterations)
params_loop, costs_loop = sn.train_shallow_network(X, Y, 4, fit_iterations)

fig, ax = plt.subplots(figsize=(6.5, 3.2))
ax.plot(costs_loop, lw=4, alpha=0.4, label="NumPy loop (float64)")
ax.plot(costs_fit, "k--", lw=1, label="Keras model.fit (float32)")
ax.set(xlabel="iteration", ylabel="cost J", title="Same start, same updates, same curve")
ax.legend()
ax.grid(True, alpha=0.3)
plt.show()
gap = np.abs(np.array(costs_fit) - costs_loop).max()
print(f"largest gap between the cost curves: {gap:.1e}")
print(
    f"Keras-trained network: {100 * np.mean(sn_tf.predict(params_fit, X) == Y):.1f} % on the training set"
)
assert gap < 1e-4

# %% [markdown]
# ## Summary
#
# - A 2-layer network has an input layer $a^{[0]} = x$, a hidden layer $a^{[1]}$ and an
#   output $a^{[2]} = \hat y$; $W^{[l]}$ is $(n^{[l]}, n^{[l-1]})$ and $b^{[l]}$ is
#   $(n^{[l]}, 1)$.
# - Stacking the units' weights as rows of $W^{[1]}$ and the examples as columns of $X$
#   gives the vectorised forward pass $Z^{[1]} = W^{[1]} X + b^{[1]}$,
#   $A^{[1]} = \tanh Z^{[1]}$, $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$,
#   $A^{[2]} = \sigma(Z^{[2]})$.
# - Backward: $dZ^{[2]} = A^{[2]} - Y$, $dW^{[2]} = \frac1m dZ^{[2]} A^{[1]T}$,
#   $dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2})$, $dW^{[1]} = \frac1m dZ^{[1]} X^T$,
#   biases by summing over examples with `keepdims=True`; a gradient check confirms it.
# - The training loop is always: structure, initialise, repeat {forward, cost, backward,
#   update}, predict. With 4 tanh units the flower is learned to over 90 %, where logistic
#   regression stays near 50 %.
# - Initialise weights randomly (zeros or any identical start keeps the hidden units
#   identical forever) and small (large weights saturate tanh and slow learning); zero
#   biases are fine.
# - Keras's `Dense` layers built from the same parameters give the same outputs and
#   gradients, and `model.fit` with full-batch SGD traces the same cost curve.
#
# Next: deeper networks, with the same loop and the same `update_parameters`.

# %%
_ = where("C1.40")
