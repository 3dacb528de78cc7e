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
# # Logistic regression as a neural network
#
# *Course 1 (Neural Networks and Deep Learning), week 2. Curriculum items C1.06-C1.25.*
#
# Logistic regression is the smallest neural network there is: one neuron with a sigmoid.
# Everything a deep network does (a forward pass, a loss, a backward pass that applies the
# chain rule, gradient descent, vectorised code) already appears here in a form small
# enough to check by hand. By the end of this lesson you will have:
#
# 1. turned images into the course's data matrix $X$ of shape $(n_x, m)$;
# 2. written down the model $\hat y = \sigma(w^T x + b)$ and its cross-entropy cost;
# 3. traced derivatives through a computation graph and checked them numerically;
# 4. replaced explicit loops with vectorised NumPy and timed the difference;
# 5. trained a face vs non-face classifier, looked at its mistakes and dragged the learning rate;
# 6. rebuilt the same neuron in Keras and confirmed both give the same numbers.
#
# Every function used here lives in `course_lib/c1_neural_networks/` (NumPy) with its Keras
# twin in `logistic_regression_tf.py`; `course_lib.where("C1.23")` tells you where any item
# is implemented and tested.

# %%
from course_lib.lesson import print_values, start_lesson

lesson = start_lesson("C1 - Logistic regression as a neural network", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib import where
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c1_neural_networks.computation_graph import graph_backward, graph_forward
from course_lib.c1_neural_networks.logistic_regression_checks import (
    check_predict,
    check_propagate,
    check_sigmoid,
)
from course_lib.c1_neural_networks.vectorization import dot_loop, normalize_rows, time_call
from course_lib.data import load_image_classification
from course_lib.gradient_check import check_backward
from course_lib.plots import image_grid, plot_cost_curve

# %% [markdown]
# ## 1. Binary classification and the data
#
# In binary classification every example $x$ gets a label $y \in \{0, 1\}$, and the model
# outputs $\hat y = P(y = 1 \mid x)$, its belief that the label is 1. The course's running
# example asks "is there a cat in this picture?". Its image files are not part of this
# workbook, so offline we ask a question of the same kind: **is this 25x25 crop a face?**
# The 200 crops ship with scikit-image (100 faces from Labeled Faces in the Wild, 100
# background patches from the same photos). If you have the course's
# `train_catvnoncat.h5` and `test_catvnoncat.h5`, put them in `data/course/` and this
# lesson uses the cats instead.

# %%
dataset = load_image_classification()
train_x_orig, train_y, test_x_orig, test_y, classes = dataset.as_tuple()
print(dataset.description)
print("train_x_orig:", train_x_orig.shape, " train_y:", train_y.shape)
print("test_x_orig: ", test_x_orig.shape, " test_y: ", test_y.shape)

names = [classes[int(label)].decode() for label in train_y[0, :16]]
_ = image_grid(train_x_orig[:16], names, ncols=8, size=1.2)
plt.show()

# %% [markdown]
# A network wants each example as one column of numbers. Unrolling an image of shape
# $(h, w, c)$ gives a column of $n_x = h \cdot w \cdot c$ pixel values, and stacking the
# $m$ columns side by side gives the data matrix
#
# $$X = \begin{bmatrix} | & | & & | \\ x^{(1)} & x^{(2)} & \cdots & x^{(m)} \\
#   | & | & & | \end{bmatrix} \in \mathbb{R}^{n_x \times m}, \qquad
#   Y = \begin{bmatrix} y^{(1)} & y^{(2)} & \cdots & y^{(m)} \end{bmatrix}
#   \in \mathbb{R}^{1 \times m}.$$
#
# Examples are **columns** throughout the course (Keras uses rows; section 9 transposes).
# In NumPy the unrolling is one line, `X = images.reshape(images.shape[0], -1).T`: the
# reshape keeps the example index first, and `.T` turns examples into columns. Pixel
# values are divided by their maximum (255 for 8-bit images) so they lie in $[0, 1]$.

# %%
X_train = lr.flatten_images(train_x_orig) / dataset.pixel_scale
X_test = lr.flatten_images(test_x_orig) / dataset.pixel_scale
Y_train, Y_test = train_y, test_y
n_x, m_train = X_train.shape
print(f"n_x = {n_x} features per example, m_train = {m_train}, m_test = {X_test.shape[1]}")

# The first column of X is the first image, read row by row.
assert X_train.shape == (np.prod(train_x_orig.shape[1:]), train_x_orig.shape[0])
assert np.array_equal(X_train[:, 0], train_x_orig[0].ravel() / dataset.pixel_scale)
assert Y_train.shape == (1, m_train) and set(np.unique(Y_train)) <= {0, 1}

# %% [markdown]
# ## 2. The model and the sigmoid
#
# Logistic regression computes a weighted sum of the inputs and squashes it into $(0, 1)$:
#
# $$z = w^T x + b, \qquad \hat y = a = \sigma(z) = \frac{1}{1 + e^{-z}},$$
#
# with weights $w \in \mathbb{R}^{n_x}$ (a column of shape $(n_x, 1)$) and a bias
# $b \in \mathbb{R}$. The course keeps $b$ separate from $w$ rather than folding it into
# a $\theta_0$.
#
# The sigmoid is $1/2$ at $z = 0$, tends to 1 for large positive $z$ and to 0 for large
# negative $z$. Far from 0 it is almost flat: its slope $\sigma'(z) = \sigma(z)(1 - \sigma(z))$
# is at most $1/4$ and nearly 0 at both ends, which matters once networks get deep.
#
# A practical detail: the textbook formula computes $e^{-z}$, which overflows for
# $z < -709$ in float64. `course_lib`'s `sigmoid` evaluates the equivalent
# $e^{z} / (1 + e^{z})$ for negative $z$, so no exponent is ever positive.

# %%
z = np.linspace(-8, 8, 401)
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(z, sigmoid(z), label=r"$\sigma(z)$")
ax.plot(z, sigmoid(z) * (1 - sigmoid(z)), label=r"$\sigma'(z) = \sigma(z)(1-\sigma(z))$")
ax.axhline(0.5, color="0.6", lw=0.8, ls=":")
ax.set_xlabel("z")
ax.legend()
ax.set_title("The sigmoid squashes any z into (0, 1)")
plt.show()

with np.errstate(over="raise", invalid="raise"):  # an overflow or a nan would raise here
    extremes = sigmoid(np.array([-1e4, -50.0, 0.0, 50.0, 1e4]))
print("sigmoid([-1e4, -50, 0, 50, 1e4]) =", extremes)
assert np.isfinite(extremes).all() and extremes[0] == 0.0 and extremes[-1] == 1.0
assert np.isclose(sigmoid(0.0), 0.5)
assert np.allclose(sigmoid(-z), 1 - sigmoid(z))  # symmetry about (0, 1/2)

# %% [markdown]
# ### Your turn: a sigmoid of your own
# Write `my_sigmoid(z)` with `np.exp`, for a number or an array of any shape. The check
# tries a scalar, a vector and a matrix. (The plain formula is fine here; the overflow
# guard above is a refinement.)


# %%
def my_sigmoid(z):
    """sigma(z) = 1 / (1 + e^(-z)), elementwise; z: scalar or array -> same shape."""
    # YOUR CODE HERE (one line)
    raise NotImplementedError


check_sigmoid(my_sigmoid)


# %% [markdown]
# ## 3. Loss and cost
#
# The **loss** measures one prediction; the **cost** averages the losses over the training
# set and is what training minimises. Logistic regression uses the cross-entropy loss
#
# $$\mathcal{L}(\hat y, y) = -\big(y \log \hat y + (1 - y) \log(1 - \hat y)\big),$$
#
# which is $-\log \hat y$ when $y = 1$ (small when $\hat y$ is near 1) and
# $-\log(1 - \hat y)$ when $y = 0$ (small when $\hat y$ is near 0). The cost is
#
# $$J(w, b) = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}\big(\hat y^{(i)}, y^{(i)}\big).$$
#
# **Common mistake.** Some notes give the squared error $\frac12(\hat y - y)^2$ as the loss
# for logistic regression. It is a valid loss for regression, but composed with a sigmoid
# it makes $J(w)$ non-convex: flat shelves where gradient descent stalls. The
# cross-entropy gives a convex $J$, so gradient descent cannot get stuck in a local minimum.
# The plot below shows both on a one-feature problem.

# %%
rng = np.random.default_rng(0)
x1 = rng.standard_normal((1, 200))  # one feature, 200 examples
y1 = (rng.random((1, 200)) < sigmoid(3 * x1)).astype(float)  # the true w is 3

w_grid = np.linspace(-10, 10, 401)
cross_entropy = lr.cost_landscape(w_grid, x1, y1, loss="cross_entropy")
squared = lr.cost_landscape(w_grid, x1, y1, loss="squared_error")

y_hat = np.linspace(0.001, 0.999, 300)
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.2))
axes[0].plot(y_hat, lr.logistic_loss(y_hat, np.ones_like(y_hat)), label="y = 1: $-\\log \\hat y$")
axes[0].plot(
    y_hat, lr.logistic_loss(y_hat, np.zeros_like(y_hat)), label="y = 0: $-\\log(1-\\hat y)$"
)
axes[0].set(xlabel=r"$\hat y$", ylabel="loss", title="Cross-entropy loss")
axes[0].legend()
axes[1].plot(w_grid, cross_entropy)
axes[1].set(xlabel="w", ylabel="J(w)", title="Cross-entropy cost: convex")
axes[2].plot(w_grid, squared, color="C3")
axes[2].set(xlabel="w", ylabel="J(w)", title="Squared-error cost: not convex")
fig.tight_layout()
plt.show()

