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
# # Learning from several tasks: transfer, multi-task and end-to-end learning
#
# *Course 3 (Structuring Machine Learning Projects), week 2. Curriculum items C3.30-C3.38.*
#
# A project rarely has one clean data set that matches its task exactly. Often there is a
# big data set for a *related* task, or several tasks that could be learned together, or a
# choice between one network that does everything and a chain of smaller steps. This lesson
# measures each of these choices on real trained networks instead of taking them on trust:
#
# 1. **transfer learning**: pre-train on a large task A, swap the output layer, train on a
#    small task B; freeze layers or fine-tune them;
# 2. how the best choice moves as task B's data grows (a measured learning curve);
# 3. a dashboard: number of frozen layers and size of B;
# 4. when transfer learning makes sense, and what a small task A gives;
# 5. **multi-task learning**: one network answering four yes/no questions at once, its cost
#    (which you write) and its backward pass (gradient-checked);
# 6. missing labels ("?") in the cost;
# 7. one shared network against four separate ones, measured;
# 8. a dashboard: the share of missing labels and the size of the shared network;
# 9. when multi-task learning makes sense, with two cases where it hurts;
# 10. the same in Keras: `layer.trainable = False`, a new `Dense` head, a masked loss;
# 11. **end-to-end learning** against a pipeline with a hand-designed step: the data-size
#     crossover;
# 12. the lecture's examples, the pros and cons, and the one question to ask.
#
# Code: `course_lib/c3_structuring_ml/transfer.py`, `multitask.py` and `end_to_end.py`
# (NumPy), their Keras twins `transfer_tf.py` and `multitask_tf.py`, and the dashboards
# `transfer_dashboard.py` and `multitask_dashboard.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C3 - Transfer, multi-task and end-to-end learning", seed=1, tensorflow=True)
budget, tf = lesson.budget, lesson.tf

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c3_structuring_ml import end_to_end as e2e
from course_lib.c3_structuring_ml import multitask as mt
from course_lib.c3_structuring_ml import transfer as tr
from course_lib.c3_structuring_ml.multitask_checks import check_multitask_cost
from course_lib.gradient_check import gradient_check, numerical_gradient, relative_difference
from course_lib.tables import Table

# %% [markdown]
# ## 1. Transfer learning: pre-train, swap the head, fine-tune
#
# A network trained to recognise cats, dogs and cars in a million photos has learned a lot
# that is not about cats: its first layers detect edges, corners, curves and textures, the
# *low-level features* of images in general. A radiology project with a few hundred X-rays
# can borrow them. The recipe:
#
# 1. **Pre-train** a network on task A (lots of data).
# 2. **Delete its output layer** $W^{[L]}, b^{[L]}$, which answered A's question.
# 3. **Add a new output layer** for task B, with randomly initialised $W^{[L]}, b^{[L]}$
#    (or a few new layers).
# 4. **Train on task B.** With little data for B, train only the new layer and keep the
#    others **frozen** (never updated). With more data, also retrain some or all of the
#    earlier layers: **fine-tuning**.
#
# Our two tasks are synthetic, built so that the conditions for transfer hold. Each example
# is $x \in \mathbb{R}^{16}$. Hidden inside are six low-level features
# $f = \mathrm{relu}(Ux + c)$ that both tasks depend on:
#
# - **task A** sorts $x$ into one of 6 classes according to $f$; it has $m_A = 5000$
#   labelled examples, so we can pre-train on it (a softmax network, Course 2);
# - **task B** asks a yes/no question about a *different* mix of the same features, plus a
#   seventh feature that A never needed; it has only $m_B = 10$ to $1000$ examples.
#
# Every network has the layers $[16, 32, 16, \text{output}]$.

# %%
M_A = 5000
X_A, Y_A = tr.related_tasks(M_A, "A", seed=0)
X_A_dev, Y_A_dev = tr.related_tasks(2000, "A", seed=1)
params_A = tr.pretrain(X_A, Y_A, hidden_layers=tr.HIDDEN_LAYERS)
accuracy_A = sm.accuracy(sm.predict(X_A_dev, params_A), Y_A_dev)
print(
    f"task A: {M_A} examples, 6 classes; dev accuracy after pre-training {100 * accuracy_A:.1f} %"
)
for key in ("W1", "W2", "W3"):
    print(f"  {key}: {params_A[key].shape}")
assert accuracy_A > 0.85

# %% [markdown]
# Steps 2 and 3: `tr.replace_output_layer` keeps $W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}$ and
# puts a fresh $W^{[3]}$ of shape $(1, 16)$ where the $(6, 16)$ softmax layer was. Step 4:
# `tr.fine_tune(X, Y, parameters, frozen_layers)` trains layers `frozen_layers + 1` to $L$
# by gradient descent and never touches the others. (Since frozen layers never change,
# their output $A^{[\ell]}$ is computed once and reused at every step; big projects even
# save it to disk.)

