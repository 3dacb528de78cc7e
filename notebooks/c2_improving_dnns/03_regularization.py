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
# # Regularisation and input normalisation
#
# *Course 2 (Improving Deep Neural Networks), week 1. Curriculum items C2.07-C2.24.*
#
# A network big enough to fit anything will also fit the noise in a small training set:
# training accuracy climbs to 100 % while the dev accuracy stalls. That gap is **variance**,
# and regularisation is the family of tricks that trade a little training fit for a smaller
# gap. In this lesson you will:
#
# 1. watch a network over-fit a small, noisy 2-D data set;
# 2. add an L2 penalty (and see why it is called *weight decay*);
# 3. add inverted dropout, with a keep_prob per layer, and switch it off at test time;
# 4. drag $\lambda$ and keep_prob in a dashboard and compare boundaries;
# 5. meet the other regularisers: data augmentation and early stopping;
# 6. normalise the inputs and see why gradient descent gets faster;
# 7. check that Keras's `L2`, `Dropout` and `Normalization` layers agree with the NumPy code.
#
# NumPy code: `course_lib/c2_improving_dnns/regularization.py` and `input_normalization.py`;
# Keras twins: `regularization_tf.py`. `course_lib.where("C2.15")` finds any item.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C2 - Regularisation and input normalisation", seed=1)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import input_normalization as inn
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.regularization_checks import (
    check_compute_cost_with_regularization,
    check_forward_propagation_with_dropout,
)
from course_lib.data import load_faces
from course_lib.plots import image_grid, plot_decision_boundary

ITERATIONS = budget.pick(ci=2000, full=4000)
LAYERS = [2, 50, 20, 1]

# %% [markdown]
# ## 1. A network that over-fits
#
# Our data: two interleaved half-moons with heavy noise, only 80 training points and 400
# dev points from the same distribution. A $[2, 50, 20, 1]$ network
# (LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, about 1,200 parameters for 80 examples)
# is trained by batch gradient descent with $\alpha = 0.3$.

# %%
X_train, Y_train, X_dev, Y_dev = reg.make_noisy_moons(m_train=80, m_dev=400, seed=0)
print("X_train:", X_train.shape, " Y_train:", Y_train.shape, " X_dev:", X_dev.shape)


def train(**kw):
    parameters, costs = reg.train_regularized(
        X_train, Y_train, LAYERS, learning_rate=0.3, num_iterations=ITERATIONS, **kw
    )
    scores = (reg.accuracy(X_train, Y_train, parameters), reg.accuracy(X_dev, Y_dev, parameters))
    return parameters, costs, scores


plain, plain_costs, plain_scores = train()
print(f"no regularisation: train {plain_scores[0]:.1%}, dev {plain_scores[1]:.1%}")
assert plain_scores[0] >= 0.95  # (nearly) every training point right
assert plain_scores[0] - plain_scores[1] > 0.1  # a large train-dev gap: high variance

# %% [markdown]
# The training accuracy is (nearly) perfect and the dev accuracy is more than ten points
# lower: the network has learned where individual noisy training points lie. Look at the
# boundary: it bends around single points.

# %%
fig, ax = plt.subplots(figsize=(5, 4))
_ = plot_decision_boundary(ax, lambda X: reg.predict(X, plain), X_train, Y_train)
ax.set_title(f"No regularisation: train {plain_scores[0]:.0%}, dev {plain_scores[1]:.0%}")
plt.show()

