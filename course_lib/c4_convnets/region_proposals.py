"""Region proposals, then classification: R-CNN, Fast R-CNN and the RPN's anchors, in NumPy.

Two-stage detectors first *propose* a few regions that may hold an object and then
*classify* each of them. This module makes both stages small enough to run on the shape
scenes (course_lib/c4_convnets/scenes.py) in seconds:

* **Proposals** (C4.84): ``propose_regions`` segments the image with Felzenszwalb's graph
  algorithm (``skimage.segmentation.felzenszwalb``) at a few scales, takes the bounding box
  of every region and of every pair of touching regions (a one-step version of selective
  search's merging). ``sliding_window_boxes`` is the brute-force alternative: every window
  of a few sizes on a grid. ``proposal_recall`` and ``recall_curve`` measure which fraction
  of the true boxes some proposal finds at IoU >= 0.5.
* **Classification**: a fixed convolutional *backbone* (``backbone_forward``: 8 oriented
  edge filters on the grey image, ReLU) and a softmax classifier on pooled features
  (``train_softmax``). R-CNN (``rcnn_features``) crops every proposal from the image,
  resizes it and runs the backbone on each crop: one backbone evaluation per proposal.
  Fast R-CNN (C4.85, ``fast_rcnn_features``) runs the backbone once on the whole image and
  pools each proposal's part of the shared feature map (``roi_pool``).
* **Costs**: ``detector_costs`` counts backbone evaluations and multiplications of R-CNN,
  Fast R-CNN and a one-pass detector such as YOLO.
* **Faster R-CNN** (C4.86): its region proposal network scores k anchor boxes at every
  position of the feature map; ``rpn_anchors`` builds those anchors.

Boxes are corners (x1, y1, x2, y2) as fractions of the image side (boxes.py); class 0 of
the classifier is "background" and class c + 1 is shape class c of the scenes.

Taught in: notebooks/c4_convnets/12_region_proposals.py.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage
from skimage.segmentation import felzenszwalb

from course_lib.c4_convnets.boxes import iou_matrix, require_boxes
from course_lib.c4_convnets.convolution import conv_forward_vectorized, conv_multiplies
from course_lib.validation import require_int, require_number, require_shape

__all__ = [
    "BACKBONE_F",
    "propose_regions",
    "sliding_window_boxes",
    "proposal_recall",
    "recall_curve",
    "label_proposals",
    "backbone_filters",
    "backbone_forward",
    "crop_and_resize",
    "roi_pool",
    "rcnn_features",
    "fast_rcnn_features",
    "train_softmax",
    "predict_softmax",
    "detector_costs",
    "rpn_anchors",
]

BACKBONE_F = 5  # the backbone's filter size
_N_ORIENTATIONS = 4


def _image(name: str, image) -> np.ndarray:
    image = require_shape(name, image, (None, None, 3), "(n_H, n_W, 3)", finite=True)
    if min(image.shape[:2]) < 8:
        raise ValueError(f"{name} must be at least 8 x 8 pixels; got {image.shape[:2]}.")
    return image.astype(np.float64)


def _positive(name: str, values) -> tuple[float, ...]:
    arr = require_shape(name, np.atleast_1d(values), (None,), "(k,)", finite=True)
    if arr.size == 0:
        raise ValueError(f"{name} must hold at least one value (the number k must be >= 1).")
    if (arr <= 0).any():
        raise ValueError(f"{name} must be > 0; got {arr.tolist()}.")
    return tuple(float(v) for v in arr)


# -- stage 1: proposals ---------------------------------------------------------------------


def _region_boxes(labels: np.ndarray, merge_neighbours: bool) -> list[tuple[int, ...]]:
    """Pixel boxes (x1, y1, x2, y2), x2/y2 exclusive, of each region and touching pair."""
    boxes = {}
    for index, where in enumerate(ndimage.find_objects(labels + 1)):
        if where is not None:
            rows, cols = where
            boxes[index] = (cols.start, rows.start, cols.stop, rows.stop)
    found = set(boxes.values())
    if merge_neighbours:
        pairs = set()
        for a, b in ((labels[:, :-1], labels[:, 1:]), (labels[:-1, :], labels[1:, :])):
            touching = a != b
            pairs.update(zip(a[touching].tolist(), b[touching].tolist()))
        for a, b in pairs:
            (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) = boxes[a], boxes[b]
            found.add((min(ax1, bx1), min(ay1, by1), max(ax2, bx2), max(ay2, by2)))
    return sorted(found)


def propose_regions(
    image,
    scales=(30,),
    sigma: float = 0.5,
    min_size: int = 10,
    merge_neighbours: bool = True,
    max_proposals: int = 300,
) -> np.ndarray:
    """Box proposals from a segmentation: the boxes of Felzenszwalb regions at a few scales.

    Args:
        image: (n_H, n_W, 3) floats in [0, 1].
        scales: Felzenszwalb's scale parameters (larger: fewer, bigger regions).
        sigma: Gaussian smoothing before segmenting. min_size: smallest region (pixels).
        merge_neighbours: also propose the box around every pair of touching regions.
        max_proposals: keep at most this many (the largest boxes first).

    Returns:
        (k, 4) distinct corner boxes (x1, y1, x2, y2) in [0, 1], largest area first.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 2.
    """
    image = _image("image", image)
    scales = _positive("scales", scales)
    sigma = require_number("sigma", sigma, 0.0, 10.0)
    min_size = require_int("min_size", min_size, 1)
    max_proposals = require_int("max_proposals", max_proposals, 1)
    n_H, n_W = image.shape[:2]
    found = set()
    for scale in scales:
        labels = felzenszwalb(image, scale=scale, sigma=sigma, min_size=min_size)
        found.update(_region_boxes(labels, bool(merge_neighbours)))
    boxes = np.array(sorted(found), dtype=np.float64).reshape(-1, 4)
    boxes /= np.array([n_W, n_H, n_W, n_H], dtype=np.float64)
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    order = np.argsort(-areas, kind="stable")
    return boxes[order][:max_proposals]


def sliding_window_boxes(sizes=(0.2, 0.35, 0.5), step: float = 0.1) -> np.ndarray:
    """Every square window of the given sizes at a grid of positions (a brute-force proposal).

    Args:
        sizes: window sides as fractions of the image side, each in (0, 1].
        step: distance between neighbouring windows, a fraction of the image side in (0, 1].

    Returns:
        (k, 4) corner boxes inside [0, 1].

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 2.
    """
    sizes = _positive("sizes", sizes)
    if max(sizes) > 1:
        raise ValueError(f"sizes must be fractions of the image side in (0, 1]; got {sizes}.")
    step = require_number("step", step, 0, 1)
    if step <= 0:
        raise ValueError("step must be > 0 (windows must move), got 0.")
    boxes = []
    for size in sizes:
        starts = np.arange(0.0, 1.0 - size + 1e-9, step)
        for y in starts:
            for x in starts:
                boxes.append((x, y, x + size, y + size))
    return np.clip(np.array(boxes, dtype=np.float64), 0.0, 1.0)


def proposal_recall(proposals, gt_boxes, threshold: float = 0.5) -> float:
    """Fraction of the true boxes that some proposal overlaps with IoU >= threshold.

    Args:
        proposals: (k, 4) corner boxes. gt_boxes: (n, 4) true boxes (n >= 1).
        threshold: the IoU a proposal needs to count as finding a box.

    Returns:
        float in [0, 1]; 0 when there are no proposals.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 2.
    """
    gt = require_boxes("gt_boxes", gt_boxes)
    if len(gt) == 0:
        raise ValueError("gt_boxes must hold at least one true box (recall of nothing).")
    threshold = require_number("threshold", threshold, 0, 1)
    props = require_boxes("proposals", np.reshape(proposals, (-1, 4)) if np.size(proposals)
                          == 0 else proposals)  # fmt: skip
    if len(props) == 0:
        return 0.0
    return float(np.mean(iou_matrix(gt, props).max(axis=1) >= threshold))


def recall_curve(proposals_list, gt_list, counts, threshold: float = 0.5, seed: int = 0):
    """Recall over many images when each keeps only its first k proposals, for every k.

    The proposals of each image are put in a random (seeded) order first, so the curve shows
    what the number of proposals buys, not the order in which they were made.

    Args:
        proposals_list: list of (k_i, 4) proposals, one per image.
        gt_list: list of (n_i, 4) true boxes (same length).
        counts: the numbers k of proposals to try, each >= 1.
        threshold: IoU needed. seed: the shuffling's seed.

    Returns:
        (len(counts),) recall over all true boxes of all images.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 2.
    """
    if not isinstance(proposals_list, list | tuple) or not isinstance(gt_list, list | tuple):
        raise TypeError("proposals_list and gt_list must be lists with one array per image.")
    if len(proposals_list) != len(gt_list) or not gt_list:
        raise ValueError(
            f"proposals_list and gt_list need one entry per image, the same number (>= 1); "
            f"got {len(proposals_list)} and {len(gt_list)}."
        )
    counts = [require_int("each count k", k, 1) for k in np.atleast_1d(counts)]
    if not counts:
        raise ValueError("counts must hold at least one number of proposals k >= 1.")
    threshold = require_number("threshold", threshold, 0, 1)
    rng = np.random.default_rng(seed)
    best = []  # per image: (n_i, k_i) IoU of each true box with each shuffled proposal
    for props, gt in zip(proposals_list, gt_list):
        gt = require_boxes("each gt_boxes", gt)
        props = require_boxes("each proposals", np.reshape(props, (-1, 4)))
        best.append(iou_matrix(gt, props[rng.permutation(len(props))]))
    total = sum(len(b) for b in best)
    if total == 0:
        raise ValueError("the images hold no true boxes; recall needs at least one.")
    out = []
    for k in counts:
        found = sum(int((b[:, :k].max(axis=1, initial=0.0) >= threshold).sum()) for b in best)
        out.append(found / total)
    return np.array(out)


def label_proposals(
    proposals, gt_boxes, gt_classes, fg_threshold: float = 0.5, bg_threshold: float = 0.3
) -> np.ndarray:
    """Training labels of proposals: the class of the box they overlap, or background.

    Args:
        proposals: (k, 4). gt_boxes: (n, 4). gt_classes: (n,) ints >= 0 (the scenes').
        fg_threshold: IoU >= this with a true box -> that box's class + 1.
        bg_threshold: best IoU < this -> 0 (background). In between -> -1 (not used).

    Returns:
        (k,) int labels in {-1, 0, 1, ..., C}.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    props = require_boxes("proposals", proposals)
    gt = require_boxes("gt_boxes", np.reshape(gt_boxes, (-1, 4)) if np.size(gt_boxes) == 0
                       else gt_boxes)  # fmt: skip
    classes = require_shape("gt_classes", np.atleast_1d(gt_classes), (len(gt),), "(n,)",
                            finite=True)  # fmt: skip
    if classes.size and (classes.min() < 0 or not np.array_equal(classes, np.round(classes))):
        raise ValueError("gt_classes must hold class indices 0, 1, ... (whole numbers >= 0).")
    fg_threshold = require_number("fg_threshold", fg_threshold, 0, 1)
    bg_threshold = require_number("bg_threshold", bg_threshold, 0, 1)
    if bg_threshold > fg_threshold:
        raise ValueError(
            f"bg_threshold ({bg_threshold}) must not exceed fg_threshold ({fg_threshold})."
        )
    labels = np.full(len(props), -1, dtype=np.int64)
    if len(gt) == 0:
        labels[:] = 0
        return labels
    overlaps = iou_matrix(props, gt)
    best, which = overlaps.max(axis=1), overlaps.argmax(axis=1)
    labels[best < bg_threshold] = 0
    fg = best >= fg_threshold
    labels[fg] = classes.astype(np.int64)[which[fg]] + 1
    return labels


# -- stage 2: features and classifier -------------------------------------------------------


def backbone_filters() -> tuple[np.ndarray, np.ndarray]:
    """The fixed backbone's weights: oriented edge detectors on the grey image.

    Four orientations (0, 45, 90, 135 degrees) of a 5x5 derivative-of-Gaussian filter, each
    with both signs, applied to the mean of the three colour channels.

    Returns:
        W (5, 5, 3, 8) and b (1, 1, 1, 8) (zeros), in conv_forward's layout.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    r = np.arange(BACKBONE_F) - BACKBONE_F // 2
    y, x = np.meshgrid(r, r, indexing="ij")
    gauss = np.exp(-(x**2 + y**2) / 2.0)
    filters = []
    for k in range(_N_ORIENTATIONS):
        angle = np.pi * k / _N_ORIENTATIONS
        d = (np.cos(angle) * x + np.sin(angle) * y) * gauss
        d /= np.abs(d).sum()
        filters += [d, -d]
    W = np.stack(filters, axis=-1)[:, :, None, :] / 3.0  # mean of the colour channels
    return np.repeat(W, 3, axis=2), np.zeros((1, 1, 1, 2 * _N_ORIENTATIONS))


def backbone_forward(images) -> np.ndarray:
    """Feature maps of the fixed backbone: CONV 5x5 same (8 edge filters) -> RELU.

    Args:
        images: (m, n_H, n_W, 3).

    Returns:
        (m, n_H, n_W, 8) non-negative edge responses.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    images = require_shape("images", images, (None, None, None, 3), "(m, n_H, n_W, 3)")
    if min(images.shape[1:3]) < 1:
        raise ValueError(f"images must have n_H, n_W >= 1; got {images.shape}.")
    W, b = backbone_filters()
    Z, _ = conv_forward_vectorized(
        images.astype(np.float64), W, b, {"stride": 1, "pad": BACKBONE_F // 2}
    )
    return np.maximum(Z, 0.0)


def _pixel_windows(boxes: np.ndarray, n_H: int, n_W: int) -> np.ndarray:
    """Integer windows (r1, c1, r2, c2), at least one pixel, of normalised boxes."""
    x1 = np.floor(boxes[:, 0] * n_W).astype(int)
    y1 = np.floor(boxes[:, 1] * n_H).astype(int)
    x2 = np.ceil(boxes[:, 2] * n_W).astype(int)
    y2 = np.ceil(boxes[:, 3] * n_H).astype(int)
    x1, y1 = np.clip(x1, 0, n_W - 1), np.clip(y1, 0, n_H - 1)
    x2, y2 = np.clip(np.maximum(x2, x1 + 1), 1, n_W), np.clip(np.maximum(y2, y1 + 1), 1, n_H)
    return np.stack([y1, x1, y2, x2], axis=1)


def crop_and_resize(image, boxes, size: int = 24) -> np.ndarray:
    """Cut every box out of the image and resize it to size x size (bilinear), as R-CNN does.

    Args:
        image: (n_H, n_W, n_C). boxes: (k, 4) corner boxes in [0, 1]. size: output side.

    Returns:
        (k, size, size, n_C) crops; a box's aspect ratio is not kept (it is warped).

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    image = require_shape("image", image, (None, None, None), "(n_H, n_W, n_C)", finite=True)
    boxes = require_boxes("boxes", boxes)
    size = require_int("size", size, 1)
    n_H, n_W, n_C = image.shape
    if min(n_H, n_W, n_C) < 1:
        raise ValueError(f"image must have n_H, n_W, n_C >= 1; got {image.shape}.")
    t = (np.arange(size) + 0.5) / size
    out = np.empty((len(boxes), size, size, n_C))
    for i, (x1, y1, x2, y2) in enumerate(boxes):
        rows = (y1 + t * (y2 - y1)) * n_H - 0.5  # pixel centres of the crop
        cols = (x1 + t * (x2 - x1)) * n_W - 0.5
        rr, cc = np.meshgrid(rows, cols, indexing="ij")
        for c in range(n_C):
            out[i, :, :, c] = ndimage.map_coordinates(
                image[:, :, c].astype(np.float64), [rr, cc], order=1, mode="nearest"
            )
    return out


def roi_pool(feature_map, boxes, grid: int = 4) -> np.ndarray:
    """RoI max pooling: split each box's part of the map into grid x grid bins, max of each.

    Args:
        feature_map: (n_H, n_W, n_C) of one image. boxes: (k, 4) corner boxes in [0, 1].
        grid: bins per side; every box gives the same number of features whatever its size.

    Returns:
        (k, grid * grid * n_C) pooled features.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 4.
    """
    fmap = require_shape("feature_map", feature_map, (None, None, None), "(n_H, n_W, n_C)",
                         finite=True)  # fmt: skip
    boxes = require_boxes("boxes", boxes)
    grid = require_int("grid", grid, 1)
    n_H, n_W, n_C = fmap.shape
    if min(n_H, n_W, n_C) < 1:
        raise ValueError(f"feature_map must have n_H, n_W, n_C >= 1; got {fmap.shape}.")
    out = np.empty((len(boxes), grid, grid, n_C))
    for i, (r1, c1, r2, c2) in enumerate(_pixel_windows(boxes, n_H, n_W)):
        r_edges = np.linspace(r1, r2, grid + 1)
        c_edges = np.linspace(c1, c2, grid + 1)
        for u in range(grid):
            ra = int(np.floor(r_edges[u]))
            rb = max(int(np.ceil(r_edges[u + 1])), ra + 1)
            for v in range(grid):
                ca = int(np.floor(c_edges[v]))
                cb = max(int(np.ceil(c_edges[v + 1])), ca + 1)
                out[i, u, v] = fmap[ra:rb, ca:cb].max(axis=(0, 1))
    return out.reshape(len(boxes), -1)


def rcnn_features(image, boxes, crop_size: int = 24, grid: int = 4) -> np.ndarray:
    """R-CNN's way: crop and warp every proposal, run the backbone on each crop, pool.

    Args:
        image: (n_H, n_W, 3). boxes: (k, 4) proposals. crop_size: side of the warped crop.
        grid: RoI bins per side of the pooled features.

    Returns:
        (k, grid * grid * 8) features; the backbone ran k times (once per crop).

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    image = _image("image", image)
    boxes = require_boxes("boxes", boxes)
    crop_size = require_int("crop_size", crop_size, BACKBONE_F)
    grid = require_int("grid", grid, 1)
    if len(boxes) == 0:
        return np.zeros((0, grid * grid * 2 * _N_ORIENTATIONS))
    maps = backbone_forward(crop_and_resize(image, boxes, crop_size))
    whole = np.array([[0.0, 0.0, 1.0, 1.0]])
    return np.concatenate([roi_pool(fm, whole, grid) for fm in maps])


def fast_rcnn_features(image, boxes, grid: int = 4) -> np.ndarray:
    """Fast R-CNN's way: run the backbone once on the whole image, pool every proposal.

    Args:
        image: (n_H, n_W, 3). boxes: (k, 4) proposals. grid: RoI bins per side.

    Returns:
        (k, grid * grid * 8) features; the backbone ran once for all k proposals.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 4.
    """
    image = _image("image", image)
    boxes = require_boxes("boxes", boxes)
    grid = require_int("grid", grid, 1)
    return roi_pool(backbone_forward(image[None])[0], boxes, grid)


def _softmax_inputs(X, y=None, n_classes=None):
    X = require_shape("X", X, (None, None), "(k, n_features)", finite=True)
    if X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X needs at least one example and one feature; got {X.shape}.")
    if y is None:
        return X, None
    y = require_shape("y", y, (X.shape[0],), "(k,) one label per row of X")
    if not np.array_equal(y, np.round(y)) or y.min() < 0 or y.max() >= n_classes:
        raise ValueError(f"y must hold class indices 0 .. {n_classes - 1}.")
    return X, y.astype(np.int64)


def train_softmax(
    X, y, n_classes: int, num_iterations: int = 300, learning_rate: float = 0.5, lambd=1e-3
) -> dict:
    """Softmax regression by full-batch gradient descent on standardised features.

    Args:
        X: (k, n_features) features (one example per row, as the features come).
        y: (k,) labels 0 .. n_classes - 1. n_classes: C (>= 2).
        num_iterations, learning_rate: the gradient descent budget. lambd: L2 strength.

    Returns:
        {"W": (n_features, C), "b": (1, C), "mean": (1, n_features), "std": (1, n_features),
        "costs": list of the cost every 50 iterations}.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    n_classes = require_int("n_classes", n_classes, 2)
    X, y = _softmax_inputs(X, y, n_classes)
    num_iterations = require_int("num_iterations", num_iterations, 1)
    learning_rate = require_number("learning_rate", learning_rate, 0.0, 100.0)
    lambd = require_number("lambd", lambd, 0.0, 100.0)
    mean, std = X.mean(axis=0, keepdims=True), X.std(axis=0, keepdims=True) + 1e-8
    Xs = (X - mean) / std
    k, n = Xs.shape
    Y = np.eye(n_classes)[y]
    W, b = np.zeros((n, n_classes)), np.zeros((1, n_classes))
    costs = []
    for it in range(num_iterations):
        Z = Xs @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        if it % 50 == 0 or it == num_iterations - 1:
            cost = -np.mean(np.log(P[np.arange(k), y] + 1e-12)) + lambd / 2 * np.sum(W**2)
            costs.append(float(cost))
        dZ = (P - Y) / k
        W -= learning_rate * (Xs.T @ dZ + lambd * W)
        b -= learning_rate * dZ.sum(axis=0, keepdims=True)
    return {"W": W, "b": b, "mean": mean, "std": std, "costs": costs}


def predict_softmax(model: dict, X) -> np.ndarray:
    """Class probabilities of a ``train_softmax`` model.

    Args:
        model: the dict train_softmax returned. X: (k, n_features).

    Returns:
        (k, C) probabilities (rows sum to 1).

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 3.
    """
    if not isinstance(model, dict) or not {"W", "b", "mean", "std", "costs"} <= set(model):
        raise ValueError("model must be the dict train_softmax returned (W, b, mean, std, costs).")
    X, _ = _softmax_inputs(X)
    W = require_shape("model['W']", model["W"], (X.shape[1], None), "(n_features, C)",
                      finite=True)  # fmt: skip
    Z = (X - model["mean"]) / model["std"] @ W + model["b"]
    Z -= Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    return P / P.sum(axis=1, keepdims=True)


# -- costs and the region proposal network --------------------------------------------------


def detector_costs(n_proposals: int, image_size: int = 64, crop_size: int = 24) -> dict:
    """Backbone evaluations and multiplications: R-CNN vs Fast R-CNN vs a one-pass detector.

    The backbone is this module's CONV 5x5 same with 8 filters on a 3-channel input.

    Args:
        n_proposals: proposals per image (>= 1). image_size: side of the image (pixels).
        crop_size: side of R-CNN's warped crops.

    Returns:
        {"R-CNN": {"evaluations", "multiplies"}, "Fast R-CNN": {...}, "one pass": {...}}:
        R-CNN runs the backbone on n_proposals crops; Fast R-CNN and a one-pass detector
        such as YOLO run it once on the whole image (Fast R-CNN then pools every proposal,
        at no multiplications; YOLO has no proposals at all).

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 4.
    """
    n_proposals = require_int("n_proposals", n_proposals, 1)
    image_size = require_int("image_size", image_size, BACKBONE_F)
    crop_size = require_int("crop_size", crop_size, BACKBONE_F)
    n_C = 2 * _N_ORIENTATIONS
    pad = BACKBONE_F // 2
    per_crop = conv_multiplies(crop_size, crop_size, 3, BACKBONE_F, n_C, pad)
    whole = conv_multiplies(image_size, image_size, 3, BACKBONE_F, n_C, pad)
    return {
        "R-CNN": {"evaluations": n_proposals, "multiplies": n_proposals * per_crop},
        "Fast R-CNN": {"evaluations": 1, "multiplies": whole},
        "one pass": {"evaluations": 1, "multiplies": whole},
    }


def rpn_anchors(n_H: int, n_W: int, sizes=(0.25, 0.5), ratios=(0.5, 1.0, 2.0)) -> np.ndarray:
    """The anchor boxes a region proposal network scores: k per position of the feature map.

    At the centre of every cell of an n_H x n_W feature map sit k = len(sizes) * len(ratios)
    anchors; an anchor of size a and ratio r (height / width) has height a sqrt(r) and width
    a / sqrt(r) (same area a^2). The RPN outputs 2k objectness scores (object / not) and 4k
    box corrections per position.

    Args:
        n_H, n_W: feature-map size. sizes: anchor sides (fractions of the image).
        ratios: height / width ratios.

    Returns:
        (n_H * n_W * k, 4) corner boxes (may reach outside [0, 1] at the border), ordered
        by row, column, then anchor.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 5.
    """
    n_H = require_int("n_H", n_H, 1)
    n_W = require_int("n_W", n_W, 1)
    sizes = _positive("sizes (the number of anchor sizes k must be >= 1)", sizes)
    ratios = _positive("ratios (the number of anchor shapes k must be >= 1)", ratios)
    hw = np.array([(a * np.sqrt(r), a / np.sqrt(r)) for a in sizes for r in ratios])
    cy = (np.arange(n_H) + 0.5) / n_H
    cx = (np.arange(n_W) + 0.5) / n_W
    yy, xx = np.meshgrid(cy, cx, indexing="ij")
    centres = np.stack([xx, yy], axis=-1).reshape(-1, 1, 2)
    half = np.stack([hw[:, 1], hw[:, 0]], axis=-1)[None] / 2  # (1, k, 2): half width, height
    return np.concatenate([centres - half, centres + half], axis=-1).reshape(-1, 4)
