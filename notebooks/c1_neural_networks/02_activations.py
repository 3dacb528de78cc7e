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
# # Introduction and activation functions
#
# *Course 1 (Neural Networks and Deep Learning), weeks 1 and 3. Curriculum items C1.01-C1.05
# and C1.29-C1.37.*
#
# A neural network is built from one small part used many times: a unit that takes a
# weighted sum of its inputs and passes it through an **activation function** $g$. This
# lesson starts with a single unit, stacks units into a network, looks at where networks
# are used and why they took off, and then studies the activation functions themselves.
# By the end you will have:
#
# 1. predicted a house price with one ReLU neuron and with stacked neurons;
# 2. sorted applications by data type and network type;
# 3. run an experiment in which more data helps every model and the larger network beats
#    the smaller one at every size;
# 4. plotted sigmoid, tanh, ReLU and leaky ReLU, and checked $\tanh z = 2\sigma(2z) - 1$;
# 5. derived their derivatives, checked them numerically and written two yourself;
# 6. measured why ReLU networks train faster than sigmoid networks;
# 7. collected the rules for choosing an activation;
# 8. shown that without a non-linear activation a deep network is one linear map;
# 9. compared every function with its Keras twin.
#
# The code is in `course_lib/c1_neural_networks/`: `activations.py` (NumPy) with its twin
# `activations_tf.py`, `neurons.py`, `data_scale.py`, `activations_dashboard.py` and
# `activations_checks.py`. `course_lib.where("C1.36")` tells you where any item lives.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C1 - Introduction and activation functions", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import activations as act
from course_lib.c1_neural_networks import data_scale, neurons
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations_checks import (
    check_relu_derivative,
    check_tanh_derivative,
)
from course_lib.gradient_check import check_backward

# %% [markdown]
# ## 1. A neuron and a network
#
# The course's first example predicts the price of a house from its size. A straight line
# through the data would predict negative prices for small houses, so we bend it at zero:
#
# $$\hat y = \max(0,\; w \cdot \text{size} + b).$$
#
# That is one **neuron**: a linear function $z = w x + b$ followed by the activation
# $g(z) = \max(0, z)$, the **rectified linear unit (ReLU)**. (The data below are made up:
# sizes in square metres, prices in thousands.)

# %%
rng = np.random.default_rng(0)
size = rng.uniform(10, 250, (1, 80))  # one feature per column: x is (1, m)
price = np.maximum(0, 2.2 * size - 70 + rng.normal(0, 20, size.shape))
w_neuron, b_neuron = np.array([[2.2]]), -70.0

grid = np.linspace(0, 260, 300).reshape(1, -1)
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.scatter(size, price, s=12, color="0.5", label="houses (made up)")
ax.plot(grid[0], (w_neuron @ grid + b_neuron)[0], ls=":", color="C3", label="the line without g")
ax.plot(grid[0], neurons.relu_neuron(grid, w_neuron, b_neuron)[0], lw=2, label="one ReLU neuron")
ax.set(xlabel="size (m²)", ylabel="price (thousands)", ylim=(-120, 520))
ax.set_title(r"$\hat y = \max(0, w \cdot \mathrm{size} + b)$ never predicts a negative price")
ax.legend(loc="upper left")
plt.show()

y_hat = neurons.relu_neuron(grid, w_neuron, b_neuron)
assert y_hat.shape == grid.shape and y_hat.min() == 0.0
assert np.all(y_hat[grid < 70 / 2.2] == 0)  # flat at 0 below the kink at size = -b/w

# %% [markdown]
# A bigger network **stacks** neurons. Give the model four inputs (size, number of
# bedrooms, zip code, neighbourhood wealth) and a hidden layer of three units. We might
# hope that the units come to stand for "family size", "walkability" and "school
# quality", but we do not say so: every input is wired to every hidden unit, and training
# decides what each unit computes. In the course's notation layer $l$ holds
# $W^{[l]}$ of shape $(n^{[l]}, n^{[l-1]})$ and $b^{[l]}$ of shape $(n^{[l]}, 1)$:
#
# $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = g^{[1]}(Z^{[1]}), \quad
#   \hat Y = W^{[2]} A^{[1]} + b^{[2]}.$$
#
# "Every input wired to every hidden unit" means exactly that $W^{[1]}$ is a full
# $3 \times 4$ matrix: 12 weights, one per connection.

