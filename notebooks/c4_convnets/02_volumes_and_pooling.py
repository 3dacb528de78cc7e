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
# # Volumes, one layer, pooling and a simple ConvNet
#
# *Course 4 (Convolutional Neural Networks), week 1. Curriculum items C4.14-C4.23.*
#
# Lesson 1 slid one small filter over one grey image. Real inputs are colour images, and a
# real layer holds many filters at once, so everything becomes a **volume**: height x
# width x channels. This lesson builds a complete convolutional layer and a pooling layer
# from those volumes, stacks them into a small network, and counts what they cost. You
# will:
#
# 1. convolve an RGB photo with filters that are volumes themselves (one looks at the red
#    channel only) and pad volumes with zeros;
# 2. write the single step of a convolution, and see why a layer's parameter count does
#    not depend on the image size;
# 3. write the forward pass of a convolutional layer and reproduce the course's number;
# 4. compare the readable loops with a vectorised version on the clock;
# 5. write max and average pooling, and explore windows, strides and padding in a
#    dashboard;
# 6. compute the shapes of a simple ConvNet layer by layer;
# 7. measure why pooling helps (a one-pixel shift);
# 8. count why convolutions win over dense layers (14.45 million against 456);
# 9. fix the vocabulary: kernel, filter, feature map, pooling.
#
# Code: `course_lib/c4_convnets/convolution.py` (the layers, loops and vectorised),
# `layers.py` (shapes and parameter counts), `convolution_dashboard.py` (the explorer) and
# `convolution_checks.py` (the exercise checks).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson(
    "C4 - Volumes, one layer, pooling and a simple ConvNet", seed=1, tensorflow=False
)
budget = lesson.budget

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
import skimage.data

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import layers
from course_lib.c4_convnets.convolution_checks import (
    check_conv_forward,
    check_conv_single_step,
    check_pool_forward,
    check_zero_pad,
)
from course_lib.c4_convnets.convolution_dashboard import convolution_explorer
from course_lib.lesson import print_values
from course_lib.tables import Table

# %% [markdown]
# ## 1. Convolutions over volumes
#
# A colour image is a volume $n_H \times n_W \times n_C$ with $n_C = 3$ channels (red,
# green, blue). A filter for it is a volume too, $f \times f \times n_C$: **its depth
# always equals the input's number of channels**. One step of the convolution multiplies
# the $f \cdot f \cdot n_C$ numbers of a window with the filter's and adds them all up,
# over the three channels together, into **one** number. Sliding the window gives one 2-D
# map, however many channels the input had:
#
# $$z[h, w] = \sum_{c=1}^{n_C}\sum_{u=0}^{f-1}\sum_{v=0}^{f-1}
#   a[hs + u,\; ws + v,\; c]\; W[u, v, c] + b .$$
#
# With $n_C'$ filters we get $n_C'$ maps and stack them: an
# $n \times n \times n_C$ input and $n_C'$ filters $f \times f \times n_C$ give an
# $(n - f + 1) \times (n - f + 1) \times n_C'$ output (no padding, stride 1).
#
# The filter decides what it looks at. Below, four $3 \times 3 \times 3$ filters run over a
# photo of a cat: vertical edges in all channels, vertical edges **in the red channel
# only** (the green and blue slices of the filter are zeros), horizontal edges, and a
# colour filter that adds red and subtracts green and blue, so orange fur lights up.

# %%
step = budget.pick(ci=4, full=2)  # keep every step-th pixel of the 300 x 451 photo
photo = skimage.data.chelsea()[::step, ::step].astype(np.float64) / 255
vertical = np.array([[1.0, 0.0, -1.0]] * 3)
filters = np.zeros((3, 3, 3, 4))  # (f, f, n_C_prev, n_C)
filters[:, :, :, 0] = vertical[:, :, None] / 3  # the same edge in R, G and B
filters[:, :, 0, 1] = vertical  # red only: the G and B slices stay 0
filters[:, :, :, 2] = vertical.T[:, :, None] / 3  # horizontal edges
filters[1, 1, :, 3] = [1.0, -0.5, -0.5]  # red minus the mean of green and blue
names = ["vertical (R, G, B)", "vertical, red only", "horizontal", "red - (G + B)/2"]

