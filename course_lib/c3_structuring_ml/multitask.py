"""Multi-task learning in NumPy: one network, several yes/no labels per example, some missing.

A self-driving car's camera image can hold a pedestrian, a car, a stop sign and a traffic
light at the same time, so its label is a vector y^(i) in {0, 1}^4 with any number of 1s
(softmax, which picks exactly one class, does not fit). One network with 4 sigmoid output
units learns all four questions at once by minimising

    J = (1/m) sum_{i=1}^{m} sum_{j=1}^{4} L(yhat_j^(i), y_j^(i)),
    L(yhat, y) = -(y log yhat + (1 - y) log(1 - yhat)),

and when some labels are unknown ("?", NaN here) the inner sum runs only over the labels
that exist: with a mask M (1 = labelled, 0 = "?"), J = (1/m) sum_i sum_j M_ji L(...).
The backward pass starts, in the course's notation, from dZ^[L] = M * (AL - Y) (zero where a
label is "?": a "?" sends no gradient), and the 1/m enters with dW^[L] = (1/m) dZ^[L] A^[L-1]^T,
as in Course 1; so dJ/dZ^[L] = dZ^[L] / m.

Note: the 1/m counts examples, as in the lecture. Dividing by the number of labels that
exist instead (sum of M) is another common choice; it only rescales the learning rate.

Shapes: X is (n_x, m); Y, AL and M are (n_y, m), one row per task, one column per example.

Twin: course_lib/c3_structuring_ml/multitask_tf.py (a masked binary cross-entropy loss).
Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, sections 5-9.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.c3_structuring_ml.transfer import he_parameters
from course_lib.validation import require_binary_labels, require_layers, require_shape, require_xy

__all__ = [
    "TASK_NAMES",
    "driving_scenes",
    "hide_labels",
    "label_mask",
    "multitask_loss",
    "multitask_cost",
    "multitask_cost_from_logits",
    "multitask_backward",
    "multitask_model_backward",
    "train_multitask",
    "train_separate",
    "predict_labels",
    "task_error_rates",
    "logits",
    "joint_vs_separate",
]

TASK_NAMES = ("pedestrian", "car", "stop sign", "traffic light")
N_X = 10  #: numbers per synthetic "image"
N_FEATURES = 3  #: low-level features the four tasks share


# --- data -----------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _world(shared: bool, world_seed: int) -> dict[str, np.ndarray]:
    """Feature directions (one set, or one set per task) and each task's mix of them."""
    rng = np.random.default_rng(world_seed)
    n_sets = 1 if shared else len(TASK_NAMES)
    U = rng.standard_normal((n_sets, N_FEATURES, N_X))
    U /= np.linalg.norm(U, axis=2, keepdims=True)
    c = rng.uniform(-0.3, 0.3, (n_sets, N_FEATURES, 1))
    V = rng.standard_normal((len(TASK_NAMES), N_FEATURES))
    world = {"U": U, "c": c, "V": V}
    world["t"] = np.median(_scores(rng.standard_normal((N_X, 20_000)), world), axis=1)
    return world


def _scores(X: np.ndarray, world: Mapping) -> np.ndarray:
    U, c, V = world["U"], world["c"], world["V"]
    rows = []
    for j in range(V.shape[0]):
        k = 0 if U.shape[0] == 1 else j  # shared: every task reads the same features
        rows.append(V[j] @ np.maximum(U[k] @ X + c[k], 0.0))
    return np.vstack(rows)