# %%
X_B, Y_B = tr.related_tasks(20, "B", seed=1000)
start_B = tr.replace_output_layer(params_A, n_out=1, seed=0)
print("new head W3:", start_B["W3"].shape, "(task A's was", params_A["W3"].shape, ")")
head_only = tr.fine_tune(X_B, Y_B, start_B, frozen_layers=2)
for key in ("W1", "W2", "W3"):
    changed = not np.array_equal(head_only[key], start_B[key])
    print(f"  {key}: {'trained' if changed else 'frozen (unchanged)'}")
assert np.array_equal(head_only["W1"], params_A["W1"])  # frozen means not updated
assert np.array_equal(head_only["W2"], params_A["W2"])
assert not np.array_equal(head_only["W3"], start_B["W3"])

# %% [markdown]
# ## 2. How much to fine-tune depends on how much data B has
#
# Four ways to train on task B, each on the same training sets of $m_B$ examples
# (averaged over a few draws) and measured on the same dev set:
#
# | variant | layers 1-2 start from | trained on B |
# |---|---|---|
# | from scratch | random (no transfer) | all 3 layers |
# | new head only | task A | layer 3 (2 frozen) |
# | fine-tune layers 2-3 | task A | layers 2, 3 (1 frozen) |
# | fine-tune all layers | task A | all 3 layers (0 frozen) |

# %%
M_B_VALUES = budget.pick(ci=[10, 100, 1000], full=[10, 20, 50, 100, 200, 500, 1000])
SEEDS = budget.pick(ci=(0, 1), full=(0, 1, 2))
study = tr.transfer_study(params_A, M_B_VALUES, seeds=SEEDS)
rows = [
    [name] + [f"{100 * e:.1f} %" for e in errors] for name, errors in study["dev_error"].items()
]
Table(["dev error on B"] + [f"m_B = {m}" for m in M_B_VALUES], rows)

# %%
dev = {name: 100 * errors for name, errors in study["dev_error"].items()}
transferred = ["new head only", "fine-tune layers 2-3", "fine-tune all layers"]
advantage = dev["from scratch"] - np.min([dev[name] for name in transferred], axis=0)
finetune_gain = dev["new head only"] - dev["fine-tune all layers"]

fig, (ax, gap_ax) = plt.subplots(1, 2, figsize=(9.6, 4.4), gridspec_kw={"width_ratios": [1.3, 1]})
styles = {"from scratch": ("0.35", "s"), "new head only": ("C1", "o")}
styles.update({"fine-tune layers 2-3": ("C2", "^"), "fine-tune all layers": ("C0", "D")})
for name, errors in dev.items():
    colour, marker = styles[name]
    ax.plot(study["m"], errors, marker=marker, color=colour, label=name)
ax.set_xscale("log")
ax.set_xticks(study["m"], [str(m) for m in study["m"]])
ax.minorticks_off()
ax.set_xlabel("training examples of task B, $m_B$ (log scale)")
ax.set_ylabel("dev error on task B (%)")
ax.set_ylim(0, None)
ax.set_title("Task B: training from scratch vs transferring task A's network", fontsize=10)
ax.legend()
ax.grid(True, alpha=0.3)
gap_ax.plot(study["m"], advantage, marker="o", color="C3", label="scratch - best transfer")
gap_ax.plot(
    study["m"], finetune_gain, marker="D", color="C0", label="new head only - fine-tune all"
)
gap_ax.axhline(0, color="k", lw=0.8)
gap_ax.set_xscale("log")
gap_ax.set_xticks(study["m"], [str(m) for m in study["m"]])
gap_ax.minorticks_off()
gap_ax.set_xlabel("$m_B$ (log scale)")
gap_ax.set_ylabel("difference in dev error (points)")
gap_ax.set_title("Differences (above 0: the second variant is better)", fontsize=10)
gap_ax.legend()
gap_ax.grid(True, alpha=0.3)
fig.tight_layout()
plt.show()

small, large = 0, -1  # the smallest and the largest m_B
assert dev["new head only"][small] < dev["from scratch"][small] - 5  # transfer helps small B
assert advantage[large] < advantage[small] - 3  # ... and its advantage shrinks as B grows
assert advantage[large] < 0.6 * advantage[small]  # ... to a fraction of it
assert finetune_gain[large] > 2 and finetune_gain[large] > finetune_gain[small] + 2
assert dev["from scratch"][large] < dev["new head only"][large]  # frozen features now limit
best_transfer = np.min([dev[name] for name in transferred], axis=0)
assert dev["new head only"][small] < best_transfer[small] + 1  # head only: as good as any
assert all(dev[n][small] < dev["from scratch"][small] - 5 for n in transferred)  # all beat it
fine_tuned = ["fine-tune layers 2-3", "fine-tune all layers"]
assert all(dev[n][large] < dev["from scratch"][large] for n in fine_tuned)  # still the best

