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
# # Deep network step by step
#
# *Course 1 (Neural Networks and Deep Learning), week 4. Curriculum items C1.45-C1.53.*
#
# A deep network is the shallow network of the previous lesson with the hidden layer
# repeated. Nothing new is needed in the maths; what is new is the bookkeeping: a loop over
# layers, and a **cache** that each layer's forward step leaves for its backward step. In
# this lesson you will:
#
# 1. fix the notation for an $L$-layer network and see why depth can beat width;
# 2. initialise any architecture from a list `layer_dims` and print every shape;
# 3. build the forward pass from two blocks (linear, activation) with caches;
# 4. build the backward pass from the matching blocks, starting from $dA^{[L]}$,
#    and gradient-check every one of them;
# 5. write `L_model_backward` yourself, train a small network and meet hyperparameters;
# 6. compare everything with a Keras stack of `Dense` layers.
#
# NumPy code: `course_lib/c1_neural_networks/deep_network.py`; Keras twin:
# `deep_network_tf.py`. The next lesson trains these networks on images.

# %%
from course_lib.lesson import print_values, start_lesson

lesson = start_lesson("C1 - Deep network step by step", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.deep_network_checks import (
    check_L_model_backward,
    check_L_model_forward,
    check_linear_backward,
)
from course_lib.gradient_check import check_backward, gradient_check
from course_lib.plots import plot_cost_curve

# %% [markdown]
# ## 1. Deep-network notation
#
# Count layers without the input: a network with $L$ layers has $L - 1$ hidden layers and
# one output layer. Logistic regression is a 1-layer network ($L = 1$); the planar
# classifier of the last lesson had $L = 2$.
#
# | symbol | meaning |
# |---|---|
# | $L$ | number of layers (hidden + output) |
# | $n^{[l]}$ | units in layer $l$; $n^{[0]} = n_x$, the input size |
# | $a^{[l]} = g^{[l]}(z^{[l]})$ | activations of layer $l$, with its own $g^{[l]}$ |
# | $W^{[l]}, b^{[l]}$ | the parameters that compute $z^{[l]}$ |
# | $a^{[0]} = x$, $\hat y = a^{[L]}$ | the input and the prediction |
#
# For all $m$ examples at once (one per column, as always):
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}), \qquad
#   l = 1, \dots, L, \qquad A^{[0]} = X.$$
#
# This lesson's network uses $g = \text{ReLU}$ in layers $1, \dots, L-1$ and the sigmoid
# in layer $L$ (for a yes/no answer): **[LINEAR → RELU] × (L−1) → LINEAR → SIGMOID**.
# (Some notes write $A^{[l]} = \sigma(Z^{[l]})$ for every layer; only the output layer
# uses $\sigma$ here.) There is no way around a loop over $l$: vectorisation removes the
# loop over examples, not the one over layers.

# %% [markdown]
# ## 2. Why deep representations
#
# Two intuitions from the lectures:
#
# - **Hierarchical features.** In a face detector the first layers respond to edges, later
#   ones combine edges into parts (an eye, a nose), and the last ones combine parts into
#   faces. Speech goes the same way: waveform → phonemes → words → sentences. Each layer
#   builds on the one below, so simple features are reused by many complex ones.
# - **Circuit theory.** Some functions are cheap to compute with many small layers and
#   expensive with few wide ones. The lecture's example is the parity (XOR) of $n$ bits:
#   a tree of XOR gates needs $n - 1$ gates in $\lceil \log_2 n \rceil$ levels, while one
#   level of AND gates followed by an OR must list every input pattern with odd parity,
#   $2^{n-1}$ of them.
#
# (A caveat the lecture glosses over: the exponential count is for AND/OR gates. Units
# that can add, like ReLUs, compute parity with about $n$ units in one hidden layer by
# counting the ones. The gap is real for ReLU networks too, though, for other functions.)
#
# A function where ReLU networks show the gap exactly is the **sawtooth**. One hidden layer
# of 2 ReLU units computes the tent map $t(x) = 2\,\text{relu}(x) - 4\,\text{relu}(x - 1/2)$,
# which folds $[0, 1]$ onto itself; $k$ such layers compose it $k$ times and give $2^k$
# linear pieces from only $2k$ hidden units. A network with **one** hidden layer of $n$
# ReLU units is piecewise linear with at most $n + 1$ pieces (each unit adds at most one
# kink), so it needs at least $2^k - 1$ units for the same function.

