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
# # Residual networks
#
# *Course 4 (Convolutional Neural Networks), week 2. Curriculum items C4.34-C4.38.*
#
# In theory a deeper network can do everything a shallower one can: its extra layers only
# need to pass their input through unchanged. In practice, a plain network with many more
# layers often ends up with a *higher training error* after the same training, because
# its gradients have to cross every layer on the way back. Residual networks (ResNets) add
# shortcuts that skip two layers at a time, and with them networks of 50, 100 and more
# layers train well. In this lesson you will:
#
# 1. write the residual block's formula and see where the shortcut joins;
# 2. run the experiment yourself: plain and residual networks of depth 2 to 30, same data,
#    same starting weights, same budget, and compare their training error;
# 3. see numerically why a residual block can always fall back to the identity;
# 4. write the course's Keras identity block, and check it against a NumPy version with the
#    same weights;
# 5. write the convolutional (projection) block for when the shapes change;
# 6. build the course's ResNet-50 and count its 23.6 million parameters.
#
# Code: `course_lib/c4_convnets/resnets.py` (NumPy: the experiment and the blocks' forward
# pass), `resnets_tf.py` (the course's Keras functions), `resnets_dashboard.py`,
# `resnets_checks.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Residual networks", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import textwrap

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras.initializers import glorot_uniform, random_uniform
from keras.layers import Activation, Add, BatchNormalization, Conv2D  # noqa: F401 (your turn)

from course_lib.c1_neural_networks.activations import relu
from course_lib.c4_convnets import resnets as rn
from course_lib.c4_convnets import resnets_tf as rt
from course_lib.c4_convnets.resnets_checks import check_convolutional_block, check_identity_block
from course_lib.c4_convnets.resnets_dashboard import depth_dashboard, weight_decay_dashboard
from course_lib.lesson import print_values, progress_bar

# %% [markdown]
# ## 1. The residual block
#
# Take two layers of a plain network. From $a^{[l]}$ the signal goes through
#
# $$z^{[l+1]} = W^{[l+1]} a^{[l]} + b^{[l+1]},\quad a^{[l+1]} = g(z^{[l+1]}),\quad
#   z^{[l+2]} = W^{[l+2]} a^{[l+1]} + b^{[l+2]},\quad a^{[l+2]} = g(z^{[l+2]}).$$
#
# A **residual block** copies $a^{[l]}$ forward (the *shortcut* or *skip connection*) and
# adds it to $z^{[l+2]}$, *before* the second non-linearity:
#
# $$a^{[l+2]} = g\big(z^{[l+2]} + a^{[l]}\big)
#   = g\big(W^{[l+2]} a^{[l+1]} + b^{[l+2]} + a^{[l]}\big).$$
#
# **Common mistake.** Some notes write $a^{[l+1]} = g(z^{[l+1]} + a^{[l]})$. The shortcut
# spans *two* layers: it leaves at $a^{[l]}$ and joins at $z^{[l+2]}$. Adding it after $g$,
# $g(z^{[l+2]}) + a^{[l]}$, gives a different block too: since $g(z) \ge 0$, its output is
# at least its input in every entry, so the activations can only grow from block to block.
# The sum needs $a^{[l]}$ and $z^{[l+2]}$ to have the
# same shape (section 5 handles the case where they do not).

# %%
block = rn.initialize_dense_block(n=4, seed=3)
a_l = relu(np.random.default_rng(0).standard_normal((4, 3)))  # a^[l] is a ReLU output
a_res, cache = rn.residual_block_forward(a_l, block, skip=True)
a_plain, _ = rn.residual_block_forward(a_l, block, skip=False)
after_g = relu(cache["z2"]) + a_l  # the shortcut added after g: not a ResNet block
print("a[l+2] with the shortcut before g:\n", np.round(a_res, 3))
print("the shortcut added after g instead:\n", np.round(after_g, 3))
assert np.allclose(a_res, relu(cache["z2"] + a_l))
assert not np.allclose(a_res, after_g) and not np.allclose(a_res, a_plain)
assert np.all(after_g >= a_l)  # added after g, a block can only add to its input

