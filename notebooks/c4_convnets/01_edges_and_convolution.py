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
# # Edges and the convolution operation
#
# *Course 4 (Convolutional Neural Networks), week 1. Curriculum items C4.01-C4.13.*
#
# A fully connected layer treats every pixel as an unrelated input, which is hopeless for
# a photo of a million pixels. A convolution slides one small filter over the whole image
# instead: a handful of numbers, reused at every position, that can find an edge wherever
# it is. In this lesson you will:
#
# 1. count the weights a fully connected layer would need for a real photo;
# 2. compute a convolution by hand on the lecture's 6 x 6 example, and read its signs;
# 3. run the vertical, horizontal, Sobel and Scharr filters over real photos (a dashboard);
# 4. work out output sizes with padding and stride (an exercise and a dashboard);
# 5. write `conv2d` yourself;
# 6. learn an edge filter from data by gradient descent and watch it become Sobel's;
# 7. see what true convolution adds (the flip) and why deep learning leaves it out;
# 8. check the properties that make convolutions work: few weights, shared, and
#    translation equivariance.
#
# Code: `course_lib/c4_convnets/edges.py` (NumPy; it calls the course's conv layer in
# `convolution.py`), its Keras twin `edges_tf.py` (`tf.nn.conv2d` and a `Conv2D` layer,
# compared with NumPy in `tests/parity/test_edges_parity.py`) and the dashboards in
# `edges_dashboard.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Edges and the convolution operation", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import textwrap

import matplotlib.pyplot as plt
import numpy as np

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import edges
from course_lib.c4_convnets.edges_checks import check_conv2d, check_conv_output_size
from course_lib.c4_convnets.edges_dashboard import (
    filter_picker_dashboard,
    output_size_dashboard,
    show_matrix,
)
from course_lib.lesson import print_values

# %% [markdown]
# ## 1. Why large images need convolutions
#
# Computer vision covers image classification (is there a cat?), object detection (where
# are the cars?) and neural style transfer (paint this photo like that painting). All of
# them start from pixels, and pixels are many. A $64 \times 64$ colour image already has
# $64 \cdot 64 \cdot 3 = 12{,}288$ input numbers; a one-megapixel photo
# ($1000 \times 1000 \times 3$) has three million. A first fully connected layer with
# $n^{[1]}$ units has a weight matrix $W^{[1]}$ of shape $(n^{[1]}, n_H n_W n_C)$:

# %%
small_inputs = 64 * 64 * 3
big_inputs = 1000 * 1000 * 3
weights_1000 = edges.fc_weight_count(1000, 1000, 3, n_units=1000)
weights_100 = edges.fc_weight_count(1000, 1000, 3, n_units=100)
print(f"inputs: 64x64x3 = {small_inputs:,};  1000x1000x3 = {big_inputs:,}")
gigabytes = weights_1000 * 4 / 1e9
print(f"W[1] with 1000 units: {weights_1000:,} weights ({gigabytes:.0f} GB in float32)")
print(f"W[1] with  100 units: {weights_100:,} weights")
assert small_inputs == 12_288 and big_inputs == 3_000_000
assert weights_1000 == 3_000_000_000 and weights_100 == 300_000_000

# %% [markdown]
# Three billion weights for one layer: too much memory and computation, and far too many
# parameters to fit without overfitting on any data set we could collect.
#
# > **Common mistake.** One set of course notes says a $1000 \times 1000$ image with
# > *100* hidden units gives 3 billion parameters. It is $3\text{M} \times 100 = 300$
# > million; 3 billion needs 1000 units, as computed above.
#
# A convolutional layer's weights do not depend on the image size at all: a filter of
# $f \times f \times n_C$ numbers is slid over the image. The plot compares a fully
# connected layer of 1000 units with a convolutional layer of 16 filters of
# $3 \times 3 \times 3$ (plus one bias each), as the image side grows.