# %% [markdown]
# Read the curves from left to right:
#
# - **Small $m_B$:** every transferred network beats training from scratch by a wide
#   margin, and training only the new head is as good as anything: with a handful of
#   examples, B cannot teach the lower layers anything A has not taught them better.
# - **Growing $m_B$:** the network trained from scratch catches up: at the largest $m_B$
#   the advantage of transfer (red curve) is a fraction of what it was at the smallest.
#   Fine-tuning the lower layers starts to pay (blue curve):
#   B's data now suffices to adapt A's features, including the seventh feature A never
#   needed.
# - **Large $m_B$:** the frozen features have become a limit. Training from scratch now
#   beats the new-head-only network, while fine-tuned networks stay best: A's weights are
#   still a good *starting point* even when they are no longer a good *final answer*.
#
# This is the lecture's rule: little data for B, retrain only the last layer (or two); more
# data, retrain more layers, up to all of them.
#
# ## 3. Dashboard: frozen layers and $m_B$
#
# Choose how many layers to freeze (0 = fine-tune everything, 2 = train only the new head),
# how many examples of task B to train on, and where layers 1-2 start. Each change trains
# one network (a second or so); the star is its dev error, on top of the curves above.
# Try: the head only with $m_B = 10$ and with $m_B = 1000$; all layers fine-tuned at the
# same two sizes; and frozen *random* layers (start "random", 2 frozen), which shows that
# the benefit comes from what A taught the layers, not just from training fewer weights.

# %%
from course_lib.c3_structuring_ml.transfer_dashboard import transfer_dashboard  # noqa: E402

transfer_dash = transfer_dashboard(params_A, study, frozen_layers=2, m_B=20)
transfer_dash

# %%
# The dashboard's own compute function (pure), so the dashboard above keeps your settings.
quiet = lambda fraction: None  # noqa: E731
head_small = transfer_dash.compute(frozen_layers=2, m_B=20, start="pre-trained", progress=quiet)
head_random = transfer_dash.compute(frozen_layers=2, m_B=20, start="random", progress=quiet)
head_small, random_features = head_small["dev_error"], head_random["dev_error"]
print(
    f"m_B = 20, head only: on A's layers {100 * head_small:.1f} %, on random layers "
    f"{100 * random_features:.1f} %"
)
assert head_small < random_features - 0.05  # the transferred features are what helps

# %% [markdown]
# ## 4. When transfer learning makes sense
#
# Transfer from A to B is worth trying when
#
# - **A and B have the same kind of input $x$** (images and images, audio and audio);
# - **A has a lot more data than B**: one example of B is worth far more to B than one of
#   A, so A must make up in quantity what it lacks in relevance;
# - **the low-level features learned on A help B.**
#
# The lecture's examples: image recognition (millions of photos) to radiology (a few
# hundred scans); speech recognition (thousands of hours) to wake-word detection (an hour
# of "Alexa"). If B has as much data as A, or more, transfer gains little; train on B.
#
# The second condition, measured: pre-train the same network on only **50** examples of
# A and transfer it to B with 20 examples.

# %%
small_A = tr.pretrain(X_A[:, :50], Y_A[:, :50], num_epochs=100)
variants = {
    "new head only": tr.VARIANTS["new head only"],
    "from scratch": tr.VARIANTS["from scratch"],
}
with_big_A = tr.transfer_study(params_A, [20], seeds=SEEDS, variants=variants)["dev_error"]
with_small_A = tr.transfer_study(small_A, [20], seeds=SEEDS, variants=variants)["dev_error"]
Table(
    ["pre-trained on", "new head only, m_B = 20", "from scratch, m_B = 20"],
    [
        [f"{M_A} examples of A"]
        + [f"{100 * with_big_A[n][0]:.1f} %" for n in ("new head only", "from scratch")],
        ["50 examples of A"]
        + [f"{100 * with_small_A[n][0]:.1f} %" for n in ("new head only", "from scratch")],
    ],
    title="Dev error on task B: transfer needs a big task A",
)

# %%
gain_big = with_big_A["from scratch"][0] - with_big_A["new head only"][0]
gain_small = with_small_A["from scratch"][0] - with_small_A["new head only"][0]
print(
    f"transfer cuts B's dev error by {100 * gain_big:.1f} points after pre-training on "
    f"{M_A} examples of A,\n  by {100 * gain_small:.1f} points after 50"
)
assert with_big_A["new head only"][0] < with_small_A["new head only"][0] - 0.05
assert gain_big > gain_small + 0.05  # most of the benefit needs a big task A

# %% [markdown]
# Pre-trained on 50 examples, the network has learned little about the features, so its
# frozen layers give task B only a small head start; pre-trained on 5000, they give most of
# what B needs. (The same network, the same task B, the same 20 examples: only $m_A$
# changed.)