# A function is convex where its second differences are >= 0 everywhere.
curvature_ce, curvature_sq = np.diff(cross_entropy, 2), np.diff(squared, 2)
print(
    f"smallest second difference: cross-entropy {curvature_ce.min():.2e}, "
    f"squared error {curvature_sq.min():.2e}"
)
assert curvature_ce.min() > -1e-12, "the cross-entropy cost should be convex in w"
assert curvature_sq.min() < 0, "the squared-error cost should bend the wrong way somewhere"

# The cost is finite even for a confidently wrong prediction (yhat exactly 0 when y = 1).
assert np.isfinite(lr.compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]])))

# %% [markdown]
# ## 4. The computation graph
#
# A network's computation can be drawn as a graph: each node computes one value from the
# values flowing into it. The lecture's toy example is $J(a, b, c) = 3(a + bc)$, broken into
#
# $$u = bc, \qquad v = a + u, \qquad J = 3v.$$
#
# The **forward pass** evaluates the nodes from left to right. The **backward pass** goes
# from right to left and multiplies local derivatives: the chain rule. Writing `dvar` for
# $\partial J / \partial \text{var}$, as the course does:
#
# $$dv = 3, \quad da = dv \cdot \tfrac{\partial v}{\partial a} = 3, \quad du = 3, \quad
#   db = du \cdot c, \quad dc = du \cdot b.$$
#
# Backpropagation is exactly this, applied to a network's graph: one forward pass for the
# loss, one backward pass for every derivative, at roughly the cost of the forward pass.

