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
# # Softmax classifiers and TensorFlow
#
# *Course 2 (Improving Deep Neural Networks), week 3, second half. Curriculum items
# C2.68-C2.76.*
#
# So far every network ended in one sigmoid unit and answered a yes/no question. Many
# questions have more than two answers: which of $C$ digits, which of $C$ animals, which
# of $C$ hand signs. The **softmax** layer turns $C$ raw scores into $C$ probabilities that
# sum to 1, and with it a network of any depth becomes a multi-class classifier. The second
# half of this lesson moves from hand-written backward passes to **TensorFlow**, which
# computes the gradients for you. By the end you will have:
#
# 1. computed softmax by hand on the lecture's example and written a version that never
#    overflows;
# 2. seen how softmax differs from hardmax, and that with $C = 2$ it *is* logistic
#    regression;
# 3. written the categorical cross-entropy cost for $(C, m)$ arrays and derived
#    $dZ^{[L]} = \hat Y - Y$, confirmed by a gradient check;
# 4. trained softmax regression (straight boundaries) and a deep softmax network (curved
#    ones), and dragged their hyperparameters;
# 5. used `tf.GradientTape` to find the minimum of $J(w) = w^2 - 10w + 25$;
# 6. trained the same Keras network with `fit` and with your own loop, and got the same
#    numbers.
#
# The NumPy code is in `course_lib/c2_improving_dnns/softmax.py`, its Keras twin in
# `softmax_tf.py`, and the TensorFlow basics in `frameworks_tf.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C2 - Softmax classifiers and TensorFlow", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c2_improving_dnns.softmax_checks import check_softmax, check_softmax_cost
from course_lib.c2_improving_dnns.softmax_dashboard import (
    decision_regions_dashboard,
    plot_decision_regions,
    softmax_logits_dashboard,
    train_decision_regions,
)
from course_lib.gradient_check import gradient_check, numerical_gradient, relative_difference
from course_lib.plots import plot_cost_curve

# %% [markdown]
# ## 1. The softmax activation
#
# A multi-class network ends in a layer of $C$ units, one per class. Its linear part is as
# always $Z^{[L]} = W^{[L]} A^{[L-1]} + b^{[L]}$, now of shape $(C, m)$: one column of $C$
# scores ("logits") per example. Softmax turns each column into probabilities in two steps:
#
# $$t = e^{z^{[L]}} \quad \text{(elementwise)}, \qquad
#   a^{[L]}_i = \frac{t_i}{\sum_{j=1}^{C} t_j}, \quad i = 1, \dots, C.$$
#
# Exponentiating makes every score positive and keeps their order; dividing by the sum
# makes the column add up to 1. Unlike the sigmoid or ReLU, softmax is not elementwise:
# each output depends on **all** $C$ inputs (vector in, vector out).
#
# The lecture's example has $C = 4$ and $z^{[L]} = [5, 2, -1, 3]^T$:

# %%
z = np.array([[5.0], [2.0], [-1.0], [3.0]])
t = np.exp(z)
a = t / t.sum()
for name, column in [("z", z), ("t = e^z", t), ("a = t / sum(t)", a)]:
    print(f"{name:15s}", np.round(column.ravel(), 3))
print(f"sum of t = {t.sum():.1f}, sum of a = {a.sum():.6f}")

assert np.allclose(a.ravel(), [0.842, 0.042, 0.002, 0.114], atol=1e-3)
assert np.allclose(sm.softmax(z), a) and np.isclose(a.sum(), 1.0)

# %% [markdown]
# Class 1 gets 84 % of the probability: its score beats the next one by 2, and
# $e^2 \approx 7.4$, so it counts 7.4 times more. Softmax exaggerates differences between
# scores without hiding the runners-up.
#
# **Overflow.** `np.exp(1000)` is `inf` in float64, and `inf / inf` is `nan`. The fix costs
# nothing: subtracting any constant $c$ from every score of a column multiplies every $t_i$
# by $e^{-c}$, which cancels in the fraction. With $c = \max_j z_j$ every exponent is at most
# 0, so nothing overflows, and the largest $t_i$ is exactly 1, so the sum is at least 1.