def driving_scenes(m: int, seed: int, *, shared: bool = True, world_seed: int = 0):
    """Synthetic stand-ins for road images: 10 numbers per example, 4 yes/no labels.

    Three low-level features f = relu(U x + c) of x ~ N(0, I) (think edges, blobs,
    colours) decide which of the four objects are present: y_j = 1[v_j . f > t_j], with
    each threshold t_j at the median, so every label is 1 for about half the examples
    and several are often 1 at once. With ``shared=False`` each task reads its own three
    features instead, and the tasks have nothing to share (the control experiment).

    Args:
        m: number of examples (>= 1). seed: seed of the examples.
        shared: whether the four tasks read the same features.
        world_seed: seed of the hidden truth (U, c, v_j); keep it fixed.

    Returns:
        X (10, m) and Y (4, m) of 0.0/1.0; Y's rows follow ``TASK_NAMES``.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    if int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    world = _world(bool(shared), int(world_seed))
    X = np.random.default_rng(seed).standard_normal((N_X, int(m)))
    return X, (_scores(X, world) > world["t"][:, None]).astype(np.float64)


def hide_labels(Y, fraction: float, seed: int = 0) -> np.ndarray:
    """A copy of Y with a random ``fraction`` of its entries replaced by NaN ("?").

    Args:
        Y: (n_y, m) labels. fraction: in [0, 1], the share of entries to hide.
        seed: which entries are hidden.

    Returns:
        (n_y, m) float array; hidden entries are np.nan.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 6.
    """
    Y = np.array(require_shape("Y", Y, (None, None), "(n_y, m)", finite=False), dtype=np.float64)
    require_binary_labels("Y (the labels that exist)", Y[~np.isnan(Y)])
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must lie in [0, 1]; got {fraction!r}.")
    Y[np.random.default_rng(seed).random(Y.shape) < fraction] = np.nan
    return Y


def label_mask(Y) -> np.ndarray:
    """The mask M: 1.0 where a label exists, 0.0 where it is "?" (NaN).

    Args:
        Y: (n_y, m) labels, NaN for a missing one.

    Returns:
        (n_y, m) array of 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 6.
    """
    Y = np.asarray(require_shape("Y", Y, (None, None), "(n_y, m)", finite=False), np.float64)
    require_binary_labels("Y (the labels that exist)", Y[~np.isnan(Y)])  # NaN = "?" only
    return (~np.isnan(Y)).astype(np.float64)


def _labels_and_mask(Y, mask, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Y with its "?" set to 0 (they are multiplied by 0 anyway) and a validated mask."""
    Y = np.asarray(require_shape("Y", Y, shape, "(n_y, m)", finite=False), dtype=np.float64)
    if mask is None:
        mask = label_mask(Y)
    else:
        mask = np.asarray(require_shape("mask", mask, shape, "(n_y, m)"), dtype=np.float64)
        require_binary_labels("mask", mask)
        if np.any(np.isnan(Y) & (mask == 1)):
            raise ValueError("Y is NaN (missing) where mask says the label exists (mask = 1).")
    filled = np.where(mask == 1, Y, 0.0)
    require_binary_labels("Y (the labels that exist)", np.nan_to_num(filled))
    return filled, mask


# --- the cost and its gradient --------------------------------------------------------------


def multitask_loss(AL, Y, mask=None) -> np.ndarray:
    """Every entry's logistic loss L(yhat_j^(i), y_j^(i)), 0 where the label is "?".

    Args:
        AL: (n_y, m) predicted probabilities. Y: (n_y, m) labels 0/1, NaN for "?".
        mask: (n_y, m) 1 = labelled, 0 = "?"; None takes it from the NaNs in Y.

    Returns:
        (n_y, m) losses, finite even where AL is exactly 0 or 1.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    AL = np.asarray(require_shape("AL", AL, (None, None), "(n_y, m)"), dtype=np.float64)
    Y, mask = _labels_and_mask(Y, mask, AL.shape)
    return lr.logistic_loss(AL, Y) * mask


def multitask_cost(AL, Y, mask=None) -> float:
    """J = (1/m) sum_i sum_j M_ji L(yhat_j^(i), y_j^(i)): summed over labels, averaged over m.

    Args:
        AL: (n_y, m) predicted probabilities, one row per task.
        Y: (n_y, m) labels 0/1; NaN marks a missing label ("?").
        mask: (n_y, m) of 0/1 (1 = the label exists); None takes it from the NaNs in Y.

    Returns:
        J as a Python float (finite even where AL is exactly 0 or 1).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    AL = np.asarray(require_shape("AL", AL, (None, None), "(n_y, m)"), dtype=np.float64)
    Y, mask = _labels_and_mask(Y, mask, AL.shape)
    return _cost(AL, Y, mask)


