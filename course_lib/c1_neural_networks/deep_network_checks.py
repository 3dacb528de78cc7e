"""Auto-checks for the deep-network exercises; each compares with deep_network.py.

Taught in: notebooks/c1_neural_networks/04_deep_network.py and
notebooks/c1_neural_networks/05_deep_network_application.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.exercises import Case, CheckResult, Slip, check_function, random_network

__all__ = [
    "check_L_model_forward",
    "check_linear_backward",
    "check_L_model_backward",
    "check_L_layer_model",
]


def _network(layer_dims, m: int, seed: int):
    """Random X, Y and parameters (non-zero biases: no ReLU sits exactly on its kink)."""
    return random_network(layer_dims, m, np.random.default_rng(seed), 0.7, 0.3)


_SIZES = [([5, 4, 3, 1], 4, 1), ([3, 1], 6, 2), ([7, 6, 5, 4, 1], 10, 3)]


def _describe(dims, m) -> str:
    return f"layer_dims = {dims} (L = {len(dims) - 1}) with m = {m}"


def _forward_with(X, parameters, hidden: str, output: str):
    """L_model_forward with the named activations, for diagnosing a learner's slip."""
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = dn.linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], output if l == L else hidden
        )
        caches.append(cache)
    return A, caches


def check_L_model_forward(learner_fn) -> CheckResult:
    """Check ``L_model_forward(X, parameters) -> (AL, caches)`` for L = 1, 3 and 4.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 4.
    """
    cases = []
    for dims, m, seed in _SIZES:
        X, _, parameters = _network(dims, m, seed)
        cases.append(Case(_describe(dims, m), (X, parameters)))
    return check_function(
        "L_model_forward",
        learner_fn,
        dn.L_model_forward,
        cases,
        output_names=("AL", "caches"),
        hints={
            "caches should be a list of": "append one cache per layer: L caches in all.",
            "AL differs": "hidden layers use 'relu', only layer L uses 'sigmoid'.",
            "caches[": "each cache is linear_activation_forward's ((A_prev, W, b), Z).",
            "KeyError": (
                "parameters holds W1, b1, ..., WL, bL: L = len(parameters) // 2, and the "
                "layers are numbered 1 to L."
            ),
        },
        slips=[
            Slip(
                "'sigmoid' in every layer",
                "layers 1 to L - 1 use 'relu'; only layer L uses 'sigmoid'.",
                lambda X, p: _forward_with(X, p, "sigmoid", "sigmoid"),
            ),
            Slip(
                "'relu' in every layer",
                "layer L uses 'sigmoid', so that AL is a probability in (0, 1).",
                lambda X, p: _forward_with(X, p, "relu", "relu"),
            ),
            Slip(
                "the activations swapped",
                "the other way round: 'relu' for layers 1 to L - 1, 'sigmoid' for layer L.",
                lambda X, p: _forward_with(X, p, "sigmoid", "relu"),
            ),
        ],
    )


def _linear_backward_variant(dZ, cache, *, m=None, db_axis=1, dA_scale=False):
    """linear_backward with one thing changed, for diagnosing a learner's slip."""
    A_prev, W, _ = cache
    m = A_prev.shape[1] if m is None else m
    dA_prev = W.T @ dZ / (m if dA_scale else 1)
    return dA_prev, dZ @ A_prev.T / m, np.sum(dZ, axis=db_axis, keepdims=True) / m