# %%
big = np.array([[1000.0], [998.0], [-5.0]])
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(big) / np.exp(big).sum()
print("naive :", naive.ravel())
print("stable:", sm.softmax(big).ravel())
assert np.isnan(naive).any() and np.isfinite(sm.softmax(big)).all()
assert np.allclose(sm.softmax(big), sm.softmax(big - 1000))  # only differences matter

# %% [markdown]
# ### Your turn: a stable softmax
#
# Write `softmax(Z)` for logits of shape $(C, m)$: one softmax per column, stable for large
# scores. Use `np.max(..., axis=0, keepdims=True)` and `np.sum(..., axis=0, keepdims=True)`
# so the shapes broadcast over the columns. Replace the `raise` and run the check.


# %%
def softmax(Z):
    """Column-wise softmax of Z, shape (C, m) -> (C, m)."""
    # YOUR CODE HERE (about 2 lines)
    raise NotImplementedError


check_softmax(softmax)

# %% [markdown]
# ## 2. Softmax vs hardmax, and two classes
#
# **Hardmax** puts a 1 at the largest score and 0 elsewhere: $[5, 2, -1, 3] \mapsto
# [1, 0, 0, 0]$. Softmax is its "soft" version: the largest score still gets the most
# probability, but every class keeps some, and a small change in a score changes the output
# a little instead of flipping it. That smoothness is what makes softmax differentiable and
# trainable by gradient descent.
#
# Drag the logits below. The temperature $T$ divides the scores before the softmax: a large
# $T$ flattens the probabilities towards $1/C$, a small $T$ sharpens them towards the
# hardmax. (The course's softmax is $T = 1$.) The argmax, and so the predicted class, never
# depends on $T$.

# %%
logits_dashboard = softmax_logits_dashboard(logits=(5.0, 2.0, -1.0, 3.0))
assert np.allclose(logits_dashboard.result["a"], sm.softmax(z).ravel())
logits_dashboard

# %% [markdown]
# **Two classes.** With $C = 2$ and scores $(z_1, z_0)$, softmax gives
# $a_1 = e^{z_1} / (e^{z_1} + e^{z_0}) = 1 / (1 + e^{-(z_1 - z_0)}) = \sigma(z_1 - z_0)$.
# Only the difference of the two scores matters, so we may fix $z_0 = 0$: what remains is
# exactly logistic regression, $\hat y = \sigma(z)$. Softmax regression is the
# generalisation of logistic regression to $C$ classes.

# %%
z_row = np.linspace(-8, 8, 9).reshape(1, -1)
two = sm.two_class_softmax(z_row)
print("softmax([z, 0])[0]:", np.round(two[0], 4))
print("sigmoid(z)        :", np.round(sigmoid(z_row)[0], 4))
assert np.allclose(sm.sigmoid_via_softmax(z_row), sigmoid(z_row), rtol=1e-12)
assert np.allclose(two.sum(axis=0), 1.0)

# %% [markdown]
# ## 3. The loss and the cost
#
# Labels become **one-hot** columns: class $k$ of $C$ is the column with a 1 in row $k$.
# Stacking the $m$ columns gives $Y$ of shape $(C, m)$, the same shape as $\hat Y = A^{[L]}$.
# The loss of one example is the categorical cross-entropy
#
# $$\mathcal L(\hat y, y) = -\sum_{j=1}^{C} y_j \log \hat y_j ,$$
#
# and since exactly one $y_j$ is 1, only the true class's term survives:
# $\mathcal L = -\log \hat y_{\text{true}}$. Training pushes the probability of the right
# class up (which pushes the others down, as they share a total of 1). The cost averages
# over the examples:
#
# $$J = \frac{1}{m} \sum_{i=1}^{m} \mathcal L(\hat y^{(i)}, y^{(i)})
#     = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y_j^{(i)} \log \hat y_j^{(i)} .$$
#
# With $C = 2$ it is the binary cross-entropy of Course 1.

# %%
labels_demo = np.array([[1, 0, 3, 2, 1]])
Y_demo = sm.one_hot(labels_demo, 4)  # the course calls it convert_to_one_hot(Y, C)
Z_demo = np.random.default_rng(0).standard_normal((4, 5))
A_demo = sm.softmax(Z_demo)
print("labels", labels_demo, "->  Y (C, m) =", Y_demo.shape)
print(Y_demo.astype(int))
J_demo = sm.softmax_cost(A_demo, Y_demo)
true_class = A_demo[labels_demo[0], np.arange(5)]
print(f"J = {J_demo:.4f}; probabilities of the true classes: {np.round(true_class, 3)}")