# %%
x = np.linspace(0, 1, 2**10 + 1).reshape(1, -1)  # a dyadic grid: every kink is a grid point
depths = [1, 2, 3, 6]
fig, axes = plt.subplots(1, len(depths), figsize=(9.6, 2.8), sharey=True)
rows = []
for ax, depth in zip(axes, depths):
    y = dn.sawtooth(x, dn.sawtooth_parameters(depth))
    slopes = np.round(np.diff(y[0]) / np.diff(x[0]), 6)
    pieces = 1 + np.count_nonzero(slopes[1:] != slopes[:-1])
    rows.append((depth, 2 * depth, pieces, pieces - 1))
    ax.plot(x[0], y[0], lw=1)
    ax.set(
        title=f"{depth} layer{'s' * (depth > 1)}, {2 * depth} units:\n{pieces} pieces", xlabel="x"
    )
axes[0].set_ylabel("network output")
fig.suptitle("k hidden layers of 2 ReLU units each: the sawtooth")
fig.tight_layout()
plt.show()

print("depth  deep units  pieces  units one hidden layer needs (at least)")
for depth, units, pieces, shallow in rows:
    print(f"{depth:5d}  {units:10d}  {pieces:6d}  {shallow:8d}")
    assert pieces == 2**depth
print("parity of n bits: XOR tree vs one level of ANDs + an OR")
for n in (4, 8, 16, 32):
    print(
        f"  n = {n:2d}: {n - 1:3d} XOR gates in {int(np.ceil(np.log2(n)))} levels "
        f"vs {2 ** (n - 1):,} AND terms"
    )

# %% [markdown]
# ## 3. Initialisation from `layer_dims`, and every shape
#
# An architecture is one list, `layer_dims = [n^[0], n^[1], ..., n^[L]]`.
# `initialize_parameters_deep` draws `W[l] = np.random.randn(n^[l], n^[l-1]) * 0.01` for
# each layer (random, to break the symmetry between units; small, so sigmoid and tanh
# layers start in their steep region) and sets `b[l]` to zeros. Like the course's function
# it seeds NumPy itself (`seed=3` by default), so called as the course calls it the
# numbers are the course's:

# %%
parameters = dn.initialize_parameters_deep([5, 4, 3])
print("W1 =", parameters["W1"].round(8), sep="\n")
print("b1 =", parameters["b1"].ravel(), " W2 shape", parameters["W2"].shape)
assert np.allclose(
    parameters["W1"][0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388]
)
assert parameters["W2"].shape == (3, 4) and not parameters["b2"].any()

# %% [markdown]
# Most bugs in a deep network are shape bugs, and the shapes follow from two rules:
#
# - $W^{[l]}$ and $dW^{[l]}$ are $(n^{[l]}, n^{[l-1]})$; $b^{[l]}$ and $db^{[l]}$ are
#   $(n^{[l]}, 1)$; a gradient always has the shape of what it differentiates.
# - $Z^{[l]}, A^{[l]}, dZ^{[l]}, dA^{[l]}$ are $(n^{[l]}, m)$ (for one example,
#   $(n^{[l]}, 1)$); $b^{[l]}$ is broadcast across the $m$ columns.
#
# `format_layer_shapes` prints the whole table for any architecture; change `layer_dims`
# and `m` and run the cell again. The assert compares the table with the arrays of a real
# forward and backward pass.

# %%
layer_dims, m = [5, 4, 3, 2, 1], 10
print(dn.format_layer_shapes(layer_dims, m))
print(f"{dn.count_parameters(layer_dims)} parameters in all")

