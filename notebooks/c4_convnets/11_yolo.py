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
# # YOLO: You Only Look Once
#
# *Course 4 (Convolutional Neural Networks), week 3. Curriculum items C4.68-C4.83.*
#
# YOLO finds every object of an image in one forward pass of a convolutional network. The
# image is cut into an $S \times S$ grid and the network outputs, for every cell and every
# anchor box, a probability that an object is there, its box and its class. Two
# post-processing steps then turn these many guesses into a few detections: score filtering
# and non-max suppression. In this lesson you will:
#
# 1. choose how many anchor boxes to use, with K-means on the training boxes' shapes;
# 2. assign objects to grid cells and write their boxes relative to the cell;
# 3. build the label volume $S \times S \times A \times (5 + C)$ with anchors;
# 4. write the Intersection over Union;
# 5. run the lecture's non-max suppression, and per class;
# 6. count the anchor failure cases;
# 7. load a tiny YOLO trained on shape scenes and see its raw output;
# 8. write the course's `yolo_boxes_to_corners`, `yolo_filter_boxes` and
#    `yolo_non_max_suppression`, and measure mAP.
#
# Code: `course_lib/c4_convnets/yolo.py` (NumPy), `yolo_tf.py` (TensorFlow, the tiny YOLO and
# its loss), `yolo_dashboard.py`, `yolo_checks.py`, `boxes.py` (IoU).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - YOLO object detection", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf  # noqa: F401 (your turn)

from course_lib.c4_convnets import yolo as yo
from course_lib.c4_convnets import yolo_tf as yt
from course_lib.c4_convnets.boxes import iou
from course_lib.c4_convnets.scenes import SHAPE_CLASSES, make_shape_scenes
from course_lib.c4_convnets.yolo_checks import (
    check_iou,
    check_yolo_boxes_to_corners,
    check_yolo_filter_boxes,
    check_yolo_non_max_suppression,
)
from course_lib.c4_convnets.yolo_dashboard import (
    anchor_dashboard,
    anchor_study,
    threshold_dashboard,
)

S, C = yt.TINY_GRID, yt.TINY_CLASSES
train = make_shape_scenes(budget.pick(ci=300, full=1500), size=64, seed=1)

# %% [markdown]
# ## 1. How many anchors?
#
# Objects come in different shapes: tall, wide, round. An **anchor box** is a typical shape
# $(w, h)$; each grid cell predicts one box per anchor, and each object is given to the
# anchor whose shape fits it best. The anchors are chosen with **K-means** on the $(w, h)$ of
# the training boxes, with the distance
#
# $$d(\text{box}, \text{anchor}) = 1 - \mathrm{IoU}(\text{box}, \text{anchor}),$$
#
# both boxes centred on the same point (so only their shapes count). Move the slider: more
# anchors fit the shapes better (the mean IoU of each box with its best anchor rises), with
# diminishing returns. The third panel counts the objects that **collide**: two objects of
# one image in the same cell *and* with the same anchor, which one label volume cannot hold.
# Collisions need crowded cells, so this study uses crowded scenes (3 to 8 small shapes
# each) on a coarse $3 \times 3$ grid.

# %%
crowded = make_shape_scenes(300, size=64, min_objects=3, max_objects=8, min_extent=0.1,
                            max_extent=0.35, seed=7)  # fmt: skip
study = anchor_study(crowded["boxes"], S=3)
dash_anchors = anchor_dashboard(study, k=3)
dash_anchors

# %%
gain = study["mean_iou"][4] - study["mean_iou"][0]
print(f"mean IoU with the best anchor: k=1 {study['mean_iou'][0]:.3f}, k=5 "
      f"{study['mean_iou'][4]:.3f}, k=9 {study['mean_iou'][8]:.3f}")  # fmt: skip
print(f"colliding objects on the 3 x 3 grid: k=1 {study['collisions'][0]}, k=9 "
      f"{study['collisions'][8]} of {study['objects']}")  # fmt: skip
assert np.all(np.diff(study["mean_iou"]) > -0.01) and gain > 0.1
assert 0 < study["collisions"][8] < study["collisions"][0] / 2

# %% [markdown]
# ## 2. Grid cells and the box parametrisation
#
# An object belongs to the **one cell that contains its midpoint** (not to every cell it
# touches). Inside that cell its box is $[b_x, b_y, b_h, b_w]$: $b_x, b_y \in [0, 1)$ measured
# from the cell's top-left corner in cell units, and $b_h, b_w$ (height and width) as
# fractions of the cell size, which may exceed 1 when the object is larger than a cell. With
# $C$ classes one-hot, one cell's target is $[p_c, b_x, b_y, b_h, b_w, c_1, \dots, c_C]$:
# $5 + 3 = 8$ numbers here, $5 + 80 = 85$ for the course's COCO model.