assert Y_demo.shape == A_demo.shape == (4, 5)
assert np.isclose(J_demo, -np.mean(np.log(true_class)))
assert np.isclose(J_demo, sm.softmax_cost_from_logits(Z_demo, Y_demo))

# %% [markdown]
# A perfect prediction ($\hat y_{\text{true}} = 1$) costs 0. A prediction of exactly 0 for
# a wrong class is harmless, but naive NumPy computes $0 \cdot \log 0 =$ `nan`; our
# `softmax_cost` only evaluates the terms where $y_j \ne 0$.
#
# ### Your turn: the cost
#
# Write `softmax_cost(AL, Y) -> float` for $(C, m)$ arrays. The check includes a $\hat Y$
# with exact zeros on wrong classes, so make sure `0 * log(0)` cannot appear.


# %%
def softmax_cost(AL, Y):
    """Categorical cross-entropy averaged over the m columns; a Python float."""
    # YOUR CODE HERE (about 2 lines)
    raise NotImplementedError


check_softmax_cost(softmax_cost)

# %% [markdown]
# ## 4. The gradient: dZ = Yhat - Y
#
# Backpropagation starts with the gradient of the loss with respect to the logits. Softmax
# couples its inputs, so its derivative is a $C \times C$ Jacobian:
#
# $$\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j), \qquad
#   \text{i.e.} \quad J_{\text{softmax}} = \operatorname{diag}(a) - a a^T .$$
#
# The loss gives $\partial \mathcal L / \partial a_k = -y_k / a_k$. The chain rule then sums
# over $k$:
#
# $$\frac{\partial \mathcal L}{\partial z_j} = \sum_k \Big(-\frac{y_k}{a_k}\Big)
#   a_k (\delta_{kj} - a_j) = -y_j + a_j \sum_k y_k = a_j - y_j ,$$
#
# because the labels of one example sum to 1. For all examples at once,
# $dZ^{[L]} = \hat Y - Y$, of shape $(C, m)$, the very formula of logistic regression.
# The divisions by $a_k$ cancel, so we never compute them. As in Course 1 the $\frac1m$
# is applied later, in $dW^{[L]} = \frac1m dZ^{[L]} A^{[L-1]T}$ and $db^{[L]}$.
#
# Let us verify the derivation two ways: the Jacobian route gives the same vector, and a
# numerical gradient of $J$ with respect to $Z$ equals $(\hat Y - Y)/m$.

# %%
one_z, one_y = Z_demo[:, :1], Y_demo[:, :1]
one_a = sm.softmax(one_z)
via_jacobian = sm.softmax_jacobian(one_z).T @ (-one_y / one_a)
print("J^T dL/da :", np.round(via_jacobian.ravel(), 6))
print("a - y     :", np.round((one_a - one_y).ravel(), 6))
assert np.allclose(via_jacobian, one_a - one_y)

numeric_dZ = numerical_gradient(lambda Z: sm.softmax_cost_from_logits(Z, Y_demo), Z_demo)
analytic_dZ = sm.softmax_backward(A_demo, Y_demo) / Y_demo.shape[1]
dZ_error = relative_difference(numeric_dZ, analytic_dZ)
print(f"gradient check of dZ = (Yhat - Y) / m: relative difference {dZ_error:.1e}")
assert dZ_error < 1e-7

# %% [markdown]
# > **Common mistake.** One might read that a softmax classifier "cannot be trained like a
# > normal network". It can, and it is: forward pass, cross-entropy cost, and
# > backpropagation that starts from $dZ^{[L]} = \hat Y - Y$ and then runs through the
# > hidden layers exactly as before. That is what the rest of this lesson does.
#
# ## 5. Softmax regression on four clusters
#
# The smallest softmax classifier has no hidden layer: $\hat Y = \text{softmax}(W X + b)$
# with $W$ of shape $(C, n_x)$. The data are four Gaussian clusters in the plane
# (scikit-learn's `make_blobs`, transposed to the course layout $X$ of shape $(2, m)$).
# `sm.model` runs batch gradient descent through the shared Course 2 training loop;
# its backward pass is the one we just derived, checked here on the whole network.

