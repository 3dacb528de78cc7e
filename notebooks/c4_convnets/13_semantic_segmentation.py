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
# # Semantic segmentation: transpose convolutions and the U-Net
#
# *Course 4 (Convolutional Neural Networks), week 3. Curriculum items C4.87-C4.90.*
#
# A detector draws a box around each object. **Semantic segmentation** goes further: it gives
# *every pixel* a class, so the output is an image of labels as large as the input. A
# convolutional network shrinks its volumes as it goes deeper; to come back to the input's size
# it needs a layer that makes volumes *larger*: the **transpose convolution**. In this lesson
# you will:
#
# 1. see what a segmentation label is, on the shape scenes;
# 2. compute a transpose convolution by hand, one paste at a time, and write it yourself;
# 3. check its backward pass and compare it with Keras's `Conv2DTranspose`;
# 4. build a fully convolutional network that works on any input size;
# 5. build the course's U-Net and count its parameters;
# 6. train a small U-Net on the scenes and measure it with pixel accuracy and mean IoU.
#
# Code: `course_lib/c4_convnets/segmentation.py` (NumPy: the transpose convolution, the
# metrics), `segmentation_tf.py` (Keras: the twin, the FCN and the course's U-Net),
# `segmentation_checks.py`, `scenes.py` (the data).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Semantic segmentation", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from course_lib.c4_convnets import segmentation as sg
from course_lib.c4_convnets import segmentation_tf as st
from course_lib.c4_convnets.scenes import SHAPE_CLASSES, make_shape_scenes
from course_lib.c4_convnets.segmentation_checks import check_conv_transpose_forward
from course_lib.gradient_check import check_backward
from course_lib.lesson import print_values, progress_bar

CLASS_NAMES = ("background", *SHAPE_CLASSES)
N_CLASSES = len(CLASS_NAMES)
MASK_CMAP = ListedColormap(["#f1f3f5", "#2f9e44", "#1971c2", "#c2255c"])
train = make_shape_scenes(budget.pick(ci=160, full=600), size=64, seed=5)
test = make_shape_scenes(budget.pick(ci=60, full=200), size=64, seed=6)


def show_mask(ax, mask, title):
    ax.imshow(mask, cmap=MASK_CMAP, vmin=0, vmax=N_CLASSES - 1, interpolation="nearest")
    ax.set_title(title, fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])


# %% [markdown]
# ## 1. Semantic segmentation
#
# For an image of $n_H \times n_W$ pixels, the label is a **mask** $y$ of the same size whose
# entry $y_{ij} \in \{0, 1, \dots, C - 1\}$ is the class of pixel $(i, j)$. Here class 0 is
# the background and classes 1, 2, 3 are the circle, the rectangle and the triangle, so
# $C = 4$. A segmentation network outputs $C$ scores per pixel, a volume
# $n_H \times n_W \times C$, and the predicted class of a pixel is its largest score. Two
# circles get the same label: *semantic* segmentation does not tell objects of one class
# apart (that is *instance* segmentation).

# %%
fig, axes = plt.subplots(2, 5, figsize=(10.0, 4.3))
for i in range(5):
    axes[0, i].imshow(train["images"][i])
    axes[0, i].set_xticks([])
    axes[0, i].set_yticks([])
    axes[0, i].set_title(f"scene {i}", fontsize=9)
    show_mask(axes[1, i], train["masks"][i], "its mask")
handles = [plt.Rectangle((0, 0), 1, 1, color=MASK_CMAP(c)) for c in range(N_CLASSES)]
fig.legend(handles, CLASS_NAMES, loc="lower center", ncol=N_CLASSES, fontsize=9)
fig.tight_layout(rect=(0, 0.07, 1, 1))
plt.show()
shares = np.bincount(train["masks"].ravel(), minlength=N_CLASSES) / train["masks"].size
print_values("share of the training pixels", dict(zip(CLASS_NAMES, shares)), "{:.3f}")

# %% [markdown]
# Most pixels are background. A network that answers "background" everywhere is therefore
# right about a fraction `shares[0]` of the pixels (printed above) while finding no object
# at all: keep that number in mind when we measure the U-Net in section 6.