# %%
sides = np.array([32, 64, 128, 256, 512, 1000])
fc = [edges.fc_weight_count(int(n), int(n), 3, 1000) for n in sides]
conv = [(3 * 3 * 3 + 1) * 16] * len(sides)
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.loglog(sides, fc, "o-", label="fully connected, 1000 units")
ax.loglog(sides, conv, "s-", label="conv, 16 filters 3x3x3 (+ bias)")
ax.set_xlabel("image side n (an n x n x 3 image)")
ax.set_ylabel("parameters of the first layer")
ax.set_title("Weights of the first layer as the image grows")
ax.legend()
plt.show()
assert fc[-1] / conv[-1] > 1e6

# %% [markdown]
# ## 2. The convolution operation on the 6 x 6 example
#
# A convolution takes an $n \times n$ image and an $f \times f$ filter (or *kernel*),
# places the filter on the top-left $f \times f$ window, multiplies the overlapping
# numbers elementwise and sums them: one output number. Then the filter moves one pixel
# right, and so on, row after row. With the filter $K$ and stride $s$,
#
# $$\text{out}[i, j] = \sum_{u=0}^{f-1} \sum_{v=0}^{f-1}
#   \text{image}[i s + u,\; j s + v] \; K[u, v].$$
#
# (Deep learning calls this a convolution; section 7 shows why mathematicians would call
# it a cross-correlation.) The lecture's image is 6 x 6, bright on the left (10s) and dark
# on the right (0s), so it has one vertical edge in the middle. The vertical-edge kernel
#
# $$K = \begin{bmatrix} 1 & 0 & -1 \\ 1 & 0 & -1 \\ 1 & 0 & -1 \end{bmatrix}$$
#
# adds the left column of the window and subtracts the right one.

# %%
image = edges.step_image(6, left=10, right=0)
K = edges.KERNELS["vertical"]
out = edges.conv2d(image, K)
first = np.sum(image[0:3, 0:3] * K)  # the window at (0, 0): all 10s
second = np.sum(image[0:3, 1:4] * K)  # the window at (0, 1): over the edge
print(f"out[0, 0] = 10+10+10 - (10+10+10) = {first:g};  out[0, 1] = 30 - 0 = {second:g}")
print("out =", out.shape, "\n", out)
assert out.shape == (4, 4) and first == out[0, 0] == 0 and second == out[0, 1] == 30
assert np.array_equal(out, np.tile([0.0, 30.0, 30.0, 0.0], (4, 1)))

# %% [markdown]
# The output has a bright band of 30s in its middle two columns: the edge. It looks thick
# because the image is tiny; on a 1000-pixel photo a 2-pixel band is a thin line. Now flip
# the image, dark on the left and bright on the right: the same kernel gives $-30$. The
# sign tells the direction of the change (light-to-dark is positive, dark-to-light
# negative). When only "is there an edge" matters, take the absolute value.

# %%
flipped_image = edges.step_image(6, left=0, right=10)
out_dark_light = edges.conv2d(flipped_image, K)
fig, axes = plt.subplots(2, 3, figsize=(8.4, 5.6))
show_matrix(axes[0, 0], image, "image: light to dark")
show_matrix(axes[0, 1], K, "vertical kernel K")
show_matrix(axes[0, 2], out, "image * K (4 x 4)")
show_matrix(axes[1, 0], flipped_image, "image: dark to light")
show_matrix(axes[1, 1], K, "the same K")
show_matrix(axes[1, 2], out_dark_light, "image * K: negative")
fig.suptitle("The lecture's 6 x 6 example: the edge shows as a band of +30 or -30")
fig.tight_layout()
plt.show()
assert np.array_equal(out_dark_light, -out)
assert np.array_equal(np.abs(out_dark_light), out)