# %% [markdown]
# ## 2. Plain vs residual: training error against depth
#
# The lecture's claim (C4.34): as a plain network gets deeper, its training error first
# falls and then rises again, although the deeper network could represent everything the
# shallower one does. A ResNet's training error keeps going down. We test it on two
# interleaved spirals, a set a network has to bend a lot to fit.
#
# Every network here has $L$ weight layers of 16 units: layer 1 maps the 2-D input to 16
# units, layers $2 \dots L-1$ are LINEAR $\to$ BATCH NORM $\to$ RELU, and layer $L$ is a
# sigmoid unit. The residual network pairs the hidden layers into $(L-2)/2$ blocks
# $a^{[l+2]} = g(\tilde z^{[l+2]} + a^{[l]})$ (batch norm's output $\tilde z$, as in the real
# ResNet). For every depth, the two networks start from **the same weights** and get **the
# same budget** (150 full-batch updates of gradient descent with momentum, $\alpha = 0.1$,
# $\beta = 0.9$): the shortcuts are the only difference. (Plain networks with batch norm are
# the ResNet paper's comparison too.)

# %%
M = budget.pick(ci=200, full=400)
DEPTHS = budget.pick(ci=(2, 6, 10, 20, 30), full=(2, 4, 6, 10, 14, 20, 26, 30))
SEEDS = budget.pick(ci=(0,), full=(0, 1, 2))
NUM_ITERATIONS = 150
X, Y = rn.make_spirals(M, noise=0.02, seed=0)
study = rn.depth_experiment(
    X, Y, DEPTHS, NUM_ITERATIONS, seeds=SEEDS, progress=progress_bar("trainings")
)
plain, residual = study["plain_cost"], study["residual_cost"]
print_values("plain J   ", dict(zip([f"L={L}" for L in DEPTHS], plain)), "{:.3f}")
print_values("residual J", dict(zip([f"L={L}" for L in DEPTHS], residual)), "{:.3f}")

# %%
fig, (ax_data, ax_depth, ax_curve) = plt.subplots(1, 3, figsize=(9.6, 3.4))
ax_data.scatter(*X, c=Y.ravel(), cmap="coolwarm", s=8)
ax_data.set_title(f"the data: {M} points, 2 spirals", fontsize=10)
ax_data.set_aspect("equal")
ax_data.set_xticks([])
ax_data.set_yticks([])
for kind, colour in (("plain", "#e8590c"), ("residual", "#1971c2")):
    ax_depth.plot(DEPTHS, study[f"{kind}_cost"], "o-", color=colour, label=kind)
    ax_curve.plot(study["curves"][kind], color=colour, label=kind)
ax_depth.set_yscale("log")
ax_depth.set_xlabel("depth L (weight layers)")
ax_depth.set_ylabel("training cost J after 150 updates")
ax_depth.set_title(f"mean of {len(SEEDS)} seed(s)", fontsize=10)
ax_depth.legend(fontsize=8)
ax_curve.set_yscale("log")
ax_curve.set_xlabel("update")
ax_curve.set_ylabel("training cost J")
ax_curve.set_title(f"training at L = {DEPTHS[-1]} (seed {SEEDS[0]})", fontsize=10)
ax_curve.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %%
best = int(np.argmin(plain))
plain_error, residual_error = study["plain_error"][-1], study["residual_error"][-1]
print(
    f"plain: J falls from {plain[0]:.3f} (L={DEPTHS[0]}) to {plain[best]:.3f} "
    f"(L={DEPTHS[best]}), then rises to {plain[-1]:.3f} (L={DEPTHS[-1]})"
)
print(
    f"residual at L={DEPTHS[-1]}: J = {residual[-1]:.4f}; training error "
    f"{residual_error:.1%} vs {plain_error:.1%} for the plain network"
)
assert 0 < best < len(DEPTHS) - 1  # falls, then rises
assert plain[-1] > 5 * plain[best]
assert residual[-1] < plain[-1] / 10
assert residual[-1] <= residual[best] + 0.005  # no rise where the plain network rises
assert residual_error < plain_error

# %% [markdown]
# The deep plain network is not overfitting: this is its *training* cost. Its extra layers
# make it harder to optimise, and it is still far from the fit that a shallower plain
# network reached with the same budget. With shortcuts, the extra depth did not cost
# anything here.
#
# Try other depths and budgets: move a slider and release it to train both networks (a
# few seconds at large $L$). Does a larger budget close the gap for the plain network?
# Where does the plain network start to fall behind?

# %%
dash_depth = depth_dashboard(X, Y, L=budget.pick(ci=6, full=20), num_iterations=150)
dash_depth

# %% [markdown]
# ## 3. Why the identity is easy
#
# Why do the shortcuts help? Suppose the extra block is not needed at all. Training with
# L2 regularisation (weight decay) pulls every weight towards 0, and a block whose
# $W^{[l+2]}$ and $b^{[l+2]}$ are 0 computes
#
# $$a^{[l+2]} = g\big(0 \cdot a^{[l+1]} + 0 + a^{[l]}\big) = g(a^{[l]}) = a^{[l]},$$
#
# the last step because $a^{[l]}$ is itself a ReLU output, so $a^{[l]} \ge 0$ and
# $g(a^{[l]}) = \max(0, a^{[l]}) = a^{[l]}$. The block *is* the identity; adding it does not
# change what the network computes. A plain pair of layers with the same weights returns
# $g(0) = 0$, which throws the signal away: to pass $a^{[l]}$ through, it would have to
# *learn* the identity with its weights, which gradient descent does not find easily.

# %%
zeros = {key: np.zeros_like(value) for key, value in block.items()}
through, _ = rn.residual_block_forward(a_l, zeros, skip=True)
nothing, _ = rn.residual_block_forward(a_l, zeros, skip=False)
assert np.array_equal(through, a_l) and np.all(nothing == 0)
print("W, b = 0: the residual block returns a[l] exactly; the plain pair returns 0.")

# %% [markdown]
# Weight decay does not make the weights exactly 0 at once: each update multiplies them by
# $(1 - \alpha\lambda)$, so after $t$ updates they are $(1 - \alpha\lambda)^t$ times their
# starting value. `rn.weight_decay_identity` applies that shrink to a whole block (both
# layers) and measures how far its output is from its input,
# $\|a^{[l+2]} - a^{[l]}\| / \|a^{[l]}\|$.

# %%
gaps = {lam: rn.weight_decay_identity(lam, learning_rate=0.1, num_steps=100) for lam in (0.01, 1)}
for lam, r in gaps.items():
    print(
        f"lambda = {lam}: W, b x {r['shrink']:.2g};  gap with shortcut {r['residual_gap']:.2g}, "
        f"without {r['plain_gap']:.2g}"
    )
assert gaps[1]["residual_gap"] < 1e-3 < 0.99 < gaps[1]["plain_gap"]
assert gaps[0.01]["residual_gap"] > 0.1  # weak decay: the block still does its own thing

# %% [markdown]
# Slide the decay strength. On the right each dot is one entry of $a^{[l]}$ (across) and
# the same entry of $a^{[l+2]}$ (up): strong decay puts the residual block's dots on the
# diagonal and the plain block's on the floor.

# %%
dash_decay = weight_decay_dashboard(num_steps=100, lambd=0.01)
dash_decay

# %% [markdown]
# So a residual block starts from "do nothing" as an easy option, and whatever useful
# function it learns is added on top of the identity. That is why stacking more blocks does
# not hurt training the way stacking plain layers does (section 2). The shortcut helps the
# backward pass too: the derivative of $z^{[l+2]} + a^{[l]}$ with respect to $a^{[l]}$ is
# $I + \partial z^{[l+2]} / \partial a^{[l]}$, so part of the gradient reaches $a^{[l]}$
# without passing through the block's weights.

# %% [markdown]
# ## 4. The identity block
#
# The ResNet-50 of the course uses "bottleneck" blocks of three convolutions: a 1x1
# convolution shrinks the channels to $F_1$, an $f \times f$ one works at that size, and a
# 1x1 one brings the channels to $F_3$. When the shortcut's shape already matches
# ($F_3 = n_C^{[l]}$ and the same height and width), the shortcut is $a^{[l]}$ itself:
#
# CONV 1x1 ($F_1$, valid) $\to$ BN $\to$ RELU $\to$ CONV $f \times f$ ($F_2$, same) $\to$ BN
# $\to$ RELU $\to$ CONV 1x1 ($F_3$, valid) $\to$ BN $\to$ **add the shortcut** $\to$ RELU.
#
# BN is `BatchNormalization(axis=3)`: it normalises each channel over the examples and the
# positions. Called with `training=True` it uses the statistics of the batch at hand; with
# `training=False` the moving averages it kept during training.
#
# ### Your turn: write `identity_block`
# Write the course's Keras function. Each `Conv2D` takes `kernel_size`, `strides`,
# `padding` and `kernel_initializer=initializer(seed=0)`; each `BatchNormalization(axis=3)`
# is called as `(X, training=training)`; `Add()([X, X_shortcut])` adds. Classic slips: the
# ReLU before the addition instead of after it, a ReLU on both sides of it, and calling
# batch norm without `training`.


