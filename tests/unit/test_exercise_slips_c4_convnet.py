"""The ConvNet lesson's exercise check fails every slip the lesson names, each with its own
hint. The learner's function is written the way a learner would write the exercise, with
one slip switched on by ``slip=...``."""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c2_improving_dnns.softmax import softmax
from course_lib.c4_convnets import convnet as cn
from course_lib.c4_convnets import convnet_checks as cc
from course_lib.c4_convnets.convolution import pool_forward_vectorized


def forward_propagation(X, parameters, *, slip=None):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1, _ = cn.conv_same_forward(X, W1, b1)
    A1 = Z1 if slip == "relu1" else np.maximum(Z1, 0)
    mode = "average" if slip == "average" else "max"
    P1, _ = pool_forward_vectorized(A1, {"f": 8, "stride": 8}, mode=mode)
    Z2, _ = cn.conv_same_forward(P1, W2, b2)
    A2 = Z2 if slip == "relu2" else np.maximum(Z2, 0)
    P2, _ = pool_forward_vectorized(A2, {"f": 4, "stride": 4}, mode=mode)
    m = X.shape[0]
    if slip == "chw":
        F = np.transpose(P2, (0, 3, 1, 2)).reshape(m, -1).T
    elif slip == "reshape":
        F = P2.reshape(-1, m)
    else:
        F = P2.reshape(m, -1).T
    Z3 = parameters["W3"] @ F
    if slip != "no b3":
        Z3 = Z3 + parameters["b3"]
    return softmax(Z3) if slip == "softmax" else Z3


def test_reference_and_learner_pass():
    assert cc.check_forward_propagation(cn.forward_propagation).passed
    assert cc.check_forward_propagation(forward_propagation).passed


def test_stub_is_not_attempted():
    assert cc.check_forward_propagation(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("relu1", "no ReLU after the first convolution"),
        ("relu2", "no ReLU after the second convolution"),
        ("average", "average pooling instead of max pooling"),
        ("chw", "flattened channels first"),
        ("reshape", "P2.reshape(-1, m)"),
        ("softmax", "the softmax applied"),
        ("no b3", "b3 left out"),
    ],
)
def test_each_slip_gets_its_own_hint(slip, fragment):
    result = cc.check_forward_propagation(lambda X, p: forward_propagation(X, p, slip=slip))
    fails_with(result, fragment)


def test_a_crash_is_reported_not_raised():
    def broken(X, parameters):
        return parameters["W3"] @ X  # shapes do not fit

    result = cc.check_forward_propagation(broken)
    assert result.status == "failed" and "raised" in result.message