# %% [markdown]
# ## 2. L2 regularisation
#
# For logistic regression the L2-regularised cost adds $\frac{\lambda}{2m}\|w\|_2^2$, with
# $\|w\|_2^2 = \sum_j w_j^2 = w^T w$ (the bias is usually left alone: it is one number
# among many). For a network the same idea uses the **Frobenius norm** of every weight
# matrix, summed over **all** layers $l = 1, \dots, L$:
#
# $$J_{\text{reg}} = \underbrace{-\frac1m \sum_{i=1}^m \Big(y^{(i)}\log a^{[L](i)}
#   + (1-y^{(i)})\log(1-a^{[L](i)})\Big)}_{\text{cross-entropy}}
#   + \frac{\lambda}{2m}\sum_{l=1}^{L}\|W^{[l]}\|_F^2,\qquad
#   \|W^{[l]}\|_F^2 = \sum_{i=1}^{n^{[l]}}\sum_{j=1}^{n^{[l-1]}}\big(W^{[l]}_{ij}\big)^2 .$$
#
# (Careful: the inner sums run over the $n^{[l]} \times n^{[l-1]}$ entries of *that*
# layer's matrix, not up to $n^{[L]}$ of the last one.) Python reserves `lambda`, so the
# code calls it `lambd`; it is a hyperparameter you tune on the dev set.
#
# Differentiating the penalty adds one term to each weight gradient,
#
# $$dW^{[l]} = (\text{from backprop}) + \frac{\lambda}{m} W^{[l]},$$
#
# and the gradient-descent step then reads
#
# $$W^{[l]} := W^{[l]} - \alpha\Big[(\text{from backprop}) + \tfrac{\lambda}{m}W^{[l]}\Big]
#   = \Big(1 - \frac{\alpha\lambda}{m}\Big) W^{[l]} - \alpha\,(\text{from backprop}).$$
#
# Every step first multiplies the weights by a factor slightly **below** 1: hence the name
# *weight decay*. `update_parameters_with_weight_decay` implements this second form; we
# check it equals gradient descent on the regularised gradient.

# %%
X_small, Y_small, p_small = reg.make_noisy_moons(m_train=7, m_dev=1, seed=3)[:2] + (
    reg._he_init([2, 5, 3, 1], seed=0),
)
AL, caches = dn.L_model_forward(X_small, p_small)
plain_grads = reg.L_model_backward_with_regularization(AL, Y_small, caches, lambd=0.0)
l2_grads = reg.L_model_backward_with_regularization(AL, Y_small, caches, lambd=0.8)
decayed = reg.update_parameters_with_weight_decay(p_small, plain_grads, 0.1, 0.8, m=7)
stepped = dn.update_parameters(p_small, l2_grads, 0.1)
print(f"decay factor 1 - alpha*lambda/m = {1 - 0.1 * 0.8 / 7:.5f}")
assert all(np.allclose(decayed[k], stepped[k]) for k in p_small)

# %% [markdown]
# ### L2 and L1 for logistic regression
#
# Logistic regression is the network with no hidden layer, `layers_dims = [n_x, 1]`, so
# the same code computes its regularised cost: with $w = W^{[1]T}$ of shape $(n_x, 1)$,
#
# $$J_{\text{L2}}(w, b) = \frac1m\sum_{i=1}^m \mathcal L\big(\hat y^{(i)}, y^{(i)}\big)
#   + \frac{\lambda}{2m}\, w^T w .$$
#
# **L1** regularisation adds $\frac{\lambda}{m}\lVert w \rVert_1 = \frac{\lambda}{m}
# \sum_j |w_j|$ instead (the lecture writes $\frac{\lambda}{2m}$; the constant only
# rescales $\lambda$), and for a network $\frac{\lambda}{m}\sum_l\sum_{ij}|W^{[l]}_{ij}|$.
# Its gradient $\frac{\lambda}{m}\operatorname{sign}(w)$ has the same size for a tiny weight
# as for a big one, so it pushes small weights all the way to 0 and $w$ becomes **sparse**,
# where L2's pull $\frac{\lambda}{m}w$ fades as $w$ shrinks. (Plain gradient descent on
# $\operatorname{sign}(w)$ makes those weights jitter within about $\alpha\lambda/m$ of 0
# rather than land on it exactly.) A sparse model needs less memory, but in practice that
# saves little, and L2 is the usual choice.
#
# Here are both on the face / non-face crops that stand in for Course 1's cat pictures:
# 25 x 25 grey pixels, so $n_x = 625$ weights, and only 150 training examples, each pixel
# normalised with its training mean and standard deviation (section 7).

# %%
faces = load_faces()
flat = lambda images: images.reshape(images.shape[0], -1).T  # noqa: E731  (m, 25, 25) -> (625, m)
X_face, X_face_test = flat(faces.train_x_orig), flat(faces.test_x_orig)
face_mu, face_sd = X_face.mean(axis=1, keepdims=True), X_face.std(axis=1, keepdims=True)
X_face, X_face_test = (X_face - face_mu) / face_sd, (X_face_test - face_mu) / face_sd
Y_face, Y_face_test = faces.train_y.astype(float), faces.test_y.astype(float)
m_face = X_face.shape[1]
print("X:", X_face.shape, " Y:", Y_face.shape, " test:", X_face_test.shape)

