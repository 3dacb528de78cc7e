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
# # 1x1 convolutions, Inception, MobileNet and EfficientNet
#
# *Course 4 (Convolutional Neural Networks), week 2. Curriculum items C4.39-C4.50.*
#
# The classic networks grew by stacking more and wider layers, and their cost grew with
# them. This lesson is about the ideas that made later networks cheaper for the same
# accuracy: a convolution with a 1 x 1 filter, which mixes channels and nothing else; the
# Inception module, which tries several filter sizes at once and uses 1 x 1 "bottlenecks" to
# afford it; MobileNet's depthwise-separable convolution, which splits a convolution into a
# spatial part and a channel part; and EfficientNet's rule for making a network bigger or
# smaller in a balanced way. Every cost in the lesson is **counted**: we run our own NumPy
# convolutions with a counter on their multiplications and compare with the formula.
#
# You will:
#
# 1. check that a 1x1 convolution is a fully connected layer applied at every position;
# 2. build an Inception module in NumPy and in Keras (28x28x192 -> 28x28x256);
# 3. count the 120 million multiplications of its 5x5 branch, and the 12 million left with a
#    1x1 bottleneck;
# 4. count the parameters of the module and see how GoogLeNet stacks modules;
# 5. write a depthwise convolution (your turn) and compare it with Keras's DepthwiseConv2D;
# 6. compute the cost of normal vs depthwise-separable convolutions (your turn) and explore it
#    with a dashboard;
# 7. build MobileNet v1 and v2 blocks in Keras and check their parameter counts;
# 8. scale a network with EfficientNet's compound rule on a dashboard.
#
# Code: `course_lib/c4_convnets/architectures.py` (NumPy), its Keras twin `architectures_tf.py`,
# the dashboards `architectures_dashboard.py`; the convolutions come from `convolution.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson(
    "C4 - 1x1 convolutions, Inception, MobileNet, EfficientNet", seed=1, tensorflow=True
)
budget = lesson.budget

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c1_neural_networks.activations import relu
from course_lib.c4_convnets import architectures as ar
from course_lib.c4_convnets import architectures_tf as at
from course_lib.c4_convnets import convolution as conv
from course_lib.c4_convnets.architectures_checks import (
    check_depthwise_conv_forward,
    check_separable_conv_cost,
)
from course_lib.c4_convnets.architectures_dashboard import (
    efficientnet_dashboard,
    separable_cost_dashboard,
)
from course_lib.lesson import print_values
from course_lib.tables import Table

rng = lesson.rng

# %% [markdown]
# ## 1. 1x1 convolutions: a network in every position
#
# A filter of size $1 \times 1 \times n_C$ covers one position $(h, w)$ of the volume and all
# its $n_C$ channels. Its output there is $\sum_{k} a_{h,w,k}\, W_{k} + b$: a weighted sum of
# the channel values, exactly what one neuron of a fully connected layer computes from an
# input vector of length $n_C$. With $n_C'$ such filters (and a ReLU after them) every
# position gets its own little fully connected layer, $n_C$ inputs and $n_C'$ outputs, with
# the **same** weights at every position. That is why the idea was called "network in
# network".
#
# So a 1x1 convolution is a matrix product: stack the $m\,n_H n_W$ positions as rows of a
# matrix of shape $(m\,n_H n_W, n_C)$ and multiply by the $(n_C, n_C')$ matrix of filters.
# We check it on the lecture's example: $32 \times 32 \times 192$ with 32 filters of
# $1 \times 1 \times 192$, computed by the course's loops (`conv_forward`) and by one matrix
# product.

# %%
A_prev = rng.standard_normal((1, 32, 32, 192))
W = rng.standard_normal((1, 1, 192, 32)) * np.sqrt(2 / 192)
b = 0.1 * rng.standard_normal((1, 1, 1, 32))

Z_loops, _ = conv.conv_forward(A_prev, W, b, {"stride": 1, "pad": 0})
Z_matmul = (A_prev.reshape(-1, 192) @ W.reshape(192, 32) + b.reshape(1, 32)).reshape(1, 32, 32, 32)
Z_point, _ = ar.pointwise_conv_forward(A_prev, W, b)  # the library's version of the same product
gap = max(np.abs(Z_loops - Z_matmul).max(), np.abs(Z_point - Z_matmul).max())
print(f"A_prev {A_prev.shape} -> Z {Z_loops.shape}; loops vs matrix product: {gap:.1e}")
assert Z_loops.shape == (1, 32, 32, 32) and gap < 1e-10