# %%
C_blobs = 4
X_blobs, labels_blobs = sm.make_multiclass_data("blobs", m=400, C=C_blobs, noise=1.0, seed=0)
Y_blobs = sm.one_hot(labels_blobs, C_blobs)
print("X:", X_blobs.shape, " Y:", Y_blobs.shape)

np.random.seed(1)  # noqa: NPY002 - the course seeds the global generator
check_params = sm.initialize_parameters([2, 5, C_blobs], scale="he")
check_params = {k: v + 0.1 for k, v in check_params.items()}  # keep ReLUs off their kink
small_X, small_Y = X_blobs[:, :20], Y_blobs[:, :20]
grads_check, _ = sm.compute_gradients(small_X, small_Y, check_params)
network_error = gradient_check(
    lambda p: sm.compute_cost(sm.forward_propagation(small_X, p)[0], small_Y),
    check_params,
    grads_check,
)
print(f"gradient check of a [2, 5, 4] softmax network: {network_error:.1e}")
assert network_error < 1e-7

# %%
num_epochs_linear = budget.pick(ci=500, full=1500)
linear_params, linear_costs = sm.model(
    X_blobs, Y_blobs, layers_dims=None, learning_rate=0.1, num_epochs=num_epochs_linear
)
linear_accuracy = sm.accuracy(sm.predict(X_blobs, linear_params), labels_blobs)
print(f"softmax regression: W1 {linear_params['W1'].shape}, train accuracy {linear_accuracy:.1%}")
assert linear_params["W1"].shape == (C_blobs, 2)
assert linear_accuracy >= 0.88

linear_result = train_decision_regions(X_blobs, labels_blobs, 0, 0.1, num_epochs_linear)
fig, (ax_regions, ax_cost) = plt.subplots(1, 2, figsize=(9.6, 3.8))
plot_decision_regions(
    ax_regions, linear_result["grid"], X_blobs, labels_blobs,
    f"softmax regression, C = {C_blobs}: train accuracy {linear_accuracy:.0%}",
)  # fmt: skip
plot_cost_curve(ax_cost, linear_costs, every=100)
ax_cost.set_title("cost J during batch gradient descent")
fig.tight_layout()
plt.show()

# %% [markdown]
# Every boundary between two regions is a straight line: class $k$ wins where
# $w_k^T x + b_k$ is the largest score, and the set where two scores are equal,
# $(w_k - w_j)^T x + b_k - b_j = 0$, is a line. With $C$ classes softmax regression cuts the
# plane into at most $C$ convex pieces. Overlapping clusters keep a few points on the wrong
# side: no linear model can do better there.
#
# ## 6. A deep softmax network: curved regions
#
# Three interleaved spiral arms cannot be separated by straight lines. Put ReLU hidden layers
# in front of the softmax ($[2, 32, 32, 3]$, He initialisation) and train the same way:
# nothing changes in the output layer, and the backward pass runs through the hidden layers
# with Course 1's blocks.

# %%
X_spiral, labels_spiral = sm.make_multiclass_data("spiral", m=300, C=3, seed=0)
Y_spiral = sm.one_hot(labels_spiral, 3)
num_epochs_deep = budget.pick(ci=1500, full=3000)
results = {
    "softmax regression": train_decision_regions(X_spiral, labels_spiral, 0, 0.5, 1000),
    "[2, 32, 32, 3] ReLU + softmax": train_decision_regions(
        X_spiral, labels_spiral, 32, 0.5, num_epochs_deep
    ),
}
fig, axes = plt.subplots(1, 2, figsize=(9.6, 4.0))
for ax, (name, result) in zip(axes, results.items()):
    plot_decision_regions(
        ax, result["grid"], X_spiral, labels_spiral,
        f"{name}\ntrain accuracy {result['accuracy']:.0%}",
    )  # fmt: skip
fig.tight_layout()
plt.show()

linear_spiral = results["softmax regression"]["accuracy"]
deep_spiral = results["[2, 32, 32, 3] ReLU + softmax"]["accuracy"]
assert linear_spiral < 0.7 and deep_spiral >= 0.95

