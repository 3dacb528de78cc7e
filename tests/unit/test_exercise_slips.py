"""Each exercise check fails the classic slips its lesson names, with that slip's own hint.

The slips are written here as a learner would write them (not taken from the checks), so a
check whose diagnosis drifts from the real mistake fails these tests.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c1_neural_networks import activations as act
from course_lib.c1_neural_networks import activations_checks as ac
from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import gradient_checking_checks as gcc
from course_lib.c2_improving_dnns import optimizers
from course_lib.c2_improving_dnns import optimizers_checks as oc
from course_lib.c2_improving_dnns import softmax as sm
from course_lib.c2_improving_dnns import softmax_checks as smc
from course_lib.exercises import Case, Slip, check_function

# --- Adam ---------------------------------------------------------------------------------------


def _adam(
    parameters,
    grads,
    v,
    s,
    t,
    learning_rate=0.01,
    beta1=0.9,
    beta2=0.999,
    epsilon=1e-8,
    *,
    slip=None,
):
    """A learner's Adam step, the course's loop over layers, with one slip switched on."""
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    if slip == "t + 1":
        t = t + 1
    for l in range(1, L + 1):
        for p in ("W", "b"):
            d = f"d{p}{l}"
            g = grads[d]
            v[d] = beta1 * v[d] + (1 - beta1) * g
            if slip == "s from v":
                s[d] = beta2 * v[d] + (1 - beta2) * g**2
            elif slip == "1 - beta1 in s":
                s[d] = beta2 * s[d] + (1 - beta1) * np.square(g)
            else:
                s[d] = beta2 * s[d] + (1 - beta2) * np.square(g)
            power = 1 if slip == "t fixed" else t
            v_corrected[d] = v[d] / (1 - beta1**power)
            s_corrected[d] = s[d] / (1 - beta2**power)
            if slip == "no bias correction":
                v_corrected[d], s_corrected[d] = v[d], s[d]
            if slip == "epsilon inside":
                step = v_corrected[d] / np.sqrt(s_corrected[d] + epsilon)
            else:
                step = v_corrected[d] / (np.sqrt(s_corrected[d]) + epsilon)
            sign = 1 if slip == "wrong sign" else -1
            parameters[f"{p}{l}"] = parameters[f"{p}{l}"] + sign * learning_rate * step
    return parameters, v, s, v_corrected, s_corrected


def test_adam_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert oc.check_update_parameters_with_adam(optimizers.update_parameters_with_adam).passed
    assert oc.check_update_parameters_with_adam(_adam).passed
    assert oc.check_update_parameters_with_adam(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("epsilon inside", "epsilon goes outside"),
        ("no bias correction", "divide v by (1 - beta1**t)"),
        ("t fixed", "the corrections use the argument t"),
        ("t + 1", "the corrections use the argument t"),
        ("1 - beta1 in s", "uses beta2 in both places"),
        ("s from v", "s is updated from s itself"),
        ("wrong sign", "subtract the step"),
    ],
)
def test_adam_slips_get_their_own_hint(slip, fragment):
    with np.errstate(invalid="ignore"):  # "s from v" can make s negative: sqrt gives NaN
        result = oc.check_update_parameters_with_adam(lambda *a, **k: _adam(*a, **k, slip=slip))
    fails_with(result, fragment)
    if slip != "epsilon inside":
        assert "epsilon goes outside" not in result.message


def test_adam_cases_make_epsilon_matter():
    # On every case sqrt(s_corrected) of some entry is far below epsilon.
    for case in oc._adam_cases():
        *_, s_corr = optimizers.update_parameters_with_adam(*case.args, **case.kwargs)
        assert min(np.sqrt(x).min() for x in s_corr.values()) < 0.1 * case.kwargs["epsilon"]


# --- gradient_check_n ---------------------------------------------------------------------------


def _gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False, *, slip=None):
    theta, _ = gc.dictionary_to_vector(parameters)
    grad = gc.gradients_to_vector(gradients)
    n = theta.shape[0]
    gradapprox = np.zeros((n, 1))
    J, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta))
    for i in range(n):
        theta_plus = theta if slip == "shared" else np.copy(theta)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta_plus))
        theta_minus = theta if slip == "shared" else np.copy(theta)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus, _ = gc.forward_propagation_n(X, Y, gc.vector_to_dictionary(theta_minus))
        if slip == "one-sided":
            gradapprox[i] = (J_plus - J) / epsilon
        elif slip == "backward one-sided":
            gradapprox[i] = (J - J_minus) / epsilon
        elif slip == "no 2":
            gradapprox[i] = (J_plus - J_minus) / epsilon
        else:
            gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    numerator = np.linalg.norm(gradapprox - grad)
    return numerator / (np.linalg.norm(gradapprox) + np.linalg.norm(grad))


def test_gradient_check_n_reference_and_correct_learner_pass():
    assert gcc.check_gradient_check_n(gc.gradient_check_n).passed
    assert gcc.check_gradient_check_n(_gradient_check_n).passed
    assert gcc.check_gradient_check_n(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("one-sided", "use the centred difference"),
        ("backward one-sided", "Hint:"),
        ("no 2", "(2 * epsilon)"),
        ("shared", "nudge copies"),
    ],
)
def test_gradient_check_n_slips_fail(slip, fragment):
    result = gcc.check_gradient_check_n(lambda *a, **k: _gradient_check_n(*a, **k, slip=slip))
    fails_with(result, fragment)


# --- activations ----------------------------------------------------------------------------


def test_relu_derivative_follows_the_course_at_zero():
    assert act.relu_derivative(np.array([0.0]))[0] == 0.0
    assert ac.check_relu_derivative(act.relu_derivative).passed
    assert ac.check_relu_derivative(lambda z: (z > 0).astype(float)).passed
    assert ac.check_relu_derivative(stub).status == "not attempted"
    fails_with(ac.check_relu_derivative(lambda z: np.where(z >= 0, 1, 0)), "any value in [0, 1]")
    fails_with(ac.check_relu_derivative(lambda z: np.maximum(z, 0)), "a slope, 0 or 1")


@pytest.mark.parametrize(
    ("learner", "fragment"),
    [
        (lambda z: 1 - z * z, "square the tanh, not z"),
        (lambda z: 1 - np.tanh(z), "square the tanh: 1 - np.tanh(z)**2."),
        (lambda z: (1 - np.tanh(z)) ** 2, "not (1 - np.tanh(z))**2"),
        (lambda z: np.tanh(z) * (1 - np.tanh(z)), "belongs to the sigmoid"),
    ],
)
def test_tanh_derivative_slips(learner, fragment):
    assert ac.check_tanh_derivative(act.tanh_derivative).passed
    fails_with(ac.check_tanh_derivative(learner), fragment)


def test_tanh_by_hand_overflows_and_is_told_to_use_np_tanh():
    def by_hand(z):
        e, f = np.exp(z), np.exp(-z)
        return 1 - ((e - f) / (e + f)) ** 2

    with np.errstate(all="ignore"):
        fails_with(ac.check_tanh_derivative(by_hand), "np.tanh is safe")


# --- the hint mechanism ---------------------------------------------------------------------


def test_hints_do_not_cascade():
    # The cost without 1/m fails on a number; the "shape" hint must not follow just because
    # the first hint's text mentions a shape.
    result = smc.check_softmax_cost(lambda AL, Y: -np.sum(Y * np.log(np.where(Y == 1, AL, 1))))
    assert result.status == "failed"
    assert "a single number (a float)" not in result.message, result.message
    assert result.message.count("Hint:") == 1, result.message


def test_a_matching_slip_replaces_the_generic_hints():
    slips = [
        Slip("doubling", "halve it", lambda x: 2 * x),
        Slip("negating", "flip it", lambda x: -x),
    ]
    cases = [Case("x = 3", (3.0,))]
    negated = check_function(
        "ident", lambda x: -x, lambda x: x, cases, slips=slips, hints={"": "generic"}
    )
    assert negated.message == (
        "on x = 3, the result is -3, expected 3.\n"
        "This matches a common mistake: negating.\nHint: flip it"
    )
    other = check_function(
        "ident", lambda x: x + 1, lambda x: x, cases, slips=slips, hints={"": "generic"}
    )
    assert other.message.endswith("\nHint: generic") and "common mistake" not in other.message


def test_a_slip_that_raises_diagnoses_nothing():
    def broken(x):
        raise ValueError

    slips = [Slip("broken", "never shown", broken)]
    result = check_function("f", lambda x: x + 1, lambda x: x, [Case("x", (1.0,))], slips=slips)
    assert "never shown" not in result.message and result.status == "failed"


@pytest.mark.parametrize(
    ("check", "learner_name"),
    [
        (ac.check_relu_derivative, "my_relu_derivative"),
        (oc.check_update_parameters_with_adam, "my_update_parameters_with_adam"),
        (smc.check_softmax, "my_softmax"),
    ],
)
def test_the_report_names_the_exercise_not_the_learners_function(check, learner_name):
    def learner(*args, **kwargs):
        raise NotImplementedError

    learner.__name__ = learner.__qualname__ = learner_name
    text = str(check(learner))
    assert learner_name not in text
    assert text.startswith(f"[TO DO] {learner_name.removeprefix('my_')}:")


def test_softmax_reference_passes():
    assert smc.check_softmax(sm.softmax).passed


# --- predict and the L2 cost ------------------------------------------------------------------


def test_predict_slips():
    from course_lib.c1_neural_networks import logistic_regression_checks as lc
    from course_lib.c1_neural_networks.activations import sigmoid

    ge = lc.check_predict(lambda w, b, X: (sigmoid(np.dot(w.T, X) + b) >= 0.5) * 1.0)
    fails_with(ge, "A > 0.5 (strictly)")
    fails_with(lc.check_predict(lambda w, b, X: sigmoid(np.dot(w.T, X) + b)), "not A")


def test_l2_cost_for_any_number_of_layers():
    from course_lib.c2_improving_dnns import regularization as reg
    from course_lib.c2_improving_dnns import regularization_checks as rc

    def three_layers_only(A3, Y, parameters, lambd):
        m = Y.shape[1]
        W = [parameters["W1"], parameters["W2"], parameters["W3"]]
        return reg.compute_cost(A3, Y) + lambd / (2 * m) * sum(np.sum(np.square(w)) for w in W)

    def every_layer(A3, Y, parameters, lambd):
        m = Y.shape[1]
        W = [v for k, v in parameters.items() if k.startswith("W")]
        return reg.compute_cost(A3, Y) + lambd / (2 * m) * sum(np.sum(np.square(w)) for w in W)

    assert rc.check_compute_cost_with_regularization(every_layer).passed
    assert rc.check_compute_cost_with_regularization(reg.compute_cost_with_regularization).passed
    fails_with(rc.check_compute_cost_with_regularization(three_layers_only), "every 'W1'")