# %%
layer_dims = [4, 3, 1]  # n[0] inputs, n[1] hidden units, n[2] output
params = {}
for l in range(1, len(layer_dims)):
    params[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.5
    params[f"b{l}"] = np.zeros((layer_dims[l], 1))
houses = rng.uniform(0, 1, (4, 5))  # 5 houses, features scaled to [0, 1], one per column

Y_hat, caches = neurons.network_forward(houses, params, ["relu", "linear"])
print("W1:", params["W1"].shape, "->", params["W1"].size, "connections input -> hidden")
print("hidden features A1 (3 units x 5 houses):\n", caches[0]["A"].round(3))
print("outputs Y_hat:", Y_hat.round(3))
assert neurons.layer_dims_of(params) == layer_dims
assert params["W1"].size == layer_dims[0] * layer_dims[1]
assert Y_hat.shape == (1, 5) and caches[0]["A"].min() >= 0  # ReLU features are >= 0

# %% [markdown]
# A hidden unit whose $z$ is negative for every house outputs 0 for all of them (with
# random weights that can happen above); section 5 comes back to such "dead" ReLU units.
#
# What do stacked ReLU units buy? Each hidden unit is a line that bends once; the output
# adds them up with its own weights, so $n^{[1]}$ units give a curve with up to $n^{[1]}$
# bends. Below, `fit_relu_curve` places the bends at evenly spaced quantiles of the sizes
# and fits only the output layer by least squares; real training also moves the bends
# (lesson 03). More hidden units, closer fit:

# %%
curved = 60 + 0.9 * size + 0.006 * size**2 + rng.normal(0, 15, size.shape)
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.3), sharey=True)
errors = []
for ax, n_h in zip(axes, [1, 3, 10]):
    fit = neurons.fit_relu_curve(size, curved, n_h)
    fitted, _ = neurons.network_forward(size, fit, ["relu", "linear"])
    errors.append(float(np.mean((fitted - curved) ** 2)))
    # Drawn from size 0, so the first bend (at the smallest size) is on the curve too.
    curve, _ = neurons.network_forward(grid, fit, ["relu", "linear"])
    kinks = -fit["b1"].ravel() / fit["W1"].ravel()
    assert grid[0, 0] < kinks.min() and kinks.size == n_h  # every bend inside the drawing
    ax.scatter(size, curved, s=10, color="0.6")
    ax.plot(grid[0], curve[0], lw=2, color="C1")
    ax.plot(kinks, np.interp(kinks, grid[0], curve[0]), "k|", ms=12)
    ax.set(xlabel="size (m²)", title=f"{n_h} hidden unit{'s' * (n_h > 1)}: MSE {errors[-1]:.0f}")
axes[0].set_ylabel("price (thousands)")
fig.suptitle("Each ReLU unit adds one bend (|); the output layer weighs them")
fig.tight_layout()
plt.show()
assert errors[0] > errors[1] > errors[2]

# %% [markdown]
# ## 2. Supervised learning and kinds of data
#
# Almost all the value created by neural networks so far comes from **supervised
# learning**: learning a map from an input $x$ to a known output $y$ from labelled
# examples. The kind of input decides the kind of network:
#
# | input $x$ | output $y$ | application | network type |
# |---|---|---|---|
# | house features | price | real estate | standard (fully connected) |
# | ad, user information | will the user click? (0/1) | online advertising | standard |
# | image | which of 1,000 objects | photo tagging | convolutional (CNN, Course 4) |
# | audio | text transcript | speech recognition | recurrent (RNN, Course 5) |
# | English text | Chinese text | machine translation | recurrent / attention (Course 5) |
# | image, radar | positions of other cars | autonomous driving | custom or hybrid |
#
# **Structured data** are tables whose columns have a defined meaning (size, number of
# bedrooms, user age). **Unstructured data** are raw audio, images and text, where a single
# number (one pixel, one audio sample) means little on its own. Computers long found
# unstructured data much harder than people do; deep networks changed that, which is why
# speech and image recognition made the headlines, although much of the economic value
# is in structured data.
#
# Two datasets show the difference in shape, not only in meaning: the houses above and
# scikit-learn's handwritten digits, loaded below and used again in section 3. A column of
# the digits data is an image (64 pixels, each meaningless alone), a column of the house
# table is a list of named facts about one house.

# %%
X_digits, Y_digits = data_scale.load_digits_columns()
print(f"unstructured: {X_digits.shape[1]} digit images, each {X_digits.shape[0]} = 8x8 pixels")
print(f"  pixel (3, 4) of the first five images: {X_digits[3 * 8 + 4, :5].round(2)}")
print(f"structured: {houses.shape[1]} houses x {houses.shape[0]} named features (size, ...)")
assert X_digits.shape == (64, 1797) and Y_digits.shape == (1, 1797)