A_photo = photo[None]  # (m, n_H, n_W, n_C) with m = 1
Z_photo, _ = cv.conv_forward_vectorized(
    A_photo, filters, np.zeros((1, 1, 1, 4)), {"stride": 1, "pad": 0}
)
n_H, n_W, n_C = photo.shape
print(f"input {A_photo.shape} * filters {filters.shape} -> output {Z_photo.shape}")
assert Z_photo.shape == (1, n_H - 2, n_W - 2, 4)

fig, axes = plt.subplots(2, 4, figsize=(9.6, 4.6))
axes[0, 0].imshow(photo)
axes[0, 0].set_title(f"the volume: {n_H} x {n_W} x {n_C}", fontsize=10)
for c, (name, cmap) in enumerate([("red", "Reds"), ("green", "Greens"), ("blue", "Blues")]):
    axes[0, c + 1].imshow(photo[:, :, c], cmap=cmap, vmin=0, vmax=1)
    axes[0, c + 1].set_title(f"channel {c}: {name}", fontsize=10)
for k in range(4):
    top = np.abs(Z_photo[0, :, :, k]).max()
    axes[1, k].imshow(Z_photo[0, :, :, k], cmap="RdBu_r", vmin=-top, vmax=top)
    axes[1, k].set_title(f"map {k}: {names[k]}", fontsize=10)
for ax in axes.flat:
    ax.axis("off")
fig.suptitle("One RGB volume, four 3 x 3 x 3 filters, four stacked feature maps", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# Two properties of the picture, checked in numbers: the red-only filter gives exactly
# what the 2-D edge filter gives on the red channel alone, and the all-channel filter's
# map is the **sum** of three per-channel maps (which is why one filter makes one map).

# %%
no_bias, hp1 = np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0}
red_only, _ = cv.conv_forward_vectorized(A_photo[..., :1], vertical[:, :, None, None], no_bias, hp1)
assert np.allclose(Z_photo[..., 1], red_only[..., 0])
per_channel = 0
for c in range(3):  # filter 0's slice c on channel c alone
    one_channel = filters[:, :, c : c + 1, :1]
    per_channel = (
        per_channel
        + cv.conv_forward_vectorized(A_photo[..., c : c + 1], one_channel, no_bias, hp1)[0]
    )
assert np.allclose(Z_photo[..., 0], per_channel[..., 0])
print("red-only map == 2-D filter on the red channel; all-channel map == sum of 3 channel maps")

# %% [markdown]
# ### Padding a volume
#
# Padding adds $p$ zeros around each image, on the two **spatial** axes only: the batch
# axis $m$ and the channel axis $n_C$ are left alone. `zero_pad(X, pad)` turns
# $(m, n_H, n_W, n_C)$ into $(m, n_H + 2p, n_W + 2p, n_C)$.

# %%
X_demo = np.random.RandomState(1).randn(4, 3, 3, 2)
X_demo_pad = cv.zero_pad(X_demo, 3)
print("X:", X_demo.shape, "-> X_pad:", X_demo_pad.shape)
assert X_demo_pad.shape == (4, 9, 9, 2) and np.all(X_demo_pad[:, :3] == 0)

# %% [markdown]
# ### Your turn: write `zero_pad`
#
# Use `np.pad` with one `(before, after)` pair per axis. Classic slips: `np.pad(X, pad)`
# pads **all four** axes (fake examples and channels appear), and `(0, pad)` pads one side
# only.


# %%
def zero_pad(X, pad):
    """X: (m, n_H, n_W, n_C) -> X_pad: (m, n_H + 2*pad, n_W + 2*pad, n_C)."""
    # YOUR CODE HERE (1 line)
    raise NotImplementedError


check_zero_pad(zero_pad)

# %% [markdown]
# ## 2. One convolutional layer
#
# A layer does three things per filter $c$: convolve the input volume with $W_c$, add the
# filter's bias $b_c$ (one number per filter, broadcast over every position), and apply a
# non-linearity:
#
# $$z^{[l]}_{\cdot,\cdot,c} = W^{[l]}_c * a^{[l-1]} + b^{[l]}_c, \qquad
#   a^{[l]} = \text{ReLU}(z^{[l]}).$$
#
# The smallest piece is one window: `conv_single_step(a_slice_prev, W, b)` multiplies an
# $f \times f \times n_C$ window element by element with one filter, sums, and adds the
# bias. Everything a layer learns is in $W$ and $b$: $f \cdot f \cdot n_C^{[l-1]}$
# weights plus one bias per filter,
#
# $$\text{parameters} = (f \cdot f \cdot n_C^{[l-1]} + 1)\cdot n_C^{[l]} .$$
#
# Ten filters of $3 \times 3 \times 3$ have $(27 + 1) \cdot 10 = 280$ parameters, **on any
# image size**: the same $W$ and $b$ run over a 39 x 39 and a 300 x 451 image below.