# %%
boxes0, classes0 = train["boxes"][0], train["classes"][0]
rows, cols, params = yo.assign_to_grid(boxes0, S)
for b, r, c, p, k in zip(boxes0, rows, cols, params, classes0):
    print(f"{SHAPE_CLASSES[k]:9s} box {np.round(b, 3)} -> cell (row {r}, col {c}),")
    print(f"    [b_x, b_y, b_h, b_w] = {np.round(p, 3)}")  # fmt: skip
assert np.allclose(yo.cell_box_to_image(rows, cols, params, S), boxes0)
assert np.all((params[:, :2] >= 0) & (params[:, :2] < 1))
print("one-hot classes:\n", yo.one_hot(classes0, C))

fig, ax = plt.subplots(figsize=(4, 4))
ax.imshow(train["images"][0], extent=(0, 1, 1, 0))
for t in np.linspace(0, 1, S + 1):
    ax.axhline(t, color="k", lw=0.5, alpha=0.5)
    ax.axvline(t, color="k", lw=0.5, alpha=0.5)
for (x1, y1, x2, y2), r, c in zip(boxes0, rows, cols):
    ax.add_patch(plt.Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, lw=2))
    ax.add_patch(plt.Rectangle((c / S, r / S), 1 / S, 1 / S, color="orange", alpha=0.5))
    ax.plot((x1 + x2) / 2, (y1 + y2) / 2, "k*", ms=10)
ax.set_title("midpoint (star) -> its cell (orange)", fontsize=10)
plt.show()

# %% [markdown]
# ## 3. The label volume with anchors
#
# With $A$ anchors a cell holds $A$ such vectors, so one image's target is
# $y \in \mathbb{R}^{S \times S \times A \times (5 + C)}$ (the lecture's $3 \times 3 \times 2
# \times 8$; the course's model $19 \times 19 \times 5 \times 85$, stored as
# $19 \times 19 \times 425$). An object goes to (its cell, the anchor of highest IoU with its
# shape). The tiny YOLO below uses $A = 3$ anchors found by K-means on its training boxes.

# %%
model, anchors = yt.load_tiny_yolo()
print("tiny YOLO anchors (w, h) in cell units:", np.round(anchors, 3).tolist())
y0 = yo.yolo_labels(boxes0, classes0, S, anchors, C)
print("label volume:", y0.shape, "- slots with an object:", int(y0[..., 0].sum()))
back_boxes, back_classes = yo.decode_labels(y0)
assert y0.shape == (S, S, len(anchors), 5 + C)
assert np.allclose(np.sort(back_boxes, 0), np.sort(boxes0, 0))

# %% [markdown]
# ## 4. Intersection over Union
#
# $$\mathrm{IoU}(A, B) = \frac{\text{area}(A \cap B)}{\text{area}(A \cup B)}
#   = \frac{\text{area}(A \cap B)}{\text{area}(A) + \text{area}(B) - \text{area}(A \cap B)}.$$
#
# With corners $(x_1, y_1, x_2, y_2)$ the intersection is the box $(\max x_1, \max y_1,
# \min x_2, \min y_2)$, with width $\max(0, x_2^\cap - x_1^\cap)$ and height
# $\max(0, y_2^\cap - y_1^\cap)$. A detection counts as correct when IoU $\geq 0.5$ with the
# true box. Common mistakes: a union that forgets to subtract the intersection, and no clamp
# to 0 (two boxes apart in both $x$ and $y$ give two negative sides, whose product is a
# positive "area").
#
# **Your turn.** Write `iou(box1, box2)`.


# %%
def my_iou(box1, box2):
    """IoU of two boxes (x1, y1, x2, y2)."""
    raise NotImplementedError


check_iou(my_iou)

# %%
print("IoU((2, 1, 4, 3), (1, 2, 3, 4)) =", iou((2, 1, 4, 3), (1, 2, 3, 4)))
assert np.isclose(iou((2, 1, 4, 3), (1, 2, 3, 4)), 1 / 7)
assert iou((1, 2, 3, 4), (5, 6, 7, 8)) == 0.0
assert check_iou(iou).passed

# %% [markdown]
# ## 5. Non-max suppression
#
# A detector fires several boxes on the same object. The lecture's NMS for one class:
#
# 1. discard every box with $p_c \le 0.6$;
# 2. while boxes remain: output the box with the largest $p_c$, and discard every remaining
#    box with $\mathrm{IoU} \ge 0.5$ with it.
#
# With several classes, run it **once per class** (a circle must not suppress an overlapping
# triangle). Note the boundaries: the lecture discards at IoU $\ge 0.5$, while
# `tf.image.non_max_suppression` (the course's code) discards at IoU $> 0.5$. They differ only
# when an IoU is *exactly* the threshold, as below.

