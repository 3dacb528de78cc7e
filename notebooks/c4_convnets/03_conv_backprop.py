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
# # Backpropagation through convolution and pooling
#
# *Course 4 (Convolutional Neural Networks), week 1. Curriculum items C4.24-C4.28.*
#
# Frameworks compute these gradients for you, and that is how you will train ConvNets
# from the next lesson on. Writing them once shows what a convolution really shares: every
# weight is used at every position, so its gradient is a sum over positions, and every
# input pixel sits in several windows, so its gradient is a sum over windows. You will:
#
# 1. derive and write the backward pass of a convolutional layer, $dA_{prev}$, $dW$ and
#    $db$, see where the gradient of one output lands, and gradient-check it;
# 2. route the gradient of max pooling through a mask;
# 3. share the gradient of average pooling equally, and write the pooling backward pass;
# 4. check that the vectorised backward passes give the same numbers, faster;
# 5. rebuild the layers in Keras from the same weights and compare the forward passes and
#    the `GradientTape` gradients with ours.
#
# Code: `course_lib/c4_convnets/convolution.py` (loops and vectorised),
# `convolution_tf.py` (the Keras twins), `course_lib/gradient_check.py` (the checker) and
# `convolution_checks.py` (the exercise checks).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson(
    "C4 - Backpropagation through convolution and pooling", seed=1, tensorflow=True
)
budget, tf = lesson.budget, lesson.tf

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import convolution_tf as cvtf
from course_lib.c4_convnets.convolution_checks import (
    check_conv_backward,
    check_create_mask_from_window,
    check_distribute_value,
    check_pool_backward,
)
from course_lib.gradient_check import check_backward
from course_lib.lesson import print_values

# %% [markdown]
# ## 1. The backward pass of a convolutional layer
#
# In the forward pass, output $Z[h, w, c]$ of one example is the window of the padded input
# that starts at $(h s, w s)$, multiplied by filter $W_c$ and summed, plus $b_c$. Given
# $dZ = \partial J / \partial Z$, the chain rule sends each $dZ[h, w, c]$ back along exactly
# the numbers that produced $Z[h, w, c]$:
#
# - **to the input** (C4.24): the window's entries were multiplied by $W_c$, so the window
#   of the gradient receives $W_c \, dZ[h, w, c]$:
#   $$dA_{prev}[\,hs : hs + f,\; ws : ws + f,\; :\,] \mathrel{+}= W_c \, dZ[h, w, c],$$
#   summed over all $h$, $w$, $c$. The slice matters: some notes write
#   $dA \mathrel{+}= \sum_h \sum_w W_c\, dZ_{hw}$ with no window at all, which
#   would add an $f \times f$ filter to a whole image.
# - **to the filters** (C4.25): $W_c$ multiplied the window, so
#   $dW_c \mathrel{+}= a_{slice}\, dZ[h, w, c]$, summed over every position **and every
#   example**, because one filter is shared by all of them.
# - **to the biases** (C4.26): $b_c$ was added once per position, so
#   $db_c = \sum_i \sum_h \sum_w dZ[i, h, w, c]$.
#
# The loops run on the padded input, and the padding is cut off $dA_{prev}$ at the end.
# The course's test: seed 1, `A_prev` (10, 4, 4, 3), 8 filters 2 x 2 x 3, pad 2,
# stride 2, and `dZ` = the forward output `Z`; it publishes the means of the three
# gradients, 1.45243777, 1.72699145 and 7.83923256.

# %%
np.random.seed(1)  # the course's own seeding  # noqa: NPY002
A_prev = np.random.randn(10, 4, 4, 3)  # noqa: NPY002
W = np.random.randn(2, 2, 3, 8)  # noqa: NPY002
b = np.random.randn(1, 1, 1, 8)  # noqa: NPY002
Z, cache_conv = cv.conv_forward(A_prev, W, b, {"pad": 2, "stride": 2})
dA, dW, db = cv.conv_backward(Z, cache_conv)
means = {"mean(dA)": dA.mean(), "mean(dW)": dW.mean(), "mean(db)": db.mean()}
print_values("the course's test", means, "{:.8f}")
print("shapes:", dA.shape, dW.shape, db.shape)
assert dA.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape
assert np.allclose(list(means.values()), [1.45243777, 1.72699145, 7.83923256], atol=5e-9)

