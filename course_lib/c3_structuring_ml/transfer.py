"""Transfer learning in NumPy: pre-train on a big task A, swap the output layer, fine-tune on B.

The procedure (C3.30): train a network on task A, which has lots of data (pre-training);
delete its output layer W^[L], b^[L]; put a new, randomly initialised output layer in its
place, sized for task B; then train on task B's few examples, either only the new layer
(the earlier layers are *frozen*: never updated) or more layers, up to all of them
(fine-tuning).

The two tasks here are synthetic and built so that transfer *should* work (C3.31): both
read the same kind of input x (16 numbers), A has thousands of examples, and both depend
on the same low-level features f = relu(U x + c) of x. Task A sorts x into 6 classes by
those features; task B is a yes/no question about a different mix of them, plus one
extra feature that A never needed (so fine-tuning the early layers can still help B once
B has enough data).

The networks are Course 1's: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID (task B) or
SOFTMAX (task A, Course 2), built from ``deep_network``'s blocks and trained with Course 2's
``training.train_loop``. X is (n_x, m), one example per column.

Twin: course_lib/c3_structuring_ml/transfer_tf.py (layer.trainable = False, a new Dense head).
Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, sections 1-4.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c2_improving_dnns import mini_batches as mb
from course_lib.c2_improving_dnns import optimizers as opt
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c2_improving_dnns.training import full_batch, train_loop
from course_lib.c3_structuring_ml import models
from course_lib.validation import require_binary_labels, require_shape, require_xy

__all__ = [
    "N_X",
    "N_CLASSES_A",
    "HIDDEN_LAYERS",
    "POOL_SIZE",
    "VARIANTS",
    "he_parameters",
    "num_layers",
    "related_tasks",
    "pretrain",
    "replace_output_layer",
    "fine_tune",
    "train_from_scratch",
    "transfer_run",
    "transfer_study",
]

N_X = 16  #: inputs per example, shared by tasks A and B
N_FEATURES = 6  #: low-level features both tasks use
N_CLASSES_A = 6  #: classes of task A
EXTRA_WEIGHT = 1.0  #: weight of task B's extra feature, which task A never needs
HIDDEN_LAYERS = (32, 16)  #: the hidden layers of every network in the lesson
POOL_SIZE = 1000  #: task-B examples drawn per seed; training sets are its first m_B

#: The four ways to train on task B: (start from, number of frozen layers).
#: "pre-trained" starts from task A's network with a new output layer.
VARIANTS: dict[str, tuple[str, int]] = {
    "from scratch": ("random", 0),
    "new head only": ("pre-trained", 2),
    "fine-tune layers 2-3": ("pre-trained", 1),
    "fine-tune all layers": ("pre-trained", 0),
}


def he_parameters(layer_dims: Sequence[int], seed: int = 0) -> dict[str, np.ndarray]:
    """He initialisation W^[l] ~ N(0, 2 / n^[l-1]), b^[l] = 0, from its own seeded generator.

    Args:
        layer_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        seed: seed of ``np.random.default_rng`` (the global generator is left alone).

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    dims = dn._check_layer_dims(layer_dims)
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(dims)):
        scale = np.sqrt(2.0 / dims[l - 1])
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * scale
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def num_layers(parameters: Mapping) -> int:
    """L, the number of layers with parameters, read off the keys W1, b1, ..., WL, bL.

    Args:
        parameters: {"W1", "b1", ..., "WL", "bL"}.

    Returns:
        L as an int (ValueError if a W^[l] or b^[l] is missing).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    return dn._num_layers(parameters)


# --- the two tasks ------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _world(world_seed: int) -> dict[str, np.ndarray]:
    """The hidden "truth" both tasks share: feature directions, class and answer weights."""
    rng = np.random.default_rng(world_seed)
    U = rng.standard_normal((N_FEATURES + 1, N_X))
    U /= np.linalg.norm(U, axis=1, keepdims=True)  # the last row is B's extra feature
    c = rng.uniform(-0.3, 0.3, (N_FEATURES + 1, 1))
    V_A = rng.standard_normal((N_CLASSES_A, N_FEATURES))
    v_B = rng.standard_normal((1, N_FEATURES))
    # Centre the features and put B's threshold at its median, from one large sample, so
    # that A's classes are all used and B's answer is "yes" for about half the examples.
    F = np.maximum(U @ rng.standard_normal((N_X, 20_000)) + c, 0.0)
    mean = F[:N_FEATURES].mean(axis=1, keepdims=True)
    score_B = v_B @ F[:N_FEATURES] + EXTRA_WEIGHT * F[N_FEATURES:]
    return {"U": U, "c": c, "V_A": V_A, "v_B": v_B, "mean": mean, "t_B": np.median(score_B)}


def related_tasks(m: int, task: str, seed: int, *, world_seed: int = 0):
    """m examples of task A (6 classes) or task B (yes/no), on the same kind of input x.

    Both tasks depend on the same low-level features f = relu(U x + c) of x ~ N(0, I):
    task A's class is argmax_k (V_A (f - mean f))_k; task B's answer is
    1[v_B . f + f_extra > median], f_extra being a seventh feature that A does not use.

    Args:
        m: number of examples (>= 1). task: "A" or "B".
        seed: seed of the examples (different seeds give independent samples).
        world_seed: seed of the shared truth (U, c, V_A, v_B); keep it fixed.

    Returns:
        X of shape (16, m) and Y: one-hot (6, m) for task A, labels 0/1 (1, m) for task B.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    if task not in ("A", "B"):
        raise ValueError(f"task must be 'A' or 'B'; got {task!r}.")
    if int(m) != m or m < 1:
        raise ValueError(f"m must be a positive integer; got {m!r}.")
    world = _world(int(world_seed))
    X = np.random.default_rng(seed).standard_normal((N_X, int(m)))
    F = np.maximum(world["U"] @ X + world["c"], 0.0)
    if task == "A":
        classes = np.argmax(world["V_A"] @ (F[:N_FEATURES] - world["mean"]), axis=0)
        return X, np.eye(N_CLASSES_A)[:, classes]
    score = world["v_B"] @ F[:N_FEATURES] + EXTRA_WEIGHT * F[N_FEATURES:]
    return X, (score > world["t_B"]).astype(np.float64)


