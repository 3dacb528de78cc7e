"""Course 1's exercise checks fail the classic slips of their lessons, each with its own hint.

Every slip is written here the way a learner writes it (a whole function with the exercise's
signature, one mistake switched on), not taken from the checks, so a check whose diagnosis
drifts away from the real mistake fails these tests. For each check: the reference and a
correct learner-style solution pass, a stub is "not attempted", and every slip fails with
exactly one hint, the intended one.
"""

import math

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c1_neural_networks import deep_network as dn
from course_lib.c1_neural_networks import deep_network_checks as dc
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import logistic_regression_checks as lc
from course_lib.c1_neural_networks import shallow_network as sn
from course_lib.c1_neural_networks import shallow_network_checks as sc
from course_lib.c1_neural_networks.activations import sigmoid


def _with_slip(learner, slip):
    return lambda *args, **kwargs: learner(*args, **kwargs, slip=slip)


def _sig(z):
    return 1 / (1 + np.exp(-z))


# --- sigmoid (C1-01, section 2) ---------------------------------------------------------------


def _sigmoid(z, *, slip=None):
    if slip == "exp(z)":
        return 1 / (1 + np.exp(z))
    if slip == "e^-z on top":
        return np.exp(-z) / (1 + np.exp(-z))
    if slip == "no brackets":
        return 1 / 1 + np.exp(-z)
    if slip == "minus in the denominator":
        return 1 / (1 - np.exp(-z))
    if slip == "math.exp":
        return 1 / (1 + math.exp(-z))
    return 1 / (1 + np.exp(-z))


def test_sigmoid_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert lc.check_sigmoid(sigmoid).passed
    assert lc.check_sigmoid(_sigmoid).passed
    assert lc.check_sigmoid(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("exp(z)", "1 - sigma(z)"),
        ("e^-z on top", "1 - sigma(z)"),
        ("no brackets", "brackets"),
        ("minus in the denominator", "1 + np.exp(-z)"),
        ("math.exp", "np.exp works on whole arrays"),
    ],
)
def test_sigmoid_slips_get_their_own_hint(slip, fragment):
    with np.errstate(divide="ignore"):
        result = lc.check_sigmoid(_with_slip(_sigmoid, slip))
    fails_with(result, fragment)
    if slip == "minus in the denominator":
        assert "1 - sigma(z)" not in result.message


# --- propagate (C1-01, section 7) -------------------------------------------------------------


def _propagate(w, b, X, Y, *, slip=None):
    m = X.shape[1]
    if slip == "w not transposed":
        Z = np.dot(w, X) + b
    elif slip == "no b":
        Z = np.dot(w.T, X)
    else:
        Z = np.dot(w.T, X) + b
    A = _sig(Z)
    log_likelihood = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    if slip == "no 1/m in the cost":
        cost = -log_likelihood
    elif slip == "no minus":
        cost = log_likelihood / m
    elif slip == "squared error":
        cost = np.sum((A - Y) ** 2) / (2 * m)
    else:
        cost = -log_likelihood / m
    dZ = Y - A if slip == "Y - A" else A - Y
    if slip == "X * dZ.T":
        dw = X * dZ.T / m
    elif slip == "X * dZ":
        dw = X * dZ / m
    elif slip == "no 1/m in the gradients":
        dw = np.dot(X, dZ.T)
    else:
        dw = np.dot(X, dZ.T) / m
    if slip == "no 1/m in the gradients":
        db = np.sum(dZ)
    elif slip == "db keepdims":
        db = np.sum(dZ, axis=1, keepdims=True) / m
    else:
        db = np.sum(dZ) / m
    if slip == "cost as (1, 1)":
        cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
        return {"dw": dw, "db": db}, cost
    return {"dw": dw, "db": db}, float(np.squeeze(cost))