# %% [markdown]
# ### Where the gradient of one output lands
#
# Put $dZ = 1$ at a single position $(h, w)$ of filter $c$ and 0 elsewhere: $dA_{prev}$ is
# then filter $W_c$ itself, placed on the window that position saw, and zero everywhere
# else. With $dZ = 1$ everywhere, each input entry collects one copy of a filter entry
# from every window that covers it: overlapping windows (stride < f) add up, and entries
# near the border, covered by fewer windows, get less.

# %%
rng = np.random.RandomState(4)
f_demo, s_demo, p_demo = 3, 1, 1
A_demo = rng.randn(1, 6, 6, 1)
W_demo = rng.randn(f_demo, f_demo, 1, 1)
hp_demo = {"stride": s_demo, "pad": p_demo}
Z_demo, cache_demo = cv.conv_forward(A_demo, W_demo, np.zeros((1, 1, 1, 1)), hp_demo)
h0, w0 = 2, 5  # a window that reaches into the padding
dZ_one = np.zeros_like(Z_demo)
dZ_one[0, h0, w0, 0] = 1.0
dA_one, _, _ = cv.conv_backward(dZ_one, cache_demo)
ones_filter = np.ones_like(W_demo)  # a filter of ones counts the windows covering each entry
_, cache_ones = cv.conv_forward(A_demo, ones_filter, np.zeros((1, 1, 1, 1)), hp_demo)
coverage, _, _ = cv.conv_backward(np.ones_like(Z_demo), cache_ones)

# The window of (h0, w0) in the padded input, and the same window in A_prev's coordinates.
top, left = h0 * s_demo - p_demo, w0 * s_demo - p_demo
window = dA_one[0, max(top, 0) : top + f_demo, max(left, 0) : left + f_demo, 0]
expected_window = W_demo[max(-top, 0) :, max(-left, 0) :, 0, 0][
    : window.shape[0], : window.shape[1]
]
assert np.array_equal(window, expected_window)
assert window.shape == (3, 2)  # its third column lay on the padding, which is cut off
assert np.count_nonzero(dA_one) == window.size  # nothing outside the window
assert coverage[0, 2, 2, 0] == f_demo * f_demo and coverage[0, 0, 0, 0] == 4

fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.4))
axes[0].imshow(dZ_one[0, :, :, 0], cmap="Greys", vmin=0, vmax=1)
axes[0].set_title(f"dZ: 1 at (h, w) = ({h0}, {w0})", fontsize=10)
top_abs = np.abs(W_demo).max()
axes[1].imshow(dA_one[0, :, :, 0], cmap="RdBu_r", vmin=-top_abs, vmax=top_abs)
axes[1].add_patch(
    Rectangle((left - 0.5, top - 0.5), f_demo, f_demo, fill=False, ec="#e8590c", lw=2)
)
axes[1].set_title(
    "dA_prev = W_c on that window\n(its column on the padding is cut off)", fontsize=10
)
shown = axes[2].imshow(coverage[0, :, :, 0], cmap="viridis")
for (r, c), v in np.ndenumerate(coverage[0, :, :, 0]):
    colour = "black" if v > 6 else "white"
    axes[2].text(c, r, f"{v:.0f}", ha="center", va="center", color=colour, fontsize=9)
axes[2].set_title("dZ = 1 everywhere, W = ones:\nwindows covering each entry", fontsize=10)
for ax in axes:
    ax.set_xticks(range(0, 6))
    ax.set_yticks(range(0, 6))
    ax.tick_params(labelsize=8)