# %%
J, cache = graph_forward(a=5.0, b=3.0, c=2.0)
grads = graph_backward(1.0, cache)
print(f"forward: u = {cache['u']}, v = {cache['v']}, J = {J}")
print("backward:", {name: float(value) for name, value in grads.items()})
assert J == 33.0 and grads["da"] == 3.0 and grads["db"] == 6.0 and grads["dc"] == 9.0

# %% [markdown]
# Are these derivatives right? Nudge each input by a tiny $\varepsilon$ both ways and
# measure how $J$ moves: $\frac{J(a + \varepsilon) - J(a - \varepsilon)}{2\varepsilon}$.
# The **gradient check** compares these numerical slopes with the backward pass through
# the relative difference
# $\frac{\lVert d_{\text{approx}} - d \rVert_2}{\lVert d_{\text{approx}} \rVert_2 + \lVert d \rVert_2}$;
# about $10^{-7}$ or less means the backward pass is right. Course 2 has a whole lesson on
# it; here it is a tool we use on every backward pass.

# %%
errors = check_backward(
    graph_forward, graph_backward, {"a": 5.0, "b": 3.0, "c": 2.0}, wrt=["a", "b", "c"]
)
print_values("relative differences", errors)
assert max(errors.values()) < 1e-7

# %% [markdown]
# For logistic regression and a single example the graph is
# $x, w, b \to z = w^T x + b \to a = \sigma(z) \to \mathcal{L}(a, y)$. Going backwards:
#
# $$da = \frac{\partial \mathcal{L}}{\partial a} = -\frac{y}{a} + \frac{1 - y}{1 - a}, \qquad
#   dz = da \cdot \sigma'(z) = da \cdot a(1 - a) = a - y,$$
# $$dw = x \, dz, \qquad db = dz.$$
#
# The simplification $dz = a - y$ is worth remembering: it is exact, and it avoids the
# division by $a$ or $1 - a$ that blows up when the prediction is confident.

