"""Transfer learning by data size, NumPy side: the data, the new head, the learning curve.

The frozen-features recipe: run the pretrained network once over every image, keep the
activations of one layer (cached: they never change while the head trains), average them
over positions (global average pooling) and train only a new logistic (softmax for two
classes) output layer on them. ``data_size_curve`` measures its test accuracy against the
number of labelled examples per class, next to a head on the raw pixels.

The Keras side (feature extraction, fine-tuning, training from scratch) is in
``transfer_learning_tf.py``.

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.validation import (
    require_binary_labels,
    require_keys,
    require_numeric,
    require_shape,
)

__all__ = [
    "faces_rgb",
    "examples_per_class",
    "global_average_pool",
    "standardise",
    "train_logistic_head",
    "predict_head",
    "head_accuracy",
    "data_size_curve",
]


def faces_rgb(size: int = 48, seed: int = 0) -> dict[str, np.ndarray]:
    """The face / non-face crops (skimage's lfw_subset) as RGB images for VGG16.

    The 25x25 grey crops are resized (bilinear) to size x size and the grey value copied
    into R, G and B, in [0, 255]. Split as course_lib.data.load_faces: 150 train, 50 test.

    Args:
        size: side of the output images (VGG16 needs at least 32). seed: split seed.

    Returns:
        {"train_x": (150, size, size, 3), "train_y": (150,), "test_x": (50, size, size, 3),
        "test_y": (50,), "pixels_train": (150, 625), "pixels_test": (50, 625)} with labels
        1 = face, 0 = non-face; "pixels_*" are the original crops flattened, in [0, 1].

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    from skimage.transform import resize

    from course_lib.data import load_faces

    if int(size) < 32:
        raise ValueError(f"size must be at least 32 (VGG16 pools five times); got {size}.")
    data = load_faces(seed=seed)
    out = {}
    for part, x, y in (
        ("train", data.train_x_orig, data.train_y),
        ("test", data.test_x_orig, data.test_y),
    ):
        big = resize(x, (x.shape[0], size, size), order=1, anti_aliasing=False)
        out[f"{part}_x"] = np.repeat(255.0 * big[..., None], 3, axis=-1)
        out[f"{part}_y"] = y.ravel().astype(np.int64)
        out[f"pixels_{part}"] = x.reshape(x.shape[0], -1)
    return out


def examples_per_class(y, k: int, seed: int = 0) -> np.ndarray:
    """Indices of k examples of each class, drawn without replacement.

    Args:
        y: (m,) integer labels. k: examples per class (at most the smallest class).
        seed: seed of the draw.

    Returns:
        (n_classes * k,) indices into y, class by class.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    y = require_shape("y", y, (None,), "(m,)")
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    if not 1 <= k <= counts.min():
        raise ValueError(
            f"k must be between 1 and the smallest class size {counts.min()}; got {k}."
        )
    return np.concatenate([rng.choice(np.flatnonzero(y == c), k, replace=False) for c in classes])


def global_average_pool(A) -> np.ndarray:
    """Average each channel over all positions: (m, n_H, n_W, n_C) -> (m, n_C).

    Args:
        A: (m, n_H, n_W, n_C) activations.

    Returns:
        (m, n_C).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    A = require_shape("A", A, (None, None, None, None), "(m, n_H, n_W, n_C)")
    return A.mean(axis=(1, 2))


def standardise(F_train, F_test) -> tuple[np.ndarray, np.ndarray]:
    """Scale each feature to mean 0, sd 1 with the TRAINING set's statistics.

    Args:
        F_train: (m_train, n). F_test: (m_test, n).

    Returns:
        (F_train scaled, F_test scaled); features constant on the training set become 0.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    F_train = np.asarray(require_shape("F_train", F_train, (None, None), "(m, n)"), float)
    n = F_train.shape[1]
    F_test = np.asarray(require_shape("F_test", F_test, (None, n), "(m_test, n)"), float)
    mu, sd = F_train.mean(axis=0), F_train.std(axis=0)
    sd = np.where(sd > 1e-12, sd, 1.0)
    return (F_train - mu) / sd, (F_test - mu) / sd


def train_logistic_head(F, y, l2: float = 1.0, max_iterations: int = 200) -> dict:
    """Train the new output layer: logistic regression with an L2 penalty.

    Cost J(w, b) = (1/m) sum_i L(yhat_i, y_i) + (l2 / (2 m)) ||w||^2 with
    yhat = sigmoid(F w + b). The cost and its gradient dJ/dw = (1/m) F^T (yhat - y) +
    (l2/m) w, dJ/db = mean(yhat - y) are the course's; they are handed to L-BFGS
    (scipy) instead of plain gradient descent, which reaches the same minimum (the cost is
    convex) in tens of steps instead of thousands, so a curve of hundreds of heads is quick.

    Args:
        F: (m, n) features (standardised). y: (m,) labels 0/1.
        l2: lambda (> 0 keeps the minimum finite when the classes separate).
        max_iterations: L-BFGS iterations at most.

    Returns:
        {"w": (n, 1), "b": (1, 1), "cost": final J}.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    from scipy.optimize import minimize

    F = np.asarray(require_shape("F", F, (None, None), "(m, n)"), float)
    m, n = F.shape
    y = require_shape("y", y, (m,), "(m,)").astype(float)
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("y must hold labels 0 or 1.")
    if not l2 > 0:
        raise ValueError(f"l2 must be > 0; got {l2}.")

    def cost_and_grad(theta):
        w, b = theta[:n], theta[n]
        Z = F @ w + b
        # log(1 + e^z) - y z is the cross-entropy written from the logits: finite for any z.
        J = np.mean(np.logaddexp(0.0, Z) - y * Z) + l2 / (2 * m) * (w @ w)
        dZ = (sigmoid(Z) - y) / m
        return J, np.r_[F.T @ dZ + l2 / m * w, dZ.sum()]

    found = minimize(
        cost_and_grad,
        np.zeros(n + 1),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iterations},
    )
    theta = found.x
    return {"w": theta[:n].reshape(n, 1), "b": theta[n:].reshape(1, 1), "cost": float(found.fun)}