# %% [markdown]
# ## 5. Multi-task learning: one network, four labels
#
# A self-driving car must spot pedestrians, cars, stop signs and traffic lights, often
# several in the same image. So each image gets a label vector
# $y^{(i)} \in \{0, 1\}^4$, for example $y^{(i)} = (0, 1, 1, 0)$ for "a car and a stop sign",
# and the labels of $m$ images form $Y = [y^{(1)} \cdots y^{(m)}]$ of shape $(4, m)$. This
# is **not** softmax: softmax picks exactly one class, here any number of the four answers
# can be "yes". One network with four **sigmoid** output units, $\hat y^{(i)} \in
# \mathbb{R}^4$, learns all four questions at once by minimising
#
# $$J = \frac{1}{m}\sum_{i=1}^{m}\sum_{j=1}^{4}\mathcal{L}\big(\hat y_j^{(i)}, y_j^{(i)}\big),
# \qquad \mathcal{L}(\hat y, y) = -\big(y\log\hat y + (1-y)\log(1-\hat y)\big),$$
#
# the usual logistic loss, summed over the four labels and averaged over the examples. The
# alternative is four separate networks, one per question.
#
# Our stand-in for road images: 10 numbers per example, with three hidden low-level
# features (think edges, blobs, colours) that decide which of the four objects are present.
# Each label is "yes" for about half of the examples.

# %%
X_show, Y_show = mt.driving_scenes(8, seed=7)
Table(
    ["example i"] + list(mt.TASK_NAMES),
    [[i + 1] + [int(v) for v in Y_show[:, i]] for i in range(8)],
    title="Labels y^(i) of 8 scenes: several 1s in one column are allowed",
)

# %%
X_big, Y_big = mt.driving_scenes(4000, seed=1)
several = np.mean(Y_big.sum(axis=0) >= 2)
print(f"scenes with two or more objects: {100 * several:.0f} %")
assert several > 0.3  # a softmax could not label these

# %% [markdown]
# ### Your turn: `multitask_cost`
#
# Write `multitask_cost(AL, Y, mask)`. `AL` and `Y` are $(4, m)$ (or $(n_y, m)$); `mask` is
# $(n_y, m)$ with 1 where the label exists and 0 where it is unknown. Unknown labels
# (section 6 explains where they come from) are stored in `Y` as `np.nan`, written "?".
# Return
#
# $$J = \frac{1}{m}\sum_{i=1}^{m}\sum_{j=1}^{n_y} M_{ji}\,\mathcal{L}\big(\hat y_j^{(i)}, y_j^{(i)}\big)$$
#
# as a Python float: sum over the labels that exist, divide by the number of examples $m$.
# Watch out: `np.nan * 0` is `nan`, so a "?" must be replaced before it reaches a log; and
# `np.log(0)` is `-inf`, which a confident, correct prediction ($\hat y$ exactly 1) can
# produce inside the term that should vanish.


# %%
def multitask_cost(AL, Y, mask):
    """J = (1/m) sum over examples i and labels j with mask[j, i] == 1 of L(AL[j, i], Y[j, i])."""
    # 1. replace the "?" in Y (np.where), 2. elementwise logistic loss, 3. multiply by mask,
    # 4. sum everything and divide by m = AL.shape[1]
    raise NotImplementedError


check_multitask_cost(multitask_cost)

# %% [markdown]
# **The backward pass.** For one label, $\partial\mathcal{L}/\partial z = \hat y - y$ when
# $\hat y = \sigma(z)$ (Course 1). Each label has its own output unit, so in Course 1's
# notation
# $$dZ^{[L]} = M \odot (A^{[L]} - Y), \qquad dW^{[L]} = \frac{1}{m}\, dZ^{[L]} A^{[L-1]T},
# \qquad db^{[L]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[L](i)},$$
# where $dZ^{[L]}$ is a $(4, m)$ array, zero wherever the label is "?": an unknown label
# sends no gradient. (In code, replace the "?" in $Y$ by any number before subtracting,
# e.g. `np.where(M == 1, Y, 0)`: the "?" is `nan`, and `0 * nan` is `nan` too.) As
# everywhere in the course, the $\frac{1}{m}$ of the cost enters with $dW$ and $db$, so
# the gradient of $J$ itself is $\partial J / \partial Z^{[L]} = dZ^{[L]} / m$. From there
# the usual ReLU and linear blocks of Course 1 take over (`mt.multitask_model_backward`). Two checks: $dZ^{[L]}$ against $m$ times the centred
# differences of $J(Z^{[L]})$, and the whole network's gradients against centred
# differences of $J(W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]})$, both in float64.

# %%
rng = np.random.default_rng(3)
Z_check = rng.standard_normal((4, 7))
Y_check = mt.hide_labels(mt.driving_scenes(7, seed=3)[1], 0.3, seed=3)
numeric = numerical_gradient(lambda Z: mt.multitask_cost_from_logits(Z, Y_check), Z_check)
analytic = mt.multitask_backward(sigmoid(Z_check), Y_check)
error_dZ = relative_difference(Z_check.shape[1] * numeric, analytic)  # dZ = m dJ/dZ

X_chk, _ = mt.driving_scenes(7, seed=3)
net = tr.he_parameters([10, 5, 4], seed=3)
net["b1"] = rng.uniform(0.1, 0.3, (5, 1))  # no ReLU sits exactly on its kink
AL_chk, caches_chk = dn.L_model_forward(X_chk, net)
grads_chk = mt.multitask_model_backward(AL_chk, Y_check, caches_chk)
error_net = gradient_check(
    lambda p: mt.multitask_cost_from_logits(mt.logits(X_chk, p), Y_check), net, grads_chk
)
print(f"gradient check, dZ[L]: {error_dZ:.1e}; whole network: {error_net:.1e}")
assert error_dZ < 1e-7 and error_net < 1e-7
assert np.all(analytic[np.isnan(Y_check)] == 0)  # a "?" sends no gradient