# %%
rng = np.random.RandomState(2)
W10, b10 = rng.randn(3, 3, 3, 10), rng.randn(1, 1, 1, 10)
count = layers.conv_layer_parameters(f=3, n_C_prev=3, n_C=10)
hp_same = {"stride": 1, "pad": 1}
for size in [(39, 39), skimage.data.chelsea().shape[:2]]:
    A_any = rng.rand(1, *size, 3)
    Z_any, _ = cv.conv_forward_vectorized(A_any, W10, b10, hp_same)
    A_relu = np.maximum(Z_any, 0)  # a = ReLU(z)
    print(f"image {size}: output {A_relu.shape}, parameters {W10.size + b10.size}")
assert count == W10.size + b10.size == 280

a_slice = np.random.RandomState(1).randn(4, 4, 3)
W_one, b_one = np.random.RandomState(2).randn(4, 4, 3), np.random.RandomState(3).randn(1, 1, 1)
z_one = cv.conv_single_step(a_slice, W_one, b_one)
assert np.isclose(z_one, np.sum(a_slice * W_one) + b_one.item())
print(f"one step on a 4 x 4 x 3 window: Z = {z_one:.6f} (a number, not an array)")

# %% [markdown]
# ### Your turn: write `conv_single_step`
#
# `a_slice_prev` and `W` are $(f, f, n_C^{[l-1]})$, `b` is $(1, 1, 1)$; return
# $\sum (a \odot W) + b$ as one number. Classic slips: forgetting the bias, returning
# `Z + b` (an array of shape (1, 1, 1), not a number), and averaging instead of summing.
# The course writes `float(b)`; NumPy 2 refuses `float` of an array with axes, so use
# `b.item()`.


# %%
def conv_single_step(a_slice_prev, W, b):
    """a_slice_prev, W: (f, f, n_C_prev); b: (1, 1, 1) -> Z, a Python float."""
    # YOUR CODE HERE (2 lines)
    raise NotImplementedError


check_conv_single_step(conv_single_step)

# %% [markdown]
# ## 3. The forward pass of a convolutional layer
#
# `conv_forward(A_prev, W, b, hparameters)` runs the single step over every example $i$,
# every output position $(h, w)$ and every filter $c$. The window of output position
# $(h, w)$ starts at row $h \cdot s$ and column $w \cdot s$ of the **padded** input and is
# $f$ wide:
#
# ```
# vert_start = h * stride;  vert_end = vert_start + f
# horiz_start = w * stride; horiz_end = horiz_start + f
# Z[i, h, w, c] = conv_single_step(A_prev_pad[i, vert_start:vert_end, horiz_start:horiz_end, :],
#                                  W[:, :, :, c], b[:, :, :, c])
# ```
#
# The output size, per spatial axis, is the one from lesson 1:
#
# $$n_H = \left\lfloor \frac{n_{H,\text{prev}} + 2p - f}{s} \right\rfloor + 1, \qquad
#   n_W = \left\lfloor \frac{n_{W,\text{prev}} + 2p - f}{s} \right\rfloor + 1 .$$
#
# The course's test: seed 1, `A_prev` of shape (2, 5, 7, 4), 8 filters of 3 x 3 x 4,
# pad 1, stride 2. The course publishes the mean of `Z`, 0.5511276474566768.

# %%
np.random.seed(1)  # the course's own seeding  # noqa: NPY002
A_prev = np.random.randn(2, 5, 7, 4)  # noqa: NPY002
W = np.random.randn(3, 3, 4, 8)  # noqa: NPY002
b = np.random.randn(1, 1, 1, 8)  # noqa: NPY002
hparameters = {"pad": 1, "stride": 2}
Z, cache_conv = cv.conv_forward(A_prev, W, b, hparameters)
n_H_test = cv.conv_output_size(5, 3, pad=1, stride=2)
n_W_test = cv.conv_output_size(7, 3, pad=1, stride=2)
print(f"Z: {Z.shape} (n_H = floor((5 + 2 - 3)/2) + 1 = {n_H_test}, n_W = {n_W_test})")
print(f"mean(Z) = {float(np.mean(Z))!r}")
assert Z.shape == (2, n_H_test, n_W_test, 8) == (2, 3, 4, 8)
assert np.isclose(np.mean(Z), 0.5511276474566768, rtol=1e-12, atol=0)  # the course's value