# %%
b = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.5, 1.0], [0.05, 0.0, 1.0, 1.0],
              [0.6, 0.6, 0.9, 0.9]])  # fmt: skip
p = np.array([0.9, 0.8, 0.75, 0.5])
lecture = yo.non_max_suppression(b, p, score_threshold=0.6, iou_threshold=0.5)
tf_style = yo.yolo_non_max_suppression(p, b[:, [1, 0, 3, 2]], np.zeros(4, int), 10, 0.5)[0]
print("IoU of box 1 with box 0:", iou(b[0], b[1]), "- lecture keeps", lecture.tolist(),
      "; the TF rule keeps scores", tf_style.tolist())  # fmt: skip
assert lecture.tolist() == [0] and len(tf_style) == 3
s_pc, b_pc, c_pc = yo.per_class_non_max_suppression(p, b[:, [1, 0, 3, 2]], np.array([0, 1, 1, 1]))
print("per class, classes kept:", c_pc.tolist())
assert len(s_pc) == 4 > len(tf_style)

# %% [markdown]
# ## 6. When anchors fail
#
# The scheme cannot encode (a) more objects in one cell than there are anchors, and (b) two
# objects in one cell that want the same anchor. How often does that happen with the tiny
# YOLO's 3 anchors? We count on its kind of training scenes and on the crowded scenes of
# section 1, for a coarse and for the tiny YOLO's $8 \times 8$ grid.

# %%
fails = {}
for scenes_name, scene_boxes in (("training scenes", train["boxes"]),
                                 ("crowded scenes", crowded["boxes"])):  # fmt: skip
    for grid in (3, S):
        fails[scenes_name, grid] = yo.anchor_failures(scene_boxes, anchors, grid)
        print(f"{scenes_name}, {grid} x {grid} grid:", fails[scenes_name, grid])
rate = {key: f["collisions"] / f["objects"] for key, f in fails.items()}
print(f"on the {S} x {S} grid {rate['training scenes', S]:.1%} of the training objects and "
      f"{rate['crowded scenes', S]:.1%} of the crowded ones collide")  # fmt: skip
assert rate["crowded scenes", S] < rate["crowded scenes", 3]
assert rate["training scenes", S] <= rate["crowded scenes", S]

# %% [markdown]
# A finer grid makes both failures rarer, since fewer midpoints share a cell; more anchors
# make collisions rarer too (section 1). The course's $19 \times 19$ grid with 5 anchors makes
# them very rare on real photos.

# %% [markdown]
# ## 7. The tiny YOLO and its raw output
#
# The tiny YOLO maps a $64 \times 64 \times 3$ scene to $8 \times 8 \times 3 \times 8$ numbers
# $[t_x, t_y, t_w, t_h, t_o, \text{3 class logits}]$. `yolo_head` turns them into boxes:
# $b_{xy} = (\sigma(t_{xy}) + (j, i)) / S$, $b_{wh} = e^{t_{wh}} \cdot (w_a, h_a) / S$,
# $p_c = \sigma(t_o)$, class probabilities $= \mathrm{softmax}$. It was trained
# (`scripts/train_tiny_yolo.py`) on the loss: squared error on the box coordinates for slots
# with an object, the logistic loss on $p_c$ (weighted $\lambda_{noobj} = 0.5$ for slots
# without one) and the softmax cross-entropy (log-likelihood) on the classes. Set
# `RETRAIN = True` to train it yourself.

# %%
RETRAIN = False
if RETRAIN or budget.is_ci:
    small, Y_small = yt.make_training_set(budget.pick(ci=64, full=4000), anchors, seed=1)
    fresh, losses = yt.train_tiny_yolo(small["images"], Y_small, anchors,
                                       epochs=budget.pick(ci=3, full=40))  # fmt: skip
    print("training loss per epoch:", np.round(losses, 2).tolist())
    assert losses[-1] < losses[0]
    if RETRAIN:
        model = fresh
print(f"tiny YOLO: {model.count_params():,} parameters")

test = make_shape_scenes(budget.pick(ci=60, full=300), size=64, seed=2)
truth = list(zip(test["boxes"], test["classes"]))
feats = model.predict(test["images"].astype(np.float32), verbose=0).astype(np.float64)
head = yo.yolo_head(feats, anchors, C)
print("feats", feats.shape, "-> box_xy", head[0].shape, "box_confidence", head[2].shape)

# The most likely class of each cell (max over anchors and classes), as in the course.
scores_all = head[2] * head[3]
best = scores_all.max(axis=(3, 4))
cls = scores_all.max(axis=3).argmax(-1)
fig, axes = plt.subplots(1, 3, figsize=(9.5, 3.3))
for ax, i in zip(axes, range(3)):
    ax.imshow(test["images"][i], extent=(0, 1, 1, 0))
    colours = np.array([[0.12, 0.47, 0.71], [0.84, 0.15, 0.16], [0.17, 0.63, 0.17]])
    overlay = np.concatenate([colours[cls[i]], 0.15 + 0.6 * best[i][..., None]], -1)
    ax.imshow(overlay, extent=(0, 1, 1, 0), interpolation="nearest")
    for t in np.linspace(0, 1, S + 1):
        ax.axhline(t, color="w", lw=0.4)
        ax.axvline(t, color="w", lw=0.4)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("cells by most likely class", fontsize=9)