# The L2 cost of logistic regression by hand, and from the network code with [n_x, 1]:
w = np.random.default_rng(0).standard_normal((625, 1)) * 0.05
b = 0.1
y_hat = 1 / (1 + np.exp(-(w.T @ X_face + b)))
cross_entropy = -np.mean(Y_face * np.log(y_hat) + (1 - Y_face) * np.log(1 - y_hat))
l2_by_hand = cross_entropy + 5.0 / (2 * m_face) * (w.T @ w).item()
l1_by_hand = cross_entropy + 5.0 / m_face * np.abs(w).sum()
as_network = {"W1": w.T, "b1": np.array([[b]])}
l2_network = reg.compute_cost_with_regularization(y_hat, Y_face, as_network, 5.0)
l1_network = reg.compute_cost_with_l1(y_hat, Y_face, as_network, 5.0)
print(f"lambda = 5: J_L2 by hand {l2_by_hand:.6f}, network code {l2_network:.6f}")
print(f"            J_L1 by hand {l1_by_hand:.6f}, network code {l1_network:.6f}")
assert np.isclose(l2_by_hand, l2_network) and np.isclose(l1_by_hand, l1_network)

# %%
FACE_ITERATIONS = budget.pick(ci=500, full=2000)
face_runs = {}
for name, lam, penalty in (
    ("none", 0.0, "l2"),
    ("L2, λ = 50", 50.0, "l2"),
    ("L1, λ = 5", 5.0, "l1"),
):
    p, _ = reg.train_regularized(
        X_face, Y_face, [625, 1], learning_rate=0.02, num_iterations=FACE_ITERATIONS,
        lambd=lam, penalty=penalty,
    )  # fmt: skip
    weights = p["W1"].ravel()
    face_runs[name] = {
        "w": weights,
        "train": reg.accuracy(X_face, Y_face, p),
        "test": reg.accuracy(X_face_test, Y_face_test, p),
        "l2": float(np.sum(weights**2)),
        "near_zero": float(np.mean(np.abs(weights) < 0.01 * np.abs(weights).max())),
    }
print(f"{FACE_ITERATIONS} iterations of gradient descent, alpha = 0.02")
print(f"{'penalty':12s} {'train':>6s} {'test':>6s} {'||w||^2':>8s}  weights below 1 % of max |w|")
for name, run in face_runs.items():
    print(
        f"{name:12s} {run['train']:6.1%} {run['test']:6.1%} {run['l2']:8.3f}  {run['near_zero']:.0%}"
    )
assert face_runs["L2, λ = 50"]["l2"] < 0.5 * face_runs["none"]["l2"]  # L2 shrinks w
assert face_runs["L1, λ = 5"]["near_zero"] > 0.5  # L1: most weights (almost) exactly 0
assert face_runs["L1, λ = 5"]["near_zero"] > 5 * face_runs["L2, λ = 50"]["near_zero"]
test_scores = [run["test"] for run in face_runs.values()]
m_face_test = X_face_test.shape[1]
print(
    f"test accuracies differ by at most {round((max(test_scores) - min(test_scores)) * m_face_test)} of {m_face_test} test images"
)
assert max(test_scores) - min(test_scores) <= 2 / m_face_test  # the faces are easy for all three

fig, axes = plt.subplots(1, 3, figsize=(8.4, 3.0), layout="constrained")
for ax, (name, run) in zip(axes, face_runs.items()):
    limit = np.abs(run["w"]).max()
    ax.imshow(run["w"].reshape(25, 25), cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(f"{name}: {run['near_zero']:.0%} of w near 0", fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])
fig.suptitle("The 625 weights of logistic regression as an image (white = 0)", fontsize=10)
plt.show()

# %% [markdown]
# Both penalties shrink $w$, differently. L2 makes every weight smaller and leaves a smooth
# template that looks like a face; L1 switches most pixels off and keeps a few that
# matter. (These faces are easy, so the test accuracy hardly moves, by a test image or two:
# read the weights.) The code computing both costs is `reg.compute_cost_with_regularization`
# and `reg.compute_cost_with_l1`, and `penalty="l1"` in the backward pass.
#
# ### Your turn: `compute_cost_with_regularization`
#
# Write the L2-regularised cost for a network with any number of layers: the cross-entropy
# (use `reg.compute_cost(A3, Y)`) plus $\frac{\lambda}{2m}\sum_l \|W^{[l]}\|_F^2$ over every
# `"W1"`, `"W2"`, ... in `parameters`. Hint: `np.sum(np.square(W))`.