# %% [markdown]
# ## 3. Scale drives deep learning
#
# Why did neural networks take off when the ideas are decades old? The course's answer is
# **scale**: of the labelled data, of the networks, and of the computation to train them.
# With little data, which model wins depends on the details (features, tuning); with a lot
# of data, the larger network tends to win, and traditional methods level off sooner.
#
# You can check the first half of that claim here. `accuracy_vs_data_size` trains three
# models of growing size (logistic regression, a network with 8 hidden units, a network
# with two layers of 128) on the first $m$ training digits, for growing $m$, and measures
# accuracy on 500 held-out digits. The full run averages three random splits. The two
# networks are scikit-learn `MLPClassifier`s with its defaults, which differ from this
# course's batch gradient descent: the Adam optimiser (Course 2), mini-batches of 200
# examples, a small L2 penalty ($10^{-4}$), and at most 200 **epochs** (passes over the
# training set), stopping earlier once the cost stops improving.

# %%
train_sizes = budget.pick(ci=[25, 100, 400], full=[25, 50, 100, 200, 400, 800, 1297])
repeats = budget.pick(ci=1, full=3)
table = data_scale.accuracy_vs_data_size(X_digits, Y_digits, train_sizes, repeats=repeats, seed=0)

accuracy = table["accuracy"]  # (models, sizes)
fig, ax = plt.subplots(figsize=(9.2, 3.6))
for name, row, marker in zip(table["names"], accuracy, "osD"):
    ax.plot(table["train_sizes"], 100 * row, marker=marker, label=name)
ax.set_xscale("log")
ax.set_xticks(train_sizes, [str(m) for m in train_sizes])  # plain labels at the sizes run
ax.set_xticks([], minor=True)
ax.set(xlabel="training-set size m (log scale)", ylabel="test accuracy (%)")
ax.set_title(f"Digits: test accuracy against m (mean of {repeats} split{'s' * (repeats > 1)})")
ax.grid(True, alpha=0.3)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
fig.tight_layout()
plt.show()

for name, row in zip(table["names"], accuracy):
    print(f"{name:34s}" + "  ".join(f"{100 * a:5.1f}" for a in row))
logistic, small, large = accuracy
gains = 100 * (accuracy[:, -1] - accuracy[:, 0])
print(
    f"gain from m = {train_sizes[0]} to {train_sizes[-1]}, in points:\n"
    + "\n".join(f"  {name:34s}{gain:+5.1f}" for name, gain in zip(table["names"], gains))
)
print(
    f"small NN behind logistic regression by {100 * (logistic[0] - small[0]):.1f} points at "
    f"m = {train_sizes[0]}, by {100 * (logistic[-1] - small[-1]):.1f} at m = {train_sizes[-1]}"
)
print(
    f"at m = {train_sizes[-1]}: large NN minus logistic regression = "
    f"{100 * (large[-1] - logistic[-1]):+.1f} points"
)
assert np.all(gains > 10), "every model gains from more data"
assert np.all(large > small), "the large network beats the small one at every m"
assert np.all(small < logistic), "the small network trails logistic regression at every m"
assert gains.argmax() == 1 and logistic[-1] - small[-1] < logistic[0] - small[0]

# %% [markdown]
# What the curves show (the asserts above check each point): every model improves a lot
# with more data, and the large network beats the small one at every $m$. The small
# network is the clearest case of "with little data, the ranking depends on the details":
# with 8 hidden units and at most 200 epochs it trails logistic regression at every $m$, far behind
# at the smallest $m$, and it gains the most from more data, so the gap narrows as $m$
# grows (the printed lines give the numbers for this run). At the largest $m$ the large
# network is ahead of logistic regression by only a few points, a margin that changes with
# the random split, so the lesson prints it rather than asserting it. On 8x8 digits
# logistic regression is already strong; on harder tasks (photos, speech) the gap at large
# $m$ is far wider, and that gap is what made deep learning win.

# %% [markdown]
# ## 4. Four activation functions
#
# In a network every layer has its own activation, $A^{[l]} = g^{[l]}(Z^{[l]})$. The four
# the course uses:
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad
#   \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}, \qquad
#   \mathrm{ReLU}(z) = \max(0, z), \qquad
#   \text{leaky ReLU}(z) = \max(0.01 z, z).$$
#
# - The **sigmoid** maps into $(0, 1)$: right for a probability.
# - **tanh** maps into $(-1, 1)$ and is centred on 0. It is a sigmoid **stretched and
#   shifted**: $\tanh(z) = 2\sigma(2z) - 1$. (Calling it only "a shifted sigmoid" misses the
#   factor 2 on both axes.)
# - **ReLU** is 0 for negative $z$ and the identity for positive $z$.
# - **Leaky ReLU** keeps a small slope (0.01 in the course) for negative $z$.