# %% [markdown]
# Large logits are safe: `mt.multitask_cost_from_logits` uses
# $-\log\sigma(z) = \log(1 + e^{-z})$ through `np.logaddexp`, and `mt.multitask_cost`
# clamps only against $\log 0$.

# %%
Z_extreme = np.array([[1e4, -1e4], [-1e4, 1e4]])
Y_extreme = np.array([[1.0, 0.0], [1.0, np.nan]])
print(f"J from logits +-1e4: {mt.multitask_cost_from_logits(Z_extreme, Y_extreme):.1f}")
assert mt.multitask_cost_from_logits(Z_extreme, Y_extreme) == 5000.0  # one label wrong by 1e4
assert mt.multitask_cost(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]])) == 0.0

# %% [markdown]
# ## 6. Missing labels
#
# Labelling is expensive, so data sets are often incomplete: one labeller marked only
# pedestrians and cars, another only stop signs. An image may have the label vector
# $(1, 0, ?, ?)$. Multi-task learning can still use it: the cost sums only over the labels
# that exist, $J = \frac{1}{m}\sum_i\sum_{j:\ y_j^{(i)} \neq ?}\mathcal{L}(\hat y_j^{(i)},
# y_j^{(i)})$, which is the mask $M$ above. Four separate networks would each train only
# on the images that have *their* label. A "?" is not a 0: it must not count at all.

# %%
Y_full = mt.driving_scenes(6, seed=5)[1]
Y_missing = mt.hide_labels(Y_full, 0.4, seed=2)
AL_demo = np.full(Y_full.shape, 0.7)
print(np.where(np.isnan(Y_missing), "?", np.nan_to_num(Y_missing).astype(int).astype(str)))
J_masked = mt.multitask_cost(AL_demo, Y_missing)
known = ~np.isnan(Y_missing)
J_by_hand = -np.sum(np.where(Y_missing[known] == 1, np.log(0.7), np.log(0.3))) / 6
print(f"masked J = {J_masked:.4f}; sum over the known labels / m = {J_by_hand:.4f}")
assert np.isclose(J_masked, J_by_hand)
assert mt.multitask_cost(AL_demo, Y_missing) < mt.multitask_cost(AL_demo, Y_full)  # fewer terms

# %% [markdown]
# ## 7. One network or four? Measured
#
# Now real training: $m$ scenes, each with its 4 labels, for $m$ from a few dozen to a few
# hundred. One network $[10, 8, 4]$ learns all four tasks; four networks $[10, 8, 1]$ each
# learn one. Every network gets the same hidden layer size and the same training budget,
# and all are measured on the same dev set of 4000 scenes.

# %%
M_VALUES = budget.pick(ci=[25, 50, 200, 400], full=[25, 50, 100, 200, 400])
MT_SEEDS = budget.pick(ci=(0, 1), full=(0, 1, 2))
MT_BUDGET = {"num_iterations": 500, "learning_rate": 2.0}
comparison = mt.joint_vs_separate(M_VALUES, seeds=MT_SEEDS, **MT_BUDGET)
joint_mean, separate_mean = comparison["joint"].mean(axis=1), comparison["separate"].mean(axis=1)

fig, ax = plt.subplots(figsize=(7.5, 4.2))
ax.plot(comparison["m"], 100 * joint_mean, marker="o", lw=2, label="one network, 4 outputs")
ax.plot(comparison["m"], 100 * separate_mean, marker="s", lw=2, label="4 separate networks")
for j in range(len(mt.TASK_NAMES)):
    ax.plot(comparison["m"], 100 * comparison["joint"][:, j], color="C0", lw=0.6, alpha=0.4)
    ax.plot(comparison["m"], 100 * comparison["separate"][:, j], color="C1", lw=0.6, alpha=0.4)
ax.set_xscale("log")
ax.set_xticks(comparison["m"], [str(m) for m in comparison["m"]])
ax.minorticks_off()
ax.set_xlabel("training examples m, each with 4 labels (log scale)")
ax.set_ylabel("dev error, mean of the 4 tasks (%)")
ax.set_title("Multi-task learning vs one network per task (thin: each task)")
ax.set_ylim(0, None)
ax.legend()
ax.grid(True, alpha=0.3)
fig.tight_layout()
plt.show()
for m, j_err, s_err in zip(comparison["m"], joint_mean, separate_mean):
    print(f"m = {m:4d}: one network {100 * j_err:5.1f} %, four networks {100 * s_err:5.1f} %")
at_200 = list(comparison["m"]).index(200)
assert joint_mean[at_200] < separate_mean[at_200] - 0.02  # sharing features pays
assert np.all(comparison["joint"][at_200] < comparison["separate"][at_200])  # for every task
gain_mt = separate_mean - joint_mean
print("gain of the shared network (points):", ", ".join(f"{100 * g:+.1f}" for g in gain_mt))
assert abs(gain_mt[0]) < 0.02 and joint_mean[0] > 0.2  # very few examples: both fail alike
assert int(np.argmax(gain_mt)) == at_200 and gain_mt[-1] < gain_mt[at_200]  # largest between