# One position, one neuron layer: z = W^T a + b with a = the 192 channel values at (h, w).
h, w = 5, 17
dense = W.reshape(192, 32).T @ A_prev[0, h, w, :] + b.reshape(32)
assert np.allclose(Z_loops[0, h, w, :], dense)
A = relu(Z_loops)  # the nonlinearity makes it a layer of neurons, not just a change of basis
assert A.shape == (1, 32, 32, 32) and A.min() == 0

# %% [markdown]
# The 1x1 convolution leaves $n_H$ and $n_W$ alone and changes only the number of channels:
# here from 192 to 32. Pooling does the opposite (it shrinks $n_H, n_W$ and keeps $n_C$). So
# when a volume has too many channels, a layer of fewer 1x1 filters shrinks it cheaply; with
# as many filters as channels it keeps the size and just adds a nonlinearity.
#
# **A common confusion.** "Turning fully connected layers into convolutions" (used for sliding
# windows in week 3) does *not* make the first FC layer a 1x1 convolution: that layer sees the
# whole $5 \times 5 \times 16$ volume, so it becomes a convolution with $5 \times 5$ filters.
# Only the FC layers after it become 1x1 convolutions.

# %% [markdown]
# ## 2. The Inception module
#
# Which filter size should a layer have, 1x1, 3x3 or 5x5, or should it pool? The Inception
# module does not choose: it runs all of them side by side on the same input and stacks
# their outputs along the channels, and training decides which mixture is useful. For the
# outputs to stack, every branch keeps $n_H \times n_W$: the convolutions use "same"
# padding and stride 1, and so does the max-pooling branch (a $3 \times 3$ max-pool with
# stride 1 and same padding). Max-pooling keeps all 192 channels, too many to stack, so a
# 1x1 convolution after it shrinks them.
#
# The lecture's module takes $28 \times 28 \times 192$ and stacks 64 (1x1) + 128 (3x3) + 32
# (5x5) + 32 (pool branch) = 256 channels. Here it is in NumPy (`conv_forward_vectorized`
# for each branch, ReLU after every convolution) and, from the same weights, in Keras.

# %%
naive = ar.NAIVE_INCEPTION  # no bottlenecks yet
print("branch widths:", {k: v for k, v in naive.items() if v})
m_module = budget.pick(ci=1, full=2)
A_in = np.abs(rng.standard_normal((m_module, 28, 28, 192)))  # a ReLU output is >= 0
params_naive = ar.initialize_inception_parameters(192, naive, seed=1)
out, branches = ar.inception_module_forward(A_in, params_naive)
for name, part in branches.items():
    print(f"  branch {name:>4}: {part.shape}")
print("concatenated:", out.shape)
assert out.shape == (m_module, 28, 28, 64 + 128 + 32 + 32) == (m_module, 28, 28, 256)

out_keras, _ = at.inception_module_forward(A_in, params_naive)
parity = np.abs(out - out_keras).max() / np.abs(out).max()
print(f"Keras module from the same weights: largest difference {parity:.1e} (relative, float32)")
assert parity < 1e-5

# %% [markdown]
# In Keras the module is a functional model with four branches and a `Concatenate`:
# `at.build_inception_module(input_shape, filters)`. Its layers, with their output shapes:

# %%
module = at.build_inception_module((28, 28, 192), naive)
for layer in module.layers[1:]:
    print(f"  {layer.name:>10}: {type(layer).__name__:<12} -> {layer.output.shape}")

# %% [markdown]
# ## 3. The computational cost, counted
#
# The price of the module is its compute. The number of multiplications of a convolution is
#
# $$\#\text{multiplies} = \underbrace{(f \cdot f \cdot n_C^{[l-1]})}_{\text{per output value}}
#   \times \underbrace{(n_H \cdot n_W \cdot n_C)}_{\text{output values}}.$$
#
# For the 5x5 branch alone: 32 filters of $5 \times 5 \times 192$ on $28 \times 28$ positions,
# $28 \cdot 28 \cdot 32 \cdot 5 \cdot 5 \cdot 192 = 120{,}422{,}400$. Rather than trust the
# formula, we count: `ar.count_multiplies` runs the course's loop `conv_forward` with a
# counter wrapped around `conv_single_step`, which adds up the size of every elementwise
# product it computes (the padding zeros are multiplied too, as in the formula).

# %%
A_one = A_in[:1]
W5 = params_naive["W_5x5"]
b5 = params_naive["b_5x5"]
counted_direct, (Z5, _) = ar.count_multiplies(
    conv.conv_forward, A_one, W5, b5, {"stride": 1, "pad": 2}
)
formula_direct = 28 * 28 * 32 * 5 * 5 * 192
print(f"5x5 branch, counted: {counted_direct:,}  (formula: {formula_direct:,})")
assert counted_direct == formula_direct == 120_422_400
assert counted_direct == conv.conv_multiplies(28, 28, 192, 5, 32, pad=2, stride=1)