# %%
z = np.linspace(-5, 5, 501)
curves = {
    r"sigmoid $\sigma(z)$": act.sigmoid(z),
    r"$\tanh(z)$": act.tanh(z),
    r"ReLU $\max(0, z)$": act.relu(z),
    r"leaky ReLU $\max(0.01z, z)$": act.leaky_relu(z),
}
fig, axes = plt.subplots(2, 2, figsize=(9.0, 5.0), sharex=True)
for ax, (label, values) in zip(axes.ravel(), curves.items()):
    ax.plot(z, values, lw=2)
    ax.axhline(0, color="0.6", lw=0.8)
    ax.axvline(0, color="0.6", lw=0.8)
    ax.set_title(label)
    ax.grid(True, alpha=0.3)
for ax in axes[1]:
    ax.set_xlabel("z")
for ax in axes[:, 0]:
    ax.set_ylabel("g(z)")
fig.tight_layout()
plt.show()

identity_gap = np.abs(act.tanh(z) - (2 * act.sigmoid(2 * z) - 1)).max()
print(f"max |tanh(z) - (2 sigma(2z) - 1)| on [-5, 5]: {identity_gap:.1e}")
assert identity_gap < 1e-15
assert np.allclose(act.tanh(-z), -act.tanh(z)) and act.tanh(0.0) == 0.0  # odd, zero-centred
assert np.allclose(act.leaky_relu(z), np.maximum(0.01 * z, z))

# %% [markdown]
# ## 5. Their derivatives
#
# Backpropagation needs $g'(z)$ for every unit (it computes $dZ = dA * g'(Z)$). Writing
# $a = g(z)$:
#
# | $g$ | $g'(z)$ | largest value |
# |---|---|---|
# | sigmoid | $\sigma(z)\,(1 - \sigma(z)) = a(1 - a)$ | $1/4$ at $z = 0$ |
# | tanh | $1 - \tanh^2(z) = 1 - a^2$ | $1$ at $z = 0$ |
# | ReLU | $0$ if $z < 0$, $1$ if $z > 0$ | $1$ |
# | leaky ReLU | $0.01$ if $z < 0$, $1$ if $z > 0$ | $1$ |
#
# At $z = 0$ itself the lecture writes $g'(z) = 1$ for $z \ge 0$; the assignment code and
# Keras take 0 there (0.01 for leaky ReLU), and so does this workbook. The "common
# mistakes" below explain why both are allowed.
#
# The sigmoid and tanh derivatives are written in terms of $a$ because backpropagation
# already has $a$ from the forward pass. Deriving them:
#
# - **sigmoid**: $\sigma(z) = (1 + e^{-z})^{-1}$, so by the chain rule
#   $\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}
#   = \frac{1}{1 + e^{-z}} \cdot \frac{e^{-z}}{1 + e^{-z}} = \sigma(z)\,(1 - \sigma(z))$,
#   since $\frac{e^{-z}}{1 + e^{-z}} = 1 - \frac{1}{1 + e^{-z}}$. It peaks where $a = 1/2$,
#   at $1/4$.
# - **tanh**: from $\tanh z = 2\sigma(2z) - 1$, $\tanh'(z) = 4\sigma'(2z)
#   = 4\sigma(2z)(1 - \sigma(2z))$; with $\sigma(2z) = (1 + a)/2$ and $1 - \sigma(2z) = (1 - a)/2$
#   this is $(1 + a)(1 - a) = 1 - a^2$, largest (1) at $a = 0$.
# - **ReLU and leaky ReLU** are straight lines on each side of 0, so the slope is that of
#   the line: 1 for $z > 0$, and 0 (or the leak) for $z < 0$.
#
# **Common mistakes.** ReLU is not differentiable **only at $z = 0$**, where the slope jumps
# from 0 to 1. For $z < 0$ it is perfectly differentiable, with derivative 0; that zero is
# what can leave a unit "dead" (no gradient ever reaches its weights), and it is the reason
# for leaky ReLU's small slope, not a lack of differentiability. Leaky ReLU itself also has a
# kink at 0. At $z = 0$ any value between the two one-sided slopes (any value in $[0, 1]$
# for ReLU) is a valid **subgradient**, so gradient descent works with any of them. The
# lecture takes the right-hand slope, $g'(0) = 1$. The course's assignment code
# (`relu_backward` sets $dZ = 0$ where $Z \le 0$) and Keras take the left-hand slope,
# $g'(0) = 0$ (and the leak, 0.01, for leaky ReLU), and so does this workbook, so that it
# reproduces the assignment's published numbers. Exact zeros are rarer than other
# values but do happen (a unit whose inputs are all 0 and whose $b$ is 0 gets $z = 0$), so
# the choice changes results in the last digits.
#
# We check each formula against **centred differences**
# $\frac{g(z + h) - g(z - h)}{2h}$ on a grid that avoids the kink:

# %%
z_check = np.linspace(-6, 6, 240)  # an even count: 0 is not on the grid
h = 1e-6
largest_gap = {}
for name, (g, g_prime) in act.ACTIVATIONS.items():
    numeric = (g(z_check + h) - g(z_check - h)) / (2 * h)
    largest_gap[name] = np.abs(numeric - g_prime(z_check)).max()
    print(f"{name:11s} max |centred difference - formula| = {largest_gap[name]:.1e}")
assert max(largest_gap.values()) < 1e-8
assert act.sigmoid_derivative(0.0) == 0.25 and act.tanh_derivative(0.0) == 1.0

# At the kink the one-sided slopes disagree, so no single derivative exists there.
left, right = (act.relu(0.0) - act.relu(-h)) / h, (act.relu(h) - act.relu(0.0)) / h
print(f"ReLU at z = 0: slope from the left {left}, from the right {right}")
print("g'(0): the lecture takes 1; the assignment code, Keras and this workbook take 0")
assert (left, right) == (0.0, 1.0) and act.relu_derivative(0.0) == 0.0
assert act.leaky_relu_derivative(0.0) == act.LEAK  # the left-hand slope again

# %% [markdown]
# In a network the derivatives enter through the layer contract:
# `activation_forward(Z, name)` returns `(A, cache=Z)` and `activation_backward(dA, Z, name)`
# returns $dZ = dA * g'(Z)$. The gradient checker of lesson 01 confirms each backward pass:

# %%
Z_demo = rng.standard_normal((3, 6)) * 2
Z_demo[np.abs(Z_demo) < 0.1] += 0.2  # keep the check away from the kink at 0
for name in ["sigmoid", "tanh", "relu", "leaky_relu"]:
    errors = check_backward(
        lambda Z, name=name: act.activation_forward(Z, name),
        lambda dA, Z, name=name: {"dZ": act.activation_backward(dA, Z, name)},
        {"Z": Z_demo},
        wrt=["Z"],
    )
    print(f"{name:11s} gradient check: {errors['Z']:.1e}")
    assert errors["Z"] < 1e-7

# %% [markdown]
# ### Your turn: two derivatives
# Write `relu_derivative(z)` (0 for $z \le 0$, 1 for $z > 0$) and
# `tanh_derivative(z)` ($1 - \tanh^2 z$) for a NumPy array of any shape. `np.where` and
# `np.tanh` are all you need. Mind the value at $z = 0$.


# %%
def relu_derivative(z):
    """g'(z) of ReLU, elementwise; z: array of any shape -> array of the same shape."""
    # YOUR CODE HERE (one line)
    raise NotImplementedError


def tanh_derivative(z):
    """g'(z) of tanh, elementwise; z: array of any shape -> array of the same shape."""
    # YOUR CODE HERE (one line)
    raise NotImplementedError


check_relu_derivative(relu_derivative)

# %%
check_tanh_derivative(tanh_derivative)

# %% [markdown]
# ### Dashboard: slopes and saturation
# Drag the **leak slope** (0 is plain ReLU) and the **z range**. The right panel shades
# where $g'(z) < 0.05$: there gradient descent barely moves the weights. Widen the range
# and watch how much of it the sigmoid and tanh spend nearly flat. tanh's derivative is
# $4\sigma'(2z)$: it starts four times higher than the sigmoid's and falls off twice as fast
# in $z$, so for this fixed threshold tanh flattens at a smaller $|z|$ than the sigmoid, but
# not at half of it (the cell after the dashboard computes both).

# %%
from course_lib.c1_neural_networks.activations_dashboard import activation_dashboard

dashboard = activation_dashboard(slope=0.01, z_max=5.0)
dashboard

# %%
# The dashboard's numbers come from activation_curves, which we call directly (the
# dashboard above keeps whatever you chose): a wider range is flatter for the sigmoid.
from course_lib.c1_neural_networks.activations_dashboard import FLAT, activation_curves

flat_narrow = activation_curves(z_max=5.0)["flat_fraction"]["sigmoid"]
flat_wide = activation_curves(z_max=15.0)["flat_fraction"]["sigmoid"]
print(
    f"sigmoid nearly flat on {100 * flat_narrow:.0f} % of [-5, 5], {100 * flat_wide:.0f} % of [-15, 15]"
)
assert flat_wide > flat_narrow