fig.suptitle(f"f = {f_demo}, stride {s_demo}, pad {p_demo} on a 6 x 6 input", fontsize=11)
fig.tight_layout(rect=(0, 0, 1, 0.93))
plt.show()

# %% [markdown]
# ### Gradient-checking the backward pass
#
# `course_lib.gradient_check.check_backward` turns a layer into a scalar
# $J = \sum Z \odot dZ$ for a random $dZ$, nudges every entry of $A_{prev}$, $W$ and $b$
# by $\pm\varepsilon$, and compares the centred differences with what `conv_backward`
# returns (relative difference, float64). A convolution is linear in each of them, so a
# correct backward pass agrees up to rounding, far below $10^{-7}$.


# %%
def conv_layer(A_prev, W, b, hparameters):
    return cv.conv_forward(A_prev, W, b, hparameters)


def conv_grads(backward):
    """Wrap a (dA_prev, dW, db) backward into the {"dA_prev", "dW", "db"} dict the checker wants."""
    return lambda dZ, cache: dict(zip(["dA_prev", "dW", "db"], backward(dZ, cache)))


rng = np.random.RandomState(7)
inputs = {
    "A_prev": rng.randn(2, 5, 6, 3),
    "W": rng.randn(3, 3, 3, 2),
    "b": rng.randn(1, 1, 1, 2),
    "hparameters": {"pad": 1, "stride": 2},
}
conv_errors = check_backward(
    conv_layer, conv_grads(cv.conv_backward), inputs, wrt=["A_prev", "W", "b"]
)
print_values("conv_backward, relative differences", conv_errors)
assert max(conv_errors.values()) < 1e-7

# %% [markdown]
# ### Your turn: write `conv_backward`
#
# Unpack the cache, pad `A_prev` and a zero `dA_prev`, loop over `i`, `h`, `w`, `c` with
# the forward pass's windows, accumulate the three sums, and cut the padding off
# `da_prev_pad` (`da_prev_pad[pad:-pad, pad:-pad, :]` when `pad > 0`). Classic slips:
# `dA_prev += W * dZ` without the window slice; `dW` from windows of the unpadded
# `A_prev`; `db` from one example instead of the sum over all; the stride ignored; the
# padded gradient returned.


# %%
def conv_backward(dZ, cache):
    """dZ (m, n_H, n_W, n_C), cache (A_prev, W, b, hparameters) -> dA_prev, dW, db
    with the shapes of A_prev, W and b."""
    # YOUR CODE HERE (about 25 lines)
    raise NotImplementedError


check_conv_backward(conv_backward)

# %% [markdown]
# ## 2. Max pooling backward: the mask
#
# A max-pooling output is one entry of its window, the largest; the others did not
# influence it at all. So its gradient goes back to that entry only, and the rest of the
# window gets 0. `create_mask_from_window(x)` marks where the maximum is,
# `mask = (x == max(x))`:
#
# $$X = \begin{bmatrix} 1 & 3 \\ 4 & 2 \end{bmatrix} \quad\rightarrow\quad
#   M = \begin{bmatrix} 0 & 0 \\ 1 & 0 \end{bmatrix},$$
#
# and the window of $dA_{prev}$ receives $M \cdot dA[h, w, c]$. (If two entries tie for the
# maximum, this rule marks both, the course's convention. TensorFlow gives the gradient to
# the first maximum only, the true derivative of the pooled value; `pool_backward(...,
# ties="first")` does the same, and lesson 4 shows why real images need it.)

# %%
x_course = np.array([[1.0, 3.0], [4.0, 2.0]])
mask = cv.create_mask_from_window(x_course)
print("x =", x_course.tolist(), "-> mask =", mask.astype(int).tolist())
assert np.array_equal(mask, [[False, False], [True, False]])