def test_propagate_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert lc.check_propagate(lr.propagate).passed
    assert lc.check_propagate(_propagate).passed
    assert lc.check_propagate(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no 1/m in the cost", "divide the sum by m"),
        ("no minus", "the minus sign"),
        ("squared error", "not the squared error"),
        ("Y - A", "dZ = A - Y"),
        ("no b", "+ b"),
        ("no 1/m in the gradients", "divide dw and db by m"),
        ("X * dZ.T", "`*` multiplies elementwise"),
        ("X * dZ", "`*` is elementwise"),
        ("w not transposed", "np.dot(w.T, X)"),
        ("db keepdims", "db = np.sum(dZ) / m is a single number"),
        ("cost as (1, 1)", "float(np.squeeze(cost))"),
    ],
)
def test_propagate_slips_get_their_own_hint(slip, fragment):
    fails_with(lc.check_propagate(_with_slip(_propagate, slip)), fragment)


def test_propagate_cost_hints_do_not_cross():
    summed = lc.check_propagate(_with_slip(_propagate, "no 1/m in the cost")).message
    squared = lc.check_propagate(_with_slip(_propagate, "squared error")).message
    assert "squared error" not in summed and "divide the sum by m" not in squared


# --- shallow network: forward_propagation (C1-03, section 5) ------------------------------------


def _forward_propagation(X, parameters, *, slip=None):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    if slip == "W1.T":
        Z1 = np.dot(W1.T, X) + b1
    elif slip == "no biases":
        Z1 = np.dot(W1, X)
    else:
        Z1 = np.dot(W1, X) + b1
    A1 = _sig(Z1) if slip == "sigmoid hidden" else np.tanh(Z1)
    Z2 = np.dot(W2, A1) if slip == "no biases" else np.dot(W2, A1) + b2
    A2 = np.tanh(Z2) if slip == "tanh output" else _sig(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    if slip == "cache without Z1":
        del cache["Z1"]
    return A2, cache


def test_forward_propagation_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert sc.check_forward_propagation(sn.forward_propagation).passed
    assert sc.check_forward_propagation(_forward_propagation).passed
    assert sc.check_forward_propagation(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("sigmoid hidden", "only the output layer uses the sigmoid"),
        ("tanh output", "not np.tanh(Z2)"),
        ("no biases", "add the biases"),
        ("W1.T", "np.dot(W1, X)"),
        ("cache without Z1", "'Z1', 'A1', 'Z2', 'A2'"),
    ],
)
def test_forward_propagation_slips_get_their_own_hint(slip, fragment):
    result = sc.check_forward_propagation(_with_slip(_forward_propagation, slip))
    fails_with(result, fragment)
    if slip != "sigmoid hidden":
        assert "np.tanh(Z1)" not in result.message


# --- shallow network: backward_propagation (C1-03, section 6) -----------------------------------


def _backward_propagation(parameters, cache, X, Y, *, slip=None):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = Y - A2 if slip == "Y - A2" else A2 - Y
    scale = 1 if slip == "no 1/m" else 1 / m
    dW2 = scale * np.dot(dZ2, A1.T)
    db2 = scale * np.sum(dZ2, axis=1, keepdims=True)
    if slip == "sigmoid derivative":
        g_prime = A1 * (1 - A1)
    elif slip == "1 - A1":
        g_prime = 1 - A1
    else:
        g_prime = 1 - np.power(A1, 2)
    if slip == "W2 not transposed":
        dZ1 = np.dot(W2, dZ2) * g_prime
    elif slip == "np.dot for g'":
        dZ1 = np.dot(np.dot(W2.T, dZ2), g_prime)
    else:
        dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = scale * np.dot(dZ1, X.T)
    if slip == "no keepdims":
        db1 = scale * np.sum(dZ1, axis=1)
    elif slip == "axis=0":
        db1 = scale * np.sum(dZ1, axis=0, keepdims=True)
    else:
        db1 = scale * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def test_backward_propagation_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert sc.check_backward_propagation(sn.backward_propagation).passed
    assert sc.check_backward_propagation(_backward_propagation).passed
    assert sc.check_backward_propagation(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("Y - A2", "Y - A2 flips the sign"),
        ("no 1/m", "divide dW1, db1, dW2 and db2 by m"),
        ("sigmoid derivative", "A1 * (1 - A1) is the sigmoid's"),
        ("1 - A1", "square A1"),
        ("W2 not transposed", "np.dot(W2.T, dZ2)"),
        ("np.dot for g'", "`*` for the elementwise"),
        ("no keepdims", "keepdims=True"),
        ("axis=0", "axis=1"),
    ],
)
def test_backward_propagation_slips_get_their_own_hint(slip, fragment):
    result = sc.check_backward_propagation(_with_slip(_backward_propagation, slip))
    fails_with(result, fragment)
    if slip not in ("sigmoid derivative", "1 - A1"):
        assert "1 - A1**2" not in result.message


# --- deep network: L_model_forward (C1-04, section 4) -------------------------------------------


def _L_model_forward(X, parameters, *, slip=None):
    caches = []
    A = X
    L = len(parameters) if slip == "L = len(parameters)" else len(parameters) // 2
    hidden, output = "relu", "sigmoid"
    if slip == "sigmoid everywhere":
        hidden = "sigmoid"
    elif slip == "relu everywhere":
        output = "relu"
    elif slip == "swapped":
        hidden, output = "sigmoid", "relu"
    for l in range(1, L):
        A_prev = A
        A, cache = dn.linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], hidden
        )
        caches.append(cache)
    AL, cache = dn.linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], output
    )
    if slip != "last cache not appended":
        caches.append(cache)
    return AL, caches


def test_L_model_forward_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert dc.check_L_model_forward(dn.L_model_forward).passed
    assert dc.check_L_model_forward(_L_model_forward).passed
    assert dc.check_L_model_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("sigmoid everywhere", "layers 1 to L - 1 use 'relu'"),
        ("relu everywhere", "so that AL is a probability"),
        ("swapped", "the other way round"),
        ("last cache not appended", "L caches in all"),
        ("L = len(parameters)", "L = len(parameters) // 2"),
    ],
)
def test_L_model_forward_slips_get_their_own_hint(slip, fragment):
    fails_with(dc.check_L_model_forward(_with_slip(_L_model_forward, slip)), fragment)


# --- deep network: linear_backward (C1-04, section 6) -------------------------------------------


def _linear_backward(dZ, cache, *, slip=None):
    A_prev, W, b = cache
    if slip == "m = A_prev.shape[0]":
        m = A_prev.shape[0]
    elif slip == "m = dZ.shape[0]":
        m = dZ.shape[0]
    else:
        m = A_prev.shape[1]
    if slip == "no 1/m":
        dW, db = np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True)
    else:
        dW, db = np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
    if slip == "dW transposed":
        dW = np.dot(A_prev, dZ.T) / m
    if slip == "no keepdims":
        db = np.sum(dZ, axis=1) / m
    elif slip == "axis=0":
        db = np.sum(dZ, axis=0, keepdims=True) / m
    if slip == "W not transposed":
        dA_prev = np.dot(W, dZ)
    elif slip == "1/m in dA_prev":
        dA_prev = np.dot(W.T, dZ) / m
    else:
        dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def test_linear_backward_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert dc.check_linear_backward(dn.linear_backward).passed
    assert dc.check_linear_backward(_linear_backward).passed
    assert dc.check_linear_backward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("m = A_prev.shape[0]", "m = A_prev.shape[1]"),
        ("m = dZ.shape[0]", "m = A_prev.shape[1]"),
        ("no 1/m", "divide dW and db by m"),
        ("dW transposed", "np.dot(dZ, A_prev.T) / m has the shape of W"),
        ("no keepdims", "keepdims=True"),
        ("axis=0", "axis=1"),
        ("W not transposed", "np.dot(W.T, dZ)"),
        ("1/m in dA_prev", "with no 1/m: it is not"),
    ],
)
def test_linear_backward_slips_get_their_own_hint(slip, fragment):
    result = dc.check_linear_backward(_with_slip(_linear_backward, slip))
    fails_with(result, fragment)
    # "Reduce it to a single number" would send the axis=0 slip the wrong way.
    assert "single number" not in result.message


# --- deep network: L_model_backward (C1-04, section 6) ------------------------------------------