def _cost(AL: np.ndarray, Y: np.ndarray, mask: np.ndarray) -> float:
    # Y already has 0 in place of its "?"; Course 1's loss clamps only against log(0).
    return float(np.sum(lr.logistic_loss(AL, Y) * mask) / AL.shape[1])


def multitask_cost_from_logits(ZL, Y, mask=None) -> float:
    """The same J computed from the logits Z^[L] (AL = sigmoid(Z^[L])) without rounding.

    -log sigma(z) = log(1 + e^-z) and -log(1 - sigma(z)) = log(1 + e^z) are evaluated with
    ``np.logaddexp``, which never overflows, so J stays exact for |z| = 1e4.

    Args:
        ZL: (n_y, m) logits. Y, mask: as in ``multitask_cost``.

    Returns:
        J as a Python float.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    ZL = np.asarray(require_shape("ZL", ZL, (None, None), "(n_y, m)"), dtype=np.float64)
    Y, mask = _labels_and_mask(Y, mask, ZL.shape)
    losses = Y * np.logaddexp(0.0, -ZL) + (1.0 - Y) * np.logaddexp(0.0, ZL)
    return float(np.sum(losses * mask) / ZL.shape[1])


def multitask_backward(AL, Y, mask=None) -> np.ndarray:
    """dZ^[L] = M * (AL - Y) for sigmoid outputs (course notation); 0 where the label is "?".

    As in Course 1 (dZ^[L] = A^[L] - Y), dZ carries no 1/m: the average over the examples
    enters with dW^[L] = (1/m) dZ^[L] A^[L-1]^T, so the gradient of J itself is dZ^[L] / m.

    Args:
        AL: (n_y, m) sigmoid outputs. Y, mask: as in ``multitask_cost``.

    Returns:
        (n_y, m) dZ^[L] = m * dJ/dZ^[L] (finite for AL in {0, 1}).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    AL = np.asarray(require_shape("AL", AL, (None, None), "(n_y, m)"), dtype=np.float64)
    Y, mask = _labels_and_mask(Y, mask, AL.shape)
    return mask * (AL - Y)