# %%
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    # YOUR CODE HERE (about 4 lines)
    raise NotImplementedError


check_compute_cost_with_regularization(compute_cost_with_regularization)

# %% [markdown]
# Now train with $\lambda = 0.7$. The penalty keeps the weights small, and a network with
# small weights computes a smoother function: the boundary straightens out.

# %%
l2_params, l2_costs, l2_scores = train(lambd=0.7)
norm = lambda p: sum(np.sum(p[f"W{l}"] ** 2) for l in (1, 2, 3))  # noqa: E731
print(f"L2 (lambda = 0.7): train {l2_scores[0]:.1%}, dev {l2_scores[1]:.1%}")
print(f"sum of ||W||_F^2: {norm(plain):.0f} without, {norm(l2_params):.1f} with L2")
assert norm(l2_params) < norm(plain)

# %% [markdown]
# **Why does it reduce over-fitting?** With a large $\lambda$ the cheapest way to lower
# $J$ is to shrink $W$ towards 0, which effectively switches many hidden units off: a
# much smaller network is left. And with small $W$, $z = Wa + b$ stays small; for tanh
# (and sigmoid) that is the nearly linear part of the curve, so every layer is roughly
# linear and the whole network can only draw simple boundaries.
#
# ## 3. Dropout
#
# Dropout trains a *different thinned network* on every iteration: each hidden unit is
# kept with probability `keep_prob` and otherwise removed together with its connections.
# The standard implementation is **inverted dropout**; for layer $l$ with keep probability
# $p$:
#
# $$D^{[l]} = (\text{rand}(n^{[l]}, m) < p),\qquad A^{[l]} := \frac{A^{[l]} * D^{[l]}}{p},$$
#
# Dividing by $p$ keeps the expected value of $A^{[l]}$, and therefore of the next
# $Z^{[l+1]}$, unchanged. The backward pass must use the *same* masks:
# $dA^{[l]} := dA^{[l]} * D^{[l]} / p$ (dropped units get no gradient).
#
# **At test time there is no dropout**: no masks and no scaling; the $1/p$ during
# training already made the full network's activations have the right size.

# %%
X3, parameters3 = X_train[:, :5], reg.initialize_parameters([2, 20, 3, 1], seed=3)
A3_drop, cache = reg.forward_propagation_with_dropout(X3, parameters3, keep_prob=0.8)
D1, A1 = cache[1], cache[2]
print("D1 keeps", f"{D1.mean():.0%} of the layer-1 units on these 5 examples")
# kept units are exactly the ReLU outputs divided by keep_prob
assert np.allclose(A1, np.maximum(cache[0], 0) * D1 / 0.8)

# Dividing by keep_prob keeps the expected value: averaged over many masks, the dropped-out
# A1 is the full network's A1.
A3_full, full_cache = reg.forward_propagation(X3, parameters3)
A1_full = full_cache[1]
A1_masked = [reg.forward_propagation_with_dropout(X3, parameters3, 0.8, seed=s)[1][2] for s in range(2000)]  # fmt: skip
mean_gap = np.abs(np.mean(A1_masked, axis=0) - A1_full).max() / np.abs(A1_full).max()
print(f"mean of A1 over 2000 masks vs the full A1: largest gap {mean_gap:.1%} of max |A1|")
assert mean_gap < 0.05

# Test time: predict is the full network (no mask, no 1 / keep_prob), so it does not depend
# on the random state; a forward pass that kept dropout on changes its answers at random.
np.random.seed(5)  # noqa: NPY002
first = reg.predict(X_train, plain)
np.random.seed(6)  # noqa: NPY002
assert np.array_equal(reg.predict(X_train, plain), first)
assert np.array_equal(first, (reg.forward_propagation(X_train, plain)[0] > 0.5).astype(float))
still_dropping = [
    reg.forward_propagation_with_dropout(X_train, plain, 0.8, seed=s)[0] > 0.5 for s in (5, 6)
]
flips = int(np.sum(still_dropping[0] != still_dropping[1]))
print(f"predict: the same labels under any random state; dropout left on: {flips} of 80 differ")
assert flips > 0