# %% [markdown]
# ## 2. Transpose convolution
#
# A convolution with stride $s$ maps an $n \times n$ input to a smaller output. A **transpose
# convolution** goes the other way. With an input $a$ of size $n_{\text{prev}} \times
# n_{\text{prev}}$ (one channel), an $f \times f$ filter $w$, stride $s$ and padding $p$:
#
# 1. for every input position $(i, j)$, multiply the *whole filter* by the single value
#    $a_{ij}$ and **paste** the product onto the output with its top-left corner at
#    $(s\,i,\ s\,j)$;
# 2. where pastes overlap (when $f > s$), **add** them;
# 3. **crop** $p$ rows and columns from every side.
#
# The pasted area has side $(n_{\text{prev}} - 1)s + f$, so the output has side
#
# $$n = (n_{\text{prev}} - 1)\,s + f - 2p.$$
#
# With channels, input position $(i, j)$ holds a vector of $n_{C,\text{prev}}$ values; for
# output channel $k$ the paste is $\sum_{c} a_{ijc}\, W_{:,:,c,k}$, and the bias $b_k$ is added
# to every output entry. Our filters are stored as $(f, f, n_{C,\text{prev}}, n_C)$, the layout
# of `conv_forward` in lesson 2, so a filter reads the same in both layers. Keras's
# `Conv2DTranspose` stores its kernel the other way round, $(f, f, n_C, n_{C,\text{prev}})$,
# because it is built as the backward pass of a convolution from $n_C$ to $n_{C,\text{prev}}$
# channels (section 3 swaps the last two axes when copying weights).
#
# **The lecture's example**: a $2 \times 2$ input, a $3 \times 3$ filter, $s = 2$, $p = 1$.
# `sg.conv_transpose_steps` does the pastes one at a time.

# %%
a = np.array([[2.0, 1.0], [3.0, 2.0]])
w = np.array([[1.0, 2.0, 1.0], [2.0, 0.0, 1.0], [0.0, 2.0, 1.0]])
steps = sg.conv_transpose_steps(a, w, stride=2, pad=1)
full = steps["full"]
fig, axes = plt.subplots(1, 5, figsize=(10.4, 2.6))
for ax, ((i, j), canvas) in zip(axes, steps["pastes"]):
    ax.imshow(canvas, cmap="Blues", vmin=0, vmax=full.max())
    for (r, c), v in np.ndenumerate(canvas):
        ax.text(c, r, f"{v:.0f}", ha="center", va="center", fontsize=8)
    ax.add_patch(plt.Rectangle((2 * j - 0.5, 2 * i - 0.5), 3, 3, fill=False, ec="#e8590c", lw=2))
    ax.set_title(f"+ a[{i},{j}] = {a[i, j]:.0f} times w", fontsize=9)
ax = axes[4]
ax.imshow(full, cmap="Blues", vmin=0, vmax=full.max())
for (r, c), v in np.ndenumerate(full):
    ax.text(c, r, f"{v:.0f}", ha="center", va="center", fontsize=8)
ax.add_patch(plt.Rectangle((0.5, 0.5), 3, 3, fill=False, ec="black", lw=2, ls="--"))
ax.set_title("crop p = 1 on every side", fontsize=9)
for ax in axes:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()
n_full, n_out = full.shape[0], steps["output"].shape[0]
print(f"pasted area: (2 - 1) * 2 + 3 = {n_full}; output: {n_full} - 2 * 1 = {n_out}")
print("output (p = 1 cropped on every side):\n", steps["output"])
assert n_full == 5 and n_out == sg.conv_transpose_output_size(2, 3, pad=1, stride=2) == 3
assert full[2, 2] == a[0, 0] * w[2, 2] + a[0, 1] * w[2, 0] + a[1, 0] * w[0, 2] + a[1, 1] * w[0, 0]
np.testing.assert_array_equal(steps["output"], full[1:4, 1:4])

