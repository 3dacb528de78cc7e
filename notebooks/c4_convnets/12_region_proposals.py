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
# # Region proposals: R-CNN, Fast R-CNN and Faster R-CNN
#
# *Course 4 (Convolutional Neural Networks), week 3. Curriculum items C4.84-C4.86.*
#
# A sliding-window detector classifies every window of every size at every position, and most
# of those windows hold nothing. The **R-CNN** family of detectors works in two stages
# instead: first *propose* a few regions that look as if they might hold an object, then
# *classify* only those. In this lesson you will:
#
# 1. see the two-stage plan and what each stage costs;
# 2. make region proposals from a segmentation of the image and measure their recall
#    against a grid of sliding windows;
# 3. build a small R-CNN: crop every proposal, run the network on every crop, classify;
# 4. build the Fast R-CNN version: run the network once, pool every proposal from the shared
#    feature map, and count what it saves (and compare with YOLO's single pass);
# 5. see how Faster R-CNN replaces the segmentation algorithm with a region proposal network
#    that scores anchor boxes.
#
# Everything runs on the generated shape scenes of the YOLO lesson. The "network" is small on
# purpose: a fixed layer of edge filters (CONV 5x5, 8 filters, ReLU), then a softmax
# classifier trained here, so that the whole pipeline runs in seconds.
#
# Code: `course_lib/c4_convnets/region_proposals.py` (NumPy), `boxes.py` (IoU),
# `scenes.py` (the data), `yolo.py` (non-max suppression, precision and recall).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Region proposals: R-CNN and its successors", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle
from skimage.color import label2rgb
from skimage.segmentation import felzenszwalb

from course_lib.c4_convnets import region_proposals as rp
from course_lib.c4_convnets import yolo as yo
from course_lib.c4_convnets.boxes import clip_boxes, iou_matrix
from course_lib.c4_convnets.scenes import SHAPE_CLASSES, make_shape_scenes
from course_lib.c4_convnets.segmentation_checks import check_proposal_recall
from course_lib.lesson import print_values

SCALES = (30, 100)  # Felzenszwalb scales: fine regions and coarse regions
train = make_shape_scenes(budget.pick(ci=60, full=200), size=64, seed=3)
test = make_shape_scenes(budget.pick(ci=30, full=100), size=64, seed=4)
N_CLASSES = len(SHAPE_CLASSES) + 1  # background + the shapes
print(f"{len(train['images'])} training scenes, {len(test['images'])} test scenes, 64 x 64")


def draw_boxes(ax, boxes, colour, size=64, width=1.0, alpha=1.0):
    """Draw corner boxes (x1, y1, x2, y2) in [0, 1] on an image of side `size`."""
    for x1, y1, x2, y2 in np.asarray(boxes).reshape(-1, 4) * size - 0.5:
        ax.add_patch(
            Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, ec=colour, lw=width, alpha=alpha)
        )


# %% [markdown]
# ## 1. Two stages: propose, then classify
#
# A two-stage detector splits the work:
#
# 1. **Propose** a set of candidate boxes, the *regions of interest*, with a method that is
#    cheap and does not need to know the classes: it only has to make sure that every object
#    is covered by at least one candidate.
# 2. **Classify** each candidate with a convolutional network into one of the $C$ classes or
#    *background*, and refine its box (the network also outputs a correction
#    $(b_x, b_y, b_h, b_w)$ of the proposal, as in the localization lesson).
#
# What matters for stage 1 is its **recall**: the fraction of the true boxes that some
# proposal overlaps with $\mathrm{IoU} \ge 0.5$. An object that no proposal covers can never be
# detected, however good the classifier. What matters for the cost is how many proposals
# stage 2 has to look at, and how much work it repeats for each.
#
# | | proposals from | the network runs | famous for |
# |---|---|---|---|
# | R-CNN (2014) | a segmentation algorithm (selective search) | once per proposal | accuracy, and slowness |
# | Fast R-CNN (2015) | the same algorithm | once per image, then one pooling per proposal | sharing the convolutions |
# | Faster R-CNN (2015) | a small network on the shared feature map (RPN) | once per image | learning the proposals too |
# | YOLO (lesson 11) | no proposals | once per image | a single pass |

