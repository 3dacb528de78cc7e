"""Doing well on benchmarks: ensembles of independently trained networks, and multi-crop.

Both average predicted probabilities yhat: an ensemble averages over several networks
trained from different random initialisations; multi-crop averages one network's
predictions over several crops of the same test image (10-crop: the centre and the four
corners, and the mirror image of each). Both multiply the cost of a prediction, which is
why they win benchmarks and are rarely used in production.

The networks here are small NumPy softmax networks (one ReLU hidden layer, Adam) on the
8x8 digits of scikit-learn, so a dozen of them train in seconds.

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, sections 9-10.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c2_improving_dnns.softmax import softmax
from course_lib.c4_convnets import augmentation as aug
from course_lib.c4_convnets.layers import whole_number
from course_lib.validation import require_examples, require_finite, require_keys, require_shape

__all__ = [
    "load_digit_images",
    "train_mlp",
    "predict_proba",
    "predict_fn",
    "accuracy",
    "log_loss",
    "ensemble_curve",
    "ten_crop",
    "multi_crop_predict",
    "crop_offsets",
]


def load_digit_images(n_train: int = 1000, seed: int = 0) -> dict[str, np.ndarray]:
    """scikit-learn's 1,797 8x8 digits as images (m, 8, 8, 1) in [0, 1], shuffled and split.

    Args:
        n_train: training examples (the rest are the test set). seed: shuffle seed.

    Returns:
        {"train_x": (n_train, 8, 8, 1), "train_y": (n_train,), "test_x": (m_test, 8, 8, 1),
        "test_y": (m_test,)} with labels 0..9.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    from sklearn.datasets import load_digits

    digits = load_digits()
    if not 1 <= n_train < len(digits.target):
        raise ValueError(f"n_train must be between 1 and {len(digits.target) - 1}; got {n_train}.")
    order = np.random.default_rng(seed).permutation(len(digits.target))
    X = (digits.images / 16.0)[order, :, :, None]
    y = digits.target[order]
    return {
        "train_x": X[:n_train],
        "train_y": y[:n_train],
        "test_x": X[n_train:],
        "test_y": y[n_train:],
    }


def _flat(name: str, X) -> np.ndarray:
    X = require_finite(name, X)
    if X.ndim < 2:
        raise ValueError(f"{name} must have shape (m, ...), one row per example; got {X.shape}.")
    require_examples(name, X.shape[0])
    return np.asarray(X, dtype=np.float64).reshape(X.shape[0], -1)


_PARAMETER_KEYS = ("W1", "b1", "W2", "b2")


def _labels(y, m: int, C: int) -> np.ndarray:
    """y (m,) as int class labels, or ValueError unless each is a class 0 .. C - 1."""
    y = require_shape("y", y, (m,), "(m,)")
    if not (np.all(y == np.round(y)) and y.min() >= 0 and y.max() < C):
        found = ", ".join(str(v) for v in np.unique(y)[:6])
        raise ValueError(
            f"y must hold class labels 0 .. {C - 1} (one per column of P); found values {found}."
        )
    return y.astype(int)


def train_mlp(
    X,
    y,
    n_classes: int = 10,
    hidden: int = 32,
    epochs: int = 30,
    learning_rate: float = 0.01,
    batch_size: int = 64,
    seed: int = 0,
    augment: Callable | None = None,
) -> dict[str, np.ndarray]:
    """A one-hidden-layer softmax network trained with Adam on mini-batches.

    Args:
        X: (m, ...) examples (flattened inside). y: (m,) labels 0..n_classes - 1.
        n_classes: C. hidden: units of the ReLU layer. epochs, learning_rate, batch_size: Adam.
        seed: seed of the initial weights (He) and of the shuffling.
        augment: optional ``augment(X_batch, rng) -> X_batch'`` applied to each mini-batch
            (e.g. a random crop), with outputs of one fixed shape.

    Returns:
        {"W1": (hidden, n), "b1": (hidden, 1), "W2": (C, hidden), "b2": (C, 1)}.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    X = require_finite("X", X).astype(np.float64)
    m = X.shape[0]
    y = require_shape("y", y, (m,), "(m,)")
    if y.dtype.kind == "f" and not np.array_equal(y, np.round(y)):
        raise ValueError(f"y must hold labels 0..{n_classes - 1} (whole numbers); got {y[:5]}.")
    y = y.astype(int)
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(f"y must hold labels 0..{n_classes - 1}; got {y.min()}..{y.max()}.")
    hidden = whole_number("hidden", hidden, 1)
    epochs = whole_number("epochs", epochs, 0)
    batch_size = whole_number("batch_size", batch_size, 1)
    rng = np.random.default_rng(seed)
    n = _flat("X", X if augment is None else augment(X[:1], rng)).shape[1]
    params = {
        "W1": rng.normal(0.0, np.sqrt(2.0 / n), (hidden, n)),
        "b1": np.zeros((hidden, 1)),
        "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (n_classes, hidden)),
        "b2": np.zeros((n_classes, 1)),
    }
    v = {k: np.zeros_like(p) for k, p in params.items()}
    s = {k: np.zeros_like(p) for k, p in params.items()}
    Y = np.eye(n_classes)[y].T  # (C, m), the course's one-hot layout
    t = 0
    for _ in range(epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            idx = order[start : start + batch_size]
            batch = X[idx] if augment is None else augment(X[idx], rng)
            A0 = _flat("X", batch).T  # (n, m_batch)
            A1 = np.maximum(0.0, params["W1"] @ A0 + params["b1"])
            A2 = softmax(params["W2"] @ A1 + params["b2"])
            dZ2 = (A2 - Y[:, idx]) / len(idx)
            dZ1 = (params["W2"].T @ dZ2) * (A1 > 0)
            grads = {
                "W2": dZ2 @ A1.T,
                "b2": dZ2.sum(axis=1, keepdims=True),
                "W1": dZ1 @ A0.T,
                "b1": dZ1.sum(axis=1, keepdims=True),
            }
            t += 1
            for k, g in grads.items():
                v[k] = 0.9 * v[k] + 0.1 * g
                s[k] = 0.999 * s[k] + 0.001 * g**2
                v_hat, s_hat = v[k] / (1 - 0.9**t), s[k] / (1 - 0.999**t)
                params[k] = params[k] - learning_rate * v_hat / (np.sqrt(s_hat) + 1e-8)
    return params


def predict_proba(params, X) -> np.ndarray:
    """Class probabilities yhat of a network from ``train_mlp``.

    Args:
        params: {"W1", "b1", "W2", "b2"}. X: (m, ...) examples of the training shape.

    Returns:
        (m, C) probabilities (each row sums to 1).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    require_keys("params", params, _PARAMETER_KEYS)
    A0 = _flat("X", X).T
    n = params["W1"].shape[1]
    if A0.shape[0] != n:
        raise ValueError(
            f"X must have {n} values per example (the training shape); got {A0.shape[0]}."
        )
    A1 = np.maximum(0.0, params["W1"] @ A0 + params["b1"])
    return softmax(params["W2"] @ A1 + params["b2"]).T


def predict_fn(params):
    """``predict_proba`` with the parameters bound: images -> probabilities.

    Args:
        params: a network from ``train_mlp``.

    Returns:
        a function (m, ...) -> (m, C), as ``multi_crop_predict`` takes.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 10.
    """
    require_keys("params", params, _PARAMETER_KEYS)
    return lambda X: predict_proba(params, X)


def accuracy(P, y) -> float:
    """Fraction of examples whose most probable class is the label.

    Args:
        P: (m, C) probabilities. y: (m,) labels.

    Returns:
        accuracy in [0, 1].

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    P = require_shape("P", P, (None, None), "(m, C)")
    y = _labels(y, *P.shape)
    return float(np.mean(P.argmax(axis=1) == y))


def log_loss(P, y) -> float:
    """Mean cross-entropy -log yhat[label] (probabilities clipped at 1e-12).

    Args:
        P: (m, C) probabilities. y: (m,) labels.

    Returns:
        the mean loss.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    P = require_shape("P", P, (None, None), "(m, C)")
    y = _labels(y, *P.shape)
    return float(-np.mean(np.log(np.clip(P[np.arange(len(y)), y], 1e-12, None))))


def ensemble_curve(probabilities: Sequence, y) -> dict[str, np.ndarray]:
    """Accuracy and loss of the average of the first k models, for k = 1..K.

    Args:
        probabilities: K arrays (m, C), one per independently trained model. y: (m,).

    Returns:
        {"k": (K,), "ensemble_accuracy": (K,), "ensemble_loss": (K,),
        "single_accuracy": (K,) each model alone, "single_loss": (K,)}.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    if len(probabilities) == 0:
        raise ValueError("probabilities must hold at least one model's predictions.")
    P = np.stack([require_shape("P", p, (None, None), "(m, C)") for p in probabilities])
    running = np.cumsum(P, axis=0) / np.arange(1, len(P) + 1)[:, None, None]
    return {
        "k": np.arange(1, len(P) + 1),
        "ensemble_accuracy": np.array([accuracy(p, y) for p in running]),
        "ensemble_loss": np.array([log_loss(p, y) for p in running]),
        "single_accuracy": np.array([accuracy(p, y) for p in P]),
        "single_loss": np.array([log_loss(p, y) for p in P]),
    }


def crop_offsets(n_H: int, n_W: int, crop_size: int) -> list[tuple[int, int]]:
    """(top, left) of the five crops: centre, top-left, top-right, bottom-left, bottom-right.

    Args:
        n_H, n_W: image size. crop_size: side of the square crops (at most min(n_H, n_W)).

    Returns:
        five (top, left) pairs; the centre one rounds down, (n - c) // 2.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 10.
    """
    if not 1 <= crop_size <= min(n_H, n_W):
        raise ValueError(
            f"crop_size must be between 1 and min(n_H, n_W) = {min(n_H, n_W)}; got {crop_size}."
        )
    bottom, right = n_H - crop_size, n_W - crop_size
    return [(bottom // 2, right // 2), (0, 0), (0, right), (bottom, 0), (bottom, right)]


def ten_crop(X, crop_size: int) -> np.ndarray:
    """The 10 crops of test-time multi-crop: 5 crops of the image and the same 5 mirrored.

    Args:
        X: (m, n_H, n_W, n_C) images. crop_size: side of the square crops.

    Returns:
        (10, m, crop_size, crop_size, n_C): centre, top-left, top-right, bottom-left,
        bottom-right, then the mirror image (left-right) of each, in the same order.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 10.
    """
    X = aug.as_images("X", X)
    five = [
        aug.crop(X, top, left, crop_size, crop_size)
        for top, left in crop_offsets(X.shape[1], X.shape[2], crop_size)
    ]
    return np.stack(five + [c[:, :, ::-1, :] for c in five])


def multi_crop_predict(predict_fn: Callable, X, crop_size: int, n_crops: int = 10) -> np.ndarray:
    """Average a classifier's probabilities over the first n_crops of ``ten_crop``.

    Args:
        predict_fn: (m, crop_size, crop_size, n_C) -> (m, C) probabilities.
        X: (m, n_H, n_W, n_C) images. crop_size: crop side.
        n_crops: 1 (centre only), 5 (no mirrors) or 10.

    Returns:
        (m, C) averaged probabilities.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 10.
    """
    if n_crops not in (1, 5, 10):
        raise ValueError(f"n_crops must be 1, 5 or 10; got {n_crops}.")
    crops = ten_crop(X, crop_size)[:n_crops]
    return np.mean([predict_fn(c) for c in crops], axis=0)
