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
# # Object localisation and landmark detection
#
# *Course 4 (Convolutional Neural Networks), week 3. Curriculum items C4.61-C4.64.*
#
# A classifier says *what* is in a picture. Localisation also says *where*: it outputs a
# bounding box. Detection finds *every* object. In this lesson you will:
#
# 1. see the three tasks side by side on generated scenes of shapes;
# 2. build the lecture's target vector $y$ for localisation;
# 3. write the course's localisation loss and gradient-check its derivative;
# 4. compare it with the loss used in practice (logistic + cross-entropy + squared error);
# 5. train a small ConvNet that localises one shape and measure its boxes' IoU;
# 6. predict landmarks (the 3 corners of triangles) and see why their order must be fixed.
#
# Code: `course_lib/c4_convnets/localization.py` (NumPy), `localization_tf.py` (Keras),
# `localization_checks.py`; scenes from `scenes.py`, boxes from `boxes.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Localisation and landmarks", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from course_lib.c4_convnets import localization as loc
from course_lib.c4_convnets import localization_tf as lt
from course_lib.c4_convnets.localization_checks import check_localization_loss
from course_lib.c4_convnets.scenes import make_shape_scenes
from course_lib.gradient_check import check_backward
from course_lib.lesson import print_values, progress_bar


def draw_box(ax, box, size, colour, style="-"):
    """Draw corners (x1, y1, x2, y2) in [0, 1] on an image of side ``size``."""
    x1, y1, x2, y2 = np.asarray(box) * size - 0.5
    ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, ec=colour, lw=1.6, ls=style))


# %% [markdown]
# ## 1. Classification, localisation, detection
#
# - **Classification**: one label per image ("triangle").
# - **Classification with localisation**: one object, its label *and* its bounding box.
# - **Detection**: several objects, possibly of several classes, each with its own box.
#
# The scenes here are drawn by `make_shape_scenes`: circles, rectangles and triangles
# (3 classes) on a noisy light background. Coordinates are fractions of the image side:
# $(0, 0)$ is the top-left corner, $(1, 1)$ the bottom-right one, $x$ runs across and $y$ down.

# %%
one = make_shape_scenes(2, size=64, min_objects=1, max_objects=1, seed=3)
many = make_shape_scenes(1, size=64, min_objects=3, max_objects=3, seed=4)
fig, axes = plt.subplots(1, 3, figsize=(9.0, 3.3))
names = one["class_names"]
axes[0].imshow(one["images"][0])
axes[0].set_title(f"classification: '{names[one['classes'][0][0]]}'", fontsize=10)
axes[1].imshow(one["images"][1])
draw_box(axes[1], one["boxes"][1][0], 64, "#e8590c")
axes[1].set_title(f"localisation: '{names[one['classes'][1][0]]}' + box", fontsize=10)
axes[2].imshow(many["images"][0])
for box, c in zip(many["boxes"][0], many["classes"][0]):
    draw_box(axes[2], box, 64, "#1971c2")
    axes[2].text(box[0] * 64, box[1] * 64 - 2, names[c], fontsize=8, color="#1971c2")
axes[2].set_title(f"detection: {len(many['boxes'][0])} objects", fontsize=10)
for ax in axes:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. The target vector
#
# For localisation with 3 classes the network outputs 8 numbers, and a label is
#
# $$y = \begin{bmatrix} p_c & b_x & b_y & b_h & b_w & c_1 & c_2 & c_3 \end{bmatrix}^T$$
#
# - $p_c = 1$ if there is an object, $0$ if the image is only background;
# - $(b_x, b_y)$ is the box's **midpoint**, $b_h$ its **height** and $b_w$ its **width**
#   (height first, in the lecture's order), all fractions of the image side;
# - $c_1, c_2, c_3$: one-hot class (circle, rectangle, triangle).
#
# When $p_c = 0$ the other seven entries mean nothing: the lecture writes them "?" ("don't
# care"). `localization_target` stores 0 there; the loss below ignores them anyway. We use
# scenes with one object or none (`min_objects=0, max_objects=1`).