# %% [markdown]
# ## 2. Region proposals
#
# A segmentation algorithm cuts the image into regions of similar colour. Each region, and
# each pair of touching regions merged, gives the box around it as a proposal. We use
# Felzenszwalb's graph-based segmentation (`skimage.segmentation.felzenszwalb`) at two
# scales, a fine one and a coarse one; selective search, the algorithm of the R-CNN paper,
# goes further and keeps merging neighbours step by step. The figure shows one scene, its
# two segmentations, and every proposal made from them (thin) with the true boxes (thick).

# %%
image = test["images"][0]
proposals = [rp.propose_regions(im, scales=SCALES) for im in test["images"]]
n_props = np.array([len(p) for p in proposals])
fig, axes = plt.subplots(1, 4, figsize=(10.4, 2.9))
axes[0].imshow(image)
axes[0].set_title("a test scene", fontsize=10)
for ax, scale in zip(axes[1:3], SCALES):
    regions = felzenszwalb(image, scale=scale, sigma=0.5, min_size=10)
    ax.imshow(label2rgb(regions, bg_label=-1), interpolation="nearest")  # a colour per region
    ax.set_title(f"scale {scale}: {regions.max() + 1} regions", fontsize=10)
axes[3].imshow(image)
draw_boxes(axes[3], proposals[0], "#1971c2", width=0.6, alpha=0.6)
draw_boxes(axes[3], test["boxes"][0], "#e8590c", width=2.5)
axes[3].set_title(f"{n_props[0]} proposals, true boxes", fontsize=10)
for ax in axes:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()
print(
    f"proposals per test scene: mean {n_props.mean():.0f}, min {n_props.min()}, max {n_props.max()}"
)

# %% [markdown]
# How good are they? For every true box we take its best IoU with any proposal; recall is the
# fraction of true boxes whose best IoU is at least 0.5. To see what the number of proposals
# buys, `rp.recall_curve` keeps only the first $k$ proposals of each image (in a random order)
# for $k = 1, 2, 5, \dots$. The comparison is a grid of square sliding windows of three sizes
# (sides 0.2, 0.35 and 0.5 of the image, a step of 0.1): the brute-force way to propose.

# %%
slide = rp.sliding_window_boxes(sizes=(0.2, 0.35, 0.5), step=0.1)
counts = [1, 2, 5, 10, 20, 50, 100, 200, len(slide)]
seg_recall = rp.recall_curve(proposals, test["boxes"], counts)
slide_recall = rp.recall_curve([slide] * len(test["boxes"]), test["boxes"], counts)
seg_full = np.mean(
    np.concatenate([iou_matrix(g, p).max(axis=1) >= 0.5 for g, p in zip(test["boxes"], proposals)])
)
slide_full = slide_recall[-1]
fig, ax = plt.subplots(figsize=(6.0, 3.4))
ax.plot(counts, seg_recall, "o-", color="#1971c2", label="segmentation proposals")
ax.plot(counts, slide_recall, "s-", color="#e8590c", label=f"{len(slide)} sliding windows")
ax.set_xscale("log")
ax.set_xlabel("proposals kept per image, k")
ax.set_ylabel("recall at IoU >= 0.5")
ax.set_ylim(0, 1.05)
ax.legend(fontsize=9)
ax.set_title("recall of the true boxes against the number of proposals", fontsize=10)
fig.tight_layout()
plt.show()
print(f"recall with all segmentation proposals (mean {n_props.mean():.0f}): {seg_full:.3f}")
print(f"recall with all {len(slide)} sliding windows: {slide_full:.3f}")
assert seg_full >= 0.95, seg_full
assert slide_full < seg_full and n_props.mean() < len(slide)