# %% [markdown]
# The centre entry of the pasted area, row 2 and column 2, is covered by all four pastes
# (filter corner $w_{22}$ from $a_{00}$, $w_{20}$ from $a_{01}$, $w_{02}$ from $a_{10}$ and
# $w_{00}$ from $a_{11}$): that is the sum of step 2.
#
# **Where the lecture's $4 \times 4$ comes from.** The formula gives a $3 \times 3$ output
# here, yet the lecture's picture is $4 \times 4$. The picture pads the output with $p = 1$
# all round and starts the first paste in the padding's corner; the pastes then never reach
# the last padding row and column, so only the top and left padding is actually cropped:
# the output is the pasted area minus its first row and column. Keras's
# `Conv2DTranspose(padding="same")` also gives $4 \times 4$ (it always gives
# $n_{\text{prev}} \cdot s$), but crops the other side: it keeps the first rows and drops the
# last one. Three honest answers, then, to "what does this layer output": the formula with
# $p$ cropped on both sides (3 x 3), the lecture's one-sided crop (4 x 4), and Keras's
# "same" (4 x 4, different numbers).

# %%
keras_same = st.conv_transpose_keras(
    a.reshape(1, 2, 2, 1), w.reshape(3, 3, 1, 1), np.zeros((1, 1, 1, 1)), 2, "same"
)[0, :, :, 0]
lecture = full[1:, 1:]  # crop p = 1 at the top and left only
versions = {"formula, p = 1 on both sides": steps["output"], "lecture: top/left crop": lecture,
            'Keras padding="same"': keras_same}  # fmt: skip
for name, out in versions.items():
    print(f"{name} ({out.shape[0]} x {out.shape[1]}):\n{out}")
assert lecture.shape == keras_same.shape == (4, 4)
np.testing.assert_allclose(keras_same, full[:4, :4])  # Keras crops the bottom/right
assert not np.allclose(lecture, keras_same)

# %% [markdown]
# ### Your turn: write `conv_transpose_forward`
# Write the layer for volumes: `A_prev` (m, n_H_prev, n_W_prev, n_C_prev), `W` (f, f,
# n_C_prev, n_C), `b` (1, 1, 1, n_C), `hparameters` {"stride": s, "pad": p}; return
# `(Z, cache)` with `cache = (A_prev, W, b, hparameters)`. Start from a zero volume of side
# $(n_{\text{prev}} - 1)s + f$, loop over the input positions $(h, w)$ and add the paste
# $\sum_c$ `A_prev[i, h, w, c] * W[:, :, c, k]` at rows `h * s` to `h * s + f`. Classic slips:
# overwriting where the pastes overlap instead of adding, forgetting to crop $p$ from every
# side, and ignoring the stride.


# %%
def conv_transpose_forward(A_prev, W, b, hparameters):
    """A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C) -> (Z, cache)."""
    stride, pad = hparameters["stride"], hparameters["pad"]  # noqa: F841 (your turn)
    # YOUR CODE HERE (about 12 lines: the zero volume, the loops and pastes, the crop, + b)
    raise NotImplementedError


check_conv_transpose_forward(conv_transpose_forward)

# %% [markdown]
# ## 3. Backward pass and the Keras twin
#
# Every output entry is a sum of products $a_{ijc} W_{abck}$, so the gradients follow the
# pastes backwards. With $dZ$ padded back with zeros by $p$ (the cropped border received no
# gradient):
#
# $$dA_{ijc} = \sum_{a, b, k} dZ^{\text{full}}_{s i + a,\ s j + b,\ k}\, W_{abck}, \qquad
#   dW_{abck} = \sum_{m, i, j} a_{ijc}\, dZ^{\text{full}}_{s i + a,\ s j + b,\ k}, \qquad
#   db_k = \sum dZ_{\dots k}.$$
#
# Reading $dA$: each input value collects, through the filter, the gradient of the patch it
# was pasted onto; that is an ordinary convolution of $dZ^{\text{full}}$ with stride $s$.
# (This is why the layer is called a *transpose* convolution: its forward pass is the
# backward pass of a convolution.) `sg.conv_transpose_backward` computes these; the gradient
# check compares them with centred differences.

# %%
rng = np.random.default_rng(3)
hp = {"stride": 2, "pad": 1}
inputs = {
    "A_prev": rng.standard_normal((2, 3, 3, 2)),
    "W": rng.standard_normal((3, 3, 2, 4)),
    "b": rng.standard_normal((1, 1, 1, 4)),
}
errors = check_backward(
    lambda A_prev, W, b: sg.conv_transpose_forward(A_prev, W, b, hp),
    lambda dZ, cache: sg.conv_transpose_backward(dZ, cache),
    inputs,
    ["A_prev", "W", "b"],
)
print_values("gradient check, relative error", errors, "{:.1e}")
assert max(errors.values()) < 1e-7, errors