# %% [markdown]
# ### Your turn: write `create_mask_from_window`
#
# One line. Classic slips: `x > np.max(x)` (never true: an all-zero mask), a single 1 at
# `np.argmax(x)` (wrong when the maximum is tied), and the minimum instead of the maximum.


# %%
def create_mask_from_window(x):
    """x: (f, f) -> mask (f, f), True (or 1) where x equals its maximum."""
    # YOUR CODE HERE (1 line)
    raise NotImplementedError


check_create_mask_from_window(create_mask_from_window)

# %% [markdown]
# ## 3. Average pooling backward, and the pooling backward pass
#
# An average-pooling output is the mean of its $f \times f$ window: every entry counts
# $1/(f \cdot f)$, so each one receives that share of the gradient. `distribute_value(dz,
# shape)` spreads $dz$ over a window of `shape` = $(n_H, n_W)$: every entry gets
# $dz / (n_H n_W)$. With $dz = 2$ over a 2 x 2 window, each entry gets 0.5; with $dz = 1$,
# each gets 1/4.

# %%
shared = cv.distribute_value(2, (2, 2))
print("distribute_value(2, (2, 2)) =", shared.tolist())
assert np.array_equal(shared, np.full((2, 2), 0.5))
assert np.array_equal(cv.distribute_value(1, (2, 2)), np.full((2, 2), 0.25))

# %% [markdown]
# ### Your turn: write `distribute_value`
#
# Classic slip: copying `dz` to every entry without dividing by $n_H \cdot n_W$ (the
# gradient would be $n_H n_W$ times too large).


# %%
def distribute_value(dz, shape):
    """dz: a number, shape: (n_H, n_W) -> a (n_H, n_W) array whose entries add up to dz."""
    # YOUR CODE HERE (3 lines)
    raise NotImplementedError


check_distribute_value(distribute_value)

# %% [markdown]
# `pool_backward(dA, cache, mode)` loops like the forward pass and adds, for each output
# $(h, w, c)$, either the mask of the window times $dA[i, h, w, c]$ (max) or
# `distribute_value(dA[i, h, w, c], (f, f))` (average) to the window of $dA_{prev}$.
# Windows that overlap add up, hence `+=`. The course's test (seed 1, `A_prev`
# (5, 5, 3, 2), f = 2, stride 1) publishes the entry `dA_prev[1, 1]` for both modes.

# %%
np.random.seed(1)  # noqa: NPY002
A_pool = np.random.randn(5, 5, 3, 2)  # noqa: NPY002
hp_pool = {"stride": 1, "f": 2}
A_out, cache_pool = cv.pool_forward(A_pool, hp_pool)
dA_pool = np.random.randn(5, 4, 2, 2)  # noqa: NPY002
published = {
    "max": [[0.0, 0.0], [5.05844394, -1.68282702], [0.0, 0.0]],
    "average": [[0.08485462, 0.2787552], [1.26461098, -0.25749373], [1.17975636, -0.53624893]],
}
for mode, values in published.items():
    dA_prev_pool = cv.pool_backward(dA_pool, cache_pool, mode=mode)
    print(f"mode = {mode!r}: dA_prev[1, 1] =\n{np.round(dA_prev_pool[1, 1], 8)}")
    assert np.allclose(dA_prev_pool[1, 1], values, atol=5e-9)


# %% [markdown]
# Both modes, gradient-checked the same way as the convolution (random inputs, so no two
# entries of a window tie and a nudge of $10^{-6}$ never changes which entry is the
# maximum):


# %%
def pool_layer(mode):
    return lambda A_prev, hparameters: cv.pool_forward(A_prev, hparameters, mode=mode)


def pool_grads(backward, mode):
    return lambda dA, cache: {"dA_prev": backward(dA, cache, mode=mode)}


pool_inputs = {
    "A_prev": np.random.RandomState(8).randn(2, 5, 7, 3),
    "hparameters": {"f": 3, "stride": 2},
}
pool_errors = {}
for mode in ("max", "average"):
    err = check_backward(
        pool_layer(mode), pool_grads(cv.pool_backward, mode), pool_inputs, ["A_prev"]
    )
    pool_errors[mode] = err["A_prev"]