# %%
SIZE = 32
scenes = make_shape_scenes(6, size=SIZE, min_objects=0, max_objects=1, seed=0)
Y6 = loc.localization_target(scenes["boxes"], scenes["classes"])
print("   p_c   b_x   b_y   b_h   b_w  c_1  c_2  c_3")
for row in Y6:
    cells = [f"{v:5.2f}" for v in row[:5]] + [f"{v:4.0f}" for v in row[5:]]
    if row[0] == 0:
        cells = cells[:1] + ["    ?"] * 4 + ["   ?"] * 3
    print(" ".join(cells))
first = int(np.flatnonzero(Y6[:, 0] == 1)[0])
x1, y1, x2, y2 = scenes["boxes"][first][0]
assert np.allclose(Y6[first, 1:5], [(x1 + x2) / 2, (y1 + y2) / 2, y2 - y1, x2 - x1])
assert Y6.shape == (6, 8) and set(Y6[:, 0]) <= {0.0, 1.0}

# %% [markdown]
# ## 3. The course's loss
#
# With squared error, the loss of one example compares all 8 entries when there is an object,
# and only $p_c$ when there is none:
#
# $$\mathcal{L}(\hat y, y) = \begin{cases} \sum_{i=1}^{8} (\hat y_i - y_i)^2 & \text{if } y_1 = 1,\\
#   (\hat y_1 - y_1)^2 & \text{if } y_1 = 0, \end{cases}
#   \qquad J = \frac{1}{m} \sum_{j=1}^{m} \mathcal{L}(\hat y^{(j)}, y^{(j)}).$$
#
# ### Your turn: write `localization_loss`
# `Y_hat` and `Y` have shape $(m, 8)$, one example per row; $y_1$ is `Y[:, 0]` (Python
# counts from 0). Return $J$. Classic slips: counting all 8 terms when $p_c = 0$, leaving
# out the $p_c$ term, reading $y_1$ as `Y[:, 1]`, and summing instead of averaging.


# %%
def localization_loss(Y_hat, Y):
    """Y_hat, Y: (m, 8) -> J, the mean over m of the course's localisation loss."""
    # YOUR CODE HERE (about 4 lines: squared errors, choose per row with np.where, mean)
    raise NotImplementedError


check_localization_loss(localization_loss)

# %% [markdown]
# The gradient, for the backward pass: $\partial J / \partial \hat y_i = \frac{2}{m}
# (\hat y_i - y_i)$ for every $i$ when $y_1 = 1$, and only for $i = 1$ when $y_1 = 0$; the
# "don't care" entries receive no gradient at all. A centred-difference check confirms it:

# %%
rng = np.random.default_rng(0)
Y_check = rng.uniform(0, 1, (7, 8))
Y_check[:, 0] = [1, 0, 1, 1, 0, 0, 1]
grad_error = check_backward(
    loc.localization_loss_forward,
    loc.localization_loss_backward,
    {"Y_hat": Y_check + rng.normal(0, 0.5, Y_check.shape), "Y": Y_check},
    ["Y_hat"],
)["Y_hat"]
print(f"gradient check of localization_loss_backward: relative error {grad_error:.1e}")
assert grad_error < 1e-7

# %% [markdown]
# ## 4. The loss used in practice
#
# Squared error everywhere is the simple version. In practice each part gets the loss
# that suits it: the network outputs raw numbers $z$, and
#
# - $p_c$: a sigmoid unit with the **logistic loss**
#   $-[y_1 \log \sigma(z_1) + (1 - y_1) \log(1 - \sigma(z_1))]$;
# - the class: a softmax over $z_6, z_7, z_8$ with the **cross-entropy**
#   $-\sum_k c_k \log \mathrm{softmax}(z)_k$ (only when $y_1 = 1$);
# - the box: **squared error** $\sum_{i=2}^{5} (z_i - y_i)^2$ (only when $y_1 = 1$).
#
# (The lecture calls the class term the log-likelihood loss: for a softmax output that is
# exactly the cross-entropy.) The NumPy version and the Keras one give the same number:

# %%
Z_demo = rng.normal(0, 2, Y6.shape)
losses = {
    "NumPy": loc.practical_localization_loss(Z_demo, Y6),
    "Keras": lt.practical_localization_loss(Z_demo, Y6),
}
print_values("practical loss", losses, "{:.10f}")
assert abs(losses["NumPy"] - losses["Keras"]) < 1e-10

# %% [markdown]
# ## 5. Training a localisation network
#
# A small ConvNet (three CONV 3x3 + MAXPOOL stages, then FC) reads a 32x32 scene and
# outputs the 8 raw numbers, trained with the practical loss. The box errors are small
# fractions of the image, so the box term is weighted by 10 (YOLO's $\lambda_{coord}$ plays
# the same role). We measure, on scenes it has not seen: the accuracy of "object or not"
# ($\hat p_c \ge 0.5$) and the mean IoU of its box with the true one. As a yardstick, the
# IoU of always guessing the average training box.

# %%
M_TRAIN = budget.pick(ci=800, full=3000)
EPOCHS = budget.pick(ci=10, full=25)
train = make_shape_scenes(M_TRAIN, size=SIZE, min_objects=0, max_objects=1, seed=10)
test = make_shape_scenes(300, size=SIZE, min_objects=0, max_objects=1, seed=11)
Y_train = loc.localization_target(train["boxes"], train["classes"])
Y_test = loc.localization_target(test["boxes"], test["classes"])
model = lt.build_localization_model((SIZE, SIZE, 3))
history = lt.train_model(model, train["images"], Y_train, EPOCHS, progress=progress_bar("epochs"))
Y_pred = lt.predict_localization(model, test["images"])
metrics = loc.localization_metrics(Y_pred, Y_test)
guess = np.tile(Y_train[Y_train[:, 0] == 1].mean(axis=0), (len(Y_test), 1))
baseline = loc.localization_metrics(guess, Y_test)["mean_iou"]
print(f"{M_TRAIN} training scenes, {EPOCHS} epochs: loss {history[0]:.3f} -> {history[-1]:.3f}")
print(
    f"test: p_c accuracy {metrics['p_c_accuracy']:.1%}, class accuracy "
    f"{metrics['class_accuracy']:.1%}, mean IoU {metrics['mean_iou']:.2f} "
    f"(average box: {baseline:.2f})"
)
assert metrics["p_c_accuracy"] > 0.9
assert metrics["mean_iou"] > 0.25 and metrics["mean_iou"] > baseline + 0.1

# %%
fig, axes = plt.subplots(2, 6, figsize=(9.6, 4.0))
for ax, i in zip(axes.ravel(), range(12)):
    ax.imshow(test["images"][i])
    if Y_test[i, 0] == 1:
        draw_box(ax, loc.target_to_boxes(Y_test[i : i + 1])[0], SIZE, "#2b8a3e")
    if Y_pred[i, 0] >= 0.5:
        draw_box(ax, loc.target_to_boxes(Y_pred[i : i + 1])[0], SIZE, "#e8590c", "--")
    ax.set_title(f"p̂c={Y_pred[i, 0]:.2f}", fontsize=8)
    ax.set_xticks([])
    ax.set_yticks([])
fig.suptitle("green: true box, dashed orange: predicted box (drawn when p̂c ≥ 0.5)", fontsize=10)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 6. Landmark detection
#
# Instead of a box, a network can output the $(x, y)$ position of chosen points, the
# *landmarks*: the corners of the eyes, the tip of the nose, the joints of a body. With
# $n$ landmarks the output is $p$ ("is there a face?") followed by $l_{1x}, l_{1y}, \dots,
# l_{nx}, l_{ny}$: $1 + 2n$ numbers.

# %%
for n in (3, 4, 64):
    print(f"{n:2d} landmarks -> {loc.landmark_output_size(n)} outputs")
assert loc.landmark_output_size(64) == 129