# %% [markdown]
# ## 3. Edge filters on real photos
#
# The horizontal-edge kernel is the vertical one turned on its side,
# $\begin{bmatrix} 1 & 1 & 1 \\ 0 & 0 & 0 \\ -1 & -1 & -1 \end{bmatrix}$: bright above and
# dark below gives a positive output. Computer-vision researchers also proposed other
# numbers for the same job. The **Sobel** filter
# $\begin{bmatrix} 1 & 0 & -1 \\ 2 & 0 & -2 \\ 1 & 0 & -1 \end{bmatrix}$ puts twice the
# weight on the centre row, which makes it a little more robust to noise; the **Scharr**
# filter $\begin{bmatrix} 3 & 0 & -3 \\ 10 & 0 & -10 \\ 3 & 0 & -3 \end{bmatrix}$ weighs the
# centre even more. `edges.KERNELS` holds all of them (and their horizontal transposes).
#
# Here are real photos from scikit-image (shrunk to at most 128 pixels a side, grey
# values from 0 to 1) through each kernel. We show $|\text{output}|$, so bright means
# "a strong edge of this orientation".

# %%
photo = edges.load_photo("camera", max_side=128)
names = ["vertical", "horizontal", "sobel vertical", "scharr vertical"]
maps = {name: edges.conv2d(photo, edges.KERNELS[name]) for name in names}
fig, axes = plt.subplots(1, 5, figsize=(9.6, 2.6))
axes[0].imshow(photo, cmap="gray")
axes[0].set_title(f"camera {photo.shape[0]}x{photo.shape[1]}", fontsize=9)
for ax, name in zip(axes[1:], names):
    ax.imshow(np.abs(maps[name]), cmap="gray")
    ax.set_title(f"|{name}|", fontsize=9)
for ax in axes:
    ax.axis("off")
fig.tight_layout()
plt.show()

# The horizontal kernel is the vertical one transposed, so it sees the transposed photo's
# vertical edges: conv(photo, K_h) = conv(photo.T, K_v).T exactly.
assert np.allclose(
    edges.conv2d(photo, edges.KERNELS["horizontal"]),
    edges.conv2d(photo.T, edges.KERNELS["vertical"]).T,
)
strength = {name: np.abs(m).mean() for name, m in maps.items()}
print_values("mean |output|", strength, "{:.3f}")
assert strength["vertical"] < strength["sobel vertical"] < strength["scharr vertical"]

# %% [markdown]
# The vertical filters light up the tripod legs and the coat's outline; the horizontal
# one the horizon and the shoulders. Sobel and Scharr find the same edges with larger
# numbers (their weights add up to more). Try it yourself: pick a photo and a kernel,
# switch on the absolute value, and see what the sign means on real edges (red: bright
# on the left, or above; blue: the other way). The "flip" box is for section 7.

# %%
picker = filter_picker_dashboard(photo="camera", kernel="vertical")
picker

# %% [markdown]
# ## 4. Output size: valid convolutions, padding, stride
#
# **Valid convolution.** A window of $f$ pixels fits in $n$ pixels at $n - f + 1$
# positions (start 0, 1, ..., $n - f$), so an $n \times n$ image and an $f \times f$
# filter give an $(n - f + 1) \times (n - f + 1)$ output: $6 - 3 + 1 = 4$ above.
#
# > **Common mistake.** Some notes give the size as $m - 2f + 1$. That would make the
# > 6 x 6 example $6 - 6 + 1 = 1$ pixel wide; it is $n - f + 1 = 4$.
#
# Two problems come with it: the image **shrinks** at every layer (a hundred layers of
# 3 x 3 would eat 200 pixels), and pixels near the border are **used less**. The maps
# below count, for each input pixel, how many windows include it.

# %%
valid = edges.pixel_use_counts(6, 3)
padded = edges.pixel_use_counts(6, 3, pad=1)
fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.6))
show_matrix(axes[0], valid, "p = 0: windows using each pixel", cmap="Greens")
show_matrix(axes[1], padded, "p = 1: the border is used more", cmap="Greens")
fig.tight_layout()
plt.show()
print(f"p = 0: corner used {valid[0, 0]} time(s), centre {valid[2, 2]};  "
      f"p = 1: corner {padded[0, 0]}, centre {padded[2, 2]}")  # fmt: skip