# %% [markdown]
# ### Your turn: write `proposal_recall`
# Given `proposals` (k, 4) and `gt_boxes` (n, 4), both corner boxes, return the fraction of
# the true boxes that some proposal overlaps with IoU >= `threshold`. Use `iou_matrix`
# (imported above: `iou_matrix(gt_boxes, proposals)` is (n, k)). Classic slips: a strict
# `>` instead of `>=`, averaging over the proposals instead of the true boxes, and counting
# a true box once for every proposal that finds it.


# %%
def proposal_recall(proposals, gt_boxes, threshold=0.5):
    """proposals (k, 4), gt_boxes (n, 4) -> float in [0, 1]."""
    # YOUR CODE HERE (about 2 lines)
    raise NotImplementedError


check_proposal_recall(proposal_recall)

# %% [markdown]
# The segmentation proposals find (nearly) every object with fewer boxes than the grid,
# because their boxes follow the objects' edges; the grid's squares cannot fit a tall or a
# wide shape with IoU 0.5, however many positions it tries. (A finer grid with more sizes and
# shapes would fix that, at the cost of many more windows to classify.)

# %% [markdown]
# ## 3. R-CNN: classify every proposal
#
# **Training labels.** Each proposal of a training image gets the class of the true box it
# overlaps with $\mathrm{IoU} \ge 0.5$ (label $c + 1$ for shape class $c$), or *background*
# (label 0) when its best IoU is below 0.5. The classifier thus learns to say "no object"
# for the many proposals that only cut through an object or hold none.
#
# **Features, the R-CNN way.** Every proposal is cut out of the image and *warped* to a fixed
# $24 \times 24$ crop (its aspect ratio is not kept), and the network runs on every crop: CONV
# 5x5 "same" with 8 edge filters, ReLU, then max pooling into a $4 \times 4$ grid of bins, so
# each proposal gives $4 \cdot 4 \cdot 8 = 128$ features. A softmax classifier on these features
# outputs $N_{\text{classes}} = 4$ probabilities: background and the three shapes.
#
# **Detection.** On a test image, every proposal whose most likely class is a shape is a
# detection with that class and its probability as score; non-max suppression per class
# (lesson 11) removes the duplicates. (The real R-CNN also trains a box regressor to correct
# each proposal; here the proposals' boxes are used as they are.)


# %%
def proposal_features(scenes, features):
    """Proposals, their features (one row each) and their labels for every scene."""
    out = {"proposals": [], "X": [], "y": []}
    for im, boxes, classes in zip(scenes["images"], scenes["boxes"], scenes["classes"]):
        p = rp.propose_regions(im, scales=SCALES)
        out["proposals"].append(p)
        out["X"].append(features(im, p))
        out["y"].append(rp.label_proposals(p, boxes, classes, bg_threshold=0.5))
    return out


def detect(model, data, score_threshold=0.5, iou_threshold=0.3):
    """Per image: (scores, boxes, classes) after per-class non-max suppression."""
    detections = []
    for p, X in zip(data["proposals"], data["X"]):
        probs = rp.predict_softmax(model, X)
        best, score = probs.argmax(axis=1), probs.max(axis=1)
        s, b, c = [], [], []
        for label in range(1, N_CLASSES):
            idx = np.nonzero(best == label)[0]
            kept = idx[yo.non_max_suppression(p[idx], score[idx], score_threshold, iou_threshold)]
            s += score[kept].tolist()
            b += p[kept].tolist()
            c += [label - 1] * len(kept)
        detections.append((np.array(s), np.array(b).reshape(-1, 4), np.array(c, dtype=int)))
    return detections