np.random.seed(1)  # noqa: NPY002
X_demo = np.random.randn(layer_dims[0], m)  # noqa: NPY002
Y_demo = (np.random.rand(1, m) > 0.5).astype(float)  # noqa: NPY002
params_demo = dn.initialize_parameters_deep(layer_dims, scale="xavier", seed=None)  # keep drawing
AL_demo, caches_demo = dn.L_model_forward(X_demo, params_demo)
grads_demo = dn.L_model_backward(AL_demo, Y_demo, caches_demo)
for row, ((_, W, b), Z) in zip(dn.layer_shapes(layer_dims, m), caches_demo):
    l = row["layer"]
    assert W.shape == row["W"] == grads_demo[f"dW{l}"].shape
    assert b.shape == row["b"] == grads_demo[f"db{l}"].shape and Z.shape == row["Z"]

# %% [markdown]
# ## 4. Forward propagation with caches
#
# The forward pass is built from two blocks:
#
# - `linear_forward(A_prev, W, b)` computes $Z = W A_{\text{prev}} + b$ and caches
#   `(A_prev, W, b)`;
# - `linear_activation_forward(A_prev, W, b, activation)` adds $A = g(Z)$ and caches
#   `((A_prev, W, b), Z)`: everything the backward step for this layer will need.
#
# `L_model_forward(X, parameters)` runs layer 1 to $L$, collecting the $L$ caches in a
# list. Caching is not an optimisation detail: $dW^{[l]}$ needs $A^{[l-1]}$ and
# $g'(Z^{[l]})$ needs $Z^{[l]}$, values the forward pass has already computed.

# %%
Z, linear_cache = dn.linear_forward(X_demo, params_demo["W1"], params_demo["b1"])
A1, cache1 = dn.linear_activation_forward(X_demo, params_demo["W1"], params_demo["b1"], "relu")
print("Z1:", Z.shape, " A1:", A1.shape, " A1 = max(0, Z1):", np.array_equal(A1, np.maximum(0, Z)))
print(f"AL: {AL_demo.shape}, {len(caches_demo)} caches, yhat = {AL_demo.round(3)}")
assert len(caches_demo) == len(layer_dims) - 1 and AL_demo.shape == (1, m)
assert np.all((AL_demo > 0) & (AL_demo < 1))

# %% [markdown]
# ### Your turn: `L_model_forward`
# Loop over layers 1 to $L-1$ with `"relu"`, then layer $L$ with `"sigmoid"`, appending
# each cache. `dn.linear_activation_forward` is available.


# %%
def L_model_forward(X, parameters):
    """X: (n_x, m), parameters {"W1", "b1", ...} -> (AL: (1, m), caches: list of L)."""
    # YOUR CODE HERE (about 8 lines)
    raise NotImplementedError


check_L_model_forward(L_model_forward)

# %% [markdown]
# ## 5. Cost
#
# The output layer is a sigmoid unit, so the cost is the cross-entropy of logistic
# regression, averaged over the $m$ examples:
#
# $$J = -\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)}) \log\big(1 - a^{[L](i)}\big) \Big).$$

# %%
cost = dn.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
print(f"J = {cost:.6f}")
assert isinstance(cost, float) and np.isclose(cost, 0.2797765635793422)

# %% [markdown]
# ## 6. Backward propagation
#
# Each forward block has a backward block that takes the gradient of its output and its
# cache and returns the gradient of its input (and of its parameters). For layer $l$:
#
# $$dZ^{[l]} = dA^{[l]} * g^{[l]\prime}(Z^{[l]}), \qquad
#   dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad
#   db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
#   dA^{[l-1]} = W^{[l]T} dZ^{[l]},$$
#
# where $*$ is elementwise and the sum is `np.sum(dZ, axis=1, keepdims=True)`.
# `linear_backward` does the last three, `linear_activation_backward` the first and
# then calls it. The $\frac1m$ sits in $dW$ and $db$ only, because $J$ averages over
# examples and only the parameters are shared by all of them.
#
# **Where backpropagation starts.** The output is $A^{[L]}$, and the derivative of the
# loss with respect to it is, elementwise,
#
# $$dA^{[L]} = -\frac{Y}{A^{[L]}} + \frac{1 - Y}{1 - A^{[L]}} \qquad (1, m).$$
#
# **Common mistake:** one set of notes writes this with $\sum_{i=1}^m$ in front. That sum
# would collapse the $m$ per-example derivatives into one number and mix all examples'
# errors into every gradient. There is one entry per example; the average over examples
# happens later, in $dW$ and $db$. Through the sigmoid, $dZ^{[L]} = dA^{[L]} \cdot
# A^{[L]}(1 - A^{[L]}) = A^{[L]} - Y$ (the library uses this form when it can, because it
# stays finite when $A^{[L]}$ rounds to exactly 0 or 1).
#
# The gradient checker nudges every input by $\pm\varepsilon$ and compares the slopes it
# measures with the backward blocks. Every backward function of this lesson is checked:

# %%
rng = np.random.default_rng(0)
A_prev, W, b = rng.standard_normal((4, 6)), rng.standard_normal((3, 4)), rng.standard_normal((3, 1))


def linear_backward_dict(dZ, cache):
    dA_prev, dW, db = dn.linear_backward(dZ, cache)
    return {"dA": dA_prev, "dW": dW, "db": db}


errors = check_backward(dn.linear_forward, linear_backward_dict, {"A": A_prev, "W": W, "b": b},
                        ["W", "b"], scale=1 / 6)  # fmt: skip
errors |= check_backward(
    dn.linear_forward, linear_backward_dict, {"A": A_prev, "W": W, "b": b}, ["A"]
)
for activation in ["relu", "sigmoid"]:

    def forward(A_prev, W, b, activation=activation):
        return dn.linear_activation_forward(A_prev, W, b, activation)

    def backward(dA, cache, activation=activation):
        dA_prev, dW, db = dn.linear_activation_backward(dA, cache, activation)
        return {"dA_prev": dA_prev, "dW": dW, "db": db}

    inputs = {"A_prev": A_prev, "W": W, "b": b}
    for name, value in check_backward(forward, backward, inputs, ["W", "b"], scale=1 / 6).items():
        errors[f"{activation}: {name}"] = value
    errors[f"{activation}: A_prev"] = check_backward(forward, backward, inputs, ["A_prev"])[
        "A_prev"
    ]
print_values("linear and linear+activation blocks", errors, "{:.0e}")
assert max(errors.values()) < 1e-7

# %% [markdown]
# `L_model_backward(AL, Y, caches)` chains the blocks from layer $L$ down to layer 1 and
# returns `grads` with `"dW1" ... "dWL"`, `"db1" ... "dbL"` and `"dA0" ... "dA{L-1}"`
# (`grads["dA" + str(l)]` is the gradient of $A^{[l]}$). The whole chain is checked
# against the cost $J$ itself, over every parameter of a 4-layer network at once. (The
# biases are drawn at random so that no ReLU input sits exactly at 0, its kink, where a
# centred difference would straddle two slopes.)

# %%
X_check = rng.standard_normal((5, 8))
Y_check = (rng.random((1, 8)) > 0.5).astype(float)
params_check = {}
for l, (n, n_prev) in enumerate(zip([4, 3, 2, 1], [5, 4, 3, 2]), start=1):
    params_check[f"W{l}"] = rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)
    params_check[f"b{l}"] = rng.standard_normal((n, 1)) * 0.5
AL_check, caches_check = dn.L_model_forward(X_check, params_check)
grads_check = dn.L_model_backward(AL_check, Y_check, caches_check)


def cost_of(p):
    return dn.compute_cost(dn.L_model_forward(X_check, p)[0], Y_check)


difference = gradient_check(cost_of, params_check, grads_check)
print(f"L_model_backward vs centred differences: relative difference {difference:.1e}")
print(sorted(grads_check, key=lambda k: (k[:2], int(k[2:]))))
assert difference < 1e-7

# The summed start of the common mistake fails the same check.
dAL_summed = np.sum(-(Y_check / AL_check) + (1 - Y_check) / (1 - AL_check)) * np.ones_like(AL_check)
wrong = dict(grads_check)
wrong["dA3"], wrong["dW4"], wrong["db4"] = dn.linear_activation_backward(
    dAL_summed, caches_check[3], "sigmoid"
)
for l in (3, 2, 1):
    wrong[f"dA{l - 1}"], wrong[f"dW{l}"], wrong[f"db{l}"] = dn.linear_activation_backward(
        wrong[f"dA{l}"], caches_check[l - 1], "relu")  # fmt: skip
wrong_difference = gradient_check(cost_of, params_check, wrong)
print(f"with the summed dA^[L]: relative difference {wrong_difference:.1e}")
assert wrong_difference > 1e-2

