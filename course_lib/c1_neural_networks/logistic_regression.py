"""Logistic regression as a one-neuron network, in NumPy and the course's notation.

Shapes: X is (n_x, m) with one example per column, Y is (1, m) with labels 0/1,
w is (n_x, 1) and b is a Python float. Function names and signatures follow the
Course 1 programming assignment (``initialize_with_zeros``, ``propagate``,
``optimize``, ``predict``, ``model``) so the lesson and the course read alike, and
called as the course calls them they give its published numbers (nothing here is random).

Deliberate checks beyond the course's code: X, w and Y must have the course's shapes (a
rank-1 w of shape (n_x,) is rejected with a hint instead of broadcasting into an (m, m)
matrix), labels must be 0/1, and the cost clamps only against log(0) (``propagate``
computes it from the logits, so it stays exact where yhat rounds to 0 or 1).

Twin: course_lib/c1_neural_networks/logistic_regression_tf.py (a one-unit sigmoid Dense).
Taught in: notebooks/c1_neural_networks/01_logistic_regression.py.
"""

from __future__ import annotations

import copy

import numpy as np

from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.validation import (
    require_binary_labels,
    require_examples,
    require_finite,
    require_keys,
    require_numeric,
    require_probabilities,
    require_shape,
    require_xy,
)

__all__ = [
    "image2vector",
    "flatten_images",
    "initialize_with_zeros",
    "logistic_forward",
    "logistic_backward",
    "logistic_loss",
    "compute_cost",
    "cost_landscape",
    "single_example_gradients",
    "propagate_loop",
    "propagate",
    "update_parameters",
    "optimize",
    "predict",
    "accuracy",
    "model",
]

_TINY = np.finfo(np.float64).tiny  # log(_TINY) is about -708: finite


# --- data preparation -----------------------------------------------------------------


def image2vector(image: np.ndarray) -> np.ndarray:
    """Unroll one image into a column vector.

    Args:
        image: (num_px_h, num_px_w, n_channels) or (num_px_h, num_px_w).

    Returns:
        (num_px_h * num_px_w * n_channels, 1) column.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 1.
    """
    image = require_numeric("image", image)
    if image.ndim not in (2, 3):
        raise ValueError(
            f"image must have shape (height, width, channels) or (height, width); "
            f"got {image.shape}."
        )
    return image.reshape(-1, 1)


def flatten_images(images: np.ndarray) -> np.ndarray:
    """Stack m images as the columns of X, the course's ``X.reshape(X.shape[0], -1).T``.

    Args:
        images: (m, num_px_h, num_px_w, n_channels) or (m, num_px_h, num_px_w).

    Returns:
        X of shape (n_x, m), n_x = num_px_h * num_px_w * n_channels; column i is image i.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 1.
    """
    images = require_numeric("images", images)
    if images.ndim not in (3, 4):
        raise ValueError(
            "images must have shape (m, height, width, channels) or (m, height, width); "
            f"got {images.shape}."
        )
    require_examples("images", images.shape[0])
    return images.reshape(images.shape[0], -1).T


# --- the model: forward, loss, backward ----------------------------------------------


def _check_parameters(w, b, X) -> tuple[np.ndarray, float, np.ndarray]:
    X = require_shape("X", X, (None, None), "(n_x, m)")
    w = require_numeric("w", w)
    column = w.ndim == 2 and w.shape[1] == 1
    if column and w.shape[0] != X.shape[0] and w.shape[0] == X.shape[1]:
        # X's row count disagrees with w, its column count agrees: name both suspects.
        raise ValueError(
            f"w must have shape (n_x, 1) = ({X.shape[0]}, 1); got {w.shape}, with n_x = "
            f"X.shape[0]. Or is X transposed? X must have shape (n_x, m), one example per "
            f"column; got {X.shape}."
        )
    w = require_shape("w", w, (X.shape[0], 1), "(n_x, 1)")
    if np.size(b) != 1:
        raise ValueError(f"b must be a real number (a scalar); got shape {np.shape(b)}.")
    return w, float(np.squeeze(b)), X