print_values("pool_backward, relative differences", pool_errors)
assert max(pool_errors.values()) < 1e-7

# %% [markdown]
# ### Your turn: write `pool_backward`
#
# Use your `create_mask_from_window` and `distribute_value`. Classic slips: the two modes
# swapped; the window starting at `h` instead of `h * stride`; `=` instead of `+=` (wrong
# as soon as windows overlap, as in the check's f = 3, stride 2 case); the average not
# divided by $f \cdot f$.


# %%
def pool_backward(dA, cache, mode="max"):
    """dA (m, n_H, n_W, n_C), cache (A_prev, hparameters), mode -> dA_prev (shape of A_prev)."""
    # YOUR CODE HERE (about 25 lines)
    raise NotImplementedError


check_pool_backward(pool_backward)

# %% [markdown]
# ## 4. Vectorised backward passes
#
# The vectorised versions have the same contract. For the convolution, $dW$ is one matrix
# product of the window matrix (one window per row) with $dZ$, and $dA_{prev}$ is itself a
# convolution: $dZ$ spread out by the stride, padded with $f - 1$ zeros, convolved with
# the filters rotated by 180 degrees. For pooling, the mask (or the equal share) of every
# window is built at once and added back in $f \cdot f$ strided slices. They are
# gradient-checked like the loops, and give the same numbers:

# %%
vec_errors = check_backward(
    lambda A_prev, W, b, hparameters: cv.conv_forward_vectorized(A_prev, W, b, hparameters),
    conv_grads(cv.conv_backward_vectorized),
    inputs,
    wrt=["A_prev", "W", "b"],
)
for mode in ("max", "average"):
    vec_errors[f"pool {mode}"] = check_backward(
        lambda A_prev, hparameters, mode=mode: cv.pool_forward_vectorized(
            A_prev, hparameters, mode
        ),
        pool_grads(cv.pool_backward_vectorized, mode),
        pool_inputs,
        ["A_prev"],
    )["A_prev"]
print_values("vectorised, relative differences", vec_errors)
assert max(vec_errors.values()) < 1e-7

m_time = budget.pick(ci=2, full=8)
rng = np.random.RandomState(0)
A_t, W_t, b_t = rng.randn(m_time, 16, 16, 8), rng.randn(3, 3, 8, 16), rng.randn(1, 1, 1, 16)
Z_t, cache_t = cv.conv_forward_vectorized(A_t, W_t, b_t, {"stride": 1, "pad": 1})
dZ_t = rng.randn(*Z_t.shape)
timings, results = {}, {}
for name, fn in [("loops", cv.conv_backward), ("vectorised", cv.conv_backward_vectorized)]:
    start = time.perf_counter()
    results[name] = fn(dZ_t, cache_t)
    timings[name] = 1e3 * (time.perf_counter() - start)
assert all(np.allclose(a, b) for a, b in zip(results["loops"], results["vectorised"]))
print_values(f"conv_backward on {m_time} x 16 x 16 x 8, 16 filters 3 x 3 (ms)", timings, "{:.2f}")

# %% [markdown]
# ## 5. The same layers in Keras
#
# Keras has all three layers: `Conv2D` (here after an explicit `ZeroPadding2D(p)`, exactly
# the course's padding), `MaxPool2D` and `AveragePooling2D`. The twins in
# `convolution_tf.py` take the same NumPy inputs, build the Keras layers, copy our `W` and
# `b` into them (`set_weights`; Keras's kernel layout is the course's
# $(f, f, n_C^{[l-1]}, n_C)$, its bias is a vector of $n_C$), and return NumPy arrays.
# The backward twins do not implement anything: `tf.GradientTape` differentiates
# $\sum Z \odot dZ$, which gives exactly $dA_{prev}$, $dW$, $db$. Keras computes in
# float32, which keeps about 7 significant digits, so the two agree to roughly that
# (relative gaps near $10^{-7}$), not to the last digit.

