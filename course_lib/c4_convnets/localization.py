"""Object localisation and landmark detection in NumPy: targets, losses, metrics.

Localisation: an image holds one object or none. Its label is the lecture's vector

    y = [p_c, b_x, b_y, b_h, b_w, c_1, c_2, c_3]

with p_c = 1 when an object is there, (b_x, b_y) the box's midpoint, b_h its height and b_w
its width (height before width, as in the lecture), all as fractions of the image side with
(0, 0) the top-left corner and (1, 1) the bottom-right one, and c_1..c_3 the one-hot class.
When p_c = 0 the other seven entries are "don't care" ("?"); ``localization_target`` writes
them as 0 and the loss ignores them. Rows are examples: Y has shape (m, 8).

The course's loss per example: sum_i (yhat_i - y_i)^2 over all 8 entries when y_1 = p_c = 1,
and only (yhat_1 - y_1)^2 when y_1 = 0. ``practical_localization_loss`` is the variant used in
practice: logistic loss for p_c, cross-entropy for the class softmax, squared error for the box.

Landmarks: the output is [p, l_1x, l_1y, ..., l_nx, l_ny] (1 + 2n numbers), each landmark in
the same order in every label.

Taught in: notebooks/c4_convnets/09_localization_and_landmarks.py
"""

from __future__ import annotations

import numbers

import numpy as np

from course_lib.c4_convnets.boxes import corners_to_midpoints, iou_matrix, require_boxes
from course_lib.validation import require_int, require_shape

__all__ = [
    "localization_target",
    "target_to_boxes",
    "localization_loss",
    "localization_loss_forward",
    "localization_loss_backward",
    "localization_outputs",
    "practical_localization_loss",
    "localization_metrics",
    "landmark_output_size",
    "landmark_target",
    "shuffle_landmarks",
    "landmark_loss",
    "landmark_error",
]

N_BOX = 4


def _targets(name: str, Y, n_y: int | None = None) -> np.ndarray:
    """(m, n_y) finite targets whose first column p_c is 0 or 1."""
    Y = require_shape(name, Y, (None, n_y), "(m, n_y)" if n_y is None else f"(m, {n_y})")
    if Y.shape[1] < 1:
        raise ValueError(f"{name} must have at least one column (p_c); got {Y.shape}.")
    p_c = Y[:, 0]
    if not np.all((p_c == 0) | (p_c == 1)):
        bad = int(np.flatnonzero((p_c != 0) & (p_c != 1))[0])
        raise ValueError(
            f"{name}[:, 0] is p_c, the label 'is there an object': it must be 0 or 1; "
            f"example {bad} has p_c = {p_c[bad]!r}."
        )
    return Y.astype(np.float64)


def _pair(Y_hat, Y, n_y: int | None = None):
    Y = _targets("Y", Y, n_y)
    Y_hat = require_shape("Y_hat", Y_hat, Y.shape, f"(m, {Y.shape[1]})", finite=True)
    return Y_hat.astype(np.float64), Y


def localization_target(boxes, classes, n_classes: int = 3) -> np.ndarray:
    """Build the lecture's targets y = [p_c, b_x, b_y, b_h, b_w, c_1..c_n] for m images.

    Args:
        boxes: list of m arrays (k_i, 4), corners (x1, y1, x2, y2) in [0, 1], with k_i = 0
            (no object) or 1 (localisation: one object per image), e.g. the "boxes" of
            ``scenes.make_shape_scenes(m, min_objects=0, max_objects=1)``.
        classes: list of m int arrays (k_i,), the class index c in 0..n_classes-1.
        n_classes: number of classes (3: circle, rectangle, triangle).

    Returns:
        Y, shape (m, 5 + n_classes). Rows with no object are [0, 0, ..., 0]: the entries
        after p_c are "don't care" there.
    """
    n_classes = require_int("n_classes", n_classes, 1)
    if isinstance(boxes, np.ndarray) and boxes.ndim == 2:
        boxes = list(boxes[:, None, :])
    if isinstance(classes, np.ndarray) and classes.ndim == 1:
        classes = list(classes[:, None])
    if not isinstance(boxes, list | tuple) or not isinstance(classes, list | tuple):
        raise TypeError("boxes and classes must be lists of m arrays (one per image).")
    if len(boxes) != len(classes):
        raise ValueError(
            f"boxes and classes must hold one entry per image; got {len(boxes)} and {len(classes)}."
        )
    if len(boxes) < 1:
        raise ValueError("boxes holds no examples (m = 0): at least one image is needed.")
    Y = np.zeros((len(boxes), 5 + n_classes))
    for i, (b, c) in enumerate(zip(boxes, classes)):
        b = np.asarray(b)
        if b.size == 0:
            continue
        b = require_boxes(f"boxes[{i}]", b)
        c = np.asarray(c).reshape(-1)
        if len(b) != 1 or c.size != 1:
            raise ValueError(
                f"localisation labels one object per image: image {i} has {len(b)} boxes and "
                f"{c.size} classes (use max_objects=1, or a detection target for more)."
            )
        if c.dtype.kind not in "iu" or not 0 <= int(c[0]) < n_classes:
            raise ValueError(
                f"classes[{i}] must be an integer class index in 0..{n_classes - 1}; got {c[0]!r}."
            )
        Y[i, 0] = 1.0
        Y[i, 1:5] = corners_to_midpoints(b[0])
        Y[i, 5 + int(c[0])] = 1.0
    return Y


def target_to_boxes(Y) -> np.ndarray:
    """The corner boxes (x1, y1, x2, y2) of targets or predictions [p_c, b_x, b_y, b_h, b_w, ...].

    Args:
        Y: (m, n_y) with n_y >= 5; negative predicted b_h, b_w are treated as 0.

    Returns:
        (m, 4) corners (b_x - b_w/2, b_y - b_h/2, b_x + b_w/2, b_y + b_h/2).
    """
    Y = require_shape("Y", Y, (None, None), "(m, n_y)")
    if Y.shape[1] < 5:
        raise ValueError(f"Y must hold [p_c, b_x, b_y, b_h, b_w, ...], n_y >= 5; got {Y.shape}.")
    bx, by = Y[:, 1], Y[:, 2]
    bh, bw = np.maximum(Y[:, 3], 0.0), np.maximum(Y[:, 4], 0.0)
    return np.stack([bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2], axis=1)


def localization_loss_forward(Y_hat, Y):
    """The course's localisation loss averaged over the m examples, and a cache.

    L(yhat, y) = sum_{i=1}^{n_y} (yhat_i - y_i)^2 if y_1 = 1, and (yhat_1 - y_1)^2 if y_1 = 0;
    J = (1/m) sum over the examples of L.

    Args:
        Y_hat: predictions (m, n_y). Y: targets (m, n_y), Y[:, 0] = p_c in {0, 1}.

    Returns:
        (J, cache): J a float, cache (Y_hat, Y) for ``localization_loss_backward``.
    """
    Y_hat, Y = _pair(Y_hat, Y)
    diff2 = (Y_hat - Y) ** 2
    per_example = np.where(Y[:, 0] == 1, diff2.sum(axis=1), diff2[:, 0])
    return float(per_example.mean()), (Y_hat, Y)


def localization_loss(Y_hat, Y) -> float:
    """The course's localisation loss J (a float); see ``localization_loss_forward``.

    Args:
        Y_hat: predictions (m, n_y). Y: targets (m, n_y) with p_c = Y[:, 0] in {0, 1}.

    Returns:
        J = (1/m) sum_j L(yhat^(j), y^(j)).
    """
    return localization_loss_forward(Y_hat, Y)[0]


def localization_loss_backward(dJ, cache) -> dict:
    """Gradient of the course's localisation loss with respect to the predictions.

    dJ/dyhat_i = (2/m) (yhat_i - y_i) for every i when y_1 = 1; only for i = 1 (p_c) when
    y_1 = 0 (the "don't care" entries get no gradient).

    Args:
        dJ: upstream gradient, a number (1.0 for J itself).
        cache: (Y_hat, Y) from ``localization_loss_forward``.

    Returns:
        {"dY_hat": (m, n_y)}.
    """
    if not isinstance(cache, tuple | list) or len(cache) != 2:
        raise ValueError(
            "cache must be the (Y_hat, Y) pair that localization_loss_forward returned."
        )
    Y_hat, Y = _pair(*cache)
    dJ = np.asarray(require_shape("dJ", dJ, (), "a number"), float)
    mask = np.ones_like(Y)
    mask[Y[:, 0] == 0, 1:] = 0.0
    return {"dY_hat": float(dJ) * 2.0 * mask * (Y_hat - Y) / Y.shape[0]}


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def _log_softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)
    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


def localization_outputs(Z) -> np.ndarray:
    """Turn a network's raw outputs into a prediction in the target's layout.

    Args:
        Z: (m, 5 + n_classes) raw outputs: a logit for p_c, the 4 box numbers, class logits.

    Returns:
        Y_hat (m, 5 + n_classes): [sigmoid(z_1), b_x, b_y, b_h, b_w, softmax(class logits)].
    """
    Z = require_shape("Z", Z, (None, None), "(m, 5 + n_classes)").astype(np.float64)
    if Z.shape[1] < 6:
        raise ValueError(f"Z must have 5 + n_classes >= 6 columns; got {Z.shape}.")
    out = Z.copy()
    out[:, 0] = _sigmoid(Z[:, 0])
    out[:, 5:] = np.exp(_log_softmax(Z[:, 5:]))
    return out


def practical_localization_loss(Z, Y, box_weight: float = 1.0) -> float:
    """The loss used in practice, averaged over the m examples.

    Per example: logistic loss for p_c, -[y_1 log sigma(z_1) + (1 - y_1) log(1 - sigma(z_1))];
    plus, only when y_1 = 1, the squared error of the 4 box numbers and the cross-entropy
    -sum_k c_k log softmax(z)_k of the class.

    Args:
        Z: raw outputs (m, 5 + n_classes) (logit, box, class logits).
        Y: targets (m, 5 + n_classes).
        box_weight: factor on the box term (1 in the lecture's form; training often uses
            more, since box errors are small fractions of the image).

    Returns:
        J, a float.
    """
    Z, Y = _pair(Z, Y)
    if isinstance(box_weight, bool) or not isinstance(box_weight, numbers.Real):
        raise TypeError(f"box_weight must be a number >= 0; got {box_weight!r}.")
    if not 0 <= box_weight < np.inf:
        raise ValueError(f"box_weight must be a finite number >= 0; got {box_weight}.")
    if Y.shape[1] < 6:
        raise ValueError(f"Y must have 5 + n_classes >= 6 columns; got {Y.shape}.")
    y, z = Y[:, 0], Z[:, 0]
    logistic = np.logaddexp(0.0, z) - y * z  # -[y log s + (1 - y) log(1 - s)], stable
    box = ((Z[:, 1:5] - Y[:, 1:5]) ** 2).sum(axis=1)
    cross_entropy = -(Y[:, 5:] * _log_softmax(Z[:, 5:])).sum(axis=1)
    return float((logistic + y * (box_weight * box + cross_entropy)).mean())


def localization_metrics(Y_hat, Y, threshold: float = 0.5) -> dict:
    """How good localisation predictions are.

    Args:
        Y_hat: predictions (m, 5 + n_classes) in the target layout (p_c a probability).
        Y: targets (m, 5 + n_classes).
        threshold: predict "object" when yhat_1 >= threshold.

    Returns:
        {"p_c_accuracy": share of images where (yhat_1 >= threshold) == y_1,
         "mean_iou": mean IoU of predicted and true box over the images with an object
         (nan if there are none), "class_accuracy": share of those with the right class,
         "ious": (n_objects,) the IoUs}.
    """
    Y_hat, Y = _pair(Y_hat, Y)
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise TypeError(f"threshold must be a number in [0, 1]; got {threshold!r}.")
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be in [0, 1]; got {threshold}.")
    has = Y[:, 0] == 1
    accuracy = float(np.mean((Y_hat[:, 0] >= threshold) == has))
    if not has.any():
        return {"p_c_accuracy": accuracy, "mean_iou": float("nan"), "class_accuracy": float("nan"),
                "ious": np.zeros(0)}  # fmt: skip
    pred, true = target_to_boxes(Y_hat[has]), target_to_boxes(Y[has])
    ious = np.array([iou_matrix(p, t)[0, 0] for p, t in zip(pred, true)])
    classes_ok = np.argmax(Y_hat[has, 5:], axis=1) == np.argmax(Y[has, 5:], axis=1)
    return {
        "p_c_accuracy": accuracy,
        "mean_iou": float(ious.mean()),
        "class_accuracy": float(classes_ok.mean()) if Y.shape[1] > 5 else float("nan"),
        "ious": ious,
    }


# -- landmarks -------------------------------------------------------------------------------


def landmark_output_size(n_landmarks: int) -> int:
    """Number of outputs of a landmark network: 1 (p, "is there a face/object") + 2n.

    Args:
        n_landmarks: n, the landmarks per image (64 for the lecture's face -> 129).

    Returns:
        1 + 2 * n_landmarks.
    """
    return 1 + 2 * require_int("n_landmarks", n_landmarks, 1)


def landmark_target(points, n_landmarks: int) -> np.ndarray:
    """Landmark targets [p, l_1x, l_1y, ..., l_nx, l_ny] for m images.

    Args:
        points: list of m lists, each empty (no object) or holding one (n_landmarks, 2)
            array of (x, y) in [0, 1], in the same landmark order for every image (the
            "points" of ``scenes.make_shape_scenes(..., classes=("triangle",))``: apex,
            bottom-left, bottom-right).
        n_landmarks: n.

    Returns:
        Y (m, 1 + 2n); rows without an object are all 0 (the landmarks are "don't care").
    """
    n = require_int("n_landmarks", n_landmarks, 1)
    if not isinstance(points, list | tuple):
        raise TypeError("points must be a list of m lists of (n_landmarks, 2) arrays.")
    if len(points) < 1:
        raise ValueError("points holds no examples (m = 0): at least one image is needed.")
    Y = np.zeros((len(points), 1 + 2 * n))
    for i, item in enumerate(points):
        item = list(item) if isinstance(item, list | tuple) else [item]
        if not item:
            continue
        if len(item) != 1:
            raise ValueError(f"image {i} has {len(item)} objects; landmark targets need 0 or 1.")
        P = require_shape(f"points[{i}]", item[0], (n, 2), f"(n_landmarks, 2) = ({n}, 2)",
                          finite=True)  # fmt: skip
        Y[i, 0] = 1.0
        Y[i, 1:] = np.asarray(P, float).reshape(-1)
    return Y


def shuffle_landmarks(Y, seed: int = 0) -> np.ndarray:
    """The same landmarks with their order shuffled independently in every label.

    Args:
        Y: landmark targets (m, 1 + 2n). seed: NumPy seed.

    Returns:
        (m, 1 + 2n): each row's (l_kx, l_ky) pairs in a random order (p unchanged), so
        "landmark k" no longer means the same point from one image to the next.
    """
    Y = _targets("Y", Y)
    if Y.shape[1] < 3 or Y.shape[1] % 2 == 0:
        raise ValueError(f"Y must have 1 + 2n columns (n >= 1 landmarks); got {Y.shape}.")
    rng = np.random.default_rng(seed)
    pairs = Y[:, 1:].reshape(len(Y), -1, 2).copy()
    for row in pairs:
        row[:] = row[rng.permutation(len(row))]
    return np.concatenate([Y[:, :1], pairs.reshape(len(Y), -1)], axis=1)


def landmark_loss(Z, Y) -> float:
    """Landmark training loss averaged over m: logistic loss for p, plus, when y_1 = 1, the
    squared error summed over the 2n landmark coordinates.

    Args:
        Z: raw outputs (m, 1 + 2n): a logit for p, then the coordinates.
        Y: targets (m, 1 + 2n).

    Returns:
        J, a float.
    """
    Z, Y = _pair(Z, Y)
    y, z = Y[:, 0], Z[:, 0]
    logistic = np.logaddexp(0.0, z) - y * z
    return float((logistic + y * ((Z[:, 1:] - Y[:, 1:]) ** 2).sum(axis=1)).mean())


def landmark_error(Y_hat, Y) -> float:
    """Mean distance between predicted and true landmarks, over the images with an object.

    Args:
        Y_hat: predictions (m, 1 + 2n). Y: targets (m, 1 + 2n).

    Returns:
        mean over those images and the n landmarks of ||l_hat_k - l_k|| (fractions of the
        image side); nan when no image has an object.
    """
    Y_hat, Y = _pair(Y_hat, Y)
    if Y.shape[1] < 3 or Y.shape[1] % 2 == 0:
        raise ValueError(f"Y must have 1 + 2n columns (n >= 1 landmarks); got {Y.shape}.")
    has = Y[:, 0] == 1
    if not has.any():
        return float("nan")
    d = (Y_hat[has, 1:] - Y[has, 1:]).reshape(int(has.sum()), -1, 2)
    return float(np.sqrt((d**2).sum(axis=2)).mean())