# %% [markdown]
# **The Keras twin.** `keras.layers.Conv2DTranspose(n_C, f, strides=s, padding="valid")`
# outputs the whole pasted area, $(n_{\text{prev}} - 1)s + f$ (when $f \ge s$); cropping $p$
# from every side gives our layer. `padding="same"` gives $n_{\text{prev}} \cdot s$: it crops
# $f - s$ in all, $\lfloor (f - s)/2 \rfloor$ at the top and left and the rest at the bottom and
# right, so for even $f - s$ it equals our layer with $p = (f - s)/2$. Below, the same weights
# (our $W$ with its last two axes swapped) in both, in float64.

# %%
A_prev, W, b = inputs["A_prev"], inputs["W"], inputs["b"]
Z, cache = sg.conv_transpose_forward(A_prev, W, b, hp)
Z_keras = st.conv_transpose_forward(A_prev, W, b, hp)  # Conv2DTranspose("valid"), then crop
dZ = rng.standard_normal(Z.shape)
ours, theirs = sg.conv_transpose_backward(dZ, cache), st.conv_transpose_backward(dZ, cache)
gaps = {"Z": np.abs(Z - Z_keras).max()}
gaps.update({k: np.abs(ours[k] - theirs[k]).max() for k in ours})
full_Z, _ = sg.conv_transpose_forward(A_prev, W, b, {"stride": 2, "pad": 0})
same = st.conv_transpose_keras(A_prev, W, b, 2, "same")
gaps['"same" vs crop 0 top, 1 bottom'] = np.abs(same - full_Z[:, :6, :6]).max()
print(f"Z: {Z.shape}; Keras 'same': {same.shape} (= 3 * 2 = n_prev * s)")
print_values("largest |NumPy - Keras|", gaps, "{:.1e}")
assert Z.shape == (2, 5, 5, 4) and same.shape == (2, 6, 6, 4)
assert max(gaps.values()) < 1e-10, gaps

# %% [markdown]
# ## 4. Fully convolutional networks
#
# A classification network ends with dense layers, which fix the input size. A **fully
# convolutional network** (FCN) has only convolutions (a $1 \times 1$ convolution plays the
# part of a dense layer at every position), so it accepts any input size and outputs a map of
# scores instead of one vector. For segmentation the FCN shrinks the image to a coarse map of
# class scores and upsamples that map back to the input's size with a transpose convolution.
#
# `st.fcn_model` is a tiny one: two CONV 3x3 layers of stride 2 (the map is $1/4$ of the
# input's side), a $1 \times 1$ convolution to $C = 4$ scores per coarse position, and one
# transpose convolution ($f = 8$, $s = 4$, "same") back to full size. The same network, with
# the same weights, runs on a $64 \times 64$ image and on a $48 \times 96$ one:

# %%
keras.utils.set_random_seed(0)
fcn = st.fcn_model(n_classes=N_CLASSES, n_filters=8)
for shape in ((1, 64, 64, 3), (1, 48, 96, 3)):
    out = fcn(np.zeros(shape, np.float32))
    print(f"input {shape[1:3]} -> scores {tuple(out.shape[1:])}")
    assert tuple(out.shape) == (*shape[:3], N_CLASSES)
EPOCHS, BATCH, LEARNING_RATE = budget.pick(ci=8, full=15), 4, 2e-3  # for the FCN and the U-Net
fcn_losses = st.train_segmenter(
    fcn, train["images"], train["masks"], EPOCHS, BATCH, LEARNING_RATE, seed=0
)
fcn_pred = st.predict_masks(fcn, test["images"])
fcn_scores = {
    "pixel accuracy": sg.pixel_accuracy(test["masks"], fcn_pred),
    "mean IoU": sg.mean_iou(test["masks"], fcn_pred, N_CLASSES),
}
print(
    f"FCN with {fcn.count_params()} parameters, {len(train['images'])} scenes, {EPOCHS} epochs "
    f"(Adam, batches of {BATCH}); loss {fcn_losses[0]:.3f} -> {fcn_losses[-1]:.3f}"
)
print(f"on the {len(test['images'])} test scenes:")
print_values("FCN", fcn_scores, "{:.3f}")