# %%
w_demo, b_demo = np.array([[0.5], [-0.25]]), 0.1
x_demo, y_demo = np.array([[1.0], [2.0]]), 1
example_grads, example_loss = lr.single_example_gradients(w_demo, b_demo, x_demo, y_demo)
a_demo = float(sigmoid(w_demo.T @ x_demo + b_demo).item())
print(f"a = {a_demo:.4f}, loss = {example_loss:.4f}")
print(
    f"da = {example_grads['da']:.4f}, dz = {example_grads['dz']:.4f}, "
    f"da * a(1-a) = {example_grads['da'] * a_demo * (1 - a_demo):.4f}"
)
assert np.isclose(example_grads["dz"], example_grads["da"] * a_demo * (1 - a_demo))
assert np.allclose(example_grads["dw"], x_demo * example_grads["dz"])

# %% [markdown]
# ## 5. Gradient descent
#
# To minimise $J(w, b)$ we start somewhere and repeatedly step downhill:
#
# $$w := w - \alpha \frac{\partial J}{\partial w}, \qquad b := b - \alpha \frac{\partial J}{\partial b},$$
#
# where the **learning rate** $\alpha$ sets the step size. In code the derivatives are
# `dw` and `db`. Because the cross-entropy cost is convex, it has no local minima to get
# stuck in: from every start, downhill leads towards the same lowest cost. (When a
# hyperplane separates the two classes, as it does for section 8's training images, which
# have more pixels than there are images, $J$ has no minimum at all: it keeps falling
# towards 0 as $\|w\|$ grows.) So for logistic regression $w = 0, b = 0$ is a fine start
# (`initialize_with_zeros`). Networks with hidden layers need random starts (lesson 03 of
# this track, section 9, shows why).
#
# The learning rate matters: too small and progress is slow, too large and the steps
# overshoot. Here are twelve steps from $w = -3$ on the one-feature problem of section 3.

# %%
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.2), sharey=True)
w_zoom = np.linspace(-4, 15, 300)
for ax, alpha in zip(axes, [0.5, 5.0, 25.0]):
    w, path = np.array([[-3.0]]), [-3.0]
    for _ in range(12):
        step_grads, _ = lr.propagate(w, 0.0, x1, y1)
        w, _ = lr.update_parameters(w, 0.0, step_grads, alpha)
        path.append(w.item())
    ax.plot(w_zoom, lr.cost_landscape(w_zoom, x1, y1), color="0.6")
    ax.plot(path, lr.cost_landscape(path, x1, y1), "o-", color="C1", ms=4)
    ax.set(xlabel="w", title=f"alpha = {alpha}: w ends at {path[-1]:.2f}")
axes[0].set_ylabel("J(w)")
fig.tight_layout()
plt.show()