# %% [markdown]
# A **bottleneck** puts a 1x1 convolution with few filters in front: 16 filters of
# $1 \times 1 \times 192$ shrink the volume to $28 \times 28 \times 16$, and the 32 filters of
# $5 \times 5$ then see 16 channels instead of 192. The output is $28 \times 28 \times 32$ as
# before. Counted again, layer by layer:

# %%
W_red = rng.standard_normal((1, 1, 192, 16)) * np.sqrt(2 / 192)
b_red = np.zeros((1, 1, 1, 16))
W5_small = rng.standard_normal((5, 5, 16, 32)) * np.sqrt(2 / 400)
counted_reduce, (Z_red, _) = ar.count_multiplies(
    conv.conv_forward, A_one, W_red, b_red, {"stride": 1, "pad": 0}
)
counted_conv, (Z5_small, _) = ar.count_multiplies(
    conv.conv_forward, relu(Z_red), W5_small, b5, {"stride": 1, "pad": 2}
)
cost = ar.bottleneck_cost(28, 28, 192, 5, 32, n_bottleneck=16)
print_values(
    "counted",
    {"1x1 (192 -> 16)": counted_reduce, "5x5 (16 -> 32)": counted_conv},
    "{:,}",
)
print(f"total {counted_reduce + counted_conv:,} against {counted_direct:,} without the bottleneck")
assert (
    (counted_reduce, counted_conv) == (cost["bottleneck"], cost["conv"]) == (2_408_448, 10_035_200)
)
assert counted_reduce + counted_conv == cost["total"] == 12_443_648
assert Z5_small.shape == Z5.shape == (1, 28, 28, 32)
saving = counted_direct / (counted_reduce + counted_conv)
print(f"the bottleneck divides the cost by {saving:.2f}")
assert 9 < saving < 10

# %% [markdown]
# About ten times cheaper, for the same output shape. How narrow should the bottleneck be? The
# cost grows linearly with its width $n_b$: $28 \cdot 28 \cdot n_b \cdot 192 + 28 \cdot 28
# \cdot 32 \cdot 25 \cdot n_b$. Squeezing too hard would lose information; in practice a
# moderate bottleneck does not seem to hurt accuracy, and GoogLeNet uses 16 and 96 here.

# %%
widths = np.arange(1, 193)
totals = np.array([ar.bottleneck_cost(28, 28, 192, 5, 32, int(nb))["total"] for nb in widths])
fig, ax = plt.subplots(figsize=(7.5, 3.6))
ax.plot(widths, totals / 1e6, color="#1971c2", label="1x1 bottleneck of width $n_b$, then 5x5")
ax.axhline(counted_direct / 1e6, color="#c92a2a", ls="--", label="5x5 directly on 192 channels")
ax.plot([16], [(counted_reduce + counted_conv) / 1e6], "o", color="k", label="$n_b = 16$ (counted)")
ax.set_xlabel("bottleneck width $n_b$ (1x1 filters)")
ax.set_ylabel("multiplies (millions)")
ax.set_title("28x28x192 -> 28x28x32 with 5x5 filters: cost of the bottleneck")
ax.legend(fontsize=9)
ax.grid(alpha=0.3)
plt.show()
break_even = int(widths[totals < counted_direct].max())
print(f"the bottleneck saves compute for every width up to n_b = {break_even} of 192")
assert totals[15] == counted_reduce + counted_conv and break_even >= 150

# %% [markdown]
# ## 4. Bottlenecks and the Inception network
#
# The full Inception module puts a 1x1 bottleneck in front of the 3x3 and 5x5 convolutions
# and a 1x1 convolution after the max-pool. `ar.INCEPTION_3A` holds GoogLeNet's module "3a":
# 1x1: 64; 1x1: 96 then 3x3: 128; 1x1: 16 then 5x5: 32; pool then 1x1: 32. The output is
# still $28 \times 28 \times 256$. The parameter count is a sum over the conv layers of
# $f \cdot f \cdot n_C^{\text{in}} \cdot n_C^{\text{out}}$ weights and $n_C^{\text{out}}$
# biases; the formula and Keras's `count_params()` agree for both versions:

# %%
rows = []
module_costs = {}
for label, filters in (("naive", ar.NAIVE_INCEPTION), ("with bottlenecks", ar.INCEPTION_3A)):
    keras_count = at.build_inception_module((28, 28, 192), filters).count_params()
    formula = ar.inception_module_params(192, filters)
    assert keras_count == formula
    module_costs[label] = ar.inception_module_cost(28, 28, 192, filters)["total"]
    rows.append([label, f"{formula:,}", f"{keras_count:,}", f"{module_costs[label]:,}"])