# %% [markdown]
# ### Your turn: `forward_propagation_with_dropout`
#
# Implement the course's 3-layer forward pass with inverted dropout on both hidden layers.
# To reproduce the reference numbers call `np.random.seed(1)` first and draw the masks with
# `np.random.rand(A1.shape[0], A1.shape[1])` right after computing A1 (and likewise for A2).
# Return `A3` and `cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)`.
# `relu` and `sigmoid` are in `course_lib.c1_neural_networks.activations`.


# %%
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    # YOUR CODE HERE (about 16 lines)
    raise NotImplementedError


check_forward_propagation_with_dropout(forward_propagation_with_dropout)

# %% [markdown]
# **Why does dropout work?** A unit can no longer rely on any single input, because that
# input may vanish at the next iteration; it spreads its weight over many inputs, which
# shrinks $\|W\|$ much as L2 does (adaptively, per input). **keep_prob per layer**: layers
# with many parameters (big $W$) are the most prone to over-fit and get the *smaller*
# keep_prob, e.g. 0.5; small layers get keep_prob near 1.0, and the input layer is
# usually not dropped at all. Dropout is common in computer vision, where inputs are huge
# and data is always short. One caution: with dropout on, $J$ is no longer a fixed
# function, so first check that $J$ falls steadily with keep_prob = 1, then switch
# dropout on.

# %%
drop_params, drop_costs, drop_scores = train(keep_probs=[0.6, 0.9])
print(f"dropout (0.6, 0.9): train {drop_scores[0]:.1%}, dev {drop_scores[1]:.1%}")

# %% [markdown]
# The same two trainings watched as they go: every 50 iterations we evaluate the **full**
# network (no masks, as at test time) on the training set and on the dev set. The thin
# line is the cost gradient descent actually saw with dropout on, that of a thinned
# network with fresh masks at every step.

# %%
curves = {
    keep: reg.train_with_early_stopping(
        X_train,
        Y_train,
        X_dev,
        Y_dev,
        LAYERS,
        learning_rate=0.3,
        num_iterations=ITERATIONS,
        eval_every=50,
        patience=None,
        keep_probs=keep,
    )  # fmt: skip
    for keep in (1.0, (0.6, 0.9))
}
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), sharey=True, layout="constrained")
for ax, (keep, run) in zip(axes, curves.items()):
    ax.plot(run["iterations"], run["train_costs"], color="C0", label="train cost")
    ax.plot(run["iterations"], run["dev_costs"], color="C3", label="dev cost")
    if keep != 1.0:
        seen = np.arange(len(drop_costs)) * 100
        ax.plot(seen, drop_costs, color="C0", lw=0.8, ls=":", label="train cost with masks")
    ax.set_title("no dropout" if keep == 1.0 else "dropout, keep_prob = (0.6, 0.9)", fontsize=10)
    ax.set_xlabel("iteration")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
axes[0].set_ylabel("cross-entropy of the full network")
plt.show()
no_drop, with_drop = curves.values()
print(
    f"after {ITERATIONS} iterations: dev cost {no_drop['dev_costs'][-1]:.3f} without dropout, "
    f"{with_drop['dev_costs'][-1]:.3f} with; train cost {no_drop['train_costs'][-1]:.3f} vs "
    f"{with_drop['train_costs'][-1]:.3f}"
)
for name, run in (("without dropout", no_drop), ("with dropout", with_drop)):
    low = min(run["dev_costs"])
    print(
        f"dev cost {name:15s}: lowest {low:.3f}, last {run['dev_costs'][-1]:.3f}"
        f" ({run['dev_costs'][-1] / low:.1f} times the lowest)"
    )
assert with_drop["dev_costs"][-1] < no_drop["dev_costs"][-1]  # less over-fitting
assert with_drop["train_costs"][-1] > no_drop["train_costs"][-1]  # a looser fit of the train set
# the lowest dev cost comes early; afterwards it climbs (over-fitting), with dropout too,
# but by less
rise = {k: run["dev_costs"][-1] - min(run["dev_costs"]) for k, run in curves.items()}
assert no_drop["dev_costs"][-1] > 1.2 * min(no_drop["dev_costs"])
assert with_drop["dev_costs"][-1] > 1.2 * min(with_drop["dev_costs"])
assert rise[(0.6, 0.9)] < rise[1.0] / 2

# %% [markdown]
# Without dropout the training cost heads for 0 while the dev cost turns round and climbs:
# the network memorises the training points. With dropout the full network fits the
# training set less tightly, and its dev cost ends far lower. Dropout reduces over-fitting
# here; it does not remove it: its dev cost also climbs after an early minimum, only by
# much less (the numbers are printed above).