def run_detector(name, features):
    """Train on the training scenes, then measure the test scenes; prints and returns a dict."""
    start = time.perf_counter()
    tr = proposal_features(train, features)
    te = proposal_features(test, features)
    seconds = time.perf_counter() - start
    X, y = np.concatenate(tr["X"]), np.concatenate(tr["y"])
    model = rp.train_softmax(X, y, N_CLASSES, num_iterations=300)
    X_test, y_test = np.concatenate(te["X"]), np.concatenate(te["y"])
    accuracy = float(np.mean(rp.predict_softmax(model, X_test).argmax(axis=1) == y_test))
    detections = detect(model, te)
    truth = list(zip(test["boxes"], test["classes"]))
    precision, recall = yo.precision_recall(detections, truth, iou_threshold=0.5)
    n_images = len(train["images"]) + len(test["images"])
    result = {
        "accuracy": accuracy,
        "precision": precision,
        "recall": recall,
        "ms per image": 1000 * seconds / n_images,
        "model": model,
        "test": te,
        "detections": detections,
        "n_train": len(y),
        "background share": float(np.mean(y == 0)),
    }
    print_values(
        f"{name:10s}",
        {k: result[k] for k in ("accuracy", "precision", "recall", "ms per image")},
        "{:.3f}",
    )
    return result


print("features of every proposal, then a softmax classifier (test scenes):")
rcnn = run_detector("R-CNN", rp.rcnn_features)
print(
    f"trained on {rcnn['n_train']} proposals, {100 * rcnn['background share']:.0f}% of them "
    "background"
)
assert rcnn["accuracy"] >= 0.9 and rcnn["recall"] >= 0.85, rcnn

# %%
fig, axes = plt.subplots(1, 4, figsize=(10.4, 2.9))
colours = ("#2f9e44", "#1971c2", "#c2255c")
for i, ax in enumerate(axes):
    ax.imshow(test["images"][i])
    s, b, c = rcnn["detections"][i]
    draw_boxes(ax, test["boxes"][i], "black", width=3.0, alpha=0.35)
    for score, box, cls in zip(s, b, c):
        draw_boxes(ax, box, colours[cls], width=1.5)
        label_y = box[1] * 64 - 1.5 if box[1] > 0.12 else box[3] * 64 + 4.5  # inside the axes
        ax.text(
            box[0] * 64,
            label_y,
            f"{SHAPE_CLASSES[cls]} {score:.2f}",
            color=colours[cls],
            fontsize=7,
            bbox={"fc": "white", "ec": "none", "pad": 1},
        )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"test scene {i}: {len(s)} detection(s)", fontsize=10)
fig.tight_layout()
plt.show()
print("R-CNN detections in colour (class and score), the true boxes in grey")

# %% [markdown]
# ## 4. Fast R-CNN
#
# R-CNN runs the network once for every proposal, and neighbouring proposals overlap a lot,
# so most of that work is the same convolution of the same pixels, done again and again.
# **Fast R-CNN** runs the convolutional layers **once on the whole image** and reads every
# proposal's features off that shared feature map: the box is mapped onto the feature map
# and cut into a fixed $4 \times 4$ grid of bins, and each bin keeps its maximum (**RoI
# pooling**, "region of interest" pooling). Every proposal, small or large, still gives 128
# features, so the same classifier works. (Fast R-CNN also trains the convolutions, the
# classifier and the box regressor together, as one network; our convolutions stay fixed.)

# %%
fast = run_detector("Fast R-CNN", rp.fast_rcnn_features)
assert fast["accuracy"] >= 0.9 and fast["recall"] >= 0.85, fast

# %% [markdown]
# Now the costs. For an image with $k$ proposals, R-CNN evaluates the network $k$ times (on
# $24 \times 24$ crops), Fast R-CNN once (on the $64 \times 64$ image) followed by $k$ poolings
# that need no multiplications, and a one-pass detector such as YOLO evaluates it once and
# has no proposals at all. The multiplications of a CONV layer are
# $n_H \, n_W \, n_C \cdot f^2 \, n_{C,\text{prev}}$ (lesson 2). `rp.detector_costs` counts them;
# the times are the measured time per image of everything above (proposals, features), which
# also includes the segmentation, the same for both.

# %%
k_mean = int(round(n_props.mean()))
costs = rp.detector_costs(k_mean, image_size=64, crop_size=24)
for name, cost in costs.items():
    print(
        f"{name:10s}: {cost['evaluations']:4d} network evaluation(s), "
        f"{cost['multiplies']:>10,d} multiplications per image"
    )