Table(
    ["28x28x192 -> 28x28x256", "parameters (formula)", "count_params()", "multiplies"],
    rows,
    title="Inception module 3a",
)

# %%
params_3a = ar.initialize_inception_parameters(192, ar.INCEPTION_3A, seed=2)
out_3a, _ = ar.inception_module_forward(A_in, params_3a)
out_3a_keras, _ = at.inception_module_forward(A_in, params_3a)
assert out_3a.shape == (m_module, 28, 28, 256)
assert np.abs(out_3a - out_3a_keras).max() / np.abs(out_3a).max() < 1e-5
module_saving = module_costs["naive"] / module_costs["with bottlenecks"]
print(f"the bottlenecks cut the module's multiplies by {module_saving:.1f}x")
assert module_saving > 2

# %% [markdown]
# The **Inception network** (GoogLeNet, Szegedy et al. 2014) is many such modules stacked, with
# an occasional max-pooling layer (stride 2) between them to shrink the height and width. It
# also has side branches: small softmax classifiers attached to intermediate modules during
# training, whose losses push the middle layers towards features that already predict the
# class, a form of regularisation. (The name comes from the film *Inception*'s "we need to go
# deeper".)

# %% [markdown]
# ## 5. MobileNet: depthwise and pointwise convolutions
#
# A network for phones and embedded devices must run with little compute. MobileNet replaces
# every normal convolution by a **depthwise-separable** one, in two steps:
#
# - **depthwise**: $n_C$ filters of $f \times f$, one per input channel; filter $c$ slides over
#   channel $c$ only. $n \times n \times n_C \to n_{out} \times n_{out} \times n_C$, and no
#   channel is mixed with another.
# - **pointwise**: $n_C'$ filters of $1 \times 1 \times n_C$ (a 1x1 convolution, section 1),
#   which mixes the channels: $n_{out} \times n_{out} \times n_C \to n_{out} \times n_{out}
#   \times n_C'$.
#
# A normal convolution does both jobs at once: each of its filters is $f \times f \times n_C$.
# In the course's notation the depthwise filters are stored as W of shape
# $(f, f, n_C^{[l-1]}, 1)$, which is the kernel of Keras's `DepthwiseConv2D` with
# `depth_multiplier=1`, and the biases as $(1, 1, 1, n_C^{[l-1]})$.
#
# ### Your turn: write `depthwise_conv_forward`
#
# Follow the course's `conv_forward`: pad with `conv.zero_pad`, loop over the examples $i$,
# the output positions $(h, w)$ and the channels $c$, and compute
#
# $$Z[i, h, w, c] = \sum_{j, k} a^{\text{pad}}[i,\ h s + j,\ w s + k,\ c]\; W[j, k, c, 0]
#   + b[0, 0, 0, c].$$
#
# The output has $n_H = \lfloor (n_{H}^{[l-1]} + 2p - f)/s \rfloor + 1$ rows (same for the
# columns) and $n_C^{[l-1]}$ channels. Classic slips: summing over all channels of the window
# (that is a normal convolution), starting the window at $h$ instead of $h \cdot s$,
# forgetting the padding or the bias. Return `Z, cache` with `cache = (A_prev, W, b, hparameters)`.


# %%
def depthwise_conv_forward(A_prev, W, b, hparameters):
    """A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, 1), b (1, 1, 1, n_C_prev)
    -> Z (m, n_H, n_W, n_C_prev), cache."""
    # YOUR CODE HERE (about 15 lines)
    raise NotImplementedError


check_depthwise_conv_forward(depthwise_conv_forward)

# %% [markdown]
# To see that the channels stay apart, here is a $24 \times 24$ image whose three channels hold
# different patterns (vertical stripes, horizontal stripes, a disc). One vertical-edge filter
# $[[1, 0, -1]] \times 3$ per channel finds the edges of vertical structures in each channel
# separately (valid convolution, so the output is $22 \times 22$): channel 2 (horizontal
# stripes) gives nothing, channel 3 only the disc's sides.