# %% [markdown]
# The dashboard retrains when you release a slider (a fixed budget of epochs, on the spiral).
# Set the hidden units to 0 for softmax regression, then add units and watch the regions
# bend; push the learning rate up until the cost curve starts to oscillate.

# %%
regions_dashboard = decision_regions_dashboard(
    X_spiral, labels_spiral, num_epochs=budget.pick(ci=300, full=1500), hidden_units=16
)
assert regions_dashboard.result["layers_dims"] == [2, 16, 16, 3]
regions_dashboard

# %% [markdown]
# ## 7. Which loss for which task
#
# The output layer and the loss go together, and are chosen by what $y$ is:

# %%
for task, row in sm.LOSS_BY_TASK.items():
    print(f"{task}\n    output: {row['output']}\n    loss:   {row['loss']}")
    print("    Keras:  " + row["keras"].replace(" (", "\n            ("))

# Each Keras loss the table names computes the formula next to it (Keras keeps examples in
# rows, so the (n_y, m) arrays are transposed):
import re  # noqa: E402

import keras  # noqa: E402

rng_loss = np.random.default_rng(3)
y_real, yhat_real = rng_loss.standard_normal((1, 6)), rng_loss.standard_normal((1, 6))
y_bin = np.array([[1.0, 0.0, 1.0, 1.0, 0.0, 0.0]])
yhat_bin = rng_loss.uniform(0.05, 0.95, (1, 6))
numpy_losses = {
    "regression": (y_real, yhat_real, np.mean((y_real - yhat_real) ** 2)),
    "binary classification": (
        y_bin, yhat_bin, -np.mean(y_bin * np.log(yhat_bin) + (1 - y_bin) * np.log(1 - yhat_bin)),
    ),
    "multi-class classification": (Y_demo, A_demo, sm.softmax_cost(A_demo, Y_demo)),
}  # fmt: skip
for task, (y, yhat, ours) in numpy_losses.items():
    name = re.match(r"keras\.losses\.(\w+)\(", sm.loss_for_task(task)["keras"]).group(1)
    theirs = float(getattr(keras.losses, name)()(y.T, yhat.T))
    print(f"{task:27s} NumPy {ours:.6f}  keras.losses.{name} {theirs:.6f}")
    assert np.isclose(ours, theirs, rtol=1e-5)

# %% [markdown]
# ## 8. Softmax in Keras
#
# Keras has all the pieces: `tf.nn.softmax(Z, axis=0)` (axis 0 because our classes are rows),
# `keras.losses.CategoricalCrossentropy` (from probabilities, or `from_logits=True`, the
# more accurate choice), and `Dense(C, activation="softmax")`. The twin module builds them
# from our NumPy parameters and transposes, since Keras keeps examples in rows. Its
# gradients come from `tf.GradientTape`, which we have not written a line of backward code
# for, yet they agree with ours.

# %%
from course_lib.c2_improving_dnns import softmax_tf

keras_grads, keras_cost = softmax_tf.compute_gradients(small_X, small_Y, check_params)
numpy_grads, numpy_cost = sm.compute_gradients(small_X, small_Y, check_params)
_, tape_dZ = softmax_tf.logit_gradient(Z_demo, Y_demo)
differences = {
    "softmax": np.abs(softmax_tf.softmax(Z_demo) - A_demo).max(),
    "cost (probabilities)": abs(softmax_tf.softmax_cost(A_demo, Y_demo) - J_demo),
    "cost (from logits)": abs(softmax_tf.softmax_cost_from_logits(Z_demo, Y_demo) - J_demo),
    "tape dJ/dZ vs (Yhat - Y)/m": np.abs(tape_dZ - analytic_dZ).max(),
    "network cost": abs(keras_cost - numpy_cost),
    "network dW1": np.abs(keras_grads["dW1"] - numpy_grads["dW1"]).max(),
    "network db2": np.abs(keras_grads["db2"] - numpy_grads["db2"]).max(),
}
for name, value in differences.items():
    print(f"largest |NumPy - Keras| in {name:28s}: {value:.1e}")
assert max(differences.values()) < 1e-5  # float32 vs float64