# %% [markdown]
# With 200 scenes the shared network makes far fewer errors than the separate ones, and
# it wins on every one of the four tasks. Each separate network has to discover the
# three low-level features from its own 200 yes/no answers; the shared hidden layer gets
# $4 \times 200$ answers about the same features. With very few examples both fail, and
# with many both succeed; the gain is largest in between, where data per task is scarce.
#
# ## 8. Dashboard: missing labels and the size of the shared network
#
# Hide a share of the 200 training scenes' labels (drawn as "?") and choose the hidden
# units $h$ of every network. Each change trains the shared network with the masked cost
# and four separate networks on the labels each task has left. Try: 0 %, 50 % and 90 %
# missing; then $h = 1$ or $2$, where one shared layer is too small for four tasks.

# %%
from course_lib.c3_structuring_ml.multitask_dashboard import missing_labels_dashboard  # noqa: E402

missing_dash = missing_labels_dashboard(m=200, missing_fraction=0.5, hidden_units=8)
missing_dash

# %%
# The pure function behind the dashboard, so the dashboard above keeps your settings.
from course_lib.c3_structuring_ml.multitask_dashboard import train_joint_and_separate  # noqa: E402

X_200, Y_200 = mt.driving_scenes(200, seed=100)  # the dashboard's training scenes
X_4000, Y_4000 = mt.driving_scenes(4000, seed=1)  # and its dev set
half_missing = train_joint_and_separate(X_200, Y_200, X_4000, Y_4000, 0.5, 8)["joint"].mean()
mostly_missing = train_joint_and_separate(X_200, Y_200, X_4000, Y_4000, 0.9, 8)["joint"].mean()
print(
    f"one network, dev error: 50 % '?' {100 * half_missing:.1f} %, 90 % '?' "
    f"{100 * mostly_missing:.1f} %"
)
assert half_missing < separate_mean[at_200]  # half the labels gone, still beats 4 nets with all
assert half_missing < mostly_missing < 0.4  # fewer labels hurt, but it still learns

# %% [markdown]
# With half of the labels missing the shared network is still better than four separate
# networks trained on *all* the labels; with 90 % missing (about 20 labels per task) it is
# worse, but far from guessing (50 %). The masked cost lets every label that exists count.
#
# ## 9. When multi-task learning makes sense
#
# The lecture's three conditions:
#
# - **the tasks can share low-level features** (all four objects are made of the same
#   edges and blobs);
# - **usually, the amount of data is similar for each task**: the gain for one task comes
#   from the *other* tasks' data (with 100 tasks of 1000 examples each, every task borrows
#   from 99,000 examples), so a task with far more data than the rest gains little;
# - **the network is big enough** to do well on all tasks at once. Rich Caruana found that
#   multi-task learning hurts compared with separate networks mainly when the shared
#   network is too small.
#
# The first and third conditions, measured at $m = 200$: the setting above, a shared
# network with only $h = 2$ hidden units, and four tasks that do *not* share features (each
# reads its own three features) with $h = 8$ and with $h = 32$.

# %%
settings = {
    "shared features, h = 2 (network too small)": {"hidden_layers": (2,), "shared": True},
    "no shared features, h = 8": {"hidden_layers": (8,), "shared": False},
    "no shared features, h = 32": {"hidden_layers": (32,), "shared": False},
}
when = {"shared features, h = 8": (joint_mean[at_200], separate_mean[at_200])}  # section 7
for name, setting in settings.items():
    result = mt.joint_vs_separate([200], seeds=MT_SEEDS, **setting, **MT_BUDGET)
    when[name] = (result["joint"].mean(), result["separate"].mean())


def verdict(joint_error, separate_error, margin=0.01):
    """How the one shared network compares with the four separate ones."""
    if joint_error < separate_error - margin:
        return "helps"
    return "hurts" if joint_error > separate_error + margin else "about equal"


Table(
    ["m = 200", "one network", "4 networks", "multi-task"],
    [
        [name, f"{100 * j:.1f} %", f"{100 * s:.1f} %", verdict(j, s)]
        for name, (j, s) in when.items()
    ],
    title="Dev error (mean of the 4 tasks)",
)

# %%
joint_small, separate_small = when["shared features, h = 2 (network too small)"]
joint_unshared, separate_unshared = when["no shared features, h = 8"]
joint_wide, separate_wide = when["no shared features, h = 32"]
assert joint_small > separate_small + 0.03  # too small a shared network hurts
assert joint_unshared > separate_unshared + 0.01  # nothing to share: the tasks compete
assert joint_wide - separate_wide < joint_unshared - separate_unshared  # a bigger one hurts less