w0, b0 = lr.initialize_with_zeros(n_x)
assert w0.shape == (n_x, 1) and b0 == 0.0

# %% [markdown]
# ## 6. One neuron as a layer
#
# The same computation, written for all $m$ examples at once, is a network layer. In
# `course_lib` every layer follows one contract: `forward(...)` returns
# `(output, cache)` and `backward(d_output, cache)` returns the gradients. For our neuron:
#
# $$Z = w^T X + b \;\; (1, m), \qquad A = \sigma(Z) \;\; (1, m).$$
#
# `b` is a single number added to every column of $w^T X$: NumPy's broadcasting (section
# 7) stretches it. `logistic_backward(dA, cache)` turns $dA$ into
# $dZ = dA \cdot A(1 - A)$ and then averages over the examples:
# $dw = \frac{1}{m} X\, dZ^T$ and $db = \frac{1}{m}\sum_i dZ^{(i)}$. The generic gradient
# checker confirms it.

# %%
w_small = np.random.default_rng(1).standard_normal((n_x, 1)) * 0.01
A, layer_cache = lr.logistic_forward(w_small, 0.0, X_train)
print("A:", A.shape, f"min {A.min():.3f}, max {A.max():.3f}")
assert A.shape == (1, m_train)

few = X_train[:6, :10]  # a small slice keeps the numerical check quick
errors = check_backward(
    lr.logistic_forward,
    lr.logistic_backward,
    {"w": w_small[:6], "b": 0.2, "X": few},
    wrt=["w", "b"],
    scale=1 / few.shape[1],  # the layer averages over m, as J does
)
print_values("relative differences", errors)
assert max(errors.values()) < 1e-7

# %% [markdown]
# ## 7. Vectorisation
#
# The derivatives can be computed with explicit loops: over the $m$ examples, accumulating
# $J$, $dw$ and $db$, and inside, over the $n_x$ features. That is how the maths reads,
# but Python executes each step one at a time. NumPy's vectorised operations hand whole
# arrays to compiled code that uses the CPU's vector instructions (and a GPU does the
# same on a far larger scale). Compare `np.dot` with a Python loop for one inner product:

# %%
n_big = budget.pick(ci=100_000, full=1_000_000)
a_vec, b_vec = rng.random(n_big), rng.random(n_big)
t_loop, t_vec = time_call(dot_loop, a_vec, b_vec, repeat=1), time_call(np.dot, a_vec, b_vec)
print(
    f"inner product of {n_big:,} numbers: loop {1e3 * t_loop:.1f} ms, "
    f"np.dot {1e3 * t_vec:.3f} ms ({t_loop / t_vec:.0f}x faster)"
)
assert np.isclose(dot_loop(a_vec, b_vec), np.dot(a_vec, b_vec))
assert t_vec < t_loop

# %% [markdown]
# Vectorised, one step of gradient descent needs no loop over examples at all:
#
# $$Z = w^T X + b, \quad A = \sigma(Z), \quad dZ = A - Y, \quad
#   dw = \tfrac{1}{m} X\, dZ^T, \quad db = \tfrac{1}{m} \textstyle\sum dZ.$$
#
# In NumPy `dw = np.dot(X, dZ.T) / m`. **Common mistake:** `X * dZ` is an elementwise
# product: it broadcasts to an $(n_x, m)$ array, one column per example, instead of the
# $(n_x, 1)$ gradient (`X * dZ.T` fails outright: $(n_x, m)$ and $(m, 1)$ do not broadcast
# unless $n_x = m$).
#
# ### Your turn: write `propagate`
# Fill in the function below so that it returns `grads = {"dw": dw, "db": db}` and the
# cost, computed without any loop over examples. Then run the cell: the check compares
# your function with `course_lib`'s on three inputs and tells you what differs.
# Stuck? `lr.propagate??` in a cell shows the reference implementation.


# %%
def propagate(w, b, X, Y):
    """Cost and gradients of logistic regression.

    w: (n_x, 1), b: float, X: (n_x, m), Y: (1, m) -> ({"dw": (n_x, 1), "db": float}, cost)
    """
    # YOUR CODE HERE: compute A, the cost, dw and db (about 5 lines).
    raise NotImplementedError