# %% [markdown]
# ### Your turn: write `conv_forward`
#
# Pad with your `zero_pad`, compute `n_H` and `n_W` with the formula (whole numbers:
# `int(...)` or `//`), then loop over `i`, `h`, `w`, `c` and call your `conv_single_step`.
# Classic slips: a window starting at `h` instead of `h * stride`; the output size without
# `+ 2 * pad`; `n_W` from `n_H_prev`; windows cut from the unpadded `A_prev`; the bias
# forgotten. The check's first case has stride 3 and a 5 x 8 input, so each slip shows.


# %%
def conv_forward(A_prev, W, b, hparameters):
    """A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C),
    hparameters {"stride", "pad"} -> Z (m, n_H, n_W, n_C), cache (A_prev, W, b, hparameters)."""
    # YOUR CODE HERE (about 20 lines)
    raise NotImplementedError


check_conv_forward(conv_forward)

# %% [markdown]
# ## 4. Loops against a vectorised layer
#
# The four nested loops are the clearest way to read a convolution and the slowest way
# to compute one. `conv_forward_vectorized` has the same arguments, output and cache. It
# takes a strided *view* of every window at once (no copying), lays each window out as
# one row of $f \cdot f \cdot n_C^{[l-1]}$ numbers, and multiplies that matrix by the
# filters reshaped to $(f \cdot f \cdot n_C^{[l-1]}, n_C)$: **one** matrix product for the
# whole layer. Pooling is vectorised the same way (a max or mean over the window axes of
# the view). Below, both versions run on one small batch; the numbers are printed, not
# promised, since they depend on the machine.

# %%
m_time = budget.pick(ci=2, full=8)
rng = np.random.RandomState(0)
A_t, W_t, b_t = rng.randn(m_time, 16, 16, 8), rng.randn(3, 3, 8, 16), rng.randn(1, 1, 1, 16)
hp_t = {"stride": 1, "pad": 1}