# %% [markdown]
# In practice transfer learning is used far more often than multi-task learning. The big
# exception is computer vision, object detection in particular: one network detecting
# many kinds of objects beats one network per kind (YOLO, from the original Course 4 on
# convolutional networks, is such a network).
#
# ## 10. The same in Keras
#
# In Keras, transfer learning is list surgery on the layers plus a flag:
#
# ```python
# model = keras.Sequential([keras.Input((16,)), *base.layers[:-1],   # drop A's output layer
#                           keras.layers.Dense(1, activation="sigmoid")])  # new head
# for layer in model.layers[:frozen_layers]:
#     layer.trainable = False                                       # frozen
# model.compile(optimizer=keras.optimizers.SGD(0.2), loss="binary_crossentropy")
# ```
#
# `transfer_tf.fine_tune` does exactly this, starting from our NumPy parameters, so the
# two implementations can be compared number by number. For multi-task learning Keras has
# no loss that skips "?", so `multitask_tf.masked_binary_crossentropy` is one: the targets
# carry NaN for "?", and per example it sums the cross-entropy over the labels that exist;
# `fit` averages over the batch, which is $J$ again.

# %%
from course_lib.c3_structuring_ml import multitask_tf as mt_tf  # noqa: E402
from course_lib.c3_structuring_ml import transfer_tf as tr_tf  # noqa: E402

keras_model = tr_tf.transfer_model(params_A, frozen_layers=1)
print([(layer.name, layer.trainable) for layer in keras_model.layers])
numpy_tuned = tr.fine_tune(X_B, Y_B, start_B, frozen_layers=1, num_iterations=100)
keras_tuned = tr_tf.fine_tune(X_B, Y_B, start_B, frozen_layers=1, num_iterations=100)
gap_transfer = max(np.abs(numpy_tuned[k] - keras_tuned[k]).max() for k in numpy_tuned)
print(f"fine-tuning, 100 steps, layer 1 frozen: largest NumPy-Keras difference {gap_transfer:.1e}")
assert gap_transfer < 1e-4
assert np.allclose(keras_tuned["W1"], params_A["W1"], atol=1e-7)  # trainable = False held

# %%
X_mt, Y_mt = mt.driving_scenes(50, seed=11)
Y_mt = mt.hide_labels(Y_mt, 0.3, seed=11)
net_mt = tr.he_parameters([10, 8, 4], seed=11)
net_mt["b1"] = np.full((8, 1), 0.1)
AL_mt, caches_mt = dn.L_model_forward(X_mt, net_mt)
cost_gap = abs(mt.multitask_cost(AL_mt, Y_mt) - mt_tf.multitask_cost(AL_mt, Y_mt))
numpy_grads = mt.multitask_model_backward(AL_mt, Y_mt, caches_mt)
keras_grads = mt_tf.multitask_model_backward(X_mt, Y_mt, net_mt)
grad_gap = max(np.abs(numpy_grads[k] - keras_grads[k]).max() for k in keras_grads)
print(f"masked cost: difference {cost_gap:.1e}; gradients: largest difference {grad_gap:.1e}")
assert cost_gap < 1e-5 and grad_gap < 1e-5

# %% [markdown]
# ## 11. End-to-end deep learning vs a pipeline
#
# Speech recognition used to be a **pipeline** of stages, several of them designed by hand:
# audio $\to$ features (MFCC) $\to$ phonemes $\to$ words $\to$ transcript. **End-to-end**
# deep learning replaces the whole chain with one network from audio to transcript. With
# enough data (tens of thousands of hours) the end-to-end system wins; with a few thousand
# hours the pipeline does better, and in between a partial pipeline (e.g. audio $\to$
# features $\to$ network $\to$ transcript) is a common compromise.
#
# A small version you can run, after the lecture's X-ray example (is the child at least 8
# years old?). Each x is one scan line across three finger bones, 32 noisy pixels: each
# bone is a bright stretch that grows longer with age, bones also get brighter (denser)
# with age, and the hand lies at a different place on each plate.
#
# - **Pipeline**: stage 1, hand-designed, thresholds the scan and measures the three
#   longest bright stretches (the bones); stage 2 learns logistic regression on those
#   three numbers.
# - **End to end**: a network $[32, 16, 1]$ learns from the raw pixels.

# %%
X_scan, Y_scan, age_scan = e2e.xray_scans(400, seed=2)
examples = [int(np.argmin(np.abs(age_scan - a))) for a in (4, 12)]
fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.6), sharey=True)
for ax, i in zip(axes, examples):
    scan = X_scan[:, i]
    bones = e2e.measure_bones(X_scan[:, i : i + 1]).ravel().astype(int)
    is_bone = scan > e2e.BONE_THRESHOLD
    ax.bar(np.flatnonzero(~is_bone), scan[~is_bone], color="0.7", width=0.9, label="background")
    ax.bar(np.flatnonzero(is_bone), scan[is_bone], color="C0", width=0.9, label="counted as bone")
    ax.axhline(e2e.BONE_THRESHOLD, color="C3", ls="--", lw=1, label="stage 1 threshold")
    ax.set_title(
        f"age {age_scan[i]:.1f} (y = {int(Y_scan[0, i])}): stage 1 measures bones of "
        f"{', '.join(str(b) for b in bones)} pixels",
        fontsize=10,
    )
    ax.set_xlabel("pixel along the scan line")