# %%
def identity_block(X, f, filters, training=True, initializer=random_uniform):
    """X: tensor (m, n_H, n_W, n_C); filters [F1, F2, F3] with F3 = n_C -> (m, n_H, n_W, F3)."""
    F1, F2, F3 = filters
    # YOUR CODE HERE (about 13 lines: keep X as X_shortcut, then Conv2D, BatchNormalization,
    # Activation and Add)
    raise NotImplementedError


check_identity_block(identity_block)

# %% [markdown]
# The NumPy version, `rn.identity_block(A_prev, parameters, f, training)`, computes the same
# block from given weights, with the course's `conv_forward_vectorized` and a batch norm per
# channel. (The Keras function takes a tensor and *creates* its layers; the NumPy one takes
# the layers' weights.) To compare them we build one Keras block, give its batch norms
# non-trivial moving statistics, copy every weight into the NumPy dict and run both on the
# same volume, in inference mode (moving statistics) and in training mode (the batch's).

# %%
rng = np.random.default_rng(5)
A_prev = rng.standard_normal((4, 6, 6, 8))
keras_block = rt.block_model(A_prev.shape[1:], f=3, filters=[4, 3, 8])
params = rt.block_parameters(keras_block)
for k in ("1", "2", "3"):
    n_C = params[f"gamma{k}"].shape[-1]
    params[f"gamma{k}"] = rng.uniform(0.5, 1.5, (1, 1, 1, n_C))
    params[f"beta{k}"] = rng.normal(0.0, 0.3, (1, 1, 1, n_C))
    params[f"mean{k}"] = rng.normal(0.0, 0.3, (1, 1, 1, n_C))
    params[f"var{k}"] = rng.uniform(0.5, 2.0, (1, 1, 1, n_C))
rt.set_block_parameters(keras_block, params)
print("weights:", {key: value.shape for key, value in params.items() if key[0] == "W"})
for training in (False, True):
    mine = rn.identity_block(A_prev, params, f=3, training=training)
    theirs = np.asarray(keras_block(A_prev.astype("float32"), training=training))
    gap = np.abs(mine - theirs).max()
    print(f"training={training}: output {mine.shape}, largest |NumPy - Keras| = {gap:.1e}")
    assert mine.shape == A_prev.shape and gap < 1e-4

# %% [markdown]
# ## 5. The convolutional block
#
# When $a^{[l]}$ and $z^{[l+2]}$ differ in shape (more channels, or a stride that halves
# height and width), the shortcut cannot be added as it is. The lecture's fix is a matrix
# $W_s$ on the shortcut, $a^{[l+2]} = g(z^{[l+2]} + W_s a^{[l]})$: either a fixed one that
# pads $a^{[l]}$ with zeros, or a learned one. The course's **convolutional block** learns
# it: CONV 1x1 ($F_3$, stride $s$, valid) $\to$ BN on the shortcut, and the first 1x1
# convolution of the main path gets the same stride $s$. An identity block refuses such an
# input:

# %%
A_wide = rng.standard_normal((2, 8, 8, 5))
params_conv = rn.initialize_block_parameters(5, f=3, filters=[4, 3, 8], shortcut=True, seed=0)
try:
    rn.identity_block(A_wide, params_conv, f=3)
except ValueError as err:
    print("identity_block refuses it:\n" + textwrap.fill(str(err), 96))
out = rn.convolutional_block(A_wide, params_conv, f=3, s=2)
print(f"convolutional_block, s = 2: {A_wide.shape} -> {out.shape}")
assert out.shape == (2, 4, 4, 8) == (2, *rn.block_output_shape((8, 8, 5), [4, 3, 8], s=2))

# %% [markdown]
# ### Your turn: write `convolutional_block`
# As `identity_block`, with `strides=(s, s)` in the first 1x1 convolution, and a shortcut
# path `Conv2D(F3, 1, strides=(s, s), padding="valid", ...)` followed by its own
# `BatchNormalization(axis=3)`. The same slips as before apply, plus forgetting the batch
# norm on the shortcut.


# %%
def convolutional_block(X, f, filters, s=2, training=True, initializer=glorot_uniform):
    """X: tensor (m, n_H_prev, n_W_prev, n_C_prev) -> (m, n_H, n_W, F3), strides s."""
    F1, F2, F3 = filters
    # YOUR CODE HERE (about 17 lines: the main path, then the shortcut path, then Add)
    raise NotImplementedError