def initialize_with_zeros(dim: int) -> tuple[np.ndarray, float]:
    """Zero parameters, which are fine for logistic regression (no hidden units to tie).

    Args:
        dim: n_x, the number of input features.

    Returns:
        w of shape (dim, 1) filled with zeros, and b = 0.0 (a Python float).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 5.
    """
    if int(dim) != dim or dim < 1:
        raise ValueError(f"dim must be a positive integer (n_x); got {dim!r}.")
    return np.zeros((int(dim), 1)), 0.0


def logistic_forward(w, b, X) -> tuple[np.ndarray, tuple]:
    """Forward pass of the one-neuron network: A = sigma(w^T X + b).

    Args:
        w: (n_x, 1) weights.
        b: scalar bias, broadcast over the m columns.
        X: (n_x, m) inputs, one example per column.

    Returns:
        A: (1, m) probabilities yhat = P(y = 1 | x).
        cache: (X, A), what ``logistic_backward`` needs.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 6.
    """
    w, b, X = _check_parameters(w, b, X)
    A = sigmoid(w.T @ X + b)
    return A, (X, A)


def logistic_backward(dA, cache) -> dict[str, np.ndarray | float]:
    """Backward pass of the one-neuron network, averaged over the m examples.

    dZ = dA * sigma'(Z) = dA * A (1 - A); dw = (1/m) X dZ^T; db = (1/m) sum(dZ).
    With the cross-entropy's dA = -Y/A + (1-Y)/(1-A) this is dZ = A - Y, which is what
    ``propagate`` computes directly (it stays exact when A rounds to 0 or 1).

    Args:
        dA: (1, m) derivative of each example's loss with respect to its output a.
        cache: the ``(X, A)`` returned by ``logistic_forward``.

    Returns:
        {"dw": (n_x, 1) array, "db": float}, the gradients of the cost J.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 6.
    """
    X, A = cache
    m = X.shape[1]
    dA = require_shape("dA", dA, (1, m), "(1, m)")
    dZ = dA * A * (1 - A)
    return {"dw": X @ dZ.T / m, "db": float(np.sum(dZ) / m)}


def logistic_loss(y_hat, y):
    """Cross-entropy loss of single predictions: L = -(y log yhat + (1 - y) log(1 - yhat)).

    Args:
        y_hat: predicted probabilities, any shape, values in [0, 1].
        y: labels 0/1 of the same shape.

    Returns:
        Elementwise losses, same shape; finite even where yhat is exactly 0 or 1.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 3.
    """
    y_hat = require_probabilities("y_hat", y_hat).astype(np.float64)
    y = require_binary_labels("y", y).astype(np.float64)
    if y_hat.shape != y.shape:
        raise ValueError(f"y_hat and y must have the same shape; got {y_hat.shape} and {y.shape}.")
    # Clamp only against log(0); every yhat a float64 can tell from 0 or 1 is untouched.
    return -(y * np.log(np.maximum(y_hat, _TINY)) + (1 - y) * np.log(np.maximum(1 - y_hat, _TINY)))