def predict_head(F, head) -> np.ndarray:
    """Probabilities yhat = sigmoid(F w + b) of the head.

    Args:
        F: (m, n) features. head: {"w": (n, 1), "b": (1, 1)}.

    Returns:
        (m,) probabilities of class 1.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    require_keys("head", head, ["w", "b"])
    n = np.shape(head["w"])[0]
    F = require_shape("F", F, (None, n), "(m, n)")
    return sigmoid(F @ head["w"] + head["b"]).ravel()


def head_accuracy(F_train, y_train, F_test, y_test, l2: float = 1.0) -> float:
    """Train a logistic head on (standardised) training features, return test accuracy.

    Args:
        F_train: (m, n). y_train: (m,). F_test: (m_test, n). y_test: (m_test,). l2: lambda.

    Returns:
        fraction of test examples classified right (threshold 0.5).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    S_train = np.asarray(require_shape("F_train", F_train, (None, None), "(m, n)"), float)
    n = S_train.shape[1]
    S_test = np.asarray(require_shape("F_test", F_test, (None, n), "(m_test, n)"), float)
    y_train = require_shape("y_train", y_train, (S_train.shape[0],), "(m,)")
    head = train_logistic_head(S_train, y_train, l2=l2)
    y_test = require_numeric("y_test", y_test).ravel()
    y_test = require_binary_labels(
        "y_test", require_shape("y_test", y_test, (S_test.shape[0],), "(m_test,)")
    )
    return float(np.mean((predict_head(S_test, head) > 0.5) == y_test))


def data_size_curve(
    representations: Mapping[str, tuple],
    y_train,
    y_test,
    sizes: Sequence[int],
    repeats: int = 10,
    seed: int = 0,
    l2: float = 1.0,
) -> dict[str, np.ndarray]:
    """Test accuracy of a new head against the labelled examples per class, per representation.

    Each representation is standardised once with the statistics of the whole training
    pool (the features of every training image are computed anyway; only their labels are
    scarce). For each k in ``sizes`` and each repeat, the same k labelled examples per
    class are drawn for every representation (a paired comparison), a head is trained on
    them, and its test accuracy recorded.

    Args:
        representations: name -> (F_train (m, n), F_test (m_test, n)), the whole pool.
        y_train: (m,) labels 0/1. y_test: (m_test,). sizes: values of k.
        repeats: draws per k. seed: seed of the first draw. l2: the head's lambda.

    Returns:
        {"sizes": (len(sizes),), name: (len(sizes),) mean accuracy,
        f"{name}_all": (len(sizes), repeats) every accuracy}.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 2.
    """
    y_train = np.asarray(require_shape("y_train", y_train, (None,), "(m,)"))
    if not representations:
        raise ValueError("representations must name at least one feature set.")
    if isinstance(repeats, bool) or not isinstance(repeats, (int, np.integer)) or repeats < 1:
        raise ValueError(f"repeats (draws per size) must be an integer >= 1; got {repeats!r}.")
    result = {"sizes": np.asarray(sizes, dtype=int)}
    for name, (F_pool, F_test) in representations.items():
        F_train, F_test = standardise(F_pool, F_test)
        scores = np.empty((len(sizes), repeats))
        for i, k in enumerate(sizes):
            for r in range(repeats):
                idx = examples_per_class(y_train, int(k), seed + 1000 * r + int(k))
                scores[i, r] = head_accuracy(F_train[idx], y_train[idx], F_test, y_test, l2)
        result[name] = scores.mean(axis=1)
        result[f"{name}_all"] = scores
    return result
