"""Keras twin of initialization.py: the same schemes through ``keras.initializers``.

Same function names and inputs as the NumPy module, and the same output: a parameter dict
in course layout, W^[l] of shape (n^[l], n^[l-1]) (a Dense kernel is (n^[l-1], n^[l]), so
W = kernel.T) and b^[l] of shape (n^[l], 1).

Known differences (why parity is statistical, not exact):
- Keras draws from its own generator, so the numbers differ from ``np.random.seed(3)``;
  tests compare standard deviations on large layers instead of entries.
- The course's "Xavier", randn * sqrt(1/n^[l-1]), is Keras' ``LecunNormal``; Keras'
  ``GlorotNormal`` is the sqrt(2/(n^[l-1] + n^[l])) variant.
- ``HeNormal``, ``LecunNormal`` and ``GlorotNormal`` draw from a TRUNCATED normal (no value
  beyond two standard deviations of the underlying normal), whose stddev is enlarged by
  1/0.8796 so that the truncated values still have the target standard deviation. The
  course's randn has no cut-off; both have the same variance, which is what matters.
- ``RandomNormal(stddev=scale)`` is the course's "large random" randn * scale (untruncated).

Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.c2_improving_dnns.initialization import INITIALIZATIONS, _dims
from course_lib.lesson import import_tensorflow_quietly
from course_lib.validation import require_binary_labels, require_shape

tf = import_tensorflow_quietly()
keras = tf.keras

__all__ = [
    "keras_initializer",
    "initialize_parameters",
    "initialize_parameters_zeros",
    "initialize_parameters_random",
    "initialize_parameters_xavier",
    "initialize_parameters_glorot",
    "initialize_parameters_he",
    "build_model",
    "model",
    "accuracy",
]


def keras_initializer(initialization: str, scale: float | None = None, seed: int | None = 3):
    """The Keras initializer for a course scheme.

    Args:
        initialization: "zeros", "random", "xavier", "glorot" or "he".
        scale: random: its stddev (None = 10); variance-scaled schemes: a factor on the
            standard deviation (implemented with ``VarianceScaling(scale=factor**2)``).
        seed: the initializer's seed.

    Returns:
        A ``keras.initializers.Initializer``.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    if initialization not in INITIALIZATIONS:
        raise ValueError(
            f"initialization must be one of {sorted(INITIALIZATIONS)}; got {initialization!r}."
        )
    init = keras.initializers
    if initialization == "zeros":
        return init.Zeros()
    if initialization == "random":
        return init.RandomNormal(mean=0.0, stddev=10.0 if scale is None else scale, seed=seed)
    if scale is None:
        named = {"xavier": init.LecunNormal, "glorot": init.GlorotNormal, "he": init.HeNormal}
        return named[initialization](seed=seed)
    # HeNormal = VarianceScaling(2, fan_in); LecunNormal = (1, fan_in); GlorotNormal =
    # (1, fan_avg); a factor c on the standard deviation is c**2 on the variance.
    base, mode = {"xavier": (1.0, "fan_in"), "he": (2.0, "fan_in"), "glorot": (1.0, "fan_avg")}[
        initialization
    ]
    return init.VarianceScaling(
        scale=base * scale**2, mode=mode, distribution="truncated_normal", seed=seed
    )


def initialize_parameters(
    layers_dims: Sequence[int],
    initialization: str = "he",
    scale: float | None = None,
    *,
    seed: int | None = 3,
) -> dict[str, np.ndarray]:
    """Draw every W^[l] with the Keras initializer of a scheme; biases zero.

    Args:
        layers_dims: [n^[0] = n_x, n^[1], ..., n^[L]].
        initialization, scale: as in ``keras_initializer``.
        seed: layer l uses seed + l - 1, so layers differ (None: unseeded).

    Returns:
        {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"} as float64 arrays.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    dims = _dims(layers_dims)
    parameters = {}
    for l in range(1, len(dims)):
        layer_seed = None if seed is None else seed + l - 1
        initializer = keras_initializer(initialization, scale, layer_seed)
        kernel = np.asarray(initializer((dims[l - 1], dims[l])), dtype=np.float64)
        parameters[f"W{l}"] = kernel.T
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def initialize_parameters_zeros(layers_dims: Sequence[int]) -> dict[str, np.ndarray]:
    """Keras ``Zeros`` for every kernel. Shapes as in the NumPy twin.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    return initialize_parameters(layers_dims, "zeros")