# %% [markdown]
# ## 4. Comparing the three, and a dashboard
#
# Side by side on the same data, from the same initialisation:

# %%
runs = {
    "no regularisation": (plain, plain_scores),
    "L2, λ = 0.7": (l2_params, l2_scores),
    "dropout, keep_prob = (0.6, 0.9)": (drop_params, drop_scores),
}
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.5))
for ax, (name, (params, (train_acc, dev_acc))) in zip(axes, runs.items()):
    _ = plot_decision_boundary(ax, lambda X, p=params: reg.predict(X, p), X_train, Y_train)
    ax.set_title(
        f"{name}\ntrain {train_acc:.0%}, dev {dev_acc:.0%}, gap {train_acc - dev_acc:.0%}",
        fontsize=9,
    )
fig.tight_layout()
plt.show()

gap = {name: scores[0] - scores[1] for name, (_, scores) in runs.items()}
for name, value in gap.items():
    print(f"{name:32s} train-dev gap {value:6.1%}")
assert gap["L2, λ = 0.7"] < gap["no regularisation"]
assert gap["dropout, keep_prob = (0.6, 0.9)"] < gap["no regularisation"]
assert min(l2_scores[1], drop_scores[1]) > plain_scores[1]  # and both raise the dev accuracy

# %% [markdown]
# Both regularisers cut the train-dev gap and raise the dev accuracy. Now try it yourself:
# the dashboard retrains on every slider release (from the same initialisation, so only
# your setting changes) and shows the boundary, the accuracies and $\sum_l\|W^{[l]}\|_F^2$.
# Find the $\lambda$ where the dev accuracy peaks; push it to 30 and watch the network
# under-fit (high bias); lower keep_prob of the big first layer.

# %%
from course_lib.c2_improving_dnns.regularization_dashboard import regularization_dashboard

DASHBOARD_ITERATIONS = budget.pick(ci=600, full=2000)
dashboard = regularization_dashboard(
    X_train, Y_train, X_dev, Y_dev, LAYERS, num_iterations=DASHBOARD_ITERATIONS
)
dashboard

# %%
# The check trains with the dashboard's own function, so the dashboard above keeps your
# settings (and its defaults after Run All).
from course_lib.c2_improving_dnns.regularization_dashboard import train_and_score  # noqa: E402

light, heavy = (
    train_and_score(
        X_train, Y_train, X_dev, Y_dev, LAYERS, lambd, [1.0, 1.0], DASHBOARD_ITERATIONS, 0.3, 0
    )
    for lambd in (0.001, 30.0)
)
print(
    f"sum ||W||^2: {light['weight_norm']:.0f} at lambda = 0.001 -> {heavy['weight_norm']:.2g} "
    f"at 30; train accuracy {light['train_accuracy']:.0%} -> {heavy['train_accuracy']:.0%}"
)
assert heavy["weight_norm"] < 0.1 * light["weight_norm"]
assert heavy["train_accuracy"] < light["train_accuracy"] - 0.1  # under-fits: high bias

# %% [markdown]
# ## 5. Data augmentation
#
# More data always helps variance, and sometimes it can be made from the data you have:
# transforms that do not change the label. A mirrored face is still a face (a vertically
# flipped one is not something the test set will show); small rotations, crops and zooms
# are fine too. For character recognition, stronger distortions help. Below, one face
# crop from scikit-image and eight augmented copies made by `reg.augment_images`
# (random flip, rotation up to 10 degrees, a random 90 % crop resized back).

# %%
faces = load_faces()
# (m, n_H, n_W) grey crops -> add the channel axis n_C = 1 of the course layout
face = faces.train_x_orig[faces.train_y[0] == 1][:1, :, :, None] / faces.pixel_scale
copies = reg.augment_images(np.repeat(face, 8, axis=0), np.random.default_rng(0))
_ = image_grid(np.concatenate([face, reg.horizontal_flip(face), copies])[..., 0],
               ["original", "flipped"] + [f"augmented {i}" for i in range(1, 9)], ncols=5)  # fmt: skip
plt.show()
assert copies.shape == (8,) + face.shape[1:]
assert np.array_equal(reg.horizontal_flip(reg.horizontal_flip(face)), face)