# %% [markdown]
# ## 9. TensorFlow basics: GradientTape finds a minimum
#
# The lecture's toy problem: minimise $J(w) = w^2 - 10w + 25 = (w - 5)^2$, whose minimum is
# at $w = 5$. In TensorFlow 2 with Keras 3 you
#
# 1. declare the parameter as a `tf.Variable` (the things an optimiser may change);
# 2. compute the cost inside `with tf.GradientTape() as tape:`, which records every
#    operation;
# 3. ask the tape for $dJ/dw$ and hand it to an optimiser.
#
# ```python
# w = tf.Variable(0.0, dtype=tf.float32)
# optimizer = keras.optimizers.Adam(learning_rate=0.1)
# for _ in range(1000):
#     with tf.GradientTape() as tape:
#         cost = w**2 - 10 * w + 25
#     grads = tape.gradient(cost, [w])
#     optimizer.apply_gradients(zip(grads, [w]))
# ```
#
# `frameworks_tf.minimize_quadratic` is this loop (compiled with `@tf.function`, since 1000
# eager steps are slow), with the coefficients passed as data,
# `x = np.array([1., -10., 25.])` and $J = x_0 w^2 + x_1 w + x_2$: the second form of the
# lecture, where the cost depends on a training set.

# %%
from course_lib.c2_improving_dnns import frameworks_tf

coefficients = np.array([1.0, -10.0, 25.0])
w_final, w_history = frameworks_tf.minimize_quadratic(
    coefficients, learning_rate=0.1, num_steps=1000
)
print(f"w after 1000 Adam steps: {w_final:.6f}  (exact minimum 5)")
assert abs(w_final - 5.0) < 1e-3

fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(w_history, label="w")
ax.axhline(5.0, color="k", ls=":", lw=1, label="minimum w = 5")
ax.set_xlabel("Adam step")
ax.set_ylabel("w")
ax.set_title(r"GradientTape + Adam on $J(w) = w^2 - 10w + 25$, $\alpha = 0.1$")
ax.legend()
fig.tight_layout()
plt.show()

other = np.array([2.0, 4.0, -1.0])
w_other, _ = frameworks_tf.minimize_quadratic(other, 0.1, 1000)
print(f"J = 2w^2 + 4w - 1: w = {w_other:.4f} (exact -x1 / (2 x0) = {-other[1] / (2 * other[0])})")
assert abs(w_other + 1.0) < 1e-3

# %% [markdown]
# Adam moves $w$ by about $\alpha = 0.1$ per step at first (its step size hardly depends on
# the size of the gradient), overshoots 5 a little and settles: after 1000 steps $w$ is 5 to
# about six digits.
#
# > **Common mistakes** (they appear in widely shared notes on this lecture):
# > - The cost is $w^2 - 10w + 25$; written $w^2 + 10w + 25$ its minimum moves to $w = -5$.
# > - `with tf.GradientTape() as tape():` is a SyntaxError; it is `... as tape:`.
# > - `optimizer.minimize(cost_fn, [w])` worked with Keras 2 optimisers. Keras 3
# >   optimisers have no `minimize`: write the tape + `apply_gradients` loop above.
#
# ## 10. Automatic differentiation: `fit` and a custom loop
#
# In the loop above we wrote only the **forward** computation of the cost; TensorFlow
# recorded it and ran backpropagation itself. The same holds for a whole network: define the
# layers and the loss, and the gradients of every weight come for free. There are two ways
# to train a Keras model:
#
# - `model.compile(optimizer, loss)` then `model.fit(X, Y, epochs, batch_size)`: Keras owns
#   the loop;
# - a custom loop: for each mini-batch, the forward pass and the cost inside a `GradientTape`,
#   then `tape.gradient` and `optimizer.apply_gradients`. More code, full control (the loop
#   the course's TensorFlow assignment writes).
#
# Both start here from the same He-initialised weights and use the same unshuffled
# mini-batches, so they make the same updates.

# %%
num_epochs_keras = budget.pick(ci=20, full=60)
layers_keras = [2, 32, 32, 3]
fit_params, fit_history = frameworks_tf.train_with_fit(
    X_spiral, Y_spiral, layers_keras, learning_rate=0.01, epochs=num_epochs_keras, batch_size=32
)
tape_params, tape_history = frameworks_tf.train_with_gradient_tape(
    X_spiral, Y_spiral, layers_keras, learning_rate=0.01, epochs=num_epochs_keras, batch_size=32
)
fit_accuracy = sm.accuracy(softmax_tf.predict(X_spiral, fit_params), labels_spiral)
tape_accuracy = sm.accuracy(softmax_tf.predict(X_spiral, tape_params), labels_spiral)
print(f"fit:         final loss {fit_history['loss'][-1]:.4f}, accuracy {fit_accuracy:.1%}")
print(f"custom loop: final loss {tape_history['loss'][-1]:.4f}, accuracy {tape_accuracy:.1%}")