# Where each derivative drops below the threshold, solved exactly:
# sigma(1 - sigma) = FLAT at sigma = (1 + sqrt(1 - 4 FLAT)) / 2; 1 - tanh^2 = FLAT at tanh = sqrt(1 - FLAT).
s_edge = (1 + np.sqrt(1 - 4 * FLAT)) / 2
z_sigmoid, z_tanh = np.log(s_edge / (1 - s_edge)), np.arctanh(np.sqrt(1 - FLAT))
print(
    f"g'(z) < {FLAT} beyond |z| = {z_sigmoid:.2f} (sigmoid) and {z_tanh:.2f} (tanh):\n"
    f"  tanh flattens at {z_tanh / z_sigmoid:.2f} times the sigmoid's |z|"
)
assert np.isclose(act.sigmoid_derivative(z_sigmoid), FLAT) and np.isclose(
    act.tanh_derivative(z_tanh), FLAT
)
assert 0.5 < z_tanh / z_sigmoid < 1

# %% [markdown]
# ## 6. Why ReLU made training faster
#
# One of the algorithmic changes that sped deep learning up was replacing the sigmoid by
# ReLU in hidden layers. The reason is in the derivatives: gradient descent moves a weight
# by $\alpha$ times its gradient, and backpropagation multiplies the gradient by $g'(z)$ at
# every layer it passes through. The sigmoid's $g'$ is at most $1/4$ and close to 0 at both
# ends; ReLU's is exactly 1 wherever the unit is active. Through $L$ layers the factors
# multiply:

# %%
for z_value in [0.0, 2.0, 5.0]:
    print(
        f"z = {z_value}: sigma'(z) = {act.sigmoid_derivative(z_value):.4f}, "
        f"ReLU'(z) = {act.relu_derivative(z_value):.0f}"
    )
L_values = np.array([1, 2, 5, 10])
print("best case for the sigmoid through L layers, (1/4)^L:")
print({int(L): f"{0.25**L:.1e}" for L in L_values})
assert act.sigmoid_derivative(5.0) < 0.01 and act.relu_derivative(5.0) == 1.0
assert np.all(act.sigmoid_derivative(z) <= 0.25)

# %% [markdown]
# A small training run makes the difference visible. `activation_training_curves` trains
# the same network (2 inputs, three hidden layers of 16 units, a sigmoid output) on the
# two-moons data with plain batch gradient descent, the same initialisation seed and the
# same learning rate, changing only the hidden activation. (One more difference comes with
# scikit-learn: for the sigmoid it draws the initial weights from a range $\sqrt 3$ times
# narrower than for tanh and ReLU. Drawn from the wider range, the sigmoid network stays
# near $\ln 2$ as well.)

# %%
epochs = budget.pick(ci=200, full=400)
speed = data_scale.activation_training_curves(("logistic", "tanh", "relu"), epochs=epochs)
labels = {"logistic": "sigmoid", "tanh": "tanh", "relu": "ReLU"}
fig, ax = plt.subplots(figsize=(7, 3.4))
for name, costs in zip(speed["activations"], speed["costs"]):
    ax.plot(np.arange(1, epochs + 1), costs, label=f"{labels[name]} hidden units")
ax.axhline(np.log(2), color="0.6", ls=":", lw=1)
ax.text(
    epochs / 2,
    np.log(2) + 0.01,
    "ln 2 = cost of always guessing 1/2",
    ha="center",
    va="bottom",
    color="0.4",
)
ax.set_ylim(top=0.8)
ax.set(xlabel="epoch (one gradient step on all examples)", ylabel="cost J")
ax.set_title("Same network, data and learning rate, three hidden activations")
ax.legend()
plt.show()

final = dict(zip(speed["activations"], speed["costs"][:, -1]))
print({labels[k]: round(float(v), 3) for k, v in final.items()})
tanh_ahead = speed["costs"][1] < speed["costs"][2]  # per epoch: is tanh below ReLU?
overtaken = int(np.argmin(tanh_ahead))  # the first epoch where ReLU is not above tanh
print(
    f"tanh below ReLU for the first {overtaken} epochs; final cost tanh "
    f"{final['tanh']:.3f}, ReLU {final['relu']:.3f}"
)
assert final["logistic"] > 0.6, "the sigmoid network is still stuck near ln 2"
assert final["relu"] < final["logistic"] - 0.2
assert overtaken >= 20 and not tanh_ahead[overtaken:].any()  # tanh leads, then ReLU