check_propagate(propagate)

# %% [markdown]
# How much does vectorising the whole gradient buy? `propagate_loop` loops over the
# examples, like the course's first version; `propagate` is the vectorised one. Both give
# the same numbers:

# %%
m_timing = budget.pick(ci=300, full=2000)
X_timing = rng.random((n_x, m_timing))
Y_timing = (rng.random((1, m_timing)) > 0.5).astype(float)
(g_loop, c_loop), (g_vec, c_vec) = (
    f(w_small, 0.1, X_timing, Y_timing) for f in (lr.propagate_loop, lr.propagate)
)
t_loop = time_call(lr.propagate_loop, w_small, 0.1, X_timing, Y_timing, repeat=2)
t_vec = time_call(lr.propagate, w_small, 0.1, X_timing, Y_timing)

fig, ax = plt.subplots(figsize=(6, 1.8))
bars = ax.barh(["vectorised", "loop over m"], [1e3 * t_vec, 1e3 * t_loop], color=["C2", "C3"])
ax.bar_label(bars, fmt="%.2f ms", padding=3)
ax.set_xlim(0, 1.25e3 * t_loop)
ax.set_xlabel("milliseconds for one gradient")
ax.set_title(f"m = {m_timing}, n_x = {n_x}: vectorised is {t_loop / t_vec:.0f}x faster")
plt.show()
assert np.allclose(g_loop["dw"], g_vec["dw"]) and np.isclose(c_loop, c_vec)
assert t_vec < t_loop

# %% [markdown]
# **Broadcasting** is what lets `w.T @ X + b` add one number to a whole row, and
# `X - mean` subtract a column from every column. When an operation meets shapes
# $(n, k)$ and $(1, k)$, $(n, 1)$ or a scalar, NumPy stretches the smaller one to
# $(n, k)$ without copying it. `normalize_rows` divides a matrix by its row norms, a
# $(n, 1)$ column stretched across each row:

# %%
x_rows = np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])
row_norms = np.linalg.norm(x_rows, axis=1, keepdims=True)
print("row norms, shape", row_norms.shape, "->", row_norms.ravel())
print(normalize_rows(x_rows))
assert np.allclose(np.linalg.norm(normalize_rows(x_rows), axis=1), 1.0)

# %% [markdown]
# ## 8. Training the classifier
#
# `model` puts everything together: zero initialisation, `num_iterations` steps of
# gradient descent (`optimize`, recording the cost every 100 steps), then `predict`, which
# labels an example 1 when $\hat y > 0.5$.
#
# ### Your turn: write `predict`
# Return a `(1, m)` array holding 1.0 where $\sigma(w^T x + b) > 0.5$ and 0.0 elsewhere,
# with no loop (a comparison of arrays gives booleans; `.astype(float)` turns them into
# numbers). The reference is `lr.predict`.


# %%
def predict(w, b, X):
    """w: (n_x, 1), b: float, X: (n_x, m) -> Y_prediction: (1, m) of 0.0 / 1.0."""
    # YOUR CODE HERE (two lines)
    raise NotImplementedError


check_predict(predict)

# %% [markdown]
# Now train on the images with the library's versions of these functions:

# %%
num_iterations = budget.pick(ci=1000, full=2000)
d = lr.model(
    X_train,
    Y_train,
    X_test,
    Y_test,
    num_iterations=num_iterations,
    learning_rate=0.005,
    print_cost=False,
)
train_accuracy = lr.accuracy(d["Y_prediction_train"], Y_train)
test_accuracy = lr.accuracy(d["Y_prediction_test"], Y_test)
print(f"train accuracy {100 * train_accuracy:.1f} %, test accuracy {100 * test_accuracy:.1f} %")

fig, ax = plt.subplots(figsize=(6, 3))
plot_cost_curve(ax, d["costs"])
ax.set_title(f"alpha = {d['learning_rate']}: the cost falls at every step")
plt.show()