def best_time(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


t_loops, (Z_loops, _) = best_time(lambda: cv.conv_forward(A_t, W_t, b_t, hp_t), 1)
t_vec, (Z_vec, _) = best_time(lambda: cv.conv_forward_vectorized(A_t, W_t, b_t, hp_t), 5)
t_ploops, (P_loops, _) = best_time(lambda: cv.pool_forward(A_t, {"f": 2, "stride": 2}), 1)
t_pvec, (P_vec, _) = best_time(lambda: cv.pool_forward_vectorized(A_t, {"f": 2, "stride": 2}), 5)
assert np.allclose(Z_loops, Z_vec) and np.allclose(P_loops, P_vec)
print(f"conv, {m_time} x 16 x 16 x 8 -> 16 filters 3 x 3 'same': loops {1e3 * t_loops:.1f} ms,"
      f" vectorised {1e3 * t_vec:.2f} ms")  # fmt: skip
print(f"max pool 2 x 2 of the same batch: loops {1e3 * t_ploops:.1f} ms,"
      f" vectorised {1e3 * t_pvec:.2f} ms (same numbers in both)")  # fmt: skip

# %% [markdown]
# ## 5. Pooling
#
# A pooling layer slides an $f \times f$ window with stride $s$ over **each channel on its
# own** and keeps one number per window of the input (not one per kernel, as some notes
# put it):
#
# - **max pooling** keeps the largest value: if a feature (an edge, a colour) was found
#   anywhere in the window, it survives;
# - **average pooling** keeps the mean; it is used deep in networks to collapse a volume,
#   e.g. $7 \times 7 \times 1000 \to 1 \times 1 \times 1000$.
#
# The number of channels does not change, and the size shrinks per axis, **height with
# height and width with width** (some notes use $n_W$ for both):
#
# $$\left\lfloor \frac{n_H - f}{s} + 1 \right\rfloor \times
#   \left\lfloor \frac{n_W - f}{s} + 1 \right\rfloor \times n_C .$$
#
# The usual $f = 2$, $s = 2$ halves height and width; padding is almost never used.
# Pooling has hyperparameters ($f$, $s$, max or average) but **no parameters**: there is
# nothing for gradient descent to learn, although gradients still flow through it
# (lesson 3).

# %%
maps = np.abs(Z_photo)  # the four feature maps of section 1, (1, n_H, n_W, 4)
pooled, _ = cv.pool_forward_vectorized(maps, {"f": 2, "stride": 2}, mode="max")
averaged, _ = cv.pool_forward_vectorized(maps, {"f": 2, "stride": 2}, mode="average")
_, mH, mW, mC = maps.shape
expected = (1, cv.pool_output_size(mH, 2, 2), cv.pool_output_size(mW, 2, 2), mC)
print(f"feature maps {maps.shape} -> max pool f = 2, s = 2 -> {pooled.shape}")
assert pooled.shape == averaged.shape == expected == (1, (mH - 2) // 2 + 1, (mW - 2) // 2 + 1, 4)
assert mH != mW  # a non-square volume: the two axes really are computed separately
# Each channel is pooled on its own: pooling channel 3 alone gives the same map.
alone, _ = cv.pool_forward_vectorized(maps[..., 3:4], {"f": 2, "stride": 2})
assert np.array_equal(alone[..., 0], pooled[..., 3])

fig, axes = plt.subplots(1, 3, figsize=(9.6, 2.8))
for ax, image, title in [(axes[0], maps[0, :, :, 3], f"|map 3| {mH} x {mW}"),
                         (axes[1], pooled[0, :, :, 3], f"max pool: {pooled.shape[1]} x {pooled.shape[2]}"),
                         (axes[2], averaged[0, :, :, 3], "average pool, same size")]:  # fmt: skip
    ax.imshow(image, cmap="magma")
    ax.set_title(title, fontsize=10)
    ax.axis("off")
fig.suptitle("Pooling the orange-fur map with f = 2, s = 2", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Your turn: write `pool_forward`
#
# Same loops as `conv_forward`, without padding, without a filter, and with one more
# subtlety: each channel `c` is pooled on its own,
# `A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]`. Classic slips: `n_W` from
# `n_H_prev`; a window starting at `h` instead of `h * stride`; one `np.max` over
# all channels at once; max and average swapped.


# %%
def pool_forward(A_prev, hparameters, mode="max"):
    """A_prev (m, n_H_prev, n_W_prev, n_C), hparameters {"f", "stride"}, mode "max" | "average"
    -> A (m, n_H, n_W, n_C), cache (A_prev, hparameters)."""
    # YOUR CODE HERE (about 18 lines)
    raise NotImplementedError


check_pool_forward(pool_forward)

# %% [markdown]
# ### Explore windows, strides and padding
#
# The dashboard slides a window over one 8 x 8 handwritten digit (scikit-learn's digits,
# values 0 to 16). Choose $f$, the stride $s$, the padding $p$ (light blue cells are the
# padding's zeros, grey is outside the padded input) and the mode, and move the window: the orange square on the left is
# the window, the orange cell on the right is the number it produces. Things to try:
# $f = 2, s = 2$ halves the size; $f = 3, s = 2$ makes windows overlap; with $s = 3$ and
# $f = 2$ some pixels are never looked at; the vertical-edge filter turns the left and
# right strokes of the digit into opposite colours.

# %%
dash = convolution_explorer()
dash

# %% [markdown]
# ## 6. Notation and a simple ConvNet
#
# For layer $l$ (the course's summary):
#
# - hyperparameters $f^{[l]}$, $p^{[l]}$, $s^{[l]}$ and the number of filters $n_C^{[l]}$;
# - input $n_H^{[l-1]} \times n_W^{[l-1]} \times n_C^{[l-1]}$, output
#   $n_H^{[l]} \times n_W^{[l]} \times n_C^{[l]}$ with
#   $n_H^{[l]} = \lfloor (n_H^{[l-1]} + 2p^{[l]} - f^{[l]})/s^{[l]} \rfloor + 1$
#   (and the same for $n_W^{[l]}$);
# - each filter is $f^{[l]} \times f^{[l]} \times n_C^{[l-1]}$; all of them together,
#   $W^{[l]}$, are $f^{[l]} \times f^{[l]} \times n_C^{[l-1]} \times n_C^{[l]}$;
# - the biases $b^{[l]}$ are $n_C^{[l]}$ numbers, stored as $(1, 1, 1, n_C^{[l]})$;
# - the activations $a^{[l]}$ are $n_H^{[l]} \times n_W^{[l]} \times n_C^{[l]}$, and a batch
#   $A^{[l]}$ is $m \times n_H^{[l]} \times n_W^{[l]} \times n_C^{[l]}$.
#
# A ConvNet stacks three kinds of layers: **CONV**, **POOL** and **FC** (fully connected,
# the dense layers of Courses 1 and 2). The course's first example uses only CONV layers
# on a 39 x 39 x 3 image and ends by flattening the last volume into one vector for a
# logistic (or softmax) unit. `layers.summary_table` walks the stack with the formula above;
# change the specs and run it again.

# %%
spec = layers.SIMPLE_CONVNET
table = layers.summary_table(spec["layers"], spec["input"], title="The course's simple ConvNet")
rows = layers.network_summary(spec["layers"], spec["input"])
sides = [r["shape"][0] for r in rows[:4]]
depths = [r["shape"][2] for r in rows[:4]]
assert sides == [39, 37, 17, 7] and depths == [3, 10, 20, 40]
assert rows[4]["shape"] == (7 * 7 * 40,) == (1960,)
print(f"height and width shrink {sides}, channels grow {depths}")
table

# %% [markdown]
# The pattern is typical: $n_H$ and $n_W$ shrink as you go deeper while $n_C$ grows, and
# the last volume, flattened, feeds the classifier.
#
# ## 7. Pooling or a strided convolution?
#
# A stride of 2 also halves the size, so why pool? Max pooling keeps a feature if it
# appears *anywhere* in the window, so the output barely changes when the image moves by
# a pixel: some invariance to small shifts, and each output sees a larger part of the
# image. Plain subsampling (keep every other pixel, which is what a stride of 2 does to
# the positions it visits) depends on exactly where the feature fell. Measured on the
# vertical-edge map of the photo, shifted one pixel to the right:

# %%
vertical_only = filters[..., :1]
shifted = np.roll(A_photo, 1, axis=2)  # one pixel to the right
maps_now = np.abs(cv.conv_forward_vectorized(A_photo, vertical_only, no_bias, hp1)[0])
maps_shifted = np.abs(cv.conv_forward_vectorized(shifted, vertical_only, no_bias, hp1)[0])


def relative_change(a, b, border=2):
    """||a - b|| / ||a||, away from the border the roll wraps around."""
    a, b = a[:, border:-border, border:-border], b[:, border:-border, border:-border]
    return float(np.linalg.norm(a - b) / np.linalg.norm(a))


change = {
    "max pool 2x2": relative_change(*(cv.pool_forward_vectorized(x, {"f": 2, "stride": 2})[0]
                                      for x in (maps_now, maps_shifted))),
    "average pool 2x2": relative_change(*(cv.pool_forward_vectorized(x, {"f": 2, "stride": 2},
                                          mode="average")[0] for x in (maps_now, maps_shifted))),
    "every other pixel": relative_change(maps_now[:, ::2, ::2], maps_shifted[:, ::2, ::2]),
}  # fmt: skip
print_values("relative change after a one-pixel shift", change, "{:.0%}")
assert change["max pool 2x2"] < change["every other pixel"]
assert change["average pool 2x2"] < change["every other pixel"]

# %% [markdown]
# Both poolings changed less than plain subsampling. Max pooling is the more common choice
# in practice; a strided convolution is the other way to shrink a volume, and it has
# weights to learn.
#
# ## 8. Why convolutions: parameter sharing and sparse connections
#
# Take the course's 32 x 32 x 3 image and a layer with six 5 x 5 filters: the output is
# 28 x 28 x 6. A fully connected layer between the same two volumes needs one weight per
# (input, output) pair; the convolution needs only its filters.

# %%
compare = layers.conv_vs_dense((32, 32, 3), f=5, n_C=6)
print(f"inputs 32*32*3 = {compare['n_in']:,}, outputs {compare['output_shape']} ="
      f" {compare['n_out']:,}")  # fmt: skip
print(f"dense: {compare['n_in']:,} x {compare['n_out']:,} = {compare['dense_weights']:,}"
      f" weights ({compare['dense_weights'] / 1e6:.2f} M)")  # fmt: skip
print(f"conv: (5*5*3 + 1) * 6 = {compare['conv_parameters']} parameters,"
      f" {compare['ratio']:,.0f} times fewer")  # fmt: skip
assert compare["dense_weights"] == 14_450_688 and compare["conv_parameters"] == 456

# %% [markdown]
# Two reasons, both visible in the layer's arithmetic:
#
# - **Parameter sharing**: a feature detector useful in one part of the image (a
#   vertical edge) is useful everywhere, so the same $W_c$ is used at every position.
# - **Sparse connections**: each output value depends only on its own $f \times f \times
#   n_C$ window. Below, changing one input pixel changes only the outputs whose windows
#   contain it: $5 \times 5 = 25$ positions per filter, out of $28 \times 28 = 784$.

# %%
rng = np.random.RandomState(3)
A32, W6, b6 = rng.randn(1, 32, 32, 3), rng.randn(5, 5, 3, 6), rng.randn(1, 1, 1, 6)
hp_valid = {"stride": 1, "pad": 0}
Z32, _ = cv.conv_forward_vectorized(A32, W6, b6, hp_valid)
A32_poked = A32.copy()
A32_poked[0, 16, 16, :] += 1.0  # one pixel, all three channels
Z32_poked, _ = cv.conv_forward_vectorized(A32_poked, W6, b6, hp_valid)
changed = ~np.isclose(Z32, Z32_poked, rtol=0, atol=1e-12)
per_filter = changed[0].sum(axis=(0, 1))
print(f"outputs changed per filter: {per_filter.tolist()} of {Z32.shape[1] * Z32.shape[2]}")
assert np.all(per_filter == 25)

# %% [markdown]
# Put conv, pool and FC layers together as the course's LeNet-5-like example does
# (CONV-POOL-CONV-POOL-FC-FC-softmax). The table shows the activation sizes shrinking and
# where the parameters are: pooling layers have none, and the fully connected layers at the
# end hold most of them.

# %%
lenet = layers.LENET_LIKE
lenet_rows = layers.network_summary(lenet["layers"], lenet["input"])
total = layers.count_parameters(lenet["layers"], lenet["input"])
fc_share = sum(r["parameters"] for r in lenet_rows if r["type"] == "fc") / total
assert all(r["parameters"] == 0 for r in lenet_rows if r["type"] == "pool")
assert fc_share > 0.9
print(f"{total:,} parameters, {fc_share:.1%} of them in the FC layers")
layers.summary_table(lenet["layers"], lenet["input"], title="A LeNet-5-like network on 32 x 32 x 3")

# %% [markdown]
# ## 9. Terminology
#
# Words that are used loosely in papers and code, pinned down for this course:

# %%
Table(
    ["word", "what it is here", "shape"],
    [
        ["kernel", "one 2-D slice of weights, for one input channel", "f x f"],
        ["filter", "a stack of n_C_prev kernels: one detector", "f x f x n_C_prev"],
        ["W^[l]", "all the layer's filters", "f x f x n_C_prev x n_C"],
        ["feature map", "the 2-D output of one filter (one channel of z or a)", "n_H x n_W"],
        ["pooling", "max or average over each f x f window of each channel", "no weights"],
    ],
)

# %% [markdown]
# ## 10. Summary
#
# - A filter is as deep as its input; one filter gives one feature map, $n_C'$ filters a
#   volume with $n_C'$ channels. A filter can look at one channel only (the red-only edge
#   map).
# - A layer is convolution + bias + ReLU, with $(f \cdot f \cdot n_C^{[l-1]} + 1) \cdot
#   n_C^{[l]}$ parameters, whatever the image size (280 for ten 3 x 3 x 3 filters).
# - `conv_forward` reproduces the course's mean(Z) = 0.5511276474566768; the vectorised
#   version gives the same numbers with one matrix product.
# - Pooling works per window and per channel, shrinks height and width separately
#   ($\lfloor (n_H - f)/s \rfloor + 1$ and $\lfloor (n_W - f)/s \rfloor + 1$), and has no
#   parameters.
# - In a ConvNet $n_H, n_W$ shrink and $n_C$ grows: 39 x 39 x 3 to 7 x 7 x 40 = 1960
#   features in the course's example.
# - Sharing and sparse connections: 456 parameters instead of 14.45 million.
#
# Next, lesson 3 runs all of this backwards: the gradients of a convolutional layer and
# of pooling.