assert valid[0, 0] == 1 and valid[2, 2] == 9 and padded[0, 0] == 4

# %% [markdown]
# **Padding.** Add $p$ rows and columns of zeros on every side before convolving. The
# padded image is $n + 2p$ wide, so the output is $n + 2p - f + 1$. Two names are common:
#
# - **valid**: no padding ($p = 0$): output $n - f + 1$;
# - **same**: the output is as large as the input: $n + 2p - f + 1 = n$ gives
#   $p = \frac{f - 1}{2}$.
#
# "Same" needs an odd $f$, or the zeros would not split evenly between the two sides;
# an odd filter also has a centre pixel, which is convenient for saying *where* it is.
# That is why filters are almost always $1 \times 1$, $3 \times 3$, $5 \times 5$ or
# $7 \times 7$.

# %%
same = {f: edges.same_padding(f) for f in (1, 3, 5, 7)}
print("same padding: " + ", ".join(f"f = {f} -> p = {p}" for f, p in same.items()))
for f, p in same.items():
    kernel = np.ones((f, f))
    assert edges.conv2d(photo, kernel, pad=p).shape == photo.shape
try:
    edges.same_padding(4)
except ValueError as err:
    print(textwrap.fill(f"f = 4 raises ValueError: {err}", 96))

# %% [markdown]
# **Stride.** With stride $s$ the window jumps $s$ pixels at a time. It must lie fully
# inside the padded image, so only whole jumps count, and the output size (height and
# width alike) is
#
# $$n_{\text{out}} = \left\lfloor \frac{n + 2p - f}{s} \right\rfloor + 1.$$
#
# The lecture's example: $n = 7$, $f = 3$, $p = 0$, $s = 2$ gives
# $\lfloor 4/2 \rfloor + 1 = 3$. With $n = 8$ instead, $\lfloor 5/2 \rfloor + 1 = 3$
# too: the last column is never reached by a window. `cv.conv_output_size` is the
# course's formula, and `conv2d` agrees with it:

# %%
settings = [(6, 3, 0, 1), (7, 3, 0, 2), (8, 3, 0, 2), (7, 3, 1, 2), (6, 5, 2, 1), (32, 5, 0, 3)]
rng = np.random.default_rng(0)
for n, f, p, s in settings:
    size = cv.conv_output_size(n, f, p, s)
    result = edges.conv2d(rng.standard_normal((n, n)), rng.standard_normal((f, f)), s, p)
    print(f"n={n:2d} f={f} p={p} s={s}: floor(({n} + {2 * p} - {f})/{s}) + 1 = {size}")
    assert result.shape == (size, size)
assert cv.conv_output_size(7, 3, 0, 2) == 3 and cv.conv_output_size(8, 3, 0, 2) == 3

# %% [markdown]
# ### Your turn: write `conv_output_size`
# Return $\lfloor (n + 2p - f)/s \rfloor + 1$ as an integer. Classic slips: forgetting
# the floor (3.5 positions), rounding up, forgetting the $+1$, and counting the padding
# once ($n + p$) instead of on both sides.


# %%
def conv_output_size(n, f, pad=0, stride=1):
    """n, f, pad, stride: integers -> the output height (or width), an integer."""
    # YOUR CODE HERE (1 line)
    raise NotImplementedError


check_conv_output_size(conv_output_size)

# %% [markdown]
# The dashboard draws it: the input in blue inside its grey zero padding, the window at
# its first positions and its last one, and the matching cells of the output on the
# right. Try $f = 5$ with $p = 2$ (same), a stride that does not divide $n + 2p - f$, and
# a filter larger than the padded image.

# %%
sizes_dash = output_size_dashboard(n=7, f=3, pad=0, stride=2)
sizes_dash