def _L_model_backward(AL, Y, caches, *, slip=None):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    if slip == "summed dAL":
        dAL = np.sum(dAL) * np.ones_like(AL)  # the notes' sum over i in front
    elif slip == "dAL summed to a number":
        dAL = np.sum(dAL)
    elif slip == "dAL summed, keepdims":
        dAL = np.sum(dAL, keepdims=True)
    elif slip == "dAL sign":
        dAL = -dAL
    hidden, output = "relu", "sigmoid"
    if slip == "relu at layer L":
        output = "relu"
    elif slip == "sigmoid everywhere":
        hidden = "sigmoid"
    dA_prev, dW, db = dn.linear_activation_backward(dAL, caches[L - 1], output)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(1, L)):
        cache = caches[l] if slip == "caches[l]" else caches[l - 1]
        dA_prev, dW, db = dn.linear_activation_backward(grads["dA" + str(l)], cache, hidden)
        if slip == "dA key one up":
            grads["dA" + str(l)] = dA_prev
        else:
            grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)], grads["db" + str(l)] = dW, db
    return grads


def test_L_model_backward_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert dc.check_L_model_backward(dn.L_model_backward).passed
    assert dc.check_L_model_backward(_L_model_backward).passed
    assert dc.check_L_model_backward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("summed dAL", "one entry per example"),
        ("dAL summed to a number", "one entry per example"),
        ("dAL summed, keepdims", "one entry per example"),
        ("dAL sign", "mind the signs"),
        ("relu at layer L", "layer L goes back through 'sigmoid'"),
        ("sigmoid everywhere", "layers L - 1 to 1 go back through 'relu'"),
        ("caches[l]", "caches[l - 1]"),
        ("dA key one up", "grads['dA' + str(l - 1)]"),
    ],
)
def test_L_model_backward_slips_get_their_own_hint(slip, fragment):
    result = dc.check_L_model_backward(_with_slip(_L_model_backward, slip))
    fails_with(result, fragment)
    if not slip.startswith(("summed", "dAL summed")):
        assert "one entry per example" not in result.message


# --- deep network application: L_layer_model (C1-05, section 7) ---------------------------------


def _L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, *, slip=None):
    costs = []
    if slip == "course default init":
        parameters = dn.initialize_parameters_deep(layers_dims)
    elif slip == "xavier, default seed":
        parameters = dn.initialize_parameters_deep(layers_dims, scale="xavier")
    else:
        parameters = dn.initialize_parameters_deep(layers_dims, scale="xavier", seed=1)
    alpha = 0.0075 if slip == "default learning rate" else learning_rate
    for i in range(num_iterations + 1 if slip == "one iteration more" else num_iterations):
        if slip == "init in the loop":
            parameters = dn.initialize_parameters_deep(layers_dims, scale="xavier", seed=1)
        AL, caches = dn.L_model_forward(X, parameters)
        cost = dn.compute_cost(AL, Y)
        grads = dn.L_model_backward(AL, Y, caches)
        if slip == "plus":
            parameters = {k: v + alpha * grads["d" + k] for k, v in parameters.items()}
        elif slip == "update not kept":
            dn.update_parameters(parameters, grads, alpha)
        else:
            parameters = dn.update_parameters(parameters, grads, alpha)
        if slip == "every cost" or i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def test_L_layer_model_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert dc.check_L_layer_model(dn.L_layer_model).passed
    assert dc.check_L_layer_model(_L_layer_model).passed
    assert dc.check_L_layer_model(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("course default init", "randn / sqrt(n^[l-1])"),
        ("xavier, default seed", "its default is the step-by-step assignment's seed 3"),
        ("default learning rate", "the learning_rate argument"),
        ("plus", "W^[l] := W^[l] - learning_rate * dW^[l]"),
        ("update not kept", "parameters = dn.update_parameters"),
        ("init in the loop", "once, before the loop"),
        ("one iteration more", "range(num_iterations)"),
        ("every cost", "i % 100 == 0"),
    ],
)
def test_L_layer_model_slips_get_their_own_hint(slip, fragment):
    result = dc.check_L_layer_model(_with_slip(_L_layer_model, slip))
    fails_with(result, fragment)
    if slip not in ("course default init", "xavier, default seed"):
        assert "seed=1" not in result.message
