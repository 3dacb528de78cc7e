"""Experiments of the introduction: accuracy against training-set size for models of
several sizes ("scale drives deep learning"), and sigmoid against ReLU training speed.

Both are pure functions of their arguments and a seed; they return tables (dicts of NumPy
arrays) and accept a ``progress`` callable (fraction done in [0, 1]) so a dashboard's
progress bar or tqdm can follow them. The models are scikit-learn's: the point of these
experiments is what the curves show, not how the networks are built (lessons 03 and 04
build them).

Taught in: notebooks/c1_neural_networks/02_activations.py, sections 3 and 6.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from sklearn.datasets import load_digits, make_moons
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from course_lib.validation import require_xy

__all__ = [
    "load_digits_columns",
    "default_models",
    "accuracy_vs_data_size",
    "activation_training_curves",
]

ModelFactory = Callable[[int], object]  # seed -> an unfitted scikit-learn classifier


def load_digits_columns() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 1,797 handwritten 8x8 digits in the course's layout.

    Returns:
        X of shape (64, 1797) with pixel values scaled to [0, 1], and Y of shape (1, 1797)
        holding the digit 0-9 of each column.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 3.
    """
    images, labels = load_digits(return_X_y=True)
    return images.T / 16.0, labels.reshape(1, -1)


def default_models(max_iter: int = 200) -> dict[str, ModelFactory]:
    """Three models of growing size: logistic regression, a small and a larger network.

    Args:
        max_iter: training epochs (L-BFGS iterations for logistic regression).

    Returns:
        {name: factory(seed) -> unfitted classifier}, in order of size.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 3.
    """
    return {
        "logistic regression": lambda seed: LogisticRegression(max_iter=max_iter),
        "small NN (8 hidden units)": lambda seed: MLPClassifier(
            (8,), max_iter=max_iter, random_state=seed
        ),
        "large NN (128 + 128 hidden units)": lambda seed: MLPClassifier(
            (128, 128), max_iter=max_iter, random_state=seed
        ),
    }


def _quiet_fit(model, X_rows, y):
    with warnings.catch_warnings():
        # A fixed epoch budget that stops before full convergence is the experiment's design.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(X_rows, y)


def accuracy_vs_data_size(
    X,
    Y,
    train_sizes: Sequence[int],
    models: Mapping[str, ModelFactory] | None = None,
    *,
    test_size: int = 500,
    repeats: int = 1,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Test accuracy of each model trained on the first m examples, for each m.

    Each repeat draws a new split: ``test_size`` held-out examples and a shuffled training
    pool; every model and every m of that repeat use the same pool, so the training sets are
    nested (the m = 100 set contains the m = 50 set).

    Args:
        X: (n_x, m_total) inputs, one example per column.
        Y: (1, m_total) class labels.
        train_sizes: increasing training-set sizes m, each at most m_total - test_size.
        models: {name: factory(seed)}; ``default_models()`` when None.
        test_size: examples held out for testing in each repeat.
        repeats: independent splits (and network initialisations) to average over.
        seed: seeds the splits and the networks; the same seed gives the same table.
        progress: called with the fraction of fits done after each fit.

    Returns:
        {"train_sizes": (n_sizes,) ints, "names": [model names],
         "accuracy": (n_models, n_sizes) mean test accuracy over the repeats,
         "runs": (repeats, n_models, n_sizes) each repeat's accuracy}.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 3.
    """
    X, Y = require_xy(X, Y, binary=False)
    models = dict(default_models() if models is None else models)
    sizes = np.asarray(train_sizes, dtype=int)
    m_total = X.shape[1]
    if not models:
        raise ValueError("models must name at least one model.")
    if sizes.ndim != 1 or sizes.size == 0 or np.any(np.diff(sizes) <= 0) or sizes[0] < 2:
        raise ValueError(f"train_sizes must be increasing integers >= 2; got {list(sizes)}.")
    if not 0 < test_size < m_total or sizes[-1] > m_total - test_size:
        raise ValueError(
            f"with m = {m_total} examples and test_size = {test_size}, the largest training "
            f"set can hold {m_total - test_size} examples; got train_sizes up to {sizes[-1]}."
        )
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1; got {repeats}.")

    runs = np.zeros((repeats, len(models), sizes.size))
    total, done = runs.size, 0
    for r in range(repeats):
        order = np.random.default_rng([seed, r]).permutation(m_total)
        test, pool = order[:test_size], order[test_size:]
        X_test, y_test = X[:, test].T, Y[0, test]
        for i, make_model in enumerate(models.values()):
            for j, m in enumerate(sizes):
                train = pool[:m]
                model = _quiet_fit(make_model(seed + 1000 * r), X[:, train].T, Y[0, train])
                runs[r, i, j] = model.score(X_test, y_test)
                done += 1
                if progress is not None:
                    progress(done / total)
    return {
        "train_sizes": sizes,
        "names": list(models),
        "accuracy": runs.mean(axis=0),
        "runs": runs,
    }


def activation_training_curves(
    activations: Sequence[str] = ("logistic", "tanh", "relu"),
    *,
    hidden_layers: Sequence[int] = (16, 16, 16),
    epochs: int = 300,
    learning_rate: float = 0.1,
    m: int = 400,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Training cost per epoch of one network architecture with different hidden activations.

    Plain batch gradient descent (no momentum, no mini-batches) on ``make_moons``, with the
    same data, the same initialisation seed and the same learning rate for every activation.
    scikit-learn calls the sigmoid "logistic" and draws that network's initial weights from a
    sqrt(3)-narrower range than the others' (its Glorot-uniform factor 2 instead of 6).

    Args:
        activations: scikit-learn activation names ("logistic", "tanh", "relu", "identity").
        hidden_layers: units per hidden layer; the output unit is a sigmoid.
        epochs: gradient-descent steps (each uses all m examples).
        learning_rate: alpha.
        m: number of training examples.
        seed: seeds the data and the initialisation.
        progress: called with the fraction of activations done.

    Returns:
        {"activations": [names], "costs": (n_activations, epochs) cross-entropy cost J of
        each epoch's forward pass, before that epoch's step (so entry 0 is the starting
        cost), "train_accuracy": (n_activations,)}.

    Taught in: notebooks/c1_neural_networks/02_activations.py, section 6.
    """
    X_rows, y = make_moons(m, noise=0.2, random_state=seed)
    costs = np.zeros((len(activations), epochs))
    accuracy = np.zeros(len(activations))
    for i, name in enumerate(activations):
        net = MLPClassifier(
            tuple(hidden_layers),
            activation=name,
            solver="sgd",
            learning_rate_init=learning_rate,
            momentum=0.0,
            batch_size=m,  # full batch: one gradient step per epoch
            alpha=0.0,  # no L2 penalty, so the curve is the plain cost
            max_iter=epochs,
            tol=0.0,
            n_iter_no_change=epochs + 1,  # never stop early
            shuffle=False,
            random_state=seed,
        )
        _quiet_fit(net, X_rows, y)
        costs[i] = net.loss_curve_
        accuracy[i] = net.score(X_rows, y)
        if progress is not None:
            progress((i + 1) / len(activations))
    return {"activations": list(activations), "costs": costs, "train_accuracy": accuracy}