# %% [markdown]
# ## 5. Your turn: write `conv2d`
#
# Write the convolution of one grey image with one $f \times f$ kernel, with stride and
# padding:
#
# 1. pad: `image_pad = np.pad(image, pad)` adds `pad` zeros on every side;
# 2. the output is $n_H \times n_W$ with
#    $n_H = \lfloor (n_{H,\text{prev}} + 2p - f)/s \rfloor + 1$ (and the same for $n_W$);
# 3. for every output position $(h, w)$ take the window starting at row $h s$ and
#    column $w s$, `image_pad[h*s : h*s + f, w*s : w*s + f]`, and store
#    `np.sum(window * kernel)`.
#
# Do not flip the kernel. Classic slips: flipping it anyway, an output one pixel short
# ($n - f$), windows that start at $h$ instead of $h s$ (or grow with the stride), and
# forgetting the padding.


# %%
def conv2d(image, kernel, stride=1, pad=0):
    """image (n_H_prev, n_W_prev), kernel (f, f) -> output (n_H, n_W)."""
    # YOUR CODE HERE (about 10 lines)
    raise NotImplementedError


check_conv2d(conv2d)

# %% [markdown]
# ## 6. Learning an edge filter from data
#
# Sobel, Scharr and the others were designed by hand. Deep learning treats the nine
# numbers of a $3 \times 3$ filter as parameters and learns them by backpropagation:
# whatever edge (or other pattern) helps the task, at whatever angle. To see that it
# works, we make the task "reproduce the Sobel filter's output". The data are crops of
# real photos, normalised to mean 0 and variance 1 (as in Course 2, it makes gradient
# descent converge faster). The targets are $y = x * K_{\text{Sobel}}$, the model is
# $\hat y = x * K$ with $K$ starting from small random numbers, and the cost is the
# mean squared error over every output pixel,
#
# $$J(K) = \frac{1}{N} \sum (\hat y - y)^2, \qquad
#   \frac{\partial J}{\partial K} = \frac{2}{N} \sum_{\text{images}} x * (\hat y - y),$$
#
# a convolution again: the image correlated with the error map. `edges.learn_edge_kernel`
# runs $K := K - \alpha \, \partial J / \partial K$ with the conv layer's own backward pass.

# %%
size = budget.pick(ci=32, full=48)
steps = budget.pick(ci=150, full=400)
sobel = edges.KERNELS["sobel vertical"]
textured = edges.photo_patches(["gravel", "grass"], size=size, per_photo=2, seed=0)
smooth = edges.photo_patches(["camera", "coins"], size=size, per_photo=2, seed=0)
runs = {
    "gravel + grass": edges.learn_edge_kernel(textured, sobel, 0.1, steps, seed=0),
    "camera + coins": edges.learn_edge_kernel(smooth, sobel, 0.1, steps, seed=0),
}
errors = {name: np.abs(run["kernel"] - sobel).max() for name, run in runs.items()}
print(f"{len(textured)} crops of {size}x{size} per data set, {steps} steps of alpha = 0.1")
print_values("largest |K - K_sobel| at the end", errors, "{:.1e}")
print("learned on gravel + grass:\n", np.round(runs["gravel + grass"]["kernel"], 4) + 0.0)
assert errors["gravel + grass"] < 1e-3
assert runs["gravel + grass"]["costs"][-1] < 1e-4 * runs["gravel + grass"]["costs"][0]

# %%
history = runs["gravel + grass"]["kernels"]
snapshots = [0, 5, 20, steps]
fig = plt.figure(figsize=(9.6, 5.4))
grid = fig.add_gridspec(2, len(snapshots) + 1, height_ratios=[1, 1.1])
for k, step in enumerate(snapshots):
    show_matrix(fig.add_subplot(grid[0, k]), history[step], f"step {step}", "{:.2f}", fontsize=8)
show_matrix(fig.add_subplot(grid[0, -1]), sobel, "Sobel (target)", fontsize=8)
ax = fig.add_subplot(grid[1, :])
for name, run in runs.items():
    label = f"{name} (condition number {run['condition_number']:.0f})"
    ax.semilogy(run["costs"], label=label)
ax.set_xlabel("gradient-descent step")
ax.set_ylabel("cost J (mean squared error)")
ax.legend()
fig.suptitle("A 3 x 3 kernel learned from photos turns into the Sobel filter")
fig.tight_layout()
plt.show()
assert errors["camera + coins"] > errors["gravel + grass"]
assert runs["camera + coins"]["condition_number"] > runs["gravel + grass"]["condition_number"]

# %% [markdown]
# On the textured photos (gravel, grass) the kernel lands on Sobel's numbers (the
# printed error above). On the smooth photos (camera, coins) it gets there more slowly:
# neighbouring pixels of a smooth photo are nearly equal, so some combinations of the
# nine numbers barely change the output, and the cost surface is an elongated bowl. Its
# condition number, the ratio of the largest to the smallest curvature, is in the legend:
# the larger it is, the slower the slowest direction. It is the same effect as
# un-normalised inputs in Course 2, and momentum or Adam would help. In a real network the
# target is not a known filter but whatever lowers the task's cost; the filters learned
# by the first layer of an image network do look like edge and colour detectors.

# %%
print(
    f"gravel + grass reached {errors['gravel + grass']:.0e}, camera + coins "
    f"{errors['camera + coins']:.0e} (condition numbers "
    f"{runs['gravel + grass']['condition_number']:.0f} and "
    f"{runs['camera + coins']['condition_number']:.0f})"
)

# %% [markdown]
# ## 7. Cross-correlation and true convolution
#
# In signal processing and mathematics, a convolution first **flips** the filter across
# its horizontal *and* vertical axes, a rotation by 180 degrees, and then slides it. The
# lecture's example:
#
# $$\begin{bmatrix} 3 & 4 & 5 \\ 1 & 0 & 2 \\ -1 & 9 & 7 \end{bmatrix} \;\to\;
#   \begin{bmatrix} 7 & 9 & -1 \\ 2 & 0 & 1 \\ 5 & 4 & 3 \end{bmatrix}$$
#
# > **Common mistake.** Some notes say the flip is "across the horizontal and the
# > diagonal". That is a different matrix (below); the lecture's matrix is the
# > 180-degree rotation, the flip across both axes.

# %%
A3 = np.array([[3, 4, 5], [1, 0, 2], [-1, 9, 7]])
flipped = edges.flip_kernel(A3)
print("flip_kernel(A3) =\n", flipped)
assert np.array_equal(flipped, [[7, 9, -1], [2, 0, 1], [5, 4, 3]])
assert np.array_equal(flipped, np.rot90(A3, 2))  # 180 degrees
horizontal_then_diagonal = A3[::-1, :].T  # up-down flip, then across the diagonal
print("horizontal + diagonal flip would give\n", horizontal_then_diagonal)
assert not np.array_equal(horizontal_then_diagonal, flipped)

# %% [markdown]
# What the flip buys is **associativity**: with true convolution $*$,
# $(A * B) * C = A * (B * C)$, so two filters in a row can be merged into one. (This
# holds for "full" convolutions, which pad by $f - 1$ so no product is cut off.) The
# deep-learning operation (no flip, strictly a *cross-correlation*) does not have it:

# %%
rng = np.random.default_rng(3)
A, B, C = rng.standard_normal((8, 8)), rng.standard_normal((3, 3)), rng.standard_normal((3, 3))
gaps = {
    "true convolution": edges.associativity_gap(A, B, C, flip=True),
    "cross-correlation": edges.associativity_gap(A, B, C, flip=False),
}
print_values("max |(A*B)*C - A*(B*C)|", gaps, "{:.1e}")
assert gaps["true convolution"] < 1e-12 < 1e-1 < gaps["cross-correlation"]

# %% [markdown]
# Neural networks do not need associativity, and a learned filter does not care which
# way round it is stored: flipping it just relabels its numbers, and gradient descent
# would learn the flipped numbers instead. So deep-learning code, TensorFlow's
# `tf.nn.conv2d` included, skips the flip and still calls the result a convolution. For
# an edge kernel the flip only reverses the sign (the flipped vertical kernel is $-K$),
# which you can see with the dashboard's "flip" box.