def check_linear_backward(learner_fn) -> CheckResult:
    """Check ``linear_backward(dZ, cache) -> (dA_prev, dW, db)``.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    rng = np.random.default_rng(7)
    cases = []
    # n[l], n[l-1] and m all differ in the first case, so every mix-up of them shows there
    # (and n[l] = 1 does not come first: a (1, m) db would be told to "reduce to a number").
    for n, n_prev, m in [(3, 4, 5), (1, 3, 2), (5, 2, 8)]:
        A_prev = rng.standard_normal((n_prev, m))
        W, b = rng.standard_normal((n, n_prev)), rng.standard_normal((n, 1))
        dZ = rng.standard_normal((n, m))
        cases.append(Case(f"n[l] = {n}, n[l-1] = {n_prev}, m = {m}", (dZ, (A_prev, W, b))))
    wrong_m = Slip(
        "m read off the wrong axis",
        "m = A_prev.shape[1], the number of examples (columns); shape[0] counts units.",
        lambda dZ, cache: _linear_backward_variant(dZ, cache, m=cache[0].shape[0]),
    )
    products = (
        "dA_prev = np.dot(W.T, dZ) and dW = np.dot(dZ, A_prev.T) / m: in np.dot(P, Q), "
        "P has as many columns as Q has rows."
    )
    return check_function(
        "linear_backward",
        learner_fn,
        dn.linear_backward,
        cases,
        output_names=("dA_prev", "dW", "db"),
        hints={
            "dW differs": "dW = (1/m) dZ A_prev^T: np.dot(dZ, A_prev.T) / m.",
            "dW has shape": "dW = np.dot(dZ, A_prev.T) / m has the shape of W, (n[l], n[l-1]).",
            "db has shape": "db = np.sum(dZ, axis=1, keepdims=True) / m keeps the (n[l], 1) shape.",
            "dA_prev differs": "dA_prev = W^T dZ, with no 1/m (it is not a parameter gradient).",
            "not aligned": products,
            "mismatch in its core dimension": products,
        },
        slips=[
            wrong_m,
            Slip(
                wrong_m.mistake,
                wrong_m.hint,
                lambda dZ, cache: _linear_backward_variant(dZ, cache, m=dZ.shape[0]),
            ),
            Slip(
                "dW and db without 1/m",
                "divide dW and db by m: the cost averages over the examples.",
                lambda dZ, cache: _linear_backward_variant(dZ, cache, m=1),
            ),
            Slip(
                "db summed over axis=0",
                "sum over the examples, axis=1: np.sum(dZ, axis=1, keepdims=True) / m; "
                "axis=0 adds up the units.",
                lambda dZ, cache: _linear_backward_variant(dZ, cache, db_axis=0),
            ),
            Slip(
                "1/m in dA_prev",
                "dA_prev = np.dot(W.T, dZ), with no 1/m: it is not a parameter gradient.",
                lambda dZ, cache: _linear_backward_variant(dZ, cache, dA_scale=True),
            ),
        ],
    )


def _backward_with(AL, Y, caches, *, dAL=None, hidden="relu", output="sigmoid"):
    """L_model_backward from a given dA^[L] and activations, for diagnosing a slip."""
    L = len(caches)
    if dAL is None:
        dAL = -(Y / AL) + (1 - Y) / (1 - AL)
    grads = {}
    dA = dAL
    for l in reversed(range(1, L + 1)):
        dA, dW, db = dn.linear_activation_backward(dA, caches[l - 1], output if l == L else hidden)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
    return grads


def _summed_dAL(AL, Y):
    return np.sum(-(Y / AL) + (1 - Y) / (1 - AL)) * np.ones_like(AL)


def check_L_model_backward(learner_fn) -> CheckResult:
    """Check ``L_model_backward(AL, Y, caches) -> grads`` for L = 1, 3 and 4.

    Taught in: notebooks/c1_neural_networks/04_deep_network.py, section 6.
    """
    cases = []
    for dims, m, seed in _SIZES:
        X, Y, parameters = _network(dims, m, seed)
        AL, caches = dn.L_model_forward(X, parameters)
        cases.append(Case(_describe(dims, m), (AL, Y, caches)))
    summed = "dA^[L] has one entry per example: dAL = -(Y / AL) + (1 - Y) / (1 - AL), no np.sum."
    indices = (
        "layer l's step takes grads['dA' + str(l)] and caches[l - 1] (the list starts "
        "with layer 1), and gives dA^[l-1]."
    )
    # A summed dA^[L] reaches linear_activation_backward as shape () or (1, 1); any other
    # wrong shape there has a dA or a cache of the wrong layer.
    shape_hints = {"; got ().": summed, "; got (1, 1).": summed}
    shape_hints |= {f"; got ({n}, ": indices for n in range(2, 10)}
    return check_function(
        "L_model_backward",
        learner_fn,
        dn.L_model_backward,
        cases,
        hints={
            "missing the key": (
                "grads needs 'dA0'..'dA{L-1}', 'dW1'..'dWL' and 'db1'..'dbL': the loop "
                "runs over every layer, L down to 1."
            ),
            **shape_hints,
            "KeyError: 'dA": (
                "layer l's step reads grads['dA' + str(l)] and stores its dA_prev as "
                "grads['dA' + str(l - 1)]."
            ),
            "differs": "start with dAL = -(Y / AL) + (1 - Y) / (1 - AL); layer L is 'sigmoid', "
            "the others 'relu', and caches[l - 1] belongs to layer l.",
        },
        slips=[
            Slip(
                "dA^[L] summed over the examples",
                summed,
                lambda AL, Y, caches: _backward_with(AL, Y, caches, dAL=_summed_dAL(AL, Y)),
            ),
            Slip(
                "dA^[L] with the wrong sign",
                "mind the signs: dAL = -(Y / AL) + (1 - Y) / (1 - AL), the derivative of "
                "the loss with respect to AL.",
                lambda AL, Y, caches: _backward_with(
                    AL, Y, caches, dAL=Y / AL - (1 - Y) / (1 - AL)
                ),
            ),
            Slip(
                "'relu' for layer L",
                "layer L goes back through 'sigmoid', its forward activation; the layers "
                "below through 'relu'.",
                lambda AL, Y, caches: _backward_with(AL, Y, caches, output="relu"),
            ),
            Slip(
                "'sigmoid' for every layer",
                "layers L - 1 to 1 go back through 'relu'; only layer L uses 'sigmoid'.",
                lambda AL, Y, caches: _backward_with(AL, Y, caches, hidden="sigmoid"),
            ),
        ],
    )


def _train_with(
    X, Y, dims, alpha, n, *, init=None, rate=None, extra=0, sign=-1, keep=True, init_in_loop=False
):
    """The training loop with one thing changed, for diagnosing a learner's slip."""

    def start():
        return (
            dn.initialize_parameters_deep(dims, scale="xavier", seed=1)
            if init is None
            else init(dims)
        )

    parameters, costs = start(), []
    for i in range(n + extra):
        if init_in_loop:
            parameters = start()
        AL, caches = dn.L_model_forward(X, parameters)
        cost = dn.compute_cost(AL, Y)
        grads = dn.L_model_backward(AL, Y, caches)
        step = {
            k: v + sign * (alpha if rate is None else rate) * grads[f"d{k}"]
            for k, v in parameters.items()
        }
        if keep:
            parameters = step
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def check_L_layer_model(learner_fn) -> CheckResult:
    """Check ``L_layer_model(X, Y, layers_dims, learning_rate, num_iterations) ->
    (parameters, costs)`` on small problems (it must use
    ``initialize_parameters_deep(layers_dims, scale="xavier", seed=1)``).

    Taught in: notebooks/c1_neural_networks/05_deep_network_application.py, section 7.
    """
    cases = []
    for dims, m, seed in [([4, 3, 1], 12, 4), ([6, 5, 3, 1], 20, 5)]:
        X, Y, _ = _network(dims, m, seed)
        cases.append(Case(f"{_describe(dims, m)}, 201 iterations", (X, Y, dims, 0.05, 201)))
    init = (
        "initialise with dn.initialize_parameters_deep(layers_dims, scale='xavier', seed=1): "
        "randn / sqrt(n^[l-1]), as the application does."
    )

    def variant(**change):
        return lambda X, Y, dims, alpha, n: _train_with(X, Y, dims, alpha, n, **change)

    def init_with(scale, seed):
        return lambda dims: dn.initialize_parameters_deep(dims, scale=scale, seed=seed)

    return check_function(
        "L_layer_model",
        learner_fn,
        lambda X, Y, dims, alpha, n: dn.L_layer_model(X, Y, dims, alpha, n),
        cases,
        rtol=1e-6,
        output_names=("parameters", "costs"),
        hints={
            "costs should be a list": "append the cost when i % 100 == 0 (iterations 0, 100, 200).",
            "differs": "initialise with dn.initialize_parameters_deep(layers_dims, "
            "scale='xavier', seed=1); each iteration: forward, cost, backward, update.",
        },
        slips=[
            Slip("the x 0.01 initialisation of lesson 04", init, variant(init=init_with(0.01, 3))),
            Slip("the x 0.01 initialisation", init, variant(init=init_with(0.01, 1))),
            Slip("He initialisation", init, variant(init=init_with("he", 1))),
            Slip(
                "initialize_parameters_deep's default seed",
                "pass seed=1 to dn.initialize_parameters_deep: its default is the step-by-step "
                "assignment's seed 3.",
                variant(init=init_with("xavier", 3)),
            ),
            Slip(
                "the default learning rate",
                "use the learning_rate argument in the update, not the default 0.0075.",
                variant(rate=0.0075),
            ),
            Slip(
                "adding the step",
                "gradient descent goes downhill: W^[l] := W^[l] - learning_rate * dW^[l] "
                "(and b^[l] likewise).",
                variant(sign=1),
            ),
            Slip(
                "the updated parameters not kept",
                "parameters = dn.update_parameters(parameters, grads, learning_rate): it "
                "returns a new dict, keep it.",
                variant(keep=False),
            ),
            Slip(
                "initialising inside the loop",
                "initialise the parameters once, before the loop; inside it every iteration "
                "starts again from the same weights.",
                variant(init_in_loop=True),
            ),
            Slip(
                "one iteration too many",
                "loop with for i in range(num_iterations): exactly num_iterations steps.",
                variant(extra=1),
            ),
        ],
    )