# %%
yy, xx = np.mgrid[0:24, 0:24]
image = np.stack(
    [(xx // 4) % 2, (yy // 4) % 2, ((yy - 11.5) ** 2 + (xx - 11.5) ** 2 < 60)], axis=-1
).astype(float)[None]
vertical = np.array([[1.0, 0.0, -1.0]] * 3)
W_edges = np.repeat(vertical[:, :, None, None], 3, axis=2)  # (3, 3, 3, 1): the same filter each
Z_edges, _ = ar.depthwise_conv_forward(
    image, W_edges, np.zeros((1, 1, 1, 3)), {"stride": 1, "pad": 0}
)
fig, axes = plt.subplots(2, 3, figsize=(7.5, 5))
titles = ["vertical stripes", "horizontal stripes", "disc"]
for c in range(3):
    axes[0, c].imshow(image[0, :, :, c], cmap="gray")
    axes[0, c].set_title(f"input channel {c + 1}: {titles[c]}", fontsize=9)
    axes[1, c].imshow(Z_edges[0, :, :, c], cmap="RdBu", vmin=-3, vmax=3)
    axes[1, c].set_title(f"depthwise output channel {c + 1}", fontsize=9)
for ax in axes.ravel():
    ax.set_xticks([])
    ax.set_yticks([])
fig.suptitle("Depthwise convolution: filter c sees channel c only", fontsize=10)
plt.tight_layout()
plt.show()
assert Z_edges.shape == (1, 22, 22, 3)  # valid: no padding, so no edges at the border
assert np.allclose(Z_edges[0, :, :, 1], 0)  # horizontal stripes have no vertical edges
assert np.abs(Z_edges[0, :, :, 0]).max() == 3

# %% [markdown]
# The reference agrees with its vectorised version and with Keras's `DepthwiseConv2D` built
# from the same weights (`at.depthwise_conv_forward`), also with stride 2 and padding; its
# backward pass `ar.depthwise_conv_backward` is gradient-checked in the tests.

# %%
A_small = rng.standard_normal((2, 7, 7, 4))
W_small = rng.standard_normal((3, 3, 4, 1))
b_small = rng.standard_normal((1, 1, 1, 4))
for hp in ({"stride": 1, "pad": 0}, {"stride": 2, "pad": 1}):
    Z_ref, _ = ar.depthwise_conv_forward(A_small, W_small, b_small, hp)
    Z_vec, _ = ar.depthwise_conv_forward_vectorized(A_small, W_small, b_small, hp)
    Z_tf, _ = at.depthwise_conv_forward(A_small, W_small, b_small, hp)
    gaps = {"vectorised": np.abs(Z_ref - Z_vec).max(), "Keras": np.abs(Z_ref - Z_tf).max()}
    print_values(f"{hp}: Z {Z_ref.shape}; largest difference", gaps, "{:.0e}")
    assert Z_ref.shape[3] == 4 and np.abs(Z_ref - Z_vec).max() < 1e-12
    assert np.abs(Z_ref - Z_tf).max() < 1e-4

# %% [markdown]
# ## 6. The cost of a depthwise-separable convolution
#
# The cost of each convolution is (multiplies per output value) $\times$ (output positions)
# $\times$ (filters). The course's example is a $6 \times 6 \times 3$ input, $3 \times 3$
# filters (valid, stride 1, so $n_{out} = 4$) and $n_C' = 5$ output channels:
#
# | | per value | positions | filters | multiplies |
# |---|---|---|---|---|
# | normal | $3 \cdot 3 \cdot 3$ | $4 \cdot 4$ | 5 | 2160 |
# | depthwise | $3 \cdot 3$ | $4 \cdot 4$ | 3 | 432 |
# | pointwise | $3$ | $4 \cdot 4$ | 5 | 240 |
#
# so the separable version costs $432 + 240 = 672$, 31 % of the normal one. Dividing,
#
# $$\frac{f^2 n_{out}^2 n_C + n_C n_{out}^2 n_C'}{f^2 n_C\, n_{out}^2 n_C'}
#   = \frac{1}{n_C'} + \frac{1}{f^2},$$
#
# whatever the image size. Counted on our own code:

# %%
A_6 = rng.standard_normal((1, 6, 6, 3))
W_normal = rng.standard_normal((3, 3, 3, 5))
W_depth = rng.standard_normal((3, 3, 3, 1))
W_point = rng.standard_normal((1, 1, 3, 5))
valid = {"stride": 1, "pad": 0}
n_normal, _ = ar.count_multiplies(conv.conv_forward, A_6, W_normal, np.zeros((1, 1, 1, 5)), valid)
n_depth, (Z_dw, _) = ar.count_multiplies(
    ar.depthwise_conv_forward, A_6, W_depth, np.zeros((1, 1, 1, 3)), valid
)
n_point, (Z_sep, _) = ar.count_multiplies(
    conv.conv_forward, Z_dw, W_point, np.zeros((1, 1, 1, 5)), valid
)
print_values("counted", {"normal": n_normal, "depthwise": n_depth, "pointwise": n_point}, "{:,}")
share = (n_depth + n_point) / n_normal
print(f"separable: {n_depth + n_point} = {share:.3f} of normal; 1/5 + 1/9 = {1 / 5 + 1 / 9:.3f}")
assert (n_normal, n_depth, n_point) == (2160, 432, 240) and Z_sep.shape == (1, 4, 4, 5)
assert np.isclose((n_depth + n_point) / n_normal, 1 / 5 + 1 / 9)

# %% [markdown]
# ### Your turn: write `separable_conv_cost`
#
# Return a dict with `"n_out"` ($\lfloor (n + 2p - f)/s \rfloor + 1$), `"normal"`,
# `"depthwise"`, `"pointwise"`, `"separable"` (depthwise + pointwise) and `"ratio"`
# (separable / normal). Classic slips: forgetting the positions factor $n_{out}^2$, counting
# the positions on the input ($n^2$), and counting the depthwise step as $f \cdot f \cdot n_C
# \cdot n_C'$ per position as if it were a normal convolution.


# %%
def separable_conv_cost(n, n_C, f, n_C_prime, pad=0, stride=1):
    """n x n x n_C input, f x f filters, n_C_prime output channels -> dict of multiplies."""
    # YOUR CODE HERE (about 8 lines)
    raise NotImplementedError


check_separable_conv_cost(separable_conv_cost)

# %% [markdown]
# A typical MobileNet layer has $3 \times 3$ filters and hundreds of channels: with
# $n_C' = 256$ the separable version costs $1/256 + 1/9 \approx 11.5\,\%$ of the normal one,
# close to the floor $1/f^2$. Our counter agrees on a smaller layer of that kind (an
# $8 \times 8 \times 32$ input, valid, and $n_C' = 128$, to keep the loops short):

# %%
A_8 = rng.standard_normal((1, 8, 8, 32))
W_n8, W_d8, W_p8 = (
    rng.standard_normal(s) for s in [(3, 3, 32, 128), (3, 3, 32, 1), (1, 1, 32, 128)]
)
n_norm8, _ = ar.count_multiplies(conv.conv_forward, A_8, W_n8, np.zeros((1, 1, 1, 128)), valid)
n_dw8, (Z_dw8, _) = ar.count_multiplies(
    ar.depthwise_conv_forward, A_8, W_d8, np.zeros((1, 1, 1, 32)), valid
)
n_pw8, _ = ar.count_multiplies(conv.conv_forward, Z_dw8, W_p8, np.zeros((1, 1, 1, 128)), valid)
cost8 = ar.separable_conv_cost(8, 32, 3, 128)
ratio8 = (n_dw8 + n_pw8) / n_norm8
print(f"counted: normal {n_norm8:,}, separable {n_dw8 + n_pw8:,}: ratio {ratio8:.4f}")
assert (n_norm8, n_dw8, n_pw8) == (cost8["normal"], cost8["depthwise"], cost8["pointwise"])
assert np.isclose(ratio8, 1 / 128 + 1 / 9) and np.isclose(1 / 256 + 1 / 9, 0.115, atol=5e-4)

# %% [markdown]
# The dashboard computes the same counts for any $n$, $n_C$, $f$ and $n_C'$. Things to try:
# make $n$ large (the ratio does not move: both costs scale with $n_{out}^2$); raise $n_C'$
# and watch the ratio approach $1/f^2$; switch to $f = 5$, where the saving is larger.

# %%
dash = separable_cost_dashboard()
dash

# %% [markdown]
# ## 7. MobileNet v1 and v2
#
# **MobileNet v1** (Howard et al. 2017) is a first normal $3 \times 3$ convolution (32
# filters, stride 2) and then 13 depthwise-separable layers, some with stride 2, followed by
# global average pooling, a fully connected layer and a softmax. In the Keras implementation
# each depthwise and each pointwise convolution is followed by batch normalisation and
# ReLU6, $\min(\max(0, z), 6)$, a ReLU capped for low-precision arithmetic.
#
# **MobileNet v2** (Sandler et al. 2018) changes the block into a **bottleneck block**:
#
# 1. **expansion**: a 1x1 convolution from $n_C$ up to $t \cdot n_C$ channels ($t = 6$ in
#    most blocks);
# 2. **depthwise** $3 \times 3$ convolution on the $t \cdot n_C$ channels;
# 3. **projection**: a 1x1 convolution back down to a small number of channels, with no
#    ReLU after it;
# 4. a **residual connection** adding the block's input to its output when the shapes match
#    (stride 1, same number of channels).
#
# The block's input and output are small (little memory to pass between blocks, which
# matters on a phone), while the inside is wide enough to learn a rich function. MobileNet
# v2 has 17 such blocks, then a 1x1 convolution to 1280 channels, pooling, FC and softmax.
#
# Counting parameters by hand: a convolution has $f \cdot f \cdot n_C^{\text{in}} \cdot
# n_C^{\text{out}}$ weights (a depthwise one $f \cdot f \cdot n_C$), no bias because batch
# normalisation follows, and each batch-norm layer holds 4 numbers per channel ($\gamma$,
# $\beta$ and the two running statistics, all counted by `count_params()`). The library's
# formulas against Keras for a few blocks:

# %%
blocks = [
    ("v1", 32, 64, 1, 1),
    ("v1", 64, 128, 2, 1),
    ("v2", 16, 24, 2, 6),
    ("v2", 24, 24, 1, 6),
    ("v2", 32, 16, 1, 1),
]
rows = []
for kind, n_in, n_out, stride, t in blocks:
    model = at.build_block(kind, (16, 16, n_in), n_out, stride=stride, t=t)
    if kind == "v1":
        formula = ar.mobilenet_v1_block_params(n_in, n_out)
    else:
        formula = ar.mobilenet_v2_block_params(n_in, n_out, t)
    assert model.count_params() == formula
    residual = any(isinstance(layer, keras.layers.Add) for layer in model.layers)
    rows.append(
        [
            kind,
            f"{n_in} -> {n_out}",
            stride,
            t if kind == "v2" else "-",
            "yes" if residual else "no",
            f"{formula:,}",
            f"{model.count_params():,}",
        ]
    )
Table(
    ["block", "channels", "stride", "t", "residual", "formula", "count_params()"],
    rows,
    title="MobileNet blocks on a 16x16 input",
)

# %% [markdown]
# The whole networks for 224x224 RGB images and 1000 classes: the library formula (the first
# convolution, the blocks of `ar.MOBILENET_V1_BLOCKS` / `ar.MOBILENET_V2_BLOCKS` and the
# classifier) against `keras.applications.MobileNet` / `MobileNetV2` built with
# `weights=None`. (`at.build_mobilenet_v1()` and `at.build_mobilenet_v2()` assemble the same
# networks from the blocks above; the parity tests check that their counts agree too.)

# %%
formulas = {"MobileNet": ar.mobilenet_v1_params(), "MobileNetV2": ar.mobilenet_v2_params()}
applications = at.application_params()
print_values("library formula", formulas, "{:,}")
print_values("keras.applications", applications, "{:,}")
assert formulas == applications == {"MobileNet": 4_253_864, "MobileNetV2": 3_538_984}
n_blocks_v2 = sum(n for _, _, n, _ in ar.MOBILENET_V2_BLOCKS)
assert len(ar.MOBILENET_V1_BLOCKS) == 13 and n_blocks_v2 == 17

# %% [markdown]
# MobileNet v2 has fewer parameters than v1 (about 3.5 against 4.3 million) although it is
# deeper: the expensive 1x1 convolutions work between narrow volumes.

# %% [markdown]
# ## 8. EfficientNet: scaling depth, width and resolution
#
# Given a network that works, how should it grow when there is more compute (a server), or
# shrink when there is less (a phone)? There are three knobs: the **resolution** $r$ of the
# input images, the **depth** $d$ (number of layers) and the **width** $w$ (channels per
# layer). Turning only one of them soon stops paying off; EfficientNet (Tan and Le, 2019)
# scales all three together.
#
# *The rule below is from the EfficientNet paper, not from the lecture, which only names the
# three knobs.* With a single **compound coefficient** $\phi$:
#
# $$d = \alpha^\phi,\quad w = \beta^\phi,\quad r = \gamma^\phi,\qquad
#   \alpha = 1.2,\ \beta = 1.1,\ \gamma = 1.15,\qquad \alpha \beta^2 \gamma^2 \approx 2.$$
#
# A convolution's multiplies grow linearly with the depth but quadratically with the width
# (both $n_C^{[l-1]}$ and $n_C^{[l]}$ grow) and with the resolution ($n_H$ and $n_W$ grow),
# so the FLOPs grow by $(\alpha \beta^2 \gamma^2)^\phi \approx 2^\phi$: each step of $\phi$
# roughly doubles the compute. The paper found $\alpha, \beta, \gamma$ by a small grid search
# on its baseline network (EfficientNet-B0) and then scaled it up with larger $\phi$ into the
# bigger models B1 to B7.

# %%
scale = ar.compound_scaling(1.0)
print_values(
    "phi = 1",
    {"d": scale["d"], "w": scale["w"], "r": scale["r"], "FLOPs": scale["flops"]},
    "{:.4f}",
)
assert abs(scale["base"] - 2) < 0.1  # 1.2 * 1.1**2 * 1.15**2 = 1.92
alpha, beta, gamma = (ar.EFFICIENTNET_COEFFICIENTS[k] for k in ("alpha", "beta", "gamma"))
assert gamma**2 > beta**2 > alpha  # per step: resolution 1.32x, width 1.21x, depth 1.2x FLOPs

# %% [markdown]
# We check the FLOPs rule by counting on a toy plain ConvNet (`ar.toy_convnet_forward`: a
# stack of "same" 3x3 convolutions with ReLU on RGB images). The baseline has 3 layers of 8
# channels on $16 \times 16$ images; for each $\phi$ we scale it (rounding layers, channels
# and pixels to whole numbers), run it through the counter, and compare with the formula and
# with $(\alpha\beta^2\gamma^2)^\phi$.

# %%
toy = {"depth": 3, "width": 8, "resolution": 16}
phis = budget.pick(ci=[0, 2], full=[0, 1, 2, 3])
rows, counted = [], {}
for phi in phis:
    net = ar.scale_baseline(toy, phi)
    X_toy = rng.standard_normal((1, net["resolution"], net["resolution"], 3))
    counted[phi], A_toy = ar.count_multiplies(
        ar.toy_convnet_forward, X_toy, net["depth"], net["width"]
    )
    assert counted[phi] == ar.toy_convnet_multiplies(**net)
    assert A_toy.shape == (1, net["resolution"], net["resolution"], net["width"])
    ideal = ar.compound_scaling(phi)["flops"]
    rows.append(
        [
            phi,
            net["depth"],
            net["width"],
            f"{net['resolution']}x{net['resolution']}",
            f"{counted[phi]:,}",
            f"{counted[phi] / counted[0]:.2f}",
            f"{ideal:.2f}",
        ]
    )
Table(
    ["phi", "layers", "channels", "images", "multiplies (counted)", "/ baseline", "1.92^phi"],
    rows,
    title="The toy ConvNet scaled by the compound rule",
)

# %%
growth = [counted[p] / counted[0] for p in phis]
ideal = [ar.compound_scaling(p)["flops"] for p in phis]
print("counted growth:", ", ".join(f"{g:.2f}" for g in growth))
assert all(np.diff(growth) > 0)
# Rounding to whole layers, channels and pixels moves the factor, but it stays near 1.92^phi.
assert all(abs(np.log(g / i)) < np.log(1.6) for g, i in zip(growth[1:], ideal[1:]))

# %% [markdown]
# The dashboard scales a larger toy ConvNet (4 layers of 16 channels on $32 \times 32$
# images) with $\phi$ from 0 to 4: the bars are the multipliers $d, w, r$ and the FLOPs
# factor, the curve is the FLOPs factor against $\phi$ (ideal and with rounded sizes). Its
# counts use the formula that the table above checked against the counter. Per step of $\phi$,
# resolution is the dearest knob: it multiplies the FLOPs by $\gamma^2 = 1.15^2 \approx 1.32$,
# against $\beta^2 = 1.21$ for width and $\alpha = 1.2$ for depth.

# %%
dash = efficientnet_dashboard()
dash

# %% [markdown]
# ## Summary
#
# - A **1x1 convolution** is a fully connected layer applied at every position with shared
#   weights; it changes the number of channels (pooling changes $n_H, n_W$) and adds a
#   nonlinearity.
# - An **Inception module** runs 1x1, 3x3, 5x5 convolutions and a max-pool (all "same",
#   stride 1) in parallel and concatenates their channels: 28x28x192 -> 28x28x256.
# - The cost of a convolution is $(f \cdot f \cdot n_C^{[l-1]}) \times (n_H n_W n_C)$
#   multiplies: 120,422,400 for the 5x5 branch, **counted** on our loops, and 2,408,448 +
#   10,035,200 = 12,443,648 with a 16-channel 1x1 **bottleneck** in front, about 10x less.
# - **GoogLeNet** stacks Inception modules with bottlenecks, with side classifiers while
#   training.
# - **MobileNet** replaces convolutions by **depthwise** ($f \times f$ per channel, no mixing)
#   plus **pointwise** (1x1, mixing) convolutions: 432 + 240 = 672 multiplies instead of 2160
#   in the course's example; the ratio is $1/n_C' + 1/f^2$.
# - **MobileNet v2**'s bottleneck block expands (1x1, $t \cdot n_C$), filters (depthwise
#   3x3), projects (1x1, linear) and adds a residual connection; v1 has 4,253,864 parameters
#   and v2 3,538,984, by our formula, by our blocks and by `keras.applications`.
# - **EfficientNet** scales depth, width and resolution together: $d = 1.2^\phi$,
#   $w = 1.1^\phi$, $r = 1.15^\phi$, so the FLOPs grow by about $2^\phi$ (the paper's rule).