# %%
true_out = edges.convolve2d_true(image, K)
print("true convolution of the 6 x 6 example:\n", true_out)
assert np.array_equal(edges.flip_kernel(K), -K) and np.array_equal(true_out, -out)

# %% [markdown]
# ## 8. Why convolutions work
#
# Compared with a fully connected layer, a convolutional layer has:
#
# - **sparse interactions**: each output number depends on only $f \times f$ inputs (9
#   for a 3 x 3 filter), not on all of them; stacking layers widens what a deep unit sees
#   (its *receptive field*);
# - **parameter sharing**: the same 9 numbers are used at every position, because a
#   feature detector useful in one part of the image (an edge, an eye) is useful
#   everywhere;
# - **translation equivariance**: move the image, and the feature map moves the same way.
#
# The last one is exact, as the check below shows: shift the photo 7 pixels down and 11
# right, and the map is the old one shifted by the same amount (wherever the window does
# not reach the zeros that moved in). It is *not* equivariant to rotation or scale: a
# rotated photo needs a rotated filter.

# %%
dy, dx = 7, 11
V = edges.KERNELS["sobel vertical"]
moved = edges.shift_image(photo, dy, dx)
map_of_moved = edges.conv2d(moved, V)
moved_map = edges.shift_image(edges.conv2d(photo, V), dy, dx)
gap = np.abs(map_of_moved[dy:, dx:] - moved_map[dy:, dx:]).max()
n_out = map_of_moved.shape[0]
weights = {"conv (one 3x3 filter)": V.size, "fully connected": photo.size * n_out**2}
print(f"shift by ({dy}, {dx}): max |conv(shift(x)) - shift(conv(x))| = {gap:.1e}")
print_values("weights to map the photo to its edge map", weights, "{:,}")
assert gap < 1e-12

rotated_gap = np.abs(edges.conv2d(np.rot90(photo), V) - np.rot90(edges.conv2d(photo, V))).max()
print(f"rotate by 90 degrees instead: the maps differ by up to {rotated_gap:.2f}")
assert rotated_gap > 0.5

fig, axes = plt.subplots(1, 3, figsize=(9.0, 3.2))
top = np.abs(map_of_moved).max()
axes[0].imshow(moved, cmap="gray")
axes[0].set_title(f"photo shifted by ({dy}, {dx})", fontsize=9)
axes[1].imshow(map_of_moved, cmap="RdBu_r", vmin=-top, vmax=top)
axes[1].set_title("conv(shifted photo): + the zeros' edge", fontsize=9)
axes[2].imshow(moved_map, cmap="RdBu_r", vmin=-top, vmax=top)
axes[2].set_title("shift(conv(photo)): the same", fontsize=9)
for ax in axes:
    ax.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 9. Summary
#
# - A fully connected first layer on a $1000 \times 1000 \times 3$ photo needs
#   3 billion weights with 1000 units (300 million with 100); a conv layer's weights do
#   not grow with the image.
# - A convolution slides an $f \times f$ filter over the image, multiplying and summing:
#   the lecture's 6 x 6 step image gives a 4 x 4 map with a band of 30s, $-30$s for a
#   dark-to-light edge; $|\cdot|$ drops the direction.
# - Vertical, horizontal, Sobel and Scharr filters are hand-made edge detectors; a
#   network learns its own, and gradient descent recovers Sobel's numbers from photos.
# - Output size $\lfloor (n + 2p - f)/s \rfloor + 1$: valid ($p = 0$, $n - f + 1$), same
#   ($p = (f-1)/2$, $f$ odd); padding also lets border pixels count.
# - True convolution flips the filter by 180 degrees, which makes it associative; deep
#   learning skips the flip (a cross-correlation) and loses nothing.
# - Convolutions are sparse, share their weights, and are translation equivariant.