ratio = costs["R-CNN"]["multiplies"] / costs["Fast R-CNN"]["multiplies"]
print(f"R-CNN does {ratio:.1f} times the multiplications of Fast R-CNN at k = {k_mean}")
print(
    f"measured time per image: R-CNN {rcnn['ms per image']:.0f} ms, "
    f"Fast R-CNN {fast['ms per image']:.0f} ms"
)
assert costs["R-CNN"]["evaluations"] == k_mean and costs["Fast R-CNN"]["evaluations"] == 1
assert np.isclose(
    ratio, k_mean * (24 * 24) / (64 * 64)
)  # same layer, k crops of 24^2 vs one 64^2 image
assert ratio > 5

# %% [markdown]
# With $k$ proposals of side 24 against one image of side 64, the ratio is exactly
# $k \cdot 24^2 / 64^2$: it grows with the number of proposals. With a real backbone (VGG-16
# on 224 x 224 crops and about 2000 proposals per image), R-CNN took tens of seconds per
# image; Fast R-CNN brought the network part down to a fraction of a second, and then the
# *proposals* (selective search, a couple of seconds on a CPU) were the slow part. That is
# what Faster R-CNN fixes.

# %% [markdown]
# ## 5. Faster R-CNN
#
# **Faster R-CNN** replaces the segmentation algorithm with a **region proposal network**
# (RPN), a small convolutional network that runs on the shared feature map:
#
# - at every position of the $n_H \times n_W$ feature map sit $k$ **anchor boxes** of a few
#   sizes and shapes (height/width ratios $1/2$, $1$, $2$), centred on that position (the
#   same idea as YOLO's anchors);
# - a $3 \times 3$ convolution followed by two $1 \times 1$ convolutions outputs, for every
#   position, $2k$ *objectness* scores (object or not, for each anchor) and $4k$ box
#   corrections;
# - the anchors with the highest objectness, corrected and thinned by non-max suppression
#   (a few hundred), are the proposals; RoI pooling and the classifier of Fast R-CNN follow,
#   on the same feature map.
#
# The RPN is trained like a detector with one class: an anchor is a positive example when its
# IoU with a true box is at least 0.7 (or it is that box's best anchor), negative below 0.3,
# and ignored in between. Proposals now cost one more small network on a map that is
# computed anyway. The code below places the anchors an RPN would score on a $4 \times 4$
# feature map ($k = 6$: sides 0.25 and 0.5, ratios 1/2, 1, 2) and measures how many true boxes
# the best anchor already covers at IoU 0.5, *before* any correction.

# %%
GRID = 4
anchors = rp.rpn_anchors(GRID, GRID, sizes=(0.25, 0.5), ratios=(0.5, 1.0, 2.0))
k_anchors = len(anchors) // GRID**2
anchor_best = np.concatenate(
    [iou_matrix(g, clip_boxes(anchors)).max(axis=1) for g in test["boxes"]]
)
anchor_recall = float(np.mean(anchor_best >= 0.5))
overlaps = iou_matrix(clip_boxes(anchors), test["boxes"][0])  # (anchors, true boxes)
positive = (overlaps.max(axis=1) >= 0.7) | np.isin(np.arange(len(anchors)), overlaps.argmax(0))
negative = ~positive & (overlaps.max(axis=1) < 0.3)
print(f"{GRID} x {GRID} positions x k = {k_anchors} anchors = {len(anchors)} anchors")
print(f"RPN outputs per position: 2k = {2 * k_anchors} scores and 4k = {4 * k_anchors} numbers")
print(f"recall of the uncorrected anchors at IoU >= 0.5: {anchor_recall:.3f}")
print(
    f"RPN training labels on test scene 0 ({len(test['boxes'][0])} objects): "
    f"{int(positive.sum())} positive anchors, {int(negative.sum())} negative, "
    f"{int(len(anchors) - positive.sum() - negative.sum())} ignored"
)
assert len(anchors) == GRID * GRID * 6 and 0 < anchor_recall < seg_full