assert np.all(np.diff(d["costs"]) < 0), "batch gradient descent lowers the cost every time"
assert train_accuracy >= 0.9 and test_accuracy >= 0.85

# %% [markdown]
# Accuracy is one number; the mistakes themselves are more instructive. Below are the
# misclassified test images, then misclassified training images, each with the label the
# model gave and its $\hat y$:


# %%
def show_mistakes(X, Y, images, Y_prediction, set_name, limit=8):
    """Show up to `limit` misclassified images with the predicted label and yhat."""
    A_set, _ = lr.logistic_forward(d["w"], d["b"], X)
    wrong = np.flatnonzero(Y_prediction[0] != Y[0])
    print(f"{set_name}: {len(wrong)} of {Y.shape[1]} images misclassified")
    if len(wrong):
        titles = [
            f"said {classes[int(Y_prediction[0, i])].decode()}\nyhat={A_set[0, i]:.2f}"
            for i in wrong[:limit]
        ]
        _ = image_grid(images[wrong[:limit]], titles, ncols=limit, size=1.2)
        plt.show()
    return wrong


wrong_test = show_mistakes(X_test, Y_test, test_x_orig, d["Y_prediction_test"], "test set")
wrong_train = show_mistakes(X_train, Y_train, train_x_orig, d["Y_prediction_train"], "training set")
# The images shown are exactly those whose yhat lies on the wrong side of 0.5.
A_test, _ = lr.logistic_forward(d["w"], d["b"], X_test)
on_wrong_side = np.flatnonzero((A_test[0] > 0.5) != (Y_test[0] == 1))
assert np.array_equal(wrong_test, on_wrong_side)
assert np.isclose(len(wrong_test) / Y_test.shape[1], 1 - test_accuracy)

# %% [markdown]
# The learned weights have one entry per pixel, so they can be shown as an image: red
# pixels (positive weights) push $z$ up, towards label 1, and blue pixels push it down.

# %%
fig, ax = plt.subplots(figsize=(3, 3))
largest = np.abs(d["w"]).max()  # symmetric limits: white is w = 0
image = ax.imshow(
    d["w"].reshape(train_x_orig.shape[1:]), cmap="RdBu_r", vmin=-largest, vmax=largest
)
fig.colorbar(image, ax=ax, shrink=0.8)
ax.set_title("w as an image")
ax.axis("off")
plt.show()

# %% [markdown]
# ### Learning-rate dashboard
# Drag the slider (it is on a log scale, from $10^{-5}$ to 10) and release: the model is
# retrained from zero and the cost curve of the previous setting stays dashed for
# comparison. Try $10^{-5}$, where the cost barely moves, $10^{-4}$, where it falls
# slowly, and rates of 0.5 and
# more, where a step overshoots and the cost jumps up before it settles (the title counts
# the rises; the cost axis is logarithmic).

# %%
from course_lib.c1_neural_networks.logistic_regression_dashboard import learning_rate_dashboard

dashboard = learning_rate_dashboard(
    X_train, Y_train, X_test, Y_test, num_iterations=num_iterations, learning_rate=0.005
)
dashboard

# %%
# What the dashboard computes is checkable. We call its compute function directly (the
# dashboard above keeps whatever you chose), recording the cost every 10 iterations as it does.
from course_lib.c1_neural_networks.logistic_regression_dashboard import train_logistic_regression

runs = {
    alpha: train_logistic_regression(
        X_train, Y_train, X_test, Y_test, alpha, num_iterations, record_every=10
    )["costs"]
    for alpha in (1e-5, 1e-4, 0.005, 10.0)
}
for alpha, run_costs in runs.items():
    rises = int(np.sum(np.diff(run_costs) > 0))
    print(
        f"alpha = {alpha:g}: final cost {run_costs[-1]:.3g}, highest {max(run_costs):.3g}, "
        f"rose {rises} times"
    )