fig, ax = plt.subplots(figsize=(6, 3))
epochs_axis = np.arange(1, num_epochs_keras + 1)
ax.plot(epochs_axis, fit_history["loss"], lw=3, alpha=0.5, label="model.fit")
ax.plot(epochs_axis, tape_history["loss"], "k--", lw=1, label="GradientTape loop")
ax.set_yscale("log")
ax.set_xlabel("epoch")
ax.set_ylabel("mean categorical cross-entropy")
ax.set_title("The same network trained two ways (Adam, mini-batches of 32)")
ax.legend()
fig.tight_layout()
plt.show()

assert fit_accuracy >= 0.95 and tape_accuracy >= 0.95
assert np.allclose(fit_history["loss"], tape_history["loss"], rtol=1e-4)

# %% [markdown]
# The course's TensorFlow assignment uses two small helpers with labels as $(C, m)$ columns:
# `one_hot_matrix(label, C)` (a single label to a one-hot vector of length $C$, shape
# `(C,)`) and
# `compute_total_loss(logits, labels)`, which **sums** the cross-entropy over the examples of
# a mini-batch (computed from the logits, with the softmax folded into the loss); the epoch's
# cost is the sum over all mini-batches divided by $m$.

# %%
one_hot = frameworks_tf.one_hot_matrix(2, C=4).numpy()
print("one_hot_matrix(2, C=4) =", one_hot, " shape", one_hot.shape)
assert one_hot.shape == (4,) and one_hot[2] == 1 and one_hot.sum() == 1
total = float(frameworks_tf.compute_total_loss(Z_demo, Y_demo))
print(f"compute_total_loss = {total:.4f} = m * J = {Y_demo.shape[1] * J_demo:.4f}")
assert np.isclose(total, Y_demo.shape[1] * J_demo, rtol=1e-5)

# %% [markdown]
# ## 11. Choosing a framework
#
# TensorFlow, PyTorch, JAX and others all offer tensors on CPU and GPU, automatic
# differentiation and ready-made layers and optimisers; which one you use matters less than
# knowing what they compute (the NumPy half of this workbook). The lecture's criteria for
# choosing are still the right ones:
#
# - **Ease of programming**, both for developing and iterating on a model and for deploying
#   it to production (servers, phones, browsers).
# - **Running speed**, on your hardware, for training and for inference.
# - **Truly open**: open source *and* governed well, so that a single company cannot later
#   close it or steer it against its users.
#
# Frameworks evolve quickly (the `minimize` call above disappeared between Keras 2 and 3),
# so check the current documentation and versions rather than old snippets.
#
# ## Summary
#
# - Softmax turns the $C$ scores of a column into probabilities,
#   $a_i = e^{z_i} / \sum_j e^{z_j}$; subtract the column maximum first so it never
#   overflows. Hardmax is its non-differentiable limit; with $C = 2$ softmax is the sigmoid of
#   the score difference, i.e. logistic regression.
# - With one-hot labels $Y$ of shape $(C, m)$ the loss is
#   $-\sum_j y_j \log \hat y_j = -\log \hat y_{\text{true}}$, the cost its mean over $m$.
# - Softmax and cross-entropy together give $dZ^{[L]} = \hat Y - Y$; a softmax classifier is
#   trained like any other network, and the gradient check agrees to $10^{-7}$.
# - Softmax regression draws straight boundaries; hidden ReLU layers bend them.
# - Regression uses MSE, binary classification binary cross-entropy, multi-class
#   classification categorical cross-entropy.
# - In TensorFlow you write the forward cost inside `tf.GradientTape()`, then
#   `tape.gradient` and `optimizer.apply_gradients` (Keras 3 has no `minimize`); `fit` and a
#   custom loop make the same updates.
#
# To find where any item of this lesson is implemented and tested:

# %%
_ = where("C2.71")
