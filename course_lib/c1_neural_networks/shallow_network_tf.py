"""Keras twin of shallow_network.py: Dense(n_h, tanh) followed by Dense(n_y, sigmoid).

Same names and inputs as the NumPy reference (X is (n_x, m), the parameter dict
{"W1", "b1", "W2", "b2"}), comparable outputs. Keras keeps examples in rows and stores a
Dense kernel as (inputs, units), so the twin builds each layer with kernel = W.T and
bias = b.ravel(), feeds it X.T, and turns results back into the course's (units, m).

Known differences, all small on ordinary inputs:
- Keras computes in float32, the NumPy reference in float64 (forward, cost and gradients
  agree to about 1e-6; a training run drifts further, see below).
- ``keras.losses.binary_crossentropy`` clips yhat to [1e-7, 1 - 1e-7] before the log, so a
  confidently wrong prediction costs at most about 16.1 per example.
- ``backward_propagation`` ignores the NumPy cache: GradientTape re-runs the forward pass
  and differentiates it; no backward formula is written by hand.
- ``train_shallow_network`` trains with ``model.fit`` (full batch, no shuffling, plain SGD
  with the course's learning rate 1.2), which is exactly the NumPy loop's update rule;
  after thousands of float32 steps the two parameter sets differ by about 1e-4, while the
  cost curves lie on top of each other.

Runs unchanged on a GPU when TensorFlow sees one.
Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from course_lib.c1_neural_networks import shallow_network as reference
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_binary_labels, require_shape

tf = import_tensorflow_quietly()
import keras  # noqa: E402  (after TensorFlow, which it uses as its backend)

__all__ = [
    "build_shallow_model",
    "parameters_from_model",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "train_shallow_network",
    "nn_model",
    "predict",
]


def build_shallow_model(parameters: Mapping, activation: str = "tanh") -> keras.Model:
    """A Keras model holding the given parameters: Dense(n_h, activation), Dense(n_y, sigmoid).

    Args:
        parameters: {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.
        activation: the hidden activation, "tanh", "relu" or "sigmoid".

    Returns:
        A ``keras.Sequential`` mapping a batch of rows (m, n_x) to probabilities (m, n_y);
        its layers' kernels are W1.T and W2.T.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    reference._check_activation(activation)
    W1, b1, W2, b2, _ = reference._check_parameters(parameters)
    net = keras.Sequential(
        [
            keras.Input(shape=(W1.shape[1],)),
            keras.layers.Dense(W1.shape[0], activation=activation, name="hidden"),
            keras.layers.Dense(W2.shape[0], activation="sigmoid", name="output"),
        ]
    )
    for layer, W, b in zip(net.layers, (W1, W2), (b1, b2)):
        layer.set_weights([W.T.astype(np.float32), b.ravel().astype(np.float32)])
    return net


def parameters_from_model(net: keras.Model) -> dict[str, np.ndarray]:
    """Read a two-layer Keras model back into the course's dict (float64).

    Args:
        net: a model made by ``build_shallow_model``.

    Returns:
        {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    parameters = {}
    for index, layer in enumerate(net.layers, start=1):
        kernel, bias = layer.get_weights()
        parameters[f"W{index}"] = kernel.T.astype(np.float64)
        parameters[f"b{index}"] = bias.reshape(-1, 1).astype(np.float64)
    return parameters


def _rows(X, n_x: int) -> tf.Tensor:
    X = require_shape("X", X, (n_x, None), "(n_x, m)")
    return tf.constant(X.T, dtype=tf.float32)  # Keras wants examples as rows


def forward_propagation(X, parameters, activation: str = "tanh") -> tuple[np.ndarray, dict]:
    """The forward pass through the Keras layers, returned in the course's layout.

    Args:
        X: (n_x, m). parameters: the course's dict. activation: the hidden activation.

    Returns:
        A2 of shape (n_y, m) and cache {"Z1", "A1": (n_h, m), "Z2", "A2": (n_y, m)} as
        float32 NumPy arrays (Z = the layer's kernel and bias applied before its activation).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    net = build_shallow_model(parameters, activation)
    X_rows = _rows(X, net.input_shape[1])
    hidden, output = net.layers
    Z1 = X_rows @ hidden.kernel + hidden.bias
    A1 = hidden(X_rows)
    Z2 = A1 @ output.kernel + output.bias
    A2 = output(A1)
    cache = {name: t.numpy().T for name, t in (("Z1", Z1), ("A1", A1), ("Z2", Z2), ("A2", A2))}
    return cache["A2"], cache


def compute_cost(A2, Y) -> float:
    """Mean binary cross-entropy by ``keras.losses.binary_crossentropy``.

    Args:
        A2: (1, m) probabilities. Y: (1, m) labels 0/1.

    Returns:
        J as a Python float (yhat clipped to [1e-7, 1 - 1e-7] by Keras).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    A2 = require_shape("A2", A2, (1, None), "(1, m)")
    Y = require_shape("Y", Y, A2.shape, "(1, m)")
    loss = keras.losses.binary_crossentropy(
        tf.constant(Y.T, dtype=tf.float32), tf.constant(A2.T, dtype=tf.float32)
    )
    return float(tf.reduce_mean(loss))


def _cost_and_grads(net, X_rows, Y_rows):
    with tf.GradientTape() as tape:
        cost = tf.reduce_mean(keras.losses.binary_crossentropy(Y_rows, net(X_rows)))
    return cost, tape.gradient(cost, net.trainable_variables)


def backward_propagation(parameters, cache, X, Y, activation: str = "tanh") -> dict:
    """Gradients of the cost by automatic differentiation (``tf.GradientTape``).

    Args:
        parameters: the course's dict. cache: accepted for the same signature as NumPy's,
            not used (the tape re-runs the forward pass). X: (n_x, m). Y: (1, m).
        activation: the hidden activation.

    Returns:
        {"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (n_y, n_h), "db2": (n_y, 1)}, float64.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    del cache  # the tape records its own forward pass
    net = build_shallow_model(parameters, activation)
    X_rows = _rows(X, net.input_shape[1])
    Y = require_shape("Y", Y, (1, X_rows.shape[0]), "(1, m)")
    _, (dK1, dc1, dK2, dc2) = _cost_and_grads(net, X_rows, tf.constant(Y.T, dtype=tf.float32))
    as_course = {"dW1": dK1.numpy().T, "db1": dc1.numpy().reshape(-1, 1)}
    as_course |= {"dW2": dK2.numpy().T, "db2": dc2.numpy().reshape(-1, 1)}
    return {k: v.astype(np.float64) for k, v in as_course.items()}


class _Progress(keras.callbacks.Callback):
    def __init__(self, progress: Callable[[float], None], epochs: int):
        super().__init__()
        self.report, self.epochs = progress, epochs
        self.every = max(1, epochs // 20)

    def on_epoch_end(self, epoch, logs=None):
        if (epoch + 1) % self.every == 0 or epoch + 1 == self.epochs:
            self.report((epoch + 1) / self.epochs)


def train_shallow_network(
    X,
    Y,
    n_h: int,
    num_iterations: int = 10000,
    learning_rate: float = 1.2,
    activation: str = "tanh",
    seed: int | None = 3,
    progress: Callable[[float], None] | None = None,
    *,
    print_cost: bool = False,
    parameters: Mapping | None = None,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train the same network with ``model.fit``: one full batch per epoch, plain SGD.

    The starting parameters come from the NumPy ``initialize_parameters`` with the same
    seed, so this run and the NumPy loop start from the same point.

    Args:
        X, Y, n_h, num_iterations, learning_rate, activation, seed, progress, print_cost,
        parameters: as in the NumPy ``train_shallow_network`` (one epoch = one step).

    Returns:
        (parameters, costs): the trained dict (float64) and the cost before each step
        (Keras's per-epoch training loss).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    if parameters is None:
        if seed is not None:
            np.random.seed(seed)  # noqa: NPY002 - same start as the NumPy loop
        n_x, _, n_y = reference.layer_sizes(X, Y)
        parameters = reference.initialize_parameters(n_x, n_h, n_y)
    net = build_shallow_model(parameters, activation)
    net.compile(
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="binary_crossentropy"
    )
    callbacks = [] if progress is None else [_Progress(progress, num_iterations)]
    # The whole training set is one batch, repeated: each epoch is one gradient step on all
    # m examples, as in the NumPy loop. An endless dataset keeps one iterator for the whole
    # run (NumPy arrays would make fit rebuild it every epoch, about 20x slower).
    batches = tf.data.Dataset.from_tensors((X.T.astype(np.float32), Y.T.astype(np.float32)))
    history = net.fit(
        batches.repeat(),
        steps_per_epoch=1,
        epochs=num_iterations,
        shuffle=False,
        verbose=0,
        callbacks=callbacks,
    )
    costs = [float(c) for c in history.history["loss"]]
    if print_cost:
        for i in range(0, len(costs), 1000):
            print(f"Cost after iteration {i}: {costs[i]:f}")
    return parameters_from_model(net), costs


def nn_model(X, Y, n_h: int, num_iterations: int = 10000, print_cost: bool = False) -> dict:
    """Keras twin of ``nn_model``: seed 3, tanh, learning rate 1.2, trained by ``model.fit``.

    Args:
        X: (n_x, m). Y: (1, m). n_h: hidden units. num_iterations: epochs (= steps).
        print_cost: print the cost every 1000 iterations.

    Returns:
        parameters {"W1", "b1", "W2", "b2"} (float64).

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    parameters, _ = train_shallow_network(X, Y, n_h, num_iterations, print_cost=print_cost)
    return parameters


def predict(parameters, X, activation: str = "tanh") -> np.ndarray:
    """Labels 1.0 where the Keras model's probability exceeds 0.5, else 0.0.

    Args:
        parameters: the course's dict. X: (n_x, m). activation: the hidden activation.

    Returns:
        (1, m) float array of 0.0 / 1.0.

    Taught in: notebooks/c1_neural_networks/03_shallow_network.py, section 11.
    """
    A2, _ = forward_propagation(X, parameters, activation)
    return (A2 > 0.5).astype(np.float64)