assert runs[1e-5][-1] > 0.6 > runs[0.005][-1]  # the smallest rate barely leaves ln 2 = 0.693
assert runs[1e-5][-1] > runs[1e-4][-1] > runs[0.005][-1]  # 1e-4 falls, but slowly
assert runs[1e-4][0] - runs[1e-4][-1] > 3 * (runs[1e-5][0] - runs[1e-5][-1])
# A hyperplane separates the training images (n_x > m): J has no minimum and heads to 0.
assert runs[10.0][-1] < 1e-3
assert max(runs[10.0]) > runs[10.0][0] and np.any(np.diff(runs[10.0]) > 0)  # overshoots
assert np.all(np.diff(runs[0.005]) < 0)  # the default rate goes down every time
# Same settings, same training as model (which records every 100 iterations).
assert np.allclose(runs[0.005][::10], d["costs"])

# %% [markdown]
# ## 9. The Keras twin
#
# In a framework, our neuron is a `Dense` layer with one unit and a sigmoid activation.
# `build_logistic_model(w, b)` creates it and copies in our $w$ and $b$ (Keras's kernel has
# the same $(n_x, 1)$ shape; it takes examples as rows, so the twin passes $X^T$).
# `tf.GradientTape` records the forward pass and differentiates it automatically: no
# backward pass written by hand. If the two implementations agree, both are right.

# %%
from course_lib.c1_neural_networks import logistic_regression_tf as lr_tf

keras_model = lr_tf.build_logistic_model(d["w"], d["b"])
keras_model.summary()

A_numpy, _ = lr.logistic_forward(d["w"], d["b"], X_test)
A_keras = keras_model.predict(X_test.T, verbose=0).T
grads_numpy, cost_numpy = lr.propagate(w_small, 0.1, X_train, Y_train)
grads_keras, cost_keras = lr_tf.propagate(w_small, 0.1, X_train, Y_train)
steps = 5
params_numpy, _, _ = lr.optimize(w_small, 0.1, X_train, Y_train, steps, 0.01)
params_keras, _, _ = lr_tf.optimize(w_small, 0.1, X_train, Y_train, steps, 0.01)

differences = {
    "forward A": np.abs(A_numpy - A_keras).max(),
    "cost": abs(cost_numpy - cost_keras),
    "dw": np.abs(grads_numpy["dw"] - grads_keras["dw"]).max(),
    "db": abs(grads_numpy["db"] - grads_keras["db"]),
    f"w after {steps} GD steps": np.abs(params_numpy["w"] - params_keras["w"]).max(),
}
for name, value in differences.items():
    print(f"largest |NumPy - Keras| in {name:18s}: {value:.1e}")
# Keras computes in float32 (about 7 significant digits), NumPy in float64.
assert max(differences.values()) < 1e-5

# %% [markdown]
# ## Summary
#
# - Images become the columns of $X \in \mathbb{R}^{n_x \times m}$; labels form
#   $Y \in \mathbb{R}^{1 \times m}$.
# - Logistic regression is one neuron: $\hat y = \sigma(w^T x + b)$, trained by minimising
#   the mean cross-entropy $J$, which (unlike the squared error) is convex in $w$.
# - The backward pass is the chain rule on the computation graph; for this neuron it
#   collapses to $dZ = A - Y$, $dw = \frac1m X dZ^T$, $db = \frac1m \sum dZ$. A gradient
#   check confirms a backward pass numerically.
# - Vectorised NumPy replaces loops over examples and features and is orders of magnitude
#   faster; broadcasting stretches $b$ and other small arrays to fit.
# - The learning rate trades speed against overshooting: on the dashboard $10^{-5}$ barely
#   moves the cost in the iterations given, and 0.5 or more makes it jump up before it
#   settles.
# - A Keras `Dense(1, activation="sigmoid")` built from the same $w, b$ gives the same
#   outputs, gradients and training steps.
#
# Next in this track (lesson 02): what a neural network is, why deep learning took off,
# and the activation functions a hidden layer can use; lesson 03 then trains a network with
# a hidden layer, where zero initialisation stops working. To find where any item of this
# lesson is implemented and tested:

# %%
_ = where("C1.23")
