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
# # Sliding windows and their convolutional implementation
#
# *Course 4 (Convolutional Neural Networks), week 3. Curriculum items C4.65-C4.67.*
#
# A detector can be built from a classifier: train it on tightly cropped objects, then slide
# a window over a larger image and classify every crop. In this lesson you will:
#
# 1. train the course's small window classifier on crops of shapes and of background;
# 2. slide it over a scene with different window sizes and strides, and count the cost;
# 3. turn its FC layers into convolutions;
# 4. run the convolutional version once on a whole image and check that it gives exactly
#    the crops' answers, at a fraction of the cost.
#
# Code: `course_lib/c4_convnets/sliding_windows.py` (NumPy), `sliding_windows_tf.py` (Keras).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Sliding windows", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from course_lib.c4_convnets import sliding_windows as sw
from course_lib.c4_convnets import sliding_windows_tf as st
from course_lib.c4_convnets.scenes import make_shape_scenes
from course_lib.lesson import print_values

# %% [markdown]
# ## 1. A classifier of tight crops
#
# The course's example network reads a 14x14x3 crop: CONV 5x5 with 16 filters
# ($14 - 5 + 1 = 10$, so 10x10x16) $\to$ MAXPOOL 2x2, stride 2 (5x5x16) $\to$ FC 400 $\to$
# FC 400 $\to$ softmax over 4 classes. Our 4 classes are background, circle, rectangle and
# triangle. Training crops come from scenes: a square tightly around every shape, and random
# squares that overlap no shape much (IoU below 0.2) as background; all resized to 14x14.

# %%
SCENE = 48
M_SCENES = budget.pick(ci=300, full=1200)
EPOCHS = budget.pick(ci=10, full=20)
train = make_shape_scenes(M_SCENES, size=SCENE, seed=10)
X, y = sw.make_window_dataset(train["images"], train["boxes"], train["classes"], seed=0)
held = make_shape_scenes(100, size=SCENE, seed=11)
X_test, y_test = sw.make_window_dataset(held["images"], held["boxes"], held["classes"], seed=1)
params, history = st.train_window_net(X, y, epochs=EPOCHS)
accuracy = float(np.mean(sw.fc_net_forward(X_test, params).argmax(axis=1) == y_test))
print(f"{len(X)} training crops (classes {np.bincount(y).tolist()}), {EPOCHS} epochs")
print(f"accuracy on {len(X_test)} new crops: {accuracy:.1%}")
assert accuracy > 0.9

# %%
names = ("background", *train["class_names"])
fig, axes = plt.subplots(1, 8, figsize=(9.6, 1.7))
for ax, i in zip(axes, [*np.flatnonzero(y_test > 0)[:5], *np.flatnonzero(y_test == 0)[:3]]):
    ax.imshow(X_test[i].clip(0, 1))
    ax.set_title(names[y_test[i]], fontsize=8)
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. Sliding the window
#
# On a $n_H \times n_W$ image a window of side $w$ moved by stride $s$ takes
# $\left(\lfloor (n_H - w)/s \rfloor + 1\right) \times \left(\lfloor (n_W - w)/s \rfloor +
# 1\right)$ positions, and each crop goes through the whole network. Small strides localise
# better but cost many crops; large strides are cheap but can step over an object. Windows
# of several sizes catch objects of several sizes (each crop is resized to 14x14). Below:
# the probability "not background" of every window, for three settings.

# %%
scene = make_shape_scenes(1, size=SCENE, min_objects=2, max_objects=3, seed=5)
image = scene["images"][0].astype(np.float64)
settings = [(14, 2), (20, 4), (28, 8)]
fig, axes = plt.subplots(1, 4, figsize=(10.0, 2.8), layout="constrained")
axes[0].imshow(image)
axes[0].set_title("the scene", fontsize=9)
costs = {}
for ax, (w, s) in zip(axes[1:], settings):
    probs = sw.sliding_windows_predict(image, params, window=w, stride=s, batch=True)
    cost = sw.sliding_windows_cost(SCENE, SCENE, w, s)
    costs[f"w={w}, s={s}"] = cost["n_crops"]
    heat = ax.imshow(1 - probs[..., 0], vmin=0, vmax=1, cmap="magma")
    ax.set_title(f"w={w}, s={s}: {cost['n_crops']} crops", fontsize=9)
for ax in axes:
    ax.set_xticks([])
    ax.set_yticks([])
fig.colorbar(heat, ax=list(axes), fraction=0.02, label="P(not background)")
plt.show()
print_values("crops per setting", costs, "{}")
assert costs["w=14, s=2"] == 18 * 18