check_convolutional_block(convolutional_block)

# %% [markdown]
# The twin functions `rn.block_forward` and `rt.block_forward` take the same NumPy inputs:
# the Keras one builds the block from the NumPy weights. Fed the same random weights (now
# with non-zero biases and batch-norm parameters), they agree to float32 precision.

# %%
for key, value in params_conv.items():
    if not key.startswith("W"):  # biases and batch-norm numbers move off 0 and 1
        params_conv[key] = value + rng.uniform(0.0, 0.5, value.shape)
twin_gaps = {}
for training in (False, True):
    mine = rn.block_forward(A_wide, params_conv, f=3, s=2, training=training)
    theirs = rt.block_forward(A_wide, params_conv, f=3, s=2, training=training)
    twin_gaps[f"training={training}"] = np.abs(mine - theirs).max()
print_values("largest |NumPy - Keras|", twin_gaps)
assert max(twin_gaps.values()) < 1e-4

# %% [markdown]
# ## 6. ResNet-50
#
# The course's ResNet-50 for 64x64 RGB images in 6 classes (the SIGNS hand gestures):
#
# - stage 1: ZeroPadding2D(3) $\to$ CONV 7x7, 64 filters, stride 2 $\to$ BN $\to$ RELU
#   $\to$ MAXPOOL 3x3, stride 2;
# - stages 2-5: one convolutional block, then identity blocks, with filters
#   $[64, 64, 256]$ (3 blocks, $s = 1$), $[128, 128, 512]$ (4), $[256, 256, 1024]$ (6) and
#   $[512, 512, 2048]$ (3), $s = 2$ from stage 3 on;
# - AveragePooling2D(2) $\to$ Flatten $\to$ Dense(6, softmax).
#
# Counting the weight layers, $1 + 3 \cdot (3 + 4 + 6 + 3) + 1 = 50$ (the shortcut
# convolutions are not counted). Building it takes a few seconds.

# %%
model = rt.ResNet50(input_shape=(64, 64, 3), classes=6)
by_hand = rn.resnet50_param_count((64, 64, 3), 6)
trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
print(f"ResNet-50: {model.count_params():,} parameters ({trainable:,} trainable)")
print(f"counted by hand: {by_hand['total']:,} ({by_hand['trainable']:,} trainable)")
print(f"output {model.output_shape}; {by_hand['flatten']} units reach the softmax")
assert model.count_params() == by_hand["total"] == 23_600_006
assert trainable == by_hand["trainable"]
convs = sum(isinstance(layer, keras.layers.Conv2D) for layer in model.layers)
assert convs == 1 + 3 * 16 + 4  # stage 1, three per block, four shortcut projections
print(f"not trainable: {by_hand['non_trainable']:,} (batch norm's moving means and variances)")

# %% [markdown]
# The numbers that are not trainable are batch norm's moving means and variances: they are
# averaged during training, not learned by gradient descent. Training this model on the
# SIGNS images is the course's assignment; a later lesson of this track starts instead from
# a network that has already been trained (transfer learning).
#
# ## 7. Summary
#
# - A residual block adds its input to the second layer's $z$ before the ReLU:
#   $a^{[l+2]} = g(z^{[l+2]} + a^{[l]})$; the shortcut spans two layers.
# - Measured here: with the same start and budget, the plain network's training cost fell
#   and then rose with depth (to more than five times its best at $L = 30$), while the
#   residual network's stayed low.
# - With $W^{[l+2]}, b^{[l+2]} \to 0$ (weight decay) a residual block becomes the identity,
#   because $g(a^{[l]}) = a^{[l]}$ for ReLU outputs; a plain block becomes 0. An extra
#   residual block can always fall back to doing nothing.
# - Identity block: CONV 1x1 $\to$ BN $\to$ RELU $\to$ CONV $f \times f$ $\to$ BN $\to$ RELU
#   $\to$ CONV 1x1 $\to$ BN $\to$ add $\to$ RELU. Convolutional block: the same with stride
#   $s$ first and CONV 1x1 + BN on the shortcut ($W_s a^{[l]}$) when shapes differ.
# - ResNet-50 has 23,600,006 parameters for 64x64x3 inputs and 6 classes; the NumPy and
#   Keras blocks agree to float32 precision in both batch-norm modes.