# %% [markdown]
# The coarse map has one position per $4 \times 4$ block of pixels, and the upsampling has only
# that map to work from: the FCN learns where colour is (an object) but its masks are blurred
# at the edges, and it has little to tell the three shapes apart. Its scores are compared
# with the U-Net's in section 6.

# %% [markdown]
# ## 5. U-Net
#
# The **U-Net** fixes the FCN's coarseness with skip connections. Its left half (the
# *contracting* path) is a stack of `conv_block`s: two CONV 3x3 "same" + ReLU, then max
# pooling, which halves $n_H$ and $n_W$ while the number of filters doubles. Its right half
# (the *expanding* path) is a stack of `upsampling_block`s: a transpose convolution 3x3 with
# stride 2 doubles $n_H$ and $n_W$, its output is **concatenated** (on the channel axis) with
# the activation of the same size from the left half, and two CONV 3x3 follow. The left half
# knows *what* is in the image (deep, coarse features); the skip connections bring back
# *where* (fine, early features). A final $1 \times 1$ convolution gives $C$ scores per
# pixel.
#
# The course's `unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23)` has 4 down
# blocks (32, 64, 128, 256 filters), a bottleneck of 512, 4 up blocks and the head. We build
# it and count its parameters, and count them again by hand with `sg.unet_param_count`
# (each CONV has $f^2 \, n_{C,\text{prev}} \, n_C + n_C$ parameters).

# %%
course_unet = st.unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23)
by_hand = sg.unet_param_count((96, 128, 3), n_filters=32, n_classes=23)
print(f"the course's U-Net: {course_unet.count_params():,} parameters")
print_values("  by block", {f"down {i + 1}": n for i, n in enumerate(by_hand["down"])}, "{:,}")
print_values("  by block", {"bottleneck": by_hand["bottleneck"], "head": by_hand["head"]}, "{:,}")
print_values("  by block", {f"up {i + 1}": n for i, n in enumerate(by_hand["up"])}, "{:,}")
print(f"output shape: {course_unet.output_shape}")
assert course_unet.count_params() == by_hand["total"] == 8_640_471
assert course_unet.output_shape == (None, 96, 128, 23)
del course_unet

# %% [markdown]
# The deepest blocks hold most of the parameters: the bottleneck's two CONV layers of 512
# filters alone have `by_hand["bottleneck"]` of them (printed above).
#
# For the shape scenes a much smaller U-Net is enough: 3 levels instead of 4 and 8 filters at
# the first level (8, 16, 32, and 64 at the bottleneck), on $64 \times 64$ inputs, trained
# with Adam on the sparse categorical cross-entropy of the logits,
# $\mathcal{L} = -\frac{1}{m\, n_H n_W}\sum \log \mathrm{softmax}(z_{ij})_{y_{ij}}$ (the
# mask's class indices are the labels; no one-hot volume needed).

# %%
keras.utils.set_random_seed(3)  # the starting weights
unet = st.unet_model(input_size=(64, 64, 3), n_filters=8, n_classes=N_CLASSES, n_levels=3)
unet_losses = st.train_segmenter(
    unet,
    train["images"],
    train["masks"],
    EPOCHS,
    BATCH,
    LEARNING_RATE,
    seed=0,
    progress=progress_bar("U-Net training"),
)
assert unet.count_params() == sg.unet_param_count((64, 64, 3), 8, N_CLASSES, 3)["total"]
print(
    f"small U-Net: {unet.count_params():,} parameters, {len(train['images'])} scenes, "
    f"{EPOCHS} epochs; loss {unet_losses[0]:.3f} -> {unet_losses[-1]:.3f}"
)
assert unet_losses[-1] < unet_losses[0]

# %% [markdown]
# ## 6. Measuring a segmentation
#
# **Pixel accuracy** is the fraction of pixels with the right class. Because the background
# dominates it, we also measure the **IoU of every class** $c$, with $T_c$ the true pixels of
# class $c$ and $P_c$ the pixels predicted as $c$:
#
# $$\mathrm{IoU}_c = \frac{|T_c \cap P_c|}{|T_c \cup P_c|}, \qquad
#   \text{mean IoU} = \frac{1}{C} \sum_{c} \mathrm{IoU}_c,$$
#
# the same IoU as for boxes, now on sets of pixels (a class absent from both masks is left out
# of the mean). Predicting background everywhere gets the background's share of the pixels as
# accuracy, but IoU 0 for every shape, so a mean IoU of at most $1/4$.