def multitask_model_backward(AL, Y, caches, mask=None) -> dict[str, np.ndarray]:
    """Backward pass of [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID (n_y units), masked.

    Starts from ``multitask_backward``'s dZ^[L] = M * (AL - Y) and then uses Course 1's
    blocks, whose ``linear_backward`` applies the 1/m (dW = (1/m) dZ A_prev^T).

    Args:
        AL: (n_y, m) from ``deep_network.L_model_forward``. Y, mask: as in
            ``multitask_cost``. caches: the caches of that forward pass.

    Returns:
        grads {"dA0", ..., "dA{L-1}", "dW1", "db1", ..., "dWL", "dbL"}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    if len(caches) == 0:
        raise ValueError("caches is empty; pass the list returned by L_model_forward.")
    AL = np.asarray(require_shape("AL", AL, (None, None), "(n_y, m)"), dtype=np.float64)
    Y, mask = _labels_and_mask(Y, mask, AL.shape)
    return _model_backward(AL, Y, mask, caches)


def _model_backward(AL, Y, mask, caches) -> dict[str, np.ndarray]:
    L = len(caches)
    dZ = mask * (AL - Y)  # the course's dZ^[L]; linear_backward applies the 1/m
    grads: dict[str, np.ndarray] = {}
    linear_cache, _ = caches[L - 1]
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dn.linear_backward(dZ, linear_cache)
    for l in reversed(range(1, L)):
        dA_prev, dW, db = dn.linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
    return grads


# --- training and measuring -----------------------------------------------------------------


def train_multitask(
    X,
    Y,
    hidden_layers: Sequence[int] = (8,),
    num_iterations: int = 1000,
    learning_rate: float = 1.0,
    seed: int = 0,
    mask=None,
    parameters: Mapping | None = None,
    progress: Callable[[float], None] | None = None,
    return_costs: bool = False,
):
    """Train one network [n_x, *hidden_layers, n_y] on all n_y tasks by batch gradient descent.

    Args:
        X: (n_x, m) inputs. Y: (n_y, m) labels 0/1, NaN for "?".
        hidden_layers: ReLU layer sizes (shared by every task).
        num_iterations: gradient steps. learning_rate: alpha.
        seed: He initialisation seed. mask: (n_y, m) or None (from the NaNs in Y).
        parameters: start from these (not modified) instead of a random start.
        progress: optional callable receiving the finished fraction.
        return_costs: also return J recorded every 100 iterations.

    Returns:
        parameters {"W1", "b1", ..., "WL", "bL"}, WL of shape (n_y, n^[L-1]); or
        (parameters, costs).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 7.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False, y_finite=False)
    Y, mask = _labels_and_mask(Y, mask, Y.shape)
    if parameters is None:
        parameters = he_parameters([X.shape[0], *hidden_layers, Y.shape[0]], seed)
    else:
        parameters = {key: np.array(value, dtype=np.float64) for key, value in parameters.items()}
    batches = full_batch(X, np.concatenate([Y, mask]))  # the mask travels with its labels
    n_y = Y.shape[0]

    def step(params, X_t, YM_t, t):
        Y_t, M_t = YM_t[:n_y], YM_t[n_y:]
        AL, caches = dn.L_model_forward(X_t, params)
        grads = _model_backward(AL, Y_t, M_t, caches)  # inputs checked once, above
        return dn.update_parameters(params, grads, learning_rate), _cost(AL, Y_t, M_t)

    parameters, costs = train_loop(
        parameters, step, num_iterations, batches=batches, progress=progress
    )
    return (parameters, costs) if return_costs else parameters


def train_separate(
    X,
    Y,
    hidden_layers: Sequence[int] = (8,),
    num_iterations: int = 1000,
    learning_rate: float = 1.0,
    seed: int = 0,
    mask=None,
    progress: Callable[[float], None] | None = None,
) -> list[dict[str, np.ndarray]]:
    """The alternative: one network [n_x, *hidden_layers, 1] per task, each on its own labels.

    Network j sees only the examples whose label j exists.

    Args:
        X, Y, hidden_layers, num_iterations, learning_rate, seed, mask: as in
            ``train_multitask`` (each network gets the same hidden layers).
        progress: optional callable receiving the finished fraction.

    Returns:
        a list of n_y parameter dicts, network j answering task j.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 7.
    """
    X, Y = require_xy(X, Y, n_y=None, y_notation="(n_y, m)", binary=False, y_finite=False)
    Y, mask = _labels_and_mask(Y, mask, Y.shape)
    networks = []
    for j in range(Y.shape[0]):
        keep = mask[j] == 1
        if not keep.any():
            raise ValueError(f"task {j} has no labelled example to train a separate network on.")
        report = None if progress is None else (lambda f, j=j: progress((j + f) / Y.shape[0]))
        networks.append(
            train_multitask(
                X[:, keep],
                Y[j : j + 1, keep],
                hidden_layers,
                num_iterations,
                learning_rate,
                seed,
                progress=report,
            )
        )
    return networks