fig.suptitle("blue circle, red rectangle, green triangle; opacity grows with the best score",
             fontsize=9)  # fmt: skip
plt.show()

# %% [markdown]
# ## 8. The course's post-processing, step by step
#
# **Corners.** TensorFlow's boxes are $[y_{min}, x_{min}, y_{max}, x_{max}]$, with
# $\text{mins} = b_{xy} - b_{wh}/2$ and $\text{maxes} = b_{xy} + b_{wh}/2$.
#
# **Your turn.** Write `yolo_boxes_to_corners(box_xy, box_wh)`.


# %%
def my_yolo_boxes_to_corners(box_xy, box_wh):
    """[y_min, x_min, y_max, x_max] from centres (x, y) and sizes (w, h)."""
    raise NotImplementedError


check_yolo_boxes_to_corners(my_yolo_boxes_to_corners)

# %% [markdown]
# **Class scores and filtering.** For each box and class, $\text{score}_{c,i} = p_c \cdot c_i$:
# `box_scores = box_confidence * box_class_probs`, shapes $(19, 19, 5, 1) \times (19, 19, 5,
# 80) \to (19, 19, 5, 80)$ in the course. This is an elementwise product broadcast over the
# class axis, not a dot product. Then `box_classes = argmax(box_scores, -1)`,
# `box_class_scores = max(box_scores, -1)`, and keep the boxes with
# `box_class_scores >= threshold` (a boolean mask).
#
# **Your turn.** Write `yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold)`
# (NumPy or TensorFlow ops).


# %%
def my_yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=0.6):
    """(scores, boxes, classes) of the boxes whose best class score is >= threshold."""
    raise NotImplementedError


check_yolo_filter_boxes(my_yolo_filter_boxes)

# %% [markdown]
# **NMS.** `tf.image.non_max_suppression(boxes, scores, max_boxes, iou_threshold)` returns the
# indices of the kept boxes, highest score first; gather scores, boxes and classes with them.
#
# **Your turn.** Write `yolo_non_max_suppression(scores, boxes, classes, max_boxes,
# iou_threshold)`.


# %%
def my_yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    """The kept (scores, boxes, classes) after NMS."""
    raise NotImplementedError


check_yolo_non_max_suppression(my_yolo_non_max_suppression)

# %%
for fn, chk in ((yo.yolo_boxes_to_corners, check_yolo_boxes_to_corners),
                (yo.yolo_filter_boxes, check_yolo_filter_boxes),
                (yo.yolo_non_max_suppression, check_yolo_non_max_suppression),
                (yt.yolo_filter_boxes, check_yolo_filter_boxes),
                (yt.yolo_non_max_suppression, check_yolo_non_max_suppression)):  # fmt: skip
    assert chk(fn).passed, chk(fn)
one = tuple(h[0] for h in head)
scores, boxes, classes = yo.yolo_eval(one, image_shape=(64, 64), score_threshold=0.5)
print("yolo_eval on scene 0 (pixels, [y1, x1, y2, x2]):")
for s_, b_, c_ in zip(scores, boxes, classes):
    print(f"  {SHAPE_CLASSES[c_]:9s} score {s_:.2f} box {np.round(b_, 1)}")

# %% [markdown]
# ## 9. Thresholds, precision, recall and mAP
#
# Lower the score threshold and more boxes survive (recall up, precision down); raise the
# NMS IoU threshold and duplicates survive. The **mean average precision** (mAP@0.5) sums
# the precision-recall curve of each class (all points, precision made monotone) and averages
# over classes: a single number for the whole detector.

# %%
dash_thresholds = threshold_dashboard(test["images"], head, truth, SHAPE_CLASSES, show=4)
dash_thresholds

# %%
dets = yt.detect(model, test["images"], anchors, score_threshold=0.01, max_boxes=20)
mAP, aps = yo.mean_average_precision(dets, truth, C)
p50, r50 = yo.precision_recall(yt.detect(model, test["images"], anchors, 0.5), truth)
print(
    f"mAP@0.5 on {len(test['images'])} held-out scenes: {mAP:.3f} "
    f"(per class {np.round(aps, 3).tolist()});"
)
print(f"at score threshold 0.5: precision {p50:.3f}, recall {r50:.3f}")  # fmt: skip
assert mAP >= 0.9 and p50 >= 0.9 and r50 >= 0.8