def compute_cost(A, Y) -> float:
    """Cost J = (1/m) sum_i L(yhat^(i), y^(i)), the mean cross-entropy.

    Args:
        A: (1, m) predicted probabilities.
        Y: (1, m) labels 0/1.

    Returns:
        J as a Python float.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 3.
    """
    A = require_shape("A", A, (1, None), "(1, m)")
    Y = require_shape("Y", Y, (1, A.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    return float(np.mean(logistic_loss(A, Y)))


def _cost_from_logits(Z: np.ndarray, Y: np.ndarray) -> float:
    # -log sigma(z) = log(1 + e^-z) and -log(1 - sigma(z)) = log(1 + e^z); logaddexp never
    # overflows, so the cost stays exact even when sigma(z) rounds to 0 or 1.
    return float(np.mean(Y * np.logaddexp(0.0, -Z) + (1 - Y) * np.logaddexp(0.0, Z)))


def cost_landscape(w_values, X, Y, b: float = 0.0, loss: str = "cross_entropy") -> np.ndarray:
    """Cost J(w) of one-feature logistic regression along a range of w (b held fixed).

    Shows why the course uses the cross-entropy: with the squared error
    (1/m) sum (1/2)(yhat - y)^2 the curve J(w) is not convex.

    Args:
        w_values: (k,) weights to evaluate.
        X: (1, m) a single feature.
        Y: (1, m) labels 0/1.
        b: the bias, fixed.
        loss: ``"cross_entropy"`` or ``"squared_error"``.

    Returns:
        (k,) values of J.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 3.
    """
    X = require_shape("X", X, (1, None), "(1, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    w_values = require_finite("w_values", w_values).astype(np.float64).reshape(-1, 1)
    A = sigmoid(w_values @ X + b)  # (k, m): one row per candidate w
    if loss == "cross_entropy":
        return np.mean(logistic_loss(A, np.broadcast_to(Y, A.shape)), axis=1)
    if loss == "squared_error":
        return np.mean(0.5 * (A - Y) ** 2, axis=1)
    raise ValueError(f"loss must be 'cross_entropy' or 'squared_error'; got {loss!r}.")


# --- gradients: one example, a loop over m, and vectorised ---------------------------


def single_example_gradients(w, b, x, y) -> tuple[dict[str, np.ndarray | float], float]:
    """Chain rule for one example, node by node of the computation graph.

    z = w^T x + b, a = sigma(z), L(a, y); da = -y/a + (1-y)/(1-a); dz = a - y;
    dw = x dz; db = dz.

    Args:
        w: (n_x, 1) weights.
        b: scalar bias.
        x: (n_x, 1) one example.
        y: its label, 0 or 1.

    Returns:
        grads {"da": float, "dz": float, "dw": (n_x, 1), "db": float} and the loss L.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 4.
    """
    w, b, x = _check_parameters(w, b, x)
    if x.shape[1] != 1:
        raise ValueError(f"x must be one example of shape (n_x, 1); got {x.shape}.")
    y = float(np.squeeze(require_binary_labels("y", y)))
    z = float((w.T @ x).item() + b)
    a = float(sigmoid(z))
    # da is shown for the lesson; a term whose label factor is 0 is left out, so a confident
    # right answer gives a finite da and a confident wrong one an honest infinity.
    with np.errstate(divide="ignore"):
        da = float(
            (-y / np.float64(a) if y != 0 else 0.0)
            + ((1 - y) / np.float64(1 - a) if y != 1 else 0.0)
        )
    dz = a - y  # the simplified form stays finite for any z
    loss = _cost_from_logits(np.array([[z]]), np.array([[y]]))
    return {"da": da, "dz": dz, "dw": x * dz, "db": dz}, loss


def propagate_loop(w, b, X, Y) -> tuple[dict[str, np.ndarray | float], float]:
    """Cost and gradients with an explicit Python loop over the m examples.

    The slow reference for ``propagate``: accumulate J, dw, db example by example,
    then divide by m.

    Args:
        w: (n_x, 1) weights. b: scalar bias. X: (n_x, m) inputs. Y: (1, m) labels.

    Returns:
        grads {"dw": (n_x, 1), "db": float} and the cost J (float).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    w, b, X = _check_parameters(w, b, X)
    m = X.shape[1]
    Y = require_shape("Y", Y, (1, m), "(1, m)")
    require_binary_labels("Y", Y)
    cost, dw, db = 0.0, np.zeros_like(w, dtype=np.float64), 0.0
    for i in range(m):
        grads_i, loss_i = single_example_gradients(w, b, X[:, i : i + 1], Y[0, i])
        cost += loss_i
        dw += grads_i["dw"]
        db += grads_i["db"]
    return {"dw": dw / m, "db": db / m}, cost / m


def propagate(w, b, X, Y) -> tuple[dict[str, np.ndarray | float], float]:
    """Vectorised forward and backward pass over all m examples at once.

    Z = w^T X + b; A = sigma(Z); J = -(1/m) sum(Y log A + (1-Y) log(1-A));
    dZ = A - Y; dw = (1/m) X dZ^T; db = (1/m) sum(dZ).

    Args:
        w: (n_x, 1) weights.
        b: scalar bias.
        X: (n_x, m) inputs, one example per column.
        Y: (1, m) labels 0/1.

    Returns:
        grads {"dw": (n_x, 1) array, "db": float} and the cost J (float).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 7.
    """
    w, b, X = _check_parameters(w, b, X)
    m = X.shape[1]
    Y = require_shape("Y", Y, (1, m), "(1, m)")
    require_binary_labels("Y", Y)
    Z = w.T @ X + b
    dZ = sigmoid(Z) - Y
    grads = {"dw": X @ dZ.T / m, "db": float(np.sum(dZ) / m)}
    return grads, _cost_from_logits(Z, Y)


# --- training and prediction ---------------------------------------------------------


def update_parameters(w, b, grads, learning_rate: float) -> tuple[np.ndarray, float]:
    """One gradient-descent step, w := w - alpha dw and b := b - alpha db (new objects).

    Args:
        w: (n_x, 1). b: scalar. grads: {"dw": (n_x, 1), "db": scalar}.
        learning_rate: alpha > 0.

    Returns:
        The updated (w, b); the inputs are not modified.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 5.
    """
    require_keys("grads", grads, ["dw", "db"])
    dw = require_shape("dw", grads["dw"], np.shape(require_numeric("w", w)), "(n_x, 1)")
    return w - learning_rate * dw, float(b - learning_rate * float(np.squeeze(grads["db"])))


def optimize(
    w, b, X, Y, num_iterations: int = 100, learning_rate: float = 0.009, print_cost: bool = False
) -> tuple[dict[str, np.ndarray | float], dict[str, np.ndarray | float], list[float]]:
    """Batch gradient descent: ``num_iterations`` steps of ``propagate`` + update.

    Args:
        w: (n_x, 1) initial weights (not modified).
        b: initial scalar bias.
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        num_iterations: number of gradient steps.
        learning_rate: alpha.
        print_cost: print the cost every 100 iterations.

    Returns:
        params {"w", "b"}, the last grads {"dw", "db"}, and costs: the cost before
        iterations 0, 100, 200, ... (one entry per 100 iterations, as in the course).

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be positive and finite; got {learning_rate}.")
    w, b = copy.deepcopy(require_numeric("w", w).astype(np.float64)), float(np.squeeze(b))
    require_binary_labels("Y", Y)
    costs: list[float] = []
    grads: dict[str, np.ndarray | float] = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w, b = update_parameters(w, b, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X) -> np.ndarray:
    """Label each example 1 when yhat = sigma(w^T x + b) > 0.5, else 0.

    Args:
        w: (n_x, 1) weights. b: scalar bias. X: (n_x, m) inputs.

    Returns:
        Y_prediction of shape (1, m), float entries 0.0 or 1.0.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    A, _ = logistic_forward(w, b, X)
    return (A > 0.5).astype(np.float64)


def accuracy(Y_prediction, Y) -> float:
    """Fraction of examples whose predicted label equals the true label.

    Args:
        Y_prediction: (1, m) predicted labels 0/1. Y: (1, m) true labels.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    Y_prediction = require_shape("Y_prediction", Y_prediction, (1, None), "(1, m)")
    Y = require_shape("Y", Y, Y_prediction.shape, "(1, m)")
    require_binary_labels("Y_prediction", Y_prediction)
    require_binary_labels("Y", Y)
    return float(np.mean(Y_prediction == Y))


def model(
    X_train,
    Y_train,
    X_test,
    Y_test,
    num_iterations: int = 2000,
    learning_rate: float = 0.5,
    print_cost: bool = False,
) -> dict:
    """Train logistic regression from zero parameters and predict on both sets.

    Args:
        X_train: (n_x, m_train). Y_train: (1, m_train).
        X_test: (n_x, m_test). Y_test: (1, m_test).
        num_iterations, learning_rate: as in ``optimize``.
        print_cost: print the cost every 100 iterations and both accuracies.

    Returns:
        dict with "costs", "Y_prediction_test" (1, m_test), "Y_prediction_train"
        (1, m_train), "w" (n_x, 1), "b", "learning_rate", "num_iterations".

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 8.
    """
    X_train, Y_train = require_xy(
        X_train,
        Y_train,
        x_name="X_train",
        y_name="Y_train",
        x_notation="(n_x, m_train)",
        y_notation="(1, m_train)",
    )
    X_test, Y_test = require_xy(
        X_test,
        Y_test,
        X_train.shape[0],
        x_name="X_test",
        y_name="Y_test",
        x_notation="(n_x, m_test)",
        y_notation="(1, m_test)",
    )
    w, b = initialize_with_zeros(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        print(f"train accuracy: {100 * accuracy(Y_prediction_train, Y_train):.1f} %")
        print(f"test accuracy: {100 * accuracy(Y_prediction_test, Y_test):.1f} %")
    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }
