"""Course 2's exercise checks fail the slips their lessons name, each with its own hint.

Every learner function here is written the way a learner would write the exercise (not
taken from the checks), with one classic slip switched on by ``slip=...``; so a check whose
diagnosis drifts from the real mistake, or whose cases cannot see a slip, fails a test.
"""
# ruff: noqa: NPY002  (the exercises seed the legacy global generator, as the course does)

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c1_neural_networks.activations import relu, sigmoid
from course_lib.c2_improving_dnns import batch_norm as bn
from course_lib.c2_improving_dnns import batch_norm_checks as bnc
from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.c2_improving_dnns import diagnosis_checks as dgc
from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import gradient_checking_checks as gcc
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns import initialization_checks as inc
from course_lib.c2_improving_dnns import mini_batches as mb
from course_lib.c2_improving_dnns import optimizers_checks as oc
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns import regularization_checks as rc
from course_lib.c2_improving_dnns import tuning


def _with(fn, slip):
    """The learner's function with one slip switched on, called as the exercise is."""
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- diagnose (C2-01) ---------------------------------------------------------------------------


def _diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03, *, slip=None):
    avoidable_bias = train_error - bayes_error
    variance = dev_error - train_error
    if slip == "bias is the training error":
        avoidable_bias = train_error
    if slip == "variance from Bayes":
        variance = dev_error - bayes_error
    if slip == "bias and variance swapped":
        avoidable_bias, variance = variance, avoidable_bias
    limit = 0.03 if slip == "fixed 0.03" else tolerance
    if slip == ">=":
        high_bias, high_variance = avoidable_bias >= limit, variance >= limit
    else:
        high_bias, high_variance = avoidable_bias > limit, variance > limit
    if slip == "bias tested first":
        if high_bias:
            return "high bias"
        if high_variance:
            return "high variance"
        return "low bias and low variance"
    if slip == "variance tested first":
        if high_variance:
            return "high variance"
        if high_bias:
            return "high bias"
        return "low bias and low variance"
    if high_bias and high_variance:
        return "high bias and high variance"
    if high_bias:
        return "high bias"
    if high_variance:
        return "high variance"
    return "low bias and low variance"


def test_diagnose_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert dgc.check_diagnose(dg.diagnose).passed
    assert dgc.check_diagnose(_diagnose).passed
    assert dgc.check_diagnose(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("bias is the training error", "avoidable bias is train_error - bayes_error"),
        ("variance from Bayes", "the variance is dev_error - train_error"),
        ("bias and variance swapped", "high bias: the training error is well above"),
        (">=", "strictly larger than `tolerance`"),
        ("fixed 0.03", "the `tolerance` argument"),
        ("bias tested first", "both gaps can be large at once"),
        ("variance tested first", "both gaps can be large at once"),
    ],
)
def test_diagnose_slips_get_their_own_hint(slip, fragment):
    fails_with(dgc.check_diagnose(_with(_diagnose, slip)), fragment)


def test_diagnose_boundary_case_is_exactly_at_the_tolerance():
    # 0.125 and 0.25 are exact binary fractions: both gaps are exactly the tolerance, so
    # only a strict > reads them as small (0.05 - 0.02 would be 0.030000000000000002).
    assert 0.25 - 0.125 == 0.125 - 0.0 == 0.125
    assert dg.diagnose(0.125, 0.25, tolerance=0.125) == "low bias and low variance"


# --- initialize_parameters_he (C2-02) -------------------------------------------------------------


def _he(layers_dims, *, slip=None):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        if slip == "seed in the loop":
            np.random.seed(3)
        n_prev, n_here = layers_dims[l - 1], layers_dims[l]
        scale = {
            "xavier": np.sqrt(1 / n_prev),
            "glorot": np.sqrt(2 / (n_prev + n_here)),
            "fan-out": np.sqrt(2 / n_here),
            "n_x everywhere": np.sqrt(2 / layers_dims[0]),
            "no sqrt": 2 / n_prev,
        }.get(slip, np.sqrt(2 / n_prev))
        draw = np.random.rand if slip == "rand" else np.random.randn
        parameters["W" + str(l)] = draw(n_here, n_prev) * scale
        parameters["b" + str(l)] = np.zeros((n_here, 1))
    return parameters


def _he_transposed(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l - 1], layers_dims[l]) * np.sqrt(
            2 / layers_dims[l - 1]
        )
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def _he_random_biases(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2 / layers_dims[l - 1]
        )
        parameters[f"b{l}"] = np.random.randn(layers_dims[l], 1) * 0.01
    return parameters


def _he_one_layer_short(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims) - 1):  # stops one layer early
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2 / layers_dims[l - 1]
        )
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def test_he_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert inc.check_initialize_parameters_he(ini.initialize_parameters_he).passed
    assert inc.check_initialize_parameters_he(_he).passed
    assert inc.check_initialize_parameters_he(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("xavier", "not np.sqrt(1 / n[l-1])"),
        ("glorot", "fan-in only"),
        ("fan-out", "the size of the layer *before* it"),
        ("n_x everywhere", "the layer's own n[l-1], not layers_dims[0]"),
        ("no sqrt", "2 / n[l-1] is the variance"),
        ("seed in the loop", "once, before the loop"),
        ("rand", "np.random.randn (normal"),
    ],
)
def test_he_slips_get_their_own_hint(slip, fragment):
    fails_with(inc.check_initialize_parameters_he(_with(_he, slip)), fragment)


@pytest.mark.parametrize(
    ("learner", "fragment"),
    [
        (_he_transposed, "W^[l] has shape (n[l], n[l-1])"),
        (_he_random_biases, "biases start at np.zeros"),
        (_he_one_layer_short, "for l = 1, ..., L"),
    ],
)
def test_he_shape_bias_and_loop_slips(learner, fragment):
    fails_with(inc.check_initialize_parameters_he(learner), fragment)


# --- forward_propagation_with_dropout (C2-03) -------------------------------------------------


def _dropout(X, parameters, keep_prob=0.5, *, slip=None):
    np.random.seed(1)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    def mask(A):
        if slip == "randn":
            return (np.random.randn(A.shape[0], A.shape[1]) < keep_prob).astype(int)
        if slip == "keeps rand > keep_prob":
            return (np.random.rand(A.shape[0], A.shape[1]) > keep_prob).astype(int)
        return (np.random.rand(A.shape[0], A.shape[1]) < keep_prob).astype(int)

    def drop(A, D):
        if slip == "no rescale":
            return A * D
        if slip == "times keep_prob":
            return A * D * keep_prob
        return A * D / keep_prob

    Z1 = np.dot(W1, X) + b1
    if slip == "mask on Z1":
        D1 = mask(Z1)
        Z1 = drop(Z1, D1)
        A1 = relu(Z1)
    else:
        A1 = relu(Z1)
        D1 = mask(A1)
        A1 = drop(A1, D1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = mask(A2)
    if slip != "only layer 1":
        A2 = drop(A2, D2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    if slip == "output dropped":
        A3 = drop(A3, mask(A3))
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def test_dropout_reference_and_correct_learner_pass_and_stub_is_to_do():
    check = rc.check_forward_propagation_with_dropout
    assert check(reg.forward_propagation_with_dropout).passed
    assert check(_dropout).passed
    assert check(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no rescale", "inverted dropout divides by keep_prob"),
        ("times keep_prob", "divide by keep_prob, do not multiply"),
        ("keeps rand > keep_prob", "np.random.rand(...) < keep_prob"),
        ("randn", "np.random.rand (uniform in [0, 1))"),
        ("only layer 1", "A2 = A2 * D2 / keep_prob"),
        ("output dropped", "the output layer is never dropped"),
        ("mask on Z1", "mask A1 = relu(Z1), not Z1"),
    ],
)
def test_dropout_slips_get_their_own_hint(slip, fragment):
    fails_with(rc.check_forward_propagation_with_dropout(_with(_dropout, slip)), fragment)


def test_dropout_cache_before_masking_is_told_what_the_cache_holds():
    def cache_before_dropout(X, parameters, keep_prob=0.5):
        A3, cache = _dropout(X, parameters, keep_prob)
        Z1, D1, _, W1, b1, Z2, D2, _, W2, b2, Z3, _, W3, b3 = cache
        A1, A2 = relu(Z1), relu(Z2)  # the activations before the masks
        return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)

    check = rc.check_forward_propagation_with_dropout
    fails_with(check(cache_before_dropout), "with A1, A2 after dropout")


# --- gradient_check, the 1-D one (C2-04) ---------------------------------------------------------


def _gradient_check(x, theta, epsilon=1e-7, print_msg=False, *, slip=None):
    if slip == "fixed epsilon":
        epsilon = 1e-7
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = gc.forward_propagation(x, theta_plus)
    J_minus = gc.forward_propagation(x, theta_minus)
    if slip == "no 2":
        gradapprox = (J_plus - J_minus) / epsilon
    elif slip == "one-sided":
        gradapprox = (J_plus - gc.forward_propagation(x, theta)) / epsilon
    elif slip == "reversed":
        gradapprox = (J_minus - J_plus) / (2 * epsilon)
    else:
        gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = gc.backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    if slip == "no denominator":
        return numerator
    if slip == "divides by grad only":
        return numerator / np.linalg.norm(grad)
    return numerator / denominator


def test_gradient_check_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert gcc.check_gradient_check(gc.gradient_check).passed
    assert gcc.check_gradient_check(_gradient_check).passed
    assert gcc.check_gradient_check(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no 2", "2 * epsilon"),
        ("one-sided", "use the centred difference"),
        ("reversed", "J_plus - J_minus, in that order"),
        ("fixed epsilon", "the epsilon argument"),
        ("no denominator", "divide by np.linalg.norm(grad) + np.linalg.norm(gradapprox)"),
        ("divides by grad only", "divide by np.linalg.norm(grad) + np.linalg.norm(gradapprox)"),
    ],
)
def test_gradient_check_slips_get_their_own_hint(slip, fragment):
    fails_with(gcc.check_gradient_check(_with(_gradient_check, slip)), fragment)


# --- random_mini_batches (C2-05) ---------------------------------------------------------------


def _mini_batches(X, Y, mini_batch_size=64, seed=0, *, slip=None):
    np.random.seed(seed)
    m = X.shape[0] if slip == "permutes n_x" else X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    if slip == "Y own permutation":
        shuffled_Y = Y[:, list(np.random.permutation(m))]
    elif slip == "Y not shuffled":
        shuffled_Y = Y[:, :m]
    else:
        shuffled_Y = Y[:, permutation]
    if slip == "no shuffle":
        shuffled_X, shuffled_Y = X, Y
    batches = []
    num_complete = m // mini_batch_size
    for k in range(num_complete):
        end = (k + 1) * mini_batch_size - (1 if slip == "off by one" else 0)
        batches.append(
            (
                shuffled_X[:, k * mini_batch_size : end],
                shuffled_Y[:, k * mini_batch_size : end],
            )
        )
    if slip == "drops the last batch":
        return batches
    if m % mini_batch_size != 0 or slip == "empty last batch":
        start = num_complete * mini_batch_size
        batches.append((shuffled_X[:, start:m], shuffled_Y[:, start:m]))
    return batches


def _mini_batches_rows(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X, shuffled_Y = X[permutation, :], Y[permutation, :]  # rows, not columns
    return [
        (shuffled_X[:, k : k + mini_batch_size], shuffled_Y[:, k : k + mini_batch_size])
        for k in range(0, m, mini_batch_size)
    ]


def test_mini_batches_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert oc.check_random_mini_batches(mb.random_mini_batches).passed
    assert oc.check_random_mini_batches(_mini_batches).passed
    assert oc.check_random_mini_batches(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("Y own permutation", "the same permutation for X and Y"),
        ("Y not shuffled", "the same permutation for X and Y"),
        ("no shuffle", "shuffle before you partition"),
        ("drops the last batch", "keep the last, smaller mini-batch"),
        ("empty last batch", "no empty batch"),
        ("permutes n_x", "m = X.shape[1]"),
        ("off by one", "X[:, k * mini_batch_size : (k + 1) * mini_batch_size]"),
    ],
)
def test_mini_batches_slips_get_their_own_hint(slip, fragment):
    fails_with(oc.check_random_mini_batches(_with(_mini_batches, slip)), fragment)


def test_mini_batches_shuffling_rows_is_told_to_index_columns():
    fails_with(oc.check_random_mini_batches(_mini_batches_rows), "X[:, permutation]")


# --- batchnorm_forward_train (C2-06) -----------------------------------------------------------


def _batchnorm(Z, gamma, beta, epsilon=1e-8, *, slip=None):
    if slip == "fixed epsilon":
        epsilon = 1e-8
    axis = 0 if slip == "axis 0" else 1
    m = Z.shape[axis]
    mu = np.sum(Z, axis=axis, keepdims=True) / m
    if slip == "mean of Z squared":
        sigma2 = np.sum(Z**2, axis=axis, keepdims=True) / m
    else:
        sigma2 = np.sum((Z - mu) ** 2, axis=axis, keepdims=True) / (m - 1 if slip == "m - 1" else m)
    if slip == "epsilon outside":
        Z_norm = (Z - mu) / (np.sqrt(sigma2) + epsilon)
    elif slip == "no sqrt":
        Z_norm = (Z - mu) / (sigma2 + epsilon)
    else:
        Z_norm = (Z - mu) / np.sqrt(sigma2 + epsilon)
    if slip == "no gamma, beta":
        return Z_norm
    if slip == "gamma and beta swapped":
        return beta * Z_norm + gamma
    return gamma * Z_norm + beta


def _batchnorm_no_keepdims(Z, gamma, beta, epsilon=1e-8):
    mu = np.mean(Z, axis=1)
    sigma2 = np.mean((Z - mu) ** 2, axis=1)
    return gamma * (Z - mu) / np.sqrt(sigma2 + epsilon) + beta


def test_batchnorm_reference_and_correct_learner_pass_and_stub_is_to_do():
    check = bnc.check_batchnorm_forward_train
    assert check(
        lambda Z, g, b, epsilon=1e-8: bn.batchnorm_forward(Z, g, b, {"epsilon": epsilon})[0]
    ).passed
    assert check(_batchnorm).passed
    assert check(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("axis 0", "axis=1"),
        ("m - 1", "divide by m, not m - 1"),
        ("mean of Z squared", "the mean of (Z - mu)**2"),
        ("epsilon outside", "epsilon goes inside the square root"),
        ("no sqrt", "the standard deviation np.sqrt(sigma^2 + epsilon)"),
        ("no gamma, beta", "finish with gamma * Z_norm + beta"),
        ("gamma and beta swapped", "gamma scales and beta shifts"),
        ("fixed epsilon", "the epsilon argument"),
    ],
)
def test_batchnorm_slips_get_their_own_hint(slip, fragment):
    fails_with(bnc.check_batchnorm_forward_train(_with(_batchnorm, slip)), fragment)


def test_batchnorm_without_keepdims_is_told_to_keep_dims():
    fails_with(
        bnc.check_batchnorm_forward_train(_batchnorm_no_keepdims), "without it the shape is (n,)"
    )


# --- sample_learning_rate (C2-06) ---------------------------------------------------------------


def _sample_learning_rate(low, high, size, seed, *, slip=None):
    if slip == "legacy generator":
        np.random.seed(seed)
        u = np.random.rand(size)
    else:
        u = np.random.default_rng(seed).random(size)
    if slip == "uniform":
        return low + (high - low) * u
    log = np.log if slip == "natural log" else np.log10
    a, b = log(low), log(high)
    if slip == "lecture's -4":
        r = -4 * u
    elif slip == "from a":
        r = a + (b - a) * u
    else:
        r = b - (b - a) * u
    if slip == "returns r":
        return r
    return 10**r


def test_sample_learning_rate_reference_and_correct_learner_pass_and_stub_is_to_do():
    check = bnc.check_sample_learning_rate
    assert check(
        lambda lo, hi, n, s: tuning.sample_log_uniform(lo, hi, n, np.random.default_rng(s))
    ).passed
    assert check(_sample_learning_rate).passed
    assert check(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("uniform", "sample the exponent r uniformly"),
        ("natural log", "np.log10, not np.log"),
        ("lecture's -4", "a = np.log10(low), b = np.log10(high)"),
        ("from a", "r = b - (b - a) * u"),
        ("returns r", "return 10 ** r"),
        ("legacy generator", "np.random.default_rng(seed).random(size)"),
    ],
)
def test_sample_learning_rate_slips_get_their_own_hint(slip, fragment):
    fails_with(bnc.check_sample_learning_rate(_with(_sample_learning_rate, slip)), fragment)