# %% [markdown]
# In this run the sigmoid network never leaves $J \approx \ln 2$: its gradients are too
# small to move it in the given steps. tanh (derivative up to 1) drops fastest at first,
# then slows on a plateau; ReLU starts slower, overtakes tanh (the printout says when)
# and keeps improving, so it ends lowest. Tanh against ReLU is this seed's story; the
# sigmoid-versus-ReLU gap holds for every seed we tried.
#
# Faster training matters beyond saving minutes: deep learning is an
# **idea - code - experiment** loop, and the shorter each turn, the more ideas a team can
# try.
#
# ## 7. Choosing an activation
#
# - **Output layer**: sigmoid for a binary label ($\hat y$ is a probability); a linear output
#   ($g(z) = z$) for a real-valued $y$ such as a price, or ReLU when $y \ge 0$; softmax for
#   several classes (Course 2).
# - **Hidden layers**: ReLU is the default. tanh is almost always better than the sigmoid
#   there, because its outputs are centred on 0, which makes the next layer's job easier.
#   Leaky ReLU is worth a try; it often works a little better than ReLU, but ReLU is used
#   more.
# - The sigmoid in a hidden layer is a mistake in practice: it saturates and its outputs
#   are all positive.
# - When unsure, try several on a dev set: the choice is a hyperparameter.
#
# The "zero-centred" point, in numbers: feed standard-normal $z$ through each function.

# %%
Z_normal = rng.standard_normal((100, 1000))
print(
    f"mean of sigmoid(Z): {act.sigmoid(Z_normal).mean():.3f}, "
    f"mean of tanh(Z): {act.tanh(Z_normal).mean():.3f}"
)
assert abs(act.tanh(Z_normal).mean()) < 0.01 and abs(act.sigmoid(Z_normal).mean() - 0.5) < 0.01

# %% [markdown]
# ## 8. Why non-linear activations?
#
# Suppose every layer used the identity $g(z) = z$. Then a two-layer network computes
#
# $$\hat y = W^{[2]}(W^{[1]} x + b^{[1]}) + b^{[2]}
#   = \underbrace{W^{[2]} W^{[1]}}_{W'} x + \underbrace{W^{[2]} b^{[1]} + b^{[2]}}_{b'},$$
#
# a single linear function of $x$, and the same holds for any depth: the hidden layers add
# nothing. `collapse_linear_network` computes $W'$ and $b'$ for any number of layers; both
# routes give the same output:

# %%
deep_dims = [5, 8, 8, 6, 2]
deep = {}
for l in range(1, len(deep_dims)):
    deep[f"W{l}"] = rng.standard_normal((deep_dims[l], deep_dims[l - 1])) * 0.5
    deep[f"b{l}"] = rng.standard_normal((deep_dims[l], 1)) * 0.5
X_small = rng.standard_normal((5, 12))

layered, _ = neurons.network_forward(X_small, deep, "linear")
W_prime, b_prime = neurons.collapse_linear_network(deep)
print(f"{len(deep_dims) - 1} linear layers = one map W' {W_prime.shape}, b' {b_prime.shape}")
print(
    f"max |layer by layer - (W'X + b')| = {np.abs(layered - (W_prime @ X_small + b_prime)).max():.1e}"
)
assert np.allclose(layered, W_prime @ X_small + b_prime, rtol=1e-12, atol=1e-12)

# With ReLU hidden layers the same weights compute something no single linear map gives.
bent, _ = neurons.network_forward(X_small, deep, ["relu", "relu", "relu", "linear"])
assert np.abs(bent - (W_prime @ X_small + b_prime)).max() > 0.1

# %% [markdown]
# So a network with linear hidden units and a sigmoid output is **just logistic
# regression** with $w = W'^T$ and $b = b'$, however many hidden units it has:

# %%
two_layer = {k: deep[k] for k in ["W1", "b1"]}
two_layer["W2"], two_layer["b2"] = rng.standard_normal((1, 8)), np.array([[0.3]])
A_network, _ = neurons.network_forward(X_small, two_layer, ["linear", "sigmoid"])
W_lr, b_lr = neurons.collapse_linear_network(two_layer)
A_logistic, _ = lr.logistic_forward(W_lr.T, b_lr.item(), X_small)
print(f"max |network - logistic regression| = {np.abs(A_network - A_logistic).max():.1e}")
assert np.allclose(A_network, A_logistic, rtol=1e-12)

# %% [markdown]
# The same point in a picture: ten random networks $1 \to 16 \to 16 \to 1$ evaluated on a
# line of inputs. With linear activations every one of them is a straight line; with ReLU
# they bend.