# %%
fig = plt.figure(figsize=(10.4, 3.6))
ax_img = fig.add_axes([0.0, 0.02, 0.32, 0.9])
ax_img.imshow(test["images"][0], extent=(0, 1, 1, 0))
for t in np.linspace(0, 1, GRID + 1):
    ax_img.axhline(t, color="#495057", lw=0.8, ls="--")
    ax_img.axvline(t, color="#495057", lw=0.8, ls="--")
cell = GRID + 1  # row 1, column 1: the anchors of one position
for (x1, y1, x2, y2), colour in zip(anchors[cell * k_anchors : (cell + 1) * k_anchors],
                                    ["#1971c2"] * 3 + ["#e8590c"] * 3):  # fmt: skip
    ax_img.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, ec=colour, lw=1.6))
ax_img.plot(*anchors[cell * k_anchors, [0, 2]].mean(keepdims=True),
            anchors[cell * k_anchors, [1, 3]].mean(keepdims=True), "k+", ms=10)  # fmt: skip
ax_img.set_xlim(-0.05, 1.05)
ax_img.set_ylim(1.05, -0.05)
ax_img.set_xticks([])
ax_img.set_yticks([])
ax_img.set_title(
    f"the k = {k_anchors} anchors of one of the {GRID} x {GRID} positions", fontsize=10
)
ax = fig.add_axes([0.34, 0.0, 0.66, 1.0])
ax.set_xlim(0, 10)
ax.set_ylim(0, 4)
ax.axis("off")
blocks = [
    (0.1, 1.6, "image\n64 x 64 x 3", "#e9ecef"),
    (2.0, 1.6, "shared CONV\nlayers", "#d0ebff"),
    (3.9, 1.6, "feature map\nn_H x n_W x n_C", "#d0ebff"),
    (5.9, 2.8, "RPN: CONV 3x3,\nthen 1x1 to 2k + 4k", "#ffe8cc"),
    (8.1, 2.8, "top anchors,\ncorrected, NMS\n= proposals", "#ffe8cc"),
    (5.9, 0.4, "RoI pooling of\neach proposal", "#d3f9d8"),
    (8.1, 0.4, "classifier:\nclass + box", "#d3f9d8"),
]
for x, y, text, colour in blocks:
    ax.add_patch(Rectangle((x, y), 1.7, 0.95, fc=colour, ec="#495057"))
    ax.text(x + 0.85, y + 0.47, text, ha="center", va="center", fontsize=8)
for (xa, ya), (xb, yb) in [
    ((1.8, 2.07), (2.0, 2.07)),
    ((3.7, 2.07), (3.9, 2.07)),
    ((5.6, 2.3), (5.9, 3.2)),
    ((5.6, 1.8), (5.9, 0.9)),
    ((7.6, 3.27), (8.1, 3.27)),
    ((8.95, 2.8), (6.75, 1.35)),
    ((7.6, 0.87), (8.1, 0.87)),
]:
    ax.add_patch(FancyArrowPatch((xa, ya), (xb, yb), arrowstyle="->", mutation_scale=12))
ax.set_title("Faster R-CNN: the proposals come from the shared feature map", fontsize=10)
plt.show()

# %% [markdown]
# The raw anchors cover only part of the objects at IoU 0.5; the RPN's learned corrections are
# what turn them into good proposals, just as YOLO's box outputs correct its anchors. Training
# an RPN is beyond this lesson's few seconds; its output plays the role that the segmentation
# proposals played in sections 2-4.

# %% [markdown]
# ## Summary
#
# - A two-stage detector proposes candidate regions, then classifies each one (or calls it
#   background) and refines its box. The proposals' recall at IoU 0.5 bounds what the
#   detector can find.
# - Proposals from a segmentation follow the objects' edges: here they reached a higher
#   recall with fewer boxes than a grid of sliding windows.
# - R-CNN runs the network on every warped proposal; Fast R-CNN runs it once and RoI-pools
#   every proposal from the shared feature map, the same features per proposal at a fraction
#   of the multiplications.
# - Faster R-CNN makes the proposals with a region proposal network that scores and corrects
#   $k$ anchors at every position of the shared feature map. YOLO drops the proposal stage
#   and predicts the boxes in one pass.
