"""Fuzz the public NumPy functions of Courses 1-4 with bad input.

Every public function of the NumPy modules (not the Keras twins, dashboards or checks) is
either fuzzed here or exempted below with its reason. A case is a valid call (built by a
small builder per function) plus the roles of its arguments; from the roles the test makes
the bad calls: transposed and rank-1 arrays, no examples (m = 0), strings and Python objects,
NaN and infinity, -1/+1 and out-of-range labels, parameter dicts with a key missing, and
counts (of examples, or sizes such as n, f and the stride s) set to 0.

Every bad call must raise a ValueError or TypeError from a ``raise`` statement in course_lib
(so never a raw NumPy error, a silent NaN or a wrong number), within 10 seconds, without a
RuntimeWarning. The valid call must return finite numbers without a warning. The few bad
inputs that are valid for a function (NaN through an elementwise activation, say) are listed
in ``ALLOWED`` with the reason.

The framework (Case, the mutations, how a call is judged) lives in fuzzing.py. Courses 1-4
part 1 register their cases below; later topics in their own fuzz_cases_<topic>.py files,
which this module imports.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from fuzzing import (
    ALLOWED,
    BUILDERS,
    EXEMPT,
    NAN_RESULTS,
    Case,
    _call,
    _mutations,
    _non_finite,
    _raised_by_course_lib,
    allow,
    builds,
    case,
    exempt,
)

import course_lib.c1_neural_networks
import course_lib.c2_improving_dnns
import course_lib.c3_structuring_ml
import course_lib.c4_convnets

PACKAGES = (
    course_lib.c1_neural_networks,
    course_lib.c2_improving_dnns,
    course_lib.c3_structuring_ml,
    course_lib.c4_convnets,
)
EXTRA_MODULES = ("course_lib.gradient_check", "course_lib.data")


def _modules():
    names = [
        f"{package.__name__}.{info.name}"
        for package in PACKAGES
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.endswith(("_tf", "_dashboard", "_checks"))
    ]
    return [importlib.import_module(name) for name in [*names, *EXTRA_MODULES]]


def public_functions() -> dict[str, Callable]:
    """{"module.function": function} for every function a NumPy module exports."""
    found = {}
    for module in _modules():
        short = module.__name__.rsplit(".", 1)[-1]
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) and obj.__module__ == module.__name__:
                found[f"{short}.{name}"] = obj
    return found


def _X(n=2, m=5, seed=0):
    return np.random.default_rng(seed).standard_normal((n, m))


def _Y(m=5, k=1):
    return (np.arange(k * m).reshape(k, m) * 7 % 3 == 0).astype(np.int64)


def _deep_parameters(dims=(2, 3, 1), seed=0):
    rng = np.random.default_rng(seed)
    out = {}
    for l in range(1, len(dims)):
        out[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * 0.5
        out[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.1
    return out


def _grads_of(parameters, scale=0.1):
    return {f"d{k}": np.full_like(v, scale) for k, v in parameters.items()}


# --- Course 1 ------------------------------------------------------------------------------

ELEMENTWISE = [
    f"activations.{g}{suffix}"
    for g in ("sigmoid", "tanh", "relu", "leaky_relu", "linear")
    for suffix in ("", "_derivative")
]


@case(*ELEMENTWISE)
def _elementwise():
    return Case({"z": _X()}, arrays=("z",))


allow(
    "elementwise g(z) or g'(z) of any shape: NaN gives NaN and g(inf) is its limit, as in NumPy",
    ("nan", "inf"),
    *ELEMENTWISE,
)
LAYER_BLOCKS = [
    f"activations.{g}_{way}"
    for g in ("sigmoid", "tanh", "relu", "leaky_relu", "activation")
    for way in ("forward", "backward")
]
allow(
    "one layer inside a forward or backward pass, elementwise: an exploding network's values"
    " are legitimately inf there and NaN propagates visibly; the data are checked where the"
    " pass starts (L_model_forward, the costs, the trainers)",
    ("nan", "inf"),
    *LAYER_BLOCKS,
    "deep_network.linear_forward",
    "deep_network.linear_activation_forward",
    "deep_network.linear_backward",
    "deep_network.linear_activation_backward",
)


@case(*[f"activations.{g}_forward" for g in ("sigmoid", "tanh", "relu", "leaky_relu")])
def _activation_forward():
    return Case({"Z": _X()}, arrays=("Z",))


@case("activations.activation_forward")
def _named_forward():
    return Case({"Z": _X(), "activation": "tanh"}, arrays=("Z",))


@case(*[f"activations.{g}_backward" for g in ("sigmoid", "tanh", "relu", "leaky_relu")])
def _activation_backward():
    return Case({"dA": _X(seed=1), "cache": _X()}, arrays=("dA", "cache"))


@case("activations.activation_backward")
def _named_backward():
    return Case({"dA": _X(seed=1), "cache": _X(), "activation": "relu"}, arrays=("dA", "cache"))


@case("computation_graph.graph_forward")
def _graph_forward():
    return Case({"a": 5.0, "b": 3.0, "c": 2.0}, arrays=("a", "b", "c"))


allow(
    "the graph J = 3(a + bc) is elementwise: NaN in, NaN out",
    ("nan", "inf"),
    "computation_graph.graph_forward",
)


@case("computation_graph.graph_backward")
def _graph_backward():
    from course_lib.c1_neural_networks.computation_graph import graph_forward

    return Case({"dJ": 1.0, "cache": graph_forward(5.0, 3.0, 2.0)[1]}, arrays=("dJ",))


allow("elementwise chain rule: NaN in, NaN out", ("nan", "inf"), "computation_graph.graph_backward")


@case("deep_network.linear_forward")
def _linear_forward():
    p = _deep_parameters()
    return Case({"A": _X(), "W": p["W1"], "b": p["b1"]}, examples=("A",), numbers=("W", "b"))


@case("deep_network.linear_activation_forward")
def _linear_activation_forward():
    p = _deep_parameters()
    return Case(
        {"A_prev": _X(), "W": p["W1"], "b": p["b1"], "activation": "relu"},
        examples=("A_prev",),
        numbers=("W", "b"),
    )


@case("deep_network.L_model_forward", "multitask.logits", "models.predict_proba")
def _x_parameters():
    return Case(
        {"X": _X(), "parameters": _deep_parameters()}, examples=("X",), dicts=("parameters",)
    )


@case("deep_network.compute_cost")
def _cost_al():
    name = "AL"
    return Case({name: np.full((1, 5), 0.6), "Y": _Y()}, examples=(name,), labels=("Y",))


@case("shallow_network.compute_cost")
def _cost_a2():
    return Case({"A2": np.full((1, 5), 0.6), "Y": _Y()}, examples=("A2",), labels=("Y",))


@case("logistic_regression.compute_cost")
def _cost_a():
    return Case({"A": np.full((1, 5), 0.6), "Y": _Y()}, examples=("A",), labels=("Y",))


@case("deep_network.linear_backward")
def _linear_backward():
    p = _deep_parameters()
    return Case({"dZ": _X(3, 5), "cache": (_X(), p["W1"], p["b1"])}, examples=("dZ",))


@case("deep_network.linear_activation_backward")
def _linear_activation_backward():
    p = _deep_parameters()
    cache = ((_X(), p["W1"], p["b1"]), _X(3, 5, seed=2))
    return Case({"dA": _X(3, 5, seed=1), "cache": cache, "activation": "relu"}, examples=("dA",))


def _deep_forward(dims=(2, 3, 1)):
    from course_lib.c1_neural_networks.deep_network import L_model_forward

    p = _deep_parameters(dims)
    AL, caches = L_model_forward(_X(dims[0]), p)
    return p, AL, caches


@case("deep_network.L_model_backward")
def _L_model_backward():
    _, AL, caches = _deep_forward()
    return Case({"AL": AL, "Y": _Y(), "caches": caches}, examples=("AL",), labels=("Y",))


@case(
    "deep_network.update_parameters",
    "shallow_network.update_parameters",
    "softmax.update_parameters",
    "optimizers.update_parameters_with_gd",
)
def _update_parameters():
    p = _deep_parameters()
    return Case(
        {"parameters": p, "grads": _grads_of(p), "learning_rate": 0.1},
        dicts=("parameters", "grads"),
    )


@case("deep_network.two_layer_model")
def _two_layer_model():
    return Case(
        {"X": _X(), "Y": _Y(), "layers_dims": (2, 3, 1), "num_iterations": 2},
        examples=("X",),
        labels=("Y",),
    )


@case("deep_network.L_layer_model")
def _L_layer_model():
    return Case(
        {"X": _X(), "Y": _Y(), "layers_dims": [2, 3, 1], "num_iterations": 2},
        examples=("X",),
        labels=("Y",),
    )


@case("deep_network.predict")
def _deep_predict():
    return Case(
        {"X": _X(), "y": _Y(), "parameters": _deep_parameters()},
        examples=("X",),
        labels=("y",),
        dicts=("parameters",),
    )


@case("deep_network.accuracy")
def _deep_accuracy():
    return Case({"p": _Y(), "y": 1 - _Y()}, labels=("p", "y"))


@case("deep_network.sawtooth")
def _sawtooth():
    from course_lib.c1_neural_networks.deep_network import sawtooth_parameters

    return Case(
        {"x": np.linspace(0, 1, 5)[None, :], "parameters": sawtooth_parameters(2)},
        examples=("x",),
        dicts=("parameters",),
    )


@case("logistic_regression.image2vector")
def _image2vector():
    return Case({"image": _X(3, 3)}, arrays=("image",))


@case("logistic_regression.flatten_images")
def _flatten_images():
    return Case({"images": np.zeros((4, 3, 3))}, images=("images",))


def _w_b_X():
    return {"w": np.array([[0.5], [-0.5]]), "b": 0.1, "X": _X()}


@case("logistic_regression.logistic_forward", "logistic_regression.predict")
def _logistic_forward():
    return Case(_w_b_X(), examples=("X",), numbers=("w",))


@case("logistic_regression.logistic_backward")
def _logistic_backward():
    A = np.full((1, 5), 0.4)
    return Case({"dA": _X(1, 5), "cache": (_X(), A)}, examples=("dA",))


@case("logistic_regression.logistic_loss")
def _logistic_loss():
    return Case({"y_hat": np.full((1, 5), 0.3), "y": _Y()}, arrays=("y_hat",), labels=("y",))


allow(
    "the loss is elementwise over any shape, so a transposed pair is a valid pair",
    ("transposed", "rank-1"),
    "logistic_regression.logistic_loss",
)


@case("logistic_regression.cost_landscape")
def _cost_landscape():
    return Case(
        {"w_values": np.linspace(-1, 1, 4), "X": _X(1, 5), "Y": _Y()},
        examples=("X",),
        labels=("Y",),
        arrays=("w_values",),
    )


@case("logistic_regression.single_example_gradients")
def _single_example():
    return Case(
        {"w": np.array([[0.5], [-0.5]]), "b": 0.0, "x": _X(2, 1), "y": 1},
        numbers=("w",),
        arrays=("x",),
    )


@case("logistic_regression.propagate_loop", "logistic_regression.propagate")
def _propagate():
    return Case({**_w_b_X(), "Y": _Y()}, examples=("X",), labels=("Y",), numbers=("w",))


@case("logistic_regression.optimize")
def _optimize():
    return Case(
        {**_w_b_X(), "Y": _Y(), "num_iterations": 2}, examples=("X",), labels=("Y",), numbers=("w",)
    )


@case("logistic_regression.update_parameters")
def _logistic_update():
    return Case(
        {
            "w": np.ones((2, 1)),
            "b": 0.0,
            "grads": {"dw": np.ones((2, 1)), "db": 0.5},
            "learning_rate": 0.1,
        },
        numbers=("w",),
        dicts=("grads",),
    )


@case("logistic_regression.accuracy")
def _logistic_accuracy():
    return Case({"Y_prediction": _Y(), "Y": 1 - _Y()}, labels=("Y_prediction", "Y"))


@case("logistic_regression.model")
def _logistic_model():
    return Case(
        {
            "X_train": _X(),
            "Y_train": _Y(),
            "X_test": _X(2, 5, seed=3),
            "Y_test": _Y(),
            "num_iterations": 2,
        },
        examples=("X_train", "X_test"),
        labels=("Y_train", "Y_test"),
    )


@case("neurons.relu_neuron")
def _relu_neuron():
    return Case({"X": _X(), "w": np.ones((2, 1)), "b": 0.5}, examples=("X",), numbers=("w",))


@case(
    "neurons.layer_dims_of",
    "neurons.collapse_linear_network",
    "transfer.num_layers",
    "gradient_checking.dictionary_to_vector",
)
def _parameters_only():
    return Case({"parameters": _deep_parameters((2, 3, 2, 1))}, dicts=("parameters",))


@case("neurons.network_forward")
def _network_forward():
    return Case(
        {"X": _X(), "parameters": _deep_parameters(), "activations": ["relu", "sigmoid"]},
        examples=("X",),
        dicts=("parameters",),
    )


@case("neurons.fit_relu_curve")
def _fit_relu_curve():
    x = np.linspace(0.5, 3, 8)[None, :]
    return Case({"x": x, "y": 2 * x + 1, "n_h": 3}, examples=("x", "y"))


def _shallow(n_h=3):
    from course_lib.c1_neural_networks.shallow_network import forward_propagation

    p = _deep_parameters((2, n_h, 1))
    return p, forward_propagation(_X(), p, activation="relu")[1]


@case("shallow_network.layer_sizes")
def _layer_sizes():
    return Case({"X": _X(), "Y": _Y()}, examples=("X",), labels=("Y",))


@case("shallow_network.forward_propagation")
def _shallow_forward():
    return Case(
        {"X": _X(), "parameters": _deep_parameters()}, examples=("X",), dicts=("parameters",)
    )


@case("shallow_network.predict")
def _shallow_predict():
    return Case(
        {"parameters": _deep_parameters(), "X": _X()}, examples=("X",), dicts=("parameters",)
    )


@case("shallow_network.backward_propagation")
def _shallow_backward():
    p, cache = _shallow()
    return Case(
        {"parameters": p, "cache": cache, "X": _X(), "Y": _Y(), "activation": "relu"},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters", "cache"),
    )


@case("shallow_network.train_shallow_network")
def _train_shallow():
    return Case(
        {"X": _X(), "Y": _Y(), "n_h": 3, "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("shallow_network.nn_model")
def _nn_model():
    return Case(
        {"X": _X(), "Y": _Y(), "n_h": 3, "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("vectorization.dot_loop")
def _dot_loop():
    return Case({"w": np.ones((3, 1)), "x": np.arange(3.0)[:, None]}, arrays=("w", "x"))


allow(
    "a dot product of any numbers: NaN or inf in, the same out, as np.dot",
    ("nan", "inf"),
    "vectorization.dot_loop",
)


@case("vectorization.normalize_rows")
def _normalize_rows():
    return Case({"x": _X(3, 4)}, arrays=("x",))


allow(
    "reads only the shapes of X and Y, not their values", ("labels",), "shallow_network.layer_sizes"
)
allow(
    "a reshape: the values pass through untouched, NaN included",
    ("nan", "inf"),
    "logistic_regression.image2vector",
    "logistic_regression.flatten_images",
)

exempt(
    "takes only sizes, seeds or hyperparameters; no example array or dict to corrupt",
    "data_scale.load_digits_columns",
    "data_scale.default_models",
    "deep_network.initialize_parameters",
    "deep_network.initialize_parameters_deep",
    "deep_network.layer_shapes",
    "deep_network.format_layer_shapes",
    "deep_network.count_parameters",
    "deep_network.sawtooth_parameters",
    "logistic_regression.initialize_with_zeros",
    "shallow_network.initialize_parameters",
)
exempt(
    "trains scikit-learn models for seconds per call; its own tests cover bad input",
    "data_scale.accuracy_vs_data_size",
    "data_scale.activation_training_curves",
)
exempt(
    "times a learner's function; its input is whatever that function takes",
    "vectorization.time_call",
)


# --- Course 2 ------------------------------------------------------------------------------

D3 = (2, 4, 3, 1)  # the three-layer networks of regularisation and gradient checking


def _xy(n=2, m=5):
    return {"X": _X(n, m), "Y": _Y(m)}


@case("batch_norm.batchnorm_forward")
def _bn_forward():
    return Case(
        {
            "Z": _X(3, 5),
            "gamma": np.ones((3, 1)),
            "beta": np.zeros((3, 1)),
            "bn_param": {"mode": "train"},
        },
        examples=("Z",),
        numbers=("gamma", "beta"),
    )


@case("batch_norm.batchnorm_backward")
def _bn_backward():
    from course_lib.c2_improving_dnns.batch_norm import batchnorm_forward

    _, cache = batchnorm_forward(_X(3, 5), np.ones((3, 1)), np.zeros((3, 1)), {"mode": "train"})
    cache = {k: cache[k] for k in ("Z_norm", "inv_std", "gamma", "mode")}  # what it reads
    return Case(
        {"dZ_tilde": _X(3, 5, seed=1), "cache": cache}, examples=("dZ_tilde",), dicts=("cache",)
    )


def _bn_network():
    from course_lib.c2_improving_dnns.batch_norm import (
        initialize_bn_params,
        initialize_parameters_bn,
    )

    return initialize_parameters_bn([2, 3, 1]), initialize_bn_params([2, 3, 1])


@case("batch_norm.L_model_forward_bn")
def _bn_L_forward():
    p, bn = _bn_network()
    return Case(
        {"X": _X(), "parameters": p, "bn_params": bn}, examples=("X",), dicts=("parameters",)
    )


@case("batch_norm.L_model_backward_bn")
def _bn_L_backward():
    from course_lib.c2_improving_dnns.batch_norm import L_model_forward_bn

    p, bn = _bn_network()
    AL, caches, _ = L_model_forward_bn(_X(), p, bn)
    return Case({"AL": AL, "Y": _Y(), "caches": caches}, examples=("AL",), labels=("Y",))


@case("batch_norm.update_parameters_bn")
def _bn_update():
    p, _ = _bn_network()
    return Case(
        {"parameters": p, "grads": _grads_of(p), "learning_rate": 0.1},
        dicts=("parameters", "grads"),
    )


@case("batch_norm.random_batches", "mini_batches.random_mini_batches")
def _random_batches():
    return Case({**_xy(), "mini_batch_size": 2, "seed": 0}, examples=("X",), labels=("Y",))


allow(
    "splits any (n_y, m) targets into batches: label values are not read",
    ("labels",),
    "mini_batches.random_mini_batches",
)


@case("batch_norm.model")
def _bn_model():
    return Case(
        {**_xy(), "layers_dims": [2, 3, 1], "mini_batch_size": 4, "num_epochs": 2},
        examples=("X",),
        labels=("Y",),
    )


@case("batch_norm.predict_bn")
def _bn_predict():
    p, bn = _bn_network()
    return Case(
        {"X": _X(), "parameters": p, "bn_params": bn}, examples=("X",), dicts=("parameters",)
    )


@case("batch_norm.probe_unit")
def _bn_probe():
    p, _ = _bn_network()
    return Case(
        {"X_probe": _X(), "parameters": p, "layer": 1, "unit": 0},
        examples=("X_probe",),
        dicts=("parameters",),
    )


@case("batch_norm.batch_noise")
def _bn_noise():
    return Case(
        {"Z": _X(3, 8), "example": 0, "batch_sizes": [2, 4], "n_draws": 3},
        examples=("Z",),
        any_n=("Z",),
    )


@case("diagnosis.train_dev_test_split")
def _split():
    return Case({"X": _X(2, 10), "Y": _Y(10)}, examples=("X",), labels=("Y",))


allow(
    "splits any (n_y, m) targets: label values are not read",
    ("labels",),
    "diagnosis.train_dev_test_split",
)


@case("diagnosis.error_rate")
def _diag_error_rate():
    return Case({"predictions": _Y(), "Y": 1 - _Y()}, labels=("predictions", "Y"))


@case("diagnosis.split_sizes")
def _split_sizes():
    return Case({"m": 100}, counts=("m",))


@case("diagnosis.noisy_moons")
def _noisy_moons():
    return Case({"m": 10}, counts=("m",))


@case("ewma.exponentially_weighted_average")
def _ewma():
    return Case({"theta": np.arange(6.0), "beta": 0.9}, arrays=("theta",))


@case("ewma.ewma_weights")
def _ewma_weights():
    return Case({"beta": 0.9, "num": 4}, counts=("num",))


@case("ewma.daily_temperatures")
def _temperatures():
    return Case({"num_days": 10}, counts=("num_days",))


@case("gradient_checking.forward_propagation", "gradient_checking.backward_propagation")
def _one_d():
    return Case({"x": 2.0, "theta": 4.0}, arrays=("x", "theta"))


allow(
    "J = theta x and dJ/dtheta = x are elementwise: NaN in, NaN out",
    ("nan", "inf"),
    "gradient_checking.forward_propagation",
    "gradient_checking.backward_propagation",
)


@case("gradient_checking.gradient_check")
def _one_d_check():
    return Case({"x": 2.0, "theta": 4.0}, arrays=("x", "theta"))


def _gc_network():
    return _deep_parameters(D3)


allow(
    "the assignment's own test cases pass Y as a rank-1 (m,) array; it is read as (1, m)",
    ("rank-1",),
    "gradient_checking.forward_propagation_n",
    "gradient_checking.backward_propagation_n",
    "gradient_checking.backward_propagation_n_buggy",
    "gradient_checking.numerical_gradient_n",
    "gradient_checking.gradient_check_n",
    "gradient_checking.parameter_differences",
)


@case("gradient_checking.forward_propagation_n")
def _gc_forward():
    return Case(
        {"X": _X(), "Y": _Y(), "parameters": _gc_network()},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


def _gc_cache():
    from course_lib.c2_improving_dnns.gradient_checking import forward_propagation_n

    return forward_propagation_n(_X(), _Y(), _gc_network())[1]


@case("gradient_checking.backward_propagation_n", "gradient_checking.backward_propagation_n_buggy")
def _gc_backward():
    return Case({"X": _X(), "Y": _Y(), "cache": _gc_cache()}, examples=("X",), labels=("Y",))


@case("gradient_checking.vector_to_dictionary")
def _vector_to_dictionary():
    return Case({"theta": np.arange(13.0)[:, None], "layer_dims": (2, 3, 1)}, arrays=("theta",))


allow(
    "a reshape of theta into W1, b1, ...: the values pass through untouched",
    ("nan", "inf"),
    "gradient_checking.vector_to_dictionary",
)


@case("gradient_checking.gradients_to_vector")
def _gradients_to_vector():
    return Case({"gradients": _grads_of(_gc_network())}, dicts=("gradients",))


def _gc_gradients():
    from course_lib.c2_improving_dnns.gradient_checking import backward_propagation_n

    return backward_propagation_n(_X(), _Y(), _gc_cache())


@case("gradient_checking.numerical_gradient_n")
def _numerical_gradient_n():
    return Case(
        {"parameters": _gc_network(), "X": _X(), "Y": _Y()},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("gradient_checking.gradient_check_n", "gradient_checking.parameter_differences")
def _gradient_check_n():
    return Case(
        {"parameters": _gc_network(), "gradients": _gc_gradients(), "X": _X(), "Y": _Y()},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("initialization.predict", "regularization.predict", "softmax.predict")
def _x_then_parameters():
    return Case(
        {"X": _X(), "parameters": _deep_parameters()}, examples=("X",), dicts=("parameters",)
    )


@case("initialization.accuracy", "regularization.accuracy")
def _x_y_parameters():
    return Case(
        {**_xy(), "parameters": _deep_parameters()},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("initialization.model")
def _ini_model():
    return Case({**_xy(), "num_iterations": 2, "print_cost": False}, examples=("X",), labels=("Y",))


@case("initialization.hidden_units_identical")
def _identical():
    return Case({"parameters": _deep_parameters()}, dicts=("parameters",))


@case("initialization.deep_linear_forward")
def _deep_linear_forward():
    from course_lib.c2_improving_dnns.initialization import deep_linear_parameters

    return Case(
        {"X": _X(3, 5), "parameters": deep_linear_parameters(3, 4, 1.5)},
        examples=("X",),
        dicts=("parameters",),
    )


@case("initialization.deep_linear_backward")
def _deep_linear_backward():
    from course_lib.c2_improving_dnns.initialization import (
        deep_linear_forward,
        deep_linear_parameters,
    )

    _, caches = deep_linear_forward(_X(3, 5), deep_linear_parameters(3, 4, 1.5))
    return Case({"dAL": _X(3, 5, seed=1), "caches": caches}, examples=("dAL",))


@case("initialization.deep_linear_activations", "initialization.deep_linear_gradients")
def _deep_linear_runs():
    return Case(
        {"x": _X(3, 5), "num_layers": 3, "weight_scale": 1.5}, examples=("x",), any_n=("x",)
    )


allow(
    "a rank-1 x is documented as one example of length n",
    ("rank-1",),
    "initialization.deep_linear_activations",
    "initialization.deep_linear_gradients",
)


@case("input_normalization.normalize_inputs")
def _normalize_inputs():
    return Case({"X_train": _X(2, 6)}, examples=("X_train",), any_n=("X_train",))


@case("input_normalization.largest_stable_learning_rate")
def _stable_rate():
    return Case({"X": _X(2, 6)}, examples=("X",), any_n=("X",))


@case("input_normalization.apply_normalization")
def _apply_normalization():
    return Case(
        {"X": _X(2, 6), "mu": np.zeros((2, 1)), "sigma2": np.ones((2, 1))},
        examples=("X",),
        arrays=("mu", "sigma2"),
    )


def _regression():
    return {"X": _X(2, 6), "y": _X(1, 6, seed=4)}


@case("input_normalization.linear_cost", "input_normalization.linear_gradients")
def _linear_cost():
    return Case({"w": np.ones((2, 1)), **_regression()}, examples=("X", "y"), numbers=("w",))


@case("input_normalization.gradient_descent_path")
def _gd_path():
    return Case({**_regression(), "learning_rate": 0.01, "num_steps": 3}, examples=("X", "y"))


@case("input_normalization.steps_to_converge")
def _steps_to_converge():
    return Case({**_regression(), "max_steps": 50}, examples=("X", "y"))


@case("input_normalization.cost_grid")
def _cost_grid():
    return Case(
        {**_regression(), "w1_range": (-1, 1), "w2_range": (-1, 1), "resolution": 4},
        examples=("X", "y"),
    )


@case("input_normalization.make_scaled_regression")
def _scaled_regression():
    return Case({"m": 10}, counts=("m",))


@case("loss_surfaces.optimizer_path")
def _optimizer_path():
    return Case(
        {
            "loss": "elongated bowl",
            "start": np.array([1.0, 1.0]),
            "optimizer": "adam",
            "num_steps": 3,
            "learning_rate": 0.1,
        },
        arrays=("start",),
    )


@case("mini_batches.num_mini_batches")
def _num_mini_batches():
    return Case({"m": 10, "mini_batch_size": 4}, counts=("m",))


def _simple_params():
    return {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}


@case("optimizers.init_state")
def _init_state():
    return Case({"name": "adam", "params": _simple_params()}, dicts=())


def _update_case(**extra):
    from course_lib.c2_improving_dnns.optimizers import init_state

    p = _simple_params()
    return Case(
        {
            "params": p,
            "grads": _grads_of(p),
            "state": init_state("adam", p),
            "learning_rate": 0.1,
            **extra,
        },
        dicts=("grads",),
    )


@case(
    "optimizers.gd_update",
    "optimizers.momentum_update",
    "optimizers.rmsprop_update",
    "optimizers.adam_update",
)
def _pure_update():
    return _update_case()


@case("optimizers.run_updates")
def _run_updates():
    p = _simple_params()
    return Case(
        {
            "params": p,
            "grads_sequence": [_grads_of(p)] * 2,
            "optimizer": "adam",
            "learning_rate": 0.1,
        }
    )


@case(
    "optimizers.initialize_velocity", "optimizers.initialize_rmsprop", "optimizers.initialize_adam"
)
def _init_moments():
    return Case({"parameters": _deep_parameters()}, dicts=("parameters",))


@case("optimizers.update_parameters_with_momentum")
def _course_momentum():
    p = _deep_parameters()
    return Case(
        {
            "parameters": p,
            "grads": _grads_of(p),
            "v": _grads_of(p, 0.0),
            "beta": 0.9,
            "learning_rate": 0.1,
        },
        dicts=("parameters", "grads", "v"),
    )


@case("optimizers.update_parameters_with_rmsprop")
def _course_rmsprop():
    p = _deep_parameters()
    return Case(
        {
            "parameters": p,
            "grads": _grads_of(p),
            "s": _grads_of(p, 0.0),
            "beta2": 0.9,
            "learning_rate": 0.1,
        },
        dicts=("parameters", "grads", "s"),
    )


@case("optimizers.update_parameters_with_adam")
def _course_adam():
    p = _deep_parameters()
    return Case(
        {
            "parameters": p,
            "grads": _grads_of(p),
            "v": _grads_of(p, 0.0),
            "s": _grads_of(p, 0.0),
            "t": 1,
            "learning_rate": 0.1,
        },
        dicts=("parameters", "grads", "v", "s"),
    )


@case("optimizers.train_with_optimizer", "optimizers.model")
def _train_with_optimizer():
    return Case(
        {
            **_xy(),
            "layers_dims": [2, 3, 1],
            "optimizer": "adam",
            "num_epochs": 2,
            "mini_batch_size": 4,
            "print_cost": False,
        },
        examples=("X",),
        labels=("Y",),
    )


@case("optimizers.load_dataset")
def _opt_dataset():
    return Case({"n_samples": 10}, counts=("n_samples",))


@case("regularization.forward_propagation")
def _reg_forward():
    return Case({"X": _X(), "parameters": _gc_network()}, examples=("X",), dicts=("parameters",))


@case("regularization.forward_propagation_with_dropout")
def _reg_forward_dropout():
    return Case(
        {"X": _X(), "parameters": _gc_network(), "keep_prob": 0.8},
        examples=("X",),
        dicts=("parameters",),
    )


@case("regularization.backward_propagation")
def _reg_backward():
    return Case({**_xy(), "cache": _gc_cache()}, examples=("X",), labels=("Y",))


@case("regularization.backward_propagation_with_regularization")
def _reg_backward_l2():
    return Case({**_xy(), "cache": _gc_cache(), "lambd": 0.1}, examples=("X",), labels=("Y",))


@case("regularization.backward_propagation_with_dropout")
def _reg_backward_dropout():
    from course_lib.c2_improving_dnns.regularization import forward_propagation_with_dropout

    cache = forward_propagation_with_dropout(_X(), _gc_network(), keep_prob=0.8)[1]
    return Case({**_xy(), "cache": cache, "keep_prob": 0.8}, examples=("X",), labels=("Y",))


@case("regularization.compute_cost")
def _reg_cost():
    return Case({"A3": np.full((1, 5), 0.6), "Y": _Y()}, examples=("A3",), labels=("Y",))


@case("regularization.compute_cost_with_regularization")
def _reg_cost_l2():
    return Case(
        {"A3": np.full((1, 5), 0.6), "Y": _Y(), "parameters": _gc_network(), "lambd": 0.1},
        examples=("A3",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("regularization.compute_cost_with_l1")
def _reg_cost_l1():
    return Case(
        {"AL": np.full((1, 5), 0.6), "Y": _Y(), "parameters": _gc_network(), "lambd": 0.1},
        examples=("AL",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("regularization.l2_penalty", "regularization.l1_penalty")
def _penalty():
    return Case(
        {"parameters": _gc_network(), "lambd": 0.1, "m": 5}, dicts=("parameters",), counts=("m",)
    )


@case("regularization.model", "regularization.train_model")
def _reg_model():
    return Case({**_xy(), "num_iterations": 2, "print_cost": False}, examples=("X",), labels=("Y",))


@case("regularization.L_model_forward_with_dropout")
def _L_dropout():
    return Case(
        {
            "X": _X(),
            "parameters": _gc_network(),
            "keep_probs": 0.8,
            "rng": np.random.default_rng(0),
        },
        examples=("X",),
        dicts=("parameters",),
    )


@case("regularization.L_model_backward_with_regularization")
def _L_backward_reg():
    _, AL, caches = _deep_forward(D3)
    return Case(
        {"AL": AL, "Y": _Y(), "caches": caches, "lambd": 0.1}, examples=("AL",), labels=("Y",)
    )


@case("regularization.update_parameters_with_weight_decay")
def _weight_decay():
    p = _deep_parameters()
    return Case(
        {"parameters": p, "grads": _grads_of(p), "learning_rate": 0.1, "lambd": 0.1, "m": 5},
        dicts=("parameters", "grads"),
        counts=("m",),
    )


@case("regularization.train_regularized")
def _train_regularized():
    return Case(
        {**_xy(), "layers_dims": [2, 3, 1], "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("regularization.train_with_early_stopping")
def _early_stopping():
    return Case(
        {
            "X_train": _X(),
            "Y_train": _Y(),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "layers_dims": [2, 3, 1],
            "num_iterations": 4,
            "eval_every": 2,
        },
        examples=("X_train", "X_dev"),
        labels=("Y_train", "Y_dev"),
    )


def _images4():
    return np.random.default_rng(0).uniform(size=(3, 6, 6, 1))


@case("regularization.horizontal_flip")
def _flip():
    return Case({"images": _images4()}, images=("images",))


@case("regularization.random_crop")
def _crop():
    return Case(
        {"images": _images4(), "size": (4, 4), "rng": np.random.default_rng(0)}, images=("images",)
    )


@case("regularization.rotate_images")
def _rotate():
    return Case({"images": _images4(), "angles_degrees": 10.0}, images=("images",))


@case("regularization.augment_images")
def _augment():
    return Case({"images": _images4(), "rng": np.random.default_rng(0)}, images=("images",))


allow(
    "image transforms move and blend pixels: a NaN pixel stays NaN (rotation spreads it to"
    " its neighbours), visibly, and the network refuses it once it is in X",
    ("nan", "inf"),
    "regularization.horizontal_flip",
    "regularization.random_crop",
    "regularization.rotate_images",
    "regularization.augment_images",
)


@case("regularization.make_noisy_moons")
def _reg_moons():
    return Case({"m_train": 10, "m_dev": 10}, counts=("m_train", "m_dev"))


@case("softmax.softmax", "softmax.hardmax", "softmax.softmax_forward")
def _softmax():
    return Case({"Z": _X(3, 5)}, examples=("Z",), any_n=("Z",))


allow(
    "a rank-1 z is one example's C logits, as the lecture writes softmax(z)",
    ("rank-1",),
    "softmax.softmax",
    "softmax.hardmax",
    "softmax.softmax_forward",
)


def _onehot(C=3, m=5):
    return np.eye(C)[:, np.arange(m) % C]


@case("softmax.one_hot")
def _one_hot():
    return Case({"labels": np.array([0, 2, 1, 1]), "C": 3}, arrays=("labels",))


@case("softmax.convert_to_one_hot")
def _convert_to_one_hot():
    return Case({"Y": np.array([[0, 2, 1, 1]]), "C": 3}, arrays=("Y",))


@case("softmax.softmax_cost", "softmax.softmax_backward", "softmax.compute_cost")
def _softmax_cost():
    return Case({"AL": np.full((3, 5), 1 / 3), "Y": _onehot()}, examples=("AL", "Y"))


@case("softmax.softmax_cost_from_logits")
def _softmax_logits():
    return Case({"ZL": _X(3, 5), "Y": _onehot()}, examples=("ZL", "Y"))


@case("softmax.softmax_jacobian")
def _jacobian():
    return Case({"z": np.array([1.0, 2.0, 0.5])}, arrays=("z",))


@case("softmax.softmax_jacobian_backward")
def _jacobian_backward():
    from course_lib.c2_improving_dnns.softmax import softmax_forward

    A, cache = softmax_forward(_X(3, 5))
    return Case({"dA": _X(3, 5, seed=1), "cache": cache}, examples=("dA",))


@case("softmax.two_class_softmax", "softmax.sigmoid_via_softmax")
def _two_class():
    return Case({"z": _X(1, 5)}, arrays=("z",))


allow(
    "elementwise over any shape: NaN in, NaN out",
    ("nan", "inf"),
    "softmax.two_class_softmax",
    "softmax.sigmoid_via_softmax",
)


def _softmax_network():
    return _deep_parameters((2, 4, 3))


@case("softmax.forward_propagation")
def _softmax_forward_net():
    return Case(
        {"X": _X(), "parameters": _softmax_network()}, examples=("X",), dicts=("parameters",)
    )


@case("softmax.backward_propagation")
def _softmax_backward_net():
    from course_lib.c2_improving_dnns.softmax import forward_propagation

    AL, caches = forward_propagation(_X(), _softmax_network())
    return Case({"AL": AL, "Y": _onehot(), "caches": caches}, examples=("AL", "Y"))


@case("softmax.compute_gradients")
def _softmax_gradients():
    return Case(
        {"X": _X(), "Y": _onehot(), "parameters": _softmax_network()},
        examples=("X", "Y"),
        dicts=("parameters",),
    )


@case("softmax.model")
def _softmax_model():
    return Case(
        {"X": _X(), "Y": _onehot(), "layers_dims": [2, 4, 3], "num_epochs": 2}, examples=("X", "Y")
    )


@case("softmax.accuracy")
def _softmax_accuracy():
    return Case(
        {"predictions": np.array([[0, 1, 2, 1, 0]]), "labels": np.array([[0, 1, 1, 1, 2]])},
        examples=("predictions", "labels"),
    )


@case("softmax.make_multiclass_data")
def _multiclass_data():
    return Case({"m": 9}, counts=("m",))


@case("training.full_batch")
def _full_batch():
    return Case(_xy(), examples=("X",), labels=("Y",))


allow(
    "wraps (X, Y) into one batch for train_loop: Y may be any targets, NaN marking a missing"
    " multi-task label; the step that uses them judges the values",
    ("labels", "nan", "inf"),
    "training.full_batch",
)


@case("tuning.grid_search_points", "tuning.random_search_points")
def _search_points():
    return Case(
        {"n": 4, "ranges": {"alpha": (1e-4, 1.0, "log"), "beta": (0.9, 0.999)}}, counts=("n",)
    )


@case("tuning.distinct_values")
def _distinct():
    return Case({"points": {"alpha": np.array([0.1, 0.2, 0.2])}})


@case("tuning.averaging_window")
def _averaging_window():
    return Case({"beta": np.array([0.9, 0.99])}, arrays=("beta",))


@case("tuning.response_surface")
def _response_surface():
    return Case(
        {"log_alpha": np.array([-2.0, -1.0]), "hidden_units": np.array([10.0, 50.0])},
        arrays=("log_alpha", "hidden_units"),
    )


@case("tuning.momentum_objective")
def _momentum_objective():
    return Case(
        {
            "X_train": _X(),
            "Y_train": _Y(),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "layers_dims": [2, 3, 1],
            "num_epochs": 2,
        },
        examples=("X_train", "X_dev"),
        labels=("Y_train", "Y_dev"),
    )


exempt(
    "takes only sizes, seeds, hyperparameters or names; no example array or dict to corrupt",
    "batch_norm.initialize_parameters_bn",
    "batch_norm.initialize_bn_params",
    "diagnosis.bias_and_variance",
    "diagnosis.diagnose",
    "diagnosis.basic_recipe",
    "diagnosis.moons_bayes_error",
    "ewma.effective_window",
    "gradient_checking.report",
    "initialization.initialize_parameters",
    "initialization.initialize_parameters_zeros",
    "initialization.initialize_parameters_random",
    "initialization.initialize_parameters_xavier",
    "initialization.initialize_parameters_glorot",
    "initialization.initialize_parameters_he",
    "initialization.weight_std",
    "initialization.load_circles",
    "initialization.deep_linear_parameters",
    "lr_decay.update_lr",
    "lr_decay.schedule_lr_decay",
    "lr_decay.exponential_decay",
    "lr_decay.sqrt_decay",
    "lr_decay.staircase_decay",
    "optimizers.initialize_parameters",
    "regularization.initialize_parameters",
    "softmax.loss_for_task",
    "softmax.initialize_parameters",
    "tuning.priority_table",
    "tuning.sample_log_uniform",
    "tuning.sample_beta",
)
exempt(
    "draws a figure on a matplotlib Axes; nothing is computed from learner input",
    "diagnosis.plot_basic_recipe",
)
exempt(
    "takes the learner's own function and calls it; its input is whatever that function accepts",
    "gradient_checking.one_sided_difference",
    "gradient_checking.two_sided_difference",
    "gradient_checking.difference_errors",
    "training.train_loop",
    "tuning.coarse_to_fine",
)


# --- Course 3 ------------------------------------------------------------------------------


def _probas(m=5):
    return np.linspace(0.1, 0.9, m)[None, :]


@case("dev_test.error_grid")
def _error_grid():
    return Case(
        {
            "probas": np.vstack([_probas(), _probas()[:, ::-1]]),
            "Y": _Y(),
            "thresholds": np.array([0.3, 0.5]),
        },
        examples=("probas",),
        labels=("Y",),
        arrays=("thresholds",),
    )


@case("dev_test.selection_outcome")
def _selection_outcome():
    return Case(
        {
            "dev_errors": np.array([[0.1, 0.2], [0.3, 0.1]]),
            "test_errors": np.array([[0.2, 0.2], [0.3, 0.2]]),
        },
        arrays=("dev_errors", "test_errors"),
    )


@case("dev_test.measured_ranking_rate")
def _ranking_rate():
    return Case(
        {"correct_a": _Y(), "correct_b": 1 - _Y(), "m_dev": 3, "trials": 5},
        labels=("correct_a", "correct_b"),
        counts=("m_dev",),
    )


@case("dev_test.flag_weights")
def _flag_weights():
    return Case({"flagged": _Y(), "w": 2.0}, labels=("flagged",))


@case("dev_test.train_weighted_classifier")
def _weighted_classifier():
    return Case(
        {**_xy(), "weights": np.ones((1, 5)), "hidden_layers": (3,), "num_iterations": 2},
        examples=("X", "weights"),
        labels=("Y",),
    )


@case("dev_test.weighted_ranking")
def _weighted_ranking():
    return Case(
        {"predictions": {"A": _Y(), "B": 1 - _Y()}, "Y": _Y(), "flagged": 1 - _Y(), "w": 2.0},
        labels=("Y", "flagged"),
    )


@case("dev_test.crossover_weight")
def _crossover_weight():
    return Case(
        {"Y_hat_a": _Y(), "Y_hat_b": 1 - _Y(), "Y": _Y(), "flagged": 1 - _Y()},
        labels=("Y_hat_a", "Y_hat_b", "Y", "flagged"),
    )


@case("dev_test.error_standard_error")
def _error_se():
    return Case({"error": 0.1, "m_dev": 100}, counts=("m_dev",))


@case("dev_test.difference_standard_error", "dev_test.probability_correct_ranking")
def _difference_se():
    return Case({"error_a": 0.1, "error_b": 0.12, "m_dev": 100}, counts=("m_dev",))


@case("dev_test.dev_size_report")
def _dev_size_report():
    return Case(
        {"m_dev": 100, "error": 0.1, "difference": 0.02, "disagreement": 0.05}, counts=("m_dev",)
    )


@case("dev_test.regional_data")
def _regional_data():
    return Case({"m_per_region": 5}, counts=("m_per_region",))


@case("dev_test.flagged_data")
def _flagged_data():
    return Case({"m": 20}, counts=("m",))


def _scans(m=6):
    from course_lib.c3_structuring_ml.end_to_end import xray_scans

    X, Y = xray_scans(m, seed=0)[:2]
    return X, Y


@case("end_to_end.measure_bones")
def _measure_bones():
    return Case({"X": _scans()[0]}, examples=("X",), any_n=("X",))


@case("end_to_end.fit_pipeline", "end_to_end.fit_end_to_end")
def _fit_pipeline():
    X, Y = _scans()
    return Case({"X": X, "Y": Y, "num_iterations": 2}, examples=("X",), labels=("Y",))


@case("end_to_end.pipeline_predict")
def _pipeline_predict():
    from course_lib.c3_structuring_ml.end_to_end import fit_pipeline

    X, Y = _scans()
    return Case(
        {"X": X, "pipeline": fit_pipeline(X, Y, num_iterations=2)},
        examples=("X",),
        dicts=("pipeline",),
    )


@case("end_to_end.xray_scans")
def _xray():
    return Case({"m": 4, "seed": 0}, counts=("m",))


@case("human_level.labeller_labels")
def _labeller_labels():
    return Case({"X": _X(2, 6), "perception_noise": 0.1}, examples=("X",))


@case("human_level.labeller_error")
def _labeller_error():
    return Case(
        {"X": _X(2, 6), "Y": _Y(6), "perception_noise": 0.1, "repeats": 2},
        examples=("X",),
        labels=("Y",),
    )


@case("human_level.ladder_errors")
def _ladder_errors():
    return Case({"X": _X(2, 6), "Y": _Y(6)}, examples=("X",), labels=("Y",))


@case("human_level.train_and_measure")
def _train_and_measure():
    return Case(
        {
            "X_train": _X(),
            "Y_train": _Y(),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "hidden_layers": (3,),
            "num_iterations": 2,
        },
        examples=("X_train", "X_dev"),
        labels=("Y_train", "Y_dev"),
    )


@case("human_level.learning_curve")
def _learning_curve():
    return Case(
        {
            "X_pool": _X(2, 8),
            "Y_pool": _Y(8),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "sizes": [4, 8],
            "hidden_layers": (3,),
            "num_iterations": 2,
        },
        examples=("X_pool", "X_dev"),
        labels=("Y_pool", "Y_dev"),
    )


@case("label_noise.sine_rule")
def _sine_rule():
    return Case({"X": _X(2, 6)}, examples=("X",))


@case("label_noise.flip_bernoulli")
def _flips():
    return Case({"Y": _Y(8), "flip_prob": 0.25}, labels=("Y",))


@case("label_noise.flip_random")
def _flip_random():
    return Case({"Y": _Y(8), "rate": 0.25}, labels=("Y",))


@case("label_noise.flip_systematic")
def _flip_systematic():
    return Case(
        {"Y": _Y(8), "rate": 0.25, "scores": np.arange(8.0)[None, :]},
        labels=("Y",),
        examples=("scores",),
    )


allow(
    "-inf in scores means 'never flip this example' (documented); +inf and NaN are refused",
    ("inf",),
    "label_noise.flip_systematic",
)


@case("label_noise.noisy_sine_data")
def _noisy_sine():
    return Case({"m": 6}, counts=("m",))


@case("metrics.market_data")
def _market_data():
    return Case({"m": 10}, counts=("m",))


@case("metrics.train_with_history")
def _train_with_history():
    return Case(
        {
            **_xy(),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "hidden_layers": (3,),
            "num_iterations": 2,
            "record_every": 1,
        },
        examples=("X", "X_dev"),
        labels=("Y", "Y_dev"),
    )


@case("metrics.confusion_counts", "metrics.precision_recall_f1")
def _confusion():
    return Case({"Y_hat": _Y(), "Y": 1 - _Y()}, labels=("Y_hat", "Y"))


@case("metrics.threshold_metrics")
def _threshold_metrics():
    return Case(
        {"proba": _probas(), "Y": _Y(), "threshold": 0.5}, examples=("proba",), labels=("Y",)
    )


@case("metrics.precision_recall_curve")
def _pr_curve():
    return Case({"proba": _probas(), "Y": _Y()}, examples=("proba",), labels=("Y",))


@case("metrics.per_group_errors", "metrics.group_average_error")
def _group_errors():
    return Case(
        {"Y_hat": _Y(), "Y": 1 - _Y(), "groups": np.array([[0, 1, 0, 1, 1]])},
        labels=("Y_hat", "Y"),
        examples=("groups",),
    )


@case("metrics.train_zoo")
def _train_zoo():
    return Case(
        {**_xy(), "architectures": [(), (3,)], "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("metrics.measured_prediction_ms")
def _measured_ms():
    return Case(
        {"X": _X(), "parameters": _deep_parameters(), "repeats": 1},
        examples=("X",),
        dicts=("parameters",),
    )


@case("metrics.weighted_error")
def _weighted_error():
    return Case(
        {"Y_hat": _Y(), "Y": 1 - _Y(), "weights": np.ones((1, 5))},
        labels=("Y_hat", "Y"),
        examples=("weights",),
    )


@case("metrics.early_stopping_point")
def _early_stopping_point():
    history = {
        "iteration": np.array([0, 1, 2]),
        "train_error": np.array([0.5, 0.3, 0.2]),
        "dev_error": np.array([0.5, 0.35, 0.4]),
    }
    return Case({"history": history}, dicts=("history",))


@case("mismatch.synthesise")
def _synthesise():
    return Case(
        {"X_clean": _X(4, 5), "noise_pool": _X(4, 3, seed=2)},
        examples=("X_clean",),
        arrays=("noise_pool",),
    )


@case("mismatch.rumble_filter", "mismatch.power_spectrum", "mismatch.rumble_energy")
def _rumble():
    from course_lib.c3_structuring_ml import mismatch as mm

    return Case({"X": _X(mm.N_X, 3)}, examples=("X",))


@case("mismatch.composition")
def _composition():
    return Case({"source": np.array([[0, 1, 1, 0]])}, examples=("source",))


@case("mismatch.draw_clips")
def _draw_clips():
    return Case({"source": np.array([[0, 1, 1, 0]])}, examples=("source",))


@case("mismatch.train_network")
def _mm_train():
    from course_lib.c3_structuring_ml import mismatch as mm

    return Case(
        {"X": _X(mm.N_X, 5), "Y": _Y(), "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("mismatch.car_noise", "mismatch.voice_clips")
def _car_noise():
    return Case({"m": 3}, counts=("m",))


@case("models.train_classifier")
def _train_classifier():
    return Case(
        {**_xy(), "hidden_layers": (3,), "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("models.predict")
def _models_predict():
    return Case(
        {"X": _X(), "parameters": _deep_parameters()}, examples=("X",), dicts=("parameters",)
    )


@case("models.error_rate", "multitask.task_error_rates")
def _models_error_rate():
    return Case(
        {**_xy(), "parameters": _deep_parameters()},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


def _multi_labels(m=5):
    Y = _Y(m, k=2).astype(np.float64)
    Y[0, 1] = np.nan  # a missing label
    return Y


@case("multitask.hide_labels")
def _hide_labels():
    return Case({"Y": _Y(5, k=2), "fraction": 0.2}, labels=("Y",), any_n=("Y",))


allow("a label already missing (NaN) may be hidden again", ("nan",), "multitask.hide_labels")


NAN_RESULTS["multitask.hide_labels"] = "returns Y with NaN for each hidden label, by design"


@case("multitask.label_mask")
def _label_mask():
    return Case({"Y": _multi_labels()}, examples=("Y",), any_n=("Y",))


def _multitask_outputs():
    return np.full((2, 5), 0.6)


@case("multitask.multitask_loss", "multitask.multitask_cost", "multitask.multitask_backward")
def _multitask_cost():
    return Case({"AL": _multitask_outputs(), "Y": _multi_labels()}, examples=("AL", "Y"))


@case("multitask.multitask_cost_from_logits")
def _multitask_logits():
    return Case({"ZL": _X(2, 5), "Y": _multi_labels()}, examples=("ZL", "Y"))


@case("multitask.multitask_model_backward")
def _multitask_model_backward():
    _, AL, caches = _deep_forward((2, 3, 2))
    return Case({"AL": AL, "Y": _multi_labels(), "caches": caches}, examples=("AL", "Y"))


allow(
    "NaN in Y marks a missing label ('?'), the point of the masked multi-task loss",
    ("nan",),
    "multitask.label_mask",
    "multitask.multitask_loss",
    "multitask.multitask_cost",
    "multitask.multitask_backward",
    "multitask.multitask_cost_from_logits",
    "multitask.multitask_model_backward",
    "multitask.train_multitask",
    "multitask.train_separate",
)


@case("multitask.train_multitask", "multitask.train_separate")
def _train_multitask():
    return Case(
        {"X": _X(), "Y": _multi_labels(), "hidden_layers": (3,), "num_iterations": 2},
        examples=("X", "Y"),
    )


@case("multitask.predict_labels")
def _predict_labels():
    return Case(
        {"X": _X(), "parameters": _deep_parameters((2, 3, 2))},
        examples=("X",),
        dicts=("parameters",),
    )


@case("multitask.driving_scenes")
def _driving():
    return Case({"m": 4, "seed": 0}, counts=("m",))


@case("transfer.related_tasks")
def _related():
    return Case({"m": 4, "task": "B", "seed": 0}, counts=("m",))


@case("transfer.replace_output_layer")
def _replace_head():
    return Case({"parameters": _deep_parameters((2, 3, 2))}, dicts=("parameters",))


@case("transfer.fine_tune")
def _fine_tune():
    return Case(
        {**_xy(), "parameters": _deep_parameters(), "frozen_layers": 1, "num_iterations": 2},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("transfer.train_from_scratch")
def _from_scratch():
    return Case(
        {**_xy(), "hidden_layers": (3,), "num_iterations": 2}, examples=("X",), labels=("Y",)
    )


@case("transfer.pretrain")
def _pretrain():
    return Case(
        {
            "X_A": _X(),
            "Y_A": _onehot(),
            "hidden_layers": (3,),
            "num_epochs": 1,
            "mini_batch_size": 4,
        },
        examples=("X_A", "Y_A"),
    )


@case("transfer.transfer_run")
def _transfer_run():
    return Case(
        {
            "pretrained": _deep_parameters((2, 3, 3)),
            "X_B": _X(),
            "Y_B": _Y(),
            "X_dev": _X(seed=5),
            "Y_dev": _Y(),
            "start": "pre-trained",
            "frozen_layers": 1,
            "num_iterations": 2,
        },
        examples=("X_B", "X_dev"),
        labels=("Y_B", "Y_dev"),
        dicts=("pretrained",),
    )


exempt(
    "takes only sizes, seeds, error rates or names; no example array or dict to corrupt",
    "dev_test.dev_size_needed",
    "human_level.avoidable_bias_and_variance",
    "human_level.bayes_proxy",
    "human_level.reference_table",
    "human_level.improvement_recipe",
    "label_noise.bayes_error_of_flips",
    "metrics.f1_score",
    "metrics.multiply_adds",
    "metrics.prediction_time_ms",
    "metrics.select_model",
    "mismatch.word_templates",
    "mismatch.car_noise_basis",
    "mismatch.human_level_error",
    "mismatch.split_composition",
    "mismatch.split_sources",
    "mismatch.error_gaps",
    "mismatch.diagnose_gaps",
    "mismatch.two_distribution_table",
    "synthesis.snr_db",
    "transfer.he_parameters",
)
exempt(
    "draws a figure on a matplotlib Axes from results computed (and checked) elsewhere",
    "dev_test.plot_error_grids",
    "dev_test.plot_flagged_models",
    "human_level.plot_progress",
    "human_level.plot_decision_flow",
    "metrics.plot_orthogonalization",
    "metrics.plot_early_stopping",
    "mismatch.plot_error_levels",
    "synthesis.plot_pool_curve",
)
exempt(
    "a whole experiment taking only sizes and seeds; it trains many networks (seconds per"
    " call) through functions fuzzed here, and its unit tests cover its size checks",
    "end_to_end.crossover_study",
    "multitask.joint_vs_separate",
    "transfer.transfer_study",
    "mismatch.mismatch_experiment",
    "synthesis.pool_experiment",
    "synthesis.pool_size_curve",
    "mismatch.make_sets",
)


allow(
    "counting sources is order-free and documented for (m,) or (1, m); an empty set counts"
    " zero of each",
    ("transposed", "rank-1", "m=0"),
    "mismatch.composition",
)
allow(
    "documented for a (m,) or (1, m) source; a (m, 1) one holds the same m flags",
    ("transposed", "rank-1"),
    "mismatch.draw_clips",
)
allow(
    "zero clips is a valid request: draw_clips asks for none of a source a set lacks",
    ("count=0",),
    "mismatch.car_noise",
    "mismatch.voice_clips",
)
allow(
    "NaN in Y marks a missing label; the error rate of a task counts its existing labels",
    ("nan",),
    "multitask.task_error_rates",
)
allow(
    "the penalty reads only the weights W[l]; a missing bias does not change it (a missing"
    " W1 is refused)",
    ("missing key",),
    "regularization.l2_penalty",
    "regularization.l1_penalty",
    "regularization.compute_cost_with_regularization",
    "regularization.compute_cost_with_l1",
)


def _tagged_set(m=6):
    from course_lib.c3_structuring_ml import error_analysis as ea

    rng = np.random.default_rng(0)
    digits = np.array([3, 5, 3, 8, 3, 9])[:m]
    tags = {
        c: rng.uniform(size=m) < 0.5 for c in (ea.LOOK_ALIKE, ea.REVERSED, ea.BLURRY, ea.INVERTED)
    }
    Y_true = (digits == 3).astype(np.int64)[None, :]
    Y = Y_true.copy()
    Y[0, 1] = 1  # one wrong label
    return ea.TaggedSet(
        X=rng.uniform(size=(64, m)),
        Y=Y,
        Y_true=Y_true,
        digits=digits,
        tags=tags,
        source=np.arange(m),
    )


@case("error_analysis.apply_category")
def _apply_category():
    return Case(
        {"images": np.random.default_rng(0).uniform(size=(2, 8, 8)), "category": "blurry"},
        arrays=("images",),
    )


@case("error_analysis.misclassified")
def _misclassified():
    return Case({"predictions": _Y(), "Y": 1 - _Y()}, labels=("predictions", "Y"))


@case("error_analysis.sample_errors")
def _sample_errors():
    return Case({"error_indices": np.array([4, 1, 7]), "n": 2}, arrays=("error_indices",))


@case("error_analysis.tally", "error_analysis.tally_table", "error_analysis.correct_labels")
def _tally():
    return Case({"data": _tagged_set(), "indices": np.array([0, 2, 5])}, arrays=("indices",))


@case("error_analysis.short_tags")
def _short_tags():
    return Case({"data": _tagged_set(), "k": 2}, arrays=("k",))


@case("error_analysis.error_ceiling")
def _error_ceiling():
    return Case({"dev_error": 0.1, "n_in_category": 2, "n_examined": 10}, counts=("n_examined",))


@case("error_analysis.ceiling_table")
def _ceiling_table():
    return Case(
        {"dev_error": 0.1, "counts": {"blurry": 2}, "n_examined": 10}, counts=("n_examined",)
    )


@case("error_analysis.label_error_breakdown")
def _label_breakdown():
    return Case({"dev_error": 0.1, "n_mislabelled": 2, "n_examined": 10}, counts=("n_examined",))


@case("error_analysis.train_model")
def _ea_train():
    return Case({"train": _tagged_set(), "hidden_layers": (3,), "num_iterations": 2})


exempt(
    "builds the lesson's digit sets from scikit-learn's bundled images; takes only seeds,"
    " rates and copies",
    "error_analysis.make_tagged_digits",
)
exempt(
    "takes a TaggedSet, whose arrays are made by make_tagged_digits; the functions that read"
    " them (train_model, tally, misclassified, flip_systematic) are fuzzed here",
    "error_analysis.add_category_copies",
    "error_analysis.systematic_scores",
    "error_analysis.noisy_training_labels",
    "error_analysis.label_noise_experiment",
)


def _part(m=6):
    from course_lib.c3_structuring_ml import mismatch as mm

    return mm.Part(_X(mm.N_X, m), _Y(m), (np.arange(m) % 2)[None, :])


def _mm_network():
    from course_lib.c3_structuring_ml import mismatch as mm

    return _deep_parameters((mm.N_X, 3, 1))


@case("mismatch.measure_errors", "mismatch.two_distribution_errors")
def _measure_errors():
    sets = {"train": _part(), "train-dev": _part(), "dev": _part(), "test": _part()}
    return Case({"parameters": _mm_network(), "sets": sets}, dicts=("parameters",))


@case("mismatch.error_analysis")
def _mm_error_analysis():
    return Case(
        {"parameters": _mm_network(), "sets": {"train": _part(), "dev": _part()}, "threshold": 1.0},
        dicts=("parameters",),
    )


@case("mismatch.dev_overfitting")
def _dev_overfitting():
    return Case(
        {"parameters": _mm_network(), "dev": _part(), "test": _part(), "m_small": 3, "repeats": 2},
        dicts=("parameters",),
        counts=("m_small",),
    )


@case("mismatch.human_level_of")
def _human_level_of():
    return Case({"part": _part()})


@case("gradient_check.numerical_gradient")
def _numerical_gradient():
    return Case({"f": lambda x: float(np.sum(x**2)), "x": _X(2, 2)}, arrays=("x",))


@case("gradient_check.relative_difference")
def _relative_difference():
    return Case({"approx": _X(2, 2), "exact": _X(2, 2, seed=1)}, arrays=("approx", "exact"))


@case("gradient_check.gradient_check")
def _gc_generic():
    p = {"W1": _X(2, 2)}
    return Case(
        {
            "cost_fn": lambda q: float(np.sum(q["W1"] ** 2)),
            "params": p,
            "grads": {"dW1": 2 * p["W1"]},
        },
        dicts=("grads",),
    )


@case("gradient_check.check_backward")
def _check_backward():
    from course_lib.c1_neural_networks.deep_network import linear_backward, linear_forward

    p = _deep_parameters()

    def backward(dout, cache):
        dA, dW, db = linear_backward(dout, cache)
        return {"dA": dA, "dW": dW, "db": db}

    return Case(
        {
            "forward": linear_forward,
            "backward": backward,
            "inputs": {"A": _X(), "W": p["W1"], "b": p["b1"]},
            "wrt": ["W", "b"],
            "scale": 1 / 5,
        },
        dicts=("inputs",),
    )


@case("data.load_planar_dataset")
def _planar():
    return Case({"m": 6}, counts=("m",))


exempt(
    "load files or bundled images and take no learner array; hostile course h5 files are"
    " tested in tests/unit/test_data_hostile_h5.py",
    "data.load_cat_vs_noncat",
    "data.load_course_h5",
    "data.load_faces",
    "data.load_image_classification",
)

# --- Course 4 ------------------------------------------------------------------------------


def _vol(m=2, n_H=4, n_W=4, n_C=2, seed=0):
    """A small (m, n_H, n_W, n_C) volume of random numbers."""
    return np.random.default_rng(seed).standard_normal((m, n_H, n_W, n_C))


def _filters(f=3, n_C_prev=2, n_C=3, seed=1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((f, f, n_C_prev, n_C)) * 0.3, rng.standard_normal((1, 1, 1, n_C))


def _conv_case():
    W, b = _filters()
    return {"A_prev": _vol(), "W": W, "b": b, "hparameters": {"stride": 1, "pad": 1}}


@case("convolution.zero_pad")
def _zero_pad():
    return Case({"X": _vol(), "pad": 1}, images=("X",))


@case("convolution.conv_single_step")
def _conv_single_step():
    W, b = _filters(n_C=1)
    return Case(
        {"a_slice_prev": _vol(1, 3, 3, 2)[0], "W": W[..., 0], "b": b[0]},
        arrays=("a_slice_prev",),
        numbers=("W", "b"),
    )


allow(
    "one window of the forward pass, a sum of products: NaN in, NaN out, as np.sum; the"
    " layers that call it (conv_forward, depthwise_conv_forward) refuse NaN in A_prev",
    ("nan", "inf"),
    "convolution.conv_single_step",
)


@case("convolution.conv_output_size")
def _conv_output_size():
    return Case({"n": 5, "f": 3, "pad": 1, "stride": 1}, counts=("n", "f", "stride"))


@case("convolution.pool_output_size")
def _pool_output_size():
    return Case({"n": 6, "f": 2, "stride": 2}, counts=("n", "f", "stride"))


@case("convolution.conv_multiplies")
def _conv_multiplies():
    args = {"n_H_prev": 6, "n_W_prev": 6, "n_C_prev": 3, "f": 3, "n_C": 4, "pad": 1, "stride": 1}
    return Case(args, counts=("n_H_prev", "n_W_prev", "n_C_prev", "f", "n_C", "stride"))


@builds(
    "convolution.conv_forward",
    "convolution.conv_forward_vectorized",
    "architectures.depthwise_conv_forward",
    "architectures.depthwise_conv_forward_vectorized",
)
def _conv_forward(name):
    args = _conv_case()
    if name.startswith("depthwise"):
        args["W"], args["b"] = _filters(n_C_prev=2, n_C=1)[0], _filters(n_C=2)[1]
    return Case(args, images=("A_prev",), numbers=("W", "b"), dicts=("hparameters",))


@builds(
    "convolution.conv_backward",
    "convolution.conv_backward_vectorized",
    "architectures.depthwise_conv_backward",
    "architectures.pointwise_conv_backward",
)
def _conv_backward(name):
    from course_lib.c4_convnets import architectures as ar
    from course_lib.c4_convnets import convolution as cv

    args = _conv_case()
    if name.startswith("depthwise"):
        W, b = _filters(n_C_prev=2, n_C=1)[0], _filters(n_C=2)[1]
        Z, cache = ar.depthwise_conv_forward_vectorized(args["A_prev"], W, b, args["hparameters"])
    elif name.startswith("pointwise"):
        W, b = _filters(f=1)
        Z, cache = ar.pointwise_conv_forward(args["A_prev"], W, b)
    else:
        Z, cache = cv.conv_forward_vectorized(**args)
    return Case({"dZ": np.ones_like(Z) * 0.1, "cache": cache}, images=("dZ",))


@builds("convolution.pool_forward", "convolution.pool_forward_vectorized")
def _pool_forward(name):
    return Case(
        {"A_prev": _vol(), "hparameters": {"f": 2, "stride": 2}, "mode": "max"},
        images=("A_prev",),
        dicts=("hparameters",),
    )


@builds("convolution.pool_backward", "convolution.pool_backward_vectorized")
def _pool_backward(name):
    from course_lib.c4_convnets.convolution import pool_forward_vectorized

    A, cache = pool_forward_vectorized(_vol(), {"f": 2, "stride": 2}, mode="max")
    return Case({"dA": np.ones_like(A), "cache": cache, "mode": "max"}, images=("dA",))


@case("convolution.create_mask_from_window")
def _mask_from_window():
    return Case({"x": _X(3, 3)}, arrays=("x",))


@case("convolution.distribute_value")
def _distribute_value():
    return Case({"dz": 2.0, "shape": (2, 2)}, arrays=("dz",))


allow(
    "shares one gradient over a pooling window (dz / (n_H n_W)): NaN in, NaN out; the layer"
    " that calls it (pool_backward) refuses NaN in dA",
    ("nan", "inf"),
    "convolution.distribute_value",
)


def _image(n=6, seed=0):
    return np.random.default_rng(seed).uniform(size=(n, n))


@case("edges.photo_patches")
def _photo_patches():
    return Case({"names": ["camera"], "size": 8, "per_photo": 2}, counts=("size", "per_photo"))


@case("edges.step_image")
def _step_image():
    return Case({"n": 6}, counts=("n",))


@case("edges.conv2d", "edges.convolve2d_true")
def _conv2d():
    return Case(
        {"image": _image(), "kernel": _X(3, 3), "stride": 1, "pad": 1},
        arrays=("image", "kernel"),
        counts=("stride",),
    )


@case("edges.flip_kernel")
def _flip_kernel():
    return Case({"kernel": _X(3, 3)}, arrays=("kernel",))


@case("edges.shift_image")
def _shift_image():
    return Case({"image": _image(), "dy": 1, "dx": -2}, arrays=("image",))


allow(
    "a flip or a shift moves the numbers without arithmetic: NaN stays NaN where it lands,"
    " visibly, and conv2d refuses it",
    ("nan", "inf"),
    "edges.flip_kernel",
    "edges.shift_image",
)


@case("edges.associativity_gap")
def _associativity_gap():
    return Case({"A": _image(4), "B": _X(2, 2), "C": _X(2, 2, seed=1)}, arrays=("A", "B", "C"))


@case("edges.fc_weight_count")
def _fc_weight_count():
    return Case(
        {"n_H": 4, "n_W": 4, "n_C": 3, "n_units": 5}, counts=("n_H", "n_W", "n_C", "n_units")
    )


@case("edges.same_padding")
def _edges_same_padding():
    return Case({"f": 3}, counts=("f",))


@case("edges.output_size_report", "edges.pixel_use_counts")
def _output_size_report():
    return Case({"n": 6, "f": 3, "pad": 1, "stride": 2}, counts=("n", "f", "stride"))


def _grey_images(m=2, n=6, seed=0):
    return np.random.default_rng(seed).uniform(size=(m, n, n))


@case("edges.standardize_images")
def _standardize_images():
    return Case({"images": _grey_images()}, images=("images",))


@case("edges.edge_kernel_cost")
def _edge_kernel_cost():
    return Case(
        {"kernel": _X(3, 3), "images": _grey_images(), "targets": _grey_images(n=4, seed=1)},
        images=("images", "targets"),
        arrays=("kernel",),
    )


@case("edges.learn_edge_kernel")
def _learn_edge_kernel():
    from course_lib.c4_convnets.edges import KERNELS

    return Case(
        {
            "images": _grey_images(),
            "target_kernel": np.array(KERNELS["vertical"]),
            "num_iterations": 2,
        },
        images=("images",),
        arrays=("target_kernel",),
    )


exempt(
    "takes only a photo name from edges.PHOTOS and a size; the photos ship with scikit-image",
    "edges.load_photo",
)


def _conv_spec():
    # The keys resolve_pad reads first and last, so a missing one is the one it needs.
    return {"f": 3, "type": "conv", "n_C": 2, "stride": 1, "pad": "same"}


@case("layers.whole_number")
def _whole_number():
    return Case({"name": "f", "value": 3, "minimum": 1}, counts=("value",))


@case("layers.conv")
def _layers_conv():
    return Case({"f": 3, "n_C": 4, "s": 1, "p": 1}, counts=("f", "n_C", "s"))


@case("layers.pool")
def _layers_pool():
    return Case({"f": 2, "s": 2, "mode": "max"}, counts=("f", "s"))


@case("layers.fc")
def _layers_fc():
    return Case({"n": 10}, counts=("n",))


@case("layers.resolve_pad")
def _resolve_pad():
    return Case({"layer": _conv_spec()}, dicts=("layer",))


@case("layers.conv_layer_parameters")
def _conv_layer_parameters():
    return Case({"f": 3, "n_C_prev": 3, "n_C": 10}, counts=("f", "n_C_prev", "n_C"))


@case("layers.dense_layer_parameters")
def _dense_layer_parameters():
    return Case({"n_in": 10, "n_out": 4}, counts=("n_in", "n_out"))


@case("layers.conv_vs_dense")
def _conv_vs_dense():
    return Case(
        {"input_shape": (8, 8, 3), "f": 3, "n_C": 4, "pad": 0, "stride": 1},
        counts=("f", "n_C", "stride"),
    )


@case("layers.layer_output_shape", "layers.layer_parameters")
def _layer_output_shape():
    return Case({"layer": _conv_spec(), "shape_prev": (8, 8, 3)}, dicts=("layer",))


def _small_network():
    from course_lib.c4_convnets import layers as ly

    return [ly.conv(3, 4), ly.pool(2), ly.flatten(), ly.fc(3)]


@case("layers.layer_names")
def _layer_names():
    return Case({"layers": _small_network()})


@case("layers.network_summary", "layers.count_parameters", "layers.summary_table")
def _network_summary():
    return Case({"layers": _small_network(), "input_shape": (8, 8, 3)})


@case("layers.total_activations")
def _total_activations():
    from course_lib.c4_convnets.layers import network_summary

    return Case({"rows": network_summary(_small_network(), (8, 8, 3))})


exempt("takes no argument; returns the fixed spec {'type': 'flatten'}", "layers.flatten")


@case("classic_networks.local_response_normalization")
def _lrn_forward():
    return Case({"A": _vol(n_C=5)}, images=("A",))


@case("classic_networks.lrn_arguments")
def _lrn_arguments():
    return Case({"n": 5, "k": 2.0, "alpha": 1e-4, "beta": 0.75}, counts=("n",))


exempt(
    "takes only a flag or LRN's four constants (checked there) and returns a fixed spec; the"
    " calculator that reads the specs (layers.network_summary) is fuzzed",
    "classic_networks.lrn",
    "classic_networks.lenet5",
    "classic_networks.alexnet",
    "classic_networks.vgg16",
)
exempt(
    "draws a matplotlib figure from network_summary rows (computed, not learner arrays)",
    "classic_networks.plot_network_profiles",
)
exempt(
    "loads scikit-learn's bundled digits; takes only a test fraction and a seed",
    "classic_networks.load_digits_32",
)


def _signs_like(m=2, C=3, seed=0):
    """Images (m, 32, 32, 3) in [0, 1] and one-hot labels (C, m) for the C4 ConvNet."""
    X = np.random.default_rng(seed).uniform(size=(m, 32, 32, 3))
    return X, np.eye(C)[:, np.arange(m) % C]


def _convnet_parameters(C=3):
    from course_lib.c4_convnets.convnet import initialize_parameters

    return initialize_parameters((32, 32, 3), n_classes=C, seed=0)


@case("convnet.same_padding")
def _convnet_same_padding():
    return Case({"n": 8, "f": 4, "stride": 1}, counts=("n", "f", "stride"))


@case("convnet.conv_same_forward")
def _conv_same_forward():
    W, b = _filters(f=4)
    return Case(
        {"A_prev": _vol(), "W": W, "b": b, "stride": 1},
        images=("A_prev",),
        numbers=("W", "b"),
        counts=("stride",),
    )


@case("convnet.conv_same_backward")
def _conv_same_backward():
    from course_lib.c4_convnets.convnet import conv_same_forward

    W, b = _filters(f=4)
    Z, cache = conv_same_forward(_vol(), W, b)
    return Case({"dZ": np.ones_like(Z), "cache": cache}, images=("dZ",))


@case("convnet.initialize_parameters")
def _convnet_init():
    return Case({"input_shape": (32, 32, 3), "n_classes": 3}, counts=("n_classes",))


@case("convnet.convnet_forward", "convnet.forward_propagation", "convnet.predict")
def _convnet_forward():
    return Case(
        {"X": _signs_like()[0], "parameters": _convnet_parameters()},
        images=("X",),
        dicts=("parameters",),
    )


def _convnet_caches():
    from course_lib.c4_convnets.convnet import convnet_forward

    return convnet_forward(_signs_like()[0], _convnet_parameters())


@case("convnet.convnet_backward")
def _convnet_backward():
    Z3, caches = _convnet_caches()
    return Case({"dZ3": np.full_like(Z3, 0.1), "caches": caches}, examples=("dZ3",))


@case("convnet.compute_cost")
def _convnet_cost():
    return Case({"Z3": _X(3, 2), "Y": _signs_like()[1]}, examples=("Z3", "Y"))


@case("convnet.backward_propagation")
def _convnet_backprop():
    Z3, caches = _convnet_caches()
    return Case({"Z3": Z3, "Y": _signs_like()[1], "caches": caches}, examples=("Z3", "Y"))


@case("convnet.compute_gradients")
def _convnet_gradients():
    X, Y = _signs_like()
    return Case(
        {"X": X, "Y": Y, "parameters": _convnet_parameters()},
        images=("X",),
        examples=("Y",),
        dicts=("parameters",),
    )


@case("convnet.gradient_check_entries")
def _convnet_gradient_check():
    X, Y = _signs_like()
    return Case(
        {"X": X, "Y": Y, "parameters": _convnet_parameters(), "entries": 1},
        images=("X",),
        examples=("Y",),
        dicts=("parameters",),
        counts=("entries",),
    )


@case("convnet.random_mini_batches")
def _convnet_batches():
    X, Y = _signs_like(m=3)
    return Case(
        {"X": X, "Y": Y, "mini_batch_size": 2},
        images=("X",),
        examples=("Y",),
        counts=("mini_batch_size",),
    )


@case("convnet.model")
def _convnet_model():
    X, Y = _signs_like()
    X_test, Y_test = _signs_like(seed=1)
    return Case(
        {
            "X_train": X,
            "Y_train": Y,
            "X_test": X_test,
            "Y_test": Y_test,
            "num_epochs": 1,
            "minibatch_size": 2,
        },
        images=("X_train", "X_test"),
        examples=("Y_train", "Y_test"),
        counts=("num_epochs", "minibatch_size"),
    )


@case("convnet.accuracy")
def _convnet_accuracy():
    return Case(
        {"X": _signs_like()[0], "labels": np.array([[0, 2]]), "parameters": _convnet_parameters()},
        images=("X",),
        examples=("labels",),
        dicts=("parameters",),
    )


def _resnet_net(L=4):
    from course_lib.c4_convnets.resnets import initialize_deep_net

    return initialize_deep_net(L, n_x=2, width=3, seed=0)


@case("resnets.make_spirals")
def _spirals():
    return Case({"m": 6}, counts=("m",))


@case("resnets.initialize_deep_net")
def _init_deep_net():
    return Case({"L": 4, "n_x": 2, "width": 3}, counts=("L", "n_x", "width"))


@case("resnets.deep_net_cost", "resnets.deep_net_cost_and_grads")
def _deep_net_cost():
    return Case(
        {**_xy(), "parameters": _resnet_net(), "residual": True},
        examples=("X",),
        labels=("Y",),
        dicts=("parameters",),
    )


@case("resnets.train_deep_net")
def _train_deep_net():
    return Case(
        {**_xy(), "L": 4, "residual": True, "num_iterations": 2, "width": 3},
        examples=("X",),
        labels=("Y",),
        counts=("L", "width"),
    )


@case("resnets.depth_experiment")
def _depth_experiment():
    return Case(
        {**_xy(), "depths": (2, 4), "num_iterations": 2, "width": 3},
        examples=("X",),
        labels=("Y",),
        counts=("width",),
    )


@case("resnets.initialize_dense_block")
def _init_dense_block():
    return Case({"n": 3}, counts=("n",))


@case("resnets.residual_block_forward")
def _residual_block_forward():
    from course_lib.c4_convnets.resnets import initialize_dense_block

    return Case(
        {"a_prev": np.abs(_X(3, 5)), "parameters": initialize_dense_block(3)},
        examples=("a_prev",),
        dicts=("parameters",),
    )


@case("resnets.weight_decay_identity")
def _weight_decay_identity():
    return Case({"lambd": 0.5, "num_steps": 3, "n": 3, "m": 4}, counts=("n", "m"))


@case("resnets.batchnorm_conv_forward")
def _bn_conv_forward():
    return Case(
        {
            "Z": _vol(),
            "gamma": np.ones((1, 1, 1, 2)),
            "beta": np.zeros((1, 1, 1, 2)),
            "bn_param": {"mode": "train"},
        },
        images=("Z",),
        numbers=("gamma", "beta"),
    )


@case("resnets.initialize_block_parameters")
def _init_block_parameters():
    return Case(
        {"n_C_prev": 4, "f": 3, "filters": [2, 2, 4], "shortcut": True},
        counts=("n_C_prev", "f"),
    )


def _block_parameters(shortcut=False):
    from course_lib.c4_convnets.resnets import initialize_block_parameters

    return initialize_block_parameters(4, 3, [2, 2, 4], shortcut=shortcut, seed=0)


@case("resnets.identity_block", "resnets.block_forward")
def _identity_block():
    return Case(
        {"A_prev": _vol(n_C=4), "parameters": _block_parameters(), "f": 3},
        images=("A_prev",),
        dicts=("parameters",),
    )


@case("resnets.convolutional_block")
def _convolutional_block():
    return Case(
        {"A_prev": _vol(n_C=4), "parameters": _block_parameters(shortcut=True), "f": 3, "s": 2},
        images=("A_prev",),
        dicts=("parameters",),
        counts=("s",),
    )


@case("resnets.block_output_shape")
def _block_output_shape():
    return Case({"input_shape": (8, 8, 4), "filters": [2, 2, 6], "s": 2}, counts=("s",))


@case("resnets.resnet50_param_count")
def _resnet50_count():
    return Case({"input_shape": (64, 64, 3), "classes": 6}, counts=("classes",))


@case("architectures.pointwise_conv_forward")
def _pointwise_forward():
    W, b = _filters(f=1)
    return Case({"A_prev": _vol(), "W": W, "b": b}, images=("A_prev",), numbers=("W", "b"))


@case("architectures.count_multiplies")
def _count_multiplies():
    from course_lib.c4_convnets.convolution import conv_forward

    return Case({"fn": conv_forward, **_conv_case()}, images=("A_prev",), dicts=("hparameters",))


@case("architectures.bottleneck_cost")
def _bottleneck_cost():
    args = {"n_H": 8, "n_W": 8, "n_C_prev": 6, "f": 3, "n_C": 4, "n_bottleneck": 2}
    return Case(args, counts=tuple(args))


@case("architectures.separable_conv_cost")
def _separable_cost():
    return Case(
        {"n": 6, "n_C": 3, "f": 3, "n_C_prime": 5, "pad": 0, "stride": 1},
        counts=("n", "n_C", "f", "n_C_prime", "stride"),
    )


def _inception_filters():
    return {"1x1": 2, "3x3_reduce": 1, "3x3": 2, "5x5_reduce": 1, "5x5": 1, "pool_proj": 1}


@case("architectures.initialize_inception_parameters", "architectures.inception_module_params")
def _inception_init():
    return Case(
        {"n_C_prev": 3, "filters": _inception_filters()}, counts=("n_C_prev",), dicts=("filters",)
    )


@case("architectures.inception_module_cost")
def _inception_cost():
    return Case(
        {"n_H": 6, "n_W": 6, "n_C_prev": 3, "filters": _inception_filters()},
        counts=("n_H", "n_W", "n_C_prev"),
        dicts=("filters",),
    )


@case("architectures.inception_module_forward")
def _inception_forward():
    from course_lib.c4_convnets.architectures import initialize_inception_parameters

    return Case(
        {
            "A_prev": _vol(n_C=3),
            "parameters": initialize_inception_parameters(3, _inception_filters()),
        },
        images=("A_prev",),
        dicts=("parameters",),
    )


@case("architectures.mobilenet_v1_block_params")
def _mobilenet_v1_block():
    return Case({"n_C_prev": 8, "n_C": 16, "f": 3}, counts=("n_C_prev", "n_C", "f"))


@case("architectures.mobilenet_v2_block_params")
def _mobilenet_v2_block():
    return Case({"n_C_prev": 8, "n_C": 16, "t": 6, "f": 3}, counts=("n_C_prev", "n_C", "t", "f"))


@case("architectures.mobilenet_v1_params", "architectures.mobilenet_v2_params")
def _mobilenet_params():
    return Case({"classes": 10, "n_C_in": 3}, counts=("classes", "n_C_in"))


@case("architectures.compound_scaling")
def _compound_scaling():
    return Case({"phi": 1.0})


@case("architectures.scale_baseline")
def _scale_baseline():
    return Case(
        {"baseline": {"depth": 4, "width": 16, "resolution": 32}, "phi": 1.0},
        dicts=("baseline",),
    )


@case("architectures.toy_convnet_multiplies")
def _toy_multiplies():
    args = {"depth": 2, "width": 4, "resolution": 8, "n_C_in": 3, "f": 3}
    return Case(args, counts=tuple(args))


@case("architectures.toy_convnet_forward")
def _toy_forward():
    return Case(
        {"X": _vol(n_C=1), "depth": 1, "width": 2, "f": 3},
        images=("X",),
        counts=("depth", "width", "f"),
    )


exempt(
    "a context manager that takes no argument; count_multiplies, which runs it, is fuzzed",
    "architectures.counting_multiplies",
)


def _rgb(m=2, n=6, seed=0):
    """RGB images (m, n, n, 3) in [0, 255]."""
    return np.random.default_rng(seed).uniform(0, 255, size=(m, n, n, 3))


@case("augmentation.as_images")
def _as_images():
    return Case({"name": "X", "X": _rgb(), "colour": True}, images=("X",))


@case("augmentation.mirror", "augmentation.rgb_pca")
def _mirror():
    return Case({"X": _rgb()}, images=("X",))


@case("augmentation.crop")
def _aug_crop():
    return Case(
        {"X": _rgb(), "top": 1, "left": 2, "height": 3, "width": 4},
        images=("X",),
        counts=("height", "width"),
    )


@case("augmentation.random_crop")
def _aug_random_crop():
    return Case({"X": _rgb(), "height": 3, "width": 4}, images=("X",), counts=("height", "width"))


@case("augmentation.affine_warp")
def _affine_warp():
    from course_lib.c4_convnets.augmentation import rotation_matrix

    return Case(
        {"X": _rgb(), "transform": rotation_matrix(10.0, 6, 6)},
        images=("X",),
        arrays=("transform",),
    )


@case("augmentation.rotation_matrix")
def _rotation_matrix():
    return Case({"angle": 10.0, "n_H": 6, "n_W": 8}, counts=("n_H", "n_W"))


@case("augmentation.shear_matrix")
def _shear_matrix():
    return Case({"shear_x": 0.2, "n_H": 6}, counts=("n_H",))


@case("augmentation.rotate")
def _aug_rotate():
    return Case({"X": _rgb(), "angle": 10.0}, images=("X",))


@case("augmentation.shear")
def _aug_shear():
    return Case({"X": _rgb(), "shear_x": 0.2}, images=("X",))


@case("augmentation.random_rotation")
def _aug_random_rotation():
    return Case({"X": _rgb(), "max_angle": 10.0}, images=("X",))


@case("augmentation.colour_shift")
def _colour_shift():
    return Case(
        {"X": _rgb(), "shift": np.array([20.0, -20.0, 20.0])}, images=("X",), arrays=("shift",)
    )


@case("augmentation.random_colour_shift")
def _random_colour_shift():
    return Case({"X": _rgb(), "max_shift": 20.0}, images=("X",))


def _rgb_pca():
    from course_lib.c4_convnets.augmentation import rgb_pca

    return rgb_pca(_rgb())


@case("augmentation.pca_colour_offset")
def _pca_colour_offset():
    eigvals, eigvecs = _rgb_pca()
    return Case(
        {"eigvals": eigvals, "eigvecs": eigvecs, "alphas": np.array([0.1, -0.1, 0.05])},
        arrays=("eigvals", "eigvecs", "alphas"),
    )


@case("augmentation.pca_colour_augmentation")
def _pca_colour_augmentation():
    eigvals, eigvecs = _rgb_pca()
    return Case(
        {"X": _rgb(), "sigma": 0.1, "eigvals": eigvals, "eigvecs": eigvecs},
        images=("X",),
        arrays=("eigvals", "eigvecs"),
    )


def _digit_like(m=6, seed=0):
    """(m, 4, 4, 1) images in [0, 1] and labels (m,) of two classes 0/1."""
    X = np.random.default_rng(seed).uniform(size=(m, 4, 4, 1))
    return X, np.arange(m) % 2


def _mlp():
    from course_lib.c4_convnets.ensembles import train_mlp

    X, y = _digit_like()
    return train_mlp(X, y, n_classes=2, hidden=3, epochs=1, batch_size=4)


def _probabilities(m=6, seed=0):
    p = np.random.default_rng(seed).uniform(0.1, 0.9, size=(m, 1))
    return np.hstack([p, 1 - p])


@case("ensembles.train_mlp")
def _train_mlp():
    X, y = _digit_like()
    return Case(
        {"X": X, "y": y, "n_classes": 2, "hidden": 3, "epochs": 1, "batch_size": 4},
        images=("X",),
        labels=("y",),
        counts=("hidden", "batch_size"),
    )


@case("ensembles.predict_proba")
def _ensembles_predict():
    return Case({"params": _mlp(), "X": _digit_like()[0]}, images=("X",), dicts=("params",))


@case("ensembles.predict_fn")
def _ensembles_predict_fn():
    return Case({"params": _mlp()}, dicts=("params",))


@case("ensembles.accuracy", "ensembles.log_loss")
def _ensembles_accuracy():
    return Case({"P": _probabilities(), "y": _digit_like()[1]}, images=("P",), labels=("y",))


@case("ensembles.ensemble_curve")
def _ensemble_curve():
    return Case(
        {"probabilities": [_probabilities(), _probabilities(seed=1)], "y": _digit_like()[1]},
        labels=("y",),
    )


@case("ensembles.ten_crop")
def _ten_crop():
    return Case({"X": _vol(n_C=1), "crop_size": 3}, images=("X",), counts=("crop_size",))


def _uniform_predictions(crops):
    return np.full((len(crops), 2), 0.5)


@case("ensembles.multi_crop_predict")
def _multi_crop_predict():
    return Case(
        {"predict_fn": _uniform_predictions, "X": _vol(n_C=1), "crop_size": 3, "n_crops": 10},
        images=("X",),
        counts=("crop_size",),
    )


@case("ensembles.crop_offsets")
def _crop_offsets():
    return Case({"n_H": 6, "n_W": 5, "crop_size": 3}, counts=("n_H", "n_W", "crop_size"))


exempt(
    "loads scikit-learn's bundled digits; takes only a training-set size and a seed",
    "ensembles.load_digit_images",
)


def _features(m=8, n=3, seed=0):
    return np.random.default_rng(seed).standard_normal((m, n))


def _binary(m=8):
    return np.arange(m) % 2


@case("transfer_learning.examples_per_class")
def _examples_per_class():
    return Case({"y": _binary(), "k": 2}, images=("y",), counts=("k",))


@case("transfer_learning.global_average_pool")
def _global_average_pool():
    return Case({"A": _vol()}, images=("A",))


@case("transfer_learning.standardise")
def _standardise():
    return Case(
        {"F_train": _features(), "F_test": _features(4, seed=1)}, images=("F_train", "F_test")
    )


@case("transfer_learning.train_logistic_head")
def _train_head():
    return Case(
        {"F": _features(), "y": _binary(), "max_iterations": 5}, images=("F",), labels=("y",)
    )


@case("transfer_learning.predict_head")
def _predict_head():
    head = {"w": np.array([[0.5], [-0.2], [0.1]]), "b": np.array([[0.1]])}
    return Case({"F": _features(), "head": head}, images=("F",), dicts=("head",))


@case("transfer_learning.head_accuracy")
def _head_accuracy():
    return Case(
        {
            "F_train": _features(),
            "y_train": _binary(),
            "F_test": _features(8, seed=1),
            "y_test": _binary(),
        },
        images=("F_train", "F_test"),
        labels=("y_train", "y_test"),
    )


@case("transfer_learning.data_size_curve")
def _data_size_curve():
    return Case(
        {
            "representations": {"pixels": (_features(), _features(8, seed=1))},
            "y_train": _binary(),
            "y_test": _binary(),
            "sizes": [2],
            "repeats": 1,
        },
        labels=("y_train", "y_test"),
        counts=("repeats",),
    )


exempt(
    "loads scikit-image's bundled face crops; takes only an image size and a seed",
    "transfer_learning.faces_rgb",
)


@case("pretrained.vgg_preprocess")
def _vgg_preprocess():
    return Case({"images": _rgb()}, images=("images",))


exempt(
    "finds, hashes or reads the shipped weights file; takes only a path and a flag, no"
    " learner array",
    "pretrained.hed_weights_path",
    "pretrained.file_sha256",
    "pretrained.load_vgg16_conv_weights",
)
exempt(
    "asks whether a network is reachable; takes only a timeout",
    "pretrained.imagenet_weights_reachable",
)
exempt(
    "builds Keras models (imports TensorFlow): takes an input shape, a name from a fixed list"
    " or a model, never a learner array; their bad arguments are tested in"
    " tests/unit/test_pretrained.py",
    "pretrained.build_vgg16",
    "pretrained.feature_extractor",
)
exempt(
    "load the bundled digits or the course's SIGNS files and take no learner array; hostile"
    " SIGNS h5 files are tested in tests/unit/test_signs_data.py",
    "data.load_digit_signs",
    "data.load_signs",
    "data.load_signs_h5",
)


# --- later topics register their cases in their own files (fuzz_cases_<topic>.py) ---------

CASE_FILES = sorted(Path(__file__).parent.glob("fuzz_cases_*.py"))
for _path in CASE_FILES:
    importlib.import_module(_path.stem)


# --- the tests (cases of Courses 1-4 part 1 are registered above this line) ----------------


def _fuzz_ids():
    return sorted(BUILDERS)


def test_every_public_function_is_fuzzed_or_exempted_with_a_reason():
    functions = public_functions()
    missing = sorted(set(functions) - set(BUILDERS) - set(EXEMPT))
    assert not missing, f"fuzz or exempt (with the reason) these public functions: {missing}"
    stale = sorted((set(BUILDERS) | set(EXEMPT)) - set(functions))
    assert not stale, f"no such public functions: {stale}"
    assert not set(BUILDERS) & set(EXEMPT)
    assert all(len(reason) > 20 for reason in [*EXEMPT.values(), *ALLOWED.values()])


@pytest.mark.parametrize("name", _fuzz_ids())
def test_bad_input_gets_a_clear_error(name):
    fn = public_functions()[name]
    case = BUILDERS[name]()
    result, error = _call(fn, copy.deepcopy(case.args))
    assert error is None, f"{name}: the valid call failed: {error!r}"
    where = None if name in NAN_RESULTS else _non_finite(result)
    assert where is None, f"{name}: the valid call returned non-finite {where}"
    problems = []
    for kind, description, args in _mutations(case):
        result, error = _call(fn, args)
        if (name, kind) in ALLOWED:
            if error is not None and not isinstance(error, (ValueError, TypeError)):
                problems.append(f"{description}: {error!r}")
            continue
        if error is None:
            problems.append(f"{description}: accepted (returned {type(result).__name__})")
        elif not isinstance(error, (ValueError, TypeError)):
            problems.append(f"{description}: {type(error).__name__}: {error}")
        else:
            why = _raised_by_course_lib(error)
            if why:
                problems.append(f"{description}: {type(error).__name__} {why}: {error}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)
