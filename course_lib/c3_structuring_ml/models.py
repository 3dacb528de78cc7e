"""The small NumPy classifiers that Course 3's experiments train, built from Courses 1-2.

Course 3 is about *deciding* what to do with a model, so every experiment here trains real
models, quickly: an L-layer ReLU network with a sigmoid output (Course 1's blocks), trained
by batch gradient descent from He initialisation (Course 2's ``initialization.model``).
``hidden_layers=()`` is logistic regression.

Shapes follow the course: X is (n_x, m), one example per column; Y is (1, m) of 0/1.

Taught in: notebooks/c3_structuring_ml/ (every lesson that trains a model).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.validation import require_layers, require_shape, require_xy

__all__ = ["train_classifier", "predict_proba", "predict", "error_rate"]


def train_classifier(
    X,
    Y,
    hidden_layers: Sequence[int] = (16, 16),
    num_iterations: int = 1000,
    learning_rate: float = 0.5,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train a binary classifier [n_x, *hidden_layers, 1] with batch gradient descent.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        hidden_layers: units per ReLU hidden layer; () is logistic regression.
        num_iterations: gradient steps. learning_rate: alpha. seed: He initialisation seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        the trained parameters {"W1", "b1", ..., "WL", "bL"}.

    Taught in: notebooks/c3_structuring_ml/ (every lesson that trains a model).
    """
    return ini.model(
        X,
        Y,
        learning_rate,
        num_iterations,
        print_cost=False,
        initialization="he",
        seed=seed,
        hidden_layers=tuple(int(h) for h in hidden_layers),
        progress=progress,
    )


def predict_proba(X, parameters) -> np.ndarray:
    """The network's yhat = P(y = 1 | x) for every example.

    Args:
        X: (n_x, m) inputs. parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        (1, m) probabilities in [0, 1].

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py.
    """
    require_layers("parameters", parameters)
    X = require_shape("X", X, (np.shape(parameters["W1"])[1], None), "(n_x, m)")
    AL, _ = dn.L_model_forward(X, parameters)
    return AL


def predict(X, parameters, threshold: float = 0.5) -> np.ndarray:
    """Labels 0/1: 1 where yhat > threshold.

    Args:
        X: (n_x, m) inputs. parameters: the trained dict. threshold: in [0, 1].

    Returns:
        (1, m) array of 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/01_metrics_and_orthogonalization.py.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie in [0, 1]; got {threshold!r}.")
    return (predict_proba(X, parameters) > threshold).astype(np.float64)


def error_rate(X, Y, parameters, threshold: float = 0.5) -> float:
    """The fraction of the m examples the network gets wrong.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1. parameters: the trained dict.
        threshold: the decision threshold.

    Returns:
        a float in [0, 1].

    Taught in: notebooks/c3_structuring_ml/ (every lesson that trains a model).
    """
    X, Y = require_xy(X, Y)
    return float(np.mean(predict(X, parameters, threshold) != Y))