def initialize_parameters_random(
    layers_dims: Sequence[int], scale: float = 10.0, *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Keras ``RandomNormal(stddev=scale)``. Shapes as in the NumPy twin.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    return initialize_parameters(layers_dims, "random", scale, seed=seed)


def initialize_parameters_xavier(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Keras ``LecunNormal`` (the course's Xavier, truncated). Shapes as in the NumPy twin.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    return initialize_parameters(layers_dims, "xavier", seed=seed)


def initialize_parameters_glorot(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Keras ``GlorotNormal`` (truncated). Shapes as in the NumPy twin.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    return initialize_parameters(layers_dims, "glorot", seed=seed)


def initialize_parameters_he(
    layers_dims: Sequence[int], *, seed: int | None = 3
) -> dict[str, np.ndarray]:
    """Keras ``HeNormal`` (truncated). Shapes as in the NumPy twin.

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    return initialize_parameters(layers_dims, "he", seed=seed)


def build_model(
    layers_dims: Sequence[int],
    initialization: str = "he",
    scale: float | None = None,
    seed: int | None = 3,
) -> keras.Model:
    """[Dense + ReLU] x (L-1) -> Dense + sigmoid, kernels from a scheme's Keras initializer.

    Args:
        layers_dims: [n_x, n^[1], ..., n^[L]]. initialization, scale, seed: as above.

    Returns:
        A built ``keras.Sequential`` taking inputs of shape (m, n_x).

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    dims = _dims(layers_dims)
    layers = [keras.Input(shape=(dims[0],))]
    for l in range(1, len(dims)):
        layers.append(
            keras.layers.Dense(
                dims[l],
                activation="relu" if l < len(dims) - 1 else "sigmoid",
                kernel_initializer=keras_initializer(
                    initialization, scale, None if seed is None else seed + l - 1
                ),
                bias_initializer="zeros",
            )
        )
    return keras.Sequential(layers)


def _parameters(net: keras.Model) -> dict[str, np.ndarray]:
    parameters = {}
    for l, layer in enumerate(net.layers, start=1):
        kernel, bias = (np.asarray(v, dtype=np.float64) for v in layer.get_weights())
        parameters[f"W{l}"], parameters[f"b{l}"] = kernel.T, bias.reshape(-1, 1)
    return parameters


def model(
    X,
    Y,
    learning_rate: float = 0.01,
    num_iterations: int = 15000,
    print_cost: bool = True,
    initialization: str = "he",
    *,
    scale: float | None = None,
    seed: int | None = 3,
    hidden_layers: Sequence[int] = (10, 5),
    return_costs: bool = False,
    record_every: int = 1000,
):
    """The course's 3-layer network in Keras, trained by full-batch gradient descent.

    One ``@tf.function`` step (GradientTape + SGD ``apply_gradients``) per iteration, so
    the loop costs one graph call per step rather than many eager ops.

    Args and Returns: as ``initialization.model`` (parameters in course layout, and the
    costs every ``record_every`` iterations when ``return_costs``).

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    X = require_shape("X", X, (None, None), "(n_x, m)")
    Y = require_shape("Y", Y, (1, X.shape[1]), "(1, m)")
    require_binary_labels("Y", Y)
    net = build_model([X.shape[0], *hidden_layers, 1], initialization, scale, seed)
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    loss_fn = keras.losses.BinaryCrossentropy()
    inputs = tf.constant(X.T, tf.float32)
    labels = tf.constant(Y.T, tf.float32)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = loss_fn(labels, net(inputs, training=True))
        grads = tape.gradient(loss, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss

    costs = []
    for i in range(int(num_iterations)):
        loss = step()
        if i % record_every == 0:
            costs.append(float(loss))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:f}")
    parameters = _parameters(net)
    return (parameters, costs) if return_costs else parameters


def accuracy(X, Y, parameters) -> float:
    """Accuracy of the Keras network built from ``parameters`` (same weights, float32).

    Args:
        X: (n_x, m). Y: (1, m). parameters: {"W1", "b1", ...}.

    Returns:
        A float in [0, 1].

    Taught in: notebooks/c2_improving_dnns/02_initialization.py, section 8.
    """
    from course_lib.c1_neural_networks.deep_network_tf import build_deep_model

    X = require_shape("X", X, (None, None), "(n_x, m)")
    net = build_deep_model(parameters)
    A = np.asarray(net(tf.constant(X.T, tf.float32))).T
    return float(np.mean((A > 0.5) == (np.asarray(Y) > 0.5)))