axes[0].set_ylabel("brightness")
axes[0].legend(loc="upper right", fontsize=8)
fig.tight_layout()
plt.show()

# %%
M_E2E = budget.pick(ci=[20, 100, 1000], full=[20, 50, 100, 200, 500, 1000, 2000])
crossover = e2e.crossover_study(M_E2E, seeds=budget.pick(ci=(0, 1), full=(0, 1, 2)))
pipe, end = 100 * crossover["pipeline"], 100 * crossover["end_to_end"]

fig, ax = plt.subplots(figsize=(7.5, 4.2))
ax.plot(crossover["m"], pipe, marker="s", lw=2, label="pipeline: measure bones, then learn")
ax.plot(crossover["m"], end, marker="o", lw=2, label="end to end: pixels -> answer")
ax.set_xscale("log")
ax.set_xticks(crossover["m"], [str(m) for m in crossover["m"]])
ax.minorticks_off()
ax.set_xlabel("training scans m (log scale)")
ax.set_ylabel("dev error (%)")
ax.set_ylim(0, None)
ax.set_title("Is the child at least 8? A hand-designed step vs learning it all")
ax.legend()
ax.grid(True, alpha=0.3)
fig.tight_layout()
plt.show()
for m, p_err, e_err in zip(crossover["m"], pipe, end):
    print(f"m = {m:5d}: pipeline {p_err:5.1f} %, end to end {e_err:5.1f} %")
assert pipe[0] < end[0] - 3  # little data: the hand-designed step wins
assert end[-1] < pipe[-1] - 1.5  # much data: end to end wins
assert pipe[-1] > pipe[0] - 6  # the pipeline levels off: its measurement lost information

# %% [markdown]
# With a few dozen scans the pipeline is far better: its hand-designed step turns 32 noisy
# pixels into three meaningful numbers, and three numbers are easy to learn from. But the
# pipeline levels off: the designer decided that only bone *lengths* matter and threw away
# their *brightness*, which also tells age. The end-to-end network has to discover
# everything itself, so it needs more data, and once it has enough it uses all the
# information in the pixels and overtakes the pipeline.
#
# ## 12. Examples, pros and cons, and the key question
#
# The lecture's examples of choosing between the two:
#
# - **Face-recognition turnstile**: going straight from the camera image (a person
#   somewhere in it, at any distance) to an identity works worse than **two steps**:
#   detect and crop the face, then compare the crop with the employees' photos. Each
#   sub-task is simpler and has lots of data of its own, while images labelled end to end
#   are scarce.
# - **Machine translation**: English to French works well **end to end**, because there
#   are huge numbers of (English, French) sentence pairs.
# - **A child's age from a hand X-ray**: there is little data of (X-ray, age), so the
#   **pipeline** (segment the bones, measure them, look the lengths up in growth tables)
#   works better today; end to end would need far more data.
#
# **Pros of end to end:** it lets the data speak (the network is not forced to use
# human-invented concepts such as phonemes, if something else works better), and fewer
# components have to be designed by hand.
#
# **Cons:** it may need a very large amount of $(x, y)$ data, and it excludes potentially
# useful hand-designed components, which are the way to inject knowledge when data is
# scarce (our bone measurement).
#
# **The key question:** *do you have enough data to learn a function of the complexity
# needed to map $x$ to $y$?* If the direct map is complex (image to identity) and the data
# is limited, break it into steps that are each simpler or each have their own data. If
# the data is plentiful, let one network learn it.
#
# ## 13. Summary
#
# - **Transfer learning**: pre-train on A, replace the output layer with a new random one,
#   train on B. Little data for B: retrain the new head only (freeze the rest). More data:
#   fine-tune more layers, up to all. Measured here: transfer's advantage is large at
#   $m_B = 10$ and much smaller at $m_B = 1000$; fine-tuning more layers pays off only with
#   more data.
# - It makes sense when A and B share the input type, A has much more data, and A's
#   low-level features help B (pre-training on only 50 examples of A helped far less).
# - **Multi-task learning**: one network, $n_y$ sigmoid outputs, $J = \frac{1}{m}\sum_i
#   \sum_j \mathcal{L}(\hat y_j^{(i)}, y_j^{(i)})$ over the labels that exist; backward
#   $dZ^{[L]} = M \odot (A^{[L]} - Y)$ (the "?" in $Y$ replaced by 0 first) and
#   $dW^{[L]} = \frac{1}{m} dZ^{[L]} A^{[L-1]T}$. It beat four separate networks when the tasks
#   share features, still worked with half the labels missing, and hurt when the shared
#   network was too small or the tasks had nothing in common.
# - **End to end vs pipeline**: hand-designed steps win with little data; end to end wins
#   with enough data for the complexity of $x \to y$.
# - In Keras: `layer.trainable = False`, `base.layers[:-1]` plus a new `Dense` head, and a
#   masked loss; they agree with the NumPy versions to float32 precision.