# %%
A_k, W_k, b_k, hp_k = inputs["A_prev"], inputs["W"], inputs["b"], inputs["hparameters"]
Z_np, cache_np = cv.conv_forward_vectorized(A_k, W_k, b_k, hp_k)
Z_keras, cache_keras = cvtf.conv_forward(A_k, W_k, b_k, hp_k)
dZ_k = np.random.RandomState(9).randn(*Z_np.shape)
grads_np = cv.conv_backward(dZ_k, cache_np)
grads_keras = cvtf.conv_backward(dZ_k, cache_keras)


def largest_gap(a, b):
    """max |a - b| / max |b|: the difference relative to the size of the numbers."""
    return float(np.max(np.abs(np.asarray(a) - b)) / np.max(np.abs(b)))


parity = {"Z": largest_gap(Z_keras, Z_np)}
parity.update(
    {name: largest_gap(k, n) for name, k, n in zip(["dA_prev", "dW", "db"], grads_keras, grads_np)}
)
for mode in ("max", "average"):
    A_np, cache_p = cv.pool_forward(pool_inputs["A_prev"], pool_inputs["hparameters"], mode)
    A_keras, _ = cvtf.pool_forward(pool_inputs["A_prev"], pool_inputs["hparameters"], mode)
    dA_k = np.random.RandomState(10).randn(*A_np.shape)
    parity[f"{mode} pool"] = largest_gap(A_keras, A_np)
    parity[f"d {mode} pool"] = largest_gap(
        cvtf.pool_backward(dA_k, cache_p, mode), cv.pool_backward(dA_k, cache_p, mode)
    )
print_values("Keras (float32) vs NumPy, largest relative gap", parity)
assert max(parity.values()) < 1e-6  # float32 precision
print("Keras layers:", [type(layer).__name__ for layer in cvtf.conv_layers(W_k, b_k, hp_k).layers],
      type(cvtf.pool_layer(hp_pool, "max")).__name__, type(cvtf.pool_layer(hp_pool, "average")).__name__)  # fmt: skip

# %% [markdown]
# In float64 (`dtype="float64"`) the gap shrinks to rounding, which shows that the float32
# gap above is precision, not a different formula:

# %%
Z64, _ = cvtf.conv_forward(A_k, W_k, b_k, hp_k, dtype="float64")
grads64 = cvtf.conv_backward(dZ_k, cache_np, dtype="float64")
gap64 = {"Z": largest_gap(Z64, Z_np)}
gap64.update(
    {name: largest_gap(k, n) for name, k, n in zip(["dA_prev", "dW", "db"], grads64, grads_np)}
)
print_values("Keras (float64) vs NumPy", gap64)
assert max(gap64.values()) < 1e-12

# %% [markdown]
# ## 6. Summary
#
# - $dA_{prev}$: each $dZ[h, w, c]$ sends $W_c\, dZ[h, w, c]$ back to **its own window**
#   (the slice that is easy to forget); overlapping windows add up; the padding is cut off.
# - $dW_c = \sum a_{slice}\, dZ[h, w, c]$ and $db_c = \sum dZ[\cdot, \cdot, \cdot, c]$, over
#   all positions and all examples: one filter is shared by all of them.
# - Max pooling passes the gradient to the maximum of each window (`x == max(x)`:
#   [[1, 3], [4, 2]] gives [[0, 0], [1, 0]]); average pooling shares it equally
#   (2 over a 2 x 2 window gives 0.5 each). Pooling has no parameters, but it has a
#   gradient.
# - Every backward pass here, loops and vectorised, passed a gradient check far below
#   $10^{-7}$, reproduced the course's published numbers, and matched Keras's `Conv2D`,
#   `MaxPool2D` and `AveragePooling2D` gradients from `GradientTape` to float32
#   precision.