# %% [markdown]
# ## 6. Early stopping
#
# Plot the training cost and the dev cost as training goes on: the training cost keeps
# falling, the dev cost falls and then rises once the network starts memorising. Early
# stopping keeps the parameters from the iteration with the lowest dev cost, when $\|W\|$
# is still mid-sized (it starts at the initialisation's size and grows as training runs). `patience` is how many
# evaluations without a new best we wait before stopping. Its drawback: one knob now does
# two jobs, optimising $J$ and not over-fitting, which the course prefers to tune
# separately (orthogonalisation); L2 with several $\lambda$ values avoids that, at the
# price of more training runs.

# %%
stop = reg.train_with_early_stopping(
    X_train, Y_train, X_dev, Y_dev, LAYERS, learning_rate=0.05,
    num_iterations=budget.pick(ci=3000, full=6000), eval_every=50, patience=10,
)  # fmt: skip
fig, ax = plt.subplots(figsize=(9.6, 3.5), layout="constrained")
ax.plot(stop["iterations"], stop["train_costs"], label="train cost")
ax.plot(stop["iterations"], stop["dev_costs"], label="dev cost")
ax.axvline(stop["best_iteration"], color="k", ls="--", lw=1,
           label=f"best dev cost (iteration {stop['best_iteration']})")  # fmt: skip
ax.axvline(stop["stopped_at"], color="0.6", ls=":", lw=1,
           label=f"stopped (iteration {stop['stopped_at']})")  # fmt: skip
ax.set_xlabel("iteration")
ax.set_ylabel("cross-entropy cost")
ax.set_title("Early stopping: keep the parameters at the dev minimum", fontsize=10)
ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))  # beside the axes, off the lines
plt.show()
best = int(np.argmin(stop["dev_costs"]))
print(f"best dev accuracy {stop['dev_accuracies'][best]:.1%} at iteration {stop['best_iteration']}")
assert stop["dev_costs"][-1] > stop["dev_costs"][best]  # the dev cost had turned up
assert stop["train_costs"][-1] < stop["train_costs"][best]  # while the train cost still fell

# %% [markdown]
# Other regularisers in the catalogue: parameter tying and sharing (convolutions share one
# filter across an image, Course 4) and, always, more real data.
#
# ## 7. Normalising the inputs
#
# If one feature ranges over $[0, 1]$ and another over $[0, 1000]$, the weights that
# multiply them need very different sizes, the cost surface over $w$ is a long narrow
# valley, and gradient descent must use a tiny learning rate to avoid diverging across it.
# Normalising makes every feature mean 0 and variance 1:
#
# $$\mu = \frac1m\sum_{i=1}^m x^{(i)},\quad x := x - \mu,\quad
#   \sigma^2 = \frac1m\sum_{i=1}^m \big(x^{(i)}\big)^2 \ \text{(elementwise, after centring)},\quad
#   x := x / \sigma .$$
#
# Use the **training** $\mu$ and $\sigma^2$ on the dev and test sets too, so every set goes
# through the same transformation (`apply_normalization`).

# %%
X_lin, y_lin = inn.make_scaled_regression(m=200, seed=0)
X_lin_norm, mu, sigma2 = inn.normalize_inputs(X_lin)
print("feature std before:", np.sqrt(sigma2).ravel().round(2), " after:",
      X_lin_norm.std(axis=1).round(2))  # fmt: skip
assert np.allclose(X_lin_norm.mean(axis=1), 0) and np.allclose(X_lin_norm.std(axis=1), 1)

results = {}
for name, X_ in (("raw", X_lin), ("normalised", X_lin_norm)):
    alpha = 0.5 * inn.largest_stable_learning_rate(X_)
    results[name] = (alpha, inn.steps_to_converge(X_, y_lin, alpha))
    print(f"{name:>10}: learning rate {alpha:.4f}, {results[name][1]} steps to converge")
assert results["normalised"][1] * 20 < results["raw"][1]