# --- pre-training, a new head, fine-tuning ------------------------------------------------


def pretrain(
    X_A,
    Y_A,
    hidden_layers: Sequence[int] = HIDDEN_LAYERS,
    num_epochs: int = 30,
    learning_rate: float = 0.005,
    mini_batch_size: int = 128,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Pre-train a softmax network [n_x, *hidden_layers, C] on task A with mini-batch Adam.

    Course 2's pieces: softmax ``compute_gradients``, ``adam_update``,
    ``random_mini_batches`` (reshuffled every epoch) and ``train_loop``.

    Args:
        X_A: (n_x, m_A) inputs. Y_A: (C, m_A) one-hot labels.
        hidden_layers: units of the ReLU hidden layers.
        num_epochs: passes over the data. learning_rate: Adam's alpha.
        mini_batch_size: examples per update. seed: initialisation and shuffling seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        parameters {"W1", "b1", ..., "WL", "bL"} with WL of shape (C, n^[L-1]).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    X_A, Y_A = require_xy(
        X_A,
        Y_A,
        n_y=None,
        x_name="X_A",
        y_name="Y_A",
        x_notation="(n_x, m_A)",
        y_notation="(C, m_A)",
        binary=False,
    )
    parameters = he_parameters([X_A.shape[0], *hidden_layers, Y_A.shape[0]], seed)
    state = {"adam": opt.init_state("adam", parameters)}

    def step(params, X_t, Y_t, t):
        grads, cost = sm.compute_gradients(X_t, Y_t, params)
        params, state["adam"] = opt.adam_update(params, grads, state["adam"], learning_rate)
        return params, cost

    parameters, _ = train_loop(
        parameters,
        step,
        num_epochs,
        batches=lambda epoch: mb.random_mini_batches(X_A, Y_A, mini_batch_size, seed + epoch),
        progress=progress,
    )
    return parameters


def replace_output_layer(parameters: Mapping, n_out: int = 1, seed: int = 0):
    """Delete the output layer W^[L], b^[L] and put a new, randomly initialised one there.

    Layers 1..L-1 are copied unchanged; the new W^[L] is He-initialised with shape
    (n_out, n^[L-1]) and b^[L] = 0, so the network now answers task B's question.

    Args:
        parameters: a trained network {"W1", "b1", ..., "WL", "bL"} (not modified).
        n_out: units of the new output layer (1 for a yes/no task).
        seed: seed of the new layer's weights.

    Returns:
        a new dict with the same keys; only "WL" and "bL" differ.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    L = num_layers(parameters)
    if L < 2:
        raise ValueError("a network with one layer has nothing to keep when its head is removed.")
    if int(n_out) != n_out or n_out < 1:
        raise ValueError(f"n_out must be a positive integer; got {n_out!r}.")
    new = {key: np.array(value, dtype=np.float64) for key, value in parameters.items()}
    n_prev = new[f"W{L - 1}"].shape[0]
    head = he_parameters([n_prev, int(n_out)], seed)
    new[f"W{L}"], new[f"b{L}"] = head["W1"], head["b1"]
    return new


def fine_tune(
    X,
    Y,
    parameters: Mapping,
    frozen_layers: int,
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    progress: Callable[[float], None] | None = None,
    return_costs: bool = False,
):
    """Train layers frozen_layers+1..L by batch gradient descent; layers 1..frozen_layers stay.

    Freezing means never updating: W^[l], b^[l] for l <= frozen_layers come back exactly as
    they went in. Because they never change, their output A^[frozen] is the same at every
    step, so it is computed once and only the trainable top of the network runs forward
    and backward (Course 1's ``L_model_forward`` / ``L_model_backward`` on it); that gives
    the same parameters as updating a masked subset of the full network, only faster.

    Args:
        X: (n_x, m) inputs. Y: (1, m) labels 0/1.
        parameters: the starting network {"W1", "b1", ..., "WL", "bL"} (not modified).
        frozen_layers: how many layers from the bottom are frozen, 0 (fine-tune every
            layer) to L-1 (train only the output layer).
        num_iterations: gradient steps. learning_rate: alpha.
        progress: optional callable receiving the finished fraction.
        return_costs: also return the cost recorded every 100 iterations.

    Returns:
        the trained parameters (same keys and shapes), or (parameters, costs).

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 1.
    """
    L = num_layers(parameters)
    if isinstance(frozen_layers, bool) or int(frozen_layers) != frozen_layers:
        raise ValueError(f"frozen_layers must be an integer; got {frozen_layers!r}.")
    if not 0 <= frozen_layers <= L - 1:
        raise ValueError(
            f"frozen_layers must be between 0 (fine-tune all) and L - 1 = {L - 1} (train "
            f"only the output layer) for this {L}-layer network; got {frozen_layers}."
        )
    frozen_layers = int(frozen_layers)
    X = require_shape("X", X, (parameters["W1"].shape[1], None), "(n_x, m)")
    Y = require_shape("Y", Y, (parameters[f"W{L}"].shape[0], X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    A = X
    for l in range(1, frozen_layers + 1):  # the frozen bottom, run once
        A, _ = dn.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
    top = {
        f"{p}{l - frozen_layers}": np.array(parameters[f"{p}{l}"], dtype=np.float64)
        for l in range(frozen_layers + 1, L + 1)
        for p in "Wb"
    }

    def step(params, X_t, Y_t, t):
        AL, caches = dn.L_model_forward(X_t, params)
        grads = dn.L_model_backward(AL, Y_t, caches)
        return dn.update_parameters(params, grads, learning_rate), dn.compute_cost(AL, Y_t)

    top, costs = train_loop(top, step, num_iterations, batches=full_batch(A, Y), progress=progress)
    trained = {key: np.array(value, dtype=np.float64) for key, value in parameters.items()}
    for key, value in top.items():
        trained[f"{key[0]}{int(key[1:]) + frozen_layers}"] = value
    return (trained, costs) if return_costs else trained


def train_from_scratch(
    X,
    Y,
    hidden_layers: Sequence[int] = HIDDEN_LAYERS,
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Task B alone: the same network from a random start, every layer trained.

    Args:
        X: (n_x, m). Y: (1, m) labels 0/1. hidden_layers: ReLU layer sizes.
        num_iterations, learning_rate: as in ``fine_tune``. seed: He initialisation seed.
        progress: optional callable receiving the finished fraction.

    Returns:
        the trained parameters {"W1", "b1", ..., "WL", "bL"}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 2.
    """
    X, _ = require_xy(X, Y)
    start = he_parameters([X.shape[0], *hidden_layers, 1], seed)
    return fine_tune(X, Y, start, 0, num_iterations, learning_rate, progress)


def transfer_run(
    pretrained: Mapping,
    X_B,
    Y_B,
    X_dev,
    Y_dev,
    start: str,
    frozen_layers: int,
    seed: int = 0,
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train one network on task B and measure it: the unit of every transfer experiment.

    Args:
        pretrained: task A's trained network (its output layer is replaced).
        X_B, Y_B: (n_x, m_B) / (1, m_B) training examples of task B.
        X_dev, Y_dev: task B's dev set.
        start: "pre-trained" (A's layers with a new head) or "random" (He initialisation
            of the same architecture: no transfer).
        frozen_layers: 0 .. L-1, see ``fine_tune``.
        seed: seed of the new head (or of the whole random start).
        num_iterations, learning_rate: the training budget. progress: optional callable.

    Returns:
        {"parameters", "train_error", "dev_error"}; errors are fractions in [0, 1].

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 2.
    """
    X_B, Y_B = require_xy(
        X_B, Y_B, x_name="X_B", y_name="Y_B", x_notation="(n_x, m_B)", y_notation="(1, m_B)"
    )
    X_dev, Y_dev = require_xy(
        X_dev,
        Y_dev,
        X_B.shape[0],
        x_name="X_dev",
        y_name="Y_dev",
        x_notation="(n_x, m_dev)",
        y_notation="(1, m_dev)",
    )
    if start == "pre-trained":
        initial = replace_output_layer(pretrained, 1, seed)
    elif start == "random":
        dims = [pretrained["W1"].shape[1]]
        dims += [pretrained[f"W{l}"].shape[0] for l in range(1, num_layers(pretrained))]
        initial = he_parameters([*dims, 1], seed)
    else:
        raise ValueError(f"start must be 'pre-trained' or 'random'; got {start!r}.")
    parameters = fine_tune(
        X_B, Y_B, initial, frozen_layers, num_iterations, learning_rate, progress=progress
    )
    return {
        "parameters": parameters,
        "train_error": models.error_rate(X_B, Y_B, parameters),
        "dev_error": models.error_rate(X_dev, Y_dev, parameters),
    }


def transfer_study(
    pretrained: Mapping,
    m_values: Sequence[int],
    seeds: Sequence[int] = (0, 1, 2),
    variants: Mapping[str, tuple[str, int]] = VARIANTS,
    m_dev: int = 2000,
    num_iterations: int = 400,
    learning_rate: float = 0.2,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Dev error of every variant at every training-set size m_B, averaged over seeds.

    For each seed s one pool of max(1000, max(m_values)) task-B examples is drawn (seed
    1000 + s) and its first m_B are the training set, so the sizes are nested and a given
    (seed, m_B) always means the same examples (the dashboard uses seed 0's pool); the dev
    set (m_dev examples, seed 1) is shared by all.

    Args:
        pretrained: task A's network. m_values: increasing training-set sizes for task B.
        seeds: one training set (and new-head seed) per seed; errors are averaged.
        variants: name -> (start, frozen_layers), as ``VARIANTS``.
        m_dev: dev-set size. num_iterations, learning_rate: the budget of every run.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"m": (k,) int array, "variants": list of names, "dev_error": {name: (k,) mean
        over seeds}, "runs": {name: (k, n_seeds)}}.

    Taught in: notebooks/c3_structuring_ml/06_transfer_multitask_end_to_end.py, section 2.
    """
    m_values = np.asarray(m_values, dtype=int)
    if m_values.ndim != 1 or m_values.size == 0 or np.any(m_values < 1):
        raise ValueError(f"m_values must be a non-empty list of positive sizes; got {m_values}.")
    if not seeds:
        raise ValueError("seeds must hold at least one seed.")
    X_dev, Y_dev = related_tasks(m_dev, "B", seed=1)
    runs = {name: np.zeros((m_values.size, len(seeds))) for name in variants}
    total, done = m_values.size * len(seeds) * len(variants), 0
    for j, seed in enumerate(seeds):
        X_pool, Y_pool = related_tasks(max(POOL_SIZE, int(m_values.max())), "B", seed=1000 + seed)
        for i, m in enumerate(m_values):
            for name, (start, frozen) in variants.items():
                run = transfer_run(
                    pretrained,
                    X_pool[:, :m],
                    Y_pool[:, :m],
                    X_dev,
                    Y_dev,
                    start,
                    frozen,
                    seed,
                    num_iterations,
                    learning_rate,
                )
                runs[name][i, j] = run["dev_error"]
                done += 1
                if progress is not None:
                    progress(done / total)
    return {
        "m": m_values,
        "variants": list(variants),
        "dev_error": {name: r.mean(axis=1) for name, r in runs.items()},
        "runs": runs,
    }