# %% [markdown]
# Each heatmap cell is one window position (its top-left corner at row $s \cdot i$, column
# $s \cdot j$). The small window lights up on *parts* of a large shape, and the large
# window on nothing precise: one window size does not fit every object, which is why
# sliding windows are run at several sizes, and why the cost adds up quickly.
#
# ## 3. FC layers as convolutions
#
# An FC layer that reads the 5x5x16 volume and has 400 units computes 400 dot products, each
# with all $5 \cdot 5 \cdot 16 = 400$ inputs. That is exactly what **400 filters of
# 5x5x16** do on that volume with no padding: each filter covers the whole volume once, and
# the output is 1x1x400. So the *first* FC layer becomes an $f \times f$ convolution with $f$
# the side of the incoming volume (5 here). The FC layers after it then read a 1x1x400
# volume, so they become **1x1 convolutions**: 400 filters of 1x1x400, then 4 filters of
# 1x1x400, and a softmax over the 4 channels. (A common mistake is to turn every FC layer,
# the first too, into a 1x1 convolution: on a 5x5 volume that would give 5x5 outputs.)

# %%
conv_params = sw.fc_to_conv_parameters(params)
for k in ("2", "3", "4"):
    print(f"FC W{k} {params[f'W{k}'].shape} -> filters {conv_params[f'W{k}'].shape}")
crop = X_test[:3]
fc_out = sw.fc_net_forward(crop, params)
conv_out = sw.conv_net_forward(crop, conv_params)
print(f"on 14x14 crops the conv version outputs {conv_out.shape[1:]} per crop")
assert conv_params["W2"].shape == (5, 5, 16, 400) and conv_params["W3"].shape == (1, 1, 400, 400)
assert conv_out.shape == (3, 1, 1, 4) and np.abs(conv_out[:, 0, 0] - fc_out).max() < 1e-10

# %% [markdown]
# ## 4. The convolutional implementation of sliding windows
#
# Now run the convolutional network on a *larger* image. On 16x16x3: CONV 5x5 gives 12x12x16,
# MAXPOOL gives 6x6x16, the 5x5 convolution gives 2x2x400, and the 1x1 convolutions keep
# 2x2: a 2x2x4 output. Each of its 4 cells is the classifier's answer for one 14x14 window,
# at stride 2 (the pool's stride). The 4 windows overlap a lot, and the convolutions compute
# the shared parts once. We check that both ways give the same numbers:

# %%
rng = np.random.default_rng(0)
for side in (16, 28):
    img = rng.random((side, side, 3))
    one_pass = sw.convolutional_sliding_windows(img, params)
    by_crops = sw.sliding_windows_predict(img, params, window=14, stride=2)
    gap = np.abs(one_pass - by_crops).max()
    print(f"{side}x{side}x3 -> {one_pass.shape}; largest |one pass - crops| = {gap:.1e}")
    assert one_pass.shape == (((side - 14) // 2 + 1),) * 2 + (4,) and gap < 1e-10

# %% [markdown]
# The Keras twin builds the same network twice, with Dense layers (for crops) and with
# Conv2D layers (for any input size), from the same weights:

# %%
keras_pass = st.convolutional_sliding_windows(image, params)
numpy_pass = sw.convolutional_sliding_windows(image, params)
keras_gap = np.abs(keras_pass - numpy_pass).max()
print(f"{SCENE}x{SCENE} scene -> {numpy_pass.shape}; |Keras - NumPy| = {keras_gap:.1e}")
assert keras_gap < 1e-10

# %% [markdown]
# How much does sharing save? We time the crop loop (one crop at a time, as the naive
# detector does), all crops in one batch, and the single convolutional pass on the scene.
# (Timings depend on the machine and are only printed.)

# %%
timings = {}
for label, run in (
    ("crop loop", lambda: sw.sliding_windows_predict(image, params)),
    ("crops in one batch", lambda: sw.sliding_windows_predict(image, params, batch=True)),
    ("one convolutional pass", lambda: sw.convolutional_sliding_windows(image, params)),
):
    start = time.perf_counter()
    result = run()
    timings[label] = time.perf_counter() - start
print_values("seconds", timings, "{:.4f}")
cost = sw.sliding_windows_cost(SCENE, SCENE, 14, 2)
print(
    f"{cost['n_crops']} windows: the crops hold {cost['pixels_classified']:,} pixels, "
    f"{cost['overlap']:.0f} times the {SCENE * SCENE:,} of the image"
)

# %%
fig, axes = plt.subplots(1, 2, figsize=(7.0, 3.2))
axes[0].imshow(image)
axes[0].set_title("scene", fontsize=9)
axes[1].imshow(1 - numpy_pass[..., 0], vmin=0, vmax=1, cmap="magma")
axes[1].set_title(
    f"one pass: {numpy_pass.shape[0]}x{numpy_pass.shape[1]} windows, P(not background)", fontsize=9
)
for ax in axes:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 5. Summary
#
# - Sliding windows: classify every crop of a window slid with stride $s$; cost grows as
#   $s$ shrinks and with every extra window size.
# - The first FC layer is an $f \times f$ convolution covering the whole incoming volume
#   (400 filters of 5x5x16); only the FC layers after it are 1x1 convolutions.
# - Run once on a larger image, the convolutional network gives one output cell per
#   window (16x16 -> 2x2x4, 28x28 -> 8x8x4), equal to the crops' answers to within
#   $10^{-10}$, computing the overlapping parts only once.
# - Its weakness: the windows' positions are fixed (stride 2 here), so the boxes are not
#   precise. YOLO, in the next lesson, predicts the box itself.