# %%
x_line = np.linspace(-3, 3, 200).reshape(1, -1)
fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.2), sharey=True)
for _ in range(10):
    net = {}
    for l, (n_out, n_in) in enumerate([(16, 1), (16, 16), (1, 16)], start=1):
        net[f"W{l}"] = rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)
        net[f"b{l}"] = rng.standard_normal((n_out, 1)) * 0.5
    for ax, hidden in zip(axes, ["linear", "relu"]):
        out, _ = neurons.network_forward(x_line, net, [hidden, hidden, "linear"])
        ax.plot(x_line[0], out[0], lw=1.2)
        if hidden == "linear":  # a straight line: the second differences vanish
            assert np.abs(np.diff(out[0], 2)).max() < 1e-10
axes[0].set(xlabel="x", ylabel=r"$\hat y$", title="g(z) = z in the hidden layers: lines")
axes[1].set(xlabel="x", title="ReLU in the hidden layers: bent curves")
fig.tight_layout()
plt.show()

# %% [markdown]
# A linear activation does have one proper place: the **output** layer of a regression
# (a price can be any real number). The hidden layers must be non-linear.
#
# ## 9. The Keras twins
#
# `activations_tf.py` has the same functions built from `keras.activations`, and derives
# every $g'(z)$ with `tf.GradientTape` instead of from our formulas: automatic
# differentiation is an independent check of the table in section 5. Two things to know:
# Keras's `leaky_relu` has a default negative slope of **0.2**, so the twin passes the
# course's 0.01; and at exactly $z = 0$ TensorFlow uses the left-hand slope (ReLU$'(0) = 0$),
# the same value as the assignment code and our NumPy code (the lecture's 1 is the other
# one-sided slope).

# %%
from course_lib.c1_neural_networks import activations_tf

z_twin = np.linspace(-6, 6, 240)  # no entry is exactly 0
differences = {}
for name in ["sigmoid", "tanh", "relu", "leaky_relu"]:
    g_np, g_tf = getattr(act, name), getattr(activations_tf, name)
    d_np, d_tf = (getattr(m, f"{name}_derivative") for m in (act, activations_tf))
    differences[name] = max(
        np.abs(g_np(z_twin) - g_tf(z_twin)).max(), np.abs(d_np(z_twin) - d_tf(z_twin)).max()
    )
    print(f"{name:11s} largest |NumPy - Keras| over g and g': {differences[name]:.1e}")
assert max(differences.values()) < 1e-6  # float32 against float64

print(
    "ReLU'(0): NumPy (this workbook)",
    act.relu_derivative(0.0),
    "| TensorFlow",
    activations_tf.relu_derivative(0.0),
)
assert act.relu_derivative(0.0) == 0.0 and activations_tf.relu_derivative(0.0) == 0.0

# %% [markdown]
# ## Summary
#
# - A neuron computes $g(w^T x + b)$; the ReLU neuron $\max(0, w x + b)$ is the course's
#   house-price model. Stacking neurons, with every input wired to every hidden unit,
#   lets the network learn its own intermediate features; more ReLU units, more bends.
# - Supervised learning maps $x$ to $y$; structured data go to standard networks, images
#   to CNNs, sequences to RNNs. Unstructured data are where deep learning changed most.
# - Scale drives progress: more data helped every model in our experiment, and the larger
#   network beat the smaller one at every training-set size.
# - Activations: sigmoid $(0, 1)$, tanh $= 2\sigma(2z) - 1$ (stretched and shifted, centred
#   on 0), ReLU $\max(0, z)$, leaky ReLU $\max(0.01z, z)$. Derivatives: $a(1 - a)$,
#   $1 - a^2$, and 0 / 0.01 for $z < 0$, 1 for $z > 0$; ReLU has no derivative only at 0,
#   where any value in $[0, 1]$ is a valid subgradient: the lecture takes 1, the assignment
#   code, Keras and this workbook take 0.
# - Sigmoid and tanh saturate, so their gradients vanish at both ends; ReLU's gradient is 1
#   wherever the unit is active. In our run the sigmoid network never left $\ln 2$; tanh
#   led early, and ReLU ended lowest.
# - Use sigmoid only for a binary output, prefer tanh to sigmoid in hidden layers, and use
#   ReLU by default.
# - Without non-linear activations any network is one linear map $W'x + b'$; with a sigmoid
#   output it is logistic regression.
#
# Next in this track: a network with one hidden layer, trained by backpropagation. To find
# where any item of this lesson is implemented and tested:

# %%
_ = where("C1.36")