# %% [markdown]
# Our landmarks are the 3 corners of triangles, always in the same order: apex, bottom-left,
# bottom-right. The label order is what gives "landmark 1" its meaning: output 2 and 3 must
# be the apex in *every* training label. To see why, we train the same network twice: once
# on the consistent labels and once on labels where each image lists its 3 corners in a
# random order. The loss is the logistic loss for $p$ plus the squared error of the
# $2n = 6$ coordinates when $p = 1$; the error is the mean distance between predicted and
# true landmarks, as a fraction of the image side.

# %%
M_LM = budget.pick(ci=800, full=3000)
EPOCHS_LM = budget.pick(ci=8, full=20)
tri = make_shape_scenes(M_LM, size=SIZE, min_objects=0, max_objects=1, seed=20,
                        classes=("triangle",))  # fmt: skip
tri_test = make_shape_scenes(300, size=SIZE, min_objects=0, max_objects=1, seed=21,
                             classes=("triangle",))  # fmt: skip
L_train = loc.landmark_target(tri["points"], 3)
L_test = loc.landmark_target(tri_test["points"], 3)
errors, predictions = {}, {}
for name, labels in (("consistent", L_train), ("shuffled", loc.shuffle_landmarks(L_train))):
    lm_model = lt.build_landmark_model((SIZE, SIZE, 3), n_landmarks=3)
    lt.train_model(lm_model, tri["images"], labels, EPOCHS_LM, progress=progress_bar(name))
    predictions[name] = lt.predict_landmarks(lm_model, tri_test["images"])
    errors[name] = loc.landmark_error(predictions[name], L_test)
print_values("mean landmark error (fraction of the side)", errors, "{:.3f}")
assert errors["consistent"] < 0.15
assert errors["shuffled"] > 1.5 * errors["consistent"]

# %%
fig, axes = plt.subplots(2, 5, figsize=(9.6, 4.0))
shown = np.flatnonzero(L_test[:, 0] == 1)[:5]
for row, name in enumerate(("consistent", "shuffled")):
    for ax, i in zip(axes[row], shown):
        ax.imshow(tri_test["images"][i])
        true = L_test[i, 1:].reshape(3, 2) * SIZE - 0.5
        pred = predictions[name][i, 1:].reshape(3, 2) * SIZE - 0.5
        ax.scatter(*true.T, c=["#2b8a3e", "#1971c2", "#c2255c"], s=40, marker="o")
        ax.scatter(*pred.T, c=["#2b8a3e", "#1971c2", "#c2255c"], s=60, marker="x")
        ax.set_xlim(-0.5, SIZE - 0.5)
        ax.set_ylim(SIZE - 0.5, -0.5)
        ax.set_xticks([])
        ax.set_yticks([])
    axes[row, 0].set_ylabel(f"{name} labels", fontsize=9)
fig.suptitle("o: true landmarks, x: predicted (green apex, blue bottom-left, red bottom-right)",
             fontsize=10)  # fmt: skip
fig.tight_layout()
plt.show()

# %% [markdown]
# With shuffled labels "landmark 1" is the apex in one image and a bottom corner in the
# next, so the best the network can do is predict something near the middle of the three:
# its error is larger, although it saw exactly the same points.
#
# ## 7. Summary
#
# - Localisation target: $y = [p_c, b_x, b_y, b_h, b_w, c_1, c_2, c_3]$, midpoint, height,
#   width as fractions of the image, $(0,0)$ top-left; the entries after $p_c$ are "don't
#   care" when $p_c = 0$.
# - The course's loss: all 8 squared errors when $y_1 = 1$, only $(\hat y_1 - y_1)^2$ when
#   $y_1 = 0$; its gradient passed the gradient check. In practice: logistic loss for
#   $p_c$, cross-entropy for the classes, squared error for the box.
# - A small ConvNet learned to say whether a shape is there and to box it, much better than
#   the average box (IoU values printed above).
# - Landmarks: $1 + 2n$ outputs (129 for 64 face points); the label order must be the same
#   in every image, otherwise the error grows.