def predict_labels(X, parameters, threshold: float = 0.5) -> np.ndarray:
    """Each task's yes/no answer: 1 where yhat_j > threshold (several 1s per column allowed).

    Args:
        X: (n_x, m). parameters: one network (dict) answering all tasks, or a list of
            single-task networks (from ``train_separate``).
        threshold: in [0, 1].

    Returns:
        (n_y, m) array of 0.0 / 1.0.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 7.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie in [0, 1]; got {threshold!r}.")
    networks = [parameters] if isinstance(parameters, Mapping) else list(parameters)
    for network in networks:
        require_layers("parameters", network)
    X = require_shape("X", X, (np.shape(networks[0]["W1"])[1], None), "(n_x, m)")
    probabilities = np.vstack([dn.L_model_forward(X, p)[0] for p in networks])
    return (probabilities > threshold).astype(np.float64)


def task_error_rates(X, Y, parameters, threshold: float = 0.5) -> np.ndarray:
    """The error of every task, counted over the examples whose label exists.

    Args:
        X: (n_x, m). Y: (n_y, m) labels, NaN for "?". parameters: as in
            ``predict_labels``. threshold: the decision threshold.

    Returns:
        (n_y,) array of errors in [0, 1].

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 7.
    """
    predictions = predict_labels(X, parameters, threshold)
    Y, mask = _labels_and_mask(Y, None, predictions.shape)
    wrong = (predictions != Y) * mask
    return wrong.sum(axis=1) / np.maximum(mask.sum(axis=1), 1)


def logits(X, parameters) -> np.ndarray:
    """Z^[L] of one network (for ``multitask_cost_from_logits``).

    Args:
        X: (n_x, m). parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        (n_y, m) logits.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 5.
    """
    _, caches = dn.L_model_forward(X, parameters)
    return caches[-1][1]


def joint_vs_separate(
    m_values: Sequence[int],
    seeds: Sequence[int] = (0, 1, 2),
    *,
    missing_fraction: float = 0.0,
    hidden_layers: Sequence[int] = (8,),
    shared: bool = True,
    num_iterations: int = 1000,
    learning_rate: float = 1.0,
    m_dev: int = 4000,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Dev error per task of one multi-task network vs four separate networks, for each m.

    For each m and seed: m training examples (seed 100 + s), a share ``missing_fraction``
    of their labels hidden (seed s), one joint and n_y separate networks trained, and
    all measured on the same fully labelled dev set (m_dev examples, seed 1).

    Args:
        m_values: numbers of training examples (each has up to 4 labels).
        seeds: repetitions to average over.
        missing_fraction: share of training labels replaced by "?".
        hidden_layers: the hidden layers of every network (joint and separate alike).
        shared: whether the tasks share their features (see ``driving_scenes``).
        num_iterations, learning_rate: the budget of every network. m_dev: dev-set size.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"m": (k,) ints, "joint": (k, n_y), "separate": (k, n_y)} mean dev errors.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 7.
    """
    m_values = [int(m) for m in m_values]
    if not m_values or not seeds:
        raise ValueError("m_values and seeds must each hold at least one value.")
    X_dev, Y_dev = driving_scenes(m_dev, seed=1, shared=shared)
    n_y = Y_dev.shape[0]
    joint = np.zeros((len(m_values), len(seeds), n_y))
    separate = np.zeros_like(joint)
    total = len(m_values) * len(seeds)
    for i, m in enumerate(m_values):
        for k, seed in enumerate(seeds):
            X, Y = driving_scenes(m, seed=100 + seed, shared=shared)
            Y = hide_labels(Y, missing_fraction, seed)
            budget = dict(hidden_layers=hidden_layers, num_iterations=num_iterations)
            budget.update(learning_rate=learning_rate, seed=seed)
            joint[i, k] = task_error_rates(X_dev, Y_dev, train_multitask(X, Y, **budget))
            separate[i, k] = task_error_rates(X_dev, Y_dev, train_separate(X, Y, **budget))
            if progress is not None:
                progress((i * len(seeds) + k + 1) / total)
    return {"m": np.array(m_values), "joint": joint.mean(axis=1), "separate": separate.mean(axis=1)}