# %%
pred = st.predict_masks(unet, test["images"])
all_background = np.zeros_like(test["masks"])
unet_iou, _ = sg.class_iou(test["masks"], pred, N_CLASSES)
scores = {
    "all background": (
        sg.pixel_accuracy(test["masks"], all_background),
        sg.mean_iou(test["masks"], all_background, N_CLASSES),
    ),
    "FCN": (fcn_scores["pixel accuracy"], fcn_scores["mean IoU"]),
    "U-Net": (
        sg.pixel_accuracy(test["masks"], pred),
        sg.mean_iou(test["masks"], pred, N_CLASSES),
    ),
}
for name, (acc, miou) in scores.items():
    print(f"{name:15s}: pixel accuracy {acc:.3f}, mean IoU {miou:.3f}")
print_values("U-Net IoU per class", dict(zip(CLASS_NAMES, unet_iou)), "{:.3f}")
twin = (st.pixel_accuracy(test["masks"], pred), st.mean_iou(test["masks"], pred, N_CLASSES))
print(f"the same two numbers from keras.metrics: {twin[0]:.3f}, {twin[1]:.3f}")
assert np.allclose(twin, scores["U-Net"], atol=1e-6)
assert scores["all background"][1] <= 0.25
# bars below what 3 different starting weights reached in each run size
acc_bar, miou_bar = budget.pick(ci=(0.9, 0.4), full=(0.95, 0.8))
assert scores["U-Net"][0] >= acc_bar and scores["U-Net"][1] >= miou_bar, scores
assert scores["U-Net"][0] > scores["all background"][0] + 0.05
assert scores["U-Net"][1] > scores["all background"][1] + 0.15
assert scores["FCN"][1] < 0.6  # section 4: the FCN's shapes stay poorly separated
if not budget.is_ci:  # the full run trains long enough for the skips to pay off clearly
    assert scores["U-Net"][1] > scores["FCN"][1] + 0.2, scores
print(f"bars for this run size: pixel accuracy >= {acc_bar}, mean IoU >= {miou_bar}")

# %%
fig, axes = plt.subplots(3, 6, figsize=(10.4, 5.6))
for col in range(6):
    show_mask(axes[1, col], test["masks"][col], "true mask")
    show_mask(axes[2, col], pred[col], "U-Net")
    axes[0, col].imshow(test["images"][col])
    axes[0, col].set_xticks([])
    axes[0, col].set_yticks([])
    acc = np.mean(pred[col] == test["masks"][col])
    axes[0, col].set_title(f"test {col}: {100 * acc:.1f}% right", fontsize=9)
fig.legend(handles, CLASS_NAMES, loc="lower center", ncol=N_CLASSES, fontsize=9)
fig.tight_layout(rect=(0, 0.05, 1, 1))
plt.show()

# %% [markdown]
# Where the U-Net still errs, look at the edges of the shapes and at the corners of the
# triangles and rectangles: those are the pixels where the classes meet. The quick run used
# by the tests trains on fewer scenes for fewer epochs than the full run; the bars asserted
# above are set for each run size from what it reaches.

# %% [markdown]
# ## Summary
#
# - Semantic segmentation gives every pixel a class; the label is a mask of class indices,
#   the network's output has $C$ scores per pixel.
# - A transpose convolution pastes every input value times the filter at stride offsets, adds
#   the overlaps and crops $p$ from every side: $n = (n_{\text{prev}} - 1)s + f - 2p$. The
#   lecture's $4 \times 4$ example crops one side only; Keras's "same" gives
#   $n_{\text{prev}} \cdot s$.
# - Its backward pass is a strided convolution of the gradient; Keras's `Conv2DTranspose`
#   agrees with the NumPy layer once its kernel's last two axes are swapped.
# - A fully convolutional network works on any input size; the U-Net adds skip connections
#   from its contracting path to its expanding path. The course's U-Net has 8,640,471
#   parameters.
# - Pixel accuracy flatters a model on a background-heavy image; the mean IoU over classes
#   does not.
