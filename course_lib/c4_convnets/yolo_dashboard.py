"""Dashboards of the YOLO lesson: how many anchors, and the two thresholds of post-processing.

* ``anchor_dashboard``: the "anchors k" slider (k = 1..9). K-means with the distance
  1 - IoU on the training boxes' (w, h), precomputed for every k, so a move only redraws
  (live, animated artists): the box shapes coloured by cluster with the anchors drawn as
  rectangles, the mean IoU of each box with its best anchor against k, and the objects that
  collide (same cell AND same anchor as another object of their image) at that k.
* ``threshold_dashboard``: the score threshold and the NMS IoU threshold on the tiny YOLO's
  detections for a few test scenes, boxes before NMS faint and after NMS bold, with the
  precision and recall (IoU >= 0.5 with a box of the same class) over a held-out set.

Taught in: notebooks/c4_convnets/11_yolo.py
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from course_lib.c4_convnets import yolo as ynp
from course_lib.widgets import Dashboard, float_slider, int_slider

__all__ = ["anchor_study", "anchor_dashboard", "threshold_dashboard", "CLASS_COLOURS"]

CLASS_COLOURS = ("#1f77b4", "#d62728", "#2ca02c")
_CLUSTER_COLOURS = np.array(
    [[0.12, 0.47, 0.71], [1.0, 0.5, 0.05], [0.17, 0.63, 0.17], [0.84, 0.15, 0.16],
     [0.58, 0.4, 0.74], [0.55, 0.34, 0.29], [0.89, 0.47, 0.76], [0.5, 0.5, 0.5],
     [0.74, 0.74, 0.13]]
)  # fmt: skip
K_MAX = 9


def anchor_study(boxes_per_image, S: int, k_max: int = K_MAX, seed: int = 0) -> dict:
    """K-means anchors (1 - IoU distance) for k = 1..k_max, with their mean IoU and collisions.

    Args:
        boxes_per_image: list of (k_i, 4) corner boxes in image fractions.
        S: grid size (the anchors come out in grid-cell units, the collisions are per cell).
        k_max: the largest number of anchors; seed: K-means seed.

    Returns:
        {"wh": (n, 2) box shapes in cell units, "k": [1..k_max], "anchors": list of (k, 2),
        "assign": list of (n,), "mean_iou": (k_max,), "collisions": (k_max,) int,
        "objects": n}.
    """
    boxes = np.concatenate([np.asarray(b).reshape(-1, 4) for b in boxes_per_image])
    wh = np.stack([boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]], -1) * S
    study = {"wh": wh, "k": list(range(1, k_max + 1)), "anchors": [], "assign": []}
    mean_iou, collisions = [], []
    for k in study["k"]:
        anchors, assign, miou = ynp.kmeans_anchors(wh, k, seed=seed)
        study["anchors"].append(anchors)
        study["assign"].append(assign)
        mean_iou.append(miou)
        collisions.append(ynp.anchor_failures(boxes_per_image, anchors, S)["collisions"])
    study["mean_iou"] = np.array(mean_iou)
    study["collisions"] = np.array(collisions)
    study["objects"] = len(wh)
    return study


def anchor_dashboard(study: dict, k: int = 3) -> Dashboard:
    """The "anchors k" dashboard on a precomputed ``anchor_study``; live (redraw only).

    Args:
        study: the result of ``anchor_study``.
        k: the starting number of anchors.

    Returns:
        A Dashboard whose result is {"k", "anchors", "mean_iou", "collisions"}.
    """
    wh = study["wh"]
    ks = np.array(study["k"])

    def compute(k):
        i = k - 1
        return {"k": k, "anchors": study["anchors"][i], "assign": study["assign"][i],
                "mean_iou": float(study["mean_iou"][i]),
                "collisions": int(study["collisions"][i])}  # fmt: skip

    state = {}

    def draw(fig, r, values):
        if not state:
            ax1, ax2, ax3 = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.25, 1, 1]})
            top = float(np.percentile(wh, 99.5)) * 1.1
            state["scatter"] = ax1.scatter(wh[:, 0], wh[:, 1], s=6, animated=True)
            state["rects"] = []
            for j in range(K_MAX):
                rect = Rectangle((0, 0), 1, 1, fill=False, lw=2.2, animated=True,
                                 edgecolor=_CLUSTER_COLOURS[j])  # fmt: skip
                ax1.add_patch(rect)
                state["rects"].append(rect)
            state["dots"] = ax1.scatter([], [], s=60, marker="X", c="k", animated=True, zorder=5)
            ax1.set_xlim(0, top)
            ax1.set_ylim(0, top)
            ax1.set_aspect("equal")
            ax1.set_xlabel("box width w (cells)")
            ax1.set_ylabel("box height h (cells)")
            label_box = {"fc": "white", "ec": "none", "alpha": 0.85}
            state["title1"] = ax1.text(
                0.02, 0.97, "", transform=ax1.transAxes, va="top", fontsize=9, animated=True,
                zorder=6, bbox=label_box,
            )  # fmt: skip
            ax2.plot(ks, study["mean_iou"], "o-", color="#555555")
            state["mark2"] = ax2.plot([], [], "o", ms=11, color="#d62728", animated=True)[0]
            ax2.set_xticks(ks)
            ax2.set_xlabel("number of anchors k")
            ax2.set_ylabel("mean IoU with best anchor")
            ax2.set_title("shape fit", fontsize=10)
            ax2.grid(alpha=0.3)
            state["bars"] = ax3.bar(ks, study["collisions"], color="#999999", animated=True)
            ax3.set_xticks(ks)
            ax3.set_xlabel("number of anchors k")
            ax3.set_ylabel("objects that collide")
            ax3.set_title(f"same cell and anchor ({study['objects']} objects)", fontsize=10)
            ax3.set_ylim(0, max(1, int(study["collisions"].max())) * 1.25)
            state["title3"] = ax3.text(0.5, 0.95, "", transform=ax3.transAxes, ha="center",
                                       va="top", fontsize=9, animated=True)  # fmt: skip
            fig.subplots_adjust(left=0.07, right=0.98, bottom=0.16, top=0.9, wspace=0.38)
        kk, anchors = r["k"], r["anchors"]
        state["scatter"].set_facecolor(_CLUSTER_COLOURS[r["assign"] % K_MAX])
        for j, rect in enumerate(state["rects"]):
            rect.set_visible(j < kk)
            if j < kk:
                rect.set_width(anchors[j, 0])
                rect.set_height(anchors[j, 1])
        state["dots"].set_offsets(anchors)
        state["title1"].set_text(f"k = {kk} anchors (rectangles), boxes by cluster")
        state["mark2"].set_data([kk], [r["mean_iou"]])
        for j, bar in enumerate(state["bars"]):
            bar.set_color("#d62728" if j == kk - 1 else "#bbbbbb")
        state["title3"].set_text(f"k = {kk}: {r['collisions']} collide")

    return Dashboard(compute, draw, {"k": int_slider("anchors k", int(k), 1, K_MAX)}, live=True,
                     figsize=(10.4, 3.6), title="How many anchors?")  # fmt: skip


def _draw_scene(ax, image, before, after, truth_boxes):
    ax.clear()
    ax.imshow(image, extent=(0, 1, 1, 0))
    for x1, y1, x2, y2 in truth_boxes:
        ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, ls=":", lw=1.2,
                               edgecolor="k"))  # fmt: skip
    for _s, (x1, y1, x2, y2), c in zip(*before):
        ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, lw=0.8, alpha=0.35,
                               edgecolor=CLASS_COLOURS[c % 3]))  # fmt: skip
    for s, (x1, y1, x2, y2), c in zip(*after):
        ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, lw=2.4,
                               edgecolor=CLASS_COLOURS[c % 3]))  # fmt: skip
        ax.text(x1, y1, f"{s:.2f}", color="w", fontsize=7, va="bottom",
                bbox={"facecolor": CLASS_COLOURS[c % 3], "pad": 1, "lw": 0})  # fmt: skip
    ax.set_xlim(0, 1)
    ax.set_ylim(1, 0)
    ax.set_xticks([])
    ax.set_yticks([])
    n = len(before[0])
    ax.set_title(f"{n} box{'es' * (n != 1)} -> {len(after[0])} after NMS", fontsize=9)


def _post_process(head, score_threshold, iou_threshold, max_boxes=10):
    xy, wh, conf, probs = head
    before, after = [], []
    for i in range(len(xy)):
        corners = np.clip(ynp.yolo_boxes_to_corners(xy[i], wh[i]), 0.0, 1.0)
        s, b, c = ynp.yolo_filter_boxes(corners, conf[i], probs[i], score_threshold)
        before.append((s, b[:, [1, 0, 3, 2]], c))
        s, b, c = ynp.yolo_non_max_suppression(s, b, c, max_boxes, iou_threshold)
        after.append((s, b[:, [1, 0, 3, 2]], c))
    return before, after


def threshold_dashboard(images, head, truth, class_names, show: int = 4) -> Dashboard:
    """Score threshold and NMS IoU threshold on precomputed detections (recomputed on release).

    Args:
        images: (m, H, W, 3) scenes; head: ``yolo_head`` output (box_xy, box_wh,
            box_confidence, box_class_probs) for the same m scenes, each (m, S, S, A, .).
        truth: list of (boxes (k, 4) corners, classes (k,)) for the m scenes.
        class_names: names of the classes, for the legend.
        show: how many of the scenes are drawn (precision and recall use all m).

    Returns:
        A Dashboard whose result holds "precision", "recall", "before" and "after" (kept boxes
        per shown scene) for the current thresholds.
    """
    show = min(int(show), len(images))

    def compute(score_threshold, iou_threshold):
        before, after = _post_process(head, score_threshold, iou_threshold)
        p, r = ynp.precision_recall(after, truth)
        return {"precision": p, "recall": r, "before": before[:show], "after": after[:show],
                "boxes_before": sum(len(b[0]) for b in before),
                "boxes_after": sum(len(a[0]) for a in after)}  # fmt: skip

    def draw(fig, res, values):
        if not fig.axes:
            fig.subplots(1, show)
            fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.78, wspace=0.05)
        for i, ax in enumerate(fig.axes):
            _draw_scene(ax, images[i], res["before"][i], res["after"][i], truth[i][0])
        for t in list(fig.texts):
            t.remove()
        legend = ", ".join(f"{n} = {c}" for n, c in zip(class_names, ("blue", "red", "green")))
        fig.text(0.5, 0.97, f"precision {res['precision']:.3f}, recall {res['recall']:.3f} on "
                 f"{len(images)} scenes ({res['boxes_before']} boxes -> {res['boxes_after']} "
                 "after NMS)", ha="center", va="top", fontsize=10)  # fmt: skip
        fig.text(0.5, 0.89, f"faint: before NMS, bold: after, dotted: truth; {legend}",
                 ha="center", va="top", fontsize=8.5)  # fmt: skip

    controls = {
        "score_threshold": float_slider("score threshold", 0.5, 0.05, 0.95, 0.05),
        "iou_threshold": float_slider("IoU threshold", 0.5, 0.05, 0.95, 0.05),
    }
    return Dashboard(compute, draw, controls, live=False, figsize=(10.4, 3.3),
                     title="Score filtering and non-max suppression")  # fmt: skip