# %% [markdown]
# A linear model $\hat y = w_1x_1 + w_2x_2$ with squared-error cost; each panel shows the
# cost contours over $(w_1, w_2)$ and 40 gradient-descent steps from $w = 0$ at half the
# largest stable learning rate. Raw inputs: elongated ellipses and a path that has barely
# started along the valley (both panels use the same scale on both axes). Normalised: near-circles, and the path goes straight to the
# minimum.

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 4.4))
for ax, (name, X_) in zip(axes, (("raw", X_lin), ("normalised", X_lin_norm))):
    path = inn.gradient_descent_path(X_, y_lin, results[name][0], 40)
    w_star = np.linalg.lstsq(X_.T, y_lin.T, rcond=None)[0].ravel()
    # the same square window around the minimum in both panels, equal axis scales, so
    # the shapes of the contours can be compared
    G1, G2, J = inn.cost_grid(X_, y_lin, (w_star[0] - 1.3, w_star[0] + 1.3),
                              (w_star[1] - 1.3, w_star[1] + 1.3), resolution=200)  # fmt: skip
    J_min = inn.linear_cost(w_star.reshape(2, 1), X_, y_lin)
    levels = J_min + np.geomspace(0.005, 1.0, 10) * (np.median(J) - J_min)
    ax.contour(G1, G2, J, levels=levels, cmap="viridis")
    ax.plot(path[:, 0], path[:, 1], "o-", color="C3", ms=3, lw=1, label="40 GD steps from w = 0")
    ax.plot(*w_star, "k*", ms=12, label="minimum")
    ax.set_aspect("equal")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(f"{name} inputs: {results[name][1]} steps to converge")
    ax.legend(loc="upper right", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 8. The same in Keras
#
# Keras puts the L2 penalty in the layer: `Dense(..., kernel_regularizer=L2(l2))` adds
# `l2 * sum(W**2)` to the loss. To get the course's $\frac{\lambda}{2m}\|W\|_F^2$ set
# `l2 = lambd / (2 * m)`. `keras.layers.Dropout(rate)` is inverted dropout with
# `rate = 1 - keep_prob`, active only when called with `training=True`;
# `keras.layers.Normalization` adapts $\mu$ and $\sigma^2$ (with the same $1/m$) on the
# training set. The twins in `regularization_tf.py` build these layers from our NumPy
# parameters, so the numbers can be compared directly.

# %%
from course_lib.c2_improving_dnns import regularization_tf as reg_tf  # noqa: E402

A3, cache = reg.forward_propagation(X_train, parameters3)
numpy_cost = reg.compute_cost_with_regularization(A3, Y_train, parameters3, 0.7)
keras_cost = reg_tf.compute_cost_with_regularization(X_train, Y_train, parameters3, 0.7)
numpy_grads = reg.backward_propagation_with_regularization(X_train, Y_train, cache, 0.7)
keras_grads = reg_tf.backward_propagation_with_regularization(X_train, Y_train, parameters3, 0.7)
gap_grad = max(np.abs(numpy_grads[k] - keras_grads[k]).max() for k in keras_grads)
print(f"cost: NumPy {numpy_cost:.6f}, Keras {keras_cost:.6f}; largest gradient gap {gap_grad:.1e}")
assert abs(numpy_cost - keras_cost) < 1e-5 and gap_grad < 1e-5

ones = np.ones((20, 500))
dropped = reg_tf.dropout(ones, keep_prob=0.8, training=True, seed=0)
print(f"Keras Dropout: kept values {np.unique(dropped[dropped > 0])}, mean {dropped.mean():.3f}")
assert np.allclose(reg_tf.dropout(ones, 0.8, training=False), ones)  # identity at test time
_, mu_k, sigma2_k = reg_tf.normalize_inputs(X_lin)
assert np.allclose(mu_k, mu, rtol=1e-5) and np.allclose(sigma2_k, sigma2, rtol=1e-5)

# %% [markdown]
# ## 9. Summary
#
# - Over-fitting shows as a train-dev gap; regularisation shrinks it, more data removes it.
# - L2: add $\frac{\lambda}{2m}\sum_l\|W^{[l]}\|_F^2$ (all layers, weights only); it adds
#   $\frac{\lambda}{m}W^{[l]}$ to $dW^{[l]}$, i.e. multiplies $W$ by $1 - \frac{\alpha\lambda}{m}$
#   each step (weight decay). Tune $\lambda$ on the dev set.
# - Inverted dropout: mask, then divide by keep_prob; use the same mask backwards; no
#   dropout at test time; smaller keep_prob for big layers, about 1 for small ones.
# - Data augmentation and early stopping are regularisers too; early stopping couples
#   optimisation with regularisation.
# - Normalise inputs with the training $\mu, \sigma^2$ everywhere: rounder cost contours,
#   a larger stable learning rate, far fewer steps.
# - Next: gradient checking, to make sure backward passes like the ones here are right.