# %% [markdown]
# ### Your turn: `linear_backward` and `L_model_backward`
# First the three formulas of the linear block. Then the chain: start from $dA^{[L]}$
# (the elementwise formula above), go through layer $L$ with `"sigmoid"`, then layers
# $L-1, \dots, 1$ with `"relu"`; `caches[l - 1]` belongs to layer $l$. Use
# `dn.linear_activation_backward` (or your `linear_backward`). Stuck? `dn.L_model_backward??`
# shows the reference.


# %%
def linear_backward(dZ, cache):
    """dZ: (n[l], m), cache (A_prev, W, b) -> (dA_prev, dW, db)."""
    # YOUR CODE HERE (4 lines)
    raise NotImplementedError


def L_model_backward(AL, Y, caches):
    """AL, Y: (1, m), caches: list of L -> grads {"dA0".., "dW1".., "db1"..}."""
    # YOUR CODE HERE (about 10 lines)
    raise NotImplementedError


check_linear_backward(linear_backward)

# %%
check_L_model_backward(L_model_backward)

# %% [markdown]
# ## 7. Update, and a network that learns
#
# Gradient descent updates every layer the same way:
#
# $$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]},
#   \qquad l = 1, \dots, L.$$
#
# `update_parameters` is the very function of the shallow network, written once for any
# number of layers. One training iteration is now four calls: forward, cost, backward,
# update. Let us fit a 3-layer network to a problem no straight line separates: two
# interleaved half-moons.

# %%
from sklearn.datasets import make_moons

X_moons, y_moons = make_moons(n_samples=300, noise=0.15, random_state=0)
X_moons, Y_moons = X_moons.T, y_moons.reshape(1, -1).astype(float)
moons_dims = [2, 16, 8, 1]
num_iterations = budget.pick(ci=2000, full=5000)

params_moons = dn.initialize_parameters_deep(moons_dims, scale="he", seed=1)
costs = []
for i in range(num_iterations):
    AL, caches = dn.L_model_forward(X_moons, params_moons)
    cost = dn.compute_cost(AL, Y_moons)
    grads = dn.L_model_backward(AL, Y_moons, caches)
    params_moons = dn.update_parameters(params_moons, grads, learning_rate=0.5)
    if i % 100 == 0:
        costs.append(cost)
moons_accuracy = dn.accuracy(dn.predict(X_moons, Y_moons, params_moons), Y_moons)

from course_lib.plots import plot_decision_boundary

fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.6))
plot_cost_curve(axes[0], costs)
axes[0].set_title(f"{moons_dims}: cost every 100 iterations")
plot_decision_boundary(axes[1], lambda P: dn.predict(P, np.zeros((1, P.shape[1])), params_moons),
                       X_moons, Y_moons)  # fmt: skip
axes[1].set_title(f"decision regions, train accuracy {100 * moons_accuracy:.0f} %")
fig.tight_layout()
plt.show()
assert costs[-1] < 0.2 * costs[0] and moons_accuracy > 0.95

# %% [markdown]
# ## 8. Parameters and hyperparameters
#
# **Parameters** are what gradient descent learns: $W^{[1]}, b^{[1]}, \dots, W^{[L]},
# b^{[L]}$. **Hyperparameters** are the choices you make before training that decide
# what the parameters end up being: the learning rate $\alpha$, the number of
# iterations, the number of layers $L$, the units $n^{[l]}$ per layer, the activation
# functions, the initialisation scale (and, in Course 2, momentum, mini-batch size and
# regularisation). There is no formula for them: choosing them is an empirical loop of
# idea → code → experiment, and good values for one problem (vision, speech, ads) often
# do not carry over to another, or to the same problem a year later with more data.
#
# A quick experiment with one hyperparameter, the learning rate, on the same network:

# %%
rates = [0.01, 0.1, 0.5, 2.0, 8.0]
short = budget.pick(ci=600, full=1500)
fig, ax = plt.subplots(figsize=(8, 3.2))
finals, outputs, start_cost = {}, {}, None
for rate in rates:
    p = dn.initialize_parameters_deep(moons_dims, scale="he", seed=1)
    curve = []
    for i in range(short):
        AL, caches = dn.L_model_forward(X_moons, p)
        if i % 100 == 0:
            curve.append(dn.compute_cost(AL, Y_moons))
        p = dn.update_parameters(p, dn.L_model_backward(AL, Y_moons, caches), rate)
    outputs[rate], _ = dn.L_model_forward(X_moons, p)
    finals[rate] = dn.compute_cost(outputs[rate], Y_moons)  # after the last step
    start_cost = curve[0]  # the same for every rate: same start
    plot_cost_curve(ax, curve, label=f"alpha = {rate}")
ax.set_title(f"Same parameters at the start, {short} iterations, {len(rates)} learning rates")
ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
fig.tight_layout()
plt.show()
print("cost after the last step:", {rate: round(value, 3) for rate, value in finals.items()})
spread = np.ptp(outputs[8.0])
print(f"alpha = 8: outputs for all {Y_moons.shape[1]} points within a range of {spread:.1e}")
# Up to alpha = 2, a bigger step ends lower; alpha = 8 overshoots and ends at ln 2.
assert finals[0.01] > finals[0.1] > finals[0.5] > finals[2.0]
assert abs(finals[8.0] - np.log(2)) < 0.01 and spread < 0.01 and finals[8.0] > start_cost

# %% [markdown]
# Up to $\alpha = 2$, the bigger the step, the lower the cost at the end of this budget;
# $\alpha = 0.01$ still moves, only slowly. At $\alpha = 8$ the steps overshoot: the cost
# ends at $\ln 2 = 0.693$, above where it started, with the network giving the same
# output for every point (the spread printed above). Good rates lie between "slow" and
# "overshoots", and only an experiment tells you where.

# %% [markdown]
# ## 9. The Keras twin
#
# In Keras the same network is a `Sequential` of `Dense` layers: `Dense(n^[l],
# activation="relu")` for the hidden layers and `Dense(1, activation="sigmoid")` last.
# `build_deep_model(parameters)` copies our weights in (Keras stores the kernel as
# $W^T$ because its examples are rows), and `tf.GradientTape` differentiates the cost
# automatically. Same numbers up to float32 rounding:

# %%
from course_lib.c1_neural_networks import deep_network_tf as dn_tf

keras_model = dn_tf.build_deep_model(params_check)
keras_model.summary()
AL_keras, _ = dn_tf.L_model_forward(X_check, params_check)
grads_keras = dn_tf.L_model_backward(X_check, Y_check, params_check)
differences = {"AL": np.abs(AL_keras - AL_check).max()}
differences |= {key: np.abs(grads_keras[key] - grads_check[key]).max() for key in grads_keras}
print_values("largest |NumPy - Keras|", differences)
assert max(differences.values()) < 1e-5

# %% [markdown]
# ## Summary
#
# - An $L$-layer network repeats $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$,
#   $A^{[l]} = g^{[l]}(Z^{[l]})$ for $l = 1, \dots, L$, with $A^{[0]} = X$ and
#   $\hat Y = A^{[L]}$; a loop over layers is unavoidable.
# - Depth buys efficiency: $k$ layers of 2 ReLUs make $2^k$ linear pieces, which one
#   hidden layer needs at least $2^k - 1$ units to match.
# - Shapes: $W^{[l]}, dW^{[l]}$ are $(n^{[l]}, n^{[l-1]})$; $b^{[l]}, db^{[l]}$ are
#   $(n^{[l]}, 1)$; $Z, A, dZ, dA$ are $(n^{[l]}, m)$.
# - Each forward block caches what its backward block needs; backward starts from the
#   elementwise $dA^{[L]} = -Y/A^{[L]} + (1-Y)/(1-A^{[L]})$ (no sum) and applies
#   $dZ = dA * g'(Z)$, $dW = \frac1m dZ A_{\text{prev}}^T$, $db = \frac1m \sum dZ$,
#   $dA_{\text{prev}} = W^T dZ$. All of them passed a gradient check.
# - Parameters are learned; hyperparameters ($\alpha$, iterations, $L$, $n^{[l]}$,
#   activations) are chosen by experiment.
#
# Next: the same functions on a real image task. Where is an item implemented and tested?

# %%
_ = where("C1.51")
