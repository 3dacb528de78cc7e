"""Normalising the inputs: subtract the mean, divide by the standard deviation, and reuse
the TRAINING statistics on the dev and test sets.

    mu = (1/m) sum_i x^(i);  x := x - mu;  sigma^2 = (1/m) sum_i (x^(i))^2 (after centring,
    elementwise);  x := x / sigma

It also holds a 2-feature linear-regression toy that shows why: with very different
feature scales the cost contours are long thin ellipses, the largest stable learning rate
is tiny and gradient descent needs many steps; after normalising they are nearly round.
(The Keras twin of ``normalize_inputs`` is ``regularization_tf.normalize_inputs``, built on
``keras.layers.Normalization``.)

Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_examples, require_shape, require_xy

__all__ = [
    "normalize_inputs",
    "apply_normalization",
    "make_scaled_regression",
    "linear_cost",
    "linear_gradients",
    "largest_stable_learning_rate",
    "gradient_descent_path",
    "steps_to_converge",
    "cost_grid",
]


def normalize_inputs(X_train, epsilon: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Centre each feature and scale it to unit variance using the training set's statistics.

    Args:
        X_train: (n_x, m) training inputs.
        epsilon: added to sigma^2 before the square root (0: exact; a constant feature then
            raises ValueError instead of dividing by zero).

    Returns:
        X_norm (n_x, m), mu (n_x, 1), sigma2 (n_x, 1): mu = (1/m) sum x, sigma2 = (1/m) sum
        (x - mu)^2, X_norm = (X - mu) / sqrt(sigma2 + epsilon).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X_train = require_shape("X_train", X_train, (None, None), "(n_x, m)").astype(np.float64)
    m = X_train.shape[1]
    mu = np.sum(X_train, axis=1, keepdims=True) / m
    centred = X_train - mu
    sigma2 = np.sum(centred**2, axis=1, keepdims=True) / m
    return apply_normalization(X_train, mu, sigma2, epsilon), mu, sigma2


def apply_normalization(X, mu, sigma2, epsilon: float = 0.0) -> np.ndarray:
    """Normalise dev/test inputs with the TRAINING mu and sigma2 (never their own).

    Args:
        X: (n_x, m). mu: (n_x, 1). sigma2: (n_x, 1), from ``normalize_inputs``.
        epsilon: as in ``normalize_inputs``.

    Returns:
        (X - mu) / sqrt(sigma2 + epsilon), shape (n_x, m).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    mu = require_shape("mu", mu, (None, 1), "(n_x, 1)", finite=True)
    sigma2 = require_shape("sigma2", sigma2, (mu.shape[0], 1), "(n_x, 1)", finite=True)
    X = require_shape("X", X, (mu.shape[0], None), "(n_x, m)").astype(np.float64)
    if np.any(sigma2 + epsilon <= 0):
        raise ValueError("a feature has zero variance; pass epsilon > 0 or drop that feature.")
    return (X - mu) / np.sqrt(sigma2 + epsilon)


# --- why: a 2-feature linear regression -----------------------------------------------------


def make_scaled_regression(
    m: int = 200, scales=(1.0, 20.0), offsets=(2.0, 0.0), noise: float = 0.1, seed: int = 0
):
    """y = w1 x1 + w2 x2 + noise with features of very different scales and non-zero means.

    Args:
        m: examples. scales: standard deviations of x1, x2. offsets: their means.
        noise: standard deviation of the label noise. seed: generator seed.

    Returns:
        X (2, m) and y (1, m).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    require_examples("the data set", int(m))
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((2, m)) * np.reshape(scales, (2, 1)) + np.reshape(offsets, (2, 1))
    z = (X - np.reshape(offsets, (2, 1))) / np.reshape(scales, (2, 1))
    y = 1.0 * z[:1] - 0.5 * z[1:] + noise * rng.standard_normal((1, m))
    return X, y


def linear_cost(w, X, y) -> float:
    """J(w) = (1/(2m)) ||w^T X - y||^2 for a linear model without bias (y is centred).

    Args:
        w: (n_x, 1). X: (n_x, m). y: (1, m).

    Returns:
        J as a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X, y = _check_xy(X, y)
    return _linear_cost(_check_w(w, X), X, y)


def _check_xy(X, y, n_x=None) -> tuple[np.ndarray, np.ndarray]:
    X, y = require_xy(X, y, n_x, 1, y_name="y", binary=False)
    return X.astype(np.float64), y.astype(np.float64)


def _check_w(w, X) -> np.ndarray:
    # Not required finite: a diverging run's weights are the result being shown.
    return require_shape("w", w, (X.shape[0], 1), "(n_x, 1)", finite=False)


def _linear_cost(w, X, y) -> float:
    r = w.T @ X - y
    return float(np.sum(r**2) / (2 * X.shape[1]))


def linear_gradients(w, X, y) -> np.ndarray:
    """dJ/dw = (1/m) X (w^T X - y)^T, shape (n_x, 1).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X, y = _check_xy(X, y)
    return X @ (_check_w(w, X).T @ X - y).T / X.shape[1]


def largest_stable_learning_rate(X) -> float:
    """2 / lambda_max(X X^T / m): gradient descent on ``linear_cost`` diverges above it.

    Args:
        X: (n_x, m).

    Returns:
        The bound, a Python float.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)").astype(np.float64)
    hessian = X @ X.T / X.shape[1]
    largest = np.linalg.eigvalsh(hessian)[-1]
    if largest <= 0:
        raise ValueError("X is all zeros: every learning rate is stable on a flat cost.")
    return float(2.0 / largest)


def gradient_descent_path(X, y, learning_rate: float, num_steps: int, w0=None) -> np.ndarray:
    """The weights visited by gradient descent on ``linear_cost``.

    Args:
        X: (n_x, m). y: (1, m). learning_rate: alpha. num_steps: steps. w0: start (zeros).

    Returns:
        (num_steps + 1, n_x): row k is w after k steps.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X, y = _check_xy(X, y)
    w = np.zeros((X.shape[0], 1)) if w0 is None else _check_w(w0, X).astype(np.float64)
    path = [w.ravel().copy()]
    for _ in range(num_steps):
        w = w - learning_rate * linear_gradients(w, X, y)
        path.append(w.ravel().copy())
    return np.array(path)


def steps_to_converge(
    X, y, learning_rate: float | None = None, tol: float = 1e-6, max_steps: int = 100_000
) -> int:
    """Gradient-descent steps until J(w) - J(w*) < tol * J(w*) (the closed-form minimum).

    Args:
        X: (n_x, m). y: (1, m). learning_rate: alpha; default half the largest stable one
            (1 / lambda_max).
        tol: relative tolerance. max_steps: give up after this many (returned as is).

    Returns:
        The number of steps (max_steps when not reached).

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X, y = _check_xy(X, y)
    if learning_rate is None:
        learning_rate = 0.5 * largest_stable_learning_rate(X)
    w_star = np.linalg.lstsq(X.T, y.T, rcond=None)[0]
    target = _linear_cost(w_star, X, y) * (1 + tol)
    # Work with the Hessian and X y^T once: each step is then a 2x2 product, not an m-sum.
    H, g0 = X @ X.T / X.shape[1], X @ y.T / X.shape[1]
    w = np.zeros((X.shape[0], 1))
    for step in range(max_steps):
        if _linear_cost(w, X, y) <= target:
            return step
        w = w - learning_rate * (H @ w - g0)
    return max_steps


def cost_grid(X, y, w1_range, w2_range, resolution: int = 80):
    """linear_cost on a grid of (w1, w2) values, for contour plots.

    Args:
        X: (2, m). y: (1, m). w1_range, w2_range: (low, high). resolution: points per axis.

    Returns:
        (W1, W2, J), three (resolution, resolution) arrays.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 7.
    """
    X, y = _check_xy(X, y, n_x=2)
    w1 = np.linspace(*w1_range, resolution)
    w2 = np.linspace(*w2_range, resolution)
    G1, G2 = np.meshgrid(w1, w2)
    W = np.stack([G1.ravel(), G2.ravel()])  # (2, k)
    residual = W.T @ X - y  # (k, m)
    J = np.sum(residual**2, axis=1) / (2 * X.shape[1])
    return G1, G2, J.reshape(G1.shape)
